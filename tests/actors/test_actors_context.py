"""Countries an actor mention takes from its context, the way event coders read them (needs spaCy).

An unqualified domestic actor in a sentence naming one country is of that country; a named body
modifying an agent noun is its owner ("NATO troops"); a country's own name beats a same-named
town; a minority is coded by the country it lives in; "X is ready to ..." makes X act.
"""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.actors import ActorRegistry, find_actors
from dateline.model import Actor, Place

DAY = dt.date(2000, 1, 1)


@pytest.fixture(scope="module")
def registry() -> ActorRegistry:
    return ActorRegistry.load()


def run(registry: ActorRegistry, text: str, places: dict[str, tuple[str, str]] | None = None) -> list[Actor]:
    """Actors of `text`; `places` maps a phrase to (alpha-2 country, GeoNames feature code)."""
    from dateline import nlp

    found = []
    for n, (phrase, (country, feature)) in enumerate((places or {}).items(), 1):
        start = text.index(phrase)
        found.append(
            Place(
                f"p{n}",
                phrase,
                start,
                start + len(phrase),
                name=phrase,
                lat=0.0,
                lon=0.0,
                country_code=country,
                feature_code=feature,
                confidence=0.9,
            )
        )
    return find_actors(nlp.load()(text), found, registry, DAY)


def country_of(actors: list[Actor], phrase: str) -> str | None:
    hits = [a for a in actors if phrase in a.text or a.text in phrase]
    assert hits, [(a.text, a.country_code) for a in actors]
    return hits[0].country_code


def test_unqualified_actor_takes_the_one_country_of_its_sentence(registry):
    text = "Leaders of the opposition coalition agreed to postpone the demonstration in Baku."
    actors = run(registry, text, {"Baku": ("AZ", "PPLC")})
    assert country_of(actors, "opposition coalition") == "AZE"


def test_no_country_from_a_sentence_naming_two(registry):
    text = "Officials met in Baku and in Tbilisi on Monday."
    actors = run(registry, text, {"Baku": ("AZ", "PPLC"), "Tbilisi": ("GE", "PPLC")})
    assert country_of(actors, "Officials") is None


def test_an_international_body_is_not_a_sentence_country(registry):
    text = "The army will suspend operations, and a United Nations mission will monitor the truce."
    actors = run(registry, text)
    assert country_of(actors, "army") != "IGO"


def test_a_named_body_modifying_an_agent_noun_owns_it(registry):
    actors = run(registry, "European Community foreign ministers agreed on Saturday to provide aid.")
    assert country_of(actors, "foreign ministers") == "IGO"


def test_a_country_name_beats_a_same_named_town(registry):
    text = "Montenegro's prime minister will resign."
    actors = run(registry, text, {"Montenegro": ("BR", "PPL")})  # a town of that name in Brazil
    assert country_of(actors, "prime minister") == "MNE"


def test_an_ethnic_minority_is_coded_by_the_country_it_lives_in(registry):
    text = "Up to 100 ethnic Albanians demonstrated on Tuesday in Serbia."
    actors = run(registry, text, {"Serbia": ("RS", "PCLI")})
    assert country_of(actors, "Albanians") == "SRB"


def test_a_country_ready_to_act_is_acting(registry):
    actors = run(registry, "France is ready to contribute up to 4,000 troops to the force.")
    assert country_of(actors, "France") == "FRA"


def test_serb_is_a_demonym_of_serbia(registry):
    assert registry.country_of("serbs", DAY) == "SRB"


def test_a_nationality_adjective_names_who_proposes_or_riots(registry):
    actors = run(registry, "Bangladesh rejected an Indian proposal for a trade agreement.")
    assert country_of(actors, "Indian") == "IND"


def test_a_nationality_adjective_on_a_thing_is_no_actor(registry):
    actors = run(registry, "Bangladesh rejected Indian goods at the border.")
    assert not [a for a in actors if a.text == "Indian"]


def test_countries_an_act_is_for_or_between_are_parties(registry):
    text = "The emir launched a mediation effort between the Emirates and Saudi Arabia."
    actors = run(registry, text)
    assert {a.country_code for a in actors} >= {"ARE", "SAU"}


