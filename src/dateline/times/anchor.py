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
    "suppose",
}
#: Plan verbs: what was planned in a past clause may lie either side of publication ("protesters
#: planned a rally on Saturday"), so their past tense gives no direction.
_PLAN_VERBS = {"plan", "schedule", "slate"}
#: Verbs that move a deadline: "postponed until Tuesday", "gave them until 9 a.m. Tuesday" point
#: ahead whatever their tense.
_DEADLINE_VERBS = {"postpone", "delay", "extend", "adjourn", "give", "defer", "suspend", "grant", "push"}
#: How far up the tree to look for a governing verb: past this, the link is too loose to trust.
_MAX_CLIMB = 6


def governing_verb(token: Token) -> Token | None:
    """The nearest verb or auxiliary above `token` (or `token` itself when it is one)."""
    for _ in range(_MAX_CLIMB):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head == token:
            return None
        token = token.head
    return None


def _past_perfect(token: Token) -> bool:
    """ "had been due to", "had planned to": a plan already over by the time of the report."""
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ == "had" for t in (token, token.head) for c in t.children)


def _tense_of_verb(verb: Token, depth: int = 0) -> str | None:
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _FUTURE_AUX for a in aux):
        return FUTURE
    if verb.lower_ == "going" and any(c.dep_ == "xcomp" for c in verb.children):
        return FUTURE
    tag = verb.tag_
    if tag == "VBD":
        return None if verb.lemma_ in _PLAN_VERBS else PAST
    if tag == "VBN":
        # "has been", "was killed": past; "is expected (to)", "are scheduled": ahead.
        # "talks planned for Friday", "is expected to", "are scheduled for Monday": what is planned
        # lies ahead. ("was planned for Friday" stays past: on TimeBank that reading wins.)
        planned = verb.dep_ in ("acl", "relcl") or any(a.tag_ in ("VBZ", "VBP") for a in aux)
        # "set" plans only with a complement ("set to open", "set for Monday"): "a record set on
        # Aug. 6" is past.
        if verb.lemma_ == "set":
            planned = planned and any(c.dep_ == "xcomp" or c.lower_ == "for" for c in verb.children)
        if verb.lemma_ in _FUTURE_HEADS and planned:
            return FUTURE
        if any(a.tag_ == "VBD" or a.lemma_ == "have" for a in aux):
            return PAST  # "was killed", "has been", "had left"
        if any(a.lemma_ == "be" for a in aux):
            return None  # a present passive: "when the case is heard in May"
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
        if head != verb and verb.dep_ in ("xcomp", "ccomp", "advcl", "conj") and depth < 2:
            if head.lemma_ in _FUTURE_HEADS and verb.dep_ == "xcomp":
                return PAST if _past_perfect(head) else FUTURE
            if head.lemma_ == "be" and head.tag_ in ("VBZ", "VBP") and verb.dep_ == "xcomp":
                return FUTURE  # "is to resume trading Tuesday"
            return _tense_of_verb(head, depth + 1)
        if tag == "VBG" and any(a.lemma_ == "have" for a in aux):
            return PAST  # present perfect progressive: "have been searching since Oct. 23"
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
    if span.start > 0 and doc[span.start - 1].lower_ == "effective":
        return FUTURE  # "effective Feb. 1": a date set ahead
    # Climb from the expression's syntactic root, not its first word ("late" in "late Monday").
    verb = governing_verb(span.root)
    if verb is None:
        return None
    if verb.lemma_ in _DEADLINE_VERBS:
        token = span.root
        for _ in range(_MAX_CLIMB):  # spaCy makes a new Token on each access: compare with ==
            if token == verb:
                break
            if token.lower_ in ("until", "till"):
                return FUTURE
            token = token.head
    return _tense_of_verb(verb)
