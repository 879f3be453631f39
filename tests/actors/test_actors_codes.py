"""CAMEO codes and dated roles: pure logic, no model or resource needed."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.actors.codes import Role, format_role, parse_role, pick_role, read_role, split_code

ISO = frozenset({"RUS", "UKR", "USA", "GBR", "CHN"})


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("RUSGOV", ("RUS", "government")),
        ("UKRGOVMIL", ("UKR", "military")),  # a defence ministry counts as the military
        ("UKRGOVHLH", ("UKR", "government")),  # a health ministry stays the government
        ("MILGOV", (None, "military")),
        ("IGOUNOJUDICJ", ("IGO", "judiciary")),  # the org code UNO is skipped
        ("IGOUNO", ("IGO", None)),
        ("MED", (None, "media")),
        ("SUN", (None, None)),  # CAMEO's Soviet Union is not an ISO country
        ("SUNRUS", ("RUS", None)),  # but its Russian republic is Russia
        ("NGOHRI", ("NGO", "human rights")),
    ],
)
def test_split_code(code: str, expected: tuple[str | None, str | None]) -> None:
    assert split_code(code, ISO) == expected


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("RUSGOV >080508", Role("RUSGOV", start=dt.date(2008, 5, 8))),
        ("UKRGOV 991222-010529", Role("UKRGOV", dt.date(1999, 12, 22), dt.date(2001, 5, 29))),
        ("IGOUNO >20070101", Role("IGOUNO", start=dt.date(2007, 1, 1))),
        ("USRUKR <910824", Role("USRUKR", end=dt.date(1991, 8, 24))),
        ("~GOV", Role("GOV")),
        ("KORGOVBUS 2004017-20061201", Role("KORGOVBUS", end=dt.date(2006, 12, 1))),  # malformed start
    ],
)
def test_parse_role(text: str, role: Role) -> None:
    assert parse_role(text) == role


def test_roles_round_trip_through_the_resource_format() -> None:
    for role in (Role("RUSGOV"), Role("UKRGOV", dt.date(2019, 5, 20)), Role("X", None, dt.date(2001, 1, 2))):
        assert read_role(format_role(role)) == role


def test_pick_role_takes_the_role_valid_on_the_day() -> None:
    putin = [
        Role("RUSELI", dt.date(1970, 1, 1), dt.date(1999, 8, 9)),
        Role("RUSGOV", dt.date(1999, 8, 9), dt.date(2000, 5, 7)),
        Role("RUSGOV", start=dt.date(2008, 5, 8)),
        Role("RUSELI"),
    ]
    assert pick_role(putin, dt.date(1995, 1, 1)).code == "RUSELI"
    assert pick_role(putin, dt.date(2023, 3, 21)).code == "RUSGOV"
    assert pick_role(putin, dt.date(2004, 1, 1)) == Role("RUSELI")  # no dated role: the default
    assert pick_role(putin, None) == Role("RUSELI")
    assert pick_role([], dt.date(2000, 1, 1)) is None


def test_pick_role_without_default_falls_back_to_the_latest_role() -> None:
    roles = [
        Role("UKRGOV", dt.date(2005, 1, 1), dt.date(2007, 1, 1)),
        Role("UKRGOVMIL", dt.date(2008, 1, 1), dt.date(2009, 1, 1)),
    ]
    assert pick_role(roles, dt.date(2020, 1, 1)).code == "UKRGOVMIL"
