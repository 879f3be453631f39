"""Actors stage: find mentions of people, organizations and groups and resolve them.

`ActorRegistry.load()` reads the shipped resource once per process (CAMEO/Phoenix dictionaries
converted by `python -m dateline.actors.build`, plus the project's supplement); `find_actors`
resolves every mention of a document against it.

Places standing for actors. Event coders (the CAMEO manual, PETRARCH, PLOVER) code a place an act
is aimed at, or imposed on when nobody else is named, as that country's actor: "troops shelled
Gaza" targets Palestinians, "a curfew in Abidjan" Ivorians, "suspended air links with Serbia"
Serbia's government. dateline/1 has no separate field for this: such a target is an ordinary
actor mention over the place's own span, with `kind` "place" (so it is never mistaken for an
actor the text names), `country_code` the place's country in ISO-3, and `sector` "government"
for a country the act reaches or is aimed at, "civilian" for where an act happens or a town or
region (its people). The events stage makes one
(`metonymy.place_actor`) only for an event that names no target of its own, never for the
setting of an act done to people it names ("detained several suspects in Gaza") nor for where
parties meet ("talks in Havana"); a visit's destination is its target. Countries and capitals
used as actors in their own right ("Moscow said") stay `kind` "country", found here.

Every actor says how its country is known (`country_basis`): "stated" by its own words, name or
a known actor's role, or "context" when inferred from the report around it (the dateline's
country for "police", the one country of the sentence, where the act happened).
"""

from __future__ import annotations

from dateline.actors.find import find_actors
from dateline.actors.registry import ActorRegistry

__all__ = ["ActorRegistry", "find_actors"]
