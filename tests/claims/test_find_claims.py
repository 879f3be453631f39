"""Claims as records: pronoun sources resolved, sources linked to actors, claims linked to events."""

from __future__ import annotations

import datetime as dt

from dateline import nlp
from dateline.claims import find_claims, link_events
from dateline.model import Actor, Document, Event, Report, Span


def at(text: str, phrase: str, nth: int = 0) -> Span:
    """The span of the nth occurrence of phrase in text."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return Span(start, start + len(phrase), phrase)


def report(text: str, actors=(), events=()) -> Report:
    return Report(
        document=Document(id="t", text=text, published=dt.date(2023, 3, 21)), actors=tuple(actors), events=tuple(events)
    )


def run(text: str, actors=(), events=()):
    return find_claims(nlp.load()(text), report(text, actors, events))


def test_it_said_takes_the_source_of_the_claim_before():
    text = (
        "Two bases are located in the region, Britain's Ministry of Defence said.\n"
        "“The town is a key rail junction,” it said."
    )
    claims = run(text)
    assert [c.source.text for c in claims] == ["Britain's Ministry of Defence"] * 2
    assert claims[1].content.text.startswith("The town is a key rail junction")


def test_he_does_not_resolve_to_an_organization():
    text = "The ministry said the bridge was hit.\nHe said the bridge was hit."
    claims = run(text)
    assert claims[1].source.text == "He"


def test_source_links_to_the_actor_at_its_head():
    text = "Sergei Askyonov, the head of the peninsula, confirmed there was a strike."
    actors = [Actor("a1", "Sergei Askyonov", 0, 15), Actor("a2", "peninsula", 33, 42)]
    (claim,) = run(text, actors)
    assert claim.source.actor_id == "a1"
    assert claim.stance == "confirms"


def test_claim_links_to_events_mentioned_in_its_content():
    text = "The ministry said that a strike destroyed the depot.\nThe mayor said the market reopened."
    strike = Event("e1", at(text, "strike"), at(text, "The ministry said that a strike destroyed the depot."))
    claims = run(text, events=[strike])
    assert claims[0].event_ids == ("e1",)
    assert claims[1].event_ids == ()


def test_claim_links_through_any_mention_of_the_event():
    text = "A strike hit the depot.\nCNN has not been able to confirm the exact location of the strike."
    strike = Event("e1", at(text, "strike"), at(text, "A strike hit the depot."), mentions=(at(text, "strike", 1),))
    (claim,) = run(text, events=[strike])
    assert claim.stance == "cannot_confirm"
    assert claim.event_ids == ("e1",)


def test_no_responsibility_claim_links_through_the_cue_object():
    text = "A strike hit the depot.\nKyiv did not claim responsibility for the strike."
    strike = Event("e1", at(text, "strike"), at(text, "A strike hit the depot."))
    (claim,) = run(text, events=[strike])
    assert claim.content is None
    assert claim.stance == "no_responsibility_claim"
    assert claim.event_ids == ("e1",)


def test_link_events_is_span_containment():
    ev = Event("e1", Span(10, 16, "strike"), Span(0, 40, "x"), mentions=(Span(50, 56, "strike"),))
    assert link_events((0, 20), None, (30, 34), [ev]) == ("e1",)
    assert link_events((45, 60), None, (30, 34), [ev]) == ("e1",)
    assert link_events((12, 14), None, (30, 34), [ev]) == ()  # a part of the trigger is not the event
    assert link_events(None, None, (8, 20), [ev]) == ("e1",)  # the cue is the event ("accused")


def test_spans_are_text_slices():
    text = "Officials said late Monday that a strike destroyed missiles, according to the army."
    for c in run(text):
        for span in (c.cue, c.content, c.source):
            if span is not None:
                assert text[span.start : span.end] == span.text


def test_verification_summary_groups_sources_by_stance():
    from dateline.claims.summary import verification

    text = (
        "The ministry said a strike destroyed the depot.\n"
        "The governor confirmed the strike.\n"
        "CNN has not been able to confirm the location of the strike."
    )
    strike = Event(
        "e1",
        at(text, "strike"),
        Span(0, 10, "x"),
        mentions=(at(text, "strike", 1), at(text, "strike", 2)),
    )
    doc = nlp.load()(text)
    rep = report(text, events=[strike])
    rep = Report(document=rep.document, events=rep.events, claims=tuple(find_claims(doc, rep)))
    summary = verification(rep)["e1"]
    assert summary.reported_by == ("The ministry",)
    assert summary.confirmed_by == ("The governor",)
    assert summary.not_confirmed_by == ("CNN",)
    assert summary.describe() == "reported by The ministry; confirmed by The governor; not confirmed by CNN"


def test_claim_made_during_an_event_links_to_it():
    text = "During a meeting on Monday, Xi told Putin that the two countries have similar goals."
    meeting = Event("e1", at(text, "meeting"), Span(0, len(text), text))
    (claim,) = run(text, events=[meeting])
    assert claim.event_ids == ("e1",)


def test_consequences_without_an_event_refer_to_the_event_just_before():
    text = "The governor confirmed there was a strike.\nOne person was injured, the governor said."
    strike = Event("e1", at(text, "strike"), Span(0, 41, "x"))
    claims = run(text, events=[strike])
    assert [c.event_ids for c in claims] == [("e1",), ("e1",)]


def test_relative_who_source_resolves_to_the_person_it_stands_for():
    text = "House Speaker Paul Ryan, who said the plan would fail, left early."
    (claim,) = run(text)
    assert claim.source.text == "House Speaker Paul Ryan"
