"""Conformance tables for the events stage's pure helpers: numbers, dates, ACLED refinement."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.events.arguments import date_interval
from dateline.events.casualties import parse_number
from dateline.events.lexicon import ACLED_TYPES, NOUNS, PLOVER_TYPES, VERBS, refine_acled
from dateline.events.records import dateline_end
from dateline.events.status import dated_status

NUMBERS = [
    ("12", 12),
    ("1,200", 1200),
    ("one", 1),
    ("a", 1),
    ("twenty-five", 25),
    ("two hundred", 200),
    ("dozens", 12),
    ("hundreds", 100),
    ("10-20", 10),  # a range gives its lower bound
    ("10 to 20", 10),
    ("many", None),
    ("", None),
]


@pytest.mark.parametrize(("text", "value"), NUMBERS)
def test_parse_number(text, value):
    assert parse_number(text) == value


INTERVALS = [
    ("2014", (dt.date(2014, 1, 1), dt.date(2014, 12, 31))),
    ("2021-02", (dt.date(2021, 2, 1), dt.date(2021, 2, 28))),
    ("2023-W11", (dt.date(2023, 3, 13), dt.date(2023, 3, 19))),
    ("2023-03-20", (dt.date(2023, 3, 20), dt.date(2023, 3, 20))),
    ("2023-03-20TEV", (dt.date(2023, 3, 20), dt.date(2023, 3, 20))),
    ("PAST_REF", None),
]


@pytest.mark.parametrize(("value", "span"), INTERVALS)
def test_date_interval(value, span):
    assert date_interval(value) == span


STATUSES = [
    # (status from the parse, date value, expected) for a report published 2023-03-21
    ("reported", "2014", "background"),
    ("reported", "2022-12", "background"),  # ends 2022-12-31: more than 60 days before
    ("reported", "2023-02", "reported"),  # ends within the 60 days
    ("reported", "2023-03-18", "reported"),
    ("reported", "2023-04", "planned"),
    ("negated", "2014", "negated"),  # what the text says about the event wins over its date
    ("reported", None, "reported"),
]


@pytest.mark.parametrize(("status", "value", "expected"), STATUSES)
def test_dated_status(status, value, expected):
    assert dated_status(status, value, dt.date(2023, 3, 21)) == expected


DATELINES = [
    ("MANILA — Kenya's foreign minister arrived", "MANILA — "),
    ("KYIV, March 3 (Reuters) - Russian forces", "KYIV, March 3 (Reuters) - "),
    ("BOGOTÁ — Colombia's government", "BOGOTÁ — "),
    ("Ukraine's Ministry of Defense said", ""),
    ("The US - and its allies", ""),
]


@pytest.mark.parametrize(("text", "dateline"), DATELINES)
def test_dateline(text, dateline):
    assert text[: dateline_end(text)] == dateline


def test_lexicon_uses_only_the_two_taxonomies():
    for kind in [*VERBS.values(), *NOUNS.values()]:
        assert kind.plover in PLOVER_TYPES
        if kind.acled is not None:
            assert kind.acled in ACLED_TYPES
        if kind.sub is not None:
            assert kind.sub in ACLED_TYPES[kind.acled]


def test_reporting_verbs_are_not_triggers():
    # "said", "told" are claims, coded by the claims stage
    assert not {"say", "tell", "state", "report", "announce"} & set(VERBS)


REFINE = [
    # (noun, modifier words, target sector, target noun) -> (event type, sub-event type)
    ("strike", {"strike"}, None, None, ("Explosions/Remote violence", "Air/drone strike")),
    ("strike", {"strike", "missile"}, None, None, ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
    ("bombing", {"bombing", "suicide"}, None, None, ("Explosions/Remote violence", "Suicide bomb")),
    ("attack", {"attack"}, "military", None, ("Battles", "Armed clash")),
    ("attack", {"attack"}, None, "villager", ("Violence against civilians", "Attack")),
    ("attack", {"attack"}, None, None, (None, None)),
    ("attack", {"attack", "drone"}, "civilian", None, ("Explosions/Remote violence", "Air/drone strike")),
]


@pytest.mark.parametrize(("noun", "words", "sector", "target", "expected"), REFINE)
def test_refine_acled(noun, words, sector, target, expected):
    assert refine_acled(NOUNS[noun], words, sector, target, None, set()) == expected


def test_protest_sub_type_follows_intervention_and_force():
    kind = NOUNS["protest"]
    assert (
        refine_acled(kind, {"protest"}, None, None, None, {"police", "tear", "gas"})[1] == "Protest with intervention"
    )
    assert (
        refine_acled(kind, {"protest"}, None, None, None, {"police", "kill"})[1] == "Excessive force against protesters"
    )
    assert refine_acled(kind, {"protest"}, None, None, None, {"march"})[1] == "Peaceful protest"
