"""Convert the shared gazetteer supplements into compact tables of dateline's own (places/data/).

Users do not have `../shared`, so what the gazetteer needs from it is converted once, here, into
small TSV files shipped with the package, keeping the attribution:

- `geonames_no_country.tsv` from `gazetteer/geonames-no-country.txt` (GeoNames, CC BY 4.0):
  oceans, seas, gulfs, continents and macro-regions that belong to no country. Undersea features
  (feature codes ending in U) and names no news text uses are left out.
- `natural_earth.tsv` from `gazetteer/natural-earth-10m/` (Natural Earth, public domain): named
  seas, gulfs, bays and straits (a point inside the largest polygon), islands, capes, airports
  ("X Airport") and US national parks ("X National Park").

Run from the repository root: `python scripts/build_places_data.py [../shared/data/gazetteer]`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "dateline" / "places" / "data"
sys.path.insert(0, str(ROOT / "src"))

from dateline.places.gazetteer import _usable_alias  # noqa: E402

#: GeoNames feature codes kept from the no-country file: water bodies and regions news names.
KEEP_CODES = {
    "OCN",
    "SEA",
    "GULF",
    "BAY",
    "BAYS",
    "STRT",
    "CHN",
    "CHNM",
    "SD",
    "LGN",
    "CONT",
    "RGN",
    "RGNE",
    "AREA",
    "ISLS",
    "ISL",
    "PEN",
    "PLN",
    "MTS",
    "DSRT",
    "ZN",
    "ZNB",
    "CAPE",
    "ICE",
    "GLCR",
    "ATOL",
    "ISLT",
    "ISLF",
    "RF",
    "PCLD",
    "TERR",
}
#: Natural Earth classes -> the nearest GeoNames feature code.
NE_CODES = {
    "ocean": "OCN",
    "sea": "SEA",
    "gulf": "GULF",
    "bay": "BAY",
    "strait": "STRT",
    "sound": "SD",
    "channel": "CHN",
    "lagoon": "LGN",
    "fjord": "FJD",
    "reef": "RF",
    "generic": "SEA",
    "river": "STM",
    "island": "ISL",
    "island group": "ISLS",
    "cape": "CAPE",
    "waterfall": "FLLS",
    "plain": "PLN",
    "pole": "PT",
}
#: Roughly how often news names a kind of feature, in population-like units (the ranker's prior).
WEIGHT = {"OCN": 5_000_000, "SEA": 2_000_000, "CONT": 50_000_000, "RGN": 2_000_000, "GULF": 500_000}


def _clean(names: list[str], limit: int = 40) -> list[str]:
    """Usable alternate names, Latin-script ones first, without duplicates."""
    seen: set[str] = set()
    out = []
    for n in sorted(names, key=lambda n: (not n.isascii(), names.index(n))):
        n = n.strip()
        if n and n.casefold() not in seen and _usable_alias(n):
            seen.add(n.casefold())
            out.append(n)
    return out[:limit]


def no_country(src: Path) -> list[str]:
    rows = []
    for line in src.read_text(encoding="utf-8").splitlines():
        f = line.split("\t")
        if len(f) < 8 or f[7] not in KEEP_CODES:
            continue
        gid, name, ascii_name, alts, lat, lon, fcode = f[0], f[1], f[2], f[3], f[4], f[5], f[7]
        aliases = _clean([ascii_name, *alts.split(",")])
        aliases = [a for a in aliases if a != name]
        pop = WEIGHT.get(fcode, 100_000)
        cells = [gid, name, f"{float(lat):.4f}", f"{float(lon):.4f}", fcode, str(pop), "|".join(aliases)]
        rows.append("\t".join(cells))
    return rows


def _ring_point(ring: list[list[float]]) -> tuple[float, float, float]:
    """Area and centroid of a polygon ring (shoelace), in degrees: good enough for a label point."""
    a = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        a += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if abs(a) < 1e-12:
        return 0.0, ring[0][1], ring[0][0]
    return abs(a) / 2, cy / (3 * a), cx / (3 * a)


def _title(name: str) -> str:
    return " ".join(w if w.lower() in ("of", "the", "and", "de", "del", "la") else w.capitalize() for w in name.split())


def natural_earth(src: Path) -> list[str]:
    rows = []

    def add(name: str, lat: float, lon: float, fcode: str, pop: int, aliases: list[str] = ()) -> None:  # type: ignore[assignment]
        name = " ".join(name.split())
        if name:
            rows.append("\t".join([name, f"{lat:.4f}", f"{lon:.4f}", fcode, str(pop), "|".join(_clean(list(aliases)))]))

    marine = json.loads((src / "ne_10m_geography_marine_polys.json").read_text(encoding="utf-8"))
    for f in marine["features"]:
        p, g = f["properties"], f["geometry"]
        polys = g["coordinates"] if g["type"] == "MultiPolygon" else [g["coordinates"]]
        _, lat, lon = max(_ring_point(poly[0]) for poly in polys)
        code = NE_CODES.get(p.get("featurecla") or "", "SEA")
        name = _title(p.get("name") or "")
        add(name, lat, lon, code, WEIGHT.get(code, 300_000))
    regions = json.loads((src / "ne_10m_geography_regions_points.json").read_text(encoding="utf-8"))
    for f in regions["features"]:
        p = f["properties"]
        code = NE_CODES.get(p.get("featurecla") or "", "RGN")
        lon, lat = f["geometry"]["coordinates"]
        add(p.get("name") or "", lat, lon, code, 20_000)
    airports = json.loads((src / "ne_10m_airports.json").read_text(encoding="utf-8"))
    for f in airports["features"]:
        p = f["properties"]
        name = (p.get("name") or "").strip()
        if not name:
            continue
        full = name if "airport" in name.lower() else f"{name} Airport"
        lon, lat = f["geometry"]["coordinates"]
        aliases = [f"{name} International Airport"] if "international" not in full.lower() else []
        add(full, lat, lon, "AIRP", 10_000, aliases)
    parks = json.loads((src / "ne_10m_parks_and_protected_lands_point.json").read_text(encoding="utf-8"))
    kinds = {"NP": "National Park", "NM": "National Monument", "NRA": "National Recreation Area"}
    for f in parks["features"]:
        p = f["properties"]
        unit = (p.get("unit_name") or "").strip()
        lon, lat = f["geometry"]["coordinates"]
        for short, long in kinds.items():
            if unit.endswith(f" {short}"):
                unit = unit[: -len(short)] + long
        if unit and " " in unit:
            add(unit, lat, lon, "PRK", 10_000)
    return rows


def main() -> None:
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data" / "gazetteer"
    gn = no_country(src / "geonames-no-country.txt")
    (OUT / "geonames_no_country.tsv").write_text(
        "# GeoNames features without a country (oceans, seas, regions). GeoNames, CC BY 4.0, geonames.org.\n"
        "# Converted by scripts/build_places_data.py from geonames-no-country.txt.\n"
        "# geonameid\tname\tlat\tlon\tfeature_code\tweight\taliases\n" + "\n".join(gn) + "\n",
        encoding="utf-8",
    )
    ne = natural_earth(src / "natural-earth-10m")
    (OUT / "natural_earth.tsv").write_text(
        "# Natural Earth 10m (public domain, naturalearthdata.com): seas, islands, capes, airports, parks.\n"
        "# Converted by scripts/build_places_data.py.\n"
        "# name\tlat\tlon\tfeature_code\tweight\taliases\n" + "\n".join(ne) + "\n",
        encoding="utf-8",
    )
    print(f"{len(gn)} GeoNames rows, {len(ne)} Natural Earth rows written to {OUT}")


if __name__ == "__main__":
    main()
