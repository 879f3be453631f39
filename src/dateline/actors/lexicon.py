"""Word lists and thresholds the actor finder's heuristics rest on, kept apart to be read and tuned.

Each list says what it decides; all words are lower case (verbs as lemmas).
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Verbs whose subject is not acting: "Crimea is a key junction", "China and Russia have goals".
#: A country as subject of any other verb is taken as its government acting.
STATIVE = _words("be have host include lie remain border become contain sit seem stand")

#: Adjectives by which "X is ready to ..." states what X will do: X acts though its verb is "be".
READY_ADJECTIVES = _words("ready willing prepared committed determined eager able")

#: Nouns naming something a country does: "Russia's invasion" makes Russia an actor, while
#: "Russia's airfields" does not.
EVENT_NOUNS = _words(
    "invasion attack attacks war offensive operation operations strike strikes annexation occupation"
    " bombardment shelling decision response demand demands accusation claim claims refusal statement"
    " warning threat threats sanctions aggression assault blockade withdrawal retreat counteroffensive"
    " efforts effort mediation proposal plan offer initiative request support aid intervention"
    " involvement veto recognition ultimatum crackdown raid raids suppression repression policy policies"
    " changes riots demonstrations protests"
)

#: Event nouns whose bare noun modifier is their doer: "US mediation" is the US mediating, but
#: "Crimea annexation" is Crimea annexed, so only nouns of offering and helping qualify.
AGENT_COMPOUND_NOUNS = _words(
    "mediation efforts effort proposal plan offer initiative sanctions aid support request demand"
    " demands veto ultimatum statement decision troops"
)

#: Acts a nationality adjective names the doer of: "an Indian proposal", "Palestinian riots",
#: "proposed Israeli changes" (not "Russian missiles", a thing, nor "Russian towns", a place).
DOER_NOUNS = _words(
    "proposal plan offer initiative demand demands ultimatum decision veto mediation changes policy"
    " policies riots riot demonstrations demonstration protests protest uprising crackdown"
)

#: Attacks a country name or nationality word on them names the doer of: "US Predator attacks",
#: "Israeli air strikes", "Russian shelling" (a town's name on one is where: "the Kharkiv attack").
ATTACK_NOUNS = _words(
    "attack attacks strike strikes airstrike airstrikes raid raids bombing bombings shelling offensive"
    " incursion incursions invasion bombardment"
)

#: Things only a side's armed forces hold: a nationality adjective on one names that side's military
#: as a party ("struck Russian positions", "destroyed Russian missiles"), not a place or a people.
ARMED_ASSETS = _words(
    "missile missiles rocket rockets position positions warship warships tank tanks aircraft jet jets"
    " warplane warplanes helicopter helicopters drone drones convoy convoys base bases airfield airfields"
    " depot depots artillery battery batteries outpost outposts checkpoint checkpoints unit units"
    " vessel vessels submarine submarines frigate frigates garrison garrisons trench trenches"
    " ammunition munitions weapons weaponry armour armor equipment"
)

#: Places a nationality word can name whose they are: "shell Iraqi towns", "Albanian rebel-held
#: territory". An act done to them is done to that country's side, as to "shelled Gaza".
TERRITORY_NOUNS = _words(
    "town towns city cities village villages territory territories area areas region regions"
    " province provinces district districts settlement settlements port ports island islands"
)

#: Nouns an agent noun can sort as a modifier and still name the actor: "opposition groups", "rebel
#: leaders", "army officers" (not "military airfields", a thing).
GROUP_HEADS = _words(
    "group member leader supporter activist figure commander official officer party movement faction"
    " spokesman spokeswoman representative delegate delegation unit agency service candidate"
)
#: Those of `GROUP_HEADS` that name one person in the singular ("a police spokesman").
PERSON_HEADS = _words(
    "member leader supporter activist figure commander official officer spokesman spokeswoman"
    " representative delegate candidate"
)

#: Nouns that count a people: "thousands of Nigerians", "a group of Kenyans".
QUANTITY_NOUNS = _words("hundreds thousands millions dozens scores tens group groups crowd crowds number")

#: Head nouns of agent phrases that name a body, not one person ("Department of Foreign Affairs").
ORG_NOUNS = _words(
    "department ministry office agency council committee commission court government administration"
    " service bureau army navy force party union federation association institute company parliament"
    " congress assembly senate community group organization organisation board authority cabinet"
    " regime junta military police fleet directorate command tribunal firm"
)

#: Prepositions whose object country is a party to the act they complete, not its setting: "sent
#: arms to Pakistan", "apologized to Brazil", "autonomy from Serbia", "talks with Iran".
PARTY_PREPS = _words("to with from against toward towards for between")

#: Prepositions after which an unknown one-word name is more likely a place than an actor
#: ("in the town of Dzhankoi", tagged ORG by NER).
PLACE_PREPS = _words("in at near from to into of outside across around toward towards")

#: A misspelt person must score this on the whole name (rapidfuzz ratio, 0-100) and the surnames
#: must agree this well: "Sergei Askyonov" ~ "Sergei Aksyonov" scores 93 and 88; two different
#: people who share a given name rarely pass both.
FUZZY_NAME = 85.0
FUZZY_SURNAME = 75.0
