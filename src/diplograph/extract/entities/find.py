"""Actors and places named in a document.

Two sources of mentions:

1. the gazetteer (knowledge base, countries, cities, nationality adjectives),
   scanned in one pass;
2. persons the gazetteer does not know, found through the title before their
   name ("Deputy Foreign Minister Sergei Ryabkov", "العقيد ألكسندر فومين"); once
   found, their surname alone is recognised in the rest of the document.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from diplograph.extract.lexicon import (
    ends_with_apposition,
    ends_with_word,
    folded_words,
    starts_with_word,
)
from diplograph.lang import Language, load
from diplograph.model import Entity, Label, Mention, Span
from diplograph.text.folding import Folded, fold_key, opens_line, tokens
from diplograph.text.matcher import Affixes, Match, Matcher, select_longest
from diplograph.text.names import name_key

if TYPE_CHECKING:  # handed in by the caller: extraction never loads the knowledge base
    from diplograph.resolve.gazetteer import Alias, Gazetteer

ROMAN = re.compile(r"[IVX]+\.?")
"""A regnal number ("Abdullah II", "Felipe VI"): it ends a name but is no surname."""

__all__ = ["affixes", "find_mentions", "persons_after_titles"]

ACRONYM = re.compile(r"^[A-ZА-Я.]{2,6}$")
CAPITALIZED = re.compile(r"^[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’-]*$")
ARABIC_WORD = re.compile(r"^[\u0621-\u064a\u0671-\u06d3]+$")
MAX_NAME_TOKENS = 3
HYPHENS = frozenset("-‐‑")


def affixes(language: Language | None) -> Affixes:
    if language is None:
        return Affixes()
    return _affixes(language.code)


def name_affixes(language: Language | None) -> Affixes:
    """The affixes names of the gazetteer may take (some languages allow fewer endings on
    names than on words)."""
    if language is None:
        return Affixes()
    return _name_affixes(language.code)


@functools.cache
def _name_affixes(code: str) -> Affixes:
    allowed = load(code).orthography.name_suffixes
    words = _affixes(code)
    if allowed is None:
        return words
    return Affixes(
        prefixes=words.prefixes,
        suffixes=frozenset(fold_key(s) for s in allowed if fold_key(s)),
        article=words.article,
    )


@functools.cache
def _affixes(code: str) -> Affixes:
    orthography = load(code).orthography
    return Affixes(
        prefixes=frozenset(fold_key(p) for p in orthography.prefixes if fold_key(p)),
        suffixes=frozenset(fold_key(s) for s in orthography.suffixes if fold_key(s)),
        article=fold_key(orthography.article) if orthography.article else None,
    )


def _written_as(alias: Alias, surface: str) -> bool:
    """Whether the text writes the name as a name: acronyms in capitals, names capitalized."""
    form = alias.form
    if ACRONYM.match(form):
        return surface[: len(form)] == form
    if form[:1].isupper() and alias.kind != "adjective":
        return surface[:1].isupper()
    return True


def _usable(
    alias: Alias,
    match: Match,
    text: str,
    lead: re.Pattern | None,
    lead_end: int,
    article: str | None = None,
    common: frozenset[str] = frozenset(),
) -> bool:
    if alias.stem and not match.suffix:
        return False
    if alias.kind == "town" and not _after_locative(text, lead_end, lead):
        return False
    surface = text[match.start : match.end]
    if alias.kind in PLACE_KINDS and (
        match.key in common or not _same_place_spelling(alias.form, surface, article)
    ):
        return False  # German "Man wolle..." is not Man, Côte d'Ivoire
    return _written_as(alias, surface)


PLACE_KINDS = frozenset({"city", "town"})


def _same_place_spelling(form: str, surface: str, article: str | None) -> bool:
    """Whether ``surface`` writes the GeoNames name ``form`` rather than an ordinary word
    that folds to it.  Two tells: a Latin letter with a diacritic where the name has none
    (German "Länder" is not Lander, Wyoming; writers drop accents, they do not add them),
    and the article glued to a name that has none (Arabic "السلطات", the authorities, is
    not Settat; "الحصار", the siege, is not Hisar: foreign cities take no ال)."""
    if article and fold_key(surface).startswith(article) and not fold_key(form).startswith(article):
        return False
    return not any(
        written != named
        and not written.isascii()
        and named.isascii()
        and named.isalpha()
        and "LATIN" in unicodedata.name(written, "")
        for written, named in zip(surface.casefold(), form.casefold(), strict=False)
    )


def _after_locative(text: str, start: int, locative: re.Pattern | None) -> bool:
    """Whether a locative or a town noun ends right before ``start``: "in Aqaba", "في
    العقبة", "بالعقبة" (the clitic بـ stands before the article, which the name keeps), "in
    der jordanischen Stadt Akaba"."""
    if locative is None:
        return False
    return bool(locative.search(text[max(0, start - 25) : start]))


