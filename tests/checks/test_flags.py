"""Flags on hand-written reports with hand-built time, actor, event and claim records."""

from __future__ import annotations

import dataclasses
import datetime as dt

from dateline import nlp
from dateline.checks import find_flags, name_variant_flags
from dateline.claims import find_claims
from dateline.model import Actor, Document, Event, Report, Span, Time

PUBLISHED = dt.date(2023, 3, 21)


def at(text: str, phrase: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


def time(text: str, phrase: str, value: str, nth: int = 0) -> Time:
    start, end = at(text, phrase, nth)
    return Time(
        id=f"t{start}",
        text=phrase,
        start=start,
        end=end,
        type="DATE",
        value=value,
        precision="year" if len(value) == 4 else "month",
    )


def flags(text: str, times=(), actors=(), events=(), with_claims=False):
    doc = nlp.load()(text)
    report = Report(
        document=Document(id="t", text=text, published=PUBLISHED),
        times=tuple(times),
        actors=tuple(actors),
        events=tuple(events),
    )
    if with_claims:
        report = dataclasses.replace(report, claims=tuple(find_claims(doc, report)))
    return find_flags(doc, report)


ONSETS = (
    "Since the invasion in February 2021, the army has retreated twice.\n"
    "Talks have stalled since the enemy began its attack on the country last year."
)


def test_one_onset_dated_to_two_years_is_flagged_with_both_spans():
    times = [time(ONSETS, "February 2021", "2021-02"), time(ONSETS, "last year", "2022")]
    (flag,) = flags(ONSETS, times)
    assert flag.kind == "temporal_inconsistency"
    assert flag.spans == (at(ONSETS, "February 2021"), at(ONSETS, "last year"))
    assert "2022 for a report published on 2023-03-21" in flag.message


def test_agreeing_onsets_are_not_flagged():
    times = [time(ONSETS, "February 2021", "2022-02"), time(ONSETS, "last year", "2022")]
    assert flags(ONSETS, times) == []


def test_two_attacks_in_different_years_are_not_one_event():
    # neither is an onset: two attacks in two years are ordinary news, not a contradiction
    text = "An attack in 2019 killed four people.\nAnother attack last year wounded ten."
    assert flags(text, [time(text, "2019", "2019"), time(text, "last year", "2022")]) == []


def test_mentions_of_one_event_record_with_two_years_are_flagged():
    text = "The election in 2020 was disputed.\nThe vote, held in 2021, ended in protests."
    times = [time(text, "2020", "2020"), time(text, "2021", "2021")]
    e = Event(
        "e1", Span(*at(text, "election"), "election"), Span(0, 33, "x"), mentions=(Span(*at(text, "vote"), "vote"),)
    )
    (flag,) = flags(text, times, events=[e])
    assert "cannot have happened in both years" in flag.message


def test_anniversary_that_does_not_add_up_is_flagged():
    text = (
        "The peninsula was annexed in 2014.\nOn Saturday the president marked the fifth anniversary of its annexation."
    )
    times = [time(text, "2014", "2014"), time(text, "Saturday", "2023-03-18")]
    (flag,) = flags(text, times)
    assert flag.kind == "temporal_inconsistency"
    assert "falls in 2019" in flag.message
    assert at(text, "fifth anniversary") in flag.spans


def test_anniversary_that_adds_up_is_not_flagged():
    text = (
        "The peninsula was annexed in 2014.\nOn Saturday the president marked the ninth anniversary of its annexation."
    )
    assert flags(text, [time(text, "2014", "2014"), time(text, "Saturday", "2023-03-18")]) == []


def test_name_variant_is_flagged_once_with_every_span():
    actors = [
        Actor("a1", "Askyonov", 0, 8, variant_of="Sergey Aksyonov"),
        Actor("a2", "Askyonov", 40, 48, variant_of="Sergey Aksyonov"),
        Actor("a3", "Putin", 60, 65),
    ]
    (flag,) = name_variant_flags(Report(document=Document(id="t", text="x" * 70), actors=tuple(actors)))
    assert flag.kind == "name_variant"
    assert flag.spans == ((0, 8), (40, 48))
    assert "Sergey Aksyonov" in flag.message


def test_sources_with_different_death_tolls_for_one_event_are_flagged():
    text = (
        "The governor said the strike killed 12 civilians.\n"
        "The army said the strike killed three soldiers.\n"
        "The governor later said the strike killed 12 people."
    )
    events = [
        Event(
            "e1",
            Span(*at(text, "strike"), "strike"),
            Span(0, 10, "x"),
            mentions=(Span(*at(text, "strike", 1), "strike"), Span(*at(text, "strike", 2), "strike")),
        )
    ]
    result = flags(text, events=events, with_claims=True)
    (flag,) = [f for f in result if f.kind == "casualty_discrepancy"]
    assert "12" in flag.message and "3" in flag.message
    assert len(flag.spans) == 2


def test_one_source_repeating_its_count_is_not_a_discrepancy():
    text = "The governor said the strike killed 12 civilians.\nThe governor said the strike killed 12 people."
    events = [
        Event(
            "e1",
            Span(*at(text, "strike"), "strike"),
            Span(0, 10, "x"),
            mentions=(Span(*at(text, "strike", 1), "strike"),),
        )
    ]
    assert [f for f in flags(text, events=events, with_claims=True) if f.kind == "casualty_discrepancy"] == []


def test_variants_of_one_name_share_one_flag():
    actors = [
        Actor("a1", "Sergei Askyonov", 0, 15, variant_of="Sergey Aksyonov"),
        Actor("a2", "Askyonov", 40, 48, variant_of="Sergey Aksyonov"),
    ]
    (flag,) = name_variant_flags(Report(document=Document(id="t", text="x" * 70), actors=tuple(actors)))
    assert flag.message == "'Sergei Askyonov' and 'Askyonov' are variant spellings of Sergey Aksyonov."
