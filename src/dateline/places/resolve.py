"""Disambiguation: pick each mention's gazetteer entry with a ranker trained on LGL.

Each candidate of a mention gets a vector of features (`FEATURES`): what kind of place it is and
how many people live there, whether the text is its own name or only an alternate one, and the
evidence of the document: the other places it names, their countries and first-level subdivisions
(from each name's likeliest reading, and from all its readings weighted by their shares), "X, Y"
patterns ("Springfield, Illinois"), the distance to the other places' likely readings, government
words near a capital's name and datelines ("WASHINGTON —"). The ranker is a conditional logit (a
softmax over one mention's candidates) corrected by listwise boosted trees, trained by
`python -m dateline.places.train` on LGL's training split and shipped as `data/ranker.json`:
numbers in JSON, no pickle.

The document's context is read from each mention's best candidate under a context-free prior
(`prior`), so that training and use see the same features, and a mention is never its own
evidence: context comes from the other names only.
"""

from __future__ import annotations

import bisect
import functools
import json
import math
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from spacy.tokens import Doc

from dateline.errors import ResourceError
from dateline.nlp import tokens
from dateline.places.gazetteer import ADMIN1, ADMIN2, CITY, COUNTRY, DATA_DIR, FEATURE, Entry, Gazetteer, normalize
from dateline.places.mentions import AP_STATES, CA_PROVINCES, Mention, _words

#: The hand-set prior, in units of log10(population): a country's kind bonus equals a
#: 10,000-fold population advantage. It ranks candidates before context is known (to find the
#: context) and is one feature of the ranker.
KIND_BONUS = {COUNTRY: 4.0, FEATURE: 3.0, ADMIN1: 2.0, ADMIN2: 0.8, CITY: 0.0}
POPULATION_WEIGHT = 0.6
OWN_NAME_BONUS = 1.5  # "Moscow" is the city's own name but only an alias of Moskva oblast
CAPITAL_BONUS = 3.0  # "Washington" in news is the capital more often than the state
NEARBY_KM = 150.0
#: A subdivision whose point lies this close to a city of its name is that city's region
#: (Kyiv the city-region around Kyiv the capital, a county around its seat).
NAMESAKE_KM = 50.0
#: Candidates per other name used as its possible locations for the distance features.
TOP_OTHERS = 40
RANKER_PATH = DATA_DIR / "ranker.json"
UNKNOWN_LOG_POP = 2.0

FEATURES = (
    "prior",
    "log_pop",
    "pop_unknown",
    "kind_country",
    "kind_admin1",
    "kind_admin2",
    "kind_feature",
    "capital",
    "own_name",
    "exact_name",
    "alias_subdivision",
    "largest",
    "log_pop_gap",
    "log_candidates",
    "same_country",
    "country_mentions",
    "top_country",
    "same_admin1",
    "same_admin1_local",
    "x_comma_y",
    "near_anchor",
    "near_others",
    "log_km_others",
    "no_others",
    "abbreviation",
    "admin1_named",
    "country_named",
    "log_pop_alone",
    "capital_abroad",
    "wide_doc_pop",
    "qualified_elsewhere",
    "soft_country",
    "soft_admin1",
    "capital_government",
    "dateline_city",
    "namesake_city",
    "qualified_elsewhere_gap",
)

#: Words of national government and diplomacy. Near a name, they make its capital reading likely:
#: "Washington seems prepared to engage the Syrians", "U.S. officials ... the Washington
#: workspace" (in LGL's training articles, 50% of the mentions whose right reading is a capital
#: have one within 20 tokens, 9% of those whose right reading is not).
GOVERNMENT_WORDS = _words(
    "administration congress congressional federal lawmakers senate senator president presidential "
    "officials government embassy ambassador diplomat diplomats diplomatic policy policies talks "
    "sanctions minister ministry treaty capital regime negotiations summit secretary pentagon "
    "relations foreign bilateral"
)
GOVERNMENT_WINDOW = 20
#: Dashes that close a dateline ("WASHINGTON — Lawmakers voted ...").
DATELINE_DASHES = frozenset({"-", "--", "—", "–"})