@functools.cache
def _town_lead(code: str) -> re.Pattern | None:
    """A locative or a town noun ending a text."""
    triggers = load(code).meeting_triggers
    return ends_with_word((*triggers.locatives, *triggers.town_nouns))


def find_mentions(
    text: str, folded: Folded, gazetteer: Gazetteer, language: Language | None
) -> list[Mention]:
    """Mentions of gazetteer entities, longest match first, curated names before generated."""
    candidates: list[tuple[Match, Alias]] = []
    lead = _town_lead(language.code) if language else None
    article = name_affixes(language).article
    # a language's function words name no place in its text
    common = folded_words(language.orthography.common_words) if language else frozenset()
    matches = list(gazetteer.names.find(folded, text, name_affixes(language)))
    # "im ägyptischen Scharm el-Scheich": a nationality adjective may stand between.
    adjectives = {m.end: m.start for m in matches if any(a.kind == "adjective" for a in m.payloads)}
    found = []
    nouns = gazetteer.common_nouns
    for match in matches:
        if match.start and text[match.start - 1].isalpha():
            # A clitic reading of a common noun is no name: "كورونا" is not "ك" + Verona.
            first = match.start - 1
            while first and text[first - 1].isalpha():
                first -= 1
            if fold_key(text[first : match.end]) in nouns:
                continue
        start = match.start
        before = text[max(0, start - 2) : start]
        for gap in (1, 2):
            if before[-gap:].isspace() and start - gap in adjectives:
                start = adjectives[start - gap]
        usable = [
            a for a in match.payloads if _usable(a, match, text, lead, start, article, common)
        ]
        found.append((match, usable))
    # A small town counts only in an article that names its country: "in Bali" is the
    # island, not the Indian town of Bali, unless India is in the story.
    states = {a.entity for _, usable in found for a in usable if a.entity.startswith("country/")}
    for match, usable in found:
        usable = [a for a in usable if a.kind != "town" or _town_state(gazetteer, a) in states]
        if usable:
            # a city's own name beats another's alternate name (Islamabad, not Chattogram)
            best = min(usable, key=lambda a: (a.priority, a.lang is None))
            candidates.append((match, best))
    by_match = {id(m): a for m, a in candidates}
    chosen = select_longest((m for m, _ in candidates), rank=lambda m: by_match[id(m)].priority)
    chosen += _sides_inside_bodies(chosen, candidates, by_match, gazetteer)
    return [
        Mention(
            span=Span.of(text, m.start, m.end),
            entity=by_match[id(m)].entity,
            via="adjective" if by_match[id(m)].kind == "adjective" else "name",
            alias=by_match[id(m)].form,
        )
        for m in sorted(chosen, key=lambda m: (m.start, -m.end))
    ]


def _town_state(gazetteer: Gazetteer, alias: Alias) -> str:
    return f"country/{gazetteer.entities[alias.entity].country}"


DATELINE = re.compile(r"\s*(?:\([^)\n]{1,40}\)\s*)?(?:[:—–]|-\s|,\s*\d|,\s*\w+\s+\d)")
"""What follows the city of a dateline: a colon or dash, an agency in brackets, a date
("ISLAMABAD:", "MOSCOW (Reuters) -", "Addis Ababa —", "PARIS, 12 mars")."""


def _dateline(text: str, mention: Mention) -> bool:
    """A city opening a line, followed by what follows a dateline, is where the report
    was filed, a place (not the government it otherwise stands for)."""
    return opens_line(text, mention.span.start) and bool(DATELINE.match(text, mention.span.end))


