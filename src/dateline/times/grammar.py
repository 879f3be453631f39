"""The recognition grammar: regular expressions for each family of temporal expression.

Each rule is a name and a compiled pattern; `scan` runs them all over a text and keeps the longest
non-overlapping matches, so "late Monday" beats "Monday" and "the past two months" beats "the
past". Month and weekday names are matched case-sensitively (a capital is what tells "May" the
month from "may" the verb); every other word is case-insensitive. The grammar only finds; the
normalizer (`normalize.py`) values what it found, and may still reject a match ("2000 people").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from dateline.times.lexicon import NUM, ORD, YEAR_WORDS

_MONTH_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
# Abbreviations need their period or a following day number, so "Mar" in "Mariupol" never matches.
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|(?=\s+\d))"
MON = rf"(?P<mon>{_MONTH_FULL}|{_MONTH_ABBR})"
MON_FULL = rf"(?P<mon>{_MONTH_FULL})"
WD = (
    r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|(?:Mon|Tues?|Wed|Thur?s?|Fri|Sat|Sun)\.)"
)
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
# A year in digits, or in words as transcripts write it ("nineteen ninety-six").
YEAR = rf"(?P<year>(?:1[6-9]|20)\d\d(?!\d|,\d|\.\d)|{YEAR_WORDS}\b)"
UNITS = (
    r"(?P<unit>(?i:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?"
    r"|years?|decades?|century|centuries))"
)
UNIT1 = r"(?P<unit>(?i:day|week|weekend|month|quarter|year|decade|century))"
POD = r"(?P<pod>(?i:morning|afternoon|evening|night|overnight))"
MOD = r"(?P<mod>(?i:early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of))"
SEASON = r"(?P<season>(?i:spring|summer|fall|autumn|winter))"
REL = r"(?P<rel>(?i:this|last|next|past|coming|previous|current|same|following|prior|latest|recent))"
# "that year", "later that day": anaphoric, like "the same year".
REL_UNIT = r"(?P<rel>(?i:this|last|next|past|coming|previous|current|same|following|prior|latest|recent|that))"


def ci(words: str) -> str:
    """A case-insensitive group of words."""
    return f"(?i:{words})"


_YEARS = ci("year's")
_QORD = ci("first|second|third|fourth|1st|2nd|3rd|4th|final")
_QYEAR = rf"(?:{YEAR}|(?P<qrel>{ci('this|last|next')})\s+{ci('year')})"
_AGO_DIR = ci("ago|earlier|later|from now|hence|previously|before|after|since")
_UNITS_N = UNITS.replace("?P<unit>", "?P<unitn>")
_DUR_PRE = ci(
    r"the\s+(?:past|last|next|coming|previous|first|final|latest|following|recent|same)"
    r"|past|last|next|first|the|another"
)
_PLURAL_PRE = ci(r"recent|the\s+past|the\s+last|the\s+next|the\s+coming|past|coming")
_OCLOCK = ci("o'clock")
_DECADE_WORDS = ci("twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties")
_DUR_ADJ = ci("more|additional|extra|further")
_DUR_KIND = ci("trading|business|working|calendar")
_PSHIFT = ci(r"a\s+year\s+(?:ago|earlier|before)|(?:of\s+)?last\s+year|the\s+year\s+before")
_SEASON_PRE = ci(r"this\s+past|this|last|next|early|late|the")
_HOLIDAY = (
    r"(?P<hol>Christmas\s+Eve|Christmas\s+Day|Christmas|New\s+Year's\s+(?:Day|Eve)|Halloween"
    r"|Valentine's\s+Day|Thanksgiving(?:\s+[Dd]ay)?|Independence\s+Day|(?:Orthodox\s+)?Easter(?:\s+Sunday)?"
    r"|Good\s+Friday|Memorial\s+Day|Labor\s+Day)(?!\w)"
    # "Easter week", "Christmas week": the calendar week of the day.
    r"(?:\s+(?P<holweek>week)\b)?"
)

# Rules in priority order: on equal length, the earlier rule wins.
_RULES: list[tuple[str, str]] = [
    ("iso", r"\b(?P<year>\d{4})-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
    ("slash", r"\b(?P<month>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>\d{4}|\d{2})\b"),
    ("date_mdy", rf"\b(?:{WD},?\s+)?{MON}\s+{DAY}\b(?!:\d)(?:,?\s+{YEAR})?"),
    ("date_dmy", rf"\b(?:{WD},?\s+)?(?:{ci('the')}\s+)?{DAY}(?:\s+of)?\s+{MON}(?:,?\s+{YEAR})?"),
    # "the week of March 6": the calendar week that holds the day.
    ("week_of", rf"\b{ci('the')}\s+{ci('week')}\s+of\s+{MON}\s+{DAY}\b(?!:\d)(?:,?\s+{YEAR})?"),
    ("month_year", rf"\b(?:{MOD}[\s-]?)?{MON}(?:\s+of)?,?\s+{YEAR}"),
    # "June last year", "early October this year": one expression, a month (TimeBank).
    ("month_rel_year", rf"\b(?:{MOD}[\s-]?)?{MON_FULL}\s+(?P<yrel>{ci('this|last|next')})\s+{ci('year')}\b"),
    ("month", rf"\b(?:(?:{MOD}|{REL})[\s-]?)?{MON_FULL}\b"),
    ("decade", rf"\b(?:{ci('the')}\s+)?(?:{MOD}[\s-]?)?(?P<dec>(?:1[6-9]|20)\d0)'?s\b"),
    ("decade_word", rf"\b{ci('the')}\s+(?:{MOD}[\s-]?)?(?P<decw>{_DECADE_WORDS})\b"),
    ("century", rf"\b(?:{ci('the')}\s+)?(?:{MOD}[\s-]?)?(?P<cord>{ORD})[\s-]+{ci('century')}\b"),
    ("decade2", rf"(?:\b{ci('the')}\s+)?(?:{MOD}[\s-]?)?['’](?P<dec2>\d0)s\b"),
    ("year", rf"\b(?:(?P<theyear>{ci('the')}\s+{ci('year')})\s+|{MOD}[\s-]?)?(?:{ci('fiscal|calendar')}\s+)?{YEAR}\b"),
    (
        "quarter",
        rf"\b(?:{ci('the')}\s+)?(?:(?:(?P<qrel2>{ci('this|last|next')})\s+{_YEARS}|(?P<year2>(?:19|20)\d\d))\s+)?"
        rf"(?:{ci('fiscal')}\s+)?(?P<qord>{_QORD})\s+{ci('quarters?')}\b(?:\s+(?:of\s+)?{_QYEAR})?",
    ),
    # The adjective "third-quarter" ("third-quarter profit") is marked without its article.
    ("quarter_adj", rf"\b(?P<qord>{_QORD})-{ci('quarter')}\b"),
    (
        "the_unit",
        rf"\b(?P<word>{ci('the')}\s+(?:(?P<fiscal>{ci('fiscal|full')})\s+)?{ci('quarter|weekend|year')})\b(?!-)",
    ),
    ("year_end", rf"\b(?:{ci('the')}\s+)?(?:{ci('year')}[\s-]{ci('end')}|{_YEARS}\s+{ci('end')})\b(?!-)"),
    ("quarter_q", rf"\b(?P<qord>Q[1-4])\s*{YEAR}"),
    (
        "half",
        # "the last half" and "the last two quarters" only with their year: alone they are a stretch.
        rf"\b(?:{ci('the')}\s+)?(?:(?P<hord>{ci('first|second')})\s+{ci('half')}"
        rf"|(?:(?P<hord2>{ci('last')})\s+{ci('half')}|(?P<hq>{ci('first|last')})\s+{ci('two')}\s+{ci('quarters')})"
        rf"(?=\s+of\s+(?:(?:19|20)\d\d|{ci('this|last|next')})))(?:\s+of\s+{_QYEAR})?",
    ),
    ("season", rf"\b(?:(?:{_SEASON_PRE})\s+)?{SEASON}(?:\s+(?:of\s+)?{YEAR})?\b"),
    (
        "rel_unit",
        rf"\b(?:(?P<shift>{ci('earlier|later')})\s+)?(?:{MOD}\s+)?(?:{ci('the')}\s+)?{REL_UNIT}\s+(?:{ci('fiscal')}\s+)?{UNIT1}s?\b",
    ),
    (
        "rel_weekday",
        rf"\b(?:{ci('the')}\s+(?={ci('previous|following')}))?(?P<rel>{ci('this|last|next|coming|past|previous|following')})\s+{WD}(?:\s+{POD})?",
    ),
    # "the day before last Tuesday's hearing", "the day after Monday": one day from a named day
    # ("a day after Monday's attack" stays a length and a day, the way TimeML marks it).
    (
        "day_next_to",
        rf"\b{ci('the')}\s+{ci('day')}\s+(?P<ba>{ci('before|after')})\s+(?:(?P<rel>{ci('last|next|this')})\s+)?{WD}",
    ),
    ("weekday", rf"\b(?:(?P<mod>{ci('early|late|mid')})[\s-]+)?{WD}(?:\s+{POD})?(?![\w-])"),
    (
        "ago",
        rf"\b(?P<num>{NUM})\s+{UNITS}\s+(?P<dir>{_AGO_DIR})\b",
    ),
    (
        "ago_bare",
        rf"\b(?P<unit>{ci('days|weeks|months|years|decades|hours|minutes')})\s+(?P<dir>{ci('ago|earlier|later|after|before')})\b",
    ),
    (
        "year_earlier",
        rf"\b(?:{ci('the')}\s+)?(?:{ci('comparable|corresponding')}\s+)?{ci('year-earlier|year-ago')}"
        rf"(?:\s+(?:(?P<qord>{_QORD})\s+)?{ci('quarter|period')}\b|\s+(?P<num>{NUM})\s+{ci('months')}\b)?",
    ),
    # The periods of a results report: "the latest period", "the 1988 quarter", "last year's
    # quarter", "the quarter a year ago" are the quarter the report is about, in some year.
    (
        "period",
        rf"\b(?:(?P<py>{ci('last')}\s+{_YEARS})\s+|{ci('the')}\s+(?:(?P<prel>{ci('latest|same|comparable|corresponding')})\s+"
        rf"|(?P<pyear>(?:19|20)\d\d)\s+|(?=(?:{ci('fiscal')}\s+)?{ci('period|quarter')}\s+{_PSHIFT})))"
        rf"(?:{ci('fiscal')}\s+)?{ci('period|quarter')}\b(?:\s+(?P<pshift>{_PSHIFT}))?",
    ),
    (
        "duration",
        rf"\b(?:(?P<pre>{_DUR_PRE})\s+)?"
        rf"(?P<num>{NUM})[\s-]+(?:{_DUR_ADJ}\s+)?(?:{_DUR_KIND}\s+)?{UNITS}(?P<half>\s+{ci('and a half')})?"
        rf"(?:[\s-](?P<long>{ci('long|old')}))?(?![\w-])",
    ),
    (
        "unit_plural",
        rf"\b(?:(?P<pre>{_PLURAL_PRE})\s+)?"
        rf"(?P<unit>{ci('days|weeks|months|years|decades|hours')})\b",
    ),
    (
        "deictic",
        r"\b(?P<word>"
        + ci(
            r"the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|tonight|tomorrow|yesterday"
            r"|now|currently|recently|nowadays|lately|the\s+past|the\s+(?:near\s+|distant\s+|foreseeable\s+)?future"
            r"|in\s+future|overnight"
            r"|current|recent|these\s+days|at\s+present|the\s+(?:near|short|long)\s+term|soon"
        )
        + rf")(?:\s+{POD})?\b",
    ),
    # "mid-afternoon yesterday", "by mid afternoon", "in the morning": a part of a day told of.
    (
        "pod",
        rf"\b(?:{ci('mid')}[\s-]?|{ci('the')}\s+)(?P<pod>{ci('morning|afternoon|evening')})"
        rf"(?:\s+(?P<rel>{ci('today|yesterday|tomorrow')}))?\b",
    ),
    # "on Mondays", "Tuesday nights": every such day (a TIMEX3 SET).
    (
        "set_weekday",
        r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
        rf"(?:s\b|\s+(?P<pods>{ci('mornings|afternoons|evenings|nights')})\b)",
    ),
    ("this_pod", rf"\b(?P<rel>{ci('this|last|tomorrow|yesterday')})\s+{POD}\b"),
    (
        "clock",
        rf"\b(?P<h>[01]?\d)(?:[:.](?P<min>[0-5]\d))?\s*(?P<ampm>(?i:a\.m\.?|p\.m\.?|am|pm)(?![\w]))"
        # "5 p.m. EST Nov. 9", "9 a.m. Tuesday": the day that follows is part of the time.
        rf"(?:\s+(?P<tz>[A-Z]{{2,4}}T?)\b)?(?:,?\s+(?:(?i:on)\s+)?(?:{WD}|{MON}\s+{DAY}\b(?!:\d)))?",
    ),
    # "4 in the morning", "10 o'clock at night".
    (
        "clock_pod",
        rf"\b(?P<h>1[0-2]|0?[1-9])(?::(?P<min>[0-5]\d))?\s+(?:{_OCLOCK}\s+)?"
        rf"(?:{ci('in the')}\s+(?P<cpod>{ci('morning|afternoon|evening')})|{ci('at')}\s+(?P<cnight>{ci('night')}))\b",
    ),
    ("clock24", r"\b(?P<h>[0-2]\d)(?::|h)(?P<min>[0-5]\d)\s*(?P<tz>GMT|UTC|Z|EST|EDT|CET|CEST|MSK)\b"),
    ("noon", rf"\b(?P<word>{ci('noon|midnight|midday')})(?:\s+(?:(?i:on)\s+)?{WD})?"),
    (
        "set_every",
        rf"\b(?P<q>{ci('every|each')})\s+(?:(?P<other>{ci('other')})\s+)?(?:{WD}|{MON_FULL}|{SEASON}|(?P<night>{ci('night|evening|morning')})|{UNIT1}|(?P<num>{NUM})\s+{_UNITS_N})",
    ),
    ("set_adv", rf"\b(?P<word>{ci('daily|weekly|monthly|yearly|hourly|nightly|biweekly|bimonthly')})\b"),
    (
        "set_freq",
        rf"\b(?P<freq>{ci('once|twice|thrice')}|{NUM}\s+{ci('times')})\s+(?:{ci('a|per|an|every|each')})\s+{UNIT1}",
    ),
    ("anniversary", rf"\b(?:{ci('the')}\s+)?(?P<ord>{ORD})\s+{ci('anniversary')}"),
    ("holiday", rf"\b{_HOLIDAY}(?:,?\s+{YEAR})?"),
]

RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple((name, re.compile(p)) for name, p in _RULES)
_PRIORITY = {name: i for i, (name, _) in enumerate(_RULES)}

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_UNIT_WORDS = ("second", "minute", "hour", "day", "night", "week", "fortnight", "month", "quarter", "year",
               "decade", "centur")
_PARTS_OF_DAY = ("morning", "afternoon", "evening", "night")

#: Words without which a rule cannot match: every match holds one of them, case-folded. Python's
#: regular expressions try each rule at every word of a report, and most rules need a word that
#: most reports never use ("anniversary", "thrice"), so a rule whose words are all absent is not run:
#: the same matches in two thirds of the time. `tests/times/test_times_units.py` checks the lists against
#: every match in TempEval-3 and the conformance table.
GATES: dict[str, tuple[str, ...]] = {
    "iso": ("-",),
    "slash": ("/",),
    "date_dmy": _MONTHS,
    "week_of": ("week",),
    "month_year": _MONTHS,
    "month_rel_year": _MONTHS,
    "month": _MONTHS,
    "decade": ("0s", "0's"),
    "decade_word": ("ties",),
    "century": ("century",),
    "decade2": ("0s",),
    "quarter": ("quarter",),
    "quarter_adj": ("-quarter",),
    "the_unit": ("quarter", "weekend", "year"),
    "year_end": ("year",),
    "quarter_q": ("q1", "q2", "q3", "q4"),
    "half": ("half", "quarters"),
    "season": ("spring", "summer", "fall", "autumn", "winter"),
    "rel_unit": _UNIT_WORDS,
    "rel_weekday": _WEEKDAYS,
    "day_next_to": _WEEKDAYS,
    "weekday": _WEEKDAYS,
    "ago": _UNIT_WORDS,
    "ago_bare": _UNIT_WORDS,
    "year_earlier": ("year-",),
    "period": ("period", "quarter"),
    "duration": _UNIT_WORDS,
    "unit_plural": ("days", "weeks", "months", "years", "decades", "hours"),
    "pod": ("morning", "afternoon", "evening"),
    "set_weekday": _WEEKDAYS,
    "this_pod": _PARTS_OF_DAY,
    "clock": ("am", "pm", "a.m", "p.m"),
    "clock_pod": _PARTS_OF_DAY,
    "noon": ("noon", "midnight", "midday"),
    "set_every": ("every", "each"),
    "set_adv": ("daily", "weekly", "monthly", "yearly", "hourly", "nightly"),
    "set_freq": ("once", "twice", "thrice", "times"),
    "anniversary": ("anniversary",),
    "holiday": ("christmas", "year's", "halloween", "valentine", "thanksgiving", "independence", "easter",
                "friday", "memorial", "labor"),
}


@dataclass(frozen=True, slots=True)
class Match:
    """One stretch of text a rule matched, with the rule's named groups."""

    start: int
    end: int
    rule: str
    groups: dict[str, str | None]

    @property
    def length(self) -> int:
        return self.end - self.start


def scan(text: str, accept: Callable[[Match], bool] | None = None) -> list[Match]:
    """Every rule over `text`, longest non-overlapping matches first, returned in text order.

    `accept` vetoes a match before it can shadow a shorter one: when "May 2000 people" is not a
    date, nothing is lost by trying it.
    """
    found: list[Match] = []
    lowered = text.casefold()
    for name, pattern in RULES:
        gate = GATES.get(name)
        if gate is not None and not any(word in lowered for word in gate):
            continue
        for hit in pattern.finditer(text):
            if hit.end() > hit.start():
                found.append(Match(hit.start(), hit.end(), name, hit.groupdict()))
    found.sort(key=lambda x: (-x.length, _PRIORITY[x.rule], x.start))
    taken: list[Match] = []
    used = bytearray(len(text) + 1)
    for m in found:
        if any(used[m.start : m.end]) or (accept is not None and not accept(m)):
            continue
        used[m.start : m.end] = b"\x01" * m.length
        taken.append(m)
    taken.sort(key=lambda x: x.start)
    return taken
