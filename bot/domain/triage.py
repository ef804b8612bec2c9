"""Specialty triage: which specialists should a clinical question reach.

By keyword, from the moderator-editable lexicon ``lexicon.toml`` next to this module. Pure: the
lexicon is read once, lazily, from the package; classifying does no I/O.

How a question is scored:

* the text is folded once (case, accents), split into tokens, each reduced to a light stem
  (``triage_text``); function words are set aside;
* lexicon terms are found by dictionary lookup, the longest multi-word term first; a token of
  seven letters or more that matches nothing is looked up again allowing one typo;
* each distinct term adds its weight to its specialties; a specialty's own name adds little when
  mentioned in passing and outranks everything when requested ("avis néphro");
* a few short abbreviations count only in capitals ("PR", not SMS "pr" for "pour"); an ambiguous
  term may be read for another specialty when context words are present ("10 joints par jour");
  tests reported as normal ("NFS, TSH, CRP tout normal") keep only a small share of their weight;
* a function word written in capitals in a mixed-case text is an abbreviation when the lexicon
  has it ("DE" is dysfonction érectile, "de" the article; "CA 125"); a dictionary word
  ("missing") is never read as a typo of a term ("misusing");
* a request preceded in its clause by a refusal or a negation ("il refuse de voir un psy",
  "pas besoin de cardio ?") or an exclusion ("plutôt que cardio", "rather than derm"), or
  followed by words saying its specialist was already asked or is out of reach ("le rhumato ne
  répond pas", "cardio a dit RAS"), counts as a passing mention; request words do not reach
  across a comma ("avis interniste svp, le rhumato…");
* background keeps a share of its weight: risk factors and their quantities ("fumeur 40 PA",
  "4 verres/j"), the list after "ATCD"/"history of"/"père", and ``[[damp]]`` rules with
  conditions (the baby of a mother asking about a drug while breastfeeding);
* a specialty whose only evidence is who the patient is (pediatrics on "ado 14 ans",
  geriatrics on "dame de 85 ans") yields to the specialty of the problem (``[[who]]``);
* an age ("patiente de 89 ans", "7yo", "5 y/o", "bébé de 3 semaines", "70M" and "65F" in
  years; not "depuis 3 ans", "in 3 years", "traitement de 5 jours") and terms that only count
  after a number ("32 SA") add their own weights;
* a role before an opening colon introduces the asker ("Sage-femme : …", "Interne en ortho :
  …"): a mention, not a request; two names offered as alternatives ("néphro ou uro ?") are
  both requested; "avis de gériatre" is a request, "according to the gastro" a mention;
* the best specialty wins; the result is "unsure" when the evidence is thin or the runner-up
  is close (within a share of the best score *and* less than one typical term behind) without
  being the best's natural partner (one of them a modifier such as pediatrics or pharmacology:
  either would do), and ``general_practice`` when nothing matched.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any, Final, NamedTuple

from bot.domain import wordlists
from bot.domain.specialties import FALLBACK, SPECIALTIES
from bot.domain.triage_text import (
    STOPWORDS,
    Token,
    capitalised_words,
    fold,
    split_folded,
    term_key,
)

LEXICON_RESOURCE: Final = "lexicon.toml"
TERM_GROUPS: Final = ("key", "strong", "typical", "weak", "drugs")
ANY_DRUG: Final = "@drug"
_TYPO_MIN: Final = 7
_TYPO_CACHE_SIZE: Final = 1 << 16
_CUE_WINDOW: Final = 3
# Articles are looked through when reading the words before a specialty name; on their own,
# "le cardio" is a passing mention and "un cardio" a request.
_PASSING_ARTICLES: Final = frozenset({"le", "la", "l", "the"})
_REQUEST_ARTICLES: Final = frozenset({"un", "une", "des", "les", "a", "an", "du"})
_YEAR_UNITS: Final = frozenset({"ans", "an", "yo", "year", "years", "yr", "yrs", "ys"})
_GLUED_YEAR_UNITS: Final = frozenset({"a", "y"})
_MONTH_UNITS: Final = frozenset({"mois", "month", "months", "mo", "mth", "mths", "m"})
_SEX_UNITS: Final = frozenset({"m", "f"})
_BARE_MONTHS_MAX: Final = 36
# "bébé de 3 semaines", "10-day-old", "J5 de vie": weeks and days count as ages only with a cue.
_WEEK_UNITS: Final = frozenset({"semaine", "semaines", "sem", "week", "weeks", "wk", "wks"})
_DAY_UNITS: Final = frozenset({"jour", "jours", "j", "day", "days", "d"})
_DURATION_BEFORE: Final = frozenset(
    {
        "depuis",
        "pendant",
        "durant",
        "since",
        "for",
        "over",
        "past",
        "last",
        "dans",
        "apres",
        "avant",
        "after",
        "before",
        "within",
        "sur",
        "ya",
        "during",
        "x",
        "in",
        "en",
        "every",
        "each",
        "chaque",
        "tous",
        "toutes",
        "les",
        "per",
        "par",
        "moins",
    }
)
_DURATION_AFTER: Final = frozenset({"ago", "plus", "auparavant", "later", "apres", "before"})
_AGE_BEFORE: Final = frozenset(
    {
        "de",
        "of",
        "aged",
        "age",
        "agee",
        "bebe",
        "bb",
        "nourrisson",
        "nrs",
        "nne",
        "a",
        "at",
        "enfant",
        "fille",
        "fils",
        "garcon",
        "boy",
        "girl",
        "baby",
        "infant",
        "child",
        "newborn",
    }
)
# Words naming a baby: weeks and days count as an age only next to one ("bébé de 3 semaines").
_BABY_WORDS: Final = frozenset(
    {"bebe", "bb", "nourrisson", "nrs", "nne", "newborn", "neonate", "infant", "baby"}
)
# "3 weeks old", "10 jours de vie", "18m boy"
_AGE_AFTER: Final = frozenset(
    {"old", "vie", "life", "boy", "girl", "baby", "infant", "child", "toddler"}
)


class LexiconError(ValueError):
    """The lexicon file is malformed: an unknown slug, a missing group, a bad weight."""


@dataclass(frozen=True, slots=True)
class _Entry:
    slug: str
    weight: float
    label: str
    is_name: bool
    is_drug: bool = False
    home: bool = False  # a drug listed under this specialty (not its share for pharmacology)


@dataclass(frozen=True, slots=True)
class Combination:
    """Two kinds of terms seen together point to a specialty (a drug in pregnancy)."""

    slug: str
    weight: float
    label: str
    first: frozenset[tuple[str, ...]]
    first_any_drug: bool
    second: frozenset[tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class Context:
    """An ambiguous term read another way when certain words are in the question ("10 joints
    par jour": cannabis, not articulations)."""

    cues: frozenset[str]
    entry: _Entry


@dataclass(frozen=True, slots=True)
class NormalResults:
    """Tests reported as normal ("NFS TSH CRP tout normal") keep only a share of their weight."""

    tests: frozenset[tuple[str, ...]]
    words: frozenset[str]
    fillers: frozenset[str]
    factor: float


_NO_NORMAL_RESULTS: Final = NormalResults(frozenset(), frozenset(), frozenset(), 1.0)


@dataclass(frozen=True, slots=True)
class History:
    """The terms listed right after "ATCD", "history of" (a run of terms, fillers between)
    are background and keep only a share of their weight."""

    cues: frozenset[str]
    fillers: frozenset[str]
    factor: float


_NO_HISTORY: Final = History(frozenset(), frozenset(), 1.0)


@dataclass(frozen=True, slots=True)
class Who:
    """A specialty whose only evidence is who the patient is (a stated age, "ado", "enfant")
    yields to the best specialty with evidence of the problem: its score is capped at
    ``factor`` of that one's ("pelade chez un ado de 14 ans": dermatology, pediatrics close),
    when that one has at least ``least`` (a problem named, not a vague symptom: "enfant de 4
    ans avec éruption fébrile" stays the pediatrician's)."""

    slug: str
    terms: frozenset[tuple[str, ...]]
    factor: float
    least: float = 0.0


@dataclass(frozen=True, slots=True)
class Damp:
    """Terms that set the scene rather than name the problem keep only a share of their weight:
    risk factors ("fumeur", "OH"), or the baby of a mother asking about a drug while
    breastfeeding. ``when`` (any of these terms) and ``with_drug`` are conditions; ``ages``
    damps a stated age too (the baby's)."""

    label: str
    terms: frozenset[tuple[str, ...]]
    when: frozenset[tuple[str, ...]]
    with_drug: bool
    ages: bool
    factor: float
    with_age: str = ""  # only when an age counting for this specialty is stated

    def applies(self, keys: set[tuple[str, ...]], drug: bool, aged: Iterable[str]) -> bool:
        """Whether the conditions hold for a question with these term keys, a drug or not, and
        ages counting for the ``aged`` specialties."""
        return (
            (not self.when or not self.when.isdisjoint(keys))
            and (drug or not self.with_drug)
            and (not self.with_age or self.with_age in aged)
        )


class _Match(NamedTuple):
    first: int  # raw token indices of the term
    last: int
    key: tuple[str, ...]
    entries: tuple[_Entry, ...]
    factor: float


@dataclass(frozen=True, slots=True)
class _PhraseTable:
    """Terms keyed by their stems, and for each first stem the term lengths, longest first."""

    phrases: Mapping[tuple[str, ...], tuple[_Entry, ...]]
    lengths: Mapping[str, tuple[int, ...]]

    def longest_at(self, stems: Sequence[str], start: int) -> tuple[int, tuple[_Entry, ...]]:
        """The longest term starting at ``stems[start]``: its length and entries, or (0, ())."""
        size, entries, _ = self.longest_with_cue_at(stems, start)
        return size, entries

    def longest_with_cue_at(
        self, stems: Sequence[str], start: int
    ) -> tuple[int, tuple[_Entry, ...], int]:
        """The longest term with entries starting at ``stems[start]`` (length and entries), and
        the length of a longer term that has none (a cue for a rule: "TEP-scan" as a test),
        or 0: such a cue does not hide the terms inside it."""
        cue = 0
        for size in self.lengths.get(stems[start], ()):
            if start + size <= len(stems):
                entries = self.phrases.get(tuple(stems[start : start + size]))
                if entries:
                    return size, entries, cue
                if entries is not None and not cue:
                    cue = size
        return 0, (), cue


@dataclass(frozen=True, slots=True)
class Cues:
    """Words around a specialty name that tell a request from a passing mention."""

    request_before: frozenset[str]
    request_after: frozenset[str]
    self_before: frozenset[str]
    passing_before: frozenset[str]
    negated_before: frozenset[str] = frozenset()
    negation_bridge: frozenset[str] = frozenset()
    # "plutôt que", "rather than", "au lieu de": several words that exclude the name after them
    negated_phrases: frozenset[tuple[str, ...]] = frozenset()
    # "le rhumato ne répond pas", "cardio said": the first word after the name (``after_bridge``
    # words skipped) says the specialist was already asked or cannot be reached
    negated_after: frozenset[str] = frozenset()
    after_bridge: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class AgeRule:
    """Ages that hint at geriatrics or pediatrics."""

    geriatrics_from: int
    geriatrics_weight: float
    pediatrics_below: int
    pediatrics_weight: float


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The compiled lexicon: terms by stems, cues, weights and decision thresholds."""

    terms: _PhraseTable
    after_number: _PhraseTable
    deletions: Mapping[str, tuple[tuple[str, int], ...]]
    combinations: tuple[Combination, ...]
    cues: Cues
    age: AgeRule
    name_weight: float
    request_weight: float
    typo_factor: float
    two_drug_weight: float
    thin: float
    close: float
    term_counts: Mapping[str, int]
    capitals_only: frozenset[tuple[str, ...]] = frozenset()
    contexts: Mapping[tuple[str, ...], tuple[Context, ...]] = field(
        default_factory=lambda: MappingProxyType({})
    )
    normal_results: NormalResults = _NO_NORMAL_RESULTS
    damps: tuple[Damp, ...] = ()
    damped_terms: frozenset[tuple[str, ...]] = frozenset()  # all the damps' terms
    history: History = _NO_HISTORY
    typical_weight: float = 1.5
    # dictionary words (folded, seven letters or more): known words are never typos
    ordinary: frozenset[str] = frozenset()
    # a runner-up within `close` of the best is close only while the lead is below this
    lead: float = math.inf
    # a close runner-up that is the best's natural partner (one of them a modifier such as
    # pediatrics or pharmacology, or a listed pair) does not make the answer unsure
    modifiers: frozenset[str] = frozenset()
    partners: frozenset[frozenset[str]] = frozenset()
    who: tuple[Who, ...] = ()
    # Memo of typo look-ups (a cache, not state: the answer for a word never changes).
    typo_cache: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)

    def is_ordinary(self, word: str) -> bool:
        """Whether a folded word is a dictionary word, singular or plural ("missing")."""
        return word in self.ordinary or (word[-1:] in "sx" and word[:-1] in self.ordinary)

    def typo_of(self, stem: str) -> str | None:
        """The single-word lexicon stem one edit away from ``stem`` (which matched nothing)."""
        if len(stem) < _TYPO_MIN or not stem.isalpha():
            return None
        if stem in self.typo_cache:
            return self.typo_cache[stem]
        if len(self.typo_cache) >= _TYPO_CACHE_SIZE:
            self.typo_cache.clear()
        corrected = self._typo_of(stem)
        self.typo_cache[stem] = corrected
        return corrected

    def _typo_of(self, stem: str) -> str | None:
        # a letter missing from the input
        found = {word for word, _ in self.deletions.get(stem, ())}
        for index in range(len(stem)):
            shorter = stem[:index] + stem[index + 1 :]
            if (shorter,) in self.terms.phrases and len(shorter) >= _TYPO_MIN:
                found.add(shorter)  # a letter too many in the input
            for word, position in self.deletions.get(shorter, ()):
                if abs(position - index) <= 1:
                    found.add(word)  # a letter replaced (same place) or two swapped (adjacent)
        found.discard(stem)
        # Phone typos keep the first and the last letter; "recurrent" is not "recurrence".
        kept = sorted(word for word in found if word[0] == stem[0] and word[-1] == stem[-1])
        return kept[0] if kept else None


@dataclass(frozen=True, slots=True)
class Triage:
    """The suggested specialty of a question, and how sure the suggestion is."""

    specialty: str
    confidence: float
    unsure: bool
    ranking: tuple[tuple[str, float], ...]
    evidence: Mapping[str, tuple[str, ...]] = field(hash=False)

    def top(self, n: int = 3) -> tuple[str, ...]:
        """The ``n`` best slugs, best first (the preview offers these when unsure)."""
        return tuple(slug for slug, _ in self.ranking[: max(n, 0)])


# --- loading -------------------------------------------------------------------------------------


@cache
def load_lexicon() -> Lexicon:
    """Read and compile the packaged lexicon, once, with the ordinary-word dictionary."""
    package = resources.files("bot.domain")
    raw = package.joinpath(LEXICON_RESOURCE).read_text(encoding="utf-8")
    return compile_lexicon(tomllib.loads(raw), ordinary_words=wordlists.ordinary_words())


def compile_lexicon(data: Mapping[str, Any], ordinary_words: Iterable[str] = ()) -> Lexicon:
    """Compile parsed lexicon TOML into lookup tables; raise ``LexiconError`` when malformed.

    ``ordinary_words`` (folded dictionary words) are never read as typos of a lexicon term:
    "missing" is a word, not a misspelt "misusing".
    """
    weights = _table(data, "weights")
    specialties = _table(data, "specialty")
    unknown = sorted(set(specialties) - set(SPECIALTIES))
    if unknown:
        raise LexiconError(f"unknown specialty slugs in the lexicon: {', '.join(unknown)}")
    drug_share = _number(weights, "drug_for_pharmacology")
    terms: dict[tuple[str, ...], dict[str, _Entry]] = {}
    after: dict[tuple[str, ...], dict[str, _Entry]] = {}
    counts: dict[str, int] = {}
    for slug in SPECIALTIES:
        section = _table(specialties, slug) if slug in specialties else {}
        counts[slug] = 0
        for name in _strings(section, "names"):
            counts[slug] += _add(terms, name, _Entry(slug, 0.0, name, is_name=True))
        for group in TERM_GROUPS:
            weight = _number(weights, group)
            is_drug = group == "drugs"
            if is_drug and slug == "pharmacology":
                weight = drug_share
            for term in _strings(section, group):
                entry = _Entry(slug, weight, term, is_name=False, is_drug=is_drug, home=is_drug)
                counts[slug] += _add(terms, term, entry)
                if is_drug and slug != "pharmacology":
                    share = _Entry("pharmacology", drug_share, term, is_name=False, is_drug=True)
                    _add(terms, term, share)
        for term in _strings(section, "after_number"):
            entry = _Entry(slug, _number(weights, "after_number"), term, is_name=False)
            counts[slug] += _add(after, term, entry)
    combinations = tuple(_combination(item, terms) for item in _tables(data, "combination"))
    contexts = _contexts(_tables(data, "context"), terms)
    normal = _normal_results(data.get("normal_results"), terms)
    damps = tuple(_damp(item, terms) for item in _tables(data, "damp"))
    cues = _table(data, "cues")
    age = _table(data, "age")
    decision = _table(data, "decision")
    return Lexicon(
        terms=_phrase_table(terms),
        after_number=_phrase_table(after),
        deletions=_deletion_index(
            key[0] for key, found in terms.items() if len(key) == 1 and found
        ),
        combinations=combinations,
        cues=Cues(
            request_before=_folded_set(cues, "request_before"),
            request_after=_folded_set(cues, "request_after"),
            self_before=_folded_set(cues, "self_before"),
            passing_before=_folded_set(cues, "passing_before"),
            negated_before=_folded_set(cues, "negated_before"),
            negation_bridge=_folded_set(cues, "negation_bridge"),
            negated_phrases=frozenset(
                tuple(fold(phrase).split()) for phrase in _strings(cues, "negated_phrases")
            ),
            negated_after=_folded_set(cues, "negated_after"),
            after_bridge=_folded_set(cues, "after_bridge"),
        ),
        age=AgeRule(
            geriatrics_from=int(_number(age, "geriatrics_from")),
            geriatrics_weight=_number(age, "geriatrics_weight"),
            pediatrics_below=int(_number(age, "pediatrics_below")),
            pediatrics_weight=_number(age, "pediatrics_weight"),
        ),
        name_weight=_number(weights, "name"),
        request_weight=_number(weights, "request"),
        typo_factor=_number(weights, "typo_factor"),
        two_drug_weight=_number(weights, "drugs_of_two_specialties"),
        thin=_number(decision, "thin"),
        close=_number(decision, "close"),
        lead=_number(decision, "lead") if "lead" in decision else math.inf,
        modifiers=_slugs(decision, "modifiers"),
        partners=_partners(decision),
        who=tuple(_who(item) for item in _tables(data, "who")),
        term_counts=MappingProxyType(counts),
        capitals_only=frozenset(term_key(term) for term in _strings(cues, "capitals_only")),
        contexts=contexts,
        normal_results=normal,
        damps=damps,
        damped_terms=frozenset(key for damp in damps for key in damp.terms),
        typical_weight=_number(weights, "typical"),
        history=_history(data.get("history")),
        ordinary=frozenset(
            word for word in ordinary_words if len(word) >= _TYPO_MIN and word.isalpha()
        ),
    )


def _who(item: Mapping[str, Any]) -> Who:
    slug = item.get("specialty")
    if slug not in SPECIALTIES:
        raise LexiconError(f"a [[who]] rule for an unknown specialty: {slug!r}")
    factor = _number(item, "factor")
    if factor >= 1.0:
        raise LexiconError(f"the [[who]] rule for {slug} needs a factor below 1")
    terms = frozenset(term_key(term) for term in _strings(item, "terms"))
    return Who(slug=str(slug), terms=terms, factor=factor, least=_number(item, "least"))


def _slugs(data: Mapping[str, Any], key: str) -> frozenset[str]:
    slugs = frozenset(_strings(data, key))
    unknown = sorted(slugs - set(SPECIALTIES))
    if unknown:
        raise LexiconError(f"unknown specialty slugs in {key}: {', '.join(unknown)}")
    return slugs


def _partners(decision: Mapping[str, Any]) -> frozenset[frozenset[str]]:
    value = decision.get("partners", [])
    if not isinstance(value, list) or not all(
        isinstance(pair, list) and len(pair) == 2 and set(pair) <= set(SPECIALTIES)
        for pair in value
    ):
        raise LexiconError("partners must be a list of pairs of specialty slugs")
    return frozenset(frozenset(pair) for pair in value)


def _contexts(
    items: Sequence[Mapping[str, Any]], terms: dict[tuple[str, ...], dict[str, _Entry]]
) -> Mapping[tuple[str, ...], tuple[Context, ...]]:
    found: dict[tuple[str, ...], list[Context]] = {}
    for item in items:
        slug = item.get("specialty")
        if slug not in SPECIALTIES:
            raise LexiconError(f"context rule for an unknown specialty: {slug!r}")
        term = str(item.get("term", ""))
        cues = frozenset(part for cue in _strings(item, "cues") for part in term_key(cue))
        if not term or not cues:
            raise LexiconError(f"the context rule for {slug} needs a 'term' and 'cues'")
        key = term_key(term)
        terms.setdefault(key, {})
        entry = _Entry(str(slug), _number(item, "weight"), f"{term} ({slug} context)", False)
        found.setdefault(key, []).append(Context(cues, entry))
    return MappingProxyType({key: tuple(rules) for key, rules in found.items()})


def _history(section: Any) -> History:
    if section is None:
        return _NO_HISTORY
    if not isinstance(section, dict):
        raise LexiconError("[history] must be a table")
    return History(
        cues=_folded_set(section, "cues"),
        fillers=_folded_set(section, "fillers"),
        factor=_number(section, "factor"),
    )


def _damp(item: Mapping[str, Any], terms: dict[tuple[str, ...], dict[str, _Entry]]) -> Damp:
    label = str(item.get("label", "damp"))
    damped = frozenset(term_key(term) for term in _strings(item, "terms"))
    when = frozenset(term_key(term) for term in _strings(item, "when"))
    factor = _number(item, "factor")
    if not damped or factor > 1.0:
        raise LexiconError(f"the damp rule {label!r} needs 'terms' and a factor of at most 1")
    for key in when:
        terms.setdefault(key, {})  # findable even when no specialty lists it
    return Damp(
        label=label,
        terms=damped,
        when=when,
        with_drug=bool(item.get("with_drug", False)),
        ages=bool(item.get("ages", False)),
        factor=factor,
        with_age=_with_age(item),
    )


def _with_age(item: Mapping[str, Any]) -> str:
    slug = str(item.get("with_age", ""))
    if slug and slug not in SPECIALTIES:
        raise LexiconError(f"a damp rule's with_age must be a specialty slug, not {slug!r}")
    return slug


def _normal_results(
    section: Any, terms: dict[tuple[str, ...], dict[str, _Entry]]
) -> NormalResults:
    if section is None:
        return _NO_NORMAL_RESULTS
    if not isinstance(section, dict):
        raise LexiconError("[normal_results] must be a table")
    tests = frozenset(term_key(term) for term in _strings(section, "tests"))
    for key in tests:
        terms.setdefault(key, {})
    return NormalResults(
        tests=tests,
        words=_folded_set(section, "words"),
        fillers=_folded_set(section, "fillers"),
        factor=_number(section, "factor"),
    )


def _combination(
    item: Mapping[str, Any], terms: dict[tuple[str, ...], dict[str, _Entry]]
) -> Combination:
    slug = item.get("specialty")
    if slug not in SPECIALTIES:
        raise LexiconError(f"combination for an unknown specialty: {slug!r}")
    first = _strings(item, "first")
    second = _strings(item, "second")
    if not first or not second:
        raise LexiconError(f"the combination for {slug} needs 'first' and 'second' terms")
    for term in (*first, *second):
        if term != ANY_DRUG:
            terms.setdefault(term_key(term), {})  # findable even when no specialty lists it
    return Combination(
        slug=str(slug),
        weight=_number(item, "weight"),
        label=str(item.get("label", "combination")),
        first=frozenset(term_key(term) for term in first if term != ANY_DRUG),
        first_any_drug=ANY_DRUG in first,
        second=frozenset(term_key(term) for term in second),
    )


def _add(table: dict[tuple[str, ...], dict[str, _Entry]], term: str, entry: _Entry) -> int:
    key = term_key(term)
    if all(stem.isdigit() for stem in key):
        raise LexiconError(f"term {term!r} of {entry.slug} needs a word, not only numbers")
    per_slug = table.setdefault(key, {})
    slot = f"{entry.slug}:{entry.is_name}"
    current = per_slug.get(slot)
    if current is None:
        per_slug[slot] = entry
    elif entry.weight > current.weight or (entry.is_drug and not current.is_drug):
        is_drug = entry.is_drug or current.is_drug
        weight = max(entry.weight, current.weight)
        home = entry.home or current.home
        per_slug[slot] = _Entry(entry.slug, weight, current.label, entry.is_name, is_drug, home)
    return 1


def _phrase_table(table: Mapping[tuple[str, ...], Mapping[str, _Entry]]) -> _PhraseTable:
    lengths: dict[str, set[int]] = {}
    for key in table:
        lengths.setdefault(key[0], set()).add(len(key))
    return _PhraseTable(
        phrases={key: tuple(slots.values()) for key, slots in table.items()},
        lengths={first: tuple(sorted(sizes, reverse=True)) for first, sizes in lengths.items()},
    )


def _deletion_index(stems: Iterable[str]) -> Mapping[str, tuple[tuple[str, int], ...]]:
    """Long single-word stems with one letter deleted → the stems and positions they come from."""
    index: dict[str, set[tuple[str, int]]] = {}
    for stem in stems:
        if len(stem) >= _TYPO_MIN and stem.isalpha():
            for position in range(len(stem)):
                shorter = stem[:position] + stem[position + 1 :]
                index.setdefault(shorter, set()).add((stem, position))
    return {key: tuple(sorted(values)) for key, values in index.items()}


def _tables(data: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise LexiconError(f"[[{key}]] must be an array of tables")
    return list(value)


def _table(data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = data.get(key)
    if not isinstance(value, dict):
        raise LexiconError(f"the lexicon needs a [{key}] table")
    return value


def _number(data: Mapping[str, Any], key: str) -> float:
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise LexiconError(f"{key} must be a non-negative number")
    return float(value)


def _strings(data: Mapping[str, Any], key: str) -> list[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise LexiconError(f"{key} must be a list of strings")
    return list(value)


def _folded_set(data: Mapping[str, Any], key: str) -> frozenset[str]:
    return frozenset(fold(word) for word in _strings(data, key))


# --- classifying ---------------------------------------------------------------------------------


@dataclass(slots=True)
class _Tally:
    """Scores and evidence gathered while reading one question."""

    scores: dict[str, float] = field(default_factory=dict)
    evidence: dict[str, list[tuple[float, str]]] = field(default_factory=dict)
    seen: set[tuple[str, str]] = field(default_factory=set)
    names: dict[str, tuple[float, str]] = field(default_factory=dict)
    keys: set[tuple[str, ...]] = field(default_factory=set)
    drug: bool = False
    drug_homes: dict[tuple[str, ...], set[str]] = field(default_factory=dict)
    age_factor: float = 1.0
    aged: set[str] = field(default_factory=set)  # specialties a stated age counts for
    # terms found after a number ("40 PA"): their key, entry and label, added once the damp
    # rules are known (a smoker's pack-years are background like "fumeur")
    numbered: list[tuple[tuple[str, ...], _Entry, str]] = field(default_factory=list)
    # specialties with evidence other than who the patient is (see ``Who``)
    problem: set[str] = field(default_factory=set)

    def add(self, slug: str, weight: float, label: str) -> None:
        if (slug, label) in self.seen or weight <= 0:
            return
        self.seen.add((slug, label))
        self.scores[slug] = self.scores.get(slug, 0.0) + weight
        self.evidence.setdefault(slug, []).append((weight, label))

    def add_name(self, slug: str, weight: float, label: str) -> None:
        if weight > self.names.get(slug, (0.0, ""))[0]:
            self.names[slug] = (weight, label)

    def settle(self, combinations: Iterable[Combination], two_drug_weight: float) -> None:
        for slug, (weight, label) in self.names.items():
            self.add(slug, weight, label)
            self.problem.add(slug)
        if _unrelated_drugs(list(self.drug_homes.values())):  # an interaction question?
            self.add("pharmacology", two_drug_weight, "drugs of two specialties")
            self.problem.add("pharmacology")
        for combination in combinations:
            first = (combination.first_any_drug and self.drug) or not self.keys.isdisjoint(
                combination.first
            )
            if first and not self.keys.isdisjoint(combination.second):
                self.add(combination.slug, combination.weight, combination.label)
                self.problem.add(combination.slug)

    def yield_who(self, rules: Iterable[Who]) -> None:
        """Cap a specialty whose only evidence is who the patient is below the best specialty
        with evidence of the problem."""
        for rule in rules:
            score = self.scores.get(rule.slug, 0.0)
            if not score or rule.slug in self.problem:
                continue
            best = max(
                (value for slug, value in self.scores.items() if slug in self.problem),
                default=0.0,
            )
            if best >= rule.least and score > rule.factor * best:
                self.scores[rule.slug] = rule.factor * best


def _unrelated_drugs(homes: list[set[str]]) -> bool:
    """Two of the drugs found have no specialty in common."""
    return any(
        first.isdisjoint(second)
        for index, first in enumerate(homes)
        for second in homes[index + 1 :]
    )


def classify(text: str) -> Triage:
    """Suggest the specialty of a clinical question, with its ranking and evidence."""
    return classify_with(load_lexicon(), text)


def classify_with(lexicon: Lexicon, text: str) -> Triage:
    """Classify ``text`` with a given compiled lexicon (``classify`` uses the packaged one)."""
    folded = fold(text)
    raw = split_folded(folded)
    tally = _Tally()
    ages = _match_numbers(lexicon, raw, tally, _sexed_ages(text))
    tally.aged.update(slug for slug, _, _ in ages)
    damped = _match_terms(lexicon, text, folded, raw, tally)
    for key, entry, label in tally.numbered:
        tally.problem.add(entry.slug)
        factor = damped.get(key, 1.0)
        tally.add(
            entry.slug, entry.weight * factor, label if factor == 1.0 else f"{label} (background)"
        )
    for slug, weight, label in ages:
        tally.add(slug, weight * tally.age_factor, label)
    tally.settle(lexicon.combinations, lexicon.two_drug_weight)
    if lexicon.who:
        tally.yield_who(lexicon.who)
    return _decide(lexicon, tally)


def _match_terms(
    lexicon: Lexicon, text: str, folded: str, raw: Sequence[Token], tally: _Tally
) -> dict[tuple[str, ...], float]:
    """Add the terms of the question; return the damped terms' factors."""
    matches = _find_terms(lexicon, text, raw)
    normal = _reported_normal(lexicon.normal_results, raw, matches)
    damped = _damped(lexicon, matches, tally) if lexicon.damps else {}
    history = _in_history(lexicon.history, folded, raw, matches)
    contexts = lexicon.contexts
    stems_seen: frozenset[str] | None = None
    for index, match in enumerate(matches):
        _note_key(tally.keys, match.key)
        entries = match.entries
        rules = contexts.get(match.key)
        if rules:
            if stems_seen is None:
                stems_seen = frozenset(token.stem for token in raw)
            for rule in rules:
                if not rule.cues.isdisjoint(stems_seen):
                    entries = (rule.entry,)
                    break
        factor = match.factor * (lexicon.normal_results.factor if index in normal else 1.0)
        factor *= damped.get(match.key, 1.0)
        if index in history:
            factor *= lexicon.history.factor
        for entry in entries:
            if entry.is_name:
                weight = _name_weight(lexicon, folded, raw, match.first, match.last)
                tally.add_name(entry.slug, weight, _name_label(lexicon, entry, weight))
                continue
            if entry.is_drug:
                tally.drug = True
                if entry.home:
                    tally.drug_homes.setdefault(match.key, set()).add(entry.slug)
            label = entry.label if factor == 1.0 else f"{entry.label} (~)"
            if index in normal:
                label = f"{entry.label} (normal)"
            elif match.key in damped or index in history:
                label = f"{entry.label} (background)"
            tally.add(entry.slug, entry.weight * factor, label)
            if not any(
                rule.slug == entry.slug and match.key in rule.terms for rule in lexicon.who
            ):
                tally.problem.add(entry.slug)
    return damped


def _damped(
    lexicon: Lexicon, matches: Sequence[_Match], tally: _Tally
) -> dict[tuple[str, ...], float]:
    """The factor of each damped term key; a damped age is noted on the tally."""
    numbered = [key for key, _, _ in tally.numbered]
    if all(match.key not in lexicon.damped_terms for match in matches) and all(
        key not in lexicon.damped_terms for key in numbered
    ):
        return {}
    keys: set[tuple[str, ...]] = set()
    for match in matches:
        _note_key(keys, match.key)
    drug = any(entry.is_drug for match in matches for entry in match.entries)
    factors: dict[tuple[str, ...], float] = {}
    for rule in lexicon.damps:
        if not rule.applies(keys, drug, tally.aged) or not _other_evidence(
            lexicon, matches, rule.terms
        ):
            continue
        for key in (*(match.key for match in matches), *numbered):
            if key in rule.terms:
                factors[key] = min(factors.get(key, 1.0), rule.factor)
        if rule.ages:
            tally.age_factor = min(tally.age_factor, rule.factor)
    return factors


def _other_evidence(
    lexicon: Lexicon, matches: Sequence[_Match], damped: frozenset[tuple[str, ...]]
) -> bool:
    """Whether a term outside ``damped`` carries typical weight or more: there is a problem for
    the damped terms to be the background of."""
    return any(
        entry.weight >= lexicon.typical_weight and not entry.is_name
        for match in matches
        if match.key not in damped
        for entry in match.entries
    )


def _note_key(keys: set[tuple[str, ...]], key: tuple[str, ...]) -> None:
    """Record a matched term for the combinations, with its parts: "Cialis 5 mg" is also "Cialis"
    and "cancer du sein" also "sein"."""
    keys.add(key)
    if len(key) > 1:
        for size in range(1, len(key)):
            for start in range(len(key) - size + 1):
                keys.add(key[start : start + size])


_CAPITAL_WORD: Final = re.compile(r"[^\W_]+")


def _content(lexicon: Lexicon, text: str, raw: Sequence[Token]) -> list[int]:
    """Indices of the tokens to match: function words are set aside, unless one is written in
    capitals in a text that is not all capitals ("DE chez un diabétique") or starts a longer
    term ("ca 125"), and the lexicon has a term starting with it."""
    lengths = lexicon.terms.lengths
    content: list[int] = []
    capitals: dict[str, list[bool]] | None = None
    seen: dict[str, int] = {}
    for index, token in enumerate(raw):
        word = token.text
        if word not in STOPWORDS:
            content.append(index)
            continue
        occurrence = seen[word] = seen.get(word, -1) + 1
        if word not in lengths:
            continue
        if any(
            size > 1 and tuple(t.stem for t in raw[index : index + size]) in lexicon.terms.phrases
            for size in lengths[word]
        ):
            content.append(index)
            continue
        if word.upper() not in text:  # cheap: no capitals of it anywhere
            continue
        if capitals is None:
            shouting = not any(letter.islower() for letter in text)
            capitals = {} if shouting else capitalised_words(text)
        flags = capitals.get(word, ())
        if occurrence < len(flags) and flags[occurrence]:
            content.append(index)
    return content


def _find_terms(lexicon: Lexicon, text: str, raw: Sequence[Token]) -> list[_Match]:
    """The lexicon terms of the question, in order, the longest first at each place."""
    content = _content(lexicon, text, raw)
    stems = [raw[index].stem for index in content]
    capitals: frozenset[str] | None = None
    found: list[_Match] = []
    position = 0
    while position < len(stems):
        size, entries, cue = lexicon.terms.longest_with_cue_at(stems, position)
        if cue:
            last = content[position + cue - 1]
            cue_key = tuple(stems[position : position + cue])
            found.append(_Match(content[position], last, cue_key, (), 1.0))
        key = tuple(stems[position : position + size])
        factor = 1.0
        if not size:
            word = raw[content[position]].text
            corrected = None if lexicon.is_ordinary(word) else lexicon.typo_of(stems[position])
            if corrected is None:
                position += 1
                continue
            size, key, factor = 1, (corrected,), lexicon.typo_factor
            entries = lexicon.terms.phrases[key]
        if size == 1 and _unit_of_number(raw, content[position]):
            position += 1  # "20k€", "5g": a unit glued to a number, not "K+" or a term
            continue
        if key in lexicon.capitals_only:
            if capitals is None:
                capitals = frozenset(
                    fold(word) for word in _CAPITAL_WORD.findall(text) if word.isupper()
                )
            if key[0] not in capitals:  # "pr" (pour) in lower case is not "PR"
                position += 1
                continue
        found.append(_Match(content[position], content[position + size - 1], key, entries, factor))
        position += size
    return found


def _unit_of_number(raw: Sequence[Token], index: int) -> bool:
    """Whether ``raw[index]`` is a single letter glued to the number before it ("20k")."""
    token = raw[index]
    if len(token.text) != 1 or not index:
        return False
    before = raw[index - 1]
    return before.text.isdigit() and before.end == token.end - 1


def _in_history(
    rule: History, folded: str, raw: Sequence[Token], matches: Sequence[_Match]
) -> set[int]:
    """Indices of the terms listed right after a history cue ("ATCD d'IDM et de FA", "PMH:
    AF"): a run of terms with function words and fillers between; the first other word, or a
    punctuation mark (after the first term: "ATCD d'IDM, coloscopie ?"), ends it."""
    if not rule.cues or not any(token.text in rule.cues for token in raw):
        return set()
    starting = {match.first: index for index, match in enumerate(matches)}
    found: set[int] = set()
    for position, token in enumerate(raw):
        if token.text not in rule.cues:
            continue
        cursor = position + 1
        listed = False
        while cursor < len(raw):
            between = folded[raw[cursor - 1].end : raw[cursor].end - len(raw[cursor].text)]
            if listed and not _CLAUSE_BREAK.isdisjoint(between):
                break
            if cursor in starting:
                index = starting[cursor]
                found.add(index)
                listed = True
                cursor = matches[index].last + 1
                continue
            word = raw[cursor].text
            if not (word in STOPWORDS or word in rule.fillers or word in rule.cues):
                break
            cursor += 1
    return found


def _reported_normal(
    rule: NormalResults, raw: Sequence[Token], matches: Sequence[_Match]
) -> set[int]:
    """Indices of the test terms reported as normal: a run of tests (numbers, fillers between)
    that ends with, or follows, a "normal" word ("NFS, TSH, CRP tout normal", "normal LFTs").
    A number stops the run: a test given with its value is not reported as normal."""
    if not rule.words or not any(token.text in rule.words for token in raw):
        return set()
    test_at: dict[int, int] = {}
    for index, match in enumerate(matches):
        if match.key in rule.tests:
            for position in range(match.first, match.last + 1):
                test_at[position] = index
    normal: set[int] = set()
    for position, token in enumerate(raw):
        if token.text not in rule.words:
            continue
        for step in (-1, 1):
            cursor = position + step
            while 0 <= cursor < len(raw):
                word = raw[cursor].text
                if cursor in test_at:
                    normal.add(test_at[cursor])
                elif not (
                    (word in STOPWORDS and step < 0)  # "normal, and CRP 120": not reported normal
                    or word in rule.fillers
                    or word in rule.words
                ):  # a number is a value: "CRP 90, bilan infectieux négatif" is not CRP normal
                    break
                cursor += step
    if normal:  # the terms inside a normal test: "TDM" in "TDM TAP normal"
        spans = [(matches[index].first, matches[index].last) for index in normal]
        normal.update(
            index
            for index, match in enumerate(matches)
            if any(first <= match.first and match.last <= last for first, last in spans)
        )
    return normal


def _name_label(lexicon: Lexicon, entry: _Entry, weight: float) -> str:
    return f"{entry.label} (request)" if weight >= lexicon.request_weight else entry.label


def _name_weight(
    lexicon: Lexicon, folded: str, raw: Sequence[Token], first: int, last: int
) -> float:
    """How much a specialty name at ``raw[first..last]`` counts: request, passing, or self."""
    weight = _name_weight_by_cues(lexicon, folded, raw, first, last)
    if weight >= lexicon.request_weight and (
        _negated(lexicon.cues, folded, raw, first) or _negated_after(lexicon.cues, raw, last)
    ):
        return lexicon.name_weight  # "il refuse de voir un psy", "plutôt que cardio ?"
    return weight


_CLAUSE_BREAK: Final = frozenset(".,;:!?()\n")
_NEGATION_WINDOW: Final = 6


def _negated(cues: Cues, folded: str, raw: Sequence[Token], first: int) -> bool:
    """A negation or "déjà" before the name, in the same clause, reached only through words of
    seeing or needing ("refuse de voir un", "pas besoin de", "no need for a")."""
    for index in range(first - 1, max(first - 1 - _NEGATION_WINDOW, -1), -1):
        between = folded[raw[index].end : raw[index + 1].end - len(raw[index + 1].text)]
        if not _CLAUSE_BREAK.isdisjoint(between):
            return False
        word = raw[index].text
        if word in cues.negated_before or _ends_phrase(cues.negated_phrases, raw, index):
            return True
        if word not in cues.negation_bridge:
            return False
    return False


def _ends_phrase(phrases: frozenset[tuple[str, ...]], raw: Sequence[Token], index: int) -> bool:
    """Whether one of ``phrases`` ends at ``raw[index]`` ("plutot que", "rather than")."""
    return any(
        len(phrase) <= index + 1
        and all(raw[index - offset].text == word for offset, word in enumerate(reversed(phrase)))
        for phrase in phrases
    )


_AFTER_WINDOW: Final = 4


def _negated_after(cues: Cues, raw: Sequence[Token], last: int) -> bool:
    """The name is followed by words saying its specialist was already asked or cannot be
    reached ("le rhumato ne répond pas", "cardio said it was fine", "derm isn't answering")."""
    for token in raw[last + 1 : last + 1 + _AFTER_WINDOW]:
        if token.text in cues.negated_after:
            return True
        if token.text not in cues.after_bridge:
            return False
    return False


def _name_weight_by_cues(
    lexicon: Lexicon, folded: str, raw: Sequence[Token], first: int, last: int
) -> float:
    cues = lexicon.cues
    article = ""
    for index in range(first - 1, max(first - 1 - _CUE_WINDOW, -1), -1):
        between = folded[raw[index].end : raw[index + 1].end - len(raw[index + 1].text)]
        if not _CLAUSE_BREAK.isdisjoint(between):
            break  # "avis interniste svp, le rhumato …": the "svp" asks for the internist
        word = raw[index].text
        if word in _LOOKED_THROUGH:
            continue  # "avis de gériatre"
        if word in _PASSING_ARTICLES or word in _REQUEST_ARTICLES:
            article = article or word
            continue
        if word in cues.self_before:
            return 0.0
        if word in cues.passing_before:
            return lexicon.name_weight
        if word in cues.request_before:
            quoted = index and raw[index - 1].text in cues.passing_before
            if article in _PASSING_ARTICLES and quoted:
                return lexicon.name_weight  # "according to the gastro"
            return lexicon.request_weight
        break
    after = [token.text for token in raw[last + 1 : last + 3]]
    tail = folded[raw[last].end : raw[last].end + 3].lstrip(" ")
    if tail[:1] == ":" and _introduces_the_asker(folded, raw, first):
        return lexicon.name_weight  # "Sage-femme : maman de 31 ans…", "Interne en ortho : …"
    if (
        any(word in cues.request_after for word in after)
        or tail[:1] in {"?", ":"}
        or _asked_with_another(lexicon, folded, raw, last)
    ):
        return lexicon.request_weight if article not in _PASSING_ARTICLES else lexicon.name_weight
    if article in _REQUEST_ARTICLES:
        return lexicon.request_weight
    return lexicon.name_weight


# Words looked through before a specialty name: "avis de gériatre".
_LOOKED_THROUGH: Final = frozenset({"de", "d"})
_INTRODUCTION_WORDS: Final = 5
_ALTERNATIVES: Final = frozenset({"ou", "or", "vs", "versus"})


def _introduces_the_asker(folded: str, raw: Sequence[Token], first: int) -> bool:
    """Whether the name at ``raw[first]`` is in a short heading that opens the question, before
    a colon, with nothing before it but a few words: "Sage-femme : …", "Interne en ortho : …",
    "PMI : une maman demande…" say who asks, not whom they ask ("@hémato :" does)."""
    start = raw[first].end - len(raw[first].text)
    return (
        first < _INTRODUCTION_WORDS
        and _CLAUSE_BREAK.isdisjoint(folded[:start])
        and ("@" not in folded[:start])
    )


def _asked_with_another(lexicon: Lexicon, folded: str, raw: Sequence[Token], last: int) -> bool:
    """Whether the name is the first of two offered as alternatives and the question ends right
    after the second: "Néphro ou uro ?" asks for both."""
    if last + 2 >= len(raw) or raw[last + 1].text not in _ALTERNATIVES:
        return False
    size, entries = lexicon.terms.longest_at([token.stem for token in raw], last + 2)
    if not size or not any(entry.is_name for entry in entries):
        return False
    end = raw[last + 1 + size].end
    return folded[end : end + 3].lstrip(" ")[:1] == "?"


# "70M", "65F", "32F": in clinical shorthand a number glued to a capital M or F is an age in
# years and a sex, not 70 months.
_SEXED_AGE: Final = re.compile(r"(?<![\w.,])(\d{1,3})[MF](?![^\W\d_])")


def _sexed_ages(text: str) -> frozenset[str]:
    """The numbers glued to a capital M or F in ``text`` ("70M", "65F")."""
    if "M" not in text and "F" not in text:
        return frozenset()
    return frozenset(_SEXED_AGE.findall(text))


def _match_numbers(
    lexicon: Lexicon, raw: Sequence[Token], tally: _Tally, sexed: frozenset[str] = frozenset()
) -> list[tuple[str, float, str]]:
    """Note the terms that count after a number (added once the damp rules are known); return
    the stated ages' evidence (specialty, weight, label), likewise added later."""
    ages: list[tuple[str, float, str]] = []
    stems = [token.stem for token in raw]
    for index, token in enumerate(raw[:-1]):
        if not token.text.isdigit():
            continue
        size, entries = lexicon.after_number.longest_at(stems, index + 1)
        if size:
            key = tuple(stems[index + 1 : index + 1 + size])
            _note_key(tally.keys, key)
            for entry in entries:
                tally.numbered.append((key, entry, f"{token.text} {entry.label}"))
        stated = _age_in_years(raw, index, sexed)
        if stated is None:
            continue
        years, label = stated
        age = lexicon.age
        if years >= age.geriatrics_from:
            ages.append(("geriatrics", age.geriatrics_weight, label))
        elif years < age.pediatrics_below:
            ages.append(("pediatrics", age.pediatrics_weight, label))
    return ages


def _age_in_years(
    raw: Sequence[Token], index: int, sexed: frozenset[str] = frozenset()
) -> tuple[float, str] | None:
    """The age stated at ``raw[index]`` ("89 ans", "90yo", "bébé de 4 mois", "70M"), if it is
    one, in years, with a label in the unit it was given in. ``sexed`` are the numbers written
    glued to a capital M or F: ages in years ("70M"), unless a baby word makes "18M" months."""
    number, unit = raw[index], raw[index + 1]
    if len(number.text) > 3:
        return None
    before = raw[index - 1].text if index else ""
    before2 = raw[index - 2].text if index > 1 else ""
    after = raw[index + 2].text if index + 2 < len(raw) else ""
    if after == "de" and index + 3 < len(raw):
        after = raw[index + 3].text  # "10 jours de vie"
    ago = before == "a" and before2 == "y"  # "il y a 10 ans"
    if ago or before in _DURATION_BEFORE or after in _DURATION_AFTER:
        return None
    value = int(number.text)
    glued = unit.end - len(unit.text) == number.end
    if (
        unit.text in _YEAR_UNITS
        or (glued and unit.text in _GLUED_YEAR_UNITS)
        or (unit.text == "y" and after == "o")  # "5 y/o"
    ):
        return float(value), f"age {value}"
    # "3 weeks old", "bébé de 6 semaines", "10 jours de vie": weeks and days need such a cue
    young = (
        after in _AGE_AFTER or before in _BABY_WORDS or (before == "de" and before2 in _BABY_WORDS)
    )
    if glued and unit.text in _SEX_UNITS and number.text in sexed and not young:
        return float(value), f"age {value}"  # "in a 70M", "65F"
    # a bare "m" is months only for a baby or a small number ("18m boy", "à 9m")
    bare = unit.text == "m" and not young and value > _BARE_MONTHS_MAX
    if unit.text in _MONTH_UNITS and (young or before in _AGE_BEFORE) and not bare:
        return value / 12, f"age {value} months"
    if unit.text in _WEEK_UNITS and young:
        return value / 52, f"age {value} weeks"
    if unit.text in _DAY_UNITS and young:
        return value / 365, f"age {value} days"
    return None


def _decide(lexicon: Lexicon, tally: _Tally) -> Triage:
    order = {slug: index for index, slug in enumerate(SPECIALTIES)}
    ranked = sorted(tally.scores.items(), key=lambda item: (-item[1], order[item[0]]))
    if not ranked:
        return Triage(
            specialty=FALLBACK,
            confidence=0.0,
            unsure=True,
            ranking=((FALLBACK, 0.0),),
            evidence=MappingProxyType({}),
        )
    best = ranked[0][1]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    requested = sum(weight >= lexicon.request_weight for weight, _ in tally.names.values())
    margin = (best - runner_up) / best
    strength = 1.0 - math.exp(-best / 3.0)
    return Triage(
        specialty=ranked[0][0],
        confidence=round(strength * (0.25 + 0.75 * margin), 3),
        unsure=best < lexicon.thin
        or requested > 1  # "psychologue ou psychiatre ?": the asker hesitates too
        or (
            runner_up >= lexicon.close * best
            and best - runner_up < lexicon.lead
            and not (runner_up < best and natural_partners(lexicon, ranked[0][0], ranked[1][0]))
        ),
        ranking=tuple((slug, round(score, 3)) for slug, score in ranked),
        evidence=MappingProxyType(
            {slug: _strongest_first(tally.evidence[slug]) for slug, _ in ranked}
        ),
    )


def natural_partners(lexicon: Lexicon, best: str, runner_up: str) -> bool:
    """Whether a close runner-up is the best's natural partner, so that either would do: one
    of them is a modifier (a child's ENT problem: ENT or pediatrics; a drug's dose for the
    kidney: pharmacology or nephrology) or the two are a listed pair (psychiatry, psychology)."""
    return (
        best in lexicon.modifiers
        or runner_up in lexicon.modifiers
        or frozenset((best, runner_up)) in lexicon.partners
    )


def _strongest_first(found: list[tuple[float, str]]) -> tuple[str, ...]:
    """The matched terms' labels, the heaviest first (ties keep the order of the text)."""
    if len(found) == 1:
        return (found[0][1],)
    return tuple(label for _, label in sorted(found, key=lambda item: -item[0]))
