"""Records to triples: one named graph per document.

Actors and places are described once, in the shared graph
:data:`ENTITIES_GRAPH`.  Actor, place, meeting and role nodes have ids that do not depend
on the document (``id/country/RU``, ``id/place/2800866``, a meeting keyed by its date
and place), so ten articles about one meeting give one node with ten
``prov:wasDerivedFrom`` links.  Statements and positions are the document's
own.  Every fact points to its evidence: a Web Annotation specific resource
with a text-position and a text-quote selector into the document text.

No blank nodes: every node has an IRI derived from content, so the same input
always gives the same quads (ingest is idempotent to the byte).
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from types import SimpleNamespace

from rdflib import RDF, RDFS, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SDO, SKOS, XSD

from diplograph.model import (
    DateRange,
    Entity,
    Extraction,
    Meeting,
    Position,
    Role,
    Span,
    Statement,
    digest,
)
from diplograph.rdf.namespace import DIP, ID, OA, STANCE, WIKIDATA, geonames_iri
from diplograph.resolve.meetings import own_keys

__all__ = [
    "ENTITIES_GRAPH",
    "RESOLUTION_GRAPH",
    "document_iri",
    "entity_iri",
    "meeting_iri",
    "to_graphs",
]

Triple = tuple[URIRef, URIRef, URIRef | Literal]

TYPES = {
    "Person": DIP.Person,
    "Organization": DIP.Organization,
    "Country": DIP.Country,
    "Place": DIP.Place,
}


def document_iri(doc_id: str) -> URIRef:
    return ID[f"document/{doc_id}"]


def entity_iri(entity_id: str) -> URIRef:
    return ID[entity_id]


def meeting_iri(key: str) -> URIRef:
    return ID[f"meeting/{key}"]


def _date_triples(node: URIRef, date: DateRange | None) -> Iterator[Triple]:
    if date is None:
        return
    if date.is_day:
        yield node, DIP.date, Literal(date.start.isoformat(), datatype=XSD.date)
    else:
        yield node, DIP.startDate, Literal(date.start.isoformat(), datatype=XSD.date)
        yield node, DIP.endDate, Literal(date.end.isoformat(), datatype=XSD.date)


# rdflib's namespaces build a new URIRef at each attribute access, and every fact has its
# evidence: the terms evidence needs are made once.
_E = SimpleNamespace(
    type=RDF.type,
    evidence=DIP.evidence,
    confidence=DIP.confidence,
    resource=OA.SpecificResource,
    source=OA.hasSource,
    selector=OA.hasSelector,
    position=OA.TextPositionSelector,
    quote=OA.TextQuoteSelector,
    start=OA.start,
    end=OA.end,
    exact=OA.exact,
    integer=XSD.integer,
    decimal=XSD.decimal,
)


def _evidence(
    fact: URIRef, doc: URIRef, doc_id: str, span: Span, confidence: float, own: object = None
) -> Iterator[Triple]:
    # One evidence node per fact: two facts read from one sentence differ in confidence.
    # ``own``: what tells the fact apart within the document when its node is shared
    # with other documents and may be renamed (a meeting's own key).
    node = ID[f"evidence/{doc_id}/{span.start}-{span.end}/{digest(own or fact)[:8]}"]
    position = URIRef(f"{node}#position")
    quote = URIRef(f"{node}#quote")
    yield fact, _E.evidence, node
    yield node, _E.type, _E.resource
    yield node, _E.source, doc
    yield node, _E.selector, position
    yield node, _E.selector, quote
    yield node, _E.confidence, _decimal(confidence)
    yield position, _E.type, _E.position
    yield position, _E.start, _integer(span.start)
    yield position, _E.end, _integer(span.end)
    yield quote, _E.type, _E.quote
    yield quote, _E.exact, _plain(span.quote)


# Literals are immutable and rdflib makes them slowly: offsets, confidences and the
# sentences several facts are read from recur.  ``typed``: 1 and 1.0 are not one literal.
@functools.lru_cache(maxsize=1 << 14, typed=True)
def _integer(value: int) -> Literal:
    return Literal(value, datatype=_E.integer)


@functools.lru_cache(maxsize=1 << 10, typed=True)
def _decimal(confidence: float) -> Literal:
    return Literal(Decimal(str(round(confidence, 2))), datatype=_E.decimal)


@functools.lru_cache(maxsize=1 << 12)
def _plain(text: str) -> Literal:
    return Literal(text)


_DESCRIBED: dict[str, tuple[Entity, tuple[Triple, ...]]] = {}
"""Each entity's triples, kept per process: the same actors recur in article after article."""


