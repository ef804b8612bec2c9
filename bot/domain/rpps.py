"""RPPS numbers: 11 digits whose last digit is a Luhn check digit."""

from __future__ import annotations

import re

RPPS_LENGTH = 11
_SEPARATORS = re.compile(r"[\s.\-]")


def luhn_valid(digits: str) -> bool:
    """Tell whether a string of digits passes the Luhn check."""
    if not digits.isascii() or not digits.isdigit():
        return False
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def normalise_rpps(text: str) -> str:
    """Drop the spaces, dots and dashes people type inside the number."""
    return _SEPARATORS.sub("", text.strip())


def rpps_problem(text: str) -> str | None:
    """Why ``text`` is not a valid RPPS number (a text key suffix), or None when it is."""
    number = normalise_rpps(text)
    if not number.isascii() or not number.isdigit():
        return "not_digits"
    if len(number) != RPPS_LENGTH:
        return "length"
    if not luhn_valid(number):
        return "checksum"
    return None
