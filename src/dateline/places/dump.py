"""Reading the GeoNames dump (`allCountries.zip`, `cities500.zip`, `alternateNamesV2.zip`), streaming.

The dump files are tab-separated UTF-8 text inside a zip (https://download.geonames.org/export/dump/,
CC BY 4.0). They are read line by line straight out of the zip: `allCountries.txt` is 1.6 GB
unpacked, and nothing of it needs to touch the disk.

`allCountries.txt` and the `citiesNNN.txt` files share one layout of 19 columns (`GEONAMES_COLUMNS`);
`alternateNamesV2.txt` has 10 (`ALTERNATE_COLUMNS`). A file that is not one of these, or a zip
that cannot be read, raises a `ResourceError` that says to download the file again.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from dateline.errors import ResourceError

DOWNLOAD = "https://download.geonames.org/export/dump/"
GEONAMES_COLUMNS = 19
ALTERNATE_COLUMNS = 10
#: Feature classes kept whole: administrative divisions (A) and populated places (P).
KEPT_CLASSES = frozenset("AP")
#: Of the other classes, the codes news names as places: seas, large water bodies, ranges,
#: regions, islands groups, peninsulas, deserts, parks, airports. Single streams, hills, lakes and
#: buildings are left out: there are millions, most share their names with towns ("Big Creek",
#: "Bear Lake"), and a bare name in news almost never means them.
KEPT_CODES = frozenset(
    ["CONT", "RGN", "RGNE", "OCN", "SEA", "GULF", "STRT", "CHN", "LKS", "MTS"]
    + ["PEN", "DSRT", "PLAT", "ISLS", "VAL", "PRK", "AIRP"]
)
#: `isolanguage` values of alternate names that are codes or links, not names.
CODE_LANGUAGES = frozenset(["post", "iata", "icao", "faac", "link", "wkdt", "unlc", "tcid", "abbr", "fr_1793"])


@dataclass(frozen=True, slots=True)
class DumpRow:
    """One row of `allCountries.txt` / `citiesNNN.txt`, the fields the index uses."""

    geonameid: int
    name: str
    aliases: tuple[str, ...]
    lat: float
    lon: float
    feature_class: str
    feature_code: str
    country_code: str | None
    admin1_code: str | None
    population: int


def _lines(path: Path, columns: int, what: str) -> Iterator[list[str]]:
    """The tab-separated rows of a dump file (a .zip holding one .txt, or the .txt), checked for width."""
    if not path.is_file():
        raise ResourceError(f"{path}: no such file; download {what} from {DOWNLOAD}")
    try:
        if path.suffix.lower() == ".zip":
            with zipfile.ZipFile(path) as z, z.open(_member(z, path)) as raw:
                yield from _checked(io.TextIOWrapper(raw, encoding="utf-8"), path, columns, what)
        else:
            with path.open(encoding="utf-8") as f:
                yield from _checked(f, path, columns, what)
    except (zipfile.BadZipFile, EOFError, UnicodeDecodeError, OSError) as e:
        raise ResourceError(f"{path}: cannot read it as {what} ({e}); download it again from {DOWNLOAD}") from None


def _member(z: zipfile.ZipFile, path: Path) -> str:
    """The data file inside a dump zip: `<stem>.txt` (allCountries.zip holds allCountries.txt)."""
    names = [n for n in z.namelist() if n.endswith(".txt")]
    for n in names:
        if Path(n).stem == path.stem:
            return n
    data = [n for n in names if not n.startswith(("readme", "iso-languagecodes"))]
    if len(data) != 1:
        raise ResourceError(f"{path}: expected one GeoNames .txt file inside, found {names or 'none'}")
    return data[0]


def _checked(lines: Iterator[str] | io.TextIOBase, path: Path, columns: int, what: str) -> Iterator[list[str]]:
    for n, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        row = line.rstrip("\r\n").split("\t")
        if len(row) != columns:
            raise ResourceError(
                f"{path}:{n}: {len(row)} tab-separated columns where {what} has {columns}: "
                f"is this the right file? Download it again from {DOWNLOAD}"
            )
        yield row


def read_geonames(path: Path) -> Iterator[DumpRow]:
    """Rows of allCountries / citiesNNN worth indexing (`KEPT_CLASSES`, `KEPT_CODES`)."""
    what = "a GeoNames dump (allCountries.zip, cities500.zip ...)"
    for row in _lines(path, GEONAMES_COLUMNS, what):
        fclass, fcode = row[6], row[7]
        if fclass not in KEPT_CLASSES and fcode not in KEPT_CODES:
            continue
        if fcode.startswith("PPLH") or fcode in ("PPLQ", "PPLW", "PCLH", "ADM1H", "ADM2H"):
            continue  # historical, abandoned or destroyed: not where anything happens now
        try:
            yield DumpRow(
                geonameid=int(row[0]),
                name=row[1],
                aliases=tuple(a for a in row[3].split(",") if a),
                lat=float(row[4]),
                lon=float(row[5]),
                feature_class=fclass,
                feature_code=fcode,
                country_code=row[8] or None,
                admin1_code=row[10] or None,
                population=int(row[14] or 0),
            )
        except ValueError as e:
            raise ResourceError(
                f"{path}: a row of geonameid {row[0]!r} is malformed ({e}); download it again"
            ) from None


def read_alternate_names(path: Path) -> Iterator[tuple[int, str]]:
    """(geonameid, name) of alternateNamesV2 rows that are names, not codes or links."""
    for row in _lines(path, ALTERNATE_COLUMNS, "alternateNamesV2.zip"):
        if row[2] in CODE_LANGUAGES:
            continue
        try:
            yield int(row[1]), row[3]
        except ValueError:
            raise ResourceError(
                f"{path}: a row names geonameid {row[1]!r}; download it again from {DOWNLOAD}"
            ) from None
