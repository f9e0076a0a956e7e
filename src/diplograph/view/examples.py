"""A tiny canned knowledge graph for docstring examples and tests.

Like networkx's ``generators/social.py`` (the karate club), this module ships a
small, fixed graph that every example and test can build in memory without
reading an article: two documents, three meetings, eight actors, two places,
two positions and two statements, in English, Arabic, Russian and French.

The facts are illustrative (the January 2022 round of security talks between
Russia, the United States and NATO), not extracted from the samples.
"""

from __future__ import annotations

from collections import defaultdict

import pyoxigraph as ox
from rdflib import URIRef

from diplograph.rdf.store import OxigraphStore, from_ox, open_store

__all__ = ["EXAMPLE_TRIG", "example_store"]

#: The canned graph in TriG: one named graph per source document.
EXAMPLE_TRIG = """\
@prefix dip:    <https://w3id.org/diplograph/ontology#> .
@prefix id:     <https://w3id.org/diplograph/id/> .
@prefix stance: <https://w3id.org/diplograph/id/stance/> .
@prefix rdfs:   <http://www.w3.org/2000/01/rdf-schema#> .
@prefix owl:    <http://www.w3.org/2002/07/owl#> .
@prefix prov:   <http://www.w3.org/ns/prov#> .
@prefix schema: <https://schema.org/> .
@prefix xsd:    <http://www.w3.org/2001/XMLSchema#> .
@prefix wd:     <http://www.wikidata.org/entity/> .
@prefix oa:     <http://www.w3.org/ns/oa#> .
@prefix dct:    <http://purl.org/dc/terms/> .

id:doc-en-1 {
    id:doc-en-1 a dip:Document ;
        schema:headline "NATO and Russia meet in Brussels"@en ;
        schema:url <https://example.org/news/nato-russia-council> ;
        schema:datePublished "2022-01-12"^^xsd:date ;
        schema:publisher "Example Wire" ;
        dct:language "en" ;
        dip:mentions id:grushko, id:fomin, id:sherman, id:stoltenberg, id:nato, id:brussels .

    id:grushko a dip:Person ;
        rdfs:label "Alexander Grushko"@en, "ألكسندر غروشكو"@ar, "Александр Грушко"@ru ;
        owl:sameAs wd:Q4069990 .
    id:fomin a dip:Person ;
        rdfs:label "Alexander Fomin"@en, "Александр Фомин"@ru .
    id:sherman a dip:Person ; rdfs:label "Wendy Sherman"@en .
    id:stoltenberg a dip:Person ;
        rdfs:label "Jens Stoltenberg"@en, "ينس ستولتنبرغ"@ar .
    id:nato a dip:Organization ;
        rdfs:label "NATO"@en, "حلف الناتو"@ar, "OTAN"@fr ;
        owl:sameAs wd:Q7184 .
    id:russia a dip:Country ;
        rdfs:label "Russia"@en, "روسيا"@ar, "Россия"@ru .
    id:usa a dip:Country ; rdfs:label "United States"@en, "الولايات المتحدة"@ar .
    id:brussels a dip:Place ; rdfs:label "Brussels"@en, "بروكسل"@ar .

    id:nrc-2022-01-12 a dip:Meeting ;
        rdfs:label "NATO–Russia Council meeting"@en ;
        dip:date "2022-01-12"^^xsd:date ;
        dip:location id:brussels ;
        dip:participant id:grushko, id:fomin, id:sherman, id:stoltenberg, id:nato, id:russia ;
        prov:wasDerivedFrom id:doc-en-1 ;
        dip:evidence [ oa:hasSource id:doc-en-1 ;
            oa:hasSelector [ a oa:TextQuoteSelector ;
                oa:exact "The NATO–Russia Council met in Brussels on Wednesday." ] ,
                [ a oa:TextPositionSelector ; oa:start 0 ; oa:end 54 ] ] .

    id:role-grushko a dip:Role ; dip:holder id:grushko ;
        dip:title "Deputy Minister of Foreign Affairs"@en ; dip:organization id:russia ;
        prov:wasDerivedFrom id:doc-en-1 .
    id:role-fomin a dip:Role ; dip:holder id:fomin ;
        dip:title "Deputy Minister of Defence"@en ; dip:organization id:russia ;
        prov:wasDerivedFrom id:doc-en-1 .
    id:role-stoltenberg a dip:Role ; dip:holder id:stoltenberg ;
        dip:title "Secretary General"@en, "الأمين العام"@ar ; dip:organization id:nato ;
        prov:wasDerivedFrom id:doc-en-1 .
    id:role-sherman a dip:Role ; dip:holder id:sherman ;
        dip:title "Deputy Secretary of State"@en ; dip:organization id:usa ;
        prov:wasDerivedFrom id:doc-en-1 .

    id:stmt-stoltenberg a dip:Statement ;
        dip:speaker id:stoltenberg ;
        dip:date "2022-01-12"^^xsd:date ;
        dip:expresses id:pos-stoltenberg-talks ;
        prov:wasDerivedFrom id:doc-en-1 .
    id:pos-stoltenberg-talks a dip:Position ;
        dip:holder id:stoltenberg ;
        dip:stance stance:PROPOSE ;
        dip:topic "a series of meetings on arms control"@en ;
        prov:wasDerivedFrom id:doc-en-1 .
}

id:doc-ar-1 {
    id:doc-ar-1 a dip:Document ;
        schema:headline "موسكو ترفض توسيع حلف الناتو"@ar ;
        schema:url <https://example.org/ar/news/moscow-rejects> ;
        schema:datePublished "2022-01-13"^^xsd:date ;
        dct:language "ar" ;
        dip:mentions id:zakharova, id:ryabkov, id:fomin, id:sherman, id:nato, id:geneva .

    id:zakharova a dip:Person ; rdfs:label "ماريا زاخاروفا"@ar .
    id:ryabkov a dip:Person ; rdfs:label "Сергей Рябков"@ru .
    id:geneva a dip:Place ; rdfs:label "Geneva"@en, "جنيف"@ar, "Женева"@ru .

    id:geneva-2022-01 a dip:Meeting ;
        dip:startDate "2022-01-09"^^xsd:date ;
        dip:endDate "2022-01-10"^^xsd:date ;
        dip:location id:geneva ;
        dip:participant id:ryabkov, id:fomin, id:sherman ;
        prov:wasDerivedFrom id:doc-ar-1 .
    id:osce-2022-01-13 a dip:Meeting ;
        rdfs:label "OSCE Permanent Council"@en, "المجلس الدائم لمنظمة الأمن والتعاون"@ar ;
        dip:date "2022-01-13"^^xsd:date ;
        dip:participant id:ryabkov, id:sherman ;
        prov:wasDerivedFrom id:doc-ar-1 .

    id:stmt-zakharova a dip:Statement ;
        dip:speaker id:zakharova ;
        dip:date "2022-01-13"^^xsd:date ;
        dip:quote "نرفض أي توسيع لحلف الناتو شرقا"@ar ;
        dip:expresses id:pos-zakharova-enlargement ;
        prov:wasDerivedFrom id:doc-ar-1 ;
        dip:evidence _:zakharova-said .
    id:pos-zakharova-enlargement a dip:Position ;
        dip:holder id:zakharova ;
        dip:stance stance:REJECT ;
        dip:topic "توسيع حلف الناتو"@ar, "NATO enlargement"@en ;
        dip:target id:nato ;
        prov:wasDerivedFrom id:doc-ar-1 ;
        dip:evidence _:zakharova-said .
    _:zakharova-said oa:hasSource id:doc-ar-1 ;
        oa:hasSelector [ a oa:TextQuoteSelector ;
            oa:exact "وقالت زاخاروفا: نرفض أي توسيع لحلف الناتو شرقا." ] ,
            [ a oa:TextPositionSelector ; oa:start 10 ; oa:end 58 ] .
}
"""


def example_store(trig: str = EXAMPLE_TRIG) -> OxigraphStore:
    """An in-memory store holding the canned graph (or any other TriG text).

    Parameters
    ----------
    trig : str, optional
        TriG text; each named graph becomes one named graph of the store
        (triples outside named graphs are ignored).

    Returns
    -------
    OxigraphStore
        A new in-memory store.

    Examples
    --------
    >>> store = example_store()
    >>> len(store.graphs())
    2
    >>> rows = store.query(
    ...     "PREFIX dip: <https://w3id.org/diplograph/ontology#> "
    ...     "SELECT (COUNT(?m) AS ?n) WHERE { ?m a dip:Meeting }"
    ... )
    >>> int(rows[0]["n"])
    3
    """
    graphs: dict[str, list] = defaultdict(list)
    for quad in ox.parse(trig.encode(), format=ox.RdfFormat.TRIG):
        if isinstance(quad.graph_name, ox.NamedNode):
            triple = (from_ox(quad.subject), from_ox(quad.predicate), from_ox(quad.object))
            graphs[quad.graph_name.value].append(triple)
    store = open_store(None)
    for name in sorted(graphs):
        store.put_graph(URIRef(name), graphs[name])
    return store
