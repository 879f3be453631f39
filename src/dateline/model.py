"""The one data model: frozen, typed records, each carrying the span of its evidence.

Every stage reads a `Document` (and the spaCy `Doc` built from its text) and returns records of
its own kind; the pipeline collects them into a `Report`. Spans are `[start, end)` character
offsets into `Document.text`, so every field of the output can be traced back to the sentence it
came from. `dateline.output` turns a `Report` into the `dateline/1` JSON contract.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

SCHEMA_VERSION = "dateline/1"

#: Precisions a normalized time can have, from finest to coarsest.
PRECISIONS = ("time", "day", "week", "month", "quarter", "season", "year", "decade", "century", "unknown")

#: The status of an event relative to the report that mentions it.
EVENT_STATUSES = ("reported", "background", "planned", "hypothetical", "negated")


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the document text: `text == document.text[start:end]`."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Document:
    """One news report as it comes in: its text and what is known about its publication."""

    id: str
    text: str
    published: dt.date | None = None
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    language: str = "en"


@dataclass(frozen=True, slots=True)
class Place:
    """A place mention, resolved to a gazetteer entry or left unresolved with a `reason`."""

    id: str
    text: str
    start: int
    end: int
    name: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country_code: str | None = None  # ISO 3166-1 alpha-2, the GeoNames convention
    admin1: str | None = None
    feature_code: str | None = None
    confidence: float = 0.0
    reason: str | None = None  # why it stayed unresolved; None when resolved


@dataclass(frozen=True, slots=True)
class Time:
    """A temporal expression normalized to a TIMEX3-style value anchored on the publication date."""

    id: str
    text: str
    start: int
    end: int
    type: str  # DATE, TIME, DURATION, SET
    value: str  # "2023-03-20", "2022", "2023-W11", "P3D", "PAST_REF", "XXXX-XX-XX"
    precision: str  # one of PRECISIONS
    part_of_day: str | None = None  # MO, AF, EV, NI for "late Monday", "Monday morning"


@dataclass(frozen=True, slots=True)
class Actor:
    """A mention of a person, organization or group, resolved to a canonical actor."""

    id: str
    text: str
    start: int
    end: int
    name: str | None = None
    country_code: str | None = None  # ISO 3166-1 alpha-3, or IGO / NGO (the CAMEO/PLOVER convention)
    sector: str | None = None  # government, military, police, rebel, civilian, media, judiciary, ...
    kind: str | None = None  # person, organization, government, group, country
    variant_of: str | None = None  # the canonical spelling when the text misspells a known actor
    # How the country is known: "stated" (the mention's own words, its name or a known actor's
    # role: "Ukraine's", "Ukrainian", "Putin"), "context" (inferred from the report around it: its
    # dateline, the one country of its sentence, where the act happened, an earlier mention);
    # None without a country.
    country_basis: str | None = None


@dataclass(frozen=True, slots=True)
class EventDate:
    """When an event happened, and where that knowledge comes from."""

    value: str | None
    precision: str
    time_id: str | None = None  # the time expression it came from
    inherited: bool = False  # True when taken from the report or a linked mention, not its own expression


@dataclass(frozen=True, slots=True)
class Event:
    """One real-world event the report mentions, with every mention that reports it."""

    id: str
    trigger: Span
    evidence: Span  # the sentence of the first mention
    plover_type: str | None = None
    event_type: str | None = None  # ACLED event type, where the event is ACLED's kind
    sub_event_type: str | None = None
    mode: str | None = None  # PLOVER mode where the text makes it clear
    status: str = "reported"
    date: EventDate | None = None
    place_id: str | None = None
    actor1_id: str | None = None
    actor2_id: str | None = None
    fatalities: int | None = None
    injured: int | None = None
    damage: str | None = None
    claim_ids: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()
    # How actor1 is known: "explicit" (named as doing it), "implied" (the reporting side of an
    # attack on the other side's assets; the authorities of the country where an agentless arrest
    # or investigation happened), "alleged" (accused of it); None without an actor1.
    actor1_basis: str | None = None


@dataclass(frozen=True, slots=True)
class Source:
    """Who a claim is attributed to; `actor_id` links to a resolved actor when one is known."""

    start: int
    end: int
    text: str
    actor_id: str | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """An attribution: a source, the cue that attributes, the content, and the stance it takes."""

    id: str
    source: Source | None
    cue: Span
    content: Span | None
    stance: str
    event_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Flag:
    """Something a careful reader would question, with the spans that show it."""

    kind: str  # temporal_inconsistency, name_variant, casualty_discrepancy, conflicting_claims
    message: str
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class Report:
    """Everything dateline found in one document."""

    document: Document
    places: tuple[Place, ...] = ()
    times: tuple[Time, ...] = ()
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    flags: tuple[Flag, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Reject:
    """An input that could not be coded, and why: the run reports it and goes on."""

    source: str  # file name
    line: int | None  # 1-based line number in a JSONL file; None for a whole file
    reason: str
