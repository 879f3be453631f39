"""Attribution cues and the stances they take: the one place where stances are defined.

A cue is the word (with its auxiliaries and negation) that attributes content to a source. Its
lemma gives a *class*; the class and the cue's polarity and modality give the *stance*:

| class          | cues (lemmas)                  | plain                 | negated / unable        |
|----------------|--------------------------------|-----------------------|-------------------------|
| say            | say, tell, add, stress         | asserts               | does_not_assert         |
| label          | label, call X as Y             | asserts               | does_not_assert         |
| believe        | believe, think, fear, suspect  | believes              | does_not_believe        |
| confirm        | confirm, verify, corroborate   | confirms              | cannot_confirm          |
| deny           | deny, reject, dismiss, refute  | denies                | does_not_deny           |
| accuse         | accuse, blame, allege          | accuses               | does_not_accuse         |
| vow            | vow, pledge, promise, swear    | vows                  | does_not_vow            |
| threaten       | threaten                       | threatens             | does_not_threaten       |
| responsibility | claim/take responsibility      | claims_responsibility | no_responsibility_claim |
| deny_resp.     | deny responsibility            | denies_responsibility | does_not_deny           |
| demand         | urge, demand, ask, call for/on | demands               | does_not_demand         |
| criticize      | criticize, condemn, denounce   | criticizes            | does_not_criticize      |
| praise         | praise, hail, commend, welcome | praises               | does_not_praise         |
| intend         | want, plan, intend, propose    | intends               | does_not_intend         |
| cite           | cite, express, echo, endorse   | asserts               |                         |
| evidence       | show (by video, footage)       | shows                 | does_not_show           |
| comment        | comment (negated only)         |                       | no_comment              |
| according_to   | "according to X", "in a poll"  | asserts               |                         |
| hearsay        | reportedly, allegedly (adverbs)| alleges               |                         |
| other          | learned cues (`learned.py`)    | expresses             | does_not_express        |
| (nominal)      | "X's claim/denial/warning that"| as the verb's class   |                         |

Refused ("declined to confirm", "refused to comment"): say -> declines_to_comment; label ->
declines_to_comment; confirm -> declines_to_confirm; deny -> declines_to_comment; accuse ->
declines_to_comment; responsibility -> no_responsibility_claim; criticize -> declines_to_comment;
comment -> no_comment.

Attitudes. "be" with an attitude adjective (`ATTITUDE_ADJECTIVES`: "is skeptical of the deal", "was
adamant that ...") is a cue of the believe class: the subject's view of what the adjective governs.

Commitments. A speech verb whose complement has the speaker as subject and a future auxiliary
("the unions said they would protest on Monday") is a vow: the speaker announces its own action.

Hedges. A hearsay adverb ("Russia reportedly struck the depot", "he allegedly fired") attributes
its clause to unnamed others whom the reporter does not vouch for: a claim with no source and the
stance `alleges`, which the verification summary counts as a report and the conflict check as an
affirmation. A modal on the cue ("may confirm") keeps the plain stance (see below).

Negation is a `neg` dependent of the cue or of the verbs that govern it through `xcomp`/`acomp`
("hasn't been able to confirm"), or a negative governor ("unable", "fail"). Refusal is a governor
"refuse"/"decline". Hedged cues ("may confirm") keep their plain stance: the hedge stays visible in
the cue span, and inventing a stance per modal verb would split counts without helping a reader.
"""

from __future__ import annotations

