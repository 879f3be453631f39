"""Score the events and actors stages on event-coding corpora: PLOVER GSR, ConfliBERT CAMEO, WikiEvents.

Each corpus is run through the whole pipeline (`Pipeline.code`), one document per gold unit, and
scored on what the output says:

- **plover-gsr** (322 edited CAMEO-manual sentences, each coded with one PLOVER event, its source
  and target actors with ISO-3 codes). A sentence may yield several events; its *predicted type*
  is that of the sentence's **main event**: the event whose trigger token lies nearest the root of
  the dependency tree (fewest arcs up to the sentence root; a modal or adjective of readiness
  counts at the depth of the clause it frames), ties broken first in favour of a statement of
  intent or demand (PLOVER codes "X will send aid" as the statement, AGREE, not the aid), then by
  text order. "X said Y attacked Z" has no event at "said", so the attack is the main event; "X
  agreed to send troops" takes the agreement. A sentence with no event counts as wrong (`no_event` says how often).
  *Actor country accuracy* is scored per gold role (source, target) that carries a code: right
  when the main event's actor1 (for source) or actor2 (for target) has one of the role's gold
  codes (a compound actor "Hungarian and Romanian officials" lists several). The gold set is coded
  in PLOVER 0.5b1 (DISAPPROVE, FIGHT, INVESTIGATE, CONCEDE, DEMAND); gold types are read in the
  2021 conversion table dateline follows (`GSR_TO_2021`, `SAME_TYPE`); `type_accuracy_strict`
  compares labels as written. A role with no
  predicted actor counts as wrong; `actor_coverage` is the share of roles with one.
  `actor_country_accuracy_place_as_target` also takes, for a target role the event leaves empty,
  the country of the event's place: the gold set follows CAMEO coders, who code the country where
  an act happens as its target when no one else is named ("opened an embassy in Tehran"). It is
  reported beside the strict figure, never instead of it. Ten gold codes
  are CAMEO's, not ISO 3166: `CAMEO_TO_ISO` maps them (JAP -> JPN, ITL -> ITA, VTN -> VNM);
  transnational codes (IMG, ISM) stay as they are and so count as wrong unless matched exactly.
  The held-out split is every 5th record (0-based position in the file, header excluded, is a
  multiple of 5): 65 of 322 sentences that no learned part of dateline is trained on.
- **conflibert** (ConfliBERT CAMEO training sentences, BIO tags `S` source and `T` target per
  token). The class file and the span file are not aligned row for row, so only the span file is
  read: each sentence is rebuilt from its tokens (joined by spaces) and run alone. Predicted
  source/target spans are the main event's actor1/actor2 mention spans. Span F1 is reported
  exact (same tokens) and partial (at least one shared token), per role and micro-averaged.
- **wikievents** (dev: 20 documents, 345 KAIROS event mentions). Every mention span of every
  event found is a predicted trigger. *Trigger identification F1* is type-agnostic: a predicted
  trigger matches a gold trigger when their token spans overlap (one to one). *Typed F1* counts
  only gold mentions whose KAIROS type corresponds to a PLOVER type (`KAIROS_TO_PLOVER`; Life.Die,
  Life.Injure, Movement, Disaster and the like have no PLOVER counterpart and are left out of it),
  matched with the same PLOVER type.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from dateline.actors.codes import alpha3
from dateline.errors import InputError
from dateline.events.speech import SPEECH_MODES
from dateline.model import Actor, Document, Event, Report

log = logging.getLogger(__name__)

CORPORA = ("plover-gsr", "conflibert", "wikievents")
SPLITS = ("heldout", "train", "all")
#: The held-out split of plover-gsr: records whose 0-based position (header excluded) is a multiple of this.
HELDOUT_EVERY = 5
#: CAMEO country codes of the gold set that are not ISO 3166-1 alpha-3.
CAMEO_TO_ISO = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
#: PLOVER GSR is coded in PLOVER 0.5b1; dateline types in the current table (CAMEO2PLOVER-2021, 16
#: types). The old types that the 2021 table folds into another: CAMEO 11 "Disapprove" and 09
#: "Investigate" -> ACCUSE, 19 "Fight" -> ASSAULT, 08 "Yield" -> RETREAT (dateline has no CONCEDE).
GSR_TO_2021 = {"DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT", "CONCEDE": "RETREAT"}
#: Types that answer each other: CAMEO 10 "Demand" is REQUEST in the 2021 table, and dateline keeps
#: DEMAND apart from REQUEST (a demand vs. an appeal), so either is right for a gold DEMAND.
SAME_TYPE = {"DEMAND": {"DEMAND", "REQUEST"}}
#: KAIROS types (prefix match, most specific first) and the PLOVER type of the same act.
KAIROS_TO_PLOVER = (
    ("Conflict.Attack", "ASSAULT"),
    ("Conflict.Demonstrate", "PROTEST"),
    ("Justice.ArrestJailDetain", "COERCE"),
    ("Justice.ChargeIndict", "ACCUSE"),
    ("Justice.InvestigateCrime", "INVESTIGATE"),
    ("Justice.ReleaseParole", "CONCEDE"),
    ("Contact.Contact.Meet", "CONSULT"),
    ("Contact.RequestCommand", "DEMAND"),
    ("Contact.ThreatenCoerce", "THREATEN"),
    ("ArtifactExistence.DamageDestroyDisableDismantle", "ASSAULT"),
)


def _pipeline() -> Any:
    from dateline.pipeline import Pipeline

    return Pipeline()


def _run(pipeline: Any, document: Document) -> tuple[Report, Doc]:
    doc = pipeline.resources.nlp(document.text)
    return pipeline.code(document, doc), doc


def _depth(doc: Doc, char: int) -> int:
    token = next((t for t in doc if t.idx <= char < t.idx + len(t.text)), None)
    if token is None:
        return 99
    if token.dep_ in {"aux", "auxpass", "acomp"}:
        token = token.head  # "will" in "X will send aid": the depth of the clause it frames
    depth = 0
    while token.head.i != token.i and depth < 50:
        token = token.head
        depth += 1
    return depth


def main_event(report: Report, doc: Doc, start: int = 0, end: int | None = None) -> Event | None:
    """The event whose trigger sits nearest the root of its sentence (within [start, end)), text order on ties."""
    end = len(report.document.text) if end is None else end
    inside = [e for e in report.events if start <= e.trigger.start < end and e.plover_type]
    if not inside:
        return None
    return min(inside, key=lambda e: (_depth(doc, e.trigger.start), e.mode not in SPEECH_MODES, e.trigger.start))


# ---------------------------------------------------------------- plover-gsr
@dataclass(frozen=True, slots=True)
class GoldSentence:
    """One PLOVER GSR record: the sentence, its event type, and its source and target codes."""

    id: str
    text: str
    event: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    position: int


def _codes(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()  # "" or a stray string ("diplomatic"): no target coded
    codes = (CAMEO_TO_ISO.get(a.get("code", ""), a.get("code", "")) for a in value if isinstance(a, dict))
    return tuple(dict.fromkeys(c for c in codes if c))


def read_plover(path: str | Path) -> list[GoldSentence]:
    """The gold sentences of PLOVER GSR (the folder, or the JSON file itself); record 0 is a header."""
    p = Path(path)
    if p.is_dir():
        found = sorted(p.rglob("PLOVER_GSR_CAMEO.txt")) or sorted(p.rglob("*.json"))
        if not found:
            raise InputError(f"{p}: no PLOVER_GSR_CAMEO.txt inside; pass the plover-gsr folder or the file")
        p = found[0]
    try:
        records = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise InputError(f"{p}: cannot read a JSON list ({e})") from None
    out: list[GoldSentence] = []
    for r in records:
        if not isinstance(r, dict) or r.get("event") == "DOCUMENT" or not r.get("text"):
            continue
        out.append(
            GoldSentence(r["id"], r["text"], r["event"], _codes(r.get("source")), _codes(r.get("target")), len(out))
        )
    return out


def split_plover(sentences: list[GoldSentence], split: str | None) -> list[GoldSentence]:
    """The held-out split (position % 5 == 0), the training split (the rest), or all (None, "all")."""
    if split is None or split == "all":
        return sentences
    if split not in SPLITS:
        raise InputError(f"unknown split {split!r}: choose heldout, train or all")
    held = split == "heldout"
    return [s for s in sentences if (s.position % HELDOUT_EVERY == 0) == held]


#: The date PLOVER GSR records carry: roles (a head of state's term) are read on it.
PLOVER_DATE = dt.date(2000, 1, 1)


def predict_plover(pipeline: Any, sentence: GoldSentence) -> dict[str, Any]:
    """What dateline codes for one gold sentence: main event type and its actors' countries."""
    report, doc = _run(pipeline, Document(sentence.id, sentence.text, PLOVER_DATE))
    event = main_event(report, doc)
    country = {a.id: a.country_code for a in report.actors}
    place = next((p for p in report.places if event is not None and p.id == event.place_id), None)
    return {
        "place": alpha3(place.country_code) if place is not None and place.country_code else None,
        "id": sentence.id,
        "gold": sentence.event,
        "predicted": event.plover_type if event else None,
        "types": sorted({e.plover_type for e in report.events if e.plover_type}),
        "source": country.get(event.actor1_id) if event and event.actor1_id else None,
        "target": country.get(event.actor2_id) if event and event.actor2_id else None,
        "gold_source": list(sentence.source),
        "gold_target": list(sentence.target),
    }