def _sides_inside_bodies(chosen, candidates, by_match, gazetteer: Gazetteer) -> list[Match]:
    """ "NATO–Russia Council" names Russia and NATO too: keep those inner mentions."""
    inner = []
    for outer in chosen:
        parties = gazetteer.entities[by_match[id(outer)].entity].parties
        if not parties:
            continue
        for match, alias in candidates:
            inside = outer.start <= match.start and match.end <= outer.end and match is not outer
            if inside and alias.entity in parties:
                inner.append(match)
    return inner


def without_instrument_names(
    text: str, mentions: list[Mention], gazetteer: Gazetteer, language: Language | None
) -> list[Mention]:
    """Cities that name a treaty or a format ("the Vienna Convention", "les accords de
    Minsk", "معاهدة فيينا") left out: they are part of a name, neither an actor (a capital
    standing for its state) nor where anything happened."""
    if language is None:
        return mentions
    triggers = language.meeting_triggers
    before = ends_with_word(triggers.instrument_nouns)
    after = starts_with_word(triggers.instrument_nouns_after)
    if before is None and after is None:
        return mentions

    def names_an_instrument(mention: Mention) -> bool:
        if gazetteer.entities[mention.entity].type != "Place":
            return False
        head = text[max(0, mention.span.start - 30) : mention.span.start]
        tail = text[mention.span.end : mention.span.end + 30]
        return bool((before and before.search(head)) or (after and after.match(tail)))

    return [m for m in mentions if not names_an_instrument(m)]


def capitals_as_states(
    text: str,
    mentions: list[Mention],
    gazetteer: Gazetteer,
    language: Language | None,
    meeting_words: list[tuple[int, int]] = (),
) -> list[Mention]:
    """A capital that is not a place of something ("Moscow said", "رفضت موسكو") stands
    for its state, as news uses it.  It stays the city after a locative ("in Moscow",
    "في موسكو"), after a visit word ("visited Moscow") and before a meeting word ("the
    Geneva talks"), and so do the next names of a list led by one ("in Geneva,
    Brussels and Vienna")."""
    if language is None:
        return mentions
    triggers = language.meeting_triggers
    locative = ends_with_word(triggers.locatives)
    visit = ends_with_word(triggers.visits)
    # "Qatar's capital Doha", "العاصمة القطرية الدوحة", "в столице Катара Дохе": the city
    # a capital or town noun names, with at most two words between.
    apposition = ends_with_apposition(
        (*triggers.capital_nouns, *triggers.town_nouns), language.orthography.prefixes
    )
    joiners = folded_words(triggers.coordinators) | {""}
    articles = folded_words(triggers.articles)
    out: list[Mention] = []
    for mention in mentions:
        state_id = gazetteer.seats.get(mention.entity) or gazetteer.capitals.get(mention.entity)
        if state_id and locative is not None:
            head = text[max(0, mention.span.start - 30) : mention.span.start]
            # "at the White House", "im Kreml": a seat of government takes an article.
            head = _without_article(head, articles)
            attributive = any(0 <= s - mention.span.end <= 2 for s, _ in meeting_words)
            place = (
                locative.search(head)
                or (visit and visit.search(head))
                or (apposition and apposition.search(head))
                or attributive
                or _dateline(text, mention)
            )
            if not place and out and gazetteer.entities[out[-1].entity].type == "Place":
                gap = text[out[-1].span.end : mention.span.start]
                place = fold_key(gap.replace(",", " ").replace("،", " ")) in joiners
            if not place:
                mention = mention.model_copy(update={"entity": state_id})
        out.append(mention)
    return out


def _without_article(head: str, articles: set[str]) -> str:
    words = head.rstrip().rsplit(None, 1)
    if len(words) == 2 and fold_key(words[1]) in articles:
        return words[0] + " "
    return head


@functools.cache
def _name_particles(code: str) -> frozenset[str]:
    """Lower-case words inside personal names ("de" in "Hugo de Zela", "van", "bin")."""
    return folded_words(load(code).titles.name_particles)


