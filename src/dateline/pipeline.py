"""Builds the stage list and runs it over documents.

    nlp (spaCy) -> places -> times -> actors -> events -> claims -> checks

Each stage is a function of the document's spaCy `Doc` and what earlier stages found; the
resources it needs (the gazetteer, the actor registry) are built once per process in `Resources`
and passed in. The same `Pipeline` runs one report (`dateline extract`) or a stream of them.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from dateline import nlp as nlp_loader
from dateline.actors import ActorRegistry, find_actors
from dateline.checks import find_flags
from dateline.claims import find_claims
from dateline.events import code_events
from dateline.model import Claim, Document, Event, Report
from dateline.places import Gazetteer, find_places
from dateline.times import find_times

log = logging.getLogger(__name__)

#: Most characters of text parsed in one batch (a longer report is parsed alone). The parser's
#: working memory grows with a batch's tokens: one report of 34,000 characters takes 120 MiB more
#: than the pipeline at rest, and batches counted only in reports reached new peaks, hours into a
#: run, whenever several long reports met in one. A dozen reports of average news length fit;
#: measured, a budget of 20,000 to 60,000 characters codes as fast as none.
PARSE_CHARS = 30_000


@dataclass(frozen=True, slots=True)
class Resources:
    """What the stages need, loaded once per process."""

    nlp: Language
    gazetteer: Gazetteer
    actors: ActorRegistry

    @classmethod
    def load(cls) -> Resources:
        return cls(nlp=nlp_loader.load(), gazetteer=Gazetteer.load(), actors=ActorRegistry.load())


def attach_claims(events: Iterable[Event], claims: Iterable[Claim]) -> tuple[Event, ...]:
    """Give each event the ids of the claims that are about it (the inverse of `Claim.event_ids`)."""
    by_event: dict[str, list[str]] = {}
    for claim in claims:
        for event_id in claim.event_ids:
            by_event.setdefault(event_id, []).append(claim.id)
    return tuple(dataclasses.replace(e, claim_ids=tuple(by_event.get(e.id, ()))) for e in events)


class Pipeline:
    """Runs every stage over documents with resources loaded once."""

    def __init__(self, resources: Resources | None = None) -> None:
        self.resources = resources or Resources.load()

    def code(self, document: Document, doc: Doc) -> Report:
        """Run the stages over one document already parsed by spaCy (from `document.text`)."""
        nlp_loader.seed(doc, document.text)
        try:
            return self._stages(document, doc)
        finally:
            nlp_loader.release(doc)

    def _stages(self, document: Document, doc: Doc) -> Report:
        res = self.resources
        report = Report(document=document)
        places = tuple(find_places(doc, res.gazetteer))
        times = tuple(find_times(doc, document.published))
        actors = tuple(find_actors(doc, places, res.actors, document.published))
        report = dataclasses.replace(report, places=places, times=times, actors=actors)
        report = code_events(doc, report)
        claims = tuple(find_claims(doc, report))
        report = dataclasses.replace(report, claims=claims, events=attach_claims(report.events, claims))
        return dataclasses.replace(report, flags=tuple(find_flags(doc, report)))

    def run(self, document: Document) -> Report:
        """Code one document."""
        return self.code(document, self.resources.nlp(document.text))

    def pipe(self, documents: Iterable[Document], batch_size: int = 32) -> Iterator[Report]:
        """Code a stream of documents, in order, with memory kept flat over long streams.

        spaCy's string store grows with every new word it sees; a memory zone per batch frees
        what the batch added once its reports are built. A batch also ends before its texts pass
        `PARSE_CHARS`, so the parser's working memory is bounded by that, not by whichever long
        reports happen to meet in one batch.
        """
        batch: list[Document] = []
        chars = 0
        for document in documents:
            if batch and (len(batch) >= batch_size or chars + len(document.text) > PARSE_CHARS):
                yield from self._code_batch(batch)
                batch, chars = [], 0
            batch.append(document)
            chars += len(document.text)
        if batch:
            yield from self._code_batch(batch)

    def _code_batch(self, batch: list[Document]) -> list[Report]:
        nlp = self.resources.nlp
        with nlp.memory_zone():
            docs = nlp.pipe(d.text for d in batch)
            return [self.code(document, doc) for document, doc in zip(batch, docs, strict=True)]
