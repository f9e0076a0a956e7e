"""What the graph must hold after reading the Arabic seed article alone (issue 2).

Every assertion asks the store through SPARQL over the public vocabulary, on
the real pipeline's output.
"""

from pathlib import Path

import pytest
from rdflib import Literal

from diplograph import api
from diplograph.rdf.store import open_store

SEED = Path(__file__).parents[1] / "data" / "samples" / "ar-00-seed.txt"
PREFIXES = """
PREFIX dip: <https://w3id.org/diplograph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("seed") / "store"
    report = api.ingest([SEED], store=folder)
    assert report.ok and report.added == 1
    with open_store(folder, read_only=True) as graph:
        yield graph


def ask(store, body, **bindings):
    rows = store.query(PREFIXES + body, bindings)
    return rows


def english(store, node):
    rows = ask(store, "SELECT ?l ?n WHERE { ?n rdfs:label ?l FILTER(lang(?l) = 'en') }", n=node)
    return {str(r["l"]) for r in rows}


def test_seed_brussels_meeting_of_nato_russia_council(store):
    rows = ask(
        store,
        """SELECT ?m ?label WHERE {
             ?m a dip:Meeting ; dip:date "2022-01-12"^^xsd:date ; rdfs:label ?label ;
                dip:location ?place .
             ?place rdfs:label "Brussels"@en, "بروكسل"@ar .
           }""",
    )
    assert rows, "no meeting in Brussels on 2022-01-12"
    meeting = rows[0]["m"]
    assert any("NATO–Russia Council" in str(r["label"]) for r in rows)
    participants = {
        label
        for row in ask(store, "SELECT ?p ?m WHERE { ?m dip:participant ?p }", m=meeting)
        for label in english(store, row["p"])
    }
    assert {"Russia", "NATO"} <= participants


def test_seed_geneva_talks_between_russia_and_united_states(store):
    rows = ask(
        store,
        """SELECT ?m WHERE {
             ?m a dip:Meeting ; dip:startDate "2022-01-09"^^xsd:date ;
                dip:endDate "2022-01-10"^^xsd:date ; dip:location/rdfs:label "Geneva"@en .
           }""",
    )
    assert len(rows) == 1
    participants = {
        label
        for row in ask(store, "SELECT ?p ?m WHERE { ?m dip:participant ?p }", m=rows[0]["m"])
        for label in english(store, row["p"])
    }
    assert {"Russia", "United States"} <= participants


def test_seed_statements_have_the_three_speakers(store):
    rows = ask(
        store,
        """SELECT DISTINCT ?who WHERE {
             ?s a dip:Statement ; dip:speaker/rdfs:label ?who FILTER(lang(?who) = 'en')
           }""",
    )
    speakers = {str(r["who"]) for r in rows}
    assert {"Alexander Fomin", "Jens Stoltenberg", "Wendy Sherman"} <= speakers


@pytest.mark.parametrize(
    ("person", "title", "of"),
    [
        ("Alexander Fomin", "Deputy Minister of Defence", "Russia"),
        ("Alexander Grushko", "Deputy Foreign Minister", "Russia"),
        ("Jens Stoltenberg", "Secretary General", "NATO"),
        ("Wendy Sherman", "Deputy Secretary of State", "United States"),
    ],
)
def test_seed_roles(store, person, title, of):
    rows = ask(
        store,
        """SELECT ?r ?person ?title ?of WHERE {
             ?r a dip:Role ; dip:holder/rdfs:label ?person ; dip:title ?title ;
                dip:organization/rdfs:label ?of .
           }""",
        person=Literal(person, lang="en"),
        title=Literal(title, lang="en"),
        of=Literal(of, lang="en"),
    )
    assert rows, f"no role {title} of {of} for {person}"


@pytest.mark.parametrize(
    ("holder", "stance", "topic_word"),
    [
        ("NATO", "REJECT", "تنازلات"),
        ("Russia", "REQUEST", None),
        ("NATO", "PROPOSE", "سلسلة لقاءات"),
    ],
)
def test_seed_positions(store, holder, stance, topic_word):
    rows = ask(
        store,
        """SELECT ?p ?holder ?stance ?topic WHERE {
             ?p a dip:Position ; dip:holder/rdfs:label ?holder ; dip:stance ?stance .
             OPTIONAL { ?p dip:topic ?topic }
           }""",
        holder=Literal(holder, lang="en"),
        stance=__import__("rdflib").URIRef(f"https://w3id.org/diplograph/id/stance/{stance}"),
    )
    assert rows, f"no {stance} position held by {holder}"
    if topic_word:
        assert any(topic_word in str(r["topic"]) for r in rows)


def test_seed_every_fact_has_document_and_exact_evidence(store):
    text = SEED.read_text(encoding="utf-8")
    rows = ask(
        store,
        """SELECT ?fact ?doc ?start ?end ?exact WHERE {
             ?fact a ?kind ; prov:wasDerivedFrom ?doc ; dip:evidence ?ev .
             VALUES ?kind { dip:Meeting dip:Statement dip:Position dip:Role }
             ?ev oa:hasSource ?doc ; oa:hasSelector ?pos, ?quote .
             ?pos oa:start ?start ; oa:end ?end . ?quote oa:exact ?exact .
           }""",
    )
    assert len(rows) >= 10
    for row in rows:
        assert text[int(row["start"]) : int(row["end"])] == str(row["exact"])
    facts = ask(
        store,
        """SELECT ?f WHERE {
             ?f a ?k VALUES ?k { dip:Meeting dip:Statement dip:Position dip:Role }
             FILTER NOT EXISTS { ?f dip:evidence ?e }
           }""",
    )
    assert facts == []


def test_seed_publication_date_read_from_dateline(store):
    rows = ask(
        store, "SELECT ?d WHERE { ?doc a dip:Document ; <https://schema.org/datePublished> ?d }"
    )
    assert [str(r["d"]) for r in rows] == ["2022-01-12"]
