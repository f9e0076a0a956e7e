"""Words passed on from a cited source: "Sputnik reported, citing the Foreign Ministry, that
...", "Как сообщает ТАСС со ссылкой на МИД России", "نقلت وكالة سبوتنيك عن وزارة الخارجية".

The source after the citation word is the speaker; whoever reports (an agency, an outlet,
an official) is the relay, the next link of the chain that ends at the article's outlet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from diplograph.extract.agents import matches
from diplograph.extract.state import State
from diplograph.model import Mention
from diplograph.text.folding import Sentence
from diplograph.text.matcher import Match

__all__ = ["Citation", "citations"]

SOURCE_REACH = 40
"""How far after the citation word its source may start ("citing the Russian Foreign
Ministry": the article and the adjective before the name)."""
CLAUSE_END = re.compile(r"[,،;:]")
VERB_REACH = 60
"""How far a "verb … word" citation's word may follow its verb (the relay stands between)."""


@dataclass(frozen=True)
class Citation:
    sentence: Sentence
    word: Match
    """The citation word: the statement's trigger."""
    source: Mention
    relay: Mention | None


def citations(state: State) -> list[Citation]:
    """Each sentence's first cited source that the text names, with its relay."""
    found = matches(state, "citations")
    out: list[Citation] = []
    for sentence, words in zip(state.sentences, state.by_sentence(found), strict=True):
        for word in words:
            relay_zone = _relay_zone(sentence, word, words)
            if relay_zone is None:
                continue
            source = _source(state, sentence, word)
            if source is None:
                continue
            relay = _relay(state, relay_zone, source)
            out.append(Citation(sentence, word, source, relay))
            break
    return out


def _relay_zone(sentence: Sentence, word: Match, words: list[Match]) -> tuple[int, int] | None:
    """Where the relay is named: between a "verb … word" citation's verb and word, else in
    the sentence before the citation word; ``None`` if the word is a split citation's
    second half with no verb before it (Arabic "عن" alone is "about")."""
    if "cite" in word.payloads:
        return sentence.start, word.start
    if "after-verb" not in word.payloads:
        return None
    for verb in reversed(words):
        near = verb.end <= word.start and word.start - verb.end <= VERB_REACH
        if near and f"verb:{word.key}" in verb.payloads:
            return verb.end, word.start
    return None


def _source(state: State, sentence: Sentence, word: Match) -> Mention | None:
    """The actor or outlet named right after the citation word, before the clause ends
    ("citing a source in the ministry, said Lavrov ...": not Lavrov)."""
    stop = CLAUSE_END.search(state.text, word.end, sentence.end)
    for mention in state.mentions_in(word.end, stop.start() if stop else sentence.end):
        if mention.span.start - word.end > SOURCE_REACH:
            break
        if state.entity(mention).type != "Place" and mention.via != "adjective":
            return mention
    return None


def _relay(state: State, zone: tuple[int, int], source: Mention) -> Mention | None:
    """The nearest actor or outlet named in ``zone`` (the verb's subject, or the agency
    between a verb and its citation word)."""
    named = [
        m
        for m in state.mentions_in(*zone)
        if state.entity(m).type != "Place" and m.entity != source.entity
    ]
    return named[-1] if named else None
