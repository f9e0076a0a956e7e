"""A very long text is read in parts: the same facts, at the whole text's offsets (our own
sentences)."""

from __future__ import annotations

import datetime as dt
import itertools

from diplograph.extract.chunks import CHUNK, chunks, shifted
from diplograph.extract.pipeline import extract
from diplograph.model import Document, Meeting, Span, Statement

PARAGRAPH = (
    "Foreign Minister Sergey Lavrov met Chinese Foreign Minister Wang Yi in Beijing on "
    "Tuesday. Lavrov said the talks were useful.\n\n"
)


def test_chunks_cover_the_text_in_order_within_the_size():
    text = "word " * 30_000
    parts = chunks(text, size=10_000)
    assert parts[0][0] == 0 and parts[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(parts))
    assert all(0 < end - start <= 10_000 for start, end in parts)


def test_shifted_moves_every_span():
    text = "xxNATO met"
    span = Span.of("NATO met", 0, 4)
    assert shifted(span, 2) == Span.of(text, 2, 6)


def test_a_long_text_gives_each_paragraphs_facts_at_its_offsets():
    last = "Secretary of State Antony Blinken said on Friday that the sanctions would stay.\n"
    text = PARAGRAPH * (CHUNK // len(PARAGRAPH) * 3) + last
    assert len(chunks(text)) == 3
    found = extract(Document(text=text, lang="en", published=dt.date(2024, 3, 5)))
    speakers = {e.speaker: e for e in found.events if isinstance(e, Statement)}
    # the last paragraph's statement is found where it stands in the whole text (every
    # span quotes the whole text: the Extraction checks it on construction)
    blinken = speakers["person/antony-blinken"]
    assert blinken.evidence.start == len(text) - len(last)
    assert "person/sergey-lavrov" in speakers
    meetings = [e for e in found.events if isinstance(e, Meeting)]
    assert meetings and meetings[0].evidence.start == 0
