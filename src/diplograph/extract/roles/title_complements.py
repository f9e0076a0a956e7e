"""Titles that go on after "and": "ministre des Affaires étrangères et de la Coopération
internationale, Christophe Lutundula", "Minister of Foreign Affairs and International
Cooperation, X", "وزير الخارجية والتعاون الدولي، X".  The catalogue knows the office's head
("Foreign Minister"); the rest, up to the comma before the holder's name, belongs to the
title, so that the name is found right after it.

Only a short complement counts, holding no actor, no other title and no verb of the
lexicons, and only when a name follows the comma ("the minister and his deputy, X" stays
two people: "deputy" is a title).
"""

from __future__ import annotations

import functools
import re

from diplograph.extract.entities.find import folded_word_lists
from diplograph.extract.lexicon import alternation
from diplograph.lang import Language, load
from diplograph.model import Mention
from diplograph.text.folding import fold_key
from diplograph.text.matcher import Match

__all__ = ["with_complements"]

MAX_WORDS = 8
"""The longest complement (in words) a title may take."""


def with_complements(
    text: str, titles: list[Match], mentions: list[Mention], language: Language
) -> list[Match]:
    """``titles``, each stretched over a complement it takes (see module)."""
    pattern = _pattern(language.code)
    if pattern is None:
        return titles
    glued = language.orthography.script == "Arabic"
    stopwords = folded_word_lists(language.code)[0]
    possessives = _possessives(language.code)
    # names inside end the complement; nationality adjectives belong to it ("et des Nigériens
    # à l'extérieur")
    covered = {i for m in mentions if m.via != "adjective" for i in range(m.span.start, m.span.end)}
    starts = {t.start for t in titles}
    out = []
    for title in titles:
        found = pattern.match(text, title.end)
        if found and _is_complement(text, found, covered, starts, stopwords, possessives, glued):
            title = title._replace(end=found.end(1))
        out.append(title)
    return out


@functools.cache
def _possessives(code: str) -> frozenset[str]:
    return frozenset(fold_key(p) for p in load(code).grammar.possessives)


@functools.cache
def _pattern(code: str) -> re.Pattern | None:
    """ "and …, ", "et de la …, ", ", de la … et des …, ", "والتعاون …، ": a conjunction (or,
    after a comma, a genitive) opening the complement, which ends at the comma before the
    name."""
    grammar = load(code).grammar
    conjunctions = (*grammar.conjunctions, *grammar.glued_conjunctions)
    if not conjunctions:
        return None
    glued = load(code).orthography.script == "Arabic"
    space = "" if glued else r"\s+"
    openers = rf"\s*(?:{alternation(conjunctions)}){space}"
    if grammar.genitives:
        openers += rf"|\s*,\s*(?:{alternation(grammar.genitives)})\s+"
    return re.compile(rf"(?:{openers})([^,،.;:!?\n«»\"“”]{{2,90}}?)\s*[,،]\s*", re.IGNORECASE)


def _is_complement(text, found, covered, title_starts, stopwords, possessives, glued) -> bool:
    start, end = found.span(1)
    words = found.group(1).split()
    if len(words) > MAX_WORDS or not covered.isdisjoint(range(start, end)):
        return False
    if any(start <= s < end for s in title_starts):
        return False  # "and his deputy": another office, another person
    content = [fold_key(w) for w in words]
    if any((w in stopwords and len(w) > 3) or w in possessives for w in content):
        return False  # a verb ("and said, …"), a possessive ("and his deputy, …")
    after = text[found.end() : found.end() + 40].split()
    if not after:
        return False
    name = after[0]
    key = fold_key(name)
    if key in stopwords or (glued and key[:1] in ("و", "ف")):
        return False  # a verb or a clause after the comma ("، وتناولت"), not a name
    return bool(re.match(r"[\u0600-\u06FF]", name)) if glued else name[:1].isupper()
