"""Finding the lexicon terms of a question, and the runs of terms that are only background.

``find_terms`` reads the tokens left to right and takes the longest lexicon term at each place,
allowing one typo in a long word; ``after_number_terms`` finds the terms that count only right
after a number ("32 SA"). ``reported_normal`` and ``in_history`` then pick out, among the terms
found, tests reported as normal and the list after a history cue ("ATCD"): they keep only a
share of their weight.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, NamedTuple

from bot.domain.triage_lexicon import Cues, Entry, History, Key, Lexicon, NormalResults
from bot.domain.triage_text import (
    CLAUSE_BREAK,
    STOPWORDS,
    Token,
    accent_stems,
    capitalised_words,
    words_in_capitals,
)


class Match(NamedTuple):
    """A lexicon term found in the question (no entries: a cue for a rule)."""

    first: int  # raw token indices of the term
    last: int
    key: Key
    entries: tuple[Entry, ...]
    factor: float  # below 1 when read through a typo


def find_terms(lexicon: Lexicon, text: str, raw: Sequence[Token]) -> list[Match]:
    """The lexicon terms of the question, in order, the longest first at each place."""
    content = _content(lexicon, text, raw)
    stems = [raw[index].stem for index in content]
    capitals: frozenset[str] | None = None
    accents: list[str | None] | None = None
    found: list[Match] = []
    position = 0
    while position < len(stems):
        size, entries, cue = lexicon.terms.longest_with_cue_at(stems, position)
        if cue:
            last = content[position + cue - 1]
            cue_key = tuple(stems[position : position + cue])
            found.append(Match(content[position], last, cue_key, (), 1.0))
        key = tuple(stems[position : position + size])
        factor = 1.0
        if not size:
            word = raw[content[position]].text
            corrected = None if lexicon.is_ordinary(word) else lexicon.typo_of(stems[position])
            if corrected is None:
                position += 1
                continue
            size, key, factor = 1, (corrected,), lexicon.typo_factor
            # a word read through a typo has not the accents an accent-exact term asks for
            entries = tuple(entry for entry in lexicon.terms.phrases[key] if not entry.accents)
            if not entries:
                position += 1
                continue
        elif key in lexicon.accented:
            if accents is None:
                accents = _accented(text, raw)
            words = [accents[content[place]] for place in range(position, position + size)]
            entries = tuple(entry for entry in entries if entry.fits(words))
            if not entries:  # "saigne" is not the accent-exact "saignée"
                position += 1
                continue
        if size == 1 and _unit_of_number(raw, content[position]):
            position += 1  # "20k€", "5g": a unit glued to a number, not "K+" or a term
            continue
        if key in lexicon.capitals_only:
            if capitals is None:
                capitals = words_in_capitals(text)
            if key[0] not in capitals:  # "pr" (pour) in lower case is not "PR"
                position += 1
                continue
        found.append(Match(content[position], content[position + size - 1], key, entries, factor))
        position += size
    return found


def _content(lexicon: Lexicon, text: str, raw: Sequence[Token]) -> list[int]:
    """Indices of the tokens to match: function words are set aside, unless one is written in
    capitals in a text that is not all capitals ("DE chez un diabétique") or starts a longer
    term ("ca 125"), and the lexicon has a term starting with it."""
    lengths = lexicon.terms.lengths
    content: list[int] = []
    capitals: dict[str, list[bool]] | None = None
    seen: dict[str, int] = {}
    for index, token in enumerate(raw):
        word = token.text
        if word not in STOPWORDS:
            content.append(index)
            continue
        occurrence = seen[word] = seen.get(word, -1) + 1
        if word not in lengths:
            continue
        if any(
            size > 1 and tuple(t.stem for t in raw[index : index + size]) in lexicon.terms.phrases
            for size in lengths[word]
        ):
            content.append(index)
            continue
        if word.upper() not in text:  # cheap: no capitals of it anywhere
            continue
        if capitals is None:
            shouting = not any(letter.islower() for letter in text)
            capitals = {} if shouting else capitalised_words(text)
        flags = capitals.get(word, ())
        if occurrence < len(flags) and flags[occurrence]:
            content.append(index)
    return content


def _accented(text: str, raw: Sequence[Token]) -> list[str | None]:
    """For each token, the light stem of its word with the accents kept ("élevées" → "élevé"),
    or None when the token is not a whole word of the text ("32" of "32SA")."""
    by_word: dict[str, list[str]] = {}
    for folded, kept in accent_stems(text):
        by_word.setdefault(folded, []).append(kept)
    seen: dict[str, int] = {}
    found: list[str | None] = []
    for token in raw:
        occurrence = seen[token.text] = seen.get(token.text, -1) + 1
        forms = by_word.get(token.text, ())
        found.append(forms[occurrence] if occurrence < len(forms) else None)
    return found


def _unit_of_number(raw: Sequence[Token], index: int) -> bool:
    """Whether ``raw[index]`` is a single letter glued to the number before it ("20k")."""
    token = raw[index]
    if len(token.text) != 1 or not index:
        return False
    before = raw[index - 1]
    return before.text.isdigit() and before.end == token.start


def after_number_terms(
    lexicon: Lexicon, raw: Sequence[Token]
) -> list[tuple[Key, Entry, str, int]]:
    """The terms that count only right after a number ("40 PA", "32 SA"): their key, entry,
    label and first token's index, in order."""
    found: list[tuple[Key, Entry, str, int]] = []
    stems = [token.stem for token in raw]
    for index, token in enumerate(raw[:-1]):
        if not token.text.isdigit():
            continue
        size, entries = lexicon.after_number.longest_at(stems, index + 1)
        if size:
            key = tuple(stems[index + 1 : index + 1 + size])
            found.extend(
                (key, entry, f"{token.text} {entry.label}", index + 1) for entry in entries
            )
    return found


