"""Find attributions in a parsed document: source, cue, content, stance, from the dependency parse.

A pure generator over a spaCy `Doc`, in the manner of textacy's `direct_quotations`: it knows
nothing of actors or events (`find_claims` links those). Each `Attribution` gives character spans
into the document text, so the PolNeAR scorer can use it as it is.

How it reads a sentence:
- a cue verb (`cues.CUE_CLASS`) with a clausal complement (`ccomp`/`xcomp`) takes that clause as
  content, whether before ("..., X said") or after ("X said that ...") the cue;
- object-taking cues take their object: "confirmed the deaths", "accused Russia of ...",
  "labeled the ICC's actions as ...", "video shows an explosion";
- the source is the cue's subject, or that of the verb it is coordinated with ("did not claim ...
  but said ..."), or of the verbs governing it through `xcomp`/`acomp` ("hasn't been able to
  confirm"), or the passive subject of a perception verb ("a man is heard saying ...");
- "according to X" makes X the source of the rest of its clause; a hearsay adverb ("reportedly",
  "allegedly") attributes its clause to nobody in particular;
- "Speaker: statement" lines (transcripts, headlines) and '"quote" ― Name' attribute by punctuation;
- a content inside a quotation widens to the whole quotation, however many sentences it holds;
- a quotation the speaker resumes after the cue ('“A,” she said. “B.”') is kept as its `continuation`;
- with a `learned.CueModel`, verbs the cue table does not list ("spoke of", "bemoaned") are cues
  when the model says so, read the same way (source: subject; content: clause, object, or the
  object of the preposition that joins the cue).
Dependencies that cross a line break are ignored: the small English model sometimes joins two
paragraphs into one sentence, and an attribution never spans a paragraph break in news text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from dateline.claims import cues
from dateline.claims.learned import CueModel, candidate
from dateline.nlp import entities, tokens
from dateline.nlp import text as doc_text

#: Clause subjects, active and passive.
SUBJECTS = ("nsubj", "nsubjpass")
#: Relations through which a cue inherits negation, refusal and its subject from a governing verb.
GOVERNING = ("xcomp", "acomp")
#: Perception verbs whose passive subject is the source of an xcomp cue ("is heard saying").
PERCEPTION = frozenset({"hear", "see", "quote", "record", "film"})
#: Opening quotation marks, as the tokenizer splits them off.
QUOTE_MARKS = frozenset({"“", '"', "‘", "''", "``"})
#: Trailing characters never part of a content or source span.
TRAIL = " \t\n\xa0,;:—–-"
#: Cue classes a speaker's second, coordinated statement takes ("said ..., but denied ..."); "had
#: taken his phone and had not shown a warrant" is one statement whose content goes on.
SECOND_STATEMENT = frozenset({"say", "deny", "confirm", "accuse"})
#: Prepositions that give the occasion of a statement: "during a meeting", "at a news conference".
SETTING_PREPS = frozenset({"during", "at", "after", "before"})
#: Pronouns of the speaker and the addressee.
FIRST_SECOND_PERSON = frozenset({"i", "we", "you"})
#: Personal pronouns a source may be; `find_claims` resolves them to an earlier source.
PRONOUNS = frozenset({"it", "he", "she", "they"})
#: Relative pronouns a source may be ("the senator, who said ...", "the government, which denied
#: ..."); `find_claims` resolves them to the noun they stand for (`antecedent`).
RELATIVES = frozenset({"who", "whom", "which", "that"})


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attribution as found in the parse, before actors and events are linked."""

    source: tuple[int, int] | None
    cue: tuple[int, int]
    content: tuple[int, int] | None
    stance: str
    cue_class: str
    source_head: int | None = None  # token index of the source's head word
    target: tuple[int, int] | None = None  # the cue's object when there is no content ("for the strike")
    setting: tuple[int, int] | None = None  # the occasion of the statement ("during a meeting on Monday")
    # the speaker's quotation resumed after the cue: '“A,” she said. “B.”' gives content A, continuation B
    continuation: tuple[int, int] | None = None


_LINE_BREAK = re.compile("\n")


