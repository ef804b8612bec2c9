"""The triage lexicon: reading and checking ``lexicon.toml``, and the structures it compiles to.

A lexicon term is stored under its key, the stems of its words (``triage_text.term_key``), with
one ``Entry`` per specialty it points to; multi-word terms are found longest first through a
``PhraseTable``. The rules of the file (``[[combination]]``, ``[[context]]``, ``[[damp]]``,
``[[who]]``, ``[history]``, ``[normal_results]``, ``[cues]``, ``[age]``, ``[decision]``) become
small frozen dataclasses on the ``Lexicon``. Anything malformed raises ``LexiconError`` when the
file is compiled, never while classifying.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any, Final

from bot.domain import wordlists
from bot.domain.specialties import SPECIALTIES
from bot.domain.triage_text import (
    ACCENT_EXACT,
    CLAUSE_BREAK,
    STOPWORDS,
    Token,
    accent_stems,
    fold,
    stem,
    term_key,
    tokens,
)

LEXICON_RESOURCE: Final = "lexicon.toml"
TERM_GROUPS: Final = ("key", "strong", "typical", "weak", "drugs")
ANY_DRUG: Final = "@drug"
# Typos are looked for only in words of this many letters or more.
TYPO_MIN: Final = 7
_TYPO_CACHE_SIZE: Final = 1 << 16

Key = tuple[str, ...]  # a term's stems, function words removed


class LexiconError(ValueError):
    """The lexicon file is malformed: an unknown slug, a missing group, a bad weight."""


@dataclass(frozen=True, slots=True)
class Entry:
    """What one term counts for one specialty."""

    slug: str
    weight: float
    label: str
    is_name: bool
    is_drug: bool = False
    home: bool = False  # a drug listed under this specialty (not its share for pharmacology)
    # an accent-exact term ("=saignée"): the stems, accents kept, that the question's words must
    # have ("saignée" is not "saigne"); empty for the usual terms
    accents: tuple[str, ...] = ()

    def fits(self, accents: Sequence[str | None]) -> bool:
        """Whether the entry counts for words with these accented stems (None: not known)."""
        return not self.accents or tuple(accents) == self.accents


@dataclass(frozen=True, slots=True)
class Combination:
    """Two kinds of terms seen together point to a specialty (a drug in pregnancy).

    With ``negation``, a term negated in the question does not count ("pas de perte de poids",
    "no fever": see ``triage_match.negated_terms``); with ``skip_history``, nor does a term
    listed as history ("ATCD de chirurgie bariatrique", "depuis sa chirurgie", "since surgery");
    with ``with_age`` (a specialty slug), the combination needs a stated age that counts for
    that specialty ("à 85 ans")."""

    slug: str
    weight: float
    label: str
    first: frozenset[Key]
    first_any_drug: bool
    second: frozenset[Key]
    negation: bool = False
    skip_history: bool = False
    with_age: str = ""


@dataclass(frozen=True, slots=True)
class Context:
    """An ambiguous term read another way when certain words are in the question ("10 joints
    par jour": cannabis, not articulations), or right before it (``before``: the three words
    before, in its clause: "sent to the ED") or right after it (``after``: the next two words,
    in its clause: "ED visit"). A weight of 0 reads the term as nothing ("ED": the emergency
    department, not erectile dysfunction)."""

    cues: frozenset[str]
    entry: Entry
    before: frozenset[str] = frozenset()
    after: frozenset[str] = frozenset()

    def applies(
        self, stems: frozenset[str], folded: str, raw: Sequence[Token], first: int, last: int
    ) -> bool:
        """Whether the term at ``raw[first..last]`` is read this way (``stems``: the question's
        stems)."""
        if not self.cues.isdisjoint(stems):
            return True
        return _near(self.before, folded, raw, range(first - 1, first - 1 - _BEFORE, -1)) or (
            _near(self.after, folded, raw, range(last + 1, last + 1 + _AFTER))
        )


_BEFORE: Final = 3
_AFTER: Final = 2


def _near(words: frozenset[str], folded: str, raw: Sequence[Token], places: range) -> bool:
    """Whether one of ``words`` is at one of ``places`` (walking away from the term), before a
    clause break."""
    if not words:
        return False
    for index in places:
        if not 0 <= index < len(raw):
            return False
        start, end = sorted((index, index - places.step))
        if not CLAUSE_BREAK.isdisjoint(folded[raw[start].end : raw[end].start]):
            return False
        if raw[index].text in words:
            return True
    return False


@dataclass(frozen=True, slots=True)
class NormalResults:
    """Tests reported as normal ("NFS TSH CRP tout normal") keep only a share of their weight."""

    tests: frozenset[Key]
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
    # cues of a past event ("depuis sa chirurgie", "since surgery"): the terms listed after
    # them keep their weight, but a combination with ``skip_history`` does not count them
    since: frozenset[str] = frozenset()


_NO_HISTORY: Final = History(frozenset(), frozenset(), 1.0)


@dataclass(frozen=True, slots=True)
class Who:
    """A specialty whose only evidence is who the patient is (a stated age, "ado", "enfant")
    yields to the best specialty with evidence of the problem: its score is capped at
    ``factor`` of that one's ("pelade chez un ado de 14 ans": dermatology, pediatrics close),
    when that one has at least ``least`` (a problem named, not a vague symptom: "enfant de 4
    ans avec éruption fébrile" stays the pediatrician's)."""

    slug: str
    terms: frozenset[Key]
    factor: float
    least: float


@dataclass(frozen=True, slots=True)
class Damp:
    """Terms that set the scene rather than name the problem keep only a share of their weight:
    risk factors ("fumeur", "OH"), or the baby of a mother asking about a drug while
    breastfeeding. ``when`` (any of these terms), ``with_drug`` and ``with_age`` (an age
    counting for this specialty is stated, or "") are conditions; ``ages`` damps a stated age
    too (the baby's)."""

    label: str
    terms: frozenset[Key]
    when: frozenset[Key]
    with_drug: bool
    ages: bool
    factor: float
    with_age: str

    def applies(self, keys: set[Key], drug: bool, aged: Iterable[str]) -> bool:
        """Whether the conditions hold for a question with these term keys, a drug or not, and
        ages counting for the ``aged`` specialties."""
        return (
            (not self.when or not self.when.isdisjoint(keys))
            and (drug or not self.with_drug)
            and (not self.with_age or self.with_age in aged)
        )


@dataclass(frozen=True, slots=True)
class PhraseTable:
    """Terms keyed by their stems, and for each first stem the term lengths, longest first.

    A key with no entries is a cue: a term a rule looks for (a ``[[combination]]`` term, a test
    of ``[normal_results]``…) that no specialty lists."""

    phrases: Mapping[Key, tuple[Entry, ...]]
    lengths: Mapping[str, tuple[int, ...]]

    def longest_at(self, stems: Sequence[str], start: int) -> tuple[int, tuple[Entry, ...]]:
        """The longest term starting at ``stems[start]``: its length and entries, or (0, ())."""
        size, entries, _ = self.longest_with_cue_at(stems, start)
        return size, entries

    def longest_with_cue_at(
        self, stems: Sequence[str], start: int
    ) -> tuple[int, tuple[Entry, ...], int]:
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
    negated_before: frozenset[str]
    negation_bridge: frozenset[str]
    # "plutôt que", "rather than", "au lieu de": several words that exclude the name after them
    negated_phrases: frozenset[Key]
    # "le rhumato ne répond pas", "cardio said": the first word after the name (``after_bridge``
    # words skipped) says the specialist was already asked or cannot be reached
    negated_after: frozenset[str]
    after_bridge: frozenset[str]
    # ``negated_before`` less the words that negate a name only ("plus" is also "and", "déjà
    # sous AOD" is not "no AOD"): what negates a term for a combination with ``negation``
    term_negations: frozenset[str] = frozenset()


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

    terms: PhraseTable
    after_number: PhraseTable
    # long single-word stems with one letter deleted → the stems and positions they come from
    deletions: Mapping[str, tuple[tuple[str, int], ...]]
    term_counts: Mapping[str, int]  # terms and names listed per specialty
    capitals_only: frozenset[Key]
    combinations: tuple[Combination, ...]
    contexts: Mapping[Key, tuple[Context, ...]]
    normal_results: NormalResults
    damps: tuple[Damp, ...]
    damped_terms: frozenset[Key]  # all the damps' terms
    history: History
    since: History  # the history rule of ``History.since`` (see ``Combination.skip_history``)
    who: tuple[Who, ...]
    cues: Cues
    age: AgeRule
    name_weight: float
    request_weight: float
    typical_weight: float
    typo_factor: float
    two_drug_weight: float
    # dictionary words (folded, seven letters or more): known words are never typos
    ordinary: frozenset[str]
    thin: float
    close: float
    # a runner-up within `close` of the best is close only while the lead is below this
    lead: float
    # a close runner-up that is the best's natural partner (one of them a modifier such as
    # pediatrics or pharmacology, or a listed pair) does not make the answer unsure
    modifiers: frozenset[str]
    partners: frozenset[frozenset[str]]
    # the learned word weights (``triage_words``): how many points their probabilities share
    # out, the least probability that counts, and the least that stands alone when no term of
    # the lexicon was found
    words_weight: float = 0.0
    words_least: float = 1.0
    words_alone: float = 1.0
    words_sure: float = 1.0
    # the share of their weight kept by the terms outside the clause that asks, when one does
    context_factor: float = 1.0
    # the one-word terms only the lexicon's rules can read (abbreviations that count only in
    # capitals, words read by their context: "US", "ED"): the learned word weights leave them
    # out, as they see neither case nor context
    ambiguous: frozenset[str] = frozenset()
    # whether a combination asks for its terms not to be negated (then negations are looked for)
    negating: bool = False
    accented: frozenset[Key] = frozenset()  # the keys with an accent-exact entry
    since_needed: bool = False  # whether a combination skips history (then "depuis" is read)
    # Memo of typo look-ups (a cache, not state: the answer for a word never changes).
    typo_cache: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)

    def is_ordinary(self, word: str) -> bool:
        """Whether a folded word is a dictionary word, singular or plural ("missing")."""
        return word in self.ordinary or (word[-1:] in "sx" and word[:-1] in self.ordinary)

    def typo_of(self, stem: str) -> str | None:
        """The single-word lexicon stem one edit away from ``stem`` (which matched nothing)."""
        if len(stem) < TYPO_MIN or not stem.isalpha():
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
            if (shorter,) in self.terms.phrases and len(shorter) >= TYPO_MIN:
                found.add(shorter)  # a letter too many in the input
            for word, position in self.deletions.get(shorter, ()):
                if abs(position - index) <= 1:
                    found.add(word)  # a letter replaced (same place) or two swapped (adjacent)
        found.discard(stem)
        # Phone typos keep the first and the last letter; "recurrent" is not "recurrence".
        kept = sorted(word for word in found if word[0] == stem[0] and word[-1] == stem[-1])
        return kept[0] if kept else None


