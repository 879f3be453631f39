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


def test_a_threat_targets_the_object_of_what_it_threatens_before_a_misparsed_clause():
    # a hand-built parse with the error seen in wire copy: the relative clause about the victims
    # hung on "threatened" as its complement
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from dateline.events.arguments import party
    from dateline.events.records import Records
    from dateline.model import Document, Report

    words = ["Syria", "threatened", "to", "shell", "Turkish", "villages", "where", "people", "were", "killed"]
    heads = [1, 1, 3, 1, 5, 3, 9, 9, 9, 1]
    deps = ["nsubj", "ROOT", "aux", "xcomp", "amod", "dobj", "advmod", "nsubjpass", "auxpass", "ccomp"]
    pos = ["PROPN", "VERB", "PART", "VERB", "ADJ", "NOUN", "ADV", "NOUN", "AUX", "VERB"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)
    b = Build(doc.text)
    b.actor("Syria", "SYR")
    b.actor("Turkish", "TUR")
    b.actor("people", None, sector="civilian")
    report = Report(document=Document("t", doc.text, None), places=(), times=(), actors=tuple(b.actors))
    found = party(doc, doc[1], Records.build(doc, report))
    assert found is not None and found.text == "Turkish"


def test_who_is_put_under_an_investigation_is_its_target():
    b = Build("A Kenyan national has been put under investigation in Spain.")
    b.actor("Kenyan national", "KEN", sector="civilian")
    b.place("Spain", "PCLI", "ES")
    assert _target(b, "ACCUSE") == "Kenyan national"


def test_unqualified_forces_a_country_withdraws_are_its_own_and_the_place_is_the_target():
    b = Build("The United States speeded up the withdrawal of some forces from Grenada on Monday.")
    b.actor("United States", "USA")
    b.actor("forces", None, sector="military")
    b.place("Grenada", "PCLI", "GD")
    assert _target(b, "RETREAT") == "Grenada"


def test_a_mission_sent_to_investigate_is_the_senders_investigation_of_where_it_is_sent():
    b = Build("The Arab League sent 30 experts to Chad on Monday to investigate the killings.")
    b.actor("Arab League", "IGO")
    b.actor("Chad", "TCD")
    report = code_events(nlp.load()(b.text), b.report())
    actors = {a.id: a.text for a in report.actors}
    event = next(e for e in report.events if e.trigger.text == "investigate")
    assert (actors.get(event.actor1_id), actors.get(event.actor2_id)) == ("Arab League", "Chad")


def test_an_attack_on_a_place_for_people_targets_those_it_is_for():
    b = Build("A camp for Sudanese refugees was attacked by militiamen, killing 40 people.")
    b.actor("Sudanese refugees", "SDN", sector="civilian")
    b.actor("militiamen", None, sector="rebel")
    b.actor("people", None, sector="civilian")
    assert _target(b, "ASSAULT") == "Sudanese refugees"


def test_an_of_phrase_names_its_party_by_the_modifier_of_its_object():
    b = Build("Syria said it would allow the return of U.N. weapons inspectors.")
    b.actor("Syria", "SYR")
    b.actor("U.N.", "IGO")
    assert _target(b, "AGREE") == "U.N."


def test_what_a_mission_is_sent_to_do_is_planned():
    b = Build("The Arab League sent 30 experts to Chad on Monday to investigate the killings.")
    b.actor("Arab League", "IGO")
    report = code_events(nlp.load()(b.text), b.report())
    event = next(e for e in report.events if e.trigger.text == "investigate")
    assert event.status == "planned"
