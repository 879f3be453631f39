"""Readers: good input becomes Documents; every kind of bad input is named precisely."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from dateline import ingest
from dateline.errors import InputError
from dateline.model import Document, Reject


def test_text_report_with_date(tmp_path):
    path = tmp_path / "r1.txt"
    path.write_text("\ufeffPolice arrested two men on Monday.", encoding="utf-8")
    doc = ingest.read_text(path, "2024-05-02", "Reuters")
    assert doc == Document(id="r1", text="Police arrested two men on Monday.", published=dt.date(2024, 5, 2),
                           outlet="Reuters")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty report"),
        (b"  \n\t\n", "empty report"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary data"),
        (b"Caf\xe9 bombing\nsecond line \xff", ":1: not valid UTF-8"),
    ],
)
def test_bad_text_reports(tmp_path, data, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(InputError, match=message):
        ingest.read_text(path)


@pytest.mark.parametrize("value", ["2023-21-03", "21/03/2023", "yesterday", "2023-02-30"])
def test_malformed_dates(tmp_path, value):
    path = tmp_path / "r.txt"
    path.write_text("Talks began.", encoding="utf-8")
    with pytest.raises(InputError, match="must be a date like 2023-03-21"):
        ingest.read_text(path, value)


def test_jsonl_skips_bad_lines_and_keeps_order(tmp_path):
    lines = [
        json.dumps({"id": "a", "text": "One.", "published": "2024-01-02", "outlet": None, "url": None,
                    "title": None}),
        "{not json",
        json.dumps({"id": "c", "text": ""}),
        json.dumps(["a list"]),
        json.dumps({"id": "e", "text": "Two.", "published": "2024-99-01"}),
        "",
        json.dumps({"id": 6, "text": "Three."}),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_bytes(("\n".join(lines) + "\n").encode() + b'{"id": "x", "text": "\xff"}\n')
    items = list(ingest.read_jsonl(path))
    assert [i.id for i in items if isinstance(i, Document)] == ["a", "6"]
    rejects = {i.line: i.reason for i in items if isinstance(i, Reject)}
    assert set(rejects) == {2, 3, 4, 5, 8}
    assert rejects[2].startswith("malformed JSON")
    assert "'text' must be a non-empty string" in rejects[3]
    assert "expected a JSON object" in rejects[4]
    assert "2024-99-01" in rejects[5]
    assert rejects[8] == "not valid UTF-8"


def test_empty_jsonl(tmp_path):
    path = tmp_path / "empty.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    with pytest.raises(InputError, match="empty file"):
        list(ingest.read_jsonl(path))