# --- loading and compiling -----------------------------------------------------------------------

# While compiling: each term key → its entries, one per (specialty, is a name, accents).
_Terms = dict[Key, dict[tuple[str, bool, tuple[str, ...]], Entry]]


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
    terms: _Terms = {}
    after: _Terms = {}
    counts: dict[str, int] = {}
    for slug in SPECIALTIES:
        section = _table(specialties, slug) if slug in specialties else {}
        counts[slug] = 0
        for name in _strings(section, "names"):
            _add(terms, name, Entry(slug, 0.0, name, is_name=True), f"[specialty.{slug}] names")
            counts[slug] += 1
        for group in TERM_GROUPS:
            where = f"[specialty.{slug}] {group}"
            weight = _number(weights, group)
            is_drug = group == "drugs"
            if is_drug and slug == "pharmacology":
                weight = drug_share
            for written in _strings(section, group):
                term, accents = _accent_exact(written, where)
                entry = Entry(slug, weight, term, False, is_drug, is_drug, accents)
                _add(terms, term, entry, where)
                counts[slug] += 1
                if is_drug and slug != "pharmacology":
                    share = Entry("pharmacology", drug_share, term, False, True, False, accents)
                    _add(terms, term, share, where)
        where = f"[specialty.{slug}] after_number"
        for term in _strings(section, "after_number"):
            entry = Entry(slug, _number(weights, "after_number"), term, is_name=False)
            _add(after, term, entry, where)
            counts[slug] += 1
    # The rules' own terms are made findable (a cue) even when no specialty lists them.
    combinations = tuple(_combination(item, terms) for item in _tables(data, "combination"))
    contexts = _contexts(_tables(data, "context"), terms)
    normal = _normal_results(_optional_table(data, "normal_results"), terms)
    damps = tuple(_damp(item, terms) for item in _tables(data, "damp"))
    cues = _table(data, "cues")
    age = _table(data, "age")
    decision = _table(data, "decision")
    history = _history(_optional_table(data, "history"))
    # (Keyword order is evaluation order: when a file has several faults, the first one found
    # is the one reported.)
    capitals_only = frozenset(term_key(term) for term in _strings(cues, "capitals_only"))
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
            term_negations=_folded_set(cues, "negated_before")
            - _folded_set(cues, "name_only_negations"),
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
        lead=_number(decision, "lead", math.inf),
        modifiers=_slugs(decision, "modifiers"),
        partners=_partners(decision),
        words_weight=_number(weights, "words", 0.0),
        words_least=_number(decision, "words_least", 1.0),
        words_alone=_number(decision, "words_alone", 1.0),
        words_sure=_number(decision, "words_sure", 1.0),
        context_factor=_number(weights, "context", 1.0),
        ambiguous=_one_word(capitals_only) | _one_word(contexts),
        who=tuple(_who(item) for item in _tables(data, "who")),
        term_counts=MappingProxyType(counts),
        capitals_only=capitals_only,
        contexts=contexts,
        normal_results=normal,
        damps=damps,
        damped_terms=frozenset(key for damp in damps for key in damp.terms),
        typical_weight=_number(weights, "typical"),
        history=history,
        since=History(history.since, history.fillers, 1.0),
        ordinary=frozenset(
            word for word in ordinary_words if len(word) >= TYPO_MIN and word.isalpha()
        ),
        negating=any(combination.negation for combination in combinations),
        accented=frozenset(
            key for key, found in terms.items() if any(entry.accents for entry in found.values())
        ),
        since_needed=any(combination.skip_history for combination in combinations),
    )


