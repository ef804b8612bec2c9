"""Every user-facing string, by key, in French and English (``fr.toml``, ``en.toml``).

``t(lang, key, **params)`` formats with ``str.format``; values inserted into HTML messages must
be escaped by the caller (``html.escape``) unless they are known-safe.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib.resources import files
from string import Formatter
from typing import Final

LANGUAGES: Final[tuple[str, ...]] = ("fr", "en")
DEFAULT_LANGUAGE: Final = "fr"


def normalise_language(code: str | None, default: str = DEFAULT_LANGUAGE) -> str:
    """Map a Telegram ``language_code`` (``fr-FR``, ``en``, ``de``…) to a supported language."""
    if not code:
        return default
    base = code.split("-")[0].split("_")[0].lower()
    return base if base in LANGUAGES else "en"


@cache
def catalogue(lang: str) -> dict[str, str]:
    """The flattened catalogue of ``lang`` (``section.key`` → text)."""
    raw = tomllib.loads((files("bot.texts") / f"{lang}.toml").read_text(encoding="utf-8"))
    flat: dict[str, str] = {}

    def walk(prefix: str, node: dict[str, object]) -> None:
        for key, value in node.items():
            name = f"{prefix}{key}"
            if isinstance(value, dict):
                walk(f"{name}.", value)
            else:
                flat[name] = str(value)

    walk("", raw)
    return flat


def t(lang: str, key: str, /, **params: object) -> str:
    """The text for ``key`` in ``lang`` (falling back to French), formatted with ``params``."""
    texts = catalogue(lang if lang in LANGUAGES else DEFAULT_LANGUAGE)
    template = texts.get(key)
    if template is None:
        template = catalogue(DEFAULT_LANGUAGE)[key]
    return template.format(**params) if params else template


def placeholders(template: str) -> frozenset[str]:
    """The ``{name}`` fields a template uses."""
    return frozenset(name for _, name, _, _ in Formatter().parse(template) if name)


def has(key: str) -> bool:
    """Tell whether ``key`` exists in the catalogues."""
    return key in catalogue(DEFAULT_LANGUAGE)