@functools.cache
def folded_word_lists(code: str) -> tuple[frozenset[str], frozenset[str]]:
    """A language's name stopwords and ranks, folded once.  The stopwords take in the
    one-word verbs and function words of the lexicons too: a name after a title ends
    before "يبحث" (discusses), "said", "заявил" ("وزير الخارجية يبحث تعزيز" names nobody)."""
    language = load(code)
    titles = language.titles
    lexicon_words = [
        *language.reporting_verbs.verbs,
        *language.meeting_triggers.triggers,
        *(form for forms in language.stance_triggers.stances.values() for form in forms),
    ]
    if language.orthography.script == "Arabic":
        # elsewhere a capital sets names apart from function words; "Le Drian" keeps "Le"
        lexicon_words += language.orthography.common_words
    stopwords = {fold_key(w) for w in titles.name_stopwords}
    # one-word entries, and the verb that opens a phrase ("يبحث مع", "held talks")
    stopwords |= {fold_key(w.split()[0]) for w in lexicon_words if w.strip()}
    return frozenset(stopwords - {""}), frozenset(fold_key(r) for r in titles.ranks)


MINISTRY_NAMES = {
    "foreign-ministry": "Ministry of Foreign Affairs",
    "defence-ministry": "Ministry of Defence",
}
"""English names of the ministries a text may name by kind and state (Wikipedia's form)."""


def ministries(
    text: str,
    folded: Folded,
    mentions: list[Mention],
    gazetteer: Gazetteer,
    language: Language,
    titles: list[tuple[int, int]],
) -> tuple[list[Mention], list[Entity]]:
    """ "The Iranian Foreign Ministry", "الخارجية الإيرانية", "МИД России": a ministry named
    by its kind and its state becomes that state's ministry (from the knowledge base, or a
    new entity named as Wikipedia names them).  Offices ("وزير الخارجية") are left alone.

    Returns the mentions, with the ministries in place of their states, and new entities.
    """
    from diplograph.extract.lexicon import lexicon

    matches = lexicon(language.code).ministries.find(folded, text, affixes(language))
    found, new_entities = list(mentions), []
    for match in select_longest(matches):
        if any(s < match.end and match.start < e for s, e in titles):
            continue
        if any(
            m.via == "name"
            and m.span.start < match.end
            and match.start < m.span.end
            and not m.entity.startswith("country/")
            for m in found
        ):
            continue  # already a known organization ("وزارة الدفاع الروسية")
        state = _state_beside(text, match.start, match.end, found, gazetteer)
        if state is None:
            continue
        kind = match.payloads[0]
        entity = gazetteer.ministries.get((kind, state.entity)) or _new_ministry(
            kind, gazetteer.entities[state.entity]
        )
        if entity.id not in gazetteer.entities:
            new_entities.append(entity)
        start, end = min(match.start, state.span.start), max(match.end, state.span.end)
        found = [m for m in found if not (m.span.start < end and start < m.span.end)]
        found.append(Mention(span=Span.of(text, start, end), entity=entity.id, via="name"))
    return sorted(found, key=lambda m: m.span.start), new_entities


def _state_beside(
    text: str, start: int, end: int, mentions: list[Mention], gazetteer: Gazetteer
) -> Mention | None:
    """The country named inside or right beside ``start:end`` ("Russia's", "МИД России")."""
    for mention in mentions:
        if not mention.entity.startswith("country/"):
            continue  # (a ministry found before may be new to the gazetteer)
        if start <= mention.span.start and mention.span.end <= end:
            return mention
        gap_after = text[end : mention.span.start]
        gap_before = text[mention.span.end : start]
        if mention.span.start >= end and len(gap_after) <= 2 and not gap_after.strip(" \u200f"):
            return mention
        possessive = gap_before.strip() in ("", "'s", "’s", "-") and len(gap_before) <= 3
        if mention.span.end <= start and possessive:
            return mention
    return None


def _new_ministry(kind: str, state: Entity) -> Entity:
    return Entity(
        id=f"organization/{kind}-{state.country}",
        type="Organization",
        labels=(Label(lang="en", text=f"{MINISTRY_NAMES[kind]} ({state.label('en')})"),),
        country=state.country,
    )


@dataclass(frozen=True, slots=True)
class NewPerson:
    entity: Entity
    mention: Mention