def _one_word(keys: Iterable[Key]) -> frozenset[str]:
    return frozenset(key[0] for key in keys if len(key) == 1)


def _add(table: _Terms, term: str, entry: Entry, where: str) -> None:
    """Add ``entry`` under the key of ``term``: one entry per specialty for its names, one for
    its terms. A second listing replaces the first only when it is heavier, or a drug where the
    first was not; the first label stays, and the drug flags of both are kept. ``where`` names
    the list of the file the term is in, for the errors."""
    key = checked_key(term, where)
    if all(part.isdigit() for part in key):
        raise LexiconError(f"term {term!r} of {entry.slug} needs a word, not only numbers")
    per_slug = table.setdefault(key, {})
    slot = (entry.slug, entry.is_name, entry.accents)
    current = per_slug.get(slot)
    if current is None:
        per_slug[slot] = entry
    elif entry.weight > current.weight or (entry.is_drug and not current.is_drug):
        is_drug = entry.is_drug or current.is_drug
        weight = max(entry.weight, current.weight)
        home = entry.home or current.home
        per_slug[slot] = Entry(
            entry.slug, weight, current.label, entry.is_name, is_drug, home, entry.accents
        )


def _accent_exact(written: str, where: str) -> tuple[str, tuple[str, ...]]:
    """A term as written in a specialty's list: the term, and its accented stems when it is
    accent-exact ("=saignée" → "saignée", ("saigné",)), or none."""
    if not written.startswith(ACCENT_EXACT):
        return written, ()
    term = written[len(ACCENT_EXACT) :]
    key = checked_key(term, where)
    words = [(folded, kept) for folded, kept in accent_stems(term) if folded not in STOPWORDS]
    if tuple(stem(folded) for folded, _ in words) != key:
        raise LexiconError(
            f"accent-exact term {written!r} in {where} must be plain words (letters, no "
            "numbers glued to them, no function word in capitals)"
        )
    return term, tuple(kept for _, kept in words)


