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


@pytest.mark.parametrize(
    ("lang", "text", "speaker"),
    [
        # A separable verb: its particle closes the clause.
        (
            "de",
            "Olaf Scholz wies am Montag auf die Bedeutung der Gespräche hin.",
            "person/olaf-scholz",
        ),
        # Speaking to the press, asking someone to act.
        ("en", "Antony Blinken held a press conference in Berlin.", "person/antony-blinken"),
        (
            "fr",
            "Le chef de la diplomatie russe Sergueï Lavrov a demandé des garanties écrites.",
            "person/sergey-lavrov",
        ),
    ],
)
def test_statements_more_reporting_verbs(lang: str, text: str, speaker: str) -> None:
    assert speaker in speakers(text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "speaker"),
    [
        (
            "de",
            "Bundeskanzler Olaf Scholz reiste am Dienstag nach Paris. "
            "Der Kanzler sagte dort, die Lage bleibe ernst.",
            "person/olaf-scholz",
        ),
        (
            "ru",
            "Глава Еврокомиссии Урсула фон дер Ляйен прибыла в Киев. "
            "Глава Еврокомиссии пояснила, что помощь будет продолжена.",
            "person/ursula-von-der-leyen",
        ),
    ],
)
def test_statements_bare_title_is_its_holder(lang: str, text: str, speaker: str) -> None:
    found = speakers(text, lang)
    assert speaker in found
    assert not any(s.startswith("organization/") for s in found)


@pytest.mark.parametrize(
    ("lang", "text", "absent"),
    [
        (
            "en",
            "Sergey Lavrov arrived in Geneva on Monday evening, the newspaper reported.",
            "person/sergey-lavrov",
        ),
        (
            "en",
            "Sergey Lavrov will travel to Geneva next week, and the official said talks "
            "would be hard.",
            "person/sergey-lavrov",
        ),
        (
            "ru",
            "По словам дипломата, Сергей Лавров и Энтони Блинкен встретятся в Женеве.",
            "person/antony-blinken",
        ),
        (
            "es",
            "Josep Borrell viajó a Kiev. El anuncio de la visita llegó tarde.",
            "person/josep-borrell",
        ),
    ],
)
def test_statements_no_speaker_named(lang: str, text: str, absent: str) -> None:
    """An outlet, an unnamed official, the clause after "according to the diplomat," and
    an article mistaken for a pronoun ("el" / "él") give no named speaker."""
    assert absent not in speakers(text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "expected", "absent"),
    [
        (
            "ru",
            "Сергей Лавров заявил журналистам, что встреча с Энтони Блинкеном была полезной. "
            "Он подчеркнул, что диалог продолжится.",
            "person/sergey-lavrov",
            "person/antony-blinken",
        ),
        (
            "ar",
            "وذكر الناتو اليوم أنه سيعقد اجتماعا مع روسيا، كما أكد أن الحوار يجب أن يستمر.",
            "organization/nato",
            "country/RU",
        ),
        (
            "de",
            "Die US-Vizeaußenministerin Wendy Sherman, die in Genf verhandelte, sagte danach, "
            "Russland habe nichts zugesagt.",
            "person/wendy-sherman",
            "country/RU",
        ),
    ],
)
def test_statements_subject_carried_on(lang: str, text: str, expected: str, absent: str) -> None:
    """A pronoun or an omitted subject stands for who spoke before; after "said," comes
    the reported clause, not the speaker."""
    found = speakers(text, lang)
    assert expected in found
    assert absent not in found


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Iran, Saudi Arabia and China issued a joint statement on Friday.",
            {"country/IR", "country/SA", "country/CN"},
        ),
        ("ar", "وصدر بيان مشترك بين روسيا والصين يوم الجمعة.", {"country/RU", "country/CN"}),
    ],
)
def test_statements_joint_statement_has_every_side(lang: str, text: str, expected: set[str]):
    assert expected <= speakers(text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "speaker"),
    [
        (
            "es",
            "Las declaraciones de Josep Borrell fueron recibidas con cautela en Moscú.",
            "person/josep-borrell",
        ),
        (
            "fr",
            "Les diplomates ont commenté l'allocution solennelle du président Emmanuel Macron.",
            "person/emmanuel-macron",
        ),
    ],
)
def test_statements_report_noun_and_its_speaker(lang: str, text: str, speaker: str) -> None:
    assert speaker in speakers(text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "speaker", "absent"),
    [
        # A verb-first language with the subject written first (a headline).
        ("ar", "روسيا تتهم الولايات المتحدة بتأجيج التوتر في أوروبا", "country/RU", "country/US"),
        # A passive: the speaker is the agent, not the subject.
        (
            "en",
            "The ceasefire plan was announced by Josep Borrell while Russia waited.",
            "person/josep-borrell",
            "country/RU",
        ),
        (
            "ru",
            "Сергей Лавров предложил провести новую встречу в Женеве.",
            "person/sergey-lavrov",
            "",
        ),
    ],
)
def test_statements_subject_word_order_and_voice(lang, text, speaker, absent) -> None:
    found = speakers(text, lang)
    assert speaker in found
    assert absent not in found


