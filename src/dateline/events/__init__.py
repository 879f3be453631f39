"""Events stage: detect, type, place, date and attribute actors to every event a report mentions."""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.model import Event, Report


def find_events(doc: Doc, report: Report) -> list[Event]:
    """Every event in `doc`, one record per real-world event, ids e1, e2, ... in text order.

    `report` carries the document and the places, times and actors found before.
    """
    return []
