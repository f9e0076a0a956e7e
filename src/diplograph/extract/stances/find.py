"""Positions: a stance word ("rejects", "طلبت", "предложил") that no negation, question or
condition cancels (``clauses``), its holder (``holders``) and the rest of
the clause as topic.

Stance words are verbs and phrases (``stances``) or nouns (``nouns``): a noun's holder is
its possessor or the subject of a support verb ("expressed support"), never merely the
nearest actor.  A phrase that holds a stance word but states none ("se saludaron", "is
expected to") drops it.  A verb that both reports and takes a stance ("warned") is read
once, as the stance.  A stance voiced in the first person ("«We demand ...», X said") is
the speaker's.  An agreement nobody is named for, in a sentence about a meeting ("the
talks ended with an agreement to ..."), is its sides' (``groups``).  A verb glued
to a clitic that only nouns take (Arabic ب in "وبحثا", "discussed") is another word that
happens to end like a trigger.

A modal of obligation ("must", "should", "يجب", "il faut", "debe", "muss", "должна") in a
sentence with a reporting verb is a REQUEST of that verb's speaker: who says that another
must act demands it.  Its own subject ("Russia must") is who is asked, not who asks; with
no speaker in the sentence (a description) it yields nothing.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from diplograph.extract.agents import find_agent, matches
from diplograph.extract.entities.find import affixes
from diplograph.extract.lexicon import alternation
from diplograph.extract.stances.clauses import (
    clause_start,
    first_person_subject,
    governed,
    grammar_of,
    locatives,
    negated,
    questioned,
)
from diplograph.extract.stances.groups import group_subject, meeting_sides
from diplograph.extract.stances.holders import find_holders, noun_holders, shares_subject
from diplograph.extract.stances.nouns import nominal, support_verb
from diplograph.extract.stances.objects import verb_object_triggers
from diplograph.extract.stances.targets import targets
from diplograph.extract.state import State
from diplograph.lang import Grammar, load
from diplograph.model import Mention, Position, Span, Statement
from diplograph.text.folding import Sentence, fold_key
from diplograph.text.matcher import Match, Matcher, select_longest

__all__ = ["extract_positions"]

TOPIC_END = re.compile(r"[.;:؛،,!?؟\n]|\s(?:but|mais|но|لكن|pero|aber)\s")
MAX_TOPIC = 120


def _glued_to_noun_clitic(state: State, trigger: Match, grammar: Grammar) -> bool:
    """ "وبحثا" (and they discussed) is not "حثا" (they urged): a verb never takes ب."""
    if not grammar.noun_clitics:
        return False
    start = trigger.start
    while start > 0 and state.text[start - 1].isalpha():
        start -= 1
    glued = state.text[start : trigger.start]
    article = state.language.orthography.article if state.language else None
    if article and state.text.startswith(article, trigger.start):
        return False  # "بالمقترحات": a noun with its article takes ب
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


@functools.cache
def _obligation_matcher(code: str, forms: tuple[str, ...]) -> Matcher[str]:
    return Matcher((form, "REQUEST") for form in forms)


@functools.cache
def _own_matchers(code: str) -> tuple[Matcher[str], Matcher[str]]:
    """The stance nouns (payload: the stance) and the support verbs of a language."""
    words = load(code).stance_triggers
    nouns = Matcher((form, stance) for stance, forms in words.nouns.items() for form in forms)
    return nouns, Matcher((form, "support") for form in words.support_verbs)


def _own_matches(state: State, matcher: Matcher[str]) -> list[Match]:
    assert state.language is not None
    found = matcher.find(state.folded, state.text, affixes(state.language))
    inside = state.inside_names()
    return [m for m in found if inside.isdisjoint(range(m.start, m.end))]


@functools.cache
def _spoken_matcher(code: str) -> Matcher[str]:
    """Words whose stance is the sentence speaker's: modals of obligation (REQUEST) and
    words of consequences (THREATEN)."""
    words = load(code).stance_triggers
    return Matcher(
        [
            *((form, "REQUEST") for form in words.obligations),
            *((form, "THREATEN") for form in words.consequences),
        ]
    )


def _obligations(state: State) -> list[Match]:
    """The modals of obligation and words of consequences in the text, except inside names."""
    if state.language is None:
        return []
    matcher = _spoken_matcher(state.language.code)
    found = matcher.find(state.folded, state.text, affixes(state.language))
    inside = state.inside_names()
    return select_longest(m for m in found if inside.isdisjoint(range(m.start, m.end)))


def _speakers(
    state: State, sentence: Sentence, speech: list[Match], breaks: list[Match]
) -> list[tuple[Match, Mention | None]]:
    """The reporting verbs of a sentence (``speech``, those in it) and their speakers."""
    spoken: list[tuple[Match, Mention | None]] = []
    for verb in speech:
        if spoken and shares_subject(state, verb, spoken[-1][0], grammar_of(state)):
            # "X said ..., adding that ...", "..., مضيفا أن": the first verb's speaker
            spoken.append((verb, spoken[-1][1]))
        else:
            spoken.append((verb, find_agent(state, verb, sentence, breaks, speech=True)[0]))
    return spoken


def _beside_expletive(state: State, modal: Match) -> bool:
    """ "es solle um ... gehen": a modal next to an impersonal subject states a plan."""
    if state.language is None or not state.language.stance_triggers.expletives:
        return False
    words = alternation(state.language.stance_triggers.expletives)
    before = state.text[max(0, modal.start - 20) : modal.start]
    after = state.text[modal.end : modal.end + 20]
    return bool(
        re.search(rf"(?:^|\W)(?:{words})\s+$", before, re.IGNORECASE)
        or re.match(rf"\s+(?:{words})\b", after, re.IGNORECASE)
    )


def _not_stances(state: State, found: list[Match]) -> list[Match]:
    """Drops the triggers inside a phrase that states no stance ("se saludaron")."""
    if state.language is None or not state.language.stance_triggers.not_stances:
        return found
    matcher = _obligation_matcher(
        f"{state.language.code}:not", state.language.stance_triggers.not_stances
    )
    blocked = matcher.find(state.folded, state.text, affixes(state.language))
    return [m for m in found if not any(b.start < m.end and m.start < b.end for b in blocked)]


def _sentence_speaker(modal: Match, spoken: list[tuple[Match, Mention | None]]) -> Mention | None:
    """The speaker of the sentence a modal stands in: the nearest reporting verb before it
    with a speaker, else the first one after it ("Russia must leave, Blinken said")."""
    before = [s for v, s in spoken if v.end <= modal.start and s is not None]
    if before:
        return before[-1]
    after = [s for v, s in spoken if v.start >= modal.end and s is not None]
    return after[0] if after else None


@functools.cache
def _first_person_forms(code: str) -> frozenset[str]:
    verbs = load(code).stance_triggers.first_person_verbs
    return frozenset(fold_key(form) for forms in verbs.values() for form in forms)


def _first_person_form(state: State, trigger: Match) -> bool:
    """ "Призываем", "exigimos", "ندين": a stance verb whose form is the first person."""
    if state.language is None or not state.language.stance_triggers.first_person_verbs:
        return False
    forms = _first_person_forms(state.language.code)
    return fold_key(state.text[trigger.start : trigger.end]) in forms


NEARBY_SENTENCES = 1
"""How many sentences away a statement may be reported to lend its speaker to first-person
words that name none ("«Призываем стороны к сдержанности». ... говорится в заявлении МИД")."""


def _nearby_speaker(state: State, index: int) -> Mention | None:
    """The speaker of the statement reported nearest sentence ``index``, within
    :data:`NEARBY_SENTENCES` (the earlier one on a tie)."""
    best: tuple[int, int, Statement] | None = None
    for event in state.events:
        if not isinstance(event, Statement):
            continue
        at = state.sentence_index(event.evidence.start)
        distance = abs(at - index)
        if distance <= NEARBY_SENTENCES and (best is None or (distance, at) < best[:2]):
            best = (distance, at, event)
    if best is None:
        return None
    event = best[2]
    span = Span.of(state.text, event.evidence.start, event.evidence.end)
    return Mention(span=span, entity=event.speaker, via="title")


def _is_country(state: State, mention: Mention) -> bool:
    entity = state.entities.get(mention.entity)
    return entity is not None and entity.type == "Country"


def _reports(verb: Match, speech: list[Match]) -> bool:
    """Whether the (support) verb is also a reporting verb of the sentence."""
    return any(s.start < verb.end and verb.start < s.end for s in speech)


def _own_state_spoken_for(
    state: State, holder: Mention, trigger: Match, spoken: list[tuple[Match, Mention | None]]
) -> Mention:
    """ "Lavrov said Russia is ready to ...", "China lehne das Programm ab, sagte Wang": an
    official who reports his own state's stance states it himself, so it is his as well as
    the state's (readers quote either); the speaker, or ``holder`` where the state named is
    not the speaker's own ("Lavrov said Ukraine rejected ...")."""
    holding = state.entities.get(holder.entity)
    if holding is None or holding.type != "Country":
        return holder
    for verb, speaker in spoken:
        if speaker is None or speaker.entity == holder.entity:
            continue
        person = state.entities.get(speaker.entity)
        if (
            person is None
            or person.type != "Person"
            or f"country/{person.country}" != holder.entity
        ):
            continue
        if verb.end <= holder.span.start and verb.end <= trigger.start:
            return speaker  # the state is named in the reported words after the verb
        if speaker.span.start >= trigger.end and holder.span.end <= verb.start:
            return speaker  # "Russia is ready to ..., Lavrov said"
    return holder


