"""Who acts at a word: the speaker of a reporting verb, the holder of a stance.

Shared by the statement and position extractors, with the look-ups over a
language's word lists that every event extractor uses.
"""

from __future__ import annotations

import functools
import re

from diplograph.extract.entities.find import affixes
from diplograph.extract.lexicon import alternation, lexicon
from diplograph.extract.state import State
from diplograph.lang import load
from diplograph.model import Mention, Role, Span
from diplograph.text.folding import Sentence, fold_key, words
from diplograph.text.matcher import Match, select_longest

__all__ = [
    "actors",
    "adjacent_actor",
    "body_subject",
    "document_nouns",
    "find_agent",
    "in_sentence",
    "is_oblique",
    "matches",
    "pronoun_subject",
]

NEAR_AFTER = 40
"""How far after a verb its subject may stand (verb-first languages)."""


def matches(state: State, which: str) -> list[Match]:
    """The words of one lexicon in the text, except inside names ("States" in "United States").

    Kept on the state: every event extractor asks for reporting verbs and clause breaks.
    """
    if state.language is None:
        return []
    key = (which, len(state.mentions))
    if key not in state.lexicon_matches:
        matcher = getattr(lexicon(state.language.code), which)
        found = matcher.find(state.folded, state.text, affixes(state.language))
        inside_names = state.inside_names()
        state.lexicon_matches[key] = select_longest(
            m for m in found if inside_names.isdisjoint(range(m.start, m.end))
        )
    return list(state.lexicon_matches[key])


def in_sentence(sentence: Sentence, match: Match) -> bool:
    return sentence.start <= match.start < sentence.end


def actors(state: State, start: int, end: int) -> list[Mention]:
    return [m for m in state.mentions_in(start, end) if state.is_actor(m)]


def _apostrophe(state: State, match: Match) -> bool:
    """ "Ukraine’s": a quote mark inside a word is an apostrophe, not a clause break."""
    text = state.text
    return (
        match.end - match.start == 1
        and text[match.start] in "'’"
        and match.start > 0
        and match.end < len(text)
        and text[match.start - 1].isalpha()
        and text[match.end].isalpha()
    )


QUOTE_OPENING = re.compile(r"[:\"«“„]")


def _clause_break_before(state: State, breaks: list[Match], start: int, end: int) -> int:
    """Where the first clause break between ``start`` and ``end`` stands (else ``end``)."""
    positions = [b.start for b in breaks if start <= b.start < end and not _apostrophe(state, b)]
    quote = QUOTE_OPENING.search(state.text, start, end) if start < end else None
    if quote:
        positions.append(quote.start())
    return min(positions, default=end)


ADJACENT = 15
"""A nationality adjective acts only this close to the verb ("the Russian side proposed")."""
PUNCTUATION = re.compile(r"[,،;:.!?؟]")


def _title_end(state: State, end: int) -> int:
    """Where an office right after ``end`` ends ("American | head of the delegation")."""
    return max((t.end for t in state.titles if 0 <= t.start - end <= 2), default=end)


def _pick_before(state: State, before: list[Mention], trigger: Match, *, prefer_person: bool):
    """The actor before ``trigger`` most likely acting: a person for speech, else the nearest."""
    named = [m for m in before if m.via != "adjective"]
    adjacent = [
        m
        for m in before
        if m.via == "adjective"
        and trigger.start - _title_end(state, m.span.end) <= ADJACENT
        and not PUNCTUATION.search(state.text[m.span.end : trigger.start])
    ]
    if adjacent and (not named or adjacent[-1].span.start > named[-1].span.start):
        return adjacent[-1]
    if prefer_person:
        persons = [m for m in named if state.entity(m).type == "Person"]
        if persons and trigger.start - persons[-1].span.end <= 160:
            return persons[-1]
    return named[-1] if named else None


