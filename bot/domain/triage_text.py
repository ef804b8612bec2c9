"""Text normalisation for triage: one pass from a phone-typed question to comparable stems.

Pure functions. The same normalisation is applied to the lexicon terms and to the questions, so
matching is a dictionary lookup.
"""

import re
import unicodedata
from functools import lru_cache
from typing import Final, NamedTuple

_LIGATURES: Final = str.maketrans(
    {"œ": "oe", "æ": "ae", "ø": "o", "ð": "d", "þ": "th", "ł": "l", "’": "'", "‘": "'", "ʼ": "'"}
)
_COMBINING: Final = re.compile(r"[\u0300-\u036f]")
_NON_ASCII: Final = re.compile(r"[^\x00-\x7f]")
# French elisions: "l'HTA", "d'effort", "qu'il" lose their article before tokenising.
_ELISION: Final = re.compile(r"\b(?:qu|[cdjlmnst])'")
_TOKEN: Final = re.compile(r"[a-z0-9]+")
# Inclusive endings glued to a word: "un(e)", "patient(e)s", "médecin(s)".
_INCLUSIVE: Final = re.compile(r"(?<=[a-z])\((?:e|s|es)\)")
# "8mg", "45a", "90yo", "32sa": a number glued to its unit is two tokens.
_NUMBER_UNIT: Final = re.compile(r"^(\d+)([a-z]+)$")

# Function words dropped before matching (both in the lexicon and in questions), so that
# "cancer du sein" also finds "cancer sein", and so that no function word is ever taken for a term.
_STOPWORD_TEXT: Final = """
    a au aux ce ces cet cette de des du elle elles en et il ils je la le les leur leurs
    ma mais me mes mon ni nos notre nous on ou par pas pour qu que qui quoi sa se ses si
    son sur te tes ton tu un une vos votre vous y est sont ai as avez avons ont etre ete fait
    faire peut peux faut comme aussi alors deja encore bien tres plus moins tout tous toute toutes
    dans avec sans chez entre vers car donc dont ou cela ca ceci quel quelle quels quelles
    the an of in on at to for from with without by and or but is are was were be been being it its
    this that these those he she they we you i my his her their our your me him them do does did
    have has had not no yes so if than then there here what which who whom how when where why can
    could should would will shall may might must just also very any some
"""
STOPWORDS: Final = frozenset(_STOPWORD_TEXT.split())

_MIN_STEM: Final = 4  # a stripped form must keep at least this many letters ("dose" ≠ "dos")


def fold(text: str) -> str:
    """Lowercase ``text``, strip accents, open ligatures, drop French elisions.

    Other non-Latin characters become spaces, so they never glue two words together.
    """
    folded = text.casefold()
    if not folded.isascii():
        decomposed = unicodedata.normalize("NFKD", folded.translate(_LIGATURES))
        folded = _NON_ASCII.sub(" ", _COMBINING.sub("", decomposed))
    if "(" in folded:
        folded = _INCLUSIVE.sub("", folded)  # "un(e) psychologue", "patient(e)s"
    return _ELISION.sub(_elided, folded) if "'" in folded else folded


def _elided(match: re.Match[str]) -> str:
    # "qu'" stays a (function) word: "plutôt qu'un cardio" still excludes the cardiologist
    return "qu " if match.group().startswith("qu") else " "


@lru_cache(maxsize=1 << 16)
def stem(token: str) -> str:
    """Reduce a folded token to a light stem: plural, feminine and a few French endings.

    Tokens of three letters or fewer (abbreviations: HTA, FA, AVC) are returned unchanged, and a
    stripped form always keeps at least four letters.
    """
    word = token
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("aux") and len(word) > 4:
        word = word[:-3] + "al"  # rénaux → rénal
    elif word[-1] in "sx" and len(word) - 1 >= _MIN_STEM:
        word = word[:-1]
    if word.endswith("enne") and len(word) > 6:
        word = word[:-2]  # pelvienne → pelvien, like pelvien
    elif word.endswith("elle") and len(word) > 6 and word[-5] in "iutnr":
        word = word[:-2]  # artérielle → artériel, sexuelle → sexuel (not selle → sel)
    elif word.endswith("euse") and len(word) > 5:
        word = word[:-2]  # infectieuse → infectieu(x)
    elif word.endswith("ive") and len(word) > 4:
        word = word[:-2] + "f"  # digestive → digestif
    for _ in range(2):  # dialysée → dialys, like dialysé, dialyse
        if word.endswith("e") and len(word) - 1 >= _MIN_STEM:
            word = word[:-1]
    if word.endswith("y") and len(word) > _MIN_STEM:
        word = word[:-1] + "i"  # allergy / allergie, kidneys / kidney
    return word


class Token(NamedTuple):
    """One token of a question: its folded form, its stem and where it ends in the folded text."""

    text: str
    stem: str
    end: int

    @property
    def start(self) -> int:
        """Where the token starts in the folded text."""
        return self.end - len(self.text)


def tokens(text: str) -> list[Token]:
    """Fold ``text`` and split it into tokens."""
    return split_folded(fold(text))


def split_folded(folded: str) -> list[Token]:
    """Split already folded text into tokens, splitting numbers glued to their units."""
    found: list[Token] = []
    for match in _TOKEN.finditer(folded):
        raw = match.group()
        if raw[0].isdigit() and not raw.isdigit():
            glued = _NUMBER_UNIT.match(raw)
            if glued is not None:
                number, unit = glued.groups()
                found.append(Token(number, number, match.start() + len(number)))
                found.append(Token(unit, stem(unit), match.end()))
                continue
        found.append(Token(raw, stem(raw), match.end()))
    return found


# Marks that end a clause: cue words do not reach across them.
CLAUSE_BREAK: Final = frozenset(".,;:!?()\n")

_WORD: Final = re.compile(r"[^\W_]+")


def capitalised_words(text: str) -> dict[str, list[bool]]:
    """For each folded word of ``text``, in order of appearance, whether it was written in
    capitals (two letters or more): "DE" (dysfonction érectile) is not the article "de"."""
    found: dict[str, list[bool]] = {}
    for word in _WORD.findall(text):
        found.setdefault(fold(word), []).append(len(word) > 1 and word.isupper())
    return found


# In lexicon.toml, a term written "=saignée" is accent-exact: it matches only words written with
# these accents ("saignée", "saignées"; not "saigne", nor "saignee").
ACCENT_EXACT: Final = "="


def accent_stems(text: str) -> list[tuple[str, str]]:
    """The words of ``text`` in order, each as its folded form and its light stem with the
    accents kept: "Élevées" → ("elevees", "élevé"), "élèves" → ("eleves", "élèv")."""
    kept = unicodedata.normalize("NFC", text.casefold().translate(_LIGATURES))
    return [(fold(word), stem(word)) for word in _WORD.findall(kept)]


def words_in_capitals(text: str) -> frozenset[str]:
    """The folded words of ``text`` written in capitals, single letters included ("PR", "K")."""
    return frozenset(fold(word) for word in _WORD.findall(text) if word.isupper())


def term_key(term: str) -> tuple[str, ...]:
    """The lookup key of a lexicon term: its stems, function words removed.

    A function word written in capitals is an abbreviation and is kept ("CA 125", "DE"); a term
    made only of function words keeps them, so that it still has a key.
    """
    capitals = {word for word, flags in capitalised_words(term).items() if any(flags)}
    stems = [
        token.stem
        for token in tokens(term)
        if token.text not in STOPWORDS or token.text in capitals
    ]
    if not stems:
        stems = [token.stem for token in tokens(term)]
    return tuple(stems)
