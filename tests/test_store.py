"""The DuckDB store: a report goes in whole, comes back out the same, and is never stored twice."""

from __future__ import annotations

import dataclasses
import json

import duckdb
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


def test_a_run_writes_without_vacuum_in_a_small_pool_and_puts_the_settings_back(tmp_path):
    con = store.connect(tmp_path / "events.duckdb")

    def settings():
        return dict(con.execute("SELECT name, value FROM duckdb_settings() "
                                "WHERE name IN ('max_vacuum_tasks', 'memory_limit')").fetchall())

    before = settings()
    probe = duckdb.connect()
    probe.execute(f"SET memory_limit = '{store.RUN_MEMORY_LIMIT}'")
    with store.bulk_writes(con):
        assert settings() == {"max_vacuum_tasks": "0",
                              "memory_limit": probe.execute("SELECT current_setting('memory_limit')").fetchone()[0]}
        store.write_report(con, full_report())
    assert settings() == before
