"""Fakes for corpus-run tests: a pipeline that codes instantly and misbehaves on cue.

Workers import this module by name (they are spawned, not forked), so it lives at the top of
tests/ and holds only module-level callables.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterable, Iterator

from dateline.model import Document, Event, Place, Report, Span

#: Text cues: a stage raises; the worker process dies; it kills the parent (`kill -9`); it never ends.
RAISE, DIE, KILL_PARENT, LOOP = "RAISE-IN-STAGE", "KILL-WORKER", "KILL-PARENT", "LOOP-FOREVER"
#: A stage finds a resource missing while coding (a lazily loaded file): the run must stop.
MISSING = "RESOURCE-MISSING"


class FakePipeline:
    """Codes each report as one event at one place, found by plain string search."""

    def pipe(self, documents: Iterable[Document]) -> Iterator[Report]:
        for document in documents:
            yield self.code(document)

    def code(self, document: Document) -> Report:
        text = document.text
        if RAISE in text:
            raise ValueError("the fake stage cannot read this")
        if MISSING in text:
            from dateline.errors import ResourceError

            raise ResourceError("the place ranker is missing: reinstall dateline")
        while LOOP in text:
            pass
        if DIE in text:
            os._exit(3)
        if KILL_PARENT in text and os.environ.get("DATELINE_TEST_KILL_PARENT") == "1":
            os.kill(os.getppid(), signal.SIGKILL)
        start = max(text.find("Kyiv"), 0)
        place = Place("p1", text[start:start + 4], start, start + 4, "Kyiv", 703448, 50.45, 30.52, "UA",
                      "Kyiv City", "PPLC", 0.9)
        event = Event("e1", Span(0, 1, text[:1]), Span(0, len(text), text), plover_type="ASSAULT",
                      event_type="Explosions/Remote violence", sub_event_type="Air/drone strike", place_id="p1")
        return Report(document=document, places=(place,), events=(event,))


def make_fake() -> FakePipeline:
    return FakePipeline()


def broken_factory() -> FakePipeline:
    from dateline.errors import ResourceError

    raise ResourceError("the gazetteer is missing: run `dateline build-gazetteer`")
