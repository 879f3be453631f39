"""The dateline/1 contract: what the schema accepts and what it refuses, and invariants on real output."""

from __future__ import annotations

import copy
import datetime as dt

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.model import Actor, Claim, Document, Event, EventDate, Flag, Place, Report, Source, Span, Time
from dateline.output import to_dict, validate

TEXT = "Kenya's interior ministry said police arrested 12 people in Nakuru on Monday."


def full_report() -> Report:
    """A report with one item of every kind, built by hand."""
    return Report(
        document=Document(id="k1", text=TEXT, published=dt.date(2024, 5, 2), outlet="AP"),
        places=(Place("p1", "Nakuru", 60, 66, "Nakuru", 184622, -0.28, 36.07, "KE", "Nakuru", "PPLA", 0.9),),
        times=(Time("t1", "Monday", 70, 76, "DATE", "2024-04-29", "day"),),
        actors=(
            Actor(
                "a1",
                "Kenya's interior ministry",
                0,
                25,
                "Ministry of Interior (Kenya)",
                "KEN",
                "government",
                "organization",
            ),
            Actor("a2", "police", 31, 37, "Police (Kenya)", "KEN", "police"),
        ),
        events=(
            Event(
                "e1",
                Span(38, 46, "arrested"),
                Span(0, 77, TEXT),
                plover_type="COERCE",
                event_type="Strategic developments",
                sub_event_type="Arrests",
                date=EventDate("2024-04-29", "day", "t1"),
                place_id="p1",
                actor1_id="a2",
                claim_ids=("c1",),
                mentions=(Span(38, 46, "arrested"),),
            ),
        ),
        claims=(
            Claim(
                "c1",
                Source(0, 25, "Kenya's interior ministry", "a1"),
                Span(26, 30, "said"),
                Span(31, 76, TEXT[31:76]),
                "asserts",
                ("e1",),
            ),
        ),
        flags=(Flag("casualty_discrepancy", "Two sources give different counts.", ((47, 49), (60, 66))),),
    )


def test_full_report_validates_and_keeps_every_field():
    obj = to_dict(full_report())
    validate(obj)
    assert obj["places"][0]["geonameid"] == 184622
    assert obj["events"][0]["date"] == {"value": "2024-04-29", "precision": "day", "time_id": "t1", "inherited": False}
    assert obj["claims"][0]["source"]["actor_id"] == "a1"
    assert obj["flags"][0]["spans"] == [[47, 49], [60, 66]]


@pytest.mark.parametrize(
    ("path", "bad"),
    [
        (("schema",), "dateline/2"),
        (("places", 0, "lat"), 123.0),
        (("places", 0, "country_code"), "KEN"),
        (("actors", 0, "country_code"), "KE"),
        (("events", 0, "status"), "rumoured"),
        (("events", 0, "injured"), "one"),
        (("times", 0, "type"), "DAY"),
        (("document", "published"), "May 2, 2024"),
        (("flags", 0, "spans"), [[1, 2, 3]]),
    ],
)
def test_schema_refuses_broken_fields(path, bad):
    obj = copy.deepcopy(to_dict(full_report()))
    target = obj
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = bad
    with pytest.raises(jsonschema.ValidationError):
        validate(obj)


def test_schema_refuses_missing_sections():
    obj = to_dict(full_report())
    del obj["claims"]
    with pytest.raises(jsonschema.ValidationError):
        validate(obj)


WORDS = st.sampled_from(
    [
        "the",
        "police",
        "army",
        "rebels",
        "said",
        "on",
        "Monday",
        "in",
        "Nairobi",
        "Kyiv",
        "Crimea",
        "strike",
        "attack",
        "killed",
        "12",
        "people",
        "protest",
        "visit",
        "arrested",
        "ceasefire",
        ",",
        ".",
        '"',
        "'",
        "late",
        "last",
        "year",
        "2014",
        "February",
        "according",
        "to",
        "denied",
        "did",
        "not",
        "confirm",
        "Россия",
        "Джанкой",
        "东京",
    ]
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(WORDS, min_size=1, max_size=60), published=st.one_of(st.none(), st.dates()))
def test_any_text_gives_valid_output_with_spans_inside_it(pipeline, words, published):
    text = " ".join(words)
    obj = to_dict(pipeline.run(Document(id="h", text=text, published=published)))
    validate(obj)
    for section in ("places", "times", "actors"):
        for item in obj[section]:
            assert 0 <= item["start"] < item["end"] <= len(text)
            assert text[item["start"] : item["end"]] == item["text"]
    for event in obj["events"]:
        for span in [event["trigger"], event["evidence"], *event["mentions"]]:
            assert text[span["start"] : span["end"]] == span["text"]
    for claim in obj["claims"]:
        for span in (claim["cue"], claim["content"], claim["source"]):
            if span:
                assert text[span["start"] : span["end"]] == span["text"]
    ids = {item["id"] for s in ("places", "times", "actors", "events", "claims") for item in obj[s]}
    for event in obj["events"]:
        for key in ("place_id", "actor1_id", "actor2_id"):
            assert event[key] is None or event[key] in ids
