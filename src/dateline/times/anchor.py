"""Tense of the clause a temporal expression sits in, read off the spaCy dependency parse.

A bare "Monday" means the Monday before publication in "the ministry said Monday" and the one
after in "the talks will resume Monday". The parse gives the verb that governs the expression;
its tag and auxiliaries give the tense.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dateline.times.values import FUTURE, PAST

#: Auxiliaries and modals that put a clause in the future (or a hypothetical ahead of the report).
_FUTURE_AUX = {"will", "'ll", "shall", "wo", "going"}
#: Verbs whose complement lies ahead: "is expected to be", "plans to visit", "is scheduled to".
_FUTURE_HEADS = {
    "expect",
    "schedule",
    "plan",
    "set",
    "due",
    "slate",
    "intend",
    "aim",
    "prepare",
    "hope",
    "want",
    "vow",
    "pledge",
    "promise",
    "threaten",
    "seek",
    "agree",
    "decide",
    "propose",
    "going",
}
#: How far up the tree to look for a governing verb: past this, the link is too loose to trust.
_MAX_CLIMB = 6


def governing_verb(token: Token) -> Token | None:
    """The nearest verb or auxiliary above `token` (or `token` itself when it is one)."""
    for _ in range(_MAX_CLIMB):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head is token:
            return None
        token = token.head
    return None


def _tense_of_verb(verb: Token, depth: int = 0) -> str | None:
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _FUTURE_AUX for a in aux):
        return FUTURE
    if verb.lower_ == "going" and any(c.dep_ == "xcomp" for c in verb.children):
        return FUTURE
    tag = verb.tag_
    if tag == "VBD":
        return PAST
    if tag == "VBN":
        # "has been", "was killed": past; "is expected (to)", "are scheduled": ahead.
        # "talks planned for Friday", "is expected to", "are scheduled for Monday": what is planned
        # lies ahead. ("was planned for Friday" stays past: on TimeBank that reading wins.)
        planned = verb.dep_ in ("acl", "relcl") or any(a.tag_ in ("VBZ", "VBP") for a in aux)
        if verb.lemma_ in _FUTURE_HEADS and planned:
            return FUTURE
        if any(a.tag_ in ("VBD", "VBZ", "VBP") or a.lower_ in ("had", "has", "have") for a in aux):
            return PAST
        return PAST if verb.dep_ in ("acl", "relcl") or not aux else None
    if tag == "MD":
        return FUTURE if verb.lower_ in _FUTURE_AUX else None
    if tag in ("VB", "VBG"):
        # An infinitive or gerund takes its tense from the verb it completes: "is expected to be".
        if any(a.tag_ == "MD" for a in aux):
            # "would leave as soon as Tuesday", "might come": a modal before a bare verb looks
            # ahead; with "have" ("could have left") it looks back.
            return PAST if any(a.lower_ in ("have", "'ve") for a in aux) else FUTURE
        if any(a.tag_ == "VBD" for a in aux):
            return PAST
        head = verb.head
        if head is not verb and verb.dep_ in ("xcomp", "ccomp", "advcl", "conj") and depth < 2:
            if head.lemma_ in _FUTURE_HEADS and verb.dep_ == "xcomp":
                return FUTURE
            return _tense_of_verb(head, depth + 1)
        if tag == "VBG" and any(a.lower_ in ("is", "are", "'s", "'re", "am") for a in aux):
            return FUTURE  # present progressive of a planned act: "is meeting Monday"
        return None
    if tag in ("VBZ", "VBP"):
        return None
    return None


def clause_tense(doc: Doc, start: int, end: int) -> str | None:
    """PAST, FUTURE or None (present or unknown) for the expression at characters [start, end)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    # Climb from the expression's syntactic root, not its first word ("late" in "late Monday").
    verb = governing_verb(span.root)
    if verb is None:
        return None
    return _tense_of_verb(verb)
