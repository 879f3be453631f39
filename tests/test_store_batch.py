"""The batch writer: the same rows as `write_report`, in one transaction, and never a report twice."""

from __future__ import annotations

import dataclasses

import pytest
from test_output import full_report

from dateline import store
from dateline.errors import StoreError
from dateline.model import Reject, Span


def test_batch_writer_stores_what_write_report_stores(tmp_path):
    first = full_report()
    document = dataclasses.replace(first.document, id="k2", text=first.document.text + " ")
    second = dataclasses.replace(first, document=document)
    reports = [first, second]
    one, many = store.connect(tmp_path / "one.duckdb"), store.connect(tmp_path / "many.duckdb")
    for r in reports:
        store.write_report(one, r)
    assert store.write_batch(many, reports) == (2, [])
    assert store.write_batch(many, reports) == (0, [])
    for table in store.COLUMNS:
        query = f"SELECT * FROM {table} ORDER BY ALL"
        assert one.execute(query).fetchall() == many.execute(query).fetchall(), table


def test_a_writer_that_keeps_what_is_stored_decides_as_the_store_would(tmp_path):
    first = full_report()
    con = store.connect(tmp_path / "events.duckdb")
    store.write_report(con, first)
    known = store.Stored.read(con)
    assert known == store.Stored({store.content_hash(first.document.text)}, {first.document.id})
    again = dataclasses.replace(first.document, id="other id")  # the same text: passed over
    taken = dataclasses.replace(first.document, text="Another text.")  # its id names another text
    new = dataclasses.replace(first.document, id="k3", text="A third text.")
    batch = [dataclasses.replace(first, document=d) for d in (again, taken, new)]
    stored, refused = store.write_batch(con, batch, stored_before=known)
    assert stored == 1
    assert ["already used by another text" in r.reason for r in refused] == [True]
    assert known == store.Stored.read(con)  # kept up to date with what was written


def test_two_items_under_one_id_reject_only_that_report(tmp_path):
    good = full_report()
    event = good.events[0]
    twice = dataclasses.replace(good, document=dataclasses.replace(good.document, id="bad", text="Other text."),
                                events=(event, dataclasses.replace(event, trigger=Span(0, 5, "Other"))))
    con = store.connect(tmp_path / "events.duckdb")
    origins = [Reject("a.jsonl", 1, ""), Reject("a.jsonl", 2, "")]
    stored, rejects = store.write_batch(con, [good, twice], origins=origins)
    assert stored == 1
    assert [(r.source, r.line) for r in rejects] == [("a.jsonl", 2)]
    assert "cannot store report 'bad': events share the id" in rejects[0].reason
    assert con.execute("SELECT doc_id FROM documents").fetchall() == [("k1",)]
    assert con.execute("SELECT count(*) FROM events").fetchone() == (1,)
    assert con.execute("SELECT source, line FROM rejects").fetchall() == [("a.jsonl", 2)]
    with pytest.raises(StoreError, match="events share the id"):
        store.write_report(con, twice)


@pytest.mark.parametrize("n", [0, 1])
def test_rejects_are_written_once(tmp_path, n):
    con = store.connect(tmp_path / "events.duckdb")
    rejects = [Reject("feed.jsonl", 3, "malformed JSON"), Reject("feed.jsonl", None, "empty")][: n + 1]
    for _ in range(2):
        store.write_batch(con, [], [*rejects, *rejects])
    assert sorted(con.execute("SELECT source, line, reason FROM rejects").fetchall(), key=str) == sorted(
        [(r.source, r.line, r.reason) for r in rejects], key=str)
