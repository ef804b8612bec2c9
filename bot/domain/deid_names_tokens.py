"""The words of a text as the name rules read them, and the words that are never a name.

Each word becomes a :class:`Tok`: its key (see :func:`bot.domain.deid_names_words.norm`), its
shape (capitals, capitalised, lowercase, initial) and whether it is a known first name or
surname. :class:`NameTokens` holds the tokens of one text and first marks what only looks like
a name, whatever the rules say later: a letter glued to a digit or a unit sign ("PaO2", "40F",
"g/L"), a chemical formula ("KCl"), the words of a compound eponym ("Stevens-Johnson") or of an
institution ("Centre Léon Bérard"), an acronym's plural ("NSAIDs"), a classification ("Garden
III"), a side ("genou D"), a lab symbol before its value ("Mg 0.45", "Hb 8.9"), an antibody
or antigen beside its marker ("HCV Ab", "Ag HBs"), a germ's genus ("C. diff") and a score glued
to its initials ("HScore").
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from bot.domain.deid_lexicon import (
    CLIPPED,
    EPONYM_COMPOUNDS,
    GERM_SPECIES,
    INSTITUTION_HEADS,
    INSTITUTION_TAILS,
    STOP,
    TITLES,
    TRIGGERS,
)
from bot.domain.deid_names_words import (
    COMPOUND_MAX,
    COMPOUND_STARTS,
    NEVER,
    norm,
    ordinary_or_feminine,
)
from bot.domain.deid_text import word_list
from bot.domain.wordlists import first_names, is_ordinary, surnames

_WORD: Final = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_SPACE_GAP: Final = re.compile(r"[ \t]{1,3}|[ \t]?-[ \t]?")
_INITIAL_GAP: Final = re.compile(r"\.?[ \t]{0,2}|\.?-")


@dataclass(slots=True)
class Tok:
    """One word of a text and what the name rules know of it."""

    start: int
    end: int
    text: str
    key: str
    shape: str  # "U" all capitals, "C" capitalised, "L" lowercase, "I" initial
    first: bool
    last: bool
    # part of a compound eponym or of an institution's name, or a term ("NSAIDs", "KCl")
    fixed: bool = False
    # glued to a digit or a unit sign ("PaO2", "J10", "40F", "g/L", "K+"), or a clinical form
    # ("NEPHROPATIE") or a pharmaceutical form after a dose ("100mg/10ml SOL")
    code: bool = False

    @property
    def never(self) -> bool:
        if self.fixed or self.code:
            return True
        if self.shape == "I":
            return False
        if self.key in NEVER:
            return True
        return "-" in self.key and any(p in NEVER for p in self.key.split("-"))

    @property
    def capital(self) -> bool:
        return self.shape in "UCI"


def _shape(word: str) -> str:
    if len(word) == 1:
        return "I" if word.isupper() else "L"
    if word.isupper():
        return "U"
    if word[0].isupper():
        return "C"
    return "L"


# Clinicians' shorthand written in lowercase that a name list also holds: "chez pat 88a" is the
# "pt" (patient) of other notes, not the first name Pat (capitalised, it still is one).
_SHORTHAND: Final = {"pat": "pt", "pats": "pt"}
# Clinicians' shorthand written in lowercase that a name list holds and no other list knows: a
# patient's condition, a lab test or a clipped drug ("chez diab 65a": a diabetic; "osmo U 450":
# the urine's osmolality; "ferri 12": ferritin; "pt genta 5 mg/kg"), no name unless a title
# gives it ("chez mme diab"). Capitalised, they still are names ("chez Diab", "Osmo Virtanen").
_LOWER_SHORTHAND: Final = frozenset(word_list("diab diabs osmo osmos ferri albu prot")) | CLIPPED


@lru_cache(maxsize=1 << 16)
def _word_info(word: str) -> tuple[str, str, bool, bool, bool]:
    """Key, shape, known first name, known surname and clinical form: the same for every
    occurrence of a word."""
    firsts, lasts = first_names(), surnames()
    key = _SHORTHAND.get(word) or norm(word)
    if word in _LOWER_SHORTHAND:
        return key, "L", False, False, False  # no name list asked
    first = key in firsts
    if not first and "-" in key:
        # "Jean-Pierre", "Marie-Ange-Gaëlle": a first name leads; "sage-femme" is a word
        base, *rest = key.split("-")
        first = base in firsts and not any(is_ordinary(p) and p not in firsts for p in rest)
    last = key in lasts
    clinical = not first and not last and len(key) >= 8 and key.endswith(_CLINICAL_SUFFIXES)
    if not (first or last) and word[:1].isupper() and (glued := _GLUED_SCORE.fullmatch(key)):
        # "HScore", "H-score", "CHADSscore": a score's initials glued to the word, no name
        clinical = clinical or word[: glued.end("initials")].isupper()
    return key, _shape(word), first, last, clinical


def _tokens(text: str) -> list[Tok]:
    out: list[Tok] = []
    # where a letter is glued to a digit after it ("PaO2", "J10", "D816V"): a lab symbol, a day
    glued = {d for d in (m.start() for m in _DIGITS.finditer(text)) if d and text[d - 1].isalpha()}
    for m in _WORD.finditer(text):
        word = m.group()
        start, end = m.span()
        if len(word) > 4 and word[-2] in "'’" and word[-1] == "s":
            word, end = word[:-2], end - 2  # English possessive: "Marcil's" is "Marcil"
        key, shape, first, last, clinical = _word_info(word)
        code = end in glued or clinical
        if not code and len(word) <= 4 and text[end : end + 1] == "+":
            code = True  # "TPO Ab+", "Rh+", "HBs+": a test's result, not a name
        elif (
            not code
            and _INNER_CAPITALS.search(word)
            and (_RESULT_AFTER.match(text, end) or _CODE_SHAPE.search(word))
        ):
            # "AgHBs+", "AgHBs +": an antigen (capitals inside a word) and its result; "IgIV",
            # "HBsAg", "HbA1c": a code (a capital after a lowercase letter, twice), no name
            # ("McDonald", "LeBlanc", "DeShawn" have one)
            code = True
        if shape == "I":
            after = text[end : end + 1]
            if word == "I" and after != ".":
                shape = "L"  # the English pronoun or a Roman one ("type I"), not an initial
            elif after in _UNIT_SIGNS:
                shape = "L"  # "N° RPPS", "G/L", "K+": a number sign, a unit, an ion
                code = after not in _NUMBER_SIGNS
            elif code or (start and text[start - 1] in _UNIT_BEFORE):
                shape = "L"  # "40F.", "5N.", "12H", "g/L.", "39°C.": a sex, a unit
                code = True
            elif word in _SEXES and _AGE_AFTER.match(text, end):
                shape, code = "L", True  # "H 60a", "F 19a", "M 54 ans": a sex before an age
        out.append(Tok(start, end, word, key, shape, first, last, False, code))
    return out


_DIGITS: Final = re.compile(r"\d+")
# The endings of French clinical words: a long word that ends so and that no name list knows
# is a disease, a procedure or a sign, even misspelt ("C. NEPHROPATIE"), no surname. (English
# endings are surnames too: "Kárpáthy".)
_CLINICAL_SUFFIXES: Final = tuple(
    word_list("pathie patie ectomie otomie ostomie plastie scopie graphie algie emie urie plegie")
)
# A score, an index or a scale named by initials glued to the word, or joined to it by a
# hyphen ("HScore", "H-score", "CHADSscore"), the initials in capitals: no name.
_GLUED_SCORE: Final = re.compile(r"(?P<initials>[a-z]{1,6})-?(?:scores?|index|scale|grade|stage)")
# A chemical formula: the symbols of elements glued together, a capital inside ("KCl", "NaCl",
# "HCl", "NaHCO"), no name ("McKay", "LeBlanc": "Mc" and "Le" are no element); also after the
# "U" of a urine test ("UNa", "UCl", "UCa": urinary sodium, chloride, calcium).
_FORMULA: Final = re.compile(
    r"U?(?:Na|Cl|Ca|Mg|Fe|Li|Zn|Cu|Al|Ba|Br|Si|Mn|Co|Cr|Ag|Au|Pt|Hg|Pb|Bi|Sr|Se|Gd|[HBCNOFPSKI])+"
)
# What around one capital letter makes it a unit, a sex or an ion, never an initial: a sign
# after it ("N°", "G/L", "K+"), a digit or a sign before it ("40F", "g/L", "°C").
_UNIT_SIGNS: Final = frozenset(["°", "º", "/", "+"])
_NUMBER_SIGNS: Final = frozenset(["°", "º"])
_UNIT_BEFORE: Final = frozenset("0123456789/°º")
# A sex letter before an age: "H 60a", "F 19 ans", "M 54yo".
_SEXES: Final = frozenset("HFMW")
_AGE = r"\d{1,3}[ \t]?(?:ans?|a|yo|y/o|y|yrs?|years?)(?![^\W\d_])"
_AGE_AFTER: Final = re.compile(rf"[ \t]?{_AGE}")
# An acronym with a lowercase plural "s" ("DAAs", "NSAIDs", "IPPs"): a class of drugs, no name.
_ACRONYM_PLURAL: Final = re.compile(r"[A-Z]{2,}s")
# Capitals inside a word ("AgHBs", "IgM", "HbA"): a biological marker when a result follows.
_INNER_CAPITALS: Final = re.compile(r"[a-z][A-Z]")
_CODE_SHAPE: Final = re.compile(
    r"^(?!Mc|Mac|Van|Von|De|Di|Da|Du|Le|La|Fitz)"
    r"(?:.*[a-z][A-Z].*[a-z][A-Z]|.*[a-z][A-Z]{2}|[A-Z]{2,}[a-z]+[A-Z])"
)
# A test's result right after a word: a sign closing it ("AgHBs+,", "AgHBs +", "IgM -").
_RESULT_AFTER: Final = re.compile(r"[ \t]?[+\-−](?![\w\-+])")
# An age right after a compound eponym: a person who bears the names ("Charles Bonnet, 45 ans").
_AGE_NEXT: Final = re.compile(rf"[ \t]?[,(]?[ \t]?{_AGE}")
# A Roman numeral with an optional sub-grade ("IIa", "Ib", "IIIb", "IV"): a stage or a type.
_ROMAN: Final = re.compile(r"(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3})[a-d]?")
# Pharmaceutical forms, and the dose that comes before one ("100mg/10ml", "500 mg", "2 g/j").
_GALENIC: Final = frozenset(
    word_list(
        """
        sol solution inj injectable cp cpr comp gel gelule amp ampoule fl flacon pdr poudre susp
        suspension sirop creme pom pommade collyre supp suppo suppositoire lp cap caps capsule
        sach sachet patch spray
        """
    )
)
_DOSE_BEFORE: Final = re.compile(
    r"\d[ \t]?(?:mg|g|µg|mcg|ml|ui|u|%|mmol)(?:[ \t]?/[ \t]?[\d.,]*[ \t]?(?:mg|g|ml|l|h|j|d))?"
    r"[ \t]{1,2}\Z",
    re.I,
)
# The letters of a side: left, right, gauche, droite.
_SIDES: Final = frozenset("LRGD")
# The symbols of a blood test: its elements and ions ("Na 135", "K 3.0", "Mg 0.45") and the
# haemoglobin and haematocrit of a blood count ("Hb 8.9", "Ht 0.32").
_LAB_SYMBOLS: Final = frozenset(
    word_list("Na K Cl Ca Mg P Fe Cu Zn Li Se Mn Al Pb Hg Co Cr Hb Hgb Ht Hct")
)
# Antibody and antigen (English "Ab", "Ag", French "Ac", "Ag") beside the marker they detect
# ("HCV Ab", "Ag HBs", "Ac anti-TPO") or before their result ("Ab pos"): a serology, no name.
_SEROLOGY: Final = frozenset(word_list("Ab Ag Ac"))
_SEROLOGY_RESULTS: Final = frozenset(
    word_list("pos neg positif positive positifs positives negatif negative negatifs negatives")
)
# A lab value right after a symbol ("Mg 0.45", "Na: 135", "K=3,2", "Hb à 7"), not an age ("Li
# 45 ans", "K 66M").
_VALUE_AFTER: Final = re.compile(
    r"[ \t]?(?:[:=]|à[ \t])?[ \t]?(?P<v>\d{1,4}(?:[.,]\d+)?)(?![\d.,]?\d)(?![^\W\d_])"
)
# The initial of a germ's genus before its species: "C. diff", "E coli", "S. aureus".
_GENUS_GAP: Final = re.compile(r"\.?[ \t]|\.")


def _marker(t: Tok) -> bool:
    """Whether a word is written with two capitals or more: a virus or a marker ("HCV", "HBs")."""
    return sum(c.isupper() for c in t.text) >= 2


class NameTokens:
    """The tokens of one text, with what only looks like a name marked."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = _tokens(text)
        self._adjacent: dict[int, bool] = {}  # _next_adjacent, once per token
        self._capitals: bool | None = None  # _in_capitals, once per text
        self._fix_compounds()
        self._fix_institutions()
        self._fix_codes()
        self._fix_galenic()

    # -- words that are never a name whatever the rules say
    def _fix_compounds(self) -> None:
        """Mark the words of a compound eponym ("Stevens-Johnson", "Mallory Weiss", "drain de
        jackson pratt", "Charles Bonnet?"): a person's name in form, a disease or a device in
        fact, unless an age follows ("Charles Bonnet, 45 ans": a person)."""
        toks = self.toks
        for i, t in enumerate(toks):
            if t.key.split("-", 1)[0] not in COMPOUND_STARTS:
                continue
            parts: list[tuple[str, int]] = [(p, i) for p in t.key.split("-")]
            k = i
            while len(parts) < COMPOUND_MAX and k + 1 < len(toks):
                if _SPACE_GAP.fullmatch(self._gap(k)) is None:
                    break
                k += 1
                parts.extend((p, k) for p in toks[k].key.split("-"))
            for size in range(min(len(parts), COMPOUND_MAX), 1, -1):
                if tuple(p for p, _ in parts[:size]) in EPONYM_COMPOUNDS:
                    last = parts[size - 1][1]
                    if self._age_next(last):
                        break  # "Charles Bonnet, 45 ans": a person's names, then an age
                    for x in range(i, last + 1):
                        toks[x].fixed = True
                    break

    def _fix_institutions(self) -> None:
        """Mark the capitalised words that name an institution after "Centre", "Institut",
        "Hôpital" ("Centre Léon Bérard") or before "Hospital", "Clinic" ("Johns Hopkins
        Hospital"): a place named after a person, which the policy keeps."""
        toks = self.toks
        n = len(toks)
        for i, t in enumerate(toks):
            if t.key.rsplit("'", 1)[-1] in INSTITUTION_HEADS:  # "l'Institut Curie"
                k = i
                while k + 1 < n and k - i < 4 and self._next_adjacent(k):
                    nxt = toks[k + 1]
                    if not nxt.capital or nxt.key in TITLES or nxt.key in TRIGGERS:
                        break
                    nxt.fixed = True
                    k += 1
            if t.key in INSTITUTION_TAILS and t.capital:
                k = i
                while k > 0 and i - k < 4 and self._next_adjacent(k - 1):
                    prev = toks[k - 1]
                    if not prev.capital or prev.key in TITLES or prev.key in TRIGGERS:
                        break
                    prev.fixed = True
                    k -= 1

    def _fix_codes(self) -> None:
        """Mark what only looks like a name: an acronym with a plural "s" ("DAAs", "NSAIDs"), a
        chemical formula ("KCl", "NaCl"), a classification (a capitalised word and a Roman
        numeral: "Graf IIa", "Garden III"), a side written as one letter ("severe L testicular
        pain", "R hip", "genou D"), a lab symbol before its value ("Mg 0.45", "K 3.0", "Hb
        8.9"), an antibody or antigen beside its marker ("HCV Ab", "Ag HBs") and a germ's genus
        before its species ("C. diff", "E coli")."""
        toks = self.toks
        for i, t in enumerate(toks):
            text = t.text
            first = text[0]
            if not ("A" <= first <= "Z"):
                continue  # every case below starts with a capital (a cheap test first)
            if text in _LAB_SYMBOLS and self._lab_value(i):
                t.shape, t.code = "L" if t.shape == "I" else t.shape, True
            elif text in _SEROLOGY and self._serology(i):
                t.code = True
            elif t.shape == "I" and self._genus(i):
                t.shape, t.code = "L", True
                toks[i + 1].code = True
            elif text[-1] == "s" and _ACRONYM_PLURAL.fullmatch(text):
                t.fixed = True
            elif t.shape == "C" and not text[1:].islower() and _FORMULA.fullmatch(text):
                t.fixed = True  # "Max KCl rate": a chemical formula, not a surname
            elif (
                first in "IVX"
                and len(text) > 1
                and _ROMAN.fullmatch(text)
                and self._classification(i)
            ):
                toks[i - 1].fixed = t.fixed = True
            elif t.shape == "I" and t.text in _SIDES and self._side(i):
                t.shape, t.code = "L", True

    def _fix_galenic(self) -> None:
        """Mark a pharmaceutical form right after a dose ("INFLIXIMAB 100mg/10ml SOL", "2 g
        INJ"): part of a prescription, never a name."""
        for t in self.toks:
            if t.key in _GALENIC and _DOSE_BEFORE.search(self.text, max(0, t.start - 24), t.start):
                t.code = True

    def _age_next(self, i: int) -> bool:
        """Whether an age follows the word i ("Charles Bonnet, 45 ans", "Aldo (45 ans)"): the
        words before it are a person's."""
        return _AGE_NEXT.match(self.text, self.toks[i].end) is not None

    def _lab_value(self, i: int) -> bool:
        """Whether a lab value follows the symbol i ("Mg 0.45", "Na: 135", "Hb à 7"), not an
        age, and no title comes before it ("Mr K 66M", "Mme Li 45 ans")."""
        value = _VALUE_AFTER.match(self.text, self.toks[i].end)
        if value is None or _AGE_AFTER.match(self.text, value.start("v")):
            return False
        return not (i and self.toks[i - 1].key in TITLES)

    def _serology(self, i: int) -> bool:
        """Whether "Ab", "Ag" or "Ac" at i is an antibody or an antigen: beside a marker written
        with two capitals or more ("HCV Ab", "Ag HBs", "Ac VHC"), before an "anti-" ("Ac
        anti-TPO") or a result ("Ab pos"), and no title before it ("Mme Ag")."""
        toks = self.toks
        if i and toks[i - 1].key in TITLES:
            return False
        if i and self.text[toks[i - 1].end : toks[i].start] == " " and _marker(toks[i - 1]):
            return True
        if i + 1 >= len(toks) or self._gap(i) != " ":
            return _RESULT_AFTER.match(self.text, toks[i].end) is not None
        nxt = toks[i + 1]
        return _marker(nxt) or nxt.key.startswith("anti") or nxt.key in _SEROLOGY_RESULTS

    def _genus(self, i: int) -> bool:
        """Whether the capital letter i is a germ's genus: a germ's species after it ("C.
        diff", "E coli", "S. aureus") and no title before it."""
        toks = self.toks
        return (
            i + 1 < len(toks)
            and toks[i + 1].key in GERM_SPECIES
            and toks[i + 1].shape == "L"
            and _GENUS_GAP.fullmatch(self._gap(i)) is not None
            and not (i and toks[i - 1].key in TITLES)
        )

    def _classification(self, i: int) -> bool:
        """Whether the Roman numeral i grades the capitalised word before it ("Graf IIa",
        "Forrest Ib", "Gustilo IIIb"), rather than numbering a person ("Mr Louis Martin II",
        "Kevin Veitonen II")."""
        toks = self.toks
        if i == 0 or self._gap(i - 1) != " ":
            return False
        word = toks[i - 1]
        if word.shape not in "CU" or word.key in TITLES:
            return False
        if i > 1 and self._next_adjacent(i - 2):
            before = toks[i - 2]
            if before.capital or before.key in TITLES:
                return False  # "Louis Martin II", "Mr Graf II": the end of a full name
        if word.first and i + 1 < len(toks) and self._gap(i) == " ":
            after = toks[i + 1]
            if after.capital and after.last and not after.never:
                return False  # a first name, a numeral, a surname
        return True

    def _side(self, i: int) -> bool:
        """Whether the capital letter i is a side (L, R, G, D), not an initial: with no full stop
        after it nor a title before it, before a lowercase word ("L knee", "severe L testicular
        pain") or after a lowercase word at the end of a phrase ("genou D", "hanche G")."""
        toks = self.toks
        t = toks[i]
        if self.text[t.end : t.end + 1] == ".":
            return False  # "Kevin L.": an initial
        prev = toks[i - 1] if i and self.text[toks[i - 1].end : t.start] in (" ", ". ") else None
        if prev is not None and (prev.key in TITLES or prev.key in TRIGGERS):
            return False  # "Mr L, 54 ans", "Mme D", "patient R"
        if prev is not None and prev.first and not ordinary_or_feminine(prev.key):
            return False  # "robert D smith", "Kevin L": a first name, then an initial
        nxt = toks[i + 1] if i + 1 < len(toks) and self._gap(i) == " " else None
        if nxt is not None and nxt.shape == "L" and len(nxt.text) > 1 and nxt.key not in STOP:
            return True
        return (
            prev is not None
            and self.text[prev.end : t.start] == " "
            and prev.shape == "L"
            and len(prev.text) > 2
            and prev.key not in STOP
            and (nxt is None or not nxt.capital)
        )

    def _in_capitals(self) -> bool:
        """Whether the text is written in capitals: more words in capitals than in lowercase."""
        if self._capitals is None:
            upper = sum(t.shape == "U" for t in self.toks)
            self._capitals = upper > sum(t.shape == "L" for t in self.toks)
        return self._capitals

    # -- adjacency
    def _gap(self, i: int) -> str:
        """The text between token i and token i + 1."""
        return self.text[self.toks[i].end : self.toks[i + 1].start]

    def _next_adjacent(self, i: int) -> bool:
        known = self._adjacent.get(i)
        if known is not None:
            return known
        if i + 1 >= len(self.toks):
            return False
        gap = self.text[self.toks[i].end : self.toks[i + 1].start]
        if gap == " ":
            adjacent = True
        elif self.toks[i].shape == "I":
            adjacent = _INITIAL_GAP.fullmatch(gap) is not None
        else:
            adjacent = _SPACE_GAP.fullmatch(gap) is not None
        self._adjacent[i] = adjacent
        return adjacent
