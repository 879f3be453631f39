"""Quality gates on annotated reports: the shared example and the project's own samples.

Each report is coded, its output validated against the schema, and scored by the shared scorer
(`../shared/tools/score_report.py`, the same tool others use on unseen reports). The score must
reach the floor pinned in `quality_baseline.json`, and the example at least 0.6 (issue 2).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from shared_paths import EXAMPLE, SCORER, need_shared

from dateline import ingest
from dateline.output import to_dict, validate

BASELINE = json.loads((Path(__file__).parent / "quality_baseline.json").read_text(encoding="utf-8"))


def score(pipeline, folder: Path, expected: Path, tmp_path: Path) -> float:
    """Code the report in `folder`, validate it, and return the shared scorer's score."""
    obj = to_dict(pipeline.run(ingest.read_example(folder)))
    validate(obj)
    out = tmp_path / f"{folder.name}.json"
    out.write_text(json.dumps(obj, ensure_ascii=False), encoding="utf-8")
    result = subprocess.run([sys.executable, str(SCORER), str(out), str(expected), "--verbose"],
                            capture_output=True, text=True, check=True)
    match = re.search(r"^score: ([0-9.]+)", result.stdout, re.M)
    assert match, result.stdout
    print(result.stdout)
    return float(match.group(1))


def test_example_report(pipeline, tmp_path):
    need_shared(EXAMPLE)
    value = score(pipeline, EXAMPLE, EXAMPLE / "expected.json", tmp_path)
    assert value >= max(0.6, BASELINE["example_report"]["dzhankoi"])


@pytest.mark.parametrize("folder", ingest.sample_folders(), ids=lambda p: p.name)
def test_sample_report(pipeline, tmp_path, folder):
    need_shared(SCORER)
    value = score(pipeline, folder, folder / "expected.json", tmp_path)
    assert value >= BASELINE["samples"].get(folder.name, 0.0)
