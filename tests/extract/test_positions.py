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
            "country/RU",
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


# --- stance nouns and support verbs ------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a bare stance noun names a stance, not whose it is
        ("en", "The proposals were discussed at length in Vienna on Monday.", set()),
        ("en", "Canada welcomed the proposals.", {("country/CA", "AGREE")}),
        # a support verb hands its subject to the noun it takes
        ("en", "Norway expressed support for the ceasefire.", {("country/NO", "SUPPORT")}),
        (
            "ar",
            "وأعلنت مصر والأردن الاتفاق على تعزيز التعاون.",
            {("country/EG", "AGREE"), ("country/JO", "AGREE")},
        ),
        # ... but only the first stance noun after it
        ("ru", "Казахстан выразил поддержку инициативе.", {("country/KZ", "SUPPORT")}),
        ("es", "Chile expresó su rechazo a la propuesta.", {("country/CL", "REJECT")}),
        # a nationality adjective one noun before is the possessor ...
        (
            "en",
            "Washington rejected Russian security proposals.",
            {("country/US", "REJECT"), ("country/RU", "PROPOSE")},
        ),
        # ... unless a preposition makes it a complement of its own
        ("ru", "США не будут обсуждать с российской стороной предложения.", set()),
    ],
)
def test_positions_stance_nouns(lang, text, expected):
    assert positions(text, lang) == expected


# --- groups and the meeting they took part in ---------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Armenian Prime Minister Nikol Pashinyan met Azerbaijani President Ilham Aliyev in "
            "Brussels on Sunday. Both sides agreed to continue the talks.",
            {("country/AM", "AGREE"), ("country/AZ", "AGREE")},
        ),
        (
            "ar",
            "والتقى وزير الخارجية المصري سامح شكري نظيره الأردني أيمن الصفدي في عمان. "
            "واتفق الجانبان على تعزيز التنسيق.",
            {("country/EG", "AGREE"), ("country/JO", "AGREE")},
        ),
        (
            "en",
            "Sergey Lavrov met Antony Blinken in Geneva on Friday. "
            "The two ministers agreed to talk again next week.",
            {("person/sergey-lavrov", "AGREE"), ("person/antony-blinken", "AGREE")},
        ),
    ],
)
def test_positions_group_is_the_meetings_sides(lang, text, expected):
    assert expected <= positions(text, lang)


def test_positions_both_sides_of_a_mediated_meeting_are_the_two_its_report_names():
    text = (
        "Vertreter Armeniens und Aserbaidschans berieten am Montag in Kairo. "
        "Auch Vertreter Ägyptens und der USA nahmen an den Gesprächen teil. "
        "Beide Seiten verpflichteten sich, die Waffenruhe einzuhalten."
    )
    found = {holder for holder, stance in positions(text, "de") if stance == "AGREE"}
    assert found == {"country/AM", "country/AZ"}


def test_positions_group_is_the_meeting_held_not_one_agreed_on():
    text = (
        "Vertreter Ägyptens, Jordaniens und der Palästinenser berieten am Montag in Kairo. "
        "Es sei ein direkter Dialog vereinbart worden, hieß es. "
        "Außerdem versprachen die Teilnehmer, auf einen dauerhaften Frieden hinzuarbeiten."
    )
    found = {holder for holder, stance in positions(text, "de") if stance == "SUPPORT"}
    assert found == {"country/EG", "country/JO", "country/PS"}


def test_positions_plural_pronoun_takes_the_whole_list():
    found = positions("Russia and China boycotted the meeting. They rejected the resolution.", "en")
    assert {("country/RU", "REJECT"), ("country/CN", "REJECT")} <= found


def test_positions_plural_pronoun_for_a_nationality_subject():
    found = positions("Russian officials said they hoped to receive a quick reply.", "en")
    assert found == {("country/RU", "REQUEST")}


