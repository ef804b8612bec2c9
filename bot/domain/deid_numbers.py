"""E-mails and numbers: phones, NIR/SSN and record numbers.

A run of digits is classified by its shape (digit count, groups, separators) and by the words
around it ("NIR", "tél", "IPP", a unit after a dose); French phones and NIRs written in their
groups are found even glued to other numbers. python-stdnum checks NIR keys and phonenumbers
validates international numbers, only on candidates a cheap regex already found.
"""

import itertools
import re
from collections.abc import Iterator
from typing import Final

import phonenumbers
from stdnum.fr import nir as stdnum_nir

from bot.domain.deid_dates import (
    DATE_NUMERIC,
    plausible_compact_date,
    valid_compact_date,
    valid_numeric_date,
)
from bot.domain.deid_text import DIGIT_GROUPS, DOSE_AFTER, Found, Words, is_word_char, word_list


def find_emails(text: str) -> Iterator[Found]:
    """Every e-mail address of ``text``, "[at]" and "(at)" spellings included."""
    if "@" in text or "[at]" in text or "(at)" in text:
        for m in _EMAIL.finditer(text):
            yield m.start(), m.end(), "EMAIL"


def find_numbers(text: str, words: Words) -> Iterator[Found]:
    """Every phone, NIR/SSN and record number of ``text`` (``words``: its lower-case words)."""
    yield from _runs(text)
    yield from _labelled_ids(text, words)
    yield from _grouped_numbers(text)
    yield from _mixed_ids(text)


# ---------------------------------------------------------------- e-mail
_EMAIL: Final = re.compile(
    r"(?<![\w.+-])[\w.+'-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,24}\b|"
    r"(?<![\w.+-])[\w.+'-]+\s?(?:\[at\]|\(at\))\s?[\w-]+(?:\.[\w-]+)+|"
    r"(?<![\w.+-])[\w.+'-]+ @ [\w-]+(?: ?\. ?[\w-]+)* ?\. ?[A-Za-z]{2,24}\b|"
    # cut after the "@": a dotted user name before a bare domain ending ("jl.abras@fr")
    r"(?<![\w.+-])\w[\w+'-]*\.[\w.+'-]*\w@(?:fr|com|org|net|eu|be|ch|ca|uk|us|de|it|es)\b"
)

# ---------------------------------------------------------------- runs of digits
# A run of digits with single separators between groups: phones, NIR, SSN, record numbers.
# A time ("12:32") is neither the end nor the start of a run: "vingt-six 02 2012 12:32 9301932"
# is a date, a time and a record number, not two phones.
_RUN: Final = re.compile(
    r"(?<![\w/.])(?<!\d,)(?<!\d:)(?:\+|00)?\s?(?:\(\d{1,4}\)[\s.-]?)?"
    r"\d(?:\d|[ .\-]\d|\s?\(0\)\s?\d|\)[\s.-]?\d)*"
    r"(?:\s?(?:x|ext\.?|poste)\s?\d{1,5})?(?![\w]|:\d)",
    re.I,
)
# Five pairs whose first two carry stray letters typed before their digits ("FE01 W47 33 41
# 41"): tried before a run of three plain pairs.
_THREE_PAIRS: Final = re.compile(r"\d\d \d\d \d\d")
_LETTERED_PAIRS_BEFORE: Final = re.compile(r"(?<![\w])[A-Z]{1,2}\d\d [A-Z]?\d\d $")


# The number of a code glued to its letters by a hyphen ("CA-125", "IL-6", "HER-2") or of a
# tumour marker ("CA 125", "CA 19-9", "CYFRA 21-1"), the value after it being no part of a run:
# "CA-125 1200" is a marker and its value, no phone.
_CODE_BEFORE: Final = re.compile(r"(?:[^\W\d_]-|\b(?:CA|CYFRA) )\Z")
_CODE_NUMBER: Final = re.compile(r"[1-9]\d{0,2}(?:-\d{1,2})?[ \t]")


