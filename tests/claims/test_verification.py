"""Each event's verification object in the output: the claims behind every role, and a one-line summary."""

from __future__ import annotations

import datetime as dt

from dateline.claims.summary import verification
from dateline.model import Claim, Document, Event, Report, Source, Span
from dateline.output import to_dict, validate

TEXT = "The ministry said a strike hit the depot. The governor confirmed it. CNN could not confirm it."


def _claim(cid: str, source: str, stance: str, events: tuple[str, ...] = ("e1",)) -> Claim:
    start = TEXT.index(source)
    return Claim(cid, Source(start, start + len(source), source), Span(0, 1, "T"), None, stance, events)


def _report() -> Report:
    strike = Event("e1", Span(20, 26, "strike"), Span(0, 41, TEXT[:41]), claim_ids=("c1", "c2", "c3", "c4"))
    quiet = Event("e2", Span(35, 40, "depot"), Span(0, 41, TEXT[:41]))
    claims = (
        _claim("c1", "The ministry", "asserts"),
        _claim("c2", "The governor", "confirms"),
        _claim("c3", "CNN", "cannot_confirm"),
        _claim("c4", "The ministry", "asserts"),
        _claim("c5", "The governor", "praises"),  # a stance with no verification role
    )
    return Report(
        document=Document(id="t", text=TEXT, published=dt.date(2023, 3, 21)), events=(strike, quiet), claims=claims
    )


def test_every_event_gets_a_verification_object_that_validates():
    obj = to_dict(_report())
    validate(obj)
    first, second = obj["events"]
    assert first["verification"]["reported_by"] == [
        {"claim_id": "c1", "source": "The ministry"},
        {"claim_id": "c4", "source": "The ministry"},
    ]
    assert first["verification"]["confirmed_by"] == [{"claim_id": "c2", "source": "The governor"}]
    assert first["verification"]["not_confirmed_by"] == [{"claim_id": "c3", "source": "CNN"}]
    assert first["verification"]["denied_by"] == []
    assert (
        first["verification"]["summary"] == "reported by The ministry; confirmed by The governor; not confirmed by CNN"
    )
    assert second["verification"]["summary"] == "no attributed claims"
    assert all(v == [] for k, v in second["verification"].items() if k != "summary")


def test_summary_names_a_source_once_however_often_it_speaks():
    summary = verification(_report())["e1"]
    assert summary.reported_by == ("The ministry",)
    assert [cid for cid, _ in summary.claims["reported_by"]] == ["c1", "c4"]
