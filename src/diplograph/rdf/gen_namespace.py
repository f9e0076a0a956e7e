"""Generate ``rdf/namespace.py`` from ``ontology/diplograph.ttl``.

The ``DIP`` class gets one annotated attribute per ``dip:`` term declared in the ontology, with the
term's English ``rdfs:comment`` above it as a ``#:`` comment, in the manner of rdflib's
``rdflib/namespace/_ORG.py`` (written by ``rdflib/tools/defined_namespace_creator.py``). The rest of
the module, the small ``OA`` and ``SEM`` namespaces and the identifier helpers, is the fixed text
``_TAIL`` below. The output is formatted as ``ruff format`` would format it, and is deterministic,
so ``tests/rdf/test_namespace.py`` can regenerate it and compare.

Run ``python -m diplograph.rdf.gen_namespace`` to rewrite ``namespace.py`` after editing the
ontology, or ``python -m diplograph.rdf.gen_namespace --check`` to only report a difference.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS

__all__ = ["DIP_NS", "default_ontology_path", "default_output_path", "main", "render"]

DIP_NS = "https://w3id.org/diplograph/ontology#"
_LINE = 100
_COMMENT_WIDTH = _LINE - len("    #: ")

# Term groups, in output order: (heading, rdf:type).
_GROUPS = (
    ("Classes", OWL.Class),
    ("Object properties", OWL.ObjectProperty),
    ("Datatype properties", OWL.DatatypeProperty),
    ("Annotation properties", OWL.AnnotationProperty),
)


def default_ontology_path() -> Path:
    """``ontology/diplograph.ttl`` of the source checkout this module lives in."""
    return Path(__file__).resolve().parents[3] / "ontology" / "diplograph.ttl"


def default_output_path() -> Path:
    """``namespace.py`` beside this module."""
    return Path(__file__).resolve().with_name("namespace.py")


def _english(graph: Graph, subject: URIRef, predicate: URIRef) -> str:
    """The English (or untagged) value of ``predicate``, whitespace collapsed; ``""`` if none."""
    literals = [o for o in graph.objects(subject, predicate) if isinstance(o, Literal)]
    values = [o for o in literals if o.language == "en"] or [o for o in literals if not o.language]
    return " ".join(str(min(values)).split()) if values else ""


def _comment_lines(text: str, indent: str = "    ") -> list[str]:
    wrapped = textwrap.wrap(
        text, width=_COMMENT_WIDTH, break_long_words=False, break_on_hyphens=False
    )
    return [f"{indent}#: {line}" for line in wrapped]


def _docstring(graph: Graph, ontology: URIRef | None) -> list[str]:
    title = _english(graph, ontology, DCTERMS.title) if ontology else ""
    description = _english(graph, ontology, DCTERMS.description) if ontology else ""
    version = _english(graph, ontology, OWL.versionInfo) if ontology else ""
    lines = ['    """', f"    {title or 'diplograph ontology'}", ""]
    if description:
        lines += [f"    {line}" for line in textwrap.wrap(description, width=_LINE - 4)]
        lines.append("")
    lines.append(f"    Generated from: {DIP_NS}")
    if version:
        lines.append(f"    Version: {version}")
    lines.append('    """')
    return lines


def _terms(graph: Graph, kind: URIRef) -> list[tuple[str, URIRef]]:
    names = []
    for subject in set(graph.subjects(RDF.type, kind)):
        if isinstance(subject, URIRef) and str(subject).startswith(DIP_NS):
            name = str(subject)[len(DIP_NS) :]
            if not name.isidentifier():
                msg = f"dip:{name} is not a Python identifier"
                raise ValueError(msg)
            names.append((name, subject))
    return sorted(names, key=lambda item: (item[0].lower(), item[0]))


