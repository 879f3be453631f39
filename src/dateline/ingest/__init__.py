"""Readers that turn files into `Document` records, and say precisely what is wrong with bad input.

A single report is a plain-text file; a feed is JSONL, one
`{"id", "text", "published", "outlet", "url", "title"}` object per line (all but `id` and `text`
may be null). A bad JSONL line becomes a `Reject` naming the line; the other lines are still read.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from dateline.errors import InputError
from dateline.model import Document, Reject

#: Bytes that never occur in a text report; their presence means binary data.
_BINARY_MARKERS = (b"\x00",)


def parse_date(value: Any, where: str) -> dt.date | None:
    """An ISO date (`2023-03-21`, or the date part of a timestamp) or None; anything else is an error."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(f"{where}: 'published' must be a date like 2023-03-21, got {value!r}")
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise InputError(f"{where}: 'published' must be a date like 2023-03-21, got {value!r}") from None


def decode(data: bytes, where: str) -> str:
    """Report text from raw bytes: UTF-8 (a BOM is dropped), not empty, not binary."""
    if any(marker in data for marker in _BINARY_MARKERS):
        raise InputError(f"{where}: binary data, not a text report (found a NUL byte)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise InputError(f"{where}:{line}: not valid UTF-8 (byte {e.start}); convert the file to UTF-8") from None
    if not text.strip():
        raise InputError(f"{where}: empty report, nothing to code")
    return text


def read_text(path: Path, published: str | None = None, outlet: str | None = None) -> Document:
    """One report from a plain-text file; its id is the file name without extension."""
    where = str(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(f"{where}: cannot read ({e.strerror})") from None
    return Document(
        id=path.stem, text=decode(data, where), published=parse_date(published, "--published"), outlet=outlet
    )


def document_from_record(record: Any, where: str) -> Document:
    """A `Document` from one decoded JSONL object, checked field by field."""
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{where}: 'text' must be a non-empty string")
    if "\x00" in text:
        raise InputError(f"{where}: 'text' holds binary data (a NUL character)")
    doc_id = record.get("id")
    if not isinstance(doc_id, (str, int)) or isinstance(doc_id, bool) or str(doc_id) == "":
        raise InputError(f"{where}: 'id' must be a non-empty string or number")
    for key in ("outlet", "url", "title"):
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise InputError(f"{where}: {key!r} must be a string or null")
    return Document(
        id=str(doc_id), text=text, published=parse_date(record.get("published"), where),
        outlet=record.get("outlet"), url=record.get("url"), title=record.get("title"),
    )


def read_jsonl(path: Path) -> Iterator[Document | Reject]:
    """Documents from a JSONL file, in order; each bad line is yielded as a `Reject`, not raised."""
    try:
        handle = path.open("rb")
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror})") from None
    with handle:
        yield from read_jsonl_stream(handle, str(path))


def read_jsonl_stream(lines: Iterable[bytes], source: str) -> Iterator[Document | Reject]:
    """Documents from the raw lines of a JSONL feed (a file or stdin) named `source` in messages."""
    seen_any = False
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        seen_any = True
        where = f"{source}:{number}"
        try:
            line = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            yield Reject(source, number, "not valid UTF-8")
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            yield Reject(source, number, f"malformed JSON ({e.msg} at column {e.colno})")
            continue
        try:
            yield document_from_record(record, where)
        except InputError as e:
            yield Reject(source, number, str(e).removeprefix(where + ": "))
    if not seen_any:
        raise InputError(f"{source}: empty file, no reports to code")


def read_example(folder: Path) -> Document:
    """A report stored as an annotated example: `article.txt` beside `meta.json` (published, outlet)."""
    meta_path = folder / "meta.json"
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise InputError(f"{meta_path}: cannot read the example's metadata ({e})") from None
    document = read_text(folder / "article.txt", meta.get("published"), meta.get("outlet"))
    return Document(
        id=folder.name, text=document.text, published=document.published, outlet=document.outlet,
        language=meta.get("language") or "en",
    )


def sample_folders() -> list[Path]:
    """The sample reports shipped with the package, in name order."""
    from importlib import resources

    root = Path(str(resources.files("dateline").joinpath("samples")))
    return sorted(p for p in root.iterdir() if (p / "article.txt").is_file())
