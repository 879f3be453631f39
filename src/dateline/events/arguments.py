"""Arguments of one mention: who acts, who is acted on, where and when, read off the parse.

Everything here works on the mention's own clause (`clause_tokens`): the trigger's subtree, and the
light or governing verb's, without entering other triggers, reported clauses or adverbial clauses.
That is what keeps "the place where it happened" from becoming every place in the sentence.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dateline.actors.codes import alpha3
from dateline.events.detect import EVENT_HEADS, SOURCE_PRONOUNS, Mention
from dateline.events.lexicon import PERSON_NOUNS, REPORTING_VERBS, RESULT_VERBS, SENDING_VERBS, words
from dateline.events.records import Records
from dateline.model import Actor, Place, Time

#: Dependencies that open a clause of its own: its places and times are not the mention's.
CLAUSE_BREAKS = words("ccomp advcl parataxis csubj xcomp pcomp")
#: Prepositions that put a place where an event happened (or, for a visit, where it went).
LOCATIVE_PREPS = words(
    "in at near to into outside around across throughout inside within on onto off along between towards toward over"
)
#: Nouns through which "of" leads to a place: "the town of Dzhankoi", "outskirts of Kyiv".
PLACE_NOUNS = words(
    "town city village region province district area outskirts centre center suburb port "
    "capital state county oblast municipality governorate part north south east west "
    "neighbourhood neighborhood settlement island peninsula border"
)
#: Event words whose object can be a place: "visited Paris", "captured the town", "annexed Crimea".
PLACE_OBJECT_FAMILIES = words("visit capture retake annex protest withdraw")
SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
TARGET_PREPS = words("against on at with toward towards")
#: Prepositions that name the other party of a non-violent act: given to, asked of, done with.
PARTY_PREPS = words("to for from with against on toward towards into")
RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom"})
#: Fineness of a place by GeoNames feature code: lower is finer. A country is the coarsest and is
#: used only when nothing finer is in the clause.
_COUNTRY_CODES = ("PCL", "PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "TERR")


def place_rank(place: Place) -> int:
    code = (place.feature_code or "").split(".")[-1].upper()
    if code.startswith(_COUNTRY_CODES) or code == "CONT":
        return 5
    if code.startswith("ADM1") or code in {"PEN", "RGN", "ISL", "ISLS", "ADMD"}:
        return 3
    if code.startswith("ADM"):
        return 2
    if code.startswith("PPL") or code in {"AIRB", "AIRP", "PRT", "STNR", "BLDG", "MILB", "CSTL", "PAL"}:
        return 0
    return 2 if place.country_code else 4


def is_country(place: Place) -> bool:
    return place_rank(place) == 5


def clause_tokens(doc: Doc, mention: Mention, blocked: set[int]) -> list[Token]:
    """The tokens of the mention's own clause, breadth first from its roots."""
    seen: set[int] = set(mention.roots)
    queue = deque(doc[i] for i in mention.roots)
    out: list[Token] = []
    while queue:
        token = queue.popleft()
        out.append(token)
        for child in token.children:
            if child.i in seen or child.i in blocked:
                continue
            if child.dep_ in CLAUSE_BREAKS or (child.dep_ == "conj" and child.pos_ in {"VERB", "AUX"}):
                continue
            if child.dep_ in {"acl", "relcl"} and any(c.lower_ == "to" and c.dep_ == "aux" for c in child.children):
                continue  # "a scheme to deport ...": the purpose is not this event's setting
            if child.dep_ in {"relcl", "appos", "amod"} and token.dep_ == "nsubj" and token.i not in mention.roots:
                # "The state government, which is loyal to the administration in Port Sudan,
                # accused ...": what describes the agent is not where the event happened.
                continue
            seen.add(child.i)
            queue.append(child)
    return out


def _np_actor(doc: Doc, token: Token, records: Records) -> Actor | None:
    """The actor a noun phrase names: its head, else its possessor or modifiers ("Russian missiles",
    "the ICC's actions"), else an apposition. Relative clauses and prepositional phrases are left
    out: "missiles transported by train in Dzhankoi" names no actor in its tail."""
    if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        token = token.head.head
    if token.i in records.actor_at:
        return records.actor_at[token.i]
    found = _modifier_actor(token, records, ("compound", "poss", "amod", "nmod", "appos", "conj"))
    if found is not None:
        return found
    # "officials of X", "the head of X": the "of" object names whom the phrase stands for, or its
    # modifiers do ("the return of U.N. weapons inspectors"); "doctors from two American aid
    # groups": the body they come from; "a camp for Congolese refugees" (attacked): those it is for
    for child in token.children:
        if child.dep_ == "prep" and (
            child.lower_ == "of" or (child.lower_ in ("from", "for") and token.pos_ == "NOUN")
        ):
            for pobj in child.children:
                found = records.actor_at.get(pobj.i) or _modifier_actor(pobj, records, ("compound", "poss", "amod"))
                if found is not None:
                    return found
    return None


def _modifier_actor(token: Token, records: Records, deps: tuple[str, ...]) -> Actor | None:
    """The first actor inside the modifiers of a noun, by dependency in the order of `deps`."""
    for dep in deps:
        for child in token.children:
            if child.dep_ != dep:
                continue
            for t in child.subtree:
                if t.i in records.actor_at:
                    return records.actor_at[t.i]
    return None