def person_id(name: str) -> str:
    """A stable id for a person known only by name, the same in every script where the
    name keeps its key (:func:`diplograph.text.names.name_key`): an article in Arabic and
    one in Russian about a deputy minister the knowledge base does not know give one node.

    >>> person_id("Michael Carpenter")
    'person/k-msl-krbntr'
    >>> person_id("Alexander Fomin") == person_id("ألكسندر فومين") == person_id("Александр Фомин")
    True
    >>> person_id("Fomin")
    'person/fomin'
    """
    key = name_key(name)
    if key:
        return f"person/k-{key}"
    key = fold_key(name)
    ascii_form = unicodedata.normalize("NFKD", key).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_form).strip("-")
    if slug and len(slug) >= len(key) * 0.8:
        return f"person/{slug}"
    return "person/n-" + hashlib.sha1(key.encode()).hexdigest()[:12]


def persons_after_titles(
    text: str,
    titles: Iterable[tuple[int, int]],
    mentions: list[Mention],
    language: Language,
    places: frozenset[str] = frozenset(),
) -> list[NewPerson]:
    """Persons named right after a title, who are not in the gazetteer.

    Between the title and the name may stand a state or organization (a
    mention), a rank ("Colonel", "العقيد") and commas.  A name may contain a word
    that is also a city ("Juan Manuel Santos"): ``places`` are the entity ids whose
    mentions a name may absorb.
    """
    stopwords, ranks = folded_word_lists(language.code)
    genitives = folded_words(language.grammar.genitives)
    postings = folded_words(language.titles.postings)
    titles = list(titles)
    taken = [(m.span.start, m.span.end) for m in mentions if m.entity not in places]
    taken += titles
    # The offsets the names and titles cover: a token starting at one of them is taken.
    covered = {i for s, e in taken for i in range(s, e)}
    arabic = language.orthography.script == "Arabic"
    # Mentions by start, to look up those near a title without scanning them all.
    ordered = sorted(mentions, key=lambda m: m.span.start)
    starts = [m.span.start for m in ordered]

    def starting_in(start: int, stop: int) -> list[Mention]:
        return ordered[bisect.bisect_left(starts, start) : bisect.bisect_right(starts, stop)]

    found: list[NewPerson] = []
    for _, end in titles:
        window = tokens(text, end, min(len(text), end + 120))
        i = 0
        while i < len(window):
            tok = window[i]
            if tok.start in covered or tok.text in {",", "،"} or fold_key(tok.text) in ranks:
                i += 1
                continue
            if (
                fold_key(tok.text) in genitives | postings
                and i + 1 < len(window)
                and window[i + 1].start in covered
            ):
                # "el canciller de Chile, Francisco Pérez Mackenna", "the Danish Ambassador
                # to Iran Danny Annan", "Посол России в Казахстане Алексей Бородавкин"
                i += 1
                continue
            if fold_key(tok.text) in postings and i + 1 < len(window):
                # a city the envoy is posted to ("Botschafter in Moskau X"): cities may
                # stand inside names, so they are not covered; step over its mention
                at = window[i + 1].start
                posted = next(iter(starting_in(at, at)), None)
                if posted is not None:
                    i += 1
                    while i < len(window) and window[i].start < posted.span.end:
                        i += 1
                    continue
            break
        else:
            continue
        if window[i].start in covered:
            continue
        if "\n" in text[end : window[i].start] or any(
            m.span.end <= window[i].start and not text[end : m.span.start].strip(" ,،")
            for m in starting_in(end, window[i].start)
            if m.entity.startswith("person/")
        ):
            continue  # another paragraph, or the title has its person right after it
        particles = _name_particles(language.code)
        name_tokens: list[tuple[int, int]] = []
        words_taken = 0
        joined = 0  # tokens of a hyphenated word already taken with its first part
        for k, tok in enumerate(window[i:], start=i):
            if joined:
                joined -= 1
                continue
            if words_taken == MAX_NAME_TOKENS:
                break
            word = fold_key(tok.text)
            nxt = k + 1
            while nxt < len(window) and fold_key(window[nxt].text) in particles:
                nxt += 1  # "de la Torre"
            if (
                name_tokens
                and word in particles
                and (arabic or tok.text.islower())
                and nxt < len(window)
                and (arabic or CAPITALIZED.match(window[nxt].text.rstrip(".")))
            ):
                name_tokens.append((tok.start, tok.end))  # "Hugo de Zela", "Lula da Silva"
                continue
            if word in stopwords or not covered.isdisjoint(range(tok.start, tok.end)):
                break  # a known word, or one holding a known name ("وفرنسا": and France)
            if arabic and word[:1] in ("و", "ف") and word[1:] in stopwords:
                break  # "وقدمت": a verb after the conjunction
            if arabic:
                # the article as written, or "آل" (the family of: "آل نهيان" ends the name
                # before it); a name's hamza ("أليكسي", "ألكسندر") folds to the same letters,
                # but it is no article
                if not ARABIC_WORD.match(tok.text) or tok.text.startswith("ال") or tok.text == "آل":
                    break
            elif tok.text.endswith(".") and len(tok.text) > 3 and CAPITALIZED.match(tok.text[:-1]):
                # "..., Francisco Pérez Mackenna.": the sentence's full stop ends the name
                name_tokens.append((tok.start, tok.end - 1))
                break
            elif not CAPITALIZED.match(tok.text):
                break
            end_of_word = tok.end
            if not arabic:
                # "García-Margallo", "Mari-Cruz": the tokenizer splits at the hyphen
                while (
                    k + joined + 2 < len(window)
                    and window[k + joined + 1].text in HYPHENS
                    and window[k + joined + 1].start == end_of_word
                    and window[k + joined + 2].start == window[k + joined + 1].end
                    and CAPITALIZED.match(window[k + joined + 2].text)
                ):
                    end_of_word = window[k + joined + 2].end
                    joined += 2
            name_tokens.append((tok.start, end_of_word))
            words_taken += 1
            if arabic and words_taken == 2:
                break
        while name_tokens and fold_key(text[slice(*name_tokens[-1])]) in particles:
            name_tokens.pop()
        if sum(fold_key(text[slice(*t)]) not in particles for t in name_tokens) < 2:
            continue
        start, stop = name_tokens[0][0], name_tokens[-1][1]
        name = text[start:stop]
        entity = Entity(
            id=person_id(name),
            type="Person",
            labels=(Label(lang=language.code, text=name),),
        )
        mention = Mention(span=Span.of(text, start, stop), entity=entity.id, via="title")
        found.append(NewPerson(entity, mention))
        covered.update(range(start, stop))
    return found


