"""Pseudonyms: stable within a thread, different across threads, no id inside."""

from __future__ import annotations

import random

from bot.domain.pseudonyms import ALPHABET, new_thread_code, pseudonym_tag

SECRET = b"test-secret"


def test_tag_is_stable_within_a_thread() -> None:
    """The same user in the same thread always gets the same tag."""
    assert pseudonym_tag(SECRET, thread_id=1, user_id=42) == pseudonym_tag(
        SECRET, thread_id=1, user_id=42
    )


def test_tags_differ_across_threads() -> None:
    """Across 200 threads a user's tag takes many values (unlinkable)."""
    tags = {pseudonym_tag(SECRET, thread_id=i, user_id=42) for i in range(200)}
    assert len(tags) > 100


def test_tag_depends_on_the_secret() -> None:
    """Without the secret the tag cannot be recomputed."""
    tags = {pseudonym_tag(bytes([i]), thread_id=1, user_id=42) for i in range(50)}
    assert len(tags) > 20


def test_codes_use_the_unambiguous_alphabet() -> None:
    """Codes have four characters, none of 0, O, 1, I, L."""
    code = new_thread_code(random.Random(1))
    assert len(code) == 4
    assert set(code) <= set(ALPHABET)
