"""Conflicting claims: one source affirms an event that another denies."""

from __future__ import annotations

import datetime as dt

from dateline import nlp
from dateline.checks import conflict_flags
from dateline.claims import find_claims
from dateline.model import Claim, Document, Event, Report, Source, Span

TEXT = "Ukraine said a drone strike hit the depot. Russia denied the strike. Kyiv could not confirm it."


def span(phrase: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(phrase, start + 1)
    return Span(start, start + len(phrase), phrase)


def claim(cid: str, source: str, cue: str, stance: str, actor_id: str | None = None) -> Claim:
    s = span(source)
    return Claim(cid, Source(s.start, s.end, source, actor_id), span(cue), None, stance, ("e1",))


def report(*claims: Claim) -> Report:
    strike = Event("e1", span("strike"), span(TEXT[:42]))
    return Report(document=Document(id="t", text=TEXT, published=dt.date(2023, 3, 21)), events=(strike,), claims=claims)


def test_a_denial_against_an_assertion_is_flagged_with_both_cues():
    (flag,) = conflict_flags(
        report(claim("c1", "Ukraine", "said", "asserts"), claim("c2", "Russia", "denied", "denies"))
    )
    assert flag.kind == "conflicting_claims"
    assert flag.spans == ((span("said").start, span("said").end), (span("denied").start, span("denied").end))
    assert flag.message == "Sources disagree about the strike: Ukraine reports it, but Russia denies it."


def test_not_being_able_to_confirm_is_no_conflict():
    claims = (claim("c1", "Ukraine", "said", "asserts"), claim("c3", "Kyiv", "could not confirm", "cannot_confirm"))
    assert conflict_flags(report(*claims)) == []


def test_one_actor_under_two_names_does_not_conflict_with_itself():
    claims = (claim("c1", "Ukraine", "said", "asserts", "a1"), claim("c2", "Kyiv", "denied", "denies", "a1"))
    assert conflict_flags(report(*claims)) == []


def test_conflict_found_from_the_text():
    text = "The ministry said a drone strike destroyed the depot.\nThe governor denied the strike."
    strike = Event(
        "e1",
        Span(text.index("strike"), text.index("strike") + 6, "strike"),
        Span(0, 52, text[:52]),
        mentions=(Span(text.rindex("strike"), text.rindex("strike") + 6, "strike"),),
    )
    rep = Report(document=Document(id="t", text=text, published=dt.date(2023, 3, 21)), events=(strike,))
    rep = Report(document=rep.document, events=rep.events, claims=tuple(find_claims(nlp.load()(text), rep)))
    (flag,) = conflict_flags(rep)
    assert "The ministry reports it, but The governor denies it" in flag.message
