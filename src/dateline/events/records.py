"""Where the places, times and actors found by earlier stages sit in the parse.

The events stage uses other stages' records only by span: a record belongs to a token when their
character spans overlap. Built once per document, so every lookup afterwards is a dict access.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from spacy.tokens import Doc

from dateline.model import Actor, Place, Report, Time
from dateline.nlp import text as doc_text

R = TypeVar("R", Actor, Place, Time)


_DATELINE = re.compile(r"^([^\n,(—–-]{2,40}?)(?:,[^\n—–]{0,40}?)?(?:\s*\([^)\n]{1,20}\))?\s[—–-]{1,2}\s")


def dateline_end(text: str) -> int:
    """End of a wire-style dateline at the start of the text ("BOGOTÁ —"), or 0 when there is none."""
    match = _DATELINE.match(text)
    if match is None or not match.group(1).strip().isupper():
        return 0
    return match.end()


def _by_token(doc: Doc, records: Iterable[R]) -> dict[int, R]:
    """Map each token index to the record whose span covers it (the shortest record wins)."""
    out: dict[int, R] = {}
    for record in sorted(records, key=lambda r: r.end - r.start, reverse=True):
        span = doc.char_span(record.start, record.end, alignment_mode="expand")
        if span is None:
            continue
        for token in span:
            out[token.i] = record  # shorter records overwrite longer ones: the finer mention wins
    return out


@dataclass(frozen=True, slots=True)
class Records:
    """Token index -> the actor, place and time record covering that token."""

    actor_at: dict[int, Actor] = field(default_factory=dict)
    place_at: dict[int, Place] = field(default_factory=dict)
    time_at: dict[int, Time] = field(default_factory=dict)

    @classmethod
    def build(cls, doc: Doc, report: Report) -> Records:
        # A wire dateline ("MANILA —", "KYIV, March 3 (Reuters) -") says where the report was
        # filed; parsed as a subject it would become every first event's actor.
        end = dateline_end(doc_text(doc))
        return cls(
            actor_at=_by_token(doc, (a for a in report.actors if a.start >= end)),
            place_at=_by_token(doc, report.places),
            time_at=_by_token(doc, report.times),
        )

    def is_agentive(self, doc: Doc, i: int) -> bool:
        """Does token i name someone who can act: a known actor, or a person/group entity?"""
        token = doc[i]
        if i in self.actor_at:
            return True
        return token.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"} or (token.pos_ == "PROPN" and i not in self.place_at)