@dataclass(frozen=True, slots=True)
class Resolution:
    """The chosen entry of a mention (None: unresolved), its confidence, and why when unresolved."""

    mention: Mention
    entry: Entry | None
    confidence: float
    reason: str | None = None


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _km_matrix(lat1: np.ndarray, lon1: np.ndarray, lat2: np.ndarray, lon2: np.ndarray) -> np.ndarray:
    """Great-circle distances (km) between every point of the first set and of the second."""
    p1, p2 = np.radians(lat1)[:, None], np.radians(lat2)[None, :]
    dl = np.radians(lon2)[None, :] - np.radians(lon1)[:, None]
    a = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return 2 * 6371.0 * np.arcsin(np.minimum(1.0, np.sqrt(a)))


def prior(entry: Entry, own: bool) -> float:
    """The score of a candidate before the document's context is looked at."""
    score = KIND_BONUS.get(entry.kind, 0.0) + POPULATION_WEIGHT * math.log10(entry.population + 1)
    if own:
        score += OWN_NAME_BONUS
    elif entry.kind in (ADMIN1, ADMIN2):
        score -= 1.5  # a subdivision reached through an alias is usually its capital city's name
    if entry.feature_code == "PPLC":
        score += CAPITAL_BONUS
    return score


def _ranked(m: Mention, scores: np.ndarray | None = None) -> list[tuple[float, Entry]]:
    """Candidates best first, by the prior or by a previous stage's scores."""
    if scores is None:
        pairs = [(prior(e, own), e) for e, own in m.candidates]
    else:
        pairs = [(float(s), e) for s, (e, _) in zip(scores, m.candidates, strict=True)]
    return sorted(pairs, key=lambda x: (-x[0], x[1].pid))


@dataclass(frozen=True, slots=True)
class _Context:
    countries: dict[str, Counter[str]]  # name key -> countries its likely reading puts in play
    admin1s: dict[str, Counter[str]]
    anchors: list[tuple[str, Entry]]  # confidently placed towns
    points: dict[str, tuple[np.ndarray, np.ndarray]]  # name key -> its top candidates' lat, lon
    named: dict[str, str]  # name key -> the admin1 key or country its reading as one names
    soft_countries: dict[str, dict[str, float]]  # name key -> each country's share of its readings
    soft_admin1s: dict[str, dict[str, float]]


