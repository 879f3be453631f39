"""Times stage: find temporal expressions and normalize them against the publication date.

    recognize (grammar + vetting) -> normalize (anchor on publication, tense, discourse) -> Time

Recognition is a hand-written grammar (`grammar.py`, words in `lexicon.py`) vetted by the spaCy
parse (`recognize.py`). Normalization (`normalize.py` dispatching to `dates.py`, `relative.py`,
`periods.py` for the periods of results reports, `durations.py`; arithmetic in `values.py`)
anchors relative expressions on the publication date, on the tense of their clause (`anchor.py`),
or on the date last mentioned (`context.py`). Weekdays stay anchored on publication even after a
date written out earlier in the text: measured on TempEval-3, re-anchoring them on it broke 55
right values for 2 fixed.
A range of days ("March 3-5", "April 24 and 25") is two expressions, as TimeML marks it: the bare
day takes its month and year from the date beside it (`_range_ends`).
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
    found = _range_ends(text, found)
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


# A day number joined to a day date by a range word: "March 3-5", "April 24 and 25", "3 to 5 March".
_RANGE = r"\s*(?:-|–|\bto\b|\band\b|\bthrough\b|\buntil\b)\s*"
# What may follow the bare day of "March 3-5" for it to be a day and not a count ("and 25 people").
_NEXT_WORDS = "in|at|on|and|or|as|with|for|from|before|after|during|when|while|to|of|that|the|a|an"
_DAY_END = rf"(?=\s*(?:[,.;:)\"'”]|$)|\s+(?:{_NEXT_WORDS})\b)"
_RANGE_AFTER = re.compile(
    _RANGE
    + r"(?P<day>[0-3]?\d)\b(?!\s*(?:%|percent|[:.]\d|[ap]\.?m\b))(?:,?\s+(?P<year>(?:1[6-9]|20)\d\d)\b|"
    + _DAY_END
    + ")"
)
_HAS_YEAR = re.compile(r"\b(?:1[6-9]|20)\d\d\b")
_RANGE_BEFORE = re.compile(r"(?<![\d.,:$])\b(?P<day>[0-3]?\d)" + _RANGE + r"$")


def _range_ends(text: str, found: list[tuple[int, int, Value, str]]) -> list[tuple[int, int, Value, str]]:
    """The other end of a range of days, as TimeML marks it: "March 3-5" is "March 3" and "5".

    The bare day takes the month and year of the date written out beside it ("April 24 and 25"
    is 2023-04-24 and 2023-04-25; "3 to 5 March" is 2023-03-03 and 2023-03-05). It must lie on
    the right side of that date in the month, so counts ("March 3 and 25 others") are left alone.
    """
    out = list(found)
    for start, end, value, rule in found:
        if rule not in ("date_mdy", "date_dmy") or value.precision != "day" or value.value.startswith("X"):
            continue
        day = dt.date.fromisoformat(value.value)
        if rule == "date_mdy":
            m = _RANGE_AFTER.match(text, end)
            if m is None or int(m.group("day")) <= day.day:
                continue
            bounds = (m.start("day"), m.end())
            if m.group("year") and not _HAS_YEAR.search(text, start, end):
                # "March 3-4, 2022": the year written after the range is the first day's too.
                day = day.replace(year=int(m.group("year")))
                first = (start, end, dataclasses.replace(value, value=day.isoformat()), rule)
                out = [first if f[:2] == (start, end) else f for f in out]
            else:
                bounds = (m.start("day"), m.end("day"))
        else:
            m = _RANGE_BEFORE.search(text, max(0, start - 16), start)
            if m is None or not 0 < int(m.group("day")) < day.day:
                continue
            bounds = (m.start("day"), m.end("day"))
        try:
            other = day.replace(day=int(m.group("day")))
        except ValueError:
            continue  # "Feb. 27-30": no such day
        # The bare day replaces what was read there alone ("2022" of "March 3-4, 2022").
        out = [f for f in out if not (f[0] < bounds[1] and bounds[0] < f[1] and f[3] == "year")]
        if any(f[0] < bounds[1] and bounds[0] < f[1] for f in out):
            continue
        out.append((bounds[0], bounds[1], Value("DATE", other.isoformat(), "day"), "range"))
    out.sort(key=lambda f: f[0])
    return out


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
