"""The parts of one meeting in a sentence: the meeting words that stand together
("held talks"), and the participants, place and date that stand nearer to them than to
the sentence's other meeting words; several places in a row after a meeting word
("visits to Kyiv on Jan. 19 and Berlin on Jan. 20") make several meetings, each with the
sides named before it."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from diplograph.extract.dates import DateMention
from diplograph.extract.entities.towns import TOWN_PREFIX
from diplograph.extract.lexicon import alternation
from diplograph.extract.meetings.setting import (
    PLACE_WINDOW,
    as_city,
    capital_phrases,
    distance,
    in_city,
    is_location,
    join_located,
    opens_where,
    reach,
    widest,
)
from diplograph.extract.meetings.sides import sides
from diplograph.extract.meetings.words import Kind, kind
from diplograph.extract.state import State
from diplograph.lang import load
from diplograph.model import Mention
from diplograph.text.folding import Sentence
from diplograph.text.matcher import Match

__all__ = ["TRIGGER_GAP", "Parts", "clusters_of", "meeting_parts"]

TRIGGER_GAP = 25
"""Meeting words closer than this name one meeting ("held talks", "عقد اجتماع")."""


def clusters_of(state: State, triggers: list[Match], dates: list[DateMention]):
    clusters: list[tuple[int, int, Match]] = []
    for trigger in triggers:
        if clusters and _one_meeting(clusters[-1][1], trigger.start, dates):
            start, _, first = clusters[-1]
            clusters[-1] = (start, trigger.end, first)
        else:
            clusters.append((trigger.start, trigger.end, trigger))
    return clusters


def _one_meeting(end: int, start: int, dates: list[DateMention]) -> bool:
    """Two meeting words name one meeting when they stand close, unless a date stands
    between them: it dates the first ("the meeting with NATO on Jan. 12 and the session
    on Jan. 13")."""
    return start - end <= TRIGGER_GAP and not any(end <= d.start and d.end <= start for d in dates)


@dataclass
class Parts:
    place: Mention | None
    date: DateMention | None
    participants: tuple[str, ...]
    name: str | None
    kinds: set[Kind]
    loose: bool = False
    """The date is the report's ("said on Friday that the talks..."), not the meeting's own."""


def meeting_parts(
    state: State,
    sentence: Sentence,
    clusters,
    index: int,
    triggers: list[Match],
    dates: list[DateMention],
    breaks: list[Match],
    speech: list[Match],
    skip: tuple[int, int] = (0, 0),
) -> list[Parts]:
    """Participants, place and date of the meeting(s) named by ``clusters[index]``: the
    actors, places and dates of the sentence that stand nearer to it than to the
    sentence's other meeting words.  Several places in a row after it ("in Kyiv on Jan. 19
    and Berlin on Jan. 20") make several meetings."""
    cluster = clusters[index]
    kinds = kind(state, cluster, triggers)

    def mine(start: int, end: int) -> bool:
        distances = [distance(start, end, c) for c in clusters]
        return distances[index] == min(distances)

    def mine_setting(start: int, end: int) -> bool:
        # Places and dates follow their meeting word ("talks ... in Geneva on Monday"):
        # they belong to the nearest meeting word before them, if any.
        before = [i for i, c in enumerate(clusters) if c[1] <= start]
        return before[-1] == index if before else mine(start, end)

    def date_near(d: DateMention) -> bool:
        return (
            mine_setting(d.start, d.end) and reach(state, d.start, d.end, cluster) <= PLACE_WINDOW
        )

    relative = _relative_clause(state.language.code)

    def in_other_clause(d: DateMention) -> bool:
        return bool(
            relative and d.end <= cluster[0] and relative.search(state.text, d.end, cluster[0])
        )

    def date_fits(d: DateMention) -> bool:
        if not date_near(d):
            return False
        if d.end <= cluster[0]:
            # "X said on Wednesday that the meeting...": a date before a clause break that
            # precedes the meeting word dates the saying, not the meeting; so does one
            # before a relative clause ("On Sunday X met Y, who accepted a visit to...").
            if in_other_clause(d):
                return False
            return not any(d.end <= b.start and b.end <= cluster[0] for b in breaks)
        # "after the talks in Geneva: Washington will answer next week", "talks ended,
        # X said on Monday": a colon, a quote or a reporting verb between them ends the
        # meeting's clause.
        between = state.text[cluster[1] : d.start]
        if re.search(r"[:«»“”\"]", between):
            return False
        return not any(cluster[1] <= b.start and b.end <= d.start for b in speech)

    places, capitals = [], {}
    if Kind.CALL not in kinds:
        # A capital read as its state may still be a place when it is listed with one
        # ("in Geneva, Brussels and Vienna").
        capitals = {
            m.span.start: c
            for m in state.mentions_in(sentence.start, sentence.end)
            if not state.is_place(m) and (c := as_city(state, m)) is not None
        }
        cities = (
            in_city(state, capitals.get(m.span.start, m))
            for m in state.mentions_in(sentence.start, sentence.end)
            if state.is_place(m) or m.span.start in capitals
        )
        capital = capital_phrases(state, sentence.start, sentence.end)
        places = sorted(
            (
                m
                for m in [*cities, *capital]
                if m is not None
                and (
                    m.entity.startswith(TOWN_PREFIX)  # "the resort of Bürgenstock"
                    or (
                        state.entity(m).country is not None  # a city, not "Europe"
                        and state.entity(m).geonames is not None  # a city, not "Donbas"
                    )
                )
                and mine_setting(m.span.start, m.span.end)
                and reach(state, m.span.start, m.span.end, cluster) <= PLACE_WINDOW
            ),
            key=lambda m: m.span.start,
        )
    located = [
        m
        for m in places
        if (m.span.start not in capitals and is_location(state, m, cluster))
        or opens_where(state, m, cluster)
    ]
    located = widest(state, join_located(state, places, located, dates), dates)
    candidates = [d for d in dates if sentence.start <= d.start and d.end <= sentence.end]
    fitting = [d for d in candidates if date_fits(d)]
    loose = False
    if not fitting:
        # "X said on Friday that the talks in Geneva were useful": with no date of its own,
        # a meeting told of by a new report takes the date of the report.
        fitting = [
            d
            for d in candidates
            if date_near(d)
            and not in_other_clause(d)
            and not (
                d.start >= cluster[1] and re.search(r"[:«»“”\"]", state.text[cluster[1] : d.start])
            )
        ]
        loose = bool(fitting)

    where = [skip, *((m.span.start, m.span.end) for m in located)]

    def mine_side(start: int, end: int) -> bool:
        # The dateline's city ("GENEVA, Jan 10 -") and the meeting's own places are where
        # the report is from and where the sides meet, not sides.
        return all(end <= s or start >= e for s, e in where) and mine(start, end)

    participants, name = sides(state, sentence, mine_side, kinds)

    after = [m for m in located if m.span.start >= cluster[1]]
    distinct_after = list(dict.fromkeys(m.entity for m in after))
    if len(distinct_after) >= 2:
        out = []
        # "on Jan. 19 in Kyiv and Jan. 20 in Berlin": each date before its place, when the
        # list opens with a date and every place has one before it
        ends = [cluster[1], *(m.span.end for m in after[:-1])]
        leading = [
            [d for d in fitting if start <= d.start and d.end <= m.span.start]
            for start, m in zip(ends, after, strict=True)
        ]
        trailing = [
            [d for d in fitting if m.span.end <= d.start < stop]
            for m, stop in zip(
                after, [*(m.span.start for m in after[1:]), sentence.end], strict=True
            )
        ]
        dates_lead = bool(leading[0]) and all(len(found) == 1 for found in leading)
        for i, place in enumerate(after):
            if place.entity in [p.place.entity for p in out if p.place]:
                continue
            own = leading[i] if dates_lead else trailing[i]
            listed = {*kinds, "listed"}
            # "talks with NATO in Brussels on Wednesday and at the OSCE in Vienna on
            # Thursday": the actors named before a place (after the one before it) are that
            # meeting's, with those before the meeting word; a place with none of its own
            # ("visits to Kyiv and Berlin") has all the sentence's.
            opening = after[i - 1].span.end if i else cluster[1]
            segment = set(
                sides(
                    state,
                    sentence,
                    lambda start, end, a=opening, b=place.span.start: (
                        (start < cluster[0] or a <= start < b) and mine_side(start, end)
                    ),
                    kinds,
                )[0]
            )
            own_sides = tuple(p for p in participants if p in segment) or participants
            out.append(Parts(place, own[0] if own else None, own_sides, name, listed))
        # A date before the first place dates them all if none has its own.
        if all(p.date is None for p in out):
            shared = [d for d in fitting if d.end <= after[0].span.start]
            if shared:
                for p in out:
                    p.date = shared[-1]
        return out
    place = min(located, key=lambda m: distance(m.span.start, m.span.end, cluster), default=None)
    date = min(fitting, key=lambda d: distance(d.start, d.end, cluster), default=None)
    return [Parts(place, date, participants, name, kinds, loose)]


@functools.cache
def _relative_clause(code: str) -> re.Pattern | None:
    """A comma and a relative pronoun: the start of a relative clause."""
    relatives = load(code).grammar.relatives
    if not relatives:
        return None
    return re.compile(rf"[,،]\s*(?:{alternation(tuple(relatives))})(?!\w)", re.IGNORECASE)
