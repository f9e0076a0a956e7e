"""Speakers that are sides, bodies or states rather than a subject beside the verb.

A joint statement ("joint statement", "بيان مشترك") is issued by every side it names,
or, naming none, by the sides of the meeting told before it; a report noun ("the
statement by", "la déclaration du", "заявление Лаврова") has its speaker after it as a
genitive; unnamed officials ("Russian officials said") speak for their state, and a
group ("both sides said") for the sides of the meeting told before.  The word lists
are ``reporting_verbs.yaml`` and ``grammar.yaml`` data.
"""

from __future__ import annotations

import functools
import re

from diplograph.extract.entities.find import affixes
from diplograph.extract.lexicon import alternation, lexicon
from diplograph.extract.state import State
from diplograph.lang import load
from diplograph.model import Meeting, Mention
from diplograph.text.folding import Sentence, fold_key
from diplograph.text.matcher import Match, Matcher

__all__ = [
    "group_subject",
    "groups",
    "joint_speakers",
    "meeting_sides",
    "nominal_speakers",
    "officials_subject",
]


@functools.cache
def _joint(code: str) -> Matcher[str]:
    return Matcher((form, "x") for form in load(code).reporting_verbs.joint_statements)


CHAIN_GAP = 8
"""Characters between two sides of a list ("Iran, Saudi Arabia and China")."""
JOINT_NEAR = 25
"""How far the first side may stand from "joint statement" ("… between Iran and …")."""


def _linked(state: State, gap: str) -> bool:
    words = {fold_key(w) for w in state.language.grammar.conjunctions} if state.language else set()
    glued = tuple(state.language.grammar.glued_conjunctions) if state.language else ()
    rest = gap.strip()
    if rest in ("", ",", "،"):
        return bool(gap)
    rest = rest.lstrip(",،").strip()
    return fold_key(rest) in words or (bool(glued) and rest in glued)


def _chain(state: State, first: Mention, actors: list[Mention], forward: bool) -> list[Mention]:
    """``first`` and the actors listed with it ("A, B and C")."""
    chain = [first]
    ordered = actors if forward else list(reversed(actors))
    for other in ordered:
        current = chain[-1]
        if forward and other.span.start < current.span.end:
            continue
        if not forward and other.span.end > current.span.start:
            continue
        left, right = (current, other) if forward else (other, current)
        gap = state.text[left.span.end : right.span.start]
        glued = state.language.grammar.glued_conjunctions if state.language else ()
        if len(gap) > CHAIN_GAP:
            break
        if not _linked(state, gap) and not (
            gap.strip() == ""
            and any(state.text[right.span.start - len(g) : right.span.start] == g for g in glued)
        ):
            break
        chain.append(other)
    return chain


def _sides(state: State, sentence: Sentence, phrase: Match) -> list[str]:
    """The sides a joint statement names: listed right after it ("between Iran, Saudi
    Arabia and China") or right before it ("Russia and China issued a joint statement")."""
    actors = [
        m
        for m in state.mentions_in(sentence.start, sentence.end)
        if state.is_actor(m) and m.via != "title"
    ]
    after = [m for m in actors if m.span.start >= phrase.end]
    if after and after[0].span.start - phrase.end <= JOINT_NEAR:
        chain = _chain(state, after[0], after[1:], forward=True)
        if len(chain) >= 2 or state.entity(after[0]).type == "Organization":
            # "the joint statement of the G7": a body of many speaks as one.
            return [m.entity for m in chain]
    before = [m for m in actors if m.span.end <= phrase.start]
    if before and phrase.start - before[-1].span.end <= JOINT_NEAR * 2:
        chain = _chain(state, before[-1], before[:-1], forward=False)
        if len(chain) >= 2:
            return [m.entity for m in reversed(chain)]
    return []


def meeting_sides(state: State, offset: int, *, persons: bool = False) -> list[str]:
    """The sides of the last meeting told before ``offset``: a joint statement that names
    no side, or "both sides said", is that meeting's ("a joint declaration was published
    after the talks"); with ``persons`` ("both leaders said"), its two persons."""
    meetings = [e for e in state.events if isinstance(e, Meeting) and e.evidence.start <= offset]
    if not meetings:
        return []
    last = max(meetings, key=lambda e: e.evidence.start)
    sides = [p for p in last.participants if p in state.entities and state.entities[p].is_actor]
    if persons:
        people = [p for p in sides if state.entities[p].type == "Person"]
        return people if len(people) == 2 else []
    # The sides are the states and bodies; persons there are their envoys ("both sides",
    # "الطرفان", are the states), unless only persons met.
    bodies = [p for p in sides if state.entities[p].type != "Person"]
    sides = bodies if len(bodies) >= 2 else sides
    # Only a meeting of two: with more, which of them issued the text ("both sides") the
    # meeting does not tell (hosts and mediators attend too).
    return sides if len(sides) == 2 else []


def joint_speakers(state: State) -> list[tuple[Match, Sentence, list[str]]]:
    """Every joint statement of the text, with the sides that issued it."""
    if state.language is None:
        return []
    out = []
    found = _joint(state.language.code).find(state.folded, state.text, affixes(state.language))
    for phrase in found:
        sentence = state.sentence_at(phrase.start)
        sides = _sides(state, sentence, phrase) or meeting_sides(state, phrase.start)
        if sides:
            out.append((phrase, sentence, list(dict.fromkeys(sides))))
    return out


