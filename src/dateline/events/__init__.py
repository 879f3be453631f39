"""Events stage: detect, type, place, date and attribute actors to every event a report mentions.

    detect (lexicon + parse) -> arguments (actors, place, time per mention) -> status
    -> speech acts (statements of intent and demand about those acts, `speech.py`)
    -> corefer (mentions -> events) -> casualties and damage -> dates, implied actors -> Event

Each module is a pure function of the spaCy `Doc` and the records of earlier stages, which are
used only by span (`records.py`), so the stage runs the same on hand-built records in tests.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging

from spacy.tokens import Doc, Token

from dateline.actors.codes import NON_STATE
from dateline.actors.metonymy import place_actor
from dateline.events.arguments import Arguments, date_interval, find_arguments, is_country
from dateline.events.casualties import Casualty, find_casualties
from dateline.events.corefer import WINDOW, Coded, cluster
from dateline.events.detect import Mention, detect_mentions
from dateline.events.lexicon import refine_acled
from dateline.events.records import Records
from dateline.events.speech import speech_acts
from dateline.events.status import dated_status, mention_status
from dateline.model import Actor, Event, EventDate, Place, Report, Span
from dateline.nlp import text as doc_text

log = logging.getLogger(__name__)

__all__ = ["code_events", "find_events"]

#: Modes of acts only a state's authorities do: with no one named, the place's government did it.
STATE_MODES = frozenset({"arrest", "deport", "investigate"})
#: Most damage phrases an event keeps: the output is a short summary, the evidence holds the rest.
MAX_DAMAGE = 3
#: The ranges "days/weeks after X" cover, in days, for dating an event relative to another.
_RELATIVE_DAYS = {"hour": (0, 1), "day": (1, 6), "week": (7, 27), "month": (28, 180)}


def _span(doc: Doc, start: int, end: int) -> Span:
    return Span(start=start, end=end, text=doc_text(doc)[start:end])


def _sentence_span(doc: Doc, token: Token) -> Span:
    sent = token.sent
    text = sent.text.rstrip()
    start = sent.start_char + (len(text) - len(text.lstrip()))
    return _span(doc, start, sent.start_char + len(text))


def _refine(doc: Doc, mention: Mention, coded_args: Arguments, records: Records) -> tuple[str | None, str | None]:
    """The ACLED type of a mention from its trigger's own modifiers and its arguments."""
    trigger = doc[mention.head]
    words = {trigger.lemma_.lower(), trigger.lower_}
    for c in trigger.children:
        if c.dep_ in {"compound", "amod", "nmod"}:
            words |= {t.lemma_.lower() for t in c.subtree}
        elif c.dep_ == "prep" and c.lower_ in {"with", "by", "using"}:
            words |= {g.lemma_.lower() for g in c.children}
        elif c.dep_ in {"nsubj", "nsubjpass", "dobj"} and not mention.nominal and c.i not in records.actor_at:
            # "a roadside bomb exploded", "fired missiles": the weapon is an argument of the verb
            words |= {t.lemma_.lower() for t in c.subtree if t.i not in records.actor_at}
    sentence = {t.lemma_.lower() for t in trigger.sent}
    a1, a2 = coded_args.actor1, coded_args.actor2
    return refine_acled(
        mention.kind,
        words,
        a2.sector if a2 else None,
        coded_args.target_noun,
        a1.sector if a1 else None,
        sentence,
    )


