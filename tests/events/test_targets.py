"""Targets the events stage reads off the parse beyond a verb's object (hand-built records)."""

from __future__ import annotations

import dataclasses

from test_find_events import Build

from dateline import nlp
from dateline.events import code_events


def _target(b: Build, plover: str) -> str | None:
    report = code_events(nlp.load()(b.text), b.report())
    actors = {a.id: a for a in report.actors}
    event = next(e for e in report.events if e.plover_type == plover)
    return actors[event.actor2_id].text if event.actor2_id else None


def test_a_threat_targets_whom_its_condition_names():
    b = Build("Russia has threatened to stop negotiations if the United States goes ahead with the deployment.")
    b.actor("Russia", "RUS")
    b.actor("United States", "USA")
    assert _target(b, "THREATEN") == "United States"


def test_a_complaint_targets_whom_it_is_about():
    b = Build("Lebanon complained to the United Nations on Tuesday over two Israeli air raids.")
    b.actor("Lebanon", "LBN")
    b.actor("United Nations", "IGO")
    b.actor("Israeli", "ISR")
    assert _target(b, "ACCUSE") == "Israeli"


def test_aid_targets_its_recipient_not_what_is_given():
    b = Build("The United States is providing other military intelligence to Macedonia.")
    b.actor("United States", "USA")
    b.actor("military intelligence", "USA", sector="military")
    b.actor("Macedonia", "MKD")
    assert _target(b, "AID") == "Macedonia"


def test_an_object_pronoun_targets_its_antecedent():
    b = Build("Uganda paid compensation to 67 British nationals for assets they lost when Idi Amin expelled them.")
    b.actor("Uganda", "UGA")
    b.actor("British nationals", "GBR", sector="civilian")
    b.actor("Idi Amin", "UGA")
    kinds = {"British nationals": "group", "Idi Amin": "person"}
    b.actors = [dataclasses.replace(a, kind=kinds.get(a.text)) for a in b.actors]
    assert _target(b, "SANCTION") == "British nationals"