# --- the clause a verb continues ----------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "holder", "stance", "absent"),
    [
        # "warned" reports and takes a stance: one verb, continuing "said"
        (
            "en",
            "Sergei Ryabkov said Russia would study the answer, and warned that time was short.",
            "person/sergei-ryabkov",
            "THREATEN",
            "country/RU",
        ),
        # a participle after a comma has the main clause's subject, not its object
        (
            "en",
            "Moscow sent draft treaties to Washington and NATO on Friday, demanding that the "
            "alliance stop expanding.",
            "country/RU",
            "REQUEST",
            "organization/nato",
        ),
        # so has a verb after a conjunction when the first verb is no stance word
        (
            "de",
            "Jens Stoltenberg rief Moskau zur Deeskalation auf und warnte vor einem Krieg.",
            "person/jens-stoltenberg",
            "THREATEN",
            "country/RU",
        ),
        # Arabic "كما" goes on with the previous verb's subject
        (
            "ar",
            "وذكر الناتو أنه سيعقد اجتماعا طارئا، كما أكد أن الحوار مع روسيا يجب أن يقوم على "
            "المعاملة بالمثل.",
            "organization/nato",
            "REQUEST",
            "country/RU",
        ),
    ],
)
def test_positions_continued_clause(lang, text, holder, stance, absent):
    found = positions(text, lang)
    assert (holder, stance) in found
    assert (absent, stance) not in found


@pytest.mark.parametrize(
    ("lang", "text", "speaker"),
    [
        ("en", "“We demand written guarantees,” Sergey Lavrov said.", "person/sergey-lavrov"),
        ("ru", "«Мы требуем письменных гарантий», — заявил Сергей Лавров.", "person/sergey-lavrov"),
    ],
)
def test_positions_first_person_is_the_speaker(lang, text, speaker):
    assert positions(text, lang) == {(speaker, "REQUEST")}


def test_obligation_arabic_ala_construction():
    found = positions("وأكد أنتوني بلينكن أن على روسيا أن تسحب قواتها.", "ar")
    assert found == {("person/antony-blinken", "REQUEST")}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # an impersonal modal states a plan
        ("de", "Olaf Scholz sagte, in dem Gespräch solle es um die Energie gehen."),
        # greetings and forecasts hold stance words but no stance
        (
            "es",
            "Los presidentes Gustavo Petro y Nicolás Maduro se saludaron con un apretón de manos.",
        ),
        ("en", "The talks are expected to last two days, Antony Blinken said."),
        # a complement before a relative pronoun is not its antecedent
        ("en", "The dispute with Ukraine, which threatens a wider war, dominated the talks."),
    ],
)
def test_positions_no_stance(lang, text):
    assert not positions(text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a question or a condition asks about a stance, nobody holds it
        ("en", "Reporters asked whether Canada supports the plan."),
        ("ru", "Неясно, готова ли Турция к переговорам."),
        ("de", "Offen blieb, ob Österreich den Vorschlag unterstützt."),
        ("en", "Sanctions will follow if Serbia rejects the deal."),
    ],
)
def test_positions_questioned_stance_is_no_stance(lang, text):
    assert not positions(text, lang)


