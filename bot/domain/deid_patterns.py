"""Structured identifiers: e-mails, phones, NIR/SSN, record numbers, dates and addresses.

Each finder takes the text and returns ``(start, end, label)`` triples; they may overlap, the
caller merges them. Regexes are compiled once at import; python-stdnum checks NIR keys and
phonenumbers validates international numbers, only on candidates a cheap regex already found.
"""

import itertools
import re
from collections.abc import Iterable, Iterator
from typing import Final

import phonenumbers
from stdnum.fr import nir as stdnum_nir

Found = tuple[int, int, str]


def _word_list(text: str) -> list[str]:
    return text.split()


_I = re.IGNORECASE

# ---------------------------------------------------------------- e-mail
_EMAIL: Final = re.compile(
    r"(?<![\w.+-])[\w.+'-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,24}\b|"
    r"(?<![\w.+-])[\w.+'-]+\s?(?:\[at\]|\(at\))\s?[\w-]+(?:\.[\w-]+)+|"
    r"(?<![\w.+-])[\w.+'-]+ @ [\w-]+(?: ?\. ?[\w-]+)* ?\. ?[A-Za-z]{2,24}\b|"
    # cut after the "@": a dotted user name before a bare domain ending ("jl.abras@fr")
    r"(?<![\w.+-])\w[\w+'-]*\.[\w.+'-]*\w@(?:fr|com|org|net|eu|be|ch|ca|uk|us|de|it|es)\b"
)

