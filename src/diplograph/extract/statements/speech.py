"""Who speaks, where the shared agent search (``agents.find_agent``) cannot tell.

News writing names a speaker in ways a verb and its nearest actor miss: a verb whose
particle stands at the end of the clause ("wies … hin"), a bare title ("the chancellor
said") standing for the person the article gave that title, an outlet in the speaker's
place ("the newspaper reported"), a passive ("was announced by"), a subject written
before the verb in a verb-first language, an unnamed subject ("the official said").
The word lists are ``reporting_verbs.yaml`` data; this module only reads them.
"""

from __future__ import annotations

import functools
import re

from diplograph.extract.entities.find import affixes
from diplograph.extract.lexicon import alternation, lexicon
from diplograph.extract.state import State
from diplograph.lang import load
from diplograph.model import Mention, Role, Span
from diplograph.text.folding import Sentence, fold_key, tokens, words
from diplograph.text.matcher import Match

__all__ = [
    "attributive",
    "fronted_subject",
    "generic_subject",
    "outlet_speaks",
    "outlets",
    "passive",
    "split_verbs",
    "title_subject",
]

PARTICLE_REACH = 120
"""How far the particle of a split verb may stand from the verb (one clause)."""


@functools.cache
def _split_patterns(code: str) -> tuple[tuple[re.Pattern, re.Pattern], ...]:
    out = []
    for form in load(code).reporting_verbs.split_verbs:
        head, _, particle = (part.strip() for part in form.partition("…"))
        if head and particle:
            out.append(
                (
                    re.compile(rf"(?<!\w){re.escape(head)}(?!\w)", re.IGNORECASE),
                    # The particle closes the clause: punctuation or the end follows it.
                    re.compile(rf"(?<!\w){re.escape(particle)}(?=\s*(?:[,.;:!?]|$))"),
                )
            )
    return tuple(out)


def split_verbs(state: State) -> list[Match]:
    """Verbs whose particle closes the clause ("Scholz wies … auf die Bedeutung … hin"):
    the verb itself is the trigger, when its particle ends the same clause."""
    if state.language is None:
        return []
    text = state.text
    patterns = _split_patterns(state.language.code)
    found: list[tuple[int, Match]] = []
    for i, verb in _split_heads(text, patterns, _any_head(state.language.code)):
        particle = patterns[i][1]
        clause_end = re.search(r"[,.;:!?]", text[verb.end() : verb.end() + PARTICLE_REACH])
        stop = verb.end() + (clause_end.end() if clause_end else PARTICLE_REACH)
        if particle.search(text, verb.end(), stop):
            found.append((i, Match(verb.start(), verb.end(), fold_key(verb.group()), "", ("x",))))
    # In the order of the word list, then of the text.
    return [match for _, match in sorted(found, key=lambda f: (f[0], f[1].start))]


@functools.cache
def _any_head(code: str) -> re.Pattern | None:
    """Any head of a split verb, when every head is one word: a text is then scanned once
    for all of them, not once per verb.  ``None`` otherwise."""
    heads = [head.pattern for head, _ in _split_patterns(code)]
    words = [p.removeprefix(r"(?<!\w)").removesuffix(r"(?!\w)") for p in heads]
    if not words or not all(re.fullmatch(r"\w+", re.sub(r"\\(.)", r"\1", w)) for w in words):
        return None
    return re.compile(rf"(?<!\w)(?:{'|'.join(words)})(?!\w)", re.IGNORECASE)


def _split_heads(
    text: str, patterns: tuple[tuple[re.Pattern, re.Pattern], ...], any_head: re.Pattern | None
):
    """(index of the pattern, match) of every head in ``text``.  A one-word head matches
    whole words only, so two heads never overlap unless they match the same word: each word
    any head matches is tried against every head."""
    if any_head is None:
        for i, (head, _) in enumerate(patterns):
            for verb in head.finditer(text):
                yield i, verb
        return
    for word in any_head.finditer(text):
        for i, (head, _) in enumerate(patterns):
            if verb := head.match(text, word.start()):
                yield i, verb


@functools.cache
def _articles(code: str) -> re.Pattern:
    words = load(code).grammar.articles
    pattern = rf"(?:{alternation(tuple(words))})\s+" if words else "(?!)"
    return re.compile(rf"\s*(?:{pattern})?", re.IGNORECASE)


