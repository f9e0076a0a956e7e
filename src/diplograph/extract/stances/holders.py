"""Who holds a stance: beyond the nearest actor (found as a speaker is), the search reads
the clause:

- a verb that continues an earlier one ("accused Moscow ... and urged", "..., داعيا",
  "..., призвав", "..., calling on", "..., كما أكد") shares that verb's subject;
- without such an earlier verb, a verb after a conjunction or a participle after a comma
  ("Moscow sent drafts to NATO, demanding") has the main clause's subject, the first actor
  before any verb, not the nearest (its object); an adverbial participle ("by charging",
  "while remaining") has the subject of the clause it stands in; an unknown subject gives
  nobody;
- a passive verb's agent ("rejected by Russia", "rechazada por Rusia") holds it;
- a subject pronoun that opens the clause ("He urged ...", "Он призвал ...") stands for an
  actor named before (``antecedents``), not for the object after the verb; a plural
  one ("they") for the whole list it names ("Hamas and Islamic Jihad ... They");
- a relative pronoun right before the trigger ("Poland, which rejects") hands it the noun
  before it, an actor or nothing (not one a preposition governs: "the crisis over Ukraine,
  which"); an actor inside a relative aside ("Sherman, who met Ryabkov, reaffirmed") is not
  the subject of the verb after it;
- a stance noun after a possessive ("its commitment to") belongs to the clause's subject,
  else to its possessor, else to the subject of a support verb that takes it, else to nobody
  (``nouns``);
- a group subject that names no actor ("both sides", "стороны", "the two ministers") is the
  sides or persons of the meeting the sentence is about (``groups``), and an actor
  after a locative ("in Egypt") is a place, not a holder;
- actors joined by a conjunction ("Armenia and Azerbaijan agreed", "طهران والرياض", "X,
  the radical Y and Z") hold the stance together.
"""

from __future__ import annotations

import functools
import re

from diplograph.extract.agents import find_agent
from diplograph.extract.stances.antecedents import antecedent, pronoun_subject
from diplograph.extract.stances.clauses import (
    actor_mentions,
    clause_start,
    either,
    governed,
    grammar_of,
    locatives,
    obliquely_governed,
)
from diplograph.extract.stances.groups import group_subject, is_pair, meeting_sides
from diplograph.extract.stances.nouns import nominal, possessor, support_verb
from diplograph.extract.state import State
from diplograph.lang import Grammar
from diplograph.model import Mention
from diplograph.text.folding import Sentence
from diplograph.text.matcher import Match

__all__ = ["find_holders", "noun_holders", "shares_subject"]


def _coordinated(
    state: State, holder: Mention, sentence: Sentence, grammar: Grammar
) -> list[Mention]:
    """The actors joined to ``holder`` into one subject: "Armenia and Azerbaijan",
    "Пашинян и Алиев", "طهران والرياض", "France, Germany and Russia"."""
    if not grammar.conjunctions:
        return [holder]
    # an article, with perhaps one lower-case adjective ("Hamas and the radical Islamic Jihad")
    articles = (
        rf"(?:(?:{either(grammar.articles)})\s+(?-i:[a-zà-öø-ÿа-яё][\w-]*\s+)?|"
        rf"(?:{either(grammar.articles)})\s*)?"
        if grammar.articles
        else ""
    )
    joiner = re.compile(
        rf"\s*(?:[,،]|[,،]?\s*(?:{either(grammar.conjunctions)})\s*)\s*{articles}$",
        re.IGNORECASE,
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
    conjunction = re.compile(
        rf"(?:^|(?<=[\s,،]))(?:{either(grammar.conjunctions)})(?=\s|$)|\s(?:{glued})$"
        if (glued := "|".join(re.escape(c) for c in grammar.glued_conjunctions))
        else rf"(?:^|(?<=[\s,،]))(?:{either(grammar.conjunctions)})(?=\s|$)",
        re.IGNORECASE,
    )
    # "X, Y und weitere Gruppen": the conjunction may come after the last actor named
    tail = state.text[group[-1].span.end : group[-1].span.end + 20]
    closed = re.match(rf"\s*[,،]?\s*(?:{either(grammar.conjunctions)})\s", tail, re.IGNORECASE)
    if not closed and not any(conjunction.search(g) for g in gaps):
        return [holder]  # "Après l'attaque contre Israël, la France": no conjunction, no list
    return group


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
        rf"(?:^|(?<=[\s,،]))({glued}(?:{either(grammar.relatives)}))\s*$", head, re.IGNORECASE
    )
    if not found:
        return None
    at = trigger.start - len(head) + found.start(1)
    before = actor_mentions(state, sentence.start, at)
    if before and re.fullmatch(r"[\s,،]*", state.text[before[-1].span.end : at]):
        governors = (*grammar.genitives, *locatives(state))
        if not governed(state, before[-1], governors, grammar) and not obliquely_governed(
            state, before[-1]
        ):
            # "the crisis over Ukraine, which threatens": a complement is not the antecedent
            return [before[-1]]
    return []


