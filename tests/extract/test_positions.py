"""Positions: stance triggers, their holders and what cancels them (sentences written for
these tests, not taken from any article)."""

from __future__ import annotations

import datetime as dt

import pytest

from diplograph.extract.pipeline import extract
from diplograph.model import Document, Position

DAY = dt.date(2024, 3, 5)


def positions(text: str, lang: str) -> set[tuple[str, str]]:
    found = extract(Document(text=text, lang=lang, published=DAY))
    return {(e.holder, e.stance) for e in found.events if isinstance(e, Position)}


@pytest.mark.parametrize(
    ("lang", "text", "expected", "absent"),
    [
        (
            "en",
            "Dmytro Kuleba met reporters in Kyiv. He urged the European Union to speed up aid.",
            ("person/dmytro-kuleba", "REQUEST"),
            ("organization/european-union", "REQUEST"),
        ),
        (
            "ru",
            "Сергей Лавров провел переговоры в Анкаре. Он призвал Евросоюз к диалогу.",
            ("person/sergey-lavrov", "REQUEST"),
            ("organization/european-union", "REQUEST"),
        ),
        (
            "fr",
            "Dmytro Kouleba était à Bruxelles mardi. Il a demandé à l'Union européenne de nouvelles sanctions.",
            ("person/dmytro-kuleba", "REQUEST"),
            ("organization/european-union", "REQUEST"),
        ),
    ],
)
def test_positions_pronoun_subject(lang, text, expected, absent):
    found = positions(text, lang)
    assert expected in found
    assert absent not in found
