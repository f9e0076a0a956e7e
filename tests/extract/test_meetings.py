"""Meetings: one behaviour per test, on sentences written for the tests (not corpus text)."""

from __future__ import annotations

import datetime as dt

import pytest

from diplograph.extract.pipeline import extract
from diplograph.model import DateRange, Document, Meeting

PUBLISHED = dt.date(2022, 3, 16)  # a Wednesday


def meetings(text: str, lang: str, published: dt.date = PUBLISHED) -> list[Meeting]:
    doc = Document(text=text, lang=lang, published=published)
    return [e for e in extract(doc).events if isinstance(e, Meeting)]


def day(iso: str) -> DateRange:
    return DateRange.day(dt.date.fromisoformat(iso))


def span(first: str, last: str) -> DateRange:
    return DateRange(start=dt.date.fromisoformat(first), end=dt.date.fromisoformat(last))


def settings(found: list[Meeting]) -> set[tuple[DateRange | None, str | None]]:
    return {(m.date, m.place) for m in found}


PARIS, BERLIN, GENEVA, MUNICH = "place/2988507", "place/2950159", "place/2660646", "place/2867714"


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Russia and France will hold talks in Paris in July.",
            span("2022-07-01", "2022-07-31"),
        ),
        (
            "fr",
            "La France et l'Allemagne tiendront une réunion à Berlin en novembre 2023.",
            span("2023-11-01", "2023-11-30"),
        ),
        (
            "ru",
            "Россия и Франция проведут переговоры в Париже в июне.",
            span("2022-06-01", "2022-06-30"),
        ),
        (
            "de",
            "Deutschland und Frankreich vereinbarten ein Treffen in Berlin im April.",
            span("2022-04-01", "2022-04-30"),
        ),
        (
            "de",
            "Deutschland und Polen haben ein Treffen für Mai in Berlin angesetzt.",
            span("2022-05-01", "2022-05-31"),
        ),
        (
            "en",
            "Japan and India scheduled talks in Paris for May.",
            span("2022-05-01", "2022-05-31"),
        ),
    ],
)
def test_meetings_month_dates_a_meeting(lang, text, expected):
    assert expected in {m.date for m in meetings(text, lang)}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Russia and France will hold talks in Paris next week.",
            span("2022-03-21", "2022-03-27"),
        ),
        (
            "es",
            "Rusia y Francia celebraron una reunión en París la semana pasada.",
            span("2022-03-07", "2022-03-13"),
        ),
        (
            "fr",
            "La Russie et la France auront une réunion à Paris le mois prochain.",
            span("2022-04-01", "2022-04-30"),
        ),
    ],
)
def test_meetings_relative_week_or_month(lang, text, expected):
    assert expected in {m.date for m in meetings(text, lang)}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Russia and France held talks in Geneva on March 14 and Munich on March 15."),
        (
            "fr",
            "La Russie et la France ont tenu des discussions à Genève le 14 mars "
            "et à Berlin le 15 mars.",
        ),
    ],
)
def test_meetings_several_places_after_one_word(lang, text):
    second = MUNICH if lang == "en" else BERLIN
    assert {(day("2022-03-14"), GENEVA), (day("2022-03-15"), second)} <= settings(
        meetings(text, lang)
    )


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The French foreign minister visited Geneva on Monday."),
        ("es", "El ministro francés de Exteriores visitó Ginebra el lunes."),
    ],
)
def test_meetings_visit_has_host_state(lang, text):
    found = [m for m in meetings(text, lang) if m.place == GENEVA]
    assert found and "country/CH" in found[0].participants


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Russia and France held a phone call on Monday, officials in Paris said."),
        ("de", "Deutschland und Frankreich führten am Montag ein Telefonat, hieß es in Berlin."),
    ],
)
def test_meetings_call_has_no_place(lang, text):
    found = meetings(text, lang)
    assert found and all(m.place is None for m in found)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Russia and France held talks in Geneva on Monday. "
            "The next round of talks will take place in Paris in May.",
        ),
        (
            "ru",
            "Россия и Франция провели переговоры в Женеве в понедельник. Новая встреча пройдет "
            "в Париже в мае.",
        ),
    ],
)
def test_meetings_follow_up_takes_earlier_sides(lang, text):
    follow = [m for m in meetings(text, lang) if m.place == PARIS]
    assert follow and {"country/RU", "country/FR"} <= set(follow[0].participants)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Russia and France held talks on Ukraine in Geneva on Monday."),
        ("fr", "La Russie et la France ont tenu des discussions sur l'Ukraine à Genève lundi."),
        ("es", "Rusia y Francia mantuvieron conversaciones sobre Ucrania en Ginebra el lunes."),
    ],
)
def test_meetings_topic_is_not_a_side(lang, text):
    found = [m for m in meetings(text, lang) if m.place == GENEVA]
    assert found and "country/UA" not in found[0].participants
    assert {"country/RU", "country/FR"} <= set(found[0].participants)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Russia and France met in Geneva, Switzerland, on Monday."),
        ("fr", "La Russie et la France se sont rencontrées lundi à Genève, en Suisse."),
    ],
)
def test_meetings_host_city_state_named_beside_it_is_not_a_side(lang, text):
    found = [m for m in meetings(text, lang) if m.place == GENEVA]
    assert found and "country/CH" not in found[0].participants


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Russia and France held a meeting in the Swiss city of Geneva on Monday."),
        ("de", "Russland und Frankreich hatten am Montag ein Treffen in der Schweizer Stadt Genf."),
    ],
)
def test_meetings_locative_may_stand_a_few_words_before_its_city(lang, text):
    assert (day("2022-03-14"), GENEVA) in settings(meetings(text, lang))


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Russia and France met in Geneva on Monday. Russia and France said the meeting "
            "was useful.",
        ),
        (
            "fr",
            "La Russie et la France se sont rencontrées à Genève lundi. Selon la Russie et la "
            "France, la rencontre a été utile.",
        ),
    ],
)
def test_meetings_later_reference_is_one_meeting(lang, text):
    assert len(meetings(text, lang)) == 1


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Russia and Germany met in Berlin on March 10. France said on Wednesday that the "
            "meeting between Russia and Germany had been useful.",
        ),
        (
            "es",
            "Rusia y Alemania se reunieron en Berlín el 10 de marzo. Francia dijo el miércoles "
            "que la reunión entre Rusia y Alemania fue útil.",
        ),
    ],
)
def test_meetings_date_of_a_later_report_does_not_date_an_earlier_meeting(lang, text):
    assert settings(meetings(text, lang)) == {(day("2022-03-10"), BERLIN)}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Russia and Japan agreed to hold further talks on fisheries."),
        ("de", "Russland und Japan vereinbarten weitere Gespräche."),
    ],
)
def test_meetings_undated_unplaced_new_meeting_is_kept(lang, text):
    found = meetings(text, lang)
    assert any(m.date is None and m.place is None for m in found)