def _context(
    mentions: list[Mention],
    scores: list[np.ndarray] | None = None,
    qualifying: frozenset[int] = frozenset(),
    qualified: frozenset[int] = frozenset(),
) -> _Context:
    """What each name's likely reading says about the document, kept per name.

    The likely reading is the prior's best candidate in the first stage, the previous stage's in
    the next: a later stage sees the document as the earlier one resolved it.
    """
    countries: dict[str, Counter[str]] = {}
    admin1s: dict[str, Counter[str]] = {}
    anchors: list[tuple[str, Entry]] = []
    points: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    named: dict[str, str] = {}
    soft_countries: dict[str, dict[str, float]] = {}
    soft_admin1s: dict[str, dict[str, float]] = {}
    for n, m in enumerate(mentions):
        if n in qualifying:
            continue  # "Illinois" in "Springfield, Illinois" is part of Springfield's address
        ranked = _ranked(m, None if scores is None else scores[n])
        if not ranked:
            continue
        key = normalize(m.text)
        if key not in points:
            top = [e for _, e in ranked[: TOP_OTHERS if scores is None else 1]]
            points[key] = (np.array([e.lat for e in top]), np.array([e.lon for e in top]))
            # Each reading's share (a softmax over the scores): "Brownstown", "Southport" and
            # "Winchester" each have a reading in Indiana, though none of them is the likeliest
            # reading of its name; a name with one plausible reading votes with all its weight.
            share = np.exp(np.array([x for x, _ in ranked]) - ranked[0][0])
            share /= share.sum()
            cc_share: dict[str, float] = {}
            a1_share: dict[str, float] = {}
            for w, (_, e) in zip(share.tolist(), ranked, strict=True):
                if e.country_code:
                    cc_share[e.country_code] = cc_share.get(e.country_code, 0) + w
                if e.admin1_key and e.kind in (ADMIN1, ADMIN2, CITY):
                    a1_share[e.admin1_key] = a1_share.get(e.admin1_key, 0) + w
            soft_countries[key] = cc_share
            if n not in qualified:
                soft_admin1s[key] = a1_share
        best, e = ranked[0]
        if e.kind == ADMIN1 and e.admin1_key:
            named[key] = e.admin1_key  # "Ohio" is named: its towns are likely meant
        elif e.kind == COUNTRY and e.country_code:
            named[key] = e.country_code
        margin = best - ranked[1][0] if len(ranked) > 1 else 99.0
        if margin < 1.0 and e.kind == CITY:
            continue  # too ambiguous to be evidence for the others
        if e.country_code:
            countries.setdefault(key, Counter())[e.country_code] += 1
        if e.admin1_key and e.kind in (ADMIN1, ADMIN2, CITY) and n not in qualified:
            # the state of "Springfield, Illinois" is Springfield's address, not the report's
            admin1s.setdefault(key, Counter())[e.admin1_key] += 1
        if e.kind in (CITY, ADMIN2) and margin >= 2.0:
            anchors.append((key, e))
    return _Context(countries, admin1s, anchors, points, named, soft_countries, soft_admin1s)


def _qualifying(doc: Doc, mentions: list[Mention]) -> frozenset[int]:
    """The mentions that only qualify the name before them: the state in "Springfield, Illinois"."""
    at = {m.start: n for n, m in enumerate(mentions)}
    out = set()
    for m in mentions:
        k = m.end_index
        if k + 1 < len(doc) and doc[k].text == "," and doc[k + 1].idx in at:
            q = mentions[at[doc[k + 1].idx]]
            if any(e.kind in (ADMIN1, COUNTRY) for e, _ in q.candidates):
                out.add(at[doc[k + 1].idx])
    return frozenset(out)


def _container(doc: Doc, m: Mention, by_start: dict[int, Mention]) -> tuple[set[str], set[str]]:
    """Countries and admin1 keys named right after "X," (Springfield, Illinois / Alexandria, La.)."""
    k = m.end_index
    if k + 1 >= len(doc) or doc[k].text != ",":
        return set(), set()
    nxt = by_start.get(doc[k + 1].idx)
    if nxt is not None:
        return (
            {e.country_code for e, _ in nxt.candidates if e.kind == COUNTRY and e.country_code},
            {e.admin1_key for e, _ in nxt.candidates if e.kind == ADMIN1 and e.admin1_key},
        )
    abbr = normalize(doc[k + 1].text).replace(" ", "")
    if abbr in AP_STATES:
        return set(), {f"US.{AP_STATES[abbr]}"}
    if abbr in CA_PROVINCES:
        return set(), {f"CA.{CA_PROVINCES[abbr]}"}
    return set(), set()


@dataclass(frozen=True, slots=True)
class _Facts:
    """What the text says around the mentions, whatever their readings: the same in every stage."""

    containers: list[tuple[set[str], set[str]]]  # per mention: what "X, Y" puts it in
    qualifying: frozenset[int]  # mentions that only qualify the one before ("Illinois")
    qualified: frozenset[int]  # mentions that such a qualifier follows ("Springfield")
    qualifiers: dict[str, set[str]]  # name key -> the states and countries written after it
    governed: frozenset[str]  # names with government words near one of their mentions
    datelined: frozenset[str]  # names heading a dateline


