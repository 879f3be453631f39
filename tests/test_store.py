"""The DuckDB store: a report goes in whole, comes back out the same, and is never stored twice."""

from __future__ import annotations

import dataclasses
import json

import pytest
from test_output import full_report

from dateline import store
from dateline.errors import StoreError
from dateline.model import Reject
from dateline.output import to_dict


def test_round_trip_and_idempotency(tmp_path):
    con = store.connect(tmp_path / "events.duckdb")
    report = full_report()
    assert store.write_report(con, report) is True
    assert store.write_report(con, report) is False
    (stored,) = con.execute("SELECT report FROM documents").fetchone()
    assert json.loads(stored) == to_dict(report)
    counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("documents", "places", "times", "actors", "events", "claims", "flags")}
    assert counts == {"documents": 1, "places": 1, "times": 1, "actors": 2, "events": 1, "claims": 1, "flags": 1}
    columns, rows = store.events_table(con)
    row = dict(zip(columns, rows[0], strict=True))
    assert (row["place"], row["actor1"], row["date"], row["acled"]) == (
        "Nakuru", "Police (Kenya)", "2024-04-29", "Arrests")


def test_an_id_names_one_text(tmp_path):
    con = store.connect(tmp_path / "events.duckdb")
    report = full_report()
    store.write_report(con, report)
    other = dataclasses.replace(report, document=dataclasses.replace(report.document, text="Another text."))
    with pytest.raises(StoreError, match="already used by another text"):
        store.write_report(con, other)
    assert con.execute("SELECT count(*) FROM documents").fetchone() == (1,)


def test_rejects_are_kept(tmp_path):
    con = store.connect(tmp_path / "events.duckdb")
    store.write_reject(con, Reject("feed.jsonl", 3, "malformed JSON"))
    assert con.execute("SELECT source, line, reason FROM rejects").fetchall() == [
        ("feed.jsonl", 3, "malformed JSON")]


def test_a_run_writes_without_vacuum_and_puts_the_setting_back(tmp_path):
    con = store.connect(tmp_path / "events.duckdb")

    def vacuum_tasks():
        return con.execute("SELECT current_setting('max_vacuum_tasks')").fetchone()[0]

    before = vacuum_tasks()
    with store.bulk_writes(con):
        assert vacuum_tasks() == 0
        store.write_report(con, full_report())
    assert vacuum_tasks() == before > 0
    assert not (tmp_path / "events.duckdb.wal").exists()  # checkpointed before vacuum came back


def test_pages_are_released_between_commits_and_the_limit_is_back(tmp_path):
    con = store.connect(tmp_path / "events.duckdb")
    limit = con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
    report = full_report()
    for i in range(8):  # 8 texts of 2 MB: far more than the 8 MB the pool drops to
        document = dataclasses.replace(report.document, id=f"r{i}", text=f"report {i} " + "word " * 400_000)
        store.write_report(con, dataclasses.replace(report, document=document))

    def used():
        return con.execute("SELECT sum(memory_usage_bytes) FROM duckdb_memory()").fetchone()[0]

    assert used() > 16 * 2**20
    store.release_pages(con)
    assert used() <= 8 * 2**20
    assert con.execute("SELECT current_setting('memory_limit')").fetchone()[0] == limit
    assert con.execute("SELECT count(*), sum(length(text)) FROM documents").fetchone() == (8, 8 * 2_000_009)