def _demonym_country(noun: Token, records: Records) -> str | None:
    """The ISO-3 country of a nationality word modifying a noun ("Russian missiles").

    The actors stage leaves such adjectives out (they do not act); the places stage resolves
    them to their country. Used only to know whose assets an event struck, never as an actor.
    """
    for child in noun.children:
        if child.dep_ not in {"amod", "compound", "nmod"}:
            continue
        for t in child.subtree:
            place = records.place_at.get(t.i)
            if place is not None and is_country(place) and place.country_code:
                return alpha3(place.country_code)
    return None


def _subject(token: Token) -> Token | None:
    """The subject of a verb, following conjunctions and open complements up to one that has one."""
    seen = 0
    while token is not None and seen < 5:
        subjects = [c for c in token.children if c.dep_ == "nsubj"]
        if subjects:
            # Two subjects mean a misparse ("MANILA — Kenya's minister arrived"): the one
            # nearest the verb is the real one.
            return min(subjects, key=lambda c: abs(c.i - token.i))
        if (token.dep_ in {"conj", "xcomp"} and token.head.i != token.i) or _sent_for(token):
            token = token.head
            seen += 1
            continue
        return None
    return None


def _sent_for(token: Token) -> bool:
    """Is a verb the purpose of a sending ("sent personnel to Bosnia to investigate")? Whoever
    sends does what the ones sent are to do."""
    return (
        token.dep_ == "advcl"
        and token.head.lemma_.lower() in SENDING_VERBS
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    )


@dataclass(frozen=True, slots=True)
class Arguments:
    """What the parse says about one mention."""

    actor1: Actor | None = None
    actor2: Actor | None = None
    target_noun: str | None = None
    place: Place | None = None
    time: Time | None = None
    time_from_report: bool = False  # dated by the verb that reports it ("said late Monday that ...")
    reporter: Actor | None = None  # the source of the reporting verb governing the mention
    relative: tuple[int, str, str] | None = None  # (anchor token, "after"/"before", unit) for "days after X"
    target_country: str | None = None  # ISO-3 of the target's side, from its actor or its demonym
    # The place that stands for the target when no actor is named as one ("a curfew in Abidjan",
    # "air links with Serbia"): see `dateline.actors.metonymy`. None when the target is named.
    target_place: Place | None = None


def _verb_actors(
    doc: Doc, verb: Token, records: Records, symmetric: bool = False
) -> tuple[Actor | None, Actor | None, Token | None]:
    """(agent, patient, patient head token) of a verb in active or passive voice.

    With `symmetric` (meetings, agreements), a second conjoined subject is the other party:
    "Colombia's government and the Pacific Coast Bloc agreed ..."."""
    agent = patient = None
    patient_token = None
    subj = _subject(verb)
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)
    if passive and verb.lemma_.lower() in STANCE_PARTICIPLES and not any(c.dep_ == "agent" for c in verb.children):
        # "Israel is opposed to French mediation", "Vietnam is committed to opening up": a stance
        # its subject takes, not something done to it
        subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), subj)
        passive = False
    for c in verb.children:
        if c.dep_ == "agent":
            for g in c.children:
                agent = agent or _np_actor(doc, g, records)
        elif c.dep_ == "nsubjpass" and passive:
            patient_token = c
            patient = _np_actor(doc, c, records)
        elif c.dep_ in {"dobj", "obj"}:
            patient_token = patient_token or c
            patient = patient or _np_actor(doc, c, records)
    if not passive and subj is not None:
        agent = agent or _np_actor(doc, subj, records)
        if symmetric and patient is None:
            for partner in subj.conjuncts:
                other = _np_actor(doc, partner, records)
                if other is not None and other != agent:
                    patient, patient_token = other, partner
                    break
    if patient is None:
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in TARGET_PREPS:
                for g in c.children:
                    patient = patient or _np_actor(doc, g, records)
                    patient_token = patient_token or g
    if patient is None:
        patient, patient_token = _party(doc, verb, records, patient_token)
    return agent, patient, patient_token


def party(doc: Doc, verb: Token, records: Records) -> Actor | None:
    """The other party of a verb: its object, else whom it is given to, asked of or done with."""
    obj = next((c for c in verb.children if c.dep_ in {"dobj", "obj"}), None)
    found = _np_actor(doc, obj, records) if obj is not None else None
    return found or _party(doc, verb, records, None)[0]


def _party(doc: Doc, verb: Token, records: Records, fallback: Token | None) -> tuple[Actor | None, Token | None]:
    """The other party of a verb that names no direct target: the one it is given to ("gave
    Tanzania a grant", "handed them over to Britain"), asked of ("demanded that the US cancel",
    "autonomy from Serbia"), or done with; else the same looked for in the act it commits to
    ("agreed to provide aid for Romania"). CAMEO codes these as the event's target."""
    for c in verb.children:
        if c.dep_ in {"dative", "iobj"}:
            found = _np_actor(doc, c, records)
            if found is not None:
                return found, c
        if c.dep_ == "prep" and c.lower_ in PARTY_PREPS:
            for g in c.children:
                found = _np_actor(doc, g, records)
                if found is not None:
                    return found, g
        if c.dep_ == "dobj":
            for prep in c.children:  # "offered concessions to X", "demanded autonomy from X"
                if prep.dep_ == "prep" and prep.lower_ in PARTY_PREPS:
                    for g in prep.children:
                        found = _np_actor(doc, g, records)
                        if found is not None:
                            return found, g
    for c in verb.children:
        # "threatened to shell Iraqi towns": the object of the act committed to is reached
        # before the subject of a clause the parse may have hung on the verb by mistake
        if c.dep_ == "xcomp":
            for g in c.children:
                if g.dep_ in {"dobj", "dative", "iobj"}:
                    found = _np_actor(doc, g, records)
                    if found is not None:
                        return found, g
    for c in verb.children:
        if c.dep_ == "ccomp" and verb.lemma_.lower() not in REPORTING_VERBS:
            subj = next((g for g in c.children if g.dep_ in {"nsubj", "nsubjpass"}), None)
            found = _np_actor(doc, subj, records) if subj is not None else None
            if found is not None:
                return found, subj
    for c in verb.children:
        if c.dep_ == "xcomp":
            return _party(doc, c, records, fallback)
    return None, fallback


