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
            "Dmytro Kouleba était à Bruxelles mardi. "
            "Il a demandé à l'Union européenne de nouvelles sanctions.",
            ("person/dmytro-kuleba", "REQUEST"),
            ("organization/european-union", "REQUEST"),
        ),
    ],
)
def test_positions_pronoun_subject(lang, text, expected, absent):
    found = positions(text, lang)
    assert expected in found
    assert absent not in found


@pytest.mark.parametrize(
    ("lang", "text", "holders", "stance"),
    [
        ("en", "Armenia and Azerbaijan agreed to resume border talks.", ["AM", "AZ"], "AGREE"),
        ("ru", "Армения и Азербайджан договорились продолжить переговоры.", ["AM", "AZ"], "AGREE"),
        ("ar", "وأعلنت مصر والأردن رفض أي تهجير للفلسطينيين.", ["EG", "JO"], "REJECT"),
        ("de", "Frankreich und Deutschland unterstützen den Vorschlag.", ["FR", "DE"], "SUPPORT"),
        ("fr", "La France et l'Allemagne ont salué l'accord.", ["FR", "DE"], "AGREE"),
    ],
)
def test_positions_coordinated_holders(lang, text, holders, stance):
    found = positions(text, lang)
    assert {(f"country/{code}", stance) for code in holders} <= found


def test_positions_comma_alone_does_not_coordinate():
    found = positions("In a call with Emmanuel Macron, Vladimir Putin rejected the plan.", "en")
    assert found == {("person/vladimir-putin", "REJECT")}


@pytest.mark.parametrize(
    ("lang", "text", "holder"),
    [
        ("en", "Japan expressed its commitment to the peace process.", "country/JP"),
        ("es", "Chile reafirmó su compromiso con el diálogo.", "country/CL"),
        ("ru", "Казахстан выразил приверженность принципам Устава ООН.", "country/KZ"),
        ("de", "Österreich bekannte sich zu einer diplomatischen Lösung.", "country/AT"),
        ("fr", "La France a rappelé son attachement à la souveraineté de l'Ukraine.", "country/FR"),
    ],
)
def test_positions_commitment_is_support(lang, text, holder):
    assert (holder, "SUPPORT") in positions(text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "The Russian proposal was discussed on Monday.", {("country/RU", "PROPOSE")}),
        ("en", "Talks were held on the proposal of Turkey.", {("country/TR", "PROPOSE")}),
        (
            "ar",
            "رحبت قطر بالمقترحات الأمريكية.",
            {("country/QA", "AGREE"), ("country/US", "PROPOSE")},
        ),
        # a stance noun after an article with no possessor has no holder
        ("fr", "Le soutien commun au cessez-le-feu a été jugé crucial par les diplomates.", set()),
    ],
)
def test_positions_noun_takes_its_possessor(lang, text, expected):
    assert positions(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Poland, which rejects the plan, asked for more time.", ("country/PL", "REJECT")),
        ("en", "The crisis, which threatens European security, was discussed.", None),
    ],
)
def test_positions_relative_clause_subject(lang, text, expected):
    found = positions(text, lang)
    if expected is None:
        assert not found
    else:
        assert expected in found


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Canada did not formally reject the plan."),
        ("en", "No final document was agreed by Canada and Mexico."),
        ("ar", "لم ترفض مصر الخطة الأمريكية."),
        ("ru", "Турция не поддержала резолюцию."),
        ("fr", "La Turquie n'a pas rejeté le plan."),
    ],
)
def test_positions_negation_scope(lang, text):
    assert not positions(text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "holder", "first", "second"),
    [
        (
            "en",
            "Ukrainian Foreign Minister Dmytro Kuleba accused Moscow of escalating tensions and "
            "urged the European Union to prepare sanctions.",
            "person/dmytro-kuleba",
            "ACCUSE",
            "REQUEST",
        ),
        (
            "es",
            "Pedro Sánchez criticó el plan, instando a la Unión Europea a actuar.",
            "person/pedro-sanchez",
            "ACCUSE",
            "REQUEST",
        ),
        (
            "ru",
            "Сергей Лавров раскритиковал позицию Евросоюза, призвав Брюссель к диалогу.",
            "person/sergey-lavrov",
            "ACCUSE",
            "REQUEST",
        ),
        (
            "ar",
            "وأكد نائب وزير الخارجية الروسي سيرغي ريابكوف أن موسكو لا تنوي مهاجمة أوكرانيا، "
            "داعيا واشنطن إلى الحوار، ومحذرا من التصعيد.",
            "person/sergei-ryabkov",
            "REQUEST",
            "THREATEN",
        ),
        (
            "fr",
            "Le Kremlin a salué l'accord, appelant à le respecter.",
            "organization/kremlin",
            "AGREE",
            "REQUEST",
        ),
    ],
)
def test_positions_shared_subject(lang, text, holder, first, second):
    found = positions(text, lang)
    assert {(holder, first), (holder, second)} <= found
    assert not {h for h, s in found if s == second} - {holder}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # the place of a meeting is not who agreed on it
        ("en", "The ministers met in Egypt, where a new meeting was agreed."),
        ("de", "Weiteres Treffen in Ägypten vereinbart."),
        # a group that names no actor holds nothing we can name
        ("en", "Both sides agreed to meet again, officials in Ankara said."),
        # "وبحثا" (and they discussed) is not "حثا" (they urged)
        ("ar", "والتقى وزير الخارجية السعودي نظيره الإيراني في بكين وبحثا تنفيذ الاتفاق."),
        # a journalist's question is not a request
        ("en", "Asked whether Poland would send troops, the minister declined to comment."),
    ],
)
def test_positions_no_holder(lang, text):
    assert not positions(text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "holder"),
    [
        ("es", "Brasil rompió relaciones diplomáticas con Nicaragua.", "country/BR"),
        ("en", "Ecuador broke off diplomatic relations with Mexico on Friday.", "country/EC"),
        ("es", "Moscú excluyó cualquier concesión en las negociaciones.", "country/RU"),
        ("ru", "Польша выступила против санкций.", "country/PL"),
    ],
)
def test_positions_reject_forms(lang, text, holder):
    found = positions(text, lang)
    assert (holder, "REJECT") in found
    assert all(s != "CONCEDE" for _, s in found)


