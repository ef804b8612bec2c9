"""Telegram's HTML parse mode, as the sandbox parses it."""

import pytest

from bot.sandbox.markup import EntityParseError, parse_html, strip_text


def test_tags_become_entities_with_utf16_offsets() -> None:
    """Offsets count UTF-16 code units: an emoji before a tag shifts it by two."""
    text, entities = parse_html("😀 <b>gras</b> <i>it</i>")
    assert text == "😀 gras it"
    assert entities == [
        {"type": "bold", "offset": 3, "length": 4},
        {"type": "italic", "offset": 8, "length": 2},
    ]


def test_named_and_numeric_character_references_are_decoded() -> None:
    """Only &lt; &gt; &amp; &quot; and numeric references are entities."""
    text, entities = parse_html("&lt;a&gt; &amp; &quot;q&quot; &#233;&#x263A;")
    assert (text, entities) == ('<a> & "q" é☺', [])


def test_links_spoilers_quotes_and_custom_emoji() -> None:
    """a href, span.tg-spoiler, expandable blockquote and tg-emoji map to their entity types."""
    text, entities = parse_html(
        '<a href="https://x.org/?a=1&amp;b=2">l</a><span class="tg-spoiler">s</span>'
        "<blockquote expandable>q</blockquote>"
        '<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>'
    )
    assert text == "lsq👍"
    assert [e["type"] for e in entities] == [
        "text_link",
        "spoiler",
        "expandable_blockquote",
        "custom_emoji",
    ]
    assert entities[0]["url"] == "https://x.org/?a=1&b=2"


def test_pre_code_language_becomes_a_pre_entity_language() -> None:
    """<pre><code class="language-x"> is one pre entity carrying the language."""
    _, entities = parse_html('<pre><code class="language-python">x = 1</code></pre>')
    assert entities == [{"type": "pre", "language": "python", "offset": 0, "length": 5}]


@pytest.mark.parametrize(
    "source",
    [
        "<b>open",
        "<b>x</i>",
        "<b><i>x</b></i>",
        "x</b>",
        "<foo>x</foo>",
        "a < b",
        "a & b",
        "&nbsp;",
        "<span>x</span>",
        "<br/>",
    ],
)
def test_invalid_html_is_refused(source: str) -> None:
    """Unknown, unclosed or mis-nested tags and bare < or & cannot be parsed."""
    with pytest.raises(EntityParseError):
        parse_html(source)


def test_strip_clips_entities_to_the_trimmed_text() -> None:
    """Surrounding whitespace goes, entities shift and shrink with it."""
    text, entities = strip_text("  ab  ", [{"type": "bold", "offset": 0, "length": 6}])
    assert (text, entities) == ("ab", [{"type": "bold", "offset": 0, "length": 2}])
