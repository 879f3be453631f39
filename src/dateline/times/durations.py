"""Handlers for durations and sets: "a three-day visit", "for years", "every Monday", "daily".

TIMEX3 marks the length of a stretch, not where it lies: "two days after the attack" is P2D
(its anchor is an event, which the events stage relates).
"""

from __future__ import annotations

from dateline.times.context import Context, Result, Value, group, month_of, weekday_of
from dateline.times.grammar import Match
from dateline.times.lexicon import PARTS_OF_DAY, SEASONS, UNITS, parse_number, unit_of
from dateline.times.values import duration


def _duration(m: Match, ctx: Context) -> Result:
    unit = unit_of(group(m, "unit") or "")
    n = parse_number(group(m, "num") or "")
    if n is not None and group(m, "half"):
        n += 0.5  # "a minute and a half"
    return Value("DURATION", duration(n, unit), UNITS[unit][1]), None


def _unit_plural(m: Match, ctx: Context) -> Result:
    unit = unit_of(group(m, "unit") or "")
    return Value("DURATION", duration(None, unit), UNITS[unit][1]), None


def _set_every(m: Match, ctx: Context) -> Result:
    other = 2 if group(m, "other") else 1
    if group(m, "wd"):
        return Value("SET", f"XXXX-WXX-{weekday_of(m) + 1}", "day"), None
    if group(m, "mon"):
        return Value("SET", f"XXXX-{month_of(m):02d}", "month"), None
    if group(m, "season"):
        return Value("SET", f"XXXX-{SEASONS[(group(m, 'season') or '').lower()]}", "season"), None
    if group(m, "night"):
        return Value("SET", "P1D", "day", PARTS_OF_DAY[(group(m, "night") or "").lower()]), None
    unit = unit_of(group(m, "unit") or group(m, "unitn") or "")
    if unit == "weekend":
        return Value("SET", "XXXX-WXX-WE", "week"), None
    n = parse_number(group(m, "num") or "") if group(m, "num") else float(other)
    return Value("SET", duration(n, unit), UNITS[unit][1]), None


_SET_WORDS = {
    "daily": ("P1D", "day"),
    "nightly": ("P1D", "day"),
    "weekly": ("P1W", "week"),
    "biweekly": ("P2W", "week"),
    "monthly": ("P1M", "month"),
    "bimonthly": ("P2M", "month"),
    "quarterly": ("P3M", "quarter"),
    "annually": ("P1Y", "year"),
    "yearly": ("P1Y", "year"),
    "semiannually": ("P6M", "month"),
    "hourly": ("PT1H", "time"),
}


def _set_weekday(m: Match, ctx: Context) -> Result:
    pods = (group(m, "pods") or "").lower()
    pod = PARTS_OF_DAY[pods[:-1]] if pods else None
    return Value("SET", f"XXXX-WXX-{weekday_of(m) + 1}" + (f"T{pod}" if pod else ""), "day", pod), None


def _set_adv(m: Match, ctx: Context) -> Result:
    value, precision = _SET_WORDS[(group(m, "word") or "").lower()]
    return Value("SET", value, precision), None


def _set_freq(m: Match, ctx: Context) -> Result:
    unit = unit_of(group(m, "unit") or "")
    if unit == "weekend":
        return Value("SET", "XXXX-WXX-WE", "week"), None
    return Value("SET", duration(1, unit), UNITS[unit][1]), None


#: The handler of each grammar rule this module values.
HANDLERS = {
    "duration": _duration,
    "unit_plural": _unit_plural,
    "set_every": _set_every,
    "set_adv": _set_adv,
    "set_weekday": _set_weekday,
    "set_freq": _set_freq,
}
