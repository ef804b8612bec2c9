"""Measure the specialty triage on the labelled development set.

Run: .venv/bin/python benchmarks/triage_bench.py [--data PATH ...] [--errors] [--curve] [--asker]

Prints top-1 accuracy (primary only, and primary or accepted), top-3, the unsure rate, the
accuracy when sure, a confusion summary, and questions per second on one core (single process).
``--curve`` also prints the unsure-rule trade-off: for each "close" share and "lead" margin, the
unsure rate and the accuracy when sure (the rule in the lexicon is marked with *), with and
without the natural-partner exemption (a close runner-up that either specialist could answer).
``--asker`` reads each question's "asker" (its writer's own specialty, in the sets that have one)
as the bot reads a specialist's declared specialties (``for_asker``); a GP asker counts as a
clinician without specialties, as most GPs who ask are.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from costs import load_cost  # noqa: E402

from bot.domain.specialties import SPECIALTIES  # noqa: E402
from bot.domain.triage import (  # noqa: E402
    Lexicon,
    Triage,
    classify_with,
    for_asker,
    load_lexicon,
    load_words,
    natural_partners,
)
from bot.domain.triage_words import WordModel  # noqa: E402

DEFAULT_DATA = ROOT / "benchmarks" / "data" / "triage_dev.jsonl"
TARGETS = {
    "top1_accepted": 0.95,
    "top1_primary": 0.85,
    "top3": 0.98,
    "unsure_max": 0.10,
    "qps": 5000.0,
}


@dataclass(frozen=True)
class Case:
    id: str
    lang: str
    text: str
    primary: str
    accepted: tuple[str, ...]
    asker: str | None = None  # the writer's own specialty, where the set says it


def load_cases(path: Path) -> list[Case]:
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            cases.append(
                Case(
                    row["id"],
                    row["lang"],
                    row["text"],
                    row["primary"],
                    tuple(row["accepted"]),
                    row.get("asker"),
                )
            )
    return cases


def _own(case: Case) -> list[str]:
    """The asker's own specialties as the bot would know them (a GP asker: none)."""
    return [case.asker] if case.asker and case.asker != "general_practice" else []


