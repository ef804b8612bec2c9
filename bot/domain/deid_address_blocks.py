"""Address blocks: international addresses as forms and letters write them.

A house number, a street name and a number ("6185 Pfarrgasse 91", "35108 ul. Zamkowa 33"),
then, on the same line or the next ones, an apartment or suite, a city, a region code, a
country and a postal code. A number, words and a number alone are weak evidence (a lab line or
a drug and its dose read alike), so they are kept only when the block around them is plainly
an address: an apartment or suite, a region code, a postal code on its own line or after a
city, or a sentence announcing an address. Every ADDRESS span found before (by
:mod:`bot.domain.deid_addresses` and the finders here) is read on the same way.

Also here: street corners, military addresses, streets named without a number ("Miletić Dale
Street"), streets whose type comes after the name ("Villacher Strasse 89"), the street line
before an apartment, and a city with its postal code after "in" or "at".
"""

import re
from collections.abc import Iterator
from typing import Final

from bot.domain.deid_addresses import CONTACT, NOT_PLACE, STREET_WORDS, UNIT_WORDS, unit_ok
from bot.domain.deid_names import norm
from bot.domain.deid_text import DOSE_AFTER, HAS_DIGIT, LETTERS, Found, Words, word_list
from bot.domain.wordlists import is_ordinary


def find_address_blocks(text: str, words: Words, has_digit: bool) -> Iterator[Found]:
    """Every address block, street corner, military address and street named in the ways
    above in ``text`` (``words``: its lower-case words; ``has_digit``: it holds one)."""
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
    if not words.isdisjoint(UNIT_WORDS):
        yield from _street_lines_before_units(text, lower_text)
    if "in" in words or "at" in words:
        yield from _cities_with_zip(text)
    if not words.isdisjoint(_TYPE_AFTER_WORDS):
        yield from _streets_type_after(text, lower_text)


def grow_addresses(text: str, found: list[Found]) -> Iterator[Found]:
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
        if HAS_DIGIT.search(text, start, end) is not None:
            zip_city = _ZIP_CITY_SHAPE.match(text, start, end) is not None
            tail, _ = _block_tail(text, end, lower_text, zip_city)
        reach = max(reach, tail)
        if new_start < start or tail > end:
            yield new_start, tail, label


# Read back from a street: the house number the forms put before it ("846 31 Rue Al Imam"),
# and the first street of a crossing ("Hanne and ul. Więckowskiego Stefana 28").
_NUMBER_BEFORE: Final = re.compile(r"(?<![\w.,/:+#-])\d{1,6}[ \t]+\Z")
_NAME_AND_BEFORE: Final = re.compile(r"(?<![\w])(?P<w>[^\W\d_][\w'’-]*)[ \t]+and[ \t]+\Z")
_ZIP_CITY_SHAPE: Final = re.compile(r"\d{5}\s\D*\Z")


def _longest_first(found: Found) -> tuple[int, int]:
    return found[0], -found[1]


