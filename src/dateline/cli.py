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

from dateline.errors import DatelineError, InputError

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

    Example: dateline build-gazetteer
    """
    from dateline.places import build_gazetteer

    path = build_gazetteer(force=args.force)
    print(f"gazetteer ready: {path}")
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


def format_table(columns: Sequence[str], rows: Sequence[Sequence[object]], width: int = 24) -> str:
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
    parser = argparse.ArgumentParser(prog="dateline", description=__doc__.splitlines()[0] if __doc__ else None)
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
    p.set_defaults(func=cmd_build_gazetteer)

    p = commands.add_parser("demo", help="code the shipped sample reports into DuckDB and show the events",
                            description=cmd_demo.__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--db", default="demo.duckdb", help="DuckDB file to write (default: demo.duckdb)")
    p.set_defaults(func=cmd_demo)
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
