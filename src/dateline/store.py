"""DuckDB store: reads and writes of coded reports (the schema is `schema.sql` beside this file)."""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import duckdb
import numpy as np

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


@contextlib.contextmanager
def bulk_writes(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """Settings for a run's stream of small commits, back to DuckDB's defaults when it ends.

    No vacuum at checkpoints. Each automatic checkpoint (every 16 MB of log) leaves a small row
    group, and DuckDB's vacuum merges small row groups by rewriting them, with the reports' long
    texts and JSON, in memory: in a run of 10,000 reports the merges took the writing process from
    230 to 560 MiB, and they grow with the store. Unmerged, the store file is about 30% larger;
    queries read it the same. What the log holds at the end is checkpointed here, still without
    vacuum: else closing the store would merge every row group of the run at once (530 MiB).
    """
    con.execute("SET max_vacuum_tasks = 0")
    try:
        yield
    finally:
        with contextlib.suppress(duckdb.Error):  # a closed connection has nothing to put back
            con.execute("CHECKPOINT")
            con.execute("RESET max_vacuum_tasks")


def release_pages(con: duckdb.DuckDBPyConnection) -> None:
    """Let go of the pages DuckDB keeps in memory after a commit; they are read back if needed.

    DuckDB's buffer pool keeps every page a run writes until it reaches its limit (80% of the
    machine's memory), so a writer's memory would grow with its store. A low limit for the whole
    run is no cure: a commit pins about 16 MiB (a page per column) and more for long texts, and a
    pin that fails aborts it. So the limit drops between commits, which evicts what is unpinned,
    and is back to DuckDB's default before the next one.
    """
    try:
        con.execute("SET memory_limit = '8MB'")
    except duckdb.Error:
        pass  # nothing evicted: the next commit is as safe, only the pool stays larger
    finally:
        con.execute("RESET memory_limit")


@dataclass(slots=True)
class Stored:
    """The content hashes and report ids a store holds, kept by the one process that writes it.

    `write_batch` given one reads and updates these sets instead of asking DuckDB each batch:
    those look-ups scan the documents table, and over a long run they alone grew the writer's
    memory by about 1 MiB per 1,000 reports (DuckDB's, outside its buffer pool).
    """

    hashes: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)

    @classmethod
    def read(cls, con: duckdb.DuckDBPyConnection) -> Stored:
        rows = con.execute("SELECT content_hash, doc_id FROM documents").fetchall()
        return cls({r[0] for r in rows}, {r[1] for r in rows})


#: Column order of each item table, as `_rows` builds its tuples (and as schema.sql declares them).
COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": ("doc_id", "content_hash", "url", "outlet", "title", "published", "language", "text",
                  "report"),
    "places": ("doc_id", "id", "text", "start_char", "end_char", "name", "geonameid", "lat", "lon",
               "country_code", "admin1", "feature_code", "confidence", "reason"),
    "times": ("doc_id", "id", "text", "start_char", "end_char", "type", "value", "precision", "part_of_day"),
    "actors": ("doc_id", "id", "text", "start_char", "end_char", "name", "country_code", "sector", "kind",
               "variant_of"),
    "events": ("doc_id", "id", "trigger", "start_char", "end_char", "event_type", "sub_event_type",
               "plover_type", "mode", "status", "date_value", "date_precision", "date_inherited", "place_id",
               "actor1_id", "actor2_id", "fatalities", "injured", "damage", "evidence_start", "evidence_end"),
    "claims": ("doc_id", "id", "source", "source_actor_id", "cue", "stance", "content", "content_start",
               "content_end", "event_ids"),
    "flags": ("doc_id", "kind", "message", "spans"),
}


