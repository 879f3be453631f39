"""The records normalization works with: a `Value`, the `Context` that anchors it, and helpers.

Kept apart from the handlers so that each family of expressions (`dates.py`, `relative.py`,
`durations.py`) reads the same small vocabulary.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from dateline.model import PRECISIONS
from dateline.times.grammar import Match
from dateline.times.lexicon import MONTHS, PARTS_OF_DAY, WEEKDAYS
from dateline.times.values import shift

#: Precisions from finest to coarsest: an anaphoric date is never finer than what it hangs on.
PRECISION_RANK = {p: i for i, p in enumerate(PRECISIONS)}


@dataclass(frozen=True, slots=True)
class Value:
    """A normalized temporal expression, before it becomes a `Time` with an id."""

    type: str
    value: str
    precision: str
    part_of_day: str | None = None


@dataclass(slots=True)
class Context:
    """What anchors relative expressions in one document.

    Mutable on purpose: it carries the discourse anchor (the last date mentioned) from one
    expression to the next as the normalizer reads the report in order.
    """

    ref: dt.date | None
    tense: Callable[[int, int], str | None]
    text: str = ""
    last: tuple[dt.date, str] | None = None  # last absolute date mentioned, with its precision
    last_day: dt.date | None = None  # last day-precision date mentioned
    last_at: int | None = None  # where the last date was mentioned (a character offset)
    sentence_starts: Sequence[int] = ()  # character offsets where the document's sentences start
    stretch_at: int | None = None  # where a stretch of months ("the first nine months") was last mentioned
    results_quarter: dt.date | None = None  # the quarter whose results were last named ("third-quarter net")

    def same_sentence(self, start: int) -> bool:
        """Whether the last date mentioned is in the sentence of the expression at `start`."""
        if self.last_at is None:
            return False
        i = bisect.bisect_right(self.sentence_starts, start)
        return i == 0 or self.last_at >= self.sentence_starts[i - 1]

    def after_stretch(self, start: int) -> bool:
        """Whether the report last spoke of a stretch of months, in this sentence or the one before.

        Results reports compare "the first nine months" with "a year earlier" or "the 1988
        period": a comparison that follows such a stretch is with the year before as a whole, not
        with the quarter reported (TimeML values it at year precision).
        """
        if self.stretch_at is None or (self.last_at is not None and self.last_at > self.stretch_at):
            return False
        i = bisect.bisect_right(self.sentence_starts, start)
        return self.stretch_at >= (self.sentence_starts[i - 2] if i >= 2 else 0)

    def name_results(self, quarter: dt.date) -> None:
        """Make `quarter` the one the report is about: its results were just named ("third-quarter net").

        Results come out within months of a quarter's close: a quarter not yet closed is a
        forecast ("expects fourth-quarter profit to fall"), one over a year back a comparison.
        """
        if self._closed(quarter) and (self.ref is None or self.ref - dt.timedelta(days=366) < quarter):
            self.results_quarter = quarter

    def _closed(self, quarter: dt.date) -> bool:
        """Whether the quarter starting on `quarter` was over by publication."""
        return self.ref is None or shift(quarter, "quarter", 1) <= self.ref

    def reported_quarter(self) -> dt.date | None:
        """The quarter the report is about, when its discourse is on quarters.

        Whose results were last named ("third-quarter net"), else the last quarter mentioned: an
        aside on another closed quarter ("after a flat second quarter") does not change what the
        report is about, but a forecast does ("expects fourth-quarter sales to match a year ago").
        """
        if self.last is None or self.last[1] != "quarter":
            return None
        if not self._closed(self.last[0]):
            return self.last[0]
        return self.results_quarter or self.last[0]

    def anchor(self) -> tuple[dt.date, str] | None:
        """The date anaphoric expressions hang on: the last one mentioned, else publication."""
        if self.last is not None:
            return self.last
        return (self.ref, "day") if self.ref else None

    def remember(self, value: Value, day: dt.date | None) -> None:
        """Make `day` the discourse anchor when `value` is a date that can bear one."""
        if day is not None and value.type in ("DATE", "TIME") and value.precision != "unknown":
            self.last = (day, value.precision)
            if value.precision in ("day", "time"):
                self.last_day = day
        elif day is None and value.type in ("DATE", "TIME") and value.precision in ("day", "time"):
            # a day told of that cannot be placed ("Christmas" with no year known): later clock
            # times belong to it, not to a day mentioned before it
            self.last_day = None


def group(m: Match, name: str) -> str | None:
    """The text of a named group of the match, None when it did not take part."""
    return m.groups.get(name)


def month_of(m: Match) -> int:
    """The month number (1-12) of the match's month name or abbreviation."""
    return MONTHS[(group(m, "mon") or "").lower().rstrip(".")]


def weekday_of(m: Match) -> int:
    """The weekday (Monday 0) of the match's weekday name or abbreviation ("Tues.")."""
    word = (group(m, "wd") or "").lower().rstrip(".")
    for name, index in WEEKDAYS.items():
        if name.startswith(word[:3]):
            return index
    raise ValueError(word)


def day_value(day: dt.date, pod: str | None) -> Value:
    """A day, or with a part of day a TIME value ("2023-03-20TMO"), as TimeML writes them."""
    if pod:
        return Value("TIME", f"{day.isoformat()}T{pod}", "time", pod)
    return Value("DATE", day.isoformat(), "day")


def pod_of(m: Match) -> str | None:
    """The TIMEX3 part-of-day code of the match's "morning", "night"..., if any."""
    word = group(m, "pod")
    return PARTS_OF_DAY[word.lower()] if word else None


# Each handler returns the value and the date it stands for (the discourse anchor it leaves).
Result = tuple[Value, dt.date | None] | None