def _entity_triples(entity: Entity, seen_labels: dict[str, set[tuple[str, str]]]) -> list[Triple]:
    """The triples describing ``entity``, each once (all have the entity as subject, so
    those of different entities never repeat each other)."""
    extra = seen_labels.get(entity.id)
    if extra:
        return list(dict.fromkeys(_describe(entity, extra)))
    cached = _DESCRIBED.get(entity.id)
    if cached is None or cached[0] != entity:
        triples = tuple(dict.fromkeys(_describe(entity, set())))
        cached = _DESCRIBED[entity.id] = (entity, triples)
    return list(cached[1])


def _describe(entity: Entity, seen_labels: set[tuple[str, str]]) -> Iterator[Triple]:
    node = entity_iri(entity.id)
    yield node, RDF.type, TYPES[entity.type]
    labels = {(label.lang, label.text) for label in entity.labels} | seen_labels
    for lang, text in sorted(labels):
        yield node, RDFS.label, Literal(text, lang=lang)
    for alias in sorted({(a.lang, a.text) for a in entity.aliases} - labels):
        yield node, SKOS.altLabel, Literal(alias[1], lang=alias[0])
    if entity.wikidata:
        yield node, OWL.sameAs, WIKIDATA[entity.wikidata]
    if entity.geonames:
        yield node, OWL.sameAs, geonames_iri(entity.geonames)
    if entity.country and entity.type != "Country":
        yield node, DIP.country, entity_iri(f"country/{entity.country}")
    for party in entity.parties:
        yield node, DIP.party, entity_iri(party)


def _lang_literal(text: str, lang: str | None) -> Literal:
    return Literal(text, lang=lang) if lang else Literal(text)


def meeting_label(
    meeting: Meeting, extraction: Extraction, names: dict[str, str] | None = None
) -> str:
    """An English name for a meeting: its body's, else its sides, place and date.

    ``names``: the English label of each of the extraction's entities, if already made."""
    if meeting.name:
        return meeting.name
    if names is None:
        names = english_names(extraction)
    sides = [names[p] for p in meeting.participants if p.startswith(("country/", "organization/"))]
    sides = sides or [names[p] for p in meeting.participants]
    label = "–".join(sides[:3]) + " meeting" if sides else "Meeting"
    if meeting.place:
        label += f" in {names[meeting.place]}"
    if meeting.date:
        label += f", {meeting.date}"
    return label


def english_names(extraction: Extraction) -> dict[str, str]:
    """Entity id -> English label, for the entities of ``extraction``."""
    return {e.id: e.label("en") for e in extraction.entities}


RESOLUTION_GRAPH = ID["graph/resolution"]
"""The named graph of what the resolve stage concludes across documents, beyond any one
document's claims: which meeting nodes the articles disagree about (``dip:disputed``)."""

ENTITIES_GRAPH = ID["graph/entities"]
"""The named graph that describes actors and places (types, labels, links): shared by all
documents, so that each document's graph holds only what the document says."""


