"""Positions: a stance word ("rejects", "طلبت", "предложил") that no negation cancels,
its holder (found as a speaker is) and the rest of the clause as topic.

Beyond the nearest actor, the holder search knows three things about clauses:

- a subject pronoun that opens the trigger's clause ("He urged ...", "Он призвал ...",
  "Sie hatten ... abgelehnt") stands for an actor of the sentences before, not for the
  object that follows the verb;
- actors joined by a conjunction ("Armenia and Azerbaijan agreed", "طهران والرياض")
  hold the stance together;
- a verb glued to a clitic that only nouns take (Arabic ب in "وبحثا", "discussed") is
  another word that happens to end like a trigger.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from diplograph.extract.agents import find_agent, in_sentence, matches
from diplograph.extract.matcher import Match
from diplograph.extract.state import State
from diplograph.extract.text import Sentence
from diplograph.model import Mention, Position, Span

__all__ = ["extract_positions"]

TOPIC_END = re.compile(r"[.;:؛،,!?؟\n]|\s(?:but|mais|но|لكن|pero|aber)\s")
MAX_TOPIC = 120


@dataclass(frozen=True)
class _Grammar:
    """Closed-class words the holder search needs (one language).

    These belong in ``lang/<code>/stance_triggers.yaml`` next to ``negations``; they stand
    here until the schema in ``diplograph.lang`` grows the fields.
    """

    persons: tuple[str, ...] = ()
    """Subject pronouns for one person ("he", "она"): they stand for a person named before."""
    others: tuple[str, ...] = ()
    """Subject pronouns for anything else ("it", "they", German "sie"): any actor named before."""
    conjunctions: tuple[str, ...] = ()
    """Words that join two actors into one subject ("and", "и", "und")."""
    openers: tuple[str, ...] = ()
    """Words that may open a clause before its subject pronoun ("but", "then", "однако")."""
    glued_conjunctions: tuple[str, ...] = ()
    """Conjunctions written glued to the next word (Arabic و)."""
    noun_clitics: tuple[str, ...] = ()
    """Clitics glued only to nouns (Arabic ب, ك): a verb trigger after one is another word."""


GRAMMAR: dict[str, _Grammar] = {
    "en": _Grammar(
        persons=("he", "she"),
        others=("it", "they"),
        conjunctions=("and", "as well as"),
        openers=("but", "and", "then", "however", "also", "meanwhile", "later", "earlier"),
    ),
    "fr": _Grammar(
        persons=("il", "elle"),
        others=("ils", "elles"),
        conjunctions=("et", "ainsi que"),
        openers=("mais", "et", "puis", "cependant", "pourtant", "toutefois", "ensuite"),
    ),
    "es": _Grammar(
        persons=("él", "ella"),
        others=("ellos", "ellas"),
        conjunctions=("y", "e"),
        openers=("pero", "y", "luego", "sin embargo", "además", "también"),
    ),
    "de": _Grammar(
        persons=("er",),
        others=("sie",),
        conjunctions=("und", "sowie"),
        openers=("aber", "und", "doch", "jedoch", "dann", "zudem", "außerdem"),
    ),
    "ru": _Grammar(
        persons=("он", "она"),
        others=("они",),
        conjunctions=("и",),
        openers=("но", "и", "а", "однако", "также", "затем", "при этом", "кроме того"),
    ),
    "ar": _Grammar(
        conjunctions=("و",),
        glued_conjunctions=("و",),
        noun_clitics=("ب", "ك"),
    ),
}

CLAUSE_PUNCTUATION = re.compile(r"[,;:،؛\"«»“”„()\[\]—–]")
ANTECEDENT_SENTENCES = 2
"""How many sentences back a pronoun's antecedent may stand."""


def _grammar(state: State) -> _Grammar:
    return GRAMMAR.get(state.language.code, _Grammar()) if state.language else _Grammar()


def _negated(state: State, negations: list[Match], trigger: Match) -> bool:
    return any(0 <= trigger.start - n.end <= 2 for n in negations)


def _glued_to_noun_clitic(state: State, trigger: Match, grammar: _Grammar) -> bool:
    """ "وبحثا" (and they discussed) is not "حثا" (they urged): a verb never takes ب."""
    if not grammar.noun_clitics:
        return False
    start = trigger.start
    while start > 0 and state.text[start - 1].isalpha():
        start -= 1
    glued = state.text[start : trigger.start]
    return bool(glued) and glued.endswith(grammar.noun_clitics)


def _topic(state: State, trigger: Match, sentence: Sentence) -> Span | None:
    start = trigger.end
    while start < sentence.end and not state.text[start].isalnum():
        start += 1
    rest = state.text[start : sentence.end]
    stop = TOPIC_END.search(rest)
    end = start + min(stop.start() if stop else len(rest), MAX_TOPIC)
    while end > start and state.text[end - 1].isspace():
        end -= 1
    return Span.of(state.text, start, end) if end > start else None


def _words(pattern: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(pattern, key=len, reverse=True))


