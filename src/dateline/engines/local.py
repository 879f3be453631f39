"""Codes a corpus on all local cores: worker processes code, the parent alone writes the store.

    sources -> parent: hash, skip stored -> workers: Pipeline.pipe -> parent: write_batch -> DuckDB

Each worker process builds one `Pipeline` when it starts and codes batches of documents; the
parent reads the sources, skips every text whose content hash is already stored (before any
coding), and writes each batch of results in one transaction. A kill at any moment leaves whole
batches stored and nothing partial, so a re-run resumes where the last commit ended.

A report that cannot be coded becomes a `Reject` and the run goes on: bad input at read time, a
text over `MAX_CHARS`, an exception in a stage, or a worker process that dies on it.
"""

from __future__ import annotations

import concurrent.futures as cf
import functools
import gc
import logging
import multiprocessing
import os
import signal
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Protocol

import duckdb

from dateline import store
from dateline.errors import DatelineError, ResourceError, StoreError
from dateline.ingest.sources import Located
from dateline.model import Document, Reject, Report

log = logging.getLogger(__name__)

#: Longest text coded, in characters: spaCy's default `max_length`. Longer inputs are not news
#: reports (a book, a dump of a site) and would need gigabytes of parser memory.
MAX_CHARS = 1_000_000

#: Most seconds one report may take. Reports run well under a second (a long one a few); a
#: report still running after a minute has a stage stuck in a loop, and is rejected so the run
#: goes on.
DEFAULT_TIMEOUT = 60.0


class Coder(Protocol):
    """What an engine needs of a pipeline: reports for documents, in order."""

    def pipe(self, documents: Iterable[Document]) -> Iterator[Report]: ...


@dataclass(slots=True)
class RunStats:
    """Counts of one run; `seen` is every item read from the sources."""

    seen: int = 0
    stored: int = 0
    skipped: int = 0  # already stored, or a repeat of a text earlier in this run
    rejected: int = 0
    seconds: float = 0.0


# -- worker side -----------------------------------------------------------------------------
# One pipeline per worker process, built by the pool's initializer: process-wide state by design,
# since rebuilding it per batch would cost seconds each time.
_coder: Coder | None = None
_init_error: DatelineError | None = None


def settle() -> None:
    """Take what is loaded so far out of the garbage collector's reach.

    A coder's resources (the gazetteer index, the actor registry, the spaCy model: a quarter of a
    million objects) live as long as the process, but every full collection walks them again while
    the stages allocate millions of short-lived objects; frozen, they cost nothing. Called once the
    coder is built, in a process that does nothing but code (`gc.freeze`).
    """
    gc.collect()
    gc.freeze()


def _init_worker(factory: Callable[[], Coder], parent: int) -> None:
    global _coder, _init_error
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    try:
        _coder = factory()
        settle()
    except DatelineError as e:
        _init_error = e
    except Exception as e:  # noqa: BLE001 - any failure to build is reported to the parent, which stops
        _init_error = ResourceError(f"cannot build the pipeline in a worker process: {type(e).__name__}: {e}")


def _watch_parent(parent: int) -> None:
    """End this worker when the parent is gone (killed with -9, it cannot tell its workers)."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def _code_in_worker(batch: list[Located], timeout: float | None) -> list[Report | Reject]:
    if _init_error is not None:
        raise _init_error
    assert _coder is not None
    return code_batch(_coder, batch, timeout)


class ReportTimeout(Exception):
    """Coding one report took longer than the time limit (a stage stuck in a loop)."""


def _alarm(signum: int, frame: object) -> None:
    raise ReportTimeout()


def _within(seconds: float | None, call: Callable[[], list[Report]]) -> list[Report]:
    """`call()`, interrupted by `ReportTimeout` after `seconds` (a real-time timer, POSIX only).

    Only the main thread of a process receives signals; elsewhere the call runs without a limit.
    """
    if not seconds or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        return call()
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return call()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _code(coder: Coder, batch: list[Located]) -> list[Report]:
    reports = list(coder.pipe([item.document for item in batch]))
    if [r.document.id for r in reports] != [item.document.id for item in batch]:
        raise RuntimeError(f"the pipeline returned {len(reports)} reports for {len(batch)} documents")
    return reports


def code_batch(coder: Coder, batch: list[Located], timeout: float | None = None) -> list[Report | Reject]:
    """Reports for a batch; when a stage raises, each report is coded alone to find the culprit.

    `timeout` limits the seconds one report may take; a batch gets as long in all, since reports
    normally take well under a second: a batch that overruns it is coded again report by report,
    and a report that alone overruns it becomes a reject (a stage in an endless loop must not hang
    a run).
    """
    try:
        return list(_within(timeout, functools.partial(_code, coder, batch)))
    except (ResourceError, StoreError):
        raise  # a missing model or data file is no fault of the report: every report would fail, stop
    except Exception:  # noqa: BLE001 - a bug in one stage must not sink the batch or the run
        log.debug("a batch of %d failed; coding its reports one by one", len(batch))
    results: list[Report | Reject] = []
    for item in batch:
        try:
            results.extend(_within(timeout, functools.partial(_code, coder, [item])))
        except (ResourceError, StoreError):
            raise
        except ReportTimeout:
            results.append(Reject(item.source, item.line,
                                  f"report {item.document.id!r}: coding took longer than {timeout:g} s; skipped"))
        except Exception as e:  # noqa: BLE001 - recorded as a reject row with the stage that raised
            results.append(Reject(item.source, item.line, f"report {item.document.id!r}: {_describe(e)}"))
    return results


def _describe(error: Exception) -> str:
    """The exception and the innermost dateline frame it came from, for the reject's reason."""
    frames = [f for f in traceback.extract_tb(error.__traceback__) if "dateline" in f.filename]
    where = ""
    if frames:
        frame = frames[-1]
        module = frame.filename.rsplit("dateline", 1)[-1].strip("/").removesuffix(".py").replace("/", ".")
        where = f" in dateline.{module}:{frame.lineno} ({frame.name})"
    return f"{type(error).__name__}{where}: {error}"


