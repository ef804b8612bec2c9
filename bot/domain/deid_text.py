"""What the structured-identifier finders share: their types, a few character tests and
patterns, and a fast search for whole words.

Every finder takes the text (and often its set of lower-case words, so that it can skip its
regexes when none of the words it needs is there) and returns ``(start, end, label)`` triples.
"""

import re
from collections.abc import Iterable
from typing import Final

# One finding: ``text[start:end]`` and its label ("DATE", "PHONE", "ADDRESS"…).
Found = tuple[int, int, str]
# The lower-case words of a text (runs of letters).
Words = frozenset[str] | set[str]
# Where some words are in a text: ``(start, end)`` pairs.
Spans = list[tuple[int, int]]

LETTERS: Final = re.compile(r"[^\W\d_]+")
HAS_DIGIT: Final = re.compile(r"\d")
DIGIT_GROUPS: Final = re.compile(r"\d+")
# A unit right after a number makes it a dose; the unit is a whole word ("12 g", not "12 GOMAU").
DOSE_AFTER: Final = re.compile(
    r"^\s?(?:(?:mg|g|µg|mcg|ml|ui|u|cp|mmol|µmol)(?![^\W\d_])|%|/)", re.I
)


def word_list(words: str) -> list[str]:
    """The words of ``words``, split on white space: a long word list reads better as one
    string than as a list of quoted words."""
    return words.split()


def is_word_char(c: str) -> bool:
    """Whether ``c`` is a character of a regex word (``\\w``): a letter, a digit or "_"."""
    return c.isalnum() or c == "_"


def word_positions(text: str, lower: str, wanted: Iterable[str]) -> Spans:
    """Sorted spans of the whole words of ``text`` (``lower`` is its lower case) in ``wanted``.

    A whole word has no letter right before or after it. ``str.find`` in C is much faster than
    a regex alternation scanned at every position.
    """
    if len(lower) != len(text):  # a few letters change length in lower case: be exact
        wanted_set = set(wanted)
        return [m.span() for m in LETTERS.finditer(text) if m.group().lower() in wanted_set]
    out: Spans = []
    n = len(lower)
    for w in wanted:
        size = len(w)
        i = lower.find(w)
        while i >= 0:
            j = i + size
            if (i == 0 or not lower[i - 1].isalpha()) and (j >= n or not lower[j].isalpha()):
                out.append((i, j))
            i = lower.find(w, j)
    out.sort()
    return out