def surname_mentions(
    text: str,
    folded: Folded,
    persons: list[NewPerson],
    mentions: list[Mention],
    language: Language,
    kinds: dict[str, str] | None = None,
) -> list[Mention]:
    """Later mentions by surname alone of the persons the document names in full: those
    found after a title, and those of the knowledge base (whose aliases need not hold the
    surname in every script: "شاه محمود قريشي ... وحث قريشي").  A surname two persons of
    the document share names neither."""
    owners: dict[str, set[str]] = {}
    named = [(p.mention, p.entity.id) for p in persons]
    named += [
        (m, m.entity)
        for m in mentions
        if m.via == "name" and kinds is not None and kinds.get(m.entity) == "Person"
    ]
    ends = folded_words(language.orthography.name_ends)
    for quote, person in {(mention.span.quote, person) for mention, person in named}:
        parts = quote.split()
        surname = parts[-1] if len(parts) >= 2 else ""
        if len(surname) < 3 or fold_key(surname) in ends or ROMAN.fullmatch(surname):
            continue
        owners.setdefault(surname, set()).add(person)
    if not owners:
        return []
    matcher: Matcher[str] = Matcher()
    for surname, people in owners.items():
        if len(people) == 1:
            matcher.add(surname, next(iter(people)))
    taken = {i for m in mentions for i in range(m.span.start, m.span.end)}
    out = []
    for match in matcher.find(folded, text, affixes(language)):
        if not taken.isdisjoint(range(match.start, match.end)):
            continue
        if language.orthography.script != "Arabic" and not text[match.start].isupper():
            continue
        out.append(
            Mention(
                span=Span.of(text, match.start, match.end), entity=match.payloads[0], via="name"
            )
        )
        taken.update(range(match.start, match.end))
    return out