#: Nouns of moving forces whose "of" object is the force that moves, the actor.
DEPLOY_NOUNS = words("deployment arrival redeployment withdrawal pullout")
#: Participles by which "X is <participle> to ..." states X's own stance (X acts).
STANCE_PARTICIPLES = words("oppose commit determine prepare resolve dedicate")
#: Verbs whose "in" object is an act their subject takes part in: "engaged in ethnic cleansing".
ENGAGE_VERBS = words("engage involve participate")
#: Acts that move or give forces: their object forces of the agent's own country are no target.
MOVING_TYPES = frozenset({"MOBILIZE", "AID", "RETREAT", "COOPERATE"})
#: Possessives by which a patient is the agent's own ("its troops").
OWN_POSSESSIVES = words("its their his her our")
#: Dependencies below a trigger whose actors are not its target: who acts, and who reports it.
_NOT_TARGET_DEPS = words("nsubj nsubjpass csubj agent")


def _nearest_other(
    doc: Doc,
    mention: Mention,
    records: Records,
    agent: Actor | None,
    blocked: set[int],
    exclude: Actor | None = None,
    deep: bool = True,
) -> tuple[Actor | None, Token | None]:
    """The actor nearest after the trigger inside what it governs, when the parse names no target.

    Without `deep`, only the act's own clause is searched (not its purpose or condition clauses,
    nor the clause a governing verb hangs on it).

    Event coders (CAMEO, PETRARCH) take the first actor the act reaches as its target: "agreed
    to provide aid for Romania", "demanded an immediate admission by Moscow", "threatened to cut
    off electricity to Nakhichevan". The trigger's own subtree is searched, without its subject,
    without reported speech and without other triggers' clauses; an actor of the agent's own
    (same id) is skipped.
    """
    trigger = doc[mention.roots[-1]] if mention.nominal and len(mention.roots) > 1 else doc[mention.head]
    if mention.nominal and trigger.dep_ == "compound" and trigger.head.lemma_.lower() in EVENT_HEADS:
        trigger = trigger.head  # "a mediation mission between Syria and ...": the phrase it heads
    found = _search_other(doc, mention, records, agent, blocked, trigger, {"parataxis", "advcl"}, exclude)
    if found[0] is None and not deep:
        return found
    if found[0] is None:
        # "began a hunger strike to protest against Sweden's decision", "threatened to ... unless
        # Israel rescinded": the party an act is aimed at may sit in its purpose or condition
        found = _search_other(doc, mention, records, agent, blocked, trigger, {"parataxis"}, exclude)
    noun = doc[mention.head]
    if found[0] is None and mention.nominal and noun.dep_ in {"dobj", "obj"} and noun.head.pos_ == "VERB":
        # "reiterated its demand that Israel ease ...", "continued their hunger strike to demand
        # the resignation of X": the clause the parse hangs on the verb completes the act
        verb = noun.head
        after = [c for c in verb.children if c.dep_ in {"ccomp", "advcl", "xcomp"} and c.i > noun.i]
        found = _search_other(doc, mention, records, agent, set(), verb, {"parataxis"}, exclude, after)
    return found


def _direct_place(doc: Doc, mention: Mention, records: Records) -> Place | None:
    """A place that is the act's own object: "shelled Gaza", "the invasion of South Lebanon",
    "the blockade of Serbia". It stands for the target before any actor merely reached further
    down ("ploughing through the United Nations lines")."""
    trigger = doc[mention.head]
    if mention.nominal:
        objs = [
            g for c in trigger.children if c.dep_ == "prep" and c.lower_ in {"of", "against", "on"} for g in c.children
        ]
    else:
        objs = [c for c in trigger.children if c.dep_ in {"dobj", "obj"}]
    for obj in objs:
        place = records.place_at.get(obj.i)
        actor = records.actor_at.get(obj.i)
        if place is not None and obj.ent_type_ == "PERSON":
            continue
        if place is not None and place.country_code and (actor is None or actor.kind in {"country", None}):
            return place
        if actor is None:
            # "shell Iraqi towns": whose towns they are
            for c in obj.children:
                own = records.place_at.get(c.i)
                if c.dep_ in {"amod", "compound"} and own is not None and own.country_code and is_country(own):
                    return own
    return None


def _named_person(actor: Actor, doc: Doc) -> bool:
    """Is an actor someone the text names ("Jamal Khashoggi"), not a kind of person ("a journalist")?"""
    if actor.kind != "person":
        return False
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    return span is not None and any(t.ent_type_ == "PERSON" for t in span)


