"""Handlers for the periods of results reports: "the quarter", "the year", "the latest period",
"the 1988 quarter", "the year-ago quarter", "last year's quarter", "year-end".

Business news compares the period it reports with the same period a year before. TimeML values
those periods at the precision of the period the report is about (TimeBank: "a year earlier" after
"the third quarter" is the third quarter of the year before), so each handler here looks for that
period in the discourse (`Context.reported_quarter`: the quarter whose results were last named, so
an aside on another quarter does not move it) and falls back on the publication date.
"""

from __future__ import annotations

import datetime as dt
import re

from dateline.times.context import Context, Result, Value, group
from dateline.times.grammar import Match
from dateline.times.lexicon import parse_number, parse_ordinal
from dateline.times.values import duration, fmt, shift, weekday_from

#: Words before "the year" that make it the calendar year the report is in, not a year's stretch.
_IN_YEAR = ("of", "in", "during", "throughout", "through")
#: "the year ended Sept. 30", "the fiscal year ending June 30": a period told by its closing day.
_ENDED = re.compile(r"\s+(?:ended|ending|that\s+ended|which\s+ended)\b", re.IGNORECASE)


def _reported_quarter(ctx: Context) -> dt.date | None:
    """The first day of the quarter the report is about: the last one mentioned, else the last closed.

    A quarter still ahead ("the third quarter of 1990") is a forecast, not a period reported on.
    """
    quarter = ctx.reported_quarter()
    if quarter is not None and (ctx.ref is None or quarter <= ctx.ref):
        return quarter
    return shift(ctx.ref, "quarter", -1) if ctx.ref else None


def _the_unit(m: Match, ctx: Context) -> Result:
    words = re.sub(r"\s+", " ", (group(m, "word") or "").lower())
    if words.endswith("year"):
        before = re.search(r"(\w+)\W*$", ctx.text[max(0, m.start - 20) : m.start])
        full = (group(m, "fiscal") or "").lower() == "full"
        if _ENDED.match(ctx.text, m.end):
            # "in the year ended March 31", "the fiscal year ending June 30": a twelve-month
            # stretch told by its last day, which need not be a calendar year's.
            return Value("DURATION", "P1Y", "year"), None
        if not full and (before is None or before.group(1).lower() not in _IN_YEAR):
            # "for the year", "the fiscal year": in reports of results, a year's stretch.
            return Value("DURATION", "P1Y", "year"), None
        # "the end of the year", "earlier in the year", "sales for the full year": the year the
        # report is in ("the full year" is always the reporting one).
        if ctx.last is not None and ctx.last[1] == "year" and not full:
            return Value("DATE", fmt(ctx.last[0], "year"), "year"), None
        if ctx.ref is None:
            return Value("DATE", "XXXX", "year"), None
        return Value("DATE", fmt(ctx.ref, "year"), "year"), None
    if ctx.ref is None:
        return Value(
            "DATE",
            "XXXX-QX" if words.endswith("quarter") else "XXXX-WXX-WE",
            "quarter" if words.endswith("quarter") else "week",
        ), None
    if words.endswith("quarter"):
        # "the quarter": the one the report is about, else the latest closed one.
        base = _reported_quarter(ctx)
        return Value("DATE", fmt(base, "quarter"), "quarter"), base  # type: ignore[arg-type]
    saturday = weekday_from(ctx.ref, 5, ctx.tense(m.start, m.end))
    year, week, _ = saturday.isocalendar()
    return Value("DATE", f"{year:04d}-W{week:02d}-WE", "week"), saturday


def _year_earlier(m: Match, ctx: Context) -> Result:
    """ "the year-ago quarter", "year-earlier results": the reported period, a year before."""
    if group(m, "num"):
        # "the year-earlier nine months": TimeML marks the stretch ("the first nine months", P9M).
        n = parse_number(group(m, "num") or "")
        return Value("DURATION", duration(n, "month"), "month"), None
    words = ctx.text[m.start : m.end].lower()
    if words.endswith(("quarter", "period")):
        # "the year-ago quarter": the quarter reported, a year before; "the year-ago third quarter".
        quarter = _reported_quarter(ctx)
        if quarter is None:
            return Value("DATE", "XXXX-QX", "quarter"), None
        word = (group(m, "qord") or "").lower()
        n = (quarter.month - 1) // 3 + 1
        if word:
            n = 4 if word == "final" else parse_ordinal(word) or n
        return Value("DATE", f"{quarter.year - 1:04d}-Q{n}", "quarter"), None
    # "year-ago results", "year-earlier net": the reported quarter a year before, else last year
    # (also after "the nine months": a comparison of stretches is with the year before).
    quarter = (
        _reported_quarter(ctx)
        if ctx.last is not None and ctx.last[1] == "quarter" and not ctx.after_stretch(m.start)
        else None
    )
    if quarter is not None:
        return Value("DATE", fmt(shift(quarter, "year", -1), "quarter"), "quarter"), None
    if ctx.ref is None:
        return Value("DATE", "XXXX", "year"), None
    return Value("DATE", f"{ctx.ref.year - 1:04d}", "year"), None


def _period(m: Match, ctx: Context) -> Result:
    """ "the latest period", "the 1988 quarter", "last year's quarter", "the quarter a year ago"."""
    words = ctx.text[m.start : m.end].lower()
    if (
        "period" in words
        and ctx.last is not None
        and ctx.last[1] == "month"
        and ctx.last[0] <= (ctx.ref or ctx.last[0])
    ):
        # "deaths rose in March from the same period last year": the month the report is about.
        month = ctx.last[0]
        year = (int(group(m, "pyear") or 0) or month.year) - (1 if group(m, "py") or group(m, "pshift") else 0)
        return Value("DATE", f"{year:04d}-{month.month:02d}", "month"), None
    base = _reported_quarter(ctx)
    if base is None:
        return Value("DATE", "XXXX-QX", "quarter"), None
    year = int(group(m, "pyear") or 0) or base.year
    if ctx.after_stretch(m.start):
        # "In the first nine months ... compared with $195 million in the 1988 period": a year.
        return Value("DATE", f"{year - (1 if group(m, 'py') or group(m, 'pshift') else 0):04d}", "year"), None
    if group(m, "py") or group(m, "pshift"):
        year -= 1
    # A comparison period does not move the discourse anchor: "a year earlier" after "the 1988
    # quarter" still hangs on the quarter reported.
    return Value("DATE", f"{year:04d}-Q{(base.month - 1) // 3 + 1}", "quarter"), None


def _year_end(m: Match, ctx: Context) -> Result:
    """ "by year-end", "since year-end": the end of the year (TimeML: the year, with mod END)."""
    if ctx.ref is None:
        return Value("DATE", "XXXX", "year"), None
    before = re.search(r"(\w+)\W*$", ctx.text[max(0, m.start - 20) : m.start])
    # "since year-end" looks back to the end of last year; "by year-end" ahead to this one's.
    year = ctx.ref.year - 1 if before is not None and before.group(1).lower() == "since" else ctx.ref.year
    return Value("DATE", f"{year:04d}", "year"), None


#: The handler of each grammar rule this module values.
HANDLERS = {
    "the_unit": _the_unit,
    "year_earlier": _year_earlier,
    "period": _period,
    "year_end": _year_end,
}
