"""Handlers for dates named on the calendar: "20 March 2023", "February 2021", "May", "the 1990s",
"the third quarter", "last summer", "Christmas Day", "Easter week", "the ninth anniversary".

A name without its year ("March 14", "in May", "the fourth quarter") takes the year that the
publication date and the tense of its clause point to (`values.year_for`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable

from dateline.times.context import Context, Result, Value, group, month_of
from dateline.times.grammar import Match
from dateline.times.lexicon import SEASONS, parse_ordinal, parse_year
from dateline.times.values import FUTURE, PAST, fmt, shift, year_for

_SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


_HOLIDAYS = {
    "christmas": (12, 25),
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "halloween": (10, 31),
    "valentine's day": (2, 14),
    "independence day": (7, 4),
}


def easter_sunday(year: int) -> dt.date:
    """Western Easter Sunday of `year` (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_shift) // 451
    month, day = divmod(h + weekday_shift - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def orthodox_easter_sunday(year: int) -> dt.date:
    """Orthodox Easter Sunday of `year` on the Gregorian calendar (Meeus's Julian computus).

    The Julian date is 13 days behind the Gregorian one from 1900 to 2099.
    """
    d = (19 * (year % 19) + 15) % 30
    e = (2 * (year % 4) + 4 * (year % 7) - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    return dt.date(year, month, day + 1) + dt.timedelta(days=13)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The `n`th `weekday` (Monday 0) of the month; `n` = -1 for the last one."""
    if n < 0:
        last = dt.date(year, month + 1, 1) - dt.timedelta(days=1) if month < 12 else dt.date(year, 12, 31)
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


#: Holidays whose day moves from year to year, each a function of the year.
_MOVABLE_HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),  # US: the fourth Thursday of November
    "easter": easter_sunday,
    "orthodox easter": orthodox_easter_sunday,
    "good friday": lambda y: easter_sunday(y) - dt.timedelta(days=2),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),  # US: the last Monday of May
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),  # US spelling: the first Monday of September
}
# "Election Day" is not among them: every country has one, and the US rule would date them all.


def _holiday_date(name: str, year: int) -> dt.date:
    """The day of holiday `name` (lower case, spaces single) in `year`."""
    name = re.sub(r"\s+(?:day|sunday)$", "", name) if name.startswith(("thanksgiving", "easter", "orthodox")) else name
    if name in _MOVABLE_HOLIDAYS:
        return _MOVABLE_HOLIDAYS[name](year)
    month, day = _HOLIDAYS[name]
    return dt.date(year, month, day)


#: Words right before a day that put it in the past: "ended Sept. 30", "since Oct. 23".
_ENDED = re.compile(r"(?i)\b(?:ended|since)\s+(?:on\s+)?$")


def _full_date(m: Match, ctx: Context) -> Result:
    month, day_text, year_text = month_of(m), group(m, "day"), group(m, "year")
    day = int(day_text or 0)
    if not 1 <= day <= 31:
        return None
    if year_text:
        year = parse_year(year_text)
    elif ctx.ref is None:
        return Value("DATE", f"XXXX-{month:02d}-{day:02d}", "day"), None
    elif _ENDED.search(ctx.text, max(0, m.start - 20), m.start):
        # "the quarter ended Oct. 31", "since Oct. 23": a day already past, whatever the verb.
        year = year_for(ctx.ref, month, day, PAST, strict=True)
    else:
        year = year_for(ctx.ref, month, day, ctx.tense(m.start, m.end))
    if day > calendar.monthrange(year, month)[1]:
        return None  # "Feb. 29" of a common year, "April 31": not a date
    date = dt.date(year, month, day)
    return Value("DATE", date.isoformat(), "day"), date


def _week_of(m: Match, ctx: Context) -> Result:
    """ "the week of March 6": the ISO week of that day (TimeML writes "2000-W10")."""
    result = _full_date(m, ctx)
    if result is None:
        return None
    value, day = result
    if day is None:
        return Value("DATE", "XXXX-WXX", "week"), None
    return Value("DATE", fmt(day, "week"), "week"), day


def _numeric_date(m: Match, ctx: Context) -> Result:
    year = int(group(m, "year") or 0)
    if year < 100:
        year += 1900 if year > 40 else 2000  # two-digit years: '98 is 1998, '05 is 2005
    try:
        date = dt.date(year, int(group(m, "month") or 0), int(group(m, "day") or 0))
    except ValueError:
        return None
    return Value("DATE", date.isoformat(), "day"), date


def _month_year(m: Match, ctx: Context) -> Result:
    date = dt.date(parse_year(group(m, "year") or "0"), month_of(m), 1)
    return Value("DATE", fmt(date, "month"), "month"), date


def _month_alone(m: Match, ctx: Context) -> Result:
    month = month_of(m)
    rel = (group(m, "rel") or "").lower()
    if ctx.ref is None:
        return Value("DATE", f"XXXX-{month:02d}", "month"), None
    if rel == "last":
        year = ctx.ref.year if month < ctx.ref.month else ctx.ref.year - 1
    elif rel == "next":
        year = ctx.ref.year if month > ctx.ref.month else ctx.ref.year + 1
    elif rel == "this":
        year = ctx.ref.year
    else:
        year = year_for(ctx.ref, month, None, ctx.tense(m.start, m.end))
    date = dt.date(year, month, 1)
    return Value("DATE", fmt(date, "month"), "month"), date


def _month_rel_year(m: Match, ctx: Context) -> Result:
    month = month_of(m)
    if ctx.ref is None:
        return Value("DATE", f"XXXX-{month:02d}", "month"), None
    year = ctx.ref.year + {"this": 0, "last": -1, "next": 1}[(group(m, "yrel") or "").lower()]
    date = dt.date(year, month, 1)
    return Value("DATE", fmt(date, "month"), "month"), date


def _decade(m: Match, ctx: Context) -> Result:
    if group(m, "dec"):
        start = int(group(m, "dec") or 0)
    else:
        two = int(group(m, "dec2") or 0)
        # "the '90s" seen from 2023 is the 1990s; "the '10s" is the 2010s.
        century = 2000 if ctx.ref and 2000 + two <= ctx.ref.year else 1900
        start = century + two
    date = dt.date(start, 1, 1)
    return Value("DATE", fmt(date, "decade"), "decade"), date


_DECADE_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}


def _decade_word(m: Match, ctx: Context) -> Result:
    tens = _DECADE_WORDS[(group(m, "decw") or "").lower()]
    # "the nineties" seen from 2023 is the 1990s; "the twenties" the 2020s once they have begun.
    century = 2000 if ctx.ref and 2000 + 10 * tens <= ctx.ref.year else 1900
    date = dt.date(century + 10 * tens, 1, 1)
    return Value("DATE", fmt(date, "decade"), "decade"), date


def _century(m: Match, ctx: Context) -> Result:
    n = parse_ordinal(group(m, "cord") or "") or 0
    if not 1 <= n <= 21:
        return None
    # The 20th century is written "19" in TIMEX3: the two leading digits of its years.
    return Value("DATE", f"{n - 1:02d}", "century"), dt.date(max(1, 100 * (n - 1)), 1, 1)


def _year(m: Match, ctx: Context) -> Result:
    date = dt.date(parse_year(group(m, "year") or "0"), 1, 1)
    return Value("DATE", fmt(date, "year"), "year"), date


def _quarter_year(m: Match, ctx: Context, n: int) -> int | None:
    """The year of "the third quarter" written without one; None without an anchor."""
    if group(m, "year") or group(m, "year2"):
        return parse_year(group(m, "year") or group(m, "year2") or "0")
    rel = (group(m, "qrel") or group(m, "qrel2") or "").lower()
    if ctx.ref is None:
        return None
    if rel:
        return ctx.ref.year + {"this": 0, "last": -1, "next": 1}[rel]
    current = (ctx.ref.month - 1) // 3 + 1
    if n <= current:
        return ctx.ref.year
    # A quarter not yet begun this year: last year's, unless the clause looks ahead. Earnings
    # reports speak of quarters already closed.
    return ctx.ref.year if ctx.tense(m.start, m.end) == FUTURE else ctx.ref.year - 1


def _quarter(m: Match, ctx: Context) -> Result:
    word = (group(m, "qord") or "").lower()
    n = 4 if word == "final" else int(word[1]) if word.startswith("q") else parse_ordinal(word) or 0
    if not 1 <= n <= 4:
        return None
    year = _quarter_year(m, ctx, n)
    if year is None:
        return Value("DATE", f"XXXX-Q{n}", "quarter"), None
    return Value("DATE", f"{year:04d}-Q{n}", "quarter"), dt.date(year, 3 * n - 2, 1)


def _half(m: Match, ctx: Context) -> Result:
    # "the first half", "the last half", "the first two quarters": a half year.
    n = 1 if (group(m, "hord") or group(m, "hord2") or group(m, "hq") or "").lower() == "first" else 2
    year = _quarter_year(m, ctx, 2 * n)
    if year is None:
        return Value("DATE", f"XXXX-H{n}", "quarter"), None
    return Value("DATE", f"{year:04d}-H{n}", "quarter"), dt.date(year, 6 * n - 5, 1)


def _season(m: Match, ctx: Context) -> Result:
    code = SEASONS[(group(m, "season") or "").lower()]
    words = ctx.text[m.start : m.end].lower().split()
    first = "last" if words[:2] == ["this", "past"] else words[0]  # "this past spring" is over
    start_month = _SEASON_MONTHS[code]
    if group(m, "year"):
        year = parse_year(group(m, "year") or "0")
    elif ctx.ref is None:
        return Value("DATE", f"XXXX-{code}", "season"), None
    else:
        # Winter belongs to the year it starts in: 2022-WI runs from December 2022 into 2023.
        ref = ctx.ref
        starts = [dt.date(y, start_month, 1) for y in range(ref.year - 2, ref.year + 2)]
        current = [s for s in starts if s <= ref < shift(s, "month", 3)]
        direction = {"last": PAST, "next": FUTURE}.get(first) or ctx.tense(m.start, m.end)
        if first == "this" and current:
            chosen = current[0]
        elif first == "this":
            chosen = min(starts, key=lambda s: abs((s - ref).days))
        elif first == "last":
            chosen = max(s for s in starts if shift(s, "month", 3) <= ref)  # the last one over
        elif direction == FUTURE:
            chosen = current[0] if current else min(s for s in starts if s > ref)
        else:
            chosen = current[0] if current else max(s for s in starts if s <= ref)
        year = chosen.year
    return Value("DATE", f"{year:04d}-{code}", "season"), dt.date(year, start_month, 1)


def _holiday(m: Match, ctx: Context) -> Result:
    name = re.sub(r"\s+", " ", (group(m, "hol") or "").lower())
    week = bool(group(m, "holweek"))  # "Easter week": the calendar week that holds the day

    def value_of(date: dt.date) -> Value:
        if week:
            year, number, _ = date.isocalendar()
            return Value("DATE", f"{year:04d}-W{number:02d}", "week")
        return Value("DATE", date.isoformat(), "day")

    if group(m, "year"):
        date = _holiday_date(name, parse_year(group(m, "year") or "0"))
    elif ctx.ref is None:
        if week:
            return Value("DATE", "XXXX-WXX", "week"), None
        # What every year shares: "XXXX-12-25" for Christmas, "XXXX-11-XX" for Thanksgiving.
        months = {_holiday_date(name, year).month for year in range(2000, 2004)}
        month = f"{months.pop():02d}" if len(months) == 1 else "XX"
        day = f"{_HOLIDAYS[name][1]:02d}" if name in _HOLIDAYS else "XX"
        return Value("DATE", f"XXXX-{month}-{day}", "day"), None
    else:
        direction = ctx.tense(m.start, m.end)
        candidates = [_holiday_date(name, y) for y in (ctx.ref.year - 1, ctx.ref.year, ctx.ref.year + 1)]
        if week:
            # "as Easter week began": a week is placed by its Monday, not by the holiday in it.
            candidates = [d - dt.timedelta(days=d.weekday()) for d in candidates]
        if direction == FUTURE:
            date = min((d for d in candidates if d >= ctx.ref), key=lambda d: d - ctx.ref)  # type: ignore[operator]
        elif direction == PAST:
            date = max(d for d in candidates if d <= ctx.ref)  # type: ignore[operator]
        else:
            date = min(candidates, key=lambda d: abs((d - ctx.ref).days))  # type: ignore[operator]
    return value_of(date), None if week else date


def _anniversary(m: Match, ctx: Context) -> Result:
    # Valued in a second pass (`resolve_anniversaries`), once the whole sentence is read.
    return Value("DATE", str(ctx.ref.year) if ctx.ref else "XXXX", "year"), None


#: The handler of each grammar rule this module values.
HANDLERS = {
    "iso": _numeric_date,
    "slash": _numeric_date,
    "date_mdy": _full_date,
    "date_dmy": _full_date,
    "week_of": _week_of,
    "month_year": _month_year,
    "month": _month_alone,
    "month_rel_year": _month_rel_year,
    "decade": _decade,
    "decade2": _decade,
    "decade_word": _decade_word,
    "century": _century,
    "year": _year,
    "quarter": _quarter,
    "quarter_q": _quarter,
    "quarter_adj": _quarter,
    "half": _half,
    "season": _season,
    "holiday": _holiday,
    "anniversary": _anniversary,
}
