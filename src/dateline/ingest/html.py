"""HTML pages to `Document`s: the article's main text and its metadata, via trafilatura.

trafilatura strips navigation, footers and comments and reads the title, publication date, site
name and canonical URL from the page's metadata (`<meta>`, JSON-LD, `<time>`). It is imported on
first use, so `import dateline` does not need it.
"""

from __future__ import annotations

import logging
from typing import Any

from dateline.errors import InputError
from dateline.ingest import parse_date
from dateline.model import Document

log = logging.getLogger(__name__)

#: Date search limited to the page's metadata and URL. htmldate's "extensive search" also guesses
#: from any date-like string in the body; a wrong publication date silently shifts every relative
#: time ("on Monday") in the report, while a missing one leaves them honestly unanchored.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def _extract(data: bytes, url: str | None) -> Any:
    import trafilatura

    return trafilatura.bare_extraction(
        data, url=url, with_metadata=True, include_comments=False, include_tables=False,
        date_extraction_params=_DATE_PARAMS,
    )


def document_from_html(data: bytes, where: str, doc_id: str, url: str | None = None) -> Document:
    """A `Document` from the raw bytes of one HTML page; the page's own encoding is detected."""
    if b"\x00" in data[:65536]:
        raise InputError(f"{where}: binary data, not an HTML page (found a NUL byte)")
    if not data.strip():
        raise InputError(f"{where}: empty page, nothing to code")
    try:
        result = _extract(data, url)
    except Exception as e:  # noqa: BLE001 - a third-party parser on untrusted bytes: any failure is bad input
        raise InputError(f"{where}: the page cannot be parsed as HTML ({type(e).__name__}: {e})") from None
    text = (getattr(result, "text", None) or "").strip()
    if not text:
        raise InputError(f"{where}: no article text found in the page (not an article, or malformed HTML)")
    published = None
    if result.date:
        try:
            published = parse_date(result.date, where)
        except InputError:
            # a page's own date we cannot read is a missing date, not a reason to drop the report
            log.debug("%s: ignoring unreadable page date %r", where, result.date)
    return Document(
        id=doc_id, text=text, published=published, outlet=result.sitename or result.hostname or None,
        url=result.url or url, title=result.title or None,
    )