class _Paragraphs:
    """Line breaks of the text, to keep every span inside the paragraph of its cue."""

    def __init__(self, text: str) -> None:
        self.breaks = [m.start() for m in _LINE_BREAK.finditer(text)]
        self.length = len(text)

    def bounds(self, char: int) -> tuple[int, int]:
        k = bisect.bisect_right(self.breaks, char)
        start = self.breaks[k - 1] + 1 if k > 0 else 0
        end = self.breaks[k] if k < len(self.breaks) else self.length
        return start, end

    def same(self, a: Token, b: Token) -> bool:
        return self.bounds(a.idx) == self.bounds(b.idx)


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Shrink [start, end) past surrounding blanks and separators; None when nothing is left."""
    while start < end and text[start] in TRAIL:
        start += 1
    while end > start and text[end - 1] in TRAIL:
        end -= 1
    return (start, end) if end > start else None


def _balance(text: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """Drop a lone opening or closing quote mark at either edge of a span.

    The parser attaches quote marks to the cue as often as to the quoted clause; a span that opens
    a quote it does not close (or the reverse) reads badly and scores as a different span.
    """
    if span is None:
        return None
    start, end = span
    piece = text[start:end]
    opens, closes = piece.count("“") + piece.count("‘"), piece.count("”") + piece.count("’ ")
    if piece[:1] in '“"' and (opens > closes or piece.count('"') % 2):
        start += 1
    elif piece[-1:] in '”"' and (closes > opens or piece.count('"') % 2):
        end -= 1
    elif opens > closes:
        # a quote opened inside the span and closed just after it ("as “outrageous.”"): take it in
        ahead = text[end : end + 3]
        k = ahead.find("”")
        if k >= 0 and all(ch in ".,!?" for ch in ahead[:k]):
            end += k + 1
    return _trim(text, start, end)


def _span(doc: Doc, paras: _Paragraphs, anchor: Token, tokens: list[Token]) -> tuple[int, int] | None:
    """Character span of tokens, clipped to the paragraph of `anchor`, trimmed and quote-balanced."""
    lo, hi = paras.bounds(anchor.idx)
    inside = [t for t in tokens if lo <= t.idx < hi]
    if not inside:
        return None
    start = min(t.idx for t in inside)
    end = max(t.idx + len(t.text) for t in inside)
    return _balance(doc_text(doc), _trim(doc_text(doc), start, end))


def _subtree(doc: Doc, paras: _Paragraphs, anchor: Token, head: Token) -> tuple[int, int] | None:
    return _span(doc, paras, anchor, list(doc[head.left_edge.i : head.right_edge.i + 1]))


def _children(paras: _Paragraphs, tok: Token, deps: tuple[str, ...]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps and paras.same(c, tok)]


def _chain(paras: _Paragraphs, cue: Token) -> list[Token]:
    """The cue and the verbs governing it through xcomp/acomp ("has not been able to confirm")."""
    chain = [cue]
    tok = cue
    while tok.dep_ in GOVERNING and tok.head.i != tok.i and paras.same(tok, tok.head):
        tok = tok.head
        chain.append(tok)
    return chain


def _subject(paras: _Paragraphs, chain: list[Token]) -> Token | None:
    """The nearest subject up the governing chain, then up coordination ("... but said ...")."""
    for tok in chain:
        subj = _children(paras, tok, SUBJECTS)
        if subj:
            return subj[0]
    tok = chain[-1]
    # "The ministry said troops had clashed ..., but denied ...": the cue hangs on the complement of
    # the first cue, whose subject is the speaker of both
    host = tok.head
    if (
        tok.dep_ == "conj"
        and host.dep_ == "ccomp"
        and getattr(_misattached_cue(host), "i", None) == tok.i
        and paras.same(tok, host.head)
    ):
        subj = _children(paras, host.head, ("nsubj",))
        if subj and host.head.lemma_.lower() in cues.CUE_CLASS:
            return subj[0]
    while tok.dep_ == "conj" and paras.same(tok, tok.head):
        tok = tok.head
        # "refuses to release his tax records or explain ...": the first conjunct may itself take
        # its subject from the verbs governing it
        for t in _chain(paras, tok):
            subj = _children(paras, t, ("nsubj",))
            if subj:
                return subj[0]
        tok = _chain(paras, tok)[-1]
    # "responded ... by saying ...", "pitched himself to voters by telling them ...": a gerund after
    # a preposition speaks for the subject of the verb the preposition hangs on
    if tok.dep_ == "pcomp" and tok.tag_ == "VBG" and tok.head.dep_ == "prep" and paras.same(tok, tok.head.head):
        subj = _children(paras, tok.head.head, ("nsubj",))
        if subj:
            return subj[0]
    # "..., saying that ...", "went to Iowa to endorse him": a participle or an infinitive of purpose
    # attached to a clause takes that clause's subject
    if tok.dep_ in ("advcl", "xcomp") and tok.tag_ in ("VBG", "VB") and paras.same(tok, tok.head):
        subj = _children(paras, tok.head, ("nsubj",))
        if subj:
            return subj[0]
    # "a petition calling for ...", "Erin Brockovich, the activist, saying ...": a participle that
    # modifies a noun speaks for it
    if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.pos_ in ("NOUN", "PROPN") and paras.same(tok, tok.head):
        return tok.head
    return None


def _polarity(chain: list[Token]) -> tuple[bool, bool]:
    """(negated, refused) from the neg dependents and governors of the chain."""
    negated = any(c.dep_ == "neg" or c.lower_ in ("never",) for t in chain for c in t.children)
    lemmas = {t.lemma_.lower() for t in chain[1:]}
    if lemmas & cues.UNABLE_GOVERNORS:
        negated = not negated  # "unable to confirm"; "not unable" is rare enough to read literally
    refused = bool(lemmas & cues.REFUSE_GOVERNORS) and not negated
    return negated, refused


def _cue_span(doc: Doc, paras: _Paragraphs, chain: list[Token], extra: list[Token]) -> tuple[int, int]:
    """The cue: chain verbs with their auxiliaries, negation and infinitival "to"."""
    toks = list(chain) + extra
    for t in chain:
        toks += [c for c in t.children if c.dep_ in ("aux", "auxpass", "neg") and paras.same(c, t)]
    # an adverb right before the cue belongs to it ("also said", "repeatedly vowed")
    first = min(t.i for t in toks)
    if first > 0 and doc[first - 1].dep_ == "advmod" and doc[first - 1].head.i in {t.i for t in chain}:
        toks.append(doc[first - 1])
    start = min(t.idx for t in toks)
    end = max(t.idx + len(t.text) for t in toks)
    return start, end


def _misattached_cue(comp: Token) -> Token | None:
    """A cue verb coordinated with the head of a cue's complement ("said X had clashed ..., but
    denied ..."), which the small parser attaches there instead of to the governing cue."""
    return next(
        (
            c
            for c in comp.children
            if c.dep_ == "conj"
            and c.pos_ == "VERB"
            and cues.CUE_CLASS.get(c.lemma_.lower()) in SECOND_STATEMENT
            and not any(k.dep_ in SUBJECTS for k in c.children)
        ),
        None,
    )


def _clause_content(doc: Doc, paras: _Paragraphs, cue: Token) -> tuple[int, int] | None:
    """Content of a say-like cue: its clausal complement, or the clause it interrupts."""
    comps = _children(paras, cue, ("ccomp",)) or [
        c for c in _children(paras, cue, ("xcomp",)) if c.pos_ in ("VERB", "AUX")
    ]
    if comps:
        comp = comps[0]
        # "On the day that footage emerged, Sanders said, “I don't like it.”": the parser takes a
        # fronted clause for a second complement; the one after the cue is what was said, unless
        # the first is a quotation ("“We will win,” he said, “whatever it takes.”")
        if comp.i < cue.i < comps[-1].i and doc[comp.left_edge.i].text not in QUOTE_MARKS:
            comp = comps[-1]
        lo, hi = comp.left_edge.i, comp.right_edge.i
        # A relative pronoun can hang the complement's edge over the cue ("operations that its
        # military said destroyed ..."): keep only the side of the cue the complement's head is on.
        if lo <= cue.i <= hi:
            lo, hi = (cue.i + 1, hi) if comp.i > cue.i else (lo, cue.i - 1)
        # "said troops had clashed ..., but denied carrying out an air strike": the parser hangs the
        # second cue on the complement; it is the speaker's second statement, not part of the first
        second = _misattached_cue(comp)
        if second is not None and second.i > comp.i:
            hi = min(hi, second.left_edge.i - 1)
            while hi > lo and doc[hi].dep_ in ("cc", "punct"):
                hi -= 1
        return _span(doc, paras, cue, list(doc[lo : hi + 1]))
    if cue.dep_ == "parataxis" and paras.same(cue, cue.head):
        # "The strike, he said, was ...": the host clause minus the parenthetical
        host = cue.head
        left = list(doc[host.left_edge.i : cue.left_edge.i])
        right = list(doc[cue.right_edge.i + 1 : host.right_edge.i + 1])
        return _span(doc, paras, cue, max(left, right, key=len)) if left or right else None
    return None


