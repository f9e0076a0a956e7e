"""Dates in text: absolute (``12 كانون الثاني/يناير 2022``), ranges (``يومي 9 و10``),
relative (``اليوم الأربعاء``, ``on Wednesday``, ``yesterday``), resolved against the
publication date.

Candidate spans are found with one regular expression per language, compiled
from its ``months.yaml``; only those short spans are parsed (dateparser over a
whole article reads 46 documents a second).  Spans with a month name we parse
ourselves from the month tables, because dateparser does not know the Levantine
Arabic months (كانون الثاني) nor day ranges ("يومي 9 و10"), and the tables make
the month unambiguous.  Numeric dates ("12.01.2022", "1/12/2022") are where a
language's conventions decide (day or month first), and where a language sets
``use_dateparser`` they go to dateparser with the language's locale.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

import dateparser

from diplograph.lang import Language, load
from diplograph.model import DateRange

__all__ = ["DateMention", "find_dates", "publication_date", "resolve_weekday"]

DATELINE_CHARS = 400


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    value: DateRange
    has_year: bool
    relative: bool = False


def _alternation(words) -> str:
    forms = sorted({w for w in words if w}, key=len, reverse=True)
    return "|".join(re.escape(w) for w in forms)


@dataclass(frozen=True)
class DatePatterns:
    absolute: tuple[re.Pattern, ...]
    relative: re.Pattern | None
    weekday: re.Pattern | None
    months: dict[str, int]
    weekdays: dict[str, int]
    today: frozenset[str]
    yesterday: frozenset[str]
    tomorrow: frozenset[str]
    future: re.Pattern | None
    in_days: re.Pattern | None = None
    offsets: dict[str, int] | None = None
    until: re.Pattern | None = None


@functools.cache
def patterns(code: str) -> DatePatterns:
    """The date patterns of language ``code``, compiled once."""
    data = load(code).months
    months = {n.casefold(): m.month for m in data.months for n in m.names}
    weekdays = {n.casefold(): w.weekday for w in data.weekdays for n in w.names}
    month = _alternation(months)
    joiner = _alternation(data.range_joiners)
    prefix = _alternation(data.day_prefixes)
    year_suffix = _alternation(data.year_suffixes)
    day = r"(?:[0-3]?\d)"
    ordinal = r"(?:st|nd|rd|th|er|e|-?го|-?е|\.)?"
    year = rf"(?P<year>\d{{4}})\s*(?:{year_suffix})?" if year_suffix else r"(?P<year>\d{4})"
    if data.year_joiners:
        year = rf"(?:(?:{_alternation(data.year_joiners)})\s+)?{year}"
    day_joiner = rf"(?:(?:{_alternation(data.day_joiners)})\s+)?" if data.day_joiners else ""
    second_day = rf"(?:\s*(?:{joiner})\s*(?P<d2>{day}){ordinal})?" if joiner else ""
    month_pair = rf"(?P<month>{month})\.?(?:\s*/\s*(?:{month}))?"
    lead = rf"(?:(?:{prefix})\s*)?" if prefix else ""
    absolute = []
    if "dmy" in data.order:
        absolute.append(
            rf"(?<!\w){lead}(?P<d1>{day}){ordinal}{second_day}\s*{day_joiner}"
            rf"{month_pair}(?:\s*[,،]?\s*{year})?(?!\w)"
        )
    if "mdy" in data.order:
        absolute.append(
            rf"(?<!\w){month_pair}\s+(?P<d1>{day}){ordinal}{second_day}(?:\s*,?\s*{year})?(?!\w)"
        )
    absolute.append(r"(?<!\d)(?P<iso>\d{4}-\d{2}-\d{2})(?!\d)")
    absolute.append(r"(?<![\d./])(?P<numeric>[0-3]?\d[./][01]?\d[./](?:19|20)\d\d)(?![\d./])")
    weekday_alt = _alternation(weekdays)
    rel_words = (*data.relative.today, *data.relative.yesterday, *data.relative.tomorrow)
    relative = (
        re.compile(
            rf"(?<!\w)(?P<rel>{_alternation(rel_words)})(?:\s+(?:{weekday_alt}))?(?!\w)",
            re.IGNORECASE,
        )
        if rel_words
        else None
    )
    return DatePatterns(
        absolute=tuple(re.compile(p, re.IGNORECASE) for p in absolute),
        relative=relative,
        weekday=re.compile(rf"(?<!\w)(?P<wd>{weekday_alt})(?!\w)", re.IGNORECASE)
        if weekdays
        else None,
        months=months,
        weekdays=weekdays,
        today=frozenset(w.casefold() for w in data.relative.today),
        yesterday=frozenset(w.casefold() for w in data.relative.yesterday),
        tomorrow=frozenset(w.casefold() for w in data.relative.tomorrow),
        future=re.compile(rf"(?<!\w)(?:{_alternation(data.future_markers)})(?!\w)", re.IGNORECASE)
        if data.future_markers
        else None,
        in_days=re.compile(rf"(?<!\w)(?:{_alternation(data.in_days)})(?!\w)", re.IGNORECASE)
        if data.in_days
        else None,
        offsets={k.casefold(): v for k, v in data.in_days.items()},
        until=re.compile(
            rf"^[^.;:!?؟]{{0,{UNTIL_GAP}}}(?<!\w)(?:{_alternation(data.until_words)})\s*$",
            re.IGNORECASE,
        )
        if data.until_words
        else None,
    )


def _nearest_year(month: int, day: int, base: dt.date | None) -> dt.date | None:
    """The date with this month and day closest to ``base`` (news speaks of the near past)."""
    if base is None:
        return None
    options = []
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:
            continue
    return min(options, key=lambda d: abs((d - base).days)) if options else None


@functools.lru_cache(maxsize=2048)
def _dateparser_day(span: str, lang: str, base: dt.date | None) -> dt.date | None:
    settings = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month"]}
    if base:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    try:
        parsed = dateparser.parse(span, languages=[lang], settings=settings)
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    return parsed.date() if parsed else None


def _absolute(match: re.Match, table: DatePatterns, language: Language, base: dt.date | None):
    if match.groupdict().get("numeric"):
        if not language.months.use_dateparser:
            return None
        day = _dateparser_day(match.group("numeric"), language.code, None)
        return (DateRange.day(day), True) if day else None
    if match.groupdict().get("iso"):
        try:
            day = dt.date.fromisoformat(match.group("iso"))
        except ValueError:
            return None
        return DateRange.day(day), True
    month = table.months.get(match.group("month").casefold().rstrip("."))
    if month is None:
        return None
    year = match.group("year")
    d1 = int(match.group("d1"))
    d2 = int(match.group("d2")) if match.group("d2") else None
    try:
        if year:
            first = dt.date(int(year), month, d1)
        else:
            first = _nearest_year(month, d1, base)
            if first is None:
                return None
        last = first.replace(day=d2) if d2 else first
    except ValueError:
        return None
    if last < first:
        return None
    return DateRange(start=first, end=last), bool(year)


def resolve_weekday(weekday: int, base: dt.date, *, future: bool = False) -> dt.date:
    """The ``weekday`` nearest ``base``: news tells of the days just past and the days
    just ahead, so a weekday up to three days back is the past one ("met on Monday",
    said on a Wednesday) and one four or more days back is the coming one ("on Thursday",
    said on a Monday); when the sentence speaks of the future, the next one on or after it.

    >>> resolve_weekday(2, dt.date(2022, 1, 12))  # a Wednesday, said on a Wednesday
    datetime.date(2022, 1, 12)
    >>> resolve_weekday(0, dt.date(2022, 1, 12))  # Monday
    datetime.date(2022, 1, 10)
    >>> resolve_weekday(2, dt.date(2022, 1, 10), future=True)  # "will meet on Wednesday"
    datetime.date(2022, 1, 12)
    >>> resolve_weekday(3, dt.date(2022, 1, 10))  # "on Thursday", said on a Monday
    datetime.date(2022, 1, 13)
    """
    ahead = (weekday - base.weekday()) % 7
    if future:
        return base + dt.timedelta(days=ahead)
    back = (base.weekday() - weekday) % 7
    if back <= PAST_DAYS:
        return base - dt.timedelta(days=back)
    return base + dt.timedelta(days=ahead)


PAST_DAYS = 3
"""How many days back a bare weekday may point; farther back it is the coming one."""


FUTURE_REACH = 80
"""Characters before a weekday in which a future marker puts it in the coming week."""


def _speaks_of_future(text: str, start: int, end: int, table: DatePatterns) -> bool:
    if table.future is None:
        return False
    sentence_start = max(
        text.rfind(".", 0, start), text.rfind("\n", 0, start), start - FUTURE_REACH
    )
    window = text[sentence_start + 1 : min(len(text), end + 25)]
    return bool(table.future.search(window))


def find_dates(text: str, language: Language, base: dt.date | None) -> list[DateMention]:
    """Every date mention in ``text``, resolved against ``base`` (the publication date)."""
    table = patterns(language.code)
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    for pattern in table.absolute:
        for match in pattern.finditer(text):
            if not free(*match.span()):
                continue
            parsed = _absolute(match, table, language, base)
            if parsed:
                found.append(DateMention(*match.span(), parsed[0], parsed[1]))
                taken.append(match.span())
    if base is not None and table.in_days is not None:
        # Before "tomorrow": "the day after tomorrow", "pasado mañana" hold it.
        for match in table.in_days.finditer(text):
            if not free(*match.span()):
                continue
            day = base + dt.timedelta(days=table.offsets[match.group(0).casefold()])
            found.append(DateMention(*match.span(), DateRange.day(day), True, relative=True))
            taken.append(match.span())
    if base is not None and table.relative is not None:
        for match in table.relative.finditer(text):
            if not free(*match.span()):
                continue
            word = match.group("rel").casefold()
            shift = -1 if word in table.yesterday else 1 if word in table.tomorrow else 0
            day = base + dt.timedelta(days=shift)
            found.append(DateMention(*match.span(), DateRange.day(day), True, relative=True))
            taken.append(match.span())
    if table.weekday is not None:
        # "on Thursday, March 5", "jeudi 5 mars", "el jueves 5 de marzo": the weekday names
        # the day its date gives, one mention
        for match in table.weekday.finditer(text):
            for k, mention in enumerate(found):
                if (
                    mention.relative
                    or mention.start < match.end()
                    or not WEEKDAY_BEFORE_DATE.fullmatch(text[match.end() : mention.start])
                ):
                    continue
                found[k] = DateMention(
                    match.start(), mention.end, mention.value, mention.has_year, False
                )
                taken.append(match.span())
    if base is not None and table.weekday is not None:
        for match in table.weekday.finditer(text):
            if not free(*match.span()):
                continue
            weekday = table.weekdays[match.group("wd").casefold()]
            future = _speaks_of_future(text, match.start(), match.end(), table)
            day = resolve_weekday(weekday, base, future=future)
            found.append(DateMention(*match.span(), DateRange.day(day), True, relative=True))
            taken.append(match.span())
    return _spans(text, sorted(found, key=lambda d: d.start), table)


WEEKDAY_BEFORE_DATE = re.compile(r"[\s,]*(?:(?:the|le|el|den|der|am)\s+)?", re.IGNORECASE)
"""What may stand between a weekday and the date it is ("Thursday, the 5th", "jeudi le 5")."""

UNTIL_GAP = 30
"""Characters between the first day of a span and the word that leads its last day."""
SPAN_DAYS = 14
"""The longest span two days joined by "until" make (a summit, a round of talks)."""


def _spans(text: str, found: list[DateMention], table: DatePatterns) -> list[DateMention]:
    """ "Opened on Monday and runs until Tuesday", "du 3 jusqu'au 4 juillet": one range."""
    if table.until is None:
        return found
    out: list[DateMention] = []
    for mention in found:
        if out:
            first = out[-1]
            days = (mention.value.start - first.value.end).days
            if (
                first.value.is_day
                and mention.value.is_day
                and 0 < days <= SPAN_DAYS
                and table.until.match(text[first.end : mention.start])
            ):
                value = DateRange(start=first.value.start, end=mention.value.end)
                out[-1] = DateMention(
                    first.start,
                    mention.end,
                    value,
                    first.has_year or mention.has_year,
                    first.relative or mention.relative,
                )
                continue
        out.append(mention)
    return out


def publication_date(text: str, language: Language) -> dt.date | None:
    """The date of a dateline: the first full date near the top of the article; failing
    that, the latest full date the article gives anywhere (a page that prints no date of
    its own is seldom older than the newest day it names: an embedded post, an update)."""
    full = [
        mention
        for mention in find_dates(text, language, None)
        if mention.has_year and mention.value.is_day
    ]
    top = [m for m in full if m.start < DATELINE_CHARS]
    if top:
        return top[0].value.start
    return max((m.value.start for m in full), default=None)
