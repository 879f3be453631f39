"""The array attribute ruler and lemmatizer write exactly what the model's stock components write."""

from __future__ import annotations

from pathlib import Path

import numpy
import pytest
import spacy
from shared_paths import SHARED, need_shared
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, ORTH, POS, TAG
from spacy.pipeline import AttributeRuler
from spacy.vocab import Vocab

from dateline import nlp, token_rules

SAMPLES = Path(nlp.__file__).parent / "samples"
ATTRIBUTES = [ORTH, TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE]


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*/article.txt"))]
    # Odd spellings and forms the samples lack: contractions, dialect, all caps, stray spaces.
    texts.append("I'm sure they'd've gone, y'all. He ain't nothin' if not DONE.  It's 9:30 a.m.\n\n"
                 "Don't you think so?  NOBODY KNOWS WHAT'S HAPPENING IN  the north, they're saying.")
    return texts


def _assert_same(texts: list[str]) -> None:
    stock = spacy.load(nlp.MODEL)
    ours = token_rules.install(spacy.load(nlp.MODEL))
    assert "attribute_ruler" not in ours.pipe_names and "dateline_lemmatizer" in ours.pipe_names
    for text, a, b in zip(texts, stock.pipe(texts), ours.pipe(texts), strict=True):
        if not numpy.array_equal(a.to_array(ATTRIBUTES), b.to_array(ATTRIBUTES)):
            diff = [(x.text, x.pos_, y.pos_, str(x.morph), str(y.morph), x.lemma_, y.lemma_)
                    for x, y in zip(a, b, strict=True)
                    if (x.pos_, str(x.morph), x.lemma_) != (y.pos_, str(y.morph), y.lemma_)]
            pytest.fail(f"token_rules differs from the stock components in {text[:60]!r}: {diff[:5]}")


def test_same_annotations_as_the_stock_components_on_the_samples():
    _assert_same(_texts())


def test_same_annotations_on_real_reports():
    texts_dir = SHARED / "data" / "polnear" / "dev" / "text"
    need_shared(texts_dir)
    _assert_same([p.read_text(encoding="utf-8") for p in sorted(texts_dir.glob("*.txt"))[:40]])


def test_patterns_it_cannot_run_are_refused():
    ruler = AttributeRuler(Vocab())
    ruler.add([[{"ORTH": "x", "OP": "+"}]], {"POS": "NOUN"})
    with pytest.raises(ValueError, match="stock attribute ruler"):
        token_rules.ArrayAttributeRuler(ruler)


def test_same_annotations_when_the_memory_of_words_is_cleared_every_few_words(monkeypatch):
    monkeypatch.setattr(token_rules, "_REMEMBERED", 5)  # a long run's clearing, many times a report
    _assert_same(_texts())
