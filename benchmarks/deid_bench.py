"""Score the de-identification engine: recall per label, precision, keep rate, speed.

Run from the project root: ``.venv/bin/python benchmarks/deid_bench.py [--misses LABEL]``.

Data sets: ``../shared/datasets/eds_pseudo_fr_pii.jsonl`` (French, AP-HP eds-pseudo templates),
``../shared/datasets/presidio_synth_dataset_v2_en.json`` (English, presidio-research) and
``benchmarks/data/deid_phone_set.jsonl`` (our hand-written phone-style messages). Then a false
alarm count on the clinical questions of the triage sets (``benchmarks/data/triage_*.jsonl``,
about 5,000 questions written blind by other people, without real identifiers: everything the
engine removes there is a false alarm, except the few invented initials such as "Mme R.").

Method:
- recall: a gold span counts as found when every letter and digit in it is covered by some
  predicted span (whatever its label: what matters is that it left the text);
- gold spans outside the policy are not counted in recall: years alone, months without a day,
  weekdays and relative times (the policy keeps them), hospitals, cities not inside an address;
- precision: the share of predicted spans that overlap a gold span of any type (a hospital or
  organisation name counts as overlapped, since the data set marks it as an entity);
- keep rate: on the phone set, the share of "keep" words left untouched; on the two data sets,
  the share of words outside every gold span left untouched. On the French set a second,
  policy-aligned keep rate also sets aside the identifiers the policy removes but the data set
  does not mark (it marks the patient's): doctors', staff and authors' names, practitioner and
  establishment numbers, a few unmarked phones and dates. They are listed in
  ``benchmarks/data/eds_policy_extra.jsonl``, annotated by someone who read the texts and the
  policy, never the engine or its output; the bench also says how many of them the engine
  removes;
- speed: messages of 300 characters (cut from the three sets), one process, one core.
"""

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from costs import load_cost  # noqa: E402

from bot.domain.deid import LABELS, Span, find_identifiers, warm_up  # noqa: E402

DATASETS = ROOT.parent / "shared" / "datasets"
PHONE_SET = ROOT / "benchmarks" / "data" / "deid_phone_set.jsonl"
EDS_EXTRA = ROOT / "benchmarks" / "data" / "eds_policy_extra.jsonl"

