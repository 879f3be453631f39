"""Finding place mentions: gazetteer names, NER and context cues, each checking the others.

NER alone is not trusted (en_core_web_sm tags "Dzhankoi" as ORG in one sentence and PERSON in
the next), nor is the gazetteer alone (it holds a Court in Switzerland and a March in England). A
name found in the gazetteer becomes a mention when enough evidence supports it: the entity label,
a locative cue ("in the town of X", "near X", "X-based"), the kind and size of the place it can
be, and the rest of the document (a name accepted once is accepted everywhere in the report).
Adjectives of place ("Ukrainian") count only where used as a place ("Russian-occupied Crimea",
"on Syrian soil"); names used for a government ("the Kremlin said", "Washington accused") are
actors, not places, and are left out.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Token

from dateline.nlp import entities, tokens
from dateline.nlp import text as doc_text
from dateline.places.gazetteer import ADMIN1, COUNTRY, FEATURE, Entry, Gazetteer, normalize, read_table


def _words(text: str) -> frozenset[str]:
    """A word list written as one string, for tables of cue words that read best as prose."""
    return frozenset(text.split())


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of text taken to name a place, with the gazetteer entries it may refer to."""

    start: int
    end: int
    text: str
    candidates: tuple[tuple[Entry, bool], ...]  # (entry, the text is the entry's own name)
    support: float  # how strongly the text says "this is a place" (see `_support`)
    cues: tuple[str, ...] = ()
    demonym: bool = False  # an adjective of place ("Ukrainian") standing for its country
    head_index: int = 0  # index of the mention's first token in the Doc
    end_index: int = 0  # index after the mention's last token
    reasons: tuple[str, ...] = field(default=())


#: Words that precede a place name and say it is one ("in the town of Dzhankoi").
PLACE_NOUNS = _words(
    "town city village capital region province district county state port oblast republic "
    "municipality settlement area island peninsula suburb neighbourhood neighborhood township "
    "territory governorate prefecture hamlet community"
)
#: Prepositions after which a capitalised name is most often a place.
LOCATIVE = _words(
    "in near outside inside at from to into across around toward towards through throughout via between within off over"
)
#: Verbs that, before a locative preposition, say that what follows is where something is.
LOCATED = _words(
    "locate base situate station deploy live bear headquarter hold stage arrest kill detain fight shell strike hit"
)
#: Nouns after an adjective of place that make it a place: "Syrian soil", "the Ukrainian city of".
DEMONYM_PLACE_NOUNS = PLACE_NOUNS | _words(
    "soil border borders side coast coastline waters airspace mainland countryside frontier enclave exclave countryside"
)
#: Participles that make "X-occupied Y" a statement about where Y lies and who holds it.
HOLDING_PARTICIPLES = _words("occupied controlled held annexed administered ruled")
#: Verbs whose subject, when a country or capital, is a government speaking or acting (metonymy).
ACTOR_VERBS = _words(
    "say tell accuse deny claim announce warn insist confirm reject condemn urge threaten demand "
    "respond agree sign vow pledge argue blame call criticize criticise welcome praise propose refuse "
    "decide order approve respond retaliate sanction expel recognize recognise allege dismiss declare "
    "state report stress label add note"
)
#: Verbs whose direct object, when a country or capital, is a government (accused Moscow of ...).
ACTOR_OBJECT_VERBS = _words("accuse blame urge warn condemn criticize criticise sanction")
#: Buildings and streets that stand for a government; never a place in their own right here.
METONYMS = frozenset(
    normalize(x)
    for x in (
        "Kremlin",
        "White House",
        "Pentagon",
        "Downing Street",
        "Elysee",
        "Élysée",
        "Whitehall",
        "Capitol Hill",
        "Zhongnanhai",
        "Foggy Bottom",
        "Quai d'Orsay",
        "Blue House",
        "Knesset",
    )
)
#: Words after a name that make it a street, not the town: "Dublin Road", "Orchard St.".
STREET_TAILS = _words(
    "road rd street st avenue ave boulevard blvd drive dr lane ln highway hwy way route square place "
    "court ct parkway pkwy pike trail terrace"
)
#: Words after a name that make it the seat of an institution: "Alexandria Police", "Texas
#: Department of ...". The town is still named (annotated corpora such as LGL count it), so these
#: let a place through at the start of an organisation's name.
ORG_TAILS = _words(
    "police department dept sheriff fire city county state school schools university college hospital "
    "council board commission house senate assembly legislature national guard court public community "
    "regional metropolitan municipal district chamber airport port"
)
#: Capitalised words that name places but mostly mean something else in news text: months,
#: weekdays, titles, directions, generic landscape words and common surnames. They need NER or a
#: cue to count (see `_judge`).
COMMON = _words(
    "january february march april may june july august september october november december monday "
    "tuesday wednesday thursday friday saturday sunday god christmas easter mark hope victory liberty "
    "union independence justice unity progress reading bath nice split mobile orange lincoln jackson "
    "chance enterprise paradise friendship marathon sale media police president governor mayor "
    "senator minister general captain officer sheriff chief judge university college church school "
    "court city state county republic north south east west northeast northwest southeast southwest "
    "central northern southern eastern western new old great little center centre street man day "
    "hills metro titan gulf river lake park valley mount bay beach island islands falls springs "
    "heights station harbor harbour village town bell moore patrick manning bingham gaston holroyd "
    "summit freedom harmony eden"
) | frozenset(STOP_WORDS)
#: Entity labels that, covering more than the name, make it part of another kind of name.
OTHER_NAME_LABELS = _words("PERSON ORG FAC NORP EVENT WORK_OF_ART LAW PRODUCT LANGUAGE")

