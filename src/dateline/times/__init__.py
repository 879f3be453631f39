"""Times stage: find temporal expressions and normalize them against the publication date."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from dateline.model import Time


def find_times(doc: Doc, published: dt.date | None) -> list[Time]:
    """Every temporal expression in `doc`, normalized, ids t1, t2, ... in text order."""
    return []