# ---------------------------------------------------------------- the parts of a block
# A word of any script; "∆" (the increment sign) is typed for a Greek capital delta.
_AB_WORD = r"(?:[^\W\d_]|∆)[\w∆'’.-]*"
_AB_TOKEN: Final = re.compile(rf"{_AB_WORD}|\([^()\n]{{1,30}}\)")
_AB_GAP: Final = re.compile(r"[ \t]+|-")
# What may separate two parts of a block: spaces, a comma, line breaks, and the quote marks
# ("> ", "??? ") a forwarded message puts before each line.
_AB_SEP: Final = re.compile(r"[ \t]*(?:,[ \t]*)?(?:\n[ \t>?]*){0,3}(?:,[ \t]*)?")
_AB_UNIT: Final = re.compile(
    r"(?:apt\.?|apartment|suite|ste\.|(?:p\.?[ \t]?o\.?[ \t]?)?box|postbox)"
    r"[ \t]?#?\d{1,6}[a-z]?(?![\w])",
    re.I,
)
# Postal codes: 12345, 1234, 12345-6789, 3610-114, 53-320, 340 12, 700; "B0J 2H0" (Canada),
# "SW1A 1AA" (United Kingdom). Not a measure ("8000/mm3", "250 000").
_AB_ZIP: Final = re.compile(
    r"(?:\d{4,5}(?:-\d{3,4})?|\d{2}-\d{3}|\d{3}(?:[ \t]\d{2})?|"
    r"[A-Z]\d[A-Z][ \t]?\d[A-Z]\d|[A-Z]{1,2}\d[A-Z\d]?[ \t]\d[A-Z]{2})"
    r"(?![\w∆/%]|[.,:-]\d|[ \t]\d)"
)
# A postal code closing what is read already ("…d'Orves\n92700").
_ZIP_LINE_BEFORE: Final = re.compile(r"[\n,][ \t>?]*\d{4,5}\Z")
_UNIT_BEFORE: Final = re.compile(r"(?:apt\.?|suite|box)[ \t]?#?\d{1,6}[a-z]?\Z", re.I)
# A city name may hold these small words ("Torroella de Montgrí", "Ostrov nad Ohrí").
_CITY_PARTICLES: Final = frozenset(
    word_list(
        """
        de del della dei di da do dos das du des la le les el en y i e nad pod na u v am an im
        bei sur sous upon on ob lès lez aan van von der den ten ter
        """
    )
)
# A line that starts with a title is a name ("Dr Martin"), not a city.
_TITLE_WORDS: Final = frozenset(
    word_list("dr pr mme mlle mr mrs ms miss docteur professeur madame monsieur mademoiselle")
)
_PLACE_END: Final = frozenset("\n,.;?!)")
_FULL_STOP: Final = re.compile(r"\.(?:\s*\Z|\s+\D)")
_REGION_GAP: Final = re.compile(r"[ \t]*(?:\n[ \t>?]*)?")
# A unit after a number makes it a measure, not a postal code or a house number.
_MEASURE_AFTER: Final = re.compile(
    r"[ \t]*(?:mg|g|µg|mcg|ml|cc|ui|iu|u|mu|mmol|µmol|kg|mm|cm|auc|sa|h|min|bpm|%|/)"
    r"(?![^\W\d_])",
    re.I,
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
        if (m := _AB_UNIT.match(text, q)) is not None and unit_ok(text, m, lower_text):
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


def _zip_ok(text: str, m: re.Match[str], after_place: bool) -> bool:
    """A postal code, not a year ("Mars 2023"), a measure ("Fragmin 5000 UI") or, alone on
    its line, three digits."""
    value = m.group()
    if len(value) == 4 and value[:2] in ("19", "20") and value.isdigit():
        return False
    if len(value) == 3 and not after_place:
        return False
    return _MEASURE_AFTER.match(text, m.end()) is None


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
    if not (digits or code == "nan" or code.isupper() or (lower_ok and code not in NOT_PLACE)):
        return -1, False
    gap = _REGION_GAP.match(text, p)
    q = gap.end() if gap is not None else p
    z = _AB_ZIP.match(text, q) if q > p else None
    if z is not None and _zip_ok(text, z, True):
        return z.end(), True
    if (q >= size or "\n" in text[p:q]) and text[:pos].rstrip(" \t").endswith(","):
        return p, False
    return -1, False


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
        if bare in NOT_PLACE or not (capital or bare in _CITY_PARTICLES or lower_ok):
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


def _after_function_words(text: str, start: int, end: int) -> int:
    """Where a street name in ``text[start:end]`` starts: after its last function word ("… is
    on | Villacher Strasse 89"), or at ``start``."""
    for w in _AB_TOKEN.finditer(text, start, end):
        if w.group().lower() in NOT_PLACE:
            start = w.end() + 1
    return start


# ---------------------------------------------------------------- street corners
# "the corner of 3744 Retreat Avenue and Władysława Route": two streets, the first one with a
# number or one of them with a street word ("the corner of the mouth and …" is no address); the
# second one is capitalised.
_CORNER: Final = re.compile(
    r"\b(?:the[ \t])?corner[ \t]of[ \t](?P<x>[^\n,;?!()]{2,60}?)[ \t]and[ \t]"
    rf"(?P<y>{_AB_WORD}(?:[ \t]{_AB_WORD}){{0,2}})",
    re.I,
)


def _corners(text: str, lower_text: bool) -> Iterator[Found]:
    for m in _CORNER.finditer(text):
        x = m.group("x")
        named = any(c.isdigit() for c in x) or not STREET_WORDS.isdisjoint(
            LETTERS.findall(m.group().lower())
        )
        if x.lower().startswith("the ") or not named:
            continue
        y_end = m.start("y")
        for w in _AB_TOKEN.finditer(text, m.start("y"), m.end("y")):
            word = w.group()
            if word in _CITY_PARTICLES:
                continue  # "Rue du Louvre", "ten Pas Pass"
            if not (word[0].isupper() or lower_text) or word.lower() in NOT_PLACE:
                break
            y_end = w.end()
        if y_end > m.start("y"):
            yield m.start(), y_end, "ADDRESS"


# ---------------------------------------------------------------- streets named without a number
# "on Miletić Dale Street": a street with no number, named by capitalised words before a
# capitalised type. The type word stays: it says what the name is.
_NAMED_STREET_TYPES: Final = tuple(
    word_list("Street Road Avenue Boulevard Lane Terrace Crescent Highway Parkway")
)
_NAMED_STREET_WORDS: Final = frozenset(t.lower() for t in _NAMED_STREET_TYPES)
_NAMED_STREET: Final = re.compile(
    r"(?<![\w])(?P<name>(?:[A-ZÀ-Þ][\w'’-]+[ \t]){1,3})"
    rf"(?:{'|'.join(_NAMED_STREET_TYPES)})\b"
    # "Great Ormond Street Hospital" names a hospital
    r"(?![ \t]+(?:Hospital|Clinic|Cent(?:re|er)|Medical|Health|Surgery|Practice|Station))"
)


def _named_streets(text: str) -> Iterator[Found]:
    for m in _NAMED_STREET.finditer(text):
        start = m.start()
        words = m.group("name").split()
        while words and words[0].lower() in NOT_PLACE:
            start += len(words.pop(0)) + 1
        if words:
            yield start, m.end("name") - 1, "ADDRESS"


# ---------------------------------------------------------------- military addresses
# A military address: a unit or a ship, then APO, FPO or DPO, a two-letter zone and a code.
_MILITARY: Final = re.compile(
    r"\b(?:(?:PSC|Unit|CMR)[ \t]\d{1,5},?[ \t]Box[ \t]\d{1,5}|"
    r"(?:USNS|USNV|USS|USCGC|USNH)[ \t][^\n,]{2,40}?)"
    r"[ \t]*,?[ \t]*\n?[ \t>?]*(?:APO|FPO|DPO)[ \t](?:AA|AE|AP)[ \t]\d{5}(?!\d)",
    re.I,
)
_MILITARY_WORDS: Final = frozenset(["apo", "fpo", "dpo"])

# ---------------------------------------------------------------- a number, words, a number
_HOUSE_NAME_NUMBER: Final = re.compile(
    rf"(?<![\w.,/:+#-])\d{{1,6}}[ \t]+(?:\d{{1,5}}[ \t]+)?"
    # (a contact label is no street name: "123 av. Jean Jaurès Tel. 05 45 93 18 01")
    rf"(?P<body>(?!(?i:{CONTACT})){_AB_WORD}(?:[ \t]+(?!(?i:{CONTACT})){_AB_WORD}){{0,5}})"
    r"[ \t]+(?P<n2>\d{1,5}[a-zA-Z]?)(?:\.(?!\d))?(?![\w∆]|[.,/:]\d)"
)
# Cheap test before _HOUSE_NAME_NUMBER: a number, a space, a letter.
_NUMBER_THEN_WORD: Final = re.compile(r"\d[ \t]+(?:[^\W\d_]|∆)")
# The word before the house number: none, a lower-case word ("lives at"), a number or a unit
# word; a capitalised word makes it a lab line ("Hb 12 Plaquettes 250").
_WORD_BEFORE: Final = re.compile(r"(?P<w>[^\s]+)[ \t]+\Z")
_WORDS_BEFORE_HOUSE: Final = frozenset(
    word_list(
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
    re.I,
)
# An age: a number glued to "a" ("74a") or before "ans", "yo", "years" ("74 ans").
_AGE: Final = re.compile(r"\d{1,3}a")
_AGE_AFTER: Final = re.compile(r"[ \t]?(?:ans?|yo|y/o|yrs?|years?)(?![^\W\d_])", re.I)
_STREET_AFTER: Final = re.compile(r"[ \t]+(?:st|street|rd|road|ave|avenue)\b", re.I)


def _house_name_numbers(text: str, lower_text: bool) -> Iterator[Found]:
    last = -1
    for m in _HOUSE_NAME_NUMBER.finditer(text):
        start = m.start()
        if (
            start < last
            or _MEASURE_AFTER.match(text, m.end("n2"))
            or _age(text, m)
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


def _age(text: str, m: re.Match[str]) -> bool:
    """Whether the second number of a house-name-number match is an age, not a house number:
    before "ans", "yo", "years" ("à 150 chez pte de 74 ans"), or glued to "a" after lowercase
    words ("FA à 150 chez pte 74a J2"; "Pfarrgasse 12a" is a house number)."""
    n2 = m.group("n2")
    if _AGE_AFTER.match(text, m.end("n2")) is not None:
        return True
    return _AGE.fullmatch(n2) is not None and not any(
        w[:1].isupper() for w in m.group("body").split()
    )


def _house_number_first(text: str, start: int) -> bool:
    """Whether the number at ``start`` may open an address (see _WORD_BEFORE)."""
    line = text.rfind("\n", 0, start) + 1
    b = _WORD_BEFORE.search(text, max(line, start - 30), start)
    if b is None:
        return True
    word = b.group("w")
    return word[-1] in ":,>?" or word[0].isdigit() or word.lower() in _WORDS_BEFORE_HOUSE


# ---------------------------------------------------------------- the street line before a unit
# A street line read back from the apartment or suite after it: "Fuglie 41 Popović Dam\n
# Suite 860", "Λεωφόρος Συγγρού 119 Nino Point\n Apt. 658" (words, a number, words).
_STREET_LINE_BEFORE: Final = re.compile(
    rf"(?<![\w∆'’.-])(?:{_AB_WORD}[ \t]+){{1,4}}\d{{1,5}}[a-zA-Z]?\.?(?:[ \t]\d{{1,3}})?"
    rf"(?:[ \t]+{_AB_WORD}){{0,3}}"
    r"[ \t]*,?[ \t]*\n?[ \t>?]*\Z"
)
_APT: Final = re.compile(r"(?:apt\.?|apartment|suite|ste\.)[ \t]?#?\d{1,6}[a-z]?(?![\w])", re.I)


def _street_lines_before_units(text: str, lower_text: bool) -> Iterator[Found]:
    for m in _APT.finditer(text):
        if not unit_ok(text, m, lower_text):
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
        first = _after_function_words(text, b.start(), b.end())
        while first < b.end() and not (text[first].isupper() or lower_text):
            first = text.find(" ", first, b.end()) + 1 or b.end()
        if first < b.end() and not text[first].isdigit():
            yield first, m.end(), "ADDRESS"


# ---------------------------------------------------------------- a city and its postal code
# "Looking to support Allianz in Acquapendente 1021": a city and its postal code after "in".
_IN_CITY_ZIP: Final = re.compile(
    rf"\b(?:in|at)[ \t]+(?P<v>[A-ZÀ-Þ][\w∆'’.-]*(?:[ \t]+{_AB_WORD}){{0,4}}[ \t]+"
    r"(?:\d{4,5}(?:-\d{3})?|\d{3}[ \t]\d{2}))(?![\w/%]|[.,:-]\d|[ \t]\d)"
)
_YEAR_AT_END: Final = re.compile(r"(?:19|20)\d\d\Z")


def _cities_with_zip(text: str) -> Iterator[Found]:
    for m in _IN_CITY_ZIP.finditer(text):
        value = m.group("v")
        if _YEAR_AT_END.search(value) or DOSE_AFTER.match(text, m.end()):
            continue
        words = value.split()[:-1]
        if words[-1].isdigit():  # "840 24"
            words.pop()
        if (
            words[0].lower() not in NOT_PLACE
            and all(w[0].isupper() or w in _CITY_PARTICLES for w in words)
            # "seen in Clinic 2301", "in ICU 1234"
            and not (len(words) == 1 and (is_ordinary(norm(words[0])) or len(words[0]) <= 3))
        ):
            yield m.start("v"), m.end("v"), "ADDRESS"


# ---------------------------------------------------------------- the type after the name
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
    word_list(
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
        start = _after_function_words(text, start, m.end())  # "… is on | Villacher Strasse 89"
        name_end = m.start("type") if m.group("type") else m.end()
        if start < name_end and (text[start].isupper() or lower_text):
            yield start, m.end(), "ADDRESS"
