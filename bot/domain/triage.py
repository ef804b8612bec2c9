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
* when a question has several clauses and one ends in "?", the terms outside that clause are its
  context and keep a share of their weight ("pt J3 post PTH, souffle systolique nouveau, ETT
  avant sortie ?");
* background keeps a share of its weight: risk factors and their quantities ("fumeur 40 PA",
  "4 verres/j"), the list after "ATCD"/"history of"/"père", and ``[[damp]]`` rules with
  conditions (the baby of a mother asking about a drug while breastfeeding);
* a ``[[combination]]`` may leave out its terms that are negated ("pas de perte de poids",
  "no fever") or listed as history ("ATCD de chirurgie", "depuis sa chirurgie"), and may need a
  stated age ("vit D à 85 ans"); a term of the lexicon may be accent-exact ("=élève" is not
  "élevé");
* a specialty whose only evidence is who the patient is (pediatrics on "ado 14 ans",
  geriatrics on "dame de 85 ans") yields to the specialty of the problem (``[[who]]``);
* an age ("patiente de 89 ans", "7yo", "5 y/o", "bébé de 3 semaines", "70M" and "65F" in
  years; not "depuis 3 ans", "in 3 years", "traitement de 5 jours") and terms that only count
  after a number ("32 SA") add their own weights;
* a role before an opening colon introduces the asker ("Sage-femme : …", "Interne en ortho :
  …"): a mention, not a request; "<specialist> here." opening the question is the asker
  ("Dermatologist here. Pt with…"): it counts nothing; two names offered as alternatives
  ("néphro ou uro ?") are both requested; "avis de gériatre" is a request, "according to the
  gastro" a mention;
* word weights learned from labelled questions (``triage_words``: a logistic regression over
  the stems, trained by ``benchmarks/train_triage_words.py``) share out a few points by their
  probabilities, for the long tail of words no one listed; they leave out the stems only the
  lexicon's rules can read ("US", "ED"), count alone only when confident, and never make an
  answer sure on their own unless they are sure themselves;
* the best specialty wins; the result is "unsure" when the evidence is thin or the runner-up
  is close (within a share of the best score *and* less than one typical term behind) without
  being the best's natural partner (one of them a modifier such as pediatrics or pharmacology:
  either would do), and ``general_practice`` when nothing matched;
* for a specialist who asks, ``for_asker`` puts their own specialties last unless they asked
  for one (a psychiatrist's question about lithium and the kidneys is for the nephrologist).

The work is shared out: ``triage_text`` folds and tokenises, ``triage_lexicon`` reads and
checks ``lexicon.toml`` and compiles it into the ``Lexicon``, ``triage_match`` finds the terms
(and those reported normal or listed as history), ``triage_names`` tells a request from a
passing mention, ``triage_ages`` reads the stated ages, ``triage_words`` holds the learned
word weights; this module adds up the evidence and decides.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Final

from bot.domain.specialties import FALLBACK, SPECIALTIES
from bot.domain.triage_ages import sexed_ages, stated_ages
from bot.domain.triage_lexicon import (
    Combination,
    Entry,
    Key,
    Lexicon,
    LexiconError,
    Who,
    compile_lexicon,
    load_lexicon,
)
from bot.domain.triage_match import (
    Match,
    after_number_terms,
    find_terms,
    in_history,
    negated_terms,
    reported_normal,
)
from bot.domain.triage_names import name_label, name_weight
from bot.domain.triage_text import Token, fold, split_folded
from bot.domain.triage_words import WordModel, features, load_words

__all__ = [
    "Lexicon",
    "LexiconError",
    "Triage",
    "classify",
    "classify_with",
    "compile_lexicon",
    "for_asker",
    "load_lexicon",
    "load_words",
    "natural_partners",
]

# How a combination reads the terms found: (negated terms left out, history left out).
_Reading = tuple[bool, bool]
# Ties between equal scores go to the specialty listed first.
_ORDER: Final = {slug: index for index, slug in enumerate(SPECIALTIES)}


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


def classify(text: str) -> Triage:
    """Suggest the specialty of a clinical question, with its ranking and evidence."""
    return classify_with(load_lexicon(), text, words=load_words())


def classify_with(lexicon: Lexicon, text: str, words: WordModel | None = None) -> Triage:
    """Classify ``text`` with a given compiled lexicon and, when given, learned word weights
    (``classify`` uses the packaged ones)."""
    folded = fold(text)
    raw = split_folded(folded)
    numbered = after_number_terms(lexicon, raw)
    ages = stated_ages(lexicon.age, raw, sexed_ages(text))
    matches = find_terms(lexicon, text, raw)
    aged = {slug for slug, _, _ in ages}
    damped, age_factor = _damped(lexicon, matches, numbered, aged)
    negated = negated_terms(lexicon.cues, folded, raw, matches) if lexicon.negating else set()
    since = in_history(lexicon.since, folded, raw, matches) if lexicon.since_needed else set()
    asking = _asking_clause(folded) if lexicon.context_factor != 1.0 else None
    tally = _Tally()
    _add_terms(
        lexicon,
        folded,
        raw,
        matches,
        damped=damped,
        negated=negated,
        since=since,
        asking=asking,
        tally=tally,
    )
    for key, entry, label, first in numbered:
        tally.note(key, negated=False, past=False)
        tally.problem.add(entry.slug)
        factor, share = damped.get(key, 1.0), ""
        if factor != 1.0:
            share = " (background)"
        elif _outside(asking, raw[first]):
            factor, share = lexicon.context_factor, " (context)"
        tally.add(entry.slug, entry.weight * factor, label + share)
    for slug, weight, label in ages:
        tally.add(slug, weight * age_factor, label)
    tally.settle(lexicon.combinations, lexicon.two_drug_weight, aged)
    tally.yield_who(lexicon.who)
    # the learned words alone never make an answer sure, unless they are sure themselves
    evidence = max(tally.scores.values(), default=0.0)
    if words is not None and lexicon.words_weight > 0:
        surest = _add_words(lexicon, words, raw, matches, tally)
        evidence = math.inf if surest >= lexicon.words_sure else evidence
    return _decide(lexicon, tally, evidence)


def _add_words(
    lexicon: Lexicon,
    words: WordModel,
    raw: Sequence[Token],
    matches: Sequence[Match],
    tally: _Tally,
) -> float:
    """Add the learned word weights' evidence and return their highest probability: each
    specialty their probability reaches ``words_least`` for gets that share of ``words_weight``
    points. When the lexicon found nothing, they count only if one specialty reaches
    ``words_alone``: a greeting or a question of unknown words still goes to general practice.
    A word of a multi-word term that the model does not read for the term's specialty at all is
    left out ("plaques" of "sclérose en plaques" is no skin plaque)."""
    stems = features(raw, lexicon.ambiguous)
    misread = _misread(words, raw, matches)
    if misread:
        stems = [stem for stem in stems if stem not in misread]
    if not stems:
        return 0.0
    shares = words.probabilities(stems)
    if not tally.scores and max(shares) < lexicon.words_alone:
        return 0.0
    slots = [slot for slot, share in enumerate(shares) if share >= lexicon.words_least]
    for slot, cues in zip(slots, words.cues(stems, slots), strict=True):
        share = shares[slot]
        label = f"learned words: {', '.join(cues) or '-'} ({share:.0%})"
        tally.add(words.slugs[slot], lexicon.words_weight * share, label)
    return max(shares)


def _misread(words: WordModel, raw: Sequence[Token], matches: Sequence[Match]) -> set[str]:
    """The stems inside a multi-word term of the lexicon that the model reads for other
    specialties only, none of them the term's: "plaques" of "sclérose en plaques" (skin, for
    the model) — not "cutanée" of "éruption cutanée" (allergology first, dermatology too)."""
    misread: set[str] = set()
    for match in matches:
        if match.last == match.first or not match.entries:
            continue
        homes = {words.slugs.index(entry.slug) for entry in match.entries}
        for token in raw[match.first : match.last + 1]:
            pulls = words.weights.get(token.stem)
            if pulls and not any(slot in homes and weight > 0 for slot, weight in pulls):
                misread.add(token.stem)
    return misread


# --- adding up the evidence ----------------------------------------------------------------------


@dataclass(slots=True)
class _Tally:
    """Scores and evidence gathered while reading one question."""

    scores: dict[str, float] = field(default_factory=dict)
    evidence: dict[str, list[tuple[float, str]]] = field(default_factory=dict)
    seen: set[tuple[str, str]] = field(default_factory=set)  # (slug, label): each counts once
    names: dict[str, tuple[float, str]] = field(default_factory=dict)  # the weightiest per slug
    keys: set[Key] = field(default_factory=set)  # the terms found, with their parts
    drug: bool = False
    # the terms found negated or listed as history, with those flags and whether a drug
    # (rare: a combination's other reading is built from them only when needed)
    aside: list[tuple[Key, bool, bool, bool]] = field(default_factory=list)
    plain: list[tuple[Key, bool]] = field(default_factory=list)  # the others, and drug or not
    drug_homes: dict[Key, set[str]] = field(default_factory=dict)  # each drug's specialties
    # specialties with evidence other than who the patient is (see ``Who``)
    problem: set[str] = field(default_factory=set)

    def add(self, slug: str, weight: float, label: str) -> None:
        if (slug, label) in self.seen or weight <= 0:
            return
        self.seen.add((slug, label))
        self.scores[slug] = self.scores.get(slug, 0.0) + weight
        self.evidence.setdefault(slug, []).append((weight, label))

    def note(self, key: Key, *, negated: bool, past: bool, drug: bool = False) -> None:
        """Record a term found for the combinations."""
        _note_key(self.keys, key)
        self.drug = self.drug or drug
        if negated or past:
            self.aside.append((key, negated, past, drug))
        else:
            self.plain.append((key, drug))

    def reading(self, reading: _Reading) -> tuple[set[Key], bool]:
        """The terms found (with their parts) and whether a drug is named, leaving out the
        negated terms and those listed as history as ``reading`` asks."""
        respects_negation, skips_history = reading
        keys: set[Key] = set()
        drug = False
        kept = [(key, is_drug) for key, is_drug in self.plain]
        kept += [
            (key, is_drug)
            for key, negated, past, is_drug in self.aside
            if not (negated and respects_negation) and not (past and skips_history)
        ]
        for key, is_drug in kept:
            _note_key(keys, key)
            drug = drug or is_drug
        return keys, drug

    def add_name(self, slug: str, weight: float, label: str) -> None:
        if weight > self.names.get(slug, (0.0, ""))[0]:
            self.names[slug] = (weight, label)

    def settle(
        self, combinations: Iterable[Combination], two_drug_weight: float, aged: set[str]
    ) -> None:
        """Add the specialty names, and the evidence of the question as a whole: drugs of two
        specialties (an interaction?) and the combinations (``aged``: the specialties a stated
        age counts for)."""
        for slug, (weight, label) in self.names.items():
            self.add(slug, weight, label)
            self.problem.add(slug)
        if _unrelated_drugs(list(self.drug_homes.values())):  # an interaction question?
            self.add("pharmacology", two_drug_weight, "drugs of two specialties")
            self.problem.add("pharmacology")
        readings: dict[_Reading, tuple[set[Key], bool]] = {}
        for combination in combinations:
            if combination.with_age and combination.with_age not in aged:
                continue
            keys, drug = self.keys, self.drug
            if self.aside and (combination.negation or combination.skip_history):
                reading = (combination.negation, combination.skip_history)
                if reading not in readings:
                    readings[reading] = self.reading(reading)
                keys, drug = readings[reading]
            first = (combination.first_any_drug and drug) or not keys.isdisjoint(combination.first)
            if first and not keys.isdisjoint(combination.second):
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


def _add_terms(
    lexicon: Lexicon,
    folded: str,
    raw: Sequence[Token],
    matches: Sequence[Match],
    *,
    damped: Mapping[Key, float],
    negated: set[int],
    since: set[int],
    asking: tuple[int, int] | None,
    tally: _Tally,
) -> None:
    """Add the terms found in the question, each with its share: read through a typo, reported
    normal, damped, listed as history, or read in another specialty's context. ``negated`` and
    ``since`` (listed after "depuis", "since") are the terms some combinations do not count."""
    normal = reported_normal(lexicon.normal_results, raw, matches)
    history = in_history(lexicon.history, folded, raw, matches)
    contexts = lexicon.contexts
    stems_seen: frozenset[str] | None = None
    for index, match in enumerate(matches):
        entries = match.entries
        rules = contexts.get(match.key)
        if rules:
            if stems_seen is None:
                stems_seen = frozenset(token.stem for token in raw)
            for rule in rules:
                if rule.applies(stems_seen, folded, raw, match.first, match.last):
                    entries = (rule.entry,)
                    break
        if not rules or entries is match.entries:  # read in another sense, it is another term
            tally.note(
                match.key,
                negated=index in negated,
                past=index in history or index in since,
                drug=any(entry.is_drug for entry in entries),
            )
        factor = match.factor * (lexicon.normal_results.factor if index in normal else 1.0)
        factor *= damped.get(match.key, 1.0)
        if index in history:
            factor *= lexicon.history.factor
        context = _outside(asking, raw[match.first])
        if context:
            factor *= lexicon.context_factor
        for entry in entries:
            if entry.is_name:
                weight = name_weight(lexicon, folded, raw, match.first, match.last)
                tally.add_name(entry.slug, weight, name_label(lexicon, entry, weight))
                continue
            if entry.is_drug and entry.home:
                tally.drug_homes.setdefault(match.key, set()).add(entry.slug)
            label = entry.label if factor == 1.0 else f"{entry.label} (~)"
            if context and factor == lexicon.context_factor:
                label = f"{entry.label} (context)"
            if index in normal:
                label = f"{entry.label} (normal)"
            elif match.key in damped or index in history:
                label = f"{entry.label} (background)"
            tally.add(entry.slug, entry.weight * factor, label)
            if not any(
                rule.slug == entry.slug and match.key in rule.terms for rule in lexicon.who
            ):
                tally.problem.add(entry.slug)


# Up to the last mark that ends a clause (``_asking_clause``): "?" "!" ";" a line break; "."
# unless before a digit (".5", "0.5"); "," and ":" unless between two digits ("1,5", "2:1").
_LAST_CLAUSE_END: Final = re.compile(r".*(?:[?!;\n]|\.(?!\d)|(?<!\d)[,:]|[,:](?!\d))", re.DOTALL)
_WORD: Final = re.compile(r"[a-z0-9]")


def _asking_clause(folded: str) -> tuple[int, int] | None:
    """Where the clause that asks lies (the last one ending in "?"), when the question has
    other clauses: "pt J3 post PTH, souffle systolique nouveau, ETT avant sortie ?" asks about
    the echo, the rest is context. None when nothing ends in "?" or the question is one clause."""
    end = folded.rfind("?")
    while end >= 0:
        last_mark = _LAST_CLAUSE_END.match(folded, 0, end)
        start = 0 if last_mark is None else last_mark.end()
        if _WORD.search(folded, start, end) is not None:
            break
        end = folded.rfind("?", 0, start)  # "…??", "… ? ?": an empty clause, look further back
    else:
        return None
    if _WORD.search(folded, 0, start) is None and _WORD.search(folded, end) is None:
        return None
    return start, end


def _outside(clause: tuple[int, int] | None, token: Token) -> bool:
    """Whether ``token`` lies outside the clause that asks (there is one)."""
    return clause is not None and not clause[0] <= token.start < clause[1]


def _damped(
    lexicon: Lexicon,
    matches: Sequence[Match],
    numbered: Sequence[tuple[Key, Entry, str, int]],
    aged: set[str],
) -> tuple[dict[Key, float], float]:
    """The factor of each damped term key (terms found, and terms after a number), and the
    factor of the stated ages; ``aged`` are the specialties a stated age counts for."""
    numbered_keys = [numbered_term[0] for numbered_term in numbered]
    if all(match.key not in lexicon.damped_terms for match in matches) and all(
        key not in lexicon.damped_terms for key in numbered_keys
    ):
        return {}, 1.0
    keys: set[Key] = set()
    for match in matches:
        _note_key(keys, match.key)
    drug = any(entry.is_drug for match in matches for entry in match.entries)
    factors: dict[Key, float] = {}
    age_factor = 1.0
    for rule in lexicon.damps:
        if not rule.applies(keys, drug, aged) or not _other_evidence(lexicon, matches, rule.terms):
            continue
        for key in (*(match.key for match in matches), *numbered_keys):
            if key in rule.terms:
                factors[key] = min(factors.get(key, 1.0), rule.factor)
        if rule.ages:
            age_factor = min(age_factor, rule.factor)
    return factors, age_factor


def _other_evidence(lexicon: Lexicon, matches: Sequence[Match], damped: frozenset[Key]) -> bool:
    """Whether a term outside ``damped`` carries typical weight or more: there is a problem for
    the damped terms to be the background of."""
    return any(
        entry.weight >= lexicon.typical_weight and not entry.is_name
        for match in matches
        if match.key not in damped
        for entry in match.entries
    )


def _note_key(keys: set[Key], key: Key) -> None:
    """Record a matched term for the combinations, with its parts: "Cialis 5 mg" is also "Cialis"
    and "cancer du sein" also "sein"."""
    keys.add(key)
    if len(key) > 1:
        for size in range(1, len(key)):
            for start in range(len(key) - size + 1):
                keys.add(key[start : start + size])


# --- deciding ------------------------------------------------------------------------------------


def _decide(lexicon: Lexicon, tally: _Tally, evidence: float) -> Triage:
    """Rank, and say how sure: the evidence is thin when the best score, or ``evidence`` (the
    lexicon's own best, unless the learned words were sure), is below ``thin``."""
    ranked = sorted(tally.scores.items(), key=lambda item: (-item[1], _ORDER[item[0]]))
    if not ranked:
        return Triage(
            specialty=FALLBACK,
            confidence=0.0,
            unsure=True,
            ranking=((FALLBACK, 0.0),),
            evidence=MappingProxyType({}),
        )
    requested = sum(weight >= lexicon.request_weight for weight, _ in tally.names.values())
    confidence, unsure = _verdict(lexicon, ranked, evidence)
    return Triage(
        specialty=ranked[0][0],
        confidence=confidence,
        unsure=unsure or requested > 1,  # "psychologue ou psychiatre ?": the asker hesitates too
        ranking=tuple((slug, round(score, 3)) for slug, score in ranked),
        evidence=MappingProxyType(
            {slug: _strongest_first(tally.evidence[slug]) for slug, _ in ranked}
        ),
    )


def _verdict(
    lexicon: Lexicon, ranked: Sequence[tuple[str, float]], evidence: float
) -> tuple[float, bool]:
    """The confidence of the best of ``ranked`` (best first, not empty) and whether it is
    unsure: thin evidence, or a close runner-up that is not its natural partner."""
    best = ranked[0][1]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    margin = (best - runner_up) / best
    strength = 1.0 - math.exp(-best / 3.0)
    unsure = min(best, evidence) < lexicon.thin or (
        runner_up >= lexicon.close * best
        and best - runner_up < lexicon.lead
        and not (runner_up < best and natural_partners(lexicon, ranked[0][0], ranked[1][0]))
    )
    return round(strength * (0.25 + 0.75 * margin), 3), unsure


def for_asker(result: Triage, own: Iterable[str], lexicon: Lexicon | None = None) -> Triage:
    """``result`` for an asker whose own specialties are ``own``: a paediatrician asking about a
    child's hip wants the orthopaedist, a psychiatrist asking about lithium and the kidneys the
    nephrologist. The asker's own specialties go to the end of the ranking, unless one of them
    is the best and was requested ("avis d'un autre cardio ?") or no other specialty has any
    evidence; the best of the others is then judged on its own, sure or unsure as ``classify``
    judges (thin evidence, a close runner-up). General practice is never set aside: a GP asking
    a GP colleague (a certificate, the organisation of care) is what it is for."""
    mine = frozenset(own) - {FALLBACK}
    if result.specialty in mine and any(
        label.endswith("(request)") for label in result.evidence.get(result.specialty, ())
    ):
        return result
    others = [(slug, score) for slug, score in result.ranking if slug not in mine and score > 0]
    if not others or result.ranking[: len(others)] == tuple(others):
        return result  # nothing else to offer, or the asker's own already come last
    confidence, unsure = _verdict(lexicon or load_lexicon(), others, others[0][1])
    kept = {slug for slug, _ in others}
    ranking = (*others, *(item for item in result.ranking if item[0] not in kept))
    return Triage(
        specialty=others[0][0],
        confidence=confidence,
        unsure=unsure,
        ranking=tuple(ranking),
        evidence=result.evidence,
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