def _casualty_owner(
    doc: Doc,
    casualty: Casualty,
    head_to_event: dict[int, int],
    events_by_sent: list[tuple[int, int, bool]],
    capable: set[int],
) -> int | None:
    """The event a casualty or damage statement belongs to.

    First by syntax: the result verb's subject or "in/during/by" object is an event mention ("the
    strike destroyed ...", "killed in clashes"), or an event trigger governs it ("shelled the
    town, killing 12"). Otherwise the most recent violent event within `WINDOW` sentences: "One
    person was injured and two buildings were damaged, X said" follows the strike it counts.
    Only violent events and protests take casualties: "23 protesters had been detained ... and
    nine officers were injured" counts the protest's injured, not the arrests'.
    """
    token = doc[casualty.token]
    for c in token.children:
        if c.i in head_to_event and c.dep_ in {"nsubj", "nsubjpass", "agent"} and head_to_event[c.i] in capable:
            return head_to_event[c.i]
        if c.dep_ in {"prep", "agent"}:
            for g in c.children:
                if g.i in head_to_event and head_to_event[g.i] in capable:
                    return head_to_event[g.i]
    for anc in token.ancestors:
        if anc.i in head_to_event and head_to_event[anc.i] in capable:
            return head_to_event[anc.i]
        if anc.dep_ in {"ccomp", "parataxis"} or anc.head.i == anc.i:
            break
    sent = token.sent
    sent_index = next(n for n, s in enumerate(doc.sents) if s.start == sent.start)
    for last_sent, event, violent in reversed(events_by_sent):
        if violent and 0 <= sent_index - last_sent <= WINDOW:
            return event
    return None


def _relative_date(anchor: EventDate, direction: str, unit: str) -> EventDate | None:
    """The date of "X came <unit>s after Y" for Y, given X's date: coarse, never a guessed day."""
    span = date_interval(anchor.value) if anchor.value else None
    if span is None:
        return None
    lo, hi = _RELATIVE_DAYS[unit]
    if direction == "after":  # the event is before its anchor
        first, last = span[0] - dt.timedelta(days=hi), span[1] - dt.timedelta(days=lo)
    else:
        first, last = span[0] + dt.timedelta(days=lo), span[1] + dt.timedelta(days=hi)
    if first == last:
        return EventDate(first.isoformat(), "day", inherited=True)
    if (first.year, first.month) == (last.year, last.month):
        return EventDate(f"{first.year:04d}-{first.month:02d}", "month", inherited=True)
    if first.year == last.year:
        return EventDate(f"{first.year:04d}", "year", inherited=True)
    return None


def _own_date(members: list[Coded]) -> EventDate | None:
    for c in members:
        t = c.args.time
        if t is not None and not c.args.time_from_report:
            precision = "day" if t.precision == "time" else t.precision
            return EventDate(t.value.split("T")[0], precision, time_id=t.id)
    for c in members:
        t = c.args.time
        if t is not None:
            precision = "day" if t.precision == "time" else t.precision
            return EventDate(t.value.split("T")[0], precision, time_id=t.id, inherited=True)
    return None


def _accused_actor1(doc: Doc, members: list[Coded], coded: list[Coded]) -> Actor | None:
    """The party accused of an attack nobody is named as doing.

    "The state government accused the RSF of launching the drone" after "A drone strike hit a
    market": an accusation whose complement names the attack's own words (its trigger or the
    weapon modifying it) within `WINDOW` sentences gives the alleged attacker. Alleged, not
    proven: the claims stage keeps who said so.
    """
    # An attack reported inside the accusation itself: "accused the army of violating the
    # ceasefire by bombing one of its camps".
    heads = {c.mention.head for c in members}
    for other in coded:
        if other.mention.kind.plover != "ACCUSE" or other.args.actor2 is None:
            continue
        for child in doc[other.mention.head].children:
            if child.dep_ == "prep" and child.lower_ in {"of", "for"} and heads & {t.i for t in child.subtree}:
                return other.args.actor2
    signature: set[str] = set()
    for c in members[:1]:
        trigger = doc[c.mention.head]
        signature.add(trigger.lemma_.lower())
        signature |= {t.lemma_.lower() for t in trigger.children if t.dep_ in {"compound", "amod", "nmod"}}
    sents = {c.mention.sent for c in members}
    for other in coded:
        m = other.mention
        if m.kind.plover != "ACCUSE" or other.args.actor2 is None:
            continue
        if not any(0 <= m.sent - s <= WINDOW for s in sents):
            continue
        trigger = doc[m.head]
        words = {
            t.lemma_.lower()
            for c in trigger.children
            if c.dep_ == "prep" and c.lower_ in {"of", "for"}
            for t in c.subtree
            if t.pos_ in {"NOUN", "VERB", "PROPN"}
        }
        if words & signature:
            return other.args.actor2
    return None


