"""The word lists of the name rules, and the key every word is looked up by.

The phrases that announce a name, the verbs whose subject is a person, the words around a
capitalised word that make it an eponym or a place, the words that never start or continue a
name. Words compared with a token's key are folded (see :func:`norm`); the long lexicons
(clinical words, eponyms, drugs, places) are in :mod:`bot.domain.deid_lexicon`, first names,
surnames and ordinary words in :mod:`bot.domain.wordlists`.
"""

import unicodedata
from functools import lru_cache
from typing import Final

from bot.domain.deid_lexicon import (
    CLINICAL,
    COMMON_PLACES,
    DRUGS,
    EPONYM_COMPOUNDS,
    EPONYMS,
    MAKERS,
    STOP,
    TRIGGERS,
)
from bot.domain.deid_text import word_list
from bot.domain.wordlists import is_ordinary, unligatured

PARTICLES: Final = frozenset(
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
# The relatives of French messages: they announce a name, also a lowercase one ("sa fille
# lemaire"), and a name may follow "de" after them ("la fille de Mme X").
_RELATIVES_FR: Final = frozenset(
    ["epouse", "epoux", "mari", "femme", "fille", "fils", "frere", "soeur", "pere", "mere"]
)
# Announcing words after which a lowercase known name is taken as a name.
STRONG_TRIGGERS: Final = (
    frozenset(
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
            "chez",
            "infirmiers",
            "infirmieres",
        ]
    )
    | _RELATIVES_FR
)
TWO_WORD_TRIGGERS: Final = frozenset(
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
NAMING_TWO: Final = frozenset(
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
NAMING_ONE: Final = frozenset(["i'm", "m'appelle", "s'appelle"])
# Phrases of a call: after them an ordinary lowercase word is an adverb ("call me back", "call
# me later"), never a name.
CALL_WORDS: Final = frozenset(["call", "calls", "called"])
NAME_WORDS: Final = frozenset(["name", "nom", "prenom", "prenoms", "surname", "firstname"])
# Every word an announcing phrase can start with (a cheap test before _trigger_end).
TRIGGER_STARTS: Final = TRIGGERS | frozenset(a for a, _ in TWO_WORD_TRIGGERS)
UPPER_TITLES: Final = frozenset({"Mr", "MR", "Mrs", "MRS", "Ms", "MS", "M"})
NEVER: Final = STOP | EPONYMS | DRUGS | CLINICAL | MAKERS
# What can never continue a name, nor follow a title (eponyms and makers may: "Dr Murphy", "Paul
# Lambert", "Dr Abbott").
NEVER_AFTER: Final = STOP | DRUGS | CLINICAL | COMMON_PLACES
KIN: Final = _RELATIVES_FR | frozenset(
    [
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
PERSON_VERBS: Final = frozenset(
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
SUBJECT_VERBS: Final = PERSON_VERBS | frozenset(
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
GREETINGS: Final = frozenset(
    ["hi", "hello", "hey", "dear", "bonjour", "bonsoir", "salut", "coucou", "thanks", "merci"]
)
SPEECH: Final = frozenset(["says", "said"])
AND: Final = frozenset(["and", "et", "or", "ou"])
# Letters that are words ("julie a mal", "il y va"), not initials, in lowercase text.
WORD_LETTERS: Final = frozenset("aeiouyà")
ARTICLES: Final = frozenset(["le", "la", "les", "l'", "the", "a", "an", "un", "une"])
BIRTH: Final = frozenset(["nee", "ne", "born"])
OF: Final = frozenset(["de", "d'", "du", "des", "of"])
# Prepositions of place: a lone surname after them is a hospital or a town ("à Necker").
PLACE_BEFORE: Final = frozenset(
    ["a", "au", "aux", "en", "vers", "dans", "at", "in", "to", "from", "near", "into"]
)
COMPOUND_STARTS: Final = frozenset(c[0] for c in EPONYM_COMPOUNDS)
COMPOUND_MAX: Final = max(len(c) for c in EPONYM_COMPOUNDS)
# Verbs after which a lowercase first name opening a sentence is its subject ("nadia a vomi").
LOWER_SUBJECT_VERBS: Final = frozenset(["a", "avait", "est", "etait", "has", "had", "is", "was"])
# Words before a capitalised word that make it no person: an article ("the Morvan"), a saint
# ("St John's wort"), a treatment ("sous Leeloo"), a preposition of place or of a state ("in
# Brittany", "part en Erasmus").
NOT_PERSON_BEFORE: Final = frozenset(
    [
        "the",
        "sous",
        "st",
        "ste",
        "saint",
        "sainte",
        "san",
        "santa",
        "in",
        "dans",
        "en",
        "from",
        "near",
    ]
)
# Words before or after a name that make it an eponym: "test de Lang", "Thompson positif".
EPONYM_BEFORE: Final = frozenset(
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
        "angine",
        "angina",
        "reflex",
        "reflexes",
        "phenomene",
        "phenomenon",
        "loi",
        "law",
        "triad",
        "regle",
        "regles",
        "rule",
        "rules",
        "index",
        "indice",
        "formule",
        "formula",
        "signes",
        "signs",
        "fracture",
        "hernie",
        "kyste",
        "nodosites",
        "grade",
        "type",
    ]
)
# After the eponym: its result, also an uncertain one ("Thompson douteux"), or the reflex it
# names and how it is ("Moro asymmetric").
EPONYM_AFTER: Final = frozenset(
    [
        "positif",
        "positive",
        "negatif",
        "negative",
        "signe",
        "positifs",
        "negatifs",
        "reflexe",
        "reflexes",
        "asymetrique",
        "asymmetric",
        "asymmetrical",
        "symetrique",
        "symmetric",
        "aboli",
        "abolie",
        "abolished",
        "incomplet",
        "incomplete",
        "douteux",
        "douteuse",
        "equivoque",
        "equivocal",
        "doubtful",
    ]
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
NOUN_TITLES: Final = frozenset(
    ["doctor", "lady", "sir", "miss", "mister", "professor", "prof", "dame", "lord"]
)
ADJ_ENDINGS: Final = ("ant", "ent", "e", "es", "ee", "ees", "ique", "eux", "euse", "if", "ive")
# Titles written as whole words, no abbreviation: a full stop after one ends a sentence ("in an
# 87yo nursing home lady. Loading dose?"); it is no abbreviation's dot ("Dr.", "M.").
WORD_TITLES: Final = frozenset(
    word_list(
        "madame monsieur mademoiselle messieurs docteur doctor professeur professor mister miss "
        "sir dame lady lord"
    )
)
# French past participles of the verbs not in "-er" (those are read from their infinitive), in
# the masculine singular: after an announcing word they say what befell the patient ("chez une
# pat admise pour", "pat venu pour une entorse"), no lowercase name.
PARTICIPLES: Final = frozenset(
    word_list(
        """
        admis venu revenu devenu survenu tenu vu revu connu suivi parti sorti ressorti recu pris
        repris mis remis transmis assis mort ouvert atteint inclus exclu perdu rendu battu mordu
        """
    )
)


def norm(word: str) -> str:
    """Case-fold, unify apostrophes, spell out the ligatures and strip accents: the key of every
    lexicon ("sœur" is "soeur", as the word lists hold it)."""
    folded = word.casefold().replace("’", "'")
    if folded.isascii():
        return folded
    folded = unligatured(folded)
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1 << 14)
def ordinary_or_feminine(key: str) -> bool:
    """Whether a folded word is an ordinary word, also in a feminine form the dictionary lists
    only as masculine ("inquiete", "agee", "nerveuse", "active")."""
    if is_ordinary(key):
        return True
    return any(
        key.endswith(fem) and len(key) > len(fem) + 2 and is_ordinary(key[: -len(fem)] + masc)
        for fem, masc in _FEMININE
    )