#: Cue lemma -> class. Only verbs; nominal cues ("according to") are found by pattern.
CUE_CLASS: dict[str, str] = {
    **dict.fromkeys(
        (
            "say",
            "tell",
            "add",
            "announce",
            "state",
            "report",
            "claim",
            "insist",
            "argue",
            "explain",
            "note",
            "warn",
            "write",
            "tweet",
            "post",
            "stress",
            "emphasize",
            "emphasise",
            "declare",
            "maintain",
            "assert",
            "predict",
            "reply",
            "acknowledge",
            "admit",
            "concede",
            "reveal",
            "indicate",
            "estimate",
            "suggest",
            "urge",
            "complain",
            "recall",
            "disclose",
            "testify",
            "observe",
            "remark",
            "contend",
            "mention",
            "agree",
            "caution",
            "conclude",
            "find",
            "hint",
            "joke",
            "boast",
            "assure",
            "brief",
            "inform",
            "signal",
        ),
        "say",
    ),
    **dict.fromkeys(("label", "call", "describe", "brand", "dub", "characterize", "characterise", "term"), "label"),
    **dict.fromkeys(
        ("believe", "think", "fear", "suspect", "doubt", "feel", "worry", "hope", "know", "expect", "understand"),
        "believe",
    ),
    **dict.fromkeys(("confirm", "verify", "corroborate"), "confirm"),
    **dict.fromkeys(("deny", "reject", "dismiss", "refute", "dispute", "rebuff"), "deny"),
    **dict.fromkeys(("accuse", "blame", "allege"), "accuse"),
    **dict.fromkeys(("vow", "pledge", "promise", "swear"), "vow"),
    "threaten": "threaten",
    **dict.fromkeys(("show", "demonstrate"), "evidence"),
    **dict.fromkeys(("comment", "respond"), "comment"),
    **dict.fromkeys(("urge", "demand", "ask", "appeal", "press", "implore"), "demand"),
    **dict.fromkeys(
        (
            "criticize",
            "criticise",
            "condemn",
            "denounce",
            "blast",
            "slam",
            "decry",
            "lambaste",
            "rebuke",
            "chastise",
            "mock",
            "ridicule",
            "question",
        ),
        "criticize",
    ),
    **dict.fromkeys(("praise", "hail", "commend", "applaud", "welcome", "laud"), "praise"),
    **dict.fromkeys(("want", "plan", "intend", "propose", "seek", "aim"), "intend"),
    **dict.fromkeys(("cite", "express", "echo", "reference", "highlight", "endorse"), "cite"),
}

#: Nouns that attribute a that-clause to their possessor: "Russia's claim that ...". Class by lemma.
NOMINAL_CUES: dict[str, str] = {
    **dict.fromkeys(("claim", "statement", "assertion", "argument", "report", "insistence", "suggestion"), "say"),
    **dict.fromkeys(("allegation", "accusation", "charge"), "accuse"),
    **dict.fromkeys(("denial",), "deny"),
    **dict.fromkeys(("confirmation",), "confirm"),
    **dict.fromkeys(("promise", "pledge", "vow"), "vow"),
    **dict.fromkeys(("warning", "threat"), "threaten"),
    **dict.fromkeys(("belief", "fear", "hope", "view"), "believe"),
}
#: Adverbs that attribute their clause to unnamed others: "Russia reportedly struck ...".
HEARSAY_ADVERBS = frozenset({"reportedly", "allegedly", "purportedly", "supposedly", "reputedly"})
#: "call for ..." and "call on ..." are demands; "call X Y" is a label.
CALL_DEMAND_PREPS = frozenset({"for", "on", "upon"})

#: Cue classes that need an evidence-like subject to count ("video shows"), else "Putin shows
#: support" would become a claim.
EVIDENCE_NOUNS = frozenset(
    [
        "video",
        "footage",
        "image",
        "images",
        "photo",
        "photos",
        "photograph",
        "photographs",
        "picture",
        "pictures",
        "imagery",
        "clip",
        "recording",
        "audio",
        "document",
        "documents",
        "record",
        "records",
        "data",
        "evidence",
        "analysis",
        "map",
        "maps",
        "survey",
        "poll",
        "study",
        "report",
        "reports",
        "figures",
        "statistics",
        "satellite",
        "screenshot",
        "post",
        "posts",
    ]
)