def outlets(state: State) -> list[Match]:
    """The outlet nouns of the text, except inside names ("Agency" in "the International
    Atomic Energy Agency")."""
    if state.language is None:
        return []
    inside = state.inside_names()
    found = lexicon(state.language.code).outlets.find(
        state.folded, state.text, affixes(state.language)
    )
    return [m for m in found if m.start not in inside]


def outlet_speaks(
    state: State, sentence: Sentence, trigger: Match, found: list[Match], *, after: bool
) -> bool:
    """Whether a news outlet (of ``found``) stands in the speaker's place: right before the
    verb ("Dawn newspaper reported"), or, where the speaker follows the verb, right after
    it with at most an article between ("ذكرت صحيفة", "a rapporté le quotidien").  An
    outlet only relays, so the verb has no speaker of its own."""
    if state.language is None:
        return False
    for outlet in found:
        if not sentence.start <= outlet.start < sentence.end:
            continue
        if (
            0 <= trigger.start - outlet.end <= 2
            and not state.text[outlet.end : trigger.start].strip()
        ):
            return True
        if (
            after
            and outlet.start >= trigger.end
            and _articles(state.language.code).fullmatch(state.text[trigger.end : outlet.start])
        ):
            return True
    return False


def _holder(state: State, title: Match, before: int, of: str | None = None) -> Mention | None:
    """The one person this document gives the office of ``title`` (of the state or body
    ``of``, when given) before ``before``."""
    generic = title.payloads[0]
    holders = {
        event.person
        for event in state.events
        if isinstance(event, Role)
        and event.trigger.start != title.start
        and state.title_at(event.trigger.start) == generic
        and (of is None or event.organization == of)
        and any(m.entity == event.person and m.span.end <= before for m in state.mentions)
    }
    if len(holders) != 1:
        return None
    span = Span.of(state.text, title.start, title.end)
    return Mention(span=span, entity=holders.pop(), via="title")


TITLE_GAP = 20
"""Words that may stand between a bare title and its verb ("der Kanzler hatte zudem")."""


def title_subject(
    state: State, sentence: Sentence, trigger: Match, *, after: bool
) -> Mention | None:
    """A bare title as the subject ("Der Kanzler sprach", "said the chancellor"): the person
    who holds that title earlier in the article, when exactly one does.  A title with a
    name or a state beside it is left to the agent search (it knows "the NATO Secretary
    General")."""
    code = state.language.code if state.language else None
    if code is None:
        return None
    for title in reversed(state.titles):
        if not sentence.start <= title.start < sentence.end:
            continue
        if title.end <= trigger.start:
            gap = state.text[title.end : trigger.start]
            near = (
                len(gap) <= TITLE_GAP
                and not re.search(r"[^\w\s]", gap)
                and not _after_conjunction_or_object(state, sentence, title, gap)
            )
        elif after and title.start >= trigger.end:
            near = bool(_articles(code).fullmatch(state.text[trigger.end : title.start]))
        else:
            continue
        if not near:
            continue
        beside = state.mentions_in(max(sentence.start, title.start - 3), title.end + 40)
        if any(state.entity(m).type == "Person" and m.span.start - title.end <= 40 for m in beside):
            return None
        qualifiers = [
            m for m in beside if m.span.end >= title.start - 3 and m.span.start <= title.end + 3
        ]
        if not qualifiers:
            return _holder(state, title, trigger.start)
        if len(qualifiers) == 1 and state.entity(qualifiers[0]).type == "Country":
            # "the Russian leader said", "по словам главы российского МИД": the one person
            # the article gave that office of that state
            return _holder(state, title, trigger.start, of=qualifiers[0].entity)
        return None
    return None


def _after_conjunction_or_object(state: State, sentence: Sentence, title: Match, gap: str) -> bool:
    """ "Lavrov met the minister and said", "talks with the minister": the title before the
    verb is an object, or the verb has an earlier subject."""
    grammar = state.language.grammar if state.language else None
    if grammar is None:
        return False
    conjunctions = {fold_key(c) for c in grammar.conjunctions}
    if any(fold_key(w) in conjunctions for w in gap.split()):
        return True
    articles = {a.lower() for a in grammar.articles}
    head = [
        w.lower()
        for w in words(state.text, max(sentence.start, title.start - 30), title.start)
        if w[0].isalnum()
    ]
    while head and head[-1] in articles:
        head.pop()
    obliques = {fold_key(o) for o in state.language.reporting_verbs.oblique_markers}
    return bool(head) and fold_key(head[-1]) in obliques