def test_meetings_joint_body_sides_take_part_not_the_body():
    found = meetings("The NATO-Russia Council met in Brussels on Wednesday.", "en")
    sides = {p for m in found for p in m.participants}
    assert {"organization/nato", "country/RU"} <= sides
    assert "organization/nato-russia-council" not in sides


def test_meetings_place_only_and_date_only_reports_of_same_sides_merge():
    text = (
        "France and Germany held talks in Geneva. "
        "Officials said France and Germany met on Monday for six hours."
    )
    found = meetings(text, "en")
    assert settings(found) == {(day("2022-03-14"), GENEVA)}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "GENEVA, March 14 - France and Germany held talks on Monday."),
        ("fr", "GENÈVE, 14 mars 2022 - La France et l'Allemagne ont tenu des entretiens lundi."),
    ],
)
def test_meetings_dateline_city_places_a_meeting_of_its_day(lang, text):
    assert (day("2022-03-14"), GENEVA) in settings(meetings(text, lang))


def test_meetings_dateline_day_dates_a_meeting_in_its_city():
    text = "Headline\n\nGENEVA, March 14 - France said Germany and France held talks in Geneva."
    assert (day("2022-03-14"), GENEVA) in settings(meetings(text, "en"))


def test_meetings_dateline_city_is_not_a_side():
    text = "GENEVA, March 14 - France and Germany held talks on Monday."
    sides = {p for m in meetings(text, "en") for p in m.participants}
    assert "country/CH" not in sides


def test_meetings_other_day_does_not_take_dateline_city():
    text = "GENEVA, March 14 - France and Germany held talks in December 2021."
    assert all(m.place is None for m in meetings(text, "en"))


BRUSSELS, VIENNA = "place/2800866", "place/2761369"


def test_meetings_capital_listed_with_a_place_is_a_place_not_a_side():
    text = "Russia and the United States held talks in Geneva, Brussels and Vienna."
    found = meetings(text, "en")
    assert {m.place for m in found} == {GENEVA, BRUSSELS, VIENNA}
    sides = {p for m in found for p in m.participants}
    assert not sides & {"country/BE", "country/AT"}