#: Adjectives that, after "be", voice the subject's attitude to what follows: "is skeptical of the
#: deal", "was adamant that ...", "are wary of ...". Read as the `believe` class.
ATTITUDE_ADJECTIVES = frozenset(
    {
        "adamant",
        "afraid",
        "angry",
        "anxious",
        "ambivalent",
        "aware",
        "cautious",
        "certain",
        "confident",
        "concerned",
        "convinced",
        "critical",
        "dismissive",
        "disappointed",
        "doubtful",
        "eager",
        "enthusiastic",
        "frustrated",
        "furious",
        "happy",
        "hopeful",
        "hostile",
        "interested",
        "keen",
        "leery",
        "nervous",
        "opposed",
        "optimistic",
        "outraged",
        "pessimistic",
        "pleased",
        "proud",
        "sanguine",
        "sceptical",
        "skeptical",
        "supportive",
        "sure",
        "suspicious",
        "sympathetic",
        "unhappy",
        "upbeat",
        "upset",
        "vocal",
        "wary",
        "worried",
    }
)

#: Findings that "In <finding>, <clause>" attributes the clause to: "In a CNN poll, Clinton led".
FINDING_NOUNS = frozenset({"poll", "survey", "study", "report", "analysis", "data", "figure", "statistic"})

#: Say-class lemmas that need a clausal complement (ccomp) to count as a cue: "said that ..." is an
#: attribution, "reported a fire" or "added salt" is not.
NEEDS_CLAUSE = frozenset(k for k, v in CUE_CLASS.items() if v in ("say", "believe", "vow", "threaten"))

#: Objects that make "claim/take/accept/assume X" a responsibility claim.
RESPONSIBILITY_NOUNS = frozenset({"responsibility", "credit", "blame"})
RESPONSIBILITY_VERBS = frozenset({"claim", "take", "accept", "assume", "bear"})

#: Governors that turn "to <cue>" into inability or refusal.
UNABLE_GOVERNORS = frozenset({"unable", "fail"})
ABLE_GOVERNORS = frozenset({"able", "can", "manage", "try", "attempt", "seek", "want", "wish", "hope"})
REFUSE_GOVERNORS = frozenset({"refuse", "decline"})

PLAIN = {
    "say": "asserts",
    "label": "asserts",
    "believe": "believes",
    "confirm": "confirms",
    "deny": "denies",
    "accuse": "accuses",
    "vow": "vows",
    "threaten": "threatens",
    "responsibility": "claims_responsibility",
    "deny_responsibility": "denies_responsibility",
    "evidence": "shows",
    "according_to": "asserts",
    "demand": "demands",
    "criticize": "criticizes",
    "praise": "praises",
    "intend": "intends",
    "cite": "asserts",
    "other": "expresses",
    "hearsay": "alleges",
}
NEGATED = {
    "say": "does_not_assert",
    "label": "does_not_assert",
    "believe": "does_not_believe",
    "confirm": "cannot_confirm",
    "deny": "does_not_deny",
    "accuse": "does_not_accuse",
    "vow": "does_not_vow",
    "threaten": "does_not_threaten",
    "responsibility": "no_responsibility_claim",
    "deny_responsibility": "does_not_deny",
    "evidence": "does_not_show",
    "comment": "no_comment",
    "demand": "does_not_demand",
    "criticize": "does_not_criticize",
    "praise": "does_not_praise",
    "intend": "does_not_intend",
    "other": "does_not_express",
}
REFUSED = {
    "say": "declines_to_comment",
    "label": "declines_to_comment",
    "confirm": "declines_to_confirm",
    "deny": "declines_to_comment",
    "accuse": "declines_to_comment",
    "criticize": "declines_to_comment",
    "responsibility": "no_responsibility_claim",
    "comment": "no_comment",
}

#: Every stance this stage can emit.
STANCES = frozenset(PLAIN.values()) | frozenset(NEGATED.values()) | frozenset(REFUSED.values())


def stance_for(cue_class: str, negated: bool, refused: bool) -> str | None:
    """The stance of a cue of `cue_class`; None where the combination is not an attribution."""
    if refused:
        return REFUSED.get(cue_class)
    if negated:
        return NEGATED.get(cue_class)
    if cue_class == "comment":  # "X commented" alone says nothing about content
        return None
    return PLAIN.get(cue_class)
