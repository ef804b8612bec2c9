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

from bot.domain.deid_names import norm
from bot.domain.wordlists import is_ordinary

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


# A birth month and year: the design removes dates of birth, and a month + year after a birth
# cue is one ("née en novembre 1975", "DOB 03/1961"); elsewhere month + year stays ("en mars
# 1982" in a history).
_DATE_BIRTH_MONTH_YEAR: Final = re.compile(
    r"\b(?:DDN|DOB|n[ée]\(?e?\)?\s(?:en|le)|date de naissance|date of birth|birth ?date|"
    r"born(?:\s(?:in|on))?)\s?:?\s?"
    rf"(?P<v>{_MONTH}\s?(?:19|20)\d\d|(?:0?[1-9]|1[0-2])\s?[/.-]\s?(?:19|20)\d\d)(?![\d/.-]\d)",
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
    if has_digit and (months or has_sep):
        for m in _DATE_BIRTH_MONTH_YEAR.finditer(text):
            yield m.start("v"), m.end("v"), "DATE"
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
    r"út|utca|katu|gatan|gata|vej|laan|straat|plein|r[úu]a"
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
    rf"(?P<etype>{_STREET_EN})(?![\w])"
    rf"(?:\s?\d{{1,5}}\b)?(?:,?\s(?:apt\.?|suite|unit|ste\.?|#|floor|fl\.?)\s?\w{{1,6}})?",
    _I,
)
_ADDR_EURO: Final = re.compile(
    # Type first ("Via Roma 12"); "Dr Martin ..." is a doctor, not a drive.
    # The name may hold small words ("Via dei Fiorentini 17", "Rua do Arenque 1634").
    rf"(?<![\w])(?!dr\b)(?:{_STREET_EN}|{_STREET_FR})\s"
    rf"(?:(?-i:de|del|dei|della|delle|do|da|dos|das|di|du|e|y)\s){{0,2}}"
    rf"(?:(?-i:[A-ZÀ-Þ])[\w'’.-]*\s(?:(?-i:de|del|dei|della|delle|do|da|dos|das|di|du|e|y)\s)?){{1,5}}"
    rf"\d{{1,5}}\b",
    _I,
)
_ADDR_EURO_SUFFIX: Final = re.compile(
    r"(?<![\w])[A-ZÀ-Þ][\w'’-]*(?:katu|strasse|straße|gasse|weg|vej|gatan|gata|straat|laan|"
    r"tie|väg|vägen|veien|vegen|stræti|straeti|braut|vegur|gade|stræde)\s\d{1,5}\b",
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
    r"(?<![\w])(?:apt\.?|suite|unit|box|dpo|psc|cedex)\s\d{1,6}[a-zA-Z]?(?:\sbox\s\d{1,6})?\b",
    _I,
)
_ZIP_CITY: Final = re.compile(
    r"(?<![\w])(?:F-|FR-)?(?P<zip>\d{5}|\d{2}\s\d{3})\s?,?\s(?P<city>(?:[A-ZÀ-ÖØ-Þ][\w'’-]*"
    r"(?:[\s-](?:sur|sous|en|le|la|les|de|du|des|lès|lez|aux|[A-ZÀ-ÖØ-Þ][\w'’-]*))*)"
    # CEDEX and its number, or an arrondissement closing the line ("75011 PARIS 11")
    r"(?:\s(?:cedex|CEDEX|Cedex)(?:\s\d{1,2})?|"
    r"[ \t]\d{1,2}(?:e|er|[èe]me)?(?=[ \t]*(?:\n|$)|[,.;)]))?)"
)
# A city alone on its line: the line ends, or a comma or a full stop closes it.
_CITY_LINE_END: Final = re.compile(r"[ \t]*(?:\n|\Z|,|;|\)|\.(?:\s*\Z|\s+[^\W\d]))")
_CITY_ZIP_EN: Final = re.compile(
    r"(?<![\w])[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,2},\s[A-Z]{2}\s\d{5}(?:-\d{4})?\b"
)
_ZIP_CONTEXT: Final = re.compile(
    r"\b(?:zip code|zip|postal code|postcode|code postal|CP)\s?(?:is|est|:)?\s?"
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
        "rúa",
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
    "stræti",
    "straeti",
    "braut",
    "vegur",
    "gade",
    "stræde",
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
        if m is None:
            continue
        last = end = m.end()
        typ = m.group("etype")
        if (
            end == m.end("etype")
            and typ.islower()
            and typ.rstrip(".") not in _FR_STREET_WORDS  # "105-84 avenue du Général…"
            and not text.islower()
        ):
            # "lives on 90 Whitchurch Road street.": a lower-case word after a capitalised
            # street says what it is; it is not part of its name ("129 street": no name)
            end = m.start("etype")
            while end > p and text[end - 1].isspace():
                end -= 1
            if not any(c.isalpha() for c in text[p:end]):
                # no name after the number: it is before it ("on Grössgstötten 50 street")
                start = _name_before_number(text, p)
                if start < p:
                    yield start, end, "ADDRESS"
                continue
        yield m.start(), end, "ADDRESS"


_NAME_TOKEN_BEFORE: Final = re.compile(r"(?:[^\W\d_][\w'’.-]*|[A-Z]/)[ \t]+\Z")


def _name_before_number(text: str, p: int) -> int:
    """Where the street name that ends right before ``p`` starts: up to four words back, the
    first one capitalised, stopping at a function word ("refers to | Árpád fejedelem útja")."""
    start = p
    first = p
    for _ in range(4):
        m = _NAME_TOKEN_BEFORE.search(text, max(0, start - 40), start)
        if m is None or m.group().split()[0].lower() in _NOT_PLACE:
            break
        start = m.start()
        if text[start].isupper():
            first = start
    return first


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
        lower_text = text.islower()
        for m in _ADDR_UNIT.finditer(text):
            if _unit_ok(text, m, lower_text):  # not "Suite 3 jours"
                yield m.start(), m.end(), "ADDRESS"
    if _FIVE_DIGITS.search(text):
        for m in _ZIP_CITY.finditer(text):
            city = m.group("city").split()
            if city[0] in _NOT_CITY or (len(city) >= 3 and max(map(len, city)) == 1):
                continue  # "29 392\nV V V V": a table of letters, not a city
            end = m.end()
            nl = text.find("\n", m.start("city"), end)
            if nl >= 0 and not _CITY_LINE_END.match(text, end):
                # a city runs on to the next line only to end it ("ISSY LES\nMOULINS"), not
                # into a sentence ("75020 Paris\nLes résultats …")
                end = nl
                while text[end - 1] in " \t":
                    end -= 1
            if "\n" in text[m.start() : m.start("city")] and not _CITY_LINE_END.match(text, end):
                continue  # on the line after the code: "62704\nHx of CABG", "44085\nMobile: 06…"
            yield m.start(), end, "ADDRESS"
        for m in _CITY_ZIP_EN.finditer(text) if _CITY_ZIP_HINT.search(text) else ():
            yield m.start(), m.end(), "ADDRESS"
        for m in _CITY_COMMA_ZIP.finditer(text) if ", " in text else ():
            if m.group("city").split()[0] not in _NOT_CITY:
                yield m.start(), m.end(), "ADDRESS"
    if not words.isdisjoint(_ZIP_WORDS):
        for m in _ZIP_CONTEXT.finditer(text):
            if any(c.isdigit() for c in m.group("v")):
                yield m.start("v"), m.end("v"), "ADDRESS"


# ---------------------------------------------------------------- address blocks
# International addresses as forms and letters write them: a house number, a street name and a
# number ("6185 Pfarrgasse 91", "35108 ul. Zamkowa 33"), then, on the same line or the next
# ones, an apartment or suite, a city, a region code, a country and a postal code. A number,
# words and a number alone are weak evidence (a lab line or a drug and its dose read alike), so
# they are kept only when the block around them is plainly an address: an apartment or suite, a
# region code, a postal code on its own line or after a city, or a sentence announcing an
# address. Every ADDRESS span found by the finders above is read on the same way.

# A word of any script; "∆" (the increment sign) is typed for a Greek capital delta.
_AB_WORD = r"(?:[^\W\d_]|∆)[\w∆'’.-]*"
_HOUSE_NAME_NUMBER: Final = re.compile(
    rf"(?<![\w.,/:+#-])\d{{1,6}}[ \t]+(?:\d{{1,5}}[ \t]+)?"
    rf"(?P<body>{_AB_WORD}(?:[ \t]+{_AB_WORD}){{0,5}})"
    r"[ \t]+(?P<n2>\d{1,5}[a-zA-Z]?)(?:\.(?!\d))?(?![\w∆]|[.,/:]\d)"
)
# Cheap test before _HOUSE_NAME_NUMBER: a number, a space, a letter.
_NUMBER_THEN_WORD: Final = re.compile(r"\d[ \t]+(?:[^\W\d_]|∆)")
# The word before the house number: none, a lower-case word ("lives at"), a number or a unit
# word; a capitalised word makes it a lab line ("Hb 12 Plaquettes 250").
_WORD_BEFORE: Final = re.compile(r"(?P<w>[^\s]+)[ \t]+\Z")
_WORDS_BEFORE_HOUSE: Final = frozenset(
    _word_list(
        """
        apt apt. suite ste. box at to is in on of with from into and via near it's
        au à chez et habite vit réside adresse address
        """
    )
)
# A clause that announces an address, in the 60 characters before a street.
_ADDRESS_CUE: Final = re.compile(
    r"\b(?:address(?:es)?|adresse|lives?|lived|living|located|sent|send|deliver(?:ed|y)?|"
    r"moved|habite|domicil(?:e|i[ée]e?)|demeurant|r[ée]side)\b[^\n.!?,;]*\Z",
    _I,
)
# What may separate two parts of a block: spaces, a comma, line breaks, and the quote marks
# ("> ", "??? ") a forwarded message puts before each line.
_AB_SEP: Final = re.compile(r"[ \t]*(?:,[ \t]*)?(?:\n[ \t>?]*){0,3}(?:,[ \t]*)?")
_AB_UNIT: Final = re.compile(
    r"(?:apt\.?|apartment|suite|ste\.|(?:p\.?[ \t]?o\.?[ \t]?)?box|postbox)"
    r"[ \t]?#?\d{1,6}[a-z]?(?![\w])",
    _I,
)
# A postal code closing what is read already ("…d'Orves\n92700"), or opening it ("75011 Paris").
_ZIP_LINE_BEFORE: Final = re.compile(r"[\n,][ \t>?]*\d{4,5}\Z")
_ZIP_CITY_SHAPE: Final = re.compile(r"\d{5}\s\D*\Z")
_UNIT_BEFORE: Final = re.compile(r"(?:apt\.?|suite|box)[ \t]?#?\d{1,6}[a-z]?\Z", _I)
_LOWER_WORD_AFTER: Final = re.compile(r"[ \t]+[a-zà-ÿ]")
# Postal codes: 12345, 1234, 12345-6789, 3610-114, 53-320, 340 12, 700; "B0J 2H0" (Canada),
# "SW1A 1AA" (United Kingdom). Not a measure ("8000/mm3", "250 000").
_AB_ZIP: Final = re.compile(
    r"(?:\d{4,5}(?:-\d{3,4})?|\d{2}-\d{3}|\d{3}(?:[ \t]\d{2})?|"
    r"[A-Z]\d[A-Z][ \t]?\d[A-Z]\d|[A-Z]{1,2}\d[A-Z\d]?[ \t]\d[A-Z]{2})"
    r"(?![\w∆/%]|[.,:-]\d|[ \t]\d)"
)
_AB_TOKEN: Final = re.compile(rf"{_AB_WORD}|\([^()\n]{{1,30}}\)")
_AB_GAP: Final = re.compile(r"[ \t]+|-")
# A city name may hold these small words ("Torroella de Montgrí", "Ostrov nad Ohrí").
_CITY_PARTICLES: Final = frozenset(
    _word_list(
        """
        de del della dei di da do dos das du des la le les el en y i e nad pod na u v am an im
        bei sur sous upon on ob lès lez aan van von der den ten ter
        """
    )
)
# Words that end a block rather than name a city or a country.
_NOT_PLACE: Final = frozenset(
    _word_list(
        """
        and or the of for in at to on is it i we you he she they my our your his her their this
        that with from by as et ou le la les des du au aux un une pour par sur dans avec chez
        """
    )
)
# A line that starts with a title is a name ("Dr Martin"), not a city.
_TITLE_WORDS: Final = frozenset(
    _word_list("dr pr mme mlle mr mrs ms miss docteur professeur madame monsieur mademoiselle")
)
_PLACE_END: Final = frozenset("\n,.;?!)")
# A unit after a number makes it a measure, not a postal code or a house number.
_MEASURE_AFTER: Final = re.compile(
    r"[ \t]*(?:mg|g|µg|mcg|ml|cc|ui|iu|u|mu|mmol|µmol|kg|mm|cm|auc|sa|h|min|bpm|%|/)"
    r"(?![^\W\d_])",
    _I,
)


def _zip_ok(text: str, m: re.Match[str], after_place: bool) -> bool:
    """A postal code, not a year ("Mars 2023"), a measure ("Fragmin 5000 UI") or, alone on
    its line, three digits."""
    value = m.group()
    if len(value) == 4 and value[:2] in ("19", "20") and value.isdigit():
        return False
    if len(value) == 3 and not after_place:
        return False
    return _MEASURE_AFTER.match(text, m.end()) is None


_FULL_STOP: Final = re.compile(r"\.(?:\s*\Z|\s+\D)")


def _place(text: str, pos: int, lower_ok: bool, same_line: bool) -> int:
    """The end of a city or country name at ``pos`` (and of a postal code after it), or -1.

    One to six capitalised words (or small particles; any words when ``lower_ok``) that end the
    line, end at a comma or a full stop, come before a postal code or (``same_line``) before a
    lower-case word ("… Tunisia last night").
    """
    end = -1
    count = 0
    p = pos
    size = len(text)
    while count < 6:
        if count and _AB_ZIP.match(text, p) is not None:
            break  # "London SW1A 2AA"
        m = _AB_TOKEN.match(text, p)
        if m is None:
            break
        word = m.group()
        bare = word.strip("().'’-").lower()
        # "nan": what a spreadsheet writes for an empty region
        capital = word[0].isupper() or word[0] in "(∆" or word == "nan"
        if bare in _NOT_PLACE or not (capital or bare in _CITY_PARTICLES or lower_ok):
            break
        if count == 0 and bare in _TITLE_WORDS:
            break
        if word[0] == "(" and count == 0:
            break
        count += 1
        p = m.end()
        if word[-1] == "." and _FULL_STOP.match(text, p - 1):
            if bare not in _CITY_PARTICLES:
                end = p - 1  # "… OULU NO. I now live in …"
            break
        if bare not in _CITY_PARTICLES:
            end = p
        gap = _AB_GAP.match(text, p)
        if gap is None:
            break
        p = gap.end()
    if end < 0:
        return -1
    q = end
    while q < size and text[q] in " \t":
        q += 1
    if q >= size or text[q] in _PLACE_END:
        if text[q : q + 1] == "." and not _FULL_STOP.match(text, q):
            return -1  # "Tél. 01 …": an abbreviation, not the end of a sentence
        return end
    z = _AB_ZIP.match(text, q) if q > end else None
    if z is not None:
        short_caps = count == 1 and len(text[pos:end]) <= 3 and text[pos:end].isupper()
        return z.end() if _zip_ok(text, z, True) and not short_caps else -1  # not "BNP 1200"
    if same_line and not lower_ok and text[q].isalpha() and text[q].islower():
        return end
    return -1


def _region(text: str, pos: int, lower_ok: bool) -> tuple[int, bool]:
    """The end of a region code and of the postal code after it ("NO 14908", "nan 18237",
    "43 73313", "ON\n 82269"), and True; or the end of a code closing its line after a comma
    (", ON\n"), and False; or -1."""
    p = pos
    size = len(text)
    digits = text[pos : pos + 1].isdigit()  # a numbered region or department ("…, 43 73313")
    while p < size and p - pos < 3 and (text[p].isdigit() if digits else text[p].isalpha()):
        p += 1
    code = text[pos:p]
    if not (1 if digits else 2) <= len(code) <= (2 if digits else 3) or (
        p < size and (text[p].isalnum() or text[p] in "'’-")
    ):
        return -1, False
    if not (digits or code == "nan" or code.isupper() or (lower_ok and code not in _NOT_PLACE)):
        return -1, False
    gap = _REGION_GAP.match(text, p)
    q = gap.end() if gap is not None else p
    z = _AB_ZIP.match(text, q) if q > p else None
    if z is not None and _zip_ok(text, z, True):
        return z.end(), True
    if (q >= size or "\n" in text[p:q]) and text[:pos].rstrip(" \t").endswith(","):
        return p, False
    return -1, False


_REGION_GAP: Final = re.compile(r"[ \t]*(?:\n[ \t>?]*)?")


def _unit_ok(text: str, m: re.Match[str], lower_text: bool) -> bool:
    """An apartment or suite number, not "suite 2 séances" (a count of things)."""
    return (
        lower_text
        or _LOWER_WORD_AFTER.match(text, m.end()) is None
        or text.startswith("nan", m.end() + 1)
    )


def _block_tail(
    text: str, pos: int, lower_text: bool, zip_before: bool = False
) -> tuple[int, bool]:
    """Where the address block that reaches ``pos`` ends, and whether the part read holds an
    apartment or suite, a region code or a postal code (the marks of an address).

    ``zip_before``: the block read so far holds a postal code already.
    """
    size = len(text)
    end = pos
    # the last strong part is an apartment, a suite, a box ("… Drive Suite 215 NUNGATTA")
    unit = _UNIT_BEFORE.search(text, max(0, pos - 16), pos) is not None
    seen_unit = unit  # an all lower-case text takes lower-case places only after a unit
    strong = unit or zip_before or _ZIP_LINE_BEFORE.search(text, max(0, pos - 9), pos) is not None
    places = 0  # places read after the last strong part
    places_end = pos
    while pos < size:
        sep = _AB_SEP.match(text, pos)
        q = sep.end() if sep is not None else pos
        if q == pos or q >= size:
            break
        sep_text = text[pos:q]
        new_part = "," in sep_text or "\n" in sep_text
        lower_ok = lower_text and seen_unit
        if (m := _AB_UNIT.match(text, q)) is not None and _unit_ok(text, m, lower_text):
            pos = end = m.end()
            strong = unit = seen_unit = True
            places = 0
            continue
        if new_part and (m := _AB_ZIP.match(text, q)) is not None and _zip_ok(text, m, places > 0):
            pos = end = m.end()
            strong, unit = True, False
            places = 0
            continue
        if new_part:
            r, with_zip = _region(text, q, lower_ok)
            if with_zip:
                pos = end = r
                strong, unit = True, False
                places = 0
                continue
            if r > 0:  # a region code alone on its line, as a place
                pos = places_end = r
                places += 1
                continue
        r = _place(text, q, lower_ok, not new_part or "\n" not in sep_text)
        if r < 0 or places == 3:
            break
        if text[r - 1].isdigit():
            pos = end = r  # a place and its postal code
            strong, unit = True, False
            places = 0
            continue
        pos = places_end = r
        places += 1
    # Places closing the block are taken after a unit ("Suite 343\n Pärnu\n Estonia") or, two
    # of them, after the street ("14 Iliou Street, MARIEHOLM, Sweden"); one alone may be the
    # next sentence, and after a postal code the data sets leave the country out.
    if places and (unit or (not strong and places >= 2)):
        end = places_end
    return end, strong


_STREET_AFTER: Final = re.compile(r"[ \t]+(?:st|street|rd|road|ave|avenue)\b", _I)


def _house_number_first(text: str, start: int) -> bool:
    """Whether the number at ``start`` may open an address (see _WORD_BEFORE)."""
    line = text.rfind("\n", 0, start) + 1
    b = _WORD_BEFORE.search(text, max(line, start - 30), start)
    if b is None:
        return True
    word = b.group("w")
    return word[-1] in ":,>?" or word[0].isdigit() or word.lower() in _WORDS_BEFORE_HOUSE


def _house_name_numbers(text: str, lower_text: bool) -> Iterator[Found]:
    last = -1
    for m in _HOUSE_NAME_NUMBER.finditer(text):
        start = m.start()
        if (
            start < last
            or _MEASURE_AFTER.match(text, m.end("n2"))
            or not _house_number_first(text, start)
        ):
            continue
        tail, strong = _block_tail(text, m.end(), lower_text)
        if not (
            strong
            or _STREET_AFTER.match(text, m.end()) is not None  # "4823 Ringvej 144 St."
            or (
                _ADDRESS_CUE.search(text, max(0, start - 60), start) is not None
                and not all(is_ordinary(norm(w)) for w in m.group("body").split())
            )
        ):
            continue
        last = tail
        yield start, tail, "ADDRESS"


# A military address: a unit or a ship, then APO, FPO or DPO, a two-letter zone and a code.
_MILITARY: Final = re.compile(
    r"\b(?:(?:PSC|Unit|CMR)[ \t]\d{1,5},?[ \t]Box[ \t]\d{1,5}|"
    r"(?:USNS|USNV|USS|USCGC|USNH)[ \t][^\n,]{2,40}?)"
    r"[ \t]*,?[ \t]*\n?[ \t>?]*(?:APO|FPO|DPO)[ \t](?:AA|AE|AP)[ \t]\d{5}(?!\d)",
    _I,
)
_MILITARY_WORDS: Final = frozenset(["apo", "fpo", "dpo"])
# "the corner of 3744 Retreat Avenue and Władysława Route": two streets, the first one with a
# number or one of them with a street word ("the corner of the mouth and …" is no address); the
# second one is capitalised.
_CORNER: Final = re.compile(
    r"\b(?:the[ \t])?corner[ \t]of[ \t](?P<x>[^\n,;?!()]{2,60}?)[ \t]and[ \t]"
    rf"(?P<y>{_AB_WORD}(?:[ \t]{_AB_WORD}){{0,2}})",
    _I,
)


def _corners(text: str, lower_text: bool) -> Iterator[Found]:
    for m in _CORNER.finditer(text):
        x = m.group("x")
        named = any(c.isdigit() for c in x) or not _ALL_STREET_WORDS.isdisjoint(
            _LETTERS.findall(m.group().lower())
        )
        if x.lower().startswith("the ") or not named:
            continue
        y_end = m.start("y")
        for w in _AB_TOKEN.finditer(text, m.start("y"), m.end("y")):
            word = w.group()
            if word in _CITY_PARTICLES:
                continue  # "Rue du Louvre", "ten Pas Pass"
            if not (word[0].isupper() or lower_text) or word.lower() in _NOT_PLACE:
                break
            y_end = w.end()
        if y_end > m.start("y"):
            yield m.start(), y_end, "ADDRESS"


# A street line read back from the apartment or suite after it: "Fuglie 41 Popović Dam\n
# Suite 860", "Λεωφόρος Συγγρού 119 Nino Point\n Apt. 658" (words, a number, words).
_STREET_LINE_BEFORE: Final = re.compile(
    rf"(?<![\w∆'’.-])(?:{_AB_WORD}[ \t]+){{1,4}}\d{{1,5}}[a-zA-Z]?\.?(?:[ \t]\d{{1,3}})?"
    rf"(?:[ \t]+{_AB_WORD}){{0,3}}"
    r"[ \t]*,?[ \t]*\n?[ \t>?]*\Z"
)
_APT: Final = re.compile(r"(?:apt\.?|apartment|suite|ste\.)[ \t]?#?\d{1,6}[a-z]?(?![\w])", _I)


def _street_lines_before_units(text: str, lower_text: bool) -> Iterator[Found]:
    for m in _APT.finditer(text):
        if not _unit_ok(text, m, lower_text):
            continue
        start = m.start()
        p = start
        while p > 0 and text[p - 1] in " \t>?,":
            p -= 1
        if p > 0 and text[p - 1] == "\n":
            p -= 1  # the street is on the line above
        line = text.rfind("\n", 0, p) + 1
        b = _STREET_LINE_BEFORE.search(text, max(line, start - 90), start)
        if b is None:
            continue
        # the street starts after the last function word, at a capitalised word ("… address
        # with Serenade Opus 420 Gairbekov Rapids", "It's in Λεωφόρος Συγγρού 119 Nino Point")
        first = b.start()
        for w in _AB_TOKEN.finditer(text, b.start(), b.end()):
            if w.group().lower() in _NOT_PLACE:
                first = w.end() + 1
        while first < b.end() and not (text[first].isupper() or lower_text):
            first = text.find(" ", first, b.end()) + 1 or b.end()
        if first < b.end() and not text[first].isdigit():
            yield first, m.end(), "ADDRESS"


# "Looking to support Allianz in Acquapendente 1021": a city and its postal code after "in".
_IN_CITY_ZIP: Final = re.compile(
    rf"\b(?:in|at)[ \t]+(?P<v>[A-ZÀ-Þ][\w∆'’.-]*(?:[ \t]+{_AB_WORD}){{0,4}}[ \t]+"
    r"(?:\d{4,5}(?:-\d{3})?|\d{3}[ \t]\d{2}))(?![\w/%]|[.,:-]\d|[ \t]\d)"
)
_YEAR_AT_END: Final = re.compile(r"(?:19|20)\d\d\Z")


def _cities_with_zip(text: str) -> Iterator[Found]:
    for m in _IN_CITY_ZIP.finditer(text):
        value = m.group("v")
        if _YEAR_AT_END.search(value) or _DOSE_AFTER.match(text, m.end()):
            continue
        words = value.split()[:-1]
        if words[-1].isdigit():  # "840 24"
            words.pop()
        if (
            words[0].lower() not in _NOT_PLACE
            and all(w[0].isupper() or w in _CITY_PARTICLES for w in words)
            # "seen in Clinic 2301", "in ICU 1234"
            and not (len(words) == 1 and (is_ordinary(norm(words[0])) or len(words[0]) <= 3))
        ):
            yield m.start("v"), m.end("v"), "ADDRESS"


# "on Miletić Dale Street": a street with no number, named by capitalised words before a
# capitalised type. The type word stays: it says what the name is.
_NAMED_STREET: Final = re.compile(
    r"(?<![\w])(?P<name>(?:[A-ZÀ-Þ][\w'’-]+[ \t]){1,3})"
    r"(?:Street|Road|Avenue|Boulevard|Lane|Terrace|Crescent|Highway|Parkway)\b"
    # "Great Ormond Street Hospital" names a hospital
    r"(?![ \t]+(?:Hospital|Clinic|Cent(?:re|er)|Medical|Health|Surgery|Practice|Station))"
)
_NAMED_STREET_WORDS: Final = frozenset(
    _word_list("street road avenue boulevard lane terrace crescent highway parkway")
)


def _named_streets(text: str) -> Iterator[Found]:
    for m in _NAMED_STREET.finditer(text):
        start = m.start()
        words = m.group("name").split()
        while words and words[0].lower() in _NOT_PLACE:
            start += len(words.pop(0)) + 1
        if words:
            yield start, m.end("name") - 1, "ADDRESS"


# A street named before its type, then its number: "Villacher Strasse 89", "Trenerys gate 232",
# "Árpád fejedelem útja 3.", "Király u. 15." (the Hungarian "u." only before "number.").
_TYPE_AFTER: Final = re.compile(
    r"(?<![\w])(?P<first>[^\W\d_][\w'’-]*)(?:[ \t][^\W\d_][\w'’-]*){0,2}[ \t]"
    r"(?P<type>Strasse|Straße|Str\.|Gasse|Allee|Platz|Damm|Ufer|Chaussee|Steig|"
    # written in lower case after the name ("Trenerys gate", not "Boarding Gate 12")
    r"utca|útja|út|tér|körút|rkp\.|tänav|põik|maantee|puiestee|terrasse|gate|gata|gatan|"
    r"vei|veien|vej|gade|vägen|väg|kuja|polku|laan|straat|plein|kade|gracht|singel)"
    r"[ \t]\d{1,5}[a-zA-Z]?(?!\w|[.,]\d)|"
    # "u." (utca) is also a unit of insulin: only after a word that leads to a place
    r"\b(?:and|at|on|to|is|in|of)[ \t](?P<hu>[^\W\d_][\w'’-]*)(?:[ \t][^\W\d_][\w'’-]*)?"
    r"[ \t]u\.[ \t]\d{1,4}\."
)
_TYPE_AFTER_WORDS: Final = frozenset(
    _word_list(
        """
        strasse straße str gasse allee platz damm ufer chaussee steig utca útja út tér körút rkp
        tänav põik maantee puiestee terrasse gate gata gatan vei veien vej gade vägen väg kuja
        polku laan straat plein kade gracht singel u
        """
    )
)


def _streets_type_after(text: str, lower_text: bool) -> Iterator[Found]:
    for m in _TYPE_AFTER.finditer(text):
        start = m.start("first") if m.group("first") else m.start("hu")
        for w in _AB_TOKEN.finditer(text, start, m.end()):
            if w.group().lower() in _NOT_PLACE:  # "… is on | Villacher Strasse 89"
                start = w.end() + 1
        name_end = m.start("type") if m.group("type") else m.end()
        if start < name_end and (text[start].isupper() or lower_text):
            yield start, m.end(), "ADDRESS"


def _address_blocks(
    text: str, words: frozenset[str] | set[str], has_digit: bool
) -> Iterator[Found]:
    lower_text = text.islower()
    if "corner" in words:
        yield from _corners(text, lower_text)
    if not words.isdisjoint(_NAMED_STREET_WORDS):
        yield from _named_streets(text)
    if not has_digit:
        return
    if not words.isdisjoint(_MILITARY_WORDS):
        for m in _MILITARY.finditer(text):
            yield m.start(), m.end(), "ADDRESS"
    if _NUMBER_THEN_WORD.search(text) is not None:
        yield from _house_name_numbers(text, lower_text)
    if not words.isdisjoint(_UNIT_WORDS):
        yield from _street_lines_before_units(text, lower_text)
    if "in" in words or "at" in words:
        yield from _cities_with_zip(text)
    if not words.isdisjoint(_TYPE_AFTER_WORDS):
        yield from _streets_type_after(text, lower_text)


# Read back from a street: the house number the forms put before it ("846 31 Rue Al Imam"),
# and the first street of a crossing ("Hanne and ul. Więckowskiego Stefana 28").
_NUMBER_BEFORE: Final = re.compile(r"(?<![\w.,/:+#-])\d{1,6}[ \t]+\Z")
_NAME_AND_BEFORE: Final = re.compile(r"(?<![\w])(?P<w>[^\W\d_][\w'’-]*)[ \t]+and[ \t]+\Z")


def _grow_addresses(text: str, found: list[Found]) -> Iterator[Found]:
    """Every address found, with the rest of its block: the lines after it, a house number or a
    crossing street before it."""
    lower_text = text.islower()
    reach = -1  # the end of the blocks read so far: a part inside one is not read again
    for start, end, label in sorted((f for f in found if f[2] == "ADDRESS"), key=_longest_first):
        if end < reach:
            continue
        new_start = start
        b = _NUMBER_BEFORE.search(text, max(0, start - 10), start)
        if b is not None and (text[start].isdigit() or text[start].isupper()):
            new_start = b.start()
        elif start > 0 and text[start - 1] == " ":
            b = _NAME_AND_BEFORE.search(text, max(0, start - 30), start)
            if b is not None and b.group("w")[0].isupper():
                new_start = b.start()
        tail = end
        if _HAS_DIGIT.search(text, start, end) is not None:
            zip_city = _ZIP_CITY_SHAPE.match(text, start, end) is not None
            tail, _ = _block_tail(text, end, lower_text, zip_city)
        reach = max(reach, tail)
        if new_start < start or tail > end:
            yield new_start, tail, label


def _longest_first(found: Found) -> tuple[int, int]:
    return found[0], -found[1]


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
    found.extend(_address_blocks(text, words, has_digit))
    found.extend(_grow_addresses(text, found))
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
