"""Disambiguation on hand-built mentions: no spaCy model needed, only a blank tokenizer."""

from __future__ import annotations

import math

import spacy

from dateline.places.gazetteer import ADMIN1, CITY, COUNTRY, Entry
from dateline.places.mentions import Mention, own_names
from dateline.places.resolve import prior, resolve


def entry(
    pid: int,
    name: str,
    cc: str,
    a1: str | None,
    kind: str = CITY,
    pop: int = 0,
    lat: float = 0.0,
    lon: float = 0.0,
    fcode: str = "PPL",
) -> Entry:
    return Entry(pid, pid, name, lat, lon, cc, a1, None, fcode, kind, pop)


GVARD_KALININGRAD = entry(1, "Gvardeyskoye", "RU", "23", pop=564, lat=54.5, lon=20.6)
GVARD_CRIMEA = entry(2, "Hvardiyske", "UA", "11", pop=12589, lat=45.1, lon=34.0)
GVARD_CHECHNYA = entry(3, "Elin-Yurt", "RU", "12", pop=7200, lat=43.7, lon=45.0)
CRIMEA = entry(4, "Krym", "UA", "11", kind=ADMIN1, pop=1_900_000, lat=45.2, lon=34.2, fcode="ADM1")
RUSSIA = entry(5, "Russia", "RU", None, kind=COUNTRY, pop=140_000_000, lat=60, lon=100, fcode="PCLI")


def mention(doc, start: int, end: int, candidates, support: float = 2.0) -> Mention:
    span = doc.char_span(start, end)
    return Mention(
        start=start,
        end=end,
        text=span.text,
        candidates=tuple(candidates),
        support=support,
        head_index=span.start,
        end_index=span.end,
    )


def test_the_documents_admin1_outweighs_population_and_country() -> None:
    text = "Russia keeps airfields in Crimea at Gvardeyskoye."
    doc = spacy.blank("en")(text)
    g = text.index("Gvardeyskoye")
    mentions = [
        mention(doc, 0, 6, [(RUSSIA, True)]),
        mention(doc, text.index("Crimea"), text.index("Crimea") + 6, [(CRIMEA, True)]),
        mention(doc, g, g + 12, [(GVARD_KALININGRAD, True), (GVARD_CRIMEA, False), (GVARD_CHECHNYA, False)]),
    ]
    chosen = [r.entry for r in resolve(doc, mentions, gazetteer=None)]  # type: ignore[arg-type]
    assert chosen == [RUSSIA, CRIMEA, GVARD_CRIMEA]


def test_without_context_the_larger_place_wins() -> None:
    doc = spacy.blank("en")("Gvardeyskoye")
    (r,) = resolve(doc, [mention(doc, 0, 12, [(GVARD_KALININGRAD, True), (GVARD_CHECHNYA, True)])], None)  # type: ignore[arg-type]
    assert r.entry == GVARD_CHECHNYA and 0 < r.confidence <= 1


def test_own_name_beats_an_alias_of_a_place_of_similar_size() -> None:
    doc = spacy.blank("en")("Gvardeyskoye")
    own = entry(6, "Gvardeyskoye", "RU", "23", pop=5000)
    (r,) = resolve(doc, [mention(doc, 0, 12, [(own, True), (GVARD_CHECHNYA, False)])], None)  # type: ignore[arg-type]
    assert r.entry == own


def test_x_comma_y_picks_the_one_inside_y() -> None:
    text = "Springfield, Illinois"
    doc = spacy.blank("en")(text)
    mo = entry(10, "Springfield", "US", "MO", pop=160_000)
    il = entry(11, "Springfield", "US", "IL", pop=115_000)
    illinois = entry(12, "Illinois", "US", "IL", kind=ADMIN1, pop=12_000_000, fcode="ADM1")
    rs = resolve(doc, [mention(doc, 0, 11, [(mo, True), (il, True)]), mention(doc, 13, 21, [(illinois, True)])], None)  # type: ignore[arg-type]
    assert rs[0].entry == il


def test_ap_state_abbreviation_after_a_comma() -> None:
    doc = spacy.blank("en")("Springfield, Mass.")
    ma = entry(13, "Springfield", "US", "MA", pop=150_000)
    mo = entry(10, "Springfield", "US", "MO", pop=160_000)
    (r,) = resolve(doc, [mention(doc, 0, 11, [(mo, True), (ma, True)])], None)  # type: ignore[arg-type]
    assert r.entry == ma


