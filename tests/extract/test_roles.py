"""Roles: titles before or after names, counterparts, titles that end inside a ministry name."""

import datetime as dt

import pytest

from diplograph.extract.pipeline import extract
from diplograph.model import Document, Role


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


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The Russian and Chinese foreign ministers, Sergey Lavrov and Wang Yi, met."),
        ("en", "The foreign ministers of Russia and China, Sergey Lavrov and Wang Yi, met."),
        ("es", "Los cancilleres de Rusia y China, Serguéi Lavrov y Wang Yi, se reunieron."),
        ("de", "Die Außenminister Russlands und Chinas, Sergej Lawrow und Wang Yi, trafen sich."),
        ("ru", "Министры иностранных дел России и Китая Сергей Лавров и Ван И провели переговоры."),
        ("ar", "التقى وزيرا خارجية روسيا والصين سيرغي لافروف ووانغ يي في موسكو."),
    ],
)
def test_a_plural_title_pairs_its_holders_with_its_states_in_order(lang, text):
    found = roles(text, lang)
    assert ("Sergey Lavrov", "Foreign Minister", "Russia") in found
    assert ("Wang Yi", "Foreign Minister", "China") in found


def test_one_title_before_two_names_and_one_state_is_not_a_pair():
    found = roles("President Vladimir Putin and Xi Jinping met in Moscow.", "en")
    assert ("Vladimir Putin", "President", "Russia") in found
    assert not any(person == "Xi Jinping" and of == "Russia" for person, _, of in found)


def test_two_titles_joined_by_and_belong_to_the_person_after_both():
    found = roles(
        "وقالت الممثلة العليا للاتحاد الأوروبي للشؤون الخارجية ونائبة رئيس المفوضية الأوروبية "
        "كايا كالاس إن الاتحاد يدعم الحوار.",
        "ar",
    )
    assert ("Kaja Kallas", "High Representative", "European Union") in found
    assert ("Kaja Kallas", "Vice President", "European Commission") in found


def test_a_title_does_not_reach_past_the_next_holder():
    found = roles(
        "Министр иностранных дел России Сергей Лавров и глава МИД Украины Дмитрий Кулеба "
        "встретились в Анталье.",
        "ru",
    )
    assert ("Sergey Lavrov", "Foreign Minister", "Russia") in found
    assert ("Dmytro Kuleba", "Foreign Minister", "Ukraine") in found
    assert ("Dmytro Kuleba", "Foreign Minister", "Russia") not in found


def test_a_counterpart_may_follow_the_sentence_naming_the_office():
    found = roles(
        "Außenministerin Annalena Baerbock reiste nach Peking. Dort traf sie ihren chinesischen "
        "Amtskollegen Qin Gang.",
        "de",
    )
    assert ("Qin Gang", "Foreign Minister", "China") in found


def test_an_unnamed_counterpart_is_the_holder_of_that_states_office():
    extraction = extract(
        Document(
            text="Le secrétaire d'État américain Antony Blinken a rencontré Sergueï Lavrov. "
            "Lavrov a ensuite appelé son homologue américain.",
            lang="fr",
            published=dt.date(2022, 1, 21),
        )
    )
    named = [(m.span.quote, m.entity) for m in extraction.mentions if m.via == "title"]
    assert ("homologue américain", "person/antony-blinken") in named
    found = {(r.person, r.organization) for r in extraction.events if r.kind == "role"}
    assert ("person/sergey-lavrov", "country/US") not in found


def test_an_opposition_leader_is_no_president():
    found = roles(
        "El presidente Nicolás Maduro criticó al dirigente opositor de Venezuela, Juan Guaidó.",
        "es",
    )
    assert ("Juan Guaidó", "Opposition Leader", "Venezuela") in found
    assert not any(p == "Juan Guaidó" and t == "President" for p, t, _ in found)


def test_a_title_after_a_name_and_a_comma_is_that_persons():
    found = roles(
        "Berlin était représenté par Jens Plötner, conseiller diplomatique du chancelier "
        "allemand, et l'Ukraine par Andriy Yermak.",
        "fr",
    )
    assert any(
        person == "Jens Plötner" and title == "Diplomatic Adviser" for person, title, _ in found
    )
    assert not any(
        person == "Andriy Yermak" and title == "Diplomatic Adviser" for person, title, _ in found
    )


def test_a_list_of_titles_and_names_pairs_each_title_with_the_name_after_it():
    found = roles(
        "Встреча премьер-министра Армении Никола Пашиняна, президента Азербайджана Ильхама "
        "Алиева прошла в Брюсселе.",
        "ru",
    )
    assert ("Ilham Aliyev", "President", "Azerbaijan") in found
    assert not any(p == "Nikol Pashinyan" and t == "President" for p, t, _ in found)