def _person_behind_title(
    state: State, mention: Mention, before: int | None = None
) -> Mention | None:
    """ "The NATO Secretary General said": the person this document gives that office.

    A state or body that only qualifies an office ("the American head of the delegation",
    "глава Евросовета") is not the speaker: the holder is, the person this document gives
    an office of that state or body, else the last person of that state named before.
    When no such person is known, nobody is (``None``)."""
    entity = state.entity(mention)
    if entity.type == "Person":
        return mention
    titled = False
    roles = [e for e in state.events if isinstance(e, Role)]
    for title in state.titles:
        if (
            not 0 <= mention.span.start - title.end <= 4
            and not 0 <= title.start - mention.span.end <= 2
        ):
            continue
        titled = True
        for role in roles:
            if role.organization == mention.entity and fold_key(role.trigger.quote) == fold_key(
                state.text[title.start : title.end]
            ):
                persons = [m for m in state.mentions if m.entity == role.person]
                if persons:
                    return Mention(span=mention.span, entity=role.person, via="title")
    if not titled:
        return mention
    holders = {r.person for r in roles if r.organization == mention.entity}
    if len(holders) == 1:
        return Mention(span=mention.span, entity=holders.pop(), via="title")
    limit = mention.span.start if before is None else before
    country = entity.id.split("/", 1)[1] if entity.type == "Country" else None
    earlier = [
        m
        for m in state.mentions
        if m.span.end <= limit
        and state.entity(m).type == "Person"
        and (m.entity in holders or (country and state.entity(m).country == country))
    ]
    if earlier:
        return Mention(span=mention.span, entity=earlier[-1].entity, via="title")
    return None


def _titled_person_after(
    state: State, trigger: Match, near: int, stop: int | None = None
) -> Mention | None:
    """A subject after its verb may be a long title and a name ("رحب الممثل الأعلى للسياسة
    الخارجية في الاتحاد الأوروبي جوزيب بوريل"): a role that starts right after the verb."""
    obliques = _markers(state.language.code)[1] if state.language else frozenset()
    for role in (e for e in state.events if isinstance(e, Role)):
        if 0 <= role.evidence.start - trigger.end <= near and (
            stop is None or role.evidence.start < stop
        ):
            between = words(state.text, trigger.end, role.evidence.start)
            if any(fold_key(w) in obliques for w in between):
                continue  # "su apoyo al secretario general X": whom it is given to

            for mention in state.mentions_in(role.evidence.start, role.evidence.end):
                if mention.entity == role.person:
                    return mention
    return None


INVERTED = re.compile(r"[,،\"»”’—–-]\s*$")
OPENS_REPORT = re.compile(r"\s*[,:;،«\"“„]")
"""Punctuation right after a reporting verb: what follows is the report, not its speaker."""
INVERTED_NEAR = 90
"""How far after the verb the speaker may stand when the words come first (title and name)."""


