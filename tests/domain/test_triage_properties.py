"""Property tests: any text at all gets a valid triage, without raising."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.specialties import FALLBACK, SPECIALTIES
from bot.domain.triage import Triage, classify
from bot.domain.triage_text import stem, tokens

_CLINICAL_WORDS = st.sampled_from(
    [
        "HTA",
        "néphro",
        "avis",
        "eczéma",
        "TSH",
        "0,01",
        "enfant",
        "89",
        "ans",
        "SA",
        "?",
        ":",
        "Kardegic",
        "grossesse",
        "psychiatre",
        "je",
        "suis",
        "un",
        "dermato",
        "IRM",
        "œdème",
        "!",
    ]
)
_PHONE_TEXT = st.lists(st.one_of(_CLINICAL_WORDS, st.text(max_size=8)), max_size=30).map(" ".join)


def _assert_valid(result: Triage) -> None:
    assert result.specialty in SPECIALTIES
    assert 0.0 <= result.confidence <= 1.0
    assert result.ranking
    assert result.ranking[0][0] == result.specialty
    slugs = [slug for slug, _ in result.ranking]
    assert len(slugs) == len(set(slugs))
    assert set(slugs) <= set(SPECIALTIES)
    scores = [score for _, score in result.ranking]
    assert scores == sorted(scores, reverse=True)
    if result.ranking == ((FALLBACK, 0.0),):
        assert result.unsure
    else:
        assert all(score > 0 for score in scores)
    assert set(result.evidence) <= set(slugs)
    assert result.top(3) == tuple(slugs[:3])


@given(st.text())
def test_any_unicode_text_gets_a_valid_ranking(text: str) -> None:
    """Whatever the characters, classify returns a well-formed Triage and never raises."""
    _assert_valid(classify(text))


@settings(max_examples=300)
@given(_PHONE_TEXT)
def test_any_mix_of_clinical_words_gets_a_valid_ranking(text: str) -> None:
    """Clinical words, numbers, cues and noise in any order give a well-formed Triage."""
    _assert_valid(classify(text))


@given(st.text())
def test_classifying_is_deterministic(text: str) -> None:
    """The same text always gets the same answer."""
    assert classify(text) == classify(text)


@given(st.text(alphabet=st.characters(categories=["Lu", "Ll"]), max_size=20))
def test_stems_are_never_empty_for_words(word: str) -> None:
    """Every token of a word has a non-empty stem no longer than the token."""
    for token in tokens(word):
        assert token.stem
        assert len(stem(token.text)) <= len(token.text) + 1
