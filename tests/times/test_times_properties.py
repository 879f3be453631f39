"""Invariants of the times stage over generated text: spans inside the text, no crash, no guess."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.model import PRECISIONS
from dateline.times import find_times

# Words that stress the grammar: temporal words, numbers, and their look-alikes.
WORDS = [
    "late",
    "early",
    "Monday",
    "Sat.",
    "March",
    "May",
    "may",
    "2014",
    "2000",
    "1990s",
    "'90s",
    "last",
    "next",
    "this",
    "year",
    "years",
    "ago",
    "days",
    "after",
    "three-day",
    "a",
    "the",
    "third",
    "quarter",
    "of",
    "since",
    "February",
    "29",
    "Feb.",
    "31",
    "5",
    "p.m.",
    "noon",
    "every",
    "week",
    "tonight",
    "overnight",
    "anniversary",
    "ninth",
    "said",
    "will",
    "meet",
    "on",
    "in",
    ",",
    ".",
    "$",
    "%",
    "-",
    "summer",
    "fall",
    "Christmas",
]
sentences = st.lists(st.sampled_from(WORDS), min_size=1, max_size=25).map(" ".join)
dates = st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=sentences, published=dates)
def test_times_are_well_formed(nlp, text: str, published: dt.date | None) -> None:  # type: ignore[no-untyped-def]
    times = find_times(nlp(text), published)
    ends = 0
    for t in times:
        assert 0 <= t.start < t.end <= len(text) and text[t.start : t.end] == t.text
        assert t.start >= ends  # in text order, never overlapping
        ends = t.end
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert t.precision in PRECISIONS
        assert t.value
    assert [t.id for t in times] == [f"t{i}" for i in range(1, len(times) + 1)]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=sentences)
def test_without_publication_date_nothing_is_guessed(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    """A value that depends on the publication date must be underspecified when there is none."""
    doc = nlp(text)
    bare = {(t.start, t.end): t.value for t in find_times(doc, None)}
    one = {(t.start, t.end): t.value for t in find_times(doc, dt.date(2001, 6, 15))}
    two = {(t.start, t.end): t.value for t in find_times(doc, dt.date(2017, 2, 3))}
    for span, value in bare.items():
        if span in one and span in two and one[span] != two[span]:
            assert "X" in value or value.endswith("_REF"), f"{text[span[0] : span[1]]!r} guessed {value}"