def test_meetings_capital_as_dateline_places_the_meeting():
    text = "Brussels, March 14 - NATO and Russia held talks on Monday."
    found = meetings(text, "en")
    assert (day("2022-03-14"), BRUSSELS) in settings(found)
    assert "country/BE" not in {p for m in found for p in m.participants}


def test_meetings_capital_named_without_a_locative_stays_a_side():
    text = "On Monday, Moscow and Paris said they had held talks in Geneva."
    sides = {p for m in meetings(text, "en") for p in m.participants}
    assert {"country/RU", "country/FR"} <= sides


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "France and Germany held talks in the Belgian capital on Monday."),
        ("fr", "La France et l'Allemagne ont tenu des entretiens lundi dans la capitale belge."),
        ("ru", "Франция и Германия провели переговоры в бельгийской столице в понедельник."),
        (
            "de",
            "Deutschland und Frankreich führten am Montag Gespräche in der belgischen Hauptstadt.",
        ),
        ("ar", "عقدت فرنسا وألمانيا محادثات في العاصمة البلجيكية يوم الاثنين."),
    ],
)
def test_meetings_national_capital_phrase_is_the_city(lang, text):
    found = meetings(text, lang)
    assert BRUSSELS in {m.place for m in found}
    assert "country/BE" not in {p for m in found for p in m.participants}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Russia and France held talks in Geneva on Monday as troops gathered near Ukraine."),
        ("fr", "La Russie et la France ont tenu des entretiens lundi à Genève, près de l'Ukraine."),
        ("ru", "Россия и Франция провели переговоры в Женеве в понедельник у границ Украины."),
        ("ar", "عقدت روسيا وفرنسا محادثات في جنيف يوم الاثنين وسط حشود قرب حدود أوكرانيا."),
    ],
)
def test_meetings_state_after_a_word_of_nearness_is_no_side(lang, text):
    found = meetings(text, lang)
    sides = {p for m in found for p in m.participants}
    assert {"country/RU", "country/FR"} <= sides
    assert "country/UA" not in sides


def test_meetings_comma_and_joins_places_of_a_list():
    text = "Russia and France held talks in Geneva on March 14, and Berlin on March 15."
    assert {(day("2022-03-14"), GENEVA), (day("2022-03-15"), BERLIN)} <= settings(
        meetings(text, "en")
    )


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The envoy came back from Berlin, where France and Germany held talks on Monday."),
        (
            "fr",
            "L'envoyé revient de Berlin, où la France et l'Allemagne ont tenu des "
            "entretiens lundi.",
        ),
        ("ar", "عاد المبعوث من برلين، حيث عقدت فرنسا وألمانيا محادثات يوم الاثنين."),
    ],
)
def test_meetings_city_before_relative_where_is_the_place(lang, text):
    assert (day("2022-03-14"), BERLIN) in settings(meetings(text, lang))


# --- The lead, later references, bodies and follow-ups ---------------------------------

MOSCOW, CARACAS, ADDIS_ABABA = "place/524901", "place/3646738", "place/344979"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Italy and Spain held talks in Madrid that lasted three hours."),
        ("de", "Italien und Spanien führten in Madrid Gespräche, die drei Stunden dauerten."),
        ("ru", "В Мадриде завершились переговоры Италии и Испании."),
    ],
)
def test_meetings_lead_meeting_without_date_is_of_the_publication_day(lang, text):
    assert (day("2022-03-16"), "place/3117735") in settings(meetings(text, lang))


def test_meetings_lead_meeting_takes_a_date_from_anywhere_in_its_sentence():
    text = (
        "The talks between Italy and Spain in Madrid ended without any agreement on the "
        "budget or on fishing quotas, the Spanish minister told a briefing on March 15."
    )
    assert settings(meetings(text, "en")) == {(day("2022-03-15"), "place/3117735")}


def test_meetings_lead_meeting_without_place_is_in_the_one_city_of_the_lead():
    text = (
        "Poland and Austria held talks. The minister spoke in Moscow of a useful exchange "
        "that had lasted all morning."
    )
    assert (day("2022-03-16"), MOSCOW) in settings(meetings(text, "en"))


def test_meetings_lead_meeting_of_a_day_before_takes_the_dateline_city():
    text = (
        "Headline\n\nMOSCOW (Agency) - Poland and Austria held an informal meeting on "
        "Tuesday, the spokesman said."
    )
    assert (day("2022-03-15"), MOSCOW) in settings(meetings(text, "en"))


def test_meetings_meeting_to_come_is_not_dated_by_the_lead():
    text = "Poland and Austria will hold talks on trade."
    assert {m.date for m in meetings(text, "en")} == {None}