def checked_key(term: str, where: str) -> Key:
    """The key of ``term``; raise ``LexiconError`` when a term of several words keeps a single
    word once the function words are dropped ("pas encore la marche" would be every "marche")."""
    if term.startswith(ACCENT_EXACT):
        raise LexiconError(
            f"term {term!r} in {where}: accent-exact terms ('=…') belong in a specialty's "
            "key, strong, typical, weak or drugs list"
        )
    key = term_key(term)
    if len(key) == 1:
        words = [token.text for token in tokens(term)]
        if len(words) > 1:
            kept = " ".join(word for word in words if word not in STOPWORDS) or key[0]
            dropped = ", ".join(word for word in words if word in STOPWORDS)
            raise LexiconError(
                f"term {term!r} in {where} is only {kept!r} once the little words ({dropped}) "
                f"are dropped, so it would match every {kept!r}: write a phrase that keeps two "
                "content words, or the word alone if that is what you mean"
            )
    return key


def _findable(table: _Terms, key: Key) -> None:
    """Make ``key`` a cue of ``table`` when no specialty lists it."""
    table.setdefault(key, {})


def _phrase_table(table: _Terms) -> PhraseTable:
    lengths: dict[str, set[int]] = {}
    for key in table:
        lengths.setdefault(key[0], set()).add(len(key))
    return PhraseTable(
        phrases={key: tuple(slots.values()) for key, slots in table.items()},
        lengths={first: tuple(sorted(sizes, reverse=True)) for first, sizes in lengths.items()},
    )


