"""Corpus runs: every report stored exactly once, whatever fails, repeats, or kills the run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from fakes import DIE, KILL_PARENT, LOOP, MISSING, RAISE, broken_factory, make_fake

from dateline import store
from dateline.cli import main
from dateline.engines import local
from dateline.errors import ResourceError
from dateline.ingest.sources import read_sources

TESTS = Path(__file__).resolve().parent
TABLES = ("documents", "places", "times", "actors", "events", "claims", "flags", "rejects")


def counts(db: Path) -> dict[str, int]:
    con = store.connect(db)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        con.close()


def stored_ids(db: Path) -> list[str]:
    con = store.connect(db)
    try:
        return [r[0] for r in con.execute("SELECT doc_id FROM documents ORDER BY doc_id").fetchall()]
    finally:
        con.close()


def write_feed(path: Path, n: int, special: dict[int, str] | None = None) -> list[str]:
    """A JSONL feed of `n` distinct reports; `special` puts a cue into some of them."""
    ids = []
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            text = f"Report {i}: shelling hit Kyiv overnight. {(special or {}).get(i, '')}"
            out.write(json.dumps({"id": f"r{i:03d}", "text": text, "published": "2024-05-02"}) + "\n")
            ids.append(f"r{i:03d}")
    return ids


def run(sources: list[Path | str], db: Path, workers: int = 0, batch_size: int = 4,
        timeout: float | None = 60) -> local.RunStats:
    con = store.connect(db)
    try:
        return local.run(read_sources([str(s) for s in sources]), con, workers=workers, batch_size=batch_size,
                         coder_factory=make_fake, timeout=timeout)
    finally:
        con.close()


def test_run_stores_every_report_and_rerun_adds_nothing(tmp_path):
    feed = tmp_path / "feed.jsonl"
    ids = write_feed(feed, 10)
    db = tmp_path / "events.duckdb"
    stats = run([feed], db)
    assert (stats.stored, stats.skipped, stats.rejected) == (10, 0, 0)
    first = counts(db)
    assert first["documents"] == first["events"] == first["places"] == 10
    again = run([feed], db)
    assert (again.stored, again.skipped) == (0, 10)
    assert counts(db) == first
    assert stored_ids(db) == ids


def test_repeated_texts_are_stored_once(tmp_path):
    feed = tmp_path / "feed.jsonl"
    line = json.dumps({"id": "a", "text": "Shelling hit Kyiv."})
    feed.write_text(line + "\n" + line.replace('"a"', '"b"') + "\n", encoding="utf-8")
    stats = run([feed], tmp_path / "events.duckdb")
    assert (stats.stored, stats.skipped) == (1, 1)


def test_a_stage_exception_is_a_reject_and_the_run_goes_on(tmp_path):
    feed = tmp_path / "feed.jsonl"
    ids = write_feed(feed, 9, {4: RAISE})
    db = tmp_path / "events.duckdb"
    stats = run([feed], db)
    assert (stats.stored, stats.rejected) == (8, 1)
    assert stored_ids(db) == [i for i in ids if i != "r004"]
    con = store.connect(db)
    ((source, line, reason),) = con.execute("SELECT source, line, reason FROM rejects").fetchall()
    con.close()
    assert (source, line) == (str(feed), 5)
    assert reason.startswith("report 'r004': ValueError") and "fakes" not in reason or "cannot read" in reason
    # a re-run tries the failed report again, and records its failure only once
    run([feed], db)
    assert counts(db)["rejects"] == 1


@pytest.mark.parametrize("workers", [0, 1])
def test_a_report_that_never_ends_is_a_reject(tmp_path, workers):
    feed = tmp_path / "feed.jsonl"
    ids = write_feed(feed, 3, {1: LOOP})
    db = tmp_path / "events.duckdb"
    stats = run([feed], db, workers=workers, timeout=0.2)
    assert (stats.stored, stats.rejected) == (2, 1)
    assert stored_ids(db) == [ids[0], ids[2]]
    con = store.connect(db)
    (reason,) = con.execute("SELECT reason FROM rejects").fetchone()
    con.close()
    assert reason == "report 'r001': coding took longer than 0.2 s; skipped"


def test_too_long_a_report_is_rejected_before_coding(tmp_path):
    (tmp_path / "huge.txt").write_text("Shelling hit Kyiv. " * 550_000, encoding="utf-8")  # 10.4 MB
    (tmp_path / "small.txt").write_text("Shelling hit Kyiv.", encoding="utf-8")
    db = tmp_path / "events.duckdb"
    stats = run([tmp_path], db)
    assert (stats.stored, stats.rejected) == (1, 1)
    con = store.connect(db)
    ((source, reason),) = con.execute("SELECT source, reason FROM rejects").fetchall()
    con.close()
    assert source.endswith("huge.txt") and "too long to code (10,450,000 characters" in reason


def test_an_id_used_by_another_text_is_a_reject(tmp_path):
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text(json.dumps({"id": "x", "text": "Shelling hit Kyiv."}) + "\n", encoding="utf-8")
    second.write_text(json.dumps({"id": "x", "text": "Shelling hit Kyiv again."}) + "\n", encoding="utf-8")
    db = tmp_path / "events.duckdb"
    stats = run([first, second], db)
    assert (stats.stored, stats.rejected) == (1, 1)
    con = store.connect(db)
    ((source, line, reason),) = con.execute("SELECT source, line, reason FROM rejects").fetchall()
    con.close()
    assert (source, line) == (str(second), 1) and "already used by another text" in reason


def test_worker_processes_give_the_same_store(tmp_path):
    feed = tmp_path / "feed.jsonl"
    write_feed(feed, 30, {7: RAISE})
    inline, pooled = tmp_path / "inline.duckdb", tmp_path / "pooled.duckdb"
    run([feed], inline, workers=0)
    run([feed], pooled, workers=2)
    assert counts(inline) == counts(pooled)
    assert stored_ids(inline) == stored_ids(pooled)


def test_a_report_that_kills_its_worker_is_a_reject_and_no_other_is_lost(tmp_path):
    feed = tmp_path / "feed.jsonl"
    ids = write_feed(feed, 20, {9: DIE})
    db = tmp_path / "events.duckdb"
    stats = run([feed], db, workers=2)
    assert (stats.stored, stats.rejected) == (19, 1)
    assert stored_ids(db) == [i for i in ids if i != "r009"]
    con = store.connect(db)
    (reason,) = con.execute("SELECT reason FROM rejects").fetchone()
    con.close()
    assert reason == "report 'r009': the worker process died while coding it"


KILLED_RUN = """
import sys
from dateline import store
from dateline.engines import local
from dateline.ingest.sources import read_sources
from fakes import make_fake
con = store.connect(sys.argv[1])
local.run(read_sources([sys.argv[2]]), con, workers=1, batch_size=2, coder_factory=make_fake)
"""


def test_killed_mid_run_a_rerun_stores_every_report_exactly_once(tmp_path):
    feed = tmp_path / "feed.jsonl"
    ids = write_feed(feed, 60, {40: KILL_PARENT})
    db = tmp_path / "events.duckdb"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(TESTS), *sys.path]), "DATELINE_TEST_KILL_PARENT": "1"}
    done = subprocess.run([sys.executable, "-c", KILLED_RUN, str(db), str(feed)], env=env, timeout=120,
                          capture_output=True)
    assert done.returncode == -signal.SIGKILL, done.stderr.decode()
    partial = stored_ids(db)
    assert 0 < len(partial) < len(ids)
    stats = run([feed], db)
    assert stats.stored == len(ids) - len(partial)
    assert stored_ids(db) == ids
    assert counts(db)["events"] == len(ids)


def test_dateline_run_killed_with_sigkill_resumes(tmp_path):
    """The real command with the real pipeline, killed after its first commit, then run again."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(40):
        (corpus / f"r{i:02d}.txt").write_text(f"Police arrested {i + 2} protesters in Nairobi on Monday.",
                                              encoding="utf-8")
    db = tmp_path / "events.duckdb"
    command = [sys.executable, "-m", "dateline.cli", "--debug", "run", str(corpus), "--db", str(db),
               "--workers", "1", "--batch-size", "2"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    timer = threading.Timer(600, process.kill)  # a guard, in case the run never commits
    timer.start()
    killed = False
    try:
        assert process.stderr is not None
        for line in process.stderr:
            if "committed a batch: 2 reports stored" in line:
                process.send_signal(signal.SIGKILL)
                killed = True
                break
        process.wait()
    finally:
        timer.cancel()
    assert killed, "the run ended before its first commit was seen (or the guard timer ended it)"
    assert process.returncode == -signal.SIGKILL
    partial = stored_ids(db)
    assert 0 < len(partial) < 40
    done = subprocess.run([*command[:3], *command[4:]], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert f"{40 - len(partial)} reports stored, {len(partial)} already stored, 0 rejected" in done.stdout
    assert stored_ids(db) == [f"r{i:02d}" for i in range(40)]


def test_cli_run_bad_inputs_become_rejects(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (corpus / "latin1.txt").write_bytes(b"Caf\xe9 bombing")
    (corpus / "huge.txt").write_text("Talks went on. " * 700_000, encoding="utf-8")
    (corpus / "broken.html").write_bytes(b"<html><body><p>Troops shelled Goma.<div><p>Six died.</b></i")
    (corpus / "nothing.html").write_bytes(b"<html><head><script>var a = 1;</script></head><body><nav></nav>")
    (corpus / "crawl.warc").write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: oops\r\n\r\n")
    (corpus / "feed.jsonl").write_text('{"id": "a", "text": "Talks began in Doha."}\n{oops\n', encoding="utf-8")
    (corpus / "good.txt").write_text("Police arrested two men in Nairobi on Monday.", encoding="utf-8")
    db = tmp_path / "events.duckdb"
    code = main(["run", str(corpus), "--db", str(db), "--workers", "0"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "3 reports stored, 0 already stored, 7 rejected" in out and "Traceback" not in err
    con = store.connect(db)
    reasons = dict(con.execute("SELECT regexp_replace(source, '.*/', ''), reason FROM rejects").fetchall())
    con.close()
    assert set(reasons) == {"empty.txt", "binary.txt", "latin1.txt", "huge.txt", "nothing.html", "crawl.warc",
                            "feed.jsonl"}
    assert "empty report" in reasons["empty.txt"] and "binary data" in reasons["binary.txt"]
    assert "not valid UTF-8" in reasons["latin1.txt"] and "too long to code" in reasons["huge.txt"]
    assert "no article text" in reasons["nothing.html"] and "malformed JSON" in reasons["feed.jsonl"]
    assert "WARC" in reasons["crawl.warc"]
    assert stored_ids(db) == ["a", "broken", "good"]
    # the same input again adds nothing at all
    before = counts(db)
    assert main(["run", str(corpus), "--db", str(db), "--workers", "0"]) == 0
    assert counts(db) == before


@pytest.mark.parametrize(("argv", "message"), [
    (["run", "nowhere/", "--db", "x.duckdb"], "nowhere/: no such file or directory"),
    (["run", "-", "-", "--db", "x.duckdb"], "stdin (-) can be read only once"),
])
def test_cli_run_bad_arguments(tmp_path, capsys, monkeypatch, argv, message):
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    _, err = capsys.readouterr()
    assert message in err and err.count("\n") == 1


@pytest.mark.parametrize("workers", [0, 1])
def test_a_pipeline_that_cannot_be_built_stops_the_run_with_its_message(tmp_path, workers):
    feed = tmp_path / "feed.jsonl"
    write_feed(feed, 3)
    con = store.connect(tmp_path / "events.duckdb")
    with pytest.raises(ResourceError, match="build-gazetteer"):
        local.run(read_sources([str(feed)]), con, workers=workers, coder_factory=broken_factory)
    assert con.execute("SELECT count(*) FROM rejects").fetchone() == (0,)


@pytest.mark.parametrize("workers", [0, 1])
def test_a_resource_missing_while_coding_stops_the_run(tmp_path, workers):
    feed = tmp_path / "feed.jsonl"
    write_feed(feed, 3, {1: MISSING})
    con = store.connect(tmp_path / "events.duckdb")
    with pytest.raises(ResourceError, match="reinstall"):
        local.run(read_sources([str(feed)]), con, workers=workers, batch_size=1, coder_factory=make_fake)
    assert con.execute("SELECT count(*) FROM rejects").fetchone() == (0,)