def type_right(gold: str, predicted: str | None) -> bool:
    """Is `predicted` the gold PLOVER 0.5b1 type, read in the 2021 table (`GSR_TO_2021`, `SAME_TYPE`)?"""
    g = GSR_TO_2021.get(gold, gold)
    return predicted in SAME_TYPE.get(g, {g})


def score_plover(rows: list[dict[str, Any]]) -> dict[str, Any]:
    n = len(rows)
    right = sum(type_right(r["gold"], r["predicted"]) for r in rows)
    roles = covered = correct = with_place = 0
    for r in rows:
        for role in ("source", "target"):
            gold = r[f"gold_{role}"]
            if not gold:
                continue
            roles += 1
            covered += r[role] is not None
            correct += r[role] in gold
            # PLOVER's coders take the country where an act happens as its target when no one
            # else is named ("opened an embassy in Tehran"): scored apart, never in the figure above
            target = r[role] if r[role] is not None or role == "source" else r.get("place")
            with_place += target in gold
    by_type: dict[str, list[int]] = {}
    for r in rows:
        hit = by_type.setdefault(r["gold"], [0, 0])
        hit[0] += type_right(r["gold"], r["predicted"])
        hit[1] += 1
    return {
        "sentences": n,
        "type_accuracy": right / n if n else 0.0,
        "type_accuracy_strict": sum(r["predicted"] == r["gold"] for r in rows) / n if n else 0.0,
        "type_among_found": sum(any(type_right(r["gold"], t) for t in r["types"]) for r in rows) / n if n else 0.0,
        "no_event": sum(r["predicted"] is None for r in rows) / n if n else 0.0,
        "actor_roles": roles,
        "actor_coverage": covered / roles if roles else 0.0,
        "actor_country_accuracy": correct / roles if roles else 0.0,
        "actor_country_accuracy_covered": correct / covered if covered else 0.0,
        "actor_country_accuracy_place_as_target": with_place / roles if roles else 0.0,
        "by_type": {k: {"right": v[0], "of": v[1]} for k, v in sorted(by_type.items())},
    }


