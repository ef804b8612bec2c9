"""Person names: courtesy titles, announcing words, first-name lexicon, initials, capitals.

Names are found from clues, never from capitalisation alone: a title (``Mme``, ``Dr``, ``Mr``)
makes the next word a name whatever its case; an announcing word (``patient``, ``la fille de``,
``my name is``) makes a capitalised or known name a name; a known first name pulls in the
capitalised words around it; an initial next to a capitalised word is a name; a capitalised
word before a known surname is a name when neither is an ordinary word; so are the words opening
a sentence before a verb of a person ("Cendrillon Coudert lives"), the speakers of a dialogue
once one is a known name ("Ubul: What a wife.") and any unknown word after a phrase that gives a
name ("call me višeslav"). Eponyms, drug brands and clinical words never start a name on their
own, and a capitalised ordinary word ends one. The words of a compound eponym ("Stevens Johnson",
"drain de Jackson Pratt") and of an institution named after a person ("Centre Léon Bérard",
"Mayo Clinic": the policy keeps hospitals) are never a name unless a title stands before them.

The first names, surnames and ordinary words come from :mod:`bot.domain.wordlists` (French,
US and 105 countries' names; English and French spelling dictionaries).
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from bot.domain.deid_addresses import STREET_WORDS
from bot.domain.deid_lexicon import (
    CITIES,
    CLINICAL,
    COMMON,
    COMMON_PLACES,
    DRUGS,
    EPONYM_COMPOUNDS,
    EPONYM_HEADS,
    EPONYM_THINGS,
    EPONYMS,
    HOSPITALS,
    INSTITUTION_HEADS,
    INSTITUTION_TAILS,
    NATIONS,
    PEOPLES,
    STOP,
    TITLES,
    TRIGGERS,
)
from bot.domain.wordlists import clinical_words, first_names, is_ordinary, surnames

Found = tuple[int, int, str]

_WORD: Final = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_SPACE_GAP: Final = re.compile(r"[ \t]{1,3}|[ \t]?-[ \t]?")
_INITIAL_GAP: Final = re.compile(r"\.?[ \t]{0,2}|\.?-")
_TITLE_GAP: Final = re.compile(r"\.?[ \t]{1,3}|\.")
_TRIGGER_GAP: Final = re.compile(r"[ \t]{0,2}[:,(?]?[ \t]{0,2}|[ \t]{1,3}|[ \t]?:[ \t]{1,8}")

_PARTICLES: Final = frozenset(
    [
        "de",
        "du",
        "des",
        "d'",
        "le",
        "la",
        "van",
        "von",
        "der",
        "den",
        "di",
        "da",
        "del",
        "della",
        "dos",
        "das",
        "ben",
        "ibn",
        "el",
        "al",
        "mc",
        "mac",
        "ten",
        "ter",
        "st",
        "saint",
    ]
)
# Announcing words after which a lowercase known name is taken as a name.
_STRONG_TRIGGERS: Final = frozenset(
    [
        "patient",
        "patiente",
        "pt",
        "pte",
        "nom",
        "prenom",
        "prenoms",
        "name",
        "surname",
        "firstname",
        "named",
        "called",
        "appele",
        "appelee",
        "s'appelle",
        "epouse",
        "epoux",
        "mari",
        "femme",
        "fille",
        "fils",
        "frere",
        "soeur",
        "pere",
        "mere",
        "chez",
        "infirmiers",
        "infirmieres",
    ]
)
_TWO_WORD_TRIGGERS: Final = frozenset(
    {
        ("name", "is"),
        ("name", "was"),
        ("nom", "est"),
        ("i", "am"),
        ("i'm", ""),
        ("je", "suis"),
        ("m'appelle", ""),
        ("s'appelle", ""),
        ("known", "as"),
        ("signed", "by"),
        ("call", "me"),
        ("named", "him"),
        ("named", "her"),
        ("called", "him"),
        ("called", "her"),
        ("calls", "me"),
        ("called", "me"),
        ("dit", ""),
    }
)
# Phrases that give a name: after them even an unknown lowercase word is one ("call me lempi").
_NAMING_TWO: Final = frozenset(
    {
        ("name", "is"),
        ("name", "was"),
        ("nom", "est"),
        ("known", "as"),
        ("call", "me"),
        ("calls", "me"),
        ("called", "me"),
        ("named", "him"),
        ("named", "her"),
        ("called", "him"),
        ("called", "her"),
    }
)
_NAMING_ONE: Final = frozenset(["i'm", "m'appelle", "s'appelle"])
# Phrases of a call: after them an ordinary lowercase word is an adverb ("call me back", "call
# me later"), never a name.
_CALL_WORDS: Final = frozenset(["call", "calls", "called"])
_NAME_WORDS: Final = frozenset(["name", "nom", "prenom", "prenoms", "surname", "firstname"])
# Every word an announcing phrase can start with (a cheap test before _trigger_end).
_TRIGGER_STARTS: Final = TRIGGERS | frozenset(a for a, _ in _TWO_WORD_TRIGGERS)
_UPPER_TITLES: Final = frozenset({"Mr", "MR", "Mrs", "MRS", "Ms", "MS", "M"})
_NEVER: Final = STOP | EPONYMS | DRUGS | CLINICAL
# What can never continue a name, nor follow a title (eponyms may: "Dr Murphy", "Paul Lambert").
_NEVER_AFTER: Final = STOP | DRUGS | CLINICAL | COMMON_PLACES
_KIN: Final = frozenset(
    [
        "epouse",
        "epoux",
        "mari",
        "femme",
        "fille",
        "fils",
        "frere",
        "soeur",
        "pere",
        "mere",
        "famille",
        "family",
        "wife",
        "husband",
        "son",
        "daughter",
        "brother",
        "sister",
        "father",
        "mother",
    ]
)
# Verbs whose subject is a person: an unknown capitalised word opening a sentence before one of
# them is a name ("Mehrudin shouted"); a known surname needs only a verb ("Rintanen was").
_PERSON_VERBS: Final = frozenset(
    [
        "said",
        "says",
        "told",
        "tells",
        "asked",
        "asks",
        "replied",
        "replies",
        "shouted",
        "shouts",
        "lives",
        "lived",
        "works",
        "worked",
        "wrote",
        "writes",
        "thinks",
        "thought",
        "believes",
        "believed",
        "wants",
        "wanted",
        "feels",
        "felt",
        "explained",
        "explains",
        "phoned",
        "visited",
        "began",
        "begins",
        "complains",
        "complained",
        "agreed",
        "agrees",
        "refuses",
        "refused",
        "prefers",
        "habite",
        "vit",
        "travaille",
        "pense",
        "explique",
        "raconte",
        "affirme",
        "refuse",
        "souhaite",
    ]
)
_SUBJECT_VERBS: Final = _PERSON_VERBS | frozenset(
    [
        "is",
        "was",
        "were",
        "are",
        "has",
        "had",
        "have",
        "will",
        "would",
        "can",
        "could",
        "should",
        "did",
        "does",
        "est",
        "etait",
        "a",
        "avait",
        "sera",
        "sont",
        "etaient",
    ]
)
_SUFFIX: Final = re.compile(r",?[ \t](?:MD|DDS|DMD|PhD|Jr|Sr|II|III|IV)\b\.?")
_GREETINGS: Final = frozenset(
    ["hi", "hello", "hey", "dear", "bonjour", "bonsoir", "salut", "coucou", "thanks", "merci"]
)
_SPEECH: Final = frozenset(["says", "said"])
_AND: Final = frozenset(["and", "et", "or", "ou"])
_LIST_COMMA: Final = re.compile(r",[ \t]{0,2}")
_LIST_AND: Final = re.compile(r",?[ \t]{1,2}")
_LIST_END: Final = frozenset([" ", ".", ",", ";", "!", "?", ")", "\n", ""])
# Letters that are words ("julie a mal", "il y va"), not initials, in lowercase text.
_WORD_LETTERS: Final = frozenset("aeiouyà")
_ARTICLES: Final = frozenset(["le", "la", "les", "l'", "the", "a", "an", "un", "une"])
_BIRTH: Final = frozenset(["nee", "ne", "born"])
_OF: Final = frozenset(["de", "d'", "du", "des", "of"])
# Prepositions of place: a lone surname after them is a hospital or a town ("à Necker").
_PLACE_BEFORE: Final = frozenset(
    ["a", "au", "aux", "en", "vers", "dans", "at", "in", "to", "from", "near", "into"]
)
_COMPOUND_STARTS: Final = frozenset(c[0] for c in EPONYM_COMPOUNDS)
_COMPOUND_MAX: Final = max(len(c) for c in EPONYM_COMPOUNDS)
# Verbs after which a lowercase first name opening a sentence is its subject ("nadia a vomi").
_LOWER_SUBJECT_VERBS: Final = frozenset(["a", "avait", "est", "etait", "has", "had", "is", "was"])
# Words before a capitalised word that make it no person: an article ("the Morvan"), a saint
# ("St John's wort"), a treatment ("sous Leeloo"), a preposition of place ("in Brittany").
_NOT_PERSON_BEFORE: Final = frozenset(
    ["the", "sous", "st", "ste", "saint", "sainte", "san", "santa", "in", "dans", "from", "near"]
)
# Words before or after a name that make it an eponym: "test de Lang", "Thompson positif".
_EPONYM_BEFORE: Final = frozenset(
    [
        "test",
        "tests",
        "signe",
        "sign",
        "score",
        "scores",
        "manoeuvre",
        "maneuver",
        "maladie",
        "syndrome",
        "stade",
        "stage",
        "classification",
        "echelle",
        "scale",
        "criteres",
        "criteria",
        "triade",
        "epreuve",
        "reflexe",
        "disease",
    ]
)
_DASHES: Final = frozenset(["-", "–", "—", "/", " - ", " – ", " — "])
_EPONYM_AFTER: Final = frozenset(
    ["positif", "positive", "negatif", "negative", "signe", "positifs", "negatifs"]
)
# Feminine endings and their masculine: "inquiete" is "inquiet", "nerveuse" "nerveux".
_FEMININE: Final = (
    ("euse", "eux"),
    ("ive", "if"),
    ("ere", "er"),
    ("enne", "en"),
    ("elle", "el"),
    ("ette", "et"),
    ("ees", "e"),
    ("ee", "e"),
    ("es", ""),
    ("e", ""),
)
# Titles that are also common nouns of English prose: lowercase, they are no title before an
# ordinary word ("the doctor said", "a lady living alone").
_NOUN_TITLES: Final = frozenset(
    ["doctor", "lady", "sir", "miss", "mister", "professor", "prof", "dame", "lord"]
)
# A number closing the text before a word: "300 m", "460 ms".
_NUMBER_END: Final = re.compile(r"\d[ \t]?\Z")
_ADJ_ENDINGS: Final = ("ant", "ent", "e", "es", "ee", "ees", "ique", "eux", "euse", "if", "ive")


def norm(word: str) -> str:
    """Case-fold, unify apostrophes and strip accents: the key of every lexicon."""
    folded = word.casefold().replace("’", "'")
    if folded.isascii():
        return folded
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    text: str
    key: str
    shape: str  # "U" all capitals, "C" capitalised, "L" lowercase, "I" initial
    first: bool
    last: bool
    fixed: bool = False  # part of a compound eponym or of an institution's name
    code: bool = False  # glued to a digit or a unit sign: "PaO2", "J10", "40F", "g/L", "K+"

    @property
    def never(self) -> bool:
        if self.fixed or self.code:
            return True
        if self.shape == "I":
            return False
        if self.key in _NEVER:
            return True
        return "-" in self.key and any(p in _NEVER for p in self.key.split("-"))

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


@lru_cache(maxsize=1 << 16)
def _word_info(word: str) -> tuple[str, str, bool, bool]:
    """Key, shape, known first name, known surname: the same for every occurrence of a word."""
    firsts, lasts = first_names(), surnames()
    key = norm(word)
    first = key in firsts
    if not first and "-" in key:
        # "Jean-Pierre", "Marie-Ange-Gaëlle": a first name leads; "sage-femme" is a word
        base, *rest = key.split("-")
        first = base in firsts and not any(is_ordinary(p) and p not in firsts for p in rest)
    return key, _shape(word), first, key in lasts


def _tokens(text: str) -> list[_Tok]:
    out: list[_Tok] = []
    # where a letter is glued to a digit after it ("PaO2", "J10", "D816V"): a lab symbol, a day
    glued = {d for d in (m.start() for m in _DIGITS.finditer(text)) if d and text[d - 1].isalpha()}
    for m in _WORD.finditer(text):
        word = m.group()
        start, end = m.span()
        if len(word) > 4 and word[-2] in "'’" and word[-1] == "s":
            word, end = word[:-2], end - 2  # English possessive: "Marcil's" is "Marcil"
        key, shape, first, last = _word_info(word)
        code = end in glued
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
        out.append(_Tok(start, end, word, key, shape, first, last, False, code))
    return out


_DIGITS: Final = re.compile(r"\d+")
# What around one capital letter makes it a unit, a sex or an ion, never an initial: a sign
# after it ("N°", "G/L", "K+"), a digit or a sign before it ("40F", "g/L", "°C").
_UNIT_SIGNS: Final = frozenset(["°", "º", "/", "+"])
_NUMBER_SIGNS: Final = frozenset(["°", "º"])
_UNIT_BEFORE: Final = frozenset("0123456789/°º")
# An acronym with a lowercase plural "s" ("DAAs", "NSAIDs", "IPPs"): a class of drugs, no name.
_ACRONYM_PLURAL: Final = re.compile(r"[A-Z]{2,}s")
# A Roman numeral with an optional sub-grade ("IIa", "Ib", "IIIb", "IV"): a stage or a type.
_ROMAN: Final = re.compile(r"(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3})[a-d]?")
# The letters of a side: left, right, gauche, droite.
_SIDES: Final = frozenset("LRGD")


class _Finder:
    """One pass over the tokens of one text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = _tokens(text)
        self.spans: list[Found] = []
        self._adjacent: dict[int, bool] = {}  # _next_adjacent, once per token
        self._fix_compounds()
        self._fix_institutions()
        self._fix_codes()

    # -- words that are never a name whatever the rules say
    def _fix_compounds(self) -> None:
        """Mark the words of a compound eponym ("Stevens-Johnson", "Mallory Weiss", "drain de
        jackson pratt"): a person's name in form, a disease or a device in fact."""
        toks = self.toks
        for i, t in enumerate(toks):
            if t.key.split("-", 1)[0] not in _COMPOUND_STARTS:
                continue
            parts: list[tuple[str, int]] = [(p, i) for p in t.key.split("-")]
            k = i
            while len(parts) < _COMPOUND_MAX and k + 1 < len(toks):
                if _SPACE_GAP.fullmatch(self._gap(k)) is None:
                    break
                k += 1
                parts.extend((p, k) for p in toks[k].key.split("-"))
            for size in range(min(len(parts), _COMPOUND_MAX), 1, -1):
                if tuple(p for p, _ in parts[:size]) in EPONYM_COMPOUNDS:
                    for x in range(i, parts[size - 1][1] + 1):
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
        classification (a capitalised word and a Roman numeral: "Graf IIa", "Garden III") and a
        side written as one letter ("severe L testicular pain", "R hip", "genou D")."""
        toks = self.toks
        for i, t in enumerate(toks):
            text = t.text
            first = text[0]
            if not ("A" <= first <= "Z"):
                continue  # every case below starts with a capital (a cheap test first)
            if text[-1] == "s" and _ACRONYM_PLURAL.fullmatch(text):
                t.fixed = True
            elif (
                first in "IVX"
                and len(text) > 1
                and _ROMAN.fullmatch(text)
                and self._classification(i)
            ):
                toks[i - 1].fixed = t.fixed = True
            elif t.shape == "I" and t.text in _SIDES and self._side(i):
                t.shape, t.code = "L", True

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
        if prev is not None and prev.first and not _ordinary(prev.key):
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

    # -- predicates
    def _name_part(self, t: _Tok, *, cont: bool = False) -> bool:
        """A capitalised word that may start (or, with ``cont``, continue) a name."""
        if not t.capital:
            return False
        if t.never and not (cont and t.key not in _NEVER_AFTER and not t.fixed):
            return False
        if t.shape == "U" and len(t.text) <= 3 and not (t.first or t.last):
            return False
        if t.key in COMMON_PLACES:
            return False
        return t.key not in COMMON or t.first or t.last

    def _lower_name(self, t: _Tok) -> bool:
        """A lowercase word that is a known name and no ordinary word (an ordinary word only
        as a known first name: "benjamin", not the surnames "back", "blood")."""
        return (
            t.shape == "L"
            and len(t.text) >= 3
            and (
                t.first or (t.last and not t.key.endswith(_ADJ_ENDINGS) and not is_ordinary(t.key))
            )
            and not t.never
            and t.key not in COMMON
            and t.key not in COMMON_PLACES
        )

    def _lower_surname(self, t: _Tok) -> bool:
        """A lowercase word after a first name and an initial: a known or unknown surname."""
        return (
            t.shape == "L"
            and len(t.text) >= 3
            and not t.never
            and t.key not in COMMON
            and not _ordinary(t.key)
            and t.key not in clinical_words()
        )

    # -- span building
    def _extend(self, j: int, *, lower: bool, limit: int = 4, named: bool = False) -> int:
        """Index of the last token of the name starting at j (``named``: name words before j)."""
        k = j
        while k - j + 1 < limit and self._next_adjacent(k):
            nxt = self.toks[k + 1]
            if nxt.key in _BIRTH:
                break  # "Marie Humble Née le…", "Dupont née Martin": the name ends there
            if nxt.key in NATIONS and not nxt.first:
                break  # "Han Chinese descent": a people, no more of the name
            if (
                nxt.shape == "C"
                and self.toks[k].shape != "I"  # "Kate M Begum": after an initial, a surname
                and (k > j or named or not self.toks[k].first)
                and not (nxt.first or nxt.last)
                and is_ordinary(nxt.key)
            ):
                # "Marie Humble Née le…", "ALLARD Michèle Contacter": a word, not more of the
                # name (after a lone first name it is the surname: "Rebecca Hides").
                break
            if self._name_part(nxt, cont=True) or (lower and self._lower_name(nxt)):
                k += 1
                continue
            if (
                nxt.key in _PARTICLES
                and k + 2 < len(self.toks)
                and self._next_adjacent(k + 1)
                and self._name_part(self.toks[k + 2])
            ):
                k += 2
                continue
            if (
                nxt.key in _PARTICLES
                and k + 3 < len(self.toks)
                and self.toks[k + 2].key in _PARTICLES
                and self._next_adjacent(k + 1)
                and self._next_adjacent(k + 2)
                and self._name_part(self.toks[k + 3])
            ):
                k += 3  # "Maika van de Noort", "Marie de la Tour"
                continue
            break
        return k

    def _add(self, i: int, k: int) -> None:
        end = self.toks[k].end
        if self.text[end : end + 1] in (" ", ","):
            m = _SUFFIX.match(self.text, end)  # "Giovanna Rodrigues MD", "Kevin Veitonen II"
            if m is not None:
                end = m.end()
        self.spans.append((self.toks[i].start, end, "PERSON"))

    def _is_title(self, i: int) -> bool:
        t = self.toks[i]
        if t.key not in TITLES or i + 1 >= len(self.toks) or t.code:
            return False
        gap = self._gap(i)
        if _TITLE_GAP.fullmatch(gap) is None:
            return False
        if t.start and self.text[t.start - 1].isdigit():
            return False  # "68M. Testing", "460ms": a sex or a unit glued to a number
        if t.shape == "L" and _NUMBER_END.search(self.text, max(0, t.start - 4), t.start):
            return False  # "300 m malgré", "460 ms": metres, milliseconds
        nxt = self.toks[i + 1]
        if nxt.shape == "L" and not self._lower_after_title(t, nxt):
            return False  # "monsieur consulte", "the doctor said", "pr uriner" (SMS "pour")
        if t.text == "pr" and not (
            nxt.capital and (nxt.first or nxt.last or not _ordinary(nxt.key))
        ):
            return False
        if nxt.shape == "I" and nxt.text.isupper() and t.shape != "U":
            return True  # "Dr M Vasaio": an initial (not the word "M") follows the title
        if t.text in _UPPER_TITLES or t.shape == "U":
            # "M." needs its dot; capitals-only titles need a capitalised name after them.
            if t.text == "M" and not gap.startswith("."):
                return False
            return nxt.capital and nxt.key not in _NEVER_AFTER
        return nxt.key not in _NEVER_AFTER

    @staticmethod
    def _caps_word(t: _Tok) -> bool:
        """A word in capitals that is an ordinary or clinical word and no first name ("PIED",
        "FROID", "LABA", "LAMA"): two of them are words of a message in capitals, no name."""
        return not t.first and (_ordinary(t.key) or t.key in clinical_words())

    def _no_name_after_trigger(self, j: int, gap: str) -> bool:
        """Whether the capitalised word j after an announcing word is no name: a title with no
        name after it ("chez Mr 78 ans"), a sex letter before an age or a word ("chez F 52 ans",
        "chez K sein"), a word in capitals that is an ordinary or clinical word ("FEMME
        ENCEINTE", "CHEZ BEBE", "son épouse, IADL 3/4"), a people alone ("Patiente Marocaine")
        or, after a comma, no known name ("sa femme, ABCDE limite")."""
        cand = self.toks[j]
        if cand.key in TITLES:
            return True
        if cand.key in PEOPLES:
            # "Patiente Marocaine de 30 ans": a people, unless a name follows ("Irish Murphy")
            return not (self._next_adjacent(j) and self._name_part(self.toks[j + 1]))
        if cand.shape == "I":
            if self.text[cand.end : cand.end + 1] == ".":
                return False
            return not (self._next_adjacent(j) and self._name_part(self.toks[j + 1]))
        if cand.shape == "U" and not cand.last:
            if _ordinary(cand.key) or cand.key in clinical_words():
                return True
            return "," in gap and not cand.first
        return False

    @staticmethod
    def _lower_after_title(title: _Tok, nxt: _Tok) -> bool:
        """Whether a lowercase word after a title is the name ("chez mme lefebvre", "madame
        martin"), not an ordinary or clinical word ("monsieur consulte", "doctor here"). After
        a lowercase English title, a common noun in prose ("the doctor said", "a lady living"),
        no ordinary word is a name."""
        if title.shape == "L" and title.key in _NOUN_TITLES:
            return not _ordinary(nxt.key) and nxt.key not in clinical_words()
        if nxt.first or nxt.last:
            return True
        return not _ordinary(nxt.key) and nxt.key not in clinical_words()

    def _naming(self, i: int, end: int) -> bool:
        """Whether the announcing phrase from i to end gives a name ("call me", "my name is",
        "je m'appelle", "Name:"), rather than a state ("I am", "je suis")."""
        key = self.toks[i].key
        if end > i:
            return (key, self.toks[end].key) in _NAMING_TWO
        if key in _NAMING_ONE:
            return key != "i'm"
        return key in _NAME_WORDS and ":" in self._gap(end)

    def _lower_run(self, j: int) -> int:
        """The last token of a lowercase name from j on one line: unknown words and initials."""
        k = j
        while k + 1 < len(self.toks) and k - j < 3:
            gap = self._gap(k)
            nxt = self.toks[k + 1]
            if gap not in (" ", ". ") or (gap == ". " and len(self.toks[k].text) > 1):
                break
            initial = len(nxt.text) == 1 and nxt.shape == "L" and nxt.key not in _WORD_LETTERS
            after_initial = len(self.toks[k].text) == 1 and (
                self._lower_surname(nxt) or self._lower_name(nxt)
            )
            if not (initial or after_initial):
                break
            k += 1
        return k

    def _trigger_end(self, i: int) -> int:
        """Index of the last token of an announcing phrase starting at i, or -1."""
        t = self.toks[i]
        if i + 1 < len(self.toks) and (t.key, self.toks[i + 1].key) in _TWO_WORD_TRIGGERS:
            return i + 1  # before the one-word form: "name is X", not "name" then "is"
        if t.key in TRIGGERS:
            k = i
            # "la fille de", "wife of": skip the linking word.
            nxt_key = self.toks[k + 1].key if k + 1 < len(self.toks) else ""
            if t.key in _KIN and nxt_key in {"de", "d'", "of", "du"}:
                k += 1
            return k
        if (t.key, "") in _TWO_WORD_TRIGGERS:
            return i
        return -1

    def run(self) -> list[Found]:
        toks = self.toks
        n = len(toks)
        i = 0
        while i < n:
            t = toks[i]
            # 1. courtesy title: the next word is a name whatever its case.
            if self._is_title(i):
                j = i + 1
                while j + 1 < n and self._is_title(j):
                    j += 1
                x = j
                while toks[x].fixed:
                    toks[x].fixed = False  # "Dr Jackson Pratt": a title makes it a person
                    if not self._next_adjacent(x):
                        break
                    x += 1
                lower = toks[j].shape == "L"
                k = self._extend(j, lower=lower)
                self._add(j, k)
                i = k + 1
                continue
            # 2. announcing word: a capitalised word, or a known lowercase name, is a name.
            end = self._trigger_end(i) if t.key in _TRIGGER_STARTS else -1
            if end >= 0 and end + 1 < n:
                gap = self.text[toks[end].end : toks[end + 1].start]
                j = end + 1
                cand = toks[j]
                strong = t.key in _STRONG_TRIGGERS or end > i
                if t.key in _NAMING_ONE and not _ordinary(cand.key):
                    strong = True  # "i'm roberto's daughter", not "I'm glad"
                if _TRIGGER_GAP.fullmatch(gap) and not self._is_title(j):
                    eponym_name = (
                        (t.key in _SPEECH or end > i)
                        and cand.shape == "C"
                        and (cand.first or cand.last)
                        and not cand.fixed
                        and cand.key in EPONYMS
                        and cand.key not in _NEVER_AFTER
                    )  # "says Becker", "her maiden name is Clark"
                    if (
                        self._name_part(cand)
                        and not (cand.key in COMMON and not cand.first)
                        and not self._no_name_after_trigger(j, gap)
                    ) or eponym_name:
                        k = self._extend(j, lower=False)
                        self._add(j, k)
                        i = k + 1
                        continue
                    if (
                        cand.shape == "L"
                        and t.key in _CALL_WORDS
                        and end > i
                        and is_ordinary(cand.key)
                    ):
                        i += 1
                        continue  # "call me back", "call me later": an adverb, not a name
                    if strong and self._lower_name(cand):
                        k = self._extend(j, lower=True)
                        self._add(j, k)
                        i = k + 1
                        continue
                    if len(cand.text) >= 5 and self._naming(i, end) and self._lower_surname(cand):
                        # "call me višeslav", "name: hyuuma t. maida": any lowercase word
                        # that is no ordinary word, after a phrase that gives a name.
                        k = self._lower_run(j)
                        self._add(j, k)
                        i = k + 1
                        continue
            # 3. a known first name pulls in its neighbours.
            if t.first and not t.never and t.shape != "I" and t.key not in COMMON_PLACES:
                span = self._from_first_name(i)
                if span is not None:
                    self._add(*span)
                    i = span[1] + 1
                    continue
            # 4. initials beside a capitalised word: "J. PETIT", "Kevin L.", "Szabina J Gelencsér".
            span = self._from_initial(i) if t.shape in "IC" else None
            if span is not None:
                self._add(*span)
                i = span[1] + 1
                continue
            # 5. two words in capitals, one of them a known name: "GUILLAUMET TRAVIS".
            if (
                t.shape == "U"
                and not t.never
                and len(t.text) >= 3
                and self._next_adjacent(i)
                and toks[i + 1].shape == "U"
                and not toks[i + 1].never
                and (t.last or toks[i + 1].last)
                and t.key not in COMMON
                and not (self._caps_word(t) and self._caps_word(toks[i + 1]))
            ):
                k = self._extend(i, lower=False, limit=3)
                self._add(i, k)
                i = k + 1
                continue
            # 6. a capitalised word before a known surname: "Rościsław Dudek", "Bernard Ivančić".
            if (
                t.shape == "C"
                and len(t.text) >= 2
                and t.key not in _NEVER_AFTER
                and t.key not in COMMON
                and not t.fixed
                and self._next_adjacent(i)
                and toks[i + 1].last
                and toks[i + 1].shape in "CU"
                and not toks[i + 1].never
                and toks[i + 1].key not in TITLES
                and toks[i + 1].key not in COMMON
                and not is_ordinary(t.key)
                and not is_ordinary(toks[i + 1].key)
            ):
                k = self._extend(i + 1, lower=False, limit=3)
                # "Appelez Dupont": a verb in the imperative, then the name
                self._add(i + 1 if _verb_form(t) else i, k)
                i = k + 1
                continue
            # 6b. two capitalised words that are no ordinary word nor known term: a foreign
            # first name and surname ("Bekbolat Musliyevich", "Gyala Antall").
            if (
                t.shape == "C"
                and self._next_adjacent(i)
                and self._gap(i) == " "
                and self._unknown_capital(t)
                and self._unknown_capital(toks[i + 1])
            ):
                k = self._extend(i + 1, lower=False, limit=3)
                self._add(i, k)
                i = k + 1
                continue
            # 7. after a greeting, an unknown capitalised word is a name ("Hi Manlio,").
            if (
                i > 0
                and toks[i - 1].key in _GREETINGS
                and self._gap(i - 1) == " "
                and self._unknown_capital(t)
                and not (self._next_adjacent(i) and toks[i + 1].capital)
            ):
                self._add(i, i)
                i += 1
                continue
            # 7b. one or two words opening a sentence before a verb of a person.
            k = -1
            if t.shape in "CL" and (
                (i + 1 < n and toks[i + 1].key in _PERSON_VERBS)
                or (i + 2 < n and toks[i + 2].key in _PERSON_VERBS)
            ):
                k = self._subject(i) if self._sentence_start(i) else -1
            if k >= 0:
                self._add(i, k)
                i = k + 1
                continue
            # 7c. a lowercase first name opening a sentence before "a", "est", "has"
            # ("nadia a vomi toute la nuit"): the subject, when no word list knows it as a word.
            if (
                t.shape == "L"
                and t.first
                and i + 1 < n
                and self._gap(i) == " "
                and toks[i + 1].key in _LOWER_SUBJECT_VERBS
                and self._lower_name(t)
                and not is_ordinary(t.key)
                and t.key not in clinical_words()
                and self._sentence_start(i)
            ):
                self._add(i, i)
                i += 1
                continue
            # 8. a lone capitalised surname inside a sentence ("says Becker"), or opening one
            # before a verb of a person ("Rintanen began writing", "Mehrudin shouted").
            if self._plain_capital(t) and self._lone_surname(i):
                if self._sentence_start(i):
                    verb = toks[i + 1].key if i + 1 < n and self._next_adjacent(i) else ""
                    if verb in _PERSON_VERBS or (t.last and verb in _SUBJECT_VERBS):
                        self._add(i, i)
                elif t.last:
                    self._add(i, i)
            i += 1
        return self.spans

    def _subject(self, i: int) -> int:
        """The last token of a name opening a sentence at i before a verb of a person
        ("Walker began writing", "Cendrillon Coudert lives at", "eva kleist lives at",
        "bártová began"), or -1. The single capitalised unknown word is left to rule 8."""
        toks = self.toks
        n = len(toks)
        for k in (i + 1, i):
            if k + 1 >= n or not all(self._next_adjacent(x) for x in range(i, k + 1)):
                continue
            if self._gap(k) != " " or toks[k + 1].key not in _PERSON_VERBS:
                continue
            words = toks[i : k + 1]
            if any(w.shape != words[0].shape or w.fixed for w in words):
                return -1
            if any(w.key in COMMON_PLACES or w.key in STOP or w.key in TITLES for w in words):
                return -1
            last = words[-1]
            if not (last.first or last.last) or last.key in _NEVER_AFTER:
                return -1
            if last.key in COMMON or last.key in clinical_words():
                return -1
            if k == i and last.shape == "C" and last.key in EPONYMS:
                # an eponym that is a known name: "Walker began writing"; a stain, a germ or a
                # device is never one ("Gram said positive", "Foley was removed")
                return -1 if last.key in EPONYM_THINGS else i
            if is_ordinary(last.key) or last.never:
                return -1
            if k == i:
                return i if last.shape == "L" else -1  # "bártová began"; capitals: rule 8
            head = words[0]
            if head.never or head.key in clinical_words():
                return -1
            if head.shape == "L" and not head.first:
                return -1
            return k
        return -1

    @staticmethod
    def _plain_capital(t: _Tok) -> bool:
        """A capitalised word of three letters or more that is no ordinary or common word,
        common place or never-a-name word."""
        return (
            t.shape == "C"
            and len(t.text) >= 3
            and not t.never
            and t.key not in COMMON
            and t.key not in COMMON_PLACES
            and not is_ordinary(t.key)
        )

    @staticmethod
    def _unknown_capital(t: _Tok) -> bool:
        """A capitalised word of three letters or more that no word list knows as a word."""
        return (
            _Finder._plain_capital(t)
            and t.key not in NATIONS
            and t.key not in CITIES
            and t.key not in STREET_WORDS
            and t.key not in HOSPITALS
            and t.key not in TITLES
            and t.key not in clinical_words()
        )

    def _lone_surname(self, i: int) -> bool:
        """Whether the surname at i, alone, reads as a person rather than a place, a people,
        an eponym ("anneau de Carpentier", "Snell score") or a cited author ("Sanz MA,")."""
        t = self.toks[i]
        if t.key in NATIONS or t.key in CITIES or t.key in HOSPITALS or t.key in clinical_words():
            return False
        if t.key.endswith(("ee", "ees")) and is_ordinary(t.key[: t.key.rindex("ee") + 1]):
            return False  # a French feminine participle the dictionary lists as masculine ("Agée")
        if i > 0 and self.toks[i - 1].end + 3 >= t.start:
            prev = self.toks[i - 1].key
            if prev in _OF or prev in _PLACE_BEFORE or prev in STREET_WORDS:
                return False  # "Centre de Santé de Belleville", "à Necker", "rue Belleville"
            if prev in _NOT_PERSON_BEFORE and self._not_person_after(i):
                return False  # "in the Morvan."; "the Castro novel" is a writer's
            gap = self.text[self.toks[i - 1].end : t.start]
            if gap in _DASHES and (prev in COMMON_PLACES or prev in CITIES or prev in NATIONS):
                return False  # "Paris–Tokyo": a journey between places
        if self._eponym_context(i, i):
            return False  # "Thompson positif", "test de Lang"
        if i + 1 < len(self.toks) and self._next_adjacent(i):
            nxt = self.toks[i + 1]
            if nxt.key in EPONYM_HEADS or nxt.key in STREET_WORDS:
                return False
            if nxt.capital:
                return False  # "Sanz MA," is a cited author, "Lenox Hill" a place
        # "Mayo Clinic": part of a longer proper noun
        return not (i > 0 and self._next_adjacent(i - 1) and self.toks[i - 1].capital)

    def _sentence_start(self, i: int) -> bool:
        """Whether token i opens a sentence, a line or a quotation."""
        if i == 0:
            return True
        gap = self.text[self.toks[i - 1].end : self.toks[i].start]
        return any(c in '.!?:;\n"«“(>' for c in gap)

    def _from_first_name(self, i: int) -> tuple[int, int] | None:
        toks = self.toks
        t = toks[i]
        if t.shape == "L":
            # lowercase: only with a lowercase surname or an initial right after.
            if not self._lower_name(t) or not self._next_adjacent(i):
                return None
            nxt = toks[i + 1]
            # a first name that is an ordinary word ("frank", "benjamin") needs a surname that
            # is none ("frank blood", "frank pus" are words)
            ordinary = is_ordinary(t.key)
            if (
                nxt.shape == "I"
                or (self._lower_name(nxt) and nxt.last and not (ordinary and is_ordinary(nxt.key)))
                or (self._name_part(nxt) and not (ordinary and self._caps_word(nxt)))
            ):
                # "severe COPD": an ordinary word, then a clinical one
                return i, self._extend(i, lower=True)
            if (
                len(nxt.text) == 1
                and i + 2 < len(toks)
                and self.text[nxt.end : toks[i + 2].start] in (" ", ". ")
                and (
                    (nxt.key not in _WORD_LETTERS and self._lower_surname(toks[i + 2]))
                    or (toks[i + 2].last and self._lower_surname(toks[i + 2]))
                    or (nxt.key not in _WORD_LETTERS and self._lower_name(toks[i + 2]))
                )
            ):
                # "benjamin a seiler", "bertram m. jørgensen", "leidy t muris"; a letter that is
                # a word ("nadia a vomi") only before a known surname
                return i, i + 2
            return None
        # short capitals are acronyms more often than names: need a neighbour.
        if (
            t.shape == "U"
            and max(len(p) for p in t.text.split("-")) <= 3
            and t.key not in COMMON
            and not (self._next_adjacent(i) and self._name_part(toks[i + 1]))
        ):
            return None
        start = i
        # surname written first, in capitals or known: "JALONNET Christine", "Dupont Marie".
        while start > 0 and self._next_adjacent(start - 1):
            prev = toks[start - 1]
            if self._name_part(prev) and (prev.shape == "U" or prev.last or prev.first):
                start -= 1
                continue
            if self._eponym_first_name(start - 1) and t.last and not is_ordinary(t.key):
                start -= 1  # "Douglas Azevedo": an eponym that is a first name, then a surname
            break
        k = self._extend(i, lower=False, named=start < i)
        if t.key in COMMON and start == i and k == i:
            return None
        if start == i and k == i and not self._lone_first_name(i):
            return None
        if self._eponym_context(start, k):
            return None  # "score Mac Isaac", "syndrome de Claude Bernard"
        if t.key in COMMON:
            others = [toks[x] for x in range(start, k + 1) if x != i]
            if all(o.key in COMMON for o in others):
                return None
        return start, k

    def _lone_first_name(self, i: int) -> bool:
        """Whether a capitalised first name standing alone is a person rather than a word: not
        an ordinary or clinical word opening a sentence ("Iron deficiency", "Gale chez toute la
        famille", "Honey and ED?"), nor a clinical word no surname list knows ("Leeloo", a
        pill), nor a place or a saint ("in Brittany", "the Morvan", "St John's wort"), nor a
        people's qualifier ("Han Chinese")."""
        t = self.toks[i]
        if t.key in PEOPLES:
            return False  # "Irish GP here": a people's adjective alone
        word = _ordinary(t.key) or t.key in clinical_words()
        if word and not self._as_person(i):
            if t.key in clinical_words() and not t.last:
                return False
            if self._sentence_start(i):
                return False
        if i > 0 and self.toks[i - 1].end + 2 >= t.start:
            prev = self.toks[i - 1].key
            if prev in _NOT_PERSON_BEFORE and self._not_person_after(i):
                return False
        return not (
            i + 1 < len(self.toks) and self._next_adjacent(i) and self.toks[i + 1].key in NATIONS
        )

    def _not_person_after(self, i: int) -> bool:
        """After "the", "in", "sous", "St": whether the word i ends its phrase ("in the Morvan.",
        "St John's wort"), rather than qualifying a noun after it ("the Castro novel")."""
        if self.toks[i - 1].key != "the":
            return True
        return self.text[self.toks[i].end : self.toks[i].end + 1] in (
            "",
            ".",
            ",",
            ";",
            "?",
            "!",
            ")",
        )

    def _as_person(self, i: int) -> bool:
        """Whether the word i is used as a person: before a verb of a subject ("Manuel had
        given", "Ari is"), a colon of a dialogue ("Heather:") or a possessive."""
        t = self.toks[i]
        after = self.text[t.end : t.end + 2]
        if after[:1] == ":" or after == " :" or after[:1] in ("'", "’"):
            return True
        if i + 1 < len(self.toks) and self._gap(i) == " ":
            return self.toks[i + 1].key in _SUBJECT_VERBS
        return False

    def _eponym_context(self, start: int, end: int) -> bool:
        """Whether the words start..end name a test, a sign or a score: after "test", "signe",
        "score" (and "de"), or before "test", "sign", "positif" ("test de Lang", "Thompson
        positif", "positive Thompson test")."""
        toks = self.toks
        b = start - 1
        if b >= 0 and toks[b].key in _OF and toks[b].end + 2 >= toks[start].start:
            b -= 1
        if b >= 0 and toks[b].key in _EPONYM_BEFORE and toks[b].end + 4 >= toks[start].start:
            return True
        if end + 1 < len(toks) and self._next_adjacent(end):
            return toks[end + 1].key in EPONYM_HEADS or toks[end + 1].key in _EPONYM_AFTER
        return False

    def _eponym_first_name(self, i: int) -> bool:
        """Whether token i is a capitalised first name that is also an eponym, not used as one
        ("Douglas", not "le Douglas", "pouch of Douglas")."""
        t = self.toks[i]
        if t.shape != "C" or not t.first or t.key not in EPONYMS or t.key in _NEVER_AFTER:
            return False
        if t.fixed:
            return False
        return not (i > 0 and self.toks[i - 1].key in _OF | _ARTICLES)

    def _sentence_word(self, letter: int, i: int) -> bool:
        """Whether the capitalised word i, after a letter ending a clause and a full stop, opens
        a sentence: an ordinary or clinical word that no name list knows. The letter ends a
        clause when it follows a lowercase word that is no function word ("témocilline S."),
        not when it opens an item of a list ("F. Rabbi, N. Boissel") or follows "par"."""
        t = self.toks[i]
        if t.shape != "C" or t.first or t.last or self.text[t.start - 2 : t.start] != ". ":
            return False
        if letter == 0 or self.text[self.toks[letter - 1].end : self.toks[letter].start] != " ":
            return False
        prev = self.toks[letter - 1]
        if prev.shape != "L" or prev.key in STOP or prev.key in TRIGGERS:
            return False
        return _ordinary(t.key) or t.key in clinical_words()

    def _graded(self, i: int) -> bool:
        """Whether the letter i qualifies the clinical word, drug or eponym right before it: a
        stage, a grade, a strain or a susceptibility ("Binet A.", "témocilline S.", "hépatite
        C."), not an initial."""
        if i == 0 or self.text[self.toks[i - 1].end : self.toks[i].start] != " ":
            return False
        prev = self.toks[i - 1]
        if prev.key in STOP or prev.key in TITLES or prev.key in TRIGGERS:
            return False
        return prev.never or prev.key in clinical_words()

    def _from_initial(self, i: int) -> tuple[int, int] | None:
        toks = self.toks
        n = len(toks)
        t = toks[i]
        if t.shape == "I" and self._graded(i):
            return None
        if (t.shape == "I" and t.text not in {"A", "À", "Y", "I"}) or (
            t.shape == "I" and self.text[t.end : t.end + 1] == "."
        ):
            # "J. PETIT", "J.-P. Martin", "F ORION"
            k = i
            while k + 1 < n and self._next_adjacent(k) and toks[k + 1].shape == "I":
                k += 1
            if k == i and k + 1 < n and self._sentence_word(i, k + 1):
                return None  # "témocilline S. Relais oral": a full stop, then a sentence
            if (
                k + 1 < n
                and self._next_adjacent(k)
                and self._name_part(toks[k + 1])
                and toks[k + 1].shape != "I"
                and (self.text[t.end : t.end + 1] == "." or toks[k + 1].shape == "U")
            ):
                return i, self._extend(k + 1, lower=False, limit=3)
            return None
        # "Szabina J Gelencsér", "Kevin L."
        if (
            t.shape == "C"
            and not t.never
            and t.key not in COMMON
            and t.key not in STOP
            and i + 1 < n
            and self._next_adjacent(i)
            and toks[i + 1].shape == "I"
        ):
            ini = toks[i + 1]
            after_dot = self.text[ini.end : ini.end + 1] == "."
            if i + 2 < n and self._next_adjacent(i + 1) and self._name_part(toks[i + 2]):
                return i, self._extend(i + 2, lower=False, limit=3)
            if after_dot and (t.first or t.last):
                return i, i + 1
        return None


@lru_cache(maxsize=1 << 14)
def _ordinary(key: str) -> bool:
    """Whether a folded word is an ordinary word, also in a feminine form the dictionary lists
    only as masculine ("inquiete", "agee", "nerveuse", "active")."""
    if is_ordinary(key):
        return True
    return any(
        key.endswith(fem) and len(key) > len(fem) + 2 and is_ordinary(key[: -len(fem)] + masc)
        for fem, masc in _FEMININE
    )


def _verb_form(t: _Tok) -> bool:
    """Whether a word no name list knows is a French verb in "-ez" ("Appelez", "Prévenez")."""
    if t.first or t.last or not t.key.endswith("ez"):
        return False
    stem = t.key[:-2]
    return is_ordinary(stem + "er") or is_ordinary(stem + "ir")


def _propagate(finder: _Finder, spans: list[Found]) -> list[Found]:
    """A word found in a name is a name wherever else it is written with a capital
    ("TAILLARD, TAILLARD PIERRE"): the clue of one occurrence covers the others."""
    if not spans:
        return spans
    found_keys: set[str] = set()
    starts = {s for s, _, _ in spans}
    covered = [(s, e) for s, e, _ in spans]
    index = {t.start: i for i, t in enumerate(finder.toks)}
    for s, e in covered:
        i = index.get(s, len(finder.toks))
        while i < len(finder.toks) and finder.toks[i].end <= e:
            t = finder.toks[i]
            if t.shape in "UC" and len(t.text) >= 3 and not t.never and t.key not in COMMON:
                found_keys.add(t.key)
            i += 1
    if not found_keys:
        return spans
    out = list(spans)
    for t in finder.toks:
        if (
            t.key in found_keys
            and t.shape in "UC"
            and not t.fixed
            and t.start not in starts
            and not any(s <= t.start < e for s, e in covered)
        ):
            out.append((t.start, t.end, "PERSON"))
    return out


def _coordinated(finder: _Finder, spans: list[Found]) -> list[Found]:
    """Words listed with a name are names too: "Eklund, Michael and Hodge", "Torpy and Salinas
    were", "silvana, adam, christopher and caleb". A list counts when one of its words is a name
    already, or, in capitals, when one is a known name and a verb follows the list."""
    toks = finder.toks
    n = len(toks)
    text = finder.text
    if n < 3 or not ("," in text or " and " in text or " et " in text):
        return spans
    out = list(spans)
    i = 0
    while i < n - 2:
        group = [i]
        k = i
        while k + 1 < n:
            gap = text[toks[k].end : toks[k + 1].start]
            if _LIST_COMMA.fullmatch(gap) and toks[k + 1].key not in _AND:
                group.append(k + 1)
                k += 1
            elif (
                toks[k + 1].key in _AND
                and k + 2 < n
                and _LIST_AND.fullmatch(gap)
                and text[toks[k + 1].end : toks[k + 2].start] == " "
            ):
                group.append(k + 2)
                k += 2
            else:
                break
        if len(group) >= 2 and (text[toks[k].end : toks[k].end + 1] in _LIST_END):
            out.extend(_list_names(finder, group, spans))
        i = k + 1
    return out


def _list_names(finder: _Finder, group: list[int], spans: list[Found]) -> list[Found]:
    toks = finder.toks
    members = [toks[x] for x in group]
    lower = all(t.shape == "L" for t in members)
    if not lower and not all(t.shape == "C" for t in members):
        return []
    for t in members:
        if t.fixed:
            return []  # "Guillain-Barré, Stevens-Johnson"
        if t.never and not (
            (t.first or t.last) and t.key in EPONYMS and t.key not in _NEVER_AFTER
        ):
            return []  # an eponym that is a known name may be listed with names ("Rudi, Jackson")
        if t.key in COMMON_PLACES or t.key in CITIES or t.key in HOSPITALS:
            return []
        if t.key in NATIONS and not (lower and t.first):
            return []  # "Chad" in capitals is a country, "chad" amid first names a name
        if t.key in TRIGGERS or t.key in TITLES:
            return []  # "Dr Leboeuf François, Patient n°…"
        if len(t.text) < 3 or t.key.startswith("i'"):
            return []
        if t.key in clinical_words() and not (t.first or t.last):
            return []  # a drug or a term ("Kardegic, Lasilix et Tahor"); "Wilson" may be listed
    if lower:
        # lowercase: mostly known first names, the others no ordinary word.
        known = sum(t.first and t.key not in COMMON for t in members)
        if known < 2 or any(
            not t.first and (is_ordinary(t.key) or t.key in COMMON) for t in members
        ):
            return []
    else:
        if any(
            (is_ordinary(t.key) or t.key in COMMON) and not (t.first or t.last) for t in members
        ):
            return []
        last = group[-1]
        if finder._next_adjacent(last) and toks[last + 1].capital:
            return []  # "Dr Moreau et MedicoDevices Inc": the last word starts a longer noun
        found = any(any(s <= t.start and t.end <= e for s, e, _ in spans) for t in members)
        if not found:
            verb = toks[last + 1].key if last + 1 < len(toks) else ""
            known = sum(t.first or t.last for t in members)
            if not known or (verb not in _SUBJECT_VERBS and (known < 2 or len(members) < 3)):
                return []  # "Usamov and Bowers were", "Šušulić, Bowman and White"
    return [(t.start, t.end, "PERSON") for t in members]


def _speakers(finder: _Finder, spans: list[Found]) -> list[Found]:
    """The speakers of a dialogue: lines opening with one word and a colon ("Ubul: What a
    wife.", "tracy:"i'm…"). When one speaker is a known first name or a name found already,
    the other speakers that no word list knows as a word are names too; headings ("Diagnostic:",
    "Kiné :", "TA: 14/8") are ordinary words, clinical words or are followed by a value."""
    text = finder.text
    if text.count(":") < 2 or "\n" not in text:
        return spans
    toks = finder.toks
    labels = [i for i in range(len(toks)) if _speaker_label(finder, i)]
    if len(labels) < 2:
        return spans
    covered = [(s, e) for s, e, _ in spans]

    def personal(t: _Tok) -> bool:
        if any(s <= t.start and t.end <= e for s, e in covered):
            return True
        return t.first and t.key not in COMMON and not is_ordinary(t.key)

    if not any(personal(toks[i]) for i in labels):
        return spans
    out = list(spans)
    for i in labels:
        t = toks[i]
        if any(s <= t.start < e for s, e in covered):
            continue
        if not personal(t):
            # an unknown word, a surname or a listed word: only as a capitalised word that
            # nothing lists as a word, before a sentence or a quotation ("Ubul: What a wife.",
            # not "Vanco: continuer").
            if t.shape != "C" or _QUOTED_AFTER.match(finder.text, t.end) is None:
                continue
            if is_ordinary(t.key) or t.key in clinical_words():
                continue
            if not (t.first or t.last or _Finder._unknown_capital(t)):
                continue
        out.append((t.start, t.end, "PERSON"))
    return out


_SPEECH_AFTER: Final = re.compile(r"[ \t]?:[ \t]{0,2}[\"“«']?[^\W\d_]")
_QUOTED_AFTER: Final = re.compile(r"[ \t]?:[ \t]{0,2}(?:[\"“«']|[^\W\d_a-zà-ÿ])")


def _speaker_label(finder: _Finder, i: int) -> bool:
    """Whether token i is one word alone at the start of a line, before a colon and speech."""
    toks, text = finder.toks, finder.text
    t = toks[i]
    if t.shape not in "CL" or len(t.text) < 3 or t.never or "-" in t.key:
        return False
    before = text[toks[i - 1].end if i else 0 : t.start]
    if i and "\n" not in before:
        return False
    if before.rsplit("\n", 1)[-1].strip(" \t>"):
        return False
    return _SPEECH_AFTER.match(text, t.end) is not None


def find_persons(text: str) -> list[Found]:
    """Person-name spans in ``text`` (may overlap each other)."""
    finder = _Finder(text)
    return _propagate(finder, _speakers(finder, _coordinated(finder, finder.run())))