def _adjacent_subject(state: State, trigger: Match, sentence: Sentence) -> Mention | None:
    """An actor right before the verb is its subject even where subjects usually follow
    ("روسيا تتهم الولايات المتحدة")."""
    before = [
        m for m in actor_mentions(state, sentence.start, trigger.start) if m.via != "adjective"
    ]
    if before and not state.text[before[-1].span.end : trigger.start].strip():
        return before[-1]
    return None


def shares_subject(state: State, trigger: Match, previous: Match, grammar: Grammar) -> bool:
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
    if state.language is not None:
        separate = (*separate, *state.language.stance_triggers.continuations)
    conj = rf"(?:[,،]?\s*(?<!\w)(?:{either(separate)})\s+(?:\w+\s+)?)" if separate else "(?!)"
    if glued:
        conj = rf"(?:{conj}|\s(?:{glued}))"
    joined = re.search(rf"{conj}$", between, re.IGNORECASE)
    if not joined:
        return False
    # "X accused Y and Z urged": a new subject after the conjunction ends the sharing
    return not actor_mentions(state, previous.end + joined.start(), trigger.start)


def _continues_clause(
    state: State, trigger: Match, sentence: Sentence, grammar: Grammar
) -> str | None:
    """Whether the trigger opens a verb phrase joined to a clause before it: "main" after a
    conjunction ("..., and warned", "und warnte") or as a participle after a comma ("...,
    demanding", "..., призвав", "..., داعيا"); "nearest" as an adverbial participle ("by
    charging", "while remaining"), which belongs to the clause it stands in; else ``None``."""
    head = state.text[sentence.start : trigger.start]
    if not re.search(r"\w", head):
        return None
    # the verb is the first word of a phrase trigger ("charging that")
    participle = grammar.participles and trigger.key.split()[0].endswith(
        tuple(p.casefold() for p in grammar.participles)
    )
    markers = state.language.stance_triggers.gerund_markers if state.language else ()
    if (
        participle
        and markers
        and re.search(rf"(?<!\w)(?:{either(markers)})\s+(?:\w+\s+)?$", head, re.IGNORECASE)
    ):
        return "nearest"  # "... by aggressively charging that", "en accusant"
    if participle and re.search(r"[,،]\s*(?:\w+\s+)?$", head):
        return "main"
    # a glued conjunction (Arabic و) opens nearly every sentence and clause: not a sign
    separate = tuple(c for c in grammar.conjunctions if c not in grammar.glued_conjunctions)
    joined = separate and re.search(
        rf"(?<!\w)(?:{either(separate)})\s+(?:\w+\s+)?$", head, re.IGNORECASE
    )
    # "Moscow and Beijing rejected": an actor after the conjunction is a subject of its own
    if joined and not actor_mentions(state, sentence.start + joined.start(), trigger.start):
        return "main"
    return None


def _main_subject(
    state: State,
    sentence: Sentence,
    trigger: Match,
    cuts: list[Match],
    verbs: list[Match],
    *,
    nearest: bool = False,
) -> Mention | None:
    """The subject of the sentence's main clause: its first actor that no preposition
    governs (not an adjective of nationality inside a title), before any complementizer or
    reporting verb opens a clause of its own and, where subjects come first, before the
    first verb we know ("The minister met Lavrov and urged": not Lavrov)."""
    order = state.language.reporting_verbs.speaker_search if state.language else ("before",)
    start = sentence.start
    if nearest:
        # the clause the trigger stands in: after the last complementizer or reporting verb
        start = max(
            [c.end for c in cuts if sentence.start <= c.start and c.end <= trigger.start],
            default=sentence.start,
        )
    bounds = [*cuts, *verbs] if order[0] != "after" else cuts
    end = min(
        [c.start for c in bounds if start <= c.start < trigger.start],
        default=trigger.start,
    )
    subjects = [
        m
        for m in actor_mentions(state, start, end)
        if m.via != "adjective"
        and not governed(state, m, locatives(state), grammar_of(state))
        and not obliquely_governed(state, m)
    ]
    # "After Russia invaded Ukraine, Poland closed its border and urged": a leading clause set
    # off by a comma is not the main one; its subject is the first actor after the last comma
    commas = [m.end() for m in re.finditer(r"[,،]", state.text[start : trigger.start])]
    if commas:
        last = start + commas[-1]
        tail = [m for m in subjects if m.span.start >= last]
        if tail:
            return tail[0]
    return subjects[0] if subjects else None


