"""Each event's verification status at a glance: who reports it, confirms it, cannot confirm it,
denies it, claims or disclaims responsibility, built from the claims linked to it.

"claimed by Ukraine's Ministry of Defense; confirmed by the Russian-installed head; location not
confirmed by CNN" is what a fact-checker wants first; the stances of the claims give it directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dateline.model import Claim, Report

#: Stance -> the role its source plays in an event's verification.
ROLES = {
    "asserts": "reported_by",
    "shows": "reported_by",
    "accuses": "reported_by",
    "alleges": "reported_by",
    "confirms": "confirmed_by",
    "cannot_confirm": "not_confirmed_by",
    "declines_to_confirm": "not_confirmed_by",
    "does_not_show": "not_confirmed_by",
    "denies": "denied_by",
    "claims_responsibility": "responsibility_claimed_by",
    "no_responsibility_claim": "responsibility_not_claimed_by",
    "denies_responsibility": "responsibility_denied_by",
}
_PHRASES = {
    "reported_by": "reported by",
    "confirmed_by": "confirmed by",
    "not_confirmed_by": "not confirmed by",
    "denied_by": "denied by",
    "responsibility_claimed_by": "responsibility claimed by",
    "responsibility_not_claimed_by": "responsibility not claimed by",
    "responsibility_denied_by": "responsibility denied by",
}


@dataclass(frozen=True, slots=True)
class Verification:
    """Who stands where on one event; each field holds source texts in order of first mention."""

    event_id: str
    reported_by: tuple[str, ...] = ()
    confirmed_by: tuple[str, ...] = ()
    not_confirmed_by: tuple[str, ...] = ()
    denied_by: tuple[str, ...] = ()
    responsibility_claimed_by: tuple[str, ...] = ()
    responsibility_not_claimed_by: tuple[str, ...] = ()
    responsibility_denied_by: tuple[str, ...] = ()
    #: role -> (claim id, source text) of every claim behind it, in text order (a source may speak twice)
    claims: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """The `verification` object of an event in `dateline/1`: every role with the claims behind
        it (`{"claim_id", "source"}`), and the one-line `summary`."""
        out: dict[str, Any] = {
            role: [{"claim_id": cid, "source": name} for cid, name in self.claims.get(role, ())] for role in _PHRASES
        }
        out["summary"] = self.describe()
        return out

    def describe(self) -> str:
        """One line a reader can take in: "reported by X; confirmed by Y; not confirmed by Z"."""
        parts = [
            f"{phrase} {', '.join(getattr(self, role))}" for role, phrase in _PHRASES.items() if getattr(self, role)
        ]
        return "; ".join(parts) or "no attributed claims"


def _name(claim: Claim) -> str:
    return claim.source.text if claim.source else "an unnamed source"


def verification(report: Report) -> dict[str, Verification]:
    """A `Verification` for every event of the report, from the claims about it."""
    roles: dict[str, dict[str, list[tuple[str, str]]]] = {e.id: {} for e in report.events}
    for claim in report.claims:
        role = ROLES.get(claim.stance)
        if role is None:
            continue
        for event_id in claim.event_ids:
            roles.setdefault(event_id, {}).setdefault(role, []).append((claim.id, _name(claim)))
    return {
        event_id: Verification(
            event_id,
            **{role: tuple(dict.fromkeys(name for _, name in voices)) for role, voices in by_role.items()},
            claims={role: tuple(voices) for role, voices in by_role.items()},
        )
        for event_id, by_role in roles.items()
    }
