"""The command line: thin commands over library functions; the only module that prints.

Every `DatelineError` becomes one line on stderr and the exit code it carries; `--debug` shows the
traceback instead.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from dateline.errors import DatelineError, InputError

if TYPE_CHECKING:
    import duckdb

    from dateline.export import EventFilter

log = logging.getLogger("dateline")


def cmd_extract(args: argparse.Namespace) -> int:
    """Code one report (a text file) or a JSONL feed, printing dateline/1 JSON.

    Example: dateline extract report.txt --published 2023-03-21 --outlet CNN
    """
    from dateline import ingest
    from dateline.output import to_json
    from dateline.pipeline import Pipeline

    path = Path(args.path)
    if path.suffix.lower() != ".jsonl":
        document = ingest.read_text(path, args.published, args.outlet)
        print(to_json(Pipeline().run(document), indent=args.indent))
        return 0
    if args.published or args.outlet:
        raise InputError("--published and --outlet apply to a single text report; JSONL lines carry their own")
    return _extract_jsonl(path)


def _extract_jsonl(path: Path) -> int:
    """Stream a JSONL feed: one JSON line per good report, in order; bad lines named on stderr."""
    from tqdm import tqdm

    from dateline import ingest
    from dateline.model import Document, Reject
    from dateline.output import to_json
    from dateline.pipeline import Pipeline

    rejects = 0

    def documents() -> Iterator[Document]:
        nonlocal rejects
        for item in ingest.read_jsonl(path):
            if isinstance(item, Reject):
                rejects += 1
                print(f"dateline: {item.source}:{item.line}: {item.reason} (line skipped)", file=sys.stderr)
            else:
                yield item

    pipeline = Pipeline()
    for report in tqdm(pipeline.pipe(documents()), unit=" reports", disable=None, file=sys.stderr):
        print(to_json(report))
    return 1 if rejects else 0


def cmd_build_gazetteer(args: argparse.Namespace) -> int:
    """Build the local place index from the installed GeoNames packages (cached; --force rebuilds).

    With the full GeoNames dump (https://download.geonames.org/export/dump/), its places and
    alternate names join the packages': give allCountries.zip (or cities500.zip, cities1000.zip, a
    country's XX.zip) and alternateNamesV2.zip, read from the zip without unpacking. The files are
    remembered: the index is rebuilt when one of them changes, until --packages-only.

    Example: dateline build-gazetteer
    Example: dateline build-gazetteer --geonames allCountries.zip --alternate-names alternateNamesV2.zip
    """
    from dateline.places import build_gazetteer

    path = build_gazetteer(
        force=args.force,
        geonames=args.geonames or (),
        alternate_names=args.alternate_names,
        packages_only=args.packages_only,
    )
    print(f"gazetteer ready: {path}")
    return 0


def cmd_geocode(args: argparse.Namespace) -> int:
    """Resolve given place spans: JSONL lines {"id", "text", "spans": [[start, end], ...]} in, one line
    {"id", "places": [{"start", "end", "name", "geonameid", "lat", "lon", "country_code",
    "feature_code"}]} out for exactly those spans (how published geoparsers are compared).

    Example: dateline geocode toponyms.jsonl > resolved.jsonl
    """
    from dateline.evaluate.geo import geocode_file

    if args.output:
        try:
            with open(args.output, "w", encoding="utf-8") as out:
                count = geocode_file(args.path, out)
        except OSError as e:
            raise InputError(f"{args.output}: cannot write ({e.strerror})") from None
    else:
        count = geocode_file(args.path, sys.stdout)
    print(f"{count} documents geocoded" + (f" to {args.output}" if args.output else ""), file=sys.stderr)
    return 0


def cmd_evaluate_geo(args: argparse.Namespace) -> int:
    """Score place resolution on LGL or TR-News: accuracy within 161 km, exact GeoNames id, country,
    median and mean error; end to end (without --gold-spans) also detection precision, recall, F1.
    LGL's --split heldout is the articles at positions 0, 5, 10, ... (the ranker never trains on them).

    Example: dateline evaluate geo --corpus lgl ../shared/data/lgl --gold-spans --split heldout
    """
    import json

    from dateline.evaluate.geo import evaluate_geo

    result = evaluate_geo(args.corpus, args.path, gold_spans=args.gold_spans, split=args.split, limit=args.limit)
    if args.json:
        print(json.dumps(result))
        return 0
    print(f"{result['corpus']} ({result['split']}, {result['documents']} documents), {result['mode']}:")
    if "f1" in result:
        print(f"  detection   precision {result['precision']:.3f}  recall {result['recall']:.3f}  "
              f"F1 {result['f1']:.3f}  ({result['predicted']} predicted, {result['gold']} gold)")
    print(f"  resolution  acc@161km {100 * result['acc@161']:.1f}  exact id {100 * result['exact_id']:.1f}  "
          f"country {100 * result['country']:.1f}  median {result['median_km']:.1f} km  "
          f"mean {result['mean_km']:.0f} km  ({result['toponyms']} toponyms, {result['unresolved']} unresolved)")
    return 0


def cmd_evaluate_time(args: argparse.Namespace) -> int:
    """Score temporal expressions the TempEval-3 way: strict and relaxed span precision, recall and F1,
    value accuracy and F1, type accuracy, against the document creation times as publication dates.

    --split heldout is the documents at positions 5, 10, 15, ... in name order (the rules were
    written while reading the others).

    Example: dateline evaluate time --corpus timeml ../shared/data/tempeval3/Training
    """
    import json

    from dateline.evaluate.timeml import evaluate_timeml

    r = evaluate_timeml(args.path, split=args.split)
    if args.json:
        print(json.dumps(r))
        return 0
    print(f"timeml ({r['documents']} documents, {r['gold']} gold expressions, {r['system']} found):")
    for mode in ("strict", "relaxed"):
        p, rec, f1 = (r[f"{mode}_{k}"] for k in ("precision", "recall", "f1"))
        print(f"  {mode:7s} span  P {p:.1f}  R {rec:.1f}  F1 {f1:.1f}")
    print(f"  value   accuracy {r['value_accuracy']:.1f}  F1 {r['value_f1']:.1f}")
    print(f"  type    accuracy {r['type_accuracy']:.1f}  F1 {r['type_f1']:.1f}")
    return 0


def cmd_evaluate_events(args: argparse.Namespace) -> int:
    """Score event coding: PLOVER type and actor-country accuracy on PLOVER GSR (the main event of
    each sentence), source/target span F1 on ConfliBERT CAMEO, trigger F1 on WikiEvents dev.
    PLOVER GSR's --split heldout is the records at positions 0, 5, 10, ... (no learned part trains on them).

    Example: dateline evaluate events --corpus plover-gsr ../shared/data/plover-gsr --split heldout
    """
    import json

    from dateline.evaluate.events import evaluate_events

    result = evaluate_events(args.corpus, args.path, split=args.split, limit=args.limit)
    if args.json:
        print(json.dumps(result))
        return 0
    if result["corpus"] == "plover-gsr":
        print(f"plover-gsr ({result['split']}, {result['sentences']} sentences):")
        print(f"  type accuracy {100 * result['type_accuracy']:.1f}  (strict labels "
              f"{100 * result['type_accuracy_strict']:.1f}; no event {100 * result['no_event']:.1f})")
        print(f"  actor country accuracy {100 * result['actor_country_accuracy']:.1f}  "
              f"(coverage {100 * result['actor_coverage']:.1f}, {result['actor_roles']} roles)")
    elif result["corpus"] == "conflibert":
        print(f"conflibert ({result['sentences']} sentences): span F1")
        for mode in ("exact", "partial"):
            r = result[mode]
            print(f"  {mode:7s} micro {100 * r['micro']['f1']:.1f}  source {100 * r['source']['f1']:.1f}  "
                  f"target {100 * r['target']['f1']:.1f}")
    else:
        t, y = result["triggers"], result["typed"]
        print(f"wikievents ({result['documents']} documents):")
        print(f"  triggers  P {100 * t['precision']:.1f}  R {100 * t['recall']:.1f}  F1 {100 * t['f1']:.1f}")
        print(f"  typed     P {100 * y['precision']:.1f}  R {100 * y['recall']:.1f}  F1 {100 * y['f1']:.1f}"
              f"  ({y['gold']} gold mentions with a PLOVER counterpart)")
    return 0


def cmd_evaluate_attribution(args: argparse.Namespace) -> int:
    """Score attribution spans (source, cue, content) on PolNeAR: precision, recall and F1 with exact
    offsets (edge punctuation ignored) and with any overlap, each role scored on its own.

    Example: dateline evaluate attribution --corpus polnear ../shared/data/polnear --split dev
    """
    import json

    from dateline.evaluate.polnear import evaluate_polnear

    result = evaluate_polnear(args.path, splits=(args.split,), limit=args.limit)
    if args.json:
        print(json.dumps(result))
        return 0
    print(f"polnear ({args.split}, {result['articles']} articles): span P / R / F1")
    for role in ("source", "cue", "content"):
        r = result[role]
        cells = "   ".join(f"{mode} {r[mode]['precision']:.1f} / {r[mode]['recall']:.1f} / {r[mode]['f1']:.1f}"
                           for mode in ("exact", "overlap"))
        print(f"  {role:8s}{cells}  ({r['predicted']} predicted, {r['gold']} gold)")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    """Code the sample reports shipped with dateline, store them in DuckDB and print their events.

    Example: dateline demo --db demo.duckdb
    """
    from dateline import ingest, store
    from dateline.pipeline import Pipeline

    documents = [ingest.read_example(folder) for folder in ingest.sample_folders()]
    con = store.connect(args.db)
    added = sum(store.write_report(con, report) for report in Pipeline().pipe(documents))
    columns, rows = store.events_table(con)
    print(f"{len(documents)} sample reports coded, {added} new in {args.db}\n")
    print(format_table(columns, rows))
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    """Code a corpus into a DuckDB store on all cores: text, HTML, JSONL and WARC files, directories
    (recursive) or - for stdin. A re-run adds nothing already stored; a killed run, re-run, resumes.
    Reports that cannot be coded are kept, with the reason, in the store's rejects table.

    Example: dateline run news/ feed.jsonl crawl.warc.gz --db events.duckdb --workers 2
    """
    from tqdm import tqdm

    from dateline import store
    from dateline.engines import local
    from dateline.ingest.sources import check_sources, count_reports, read_sources

    sources = check_sources(args.sources)
    if args.workers is not None and args.workers < 0:
        raise InputError(f"--workers must be 0 (in this process) or more, got {args.workers}")
    con = store.connect(args.db)
    bar = tqdm(total=count_reports(sources), unit=" reports", file=sys.stderr, disable=None, smoothing=0.05)

    def progress(n: int, stats: local.RunStats) -> None:
        bar.set_postfix(stored=stats.stored, rejects=stats.rejected, refresh=False)
        bar.update(n)

    try:
        stats = local.run(read_sources(sources), con, workers=args.workers, batch_size=args.batch_size,
                          progress=progress, timeout=args.timeout or None)
    except KeyboardInterrupt:
        bar.close()
        print(f"dateline: interrupted; what was coded is stored in {args.db}: run the same command to resume",
              file=sys.stderr)
        return 130
    finally:
        bar.close()
        con.close()
    rate = (stats.stored + stats.rejected) / stats.seconds if stats.seconds else 0.0
    print(f"{stats.stored} reports stored, {stats.skipped} already stored, {stats.rejected} rejected "
          f"(see the rejects table) in {args.db}; {stats.seconds:.1f} s, {rate:.1f} reports/s")
    return 0


def _open_store(path: str) -> duckdb.DuckDBPyConnection:
    from dateline import store

    if not Path(path).is_file():
        raise InputError(f"{path}: no such store; create it with `dateline run SOURCE... --db {path}`")
    return store.connect(path)


def _event_filter(args: argparse.Namespace) -> EventFilter:
    import datetime as dt

    from dateline import export

    dates = {}
    for name in ("since", "until"):
        value = getattr(args, name)
        try:
            dates[name] = dt.date.fromisoformat(value) if value else None
        except ValueError:
            raise InputError(f"--{name} must be a date like 2023-03-21, got {value!r}") from None
    return export.EventFilter(
        since=dates["since"], until=dates["until"], types=tuple(args.type or ()),
        country=export.parse_country(args.country) if args.country else None,
        bbox=export.parse_bbox(args.bbox) if args.bbox else None,
    )


#: The columns `dateline events` shows as a table (all of them go to json and csv).
TABLE_COLUMNS = ("date", "event_type", "sub_event_type", "plover_type", "actor1", "actor2", "place",
                 "country_code", "fatalities", "doc_id")


def cmd_events(args: argparse.Namespace) -> int:
    """List the stored events that match every filter given, oldest first.

    Example: dateline events --db events.duckdb --since 2023-03-01 --country UA --type "Air/drone strike"
    """
    from dateline import export

    where = _event_filter(args)
    con = _open_store(args.db)
    if args.format == "json":
        export.write_events_json(con, sys.stdout, where)
    elif args.format == "csv":
        export.write_acled_csv(con, sys.stdout, where)
    else:
        rows = [tuple(e[c] for c in TABLE_COLUMNS) for e in export.iter_events(con, where)]
        print(format_table(TABLE_COLUMNS, rows))
        print(f"\n{len(rows)} events")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Export a store: jsonl (the dateline/1 object of each document), csv (ACLED's columns),
    geojson (a FeatureCollection of event points) or parquet (one row per event; needs -o).

    Example: dateline export --db events.duckdb --format geojson -o events.geojson
    """
    from dateline import export

    where = _event_filter(args)
    if args.format == "parquet" and not args.output:
        raise InputError("--format parquet writes a binary file: name it with -o FILE")
    if args.format == "jsonl" and where != export.EventFilter():
        raise InputError("--format jsonl exports whole documents; the event filters apply to csv, geojson, parquet")
    con = _open_store(args.db)
    if args.format == "parquet":
        count = export.write_parquet(con, args.output, where)
    else:
        writers = {"jsonl": lambda out: export.write_jsonl(con, out),
                   "csv": lambda out: export.write_acled_csv(con, out, where),
                   "geojson": lambda out: export.write_geojson(con, out, where)}
        if args.output:
            try:
                with open(args.output, "w", encoding="utf-8", newline="") as out:
                    count = writers[args.format](out)
            except OSError as e:
                raise InputError(f"{args.output}: cannot write ({e.strerror})") from None
        else:
            count = writers[args.format](sys.stdout)
    unit = "documents" if args.format == "jsonl" else "events"
    print(f"{count} {unit} exported" + (f" to {args.output}" if args.output else ""), file=sys.stderr)
    return 0


def _add_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", required=True, help="the DuckDB store written by `dateline run`")
    p.add_argument("--since", help="events on or after this date, YYYY-MM-DD")
    p.add_argument("--until", help="events on or before this date, YYYY-MM-DD")
    p.add_argument("--type", action="append", metavar="TYPE",
                   help="an ACLED event or sub-event type, or a PLOVER type (repeat for several)")
    p.add_argument("--country", help="country of the event's place: ISO code (UA, UKR) or name")
    p.add_argument("--bbox", help="min_lon,min_lat,max_lon,max_lat")


def format_table(columns: Sequence[str], rows: Sequence[Sequence[object]], width: int = 22) -> str:
    """A plain-text table, each cell cut to `width` characters."""
    def cell(value: object) -> str:
        text = "" if value is None else str(value)
        return text if len(text) <= width else text[: width - 1] + "…"

    cells = [[cell(c) for c in columns]] + [[cell(v) for v in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(columns))]
    lines = ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dateline", description="Structured, evidence-traced event data from news reports."
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks and debug logs")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = commands.add_parser("extract", help="code one report or a JSONL feed", description=cmd_extract.__doc__,
                            formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("path", help="a UTF-8 text report, or a .jsonl file of {id, text, published, outlet, url, title}")
    p.add_argument("--published", help="publication date of a text report, YYYY-MM-DD")
    p.add_argument("--outlet", help="the outlet that published a text report")
    p.add_argument("--indent", type=int, default=None, help="pretty-print the JSON of a text report")
    p.set_defaults(func=cmd_extract)

    p = commands.add_parser("build-gazetteer", help="build the local place index",
                            description=cmd_build_gazetteer.__doc__,
                            formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--force", action="store_true", help="rebuild even when the cached index is current")
    p.add_argument("--geonames", action="append", metavar="FILE.zip",
                   help="a GeoNames dump file: allCountries.zip, cities500.zip, cities1000.zip, XX.zip (repeatable)")
    p.add_argument("--alternate-names", metavar="FILE.zip", help="GeoNames alternateNamesV2.zip")
    p.add_argument("--packages-only", action="store_true", help="forget dump files given before: packages alone")
    p.set_defaults(func=cmd_build_gazetteer)

    p = commands.add_parser("geocode", help="resolve given place spans (JSONL in, JSONL out)",
                            description=cmd_geocode.__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("path", help='a .jsonl file of {"id", "text", "spans": [[start, end], ...]}')
    p.add_argument("-o", "--output", help="file to write (default: stdout)")
    p.set_defaults(func=cmd_geocode)

    p = commands.add_parser("evaluate", help="score a stage on a gold corpus",
                            description="Score a stage on a gold corpus (see ../shared/data/README.md).")
    evaluate = p.add_subparsers(dest="evaluate_command", required=True, metavar="TASK")
    p = evaluate.add_parser("geo", help="place resolution on LGL or TR-News", description=cmd_evaluate_geo.__doc__,
                            formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("path", help="the corpus XML file or its folder (../shared/data/lgl, ../shared/data/tr-news)")
    p.add_argument("--corpus", choices=("lgl", "tr-news"), required=True)
    p.add_argument("--gold-spans", action="store_true", help="resolve the gold toponyms only (no detection)")
    p.add_argument("--split", choices=("heldout", "train", "all"), default=None,
                   help="LGL held-out (position %% 5 == 0) or training split (default: all documents)")
    p.add_argument("--limit", type=int, default=None, help="score the first N documents only")
    p.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    p.set_defaults(func=cmd_evaluate_geo)
    p = evaluate.add_parser("time", help="temporal expressions on a TimeML corpus (TempEval-3)",
                            description=cmd_evaluate_time.__doc__,
                            formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("path", help="a folder of .tml files (../shared/data/tempeval3/Training)")
    p.add_argument("--corpus", choices=("timeml",), default="timeml")
    p.add_argument("--split", choices=("heldout", "train", "all"), default=None,
                   help="held-out documents (every fifth) or the rest (default: all documents)")
    p.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    p.set_defaults(func=cmd_evaluate_time)
    p = evaluate.add_parser("events", help="event coding on PLOVER GSR, ConfliBERT CAMEO or WikiEvents",
                            description=cmd_evaluate_events.__doc__,
                            formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("path", help="the corpus folder (../shared/data/plover-gsr, conflibert-cameo, wikievents)")
    p.add_argument("--corpus", choices=("plover-gsr", "conflibert", "wikievents"), required=True)
    p.add_argument("--split", choices=("heldout", "train", "all"), default=None,
                   help="PLOVER GSR held-out (position %% 5 == 0) or training split (default: all)")
    p.add_argument("--limit", type=int, default=None, help="score the first N sentences/documents only")
    p.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    p.set_defaults(func=cmd_evaluate_events)
    p = evaluate.add_parser("attribution", help="attribution spans (source, cue, content) on PolNeAR",
                            description=cmd_evaluate_attribution.__doc__,
                            formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("path", help="the corpus folder (../shared/data/polnear) or one split folder")
    p.add_argument("--corpus", choices=("polnear",), required=True)
    p.add_argument("--split", choices=("dev", "train"), default="dev", help="the split to score (default: dev)")
    p.add_argument("--limit", type=int, default=None, help="score the first N articles only")
    p.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    p.set_defaults(func=cmd_evaluate_attribution)

    p = commands.add_parser("demo", help="code the shipped sample reports into DuckDB and show the events",
                            description=cmd_demo.__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--db", default="demo.duckdb", help="DuckDB file to write (default: demo.duckdb)")
    p.set_defaults(func=cmd_demo)

    p = commands.add_parser("run", help="code a corpus into DuckDB on all cores (resumable)",
                            description=cmd_run.__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("sources", nargs="+", metavar="SOURCE",
                   help="a .txt/.html/.jsonl/.warc(.gz) file, a directory (recursive), or - for stdin")
    p.add_argument("--db", required=True, help="DuckDB file to write (created if absent)")
    p.add_argument("--workers", type=int, default=None, help="worker processes (default: one per core)")
    p.add_argument("--timeout", type=float, default=60.0,
                   help="most seconds one report may take before it is rejected (default 60; 0: no limit)")
    p.add_argument("--batch-size", type=int, default=16, help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_run)

    p = commands.add_parser("events", help="list stored events, filtered", description=cmd_events.__doc__,
                            formatter_class=argparse.RawDescriptionHelpFormatter)
    _add_filters(p)
    p.add_argument("--format", choices=("table", "json", "csv"), default="table",
                   help="table (default), json (one object per line) or csv (ACLED columns)")
    p.set_defaults(func=cmd_events)

    p = commands.add_parser("export", help="export a store as jsonl, csv, geojson or parquet",
                            description=cmd_export.__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    _add_filters(p)
    p.add_argument("--format", choices=("jsonl", "csv", "geojson", "parquet"), required=True)
    p.add_argument("-o", "--output", help="file to write (default: stdout)")
    p.set_defaults(func=cmd_export)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.WARNING,
                        format="dateline: %(levelname)s: %(message)s")
    try:
        return int(args.func(args))
    except DatelineError as e:
        if args.debug:
            raise
        print(f"dateline: error: {e}", file=sys.stderr)
        return e.exit_code
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("dateline: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