@pytest.mark.parametrize(
    ("lang", "text", "speaker", "addressee"),
    [
        (
            "en",
            "Antony Blinken said Russia must withdraw its troops from the border.",
            "person/antony-blinken",
            "country/RU",
        ),
        (
            "en",
            "Russia should return to the talks, Antony Blinken said on Monday.",
            "person/antony-blinken",
            "country/RU",
        ),
        (
            "fr",
            "Emmanuel Macron a déclaré que la Russie doit retirer ses troupes.",
            "person/emmanuel-macron",
            "country/RU",
        ),
        (
            "ru",
            "Сергей Лавров заявил, что НАТО должна отказаться от расширения.",
            "person/sergey-lavrov",
            "organization/nato",
        ),
        (
            "de",
            "Olaf Scholz sagte, Russland müsse seine Truppen abziehen.",
            "person/olaf-scholz",
            "country/RU",
        ),
        (
            "es",
            "Josep Borrell afirmó que Rusia debe retirar sus tropas.",
            "person/josep-borrell",
            "country/RU",
        ),
        (
            "ar",
            "وقال سيرغي لافروف إنه يجب على الناتو وقف التوسع شرقا.",
            "person/sergey-lavrov",
            "organization/nato",
        ),
    ],
)
def test_obligation_is_the_speakers_request(lang, text, speaker, addressee):
    """Who says another must act requests it; the one who must act requests nothing."""
    found = positions(text, lang)
    assert (speaker, "REQUEST") in found
    assert (addressee, "REQUEST") not in found


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Under the contract, Russia must pay for the gas by Friday."),
        ("fr", "Selon le traité, la Russie doit notifier chaque exercice militaire."),
        ("ru", "По договору Россия должна уведомлять о каждых учениях."),
    ],
)
def test_obligation_without_speaker_is_no_position(lang, text):
    """A modal in a description, with nobody speaking, is nobody's request."""
    assert not {p for p in positions(text, lang) if p[1] == "REQUEST"}
