"""Recognition: the grammar's matches, vetted against the words around them and the spaCy parse.

The grammar is generous on purpose ("2000", "May", "fall", "years" can all be dates); this module
says when they are not: "2000 people", "may rise", "prices fall", a 46-year-old.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from dateline.times.grammar import Match, scan
from dateline.times.lexicon import MONTHS, WEEKDAYS

#: Words before a bare month name that make it a date: "in May", "since March", "by June".
_MONTH_CUES = {
    "in",
    "since",
    "by",
    "until",
    "till",
    "from",
    "to",
    "through",
    "during",
    "before",
    "after",
    "of",
    "between",
    "and",
    "or",
    "on",
    "for",
    "around",
    "throughout",
    "into",
    "that",
    "each",
    "every",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "as",
    "end",
    "beginning",
}
#: Words before a bare season that make it a date: "in summer", "during the winter".
_SEASON_CUES = {
    "in",
    "for",
    "during",
    "by",
    "until",
    "till",
    "since",
    "through",
    "over",
    "this",
    "last",
    "next",
    "early",
    "late",
    "that",
    "the",
    "throughout",
    "before",
    "after",
}
#: Words before a bare plural unit that make it a duration: "for years", "within days".
_PLURAL_CUES = {
    "for",
    "within",
    "in",
    "over",
    "after",
    "during",
    "lasting",
    "lasted",
    "took",
    "take",
    "takes",
    "spent",
    "spend",
    "waited",
    "wait",
    "about",
    "nearly",
    "almost",
}
#: Nouns a year-shaped number may count without being a year: "2000 people", "1500 troops".
_TIME_NOUNS = {
    "year",
    "years",
    "season",
    "election",
    "elections",
    "budget",
    "census",
    "summer",
    "winter",
    "spring",
    "fall",
    "autumn",
    "olympics",
    "games",
    "world",
    "cup",
    "war",
    "level",
    "levels",
    "model",
    "edition",
    "campaign",
    "law",
    "act",
    "agreement",
}

_MONTH_ABBRS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}
_WORD_BEFORE = re.compile(r"([\w']+)[\s,]*$")
_WORD_AFTER = re.compile(r"^[\s,]*([\w'%$]+)")


def _before(text: str, start: int) -> str:
    m = _WORD_BEFORE.search(text[max(0, start - 40) : start])
    return m.group(1).lower() if m else ""


def _after(text: str, end: int) -> str:
    m = _WORD_AFTER.match(text[end : end + 40])
    return m.group(1).lower() if m else ""


def _year_ok(m: Match, doc: Doc, text: str) -> bool:
    """A four-digit number is a year unless its neighbours or its parse say it counts something."""
    year_text = m.groups.get("year") or ""
    if not year_text[:1].isdigit():
        # A year in words: "nineteen ninety-six" is one, "two thousand" only as "the year two thousand".
        return bool(m.groups.get("theyear")) or not year_text.lower().startswith("two")
    if text[max(0, m.start - 1) : m.start] in ("$", "#", "£", "€", "-", "/", ".") or text[m.end : m.end + 1] in (
        "%",
        "-",
    ):
        return False
    if m.end - m.start > 4:
        return True  # "fiscal 1989", "early 2022": the modifier already says it is a year
    after = _after(text, m.end)
    if after in ("percent", "per", "mw", "km", "miles", "metres", "meters", "feet", "tons", "tonnes"):
        return False
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return True
    token = span.root
    if token.ent_type_ in ("MONEY", "PERCENT", "QUANTITY"):
        return False
    if token.dep_ == "nummod" and token.head.i > token.i and token.ent_type_ != "DATE":
        # "2000 people", "1500 troops" count a plural; "the 1996 bombing" dates a singular.
        return token.head.tag_ not in ("NNS", "NNPS") or token.head.lower_ in _TIME_NOUNS
    return True


#: Rules whose words are common nouns and adverbs: capitalized inside a sentence, they are a name
#: ("ABC's "This Week"", "CBS's "60 Minutes"", "High Noon", "VOA Today"), not a time.
_LOWERCASE_RULES = {
    "deictic",
    "noon",
    "duration",
    "unit_plural",
    "rel_unit",
    "the_unit",
    "ago",
    "ago_bare",
    "set_adv",
    "this_pod",
}
_SENTENCE_OPENERS = set(".!?:;(\n")
_QUOTES = set("\"'`“‘")
_TIME_WORD = re.compile(r"[A-Za-z]+")


def _is_title(m: Match, text: str) -> bool:
    """True when a word of the match is capitalized where a common word would not be."""
    before = text[max(0, m.start - 6) : m.start].rstrip(" ")
    # A quotation opens a sentence after punctuation ("said, "Today we..."), not after a name
    # (CBS's "60 Minutes").
    while before and before[-1] in _QUOTES:
        before = before[:-1].rstrip(" ")
    opens_sentence = not before or before[-1] in _SENTENCE_OPENERS | {","} or before.endswith("--")
    for i, word in enumerate(_TIME_WORD.findall(text[m.start : m.end])):
        if word.lower() in WEEKDAYS or word.lower().rstrip(".") in MONTHS:
            continue  # names of days and months are capitalized anyway
        if word[0].isupper() and not word.isupper() and not (i == 0 and opens_sentence):
            return True
    return False


def _rate(m: Match, doc: Doc) -> bool:
    """ "$1.76 a year", "700 seats a week", "24 hours a day": a rate, not a stretch of time."""
    if (m.groups.get("num") or "").lower() not in ("a", "an"):
        return False
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    prev = doc[span.start - 1]
    return prev.tag_ in ("CD", "NNS") or prev.ent_type_ in ("MONEY", "QUANTITY", "CARDINAL")


def _accept(m: Match, doc: Doc, text: str) -> bool:
    rule = m.rule
    if rule in _LOWERCASE_RULES and _is_title(m, text):
        return False
    if rule == "year":
        return _year_ok(m, doc, text)
    if rule == "month" and not (m.groups.get("mod") or m.groups.get("rel")):
        if m.groups.get("mon") not in ("May", "March") and _before(text, m.start) in ("the", "a"):
            return True  # "the October slaying", "a June agreement" ("the May government" is not)
        if m.groups.get("mon") in ("May", "March") or _before(text, m.start) not in _MONTH_CUES:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            # spaCy's DATE entity is the second opinion for "May" and "March" and sentence starts.
            return bool(
                span is not None and span.root.ent_type_ == "DATE" and _before(text, m.start) in _MONTH_CUES | {""}
            )
        return True
    if rule == "season" and not m.groups.get("year"):
        first = text[m.start : m.end].split()[0].lower()
        if first in ("this", "last", "next", "early", "late"):
            return True
        if _after(text, m.end) == "of":
            return False  # "the fall of Kabul"
        if _before(text, m.start) not in _SEASON_CUES:
            return False
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        return span is None or span.root.pos_ in ("NOUN", "PROPN")
    if rule == "pod" and text[m.start : m.start + 3].lower() == "the":
        # "in the morning" is a time; "the morning papers", "the evening of his life" are not.
        if _before(text, m.start) not in ("in", "by", "during", "through") or _after(text, m.end) == "of":
            return False
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        return span is None or span[-1].dep_ not in ("compound", "amod")
    if rule == "unit_plural":
        if m.groups.get("pre"):
            return True
        return _before(text, m.start) in _PLURAL_CUES and _after(text, m.end) not in ("of", "old")
    if rule == "duration":
        if _rate(m, doc):
            return False
        if (m.groups.get("long") or "").lower() == "old" or _after(text, m.end) in ("old", "olds"):
            return False  # ages are not durations in TIMEX3
        unit = (m.groups.get("unit") or "").lower()
        num = (m.groups.get("num") or "").lower()
        if unit == "second" and not num[:1].isdigit():
            return False  # "a second attack"
        if unit.startswith("quarter") and (num in ("a", "an") or _after(text, m.end) == "of"):
            return False  # "a quarter of the vote", "three quarters of"
        if num.isdigit() and int(num) > 999 and unit not in ("days", "hours", "minutes", "seconds"):
            return False  # "the 1988 quarter": a year, not a count
        # "five-year-old", "30 percent": the count belongs to something else.
        return not (text[m.end : m.end + 1] == "-" or _after(text, m.end) in ("percent",))
    if rule == "deictic":
        word = (m.groups.get("word") or "").lower()
        if word == "overnight":
            # The adverb ("attacked overnight") is a time; the adjective ("an overnight stay") is not.
            span = doc.char_span(m.start, m.end)
            return span is not None and span.root.pos_ == "ADV"
        if word == "soon":
            # "as soon as Tuesday", "soon after the attack": a signal, not a time of its own.
            return _before(text, m.start) != "as" and _after(text, m.end) not in ("after", "before", "as", "thereafter")
        return not (word.startswith("now") and text[m.end : m.end + 1] == "-")  # "now-defunct"
    if rule == "weekday":
        word = m.groups.get("wd") or ""
        if word.endswith("."):
            # "Sun." and "Sat." are also newspapers and abbreviations: an abbreviated weekday
            # needs a date word around it ("on Sun.", "Sun., March 5").
            return _before(text, m.start) in _MONTH_CUES or _after(text, m.end)[:3].lower() in _MONTH_ABBRS
        # "Monday" as part of a name ("Black Friday" is still a date; "Friday's" is fine).
        return _after(text, m.end) not in ("times", "club")
    return True


def candidates(doc: Doc, text: str | None = None) -> list[Match]:
    """The temporal expressions of `doc`'s text, in text order, not overlapping.

    `text` is `doc.text` when the caller has it already: spaCy rebuilds it on each access.
    """
    text = doc.text if text is None else text
    return scan(text, accept=lambda m: _accept(m, doc, text))