def test_positions_unowned_agreement_at_a_meeting_is_its_sides():
    found = positions(
        "Armenian Prime Minister Nikol Pashinyan met Azerbaijani President Ilham Aliyev in "
        "Brussels on Sunday. The talks ended with an agreement to meet again in June.",
        "en",
    )
    assert {("country/AM", "AGREE"), ("country/AZ", "AGREE")} <= found


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # an actor after the conjunction is a subject of its own (and the speaker who
        # states his own state's stance holds it too)
        (
            "en",
            "Sergey Lavrov said Moscow and Beijing rejected the plan.",
            {
                ("country/RU", "REJECT"),
                ("country/CN", "REJECT"),
                ("person/sergey-lavrov", "REJECT"),
            },
        ),
        # the object of the first verb is not the subject of the second
        ("en", "The minister met Sergey Lavrov in Geneva and urged Moscow to pull back.", set()),
        # a relative clause set off by commas is an aside
        (
            "es",
            "Wendy Sherman, quien se reunió con Serguéi Riabkov, reafirmó el compromiso de "
            "su gobierno con la OTAN.",
            {("person/wendy-sherman", "SUPPORT")},
        ),
        # "at the request of": the requester follows
        (
            "ar",
            "ويعقد مجلس الأمن جلسة بشأن الأزمة الأوكرانية بناء على طلب الولايات المتحدة.",
            {("country/US", "REQUEST")},
        ),
    ],
)
def test_positions_holder_of_the_clause(lang, text, expected):
    assert positions(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a passive verb's agent holds the stance, not its grammatical subject
        ("en", "The plan was rejected by Russia on Monday.", {("country/RU", "REJECT")}),
        ("es", "La propuesta fue rechazada por Rusia.", {("country/RU", "REJECT")}),
        ("fr", "La proposition a été rejetée par la Russie.", {("country/RU", "REJECT")}),
        # hoping for something supports it; hoping that another acts asks it of them
        ("en", "Japan hopes for a peaceful settlement.", {("country/JP", "SUPPORT")}),
        ("en", "Japan hoped that Beijing would reply soon.", {("country/JP", "REQUEST")}),
        # looking forward to a meeting offers it
        ("en", "Norway is looking forward to hosting the talks.", {("country/NO", "PROPOSE")}),
        # first person with no reporting verb: the speaker named before the quote
        (
            "en",
            "Dmitry Peskov reiterated on Monday that “we hope for a written answer.”",
            {("person/dmitry-peskov", "SUPPORT")},
        ),
    ],
)
def test_positions_agents_and_hopes(lang, text, expected):
    assert positions(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # an adverbial participle belongs to the clause it stands in
        (
            "en",
            "Michael Carpenter said Washington would respond firmly, while remaining open to "
            "diplomacy.",
            {("country/US", "PROPOSE"), ("person/michael-carpenter", "PROPOSE")},
        ),
        # and has nobody for subject when that clause names no actor we know
        ("en", "The official opened the briefing by sharply criticizing Antony Blinken.", set()),
    ],
)
def test_positions_adverbial_participle(lang, text, expected):
    assert positions(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a verb that folds like a stance noun stays a verb
        ("es", "Rusia rechazó la propuesta.", {("country/RU", "REJECT")}),
        ("es", "Rusia apoyó la resolución.", {("country/RU", "SUPPORT")}),
        (
            "en",
            "Antony Blinken spoke on Monday, warning that Russia would pay a price.",
            {("person/antony-blinken", "THREATEN")},
        ),
        # a reduced passive forecast is no expectation of anyone
        ("en", "Antony Blinken, expected to arrive on Friday, met reporters.", set()),
    ],
)
def test_positions_verbs_stay_verbs(lang, text, expected):
    assert positions(text, lang) == expected


