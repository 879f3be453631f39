"""Casualties and damage: "at least 12 killed", "One person was injured", "two buildings were damaged".

Each result predicate (kill, die, injure, damage, destroy) is read with the number of its patient.
Numbers follow ACLED's conservative reading: a range gives its lower bound, "at least N" gives N,
"dozens" 12 and "hundreds" 100; a vague "many" gives nothing, never a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dateline.events.lexicon import DAMAGE_LEMMAS, INJURE_LEMMAS, KILL_LEMMAS
from dateline.nlp import tokens
from dateline.numbers import CARDINALS, SCALES, TENS

_UNITS = {
    "zero": 0,
    "no": 0,
    "one": 1,
    "a": 1,
    "an": 1,
    **{w: n for w, n in CARDINALS.items() if n >= 2},
    "dozen": 12,
    "dozens": 12,
    "hundreds": 100,
    "scores": 20,
    "a dozen": 12,
}
_TENS = TENS
_SCALES = SCALES


def parse_number(text: str) -> int | None:
    """A count written in digits or words: '12', '1,200', 'twenty-five', 'two hundred', 'dozens'."""
    t = text.lower().strip().replace(",", "")
    if not t:
        return None
    if re.fullmatch(r"\d+", t):
        return int(t)
    m = re.fullmatch(r"(\d+)\s*(?:-|–|to)\s*\d+", t)
    if m:
        return int(m.group(1))  # a range: its lower bound
    total = current = 0
    seen = False
    for word in re.split(r"[\s-]+", t):
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word in _SCALES:
            current = max(current, 1) * _SCALES[word]
            if _SCALES[word] >= 1000:
                total, current = total + current, 0
        elif word.isdigit():
            current += int(word)
        elif word in {"and"}:
            continue
        else:
            return None
        seen = True
    return total + current if seen else None


def _count(token: Token) -> int | None:
    """The number a patient noun phrase gives: its numeral, or 1 for "a man", "one person"."""
    if token.like_num or token.pos_ == "NUM":
        nums = [t for t in token.subtree if t.like_num or t.pos_ == "NUM"]
        values = [v for v in (parse_number(t.text) for t in nums) if v is not None]
        return min(values) if values else None  # "between 10 and 20" -> 10
    numerals = [c for c in token.children if c.dep_ == "nummod"]
    if numerals:
        values = [v for c in numerals for t in c.subtree if (v := parse_number(t.text)) is not None]
        return min(values) if values else None
    if token.tag_ in {"NN", "NNP"} and any(c.dep_ == "det" and c.lower_ in {"a", "an", "one"} for c in token.children):
        return 1
    if token.lower_ in {"dozens", "hundreds", "scores"}:
        return parse_number(token.lower_)
    return None


@dataclass(frozen=True, slots=True)
class Casualty:
    """One result predicate and what it counts; `anchor` is the token it hangs from."""

    token: int
    anchor: int
    fatalities: int | None = None
    injured: int | None = None
    damage: str | None = None


def _patient(token: Token) -> Token | None:
    for dep in ("nsubjpass", "dobj", "obj"):
        for c in token.children:
            if c.dep_ == dep:
                return c
    # "12 people died", "three are dead"
    if token.lemma_.lower() in {"die", "dead"} or token.pos_ == "ADJ":
        for c in token.children:
            if c.dep_ == "nsubj":
                return c
        if token.dep_ == "acomp":
            return next((c for c in token.head.children if c.dep_ == "nsubj"), None)
    if token.dep_ == "amod":
        return token.head  # "12 dead civilians"
    if token.tag_ == "VBN":
        # "12 people had been killed and 31 wounded": the elided passive parses "31" as subject
        return next((c for c in token.children if c.dep_ == "nsubj"), None)
    return None


def _phrase(noun: Token, verb: Token) -> str:
    """A short damage phrase: the noun with its left modifiers and the participle ("two buildings damaged")."""
    keep = {"nummod", "amod", "compound", "nmod", "quantmod"}
    words = [t.text for c in noun.lefts if c.dep_ in keep for t in c.subtree if t.is_alpha or t.like_num]
    participle = "destroyed" if verb.lemma_.lower() == "destroy" else "damaged"
    return " ".join([*words, noun.text, participle])


def find_casualties(doc: Doc) -> list[Casualty]:
    """Every casualty or damage statement in the document, in text order."""
    out: list[Casualty] = []
    for token in tokens(doc):
        lemma = token.lemma_.lower()
        if token.pos_ not in {"VERB", "ADJ"}:
            continue
        if lemma in KILL_LEMMAS or lemma in INJURE_LEMMAS:
            patient = _patient(token)
            n = _count(patient) if patient is not None else None
            if n is None:
                continue
            if lemma in KILL_LEMMAS:
                out.append(Casualty(token.i, token.i, fatalities=n))
            else:
                out.append(Casualty(token.i, token.i, injured=n))
        elif lemma in DAMAGE_LEMMAS and token.pos_ == "VERB":
            patient = _patient(token)
            if patient is None or patient.pos_ not in {"NOUN", "PROPN"}:
                continue
            out.append(Casualty(token.i, token.i, damage=_phrase(patient, token)))
    return out
