"""The command line: JSON on stdout, one-line errors naming the problem, non-zero exits, no tracebacks."""

from __future__ import annotations

import json

import pytest

from dateline.cli import format_table, main
from dateline.output import validate


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_extract_text_report(tmp_path, capsys):
    path = tmp_path / "report.txt"
    path.write_text("Police arrested two protesters in Nairobi on Monday, a spokesman said.", encoding="utf-8")
    code, out, err = run(capsys, "extract", str(path), "--published", "2024-05-02", "--outlet", "AP")
    assert code == 0, err
    obj = json.loads(out)
    validate(obj)
    assert obj["document"] == {"id": "report", "url": None, "outlet": "AP", "title": None,
                               "published": "2024-05-02", "language": "en"}


@pytest.mark.parametrize(
    ("content", "argv", "message"),
    [
        (b"", [], "empty report"),
        (b"\x00\x01\x02binary", [], "binary data"),
        (b"Caf\xe9", [], "not valid UTF-8"),
        (b"Talks began.", ["--published", "March 2023"], "must be a date like 2023-03-21"),
    ],
)
def test_extract_bad_text_input(tmp_path, capsys, content, argv, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    code, out, err = run(capsys, "extract", str(path), *argv)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and message in err and "Traceback" not in err


def test_extract_missing_file(tmp_path, capsys):
    code, _, err = run(capsys, "extract", str(tmp_path / "nope.txt"))
    assert code == 2 and "cannot read" in err


def test_extract_jsonl_reports_bad_line_and_codes_the_rest(tmp_path, capsys):
    path = tmp_path / "feed.jsonl"
    path.write_text(
        json.dumps({"id": "a", "text": "Protesters marched in Lima on Tuesday.", "published": "2024-03-07"})
        + "\n{broken\n"
        + json.dumps({"id": "b", "text": "Troops shelled a village near Goma.", "published": None}) + "\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "extract", str(path))
    assert code == 1
    outputs = [json.loads(line) for line in out.splitlines()]
    assert [o["document"]["id"] for o in outputs] == ["a", "b"]
    for o in outputs:
        validate(o)
    assert f"{path}:2: malformed JSON" in err and "Traceback" not in err


def test_extract_empty_jsonl(tmp_path, capsys):
    path = tmp_path / "feed.jsonl"
    path.write_text("", encoding="utf-8")
    code, out, err = run(capsys, "extract", str(path))
    assert code == 2 and out == "" and "empty file" in err


def test_format_table_cuts_long_cells():
    table = format_table(["a", "b"], [(1, "x" * 40), (None, "y")], width=10)
    lines = table.splitlines()
    assert lines[0].split() == ["a", "b"]
    assert lines[2] == "1  xxxxxxxxx…"
    assert lines[3] == "   y"