def test_roles_a_title_ends_with_its_sentence():
    text = (
        "US-Präsident Joe Biden empfing den Kanzler. „Das ist wichtig“, sagte der "
        "US-Präsident. Olaf Scholz betonte, man werde die Ukraine unterstützen."
    )
    assert ("Olaf Scholz", "President", "United States") not in roles(text, "de")


def test_roles_plural_title_ending_inside_a_ministry_name_pairs_its_states():
    found = roles(
        "Встреча глав МИД Армении и Китая Арарата Мирзояна и Ван И прошла в Пекине.",
        "ru",
    )
    assert {(p, o) for p, _, o in found} >= {
        ("Ararat Mirzoyan", "Armenia"),
        ("Wang Yi", "China"),
    }


def test_roles_head_of_the_diplomatic_agency_is_the_foreign_minister():
    found = roles("Руководитель армянского дипведомства Арарат Мирзоян прибыл в Тбилиси.", "ru")
    assert ("Ararat Mirzoyan", "Foreign Minister", "Armenia") in found


@pytest.mark.parametrize(
    ("lang", "text", "person", "title", "of"),
    [
        # the holder of the first title goes unnamed: the counterpart takes its office
        (
            "ar",
            "وأكدت وزيرة الخارجية خلال لقائها مع نظيرها التونسي نبيل عمار على أهمية التعاون.",
            "Nabil Ammar",
            "Foreign Minister",
            "Tunisia",
        ),
        (
            "fr",
            "Le ministre des Affaires étrangères a reçu son homologue tunisien Nabil Ammar.",
            "Nabil Ammar",
            "Foreign Minister",
            "Tunisia",
        ),
    ],
)
def test_a_counterpart_of_an_unnamed_title_holder(lang, text, person, title, of):
    assert (person, title, of) in roles(text, lang)


def test_a_title_does_not_take_the_person_named_after_a_counterpart_word():
    found = roles("كما أجرى الوزير المغربي مباحثات مماثلة مع نظيره المصري، بدر عبد العاطي.", "ar")
    assert not any(of == "Morocco" and person != "Nasser Bourita" for person, _, of in found)


@pytest.mark.parametrize(
    ("lang", "text", "person", "of"),
    [
        (
            "fr",
            "Le ministre des Affaires étrangères, de la Coopération et des Nigériens à "
            "l'extérieur, Bakary Yaou Sangaré, a reçu l'ambassadeur.",
            "Bakary Yaou Sangaré",
            "Niger",
        ),
        (
            "fr",
            "Le ministre sénégalais des Affaires étrangères et de l'Intégration africaine, "
            "Moussa Diallo Kébé, a parlé.",
            "Moussa Diallo Kébé",
            "Senegal",
        ),
        (
            "ar",
            "وقال وزير الخارجية والتعاون الدولي، محمد سالم مرزوك، إن المحادثات جيدة.",
            "محمد سالم",
            None,
        ),
    ],
)
def test_a_title_goes_on_after_and_up_to_its_holders_name(lang, text, person, of):
    assert (person, "Foreign Minister", of) in roles(text, lang)


def test_a_title_and_another_person_joined_by_and_stay_two():
    found = roles("The foreign minister and his deputy, Jan Kowalski, arrived in Warsaw.", "en")
    assert not any(person == "Jan Kowalski" for person, _, _ in found), found


@pytest.mark.parametrize(
    ("lang", "text", "person", "state"),
    [
        ("en", "The Danish Ambassador to Iran Danny Annan was summoned.", "Danny Annan", "DK"),
        ("en", "US Ambassador to Russia John Sullivan met the minister.", "John Sullivan", "US"),
        (
            "fr",
            "L'ambassadeur de France en Russie Pierre Lévy a été convoqué.",
            "Pierre Lévy",
            "FR",
        ),
        (
            "es",
            "El embajador de España en Cuba Juan Fernández Trigo fue convocado.",
            "Juan Fernández Trigo",
            "ES",
        ),
        (
            "ru",
            "Посол России в Казахстане Алексей Бородавкин встретился с министром.",
            "Алексей Бородавкин",
            "RU",
        ),
        (
            "de",
            "Der deutsche Botschafter in Moskau Alexander Lambsdorff wurde einbestellt.",
            "Alexander Lambsdorff",
            "DE",
        ),
    ],
)
def test_an_envoy_s_posting_stands_between_title_and_name_and_is_the_host(
    lang, text, person, state
):
    extraction = extract(Document(text=text, lang=lang, published=dt.date(2022, 1, 11)))
    names = {e.id: e for e in extraction.entities}
    roles = [
        (names[r.person].labels[0].text, r.organization)
        for r in extraction.events
        if isinstance(r, Role)
    ]
    assert (person, f"country/{state}") in roles, roles
