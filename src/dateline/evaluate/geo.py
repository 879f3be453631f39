"""Score the places stage on geoparsing corpora (LGL, TR-News), the way published geoparsers report.

Both corpora are one XML file of `<article>`s, each with a `<text>` and `<toponyms>`: a toponym has
a `<phrase>`, `<start>`/`<end>` character offsets (end exclusive) and, when the annotators found it
in GeoNames, a `<gaztag geonameid=...>` with `<lat>`, `<lon>`, `<fcode>` and `<country geonameid>`.

Two modes, as in the literature (Gritta et al. 2019, "A pragmatic guide to geoparsing evaluation"):

- *gold spans*: the gold toponyms are given (`geocode_spans`); resolution alone is scored;
- *end to end*: `find_places` finds and resolves; a predicted place matches a gold toponym when
  their spans overlap (one to one, leftmost first). Detection precision/recall/F1 count every
  gold toponym; resolution is scored on the matched gold toponyms that carry coordinates.

Resolution figures: accuracy within 161 km (100 miles, the field's standard), exact GeoNames-id
accuracy, correct-country rate, median and mean error in km. A toponym left unresolved counts as
wrong, with an error of half the Earth's circumference (20,038 km), as Gritta et al. do.

Quirks handled here (see `../shared/data/README.md`):

- TR-News offsets drift up to ten characters left of the phrase in about 9% of toponyms: each
  gold span is re-aligned to the occurrence of the phrase nearest its start;
- LGL's held-out split, kept for measurement only (the ranker is trained on the rest): the
  articles whose 0-based position in `lgl.xml` is a multiple of 5 (118 of 588).
"""

from __future__ import annotations

import json
import logging
import math
import statistics
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from dateline.errors import InputError

log = logging.getLogger(__name__)

CORPORA = ("lgl", "tr-news")
SPLITS = ("heldout", "train")
#: The held-out split: articles whose 0-based position in the corpus file is a multiple of this.
HELDOUT_EVERY = 5
ACCURACY_KM = 161.0
#: The error of an unresolved toponym: half the Earth's circumference.
MISSING_KM = 20038.0
#: How far (characters) a TR-News gold start may lie from its phrase.
DRIFT = 12


@dataclass(frozen=True, slots=True)
class GoldToponym:
    """One gold toponym: span, phrase, and its GeoNames entry when the annotators found one."""

    start: int
    end: int
    phrase: str
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    feature_code: str | None = None
    country_geonameid: int | None = None


@dataclass(frozen=True, slots=True)
class GeoDoc:
    """An annotated article: id, its position in the corpus file, text and gold toponyms."""

    id: str
    index: int
    text: str
    toponyms: tuple[GoldToponym, ...]


def _file(corpus: str, path: str | Path) -> Path:
    p = Path(path)
    if p.is_dir():
        name = "lgl.xml" if corpus == "lgl" else "TR-News.xml"
        p = p / name
    if not p.is_file():
        raise InputError(f"{p}: no such corpus file; give the {corpus} XML file or its folder")
    return p


def _realign(text: str, phrase: str, start: int) -> int:
    """The start of the occurrence of `phrase` nearest `start` (TR-News offsets drift)."""
    if text[start : start + len(phrase)] == phrase:
        return start
    lo = max(0, start - DRIFT)
    best = None
    i = text.find(phrase, lo, start + len(phrase) + DRIFT)
    while i != -1:
        if best is None or abs(i - start) < abs(best - start):
            best = i
        i = text.find(phrase, i + 1, start + len(phrase) + DRIFT)
    return start if best is None else best


