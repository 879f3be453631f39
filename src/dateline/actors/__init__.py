"""Actors stage: find mentions of people, organizations and groups and resolve them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from spacy.tokens import Doc

from dateline.model import Actor, Place


class ActorRegistry:
    """Canonical actors, built once per process (placeholder until the actors stage lands)."""

    @classmethod
    def load(cls) -> "ActorRegistry":
        return cls()


def find_actors(
    doc: Doc, places: Sequence[Place], registry: ActorRegistry, published: dt.date | None
) -> list[Actor]:
    """Every actor mention in `doc`, resolved to a canonical actor, ids a1, a2, ... in text order."""
    return []