def test_statements_passive_subject_is_not_the_speaker() -> None:
    assert "country/RU" not in speakers("Russia was accused of massing troops.", "en")


def test_statements_pronoun_takes_the_nearest_subject() -> None:
    text = (
        "Sergey Lavrov said the talks were useful. Antony Blinken arrived in Geneva later "
        "that day. He said the United States was ready to continue."
    )
    assert speakers(text, "en") == {"person/sergey-lavrov", "person/antony-blinken"}


def test_statements_apposition_name_after_the_comma() -> None:
    text = "The talks were useful, said the head of Russia's delegation, Sergei Ryabkov."
    assert speakers(text, "en") == {"person/sergei-ryabkov"}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # The two sides of the talks speak; the state they thank is no speaker.
        (
            "en",
            "Delegations of Iran and Saudi Arabia held talks in Beijing on Friday. "
            "Both sides said they were grateful to Oman.",
            {"country/IR", "country/SA"},
        ),
        # The ministry announces; the deputy minister in the announced clause does not.
        (
            "ar",
            "أعلنت وزارة الدفاع الروسية أن نائب وزير الدفاع ألكسندر فومين سيشارك في المحادثات.",
            {"organization/russian-ministry-of-defence"},
        ),
        # "по данным X": X is the source, not the person named before it.
        (
            "ru",
            "Фомин, по данным Минобороны России, представил оценки военной обстановки.",
            {"organization/russian-ministry-of-defence"},
        ),
    ],
)
def test_statements_sides_and_sources(lang: str, text: str, expected: set[str]) -> None:
    assert speakers(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "speaker"),
    [
        (
            "en",
            "Russian officials have been saying for weeks that they expect answers.",
            "country/RU",
        ),
        (
            "fr",
            "Les responsables russes ont déclaré que la réponse était insuffisante.",
            "country/RU",
        ),
        ("en", "Sergey Lavrov met US officials who said the talks were useful.", "country/US"),
    ],
)
def test_statements_unnamed_officials_speak_for_their_state(lang, text, speaker) -> None:
    assert speaker in speakers(text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "According to the Russian Foreign Ministry, the talks will resume in Geneva."),
        ("ar", "وبحسب وزارة الخارجية الروسية، ستستأنف المحادثات في جنيف."),
    ],
)
def test_statements_source_after_according_to(lang: str, text: str) -> None:
    assert speakers(text, lang) == {"organization/russian-ministry-of-foreign-affairs"}


def test_statements_title_as_object_is_not_the_speaker() -> None:
    text = (
        "Bundeskanzler Olaf Scholz traf Wladimir Putin. "
        "Putin empfing den Kanzler und sagte, die Lage sei ernst."
    )
    assert speakers(text, "de") == {"person/vladimir-putin"}


@pytest.mark.parametrize(
    ("lang", "text", "speaker", "absent"),
    [
        # A body right before the verb is its subject, though persons come earlier.
        (
            "en",
            "Blinken told Lavrov that Washington would respond, the State Department said.",
            "organization/us-state-department",
            "person/sergey-lavrov",
        ),
        # A person opening the sentence, then an apposition, then the verb.
        (
            "en",
            "Lavrov, speaking after talks with Blinken in Geneva, said the West ignored Russia.",
            "person/sergey-lavrov",
            "country/RU",
        ),
    ],
)
def test_statements_subject_next_to_the_verb(lang, text, speaker, absent) -> None:
    found = speakers(text, lang)
    assert speaker in found
    assert absent not in found


