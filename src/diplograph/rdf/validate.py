"""Check a stored graph against the SHACL shapes of ``ontology/shapes.ttl`` (pySHACL)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyshacl
from rdflib import Graph
from rdflib.namespace import RDF, SH

from diplograph.rdf.store import open_store
from diplograph.resolve.kb import resource_dir

__all__ = ["ValidationReport", "Violation", "validate_graph", "validate_store"]


@dataclass(frozen=True)
class Violation:
    severity: str
    focus: str
    path: str
    message: str


@dataclass
class ValidationReport:
    conforms: bool
    checked: int
    violations: list[Violation] = field(default_factory=list)


def _ontology() -> tuple[Graph, Graph]:
    folder = resource_dir("ontology")
    ontology = Graph()
    ontology.parse(folder / "diplograph.ttl")
    ontology.parse(folder / "stances.ttl")
    shapes = Graph().parse(folder / "shapes.ttl")
    return ontology, shapes


def validate_graph(data: Graph) -> ValidationReport:
    """Validate ``data`` (all documents' triples together)."""
    ontology, shapes = _ontology()
    conforms, results, _ = pyshacl.validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference="none", allow_warnings=True
    )
    violations = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        violations.append(
            Violation(
                severity=str(results.value(result, SH.resultSeverity)).rsplit("#", 1)[-1],
                focus=str(results.value(result, SH.focusNode)),
                path=str(results.value(result, SH.resultPath) or ""),
                message=str(results.value(result, SH.resultMessage) or ""),
            )
        )
    violations.sort(key=lambda v: (v.severity, v.focus, v.path))
    return ValidationReport(conforms=bool(conforms), checked=len(data), violations=violations)


def validate_store(store: Path | str) -> ValidationReport:
    """Validate the union of every document graph in the store at ``store``."""
    data = Graph()
    with open_store(store, read_only=True) as graph:
        for s, p, o, _ in graph.quads():
            data.add((s, p, o))
    return validate_graph(data)
