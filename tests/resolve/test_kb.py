"""The curated knowledge base in data/kb/: schema, uniqueness and coverage."""

from __future__ import annotations

import collections
import re
from pathlib import Path

import pytest
import yaml
from babel import Locale

from diplograph.errors import KnowledgeBaseError
from diplograph.resolve.kb import LANGS, KBEntry, KnowledgeBase, kb_dir, load_kb

MIN_PERSONS = 750
MIN_ORGANIZATIONS = 150
MIN_PLACES = 40
MIN_SHARE_ALL_LANGUAGES = 0.90

# Actors that appear in the sample articles: English name -> the id it must resolve to.
MUST_INCLUDE = {
    "Alexander Fomin": "alexander-fomin",
    "Alexander Grushko": "alexander-grushko",
    "Sergei Ryabkov": "sergei-ryabkov",
    "Sergey Lavrov": "sergey-lavrov",
    "Maria Zakharova": "maria-zakharova",
    "Dmitry Peskov": "dmitry-peskov",
    "Vladimir Putin": "vladimir-putin",
    "Sergei Shoigu": "sergei-shoigu",
    "Alexander Lukashevich": "alexander-lukashevich",
    "Jens Stoltenberg": "jens-stoltenberg",
    "Wendy Sherman": "wendy-sherman",
    "Antony Blinken": "antony-blinken",
    "Ned Price": "ned-price",
    "Joe Biden": "joe-biden",
    "Michael Carpenter": "michael-carpenter",
    "Julianne Smith": "julianne-smith",
    "Zbigniew Rau": "zbigniew-rau",
    "Helga Schmid": "helga-schmid",
    "Josep Borrell": "josep-borrell",
    "Ursula von der Leyen": "ursula-von-der-leyen",
    "Charles Michel": "charles-michel",
    "António Guterres": "antonio-guterres",
    "Wang Yi": "wang-yi",
    "Ali Shamkhani": "ali-shamkhani",
    "Musaed Al-Aiban": "musaed-al-aiban",
    "Faisal bin Farhan": "faisal-bin-farhan",
    "Hossein Amir-Abdollahian": "hossein-amir-abdollahian",
    "Volodymyr Zelenskyy": "volodymyr-zelenskyy",
    "Dmytro Kuleba": "dmytro-kuleba",
    "Ahmed Aboul Gheit": "ahmed-aboul-gheit",
}

MUST_INCLUDE_ORGANIZATIONS = {
    "United Nations": "united-nations",
    "UN Security Council": "un-security-council",
    "UN General Assembly": "un-general-assembly",
    "NATO": "nato",
    "NATO-Russia Council": "nato-russia-council",
    "European Union": "european-union",
    "European Commission": "european-commission",
    "European Council": "european-council",
    "Council of the European Union": "council-of-the-eu",
    "European Parliament": "european-parliament",
    "OSCE": "osce",
    "OSCE Permanent Council": "osce-permanent-council",
    "Arab League": "arab-league",
    "Gulf Cooperation Council": "gcc",
    "African Union": "african-union",
    "ASEAN": "asean",
    "SCO": "sco",
    "BRICS": "brics",
    "G7": "g7",
    "G20": "g20",
    "IAEA": "iaea",
    "OPEC": "opec",
    "World Health Organization": "who",
    "International Criminal Court": "icc",
    "International Court of Justice": "icj",
    "CSTO": "csto",
    "Council of Europe": "council-of-europe",
    "Organisation of Islamic Cooperation": "oic",
    "Russian Ministry of Defence": "russian-ministry-of-defence",
    "Russian Foreign Ministry": "russian-ministry-of-foreign-affairs",
    "State Department": "us-state-department",
    "Pentagon": "pentagon",
    "TASS": "tass",
    "RIA Novosti": "ria-novosti",
    "Sputnik": "sputnik",
    "Reuters": "reuters",
    "AFP": "afp",
    "Associated Press": "associated-press",
}

# Case-folded aliases that two entries may share on purpose: alias -> the ids sharing it.
# Empty today: every surname or acronym that two actors share is left out instead.
KNOWN_AMBIGUITIES: dict[str, set[str]] = {}

GENERIC_TITLES = {
    "Foreign Minister",
    "Deputy Foreign Minister",
    "Defence Minister",
    "Deputy Defence Minister",
    "Deputy Minister of Defence",
    "Prime Minister",
    "President",
    "Foreign Ministry Spokesperson",
    "Ambassador",
    "Secretary General",
}

ISO_CODES = {code for code in Locale("en").territories if re.fullmatch(r"[A-Z]{2}", code)}

ARABIC = re.compile(r"[\u0600-\u06FF]")
CYRILLIC = re.compile(r"[А-Яа-яЁё]")
LATIN = re.compile(r"[A-Za-z]")


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


