"""Status of a mention: reported, background, planned, hypothetical or negated.

POLECAT's author names hypotheticals and negation as where per-document coders go wrong; an
analyst counting events must not count "did not attack", "could strike" or "plans to visit".
Negation and modality are read on the trigger and on the verb that carries a nominal trigger
("did not launch strikes"); not on verbs further up, since "did not claim responsibility for the
strike" negates the claim, not the strike.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc, Token

from dateline.events.arguments import date_interval
from dateline.events.detect import Mention
from dateline.events.lexicon import HYPOTHETICAL_MODIFIERS, PLAN_VERBS, PLANNED_MODIFIERS

HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "would", "should", "can"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
NEGATIVE_DETS = frozenset({"no", "never"})
OCCUR_VERBS = frozenset({"take", "happen", "occur", "go", "begin", "start", "proceed"})

#: An event dated this long before publication is background, not news: ACLED codes events in the
#: week they happen, and anything older than about two months is history the report recalls.
BACKGROUND_DAYS = 60


def _modal_of(token: Token) -> str | None:
    """'negated', 'hypothetical' or 'planned' from the auxiliaries and marks on one verb."""
    lowers = {c.lower_ for c in token.children if c.dep_ in {"aux", "auxpass", "neg", "mark", "advmod"}}
    if any(c.dep_ == "neg" for c in token.children) or "never" in lowers:
        return "negated"
    if lowers & CONDITIONAL_MARKS:
        return "hypothetical"
    if lowers & HYPOTHETICAL_AUX:
        return "hypothetical"
    if lowers & FUTURE_AUX:
        return "planned"
    # "is going to attack"
    if token.dep_ == "xcomp" and token.head.lemma_ == "go" and any(c.dep_ == "aux" for c in token.head.children):
        return "planned"
    return None


def mention_status(doc: Doc, mention: Mention) -> str:
    """The status a mention gives its event, before dates are known (background comes later)."""
    trigger = doc[mention.head]
    verbs = [trigger]
    if mention.carrier is not None:
        verbs.append(doc[mention.carrier])
    if mention.nominal:
        mods = {c.lower_ for c in trigger.children if c.dep_ in {"det", "amod", "neg", "acl"}}
        if mods & NEGATIVE_DETS:
            return "negated"
        if mods & PLANNED_MODIFIERS:
            return "planned"
        if mods & HYPOTHETICAL_MODIFIERS:
            return "hypothetical"
    found = [s for s in (_modal_of(v) for v in verbs) if s]
    governor = trigger.head if mention.nominal and trigger.dep_ in {"nsubj", "nsubjpass"} else None
    if governor is not None and governor.i in mention.roots:
        # "Talks are planned for Friday", "the talks will take place", "a strike could hit the
        # port": the verb an event noun is subject of says whether it happens. Its negation
        # counts only for verbs of occurring: "the attack did not cause casualties" happened.
        if governor.lemma_.lower() in PLAN_VERBS:
            found.append("planned")
        modal = _modal_of(governor)
        if modal and (modal != "negated" or governor.lemma_.lower() in OCCUR_VERBS):
            found.append(modal)
    for status in ("negated", "hypothetical", "planned"):
        if status in found:
            return status
    # A conditional clause anywhere above the trigger in its sentence: "if Russia attacks, ...".
    top = verbs[-1]
    for anc in [top, *top.ancestors]:
        if anc.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in anc.children):
            return "hypothetical"
    # "when Kenya's president visits Manila": an event in the simple present under "when",
    # "once" or "after" in a past-tense report is still to come.
    if (
        top.dep_ == "advcl"
        and top.tag_ in {"VBZ", "VBP"}
        and any(
            c.dep_ in {"mark", "advmod"} and c.lower_ in {"when", "once", "after", "before", "until"}
            for c in top.children
        )
    ):
        return "planned"
    # "plans to attack", "vowed to visit": the event is intended, not done.
    if top.dep_ == "xcomp" and top.head.lemma_.lower() in PLAN_VERBS:
        return "planned"
    # "sent personnel to Bosnia to investigate": what a mission is sent to do is still to be done
    if top.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in top.children):
        return "planned"
    return "reported"


def dated_status(status: str, value: str | None, published: dt.date | None) -> str:
    """Refine a 'reported' status with the event's date: long past is background, future is planned.

    Any date will do, its own or inherited: a date inherited from the publication or a report
    is never long past, and one inherited from its clause ("after an attack ... in April 2024")
    dates it as well as its own would."""
    if status != "reported" or value is None or published is None:
        return status
    span = date_interval(value)
    if span is None:
        return status
    first, last = span
    if last < published - dt.timedelta(days=BACKGROUND_DAYS):
        return "background"
    if first > published:
        return "planned"
    return status