def read_corpus(corpus: str, path: str | Path) -> list[GeoDoc]:
    """Read LGL or TR-News into documents with gold toponyms (TR-News spans re-aligned)."""
    if corpus not in CORPORA:
        raise InputError(f"unknown geoparsing corpus {corpus!r}: choose one of {', '.join(CORPORA)}")
    try:
        root = ET.parse(_file(corpus, path)).getroot()
    except ET.ParseError as e:
        raise InputError(f"{path}: not a {corpus} XML file ({e})") from None
    docs = []
    for index, article in enumerate(root.iter("article")):
        text = article.findtext("text") or ""
        toponyms = []
        for t in article.iter("toponym"):
            phrase = (t.findtext("phrase") or "").strip()
            start, end = int(t.findtext("start") or 0), int(t.findtext("end") or 0)
            if phrase and corpus == "tr-news":
                start = _realign(text, phrase, start)
                end = start + len(phrase)
            if not phrase or not 0 <= start < end <= len(text):
                log.debug("%s: skipping toponym %r at %d-%d", article.get("docid"), phrase, start, end)
                continue
            g = t.find("gaztag")
            if g is None or g.findtext("lat") is None:
                toponyms.append(GoldToponym(start, end, phrase))
                continue
            country = g.find("country")
            cid = country.get("geonameid") if country is not None else None
            toponyms.append(
                GoldToponym(
                    start,
                    end,
                    phrase,
                    geonameid=int(g.get("geonameid") or 0) or None,
                    lat=float(g.findtext("lat") or 0),
                    lon=float(g.findtext("lon") or 0),
                    feature_code=g.findtext("fcode"),
                    country_geonameid=int(cid) if cid else None,
                )
            )
        docs.append(GeoDoc(article.get("docid") or str(index), index, text, tuple(sorted(toponyms, key=_span))))
    return docs


def _span(t: GoldToponym) -> tuple[int, int]:
    return t.start, t.end


def split_docs(docs: list[GeoDoc], split: str | None) -> list[GeoDoc]:
    """The held-out split (position % 5 == 0), the training split (the rest), or all (None)."""
    if split is None or split == "all":
        return docs
    if split not in SPLITS:
        raise InputError(f"unknown split {split!r}: choose heldout, train or all")
    held = split == "heldout"
    return [d for d in docs if (d.index % HELDOUT_EVERY == 0) == held]


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True, slots=True)
class Judged:
    """One gold toponym with coordinates and what dateline made of it."""

    doc_id: str
    gold: GoldToponym
    predicted: Any  # a `dateline.model.Place` (None: not detected)
    error_km: float
    same_id: bool
    same_country: bool


def _match(gold: tuple[GoldToponym, ...], predicted: list[Any]) -> list[tuple[GoldToponym, Any]]:
    """Pair gold toponyms with overlapping predicted places, one to one, leftmost first."""
    used: set[int] = set()
    pairs = []
    for g in gold:
        best = None
        for n, p in enumerate(predicted):
            if n in used or p.end <= g.start or g.end <= p.start:
                continue
            overlap = min(p.end, g.end) - max(p.start, g.start)
            if best is None or overlap > best[0]:
                best = (overlap, n)
        if best is not None:
            used.add(best[1])
            pairs.append((g, predicted[best[1]]))
    return pairs


def _judge(doc_id: str, g: GoldToponym, p: Any, country_of: dict[int, str]) -> Judged:
    assert g.lat is not None and g.lon is not None
    err = MISSING_KM if p is None or p.lat is None else km(p.lat, p.lon, g.lat, g.lon)
    gold_cc = country_of.get(g.country_geonameid or 0)
    pred_cc = None if p is None or p.lat is None else p.country_code
    return Judged(
        doc_id=doc_id,
        gold=g,
        predicted=p,
        error_km=err,
        same_id=p is not None and g.geonameid is not None and p.geonameid == g.geonameid,
        same_country=p is not None and p.lat is not None and gold_cc == pred_cc,
    )


def judge_docs(
    docs: Iterable[GeoDoc], gold_spans: bool, gazetteer: Any = None
) -> Iterator[tuple[GeoDoc, list[Any], list[Judged]]]:
    """Run the places stage over each document; yield it with its predictions and judged toponyms."""
    from dateline import nlp as nlp_loader
    from dateline.places import Gazetteer, find_places, geocode_spans

    gazetteer = gazetteer or Gazetteer.load()
    country_of = {e.geonameid: cc for cc, e in gazetteer.country_by_code.items() if e.geonameid}
    nlp = nlp_loader.load()
    docs = list(docs)
    if gold_spans:
        # Resolution reads tokens only ("X, Y" patterns): the tokenizer is enough, and fast.
        for d in docs:
            spans = sorted({(t.start, t.end) for t in d.toponyms})
            predicted = geocode_spans(nlp.make_doc(d.text), spans, gazetteer)
            at = {(p.start, p.end): p for p in predicted}
            judged = [_judge(d.id, t, at.get((t.start, t.end)), country_of) for t in d.toponyms if t.lat is not None]
            yield d, predicted, judged
        return
    for d, doc in zip(docs, nlp.pipe(d.text for d in docs), strict=True):
        predicted = find_places(doc, gazetteer)
        # Resolution is scored on the detected toponyms only (the field's convention).
        judged = [_judge(d.id, t, p, country_of) for t, p in _match(d.toponyms, predicted) if t.lat is not None]
        yield d, predicted, judged


