"""The converter from the PETRARCH dictionary formats, on hand-written snippets."""

from __future__ import annotations

import datetime as dt
import gzip
from pathlib import Path

import pytest

from dateline.actors.build import ACTOR_FILES, DEFAULT_SOURCE, build, display_name, parse_actor_file, parse_agent_file
from dateline.actors.codes import Role

ACTORS = """\
# a comment
VLADIMIR_PUTIN_  # CountryInfo.txt
+PUTIN_
+PRESIDENT_PUTIN_
\t[RUSGOV >080508]
\t[RUSELI]
KREMLIN_
+RUSSIAN_WHITE_HOUSE
\t[RUSGOV]

U.N._

UN_SECRETARY_GENERAL
+UNSG
\t[IGOUNO]
ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_ [YEMREB] #  kkl 21 Mar 13
"""


def test_parse_actor_file_reads_blocks_aliases_and_roles() -> None:
    entries = list(parse_actor_file(ACTORS.splitlines(keepends=True)))
    assert [e.names[0] for e in entries] == ["VLADIMIR PUTIN", "KREMLIN", "U.N.", "ADEN ABYAN ISLAMIC ARMY"]
    putin = entries[0]
    assert putin.names == ["VLADIMIR PUTIN", "PUTIN", "PRESIDENT PUTIN"]
    assert putin.roles == [Role("RUSGOV", start=dt.date(2008, 5, 8)), Role("RUSELI")]
    assert putin.person_hint
    # A block without codes shares the next block's codes, as PETRARCH reads it.
    assert entries[2].names == ["U.N.", "UN SECRETARY GENERAL", "UNSG"]
    assert entries[2].roles == [Role("IGOUNO")]
    assert entries[3].roles == [Role("YEMREB")]


def test_parse_agent_file_expands_sets_and_plurals() -> None:
    lines = [
        "!MINIST! = MINISTER, MINISTERS, MINISTRY\n",
        "FOREIGN_!MINIST! [~GOV]\n",
        "AUTHORITY [~GOV]\n",
        "HEALTH_MINIST [~GOVHLH]\n",
        "POLICE {} [~COP]\n",
        "CHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]\n",
        "MILITARY_BASE [~MIL]\n",
    ]
    pairs = set(parse_agent_file(lines))
    assert ("FOREIGN MINISTER", "GOV") in pairs and ("FOREIGN MINISTRY", "GOV") in pairs
    assert ("FOREIGN MINISTERS", "GOV") in pairs and ("FOREIGN MINISTERSES", "GOV") not in pairs
    assert ("HEALTH MINISTRY", "GOVHLH") in pairs  # the PETRARCH stem MINIST spelt out
    assert ("AUTHORITIES", "GOV") in pairs
    assert ("POLICE", "COP") in pairs and ("POLICES", "COP") not in pairs
    assert ("CHAMBERS OF COMMERCE", "BUS") in pairs
    assert not any(p.startswith("MILITARY BASE") for p, _ in pairs)  # a thing, not an actor


def test_display_name() -> None:
    assert display_name("VLADIMIR PUTIN") == "Vladimir Putin"
    assert display_name("CNN") == "CNN"
    assert display_name("INTERNATIONAL COURT OF JUSTICE") == "International Court of Justice"


@pytest.mark.skipif(
    not (DEFAULT_SOURCE / ACTOR_FILES[0]).is_file(),
    reason="../shared/data/cameo-dictionaries is absent (development-only data)",
)
def test_build_from_the_dictionaries_matches_the_shipped_resource(tmp_path: Path) -> None:
    out = tmp_path / "actors.tsv.gz"
    counts = build(DEFAULT_SOURCE, out)
    assert counts["actors"] > 20000 and counts["countries"] > 180 and counts["agents"] > 5000
    shipped = Path(__file__).parents[2] / "src" / "dateline" / "actors" / "data" / "actors.tsv.gz"
    with gzip.open(out, "rt") as a, gzip.open(shipped, "rt") as b:
        assert a.read() == b.read(), "the shipped resource is stale: run python -m dateline.actors.build"
