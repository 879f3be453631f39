"""Values for what the grammar found: TIMEX3 type, value, precision and part of day.

Absolute expressions ("20 March 2023", "February 2021") need no anchor. Relative ones are anchored
on the publication date ("last year", "yesterday"), on the tense of their clause ("Monday" in
"said Monday" versus "will meet Monday"), or on the last date the report mentioned ("a year
earlier", "the next day", "5 p.m."): the anaphoric reading HeidelTime calls "narrative". Without
a publication date, relative expressions stay underspecified ("XXXX-XX-XX"), never guessed.

Each family of rules has its handlers in its own module; this one dispatches.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from dateline.times import dates, durations, periods, relative
from dateline.times.context import Context, Result, Value
from dateline.times.grammar import Match

HANDLERS: dict[str, Callable[[Match, Context], Result]] = {
    **dates.HANDLERS,
    **relative.HANDLERS,
    **periods.HANDLERS,
    **durations.HANDLERS,
}


#: A stretch of months shorter than a year: "the nine months", "the first six months".
_PART_YEAR = re.compile(r"P(?:[2-9]|1[01])M")


def normalize(m: Match, ctx: Context) -> Value | None:
    """The value of one match, or None when on a closer look it is no temporal expression."""
    result = HANDLERS[m.rule](m, ctx)
    if result is None:
        return None
    value, day = result
    if value.type == "DURATION" and _PART_YEAR.fullmatch(value.value):
        ctx.stretch_at = m.start  # "the first nine months": later comparisons are with a year
    ctx.remember(value, day)
    if m.rule == "quarter_adj" and day is not None:
        ctx.name_results(day)  # "third-quarter profit": the results the report is about
    if day is not None and ctx.last is not None and ctx.last[0] == day:
        ctx.last_at = m.start
    return value
