"""WARC archives: news responses become documents; other records pass; damage is named, not fatal."""

from __future__ import annotations

import io

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dateline.ingest.warc import read_warc
from dateline.model import Document, Reject

PAGE = (b"<html><head><title>Talks resume</title></head><body><article><p>Negotiators met in Doha on "
        b"Friday to resume talks on a ceasefire, officials from both delegations said.</p></article></body></html>")


def archive(gzip: bool = False) -> bytes:
    """A small crawl: a page, its request, an image, a 404, a redirect and a plain-text resource."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip)

    def response(url: str, status: str, kind: str, body: bytes) -> None:
        headers = StatusAndHeaders(status, [("Content-Type", kind)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                      http_headers=headers))

    writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "test"}))
    writer.write_record(writer.create_warc_record("https://news.example/talks", "request",
                                                  payload=io.BytesIO(b"GET /talks HTTP/1.1\r\n\r\n")))
    response("https://news.example/talks", "200 OK", "text/html; charset=utf-8", PAGE)
    response("https://news.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n\x00")
    response("https://news.example/gone", "404 Not Found", "text/html", b"<html><body>Not found</body></html>")
    response("https://news.example/old", "301 Moved Permanently", "text/html", b"")
    writer.write_record(writer.create_warc_record(
        "https://news.example/wire.txt", "resource", payload=io.BytesIO(b"Police arrested two men in Lima."),
        warc_content_type="text/plain"))
    return out.getvalue()


def test_news_records_become_documents():
    for gzip in (False, True):
        items = list(read_warc(io.BytesIO(archive(gzip)), "crawl.warc"))
        assert all(isinstance(i, Document) for i in items)
        page, wire = items
        assert page.url == "https://news.example/talks" and page.title == "Talks resume"
        assert "resume talks on a ceasefire" in page.text
        assert wire.text == "Police arrested two men in Lima." and wire.url == "https://news.example/wire.txt"
        assert page.id != wire.id and len(page.id) == 36  # the WARC-Record-ID's uuid


def test_truncated_archive_keeps_what_came_before():
    data = archive()
    cut = data[: data.index(b"Police arrested") + 5]
    page, reject = read_warc(io.BytesIO(cut), "crawl.warc")
    assert isinstance(page, Document) and "Doha" in page.text
    assert isinstance(reject, Reject) and reject.reason == "truncated WARC: record 7 ends before its declared length"


def test_garbage_between_records_is_named():
    data = archive()
    cut = data.index(b"WARC/1.0", data.index(b"Doha"))
    items = list(read_warc(io.BytesIO(data[:cut] + b"<garbage>\r\n" * 3 + data[cut:]), "crawl.warc"))
    assert isinstance(items[0], Document)
    assert isinstance(items[-1], Reject) and "malformed WARC after 3 records" in items[-1].reason


def test_not_a_warc():
    (item,) = read_warc(io.BytesIO(b"just some text, not an archive\n"), "x.warc")
    assert isinstance(item, Reject) and item.source == "x.warc" and "WARC" in item.reason


def test_an_archive_without_news_says_so():
    out = io.BytesIO()
    WARCWriter(out, gzip=False).write_record(WARCWriter(out).create_warcinfo_record("a.warc", {"x": "y"}))
    (item,) = read_warc(io.BytesIO(out.getvalue()), "a.warc")
    assert isinstance(item, Reject) and "no HTML or text responses" in item.reason
