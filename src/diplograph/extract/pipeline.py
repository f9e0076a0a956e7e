"""The extraction pipeline: named components run in order over a shared state.

Each component is a plain function ``(state) -> list`` registered with the
state fields it ``requires`` and the one it ``assigns``.  A per-language
component (``ar.dates``) is tried before the generic one (``dates``), so a
language with special needs plugs in without touching the others.  The runner
checks that each component returns what it promised.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from diplograph.errors import DiplographError
from diplograph.extract import dates
from diplograph.extract.chunks import chunks, shifted
from diplograph.extract.entities import find as entities
from diplograph.extract.entities import towns
from diplograph.extract.lexicon import lexicon
from diplograph.extract.meetings import find as meetings
from diplograph.extract.roles import find as roles
from diplograph.extract.roles import title_complements
from diplograph.extract.stances import find as positions
from diplograph.extract.state import State
from diplograph.extract.statements import find as statements
from diplograph.lang import Language, available_languages, load
from diplograph.model import (
    Document,
    Entity,
    Extraction,
    Meeting,
    Mention,
    Position,
    Role,
    Statement,
    entity_refs,
)
from diplograph.text.folding import Folded
from diplograph.text.matcher import select_longest

if TYPE_CHECKING:
    from diplograph.resolve.gazetteer import Gazetteer

__all__ = ["COMPONENTS", "PIPELINE", "component", "extract", "pipe"]


@dataclass(frozen=True)
class Component:
    name: str
    func: Callable[[State], list]
    requires: tuple[str, ...]
    assigns: str
    returns: tuple[type, ...]


COMPONENTS: dict[str, Component] = {}


def component(name: str, *, requires: Iterable[str] = (), assigns: str, returns: tuple[type, ...]):
    """Register ``func`` as pipeline component ``name`` (``ar.name`` for one language)."""

    def register(func: Callable[[State], list]) -> Callable[[State], list]:
        COMPONENTS[name] = Component(name, func, tuple(requires), assigns, returns)
        return func

    return register


@component("entities", assigns="mentions", returns=(Mention,))
def _entities(state: State) -> list[Mention]:
    gaz = state.gazetteer
    found = entities.find_mentions(state.text, state.folded, gaz, state.language)
    found = entities.without_instrument_names(state.text, found, gaz, state.language)
    if state.language is not None:
        words = lexicon(state.language.code).meeting_triggers.find(
            state.folded, state.text, entities.affixes(state.language)
        )
        found = entities.capitals_as_states(
            state.text, found, gaz, state.language, [(w.start, w.end) for w in words]
        )
    for mention in found:
        state.entities[mention.entity] = gaz.entities[mention.entity]
    if state.language is None:
        return found
    unadjectived = _without_adjectives(state.folded, found)
    titles = lexicon(state.language.code).titles.find(
        unadjectived, state.text, entities.affixes(state.language)
    )
    # A title inside a name is part of the name ("Secretary General of NATO" is not in
    # "NATO Secretary General's Office"), but one that begins before a name may end inside
    # it: "глава МИД России" (head of the Russian Foreign Ministry) is Russia's minister.
    in_names = {i for m in found if m.via == "name" for i in range(m.span.start, m.span.end)}
    state.titles = select_longest(t for t in titles if t.start not in in_names)
    if state.language is not None:
        # "ministre des Affaires étrangères et de la Coopération, X": the title goes on
        state.titles = title_complements.with_complements(
            state.text, state.titles, found, state.language
        )
    found, new_ministries = entities.ministries(
        state.text,
        unadjectived,
        found,
        gaz,
        state.language,
        [(t.start, t.end) for t in state.titles],
    )
    for ministry in new_ministries:
        state.entities[ministry.id] = ministry
    for mention in found:
        if mention.entity not in state.entities:
            state.entities[mention.entity] = gaz.entities[mention.entity]
    places = frozenset(
        m.entity
        for m in found
        if state.entities[m.entity] and state.entities[m.entity].type == "Place"
    )
    persons = entities.persons_after_titles(
        state.text, [(t.start, t.end) for t in state.titles], found, state.language, places
    )
    for person in persons:
        state.entities[person.entity.id] = person.entity
    named = [(p.mention.span.start, p.mention.span.end) for p in persons]
    found = [m for m in found if not any(m.span.start < e and s < m.span.end for s, e in named)]
    found = [*found, *(p.mention for p in persons)]
    kinds = {entity_id: entity.type for entity_id, entity in state.entities.items()}
    found += entities.surname_mentions(
        state.text, state.folded, persons, found, state.language, kinds
    )
    for place, mention in towns.places_after_town_nouns(state.text, found, state.language, kinds):
        # a town the gazetteer knows only in Latin letters ("مدينة سوتشي": Sochi)
        known = state.gazetteer.city_spelled(place.labels[0].text, place.country)
        if known is not None:
            place, mention = known, mention.model_copy(update={"entity": known.id})
        state.entities[place.id] = place
        found.append(mention)
    return found


def _without_adjectives(folded: Folded, mentions: list[Mention]) -> Folded:
    """The text folded with nationality adjectives blanked out, so that an office named
    around one still matches its title: "le ministre russe des Affaires étrangères", "el
    viceministro ruso de Relaciones Exteriores" (offsets still point into ``text``)."""
    adjectives = [(m.span.start, m.span.end) for m in mentions if m.via == "adjective"]
    return folded.masked(adjectives)