def _obligation_positions(state: State, breaks: list[Match]) -> Iterator[Position]:
    modals = _not_stances(state, _obligations(state))
    if not modals:
        return
    speech = matches(state, "reporting_verbs")
    negations = matches(state, "negations")
    # Clause cuts matter only inside their sentence: dealt out once, not scanned per word.
    cuts_in = state.by_sentence([*breaks, *speech])
    speech_in = state.by_sentence(speech)
    for i, inside in enumerate(state.by_sentence(modals)):
        if not inside:
            continue
        sentence = state.sentences[i]
        spoken = _speakers(state, sentence, speech_in[i], breaks)
        for modal in inside:
            if _beside_expletive(state, modal):
                continue
            speaker = _sentence_speaker(modal, spoken)
            if speaker is None or governed(state, speaker, locatives(state), grammar_of(state)):
                continue
            start = clause_start(state, sentence, modal, cuts_in[i])
            if any(b.start == modal.start for b in breaks):
                start = modal.start  # "أن على روسيا أن": the modal opens its own clause
            if start <= speaker.span.start < modal.start:
                continue  # "Selon le traité, la Russie doit": the modal's own subject
            stance = modal.payloads[0]
            if stance == "THREATEN" and negated(state, negations, modal, start, grammar_of(state)):
                continue  # "would have no consequences"
            topic = _topic(state, modal, sentence)
            yield Position(
                holder=speaker.entity,
                stance=stance,
                topic=topic.quote if topic else None,
                topic_span=topic,
                targets=targets(state, topic, speaker.entity),
                trigger=Span.of(state.text, modal.start, modal.end),
                evidence=Span.of(state.text, sentence.start, sentence.end),
                confidence=0.5,
            )


