"""Claims stage: who says what, with what stance, about which event.

`attribution.extract` reads source, cue and content spans off the dependency parse; this module
turns them into `Claim` records: it resolves pronoun sources ("..., it said") to the source of the
claim before, links each source to the actor mentioned there, and links each claim to the events
its content mentions. Stances are defined in one table, in `dateline.claims.cues`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from spacy.tokens import Doc

from dateline.claims import learned
from dateline.claims.attribution import PRONOUNS, RELATIVES, Attribution, antecedent, extract
from dateline.claims.cues import STANCES
from dateline.claims.learned import CueModel
from dateline.model import Actor, Claim, Event, Report, Source, Span
from dateline.nlp import text as doc_text

__all__ = ["STANCES", "Attribution", "CueModel", "extract", "find_claims", "link_events"]

log = logging.getLogger(__name__)

#: How far back (in characters) a pronoun source may look for its antecedent claim. Beyond about
#: two short paragraphs a reader no longer takes "it said" to mean the same source.
PRONOUN_REACH = 600


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _inside(inner: tuple[int, int], outer: tuple[int, int]) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def _actor_for(span: tuple[int, int], head: tuple[int, int] | None, actors: Iterable[Actor]) -> Actor | None:
    """The actor mentioned at the source: the one covering its head word, else the first overlapping."""
    overlapping = [a for a in actors if _overlaps((a.start, a.end), span)]
    if head is not None:
        for a in overlapping:
            if _overlaps((a.start, a.end), head):
                return a
    return overlapping[0] if overlapping else None


def _event_spans(event: Event) -> list[tuple[int, int]]:
    return [(event.trigger.start, event.trigger.end)] + [(m.start, m.end) for m in event.mentions]


#: Words that make a content report consequences of an event it does not name ("One person was
#: injured and two buildings were damaged"): such a content is about the event just before it.
CONSEQUENCE_WORDS = frozenset(
    {"kill", "die", "dead", "injure", "wound", "hurt", "damage", "destroy", "casualty", "fatality", "death"}
)
#: How far back (characters) a consequence content may look for its event: about two sentences.
CONSEQUENCE_REACH = 400


def link_events(
    content: tuple[int, int] | None,
    target: tuple[int, int] | None,
    cue: tuple[int, int],
    events: Iterable[Event],
    doc: Doc | None = None,
    setting: tuple[int, int] | None = None,
) -> tuple[str, ...]:
    """Ids of the events a claim is about.

    An event counts when one of its mentions lies inside the content (or, for a cue without content
    such as "did not claim responsibility for the strike", inside the cue's object), when the cue
    itself is the event's trigger (an accusation or a rejection is both a claim and an event), or
    when the claim was made at it ("During a meeting on Monday, Xi told ..."). Two fallbacks follow
    a reader's own resolution: a definite object ("for the strike") that no event covers refers
    back to the event whose trigger has the same word, and a content that only reports consequences
    ("One person was injured") is about the event mentioned just before it.
    """
    ids: list[str] = []
    events = list(events)
    for event in events:
        spans = _event_spans(event)
        if (
            (content and any(_inside(s, content) for s in spans))
            or (target and any(_inside(s, target) for s in spans))
            or (setting and any(_inside(s, setting) for s in spans))
            or _inside((event.trigger.start, event.trigger.end), cue)
        ):
            ids.append(event.id)
    if ids or doc is None:
        return tuple(ids)
    if target:
        tokens = doc.char_span(*target, alignment_mode="expand") or ()
        words = {t.lemma_.lower() for t in tokens if t.pos_ == "NOUN"}
        for event in events:
            trigger = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
            if trigger is not None and trigger.root.lemma_.lower() in words and event.trigger.start < target[0]:
                return (event.id,)
    if content:
        tokens = doc.char_span(*content, alignment_mode="expand") or ()
        if any(t.lemma_.lower() in CONSEQUENCE_WORDS for t in tokens):
            before = [
                (s[0], e.id)
                for e in events
                for s in _event_spans(e)
                if s[1] <= min(content[0], cue[0]) and min(content[0], cue[0]) - s[1] <= CONSEQUENCE_REACH
            ]
            if before:
                return (max(before)[1],)
    return ()


def _resolve(doc: Doc, found: list[Attribution]) -> list[tuple[Attribution, tuple[int, int] | None]]:
    """Pair each attribution with the span its source refers to, pronouns resolved backwards.

    "it" takes the closest earlier source that is not a person, "he"/"she" one that is, "they" any;
    a pronoun with no such source within `PRONOUN_REACH` keeps its own span.
    """
    out: list[tuple[Attribution, tuple[int, int] | None]] = []
    for i, att in enumerate(found):
        ref = att.source
        if att.source_head is not None and doc[att.source_head].lower_ in RELATIVES:
            ref = antecedent(doc, doc[att.source_head]) or ref
        if att.source_head is not None and doc[att.source_head].lower_ in PRONOUNS and att.source:
            pron = doc[att.source_head].lower_
            for prev, prev_ref in reversed(out[:i]):
                if prev_ref is None or prev.source_head is None or att.cue[0] - prev.cue[1] > PRONOUN_REACH:
                    continue
                head = doc[prev.source_head]
                if head.lower_ in PRONOUNS:
                    continue
                person = head.ent_type_ == "PERSON"
                if (pron == "it" and not person) or (pron in ("he", "she") and person) or pron == "they":
                    ref = prev_ref
                    break
        out.append((att, ref))
    return out


def find_claims(doc: Doc, report: Report, cue_model: CueModel | None = None) -> list[Claim]:
    """Every attribution in `doc` with its stance and the ids of the events it is about.

    `report` carries the document, places, times, actors and events found before; `cue_model`
    finds the cues the table does not list (default: the shipped model, `learned.load()`).
    """
    text = doc_text(doc)
    claims: list[Claim] = []
    # a learned cue with no source ("is expected to ...") or no content ("spoke", alone) serves the
    # PolNeAR scorer, which counts cues and sources on their own, but tells a reader nothing: claims
    # keep only learned cues with both
    found = [
        a
        for a in extract(doc, cue_model or learned.load())
        if a.cue_class != "other" or (a.source is not None and a.content is not None)
    ]
    for n, (att, ref) in enumerate(_resolve(doc, found), start=1):
        source = None
        if ref is not None:
            head = None
            if att.source_head is not None and ref == att.source:
                tok = doc[att.source_head]
                head = (tok.idx, tok.idx + len(tok.text))
            actor = _actor_for(ref, head, report.actors)
            source = Source(start=ref[0], end=ref[1], text=text[ref[0] : ref[1]], actor_id=actor.id if actor else None)
        content = Span(att.content[0], att.content[1], text[att.content[0] : att.content[1]]) if att.content else None
        claims.append(
            Claim(
                id=f"c{n}",
                source=source,
                cue=Span(att.cue[0], att.cue[1], text[att.cue[0] : att.cue[1]]),
                content=content,
                stance=att.stance,
                event_ids=link_events(att.content, att.target, att.cue, report.events, doc, att.setting),
            )
        )
    log.debug("%d claims in %s", len(claims), report.document.id)
    return claims