@component("dates", assigns="dates", returns=(dates.DateMention,))
def _dates(state: State) -> list[dates.DateMention]:
    if state.language is None:
        return []
    return dates.find_dates(state.text, state.language, state.published)


@component("roles", requires=("mentions",), assigns="events", returns=(Role,))
def _roles(state: State) -> list[Role]:
    return roles.extract_roles(state)


@component("counterparts", requires=("events",), assigns="mentions", returns=(Mention,))
def _counterparts(state: State) -> list[Mention]:
    return roles.counterpart_mentions(state)


@component("meetings", requires=("mentions", "dates"), assigns="events", returns=(Meeting,))
def _meetings(state: State) -> list[Meeting]:
    return meetings.extract_meetings(state)


@component("statements", requires=("mentions", "dates"), assigns="events", returns=(Statement,))
def _statements(state: State) -> list[Statement]:
    return statements.extract_statements(state)


@component("positions", requires=("mentions", "events"), assigns="events", returns=(Position,))
def _positions(state: State) -> list[Position]:
    return positions.extract_positions(state)


PIPELINE: tuple[str, ...] = (
    "entities",
    "dates",
    "roles",
    "counterparts",
    "meetings",
    "statements",
    "positions",
)


def _language(doc: Document) -> Language | None:
    from diplograph.lang.identify import identify

    code = doc.lang or identify(doc.text)
    if code in available_languages():
        return load(code)
    return None


def extract(
    doc: Document, *, pipeline: Iterable[str] = PIPELINE, gazetteer: Gazetteer | None = None
) -> Extraction:
    """Read one document: its entities, meetings, statements, roles and positions.

    ``gazetteer``: the knowledge base to look names up in (by default the project's,
    built once per process); extractors use the one handed here and nothing else."""
    if gazetteer is None:
        # The one place extraction reaches the default knowledge base: a convenience for
        # callers that hand none (ingest hands its own).
        from diplograph.resolve.gazetteer import gazetteer as default_gazetteer

        gazetteer = default_gazetteer()
    language = _language(doc)
    if language and doc.lang != language.code:
        doc = doc.model_copy(update={"lang": language.code})
    if doc.published is None and language is not None:
        published = dates.publication_date(doc.text, language)
        if published:
            doc = doc.model_copy(update={"published": published})
    parts = chunks(doc.text)
    if len(parts) == 1:
        return _extract(doc, language, pipeline, gazetteer)
    # A very long text: read in parts (see extract/chunks.py), then put back together.
    entities: dict[str, Entity] = {}
    mentions: list[Mention] = []
    events: list = []
    for start, end in parts:
        part = doc.model_copy(update={"text": doc.text[start:end]})
        found = _extract(part, language, pipeline, gazetteer)
        entities.update((e.id, e) for e in found.entities)
        mentions += (shifted(m, start) for m in found.mentions)
        events += (shifted(e, start) for e in found.events)
    return Extraction(
        document=doc,
        entities=tuple(sorted(entities.values(), key=lambda e: e.id)),
        mentions=tuple(mentions),
        events=tuple(events),
    )


def _extract(
    doc: Document, language: Language | None, pipeline: Iterable[str], gazetteer: Gazetteer
) -> Extraction:
    state = State.start(doc, language, gazetteer)
    done: set[str] = set()
    for name in pipeline:
        comp = COMPONENTS.get(f"{language.code}.{name}" if language else name) or COMPONENTS[name]
        missing = [r for r in comp.requires if r not in done]
        if missing:
            raise DiplographError(f"component {name!r} needs {missing} to run first")
        result = comp.func(state)
        # (``map`` with ``repeat``: the check runs in C, for each of a document's mentions)
        if not isinstance(result, list) or not all(
            map(isinstance, result, itertools.repeat(comp.returns))
        ):
            raise DiplographError(
                f"component {name!r} returned something other than {comp.returns}"
            )
        if comp.assigns == "mentions":
            state.add_mentions(result)
        elif comp.assigns == "events":
            state.events.extend(result)
        else:
            setattr(state, comp.assigns, result)
        done.add(comp.assigns)
    used = {m.entity for m in state.mentions}
    for event in state.events:
        used.update(entity_refs(event))
    kept: dict[str, Entity] = {k: v for k, v in state.entities.items() if k in used}
    # Sides of a body and the states of places and persons are described too, so that
    # every node the document's graph points to has a type and a label.
    known = state.gazetteer.entities
    for entity in list(kept.values()):
        related = [*entity.parties, f"country/{entity.country}" if entity.country else ""]
        for ref in related:
            if ref in known:
                kept.setdefault(ref, known[ref])
    return Extraction(
        document=doc,
        entities=tuple(sorted(kept.values(), key=lambda e: e.id)),
        mentions=tuple(state.mentions),
        events=tuple(state.events),
    )


def pipe(docs: Iterable[Document]) -> Iterator[Extraction]:
    """Extract documents one by one, in input order."""
    for doc in docs:
        yield extract(doc)