def render(ontology_path: Path | str) -> str:
    """The source of ``namespace.py`` for the ontology in ``ontology_path`` (Turtle).

    >>> source = render(default_ontology_path())
    >>> "    Meeting: URIRef\\n" in source
    True
    """
    graph = Graph().parse(str(ontology_path), format="turtle")
    ontology = next(
        (s for s in graph.subjects(RDF.type, OWL.Ontology) if isinstance(s, URIRef)), None
    )
    body: list[str] = []
    seen: set[str] = set()
    for heading, kind in _GROUPS:
        terms = [(n, t) for n, t in _terms(graph, kind) if n not in seen]
        if not terms:
            continue
        body += ["", f"    # {heading}"]
        for name, term in terms:
            seen.add(name)
            comment = _english(graph, term, RDFS.comment)
            body += _comment_lines(comment) if comment else []
            body.append(f"    {name}: URIRef")
    lines = [
        _HEAD.rstrip("\n"),
        "",
        "",
        "class DIP(DefinedNamespace):",
        *_docstring(graph, ontology),
        "",
        f'    _NS = Namespace("{DIP_NS}")',
        "    _fail = True",
        *body,
        "",
        "",
        _TAIL.strip("\n"),
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Rewrite ``namespace.py`` (or, with ``--check``, report whether it is up to date)."""
    parser = argparse.ArgumentParser(prog="python -m diplograph.rdf.gen_namespace")
    parser.add_argument("--ontology", type=Path, default=default_ontology_path())
    parser.add_argument("--output", type=Path, default=default_output_path())
    parser.add_argument("--check", action="store_true", help="only report a difference")
    args = parser.parse_args(argv)
    source = render(args.ontology)
    current = args.output.read_text(encoding="utf-8") if args.output.exists() else None
    if args.check:
        if current != source:
            print(f"{args.output}: out of date with {args.ontology}", file=sys.stderr)
            return 1
        return 0
    if current != source:
        args.output.write_text(source, encoding="utf-8")
        print(f"wrote {args.output}")
    return 0


_HEAD = '''\
"""The diplograph vocabulary, and the other namespaces diplograph writes.

GENERATED by ``python -m diplograph.rdf.gen_namespace`` from ``ontology/diplograph.ttl``: do not
edit by hand. Edit the ontology (or the fixed text in ``gen_namespace.py``) and regenerate;
``tests/rdf/test_namespace.py`` fails when this file and the ontology differ.

``DIP`` fails on unknown terms, so a typo is an error at import time rather than a silent new IRI:

>>> DIP.Meeting
rdflib.term.URIRef('https://w3id.org/diplograph/ontology#Meeting')
>>> DIP.Meting
Traceback (most recent call last):
...
AttributeError: term 'Meting' not in namespace 'https://w3id.org/diplograph/ontology#'

rdflib's own namespaces are re-exported for convenience: ``SDO`` is schema.org with the
``https://schema.org/`` base the ontology uses.
"""

from rdflib.namespace import (
    DCTERMS,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SDO,
    SKOS,
    TIME,
    XSD,
    DefinedNamespace,
    Namespace,
)
from rdflib.term import URIRef

__all__ = [
    "DCTERMS",
    "DIP",
    "GEONAMES",
    "ID",
    "OA",
    "ORG",
    "OWL",
    "PROV",
    "RDF",
    "RDFS",
    "SDO",
    "SEM",
    "SKOS",
    "STANCE",
    "TIME",
    "WIKIDATA",
    "XSD",
    "geonames_iri",
]
'''

_TAIL = '''
class OA(DefinedNamespace):
    """
    W3C Web Annotation Vocabulary: the terms diplograph uses for evidence spans.

    Generated from: http://www.w3.org/ns/oa#
    """

    _NS = Namespace("http://www.w3.org/ns/oa#")
    _fail = True

    # Classes
    #: An annotation: a body about one or more targets.
    Annotation: URIRef
    #: A part of a resource, described by selectors; diplograph's evidence spans.
    SpecificResource: URIRef
    #: How to find a segment of a resource.
    Selector: URIRef
    #: A selector by character offsets: oa:start (inclusive) and oa:end (exclusive).
    TextPositionSelector: URIRef
    #: A selector by the quoted text (oa:exact), with optional context (oa:prefix, oa:suffix).
    TextQuoteSelector: URIRef

    # Properties
    #: The body of an annotation.
    hasBody: URIRef
    #: The target of an annotation.
    hasTarget: URIRef
    #: The resource a specific resource is a part of.
    hasSource: URIRef
    #: A selector that describes the part of the source.
    hasSelector: URIRef
    #: The starting character offset of a segment, counting from 0 (xsd:nonNegativeInteger).
    start: URIRef
    #: The end character offset of a segment, exclusive (xsd:nonNegativeInteger).
    end: URIRef
    #: The text of the selected segment, exactly as it appears in the source.
    exact: URIRef
    #: A snippet of text just before the selected segment.
    prefix: URIRef
    #: A snippet of text just after the selected segment.
    suffix: URIRef
    #: Why an annotation was made.
    motivatedBy: URIRef


class SEM(DefinedNamespace):
    """
    Simple Event Model: the terms the diplograph ontology aligns to.

    Generated from: http://semanticweb.cs.vu.nl/2009/11/sem/
    """

    _NS = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
    _fail = True

    # Classes
    #: Everything that happens, even fictional events.
    Event: URIRef
    #: Actors are entities that take part in an event, either actively or passively.
    Actor: URIRef
    #: Places are locations where an event happens.
    Place: URIRef
    #: Time contains symbolic representations of when an event took place.
    Time: URIRef
    #: Roles are properties with a subspecified function or position indicated by a RoleType.
    Role: URIRef

    # Properties
    #: Has actor is used to state which actors or objects participate in an event.
    hasActor: URIRef
    #: Has place is used to state in which places an event happened.
    hasPlace: URIRef
    #: Has time is used to indicate at which time an event took place or when a property was valid.
    hasTime: URIRef
    #: Has time stamp is used to indicate the point in time at which an event took place.
    hasTimeStamp: URIRef
    #: Has begin time stamp is used to indicate the beginning of a time interval.
    hasBeginTimeStamp: URIRef
    #: Has end time stamp is used to indicate the end of a time interval.
    hasEndTimeStamp: URIRef
    #: Has subevent connects an event to other events that belong to it.
    hasSubEvent: URIRef
    #: Inverse property of hasSubEvent.
    subEventOf: URIRef
    #: Event type is used to assign a type to an event.
    eventType: URIRef


#: Resources of the diplograph graph: ``ID["person/alexander-grushko"]``, ``ID["country/RU"]``.
ID = Namespace("https://w3id.org/diplograph/id/")
#: The concepts of the stance scheme in ``ontology/stances.ttl``: ``STANCE.REJECT``.
STANCE = Namespace("https://w3id.org/diplograph/id/stance/")
#: Wikidata items, the targets of ``owl:sameAs`` for actors: ``WIKIDATA.Q7184`` (NATO).
WIKIDATA = Namespace("http://www.wikidata.org/entity/")
#: GeoNames features. Build IRIs with :func:`geonames_iri`, which adds the trailing slash.
GEONAMES = Namespace("https://sws.geonames.org/")


def geonames_iri(geonames_id: int) -> URIRef:
    """The IRI of GeoNames feature ``geonames_id``, the target of ``owl:sameAs`` for places.

    >>> geonames_iri(2800866)
    rdflib.term.URIRef('https://sws.geonames.org/2800866/')
    >>> geonames_iri(0)
    Traceback (most recent call last):
    ...
    ValueError: not a GeoNames id: 0
    """
    if isinstance(geonames_id, bool) or not isinstance(geonames_id, int) or geonames_id <= 0:
        msg = f"not a GeoNames id: {geonames_id!r}"
        raise ValueError(msg)
    return GEONAMES[f"{geonames_id}/"]
'''


if __name__ == "__main__":
    sys.exit(main())