def _antecedent(doc: Doc, pronoun: Token, records: Records, agent: Actor | None) -> Actor | None:
    """Whom an object pronoun stands for: the nearest earlier actor of its sentence that can be
    it ("paid compensation to 67 British nationals ... when Idi Amin expelled them"): a group or
    plural for "them", a person for "him" and "her"; never the one who acts."""
    plural = pronoun.lower_ == "them"
    for i in range(pronoun.i - 1, pronoun.sent.start - 1, -1):
        actor = records.actor_at.get(i)
        if actor is None or (agent is not None and actor.id == agent.id):
            continue
        if any(t.dep_ == "appos" for t in [doc[i], *list(doc[i].ancestors)[:3]]):
            continue  # "67 British nationals, most of the Asians": an aside on the antecedent
        if plural and (actor.kind == "group" or doc[i].tag_ in {"NNS", "NNPS"}):
            return actor
        if not plural and actor.kind == "person":
            return actor
    return None


def _condition_party(
    doc: Doc, mention: Mention, records: Records, agent: Actor | None
) -> tuple[Actor | None, Token | None]:
    """Whom a threat is held over: the subject of its condition ("threatened to strike unless
    Israel rescinded ...", "... if the United States goes ahead"), however deep the act it
    threatens sits."""
    trigger = doc[mention.head]
    for t in trigger.subtree:
        if t.dep_ != "advcl" or not any(m.dep_ == "mark" and m.lower_ in {"unless", "if"} for m in t.children):
            continue
        subj = next((c for c in t.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        found = _np_actor(doc, subj, records) if subj is not None else None
        if found is not None and (agent is None or found.id != agent.id):
            return found, subj
    return None, None


def _reaching(clause: Token) -> bool:
    """Does an adverbial clause tell whom the act is aimed at, rather than another act? A purpose
    ("blocked a road to show their disapproval for X"), a result ("..., killing 12 people") or a
    condition ("would protest ... if Ali remained in custody"), not "as authorities cracked down"."""
    marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
    if marks:
        return bool(marks & {"if", "unless"})
    return clause.tag_ == "VBG" or any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _search_other(
    doc: Doc,
    mention: Mention,
    records: Records,
    agent: Actor | None,
    blocked: set[int],
    trigger: Token,
    skip: set[str],
    exclude: Actor | None = None,
    start: list[Token] | None = None,
) -> tuple[Actor | None, Token | None]:
    """One search of `_nearest_other` below `trigger` (or from `start`), not entering the
    dependencies in `skip`."""
    seen = {trigger.i}
    if start is not None:
        stack = list(start)
    else:
        stack = [
            c
            for c in trigger.children
            if c.dep_ not in _NOT_TARGET_DEPS and (c.dep_ not in skip or (c.dep_ == "advcl" and _reaching(c)))
        ]
        if mention.nominal:
            stack += [c for c in doc[mention.head].children if c.i not in seen]
    best: tuple[tuple[int, int], Actor, Token] | None = None
    while stack:
        t = stack.pop()
        if t.i in seen or (t.i in blocked and t.i not in mention.roots):
            continue
        seen.add(t.i)
        if t.dep_ == "ccomp" and t.head.lemma_.lower() in REPORTING_VERBS and (start is None or t not in start):
            continue
        actor = records.actor_at.get(t.i)
        if actor is None:
            stack.extend(t.children)
            continue
        same = agent is not None and (actor.id == agent.id or (agent.name is not None and actor.name == agent.name))
        same = same or (exclude is not None and actor.id == exclude.id)
        if not same:
            # after the trigger first (the act reaches forward), then nearest
            distance = (0 if t.i > mention.head else 1, abs(t.i - mention.head))
            if best is None or distance < best[0]:
                best = (distance, actor, t)
        stack.extend(t.children)
    return (best[1], best[2]) if best else (None, None)


def _noun_actors(doc: Doc, noun: Token, records: Records) -> tuple[Actor | None, Actor | None, Token | None]:
    """(agent, patient, patient token) of a nominal trigger: "Russia's invasion of Ukraine",
    "strikes by X against Y", "a Russian strike"."""
    agent = patient = None
    patient_token = None
    for c in noun.children:
        if c.dep_ in {"compound", "nmod", "amod"}:
            # "US Predator attacks", "Israeli air strikes": a country the actors stage found acting
            doer = next(
                (a for t in c.subtree if (a := records.actor_at.get(t.i)) is not None and a.kind == "country"), None
            )
            if doer is not None:
                agent = agent or doer
                continue
        if c.dep_ in {"compound", "nmod"} and c.i in records.place_at:
            continue  # "Crimea annexation", "Kharkiv attack": where, not who ("Hamas attack": who)
        if c.dep_ == "poss" or (c.dep_ in {"amod", "compound", "nmod"} and c.i in records.actor_at):
            agent = agent or _np_actor(doc, c, records)
        elif c.dep_ == "prep" and c.lower_ == "by":
            for g in c.children:
                agent = agent or _np_actor(doc, g, records)
        elif c.dep_ == "prep" and c.lower_ in TARGET_PREPS | {"of"}:
            for g in c.children:
                a = _np_actor(doc, g, records)
                if a is not None and patient is None:
                    patient, patient_token = a, g
                patient_token = patient_token or g
    return agent, patient, patient_token


def _own_forces(patient: Actor, agent: Actor) -> bool:
    """Are the forces an act moves the agent's own: of its country, or unqualified ("the United
    States speeded up the withdrawal of some invasion forces from Panama": its own)?"""
    if patient.sector != "military" or agent.country_code is None:
        return False
    return patient.country_code is None or patient.country_code == agent.country_code


def _moved_by_noun(token: Token, mention: Mention) -> bool:
    """Is a token the "of" object of a nominal trigger ("the withdrawal of some forces")?"""
    return mention.nominal and token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.i == mention.head


def _is_place_setting(token: Token, records: Records, object_place: bool) -> bool:
    """Is this place token the setting of its phrase ("in X", "the town of X", "X attack")?

    With `object_place`, a place that is the object of the trigger is its setting too: "shelled
    the city of Kharkiv", "visited Paris"; an accusation of "Russia" is not set in Russia.
    """
    t = token
    for _ in range(6):
        dep = t.dep_
        if dep in {"conj", "appos", "compound"} and t.head.i in records.place_at:
            t = t.head
            continue
        if dep == "compound":
            # "Kharkiv attack", "Crimea annexation"; not "the Pacific Coast Bloc", a name
            return t.head.pos_ == "NOUN"
        if dep == "pobj":
            prep = t.head
            if prep.lower_ in LOCATIVE_PREPS:
                return True
            if prep.lower_ == "of" and prep.head.lemma_.lower() in PLACE_NOUNS:
                t = prep.head
                continue
            return False
        if dep in {"npadvmod", "nmod"} and t.head.pos_ in {"VERB", "NOUN"}:
            return True
        return object_place and dep in {"dobj", "obj", "nsubjpass"}
    return False


def _pick_place(clause: list[Token], records: Records, trigger: int, object_place: bool) -> Place | None:
    """The finest resolved place set by a locative phrase in the clause, nearest the trigger first."""
    found: dict[str, tuple[tuple[int, int, int], Place]] = {}
    for token in clause:
        place = records.place_at.get(token.i)
        if place is None or not _is_place_setting(token, records, object_place):
            continue
        actor = records.actor_at.get(token.i)
        if actor is not None and actor.end - actor.start > place.end - place.start:
            continue  # a place inside an actor's name: "the Pacific Coast Bloc", "Ukraine's Ministry"
        key = (
            place_rank(place) if place.lat is not None else 9,
            0 if place.lat is not None else 1,
            abs(token.i - trigger),
        )
        if place.id not in found or key < found[place.id][0]:
            found[place.id] = (key, place)
    if not found:
        return None
    return min(found.values(), key=lambda kv: kv[0])[1]


#: Prepositions whose object place is what an act reaches, not only where it happens: "blocked
#: transport into Abidjan", "air links with Serbia", "the blockade of Serbia", "sanctions on Burma".
_REACH_PREPS = PARTY_PREPS | words("of over at")


def _reach(doc: Doc, mention: Mention, clause: list[Token]) -> list[Token]:
    """The mention's clause and what the act reaches below it: the act it commits to or threatens
    ("threatened to institute a curfew in Algiers"), without subjects, reported speech, asides
    and adverbial clauses."""
    roots = {mention.head, *mention.roots}
    if mention.carrier is not None:
        roots.add(mention.carrier)
    seen = {t.i for t in clause} | roots
    out = list(clause)
    stack = [c for r in roots for c in doc[r].children if c.i not in seen]
    while stack:
        t = stack.pop()
        if t.i in seen:
            continue
        seen.add(t.i)
        if t.dep_ in _NOT_PLACE_REACH or (t.dep_ == "ccomp" and t.head.lemma_.lower() in REPORTING_VERBS):
            continue
        out.append(t)
        stack.extend(t.children)
    return out


#: Dependencies below a trigger that do not lead to what it reaches: who acts, asides, conditions.
_NOT_PLACE_REACH = words("nsubj csubj agent parataxis advcl relcl")


def _target_place(
    doc: Doc, mention: Mention, clause: list[Token], records: Records, setting: Place | None = None
) -> Place | None:
    """The place that stands for the mention's target, when no actor is named as one.

    An object or a place the act reaches ("shelled Gaza", "links with Serbia") comes before a
    setting ("a curfew in Abidjan"), then the one nearest the trigger. Places inside the agent's
    own phrase ("Rebels in the Ivory Coast") or inside an actor's name are not candidates.
    """
    agentive: set[int] = set()
    for r in {*mention.roots, mention.head, *([mention.carrier] if mention.carrier is not None else [])}:
        for c in doc[r].children:
            if c.dep_ in {"nsubj", "csubj", "agent"} or (mention.nominal and r == mention.head and c.dep_ == "poss"):
                agentive.update(t.i for t in c.subtree)
    # "detained several suspects in Gaza": an act done to people of its own is not aimed at its
    # setting ("blocked roads in Algiers", a thing, is: event coders take the place's people).
    verb = doc[mention.carrier] if mention.nominal and mention.carrier is not None else doc[mention.head]
    has_object = any(
        c.dep_ in {"dobj", "obj", "nsubjpass"}
        and (c.lemma_.lower() in PERSON_NOUNS or c.ent_type_ in {"PERSON", "NORP"})
        for c in verb.children
    )
    if mention.kind.plover == "CONSULT" and mention.kind.mode != "visit":
        has_object = True  # "talks in Havana": where parties meet is no party (where one visits is)
    best: tuple[tuple[int, int], Place] | None = None
    for token in _reach(doc, mention, clause):
        place = records.place_at.get(token.i)
        if place is None or token.i in agentive or not place.country_code or token.ent_type_ == "PERSON":
            continue
        if _part_of_name(doc, place):
            continue  # "videos of Juan Requesens": part of a name the places stage took for a town
        actor = records.actor_at.get(token.i)
        if actor is not None and actor.end - actor.start > place.end - place.start:
            continue
        t = token
        for _ in range(6):
            if t.dep_ in {"conj", "appos", "compound"} and t.head.i in records.place_at:
                t = t.head
            elif t.dep_ in {"amod", "compound", "nmod"} and t.head.pos_ == "NOUN" and is_country(place):
                t = t.head  # "shell Iraqi towns", "the Azerbaijani republic of Nakhichevan": whose they are
            elif t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lemma_.lower() in PLACE_NOUNS:
                t = t.head.head  # "the town of Cizre": the phrase it names
            else:
                break
        if t.dep_ in {"dobj", "obj", "nsubjpass", "dative"} or t.dep_ == "pobj" and t.head.lower_ in _REACH_PREPS:
            rank = 0
        elif t.dep_ == "pobj" and t.head.lower_ in LOCATIVE_PREPS and not has_object:
            rank = 1
        else:
            continue
        key = (rank, abs(token.i - mention.head))
        if best is None or key < best[0]:
            best = (key, place)
    if best is not None:
        return best[1]
    if setting is None or not setting.country_code or has_object or _part_of_name(doc, setting):
        return None
    return setting


def _part_of_name(doc: Doc, place: Place) -> bool:
    """Is a place only part of a longer name ("Juan" of "Juan Requesens"), a likely misreading?"""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return True
    if not span[0].ent_type_:
        return False
    # the entity around the place, from the tokens' IOB tags (cheaper than building doc.ents)
    left = span.start
    while left > 0 and doc[left].ent_iob_ == "I":
        left -= 1
    right = span.end
    while right < len(doc) and doc[right].ent_iob_ == "I":
        right += 1
    # other proper nouns in the entity ("the West Bank", "Montenegro province" are whole)
    return any(doc[k].pos_ == "PROPN" for k in (*range(left, span.start), *range(span.end, right)))


def _is_date(time: Time) -> bool:
    return time.type in {"DATE", "TIME"} and bool(time.value) and time.value[:1].isdigit()


def _pick_time(clause: list[Token], records: Records, trigger: int) -> Time | None:
    best: tuple[int, Time] | None = None
    for token in clause:
        time = records.time_at.get(token.i)
        if time is None or not _is_date(time):
            continue
        if best is None or abs(token.i - trigger) < best[0]:
            best = (abs(token.i - trigger), time)
    return best[1] if best else None


def _enclosing_verbs(top: Token) -> list[Token]:
    """The verbs of the clauses a mention hangs from, nearest first (at most two): the main verb
    of a purpose or coordinated clause, the verb a "for" phrase completes ("arrived for a
    visit"), the verb whose object it is ("fired tear gas on Tuesday to break up a march")."""
    out: list[Token] = []
    token = top
    while len(out) < 2:
        head = token.head
        if head.i == token.i:
            break
        if token.dep_ in {"advcl", "xcomp", "conj", "acl", "dobj", "obj"} and head.pos_ in {"VERB", "AUX"}:
            token = head
        elif token.dep_ == "pobj" and head.lower_ in {"for", "on"} and head.head.pos_ == "VERB":
            token = head.head
        else:
            break
        out.append(token)
    return out


def _reporting_verb(token: Token) -> Token | None:
    """The reporting verb whose reported clause holds this token ("X said that [a strike ...]")."""
    t = token
    for _ in range(8):
        if t.head.i == t.i:
            return None
        if t.dep_ in {"ccomp", "parataxis"} and t.head.lemma_.lower() in REPORTING_VERBS:
            return t.head
        t = t.head
    return None


def find_arguments(doc: Doc, mention: Mention, records: Records, blocked: set[int]) -> Arguments:
    """Read the arguments of one mention off its clause."""
    trigger = doc[mention.head]
    others = blocked - set(mention.roots)
    clause = clause_tokens(doc, mention, others)

    symmetric = mention.kind.plover in SYMMETRIC_TYPES
    if mention.nominal:
        agent, patient, patient_token = _noun_actors(doc, trigger, records)
        carrier = doc[mention.carrier] if mention.carrier is not None else None
        governor = doc[mention.roots[-1]] if len(mention.roots) > 1 else None
        if carrier is not None and carrier.lemma_ != "be":
            a, p, pt = _verb_actors(doc, carrier, records, symmetric)
            agent = agent or a
            if p is not None and pt is not None and pt.i != trigger.i:
                patient, patient_token = patient or p, patient_token or pt
        elif governor is not None and trigger.dep_ == "nsubj" and governor.lemma_.lower() in RESULT_VERBS:
            # "a strike destroyed Russian missiles": what the result verb hits is the target;
            # "the strike follows Putin's visit" names no target.
            _, p, pt = _verb_actors(doc, governor, records)
            patient = patient or p
            patient_token = patient_token or pt
    else:
        agent, patient, patient_token = _verb_actors(doc, trigger, records, symmetric)
        if patient is None and _sent_for(trigger):
            # "sent personnel to Bosnia to investigate": where they are sent is what the act reaches
            patient, patient_token = _party(doc, trigger.head, records, patient_token)
    if patient is not None and agent is not None and patient.id == agent.id:
        patient = None

    top = doc[mention.roots[-1]]
    time = _pick_time(clause, records, mention.head)
    from_report = False
    enclosing = None
    outer_verbs = _enclosing_verbs(top)
    outer_verb = outer_verbs[0] if outer_verbs else None
    outer_clauses: list[list[Token]] = []
    skip = others | set(mention.roots) | {t.i for t in outer_verbs}
    for verb in outer_verbs:
        # "Police fired tear gas on Tuesday to break up a march", "arrived in Manila on Monday
        # for a visit": the event is dated and placed by the clause it hangs from; the date is
        # marked inherited, since it is not the event's own expression.
        outer = Mention(
            head=verb.i, start=0, end=0, kind=mention.kind, sent=mention.sent, roots=(verb.i,), nominal=False
        )
        outer_clauses.append(clause_tokens(doc, outer, skip - {verb.i}))
        if time is None and enclosing is None:
            enclosing = _pick_time(outer_clauses[-1], records, verb.i)
    if time is None and enclosing is not None:
        time, from_report = enclosing, True
    reporter = None
    reporting = _reporting_verb(top)
    if reporting is not None:
        subj = _subject(reporting)
        reporter = _np_actor(doc, subj, records) if subj is not None else None
        if time is None:
            # A report dated "late Monday" that "a strike destroyed ..." dates the strike to that
            # day at the latest; taken as the event's date, marked inherited.
            report_clause = [c for c in reporting.children if c.dep_ not in CLAUSE_BREAKS]
            tokens = [t for c in report_clause for t in c.subtree]
            time = _pick_time(tokens, records, reporting.i)
            from_report = time is not None

    if agent is None and reporter is not None and not mention.nominal:
        # "Syria says it will not accept ...": the pronoun subject of a reported clause is its source.
        subj = _subject(trigger)
        if subj is not None and subj.lower_ in SOURCE_PRONOUNS and subj.head.i == trigger.i:
            agent = reporter

    relative = None
    if top.dep_ == "advcl":
        mark = next((c.lower_ for c in top.children if c.dep_ == "mark" and c.lower_ in {"after", "before"}), None)
        unit = next(
            (
                c.lemma_.lower()
                for c in top.children
                if c.dep_ == "npadvmod" and c.lemma_.lower() in {"hour", "day", "week", "month"}
            ),
            None,
        )
        if mark and unit:
            relative = (top.head.i, mark, unit)

    place = _pick_place(
        clause, records, mention.head, object_place=mention.kind.violent or mention.kind.family in PLACE_OBJECT_FAMILIES
    )
    for outer_clause in outer_clauses:
        place = place or _pick_place(outer_clause, records, mention.head, object_place=False)
    if agent is None and mention.nominal and trigger.dep_ == "pobj" and trigger.head.lower_ in {"in", "during"}:
        verb = trigger.head.head
        active = verb.pos_ == "VERB" and not any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)
        if active or verb.lemma_.lower() in ENGAGE_VERBS:
            # "guerrillas wounded two soldiers in a bomb attack", "Serb forces were engaged in
            # ethnic cleansing": who does what the act is the setting of does the act
            subj = _subject(verb) or next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            agent = _np_actor(doc, subj, records) if subj is not None else None
    if (
        patient is None
        and mention.nominal
        and trigger.dep_ == "pobj"
        and trigger.head.lower_ in {"in", "during", "under"}
    ):
        verb = trigger.head.head
        # "was put under investigation", "placed under arrest": who is put under it is its target
        under = trigger.head.lower_ == "under"
        if verb.pos_ == "VERB" and (mention.kind.violent or mention.kind.plover == "COERCE" or under):
            # "wounded two British soldiers in a bomb attack", "civilians were killed in a car
            # bombing": whom the verb the act is the setting of harms is the act's target
            for c in verb.children:
                found = _np_actor(doc, c, records) if c.dep_ in {"dobj", "obj", "nsubjpass"} else None
                if found is not None and (agent is None or found.id != agent.id):
                    patient, patient_token = found, c
                    break
    if agent is None and outer_verb is not None and top.dep_ == "pobj" and top.head.lower_ in {"for", "on"}:
        subj = _subject(outer_verb)  # "the minister arrived ... for a visit": the visitor
        agent = _np_actor(doc, subj, records) if subj is not None else None
    if mention.nominal and trigger.dep_ == "compound" and trigger.head.lemma_.lower() in EVENT_HEADS:
        trigger = trigger.head  # "undertook a mediation mission": who undertakes the mission mediates
    if agent is None and mention.nominal and trigger.dep_ in {"dobj", "obj"} and trigger.head.pos_ == "VERB":
        # "Israel and Lebanon renewed negotiations", "the judge opened investigations": who does
        # something to an act (resumes, opens, completes it) is the one who acts.
        subj = _subject(trigger.head)
        agent = _np_actor(doc, subj, records) if subj is not None else None
        if symmetric and agent is not None and patient is None and subj is not None:
            for partner in subj.conjuncts:
                other = _np_actor(doc, partner, records)
                if other is not None and other.id != agent.id:
                    patient = other
                    break
    if agent is None and mention.nominal and doc[mention.head].lemma_.lower() in DEPLOY_NOUNS:
        # "the first deployment of NATO peacekeeping troops": with no one named as sending them,
        # the force that moves is who acts (and not its own target)
        for c in doc[mention.head].children:
            if c.dep_ == "prep" and c.lower_ == "of":
                agent = next((a for g in c.children if (a := _np_actor(doc, g, records)) is not None), None)
        if agent is not None and patient is not None and patient.id == agent.id:
            patient, patient_token = None, None
    if patient is None and mention.kind.plover == "THREATEN":
        patient, patient_token = _condition_party(doc, mention, records, agent)
    if mention.kind.plover == "AID" and not mention.nominal and patient_token is not None:
        # "providing photographs and other military intelligence to Macedonia": what is given is
        # no party; whom it is given to is the target
        for c in trigger.children:
            if c.dep_ in {"prep", "dative"} and c.lower_ in {"to", "for"}:
                recipient = next((a for g in c.children if (a := _np_actor(doc, g, records)) is not None), None)
                if recipient is not None and (agent is None or recipient.id != agent.id):
                    patient, patient_token = recipient, c
                    break
    if mention.kind.plover == "ACCUSE" and patient_token is not None and patient_token.head.lower_ == "to":
        # "complained to the United Nations over two Israeli air raids": whom one complains to
        # hears it; whom one complains about is the target
        for c in trigger.children:
            if c.dep_ == "prep" and c.lower_ in {"over", "about", "against"}:
                about = next((a for g in c.children if (a := _np_actor(doc, g, records)) is not None), None)
                if about is not None and (agent is None or about.id != agent.id):
                    patient, patient_token = about, c
    if patient is None and patient_token is not None and patient_token.lower_ in {"them", "him", "her"}:
        patient = _antecedent(doc, patient_token, records, agent)
    direct = _direct_place(doc, mention, records) if patient is None else None
    memo: list[Place | None] = []

    def placed() -> Place | None:
        """The place standing for the target (`_target_place`), worked out once."""
        if not memo:
            memo.append(_target_place(doc, mention, clause, records, place))
        return memo[0]

    loose = False
    if patient is None and direct is None:
        patient, token = _nearest_other(doc, mention, records, agent, blocked, deep=False)
        if patient is None and (mention.kind.violent or placed() is None):
            # "Serbia eased emergency measures in Montenegro, as authorities in Croatia cracked
            # down": a place a measure is imposed on answers before an actor of another clause;
            # fighting has a counterpart, who may be named there ("after the army broke a siege")
            patient, token = _nearest_other(doc, mention, records, agent, blocked)
        loose = patient is not None
        patient_token = patient_token or token
    elif (
        patient is not None
        and patient_token is not None
        and (
            any(c.dep_ == "poss" and c.lower_ in OWN_POSSESSIVES for c in patient_token.children)
            or (
                agent is not None
                and mention.kind.plover in MOVING_TYPES
                and _own_forces(patient, agent)
                and (patient_token.dep_ in {"dobj", "obj"} or _moved_by_noun(patient_token, mention))
            )
        )
    ):
        # "offered its troops to Lebanon's President", "withdraw its troops from Lebanon",
        # "Britain mobilized army reservists for a war against Iraq": what the agent gives or
        # moves is its own; the party it reaches is the target
        other, token = _nearest_other(doc, mention, records, agent, blocked, exclude=patient)
        if other is not None:
            patient, patient_token = other, token
        elif agent is not None and (patient.country_code == agent.country_code or _own_forces(patient, agent)):
            # "Israel has strengthened its forces in Lebanon": with no other party, the place
            # the agent's own forces are sent to or kept in stands for the target
            own_place = _target_place(doc, mention, clause, records)
            if (
                own_place is not None
                and own_place.country_code
                and alpha3(own_place.country_code) != agent.country_code
            ):
                patient = None

    target_country = patient.country_code if patient is not None else None
    if target_country is None and patient_token is not None:
        target_country = _demonym_country(patient_token, records)
    target_place = None
    if loose and patient is not None and patient.country_code is None and not _named_person(patient, doc):
        # the nearest actor the act reaches names no country ("in an escalation of the uprising"):
        # a place the act is aimed at or imposed on says more of whom it is aimed at
        target_place = placed()
        if target_place is not None:
            patient = None
    if patient is None and target_place is None:
        target_place = direct or placed()

    return Arguments(
        target_place=target_place,
        target_country=target_country,
        actor1=agent,
        actor2=patient,
        target_noun=patient_token.lemma_.lower() if patient_token is not None else None,
        place=place,
        time=time,
        time_from_report=from_report,
        reporter=reporter,
        relative=relative,
    )


def date_interval(value: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day a TIMEX3 date value covers ("2014" -> 2014-01-01..2014-12-31)."""
    v = value.split("T")[0]
    try:
        if len(v) == 4 and v.isdigit():
            return dt.date(int(v), 1, 1), dt.date(int(v), 12, 31)
        if len(v) == 7 and v[4] == "-" and v[5:].isdigit():
            y, m = int(v[:4]), int(v[5:])
            first = dt.date(y, m, 1)
            nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
            return first, nxt - dt.timedelta(days=1)
        if len(v) >= 8 and v[5] == "W":
            monday = dt.date.fromisocalendar(int(v[:4]), int(v[6:8]), 1)
            return monday, monday + dt.timedelta(days=6)
        if len(v) == 10:
            d = dt.date.fromisoformat(v)
            return d, d
    except ValueError:
        return None
    return None