def test_a_mention_the_gazetteer_lacks_stays_unresolved_with_a_reason() -> None:
    doc = spacy.blank("en")("Zzyzxqville")
    (r,) = resolve(doc, [mention(doc, 0, 11, [])], None)  # type: ignore[arg-type]
    assert r.entry is None and r.reason and "Zzyzxqville" in r.reason


def test_prior_prefers_countries_capitals_and_own_names() -> None:
    assert prior(RUSSIA, True) > prior(entry(20, "Russia", "US", "OH", pop=656), True)
    capital = entry(21, "Moscow", "RU", "48", pop=10_000_000, fcode="PPLC")
    oblast = entry(22, "Moskva", "RU", "48", kind=ADMIN1, pop=18_000_000, fcode="ADM1")
    assert prior(capital, True) > prior(oblast, False)


def test_the_shipped_ranker_matches_the_features() -> None:
    from dateline.places.resolve import FEATURES, Ranker

    ranker = Ranker.load()
    assert ranker.stages and all(len(s.weights) == len(FEATURES) for s in ranker.stages)
    assert ranker.meta["features"] == list(FEATURES)


def _feature(doc, mentions, n: int, name: str) -> list[float]:
    from dateline.places.resolve import FEATURES, features

    return list(features(doc, mentions)[n][:, FEATURES.index(name)])


def test_a_town_named_bare_beside_a_qualified_one_is_marked() -> None:
    """ "Springfield, Illinois and Paris": Illinois qualifies Springfield, not Paris."""
    text = "Springfield, Illinois and Paris"
    doc = spacy.blank("en")(text)
    spring_il = entry(11, "Springfield", "US", "IL", pop=115_000)
    illinois = entry(12, "Illinois", "US", "IL", kind=ADMIN1, pop=12_000_000, fcode="ADM1")
    paris_il = entry(30, "Paris", "US", "IL", pop=8_800)
    paris_fr = entry(31, "Paris", "FR", "11", pop=2_100_000, fcode="PPLC")
    p = text.index("Paris")
    mentions = [
        mention(doc, 0, 11, [(spring_il, True)]),
        mention(doc, 13, 21, [(illinois, True)]),
        mention(doc, p, p + 5, [(paris_il, True), (paris_fr, True)]),
    ]
    assert _feature(doc, mentions, 2, "qualified_elsewhere") == [1.0, 0.0]
    assert _feature(doc, mentions, 0, "qualified_elsewhere") == [0.0]  # qualified itself
    # Illinois is Springfield's address: no evidence that the report is about Illinois
    assert _feature(doc, mentions, 2, "same_admin1") == [0.0, 0.0]
    assert _feature(doc, mentions, 2, "soft_admin1") == [0.0, 0.0]


def test_a_capital_among_places_abroad_is_marked() -> None:
    text = "Damascus and Tehran: Washington"
    doc = spacy.blank("en")(text)
    damascus = entry(40, "Damascus", "SY", "13", pop=1_500_000, lat=33.5, lon=36.3, fcode="PPLC")
    tehran = entry(41, "Tehran", "IR", "26", pop=7_000_000, lat=35.7, lon=51.4, fcode="PPLC")
    dc = entry(42, "Washington", "US", "DC", pop=690_000, lat=38.9, lon=-77.0, fcode="PPLC")
    state = entry(43, "Washington", "US", "WA", kind=ADMIN1, pop=6_500_000, lat=47.5, lon=-120.5, fcode="ADM1")
    w = text.index("Washington")
    mentions = [
        mention(doc, 0, 8, [(damascus, True)]),
        mention(doc, 13, 19, [(tehran, True)]),
        mention(doc, w, w + 10, [(dc, True), (state, True)]),
    ]
    assert _feature(doc, mentions, 2, "capital_abroad") == [1.0, 0.0]


def test_no_single_tree_outvotes_the_others() -> None:
    """A leaf fitted to a handful of candidates once added 28 to a score ("Egypt" went to Goodyear,
    Arizona, in a cross-validation fold); `train.TREE_MIN_LEAF` keeps every tree's say small."""
    from dateline.places.resolve import Ranker

    trees = Ranker.load().trees
    assert trees is not None
    assert max(abs(t[4]).max() for t in trees.trees) * trees.rate < 2.0