def _facts(doc: Doc, mentions: list[Mention]) -> _Facts:
    by_start = {m.start: m for m in mentions}
    containers = [_container(doc, m, by_start) for m in mentions]
    qualifiers: dict[str, set[str]] = {}
    governed: set[str] = set()
    datelined: set[str] = set()
    toks = tokens(doc)
    government = [n for n, t in enumerate(toks) if t.lower_ in GOVERNMENT_WORDS]
    for m, (in_cc, in_a1) in zip(mentions, containers, strict=True):
        key = normalize(m.text)
        qualifiers.setdefault(key, set()).update(in_cc | in_a1)
        # a government word within GOVERNMENT_WINDOW tokens either side of the mention
        n = bisect.bisect_left(government, m.head_index - GOVERNMENT_WINDOW)
        if n < len(government) and government[n] < m.end_index + GOVERNMENT_WINDOW:
            governed.add(key)
        if _dateline(toks, m):
            datelined.add(key)
    return _Facts(
        containers=containers,
        qualifying=_qualifying(doc, mentions),
        qualified=frozenset(n for n, (cc, a1) in enumerate(containers) if cc or a1),
        qualifiers=qualifiers,
        governed=frozenset(governed),
        datelined=frozenset(datelined),
    )


def features(
    doc: Doc, mentions: list[Mention], scores: list[np.ndarray] | None = None, facts: _Facts | None = None
) -> list[np.ndarray]:
    """One matrix per mention: a row of `FEATURES` per candidate, in the order of its candidates.

    `scores`: a previous stage's scores of each mention's candidates (None: the first stage);
    `facts`: `_facts(doc, mentions)`, when the caller keeps it across stages.
    """
    facts = facts or _facts(doc, mentions)
    ctx = _context(mentions, scores, facts.qualifying, facts.qualified)
    qualifiers, governed, datelined = facts.qualifiers, facts.governed, facts.datelined
    out = []
    rest_of: dict[str, tuple] = {}  # a name's view of the rest of the document, the same for each mention of it
    for m, (in_cc, in_a1) in zip(mentions, facts.containers, strict=True):
        if not m.candidates:
            out.append(np.zeros((0, len(FEATURES))))
            continue
        key = normalize(m.text)
        if key not in rest_of:
            rest_of[key] = _rest(ctx, qualifiers, key)
        cc_seen, a1_seen, top_cc, near, others, named, qualified, soft_cc, soft_a1 = rest_of[key]
        governing = key in governed
        dateline = key in datelined
        # How widely the rest of the document ranges: a report naming places in several states or
        # countries is national or foreign news, where the capital and the large city are meant
        # more often than in local news, which names the towns of one county.
        spread = math.log1p(len(cc_seen) + len(a1_seen))
        lats = np.array([e.lat for e, _ in m.candidates])
        lons = np.array([e.lon for e, _ in m.candidates])
        # For each candidate: is another name's likely place within NEARBY_KM of it (itself aside)?
        if near:
            close = _km_matrix(lats, lons, np.array([a.lat for a in near]), np.array([a.lon for a in near]))
            close = (close <= NEARBY_KM) & (
                np.array([e.pid for e, _ in m.candidates])[:, None] != np.array([a.pid for a in near])[None, :]
            )
            has_near = close.any(axis=1).tolist()
        else:
            has_near = [False] * len(m.candidates)
        if others:
            # For each candidate: the distance to the nearest possible location of each other name.
            # (one distance matrix over all of them, then the minimum within each name's columns)
            sizes = [len(la) for la, _ in others]
            every = _km_matrix(
                lats, lons, np.concatenate([la for la, _ in others]), np.concatenate([lo for _, lo in others])
            )
            d = np.minimum.reduceat(every, np.cumsum([0] + sizes[:-1]), axis=1)
            near_others = np.log1p((d <= 100.0).sum(axis=1))
            log_km = np.log10(1.0 + d.min(axis=1)) / 4.0
        else:
            near_others = np.zeros(len(lats))
            log_km = np.zeros(len(lats))
        # For each subdivision: is a city of the same name among the candidates, inside it?
        kinds = [e.kind for e, _ in m.candidates]
        namesake = [False] * len(kinds)
        cities = [n for n, k in enumerate(kinds) if k == CITY]
        regions = [n for n, k in enumerate(kinds) if k in (ADMIN1, ADMIN2)]
        if cities and regions:
            d = _km_matrix(lats[regions], lons[regions], lats[cities], lons[cities])
            for i in np.flatnonzero((d <= NAMESAKE_KM).any(axis=1)).tolist():
                namesake[regions[i]] = True
        # A place of unknown population (pyowm's and ZIP towns) counts as a hamlet of 100: as a
        # 0 it would sit three orders below the smallest known town, and the indicator feature
        # would have to undo that.
        pops = [math.log10(e.population + 1) if e.population else UNKNOWN_LOG_POP for e, _ in m.candidates]
        top_pop = max(pops)
        text = m.text[4:] if m.text.lower().startswith("the ") else m.text
        abbreviation = float("." in text or (text.isupper() and len(text) <= 4))
        rows = []
        for n, (e, own) in enumerate(m.candidates):
            local = e.kind in (CITY, ADMIN2)
            # "Springfield, Illinois and Paris": the writer names the state of a town that needs
            # it; a town of that state named bare beside it is less likely meant
            qualified_elsewhere = float(
                local and bool(e.admin1_key) and e.admin1_key in qualified and e.admin1_key not in in_a1
            )
            same_a1 = bool(e.admin1_key and a1_seen[e.admin1_key])
            rows.append(
                [
                    prior(e, own),
                    pops[n],
                    float(e.population == 0),
                    float(e.kind == COUNTRY),
                    float(e.kind == ADMIN1),
                    float(e.kind == ADMIN2),
                    float(e.kind == FEATURE),
                    float(e.feature_code == "PPLC"),
                    float(own),
                    float(e.name == text),
                    float(not own and e.kind in (ADMIN1, ADMIN2)),
                    float(pops[n] == top_pop),
                    pops[n] - top_pop,
                    math.log10(len(m.candidates)),
                    float(bool(e.country_code and cc_seen[e.country_code])),
                    math.log1p(cc_seen[e.country_code]) if e.country_code else 0.0,
                    float(e.country_code is not None and e.country_code == top_cc),
                    float(same_a1),
                    float(same_a1 and local),
                    float(e.country_code in in_cc or e.admin1_key in in_a1),
                    float(local and has_near[n]),
                    float(near_others[n]),
                    float(log_km[n]),
                    float(not others),
                    abbreviation * float(e.kind in (ADMIN1, COUNTRY)),
                    float(e.kind != ADMIN1 and e.admin1_key in named),
                    float(e.kind != COUNTRY and e.country_code in named),
                    pops[n] * float(not cc_seen and not a1_seen),
                    # "Washington" among Damascus and Tehran: a capital in a report about abroad
                    float(e.feature_code == "PPLC" and top_cc is not None and top_cc != e.country_code),
                    pops[n] * spread,
                    qualified_elsewhere,
                    math.log1p(soft_cc.get(e.country_code, 0.0)) if e.country_code else 0.0,
                    math.log1p(soft_a1.get(e.admin1_key, 0.0)) if e.admin1_key and e.kind != COUNTRY else 0.0,
                    float(governing and e.feature_code == "PPLC"),
                    # "WASHINGTON — Lawmakers voted": a dateline names a city, not a state
                    float(dateline and e.kind == CITY),
                    float(namesake[n]),
                    # ... the more so the smaller it is beside its namesakes: in LGL's training
                    # articles such a town 30 times smaller than the largest of its name is the
                    # one meant 7 times in 48 ("Springfield, Illinois and Paris": Paris, France)
                    (pops[n] - top_pop) * qualified_elsewhere,
                ]
            )
        out.append(np.array(rows, dtype=float))
    return out


