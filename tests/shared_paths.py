"""Where the shared corpora and examples live, and how tests skip when they are absent.

A module of its own, not conftest.py: stage folders have conftest files of their own, and
`from conftest import` would pick whichever was imported first.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLE = SHARED / "examples" / "dzhankoi"
SCORER = SHARED / "tools" / "score_report.py"


def need_shared(path: Path) -> None:
    """Skip, saying why, when the shared corpora are not beside the repository."""
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared corpora and examples live in ../shared beside the repository")
