"""Throughput and memory of dateline against plain spaCy on real news reports (`make bench`).

Each measurement runs in a fresh process, so peak RSS is its own:

  spacy     plain `nlp.pipe` over the texts, same model, default components, one process
  dateline  the full pipeline over the same texts, one process (the path a `dateline run` worker takes)
  run       `dateline run`'s engine end to end: all cores, DuckDB writes included
  long      a long `dateline run` cycling the corpus: RSS of the parent and each worker at the
            1,000th report and at the end (each cycle's texts made unique, else they are skipped)
  profile   cProfile of the full pipeline, top lines

Prints figures and ratios; asserts nothing. The machine's load average is printed beside them:
on a shared machine the absolute figures move, the ratios much less.

    python bench/bench.py [--reports 2000] [--long 10000] [--workers N] [--only spacy,dateline,...]
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import json
import os
import pstats
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402

PHASES = ("spacy", "dateline", "run", "long", "profile")


def documents(n: int) -> list:
    """`n` reports, cycling the corpus; after the first cycle each text gets a unique last line."""
    base = corpus.load()
    out = []
    for i in range(n):
        document = base[i % len(base)]
        cycle = i // len(base)
        if cycle:
            from dataclasses import replace

            document = replace(document, id=f"{document.id}#{cycle}", text=f"{document.text}\n\n(Ref {cycle}.)")
        out.append(document)
    return out


def peak_rss_mib(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


def status_mib(pid: int, field: str) -> float | None:
    """VmRSS (now) or VmHWM (peak) of a process, from /proc."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        with contextlib.suppress(OSError):
            found += [int(c) for c in (task / "children").read_text().split()]
    return found


def phase_spacy(n: int, args: argparse.Namespace) -> dict:
    import spacy

    from dateline import nlp as loader

    texts = [d.text for d in documents(n)]
    nlp = spacy.load(loader.MODEL)  # the model as shipped: none of dateline's own components
    started = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=32))
    seconds = time.perf_counter() - started
    return {"reports": n, "tokens": tokens, "seconds": seconds, "peak_rss_mib": peak_rss_mib(),
            "pipes": list(nlp.pipe_names)}


def phase_dateline(n: int, args: argparse.Namespace) -> dict:
    from dateline.engines.local import code_batch, settle
    from dateline.ingest.sources import Located
    from dateline.model import Reject
    from dateline.pipeline import Pipeline

    items = [Located(d, "bench") for d in documents(n)]
    started = time.perf_counter()
    pipeline = Pipeline()
    settle()  # as a `dateline run` worker does once its pipeline is built
    loaded = time.perf_counter() - started
    started = time.perf_counter()
    rejects = []
    fallbacks = 0  # batches in which a stage raised: coded again report by report, at a cost
    for i in range(0, len(items), 32):
        failed = [r for r in code_batch(pipeline, items[i:i + 32], args.timeout) if isinstance(r, Reject)]
        rejects += failed
        fallbacks += bool(failed)
    seconds = time.perf_counter() - started
    return {"reports": n, "seconds": seconds, "load_seconds": loaded, "peak_rss_mib": peak_rss_mib(),
            "rejects": len(rejects), "batches_coded_again": fallbacks,
            "reject_reasons": sorted({r.reason.split(": ", 1)[-1][:80] for r in rejects})[:5]}


