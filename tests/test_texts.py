"""The text catalogues: same keys and placeholders in French and English."""

from __future__ import annotations

from bot.domain.specialties import SPECIALTIES
from bot.texts import catalogue, normalise_language, placeholders, t


def test_catalogues_have_the_same_keys() -> None:
    """Every key exists in both languages."""
    assert set(catalogue("fr")) == set(catalogue("en"))


def test_catalogues_have_the_same_placeholders() -> None:
    """Each text uses the same {placeholders} in both languages."""
    fr, en = catalogue("fr"), catalogue("en")
    mismatched = [key for key in fr if placeholders(fr[key]) != placeholders(en[key])]
    assert mismatched == []


def test_every_specialty_has_names_in_both_languages() -> None:
    """Each slug has a display name and a specialist noun for pseudonyms."""
    for lang in ("fr", "en"):
        for slug in SPECIALTIES:
            assert t(lang, f"specialty.{slug}")
            assert t(lang, f"specialist.{slug}")


def test_language_codes_are_normalised() -> None:
    """Regional codes map to their language; unknown ones to English; none to the default."""
    assert normalise_language("fr-FR") == "fr"
    assert normalise_language("en-GB") == "en"
    assert normalise_language("de") == "en"
    assert normalise_language(None) == "fr"


def test_parameters_are_formatted() -> None:
    """Parameters are inserted."""
    assert t("en", "offer.you_passed", code="ABCD") == "Question #ABCD passed."