def _deletion_index(stems: Iterable[str]) -> Mapping[str, tuple[tuple[str, int], ...]]:
    """Long single-word stems with one letter deleted → the stems and positions they come from."""
    index: dict[str, set[tuple[str, int]]] = {}
    for word in stems:
        if len(word) >= TYPO_MIN and word.isalpha():
            for position in range(len(word)):
                shorter = word[:position] + word[position + 1 :]
                index.setdefault(shorter, set()).add((word, position))
    return {key: tuple(sorted(values)) for key, values in index.items()}


# --- the rules -----------------------------------------------------------------------------------


def _combination(item: Mapping[str, Any], terms: _Terms) -> Combination:
    slug = _rule_slug(item, "combination")
    first = _strings(item, "first")
    second = _strings(item, "second")
    if not first or not second:
        raise LexiconError(f"the combination for {slug} needs 'first' and 'second' terms")
    label = str(item.get("label", "combination"))
    where = f"the [[combination]] {label!r}"
    first_keys = frozenset(checked_key(term, where) for term in first if term != ANY_DRUG)
    second_keys = frozenset(checked_key(term, where) for term in second)
    for key in first_keys | second_keys:
        _findable(terms, key)
    return Combination(
        slug=slug,
        weight=_number(item, "weight"),
        label=label,
        first=first_keys,
        first_any_drug=ANY_DRUG in first,
        second=second_keys,
        negation=_flag(item, "negation", where),
        skip_history=_flag(item, "skip_history", where),
        with_age=_age_slug(item, where),
    )


def _contexts(
    items: Sequence[Mapping[str, Any]], terms: _Terms
) -> Mapping[Key, tuple[Context, ...]]:
    found: dict[Key, list[Context]] = {}
    for item in items:
        slug = _rule_slug(item, "context rule")
        term = str(item.get("term", ""))
        cues = frozenset(part for cue in _strings(item, "cues") for part in term_key(cue))
        before = _folded_set(item, "before")
        after = _folded_set(item, "after")
        if not term or not (cues or before or after):
            raise LexiconError(
                f"the context rule for {slug} needs a 'term' and 'cues', 'before' or 'after'"
            )
        key = checked_key(term, f"the [[context]] rule for {slug}")
        _findable(terms, key)
        entry = Entry(slug, _number(item, "weight"), f"{term} ({slug} context)", is_name=False)
        found.setdefault(key, []).append(Context(cues, entry, before, after))
    return MappingProxyType({key: tuple(rules) for key, rules in found.items()})


