"""HTML pages: the article's text and metadata come out; pages without an article are named."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.errors import InputError
from dateline.ingest.html import document_from_html

PAGE = b"""<!DOCTYPE html><html><head><title>Strike hits depot - The Courier</title>
<meta property="og:site_name" content="The Courier">
<meta property="og:url" content="https://courier.example/2024/05/02/strike">
<meta property="article:published_time" content="2024-05-02T08:00:00Z">
</head><body><nav>Home | World | Sport | Subscribe</nav>
<article><h1>Strike hits depot</h1>
<p>A drone strike hit a fuel depot near Kherson late on Wednesday, the regional governor said.</p>
<p>Two workers were injured and a fire burned for several hours, according to emergency services.</p>
</article><footer>All rights reserved. Cookie settings.</footer></body></html>"""


def test_article_text_and_metadata():
    document = document_from_html(PAGE, "page.html", "p1")
    assert document.id == "p1"
    assert document.title == "Strike hits depot"
    assert document.outlet == "The Courier"
    assert document.url == "https://courier.example/2024/05/02/strike"
    assert document.published == dt.date(2024, 5, 2)
    assert "fuel depot near Kherson" in document.text and "Two workers were injured" in document.text
    assert "Subscribe" not in document.text and "Cookie" not in document.text


def test_non_utf8_page_is_decoded_by_its_declared_charset():
    page = PAGE.replace(b"<head>", b'<head><meta charset="iso-8859-1">')
    page = page.replace(b"Kherson", "Kh\xe9rson".encode("latin-1"))
    assert "near Khérson" in document_from_html(page, "page.html", "p1").text


def test_malformed_html_with_text_is_still_read():
    document = document_from_html(b"<html><body><p>Troops shelled Goma on Monday.<div><p>Six died.</b></i", "x", "x")
    assert "Troops shelled Goma" in document.text


@pytest.mark.parametrize(("data", "message"), [
    (b"", "empty page"),
    (b"   \n", "empty page"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "binary data"),
    (b"<html><head><script>var a = 1;</script></head><body><nav></nav></body></html>", "no article text"),
])
def test_pages_without_an_article(data, message):
    with pytest.raises(InputError, match=message):
        document_from_html(data, "bad.html", "bad")