def load_places() -> tuple[KBEntry, ...]:
    """``places.yaml``: regions and territories, validated with the same schema."""
    raw = yaml.safe_load((kb_dir() / "places.yaml").read_text(encoding="utf-8"))
    return tuple(KBEntry.model_validate(item) for item in raw or ())


@pytest.fixture(scope="module")
def places() -> tuple[KBEntry, ...]:
    return load_places()


def entries(kb: KnowledgeBase) -> list[KBEntry]:
    """Persons, organizations and places: ids, Wikidata ids and aliases are unique across them."""
    return [*kb.persons, *kb.organizations, *load_places()]


def aliases(entry: KBEntry) -> set[str]:
    return {form.casefold() for forms in entry.names.values() for form in forms}


def by_english_name(items) -> dict[str, KBEntry]:
    return {form.casefold(): e for e in items for form in e.names.get("en", ())}


# ------------------------------------------------------------------ size and schema


def test_kb_loads_and_is_large_enough(kb):
    assert len(kb.persons) >= MIN_PERSONS
    assert len(kb.organizations) >= MIN_ORGANIZATIONS
    assert len(load_places()) >= MIN_PLACES


def test_places_have_all_six_languages(places):
    incomplete = [e.id for e in places if any(not e.names.get(lang) for lang in LANGS)]
    assert not incomplete


def test_places_are_not_actors(places):
    assert not any(e.media or e.parties for e in places)


def test_places_states(places):
    by_id = {e.id: e for e in places}
    assert by_id["crimea"].country == "UA"  # UN General Assembly resolution 68/262
    assert by_id["donbas"].country == "UA"
    assert by_id["transnistria"].country == "MD"
    assert by_id["abkhazia"].country == "GE"
    assert by_id["gaza-strip"].country == "PS"
    assert by_id["kashmir"].country is None
    assert by_id["middle-east"].country is None
    disputed = {"crimea", "donetsk-oblast", "luhansk-oblast", "abkhazia", "south-ossetia"}
    assert all(by_id[i].note for i in disputed)


def test_places_do_not_repeat_geonames_city_names(places):
    """ "Gaza" and "Donetsk" are GeoNames cities: a place lists the region's own name only."""
    forms = {form.casefold() for e in places for forms in e.names.values() for form in forms}
    assert not forms & {"gaza", "donetsk", "luhansk", "kherson", "zaporizhzhia", "غزة"}


def test_ids_are_unique(kb):
    ids = [e.id for e in entries(kb)]
    duplicates = [i for i, n in collections.Counter(ids).items() if n > 1]
    assert not duplicates


def test_wikidata_ids_are_unique_across_entries_and_countries(kb):
    qids = [e.wikidata for e in entries(kb) if e.wikidata] + list(kb.country_ids.values())
    duplicates = [q for q, n in collections.Counter(qids).items() if n > 1]
    assert not duplicates


def test_every_entry_has_english_and_arabic(kb):
    missing = [e.id for e in entries(kb) if not e.names.get("en") or not e.names.get("ar")]
    assert not missing


def test_most_entries_have_all_six_languages(kb):
    items = entries(kb)
    complete = [e for e in items if all(e.names.get(lang) for lang in LANGS)]
    assert len(complete) / len(items) >= MIN_SHARE_ALL_LANGUAGES


def test_no_name_is_listed_twice_in_one_language(kb):
    """Case variants ("al-Jubeir", "Al-Jubeir") are kept on purpose; exact repeats are not."""
    repeated = [
        (e.id, lang)
        for e in entries(kb)
        for lang, forms in e.names.items()
        if len(set(forms)) != len(forms)
    ]
    assert not repeated


def test_countries_are_iso_codes(kb):
    bad = [(e.id, e.country) for e in entries(kb) if e.country and e.country not in ISO_CODES]
    assert not bad


# ------------------------------------------------------------------ references


def test_parties_resolve(kb):
    org_ids = {e.id for e in kb.organizations}
    unresolved = []
    for e in entries(kb):
        for ref in e.parties:
            kind, _, target = ref.partition("/")
            if kind == "organization" and target in org_ids:
                continue
            if kind == "country" and target in ISO_CODES:
                continue
            unresolved.append((e.id, ref))
    assert not unresolved


def test_nato_russia_council_parties(kb):
    council = {e.id: e for e in kb.organizations}["nato-russia-council"]
    assert set(council.parties) == {"country/RU", "organization/nato"}


# ------------------------------------------------------------------ coverage


@pytest.mark.parametrize(("name", "entry_id"), sorted(MUST_INCLUDE.items()))
def test_must_include_person(kb, name, entry_id):
    found = by_english_name(kb.persons).get(name.casefold())
    assert found is not None, f"{name} is missing"
    assert found.id == entry_id


