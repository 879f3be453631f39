"""The actors of the project's example report (read from ../shared, never copied)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from dateline.actors import ActorRegistry, find_actors

EXAMPLE = Path(__file__).resolve().parents[2] / ".." / "shared" / "examples" / "dzhankoi"


@pytest.fixture(scope="module")
def registry() -> ActorRegistry:
    return ActorRegistry.load()


@pytest.mark.skipif(
    not (EXAMPLE / "expected.json").is_file(), reason="../shared/examples is absent (development-only data)"
)
def test_every_annotated_actor_gets_its_country_and_sector(registry: ActorRegistry) -> None:
    from dateline import nlp

    text = (EXAMPLE / "article.txt").read_text(encoding="utf-8")
    gold = json.loads((EXAMPLE / "expected.json").read_text(encoding="utf-8"))["actors"]
    actors = find_actors(nlp.load()(text), [], registry, dt.date(2023, 3, 21))
    for g in gold:
        # The scorer's rule: an actor whose span covers the last word of a mention of the gold text.
        hits = []
        pos = text.find(g["text"])
        while pos >= 0:
            head = pos + g["text"].rstrip().rfind(" ") + 1
            hits += [a for a in actors if a.start < pos + len(g["text"]) and head < a.end]
            pos = text.find(g["text"], pos + 1)
        assert g["country_code"] in {a.country_code for a in hits}, g["text"]
        assert g["sector"] in {a.sector for a in hits}, g["text"]
    variants = {a.text: a.variant_of for a in actors if a.variant_of}
    assert variants.get("Sergei Askyonov") == "Sergey Aksyonov"