def _object_content(doc: Doc, paras: _Paragraphs, cue: Token, preps: tuple[str, ...]) -> tuple[int, int] | None:
    """Content of an object-taking cue: its object plus "of ..."/"as ..." phrases, or its ccomp."""
    clause = _clause_content(doc, paras, cue)
    if clause:
        return clause
    objs = _children(paras, cue, ("dobj", "attr"))
    parts: list[Token] = []
    for obj in objs:
        parts.append(obj)
        parts += [p for p in obj.children if p.dep_ == "prep" and p.lower_ in preps]
    parts += [c for c in cue.children if (c.dep_ == "prep" and c.lower_ in preps) or c.dep_ in ("oprd",)]
    if not parts:
        return None
    lo = min(p.left_edge.i for p in parts)
    hi = max(p.right_edge.i for p in parts)
    return _span(doc, paras, cue, list(doc[lo : hi + 1]))


def _complement(doc: Doc, paras: _Paragraphs, cue: Token, preps: tuple[str, ...]) -> tuple[int, int] | None:
    """Content of an attitude cue: everything it governs to its right (object, clause, "for ...")."""
    parts = [
        c
        for c in cue.children
        if c.i > cue.i
        and paras.same(c, cue)
        and (c.dep_ in ("dobj", "ccomp", "xcomp", "oprd", "dative") or (c.dep_ == "prep" and c.lower_ in preps))
    ]
    if not parts:
        return None
    return _span(doc, paras, cue, list(doc[min(p.left_edge.i for p in parts) : max(p.right_edge.i for p in parts) + 1]))


def _question(doc: Doc, paras: _Paragraphs, cue: Token) -> tuple[int, int] | None:
    """What "ask" asks: "asked her if she would run", "asked Trump about his statements".

    The person asked is the addressee, not the content; only without a question does "ask" read
    as a request ("asked Congress for funds", `_complement`).
    """
    parts = [
        c
        for c in cue.children
        if c.i > cue.i
        and paras.same(c, cue)
        and (
            c.dep_ == "ccomp"
            or (c.dep_ == "prep" and c.lower_ == "about")
            # "asked the senator if he would run": the parser hangs the question on as an adverbial
            or (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children))
        )
    ]
    if not parts:
        return None
    return _span(doc, paras, cue, list(doc[min(p.left_edge.i for p in parts) : max(p.right_edge.i for p in parts) + 1]))


