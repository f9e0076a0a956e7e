"""Statements: a reporting verb ("said", "أعلن", "заявил") and its speaker, the nearest
actor on the side where the language puts subjects; quoted words and relays ("told
TASS") are kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from diplograph.extract.agents import (
    INVERTED,
    adjacent_actor,
    body_subject,
    document_nouns,
    find_agent,
    in_sentence,
    is_oblique,
    matches,
    pronoun_subject,
)
from diplograph.extract.state import State
from diplograph.extract.statements.citations import citations
from diplograph.extract.statements.reports import (
    group_subject,
    groups,
    joint_speakers,
    meeting_sides,
    nominal_speakers,
    officials_subject,
)
from diplograph.extract.statements.speech import (
    attributive,
    fronted_subject,
    generic_subject,
    outlet_speaks,
    outlets,
    passive,
    split_verbs,
    title_subject,
)
from diplograph.model import DateRange, Mention, Span, Statement
from diplograph.text.folding import Sentence, fold_key
from diplograph.text.matcher import Match, select_longest

__all__ = ["extract_statements"]

QUOTES = re.compile(r"[\"«“„]([^\"»”“]{3,}?)[\"»”“]")


def _relay(state: State, relays: list[Match], sentence: Sentence, speaker: Mention) -> str | None:
    """Who relayed the words: the actor right after "told", "quoted by", "نقلت عن"."""
    for relay in (r for r in relays if in_sentence(sentence, r)):
        window = state.mentions_in(relay.end, min(sentence.end, relay.end + 30))
        after = [m for m in window if state.entity(m).type != "Place"]
        if after and after[0].entity != speaker.entity:
            return after[0].entity
    return None


def _quote(state: State, sentence: Sentence, after: int) -> Span | None:
    match = QUOTES.search(state.text, after, sentence.end) or QUOTES.search(
        state.text, sentence.start, sentence.end
    )
    if match:
        return Span.of(state.text, match.start(1), match.end(1))
    return None


PAIR_GAP = 50
"""How long the words joining two speakers may be ("Lavrov and his Japanese counterpart Motegi")."""
PAIR_BREAK = re.compile(r"[.,;:!?؟،\"«»“”„()]")


def _coordinated(state: State, speaker: Mention, sentence: Sentence) -> list[Mention]:
    """ "Lavrov and Motegi said", "заявили Рябков и Шерман": persons joined to the found
    speaker by a conjunction ("and", "и", "et", "و")."""
    if state.language is None:
        return []
    grammar = state.language.grammar
    words = {fold_key(c) for c in grammar.conjunctions}
    glued = tuple(grammar.glued_conjunctions)
    kind = state.entity(speaker).type
    if kind != "Person":
        return []  # "Iraq and Oman" after a body's verb are more often its objects
    found: list[Mention] = []
    chain = [speaker]
    for forward in (True, False):
        current = speaker
        while True:
            others = [
                m
                for m in state.mentions_in(sentence.start, sentence.end)
                if state.is_actor(m)
                and state.entity(m).type == kind
                and m.entity not in {c.entity for c in chain}
                and (
                    m.span.start >= current.span.end
                    if forward
                    else m.span.end <= current.span.start
                )
            ]
            if not others:
                break
            other = others[0] if forward else others[-1]
            left, right = (current, other) if forward else (other, current)
            gap = state.text[left.span.end : right.span.start]
            if len(gap) > PAIR_GAP or PAIR_BREAK.search(gap):
                break
            first = gap.split()[0] if gap.split() else ""
            if fold_key(first) not in words and not (
                glued and any(first.startswith(g) for g in glued)
            ):
                break
            found.append(other)
            chain.append(other)
            current = other
    return found


ANTECEDENT_REACH = 400
"""How far back the speaker a pronoun or an omitted subject stands for may have spoken."""


def _elided(state: State, verb: Match, breaks: list[Match]) -> bool:
    """A verb-first clause with no subject ("وأضاف أن", "كما أكد أن"): the reported clause
    opens right after the verb, so the subject is the one who spoke before."""
    if state.language is None or state.language.reporting_verbs.speaker_search[:1] != ("after",):
        return False
    return any(
        0 <= b.start - verb.end <= 3 and not state.text[verb.end : b.start].strip(" ,،")
        for b in breaks
    )


OPENING_REACH = 6
"""Characters a sentence may hold before its opening phrase (a conjunction: "And", "و")."""


def _document_opening(state: State, sentence: Sentence, verb: Match) -> Mention | None:
    """ "In a statement on Saturday, Foreign Minister X welcomed …", "Dans une déclaration
    faite samedi, le ministre X s'est insurgé …", "وفي بيان، أدانت الوزارة …": a document
    that opens the sentence is its main clause's subject's, the first actor after the
    phrase's comma (the phrase itself names only when and where)."""
    if state.language is None or verb.start - sentence.start > OPENING_REACH:
        return None
    documents = document_nouns(state.language.code)
    if documents.isdisjoint(fold_key(w) for w in state.text[verb.start : verb.end].split()):
        return None
    comma = re.search(r"[,،]", state.text[verb.end : sentence.end])
    if comma is None:
        return None
    start = verb.end + comma.end()
    for mention in state.mentions_in(start, sentence.end):
        if state.is_actor(mention) and not is_oblique(state, mention):
            return mention
    return None