def _rows(report: Report, digest: str) -> dict[str, list[tuple[object, ...]]]:
    """The rows one report adds to each table."""
    d = report.document
    return {
        "documents": [(d.id, digest, d.url, d.outlet, d.title, d.published, d.language, d.text, to_json(report))],
        "places": [
            (d.id, p.id, p.text, p.start, p.end, p.name, p.geonameid, p.lat, p.lon, p.country_code,
             p.admin1, p.feature_code, p.confidence, p.reason) for p in report.places],
        "times": [
            (d.id, t.id, t.text, t.start, t.end, t.type, t.value, t.precision, t.part_of_day)
            for t in report.times],
        "actors": [
            (d.id, a.id, a.text, a.start, a.end, a.name, a.country_code, a.sector, a.kind, a.variant_of)
            for a in report.actors],
        "events": [
            (d.id, e.id, e.trigger.text, e.trigger.start, e.trigger.end, e.event_type, e.sub_event_type,
             e.plover_type, e.mode, e.status, e.date.value if e.date else None,
             e.date.precision if e.date else None, e.date.inherited if e.date else None, e.place_id,
             e.actor1_id, e.actor2_id, e.fatalities, e.injured, e.damage, e.evidence.start, e.evidence.end)
            for e in report.events],
        "claims": [
            (d.id, c.id, c.source.text if c.source else None, c.source.actor_id if c.source else None,
             c.cue.text, c.stance, c.content.text if c.content else None,
             c.content.start if c.content else None, c.content.end if c.content else None,
             list(c.event_ids)) for c in report.claims],
        "flags": [(d.id, f.kind, f.message, [list(s) for s in f.spans]) for f in report.flags],
    }


def _shared_id(report: Report) -> str | None:
    """Why the report cannot be stored if two of its items of a kind share an id, else None (the
    tables have no keys to refuse them: see schema.sql)."""
    for kind, items in (("places", report.places), ("times", report.times), ("actors", report.actors),
                        ("events", report.events), ("claims", report.claims)):
        ids = [item.id for item in items]
        if len(ids) != len(set(ids)):
            twice = sorted({i for i in ids if ids.count(i) > 1})
            return f"cannot store report {report.document.id!r}: {kind} share the id {twice[0]!r}"
    return None


def write_report(con: duckdb.DuckDBPyConnection, report: Report) -> bool:
    """Store one report and all its items in one transaction; False if its text is already stored."""
    d = report.document
    if (fault := _shared_id(report)) is not None:
        raise StoreError(fault)
    digest = content_hash(d.text)
    if con.execute("SELECT 1 FROM documents WHERE content_hash = ?", [digest]).fetchone():
        return False
    if con.execute("SELECT 1 FROM documents WHERE doc_id = ?", [d.id]).fetchone():
        raise StoreError(f"cannot store report {d.id!r}: the id is already used by another text; "
                         "give reports unique ids")
    con.execute("BEGIN TRANSACTION")
    try:
        for table, rows in _rows(report, digest).items():
            _insert(con, table, rows)
        con.execute("COMMIT")
    except duckdb.Error as e:
        con.execute("ROLLBACK")
        raise StoreError(f"cannot store report {d.id!r}: {e}") from None
    return True


def write_batch(
    con: duckdb.DuckDBPyConnection,
    reports: Sequence[Report],
    rejects: Sequence[Reject] = (),
    origins: Sequence[Reject] | None = None,
    stored_before: Stored | None = None,
) -> tuple[int, list[Reject]]:
    """Store many reports and rejects in one transaction: all of them or, if killed, none.

    Reports whose text is already stored are passed over, as `write_report` does. A report whose
    id is already taken by another text, or with two items of a kind under one id (a stage's bug), is
    not stored: it comes back as a `Reject` built from its entry in `origins` (where it was read
    from; the reason is filled in), and is written as a reject row. If the batch still breaks a
    table constraint, it is written again report by report, so only the faulty report becomes a
    reject.
    Returns how many reports were stored and the rejects this call made of reports.
    `stored_before`: what the store holds, if the caller keeps it (`Stored`); it is kept up to date.
    """
    where = list(origins) if origins is not None else [Reject(r.document.id, None, "") for r in reports]
    digests = [content_hash(r.document.text) for r in reports]
    if stored_before is not None:
        stored, taken = set(stored_before.hashes.intersection(digests)), stored_before.ids
    else:
        stored = _existing(con, "content_hash", digests)
        taken = _existing(con, "doc_id", [r.document.id for r in reports])
    rows: dict[str, list[tuple[object, ...]]] = {table: [] for table in COLUMNS}
    refused: list[Reject] = []
    batch_ids: set[str] = set()
    kept: list[tuple[Report, str, Reject]] = []
    for report, digest, origin in zip(reports, digests, where, strict=True):
        doc_id = report.document.id
        if digest in stored:
            continue
        if doc_id in taken or doc_id in batch_ids:
            refused.append(Reject(origin.source, origin.line,
                                  f"report id {doc_id!r} is already used by another text; give reports unique ids"))
            continue
        if (fault := _shared_id(report)) is not None:
            refused.append(Reject(origin.source, origin.line, fault))
            continue
        stored.add(digest)
        batch_ids.add(doc_id)
        kept.append((report, digest, origin))
        for table, table_rows in _rows(report, digest).items():
            rows[table].extend(table_rows)
    con.execute("BEGIN TRANSACTION")
    try:
        for table, table_rows in rows.items():
            _insert(con, table, table_rows)
        _insert_rejects(con, [*rejects, *refused])
        con.execute("COMMIT")
    except duckdb.ConstraintException:
        con.execute("ROLLBACK")
        count, failed = _write_one_by_one(con, kept)
        con.execute("BEGIN TRANSACTION")
        _insert_rejects(con, [*rejects, *refused, *failed])
        con.execute("COMMIT")
        if stored_before is not None:
            fresh = Stored.read(con)
            stored_before.hashes, stored_before.ids = fresh.hashes, fresh.ids
        return count, [*refused, *failed]
    except duckdb.Error as e:
        con.execute("ROLLBACK")
        raise StoreError(f"cannot store a batch of {len(reports)} reports: {e}") from None
    if stored_before is not None:
        stored_before.hashes.update(digest for _, digest, _ in kept)
        stored_before.ids.update(report.document.id for report, _, _ in kept)
    return len(kept), refused