#: AP-style US state abbreviations, used only in "X, Y" patterns ("Alexandria, La."), keyed by
#: `normalize(...)` without spaces ("W.Va." and "W. Va." are both "wva").
AP_STATES = {
    "ala": "AL",
    "ariz": "AZ",
    "ark": "AR",
    "calif": "CA",
    "colo": "CO",
    "conn": "CT",
    "del": "DE",
    "fla": "FL",
    "ga": "GA",
    "ill": "IL",
    "ind": "IN",
    "kan": "KS",
    "kans": "KS",
    "ky": "KY",
    "la": "LA",
    "md": "MD",
    "mass": "MA",
    "mich": "MI",
    "minn": "MN",
    "miss": "MS",
    "mo": "MO",
    "mont": "MT",
    "neb": "NE",
    "dc": "DC",
    "nev": "NV",
    "nh": "NH",
    "nj": "NJ",
    "nm": "NM",
    "ny": "NY",
    "nc": "NC",
    "nd": "ND",
    "okla": "OK",
    "ore": "OR",
    "pa": "PA",
    "ri": "RI",
    "sc": "SC",
    "sd": "SD",
    "tenn": "TN",
    "tex": "TX",
    "vt": "VT",
    "va": "VA",
    "wash": "WA",
    "wva": "WV",
    "wis": "WI",
    "wyo": "WY",
}


#: Canadian Press abbreviations of provinces ("Red Deer, Alta."), keyed like `AP_STATES`, valued
#: by GeoNames admin1 code.
CA_PROVINCES = {
    "alta": "01",
    "bc": "02",
    "man": "03",
    "nb": "04",
    "nfld": "05",
    "ns": "07",
    "ont": "08",
    "pei": "09",
    "que": "10",
    "sask": "11",
}


def state_of(text: str) -> str | None:
    """The admin1 key (`US.TX`, `CA.08`) of a dotted state or province abbreviation ("Tenn.", "Ont.").

    "L.A." is Los Angeles, not Louisiana (AP writes "La.").
    """
    if "." not in text or text.replace(" ", "") == "L.A.":
        return None
    key = normalize(text).replace(" ", "")
    if key in AP_STATES:
        return f"US.{AP_STATES[key]}"
    if key in CA_PROVINCES:
        return f"CA.{CA_PROVINCES[key]}"
    return None


