"""Speakers of reporting verbs, on sentences written for these tests (not corpus text)."""

from __future__ import annotations

import datetime as dt

import pytest

from diplograph.extract.pipeline import extract
from diplograph.model import Document, Statement

PUBLISHED = dt.date(2022, 3, 2)


def speakers(text: str, lang: str) -> set[str]:
    result = extract(Document(text=text, lang=lang, published=PUBLISHED))
    return {e.speaker for e in result.events if isinstance(e, Statement)}


@pytest.mark.parametrize(
    ("lang", "text", "speaker"),
    [
        (
            "en",
            "The ceasefire must hold, said Ukraine’s Foreign Minister Dmytro Kuleba on Tuesday.",
            "person/dmytro-kuleba",
        ),
        (
            "en",
            "No agreement was reached, said Russia's Deputy Foreign Minister Sergei Ryabkov.",
            "person/sergei-ryabkov",
        ),
    ],
)
def test_statements_apostrophe_is_no_clause_break(lang: str, text: str, speaker: str) -> None:
    found = speakers(text, lang)
    assert speaker in found
    assert not any(s.startswith("country/") for s in found)


@pytest.mark.parametrize(
    ("lang", "text", "speaker"),
    [
        (
            "en",
            "Polish Foreign Minister Zbigniew Rau, who chairs the OSCE this year, "
            "told the council that the talks were useful.",
            "person/zbigniew-rau",
        ),
        (
            "es",
            "El canciller ruso Serguéi Lavrov, quien viajó el lunes a Ginebra, "
            "reafirmó la posición de su gobierno.",
            "person/sergey-lavrov",
        ),
    ],
)
def test_statements_subject_before_apposition(lang: str, text: str, speaker: str) -> None:
    assert speaker in speakers(text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "absent"),
    [
        (
            "fr",
            "Les discussions à Berlin avec la Russie ont été difficiles, a ajouté le responsable.",
            "country/RU",
        ),
        ("en", "The talks with Russia went on for hours, the official said.", "country/RU"),
    ],
)
def test_statements_words_first_speaker_never_inside_the_words(
    lang: str, text: str, absent: str
) -> None:
    assert absent not in speakers(text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "speaker", "absent"),
    [
        (
            "en",
            "US Deputy Secretary of State Wendy Sherman met Russian diplomats in Geneva. "
            "The talks were frank, the American head of the delegation stressed.",
            "person/wendy-sherman",
            "country/US",
        ),
    ],
)
def test_statements_titled_state_is_its_officer(
    lang: str, text: str, speaker: str, absent: str
) -> None:
    found = speakers(text, lang)
    assert speaker in found
    assert absent not in found


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Sergey Lavrov and Antony Blinken said on Friday that the talks would continue.",
            {"person/sergey-lavrov", "person/antony-blinken"},
        ),
        (
            "ru",
            "Об итогах встречи рассказали Сергей Лавров и Энтони Блинкен.",
            {"person/sergey-lavrov", "person/antony-blinken"},
        ),
    ],
)
def test_statements_coordinated_speakers(lang: str, text: str, expected: set[str]) -> None:
    assert expected <= speakers(text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "speaker"),
    [
        (
            "es",
            "Josep Borrell reiteró el apoyo de la Unión Europea a Ucrania.",
            "person/josep-borrell",
        ),
        ("fr", "Emmanuel Macron a réaffirmé son soutien à l'Ukraine.", "person/emmanuel-macron"),
        ("de", "Olaf Scholz bekräftigte die Unterstützung für die Ukraine.", "person/olaf-scholz"),
        (
            "en",
            "Jens Stoltenberg reaffirmed the alliance's support for Ukraine.",
            "person/jens-stoltenberg",
        ),
    ],
)
def test_statements_common_reporting_verbs(lang: str, text: str, speaker: str) -> None:
    assert speaker in speakers(text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "speaker"),
    [
        (
            "ar",
            "الأمين العام لحلف شمال الأطلسي ينس ستولتنبرغ، أعلن في مؤتمر صحفي عقده بعد "
            "اجتماع مجلس روسيا-الناتو أن الحلف مستعد للحوار.",
            "person/jens-stoltenberg",
        ),
        (
            "es",
            "La subsecretaria Wendy Sherman, quien se reunió el domingo con el viceministro "
            "ruso Serguéi Riabkov, reafirmó la posición de su gobierno.",
            "person/wendy-sherman",
        ),
    ],
)
def test_statements_person_right_before_the_verb_is_the_subject(lang, text, speaker):
    extraction = extract(Document(text=text, lang=lang, published=dt.date(2022, 1, 12)))
    speakers = {e.speaker for e in extraction.events if e.kind == "statement"}
    assert speakers == {speaker}
