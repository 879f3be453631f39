"""Claims stage: who says what, with what stance, about which event."""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.model import Claim, Report


def find_claims(doc: Doc, report: Report) -> list[Claim]:
    """Every attribution in `doc` with its stance and the ids of the events it is about.

    `report` carries the document, places, times, actors and events found before.
    """
    return []
