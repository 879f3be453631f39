"""Checks stage: raise the flags a careful reader would raise.

Each check is a pure function of the parsed document and the records found before; each flag
names its spans and says why in a sentence a reader understands:
- `temporal_inconsistency` (`checks.temporal`): dates that cannot both hold;
- `name_variant` (`checks.names`): a variant spelling of a known actor;
- `casualty_discrepancy` (`checks.casualties`): sources giving different counts for one event;
- `conflicting_claims` (`checks.conflicts`): one source affirms an event, another denies it.
"""

from __future__ import annotations

import logging

from spacy.tokens import Doc

from dateline.checks.casualties import casualty_flags
from dateline.checks.conflicts import conflict_flags
from dateline.checks.names import name_variant_flags
from dateline.checks.temporal import temporal_flags
from dateline.model import Flag, Report

__all__ = ["casualty_flags", "conflict_flags", "find_flags", "name_variant_flags", "temporal_flags"]

log = logging.getLogger(__name__)


def find_flags(doc: Doc, report: Report) -> list[Flag]:
    """Every flag for this report: inconsistent dates, name variants, casualty discrepancies,
    conflicting claims."""
    flags = (
        temporal_flags(doc, report) + name_variant_flags(report) + casualty_flags(doc, report) + conflict_flags(report)
    )
    flags.sort(key=lambda f: (min((s[0] for s in f.spans), default=0), f.kind))
    log.debug("%d flags in %s", len(flags), report.document.id)
    return flags
