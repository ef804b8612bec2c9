"""Train the triage's word weights (``bot/domain/triage_words.txt``) on the labelled questions.

Run: .venv/bin/python benchmarks/train_triage_words.py [--loso] [--data P ...] [--out PATH]

A multinomial logistic regression over the distinct content-word stems of each question (read
exactly as the classifier reads them: ``bot.domain.triage_words.features``), trained on each
question's primary specialty with L2 regularisation by AdaGrad, in pure Python and with a fixed
seed (the same files give the same weights). Each stem's weights are centred on their median
(no change to the probabilities), and those below ``PRUNE`` in absolute value dropped: leaving
one set out on sets 9-14, pruning at 0.5 instead of 0.2 moved no figure by more than two
questions and halved the weights read per question (about 60 instead of 110), which is speed.

``--loso`` (leave one set out) trains once per labelled set on all the others and scores the
classifier (lexicon + those word weights) on the set left out, next to the lexicon alone: the
figure to trust is on sets the lexicon was not tuned on either.

The sets written for first-sight measurement are not in ``TRAINING`` until measured once.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import statistics
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.domain.specialties import SPECIALTIES  # noqa: E402
from bot.domain.triage import classify_with, load_lexicon  # noqa: E402
from bot.domain.triage_text import tokens  # noqa: E402
from bot.domain.triage_words import (  # noqa: E402
    WORDS_RESOURCE,
    WordModel,
    features,
    format_words,
    parse_words,
)

DATA = ROOT / "benchmarks" / "data"
TRAINING = (
    "triage_dev.jsonl",
    "triage_holdout.jsonl",
    "triage_holdout2.jsonl",
    "triage_holdout3.jsonl",
    "triage_holdout5.jsonl",
    "triage_final4.jsonl",
    "triage_final6.jsonl",
    "triage_final7.jsonl",
    "triage_final8.jsonl",
    "triage_final9.jsonl",
    "triage_final10.jsonl",
    "triage_final11.jsonl",
    "triage_final12.jsonl",
    "triage_final13.jsonl",
    "triage_final14.jsonl",
    "triage_final15.jsonl",
    "triage_final16.jsonl",
    "triage_final17.jsonl",
    "triage_final18.jsonl",
    "triage_final19.jsonl",
    "triage_final20.jsonl",
    "triage_final21.jsonl",
    "triage_final22.jsonl",
    "triage_final23.jsonl",
    "triage_final24.jsonl",
    "triage_final25.jsonl",
    "triage_final26.jsonl",
    "triage_final27.jsonl",
    "triage_final28.jsonl",
    "triage_final29.jsonl",
    "triage_final30.jsonl",
    "triage_final31.jsonl",
    "triage_final32.jsonl",
    "triage_final33.jsonl",
    "triage_final34.jsonl",
    "triage_final35.jsonl",
    "triage_final36.jsonl",
    "triage_final37.jsonl",
    "triage_final38.jsonl",
    "triage_final39.jsonl",
    "triage_final40.jsonl",
    "triage_final41.jsonl",
    "triage_final42.jsonl",
    "triage_final43.jsonl",
    "triage_final44.jsonl",
    "triage_final45.jsonl",
    "triage_final46.jsonl",
    "triage_final47.jsonl",
    "triage_final48.jsonl",
    "triage_final49.jsonl",
    # not here yet: 50-54, the blind test sets of the shipped weights (measured once with them)
)
OUT = ROOT / "bot" / "domain" / WORDS_RESOURCE
EPOCHS = 30
RATE = 1.0
L2 = 1e-4  # per example and epoch (about C = 3 for 3,600 questions in scikit-learn's terms)
PRUNE = 0.5
SEED = 20261129
START = 1.0  # AdaGrad's initial accumulator: small gradients make small steps

Example = tuple[list[str], int]


def load(path: Path) -> list[tuple[str, str]]:
    """(text, primary) of each labelled question of a JSON-lines file."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            rows.append((row["text"], row["primary"]))
    return rows


def examples(rows: Sequence[tuple[str, str]]) -> list[Example]:
    index = {slug: position for position, slug in enumerate(SPECIALTIES)}
    ambiguous = load_lexicon().ambiguous
    return [(features(tokens(text), ambiguous), index[primary]) for text, primary in rows]