def _implied_actor1(members: list[Coded]) -> Actor | None:
    """The implied agent of an attack nobody is named as doing.

    When the report of an attack comes from one side and the attack hit the other side's assets
    ("Ukraine's Ministry of Defense said a strike destroyed Russian missiles"), the reporting side
    is the implied attacker: sides report their own successes and their losses differently. Only
    for ASSAULT, only when the reporter and the target are of different, known countries.
    """
    for c in members:
        reporter, target = c.args.reporter, c.args.target_country
        if (
            target is not None
            and reporter is not None
            and reporter.country_code
            and reporter.country_code not in {target, *NON_STATE}
        ):
            log.debug("implied actor1 %s for %r", reporter.name or reporter.text, c.mention.kind.family)
            return reporter
    return None


def code_events(doc: Doc, report: Report) -> Report:
    """`report` with its events, and with the actors that places stand for as their targets.

    An event that names no target but is aimed at or imposed on a place ("a curfew in Abidjan")
    takes that place as its target actor (`dateline.actors.metonymy`); such actors join the
    report's actors, all renumbered a1, a2, ... in text order.
    """
    events, extra = _find_events(doc, report)
    if not extra:
        return dataclasses.replace(report, events=tuple(events))
    made = {a.id for a in extra}
    actors = sorted([*report.actors, *extra], key=lambda a: (a.start, a.end, a.id in made))
    new_id = {a.id: f"a{n}" for n, a in enumerate(actors, 1)}
    actors = [dataclasses.replace(a, id=new_id[a.id]) for a in actors]
    events = [
        dataclasses.replace(
            e,
            actor1_id=new_id.get(e.actor1_id) if e.actor1_id else None,
            actor2_id=new_id.get(e.actor2_id) if e.actor2_id else None,
        )
        for e in events
    ]
    return dataclasses.replace(report, actors=tuple(actors), events=tuple(events))


def find_events(doc: Doc, report: Report) -> list[Event]:
    """Every event in `doc`, one record per real-world event, ids e1, e2, ... in text order.

    `report` carries the document and the places, times and actors found before; actor ids are
    those `code_events` gives (the report's own, unless places stand for some targets).
    """
    return list(code_events(doc, report).events)


