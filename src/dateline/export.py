"""Queries and exports of a store: events filtered by date, type, country and box, in several formats.

- `find_events`: one row per event, its place, actors and source named (`EVENT_COLUMNS`);
- `write_acled_csv`: ACLED's column names and order, so tools written for ACLED read it unchanged;
- `write_geojson`: a FeatureCollection of the events that have a point;
- `write_jsonl`: the stored `dateline/1` object of every document;
- `write_parquet`: the event rows as a Parquet file (written by DuckDB itself).
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

import duckdb

from dateline.errors import InputError

#: ACLED's columns, in ACLED's order (ACLED codebook, "Data columns").
ACLED_COLUMNS = ("event_date", "event_type", "sub_event_type", "actor1", "actor2", "country", "admin1",
                 "location", "latitude", "longitude", "geo_precision", "time_precision", "source", "notes",
                 "fatalities")

#: ACLED's time_precision: 1 the day is known, 2 the week, 3 only the month (or coarser, here).
_TIME_PRECISION = {"time": 1, "day": 1, "week": 2, "month": 3}

#: ACLED's geo_precision from the GeoNames feature code: 1 a town or a point in it, 2 a district
#: or small area around it, 3 only a region, a country or larger is known.
_GEO_PRECISION_2 = ("ADM2", "ADM3", "ADM4", "ADM5", "ADMD")

EVENT_COLUMNS = ("doc_id", "event_id", "date", "date_precision", "event_type", "sub_event_type",
                 "plover_type", "status", "actor1", "actor1_country", "actor2", "actor2_country", "place",
                 "country_code", "admin1", "latitude", "longitude", "feature_code", "fatalities", "injured",
                 "trigger", "notes", "outlet", "url", "published")

_EVENTS_SQL = """
WITH e AS (
  SELECT *,
    CASE WHEN regexp_full_match(date_value, '\\d{4}-\\d{2}-\\d{2}.*') THEN TRY_CAST(date_value[1:10] AS DATE)
         WHEN regexp_full_match(date_value, '\\d{4}-\\d{2}') THEN TRY_CAST(date_value || '-01' AS DATE)
         WHEN regexp_full_match(date_value, '\\d{4}') THEN TRY_CAST(date_value || '-01-01' AS DATE)
    END AS period_start,
    CASE WHEN regexp_full_match(date_value, '\\d{4}-\\d{2}-\\d{2}.*') THEN TRY_CAST(date_value[1:10] AS DATE)
         WHEN regexp_full_match(date_value, '\\d{4}-\\d{2}') THEN last_day(TRY_CAST(date_value || '-01' AS DATE))
         WHEN regexp_full_match(date_value, '\\d{4}') THEN TRY_CAST(date_value || '-12-31' AS DATE)
    END AS period_end
  FROM events
)
SELECT e.doc_id, e.id AS event_id, e.date_value AS date, e.date_precision, e.event_type, e.sub_event_type,
       e.plover_type, e.status, coalesce(a1.name, a1.text) AS actor1, a1.country_code AS actor1_country,
       coalesce(a2.name, a2.text) AS actor2, a2.country_code AS actor2_country,
       coalesce(p.name, p.text) AS place, p.country_code, p.admin1, p.lat AS latitude, p.lon AS longitude,
       p.feature_code, e.fatalities, e.injured, e.trigger,
       substring(d.text, e.evidence_start + 1, e.evidence_end - e.evidence_start) AS notes,
       d.outlet, d.url, d.published, e.period_start