@functools.cache
def _markers(code: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    verbs = load(code).reporting_verbs
    return (
        frozenset(fold_key(m) for m in verbs.source_markers),
        frozenset(fold_key(m) for m in verbs.oblique_markers),
        frozenset(fold_key(m) for m in load(code).grammar.persons),
    )


@functools.cache
def _pronouns(code: str) -> frozenset[str]:
    return frozenset(p.lower() for p in load(code).grammar.persons)


def _adjacent_person(state: State, sentence: Sentence, trigger: Match) -> Mention | None:
    """A person named right before the verb, at most a comma between ("Stoltenberg said",
    "ينس ستولتنبرغ، أعلن", "Лавров заявил"): the subject, in any word order."""
    for mention in reversed(
        state.mentions_in(max(sentence.start, trigger.start - 80), trigger.start)
    ):
        gap = state.text[mention.span.end : trigger.start]
        if gap.strip(" ,،\u200f\u200e") == "" and len(gap) <= 3:
            if state.entity(mention).type != "Person" or _in_relative_clause(
                state, sentence, mention.span.start
            ):
                return None
            return mention
        return None
    return None


def _in_relative_clause(state: State, sentence: Sentence, offset: int) -> bool:
    """Whether ``offset`` lies in a clause opened by ", who" / ", quien" / "، الذي": a
    person there is not the subject of the verb after the clause."""
    if state.language is None or not state.language.grammar.relatives:
        return False
    relatives = alternation(state.language.grammar.relatives)
    head = state.text[sentence.start : offset]
    return bool(re.search(rf"[,،]\s*(?:{relatives})(?!\w)", head, re.IGNORECASE))


ANTECEDENT_REACH = 400
"""How far back a pronoun's person may have been named."""


def _pronoun_subject(state: State, sentence: Sentence, trigger: Match) -> bool:
    if state.language is None:
        return False
    pronouns = _pronouns(state.language.code)
    # "a-t-il déclaré", "ajouta-t-elle": the pronoun inverted into the verb itself
    verb = state.text[trigger.start : trigger.end].lower()
    if "-" in verb and any(part in pronouns for part in re.split(r"[-\s]+", verb)[1:]):
        return True
    head = words(state.text, max(sentence.start, trigger.start - 12), trigger.start)
    found = [w.lower() for w in head if w[0].isalnum()]
    # Compared as written, not folded: folding would make the article "el" the
    # pronoun "él".
    return bool(found) and found[-1] in pronouns


def _antecedent(state: State, sentence: Sentence) -> Mention | None:
    """The person a pronoun most likely stands for: the last one named before the sentence
    who was not the object of a preposition ("the detention of President Bazoum. He also
    called for..." is not Bazoum speaking); failing that, nobody."""
    earlier = [
        m
        for m in state.mentions_in(max(0, sentence.start - ANTECEDENT_REACH), sentence.start)
        if state.entity(m).type == "Person"
    ]
    if not earlier:
        return None
    last = earlier[-1]
    return None if is_oblique(state, last) else last


def is_oblique(state: State, mention: Mention) -> bool:
    """Whether a preposition governs ``mention``, over a title before it ("of President
    Bazoum", "مع الرئيس")."""
    return _oblique(state, _with_title(state, mention))


def _with_title(state: State, mention: Mention) -> Mention:
    """The mention stretched back over a title right before it ("of President Bazoum"), so
    that the preposition before the title is seen."""
    for title in state.titles:
        if 0 <= mention.span.start - title.end <= 2:
            return mention.model_copy(
                update={"span": Span.of(state.text, title.start, mention.span.end)}
            )
    return mention


@functools.cache
def _body_nouns(code: str) -> re.Pattern | None:
    """A definite noun for a body ("the group") standing right before or after a verb."""
    nouns = load(code).grammar.organizations
    if not nouns:
        return None
    either = alternation(nouns)
    return re.compile(
        rf"(?:(?:^|(?<=[^\w]))(?:{either})[\s,]*$)|(?:^\s*(?:{either})(?!\w))", re.IGNORECASE
    )


def body_subject(
    state: State, sentence: Sentence, trigger: Match, *, speech: bool = False
) -> Mention | None:
    """ "The group said", "وقالت الحركة", "le mouvement a dénoncé": a definite noun for a
    body, right before the verb or right after it (in a verb-first language, or after a
    reporting verb: "заявило движение", "said the group"), stands for the last
    organization named before it that is not an outlet."""
    if state.language is None or (pattern := _body_nouns(state.language.code)) is None:
        return None
    key = ("body-nouns", 0)
    if key not in state.lexicon_matches:  # most articles have none: look once per article
        nouns = load(state.language.code).grammar.organizations
        lowered = state.text.lower()
        state.lexicon_matches[key] = [None] if any(n.lower() in lowered for n in nouns) else []
    if not state.lexicon_matches[key]:
        return None
    before = state.text[max(sentence.start, trigger.start - 30) : trigger.start]
    after = state.text[trigger.end : min(sentence.end, trigger.end + 30)]
    verb_first = speech or state.language.reporting_verbs.speaker_search[:1] == ("after",)
    if not (pattern.search(before) or (verb_first and pattern.match(after))):
        return None
    earlier = [
        m
        for m in state.mentions_in(max(0, trigger.start - ANTECEDENT_REACH), trigger.start)
        if state.entity(m).type == "Organization" and not state.entity(m).media
    ]
    return earlier[-1] if earlier else None


def _is_source_marker(state: State, trigger: Match) -> bool:
    if state.language is None:
        return False
    return fold_key(state.text[trigger.start : trigger.end]) in _markers(state.language.code)[0]


def _oblique(state: State, mention: Mention, floor: int = 0) -> bool:
    """An actor led by a preposition ("talks with the US", "مع روسيا") is not a subject.
    Words before ``floor`` do not count (the "to" of "according to" leads no object)."""
    if state.language is None:
        return False
    obliques = _markers(state.language.code)[1]
    head = words(state.text, max(floor, mention.span.start - 45), mention.span.start)
    before = [fold_key(w) for w in head if w[0].isalnum()][-3:]
    found = before[-2:]
    if not found:
        return False
    # a preposition after a document noun leads its author: "un communiqué du ministère"
    documents = document_nouns(state.language.code)
    if found[-1] in obliques:
        return len(before) < 2 or before[-2] not in documents
    if len(found) == 2 and found[0] in obliques and len(found[1]) <= 3:
        return len(before) < 3 or before[0] not in documents
    return False


@functools.cache
def document_nouns(code: str) -> frozenset[str]:
    """Nouns for a text whose author follows it ("un communiqué du ministère"), folded."""
    return frozenset(fold_key(d) for d in load(code).reporting_verbs.documents)


def _source_end(state: State, start: int, stop: int) -> int:
    """ "According to X, ...": X ends at the comma, unless a title stands before it and
    the name follows as an apposition ("según el canciller ruso, Serguéi Lávrov,").  What
    comes after that comma is the reported clause ("По словам чиновника, Пашинян и
    Алиев...": the official spoke, not the two leaders)."""
    comma = re.search(r"[,،]", state.text[start:stop])
    if comma is None:
        return stop
    end = start + comma.start()
    if any(start <= t.start < end for t in state.titles):
        return stop
    # "..., said the head of Russia's delegation, Sergei Ryabkov.": a name set off by
    # commas after the comma is an apposition, not the subject of a new clause.
    for mention in state.mentions_in(end + 1, stop):
        if state.text[end + 1 : mention.span.start].strip():
            break
        after = state.text[mention.span.end : mention.span.end + 2].lstrip(" ")
        if state.entity(mention).type == "Person" and (not after or after[0] in ",،.;"):
            return stop
        break
    return end


pronoun_subject = _pronoun_subject


def adjacent_actor(state: State, sentence: Sentence, trigger: Match) -> Mention | None:
    """A state or body named right before the verb ("the State Department said", "die
    Bundesregierung teilte mit"): the subject, even when a person is named earlier in the
    sentence; an office beside it stands for its holder ("the NATO Secretary General")."""
    before = state.mentions_in(max(sentence.start, trigger.start - 80), trigger.start)
    if not before:
        return None
    mention = before[-1]
    gap = state.text[mention.span.end : trigger.start]
    if gap.strip() or len(gap) > 2 or not state.is_actor(mention) or mention.via == "adjective":
        return None
    if _oblique(state, mention) or _in_relative_clause(state, sentence, mention.span.start):
        return None
    return _person_behind_title(state, mention, trigger.start)


"""Whether a subject pronoun ("he", "он") stands right before the verb."""


def find_agent(
    state: State,
    trigger: Match,
    sentence: Sentence,
    breaks: list[Match],
    *,
    near: int = NEAR_AFTER,
    speech: bool = False,
) -> tuple[Mention | None, float]:
    """The actor who acts at ``trigger`` (a speaker, a position holder), and how sure we are."""
    order = state.language.reporting_verbs.speaker_search if state.language else ("before",)
    source = speech and _is_source_marker(state, trigger)
    if speech and not source and (subject := _adjacent_person(state, sentence, trigger)):
        return subject, 0.8
    if _pronoun_subject(state, sentence, trigger):
        antecedent = _antecedent(state, sentence)
        return (antecedent, 0.6) if antecedent else (None, 0.0)
    if body := body_subject(state, sentence, trigger):
        return body, 0.6
    if source:
        # "According to X": the speaker follows; failing that, an apposition before.
        order, near = ("after", "apposition"), max(near, INVERTED_NEAR)
    elif speech and INVERTED.search(
        state.text[max(sentence.start, trigger.start - 4) : trigger.start]
    ):
        # "..., said Ryabkov", "«...», заявил Рябков", "..., afirmó Borrell": the words
        # come first and the speaker follows the verb.
        # Unless nobody follows and the comma closes an apposition after the subject
        # ("Rau, who chairs the OSCE, told the Council"): a person followed by a comma.
        # The speaker stands before the next comma: after it comes the reported clause
        # ("sagte anschließend, Russland habe...").
        order, near = ("after", "apposition"), max(near, INVERTED_NEAR)
        source = True
        opening = actors(state, sentence.start, trigger.start)[:1]
        if (
            opening
            and state.entity(opening[0]).type == "Person"
            and not state.text[sentence.start : opening[0].span.start].strip()
            and re.match(r"\s*[,،]", state.text[opening[0].span.end : trigger.start])
        ):
            # "Lavrov, speaking after the talks, said...": a person opening the sentence
            # and set off by a comma is the subject of the verb after the apposition.
            order = ("apposition", "after")
    for direction in order:
        # A role after a complementizer belongs to the reported clause ("أعلنت الوزارة
        # أن نائب الوزير ... سيشارك": the deputy minister is not the one announcing).
        limit = _clause_break_before(state, breaks, trigger.end, trigger.end + near)
        # never past the sentence ("— said the Russian leader. Foreign Minister Lavrov...")
        bound = min(limit, sentence.end) if speech else sentence.end
        if direction == "after" and (titled := _titled_person_after(state, trigger, near, bound)):
            return titled, 0.8
        if direction == "after" and speech and OPENS_REPORT.match(state.text, trigger.end):
            continue  # "X sagte, China wolle...": after the comma comes what was said
        if direction == "after":
            end = min(sentence.end, trigger.end + near)
            stop = _clause_break_before(state, breaks, trigger.end, end)
            if source:
                stop = _source_end(state, trigger.end, stop)
            after = [
                m
                for m in actors(state, trigger.end, stop)
                if (m.via != "adjective" or m.span.start - trigger.end <= ADJACENT)
                and not _oblique(state, m, trigger.end if speech else 0)
            ]
            if after:
                persons = [m for m in after if state.entity(m).type == "Person"]
                chosen = _person_behind_title(state, (persons or after)[0], trigger.start)
                return (chosen, 0.8) if chosen else (None, 0.0)
        elif direction == "apposition":
            heads = [
                m
                for m in actors(state, sentence.start, trigger.start)
                if state.entity(m).type == "Person"
                and not _oblique(state, m)
                and re.match(r"\s*[,،]", state.text[m.span.end : trigger.start])
            ]
            if heads:
                return heads[0], 0.6
        else:
            before = [
                m for m in actors(state, sentence.start, trigger.start) if not _oblique(state, m)
            ]
            chosen = _pick_before(state, before, trigger, prefer_person=speech)
            if chosen:
                confidence = 0.75 if trigger.start - chosen.span.end < 60 else 0.55
                chosen = _person_behind_title(state, chosen, trigger.start)
                return (chosen, confidence) if chosen else (None, 0.0)
    return None, 0.0