def _positions(state: State) -> Iterator[Position]:
    triggers = select_longest([*matches(state, "stance_triggers"), *verb_object_triggers(state)])
    supports: list[Match] = []
    nouns: set[tuple[int, int]] = set()
    if state.language is not None:
        noun_matcher, support_matcher = _own_matchers(state.language.code)
        found = _own_matches(state, noun_matcher)
        # a form that is also a verb ("rechazó" and "rechazo" fold alike, "warning") is read
        # as the verb: the verb search still gives an article's noun its possessor
        verbs = {(m.start, m.end) for m in triggers}
        found = [m for m in found if (m.start, m.end) not in verbs]
        nouns = {(m.start, m.end) for m in found}
        triggers = _not_stances(state, select_longest([*triggers, *found]))
        supports = select_longest(_own_matches(state, support_matcher))
    negations = matches(state, "negations")
    breaks = matches(state, "clause_breaks")
    cuts_in = state.by_sentence([*breaks, *matches(state, "reporting_verbs")])
    speech = matches(state, "reporting_verbs")
    grammar = grammar_of(state)
    meeting_words = matches(state, "meeting_triggers")
    groups = grammar.groups + (
        state.language.stance_triggers.person_groups if state.language else ()
    )
    known_verbs = sorted([*triggers, *speech, *meeting_words], key=lambda m: m.start)
    triggers_in, speech_in = state.by_sentence(triggers), state.by_sentence(speech)
    meeting_words_in = state.by_sentence(meeting_words)
    for i, sentence in enumerate(state.sentences):
        if not triggers_in[i]:
            continue  # no stance word: nothing to read (a reporting verb alone takes none)
        earlier: list[tuple[Match, list[Mention]]] = []
        spoken: list[tuple[Match, Mention | None]] | None = None
        cuts = cuts_in[i]
        verbs = sorted(
            [*((v, True) for v in triggers_in[i]), *((v, False) for v in speech_in[i])],
            key=lambda pair: (pair[0].start, pair[1]),
        )
        stance_spans = [(t.start, t.end) for t in triggers_in[i]]
        for verb, stance in verbs:
            if not stance and any(s < verb.end and verb.start < e for s, e in stance_spans):
                continue  # "warned" reports and takes a stance: one verb, read as the stance
            if not stance:
                speaker, _ = find_agent(state, verb, sentence, breaks, speech=True)
                earlier.append((verb, [speaker] if speaker else []))
                continue
            trigger = verb
            start = clause_start(state, sentence, trigger, cuts)
            if negated(state, negations, trigger, start, grammar):
                continue
            if questioned(state, trigger, sentence):
                continue
            is_noun = (trigger.start, trigger.end) in nouns
            verb = (
                support_verb(state, trigger, sentence, breaks, supports, triggers)
                if is_noun
                else None
            )
            if verb and negated(
                state, negations, verb, clause_start(state, sentence, verb, cuts), grammar
            ):
                continue  # "did not express support": a negated support verb cancels its noun
            if _glued_to_noun_clitic(state, trigger, grammar):
                continue
            if first_person_subject(state, sentence, trigger, cuts, grammar) or _first_person_form(
                state, trigger
            ):
                # "«We demand guarantees», Lavrov said": the quoted speaker's stance
                if spoken is None:
                    spoken = _speakers(state, sentence, speech_in[i], breaks)
                speaker = _sentence_speaker(trigger, spoken)
                if speaker is not None:
                    earlier.append((trigger, [speaker]))
                    yield _position(state, trigger, sentence, speaker, 0.5)
                    continue
                # no reporting verb: who is named before the words speaks them ("X reiterated
                # that “we hope”"); nobody named after them (an object in the quote) does;
                # failing that, the speaker of a statement reported next to the words
                holder, _ = find_agent(state, trigger, sentence, breaks, near=25)
                if holder is None or holder.span.end > trigger.start:
                    holder = _nearby_speaker(state, i)
                if holder is not None:
                    earlier.append((trigger, [holder]))
                    yield _position(state, trigger, sentence, holder, 0.4)
                continue
            search = noun_holders if is_noun else find_holders
            extra = (supports, triggers) if is_noun else ()
            holders, confidence = search(
                state,
                trigger,
                sentence,
                breaks,
                cuts,
                grammar,
                start,
                *extra,
                earlier=earlier,
                verbs=known_verbs,
            )
            holders = [h for h in holders if not governed(state, h, locatives(state), grammar)]
            if not holders and verb is not None and _reports(verb, speech_in[i]):
                # "В МИД России заявили о готовности": a support verb that reports has the
                # speaker of the report for subject, however the language names it
                speaker, _ = find_agent(state, verb, sentence, breaks, speech=True)
                holders, confidence = ([speaker], 0.5) if speaker else ([], 0.0)
            if speech_in[i] and any(_is_country(state, h) for h in holders):
                if spoken is None:
                    spoken = _speakers(state, sentence, speech_in[i], breaks)
                holders = list(
                    {
                        m.entity: m
                        for h in holders
                        for m in (h, _own_state_spoken_for(state, h, trigger, spoken))
                    }.values()
                )
            if (
                not holders
                and trigger.payloads[0] == "AGREE"
                and meeting_words_in[i]
                and not group_subject(state, trigger, start, groups)
            ):
                # "the talks ended with an agreement to meet again", "a new round was agreed":
                # an agreement nobody is named for is the meeting's, agreed by its two sides
                # (at a meeting of more, who agreed is not said)
                holders, confidence = meeting_sides(state, sentence, pair=True), 0.5
            if not is_noun and nominal(state, trigger, sentence, grammar) != "article":
                earlier.append((trigger, holders))
            for holder in holders:
                yield _position(state, trigger, sentence, holder, confidence)


def _position(
    state: State, trigger: Match, sentence: Sentence, holder: Mention, confidence: float
) -> Position:
    topic = _topic(state, trigger, sentence)
    return Position(
        holder=holder.entity,
        stance=trigger.payloads[0],
        topic=topic.quote if topic else None,
        topic_span=topic,
        targets=targets(state, topic, holder.entity),
        trigger=Span.of(state.text, trigger.start, trigger.end),
        evidence=Span.of(state.text, sentence.start, sentence.end),
        confidence=round(confidence * 0.9, 2),
    )


def extract_positions(state: State) -> list[Position]:
    """Positions of the document, one per holder, stance and trigger."""
    unique: dict[tuple[str, str, int], Position] = {}
    for position in (
        *_positions(state),
        *_obligation_positions(state, matches(state, "clause_breaks")),
    ):
        unique.setdefault((position.holder, position.stance, position.trigger.start), position)
    return list(unique.values())
