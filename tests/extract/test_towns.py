"""Places the gazetteer does not know, named after a town noun."""

import datetime as dt

import pytest

from diplograph.extract.entities.towns import TOWN_PREFIX
from diplograph.extract.pipeline import extract
from diplograph.model import Document, Meeting


def read(text: str, lang: str):
    return extract(Document(text=text, lang=lang, published=dt.date(2024, 6, 16)))


@pytest.mark.parametrize(
    ("lang", "text", "town", "country"),
    [
        (
            "en",
            "Leaders met in the Swiss resort of Bürgenstock on Saturday with Ukraine.",
            "Bürgenstock",
            "CH",
        ),
        ("ru", "Лавров и Блинкен встретились в городе Усть-Луга в пятницу.", "Усть-Луга", None),
    ],
)
def test_a_town_noun_names_an_unknown_place_where_a_meeting_is(lang, text, town, country):
    extraction = read(text, lang)
    places = {e.id: e for e in extraction.entities if e.id.startswith(TOWN_PREFIX)}
    mentioned = {m.span.quote: m.entity for m in extraction.mentions if m.entity in places}
    assert town in mentioned
    assert places[mentioned[town]].country == country
    meetings = [e for e in extraction.events if isinstance(e, Meeting)]
    assert {m.place for m in meetings} == {mentioned[town]}


def test_no_unknown_place_in_a_script_without_capitals():
    extraction = read("التقى الوزيران في مدينة ساحلية يوم الأحد.", "ar")
    assert not [e for e in extraction.entities if e.id.startswith(TOWN_PREFIX)]


def test_a_known_city_after_a_town_noun_stays_itself():
    extraction = read("The meeting took place in the city of London.", "en")
    assert not [e for e in extraction.entities if e.id.startswith(TOWN_PREFIX)]


def test_a_lowercase_word_after_a_town_noun_is_no_place():
    extraction = read("Talks were held in the port of the capital on Monday.", "en")
    assert not [e for e in extraction.entities if e.id.startswith(TOWN_PREFIX)]


def test_the_state_may_follow_the_town():
    extraction = read(
        "Le sommet s'est tenu dans la station balnéaire de Deauville, en France, le 26 mai.", "fr"
    )
    towns = [e for e in extraction.entities if e.id.startswith(TOWN_PREFIX)]
    assert [(e.label(), e.country) for e in towns] == [("Deauville", "FR")]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # GeoNames knows these only in Latin letters: their Arabic spelling finds them
        ("وصل الرئيس التركي إلى مدينة سوتشي الروسية أمس للقاء نظيره.", "place/491422"),
        ("وعقد الاجتماع في مدينة كراسنودار يوم الأحد.", "place/542420"),
    ],
)
def test_a_town_known_only_in_latin_letters_is_found_by_its_spelling(text, place):
    extraction = read(text, "ar")
    assert place in {e.id for e in extraction.entities}
    assert not any(e.id.startswith(TOWN_PREFIX) for e in extraction.entities)


def test_a_spelling_several_towns_share_names_none_of_them():
    # Zushi and Choshi, both in Japan, spell alike once vowels are classes: a new place
    extraction = read("وعقد الاجتماع في مدينة زوشي اليابانية.", "ar")
    assert any(e.id.startswith(TOWN_PREFIX) for e in extraction.entities)