def test_meetings_later_reference_adds_its_sides_to_the_meeting():
    text = (
        "В Мадриде завершились переговоры по безопасности. "
        "Об итогах переговоров рассказали министр Италии и министр Испании."
    )
    found = meetings(text, "ru")
    assert len(found) == 1
    assert {"country/IT", "country/ES"} <= set(found[0].participants)


def test_meetings_assumed_day_gives_way_to_a_later_report_of_the_day():
    text = "Italy and Spain held talks in Madrid. Italy and Spain met on Monday for six hours."
    assert settings(meetings(text, "en")) == {(day("2022-03-14"), "place/3117735")}


def test_meetings_organization_alone_meets_as_a_body_on_a_day():
    text = "Poland and Austria met in Madrid. Later, the OSCE session on March 17 will follow."
    found = meetings(text, "en")
    body = [m for m in found if m.date == day("2022-03-17")]
    assert body and body[0].participants[0].startswith("organization/")


def test_meetings_a_date_between_two_meeting_words_makes_two_meetings():
    text = (
        "Он сказал, что многое прояснится после встречи России с НАТО 12 марта и "
        "заседания ОБСЕ 13 марта."
    )
    dates = {m.date for m in meetings(text, "ru")}
    assert {day("2022-03-12"), day("2022-03-13")} <= dates


@pytest.mark.parametrize(
    ("lang", "text", "source"),
    [
        (
            "fr",
            "Les deux pays devraient se réunir à Paris le 20 mars, selon M. Lavrov.",
            "person/sergey-lavrov",
        ),
        (
            "en",
            "Italy and Spain will meet in Paris on March 20, according to Sergey Lavrov.",
            "person/sergey-lavrov",
        ),
    ],
)
def test_meetings_source_of_the_report_is_no_side(lang, text, source):
    assert source not in {p for m in meetings(text, lang) for p in m.participants}


def test_meetings_names_between_do_not_put_the_setting_out_of_reach():
    text = (
        "Новая встреча премьер-министра Италии Джорджи Мелони, председателя правительства "
        "Испании Педро Санчеса и президента Франции Эмманюэля Макрона пройдет в июле в Париже."
    )
    assert (span("2022-07-01", "2022-07-31"), PARIS) in settings(meetings(text, "ru"))


def test_meetings_capital_phrase_adjective_is_no_side():
    text = "Italy and Spain met in Addis Ababa, the Ethiopian capital, on Monday."
    found = meetings(text, "en")
    assert (day("2022-03-14"), ADDIS_ABABA) in settings(found)
    assert "country/ET" not in {p for m in found for p in m.participants}


def test_meetings_place_inside_a_city_gives_way_to_the_city():
    text = (
        "Este lunes, Colombia y Venezuela tuvieron una reunión en el Palacio de Miraflores, "
        "en Caracas."
    )
    assert {m.place for m in meetings(text, "es")} == {CARACAS}


def test_meetings_region_is_not_a_meeting_place():
    text = "Italy and Spain will hold a summit on the elections in Donbas."
    assert all(m.place is None for m in meetings(text, "en"))


def test_meetings_group_subject_meets_with_the_sides_before():
    text = (
        "L'Italie et l'Espagne se sont rencontrées à Madrid lundi. "
        "Les deux parties devraient se réunir à Paris dans deux semaines."
    )
    found = meetings(text, "fr")
    paris = [m for m in found if m.place == PARIS]
    assert paris and paris[0].date == day("2022-03-30")
    assert {"country/IT", "country/ES"} <= set(paris[0].participants)


def test_meetings_undated_follow_up_stays_apart_from_the_meeting_it_follows():
    text = (
        "Italy and Spain met in Madrid on Monday. They hope to agree at the next round of "
        "Italy-Spain fishery talks. Italy and Spain want further talks soon."
    )
    found = meetings(text, "en")
    assert (day("2022-03-14"), "place/3117735") in settings(found)
    assert sum(1 for m in found if m.date is None and m.place is None) == 1


def test_meetings_french_visit_verbs_make_one_meeting_per_city():
    text = "Début mars, les conseillers italiens s'étaient rendus à Moscou et à Kiev."
    assert {m.place for m in meetings(text, "fr")} >= {MOSCOW, "place/703448"}


def test_meetings_bare_meeting_word_with_a_new_person_is_another_meeting():
    text = (
        "Italy and Spain met in Madrid on Monday. Pedro Sánchez also met Volodymyr "
        "Zelenskyy for talks."
    )
    found = meetings(text, "en")
    madrid = [m for m in found if m.place == "place/3117735"]
    assert madrid and "person/volodymyr-zelenskyy" not in madrid[0].participants
    assert any("person/volodymyr-zelenskyy" in m.participants for m in found if m.place is None)