def _find_events(doc: Doc, report: Report) -> tuple[list[Event], list[Actor]]:
    """The events of `doc`, and the place actors their targets need (ids `p:<place id>`)."""
    records = Records.build(doc, report)
    published: dt.date | None = report.document.published
    mentions = detect_mentions(doc, records)
    blocked = {i for m in mentions for i in m.roots}
    coded = []
    for m in mentions:
        args = find_arguments(doc, m, records, blocked)
        coded.append(Coded(m, args, mention_status(doc, m), _refine(doc, m, args, records)))
    # Statements of intent and demand about the acts found ("X will send aid"): events of their own.
    coded += speech_acts(doc, coded, records, blocked)
    coded.sort(key=lambda c: c.mention.start)
    groups = cluster(coded)

    head_to_event = {c.mention.head: n for n, members in enumerate(groups) for c in members}
    for n, members in enumerate(groups):
        for c in members:
            for root in c.mention.roots:
                head_to_event.setdefault(root, n)
    capable = {
        n
        for n, members in enumerate(groups)
        if members[0].mention.kind.violent or members[0].mention.kind.plover == "PROTEST"
    }
    by_sent = sorted((c.mention.sent, n, n in capable) for n, members in enumerate(groups) for c in members)
    harm: dict[int, list[Casualty]] = {}
    for casualty in find_casualties(doc):
        owner = _casualty_owner(doc, casualty, head_to_event, by_sent, capable)
        if owner is not None:
            harm.setdefault(owner, []).append(casualty)

    dates: list[EventDate | None] = [_own_date(members) for members in groups]
    # "The visit ... came just days after the ICC accused ...": date by the anchor event.
    for n, members in enumerate(groups):
        if dates[n] is not None:
            continue
        for c in members:
            if c.args.relative is None:
                continue
            anchor_i, direction, unit = c.args.relative
            anchor = doc[anchor_i]
            candidates = [anchor.i] + [t.i for t in anchor.children if t.dep_ in {"nsubj", "nsubjpass"}]
            owner = next((head_to_event[i] for i in candidates if i in head_to_event), None)
            anchor_date = dates[owner] if owner is not None and owner != n else None
            if anchor_date is not None and not anchor_date.inherited:
                dates[n] = _relative_date(anchor_date, direction, unit)
                break

    events: list[Event] = []
    extra: dict[str, Actor] = {}
    for n, members in enumerate(groups):
        first = members[0]
        m = first.mention
        date = dates[n]
        if date is None and published is not None:
            date = EventDate(published.isoformat(), "day", inherited=True)
        status = dated_status(first.status, date.value if date else None, published)
        event_type, sub = first.acled
        if event_type is not None and sub is None:
            sub = next((c.acled[1] for c in members if c.acled[0] == event_type and c.acled[1]), None)
        actor1 = next((c.args.actor1 for c in members if c.args.actor1 is not None), None)
        actor2 = next((c.args.actor2 for c in members if c.args.actor2 is not None), None)
        if actor2 is None:
            target_place = next((c.args.target_place for c in members if c.args.target_place), None)
            if target_place is not None and not (
                actor1 is not None and actor1.start <= target_place.start and target_place.end <= actor1.end
            ):  # "Ukraine's Ministry of Defense": a place inside the agent's own name is no target
                actor2 = _place_actor(target_place, _place_sector(doc, target_place), extra)
        basis = "explicit" if actor1 is not None else None
        if actor1 is None and m.kind.plover == "ASSAULT":
            actor1 = _accused_actor1(doc, members, coded)
            basis = "alleged" if actor1 is not None else None
            if actor1 is None:
                actor1 = _implied_actor1(members)
                basis = "implied" if actor1 is not None else None
        place = next((c.args.place for c in members if c.args.place is not None), None)
        if actor1 is None and m.kind.mode in STATE_MODES and place is not None:
            # "was arrested in Lebanon", "put under investigation in Italy": only a state's
            # authorities arrest, deport or investigate where it happens
            actor1 = _place_actor(place, "government", extra)
            basis = "implied" if actor1 is not None else None
        found = harm.get(n, [])
        fatalities = next((h.fatalities for h in found if h.fatalities is not None), None)
        injured = next((h.injured for h in found if h.injured is not None), None)
        damage = list(dict.fromkeys(h.damage for h in found if h.damage))[:MAX_DAMAGE]
        events.append(
            Event(
                id=f"e{n + 1}",
                trigger=_span(doc, m.start, m.end),
                evidence=_sentence_span(doc, doc[m.head]),
                plover_type=m.kind.plover,
                event_type=event_type,
                sub_event_type=sub,
                mode=m.kind.mode,
                status=status,
                date=date,
                place_id=place.id if place else None,
                actor1_id=actor1.id if actor1 else None,
                actor2_id=actor2.id if actor2 else None,
                fatalities=fatalities,
                injured=injured,
                damage="; ".join(damage) or None,
                mentions=tuple(_span(doc, c.mention.start, c.mention.end) for c in members),
                actor1_basis=basis,
            )
        )
    log.debug("%d mentions -> %d events", len(mentions), len(events))
    return events, list(extra.values())


#: Prepositions whose object place is only where an act happened: its people bear it.
_SETTING_PREPS = frozenset({"in", "at", "near", "inside", "outside", "throughout", "across", "around", "within"})


def _place_sector(doc: Doc, place: Place) -> str:
    """The sector of the actor a place stands for: a country an act reaches or is aimed at is its
    government ("air links with Serbia", "the invasion of Lebanon"); where an act happens, or a
    town or region, its people ("a curfew in Sudan", "clashes in Kyrgyzstan")."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None or not is_country(place):
        return "civilian"
    token = span.root
    while token.dep_ in {"conj", "appos", "compound"} and token.head.i != token.i:
        token = token.head
    if token.dep_ == "pobj" and token.head.lower_ in _SETTING_PREPS:
        return "civilian"
    return "government"


def _place_actor(place: Place, sector: str, extra: dict[str, Actor]) -> Actor | None:
    """The actor a place stands for (`actors.metonymy`), made once per place mention and sector."""
    key = f"p:{place.id}:{sector}"
    if key not in extra:
        made = place_actor(place, key, sector)
        if made is None:
            return None
        extra[key] = made
    return extra[key]