# ---------------------------------------------------------------- digits
# A run of digits with single separators between groups: phones, NIR, SSN, record numbers.
_RUN: Final = re.compile(
    r"(?<![\w/.])(?<!\d,)(?:\+|00)?\s?(?:\(\d{1,4}\)[\s.-]?)?"
    r"\d(?:\d|[ .\-]\d|\s?\(0\)\s?\d|\)[\s.-]?\d)*"
    r"(?:\s?(?:x|ext\.?|poste)\s?\d{1,5})?(?![\w])",
    _I,
)
_DIGIT: Final = re.compile(r"\d")
_NON_DIGIT: Final = re.compile(r"\D")
_DECIMAL: Final = re.compile(r"^\d+[.,]\d{1,2}$")
_SSN: Final = re.compile(r"^\d{3}[- ]\d{2}[- ]\d{4}$")
_US_PHONE: Final = re.compile(r"^(?:\+?1[\s.-]?|001[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}")
# A NIR written in its groups (1 2 2 2 3 3 [2]), Corsican departments (2A/2B) included: found
# even when glued to other numbers ("née en 1975 1 60 04 25 311 114 26").
_NIR_CORSICA: Final = re.compile(
    r"(?<!\w)(?:[12478]\s?\d{2}\s?\d{2}\s?2[AB]\s?\d{3}\s?\d{3}(?:\s?\d{2})?|"
    r"[12478] \d{2} \d{2} \d{2} \d{3} \d{3}(?: \d{2})?)(?!\w)",
    _I,
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
# Five pairs whose first two carry stray letters typed before their digits ("FE01 W47 33 41
# 41"): tried before a run of three plain pairs.
_THREE_PAIRS: Final = re.compile(r"\d\d \d\d \d\d")
_LETTERED_PAIRS_BEFORE: Final = re.compile(r"(?<![\w])[A-Z]{1,2}\d\d [A-Z]?\d\d $")
_O_BY_DIGIT: Final = re.compile(r"O(?:(?<=\dO)|(?=\d))")  # a literal first: a fast search
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
# A unit right after a number makes it a dose; the unit is a whole word ("12 g", not "12 GOMAU").
# A kind-of-line word right after a number makes it a phone ("781 1704 office", "… -Fax").
_PHONE_AFTER: Final = re.compile(r"^\s?-?\s?(?:office|fax|mobile|cell|home|work)\b", _I)
# A North American local number: three digits, then four ("668 5702", "555-0199").
_US_LOCAL: Final = re.compile(r"^\d{3}[ -]\d{4}$")
_DOSE_AFTER: Final = re.compile(
    r"^\s?(?:(?:mg|g|µg|mcg|ml|ui|u|cp|mmol|µmol)(?![^\W\d_])|%|/)", _I
)


def _digits(s: str) -> str:
    return _NON_DIGIT.sub("", s)


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


def _classify_run(text: str, start: int, end: int) -> str | None:
    run = text[start:end]
    digits = _digits(run)
    n = len(digits)
    before = text[max(0, start - 40) : start].lower()
    if n < 4 or _DECIMAL.match(run):
        return None
    if _DOSE_AFTER.match(text[end : end + 6]):
        return None
    stripped = run.lstrip()
    if _DATE_NUMERIC.fullmatch(stripped) and _valid_numeric_date(stripped):
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
    groups = _GROUPS.findall(stripped)
    spaced_date = n == 8 and digits[4:6] in ("19", "20") and "." not in run
    if spaced_date and _valid_numeric_date(f"{digits[:2]}/{digits[2:4]}/{digits[4:]}"):
        return "DATE"  # "05 1 2 2 0 2 4": a date typed in spaced groups
    singles = sum(len(g) == 1 for g in groups)
    if singles == len(groups):
        # digits typed one by one: a date of birth (8) or nothing we know.
        if 13 <= n <= 15:
            return "NIR"
        date_like = n in (7, 8) and not _by_one(groups)
        if date_like and _valid_numeric_date(f"{digits[:2]}/{digits[2:4]}/{digits[4:]}"):
            return "DATE"  # seven digits: a date of birth with a digit lost
        return "ID" if n >= 7 and not _counting(groups) else None
    if singles >= 8 and singles >= 0.8 * len(groups) and not _counting(groups):
        # identifiers typed one by one and glued together, or to a house number
        return "ID"
    if 8 <= n <= 12 and len(groups) <= 5 and not _RE_YEAR_LIST.match(stripped):
        return "PHONE"
    return None


_GROUPS: Final = re.compile(r"\d+")


def _by_one(groups: list[str]) -> bool:
    """Numbers counting one by one, up or down ("0 1 2 3 4 5 6")."""
    values = [int(g) for g in groups]
    return {b - a for a, b in itertools.pairwise(values)} in ({1}, {-1})


def _counting(groups: list[str]) -> bool:
    """A scale or a filler, not an id: numbers counting one by one ("0 1 2 3 4 5 6 7 8 9 10")
    or hardly varying ("0 0 0 0 0 0 0 0")."""
    values = [int(g) for g in groups]
    steps = {b - a for a, b in itertools.pairwise(values)}
    return steps in ({1}, {-1}) or len(set(values)) < 4


def _scale(run: str) -> bool:
    """An axis or a scale, not an id: four numbers or more in one constant step, decimals
    included ("0.5 1 1.5 2 2.5 3", "10 20 30 40")."""
    tokens = run.split()
    if len(tokens) < 4 or not all(_SCALE_TOKEN.fullmatch(t) for t in tokens):
        return False
    values = [float(t.replace(",", ".")) for t in tokens]
    steps = {round(b - a, 6) for a, b in itertools.pairwise(values)}
    return len(steps) == 1 and 0 not in steps


_SCALE_TOKEN: Final = re.compile(r"\d{1,4}(?:[.,]\d{1,2})?")
_RE_YEAR_LIST: Final = re.compile(r"^(?:(?:19|20)\d\d[\s.-]?)+$")


def _runs(text: str) -> Iterator[Found]:
    for m in _RUN.finditer(text):
        start, end = m.span()
        while start < end and text[start].isspace():
            start += 1
        label = _classify_run(text, start, end)
        if label is not None:
            yield start, end, label
        elif end - start == 8 and _THREE_PAIRS.fullmatch(text, start, end):
            lettered = _LETTERED_PAIRS_BEFORE.search(text, max(0, start - 10), start)
            if lettered is not None:
                yield lettered.start(), end, "PHONE"


# ---------------------------------------------------------------- record numbers by context
_ID_LABELLED: Final = re.compile(
    r"\b(?:IPP|NDA|NIP|MRN|IEP|EDS|N°\s?(?:de\s)?(?:dossier|visite|s[ée]jour|patient)|"
    r"dossier\s?(?:n°|no\.?|num[ée]ro|#)?|num[ée]ro\s(?:de\s)?(?:dossier|s[ée]jour|patient|"
    r"d'hospitalisation|d'identification)|patient\s?id|id\s?patient|medical record(?:\snumber)?|"
    r"record\s?(?:no\.?|number|#)|chart\s?(?:no\.?|number|#)|RPPS|ADELI)"
    r"\s?[:#°n.=]*\s?(?:est\s|is\s)?"
    r"(?P<v>(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9/-]{3,24})(?![\w])",
    _I,
)


# How the words of every _ID_LABELLED label start (lower case; "IPPN123" is one word): without
# one of them, the regex cannot match.
_ID_LABEL_PREFIXES: Final = tuple(
    _word_list(
        """
        ipp nda nip mrn iep eds dossier num visite séjour sejour patient id medical record chart
        rpps adeli
        """
    )
)


def _labelled_ids(text: str, words: frozenset[str] | set[str]) -> Iterator[Found]:
    if not any(w.startswith(_ID_LABEL_PREFIXES) for w in words):
        return
    for m in _ID_LABELLED.finditer(text):
        value = m.group("v")
        if sum(c.isdigit() for c in value) < 4 or _DOSE_AFTER.match(text[m.end() : m.end() + 6]):
            continue
        start = m.start("v")
        if text[m.start() : start].isalnum():
            start = m.start()  # glued to its label ("IPPN11232344"): the whole word goes
        yield start, m.end("v"), "ID"


# A record number mixing letters and digits: digits, up to three letters, digits, six digits
# or more in all ("28BG04493", "42bg98765"). Units and short codes ("500mg", "J01CA04",
# "10h30") have fewer digits; device codes with a letter prefix are left alone.
# (No look-around in the regex, which makes it twice as fast: the word boundaries are tested
# on the rare matches.)
_ID_MIXED: Final = re.compile(r"\d{1,4}[^\W\d_]{1,3}\d{4,}")


def _mixed_ids(text: str) -> Iterator[Found]:
    for m in _ID_MIXED.finditer(text):
        start, end = m.span()
        if (start and _is_word_char(text[start - 1])) or (
            end < len(text) and _is_word_char(text[end])
        ):
            continue
        if sum(c.isdigit() for c in m.group()) >= 6:
            yield start, end, "ID"


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _corsica_nir(text: str) -> Iterator[Found]:
    for m in _NIR_CORSICA.finditer(text):
        yield m.start(), m.end(), "NIR"
    for m in _FR_PHONE.finditer(text):
        yield m.start(), m.end(), "PHONE"
    if "O" in text and _O_BY_DIGIT.search(text) is not None:
        for m in _FR_PHONE_O.finditer(text):
            yield m.start(), m.end(), "PHONE"


# ---------------------------------------------------------------- dates
_MONTH_FR = (
    r"janv(?:ier)?|f[ée]vr?(?:ier)?|mars|avr(?:il)?|mai|juin|juil(?:let)?|ao[uû]t|"
    r"sept(?:embre)?|oct(?:obre)?|nov(?:embre)?|d[ée]c(?:embre)?"
)
_MONTH_EN = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_MONTH = rf"(?:{_MONTH_FR}|{_MONTH_EN})\.?"
_NUMWORD = (
    r"(?:premier|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|"
    r"quatorze|quinze|seize|vingt|trente|quarante|cinquante|soixante|cent|cents|mille|et)"
)
# A year in words as typed, stray plurals included ("deux-milles vingts troiss").
_NUMWORD_S = rf"{_NUMWORD}s{{0,2}}"
_DAYNAME = (
    r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday)"
)
_YEAR = r"(?:(?:19|20)\d\d|'\d\d|\d\d(?!\d))"
_DATE_NUMERIC: Final = re.compile(
    r"(?<![\w/.,-])(?:\d{1,2}\s?[/.\-]\s?\d{1,2}\s?[/.\-]\s?(?:\d{4}|\d{2})|"
    r"(?:19|20)\d\d[/.\-]\d{1,2}[/.\-]\d{1,2})(?![\d_/]|[.\-]\d)"
)
_PARTS: Final = re.compile(r"\d+")