FROM e
JOIN documents d ON d.doc_id = e.doc_id
LEFT JOIN places p ON p.doc_id = e.doc_id AND p.id = e.place_id
LEFT JOIN actors a1 ON a1.doc_id = e.doc_id AND a1.id = e.actor1_id
LEFT JOIN actors a2 ON a2.doc_id = e.doc_id AND a2.id = e.actor2_id
"""


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to keep; every criterion given must hold (None keeps all)."""

    since: dt.date | None = None  # the event's date (or period) ends on or after this day
    until: dt.date | None = None  # ... and starts on or before this day
    types: tuple[str, ...] = ()  # an ACLED event or sub-event type, or a PLOVER type (any case)
    country: str | None = None  # ISO 3166-1 alpha-2 code of the event's place
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat

    def where(self) -> tuple[str, list[Any]]:
        """The SQL condition and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.since is not None:
            clauses.append("e.period_end >= ?")
            params.append(self.since)
        if self.until is not None:
            clauses.append("e.period_start <= ?")
            params.append(self.until)
        if self.types:
            clauses.append("(lower(e.event_type) IN (SELECT unnest(?)) OR lower(e.sub_event_type) IN "
                           "(SELECT unnest(?)) OR lower(e.plover_type) IN (SELECT unnest(?)))")
            lowered = [t.lower() for t in self.types]
            params += [lowered, lowered, lowered]
        if self.country is not None:
            clauses.append("p.country_code = ?")
            params.append(self.country)
        if self.bbox is not None:
            clauses.append("p.lon BETWEEN ? AND ? AND p.lat BETWEEN ? AND ?")
            min_lon, min_lat, max_lon, max_lat = self.bbox
            params += [min_lon, max_lon, min_lat, max_lat]
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def parse_country(value: str) -> str:
    """An alpha-2 code from an alpha-2 or alpha-3 code or a country name (`UA`, `UKR`, `Ukraine`)."""
    import pycountry

    try:
        return str(pycountry.countries.lookup(value.strip()).alpha_2)
    except LookupError:
        raise InputError(f"--country: unknown country {value!r}; give an ISO code (UA, UKR) or a name") from None


def parse_bbox(value: str) -> tuple[float, float, float, float]:
    """`min_lon,min_lat,max_lon,max_lat` (the GeoJSON order) as four checked numbers."""
    try:
        min_lon, min_lat, max_lon, max_lat = (float(v) for v in value.split(","))
    except ValueError:
        raise InputError(f"--bbox: expected min_lon,min_lat,max_lon,max_lat, got {value!r}") from None
    if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise InputError(f"--bbox: {value!r} is not a box on the globe (min before max, lon then lat)")
    return min_lon, min_lat, max_lon, max_lat


def _cursor(con: duckdb.DuckDBPyConnection, where: EventFilter) -> duckdb.DuckDBPyConnection:
    condition, params = where.where()
    order = " ORDER BY e.period_start NULLS LAST, e.doc_id, e.evidence_start, e.id"
    return con.execute(_EVENTS_SQL + condition + order, params)


def iter_events(con: duckdb.DuckDBPyConnection, where: EventFilter | None = None) -> Iterator[dict[str, Any]]:
    """Matching events, one dict per event with the `EVENT_COLUMNS` keys, oldest first."""
    cursor = _cursor(con, where or EventFilter())
    names = [c[0] for c in cursor.description]
    while rows := cursor.fetchmany(10_000):
        for row in rows:
            values = dict(zip(names, row, strict=True))
            yield {name: values[name] for name in EVENT_COLUMNS}


def find_events(con: duckdb.DuckDBPyConnection,
                where: EventFilter | None = None) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Column names and rows of the matching events (for a table)."""
    return list(EVENT_COLUMNS), [tuple(e.values()) for e in iter_events(con, where)]


@functools.cache
def country_name(code: str | None) -> str | None:
    """The short English name of a country (`UA` -> `Ukraine`), as ACLED writes it."""
    if not code:
        return None
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    return None if country is None else str(getattr(country, "common_name", None) or country.name)


def acled_row(event: dict[str, Any]) -> dict[str, Any]:
    """One event in ACLED's columns."""
    precision = event["date_precision"]
    feature = event["feature_code"] or ""
    if event["latitude"] is None:
        geo = None
    elif feature.startswith("PPL") or feature in ("", "BLDG", "AIRP", "PRT"):
        geo = 1
    else:
        geo = 2 if feature in _GEO_PRECISION_2 else 3
    notes = " ".join((event["notes"] or "").split())
    if precision and precision not in _TIME_PRECISION:
        notes = f"[date known only to the {precision}] {notes}"
    return {
        "event_date": _period_start(event["date"]),
        "event_type": event["event_type"], "sub_event_type": event["sub_event_type"],
        "actor1": event["actor1"], "actor2": event["actor2"], "country": country_name(event["country_code"]),
        "admin1": event["admin1"], "location": event["place"], "latitude": event["latitude"],
        "longitude": event["longitude"], "geo_precision": geo,
        "time_precision": _TIME_PRECISION.get(precision, 3) if _period_start(event["date"]) else None,
        "source": event["outlet"], "notes": notes,
        # ACLED writes 0 where no fatalities are reported; dateline's null means the same here
        "fatalities": event["fatalities"] or 0,
    }


