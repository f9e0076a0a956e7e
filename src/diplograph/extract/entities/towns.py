"""Places the gazetteer does not know, named after a town noun: "the Swiss resort of
Bürgenstock", "la station balnéaire de Deauville", "в городе Усть-Луга".

Summits and talks are often held in resorts and small towns below GeoNames' 15,000
people.  As a title introduces an unknown person, a town noun introduces an unknown
place; its state is the one a nationality or a country names just before it, or right
after the name ("Deauville, en France").
"""

from __future__ import annotations

import functools
import hashlib
import re

from diplograph.extract.entities.find import CAPITALIZED, folded_word_lists
from diplograph.extract.lexicon import alternation
from diplograph.lang import Language
from diplograph.model import Entity, Label, Mention, Span
from diplograph.text.folding import fold_key, tokens

__all__ = ["TOWN_PREFIX", "places_after_town_nouns"]

TOWN_PREFIX = "place/town-"
"""Ids of places found this way: a town, unlike a region of the knowledge base."""
MAX_NAME_TOKENS = 3
HYPHENATED = re.compile(r"(?:-\w+)+")
STATE_REACH = 30
"""Characters before the town noun in which a nationality or country gives its state."""
AFTER_NAME = re.compile(r",\s*(?:\w{1,3}\s+)?")
"""A comma and a short preposition between a town and its state ("Deauville, en France")."""


@functools.lru_cache(maxsize=16)
def _nouns(nouns: tuple[str, ...]) -> re.Pattern:
    return re.compile(rf"(?<!\w)(?:{alternation(nouns)})\s+", re.IGNORECASE)


def places_after_town_nouns(
    text: str, mentions: list[Mention], language: Language, kinds: dict[str, str]
) -> list[tuple[Entity, Mention]]:
    """New places named right after a town noun, with the state named before the noun.
    ``kinds`` gives the type of each mentioned entity id (only countries give a state)."""
    nouns = language.meeting_triggers.town_nouns
    if not nouns:
        return []
    stopwords, _ = folded_word_lists(language.code)
    taken = [(m.span.start, m.span.end) for m in mentions]
    found: list[tuple[Entity, Mention]] = []
    for match in _nouns(nouns).finditer(text):
        if any(s <= match.end() < e for s, e in taken):
            continue  # a known name follows
        noun_start = match.start()
        if language.orthography.case_sensitive:
            name = _capitalized_name(text, match.end(), taken, stopwords)
        else:
            name = _name_before_adjective(text, match.end(), mentions, stopwords, language)
        if not name:
            continue
        start, end = name[0].start, name[-1].end
        if hyphenated := HYPHENATED.match(text, end):  # "Усть-Луга", "Crans-Montana"
            end = hyphenated.end()
        state = (
            next(  # "مدينة سوتشي الروسية": the adjective right after the name comes first
                (
                    m.entity
                    for m in mentions
                    if m.via == "adjective"
                    and 0 < m.span.start - end <= 2
                    and not text[end : m.span.start].strip()
                    and kinds.get(m.entity) == "Country"
                ),
                None,
            )
            or next(
                (
                    m.entity
                    for m in reversed(mentions)
                    if m.span.end <= noun_start + 1
                    and noun_start - m.span.end <= STATE_REACH
                    and kinds.get(m.entity) == "Country"
                ),
                None,
            )
            or next(  # "Deauville, en France", "Bürgenstock, Switzerland"
                (
                    m.entity
                    for m in mentions
                    if 0 <= m.span.start - end <= 8
                    and AFTER_NAME.fullmatch(text[end : m.span.start])
                    and kinds.get(m.entity) == "Country"
                ),
                None,
            )
        )
        label = text[start:end]
        digest = hashlib.sha256(fold_key(label).encode()).hexdigest()[:12]
        entity = Entity(
            id=f"{TOWN_PREFIX}{digest}",
            type="Place",
            labels=(Label(lang=language.code, text=label),),
            country=state.removeprefix("country/") if state else None,
        )
        found.append((entity, Mention(span=Span.of(text, start, end), entity=entity.id)))
        taken.append((start, end))
    return found


def _capitalized_name(text: str, start: int, taken, stopwords) -> list:
    """The capitalized words right after a town noun ("the resort of Bürgenstock")."""
    name = []
    for word in tokens(text, start, min(len(text), start + 60))[:MAX_NAME_TOKENS]:
        if any(s <= word.start < e for s, e in taken) or fold_key(word.text) in stopwords:
            break
        if not CAPITALIZED.match(word.text):
            break
        if name and text[name[-1].end : word.start] not in (" ", "-"):
            break
        name.append(word)
    return name


def _name_before_adjective(
    text: str, start: int, mentions: list[Mention], stopwords, language: Language
) -> list:
    """Without capitals a name cannot be told from an adjective ("مدينة ساحلية", a coastal
    city), except where a nationality adjective closes it: "مدينة سوتشي الروسية", the
    Russian city of Sochi.  The name has one or two words, none of them a common word, the
    first without the article (an adjective agreeing with the noun would take it; a second
    word may: "منتجع شرم الشيخ المصري")."""
    article = fold_key(language.orthography.article or "")
    adjectives = {m.span.start for m in mentions if m.via == "adjective"}
    words = tokens(text, start, min(len(text), start + 40))[:MAX_NAME_TOKENS]
    for size in (1, 2):
        name = words[:size]
        if len(name) < size or len(words) <= size or words[size].start not in adjectives:
            continue
        if text[name[-1].end : words[size].start] != " ":
            continue
        keys = [fold_key(w.text) for w in name]
        if any(k in stopwords for k in keys) or (article and keys[0].startswith(article)):
            continue
        return name
    return []