def _rest(ctx: _Context, qualifiers: dict[str, set[str]], key: str) -> tuple:
    """What the document says apart from the name `key`: countries and admin1s counted, the most
    named country, anchors, points, names and qualifiers of the other names."""
    cc_seen = Counter(_others_total(ctx.countries, key))
    a1_seen = Counter(_others_total(ctx.admin1s, key))
    top_cc = cc_seen.most_common(1)[0][0] if cc_seen else None
    near = [e for k, e in ctx.anchors if k != key]
    others = [p for k, p in ctx.points.items() if k != key]
    named = {v for k, v in ctx.named.items() if k != key}
    qualified = set().union(*(q for k, q in qualifiers.items() if k != key))
    soft_cc = _others_total(ctx.soft_countries, key)
    soft_a1 = _others_total(ctx.soft_admin1s, key)
    return cc_seen, a1_seen, top_cc, near, others, named, qualified, soft_cc, soft_a1


def _others_total(shares: dict[str, Counter[str]] | dict[str, dict[str, float]], key: str) -> dict[str, float]:
    """The counts or shares of every name but `key`, added up (in the order `sum` would add them)."""
    total: dict[str, float] = {}
    for k, c in shares.items():
        if k != key:
            for v, w in c.items():
                total[v] = total.get(v, 0.0) + w
    return total


