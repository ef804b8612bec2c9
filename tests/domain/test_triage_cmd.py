"""The `confrere triage` command: JSONL and human-readable modes."""

from __future__ import annotations

import io
import json

import pytest

from bot.domain.triage import classify
from bot.tools.triage_cmd import run


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(text))


def test_jsonl_writes_one_result_per_question(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each {"id", "text"} line gets an {"id", "specialty", "confidence", "ranking"} line."""
    _stdin(monkeypatch, '{"id": "q1", "text": "TSH 0,01"}\n{"id": 2, "text": "eczéma"}\n')
    assert run(jsonl=True, text=None) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [row["id"] for row in rows] == ["q1", 2]
    assert rows[0]["specialty"] == "endocrinology"
    assert set(rows[0]) == {"id", "specialty", "confidence", "ranking"}
    assert rows[0]["ranking"] == [list(pair) for pair in classify("TSH 0,01").ranking]


def test_jsonl_reports_a_malformed_line_and_goes_on(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bad line gives one message naming its line number; the next lines are still done."""
    _stdin(monkeypatch, '{"id": 1, "text": "HTA"}\nnot json\n{"id": 3, "text": "BPCO"}\n')
    assert run(jsonl=True, text=None) == 1
    captured = capsys.readouterr()
    assert [json.loads(line)["id"] for line in captured.out.splitlines()] == [1, 3]
    assert captured.err.count("\n") == 1
    assert "line 2" in captured.err
    assert "Traceback" not in captured.err


@pytest.mark.parametrize(
    "line", ['["a list"]', '{"text": "no id"}', '{"id": 1, "text": 42}', '{"id": 1}']
)
def test_jsonl_refuses_lines_without_an_id_and_a_text(
    line: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A JSON line that is not an object with an id and a string text is an error."""
    _stdin(monkeypatch, line + "\n")
    assert run(jsonl=True, text=None) == 1
    assert "line 1" in capsys.readouterr().err


def test_jsonl_skips_blank_lines(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Empty lines are neither results nor errors."""
    _stdin(monkeypatch, '\n{"id": 1, "text": "HTA"}\n\n')
    assert run(jsonl=True, text=None) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1


def test_human_mode_shows_the_suggestion_and_the_deciding_terms(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The report names the specialty, the confidence, unsure or not, and the terms."""
    assert run(jsonl=False, text="avis néphro : DFG 35 sous metformine") == 0
    out = capsys.readouterr().out
    assert "Suggested specialty: nephrology" in out
    assert "Confidence:" in out
    assert "Unsure: no" in out
    assert "Decided by: néphro (request)" in out


def test_human_mode_offers_the_top_choices_when_unsure(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """An unsure result lists the choices the preview would offer."""
    run(jsonl=False, text="orientation vers un psychologue ou un psychiatre ?")
    assert "Unsure: yes (offer: " in capsys.readouterr().out


def test_human_mode_reads_stdin_when_no_text_is_given(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without a text argument, the question is read from stdin."""
    _stdin(monkeypatch, "psoriasis du cuir chevelu\n")
    assert run(jsonl=False, text=None) == 0
    assert "Suggested specialty: dermatology" in capsys.readouterr().out


def test_human_mode_says_when_nothing_matched(capsys: pytest.CaptureFixture[str]) -> None:
    """A question without any known term falls back to general practice, and says so."""
    run(jsonl=False, text="bonsoir")
    out = capsys.readouterr().out
    assert "Suggested specialty: general_practice" in out
    assert "No term matched" in out


_LITHIUM = (
    "Patient bipolaire sous lithium, polyurie et soif depuis 2 mois, créat 130. On continue ?"
)


def test_an_asker_sends_their_own_specialty_last(capsys: pytest.CaptureFixture[str]) -> None:
    """`--asker psychiatry`: the psychiatrist's lithium question goes to nephrology, in both
    modes; without it, psychiatry comes first."""
    assert run(jsonl=False, text=_LITHIUM) == 0
    assert "Suggested specialty: psychiatry" in capsys.readouterr().out
    assert run(jsonl=False, text=_LITHIUM, asker=["psychiatry"]) == 0
    assert "Suggested specialty: nephrology" in capsys.readouterr().out
    line = json.dumps({"id": 1, "text": _LITHIUM})
    assert run(jsonl=True, text=line, asker=["psychiatry"]) == 0
    row = json.loads(capsys.readouterr().out)
    assert row["specialty"] == "nephrology"
    assert row["ranking"][-1][0] == "psychiatry"
