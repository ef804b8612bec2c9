"""Street addresses, French and international, and postal codes with their city.

A French street ("12 bis rue de la Paix", "sept allée des Roses 77500"), an English one ("221
Baker Street, Apt 4"), one whose type comes first ("Via Roma 12") or is a suffix of its name
("Lindholmvägen 12"), an apartment or suite, a postal code and its city ("75011 Paris",
"Boston, MA 02118", "Marseille, 13006"), a code after a label ("code postal : 75011") or alone
next to an address or a phone. The street regexes are only tried where they can start: at a
street word of the text, or at the house number right before it.

The multi-line blocks these parts belong to are read by :mod:`bot.domain.deid_address_blocks`.
"""

import re
import unicodedata
from collections.abc import Iterator
from typing import Final

from bot.domain.deid_lexicon import CITIES, CLINICAL, COMMON_PLACES
from bot.domain.deid_text import Found, Spans, Words, word_list, word_positions
from bot.domain.wordlists import clinical_words


def find_addresses(text: str, words: Words, has_digit: bool) -> Iterator[Found]:
    """Every street address, unit and postal code with its city in ``text`` (``words``: its
    lower-case words; ``has_digit``: it holds one)."""
    present = words & STREET_WORDS
    if present:
        yield from _streets(text, present, has_digit)
    if not has_digit:
        return
    suffixed = [w for w in words if w.endswith(_EURO_SUFFIXES)]
    if suffixed:
        yield from _addr_euro_suffix(text, suffixed)
    if not words.isdisjoint(UNIT_WORDS):
        lower_text = text.islower()
        for m in _ADDR_UNIT.finditer(text):
            if unit_ok(text, m, lower_text) and _postal_box(text, m):  # not "Suite 3 jours"
                yield m.start(), m.end(), "ADDRESS"
    if _FIVE_DIGITS.search(text):
        yield from _zip_cities(text)
    if not words.isdisjoint(_ZIP_WORDS):
        for m in _ZIP_CONTEXT.finditer(text):
            if any(c.isdigit() for c in m.group("v")):
                yield m.start("v"), m.end("v"), "ADDRESS"


def find_postal_codes(text: str, found: list[Found]) -> Iterator[Found]:
    """Postal codes read from what is found already: a code and a city right after a street, a
    French code right before a phone; and a French code after "dans le"."""
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


# ---------------------------------------------------------------- street words
# The street types: as regex alternations, and as the words of a text that let the street
# regexes run ("lieu-dit" and "rond-point" by their first word, "r." and "av." without the dot).
_STREET_FR = (
    r"rue|r\.|avenue|av\.?|avn|bd|boulevard|blvd|all[ée]e|chemin|ch\.|impasse|imp\.|place|pl\.|"
    r"quai|route|rte|cours|square|sq\.|voie|r[ée]sidence|r[ée]s\.?|lotissement|lot\.|cit[ée]|"
    r"hameau|lieu[- ]dit|passage|parvis|esplanade|promenade|faubourg|fbg|sentier|villa|"
    r"mont[ée]e|rond[- ]point|za|zi|zac"
)
_FR_STREET_WORDS: Final = frozenset(
    word_list(
        """
        rue r avenue av avn bd boulevard blvd allee allée chemin ch impasse imp place pl
        quai route rte cours square sq voie residence résidence res rés lotissement lot cite
        cité hameau lieu passage parvis esplanade promenade faubourg fbg sentier villa
        montee montée rond za zi zac
        """
    )
)
_STREET_EN = (
    r"street|st\.?|avenue|ave\.?|road|rd\.?|boulevard|blvd\.?|lane|ln\.?|drive|dr\.?|court|"
    r"ct\.?|place|pl\.?|way|terrace|circle|parkway|pkwy|highway|hwy|square|trail|alley|"
    r"crescent|close|plaza|gardens|strasse|straße|str\.|gasse|weg|via|calle|rua|piazza|ul\.|"
    r"út|utca|katu|gatan|gata|vej|laan|straat|plein|r[úu]a"
)
_EN_STREET_WORDS: Final = frozenset(
    word_list(
        """
        street st avenue ave road rd boulevard blvd lane ln drive dr court ct place pl way
        terrace circle parkway pkwy highway hwy square trail alley crescent close plaza
        gardens strasse straße str gasse weg via calle rua piazza ul út utca gatan gata vej
        laan straat plein rúa
        """
    )
)
STREET_WORDS: Final = _FR_STREET_WORDS | _EN_STREET_WORDS
# Street names ending in their type ("Lindholmvägen", "Mannerheimintie").
_EURO_SUFFIXES: Final = tuple(
    word_list(
        """
        katu strasse straße gasse weg vej gatan gata straat laan tie väg vägen veien vegen
        stræti straeti braut vegur gade stræde
        """
    )
)