@functools.cache
def demonyms() -> dict[str, str]:
    """Adjective of place (normalized) -> a country ISO-2 code or an admin1 `CC.code` key."""
    return {normalize(a): t for a, t in read_table("demonyms.tsv")}


def _capitalised(token: Token) -> bool:
    c = token.text[:1]
    return c.isupper() or (c.isalpha() and not c.isascii() and not c.islower())


def _lemma(token: Token) -> str:
    return (token.lemma_ or token.text).lower()


def person_words(doc: Doc) -> set[str]:
    """Words that are part of multi-word person names in this document ("Vladimir Putin").

    One sense per discourse: "Putin" alone later in the report is still the person, even where
    the gazetteer knows a village of that name.
    """
    words: set[str] = set()
    for ent in entities(doc):
        if ent.label_ == "PERSON" and len(ent) > 1:
            words.update(normalize(t.text) for t in ent if _capitalised(t))
    return words


def cue_before(doc: Doc, i: int, depth: int = 0) -> str | None:
    """A locative cue before token `i`: "the town of", "located in", "near", "in (Russian-occupied)".

    A cue carries over a list: in "located in Dzhankoi and Gvardeyskoye" both names have it.
    """
    j = i - 1
    # Skip what may stand between the cue and the name: articles, adjectives, "Russian-occupied".
    while j >= 0 and (
        doc[j].pos_ in ("DET", "ADJ", "NUM")
        or doc[j].text in ("-",)
        or doc[j].lower_ in HOLDING_PARTICIPLES
        or (doc[j].pos_ == "PROPN" and j >= i - 3 and j + 1 < len(doc) and doc[j + 1].text == "-")
    ):
        j -= 1
    if j < 0:
        return None
    w = doc[j].lower_
    if w == "of" and j >= 1 and doc[j - 1].lower_ in PLACE_NOUNS:
        return f"{doc[j - 1].lower_} of"
    if w in LOCATIVE:
        if j >= 1 and _lemma(doc[j - 1]) in LOCATED:
            return f"{doc[j - 1].lower_} {w}"
        return w
    if w in ("and", "or", ",") and depth < 3 and j >= 1 and _capitalised(doc[j - 1]):
        k = j - 1
        while k > 0 and _capitalised(doc[k - 1]) and not doc[k].is_sent_start:
            k -= 1  # back over the previous name of the list
        return cue_before(doc, k, depth + 1)
    return None


def cue_after(doc: Doc, k: int) -> str | None:
    """A cue after the name ending before token `k`: "X-based", "X, Ukraine" is handled elsewhere."""
    if k + 1 < len(doc) and doc[k].text == "-" and doc[k + 1].lower_ in ("based", "area", "born"):
        return f"-{doc[k + 1].lower_}"
    return None


def is_actor_use(doc: Doc, i: int, k: int) -> bool:
    """Is the name at tokens [i, k) the subject (or accused object) of a government's verb?"""
    for t in doc[i:k]:
        head = t.head
        if t.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX") and _lemma(head) in ACTOR_VERBS:
            return True
        if t.dep_ == "dobj" and _lemma(head) in ACTOR_OBJECT_VERBS:
            return True
        if t.dep_ == "conj" and t.head.dep_ == "nsubj" and _lemma(t.head.head) in ACTOR_VERBS:
            return True  # "Washington and London said"
    return False


def _entity_labels(doc: Doc) -> list[tuple[str, int, int] | None]:
    labels: list[tuple[str, int, int] | None] = [None] * len(doc)
    for ent in entities(doc):
        for t in range(ent.start, ent.end):
            labels[t] = (ent.label_, ent.start, ent.end)
    return labels


