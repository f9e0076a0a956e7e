"""What the rest of an article tells of a meeting its sentence leaves open: the lead of a
news article is of the day of publication and of its dateline's city; a meeting to come
is marked by the language's future words; "the two sides" are the sides of the meeting
before."""

from __future__ import annotations

import functools
import re

from diplograph.extract.dates import DateMention, patterns
from diplograph.extract.lexicon import any_word
from diplograph.extract.meetings.setting import distance
from diplograph.extract.meetings.words import Kind
from diplograph.extract.state import State
from diplograph.lang import load
from diplograph.model import DateRange, Meeting, Mention
from diplograph.text.folding import Sentence

__all__ = [
    "DATELINE_DAYS",
    "LEAD_CHARS",
    "aside_words",
    "first_mention",
    "future_marker",
    "group_words",
    "host_words",
    "just_before",
    "meets_as_body",
    "new_persons",
    "publication_day",
    "sentence_date",
    "setting_before",
]


LEAD_CHARS = 600
"""The lead of a news article: a meeting it tells of without a date of its own, and not
as to come, took place on the day of publication ("Scholz and Putin met in Moscow")."""


@functools.cache
def future_marker(code: str) -> re.Pattern | None:
    """The future words of the language ("will", "пройдет"): a meeting to come."""
    return patterns(code).future


@functools.cache
def group_words(code: str) -> re.Pattern | None:
    """Subjects that name the sides without naming them ("both sides", "les parties",
    "лидеры", "the two ministers")."""
    language = load(code)
    return any_word((*language.grammar.groups, *language.stance_triggers.person_groups))


DATELINE_DAYS = 2
"""Days before a dateline's day in which a meeting without a place is held in its city."""


def just_before(value: DateRange, day: DateRange) -> bool:
    """``value`` is one day, ``day`` or at most ``DATELINE_DAYS`` before it."""
    return value.is_day and 0 <= (day.start - value.start).days <= DATELINE_DAYS


def publication_day(state: State, at: int) -> DateMention | None:
    """The day of publication, as a date mention at ``at``."""
    if state.published is None:
        return None
    return DateMention(at, at, DateRange.day(state.published), True, True)


def sentence_date(state: State, sentence: Sentence, cluster, dates: list[DateMention]):
    """The date in a sentence nearest its meeting word, not one after a colon or a quote."""
    own = [
        d
        for d in dates
        if sentence.start <= d.start < sentence.end
        and not (
            d.start >= cluster[1] and re.search(r"[:«»“”\"]", state.text[cluster[1] : d.start])
        )
    ]
    return min(own, key=lambda d: distance(d.start, d.end, cluster), default=None)


def meets_as_body(state: State, participants: tuple[str, ...]) -> bool:
    """One organization alone ("the OSCE Permanent Council met on Thursday") meets as a body."""
    entity = state.entities.get(participants[0]) if len(participants) == 1 else None
    return entity is not None and entity.type == "Organization"


@functools.cache
def aside_words(code: str) -> tuple[re.Pattern | None, re.Pattern | None]:
    """The language's "on the sidelines of" words and its "later" words."""
    words = load(code).meeting_triggers
    return any_word(words.sidelines), any_word(words.sequels)


HOST_GAP = 40
"""How far after "on the sidelines of" the host's meeting word may stand ("on the sidelines
of the G20 summit")."""


def host_words(state: State, sentence: Sentence, triggers, sidelines: re.Pattern | None) -> set:
    """The meeting words of a sentence that name the host event ("on the sidelines of the
    summit", "على هامش القمة"): the first one after each sidelines word."""
    hosts = set()
    if sidelines is None:
        return hosts
    for match in sidelines.finditer(state.text, sentence.start, sentence.end):
        after = [t for t in triggers if match.end() <= t.start <= match.end() + HOST_GAP]
        if after:
            hosts.add(after[0].start)
    return hosts


def setting_before(found: list[tuple[Meeting, set[str]]]) -> Meeting | None:
    """The latest meeting told of before that has a date or a place (not one to come)."""
    for meeting, kinds in reversed(found):
        if (meeting.date or meeting.place) and Kind.FOLLOW_UP not in kinds:
            return meeting
    return None


def new_persons(participants: tuple[str, ...], before: Meeting) -> bool:
    """Whether a meeting brings a person the one before did not have."""
    return any(p.startswith("person/") and p not in before.participants for p in participants)


def first_mention(state: State, entity: str) -> Mention | None:
    return next((m for m in state.mentions if m.entity == entity), None)
