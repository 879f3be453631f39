"""Score attribution spans (source, cue, content) against PolNeAR.

PolNeAR (Newell et al. 2018) is brat standoff: `<split>/text/<article>.txt` and
`<split>/attributions/<article>_<annotator>.ann`. Its quirks, handled here:
- span text may run over several lines: a continuation line has no `T`/`E` prefix and is skipped;
- a span may be discontinuous (`Content 315 448;463 553`) and a relation may carry a second
  content (`Content2`): all pieces belong to one gold item, matched when any piece matches;
- `Attribution-no-source` relations have no source: they add to cue and content only;
- some articles have several annotators' files: one per article is scored, the first by name,
  so that no article counts twice.

Attributions nested inside another's content are left out before scoring (`univocal`), since
PolNeAR labels each token once. Each role is scored on its own: precision is the share of
predicted spans that match a gold span of that role, recall the share of gold items matched by a
prediction. A source or content matches only a gold span *of the same attribution*, the one whose
cue the predicted cue overlaps, as citron's scorer requires (`get_source_exact_match_metrics`) and
the PARC papers do: a source read off a cue that is not one, or a content given to the wrong cue,
is wrong even where it happens to overlap some other attribution's span. A cue matches any gold
cue. *exact* needs the same offsets after trimming blanks and edge punctuation (PolNeAR sometimes
keeps a sentence's final period and quote mark inside a content span, sometimes not); *overlap*
needs one shared character.

What is scored is `claims.extract` with the shipped learned cue model (`claims.learned`), which was
trained on the train split: figures on train are therefore optimistic; dev is the honest one.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dateline import nlp as nlp_loader
from dateline.claims import learned
from dateline.claims.attribution import Attribution, extract
from dateline.errors import InputError

log = logging.getLogger(__name__)

ROLES = ("source", "cue", "content")
#: Characters ignored at the edges of a span for exact matching.
EDGE = " \t\n.,;:!?\"“”‘’'—–-()"
_T_LINE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")

Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One annotated relation: each role's pieces (empty when the role is absent)."""

    source: Spans
    cue: Spans
    content: Spans


@dataclass(slots=True)
class _Counts:
    predicted: int = 0
    gold: int = 0
    hits: dict[str, int] = field(default_factory=lambda: {"p_exact": 0, "p_overlap": 0, "r_exact": 0, "r_overlap": 0})


def read_ann(text: str) -> list[GoldAttribution]:
    """The attribution relations of one brat `.ann` file."""
    spans: dict[str, Spans] = {}
    relations: list[GoldAttribution] = []
    events: list[str] = []
    for line in text.splitlines():
        if m := _T_LINE.match(line):
            pieces = tuple((int(a), int(b)) for a, b in (p.split() for p in m.group(3).strip().split(";") if p.strip()))
            spans[m.group(1)] = pieces
        elif m := _E_LINE.match(line):
            events.append(m.group(2))
    for ev in events:
        roles: dict[str, list[tuple[int, int]]] = {"source": [], "cue": [], "content": []}
        for arg in ev.split():
            role, _, ref = arg.partition(":")
            key = role.lower().rstrip("0123456789")
            if key in roles and ref in spans:
                roles[key] += spans[ref]
        if roles["cue"] or roles["content"]:
            relations.append(GoldAttribution(*(tuple(roles[r]) for r in ROLES)))
    return relations


def articles(split_dir: Path) -> Iterator[tuple[str, Path, Path]]:
    """(name, text file, one annotation file) for each article of a split."""
    chosen: dict[str, Path] = {}
    for ann in sorted((split_dir / "attributions").glob("*.ann")):
        name = ann.stem.rsplit("_", 1)[0]
        chosen.setdefault(name, ann)
    for name, ann in sorted(chosen.items()):
        txt = split_dir / "text" / f"{name}.txt"
        if txt.exists():
            yield name, txt, ann
        else:
            log.warning("no text for %s", ann.name)


