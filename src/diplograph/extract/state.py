"""What the extractors of one document share while they run."""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

from diplograph.extract.dates import DateMention
from diplograph.lang import Language
from diplograph.model import Document, Entity, Event, Mention
from diplograph.text.folding import Folded, Sentence, fold, sentences
from diplograph.text.matcher import Match

if TYPE_CHECKING:  # handed in by the caller: extraction never loads the knowledge base
    from diplograph.resolve.gazetteer import Gazetteer

__all__ = ["State"]

M = TypeVar("M", bound=Match)


@dataclass
class State:
    """A document under extraction: its text, what is found so far, and look-ups over both."""

    doc: Document
    language: Language | None
    gazetteer: Gazetteer
    """The knowledge base the document's names are looked up in."""
    folded: Folded
    sentences: list[Sentence]
    published: dt.date | None = None
    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    titles: list[Match] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    lexicon_matches: dict[tuple[str, int], list[Match]] = field(default_factory=dict, repr=False)
    """Words of a language's lexicons found in the text, by lexicon (and mentions known)."""
    _starts: list[int] = field(default_factory=list, repr=False)
    _sentence_starts: list[int] = field(default_factory=list, repr=False)
    _names_mask: tuple[int, frozenset[int]] | None = field(default=None, repr=False)

    @classmethod
    def start(cls, doc: Document, language: Language | None, gazetteer: Gazetteer) -> State:
        end = language.orthography.sentence_end if language else r"[.!?؟]"
        return cls(
            doc=doc,
            language=language,
            gazetteer=gazetteer,
            folded=fold(doc.text),
            sentences=list(sentences(doc.text, end)),
            published=doc.published,
        )

    @property
    def text(self) -> str:
        return self.doc.text

    def title_at(self, start: int) -> str | None:
        """The English (generic) title of the title match that starts at ``start``."""
        return next((t.payloads[0] for t in self.titles if t.start == start), None)

    def sentence_index(self, offset: int) -> int:
        """The index in :attr:`sentences` of the sentence ``offset`` falls in."""
        if len(self._sentence_starts) != len(self.sentences):
            self._sentence_starts = [s.start for s in self.sentences]
        return max(0, bisect.bisect_right(self._sentence_starts, offset) - 1)

    def sentence_at(self, offset: int) -> Sentence:
        i = self.sentence_index(offset)
        return self.sentences[i] if self.sentences else Sentence(0, len(self.text))

    def by_sentence(self, found: Iterable[M]) -> list[list[M]]:
        """``found`` (words with a ``start``) dealt out to the sentences they start in, in
        their order, one list per sentence of :attr:`sentences`: what ``in_sentence`` tells
        of each word and each sentence, in one pass instead of one per sentence."""
        if len(self._sentence_starts) != len(self.sentences):
            self._sentence_starts = [s.start for s in self.sentences]
        starts, sentences = self._sentence_starts, self.sentences
        buckets: list[list[M]] = [[] for _ in sentences]
        for item in found:
            i = bisect.bisect_right(starts, item.start) - 1
            if i >= 0 and item.start < sentences[i].end:
                buckets[i].append(item)
        return buckets

    def add_mentions(self, mentions: list[Mention]) -> None:
        self.mentions = sorted([*self.mentions, *mentions], key=lambda m: m.span.start)
        self._starts = [m.span.start for m in self.mentions]

    def inside_names(self) -> frozenset[int]:
        """Offsets covered by names (not adjectives): lexicon words there do not count."""
        if self._names_mask is None or self._names_mask[0] != len(self.mentions):
            covered = frozenset(
                i for m in self.mentions if m.via == "name" for i in range(m.span.start, m.span.end)
            )
            self._names_mask = (len(self.mentions), covered)
        return self._names_mask[1]

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Mentions wholly inside ``start:end`` (mentions are kept sorted by start)."""
        starts = self._starts
        first = bisect.bisect_left(starts, start)
        last = bisect.bisect_left(starts, end)
        return [m for m in self.mentions[first:last] if m.span.end <= end]

    def mentions_starting(self, start: int, stop: int) -> list[Mention]:
        """Mentions that start at ``start`` up to ``stop`` (both included)."""
        starts = self._starts
        return self.mentions[bisect.bisect_left(starts, start) : bisect.bisect_right(starts, stop)]

    def mentions_from(self, offset: int) -> Iterator[Mention]:
        """Mentions that start at or after ``offset``, in text order."""
        return itertools.islice(self.mentions, bisect.bisect_left(self._starts, offset), None)

    def mentions_before(self, offset: int, count: int) -> list[Mention]:
        """The last ``count`` mentions that end at or before ``offset``, in text order."""
        found: list[Mention] = []
        i = bisect.bisect_left(self._starts, offset) - 1
        while i >= 0 and len(found) < count:
            if self.mentions[i].span.end <= offset:
                found.append(self.mentions[i])
            i -= 1
        return found[::-1]

    def entity(self, mention: Mention) -> Entity:
        return self.entities[mention.entity]

    def is_actor(self, mention: Mention) -> bool:
        return self.entities[mention.entity].is_actor

    def is_place(self, mention: Mention) -> bool:
        return self.entities[mention.entity].type == "Place"

    def dates_in(self, start: int, end: int) -> list[DateMention]:
        return [d for d in self.dates if d.start >= start and d.end <= end]

    def nearest_date(self, start: int, end: int, offset: int) -> DateMention | None:
        options = self.dates_in(start, end)
        return min(options, key=lambda d: abs(d.start - offset), default=None)
