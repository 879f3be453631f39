"""Validate the sample reports that ship in src/dateline/samples/ and their hand annotations.

These checks need no model: they keep the annotations consistent with the text they describe (every
span's text equals the article at that span, every referenced phrase occurs, every value is from the
agreed vocabularies), so a golden test of the full output can rely on them.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from dateline.events.lexicon import ACLED_TYPES, PLOVER_TYPES
from dateline.model import EVENT_STATUSES

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "dateline" / "samples"
CASES = sorted(p.name for p in SAMPLES.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))

STANCES = {
    "asserts",
    "confirms",
    "denies",
    "cannot_confirm",
    "claims_responsibility",
    "no_responsibility_claim",
    "accuses",
    "vows",
}
# The vocabularies the stages emit: an annotation outside them could never be matched.
STATUSES = set(EVENT_STATUSES)
PLOVER = set(PLOVER_TYPES)
ACLED = {kind: set(subs) for kind, subs in ACLED_TYPES.items()}
SUB_EVENT_TYPES = set().union(*ACLED.values())
FLAG_KINDS = {"temporal_inconsistency", "name_variant", "casualty_discrepancy", "conflicting_claims"}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
# TIMEX3-style values: dates (with an optional part of day), months, years, weeks, durations, refs.
TIMEX_VALUE = re.compile(
    r"^(\d{4}(-\d{2}(-\d{2}(T(MO|AF|EV|NI|\d{2}:\d{2}))?)?)?|\d{4}-W\d{2}|P(\d+|X)[YMWDH]|"
    r"PAST_REF|PRESENT_REF|FUTURE_REF)$"
)


def load(case: str) -> tuple[str, dict, dict]:
    folder = SAMPLES / case
    text = (folder / "article.txt").read_bytes().decode("utf-8")
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    gold = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    return text, meta, gold


def check_span(text: str, item: dict, where: str) -> None:
    span = item.get("span")
    assert isinstance(span, list) and len(span) == 2 and all(isinstance(x, int) for x in span), where
    start, end = span
    assert 0 <= start < end <= len(text), f"{where}: span {span} outside the text"
    assert text[start:end] == item["text"], f"{where}: span {span} is {text[start:end]!r}, not {item['text']!r}"


def accepted(item: dict, key: str) -> list:
    """The values a gold field accepts, as the scorer reads them."""
    if item.get(key + "_any_of") is not None:
        return item[key + "_any_of"]
    return [item[key]] if key in item else []


def test_there_are_samples():
    assert len(CASES) >= 4, f"expected at least 4 sample reports in {SAMPLES}"
    assert (SAMPLES / "README.md").is_file()


@pytest.mark.parametrize("case", CASES)
def test_files_exist_and_parse(case):
    for name in ("article.txt", "meta.json", "expected.json"):
        assert (SAMPLES / case / name).is_file(), f"{case}/{name} is missing"
    text, meta, gold = load(case)
    assert "\r" not in text, "offsets are counted on LF line ends"
    assert text == text.rstrip(), "no trailing whitespace: offsets are counted on the exact file"
    assert 100 <= len(text.split()) <= 300
    assert isinstance(meta, dict) and isinstance(gold, dict)


@pytest.mark.parametrize("case", CASES)
def test_meta(case):
    _, meta, _ = load(case)
    assert {"published", "outlet", "language", "note"} <= meta.keys()
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta["published"]), meta["published"]
    dt.date.fromisoformat(meta["published"])
    assert meta["language"] == "en"
    assert meta["outlet"] and meta["note"]


@pytest.mark.parametrize("case", CASES)
def test_places(case):
    text, _, gold = load(case)
    for i, p in enumerate(gold["places"]):
        where = f"{case} places[{i}]"
        assert {"text", "span", "lat", "lon", "country_code", "tolerance_km", "required"} <= p.keys(), where
        check_span(text, p, where)
        assert -90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180, where
        assert p["tolerance_km"] > 0, where
        assert p["country_code"] is None or re.fullmatch(r"[A-Z]{2}", p["country_code"]), where
        assert isinstance(p["required"], bool), where
    assert all(isinstance(x, str) and x for x in gold["allowed_extra_places"])


@pytest.mark.parametrize("case", CASES)
def test_times(case):
    text, meta, gold = load(case)
    published = dt.date.fromisoformat(meta["published"])
    for i, t in enumerate(gold["times"]):
        where = f"{case} times[{i}] {t.get('text')!r}"
        assert {"text", "span", "value", "required"} <= t.keys(), where
        check_span(text, t, where)
        values = accepted(t, "value")
        assert t["value"] in values, where
        assert all(TIMEX_VALUE.match(v) for v in values), f"{where}: {values}"
        # A weekday in a report is the nearest such day to publication: same weekday, within a week.
        named = [d for d in WEEKDAYS if d in t["text"].lower()]
        if named:
            day = dt.date.fromisoformat(t["value"][:10])
            assert WEEKDAYS[day.weekday()] == named[0], f"{where}: {day} is not a {named[0]}"
            assert abs((day - published).days) <= 7, where


@pytest.mark.parametrize("case", CASES)
def test_actors(case):
    text, _, gold = load(case)
    for i, a in enumerate(gold["actors"]):
        where = f"{case} actors[{i}] {a.get('text')!r}"
        assert {"text", "name", "country_code", "sector", "required"} <= a.keys(), where
        assert a["text"] in text, f"{where}: not in the article"
        assert re.fullmatch(r"[A-Z]{3}", a["country_code"]), where
        assert a["name"] and a["sector"], where
        assert isinstance(a["required"], bool), where


@pytest.mark.parametrize("case", CASES)
def test_events(case):
    text, _, gold = load(case)
    places = {p["text"] for p in gold["places"]}
    ids = [e["id"] for e in gold["events"]]
    assert len(ids) == len(set(ids)), f"{case}: duplicate event ids"
    anchors = []
    for e in gold["events"]:
        where = f"{case} event {e.get('id')!r}"
        assert {"id", "summary", "trigger", "mentions", "status", "required"} <= e.keys(), where
        assert e["mentions"] and all(m in text for m in e["mentions"]), f"{where}: a mention is not in the article"
        assert any(e["trigger"] in m for m in e["mentions"]), f"{where}: trigger lies in no mention"
        assert set(accepted(e, "status")) <= STATUSES, where
        assert set(accepted(e, "plover_type")) <= PLOVER, where
        event_types = accepted(e, "event_type")
        assert set(event_types) <= ACLED.keys(), where
        subs = accepted(e, "sub_event_type")
        assert set(subs) <= SUB_EVENT_TYPES, where
        if event_types and subs:
            assert all(any(s in ACLED[t] for t in event_types) for s in subs), f"{where}: sub-event type of no type"
        if "place" in e:
            assert e["place"] in places, f"{where}: place {e['place']!r} is not an annotated place"
        for key in ("actor1_country", "actor2_country"):
            if key in e:
                assert re.fullmatch(r"[A-Z]{3}", e[key]), where
        for key in ("fatalities", "injured"):
            assert all(v is None or (isinstance(v, int) and v >= 0) for v in accepted(e, key)), where
        for value in accepted(e, "date"):
            assert TIMEX_VALUE.match(value), f"{where}: date {value!r}"
        for m in e["mentions"]:
            start = text.find(m)
            while start >= 0:
                anchors.append((start, start + len(m), e["id"]))
                start = text.find(m, start + 1)
    # The scorer matches an output event through its trigger; mentions of two events must not overlap.
    for a in anchors:
        for b in anchors:
            assert not (a[2] < b[2] and a[0] < b[1] and b[0] < a[1]), f"{case}: mentions of {a[2]} and {b[2]} overlap"


@pytest.mark.parametrize("case", CASES)
def test_claims(case):
    text, _, gold = load(case)
    ids = {e["id"] for e in gold["events"]}
    for i, c in enumerate(gold["claims"]):
        where = f"{case} claims[{i}] {c.get('source')!r} {c.get('cue')!r}"
        assert {"source", "cue", "stance", "required"} <= c.keys(), where
        assert c["source"] in text and c["cue"] in text, f"{where}: source or cue not in the article"
        assert set(accepted(c, "stance")) <= STANCES, where
        if c.get("content_contains"):
            assert c["content_contains"] in text, f"{where}: content not in the article"
        if "event" in c:
            assert c["event"] in ids, f"{where}: unknown event {c['event']!r}"


@pytest.mark.parametrize("case", CASES)
def test_flags(case):
    text, _, gold = load(case)
    for i, f in enumerate(gold["flags"]):
        where = f"{case} flags[{i}]"
        assert {"kind", "spans", "message", "required"} <= f.keys(), where
        assert f["kind"] in FLAG_KINDS, where
        assert f["spans"] and f["message"], where
        for start, end in f["spans"]:
            assert 0 <= start < end <= len(text), where


@pytest.mark.parametrize("case", CASES)
def test_required_items_exist(case):
    _, _, gold = load(case)
    for section in ("places", "times", "actors", "events", "claims"):
        assert any(item["required"] for item in gold[section]), f"{case}: no required {section}"