def _valid_numeric_date(value: str) -> bool:
    parts = [int(p) for p in _PARTS.findall(value)]
    if len(parts) != 3:
        return False
    if parts[0] > 31:
        parts = [parts[2], parts[1], parts[0]]
    a, b = parts[0], parts[1]
    return (1 <= a <= 31 and 1 <= b <= 12) or (1 <= a <= 12 and 1 <= b <= 31)


_DATE_SHORT: Final = re.compile(r"(?<![\w/.,-])(\d{1,2})\s?([/.])\s?(\d{1,2})(?![\w/.,]\d|\d)")
_DATE_SHORT_NEG: Final = re.compile(
    r"(?:\b(?:TA|PA|PAS|PAD|tension|BP|blood pressure|ratio|score|EVA|EN|glasgow|GCS|apgar|"
    r"grade|stade|NYHA|dilution)\b\s?:?\s?|\b\d+\s?/\s?|[/x]\s?)$",
    _I,
)
_DATE_SHORT_POS: Final = re.compile(
    r"(?:\b(?:le|du|au|depuis le|jusqu'au|on|since|ddn|dob|n[ée]e?|born|rdv|vu|vue)\b"
    r"\s?:?\s?)$",
    _I,
)
# A year in words ("mille neuf cent cinquante-deux", "deux mille dix"), after a day and month.
_YEAR_WORDS = rf"(?:mille|deux[\s-]mille)(?:[\s-]{_NUMWORD}){{0,8}}"
_DATE_TEXT: Final = re.compile(
    rf"(?<![\w])(?:{_DAYNAME},?\s)?"
    rf"(?:(?:\d{{1,2}}|1er|1st|2nd|3rd|\d{{1,2}}th)\s?,?\s?(?:de\s|of\s)?{_MONTH}"
    rf"(?:,?\s?(?:(?:19|20)\d\d|'?\d\d)(?!\d)|\s{_YEAR_WORDS})?"
    rf"|{_MONTH}\s?(?:the\s)?\d{{1,2}}(?:st|nd|rd|th)?(?!\d)(?:(?:,\s?|\s)(?:19|20)\d\d)?"
    rf"|(?:{_NUMWORD}(?:[\s-]{_NUMWORD}){{0,3}})\s(?:{_MONTH_FR})"
    rf"(?:\s{_NUMWORD_S}(?:[\s-]{_NUMWORD_S}){{0,8}}|\s(?:(?:19|20)\d\d|\d\d)(?!\d))?)(?![\w])",
    _I,
)
# Every word the month patterns accept (lower case): the text-date regex, the costliest one,
# only runs when one of them is a word of the text.
MONTH_WORDS: Final = frozenset(
    _word_list(
        """
        janv janvier fev fevr fevier fevrier fév févr févier février mars avr avril mai juin juil
        juillet aout août sept septembre oct octobre nov novembre dec déc decembre décembre
        jan january feb february mar march apr april may jun june jul july aug august sep
        september october november december
        """
    )
)
# "depuis le 211017", "le 23022018": digits glued into a date after "le/du/au", kept only
# when they read as a valid day, month and year.
_DATE_COMPACT_WEAK: Final = re.compile(
    r"\b(?:le|du|au)\s(?P<v>(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?:\d\d)?\d\d)(?!\d)", _I
)
_DATE_CONTEXT_COMPACT: Final = re.compile(
    r"\b(?:DDN|DOB|n[ée]\(?e?\)?\sle|date de naissance|birth ?date|born(?:\son)?)\s?:?\s?"
    r"(?P<v>\d{6}(?:\d\d)?)(?!\d)",
    _I,
)