def generic_subject(state: State, sentence: Sentence, trigger: Match) -> bool:
    """An article and a noun the text does not name right before the verb ("the official
    said", "der Sprecher sagte"): the subject is that unnamed someone, so an actor named
    further back in the sentence is not the speaker."""
    if state.language is None or not state.language.grammar.articles:
        return False
    articles = {a.lower() for a in state.language.grammar.articles}
    head = tokens(state.text, max(sentence.start, trigger.start - 40), trigger.start)
    if len(head) < 2:
        return False
    article, noun = head[-2], head[-1]
    if article.text.lower() not in articles or not noun.text.isalpha():
        return False
    if any(t.start < noun.end and noun.start < t.end for t in state.titles):
        return False  # "the American head of the delegation": an office, found by its holder
    return not any(
        m.span.start < noun.end and noun.start < m.span.end
        for m in state.mentions_in(article.start, trigger.start)
    )


def fronted_subject(state: State, sentence: Sentence, trigger: Match) -> Mention | None:
    """In a verb-first language, an actor written right before the verb at the head of a
    clause is its subject ("روسيا تتهم الولايات المتحدة", as headlines and nominal
    sentences put it); the actor after the verb is then its object."""
    for mention in reversed(state.mentions_in(sentence.start, trigger.start)):
        if state.text[mention.span.end : trigger.start].strip():
            return None
        head = state.text[sentence.start : mention.span.start].rstrip()
        if state.is_actor(mention) and (not head or head[-1] in ':,،;؛"«“'):
            return mention
        return None
    return None


AGENT_NEAR = 30
"""How far after a passive verb its agent marker may stand ("announced on Monday by")."""


def passive(state: State, sentence: Sentence, trigger: Match) -> tuple[bool, Mention | None]:
    """Whether the verb is passive ("Russia was accused", "fue anunciado"), and its agent
    ("announced by the ministry"): the subject of a passive is not its speaker."""
    if state.language is None:
        return False, None
    verbs = state.language.reporting_verbs
    auxiliaries = {a.lower() for a in verbs.passive_auxiliaries}
    head = words(state.text, max(sentence.start, trigger.start - 20), trigger.start)
    if not head or head[-1].lower() not in auxiliaries:
        return False, None
    if any(
        state.text[trigger.start : trigger.end].endswith(p)
        for p in state.language.grammar.participles
    ):
        return False, None  # "was saying": an active participle after "was" is progressive
    if verbs.agent_markers:
        pattern = rf"(?<!\w)(?:{alternation(tuple(verbs.agent_markers))})\s+"
        window = state.text[trigger.end : min(sentence.end, trigger.end + AGENT_NEAR)]
        marker = re.search(pattern, window, re.IGNORECASE)
        if marker:
            start = trigger.end + marker.end()
            after = [m for m in state.mentions_in(start, sentence.end) if state.is_actor(m)]
            if after and _lead_in(state, start, after[0].span.start):
                agent = after[0]
                nxt = after[1] if len(after) > 1 else None
                if (
                    agent.via == "adjective"
                    and nxt is not None
                    and state.entity(nxt).type == "Person"
                    and _lead_in(state, agent.span.end, nxt.span.start)
                ):
                    agent = nxt  # "por el canciller ruso Serguéi Lavrov": the person
                return True, agent
    return True, None


def _lead_in(state: State, start: int, end: int) -> bool:
    """Whether only articles and an office stand between ``start`` and ``end`` ("by the
    Foreign Minister", "por el canciller")."""
    gap = list(state.text[start:end])
    for title in state.titles:
        if start <= title.start and title.end <= end:
            gap[title.start - start : title.end - start] = " " * (title.end - title.start)
    words = "".join(gap).split()
    articles = {a.lower() for a in state.language.grammar.articles} if state.language else set()
    return all(w.lower() in articles for w in words)


def attributive(state: State, sentence: Sentence, trigger: Match) -> bool:
    """A verb form right after an article is a participle or a noun ("the proposed deal",
    "the announced withdrawal", "el anuncio"): it reports nobody's words."""
    if state.language is None or not state.language.grammar.articles:
        return False
    head = words(state.text, max(sentence.start, trigger.start - 12), trigger.start)
    articles = {a.lower() for a in state.language.grammar.articles}
    return bool(head) and head[-1].lower() in articles