def _clause_start(state: State, sentence: Sentence, trigger: Match, cuts: list[Match]) -> int:
    """Where the trigger's clause begins: after the last punctuation, complementizer or
    reporting verb before it."""
    start = sentence.start
    for m in CLAUSE_PUNCTUATION.finditer(state.text, sentence.start, trigger.start):
        start = max(start, m.end())
    for cut in cuts:
        if sentence.start <= cut.start and cut.end <= trigger.start:
            start = max(start, cut.end)
    return start


def _pronoun_subject(
    state: State, sentence: Sentence, trigger: Match, cuts: list[Match], grammar: _Grammar
) -> tuple[str, int] | None:
    """ "He urged Russia to ...": the kind of pronoun that opens the trigger's clause, and
    where it stands."""
    if not grammar.persons and not grammar.others:
        return None
    start = _clause_start(state, sentence, trigger, cuts)
    head = state.text[start : trigger.start]
    openers = rf"(?:(?:{_words(grammar.openers)})\s+)*" if grammar.openers else ""
    for kind, words in (("person", grammar.persons), ("other", grammar.others)):
        if not words:
            continue
        found = re.match(rf"\s*{openers}({_words(words)})\b", head, re.IGNORECASE)
        if found:
            return kind, start + found.start(1)
    return None


def _antecedent(state: State, kind: str, before: int) -> Mention | None:
    """The actor a pronoun at ``before`` stands for: the last one named in this sentence or
    the ones just before it (a person for "he", "она")."""
    index = next(
        i
        for i, s in enumerate(state.sentences)
        if s.start <= before < s.end or i == len(state.sentences) - 1
    )
    first = state.sentences[max(0, index - ANTECEDENT_SENTENCES)].start
    candidates = [
        m for m in state.mentions_in(first, before) if state.is_actor(m) and m.via != "adjective"
    ]
    if kind == "person":
        candidates = [m for m in candidates if state.entity(m).type == "Person"]
    return candidates[-1] if candidates else None


def _coordinated(
    state: State, holder: Mention, sentence: Sentence, grammar: _Grammar
) -> list[Mention]:
    """The actors joined to ``holder`` into one subject: "Armenia and Azerbaijan",
    "Пашинян и Алиев", "طهران والرياض", "France, Germany and Russia"."""
    if not grammar.conjunctions:
        return [holder]
    joiner = re.compile(
        rf"\s*(?:[,،]|[,،]?\s*(?:{_words(grammar.conjunctions)})\s*)\s*$"
        if not grammar.glued_conjunctions
        else rf"\s*(?:[,،]|[,،]?\s*(?:{_words(grammar.conjunctions)})\s*)$"
    )
    actors = [
        m
        for m in state.mentions_in(sentence.start, sentence.end)
        if state.is_actor(m) and m.via != "adjective"
    ]
    group = [holder]
    index = next((i for i, m in enumerate(actors) if m.span.start == holder.span.start), None)
    if index is None:
        return group
    # leftwards: "X, Y and <holder>"
    i = index
    while i > 0 and joiner.match(state.text[actors[i - 1].span.end : actors[i].span.start]):
        group.insert(0, actors[i - 1])
        i -= 1
    # rightwards: "<holder> and Y"
    i = index
    while i + 1 < len(actors) and joiner.match(
        state.text[actors[i].span.end : actors[i + 1].span.start]
    ):
        group.append(actors[i + 1])
        i += 1
    return group if len(group) > 1 else [holder]


def _holders(
    state: State,
    trigger: Match,
    sentence: Sentence,
    breaks: list[Match],
    cuts: list[Match],
    grammar: _Grammar,
) -> tuple[list[Mention], float]:
    pronoun = _pronoun_subject(state, sentence, trigger, cuts, grammar)
    if pronoun is not None:
        kind, at = pronoun
        antecedent = _antecedent(state, kind, at)
        return ([antecedent], 0.6) if antecedent else ([], 0.0)
    holder, confidence = find_agent(state, trigger, sentence, breaks, near=25)
    if holder is None:
        return [], 0.0
    return _coordinated(state, holder, sentence, grammar), confidence


def _positions(state: State) -> Iterator[Position]:
    triggers = matches(state, "stance_triggers")
    negations = matches(state, "negations")
    breaks = matches(state, "clause_breaks")
    cuts = [*breaks, *matches(state, "reporting_verbs")]
    grammar = _grammar(state)
    for sentence in state.sentences:
        for trigger in (t for t in triggers if in_sentence(sentence, t)):
            if _negated(state, negations, trigger):
                continue
            if _glued_to_noun_clitic(state, trigger, grammar):
                continue
            holders, confidence = _holders(state, trigger, sentence, breaks, cuts, grammar)
            topic = _topic(state, trigger, sentence)
            for holder in holders:
                yield Position(
                    holder=holder.entity,
                    stance=trigger.payloads[0],
                    topic=topic.quote if topic else None,
                    topic_span=topic,
                    trigger=Span.of(state.text, trigger.start, trigger.end),
                    evidence=Span.of(state.text, sentence.start, sentence.end),
                    confidence=round(confidence * 0.9, 2),
                )


def extract_positions(state: State) -> list[Position]:
    """Positions of the document, one per holder, stance and trigger."""
    unique: dict[tuple[str, str, int], Position] = {}
    for position in _positions(state):
        unique.setdefault((position.holder, position.stance, position.trigger.start), position)
    return list(unique.values())
