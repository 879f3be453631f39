"""Places stage: find place mentions and resolve them to gazetteer entries."""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.model import Place


class Gazetteer:
    """The local place index, built once per process (placeholder until the places stage lands)."""

    @classmethod
    def load(cls) -> "Gazetteer":
        return cls()


def find_places(doc: Doc, gazetteer: Gazetteer) -> list[Place]:
    """Every place mention in `doc`, resolved where the gazetteer allows, ids p1, p2, ... in text order."""
    return []
