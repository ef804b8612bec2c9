"""Structured identifiers: e-mails, phones, NIR/SSN, record numbers, dates and addresses.

Each family of patterns has its module: :mod:`bot.domain.deid_numbers` (e-mails, phones,
NIR/SSN, record numbers), :mod:`bot.domain.deid_dates`, :mod:`bot.domain.deid_addresses`
(streets, units, postal codes and cities) and :mod:`bot.domain.deid_address_blocks` (addresses
over several lines, corners, streets without a number). Each finder returns ``(start, end,
label)`` triples; they may overlap, the caller merges them. Regexes are compiled once at import.
"""

import re
from typing import Final

from bot.domain.deid_address_blocks import find_address_blocks, grow_addresses
from bot.domain.deid_addresses import find_addresses, find_postal_codes
from bot.domain.deid_dates import find_dates
from bot.domain.deid_numbers import find_emails, find_numbers
from bot.domain.deid_text import HAS_DIGIT, LETTERS, Found, word_list


def find_structured(text: str) -> list[Found]:
    """Every structured identifier candidate in ``text`` (may overlap)."""
    found = list(find_emails(text))
    words = set(LETTERS.findall(text.lower()))
    has_digit = HAS_DIGIT.search(text) is not None
    if has_digit:
        found.extend(find_numbers(text, words))
    found.extend(find_dates(text, words, has_digit))
    found.extend(find_addresses(text, words, has_digit))
    if has_digit:
        found.extend(find_postal_codes(text, found))
    found.extend(find_address_blocks(text, words, has_digit))
    found.extend(grow_addresses(text, found))
    if not words.isdisjoint(_LEGAL_WORDS):
        found = [f for f in found if not _legal_reference(text, f)]
    return found


# A law's date and number are no one's identifiers: "Loi du 18 août 2013", "Décret n°2013-1066
# du 3 juin 2013", "arrêté du 12 mars".
_LEGAL_WORDS: Final = frozenset(
    word_list("loi lois décret decret arrêté arrete ordonnance circulaire directive règlement")
)
_LEGAL_BEFORE: Final = re.compile(
    r"\b(?:lois?|d[ée]cret|arr[êe]t[ée]|ordonnance|circulaire|directive|r[èe]glement)"
    r"(?:\s(?:n°|no\.?|num[ée]ro)\s?[\w./-]+)?\s(?:du|de|n°|no\.?|num[ée]ro)?\s?$"
)


def _legal_reference(text: str, found: Found) -> bool:
    start, _, label = found
    if label not in ("DATE", "ID"):
        return False
    return _LEGAL_BEFORE.search(text[max(0, start - 40) : start].lower()) is not None