def _runs(text: str) -> Iterator[Found]:
    for m in _RUN.finditer(text):
        start, end = m.span()
        while start < end and text[start].isspace():
            start += 1
        if _CODE_BEFORE.search(text, max(0, start - 6), start) is not None:
            code = _CODE_NUMBER.match(text, start, end)
            if code is not None:
                start = code.end()  # "CA-125 1200": the value alone is read
        label = _classify_run(text, start, end)
        if label is not None:
            yield start, end, label
        elif end - start == 8 and _THREE_PAIRS.fullmatch(text, start, end):
            lettered = _LETTERED_PAIRS_BEFORE.search(text, max(0, start - 10), start)
            if lettered is not None:
                yield lettered.start(), end, "PHONE"


_NON_DIGIT: Final = re.compile(r"\D")
_DECIMAL: Final = re.compile(r"^\d+[.,]\d{1,2}$")
_SSN: Final = re.compile(r"^\d{3}[- ]\d{2}[- ]\d{4}$")
_US_PHONE: Final = re.compile(r"^(?:\+?1[\s.-]?|001[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}")
# A North American local number: three digits, then four ("668 5702", "555-0199").
_US_LOCAL: Final = re.compile(r"^\d{3}[ -]\d{4}$")
# The three context patterns below are searched in the lower-cased 40 characters before a
# digit run; the word boundary is tested once per position, before the alternatives.
_NIR_CONTEXT: Final = re.compile(
    r"(?:\b(?:nir|insee|n°\s?ss\b|ss\s?n°|ssn|social insurance)|s[ée]cu(?:rit[ée] sociale)?|"
    r"assur[ée]\(?e?\)?|social security(?: number)?)"
    r"[\s:°#.n()'-]*(?:est|is|de|:|=)?\s*$"
)
_ID_CONTEXT: Final = re.compile(
    r"(?:\b(?:ipp|nda|nip|mrn|ip|id|n°|no\.?|num[ée]ro|num\.?|dossier|visite|identifiant|"
    r"identification|hospitalisation|s[ée]jour|record|chart|file|rpps|adeli|finess|patient)|#)"
    r"[\s:°#.n()'-]*(?:d'hospitalisation|de dossier|du dossier|de s[ée]jour|est|is|number|"
    r"id|:|=)?[\s:#°]*$"
)
_PHONE_CONTEXT: Final = re.compile(
    r"(?:\b(?:tel|t[ée]l\.|ext|gsm|au)|t[ée]l[ée]?(?:phone)?|phone|portable|mobile|cell|fax|bip|"
    r"dect|poste|joignables?(?: au)?|appeler(?: au)?|call(?: me)?(?: on| at)?|desk|num[ée]ro)"
    r"[\s:.()]*$"
)
# A kind-of-line word right after a number makes it a phone ("781 1704 office", "… -Fax").
_PHONE_AFTER: Final = re.compile(r"^\s?-?\s?(?:office|fax|mobile|cell|home|work)\b", re.I)
_YEAR_LIST: Final = re.compile(r"^(?:(?:19|20)\d\d[\s.-]?)+$")