def _spans(doc: Doc, max_tokens: int) -> Iterator[tuple[int, int]]:
    """Token ranges that may be names: start and end capitalised, inside one sentence.

    A sentence-final period is its own token unless spaCy keeps it in an abbreviation ("U.S.",
    "D.C."), so spans never end in one.
    """
    toks = tokens(doc)
    capitalised = [_capitalised(t) for t in toks]
    for i, t in enumerate(toks):
        if not capitalised[i] or t.is_punct:
            continue
        for k in range(i + 1, min(len(toks), i + max_tokens) + 1):
            last = toks[k - 1]
            if k - 1 > i and (last.is_sent_start or last.text in _BREAKS):
                break
            if capitalised[k - 1]:
                yield i, k


#: Tokens a name does not run across.
_BREAKS = frozenset((",", ";", ":", "(", ")", '"', "\u201c", "\u201d"))


def find_mentions(doc: Doc, gazetteer: Gazetteer) -> list[Mention]:
    """Place mentions in `doc`, not overlapping, in text order, before disambiguation."""
    text = doc_text(doc)
    spans = list(_spans(doc, gazetteer.max_tokens))
    ends: dict[int, list[int]] = {}  # start -> the ends of the spans from it, so no look needs all spans
    for i, k in spans:
        ends.setdefault(i, []).append(k)
    toks = tokens(doc)
    keys = {(i, k): normalize(text[toks[i].idx : toks[k - 1].idx + len(toks[k - 1])]) for i, k in spans}
    found = gazetteer.lookup(keys.values())
    labels = _entity_labels(doc)
    persons = person_words(doc)
    adjectives = demonyms()

    # Longest gazetteer match at each start, leftmost first; then NER places the gazetteer lacks.
    taken = [False] * len(doc)
    raw: list[Mention] = []
    for i in range(len(doc)):
        if taken[i]:
            continue
        best = max((k for k in ends.get(i, ()) if keys[(i, k)] in found), default=None)
        key = keys.get((i, best)) if best else None
        if best is None or key is None:
            m = _demonym_mention(doc, i, adjectives, gazetteer)
            if m is not None:
                raw.append(m)
            continue
        container = _container_after(doc, best, spans, keys, found)
        mention = _judge(doc, i, best, tuple(found[key]), labels, persons, container)
        if mention is not None:
            raw.append(mention)
            for t in range(i, best):
                taken[t] = True
    raw += _unknown_ner_places(doc, labels, taken, adjectives, persons)
    kept = _one_sense_per_discourse(sorted(raw, key=lambda m: m.start))
    kept += _state_abbreviations(doc, kept, gazetteer)
    return sorted(kept, key=lambda m: m.start)


