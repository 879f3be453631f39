"""Dates that cannot both hold: one event given two different years, or an anniversary that
does not add up.

The check is deliberately narrow, since a flag a reader has to dismiss costs trust. Two dated
mentions are taken to be one event only when
- the events stage put both mentions in one `Event` record, or
- both name the *onset* of something of one kind ("since the invasion in February 2021" and
  "since it began its attack last year"): a war, an invasion or an occupation begins once, while
  "an attack in 2019" and "an attack last year" are usually two attacks.
An "Nth anniversary of X" is checked against the year X is dated to elsewhere in the report: the
anniversary falls in that year plus N, which must be the year of the anniversary's own date (or
of the publication, when it has none).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dateline.model import Event, Flag, Report, Time
from dateline.nlp import text as doc_text
from dateline.nlp import tokens
from dateline.numbers import ORDINALS

#: Event nouns and verbs of one kind, by lemma. Two onsets of one kind in one report are one onset.
EVENT_CLASSES: dict[str, str] = {
    **dict.fromkeys(
        (
            "invasion",
            "invade",
            "attack",
            "war",
            "offensive",
            "incursion",
            "aggression",
            "assault",
            "onslaught",
            "conflict",
            "hostility",
            "fighting",
        ),
        "war",
    ),
    **dict.fromkeys(("annexation", "annex"), "annexation"),
    **dict.fromkeys(("occupation", "occupy"), "occupation"),
    **dict.fromkeys(("coup",), "coup"),
    **dict.fromkeys(("independence",), "independence"),
    **dict.fromkeys(("ceasefire", "truce", "armistice"), "ceasefire"),
    **dict.fromkeys(("revolution", "uprising", "revolt"), "uprising"),
}
#: Verbs whose object is an event that starts: "began its attack".
ONSET_VERBS = frozenset({"begin", "start", "launch", "open", "unleash", "initiate"})
#: Verbs that only say an event took place: its date is the event noun's date.
LIGHT_VERBS = frozenset({"hold", "take", "occur", "happen", "stage", "conduct", "carry"})
#: Prepositions and markers that make an event the start of a period: "since the invasion".
ONSET_MARKERS = frozenset({"since"})
RELATIVE = re.compile(r"\b(last|this|next|ago|yesterday|today|tomorrow|previous|past|coming|earlier|later)\b", re.I)


@dataclass(frozen=True, slots=True)
class DatedMention:
    """A time expression and the event word it dates."""

    time: Time
    year: int
    event: Token  # the event noun or verb: "invasion", "attack", "annexed"
    onset: bool  # the mention marks the start of a period


def _year(time: Time) -> int | None:
    m = re.match(r"(\d{4})", time.value or "")
    return int(m.group(1)) if m and time.type in ("DATE", "TIME") else None


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _kind(tok: Token) -> str | None:
    return EVENT_CLASSES.get(_lemma(tok))


def _same_word(a: Token, b: Token) -> bool:
    """Same event word across parts of speech: "annexation"/"annexed", "invasion"/"invade"."""
    la, lb = _lemma(a), _lemma(b)
    n = min(len(la), len(lb), 5)
    return la == lb or (n >= 4 and la[:n] == lb[:n]) or (_kind(a) is not None and _kind(a) == _kind(b))


def _anchor(doc: Doc, time: Time) -> DatedMention | None:
    """The event word a time expression dates, found by climbing the parse from the expression."""
    year = _year(time)
    span = doc.char_span(time.start, time.end, alignment_mode="expand")
    if year is None or span is None:
        return None
    tok = span.root
    # "in February 2021" -> "in" -> "invasion"; "last year" (npadvmod) -> "began"
    for _ in range(3):
        if tok.head.i == tok.i:
            break
        tok = tok.head
        if tok.pos_ in ("NOUN", "VERB", "PROPN") and tok.pos_ != "ADP":
            break
    # PP attachment is the parser's weak spot: "the invasion in February 2021, the army ..." hangs
    # the date on the main verb. A date phrase right after an event word dates that word.
    prep = span.root.head
    if prep.dep_ == "prep" and prep.i > 0 and _kind(doc[prep.i - 1]) is not None and prep.i - 1 != tok.i:
        tok = doc[prep.i - 1]
    # "the vote, held in 2021": a light verb's date belongs to the noun it describes
    if _lemma(tok) in LIGHT_VERBS and tok.dep_ in ("acl", "relcl") and tok.head.pos_ == "NOUN":
        tok = tok.head
    onset = False
    if _lemma(tok) in ONSET_VERBS:
        obj = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if obj is None:
            return None
        tok, onset = obj, True
    if tok.dep_ == "pobj" and tok.head.lower_ in ONSET_MARKERS:
        onset = True
    if any(c.dep_ == "mark" and c.lower_ in ONSET_MARKERS for c in tok.head.children) and tok.dep_ == "dobj":
        onset = True
    if tok.pos_ not in ("NOUN", "VERB"):
        return None
    return DatedMention(time=time, year=year, event=tok, onset=onset)


def _event_of(tok: Token, events: tuple[Event, ...]) -> str | None:
    """The id of the event record one of whose mentions holds this word."""
    for event in events:
        for m in (event.trigger, *event.mentions):
            if m.start <= tok.idx < m.end:
                return event.id
    return None


def _same_event(a: DatedMention, b: DatedMention, events: tuple[Event, ...]) -> bool:
    ea, eb = _event_of(a.event, events), _event_of(b.event, events)
    if ea is not None and ea == eb:
        return True
    return a.onset and b.onset and _kind(a.event) is not None and _kind(a.event) == _kind(b.event)


def _describe(time: Time, year: int, published: dt.date | None) -> str:
    if RELATIVE.search(time.text) and published is not None:
        return f"'{time.text}', which is {year} for a report published on {published.isoformat()}"
    return f"'{time.text}' ({year})" if str(year) not in time.text else f"'{time.text}'"


def _anniversaries(doc: Doc, report: Report, dated: list[DatedMention]) -> tuple[list[Flag], list[str]]:
    """Flags for anniversaries that do not add up, and sentences for those that do."""
    flags: list[Flag] = []
    notes: list[str] = []
    published = report.document.published
    for tok in tokens(doc):
        if _lemma(tok) != "anniversary":
            continue
        ordinal = next(
            (
                ORDINALS.get(c.lower_) or _numeric_ordinal(c.lower_)
                for c in tok.children
                if c.dep_ in ("amod", "nummod") and (ORDINALS.get(c.lower_) or _numeric_ordinal(c.lower_))
            ),
            None,
        )
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        what = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if ordinal is None or what is None:
            continue
        base = next((d for d in dated if _same_word(d.event, what) and d.event.i != what.i), None)
        if base is None:
            continue
        expected = base.year + ordinal
        # the anniversary's own date: a time in its sentence, else the publication year
        own = next(
            (
                t
                for t in report.times
                if _year(t) is not None
                and tok.sent.start_char <= t.start < tok.sent.end_char
                and t.start != base.time.start
            ),
            None,
        )
        actual = _year(own) if own is not None else (published.year if published else None)
        start = next(c for c in tok.children if c.dep_ in ("amod", "nummod")).idx
        label = doc_text(doc)[start : tok.idx + len(tok.text)]
        if actual is None:
            continue
        if actual != expected:
            spans = [(start, tok.idx + len(tok.text)), (base.time.start, base.time.end)]
            if own is not None:
                spans.append((own.start, own.end))
            where = f"'{own.text}' ({actual})" if own is not None else f"the report's publication year {actual}"
            flags.append(
                Flag(
                    kind="temporal_inconsistency",
                    message=(
                        f"The '{label}' of the {what.text} dated {base.year} ('{base.time.text}') falls in "
                        f"{expected}, but the report places it in {where}."
                    ),
                    spans=tuple(spans),
                )
            )
        else:
            notes.append(f"'{label}' of a {base.year} {what.text} places the report in {expected}.")
    return flags, notes


def _numeric_ordinal(word: str) -> int | None:
    m = re.fullmatch(r"(\d+)(st|nd|rd|th)", word)
    return int(m.group(1)) if m else None


def temporal_flags(doc: Doc, report: Report) -> list[Flag]:
    """Every pair of dates that cannot both hold, each flagged once with both spans."""
    dated = [d for d in (_anchor(doc, t) for t in report.times) if d is not None]
    flags, notes = _anniversaries(doc, report, dated)
    published = report.document.published
    flagged: set[frozenset[str]] = set()
    for i, a in enumerate(dated):
        for b in dated[i + 1 :]:
            if a.year == b.year or a.time.id == b.time.id or not _same_event(a, b, report.events):
                continue
            key = frozenset((a.time.id, b.time.id))
            if key in flagged:
                continue
            flagged.add(key)
            message = (
                f"The {a.event.text} is dated {_describe(a.time, a.year, published)}, but the same "
                f"report dates the {b.event.text} it refers to {_describe(b.time, b.year, published)}: "
                + (
                    "it cannot have begun in both years."
                    if a.onset and b.onset
                    else "it cannot have happened in both years."
                )
            )
            if notes:
                message += " " + " ".join(notes)
            flags.append(
                Flag(
                    kind="temporal_inconsistency",
                    message=message,
                    spans=((a.time.start, a.time.end), (b.time.start, b.time.end)),
                )
            )
    return flags
