"""Is a specialty's name in a question a request, a passing mention, or the asker's own?

"avis néphro", "question pour un dermato", "any cardiologist?", "néphro ou uro ?" request the
specialty; "suivi par son cardiologue", "according to the gastro", "Sage-femme : …" (the asker
introducing themselves) mention it; "je suis psychiatre" counts nothing. A request is read
as a mention when it is refused, negated or excluded before the name ("il refuse de voir un
psy", "pas besoin de cardio ?", "plutôt que cardio") or when the words after it say the
specialist was already asked or is out of reach ("le rhumato ne répond pas", "cardio a dit
RAS"). Cue words do not reach across a comma or another clause break.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from bot.domain.triage_lexicon import Cues, Entry, Key, Lexicon
from bot.domain.triage_text import CLAUSE_BREAK, Token

# How many words before the name are read for a cue, a negation, and after it for a negation.
_CUE_WINDOW: Final = 3
_NEGATION_WINDOW: Final = 6
_AFTER_WINDOW: Final = 4
# Articles are looked through when reading the words before a specialty name; on their own,
# "le cardio" is a passing mention and "un cardio" a request.
_PASSING_ARTICLES: Final = frozenset({"le", "la", "l", "the"})
_REQUEST_ARTICLES: Final = frozenset({"un", "une", "des", "les", "a", "an", "du"})
# Words looked through before a specialty name: "avis de gériatre".
_LOOKED_THROUGH: Final = frozenset({"de", "d"})
# A heading introducing the asker ("Interne en ortho : …") has at most this many words.
_INTRODUCTION_WORDS: Final = 5
_ALTERNATIVES: Final = frozenset({"ou", "or", "vs", "versus"})


def name_weight(
    lexicon: Lexicon, folded: str, raw: Sequence[Token], first: int, last: int
) -> float:
    """How much a specialty name at ``raw[first..last]`` counts: request, passing, or self."""
    weight = _weight_by_cues(lexicon, folded, raw, first, last)
    if weight >= lexicon.request_weight and (
        _negated(lexicon.cues, folded, raw, first) or _negated_after(lexicon.cues, raw, last)
    ):
        return lexicon.name_weight  # "il refuse de voir un psy", "plutôt que cardio ?"
    return weight


def name_label(lexicon: Lexicon, entry: Entry, weight: float) -> str:
    """The evidence label of a specialty name counted with ``weight``."""
    return f"{entry.label} (request)" if weight >= lexicon.request_weight else entry.label


def _weight_by_cues(
    lexicon: Lexicon, folded: str, raw: Sequence[Token], first: int, last: int
) -> float:
    cues = lexicon.cues
    article = ""
    for index in range(first - 1, max(first - 1 - _CUE_WINDOW, -1), -1):
        between = folded[raw[index].end : raw[index + 1].start]
        if not CLAUSE_BREAK.isdisjoint(between):
            break  # "avis interniste svp, le rhumato …": the "svp" asks for the internist
        word = raw[index].text
        if word in _LOOKED_THROUGH:
            continue  # "avis de gériatre"
        if word in _PASSING_ARTICLES or word in _REQUEST_ARTICLES:
            article = article or word
            continue
        if word in cues.self_before:
            return 0.0
        if word in cues.passing_before:
            return lexicon.name_weight
        if word in cues.request_before:
            quoted = index > 0 and raw[index - 1].text in cues.passing_before
            if article in _PASSING_ARTICLES and quoted:
                return lexicon.name_weight  # "according to the gastro"
            return lexicon.request_weight
        break
    after = [token.text for token in raw[last + 1 : last + 3]]
    mark = _mark_after(folded, raw[last].end)
    if mark == ":" and _introduces_the_asker(folded, raw, first):
        return lexicon.name_weight  # "Sage-femme : maman de 31 ans…", "Interne en ortho : …"
    if _here_introduces_the_asker(folded, raw, first, last):
        return 0.0  # "Dermatologist here. Pt with…", "gériatre ici, …": who asks
    if (
        any(word in cues.request_after for word in after)
        or mark in {"?", ":"}
        or _asked_with_another(lexicon, folded, raw, last)
    ):
        return lexicon.request_weight if article not in _PASSING_ARTICLES else lexicon.name_weight
    if article in _REQUEST_ARTICLES:
        return lexicon.request_weight
    return lexicon.name_weight


def _mark_after(folded: str, end: int) -> str:
    """The first character from ``folded[end]`` on, skipping at most two spaces ("" if none)."""
    return folded[end : end + 3].lstrip(" ")[:1]


def _negated(cues: Cues, folded: str, raw: Sequence[Token], first: int) -> bool:
    """A negation or "déjà" before the name, in the same clause, reached only through words of
    seeing or needing ("refuse de voir un", "pas besoin de", "no need for a")."""
    for index in range(first - 1, max(first - 1 - _NEGATION_WINDOW, -1), -1):
        between = folded[raw[index].end : raw[index + 1].start]
        if not CLAUSE_BREAK.isdisjoint(between):
            return False
        word = raw[index].text
        if word in cues.negated_before or _ends_phrase(cues.negated_phrases, raw, index):
            return True
        if word not in cues.negation_bridge:
            return False
    return False


def _ends_phrase(phrases: frozenset[Key], raw: Sequence[Token], index: int) -> bool:
    """Whether one of ``phrases`` ends at ``raw[index]`` ("plutot que", "rather than")."""
    return any(
        len(phrase) <= index + 1
        and all(raw[index - offset].text == word for offset, word in enumerate(reversed(phrase)))
        for phrase in phrases
    )


def _negated_after(cues: Cues, raw: Sequence[Token], last: int) -> bool:
    """The name is followed by words saying its specialist was already asked or cannot be
    reached ("le rhumato ne répond pas", "cardio said it was fine", "derm isn't answering")."""
    for token in raw[last + 1 : last + 1 + _AFTER_WINDOW]:
        if token.text in cues.negated_after:
            return True
        if token.text not in cues.after_bridge:
            return False
    return False


def _introduces_the_asker(folded: str, raw: Sequence[Token], first: int) -> bool:
    """Whether the name at ``raw[first]`` is in a short heading that opens the question, before
    a colon, with nothing before it but a few words: "Sage-femme : …", "Interne en ortho : …",
    "PMI : une maman demande…" say who asks, not whom they ask ("@hémato :" does)."""
    before = folded[: raw[first].start]
    return first < _INTRODUCTION_WORDS and CLAUSE_BREAK.isdisjoint(before) and "@" not in before


_HERE: Final = frozenset({"here", "ici"})


def _here_introduces_the_asker(folded: str, raw: Sequence[Token], first: int, last: int) -> bool:
    """Whether the name opens the question as "<specialist> here" / "<spécialiste> ici" followed
    by a full stop, a comma, a colon or a dash: the asker presenting themselves ("Dermatologist
    here. Pt with…"), not a call ("dermato here?", "any cardiologist here?")."""
    if last + 1 >= len(raw) or raw[last + 1].text not in _HERE:
        return False
    if not _introduces_the_asker(folded, raw, first):
        return False
    return _mark_after(folded, raw[last + 1].end) in {".", ",", ":", "-", ";", "!"}


def _asked_with_another(lexicon: Lexicon, folded: str, raw: Sequence[Token], last: int) -> bool:
    """Whether the name is the first of two offered as alternatives and the question ends right
    after the second: "Néphro ou uro ?" asks for both."""
    if last + 2 >= len(raw) or raw[last + 1].text not in _ALTERNATIVES:
        return False
    size, entries = lexicon.terms.longest_at([token.stem for token in raw], last + 2)
    if not size or not any(entry.is_name for entry in entries):
        return False
    return _mark_after(folded, raw[last + 1 + size].end) == "?"