def _dateline(toks: list, m: Mention) -> bool:
    """Whether the mention opens a dateline: first in its line or sentence, then a dash or "(AP)"."""
    i, k = m.head_index, m.end_index
    if k >= len(toks) or k <= i:
        return False
    before = toks[i - 1].text if i > 0 else "."
    if before != "." and not before.isspace():
        return False
    after = toks[k].text
    return after in DATELINE_DASHES or (
        after == "(" and k + 1 < len(toks) and toks[k + 1].text in ("AP", "Reuters", "AFP")
    )


class Stage:
    """One stage's weights: standardize each feature, then a dot product (higher is better)."""

    def __init__(self, weights: dict) -> None:
        self.mean = np.array(weights["mean"], dtype=float)
        self.scale = np.array(weights["scale"], dtype=float)
        self.weights = np.array(weights["weights"], dtype=float)

    def scores(self, x: np.ndarray) -> np.ndarray:
        return ((x - self.mean) / self.scale) @ self.weights


def tree_inputs(x: np.ndarray, s: np.ndarray) -> np.ndarray:
    """What the boosted trees see of each candidate: its features, how far each lies below the best
    candidate's, and the last logit stage's score, raw and below the best (trees cannot subtract)."""
    col = s[:, None]
    return np.hstack([x, x - x.max(axis=0), col, col - col.max()])


class Trees:
    """Gradient-boosted regression trees over `tree_inputs`, stored as arrays (scikit-learn's layout)."""

    def __init__(self, weights: dict) -> None:
        self.rate = float(weights["learning_rate"])
        self.depth = int(weights["max_depth"])
        # listwise trees correct the last logit stage's score; pointwise ones replace it
        self.on_logit = bool(weights.get("on_logit", False))
        self.trees = [
            tuple(np.array(t[k], dtype=float if k in ("threshold", "value") else int) for k in _TREE_KEYS)
            for t in weights["trees"]
        ]
        # every tree padded to the largest one's node count, so all trees descend at once; the
        # padding is never reached (no real node points at it)
        size = max((len(t[0]) for t in self.trees), default=0)
        padded = [
            np.zeros((len(self.trees), size), dtype=float if k in ("threshold", "value") else int) for k in _TREE_KEYS
        ]
        padded[0][:] = -1
        for n, tree in enumerate(self.trees):
            for table, column in zip(padded, tree, strict=True):
                table[n, : len(column)] = column
        self._left, self._right, self._feature, self._threshold, self._value = padded

    def scores(self, z: np.ndarray) -> np.ndarray:
        rows = np.arange(len(z))[None, :]
        trees = np.arange(len(self.trees))[:, None]
        node = np.zeros((len(self.trees), len(z)), dtype=int)
        for _ in range(self.depth):
            inner = self._left[trees, node] >= 0
            go_left = z[rows, np.maximum(self._feature[trees, node], 0)] <= self._threshold[trees, node]
            node = np.where(inner, np.where(go_left, self._left[trees, node], self._right[trees, node]), node)
        leaves = self.rate * self._value[trees, node]
        total = np.zeros(len(z))
        for leaf in leaves:  # summed tree by tree, in order, as the trees were trained to add up
            total += leaf
        return total


