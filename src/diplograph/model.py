"""The records every stage speaks: documents in, extractions out.

All models are frozen (hashable, safe to share between stages) and use tuples
for their sequences, because ``frozen`` does not freeze a list.  Invalid
records are refused at construction: a span that does not quote the document
text, an end date before its start, a stance outside the scheme.

Spans are character offsets into ``Document.text``, end exclusive, so that
``text[span.start:span.end] == span.quote`` always holds.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, model_validator

__all__ = [
    "STANCES",
    "DateRange",
    "Document",
    "Entity",
    "EntityType",
    "Event",
    "Extraction",
    "Label",
    "Meeting",
    "Mention",
    "Position",
    "Role",
    "Span",
    "Stance",
    "Statement",
    "document_id",
    "entity_refs",
]

Stance = Literal[
    "REQUEST", "PROPOSE", "AGREE", "REJECT", "ACCUSE", "THREATEN", "SUPPORT", "CONCEDE"
]
STANCES: tuple[str, ...] = Stance.__args__  # type: ignore[attr-defined]
EntityType = Literal["Person", "Organization", "Country", "Place"]
ACTOR_TYPES: frozenset[str] = frozenset({"Person", "Organization", "Country"})

Confidence = Annotated[float, Field(ge=0.0, le=1.0)]
LangCode = Annotated[str, Field(pattern=r"^[a-z]{2,3}$")]


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def document_id(text: str) -> str:
    """The id of a document: a hash of its NFC-normalized text.

    The same article read twice, from any format, is one document.

    >>> document_id("Hello") == document_id("Hello")
    True
    >>> len(document_id("Hello"))
    16
    """
    normalized = unicodedata.normalize("NFC", text).strip()
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()[:16]


def digest(*parts: object) -> str:
    """A stable 16-hex-digit id made of ``parts`` (meeting keys, node ids of facts).

    >>> digest("a", 1) == digest("a", 1) != digest("a", 2)
    True
    """
    return hashlib.sha256("\x1f".join(str(p) for p in parts).encode()).hexdigest()[:16]


class Document(Record):
    """One article: its text and what is known about it."""

    id: str = ""
    text: str = Field(min_length=1)
    lang: LangCode | None = None
    title: str | None = None
    url: str | None = None
    published: dt.date | None = None
    source: str | None = None
    path: str | None = None

    @model_validator(mode="after")
    def _derive_id(self) -> Document:
        if not self.id:
            object.__setattr__(self, "id", document_id(self.text))
        return self


class Span(Record):
    """Characters ``start:end`` of a document's text, with the text they quote."""

    start: int = Field(ge=0)
    end: int = Field(gt=0)
    quote: str = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> Span:
        if self.end <= self.start:
            raise ValueError(f"span end {self.end} is not after its start {self.start}")
        if len(self.quote) != self.end - self.start:
            raise ValueError(
                f"span {self.start}:{self.end} is {self.end - self.start} characters long "
                f"but its quote has {len(self.quote)}"
            )
        return self

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span ``start:end`` of ``text``.

        >>> Span.of("NATO met Russia", 9, 15).quote
        'Russia'
        >>> Span.of("NATO", 2, 9)
        Traceback (most recent call last):
        ValueError: span 2:9 is not inside a text of 4 characters
        """
        # Extractors make tens of thousands of spans per second: the checks here are all
        # that validation could fail on for a quote cut from the text itself, and the
        # validator called directly is then the fastest way to build the model (faster than
        # ``model_construct``, which is pure Python, and than the keyword arguments of
        # ``__init__``).
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            raise ValueError(f"span {start}:{end} is not inside a text of {len(text)} characters")
        return cls.__pydantic_validator__.validate_python(
            {"start": start, "end": end, "quote": text[start:end]}
        )


class DateRange(Record):
    """A day (``start == end``) or a span of days."""

    start: dt.date
    end: dt.date

    @model_validator(mode="after")
    def _ordered(self) -> DateRange:
        if self.end < self.start:
            raise ValueError(f"date range ends ({self.end}) before it starts ({self.start})")
        return self

    @classmethod
    def day(cls, day: dt.date) -> DateRange:
        return cls(start=day, end=day)

    @property
    def is_day(self) -> bool:
        return self.start == self.end

    def __str__(self) -> str:
        return self.start.isoformat() if self.is_day else f"{self.start}/{self.end}"


class Label(Record):
    lang: LangCode
    text: str = Field(min_length=1)


class Entity(Record):
    """An actor or a place, as the knowledge base or the text knows it.

    ``id`` is stable across documents (``country/RU``, ``place/2800866``,
    ``person/alexander-grushko``): it becomes the node's IRI.
    """

    id: str = Field(pattern=r"^(person|organization|country|place)/[A-Za-z0-9._~-]+$")
    type: EntityType
    labels: tuple[Label, ...] = Field(min_length=1)
    aliases: tuple[Label, ...] = ()
    """Other names (short forms, other spellings), for search and matching."""
    wikidata: str | None = Field(default=None, pattern=r"^Q[1-9][0-9]*$")
    geonames: int | None = None
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    parties: tuple[str, ...] = ()
    """For a body such as the NATO–Russia Council: the entity ids of its sides."""
    media: bool = False
    """A news agency or outlet: it relays statements but does not act."""

    def label(self, lang: str = "en") -> str:
        for label in self.labels:
            if label.lang == lang:
                return label.text
        return self.labels[0].text

    @property
    def is_actor(self) -> bool:
        """Whether the entity can meet, speak or take a position (news media only relay)."""
        return self.type in ACTOR_TYPES and not self.media


class Mention(Record):
    """A place in the text that names an entity (directly, or by a nationality adjective)."""

    span: Span
    entity: str
    via: Literal["name", "adjective", "title"] = "name"
    alias: str | None = None
    """The gazetteer form the text matched (a base form, without clitics or endings)."""


class Fact(Record):
    evidence: Span
    """The sentence (or clause) the fact was read from."""
    trigger: Span
    """The word that triggered the fact (a meeting noun, a reporting verb, a title...)."""
    confidence: Confidence = 0.5


class Meeting(Fact):
    kind: Literal["meeting"] = "meeting"
    date: DateRange | None = None
    place: str | None = None
    participants: tuple[str, ...] = ()
    name: str | None = None
    """An English name when the meeting is a session of a known body."""


class Statement(Fact):
    kind: Literal["statement"] = "statement"
    speaker: str
    date: DateRange | None = None
    quote: Span | None = None
    """The quoted words, when the text quotes the speaker."""
    reported_by: str | None = None
    """Who relayed the statement ("quoted by the ministry", "told TASS")."""


class Role(Fact):
    kind: Literal["role"] = "role"
    person: str
    title: str = Field(min_length=1)
    """The office in English, as the title catalogue names it."""
    organization: str | None = None
    """The state or organization the office belongs to."""


class Position(Fact):
    kind: Literal["position"] = "position"
    holder: str
    stance: Stance
    topic: str | None = None
    topic_span: Span | None = None
    targets: tuple[str, ...] = ()
    """Actors named in the topic, other than the holder and its state: whom the stance is
    aimed at ("rejected the American proposals": the United States)."""


Event = Annotated[Meeting | Statement | Role | Position, Field(discriminator="kind")]
EVENTS = TypeAdapter(list[Event])


def _spans(record: BaseModel):
    for value in record.__dict__.values():
        if isinstance(value, Span):
            yield value
        elif isinstance(value, Record):
            yield from _spans(value)


class Extraction(Record):
    """Everything read from one document."""

    document: Document
    entities: tuple[Entity, ...] = ()
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()

    @model_validator(mode="after")
    def _grounded(self) -> Extraction:
        text = self.document.text
        for record in (*self.mentions, *self.events):
            for span in _spans(record):
                if span.end > len(text) or text[span.start : span.end] != span.quote:
                    raise ValueError(
                        f"span {span.start}:{span.end} {span.quote!r} does not quote "
                        f"document {self.document.id}"
                    )
        known = {entity.id for entity in self.entities}
        for record in (*self.mentions, *self.events):
            for ref in entity_refs(record):
                if ref not in known:
                    raise ValueError(f"{type(record).__name__} refers to unknown entity {ref!r}")
        return self

    def of_kind(self, kind: str) -> list:
        return [event for event in self.events if event.kind == kind]


def entity_refs(record: BaseModel):
    """The ids of the entities a mention or event refers to."""
    match record:
        case Mention(entity=ref):
            yield ref
        case Meeting(place=place, participants=participants):
            if place:
                yield place
            yield from participants
        case Statement(speaker=speaker, reported_by=reported_by):
            yield speaker
            if reported_by:
                yield reported_by
        case Role(person=person, organization=organization):
            yield person
            if organization:
                yield organization
        case Position(holder=holder):
            yield holder
