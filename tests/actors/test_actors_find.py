"""Finding and resolving actor mentions in hand-written sentences (needs the spaCy model)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from dateline.actors import ActorRegistry, find_actors
from dateline.model import Actor, Place

Run = Callable[..., list[Actor]]


@pytest.fixture(scope="module")
def registry() -> ActorRegistry:
    return ActorRegistry.load()


@pytest.fixture(scope="module")
def actors_in(registry: ActorRegistry) -> Callable[..., list[Actor]]:
    """Run spaCy and the actors stage over a hand-written text."""
    from dateline import nlp

    pipeline = nlp.load()

    def run(text: str, published: dt.date | None = dt.date(2023, 3, 21)) -> list[Actor]:
        return find_actors(pipeline(text), [], registry, published)

    return run


def actor_at(actors: list[Actor], text: str, needle: str) -> Actor:
    """The actor whose span covers the last word of `needle`'s first occurrence."""
    start = text.index(needle)
    head = start + needle.rstrip().rfind(" ") + 1
    end = start + len(needle)
    hits = [a for a in actors if a.start < end and head < a.end]
    assert hits, f"no actor covers {needle!r}: {[(a.text, a.country_code) for a in actors]}"
    return hits[0]


@pytest.mark.parametrize(
    ("text", "needle", "country", "sector"),
    [
        ("Ukraine's Ministry of Defense said the bridge was hit.", "Ukraine's Ministry of Defense", "UKR", "military"),
        (
            "Britain's Ministry of Defence said in a briefing that the fleet withdrew.",
            "Britain's Ministry of Defence",
            "GBR",
            "military",
        ),
        ("Ukrainian authorities did not claim responsibility.", "Ukrainian authorities", "UKR", "government"),
        ("The Kremlin rejected the claim on Tuesday.", "Kremlin", "RUS", "government"),
        ("Washington accused Beijing of spying.", "Washington", "USA", "government"),
        ("Russia accused Kyiv of shelling the plant.", "Russia", "RUS", "government"),
        ("The US has previously accused Russia of war crimes.", "US", "USA", "government"),
        ("Chinese leader Xi Jinping arrived in Moscow.", "Xi Jinping", "CHN", "government"),
        ("The International Criminal Court issued a warrant.", "International Criminal Court", "IGO", "judiciary"),
        ("Police in Lagos arrested four protesters on Friday.", "Police", None, "police"),
        ("Kenyan police fired tear gas at the protesters.", "Kenyan police", "KEN", "police"),
        ("The rebels seized the town overnight.", "rebels", None, "rebel"),
        ("French President Emmanuel Macron called for calm.", "Emmanuel Macron", "FRA", "government"),
        ("The Black Sea Fleet moved its ships.", "Black Sea Fleet", "RUS", "military"),
        ("Reuters could not verify the footage.", "Reuters", "GBR", "media"),
    ],
)
def test_resolves_country_and_sector(actors_in: Run, text: str, needle: str, country: str | None, sector: str) -> None:
    actor = actor_at(actors_in(text), text, needle)
    assert (actor.country_code, actor.sector) == (country, sector)


def test_adjective_of_a_role_gives_the_country(actors_in: Run) -> None:
    text = "Ivan Petrenko, the Russian-installed head of the region, said two people were hurt."
    actors = actors_in(text)
    head = actor_at(actors, text, "the Russian-installed head")
    assert (head.country_code, head.sector, head.kind) == ("RUS", "government", "person")
    assert head.name == "Ivan Petrenko"  # the apposition names the role
    person = actor_at(actors, text, "Ivan Petrenko")
    assert (person.country_code, person.sector) == ("RUS", "government")


def test_places_are_not_actors_but_acting_countries_are(actors_in: Run) -> None:
    text = "Ukraine has launched strikes in Crimea. China and Russia have similar goals."
    actors = actors_in(text)
    assert [a.text for a in actors if a.country_code] == ["Ukraine"]


def test_misspelt_known_person_resolves_and_is_marked_a_variant(actors_in: Run) -> None:
    text = "Sergei Askyonov confirmed the strike. One person was injured, Askyonov said."
    actors = actors_in(text)
    people = [a for a in actors if a.kind == "person" and a.name == "Sergey Aksyonov"]
    assert [a.text for a in people] == ["Sergei Askyonov", "Askyonov"]
    assert all(a.variant_of == "Sergey Aksyonov" and a.country_code == "RUS" for a in people)


def test_correct_spelling_is_no_variant(actors_in: Run) -> None:
    actors = actors_in("Sergei Aksyonov confirmed the strike.")
    assert actors[0].name == "Sergey Aksyonov" and actors[0].variant_of is None


def test_later_surname_mentions_share_the_canonical_actor(actors_in: Run) -> None:
    text = "Putin hosted Chinese leader Xi Jinping. Xi told Putin that ties were strong."
    actors = actors_in(text)
    assert [(a.text, a.name) for a in actors if a.kind == "person"] == [
        ("Putin", "Vladimir Putin"),
        ("Xi Jinping", "Xi Jinping"),
        ("Xi", "Xi Jinping"),
        ("Putin", "Vladimir Putin"),
    ]