def test_meetings_determiner_before_the_word_undoes_a_follow_up():
    text = (
        "Italy and Spain will hold a summit in Rome in November. Another topic of this "
        "summit will be migration, Italy said."
    )
    assert {m.place for m in meetings(text, "en")} == {"place/3169070"}


def test_meetings_each_listed_place_is_a_meeting_even_with_one_side():
    text = "The OSCE will follow all three meetings in Geneva, Brussels and Vienna."
    assert {m.place for m in meetings(text, "en")} == {GENEVA, BRUSSELS, VIENNA}


def test_meetings_name_as_first_part_of_a_compound_is_no_side():
    text = (
        "Italien und Spanien trafen sich am Montag in Madrid, der Ukraine-Konflikt stand "
        "im Mittelpunkt."
    )
    sides = {p for m in meetings(text, "de") for p in m.participants}
    assert {"country/IT", "country/ES"} <= sides
    assert "country/UA" not in sides


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Italy and Spain have never met in Madrid."),
        ("ru", "Италия и Испания не встречались в Мадриде."),
        ("de", "Italien und Spanien planen kein Treffen in Madrid."),
    ],
)
def test_meetings_denied_meeting_is_none(lang, text):
    assert meetings(text, lang) == []


def test_meetings_not_ruling_out_talks_is_still_a_meeting():
    text = "Italy had not ruled out further talks with Spain."
    assert meetings(text, "en")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Russia and Ukraine met in Istanbul on Tuesday. Direct talks were agreed as well, "
            "a diplomat said.",
        ),
        (
            "de",
            "Russland und die Ukraine trafen sich am Dienstag in Istanbul. Es sei ein direkter "
            "Dialog vereinbart worden, hieß es.",
        ),
    ],
)
def test_a_meeting_agreed_on_is_another_meeting_of_the_same_sides(lang, text):
    found = meetings(text, lang)
    assert len(found) == 2, found
    agreed = [m for m in found if m.date is None and m.place is None]
    assert agreed and {"country/RU", "country/UA"} <= set(agreed[0].participants)
    assert "Istanbul" not in {m.trigger.quote for m in agreed}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Russia and China held talks in Geneva on Friday. On Monday Lavrov spent hours "
            "with Wang Yi, who accepted an invitation to visit Paris.",
        ),
        (
            "fr",
            "La Russie et la Chine ont eu des discussions à Genève vendredi. Lundi, Lavrov a "
            "passé des heures avec Wang Yi, qui a accepté une invitation à visiter Paris.",
        ),
    ],
)
def test_a_date_before_a_relative_clause_does_not_date_its_meeting(lang, text):
    visits = [m for m in meetings(text, lang) if m.place == "place/2988507"]
    assert visits and all(m.date is None for m in visits), visits


def test_german_topic_and_destination_are_no_sides():
    found = meetings(
        "Baerbock traf Qin Gang am Freitag in Peking zu Gesprächen über den Streit um Taiwan, "
        "bevor sie nach Südkorea weiterreiste.",
        "de",
    )
    assert found
    sides = set(found[0].participants)
    assert "country/TW" not in sides and "country/KR" not in sides, sides


@pytest.mark.parametrize(
    ("lang", "text", "city"),
    [
        ("en", "Putin hosted Scholz at the Kremlin on Tuesday.", "place/524901"),
        ("de", "Scholz wurde am Dienstag im Kreml von Putin empfangen.", "place/524901"),
        ("fr", "Macron a reçu Scholz à l'Élysée mardi.", "place/2988507"),
    ],
)
def test_a_meeting_in_a_seat_of_government_is_in_its_city(lang, text, city):
    assert {m.place for m in meetings(text, lang)} == {city}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "EU and CELAC leaders concluded a two-day summit in Brussels on Tuesday.",
            ("2022-03-14", "2022-03-15"),
        ),
        (
            "de",
            "Der zweitägige Gipfel von EU und Celac in Brüssel begann am Montag.",
            ("2022-03-14", "2022-03-15"),
        ),
        (
            "ru",
            "Двухдневный саммит ЕС и СЕЛАК в Брюсселе завершился во вторник.",
            ("2022-03-14", "2022-03-15"),
        ),
    ],
)
def test_a_meeting_of_several_days_spans_them(lang, text, expected):
    assert {m.date for m in meetings(text, lang)} == {span(*expected)}