def _state_abbreviations(doc: Doc, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """AP-style state abbreviations right after a place and a comma: "Charleston, W.Va.".

    Only there: alone, "Ill." or "Mo." are too often something else.
    """
    out = []
    for m in mentions:
        k = m.end_index
        if k + 1 >= len(doc) or doc[k].text != ",":
            continue
        t = doc[k + 1]
        dotted = "." in t.text or (k + 2 < len(doc) and doc[k + 2].text == ".")
        entry = gazetteer.admin1_of(state_of(t.text if "." in t.text else t.text + "."))
        if entry is None or not dotted or not _capitalised(t):
            continue
        out.append(
            Mention(
                start=t.idx,
                end=t.idx + len(t),
                text=t.text,
                candidates=((entry, True),),
                support=2.0,
                cues=("X, Y",),
                head_index=k + 1,
                end_index=k + 2,
            )
        )
    return out


def _container_after(
    doc: Doc,
    k: int,
    spans: list[tuple[int, int]],
    keys: dict[tuple[int, int], str],
    found: dict[str, list[tuple[Entry, bool]]],
) -> bool:
    """Is the name ending before token `k` followed by ", <state or country>" (Greer, S.C.)?"""
    if k + 1 >= len(doc) or doc[k].text != ",":
        return False
    t = doc[k + 1]
    if state_of(t.text if "." in t.text else t.text + ".") and (
        "." in t.text or (k + 2 < len(doc) and doc[k + 2].text == ".")
    ):
        return True
    after = [keys[span] for span in spans if span[0] == k + 1]
    return any(c.kind in (COUNTRY, ADMIN1) for key in after for c, _ in found.get(key, ()))


def _judge(
    doc: Doc,
    i: int,
    k: int,
    candidates: tuple[tuple[Entry, bool], ...],
    labels: list[tuple[str, int, int] | None],
    persons: set[str],
    container: bool = False,
) -> Mention | None:
    """Turn a gazetteer match into a mention with a support score, or reject it (None)."""
    span = doc[i:k]
    key = normalize(span.text)
    if key in METONYMS or key in demonyms():
        return None
    label = labels[i]
    ner_place = label is not None and label[0] in ("GPE", "LOC") and label[1] <= i and k <= label[2]
    nxt = doc[k].lower_.rstrip(".") if k < len(doc) and _capitalised(doc[k]) else ""
    if nxt in STREET_TAILS:
        return None  # "Dublin Road"
    # Part of a longer name of another kind ("International Criminal Court", "Volodymyr Zelensky"),
    # unless the place opens an institution's name ("the Texas Department of ...") or closes
    # one after "of" ("the University of Alexandria").
    embedded = False
    if label is not None and label[0] in OTHER_NAME_LABELS and (label[2] - label[1]) > (k - i):
        first = label[1] + (1 if doc[label[1]].lower_ == "the" else 0)
        opens = first == i and (label[0] in ("ORG", "FAC") or nxt in ORG_TAILS)
        closes = label[2] == k and i > 0 and doc[i - 1].lower_ == "of" and label[0] in ("ORG", "FAC")
        if not (opens or closes):
            return None
        embedded = True
    if key in persons and not ner_place:
        return None
    kinds = {e.kind for e, _ in candidates}
    top_pop = max(e.population for e, _ in candidates)
    propn = any(t.pos_ == "PROPN" for t in span)
    cue = cue_before(doc, i) or cue_after(doc, k) or ("X, Y" if container else None)
    if k + 1 < len(doc) and doc[k].text == "-" and _capitalised(doc[k + 1]):
        return None  # the first part of a hyphenated name the gazetteer lacks ("Wal-Mart")

    # Support: how strongly the text and the gazetteer say this is a place. Each signal is worth
    # roughly one independent witness; 1.5 is needed (see `ACCEPT`).
    support = 0.0
    if ner_place:
        support += 2.0
    if cue:
        strong = " of" in cue or cue.startswith("-") or cue == "X, Y" or " " in cue  # "located in"
        support += 2.0 if strong else 1.0
    if kinds & {COUNTRY, ADMIN1, FEATURE}:
        support += 1.5
    if top_pop >= 100_000:
        support += 1.5
    elif top_pop >= 10_000:
        support += 0.75
    if len(span) > 1:
        support += 0.5  # multi-word gazetteer names rarely match by accident
    if not any(own for _, own in candidates) and not ner_place and not cue:
        support -= 0.75  # only an alternate name of something ("Hamas" is also a spelling of Hamm)
    if not propn and not ner_place:
        return None  # "Amateur video": a capitalised common word at the start of a sentence
    # Acronyms ("US", "U.S.") are never the common word ("us") they spell.
    common = not span.text.replace(".", "").isupper() and span.text.lower() in COMMON
    if common or (len(span) == 1 and span[0].is_sent_start and span[0].lower_ in COMMON):
        support -= 4.0  # only a cue and NER together lift a common word ("in West Virginia" aside)
    if label is not None and label[0] == "PERSON":
        support -= 0.5  # spaCy tags small towns PERSON: a doubt, not a veto
    if label is not None and label[0] in ("ORG", "NORP", "FAC") and not embedded:
        # spaCy's ORG on a bare name is right about "Hamas" and wrong about "Dzhankoi": a cue or
        # the rest of the report (one sense per discourse) must outweigh it.
        support -= 1.0
    if k - i == 1 and len(span.text) <= 2 and not span.text.isupper():
        return None  # two-letter words that are not codes
    return Mention(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        candidates=own_names(span.text, candidates),
        support=support,
        cues=(cue,) if cue else (),
        head_index=i,
        end_index=k,
    )


def _demonym_mention(doc: Doc, i: int, adjectives: dict[str, str], gazetteer: Gazetteer) -> Mention | None:
    """An adjective of place used as a place: "Russian-occupied", "Syrian soil", "the Ukrainian city of"."""
    t = doc[i]
    target = adjectives.get(normalize(t.text))
    if target is None or not _capitalised(t):
        return None
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    cue = None
    if nxt is not None and nxt.text == "-" and i + 2 < len(doc) and doc[i + 2].lower_ in HOLDING_PARTICIPLES:
        cue = f"-{doc[i + 2].lower_}"
    elif nxt is not None and nxt.lower_ in DEMONYM_PLACE_NOUNS:
        cue = nxt.lower_
    elif nxt is not None and nxt.pos_ == "ADJ" and i + 2 < len(doc) and doc[i + 2].lower_ in DEMONYM_PLACE_NOUNS:
        cue = doc[i + 2].lower_  # "Russian southern border"
    if cue is None:
        return None
    entry = gazetteer.admin1_of(target) if "." in target else gazetteer.country(target)
    if entry is None:
        return None
    return Mention(
        start=t.idx,
        end=t.idx + len(t),
        text=t.text,
        candidates=((entry, True),),
        support=2.0,
        cues=(cue,),
        demonym=True,
        head_index=i,
        end_index=i + 1,
    )


def _unknown_ner_places(
    doc: Doc,
    labels: list[tuple[str, int, int] | None],
    taken: list[bool],
    adjectives: dict[str, str],
    persons: set[str],
) -> list[Mention]:
    """GPE/LOC entities the gazetteer does not know, kept as unresolved mentions with a cue's support.

    Only with a locative cue: a bare GPE that no gazetteer knows is more often a misread name.
    """
    out = []
    for ent in entities(doc):
        if ent.label_ not in ("GPE", "LOC") or any(taken[ent.start : ent.end]):
            continue
        start = ent.start + (1 if ent[0].lower_ == "the" else 0)
        span = doc[start : ent.end]
        key = normalize(span.text)
        if not span.text or not _capitalised(span[0]) or key in adjectives or key in METONYMS or key in persons:
            continue
        if key in COMMON or not any(t.pos_ == "PROPN" for t in span):
            continue
        cue = cue_before(doc, start)
        if cue is None:
            continue
        out.append(
            Mention(
                start=span.start_char,
                end=span.end_char,
                text=span.text,
                candidates=(),
                support=2.0,
                cues=(cue,),
                head_index=start,
                end_index=ent.end,
            )
        )
    return out


#: Support a mention needs to be kept.
ACCEPT = 1.5


def _one_sense_per_discourse(mentions: list[Mention]) -> list[Mention]:
    """Keep mentions with enough support, and every other mention of a name accepted once.

    A report that says "in the town of Dzhankoi" means the town when it says "Dzhankoi" again in a
    sentence where spaCy calls it a person.
    """
    accepted = {normalize(m.text) for m in mentions if m.support >= ACCEPT}
    return [m for m in mentions if m.support >= ACCEPT or (normalize(m.text) in accepted and m.support > -1.0)]


#: Abbreviated words of place names, expanded when a name is not found as written ("St. Kitts and
#: Nevis", "W. Columbia", "Madison Twp."), keyed by `normalize` (dots gone).
ABBREVIATED = {
    "st": "saint",
    "ste": "sainte",
    "mt": "mount",
    "ft": "fort",
    "pt": "point",
    "n": "north",
    "s": "south",
    "e": "east",
    "w": "west",
    "co": "county",
    "twp": "township",
}
#: Generic words of a feature's or a division's name. A river, lake, harbour, park or township the
#: gazetteer lacks is nearly always named after the town or county it lies in or next to
#: ("Kanawha River", "Readington Township", "Boston Harbor", "Lake Harriet"), so with the generic
#: word dropped the rest finds that place, well within 161 km of the feature.
GENERIC_TAILS = _words(
    "river creek township lake harbor harbour park valley bay sound islands island falls reservoir dam "
    "mountains mountain county parish borough village"
)
GENERIC_HEADS = _words("lake mount port town city village township borough")


def fallback_keys(key: str) -> Iterator[str]:
    """Look-up keys to try, in order, for a name the gazetteer lacks as written (see `ABBREVIATED`,
    `GENERIC_TAILS`): abbreviations expanded, then a generic first or last word dropped."""
    words = key.split()
    expanded = [ABBREVIATED.get(w, w) for w in words]
    if expanded != words:
        yield " ".join(expanded)
    if len(expanded) > 1 and expanded[-1] in GENERIC_TAILS:
        yield " ".join(expanded[:-1])
    if len(expanded) > 2 and expanded[-1] == "park" and expanded[-2] in ("national", "state"):
        yield " ".join(expanded[:-2])
    if len(expanded) > 1 and expanded[0] in GENERIC_HEADS:
        rest = expanded[2:] if len(expanded) > 2 and expanded[1] == "of" else expanded[1:]
        yield " ".join(rest)


def own_names(text: str, candidates: tuple[tuple[Entry, bool], ...]) -> tuple[tuple[Entry, bool], ...]:
    """The candidates, each marked as named by its own name where the text spells that name with
    abbreviations: "St. Petersburg" is Saint Petersburg's own name, not only an alias of it."""
    if not candidates or all(own for _, own in candidates):
        return candidates
    key = _spelled_out(normalize(text[4:] if text.lower().startswith("the ") else text))
    return tuple((e, own or _spelled_out(normalize(e.name)) == key) for e, own in candidates)


@functools.lru_cache(maxsize=1 << 14)
def _spelled_out(key: str) -> str:
    return " ".join(ABBREVIATED.get(w, w) for w in key.split())


def mentions_at(doc: Doc, spans: list[tuple[int, int]], gazetteer: Gazetteer) -> list[Mention]:
    """Mentions for given character spans (gold toponyms): only the look-up, no detection.

    This is how published geoparsers are compared on resolution alone (`dateline geocode`).
    """
    out = []
    adjectives = demonyms()
    for start, end in sorted(spans):
        text = doc_text(doc)[start:end]
        key = normalize(text[4:] if text.lower().startswith("the ") else text)
        candidates = gazetteer.names_of(key)
        for other in () if candidates else fallback_keys(key):
            candidates = gazetteer.names_of(other)
            if candidates:
                break
        state = gazetteer.admin1_of(state_of(text))
        if state is None and not candidates and key.replace(" ", "") in AP_STATES:
            state = gazetteer.admin1_of(f"US.{AP_STATES[key.replace(' ', '')]}")
        if state is not None:
            candidates = ((state, True),)
        # Demonyms, singular or plural ("Canadian", "Syrians"), given as a place stand for their
        # country (or admin1: "Crimean"), not for a namesake town (Canadian, Texas).
        singular = key[:-1] if key.endswith("s") and key[:-1] in adjectives else key
        if singular in adjectives:
            target = adjectives[singular]
            entry = gazetteer.admin1_of(target) if "." in target else gazetteer.country(target)
            candidates = ((entry, True),) if entry else candidates
        span = doc.char_span(start, end, alignment_mode="expand")
        i, k = (span.start, span.end) if span is not None else (0, 0)
        out.append(
            Mention(
                start=start,
                end=end,
                text=text,
                candidates=own_names(text, candidates),
                support=3.0,
                head_index=i,
                end_index=k,
            )
        )
    return out
