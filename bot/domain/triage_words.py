"""Word weights learned from labelled questions: the triage's second source of evidence.

The lexicon (``lexicon.toml``) holds what clinicians wrote down; this model holds what the
labelled questions of ``benchmarks/data`` taught: for each word stem, how much it points to or
away from each specialty (a multinomial logistic regression over the stems of a question, trained
by ``benchmarks/train_triage_words.py``, which writes ``triage_words.txt``). It catches the long
tail of words no one thought to list ("appendicite" after "fosse iliaque", "FLAIR", "Tanner").

Features are the distinct stems of a question's content words (``triage_text``: folded, light
stems, function words and bare numbers left out), so the model reads a question exactly as the
lexicon does. Pure: the file is read once from the package; scoring does no I/O.

File format (UTF-8, one record a line, ``#`` starts a comment line)::

    bias <slug>=<weight> ...
    <stem> <slug>=<weight> ...
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence, Set
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Final

from bot.domain.specialties import SPECIALTIES
from bot.domain.triage_text import STOPWORDS, Token

WORDS_RESOURCE: Final = "triage_words.txt"
BIAS: Final = "bias"


class WordModelError(ValueError):
    """The word-weights file is malformed."""


@dataclass(frozen=True, slots=True)
class WordModel:
    """Learned weights: per stem, ``(specialty index, weight)`` pairs; and one bias each."""

    slugs: tuple[str, ...]
    bias: tuple[float, ...]
    weights: Mapping[str, tuple[tuple[int, float], ...]]
    # each stem's strongest pull: (specialty index, weight), for stems with a positive weight
    leaning: Mapping[str, tuple[int, float]]

    def probabilities(self, stems: Iterable[str]) -> list[float]:
        """The model's probability of each specialty (in ``slugs`` order) given the stems."""
        logits = list(self.bias)
        weights = self.weights
        for word in stems:
            found = weights.get(word)
            if found:
                for index, weight in found:
                    logits[index] += weight
        top = max(logits)
        exps = [math.exp(value - top) for value in logits]
        total = sum(exps)
        return [value / total for value in exps]

    def cues(self, stems: Iterable[str], slots: Iterable[int], n: int = 3) -> list[list[str]]:
        """For each specialty index of ``slots``, the (at most ``n``) stems that lean most
        strongly to it (their heaviest weight is for it), strongest first: the evidence shown
        to humans."""
        wanted = {slot: index for index, slot in enumerate(slots)}
        found: list[list[tuple[float, str]]] = [[] for _ in wanted]
        leaning = self.leaning
        for word in stems:
            lean = leaning.get(word)
            if lean is not None and lean[0] in wanted:
                found[wanted[lean[0]]].append((-lean[1], word))
        return [[word for _, word in sorted(pairs)[:n]] for pairs in found]


def features(raw: Sequence[Token], ambiguous: Set[str] = frozenset()) -> list[str]:
    """The stems the model reads: content words, no bare numbers, none of the ``ambiguous``
    stems (those only the lexicon's rules can read: "us", "ed"), each once, in text order."""
    seen: dict[str, None] = {}
    for token in raw:
        if token.text in STOPWORDS or token.text.isdigit() or token.stem in ambiguous:
            continue
        seen.setdefault(token.stem, None)
    return list(seen)


@cache
def load_words() -> WordModel:
    """Read the packaged word weights, once."""
    package = resources.files("bot.domain")
    return parse_words(package.joinpath(WORDS_RESOURCE).read_text(encoding="utf-8"))


def parse_words(text: str) -> WordModel:
    """Parse the word-weights format; raise ``WordModelError`` when malformed."""
    slug_index = {slug: index for index, slug in enumerate(SPECIALTIES)}
    bias: list[float] | None = None
    weights: dict[str, tuple[tuple[int, float], ...]] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        word, *pairs = line.split()
        parsed = tuple(_pair(pair, slug_index, number) for pair in pairs)
        if word == BIAS:
            bias = [0.0] * len(SPECIALTIES)
            for index, weight in parsed:
                bias[index] = weight
        elif word in weights:
            raise WordModelError(f"line {number}: {word!r} is listed twice")
        else:
            weights[word] = parsed
    if bias is None:
        raise WordModelError("no 'bias' line")
    leaning = {
        word: max(pairs, key=lambda pair: pair[1])
        for word, pairs in weights.items()
        if any(weight > 0 for _, weight in pairs)
    }
    return WordModel(
        slugs=tuple(SPECIALTIES),
        bias=tuple(bias),
        weights=MappingProxyType(weights),
        leaning=MappingProxyType(leaning),
    )


def _pair(pair: str, slug_index: Mapping[str, int], number: int) -> tuple[int, float]:
    slug, sep, value = pair.partition("=")
    if not sep or slug not in slug_index:
        raise WordModelError(f"line {number}: expected <slug>=<weight>, got {pair!r}")
    try:
        weight = float(value)
    except ValueError:
        raise WordModelError(f"line {number}: {value!r} is not a number") from None
    if not math.isfinite(weight):
        raise WordModelError(f"line {number}: {value!r} is not a finite number")
    return slug_index[slug], weight


def format_words(
    bias: Sequence[float], weights: Mapping[str, Mapping[str, float]], header: str
) -> str:
    """Write a model in the file format (``weights``: stem -> slug -> weight)."""
    lines = [f"# {line}".rstrip() for line in header.splitlines()]
    lines.append(
        BIAS
        + " "
        + " ".join(f"{slug}={value:+.3f}" for slug, value in zip(SPECIALTIES, bias, strict=True))
    )
    for word in sorted(weights):
        pairs = sorted(weights[word].items(), key=lambda item: -abs(item[1]))
        lines.append(word + " " + " ".join(f"{slug}={value:+.3f}" for slug, value in pairs))
    return "\n".join(lines) + "\n"
