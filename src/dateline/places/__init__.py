"""Places stage: find place mentions and resolve them to gazetteer entries.

    mentions.find_mentions   gazetteer names + NER + cues -> Mention
    resolve.resolve          scored disambiguation        -> Resolution
    find_places              metonymy filter, Place records with ids p1, p2, ... in text order

The gazetteer (`gazetteer.Gazetteer`) is an SQLite index built once from installed packages by
`build_gazetteer()` (`dateline build-gazetteer`) and opened once per process.
"""

from __future__ import annotations

import logging

from spacy.tokens import Doc

from dateline.model import Place
from dateline.places.gazetteer import COUNTRY, Gazetteer, build_gazetteer
from dateline.places.mentions import find_mentions, is_actor_use, mentions_at
from dateline.places.resolve import Resolution, resolve

log = logging.getLogger(__name__)

__all__ = ["Gazetteer", "build_gazetteer", "find_places", "geocode_spans"]


def _is_government(doc: Doc, r: Resolution) -> bool:
    """A country or capital named as the one who speaks or is accused: an actor, not a place.

    "Washington accused Moscow of ...", "the US has accused Russia": the events stage must not put
    an event there, so these are not emitted as places (the actors stage finds them).
    """
    if r.entry is None or r.mention.demonym:
        return False
    # Any reading as a country or capital counts: "Washington" may resolve to the state in a
    # report about the US, and "Moscow" to Moscow, Idaho, next to it, and still be governments.
    if not any(e.kind == COUNTRY or e.feature_code == "PPLC" for e, _ in r.mention.candidates):
        return False
    return is_actor_use(doc, r.mention.head_index, r.mention.end_index)


def find_places(doc: Doc, gazetteer: Gazetteer) -> list[Place]:
    """Every place mention in `doc`, resolved where the gazetteer allows, ids p1, p2, ... in text order."""
    resolutions = [r for r in resolve(doc, find_mentions(doc, gazetteer), gazetteer) if not _is_government(doc, r)]
    return _to_places(resolutions)


def geocode_spans(doc: Doc, spans: list[tuple[int, int]], gazetteer: Gazetteer) -> list[Place]:
    """Resolve exactly the given character spans (gold toponyms), in text order, every one kept.

    For `dateline geocode` and resolution-only evaluation: no detection, no metonymy filter.
    """
    return _to_places(resolve(doc, mentions_at(doc, spans, gazetteer), gazetteer))


def _to_places(resolutions: list[Resolution]) -> list[Place]:
    places = []
    for n, r in enumerate(resolutions, start=1):
        m, e = r.mention, r.entry
        if e is None:
            places.append(Place(id=f"p{n}", text=m.text, start=m.start, end=m.end, reason=r.reason))
            continue
        places.append(
            Place(
                id=f"p{n}",
                text=m.text,
                start=m.start,
                end=m.end,
                name=e.name,
                geonameid=e.geonameid,
                lat=round(e.lat, 5),
                lon=round(e.lon, 5),
                country_code=e.country_code,
                admin1=e.admin1 if e.kind != COUNTRY else None,
                feature_code=e.feature_code or None,
                confidence=r.confidence,
            )
        )
    log.debug("found %d places", len(places))
    return places
