"""Pseudonyms and thread codes.

A participant's tag is a keyed hash of (thread, user): stable within a thread, unlinkable across
threads without the secret, and it never contains the Telegram id.
"""

from __future__ import annotations

import hashlib
import hmac
import random
from typing import Final

# No 0/O, 1/I/L: codes are read aloud and typed on phones.
ALPHABET: Final = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
TAG_LENGTH: Final = 2
CODE_LENGTH: Final = 4


def _encode(digest: bytes, length: int) -> str:
    number = int.from_bytes(digest[:8], "big")
    chars = []
    for _ in range(length):
        number, index = divmod(number, len(ALPHABET))
        chars.append(ALPHABET[index])
    return "".join(chars)


def pseudonym_tag(secret: bytes, *, thread_id: int, user_id: int) -> str:
    """The short tag (``B7``) of ``user_id`` in ``thread_id``."""
    message = f"{thread_id}:{user_id}".encode()
    return _encode(hmac.new(secret, message, hashlib.sha256).digest(), TAG_LENGTH)


def pseudonym(label: str, tag: str) -> str:
    """``Néphrologue #B7`` from a role label and a tag."""
    return f"{label} #{tag}"


def new_thread_code(rng: random.Random) -> str:
    """A random thread code such as ``Q7K2`` (uniqueness is checked by the caller)."""
    return "".join(rng.choice(ALPHABET) for _ in range(CODE_LENGTH))
