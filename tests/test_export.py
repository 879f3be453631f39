"""Queries and exports: filters select the right events; each format is what its readers expect."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import duckdb
import pytest

from dateline import export, store
from dateline.cli import main
from dateline.errors import InputError
from dateline.model import Actor, Document, Event, EventDate, Place, Report, Span
from dateline.output import validate


def report(doc_id: str, text: str, date: str | None, precision: str, place: Place | None, sub_type: str,
           fatalities: int | None = None) -> Report:
    event = Event("e1", Span(0, 6, text[:6]), Span(0, len(text), text), plover_type="ASSAULT",
                  event_type="Explosions/Remote violence" if sub_type != "Arrests" else "Strategic developments",
                  sub_event_type=sub_type, date=EventDate(date, precision) if date else None,
                  place_id=place.id if place else None, actor1_id="a1", fatalities=fatalities)
    actor = Actor("a1", "troops", 0, 6, "Military Forces of Russia", "RUS", "military")
    return Report(Document(doc_id, text, dt.date(2023, 3, 21), "Wire"), places=(place,) if place else (),
                  actors=(actor,), events=(event,))


KYIV = Place("p1", "Kyiv", 0, 4, "Kyiv", 703448, 50.45, 30.52, "UA", "Kyiv City", "PPLC", 0.9)
GOMA = Place("p1", "Goma", 0, 4, "Goma", 216281, -1.67, 29.22, "CD", "Nord-Kivu", "PPLA", 0.9)
KHERSON = Place("p1", "Kherson Oblast", 0, 14, "Kherson Oblast", 706442, 46.75, 33.5, "UA", "Kherson", "ADM1", 0.9)


@pytest.fixture
def con(tmp_path):
    con = store.connect(tmp_path / "events.duckdb")
    store.write_batch(con, [
        report("d1", "Strike on Kyiv kills two.", "2023-03-20", "day", KYIV, "Air/drone strike", 2),
        report("d2", "Shelling near Goma in March.", "2023-03", "month", GOMA, "Shelling/artillery/missile attack"),
        report("d3", "Police held a man in Kherson region.", "2022", "year", KHERSON, "Arrests"),
        report("d4", "Troops attacked somewhere.", None, "unknown", None, "Armed clash"),
    ])
    yield con
    con.close()


def ids(con, **criteria) -> list[str]:
    return [e["doc_id"] for e in export.iter_events(con, export.EventFilter(**criteria))]


def test_filters(con):
    assert ids(con) == ["d3", "d2", "d1", "d4"]  # oldest first, undated last
    assert ids(con, since=dt.date(2023, 3, 15)) == ["d2", "d1"]  # March overlaps the 15th
    assert ids(con, until=dt.date(2023, 3, 15)) == ["d3", "d2"]
    assert ids(con, since=dt.date(2023, 3, 21)) == ["d2"]
    assert ids(con, types=("air/drone STRIKE", "arrests")) == ["d3", "d1"]
    assert ids(con, types=("Explosions/Remote violence",)) == ["d2", "d1", "d4"]
    assert ids(con, types=("ASSAULT",)) == ["d3", "d2", "d1", "d4"]
    assert ids(con, country="UA") == ["d3", "d1"]
    assert ids(con, bbox=(20.0, 45.0, 40.0, 55.0)) == ["d3", "d1"]
    assert ids(con, bbox=(20.0, -5.0, 40.0, 0.0), since=dt.date(2023, 1, 1)) == ["d2"]


def test_country_and_bbox_arguments():
    assert export.parse_country("UKR") == export.parse_country("Ukraine") == export.parse_country("ua") == "UA"
    assert export.parse_bbox("20,45,40,55.5") == (20.0, 45.0, 40.0, 55.5)
    with pytest.raises(InputError, match="unknown country"):
        export.parse_country("Atlantis")
    for bad in ("1,2,3", "a,b,c,d", "40,45,20,55", "0,-100,10,10"):
        with pytest.raises(InputError, match="--bbox"):
            export.parse_bbox(bad)


def test_acled_csv(con):
    out = io.StringIO()
    assert export.write_acled_csv(con, out) == 4
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == export.ACLED_COLUMNS == (
        "event_date", "event_type", "sub_event_type", "actor1", "actor2", "country", "admin1", "location",
        "latitude", "longitude", "geo_precision", "time_precision", "source", "notes", "fatalities")
    by_location = {r[7]: dict(zip(rows[0], r, strict=True)) for r in rows[1:]}
    kyiv = by_location["Kyiv"]
    assert (kyiv["event_date"], kyiv["time_precision"], kyiv["geo_precision"], kyiv["country"]) == (
        "2023-03-20", "1", "1", "Ukraine")
    assert (kyiv["actor1"], kyiv["source"], kyiv["notes"], kyiv["fatalities"]) == (
        "Military Forces of Russia", "Wire", "Strike on Kyiv kills two.", "2")
    goma = by_location["Goma"]
    assert (goma["event_date"], goma["time_precision"], goma["fatalities"]) == ("2023-03-01", "3", "0")
    kherson = by_location["Kherson Oblast"]
    assert (kherson["event_date"], kherson["geo_precision"]) == ("2022-01-01", "3")
    assert kherson["notes"].startswith("[date known only to the year]")
    undated = by_location[""]
    assert (undated["event_date"], undated["time_precision"], undated["latitude"]) == ("", "", "")


def test_geojson(con):
    out = io.StringIO()
    assert export.write_geojson(con, out) == 3
    collection = json.loads(out.getvalue())
    assert collection["type"] == "FeatureCollection"
    (kyiv,) = [f for f in collection["features"] if f["properties"]["doc_id"] == "d1"]
    assert kyiv["geometry"] == {"type": "Point", "coordinates": [30.52, 50.45]}  # GeoJSON: lon, lat
    assert kyiv["properties"]["published"] == "2023-03-21" and kyiv["id"] == "d1/e1"


def test_empty_geojson_is_valid(tmp_path):
    con = store.connect(tmp_path / "empty.duckdb")
    out = io.StringIO()
    assert export.write_geojson(con, out) == 0
    assert json.loads(out.getvalue()) == {"type": "FeatureCollection", "features": []}


def test_jsonl_and_parquet(con, tmp_path):
    out = io.StringIO()
    assert export.write_jsonl(con, out) == 4
    objects = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [o["document"]["id"] for o in objects] == ["d1", "d2", "d3", "d4"]
    for obj in objects:
        validate(obj)
    path = tmp_path / "events.parquet"
    assert export.write_parquet(con, str(path), export.EventFilter(country="UA")) == 2
    rows = duckdb.sql(f"SELECT doc_id, place FROM '{path}' ORDER BY doc_id").fetchall()
    assert rows == [("d1", "Kyiv"), ("d3", "Kherson Oblast")]


def test_cli_events_and_export(con, tmp_path, capsys):
    db = con.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchone()[0]
    con.close()
    assert main(["events", "--db", db, "--country", "UA", "--since", "2023-01-01"]) == 0
    out, _ = capsys.readouterr()
    assert "Kyiv" in out and "Goma" not in out and out.rstrip().endswith("1 events")
    assert main(["events", "--db", db, "--format", "json", "--type", "Arrests"]) == 0
    out, _ = capsys.readouterr()
    assert [json.loads(line)["doc_id"] for line in out.splitlines()] == ["d3"]
    assert main(["events", "--db", db, "--format", "csv"]) == 0
    out, _ = capsys.readouterr()
    assert out.splitlines()[0].startswith("event_date,event_type,sub_event_type,actor1")
    target = tmp_path / "out.geojson"
    assert main(["export", "--db", db, "--format", "geojson", "-o", str(target)]) == 0
    _, err = capsys.readouterr()
    assert err == f"3 events exported to {target}\n"
    assert len(json.loads(target.read_text(encoding="utf-8"))["features"]) == 3


@pytest.mark.parametrize(("argv", "message"), [
    (["events", "--db", "missing.duckdb"], "no such store"),
    (["events", "--db", "DB", "--since", "March"], "--since must be a date"),
    (["events", "--db", "DB", "--country", "Narnia"], "unknown country"),
    (["export", "--db", "DB", "--format", "parquet"], "name it with -o FILE"),
    (["export", "--db", "DB", "--format", "jsonl", "--country", "UA"], "event filters apply to"),
])
def test_cli_query_errors(con, capsys, monkeypatch, tmp_path, argv, message):
    db = con.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchone()[0]
    con.close()
    monkeypatch.chdir(tmp_path)
    code = main([db if a == "DB" else a for a in argv])
    _, err = capsys.readouterr()
    assert code == 2 and message in err and err.count("\n") == 1
