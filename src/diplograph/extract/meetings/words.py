"""Meeting words: what kind of meeting one names (a visit, a call), whether it is a
follow-up ("the next round", "a new meeting", "новая встреча") or a meeting told of before
("the meeting", "la rencontre", Arabic ال), whether a negation denies it ("they have never
met", "no meeting is planned"), how many days it lasts ("a two-day summit"), and the
words of a sentence that agree on one to come or speak of the present ("currently",
"underway") rather than of a day.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from enum import StrEnum

from diplograph.extract.dates import DateMention
from diplograph.extract.lexicon import alternation, any_word
from diplograph.extract.meetings.setting import words
from diplograph.extract.state import State
from diplograph.lang import load
from diplograph.model import DateRange
from diplograph.text.folding import Sentence, fold_key
from diplograph.text.matcher import Match


class Kind(StrEnum):
    """What a meeting's words tell of it, beyond that it is a meeting."""

    VISIT = "visit"
    """A visit: one side travels to the other, who hosts it."""
    CALL = "call"
    """A phone or video call: no place."""
    FOLLOW_UP = "follow-up"
    """Words that take up a meeting told of before ("during the talks")."""
    DEFINITE = "definite"
    """A definite meeting word ("the meeting"): one the article has told of, or will."""
    ASSUMED_DATE = "assumed-date"
    """A meeting dated only by the article's day."""
    ASIDE = "aside"
    """Held beside another the same day ("on the sidelines", "later")."""


__all__ = ["Kind", "agreement", "denied", "kind", "lasting", "now"]

DURATION_REACH = 40
"""Characters around a meeting word in which "two-day" describes it."""


@functools.cache
def _keys(code: str, which: str) -> frozenset[str]:
    return frozenset(fold_key(w) for w in getattr(load(code).meeting_triggers, which))


@functools.cache
def _follow_up(code: str) -> tuple[re.Pattern | None, re.Pattern | None]:
    alt = words(code, "follow_ups")
    if not alt:
        return None, None
    # "the next round", "the next round of Normandy format talks": a few words between.
    # ... unless a word follows that makes it part of a number ("الثانية والثلاثين",
    # the thirty-second).
    blockers = words(code, "follow_up_blockers")
    blocked = rf"(?!\s+(?:{blockers})(?!\w))" if blockers else ""
    before = re.compile(rf"(?:^|\W)(?:{alt}){blocked}(?:\s+[\w-]+){{0,4}}\s*$", re.IGNORECASE)
    after = re.compile(rf"^\s*(?:\w+\s+)?(?:{alt})(?!\w){blocked}", re.IGNORECASE)
    return before, after


def kind(state: State, cluster: tuple[int, int, Match], triggers: list[Match]) -> set[Kind]:
    """What the meeting words of ``cluster`` name: "visit", "call", "follow-up", "definite"."""
    code = state.language.code
    keys = {t.key for t in triggers if cluster[0] <= t.start and t.end <= cluster[1]}
    kinds = set()
    if keys & _keys(code, "visits"):
        kinds.add(Kind.VISIT)
    if keys & _keys(code, "calls"):
        kinds.add(Kind.CALL)
    before, after = _follow_up(code)
    head = state.text[max(0, cluster[0] - 45) : cluster[0]]
    tail = state.text[cluster[1] : cluster[1] + 40]
    # "Another topic of this summit": a determiner right before the meeting word takes it
    # back to the meeting told of.
    last = fold_key(head.split()[-1]) if head.split() else ""
    if (before and before.search(head) and last not in _keys(code, "definites")) or (
        code == "ar" and after and after.search(tail)
    ):
        kinds.add(Kind.FOLLOW_UP)
    definite = _definite(code)
    first = cluster[2]
    # Arabic glues its article to the noun (الاجتماع); in a verb such as التقى the
    # letters are the word's own.
    if (definite and definite.search(head)) or (
        code == "ar"
        and state.text[first.start : first.start + 2] == "ال"
        and not first.key.startswith("ال")
    ):
        kinds.add(Kind.DEFINITE)
    return kinds


@functools.cache
def agreement(code: str) -> re.Pattern | None:
    """Words that agree on a meeting to come ("agreed to meet", "договорились")."""
    return any_word(load(code).meeting_triggers.agreed)


@functools.cache
def _now_words(code: str) -> frozenset[str]:
    """Words for the present state of things ("currently", "underway"), not for a day."""
    periods = load(code).months.relative_periods
    return frozenset(fold_key(k) for k, v in periods.items() if v.unit == "day" and not v.shift)


def now(state: State, date: DateMention | None) -> bool:
    """Whether ``date`` speaks of the present ("currently", "underway"), not of a day."""
    if date is None or state.language is None:
        return False
    return fold_key(state.text[date.start : date.end]) in _now_words(state.language.code)


@functools.cache
def _negation(code: str) -> re.Pattern | None:
    alt = words(code, "negations")
    if not alt:
        return None
    # The negation, then at most one word ("did not meet", "have never met", "no new talks").
    return re.compile(rf"(?:^|[^\w'’])(?:{alt})(?:\s+[^\s,.;:!?،]+)?\s*$", re.IGNORECASE)


def denied(state: State, cluster: tuple[int, int, Match]) -> bool:
    """Whether a negation just before denies the meeting ("they have never met")."""
    negation = _negation(state.language.code)
    head = state.text[max(0, cluster[0] - 40) : cluster[0]]
    return bool(negation and negation.search(head))


@functools.cache
def _definite(code: str) -> re.Pattern | None:
    alt = words(code, "definites")
    if not alt:
        return None
    # The determiner, then at most two words ("the first Russian-American talks").
    return re.compile(rf"(?:^|[^\w'’])(?:{alt})(?:\s*[^\s,.;:!?،]+){{0,2}}\s*$", re.IGNORECASE)


@functools.cache
def _durations(code: str) -> tuple[re.Pattern | None, dict[str, int], re.Pattern | None]:
    months = load(code).months
    if not months.durations:
        return None, {}, None
    days = {fold_key(k): v for k, v in months.durations.items()}
    lasting = re.compile(rf"(?<!\w)(?:{alternation(tuple(months.durations))})\w*", re.IGNORECASE)
    end = any_word(months.end_words)
    return lasting, days, end


def lasting(state: State, sentence: Sentence, cluster, day: DateRange) -> DateRange:
    """The days of a meeting said to last several ("a two-day summit"): from its day, or
    up to it when the sentence says the day ends it ("a two-day summit closed on
    Tuesday")."""
    if state.language is None or not day.is_day:
        return day
    pattern, days, end = _durations(state.language.code)
    if pattern is None:
        return day
    start = max(sentence.start, cluster[0] - DURATION_REACH)
    stop = min(sentence.end, cluster[1] + DURATION_REACH)
    found = pattern.search(state.text, start, stop)
    if found is None:
        return day
    word = fold_key(found.group())
    count = next((n for key, n in days.items() if word.startswith(key)), 1)
    span = dt.timedelta(days=count - 1)
    if end is not None and end.search(state.text, sentence.start, sentence.end):
        return DateRange(start=day.start - span, end=day.start)
    return DateRange(start=day.start, end=day.start + span)
