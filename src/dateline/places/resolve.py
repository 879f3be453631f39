"""Disambiguation: pick each mention's gazetteer entry by a scored heuristic.

A candidate's score adds a prior (what kind of place it is, how many people live there, whether
the text is its own name or only an alternate one) and the evidence of the document: the other
places the report names, their countries and first-level subdivisions, "X, Y" patterns
("Springfield, Illinois"), and nearness to places already resolved with confidence. It is a
hand-weighted stand-in for the trained ranker of issue 3, with the same features.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc

from dateline.places.gazetteer import ADMIN1, ADMIN2, CITY, COUNTRY, FEATURE, Entry, Gazetteer, normalize
from dateline.places.mentions import AP_STATES, Mention

#: What a bare name most often means in news: a country before a region before a town. The
#: numbers are in the units of log10(population) so that the kind bonus of a country equals a
#: 10,000-fold population advantage.
KIND_BONUS = {COUNTRY: 4.0, FEATURE: 3.0, ADMIN1: 2.0, ADMIN2: 0.8, CITY: 0.0}
POPULATION_WEIGHT = 0.6
OWN_NAME_BONUS = 1.5  # "Moscow" is the city's own name but only an alias of Moskva oblast
CAPITAL_BONUS = 3.0  # "Washington" in news is the capital more often than the state
SAME_COUNTRY = 2.0  # the report names the candidate's country (or another place in it)
SAME_ADMIN1 = 3.0  # ... or its first-level subdivision (Gvardeyskoye near Crimea)
X_COMMA_Y = 6.0  # "Alexandria, Louisiana": Y contains the candidate
NEARBY_KM = 150.0
NEARBY = 1.5  # within NEARBY_KM of a place resolved with confidence


@dataclass(frozen=True, slots=True)
class Resolution:
    """The chosen entry of a mention (None: unresolved), its confidence, and why when unresolved."""

    mention: Mention
    entry: Entry | None
    confidence: float
    reason: str | None = None


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def prior(entry: Entry, own: bool) -> float:
    """The score of a candidate before the document's context is looked at."""
    score = KIND_BONUS.get(entry.kind, 0.0) + POPULATION_WEIGHT * math.log10(entry.population + 1)
    if own:
        score += OWN_NAME_BONUS
    elif entry.kind in (ADMIN1, ADMIN2):
        score -= 1.5  # a subdivision reached through an alias is usually its capital city's name
    if entry.feature_code == "PPLC":
        score += CAPITAL_BONUS
    return score


def _ranked(m: Mention) -> list[tuple[float, Entry]]:
    return sorted(((prior(e, own), e) for e, own in m.candidates), key=lambda x: -x[0])


def _context(
    mentions: list[Mention],
) -> tuple[dict[str, Counter[str]], dict[str, Counter[str]], list[tuple[str, Entry]]]:
    """Countries and admin1s each name's likely reading puts in play, and the confidently placed.

    Kept per name so that a mention is never its own evidence.
    """
    countries: dict[str, Counter[str]] = {}
    admin1s: dict[str, Counter[str]] = {}
    anchors: list[tuple[str, Entry]] = []
    for m in mentions:
        ranked = _ranked(m)
        if not ranked:
            continue
        key = normalize(m.text)
        top, e = ranked[0]
        margin = top - ranked[1][0] if len(ranked) > 1 else 99.0
        if margin < 1.0 and e.kind == CITY:
            continue  # too ambiguous to be evidence for the others
        if e.country_code:
            countries.setdefault(key, Counter())[e.country_code] += 1
        if e.admin1_key and e.kind in (ADMIN1, ADMIN2, CITY):
            admin1s.setdefault(key, Counter())[e.admin1_key] += 1
        if e.kind in (CITY, ADMIN2) and margin >= 2.0:
            anchors.append((key, e))
    return countries, admin1s, anchors


def _container(doc: Doc, m: Mention, by_start: dict[int, Mention]) -> tuple[set[str], set[str]]:
    """Countries and admin1 keys named right after "X," (Springfield, Illinois / Alexandria, La.)."""
    k = m.end_index
    if k + 1 >= len(doc) or doc[k].text != ",":
        return set(), set()
    nxt = by_start.get(doc[k + 1].idx)
    if nxt is not None:
        return (
            {e.country_code for e, _ in nxt.candidates if e.kind == COUNTRY and e.country_code},
            {e.admin1_key for e, _ in nxt.candidates if e.kind == ADMIN1 and e.admin1_key},
        )
    abbr = normalize(doc[k + 1].text).replace(" ", "")
    if abbr in AP_STATES:
        return set(), {f"US.{AP_STATES[abbr]}"}
    return set(), set()


def resolve(doc: Doc, mentions: list[Mention], gazetteer: Gazetteer) -> list[Resolution]:
    """Choose an entry for each mention, in the mentions' order."""
    countries, admin1s, anchors = _context(mentions)
    by_start = {m.start: m for m in mentions}
    out = []
    for m in mentions:
        if not m.candidates:
            out.append(Resolution(m, None, 0.0, f"no gazetteer entry for {m.text!r}"))
            continue
        key = normalize(m.text)
        cc_seen = sum((c for k, c in countries.items() if k != key), Counter())
        a1_seen = sum((c for k, c in admin1s.items() if k != key), Counter())
        near = [e for k, e in anchors if k != key]
        in_cc, in_a1 = _container(doc, m, by_start)
        scored = []
        for e, own in m.candidates:
            s = prior(e, own)
            if e.country_code and cc_seen[e.country_code]:
                # More mentions in a country, more weight, up to double: a US local report that
                # names five American towns means Georgia the state.
                s += SAME_COUNTRY * (1.0 + 0.25 * min(cc_seen[e.country_code] - 1, 4))
            if e.admin1_key and a1_seen[e.admin1_key]:
                s += SAME_ADMIN1
            if (e.country_code in in_cc) or (e.admin1_key in in_a1):
                s += X_COMMA_Y
            if e.kind in (CITY, ADMIN2) and any(
                km(e.lat, e.lon, a.lat, a.lon) <= NEARBY_KM for a in near if a.pid != e.pid
            ):
                s += NEARBY
            scored.append((s, e))
        scored.sort(key=lambda x: (-x[0], -x[1].population))
        best_score, best = scored[0]
        # Confidence: the softmax share of the best candidate, tempered by how sure we are that
        # the text names a place at all.
        z = sum(math.exp(s - best_score) for s, _ in scored)
        detection = 0.6 + 0.4 * min(1.0, max(m.support, 0.0) / 3.0)
        out.append(Resolution(m, best, round(detection / z, 3)))
    return out
