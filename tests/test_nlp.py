"""The spaCy pipeline as dateline loads it: once per process, with line breaks as sentence starts."""

from __future__ import annotations

from dateline import nlp


def test_loaded_once():
    assert nlp.load() is nlp.load()


def test_a_line_break_starts_a_sentence():
    doc = nlp.load()("Crimea annexation\nSince the invasion, Ukraine has launched strikes.\n\nOfficials said so.")
    assert [s.text.strip() for s in doc.sents] == [
        "Crimea annexation",
        "Since the invasion, Ukraine has launched strikes.",
        "Officials said so.",
    ]


def test_sentences_inside_a_line_are_left_to_the_parser():
    doc = nlp.load()("Troops shelled the town. Two people were killed, officials said.")
    assert len(list(doc.sents)) == 2
