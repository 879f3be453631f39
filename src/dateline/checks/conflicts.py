"""Sources that give incompatible accounts of one event: one asserts or confirms it, another denies it.

"Ukraine's military said it shot down the drones" and "Russia denied any drone attack" cannot both
be right; a reader weighing the report should see the two side by side. The claims stage has
already linked each claim to its events and given it a stance, so the check only compares stances
per event (`claims.summary.ROLES`):
- *affirming* stances (asserts, confirms, shows, accuses, alleges, claims_responsibility) against
  *denying* ones (denies, denies_responsibility) from a different source conflict;
- `cannot_confirm` and `no_responsibility_claim` do not: not knowing is not contradicting;
- a source never conflicts with itself (it is the same source revising, or quoting an accusation to
  deny it); sources are the same when they resolve to one actor or have the same text;
- events that are themselves statements (an accusation, a denial: their trigger is a claim's cue)
  are not compared: the dispute is about what they are about.
An accusation and a denial also conflict without a shared event when the denial follows closely and
comes from the accused: "The state government accused the RSF of launching the drone. An RSF
spokesman denied the group was involved."
"""

from __future__ import annotations

from dateline.model import Claim, Flag, Report

#: Stances that say an event happened (or that the source did it), and those that say it did not.
AFFIRMING = frozenset({"asserts", "confirms", "shows", "accuses", "alleges", "claims_responsibility"})
DENYING = frozenset({"denies", "denies_responsibility"})
_VERB = {
    "confirms": "confirms",
    "claims_responsibility": "claims responsibility for",
    "shows": "shows",
    "accuses": "makes an accusation about",
    "alleges": "alleges",
}


def _who(claim: Claim) -> str:
    return claim.source.text if claim.source else "an unnamed source"


def _same_source(a: Claim, b: Claim) -> bool:
    if a.source is None or b.source is None:
        return a.source is b.source
    if a.source.actor_id and a.source.actor_id == b.source.actor_id:
        return True
    return a.source.text.lower() == b.source.text.lower()


#: How far (characters) after an accusation a denial may come to answer it: about two sentences.
ANSWER_REACH = 400


def _extent(claim: Claim) -> tuple[int, int]:
    """The claim from its cue to the end of its content: the words a reader should compare."""
    ends = [claim.cue.start, claim.cue.end] + ([claim.content.start, claim.content.end] if claim.content else [])
    return min(ends), max(ends)


def _names_accused(accusation: Claim, denial: Claim) -> bool:
    """Does the denier's source name someone the accusation's content names ("An RSF spokesman")?"""
    if accusation.content is None or denial.source is None:
        return False
    accused = {w.strip("()’'s,.").lower() for w in accusation.content.text.split()}
    words = [w.strip("()’'s,.") for w in denial.source.text.split()]
    return any(len(w) >= 2 and w[0].isupper() and w.lower() in accused for w in words)


def _answered_accusations(report: Report) -> list[Flag]:
    flags = []
    for a in report.claims:
        if a.stance != "accuses":
            continue
        for d in report.claims:
            if (
                d.stance in DENYING
                and 0 <= d.cue.start - a.cue.end <= ANSWER_REACH
                and not _same_source(a, d)
                and _names_accused(a, d)
            ):
                flags.append(
                    Flag(
                        kind="conflicting_claims",
                        message=f"{_who(a)} makes an accusation that {_who(d)} denies.",
                        spans=(_extent(a), _extent(d)),
                    )
                )
                break
    return flags


def conflict_flags(report: Report) -> list[Flag]:
    """One flag per event that one source affirms and another denies, and one per accusation that
    the accused denies, each naming both claims' spans."""
    cues = [(c.cue.start, c.cue.end) for c in report.claims]
    text_of = {
        e.id: e.trigger.text
        for e in report.events
        if not any(a < e.trigger.end and e.trigger.start < b for a, b in cues)  # a statement event
    }
    flags = []
    for event_id, trigger in text_of.items():
        about = [c for c in report.claims if event_id in c.event_ids]
        pairs = [
            (yes, no)
            for yes in about
            if yes.stance in AFFIRMING
            for no in about
            if no.stance in DENYING and not _same_source(yes, no)
        ]
        if not pairs:
            continue
        yes, no = pairs[0]
        verb = _VERB.get(yes.stance, "reports")
        spans = sorted({_extent(c) for pair in pairs for c in pair})
        flags.append(
            Flag(
                kind="conflicting_claims",
                message=(f"Sources disagree about the {trigger}: {_who(yes)} {verb} it, but {_who(no)} denies it."),
                spans=tuple(spans),
            )
        )
    covered = [set(f.spans) for f in flags]
    flags += [f for f in _answered_accusations(report) if not any(set(f.spans) <= c for c in covered)]
    return flags