@pytest.mark.parametrize(
    ("text", "places", "phrase", "country"),
    [
        # a people placed in another country is that country's minority
        ("The Albanians of southern Serbia are demanding autonomy.", {"Serbia": ("RS", "PCLI")}, "Albanians", "SRB"),
        # a nationality word inside a people's name
        ("Bosnian Serbs shelled the town.", {}, "Bosnian Serbs", "BIH"),
        # an unqualified civilian takes the country of where the act involving them happened
        (
            "A prominent anti-Syria journalist has been killed in a car bomb explosion in eastern Beirut.",
            {"Syria": ("SY", "PCLI"), "Beirut": ("LB", "PPLC")},
            "journalist",
            "LBN",
        ),
        ("A newspaper based in east Beirut has violated a ban.", {"Beirut": ("LB", "PPLC")}, "newspaper", "LBN"),
        # an agent noun sorting a group: the group is the actor
        (
            "Opposition groups in Zimbabwe are demanding reforms.",
            {"Zimbabwe": ("ZW", "PCLI")},
            "Opposition groups",
            "ZWE",
        ),
        # a dictionary group coded by region only takes the nationality in its name
        (
            "The radical Palestinian Islamic Jihad movement rejected an invitation.",
            {},
            "Palestinian Islamic Jihad",
            "PSE",
        ),
        # the text's own qualifier beats a surname another listed person bears
        ("King Hassan of Morocco said he would host a meeting.", {"Morocco": ("MA", "PCLI")}, "Hassan", "MAR"),
        # an apposition naming the UN gives a known person's role
        (
            "Kenzo Oshima, the United Nations Emergency Relief Coordinator, demanded access.",
            {},
            "Kenzo Oshima",
            "IGO",
        ),
    ],
)
def test_country_from_context(registry, text, places, phrase, country):
    assert country_of(run(registry, text, places), phrase) == country


def test_anti_country_qualifies_no_one(registry):
    actors = run(registry, "An anti-Syria journalist spoke.", {"Syria": ("SY", "PCLI")})
    assert country_of(actors, "journalist") != "SYR"


def test_a_thing_an_agent_noun_sorts_acts_for_it(registry):
    actors = run(registry, "Israeli army bulldozers demolished homes.", {"Israeli": ("IL", "PCLI")})
    assert country_of(actors, "army") == "ISR"


def test_country_basis_tells_stated_from_inferred(registry):
    text = "Police said Peruvian officials met the minister."
    actors = {a.text: a for a in run(registry, text, {"Peruvian": ("PE", "PCLI")})}
    assert actors["Peruvian officials"].country_basis == "stated"
    police = actors["Police"]
    assert (police.country_code, police.country_basis) in {("PER", "context"), (None, None)}


def test_a_nationality_adjective_on_a_territory_acted_on_is_its_side(registry):
    actors = run(registry, "Syria threatened to shell Turkish villages near the border.")
    assert country_of(actors, "Turkish") == "TUR"


def test_a_nationality_adjective_on_what_an_act_is_against_is_its_side(registry):
    actors = run(registry, "Spain imposed new duties against Moroccan goods.")
    assert country_of(actors, "Moroccan") == "MAR"


def test_a_nationality_adjective_on_plural_changes_names_who_proposes(registry):
    actors = run(registry, "Syria rejected proposed Turkish changes to the water treaty.")
    assert country_of(actors, "Turkish") == "TUR"


def test_a_body_named_by_its_place_is_an_organization_of_that_country(registry):
    text = "Village leaders asked for support from the Montenegro Assembly on Monday."
    actors = run(registry, text, {"Montenegro": ("ME", "PCLI")})
    assert [(a.text, a.country_code) for a in actors if "Assembly" in a.text] == [("Montenegro Assembly", "MNE")]


def test_a_national_of_a_country_is_its_civilian(registry):
    actors = run(registry, "A Kenyan national was detained at the airport.")
    assert country_of(actors, "Kenyan national") == "KEN"


def test_a_place_the_dictionaries_give_a_country_the_sentence_names_is_that_country(registry):
    # the gazetteer ranked Monrovia, California first; "Liberian" says which Monrovia is meant
    text = "Liberian police dispersed angry demonstrators in Monrovia."
    actors = run(registry, text, {"Monrovia": ("US", "PPL")})
    assert country_of(actors, "demonstrators") == "LBR"


def test_a_place_keeps_the_gazetteer_country_when_the_sentence_names_no_other(registry):
    text = "Syrian officers met rival militias in Tripoli on Monday."
    actors = run(registry, text, {"Tripoli": ("LB", "PPL")})
    assert country_of(actors, "militias") == "LBN"


def test_a_people_whose_lot_an_act_is_about_is_an_actor(registry):
    actors = run(registry, "The commission examined the treatment of 300 Eritreans held in the camp.")
    hits = [a for a in actors if a.text.endswith("Eritreans")]
    assert [(a.country_code, a.sector) for a in hits] == [("ERI", "civilian")]


def test_a_phrase_names_the_country_its_head_names_before_a_region_word(registry):
    text = "Rebels in Western Cambodia attacked a convoy on Monday."
    actors = run(registry, text, {"Western": ("UG", "ADM1"), "Cambodia": ("KH", "PCLI")})
    assert country_of(actors, "Rebels") == "KHM"


def test_a_nationality_word_opening_a_coordination_qualifies_its_later_members(registry):
    actors = run(registry, "Washington halted a program bringing Bosnian Croat and Moslem armed forces together.")
    assert country_of(actors, "armed forces") == "BIH"


def test_a_phrase_names_the_country_of_its_first_nationality_word_before_its_head(registry):
    text = "Police in the Russian-occupied Crimea detained two men on Monday."
    actors = run(registry, text, {"Crimea": ("UA", "ADM1")})
    assert country_of(actors, "Police") == "RUS"