def _speaker(
    state: State,
    sentence: Sentence,
    verb: Match,
    breaks: list[Match],
    recent: Callable[[str, int], str | None],
    after_first: bool,
) -> tuple[Mention | None, float]:
    """Who says ``verb``: the one who spoke before for a pronoun ("He added") or an omitted
    subject, the holder of a bare title ("the chancellor said"), else the actor the shared
    agent search finds."""
    here = Span.of(state.text, verb.start, verb.end)
    if opened := _document_opening(state, sentence, verb):
        return opened, 0.6
    if pronoun_subject(state, sentence, verb) and (who := recent("person", verb.start)):
        return Mention(span=here, entity=who, via="title"), 0.6
    inverted = bool(INVERTED.search(state.text[max(sentence.start, verb.start - 4) : verb.start]))
    if titled := title_subject(state, sentence, verb, after=after_first or inverted):
        return titled, 0.7
    is_passive, agent = passive(state, sentence, verb)
    if is_passive:
        return agent, 0.6
    if after_first and (fronted := fronted_subject(state, sentence, verb)):
        return fronted, 0.7
    if officials := officials_subject(state, sentence, verb):
        return officials, 0.6
    if body := body_subject(state, sentence, verb, speech=True):
        return body, 0.6  # "the group said": the body named before, not an unnamed someone
    if not after_first and (adjacent := adjacent_actor(state, sentence, verb)):
        return adjacent, 0.75
    if not after_first and not inverted and generic_subject(state, sentence, verb):
        return None, 0.0
    found, confidence = find_agent(state, verb, sentence, breaks, speech=True)
    if (
        _elided(state, verb, breaks)
        and (found is None or state.entity(found).type != "Person")
        and (who := recent("any", verb.start))
    ):
        # A person the search finds is most often the subject carried on; a state or
        # body is more often named inside the clause before.
        return Mention(span=here, entity=who, via="title"), 0.6
    return found, confidence


def _date(state: State, sentence: Sentence, offset: int) -> DateRange | None:
    date = state.nearest_date(sentence.start, sentence.end, offset)
    if date:
        return date.value
    return DateRange.day(state.published) if state.published else None