def test_positions_unowned_agreement_at_a_mediated_meeting_is_nobodys():
    found = positions(
        "Emmanuel Macron hosted Nikol Pashinyan and Ilham Aliyev in Paris on Monday. "
        "A new round of talks was agreed.",
        "en",
    )
    assert not {p for p in found if p[1] == "AGREE"}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a leading clause set off by a comma does not hold the main clause's subject
        (
            "en",
            "After Russia invaded Ukraine, Poland closed its border and urged the EU to act.",
            {("country/PL", "REQUEST")},
        ),
        # the object of a noun's own preposition is not its possessor
        ("en", "China's support for Russia worries Washington.", {("country/CN", "SUPPORT")}),
    ],
)
def test_positions_main_clause_and_possessor(lang, text, expected):
    assert positions(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # across sentences a subject pronoun takes up the last sentence's subject
        (
            "en",
            "The Kremlin accused Kyiv of sabotage. It demanded an investigation.",
            {("country/RU", "ACCUSE"), ("country/RU", "REQUEST")},
        ),
        # actors parted by a comma and no conjunction are no list
        (
            "fr",
            "Après l'attaque contre Israël, la France a condamné le Hamas.",
            {("country/FR", "ACCUSE")},
        ),
        # "the two sides" of talks held in a third country are not its host
        (
            "en",
            "Iran and Saudi Arabia held talks in Beijing. The two sides agreed to reopen "
            "embassies.",
            {("country/IR", "AGREE"), ("country/SA", "AGREE")},
        ),
    ],
)
def test_positions_antecedents_lists_and_hosts(lang, text, expected):
    assert positions(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a speaker who says an act would have consequences warns of them
        (
            "en",
            "Russia would face severe consequences if it invaded, Antony Blinken said.",
            {("person/antony-blinken", "THREATEN")},
        ),
        (
            "fr",
            "Emmanuel Macron a déclaré qu'une attaque aurait des conséquences graves.",
            {("person/emmanuel-macron", "THREATEN")},
        ),
        # the consequences of something describe it; no consequences warn of nothing
        ("en", "Antony Blinken said the consequences of the war were felt worldwide.", set()),
        ("en", "Antony Blinken said the vote would have no consequences.", set()),
    ],
)
def test_positions_consequences_are_the_speakers_warning(lang, text, expected):
    assert positions(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Russia and China signed a joint statement on partnership in Moscow."),
        ("ru", "Россия и Китай подписали совместное заявление о партнерстве."),
        ("es", "Rusia y China firmaron un acuerdo de cooperación."),
    ],
)
def test_positions_signing_an_agreement_is_agreeing(lang, text):
    assert {("country/RU", "AGREE"), ("country/CN", "AGREE")} <= positions(text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # signing an agreement, with words between the verb and its object
        (
            "en",
            "Armenia and Azerbaijan signed on Friday two separate agreements with Georgia.",
            {("country/AM", "AGREE"), ("country/AZ", "AGREE")},
        ),
        (
            "es",
            "Armenia y Azerbaiyán firmaron este viernes 5 de marzo dos acuerdos con Georgia.",
            {("country/AM", "AGREE"), ("country/AZ", "AGREE")},
        ),
        (
            "fr",
            "L'Arménie et l'Azerbaïdjan ont signé vendredi à Tbilissi deux accords.",
            {("country/AM", "AGREE"), ("country/AZ", "AGREE")},
        ),
        (
            "de",
            "Armenien und Aserbaidschan haben am Freitag in Tiflis ein Abkommen unterzeichnet.",
            {("country/AM", "AGREE"), ("country/AZ", "AGREE")},
        ),
        (
            "ru",
            "Армения и Азербайджан подписали в пятницу в Тбилиси два соглашения.",
            {("country/AM", "AGREE"), ("country/AZ", "AGREE")},
        ),
        (
            "ar",
            "ووقعت أرمينيا يوم الجمعة في تبليسي على اتفاق لترسيم الحدود.",
            {("country/AM", "AGREE")},
        ),
        # leaving an agreement, voting against or for a draft, tabling one
        ("en", "Hungary withdrew last year from the transit deal.", {("country/HU", "REJECT")}),
        (
            "fr",
            "La Chine a voté contre le projet de résolution, le Brésil a voté pour le texte.",
            {("country/CN", "REJECT"), ("country/BR", "SUPPORT")},
        ),
        ("ru", "Китай проголосовал против проекта резолюции.", {("country/CN", "REJECT")}),
        ("de", "Brasilien stimmte für die Resolution.", {("country/BR", "SUPPORT")}),
        (
            "es",
            "México presentó un proyecto de resolución sobre la tregua.",
            {("country/MX", "PROPOSE")},
        ),
        ("ar", "وقدمت البرازيل مشروع قرار إلى مجلس الأمن.", {("country/BR", "PROPOSE")}),
    ],
)
def test_positions_verb_takes_its_stance_from_its_object(lang, text, expected):
    assert expected <= positions(text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # the verb without an agreement near it takes no stance
        ("en", "Armenia signed up for the language course."),
        ("en", "Hungary submitted its report on Tuesday."),
        ("es", "Armenia firmó la carta de condolencias que envió el embajador."),
        # negated
        ("ru", "Армения не подписала соглашение."),
        ("fr", "L'Arménie n'a pas signé l'accord."),
        # the object itself denied: a meeting that ended without one
        ("en", "Talks between Armenia and Georgia ended on Sunday without agreement."),
        ("es", "Armenia firmó el acta sin acuerdo sobre la frontera."),
    ],
)
def test_positions_verb_without_its_object_or_negated_takes_none(lang, text):
    assert not {p for p in positions(text, lang) if p[0] == "country/AM"} - {
        ("country/AM", "REQUEST")
    }
    assert not positions(text, lang) & {("country/HU", "PROPOSE")}


