"""The shipped registry: loads without ../shared and answers the lookups the finder relies on."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.actors import ActorRegistry
from dateline.actors.names import normalize

DAY = dt.date(2023, 3, 21)


@pytest.fixture(scope="module")
def registry() -> ActorRegistry:
    return ActorRegistry.load()


def test_normalize() -> None:
    assert normalize("Ukraine’s U.S.-backed  Forces") == "ukraine's us backed forces"
    assert normalize("Zelenskyy") == "zelenskyy"
    assert normalize("António Guterres") == "antonio guterres"


def test_dictionary_roles_are_read_on_the_publication_date(registry: ActorRegistry) -> None:
    putin = registry.actors["vladimir putin"]
    assert putin.resolve(DAY, registry.iso3) == ("RUS", "government")
    assert putin.resolve(dt.date(1995, 1, 1), registry.iso3) == ("RUS", "elite")


def test_supplement_covers_actors_after_the_dictionaries(registry: ActorRegistry) -> None:
    zelensky = registry.actors["zelensky"]
    assert zelensky.name == "Volodymyr Zelensky"
    assert zelensky.resolve(DAY, registry.iso3) == ("UKR", "government")
    assert zelensky.resolve(dt.date(2015, 1, 1), registry.iso3) == ("UKR", "business")
    assert registry.actors["sergei aksyonov"].resolve(DAY, registry.iso3) == ("RUS", "government")
    assert registry.actors["kremlin"].name == "Government of Russia"
    assert registry.actors["icc"].resolve(DAY, registry.iso3) == ("IGO", "judiciary")
    assert registry.actors["cnn"].resolve(DAY, registry.iso3) == ("USA", "media")


def test_country_names_demonyms_and_capitals(registry: ActorRegistry) -> None:
    assert registry.country_of("britain") == "GBR"
    assert registry.country_of("ukrainian", DAY) == "UKR"
    assert registry.country_of("the us") == "USA"
    assert registry.country_of("washington") == "USA"
    assert registry.country_of("moscow") == "RUS"
    assert registry.country_of("sochi") is None  # a city, not a name of Russia
    assert registry.country_name("GBR") == "United Kingdom"


def test_agent_nouns(registry: ActorRegistry) -> None:
    assert registry.agents["authorities"].resolve(DAY, registry.iso3) == (None, "government")
    assert registry.agents["ministry of defense"].resolve(DAY, registry.iso3) == (None, "military")
    assert registry.agents["police"].resolve(DAY, registry.iso3) == (None, "police")
    assert registry.agents["rebels"].resolve(DAY, registry.iso3) == (None, "rebel")
    assert registry.agents["head"].weak
