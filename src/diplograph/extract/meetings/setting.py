"""Where and when a meeting happens: months and relative periods that date it ("in July",
"next week", "в июне"), the locatives that lead its place ("in Geneva", "في بروكسل") and
places joined to a located one ("in Moscow and Kyiv")."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re

from diplograph.extract.dates import DateMention
from diplograph.extract.lexicon import alternation, phrase_matches
from diplograph.extract.state import State
from diplograph.lang import load
from diplograph.model import DateRange, Mention, Span
from diplograph.text.folding import fold_key, opens_line
from diplograph.text.matcher import Match

__all__ = [
    "PLACE_WINDOW",
    "as_city",
    "capital_phrases",
    "dateline",
    "distance",
    "is_location",
    "join_located",
    "lead_place",
    "opens_where",
    "periods",
    "reach",
    "widest",
    "words",
]

PLACE_WINDOW = 120
"""Characters around a meeting word in which its place and date are sought."""

NAME_LIST_REST = 60
"""Characters other than names and titles a list of participants may hold between a meeting
word and its setting (", ", " and ", "will take place in")."""

LOCATIVE_GAP_WORDS = 4
"""Words that may stand between a locative and its city ("in the Jordanian city of Aqaba",
"في العاصمة الصينية بكين", "im ägyptischen Scharm el-Scheich")."""

Cluster = tuple[int, int, Match]

# --- Periods: months and relative weeks ---------------------------------------------------


def _month_range(year: int, month: int) -> DateRange:
    last = calendar.monthrange(year, month)[1]
    return DateRange(start=dt.date(year, month, 1), end=dt.date(year, month, last))


def _shift_month(base: dt.date, shift: int) -> tuple[int, int]:
    index = base.year * 12 + base.month - 1 + shift
    return index // 12, index % 12 + 1


@functools.cache
def _month_pattern(code: str) -> re.Pattern | None:
    months = load(code).months
    names = [n for m in months.months for n in m.names if len(n) >= 3 and not n.endswith(".")]
    if not names:
        return None
    leads = (*load(code).meeting_triggers.locatives, *months.month_leads)
    locatives = sorted(set(leads), key=len, reverse=True)
    lead = "|".join(re.escape(w) for w in locatives)
    alt = "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))
    joiners = "|".join(re.escape(w) for w in months.year_joiners)
    year = (
        rf"(?:\s*[,،]?\s*(?:(?:{joiners})\s+)?(?P<year>\d{{4}}))?"
        if joiners
        else (r"(?:\s*[,،]?\s*(?P<year>\d{4}))?")
    )
    # A month alone is a date only after a locative ("in July", "в июне", "في مارس") or
    # with its year ("November 2017"): "May" and "مارس" are words too.
    return re.compile(
        rf"(?:(?<!\w)(?P<lead>{lead})\s+(?:of\s+|de\s+|du\s+|mois\s+d[e']\s*)?)?"
        rf"(?<!\w)(?P<month>{alt})(?!\w){year}",
        re.IGNORECASE,
    )


def periods(state: State) -> list[DateMention]:
    """Months ("in July", "en novembre 2017") and relative weeks and months ("next week")
    that no day-level date covers, resolved against the publication date."""
    if state.language is None or state.published is None:
        return []
    code, text, base = state.language.code, state.text, state.published
    taken = [(d.start, d.end) for d in state.dates]

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    found: list[DateMention] = []
    pattern = _month_pattern(code)
    if pattern is not None:
        table = {n.casefold(): m.month for m in state.language.months.months for n in m.names}
        for match in pattern.finditer(text):
            if not free(match.start("month"), match.end()):
                continue
            if not match.group("lead") and not match.group("year"):
                continue
            word = match.group("month")
            if word[:1].islower() and any(
                n[:1].isupper() for m in state.language.months.months for n in m.names
            ):
                continue  # a language that capitalizes months: "may" is not May
            month = table[word.casefold()]
            if match.group("year"):
                year = int(match.group("year"))
            else:
                year = min(
                    (base.year - 1, base.year, base.year + 1),
                    key=lambda y: abs((y * 12 + month) - (base.year * 12 + base.month)),
                )
            start = match.start("month")
            found.append(DateMention(start, match.end(), _month_range(year, month), True, True))
    lowered = text.casefold()
    for phrase, (unit, shift) in (
        (k, (v.unit, v.shift)) for k, v in load(code).months.relative_periods.items()
    ):
        for match in phrase_matches(phrase.casefold(), lowered):
            if not free(*match.span()):
                continue
            if unit == "day":
                value = DateRange.day(base)
            elif unit == "week":
                monday = base - dt.timedelta(days=base.weekday()) + dt.timedelta(weeks=shift)
                value = DateRange(start=monday, end=monday + dt.timedelta(days=6))
            else:
                value = _month_range(*_shift_month(base, shift))
            found.append(DateMention(*match.span(), value, True, True))
    return found


# --- Places ---------------------------------------------------------------------------


def distance(start: int, end: int, cluster: Cluster) -> int:
    return max(cluster[0] - end, start - cluster[1], 0)


def words(code: str, table: str) -> str:
    return alternation(getattr(load(code).meeting_triggers, table))


@functools.cache
def _locatives(code: str) -> re.Pattern:
    alt = words(code, "locatives")
    # The locative, then up to a few words without punctuation ("in the Jordanian city of").
    gap = rf"(?:\s+[^\s,.;:!?،؛()\"«»“”]+){{0,{LOCATIVE_GAP_WORDS}}}"
    return re.compile(rf"(?:^|[^\w])(?:{alt})(?:{gap})?\s*$", re.IGNORECASE)


@functools.cache
def _coordinated(code: str) -> re.Pattern | None:
    alt = words(code, "coordinators")
    if not alt:
        return None
    locatives = words(code, "locatives")
    # One joiner or a comma and one ("Geneva, Brussels, and Vienna", "Kyiv on Jan. 19, and Berlin").
    return re.compile(rf"^\s*(?:(?:{alt})\s*){{1,2}}(?:(?:{locatives})\s*)?$", re.IGNORECASE)


def opens_where(state: State, place: Mention, cluster: Cluster) -> bool:
    """ "Berlin, where he met Baerbock", "برلين، حيث التقى": the clause is set there."""
    where = alternation(state.language.meeting_triggers.where_words) if state.language else None
    if not where or place.span.end > cluster[0]:
        return False
    tail = state.text[place.span.end : cluster[0]]
    return bool(re.match(rf"\s*[,،]?\s*(?:{where})(?!\w)", tail, re.IGNORECASE))


def is_location(state: State, place: Mention, cluster: Cluster) -> bool:
    """A place is where the meeting happens if a locative word leads it ("in Geneva",
    "في بروكسل", glued "بجنيف", "in the Jordanian city of Aqaba"), it stands right before
    the meeting word ("the Geneva talks") or right after it ("visited Moscow")."""
    gap_before = state.text[place.span.end : cluster[0]]
    if place.span.end <= cluster[0] and len(gap_before) <= 2 and not re.search(r"\w", gap_before):
        return True
    gap_after = state.text[cluster[1] : place.span.start]
    if cluster[1] <= place.span.start and len(gap_after) <= 2 and not re.search(r"\w", gap_after):
        return True
    if state.language is None:
        return False
    if opens_where(state, place, cluster):
        return True
    if not state.language.meeting_triggers.locatives:
        return False
    head = state.text[max(0, place.span.start - 60) : place.span.start]
    return bool(_locatives(state.language.code).search(head))


def join_located(
    state: State, places: list[Mention], located: list[Mention], dates: list[DateMention]
) -> list[Mention]:
    """``located`` with the places joined to a located one ("in Moscow and Kyiv"), sorted."""
    located = list(located)
    # A place joined to a located one ("in Moscow and Kyiv", "Geneva, Brussels and Vienna")
    # is located too.
    joined = _coordinated(state.language.code)
    for m in places:
        if m in located or joined is None:
            continue
        previous = [p for p in located if p.span.end <= m.span.start]
        if not previous:
            continue
        between = state.text[previous[-1].span.end : m.span.start]
        # "in Kyiv on Jan. 19 and Berlin on Jan. 20": the first place's date stands between.
        for d in sorted(dates, key=lambda d: -d.start):
            if previous[-1].span.end <= d.start and d.end <= m.span.start:
                offset = previous[-1].span.end
                between = between[: d.start - offset] + between[d.end - offset :]
        between = re.sub(r"^\s*(?:on|le|am|el|в|في)?\s*", "", between, flags=re.IGNORECASE)
        if joined.match(between):
            located.append(m)
    return sorted(located, key=lambda m: m.span.start)


DATELINE_REACH = 600
"""Characters from the start of the text in which a dateline ("GENEVA, Jan 10 -") is sought
(after a headline and a byline)."""

# "GENEVA, Jan 10", "Ginebra.", "MOSCOW (Reuters) -", "جنيف .."
_DATELINE_MARK = re.compile(r"\s*(?:\.\.|[,،.(])")


def dateline(state: State, dates: list[DateMention]) -> tuple[Mention, DateRange] | None:
    """The city a report is filed from and its day: a city that opens a line near the start
    of the text, followed by a comma or a full stop ("GENEVA, Jan 10 -", "Brüssel, 12.
    Januar 2022 –", "جنيف، 21 كانون الثاني", "Ginebra."); the day is the date right after
    it, else the publication day."""
    text = state.text
    for found in state.mentions_in(0, min(len(text), DATELINE_REACH)):
        mention = found if state.is_place(found) else as_city(state, found)
        if mention is None or state.entity(mention).country is None:
            continue
        if not opens_line(text, mention.span.start):
            continue
        mark = _DATELINE_MARK.match(text, mention.span.end)
        if mark is None:
            continue
        near = [d for d in dates if mark.end() <= d.start <= mark.end() + 3]
        if near:
            return mention, near[0].value
        if state.published is not None:
            return mention, DateRange.day(state.published)
        return None
    return None


def in_city(state: State, mention: Mention) -> Mention:
    """A building read as the place of a meeting ("talks at the Kremlin") as its city: the
    meeting's place is a city."""
    city = state.gazetteer.cities.get(mention.entity)
    if city is None:
        return mention
    state.entities.setdefault(city, state.gazetteer.entities[city])
    return mention.model_copy(update={"entity": city})


def as_city(state: State, mention: Mention) -> Mention | None:
    """A capital read as its state ("Brüssel" as Belgium), or a seat read as its body
    ("Brussels" as the EU), back as the city, where the text writes the city's name: a
    list of places or a dateline makes it a place."""
    entity = state.entities.get(mention.entity)
    if entity is None or entity.type not in ("Country", "Organization"):
        return None
    key = fold_key(state.text[mention.span.start : mention.span.end])
    gazetteer = state.gazetteer
    known = gazetteer.entities
    for place in (gazetteer.capital_of.get(entity.id), *gazetteer.seats_of.get(entity.id, ())):
        if place is None or place not in known:
            continue
        if any(alias.entity == place for alias in gazetteer.names.keys().get(key, ())):
            state.entities.setdefault(place, known[place])
            return mention.model_copy(update={"entity": place})
    return None


@functools.lru_cache(maxsize=64)
def _capital_nouns(nouns: tuple[str, ...]) -> tuple[re.Pattern, re.Pattern]:
    """A capital noun ending a text ("the ... capital "), and one opening it."""
    noun = alternation(nouns)
    return (
        re.compile(rf"(?<!\w)(?:{noun})\s+$", re.IGNORECASE),
        re.compile(rf"^\s+(?:{noun})(?!\w)", re.IGNORECASE),
    )


def capital_phrases(state: State, start: int, end: int) -> list[Mention]:
    """ "The Belgian capital", "la capitale belge", "в бельгийской столице": the capital of
    the adjective's state, as a place mention spanning both words."""
    if state.language is None or not state.language.meeting_triggers.capital_nouns:
        return []
    before, after = _capital_nouns(state.language.meeting_triggers.capital_nouns)
    text, out = state.text, []
    for mention in state.mentions_in(start, end):
        if mention.via != "adjective" or state.entity(mention).type != "Country":
            continue
        city = state.gazetteer.capital_of.get(mention.entity)
        if city is None:
            continue
        lead = before.search(text[max(0, mention.span.start - 30) : mention.span.start])
        tail = after.match(text[mention.span.end : mention.span.end + 30])
        if lead:
            first, last = mention.span.start - len(lead.group(0)), mention.span.end
        elif tail:
            first, last = mention.span.start, mention.span.end + tail.end()
        else:
            continue
        known = state.gazetteer.entities
        if city not in known:
            continue
        state.entities.setdefault(city, known[city])
        out.append(
            mention.model_copy(
                update={"span": Span.of(text, first, last), "entity": city, "via": "name"}
            )
        )
    return out


def lead_place(state: State, line: tuple[Mention, DateRange] | None, reach: int) -> Mention | None:
    """Where the article's first meeting is, when its sentence does not say: the city the
    report is filed from, else the one city the lead sets something in ("in Moscow")."""
    if line is not None:
        return line[0]
    if state.language is None or not state.language.meeting_triggers.locatives:
        return None
    pattern = _locatives(state.language.code)
    cities = (
        m if state.is_place(m) else as_city(state, m)
        for m in state.mentions_in(0, min(reach, len(state.text)))
    )
    located = [
        m
        for m in cities
        if m is not None
        and state.entity(m).geonames is not None
        and state.entity(m).country is not None  # a city, not "Europe"
        and pattern.search(state.text[max(0, m.span.start - 60) : m.span.start])
    ]
    return located[0] if len({m.entity for m in located}) == 1 else None


def reach(state: State, start: int, end: int, cluster) -> int:
    """How far a place or date stands from a meeting word, not counting the names and
    titles between them: a long list of who meets ("the meeting of Prime Minister A,
    President B and Council President C will take place in July in Brussels") does not
    put the meeting's setting out of reach.  Only a gap of little more than names is
    shortened: other words beside the names (a clause of its own) keep it long."""
    gap = distance(start, end, cluster)
    if gap <= PLACE_WINDOW:
        return gap
    left, right = (end, cluster[0]) if end <= cluster[0] else (cluster[1], start)
    names = [(m.span.start, m.span.end) for m in state.mentions_in(left, right)]
    titles = [(t.start, t.end) for t in state.titles if left <= t.start and t.end <= right]
    covered = set()
    for a, b in (*names, *titles):
        covered.update(range(a, b))
    rest = gap - len(covered)
    return rest if rest <= NAME_LIST_REST else gap


def widest(state: State, located: list[Mention], dates: list[DateMention]) -> list[Mention]:
    """ "At the Miraflores Palace, in Caracas": the places before a comma and a locative,
    with no date nor "and" between, lie inside the place after them; the wider one (the
    city) is where the meeting is."""
    code = state.language.code
    alt = words(code, "locatives")
    if not alt or len(located) < 2:
        return located
    inside = re.compile(rf",\s*(?:{alt})\s*$", re.IGNORECASE)
    joiners = tuple(w for w in load(code).meeting_triggers.coordinators if w.strip(",، "))
    joined = re.compile(rf"(?<!\w)(?:{alternation(joiners)})(?!\w)", re.IGNORECASE)
    dropped: set[int] = set()
    for b in located:
        for a in located:
            if a.span.end > b.span.start:
                break
            between = state.text[a.span.end : b.span.start]
            if (
                inside.search(between)
                and not (joiners and joined.search(between))
                and not any(a.span.end <= d.start and d.end <= b.span.start for d in dates)
            ):
                dropped.add(a.span.start)
    return [m for m in located if m.span.start not in dropped]
