"""Dates: numeric ("12/03/1961", "2000-04-16"), in words ("3 mars 1961", "Sept 04,2019",
"2 février mille neuf cent soixante"), short ones where the context makes them dates ("le
12/03"), digits glued into a date after a cue ("DDN 120361"), and a birth month and year.

Years alone, months without a day and weekdays stay (the policy of :mod:`bot.domain.deid`), and
so does a dose split over the day right after a drug ("hydrocortisone 20/10").
The costly patterns only run when the text holds what they need: a digit, a separator between
digits, a month word, six digits in a row.
"""

import re
from collections.abc import Iterator
from typing import Final

from bot.domain.deid_lexicon import DRUG_ENDINGS, DRUGS
from bot.domain.deid_names_words import norm
from bot.domain.deid_text import (
    DIGIT_GROUPS,
    DOSE_AFTER,
    Found,
    Words,
    is_word_char,
    word_list,
    word_positions,
)
from bot.domain.wordlists import is_ordinary


def find_dates(text: str, words: Words, has_digit: bool) -> Iterator[Found]:
    """Every date of ``text`` (``words``: its lower-case words; ``has_digit``: it holds one)."""
    # numeric dates need a separator between digits; compact ones six digits in a row
    has_sep = has_digit and _DIGIT_SEP_DIGIT.search(text) is not None
    if has_sep:
        for m in DATE_NUMERIC.finditer(text):
            if valid_numeric_date(m.group()) and not _split_dose(text, m.start(), m.group()):
                iso = text.startswith(":", m.end() + 3) and m.group()[4:5] == "-"
                t = _TIME_TAIL.match(text, m.end()) if iso else None
                yield m.start(), m.end() if t is None else t.end(), "DATE"
    months = words & MONTH_WORDS
    if months:
        yield from _text_dates(text, months)
    if has_sep:
        yield from _short_dates(text)
        for m in _DATE_BAR_YEAR.finditer(text) if "|" in text else ():
            if 1 <= int(m.group(1)) <= 31 and 1 <= int(m.group(2)) <= 12:
                yield m.start(), m.end(), "DATE"
        yield from _day_ranges(text)
        spaced = any(sep in text for sep in _SPACED_SEPS)
        for m in _DATE_SPACED.finditer(text) if spaced else ():
            if valid_numeric_date(m.group().replace(" ", "")):
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
        if plausible_compact_date(m.group("v")):
            yield m.start("v"), m.end("v"), "DATE"


_DIGIT_SEP_DIGIT: Final = re.compile(r"\d\s?[/.\-]\s?\d")
_SIX_DIGITS: Final = re.compile(r"\d{6}")

# ---------------------------------------------------------------- numeric dates
DATE_NUMERIC: Final = re.compile(
    r"(?<![\w/.,-])(?:\d{1,2}\s?[/.\-]\s?\d{1,2}\s?[/.\-]\s?(?:\d{4}|\d{2})|"
    r"(?:19|20)\d\d[/.\-]\d{1,2}[/.\-]\d{1,2})(?![\d_/]|[.\-]\d)"
)
# An ISO timestamp's time, with seconds, goes with its date ("2000-04-16 11:34:35"); the time
# after a French date ("14/02/2016 13:04:02") stays, as the data sets mark it.
_TIME_TAIL: Final = re.compile(r"[ T]\d\d:\d\d:\d\d(?!\d)")


def valid_numeric_date(value: str) -> bool:
    """Whether the three numbers of ``value`` read as a day, a month and a year, in either
    order of day and month, or as a year, a month and a day."""
    parts = [int(p) for p in DIGIT_GROUPS.findall(value)]
    if len(parts) != 3:
        return False
    if parts[0] > 31:
        parts = [parts[2], parts[1], parts[0]]
    a, b = parts[0], parts[1]
    return (1 <= a <= 31 and 1 <= b <= 12) or (1 <= a <= 12 and 1 <= b <= 31)