def test_every_reading_of_the_other_names_votes_by_its_share() -> None:
    """Brownstown, Southport and Winchester each have a reading in Indiana, though none is its
    name's likeliest: the Indiana readings of the other two count for Winchester's."""
    text = "Brownstown beat Southport and Winchester"
    doc = spacy.blank("en")(text)
    brown_pa = entry(50, "Brownstown", "US", "PA", pop=3000, lat=40.1, lon=-76.9)
    brown_in = entry(51, "Brownstown", "US", "IN", pop=2900, lat=38.9, lon=-86.0)
    south_gb = entry(52, "Southport", "GB", "ENG", pop=90_000, lat=53.6, lon=-3.0)
    south_in = entry(53, "Southport", "US", "IN", pop=1700, lat=39.7, lon=-86.1)
    win_gb = entry(54, "Winchester", "GB", "ENG", pop=46_000, lat=51.1, lon=-1.3)
    win_in = entry(55, "Winchester", "US", "IN", pop=4900, lat=40.2, lon=-85.0)
    win_va = entry(56, "Winchester", "US", "VA", pop=27_000, lat=39.2, lon=-78.2)
    at = text.index
    mentions = [
        mention(doc, 0, 10, [(brown_pa, True), (brown_in, True)]),
        mention(doc, at("Southport"), at("Southport") + 9, [(south_gb, True), (south_in, True)]),
        mention(doc, at("Winchester"), at("Winchester") + 10, [(win_gb, True), (win_in, True), (win_va, True)]),
    ]
    soft = _feature(doc, mentions, 2, "soft_admin1")
    assert soft[1] > soft[0] and soft[1] > soft[2] and soft[2] == 0.0  # Indiana, then England; none in Virginia
    assert 0 < soft[1] < math.log1p(2)  # shares, not whole votes


def test_a_dateline_names_a_city_and_government_words_a_capital() -> None:
    text = "Bill passes. WASHINGTON — Lawmakers in Congress voted on Friday."
    doc = spacy.blank("en")(text)
    dc = entry(42, "Washington", "US", "DC", pop=690_000, lat=38.9, lon=-77.0, fcode="PPLC")
    state = entry(43, "Washington", "US", "WA", kind=ADMIN1, pop=6_500_000, lat=47.5, lon=-120.5, fcode="ADM1")
    w = text.index("WASHINGTON")
    mentions = [mention(doc, w, w + 10, [(dc, True), (state, True)])]
    assert _feature(doc, mentions, 0, "dateline_city") == [1.0, 0.0]
    assert _feature(doc, mentions, 0, "capital_government") == [1.0, 0.0]
    text = "Rain fell on Washington apples and pears."
    doc = spacy.blank("en")(text)
    w = text.index("Washington")
    mentions = [mention(doc, w, w + 10, [(dc, True), (state, True)])]
    assert _feature(doc, mentions, 0, "dateline_city") == [0.0, 0.0]
    assert _feature(doc, mentions, 0, "capital_government") == [0.0, 0.0]


def test_a_region_around_a_city_of_its_name_is_marked() -> None:
    doc = spacy.blank("en")("Kyiv")
    city = entry(60, "Kyiv", "UA", "12", pop=2_900_000, lat=50.45, lon=30.52, fcode="PPLC")
    region = entry(61, "Kyiv", "UA", "12", kind=ADMIN1, pop=7_400_000, lat=50.43, lon=30.54, fcode="ADM1")
    oblast = entry(62, "Kyiv Oblast", "UA", "13", kind=ADMIN1, pop=1_400_000, lat=50.0, lon=32.5, fcode="ADM1")
    mentions = [mention(doc, 0, 4, [(city, True), (region, True), (oblast, False)])]
    assert _feature(doc, mentions, 0, "namesake_city") == [0.0, 1.0, 0.0]
    (r,) = resolve(doc, mentions, None)  # type: ignore[arg-type]
    assert r.entry == city


def test_an_abbreviated_spelling_is_the_places_own_name() -> None:
    fl = entry(70, "St. Petersburg", "US", "FL", pop=257_000)
    ru = entry(71, "Saint Petersburg", "RU", "66", pop=5_350_000)
    assert own_names("St. Petersburg", ((fl, True), (ru, False))) == ((fl, True), (ru, True))
    assert own_names("Petersburg", ((ru, False),)) == ((ru, False),)
