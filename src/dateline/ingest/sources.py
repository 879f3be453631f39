"""Walks the SOURCE arguments of `dateline run`: files, directories (recursive) and stdin (`-`).

Each report comes out as a `Located` document (the document and where it was read from, so a
report that later fails can be named in `rejects`), each bad input as a `Reject`: one unreadable
file never stops the walk. The format follows the file name (`.txt`, `.html`/`.htm`, `.jsonl`,
`.warc`/`.warc.gz`); a file named explicitly with another extension, and stdin, are sniffed.

Ids are stable across runs: a text or HTML file named on the command line is known by its stem
(as in `dateline extract`), a file found in a directory by its path below that directory without
extension (`2023/03/strike`), a JSONL record by its own `id`, a WARC record by its WARC-Record-ID.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from dateline.errors import InputError
from dateline.ingest import decode, read_jsonl_stream
from dateline.model import Document, Reject

log = logging.getLogger(__name__)

STDIN = "-"

#: File name endings and the reader each selects; the longest ending that matches wins.
FORMATS = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".warc": "warc", ".warc.gz": "warc", ".arc": "warc", ".arc.gz": "warc",
}


@dataclass(frozen=True, slots=True)
class Located:
    """A document and where it came from: a file (or `-`) and, inside a JSONL feed, its line."""

    document: Document
    source: str
    line: int | None = None


def check_sources(sources: Iterable[str]) -> list[str]:
    """The SOURCE arguments, each checked to exist, before a run starts (a typo fails at once)."""
    checked = list(sources)
    if not checked:
        raise InputError("no SOURCE given: name files, directories, or - for stdin")
    for source in checked:
        if source != STDIN and not os.path.exists(source):
            raise InputError(f"{source}: no such file or directory")
    if checked.count(STDIN) > 1:
        raise InputError("stdin (-) can be read only once")
    return checked


def format_of(path: Path) -> str | None:
    """The reader a file name selects, or None when its extension names no known format."""
    name = path.name.lower()
    for ending in sorted(FORMATS, key=len, reverse=True):
        if name.endswith(ending):
            return FORMATS[ending]
    return None


def sniff(head: bytes) -> str:
    """The format of a stream from its first bytes: WARC, HTML, JSONL or else plain text."""
    if head.startswith(b"\x1f\x8b") or head.startswith(b"WARC/"):
        return "warc"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    lowered = start[:1024].lower()
    if start.startswith(b"<") and (b"<html" in lowered or b"<!doctype" in lowered or b"<head" in lowered):
        return "html"
    if start.startswith(b"{"):
        return "jsonl"
    return "text"


def _strip(message: str, source: str) -> str:
    """An error message without the leading source name, which the reject row already holds."""
    for prefix in (f"{source}: ", f"{source}:"):
        if message.startswith(prefix):
            return message[len(prefix):]
    return message


def read_stream(stream: IO[bytes], source: str, kind: str, doc_id: str) -> Iterator[Located | Reject]:
    """The reports in one open binary stream of a known format."""
    if kind == "jsonl":
        counted = _Counted(stream)
        try:
            for item in read_jsonl_stream(counted, source):
                yield item if isinstance(item, Reject) else Located(item, source, counted.number)
        except InputError as e:
            yield Reject(source, None, _strip(str(e), source))
        except OSError as e:
            yield Reject(source, counted.number or None, f"cannot read further ({e.strerror or e})")
        return
    if kind == "warc":
        from dateline.ingest.warc import read_warc

        for item in read_warc(stream, source):
            yield item if isinstance(item, Reject) else Located(item, source)
        return
    try:
        data = stream.read()
        if kind == "html":
            from dateline.ingest.html import document_from_html

            document = document_from_html(data, source, doc_id)
        else:
            document = Document(id=doc_id, text=decode(data, source))
    except InputError as e:
        yield Reject(source, None, _strip(str(e), source))
        return
    except OSError as e:
        yield Reject(source, None, f"cannot read ({e.strerror or e})")
        return
    yield Located(document, source)


class _Counted:
    """Lines of a stream, counted: read lazily, the count is the line of the record just yielded."""

    def __init__(self, lines: Iterable[bytes]) -> None:
        self.lines = lines
        self.number = 0

    def __iter__(self) -> Iterator[bytes]:
        for raw in self.lines:
            self.number += 1
            yield raw


def read_path(path: Path, doc_id: str, kind: str | None = None) -> Iterator[Located | Reject]:
    """The reports in one file; a file that cannot be opened is a `Reject`, not an error."""
    source = str(path)
    try:
        handle = path.open("rb")
    except OSError as e:
        yield Reject(source, None, f"cannot read ({e.strerror})")
        return
    with handle:
        if kind is None:
            kind = sniff(handle.peek(4096)[:4096])
        yield from read_stream(handle, source, kind, doc_id)


def walk(directory: Path) -> Iterator[Path]:
    """Files of known formats below `directory`, in a stable (sorted) order; hidden entries skipped."""
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root) / name
            if not name.startswith(".") and format_of(path) is not None:
                yield path


def _without_ending(name: str) -> str:
    """A file name or relative path without the format ending (`a/b.warc.gz` -> `a/b`)."""
    lowered = name.lower()
    ending = next((e for e in sorted(FORMATS, key=len, reverse=True) if lowered.endswith(e)), "")
    return (name[: len(name) - len(ending)] if ending else os.path.splitext(name)[0]) or name


def read_sources(sources: Iterable[str]) -> Iterator[Located | Reject]:
    """Every report in the SOURCE arguments, in argument order and sorted within directories."""
    for source in sources:
        if source == STDIN:
            stdin = sys.stdin.buffer
            head = stdin.peek(4096)[:4096] if hasattr(stdin, "peek") else b""
            yield from read_stream(stdin, "<stdin>", sniff(head), "stdin")
            continue
        path = Path(source)
        if path.is_dir():
            for file in walk(path):
                yield from read_path(file, _without_ending(file.relative_to(path).as_posix()), format_of(file))
        else:
            yield from read_path(path, _without_ending(path.name), format_of(path))


def count_reports(sources: Iterable[str]) -> int | None:
    """How many items `read_sources` will yield, for the progress bar's ETA; None when unknown.

    Cheap: files are counted, JSONL lines counted without parsing. A WARC archive or stdin makes
    the total unknown (counting WARC records means reading the whole archive).
    """
    total = 0
    for source in sources:
        if source == STDIN:
            return None
        path = Path(source)
        files = list(walk(path)) if path.is_dir() else [path]
        for file in files:
            kind = format_of(file)
            if kind == "warc":
                return None
            if kind != "jsonl":
                total += 1
                continue
            try:
                with file.open("rb") as handle:
                    total += max(1, sum(1 for line in handle if line.strip()))
            except OSError:
                total += 1
    return total
