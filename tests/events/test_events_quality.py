"""Quality gates: event coding scored on the shared corpora against floors in tests/quality_baseline.json.

A floor is raised when a score rises and never lowered silently. Skips, saying why, where
../shared/data is absent. PLOVER GSR is scored whole and on its held-out split (every 5th record,
which no learned part trains on); ConfliBERT on its first `CONFLIBERT_SENTENCES` sentences, to keep
`make test` quick.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.evaluate.events import evaluate_events, read_plover, split_plover

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data"
BASELINE = json.loads((ROOT / "tests" / "quality_baseline.json").read_text(encoding="utf-8")).get("events", {})
CONFLIBERT_SENTENCES = 300


def _need(name: str) -> Path:
    path = DATA / name
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared corpora live in ../shared/data beside the repository")
    return path


def _at_least(result: dict, floors: dict) -> None:
    for key, floor in floors.items():
        value = result
        for part in key.split("."):
            value = value[part]
        assert value >= floor, f"{key}: {value:.3f} fell below its floor {floor}"


@pytest.mark.parametrize("split", ["all", "heldout"])
def test_plover_gsr(pipeline, split):
    result = evaluate_events("plover-gsr", _need("plover-gsr"), split=split, pipeline=pipeline)
    _at_least(result, BASELINE[f"plover_gsr_{split}"])


def test_plover_heldout_split_is_fixed():
    sentences = read_plover(_need("plover-gsr"))
    held = split_plover(sentences, "heldout")
    assert len(sentences) == 322 and len(held) == 65
    assert held[0].id == sentences[0].id and held[1].id == sentences[5].id


def test_conflibert(pipeline):
    result = evaluate_events("conflibert", _need("conflibert-cameo"), limit=CONFLIBERT_SENTENCES, pipeline=pipeline)
    _at_least(result, BASELINE["conflibert_first_300"])


def test_wikievents(pipeline):
    result = evaluate_events("wikievents", _need("wikievents"), pipeline=pipeline)
    _at_least(result, BASELINE["wikievents_dev"])
