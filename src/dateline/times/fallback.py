"""A second chance for spaCy DATE entities the grammar missed, through `dateparser`.

dateparser (1.5.0, with the publication date as `RELATIVE_BASE`, past preferred and periods
kept) values whole strings well when they are plain dates in an unusual form. Measured on the
1,505 gold DATE expressions of TempEval-3 Training, given the gold strings, it values 43.7% right
and parses nothing for 29.7%, against 79.7% for dateline's grammar on the same expressions
found in running text; so it is only asked about what the grammar left alone, and only
about strings with a digit or a month name in them, where its reading is absolute.

Even so it does not pay its way on TempEval-3 Training (relaxed span F1 92.1 -> 91.8, value F1
77.7 -> 77.4: what spaCy calls a DATE and the grammar leaves alone is mostly not a TIMEX3), so
`find_times` uses it only when handed one; the pipeline does not.
"""

from __future__ import annotations

import datetime as dt
import logging
import re

from dateparser.date import DateDataParser
from spacy.tokens import Doc

from dateline.nlp import entities
from dateline.times.context import Value
from dateline.times.values import fmt

log = logging.getLogger(__name__)

_PERIODS = {"day": "day", "week": "week", "month": "month", "year": "year"}
# Only strings that carry their own date: a digit or a month name. Vague words ("the time",
# "the years") are where dateparser guesses.
_ABSOLUTE = re.compile(r"\d|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b")
_LEADING = re.compile(r"(?i)^(?:the|on|in|at|of|since|by|until|from)\s+")


class Fallback:
    """dateparser behind a cache of parsers, one per publication date (built once per process)."""

    def __init__(self) -> None:
        self._parsers: dict[dt.date, DateDataParser] = {}

    def _parser(self, published: dt.date) -> DateDataParser:
        parser = self._parsers.get(published)
        if parser is None:
            if len(self._parsers) > 256:
                self._parsers.clear()  # a corpus of many dates: keep memory bounded
            parser = DateDataParser(
                languages=["en"],
                settings={
                    "RELATIVE_BASE": dt.datetime.combine(published, dt.time(12)),
                    "PREFER_DATES_FROM": "past",
                    "RETURN_TIME_AS_PERIOD": True,
                },
            )
            self._parsers[published] = parser
        return parser

    def values(self, doc: Doc, published: dt.date | None, taken: list[tuple[int, int]]) -> list[tuple[int, int, Value]]:
        """Values for the DATE entities of `doc` that overlap none of the `taken` spans."""
        if published is None:
            return []
        out = []
        for ent in entities(doc):
            if ent.label_ != "DATE" or any(s < ent.end_char and ent.start_char < e for s, e in taken):
                continue
            text = _LEADING.sub("", ent.text)
            if not _ABSOLUTE.search(text) or len(text) > 40:
                continue
            data = self._parser(published).get_date_data(text)
            if data.date_obj is None or data.period not in _PERIODS:
                continue
            precision = _PERIODS[data.period]
            value = Value("DATE", fmt(data.date_obj.date(), precision), precision)
            start = ent.start_char + (len(ent.text) - len(text))
            out.append((start, ent.end_char, value))
            log.debug("dateparser valued %r as %s", text, value.value)
        return out
