"""Roles: titles before or after names, counterparts, titles that end inside a ministry name."""

import datetime as dt

import pytest

from diplograph.extract.pipeline import extract
from diplograph.model import Document


def roles(text: str, lang: str) -> set[tuple[str, str, str | None]]:
    extraction = extract(Document(text=text, lang=lang, published=dt.date(2023, 3, 1)))
    names = {e.id: e.label("en") for e in extraction.entities}
    return {
        (names[r.person], r.title, names.get(r.organization))
        for r in extraction.events
        if r.kind == "role"
    }


@pytest.mark.parametrize(
    ("lang", "text", "person", "title", "of"),
    [
        (
            "en",
            "Pakistan Foreign Minister Bilawal Bhutto-Zardari held talks with his Russian "
            "counterpart Sergey Lavrov on Thursday.",
            "Sergey Lavrov",
            "Foreign Minister",
            "Russia",
        ),
        # The US name of the office is translated back: Wang Yi is not a "Secretary of State".
        (
            "en",
            "Secretary of State Antony Blinken spoke with his Chinese counterpart Wang Yi.",
            "Wang Yi",
            "Foreign Minister",
            "China",
        ),
        (
            "fr",
            "Le ministre français des Affaires étrangères Jean-Yves Le Drian a reçu son "
            "homologue russe Sergueï Lavrov.",
            "Sergey Lavrov",
            "Foreign Minister",
            "Russia",
        ),
        (
            "ar",
            "التقى وزير الخارجية السعودي فيصل بن فرحان نظيره الإيراني حسين أمير عبد اللهيان.",
            "Hossein Amir-Abdollahian",
            "Foreign Minister",
            "Iran",
        ),
        (
            "de",
            "Außenministerin Annalena Baerbock traf ihren russischen Amtskollegen Sergej Lawrow.",
            "Sergey Lavrov",
            "Foreign Minister",
            "Russia",
        ),
        (
            "ru",
            "Глава МИД России Сергей Лавров провел переговоры с турецким коллегой Мевлютом "
            "Чавушоглу.",
            "Mevlüt Çavuşoğlu",
            "Foreign Minister",
            "Türkiye",
        ),
        (
            "es",
            "El canciller mexicano Marcelo Ebrard se reunió con su homólogo estadounidense, "
            "Antony Blinken.",
            "Antony Blinken",
            "Secretary of State",
            "United States",
        ),
    ],
)
def test_a_counterpart_holds_the_same_office_in_their_state(lang, text, person, title, of):
    assert (person, title, of) in roles(text, lang)


def test_a_counterpart_needs_a_state_beside_the_word():
    found = roles(
        "Foreign Minister Sergey Lavrov said his counterpart Antony Blinken was wrong.", "en"
    )
    assert not any(person == "Antony Blinken" for person, _, _ in found)


def test_a_title_may_end_inside_the_ministry_it_heads():
    found = roles("Глава МИД России Сергей Лавров заявил об этом в пятницу.", "ru")
    assert ("Sergey Lavrov", "Foreign Minister", "Russia") in found
