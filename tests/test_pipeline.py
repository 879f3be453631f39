"""The pipeline's own logic: claims attached to the events they are about, batches for the parser."""

from __future__ import annotations

from dateline import pipeline
from dateline.model import Claim, Document, Event, Span
from dateline.pipeline import Pipeline, attach_claims


def test_attach_claims_inverts_event_ids():
    s = Span(0, 1, "x")
    events = [Event("e1", s, s), Event("e2", s, s), Event("e3", s, s)]
    claims = [Claim("c1", None, s, None, "asserts", ("e1", "e2")), Claim("c2", None, s, None, "confirms", ("e1",))]
    assert [e.claim_ids for e in attach_claims(events, claims)] == [("c1", "c2"), ("c1",), ()]


def test_a_batch_ends_before_its_texts_pass_the_parse_budget(monkeypatch):
    """The parser's memory follows a batch's text: no batch may pass the budget but a lone long report."""
    monkeypatch.setattr(pipeline, "PARSE_CHARS", 100)
    coder = Pipeline(resources=None)  # type: ignore[arg-type] - the stages never run here
    batches: list[list[int]] = []
    monkeypatch.setattr(coder, "_code_batch", lambda batch: batches.append([len(d.text) for d in batch]) or [])
    lengths = [40, 40, 40, 150, 10, 10, 10, 10, 90]
    list(coder.pipe([Document(f"d{i}", "x" * n) for i, n in enumerate(lengths)], batch_size=3))
    assert batches == [[40, 40], [40], [150], [10, 10, 10], [10, 90]]
