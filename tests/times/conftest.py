"""Fixtures of the times tests: the project's spaCy pipeline, loaded once."""

from __future__ import annotations

import pytest
from spacy.language import Language


@pytest.fixture(scope="session")
def nlp() -> Language:
    from dateline import nlp as nlp_loader

    return nlp_loader.load()
