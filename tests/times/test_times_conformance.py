"""The temporal normalizer against its conformance table (`conformance.tsv`), one case per row.

Each row holds a sentence with the expression under test in [brackets], the publication date
(`-` for none), and the expected TIMEX3 value and type (`-` and `-` when the bracketed words must
not be read as a time at all). A row passes when a time found in the sentence overlaps the
brackets and carries that value and type: spans follow TimeML and may leave out signal words
("since", "for", "earlier").
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest

from dateline.model import PRECISIONS
from dateline.times import find_times

TABLE = Path(__file__).with_name("conformance.tsv")


@dataclass(frozen=True)
class Row:
    family: str
    published: dt.date | None
    text: str
    start: int
    end: int
    value: str
    type: str

    @property
    def id(self) -> str:
        return f"{self.family}:{self.text[self.start : self.end]}@{self.published or '-'}"


def load_rows() -> list[Row]:
    rows = []
    with TABLE.open(encoding="utf-8", newline="") as f:
        for raw in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            marked = raw["sentence"]
            start = marked.index("[")
            end = marked.index("]") - 1
            text = marked.replace("[", "", 1).replace("]", "", 1)
            published = None if raw["published"] == "-" else dt.date.fromisoformat(raw["published"])
            rows.append(Row(raw["family"], published, text, start, end, raw["value"], raw["type"]))
    return rows


ROWS = load_rows()


def test_table_is_big_and_covers_every_family() -> None:
    families = {r.family for r in ROWS}
    assert len(ROWS) >= 200
    assert {
        "absolute_day",
        "leap_day",
        "month_alone",
        "weekday_past",
        "weekday_future",
        "relative_week",
        "ago",
        "duration",
        "set",
        "clock",
        "anniversary",
        "no_anchor",
        "negative",
        "period_ended",
        "stretch_comparison",
        "ended_day",
        "week_of",
        "day_next_to",
        "range",
    } <= families


@pytest.fixture(scope="module")
def docs(nlp):  # type: ignore[no-untyped-def]
    return dict(zip((r.text for r in ROWS), nlp.pipe(r.text for r in ROWS), strict=False))


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r.id)
def test_conformance(row: Row, docs) -> None:  # type: ignore[no-untyped-def]
    times = find_times(docs[row.text], row.published)
    hits = [t for t in times if t.start < row.end and row.start < t.end]
    for t in times:
        assert row.text[t.start : t.end] == t.text
        assert t.precision in PRECISIONS
    if row.value == "-":
        assert not hits, f"{row.text[row.start : row.end]!r} should be no time, got {hits}"
        return
    assert hits, f"no time found over {row.text[row.start : row.end]!r}; found {[t.text for t in times]}"
    got = [(t.value, t.type) for t in hits]
    assert (row.value, row.type) in got, f"{row.text[row.start : row.end]!r}: want {row.value} {row.type}, got {got}"