def test_meetings_german_respelling_of_a_town_in_its_state():
    text = (
        "Die Außenminister Ägyptens und Jordaniens trafen sich am Montag in Kairo. "
        "Ein weiteres Treffen wurde für April im ägyptischen Scharm el-Scheich angesetzt."
    )
    found = meetings(text, "de")
    sharm = [m for m in found if m.place == "place/349340"]
    assert len(sharm) == 1
    assert sharm[0].date == span("2022-04-01", "2022-04-30")
    assert {"country/EG", "country/JO"} <= set(sharm[0].participants)


def test_meetings_follow_ups_that_agree_on_the_month_are_one():
    text = (
        "Neue Gespräche für April vereinbart\n\n"
        "Vertreter der Palästinenser und Israelis berieten am Montag in Kairo. "
        "Ein weiteres Treffen wurde für April in Amman angesetzt."
    )
    found = meetings(text, "de")
    april = [m for m in found if m.date == span("2022-04-01", "2022-04-30")]
    assert len(april) == 1
    assert april[0].place == "place/250441"  # Amman
    assert {"country/IL", "country/PS"} <= set(april[0].participants)


CAIRO, BALI = "place/360630", "place/1650535"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Leaders of the Arab League held a summit in Cairo on Sunday. On the sidelines "
            "of the summit, Egyptian President Abdel Fattah al-Sisi met Ukrainian President "
            "Volodymyr Zelenskyy.",
        ),
        (
            "ar",
            "عقد قادة جامعة الدول العربية قمة في القاهرة يوم الأحد. وعلى هامش القمة، التقى "
            "الرئيس المصري عبد الفتاح السيسي نظيره الأوكراني فولوديمير زيلينسكي.",
        ),
        (
            "fr",
            "Les dirigeants de la Ligue arabe ont tenu un sommet au Caire dimanche. En marge "
            "du sommet, le président égyptien Abdel Fattah al-Sissi a rencontré le président "
            "ukrainien Volodymyr Zelensky.",
        ),
    ],
)
def test_meetings_on_the_sidelines_are_another_meeting_there_and_then(lang, text):
    found = meetings(text, lang, published=dt.date(2023, 5, 22))
    beside = [m for m in found if "person/volodymyr-zelenskyy" in m.participants]
    assert len(beside) == 1 and len(found) == 2
    assert (beside[0].date, beside[0].place) == (day("2023-05-21"), CAIRO)
    assert "organization/arab-league" not in beside[0].participants


def test_meetings_later_with_other_persons_is_another_meeting_that_day():
    text = (
        "CAIRO, March 14 - Russian Foreign Minister Sergei Lavrov held talks with Egyptian "
        "President Abdel Fattah al-Sisi on Monday. Lavrov later met his Egyptian counterpart "
        "Sameh Shoukry. The meeting lasted two hours."
    )
    found = meetings(text, "en")
    assert len(found) == 2
    assert {m.place for m in found} == {CAIRO}
    assert {m.date for m in found} == {day("2022-03-14")}
    assert any("person/sameh-shoukry" in m.participants for m in found)


def test_meetings_a_deal_agreed_elsewhere_in_the_sentence_is_no_agreed_meeting():
    text = (
        "CAIRO, March 14 - Sergei Lavrov held talks with Abdel Fattah al-Sisi on Monday. "
        "Lavrov later met Sameh Shoukry, who said the grain deal agreed by all sides must work."
    )
    found = meetings(text, "en")
    assert {(m.date, m.place) for m in found} == {(day("2022-03-14"), CAIRO)}
    assert len(found) == 2


@pytest.mark.parametrize(
    "text",
    [
        "La veille, Emmanuel Macron s'était entretenu avec Xi Jinping à Pékin.",
        "Vendredi, Emmanuel Macron doit se rendre à Pékin pour y retrouver Xi Jinping.",
    ],
)
def test_meetings_french_pluperfect_and_infinitive_forms(text):
    found = meetings(text, "fr")
    assert any(
        {"person/emmanuel-macron", "person/xi-jinping"} <= set(m.participants) for m in found
    )


def test_meetings_the_leaders_are_the_sides_of_the_meeting_before():
    text = (
        "Президент России Владимир Путин и председатель КНР Си Цзиньпин во вторник провели "
        "переговоры в Москве. Накануне лидеры беседовали в неформальной обстановке."
    )
    found = meetings(text, "ru", published=dt.date(2022, 3, 15))  # a Tuesday
    informal = [m for m in found if m.date == day("2022-03-14")]
    assert len(informal) == 1
    assert {"person/vladimir-putin", "person/xi-jinping"} <= set(informal[0].participants)


