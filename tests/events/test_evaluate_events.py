"""The event scorers' own logic on hand-built inputs (no corpus, no model)."""

from __future__ import annotations

import json
from pathlib import Path

from dateline.evaluate.events import _bio_spans, read_conflibert, read_plover, score_plover, type_right


def test_gold_types_are_read_in_the_2021_table():
    assert type_right("DISAPPROVE", "ACCUSE") and type_right("FIGHT", "ASSAULT")
    assert type_right("DEMAND", "REQUEST") and type_right("DEMAND", "DEMAND")
    assert not type_right("AGREE", "CONSULT") and not type_right("AGREE", None)


def test_plover_reader_skips_the_header_and_maps_cameo_codes(tmp_path: Path):
    records = [
        {"id": "H", "event": "DOCUMENT", "eventText": "header"},
        {
            "id": "A",
            "event": "AGREE",
            "text": "Japan agreed.",
            "source": [{"actorText": "Japan", "code": "JAP"}],
            "target": "",
        },
        {"id": "B", "event": "REJECT", "text": "Italy refused.", "source": [{"code": "ITL"}, {"code": "FRA"}]},
    ]
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    gold = read_plover(path)
    assert [(g.id, g.source, g.target, g.position) for g in gold] == [
        ("A", ("JPN",), (), 0),
        ("B", ("ITA", "FRA"), (), 1),
    ]


def test_actor_accuracy_counts_missing_roles_as_wrong():
    rows = [
        {
            "gold": "AGREE",
            "predicted": "AGREE",
            "types": ["AGREE"],
            "source": "USA",
            "target": None,
            "gold_source": ["USA"],
            "gold_target": ["JOR"],
        },
        {
            "gold": "FIGHT",
            "predicted": None,
            "types": [],
            "source": None,
            "target": None,
            "gold_source": ["IRQ"],
            "gold_target": [],
        },
    ]
    result = score_plover(rows)
    assert result["type_accuracy"] == 0.5 and result["no_event"] == 0.5
    assert (result["actor_roles"], result["actor_country_accuracy"], result["actor_coverage"]) == (3, 1 / 3, 1 / 3)


def test_bio_spans_and_the_conflibert_reader(tmp_path: Path):
    assert _bio_spans(["B-S", "I-S", "O", "B-T", "B-T", "I-T"], "T") == ((3, 4), (4, 6))
    path = tmp_path / "train.txt"
    path.write_text("Iraqi B-S\ntroops I-S\nattacked O\nKurds B-T\n\nProtesters B-S\nmarched O\n", encoding="utf-8")
    sentences = read_conflibert(path)
    assert [(s.tokens[0], s.source, s.target) for s in sentences] == [
        ("Iraqi", ((0, 2),), ((3, 4),)),
        ("Protesters", ((0, 1),), ()),
    ]
