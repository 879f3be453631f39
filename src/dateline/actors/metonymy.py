"""Places that stand for an actor: "shelled Gaza", "a curfew in Abidjan", "air links with Serbia".

Event coders (the CAMEO manual, PETRARCH, PLOVER) code a place an act is aimed at, or the place it
is imposed on when nobody else is named, as that country's actor: the inhabitants of a city, the
government of a country. dateline says the same within its contract: an actor mention whose span is
the place mention's, `kind` "place" (so a reader knows it was coded from a place, not named as an
actor), country the place's country in ISO-3, sector `government` for a country an act reaches
or is aimed at (a country as a party is its government, as with "Russia accused") and `civilian`
for where an act happens or anything finer (a town's people). The events stage asks for one only
when an event names no target of its own; the place of an event whose target is named stays a place.

The same holds for the one who acts in a few acts only a state does, when the text names no one:
"was arrested in Lebanon", "was put under investigation in Italy" are the acts of that country's
authorities (sector `government`; the event's `actor1_basis` says "implied").

An attack nobody is named as doing gets no place actor: CAMEO coders (and ACLED's "Unidentified
Armed Group (Iraq)") code the country where it happened, but a bombing claimed or done by someone
the parse missed would then carry a wrong actor where it now carries none.
"""

from __future__ import annotations

from dateline.actors.codes import alpha3
from dateline.model import Actor, Place

#: The `kind` of an actor coded from a place.
PLACE_KIND = "place"


def place_actor(place: Place, actor_id: str, sector: str) -> Actor | None:
    """The actor a resolved place stands for, or None when the place has no country."""
    code = alpha3(place.country_code) if place.country_code else None
    if code is None:
        return None
    name = place.name or place.text
    return Actor(
        id=actor_id,
        text=place.text,
        start=place.start,
        end=place.end,
        name=name,
        country_code=code,
        sector=sector,
        kind=PLACE_KIND,
        country_basis="stated",
    )