def _classify_run(text: str, start: int, end: int) -> str | None:
    """What the digit run ``text[start:end]`` is: "NIR", "PHONE", "ID", "DATE" or nothing."""
    run = text[start:end]
    digits = _NON_DIGIT.sub("", run)
    n = len(digits)
    before = text[max(0, start - 40) : start].lower()
    if n < 4 or _DECIMAL.match(run):
        return None
    if DOSE_AFTER.match(text[end : end + 6]):
        return None
    stripped = run.lstrip()
    if DATE_NUMERIC.fullmatch(stripped) and valid_numeric_date(stripped):
        return None
    if _SSN.match(stripped):
        return "NIR"
    if 13 <= n <= 15 and digits[0] in "1278" and (n != 15 or _nir_valid(digits) or " " in run):
        return "NIR"
    if n >= 8 and _NIR_CONTEXT.search(before):
        return "NIR"
    if stripped.startswith(("+", "00")) and 8 <= n <= 16:
        return "PHONE" if _intl_phone("+" + digits.removeprefix("00")) or n >= 9 else None
    if n == 10 and digits[0] == "0":
        return "PHONE"
    if stripped.startswith("(") and 8 <= n <= 13:
        return "PHONE"
    if _US_PHONE.match(stripped) and n in (10, 11):
        return "PHONE"
    has_sep = any(c in " .-" for c in run.strip())
    if 7 <= n <= 15 and _PHONE_AFTER.match(text[end : end + 10]):
        return "PHONE"
    if n == 7 and _US_LOCAL.match(stripped):
        return "PHONE"
    if 5 <= n <= 20 and _ID_CONTEXT.search(before):
        return "ID"
    if 4 <= n <= 15 and _PHONE_CONTEXT.search(before):
        return "PHONE"
    if not has_sep:
        return "ID" if 7 <= n <= 20 else None
    if _scale(stripped):
        return None
    groups = DIGIT_GROUPS.findall(stripped)
    spaced_date = n == 8 and digits[4:6] in ("19", "20") and "." not in run
    if spaced_date and valid_compact_date(digits):
        return "DATE"  # "05 1 2 2 0 2 4": a date typed in spaced groups
    singles = sum(len(g) == 1 for g in groups)
    if singles == len(groups):
        # digits typed one by one: a date of birth (8) or nothing we know.
        if 13 <= n <= 15 and digits[0] in "1278" and not _counting(groups):
            return "NIR"  # its first digit is the sex; "0 0 0 … 0" is a filler
        date_like = n in (7, 8) and not _by_one(groups)
        if date_like and plausible_compact_date(digits):
            return "DATE"  # seven digits: a date of birth with a digit lost
        return "ID" if n >= 7 and not _counting(groups) else None
    if singles >= 8 and singles >= 0.8 * len(groups) and not _counting(groups):
        # identifiers typed one by one and glued together, or to a house number
        return "ID"
    if 8 <= n <= 12 and len(groups) <= 5 and not _YEAR_LIST.match(stripped):
        return "PHONE"
    return None


def _nir_valid(digits: str) -> bool:
    try:
        return bool(stdnum_nir.is_valid(digits))
    except Exception:  # stdnum raises on odd inputs; a failed check is "no"
        return False


def _intl_phone(candidate: str) -> bool:
    try:
        number = phonenumbers.parse(candidate, None)
    except phonenumbers.NumberParseException:
        return False
    return bool(phonenumbers.is_possible_number(number))


_SCALE_TOKEN: Final = re.compile(r"\d{1,4}(?:[.,]\d{1,2})?")


def _scale(run: str) -> bool:
    """An axis or a scale, not an id: four numbers or more in one constant step, decimals
    included ("0.5 1 1.5 2 2.5 3", "10 20 30 40")."""
    tokens = run.split()
    if len(tokens) < 4 or not all(_SCALE_TOKEN.fullmatch(t) for t in tokens):
        return False
    values = [float(t.replace(",", ".")) for t in tokens]
    steps = {round(b - a, 6) for a, b in itertools.pairwise(values)}
    return len(steps) == 1 and 0 not in steps


def _by_one(groups: list[str]) -> bool:
    """Numbers counting one by one, up or down ("0 1 2 3 4 5 6")."""
    values = [int(g) for g in groups]
    return {b - a for a, b in itertools.pairwise(values)} in ({1}, {-1})


def _counting(groups: list[str]) -> bool:
    """A scale or a filler, not an id: numbers counting one by one ("0 1 2 3 4 5 6 7 8 9 10")
    or hardly varying ("0 0 0 0 0 0 0 0")."""
    values = [int(g) for g in groups]
    return _by_one(groups) or len(set(values)) < 4


