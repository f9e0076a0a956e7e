"""The ontology, the stance scheme and the SHACL shapes in ``ontology/``.

The conforming fixture below is the exact form of the instance data the pipeline emits: one named
graph per document, named by the document IRI. Validation runs over the union of the document
graphs, with the ontology mixed in so that ``sh:class dip:Actor`` accepts a ``dip:Person``.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from pathlib import Path
from string import Template

import pyshacl
import pytest
from rdflib import BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS
from rdflib.term import Node

ONTOLOGY_DIR = Path(__file__).resolve().parents[1] / "ontology"
ONTOLOGY_IRI = URIRef("https://w3id.org/diplograph/ontology")
DIP = Namespace("https://w3id.org/diplograph/ontology#")
DSH = Namespace("https://w3id.org/diplograph/shapes#")
ID = Namespace("https://w3id.org/diplograph/id/")
STANCE = Namespace("https://w3id.org/diplograph/id/stance/")
PLOVER = Namespace("https://w3id.org/diplograph/id/plover/")
CAMEO = Namespace("https://w3id.org/diplograph/id/cameo/")
OA = Namespace("http://www.w3.org/ns/oa#")
# rdflib's SDO and XSD warn when pytest probes module attributes, so plain namespaces here.
SDO = Namespace("https://schema.org/")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
ORG = Namespace("http://www.w3.org/ns/org#")
SH = Namespace("http://www.w3.org/ns/shacl#")
STANCE_SCHEME = URIRef("https://w3id.org/diplograph/id/stance")

# The public vocabulary of DESIGN.md, plus the terms the code emits besides.
DESIGN_CLASSES = [
    "Document",
    "Actor",
    "Person",
    "Organization",
    "Country",
    "Place",
    "Event",
    "Meeting",
    "Statement",
    "Position",
    "Role",
]
DESIGN_PROPERTIES = [
    "date",
    "startDate",
    "endDate",
    "location",
    "participant",
    "speaker",
    "holder",
    "stance",
    "topic",
    "expresses",
    "title",
    "organization",
    "mentions",
]
EXTRA_PROPERTIES = [
    "evidence",
    "confidence",
    "quote",
    "reportedBy",
    "disputed",
    "nameKey",
    "fingerprint",
    "target",
    "party",
    "country",
    "text",
    "ploverCategory",
    "cameoCode",
]

# notation -> (PLOVER category, CAMEO root code)
STANCE_MAPPING = {
    "REQUEST": ("REQUEST", "10"),
    "PROPOSE": ("AGREE", "03"),
    "AGREE": ("AGREE", "03"),
    "REJECT": ("REJECT", "12"),
    "ACCUSE": ("ACCUSE", "11"),
    "THREATEN": ("THREATEN", "13"),
    "SUPPORT": ("SUPPORT", "05"),
    "CONCEDE": ("CONCEDE", "08"),
}

# One article, in the form the pipeline writes it. Offsets count characters of dip:text, end
# exclusive; oa:start / oa:end are non-negative xsd:integer (Oxigraph stores integer
# subtypes as xsd:integer).
DOCUMENT = ID["document/3f2a9c0d1b4e5f60"]
TEXT = (
    "بروكسل (سبوتنيك) - اجتمع نائب وزير الخارجية الروسي ألكسندر غروشكو مع ممثلي حلف الناتو"
    " في مجلس روسيا-الناتو يوم 12 يناير. وقال غروشكو: «نرفض توسع الناتو شرقا»."
)
MEETING_QUOTE = TEXT[19:106]
FIXTURE_TRIG = """
@prefix dip:    <https://w3id.org/diplograph/ontology#> .
@prefix dct:    <http://purl.org/dc/terms/> .
@prefix oa:     <http://www.w3.org/ns/oa#> .
@prefix owl:    <http://www.w3.org/2002/07/owl#> .
@prefix prov:   <http://www.w3.org/ns/prov#> .
@prefix rdfs:   <http://www.w3.org/2000/01/rdf-schema#> .
@prefix schema: <https://schema.org/> .
@prefix xsd:    <http://www.w3.org/2001/XMLSchema#> .
@prefix id:     <https://w3id.org/diplograph/id/> .

