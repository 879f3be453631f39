"""Detect event mentions: lexicon triggers filtered by the dependency parse.

A lemma in the lexicon is only a candidate. The parse decides whether it reports an event of its
own: participles used as adjectives ("Russian-occupied Crimea"), purpose infinitives ("a scheme to
deport"), complements of another trigger ("a warrant for his arrest", "threatened to attack") and
results of a nominal event ("the strike hit the station") are not separate events. GDELT codes
every verb and floods its users; this stage prefers to miss a marginal mention.
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dateline.events.lexicon import (
    COOPERATIVE_NOUNS,
    DAMAGE_LEMMAS,
    END_PARTICLES,
    END_VERBS,
    ENDS_AS_CONCESSION,
    ENDS_AS_SANCTION,
    HOSTILE_ACTS,
    KILL_LEMMAS,
    LABOUR_STRIKE,
    LABOUR_STRIKE_WORDS,
    LIGHT_VERBS,
    NEW_EVENT_MARKERS,
    NOUNS,
    PLAN_VERBS,
    REPORTING_VERBS,
    RESTRICTIONS,
    SENDING_VERBS,
    STOP_VERBS,
    STRATEGIC,
    VAC,
    VERBS,
    VOW_VERBS,
    EventKind,
    cameo_verbs,
    words,
)
from dateline.events.records import Records
from dateline.nlp import sentence as sentence_span
from dateline.nlp import sentence_of, tokens

log = logging.getLogger(__name__)

#: Pronouns that stand for the source of a reported clause ("X said they would boycott ...").
SOURCE_PRONOUNS = words("it they he she we")
DEFINITE_DETS = frozenset({"the", "this", "that", "these", "those"})
WEAPON_OBJECTS = words("missile rocket shell shot round bullet mortar drone grenade salvo volley")
#: Riot-control means: firing them is an intervention in a protest, not an attack.
RIOT_CONTROL = words("tear rubber cannon pepper baton stun flash")
AGENT_NOUNS = words(
    "gunman attacker militant assailant soldier troop force rebel fighter insurgent police mob army jihadist terrorist"
)
TERRITORY_NOUNS = words(
    "territory town city village base area district airport hill position province region "
    "border crossing port capital stronghold control airfield checkpoint outpost"
)
#: Heads that keep a trigger used as a modifier an event: "an assassination attempt".
EVENT_HEADS = words("attempt campaign plot wave spree series operation mission effort")
#: Complements of "refused to", "declined to" that are no political act: "declined to comment".
TALK_VERBS = words(
    "comment name identify give say elaborate discuss disclose speak confirm reveal answer "
    "respond pay provide specify detail"
)
REQUEST_TYPES = frozenset({"DEMAND", "REQUEST"})


def _answers_request(talk: Token) -> bool:
    """Does a verb of talking answer a demand or an appeal ("refused to respond to a demand",
    "declined to answer the appeal")? Refusing that is a rejection, not declining to comment."""
    objects = [c for c in talk.children if c.dep_ in {"dobj", "obj"}]
    objects += [g for c in talk.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children]
    return any((kind := NOUNS.get(lemma(o))) is not None and kind.plover in REQUEST_TYPES for o in objects)


CAPTIVE_NOUNS = words(
    "prisoner hostage detainee captive journalist activist soldier man woman child civilian "
    "suspect opposition leader dissident people person"
)
CROWD_NOUNS = words(
    "thousand thousands hundred hundreds dozens protester demonstrator people supporter "
    "student worker resident crowd activist opponent farmer woman citizen youth"
)
#: Weapons whose fire is an attack when launched or directed: "launched artillery and rocket fire".
FIRE_WEAPONS = words("artillery gun machine")
#: Verbs that ask for what their object names: with a nominal trigger as object ("sought
#: negotiations") the nominal is the event; alone ("sought refuge") they are a request.
SEEK_VERBS = words("seek")
#: Prepositions that set an act in time or circumstance, never carry it: "following the invasions".
CIRCUMSTANCE_PREPS = words("after following before during since amid despite until")
#: Weapons named as the agent of a killing: "killed by an improvised explosive device".
WEAPON_AGENTS = words("device bomb mine ied missile rocket shell mortar airstrike grenade explosive drone bombing")
#: Nouns whose "to"-infinitive is the act attempted, not a purpose: "an attempt to assassinate".
ATTEMPT_NOUNS = words("attempt bid plot")
#: Objects that make "defend" a statement of support: "defended Iraq", "defended the right of".
DEFENDED_THINGS = words("right decision policy position action move stance record conduct")
#: Light verbs by which a protest is an official complaint (CAMEO 114), not a demonstration.
COMPLAINT_VERBS = words("lodge file register deliver send")
#: Words that make a strike a walk-out when they are anywhere in its sentence and no weapon is.
LABOUR_CONTEXT = words("union worker teacher employee staff doctor nurse miner pay wage")
STRIKE_WEAPONS = words("air drone missile rocket bomb military airstrike artillery kill killed")

ENDED_CONCESSION = EventKind("RETREAT", "ease", mode="ease")
ENDED_RELATIONS = EventKind("SANCTION", "suspend", mode="discontinue")
ACCEDE = EventKind("RETREAT", "accede")
REPRESS = EventKind("COERCE", "repress", mode="repress")
COMPLAINT = EventKind("ACCUSE", "complain", mode="allege")
DECLARED_CEASEFIRE = EventKind("RETREAT", "ceasefire", mode="ceasefire", acled=STRATEGIC, sub="Agreement")
VOW_THREATEN = EventKind("THREATEN", "vow", mode="intent")
VOW_AGREE = EventKind("AGREE", "vow", mode="intent")

#: Prepositions by which a nominal trigger is the complement of another trigger ("warrant for his
#: arrest", "protest against the arrest"); temporal ones ("after the attack") are not.
COMPLEMENT_PREPS = words("for of over against on to about")

KILL_KIND = EventKind("ASSAULT", "kill", acled=VAC, sub="Attack", violent=True, refine=False)
#: Destroying property: COERCE in PLOVER (CAMEO 171), a strategic development in ACLED.
DESTROY_KIND = EventKind(
    "COERCE", "destroy", mode="seize", acled=STRATEGIC, sub="Looting/property destruction", violent=True
)


@dataclass(frozen=True, slots=True)
class Mention:
    """One phrase that reports an event.

    `roots` are the tokens whose clause is the mention's own (the trigger, plus the light verb or
    governing verb of a nominal trigger); `carrier` is the light verb or copula whose negation and
    modality are the mention's ("did not launch strikes", "there was no strike").
    """

    head: int
    start: int
    end: int
    kind: EventKind
    sent: int
    roots: tuple[int, ...]
    nominal: bool
    plural: bool = False
    definite: bool = False
    new_marker: bool = False
    carrier: int | None = None
    conj_of: int | None = None  # head of the mention this one is conjoined with (shared subject)


def lemma(token: Token) -> str:
    """The token's lemma, lowercased, repaired where the small model's lemmatizer slips
    ("staged" -> "stag", "installed" -> "instal"): a form ending in -ed or -ing whose stem plus
    "e" is in the lexicon is read as that verb."""
    base = token.lemma_.lower()
    if base in VERBS or base in LIGHT_VERBS or base in NOUNS:
        return base
    low = token.lower_
    if base.startswith("re") and len(base) > 5 and (base[2:] in VERBS or base[2:] in LIGHT_VERBS):
        return base[2:]  # "reimposed a blockade", "reopened talks": the act done again
    for suffix in ("ed", "ing", "d"):
        if low.endswith(suffix):
            stem = low[: -len(suffix)]
            for cand in (stem, stem + "e"):
                if cand in VERBS or cand in LIGHT_VERBS:
                    return cand
    return base


def _has_child(token: Token, deps: set[str], lemmas: set[str] | None = None) -> bool:
    return any(c.dep_ in deps and (lemmas is None or c.lemma_.lower() in lemmas) for c in token.children)


def _dobj(token: Token) -> Token | None:
    return next((c for c in token.children if c.dep_ in {"dobj", "obj"}), None)


def _infinitive(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _needs_ok(token: Token, kind: EventKind, records: Records, light: Token | None) -> bool:
    """Check the syntactic condition an ambiguous lemma needs (see `EventKind.needs`)."""
    need = kind.needs
    if need is None:
        return True
    doc = token.doc
    obj = _dobj(token)
    if need == "object":
        return obj is not None or _has_child(token, {"nsubjpass"})
    if need == "actor_object":
        return obj is not None and records.is_agentive(doc, obj.i)
    if need == "actor_object_or_none":
        return obj is None or records.is_agentive(doc, obj.i)
    if need == "into":
        return _has_child(token, {"prep"}, {"into"})  # "tried to hack into the computers of X"
    if need == "as_complement":
        return _has_child(token, {"prep"}, {"as"})
    if need == "for_or_on":
        # "called for a ceasefire" (the "for" right after the verb), "called on Russia to
        # withdraw" (an "on" object and a to-infinitive); not "On Friday, X called ...".
        for c in token.children:
            if c.dep_ == "prep" and c.lower_ == "for" and c.i == token.i + 1:
                return True
            if c.dep_ == "prep" and c.lower_ == "on" and c.i > token.i and _has_child(token, {"xcomp", "ccomp"}):
                return True
        return False
    if need == "not_deal":
        return obj is None or obj.lemma_.lower() not in {
            "deal",
            "agreement",
            "balance",
            "chord",
            "note",
            "pose",
            "tone",
            "compromise",
            "bargain",
        }
    if need == "weapon_or_at":
        if obj is not None and {t.lemma_.lower() for t in obj.subtree} & RIOT_CONTROL:
            return False
        return (obj is not None and obj.lemma_.lower() in WEAPON_OBJECTS) or _has_child(token, {"prep"}, {"at", "on"})
    if need in {"object_in", "object_in_civil"}:
        target = obj or next((c for c in token.children if c.dep_ == "nsubjpass"), None)
        if target is None or kind.objects is None:
            return False
        lemmas = {target.lemma_.lower(), target.lower_} | {c.lemma_.lower() for c in target.conjuncts}
        # "5 million dollars of aid", "700 kg of medicine", "$50,000 worth of goods": a measure
        # of something is that thing
        lemmas |= {
            g.lemma_.lower() for c in target.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
        }
        if not lemmas & kind.objects:
            return False
        if need == "object_in_civil":
            # "protesters blocked the road" is a protest; "officers blocked the avenue" is not
            subj = next((c for c in token.children if c.dep_ == "nsubj"), None)
            actor = records.actor_at.get(subj.i) if subj is not None else None
            armed = actor is not None and actor.sector in {"military", "police"}
            return not armed and (subj is None or subj.lemma_.lower() not in AGENT_NOUNS | {"officer"})
        return True
    if need == "person_object":
        target = obj or next((c for c in token.children if c.dep_ == "nsubjpass"), None)
        return target is not None and (records.is_agentive(doc, target.i) or target.lemma_.lower() in CAPTIVE_NOUNS)
    if need == "xcomp_or_object":
        return obj is not None or _has_child(token, {"xcomp"})
    if need == "territory_or_person":
        target = obj or next((c for c in token.children if c.dep_ == "nsubjpass"), None)
        if target is not None and target.lemma_.lower() in {"part", "parts", "most", "much", "half"}:
            # "captured part of a Karen guerrilla stronghold": the whole of which a part is taken
            target = next(
                (g for c in target.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children), target
            )
        return target is not None and (
            target.i in records.place_at
            or records.is_agentive(doc, target.i)
            or target.lemma_.lower() in TERRITORY_NOUNS | CAPTIVE_NOUNS
        )
    if need == "open_fire":
        # "opened fire"; "launched artillery and rocket fire": a weapon names the fire's kind
        if light is None:
            return False
        weapons = {
            t.lemma_.lower() for c in token.children if c.dep_ in {"compound", "amod", "nmod"} for t in c.subtree
        }
        return light.lemma_.lower() == "open" or bool(weapons & (WEAPON_OBJECTS | FIRE_WEAPONS))
    if need == "defend":
        return obj is not None and (records.is_agentive(doc, obj.i) or obj.lemma_.lower() in DEFENDED_THINGS)
    if need == "on_alert":
        return token.dep_ == "pobj" and token.head.lower_ == "on"
    if need == "crowd_subject":
        # "thousands rallied", "protesters marched"; not "stocks rallied", "troops marched"
        subj = next((c for c in token.children if c.dep_ == "nsubj"), None)
        return subj is not None and (subj.lemma_.lower() in CROWD_NOUNS or subj.like_num)
    if need == "plural":
        return token.tag_ in {"NNS", "NNPS"}
    if need == "light_verb":
        return light is not None
    if need == "light_verb_or_against":
        # "a march": an event when staged, dispersed, or going somewhere ("a march by farmers
        # on Congress"); not "the march of history"
        return (
            light is not None
            or _has_child(token, {"prep"}, {"against", "on", "to", "by", "through", "toward", "towards"})
            or (
                token.dep_ in {"dobj", "nsubjpass"}
                and lemma(token.head) in {"disperse", "break", "ban", "block", "attack", "join"}
            )
        )
    if need == "to_place":
        return any(
            c.dep_ == "prep" and c.lower_ == "to" and any(g.i in records.place_at for g in c.subtree)
            for c in token.children
        )
    return True


_HYPHENATED = {tuple(k.split("-")): k for k in NOUNS if "-" in k}


def _hyphenated(token: Token) -> tuple[str, int] | None:
    """A hyphenated trigger the tokenizer split ("sit - in"), ending at this token: (key, start)."""
    for parts, key in _HYPHENATED.items():
        n = 2 * len(parts) - 1
        if token.i - n + 1 < 0 or token.lower_ != parts[-1]:
            continue
        window = token.doc[token.i - n + 1 : token.i + 1]
        if [t.lower_ for t in window] == list("-".join(parts).replace("-", " - ").split()):
            return key, window[0].idx
    return None


def _carrier(token: Token) -> Token | None:
    """The light verb ("launched strikes") or existential copula ("there was a strike") of a noun."""
    head = token.head
    if head.i == token.i:
        return None
    if token.dep_ in {"dobj", "obj", "nsubjpass"} and lemma(head) in LIGHT_VERBS:
        if lemma(head) == "carry" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in head.children):
            return None  # "carried out an attack", not "charges that carry the threat"
        return head
    if token.dep_ == "attr" and head.lemma_ == "be" and _has_child(head, {"expl"}):
        return head
    if token.dep_ == "pobj" and head.dep_ == "prep" and head.head.lemma_.lower() in {"carry", "call", "go", "insist"}:
        return head.head  # "carried out an attack" parses out as a particle in some trees; "insisted on its demands"
    return None


def _agentive_subject(token: Token, records: Records) -> bool:
    """Does a verb have an agent who can act (an actor, a named group, "gunmen")?"""
    for c in token.children:
        if c.dep_ in {"nsubj"}:
            if records.is_agentive(token.doc, c.i) or c.lemma_.lower() in AGENT_NOUNS:
                return True
            # "Israeli army bulldozers demolished ...": the machine's owner is named beside it
            return any(
                m.dep_ in {"compound", "amod", "nmod", "poss"}
                and (m.i in records.actor_at or m.lemma_.lower() in AGENT_NOUNS)
                for m in c.children
            )
        if c.dep_ == "agent":
            return any(records.is_agentive(token.doc, g.i) or g.lemma_.lower() in AGENT_NOUNS for g in c.children)
    return False


def _weapon_agent(token: Token) -> bool:
    """Is a killing done by a weapon: "killed by an improvised explosive device", "a bomb killed"?

    A weapon as the agent makes the killing an attack of its own even with no one named."""
    for c in token.children:
        if c.dep_ == "nsubj" and c.lemma_.lower() in WEAPON_AGENTS:
            return True
        if c.dep_ == "agent" and any(g.lemma_.lower() in WEAPON_AGENTS for g in c.children):
            return True
    return False


def _ending_kind(token: Token, base: str) -> EventKind | None:
    """The kind of a verb that ends, blocks or yields to what its object names (see `END_VERBS`)."""
    obj = _dobj(token)
    if obj is None:
        return None
    if base in END_PARTICLES and not _has_child(token, {"prt"}, {END_PARTICLES[base]}):
        return None
    if base not in END_VERBS | ACCEDE_VERBS | REPRESS_VERBS | WITHDRAW_VERBS and base not in END_PARTICLES:
        return None
    lemmas = {obj.lemma_.lower()} | {
        g.lemma_.lower() for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
    }
    lemmas |= {c.lemma_.lower() for c in obj.children if c.dep_ == "compound"}
    kinds = [NOUNS[w] for w in lemmas if w in NOUNS]
    types = {k.plover for k in kinds}
    if base in WITHDRAW_VERBS:
        # "will withdraw weapons inspectors from Iraq": expelling or withdrawing inspectors,
        # observers, peacekeepers or aid workers reduces relations (CAMEO 166), it is no retreat
        return ENDED_RELATIONS if lemmas & WITHDRAWN_STAFF else None
    if base in ACCEDE_VERBS:
        # "accepted demands from Shona rebels": acceding to demands (CAMEO 083)
        return ACCEDE if lemmas & words("demand request call condition") else None
    if base in REPRESS_VERBS:
        # "prevented the demonstration": repressing a protest (CAMEO 17)
        return REPRESS if "PROTEST" in types else None
    if types & ENDS_AS_CONCESSION or lemmas & RESTRICTIONS:
        return ENDED_CONCESSION
    if types & ENDS_AS_SANCTION or lemmas & COOPERATIVE_NOUNS:
        return ENDED_RELATIONS
    return None


#: Verbs that take people out of a country, and the people whose withdrawal is a sanction.
WITHDRAW_VERBS = words("withdraw recall pull evacuate")
WITHDRAWN_STAFF = words(
    "inspector observer monitor peacekeeper worker staff ambassador envoy diplomat mission personnel agency"
)
#: Verbs by which the subject gives in to what its object asks: "accepted their demands".
ACCEDE_VERBS = words("accept meet heed grant")
#: Verbs that stop a protest from happening.
#: Not "disperse": a dispersed march took place, and is the event ("Protest with intervention").
REPRESS_VERBS = words("prevent ban forbid")


def _vow_kind(token: Token) -> EventKind | None:
    """ "vowed to fight" threatens, "pledged to help" is an intent to cooperate (see `VOW_VERBS`)."""
    # the infinitive is an open complement, or parsed as an adverbial clause ("have sworn to fight")
    comp = next((c for c in token.children if c.dep_ == "xcomp" or (c.dep_ == "advcl" and _infinitive(c))), None)
    if comp is None:
        return None
    act = lemma(comp)
    kind = VERBS.get(act) or cameo_verbs().get(act)
    hostile = act in HOSTILE_ACTS or (kind is not None and kind.plover in {"ASSAULT", "COERCE", "SANCTION", "THREATEN"})
    return VOW_THREATEN if hostile else VOW_AGREE


def _verb_kind(token: Token, records: Records) -> EventKind | None:
    base = lemma(token)
    ending = _ending_kind(token, base)
    if ending is not None:
        return ending
    if base in VOW_VERBS:
        return _vow_kind(token)
    obj = _dobj(token)
    if base == "set" and obj is not None and obj.lower_ == "fire" and _has_child(token, {"prep"}, {"to", "on"}):
        return DESTROY_KIND  # "set fire to the offices" (CAMEO 171): property destroyed
    kind = VERBS.get(base)
    if kind is not None:
        return kind
    if base in KILL_LEMMAS - {"die", "dead", "death"} and _weapon_agent(token):
        return KILL_KIND
    # Killing and destroying are usually the result of an event already mentioned; they are an
    # event of their own only when someone is named as doing them ("gunmen killed five").
    if base in KILL_LEMMAS - {"die", "dead", "death"} and _agentive_subject(token, records):
        return KILL_KIND
    if base in DAMAGE_LEMMAS and _agentive_subject(token, records):
        return DESTROY_KIND
    # The CAMEO verb dictionary codes many more verbs ("offered", "insisted", "evacuated"). Its
    # verbs are broad, so one counts only as the main predicate of a sentence or of what a source
    # says ("X said it would boycott ..."), with someone named as doing it: a verb deep inside a
    # clause, or without an agent, is more often a circumstance than an act.
    kind = cameo_verbs().get(base)
    if kind is not None and main_predicate(token):
        verb = _with_subject(token)
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        # "Palestinian leaders said they would boycott ...": a pronoun in a reported clause stands
        # for its source.
        reported = verb.dep_ in {"ccomp", "parataxis"}
        # Not "it": "said it serves to ..." is as often a thing as the source.
        personal = subj is not None and subj.lower_ in SOURCE_PRONOUNS - {"it"}
        if _agentive_subject(verb, records) or (reported and personal):
            return kind
    return None


def main_predicate(token: Token) -> bool:
    """Is the verb the sentence's root, or the root of a reported clause, or conjoined to one?"""
    for _ in range(2):
        if token.dep_ == "ROOT":
            return True
        if token.dep_ in {"ccomp", "parataxis"} and token.head.lemma_.lower() in REPORTING_VERBS:
            return True
        if token.dep_ != "conj":
            return False
        token = token.head
    return False