def valid_compact_date(digits: str) -> bool:
    """Whether digits glued together read as a day, a month and a year ("05122024")."""
    return valid_numeric_date(f"{digits[:2]}/{digits[2:4]}/{digits[4:]}")


def plausible_compact_date(digits: str) -> bool:
    """Whether digits glued together read as a date of our times: a day, a month and a year of
    two digits or in 19xx or 20xx ("12061981", not the filler "11111111", year 1111)."""
    year = digits[4:]
    return valid_compact_date(digits) and (len(year) == 2 or year[:2] in ("19", "20"))


# The word right before a number, one or two spaces away.
_WORD_BEFORE: Final = re.compile(r"([^\W\d_]+)[ \t]{1,2}\Z")


def _split_dose(text: str, start: int, value: str) -> bool:
    """Whether the numbers ``value`` at ``start``, right after a drug's name, are a dose split
    over the day ("hydrocortisone 20/10", "prednisolone 10/5/5"), not a date: no number with a
    leading zero or of four digits ("Kardegic 12/03/2024" is a date)."""
    if any(g[0] == "0" or len(g) > 3 for g in DIGIT_GROUPS.findall(value)):
        return False
    m = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if m is None:
        return False
    key = norm(m.group(1))
    # a drug of the lexicon, or a word with the ending of a drug that no dictionary holds
    return key in DRUGS or (
        key.endswith(DRUG_ENDINGS) and not is_ordinary(key) and key not in MONTH_WORDS
    )


# ---------------------------------------------------------------- dates in words
_MONTH_FR = (
    r"janv(?:ier)?|f[ée]vr?(?:ier)?|mars|avr(?:il)?|mai|juin|juil(?:let)?|ao[uû]t|"
    r"sept(?:embre)?|oct(?:obre)?|nov(?:embre)?|d[ée]c(?:embre)?"
)
_MONTH_EN = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_MONTH = rf"(?:{_MONTH_FR}|{_MONTH_EN})\.?"
# Every word the month patterns accept (lower case): the text-date regex, the costliest one,
# only runs when one of them is a word of the text.
MONTH_WORDS: Final = frozenset(
    word_list(
        """
        janv janvier fev fevr fevier fevrier fév févr févier février mars avr avril mai juin juil
        juillet aout août sept septembre oct octobre nov novembre dec déc decembre décembre
        jan january feb february mar march apr april may jun june jul july aug august sep
        september october november december
        """
    )
)
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
# A year in words ("mille neuf cent cinquante-deux", "deux mille dix"), after a day and month.
_YEAR_WORDS = rf"(?:mille|deux[\s-]mille)(?:[\s-]{_NUMWORD}){{0,8}}"
_DATE_TEXT: Final = re.compile(
    rf"(?<![\w])(?:{_DAYNAME},?\s)?"
    rf"(?:(?:\d{{1,2}}|1er|1st|2nd|3rd|\d{{1,2}}th)\s?,?\s?(?:de\s|of\s)?{_MONTH}"
    rf"(?:,?\s?(?:(?:19|20)\d\d|'?\d\d)(?!\d)|\s{_YEAR_WORDS})?"
    rf"|{_MONTH}\s?(?:the\s)?\d{{1,2}}(?:st|nd|rd|th)?(?!\d)(?:(?:,\s?|\s)(?:19|20)\d\d)?"
    rf"|(?:{_NUMWORD}(?:[\s-]{_NUMWORD}){{0,3}})\s(?:{_MONTH_FR})"
    rf"(?:\s{_NUMWORD_S}(?:[\s-]{_NUMWORD_S}){{0,8}}|\s(?:(?:19|20)\d\d|\d\d)(?!\d))?)(?![\w])",
    re.I,
)