def _passive_agent(
    state: State, trigger: Match, sentence: Sentence, grammar: Grammar
) -> Mention | None:
    """ "the plan was rejected by Russia", "rechazado por Rusia": the agent after the verb."""
    if state.language is None or not state.language.stance_triggers.agent_markers:
        return None
    words = either(state.language.stance_triggers.agent_markers)
    articles = rf"(?:(?:{either(grammar.articles)})\s*)?" if grammar.articles else ""
    after = actor_mentions(state, trigger.end, min(sentence.end, trigger.end + 40))
    if not after or after[0].via == "adjective":
        return None
    gap = state.text[trigger.end : after[0].span.start]
    if re.fullmatch(rf"\s+(?:{words})\s*{articles}", gap, re.IGNORECASE):
        return after[0]
    return None


def find_holders(
    state: State,
    trigger: Match,
    sentence: Sentence,
    breaks: list[Match],
    cuts: list[Match],
    grammar: Grammar,
    opening: int,
    earlier: list[tuple[Match, list[Mention]]] | None = None,
    verbs: list[Match] | None = None,
) -> tuple[list[Mention], float]:
    """Who holds the stance of a verb ``trigger``; ``verbs`` are the sentence's known verbs
    (stance, speech, meeting), which bound where a main clause's subject may stand."""
    if earlier:
        previous, holders = earlier[-1]
        if shares_subject(state, trigger, previous, grammar):
            # the main clause's subject, or none if that one is unknown (not its object)
            return holders, 0.6
    if continued := _continues_clause(state, trigger, sentence, grammar):
        # "Moscow published drafts with NATO, demanding ...", "X rief Y auf und warnte": the
        # second verb has the first one's subject, not the nearest actor (its object); when
        # that subject is no actor we know ("The minister met X and urged"), nobody
        subject = _main_subject(
            state, sentence, trigger, cuts, verbs or [], nearest=continued == "nearest"
        )
        if subject is None:
            return [], 0.0
        return _coordinated(state, subject, sentence, grammar), 0.55
    if (agent := _passive_agent(state, trigger, sentence, grammar)) is not None:
        return _coordinated(state, agent, sentence, grammar), 0.6
    kind = nominal(state, trigger, sentence, grammar)
    if kind == "article":
        owner = possessor(state, trigger, sentence, grammar)
        return ([owner], 0.6) if owner else ([], 0.0)
    order = state.language.reporting_verbs.speaker_search if state.language else ("before",)
    relative = _relative_antecedent(state, trigger, sentence, grammar)
    if relative is not None:
        if relative or order[0] != "after":
            return relative, 0.6
        # "الضمانات التي تطالب بها موسكو": a relative clause keeps its own subject after the verb
        holder, confidence = find_agent(state, trigger, sentence, breaks, near=25)
        after = holder is not None and holder.span.start >= trigger.end
        return ([holder], confidence) if after else ([], 0.0)
    pronoun = pronoun_subject(state, sentence, trigger, cuts, grammar)
    if pronoun is not None:
        kind, at = pronoun
        if kind == "other" and (group := _group_before(state, sentence, grammar)):
            # "Both sides expressed concern... They agreed to": the group's sides again
            return meeting_sides(state, sentence, pair=is_pair(state, group)), 0.5
        referent = antecedent(state, kind, at)
        if referent is None:
            return [], 0.0
        if kind == "other":
            # "Hamas and Islamic Jihad ... They rejected": a plural pronoun takes the whole list
            return _coordinated(
                state, referent, state.sentence_at(referent.span.start), grammar
            ), 0.6
        return [referent], 0.6
    persons = state.language.stance_triggers.person_groups if state.language else ()
    people = group_subject(state, trigger, opening, persons)
    sides = group_subject(state, trigger, opening, grammar.groups)
    if people and len(people) > len(sides or ""):
        # the longer group wins: "the two ministers" are persons, "the two sides" sides
        return meeting_sides(state, sentence, persons=True, pair=is_pair(state, people)), 0.5
    if sides:
        return meeting_sides(state, sentence, pair=is_pair(state, sides)), 0.5
    if order[0] == "after" and (subject := _adjacent_subject(state, trigger, sentence)):
        return _coordinated(state, subject, sentence, grammar), 0.7
    verb = _finite_auxiliary(state, trigger, opening, grammar) or trigger
    holder, confidence = find_agent(state, verb, sentence, breaks, near=25)
    if holder is None:
        return [], 0.0
    holder = _outside_relative_aside(state, holder, verb, sentence, grammar)
    return _coordinated(state, holder, sentence, grammar), confidence