def train(data: Sequence[Example]) -> tuple[list[float], dict[str, list[float]]]:
    """AdaGrad on the softmax loss with L2; returns the biases and each stem's weights."""
    size = len(SPECIALTIES)
    bias = [0.0] * size
    bias_g = [START] * size
    weights: dict[str, list[float]] = {}
    squares: dict[str, list[float]] = {}
    order = list(range(len(data)))
    rng = random.Random(SEED)
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for position in order:
            stems, gold = data[position]
            rows = [weights.setdefault(word, [0.0] * size) for word in stems]
            grads = [squares.setdefault(word, [START] * size) for word in stems]
            logits = list(bias)
            for row in rows:
                for slot in range(size):
                    logits[slot] += row[slot]
            top = max(logits)
            exps = [math.exp(value - top) for value in logits]
            total = sum(exps)
            for slot in range(size):
                error = exps[slot] / total - (1.0 if slot == gold else 0.0)
                bias_g[slot] += error * error
                bias[slot] -= RATE * error / math.sqrt(bias_g[slot])
                for row, square in zip(rows, grads, strict=True):
                    step = error + L2 * row[slot]
                    square[slot] += step * step
                    row[slot] -= RATE * step / math.sqrt(square[slot])
    return bias, weights


def pruned(weights: dict[str, list[float]]) -> dict[str, dict[str, float]]:
    """Each stem's weights less their median (a stem may add the same amount to every
    specialty's score at no cost: the probabilities do not change), then without those below
    ``PRUNE``."""
    kept: dict[str, dict[str, float]] = {}
    for word, row in weights.items():
        middle = statistics.median(row)
        pairs = {
            slug: round(value - middle, 3)
            for slug, value in zip(SPECIALTIES, row, strict=True)
            if abs(value - middle) >= PRUNE
        }
        if pairs:
            kept[word] = pairs
    return kept


def build(rows: Sequence[tuple[str, str]], header: str) -> str:
    bias, weights = train(examples(rows))
    return format_words(bias, pruned(weights), header)


def score(model: WordModel | None, rows: Sequence[tuple[str, str]]) -> tuple[float, ...]:
    lexicon = load_lexicon()
    primary = top3 = unsure = 0
    for text, gold in rows:
        result = classify_with(lexicon, text, words=model)
        primary += result.specialty == gold
        top3 += gold in result.top(3)
        unsure += result.unsure
    count = len(rows)
    return primary / count, top3 / count, unsure / count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", nargs="+", type=Path, help="labelled sets (default: TRAINING)")
    parser.add_argument("--out", type=Path, default=OUT, help=f"output file (default: {OUT})")
    parser.add_argument("--loso", action="store_true", help="leave-one-set-out figures only")
    args = parser.parse_args(argv)
    paths = args.data or [DATA / name for name in TRAINING]
    sets = {path.name: load(path) for path in paths}
    if args.loso:
        print("set left out            n   lexicon alone (top-1, top-3, unsure)   with words")
        for name, rows in sets.items():
            others = [row for other, kept in sets.items() if other != name for row in kept]
            model = parse_words(build(others, "loso"))
            alone, both = score(None, rows), score(model, rows)
            print(
                f"{name:22s} {len(rows):4d}   "
                + " ".join(f"{value:.3f}" for value in alone)
                + "                    "
                + " ".join(f"{value:.3f}" for value in both)
            )
        return 0
    rows = [row for kept in sets.values() for row in kept]
    header = (
        "Learned word weights of the specialty triage. Generated by "
        "benchmarks/train_triage_words.py:\ndo not edit by hand (add labelled questions and "
        "retrain; the lexicon is the file to edit).\n"
        f"Trained on {len(rows)} questions: {', '.join(sets)}.\n"
        f"AdaGrad, {EPOCHS} epochs, rate {RATE}, L2 {L2}, seed {SEED}; |weight| < {PRUNE} dropped."
    )
    text = build(rows, header)
    args.out.write_text(text, encoding="utf-8")
    model = parse_words(text)
    print(f"wrote {args.out}: {len(model.weights)} stems, {len(text) // 1024} KiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