def test_meetings_a_state_after_in_and_its_article_is_no_side():
    text = "Beim Treffen von Scholz und Biden in Washington ging es um den Krieg in der Ukraine."
    (found,) = meetings(text, "de")
    assert "country/UA" not in found.participants


def test_meetings_one_side_alone_is_no_meeting():
    text = (
        "Olaf Scholz traf Joe Biden am Freitag in Washington. "
        "Kremlsprecher Dmitri Peskow sagte in Moskau, Russland lehne Verhandlungen ab."
    )
    assert {m.place for m in meetings(text, "de")} == {"place/4140963"}


def test_meetings_listed_places_keep_the_sides_named_before_them():
    text = (
        "Russia will hold talks with NATO in Brussels on Wednesday and with the OSCE in "
        "Vienna on Thursday."
    )
    found = {m.place: set(m.participants) for m in meetings(text, "en")}
    brussels, vienna = found["place/2800866"], found["place/2761369"]
    assert "organization/nato" in brussels and "organization/osce" not in brussels
    assert "organization/osce" in vienna and "organization/nato" not in vienna
    assert "country/RU" in brussels & vienna


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Sergey Lavrov and Wang Yi held talks in Beijing on Iran and Syria."),
        ("fr", "Sergueï Lavrov et Wang Yi ont eu des entretiens à Pékin sur l'Iran et la Syrie."),
    ],
)
def test_meetings_a_list_after_a_topic_word_is_all_topic(lang, text):
    found = meetings(text, lang)
    assert found, "no meeting found"
    sides = set(found[0].participants)
    assert {"person/sergey-lavrov", "person/wang-yi"} <= sides
    assert not sides & {"country/IR", "country/SY"}


def test_meetings_a_bare_title_with_its_state_is_the_article_s_holder_of_it():
    text = (
        "Le ministre français des Affaires étrangères Jean-Yves Le Drian est arrivé lundi à "
        "New York. Antony Blinken, le chef de la diplomatie américaine, y était déjà. Le "
        "ministre français des Affaires étrangères a rencontré jeudi le chef de la diplomatie "
        "américaine à New York."
    )
    found = [m for m in meetings(text, "fr") if "person/antony-blinken" in m.participants]
    assert found and "person/jean-yves-le-drian" in found[0].participants


@pytest.mark.parametrize(
    ("lang", "text", "published", "expected"),
    [
        (
            "en",
            "Foreign Minister Ararat Mirzoyan praised his talks with Ilia Darchiashvili. "
            "The talks on Tuesday in Tbilisi were frank, Mirzoyan said after the meeting.",
            dt.date(2024, 3, 7),
            "2024-03-05",
        ),
        (
            "de",
            "Außenminister Ararat Mirsojan lobte das Gespräch mit Ilia Darchiashvili. Das "
            "Treffen am Dienstag in Tiflis sei offen gewesen, sagte Mirsojan.",
            dt.date(2024, 3, 7),
            "2024-03-05",
        ),
    ],
)
def test_meetings_a_later_report_dates_the_meeting_whose_day_was_assumed(
    lang, text, published, expected
):
    found = meetings(text, lang, published)
    assert [m.date for m in found] == [day(expected)], found


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "es",
            "El canciller de Vladimir Putin, Serguéi Lavrov, se reunió con Nicolás Maduro "
            "en Caracas.",
        ),
        (
            "en",
            "The foreign minister of Vladimir Putin, Sergey Lavrov, met Nicolás Maduro in Caracas.",
        ),
    ],
)
def test_meetings_the_person_an_office_serves_is_no_side(lang, text):
    found = meetings(text, lang)
    assert found and "person/vladimir-putin" not in found[0].participants
    assert {"person/sergey-lavrov", "person/nicolas-maduro"} <= set(found[0].participants)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "The leaders of Armenia and Georgia recalled their meetings on Oct. 6 in Prague "
            "and Oct. 31 in Sochi.",
        ),
        (
            "fr",
            "Les dirigeants de l'Arménie et de la Géorgie ont rappelé leurs rencontres le "
            "6 octobre à Prague et le 31 octobre à Sotchi.",
        ),
    ],
)
def test_meetings_a_list_of_dates_each_before_its_place(lang, text):
    found = settings(meetings(text, lang, dt.date(2022, 11, 8)))
    assert {(day("2022-10-06"), "place/3067696"), (day("2022-10-31"), "place/491422")} <= found


def test_meetings_a_later_report_redates_a_meeting_dated_by_the_saying():
    text = (
        "The foreign ministers of Armenia and Georgia met in Washington, a statement said on "
        "Tuesday. Blinken praised the meeting that took place on Monday."
    )
    found = meetings(text, "en", dt.date(2022, 11, 8))
    assert (day("2022-11-07"), "place/4140963") in settings(found)


