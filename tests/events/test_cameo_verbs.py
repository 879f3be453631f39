"""The CAMEO verb table: its conversion, and its use as a fallback for main predicates only."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_find_events import Build

from dateline.events.build import parse, rows
from dateline.events.lexicon import CAMEO_VERBS_FILE, cameo_verbs

DICTIONARY = """\
---  OFFER   [030]  ---
OFFER
PLEDGE {PLEDGES PLEDGED }  # a comment
+OFFER_UP
- * AID                                               [033]         # OFFER

---  ASK   [---]  ---
ASK     [020]
INTERROGATE [090]
WONDER
- * HELP                                              [020]         # ASK
- * FILES                                             [0214]        # ASK

---  COMMENT   [010]  ---
COMMENT
"""


def test_conversion_takes_own_code_then_set_code_then_common_pattern_root():
    table = parse(DICTIONARY)
    assert table["offer"] == "030" and table["pledge"] == "030"
    assert table["ask"] == "020" and table["interrogate"] == "090"
    assert table["wonder"] == "02"  # no code of its own or of its set: its set's patterns agree on 02
    assert "offer_up" not in table and "+offer_up" not in table
    coded = {verb: plover for verb, _, plover in rows(table)}
    assert coded["offer"] == "AGREE" and coded["interrogate"] == "ACCUSE" and coded["ask"] == "REQUEST"
    assert "comment" not in coded  # CAMEO 01, a public statement, is no event


def test_the_shipped_table_is_built_and_leaves_the_hand_lexicon_alone():
    if not CAMEO_VERBS_FILE.is_file():
        pytest.fail(f"{CAMEO_VERBS_FILE} is missing: run `python -m dateline.events.build`")
    table = cameo_verbs()
    assert table["offer"].plover == "AGREE" and table["boycott"].plover == "SANCTION"
    assert "attack" not in table and "say" not in table  # the lexicon and the stoplist decide those


def test_a_dictionary_verb_counts_as_the_main_predicate_with_an_agent():
    b = Build("Iran offered to mediate between the two neighbours, officials said.")
    b.actor("Iran", "IRN")
    kinds = [(e.trigger.text, e.plover_type) for e in b.events()]
    assert ("offered", "AGREE") in kinds


def test_a_dictionary_verb_deep_in_a_clause_is_no_event():
    b = Build("The minister, who had offered his seat to a colleague, arrived in Paris for a visit.")
    b.actor("The minister", "FRA")
    assert [e.trigger.text for e in b.events()] == ["visit"]


def test_the_build_script_reads_the_shared_dictionary(tmp_path: Path):
    source = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "cameo-dictionaries"
    if not (source / "CAMEO.2.0.txt").is_file():
        pytest.skip(f"{source} is absent: the CAMEO dictionaries live in ../shared beside the repository")
    from dateline.events.build import main

    out = tmp_path / "verbs.tsv"
    assert main([str(source), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == CAMEO_VERBS_FILE.read_text(encoding="utf-8")