def _quotes(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Spans inside quotation marks (curly, straight, or doubled apostrophes) within text[lo:hi]."""
    found = [(m.start() + 1, m.end() - 1) for m in re.finditer(r"“[^“”]+”", text[lo:hi])]
    found += [(m.start() + 1, m.end() - 1) for m in re.finditer(r'"[^"]+"', text[lo:hi])]
    # some archives write quotation marks as two apostrophes: ''We will win,'' he said
    found += [(m.start() + 2, m.end() - 2) for m in re.finditer(r"''(?:(?!'').)+''", text[lo:hi])]
    return [(a + lo, b + lo) for a, b in found]


#: How far (characters) a bare "X said" looks for the quotation it attributes: past a colon and a
#: few words ("said in a statement:"), never into the next sentence.
QUOTE_REACH = 30


def _quote_near(doc: Doc, paras: _Paragraphs, cue: Token) -> tuple[int, int] | None:
    """The quotation a bare speech verb attributes: '“We will win,” he said.' or 'He said: “...”'.

    Only a quotation that closes just before the source and cue, or opens just after the cue,
    counts: a quote further away is somebody else's, or the parse already gave it.
    """
    lo, hi = paras.bounds(cue.idx)
    end = cue.idx + len(cue.text)
    for a, b in _quotes(doc_text(doc), lo, hi):
        between = doc_text(doc)[b + 1 : cue.idx]
        # '“...,” Melanie said': only the source lies between the quote and the cue
        closes_before = b < cue.idx and len(between) <= QUOTE_REACH + 50 and not re.search(r"[.!?“\"]", between)
        opens_after = a > end and a - end <= QUOTE_REACH
        if closes_before or opens_after:
            return _trim(doc_text(doc), a, b)
    # 'He said:' closing a paragraph introduces the quotation that opens the next one
    tail = doc_text(doc)[end:hi].strip()
    if tail in (":", ",:") and hi < len(doc_text(doc)):
        nxt = hi + 1
        while nxt < len(doc_text(doc)) and doc_text(doc)[nxt].isspace():  # skip blank lines between paragraphs
            nxt += 1
        nxt_lo, nxt_hi = paras.bounds(nxt)
        for a, b in _quotes(doc_text(doc), nxt_lo, nxt_hi):
            if doc_text(doc)[nxt_lo:a].strip() in ("", "“", '"'):
                return _trim(doc_text(doc), a, b)
        # 'The governor added:' followed by an unquoted paragraph: that paragraph is the statement
        return _trim(doc_text(doc), nxt_lo, nxt_hi) if nxt_lo < nxt_hi else None
    return None


def _agent(paras: _Paragraphs, cue: Token) -> Token | None:
    """The "by X" agent of a passive cue."""
    agent = next(iter(_children(paras, cue, ("agent",))), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None


def antecedent(doc: Doc, who: Token) -> tuple[int, int] | None:
    """The span of the noun phrase a relative pronoun stands for: "Paul Ryan, who said ..." -> "Paul Ryan"."""
    verb = who.head
    if verb.dep_ != "relcl" or who.lower_ not in RELATIVES:
        return None
    noun = verb.head
    hi = min([verb.left_edge.i - 1] + [c.left_edge.i - 1 for c in noun.children if c.i > noun.i and c.dep_ == "relcl"])
    return _trim(doc_text(doc), noun.left_edge.idx, doc[hi].idx + len(doc[hi].text)) if hi >= noun.left_edge.i else None


def _preposed(doc: Doc, paras: _Paragraphs, cue: Token, subj: Token | None) -> tuple[int, int] | None:
    """'About 2,000 Filipinos work in Kenya, the ministry said.' when the parse lost the clause: the
    sentence before ", <source> <cue>" that closes it is the content."""
    if subj is None or subj.i > cue.i:
        return None
    sent = cue.sent
    first = subj.left_edge.i
    if first - 1 <= sent.start or doc[first - 1].text != ",":
        return None
    if any(not t.is_punct and not t.is_space for t in doc[cue.i + 1 : sent.end]):
        return None
    return _span(doc, paras, cue, list(doc[sent.start : first - 1]))


def _source(doc: Doc, paras: _Paragraphs, cue: Token, subj: Token | None) -> tuple[tuple[int, int] | None, int | None]:
    """The source phrase: the subject's subtree up to any relative clause or clausal modifier.

    "Mr. Obama, who understood that ..." is sourced to "Mr. Obama": the clause describes the
    source, it is not part of its name (appositions, "the head of the peninsula", stay).
    """
    if subj is None:
        return None, None
    if subj.lower_ in RELATIVES:
        # "the senator, who said ...", "the government, which denied ...": the relative pronoun is
        # the source's span (as PolNeAR marks it); `find_claims` resolves it to the noun it stands
        # for (`antecedent`). "That" or "which" heading no relative clause ("that is false") is no
        # source.
        if subj.lower_ in ("that", "which") and subj.head.dep_ != "relcl":
            return None, None
        return _span(doc, paras, cue, [subj]), subj.i
    hi = subj.right_edge.i
    cut = [c for c in subj.children if c.i > subj.i and c.dep_ in ("relcl", "acl")]
    if cut:
        hi = min(c.left_edge.i for c in cut) - 1
    return _span(doc, paras, cue, list(doc[subj.left_edge.i : hi + 1])), subj.i


def _responsibility(paras: _Paragraphs, cue: Token) -> Token | None:
    """The "responsibility" object of "claim/take/deny responsibility", if any."""
    for c in _children(paras, cue, ("dobj",)):
        if c.lemma_.lower() in cues.RESPONSIBILITY_NOUNS:
            return c
    return None


def _from_verb(doc: Doc, paras: _Paragraphs, cue: Token) -> Attribution | None:
    lemma = cue.lemma_.lower()
    cls = cues.CUE_CLASS.get(lemma)
    resp = _responsibility(paras, cue) if lemma in cues.RESPONSIBILITY_VERBS | {"deny"} else None
    if resp is not None:
        cls = "deny_responsibility" if lemma == "deny" else "responsibility"
    if cls is None:
        return None
    chain = _chain(paras, cue)
    negated, refused = _polarity(chain)
    subj = _subject(paras, chain)
    # "the talks are expected to ...", "he is said to have fled": a passive cue's subject is what the
    # content is about, not who says it
    if subj is not None and subj.dep_ == "nsubjpass" and subj.head.i == cue.i:
        subj = _agent(paras, cue)  # "was called a charlatan by fellow physicians": they say it
    extra: list[Token] = []
    target = None
    content: tuple[int, int] | None
    if resp is not None:
        extra = [resp]
        content = None
        target_toks = [p for p in resp.children if p.dep_ == "prep" and p.lower_ in ("for", "over", "of")]
        target = _subtree(doc, paras, cue, target_toks[0]) if target_toks else None
    elif cls == "comment":
        if not (negated or refused):
            return None
        # "did not respond to a request for comment", "declined to comment on the report": what was
        # left unanswered
        prep = next((c for c in _children(paras, cue, ("prep",)) if c.lower_ in ("to", "on", "about")), None)
        body = [t for c in prep.children if c.dep_ in ("pobj", "pcomp") for t in c.subtree] if prep else []
        content = _span(doc, paras, cue, body) if body else None
    elif cls in ("accuse",):
        content = _object_content(doc, paras, cue, ("of", "for"))
    elif (
        cls == "label"
        and lemma == "call"
        and (
            prep := next(
                (c for c in cue.children if c.dep_ in ("prep", "prt") and c.lower_ in cues.CALL_DEMAND_PREPS), None
            )
        )
        is not None
    ):
        # "called for a ceasefire", "called on Kyiv to ...": a demand, the preposition joins the cue
        cls = "demand"
        extra = [prep]
        hi = max(
            [prep.right_edge.i]
            + [c.right_edge.i for c in cue.children if c.dep_ in ("xcomp", "ccomp") and c.i > prep.i]
        )
        rest = list(doc[prep.i + 1 : hi + 1])
        content = _span(doc, paras, cue, rest) if rest else None
    elif cls == "label":
        if not any(c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as") for c in cue.children) and not any(
            p.dep_ == "prep" and p.lower_ == "as" for o in cue.children if o.dep_ == "dobj" for p in o.children
        ):
            return None  # "called for talks", "called on Kyiv": not a label
        content = _object_content(doc, paras, cue, ("as",))
    elif cls == "evidence":
        # "video shows an explosion"; "the transcript shows that ...": evidence, not a person's act
        clause = _clause_content(doc, paras, cue)
        evidential = subj is not None and subj.lemma_.lower() in cues.EVIDENCE_NOUNS
        if subj is None or not (evidential or (clause and subj.pos_ == "NOUN")):
            return None
        content = clause or _object_content(doc, paras, cue, ())
    elif cls == "believe" and subj is None:
        return None  # "is expected to ...", "is thought to ...": nobody's belief in particular
    elif cls in ("confirm", "deny", "cite"):
        content = _object_content(doc, paras, cue, ())
    elif lemma == "ask":
        content = _question(doc, paras, cue) or _complement(doc, paras, cue, ("for", "as", "over", "of"))
    elif cls in ("demand", "criticize", "praise", "intend"):
        content = _complement(doc, paras, cue, ("for", "as", "over", "of"))
    else:
        content = _clause_content(doc, paras, cue) or _quote_near(doc, paras, cue) or _preposed(doc, paras, cue, subj)
        if content is None and lemma in cues.NEEDS_CLAUSE and not (negated or refused):
            return None
    # "a man is heard saying ...": the perception verb carries the source and joins the cue
    if subj is None and cue.dep_ in ("xcomp", "advcl") and cue.head.lemma_.lower() in PERCEPTION:
        perceiver = cue.head
        subj = next(iter(_children(paras, perceiver, ("nsubjpass",))), None)
        if subj is not None:
            extra.append(perceiver)
            extra += [c for c in perceiver.children if c.dep_ in ("aux", "auxpass", "neg")]
    if cls == "say" and not (negated or refused) and _commits(paras, cue):
        cls = "vow"  # "the unions said they would protest": a speaker announcing its own action
    stance = cues.stance_for(cls, negated, refused)
    if stance is None or (content is None and target is None and stance in ("asserts", "believes", "vows")):
        return None
    # "I think", "we want" inside a quotation are the quoted speaker's own words, not a new
    # attribution a reader would report; first-person hedges ("I think") never are.
    if (
        subj is not None
        and subj.lower_ in FIRST_SECOND_PERSON
        and (cls in ("believe", "intend") or _in_quote(doc_text(doc), paras, cue.idx))
    ):
        return None
    source, head = _source(doc, paras, cue, subj)
    if source is None and content is None:
        return None
    # "During a meeting on Monday, Xi told ...": the statement was part of that meeting
    occasion = next((c for c in chain[-1].children if c.dep_ == "prep" and c.lower_ in SETTING_PREPS), None)
    return Attribution(
        source=source,
        cue=_cue_span(doc, paras, chain, extra),
        content=content,
        stance=stance,
        cue_class=cls,
        source_head=head,
        target=target,
        setting=_subtree(doc, paras, cue, occasion) if occasion is not None else None,
    )


#: Subjects of a complement that stand for the speaker itself ("they would", "we will").
SELF = frozenset({"they", "we", "i", "he", "she"})
#: Auxiliaries of a future commitment.
WILL = frozenset({"will", "would", "'ll", "’ll", "shall"})


def _commits(paras: _Paragraphs, cue: Token) -> bool:
    """Does a speech verb report the speaker's own future action ("said they would protest")?"""
    comp = next(iter(_children(paras, cue, ("ccomp",))), None)
    # reported speech only: a quotation ("“We will rebuild,” the mayor said") keeps its own words
    if comp is None or _in_quote(doc_text(cue.doc), paras, comp.idx):
        return False
    subj = next((c for c in comp.children if c.dep_ == "nsubj"), None)
    return (
        subj is not None
        and subj.lower_ in SELF
        and any(c.dep_ == "aux" and c.lower_ in WILL for c in comp.children)
        and not any(c.dep_ == "neg" for c in comp.children)
    )


def _in_quote(text: str, paras: _Paragraphs, idx: int) -> bool:
    """Is text[idx] inside a quotation opened earlier in its paragraph?"""
    lo, _ = paras.bounds(idx)
    before = text[lo:idx]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _according_to(doc: Doc, paras: _Paragraphs, tok: Token) -> Attribution | None:
    """ "according to X, ..." / "... , according to X": X is the source of the rest of the clause."""
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
        to = doc[tok.i + 1]
    if to is None:
        return None
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    phrase = {t.i for t in tok.subtree} | {t.i for t in to.subtree} | {tok.i, to.i}
    return _sourcing(doc, paras, tok, pobj, phrase, (tok.idx, to.idx + len(to.text)))


def _sourcing(
    doc: Doc, paras: _Paragraphs, tok: Token, pobj: Token, phrase: set[int], cue: tuple[int, int]
) -> Attribution | None:
    """What a sourcing phrase at `tok` ("according to X", "in X's poll") attributes: the rest of
    its clause, to `pobj`'s phrase."""
    content = _rest_of_clause(doc, paras, tok, phrase)
    source = _subtree(doc, paras, tok, pobj)
    if content is None or source is None:
        return None
    return Attribution(
        source=source, cue=cue, content=content, stance="asserts", cue_class="according_to", source_head=pobj.i
    )


def _rest_of_clause(doc: Doc, paras: _Paragraphs, tok: Token, phrase: set[int]) -> tuple[int, int] | None:
    """The clause a sourcing phrase at `tok` modifies, without the phrase: the longer side of it."""
    # the clause it modifies: climb to the nearest verb
    host = tok.head
    while host.pos_ not in ("VERB", "AUX") and host.head.i != host.i and paras.same(host, host.head):
        host = host.head
    clause = [t for t in doc[host.left_edge.i : host.right_edge.i + 1] if t.i not in phrase and not t.is_space]
    left = [t for t in clause if t.i < tok.i]
    right = [t for t in clause if t.i > max(phrase)]
    body = max(left, right, key=len)
    return _span(doc, paras, tok, body) if body else None


def _in_evidence(doc: Doc, paras: _Paragraphs, tok: Token) -> Attribution | None:
    """ "In a CNN poll, Clinton held a 24-point lead": the poll (report, survey, ...) is the source
    of the clause, as "according to" would make it. A clause with its own cue ("In the report, the
    ministry said ...") is that cue's; "In the video, he is seen ..." describes, it reports nothing."""
    pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if tok.dep_ != "prep" or pobj is None or pobj.lemma_.lower() not in cues.FINDING_NOUNS:
        return None
    host = tok.head
    if host.lemma_.lower() in cues.CUE_CLASS or host.pos_ not in ("VERB", "AUX") or tok.i > host.i:
        return None
    return _sourcing(doc, paras, tok, pobj, {t.i for t in tok.subtree}, (tok.idx, tok.idx + len(tok.text)))


def _attitude(doc: Doc, paras: _Paragraphs, tok: Token) -> Attribution | None:
    """ "The senator is skeptical of the deal", "he was adamant that ...": "be" with an attitude
    adjective (`cues.ATTITUDE_ADJECTIVES`) gives its subject's view of what the adjective governs."""
    adj = next((c for c in tok.children if c.dep_ == "acomp" and c.lemma_.lower() in cues.ATTITUDE_ADJECTIVES), None)
    if adj is None:
        return None
    chain = _chain(paras, tok)
    subj = _subject(paras, chain)
    if subj is None or subj.lower_ in FIRST_SECOND_PERSON and _in_quote(doc_text(doc), paras, tok.idx):
        return None
    clause = next(
        (c for c in [*adj.children, *tok.children] if c.dep_ in ("ccomp", "xcomp") and paras.same(c, adj)), None
    )
    prep = next(
        (c for c in adj.children if c.dep_ == "prep" and c.lower_ in TOPIC_PREPS | {"in"} and paras.same(c, adj)),
        None,
    )
    extra = [adj]
    if clause is not None:
        content = _subtree(doc, paras, tok, clause)
    elif prep is not None:
        body = [t for c in prep.children if c.dep_ in ("pobj", "pcomp") for t in c.subtree]
        content = _span(doc, paras, tok, body) if body else None
        extra.append(prep)
    else:
        return None
    negated, refused = _polarity(chain)
    stance = cues.stance_for("believe", negated, refused)
    source, head = _source(doc, paras, tok, subj)
    if content is None or source is None or stance is None:
        return None
    return Attribution(
        source=source,
        cue=_cue_span(doc, paras, chain, extra),
        content=content,
        stance=stance,
        cue_class="believe",
        source_head=head,
    )


def _hearsay(doc: Doc, paras: _Paragraphs, tok: Token) -> Attribution | None:
    """ "Russia reportedly struck the depot": the adverb attributes its clause to unnamed others."""
    host = tok.head
    if tok.dep_ != "advmod" or host.i == tok.i or host.pos_ not in ("VERB", "AUX"):
        return None
    content = _span(doc, paras, tok, list(doc[host.left_edge.i : host.right_edge.i + 1]))
    if content is None:
        return None
    return Attribution(
        source=None,
        cue=(tok.idx, tok.idx + len(tok.text)),
        content=content,
        stance=cues.PLAIN["hearsay"],
        cue_class="hearsay",
    )


#: Most words a "Speaker: statement" line may give its speaker.
SPEAKER_WORDS = 7
#: Most words of a headline.
HEADLINE_WORDS = 20
#: Capitalized labels that open a line with a colon but name no speaker.
NOT_SPEAKERS = frozenset(
    {
        "photo",
        "video",
        "update",
        "note",
        "editor's note",
        "related",
        "read more",
        "watch",
        "source",
        "credit",
        "sources",
        "file",
        "see also",
        "the latest",  # AP's running-story label: "The Latest: Cruz to give away engraved shotgun"
        "correction",
        "warning",
        "q",
        "a",
    }
)
#: Dashes that attribute a quotation to the name after them: '“...” ― Sonya Herridge'.
DASHES = frozenset({"―", "—", "–", "--"})


def _glued_dash(word: str) -> bool:
    """A closing quote mark and a dash the tokenizer made one token: '”―' in '”― Sonya Herridge'."""
    return len(word) > 1 and word[0] in '”"' and word[-1] in "―—–"


def _dash_or_colon(doc: Doc, paras: _Paragraphs, tok: Token) -> Attribution | None:
    """'“quote” ― Name' and 'Name: statement' at the start of a paragraph (interviews, captions)."""
    text = doc_text(doc)
    lo, hi = paras.bounds(tok.idx)
    dash = next((k for k, ch in enumerate(tok.text) if ch in "―—–"), None) if tok.text not in DASHES else 0
    if dash is not None:
        # the tokenizer may glue the dash to the closing quote: '”―Sonya Herridge'
        at = tok.idx + dash
        before = text[lo:at].rstrip()
        if not before.endswith(("”", '"')):
            return None
        ents = [e for e in entities(doc) if tok.i + 1 <= e.start <= tok.i + 2 and e.label_ in ("PERSON", "ORG")]
        quote = _quotes(text, lo, at)
        if not quote and before[:1] in '“”"':
            # some pages open the quotation with a closing mark ('”Fear. ...” ― Name'): the line up
            # to the dash is the quotation
            quote = [(lo + 1, lo + len(before) - 1)]
        name = (ents[0].start_char, ents[0].end_char) if ents else None
        head = ents[0].root.i if ents else None
        if name is None:
            # a name the tagger does not know ("― Jacklyn Ashley"): the rest of the line, when it is a
            # few capitalized words
            words = text[tok.idx + len(tok.text) : hi].split()
            if 0 < len(words) <= SPEAKER_WORDS and all(w[0].isupper() for w in words):
                name = _trim(text, tok.idx + len(tok.text), hi)
                head = tok.i + 1 if tok.i + 1 < len(doc) else None
        if name is None or not quote:
            return None
        return Attribution(
            source=name,
            cue=(at, tok.idx + len(tok.text)),
            content=_trim(text, *quote[-1]),
            stance="asserts",
            cue_class="say",
            source_head=head,
        )
    if tok.text == ":" and tok.i > 0:
        ent = next((e for e in entities(doc) if e.end == tok.i and e.label_ in ("PERSON", "ORG")), None)
        speaker: tuple[int, int] | None
        if ent is not None and ent.start_char == lo:
            speaker, head = (ent.start_char, ent.end_char), ent.root.i
        else:
            # a transcript's "PENCE:" or a headline's "Poll: ...", "Warren Hammers Wells Fargo CEO: ...":
            # a short run of capitalized words opening the paragraph
            words = text[lo : tok.idx].split()
            if not (
                0 < len(words) <= SPEAKER_WORDS
                and all(w[0].isupper() or not w[0].isalpha() for w in words)
                and text[lo : tok.idx].strip(' "“”').lower() not in NOT_SPEAKERS
            ):
                return None
            speaker, head = _trim(text, lo, tok.idx), tok.i - 1
        content = _trim(text, tok.idx + 1, hi)
        return (
            Attribution(
                source=speaker,
                cue=(tok.idx, tok.idx + 1),
                content=content,
                stance="asserts",
                cue_class="say",
                source_head=head,
            )
            # "Clinton: 547." in a delegate count is a tally, not a statement
            if content and any(ch.isalpha() for ch in text[content[0] : content[1]])
            else None
        )
    return None


def _title_case(text: str) -> bool:
    """Is a line a headline in title case ("Clinton Slams Trump On Abortion")?"""
    words = [w for w in text.split() if w[:1].isalpha()]
    return 2 < len(words) <= HEADLINE_WORDS and all(w[0].isupper() for w in words)


def _cue_lemma(word: str) -> str | None:
    """The cue lemma of an inflected verb the tagger took for a name in a headline ("Slams", "Denies",
    "Questioned"); bare forms ("Call", "Report") are as often nouns and are left out."""
    lower = word.lower()
    if lower.endswith("ies"):
        stems = [lower[:-3] + "y"]
    elif lower.endswith("s"):
        stems = [lower[:-1], lower[:-2]]
    elif lower.endswith("ed"):
        stems = [lower[:-2], lower[:-1]]
    else:
        stems = []
    return next((s for s in stems if s in cues.CUE_CLASS), None)


def _headline(doc: Doc, paras: _Paragraphs, tok: Token) -> Attribution | None:
    """ "Hillary Clinton Slams Donald Trump On Abortion": in a title-case headline the tagger takes
    the cue verb for part of a name; the capitalized words before it are the source, the rest of the
    line the content."""
    text = doc_text(doc)
    lo, hi = paras.bounds(tok.idx)
    lemma = _cue_lemma(tok.text)
    # "States" is the noun of "United States" far more often than a verb
    if (
        lemma is None
        or tok.lower_ == "states"
        or tok.ent_type_ in ("GPE", "LOC", "FAC", "NORP")
        or not _title_case(text[lo:hi])
    ):
        return None
    # "Le Pen Backs Trump And Denounces Clinton": the words before a second verb are no name; left out
    before = re.split(r"[,:;—–]", text[lo : tok.idx])[-1]
    if " And " in before:
        return None
    start = tok.idx - len(before)
    source = _trim(text, start, tok.idx)
    content = _trim(text, tok.idx + len(tok.text), hi)
    if source is None or content is None or len(text[source[0] : source[1]].split()) > SPEAKER_WORDS:
        return None
    stance = cues.stance_for(cues.CUE_CLASS[lemma], negated=False, refused=False)
    if stance is None:
        return None
    return Attribution(
        source=source,
        cue=(tok.idx, tok.idx + len(tok.text)),
        content=_trim(text, content[0], content[1] - (text[content[1] - 1] == ".")),
        stance=stance,
        cue_class=cues.CUE_CLASS[lemma],
        source_head=tok.i - 1 if tok.i > 0 else None,
    )


def _nominal(doc: Doc, paras: _Paragraphs, tok: Token) -> Attribution | None:
    """ "Russia's claim that ...", "the ministry's denial that ...": a noun cue with a that-clause."""
    cls = cues.NOMINAL_CUES.get(tok.lemma_.lower())
    clause = next(
        (
            c
            for c in tok.children
            if c.dep_ in ("acl", "ccomp", "relcl")
            and c.i > tok.i
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        ),
        None,
    )
    if cls is None or clause is None:
        return None
    stance = cues.stance_for(cls, negated=False, refused=False)
    poss = next((c for c in tok.children if c.dep_ == "poss"), None)
    source = _subtree(doc, paras, tok, poss) if poss is not None else None
    content = _subtree(doc, paras, tok, clause)
    if stance is None or content is None:
        return None
    return Attribution(
        source=source,
        cue=(tok.idx, tok.idx + len(tok.text)),
        content=content,
        stance=stance,
        cue_class=cls,
        source_head=poss.i if poss is not None else None,
    )


#: Prepositions that give what a statement is about or aimed at (not its time or place).
TOPIC_PREPS = frozenset({"to", "about", "on", "against", "over", "at", "with", "for", "of", "toward", "towards"})


def _learned_content(doc: Doc, paras: _Paragraphs, cue: Token) -> tuple[tuple[int, int] | None, list[Token]]:
    """Content of a learned cue and the words it adds to the cue: its clause, its object, or the
    object of the preposition it governs ("spoke of ...", "commented on ...": the preposition is
    part of the cue, as PolNeAR marks it)."""
    clause = _clause_content(doc, paras, cue)
    if clause:
        return clause, []
    objs = [c for c in cue.children if c.dep_ in ("dobj", "dative", "acomp", "attr", "oprd") and paras.same(c, cue)]
    prt = [c for c in cue.children if c.dep_ == "prt" and paras.same(c, cue)]
    if objs:
        lo = min(o.left_edge.i for o in objs)
        hi = max(o.right_edge.i for o in objs)
        # "turned her attention to her rivals", "continued his attacks against Curiel": the object is
        # often the manner of speaking and the preposition's object what it is about; take both
        topic = [c for c in cue.children if c.dep_ == "prep" and c.i > hi and c.lower_ in TOPIC_PREPS]
        hi = max([hi] + [c.right_edge.i for c in topic])
        return _span(doc, paras, cue, list(doc[lo : hi + 1])), prt
    prep = next((c for c in cue.children if c.dep_ == "prep" and c.i > cue.i and paras.same(c, cue)), None)
    if prep is not None:
        body = [t for c in prep.children if c.dep_ in ("pobj", "pcomp") for t in c.subtree]
        if body:
            return _span(doc, paras, cue, body), prt + [prep]
    return _quote_near(doc, paras, cue), prt


def _from_learned(doc: Doc, paras: _Paragraphs, cue: Token) -> Attribution | None:
    """An attribution around a cue found by the learned detector (`learned.CueModel`).

    Its source is the cue's subject as for a listed cue (it needs a source or a content: PolNeAR
    scores cues and sources on their own); its stance is that of the `other` class
    (`expresses`), since a learned cue's meaning is not known beyond "the source voices this".
    """
    chain = _chain(paras, cue)
    negated, refused = _polarity(chain)
    content, extra = _learned_content(doc, paras, cue)
    subj = _subject(paras, chain)
    if subj is not None and subj.dep_ == "nsubjpass" and subj.head.i == cue.i:
        subj = _agent(paras, cue)  # "was called a charlatan by fellow physicians": they say it
    if cue.pos_ == "NOUN":
        # "Trump's obsession with ...", "a tough push from Obama over ...", "He added a note of caution"
        subj = next((c for c in cue.children if c.dep_ == "poss"), None) or next(
            (
                p
                for c in cue.children
                if c.dep_ == "prep" and c.lower_ in ("by", "from")
                for p in c.children
                if p.dep_ == "pobj"
            ),
            None,
        )
        if subj is None and cue.dep_ in ("dobj", "attr"):
            subj = next((c for c in cue.head.children if c.dep_ == "nsubj"), None)
    stance = cues.stance_for("other", negated, refused)
    if stance is None:
        return None
    source, head = _source(doc, paras, cue, subj)
    if content is None and source is None:
        return None
    return Attribution(
        source=source,
        cue=_cue_span(doc, paras, chain, extra),
        content=content,
        stance=stance,
        cue_class="other",
        source_head=head,
    )


def _whole_quote(text: str, paras: _Paragraphs, att: Attribution) -> Attribution:
    """Widen a content that lies inside a quotation to the whole quotation.

    The parser gives the clause of one sentence; '“We will rebuild. We will not leave,” he said'
    attributes both sentences, and a reader (and PolNeAR) takes the quotation as the content.
    """
    if att.content is None:
        return att
    start, end = att.content
    lo, hi = paras.bounds(start)
    for a, b in _quotes(text, lo, hi):
        if a - 1 <= start and end <= b + 1 and not (a <= att.cue[0] < b) and (a, b) != (start, end):
            widened = _trim(text, a, b)
            return replace(att, content=widened) if widened else att
    return att


def _continuation(text: str, paras: _Paragraphs, att: Attribution) -> Attribution:
    """Add the quotation a speaker resumes after the cue: '“We will rebuild,” she said. “We will not leave.”'.

    News style splits one speaker's quotation around "she said"; a reader (and PolNeAR, which
    marks both pieces as one content) takes the second piece as the same speaker's words. Only a
    quotation that opens within `QUOTE_REACH` characters of the cue and source and runs to the end
    of the paragraph counts: one followed by its own "…,” he added" belongs to that cue.
    """
    if att.content is None:
        return att
    lo, hi = paras.bounds(att.cue[0])
    quoted = [(a, b) for a, b in _quotes(text, lo, hi) if a - 1 <= att.content[0] and att.content[1] <= b + 1]
    if not quoted or quoted[0][1] > att.cue[0]:
        return att
    after = max(att.cue[1], att.source[1] if att.source else 0)
    for a, b in _quotes(text, after, hi):
        gap, rest = text[after : a - 1], text[b + 1 : hi]
        if len(gap) <= QUOTE_REACH and not re.search('[“”"]', gap) and not rest.strip(TRAIL + ".!?”\"'"):
            more = _trim(text, a, b)
            return replace(att, continuation=more) if more else att
        break
    return att


def _quoted(text: str, paras: _Paragraphs, att: Attribution) -> Attribution:
    """The attribution with its content widened to the whole quotation and the quotation resumed after it."""
    return _continuation(text, paras, _whole_quote(text, paras, att))


#: An HTML or XML tag left in the text ('<tweet id="..." author="@...">'): its words are markup, not
#: speech ("tweet" parses as a verb), so no cue lies inside one.
MARKUP = re.compile(r"</?[A-Za-z][^<>\n]*>")


def extract(doc: Doc, cue_model: CueModel | None = None) -> Iterator[Attribution]:
    """Every attribution in `doc`, in text order, one per cue.

    Listed cues (`cues`) are read by rule; with a `cue_model`, every other verb the model takes for
    a cue is read too (`learned`).
    """
    paras = _Paragraphs(doc_text(doc))
    tags = [m.span() for m in MARKUP.finditer(doc_text(doc))]
    found = [_quoted(doc_text(doc), paras, a) for a in _by_rule(doc) if not any(s <= a.cue[0] < e for s, e in tags)]
    if cue_model is not None:
        taken = [a.cue for a in found] + tags
        for tok in tokens(doc):
            if not candidate(tok) or any(a <= tok.idx < b for a, b in taken) or not cue_model.is_cue(tok):
                continue
            att = _from_learned(doc, paras, tok)
            att = _quoted(doc_text(doc), paras, att) if att is not None else None
            if att is not None and not any(a < att.cue[1] and att.cue[0] < b for a, b in taken):
                taken.append(att.cue)
                found.append(att)
        found.sort(key=lambda a: a.cue)
    yield from found


def _by_rule(doc: Doc) -> Iterator[Attribution]:
    """The attributions of listed cues, in text order."""
    paras = _Paragraphs(doc_text(doc))
    seen: set[tuple[int, int]] = set()
    for tok in tokens(doc):
        # each token attribute is a call into spaCy: read the ones every branch tests once
        lower, pos, word, lemma = tok.lower_, tok.pos_, tok.text, tok.lemma_.lower()
        found = None
        if lower == "according":
            found = _according_to(doc, paras, tok)
        elif lower == "in":
            found = _in_evidence(doc, paras, tok)
        elif pos == "PROPN" and word[:1].isupper() and word[1:].islower():
            found = _headline(doc, paras, tok)
        elif lemma == "be" and tok.dep_ not in ("aux", "auxpass"):
            found = _attitude(doc, paras, tok)
        elif lower in cues.HEARSAY_ADVERBS:
            found = _hearsay(doc, paras, tok)
        elif pos == "NOUN" and lemma in cues.NOMINAL_CUES:
            found = _nominal(doc, paras, tok)
        elif word in DASHES or word == ":" or _glued_dash(word):
            found = _dash_or_colon(doc, paras, tok)
        elif pos in ("VERB", "AUX") and (lemma in cues.CUE_CLASS or lemma in cues.RESPONSIBILITY_VERBS):
            found = _from_verb(doc, paras, tok)
        if found is not None and found.cue not in seen:
            seen.add(found.cue)
            yield found