@pytest.mark.parametrize(
    ("lang", "text", "holder"),
    [
        (
            "fr",
            "Sergueï Lavrov est arrivé à Pékin. Il a critiqué la détention du président "
            "Mohamed Bazoum. Il a également demandé des garanties.",
            "person/sergey-lavrov",
        ),
        (
            "en",
            "Sergey Lavrov arrived in Beijing. He criticised the detention of President "
            "Mohamed Bazoum. He also demanded guarantees.",
            "person/sergey-lavrov",
        ),
        (
            "fr",
            "Le président de la Commission a parlé à l'issue du sommet. Il a condamné la "
            "détention du président Mohamed Bazoum. Il a également demandé le gel des avoirs.",
            None,
        ),
    ],
)
def test_positions_pronouns_in_a_row_go_on_with_the_first_subject(lang, text, holder):
    requests = {h for h, stance in positions(text, lang) if stance == "REQUEST"}
    assert requests == ({holder} if holder else set())


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        (
            "Armenien und Georgien haben am Mittwoch beim Besuch des russischen Präsidenten "
            "Wladimir Putin in Tiflis ein Abkommen unterzeichnet.",
            {("country/AM", "AGREE"), ("country/GE", "AGREE")},
            ("person/vladimir-putin", "AGREE"),
        ),
        (
            "Frankreich will Armenien nach Aussage von Präsident Emmanuel Macron weiter "
            "unterstützen.",
            {("country/FR", "SUPPORT")},
            ("person/emmanuel-macron", "SUPPORT"),
        ),
    ],
)
def test_positions_german_clause_final_verb_takes_the_subject_before_its_auxiliary(
    text, expected, absent
):
    found = positions(text, "de")
    assert expected <= found and absent not in found


@pytest.mark.parametrize(
    ("lang", "text", "holder"),
    [
        (
            "en",
            "Foreign Minister Sergey Lavrov voiced concern over the escalation.",
            "sergey-lavrov",
        ),
        ("ar", "وأعرب وزير الخارجية سيرغي لافروف عن قلقه من التصعيد.", "sergey-lavrov"),
        ("fr", "Sergueï Lavrov a exprimé sa préoccupation face à l'escalade.", "sergey-lavrov"),
        ("es", "Serguéi Lavrov expresó su preocupación por la escalada.", "sergey-lavrov"),
        ("de", "Sergej Lawrow äußerte Besorgnis über die Eskalation.", "sergey-lavrov"),
        ("ru", "Сергей Лавров выразил обеспокоенность эскалацией.", "sergey-lavrov"),
    ],
)
def test_positions_voicing_concern_is_criticism(lang, text, holder):
    assert (f"person/{holder}", "ACCUSE") in positions(text, lang)


