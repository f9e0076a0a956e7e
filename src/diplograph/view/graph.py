"""The store as a networkx graph: the projection the viewer draws and analyses.

:func:`to_networkx` turns the knowledge graph into a :class:`networkx.MultiDiGraph`
whose nodes are the things a reader looks for in a picture of diplomacy and
whose edges are the relations between them.

Nodes (attribute ``kind``):

``person``, ``organization``, ``country``
    Actors (``dip:Person`` ...). An actor with no type in the store but used
    as a participant, holder or speaker gets ``kind="actor"``.
``place``
    ``dip:Place``.
``meeting``
    ``dip:Meeting``, with ``date`` (``dip:date`` or ``dip:startDate``) and
    ``end_date`` (``dip:endDate`` or ``None``) as ISO strings.
``position``
    ``dip:Position``: labelled with its topic; ``stance`` is the notation
    (``"REJECT"``), taken from the last segment of the stance IRI.

Every node has ``label`` (in the requested language if there is one, else
English, else the first label in a stable order, else the IRI's last segment)
and ``labels``, a tuple of ``(language, text)`` pairs with every label.

Edges (attribute ``kind``; the multigraph key is given in brackets):

``participant`` (``"participant"``)
    actor → meeting.
``location`` (``"location"``)
    meeting → place.
``holds-role`` (the role IRI)
    person → organization or country; ``label`` is the title, ``labels`` all titles.
``position`` (the position IRI)
    holder → position; ``label`` and ``stance`` are the stance notation.
``target`` (``"target"``)
    position → the actor it is aimed at (``dip:target``).

Evidence: meetings and positions (node attribute), roles (edge attribute) and
statements (in their dicts) carry ``evidence``, the sentences they were read
from with their articles (see :func:`evidence_of`). Meetings also carry
``disputed``; actors with a known state carry ``country`` (the state's IRI).

Statements are not drawn. A statement is an utterance on a date, usually the
evidence of a position; as nodes they would double the picture's size and say
little the position does not. Instead each statement is listed, as a dict with
``iri``, ``date``, ``quote`` and ``quote_lang``, in the ``statements``
attribute of its speaker and of the position it expresses, so the page can
show them in tooltips.

Documents are not drawn either (they are provenance, not diplomacy); the
number of documents behind a meeting, position or role is its ``sources``.

All queries are module constants and take no user text: the projection reads
the whole graph and filters in Python.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any, Protocol

import networkx as nx
from rdflib import Literal
from rdflib.term import Node

from diplograph.query import project_query
from diplograph.view.words import words_for

__all__ = [
    "ACTORS_QUERY",
    "COUNTRIES_QUERY",
    "DISPUTED_QUERY",
    "EVIDENCE_QUERY",
    "LABELS_QUERY",
    "LOCATIONS_QUERY",
    "MEETINGS_QUERY",
    "NODE_KINDS",
    "PARTICIPANTS_QUERY",
    "POSITIONS_QUERY",
    "ROLES_QUERY",
    "STATEMENTS_QUERY",
    "TARGETS_QUERY",
    "pick_label",
    "to_networkx",
]


class SparqlStore(Protocol):
    """Anything with the store's ``query`` method (embedded or remote)."""

    def query(
        self, sparql: str, bindings: Mapping[str, Node] | None = None
    ) -> list[dict[str, Node | None]]: ...


#: Node kinds, in the order the legend lists them.
NODE_KINDS = ("person", "organization", "country", "actor", "place", "meeting", "position")

ACTORS_QUERY = project_query("view/actors")
"""Every typed actor and place."""

LABELS_QUERY = project_query("view/labels")
"""Every ``rdfs:label`` (of actors, places, meetings)."""

MEETINGS_QUERY = project_query("view/meetings")
"""Meetings with their dates and number of source documents."""

PARTICIPANTS_QUERY = project_query("view/participants")
"""Who took part in which meeting."""

LOCATIONS_QUERY = project_query("view/locations")
"""Where each meeting took place."""

