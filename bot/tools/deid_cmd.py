"""``confrere deid``: de-identify text from the argument, stdin, or JSON lines."""

import json
import sys

from bot.domain.deid import deidentify


def _jsonl(lang: str) -> int:
    """Read ``{"id", "text"}`` lines from stdin, write ``{"id", "redacted", "entities"}`` lines."""
    status = 0
    for number, line in enumerate(sys.stdin, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError:
            row = None
        text = row.get("text") if isinstance(row, dict) else None
        if not isinstance(row, dict) or not isinstance(text, str):
            print(
                f'line {number}: expected a JSON object with a string "text"; skipped',
                file=sys.stderr,
            )
            status = 1
            continue
        result = deidentify(text, lang)
        out = {
            "id": row.get("id"),
            "redacted": result.text,
            "entities": [{"start": s.start, "end": s.end, "label": s.label} for s in result.spans],
        }
        sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
    return status


def run(*, lang: str, jsonl: bool, text: str | None) -> int:
    """De-identify ``text`` (or stdin when None) and print it; with ``jsonl``, line by line."""
    if jsonl:
        return _jsonl(lang)
    source = sys.stdin.read() if text is None else text
    sys.stdout.write(deidentify(source, lang).text)
    if text is not None or not source.endswith("\n"):
        sys.stdout.write("\n")
    return 0
