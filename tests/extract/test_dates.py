"""Dates: Arabic month names of both traditions, ranges, relative days, datelines."""

import datetime as dt

import pytest

from diplograph.extract.dates import DATELINE_CHARS, find_dates, publication_date
from diplograph.lang import load

D = dt.date


@pytest.mark.parametrize(
    ("lang", "text", "base", "expected"),
    [
        ("ar", "عقد في 12 كانون الثاني/يناير 2022 اجتماع", None, ("2022-01-12", "2022-01-12")),
        ("ar", "في 12 يناير 2022", None, ("2022-01-12", "2022-01-12")),
        ("ar", "في 3 شباط 2023", None, ("2023-02-03", "2023-02-03")),
        (
            "ar",
            "والتي عُقدت يومي 9 و10 كانون الثاني/يناير في جنيف",
            D(2022, 1, 12),
            ("2022-01-09", "2022-01-10"),
        ),
        (
            "ar",
            "هذا وعقد المجلس، اليوم الأربعاء، أول اجتماع",
            D(2022, 1, 12),
            ("2022-01-12", "2022-01-12"),
        ),
        ("ar", "قال أمس إن", D(2022, 1, 12), ("2022-01-11", "2022-01-11")),
        ("en", "The talks on Jan. 10 and", D(2022, 1, 12), ("2022-01-10", "2022-01-10")),
        ("en", "met on January 9-10, 2022 in Geneva", None, ("2022-01-09", "2022-01-10")),
        ("en", "Stoltenberg said on Monday", D(2022, 1, 12), ("2022-01-10", "2022-01-10")),
        ("en", "will meet in Brussels on Wednesday", D(2022, 1, 10), ("2022-01-12", "2022-01-12")),
        ("ru", "Заседание 12 января 2022 года", None, ("2022-01-12", "2022-01-12")),
        ("fr", "le 21 janvier 2022 à Genève", None, ("2022-01-21", "2022-01-21")),
        ("de", "BRÜSSEL, 12. Januar 2022", None, ("2022-01-12", "2022-01-12")),
        ("es", "el 13 de enero de 2022", None, ("2022-01-13", "2022-01-13")),
    ],
)
def test_dates_are_read(lang, text, base, expected):
    found = find_dates(text, load(lang), base)
    assert found, f"no date in {text!r}"
    value = found[0].value
    assert (value.start.isoformat(), value.end.isoformat()) == expected
    assert text[found[0].start : found[0].end].strip()


def test_dates_without_year_take_the_year_nearest_publication():
    (mention,) = find_dates("on Dec. 30", load("en"), D(2022, 1, 3))
    assert mention.value.start == D(2021, 12, 30)


@pytest.mark.parametrize("text", ["في 31 شباط 2022", "on February 30, 2022", "the 45 January"])
def test_dates_impossible_days_are_ignored(text):
    lang = "ar" if "شباط" in text else "en"
    assert all(
        m.value.start.month != 2 or m.value.start.day <= 29
        for m in find_dates(text, load(lang), None)
    )


def test_dates_publication_date_from_arabic_dateline():
    text = "عنوان\n\n(سبوتنيك - 12 كانون الثاني 2022ء) أعلنت وزارة الدفاع"
    assert publication_date(text, load("ar")) == D(2022, 1, 12)


@pytest.mark.parametrize(
    ("lang", "tail", "expected"),
    [
        ("en", "Posted by the ministry on March 3, 2023, updated March 5, 2023.", D(2023, 3, 5)),
        ("fr", "Communiqué du 3 mars 2023, mis à jour le 5 mars 2023.", D(2023, 3, 5)),
        ("ru", "Сообщение от 3 марта 2023 года, обновлено 5 марта 2023 года.", D(2023, 3, 5)),
    ],
)
def test_dates_publication_date_without_a_dateline_is_the_latest_full_date(lang, tail, expected):
    filler = "x " * (DATELINE_CHARS // 2)
    assert publication_date(f"Title\n\n{filler}\n{tail}", load(lang)) == expected


def test_dates_relative_dates_need_a_publication_date():
    assert find_dates("today and on Wednesday", load("en"), None) == []


WEDNESDAY = D(2022, 3, 16)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "they met on Monday", D(2022, 3, 14)),  # two days back: the past one
        ("en", "they met on Sunday", D(2022, 3, 13)),  # three days back: still past
        ("en", "the council meets on Thursday", D(2022, 3, 17)),  # six back: the coming one
        ("fr", "le conseil se réunit jeudi", D(2022, 3, 17)),
        ("ru", "совет соберется в четверг", D(2022, 3, 17)),
    ],
)
def test_dates_bare_weekday_is_the_nearest_one(lang, text, expected):
    (mention,) = find_dates(text, load(lang), WEDNESDAY)
    assert mention.value.start == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "they will meet the day after tomorrow", D(2022, 3, 18)),
        ("fr", "ils se verront dans deux semaines", D(2022, 3, 30)),
        ("es", "se reunirán pasado mañana", D(2022, 3, 18)),
        ("de", "sie trafen sich vorgestern", D(2022, 3, 14)),
        ("ru", "встреча состоится через две недели", D(2022, 3, 30)),
    ],
)
def test_dates_days_counted_from_publication(lang, text, expected):
    (mention,) = find_dates(text, load(lang), WEDNESDAY)
    assert mention.value.start == expected == mention.value.end


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "le sommet s'est ouvert lundi et dure jusqu'à mardi soir"),
        ("en", "the summit opened on Monday and runs until Tuesday"),
        ("de", "der Gipfel begann am Montag und dauert bis Dienstag"),
    ],
)
def test_dates_first_and_last_day_joined_by_until_make_a_range(lang, text):
    base = D(2022, 3, 14)  # a Monday
    (mention,) = find_dates(text, load(lang), base)
    assert (mention.value.start, mention.value.end) == (base, D(2022, 3, 15))


def test_dates_until_far_apart_days_stay_apart():
    found = find_dates("talks on March 1 until March 30", load("en"), WEDNESDAY)
    assert len(found) == 2
