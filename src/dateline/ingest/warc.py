"""WARC archives (plain or gzipped) to `Document`s: each archived HTML page or text becomes a report.

Only successful responses (HTTP 2xx) and `resource` records that hold HTML or plain text are news
candidates; requests, metadata, redirects, errors, images and scripts are passed over silently. A
record that holds a page but no article text becomes a `Reject`; an archive that is malformed
part-way keeps the records read before the damage and yields one `Reject` for the rest, since
a WARC stream cannot be resynchronized reliably after a bad record header.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import IO, Any

from dateline.errors import InputError
from dateline.ingest import decode
from dateline.ingest.html import document_from_html
from dateline.model import Document, Reject

log = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _content_type(record: Any) -> str:
    if record.rec_type == "response" and record.http_headers is not None:
        value = record.http_headers.get_header("Content-Type") or ""
    else:
        value = record.rec_headers.get_header("Content-Type") or ""
    return value.split(";")[0].strip().lower()


def _is_success(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return True
    status = record.http_headers.get_statuscode() or ""
    return status.startswith("2")


def read_warc(stream: IO[bytes], source: str) -> Iterator[Document | Reject]:
    """Documents from a WARC stream, in archive order; each bad record a `Reject` naming its offset."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    iterator = ArchiveIterator(stream)
    count = found = 0
    records = iter(iterator)
    while True:
        try:
            record = next(records)
        except StopIteration:
            break
        except (ArchiveLoadFailed, ValueError, OSError, EOFError) as e:
            # ValueError/OSError/EOFError: warcio surfaces truncated gzip members and bad headers as these
            yield Reject(source, None, f"malformed WARC after {count} records, rest of the archive skipped ({e})")
            return
        count += 1
        if record.rec_type not in ("response", "resource") or not _is_success(record):
            continue
        kind = _content_type(record)
        if kind not in _HTML_TYPES and kind != "text/plain":
            continue
        found += 1
        try:
            data = record.content_stream().read()
        except (ArchiveLoadFailed, ValueError, OSError, EOFError) as e:
            yield Reject(source, None, f"malformed WARC record after {count - 1} records, rest skipped ({e})")
            return
        if getattr(record.raw_stream, "limit", 0) > 0:
            # the archive ends before the record's declared Content-Length: a cut-off download
            yield Reject(source, None, f"truncated WARC: record {count} ends before its declared length")
            return
        offset = iterator.get_record_offset()  # known once the record is read: it reads to the record's end
        url = record.rec_headers.get_header("WARC-Target-URI")
        record_id = (record.rec_headers.get_header("WARC-Record-ID") or f"offset-{offset}").strip("<>")
        where = f"{source}: record at byte {offset}" + (f" ({url})" if url else "")
        try:
            if kind == "text/plain":
                yield Document(id=record_id.removeprefix("urn:uuid:"), text=decode(data, where), url=url)
            else:
                yield document_from_html(data, where, record_id.removeprefix("urn:uuid:"), url)
        except InputError as e:
            yield Reject(source, None, str(e).removeprefix(f"{source}: "))
    if count == 0:
        yield Reject(source, None, "not a WARC archive, or an empty one: no records found")
    elif found == 0:
        # said once, so that an archive holding no news at all is not mistaken for a coded one
        yield Reject(source, None, f"no HTML or text responses among its {count} WARC records")
