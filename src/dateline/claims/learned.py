"""A learned cue detector for the long tail of attribution verbs the cue table does not list.

PolNeAR counts as an attribution any report of what a source said, thought, wanted or did with
words: "spoke of", "pointed out", "bemoaned", "seemed confident", "attacked Clinton over ...". Hand
rules cover the frequent cues (`cues.CUE_CLASS`); the hundreds of rarer ones are learned. The model
is a logistic regression over a verb's parse context (lemma, dependency, what it governs, what its
subject is), trained on PolNeAR train by `scripts/train_cue_model.py` in about 4 minutes on CPU; its weights
ship as JSON (`data/cue_model.json`) and scoring is a sum of weights, so no learning library is
needed at run time.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Token

from dateline.nlp import sentence, tokens
from dateline.nlp import text as doc_text

#: Where the weights live, inside the package.
MODEL_FILE = "data/cue_model.json"
#: Dependents whose presence says how a verb is used (reporting verbs take clauses and objects).
CHILD_DEPS = frozenset(
    {
        "ccomp",
        "xcomp",
        "dobj",
        "nsubj",
        "nsubjpass",
        "prep",
        "prt",
        "neg",
        "aux",
        "auxpass",
        "advcl",
        "dative",
        "acomp",
        "attr",
        "oprd",
        "advmod",
        "npadvmod",
        "agent",
        "csubj",
        "parataxis",
        "mark",
        "poss",
        "acl",
    }
)
#: Parts of speech a cue's head may have.
CANDIDATE_POS = frozenset({"VERB", "AUX"})
#: Nouns and adjectives head cues too ("his obsession with Mexico", "worried about ..."), but only
#: with a dependent that could carry content or a source.
NOMINAL_POS = frozenset({"NOUN", "ADJ"})
NOMINAL_DEPS = frozenset({"poss", "prep", "acl", "ccomp", "xcomp"})


def candidate(tok: Token) -> bool:
    """Could `tok` head a cue? Verbs, "be"/"have" as main verbs, and nouns or adjectives that govern
    a possessor, a preposition or a clause."""
    if tok.pos_ in CANDIDATE_POS:
        return tok.dep_ not in ("aux", "auxpass")
    return tok.pos_ in NOMINAL_POS and any(c.dep_ in NOMINAL_DEPS for c in tok.children)


def _subject(tok: Token) -> Token | None:
    """The subject of `tok`, or of the verb it is a participle or xcomp of ("..., saying ...")."""
    for t in (tok, tok.head):
        for c in t.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                return c
        if tok.dep_ not in ("xcomp", "advcl", "conj"):
            break
    return None


#: Pronouns that stand for people (who voice things) rather than for things.
PERSONAL = frozenset({"i", "we", "you", "he", "she", "they", "who"})


def _kind(subj: Token) -> str:
    """A coarse class of a subject: a person or group (who can voice things), or a thing."""
    if subj.lower_ in PERSONAL or subj.ent_type_ in ("PERSON", "NORP"):
        return "person"
    if subj.ent_type_ in ("ORG", "GPE"):
        return "org"
    return "thing"


def _in_quote(tok: Token) -> bool:
    sent = sentence(tok)
    before = doc_text(sent.doc)[sent.start_char : tok.idx]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def features(tok: Token) -> list[str]:
    """The features of one candidate token, as strings (a bag: each present feature weighs 1)."""
    lemma = tok.lemma_.lower()
    kids = [c for c in tok.children if c.dep_ in CHILD_DEPS]
    deps = sorted({c.dep_ for c in kids})
    f = [
        f"pos={tok.pos_}",
        f"l={lemma}",
        f"d={tok.dep_}",
        f"t={tok.tag_}",
        f"l|d={lemma}|{tok.dep_}",
        f"h={tok.head.lemma_.lower()}",
    ]
    f += [f"c={d}" for d in deps]
    f += [f"l|c={lemma}|{d}" for d in deps if d in ("ccomp", "xcomp", "dobj", "prep", "prt", "acomp", "attr")]
    f += [f"p={c.lower_}" for c in kids if c.dep_ in ("prep", "prt")]
    f += [f"l|p={lemma}|{c.lower_}" for c in kids if c.dep_ in ("prep", "prt")]
    f += [f"o={c.lemma_.lower()}" for c in kids if c.dep_ in ("dobj", "attr")]
    f += [f"x={c.lemma_.lower()}" for c in kids if c.dep_ in ("xcomp", "acomp")]
    f += [f"m={m.lower_}" for c in kids if c.dep_ == "ccomp" for m in c.children if m.dep_ == "mark"]
    subj = _subject(tok)
    if subj is None:
        f += ["s=none", f"l|s={lemma}|none"]
    else:
        kind = _kind(subj)
        f += [
            f"se={subj.ent_type_ or '-'}",
            f"sl={subj.lemma_.lower()}",
            f"sd={subj.dep_}",
            f"sp={subj.pos_}",
            f"sk={kind}",
            f"l|s={lemma}|{kind}",
        ]
        if subj.head.i != tok.i:
            f.append("s=inherited")
    if tok.dep_ in ("xcomp", "ccomp", "conj", "advcl"):
        f.append(f"hd={tok.head.lemma_.lower()}|{tok.dep_}")
    sent = sentence(tok)
    f.append("inq" if _in_quote(tok) else "outq")
    text = doc_text(tok.doc)[sent.start_char : sent.end_char]  # `sent.text`, without rebuilding it from tokens
    if any(ch in text for ch in '“”"'):
        f.append("sq")
    toks = tokens(tok.doc)
    if tok.i > 0:
        f.append(f"prev={toks[tok.i - 1].lower_}")
    if tok.i + 1 < len(toks):
        f.append(f"next={toks[tok.i + 1].lower_}")
    return f


@dataclass(frozen=True, slots=True)
class CueModel:
    """Logistic-regression weights over `features`; a token whose probability reaches `threshold`
    is taken as a cue."""

    weights: dict[str, float]
    bias: float
    threshold: float

    def probability(self, tok: Token) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features(tok))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def is_cue(self, tok: Token) -> bool:
        return candidate(tok) and self.probability(tok) >= self.threshold


@functools.cache
def load() -> CueModel | None:
    """The shipped cue model, loaded once per process; None when the weights are not installed."""
    path = resources.files("dateline.claims").joinpath(MODEL_FILE)
    if not path.is_file():
        return None
    raw = json.loads(path.read_text(encoding="utf-8"))
    return CueModel(weights=raw["weights"], bias=raw["bias"], threshold=raw["threshold"])
