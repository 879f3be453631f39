"""Find actor mentions in a parsed document and resolve them against the registry.

Three passes, each claiming tokens the next may not reuse, so one stretch of text is one actor:

1. named actors from the registry (people, organizations, metonyms such as "the Kremlin");
2. agent nouns with what qualifies them ("Ukraine's Ministry of Defense", "Ukrainian authorities",
   "the Russian-installed head"): the noun gives the sector, a possessive, adjective or "of" phrase
   gives the country;
3. spaCy entities left over: people (by dictionary, by an earlier mention of the same surname, or
   by a fuzzy match of a misspelt name), organizations, and countries or capitals used as actors
   ("Russia accused", "annexed by Moscow"), told apart from places by their syntax.

A last pass picks up bare surnames of people already met ("Xi told Putin") that NER missed.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from spacy.tokens import Doc, Span, Token

from dateline.actors.codes import NON_STATE, alpha3
from dateline.actors.lexicon import (
    AGENT_COMPOUND_NOUNS,
    ARMED_ASSETS,
    ATTACK_NOUNS,
    DOER_NOUNS,
    EVENT_NOUNS,
    FUZZY_NAME,
    FUZZY_SURNAME,
    GROUP_HEADS,
    ORG_NOUNS,
    PARTY_PREPS,
    PERSON_HEADS,
    PLACE_PREPS,
    QUANTITY_NOUNS,
    READY_ADJECTIVES,
    STATIVE,
    TERRITORY_NOUNS,
)
from dateline.actors.names import normalize
from dateline.actors.registry import MAX_WORDS, ActorRegistry, Canon
from dateline.model import Actor, Place
from dateline.nlp import entities, tokens

_SUBJECT = {"nsubj", "nsubjpass", "csubj"}
_JOINERS = {"-", "–", ".", "'", "’"}
_MODIFIER = {"compound", "amod", "nmod", "npadvmod"}
#: Sectors of unqualified actors who often act abroad: where they act says nothing of whose they are.
_TRAVELLING = {"government", "military", "intelligence"}
#: Participles that place a body: "a newspaper based in Beirut".
_BASED = {"base", "based", "locate", "located", "station", "stationed", "headquarter", "headquartered"}
#: Marks of an adverbial clause that tells the same act (its place is the act's): "when", "as".
_SAME_TIME = {"when", "as", "while", "after"}
#: Prepositions of where an act happened (for an unqualified actor's country).
_LOCATIVE = {"in", "at", "near", "outside", "inside", "across", "throughout"}
#: Lower-case particles that open names: "al-Qaeda", "al-Shabaab", "el-Sisi".
_NAME_PARTICLES = {"al", "el", "ad", "an", "as", "ash", "at", "az"}
#: Prefixes by which a country word names what one is against: "anti-Syria", "anti-American".
_AGAINST_PREFIXES = {"anti", "anti-", "counter"}


@dataclass(frozen=True, slots=True)
class _Resolved:
    """What a mention resolves to, before it gets its id and span."""

    name: str | None
    country: str | None
    sector: str | None
    kind: str | None
    variant_of: str | None = None
    inferred: bool = False  # the country comes from the report around the mention, not its words


@functools.lru_cache(maxsize=1 << 14)
def _norm(text: str) -> str:
    return normalize(text)


def find_actors(doc: Doc, places: Sequence[Place], registry: ActorRegistry, published: dt.date | None) -> list[Actor]:
    """Every actor mention in `doc`, resolved to a canonical actor, ids a1, a2, ... in text order.

    Every mention is its own record; coreferent mentions share `name`. Roles are read on the
    publication date: "Putin" in a 2005 report is Russia's president, in 1995 an official.
    """
    return _Finder(doc, places, registry, published).run()


class _Finder:
    """The state of one document's pass: claimed tokens, found mentions, people met so far."""

    def __init__(self, doc: Doc, places: Sequence[Place], registry: ActorRegistry, day: dt.date | None):
        self.doc = doc
        self.reg = registry
        self.day = day
        toks = tokens(doc)
        self.words = [_norm(t.text) for t in toks]
        self.taken = [False] * len(doc)
        self.hard = [t.is_punct and t.text not in _JOINERS for t in toks]
        self.counted = list(itertools.accumulate((bool(w) for w in self.words), initial=0))  # words before token i
        self.found: list[tuple[int, int, _Resolved]] = []  # token start, token end, resolution
        self.people: dict[str, _Resolved] = {}  # a word of a person's name -> that person
        self.places = places
        self.place_at = {}
        for place in places:
            span = doc.char_span(place.start, place.end, alignment_mode="expand")
            if span is not None:
                self.place_at[span.start] = place
        self.dateline = _dateline(doc)
        self.home = self._report_country()
        self.place_tokens = {
            t.i for p in places for t in (doc.char_span(p.start, p.end, alignment_mode="expand") or ())
        }

    # ---------------------------------------------------------------- driver
    def run(self) -> list[Actor]:
        self._named()
        self._agents()
        self._entities()
        self._surnames()
        self._appositions()
        self.found.sort(key=lambda m: (m[0], m[1]))
        actors = []
        for n, (a, b, r) in enumerate(self.found, 1):
            span = self.doc[a:b]
            actors.append(
                Actor(
                    id=f"a{n}",
                    text=span.text,
                    start=span.start_char,
                    end=span.end_char,
                    name=r.name,
                    country_code=r.country,
                    sector=r.sector,
                    kind=r.kind,
                    variant_of=r.variant_of,
                    country_basis=None if r.country is None else ("context" if r.inferred else "stated"),
                )
            )
        return actors

    def _claim(self, start: int, end: int, res: _Resolved) -> None:
        for i in range(start, end):
            self.taken[i] = True
        self.found.append((start, end, res))
        if res.kind == "person" and res.name:
            # A person is met again by a word of their name: the canonical one, or the text's own
            # spelling (the misspelt "Askyonov" recurs misspelt). Titles and nationalities in the
            # matched text ("Russian President") are not names.
            surface = {self.words[i] for i in range(start, end) if self.doc[i].ent_type_ == "PERSON"}
            for key in surface | set(_norm(res.name).split()):
                if len(key) > 1 and key not in self.reg.agents and key not in self.reg.countries:
                    self.people.setdefault(key, res)

    def _free(self, start: int, end: int) -> bool:
        return not any(self.taken[start:end])

    def _reach(self, i: int, limit: int) -> int:
        """The furthest end token (at most `limit`) of a registry name starting at token i: a name
        has no more words than the longest one starting with the same word."""
        most = self.reg.first_words.get(self.words[i], 0)
        while limit > i and self.counted[limit] - self.counted[i] > most:
            limit -= 1
        return limit

    def _key(self, start: int, end: int) -> str:
        """The normalized words of tokens start..end; empty when punctuation other than a hyphen,
        dot or apostrophe lies inside, so no name runs across "military, officials"."""
        if any(self.hard[start:end]):
            return ""
        return " ".join(w for w in self.words[start:end] if w)

    def _canon(self, canon: Canon, kind: str | None = None) -> _Resolved:
        country, sector = canon.resolve(self.day, self.reg.iso3)
        return _Resolved(canon.name, country, sector, kind or canon.kind or None)

    def _earlier_role(self, noun: str) -> str | None:
        """Country of the latest earlier agent mention headed by the same noun."""
        for _a, b, res in reversed(self.found):
            if self.doc[b - 1].lower_ == noun and res.country is not None:
                return res.country
        return None

    def _report_country(self) -> str | None:
        """The country a report is filed from: its dateline ("MANILA (AP) —", "KYIV, Ukraine —"),
        else the single country of all the places the places stage resolved (two at least)."""
        if self.dateline is not None:
            a, b = self.dateline
            for i in range(a, b):
                found = self._country_at(i, b)
                if found:
                    return found[0]
            start, end = self.doc[a].idx, self.doc[b - 1].idx + len(self.doc[b - 1])
            for place in self.places:
                if place.start < end and start < place.end and place.country_code:
                    return alpha3(place.country_code)
        codes = {p.country_code for p in self.places if p.country_code}
        if len(codes) == 1 and sum(1 for p in self.places if p.country_code) >= 2:
            return alpha3(codes.pop())
        return None

    # ---------------------------------------------------------------- pass 1: names in the registry
    def _named(self) -> None:
        """Longest registry alias at each capitalized token ("the Kremlin", "Black Sea fleet")."""
        toks, n = tokens(self.doc), len(self.doc)
        i = 0
        while i < n:
            tok = toks[i]
            # "al-Qaeda", "bin Laden": a lower-case particle opening a name
            particle = tok.lower_ in _NAME_PARTICLES and i + 1 < n and toks[i + 1].text in _JOINERS | {"-"}
            if not (tok.is_title or tok.is_upper or particle) or self.words[i] not in self.reg.first_words:
                i += 1
                continue
            for j in range(self._reach(i, min(n, i + MAX_WORDS)), i, -1):
                if not self.words[j - 1]:
                    continue
                canon = self.reg.actors.get(self._key(i, j))
                if canon is None or not self._free(i, j):
                    continue
                # Short one-word aliases (AP, RT, EC) match only in capitals, not inside words.
                if j == i + 1 and len(tok.text) <= 3 and not tok.is_upper:
                    continue
                ent = tok.ent_type_
                kind = "person" if ent == "PERSON" else canon.kind or ("organization" if ent == "ORG" else None)
                if ent == "PERSON" and self._inside_longer_entity(i, j):
                    break  # "Bloomberg" inside "Michael Bloomberg": the entity pass decides
                res = self._canon(canon, kind)
                if kind == "person" and self._qualified(i, j):
                    # "King Hassan of Morocco": the text's own qualifier beats a one-word alias;
                    # "U.N. mediator Diego Cordovez": an international title beats a nationality
                    country, sector = self._person_context(self.doc[i:j])
                    if country is not None and country != res.country:
                        if j == i + 1:
                            res = _Resolved(tok.text, country, sector, "person")
                        elif country in NON_STATE:
                            res = _Resolved(res.name, country, res.sector, "person", res.variant_of)
                if res.country is None and j - i > 1:
                    # "Palestinian Islamic Jihad": the dictionaries code some groups by region
                    # only (MEAREB); a nationality word in the name itself gives the country
                    found = next((f for k in range(i, j) if (f := self._country_at(k, j))), None)
                    if found is not None:
                        res = _Resolved(res.name, found[0], res.sector, res.kind, res.variant_of)
                if res.country is None and self.home is None and _regional(canon):
                    # "Islamic Salvation Front" (coded INTREB) in a sentence about Algeria only: a
                    # movement the dictionaries code by region acts in the one country named
                    country = self._sentence_country(tok)
                    if country is not None:
                        res = _Resolved(res.name, country, res.sector, res.kind, res.variant_of, inferred=True)
                self._claim(i, j, res)
                i = j - 1
                break
            i += 1

    def _qualified(self, i: int, j: int) -> bool:
        """Could words around a name at tokens i..j say whose the person is (a title before it, an
        "of" phrase or an apposition after it)? A cheap test before `_person_context`."""
        root = self.doc[i:j].root
        return root.left_edge.i < i or (j < len(self.doc) and self.doc[j].lower_ == "of")

    def _inside_longer_entity(self, i: int, j: int) -> bool:
        return any(ent.start <= i and j <= ent.end and ent.end - ent.start > j - i for ent in entities(self.doc))

    # ---------------------------------------------------------------- pass 2: agent nouns
    def _agents(self) -> None:
        """Agent noun phrases heading a noun phrase, with the country that qualifies them."""
        doc, n = self.doc, len(self.doc)
        for i in range(n):
            if self.taken[i] or self.words[i] not in self.reg.first_words:
                continue
            for j in range(self._reach(i, min(n, i + 5)), i, -1):
                if not self.words[j - 1]:
                    continue
                canon = self.reg.agents.get(self._key(i, j))
                if canon is None or not self._free(i, j):
                    continue
                last = doc[i:j].root
                qual_head: Token | None = None
                grouped = False
                # "military airfields", "President Zelensky": a modifier, not the actor itself.
                if last.dep_ in _MODIFIER and last.head.i >= j and last.head.pos_ in ("NOUN", "PROPN"):
                    head = last.head
                    if head.lemma_.lower() in GROUP_HEADS and head.i - j < 2 and self._free(j, head.i + 1):
                        # "opposition groups", "rebel leaders": the group the agent noun sorts
                        j, last, grouped = head.i + 1, head, True
                    elif (
                        self.words[head.i] in self.reg.agents  # "regime forces": the head is the actor
                        or head.pos_ != "NOUN"  # "Media Rights Watch": a name
                        or last.ent_type_ in ("ORG", "PERSON", "FAC")
                        or head.dep_ != "nsubj"
                        or head.head.pos_ != "VERB"
                        or head.head.lemma_ in STATIVE
                    ):
                        break
                    else:
                        # "Israeli army bulldozers demolished homes": what acts is the army's,
                        # qualified by what qualifies the phrase
                        qual_head = head
                if last.pos_ not in ("NOUN", "PROPN") and last.dep_ not in _SUBJECT:
                    break
                # "doctors from American aid groups", not "withdrew forces from Panama"
                _, sector = canon.resolve(self.day, self.reg.iso3)
                origin = sector not in _TRAVELLING
                country, mod_start = self._qualifier(
                    doc[i], qual_head or last, j, located=canon.kind != "person", origin=origin
                )
                if country is None and last.dep_ == "conj":
                    # "Bosnian Croat and Moslem armed forces": a nationality word opening the
                    # coordination qualifies its later members (not "Croat", which says which people)
                    country = self._qualifier(last.head, last.head, last.head.i + 1)[0]
                stated = country is not None
                if canon.weak and country is None:
                    # "Prisoners rioted at a jail in Dili": where they act qualifies them too
                    if not origin:
                        break
                    country = self._located_country(last)
                    if country is None:
                        break
                if country is None and last.tag_ == "NN":
                    # "the minister" after "Kenya's foreign minister": the same person again
                    country = self._earlier_role(last.lower_)
                if country is None and sector == "military":
                    # "France is ready to contribute 4,000 troops", "Britain mobilized army
                    # reservists": forces a country moves are its own
                    country = self._mover_country(last)
                if country is None and origin:
                    # "a journalist has been killed in a car bomb explosion in eastern Beirut",
                    # "23 people ... in Tel Aviv": where the act that involves them happened.
                    # Not officials or troops, who act abroad ("the minister arrived in Nairobi").
                    country = self._located_country(last)
                if country is None and self.home is None:
                    # "Leaders of the opposition coalition agreed to postpone the demonstration in
                    # Baku", "the government accepted demands from Shona rebels": with no home
                    # country for the report, an unqualified domestic actor in a sentence that
                    # names one country only is of that country.
                    country = self._sentence_country(last)
                if country is None and self.home is not None:
                    # "Police said" in a report filed from Lima: Peru's police. The report's own
                    # country (its dateline, else the one country of all its places) is the
                    # default home of unqualified domestic actors, as event coders read them.
                    country = self.home
                start = mod_start if mod_start is not None and self._free(mod_start, i) else i
                cname = self.reg.country_name(country)
                name: str | None = f"{canon.name} of {cname}" if cname else canon.name
                if grouped:
                    # "police spokesman" is one person, "opposition groups" a group
                    kind = "person" if last.tag_ == "NN" and last.lemma_.lower() in PERSON_HEADS else "group"
                elif canon.kind in ("person", "organization", "government"):
                    kind = canon.kind
                elif last.lower_ in ORG_NOUNS:
                    kind = "organization"
                else:  # a dictionary agent noun: one person ("the president") or a group ("officials")
                    kind = "person" if last.tag_ in ("NN", "NNP") else "group"
                if kind == "person" or grouped:
                    # "the Russian-installed head" is someone; `_appositions` may name them. A group
                    # an agent noun sorts ("a dissident faction") has no canonical name of its own.
                    name = None
                self._claim(start, j, _Resolved(name, country, sector, kind, inferred=not stated))
                break

    def _mover_country(self, noun: Token) -> str | None:
        """The country of the subject of the verb whose object a noun is ("France ... contribute
        troops"), following open complements up ("is ready to contribute")."""
        if noun.dep_ not in ("dobj", "obj"):
            return None
        verb = noun.head
        for _ in range(3):
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                for a, b, res in self.found:
                    if a <= subj.i < b and res.kind in ("country", "government") and res.country:
                        return res.country
                # countries are claimed in a later pass: "Britain", "the United States" by name
                for k in range(subj.left_edge.i, subj.i + 1):
                    found = self._country_at(k, subj.i + 1)
                    if found is not None and found[1] == subj.i + 1:
                        return found[0]
                return None
            if verb.dep_ not in ("xcomp", "conj", "acomp") or verb.head.i == verb.i:
                return None
            verb = verb.head
        return None

    def _located_country(self, noun: Token) -> str | None:
        """The one country of the places where the act a noun takes part in happened: the
        locative phrases ("in", "at", "near", "outside") of the verb it is subject or object of,
        followed through nested phrases ("in a car bomb explosion in eastern Beirut")."""
        verb = noun
        acl = next((c for c in noun.children if c.dep_ == "acl" and c.pos_ == "VERB"), None)
        if acl is not None:
            # "a newspaper based in east Beirut", "refugees fleeing the civil war in Liberia"
            verb = acl
        for _ in range(5):
            if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                break
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        if verb.dep_ == "relcl" and verb.head.i in self.place_tokens:
            # "a curfew in Montenegro, where 28 people have been killed": the place it describes
            code = self._place_country(verb.head)
            if code:
                return code
        codes: set[str] = set()
        stack = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in _LOCATIVE]
        # "killed 23 people when they blew themselves up in Tel Aviv": a clause of the same act
        stack += [
            c
            for c in verb.children
            if c.dep_ == "advcl" and any(m.dep_ in ("mark", "advmod") and m.lower_ in _SAME_TIME for m in c.children)
        ]
        # "blocked streets in Hong Kong": where the act's object is, the act is
        stack += [
            p
            for c in verb.children
            if c.dep_ in ("dobj", "obj") and c.i != noun.i
            for p in c.children
            if p.dep_ == "prep" and p.lower_ in _LOCATIVE
        ]
        if verb is acl:
            stack += [c for c in verb.children if c.dep_ in ("dobj", "obj")]
        seen = 0
        while stack and seen < 40:
            t = stack.pop()
            seen += 1
            if t.i in self.place_at or t.i in self.place_tokens:
                code = self._place_country(t)
                if code:
                    codes.add(code)
                continue
            if t.dep_ in ("relcl", "acl", "ccomp", "appos"):
                continue
            if t.dep_ == "advcl" and not any(
                m.dep_ in ("mark", "advmod") and m.lower_ in _SAME_TIME for m in t.children
            ):
                continue  # "killed 23 people when they blew themselves up in Tel Aviv": the same act
            stack.extend(t.children)
        return codes.pop() if len(codes) == 1 else None

    def _placed_in(self, noun: Token) -> str | None:
        """The country of a place an "in" or "of" phrase right after a noun puts it in."""
        for prep in noun.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "of") or prep.i < noun.i:
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                # the phrase's own head first: "the Israeli-occupied West Bank" is the West Bank
                for k in [obj.i, *(c.i for c in obj.children if c.dep_ == "compound")]:
                    code = self._place_country(self.doc[k]) if k in self.place_tokens else None
                    if code:
                        return code
        return None

    def _place_country(self, token: Token) -> str | None:
        """The country of the place at a token; a country's own name beats a same-named town."""
        place = self._place_of(token)
        if place is None:
            return None
        span = self.doc.char_span(place.start, place.end, alignment_mode="expand")
        if span is not None:
            found = self._country_at(span.start, span.end)
            if found is not None:
                return found[0]
        return alpha3(place.country_code) if place.country_code else None

    def _place_of(self, token: Token) -> Place | None:
        for place in self.places:
            if place.start <= token.idx < place.end:
                return place
        return None

    def _sentence_country(self, token: Token) -> str | None:
        """The one country a sentence names (by its places and the actors met in it), else None."""
        codes = self._sentence_countries(token)
        return codes.pop() if len(codes) == 1 else None

    def _sentence_countries(self, token: Token, skip: range = range(0)) -> set[str]:
        """The countries a sentence names by its places, the actors met in it and its country words
        (those at the tokens in `skip` left out)."""
        sent = token.sent
        skip_chars = range(self.doc[skip.start].idx, self.doc[skip.stop - 1].idx + 1) if skip else range(0)
        # a wire dateline ("LIMA (AP) —") names where the report was filed and who filed it
        first = max(sent.start, self.dateline[1] if self.dateline is not None else 0)
        first_char = self.doc[first].idx if first < len(self.doc) else sent.end_char
        codes: set[str | None] = set()
        for place in self.places:
            if first_char <= place.start < sent.end_char and place.country_code and place.start not in skip_chars:
                at = self.doc.char_span(place.start, place.end, alignment_mode="expand")
                if at is not None and _after_prefix(self.doc, at.start):
                    continue  # "an anti-Syria journalist" names Syria as what one is against
                codes.add(alpha3(place.country_code))
        for a, _b, res in self.found:
            if first <= a < sent.end and res.country and a not in skip:
                codes.add(res.country)
        for t in self.doc[first : sent.end]:
            if not self.taken[t.i] and t.ent_type_ in ("GPE", "NORP") and t.ent_iob_ == "B" and t.i not in skip:
                code = self.reg.country_of(self.words[t.i], self.day)
                if code:
                    codes.add(code)
        # "a United Nations mission" says nothing of the army's country
        return {c for c in codes if c is not None and c not in NON_STATE}

    def _qualifier(
        self, first: Token, head: Token, end: int, located: bool = False, origin: bool = False
    ) -> tuple[str | None, int | None]:
        """The country qualifying a noun phrase, and where its modifier starts.

        Looks left within the phrase ("Ukraine's", "Ukrainian", "the Russian-installed"), then at an
        "of" phrase after it ("the Ministry of Defense of Ukraine"); "its" takes the country that is
        the subject earlier in the sentence ("Ukraine has launched strikes ... its military said").
        """
        doc = self.doc
        left = min(first.i, head.left_edge.i)
        best: tuple[str | None, int | None, int] = (None, None, -1)  # code, where it starts, ends
        i = left
        while i < first.i:
            found = self._country_at(i, first.i)
            if found and _after_prefix(doc, i):
                i = found[1]  # "an anti-Syria journalist" is no Syrian
                continue
            if found:
                code, j = found
                stacked = best[1] is not None and best[2] == i
                if not stacked:
                    # "Croatian Serb refugees", "Bosnian Croat forces": of two nationality words
                    # in a row the first says whose, the second which people
                    best = (code, i, j)
                i = j
                continue
            owner = self._modifier_actor(i, head)
            if owner is not None:
                # "European Community foreign ministers", "NATO troops", "Hamas fighters": a named
                # body modifying the agent noun is the body it belongs to
                best = (owner, None, -1)
            if doc[i].lower_ in ("its", "their") and doc[i].head.i == head.i:
                subject = self._sentence_subject_country(doc[i])
                if subject:
                    best = (subject, None, -1)
            i += 1
        if best[0]:
            return best[0], best[1]
        # "the Ministry of Defense of Ukraine"; for groups also "rebels in Darfur", "police in Guinea"
        preps = ("of", "in", "from") if located and origin else ("of", "in") if located else ("of",)
        if end < len(doc) and doc[end].lower_ in preps and doc[end].head.i in (head.i, end - 1):
            for obj in doc[end].children:
                if obj.dep_ == "pobj":
                    country = self._phrase_country(obj)
                    if country:
                        return country, None
        return None, None

    def _phrase_country(self, obj: Token) -> str | None:
        """The country a noun phrase names: its first country word ("the Russian-occupied
        Crimea"), or the name ending at its head, before a region word the places stage resolved
        on its own ("in Western Cambodia" is Cambodia, not the Western region of Uganda)."""
        fallback = None
        for k in range(obj.left_edge.i, obj.i + 1):
            found = self._country_at(k, obj.i + 1)
            if found is None:
                continue
            code, end = found
            if end == obj.i + 1 or self.reg.country_of(self._key(k, end), self.day) is not None:
                return code
            fallback = fallback or code
        return fallback

    def _modifier_actor(self, i: int, head: Token) -> str | None:
        """The country (or IGO/NGO) of a named actor found at token i that modifies `head`."""
        tok = self.doc[i]
        if not self.taken[i]:
            return None
        for _ in range(4):  # "Arab League Secretary-General Chedli Klibi": through the title's compounds
            if tok.dep_ not in ("compound", "nmod", "amod", "poss") or tok.head.i == tok.i:
                return None
            if tok.head.i == head.i:
                break
            tok = tok.head
        else:
            return None
        for a, b, res in self.found:
            if a <= i < b and res.kind != "person":
                return res.country
        return None

    def _country_at(self, i: int, limit: int) -> tuple[str, int] | None:
        """(country code, end token) of the longest country name starting at token i; a place the
        places stage resolved there answers first ("police in Bara": the Bara it found)."""
        place = self.place_at.get(i)
        if place is not None and self.words[i] in self.reg.agents and place.end - place.start == len(self.doc[i]):
            place = None  # "King Hassan", "President X": a title the places stage took for a town
        if place is not None and place.country_code and not self._names_country(i, limit):
            code = alpha3(place.country_code)
            end = self.doc.char_span(place.start, place.end, alignment_mode="expand")
            if code and end is not None and not self._other_country_meant(i, end.end, code):
                return code, end.end
        if not self.words[i] or self.words[i] not in self.reg.first_words:
            return None
        for j in range(self._reach(i, min(limit, i + 4)), i, -1):
            code = self.reg.country_of(self._key(i, j), self.day)
            if code:
                return code, j
        return None

    def _other_country_meant(self, i: int, end: int, code: str) -> bool:
        """Do the words of a place at tokens i..end name, in the dictionaries, another country
        than the one the places stage chose, a country the sentence names too? "Liberian riot
        police ... in Monrovia" is Liberia's capital, "Darfur rebels" beside "the Sudanese
        government" are Sudan's, whichever same-named town the gazetteer ranked first."""
        listed = self.reg.country_of(self._key(i, end), self.day)
        if listed is None or listed == code or listed in NON_STATE:
            return False
        return listed in self._sentence_countries(self.doc[i], skip=range(i, end))

    def _country_level(self, i: int, limit: int) -> bool:
        """Do the words at token i name a country itself (not its capital): its own name, or a
        place the places stage resolved to a country ("US")?"""
        place = self.place_at.get(i)
        if place is not None and (place.feature_code or "").split(".")[-1].upper().startswith("PCL"):
            return True
        return self._names_country(i, limit)

    def _names_country(self, i: int, limit: int) -> bool:
        """Do the words at token i name a country of the registry ("Montenegro's prime minister")?

        A country's own name answers before a same-named town the places stage may have picked."""
        if not self.words[i] or self.words[i] not in self.reg.first_words:
            return False
        for j in range(self._reach(i, min(limit, i + 4)), i, -1):
            key = self._key(i, j)
            canon = self.reg.countries.get(key)
            # the country's own name only: the dictionaries also list towns and regions ("Bara")
            if canon is not None and _norm(canon.name) == key:
                return True
        return False

    def _sentence_subject_country(self, tok: Token) -> str | None:
        for prev in reversed(self.doc[tok.sent.start : tok.i]):
            if prev.dep_ in _SUBJECT and prev.ent_type_ in ("GPE", "NORP", "ORG"):
                code = self.reg.country_of(self.words[prev.i], self.day)
                if code:
                    return code
        return None

    # ---------------------------------------------------------------- pass 3: spaCy entities
    def _entities(self) -> None:
        for span, label in self._entity_spans():
            if not self._free(span.start, span.end):
                continue
            if self.dateline is not None and span.start < self.dateline[1]:
                continue  # "MANILA —" says where the report was filed, not who acted
            if label in ("ORG", "PERSON", "GPE", "NORP") and span.end < len(self.doc):
                # "Sierra" + "Leonean" split by NER: the country name the words go on to make
                found = self._country_at(span.start, min(len(self.doc), span.end + 3))
                if (
                    found is not None
                    and found[1] > span.end
                    and all(t.is_alpha for t in self.doc[span.end : found[1]])
                    and self._free(span.start, found[1])
                ):
                    span = self.doc[span.start : found[1]]
            is_country = self.reg.country_of(self._key(span.start, span.end), self.day) is not None
            if label == "PERSON" and not is_country:
                self._person(span)
            elif label in ("GPE", "NORP", "PERSON") or (label in ("ORG", "FAC", "LOC") and is_country):
                if is_country:
                    self._country_actor(span)
                elif label == "NORP":
                    self._people_group(span)
            elif label == "ORG":
                self._organization(span)

    def _entity_spans(self) -> list[tuple[Span, str]]:
        """spaCy's entities, trimmed, plus country names NER missed ("Uzbekistan finally opened")."""
        ents = entities(self.doc)
        spans = [(s, e.label_) for e in ents if (s := _trim(e)) is not None]
        in_ent = {i for e in ents for i in range(e.start, e.end)}
        for tok in tokens(self.doc):
            if tok.i in in_ent or self.taken[tok.i] or tok.pos_ != "PROPN" or not (tok.is_title or tok.is_upper):
                continue
            found = self._country_at(tok.i, len(self.doc))
            if found and not any(t in in_ent for t in range(tok.i, found[1])):
                spans.append((self.doc[tok.i : found[1]], "GPE"))
        return sorted(spans, key=lambda x: x[0].start)

    def _people_group(self, span: Span) -> None:
        """A people that is not a country's ("Iraqi Kurds", "the Kurds") acting or acted on."""
        root = span.root
        if root.tag_ not in ("NNPS", "NNS") or root.dep_ not in _SUBJECT | {"dobj", "pobj", "conj"}:
            return
        country, mod_start = self._qualifier(span[0], root, span.end)
        if country is None and len(span) > 1:
            found = self._country_at(span.start, span.end)  # "Bosnian Serbs": the word inside the name
            country = found[0] if found and found[1] < span.end else None
        start = mod_start if mod_start is not None and self._free(mod_start, span.start) else span.start
        self._claim(start, span.end, _Resolved(span.text, country, None, "group"))

    def _person(self, span: Span) -> None:
        root = span.root
        # "Russian Kalibr missiles": a name modifying a thing is no person.
        if root.dep_ in ("compound", "amod") and root.head.pos_ == "NOUN":
            return
        on_place = any(t.i in self.place_tokens for t in span)
        key = self._key(span.start, span.end)
        canon = self.reg.actors.get(key)
        if canon is not None:
            self._claim(span.start, span.end, self._in_role(span, self._canon(canon, "person")))
            return
        words = key.split()
        if not words:
            return  # a PERSON span of punctuation or symbols only: no name to resolve
        met = self.people.get(key) or (self.people.get(words[-1]) if len(words) == 1 else None)
        if met is not None:
            self._claim(span.start, span.end, met)
            return
        if on_place:
            return  # the places stage resolved it: "in Dzhankoi" tagged PERSON by NER
        alias = self.reg.surnames.get(words[-1])
        if alias is not None and (len(words) == 1 or alias[:1] == words[0][:1]):
            # "President Mugabe", "Carlos Menem" (listed as Carlos Saul Menem): a surname only
            # one listed person bears, with a matching initial when a given name is written;
            # unless the text says whose they are otherwise ("King Hassan of Morocco").
            res = self._canon(self.reg.actors[alias], "person")
            country, sector = self._person_context(span)
            if country is not None and country != res.country:
                self._claim(span.start, span.end, _Resolved(span.text, country, sector, "person"))
            else:
                self._claim(span.start, span.end, self._in_role(span, res))
            return
        fuzzy = self._fuzzy_person(key)
        if fuzzy is not None:
            self._claim(span.start, span.end, fuzzy)
            return
        if root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPS and len(span) == 1:
            return
        country, sector = self._person_context(span)
        if country is None and len(span) > 1:
            found = self._country_at(span.start, span.end)  # "Bosnian Serbs" tagged PERSON
            country = found[0] if found and found[1] < span.end else None
        inferred = False
        if country is None and sector is not None and self.home is None:
            # "Judge Alejandro Rivera opened investigations against 28 Chilean officials": an
            # unknown person with a title in a sentence that names one country only is of it
            country = self._sentence_country(root)
            inferred = country is not None
        self._claim(span.start, span.end, _Resolved(span.text, country, sector, "person", inferred=inferred))

    def _fuzzy_person(self, key: str) -> _Resolved | None:
        """A known person whose name the text misspells (Askyonov for Aksyonov)."""
        words = key.split()
        if len(words) < 2:
            return None
        pool = self.reg.persons_by_initial.get(words[-1][:1], [])
        hit = process.extractOne(key, pool, scorer=fuzz.ratio, score_cutoff=FUZZY_NAME)
        if hit is None:
            return None
        alias = hit[0]
        if alias.split()[0][:1] != words[0][:1] or fuzz.ratio(alias.split()[-1], words[-1]) < FUZZY_SURNAME:
            return None
        canon = self.reg.actors[alias]
        res = self._canon(canon, "person")
        return _Resolved(res.name, res.country, res.sector, "person", variant_of=canon.name)

    def _in_role(self, span: Span, res: _Resolved) -> _Resolved:
        """A known person in the role an apposition gives them: "Kenzo Oshima, the United Nations
        Emergency Relief Coordinator" speaks for the UN, whatever their nationality."""
        root = span.root
        for app in [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else []):
            for a, b, other in self.found:
                if (
                    other.kind != "person"
                    and other.country in ("IGO", "NGO")
                    and any(a <= t.i < b for t in app.subtree)
                ):
                    return _Resolved(res.name, other.country, res.sector, "person", res.variant_of)
        return res

    def _person_context(self, span: Span) -> tuple[str | None, str | None]:
        """Country and sector of an unknown person from titles ("Chinese leader X") or an
        appositive ("X, the Russian-installed head of ...")."""
        root = span.root
        country, _ = self._qualifier(span[0], root, span.end)
        sector = None
        for tok in self.doc[root.left_edge.i : span.start]:
            canon = self.reg.agents.get(self.words[tok.i])
            if canon is not None:
                sector = canon.resolve(self.day, self.reg.iso3)[1]
        for app in [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else []):
            # "A member of the Syrian parliament, Mohammed Mamoun": the body the apposition names
            owners = [app.i] + [g.i for c in app.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
            for a, b, res in self.found:
                if any(a <= i < b for i in owners):
                    country = country or res.country
                    sector = sector or res.sector
        return country, sector

    def _country_actor(self, span: Span) -> None:
        """A country, capital or people named as an actor: a subject of an action, an agent of a
        passive, an object of a verb, or the possessor of an act ("Russia's invasion")."""
        code = self.reg.country_of(self._key(span.start, span.end), self.day)
        if code is None:
            return
        tok = span.root
        while tok.dep_ == "conj" and tok.head.i != tok.i:
            tok = tok.head
        head = tok.head
        crowd = False
        if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in QUANTITY_NOUNS:
            # "Thousands of Nigerians were converging": the people the quantity counts
            tok, crowd = head.head, True
            head = tok.head
        elif _people_of_object(tok, span.root):
            # "investigated the welfare of 2,000 Libyans": the people whose lot an act is about
            crowd = True
        if crowd and tok.dep_ == "pobj":
            acting = True
        elif tok.dep_ in _SUBJECT:
            # "France is ready to contribute troops", "Norway is willing to send": a country
            # that declares itself ready to act is acting, though the verb is "be".
            ready = any(c.dep_ == "acomp" and c.lower_ in READY_ADJECTIVES for c in head.children)
            acting = head.lemma_ not in STATIVE or ready
        elif tok.dep_ == "pobj":
            # "annexed by Moscow", "an admission by Moscow": the agent of a verb or of an act;
            # "sent arms to Pakistan", "apologized to Brazil", "demanded autonomy from Serbia",
            # "talks with Iran": the other party of an act (not "in Tokyo", a setting).
            acting = (head.lower_ == "by" and head.head.lemma_ not in STATIVE) or (
                head.lower_ in PARTY_PREPS
                and (head.head.pos_ == "VERB" or head.head.lower_ in EVENT_NOUNS or head.head.dep_ == "dobj")
                and head.head.lemma_ not in STATIVE
            )
        elif tok.dep_ in ("dative", "iobj"):
            acting = True  # "gave Tanzania a grant"
        elif tok.dep_ in ("dobj", "dative"):
            acting = head.pos_ == "VERB"
        elif tok.dep_ == "poss":
            acting = head.lower_ in EVENT_NOUNS  # "Russia's invasion"
        elif tok.dep_ in ("compound", "nmod"):
            # "US mediation" is the US mediating, but "Crimea annexation" is Crimea annexed: only
            # nouns of offering and helping take their doer as a bare modifier; and a country's
            # own name (not a town's) on an attack: "US Predator attacks", "Israeli air strikes"
            acting = head.lower_ in AGENT_COMPOUND_NOUNS
            phrase = head
            while phrase.dep_ in ("compound", "nmod") and phrase.head.i != phrase.i and phrase.head.pos_ == "NOUN":
                phrase = phrase.head
            if phrase.lower_ in ATTACK_NOUNS and self._country_level(span.start, span.end):
                acting = True
        else:
            acting = False
        if span.root.ent_type_ == "NORP" and span.root.tag_ not in ("NNPS", "NNS"):
            acting = False  # "Russian missiles": an adjective, not "the Russians"
            phrase = head
            while phrase.dep_ in ("compound", "nmod") and phrase.head.i != phrase.i and phrase.head.pos_ == "NOUN":
                phrase = phrase.head  # "Israeli air strikes": the phrase's head noun
            if tok.dep_ in ("amod", "compound", "nmod") and (
                head.lemma_.lower() in DOER_NOUNS or head.lower_ in DOER_NOUNS or phrase.lower_ in ATTACK_NOUNS
            ):
                # "an Indian proposal", "Palestinian riots": the adjective names who acts
                name = self.reg.country_name(code)
                self._claim(span.start, span.end, _Resolved(name, code, None, "country"))
                return
            noun = head
            while noun.dep_ in ("compound", "nmod") and noun.head.i != noun.i and noun.head.pos_ == "NOUN":
                noun = noun.head  # "Russian Kalibr cruise missiles": the phrase's head noun
            if tok.dep_ in ("amod", "compound", "nmod", "npadvmod") and noun.lemma_.lower() in ARMED_ASSETS:
                # "Russian missiles", "Russian positions": what an attack on them hits is that
                # country's armed forces, the way event coders read "Russian troops" (RUSMIL).
                # The adjective alone is the mention: it is the only word that names the side.
                name = self.reg.country_name(code)
                self._claim(
                    span.start,
                    span.end,
                    _Resolved(f"Military of {name}" if name else None, code, "military", "country"),
                )
                return
            if tok.dep_ == "amod" and _acted_on(noun):
                # "threatened to shell Iraqi towns", "restrictions against German goods": what an
                # act is done to or aimed at, named only by whose it is, is that country's side,
                # as event coders read it. The adjective alone is the mention, as above.
                self._claim(span.start, span.end, _Resolved(self.reg.country_name(code), code, None, "country"))
                return
        if not acting:
            return
        if span.root.ent_type_ == "NORP" and span.root.tag_ in ("NNPS", "NNS"):
            # "Ethnic Albanians in south Serbia", "the Albanians of southern Serbia": a people
            # placed in another country is that country's minority, as event coders code it
            where = self._placed_in(span.root)
            if where is not None and where != code:
                self._claim(span.start, span.end, _Resolved(span.text, where, None, "group"))
                return
        if span.root.ent_type_ == "NORP" and any(c.lower_ == "ethnic" for c in span.root.children):
            # "ethnic Albanians demonstrated in Serbia": a minority is coded by the country it
            # lives in, as event coders do, when the sentence names one other country
            others = self._sentence_countries(span.root) - {code}
            if len(others) == 1:
                self._claim(span.start, span.end, _Resolved(span.text, others.pop(), None, "group", inferred=True))
                return
        if crowd:
            self._claim(span.start, span.end, _Resolved(span.text, code, "civilian", "group"))
            return
        name = self.reg.country_name(code)
        self._claim(
            span.start, span.end, _Resolved(f"Government of {name}" if name else None, code, "government", "country")
        )

    def _organization(self, span: Span) -> None:
        root = span.root
        if any(t.i in self.place_tokens for t in span) and (
            root.i in self.place_tokens or root.lower_ not in ORG_NOUNS
        ):
            return  # a place NER took for a body; not "the Montenegro Assembly", a body named by its place
        if root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPS and len(span) == 1:
            return  # "in the town of Dzhankoi" tagged ORG: more likely a place than an actor
        # "Peruvian Potato Growers Federation": the country may sit inside the name itself
        country, _ = self._qualifier(root, root, span.end)
        if country is None:
            # "Palestinian Islamic Jihad", "Liberian Peace Council": a nationality word opening
            # the name, which the parse may not hang under the name's head
            found = self._country_at(span.start, span.end) if span.end - span.start > 1 else None
            country = found[0] if found and found[1] < span.end else None
        self._claim(span.start, span.end, _Resolved(span.text, country, None, "organization"))

    # ---------------------------------------------------------------- pass 5: appositions
    def _appositions(self) -> None:
        """An unnamed person in apposition to a named one is that person: "Sergei Askyonov, the
        Russian-installed head" gives the head the name (not the role: the text's role stays)."""
        at = {i: k for k, (a, b, _) in enumerate(self.found) for i in range(a, b)}
        for k, (a, b, res) in enumerate(self.found):
            if res.kind == "person" and res.name is not None and res.country not in NON_STATE:
                self.found[k] = (a, b, self._in_role(self.doc[a:b], res))
                continue
            if res.kind != "person" or res.name is not None:
                continue
            root = self.doc[a:b].root
            partners = [c.i for c in root.children if c.dep_ == "appos"]
            if root.dep_ == "appos":
                partners.append(root.head.i)
            for p in partners:
                other = self.found[at[p]][2] if p in at else None
                if other is not None and other.kind == "person" and other.name:
                    self.found[k] = (
                        a,
                        b,
                        _Resolved(other.name, res.country, res.sector, "person", inferred=res.inferred),
                    )
                    break

    # ---------------------------------------------------------------- pass 4: bare surnames
    def _surnames(self) -> None:
        for tok in tokens(self.doc):
            if self.taken[tok.i] or tok.pos_ != "PROPN" or not tok.is_title:
                continue
            met = self.people.get(self.words[tok.i])
            if met is not None and tok.ent_type_ in ("", "PERSON", "ORG", "GPE", "NORP"):
                self._claim(tok.i, tok.i + 1, met)


def _regional(canon: Canon) -> bool:
    """Is a dictionary actor coded by a region (MEAREB, WAFREB) rather than a transnational
    movement (IMGMUSALQ, al-Qaeda) or an international body?"""
    return bool(canon.roles) and all(r.code[:3] not in NON_STATE for r in canon.roles)


def _people_of_object(tok: Token, root: Token) -> bool:
    """Is a plural people the "of" object of a verb's object ("investigated the welfare of
    Libyans", "defend the rights of Kurds")?"""
    if root.ent_type_ != "NORP" or root.tag_ not in ("NNPS", "NNS") or tok.dep_ != "pobj" or tok.head.lower_ != "of":
        return False
    owner = tok.head.head
    return owner.dep_ in ("dobj", "obj") and owner.head.pos_ == "VERB"


def _acted_on(noun: Token) -> bool:
    """Is a noun what an act is aimed at ("restrictions against German goods"), or a territory a
    verb acts on ("shell Iraqi towns")? Not any thing a verb takes: "rejected Indian goods"."""
    if noun.dep_ in ("dobj", "obj"):
        return noun.head.pos_ == "VERB" and noun.lower_ in TERRITORY_NOUNS
    return noun.dep_ == "pobj" and noun.head.lower_ == "against"


def _after_prefix(doc: Doc, i: int) -> bool:
    """Does the word at token i follow "anti-" ("anti-Syria", tokenized anti / - / Syria)?"""
    if i >= 1 and doc[i - 1].lower_ in _AGAINST_PREFIXES:
        return True
    return i >= 2 and doc[i - 1].text in ("-", "–") and doc[i - 2].lower_ in _AGAINST_PREFIXES


def _dateline(doc: Doc) -> tuple[int, int] | None:
    """Token range of a dateline opening the report ("LIMA —", "KYIV, Ukraine (Reuters) —"):
    upper-case words, optionally a comma and a country, then a dash or a bracketed outlet."""
    i = 0
    while i < min(len(doc), 6) and doc[i].is_upper and doc[i].is_alpha and len(doc[i]) > 1:
        i += 1
    if i == 0 or i >= len(doc):
        return None
    end = i
    if doc[i].text == "," and i + 1 < len(doc) and doc[i + 1].is_title:
        end = i + 2
        while end < len(doc) and doc[end].is_title and end < i + 4:
            end += 1
    if end < len(doc) and doc[end].text in ("—", "–", "-", "--", "(", ":"):
        return 0, end
    return None


def _trim(ent: Span) -> Span | None:
    """The entity without a leading "the" or a trailing possessive ("Vladimir Putin's")."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and doc[end - 1].tag_ == "POS":
        end -= 1
    return doc[start:end] if end > start else None