@functools.cache
def _genitive_gap(code: str) -> re.Pattern:
    """What may stand between a report noun and its speaker: an adjective, a genitive word,
    an article and a word ("déclaration forte du Guinéen", "statement by the"); nothing where the
    language marks the genitive on the name itself (Russian, Arabic)."""
    grammar = load(code).grammar
    if not grammar.genitives:
        return re.compile(r"\s*")
    genitive = alternation(tuple(grammar.genitives))
    article = alternation(tuple(grammar.articles)) if grammar.articles else "(?!)"
    return re.compile(
        rf"\s+(?:\w+\s+)?(?:{genitive})(?:\s+|(?<=['’]))(?:(?:{article})\s+)?(?:\w+\s+)?",
        re.IGNORECASE,
    )


NOMINAL_REACH = 60


def nominal_speakers(state: State) -> list[tuple[Match, Sentence, str]]:
    """A report named by a noun and its speaker after it ("the statement by the ministry",
    "la déclaration du président", "заявление Лаврова", "تصريحات بلينكن")."""
    if state.language is None:
        return []
    code = state.language.code
    out = []
    inside = state.inside_names()
    for phrase in lexicon(code).nominal_reports.find(
        state.folded, state.text, affixes(state.language)
    ):
        if phrase.start in inside:
            continue
        sentence = state.sentence_at(phrase.start)
        after = [
            m
            for m in state.mentions_in(phrase.end, min(sentence.end, phrase.end + NOMINAL_REACH))
            if state.is_actor(m)
        ]
        if not after or not _genitive_gap(code).fullmatch(
            state.text[phrase.end : after[0].span.start]
        ):
            continue
        first = after[0]
        if re.match(r"['’]s?\b", state.text[first.span.end : first.span.end + 2]):
            continue  # "the announcement of Russia's withdrawal": Russia owns the withdrawal
        if first.via == "adjective" and len(after) > 1:
            # "du Guinéen Alpha Condé": the adjective qualifies the person after it.
            nxt = after[1]
            if nxt.span.start - first.span.end <= 2 and state.entity(nxt).type == "Person":
                first = nxt
        out.append((phrase, sentence, first.entity))
    return out


@functools.cache
def _officials(code: str) -> Matcher[str]:
    return Matcher((form, "x") for form in load(code).reporting_verbs.official_nouns)


PUNCT = re.compile(r"[^\w\s]")
OFFICIALS_GAP = 2
"""Words between "Russian officials" and the verb ("have been saying", "at the talks")."""


def officials_subject(state: State, sentence: Sentence, trigger: Match) -> Mention | None:
    """Unnamed officials of a state or body as the subject ("Russian officials have been
    saying", "les responsables russes ont déclaré", "NATO diplomats said"): the state or
    body named beside them."""
    if state.language is None:
        return None
    # Asked at every reporting verb: the text is searched once (the key's -1: whatever
    # mentions are known, unlike the lexicon words of ``agents.matches``).
    key = ("officials", -1)
    if key not in state.lexicon_matches:
        state.lexicon_matches[key] = list(
            _officials(state.language.code).find(state.folded, state.text, affixes(state.language))
        )
    found = state.lexicon_matches[key]
    conjunctions = {fold_key(c) for c in state.language.grammar.conjunctions}
    for noun in found:
        if not (sentence.start <= noun.start and noun.end <= trigger.start):
            continue
        gap = state.text[noun.end : trigger.start]
        if PUNCT.search(gap) or len(gap.split()) > OFFICIALS_GAP:
            continue
        if any(fold_key(w) in conjunctions for w in gap.split()):
            continue  # "Lavrov met US officials and said": the verb has the first subject
        for mention in state.mentions_in(max(sentence.start, noun.start - 25), noun.end + 25):
            beside = (
                0 <= noun.start - mention.span.end <= 1 or 0 <= mention.span.start - noun.end <= 1
            )
            if (
                beside
                and state.is_actor(mention)
                and state.entity(mention).type != "Person"
                and mention.span.end <= trigger.start
            ):
                return mention
    return None


@functools.cache
def _groups(code: str) -> Matcher[str]:
    """Group subjects: "sides" (the meeting's states and bodies) and "persons" ("both
    leaders", "الزعيمان": the meeting's persons)."""
    lang = load(code)
    return Matcher(
        [
            *((form, "sides") for form in lang.grammar.groups),
            *((form, "persons") for form in lang.stance_triggers.person_groups),
        ]
    )


def groups(state: State) -> list[Match]:
    """The group subjects of the text ("both sides", "الطرفان", "стороны")."""
    if state.language is None:
        return []
    return list(
        _groups(state.language.code).find(state.folded, state.text, affixes(state.language))
    )


def group_subject(
    state: State, sentence: Sentence, trigger: Match, found: list[Match], *, after: bool
) -> str | None:
    """The kind ("sides" or "persons") of a group (of ``found``) that names no member and is
    the subject ("both sides said", "أعرب الطرفان", "both leaders said"): its members are the
    sides or the persons of the meeting told before, not an actor named nearby."""
    text = state.text
    subjects = []
    for group in found:
        if not sentence.start <= group.start < sentence.end:
            continue
        if (
            0 <= trigger.start - group.end <= 2 and not text[group.end : trigger.start].strip()
        ) or (
            after
            and 0 <= group.start - trigger.end <= 2
            and not text[trigger.end : group.start].strip()
        ):
            subjects.append(group)
    if not subjects:
        return None
    return max(subjects, key=lambda g: g.end - g.start).payloads[0]  # "the two ministers"
