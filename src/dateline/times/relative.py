"""Handlers for relative and anaphoric expressions: "last year", "late Monday", "yesterday",
"three days ago", "a year earlier", "the following day", "5 p.m.".

Deictic ones hang on the publication date; anaphoric ones ("a year earlier", "the same day",
a bare clock time) on the last date the report mentioned (`Context.anchor`). Without a
publication date they stay underspecified ("XXXX-XX-XX"), never guessed.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from dateline.times.context import (
    PRECISION_RANK,
    Context,
    Result,
    Value,
    day_value,
    group,
    month_of,
    pod_of,
    weekday_of,
)
from dateline.times.grammar import Match
from dateline.times.lexicon import UNITS, parse_number, unit_of
from dateline.times.values import FUTURE, PAST, duration, fmt, shift, unknown, weekday_from, year_for

# "late Monday" is late in the day: the evening. "early Monday" is its small hours.
_MOD_POD = {"late": "EV", "early": "MO"}


_REL_SHIFT = {
    "this": 0,
    "current": 0,
    "same": 0,
    "last": -1,
    "previous": -1,
    "prior": -1,
    "past": -1,
    "latest": -1,
    "recent": -1,
    "next": 1,
    "coming": 1,
    "following": 1,
    "that": 0,
}


def _rel_unit(m: Match, ctx: Context) -> Result:
    text = ctx.text[m.start : m.end]
    rel = (group(m, "rel") or "").lower()
    unit = (group(m, "unit") or "").lower()
    plural = text.rstrip().lower().endswith("s") and not unit.endswith("s")
    has_the = bool(re.search(r"(?i)\bthe\s+" + rel, text))
    if plural:
        # "in recent years", "the coming months": a stretch of unknown length (TimeBank: PXY).
        if rel in ("last", "past", "recent", "previous", "prior", "next", "coming", "following"):
            unit = unit_of(unit)
            return Value("DURATION", duration(None, unit), UNITS[unit][1]), None
        return None
    if rel in ("past", "last") and has_the and unit != "weekend":
        # "the past week", "the last year": a stretch of time up to now, not a calendar unit.
        return Value("DURATION", duration(1, unit), UNITS[unit][1]), None
    if rel == "past" and unit != "weekend":
        return Value("DURATION", duration(1, unit), UNITS[unit][1]), None
    n = _REL_SHIFT.get(rel, 0)
    # "the following day", "the previous year", "the same month": anaphoric, hang on the last date.
    anaphoric = rel in ("same", "following", "previous", "prior", "that")
    if unit == "day":
        base = ctx.last_day if anaphoric and ctx.last_day else ctx.ref
        if base is None or rel not in ("same", "following", "previous", "prior", "next", "that"):
            return None if base is not None else (Value("DATE", unknown("day"), "day"), None)
        day = base + dt.timedelta(days=n)
        return Value("DATE", day.isoformat(), "day"), day
    anchor = ctx.anchor() if anaphoric else ((ctx.ref, "day") if ctx.ref else None)
    if anchor is None:
        precision = "week" if unit == "weekend" else UNITS[unit][1]
        return Value("DATE", unknown(precision), precision), None
    base = anchor[0]
    if unit == "weekend":
        direction = PAST if n < 0 else FUTURE if n > 0 else ctx.tense(m.start, m.end)
        saturday = weekday_from(base, 5, direction, strict=n != 0)
        year, week, _ = saturday.isocalendar()
        return Value("DATE", f"{year:04d}-W{week:02d}-WE", "week"), saturday
    if rel == "latest" and unit != "quarter":
        n = 0
    precision = UNITS[unit][1]
    date = shift(base, unit, n)
    return Value("DATE", fmt(date, precision), precision), None if anaphoric else date


def _rel_weekday(m: Match, ctx: Context) -> Result:
    rel = (group(m, "rel") or "").lower()
    if ctx.ref is None:
        return Value("DATE", f"XXXX-WXX-{weekday_of(m) + 1}", "day"), None
    if rel in ("previous", "following"):
        # "the previous Friday": the one before the day the report is telling of.
        base = ctx.last_day or ctx.ref
        day = weekday_from(base, weekday_of(m), PAST if rel == "previous" else FUTURE, strict=True)
    elif rel in ("last", "past"):
        day = weekday_from(ctx.ref, weekday_of(m), PAST, strict=True)
    elif rel in ("next", "coming"):
        day = weekday_from(ctx.ref, weekday_of(m), FUTURE, strict=True)
    else:
        day = weekday_from(ctx.ref, weekday_of(m), ctx.tense(m.start, m.end) or PAST)
    return day_value(day, pod_of(m)), day


def _weekday_alone(m: Match, ctx: Context) -> Result:
    pod = pod_of(m)
    mod_pod = _MOD_POD.get((group(m, "mod") or "").lower())
    if ctx.ref is None:
        value = f"XXXX-WXX-{weekday_of(m) + 1}"
        return Value(
            "TIME" if pod else "DATE", value + (f"T{pod}" if pod else ""), "time" if pod else "day", pod or mod_pod
        ), None
    # A bare weekday points back in a past-tense clause, ahead in a future one, and otherwise to
    # the nearer of the two ("meet separately Monday" in a Friday report is next Monday).
    day = weekday_from(ctx.ref, weekday_of(m), ctx.tense(m.start, m.end))
    if pod:
        return day_value(day, pod), day
    return Value("DATE", day.isoformat(), "day", mod_pod), day


def _day_next_to(m: Match, ctx: Context) -> Result:
    """ "the day before last Tuesday('s hearing)": the named day, found as usual, moved by one."""
    if ctx.ref is None:
        return Value("DATE", "XXXX-XX-XX", "day"), None
    rel = (group(m, "rel") or "").lower()
    if rel == "last":
        day = weekday_from(ctx.ref, weekday_of(m), PAST, strict=True)
    elif rel == "next":
        day = weekday_from(ctx.ref, weekday_of(m), FUTURE, strict=True)
    else:
        day = weekday_from(ctx.ref, weekday_of(m), ctx.tense(m.start, m.end) or (None if rel else PAST))
    day += dt.timedelta(days=-1 if (group(m, "ba") or "").lower() == "before" else 1)
    return Value("DATE", day.isoformat(), "day"), day


def _ago(m: Match, ctx: Context) -> Result:
    unit = unit_of(group(m, "unit") or "")
    direction = (group(m, "dir") or "").lower()
    n = parse_number(group(m, "num") or "")
    if direction in ("before", "after", "since") or (
        direction in ("earlier", "later")
        and unit in ("minute", "hour", "day", "night", "week")
        and not ctx.same_sentence(m.start)
    ):
        # "two days after the attack": the anchor is an event, so TIMEX3 marks the length only.
        # So does TimeBank for short spans told in a narrative ("Three days later, ...", "A day
        # earlier, ...") when no date in the sentence anchors them; "left on March 3 and came
        # back two days later" is a date, and so is "a year earlier" (results reports).
        return Value("DURATION", duration(n, unit), UNITS[unit][1]), None
    sign = -1 if direction in ("ago", "earlier", "previously") else 1
    if n is None:
        return Value("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", "unknown"), None
    anaphoric = direction in ("earlier", "later")
    if anaphoric:
        anchor = ctx.anchor()
    elif unit == "year" and n == 1 and ctx.last is not None and ctx.last[1] == "quarter":
        # "a year ago" after "the third quarter": that quarter a year before (results reports);
        # a comparison, so it leaves the discourse on the quarter reported.
        anchor = (ctx.reported_quarter() or ctx.last[0], "quarter")
        anaphoric = True
    else:
        anchor = (ctx.ref, "day") if ctx.ref else None
    precision = UNITS[unit][1] if unit not in ("hour", "minute", "second") else "day"
    if anchor is None:
        return Value("DATE", unknown(precision), precision), None
    base, base_precision = anchor
    # "a year earlier" after "the third quarter" is the same quarter a year before.
    if unit == "year" and int(n) == n and base_precision in ("quarter", "month", "season", "week"):
        precision = base_precision
    elif PRECISION_RANK[base_precision] > PRECISION_RANK[precision]:
        precision = base_precision  # never finer than what it hangs on
    if int(n) != n:
        return Value("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", "unknown"), None
    try:
        date = shift(base, unit, sign * int(n))
    except (ValueError, OverflowError):
        # "2014 year ago": a year read as a count, reaching outside the calendar
        return Value("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", "unknown"), None
    # An anaphoric date does not move the discourse anchor: "a year earlier" twice in a row
    # means the same year, not two years back.
    return Value("DATE", fmt(date, precision), precision), None if anaphoric else date


def _ago_bare(m: Match, ctx: Context) -> Result:
    unit = unit_of(group(m, "unit") or "")
    direction = (group(m, "dir") or "").lower()
    if direction == "ago":
        return Value("DATE", "PAST_REF", "unknown"), None
    return Value("DURATION", duration(None, unit), UNITS[unit][1]), None


_DEICTIC_DAY = {
    "today": 0,
    "tonight": 0,
    "tomorrow": 1,
    "yesterday": -1,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
}


_DEICTIC_REF = {
    "now": "PRESENT_REF",
    "right now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "recently": "PAST_REF",
    "lately": "PAST_REF",
    "the past": "PAST_REF",
    "previously": "PAST_REF",
    "formerly": "PAST_REF",
    "soon": "FUTURE_REF",
    "the near term": "FUTURE_REF",
    "the short term": "FUTURE_REF",
    "the long term": "FUTURE_REF",
    "the future": "FUTURE_REF",
    "in future": "FUTURE_REF",
    "current": "PRESENT_REF",
    "recent": "PAST_REF",
}


def _deictic(m: Match, ctx: Context) -> Result:
    word = re.sub(r"\s+", " ", (group(m, "word") or "").lower())
    if word == "overnight":
        # "travelled overnight": the night before the day the report is telling of (TimeML
        # writes a night on the day it begins).
        day = ctx.last_day or ctx.ref
        if day is None:
            return Value("TIME", "XXXX-XX-XXTNI", "time", "NI"), None
        night = day - dt.timedelta(days=1)
        return Value("TIME", f"{night.isoformat()}TNI", "time", "NI"), None
    if word.endswith("future"):
        word = "the future"  # "the near future", "the foreseeable future"
    pod = pod_of(m) or ("NI" if word == "tonight" else None)
    if word in _DEICTIC_DAY:
        if ctx.ref is None:
            return Value(
                "TIME" if pod else "DATE", "XXXX-XX-XX" + (f"T{pod}" if pod else ""), "time" if pod else "day", pod
            ), None
        day = ctx.ref + dt.timedelta(days=_DEICTIC_DAY[word])
        return day_value(day, pod), day
    if word in _DEICTIC_REF:
        if group(m, "pod"):
            return None  # "now morning" is no expression; the shorter match will do
        if word == "soon" and ctx.tense(m.start, m.end) != FUTURE:
            return None  # "was soon released" tells an order of events, not a time ahead
        if word == "current" and re.search(r"(?i)\bthen[\s-]+$", ctx.text[max(0, m.start - 6) : m.start]):
            return Value("DATE", "PAST_REF", "unknown"), None  # "the then current price": current then
        return Value("DATE", _DEICTIC_REF[word], "unknown"), None
    return None


def _this_pod(m: Match, ctx: Context) -> Result:
    rel = (group(m, "rel") or "").lower()
    pod = pod_of(m)
    offset = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[rel]
    if rel == "last" and pod != "NI":
        return None  # "last morning" is not a deictic expression
    if ctx.ref is None:
        return Value("TIME", f"XXXX-XX-XXT{pod}", "time", pod), None
    day = ctx.ref + dt.timedelta(days=offset)
    return day_value(day, pod), day


def _pod(m: Match, ctx: Context) -> Result:
    pod = pod_of(m)
    rel = (group(m, "rel") or "").lower()
    # "mid-afternoon yesterday" hangs on publication; "in the morning" on the day told of.
    day = ctx.last_day or ctx.ref
    if rel:
        day = ctx.ref + dt.timedelta(days=_DEICTIC_DAY[rel]) if ctx.ref else None
    if day is None:
        return Value("TIME", f"XXXX-XX-XXT{pod}", "time", pod), None
    return day_value(day, pod), day


def _clock(m: Match, ctx: Context) -> Result:
    hour = int(group(m, "h") or 0)
    minute = int(group(m, "min") or 0)
    ampm = (group(m, "ampm") or "").lower()
    if group(m, "cpod") or group(m, "cnight"):
        ampm = "am" if (group(m, "cpod") or "").lower() == "morning" else "pm"
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm.startswith("p") else 0)
    elif hour > 24:
        return None
    day: dt.date | None
    if group(m, "wd"):
        day = weekday_from(ctx.ref, weekday_of(m), ctx.tense(m.start, m.end) or PAST) if ctx.ref else None
    elif group(m, "mon"):
        month, dom = month_of(m), int(group(m, "day") or 0)
        if not 1 <= dom <= calendar.monthrange(2000, month)[1]:
            return None
        year = year_for(ctx.ref, month, dom, ctx.tense(m.start, m.end)) if ctx.ref else None
        if year is None or dom > calendar.monthrange(year, month)[1]:
            return Value("TIME", f"XXXX-{month:02d}-{dom:02d}T{hour:02d}:{minute:02d}", "time"), None
        day = dt.date(year, month, dom)
    else:
        day = ctx.last_day or ctx.ref  # a clock time belongs to the day last talked about
    stamp = f"T{hour:02d}:{minute:02d}"
    if day is None:
        return Value("TIME", "XXXX-XX-XX" + stamp, "time"), None
    return Value("TIME", day.isoformat() + stamp, "time"), day


def _noon(m: Match, ctx: Context) -> Result:
    word = (group(m, "word") or "").lower()
    stamp = "T24:00" if word == "midnight" else "T12:00"
    if group(m, "wd") and ctx.ref:
        day: dt.date | None = weekday_from(ctx.ref, weekday_of(m), ctx.tense(m.start, m.end) or PAST)
    else:
        day = ctx.last_day or ctx.ref
    if day is None:
        return Value("TIME", "XXXX-XX-XX" + stamp, "time"), None
    return Value("TIME", day.isoformat() + stamp, "time"), day


#: The handler of each grammar rule this module values.
HANDLERS = {
    "rel_unit": _rel_unit,
    "rel_weekday": _rel_weekday,
    "weekday": _weekday_alone,
    "day_next_to": _day_next_to,
    "ago": _ago,
    "ago_bare": _ago_bare,
    "deictic": _deictic,
    "this_pod": _this_pod,
    "pod": _pod,
    "clock": _clock,
    "clock24": _clock,
    "clock_pod": _clock,
    "noon": _noon,
}