def _streets(text: str, present: Words, has_digit: bool) -> Iterator[Found]:
    """The streets of ``text``, read from its street words (``present``)."""
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


# ---------------------------------------------------------------- French streets
# A contact label ends a street or a city ("123 av. Jean Jaurès Tel. 05 45…", "75015 Paris
# Téléphone : …"); a hospital ends a city ("31020 TOULOUSE CHU AVICENNE"): neither is a place name.
CONTACT = r"(?:t[ée]l[ée]?(?:phone)?|fax|portable|mobile|gsm)(?![\w'’-])"
_HOSPITAL = r"(?:CHU|CHRU|CHR|CHI|CH|GH|(?i:h[ôo]pital|clinique))(?![\w'’-])"
_NAMEWORD = rf"(?:(?!{CONTACT})[A-ZÀ-ÖØ-Þ][\w'’.-]*|d['’][A-ZÀ-ÖØ-Þa-zà-ÿ][\w'’-]*|l['’]\w+)"
_PARTICLE = r"(?:de|du|des|de\sla|la|le|les|d['’]|l['’]|sur|sous|en|aux|au|et|saint|st|ste)"
_STREET_WORD = rf"(?:{_NAMEWORD}|{_PARTICLE}|[a-zà-ÿ][\w'’-]+)"
# A house number written in words ("deux bd …", "sept allée …"); "un" is left out ("un passage").
_HOUSE_WORD = (
    r"(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|"
    r"vingt)"
)
_ADDR_FR: Final = re.compile(
    rf"(?<![\d_])(?<!\d:)(?:(?P<num>\d{{1,4}}|\b{_HOUSE_WORD}(?=\s))\s?(?:bis|ter|quater|[a-dA-D](?=\s))?\s?,?\s?)?"
    rf"(?P<type>{_STREET_FR})\s(?P<name>(?:{_PARTICLE}\s?)*{_STREET_WORD}"
    rf"(?:[\s-](?:{_PARTICLE}\s?)*{_NAMEWORD}){{0,5}})"
    rf"(?:\s?,?\s?(?:(?:b[aâ]t(?:iment)?\.?|escalier|esc\.?|appt?\.?|appartement|studio|"
    rf"[ée]tage|porte)\s?\w{{1,4}}))*",
    re.I,
)
# A house number right before a street word ("12 bis, rue ...", even glued to the word before
# it), never the end of a ratio ("2:1 AV block"): where an _ADDR_FR match starts. _ADDR_FR is
# only tried at a street word or such a number.
_NUM_BEFORE: Final = re.compile(
    rf"(?:(?<![\d_])(?<!\d:)\d{{1,4}}|\b{_HOUSE_WORD})\s?(?:bis|ter|quater|[a-dA-D](?=\s))?\s?,?\s?$",
    re.I,
)
# A house number in words is taken only before a postal code ("sept allée des roses 77500").
_ZIP_NEXT: Final = re.compile(r"\s?,?\s?\d{5}(?!\d)")


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
        if not has_num and _INSTEAD_OF.search(text, max(0, s - 5), s + len(typ) + 4):
            continue  # "à la place d'Emilien": instead of, not a square
        if typ == "AV" and _BLOCK_AFTER.match(text, m.end("type")):
            continue  # "12 AV block", "2:1 AV bloc": atrioventricular, not an avenue
        capital_name = any(w[:1].isupper() for w in name.split()) or typ[:1].isupper()
        if typ.lower().rstrip(".") in {"place", "pl", "cours", "route", "voie", "cité"}:
            capital_name = any(w[:1].isupper() for w in name.split())
        if not has_num and capital_name:
            # with no house number, the name itself starts with a capital ("rue Rivoli"); a
            # capitalised common word then lower-case words is a sentence ("Passage régulier
            # tous les…", "Cours de chimiothérapie programmés…"); a name of one or two letters
            # is an abbreviation ("AV OD 8/10": visual acuity, right eye)
            first = _first_name_word(name)
            capital_name = first[:1].isupper() and len(first.rstrip(".")) >= 3
            if capital_name and _clinical_street(text, typ, first):
                continue
        if has_num or capital_name:
            yield m.start(), _name_end(m), "ADDRESS"