def test_positions_they_after_a_group_sentence_are_the_meeting_sides():
    text = (
        "Armenian Foreign Minister Ararat Mirzoyan met Georgian Foreign Minister Ilia "
        "Darchiashvili in Tbilisi. Both sides expressed concern over the border incidents. "
        "They agreed to meet again in May."
    )
    found = positions(text, "en")
    assert {("country/AM", "AGREE"), ("country/GE", "AGREE")} <= found
    assert {("country/AM", "ACCUSE"), ("country/GE", "ACCUSE")} <= found


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "es",
            "Los cancilleres se reunieron en Argel. Ambos reiteraron su apoyo al secretario "
            "general de la ONU, Antonio Guterres.",
        ),
        (
            "en",
            "The ministers met in Algiers. Both reiterated their support to the UN Secretary "
            "General Antonio Guterres.",
        ),
    ],
)
def test_positions_the_person_a_stance_is_given_to_does_not_hold_it(lang, text):
    assert not {h for h, _ in positions(text, lang)} & {
        "person/antonio-guterres",
        "organization/united-nations",
    }


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Sergey Lavrov stressed the need for a ceasefire.",
            ("person/sergey-lavrov", "REQUEST"),
        ),
        ("ar", "وشدد سيرغي لافروف على ضرورة وقف إطلاق النار.", ("person/sergey-lavrov", "REQUEST")),
        (
            "de",
            "Sergej Lawrow betonte die Notwendigkeit einer Waffenruhe.",
            ("person/sergey-lavrov", "REQUEST"),
        ),
        (
            "ru",
            "Сергей Лавров подчеркнул необходимость прекращения огня.",
            ("person/sergey-lavrov", "REQUEST"),
        ),
        (
            "fr",
            "Sergueï Lavrov a souligné l'importance du dialogue.",
            ("person/sergey-lavrov", "SUPPORT"),
        ),
        (
            "es",
            "Serguéi Lavrov subrayó la importancia del diálogo.",
            ("person/sergey-lavrov", "SUPPORT"),
        ),
        (
            "ru",
            "Сергей Лавров пригласил Ван И посетить Москву.",
            ("person/sergey-lavrov", "PROPOSE"),
        ),
        (
            "en",
            "Sergey Lavrov invited Wang Yi to visit Moscow.",
            ("person/sergey-lavrov", "PROPOSE"),
        ),
    ],
)
def test_positions_stressing_a_need_an_importance_or_inviting(lang, text, expected):
    assert expected in positions(text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "speaker", "state", "stance"),
    [
        (
            "en",
            "Sergey Lavrov said on Monday that Russia is ready to resume the talks.",
            "person/sergey-lavrov",
            "country/RU",
            "PROPOSE",
        ),
        (
            "de",
            "Wang Yi sagte am Montag, China lehne jede Stationierung von Raketen ab.",
            "person/wang-yi",
            "country/CN",
            "REJECT",
        ),
        (
            "fr",
            "La France soutient la médiation de l'Union africaine, a déclaré Jean-Noël Barrot.",
            "person/jean-noel-barrot",
            "country/FR",
            "SUPPORT",
        ),
        (
            "es",
            "José Manuel Albares afirmó que España rechaza cualquier amenaza contra Ceuta.",
            "person/jose-manuel-albares",
            "country/ES",
            "REJECT",
        ),
    ],
)
def test_positions_an_official_stating_his_states_stance_holds_it_too(
    lang, text, speaker, state, stance
):
    found = positions(text, lang)
    assert (speaker, stance) in found
    assert (state, stance) in found


def test_positions_another_state_in_an_officials_words_keeps_its_own():
    found = positions("Sergey Lavrov said that Ukraine rejected the offer of talks.", "en")
    assert ("country/UA", "REJECT") in found
    assert ("person/sergey-lavrov", "REJECT") not in found


@pytest.mark.parametrize(
    ("text", "holder", "stance"),
    [
        ("Die Ministerin sagte, Polen fordere mehr Hilfe der Nato.", "country/PL", "REQUEST"),
        ("Ein Sprecher sagte, Frankreich unterstütze den Plan.", "country/FR", "SUPPORT"),
        ("Es hieß, Japan kritisiere die Raketentests scharf.", "country/JP", "ACCUSE"),
        ("Berlin warne vor einer Eskalation, hieß es.", "country/DE", "THREATEN"),
    ],
)
def test_positions_german_reported_speech_mood(text, holder, stance):
    assert (holder, stance) in positions(text, "de")


