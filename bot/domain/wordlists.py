"""The word lists shipped in ``data/`` (built by ``benchmarks/build_name_lexicons.py``; sources and
licences in ``data/NOTICE.txt``), read once per process and shared by de-identification and
triage. Each holds folded words: case-folded, accents stripped."""

from functools import cache
from importlib import resources


def unligatured(text: str) -> str:
    """``text`` with the ligatures œ and æ spelt out ("sœur" -> "soeur"): Unicode keeps them
    whole when it strips accents, phones type both."""
    return text.replace("œ", "oe").replace("æ", "ae")


def _load(name: str) -> frozenset[str]:
    """One word list of ``data/``: a folded word per line (ligatures spelt out)."""
    data = resources.files("bot.domain").joinpath("data", name).read_text(encoding="utf-8")
    return frozenset(unligatured(data).split())


@cache
def first_names() -> frozenset[str]:
    """Known first names, French, US and of 105 countries."""
    return _load("first_names.txt")


@cache
def surnames() -> frozenset[str]:
    """Known surnames, French, US and of 105 countries."""
    return _load("surnames.txt")


@cache
def ordinary_words() -> frozenset[str]:
    """Common nouns, adjectives and verbs of English and French (spelling dictionaries)."""
    return _load("ordinary_words.txt")


@cache
def clinical_words() -> frozenset[str]:
    """Words of the triage lexicon that are no ordinary word: drug brands, acronyms, jargon."""
    return _load("clinical_words.txt")


def is_ordinary(key: str) -> bool:
    """Whether a folded word is an ordinary word, singular or plural ("streets", "lois")."""
    words = ordinary_words()
    return key in words or (key[-1:] in "sx" and key[:-1] in words)
