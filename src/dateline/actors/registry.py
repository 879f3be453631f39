"""The actor registry: canonical actors, country names and agent nouns, loaded once per process.

Built from two files shipped in the package: `data/actors.tsv.gz`, converted from the CAMEO/Phoenix
dictionaries by `python -m dateline.actors.build`, and `data/supplement.tsv`, the project's own
hand-written additions for actors after 2019, which win over the dictionaries.
"""

from __future__ import annotations

import datetime as dt
import gzip
import logging
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources
from typing import IO

from dateline.actors.codes import NON_STATE, Role, pick_role, read_role, split_code
from dateline.actors.names import normalize
from dateline.errors import ResourceError

log = logging.getLogger(__name__)

#: Longest alias we try to match, in words: longer dictionary phrases ("united states house of
#: representatives armed services committee") are rare in text and cost a lookup at every token.
MAX_WORDS = 8


@dataclass(frozen=True, slots=True)
class Canon:
    """A canonical actor (or country, or agent noun) and its roles over time."""

    name: str
    kind: str
    roles: tuple[Role, ...]
    weak: bool = False  # an agent noun that only names an actor with a modifier ("the Russian-installed head")

    def resolve(self, day: dt.date | None, countries: frozenset[str]) -> tuple[str | None, str | None]:
        """(country, sector) of this actor on `day`, from the role that holds then."""
        role = pick_role(self.roles, day)
        if role is None:
            return None, None
        return split_code(role.code, countries)


class ActorRegistry:
    """Canonical actors, built once per process and passed to `find_actors`.

    Lookups are by normalized alias (see `names.normalize`): `actors` for named people and
    organizations, `countries` for country names, demonyms and capitals, `agents` for the nouns
    that name kinds of actors ("authorities", "defense ministry"). `persons_by_initial` groups
    multi-word person aliases by the initial of their last word, so a fuzzy match of a misspelt
    name compares against a few thousand names rather than all of them.
    """

    def __init__(
        self,
        actors: dict[str, Canon],
        countries: dict[str, Canon],
        agents: dict[str, Canon],
        iso3: frozenset[str],
    ) -> None:
        self.actors = actors
        self.countries = countries
        self.agents = agents
        self.iso3 = iso3
        # first word of a name -> the most words a name starting with it has: how far a look-up
        # starting at that word need go
        self.first_words: dict[str, int] = {}
        for d in (actors, countries, agents):
            for k in d:
                words = k.split(" ")
                self.first_words[words[0]] = max(self.first_words.get(words[0], 0), len(words))
        self.persons_by_initial: dict[str, list[str]] = defaultdict(list)
        bearers: dict[str, set[str]] = defaultdict(set)
        first_alias: dict[str, str] = {}
        for alias, canon in actors.items():
            words = alias.split()
            if canon.kind == "person" and len(words) >= 2:
                self.persons_by_initial[words[-1][:1]].append(alias)
                bearers[words[-1]].add(canon.name)
                first_alias.setdefault(words[-1], alias)
        #: Surnames (of at least four letters) that one listed person alone bears -> an alias of theirs.
        self.surnames = {w: first_alias[w] for w, names in bearers.items() if len(names) == 1 and len(w) >= 4}
        self.country_names: dict[str, str] = {}
        for canon in countries.values():
            for role in canon.roles:
                if len(role.code) == 3 and role.code in iso3:
                    self.country_names.setdefault(role.code, canon.name)

    @classmethod
    def load(cls) -> ActorRegistry:
        """Load the shipped resource (about 0.3 s)."""
        data = resources.files("dateline.actors") / "data"
        try:
            with (data / "actors.tsv.gz").open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as f:
                base = _read_rows(f, normalized=True)
            with (data / "supplement.tsv").open("r", encoding="utf-8") as f:
                extra = _read_rows(f)
        except FileNotFoundError as e:
            raise ResourceError(
                f"actor resource missing ({e.filename}): reinstall dateline, or rebuild it with "
                "`python -m dateline.actors.build`"
            ) from e
        iso3 = frozenset(
            r.code
            for rows in (base, extra)
            for _, c in rows["C"]
            for r in c.roles
            if len(r.code) == 3 and r.code not in NON_STATE
        )
        tables: dict[str, dict[str, Canon]] = {"A": {}, "C": {}, "G": {}}
        for rows in (base, extra):  # later rows win: the supplement overrides the dictionaries
            for kind, table in tables.items():
                for aliases, canon in rows[kind]:
                    for alias in aliases:
                        table[alias] = _merge(table.get(alias), canon) if rows is base else canon
        registry = cls(tables["A"], tables["C"], tables["G"], iso3)
        log.info(
            "actor registry: %d actor, %d country, %d agent aliases",
            len(registry.actors),
            len(registry.countries),
            len(registry.agents),
        )
        return registry

    def country_of(self, alias: str, day: dt.date | None = None) -> str | None:
        """ISO-3 code of a country name, demonym or capital (`britain`, `ukrainian`, `moscow`)."""
        canon = self.countries.get(alias)
        if canon is None:
            return None
        return canon.resolve(day, self.iso3)[0]

    def country_name(self, code: str | None) -> str | None:
        return self.country_names.get(code) if code else None


def _merge(old: Canon | None, new: Canon) -> Canon:
    """Two dictionary entries with one alias: keep the first, unless they are the same actor
    listed twice (Xi Jinping appears in two CAMEO sections), whose roles are then pooled."""
    if old is None:
        return new
    if old.name == new.name:
        return Canon(old.name, old.kind or new.kind, old.roles + new.roles, old.weak)
    return old


def _read_rows(f: IO[str], normalized: bool = False) -> dict[str, list[tuple[list[str], Canon]]]:
    """Rows of the resource or the supplement; the built resource is normalized already, which
    halves the load time."""
    rows: dict[str, list[tuple[list[str], Canon]]] = {"A": [], "C": [], "G": []}
    for line in f:
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 4 or cols[0] not in rows:
            continue
        kind_code, name, kind, roles = cols[:4]
        aliases = cols[4].split("|") if len(cols) > 4 and cols[4] else []
        weak = len(cols) > 5 and cols[5].strip() == "weak"
        if normalized:
            keys = aliases
        elif kind_code == "G" and aliases:  # an agent's name is a display name, not a phrase
            keys = [k for k in dict.fromkeys(normalize(a) for a in aliases) if k]
        else:
            keys = [k for k in dict.fromkeys(normalize(a) for a in [name, *aliases] if a) if k]
        canon = Canon(name, kind, tuple(read_role(r) for r in roles.split(";") if r), weak)
        rows[kind_code].append((keys, canon))
    return rows
