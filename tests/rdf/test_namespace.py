"""``rdf/namespace.py``: generated from the ontology, and never out of step with it.

rdflib's ``SDO`` is reached as ``ns.SDO``: imported by name, pytest's probing of module attributes
makes it warn.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, SKOS

from diplograph.rdf import gen_namespace
from diplograph.rdf import namespace as ns
from diplograph.rdf.namespace import DIP, ID, OA, SEM, STANCE, WIKIDATA, geonames_iri

ROOT = Path(__file__).resolve().parents[2]
ONTOLOGY = ROOT / "ontology" / "diplograph.ttl"
NAMESPACE_PY = ROOT / "src" / "diplograph" / "rdf" / "namespace.py"


def _ruff() -> str | None:
    beside_python = Path(sys.executable).with_name("ruff")
    return str(beside_python) if beside_python.exists() else shutil.which("ruff")


def test_namespace_matches_ontology() -> None:
    """The committed module is exactly what the generator makes from the ontology."""
    expected = gen_namespace.render(ONTOLOGY)
    assert NAMESPACE_PY.read_text(encoding="utf-8") == expected, (
        "namespace.py is out of date: run `python -m diplograph.rdf.gen_namespace`"
    )


def test_namespace_render_is_deterministic() -> None:
    assert gen_namespace.render(ONTOLOGY) == gen_namespace.render(ONTOLOGY)


def test_namespace_has_every_ontology_term() -> None:
    graph = Graph().parse(ONTOLOGY)
    declared = {
        str(s)[len(gen_namespace.DIP_NS) :]
        for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
        for s in graph.subjects(RDF.type, kind)
        if str(s).startswith(gen_namespace.DIP_NS)
    }
    assert set(DIP.__annotations__) == declared


@pytest.mark.parametrize(
    ("term", "iri"),
    [
        (DIP.Meeting, "https://w3id.org/diplograph/ontology#Meeting"),
        (DIP["holder"], "https://w3id.org/diplograph/ontology#holder"),
        (DIP.date, "https://w3id.org/diplograph/ontology#date"),
        (DIP.title, "https://w3id.org/diplograph/ontology#title"),
        (OA.TextPositionSelector, "http://www.w3.org/ns/oa#TextPositionSelector"),
        (SEM.hasActor, "http://semanticweb.cs.vu.nl/2009/11/sem/hasActor"),
        (ns.SDO.NewsArticle, "https://schema.org/NewsArticle"),
        (ID["country/RU"], "https://w3id.org/diplograph/id/country/RU"),
        (STANCE.REJECT, "https://w3id.org/diplograph/id/stance/REJECT"),
        (WIKIDATA.Q7184, "http://www.wikidata.org/entity/Q7184"),
    ],
)
def test_namespace_term_iri(term: URIRef, iri: str) -> None:
    assert isinstance(term, URIRef)
    assert term == URIRef(iri)


@pytest.mark.parametrize(
    ("namespace", "name"), [(DIP, "NoSuchTerm"), (DIP, "meeting"), (OA, "Nope"), (SEM, "Nope")]
)
def test_namespace_unknown_term_raises(namespace: type, name: str) -> None:
    with pytest.raises(AttributeError):
        getattr(namespace, name)
    with pytest.raises(AttributeError):
        namespace[name]


def test_namespace_stance_concepts_in_stance_namespace() -> None:
    stances = Graph().parse(ONTOLOGY.with_name("stances.ttl"))
    scheme = URIRef("https://w3id.org/diplograph/id/stance")
    concepts = set(stances.subjects(SKOS.inScheme, scheme))
    assert concepts == {STANCE[str(stances.value(c, SKOS.notation))] for c in concepts}


@pytest.mark.parametrize(
    ("geonames_id", "iri"),
    [
        (2800866, "https://sws.geonames.org/2800866/"),
        (2017370, "https://sws.geonames.org/2017370/"),
    ],
)
def test_namespace_geonames_iri(geonames_id: int, iri: str) -> None:
    assert geonames_iri(geonames_id) == URIRef(iri)


@pytest.mark.parametrize("bad", [0, -1, True, "2800866", 2800866.0])
def test_namespace_geonames_iri_rejects(bad: object) -> None:
    with pytest.raises(ValueError, match="not a GeoNames id"):
        geonames_iri(bad)  # type: ignore[arg-type]


def test_namespace_main_check_and_write(tmp_path: Path) -> None:
    assert gen_namespace.main(["--check"]) == 0
    out = tmp_path / "namespace.py"
    assert gen_namespace.main(["--check", "--output", str(out)]) == 1
    assert gen_namespace.main(["--output", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == gen_namespace.render(ONTOLOGY)
    assert gen_namespace.main(["--check", "--output", str(out)]) == 0


@pytest.mark.parametrize("command", [["format", "--check"], ["check"]])
def test_namespace_passes_ruff(command: list[str]) -> None:
    ruff = _ruff()
    if ruff is None:
        pytest.skip("ruff is not installed")
    result = subprocess.run(
        [ruff, *command, "--stdin-filename", "src/diplograph/rdf/namespace.py", "-"],
        input=gen_namespace.render(ONTOLOGY),
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
