"""Train the learned cue detector (`dateline.claims.learned`) on PolNeAR train; write its JSON weights.

Every verb of the training articles is an example; it is positive when it heads a gold cue span.
A logistic regression (scikit-learn, needed here only) is fitted on the first 80% of the articles,
its threshold chosen for the best F1 on the rest, then refitted on all of them. Features seen in
fewer than `MIN_COUNT` examples are dropped, so the weights stay small. Dev is never read.

The features come from the parse, so retrain whenever `dateline.nlp` changes how it parses (the
line-break sentence starts did): parsing the 840 train articles takes about 3 minutes on one CPU,
fitting about 1 more; `--parsed` reuses a DocBin of the train articles. The fit is deterministic
(lbfgs), so the same parses give the same weights.

Example: python scripts/train_cue_model.py ../shared/data/polnear
"""

from __future__ import annotations

import argparse
import collections
import json
from pathlib import Path

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from spacy.tokens import Doc, DocBin

from dateline import nlp as nlp_loader
from dateline.claims import learned
from dateline.evaluate.polnear import articles, read_ann

OUT = Path(__file__).resolve().parents[1] / "src" / "dateline" / "claims" / learned.MODEL_FILE
MIN_COUNT = 5
#: Inverse regularization strength: lower keeps rare lemmas from dominating.
C = 0.5


def _examples(doc: Doc, ann: str) -> tuple[list[list[str]], list[int]]:
    heads = set()
    for rel in read_ann(ann):
        for a, b in rel.cue[:1]:
            span = doc.char_span(a, b, alignment_mode="expand")
            if span is not None:
                heads.add(span.root.i)
    xs, ys = [], []
    for tok in doc:
        if learned.candidate(tok):
            xs.append(learned.features(tok))
            ys.append(int(tok.i in heads))
    return xs, ys


def _fit(xs: list[list[str]], ys: list[int]) -> tuple[DictVectorizer, LogisticRegression]:
    counts = collections.Counter(f for x in xs for f in set(x))
    keep = [{f: 1 for f in x if counts[f] >= MIN_COUNT} for x in xs]
    vec = DictVectorizer()
    model = LogisticRegression(C=C, max_iter=2000)
    model.fit(vec.fit_transform(keep), ys)
    return vec, model


def _best_threshold(vec: DictVectorizer, model: LogisticRegression, xs: list[list[str]], ys: list[int]) -> float:
    probs = model.predict_proba(vec.transform([{f: 1 for f in x} for x in xs]))[:, 1]
    best = (0.0, 0.5)
    for k in range(20, 80, 2):
        t = k / 100
        tp = sum(1 for p, y in zip(probs, ys, strict=True) if p >= t and y)
        fp = sum(1 for p, y in zip(probs, ys, strict=True) if p >= t and not y)
        fn = sum(1 for p, y in zip(probs, ys, strict=True) if p < t and y)
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        best = max(best, (f1, t))
    print(f"held-out token F1 {100 * best[0]:.1f} at threshold {best[1]}")
    return best[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", help="the PolNeAR folder (with train/)")
    ap.add_argument("--parsed", help="a DocBin of the train articles in `articles()` order, to skip parsing")
    args = ap.parse_args()
    nlp = nlp_loader.load()
    todo = list(articles(Path(args.corpus) / "train"))
    if args.parsed:
        docs = list(DocBin().from_disk(args.parsed).get_docs(nlp.vocab))
    else:
        docs = list(nlp.pipe(t.read_text(encoding="utf-8") for _, t, _ in todo))
    per_doc = [_examples(doc, ann.read_text(encoding="utf-8")) for doc, (_, _, ann) in zip(docs, todo, strict=True)]
    cut = len(per_doc) * 4 // 5
    flat = lambda part: ([x for xs, _ in part for x in xs], [y for _, ys in part for y in ys])  # noqa: E731
    threshold = _best_threshold(*_fit(*flat(per_doc[:cut])), *flat(per_doc[cut:]))
    vec, model = _fit(*flat(per_doc))
    weights = {
        f: round(float(w), 4)
        for f, w in zip(vec.get_feature_names_out(), model.coef_[0], strict=True)
        if abs(w) >= 0.05
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(
        json.dumps(
            {
                "about": "Cue detector weights, trained on PolNeAR train by scripts/train_cue_model.py",
                "bias": round(float(model.intercept_[0]), 4),
                "threshold": threshold,
                "weights": dict(sorted(weights.items())),
            },
            indent=0,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"{len(weights)} weights written to {OUT}")


if __name__ == "__main__":
    main()
