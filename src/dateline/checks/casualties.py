"""Casualty figures that differ between sources about one event.

A claim's content is read for counts of the dead and the injured ("One person was injured",
"killed at least 12 civilians", "the death toll rose to 30"); when two claims from different
sources about the same event give different counts of the same kind, a reader should know. Claims
from one source are not compared: a source updating its own figure is news, not a discrepancy.
"""

from __future__ import annotations

import re
from collections import defaultdict

from spacy.tokens import Doc, Token

from dateline.model import Claim, Flag, Report
from dateline.numbers import CARDINALS, TENS

#: Casualty words by lemma -> the count they give.
CASUALTY_WORDS = {
    **dict.fromkeys(("kill", "die", "dead", "death", "fatality", "toll", "slay", "perish", "body"), "fatalities"),
    **dict.fromkeys(("injure", "wound", "hurt", "injury", "injured", "wounded"), "injured"),
}
#: Counts written as one word ("five", "forty", "dozen").
NUMBER_WORDS = {**CARDINALS, **TENS, "hundred": 100, "dozen": 12}


def _number(tok: Token) -> int | None:
    word = tok.lower_.replace(",", "")
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def _count_near(word: Token) -> int | None:
    """The number that counts a casualty word: in its own phrase or its subject's/object's."""
    candidates: list[Token] = []
    for t in (word, *word.children):
        candidates += [
            c
            for c in t.subtree
            if c.like_num and c.dep_ in ("nummod", "pobj", "dobj", "nsubj", "nsubjpass", "attr", "appos", "conj")
        ]
        if len(candidates) > 0:
            break
    # "12 dead": the number heads the phrase the casualty word modifies
    if not candidates and word.head.i != word.i and word.head.like_num:
        candidates.append(word.head)
    nums = [n for n in (_number(c) for c in sorted(candidates, key=lambda c: abs(c.i - word.i))) if n is not None]
    return nums[0] if nums else None


def counts(doc: Doc, start: int, end: int) -> dict[str, tuple[int, tuple[int, int]]]:
    """Casualty counts stated in doc.text[start:end]: kind -> (count, span of the count's phrase)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    found: dict[str, tuple[int, tuple[int, int]]] = {}
    if span is None:
        return found
    for tok in span:
        kind = CASUALTY_WORDS.get(tok.lemma_.lower()) or CASUALTY_WORDS.get(tok.lower_)
        if kind is None or kind in found:
            continue
        n = _count_near(tok)
        if n is not None:
            found[kind] = (
                n,
                (min(tok.idx, tok.head.idx), max(tok.idx + len(tok.text), tok.head.idx + len(tok.head.text))),
            )
    return found


def casualty_flags(doc: Doc, report: Report) -> list[Flag]:
    """A flag per event and kind where two sources give different counts."""
    by_event: dict[tuple[str, str], list[tuple[Claim, int, tuple[int, int]]]] = defaultdict(list)
    for claim in report.claims:
        if claim.content is None or claim.source is None:
            continue
        for kind, (n, span) in counts(doc, claim.content.start, claim.content.end).items():
            for event_id in claim.event_ids:
                by_event[(event_id, kind)].append((claim, n, span))
    flags = []
    for (_event_id, kind), rows in by_event.items():
        by_source: dict[str, tuple[Claim, int, tuple[int, int]]] = {}
        for row in rows:
            src = row[0].source
            key = (src.actor_id or re.sub(r"\W+", " ", src.text.lower()).strip()) if src else ""
            by_source.setdefault(key, row)
        values = {n for _, n, _ in by_source.values()}
        if len(by_source) < 2 or len(values) < 2:
            continue
        parts = [f"{c.source.text if c.source else 'an unnamed source'} gives {n}" for c, n, _ in by_source.values()]
        word = "dead" if kind == "fatalities" else "injured"
        flags.append(
            Flag(
                kind="casualty_discrepancy",
                message=f"Sources give different numbers of {word} for one event: {'; '.join(parts)}.",
                spans=tuple(span for _, _, span in by_source.values()),
            )
        )
    return flags