<https://w3id.org/diplograph/id/document/3f2a9c0d1b4e5f60> {

    <https://w3id.org/diplograph/id/document/3f2a9c0d1b4e5f60>
        a dip:Document ;
        schema:url "https://example.org/news/2022/01/12/nrc"^^xsd:anyURI ;
        schema:datePublished "2022-01-12"^^xsd:date ;
        schema:headline "غروشكو: نرفض توسع الناتو شرقا"@ar ;
        dct:language "ar" ;
        schema:publisher "Sputnik" ;
        dip:text "$text" ;
        dip:mentions <https://w3id.org/diplograph/id/person/alexander-grushko> ,
            <https://w3id.org/diplograph/id/organization/nato> ,
            <https://w3id.org/diplograph/id/organization/nato-russia-council> ,
            <https://w3id.org/diplograph/id/country/RU> ,
            <https://w3id.org/diplograph/id/place/2800866> .

    <https://w3id.org/diplograph/id/person/alexander-grushko>
        a dip:Person ;
        rdfs:label "Alexander Grushko"@en , "ألكسندر غروشكو"@ar ;
        dip:country <https://w3id.org/diplograph/id/country/RU> .

    <https://w3id.org/diplograph/id/country/RU>
        a dip:Country ;
        rdfs:label "Russia"@en , "روسيا"@ar ;
        owl:sameAs <https://sws.geonames.org/2017370/> , <http://www.wikidata.org/entity/Q159> .

    <https://w3id.org/diplograph/id/country/BE>
        a dip:Country ;
        rdfs:label "Belgium"@en , "بلجيكا"@ar .

    <https://w3id.org/diplograph/id/organization/nato>
        a dip:Organization ;
        rdfs:label "NATO"@en , "حلف الناتو"@ar ;
        owl:sameAs <http://www.wikidata.org/entity/Q7184> .

    <https://w3id.org/diplograph/id/organization/nato-russia-council>
        a dip:Organization ;
        rdfs:label "NATO–Russia Council"@en , "مجلس روسيا-الناتو"@ar ;
        dip:party <https://w3id.org/diplograph/id/organization/nato> ,
            <https://w3id.org/diplograph/id/country/RU> .

    <https://w3id.org/diplograph/id/place/2800866>
        a dip:Place ;
        rdfs:label "Brussels"@en , "بروكسل"@ar ;
        owl:sameAs <https://sws.geonames.org/2800866/> ;
        dip:country <https://w3id.org/diplograph/id/country/BE> .

    <https://w3id.org/diplograph/id/meeting/a1b2c3d4e5f60718>
        a dip:Meeting ;
        rdfs:label "NATO–Russia Council meeting"@en ;
        dip:date "2022-01-12"^^xsd:date ;
        dip:location <https://w3id.org/diplograph/id/place/2800866> ;
        dip:participant <https://w3id.org/diplograph/id/person/alexander-grushko> ,
            <https://w3id.org/diplograph/id/organization/nato> ;
        prov:wasDerivedFrom <https://w3id.org/diplograph/id/document/3f2a9c0d1b4e5f60> ;
        dip:evidence <https://w3id.org/diplograph/id/evidence/3f2a9c0d1b4e5f60/19-106> .

    <https://w3id.org/diplograph/id/statement/0c1d2e3f40516273>
        a dip:Statement ;
        dip:speaker <https://w3id.org/diplograph/id/person/alexander-grushko> ;
        dip:date "2022-01-12"^^xsd:date ;
        dip:quote "نرفض توسع الناتو شرقا"@ar ;
        dip:reportedBy <https://w3id.org/diplograph/id/organization/nato-russia-council> ;
        dip:expresses <https://w3id.org/diplograph/id/position/7f6e5d4c3b2a1908> ;
        prov:wasDerivedFrom <https://w3id.org/diplograph/id/document/3f2a9c0d1b4e5f60> ;
        dip:evidence <https://w3id.org/diplograph/id/evidence/3f2a9c0d1b4e5f60/121-157> .

    <https://w3id.org/diplograph/id/position/7f6e5d4c3b2a1908>
        a dip:Position ;
        dip:holder <https://w3id.org/diplograph/id/country/RU> ;
        dip:stance <https://w3id.org/diplograph/id/stance/REJECT> ;
        dip:topic "توسع الناتو شرقا"@ar ;
        prov:wasDerivedFrom <https://w3id.org/diplograph/id/document/3f2a9c0d1b4e5f60> ;
        dip:evidence <https://w3id.org/diplograph/id/evidence/3f2a9c0d1b4e5f60/121-157> .

    <https://w3id.org/diplograph/id/role/5a4b3c2d1e0f9a8b>
        a dip:Role ;
        dip:holder <https://w3id.org/diplograph/id/person/alexander-grushko> ;
        dip:title "Deputy Minister of Foreign Affairs"@en , "نائب وزير الخارجية"@ar ;
        dip:organization <https://w3id.org/diplograph/id/country/RU> ;
        prov:wasDerivedFrom <https://w3id.org/diplograph/id/document/3f2a9c0d1b4e5f60> ;
        dip:evidence <https://w3id.org/diplograph/id/evidence/3f2a9c0d1b4e5f60/25-65> .

    <https://w3id.org/diplograph/id/evidence/3f2a9c0d1b4e5f60/19-106>
        a oa:SpecificResource ;
        oa:hasSource <https://w3id.org/diplograph/id/document/3f2a9c0d1b4e5f60> ;
        oa:hasSelector <https://w3id.org/diplograph/id/evidence/3f2a9c0d1b4e5f60/19-106#position> ,
            <https://w3id.org/diplograph/id/evidence/3f2a9c0d1b4e5f60/19-106#quote> ;
        dip:confidence "0.8"^^xsd:decimal .
    <https://w3id.org/diplograph/id/evidence/3f2a9c0d1b4e5f60/19-106#position>
        a oa:TextPositionSelector ;
        oa:start "19"^^xsd:integer ;
        oa:end "106"^^xsd:integer .
    <https://w3id.org/diplograph/id/evidence/3f2a9c0d1b4e5f60/19-106#quote>
        a oa:TextQuoteSelector ;
        oa:exact "$meeting_quote" .

    <https://w3id.org/diplograph/id/evidence/3f2a9c0d1b4e5f60/121-157>
        a oa:SpecificResource ;
        oa:hasSource <https://w3id.org/diplograph/id/document/3f2a9c0d1b4e5f60> ;
        oa:hasSelector <https://w3id.org/diplograph/id/evidence/3f2a9c0d1b4e5f60/121-157#position> ,
            <https://w3id.org/diplograph/id/evidence/3f2a9c0d1b4e5f60/121-157#quote> ;
        dip:confidence "0.9"^^xsd:decimal .
    <https://w3id.org/diplograph/id/evidence/3f2a9c0d1b4e5f60/121-157#position>
        a oa:TextPositionSelector ;
        oa:start "121"^^xsd:integer ;
        oa:end "157"^^xsd:integer .
    <https://w3id.org/diplograph/id/evidence/3f2a9c0d1b4e5f60/121-157#quote>
        a oa:TextQuoteSelector ;
        oa:exact "وقال غروشكو: «نرفض توسع الناتو شرقا»" .

    <https://w3id.org/diplograph/id/evidence/3f2a9c0d1b4e5f60/25-65>
        a oa:SpecificResource ;
        oa:hasSource <https://w3id.org/diplograph/id/document/3f2a9c0d1b4e5f60> ;
        oa:hasSelector <https://w3id.org/diplograph/id/evidence/3f2a9c0d1b4e5f60/25-65#position> ,
            <https://w3id.org/diplograph/id/evidence/3f2a9c0d1b4e5f60/25-65#quote> ;
        dip:confidence "0.7"^^xsd:decimal .
    <https://w3id.org/diplograph/id/evidence/3f2a9c0d1b4e5f60/25-65#position>
        a oa:TextPositionSelector ;
        oa:start "25"^^xsd:integer ;
        oa:end "65"^^xsd:integer .
    <https://w3id.org/diplograph/id/evidence/3f2a9c0d1b4e5f60/25-65#quote>
        a oa:TextQuoteSelector ;
        oa:exact "نائب وزير الخارجية الروسي ألكسندر غروشكو" .
}
"""
FIXTURE_TRIG = Template(FIXTURE_TRIG).substitute(text=TEXT, meeting_quote=MEETING_QUOTE)

GRUSHKO = ID["person/alexander-grushko"]
RUSSIA = ID["country/RU"]
NATO = ID["organization/nato"]
BRUSSELS = ID["place/2800866"]
MEETING = ID["meeting/a1b2c3d4e5f60718"]
STATEMENT = ID["statement/0c1d2e3f40516273"]
POSITION = ID["position/7f6e5d4c3b2a1908"]
ROLE = ID["role/5a4b3c2d1e0f9a8b"]
EVIDENCE = ID["evidence/3f2a9c0d1b4e5f60/19-106"]


def _load(name: str) -> Graph:
    return Graph().parse(ONTOLOGY_DIR / name, format="turtle")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return _load("diplograph.ttl")


@pytest.fixture(scope="module")
def stances() -> Graph:
    return _load("stances.ttl")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return _load("shapes.ttl")


@pytest.fixture(scope="module")
def ont_graph(ontology: Graph, stances: Graph) -> Graph:
    return ontology + stances


def _union(dataset: Dataset) -> Graph:
    """Merge every named graph into one graph, as the store's union default graph would."""
    union = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def fixture_graph() -> Graph:
    with warnings.catch_warnings():
        # rdflib's TriG parser itself uses the deprecated ConjunctiveGraph.
        warnings.simplefilter("ignore", DeprecationWarning)
        dataset = Dataset().parse(data=FIXTURE_TRIG, format="trig")
    return _union(dataset)


