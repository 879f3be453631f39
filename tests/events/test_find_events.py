"""find_events on hand-written sentences with hand-built place, time and actor records.

The records stand in for the places, times and actors stages, so these tests pin the events
stage's own logic: which phrases are events, which mentions are one event, and each field.
"""

from __future__ import annotations

import datetime as dt

import pytest

from dateline import nlp
from dateline.events import find_events
from dateline.events.detect import detect_mentions
from dateline.events.records import Records
from dateline.model import Actor, Document, Place, Report, Time

PUBLISHED = dt.date(2023, 3, 21)  # a Tuesday


def at(text: str, phrase: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


class Build:
    """Hand-built records over one text, with ids in order of creation."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.places: list[Place] = []
        self.times: list[Time] = []
        self.actors: list[Actor] = []

    def place(
        self, phrase: str, feature: str = "PPL", country: str = "UA", nth: int = 0, admin1: str | None = None
    ) -> Place:
        start, end = at(self.text, phrase, nth)
        p = Place(
            f"p{len(self.places) + 1}",
            phrase,
            start,
            end,
            name=phrase,
            lat=45.0,
            lon=34.0,
            country_code=country,
            admin1=admin1,
            feature_code=feature,
            confidence=0.9,
        )
        self.places.append(p)
        return p

    def time(self, phrase: str, value: str, precision: str = "day", nth: int = 0, type: str = "DATE") -> Time:
        start, end = at(self.text, phrase, nth)
        t = Time(f"t{len(self.times) + 1}", phrase, start, end, type, value, precision)
        self.times.append(t)
        return t

    def actor(self, phrase: str, country: str | None, sector: str | None = "government", nth: int = 0) -> Actor:
        start, end = at(self.text, phrase, nth)
        a = Actor(f"a{len(self.actors) + 1}", phrase, start, end, name=phrase, country_code=country, sector=sector)
        self.actors.append(a)
        return a

    def report(self) -> Report:
        key = lambda r: r.start  # noqa: E731
        return Report(
            document=Document(id="t", text=self.text, published=PUBLISHED),
            places=tuple(sorted(self.places, key=key)),
            times=tuple(sorted(self.times, key=key)),
            actors=tuple(sorted(self.actors, key=key)),
        )

    def events(self):
        return find_events(nlp.load()(self.text), self.report())


def events_of(text: str):
    return Build(text).events()


def triggers(text: str) -> list[str]:
    return [e.trigger.text for e in events_of(text)]


# ---------------------------------------------------------------- what is an event


def test_reporting_verbs_are_not_events():
    assert triggers("The ministry said on Monday that the talks were useful, officials told reporters.") == ["talks"]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("The head of the Russian-occupied region spoke.", "occupied"),  # participle as adjective
        ("The court cited an alleged scheme to deport children.", "deport"),  # purpose infinitive
        ("Crimea hosts an important port.", "hosts"),  # "host" needs a person or group as object
        ("The deal commits the group to halt attacks on soldiers.", "attacks"),  # attacks to stop
        ("Police fired tear gas at the crowd.", "fired"),  # riot control is not an attack
        ("The two sides struck a deal on Friday.", "struck"),  # "strike a deal" is an agreement
        ("The official declined to comment on the case.", "declined"),  # no political refusal
        ("On Friday, the president called the explosion an attack.", "called"),  # not "called for"
        ("The regime ran mass torture centers.", "torture"),  # a modifier, not an event
        ("He awaits trial on charges that carry the threat of execution.", "threat"),  # "carry out" only
        ("The administration hits 13 officials with sanctions.", "hits"),  # the sanctions are the event
    ],
)
def test_not_every_lexicon_word_is_an_event(text, absent):
    assert absent not in triggers(text)


def test_refusing_to_answer_a_demand_is_a_rejection():
    found = [e.plover_type for e in events_of("The mayor refused to respond to a demand from the governor.")]
    assert "REJECT" in found


def test_receiving_a_delegation_is_hosting_a_visit_not_receiving_a_letter():
    assert [e.plover_type for e in events_of("The premier received a delegation from Chile on Tuesday.")] == ["CONSULT"]
    assert "received" not in triggers("The premier received a letter from Chile on Tuesday.")


def test_a_warrant_for_an_arrest_is_one_event():
    found = triggers("The court issued a warrant for his arrest.")
    assert found == ["warrant"]


def test_labour_strike_is_a_protest():
    (e,) = events_of("Teachers began a general strike in the capital on Monday.")
    assert (e.plover_type, e.event_type, e.sub_event_type) == ("PROTEST", "Protests", "Peaceful protest")


def test_hyphenated_trigger_split_by_the_tokenizer():
    (e,) = events_of("Reporters staged a sit-in outside the press club.")
    assert e.trigger.text == "sit-in"
    assert e.plover_type == "PROTEST"


def test_light_verb_gives_the_nominal_its_agent():
    b = Build("Ukraine has launched multiple strikes against Russian positions in Crimea.")
    ukraine = b.actor("Ukraine", "UKR")
    positions = b.actor("Russian positions", "RUS", "military")
    crimea = b.place("Crimea", "ADM1")
    (e,) = b.events()
    assert e.trigger.text == "strikes"
    assert (e.actor1_id, e.actor2_id, e.place_id) == (ukraine.id, positions.id, crimea.id)


def test_agreement_complement_gives_the_acled_type():
    (e,) = events_of("Israel and Hamas agreed to a ceasefire on Sunday.")
    assert (e.trigger.text, e.plover_type, e.event_type, e.sub_event_type) == (
        "agreed",
        "AGREE",
        "Strategic developments",
        "Agreement",
    )


def test_killing_with_a_named_agent_is_an_attack_on_civilians():
    b = Build("Gunmen killed five villagers in Zamfara state on Tuesday.")
    b.place("Zamfara", "ADM1", "NG")
    b.time("Tuesday", "2023-03-14")
    (e,) = b.events()
    assert (e.plover_type, e.event_type, e.sub_event_type) == ("ASSAULT", "Violence against civilians", "Attack")
    assert e.fatalities == 5
    assert e.date.value == "2023-03-14" and not e.date.inherited


# ---------------------------------------------------------------- one event, several mentions


STRIKE = (
    "The ministry said late Monday that a strike destroyed Russian missiles that were being moved by train "
    "in the town of Dzhankoi, in Russian-occupied Crimea. "
    "The governor confirmed there was a strike. "
    "One person was injured and two buildings were damaged, the governor said. "
    "A video shows a large explosion. "
    "The strike comes as Putin hosts Xi Jinping in Moscow."
)


@pytest.fixture(scope="module")
def strike_events():
    b = Build(STRIKE)
    ministry = b.actor("The ministry", "UKR", "military")
    russian = b.actor("Russian", "RUS", "military")
    b.actor("The governor", "RUS")
    b.actor("the governor", "RUS")
    putin = b.actor("Putin", "RUS")
    xi = b.actor("Xi Jinping", "CHN")
    dzhankoi = b.place("Dzhankoi", "PPL", admin1="Crimea")
    b.place("Crimea", "ADM1", admin1="Crimea")
    moscow = b.place("Moscow", "PPLC", "RU")
    monday = b.time("late Monday", "2023-03-20")
    return b.events(), dict(
        ministry=ministry, russian=russian, putin=putin, xi=xi, dzhankoi=dzhankoi, moscow=moscow, monday=monday
    )


def test_mentions_of_one_strike_are_one_event(strike_events):
    events, _ = strike_events
    strike = events[0]
    assert strike.id == "e1" and strike.trigger.text == "strike"
    assert [m.text for m in strike.mentions] == ["strike", "strike", "explosion", "strike"]
    assert strike.evidence.text.startswith("The ministry said late Monday") and strike.evidence.text.endswith("Crimea.")


def test_strike_fields(strike_events):
    events, r = strike_events
    strike = events[0]
    assert (strike.plover_type, strike.event_type, strike.sub_event_type) == (
        "ASSAULT",
        "Explosions/Remote violence",
        "Air/drone strike",
    )
    # the town, not the region it lies in
    assert strike.place_id == r["dzhankoi"].id
    # dated by the report that announced it, and marked so
    assert (strike.date.value, strike.date.time_id, strike.date.inherited) == ("2023-03-20", r["monday"].id, True)
    # the casualty sentence without a trigger belongs to the strike before it
    assert strike.injured == 1 and strike.fatalities is None
    assert strike.damage == "Russian missiles destroyed; two buildings damaged"
    assert strike.actor2_id == r["russian"].id
    # nobody is named as striking: the side that reports damage to the other's assets is implied
    assert strike.actor1_id == r["ministry"].id
    assert strike.status == "reported"


def test_hosting_is_a_meeting_of_its_own(strike_events):
    events, r = strike_events
    assert len(events) == 2
    meeting = events[1]
    assert (meeting.id, meeting.trigger.text, meeting.plover_type) == ("e2", "hosts", "CONSULT")
    assert (meeting.actor1_id, meeting.actor2_id, meeting.place_id) == (r["putin"].id, r["xi"].id, r["moscow"].id)
    # no date of its own: the publication date, marked inherited
    assert (meeting.date.value, meeting.date.inherited) == ("2023-03-21", True)


def test_another_strike_is_a_new_event():
    found = events_of("A drone strike hit the depot on Monday. Another strike hit the port on Tuesday.")
    assert [e.trigger.text for e in found] == ["strike", "strike"]


def test_plural_strikes_are_not_the_strike():
    found = events_of("A strike hit the depot. Ukraine has launched multiple strikes in the region.")
    assert len(found) == 2


def test_definite_anaphor_joins_its_event_across_the_report():
    b = Build(
        "Putin's visit to Crimea on Saturday marked the anniversary. The talks went on. "
        "The court spoke. Nothing else happened. Much later, the visit was discussed again."
    )
    b.actor("Putin", "RUS")
    b.place("Crimea", "ADM1")
    b.time("Saturday", "2023-03-18")
    visit = b.events()[0]
    assert [m.text for m in visit.mentions] == ["visit", "visit"]
    assert visit.date.value == "2023-03-18"


def test_annexed_and_annexation_are_one_background_event():
    b = Build("Crimea was annexed by Moscow in 2014. Putin marked the anniversary of its annexation.")
    moscow = b.actor("Moscow", "RUS")
    b.time("2014", "2014", "year")
    (e,) = b.events()
    assert [m.text for m in e.mentions] == ["annexed", "annexation"]
    assert (e.actor1_id, e.date.value, e.status) == (moscow.id, "2014", "background")


def test_accusation_and_warrant_in_one_sentence_are_one_act():
    b = Build(
        "The International Criminal Court accused the Russian president of war crimes and issued a warrant "
        "for his arrest. The ICC charges are the first of their kind."
    )
    icc = b.actor("The International Criminal Court", "IGO", "judiciary")
    president = b.actor("Russian president", "RUS")
    b.actor("ICC", "IGO", "judiciary")
    (e,) = b.events()
    assert [m.text for m in e.mentions] == ["accused", "warrant", "charges"]
    assert (e.plover_type, e.actor1_id, e.actor2_id) == ("ACCUSE", icc.id, president.id)


def test_days_after_dates_by_the_anchor_event():
    b = Build("Putin's visit to Crimea on Saturday came just days after the court accused him of war crimes.")
    b.actor("Putin", "RUS")
    b.actor("the court", "IGO", "judiciary")
    b.time("Saturday", "2023-03-18")
    visit, accusation = b.events()
    assert visit.date.value == "2023-03-18"
    # "days after" Saturday 18 March: some day of 12-17 March, so March, never a guessed day
    assert (accusation.date.value, accusation.date.precision, accusation.date.inherited) == ("2023-03", "month", True)


def test_event_inside_an_accusation_is_alleged_against_the_accused():
    b = Build("On Thursday the group accused the army of bombing one of its camps near Argelia on Wednesday.")
    b.actor("the group", "COL", "rebel")
    army = b.actor("the army", "COL", "military")
    argelia = b.place("Argelia", "ADM2", "CO")
    b.time("Thursday", "2023-03-16")
    b.time("Wednesday", "2023-03-15")
    accusation, bombing = b.events()
    assert (accusation.plover_type, bombing.trigger.text, bombing.plover_type) == ("ACCUSE", "bombing", "ASSAULT")
    assert (bombing.actor1_id, bombing.place_id, bombing.date.value) == (army.id, argelia.id, "2023-03-15")


def test_nominal_dated_and_placed_by_the_clause_it_hangs_from():
    b = Build("Police fired tear gas in Lima on Tuesday to disperse a march by farmers.")
    lima = b.place("Lima", "PPLC", "PE")
    tuesday = b.time("Tuesday", "2023-03-14")
    (march,) = b.events()
    assert (march.trigger.text, march.sub_event_type) == ("march", "Protest with intervention")
    assert (march.place_id, march.date.value, march.date.time_id, march.date.inherited) == (
        lima.id,
        "2023-03-14",
        tuesday.id,
        True,
    )


def test_alleged_attacker_from_an_accusation():
    b = Build(
        "A drone strike hit a market in Bara on Sunday. The state government accused the RSF of launching the drone."
    )
    b.actor("The state government", "SDN")
    rsf = b.actor("RSF", "SDN", "rebel")
    strike = b.events()[0]
    assert strike.actor1_id == rsf.id


# ---------------------------------------------------------------- status


@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        ("The army did not attack the village.", "attack", "negated"),
        ("There was no strike on the town.", "strike", "negated"),
        ("Rebels could launch a new offensive.", "offensive", "hypothetical"),
        ("If the army attacks the town, the rebels will retreat.", "attacks", "hypothetical"),
        ("If the army attacks the town, the rebels will retreat.", "retreat", "planned"),
        ("The president will visit Paris.", "visit", "planned"),
        ("The minister plans to visit Kyiv.", "visit", "planned"),
        ("Talks are planned for Friday.", "Talks", "planned"),
        ("The deal could be signed when the president visits Manila.", "deal", "hypothetical"),
        ("The deal could be signed when the president visits Manila.", "visits", "planned"),
        ("The army attacked the village.", "attacked", "reported"),
    ],
)
def test_status(text, trigger, status):
    by_trigger = {e.trigger.text: e.status for e in events_of(text)}
    assert by_trigger[trigger] == status


def test_long_past_event_is_background_by_its_own_date():
    b = Build("Russia's full-scale invasion in February 2022 changed everything.")
    b.actor("Russia", "RUS")
    b.time("February 2022", "2022-02", "month")
    (e,) = b.events()
    assert (e.trigger.text, e.status, e.date.value, e.date.inherited) == ("invasion", "background", "2022-02", False)


# ---------------------------------------------------------------- casualties and places


def test_casualties_with_at_least_and_elided_passive():
    b = Build(
        "Russian forces shelled the city of Kharkiv on Thursday, killing at least 12 civilians, and "
        "the governor said 12 people had been killed and 31 wounded."
    )
    kharkiv = b.place("Kharkiv", "PPLA")
    (e,) = b.events()
    assert (e.fatalities, e.injured, e.place_id) == (12, 31, kharkiv.id)
    assert e.sub_event_type == "Shelling/artillery/missile attack"


def test_place_of_an_actor_description_is_not_the_event_place():
    b = Build("The state government, which is loyal to the administration in Port Sudan, accused the RSF.")
    b.place("Port Sudan", "PPL", "SD")
    b.actor("The state government", "SDN")
    b.actor("RSF", "SDN", "rebel")
    (e,) = b.events()
    assert e.place_id is None


def test_a_country_is_the_place_only_when_nothing_finer_is_said():
    b = Build("Russian troops attacked soldiers in the village of Robotyne in Ukraine.")
    b.place("Ukraine", "PCLI")
    robotyne = b.place("Robotyne", "PPL")
    (e,) = b.events()
    assert e.place_id == robotyne.id
    assert (e.event_type, e.sub_event_type) == ("Battles", "Armed clash")


def test_dateline_city_is_not_an_actor():
    b = Build("MANILA — Kenya's foreign minister arrived in Manila on Monday for a three-day visit.")
    b.actor("MANILA", "PHL")
    minister = b.actor("Kenya's foreign minister", "KEN")
    manila = b.place("Manila", "PPLC", "PH", nth=0)
    b.time("Monday", "2023-03-20")
    (e,) = b.events()
    assert (e.trigger.text, e.actor1_id, e.place_id, e.date.value) == ("visit", minister.id, manila.id, "2023-03-20")


def test_no_events_in_a_text_without_any():
    assert events_of("The weather was mild and the markets were calm.") == []


def test_mentions_come_in_text_order_and_spans_match_the_text():
    doc = nlp.load()(STRIKE)
    mentions = detect_mentions(doc, Records())
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    for m in mentions:
        assert STRIKE[m.start : m.end] == doc[m.head].text or "-" in STRIKE[m.start : m.end]