def test_roles_follow_the_publication_date(actors_in: Run) -> None:
    text = "Zelensky spoke to reporters."
    assert actors_in(text, dt.date(2023, 3, 21))[0].sector == "government"
    assert actors_in(text, dt.date(2016, 3, 21))[0].sector == "business"


def test_modifiers_of_things_are_not_actors(actors_in: Run) -> None:
    text = "Two of Russia's military airfields are located there, near the Russian border."
    assert actors_in(text) == []


def test_a_nationality_on_armed_assets_names_that_military(actors_in: Run) -> None:
    # "struck Russian positions": the target is Russia's armed forces, named by the adjective alone
    text = "A strike destroyed Russian cruise missiles, and shells hit Russian positions."
    found = [(a.text, a.country_code, a.sector) for a in actors_in(text)]
    assert found == [("Russian", "RUS", "military"), ("Russian", "RUS", "military")]


def test_ids_are_in_text_order_and_spans_match_the_text(actors_in: Run) -> None:
    text = "The Kremlin said Ukrainian officials and CNN were wrong, Peskov told reporters."
    actors = actors_in(text)
    assert [a.id for a in actors] == [f"a{i}" for i in range(1, len(actors) + 1)]
    assert [a.start for a in actors] == sorted(a.start for a in actors)
    for a in actors:
        assert text[a.start : a.end] == a.text


def test_a_name_the_places_stage_resolved_is_no_actor(registry: ActorRegistry) -> None:
    from dateline import nlp

    text = "A strike destroyed missiles in the town of Dzhankoi, officials said."
    start = text.index("Dzhankoi")
    place = Place(id="p1", text="Dzhankoi", start=start, end=start + 8, name="Dzhankoy", country_code="UA")
    actors = find_actors(nlp.load()(text), [place], registry, dt.date(2023, 3, 21))
    assert not [a for a in actors if a.start < place.end and place.start < a.end]
    assert [a.text for a in actors] == ["officials"]


@pytest.mark.parametrize(
    ("text", "needle", "country", "sector"),
    [
        # a surname only one listed person bears
        ("President Mugabe refused to step down.", "Mugabe", "ZWE", "government"),
        # "in <country>" places a group
        ("Security forces in Guinea detained dozens of people.", "Security forces", "GIN", "police"),
        # a country NER does not tag, acting as subject
        ("Uzbekistan finally opened the Friendship Bridge.", "Uzbekistan", "UZB", "government"),
        # the agent of a nominal act
        ("Poland's parliament demanded an admission by Moscow.", "Moscow", "RUS", "government"),
        ("Poland's parliament demanded an admission by Moscow.", "Poland's parliament", "POL", "legislature"),
    ],
)
def test_more_ways_to_a_country(actors_in: Run, text: str, needle: str, country: str, sector: str) -> None:
    actor = actor_at(actors_in(text, dt.date(2005, 1, 1)), text, needle)
    assert (actor.country_code, actor.sector) == (country, sector)


def test_names_do_not_run_across_punctuation(actors_in: Run) -> None:
    text = "The raid was carried out by the Israeli military, officials said."
    actors = actors_in(text)
    assert "military, officials" not in [a.text for a in actors]
    assert actor_at(actors, text, "Israeli military").country_code == "ISR"


def test_a_dateline_is_no_actor_but_gives_unqualified_agents_their_country(actors_in: Run) -> None:
    text = "LIMA (AP) — Police fired tear gas at farmers. The government said Kenya's minister would visit."
    actors = actors_in(text)
    assert not [a for a in actors if a.text == "LIMA"]
    assert actor_at(actors, text, "Police").country_code == "PER"
    assert actor_at(actors, text, "The government").country_code == "PER"
    assert actor_at(actors, text, "Kenya's minister").country_code == "KEN"


def test_without_dateline_the_one_country_of_the_places_is_home(registry: ActorRegistry) -> None:
    from dateline import nlp

    text = "Police in Bara said the army shelled El Obeid."
    places = [
        Place(id="p1", text="Bara", start=text.index("Bara"), end=text.index("Bara") + 4, country_code="SD"),
        Place(id="p2", text="El Obeid", start=text.index("El"), end=text.index("El") + 8, country_code="SD"),
    ]
    actors = find_actors(nlp.load()(text), places, registry, dt.date(2025, 3, 11))
    assert {a.text: a.country_code for a in actors} == {"Police": "SDN", "army": "SDN"}


def test_no_home_country_leaves_unqualified_agents_unknown(actors_in: Run) -> None:
    text = "Police said the army shelled the town."
    assert {a.country_code for a in actors_in(text)} == {None}


def test_the_same_role_again_keeps_its_country(actors_in: Run) -> None:
    text = "Kenya's foreign minister met reporters. The minister said trade would grow."
    actors = actors_in(text)
    assert actor_at(actors, text, "The minister").country_code == "KEN"


def test_a_country_modifying_an_act_is_its_doer_only_for_acts_of_doing(actors_in: Run) -> None:
    text = "US mediation failed. The Crimea annexation was condemned."
    actors = actors_in(text)
    assert actor_at(actors, text, "US").country_code == "USA"
    assert not [a for a in actors if a.text == "Crimea"]