def score(judged: list[Judged], detection: tuple[int, int, int] | None = None) -> dict[str, Any]:
    """Resolution figures over judged toponyms; with (true positives, predicted, gold), detection too."""
    errors = [j.error_km for j in judged]
    n = len(judged)
    result: dict[str, Any] = {
        "toponyms": n,
        "acc@161": round(sum(e <= ACCURACY_KM for e in errors) / n, 4) if n else 0.0,
        "exact_id": round(sum(j.same_id for j in judged) / n, 4) if n else 0.0,
        "country": round(sum(j.same_country for j in judged) / n, 4) if n else 0.0,
        "median_km": round(statistics.median(errors), 1) if n else 0.0,
        "mean_km": round(statistics.fmean(errors), 1) if n else 0.0,
        "unresolved": sum(j.predicted is None or j.predicted.lat is None for j in judged),
    }
    if detection is not None:
        tp, n_pred, n_gold = detection
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        result.update(
            precision=round(p, 4),
            recall=round(r, 4),
            f1=round(2 * p * r / (p + r), 4) if p + r else 0.0,
            predicted=n_pred,
            gold=n_gold,
        )
    return result


def evaluate_geo(
    corpus: str,
    path: str | Path,
    gold_spans: bool = False,
    split: str | None = None,
    limit: int | None = None,
    gazetteer: Any = None,
) -> dict[str, Any]:
    """Score place resolution (and, end to end, detection) on LGL or TR-News.

    `split` is "heldout" or "train" for LGL (None: every document); `limit` keeps the first
    documents only (quick checks). Example: `dateline evaluate geo --corpus lgl ../shared/data/lgl`.
    """
    docs = split_docs(read_corpus(corpus, path), split)[:limit]
    judged: list[Judged] = []
    tp = n_pred = n_gold = 0
    for d, predicted, js in judge_docs(docs, gold_spans, gazetteer):
        judged += js
        if not gold_spans:
            tp += len(_match(d.toponyms, predicted))
            n_pred += len(predicted)
            n_gold += len(d.toponyms)
    result = score(judged, None if gold_spans else (tp, n_pred, n_gold))
    return {
        "corpus": corpus,
        "mode": "gold_spans" if gold_spans else "end_to_end",
        "split": split or "all",
        "documents": len(docs),
        **result,
    }


def geocode_file(path_in: str | Path, out: IO[str], gazetteer: Any = None) -> int:
    """Resolve exactly the given spans of each JSONL line; write one JSON line per input line.

    In: `{"id", "text", "spans": [[start, end], ...]}`. Out: `{"id", "places": [{"start", "end",
    "name", "geonameid", "lat", "lon", "country_code", "feature_code"}]}`, one place per span, in
    the order given (unresolved: the name fields are null). Returns the number of lines written.
    Example: `dateline geocode toponyms.jsonl > resolved.jsonl`.
    """
    from dateline import nlp as nlp_loader
    from dateline.places import Gazetteer, geocode_spans

    gazetteer = gazetteer or Gazetteer.load()
    nlp = nlp_loader.load()
    written = 0
    try:
        lines = Path(path_in).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{path_in}: cannot read ({e})") from None
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            text, spans = item["text"], [(int(s), int(e)) for s, e in item["spans"]]
        except (ValueError, KeyError, TypeError) as e:
            expected = '{"id", "text", "spans": [[start, end], ...]}'
            raise InputError(f"{path_in}:{n}: expected {expected} ({e})") from None
        bad = [s for s in spans if not 0 <= s[0] < s[1] <= len(text)]
        if bad:
            raise InputError(f"{path_in}:{n}: span {list(bad[0])} lies outside the text ({len(text)} characters)")
        at = {(p.start, p.end): p for p in geocode_spans(nlp.make_doc(text), sorted(set(spans)), gazetteer)}
        places = []
        for s, end in spans:
            p = at[(s, end)]
            places.append(
                {
                    "start": s,
                    "end": end,
                    "name": p.name,
                    "geonameid": p.geonameid,
                    "lat": p.lat,
                    "lon": p.lon,
                    "country_code": p.country_code,
                    "feature_code": p.feature_code,
                }
            )
        out.write(json.dumps({"id": item.get("id"), "places": places}, ensure_ascii=False) + "\n")
        written += 1
    return written