def _normal_results(section: Mapping[str, Any] | None, terms: _Terms) -> NormalResults:
    if section is None:
        return _NO_NORMAL_RESULTS
    tests = frozenset(
        checked_key(term, "[normal_results] tests") for term in _strings(section, "tests")
    )
    for key in tests:
        _findable(terms, key)
    return NormalResults(
        tests=tests,
        words=_folded_set(section, "words"),
        fillers=_folded_set(section, "fillers"),
        factor=_number(section, "factor"),
    )


def _damp(item: Mapping[str, Any], terms: _Terms) -> Damp:
    label = str(item.get("label", "damp"))
    where = f"the [[damp]] rule {label!r}"
    damped = frozenset(checked_key(term, where) for term in _strings(item, "terms"))
    when = frozenset(checked_key(term, where) for term in _strings(item, "when"))
    factor = _number(item, "factor")
    if not damped or factor > 1.0:
        raise LexiconError(f"the damp rule {label!r} needs 'terms' and a factor of at most 1")
    for key in when:
        _findable(terms, key)
    return Damp(
        label=label,
        terms=damped,
        when=when,
        with_drug=bool(item.get("with_drug", False)),
        ages=bool(item.get("ages", False)),
        factor=factor,
        with_age=_age_slug(item, where),
    )


def _history(section: Mapping[str, Any] | None) -> History:
    if section is None:
        return _NO_HISTORY
    return History(
        cues=_folded_set(section, "cues"),
        fillers=_folded_set(section, "fillers"),
        factor=_number(section, "factor"),
        since=_folded_set(section, "since"),
    )


def _who(item: Mapping[str, Any]) -> Who:
    slug = _rule_slug(item, "a [[who]] rule")
    factor = _number(item, "factor")
    if factor >= 1.0:
        raise LexiconError(f"the [[who]] rule for {slug} needs a factor below 1")
    where = f"the [[who]] rule for {slug}"
    terms = frozenset(checked_key(term, where) for term in _strings(item, "terms"))
    return Who(slug=slug, terms=terms, factor=factor, least=_number(item, "least"))


def _partners(decision: Mapping[str, Any]) -> frozenset[frozenset[str]]:
    value = decision.get("partners", [])
    if not isinstance(value, list) or not all(
        isinstance(pair, list) and len(pair) == 2 and set(pair) <= set(SPECIALTIES)
        for pair in value
    ):
        raise LexiconError("partners must be a list of pairs of specialty slugs")
    return frozenset(frozenset(pair) for pair in value)


# --- checked reading of the parsed TOML ----------------------------------------------------------


def _age_slug(item: Mapping[str, Any], where: str) -> str:
    """A rule's ``with_age``: the specialty a stated age must count for, or ""."""
    with_age = str(item.get("with_age", ""))
    if with_age and with_age not in SPECIALTIES:
        raise LexiconError(f"with_age of {where} must be a specialty slug, not {with_age!r}")
    return with_age


def _flag(item: Mapping[str, Any], key: str, where: str) -> bool:
    value = item.get(key, False)
    if not isinstance(value, bool):
        raise LexiconError(f"{key} of {where} must be true or false")
    return value


def _rule_slug(item: Mapping[str, Any], rule: str) -> str:
    """The specialty a rule is for; ``rule`` names the rule in the error."""
    slug = item.get("specialty")
    if slug not in SPECIALTIES:
        raise LexiconError(f"{rule} for an unknown specialty: {slug!r}")
    return str(slug)


def _slugs(data: Mapping[str, Any], key: str) -> frozenset[str]:
    slugs = frozenset(_strings(data, key))
    unknown = sorted(slugs - set(SPECIALTIES))
    if unknown:
        raise LexiconError(f"unknown specialty slugs in {key}: {', '.join(unknown)}")
    return slugs


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


def _optional_table(data: Mapping[str, Any], key: str) -> Mapping[str, Any] | None:
    value = data.get(key)
    if value is not None and not isinstance(value, dict):
        raise LexiconError(f"[{key}] must be a table")
    return value


def _number(data: Mapping[str, Any], key: str, default: float | None = None) -> float:
    """A non-negative number of the file; ``default`` when the key may be left out."""
    if default is not None and key not in data:
        return default
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
