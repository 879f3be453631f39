"""Calendar arithmetic, values and tense, built by hand: no corpus needed."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.times.dates import easter_sunday, orthodox_easter_sunday
from dateline.times.lexicon import parse_number, parse_ordinal
from dateline.times.values import FUTURE, PAST, add_months, duration, fmt, unknown, weekday_from, year_for

TUESDAY = dt.date(2023, 3, 21)


@pytest.mark.parametrize(
    ("weekday", "direction", "strict", "want"),
    [
        (0, PAST, False, dt.date(2023, 3, 20)),
        (1, PAST, False, TUESDAY),  # "said Tuesday" in a Tuesday report is that day
        (1, PAST, True, dt.date(2023, 3, 14)),  # "last Tuesday"
        (3, FUTURE, False, dt.date(2023, 3, 23)),
        (1, FUTURE, True, dt.date(2023, 3, 28)),  # "next Tuesday"
        (2, None, False, dt.date(2023, 3, 22)),  # nearer ahead
        (5, None, False, dt.date(2023, 3, 18)),  # ties and nearer go back
    ],
)
def test_weekday_from(weekday: int, direction: str | None, strict: bool, want: dt.date) -> None:
    assert weekday_from(TUESDAY, weekday, direction, strict) == want


def test_year_for_reads_tense_and_nearness() -> None:
    assert year_for(dt.date(2023, 1, 3), 12, 28, None) == 2022
    assert year_for(TUESDAY, 5, None, PAST) == 2022
    assert year_for(TUESDAY, 5, None, FUTURE) == 2023
    assert year_for(TUESDAY, 4, 15, PAST) == 2023  # a day just ahead in a past clause: a plan


def test_year_for_strict_past_allows_no_day_ahead() -> None:
    """ "the quarter ended Oct. 31" in an Oct. 27 report is last year's Oct. 31, not a plan."""
    friday = dt.date(2023, 10, 27)
    assert year_for(friday, 10, 31, PAST) == 2023
    assert year_for(friday, 10, 31, PAST, strict=True) == 2022
    assert year_for(friday, 10, 27, PAST, strict=True) == 2023  # the day itself is not ahead


def test_fmt_at_each_precision() -> None:
    day = dt.date(2021, 1, 1)
    assert [fmt(day, p) for p in ("day", "week", "month", "quarter", "year", "decade", "century")] == [
        "2021-01-01",
        "2020-W53",
        "2021-01",
        "2021-Q1",
        "2021",
        "202",
        "20",
    ]


def test_add_months_clamps_to_month_end() -> None:
    assert add_months(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)
    assert add_months(dt.date(2023, 1, 31), 1) == dt.date(2023, 2, 28)
    assert add_months(dt.date(2023, 12, 15), 1) == dt.date(2024, 1, 15)


def test_duration_values() -> None:
    assert duration(3, "day") == "P3D"
    assert duration(24, "hour") == "PT24H"
    assert duration(None, "year") == "PXY"
    assert duration(2, "decade") == "P20Y"
    assert duration(2.5, "hour") == "PT2H30M"
    assert duration(1, "fortnight") == "P2W"


def test_unknown_values_keep_their_precision() -> None:
    assert unknown("day") == "XXXX-XX-XX"
    assert unknown("week") == "XXXX-WXX"


def test_numbers() -> None:
    assert parse_number("twenty-four") == 24
    assert parse_number("a couple of") == 2
    assert parse_number("several") is None
    assert parse_number("two and a half") == 2.5
    assert parse_ordinal("ninth") == 9
    assert parse_ordinal("21st") == 21


def test_every_grammar_rule_has_a_handler() -> None:
    from dateline.times.grammar import RULES
    from dateline.times.normalize import HANDLERS

    assert {name for name, _ in RULES} == set(HANDLERS)


def test_every_match_of_a_gated_rule_holds_one_of_its_words() -> None:
    """`grammar.GATES` skips a rule when none of its words is in the text: checked here against
    every match of every rule over the conformance table's inputs and TempEval-3's documents."""
    from pathlib import Path

    from dateline.times.grammar import GATES, RULES

    here = Path(__file__).parent
    rows = (here / "conformance.tsv").read_text(encoding="utf-8").splitlines()[1:]
    texts = [row.split("\t")[2].replace("[", "").replace("]", "") for row in rows]
    tempeval = here.parents[2].parent / "shared" / "data" / "tempeval3" / "Training"
    texts += [p.read_text(encoding="utf-8") for p in sorted(tempeval.rglob("*.tml"))]  # none without ../shared
    assert len(texts) > 300
    checked = 0
    for name, pattern in RULES:
        gate = GATES.get(name)
        if gate is None:
            continue
        for text in texts:
            for hit in pattern.finditer(text):
                checked += 1
                assert any(word in hit.group(0).casefold() for word in gate), (name, hit.group(0))
    assert checked > 300


@pytest.mark.parametrize(
    ("year", "want"),
    [
        (1998, dt.date(1998, 4, 12)),
        (2000, dt.date(2000, 4, 23)),
        (2019, dt.date(2019, 4, 21)),
        (2024, dt.date(2024, 3, 31)),
        (2038, dt.date(2038, 4, 25)),
    ],
)
def test_easter_computus(year: int, want: dt.date) -> None:
    assert easter_sunday(year) == want


@pytest.mark.parametrize(
    ("year", "want"),
    [
        (2008, dt.date(2008, 4, 27)),
        (2021, dt.date(2021, 5, 2)),
        (2023, dt.date(2023, 4, 16)),
        (2025, dt.date(2025, 4, 20)),
    ],
)
def test_orthodox_easter_computus(year: int, want: dt.date) -> None:
    assert orthodox_easter_sunday(year) == want
