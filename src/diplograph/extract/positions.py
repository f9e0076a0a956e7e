"""Positions: a stance word ("rejects", "طلبت", "предложил") that no negation cancels,
its holder (found as a speaker is) and the rest of the clause as topic.

Beyond the nearest actor, the holder search reads the clause:

- a verb that continues an earlier one ("accused Moscow ... and urged", "..., داعيا",
  "..., призвав", "..., calling on") shares that verb's subject;
- a subject pronoun that opens the clause ("He urged ...", "Он призвал ...") stands for an
  actor named before, not for the object after the verb;
- a relative pronoun right before the trigger ("Poland, which rejects") hands it the noun
  before it, an actor or nothing;
- a stance noun after an article ("the proposal", "le soutien", "المقترحات") belongs to
  its possessor ("of Turkey", "russe", "الأمريكية") or to nobody; after a possessive
  ("its commitment to") to the clause's subject;
- a group subject that names no actor ("both sides", "стороны") gives no holder, and an
  actor after a locative ("in Egypt") is a place, not a holder;
- actors joined by a conjunction ("Armenia and Azerbaijan agreed", "طهران والرياض")
  hold the stance together;
- a negation a few words before the trigger, in its clause, cancels it;
- a verb glued to a clitic that only nouns take (Arabic ب in "وبحثا", "discussed") is
  another word that happens to end like a trigger.

A modal of obligation ("must", "should", "يجب", "il faut", "debe", "muss", "должна") in a
sentence with a reporting verb is a REQUEST of that verb's speaker: who says that another
must act demands it.  Its own subject ("Russia must") is who is asked, not who asks; with
no speaker in the sentence (a description) it yields nothing.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from diplograph.extract.agents import find_agent, in_sentence, matches
from diplograph.extract.entities import affixes
from diplograph.extract.lexicon import alternation
from diplograph.extract.matcher import Match, Matcher, select_longest
from diplograph.extract.state import State
from diplograph.extract.text import Sentence
from diplograph.lang import Grammar
from diplograph.model import Mention, Position, Span

__all__ = ["extract_positions"]

TOPIC_END = re.compile(r"[.;:؛،,!?؟\n]|\s(?:but|mais|но|لكن|pero|aber)\s")
MAX_TOPIC = 120


CLAUSE_PUNCTUATION = re.compile(r"[,;:،؛\"«»“”„()\[\]—–]")
PUNCTUATION = re.compile(r"[,;:،؛.!?؟()]")
ANTECEDENT_SENTENCES = 2
"""How many sentences back a pronoun's antecedent may stand."""


def _locatives(state: State) -> tuple[str, ...]:
    return state.language.meeting_triggers.locatives if state.language else ()


def _grammar(state: State) -> Grammar:
    return state.language.grammar if state.language else Grammar()


def _negated(
    state: State, negations: list[Match], trigger: Match, clause_start: int, grammar: Grammar
) -> bool:
    """A negation a few words before the trigger, in its clause, cancels it."""
    for n in negations:
        if not (clause_start <= n.start and n.end <= trigger.start):
            continue
        between = state.text[n.end : trigger.start]
        if len(re.findall(r"\w+", between)) <= grammar.negation_reach and not PUNCTUATION.search(
            between
        ):
            return True
    return False


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