def test_statements_the_speaker_after_the_verb_is_in_its_sentence():
    text = (
        "«Многие положения плана могут быть взяты за основу», — сказал российский лидер.\n\n"
        "Министр иностранных дел России Сергей Лавров также провел беседу."
    )
    assert "person/sergey-lavrov" not in speakers(text, "ru")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "NATO met on Monday. The blockade must end, the alliance said in a statement."),
        ("ar", "اجتمع حلف الناتو يوم الاثنين. وقال الحلف في بيان إن الحصار يجب أن ينتهي."),
        ("fr", "L'OTAN s'est réunie lundi. L'alliance a déclaré que le blocus devait cesser."),
        ("es", "La OTAN se reunió el lunes. La alianza afirmó que el bloqueo debe terminar."),
        ("de", "Die NATO tagte am Montag. Das Bündnis erklärte, die Blockade müsse enden."),
        ("ru", "НАТО собралось в понедельник. Как заявил альянс, блокада должна закончиться."),
    ],
)
def test_statements_a_noun_for_a_body_speaks_for_the_body_named_before(lang, text):
    assert speakers(text, lang) == {"organization/nato"}


def test_statements_a_noun_for_a_body_with_no_body_before_names_nobody():
    assert speakers("The US must act, the group said in a statement.", "en") == set()


def test_statements_a_pronoun_does_not_stand_for_a_person_after_a_preposition():
    text = (
        "The commission condemned the detention of President Mohamed Bazoum. "
        "He said the borders would stay closed."
    )
    assert "person/mohamed-bazoum" not in speakers(text, "en")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Le président Macky Sall était à Dakar. « Nous voulons la paix », a-t-il déclaré.",
            "person/macky-sall",
        ),
        (
            "La ministre Catherine Colonna était à Kiev. « Le soutien continuera », "
            "a-t-elle ajouté.",
            "person/catherine-colonna",
        ),
    ],
)
def test_statements_french_inverted_pronoun_speaks_for_the_person_before(text, speaker):
    assert speakers(text, "fr") == {speaker}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Ilham Aliyev met Nikol Pashinyan in Prague on Thursday. "
            "Both leaders said the talks were useful.",
        ),
        (
            "fr",
            "Ilham Aliyev a rencontré Nikol Pachinian à Prague jeudi. "
            "Les deux dirigeants ont déclaré que les discussions étaient utiles.",
        ),
    ],
)
def test_statements_a_group_of_persons_speaks_for_the_meeting_s_two_persons(lang, text):
    assert speakers(text, lang) >= {"person/ilham-aliyev", "person/nikol-pashinyan"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Der Gast sagte, China wolle den Dialog pflegen."),
        ("en", "The envoy said: China wants to keep talking."),
    ],
)
def test_statements_what_follows_the_comma_after_a_verb_is_the_report_not_its_speaker(lang, text):
    assert "country/CN" not in speakers(text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "speaker"),
    [
        (
            "fr",
            "Les deux ministres ont parlé du Sahel, selon un communiqué du ministère sénégalais "
            "des Affaires étrangères.",
            "organization/foreign-ministry-SN",
        ),
        (
            "es",
            "Los cancilleres hablaron del Sahel, según un comunicado de la Cancillería chilena.",
            "organization/foreign-ministry-CL",
        ),
        (
            "ar",
            "وبحث الوزيران الأوضاع في الساحل، حسب بيان صادر عن وزارة الخارجية التونسية.",
            "organization/foreign-ministry-TN",
        ),
    ],
)
def test_statements_a_document_speaks_for_its_author(lang: str, text: str, speaker: str) -> None:
    assert speaker in speakers(text, lang)


def test_statements_german_foreign_office_in_its_weak_form() -> None:
    found = speakers("Das Auswärtige Amt erklärte, die Gespräche seien konstruktiv.", "de")
    assert "organization/german-federal-foreign-office" in found


