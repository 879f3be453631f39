"""The pipeline's own logic: claims attached to the events they are about."""

from __future__ import annotations

from dateline.model import Claim, Event, Span
from dateline.pipeline import attach_claims


def test_attach_claims_inverts_event_ids():
    s = Span(0, 1, "x")
    events = [Event("e1", s, s), Event("e2", s, s), Event("e3", s, s)]
    claims = [Claim("c1", None, s, None, "asserts", ("e1", "e2")), Claim("c2", None, s, None, "confirms", ("e1",))]
    assert [e.claim_ids for e in attach_claims(events, claims)] == [("c1", "c2"), ("c1",), ()]
