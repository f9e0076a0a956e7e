"""Every language's view.yaml has the English words, kinds and stances, and only those."""

import re

import pytest

from diplograph.lang import available_languages, load

LANGUAGES = available_languages()
SECTIONS = ("words", "kinds", "stances")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def placeholders(value: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(value))


@pytest.mark.parametrize("section", SECTIONS)
@pytest.mark.parametrize("code", LANGUAGES)
def test_view_has_exactly_the_english_keys(code, section):
    english = getattr(load("en").view, section)
    own = getattr(load(code).view, section)
    assert english, f"en/view.yaml has no {section}"
    missing = sorted(set(english) - set(own))
    extra = sorted(set(own) - set(english))
    assert not missing, f"{code}/view.yaml {section}: missing {missing}"
    assert not extra, f"{code}/view.yaml {section}: not in English {extra}"


@pytest.mark.parametrize("section", SECTIONS)
@pytest.mark.parametrize("code", LANGUAGES)
def test_view_values_are_words_with_the_english_placeholders(code, section):
    english = getattr(load("en").view, section)
    for key, value in getattr(load(code).view, section).items():
        assert isinstance(value, str), f"{code}/view.yaml {section}.{key}: {value!r}"
        assert value.strip(), f"{code}/view.yaml {section}.{key} is empty"
        if key in english:
            assert placeholders(value) == placeholders(english[key]), (
                f"{code}/view.yaml {section}.{key}: {value!r} has not the placeholders "
                f"of {english[key]!r}"
            )