# -- parent side -----------------------------------------------------------------------------
def default_coder() -> Coder:
    """The full pipeline; imported here, so the parent of a pooled run never loads spaCy at all."""
    from dateline.pipeline import Pipeline

    return Pipeline()


def default_workers() -> int:
    """One worker per core this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def run(
    items: Iterable[Located | Reject],
    con: duckdb.DuckDBPyConnection,
    *,
    workers: int | None = None,
    batch_size: int = 16,
    coder_factory: Callable[[], Coder] | None = None,
    progress: Callable[[int, RunStats], None] | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> RunStats:
    """Code every item not yet stored and write the results; see the module docstring.

    `workers=0` codes in this process (for debugging and tests). `coder_factory` must be a
    module-level callable (it is sent to the worker processes); by default, `Pipeline`.
    `progress(n, stats)` is called each time `n` more items have been read and dealt with.
    `timeout` is the most seconds one report may take (None: no limit).
    """
    coder_factory = coder_factory or default_coder
    workers = default_workers() if workers is None else workers
    runner = _Runner(con, batch_size, progress, timeout)
    started = time.perf_counter()
    with store.bulk_writes(con):
        if workers <= 0:
            runner.run_inline(items, coder_factory)
        else:
            runner.run_pool(items, coder_factory, workers)
    runner.stats.seconds = time.perf_counter() - started
    return runner.stats


class _Runner:
    """The parent's state during one run: what is stored, what is in flight, the counts."""

    def __init__(self, con: duckdb.DuckDBPyConnection, batch_size: int,
                 progress: Callable[[int, RunStats], None] | None, timeout: float | None) -> None:
        self.con = con
        self.timeout = timeout
        self.batch_size = batch_size
        self.progress = progress
        self.stats = RunStats()
        self.stored = store.Stored.read(con)  # what the store holds: this process alone writes it
        self.known = set(self.stored.hashes)  # every text stored or queued: never coded twice
        self.rejects: list[Reject] = []  # rejects found while reading, written with the next batch

    def batches(self, items: Iterable[Located | Reject]) -> Iterator[list[Located]]:
        """Batches of items still to code; stored texts, repeats and rejects are dealt with here."""
        batch: list[Located] = []
        for item in items:
            if isinstance(item, Reject):
                self.rejects.append(item)
                continue
            digest = store.content_hash(item.document.text)
            if digest in self.known:
                self.stats.seen += 1
                self.stats.skipped += 1
                self._advance(1)
                continue
            self.known.add(digest)
            if len(item.document.text) > MAX_CHARS:
                self.rejects.append(Reject(item.source, item.line, (
                    f"report {item.document.id!r} is too long to code ({len(item.document.text):,} "
                    f"characters; the limit is {MAX_CHARS:,}): split it into reports")))
                continue
            batch.append(item)
            if len(batch) >= self.batch_size:
                yield batch
                batch = []
            if len(self.rejects) >= 256:
                self.write([], [])
        if batch:
            yield batch

    def write(self, batch: list[Located], results: list[Report | Reject]) -> None:
        """Store one batch's results with the rejects met so far, in one transaction."""
        reports = [r for r in results if isinstance(r, Report)]
        failed = [r for r in results if isinstance(r, Reject)]
        # one result per item, in order (`code_batch` keeps to that): each report's origin is its item's
        origins = [Reject(item.source, item.line, "") for item, result in zip(batch, results, strict=True)
                   if isinstance(result, Report)]
        rejects = [*self.rejects, *failed]
        self.rejects = []
        stored, refused = store.write_batch(self.con, reports, rejects, origins, self.stored)
        store.release_pages(self.con)
        log.debug("committed a batch: %d reports stored, %d rejects", stored, len(rejects) + len(refused))
        read_rejects = len(rejects) - len(failed)
        self.stats.seen += len(batch) + read_rejects
        self.stats.stored += stored
        self.stats.skipped += len(reports) - stored - len(refused)
        self.stats.rejected += len(rejects) + len(refused)
        self._advance(len(batch) + read_rejects)

    def _advance(self, n: int) -> None:
        if self.progress is not None and n:
            self.progress(n, self.stats)

    def run_inline(self, items: Iterable[Located | Reject], factory: Callable[[], Coder]) -> None:
        coder: Coder | None = None  # built on the first report to code: a re-run may have none
        for batch in self.batches(items):
            if coder is None:
                coder = factory()
                settle()
            self.write(batch, code_batch(coder, batch, self.timeout))
        self.write([], [])

    def run_pool(self, items: Iterable[Located | Reject], factory: Callable[[], Coder], workers: int) -> None:
        # spawn, not fork: the parent holds a DuckDB connection and threads, which fork would copy
        # in whatever state they are in.
        context = multiprocessing.get_context("spawn")
        pool = self._pool(context, factory, workers)
        pending: dict[cf.Future[list[Report | Reject]], list[Located]] = {}
        # Bounded in-flight work: the sources are read only as fast as the workers code, so a
        # corpus of any size streams through in constant memory.
        limit = 2 * workers
        try:
            for batch in self.batches(items):
                try:
                    future = pool.submit(_code_in_worker, batch, self.timeout)
                except BrokenProcessPool as e:
                    # the pool broke since the last collect: the batch joins the ones in flight,
                    # which `_collect` codes again one report at a time
                    future = cf.Future()
                    future.set_exception(e)
                pending[future] = batch
                while len(pending) >= limit:
                    pool = self._collect(pending, pool, context, factory, workers)
            while pending:
                pool = self._collect(pending, pool, context, factory, workers)
            self.write([], [])
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    @staticmethod
    def _pool(context: multiprocessing.context.BaseContext, factory: Callable[[], Coder],
              workers: int) -> cf.ProcessPoolExecutor:
        return cf.ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker,
                                      initargs=(factory, os.getpid()))

    def _collect(self, pending: dict[cf.Future[list[Report | Reject]], list[Located]],
                 pool: cf.ProcessPoolExecutor, context: multiprocessing.context.BaseContext,
                 factory: Callable[[], Coder], workers: int) -> cf.ProcessPoolExecutor:
        """Write the batches that are done; after a worker died, find the report that killed it."""
        done, _ = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
        retry: list[Located] = []
        broken = False
        for future in done:
            batch = pending.pop(future)
            try:
                results = future.result()
            except BrokenProcessPool:
                broken = True
                retry.extend(batch)
                continue
            except DatelineError:
                raise  # a worker could not build its pipeline: nothing can be coded, stop
            except Exception as e:  # noqa: BLE001 - e.g. a result that cannot be sent back
                log.warning("a batch failed outside the pipeline (%s); coding it report by report", e)
                retry.extend(batch)
                continue
            self.write(batch, results)
        if broken:
            # Every batch in flight fails with the pool; all of them are coded again, one report at
            # a time, so only a report that kills a worker again becomes a reject.
            for future in list(pending):
                retry.extend(pending.pop(future))
            pool.shutdown(wait=False, cancel_futures=True)
            log.warning("a worker process died; coding the %d reports in flight one by one", len(retry))
        if retry:
            self._code_alone(retry, context, factory)
        return self._pool(context, factory, workers) if broken else pool

    def _code_alone(self, items: list[Located], context: multiprocessing.context.BaseContext,
                    factory: Callable[[], Coder]) -> None:
        """Code reports one at a time in a pool of one; a report that breaks it is rejected."""
        single: cf.ProcessPoolExecutor | None = None
        for item in items:
            if single is None:
                single = self._pool(context, factory, 1)
            try:
                results = single.submit(_code_in_worker, [item], self.timeout).result()
            except BrokenProcessPool:
                results = [Reject(item.source, item.line,
                                  f"report {item.document.id!r}: the worker process died while coding it")]
                single.shutdown(wait=False, cancel_futures=True)
                single = None
            except DatelineError:
                raise
            except Exception as e:  # noqa: BLE001 - recorded as the report's reject
                results = [Reject(item.source, item.line, f"report {item.document.id!r}: {_describe(e)}")]
            self.write([item], results)
        if single is not None:
            single.shutdown(wait=True)
