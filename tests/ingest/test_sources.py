"""SOURCE arguments: files, directories and stdin, each report with a stable id and its origin."""

from __future__ import annotations

import io
import json
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.errors import InputError
from dateline.ingest.sources import Located, check_sources, count_reports, read_sources, sniff
from dateline.model import Reject


def tree(root):
    (root / "2024" / "05").mkdir(parents=True)
    (root / "2024" / "05" / "strike.txt").write_text("Shelling hit Kyiv.", encoding="utf-8")
    (root / "a.html").write_text("<html><body><article><p>Protesters marched through Lima on Tuesday "
                                 "demanding new elections.</p></article></body></html>", encoding="utf-8")
    (root / "feed.jsonl").write_text(
        json.dumps({"id": "j1", "text": "Talks began."}) + "\n\n{bad\n"
        + json.dumps({"id": "j2", "text": "Talks ended."}) + "\n", encoding="utf-8")
    (root / "notes.md").write_text("not a report", encoding="utf-8")
    (root / ".hidden.txt").write_text("not a report either", encoding="utf-8")
    (root / "empty.txt").write_text("", encoding="utf-8")


def test_directory_walk_ids_and_origins(tmp_path):
    tree(tmp_path)
    items = list(read_sources([str(tmp_path)]))
    located = [(i.document.id, i.source.removeprefix(str(tmp_path)), i.line) for i in items if isinstance(i, Located)]
    assert located == [("a", "/a.html", None), ("j1", "/feed.jsonl", 1), ("j2", "/feed.jsonl", 4),
                       ("2024/05/strike", "/2024/05/strike.txt", None)]
    rejects = [(r.source.removeprefix(str(tmp_path)), r.line, r.reason) for r in items if isinstance(r, Reject)]
    assert rejects[0] == ("/empty.txt", None, "empty report, nothing to code")
    assert rejects[1][:2] == ("/feed.jsonl", 3) and rejects[1][2].startswith("malformed JSON")
    assert count_reports([str(tmp_path)]) == len(items) == 6


def test_a_file_named_on_the_command_line_is_known_by_its_stem(tmp_path):
    path = tmp_path / "report.v2.txt"
    path.write_text("Shelling hit Kyiv.", encoding="utf-8")
    (item,) = read_sources([str(path)])
    assert isinstance(item, Located) and item.document.id == "report.v2" and item.source == str(path)


def test_an_explicit_file_of_unknown_extension_is_sniffed(tmp_path):
    path = tmp_path / "feed.data"
    path.write_text(json.dumps({"id": "j1", "text": "Talks began."}) + "\n", encoding="utf-8")
    (item,) = read_sources([str(path)])
    assert isinstance(item, Located) and item.document.id == "j1"


@pytest.mark.parametrize(("head", "kind"), [
    (b"WARC/1.0\r\n", "warc"), (b"\x1f\x8b\x08", "warc"), (b"\xef\xbb\xbf<!DOCTYPE html><html>", "html"),
    (b"  <html lang=en>", "html"), (b'{"id": 1}', "jsonl"), (b"Police said", "text"), (b"<3 this", "text"),
])
def test_sniff(head, kind):
    assert sniff(head) == kind


def test_stdin(monkeypatch):
    feed = (json.dumps({"id": "s1", "text": "Talks began."}) + "\n").encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(feed))))
    (item,) = read_sources(["-"])
    assert isinstance(item, Located) and (item.document.id, item.source, item.line) == ("s1", "<stdin>", 1)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(b"Shelling hit Kyiv."))))
    (item,) = read_sources(["-"])
    assert isinstance(item, Located) and item.document.text == "Shelling hit Kyiv."
    assert count_reports(["-"]) is None


def test_check_sources(tmp_path):
    assert check_sources([str(tmp_path), "-"]) == [str(tmp_path), "-"]
    with pytest.raises(InputError, match="no such file or directory"):
        check_sources([str(tmp_path / "missing")])
    with pytest.raises(InputError, match="no SOURCE"):
        check_sources([])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=600),
       prefix=st.sampled_from([b"", b"WARC/1.0\r\n", b"<html><body><p>", b'{"id": 1, "text": "']))
def test_no_bytes_make_the_walk_crash(tmp_path, data, prefix):
    for name in ("x.txt", "x.html", "x.jsonl", "x.warc", "x.warc.gz", "x.unknown"):
        (tmp_path / name).write_bytes(prefix + data)
    for path in sorted(tmp_path.iterdir()):
        items = list(read_sources([str(path)]))
        assert items and all(isinstance(i, (Located, Reject)) for i in items)