@pytest.mark.parametrize(
    ("lang", "text", "speaker", "absent"),
    [
        (
            "ru",
            "Министр иностранных дел Казахстана Ержан Абдуллин встретился в Москве с коллегами. "
            "Астана, по словам главы казахстанского МИД, готова к диалогу.",
            "person/k-rsn-bdln",  # Erzhan Abdullin, in any script
            "country/KZ",
        ),
        (
            "en",
            "Kenyan Foreign Minister Peter Otieno met his Ugandan counterpart in Nairobi. "
            "Relations are excellent, the Kenyan foreign minister said.",
            "person/k-btr-tn",  # Peter Otieno
            "country/KE",
        ),
    ],
)
def test_statements_title_with_its_state_is_the_holder_named_before(
    lang: str, text: str, speaker: str, absent: str
) -> None:
    found = speakers(text, lang)
    assert any(s.startswith(speaker) for s in found), found
    assert absent not in found


@pytest.mark.parametrize(
    ("lang", "text", "speaker"),
    [
        (
            "en",
            "In a statement on Saturday, Foreign Minister Penny Wong welcomed the ceasefire.",
            "person/penny-wong",
        ),
        (
            "es",
            "En un comunicado, la Cancillería uruguaya rechazó las declaraciones.",
            "organization/foreign-ministry-UY",
        ),
        (
            "ar",
            "وفي بيان، أدانت وزارة الخارجية الأردنية الهجوم.",
            "organization/jordanian-ministry-of-foreign-affairs",
        ),
    ],
)
def test_statements_a_document_opening_the_sentence_is_its_subjects(
    lang: str, text: str, speaker: str
) -> None:
    assert speaker in speakers(text, lang)


def test_statements_a_document_opening_a_sentence_without_actor_names_nobody() -> None:
    assert not speakers("In a statement, the talks in Geneva were described as useful.", "en")


@pytest.mark.parametrize(
    ("lang", "text", "speaker", "relay"),
    [
        (
            "en",
            "Sputnik reported, citing the Russian Foreign Ministry, that talks would resume.",
            "organization/russian-ministry-of-foreign-affairs",
            "organization/sputnik",
        ),
        (
            "ru",
            "Как сообщает ТАСС со ссылкой на МИД России, переговоры продолжатся.",
            "organization/russian-ministry-of-foreign-affairs",
            "organization/tass",
        ),
        (
            "ar",
            "ونقلت وكالة سبوتنيك عن وزارة الخارجية الروسية قولها إن المحادثات ستستأنف.",
            "organization/russian-ministry-of-foreign-affairs",
            "organization/sputnik",
        ),
        (
            "de",
            "Interfax berichtete unter Berufung auf das russische Außenministerium, die "
            "Gespräche würden fortgesetzt.",
            "organization/russian-ministry-of-foreign-affairs",
            "organization/interfax",
        ),
        (
            "fr",
            "L'agence Anadolu a rapporté, citant le ministère russe des Affaires étrangères, "
            "que les pourparlers reprendraient.",
            "organization/russian-ministry-of-foreign-affairs",
            "organization/anadolu-agency",
        ),
        (
            "es",
            "La agencia EFE, que cita al Ministerio de Exteriores ruso, informó que las "
            "conversaciones seguirán.",
            "organization/russian-ministry-of-foreign-affairs",
            "organization/efe",
        ),
    ],
)
def test_statements_a_cited_source_speaks_and_the_reporter_relays(lang, text, speaker, relay):
    result = extract(Document(text=text, lang=lang, published=PUBLISHED))
    found = {(e.speaker, e.reported_by) for e in result.events if isinstance(e, Statement)}
    assert (speaker, relay) in found, found


def test_statements_arabic_an_alone_is_about_not_a_citation():
    # "the minister spoke about Russia and said": عن without a verb of passing on
    result = extract(
        Document(
            text="وتحدث الوزير عن روسيا وقال إن المحادثات جيدة.", lang="ar", published=PUBLISHED
        )
    )
    assert all(e.speaker != "country/RU" for e in result.events if isinstance(e, Statement))