def _validate(data: Graph, shapes: Graph, ont_graph: Graph | None) -> tuple[bool, Graph]:
    conforms, report, _ = pyshacl.validate(
        data,
        shacl_graph=shapes,
        ont_graph=ont_graph,
        inference="none",
        allow_warnings=True,
    )
    return conforms, report


def _violations(report: Graph) -> set[tuple[Node, Node, Node, Node]]:
    """(focus node, path, source shape, constraint component) of every sh:Violation."""
    found = set()
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        found.add(
            (
                report.value(result, SH.focusNode),
                report.value(result, SH.resultPath),
                report.value(result, SH.sourceShape),
                report.value(result, SH.sourceConstraintComponent),
            )
        )
    return found


# --- the three files parse -------------------------------------------------------------------


@pytest.mark.parametrize("name", ["diplograph.ttl", "stances.ttl", "shapes.ttl"])
def test_ontology_file_parses(name: str) -> None:
    assert len(_load(name)) > 0


def test_ontology_header(ontology: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(ONTOLOGY_IRI, OWL.versionInfo) is not None


# --- every term is there, documented in English and Arabic -----------------------------------


@pytest.mark.parametrize("name", DESIGN_CLASSES)
def test_ontology_class_declared(ontology: Graph, name: str) -> None:
    assert (DIP[name], RDF.type, OWL.Class) in ontology


@pytest.mark.parametrize("name", DESIGN_PROPERTIES + EXTRA_PROPERTIES)
def test_ontology_property_declared(ontology: Graph, name: str) -> None:
    types = set(ontology.objects(DIP[name], RDF.type))
    assert types & {OWL.ObjectProperty, OWL.DatatypeProperty}, types
    assert ontology.value(DIP[name], RDFS.domain) is not None
    assert ontology.value(DIP[name], RDFS.range) is not None


@pytest.mark.parametrize("name", DESIGN_CLASSES + DESIGN_PROPERTIES + EXTRA_PROPERTIES)
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_ontology_term_documented(ontology: Graph, name: str, lang: str) -> None:
    term = DIP[name]
    labels = [o for o in ontology.objects(term, RDFS.label) if o.language == lang]
    comments = [o for o in ontology.objects(term, RDFS.comment) if o.language == lang]
    assert len(labels) == 1, f"{name}: rdfs:label @{lang}"
    assert len(comments) == 1, f"{name}: rdfs:comment @{lang}"
    assert (term, RDFS.isDefinedBy, ONTOLOGY_IRI) in ontology


def test_ontology_defines_only_documented_terms(ontology: Graph) -> None:
    declared = {
        s
        for s in ontology.subjects(RDF.type, None)
        if isinstance(s, URIRef) and s.startswith(str(DIP))
    }
    expected = {DIP[n] for n in DESIGN_CLASSES + DESIGN_PROPERTIES + EXTRA_PROPERTIES}
    assert declared == expected


@pytest.mark.parametrize(
    ("sub", "relation", "sup"),
    [
        (DIP.Document, RDFS.subClassOf, PROV.Entity),
        (DIP.Document, RDFS.subClassOf, SDO.NewsArticle),
        (DIP.Actor, RDFS.subClassOf, SEM.Actor),
        (DIP.Actor, RDFS.subClassOf, PROV.Agent),
        (DIP.Person, RDFS.subClassOf, DIP.Actor),
        (DIP.Person, RDFS.subClassOf, SDO.Person),
        (DIP.Organization, RDFS.subClassOf, DIP.Actor),
        (DIP.Organization, RDFS.subClassOf, SDO.Organization),
        (DIP.Country, RDFS.subClassOf, DIP.Actor),
        (DIP.Country, RDFS.subClassOf, SDO.Country),
        (DIP.Place, RDFS.subClassOf, SEM.Place),
        (DIP.Place, RDFS.subClassOf, SDO.Place),
        (DIP.Event, RDFS.subClassOf, SEM.Event),
        (DIP.Event, RDFS.subClassOf, PROV.Entity),
        (DIP.Meeting, RDFS.subClassOf, DIP.Event),
        (DIP.Statement, RDFS.subClassOf, DIP.Event),
        (DIP.Position, RDFS.subClassOf, PROV.Entity),
        (DIP.Role, RDFS.subClassOf, PROV.Entity),
        (DIP.Role, RDFS.subClassOf, ORG.Membership),
        (DIP.date, RDFS.subPropertyOf, SEM.hasTimeStamp),
        (DIP.startDate, RDFS.subPropertyOf, SEM.hasBeginTimeStamp),
        (DIP.endDate, RDFS.subPropertyOf, SEM.hasEndTimeStamp),
        (DIP.location, RDFS.subPropertyOf, SEM.hasPlace),
        (DIP.participant, RDFS.subPropertyOf, SEM.hasActor),
        (DIP.speaker, RDFS.subPropertyOf, SEM.hasActor),
        (DIP.date, RDFS.range, XSD.date),
        (DIP.startDate, RDFS.range, XSD.date),
        (DIP.endDate, RDFS.range, XSD.date),
        (DIP.confidence, RDFS.range, XSD.decimal),
        (DIP.evidence, RDFS.range, OA.SpecificResource),
        (DIP.stance, RDFS.range, SKOS.Concept),
    ],
)
def test_ontology_alignment(ontology: Graph, sub: URIRef, relation: URIRef, sup: URIRef) -> None:
    assert (sub, relation, sup) in ontology


def test_ontology_does_not_redefine_was_derived_from(ontology: Graph) -> None:
    assert not set(ontology.predicate_objects(PROV.wasDerivedFrom))


@pytest.mark.parametrize(
    ("prop", "members"),
    [
        (DIP.holder, {DIP.Position, DIP.Role}),
        (DIP.evidence, {DIP.Event, DIP.Position, DIP.Role}),
        (DIP.country, {DIP.Person, DIP.Organization, DIP.Place}),
    ],
)
def test_ontology_union_domain(ontology: Graph, prop: URIRef, members: set[URIRef]) -> None:
    domain = ontology.value(prop, RDFS.domain)
    assert isinstance(domain, BNode)
    union = ontology.value(domain, OWL.unionOf)
    assert set(ontology.items(union)) == members


# --- the stance scheme -----------------------------------------------------------------------


def test_stances_scheme_has_the_eight_concepts(stances: Graph) -> None:
    assert (STANCE_SCHEME, RDF.type, SKOS.ConceptScheme) in stances
    members = set(stances.subjects(SKOS.inScheme, STANCE_SCHEME))
    assert members == {STANCE[n] for n in STANCE_MAPPING}
    assert set(stances.objects(STANCE_SCHEME, SKOS.hasTopConcept)) == members


@pytest.mark.parametrize("notation", sorted(STANCE_MAPPING))
def test_stances_concept_documented(stances: Graph, notation: str) -> None:
    concept = STANCE[notation]
    assert (concept, RDF.type, SKOS.Concept) in stances
    assert stances.value(concept, SKOS.notation) == Literal(notation)
    assert (concept, SKOS.topConceptOf, STANCE_SCHEME) in stances
    for lang in ("en", "ar"):
        labels = [o for o in stances.objects(concept, SKOS.prefLabel) if o.language == lang]
        assert len(labels) == 1, f"{notation}: skos:prefLabel @{lang}"
    assert any(o.language == "en" for o in stances.objects(concept, SKOS.definition))
    assert stances.value(concept, RDFS.comment) is not None, "the mapping is explained"


@pytest.mark.parametrize(("notation", "codes"), sorted(STANCE_MAPPING.items()))
def test_stances_concept_mapped(stances: Graph, notation: str, codes: tuple[str, str]) -> None:
    plover, cameo = codes
    concept = STANCE[notation]
    assert stances.value(concept, DIP.ploverCategory) == Literal(plover)
    assert stances.value(concept, DIP.cameoCode) == Literal(cameo)
    same_or_broader = {
        target
        for relation in (SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch)
        for target in stances.objects(concept, relation)
    }
    assert PLOVER[plover] in same_or_broader
    assert CAMEO[cameo] in same_or_broader


def test_stances_mapping_targets_defined(stances: Graph) -> None:
    mapping = (
        SKOS.closeMatch,
        SKOS.exactMatch,
        SKOS.broadMatch,
        SKOS.narrowMatch,
        SKOS.relatedMatch,
    )
    for prop in mapping:
        for target in stances.objects(None, prop):
            assert (target, RDF.type, SKOS.Concept) in stances, target
            notation = str(stances.value(target, SKOS.notation))
            assert target.endswith("/" + notation), target


# --- the shapes ------------------------------------------------------------------------------


def test_shapes_every_shape_has_english_message(shapes: Graph) -> None:
    all_shapes = set(shapes.subjects(RDF.type, SH.NodeShape)) | set(
        shapes.subjects(RDF.type, SH.PropertyShape)
    )
    assert len(all_shapes) > 20
    for shape in all_shapes:
        messages = [o for o in shapes.objects(shape, SH.message) if o.language == "en"]
        assert messages, shape


def test_shapes_fixture_offsets_match_text() -> None:
    data = fixture_graph()
    text = str(data.value(DOCUMENT, DIP.text))
    for evidence in data.subjects(RDF.type, OA.SpecificResource):
        selectors = list(data.objects(evidence, OA.hasSelector))
        start = end = exact = None
        for selector in selectors:
            if (selector, RDF.type, OA.TextPositionSelector) in data:
                start = data.value(selector, OA.start).toPython()
                end = data.value(selector, OA.end).toPython()
            else:
                exact = str(data.value(selector, OA.exact))
        assert text[start:end] == exact
        assert str(evidence).endswith(f"/{start}-{end}")


def test_shapes_fixture_conforms(shapes: Graph, ont_graph: Graph) -> None:
    conforms, report = _validate(fixture_graph(), shapes, ont_graph)
    assert conforms, report.serialize(format="turtle")


def test_shapes_fixture_conforms_with_date_range(shapes: Graph, ont_graph: Graph) -> None:
    data = fixture_graph()
    data.remove((MEETING, DIP.date, None))
    data.add((MEETING, DIP.startDate, Literal("2022-01-10", datatype=XSD.date)))
    data.add((MEETING, DIP.endDate, Literal("2022-01-12", datatype=XSD.date)))
    conforms, report = _validate(data, shapes, ont_graph)
    assert conforms, report.serialize(format="turtle")


def test_shapes_class_follows_subclass_of_in_ontology(shapes: Graph, ont_graph: Graph) -> None:
    """A dip:Person participant satisfies sh:class dip:Actor only through the mixed-in ontology."""
    data = fixture_graph()
    assert (GRUSHKO, RDF.type, DIP.Actor) not in data
    conforms, _ = _validate(data, shapes, ont_graph)
    assert conforms
    conforms, report = _validate(data, shapes, None)
    assert not conforms
    assert (MEETING, DIP.participant, DSH["Meeting-participant"], SH.ClassConstraintComponent) in (
        _violations(report)
    )


def test_shapes_undescribed_country_only_warns(shapes: Graph, ont_graph: Graph) -> None:
    """A place's country that no document describes is a warning, not a violation."""
    data = fixture_graph()
    belgium = ID["country/BE"]
    data.remove((belgium, None, None))
    conforms, report = _validate(data, shapes, ont_graph)
    assert conforms
    warned = {
        report.value(r, SH.sourceShape) for r in report.subjects(SH.resultSeverity, SH.Warning)
    }
    assert warned == {DSH["Actor-countryClass"]}


def _remove(s: URIRef, p: URIRef) -> Callable[[Graph], None]:
    def edit(g: Graph) -> None:
        g.remove((s, p, None))

    return edit


def _set(s: URIRef, p: URIRef, o: Node) -> Callable[[Graph], None]:
    def edit(g: Graph) -> None:
        g.set((s, p, o))

    return edit


def _add(s: URIRef, p: URIRef, o: Node) -> Callable[[Graph], None]:
    def edit(g: Graph) -> None:
        g.add((s, p, o))

    return edit


def _edits(*edits: Callable[[Graph], None]) -> Callable[[Graph], None]:
    def edit(g: Graph) -> None:
        for one in edits:
            one(g)

    return edit


BROKEN = {
    "position_without_holder": (
        _remove(POSITION, DIP.holder),
        (POSITION, DIP.holder, DSH["Position-holder"], SH.MinCountConstraintComponent),
    ),
    "stance_outside_scheme": (
        _set(POSITION, DIP.stance, STANCE.CONDEMN),
        (POSITION, DIP.stance, DSH["Position-stance"], SH.InConstraintComponent),
    ),
    "statement_with_two_speakers": (
        _add(STATEMENT, DIP.speaker, NATO),
        (STATEMENT, DIP.speaker, DSH["Statement-speaker"], SH.MaxCountConstraintComponent),
    ),
    "role_holder_is_a_country": (
        _set(ROLE, DIP.holder, RUSSIA),
        (ROLE, DIP.holder, DSH["Role-holder"], SH.ClassConstraintComponent),
    ),
    "meeting_without_was_derived_from": (
        _remove(MEETING, PROV.wasDerivedFrom),
        (
            MEETING,
            PROV.wasDerivedFrom,
            DSH["Meeting-wasDerivedFrom"],
            SH.MinCountConstraintComponent,
        ),
    ),
    "evidence_confidence_above_one": (
        _set(EVIDENCE, DIP.confidence, Literal("1.5", datatype=XSD.decimal)),
        (EVIDENCE, DIP.confidence, DSH["Evidence-confidence"], SH.MaxInclusiveConstraintComponent),
    ),
    "meeting_participant_is_a_place": (
        _add(MEETING, DIP.participant, BRUSSELS),
        (MEETING, DIP.participant, DSH["Meeting-participant"], SH.ClassConstraintComponent),
    ),
    "meeting_ends_before_it_starts": (
        _edits(
            _remove(MEETING, DIP.date),
            _add(MEETING, DIP.startDate, Literal("2022-01-12", datatype=XSD.date)),
            _add(MEETING, DIP.endDate, Literal("2022-01-10", datatype=XSD.date)),
        ),
        (MEETING, DIP.startDate, DSH["Meeting-startDate"], SH.LessThanOrEqualsConstraintComponent),
    ),
    "meeting_with_two_days_not_disputed": (
        _add(MEETING, DIP.date, Literal("2022-01-13", datatype=XSD.date)),
        (MEETING, None, DSH.MeetingShape, SH.OrConstraintComponent),
    ),
    "date_is_not_xsd_date": (
        _set(STATEMENT, DIP.date, Literal("12 January 2022")),
        (STATEMENT, DIP.date, DSH["Statement-date"], SH.DatatypeConstraintComponent),
    ),
    "evidence_without_source": (
        _remove(EVIDENCE, OA.hasSource),
        (EVIDENCE, OA.hasSource, DSH["Evidence-hasSource"], SH.MinCountConstraintComponent),
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_shapes_broken_variant_reported(shapes: Graph, ont_graph: Graph, case: str) -> None:
    edit, expected = BROKEN[case]
    data = fixture_graph()
    edit(data)
    conforms, report = _validate(data, shapes, ont_graph)
    assert not conforms
    found = _violations(report)
    assert expected in found, found
    # The report blames that shape alone: no other constraint fires on the same edit.
    assert {shape for _, _, shape, _ in found} == {expected[2]}, found
    message = report.value(
        next(iter(report.subjects(SH.sourceShape, expected[2]))), SH.resultMessage
    )
    assert message is not None