def test_meetings_a_phone_call_and_a_visit_of_the_same_sides_stay_two():
    text = (
        "Ilham Aliyev will visit Tbilisi next week. Aliyev and Irakli Kobakhidze held a phone "
        "call on Tuesday, the presidency said."
    )
    found = meetings(text, "en", dt.date(2024, 3, 7))
    assert len(found) == 2, found
    call = next(m for m in found if m.date == day("2024-03-05"))
    assert call.place is None


@pytest.mark.parametrize(
    ("lang", "text", "sides"),
    [
        ("en", "Indonesia summoned the Dutch ambassador on Monday.", {"country/ID", "country/NL"}),
        (
            "fr",
            "Le Sénégal a convoqué lundi l'ambassadeur de Gambie.",
            {"country/SN", "country/GM"},
        ),
        ("es", "Chile convocó el lunes al embajador de Bolivia.", {"country/CL", "country/BO"}),
        (
            "de",
            "Das Auswärtige Amt hat am Montag den iranischen Botschafter einbestellt.",
            {"country/DE", "country/IR"},
        ),
        ("ru", "МИД Казахстана вызвал посла Киргизии в понедельник.", {"country/KZ", "country/KG"}),
        (
            "ar",
            "استدعت وزارة الخارجية الأردنية السفير الإيراني يوم الاثنين.",
            {"country/JO", "country/IR"},
        ),
    ],
)
def test_meetings_summoning_an_envoy_is_a_meeting_of_both_states(lang, text, sides):
    found = meetings(text, lang)
    assert any(sides <= set(m.participants) for m in found), [m.participants for m in found]


def test_meetings_russian_caused_is_no_summons():
    assert not meetings("Решение вызвало критику Франции и Германии.", "ru")


@pytest.mark.parametrize(
    ("lang", "text", "side", "topic"),
    [
        (
            "en",
            "Penny Wong met her Indonesian counterpart in Jakarta on Monday to discuss North "
            "Korean missile tests.",
            "country/ID",
            "country/KP",
        ),
        (
            "fr",
            "Le ministre algérien a reçu mardi à Alger son homologue tunisien pour évoquer la "
            "crise libyenne.",
            "country/TN",
            "country/LY",
        ),
        (
            "es",
            "El canciller peruano se reunió el martes en Lima con su homólogo boliviano para "
            "tratar la crisis venezolana.",
            "country/BO",
            "country/VE",
        ),
        (
            "ru",
            "Министр иностранных дел России провел в среду в Москве переговоры с казахстанским "
            "коллегой, обсудив сирийский кризис.",
            "country/KZ",
            "country/SY",
        ),
    ],
)
def test_meetings_adjective_on_a_side_noun_is_a_side_on_another_noun_the_topic(
    lang, text, side, topic
):
    found = meetings(text, lang)
    assert any(side in m.participants for m in found), [m.participants for m in found]
    assert not any(topic in m.participants for m in found), [m.participants for m in found]


@pytest.mark.parametrize(
    ("lang", "text", "sides"),
    [
        ("en", "Japanese-Chinese talks opened in Beijing on Monday.", {"country/JP", "country/CN"}),
        (
            "de",
            "Die polnisch-litauischen Gespräche fanden am Montag in Warschau statt.",
            {"country/PL", "country/LT"},
        ),
        (
            "de",
            "Unter katarischer Vermittlung trafen sich am Montag in Doha Vertreter Israels und der "
            "Hamas.",
            {"country/QA", "country/IL"},
        ),
    ],
)
def test_meetings_adjectives_on_the_meeting_word_or_a_mediation_are_sides(lang, text, sides):
    found = meetings(text, lang)
    assert any(sides <= set(m.participants) for m in found), [m.participants for m in found]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The minister met his counterpart in Dakar on Thursday, March 5."),
        ("fr", "Le ministre a rencontré son homologue à Dakar jeudi 5 mars."),
        ("es", "El canciller se reunió con su homólogo en Lima el jueves 5 de marzo."),
        ("de", "Der Minister traf am Donnerstag, 5. März, in Dakar seinen Amtskollegen."),
        ("ru", "Министр встретился с коллегой в Дакаре в четверг, 5 марта."),
    ],
)
def test_meetings_a_weekday_before_its_date_is_that_date(lang, text):
    # published a week later, on another Thursday: the date, not the nearest Thursday
    found = meetings(text, lang, published=dt.date(2026, 3, 12))
    assert [m.date for m in found] == [day("2026-03-05")], [m.date for m in found]