def _norm(text: str, span: tuple[int, int]) -> tuple[int, int]:
    start, end = span
    while start < end and text[start] in EDGE:
        start += 1
    while end > start and text[end - 1] in EDGE:
        end -= 1
    return start, end


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _match(text: str, pred: tuple[int, int], gold: Spans) -> tuple[bool, bool]:
    """(exact, overlap) of one predicted span against one gold item's pieces (or their hull)."""
    p = _norm(text, pred)
    hull = (min(g[0] for g in gold), max(g[1] for g in gold))
    exact = any(p == _norm(text, g) for g in (*gold, hull))
    return exact, any(_overlap(pred, g) for g in gold)


def univocal(found: list[Attribution]) -> list[Attribution]:
    """Drop attributions nested in another's content, as PolNeAR's one-label-per-token scheme does.

    dateline keeps nested claims ("X said Y thinks ..."), but PolNeAR never annotates them, so
    scoring them would count correct output as false positives. A quotation the speaker resumes
    after the cue (`Attribution.continuation`) is content too, as PolNeAR marks it.
    """
    outer = [(a, c) for a in found for c in (a.content, a.continuation) if c]
    return [a for a in found if not any(c[0] <= a.cue[0] and a.cue[1] <= c[1] for o, c in outer if o is not a)]


def _score_doc(
    text: str, predicted: list[Attribution], gold: list[GoldAttribution], counts: dict[str, _Counts]
) -> None:
    # which gold relations each prediction may stand for: those whose cue its cue overlaps
    same = [[any(_overlap(a.cue, g) for g in r.cue) for r in gold] for a in predicted]
    for role in ROLES:
        c = counts[role]
        pairs = [
            (k, j, _match(text, span, g))
            for k, a in enumerate(predicted)
            if (span := getattr(a, role)) is not None
            for j, r in enumerate(gold)
            if (g := getattr(r, role)) and (role == "cue" or same[k][j])
        ]
        c.predicted += sum(getattr(a, role) is not None for a in predicted)
        c.gold += sum(bool(getattr(r, role)) for r in gold)
        for kind, at in (("exact", 0), ("overlap", 1)):
            c.hits[f"p_{kind}"] += len({k for k, _, m in pairs if m[at]})
            c.hits[f"r_{kind}"] += len({j for _, j, m in pairs if m[at]})


def _prf(hit_p: int, n_p: int, hit_r: int, n_g: int) -> dict[str, float]:
    p = hit_p / n_p if n_p else 0.0
    r = hit_r / n_g if n_g else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(100 * p, 1), "recall": round(100 * r, 1), "f1": round(100 * f, 1)}


def evaluate_polnear(path: str | Path, splits: Iterable[str] = ("dev",), limit: int | None = None) -> dict:
    """Source, cue and content P/R/F1 (exact and overlap) on PolNeAR under `path`.

    `path` is the corpus folder (holding `dev/`, `train/`) or one split folder. Returns
    `{"articles": n, "source": {"exact": {...}, "overlap": {...}, "gold": n, "predicted": n}, ...}`.
    """
    root = Path(path)
    split_dirs = [root] if (root / "attributions").is_dir() else [root / s for s in splits]
    if not any(d.is_dir() for d in split_dirs):
        raise InputError(f"{root} holds no PolNeAR split: pass the corpus folder (with dev/ and train/) or a split")
    nlp = nlp_loader.load()
    cue_model = learned.load()
    counts = {r: _Counts() for r in ROLES}
    n = 0
    todo = [(txt, ann) for d in split_dirs if d.is_dir() for _, txt, ann in articles(d)]
    if limit is not None:
        todo = todo[:limit]
    texts = [txt.read_text(encoding="utf-8") for txt, _ in todo]
    with nlp.memory_zone():
        for (_, ann), text, doc in zip(todo, texts, nlp.pipe(texts), strict=True):
            gold = read_ann(ann.read_text(encoding="utf-8"))
            _score_doc(text, univocal(list(extract(doc, cue_model))), gold, counts)
            n += 1
    result: dict = {"articles": n}
    for role, c in counts.items():
        result[role] = {
            "exact": _prf(c.hits["p_exact"], c.predicted, c.hits["r_exact"], c.gold),
            "overlap": _prf(c.hits["p_overlap"], c.predicted, c.hits["r_overlap"], c.gold),
            "gold": c.gold,
            "predicted": c.predicted,
        }
    return result