def to_graphs(
    extraction: Extraction, meeting_nodes: list[str] | None = None
) -> tuple[list[Triple], list[Triple]]:
    """The triples of the document's named graph, and those describing its entities
    (for :data:`ENTITIES_GRAPH`).

    ``meeting_nodes``: the node key of each of the extraction's meetings, in order, as the
    resolve stage assigned them across documents; by default each meeting's own key.
    Whichever node a meeting is on, its other triples are the same: a store can move a
    document's report from one node to another by renaming the node alone."""
    doc = extraction.document
    doc_node = document_iri(doc.id)
    lang = doc.lang
    out: list[Triple] = [
        (doc_node, RDF.type, DIP.Document),
        (doc_node, DIP.text, Literal(doc.text)),
    ]
    if doc.url:
        out.append((doc_node, SDO.url, Literal(doc.url, datatype=XSD.anyURI)))
    if doc.published:
        out.append(
            (doc_node, SDO.datePublished, Literal(doc.published.isoformat(), datatype=XSD.date))
        )
    if doc.title:
        out.append((doc_node, SDO.headline, _lang_literal(doc.title, lang)))
    if lang:
        out.append((doc_node, DCTERMS.language, Literal(lang)))
    if doc.source:
        out.append((doc_node, SDO.publisher, Literal(doc.source)))

    # Places and persons found in this text are also labelled as the text names them.
    seen_labels: dict[str, set[tuple[str, str]]] = {}
    for mention in extraction.mentions:
        if mention.alias and lang and mention.via == "name":
            seen_labels.setdefault(mention.entity, set()).add((lang, mention.alias))
        out.append((doc_node, DIP.mentions, entity_iri(mention.entity)))
    described: list[Triple] = []
    for entity in extraction.entities:
        labels = seen_labels if entity.type == "Place" else {}
        described.extend(_entity_triples(entity, labels))

    statements: list[tuple[URIRef, Statement]] = []
    positions: list[tuple[URIRef, Position]] = []
    meetings = [event for event in extraction.events if isinstance(event, Meeting)]
    shared_verbs = Counter(e.trigger.start for e in extraction.events if isinstance(e, Statement))
    owns = own_keys(meetings, doc.id)
    nodes = owns if meeting_nodes is None else meeting_nodes
    keys = dict(zip(map(id, meetings), zip(nodes, owns, strict=True), strict=True))
    names: dict[str, str] | None = None
    for event in extraction.events:
        own = None
        if isinstance(event, Meeting):
            node_key, own = keys[id(event)]
            node = meeting_iri(node_key)
            out.append((node, RDF.type, DIP.Meeting))
            if names is None and not event.name:
                names = english_names(extraction)
            label = meeting_label(event, extraction, names)
            out.append((node, RDFS.label, Literal(label, lang="en")))
            out.extend(_date_triples(node, event.date))
            if event.place:
                out.append((node, DIP.location, entity_iri(event.place)))
            out.extend((node, DIP.participant, entity_iri(p)) for p in event.participants)
        elif isinstance(event, Statement):
            node = ID[f"statement/{doc.id}/{event.trigger.start}"]
            if shared_verbs[event.trigger.start] > 1:
                # "X and Y confirmed": one verb, a statement of each speaker
                node = ID[f"statement/{doc.id}/{event.trigger.start}/{digest(event.speaker)}"]
            out.append((node, RDF.type, DIP.Statement))
            out.append((node, DIP.speaker, entity_iri(event.speaker)))
            out.extend(_date_triples(node, event.date))
            if event.quote:
                out.append((node, DIP.quote, _lang_literal(event.quote.quote, lang)))
            if event.reported_by:
                out.append((node, DIP.reportedBy, entity_iri(event.reported_by)))
            statements.append((node, event))
        elif isinstance(event, Position):
            node = ID[f"position/{doc.id}/{event.trigger.start}/{digest(event.holder)}"]
            out.append((node, RDF.type, DIP.Position))
            out.append((node, DIP.holder, entity_iri(event.holder)))
            out.append((node, DIP.stance, STANCE[event.stance]))
            if event.topic:
                out.append((node, DIP.topic, _lang_literal(event.topic, lang)))
            out.extend((node, DIP.target, entity_iri(target)) for target in event.targets)
            positions.append((node, event))
        elif isinstance(event, Role):
            node = ID[f"role/{digest(event.person, event.title, event.organization)}"]
            out.append((node, RDF.type, DIP.Role))
            out.append((node, DIP.holder, entity_iri(event.person)))
            out.append((node, DIP.title, Literal(event.title, lang="en")))
            if lang and lang != "en":
                out.append((node, DIP.title, Literal(event.trigger.quote, lang=lang)))
            if event.organization:
                out.append((node, DIP.organization, entity_iri(event.organization)))
        else:  # pragma: no cover - the Event union is closed
            raise TypeError(event)
        out.append((node, PROV.wasDerivedFrom, doc_node))
        out.extend(_evidence(node, doc_node, doc.id, event.evidence, event.confidence, own))

    # A statement expresses the positions its speaker takes in the same sentence.
    for s_node, statement in statements:
        for p_node, position in positions:
            if position.holder == statement.speaker and position.evidence == statement.evidence:
                out.append((s_node, DIP.expresses, p_node))
    if len({e.id for e in extraction.entities}) < len(extraction.entities):
        described = list(dict.fromkeys(described))  # an entity twice: its triples too
    # (else they are each once already: rdflib hashes terms slowly, in Python)
    return list(dict.fromkeys(out)), described