# An ISO timestamp's time, with seconds, goes with its date ("2000-04-16 11:34:35"); the time
# after a French date ("14/02/2016 13:04:02") stays, as the data sets mark it.
_TIME_TAIL: Final = re.compile(r"[ T]\d\d:\d\d:\d\d(?!\d)")
# "10 / 03 | 2020": a day and month, then the year after a bar.
_DATE_BAR_YEAR: Final = re.compile(
    r"(?<![\w/.,-])(\d{1,2})\s?[/.-]\s?(\d{1,2})\s?\|\s?(?:19|20)\d\d(?!\d)"
)
# "08-09/08/07": a range of days before a numeric date.
_DATE_DAY_RANGE: Final = re.compile(  # starts with a literal "-": a fast search
    r"-(?<=\d-)(?P<v>\d{1,2}/\d{1,2}/(?:\d{4}|\d{2}))(?![\d/])"
)
# "1 2 . 0 6 . 1 9 8 1": a numeric date typed digit by digit.
_DATE_SPACED: Final = re.compile(r"(?<![\d.])\d \d ([./-]) \d \d \1 \d \d(?: \d \d)?(?! ?\d)")
_SPACED_SEPS: Final = (" . ", " / ", " - ")
# Cycle or session markers before a short date: "C3 2/8", "C12 28.09", "S11 28.01".
_CYCLE_BEFORE: Final = re.compile(
    r"(?:\b[CSJ]\d{1,2}|\b(?:cure|cycle|s[ée]ance)\s\d{1,2})\s?:?\s$", _I
)
# "vingt-six 02 2012": a day in words, then the month and year in digits.
_MONTH_YEAR_DIGITS: Final = re.compile(r"(?<=\s)(?:0[1-9]|1[0-2])\s(?:19|20)\d\d(?!\d)")
_DAY_WORDS: Final = frozenset(
    _word_list(
        "premier un deux trois quatre cinq six sept huit neuf dix onze douze treize "
        "quatorze quinze seize vingt trente"
    )
)
_DAY_WORDS_BEFORE: Final = re.compile(
    rf"(?<![\w-])(?:{_NUMWORD}(?:[\s-]{_NUMWORD}){{0,2}})\s$", _I
)
_DIGIT_SEP_DIGIT: Final = re.compile(r"\d\s?[/.\-]\s?\d")
_SIX_DIGITS: Final = re.compile(r"\d{6}")


def _text_dates(text: str, months: set[str] | frozenset[str]) -> Iterator[Found]:
    # Every text date holds a month word and starts at most ~80 characters before it: the regex
    # is searched from there only, instead of from every position of the text.
    last = 0
    size = len(text)
    for s, e in word_positions(text, text.lower(), months):
        if s < last:
            continue
        stop = min(size, e + 100)
        m = _DATE_TEXT.search(text, max(last, s - 80), stop)
        if m is not None and m.end() >= stop - 1 and stop < size:
            m = _DATE_TEXT.match(text, m.start())  # the window cut it: read on to the end
        if m is None:
            continue
        last = m.end()
        value = m.group()
        if value[:1].isalpha() and " " not in value.strip() and "-" not in value:
            continue
        yield m.start(), m.end(), "DATE"


def _dates(text: str, words: frozenset[str] | set[str]) -> Iterator[Found]:
    has_digit = _HAS_DIGIT.search(text) is not None
    # numeric dates need a separator between digits; compact ones six digits in a row
    has_sep = has_digit and _DIGIT_SEP_DIGIT.search(text) is not None
    if has_sep:
        for m in _DATE_NUMERIC.finditer(text):
            if _valid_numeric_date(m.group()):
                iso = text.startswith(":", m.end() + 3) and m.group()[4:5] == "-"
                t = _TIME_TAIL.match(text, m.end()) if iso else None
                yield m.start(), m.end() if t is None else t.end(), "DATE"
    months = words & MONTH_WORDS
    if months:
        yield from _text_dates(text, months)
    for m in _DATE_SHORT.finditer(text) if has_sep else ():
        day, sep, month = int(m.group(1)), m.group(2), int(m.group(3))
        if not (1 <= day <= 31 and 1 <= month <= 12):
            continue
        before = text[max(0, m.start() - 24) : m.start()]
        if _DATE_SHORT_NEG.search(before):
            continue
        two_digits = len(m.group(1)) == 2 and len(m.group(3)) == 2
        cycle = (
            (sep == "/" or len(m.group(3)) == 2)
            and _CYCLE_BEFORE.search(before)
            and not _DOSE_AFTER.match(text[m.end() : m.end() + 6])
        )
        if (sep == "/" and two_digits) or cycle or _DATE_SHORT_POS.search(before):
            yield m.start(), m.end(), "DATE"
    if has_sep:
        for m in _DATE_BAR_YEAR.finditer(text) if "|" in text else ():
            if 1 <= int(m.group(1)) <= 31 and 1 <= int(m.group(2)) <= 12:
                yield m.start(), m.end(), "DATE"
        for m in _DATE_DAY_RANGE.finditer(text):
            start = m.start() - 1  # the first day of the range: one or two digits
            if start and text[start - 1].isdigit():
                start -= 1
            if start and (_is_word_char(text[start - 1]) or text[start - 1] in "/.,-"):
                continue
            if _valid_numeric_date(m.group("v")):
                yield start, m.end(), "DATE"
        spaced = any(sep in text for sep in _SPACED_SEPS)
        for m in _DATE_SPACED.finditer(text) if spaced else ():
            if _valid_numeric_date(m.group().replace(" ", "")):
                yield m.start(), m.end(), "DATE"
    if has_digit and not words.isdisjoint(_DAY_WORDS):
        for m in _MONTH_YEAR_DIGITS.finditer(text):
            w = _DAY_WORDS_BEFORE.search(text, max(0, m.start() - 30), m.start())
            if w is not None:
                yield w.start(), m.end(), "DATE"
    if not has_digit or _SIX_DIGITS.search(text) is None:
        return
    for m in _DATE_CONTEXT_COMPACT.finditer(text):
        yield m.start("v"), m.end("v"), "DATE"
    for m in _DATE_COMPACT_WEAK.finditer(text):
        v = m.group("v")
        year = v[4:]
        if _valid_numeric_date(f"{v[:2]}/{v[2:4]}/{year}") and (
            len(year) == 2 or year[:2] in ("19", "20")
        ):
            yield m.start("v"), m.end("v"), "DATE"


