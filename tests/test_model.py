"""Records refuse what cannot be true."""

import datetime as dt

import pytest
from pydantic import ValidationError

from diplograph.model import (
    EVENTS,
    DateRange,
    Document,
    Entity,
    Extraction,
    Label,
    Meeting,
    Mention,
    Position,
    Span,
    Statement,
)

TEXT = "NATO met Russia in Brussels."


def span(start, end):
    return Span.of(TEXT, start, end)


def test_model_document_id_derives_from_text():
    a = Document(text=TEXT, lang="en")
    b = Document(text=TEXT, title="other metadata")
    assert a.id == b.id
    assert a.id != Document(text=TEXT + " More.").id


@pytest.mark.parametrize(
    "kwargs",
    [
        {"start": 5, "end": 5, "quote": "x"},
        {"start": -1, "end": 2, "quote": "abc"},
        {"start": 0, "end": 4, "quote": "NAT"},
    ],
)
def test_model_span_refuses_inconsistent_offsets(kwargs):
    with pytest.raises(ValidationError):
        Span(**kwargs)


def test_model_date_range_refuses_end_before_start():
    with pytest.raises(ValidationError):
        DateRange(start=dt.date(2022, 1, 10), end=dt.date(2022, 1, 9))


def test_model_impossible_date_is_refused():
    with pytest.raises(ValidationError):
        DateRange.model_validate({"start": "2022-02-30", "end": "2022-02-30"})


def test_model_position_refuses_unknown_stance():
    with pytest.raises(ValidationError):
        Position(holder="country/RU", stance="DEMAND", trigger=span(0, 4), evidence=span(0, 4))


def test_model_confidence_is_bounded():
    with pytest.raises(ValidationError):
        Statement(speaker="country/RU", trigger=span(0, 4), evidence=span(0, 4), confidence=1.5)


def test_model_records_are_frozen_and_hashable():
    s = span(0, 4)
    with pytest.raises(ValidationError):
        s.start = 3
    assert len({s, span(0, 4)}) == 1


def entities():
    return (
        Entity(
            id="organization/nato", type="Organization", labels=(Label(lang="en", text="NATO"),)
        ),
        Entity(id="country/RU", type="Country", labels=(Label(lang="en", text="Russia"),)),
    )


def test_model_extraction_refuses_span_outside_text():
    doc = Document(text=TEXT)
    bad = Mention(span=Span(start=100, end=104, quote="NATO"), entity="organization/nato")
    with pytest.raises(ValidationError, match="does not quote"):
        Extraction(document=doc, entities=entities(), mentions=(bad,))


def test_model_extraction_refuses_span_that_quotes_other_text():
    doc = Document(text=TEXT)
    bad = Mention(span=Span(start=0, end=4, quote="OTAN"), entity="organization/nato")
    with pytest.raises(ValidationError, match="does not quote"):
        Extraction(document=doc, entities=entities(), mentions=(bad,))


def test_model_extraction_refuses_unknown_entity():
    doc = Document(text=TEXT)
    meeting = Meeting(participants=("country/FR",), trigger=span(5, 8), evidence=span(0, 28))
    with pytest.raises(ValidationError, match="unknown entity"):
        Extraction(document=doc, entities=entities(), events=(meeting,))


def test_model_events_round_trip_through_json():
    events = [
        Meeting(
            participants=("country/RU",),
            trigger=span(5, 8),
            evidence=span(0, 28),
            date=DateRange.day(dt.date(2022, 1, 12)),
        ),
        Position(holder="country/RU", stance="REJECT", trigger=span(5, 8), evidence=span(0, 28)),
    ]
    data = EVENTS.dump_json(events)
    assert EVENTS.validate_json(data) == events
