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

from dateline.times.lexicon import NUM, ORD

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
YEAR = r"(?P<year>(?:1[6-9]|20)\d\d)(?!\d|,\d|\.\d)"
UNITS = (
    r"(?P<unit>(?i:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?"
    r"|years?|decades?|century|centuries))"
)
UNIT1 = r"(?P<unit>(?i:day|week|weekend|month|quarter|year|decade|century))"
POD = r"(?P<pod>(?i:morning|afternoon|evening|night|overnight))"
MOD = r"(?P<mod>(?i:early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of))"
SEASON = r"(?P<season>(?i:spring|summer|fall|autumn|winter))"
REL = r"(?P<rel>(?i:this|last|next|past|coming|previous|current|same|following|prior|latest|recent))"


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
_HOLIDAY = (
    r"(?P<hol>Christmas\s+Eve|Christmas\s+Day|Christmas|New\s+Year's\s+(?:Day|Eve)|Halloween"
    r"|Valentine's\s+Day|Thanksgiving(?:\s+[Dd]ay)?|Independence\s+Day)"
)

# Rules in priority order: on equal length, the earlier rule wins.
_RULES: list[tuple[str, str]] = [
    ("iso", r"\b(?P<year>\d{4})-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
    ("slash", r"\b(?P<month>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>\d{4}|\d{2})\b"),
    ("date_mdy", rf"\b(?:{WD},?\s+)?{MON}\s+{DAY}\b(?!:)(?:,?\s+{YEAR})?"),
    ("date_dmy", rf"\b(?:{WD},?\s+)?(?:{ci('the')}\s+)?{DAY}(?:\s+of)?\s+{MON}(?:,?\s+{YEAR})?"),
    ("month_year", rf"\b(?:{MOD}[\s-]?)?{MON}(?:\s+of)?,?\s+{YEAR}"),
    ("month", rf"\b(?:(?:{MOD}|{REL})[\s-]?)?{MON_FULL}\b"),
    ("decade", rf"\b(?:{ci('the')}\s+)?(?:{MOD}[\s-]?)?(?P<dec>(?:1[6-9]|20)\d0)'?s\b"),
    ("decade2", rf"(?:\b{ci('the')}\s+)?(?:{MOD}[\s-]?)?['’](?P<dec2>\d0)s\b"),
    ("year", rf"\b(?:{MOD}[\s-]?)?(?:{ci('fiscal|calendar')}\s+)?{YEAR}\b"),
    (
        "quarter",
        rf"\b(?:{ci('the')}\s+)?(?:(?:(?P<qrel2>{ci('this|last|next')})\s+{_YEARS}|(?P<year2>(?:19|20)\d\d))\s+)?"
        rf"(?:{ci('fiscal')}\s+)?(?P<qord>{_QORD})\s+{ci('quarter')}(?:\s+(?:of\s+)?{_QYEAR})?",
    ),
    # The adjective "third-quarter" ("third-quarter profit") is marked without its article.
    ("quarter_adj", rf"\b(?P<qord>{_QORD})-{ci('quarter')}\b"),
    ("the_unit", rf"\b(?P<word>{ci('the')}\s+(?:(?P<fiscal>{ci('fiscal')})\s+)?{ci('quarter|weekend|year')})\b(?!-)"),
    ("quarter_q", rf"\b(?P<qord>Q[1-4])\s*{YEAR}"),
    ("half", rf"\b(?:{ci('the')}\s+)?(?P<hord>{ci('first|second')})\s+{ci('half')}(?:\s+of\s+{_QYEAR})?"),
    ("season", rf"\b(?:(?:{ci('this|last|next|early|late|the')})\s+)?{SEASON}(?:\s+(?:of\s+)?{YEAR})?\b"),
    (
        "rel_unit",
        rf"\b(?:(?P<shift>{ci('earlier|later')})\s+)?(?:{MOD}\s+)?(?:{ci('the')}\s+)?{REL}\s+(?:{ci('fiscal')}\s+)?{UNIT1}s?\b",
    ),
    ("rel_weekday", rf"\b(?P<rel>{ci('this|last|next|coming|past')})\s+{WD}(?:\s+{POD})?"),
    ("weekday", rf"\b(?:(?P<mod>{ci('early|late|mid')})[\s-]+)?{WD}(?:\s+{POD})?(?![\w-])"),
    (
        "ago",
        rf"\b(?P<num>{NUM})\s+{UNITS}\s+(?P<dir>{_AGO_DIR})\b",
    ),
    (
        "ago_bare",
        rf"\b(?P<unit>{ci('days|weeks|months|years|decades|hours|minutes')})\s+(?P<dir>{ci('ago|earlier|later|after|before')})\b",
    ),
    ("year_earlier", rf"\b(?:{ci('the')}\s+)?{ci('year-earlier|year-ago')}(?:\s+{ci('quarter|period')}\b)?"),
    (
        "duration",
        rf"\b(?:(?P<pre>{_DUR_PRE})\s+)?"
        rf"(?P<num>{NUM})[\s-]+(?:{ci('trading|business|working|calendar')}\s+)?{UNITS}(?:[\s-](?P<long>{ci('long|old')}))?(?![\w-])",
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
            r"|current|recent|these\s+days|at\s+present"
        )
        + rf")(?:\s+{POD})?\b",
    ),
    ("this_pod", rf"\b(?P<rel>{ci('this|last|tomorrow|yesterday')})\s+{POD}\b"),
    (
        "clock",
        rf"\b(?P<h>[01]?\d)(?:[:.](?P<min>[0-5]\d))?\s*(?P<ampm>(?i:a\.m\.?|p\.m\.?|am|pm)(?![\w]))"
        rf"(?:\s+(?P<tz>[A-Z]{{2,4}}T?)\b)?(?:\s+(?:(?i:on)\s+)?{WD})?",
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
    for name, pattern in RULES:
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