# ---------------------------------------------------------------- addresses
_STREET_FR = (
    r"rue|r\.|avenue|av\.?|avn|bd|boulevard|blvd|all[ée]e|chemin|ch\.|impasse|imp\.|place|pl\.|"
    r"quai|route|rte|cours|square|sq\.|voie|r[ée]sidence|r[ée]s\.?|lotissement|lot\.|cit[ée]|"
    r"hameau|lieu[- ]dit|passage|parvis|esplanade|promenade|faubourg|fbg|sentier|villa|"
    r"mont[ée]e|rond[- ]point|za|zi|zac"
)
_STREET_EN = (
    r"street|st\.?|avenue|ave\.?|road|rd\.?|boulevard|blvd\.?|lane|ln\.?|drive|dr\.?|court|"
    r"ct\.?|place|pl\.?|way|terrace|circle|parkway|pkwy|highway|hwy|square|trail|alley|"
    r"crescent|close|plaza|gardens|strasse|straße|str\.|gasse|weg|via|calle|rua|piazza|ul\.|"
    r"út|utca|katu|gatan|gata|vej|laan|straat|plein"
)
_NAMEWORD = r"(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*|d['’][A-ZÀ-ÖØ-Þa-zà-ÿ][\w'’-]*|l['’]\w+)"
_PARTICLE = r"(?:de|du|des|de\sla|la|le|les|d['’]|l['’]|sur|sous|en|aux|au|et|saint|st|ste)"
_STREET_WORD = rf"(?:{_NAMEWORD}|{_PARTICLE}|[a-zà-ÿ][\w'’-]+)"
# A house number written in words ("deux bd …", "sept allée …"); "un" is left out ("un passage").
_HOUSE_WORD = (
    r"(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|"
    r"vingt)"
)
_ADDR_FR: Final = re.compile(
    rf"(?<![\d_])(?:(?P<num>\d{{1,4}}|\b{_HOUSE_WORD}(?=\s))\s?(?:bis|ter|quater|[a-dA-D](?=\s))?\s?,?\s?)?"
    rf"(?P<type>{_STREET_FR})\s(?P<name>(?:{_PARTICLE}\s?)*{_STREET_WORD}"
    rf"(?:[\s-](?:{_PARTICLE}\s?)*{_NAMEWORD}){{0,5}})"
    rf"(?:\s?,?\s?(?:(?:b[aâ]t(?:iment)?\.?|escalier|esc\.?|appt?\.?|appartement|studio|"
    rf"[ée]tage|porte)\s?\w{{1,4}}))*",
    _I,
)
_ADDR_EN: Final = re.compile(
    # Street-name words must be capitalised, even though the pattern ignores case elsewhere.
    # With no street name before it, "Dr" is the title of the next name ("01 42 21 32 74 Dr U.
    # WERTER"), not a drive.
    # A street-name word has no digit after its capital ("POLTAO O1.42.15.93.30 Dr" is a name
    # and a phone).
    rf"(?<![\w])\d{{1,6}}(?:[\s-]\d{{1,5}})?,?\s(?:(?:(?-i:[A-ZÀ-Þ])(?!\d)[\w'’.-]*\s){{1,4}}|(?!dr\b))"
    rf"(?:{_STREET_EN})(?![\w])"
    rf"(?:\s?\d{{1,5}}\b)?(?:,?\s(?:apt\.?|suite|unit|ste\.?|#|floor|fl\.?)\s?\w{{1,6}})?",
    _I,
)
_ADDR_EURO: Final = re.compile(
    # Type first ("Via Roma 12"); "Dr Martin ..." is a doctor, not a drive.
    rf"(?<![\w])(?!dr\b)(?:{_STREET_EN}|{_STREET_FR})\s(?:(?-i:[A-ZÀ-Þ])[\w'’.-]*\s){{1,4}}"
    rf"\d{{1,5}}\b",
    _I,
)
_ADDR_EURO_SUFFIX: Final = re.compile(
    r"(?<![\w])[A-ZÀ-Þ][\w'’-]*(?:katu|strasse|straße|gasse|weg|vej|gatan|gata|straat|laan|"
    r"tie|väg|vägen|veien|vegen)\s\d{1,5}\b",
    _I,
)
# A house number right before a street word ("12 bis, rue ...", even glued to the word before
# it): where an _ADDR_FR match starts. _ADDR_FR is only tried at a street word or such a number.
_NUM_BEFORE: Final = re.compile(
    rf"(?:(?<![\d_])\d{{1,4}}|\b{_HOUSE_WORD})\s?(?:bis|ter|quater|[a-dA-D](?=\s))?\s?,?\s?$", _I
)
# A house number in words is taken only before a postal code ("sept allée des roses 77500").
_ZIP_NEXT: Final = re.compile(r"\s?,?\s?\d{5}(?!\d)")
_NUM_START: Final = re.compile(r"(?<![\w])\d")
_ADDR_UNIT: Final = re.compile(
    r"(?<![\w])(?:apt\.?|suite|unit|box|dpo|psc|cedex)\s\d{1,6}(?:\sbox\s\d{1,6})?\b",
    _I,
)
_ZIP_CITY: Final = re.compile(
    r"(?<![\w])(?:F-|FR-)?(?P<zip>\d{5}|\d{2}\s\d{3})\s?,?\s(?P<city>(?:[A-ZÀ-ÖØ-Þ][\w'’-]*"
    r"(?:[\s-](?:sur|sous|en|le|la|les|de|du|des|lès|lez|aux|[A-ZÀ-ÖØ-Þ][\w'’-]*))*)"
    # CEDEX and its number, or an arrondissement closing the line ("75011 PARIS 11")
    r"(?:\s(?:cedex|CEDEX|Cedex)(?:\s\d{1,2})?|"
    r"[ \t]\d{1,2}(?:e|er|[èe]me)?(?=[ \t]*(?:\n|$)|[,.;)]))?)"
)
_CITY_ZIP_EN: Final = re.compile(
    r"(?<![\w])[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,2},\s[A-Z]{2}\s\d{5}(?:-\d{4})?\b"
)
_ZIP_CONTEXT: Final = re.compile(
    r"\b(?:zip|zip code|postal code|postcode|code postal|CP)\s?(?:is|est|:)?\s?"
    r"(?P<v>[A-Z0-9]{2,5}(?:[\s-][A-Z0-9]{2,4})?)\b",
    _I,
)
_NOT_CITY: Final = frozenset(
    [
        "Patients",
        "Patient",
        "Habitants",
        "Plaquettes",
        "Plq",
        "GB",
        "Leucocytes",
        "UI",
        "Euros",
        "Pas",
        "Mg",
    ]
)


