"""Golden tests: the whole dateline/1 output of each shipped sample report, compared field by field.

`pytest --regen-golden` rewrites tests/golden/<case>.json from the current output; review that diff
like code.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline import ingest
from dateline.output import to_dict, validate

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize("folder", ingest.sample_folders(), ids=lambda p: p.name)
def test_golden_output(pipeline, request, folder):
    obj = to_dict(pipeline.run(ingest.read_example(folder)))
    validate(obj)
    path = GOLDEN / f"{folder.name}.json"
    if request.config.getoption("--regen-golden"):
        path.write_text(json.dumps(obj, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if not path.exists():
        pytest.fail(f"{path} is missing: run `pytest --regen-golden` and review the new file")
    assert obj == json.loads(path.read_text(encoding="utf-8"))