def reported_normal(
    rule: NormalResults, raw: Sequence[Token], matches: Sequence[Match]
) -> set[int]:
    """Indices of the test terms reported as normal: a run of tests (numbers, fillers between)
    that ends with, or follows, a "normal" word ("NFS, TSH, CRP tout normal", "normal LFTs").
    A number stops the run: a test given with its value is not reported as normal."""
    if not rule.words or not any(token.text in rule.words for token in raw):
        return set()
    test_at: dict[int, int] = {}
    for index, match in enumerate(matches):
        if match.key in rule.tests:
            for position in range(match.first, match.last + 1):
                test_at[position] = index
    normal: set[int] = set()
    for position, token in enumerate(raw):
        if token.text not in rule.words:
            continue
        for step in (-1, 1):
            cursor = position + step
            while 0 <= cursor < len(raw):
                word = raw[cursor].text
                if cursor in test_at:
                    normal.add(test_at[cursor])
                elif not (
                    (word in STOPWORDS and step < 0)  # "normal, and CRP 120": not reported normal
                    or word in rule.fillers
                    or word in rule.words
                ):  # a number is a value: "CRP 90, bilan infectieux négatif" is not CRP normal
                    break
                cursor += step
    if normal:  # the terms inside a normal test: "TDM" in "TDM TAP normal"
        spans = [(matches[index].first, matches[index].last) for index in normal]
        normal.update(
            index
            for index, match in enumerate(matches)
            if any(first <= match.first and match.last <= last for first, last in spans)
        )
    return normal


# How many words before a term are read for a negation ("pas de notion de perte de poids").
_NEGATION_WINDOW: Final = 5
_LIST_JOINS: Final = frozenset({"ou", "or", "ni", "nor"})


def negated_terms(
    cues: Cues, folded: str, raw: Sequence[Token], matches: Sequence[Match]
) -> set[int]:
    """Indices of the terms negated in the question: a negation (``term_negations``: "pas",
    "sans", "no", "ni"…) before the term in its clause, reached through function words and
    ``negation_bridge`` words only ("pas de perte de poids", "no fever"), or a term joined by
    "ou", "or", "ni", "nor" to a negated one ("no fever or weight loss")."""
    negated: set[int] = set()
    for index, match in enumerate(matches):
        cursor = match.first - 1
        while cursor >= 0 and match.first - cursor <= _NEGATION_WINDOW:
            between = folded[raw[cursor].end : raw[cursor + 1].start]
            if not CLAUSE_BREAK.isdisjoint(between):
                break
            word = raw[cursor].text
            if word in cues.term_negations:
                negated.add(index)
                break
            if index - 1 in negated and cursor == matches[index - 1].last:
                joined = {token.text for token in raw[cursor + 1 : match.first]}
                if joined and joined <= _LIST_JOINS | STOPWORDS and joined & _LIST_JOINS:
                    negated.add(index)
                break
            if word not in STOPWORDS and word not in cues.negation_bridge:
                break
            cursor -= 1
    return negated


def in_history(
    rule: History, folded: str, raw: Sequence[Token], matches: Sequence[Match]
) -> set[int]:
    """Indices of the terms listed right after a history cue ("ATCD d'IDM et de FA", "PMH:
    AF"): a run of terms with function words and fillers between; the first other word, or a
    punctuation mark (after the first term: "ATCD d'IDM, coloscopie ?"), ends it."""
    if not rule.cues or not any(token.text in rule.cues for token in raw):
        return set()
    starting = {match.first: index for index, match in enumerate(matches)}
    found: set[int] = set()
    for position, token in enumerate(raw):
        if token.text not in rule.cues:
            continue
        cursor = position + 1
        listed = False
        while cursor < len(raw):
            between = folded[raw[cursor - 1].end : raw[cursor].start]
            if listed and not CLAUSE_BREAK.isdisjoint(between):
                break
            if cursor in starting:
                index = starting[cursor]
                found.add(index)
                listed = True
                cursor = matches[index].last + 1
                continue
            word = raw[cursor].text
            if not (word in STOPWORDS or word in rule.fillers or word in rule.cues):
                break
            cursor += 1
    return found