_TREE_KEYS = ("left", "right", "feature", "threshold", "value")


class Ranker:
    """The trained stages: the first reads the context from the prior, each next one from the last;
    boosted trees, where shipped, rescore the last stage's candidates."""

    def __init__(self, weights: dict) -> None:
        if tuple(weights["features"]) != FEATURES:
            raise ResourceError(
                f"{RANKER_PATH.name} was trained on other features: retrain with `python -m dateline.places.train`"
            )
        self.meta = {k: v for k, v in weights.items() if k not in ("stages", "trees")}
        self.stages = [Stage(w) for w in weights["stages"]]
        self.trees = Trees(weights["trees"]) if weights.get("trees") else None

    @classmethod
    @functools.cache
    def load(cls, path: Path = RANKER_PATH) -> Ranker:
        """The shipped ranker (read once per process)."""
        try:
            return cls(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError) as e:
            raise ResourceError(f"cannot read the place ranker {path} ({e}): reinstall dateline") from None

    def scores(self, doc: Doc, mentions: list[Mention]) -> list[np.ndarray]:
        """The last stage's score of every candidate of every mention."""
        scores: list[np.ndarray] | None = None
        xs: list[np.ndarray] = []
        facts = _facts(doc, mentions)
        for stage in self.stages:
            xs = features(doc, mentions, scores, facts)
            scores = [stage.scores(x) for x in xs]
        if scores is None:
            return []
        if self.trees is not None:
            # one pass of the trees over every mention's candidates: the trees score each row on
            # its own, so stacking the rows changes no score
            live = [n for n, x in enumerate(xs) if len(x)]
            if live:
                total = self.trees.scores(np.vstack([tree_inputs(xs[n], scores[n]) for n in live]))
                parts = np.split(total, np.cumsum([len(xs[n]) for n in live])[:-1])
                for n, part in zip(live, parts, strict=True):
                    scores[n] = scores[n] + part if self.trees.on_logit else part
        return scores


def resolve(
    doc: Doc, mentions: list[Mention], gazetteer: Gazetteer | None, ranker: Ranker | None = None
) -> list[Resolution]:
    """Choose an entry for each mention, in the mentions' order."""
    ranker = ranker or Ranker.load()
    out = []
    for m, s in zip(mentions, ranker.scores(doc, mentions), strict=True):
        if not m.candidates:
            out.append(Resolution(m, None, 0.0, f"no gazetteer entry for {m.text!r}"))
            continue
        order = sorted(range(len(s)), key=lambda i: (-s[i], -m.candidates[i][0].population, m.candidates[i][0].pid))
        best = order[0]
        # Confidence: the softmax share of the best candidate, tempered by how sure we are that
        # the text names a place at all.
        share = 1.0 / float(np.exp(s - s[best]).sum())
        detection = 0.6 + 0.4 * min(1.0, max(m.support, 0.0) / 3.0)
        out.append(Resolution(m, m.candidates[best][0], round(detection * share, 3)))
    return out
