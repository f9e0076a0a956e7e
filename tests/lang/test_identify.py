"""Language identification from the data in ``lang/<code>/orthography.yaml``."""

from __future__ import annotations

import pytest

from diplograph.lang import available_languages, load
from diplograph.lang.identify import identify, script_of

SENTENCES = [
    ("ar", "أكد المتحدث باسم وزارة الخارجية أن الوفد سيعود إلى العاصمة بعد انتهاء جولة المفاوضات."),
    ("ar", "وقالت الوزيرة في مؤتمر صحفي إن بلادها لن تقبل أي شروط مسبقة."),
    ("en", "The minister told reporters that his country was ready to resume talks."),
    ("en", "Officials said the meeting had been postponed because of the weather."),
    ("fr", "Le porte-parole a indiqué que la délégation rentrerait après les négociations."),
    ("fr", "Selon le ministère, les deux pays ont signé un accord de coopération."),
    ("ru", "Официальный представитель МИД сообщила, что делегация вернется в столицу."),
    ("ru", "Министр подчеркнул, что стороны договорились продолжить консультации."),
    ("de", "Der Sprecher sagte, die Delegation werde nach den Verhandlungen zurückkehren."),
    ("de", "Nach Angaben des Ministeriums haben beide Länder ein Abkommen unterzeichnet."),
    ("es", "El portavoz afirmó que la delegación regresará a la capital tras las negociaciones."),
    ("es", "Según el ministerio, los dos países firmaron un acuerdo de cooperación."),
]


@pytest.mark.parametrize(("code", "text"), SENTENCES)
def test_identify_sentence(code: str, text: str) -> None:
    assert identify(text) == code


@pytest.mark.parametrize(
    ("code", "text"),
    [
        (code, example.text)
        for code in available_languages()
        for example in load(code).examples.examples
    ],
)
def test_identify_language_examples(code: str, text: str) -> None:
    assert identify(text) == code


@pytest.mark.parametrize(
    "text", ["", "   ", "2022-01-12 10:45", "12/01/2022 — 3,5 %", "«» ... !!!"]
)
def test_identify_no_letters(text: str) -> None:
    assert identify(text) is None


def test_identify_arabic_with_latin_acronyms() -> None:
    text = (
        "قال الأمين العام لحلف NATO إن اجتماع مجلس روسيا والناتو في مقر الحلف ببروكسل "
        "كان صعبا، مضيفا أن الحلف يتابع تقارير CNN وBBC بشأن التحركات العسكرية قرب الحدود."
    )
    assert identify(text) == "ar"


def test_identify_harakat_and_tatweel() -> None:
    assert identify("قَالَ الوَزِيرُ إِنَّ المُحَادَثَاتِ كَانَتْ مُفِيـــدَةً") == "ar"


def test_identify_reads_only_the_beginning() -> None:
    english = "The minister said that the talks were useful and that they would go on. " * 40
    assert (
        identify(english + "Der Minister sagte, die Gespräche seien nützlich gewesen. " * 200)
        == "en"
    )


def test_identify_unknown_script() -> None:
    assert identify("外交部发言人表示会谈富有成果") is None


@pytest.mark.parametrize(
    ("char", "script"),
    [
        ("a", "Latin"),
        ("ß", "Latin"),
        ("ё", "Cyrillic"),
        ("ة", "Arabic"),
        ("ی", "Arabic"),
        ("1", None),
        ("\u064e", None),
    ],
)
def test_identify_script_of(char: str, script: str | None) -> None:
    assert script_of(char) == script


def test_identify_every_language_declares_common_words() -> None:
    for code in available_languages():
        assert len(load(code).orthography.common_words) >= 30, code