def extract_statements(state: State) -> list[Statement]:
    """One statement per speaker and day: the first report of it in the document."""
    verbs = select_longest([*matches(state, "reporting_verbs"), *split_verbs(state)])
    breaks = matches(state, "clause_breaks")
    relays = matches(state, "relays")
    media, group_words = outlets(state), groups(state)
    after_first = bool(state.language) and state.language.reporting_verbs.speaker_search[:1] == (
        "after",
    )
    seen: dict[tuple[str, DateRange | None], Statement] = {}
    last: dict[str, tuple[int, str]] = {}
    """Where the last speaker spoke, and who it was."""

    spoke: dict[int, str] = {}
    """Sentence start -> the first person who spoke in that sentence."""

    def recent(kind: str, offset: int) -> str | None:
        if kind == "any":
            if "any" in last and offset - last["any"][0] <= ANTECEDENT_REACH:
                return last["any"][1]
            return None
        # A pronoun carries on the subject of the nearest sentence that has a person: the
        # one who spoke there, else the first person it names (where subjects stand).
        for earlier in reversed([s for s in state.sentences if s.start <= offset]):
            own = earlier.start == state.sentence_at(offset).start
            if not own and offset - earlier.end > ANTECEDENT_REACH:
                return None
            if earlier.start in spoke:
                return spoke[earlier.start]
            if own:
                continue  # the pronoun's own sentence: only a speaker before it counts
            persons = [
                m
                for m in state.mentions_in(earlier.start, earlier.end)
                if state.entity(m).type == "Person"
            ]
            # a person after a preposition ("the detention of President X") is no subject:
            # the pronoun takes up the last person named as one, further back
            subject = next((m for m in persons if not is_oblique(state, m)), None)
            if subject is not None:
                return subject.entity
        return None

    def add(who: str, sentence: Sentence, trigger: Match, confidence: float, relay=None) -> None:
        value = _date(state, sentence, trigger.start)
        if (who, value) in seen:
            return
        seen[(who, value)] = Statement(
            speaker=who,
            date=value,
            quote=_quote(state, sentence, trigger.end),
            reported_by=relay,
            trigger=Span.of(state.text, trigger.start, trigger.end),
            evidence=Span.of(state.text, sentence.start, sentence.end),
            confidence=confidence,
        )

    # A cited source speaks, and whoever reports it relays it; the sentence's reporting
    # verbs belong to that relay ("Sputnik reported, citing ...").
    cited = citations(state)
    for citation in cited:
        add(
            citation.source.entity,
            citation.sentence,
            citation.word,
            0.7,
            citation.relay.entity if citation.relay else None,
        )
    citing = {citation.sentence.start for citation in cited}

    for sentence, sentence_verbs in zip(state.sentences, state.by_sentence(verbs), strict=True):
        if sentence.start in citing:
            continue
        for verb in sentence_verbs:
            inverted = bool(
                INVERTED.search(state.text[max(sentence.start, verb.start - 4) : verb.start])
            )
            if attributive(state, sentence, verb):
                continue
            if outlet_speaks(state, sentence, verb, media, after=after_first or inverted):
                continue  # an outlet relays; whom it quotes is found by its own verb
            if group := group_subject(
                state, sentence, verb, group_words, after=after_first or inverted
            ):
                for side in meeting_sides(state, verb.start, persons=group == "persons"):
                    add(side, sentence, verb, 0.6)
                continue
            speaker, confidence = _speaker(state, sentence, verb, breaks, recent, after_first)
            if speaker is None:
                continue
            last["any"] = (verb.start, speaker.entity)
            if state.entity(speaker).type == "Person":
                spoke.setdefault(sentence.start, speaker.entity)
            for who in (speaker, *_coordinated(state, speaker, sentence)):
                add(
                    who.entity,
                    sentence,
                    verb,
                    confidence if who is speaker else confidence * 0.9,
                    _relay(state, relays, sentence, who),
                )
    for phrase, sentence, who in nominal_speakers(state):
        add(who, sentence, phrase, 0.6)
    for phrase, sentence, sides in joint_speakers(state):
        for side in sides:
            add(side, sentence, phrase, 0.7)
    return list(seen.values())