ROLES_QUERY = project_query("view/roles")
"""Offices: one row per title of each role."""

POSITIONS_QUERY = project_query("view/positions")
"""Positions: one row per topic literal."""

STATEMENTS_QUERY = project_query("view/statements")
"""Statements with their speaker, date, quote and the position they express."""

EVIDENCE_QUERY = project_query("view/evidence")
"""The sentence and article behind every meeting, statement, position and role."""

TARGETS_QUERY = project_query("view/targets")
"""Whom each position is aimed at."""

COUNTRIES_QUERY = project_query("view/countries")
"""The state each actor serves or belongs to."""

DISPUTED_QUERY = project_query("view/disputed")
"""Meetings whose reports disagree."""

_KIND_OF_TYPE = {
    "https://w3id.org/diplograph/ontology#Person": "person",
    "https://w3id.org/diplograph/ontology#Organization": "organization",
    "https://w3id.org/diplograph/ontology#Country": "country",
    "https://w3id.org/diplograph/ontology#Place": "place",
}
# A node typed twice (a Country that is also a Place) takes the first kind here.
_KIND_PRIORITY = ("person", "organization", "country", "place")


def _last_segment(iri: str) -> str:
    return iri.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _text(term: Node | None) -> str | None:
    return None if term is None else str(term)


def pick_label(labels: Iterable[tuple[str, str]], lang: str, fallback: str = "") -> str:
    """The label to show: in ``lang``, else English, else the first one, else ``fallback``.

    Parameters
    ----------
    labels : iterable of (str, str)
        ``(language, text)`` pairs; the language is ``""`` for a plain literal.
    lang : str
        The preferred language tag, such as ``"ar"``; ``"en-GB"`` labels match ``"en"``.
    fallback : str, optional
        Returned when there is no label at all.

    Returns
    -------
    str

    Examples
    --------
    >>> labels = [("ar", "بروكسل"), ("en", "Brussels")]
    >>> pick_label(labels, "ar")
    'بروكسل'
    >>> pick_label(labels, "fr")
    'Brussels'
    >>> pick_label([("ru", "Женева")], "fr")
    'Женева'
    >>> pick_label([], "en", fallback="geneva")
    'geneva'
    """
    ordered = sorted(labels)
    for wanted in (lang.lower(), "en"):
        for tag, text in ordered:
            if tag.lower() == wanted or tag.lower().split("-")[0] == wanted:
                return text
    return ordered[0][1] if ordered else fallback


def _labels_of(terms: Iterable[Node | None]) -> tuple[tuple[str, str], ...]:
    pairs = set()
    for term in terms:
        if isinstance(term, Literal):
            pairs.add((term.language or "", str(term)))
    return tuple(sorted(pairs))


def evidence_of(store: SparqlStore) -> dict[str, list[dict[str, str | None]]]:
    """Each fact's evidence: the sentence, in the article's language, and the article.

    One dict per article and sentence, with ``sentence``, ``lang``, ``doc``,
    ``headline``, ``outlet``, ``published`` and ``url``; ordered by article date, then
    article, then place in the article.
    """
    found: dict[str, dict[tuple[str, int], dict[str, str | None]]] = defaultdict(dict)
    for row in store.query(EVIDENCE_QUERY):
        sentence = row["sentence"]
        found[str(row["fact"])][(str(row["doc"]), int(row["start"]))] = {
            "sentence": str(sentence),
            "lang": _text(row["lang"])
            or (sentence.language if isinstance(sentence, Literal) else None),
            "doc": str(row["doc"]),
            "headline": _text(row["headline"]),
            "outlet": _text(row["publisher"]),
            "published": _text(row["published"]),
            "url": _text(row["url"]),
        }
    return {
        fact: [
            by_place[key]
            for key in sorted(by_place, key=lambda k: (by_place[k]["published"] or "", k))
        ]
        for fact, by_place in found.items()
    }