@pytest.mark.parametrize(
    ("lang", "text", "holder", "stance"),
    [
        (
            "ru",
            "«Призываем стороны к сдержанности», — заявили в МИД Казахстана.",
            "organization/kazakh-ministry-of-foreign-affairs",
            "REQUEST",
        ),
        (
            "es",
            "«Condenamos el ataque contra la embajada», afirmó la Cancillería uruguaya.",
            "organization/foreign-ministry-UY",
            "ACCUSE",
        ),
        (
            "ar",
            "وقالت وزارة الخارجية الأردنية: نرفض أي تهجير للسكان.",
            "organization/jordanian-ministry-of-foreign-affairs",
            "REJECT",
        ),
        # no reporting verb in the sentence: the speaker of the statement next to it
        (
            "ru",
            "Министр иностранных дел Казахстана Мурат Нуртлеу заявил в понедельник, что переговоры "
            "продолжатся. «Поддерживаем диалог сторон».",
            "person/murat-nurtleu",
            "SUPPORT",
        ),
    ],
)
def test_positions_first_person_verb_without_pronoun_is_the_speakers(lang, text, holder, stance):
    found = positions(text, lang)
    assert any(h.startswith(holder) and s == stance for h, s in found), found


def test_positions_spanish_preterite_is_not_the_first_person():
    # "rechazó" folds to "rechazo" (I reject): the subject holds it, not a speaker nearby
    found = positions(
        "Gabriel Boric dijo que habló con Lula. Luis Arce rechazó la propuesta.", "es"
    )
    assert ("person/luis-arce", "REJECT") in found
    assert ("person/gabriel-boric", "REJECT") not in found


def test_positions_report_through_a_support_verb_with_a_locative_subject():
    found = positions("В МИД Китая заявили о готовности помочь урегулированию.", "ru")
    assert ("organization/chinese-ministry-of-foreign-affairs", "PROPOSE") in found or any(
        s == "PROPOSE" and "foreign" in h for h, s in found
    ), found


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "La resolución fue propuesta por Canadá, México y Perú."),
        ("en", "The proposal of Canada, Mexico and Peru was discussed on Monday."),
    ],
)
def test_positions_a_stance_nouns_possessor_takes_its_whole_list(lang, text):
    found = positions(text, lang)
    assert {("country/CA", "PROPOSE"), ("country/MX", "PROPOSE"), ("country/PE", "PROPOSE")} <= (
        found
    ), found


def test_positions_spanish_first_person_singular_demand():
    found = positions("«Exijo al canciller una respuesta», escribió Delcy Rodríguez.", "es")
    assert ("person/delcy-rodriguez", "REQUEST") in found, found


def targeted(text: str, lang: str) -> set[tuple[str, str, tuple[str, ...]]]:
    doc = Document(id="t", text=text, lang=lang, published=dt.date(2022, 1, 12))
    return {
        (e.holder, e.stance, e.targets)
        for e in extract(doc).events
        if isinstance(e, Position) and e.stance != "PROPOSE"
    }


@pytest.mark.parametrize(
    ("lang", "text", "expected", "target"),
    [
        # by a nationality adjective, by a name, in three languages
        ("en", "Russia rejected the American proposals on Tuesday.", "country/RU", "country/US"),
        ("fr", "La France a soutenu la proposition allemande.", "country/FR", "country/DE"),
        ("ru", "Россия отвергла предложения США.", "country/RU", "country/US"),
    ],
)
def test_position_targets_the_actor_its_topic_names(lang, text, expected, target):
    found = {holder: aimed for holder, _, aimed in targeted(text, lang)}
    assert found[expected] == (target,)


def test_position_never_targets_its_holder_or_the_holders_state():
    text = "Foreign Minister Sergei Lavrov demanded security guarantees for Russia."
    assert targeted(text, "en") == {("person/sergey-lavrov", "REQUEST", ())}


def test_position_targets_a_named_state_beside_the_holders():
    text = "Foreign Minister Sergei Lavrov accused Ukraine of stalling the talks."
    assert targeted(text, "en") == {("person/sergey-lavrov", "ACCUSE", ("country/UA",))}


def test_position_targets_only_the_first_actor_its_topic_names():
    text = (
        "Secretary of State Antony Blinken threatened severe consequences "
        "if Russian forces cross the Ukrainian border."
    )
    found = {holder: aimed for holder, _, aimed in targeted(text, "en")}
    assert found["person/antony-blinken"] == ("country/RU",)
