"""Within-document event coreference: one real-world event mentioned several times is one event.

"a strike destroyed ..." / "confirmed there was a strike" / "the strike hit the train station" /
"the exact location of the strike" are four mentions of one strike. A mention joins an earlier
event when their types agree, nothing they say conflicts (place, date, actors, singular/plural),
and the text signals sameness: a definite noun phrase ("the strike", "their meeting"), the same
event word or its nominalization ("annexed" / "annexation"), a shared subject in a coordination
("accused ... and issued a warrant"), or plain proximity (within `WINDOW` sentences).
"another", "a second", "new" always start a new event.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from dateline.events.arguments import Arguments, date_interval, is_country
from dateline.events.detect import Mention
from dateline.model import Actor, Place

#: How many sentences back an indefinite or verbal mention may reach for its event. News reports
#: restate an event in the next sentence or two ("... a strike." / "X confirmed there was a strike").
WINDOW = 2
#: How long before its report an event reported "on Monday" may have happened.
REPORT_SLACK = dt.timedelta(days=7)
#: Types whose mentions can report one act: a court accuses and issues a warrant in one decision.
COMPATIBLE_TYPES = frozenset({frozenset({"ACCUSE", "COERCE"})})
#: Types where who is actor1 and who actor2 is a matter of phrasing ("Putin hosts Xi", "Xi's visit").
SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
#: Event words general enough to take up any earlier event of their type as a definite anaphor
#: ("the attack" after "a drone strike").
GENERIC_FAMILIES = frozenset({"attack", "meet", "agree", "protest"})


@dataclass(frozen=True, slots=True)
class Coded:
    """A mention with what the parse says about it."""

    mention: Mention
    args: Arguments
    status: str
    acled: tuple[str | None, str | None]


@dataclass
class Cluster:
    """Mentions of one event, growing as the document is read (mutable only inside `cluster`)."""

    members: list[Coded] = field(default_factory=list)

    @property
    def first(self) -> Coded:
        return self.members[0]

    @property
    def last_sent(self) -> int:
        return self.members[-1].mention.sent

    def families(self) -> set[str]:
        return {c.mention.kind.family for c in self.members}

    def actors(self, role: int | None = None) -> list[Actor]:
        """Known actors in one role (1 or 2), or in either role when `role` is None."""
        roles = (1, 2) if role is None else (role,)
        return [
            a for c in self.members for r, a in ((1, c.args.actor1), (2, c.args.actor2)) if a is not None and r in roles
        ]

    def place(self) -> Place | None:
        return next((c.args.place for c in self.members if c.args.place is not None), None)

    def dates(self) -> list[tuple[str, bool]]:
        """(value, is_own) of every dated mention: own dates are exact, report dates are bounds."""
        return [(c.args.time.value, not c.args.time_from_report) for c in self.members if c.args.time is not None]


def _same_actor(a: Actor, b: Actor) -> bool:
    """Could two actor mentions stand for the same party? Unknown never conflicts: "police" and
    "officers" with no country may be one force; two countries, or two names, may not."""
    if a.id == b.id:
        return True
    if a.country_code and b.country_code:
        return a.country_code == b.country_code
    if a.name and b.name:
        return a.name.casefold() == b.name.casefold()
    return True


def _places_compatible(p: Place | None, q: Place | None) -> bool:
    if p is None or q is None or p.id == q.id:
        return True
    names_p = {x.casefold() for x in (p.name, p.text) if x}
    names_q = {x.casefold() for x in (q.name, q.text) if x}
    if names_p & names_q:
        return True
    # One inside the other: a town and its region, a place and its country.
    if (p.admin1 and p.admin1.casefold() in names_q) or (q.admin1 and q.admin1.casefold() in names_p):
        return True
    return bool((is_country(p) or is_country(q)) and p.country_code and p.country_code == q.country_code)


def _dates_compatible(values: list[tuple[str, bool]], value: str | None, own: bool) -> bool:
    """Can the event's known dates and a mention's date hold together?

    Two own dates must overlap. A date read off the report ("said on Thursday that X had been
    detained") bounds the event from above, loosely from below: news reports events of the last
    days (`REPORT_SLACK`), so "said on Monday" cannot be an invasion "in February 2021".
    """
    if value is None:
        return True
    span = date_interval(value)
    for other, other_own in values:
        o = date_interval(other)
        if span is None or o is None:
            continue
        if own and other_own:
            if span[1] < o[0] or o[1] < span[0]:
                return False
        elif own or other_own:
            exact, bound = (span, o) if own else (o, span)
            if exact[0] > bound[1] or exact[1] < bound[0] - REPORT_SLACK:
                return False
    return True


def _types_compatible(a: Coded, b: Coded, conj: bool = False) -> bool:
    pa, pb = a.mention.kind.plover, b.mention.kind.plover
    if pa != pb and not (conj and frozenset({pa, pb}) in COMPATIBLE_TYPES):
        return False
    ea, eb = a.acled[0], b.acled[0]
    # "strike" the attack and "strike" the walk-out are different events; a weak trigger ("what
    # had been hit") may join any event of its PLOVER type.
    return not (ea and eb and ea != eb and not (a.mention.kind.weak or b.mention.kind.weak))


def _compatible(cluster: Cluster, coded: Coded, conj: bool = False, anaphor: bool = False) -> bool:
    """Can this mention report the cluster's event? `anaphor`: it is a definite noun of the same
    event word ("The visit, which also included a stop in Mariupol"), which may add a place of
    the same country to the event rather than contradict it."""
    first = cluster.first
    if not _types_compatible(first, coded, conj):
        return False
    m = coded.mention
    if m.nominal and first.mention.nominal and m.plural != first.mention.plural:
        return False  # "multiple strikes" are not "the strike"
    place, other = cluster.place(), coded.args.place
    if not _places_compatible(place, other) and not (
        anaphor and place is not None and other is not None and place.country_code == other.country_code
    ):
        return False
    # A date read off the reporting verb bounds the event too: "said on Monday that a strike ..."
    # cannot be the invasion "in February 2021".
    time = coded.args.time
    if not _dates_compatible(cluster.dates(), time.value if time else None, not coded.args.time_from_report):
        return False
    symmetric = first.mention.kind.plover in SYMMETRIC_TYPES
    for role, actor in ((1, coded.args.actor1), (2, coded.args.actor2)):
        known = cluster.actors(None if symmetric else role)
        if actor is not None and known and not any(_same_actor(actor, k) for k in known):
            return False
    return True


def cluster(coded: list[Coded]) -> list[list[Coded]]:
    """Group mentions (in text order) into events, in order of first mention."""
    clusters: list[Cluster] = []
    by_head: dict[int, Cluster] = {}
    for item in coded:
        m = item.mention
        chosen: Cluster | None = None
        if m.conj_of is not None and m.conj_of in by_head and _compatible(by_head[m.conj_of], item, conj=True):
            chosen = by_head[m.conj_of]
        elif not m.new_marker:
            ranked: list[tuple[tuple[int, int], Cluster]] = []
            for rank, c in enumerate(reversed(clusters)):
                same_family = m.kind.family in c.families()
                near = m.sent - c.last_sent <= WINDOW
                # "annexed in 2014" ... "its annexation": the same event word as noun and verb; not
                # when one is planned and the other done ("arrived for a visit" / "is due to visit").
                nominalization = (
                    same_family
                    and any(x.mention.nominal != m.nominal for x in c.members)
                    and c.first.status == item.status
                )
                anaphor = m.nominal and m.definite and (same_family or m.kind.family in GENERIC_FAMILIES)
                if not (anaphor or near or nominalization):
                    continue
                if _compatible(c, item, anaphor=anaphor and same_family):
                    ranked.append(((0 if same_family else 1, rank), c))
            if ranked:
                chosen = min(ranked, key=lambda r: r[0])[1]
        if chosen is None:
            if m.kind.weak and item.args.actor1 is None:
                continue  # a lone "hit" with no agent: too often not violence at all
            chosen = Cluster()
            clusters.append(chosen)
        chosen.members.append(item)
        by_head[m.head] = chosen
    return [c.members for c in clusters]