def _period_start(value: str | None) -> str | None:
    """The first day of a TIMEX3 date value (`2023-03` -> `2023-03-01`, `2023-W11` -> its Monday)."""
    if not value or len(value) < 4 or not value[:4].isdigit():
        return None
    year, _, rest = value.partition("-")
    try:
        if rest[:1] == "W" and rest[1:3].isdigit():
            return dt.date.fromisocalendar(int(year), int(rest[1:3]), 1).isoformat()
        if rest[:2].isdigit():
            day = rest[3:5] if rest[3:5].isdigit() else "01"
            return dt.date(int(year), int(rest[:2]), int(day)).isoformat()
        return f"{year}-01-01"
    except ValueError:
        return None


def write_acled_csv(con: duckdb.DuckDBPyConnection, out: IO[str], where: EventFilter | None = None) -> int:
    """Matching events as ACLED-layout CSV; returns how many rows were written."""
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for event in iter_events(con, where):
        writer.writerow(acled_row(event))
        count += 1
    return count


def write_events_csv(con: duckdb.DuckDBPyConnection, out: IO[str], where: EventFilter | None = None) -> int:
    """Matching events as CSV in `EVENT_COLUMNS` (dateline's own, fuller layout)."""
    writer = csv.DictWriter(out, fieldnames=EVENT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for event in iter_events(con, where):
        writer.writerow(event)
        count += 1
    return count


def _jsonable(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def write_geojson(con: duckdb.DuckDBPyConnection, out: IO[str], where: EventFilter | None = None) -> int:
    """Matching events that have a point, as a GeoJSON FeatureCollection; returns the feature count."""
    out.write('{"type": "FeatureCollection", "features": [')
    count = 0
    for event in iter_events(con, where):
        if event["latitude"] is None or event["longitude"] is None:
            continue
        feature = {
            "type": "Feature",
            "id": f"{event['doc_id']}/{event['event_id']}",
            "geometry": {"type": "Point", "coordinates": [event["longitude"], event["latitude"]]},
            "properties": {k: _jsonable(v) for k, v in event.items() if k not in ("latitude", "longitude")},
        }
        out.write(("\n" if count == 0 else ",\n") + json.dumps(feature, ensure_ascii=False))
        count += 1
    out.write("\n]}\n")
    return count


def write_events_json(con: duckdb.DuckDBPyConnection, out: IO[str], where: EventFilter | None = None) -> int:
    """Matching events as JSON lines, one object per event."""
    count = 0
    for event in iter_events(con, where):
        out.write(json.dumps({k: _jsonable(v) for k, v in event.items()}, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_jsonl(con: duckdb.DuckDBPyConnection, out: IO[str]) -> int:
    """The stored `dateline/1` object of every document, one per line, in id order."""
    cursor = con.execute("SELECT report FROM documents ORDER BY doc_id")
    count = 0
    while rows := cursor.fetchmany(1_000):
        for (report,) in rows:
            out.write(json.dumps(json.loads(report), ensure_ascii=False) + "\n")
            count += 1
    return count


def write_parquet(con: duckdb.DuckDBPyConnection, path: str, where: EventFilter | None = None) -> int:
    """Matching event rows (`EVENT_COLUMNS`) as a Parquet file written by DuckDB."""
    condition, params = (where or EventFilter()).where()
    # COPY takes no query parameters: the rows go through a temporary table
    con.execute(f"CREATE OR REPLACE TEMP TABLE _export_rows AS SELECT {', '.join(EVENT_COLUMNS)} "
                f"FROM ({_EVENTS_SQL + condition})", params)
    try:
        row = con.execute("SELECT count(*) FROM _export_rows").fetchone()
        con.execute(f"COPY _export_rows TO '{path.replace(chr(39), chr(39) * 2)}' (FORMAT parquet)")
    finally:
        con.execute("DROP TABLE IF EXISTS _export_rows")
    return int(row[0]) if row else 0
