"""Times stage: find temporal expressions and normalize them against the publication date.

    recognize (grammar + vetting) -> normalize (anchor on publication, tense, discourse) -> Time

Recognition is a hand-written grammar (`grammar.py`, words in `lexicon.py`) vetted by the spaCy
parse (`recognize.py`). Normalization (`normalize.py` dispatching to `dates.py`, `relative.py`,
`periods.py` for the periods of results reports, `durations.py`; arithmetic in `values.py`)
anchors relative expressions on the publication date, on the tense of their clause (`anchor.py`),
or on the date last mentioned (`context.py`). Weekdays stay anchored on publication even after a
date written out earlier in the text: measured on TempEval-3, re-anchoring them on it broke 55
right values for 2 fixed.
`dateparser` can value spaCy DATE entities the grammar missed (`fallback.py`), but only when a
caller asks: measured on TempEval-3 it does not help. Nothing here calls `search_dates`: it is slow.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re

from spacy.tokens import Doc

from dateline.model import Time
from dateline.nlp import text as doc_text
from dateline.times.anchor import clause_tense
from dateline.times.context import Context, Value
from dateline.times.fallback import Fallback
from dateline.times.grammar import Match
from dateline.times.normalize import normalize
from dateline.times.recognize import candidates

log = logging.getLogger(__name__)

__all__ = ["Fallback", "find_times", "normalize_text"]


def find_times(doc: Doc, published: dt.date | None, fallback: Fallback | None = None) -> list[Time]:
    """Every temporal expression in `doc`, normalized, ids t1, t2, ... in text order.

    `fallback` (built once per process) lets dateparser value spaCy DATE entities the grammar
    missed; without it the stage is the grammar alone.
    """
    if isinstance(published, dt.datetime):
        published = published.date()
    tenses: dict[tuple[int, int], str | None] = {}

    def tense(start: int, end: int) -> str | None:
        if (start, end) not in tenses:
            tenses[start, end] = clause_tense(doc, start, end)
        return tenses[start, end]

    text = doc_text(doc)  # spaCy rebuilds `doc.text` on each access; `doc_text` builds it once per doc
    ctx = Context(ref=published, tense=tense, text=text, sentence_starts=[s.start_char for s in doc.sents])
    found: list[tuple[int, int, Value, str]] = []
    for match in candidates(doc, text):
        value = normalize(match, ctx)
        if value is not None:
            start, end = _trim(match, text, value)
            found.append((start, end, value, match.rule))
    if fallback is not None:
        taken = [(start, end) for start, end, _, _ in found]
        found.extend((start, end, value, "dateparser") for start, end, value in fallback.values(doc, published, taken))
        found.sort(key=lambda f: f[0])
    found = _resolve_anniversaries(doc, found)
    times = [
        Time(
            id=f"t{i}",
            text=text[start:end],
            start=start,
            end=end,
            type=v.type,
            value=v.value,
            precision=v.precision,
            part_of_day=v.part_of_day,
        )
        for i, (start, end, v, _) in enumerate(found, start=1)
    ]
    log.debug("found %d times", len(times))
    return times


_SIGNAL_AFTER = re.compile(r"(?i)\s+(?:before|after|since|earlier|later)$")
_SIGNAL_BEFORE = re.compile(r"(?i)^(?:earlier|later)\s+")


def _trim(match: Match, text: str, value: Value) -> tuple[int, int]:
    """The span TimeML marks: without the signal words "after", "before", "earlier", "later".

    "two days after the attack" is a duration anchored on an event: the words that relate it
    are signals, not part of the expression. "earlier this month" is valued as "this month".
    """
    start, end = match.start, match.end
    if match.rule in ("ago", "ago_bare") and value.type == "DURATION":
        m = _SIGNAL_AFTER.search(text, start, end)
        if m:
            end = m.start()
    elif match.rule == "rel_unit" and match.groups.get("shift"):
        m = _SIGNAL_BEFORE.match(text, start, end)
        if m:
            start = m.end()
    return start, end


def _resolve_anniversaries(doc: Doc, found: list[tuple[int, int, Value, str]]) -> list[tuple[int, int, Value, str]]:
    """An anniversary is marked on a day: take the day-precision date of its own sentence.

    "visited on Saturday to mark the ninth anniversary of its annexation": the anniversary is
    that Saturday. With no such date in the sentence it keeps the year of publication that
    `normalize` gave it (anniversaries in the news are this year's).
    """
    out = []
    for start, end, value, rule in found:
        if rule == "anniversary":
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                sent = span.sent
                days = [
                    (abs(s - start), v)
                    for s, e, v, r in found
                    if r != "anniversary"
                    and sent.start_char <= s < sent.end_char
                    and v.type == "DATE"
                    and v.precision == "day"
                    and not v.value.startswith("X")
                ]
                if days:
                    value = dataclasses.replace(min(days, key=lambda d: d[0])[1], part_of_day=None)
        out.append((start, end, value, rule))
    return out


def normalize_text(text: str, published: dt.date | None) -> list[Time]:
    """`find_times` over a bare text, parsed with the project's spaCy pipeline (a convenience)."""
    from dateline import nlp

    return find_times(nlp.load()(text), published)
