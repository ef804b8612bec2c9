"""`confrere triage [--jsonl]`: suggest the specialty of clinical questions.

Without ``--jsonl``: classify the text given (or all of stdin) and print a human-readable report
(the suggested specialty, the confidence, unsure or not, the top of the ranking and the terms that
decided). With ``--jsonl``: read ``{"id", "text"}`` lines and write ``{"id", "specialty",
"confidence", "ranking": [[slug, score], ...]}`` lines; a malformed line is reported on stderr
with its number, the others are still processed, and the exit code is then 1. ``--asker SLUG``
(repeatable) classifies as the bot does for a specialist with those specialties: theirs last,
unless requested.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from typing import TextIO

from bot.domain.triage import Triage, classify, for_asker

_TOP = 5


def run(*, jsonl: bool, text: str | None, asker: Sequence[str] = ()) -> int:
    """Classify ``text`` (stdin when None) for an asker with the specialties ``asker``, write the
    result to stdout, return the exit code."""
    if jsonl:
        lines: Iterable[str] = text.splitlines() if text is not None else sys.stdin
        return _run_jsonl(lines, sys.stdout, sys.stderr, asker)
    question = text if text is not None else sys.stdin.read()
    sys.stdout.write(report(for_asker(classify(question), asker)))
    return 0


class MalformedLineError(Exception):
    """A JSONL input line that is not ``{"id": ..., "text": "..."}``."""


def _run_jsonl(lines: Iterable[str], out: TextIO, err: TextIO, asker: Sequence[str] = ()) -> int:
    status = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            question_id, question = _parse_line(line)
        except MalformedLineError as problem:
            err.write(f"triage: line {number}: {problem}\n")
            status = 1
            continue
        result = for_asker(classify(question), asker)
        row = {
            "id": question_id,
            "specialty": result.specialty,
            "confidence": result.confidence,
            "ranking": [[slug, score] for slug, score in result.ranking],
        }
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return status


def _parse_line(line: str) -> tuple[object, str]:
    """The id and text of one JSONL line; ``MalformedLineError`` saying why when malformed."""
    try:
        row = json.loads(line)
    except json.JSONDecodeError as problem:
        raise MalformedLineError(f"not valid JSON ({problem.msg})") from None
    if not isinstance(row, dict):
        raise MalformedLineError('expected an object with "id" and "text"')
    if "id" not in row:
        raise MalformedLineError('missing "id"')
    question = row.get("text")
    if not isinstance(question, str):
        raise MalformedLineError('"text" must be a string')
    return row["id"], question


def report(result: Triage) -> str:
    """A human-readable account of a triage result and of the terms that decided it."""
    lines = [
        f"Suggested specialty: {result.specialty}",
        f"Confidence: {result.confidence:.2f}",
    ]
    if result.unsure:
        lines.append(f"Unsure: yes (offer: {', '.join(result.top(3))})")
    else:
        lines.append("Unsure: no")
    if not result.evidence:
        lines.append("No term matched: falling back to general practice.")
        return "\n".join(lines) + "\n"
    lines.append("Ranking:")
    width = max(len(slug) for slug, _ in result.ranking[:_TOP])
    for rank, (slug, score) in enumerate(result.ranking[:_TOP], start=1):
        terms = ", ".join(result.evidence.get(slug, ()))
        lines.append(f"  {rank}. {slug:<{width}}  {score:6.2f}  {terms}")
    decided = ", ".join(result.evidence.get(result.specialty, ()))
    lines.append(f"Decided by: {decided}")
    return "\n".join(lines) + "\n"
