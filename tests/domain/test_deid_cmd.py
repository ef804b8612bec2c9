"""``confrere deid`` command: plain and JSON-lines modes."""

import io
import json

import pytest

from bot.tools.deid_cmd import run


def test_plain_text_argument(capsys: pytest.CaptureFixture[str]) -> None:
    """With a text argument, the redacted text is printed and the exit code is 0."""
    assert run(lang="fr", jsonl=False, text="Mme Dupont 06 12 34 56 78") == 0
    assert capsys.readouterr().out == "Mme [NOM] [TÉL]\n"


def test_plain_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Without a text argument, stdin is read and redacted with English tags."""
    monkeypatch.setattr("sys.stdin", io.StringIO("Mrs Johnson\n"))
    assert run(lang="en", jsonl=False, text=None) == 0
    assert capsys.readouterr().out == "Mrs [NAME]\n"


def test_jsonl_output_shape(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each input line gives one line with id, redacted text and offsets into the input."""
    monkeypatch.setattr("sys.stdin", io.StringIO('{"id": 7, "text": "Dr Moreau"}\n'))
    assert run(lang="fr", jsonl=True, text=None) == 0
    row = json.loads(capsys.readouterr().out)
    assert row == {
        "id": 7,
        "redacted": "Dr [NOM]",
        "entities": [{"start": 3, "end": 9, "label": "PERSON"}],
    }


def test_jsonl_malformed_line_reported_and_others_processed(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bad line is named on stderr, the others are still written, and the exit code is 1."""
    lines = '{"id": 1, "text": "rien"}\nnot json\n{"id": 3}\n{"id": 4, "text": "ok"}\n'
    monkeypatch.setattr("sys.stdin", io.StringIO(lines))
    assert run(lang="fr", jsonl=True, text=None) == 1
    captured = capsys.readouterr()
    assert [json.loads(x)["id"] for x in captured.out.splitlines()] == [1, 4]
    assert "line 2" in captured.err
    assert "line 3" in captured.err
    assert "Traceback" not in captured.err
