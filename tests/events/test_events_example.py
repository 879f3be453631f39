"""The events of the example report (../shared/examples/dzhankoi), through the whole pipeline.

Checks the fields the events stage decides, and the strike's actors, which need the actors stage
to name the target from its adjective ("Russian" missiles).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from dateline.model import Document, Event, Report

EXAMPLE = Path(__file__).resolve().parents[2].parent / "shared" / "examples" / "dzhankoi"


@pytest.fixture(scope="module")
def example(pipeline) -> Report:
    if not (EXAMPLE / "article.txt").is_file():
        pytest.skip(f"{EXAMPLE} is absent: the example report lives in ../shared beside the repository")
    meta = json.loads((EXAMPLE / "meta.json").read_text(encoding="utf-8"))
    text = (EXAMPLE / "article.txt").read_text(encoding="utf-8")
    return pipeline.run(Document("dzhankoi", text, dt.date.fromisoformat(meta["published"])))


def _at(report: Report, phrase: str) -> Event:
    """The output event with a mention inside the first occurrence of phrase."""
    start = report.document.text.index(phrase)
    end = start + len(phrase)
    hits = [e for e in report.events if any(start <= m.start and m.end <= end for m in e.mentions)]
    assert hits, f"no event at {phrase!r}"
    return hits[0]


def _place(report: Report, event: Event) -> str | None:
    return next((p.text for p in report.places if p.id == event.place_id), None)


def _country(report: Report, actor_id: str | None) -> str | None:
    return next((a.country_code for a in report.actors if a.id == actor_id), None)


def test_not_a_flood(example):
    assert 4 <= len(example.events) <= 14  # seven annotated events, at most twice that
    assert [e.id for e in example.events] == [f"e{n}" for n in range(1, len(example.events) + 1)]


def test_the_strike_is_one_event_with_its_mentions(example):
    strike = _at(example, "a strike destroyed")
    assert len([m for m in strike.mentions if m.text == "strike"]) >= 4
    assert (strike.plover_type, strike.event_type) == ("ASSAULT", "Explosions/Remote violence")
    assert strike.date.value == "2023-03-20"
    assert _place(example, strike) == "Dzhankoi"
    assert (strike.injured, strike.status) == (1, "reported")
    assert "two buildings damaged" in strike.damage


def test_putin_visit(example):
    visit = _at(example, "visit to Crimea on Saturday")
    assert (visit.plover_type, visit.date.value, visit.status) == ("CONSULT", "2023-03-18", "reported")
    assert _place(example, visit) == "Crimea"
    assert _country(example, visit.actor1_id) == "RUS"


def test_icc_warrant(example):
    icc = _at(example, "accused the Russian president")
    assert icc.plover_type in {"ACCUSE", "COERCE"}
    assert icc.date.value in {"2023-03-17", "2023-03", "2023-W11"}
    assert (_country(example, icc.actor1_id), _country(example, icc.actor2_id)) == ("IGO", "RUS")


def test_xi_putin_meeting(example):
    meeting = _at(example, "Putin hosts Chinese leader Xi Jinping")
    assert (meeting.plover_type, meeting.date.value) == ("CONSULT", "2023-03-20")
    assert _place(example, meeting) == "Moscow"
    assert (_country(example, meeting.actor1_id), _country(example, meeting.actor2_id)) == ("RUS", "CHN")


def test_history_is_background(example):
    annexation = _at(example, "annexed by Moscow in 2014")
    assert (annexation.status, annexation.date.value) == ("background", "2014")


def test_the_strike_s_target_is_named_by_its_adjective_and_its_attacker_implied(example):
    # "a strike destroyed Russian missiles", reported by Ukraine's Ministry of Defense: the target
    # is Russia's military, the attacker the reporting side (implied, not named)
    strike = _at(example, "a strike destroyed")
    assert (_country(example, strike.actor1_id), _country(example, strike.actor2_id)) == ("UKR", "RUS")
    assert strike.actor1_basis == "implied"