_LETTERS: Final = re.compile(r"[^\W\d_]+")
_FR_STREET_WORDS: Final = frozenset(
    [
        "rue",
        "r",
        "avenue",
        "av",
        "avn",
        "bd",
        "boulevard",
        "blvd",
        "allee",
        "allée",
        "chemin",
        "ch",
        "impasse",
        "imp",
        "place",
        "pl",
        "quai",
        "route",
        "rte",
        "cours",
        "square",
        "sq",
        "voie",
        "residence",
        "résidence",
        "res",
        "rés",
        "lotissement",
        "lot",
        "cite",
        "cité",
        "hameau",
        "lieu",
        "passage",
        "parvis",
        "esplanade",
        "promenade",
        "faubourg",
        "fbg",
        "sentier",
        "villa",
        "montee",
        "montée",
        "rond",
        "za",
        "zi",
        "zac",
    ]
)
_EN_STREET_WORDS: Final = frozenset(
    [
        "street",
        "st",
        "avenue",
        "ave",
        "road",
        "rd",
        "boulevard",
        "blvd",
        "lane",
        "ln",
        "drive",
        "dr",
        "court",
        "ct",
        "place",
        "pl",
        "way",
        "terrace",
        "circle",
        "parkway",
        "pkwy",
        "highway",
        "hwy",
        "square",
        "trail",
        "alley",
        "crescent",
        "close",
        "plaza",
        "gardens",
        "strasse",
        "straße",
        "str",
        "gasse",
        "weg",
        "via",
        "calle",
        "rua",
        "piazza",
        "ul",
        "út",
        "utca",
        "gatan",
        "gata",
        "vej",
        "laan",
        "straat",
        "plein",
    ]
)
_ALL_STREET_WORDS: Final = _FR_STREET_WORDS | _EN_STREET_WORDS
_UNIT_WORDS: Final = frozenset(["apt", "suite", "unit", "box", "dpo", "psc", "cedex"])
_EURO_SUFFIXES: Final = (
    "katu",
    "strasse",
    "straße",
    "gasse",
    "weg",
    "vej",
    "gatan",
    "gata",
    "straat",
    "laan",
    "tie",
    "väg",
    "vägen",
    "veien",
    "vegen",
)
_FIVE_DIGITS: Final = re.compile(r"\d{5}|\d\d\s\d{3}")
_ZIP_WORDS: Final = frozenset(["zip", "postal", "postcode", "cp"])


