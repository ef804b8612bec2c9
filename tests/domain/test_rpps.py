"""RPPS numbers: 11 digits with a Luhn check digit."""

from __future__ import annotations

from bot.domain.rpps import luhn_valid, normalise_rpps, rpps_problem


def test_valid_number_passes() -> None:
    """A Luhn-valid 11-digit number is accepted."""
    assert rpps_problem("10001234565") is None


def test_spaces_and_dots_are_ignored() -> None:
    """People type separators; they are dropped."""
    assert normalise_rpps(" 100 012.345-65 ") == "10001234565"
    assert rpps_problem("100 0123 4565") is None


def test_wrong_check_digit_is_refused() -> None:
    """Changing the last digit breaks the key."""
    assert rpps_problem("10001234566") == "checksum"


def test_wrong_length_is_refused() -> None:
    """Ten or twelve digits are refused for their length."""
    assert rpps_problem("1000123456") == "length"
    assert rpps_problem("100012345650") == "length"


def test_letters_are_refused() -> None:
    """Letters are not digits, including non-ASCII digits."""
    assert rpps_problem("1000123456A") == "not_digits"
    assert not luhn_valid("١٢٣")
