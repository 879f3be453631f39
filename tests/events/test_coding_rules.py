"""The CAMEO coding rules of the events stage, on hand-written sentences with hand-built actors.

Each case is a construction the PLOVER/CAMEO codebooks type one way and a bare lexicon another:
ending a restriction is a concession, ending talks or aid a sanction, "vowed to fight" a threat,
"lodged a protest" a complaint. Records are built by hand, so only the events stage is tested.
"""

from __future__ import annotations

import datetime as dt

import pytest

from dateline import nlp
from dateline.events import find_events
from dateline.model import Actor, Document, Event, Report


def _actor(text: str, phrase: str, n: int, country: str | None, sector: str | None = "government") -> Actor:
    start = text.index(phrase)
    return Actor(f"a{n}", phrase, start, start + len(phrase), name=phrase, country_code=country, sector=sector)


def code(text: str, actors: dict[str, str | None] | None = None) -> tuple[list[Event], dict[str, Actor]]:
    """The events of `text`, given actors as {phrase: ISO-3 country}, and those actors by phrase."""
    found = {p: _actor(text, p, n, c) for n, (p, c) in enumerate((actors or {}).items(), 1)}
    report = Report(
        document=Document(id="t", text=text, published=dt.date(2000, 1, 1)),
        actors=tuple(sorted(found.values(), key=lambda a: a.start)),
    )
    return find_events(nlp.load()(text), report), found


def types(text: str) -> dict[str, str | None]:
    return {e.trigger.text: e.plover_type for e in code(text)[0]}


@pytest.mark.parametrize(
    ("text", "trigger", "plover"),
    [
        # ending a restriction or a walk-out is a concession (CAMEO 08), the thing ended no event
        ("Serbia lifted a night curfew in Montenegro on Sunday.", "lifted", "RETREAT"),
        ("The teachers' union called off the strike on Thursday.", "called", "RETREAT"),
        ("The army eased the blockade of the port.", "eased", "RETREAT"),
        # ending cooperation reduces relations (CAMEO 16)
        ("A French minister has cancelled a planned visit to Haiti.", "cancelled", "SANCTION"),
        ("Red Cross officials suspended aid deliveries in Baghdad.", "suspended", "SANCTION"),
        ("Syrian officers ended mediation efforts between the militias.", "ended", "SANCTION"),
        ("The UN will withdraw its weapons inspectors from Iraq.", "withdraw", "SANCTION"),
        # yielding to demands, repressing a protest
        ("The government accepted demands from the rebels.", "accepted", "RETREAT"),
        ("Police prevented the demonstration near the university.", "prevented", "COERCE"),
        # announcements typed by the act announced
        ("The rebels vowed to fight until they win.", "vowed", "THREATEN"),
        ("The donors pledged to rebuild the schools.", "pledged", "AGREE"),
        ("Ethnic Albanians have sworn to fight until they gain control, officials said.", "sworn", "THREATEN"),
        ("Greece plans to impose restrictions on its labour market.", "plans", "THREATEN"),
        # an official protest is a complaint (CAMEO 114), a unilateral truce a concession (0871)
        ("Serbia lodged an official protest with Albania.", "protest", "ACCUSE"),
        ("The group declared a unilateral ceasefire on Wednesday.", "ceasefire", "RETREAT"),
        # a weapon as agent makes a killing an attack; an attempt names the act attempted
        ("Three soldiers were killed by an improvised explosive device.", "killed", "ASSAULT"),
        ("An attempt to assassinate the governor was thwarted.", "assassinate", "ASSAULT"),
        # granting asylum is aid (CAMEO 075); a mediation mission is the mediation
        ("Peru has granted diplomatic asylum to five officers.", "asylum", "AID"),
        ("The envoy undertook a mediation mission between the two states.", "mediation", "CONSULT"),
        # a walk-out by workers, though the strike itself names no union
        ("Some 500,000 workers of the union began an open-ended strike.", "strike", "PROTEST"),
    ],
)
def test_cameo_coding(text, trigger, plover):
    found = types(text)
    assert found.get(trigger) == plover, found


def test_a_possible_hostile_act_is_a_threat():
    text = "The Community may halt mediation efforts if talks fail, the minister said."
    events, a = code(text, {"The Community": "IGO", "the minister": "NLD"})
    threat = next(e for e in events if e.trigger.text == "may")
    assert (threat.plover_type, threat.actor1_id) == ("THREATEN", a["The Community"].id)


def test_a_possible_cooperative_act_is_no_statement():
    text = "The Community may resume talks next week, the minister said."
    events, _ = code(text, {"The Community": "IGO", "the minister": "NLD"})
    assert "may" not in [e.trigger.text for e in events]


def test_what_is_ended_is_no_event_of_its_own():
    assert types("Serbia lifted a night curfew in Montenegro.") == {"lifted": "RETREAT"}


def test_the_effort_ended_is_no_event_of_its_own():
    assert types("Syrian officers ended mediation efforts between the militias.") == {"ended": "SANCTION"}


def test_halted_attacks_stay_no_event():
    # ending violence is not coded as a concession: "to halt attacks" is what a deal commits to
    assert "attacks" not in types("The deal commits the group to halt attacks on soldiers.")


def test_withdrawing_troops_is_still_a_retreat():
    assert types("Syria will withdraw its troops from Lebanon.").get("withdraw") == "RETREAT"


def test_agreeing_to_a_ceasefire_is_still_an_agreement():
    assert types("Israel and Hamas agreed to a ceasefire on Sunday.").get("agreed") == "AGREE"


# ---------------------------------------------------------------- whom the act reaches


def test_target_is_the_first_actor_the_act_reaches():
    text = "Iran threatened to cut off electricity to Nakhichevan over unpaid bills."
    (e,), a = code(text, {"Iran": "IRN", "Nakhichevan": "AZE"})
    assert (e.actor1_id, e.actor2_id) == (a["Iran"].id, a["Nakhichevan"].id)


def test_the_agents_own_troops_are_not_the_target():
    text = "Syria has again offered its troops to the Lebanese president."
    events, a = code(text, {"Syria": "SYR", "troops": "SYR", "Lebanese president": "LBN"})
    offer = next(e for e in events if e.trigger.text == "offered")
    assert (offer.actor1_id, offer.actor2_id) == (a["Syria"].id, a["Lebanese president"].id)


def test_the_subject_of_a_verb_does_the_act_it_is_set_in():
    text = "Irish nationalist guerrillas wounded two British soldiers in a bomb attack."
    (e,), a = code(text, {"Irish nationalist guerrillas": "IRL", "British soldiers": "GBR"})
    assert (e.trigger.text, e.actor1_id) == ("attack", a["Irish nationalist guerrillas"].id)


def test_no_target_is_invented_when_none_is_named():
    (e,), a = code("The rebels attacked at dawn.", {"rebels": None})
    assert e.actor2_id is None