def word_positions(text: str, lower: str, wanted: Iterable[str]) -> list[tuple[int, int]]:
    """Sorted spans of the whole words of ``text`` (``lower`` is its lower case) in ``wanted``.

    A whole word has no letter right before or after it. ``str.find`` in C is much faster than
    a regex alternation scanned at every position.
    """
    if len(lower) != len(text):  # a few letters change length in lower case: be exact
        wanted_set = set(wanted)
        return [m.span() for m in _LETTERS.finditer(text) if m.group().lower() in wanted_set]
    out: list[tuple[int, int]] = []
    n = len(lower)
    for w in wanted:
        size = len(w)
        i = lower.find(w)
        while i >= 0:
            j = i + size
            if (i == 0 or not _is_letter(lower[i - 1])) and (j >= n or not _is_letter(lower[j])):
                out.append((i, j))
            i = lower.find(w, j)
    out.sort()
    return out


def _is_letter(c: str) -> bool:
    return c.isalpha()


Spans = list[tuple[int, int]]


def _addr_fr(text: str, streets: Spans) -> Iterator[Found]:
    # The regex is tried only where it can start: a street word, or the number before it.
    last = -1
    for s, _ in streets:
        if s < last:
            continue
        m = None
        num = _NUM_BEFORE.search(text, max(0, s - 16), s)
        if num is not None and num.start() >= last:
            m = _ADDR_FR.match(text, num.start())
        if m is None:
            m = _ADDR_FR.match(text, s)
        if m is None:
            continue
        last = m.end()
        num_word = m.group("num")
        in_words = num_word is not None and not num_word[0].isdigit()
        if in_words and _ZIP_NEXT.match(text, m.end()) is None:
            m = _ADDR_FR.match(text, s)  # the street without the word before it
            if m is None:
                continue
        has_num = m.group("num") is not None
        name = m.group("name")
        typ = m.group("type")
        capital_name = any(w[:1].isupper() for w in name.split()) or typ[:1].isupper()
        if typ.lower().rstrip(".") in {"place", "pl", "cours", "route", "voie", "cité"}:
            capital_name = any(w[:1].isupper() for w in name.split())
        if not has_num and capital_name:
            # with no house number, the name itself starts with a capital ("rue Rivoli"); a
            # capitalised common word then lower-case words is a sentence ("Passage régulier
            # tous les…", "Cours de chimiothérapie programmés…")
            capital_name = _first_name_word(name)[:1].isupper()
        if has_num or capital_name:
            yield m.start(), _name_end(m), "ADDRESS"


_PARTICLE_WORDS: Final = frozenset(
    _word_list("de du des la le les sur sous en aux au et saint st ste")
)


_NAME_TOKEN: Final = re.compile(r"\S+")


def _name_end(m: re.Match[str]) -> int:
    """Where a street match ends: a capitalised name stops before the first lower-case word
    that is not a particle ("153 rue du Lys à Lille | avaient été…", "Avenue Teboulbi St. | the
    first three months"); a lower-case name ("deux bd etienne de rourque") is taken whole."""
    name = m.group("name")
    base = m.start("name")
    capital = False
    last_end = 0
    for w in _NAME_TOKEN.finditer(name):
        word = w.group()
        if word[:2].lower() in ("d'", "d’", "l'", "l’"):
            word = word[2:]  # "d'ORGE", "d’Arc"
        if not word or word.lower() in _PARTICLE_WORDS or word == "à":  # "… à Lille" stays
            continue
        if word[:1].isupper() or not word[:1].isalpha():
            capital = capital or word[:1].isupper()
            last_end = w.end()
        elif capital:
            return base + last_end
        else:
            last_end = w.end()
    return m.end()


def _first_name_word(name: str) -> str:
    """The first word of a street name that is not a particle, elision stripped."""
    for word in name.split():
        if word.lower() in _PARTICLE_WORDS:
            continue
        bare = word[2:] if word[:2].lower() in ("d'", "d’", "l'", "l’") else word
        if bare:
            return bare
    return ""


def _addr_en(text: str, streets: Spans) -> Iterator[Found]:
    last = -1
    for n in _NUM_START.finditer(text):
        p = n.start()
        # a number opens the address at most 4 words (and some digits) before the street word
        if p < last or not any(p < s <= p + 120 for s, _ in streets):
            continue
        m = _ADDR_EN.match(text, p)
        if m is not None:
            last = m.end()
            yield m.start(), m.end(), "ADDRESS"


def _addr_euro(text: str, streets: Spans) -> Iterator[Found]:
    last = -1
    for s, _ in streets:
        if s < last:
            continue
        m = _ADDR_EURO.match(text, s)
        if m is not None:
            last = m.end()
            yield m.start(), m.end(), "ADDRESS"


# "Marseille, 13006": a capitalised city, a comma, a French postal code (department 01-98).
_CITY_COMMA_ZIP: Final = re.compile(
    r"(?<![\w])(?P<city>[A-ZÀ-Þ][a-zà-ÿ'’]+(?:[\s-][A-ZÀ-Þ][a-zà-ÿ'’]+){0,2}),\s"
    r"(?:0[1-9]|[1-8]\d|9[0-8])\d{3}(?![\w])"
)
_CITY_ZIP_HINT: Final = re.compile(r",\s[A-Z]{2}\s\d{5}")  # starts with a literal: fast
_SPACE_DIGIT: Final = re.compile(r"\s\d")


def _addr_euro_suffix(text: str, suffixed: list[str]) -> Iterator[Found]:
    # "Lindholmvägen 12": tried only at the words ending so, followed by a number.
    last = -1
    for s, e in word_positions(text, text.lower(), suffixed):
        if _SPACE_DIGIT.match(text, e) is None:
            continue
        start = s
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_'’-"):
            start -= 1
        if start < last:
            continue
        m = _ADDR_EURO_SUFFIX.match(text, start)
        if m is not None:
            last = m.end()
            yield m.start(), m.end(), "ADDRESS"


