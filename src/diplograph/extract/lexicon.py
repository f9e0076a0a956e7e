"""A language's word lists, compiled into matchers once per process."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from diplograph.lang import load
from diplograph.text.folding import fold_key
from diplograph.text.matcher import Matcher

__all__ = [
    "Lexicon",
    "alternation",
    "any_word",
    "ends_with_apposition",
    "ends_with_word",
    "folded_words",
    "lexicon",
    "phrase_matches",
]


@dataclass(frozen=True)
class Lexicon:
    titles: Matcher[str]
    """Office forms -> the English title."""
    meeting_triggers: Matcher[str]
    reporting_verbs: Matcher[str]
    relays: Matcher[str]
    citations: Matcher[str]
    """Citation words -> ``"cite"``; for "verb … word" entries, the verb -> ``"verb:" +
    word`` and the word -> ``"after-verb"``."""
    clause_breaks: Matcher[str]
    stance_triggers: Matcher[str]
    """Trigger forms -> the stance (REQUEST, REJECT...)."""
    negations: Matcher[str]
    ranks: Matcher[str]
    ministries: Matcher[str]
    """Ministry names without their state -> the kind of ministry."""
    counterparts: Matcher[str]
    outlets: Matcher[str]
    """Nouns for news outlets ("newspaper", "صحيفة")."""
    nominal_reports: Matcher[str]
    """Nouns for what someone said ("statement", "заявление")."""


def _citations(entries: tuple[str, ...]) -> Matcher[str]:
    matcher = Matcher[str]()
    for entry in entries:
        verb, split, word = (part.strip() for part in entry.partition("…"))
        if split:
            matcher.add(verb, f"verb:{fold_key(word)}")
            matcher.add(word, "after-verb")
        else:
            matcher.add(entry, "cite")
    return matcher


@functools.cache
def lexicon(code: str) -> Lexicon:
    """The compiled word lists of language ``code``."""
    lang = load(code)

    def words(forms, payload="x") -> Matcher[str]:
        return Matcher((form, payload) for form in forms)

    stance = Matcher[str]()
    for name, forms in lang.stance_triggers.stances.items():
        for form in forms:
            stance.add(form, name)
    for name, forms in lang.stance_triggers.first_person_verbs.items():
        for form in forms:
            stance.add(form, name)
    titles = Matcher[str]()
    for title in lang.titles.titles:
        for form in (*title.forms, *title.plural):
            titles.add(form, title.title)
    ministries = Matcher[str]()
    for kind, forms in lang.titles.ministries.items():
        for form in forms:
            ministries.add(form, kind)
    return Lexicon(
        ministries=ministries,
        titles=titles,
        meeting_triggers=words(lang.meeting_triggers.triggers),
        reporting_verbs=words(lang.reporting_verbs.verbs),
        relays=words(lang.reporting_verbs.relays),
        citations=_citations(lang.reporting_verbs.citations),
        clause_breaks=words(lang.reporting_verbs.clause_breaks),
        stance_triggers=stance,
        negations=words(lang.stance_triggers.negations),
        ranks=words(lang.titles.ranks),
        counterparts=words(lang.titles.counterparts),
        outlets=words(lang.reporting_verbs.outlets),
        nominal_reports=words(lang.reporting_verbs.nominal_reports),
    )


@functools.lru_cache(maxsize=512)
def alternation(words: tuple[str, ...]) -> str:
    """A regular-expression alternation of ``words``, longest first.

    >>> alternation(("in", "in the city of")).split("|")[-1]
    'in'
    """
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@functools.lru_cache(maxsize=512)
def ends_with_word(words: tuple[str, ...]) -> re.Pattern | None:
    """A pattern that finds one of ``words`` ending a text: is the name that follows led by
    a locative, a visit word...?  ``None`` when there are no words.

    >>> bool(ends_with_word(("in", "to")).search("talks in "))
    True
    """
    if not words:
        return None
    return re.compile(rf"(?:^|\W)(?:{alternation(words)})\W*$", re.IGNORECASE)


def starts_with_word(words: tuple[str, ...]) -> re.Pattern | None:
    """A pattern that finds one of ``words`` as the next word of a text (after spaces only):
    is the name before it followed by "Convention", "agreements"...?  ``None`` when there
    are no words.

    >>> bool(starts_with_word(("Convention",)).match(" Convention on"))
    True
    >>> bool(starts_with_word(("Convention",)).match("'s convention"))
    False
    """
    if not words:
        return None
    return re.compile(rf"[^\S\n]+(?:{alternation(words)})(?!\w)", re.IGNORECASE)


@functools.lru_cache(maxsize=512)
def ends_with_apposition(
    nouns: tuple[str, ...], clitics: tuple[str, ...] = ()
) -> re.Pattern | None:
    """A pattern that finds one of ``nouns``, then at most two words (a nationality or the
    state: "Qatar's capital", "the Qatari capital,", "العاصمة القطرية", "la capitale du
    Qatar,"), ending a text: the name that follows is what the noun names.  ``clitics`` may
    be glued before the noun (Arabic بالعاصمة).

    >>> bool(ends_with_apposition(("capital",)).search("met in the Qatari capital, "))
    True
    >>> bool(ends_with_apposition(("capital",)).search("capital gains of Qatar and "))
    False
    """
    if not nouns:
        return None
    glued = rf"(?:{alternation(clitics)})?" if clitics else ""
    return re.compile(
        rf"(?:^|[^\w]){glued}(?:{alternation(nouns)})(?:[\s,،]+[\w'’-]+){{0,2}}[\s,،:]*$",
        re.IGNORECASE,
    )


@functools.lru_cache(maxsize=512)
def any_word(words: tuple[str, ...]) -> re.Pattern | None:
    """A pattern that finds one of ``words`` anywhere, as whole words; ``None`` when there
    are no words.

    >>> any_word(("agreed",)).search("they agreed to meet").group()
    'agreed'
    """
    if not words:
        return None
    return re.compile(rf"(?<!\w)(?:{alternation(words)})(?!\w)", re.IGNORECASE)


@functools.lru_cache(maxsize=512)
def _whole_phrase(phrase: str) -> re.Pattern:
    return re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)")


def phrase_matches(phrase: str, text: str) -> Iterator[re.Match]:
    """Where ``phrase`` stands in ``text`` as whole words (case as given), in order, as
    ``finditer`` would find them, but looked for with ``str.find``: a regex that opens with a
    look-behind is otherwise tried at every character.

    >>> [m.span() for m in phrase_matches("next week", "next weeks, next week")]
    [(12, 21)]
    """
    pattern = _whole_phrase(phrase)
    if not phrase:
        yield from pattern.finditer(text)
        return
    at = text.find(phrase)
    while at >= 0:
        match = pattern.match(text, at)
        if match:
            yield match
        at = text.find(phrase, match.end() if match else at + 1)


@functools.lru_cache(maxsize=512)
def folded_words(words: tuple[str, ...]) -> frozenset[str]:
    """The folded forms of ``words``, to test a word of the text against them."""
    return frozenset(fold_key(w) for w in words)
