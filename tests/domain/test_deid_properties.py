"""Property tests: the engine never raises and its spans are always well-formed."""

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.deid import LABELS, deidentify, find_identifiers

_CLINICAL_ALPHABET = st.sampled_from(
    [*list("0123456789 ./-+()@:,'’\n"), "Mme ", "Dr ", "rue ", "né le ", "IPP ", "NIR ", "Jean "]
)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_spans_well_formed_on_any_unicode(text: str) -> None:
    """On arbitrary Unicode, spans are within the text, ordered, non-overlapping and labelled."""
    spans = find_identifiers(text)
    last = 0
    for s in spans:
        assert last <= s.start < s.end <= len(text)
        assert s.label in LABELS
        last = s.end


@settings(max_examples=300, deadline=None)
@given(st.lists(_CLINICAL_ALPHABET, max_size=40).map("".join))
def test_spans_well_formed_on_identifier_like_text(text: str) -> None:
    """On text built from identifier fragments, spans stay well-formed."""
    spans = find_identifiers(text)
    assert all(a.end <= b.start for a, b in itertools.pairwise(spans))
    assert all(0 <= s.start < s.end <= len(text) for s in spans)


@settings(max_examples=200, deadline=None)
@given(st.text(), st.sampled_from(["fr", "en", "xx"]))
def test_deidentify_never_raises_and_counts_match(text: str, lang: str) -> None:
    """deidentify never raises and its counts add up to the number of spans."""
    r = deidentify(text, lang)
    assert sum(r.counts.values()) == r.removed == len(r.spans)