def _addresses(text: str, words: frozenset[str] | set[str], has_digit: bool) -> Iterator[Found]:
    present = words & _ALL_STREET_WORDS
    if present:
        lower = text.lower()
        streets = word_positions(text, lower, present)
        fr = [sp for sp in streets if lower[sp[0] : sp[1]] in _FR_STREET_WORDS]
        if fr:
            yield from _addr_fr(text, fr)
        if has_digit:
            en = [sp for sp in streets if lower[sp[0] : sp[1]] in _EN_STREET_WORDS]
            if en:
                yield from _addr_en(text, en)
            yield from _addr_euro(text, streets)
    if not has_digit:
        return
    suffixed = [w for w in words if w.endswith(_EURO_SUFFIXES)]
    if suffixed:
        yield from _addr_euro_suffix(text, suffixed)
    if not words.isdisjoint(_UNIT_WORDS):
        for m in _ADDR_UNIT.finditer(text):
            yield m.start(), m.end(), "ADDRESS"
    if _FIVE_DIGITS.search(text):
        for m in _ZIP_CITY.finditer(text):
            city = m.group("city").split()
            if city[0] in _NOT_CITY or (len(city) >= 3 and max(map(len, city)) == 1):
                continue  # "29 392\nV V V V": a table of letters, not a city
            yield m.start(), m.end(), "ADDRESS"
        for m in _CITY_ZIP_EN.finditer(text) if _CITY_ZIP_HINT.search(text) else ():
            yield m.start(), m.end(), "ADDRESS"
        for m in _CITY_COMMA_ZIP.finditer(text) if ", " in text else ():
            if m.group("city").split()[0] not in _NOT_CITY:
                yield m.start(), m.end(), "ADDRESS"
    if not words.isdisjoint(_ZIP_WORDS):
        for m in _ZIP_CONTEXT.finditer(text):
            if any(c.isdigit() for c in m.group("v")):
                yield m.start("v"), m.end("v"), "ADDRESS"


_HAS_DIGIT: Final = re.compile(r"\d")


def find_structured(text: str) -> list[Found]:
    """Every structured identifier candidate in ``text`` (may overlap)."""
    found: list[Found] = []
    if "@" in text or "[at]" in text or "(at)" in text:
        found.extend((m.start(), m.end(), "EMAIL") for m in _EMAIL.finditer(text))
    words = set(_LETTERS.findall(text.lower()))
    has_digit = _HAS_DIGIT.search(text) is not None
    if has_digit:
        found.extend(_runs(text))
        found.extend(_labelled_ids(text, words))
        found.extend(_corsica_nir(text))
        found.extend(_mixed_ids(text))
    found.extend(_dates(text, words))
    found.extend(_addresses(text, words, has_digit))
    if has_digit:
        found.extend(_postal_codes(text, found))
    if not words.isdisjoint(_LEGAL_WORDS):
        found = [f for f in found if not _legal_reference(text, f)]
    return found


# A French postal code (department 01-98) standing alone: before a phone number, on its line or
# closing the line above ("… Pompidou 75015 (33) 01-32-39-28-25", "source principale 20118 –
# (205)-…"), or after "dans le" ("à Paris dans le 75001"). A four- or five-digit postal code
# and a capitalised city right after a street ("SchlussStrasse 13, 3049 Leipzig").
_ZIP_BEFORE_PHONE: Final = re.compile(
    r"(?<![\w.,/-])(?:0[1-9]|[1-8]\d|9[0-8])\d{3}(?:[ \t]?[-–,]?[ \t]?|[ \t]*\n)\Z"
)
_DANS_LE_ZIP: Final = re.compile(
    r"\bdans le\s(?P<zip>(?:0[1-9]|[1-8]\d|9[0-8])\d{3})(?![\w/]|[.,]\d)", _I
)
_ZIP_CITY_AFTER: Final = re.compile(
    r",?\s(?:\d{4}|\d{5})\s[A-ZÀ-ÖØ-Þ][a-zà-ÿ'’]+(?:-[A-ZÀ-ÖØ-Þ][a-zà-ÿ'’]+)*(?![\w])"
)


def _postal_codes(text: str, found: list[Found]) -> Iterator[Found]:
    phones = {s for s, _, label in found if label == "PHONE"}
    street_ends = {e for _, e, label in found if label == "ADDRESS"}
    for end in street_ends:
        m = _ZIP_CITY_AFTER.match(text, end)
        if m is not None:
            yield end, m.end(), "ADDRESS"
    for p in phones:
        m = _ZIP_BEFORE_PHONE.search(text, max(0, p - 9), p)
        if m is not None:
            yield m.start(), m.start() + 5, "ADDRESS"
    if "dans le" in text.lower():
        for m in _DANS_LE_ZIP.finditer(text):
            yield m.start("zip"), m.end("zip"), "ADDRESS"


# A law's date and number are no one's identifiers: "Loi du 18 août 2013", "Décret n°2013-1066
# du 3 juin 2013", "arrêté du 12 mars".
_LEGAL_WORDS: Final = frozenset(
    _word_list("loi lois décret decret arrêté arrete ordonnance circulaire directive règlement")
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
