"""The `dateline/1` JSON contract: a `Report` to a plain dict, and the schema that checks it.

Field names are a promise to users: add fields freely, never rename or drop one without a new
schema version. Items are in text order; keys in a stable order, so outputs diff cleanly.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

import jsonschema

from dateline.model import SCHEMA_VERSION, Actor, Claim, Event, Flag, Place, Report, Span, Time

SCHEMA_FILE = "dateline-1.schema.json"


def _span(span: Span | None) -> dict[str, Any] | None:
    return None if span is None else {"text": span.text, "start": span.start, "end": span.end}


def _place(p: Place) -> dict[str, Any]:
    return {
        "id": p.id, "text": p.text, "start": p.start, "end": p.end, "name": p.name,
        "geonameid": p.geonameid, "lat": p.lat, "lon": p.lon, "country_code": p.country_code,
        "admin1": p.admin1, "feature_code": p.feature_code, "confidence": round(p.confidence, 3),
        "reason": p.reason,
    }


def _time(t: Time) -> dict[str, Any]:
    return {
        "id": t.id, "text": t.text, "start": t.start, "end": t.end, "type": t.type,
        "value": t.value, "precision": t.precision, "part_of_day": t.part_of_day,
    }


def _actor(a: Actor) -> dict[str, Any]:
    return {
        "id": a.id, "text": a.text, "start": a.start, "end": a.end, "name": a.name,
        "country_code": a.country_code, "sector": a.sector, "kind": a.kind, "variant_of": a.variant_of,
        "country_basis": a.country_basis,
    }


def _event(e: Event, verification: dict[str, Any] | None = None) -> dict[str, Any]:
    date = None
    if e.date is not None:
        date = {"value": e.date.value, "precision": e.date.precision, "time_id": e.date.time_id,
                "inherited": e.date.inherited}
    return {
        "id": e.id, "trigger": _span(e.trigger), "event_type": e.event_type,
        "sub_event_type": e.sub_event_type, "plover_type": e.plover_type, "mode": e.mode,
        "status": e.status, "date": date, "place_id": e.place_id, "actor1_id": e.actor1_id,
        "actor1_basis": e.actor1_basis, "actor2_id": e.actor2_id, "fatalities": e.fatalities,
        "injured": e.injured, "damage": e.damage,
        "claim_ids": list(e.claim_ids), "evidence": _span(e.evidence),
        "mentions": [_span(m) for m in e.mentions],
        "verification": verification,
    }


def _claim(c: Claim) -> dict[str, Any]:
    source = None
    if c.source is not None:
        source = {"text": c.source.text, "start": c.source.start, "end": c.source.end,
                  "actor_id": c.source.actor_id}
    return {
        "id": c.id, "source": source, "cue": _span(c.cue), "stance": c.stance,
        "content": _span(c.content), "event_ids": list(c.event_ids),
    }


def _flag(f: Flag) -> dict[str, Any]:
    return {"kind": f.kind, "message": f.message, "spans": [list(s) for s in f.spans]}


def to_dict(report: Report) -> dict[str, Any]:
    """The report as a `dateline/1` object."""
    # imported here: `dateline.claims` pulls in spaCy, which reading and exporting a store never need
    from dateline.claims.summary import verification

    d = report.document
    checked = verification(report)  # who reports, confirms, denies each event, from the claims
    return {
        "schema": SCHEMA_VERSION,
        "document": {
            "id": d.id, "url": d.url, "outlet": d.outlet, "title": d.title,
            "published": d.published.isoformat() if d.published else None, "language": d.language,
        },
        "places": [_place(p) for p in report.places],
        "times": [_time(t) for t in report.times],
        "actors": [_actor(a) for a in report.actors],
        "events": [_event(e, checked[e.id].as_dict() if e.id in checked else None) for e in report.events],
        "claims": [_claim(c) for c in report.claims],
        "flags": [_flag(f) for f in report.flags],
    }


def to_json(report: Report, indent: int | None = None) -> str:
    """The report as `dateline/1` JSON text (UTF-8 characters kept as they are)."""
    return json.dumps(to_dict(report), ensure_ascii=False, indent=indent)


@functools.cache
def schema() -> dict[str, Any]:
    """The JSON Schema of `dateline/1`, shipped in the package."""
    return json.loads(resources.files("dateline").joinpath(SCHEMA_FILE).read_text(encoding="utf-8"))


def validate(obj: dict[str, Any]) -> None:
    """Raise `jsonschema.ValidationError` when `obj` breaks the `dateline/1` contract."""
    jsonschema.validate(obj, schema(), cls=jsonschema.Draft202012Validator)