@pytest.mark.parametrize(("name", "entry_id"), sorted(MUST_INCLUDE_ORGANIZATIONS.items()))
def test_must_include_organization(kb, name, entry_id):
    found = by_english_name(kb.organizations).get(name.casefold())
    assert found is not None, f"{name} is missing"
    assert found.id == entry_id


def test_ministries_and_agencies_belong_to_their_state(kb):
    orgs = {e.id: e for e in kb.organizations}
    assert orgs["russian-ministry-of-defence"].country == "RU"
    assert orgs["presidential-administration-of-russia"].country == "RU"
    assert orgs["tass"].country == "RU"
    assert orgs["pentagon"].country == "US"
    assert orgs["us-state-department"].country == "US"
    assert orgs["nato"].country is None
    assert orgs["normandy-format"].parties
    assert set(orgs["trilateral-contact-group"].parties) == {
        "country/RU",
        "country/UA",
        "organization/osce",
    }


# Ministries whose Wikipedia title is their official name, not "Ministry of ... (Country)".
MINISTRY_OFFICIAL_TITLES = {
    "United States Department of State",
    "United States Department of Defense",
    "Foreign, Commonwealth and Development Office",
    "Federal Foreign Office",
    "Ministry for Europe and Foreign Affairs",
    "Ministry of Foreign Affairs of the People's Republic of China",
    "Ministry of National Defense of the People's Republic of China",
    "Global Affairs Canada",
    "Department of International Relations and Cooperation",
    "Ministry of Foreign Affairs, International Trade and Worship",
    "Ministry of Defence and Armed Forces Logistics",
}
MINISTRY_ID = re.compile(r"ministry|department|foreign-office|dfat|dirco|secretariat")
WIKIPEDIA_MINISTRY_TITLE = re.compile(
    r"^(Federal )?(Ministry|Department|Secretariat) (of|for) (the )?[A-Z][^()]* \([A-Z][^()]*\)$"
)


def test_ministries_are_named_by_their_wikipedia_title(kb):
    ministries = [e for e in kb.organizations if MINISTRY_ID.search(e.id)]
    assert len(ministries) >= 50
    bad = [
        (e.id, e.names["en"][0])
        for e in ministries
        if e.names["en"][0] not in MINISTRY_OFFICIAL_TITLES
        and not WIKIPEDIA_MINISTRY_TITLE.match(e.names["en"][0])
    ]
    assert not bad


NEWS_MEDIA = {
    "tass",
    "ria-novosti",
    "sputnik",
    "interfax",
    "reuters",
    "afp",
    "associated-press",
    "xinhua",
    "irna",
    "anadolu-agency",
    "saudi-press-agency",
    "emirates-news-agency",
    "kuna",
    "ukrinform",
    "dpa",
    "efe",
    "al-jazeera",
    # state news agencies
    "sana",
    "qatar-news-agency",
    "middle-east-news-agency",
    "bahrain-news-agency",
    "oman-news-agency",
    "petra-news-agency",
    "iraqi-news-agency",
    "national-news-agency-lebanon",
    "algerie-presse-service",
    "maghreb-arabe-presse",
    "tunis-afrique-presse",
    "sudan-news-agency",
    "libya-news-agency",
    "wafa",
    "saba-news-agency",
    "fars-news-agency",
    "tasnim-news-agency",
    # broadcasters and papers
    "press-tv",
    "trt",
    "rt",
    "russia-1",
    "russia-24",
    "china-media-group",
    "global-times",
    "zdf",
    "ard",
    "bbc",
    "cnn",
    "al-arabiya",
    "al-ekhbariya",
}


def test_news_media_are_flagged_and_only_they_are(kb):
    assert {e.id for e in entries(kb) if e.media} == NEWS_MEDIA


# ------------------------------------------------------------------ aliases


def test_no_alias_is_shared_by_two_entries(kb):
    owners: dict[str, set[str]] = collections.defaultdict(set)
    for e in entries(kb):
        for alias in aliases(e):
            owners[alias].add(e.id)
    shared = {
        alias: ids
        for alias, ids in owners.items()
        if len(ids) > 1 and KNOWN_AMBIGUITIES.get(alias) != ids
    }
    assert not shared


def wrong_script(lang: str, form: str) -> bool:
    if lang == "ar":
        return not ARABIC.search(form) or bool(LATIN.search(form))
    if lang == "ru":
        return bool(ARABIC.search(form))
    return bool(ARABIC.search(form) or CYRILLIC.search(form))


