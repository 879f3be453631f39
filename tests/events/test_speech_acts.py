"""Statements of intent, refusal and demand (speech.py), on hand-built actor records."""

from __future__ import annotations

from test_find_events import Build


def _speech(b: Build) -> list[tuple[str, str | None, str | None, str | None]]:
    ids = {a.id: a.text for a in b.actors}
    return [
        (e.trigger.text, e.plover_type, ids.get(e.actor1_id or ""), ids.get(e.actor2_id or ""))
        for e in b.events()
        if e.mode in {"intent", "demand"}
    ]


def test_an_announced_cooperative_act_is_an_agreement_and_the_act_stays_planned():
    b = Build("Finland will send aid to Tanzania, the foreign ministry said.")
    finland, tanzania = b.actor("Finland", "FIN"), b.actor("Tanzania", "TZA")
    b.actor("the foreign ministry", "FIN")
    events = b.events()
    assert _speech(b) == [("will", "AGREE", finland.text, tanzania.text)]
    assert [(e.trigger.text, e.status) for e in events if e.mode != "intent"] == [("aid", "planned")]


def test_an_announced_hostile_act_or_one_held_over_someone_is_a_threat():
    b = Build("NATO said it would tighten the blockade of Serbia.")
    b.actor("NATO", "IGO")
    b.actor("Serbia", "SRB")
    assert [s[:3] for s in _speech(b)] == [("would", "THREATEN", "NATO")]
    b = Build("The party said it will boycott the elections unless the president resigns.")
    b.actor("The party", "DZA")
    assert [s[:2] for s in _speech(b)] == [("will", "THREATEN")]


def test_will_not_is_a_refusal():
    b = Build("Syria says it will not accept any more refugees.")
    b.actor("Syria", "SYR")
    assert [s[:3] for s in _speech(b)] == [("will", "REJECT", "Syria")]


def test_must_in_a_source_s_mouth_is_its_demand_on_the_subject():
    b = Build("Chirac said Iraq must cooperate fully with the inspectors.")
    b.actor("Chirac", "FRA")
    b.actor("Iraq", "IRQ")
    assert _speech(b) == [("must", "DEMAND", "Chirac", "Iraq")]


def test_no_statement_inside_a_condition_or_without_a_known_actor():
    b = Build("If the talks fail, the army would attack the town. Someone will help.")
    b.actor("the army", "UKR", "military")
    assert _speech(b) == []