def _text_dates(text: str, months: Words) -> Iterator[Found]:
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
        start = m.start()
        if value[:3].lower() == "et ":
            # "entre mai et décembre 2023": "et" links, it is no day in words
            value = value[3:]
            start += 3
        if value[:1].isalpha() and " " not in value.strip() and "-" not in value:
            continue  # a month alone ("octobre", "PEV et OCT": a tomography), no date
        yield start, m.end(), "DATE"


# ---------------------------------------------------------------- short dates ("12/03")
_DATE_SHORT: Final = re.compile(r"(?<![\w/.,-])(\d{1,2})\s?([/.])\s?(\d{1,2})(?![\w/.,]\d|\d)")
_DATE_SHORT_NEG: Final = re.compile(
    r"(?:\b(?:TA|PA|PAS|PAD|tension|BP|blood pressure|ratio|score|EVA|EN|glasgow|GCS|apgar|"
    r"grade|stade|NYHA|dilution|"
    # visual acuity and muscle strength: "OD 10/10", "œil gauche : 8/10", "VA 6/12", "MRC 4/5"
    r"OD|OG|ODG|AV|VA|acuit[ée](?: visuelle)?|visual acuity|acuity|(?:[oœ]eil|œil|eye)"
    r"(?: (?:droit|gauche|right|left))?|Monoyer|Snellen|force|MRC)\b\s?:?\s?"
    r"|\b\d+\s?/\s?|[/x]\s?)$",
    re.I,
)
_DATE_SHORT_POS: Final = re.compile(
    r"(?:\b(?:le|du|au|depuis le|jusqu'au|on|since|ddn|dob|n[ée]e?|born|rdv|vu|vue)\b"
    r"\s?:?\s?)$",
    re.I,
)
# The English cues of a date, after which a number with a decimal point and one decimal is a dose
# or a value ("should she be on 2.5?", "on 7.5 since"): English writes a short date with a slash
# ("on 3/4"), French with a dot too ("le 2.5").
_ENGLISH_CUE: Final = re.compile(r"\b(?:on|since)\s?:?\s?$", re.I)
# The value of a score after its label and a colon ("Score de Picpus du 3/9: 10/10"), even when
# the label holds the date of the score; not a date after "le :" ("Score fait le : 12/03").
_SCORE_LABEL: Final = re.compile(
    r"\b(?:scores?|[ée]chelle|scale|grade|stade|stage|index|indice)\b[^\n:]{0,40}:[ \t]?$", re.I
)
# Cycle or session markers before a short date: "C3 2/8", "C12 28.09", "S11 28.01".
_CYCLE_BEFORE: Final = re.compile(
    r"(?:\b[CSJ]\d{1,2}|\b(?:cure|cycle|s[ée]ance)\s\d{1,2})\s?:?\s$", re.I
)


def _short_dates(text: str) -> Iterator[Found]:
    # A day and a month: a date when written "dd/mm", after a cue ("le 3/4") or a cycle marker;
    # not a blood pressure, a score or a ratio.
    for m in _DATE_SHORT.finditer(text):
        day, sep, month = int(m.group(1)), m.group(2), int(m.group(3))
        if not (1 <= day <= 31 and 1 <= month <= 12):
            continue
        before = text[max(0, m.start() - 24) : m.start()]
        if _DATE_SHORT_NEG.search(before):
            continue
        date_cue = _DATE_SHORT_POS.search(before) is not None
        if date_cue and sep == "." and len(m.group(3)) == 1 and _ENGLISH_CUE.search(before):
            continue  # "should she be on 2.5?": a decimal dose, not the 2nd of May
        if not date_cue and _SCORE_LABEL.search(text, max(0, m.start() - 60), m.start()):
            continue
        if not date_cue and _split_dose(text, m.start(), m.group()):
            continue  # "on hydrocortisone 20/10 at home": a dose split over the day
        two_digits = len(m.group(1)) == 2 and len(m.group(3)) == 2
        cycle = (
            (sep == "/" or len(m.group(3)) == 2)
            and _CYCLE_BEFORE.search(before)
            and not DOSE_AFTER.match(text[m.end() : m.end() + 6])
        )
        if (sep == "/" and two_digits) or cycle or date_cue:
            yield m.start(), m.end(), "DATE"