def _with_subject(token: Token) -> Token:
    """The verb itself, or for a conjoined verb without a subject the verb it shares one with."""
    if token.dep_ == "conj" and not _has_child(token, {"nsubj", "nsubjpass"}):
        return token.head
    return token


def _skip_verb(token: Token) -> str | None:
    """Why a verb candidate reports no event of its own, or None."""
    dep = token.dep_
    if dep == "amod":
        return "participle used as an adjective"
    if dep == "acl" and _infinitive(token) and token.head.lemma_.lower() in ATTEMPT_NOUNS:
        return None  # "an attempt to assassinate X was thwarted": the act attempted
    if dep == "acl" and not _has_child(token, {"agent"}):
        return "participle modifier without an agent"
    if _infinitive(token) and dep == "advcl" and token.head.lemma_.lower() in SENDING_VERBS:
        return None  # "sent personnel to Bosnia to investigate": the mission is coded by its purpose
    if _infinitive(token) and dep in {"advcl", "acl", "relcl"}:
        return "purpose infinitive"
    if dep == "xcomp" and token.head.lemma_.lower() not in PLAN_VERBS:
        head_lemma = token.head.lemma_.lower()
        if head_lemma in VERBS or token.head.pos_ == "NOUN":
            return "complement of another trigger"
    return None


