"""Calendar arithmetic and TIMEX3 value strings.

Pure functions over `datetime.date`: shifting by calendar units, finding the weekday or month
nearest an anchor in a given direction, and writing a date at a precision ("2023-03", "2023-W11",
"2023-Q1", "202"). With no anchor, relative values are written underspecified ("XXXX-XX-XX"),
never guessed.
"""

from __future__ import annotations

import calendar
import datetime as dt

from dateline.times.lexicon import TIME_UNITS, UNITS

#: Tense of the clause a relative expression sits in: it decides which way a bare weekday points.
PAST, FUTURE = "past", "future"


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` moved by whole months, clamped to the month's length (Jan 31 + 1 month = Feb 28/29)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def shift(day: dt.date, unit: str, n: int) -> dt.date:
    """`day` moved by `n` calendar units (negative goes back)."""
    if unit in ("day", "night"):
        return day + dt.timedelta(days=n)
    if unit == "week":
        return day + dt.timedelta(weeks=n)
    if unit == "fortnight":
        return day + dt.timedelta(weeks=2 * n)
    if unit == "month":
        return add_months(day, n)
    if unit == "quarter":
        return add_months(day, 3 * n)
    if unit == "year":
        return add_months(day, 12 * n)
    if unit == "decade":
        return add_months(day, 120 * n)
    if unit == "century":
        return add_months(day, 1200 * n)
    return day  # hours, minutes: the day does not move at day precision


def fmt(day: dt.date, precision: str) -> str:
    """`day` written as a TIMEX3 value at `precision`."""
    if precision == "day":
        return day.isoformat()
    if precision == "week":
        # ISO weeks belong to the ISO year: 2021-01-01 is in 2020-W53.
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if precision == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if precision == "year":
        return f"{day.year:04d}"
    if precision == "decade":
        return f"{day.year // 10:03d}"
    if precision == "century":
        return f"{day.year // 100:02d}"
    return day.isoformat()


def unknown(precision: str) -> str:
    """An underspecified value at `precision`, for relative expressions with no anchor."""
    return {
        "day": "XXXX-XX-XX",
        "week": "XXXX-WXX",
        "month": "XXXX-XX",
        "quarter": "XXXX-QX",
        "season": "XXXX-XX",
        "year": "XXXX",
        "decade": "XXX",
        "century": "XX",
    }.get(precision, "XXXX-XX-XX")


def weekday_from(ref: dt.date, weekday: int, direction: str | None, strict: bool = False) -> dt.date:
    """The date of `weekday` nearest `ref` in `direction`.

    Past: the latest such day on or before `ref` (a report published on a Monday that says
    "said Monday" means that day); future: the next on or after; `strict` excludes `ref` itself
    ("last Monday", "next Monday"). With no direction, the nearer of the two, ties to the past:
    news reports far more often look back than ahead.
    """
    back = (ref.weekday() - weekday) % 7
    ahead = (weekday - ref.weekday()) % 7
    if strict:
        back = back or 7
        ahead = ahead or 7
    if direction == PAST:
        return ref - dt.timedelta(days=back)
    if direction == FUTURE:
        return ref + dt.timedelta(days=ahead)
    return ref - dt.timedelta(days=back) if back <= ahead else ref + dt.timedelta(days=ahead)


#: How far past the publication date a "past" month may still lie (and a "future" one before
#: it): a past-tense clause often reports a plan ("said the vote would be held in January"), and
#: the parse does not always tell the reported clause from the reporting one.
SLACK = dt.timedelta(days=31)
#: The same for a past day: a day written out is most often a date set ahead ("payable Dec. 7",
#: "effective Feb. 1") hanging on a past-tense verb ("declared", "said"). Measured on TimeBank:
#: a quarter's slack fixes eight of ten such errors and breaks none.
DAY_SLACK = dt.timedelta(days=92)


def year_for(ref: dt.date, month: int, day: int | None, direction: str | None, strict: bool = False) -> int:
    """The year of a month (and day) written without one, seen from `ref`.

    Past: the latest on or before `ref` (give or take `SLACK`); future: the first on or after;
    otherwise the nearest, so that "Dec. 28" in a report of January 3 is last December.
    `strict` drops the slack for a date that cannot lie ahead ("the quarter ended Oct. 31").
    """
    candidates = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        last = calendar.monthrange(year, month)[1]
        first_day = dt.date(year, month, min(day, last) if day else 1)
        last_day = dt.date(year, month, min(day, last) if day else last)
        candidates.append((year, first_day, last_day))
    if direction == PAST:
        slack = dt.timedelta(0) if strict else DAY_SLACK if day else SLACK
        return max(y for y, first, _ in candidates if first <= ref + slack)
    if direction == FUTURE:
        return min(y for y, _, last in candidates if last >= ref - SLACK)

    def gap(first: dt.date, last: dt.date) -> int:
        return 0 if first <= ref <= last else min(abs((first - ref).days), abs((last - ref).days))

    return min((gap(first, last), year) for year, first, last in candidates)[1]


#: The next smaller unit and how many of it make one: for fractional counts.
_SMALLER = {
    "hour": (60, "M"),
    "minute": (60, "S"),
    "day": (24, "H"),
    "week": (7, "D"),
    "month": (30, "D"),
    "year": (12, "M"),
}


def duration(n: float | None, unit: str) -> str:
    """A TIMEX3 duration: `P3D`, `PT24H`, `P10Y` for a decade, `PXY` when the count is vague."""
    letter = UNITS[unit][0]
    prefix = "PT" if unit in TIME_UNITS else "P"
    if n is None:
        return f"{prefix}X{letter}"
    if unit == "fortnight":
        n, letter = n * 2, "W"
    if unit in ("decade", "century"):
        n, letter = n * (10 if unit == "decade" else 100), "Y"  # TimeML writes P10Y, not P1DE
    if n != int(n) and unit in _SMALLER:
        # Fractions are written with the next smaller unit: "two and a half hours" is PT2H30M.
        factor, small = _SMALLER[unit]
        whole, rest = int(n), round((n - int(n)) * factor)
        head = f"{whole}{letter}" if whole else ""
        if small in ("H", "S") or (small == "M" and unit == "hour"):
            return f"PT{head}{rest}{small}" if unit in TIME_UNITS else f"P{head}T{rest}{small}"
        return f"P{head}{rest}{small}"
    return f"{prefix}{int(n)}{letter}"