# ---------------------------------------------------------------- record numbers by their label
_ID_LABELLED: Final = re.compile(
    r"\b(?:IPP|NDA|NIP|MRN|IEP|EDS|N°\s?(?:de\s)?(?:dossier|visite|s[ée]jour|patient)|"
    r"dossier\s?(?:n°|no\.?|num[ée]ro|#)?|num[ée]ro\s(?:de\s)?(?:dossier|s[ée]jour|patient|"
    r"d'hospitalisation|d'identification)|patient\s?id|id\s?patient|medical record(?:\snumber)?|"
    r"record\s?(?:no\.?|number|#)|chart\s?(?:no\.?|number|#)|RPPS|ADELI)"
    r"\s?[:#°n.=]*\s?(?:est\s|is\s)?"
    r"(?P<v>(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9/-]{3,24})(?![\w])",
    re.I,
)
# How the words of every _ID_LABELLED label start (lower case; "IPPN123" is one word): without
# one of them, the regex cannot match.
_ID_LABEL_PREFIXES: Final = tuple(
    word_list(
        """
        ipp nda nip mrn iep eds dossier num visite séjour sejour patient id medical record chart
        rpps adeli
        """
    )
)


def _labelled_ids(text: str, words: Words) -> Iterator[Found]:
    if not any(w.startswith(_ID_LABEL_PREFIXES) for w in words):
        return
    for m in _ID_LABELLED.finditer(text):
        value = m.group("v")
        if sum(c.isdigit() for c in value) < 4 or DOSE_AFTER.match(text[m.end() : m.end() + 6]):
            continue
        start = m.start("v")
        if text[m.start() : start].isalnum():
            start = m.start()  # glued to its label ("IPPN11232344"): the whole word goes
        yield start, m.end("v"), "ID"


# ---------------------------------------------------------------- French NIRs and phones in groups
# A NIR written in its groups (1 2 2 2 3 3 [2]), Corsican departments (2A/2B) included: found
# even when glued to other numbers ("née en 1975 1 60 04 25 311 114 26").
_NIR_GROUPS: Final = re.compile(
    r"(?<!\w)(?:[12478]\s?\d{2}\s?\d{2}\s?2[AB]\s?\d{3}\s?\d{3}(?:\s?\d{2})?|"
    r"[12478] \d{2} \d{2} \d{2} \d{3} \d{3}(?: \d{2})?)(?!\w)",
    re.I,
)
# A French phone number: ten digits in five pairs, one separator throughout; found even glued
# to a word ("le06.98.43.40.20") or to another number ("01.41.29.00.35 01 41 29 00 37").
_FR_PHONE: Final = re.compile(
    r"(?<!\d)(?<!\d[.,])0[1-9](?P<sep>[ ./-]?)\d\d(?:(?P=sep)\d\d){3}(?!\d)"
)
# The same with a letter O typed for a zero in a pair ("01.42.16.10.O2").
_FR_PHONE_O: Final = re.compile(
    r"(?<![\w.])[0O][1-9](?P<sep>[ ./-])(?:[\dO]\d|\d[\dO])"
    r"(?:(?P=sep)(?:[\dO]\d|\d[\dO])){3}(?![\w])"
)
_O_BY_DIGIT: Final = re.compile(r"O(?:(?<=\dO)|(?=\d))")  # a literal first: a fast search


def _grouped_numbers(text: str) -> Iterator[Found]:
    for m in _NIR_GROUPS.finditer(text):
        yield m.start(), m.end(), "NIR"
    for m in _FR_PHONE.finditer(text):
        yield m.start(), m.end(), "PHONE"
    if "O" in text and _O_BY_DIGIT.search(text) is not None:
        for m in _FR_PHONE_O.finditer(text):
            yield m.start(), m.end(), "PHONE"


# ---------------------------------------------------------------- record numbers mixing letters
# A record number mixing letters and digits: digits, up to three letters, digits, six digits
# or more in all ("28BG04493", "42bg98765"). Units and short codes ("500mg", "J01CA04",
# "10h30") have fewer digits; device codes with a letter prefix are left alone.
# (No look-around in the regex, which makes it twice as fast: the word boundaries are tested
# on the rare matches.)
_ID_MIXED: Final = re.compile(r"\d{1,4}[^\W\d_]{1,3}\d{4,}")


def _mixed_ids(text: str) -> Iterator[Found]:
    for m in _ID_MIXED.finditer(text):
        start, end = m.span()
        if (start and is_word_char(text[start - 1])) or (
            end < len(text) and is_word_char(text[end])
        ):
            continue
        if sum(c.isdigit() for c in m.group()) >= 6:
            yield start, end, "ID"
