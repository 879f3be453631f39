"""Speech acts of intent and demand: "X will send aid", "X is ready to talk", "Y must withdraw, X said".

PLOVER (after CAMEO) codes what such a sentence reports as a statement: the announcement of a
cooperative act is AGREE ("express intent to", CAMEO 03), of a hostile act THREATEN (CAMEO 13), and
"Y must do Z" in X's mouth is X's DEMAND on Y (CAMEO 10). The act announced is still coded by the
rest of the stage, as `planned`; this module adds the statement as an event of its own, with the
modal or adjective as its trigger, so an analyst sees both what was said and what may follow.

Only a main predicate counts (the root of the sentence or of a reported clause): "would" in "if
it were attacked, it would ..." or in a relative clause is no announcement. The one who announces
or demands must be a known actor.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc, Token

from dateline.events.arguments import Arguments, find_arguments
from dateline.events.arguments import party as _party_of
from dateline.events.corefer import Coded
from dateline.events.detect import SOURCE_PRONOUNS, Mention, main_predicate
from dateline.events.lexicon import EventKind, words
from dateline.events.records import Records
from dateline.model import Actor
from dateline.nlp import sentence_of, tokens

#: Modals that announce what the subject is going to do.
INTENT_MODALS = words("will would 'll wo")
#: Modals by which a source puts an obligation on someone: "Iraq must cooperate, Chirac said".
DEMAND_MODALS = words("must should")
#: Modals of possibility: "may halt mediation if ..." holds a hostile act over someone (CAMEO 13);
#: with any other act they announce nothing.
THREAT_MODALS = words("may might could")
#: Adjectives of readiness: "is ready to host", "is willing to withdraw".
READY_ADJECTIVES = words("ready willing prepared committed determined eager")
#: PLOVER types of acts whose announcement is a threat; every other announced act is cooperative.
HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION", "THREATEN", "PROTEST"})  # CAMEO 13x
#: Announced acts that are already statements: announcing them is no further event.
STATEMENTS = frozenset({"ACCUSE", "DEMAND", "REJECT", "REQUEST", "AGREE"})

INTENT_AGREE = EventKind("AGREE", "intent", mode="intent")
REFUSAL = EventKind("REJECT", "intent", mode="intent")
INTENT_THREATEN = EventKind("THREATEN", "intent", mode="intent")
DEMAND = EventKind("DEMAND", "demand", mode="demand")
#: Modes of the events this module makes: the evaluation codes a sentence by its speech act.
SPEECH_MODES = frozenset({"intent", "demand"})


def _framing(verb: Token) -> tuple[Token, str] | None:
    """The word that frames a predicate as intent, refusal or demand, and which: ("will", "intent") ...

    "will not accept" announces a refusal (PLOVER REJECT, CAMEO 12), not an intent."""
    negated = any(c.dep_ == "neg" for c in verb.children)
    for c in verb.children:
        if c.dep_ == "aux" and c.lower_ in INTENT_MODALS:
            return c, "refusal" if negated else "intent"
        if c.dep_ == "aux" and c.lower_ in THREAT_MODALS and not negated:
            return c, "possible"
        if c.dep_ == "aux" and c.lower_ in DEMAND_MODALS and not negated:
            return c, "demand"
    head = verb.head
    ready = verb.dep_ == "xcomp" and head.lower_ in READY_ADJECTIVES and head.dep_ == "acomp"
    if ready and not any(c.dep_ == "neg" for c in head.head.children):
        return head, "intent"
    return None


def _clause_verb(word: Token) -> Token:
    """The predicate a framing word belongs to: the verb of "will", the copula of "ready"."""
    return word.head


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)


def _marked(verb: Token, top: Token, marks: set[str]) -> bool:
    """Does the predicate have an adverbial clause opened by one of `marks` ("unless", "if")?"""
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)
        for v in (verb, top)
        for c in v.children
    )


def _source(top: Token, records: Records) -> Actor | None:
    """Who speaks a clause: the subject of the nearest verb above it that has a known actor as
    subject ("Chirac issued a reminder to Iraq that it must ...", "Kenya said it will ...")."""
    for anc in list(top.ancestors)[:4]:
        if anc.pos_ not in {"VERB", "AUX"}:
            continue
        subj = _subject(anc)
        if subj is not None and subj.i in records.actor_at:
            return records.actor_at[subj.i]
    return None


def speech_acts(doc: Doc, coded: list[Coded], records: Records, blocked: set[int]) -> list[Coded]:
    """The statements of intent and demand in `doc`, one per framed main predicate."""
    framed: dict[int, Coded] = {}
    for c in coded:
        framed.setdefault(c.mention.roots[-1] if c.mention.nominal else c.mention.head, c)
        if c.mention.carrier is not None:
            framed.setdefault(c.mention.carrier, c)
        trigger = doc[c.mention.head]
        if c.mention.nominal and trigger.dep_ in {"dobj", "obj"}:
            framed.setdefault(trigger.head.i, c)  # "would tighten the blockade": the blockade
    sent_of = sentence_of(doc)
    out: list[Coded] = []
    for verb in tokens(doc):
        if verb.pos_ not in {"VERB", "AUX"}:
            continue
        found = _framing(verb)
        if found is None:
            continue
        word, how = found
        top = _clause_verb(word) if word.dep_ == "acomp" else verb
        if not main_predicate(top):
            continue
        act = framed.get(verb.i)
        plover = act.mention.kind.plover if act is not None else None
        if how == "refusal" and plover == "REJECT":
            continue  # "will not refuse": left to the act itself
        if how == "intent" and plover in STATEMENTS or how == "demand" and plover in {"DEMAND", "REQUEST"}:
            continue  # "will agree", "must demand": the act is itself the statement
        subj = _subject(top)
        subject_actor = records.actor_at.get(subj.i) if subj is not None else None
        if subject_actor is None and subj is not None and subj.lower_ in SOURCE_PRONOUNS:
            subject_actor = _source(top, records)
        if how == "possible" and plover not in HOSTILE:
            continue
        if how in {"intent", "refusal", "possible"}:
            if subject_actor is None:
                continue
            conditional = _marked(verb, top, {"unless"})
            if how == "refusal":
                kind = REFUSAL
            elif how == "possible":
                kind = INTENT_THREATEN
            else:
                # "will withdraw its force unless ...": an act held over someone is a threat
                kind = INTENT_THREATEN if plover in HOSTILE or conditional else INTENT_AGREE
        else:
            kind = DEMAND
        mention = Mention(
            head=word.i,
            start=word.idx,
            end=word.idx + len(word),
            # one statement is one event: its own family keeps coreference from merging two
            kind=dataclasses.replace(kind, family=f"{kind.family}:{word.i}"),
            sent=sent_of[word.i],
            roots=(word.i,),
            nominal=False,
        )
        # The statement is dated and placed by its own words and its reporting verb ("said on
        # Thursday they would protest on Monday" was said on Thursday); its parties are the act's.
        own = find_arguments(doc, mention, records, blocked)
        if own.reporter is None and _marked(verb, top, {"if"}):
            continue  # "if the talks fail, the army would attack": the narrator's hypothesis
        args = Arguments(
            actor1=act.args.actor1 if act is not None else None,
            actor2=act.args.actor2 if act is not None else _party_of(doc, verb, records),
            target_place=(act.args.target_place if act is not None else None) or own.target_place,
            place=own.place,
            time=own.time,
            time_from_report=own.time_from_report,
            reporter=own.reporter,
        )
        if how == "demand":
            # X demands of Y: the one who says it acts, the one who must do it is the target.
            demander = args.reporter or _source(top, records)
            if demander is None or subject_actor is None or demander.id == subject_actor.id:
                continue
            args = Arguments(
                actor1=demander,
                actor2=subject_actor,
                target_place=args.target_place,
                place=args.place,
                time=args.time,
                time_from_report=args.time_from_report,
                reporter=args.reporter,
            )
        elif args.actor1 is None:
            args = Arguments(
                actor1=subject_actor,
                actor2=args.actor2,
                target_place=args.target_place,
                place=args.place,
                time=args.time,
                time_from_report=args.time_from_report,
                reporter=args.reporter,
            )
        out.append(Coded(mention, args, "reported", (None, None)))
    return out
