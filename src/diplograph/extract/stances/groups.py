"""Groups as stance holders: "both sides", "стороны", "الجانبان", "the two ministers" name
no actor, so they stand for the sides (or the persons) of the meeting the sentence is
about, as the meetings component found them."""

from __future__ import annotations

import functools
import re

from diplograph.extract.stances.clauses import (
    actor_mentions,
    either,
    governed,
    grammar_of,
    locatives,
)
from diplograph.extract.state import State
from diplograph.model import Meeting, Mention
from diplograph.text.folding import Sentence
from diplograph.text.matcher import Match

__all__ = ["group_subject", "is_pair", "meeting_sides"]


GROUP_AFTER = 20
"""How far after a verb a group subject may stand where subjects follow ("اتفق الجانبان")."""


def group_subject(
    state: State, trigger: Match, opening: int, groups: tuple[str, ...]
) -> str | None:
    """ "Both sides agreed", "стороны договорились", "اتفق الجانبان", "versprachen die
    Teilnehmer": a subject that names no actor, before the verb or right after it; the group
    word, or ``None``."""
    if not groups:
        return None
    after, anywhere = _group_patterns(groups)
    tail = state.text[trigger.end : trigger.end + GROUP_AFTER]
    behind = after.match(tail)
    if behind:
        return behind.group(1)
    head = state.text[opening : trigger.start]
    found = list(anywhere.finditer(head))
    if not found or actor_mentions(state, opening + found[-1].end(), trigger.start):
        return None
    return found[-1].group(0)


@functools.lru_cache(maxsize=64)
def _group_patterns(groups: tuple[str, ...]) -> tuple[re.Pattern, re.Pattern]:
    """A group word right at the start of a text, and one anywhere in it."""
    return (
        re.compile(rf"\s*((?:{either(groups)}))(?=\W|$)", re.IGNORECASE),
        re.compile(rf"(?:^|(?<=\W))(?:{either(groups)})(?=\W|$)", re.IGNORECASE),
    )


def is_pair(state: State, group: str) -> bool:
    pairs = state.language.stance_triggers.pairs if state.language else ()
    return group.casefold() in {p.casefold() for p in pairs}


def _meetings_about(state: State, sentence: Sentence) -> list[Meeting]:
    """The meetings a sentence may be about, likeliest first: those reported in it, then
    those reported before it that were held, the nearest first (what follows a report
    tells what came of the meeting), then those to come or only agreed on ("a direct
    dialogue was agreed": "the participants promised" were at the meeting held)."""
    meetings = [e for e in state.events if isinstance(e, Meeting) and e.participants]
    inside = [m for m in meetings if sentence.start <= m.evidence.start < sentence.end]
    before = [m for m in meetings if m.evidence.start < sentence.start]

    def unheld(meeting: Meeting) -> bool:
        if meeting.date is None:
            return meeting.place is None
        return state.published is not None and meeting.date.start > state.published

    return [*inside, *sorted(before, key=lambda m: (unheld(m), -m.evidence.start))]


def _named_in(state: State, entity: str, meeting: Meeting) -> bool:
    mentions = state.mentions_in(meeting.evidence.start, meeting.evidence.end)
    return any(m.entity == entity for m in mentions)


def meeting_sides(
    state: State, sentence: Sentence, *, persons: bool = False, pair: bool = False
) -> list[Mention]:
    """ "Both sides agreed", "стороны договорились", "اتفق الجانبان": the group is the sides of
    the meeting the sentence is about, its states and bodies (its persons where it has no two
    of those); "the two ministers" are its persons.  The meeting is the likeliest one with two
    such sides.  As mentions: the first of each side in the document that no preposition
    governs."""
    chosen: list[str] = []
    for meeting in _meetings_about(state, sentence):
        sides = [p for p in meeting.participants if state.entities.get(p) is not None]
        bodies = [p for p in sides if state.entities[p].type != "Person"]
        people = [p for p in sides if state.entities[p].type == "Person"]
        if persons:
            chosen = people if len(people) >= 2 else []
        else:
            chosen = bodies if len(bodies) >= 2 else people if len(people) >= 2 else []
        if pair and persons and len(chosen) > 2:
            # "the two ministers": the persons who speak for the meeting's states
            chosen = [
                p
                for p in chosen
                if state.entities[p].country and f"country/{state.entities[p].country}" in bodies
            ]
        host = state.entities.get(meeting.place) if meeting.place else None
        if pair and not persons and len(chosen) == 3 and host is not None and host.country:
            # "Iran and Saudi Arabia held talks in Beijing. The two sides": not the host
            chosen = [p for p in chosen if p != f"country/{host.country}"]
        if pair and len(chosen) > 2:
            # "Israelis and Palestinians met in Aqaba with Jordan, Egypt and the US ...
            # Both sides": the two its report names, not the mediators added after.
            chosen = [p for p in chosen if _named_in(state, p, meeting)]
        if pair and len(chosen) != 2:
            chosen = []  # "both sides" is not a mediated meeting's three
        if chosen:
            break
    first: dict[str, Mention] = {}
    for mention in state.mentions:
        if mention.entity in chosen and not governed(
            state, mention, locatives(state), grammar_of(state)
        ):
            first.setdefault(mention.entity, mention)
    return [first[p] for p in chosen if p in first]
