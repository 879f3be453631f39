"""CAMEO actor codes and date-bounded roles: what a code like `UKRGOVMIL` means for our records.

A CAMEO code is a country (ISO-3, or IGO/NGO/IMG, or a few CAMEO regions) followed by 3-letter
sector chunks. IGO and NGO codes put an organization code (UNO, EEC, ...) between the country and
the sectors; chunks we do not know are skipped rather than guessed at.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass

#: CAMEO sector chunk -> our sector word. Religions share one word: the ontology distinguishes
#: them, but our consumers (event coding) only need to know the actor is a religious body.
SECTORS: dict[str, str] = {
    "GOV": "government",
    "MIL": "military",
    "COP": "police",
    "SPY": "intelligence",
    "JUD": "judiciary",
    "MED": "media",
    "BUS": "business",
    "MNC": "business",
    "REB": "rebel",
    "INS": "rebel",
    "SEP": "rebel",
    "UAF": "armed group",
    "OPP": "opposition",
    "CVL": "civilian",
    "PPL": "civilian",
    "LEG": "legislature",
    "PTY": "party",
    "ELI": "elite",
    "EDU": "education",
    "HLH": "health",
    "LAB": "labor",
    "REF": "refugees",
    "CRM": "criminal",
    "AGR": "agriculture",
    "HRI": "human rights",
    "ENV": "environment",
    "DEV": "development",
    "REL": "religious",
    "CHR": "religious",
    "MUS": "religious",
    "BUD": "religious",
    "HIN": "religious",
    "JEW": "religious",
    "RAD": "radical",
}

#: When a government code is refined by one of these (GOVMIL: a defence ministry), the refinement
#: is what an analyst counts: a ministry of defence acts as the military, not as "the government".
_SECURITY = {"military", "police", "intelligence", "judiciary"}

@functools.cache
def alpha3(alpha2: str) -> str | None:
    """ISO alpha-3 of a place's alpha-2 country code (places follow GeoNames, actors CAMEO)."""
    import pycountry  # only reports with resolved places need it

    country = pycountry.countries.get(alpha_2=alpha2.upper())
    return country.alpha_3 if country is not None else None


#: CAMEO country codes that are not ISO 3166-1 alpha-3, and the ISO code of the same country.
CAMEO_TO_ISO = {"TMP": "TLS", "ANG": "AGO"}

#: Codes that stand in the country slot without being a country: intergovernmental and
#: non-governmental organizations, and CAMEO's transnational armed movements (IMG: al-Qaeda,
#: the Islamic State), which no one country's code would describe.
NON_STATE = {"IGO", "NGO", "IMG"}


@dataclass(frozen=True, slots=True)
class Role:
    """One CAMEO code with the dates it holds; `start`/`end` None mean open on that side."""

    code: str
    start: dt.date | None = None
    end: dt.date | None = None

    def holds_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


def split_code(code: str, countries: frozenset[str]) -> tuple[str | None, str | None]:
    """(country, sector) of a CAMEO code; the country is None when the code names none we know.

    `countries` is the set of ISO-3 codes: CAMEO's own regions and historical states (SUN, AFR,
    KSV ...) are not countries in our contract, so they give None rather than a code users would
    misread as ISO.
    """
    code = code.strip().upper()
    head = CAMEO_TO_ISO.get(code[:3], code[:3])
    rest = code[3:]
    if head in countries or head in NON_STATE:
        country: str | None = head
    elif rest[:3] in countries:  # a republic of a federation: YUGSRB (Serbia), USRUKR (Soviet Ukraine)
        country, rest = rest[:3], rest[3:]
    elif head in SECTORS:  # a bare sector code such as [MED] or [~GOV]
        country, rest = None, code
    else:
        country = None
    chunks = [SECTORS[rest[i : i + 3]] for i in range(0, len(rest), 3) if rest[i : i + 3] in SECTORS]
    if not chunks:
        return country, None
    if chunks[0] == "government":
        for word in chunks[1:]:
            if word in _SECURITY:
                return country, word
    return country, chunks[0]


def pick_role(roles: Sequence[Role], day: dt.date | None) -> Role | None:
    """The role valid on `day`: a dated role that holds then (the latest-starting one), else the
    undated default, else the most recent role of all.

    The dictionaries end around 2019 and leave current terms open (`>080508`), so an open role is
    taken as still holding; the project's supplement overrides people whose role changed since.
    """
    if not roles:
        return None
    if day is not None:
        holding = [r for r in roles if r.dated and r.holds_on(day)]
        if holding:
            return max(holding, key=lambda r: r.start or dt.date.min)
    undated = [r for r in roles if not r.dated]
    if undated:
        return undated[0]
    return max(roles, key=lambda r: r.start or r.end or dt.date.min)


def parse_date(text: str) -> dt.date | None:
    """A CAMEO date: YYMMDD (years up to 30 are 20xx, as the dictionaries were written ~2014) or
    YYYYMMDD or ISO YYYY-MM-DD. Malformed dates (there are a few) give None."""
    text = text.strip().replace("-", "") if len(text.strip()) == 10 else text.strip()
    try:
        if len(text) == 6:
            yy = int(text[:2])
            return dt.date(2000 + yy if yy <= 30 else 1900 + yy, int(text[2:4]), int(text[4:6]))
        if len(text) == 8:
            return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return None
    return None


def parse_role(text: str) -> Role | None:
    """`RUSGOV >080508`, `UKRGOV 991222-010529`, `IGOUNO`, `ISR <480514` -> Role."""
    parts = text.split(None, 1)
    if not parts or not parts[0].strip("~-"):
        return None
    code = parts[0].lstrip("~")
    if len(parts) == 1:
        return Role(code)
    span = parts[1].replace(" ", "")
    if span.startswith(">"):
        return Role(code, start=parse_date(span[1:]))
    if span.startswith("<"):
        return Role(code, end=parse_date(span[1:]))
    if "-" in span:
        a, b = span.split("-", 1)
        start, end = parse_date(a), parse_date(b)
        if start is None and end is None:
            return Role(code)
        return Role(code, start=start, end=end)
    return Role(code)


def format_role(role: Role) -> str:
    """The compact form stored in our resource: `RUSGOV@20080508/` (start/end, either empty)."""
    if not role.dated:
        return role.code
    fmt = lambda d: d.strftime("%Y%m%d") if d else ""  # noqa: E731
    return f"{role.code}@{fmt(role.start)}/{fmt(role.end)}"


def read_role(text: str) -> Role:
    """Inverse of `format_role`. Called for every role at load time, so dates are cut directly."""
    code, _, span = text.partition("@")
    if not span:
        return Role(code)
    a, _, b = span.partition("/")
    return Role(code, start=_ymd(a), end=_ymd(b))


def _ymd(text: str) -> dt.date | None:
    if len(text) != 8:
        return None
    try:
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        return None