def _group_before(state: State, sentence: Sentence, grammar: Grammar) -> str | None:
    """The group word ("both sides") that opens the sentence before ``sentence``, if any:
    the subject a plural pronoun then takes up."""
    index = state.sentence_index(sentence.start)
    if index == 0 or not grammar.groups:
        return None
    previous = state.sentences[index - 1]
    head = state.text[previous.start : min(previous.end, previous.start + 60)]
    found = _opening_group(grammar.groups).match(head)
    return found.group(1) if found else None


@functools.lru_cache(maxsize=16)
def _opening_group(groups: tuple[str, ...]) -> re.Pattern:
    """A group word among the first words of a text ("Both sides", "On Monday, both sides")."""
    return re.compile(rf"\W*(?:[\w-]+\W+){{0,4}}?({either(groups)})(?!\w)", re.IGNORECASE)


@functools.lru_cache(maxsize=16)
def _auxiliary_pattern(words: tuple[str, ...]) -> re.Pattern:
    return re.compile(rf"(?<!\w)(?:{either(words)})(?!\w)", re.IGNORECASE)


def _finite_auxiliary(state: State, trigger: Match, opening: int, grammar: Grammar) -> Match | None:
    """ "Russland und Nordkorea haben am Mittwoch ... ein Abkommen unterzeichnet": the
    auxiliary before a clause-final verb, where its subject stands before it (not the actor
    nearest the verb, inside the clause's middle field)."""
    if not grammar.auxiliaries:
        return None
    found = None
    for found in _auxiliary_pattern(grammar.auxiliaries).finditer(  # noqa: B007 (the last)
        state.text, opening, trigger.start
    ):
        pass
    if found is None or len(re.findall(r"\w+", state.text[found.end() : trigger.start])) < 2:
        return None
    return Match(found.start(), found.end(), found.group().lower(), "", trigger.payloads)


def _outside_relative_aside(
    state: State, holder: Mention, trigger: Match, sentence: Sentence, grammar: Grammar
) -> Mention:
    """ "Sherman, who met Ryabkov on Sunday, reaffirmed ...": an actor inside a relative
    clause set off by commas is not the subject of the verb after it; the noun before the
    relative pronoun is."""
    if not grammar.relatives or holder.span.end > trigger.start:
        return holder
    head = state.text[sentence.start : holder.span.start]
    opened = list(re.finditer(rf"[,،]\s*(?:{either(grammar.relatives)})\b", head, re.IGNORECASE))
    if not opened:
        return holder
    at = sentence.start + opened[-1].start()
    closing = state.text[holder.span.end : trigger.start]
    if not re.search(r"[,،]", closing) or re.search(r"[;:؛.!?؟()]", closing):
        return holder  # the aside must close with a comma (and nothing stronger) before the verb
    before = [m for m in actor_mentions(state, sentence.start, at) if m.via != "adjective"]
    if before and not state.text[before[-1].span.end : at].strip():
        return before[-1]
    return holder


def noun_holders(
    state: State,
    trigger: Match,
    sentence: Sentence,
    breaks: list[Match],
    cuts: list[Match],
    grammar: Grammar,
    opening: int,
    supports: list[Match],
    stances: list[Match],
    earlier: list[tuple[Match, list[Mention]]] | None = None,
    verbs: list[Match] | None = None,
) -> tuple[list[Mention], float]:
    """Who holds a stance noun: after a possessive ("its demands") the clause's subject; else
    its possessor ("Russian demands", "the demands of Moscow"); else the subject of a support
    verb that takes it ("voiced support", "أبدى استعداده"); else nobody."""
    if nominal(state, trigger, sentence, grammar) == "possessive":
        return find_holders(
            state, trigger, sentence, breaks, cuts, grammar, opening, earlier, verbs
        )
    owner = possessor(state, trigger, sentence, grammar)
    if owner is not None and owner.via == "adjective":
        return [owner], 0.6
    if owner is not None:
        # "the proposal of Canada, Mexico and Peru", "propuesta por Canadá, México y Perú"
        return _coordinated(state, owner, sentence, grammar), 0.6
    verb = support_verb(state, trigger, sentence, breaks, supports, stances)
    if verb is not None:
        start = clause_start(state, sentence, verb, cuts)
        return find_holders(state, verb, sentence, breaks, cuts, grammar, start, earlier, verbs)
    return [], 0.0
