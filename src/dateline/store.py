"""DuckDB store: reads and writes of coded reports (the schema is `schema.sql` beside this file)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

import duckdb

from dateline.errors import StoreError
from dateline.model import Reject, Report
from dateline.output import to_json


def content_hash(text: str) -> str:
    """The identity of a report's text: equal texts are the same report."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def connect(path: Path | str) -> duckdb.DuckDBPyConnection:
    """Open (or create) a store and make sure its tables exist."""
    try:
        con = duckdb.connect(str(path))
    except duckdb.Error as e:
        raise StoreError(f"{path}: cannot open the DuckDB store ({e}); is another process using it?") from None
    con.execute(resources.files("dateline").joinpath("schema.sql").read_text(encoding="utf-8"))
    return con


def stored_hashes(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Content hashes of every report already stored."""
    return {row[0] for row in con.execute("SELECT content_hash FROM documents").fetchall()}


def write_report(con: duckdb.DuckDBPyConnection, report: Report) -> bool:
    """Store one report and all its items in one transaction; False if its text is already stored."""
    d = report.document
    digest = content_hash(d.text)
    if con.execute("SELECT 1 FROM documents WHERE content_hash = ?", [digest]).fetchone():
        return False
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(
            "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [d.id, digest, d.url, d.outlet, d.title, d.published, d.language, d.text, to_json(report)],
        )
        _insert(con, "places", [
            (d.id, p.id, p.text, p.start, p.end, p.name, p.geonameid, p.lat, p.lon, p.country_code,
             p.admin1, p.feature_code, p.confidence, p.reason) for p in report.places])
        _insert(con, "times", [
            (d.id, t.id, t.text, t.start, t.end, t.type, t.value, t.precision, t.part_of_day)
            for t in report.times])
        _insert(con, "actors", [
            (d.id, a.id, a.text, a.start, a.end, a.name, a.country_code, a.sector, a.kind, a.variant_of)
            for a in report.actors])
        _insert(con, "events", [
            (d.id, e.id, e.trigger.text, e.trigger.start, e.trigger.end, e.event_type, e.sub_event_type,
             e.plover_type, e.mode, e.status, e.date.value if e.date else None,
             e.date.precision if e.date else None, e.date.inherited if e.date else None, e.place_id,
             e.actor1_id, e.actor2_id, e.fatalities, e.injured, e.damage, e.evidence.start, e.evidence.end)
            for e in report.events])
        _insert(con, "claims", [
            (d.id, c.id, c.source.text if c.source else None, c.source.actor_id if c.source else None,
             c.cue.text, c.stance, c.content.text if c.content else None,
             c.content.start if c.content else None, c.content.end if c.content else None,
             list(c.event_ids)) for c in report.claims])
        _insert(con, "flags", [(d.id, f.kind, f.message, [list(s) for s in f.spans]) for f in report.flags])
        con.execute("COMMIT")
    except duckdb.Error as e:
        con.execute("ROLLBACK")
        raise StoreError(f"cannot store report {d.id!r}: {e}") from None
    return True


def write_reject(con: duckdb.DuckDBPyConnection, reject: Reject) -> None:
    """Record an input that could not be coded."""
    con.execute("INSERT INTO rejects (source, line, reason) VALUES (?, ?, ?)",
                [reject.source, reject.line, reject.reason])


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: Iterable[tuple[object, ...]]) -> None:
    rows = list(rows)
    if rows:
        marks = ", ".join("?" * len(rows[0]))
        con.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)


#: The events table as an analyst reads it: one row per event with its place and actors named.
EVENTS_VIEW = """
SELECT e.doc_id, e.id, e.date_value AS date, e.plover_type, e.event_type, e.sub_event_type,
       p.name AS place, p.country_code AS country, a1.name AS actor1, a2.name AS actor2,
       e.fatalities, e.injured, e.status, e.trigger
FROM events e
LEFT JOIN places p ON p.doc_id = e.doc_id AND p.id = e.place_id
LEFT JOIN actors a1 ON a1.doc_id = e.doc_id AND a1.id = e.actor1_id
LEFT JOIN actors a2 ON a2.doc_id = e.doc_id AND a2.id = e.actor2_id
ORDER BY e.doc_id, e.evidence_start, e.id
"""


def events_table(con: duckdb.DuckDBPyConnection) -> tuple[list[str], list[tuple[object, ...]]]:
    """Column names and rows of every stored event, in document and text order."""
    cursor = con.execute(EVENTS_VIEW)
    return [c[0] for c in cursor.description], cursor.fetchall()