# ---------------------------------------------------------------- odd numeric dates
# "10 / 03 | 2020": a day and month, then the year after a bar.
_DATE_BAR_YEAR: Final = re.compile(
    r"(?<![\w/.,-])(\d{1,2})\s?[/.-]\s?(\d{1,2})\s?\|\s?(?:19|20)\d\d(?!\d)"
)
# "08-09/08/07": a range of days before a numeric date.
_DATE_DAY_RANGE: Final = re.compile(  # starts with a literal "-": a fast search
    r"-(?<=\d-)(?P<v>\d{1,2}/\d{1,2}/(?:\d{4}|\d{2}))(?![\d/])"
)


def _day_ranges(text: str) -> Iterator[Found]:
    for m in _DATE_DAY_RANGE.finditer(text):
        start = m.start() - 1  # the first day of the range: one or two digits
        if start and text[start - 1].isdigit():
            start -= 1
        if start and (is_word_char(text[start - 1]) or text[start - 1] in "/.,-"):
            continue
        if valid_numeric_date(m.group("v")):
            yield start, m.end(), "DATE"


# "1 2 . 0 6 . 1 9 8 1": a numeric date typed digit by digit.
_DATE_SPACED: Final = re.compile(r"(?<![\d.])\d \d ([./-]) \d \d \1 \d \d(?: \d \d)?(?! ?\d)")
_SPACED_SEPS: Final = (" . ", " / ", " - ")

# ---------------------------------------------------------------- birth month and year
# The design removes dates of birth, and a month + year after a birth cue is one ("née en
# novembre 1975", "DOB 03/1961"); elsewhere month + year stays ("en mars 1982" in a history).
_DATE_BIRTH_MONTH_YEAR: Final = re.compile(
    r"\b(?:DDN|DOB|n[ée]\(?e?\)?\s(?:en|le)|date de naissance|date of birth|birth ?date|"
    r"born(?:\s(?:in|on))?)\s?:?\s?"
    rf"(?P<v>{_MONTH}\s?(?:19|20)\d\d|(?:0?[1-9]|1[0-2])\s?[/.-]\s?(?:19|20)\d\d)(?![\d/.-]\d)",
    re.I,
)

# ---------------------------------------------------------------- a day in words, then digits
# "vingt-six 02 2012": a day in words, then the month and year in digits.
_MONTH_YEAR_DIGITS: Final = re.compile(r"(?<=\s)(?:0[1-9]|1[0-2])\s(?:19|20)\d\d(?!\d)")
_DAY_WORDS: Final = frozenset(
    word_list(
        "premier un deux trois quatre cinq six sept huit neuf dix onze douze treize "
        "quatorze quinze seize vingt trente"
    )
)
_DAY_WORDS_BEFORE: Final = re.compile(
    rf"(?<![\w-])(?:{_NUMWORD}(?:[\s-]{_NUMWORD}){{0,2}})\s$", re.I
)

# ---------------------------------------------------------------- compact dates ("120361")
_DATE_CONTEXT_COMPACT: Final = re.compile(
    r"\b(?:DDN|DOB|n[ée]\(?e?\)?\sle|date de naissance|birth ?date|born(?:\son)?)\s?:?\s?"
    r"(?P<v>\d{6}(?:\d\d)?)(?!\d)",
    re.I,
)
# "depuis le 211017", "le 23022018": digits glued into a date after "le/du/au", kept only
# when they read as a valid day, month and year.
_DATE_COMPACT_WEAK: Final = re.compile(
    r"\b(?:le|du|au)\s(?P<v>(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?:\d\d)?\d\d)(?!\d)", re.I
)
