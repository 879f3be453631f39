"""Places that stand for an event's target when no actor is named as one (`actors.metonymy`)."""

from __future__ import annotations

from test_find_events import Build

from dateline import nlp
from dateline.events import code_events


def _coded(b: Build):
    report = code_events(nlp.load()(b.text), b.report())
    return report, {a.id: a for a in report.actors}


def test_a_curfew_imposed_on_a_city_targets_its_people():
    b = Build("President Laurent Gbagbo will extend the night-time curfew in Abidjan.")
    b.actor("Laurent Gbagbo", "CIV")
    b.place("Abidjan", country="CI")
    report, actors = _coded(b)
    target = actors[next(e.actor2_id for e in report.events if e.actor2_id)]
    assert (target.text, target.country_code, target.sector, target.kind) == ("Abidjan", "CIV", "civilian", "place")


def test_a_country_an_act_reaches_is_its_government():
    b = Build("Italy announced a suspension of air links with Serbia on Wednesday.")
    b.actor("Italy", "ITA")
    b.place("Serbia", feature="PCLI", country="RS")
    report, actors = _coded(b)
    event = next(e for e in report.events if e.plover_type == "SANCTION")
    assert (actors[event.actor2_id].country_code, actors[event.actor2_id].sector) == ("SRB", "government")


def test_a_named_target_keeps_the_place_a_place():
    b = Build("Police detained several suspects in Gaza on Monday.")
    b.actor("Police", "PSE", sector="police")
    b.place("Gaza", country="PS")
    report, _ = _coded(b)
    assert all(a.kind != "place" for a in report.actors)


def test_a_meeting_place_is_no_party():
    b = Build("Government negotiators held talks in Havana on Monday.")
    b.place("Havana", country="CU")
    report, _ = _coded(b)
    assert all(a.kind != "place" for a in report.actors)


def test_place_actors_are_numbered_in_text_order():
    b = Build("Israel reimposed blockades in the West Bank, a military spokesman announced.")
    b.actor("Israel", "ISR")
    b.place("West Bank", feature="RGN", country="PS")
    b.actor("spokesman", "ISR")
    report, _ = _coded(b)
    assert [a.id for a in report.actors] == ["a1", "a2", "a3"]
    assert [a.text for a in report.actors] == ["Israel", "West Bank", "spokesman"]
    event = next(e for e in report.events if e.plover_type == "COERCE")
    assert (event.actor1_id, event.actor2_id) == ("a1", "a2")
