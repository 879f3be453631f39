"""Score the times stage against TimeML corpora (TempEval-3: TimeBank, AQUAINT), the shared task's way.

A `.tml` file holds a document creation time (the TIMEX3 with
`functionInDocument="CREATION_TIME"`, our publication date) and a `<TEXT>` element whose TIMEX3
tags mark the gold expressions. The text is rebuilt without tags, gold spans are kept as
character offsets, and dateline's times are matched to them one to one:

- *strict* span match: the same offsets; *relaxed*: at least one shared character (TempEval-3);
- value and type are judged on relaxed matches. TempEval-3 reports attribute F1 as the F1 of
  "matched and attribute right" against all predictions and all gold expressions, which equals
  relaxed span F1 times attribute accuracy; accuracy is over relaxed matches. This is the official
  TempEval-3 scorer's formula (attribute F1 = accuracy over relaxed matches x relaxed F1, values
  compared as exact strings, the creation time left out); our one-to-one matching is, if
  anything, stricter than its overlap matching.
- The held-out split is every fifth document in name order (the 5th, 10th, 15th, ...: 0-based
  positions 4, 9, 14, ...), fixed so that figures stay comparable: rules are tuned on the rest and
  checked on it, so a rule fitted to a few documents shows up as a gap between the two.
"""

from __future__ import annotations

import datetime as dt
import logging
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dateline import nlp as nlp_loader
from dateline.errors import InputError
from dateline.times import find_times

log = logging.getLogger(__name__)

SPLITS = ("heldout", "train")
#: The held-out split: documents whose 1-based position in name order is a multiple of this.
HELDOUT_EVERY = 5


@dataclass(frozen=True, slots=True)
class GoldTimex:
    """One gold TIMEX3: its span in the rebuilt text, type and value."""

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class TimeMLDoc:
    """A TimeML document: id, creation date, plain text and gold expressions."""

    id: str
    dct: dt.date | None
    text: str
    timexes: tuple[GoldTimex, ...]


def read_tml(path: Path) -> TimeMLDoc:
    """Parse one `.tml` file into plain text with gold TIMEX3 offsets."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        raise InputError(f"{path}: not well-formed TimeML ({e}); is it a .tml file?") from e
    dct: dt.date | None = None
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            value = timex.get("value", "")
            try:
                dct = dt.date.fromisoformat(value[:10])
            except ValueError:
                log.warning("%s: creation time %r is not a date", path.name, value)
            break
    body = root.find("TEXT")
    if body is None:
        raise InputError(f"{path}: no <TEXT> element; is it a TimeML file?")
    parts: list[str] = []
    timexes: list[GoldTimex] = []
    offset = 0

    def walk(node: ET.Element) -> None:
        nonlocal offset
        start = offset
        if node.text:
            parts.append(node.text)
            offset += len(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                offset += len(child.tail)
        if node.tag == "TIMEX3" and node is not body:
            text = "".join(parts)[start:offset]
            timexes.append(GoldTimex(start, offset, text, node.get("type", ""), node.get("value", "")))

    walk(body)
    return TimeMLDoc(path.stem, dct, "".join(parts), tuple(sorted(timexes, key=lambda t: t.start)))


def read_corpus(path: Path) -> Iterator[TimeMLDoc]:
    """Every `.tml` file under `path` (a file or a directory), in name order."""
    files = [path] if path.is_file() else sorted(path.rglob("*.tml"))
    if not files:
        raise InputError(f"no .tml files under {path}: point at a TimeML corpus such as tempeval3/Training")
    for file in files:
        yield read_tml(file)


@dataclass(slots=True)
class Counts:
    """Tallies over a corpus; `scores()` turns them into the TempEval-3 figures."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)  # doc, text, want, got

    def scores(self) -> dict[str, float | int]:
        def prf(hits: int) -> tuple[float, float, float]:
            p = hits / self.system if self.system else 0.0
            r = hits / self.gold if self.gold else 0.0
            return p, r, (2 * p * r / (p + r) if p + r else 0.0)

        sp, sr, sf = prf(self.strict)
        rp, rr, rf = prf(self.relaxed)
        out: dict[str, float | int] = {
            "documents": 0,
            "gold": self.gold,
            "system": self.system,
            "strict_precision": sp,
            "strict_recall": sr,
            "strict_f1": sf,
            "relaxed_precision": rp,
            "relaxed_recall": rr,
            "relaxed_f1": rf,
            "value_accuracy": self.value / self.relaxed if self.relaxed else 0.0,
            "value_f1": prf(self.value)[2],
            "type_accuracy": self.type / self.relaxed if self.relaxed else 0.0,
            "type_f1": prf(self.type)[2],
        }
        return {k: round(v * 100, 2) if isinstance(v, float) else v for k, v in out.items()}


def score_document(
    doc_id: str, gold: Iterable[GoldTimex], system: Iterable[tuple[int, int, str, str]], counts: Counts
) -> None:
    """Match system times (start, end, type, value) to gold ones one to one and tally.

    Pairs are taken best first: exact matches, then the largest overlap, so that one long
    prediction cannot claim two gold expressions.
    """
    gold = list(gold)
    system = list(system)
    counts.gold += len(gold)
    counts.system += len(system)
    pairs = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            overlap = min(g.end, s[1]) - max(g.start, s[0])
            if overlap > 0:
                pairs.append((g.start == s[0] and g.end == s[1], overlap, gi, si))
    pairs.sort(reverse=True)
    used_g: set[int] = set()
    used_s: set[int] = set()
    for exact, _, gi, si in pairs:
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        g, s = gold[gi], system[si]
        counts.relaxed += 1
        counts.strict += exact
        counts.value += s[3] == g.value
        counts.type += s[2] == g.type
        if s[3] != g.value:
            counts.errors.append((doc_id, g.text, g.value, s[3]))


def select_split(docs: list[TimeMLDoc], split: str | None) -> list[TimeMLDoc]:
    """The held-out split (every fifth document), the training split (the rest), or all (None)."""
    if split is None or split == "all":
        return docs
    if split not in SPLITS:
        raise InputError(f"unknown split {split!r}: choose heldout, train or all")
    held = split == "heldout"
    return [d for i, d in enumerate(docs) if ((i + 1) % HELDOUT_EVERY == 0) == held]


def evaluate_timeml(path: str | Path, errors: bool = False, split: str | None = None) -> dict:
    """TempEval-3 scores of the times stage over the TimeML corpus at `path`.

    Returns strict and relaxed span precision/recall/F1, value accuracy and F1, type accuracy and
    F1 (percentages), document and expression counts; with `errors`, also the value mistakes.
    `split` is "heldout" or "train" (None: every document).
    Example: `evaluate_timeml("../shared/data/tempeval3/Training", split="heldout")["value_f1"]`.
    """
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path} does not exist: give the directory of a TimeML corpus")
    nlp = nlp_loader.load()
    docs = select_split(list(read_corpus(path)), split)
    counts = Counts()
    with nlp.memory_zone():
        for tml, doc in zip(docs, nlp.pipe(d.text for d in docs), strict=True):
            times = find_times(doc, tml.dct)
            score_document(tml.id, tml.timexes, [(t.start, t.end, t.type, t.value) for t in times], counts)
    result: dict = counts.scores()
    result["documents"] = len(docs)
    if errors:
        result["errors"] = counts.errors
    log.info("TimeML %s: relaxed F1 %.1f, value F1 %.1f", path, result["relaxed_f1"], result["value_f1"])
    return result
