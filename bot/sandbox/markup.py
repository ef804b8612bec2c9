"""Telegram's HTML parse mode: turn formatted text into plain text and message entities.

A small, strict parser with Telegram's rules: only the supported tags, properly nested and
closed; only ``&lt; &gt; &amp; &quot;`` and numeric character references. Entity offsets and
lengths are counted in UTF-16 code units, as the Bot API does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

__all__ = ["EntityParseError", "parse_html", "strip_text", "utf16_len"]

_SIMPLE_TAGS: dict[str, str] = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "code": "code",
    "pre": "pre",
}
_ATTRIBUTE_TAGS = frozenset({"a", "span", "blockquote", "tg-emoji"})
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}

_ATTRIBUTE_SOURCE = r"""[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?"""
_START_TAG = re.compile(rf"<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+{_ATTRIBUTE_SOURCE})*)\s*>")
_END_TAG = re.compile(r"</([a-zA-Z][a-zA-Z0-9-]*)\s*>")
_ATTRIBUTE = re.compile(r"""([^\s=>/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>"']+))?""")
_CHAR_REF = re.compile(r"&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]+));")
_MAX_CODE_POINT = 0x10FFFF


class EntityParseError(ValueError):
    """The text is not valid Telegram HTML; ``str(error)`` is the reason Telegram would give."""


def utf16_len(text: str) -> int:
    """Return the length of text in UTF-16 code units, the unit of entity offsets."""
    return len(text.encode("utf-16-le")) // 2


@dataclass
class _OpenTag:
    name: str
    offset: int
    entity: dict[str, Any] | None


@dataclass
class _Parser:
    source: str
    chunks: list[str] = field(default_factory=list)
    length: int = 0  # UTF-16 length of the text produced so far
    stack: list[_OpenTag] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)

    def byte_offset(self, index: int) -> int:
        return len(self.source[:index].encode("utf-8"))

    def emit(self, text: str) -> None:
        self.chunks.append(text)
        self.length += utf16_len(text)

    def run(self) -> tuple[str, list[dict[str, Any]]]:
        source, index = self.source, 0
        while index < len(source):
            char = source[index]
            if char == "<":
                index = self.tag(index)
            elif char == "&":
                index = self.reference(index)
            else:
                end = index + 1
                while end < len(source) and source[end] not in "<&":
                    end += 1
                self.emit(source[index:end])
                index = end
        if self.stack:
            name = self.stack[-1].name
            raise EntityParseError(f'Can\'t find end tag corresponding to start tag "{name}"')
        for entity in self.entities:
            if entity["type"] == "code":
                entity.pop("language", None)
        self.entities.sort(key=lambda e: (e["offset"], -e["length"]))
        return "".join(self.chunks), self.entities

    def reference(self, index: int) -> int:
        match = _CHAR_REF.match(self.source, index)
        if match is None:
            raise EntityParseError(
                f"Character entity expected at byte offset {self.byte_offset(index)}"
            )
        decimal, hexadecimal, name = match.groups()
        if name is not None:
            if name.lower() not in _NAMED_ENTITIES:
                raise EntityParseError(
                    f'Unsupported HTML entity "&{name};" at byte offset {self.byte_offset(index)}'
                )
            self.emit(_NAMED_ENTITIES[name.lower()])
        else:
            code_point = int(decimal) if decimal is not None else int(hexadecimal, 16)
            if code_point == 0 or code_point > _MAX_CODE_POINT or 0xD800 <= code_point < 0xE000:
                raise EntityParseError(
                    f"Invalid character reference at byte offset {self.byte_offset(index)}"
                )
            self.emit(chr(code_point))
        return match.end()

    def tag(self, index: int) -> int:
        end_match = _END_TAG.match(self.source, index)
        if end_match is not None:
            self.close(end_match.group(1).lower(), index)
            return end_match.end()
        start_match = _START_TAG.match(self.source, index)
        if start_match is None:
            raise EntityParseError(f"Unclosed start tag at byte offset {self.byte_offset(index)}")
        name = start_match.group(1).lower()
        attributes = self.attributes(start_match.group(2))
        self.stack.append(_OpenTag(name, self.length, self.entity_for(name, attributes, index)))
        return start_match.end()

    def attributes(self, raw: str) -> dict[str, str]:
        result: dict[str, str] = {}
        for match in _ATTRIBUTE.finditer(raw):
            value = match.group(2)
            if value is None:
                result[match.group(1).lower()] = ""
                continue
            if value[:1] in "\"'":
                value = value[1:-1]
            result[match.group(1).lower()] = _unescape_attribute(value)
        return result

    def entity_for(
        self, name: str, attributes: dict[str, str], index: int
    ) -> dict[str, Any] | None:
        if name in _SIMPLE_TAGS:
            entity: dict[str, Any] = {"type": _SIMPLE_TAGS[name]}
            css = attributes.get("class", "")
            if name == "code" and css.startswith("language-"):
                entity["language"] = css.removeprefix("language-")  # kept only inside <pre>
            return entity
        if name not in _ATTRIBUTE_TAGS:
            raise EntityParseError(
                f'Unsupported start tag "{name}" at byte offset {self.byte_offset(index)}'
            )
        if name == "a":
            href = attributes.get("href", "")
            return {"type": "text_link", "url": href} if href else None
        if name == "span":
            if attributes.get("class") != "tg-spoiler":
                raise EntityParseError(
                    'Tag "span" must have class "tg-spoiler" at byte offset '
                    f"{self.byte_offset(index)}"
                )
            return {"type": "spoiler"}
        if name == "blockquote":
            return {
                "type": "expandable_blockquote" if "expandable" in attributes else "blockquote"
            }
        emoji_id = attributes.get("emoji-id", "")
        if not emoji_id.isdigit():
            raise EntityParseError(
                f'Tag "tg-emoji" must have an "emoji-id" at byte offset {self.byte_offset(index)}'
            )
        return {"type": "custom_emoji", "custom_emoji_id": emoji_id}

    def close(self, name: str, index: int) -> None:
        if not self.stack:
            raise EntityParseError(f"Unexpected end tag at byte offset {self.byte_offset(index)}")
        opened = self.stack.pop()
        if opened.name != name:
            raise EntityParseError(
                f'Unmatched end tag at byte offset {self.byte_offset(index)}, expected "</'
                f'{opened.name}>", found "</{name}>"'
            )
        length = self.length - opened.offset
        entity = opened.entity
        if entity is None or length == 0:
            return
        if entity["type"] == "pre":
            self.absorb_code_language(opened.offset, length, entity)
        self.entities.append({**entity, "offset": opened.offset, "length": length})

    def absorb_code_language(self, offset: int, length: int, entity: dict[str, Any]) -> None:
        """Fold ``<pre><code class="language-x">`` into one ``pre`` entity with a language."""
        for inner in self.entities:
            if (
                inner["type"] == "code"
                and inner["offset"] == offset
                and inner["length"] == length
                and "language" in inner
            ):
                entity["language"] = inner.pop("language")
                self.entities.remove(inner)
                return


def _unescape_attribute(value: str) -> str:
    def replace(match: re.Match[str]) -> str:
        decimal, hexadecimal, name = match.groups()
        if name is not None:
            return _NAMED_ENTITIES.get(name.lower(), match.group(0))
        code_point = int(decimal) if decimal is not None else int(hexadecimal, 16)
        return chr(code_point) if 0 < code_point <= _MAX_CODE_POINT else match.group(0)

    return _CHAR_REF.sub(replace, value)


def parse_html(source: str) -> tuple[str, list[dict[str, Any]]]:
    """Parse Telegram HTML into (plain text, entities), or raise EntityParseError."""
    return _Parser(source).run()


def strip_text(text: str, entities: list[dict[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
    """Trim surrounding whitespace as Telegram does, clipping entities to the remaining text."""
    stripped = text.strip()
    lead = utf16_len(text[: len(text) - len(text.lstrip())])
    total = utf16_len(stripped)
    clipped: list[dict[str, Any]] = []
    for entity in entities:
        start = max(entity["offset"] - lead, 0)
        end = min(entity["offset"] + entity["length"] - lead, total)
        if end > start:
            clipped.append({**entity, "offset": start, "length": end - start})
    return stripped, clipped