EDS_MAP = {
    "NOM": "PERSON",
    "PRENOM": "PERSON",
    "DATE": "DATE",
    "DATE_NAISSANCE": "DATE",
    "TEL": "PHONE",
    "MAIL": "EMAIL",
    "SECU": "NIR",
    "IPP": "ID",
    "NDA": "ID",
    "ADRESSE": "ADDRESS",
    "ADDRESSE": "ADDRESS",
    "ZIP": "ADDRESS",
}
PRESIDIO_MAP = {
    "PERSON": "PERSON",
    "STREET_ADDRESS": "ADDRESS",
    "ZIP_CODE": "ADDRESS",
    "DATE_TIME": "DATE",
    "PHONE_NUMBER": "PHONE",
    "EMAIL_ADDRESS": "EMAIL",
    "US_SSN": "NIR",
}
_MONTH = (
    r"janv|f[ée]v|mars|avr|mai|juin|juil|ao[uû]t|sept|oct|nov|d[ée]c|jan|feb|mar|apr|may|jun|"
    r"jul|aug|sep|dec"
)
_NUMBER = r"\d|premier|un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|"
_NUMBER += r"quatorze|quinze|seize|vingt|trente"
_FULL_DATE = re.compile(
    rf"(?:{_NUMBER}).*(?:{_MONTH})|(?:{_MONTH}).*\d|\d{{1,2}}\s?[/.-]\s?\d{{1,2}}|\d(?:\s?\d){{5,7}}",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+")


@dataclass
class Gold:
    start: int
    end: int
    label: str  # a project label, or "" when outside the policy (neutral)


@dataclass
class Doc:
    text: str
    gold: list[Gold]
    keep: list[str] = field(default_factory=list)
    # identifiers the policy removes that the data set leaves unmarked: (start, end, kind)
    extra: list[tuple[int, int, str]] = field(default_factory=list)


def in_policy_date(value: str) -> bool:
    """A full date (day and month), not a year alone, a month or a relative time."""
    return bool(_FULL_DATE.search(value))


def load_eds() -> list[Doc]:
    extra: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
    for line in EDS_EXTRA.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            extra[row["id"]].append((row["start"], row["end"], row["kind"]))
    docs = []
    for line in (DATASETS / "eds_pseudo_fr_pii.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        spans = row["spans"]
        anchors = [s for s in spans if s["label"] in {"ZIP", "ADRESSE", "ADDRESSE"}]
        gold = []
        for s in spans:
            label = EDS_MAP.get(s["label"], "")
            if s["label"] == "VILLE" and any(
                abs(a["end"] - s["start"]) <= 3 or abs(s["end"] - a["start"]) <= 3 for a in anchors
            ):
                label = "ADDRESS"
            if label == "DATE" and not in_policy_date(s["value"]):
                label = ""
            gold.append(Gold(s["start"], s["end"], label))
        docs.append(Doc(row["text"], gold, extra=extra.get(row["id"], [])))
    return docs


def load_presidio() -> list[Doc]:
    rows = json.loads((DATASETS / "presidio_synth_dataset_v2_en.json").read_text("utf-8"))
    docs = []
    for row in rows:
        gold = []
        for s in row["spans"]:
            label = PRESIDIO_MAP.get(s["entity_type"], "")
            if label == "DATE" and not in_policy_date(s["entity_value"]):
                label = ""
            gold.append(Gold(s["start_position"], s["end_position"], label))
        docs.append(Doc(row["full_text"], gold))
    return docs


def load_phone_set() -> list[Doc]:
    docs = []
    for line in PHONE_SET.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        gold = [Gold(s["start"], s["end"], s["label"]) for s in row["spans"]]
        docs.append(Doc(row["text"], gold, row.get("keep", [])))
    return docs


def covered_mask(length: int, spans: Iterable[Span]) -> list[bool]:
    mask = [False] * length
    for sp in spans:
        for i in range(sp.start, sp.end):
            mask[i] = True
    return mask


@dataclass
class Score:
    found: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    total: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    predicted: int = 0
    true_pred: int = 0
    keep_ok: int = 0
    keep_total: int = 0
    # the same, also setting aside the identifiers the data set leaves unmarked (Doc.extra)
    policy_ok: int = 0
    policy_total: int = 0
    extra_found: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    extra_total: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    misses: list[tuple[str, str, str]] = field(default_factory=list)
    false_pos: list[tuple[str, str, str]] = field(default_factory=list)


def score(docs: list[Doc], *, keep_mode: str) -> Score:
    sc = Score()
    for doc in docs:
        pred = find_identifiers(doc.text)
        mask = covered_mask(len(doc.text), pred)
        for g in doc.gold:
            if not g.label:
                continue
            sc.total[g.label] += 1
            chars = [i for i in range(g.start, g.end) if doc.text[i].isalnum()]
            if all(mask[i] for i in chars):
                sc.found[g.label] += 1
            else:
                sc.misses.append((g.label, doc.text[g.start : g.end], doc.text))
        for p in pred:
            sc.predicted += 1
            if any(p.start < g.end and g.start < p.end for g in doc.gold):
                sc.true_pred += 1
            else:
                sc.false_pos.append((p.label, doc.text[p.start : p.end], doc.text))
        if keep_mode == "list":
            for word in doc.keep:
                for m in re.finditer(re.escape(word), doc.text):
                    sc.keep_total += 1
                    sc.keep_ok += not any(mask[m.start() : m.end()])
        else:
            gold_mask = [False] * len(doc.text)
            for g in doc.gold:
                for i in range(g.start, g.end):
                    gold_mask[i] = True
            extra_mask = [False] * len(doc.text)
            for start, end, kind in doc.extra:
                sc.extra_total[kind] += 1
                sc.extra_found[kind] += all(
                    mask[i] for i in range(start, end) if doc.text[i].isalnum()
                )
                for i in range(start, end):
                    extra_mask[i] = True
            for m in _WORD.finditer(doc.text):
                if any(gold_mask[m.start() : m.end()]):
                    continue
                kept = not any(mask[m.start() : m.end()])
                sc.keep_total += 1
                sc.keep_ok += kept
                if not any(extra_mask[m.start() : m.end()]):
                    sc.policy_total += 1
                    sc.policy_ok += kept
    return sc


def speed(texts: list[str], seconds: float = 3.0) -> float:
    """Messages of 300 characters de-identified per second, in this one process."""
    blob = " ".join(texts)
    msgs = [blob[i : i + 300] for i in range(0, len(blob) - 300, 300)][:2000]
    find_identifiers(msgs[0])  # load the lexicons once, outside the clock
    done = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        for m in msgs:
            find_identifiers(m)
        done += len(msgs)
    return done / (time.perf_counter() - start)


TARGETS = {"PHONE": 0.99, "EMAIL": 0.99, "NIR": 0.99, "ID": 0.99, "DATE": 0.97}


def report(name: str, sc: Score, rate: float | None) -> None:
    print(f"\n## {name}\n")
    print("| measure | value | n | target | met |")
    print("|---|---|---|---|---|")
    for label in LABELS:
        n = sc.total.get(label, 0)
        if not n:
            print(f"| recall {label} | – | 0 | | |")
            continue
        r = sc.found[label] / n
        target = TARGETS.get(label, 0.95)
        print(
            f"| recall {label} | {r:.3f} | {n} | ≥ {target} | {'yes' if r >= target else 'NO'} |"
        )
    prec = sc.true_pred / sc.predicted if sc.predicted else 1.0
    print(f"| precision (spans) | {prec:.3f} | {sc.predicted} | | |")
    keep = sc.keep_ok / sc.keep_total if sc.keep_total else 1.0
    met = "yes" if keep >= 0.99 else "NO"
    print(f"| keep rate | {keep:.4f} | {sc.keep_total} | ≥ 0.99 | {met} |")
    if sc.extra_total:
        policy = sc.policy_ok / sc.policy_total
        met = "yes" if policy >= 0.99 else "NO"
        print(
            f"| keep rate, policy-aligned (unmarked identifiers set aside) | {policy:.4f} "
            f"| {sc.policy_total} | ≥ 0.99 | {met} |"
        )
    if rate is not None:
        ok = "yes" if rate >= 1000 else "NO"
        print(f"| msgs/s (300 chars, 1 core) | {rate:,.0f} | | ≥ 1000 | {ok} |")
    if sc.extra_total:
        found = ", ".join(
            f"{kind} {sc.extra_found[kind]}/{n}" for kind, n in sorted(sc.extra_total.items())
        )
        print(f"\nUnmarked identifiers the engine removes: {found}")


def clinical_questions() -> list[str]:
    """The texts of the triage sets (the second annotators' files repeat no text)."""
    texts = []
    for path in sorted((ROOT / "benchmarks" / "data").glob("triage_*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            text = json.loads(line).get("text") if line.strip() else None
            if text:
                texts.append(text)
    return texts


def false_alarms(texts: list[str], show: bool) -> None:
    """Print how many spans the engine finds in questions that hold no real identifier."""
    found = [(span, text) for text in texts for span in find_identifiers(text)]
    questions = len({text for _, text in found})
    labels = defaultdict(int)
    for span, _ in found:
        labels[span.label] += 1
    by_label = ", ".join(f"{label} {n}" for label, n in sorted(labels.items())) or "none"
    print(f"\n## Clinical questions without real identifiers: {len(texts)} texts\n")
    print(f"{len(found)} spans removed ({by_label}) in {questions} questions")
    print("(false alarms, except the few invented initials such as 'Mme R.')")
    if show:
        for span, text in found:
            print(f"  {span.label:8} {text[span.start : span.end]!r:30} in {text[:120]!r}")


def warm_up_cost() -> None:
    """Print what loading the word lists and compiling the patterns costs, once per process."""
    print(f"warm-up (word lists + patterns): {load_cost(warm_up)}\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", help="print the missed gold spans of this label")
    parser.add_argument("--fp", action="store_true", help="print false positives")
    parser.add_argument("--only", help="eds, presidio, phone or questions")
    args = parser.parse_args()
    warm_up_cost()
    sets = {
        "eds": ("eds_pseudo_fr_pii (French, AP-HP)", load_eds(), "words"),
        "presidio": ("presidio synth v2 (English)", load_presidio(), "words"),
        "phone": ("phone set (ours, FR + EN)", load_phone_set(), "list"),
    }
    for key, (name, docs, mode) in sets.items():
        if args.only and key != args.only:
            continue
        sc = score(docs, keep_mode=mode)
        rate = speed([d.text for d in docs]) if not args.misses and not args.fp else None
        report(f"{name}: {len(docs)} texts", sc, rate)
        if args.misses:
            for label, value, text in sc.misses:
                if label == args.misses:
                    print(f"MISS {value!r:40} in {text[:160]!r}")
        if args.fp:
            for label, value, text in sc.false_pos:
                print(f"FP {label:8} {value!r:40} in {text[:140]!r}")
    if not args.only or args.only == "questions":
        false_alarms(clinical_questions(), show=args.fp)


if __name__ == "__main__":
    main()