def _words(pattern: tuple[str, ...]) -> str:
    return alternation(pattern)


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
    state: State, sentence: Sentence, trigger: Match, cuts: list[Match], grammar: Grammar
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
    state: State, holder: Mention, sentence: Sentence, grammar: Grammar
) -> list[Mention]:
    """The actors joined to ``holder`` into one subject: "Armenia and Azerbaijan",
    "Пашинян и Алиев", "طهران والرياض", "France, Germany and Russia"."""
    if not grammar.conjunctions:
        return [holder]
    articles = rf"(?:(?:{_words(grammar.articles)})\s*)?" if grammar.articles else ""
    joiner = re.compile(
        rf"\s*(?:[,،]|[,،]?\s*(?:{_words(grammar.conjunctions)})\s*)\s*{articles}$", re.IGNORECASE
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
    gaps: list[str] = []
    # leftwards: "X, Y and <holder>"
    i = index
    while i > 0 and joiner.match(gap := state.text[actors[i - 1].span.end : actors[i].span.start]):
        group.insert(0, actors[i - 1])
        gaps.append(gap)
        i -= 1
    # rightwards: "<holder> and Y"
    i = index
    while i + 1 < len(actors) and joiner.match(
        gap := state.text[actors[i].span.end : actors[i + 1].span.start]
    ):
        group.append(actors[i + 1])
        gaps.append(gap)
        i += 1
    # a list needs a conjunction ("X, Y and Z"): commas alone join an aside ("With Macron, Putin")
    if not any(re.search(r"[^\s,،]", g) for g in gaps):
        return [holder]
    return group


APOSTROPHES = ("'", "’")


def _ends_with_word(text: str, words: tuple[str, ...]) -> bool:
    """Whether ``text`` ends with one of ``words`` ("le ", "l'")."""
    whole = tuple(w for w in words if not w.endswith(APOSTROPHES))
    elided = tuple(w for w in words if w.endswith(APOSTROPHES))
    if whole and re.search(rf"(?:^|(?<=[\s(\"«“]))(?:{_words(whole)})\s+$", text, re.IGNORECASE):
        return True
    return bool(elided) and bool(
        re.search(rf"(?:^|(?<=[\s(\"«“]))(?:{_words(elided)})$", text, re.IGNORECASE)
    )


def _actor_mentions(state: State, start: int, end: int) -> list[Mention]:
    return [m for m in state.mentions_in(start, end) if state.is_actor(m)]


def _possessor(
    state: State, trigger: Match, sentence: Sentence, grammar: Grammar
) -> Mention | None:
    """The actor a stance noun belongs to: "the Russian proposal", "Russia's proposal",
    "the proposal of Russia", "le soutien russe", "المقترحات الروسية"."""
    before = _actor_mentions(state, max(sentence.start, trigger.start - 40), trigger.start)
    if before:
        last = before[-1]
        gap = state.text[last.span.end : trigger.start]
        if not gap.strip() and (last.via == "adjective" or last.span.quote.endswith(("'s", "’s"))):
            return last
    after = _actor_mentions(state, trigger.end, min(sentence.end, trigger.end + 40))
    if after:
        first = after[0]
        gap = state.text[trigger.end : first.span.start].strip()
        words = (*grammar.genitives, *grammar.articles)
        pattern = rf"(?:(?:{_words(words)})\s*)*" if words else ""
        if re.fullmatch(pattern, gap, re.IGNORECASE):
            return first
    return None


def _nominal(state: State, trigger: Match, sentence: Sentence, grammar: Grammar) -> str | None:
    """Whether the trigger is a noun after a determiner: "article" ("the proposal", "le
    soutien", Arabic ال) or "possessive" ("its support", "son soutien")."""
    head = state.text[max(sentence.start, trigger.start - 30) : trigger.start]
    if _ends_with_word(head, grammar.possessives):
        return "possessive"
    # an adjective of nationality may stand between the article and the noun
    adjectives = [
        m for m in _actor_mentions(state, sentence.start, trigger.start) if m.via == "adjective"
    ]
    if adjectives and not state.text[adjectives[-1].span.end : trigger.start].strip():
        head = state.text[
            max(sentence.start, adjectives[-1].span.start - 30) : adjectives[-1].span.start
        ]
    if _ends_with_word(head, grammar.articles):
        return "article"
    if state.language and state.language.orthography.article:
        article = state.language.orthography.article
        if state.text[trigger.start : trigger.end].startswith(article):
            return "article"
    return None


def _relative_antecedent(
    state: State, trigger: Match, sentence: Sentence, grammar: Grammar
) -> list[Mention] | None:
    """ "..., which threatens ...", "والتي تهدد": the subject is the noun before the relative
    pronoun (an actor only if one ends right there); ``None`` when no relative stands there."""
    if not grammar.relatives:
        return None
    head = state.text[max(sentence.start, trigger.start - 30) : trigger.start]
    prefixes = "|".join(re.escape(c) for c in grammar.glued_conjunctions)
    glued = rf"(?:{prefixes})?" if prefixes else ""
    found = re.search(
        rf"(?:^|(?<=[\s,،]))({glued}(?:{_words(grammar.relatives)}))\s*$", head, re.IGNORECASE
    )
    if not found:
        return None
    at = trigger.start - len(head) + found.start(1)
    before = _actor_mentions(state, sentence.start, at)
    if before and re.fullmatch(r"[\s,،]*", state.text[before[-1].span.end : at]):
        governors = (*grammar.genitives, *_locatives(state))
        if not _governed(state, before[-1], governors, grammar):
            return [before[-1]]
    return []


def _group_subject(state: State, trigger: Match, clause_start: int, grammar: Grammar) -> bool:
    """ "Both sides agreed", "стороны договорились": a subject that names no actor."""
    if not grammar.groups:
        return False
    head = state.text[clause_start : trigger.start]
    pattern = rf"(?:^|(?<=\W))(?:{_words(grammar.groups)})(?=\W|$)"
    found = list(re.finditer(pattern, head, re.IGNORECASE))
    if not found:
        return False
    return not _actor_mentions(state, clause_start + found[-1].end(), trigger.start)


def _governed(state: State, mention: Mention, words: tuple[str, ...], grammar: Grammar) -> bool:
    """Whether a preposition governs ``mention`` ("in Egypt", "de l'Ukraine", "في موسكو"):
    then it is a place or a complement, not the subject of a stance."""
    if not words:
        return False
    before = state.text[max(0, mention.span.start - 30) : mention.span.start]
    articles = rf"(?:(?:{_words(grammar.articles)})\s*)*" if grammar.articles else ""
    return bool(re.search(rf"(?:^|\W)(?:{_words(words)})\s*{articles}$", before, re.IGNORECASE))


def _adjacent_subject(state: State, trigger: Match, sentence: Sentence) -> Mention | None:
    """An actor right before the verb is its subject even where subjects usually follow
    ("روسيا تتهم الولايات المتحدة")."""
    before = [
        m for m in _actor_mentions(state, sentence.start, trigger.start) if m.via != "adjective"
    ]
    if before and not state.text[before[-1].span.end : trigger.start].strip():
        return before[-1]
    return None


def _shares_subject(state: State, trigger: Match, previous: Match, grammar: Grammar) -> bool:
    """Whether ``trigger`` continues the clause of the verb ``previous`` with its subject:
    "accused Moscow ... and urged", "رحب ... بالمبادرة، داعيا", "заявил ..., призвав"."""
    between = state.text[previous.end : trigger.start]
    if re.search(r"[.!?؟;؛:\"«»“”]", between):
        return False
    key = trigger.key
    if (
        grammar.participles
        and key.endswith(tuple(p.casefold() for p in grammar.participles))
        and re.search(r"[,،]\s*(?:\w+\s+)?$", between)
    ):
        return True
    if not grammar.conjunctions:
        return False
    glued = "|".join(re.escape(c) for c in grammar.glued_conjunctions)
    separate = tuple(c for c in grammar.conjunctions if c not in grammar.glued_conjunctions)
    conj = rf"(?:[,،]?\s*(?<!\w)(?:{_words(separate)})\s+(?:\w+\s+)?)" if separate else "(?!)"
    if glued:
        conj = rf"(?:{conj}|\s(?:{glued}))"
    joined = re.search(rf"{conj}$", between, re.IGNORECASE)
    if not joined:
        return False
    # "X accused Y and Z urged": a new subject after the conjunction ends the sharing
    return not _actor_mentions(state, previous.end + joined.start(), trigger.start)


def _holders(
    state: State,
    trigger: Match,
    sentence: Sentence,
    breaks: list[Match],
    cuts: list[Match],
    grammar: Grammar,
    clause_start: int,
    earlier: list[tuple[Match, list[Mention]]] | None = None,
) -> tuple[list[Mention], float]:
    if earlier:
        previous, holders = earlier[-1]
        if _shares_subject(state, trigger, previous, grammar):
            # the main clause's subject, or none if that one is unknown (not its object)
            return holders, 0.6
    nominal = _nominal(state, trigger, sentence, grammar)
    if nominal == "article":
        possessor = _possessor(state, trigger, sentence, grammar)
        return ([possessor], 0.6) if possessor else ([], 0.0)
    order = state.language.reporting_verbs.speaker_search if state.language else ("before",)
    relative = _relative_antecedent(state, trigger, sentence, grammar)
    if relative is not None:
        if relative or order[0] != "after":
            return relative, 0.6
        # "الضمانات التي تطالب بها موسكو": a relative clause keeps its own subject after the verb
        holder, confidence = find_agent(state, trigger, sentence, breaks, near=25)
        after = holder is not None and holder.span.start >= trigger.end
        return ([holder], confidence) if after else ([], 0.0)
    pronoun = _pronoun_subject(state, sentence, trigger, cuts, grammar)
    if pronoun is not None:
        kind, at = pronoun
        antecedent = _antecedent(state, kind, at)
        return ([antecedent], 0.6) if antecedent else ([], 0.0)
    if _group_subject(state, trigger, clause_start, grammar):
        return [], 0.0
    if order[0] == "after" and (subject := _adjacent_subject(state, trigger, sentence)):
        return _coordinated(state, subject, sentence, grammar), 0.7
    holder, confidence = find_agent(state, trigger, sentence, breaks, near=25)
    if holder is None:
        return [], 0.0
    return _coordinated(state, holder, sentence, grammar), confidence


@functools.cache
def _obligation_matcher(code: str, forms: tuple[str, ...]) -> Matcher[str]:
    return Matcher((form, "REQUEST") for form in forms)


def _obligations(state: State) -> list[Match]:
    """The modals of obligation in the text, except inside names."""
    if state.language is None or not state.language.stance_triggers.obligations:
        return []
    matcher = _obligation_matcher(state.language.code, state.language.stance_triggers.obligations)
    found = matcher.find(state.folded, state.text, affixes(state.language))
    inside = state.inside_names()
    return select_longest(m for m in found if not any(i in inside for i in range(m.start, m.end)))


def _obligation_speaker(modal: Match, spoken: list[tuple[Match, Mention | None]]) -> Mention | None:
    """The speaker of the sentence a modal stands in: the nearest reporting verb before it
    with a speaker, else the first one after it ("Russia must leave, Blinken said")."""
    before = [s for v, s in spoken if v.end <= modal.start and s is not None]
    if before:
        return before[-1]
    after = [s for v, s in spoken if v.start >= modal.end and s is not None]
    return after[0] if after else None


def _obligation_positions(state: State, breaks: list[Match]) -> Iterator[Position]:
    modals = _obligations(state)
    if not modals:
        return
    speech = matches(state, "reporting_verbs")
    cuts = [*breaks, *speech]
    for sentence in state.sentences:
        inside = [m for m in modals if in_sentence(sentence, m)]
        if not inside:
            continue
        spoken: list[tuple[Match, Mention | None]] = []
        for verb in (v for v in speech if in_sentence(sentence, v)):
            if spoken and _shares_subject(state, verb, spoken[-1][0], _grammar(state)):
                # "X said ..., adding that ...", "..., مضيفا أن": the first verb's speaker
                spoken.append((verb, spoken[-1][1]))
            else:
                spoken.append((verb, find_agent(state, verb, sentence, breaks, speech=True)[0]))
        for modal in inside:
            speaker = _obligation_speaker(modal, spoken)
            if speaker is None or _governed(state, speaker, _locatives(state), _grammar(state)):
                continue
            clause_start = _clause_start(state, sentence, modal, cuts)
            if clause_start <= speaker.span.start < modal.start:
                continue  # "Selon le traité, la Russie doit": the modal's own subject
            topic = _topic(state, modal, sentence)
            yield Position(
                holder=speaker.entity,
                stance="REQUEST",
                topic=topic.quote if topic else None,
                topic_span=topic,
                trigger=Span.of(state.text, modal.start, modal.end),
                evidence=Span.of(state.text, sentence.start, sentence.end),
                confidence=0.5,
            )


def _positions(state: State) -> Iterator[Position]:
    triggers = matches(state, "stance_triggers")
    negations = matches(state, "negations")
    breaks = matches(state, "clause_breaks")
    cuts = [*breaks, *matches(state, "reporting_verbs")]
    speech = matches(state, "reporting_verbs")
    grammar = _grammar(state)
    for sentence in state.sentences:
        earlier: list[tuple[Match, list[Mention]]] = []
        verbs = sorted(
            (
                (v, stance)
                for stance, found in ((True, triggers), (False, speech))
                for v in found
                if in_sentence(sentence, v)
            ),
            key=lambda pair: (pair[0].start, pair[1]),
        )
        for verb, stance in verbs:
            if not stance:
                speaker, _ = find_agent(state, verb, sentence, breaks, speech=True)
                earlier.append((verb, [speaker] if speaker else []))
                continue
            trigger = verb
            clause_start = _clause_start(state, sentence, trigger, cuts)
            if _negated(state, negations, trigger, clause_start, grammar):
                continue
            if _glued_to_noun_clitic(state, trigger, grammar):
                continue
            holders, confidence = _holders(
                state, trigger, sentence, breaks, cuts, grammar, clause_start, earlier
            )
            holders = [h for h in holders if not _governed(state, h, _locatives(state), grammar)]
            if _nominal(state, trigger, sentence, grammar) != "article":
                earlier.append((trigger, holders))
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
    for position in (
        *_positions(state),
        *_obligation_positions(state, matches(state, "clause_breaks")),
    ):
        unique.setdefault((position.holder, position.stance, position.trigger.start), position)
    return list(unique.values())
