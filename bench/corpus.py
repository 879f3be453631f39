"""A benchmark corpus of real news reports, read at bench time from the shared corpora.

LGL (588 US local news articles), TR-News (118 global news articles), PolNeAR (924 political news
articles), TempEval-3 TimeBank+AQUAINT (256 news documents) and CoNLL-2003 (1,162 Reuters stories):
about 3,000 reports of very different lengths and styles. Nothing is copied into the repository;
the texts are someone else's writing and are read from `../shared/data` every time.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

from dateline.model import Document

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def _date(value: str | None) -> dt.date | None:
    match = re.search(r"(\d{4})-(\d{2})-(\d{2})", value or "")
    if not match:
        return None
    try:
        return dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


def geoparsing_xml(path: Path, prefix: str) -> Iterator[Document]:
    """LGL and TR-News: `<article docid>` with `<text>`, `<dltime>`, `<domain>`, `<url>`, `<title>`."""
    for article in ET.parse(path).getroot().iter("article"):
        text = article.findtext("text") or ""
        if text.strip():
            yield Document(
                id=f"{prefix}/{article.get('docid')}", text=text, published=_date(article.findtext("dltime")),
                outlet=(article.findtext("domain") or "").strip() or None,
                url=(article.findtext("url") or "").strip() or None,
                title=" ".join((article.findtext("title") or "").split()) or None,
            )


def polnear(root: Path) -> Iterator[Document]:
    """PolNeAR train and dev: one text file per article; dates from `metadata.tsv`."""
    with (root / "metadata.tsv").open(encoding="utf-8") as handle:
        meta = {row["filename"]: row for row in csv.DictReader(handle, delimiter="\t")}
    for part in ("train", "dev"):
        for path in sorted((root / part / "text").glob("*.txt")):
            row = meta.get(path.stem, {})
            text = path.read_text(encoding="utf-8")
            if text.strip():
                yield Document(id=f"polnear/{path.stem}", text=text, published=_date(row.get("publication_date")),
                               outlet=row.get("publisher"), title=row.get("title"))


def tempeval(root: Path) -> Iterator[Document]:
    """TempEval-3 TimeML: the `<TEXT>` element without its tags; the DCT as publication date."""
    for path in sorted(root.rglob("*.tml")):
        raw = path.read_text(encoding="utf-8")
        body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
        if not body:
            continue
        text = html.unescape(re.sub(r"<[^>]+>", "", body.group(1))).strip()
        dct = re.search(r'value="([^"]+)"[^>]*functionInDocument="CREATION_TIME"', raw)
        yield Document(id=f"tempeval/{path.stem}", text=text, published=_date(dct.group(1) if dct else None))


_DETOKENIZE = [(re.compile(r" ([.,:;!?%)\]}])"), r"\1"), (re.compile(r"([(\[{$]) "), r"\1"),
               (re.compile(r" (n't|'s|'re|'ve|'ll|'d|'m)\b"), r"\1")]


def _sentence(tokens: list[str]) -> str:
    line = " ".join(tokens)
    for pattern, repl in _DETOKENIZE:
        line = pattern.sub(repl, line)
    return line


def conll(root: Path) -> Iterator[Document]:
    """CoNLL-2003 train and dev: tokens joined back into sentences, one report per `-DOCSTART-`."""
    for part in ("train", "dev"):
        sentences: list[str] = []
        tokens: list[str] = []
        number = 0
        with (root / f"{part}.txt").open(encoding="utf-8") as handle:
            for raw in handle:
                if raw.strip() and not raw.startswith("-DOCSTART-"):
                    tokens.append(raw.split(" ", 1)[0])
                    continue
                if tokens:
                    sentences.append(_sentence(tokens))
                    tokens = []
                if raw.startswith("-DOCSTART-") and sentences:
                    number += 1
                    yield Document(id=f"conll/{part}/{number}", text="\n".join(sentences))
                    sentences = []
        if tokens:
            sentences.append(_sentence(tokens))
        if sentences:
            number += 1
            yield Document(id=f"conll/{part}/{number}", text="\n".join(sentences))


def load() -> list[Document]:
    """Every report of the benchmark corpus, in a fixed order."""
    if not DATA.is_dir():
        raise SystemExit(f"{DATA} is absent: the benchmark reads the shared corpora beside the repository")
    documents = [
        *geoparsing_xml(DATA / "lgl" / "lgl.xml", "lgl"),
        *geoparsing_xml(DATA / "tr-news" / "TR-News.xml", "tr-news"),
        *polnear(DATA / "polnear"),
        *tempeval(DATA / "tempeval3" / "Training"),
        *conll(DATA / "conll2003"),
    ]
    return documents


if __name__ == "__main__":
    docs = load()
    counts: dict[str, int] = {}
    for d in docs:
        counts[d.id.split("/")[0]] = counts.get(d.id.split("/")[0], 0) + 1
    print(len(docs), counts, sum(len(d.text) for d in docs), "characters")
