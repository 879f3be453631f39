"""Building the place index from the GeoNames dump: streamed from zips, joined to the packages'
places, recorded so that a changed dump rebuilds the index, and clear errors for bad files."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
import spacy

from dateline.errors import ResourceError
from dateline.places import geocode_spans
from dateline.places.dump import read_alternate_names, read_geonames
from dateline.places.gazetteer import Gazetteer, build_gazetteer, index_path, normalize, recorded_sources

#: A made-up town: no package knows it, so finding it proves the dump was read.
NEW_ID, NEW_NAME = 99_000_001, "Quillonbrook"


def _row(
    gid: int, name: str, aliases: str, lat: float, lon: float, fclass: str, fcode: str, cc: str, a1: str, pop: int
) -> str:
    """One line of allCountries.txt: the 19 tab-separated columns of GeoNames' readme."""
    cols = [
        str(gid),
        name,
        name,
        aliases,
        str(lat),
        str(lon),
        fclass,
        fcode,
        cc,
        "",
        a1,
        "",
        "",
        "",
        str(pop),
        "",
        "400",
        "America/Chicago",
        "2024-01-01",
    ]
    assert len(cols) == 19
    return "\t".join(cols) + "\n"


def _alt(n: int, gid: int, lang: str, name: str) -> str:
    """One line of alternateNamesV2.txt: id, geonameid, isolanguage, name, 4 flags, from, to."""
    return "\t".join([str(n), str(gid), lang, name, "", "", "", "", "", ""]) + "\n"


def _zip(path: Path, member: str, text: str) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr(member, text)
    return path


@pytest.fixture
def dump(tmp_path: Path) -> tuple[Path, Path]:
    places = (
        _row(NEW_ID, NEW_NAME, "Quillon Brook", 38.51, -98.02, "P", "PPL", "US", "KS", 2300)
        + _row(99_000_002, "Quillon Creek", "", 38.6, -98.1, "H", "STM", "US", "KS", 0)  # a stream: left out
        + _row(99_000_003, "Old Quillonbrook", "", 38.5, -98.0, "P", "PPLH", "US", "KS", 0)  # historical: left out
        + _row(99_000_004, "Quillon Township", "", 38.52, -98.03, "A", "ADMD", "US", "KS", 0)
        + _row(709334, "Dzhankoy", "Dzhankoi", 45.7, 34.4, "P", "PPLA2", "UA", "11", 38000)  # known: names only
    )
    alternate = (
        _alt(1, NEW_ID, "en", "Quillonbrook Junction")
        + _alt(2, NEW_ID, "link", "Quillonbrook Wiki")  # a link, not a name
        + _alt(3, 709334, "", "Zhankoi Prime")
    )
    return (
        _zip(tmp_path / "allCountries.zip", "allCountries.txt", places),
        _zip(tmp_path / "alternateNamesV2.zip", "alternateNamesV2.txt", alternate + "# no more\n"),
    )


def test_reading_keeps_places_and_names_and_drops_codes(dump: tuple[Path, Path]) -> None:
    places, alternate = dump
    assert [r.name for r in read_geonames(places)] == [NEW_NAME, "Quillon Township", "Dzhankoy"]
    assert list(read_alternate_names(alternate)) == [(NEW_ID, "Quillonbrook Junction"), (709334, "Zhankoi Prime")]


def test_build_from_the_dump_resolves_a_place_only_it_holds(monkeypatch, tmp_path: Path, dump) -> None:
    monkeypatch.setenv("DATELINE_CACHE", str(tmp_path / "cache"))
    places, alternate = dump
    path = build_gazetteer(geonames=[places], alternate_names=alternate)
    assert "geonames" in path.name and recorded_sources().geonames == (places.resolve(),)
    gazetteer = Gazetteer.load()  # what the pipeline opens: the recorded dump's index, not a new one
    assert gazetteer.path == path

    text = f"Flooding hit {NEW_NAME} on Monday; Quillonbrook Junction was cut off."
    doc = spacy.blank("en").make_doc(text)
    spans = [
        (text.index(NEW_NAME), text.index(NEW_NAME) + len(NEW_NAME)),
        (text.index("Quillonbrook J"), text.index(" was")),
    ]
    town, junction = geocode_spans(doc, spans, gazetteer)
    assert town.geonameid == NEW_ID and town.country_code == "US" and town.admin1 == "Kansas"
    assert junction.geonameid == NEW_ID  # an alternate name from alternateNamesV2
    assert not gazetteer.names_of(normalize("Quillon Creek")) and not gazetteer.names_of(normalize("Quillonbrook Wiki"))
    assert 709334 in {e.geonameid for e, _ in gazetteer.names_of(normalize("Zhankoi Prime"))}
    assert [e.geonameid for e, _ in gazetteer.names_of("dzhankoy") if e.kind == "city"] == [709334]  # not doubled

    # A changed dump names another index, which the next load builds; a missing one says what to do.
    _zip(places, "allCountries.txt", _row(NEW_ID, NEW_NAME, "", 38.51, -98.02, "P", "PPL", "US", "KS", 2400))
    assert index_path() != path
    places.unlink()
    with pytest.raises(ResourceError, match="--packages-only"):
        Gazetteer.load()


def test_bad_dump_files_fail_before_building_with_the_fix(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DATELINE_CACHE", str(tmp_path / "cache"))
    with pytest.raises(ResourceError, match="no such file; download"):
        build_gazetteer(geonames=[tmp_path / "allCountries.zip"])
    corrupt = tmp_path / "cities500.zip"
    corrupt.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ResourceError, match="download it again"):
        build_gazetteer(geonames=[corrupt])
    wrong = _zip(tmp_path / "cities1000.zip", "cities1000.txt", "1\tOnly\tthree columns\n")
    with pytest.raises(ResourceError, match="3 tab-separated columns where .* has 19"):
        build_gazetteer(geonames=[wrong])
    assert not recorded_sources()  # nothing was recorded for a failed build
