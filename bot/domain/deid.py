"""De-identification: find patient identifiers in a message and replace each with a tag.

Pure: text in, spans and redacted text out. Detection is language-independent (French and
English both); ``lang`` only picks the language of the tags. The policy is the design's
("De-identification policy" in ../shared/DESIGN.md): names, full dates, phones, e-mails,
NIR/SSN, record numbers and addresses go; ages, years alone, lab values, doses, drugs, eponyms
and services stay.
"""

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from bot.domain.deid_names import find_persons
from bot.domain.deid_patterns import find_structured

# A title, then initials, then capitalised name words: "Dr M. LEROY", "Pr P-A. POULMANI",
# "Docteur M. Hagege". The name finder sees the surname; this makes the initials go with it.
_TITLED_INITIALS: Final = re.compile(
    r"\b(?:Dr|DR|Pr|PR|Docteur|Professeur|Mme|Mlle|Mr|Mrs|Ms|M)\.?\s+"
    r"(?P<name>(?:[A-Z](?:-[A-Z])?\.?\s*){1,2}\s[A-ZÀ-Þ][\w'’-]+(?:\s[A-ZÀ-Þ]{2}[\w'’-]*)?)"
)

_LAW_BEFORE: Final = re.compile(r"\b[Ll]ois?\s$")

LABELS: Final[tuple[str, ...]] = ("PERSON", "DATE", "PHONE", "EMAIL", "NIR", "ID", "ADDRESS")

_TAGS: Final[Mapping[str, Mapping[str, str]]] = {
    "fr": {
        "PERSON": "[NOM]",
        "DATE": "[DATE]",
        "PHONE": "[TÉL]",
        "EMAIL": "[EMAIL]",
        "NIR": "[NIR]",
        "ID": "[N° DOSSIER]",
        "ADDRESS": "[ADRESSE]",
    },
    "en": {
        "PERSON": "[NAME]",
        "DATE": "[DATE]",
        "PHONE": "[PHONE]",
        "EMAIL": "[EMAIL]",
        "NIR": "[SSN]",
        "ID": "[ID]",
        "ADDRESS": "[ADDRESS]",
    },
}

# When two findings overlap they become one span, labelled by the more specific finding.
_PRIORITY: Final[Mapping[str, int]] = {
    "EMAIL": 0,
    "NIR": 1,
    "DATE": 2,
    "PHONE": 3,
    "ID": 4,
    "ADDRESS": 5,
    "PERSON": 6,
}


@dataclass(frozen=True, slots=True)
class Span:
    """One identifier: ``text[start:end]`` of the original text, and its label."""

    start: int
    end: int
    label: str


@dataclass(frozen=True, slots=True)
class Redaction:
    """A de-identified text, where each span of the original became its tag."""

    text: str
    spans: tuple[Span, ...]
    counts: Mapping[str, int]

    @property
    def removed(self) -> int:
        """How many identifiers were removed."""
        return len(self.spans)


def tag(label: str, lang: str) -> str:
    """The bracketed tag that replaces an identifier of ``label`` in language ``lang``."""
    table = _TAGS["fr"] if lang == "fr" else _TAGS["en"]
    return table.get(label, f"[{label}]")


def _merge(found: list[tuple[int, int, str]], length: int) -> list[Span]:
    """Clip, sort and fuse overlapping findings into ordered, non-overlapping spans."""
    cleaned = sorted(
        (max(0, s), min(length, e), label) for s, e, label in found if min(length, e) > max(0, s)
    )
    spans: list[Span] = []
    cur_start, cur_end, cur_label = -1, -1, ""
    for start, end, label in cleaned:
        if start < cur_end:
            cur_end = max(cur_end, end)
            if _PRIORITY[label] < _PRIORITY[cur_label]:
                cur_label = label
            continue
        if cur_end > cur_start >= 0:
            spans.append(Span(cur_start, cur_end, cur_label))
        cur_start, cur_end, cur_label = start, end, label
    if cur_end > cur_start >= 0:
        spans.append(Span(cur_start, cur_end, cur_label))
    return spans


def _trim(text: str, spans: list[Span]) -> list[Span]:
    """Drop leading and trailing spaces and punctuation a pattern may have taken."""
    out: list[Span] = []
    for sp in spans:
        start, end = sp.start, sp.end
        while start < end and not text[start].isalnum() and text[start] not in "+(":
            start += 1
        while end > start and not text[end - 1].isalnum() and text[end - 1] not in ")":
            end -= 1
        if end > start:
            out.append(Span(start, end, sp.label))
    return out


def _fuse_addresses(text: str, spans: list[Span]) -> list[Span]:
    """One address written over several parts ("12 rue X, 75011 Paris") becomes one span."""
    out: list[Span] = []
    for sp in spans:
        if (
            out
            and sp.label == out[-1].label == "ADDRESS"
            and not text[out[-1].end : sp.start].strip(" ,\n")
        ):
            out[-1] = Span(out[-1].start, sp.end, "ADDRESS")
        else:
            out.append(sp)
    return out


def find_identifiers(text: str) -> list[Span]:
    """Every identifier in ``text``: ordered, non-overlapping spans (French and English)."""
    if not text:
        return []
    found = find_structured(text)
    persons = find_persons(text)
    if "oi " in text:
        # a law named after people ("Loi Claeys-Leonetti") is an eponym, not a patient
        persons = [p for p in persons if _LAW_BEFORE.search(text, max(0, p[0] - 6), p[0]) is None]
    found.extend(persons)
    if "." in text or " " in text:
        found.extend(
            (m.start("name"), m.end("name"), "PERSON") for m in _TITLED_INITIALS.finditer(text)
        )
    return _fuse_addresses(text, _trim(text, _merge(found, len(text))))


def deidentify(text: str, lang: str = "fr") -> Redaction:
    """Replace every identifier in ``text`` by its tag in ``lang`` ("fr", else English)."""
    spans = find_identifiers(text)
    parts: list[str] = []
    pos = 0
    for sp in spans:
        parts.append(text[pos : sp.start])
        parts.append(tag(sp.label, lang))
        pos = sp.end
    parts.append(text[pos:])
    counts = Counter(sp.label for sp in spans)
    return Redaction(
        text="".join(parts),
        spans=tuple(spans),
        counts=MappingProxyType(dict(counts)),
    )


def warm_up() -> None:
    """Load the word lists and compile the patterns now rather than on the first message."""
    find_identifiers("Mme Dupont, 06 12 34 56 78, 12 rue de la Paix 75002 Paris, le 3 mars 1961")