def test_names_are_in_the_script_of_their_language(kb):
    bad = [
        (e.id, lang, form)
        for e in entries(kb)
        for lang, forms in e.names.items()
        for form in forms
        if wrong_script(lang, form)
    ]
    assert not bad


def test_arabic_names_have_no_leading_article(kb):
    """The matcher strips و ف ب ل ال itself; a listed form must not start with ال."""
    bad = [
        (e.id, form) for e in entries(kb) for form in e.names.get("ar", ()) if form.startswith("ال")
    ]
    assert not bad


def test_persons_have_russian_names_in_cyrillic(kb):
    bad = [e.id for e in kb.persons if e.names.get("ru") and not CYRILLIC.search(e.names["ru"][0])]
    assert not bad


# ------------------------------------------------------------------ countries and offices


def test_country_ids(kb):
    assert kb.country_ids["RU"] == "Q159"
    assert kb.country_ids["US"] == "Q30"
    assert kb.country_ids["UA"] == "Q212"
    assert all(code in ISO_CODES for code in kb.country_ids)
    assert all(re.fullmatch(r"Q[1-9][0-9]*", qid) for qid in kb.country_ids.values())


def test_offices(kb):
    assert kb.title_for("Foreign Minister", "US") == "Secretary of State"
    assert kb.title_for("Deputy Foreign Minister", "US") == "Deputy Secretary of State"
    assert kb.title_for("Defence Minister", "GB") == "Defence Secretary"
    assert kb.title_for("Deputy Foreign Minister", "RU") == "Deputy Foreign Minister"
    assert kb.title_for("Foreign Minister", None) == "Foreign Minister"
    for code, titles in kb.offices.country_titles.items():
        assert code in ISO_CODES
        assert set(titles) <= GENERIC_TITLES


# ------------------------------------------------------------------ load_kb rejects bad folders


def write_kb(folder: Path, persons, organizations=(), country_ids=None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    dump = lambda data: yaml.safe_dump(data, allow_unicode=True)  # noqa: E731
    (folder / "persons.yaml").write_text(dump(list(persons)), encoding="utf-8")
    (folder / "organizations.yaml").write_text(dump(list(organizations)), encoding="utf-8")
    (folder / "country_ids.yaml").write_text(dump(country_ids or {}), encoding="utf-8")
    (folder / "offices.yaml").write_text(dump({"country_titles": {}}), encoding="utf-8")
    return folder


def person(entry_id: str, name: str, qid: str | None = None) -> dict:
    return {"id": entry_id, "wikidata": qid, "names": {"en": [name], "ar": ["اسم"]}}


def test_a_valid_small_folder_loads(tmp_path):
    kb = load_kb(write_kb(tmp_path / "ok", [person("a-one", "A One", "Q11111111")]))
    assert [e.id for e in kb.persons] == ["a-one"]


def test_shared_wikidata_id_is_rejected_naming_both(tmp_path):
    folder = write_kb(
        tmp_path / "shared",
        [person("first-person", "First Person", "Q99999991")],
        [person("second-org", "Second Org", "Q99999991")],
    )
    with pytest.raises(KnowledgeBaseError) as err:
        load_kb(folder)
    assert "first-person" in str(err.value)
    assert "second-org" in str(err.value)
    assert "Q99999991" in str(err.value)


def test_country_sharing_an_entry_wikidata_id_is_rejected(tmp_path):
    folder = write_kb(
        tmp_path / "country",
        [person("some-person", "Some Person", "Q99999992")],
        country_ids={"RU": "Q99999992"},
    )
    with pytest.raises(KnowledgeBaseError, match="some-person"):
        load_kb(folder)


def test_duplicate_id_is_rejected(tmp_path):
    folder = write_kb(tmp_path / "dup", [person("same", "A"), person("same", "B")])
    with pytest.raises(KnowledgeBaseError, match="same"):
        load_kb(folder)


def test_unknown_field_is_rejected(tmp_path):
    bad = person("x", "X") | {"birthday": "1950-01-01"}
    with pytest.raises(KnowledgeBaseError, match=r"persons\.yaml"):
        load_kb(write_kb(tmp_path / "extra", [bad]))


@pytest.mark.parametrize(
    ("code", "label"),
    [
        ("CD", "Democratic Republic of the Congo"),
        ("CG", "Republic of the Congo"),
        ("VC", "Saint Vincent and the Grenadines"),
        ("BA", "Bosnia and Herzegovina"),
        ("MM", "Myanmar"),
        ("HK", "Hong Kong"),
        ("RU", "Russia"),
    ],
)
def test_kb_country_labels_are_the_press_names_not_cldr_menu_forms(code, label):
    from diplograph.resolve.gazetteer import gazetteer

    assert gazetteer().entities[f"country/{code}"].label("en") == label
