"""Actors stage: find mentions of people, organizations and groups and resolve them.

`ActorRegistry.load()` reads the shipped resource once per process (CAMEO/Phoenix dictionaries
converted by `python -m dateline.actors.build`, plus the project's supplement); `find_actors`
resolves every mention of a document against it.
"""

from __future__ import annotations

from dateline.actors.find import find_actors
from dateline.actors.registry import ActorRegistry

__all__ = ["ActorRegistry", "find_actors"]