# "block" or "bloc" after "AV" in capitals: an atrioventricular block ("2:1 AV block").
_BLOCK_AFTER: Final = re.compile(r"\s(?:block|bloc)(?![\w])", re.I)
# "à la place de", "à la place d'", "à la place du": instead of.
_INSTEAD_OF: Final = re.compile(r"(?<![\w])[àa] la place (?:de|du|des|d['’])", re.I)


def _clinical_street(text: str, typ: str, first: str) -> bool:
    """Whether a street type with no house number is a clinical word: "PL. Persiste" (a lumbar
    puncture: a type in capitals amid a text that is not), "passage IDE", "Passage Subutex",
    "passage en HDJ" (a visit, a switch: a name that is an acronym, a drug or a clinical
    word)."""
    if text.isupper():
        return False
    bare = typ.rstrip(".")
    if bare.isupper() and len(bare) <= 3:
        return True
    word = first.rstrip(".,;:")
    return (word.isupper() and len(word) <= 4) or _fold(word) in clinical_words()


def _fold(word: str) -> str:
    """A word folded as the word lists are: lower case, no accents."""
    folded = word.casefold()
    if folded.isascii():
        return folded
    return "".join(
        c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c)
    )


_PARTICLE_WORDS: Final = frozenset(
    word_list("de du des la le les sur sous en aux au et saint st ste")
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
        word = _without_elision(w.group())  # "d'ORGE", "d’Arc"
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
        bare = _without_elision(word)
        if bare:
            return bare
    return ""


def _without_elision(word: str) -> str:
    """``word`` without its elided "d'" or "l'" ("d'Orge": "Orge")."""
    return word[2:] if word[:2].lower() in ("d'", "d’", "l'", "l’") else word


# ---------------------------------------------------------------- English streets
# With no street name between the number and the type, the type is a whole word ("129 street");
# an abbreviation there is a title or a clinical word ("Dr U. WERTER", "4 CT scans", "65, CT").
_NO_NAME = r"(?!(?:dr|ct|pl|rd|ln|sq|ave?|blvd|hwy|pkwy|str|ul)\b)"
_ADDR_EN: Final = re.compile(
    # Street-name words must be capitalised, even though the pattern ignores case elsewhere.
    # With no street name before it, "Dr" is the title of the next name ("01 42 21 32 74 Dr U.
    # WERTER"), not a drive.
    # A street-name word has no digit after its capital ("POLTAO O1.42.15.93.30 Dr" is a name
    # and a phone).
    # The number, the name and the type are on one line ("56 96\nÉquipe Médicale\nDr" is a
    # phone's end, a heading and a title); a number after a slash is a fraction ("4d/4").
    r"(?<![\w/])\d{1,6}(?:[ \t-]\d{1,5})?,?[ \t]"
    rf"(?:(?:(?-i:[A-ZÀ-Þ])(?!\d)[\w'’.-]*[ \t]){{1,4}}|{_NO_NAME})"
    rf"(?P<etype>{_STREET_EN})(?![\w])"
    rf"(?:\s?\d{{1,5}}\b)?(?:,?\s(?:apt\.?|suite|unit|ste\.?|#|floor|fl\.?)\s?\w{{1,6}})?",
    re.I,
)
_NUM_START: Final = re.compile(r"(?<![\w])\d")


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
        if m is None or m.group().split()[0].lower() in NOT_PLACE:
            break
        start = m.start()
        if text[start].isupper():
            first = start
    return first


# Words that end a block rather than name a city, a country or a street.
NOT_PLACE: Final = frozenset(
    word_list(
        """
        and or the of for in at to on is it i we you he she they my our your his her their this
        that with from by as et ou le la les des du au aux un une pour par sur dans avec chez
        """
    )
)

# ---------------------------------------------------------------- streets with their type first
_ADDR_EURO: Final = re.compile(
    # Type first ("Via Roma 12"); "Dr Martin ..." is a doctor, not a drive.
    # The name may hold small words ("Via dei Fiorentini 17", "Rua do Arenque 1634").
    rf"(?<![\w])(?!dr\b)(?:{_STREET_EN}|{_STREET_FR})\s"
    rf"(?:(?-i:de|del|dei|della|delle|do|da|dos|das|di|du|e|y)\s){{0,2}}"
    # (a name word of one or two capitals is an abbreviation: "AV OD 8/10", visual acuity)
    rf"(?:(?!(?-i:[A-ZÀ-Þ]{{1,2}})\s|{CONTACT})(?-i:[A-ZÀ-Þ])[\w'’.-]*\s"
    rf"(?:(?-i:de|del|dei|della|delle|do|da|dos|das|di|du|e|y)\s)?){{1,5}}"
    rf"\d{{1,5}}\b",
    re.I,
)


def _addr_euro(text: str, streets: Spans) -> Iterator[Found]:
    last = -1
    for s, _ in streets:
        if s < last:
            continue
        m = _ADDR_EURO.match(text, s)
        if m is not None:
            last = m.end()
            yield m.start(), m.end(), "ADDRESS"


# ---------------------------------------------------------------- streets with a suffixed type
_ADDR_EURO_SUFFIX: Final = re.compile(
    rf"(?<![\w])[A-ZÀ-Þ][\w'’-]*(?:{'|'.join(_EURO_SUFFIXES)})\s\d{{1,5}}\b",
    re.I,
)
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


# ---------------------------------------------------------------- apartments and suites
_ADDR_UNIT: Final = re.compile(
    r"(?<![\w])(?:apt\.?|suite|unit|box|dpo|psc|cedex)\s\d{1,6}[a-zA-Z]?(?:\sbox\s\d{1,6})?\b",
    re.I,
)
UNIT_WORDS: Final = frozenset(word_list("apt suite unit box dpo psc cedex"))
# What makes "box 4" a postal box rather than a cubicle of the emergency room ("Garde de nuit,
# box 4 : homme…"): "PO", "P.O.", "BP", "boîte postale" or another unit just before it ("Unit 4719
# Box 7394", "PSC 3294, Box 9168"), or a postal code (or military "APO AA 61487") after it.
_BOX_BEFORE: Final = re.compile(
    r"(?:(?<![\w.])p\.?\s?o\.?|(?<![\w.])b\.?p\.?|bo[iî]te postale|"
    r"(?<![\w])(?:unit|psc|apt\.?|suite)\s\d{1,6}[a-zA-Z]?,?)\s*\Z",
    re.I,
)
_CODE_AFTER: Final = re.compile(r"(?<![\w])(?:\d{5}|[A-Z]{2}\s\d{5})(?![\w])")


def _postal_box(text: str, m: re.Match[str]) -> bool:
    """Whether a unit match is no "box", or a box that is a postal box."""
    if not m.group().lower().startswith("box"):
        return True
    if _BOX_BEFORE.search(text, max(0, m.start() - 24), m.start()) is not None:
        return True
    return _CODE_AFTER.search(text, m.end(), m.end() + 60) is not None


_LOWER_WORD_AFTER: Final = re.compile(r"[ \t]+[a-zà-ÿ]")


def unit_ok(text: str, m: re.Match[str], lower_text: bool) -> bool:
    """An apartment or suite number, not "suite 2 séances" (a count of things)."""
    return (
        lower_text
        or _LOWER_WORD_AFTER.match(text, m.end()) is None
        or text.startswith("nan", m.end() + 1)
    )


# ---------------------------------------------------------------- postal codes and cities
_FIVE_DIGITS: Final = re.compile(r"\d{5}|\d\d\s\d{3}")
# (A city does not end on a particle: "94200 Ivry-sur-Seine en date du…".)
_CITY_WORD = rf"(?!(?i:{CONTACT})|{_HOSPITAL})[A-ZÀ-ÖØ-Þ][\w'’-]*"
_ZIP_CITY: Final = re.compile(
    r"(?<![\w])(?:F-|FR-)?(?P<zip>\d{5}|\d{2}\s\d{3})\s?,?\s"
    rf"(?P<city>(?:{_CITY_WORD}"
    rf"(?:[\s-](?:(?:sur|sous|en|le|la|les|de|du|des|lès|lez|aux)[\s-])*{_CITY_WORD})*)"
    # CEDEX and its number, or an arrondissement closing the line ("75011 PARIS 11"), never the
    # whole part of a decimal ("ferritine 18000, TG 4,5 mmol/L": a lab value)
    r"(?:\s(?:cedex|CEDEX|Cedex)(?:\s\d{1,2})?|"
    r"[ \t]\d{1,2}(?:e|er|[èe]me)?(?=[ \t]*(?:\n|$)|[,.;)](?!\d)))?)"
)
# Capitalised words after a postal code that are no city ("15000 Plaquettes").
_NOT_CITY: Final = frozenset(
    word_list("Patients Patient Habitants Plaquettes Plq GB Leucocytes UI Euros Pas Mg")
)
# A city alone on its line: the line ends, or a comma or a full stop closes it.
_CITY_LINE_END: Final = re.compile(r"[ \t]*(?:\n|\Z|,|;|\)|\.(?:\s*\Z|\s+[^\W\d]))")
_CITY_ZIP_EN: Final = re.compile(
    r"(?<![\w])[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,2},\s[A-Z]{2}\s\d{5}(?:-\d{4})?\b"
)
_CITY_ZIP_HINT: Final = re.compile(r",\s[A-Z]{2}\s\d{5}")  # starts with a literal: fast
# "Marseille, 13006": a capitalised city, a comma, a French postal code (department 01-98).
_CITY_COMMA_ZIP: Final = re.compile(
    r"(?<![\w])(?P<city>[A-ZÀ-Þ][a-zà-ÿ'’]+(?:[\s-][A-ZÀ-Þ][a-zà-ÿ'’]+){0,2}),\s"
    r"(?:0[1-9]|[1-8]\d|9[0-8])\d{3}(?![\w])"
)


def _zip_cities(text: str) -> Iterator[Found]:
    for m in _ZIP_CITY.finditer(text):
        city = m.group("city").split()
        if city[0] in _NOT_CITY or (len(city) >= 3 and max(map(len, city)) == 1):
            continue  # "29 392\nV V V V": a table of letters, not a city
        if text[m.end() : m.end() + 1] == "/" or _clinical_city(city):
            continue  # "12 000 ESV/24h", "25000, TG 4": a count or a value, then an acronym
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


def _clinical_city(city: list[str]) -> bool:
    """Whether the "city" after a number is an acronym of a lab value or a clinical word: one
    word in capitals that is no town, of two letters or a clinical word ("12 000 ESV", "ferritine
    25000, TG 4 mmol/L", "15000 PNN")."""
    if len(city) != 1 or not city[0].isupper():
        return False
    key = _fold(city[0])
    if key in CITIES or key in COMMON_PLACES:
        return False  # "75011 PARIS", "64000 PAU"
    return len(key) <= 2 or key in clinical_words() or key in CLINICAL


_ZIP_WORDS: Final = frozenset(["zip", "postal", "postcode", "cp"])
# "CP" is a postal code only in capitals ("cp x3/j" is a tablet), and a code is written in
# capitals and digits ("CP for 2h" is chest pain for two hours).
_ZIP_CONTEXT: Final = re.compile(
    r"\b(?:zip code|zip|postal code|postcode|code postal|(?-i:CP))\s?(?:is|est|:)?\s?"
    r"(?P<v>(?-i:[A-Z0-9]{2,5}(?:[\s-][A-Z0-9]{2,4})?))\b",
    re.I,
)

# ---------------------------------------------------------------- postal codes next to a finding
# A French postal code (department 01-98) standing alone: before a phone number, on its line or
# closing the line above ("… Pompidou 75015 (33) 01-32-39-28-25", "source principale 20118 –
# (205)-…"), or after "dans le" ("à Paris dans le 75001"). A four- or five-digit postal code
# and a capitalised city right after a street ("SchlussStrasse 13, 3049 Leipzig").
_ZIP_BEFORE_PHONE: Final = re.compile(
    r"(?<![\w.,/-])(?:0[1-9]|[1-8]\d|9[0-8])\d{3}(?:[ \t]?[-–,]?[ \t]?|[ \t]*\n)\Z"
)
_DANS_LE_ZIP: Final = re.compile(
    r"\bdans le\s(?P<zip>(?:0[1-9]|[1-8]\d|9[0-8])\d{3})(?![\w/]|[.,]\d)", re.I
)
_ZIP_CITY_AFTER: Final = re.compile(
    rf",?\s(?:\d{{4}}|\d{{5}})[ \t](?!(?i:{CONTACT}))"
    r"[A-ZÀ-ÖØ-Þ][a-zà-ÿ'’]+(?:-[A-ZÀ-ÖØ-Þ][a-zà-ÿ'’]+)*(?![\w])"
)
