"""The times of the example report, against its hand annotation in ../shared."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from dateline.times import find_times

EXAMPLE = Path(__file__).resolve().parents[2].parent / "shared" / "examples" / "dzhankoi"


def test_every_annotated_time_of_the_example(nlp) -> None:  # type: ignore[no-untyped-def]
    if not EXAMPLE.exists():
        pytest.skip(f"{EXAMPLE} is absent: the example report lives in ../shared beside the repository")
    text = (EXAMPLE / "article.txt").read_text(encoding="utf-8")
    gold = json.loads((EXAMPLE / "expected.json").read_text(encoding="utf-8"))["times"]
    times = find_times(nlp(text), dt.date(2023, 3, 21))
    for g in gold:
        start, end = g["span"]
        want = g.get("value_any_of") or [g["value"]]
        got = [t.value for t in times if t.start < end and start < t.end]
        assert any(v in want for v in got), f"{g['text']}: want {want}, got {got}"
    late = next(t for t in times if t.text == "late Monday")
    assert late.part_of_day == "EV" and late.precision == "day"


def test_without_publication_date_nothing_is_guessed(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The ministry said late Monday that the strike, the first since last year, hit a depot.")
    values = {t.text: t.value for t in find_times(doc, None)}
    assert values == {"late Monday": "XXXX-WXX-1", "last year": "XXXX"}
