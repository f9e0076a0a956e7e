"""Every language folder loads, validates, and its example sentences extract (STYLE §3)."""

import datetime as dt

import pytest

from diplograph.extract.pipeline import extract
from diplograph.lang import FILES, available_languages, load
from diplograph.model import Document

LANGUAGES = available_languages()
EXAMPLES = [
    pytest.param(code, i, id=f"{code}-{i}")
    for code in LANGUAGES
    for i in range(len(load(code).examples.examples))
]


def test_languages_include_the_six_of_the_corpus():
    assert {"ar", "en", "fr", "ru", "de", "es"} <= set(LANGUAGES)


@pytest.mark.parametrize("code", LANGUAGES)
def test_languages_folder_has_every_file(code):
    folder = load(code)
    for name in FILES:
        assert getattr(folder, name.removesuffix(".yaml")) is not None


def observed(extraction):
    names = {e.id: e.label("en") for e in extraction.entities}
    found = {
        "entities": {names[m.entity] for m in extraction.mentions},
        "meetings": set(),
        "statements": set(),
        "roles": set(),
        "positions": set(),
    }
    for event in extraction.events:
        if event.kind == "meeting":
            place = names[event.place] if event.place else "?"
            found["meetings"].add(f"{event.date} {place}")
        elif event.kind == "statement":
            found["statements"].add(names[event.speaker])
        elif event.kind == "role":
            org = names[event.organization] if event.organization else "?"
            found["roles"].add(f"{names[event.person]} | {event.title} | {org}")
        elif event.kind == "position":
            found["positions"].add(f"{names[event.holder]} {event.stance}")
    return found


@pytest.mark.parametrize(("code", "index"), EXAMPLES)
def test_languages_example_extracts(code, index):
    example = load(code).examples.examples[index]
    published = dt.date.fromisoformat(example.published) if example.published else None
    extraction = extract(Document(text=example.text, lang=code, published=published))
    found = observed(extraction)
    for key, expected in example.expect.items():
        missing = set(expected) - found[key]
        assert not missing, f"{key}: missing {sorted(missing)}; found {sorted(found[key])}"