def _write_one_by_one(
    con: duckdb.DuckDBPyConnection, kept: list[tuple[Report, str, Reject]]
) -> tuple[int, list[Reject]]:
    """The slow path of `write_batch`: each report in its own transaction, failures as rejects."""
    count = 0
    failed = []
    for report, _, origin in kept:
        try:
            count += write_report(con, report)
        except StoreError as e:
            failed.append(Reject(origin.source, origin.line, str(e)))
    return count, failed


def _existing(con: duckdb.DuckDBPyConnection, column: str, values: list[str]) -> set[str]:
    """Which of `values` the documents table already holds in `column`."""
    if not values:
        return set()
    query = f"SELECT DISTINCT {column} FROM documents WHERE {column} IN (SELECT unnest(?))"
    return {row[0] for row in con.execute(query, [values]).fetchall()}


def write_reject(con: duckdb.DuckDBPyConnection, reject: Reject) -> None:
    """Record an input that could not be coded."""
    con.execute("INSERT INTO rejects (source, line, reason) VALUES (?, ?, ?)",
                [reject.source, reject.line, reject.reason])


def _insert_rejects(con: duckdb.DuckDBPyConnection, rejects: Sequence[Reject]) -> None:
    """Add reject rows not already there, so a re-run over the same bad input adds nothing."""
    if not rejects:
        return
    con.register("_rows_rejects", _columns(("source", "line", "reason"),
                                           [(r.source, r.line, r.reason) for r in rejects]))
    con.execute(
        "INSERT INTO rejects (source, line, reason) SELECT DISTINCT r.source, r.line, r.reason "
        "FROM _rows_rejects r WHERE NOT EXISTS (SELECT 1 FROM rejects x WHERE x.source = r.source "
        "AND x.line IS NOT DISTINCT FROM r.line AND x.reason = r.reason)"
    )


def _columns(names: Sequence[str], rows: Sequence[tuple[object, ...]]) -> dict[str, np.ndarray]:
    """Rows as named object columns, the form DuckDB scans in bulk.

    Object arrays keep Python values as they are (None, lists, dates) and DuckDB casts them to the
    table's types on insert: about 100-300k rows/s, where row-by-row `executemany` does about 1,200.
    """
    columns = {}
    for i, name in enumerate(names):
        column = np.empty(len(rows), dtype=object)
        for j, row in enumerate(rows):  # item by item: a slice assignment would unpack equal-length lists
            column[j] = row[i]
        columns[name] = column
    return columns


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: Sequence[tuple[object, ...]]) -> None:
    """Insert rows in bulk. The scanned columns stay registered under `_rows_<table>` until the next
    insert into that table replaces them: unregistering inside a failed transaction would itself fail
    and hide the error that matters."""
    if not rows:
        return
    names = COLUMNS[table]
    con.register(f"_rows_{table}", _columns(names, rows))
    con.execute(f"INSERT INTO {table} ({', '.join(names)}) SELECT {', '.join(names)} FROM _rows_{table}")


#: The events table as an analyst reads it: one row per event with its place and actors named.
EVENTS_VIEW = """
SELECT e.doc_id AS report, e.date_value AS date, e.plover_type AS plover, e.sub_event_type AS acled,
       p.name AS place, a1.name AS actor1, a2.name AS actor2, e.fatalities AS killed, e.injured,
       e.status
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