def phase_run(n: int, args: argparse.Namespace, milestones: tuple[int, ...] = ()) -> dict:
    from dateline import store
    from dateline.engines import local
    from dateline.ingest.sources import Located

    items = [Located(d, "bench") for d in documents(n)]
    samples: list[dict] = []
    seen = 0

    def progress(k: int, stats: local.RunStats) -> None:
        nonlocal seen
        before, seen = seen, seen + k
        for mark in milestones:
            if before < mark <= seen:
                workers = children(os.getpid())
                # RssAnon beside VmRSS: file-backed pages (the mapped gazetteer index) count in VmRSS
                # as they are touched, and are shared and reclaimable; anonymous memory is what leaks
                sample = {"report": mark, "parent_rss_mib": status_mib(os.getpid(), "VmRSS"),
                          "parent_anon_mib": status_mib(os.getpid(), "RssAnon"),
                          "workers_rss_mib": [status_mib(p, "VmRSS") for p in workers],
                          "workers_anon_mib": [status_mib(p, "RssAnon") for p in workers],
                          "parent_peak_mib": status_mib(os.getpid(), "VmHWM"),
                          "workers_peak_mib": [status_mib(p, "VmHWM") for p in workers],
                          "elapsed": time.perf_counter() - started}
                samples.append(sample)
                print(json.dumps({"milestone": sample}), file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory() as folder:
        con = store.connect(Path(folder) / "bench.duckdb")
        started = time.perf_counter()
        stats = local.run(iter(items), con, workers=args.workers, progress=progress, timeout=args.timeout)
        con.close()
    return {"reports": n, "seconds": stats.seconds, "stored": stats.stored, "rejects": stats.rejected,
            "workers": args.workers or local.default_workers(), "peak_rss_mib": peak_rss_mib(),
            "peak_worker_rss_mib": peak_rss_mib(resource.RUSAGE_CHILDREN), "samples": samples}


def phase_long(n: int, args: argparse.Namespace) -> dict:
    marks = tuple(m for m in (1_000, 2_000, 3_000, 5_000, 10_000, 20_000) if m < n) + (n,)
    return phase_run(n, args, milestones=marks)


def phase_profile(n: int, args: argparse.Namespace) -> dict:
    from dateline.engines.local import code_batch
    from dateline.ingest.sources import Located
    from dateline.pipeline import Pipeline

    items = [Located(d, "bench") for d in documents(n)]
    pipeline = Pipeline()
    profiler = cProfile.Profile()
    profiler.enable()
    for i in range(0, len(items), 32):  # as a worker codes: a stage that raises costs a second pass
        code_batch(pipeline, items[i:i + 32], args.timeout)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative").print_stats(r"dateline|spacy/language|thinc", 30)
    stats.sort_stats("tottime").print_stats(15)
    return {"reports": n, "profile": out.getvalue()}


def run_phase(name: str, n: int, args: argparse.Namespace) -> dict:
    """One phase in a fresh interpreter, so its peak RSS is its own."""
    command = [sys.executable, __file__, "--phase", name, "--reports", str(n), "--timeout", str(args.timeout)]
    if args.workers:
        command += ["--workers", str(args.workers)]
    load = os.getloadavg()[0]
    done = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=False)
    if done.returncode != 0:
        return {"error": f"phase {name} failed with exit code {done.returncode}"}
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["load_avg"] = [round(load, 1), round(os.getloadavg()[0], 1)]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=2000, help="reports for the throughput phases")
    parser.add_argument("--long", type=int, default=10_000, help="reports in the long run")
    parser.add_argument("--profile-reports", type=int, default=300)
    parser.add_argument("--workers", type=int, default=None, help="worker processes of the run phases")
    parser.add_argument("--timeout", type=float, default=60.0, help="most seconds per report (as dateline run)")
    parser.add_argument("--only", default=",".join(PHASES), help="phases to run, comma-separated")
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        phase = globals()[f"phase_{args.phase}"]
        print(json.dumps(phase(args.reports, args)))
        return

    only = args.only.split(",")
    print(f"corpus: {len(corpus.load())} reports from {corpus.DATA} (LGL, TR-News, PolNeAR, TempEval-3, CoNLL-2003); "
          f"{os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f}", flush=True)
    results: dict[str, dict] = {}
    for name in ("spacy", "dateline", "run"):
        if name in only:
            results[name] = run_phase(name, args.reports, args)
            print(f"{name}: {json.dumps(results[name])}", flush=True)
    tokens = results.get("spacy", {}).get("tokens")
    print("\n| | reports | reports/s | tokens/s | peak RSS MiB |\n|---|---|---|---|---|")
    for name, label in (("spacy", "plain spaCy nlp.pipe (1 process)"), ("dateline", "dateline pipeline (1 process)"),
                        ("run", "dateline run (all workers, DuckDB)")):
        r = results.get(name)
        if not r or "seconds" not in r:
            continue
        rss = f"{r['peak_rss_mib']:.0f}" + (f" + workers {r['peak_worker_rss_mib']:.0f} each" if name == "run" else "")
        tps = f"{tokens / r['seconds']:,.0f}" if tokens else "-"
        print(f"| {label} | {r['reports']} | {r['reports'] / r['seconds']:.2f} | {tps} | {rss} |")
    if "seconds" in results.get("spacy", {}) and "seconds" in results.get("dateline", {}):
        ratio = results["spacy"]["seconds"] / results["dateline"]["seconds"]
        print(f"\ndateline / plain spaCy throughput, one process: {ratio:.2f} (target >= 0.8)")
    if "long" in only:
        r = run_phase("long", args.long, args)
        print(f"\nlong run: {json.dumps(r)}")
        samples = r.get("samples", [])
        if len(samples) >= 2:
            first, last = samples[0], samples[-1]
            for key, label in (("parent_rss_mib", "parent RSS"), ("parent_anon_mib", "parent anonymous"),
                               ("parent_peak_mib", "parent peak RSS")):
                a, b = first[key], last[key]
                print(f"{label} at report {first['report']}: {a:.0f} MiB, at {last['report']}: {b:.0f} MiB "
                      f"({(b - a) / a:+.1%})")
            for key, label in (("workers_rss_mib", "RSS"), ("workers_anon_mib", "anonymous"),
                               ("workers_peak_mib", "peak RSS")):
                for i, (a, b) in enumerate(zip(first[key], last[key], strict=False)):
                    if a and b and a > 50:  # the resource tracker is a child too
                        print(f"worker {i} {label} at report {first['report']}: {a:.0f} MiB, at "
                              f"{last['report']}: {b:.0f} MiB ({(b - a) / a:+.1%})")

            def whole(sample: dict) -> float:
                return sample["parent_peak_mib"] + sum(p for p in sample["workers_peak_mib"] if p and p > 50)

            a, b = whole(first), whole(last)
            print(f"whole run (parent + workers) peak RSS at report {first['report']}: {a:.0f} MiB, at "
                  f"{last['report']}: {b:.0f} MiB ({(b - a) / a:+.1%}; target within 10%)")
    if "profile" in only:
        r = run_phase("profile", args.profile_reports, args)
        print(f"\nprofile of the full pipeline over {args.profile_reports} reports:\n{r.get('profile', r)}")


if __name__ == "__main__":
    main()
