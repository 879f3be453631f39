"""Variant spellings of known actors: the actors stage sets `Actor.variant_of` when the text
misspells a known name ("Askyonov" for Aksyonov); a reader searching other sources needs the
canonical spelling, so each variant is flagged once with every span where it occurs."""

from __future__ import annotations

from dateline.model import Flag, Report


def name_variant_flags(report: Report) -> list[Flag]:
    """One flag per canonical name, naming every variant written and all their spans."""
    spans: dict[str, list[tuple[int, int]]] = {}
    written: dict[str, list[str]] = {}
    for actor in report.actors:
        if actor.variant_of and actor.variant_of != actor.text:
            spans.setdefault(actor.variant_of, []).append((actor.start, actor.end))
            forms = written.setdefault(actor.variant_of, [])
            if actor.text not in forms:
                forms.append(actor.text)
    flags = []
    for canonical, where in spans.items():
        listed = " and ".join(f"'{w}'" for w in written[canonical])
        verb = "is a variant spelling" if len(written[canonical]) == 1 else "are variant spellings"
        flags.append(
            Flag(kind="name_variant", message=f"{listed} {verb} of {canonical}.", spans=tuple(sorted(set(where))))
        )
    return flags