def print_agreement(results: list[tuple[Case, Triage]], path: Path) -> None:
    """Agreement between the writer's labels, a second annotator's and the classifier's."""
    second: dict[str, tuple[str, tuple[str, ...]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            second[row["id"]] = (row["primary"], tuple(row["accepted"]))
    pairs = [(c, r, second[c.id]) for c, r in results if c.id in second]
    n = len(pairs)
    if not n:
        print("\nSecond annotator: no question in common")
        return
    same = sum(c.primary == p for c, _, (p, _) in pairs) / n
    within = sum(p == c.primary or p in c.accepted for c, _, (p, _) in pairs) / n
    clf = sum(r.specialty == p for _, r, (p, _) in pairs) / n
    clf_ok = sum(r.specialty == p or r.specialty in a for _, r, (p, a) in pairs) / n
    both = [(c, r) for c, r, (p, _) in pairs if c.primary == p]
    clear = sum(r.specialty != c.primary for c, r in both)
    print(f"\nSecond annotator ({n} questions in common):")
    print(f"  second annotator's primary = writer's primary          {same:.3f}")
    print(f"  second annotator's primary in writer's primary/accepted {within:.3f}")
    print(f"  classifier = second annotator's primary                {clf:.3f}")
    print(f"  classifier in second annotator's primary/accepted      {clf_ok:.3f}")
    print(f"  both annotators agree, classifier differs              {clear} of {len(both)}")


def check_coverage(cases: list[Case]) -> list[str]:
    problems = []
    counts = Counter(case.primary for case in cases)
    for slug in SPECIALTIES:
        if counts[slug] < 6:
            problems.append(f"{slug} is primary in only {counts[slug]} questions")
    french = sum(case.lang == "fr" for case in cases)
    if french * 3 < len(cases) * 2:
        problems.append(f"French is {french}/{len(cases)}, less than two thirds")
    return problems


def throughput(texts: list[str], words: WordModel | None, seconds: float = 2.0) -> float:
    lexicon = load_lexicon()
    done = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        for text in texts:
            classify_with(lexicon, text, words)
        done += len(texts)
    return done / (time.perf_counter() - start)


CURVE_CLOSE = (0.7, 0.75, 0.8, 0.85, 0.9, 1.0)
CURVE_LEAD = (1.0, 1.5, 2.0, float("inf"))


def would_be_unsure(
    result: Triage, lexicon: Lexicon, close: float, lead: float, partners: bool = True
) -> bool:
    """The unsure decision of ``triage._decide`` replayed with other ``close`` and ``lead``, and
    with or without the natural-partner exemption."""
    scores = [score for _, score in result.ranking]
    best = scores[0]
    runner_up = scores[1] if len(scores) > 1 else 0.0
    requested = sum(
        any(label.endswith("(request)") for label in labels) for labels in result.evidence.values()
    )
    exempt = (
        partners
        and 0 < runner_up < best
        and natural_partners(lexicon, result.ranking[0][0], result.ranking[1][0])
    )
    return (
        best < lexicon.thin
        or requested > 1
        or (runner_up >= close * best and best - runner_up < lead and not exempt)
    )


def print_curve(results: list[tuple[Case, Triage]]) -> None:
    lexicon = load_lexicon()
    for partners in (True, False):
        print()
        print(
            "Unsure-rule curve, natural partners "
            + ("exempt" if partners else "not exempt")
            + " (unsure rate / accuracy when sure, primary / primary or accepted):"
        )
        header = "".join(f"{'lead ' + format(lead, 'g'):>24}" for lead in CURVE_LEAD)
        print(f"  {'close':<6}{header}")
        for close in CURVE_CLOSE:
            cells = []
            for lead in CURVE_LEAD:
                sure = [
                    (c, r)
                    for c, r in results
                    if not would_be_unsure(r, lexicon, close, lead, partners)
                ]
                unsure = 1 - len(sure) / len(results)
                prim = sum(r.specialty == c.primary for c, r in sure) / max(len(sure), 1)
                acc = sum(
                    r.specialty == c.primary or r.specialty in c.accepted for c, r in sure
                ) / max(len(sure), 1)
                current = (close, lead) == (lexicon.close, lexicon.lead) and partners
                mark = "*" if current else " "
                cells.append(f"{mark}{unsure:.3f} / {prim:.3f} / {acc:.3f}")
            print(f"  {close:<6}" + "".join(f"{cell:>24}" for cell in cells))


def main() -> int:
    lexicon_cost = load_cost(load_lexicon)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", type=Path, action="append", help="JSONL file(s); several are pooled"
    )
    parser.add_argument("--errors", action="store_true", help="list every miss and unsure case")
    parser.add_argument("--curve", action="store_true", help="print the unsure-rule trade-off")
    parser.add_argument(
        "--second",
        type=Path,
        help="a second annotator's labels ({id, primary, accepted} lines) of the same questions:"
        " print how often annotators agree, and the classifier with each",
    )
    parser.add_argument(
        "--lexicon-only",
        action="store_true",
        help="leave out the learned word weights (triage_words.txt): the lexicon alone",
    )
    parser.add_argument(
        "--asker",
        action="store_true",
        help="read each question's asker (its writer's own specialty) as the bot reads a"
        " specialist's: their own specialties last (a GP asker counts as having none)",
    )
    args = parser.parse_args()
    paths: list[Path] = args.data or [DEFAULT_DATA]
    cases = [case for path in paths for case in load_cases(path)]
    words = None if args.lexicon_only else load_words()
    lexicon = load_lexicon()
    results: list[tuple[Case, Triage]] = [
        (case, classify_with(lexicon, case.text, words)) for case in cases
    ]
    if args.asker:
        results = [(case, for_asker(result, _own(case), lexicon)) for case, result in results]
    n = len(results)

    def ok(case: Case, slug: str) -> bool:
        return slug == case.primary or slug in case.accepted

    top1_primary = sum(r.specialty == c.primary for c, r in results) / n
    top1_accepted = sum(ok(c, r.specialty) for c, r in results) / n
    top3 = sum(c.primary in r.top(3) for c, r in results) / n
    top3_any = sum(any(ok(c, s) for s in r.top(3)) for c, r in results) / n
    sure = [(c, r) for c, r in results if not r.unsure]
    unsure_rate = 1 - len(sure) / n
    sure_primary = sum(r.specialty == c.primary for c, r in sure) / max(len(sure), 1)
    sure_accepted = sum(ok(c, r.specialty) for c, r in sure) / max(len(sure), 1)
    qps = throughput([case.text for case in cases], words)

    langs = Counter(case.lang for case in cases)
    shown = [path.relative_to(ROOT) if path.is_relative_to(ROOT) else path for path in paths]
    print(f"Development set: {', '.join(map(str, shown))}")
    print(f"  {n} questions ({', '.join(f'{k} {v}' for k, v in sorted(langs.items()))})")
    for problem in check_coverage(cases):
        print(f"  WARNING: {problem}")
    print(f"  lexicon: {sum(lexicon.term_counts.values())} entries")
    if args.asker:
        askers = sum(bool(_own(case)) for case in cases)
        print(f"  asker's own specialty read (--asker): {askers} questions asked by a specialist")
    if words is None:
        print("  learned word weights: left out (--lexicon-only)")
    else:
        print(f"  learned word weights: {len(words.weights)} stems")
    print(f"  lexicon load (once per process): {lexicon_cost}")
    print()
    rows = [
        (
            "top-1, primary only",
            top1_primary,
            f">= {TARGETS['top1_primary']:.2f}",
            top1_primary >= TARGETS["top1_primary"],
        ),
        (
            "top-1, primary or accepted",
            top1_accepted,
            f">= {TARGETS['top1_accepted']:.2f}",
            top1_accepted >= TARGETS["top1_accepted"],
        ),
        ("top-3 contains primary", top3, f">= {TARGETS['top3']:.2f}", top3 >= TARGETS["top3"]),
        ("top-3 contains primary or accepted", top3_any, "", True),
        (
            "unsure rate",
            unsure_rate,
            f"<= {TARGETS['unsure_max']:.2f}",
            unsure_rate <= TARGETS["unsure_max"],
        ),
        ("accuracy when sure, primary", sure_primary, "", True),
        ("accuracy when sure, primary or accepted", sure_accepted, "", True),
    ]
    for label, value, target, met in rows:
        flag = "" if not target else ("  ok" if met else "  MISSED")
        print(f"  {label:<42} {value:6.3f}   {target}{flag}")
    qps_met = qps >= TARGETS["qps"]
    flag = "  ok" if qps_met else "  MISSED"
    print(f"  {'questions per second (one core)':<42} {qps:8.0f}   >= 5000{flag}")
    for lang in sorted(langs):
        subset = [(c, r) for c, r in results if c.lang == lang]
        acc = sum(ok(c, r.specialty) for c, r in subset) / len(subset)
        prim = sum(r.specialty == c.primary for c, r in subset) / len(subset)
        print(f"  [{lang}] top-1 primary {prim:.3f}, primary or accepted {acc:.3f}")

    print()
    print("Confusion summary (primary -> suggested, misses that are not accepted):")
    confusions = Counter((c.primary, r.specialty) for c, r in results if not ok(c, r.specialty))
    if not confusions:
        print("  none")
    for (primary, got), count in confusions.most_common():
        print(f"  {primary:>18} -> {got:<18} {count}")
    print()
    print("Per specialty (primary top-1 / accepted top-1 / questions):")
    for slug in SPECIALTIES:
        subset = [(c, r) for c, r in results if c.primary == slug]
        if subset:
            prim = sum(r.specialty == c.primary for c, r in subset)
            acc = sum(ok(c, r.specialty) for c, r in subset)
            print(f"  {slug:<18} {prim:>3} / {acc:>3} / {len(subset):>3}")

    if args.second:
        print_agreement(results, args.second)
    if args.curve:
        print_curve(results)
    if args.errors:
        print()
        print("Misses (not accepted) and unsure cases:")
        for c, r in results:
            if not ok(c, r.specialty) or r.unsure:
                mark = "MISS" if not ok(c, r.specialty) else "unsure"
                ranking = ", ".join(f"{s} {v:g}" for s, v in r.ranking[:4])
                print(f"  [{mark}] {c.id} {c.primary}: {c.text}")
                print(f"      -> {ranking}")
                print(f"      evidence: {dict(r.evidence)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
