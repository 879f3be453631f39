"""Trigger lexicon: lemmas that report an event, typed in PLOVER and, where it applies, ACLED.

Keyed on spaCy lemmas (lowercased) and split by part of speech, because the same lemma reports
different things as a verb and as a noun ("strike" the noun is an attack or a walk-out, "strike" the
verb is also "strike a deal"). Types follow the PLOVER codebook's CAMEO conversion table
(`plover-gsr/CAMEO2PLOVER-2021.txt`: "Make a visit" -> CONSULT/visit, "Arrest, detain, or charge"
-> COERCE/arrest, "Destroy property" -> ASSAULT, ...) and ACLED's 6 event types and 25 sub-event
types. Reporting verbs ("said", "told") are deliberately absent: the claims stage codes them.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path


def words(text: str) -> frozenset[str]:
    """A word list written as one string: long lists read better as prose than as a column."""
    return frozenset(text.split())


#: Objects that make an ordinary verb an event ("sent weapons", "lifted the curfew", "suspended aid").
AID_OBJECTS = words(
    "aid arms weapon ammunition food medicine supply fuel equipment assistance vaccine grain "
    "tank missile troop peacekeeper good goods flour rice blanket tent loan grant credit "
    "intelligence photograph"
)
#: What a state opens or closes to let people or goods through.
CROSSINGS = words("border borders bridge crossing crossings airspace frontier checkpoint port")
RESTRICTIONS = words(
    "blockade curfew sanction ban embargo restriction emergency siege measure law strike protest rally boycott"
)
RELATIONS = words(
    "aid tie relation talk negotiation cooperation contact link assistance funding export "
    "import trade mediation supply dialogue"
)
ENVOYS = words("ambassador envoy diplomat consul charge representative")

# ACLED event types.
BATTLES = "Battles"
REMOTE = "Explosions/Remote violence"
VAC = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

#: ACLED's taxonomy: every sub-event type under its event type.
ACLED_TYPES: dict[str, tuple[str, ...]] = {
    BATTLES: ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    REMOTE: (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    VAC: ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    PROTESTS: ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    RIOTS: ("Violent demonstration", "Mob violence"),
    STRATEGIC: (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}

#: PLOVER's 16 event types.
PLOVER_TYPES = (
    "AGREE",
    "ASSAULT",
    "AID",
    "ACCUSE",
    "COERCE",
    "CONSULT",
    "COOPERATE",
    "DEMAND",
    "MOBILIZE",
    "PROTEST",
    "REJECT",
    "REQUEST",
    "RETREAT",
    "SANCTION",
    "SUPPORT",
    "THREATEN",
)


@dataclass(frozen=True, slots=True)
class EventKind:
    """What a trigger lemma reports.

    `family` groups a verb with its nominalization ("annex"/"annexation") so that mentions of one
    event in either form can be linked. `needs` names a syntactic condition without which the lemma
    is too ambiguous to count (see `detect.py`). A `weak` trigger ("hit", "fire") only counts when
    it joins a nearby event or has a known agent: alone it is more often figurative than violent.
    """

    plover: str
    family: str
    mode: str | None = None
    acled: str | None = None
    sub: str | None = None
    violent: bool = False
    needs: str | None = None
    weak: bool = False
    refine: bool = False  # ACLED sub-type depends on weapon words and the target (see `refine_acled`)
    objects: frozenset[str] | None = None  # with needs="object_in": the object lemmas it takes


def _k(plover: str, family: str, **kw: object) -> EventKind:
    return EventKind(plover, family, **kw)  # type: ignore[arg-type]


_ASSAULT = dict(violent=True)

VERBS: dict[str, EventKind] = {
    # Political violence
    "attack": _k("ASSAULT", "attack", refine=True, **_ASSAULT),
    "assault": _k("ASSAULT", "attack", mode="beat", acled=VAC, sub="Attack", **_ASSAULT),
    "shell": _k(
        "ASSAULT", "shell", mode="heavy-weapons", acled=REMOTE, sub="Shelling/artillery/missile attack", **_ASSAULT
    ),
    "bomb": _k("ASSAULT", "bomb", mode="heavy-weapons", acled=REMOTE, sub="Air/drone strike", **_ASSAULT),
    "strike": _k("ASSAULT", "strike", acled=REMOTE, refine=True, needs="not_deal", **_ASSAULT),
    "hit": _k("ASSAULT", "hit", acled=REMOTE, weak=True, refine=True, **_ASSAULT),
    "fire": _k("ASSAULT", "fire", weak=True, needs="weapon_or_at", refine=True, **_ASSAULT),
    "shoot": _k("ASSAULT", "shoot", mode="firearms", refine=True, **_ASSAULT),
    "explode": _k("ASSAULT", "explosion", mode="explosives", acled=REMOTE, refine=True, **_ASSAULT),
    "detonate": _k("ASSAULT", "explosion", mode="explosives", acled=REMOTE, refine=True, **_ASSAULT),
    "clash": _k("ASSAULT", "clash", mode="firearms", acled=BATTLES, sub="Armed clash", **_ASSAULT),
    "ambush": _k("ASSAULT", "ambush", acled=BATTLES, sub="Armed clash", **_ASSAULT),
    "invade": _k("ASSAULT", "invade", mode="military", **_ASSAULT),
    "massacre": _k("ASSAULT", "kill", mode="massacre", acled=VAC, sub="Attack", **_ASSAULT),
    "assassinate": _k("ASSAULT", "kill", mode="assassinate", acled=VAC, sub="Attack", **_ASSAULT),
    "murder": _k("ASSAULT", "kill", acled=VAC, sub="Attack", **_ASSAULT),
    "abduct": _k("ASSAULT", "abduct", mode="abduct", acled=VAC, sub="Abduction/forced disappearance", **_ASSAULT),
    "kidnap": _k("ASSAULT", "abduct", mode="abduct", acled=VAC, sub="Abduction/forced disappearance", **_ASSAULT),
    "rape": _k("ASSAULT", "rape", mode="sexual", acled=VAC, sub="Sexual violence", **_ASSAULT),
    # Destroying property is COERCE in PLOVER (CAMEO 171 "Seize or damage property"), as ACLED
    # counts it a strategic development, not political violence; still violent for casualties.
    "torch": _k("COERCE", "burn", mode="seize", acled=STRATEGIC, sub="Looting/property destruction", **_ASSAULT),
    "raze": _k("COERCE", "burn", mode="seize", acled=STRATEGIC, sub="Looting/property destruction", **_ASSAULT),
    "loot": _k("COERCE", "loot", mode="seize", acled=STRATEGIC, sub="Looting/property destruction"),
    "annex": _k("COERCE", "annex", mode="seize"),
    "capture": _k("COERCE", "capture", mode="seize", acled=BATTLES, refine=True, needs="territory_or_person"),
    "seize": _k("COERCE", "capture", mode="seize", acled=BATTLES, refine=True, needs="territory_or_person"),
    "overrun": _k("COERCE", "capture", mode="seize", acled=BATTLES, sub="Non-state actor overtakes territory"),
    "retake": _k("COERCE", "retake", mode="seize", acled=BATTLES, sub="Government regains territory"),
    "recapture": _k("COERCE", "retake", mode="seize", acled=BATTLES, sub="Government regains territory"),
    "arrest": _k("COERCE", "arrest", mode="arrest", acled=STRATEGIC, sub="Arrests"),
    "detain": _k("COERCE", "arrest", mode="arrest", acled=STRATEGIC, sub="Arrests"),
    "apprehend": _k("COERCE", "arrest", mode="arrest", acled=STRATEGIC, sub="Arrests"),
    "deport": _k("COERCE", "deport", mode="deport"),
    "expel": _k("SANCTION", "expel", mode="expel"),
    "sanction": _k("SANCTION", "sanction", mode="restrict"),
    # Protest
    "protest": _k("PROTEST", "protest", mode="demo", acled=PROTESTS, sub="Peaceful protest", refine=True),
    "demonstrate": _k("PROTEST", "protest", mode="demo", acled=PROTESTS, sub="Peaceful protest", refine=True),
    "riot": _k("PROTEST", "riot", mode="riot", acled=RIOTS, sub="Violent demonstration"),
    "rally": _k(
        "PROTEST", "protest", mode="demo", acled=PROTESTS, sub="Peaceful protest", refine=True, needs="crowd_subject"
    ),
    "march": _k(
        "PROTEST", "protest", mode="demo", acled=PROTESTS, sub="Peaceful protest", refine=True, needs="crowd_subject"
    ),
    # Diplomacy and statements that are acts
    "visit": _k("CONSULT", "visit", mode="visit"),
    "meet": _k("CONSULT", "meet", needs="actor_object_or_none"),
    "host": _k("CONSULT", "meet", mode="visit", needs="actor_object"),
    # "received a delegation", "received the visiting envoy": hosting a visit (CAMEO 043), not
    # receiving a letter or aid
    "receive": _k(
        "CONSULT",
        "meet",
        needs="object_in",
        objects=words(
            "delegation mission envoy visitor delegate counterpart minister president ambassador "
            "official team observer emissary"
        ),
    ),
    "negotiate": _k("CONSULT", "negotiate"),
    "accuse": _k("ACCUSE", "accuse", mode="allege"),
    "condemn": _k("ACCUSE", "condemn", mode="disapprove"),
    "denounce": _k("ACCUSE", "condemn", mode="disapprove"),
    "criticize": _k("ACCUSE", "condemn", mode="disapprove"),
    "criticise": _k("ACCUSE", "condemn", mode="disapprove"),
    "blame": _k("ACCUSE", "accuse", mode="allege", needs="object"),
    "indict": _k("ACCUSE", "accuse", mode="allege"),
    "sue": _k("ACCUSE", "accuse", mode="allege"),
    "investigate": _k("ACCUSE", "investigate", mode="investigate"),
    "label": _k("ACCUSE", "condemn", mode="disapprove", needs="as_complement"),
    "reject": _k("REJECT", "reject"),
    "refuse": _k("REJECT", "reject"),
    "veto": _k("REJECT", "reject"),
    "rebuff": _k("REJECT", "reject"),
    "demand": _k("DEMAND", "demand"),
    "urge": _k("REQUEST", "request", needs="object"),
    "appeal": _k("REQUEST", "request", needs="for_or_on"),
    "request": _k("REQUEST", "request"),
    "call": _k("REQUEST", "request", needs="for_or_on"),
    "threaten": _k("THREATEN", "threaten"),
    "mobilize": _k("MOBILIZE", "mobilize", mode="troops"),
    "mobilise": _k("MOBILIZE", "mobilize", mode="troops"),
    "deploy": _k("MOBILIZE", "mobilize", mode="troops"),
    "withdraw": _k("RETREAT", "withdraw", mode="disarm"),
    "retreat": _k("RETREAT", "withdraw", mode="disarm"),
    "agree": _k("AGREE", "agree"),
    "cooperate": _k("COOPERATE", "cooperate"),
    "endorse": _k("SUPPORT", "support"),
    "praise": _k("SUPPORT", "support"),
    "back": _k("SUPPORT", "support", needs="actor_object"),
    "donate": _k("AID", "aid"),
    # Verbs that report an event only with a telling object ("lifted the curfew", "suspended
    # aid", "sent weapons"): alone they are too common to count.
    "send": _k("AID", "aid", needs="object_in", objects=AID_OBJECTS),
    "supply": _k("AID", "aid", needs="object_in", objects=AID_OBJECTS),
    "deliver": _k("AID", "aid", needs="object_in", objects=AID_OBJECTS),
    "provide": _k("AID", "aid", needs="object_in", objects=AID_OBJECTS),
    "ship": _k("AID", "aid", needs="object_in", objects=AID_OBJECTS),
    "give": _k("AID", "aid", needs="object_in", objects=AID_OBJECTS),
    "hand": _k("AID", "aid", needs="object_in", objects=AID_OBJECTS),
    "lift": _k("RETREAT", "ease", mode="ease", needs="object_in", objects=RESTRICTIONS),
    "ease": _k("RETREAT", "ease", mode="ease", needs="object_in", objects=RESTRICTIONS),
    # Opening a border or crossing eases a restriction (not "opened talks", "opened fire")
    "open": _k("RETREAT", "ease", mode="ease", needs="object_in", objects=CROSSINGS),
    "reopen": _k("RETREAT", "ease", mode="ease", needs="object_in", objects=CROSSINGS),
    "cancel": _k("RETREAT", "ease", mode="ease", needs="object_in", objects=RESTRICTIONS),
    "shorten": _k("RETREAT", "ease", mode="ease", needs="object_in", objects=RESTRICTIONS),
    "relax": _k("RETREAT", "ease", mode="ease", needs="object_in", objects=RESTRICTIONS),
    "loosen": _k("RETREAT", "ease", mode="ease", needs="object_in", objects=RESTRICTIONS),
    "accept": _k("AGREE", "agree", needs="object"),
    "seek": _k("REQUEST", "request", needs="object"),
    # CAMEO 052 "defend verbally": a person, a right or a policy; not "troops defended the town".
    "defend": _k("SUPPORT", "support", needs="defend"),
    # "imposed martial law", "imposed a blackout": restrictions that are no nominal trigger of their
    # own ("imposed a curfew" is carried by the curfew).
    "impose": _k(
        "COERCE",
        "restrict",
        mode="restrict",
        needs="object_in",
        objects=words("law rule blackout restriction control measure tax tariff fine penalty quota limit order"),
    ),
    "abuse": _k("ASSAULT", "abuse", mode="beat", acled=VAC, sub="Attack", needs="person_object", violent=True),
    "release": _k("RETREAT", "release", needs="person_object"),
    "free": _k("RETREAT", "release", needs="person_object"),
    "pardon": _k("RETREAT", "release", needs="person_object"),
    "resign": _k("RETREAT", "resign"),
    "surrender": _k("RETREAT", "surrender", mode="disarm"),
    "demobilize": _k("RETREAT", "withdraw", mode="disarm"),
    "suspend": _k("SANCTION", "suspend", mode="discontinue", needs="object_in", objects=RELATIONS),
    "halt": _k("SANCTION", "suspend", mode="discontinue", needs="object_in", objects=RELATIONS),
    "cut": _k("SANCTION", "suspend", mode="discontinue", needs="object_in", objects=RELATIONS),
    "sever": _k("SANCTION", "suspend", mode="withdraw", needs="object_in", objects=RELATIONS),
    "recall": _k("SANCTION", "expel", mode="withdraw", needs="object_in", objects=ENVOYS),
    "summon": _k("ACCUSE", "condemn", mode="disapprove", needs="object_in", objects=ENVOYS),
    "complain": _k("ACCUSE", "condemn", mode="disapprove"),
    "ban": _k("COERCE", "ban", mode="ban", needs="object"),
    "outlaw": _k("COERCE", "ban", mode="ban"),
    "confiscate": _k("COERCE", "loot", mode="seize"),
    "torture": _k("ASSAULT", "torture", mode="torture", acled=VAC, sub="Attack", violent=True),
    # Breaking up a crowd is repression (CAMEO 175), breaking into computers coercion
    "disperse": _k("COERCE", "disperse", mode="repress", needs="person_object"),
    "hack": _k("COERCE", "hack", needs="into"),
    "blockade": _k("COERCE", "blockade", mode="restrict"),
    "block": _k(
        "PROTEST",
        "protest",
        mode="obstruct",
        acled=PROTESTS,
        sub="Peaceful protest",
        needs="object_in_civil",
        objects=words("road street highway route traffic roadway railway bridge entrance transport access"),
    ),
    "telephone": _k("CONSULT", "phone", mode="phone", needs="actor_object_or_none"),
    "phone": _k("CONSULT", "phone", mode="phone", needs="actor_object_or_none"),
    "mediate": _k("CONSULT", "mediate"),
    "extradite": _k("COOPERATE", "extradite", mode="legal"),
    "share": _k(
        "COOPERATE",
        "cooperate",
        mode="intelligence",
        needs="object_in",
        objects=frozenset({"intelligence", "information", "evidence", "data", "expertise"}),
    ),
    "reinforce": _k("MOBILIZE", "mobilize", mode="troops"),
    "apologize": _k("SUPPORT", "apologize"),
    "apologise": _k("SUPPORT", "apologize"),
    "forgive": _k("SUPPORT", "support"),
    "welcome": _k(
        "SUPPORT",
        "support",
        needs="object_in",
        objects=words(
            "decision move statement agreement deal resolution ceasefire step announcement release "
            "election proposal plan"
        ),
    ),
    "decline": _k("REJECT", "reject", needs="xcomp_or_object"),
    "oppose": _k("REJECT", "reject"),
    "dismiss": _k(
        "REJECT",
        "reject",
        needs="object_in",
        objects=words("appeal call demand proposal claim offer request plan accusation allegation report charge"),
    ),
}

NOUNS: dict[str, EventKind] = {
    "attack": _k("ASSAULT", "attack", refine=True, **_ASSAULT),
    "assault": _k("ASSAULT", "attack", refine=True, **_ASSAULT),
    "offensive": _k("ASSAULT", "attack", mode="military", acled=BATTLES, sub="Armed clash", **_ASSAULT),
    "strike": _k("ASSAULT", "strike", acled=REMOTE, refine=True, **_ASSAULT),
    "airstrike": _k("ASSAULT", "strike", mode="heavy-weapons", acled=REMOTE, sub="Air/drone strike", **_ASSAULT),
    "bombardment": _k(
        "ASSAULT", "shell", mode="heavy-weapons", acled=REMOTE, sub="Shelling/artillery/missile attack", **_ASSAULT
    ),
    "shelling": _k(
        "ASSAULT", "shell", mode="heavy-weapons", acled=REMOTE, sub="Shelling/artillery/missile attack", **_ASSAULT
    ),
    "bombing": _k("ASSAULT", "bomb", mode="explosives", acled=REMOTE, refine=True, **_ASSAULT),
    "explosion": _k("ASSAULT", "explosion", mode="explosives", acled=REMOTE, refine=True, **_ASSAULT),
    "blast": _k("ASSAULT", "explosion", mode="explosives", acled=REMOTE, refine=True, **_ASSAULT),
    "clash": _k("ASSAULT", "clash", mode="firearms", acled=BATTLES, sub="Armed clash", **_ASSAULT),
    "fighting": _k("ASSAULT", "clash", mode="firearms", acled=BATTLES, sub="Armed clash", **_ASSAULT),
    "firefight": _k("ASSAULT", "clash", mode="firearms", acled=BATTLES, sub="Armed clash", **_ASSAULT),
    "gunfight": _k("ASSAULT", "clash", mode="firearms", acled=BATTLES, sub="Armed clash", **_ASSAULT),
    "skirmish": _k("ASSAULT", "clash", mode="firearms", acled=BATTLES, sub="Armed clash", **_ASSAULT),
    "ambush": _k("ASSAULT", "ambush", acled=BATTLES, sub="Armed clash", **_ASSAULT),
    "shooting": _k("ASSAULT", "shoot", mode="firearms", refine=True, **_ASSAULT),
    "invasion": _k("ASSAULT", "invade", mode="military", **_ASSAULT),
    "incursion": _k("ASSAULT", "invade", mode="military", **_ASSAULT),
    "massacre": _k("ASSAULT", "kill", mode="massacre", acled=VAC, sub="Attack", **_ASSAULT),
    "killing": _k("ASSAULT", "kill", acled=VAC, sub="Attack", **_ASSAULT),
    "assassination": _k("ASSAULT", "kill", mode="assassinate", acled=VAC, sub="Attack", **_ASSAULT),
    "abduction": _k("ASSAULT", "abduct", mode="abduct", acled=VAC, sub="Abduction/forced disappearance", **_ASSAULT),
    "kidnapping": _k("ASSAULT", "abduct", mode="abduct", acled=VAC, sub="Abduction/forced disappearance", **_ASSAULT),
    "rape": _k("ASSAULT", "rape", mode="sexual", acled=VAC, sub="Sexual violence", **_ASSAULT),
    "looting": _k("COERCE", "loot", mode="seize", acled=STRATEGIC, sub="Looting/property destruction"),
    "annexation": _k("COERCE", "annex", mode="seize"),
    "arrest": _k("COERCE", "arrest", mode="arrest", acled=STRATEGIC, sub="Arrests"),
    "detention": _k("COERCE", "arrest", mode="arrest", acled=STRATEGIC, sub="Arrests"),
    "warrant": _k("COERCE", "arrest", mode="arrest"),
    "deportation": _k("COERCE", "deport", mode="deport"),
    "curfew": _k("COERCE", "curfew", mode="curfew", needs="light_verb"),
    "blockade": _k("COERCE", "blockade", mode="restrict"),
    "sanction": _k("SANCTION", "sanction", mode="restrict", needs="plural"),
    "embargo": _k("SANCTION", "sanction", mode="restrict"),
    "expulsion": _k("SANCTION", "expel", mode="expel"),
    "protest": _k("PROTEST", "protest", mode="demo", acled=PROTESTS, sub="Peaceful protest", refine=True),
    "demonstration": _k("PROTEST", "protest", mode="demo", acled=PROTESTS, sub="Peaceful protest", refine=True),
    "rally": _k("PROTEST", "protest", mode="demo", acled=PROTESTS, sub="Peaceful protest", refine=True),
    "march": _k(
        "PROTEST",
        "protest",
        mode="demo",
        acled=PROTESTS,
        sub="Peaceful protest",
        needs="light_verb_or_against",
        refine=True,
    ),
    "sit-in": _k("PROTEST", "protest", mode="obstruct", acled=PROTESTS, sub="Peaceful protest", refine=True),
    "riot": _k("PROTEST", "riot", mode="riot", acled=RIOTS, sub="Violent demonstration"),
    "visit": _k("CONSULT", "visit", mode="visit"),
    "welcome": _k("CONSULT", "meet", needs="light_verb"),  # "gave a warm welcome to X"
    "trip": _k("CONSULT", "visit", mode="visit", needs="to_place"),
    "meeting": _k("CONSULT", "meet"),
    "summit": _k("CONSULT", "meet"),
    "talk": _k("CONSULT", "negotiate", needs="plural"),
    "negotiation": _k("CONSULT", "negotiate"),
    "accusation": _k("ACCUSE", "accuse", mode="allege"),
    "allegation": _k("ACCUSE", "accuse", mode="allege"),
    "charge": _k("ACCUSE", "accuse", mode="allege", needs="plural"),
    "indictment": _k("ACCUSE", "accuse", mode="allege"),
    "lawsuit": _k("ACCUSE", "accuse", mode="allege"),
    "condemnation": _k("ACCUSE", "condemn", mode="disapprove"),
    "investigation": _k("ACCUSE", "investigate", mode="investigate"),
    "probe": _k("ACCUSE", "investigate", mode="investigate"),
    "rejection": _k("REJECT", "reject"),
    "refusal": _k("REJECT", "reject"),
    "veto": _k("REJECT", "reject"),
    "demand": _k("DEMAND", "demand", needs="light_verb"),
    "ultimatum": _k("THREATEN", "threaten"),
    "threat": _k("THREATEN", "threaten", needs="light_verb"),
    "appeal": _k("REQUEST", "request", needs="light_verb"),
    "mobilization": _k("MOBILIZE", "mobilize", mode="troops"),
    "mobilisation": _k("MOBILIZE", "mobilize", mode="troops"),
    "deployment": _k("MOBILIZE", "mobilize", mode="troops"),
    "withdrawal": _k("RETREAT", "withdraw", mode="disarm"),
    "retreat": _k("RETREAT", "withdraw", mode="disarm"),
    "ceasefire": _k("AGREE", "ceasefire", acled=STRATEGIC, sub="Agreement"),
    "cease-fire": _k("AGREE", "ceasefire", acled=STRATEGIC, sub="Agreement"),
    "truce": _k("AGREE", "ceasefire", acled=STRATEGIC, sub="Agreement"),
    "armistice": _k("AGREE", "ceasefire", acled=STRATEGIC, sub="Agreement"),
    "agreement": _k("AGREE", "agree", refine=True),
    "deal": _k("AGREE", "agree", needs="light_verb", refine=True),
    "accord": _k("AGREE", "agree", refine=True),
    "treaty": _k("AGREE", "agree", refine=True),
    "cooperation": _k("COOPERATE", "cooperate", needs="light_verb"),
    "support": _k("SUPPORT", "support", needs="light_verb"),
    "endorsement": _k("SUPPORT", "support"),
    "aid": _k("AID", "aid", needs="light_verb"),
    "assistance": _k("AID", "aid", needs="light_verb"),
    "asylum": _k("AID", "aid", mode="asylum", needs="light_verb"),
    "fire": _k("ASSAULT", "shoot", mode="firearms", needs="open_fire", refine=True, violent=True),
    "mediation": _k("CONSULT", "mediate"),
    "torture": _k("ASSAULT", "torture", mode="torture", acled=VAC, sub="Attack", violent=True),
    "cleansing": _k("ASSAULT", "cleansing", mode="cleansing", acled=VAC, sub="Attack", violent=True),
    "extradition": _k("COOPERATE", "extradite", mode="legal"),
    "reinforcement": _k("MOBILIZE", "mobilize", mode="troops", needs="plural"),
    "alert": _k("MOBILIZE", "mobilize", mode="police", needs="on_alert"),
    "resignation": _k("RETREAT", "resign"),
    "surrender": _k("RETREAT", "surrender", mode="disarm"),
    "apology": _k("SUPPORT", "apologize"),
    "boycott": _k("PROTEST", "protest", mode="boycott", acled=PROTESTS, sub="Peaceful protest"),
    "consensus": _k("AGREE", "agree", needs="light_verb"),
    "exercise": _k("COOPERATE", "exercise", mode="military", needs="light_verb"),
    "drill": _k("COOPERATE", "exercise", mode="military", needs="light_verb"),
    "hearing": _k("ACCUSE", "investigate", mode="investigate", needs="light_verb"),
    "inquiry": _k("ACCUSE", "investigate", mode="investigate"),
    "patrol": _k("MOBILIZE", "mobilize", mode="police", needs="light_verb"),
    "suspension": _k("SANCTION", "suspend", mode="discontinue", needs="light_verb"),
}

#: Verbs that carry a nominal trigger without adding an event of their own ("launched strikes",
#: "issued a warrant", "held talks", "expressed support"): they give the nominal its agent,
#: negation and modality.
LIGHT_VERBS = words(
    "launch carry conduct stage hold begin start make pay express voice mount wage announce "
    "sign impose issue open reach strike give provide deliver send offer pledge declare "
    "reiterate extend order file lodge bring resume organize organise lead join agree grant "
    "unleash step intensify escalate"
)

#: Reporting verbs: their clauses are claims. Used only to date an event by its report ("said late
#: Monday that a strike destroyed ...") and to find who reports it.
REPORTING_VERBS = words(
    "say tell report announce state claim confirm add write note declare insist assert "
    "acknowledge admit explain allege post reiterate stress emphasize emphasise conclude"
)

#: Verbs of sending someone on a mission: its purpose is the act event coders code ("sent
#: personnel to Bosnia to investigate" is an investigation by the sender), not a mere intent.
SENDING_VERBS = words("send dispatch deploy despatch")

#: Verbs whose "to"-infinitive complement is a plan, not a fact ("plans to attack").
PLAN_VERBS = words(
    "plan intend prepare vow pledge promise aim seek want expect hope decide schedule set "
    "propose wish mean resolve scheme plot due commit threaten"
)

#: Verbs whose object is an event that stops or does not happen: "to halt attacks on soldiers".
STOP_VERBS = words("halt stop cease end suspend prevent avoid refrain ban lift cancel postpone abandon scrap")

#: Verbs that end or scale back what their object names. Ending a restriction, a sanction or a
#: walk-out is a concession (CAMEO 08: "lifted the curfew", "called off the strike"); ending
#: talks, aid or a visit reduces relations (CAMEO 16: "cancelled a planned visit", "suspended
#: aid deliveries"). The verb is the event; its object is what ends, no event of its own.
END_VERBS = words("lift end cancel suspend halt stop cease postpone abandon scrap reduce cut ease relax")
#: Particles that make a verb an ending one: "called off the strike", "broke off talks".
END_PARTICLES = {"call": "off", "break": "off"}
#: Nouns of cooperation whose ending is a sanction (besides the cooperative triggers themselves).
COOPERATIVE_NOUNS = RELATIONS | words(
    "visit meeting mediation program programme flight link effort summit delivery deliveries mission"
)
#: Types whose ending is a concession, and types whose ending is a sanction.
ENDS_AS_CONCESSION = frozenset({"COERCE", "SANCTION", "PROTEST"})
ENDS_AS_SANCTION = frozenset({"CONSULT", "AID", "COOPERATE", "AGREE", "SUPPORT"})
#: Verbs that announce what the subject will do, typed by the act they announce: "vowed to fight"
#: threatens (CAMEO 13), "pledged to help" is an intent to cooperate (CAMEO 03).
VOW_VERBS = words("vow pledge promise swear plan intend")
#: Acts whose announcement is a threat, besides hostile triggers of the lexicon.
HOSTILE_ACTS = words("fight retaliate resist punish avenge destroy kill crush liberate wage boycott")

#: Modifiers of a nominal trigger that put it in the future or make it conditional.
PLANNED_MODIFIERS = words("planned upcoming proposed scheduled future expected impending forthcoming")
HYPOTHETICAL_MODIFIERS = frozenset({"possible", "potential", "hypothetical", "prospective"})

#: Result predicates: they report what an event did (casualties, damage) rather than a new event.
KILL_LEMMAS = frozenset({"kill", "die", "dead", "slay", "death"})
INJURE_LEMMAS = frozenset({"injure", "wound", "hurt", "injured", "wounded"})
DAMAGE_LEMMAS = frozenset({"damage", "destroy", "demolish", "flatten"})

#: Verbs whose subject is an event and whose object is what the event struck ("a strike destroyed
#: missiles", "the blast damaged homes"): the object gives the event's target.
RESULT_VERBS = KILL_LEMMAS | INJURE_LEMMAS | DAMAGE_LEMMAS | frozenset({"hit", "target", "strike", "level", "wreck"})

#: Determiners and modifiers that say a nominal mention is a new event, not the one before.
NEW_EVENT_MARKERS = words(
    "another other second third new fresh further separate earlier previous multiple several more"
)

# Weapon words that settle the ACLED sub-type of an explosion or strike, checked on the trigger
# word itself and on its own modifiers only (the target of "destroyed cruise missiles" is not the
# weapon).
_WEAPON_SUBTYPES: tuple[tuple[frozenset[str], str], ...] = (
    (frozenset({"chemical", "chlorine", "sarin", "mustard", "toxic"}), "Chemical weapon"),
    (frozenset({"suicide", "self-immolation"}), "Suicide bomb"),
    (frozenset({"grenade"}), "Grenade"),
    (
        words("ied landmine mine roadside car explosive device booby"),
        "Remote explosive/landmine/IED",
    ),
    (
        words("missile rocket artillery shell mortar howitzer ballistic cruise grad himars shelling"),
        "Shelling/artillery/missile attack",
    ),
    (
        words("air airstrike drone aerial warplane jet aircraft helicopter bomber kamikaze uav"),
        "Air/drone strike",
    ),
)

#: Sectors of a target that make an attack a battle (armed on armed) rather than violence
#: against civilians.
ARMED_SECTORS = words("military police rebel militia insurgent armed_group")
CIVILIAN_NOUNS = words(
    "civilian villager resident man woman child people person family worker student "
    "journalist farmer passenger worshipper patient boy girl"
)
ARMED_NOUNS = words(
    "soldier troop force army police policeman officer fighter militant rebel insurgent "
    "position base checkpoint militia convoy unit outpost"
)
#: Nouns naming people: an act done to them ("detained several suspects in Gaza") has a human
#: target of its own, so the place it happens in is only its setting.
PERSON_NOUNS = CIVILIAN_NOUNS | words(
    "suspect member prisoner detainee hostage migrant refugee household opponent candidate official"
    " leader activist protester demonstrator national citizen soldier troop fighter militant rebel"
    " policeman officer inhabitant victim"
)
INTERVENTION_WORDS = words("tear disperse baton cannon arrest detain break")
LETHAL_WORDS = frozenset({"kill", "shoot", "live", "dead"})
PEACE_WORDS = words("peace ceasefire prisoner truce exchange swap")


def weapon_subtype(words: set[str]) -> str | None:
    """The ACLED remote-violence sub-type named by weapon words, or None."""
    for lexicon, sub in _WEAPON_SUBTYPES:
        if words & lexicon:
            return sub
    return None


def refine_acled(
    kind: EventKind,
    words: set[str],
    target_sector: str | None,
    target_noun: str | None,
    actor_sector: str | None,
    sentence_lemmas: set[str],
) -> tuple[str | None, str | None]:
    """The ACLED (event type, sub-event type) of a trigger given its modifiers and arguments.

    `words` are the lemmas of the trigger and its own modifiers. Why each rule:
    - a weapon word decides an explosion's sub-type; a "strike" with no weapon word is coded as an
      air/drone strike, the usual reading of a bare "strike" in conflict reporting;
    - an attack, shooting or capture is a battle when its target (or agent) is armed, violence
      against civilians when its target is civilian, and left untyped when neither is known;
    - a protest where the report mentions lethal force or intervention (tear gas, arrests) moves
      to those sub-types, as ACLED's codebook asks.
    """
    if not kind.refine:
        return kind.acled, kind.sub
    family = kind.family
    if family in {"strike", "bomb", "explosion", "hit", "fire", "attack", "shoot"}:
        sub = weapon_subtype(words)
        if sub is not None:
            return REMOTE, sub
        if family == "strike":
            return REMOTE, "Air/drone strike"
        if family in {"bomb", "explosion", "hit"}:
            return REMOTE, None
    if family in {"attack", "shoot", "fire", "hit"}:
        if target_sector in ARMED_SECTORS or target_noun in ARMED_NOUNS:
            return BATTLES, "Armed clash"
        if target_sector == "civilian" or target_noun in CIVILIAN_NOUNS:
            return VAC, "Attack"
        return None, None
    if family == "capture":
        if actor_sector in {"military", "police", "government"}:
            return BATTLES, "Government regains territory"
        if actor_sector in {"rebel", "militia", "insurgent", "armed_group"}:
            return BATTLES, "Non-state actor overtakes territory"
        return BATTLES, None
    if family == "protest":
        if sentence_lemmas & LETHAL_WORDS:
            return PROTESTS, "Excessive force against protesters"
        if sentence_lemmas & INTERVENTION_WORDS:
            return PROTESTS, "Protest with intervention"
        return PROTESTS, "Peaceful protest"
    if family == "agree":
        # ACLED's "Agreement" is any agreement between political actors, from ceasefires to
        # prisoner exchanges; an agreement at all is one.
        return STRATEGIC, "Agreement"
    return kind.acled, kind.sub


#: Labour and hunger strikes are protests, not attacks.
LABOUR_STRIKE_WORDS = words(
    "hunger general labor labour worker teacher doctor nurse union miner driver nationwide warning"
)
LABOUR_STRIKE = EventKind("PROTEST", "protest", mode="boycott", acled=PROTESTS, sub="Peaceful protest")


#: The CAMEO verb table (`python -m dateline.events.build`): a fallback for verbs the lexicon above
#: does not list, used by `detect.py` only for the main predicate of a clause with an agent.
CAMEO_VERBS_FILE = Path(__file__).with_name("data") / "cameo_verbs.tsv"
#: CAMEO verbs that are no political act on their own in news prose, whatever the dictionary says:
#: they carry other events, report speech, or are too common to code without their pattern.
CAMEO_STOPLIST = words(
    "be have do get go come take put see make give use say tell report add continue begin start "
    "try seem become leave keep show turn move follow remain expect plan want need help work run "
    "set carry hold bring receive include allow look hear feel lead raise pass return open close "
    "reach face meet visit end call stand change spend win lose pay build grow fall rise cause "
    "sell buy amend verify check know believe think learn read write watch wait live die"
)


@functools.cache
def cameo_verbs() -> dict[str, EventKind]:
    """lemma -> the kind of event the CAMEO verb dictionary codes it as (family "cameo:<lemma>")."""
    out: dict[str, EventKind] = {}
    try:
        lines = CAMEO_VERBS_FILE.read_text(encoding="utf-8").splitlines()
    except OSError:
        return out  # an install without the table codes with the hand lexicon alone
    for line in lines:
        if line.startswith("#") or not line.strip():
            continue
        verb, _code, plover = line.split("\t")
        if verb in CAMEO_STOPLIST or verb in VERBS or verb in REPORTING_VERBS:
            continue
        violent = plover == "ASSAULT"
        out[verb] = EventKind(plover, f"cameo:{verb}", violent=violent)
    return out
