"""Checks stage: raise the flags a careful reader would raise."""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.model import Flag, Report


def find_flags(doc: Doc, report: Report) -> list[Flag]:
    """Every flag for this report: inconsistent dates, name variants, casualty discrepancies."""
    return []
