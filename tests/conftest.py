"""Shared fixtures: one pipeline per test session, and the path to the shared corpora."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLE = SHARED / "examples" / "dzhankoi"
SCORER = SHARED / "tools" / "score_report.py"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--regen-golden", action="store_true",
                     help="rewrite tests/golden/*.json from the current output (review the diff like code)")


@pytest.fixture(scope="session")
def pipeline():
    from dateline.pipeline import Pipeline

    return Pipeline()


def need_shared(path: Path) -> None:
    """Skip, saying why, when the shared corpora are not beside the repository."""
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared corpora and examples live in ../shared beside the repository")
