"""The PolNeAR scorer: its brat reader on a hand-written file, and a quality gate on the dev split."""

from __future__ import annotations

from shared_paths import SHARED, need_shared

from dateline.claims import Attribution
from dateline.evaluate.polnear import GoldAttribution, _Counts, _score_doc, evaluate_polnear, read_ann, univocal

POLNEAR = SHARED / "data" / "polnear"

#: Overlap F1 on the first 20 dev articles, pinned a little below what was measured: source 80.7,
#: cue 83.5, content 79.0 on 2026-11-25 (quotations resumed after the cue, headline and attitude
#: cues, fronted clauses and addressees no longer taken for content). Before: 80.3 / 82.6 / 78.4
#: (floors 80.0 / 82.0 / 78.0), scored as now: a source or content matches only within its own
#: attribution (the one whose cue its cue overlaps, as citron does). Raise a floor when the score
#: rises; never lower it silently.
FLOORS = {"source": 80.5, "cue": 83.0, "content": 78.5}

ANN = (
    "T1\tSource 0 7\tThe Post\n"
    "T2\tCue 8 14\treports\n"
    "T3\tContent 15 40;50 60\tthat a long quote\n"
    "runs over a line\n"
    "T4\tAttribution 8 14\treports\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tCue 70 74\tsaid\n"
    "T6\tContent 75 90\tsomething\n"
    "T7\tAttribution-no-source 70 74\tsaid\n"
    "E2\tAttribution-no-source:T7 Cue:T5 Content:T6\n"
)


def test_read_ann_keeps_discontinuous_pieces_and_sourceless_relations():
    first, second = read_ann(ANN)
    assert first.source == ((0, 7),)
    assert first.cue == ((8, 14),)
    assert first.content == ((15, 40), (50, 60))
    assert second.source == ()
    assert second.content == ((75, 90),)


def test_univocal_drops_attributions_nested_in_another_content():
    outer = Attribution(source=(0, 5), cue=(6, 10), content=(11, 60), stance="asserts", cue_class="say")
    inner = Attribution(source=(20, 22), cue=(23, 28), content=(29, 60), stance="believes", cue_class="believe")
    assert univocal([outer, inner]) == [outer]


def test_univocal_drops_attributions_nested_in_a_resumed_quotation():
    outer = Attribution(
        source=(10, 15), cue=(16, 20), content=(1, 8), stance="asserts", cue_class="say", continuation=(23, 60)
    )
    inner = Attribution(source=(30, 32), cue=(33, 38), content=(39, 50), stance="believes", cue_class="believe")
    assert univocal([outer, inner]) == [outer]


def test_source_and_content_match_only_within_their_own_attribution():
    # A source read off a wrong cue scores nothing, even where it overlaps another attribution's
    # source: citron's convention, and what "overlap" promises (the same attribution's span).
    text = "Ann said it rained. Bob noted that it snowed, and that it was cold." + " " * 20
    gold = [GoldAttribution(source=((20, 23),), cue=((24, 29),), content=((30, 44),))]
    right = Attribution(source=(20, 23), cue=(24, 29), content=(30, 44), stance="asserts", cue_class="say")
    wrong = Attribution(source=(20, 23), cue=(50, 53), content=(30, 44), stance="asserts", cue_class="other")
    for predicted, hits in (([right], 1), ([wrong], 0)):
        counts = {r: _Counts() for r in ("source", "cue", "content")}
        _score_doc(text, predicted, gold, counts)
        for role in ("source", "cue", "content"):
            assert counts[role].hits["p_overlap"] == hits == counts[role].hits["r_overlap"], (role, predicted)


def test_attribution_scores_stay_above_their_floors():
    need_shared(POLNEAR / "dev")
    result = evaluate_polnear(POLNEAR, limit=20)
    for role, floor in FLOORS.items():
        assert result[role]["overlap"]["f1"] >= floor, (role, result[role])


def test_evaluate_attribution_command_prints_every_role(capsys):
    need_shared(POLNEAR / "dev")
    from dateline.cli import main

    assert main(["evaluate", "attribution", "--corpus", "polnear", str(POLNEAR), "--limit", "2"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("polnear (dev, 2 articles)")
    for role in ("source", "cue", "content"):
        assert f"  {role}" in out
    assert "exact" in out and "overlap" in out


def test_shipped_cue_model_loads():
    from dateline.claims import learned

    model = learned.load()
    assert model is not None and 0 < model.threshold < 1 and len(model.weights) > 1000