def _name_meetings_in(G: nx.MultiDiGraph, lang: str) -> None:
    """Meetings named only in other languages get a name in ``lang`` made of their
    sides, place and day ("اجتماع: روسيا، الناتو — بروكسل — 2022-01-12"), so a page in
    Arabic does not show English meeting names."""
    words = words_for(lang)
    if words.lang == "en":
        return
    for meeting, data in G.nodes(data=True):
        if data.get("kind") != "meeting" or any(
            tag.lower().split("-")[0] == words.lang for tag, _ in data["labels"]
        ):
            continue
        sides = sorted(G.nodes[a]["label"] for a in G.predecessors(meeting))
        places = sorted(G.nodes[p]["label"] for p in G.successors(meeting))
        who = "، ".join(sides[:3]) if words.lang == "ar" else ", ".join(sides[:3])
        parts = [f"{words.kind('meeting')}: {who}" + (" …" if len(sides) > 3 else ""), *places]
        data["label"] = " — ".join([*parts, *([data["date"]] if data.get("date") else [])])


def to_networkx(store: SparqlStore, *, lang: str = "en") -> nx.MultiDiGraph:
    """Project the knowledge graph onto actors, places, meetings and positions.

    See the module docstring for the node and edge kinds and their attributes.

    Parameters
    ----------
    store : OxigraphStore or any object with the same ``query`` method
        The graph store; queries run over the union of its named graphs.
    lang : str, optional
        Language of each node's ``label`` (default ``"en"``); English, then any
        label, is used where the node has none in ``lang``.

    Returns
    -------
    networkx.MultiDiGraph
        Node ids are IRIs (as ``str``); the graph attribute ``lang`` records ``lang``.

    Examples
    --------
    >>> from diplograph.view.examples import example_store
    >>> G = to_networkx(example_store())
    >>> grushko = "https://w3id.org/diplograph/id/grushko"
    >>> G.nodes[grushko]["kind"], G.nodes[grushko]["label"]
    ('person', 'Alexander Grushko')
    >>> to_networkx(example_store(), lang="ar").nodes[grushko]["label"]
    'ألكسندر غروشكو'
    >>> nrc = "https://w3id.org/diplograph/id/nrc-2022-01-12"
    >>> G.nodes[nrc]["label"], G.nodes[nrc]["date"]
    ('NATO–Russia Council meeting', '2022-01-12')
    >>> sorted(G.edges[grushko, nrc, "participant"].items())
    [('kind', 'participant'), ('label', '')]
    >>> [d["label"] for _, _, d in G.out_edges(grushko, data=True) if d["kind"] == "holds-role"]
    ['Deputy Minister of Foreign Affairs']
    """
    G = nx.MultiDiGraph(lang=lang)
    labels: dict[str, list[Node]] = defaultdict(list)
    for row in store.query(LABELS_QUERY):
        labels[str(row["node"])].append(row["label"])
    evidence = evidence_of(store)
    countries: dict[str, str] = {}
    for row in sorted(store.query(COUNTRIES_QUERY), key=lambda r: str(r["country"])):
        countries.setdefault(str(row["node"]), str(row["country"]))
    disputed = {str(row["meeting"]) for row in store.query(DISPUTED_QUERY)}

    def add(node: str, kind: str, **attrs: Any) -> None:
        if node in G:
            return
        pairs = _labels_of(labels.get(node, ()))
        G.add_node(
            node,
            kind=kind,
            label=pick_label(pairs, lang, _last_segment(node)),
            labels=pairs,
            statements=[],
            **attrs,
        )

    kinds: dict[str, set[str]] = defaultdict(set)
    for row in store.query(ACTORS_QUERY):
        kinds[str(row["node"])].add(_KIND_OF_TYPE[str(row["type"])])
    for node in sorted(kinds):
        kind = next(k for k in _KIND_PRIORITY if k in kinds[node])
        add(node, kind, **({"country": countries[node]} if node in countries else {}))

    for row in sorted(store.query(MEETINGS_QUERY), key=lambda r: str(r["meeting"])):
        meeting = str(row["meeting"])
        date = _text(row["date"]) or _text(row["start"])
        add(
            meeting,
            "meeting",
            date=date,
            # A day one article gives wins over the span another gives (both stay in
            # their articles' graphs): the page shows the day, not a week.
            end_date=None if row["date"] is not None else _text(row["end"]),
            sources=int(row["sources"]),
            disputed=meeting in disputed,
            evidence=evidence.get(meeting, []),
        )
        if not labels.get(meeting):
            # An unnamed meeting is named by its date, which is how a reader looks for it.
            G.nodes[meeting]["label"] = f"meeting {date}" if date else "meeting"

    for row in sorted(
        store.query(PARTICIPANTS_QUERY), key=lambda r: (str(r["actor"]), str(r["meeting"]))
    ):
        actor, meeting = str(row["actor"]), str(row["meeting"])
        add(actor, "actor")
        G.add_edge(actor, meeting, key="participant", kind="participant", label="")
    for row in sorted(
        store.query(LOCATIONS_QUERY), key=lambda r: (str(r["meeting"]), str(r["place"]))
    ):
        meeting, place = str(row["meeting"]), str(row["place"])
        add(place, "place")
        G.add_edge(meeting, place, key="location", kind="location", label="")

    _name_meetings_in(G, lang)

    roles: dict[tuple[str, str, str], list[Node]] = defaultdict(list)
    role_sources: dict[str, int] = defaultdict(int)
    for row in store.query(ROLES_QUERY):
        key = (str(row["role"]), str(row["holder"]), str(row["organization"]))
        roles[key].append(row["title"])
        role_sources[key[0]] = max(role_sources[key[0]], int(row["sources"]))
    for (role, holder, organization), titles in sorted(roles.items()):
        add(holder, "actor")
        add(organization, "actor")
        pairs = _labels_of(titles)
        G.add_edge(
            holder,
            organization,
            key=role,
            kind="holds-role",
            label=pick_label(pairs, lang, "role"),
            labels=pairs,
            sources=role_sources[role],
            evidence=evidence.get(role, []),
        )

    positions: dict[tuple[str, str, str], list[Node]] = defaultdict(list)
    position_sources: dict[str, int] = defaultdict(int)
    for row in store.query(POSITIONS_QUERY):
        stance = _last_segment(str(row["stance"])) if row["stance"] is not None else ""
        key = (str(row["position"]), str(row["holder"]), stance)
        positions[key].append(row["topic"])
        position_sources[key[0]] = max(position_sources[key[0]], int(row["sources"]))
    for (position, holder, stance), topics in sorted(positions.items()):
        pairs = _labels_of(topics)
        add(holder, "actor")
        if position not in G:
            G.add_node(
                position,
                kind="position",
                label=pick_label(pairs, lang, stance or "position"),
                labels=pairs,
                stance=stance,
                sources=position_sources[position],
                statements=[],
                evidence=evidence.get(position, []),
            )
        G.add_edge(holder, position, key=position, kind="position", label=stance, stance=stance)
    for row in sorted(
        store.query(TARGETS_QUERY), key=lambda r: (str(r["position"]), str(r["target"]))
    ):
        position, target = str(row["position"]), str(row["target"])
        if position in G:
            add(target, "actor")
            G.add_edge(position, target, key="target", kind="target", label="")

    for row in sorted(store.query(STATEMENTS_QUERY), key=lambda r: str(r["statement"])):
        quote = row["quote"]
        statement = {
            "iri": str(row["statement"]),
            "date": _text(row["date"]),
            "quote": _text(quote),
            "quote_lang": quote.language if isinstance(quote, Literal) else None,
            "evidence": evidence.get(str(row["statement"]), []),
        }
        speaker = str(row["speaker"])
        add(speaker, "actor")
        if statement not in G.nodes[speaker]["statements"]:
            G.nodes[speaker]["statements"].append(statement)
        position = _text(row["position"])
        if position in G and statement not in G.nodes[position]["statements"]:
            G.nodes[position]["statements"].append(statement)
    return G