def detect_mentions(doc: Doc, records: Records) -> list[Mention]:
    """Every event mention in `doc`, in text order."""
    sent_of = sentence_of(doc)
    toks = tokens(doc)

    nominal: dict[int, tuple[EventKind, Token | None]] = {}
    starts: dict[int, int] = {}  # trigger token -> start char, for triggers of several tokens
    for token in toks:
        kind = None
        if token.pos_ in {"NOUN", "PROPN"}:
            kind = NOUNS.get(token.lemma_.lower())
            compound = _hyphenated(token)
            if compound is not None:
                kind, starts[token.i] = NOUNS[compound[0]], compound[1]
        elif token.tag_ == "VBG" and token.dep_ in {"nsubj", "nsubjpass", "csubj"}:
            kind = NOUNS.get(token.lower_)  # "Fighting in X intensified": a gerund used as a noun
        if kind is None:
            continue
        light = _carrier(token)
        if kind.family == "strike" and (
            {c.lemma_.lower() for c in token.children} & LABOUR_STRIKE_WORDS
            or (token.dep_ == "pobj" and token.head.lower_ == "on" and token.head.head.lemma_ in {"go", "be"})
        ):
            kind = LABOUR_STRIKE  # "a general strike", "workers went on strike"
        elif kind.family == "strike" and token.pos_ == "NOUN":
            sentence = {t.lemma_.lower() for t in sentence_span(token)}
            if sentence & LABOUR_CONTEXT and not sentence & STRIKE_WEAPONS:
                kind = LABOUR_STRIKE  # "teachers' union ... called off a four-day strike"
        if kind.family == "protest" and light is not None and lemma(light) in COMPLAINT_VERBS:
            kind = COMPLAINT  # "lodged an official protest with Albania"
        if kind.family == "ceasefire" and (
            (light is not None and lemma(light) == "declare") or _has_child(token, {"amod"}, {"unilateral"})
        ):
            kind = DECLARED_CEASEFIRE  # a truce declared by one side is a concession (CAMEO 0871)
        if not _needs_ok(token, kind, records, light):
            continue
        if token.dep_ == "compound" and token.head.lemma_.lower() not in EVENT_HEADS:
            continue  # "torture centers", "protest movement": a modifier, not an event
        # "ended mediation efforts": the effort a trigger heads is what the verb ends
        ended = token.head if token.dep_ == "compound" and token.head.lemma_.lower() in EVENT_HEADS else token
        if ended.dep_ in {"dobj", "obj"} and (
            lemma(ended.head) in STOP_VERBS or _ending_kind(ended.head, lemma(ended.head)) is not None
        ):
            log.debug("not an event: %r (object of %r)", token.text, token.head.text)
            continue  # "to halt attacks on soldiers": attacks that are to stop, not that happened
        nominal[token.i] = (kind, light)

    verbal: dict[int, EventKind] = {}
    for token in toks:
        if token.pos_ != "VERB":
            continue
        kind = _verb_kind(token, records)
        if kind is None:
            continue
        why = _skip_verb(token)
        if why is None and not _needs_ok(token, kind, records, None):
            why = "ambiguous lemma without its syntactic condition"
        obj = _dobj(token)
        if why is None and obj is not None and obj.i in nominal and token.lemma_.lower() in LIGHT_VERBS | SEEK_VERBS:
            why = "light verb of a nominal trigger"  # "held talks", "sought negotiations"
        subj = next((c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if why is None and subj is not None and subj.i in nominal and (kind.violent or kind.weak):
            why = "result of a nominal event"  # "the strike hit the train station"
        if (
            why is None
            and kind.weak
            and any(
                g.i in nominal for c in token.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children
            )
        ):
            why = "the event is its instrument"  # "hits 13 officials with sanctions"
        if why is None and kind.family.startswith("cameo:"):
            held = [c for c in token.children if c.dep_ in {"dobj", "obj"}]
            # not a time or a circumstance: "offered to negotiate following the invasions"
            held += [
                g
                for c in token.children
                if c.dep_ == "prep" and c.lower_ not in CIRCUMSTANCE_PREPS
                for g in c.children
                if g.dep_ == "pobj"
            ]
            if any(h.i in nominal for h in held):
                why = "a dictionary verb carrying a nominal trigger"  # "arrived ... for a visit"
        if why is None and kind.plover == "REJECT":
            comp = next((c for c in token.children if c.dep_ == "xcomp"), None)
            if comp is not None and lemma(comp) in TALK_VERBS and not _answers_request(comp):
                why = "refusal to talk"  # "declined to comment", "refused to be named"
        if why:
            log.debug("not an event: %r (%s)", token.text, why)
            continue
        verbal[token.i] = kind

    triggers = set(nominal) | set(verbal)
    # A trigger completed by a nominal of its own PLOVER type takes that nominal's ACLED type:
    # "agreed to a ceasefire" is an ACLED agreement, "agreed" alone is not.
    for i, (kind, _) in nominal.items():
        token = doc[i]
        if token.dep_ != "pobj" or token.head.lower_ not in COMPLEMENT_PREPS:
            continue
        head = token.head.head.i
        if head in verbal and verbal[head].plover == kind.plover and verbal[head].acled is None:
            verbal[head] = dataclasses.replace(verbal[head], acled=kind.acled, sub=kind.sub)
        elif head in nominal and nominal[head][0].plover == kind.plover and nominal[head][0].acled is None:
            nominal[head] = (dataclasses.replace(nominal[head][0], acled=kind.acled, sub=kind.sub), nominal[head][1])
    mentions: list[Mention] = []
    for i in sorted(triggers):
        token = doc[i]
        if i in nominal:
            kind, light = nominal[i]
            # A noun that completes another trigger is part of that event ("a warrant for his
            # arrest", "called for a ceasefire").
            if token.dep_ == "pobj" and token.head.lower_ in COMPLEMENT_PREPS and token.head.head.i in triggers:
                log.debug("not an event: %r (complement of %r)", token.text, token.head.head.text)
                continue
            roots = [i]
            if light is not None:
                roots.append(light.i)
            elif token.dep_ in {"nsubj", "nsubjpass"} and token.head.pos_ == "VERB":
                roots.append(token.head.i)  # "a strike destroyed ...": the clause is the strike's
            children = list(token.children)
            definite = any((c.dep_ == "det" and c.lower_ in DEFINITE_DETS) or c.dep_ == "poss" for c in children)
            marker = any(c.lemma_.lower() in NEW_EVENT_MARKERS for c in children if c.dep_ in {"det", "amod", "nummod"})
            conj_of = None
            if light is not None and light.dep_ == "conj" and light.head.i in triggers:
                conj_of = light.head.i
            mentions.append(
                Mention(
                    head=i,
                    start=starts.get(i, token.idx),
                    end=token.idx + len(token),
                    kind=kind,
                    sent=sent_of[i],
                    roots=tuple(roots),
                    nominal=True,
                    plural=token.tag_ in {"NNS", "NNPS"},
                    definite=definite,
                    new_marker=marker,
                    carrier=light.i if light is not None else None,
                    conj_of=conj_of,
                )
            )
        else:
            kind = verbal[i]
            conj_of = None
            if token.dep_ == "conj" and token.head.i in triggers and not _has_child(token, {"nsubj", "nsubjpass"}):
                conj_of = token.head.i
            mentions.append(
                Mention(
                    head=i,
                    start=token.idx,
                    end=token.idx + len(token),
                    kind=kind,
                    sent=sent_of[i],
                    roots=(i,),
                    nominal=False,
                    conj_of=conj_of,
                )
            )
    return mentions