def evaluate_plover(
    path: str | Path, split: str | None = None, pipeline: Any = None, rows: bool = False
) -> dict[str, Any]:
    sentences = split_plover(read_plover(path), split)
    pipeline = pipeline or _pipeline()
    predicted = [predict_plover(pipeline, s) for s in sentences]
    result = {"corpus": "plover-gsr", "split": split or "all", **score_plover(predicted)}
    if rows:
        result["rows"] = predicted
    return result


# ---------------------------------------------------------------- conflibert
@dataclass(frozen=True, slots=True)
class BioSentence:
    tokens: tuple[str, ...]
    source: tuple[tuple[int, int], ...]  # token spans [start, end)
    target: tuple[tuple[int, int], ...]


def _bio_spans(tags: list[str], role: str) -> tuple[tuple[int, int], ...]:
    spans, start = [], None
    for i, tag in enumerate([*tags, "O"]):
        if start is not None and tag != f"I-{role}":
            spans.append((start, i))
            start = None
        if tag == f"B-{role}" or (tag == f"I-{role}" and start is None):
            start = i
    return tuple(spans)


def read_conflibert(path: str | Path) -> list[BioSentence]:
    """The span file of ConfliBERT CAMEO (`cameo_ner/train.txt`): "token tag" lines, a blank line
    between sentences."""
    p = Path(path)
    if p.is_dir():
        found = sorted(p.rglob("cameo_ner/train.txt")) or sorted(p.rglob("train.txt"))
        if not found:
            raise InputError(f"{p}: no cameo_ner/train.txt inside; pass the conflibert-cameo folder or the file")
        p = found[0]
    out: list[BioSentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    for line in [*p.read_text(encoding="utf-8").splitlines(), ""]:
        parts = line.rsplit(maxsplit=1)
        if len(parts) == 2:
            tokens.append(parts[0])
            tags.append(parts[1])
            continue
        if tokens:
            out.append(BioSentence(tuple(tokens), _bio_spans(tags, "S"), _bio_spans(tags, "T")))
        tokens, tags = [], []
    return out


def _f1(tp: int, predicted: int, gold: int) -> dict[str, float]:
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def _token_span(actor: Actor | None, starts: list[int]) -> tuple[int, int] | None:
    """The token span [first, last + 1) an actor's characters cover, given each token's start."""
    if actor is None:
        return None
    first = max(i for i, c in enumerate(starts) if c <= actor.start)
    last = max(i for i, c in enumerate(starts) if c < actor.end)
    return first, last + 1


def evaluate_conflibert(path: str | Path, limit: int | None = None, pipeline: Any = None) -> dict[str, Any]:
    sentences = read_conflibert(path)[:limit]
    pipeline = pipeline or _pipeline()
    counts = {(role, mode): [0, 0, 0] for role in ("source", "target") for mode in ("exact", "partial")}
    for n, s in enumerate(sentences):
        starts, pos = [], 0
        for tok in s.tokens:
            starts.append(pos)
            pos += len(tok) + 1
        text = " ".join(s.tokens)
        report, doc = _run(pipeline, Document(f"conflibert-{n}", text, None))
        event = main_event(report, doc)
        by_id = {a.id: a for a in report.actors}
        for role, gold, pred in (
            ("source", s.source, _token_span(by_id.get(event.actor1_id or ""), starts) if event else None),
            ("target", s.target, _token_span(by_id.get(event.actor2_id or ""), starts) if event else None),
        ):
            for mode in ("exact", "partial"):
                c = counts[(role, mode)]
                c[1] += pred is not None
                c[2] += len(gold)
                if pred is None:
                    continue
                if mode == "exact":
                    c[0] += pred in gold
                else:
                    c[0] += any(pred[0] < g[1] and g[0] < pred[1] for g in gold)
    result: dict[str, Any] = {"corpus": "conflibert", "sentences": len(sentences)}
    for mode in ("exact", "partial"):
        tp = sum(counts[(r, mode)][0] for r in ("source", "target"))
        pr = sum(counts[(r, mode)][1] for r in ("source", "target"))
        gd = sum(counts[(r, mode)][2] for r in ("source", "target"))
        result[mode] = {"micro": _f1(tp, pr, gd), **{r: _f1(*counts[(r, mode)]) for r in ("source", "target")}}
    return result


# ---------------------------------------------------------------- wikievents
def _kairos_plover(kairos: str) -> str | None:
    return next((p for prefix, p in KAIROS_TO_PLOVER if kairos.startswith(prefix)), None)


def _wiki_docs(path: str | Path) -> Iterator[tuple[str, str, list[tuple[int, int, str]]]]:
    """(doc id, text, gold triggers as (start char, end char, KAIROS type)) per WikiEvents document.

    The corpus text runs sentences together ("in SyriaThe desert") while its token offsets count
    them as joined by a space; the text is rebuilt with one sentence per line and each token's
    offset taken relative to its sentence.
    """
    p = Path(path)
    if p.is_dir():
        p = p / "dev.jsonl"
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise InputError(f"{p}: cannot read ({e.strerror}); pass the wikievents folder or dev.jsonl") from None
    for line in lines:
        if not line.strip():
            continue
        record = json.loads(line)
        parts: list[str] = []
        token_char: list[tuple[int, int]] = []
        pos = 0
        for tokens, sent in record["sentences"]:
            # token offsets count the sentences as joined by one space, which `text` is not
            base = tokens[0][1] if tokens else 0
            for _, first, last in tokens:
                token_char.append((pos + first - base, pos + last - base))
            parts.append(sent)
            pos += len(sent) + 1
        text = "\n".join(parts)
        gold = []
        for m in record["event_mentions"]:
            t = m["trigger"]
            gold.append((token_char[t["start"]][0], token_char[t["end"] - 1][1], m["event_type"]))
        yield record["doc_id"], text, gold


def evaluate_wikievents(path: str | Path, limit: int | None = None, pipeline: Any = None) -> dict[str, Any]:
    pipeline = pipeline or _pipeline()
    tp = predicted = gold_n = 0
    typed_tp = typed_pred = typed_gold = 0
    docs = 0
    for doc_id, text, gold in list(_wiki_docs(path))[:limit]:
        docs += 1
        report, _ = _run(pipeline, Document(doc_id, text, None))
        preds = [(m.start, m.end, e.plover_type) for e in report.events for m in e.mentions]
        predicted += len(preds)
        gold_n += len(gold)
        used: set[int] = set()
        for g0, g1, _ in gold:
            k = next((k for k, (p0, p1, _) in enumerate(preds) if k not in used and p0 < g1 and g0 < p1), None)
            if k is not None:
                used.add(k)
                tp += 1
        # typed: gold mentions with a PLOVER counterpart, against predictions of a PLOVER type
        # that some KAIROS type maps to (others cannot match any in-scope gold)
        scope = {p for _, p in KAIROS_TO_PLOVER}
        typed = [(g0, g1, _kairos_plover(t)) for g0, g1, t in gold if _kairos_plover(t)]
        tpreds = [p for p in preds if p[2] in scope]
        typed_gold += len(typed)
        typed_pred += len(tpreds)
        used = set()
        for g0, g1, gt in typed:
            k = next(
                (k for k, (p0, p1, pt) in enumerate(tpreds) if k not in used and pt == gt and p0 < g1 and g0 < p1),
                None,
            )
            if k is not None:
                used.add(k)
                typed_tp += 1
    return {
        "corpus": "wikievents",
        "documents": docs,
        "triggers": {**_f1(tp, predicted, gold_n), "predicted": predicted, "gold": gold_n},
        "typed": {**_f1(typed_tp, typed_pred, typed_gold), "predicted": typed_pred, "gold": typed_gold},
    }


def evaluate_events(
    corpus: str, path: str | Path, split: str | None = None, limit: int | None = None, pipeline: Any = None
) -> dict[str, Any]:
    """Score event coding on `corpus` ("plover-gsr", "conflibert" or "wikievents") read from `path`.

    `split` ("heldout", "train", "all") applies to plover-gsr; `limit` keeps the first N units of
    the others. See the module docstring for how each figure is defined.
    """
    if corpus == "plover-gsr":
        return evaluate_plover(path, split, pipeline)
    if corpus == "conflibert":
        return evaluate_conflibert(path, limit, pipeline)
    if corpus == "wikievents":
        return evaluate_wikievents(path, limit, pipeline)
    raise InputError(f"unknown corpus {corpus!r}: choose one of {', '.join(CORPORA)}")
