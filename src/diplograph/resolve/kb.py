"""The curated knowledge base in ``data/kb/``: actors with names in many languages.

Files, each validated by a schema with ``extra="forbid"``:

- ``persons.yaml`` and ``organizations.yaml``: lists of :class:`KBEntry`;
- ``country_ids.yaml``: ISO 3166 code -> Wikidata item, for the countries whose
  item is certain (names of countries come from Babel, not from here);
- ``offices.yaml``: per-country names of offices (the United States'
  "Foreign Minister" is its "Secretary of State").
"""

from __future__ import annotations

import functools
import os
from importlib import resources
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from diplograph.errors import KnowledgeBaseError
from diplograph.yamlfile import read_yaml

__all__ = ["KBEntry", "KnowledgeBase", "kb_dir", "load_kb", "resource_dir"]

LANGS = ("en", "ar", "fr", "ru", "de", "es")


class KBEntry(BaseModel):
    """One actor: a person or an organization."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    wikidata: str | None = Field(default=None, pattern=r"^Q[1-9][0-9]*$")
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    """The state a person serves, or an organization belongs to (none for NATO)."""
    names: dict[Literal["en", "ar", "fr", "ru", "de", "es"], tuple[str, ...]]
    """Per language: the full name first, then other forms used alone (a surname)."""
    parties: tuple[str, ...] = ()
    """For a body between sides (the NATO–Russia Council): entity ids of the sides."""
    kind: Literal["foreign-ministry", "defence-ministry"] | None = None
    """For a state's ministry: which one, so that "the Iranian Foreign Ministry" and
    "الخارجية الإيرانية" find it through its state."""
    media: bool = False
    """A news agency or outlet: it relays what others say ("told TASS") but is
    never a participant, speaker or position holder itself."""
    government_seat: bool = False
    """For a place: a building whose name stands for its state's government when it acts
    ("the Kremlin said" is Russia speaking)."""
    city: int | None = Field(default=None, gt=0)
    """For a building or venue: the GeoNames id of its city, where a meeting held in it is."""
    seat: int | None = Field(default=None, gt=0)
    """The GeoNames id of a city whose name news uses for this body when it acts
    ("Brussels demands" is the EU): the city stands for the body, not for its state."""
    note: str | None = None
    """For curators: why the entry is here (an office and its years)."""

    @field_validator("names")
    @classmethod
    def _has_english(cls, names: dict) -> dict:
        if not names.get("en"):
            raise ValueError("every entry needs at least one English name")
        for lang, forms in names.items():
            if any(not form.strip() for form in forms):
                raise ValueError(f"empty name in {lang}")
        return names


class Offices(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    country_titles: dict[str, dict[str, str]] = {}
    """ISO code -> {generic English title -> that country's own name for it}."""
    state_offices: tuple[str, ...] = ()
    """Generic titles that are always offices of a state (a foreign minister serves a
    state; a secretary general or a spokesperson may serve any body): when the text names
    no state, the one the knowledge base gives the person is theirs."""

    def title_for(self, title: str, country: str | None) -> str:
        """The name of office ``title`` in ``country`` (its own name where it has one)."""
        return self.country_titles.get(country or "", {}).get(title, title)


class KnowledgeBase(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    persons: tuple[KBEntry, ...]
    organizations: tuple[KBEntry, ...]
    places: tuple[KBEntry, ...] = ()
    """Regions and territories that GeoNames cities and CLDR countries leave out."""
    country_ids: dict[str, str]
    offices: Offices

    def title_for(self, title: str, country: str | None) -> str:
        """The name of office ``title`` in ``country``.

        >>> load_kb().title_for("Deputy Foreign Minister", "US")
        'Deputy Secretary of State'
        >>> load_kb().title_for("Deputy Foreign Minister", "RU")
        'Deputy Foreign Minister'
        """
        return self.offices.title_for(title, country)


def resource_dir(name: str) -> Path:
    """A folder shipped with diplograph: ``ontology`` or ``kb``.

    An installed wheel carries them in ``diplograph/_resources``; a source
    checkout has them at the top of the repository.
    """
    packaged = Path(str(resources.files("diplograph"))) / "_resources" / name
    if packaged.is_dir():
        return packaged
    top = Path(__file__).resolve().parents[3]
    return top / ("data/kb" if name == "kb" else name)


def kb_dir() -> Path:
    return Path(os.environ.get("DIPLOGRAPH_KB", resource_dir("kb")))


def _read_yaml(path: Path):
    try:
        return read_yaml(path)
    except FileNotFoundError as err:
        raise KnowledgeBaseError(path, "file is missing") from err
    except (OSError, yaml.YAMLError) as err:
        raise KnowledgeBaseError(path, str(err)) from err


@functools.cache
def load_kb(folder: Path | None = None) -> KnowledgeBase:
    """Load and validate the knowledge base (once per process and folder)."""
    folder = folder or kb_dir()
    parts: dict = {}
    for name in ("persons", "organizations", "places", "country_ids", "offices"):
        path = folder / f"{name}.yaml"
        if name == "places" and not path.exists():
            continue
        raw = _read_yaml(path)
        try:
            if name in ("persons", "organizations", "places"):
                parts[name] = tuple(KBEntry.model_validate(item) for item in raw or ())
            elif name == "offices":
                parts[name] = Offices.model_validate(raw or {})
            else:
                parts[name] = dict(raw or {})
        except ValidationError as err:
            raise KnowledgeBaseError(path, str(err)) from err
    try:
        kb = KnowledgeBase(**parts)
    except ValidationError as err:
        raise KnowledgeBaseError(folder, str(err)) from err
    _check_unique(kb, folder)
    return kb


def _check_unique(kb: KnowledgeBase, folder: Path) -> None:
    seen_ids: dict[str, str] = {}
    seen_qids: dict[str, str] = {}
    for entry in (*kb.persons, *kb.organizations, *kb.places):
        if entry.id in seen_ids:
            raise KnowledgeBaseError(folder, f"id {entry.id!r} is used twice")
        seen_ids[entry.id] = entry.id
        if entry.wikidata:
            if entry.wikidata in seen_qids:
                raise KnowledgeBaseError(
                    folder,
                    f"{entry.id!r} and {seen_qids[entry.wikidata]!r} share {entry.wikidata}",
                )
            seen_qids[entry.wikidata] = entry.id
    for code, qid in kb.country_ids.items():
        if qid in seen_qids:
            raise KnowledgeBaseError(folder, f"country {code} and {seen_qids[qid]!r} share {qid}")
        seen_qids[qid] = f"country {code}"
