"""Word tables for temporal expressions: months, weekdays, units, numbers, parts of day.

Kept apart from the grammar so that the regular expressions and the normalizer read the same
tables: a word the grammar can match is a word the normalizer can value.
"""

from __future__ import annotations

import re

from dateline.numbers import CARDINALS, ORDINALS, TENS

MONTHS: dict[str, int] = {}
for _i, _name in enumerate(
    (
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ),
    start=1,
):
    MONTHS[_name] = _i
    MONTHS[_name[:3]] = _i
MONTHS["sept"] = 9

WEEKDAYS: dict[str, int] = {}
for _i, _name in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")):
    WEEKDAYS[_name] = _i

#: TIMEX3 season codes.
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

#: TIMEX3 part-of-day codes; "late Monday" is read as the evening of Monday.
PARTS_OF_DAY = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
    "noon": "MI",
    "midday": "MI",
}

#: Calendar units: the TIMEX3 duration letter and the precision a date of that unit has.
UNITS: dict[str, tuple[str, str]] = {
    "second": ("S", "time"),
    "minute": ("M", "time"),
    "hour": ("H", "time"),
    "day": ("D", "day"),
    "night": ("D", "day"),
    "week": ("W", "week"),
    "fortnight": ("W", "week"),
    "month": ("M", "month"),
    "quarter": ("Q", "quarter"),
    "year": ("Y", "year"),
    "decade": ("DE", "decade"),
    "century": ("CE", "century"),
}
#: Units counted in hours, minutes and seconds take the "PT" prefix in TIMEX3 durations.
TIME_UNITS = {"second", "minute", "hour"}

_SMALL = {
    "zero": 0,
    "a": 1,
    "an": 1,
    **{w: n for w, n in CARDINALS.items() if n >= 1},
    "couple": 2,
    "a couple of": 2,
    "couple of": 2,
    "half a": 0.5,
    "half an": 0.5,
    "a half": 0.5,
}
_TENS = TENS
#: Vague quantities: "several years" is PXY in TIMEX3, a duration whose length is unknown.
VAGUE = {"several", "few", "a few", "some", "many", "a number of", "the next few", "the past few"}



def _alternation(words: list[str]) -> str:
    # Longest first, so that "a couple of" wins over "a".
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


NUMBER_WORDS = sorted(set(_SMALL) | set(_TENS) | VAGUE, key=len, reverse=True)
#: A count: digits ("3", "2.5", "24", "2 1/2"), words ("three", "twenty-four", "Three" opening a
#: sentence), or a vague word ("several").
_DIGITS = r"\d+(?:\.\d+|\s+1/2)?"
_TENS_UNITS = "(?:" + "|".join(_TENS) + r")(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?"
NUM = r"(?i:(?:" + _DIGITS + "|" + _TENS_UNITS + "|" + _alternation(NUMBER_WORDS) + r")(?:\s+and\s+a\s+half)?)"
ORD = r"(?:\d{1,3}(?:st|nd|rd|th)|" + _alternation(list(ORDINALS)) + r")"


def parse_number(text: str) -> float | None:
    """The value of a count as the grammar matched it; None for vague counts ("several")."""
    t = re.sub(r"\s+", " ", text.lower().strip())
    if t.endswith(" 1/2"):
        whole = parse_number(t[: -len(" 1/2")])
        return None if whole is None else whole + 0.5
    if t.endswith(" and a half"):
        whole = parse_number(t[: -len(" and a half")])
        return None if whole is None else whole + 0.5
    if t in VAGUE:
        return None
    try:
        return float(t)
    except ValueError:
        pass
    if t in _SMALL:
        return float(_SMALL[t])
    parts = re.split(r"[-\s]", t)
    if parts[0] in _TENS:
        return float(_TENS[parts[0]] + (_SMALL.get(parts[1], 0) if len(parts) > 1 else 0))
    return None


def parse_ordinal(text: str) -> int | None:
    """The value of an ordinal: "ninth" -> 9, "21st" -> 21."""
    t = text.lower().strip()
    if t in ORDINALS:
        return ORDINALS[t]
    m = re.match(r"(\d+)", t)
    return int(m.group(1)) if m else None


def unit_of(word: str) -> str:
    """The singular unit name of "days", "year", "centuries"."""
    w = word.lower()
    if w == "centuries":
        return "century"
    return w[:-1] if w.endswith("s") and w[:-1] in UNITS else w


_UNITS_WORDS = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
#: A year said in words, as broadcast transcripts write them: "nineteen ninety-six", "nineteen
#: oh five", "two thousand and one". ("two thousand" alone is a count far more often than a year:
#: the recognizer asks for "the year" before it.)
YEAR_WORDS = (
    r"(?i:(?:eighteen|nineteen|twenty)[\s-]+(?:(?:" + "|".join(_TENS) + r")(?:[\s-](?:" + _UNITS_WORDS + r"))?"
    r"|" + _TEENS + r"|oh[\s-]+(?:" + _UNITS_WORDS + r"))"
    r"|two\s+thousand(?:\s+(?:and\s+)?(?:" + _TEENS + "|" + _UNITS_WORDS + r"))?)"
)


def parse_year(text: str) -> int:
    """The year of "1996", "nineteen ninety-six", "nineteen oh five", "two thousand and one"."""
    t = re.sub(r"[\s-]+", " ", text.lower().strip())
    if t.isdigit():
        return int(t)
    if t.startswith("two thousand"):
        rest = t[len("two thousand") :].strip().removeprefix("and ").strip()
        return 2000 + int(parse_number(rest) or 0) if rest else 2000
    century, _, rest = t.partition(" ")
    rest = rest.removeprefix("oh ")
    return int(_SMALL.get(century) or _TENS[century]) * 100 + int(parse_number(rest) or 0)
