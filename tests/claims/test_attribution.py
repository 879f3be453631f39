"""Attribution extraction on hand-written sentences: source, cue, content and stance."""

from __future__ import annotations

import pytest

from dateline import nlp
from dateline.claims import extract
from dateline.claims.cues import CUE_CLASS, NEGATED, PLAIN, REFUSED, STANCES, stance_for


def attributions(text: str) -> list[tuple[str | None, str, str | None, str]]:
    """(source, cue, content, stance) texts of every attribution in text."""
    doc = nlp.load()(text)

    def cut(span: tuple[int, int] | None) -> str | None:
        return text[span[0] : span[1]] if span else None

    return [(cut(a.source), cut(a.cue), cut(a.content), a.stance) for a in extract(doc)]


# (sentence, expected (source, cue, content, stance)); each row is one construction the stage reads.
CASES = [
    (
        "The ministry said that the bridge was destroyed.",
        ("The ministry", "said", "that the bridge was destroyed", "asserts"),
    ),
    (
        "The bridge was destroyed overnight, the governor said.",
        ("the governor", "said", "The bridge was destroyed overnight", "asserts"),
    ),
    (
        "“We will rebuild the bridge,” the mayor told reporters.",
        ("the mayor", "told", "We will rebuild the bridge", "asserts"),
    ),
    (
        "The army confirmed that two soldiers were killed.",
        ("The army", "confirmed", "that two soldiers were killed", "confirms"),
    ),
    (
        "The Kremlin denied that its troops had crossed the border.",
        ("The Kremlin", "denied", "that its troops had crossed the border", "denies"),
    ),
    (
        "Reuters has not been able to confirm the number of casualties.",
        ("Reuters", "has not been able to confirm", "the number of casualties", "cannot_confirm"),
    ),
    (
        "The police were unable to verify the report.",
        ("The police", "were unable to verify", "the report", "cannot_confirm"),
    ),
    (
        "The spokesman declined to confirm the deaths.",
        ("The spokesman", "declined to confirm", "the deaths", "declines_to_confirm"),
    ),
    (
        "Germany accused Russia of poisoning the opposition leader.",
        ("Germany", "accused", "Russia of poisoning the opposition leader", "accuses"),
    ),
    ("The rebels have vowed to retake the city.", ("The rebels", "have vowed", "to retake the city", "vows")),
    (
        "On the same day that footage emerged of a man at a rally punching a protester, the senator said, "
        "“I do not like it.”",
        ("the senator", "said", "I do not like it.", "asserts"),
    ),
    (
        "She asked the senator if he had been preparing himself for the possibility.",
        ("She", "asked", "if he had been preparing himself for the possibility", "demands"),
    ),
    (
        "Reporters asked Trump about statements he had made the night before.",
        ("Reporters", "asked", "about statements he had made the night before", "demands"),
    ),
    (
        "Thousands signed a petition calling for the resignation of the mayor.",
        ("a petition", "calling for", "the resignation of the mayor", "demands"),
    ),
    (
        "The senator traveled to Iowa on Monday to endorse the governor.",
        ("The senator", "to endorse", "the governor", "asserts"),
    ),
    (
        "The government has labeled the protests as illegal.",
        ("The government", "has labeled", "the protests as illegal", "asserts"),
    ),
    (
        "Satellite imagery shows craters near the runway.",
        ("Satellite imagery", "shows", "craters near the runway", "shows"),
    ),
    ("A woman is heard saying the market was hit.", ("A woman", "is heard saying", "the market was hit", "asserts")),
    (
        "No group has claimed responsibility for the bombing.",
        ("No group", "has claimed responsibility", None, "claims_responsibility"),
    ),
    (
        "The militia did not claim responsibility for the bombing.",
        ("The militia", "did not claim responsibility", None, "no_responsibility_claim"),
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_reads_each_construction(sentence, expected):
    assert expected in attributions(sentence)


def test_according_to_takes_the_rest_of_the_clause():
    found = attributions("Three people died in the fire, according to local officials.")
    assert ("local officials", "according to", "Three people died in the fire", "asserts") in found


def test_coordinated_cue_inherits_the_subject_but_not_the_negation():
    found = attributions("The army did not claim responsibility for the strike but said it hit a depot.")
    assert ("The army", "did not claim responsibility", None, "no_responsibility_claim") in found
    assert ("The army", "said", "it hit a depot", "asserts") in found


def test_paragraph_breaks_bound_every_span():
    # The small model can join two paragraphs into one sentence; no span may cross the break.
    text = "Officials did not comment on the strike.\nThe governor confirmed there was a blast."
    for source, cue, content, _ in attributions(text):
        for part in (source, cue, content):
            assert part is None or "\n" not in part


def test_words_that_are_not_cues_make_no_claim():
    assert attributions("Putin shows his support for the plan. They added a new route.") == []


def test_call_for_is_a_demand_and_call_as_is_a_label():
    assert ("The UN", "called for", "an immediate ceasefire", "demands") in attributions(
        "The UN called for an immediate ceasefire."
    )


def test_bare_speech_verb_takes_the_quotation_beside_it():
    found = attributions("The minister spoke briefly.\n“We will never surrender.” the minister said.")
    assert ("the minister", "said", "We will never surrender.", "asserts") in found


def test_every_cue_class_has_a_plain_or_negated_stance_in_the_table():
    for cls in set(CUE_CLASS.values()):
        assert cls in PLAIN or cls in NEGATED, cls
    assert set(PLAIN.values()) | set(NEGATED.values()) | set(REFUSED.values()) == STANCES


def test_stance_combines_class_negation_and_refusal():
    assert stance_for("confirm", negated=False, refused=False) == "confirms"
    assert stance_for("confirm", negated=True, refused=False) == "cannot_confirm"
    assert stance_for("confirm", negated=False, refused=True) == "declines_to_confirm"
    assert stance_for("responsibility", negated=True, refused=False) == "no_responsibility_claim"
    assert stance_for("comment", negated=False, refused=False) is None


def test_nominal_cue_with_a_that_clause():
    found = attributions("Officials dismissed Moscow's claim that the convoy carried aid.")
    assert ("Moscow's", "claim", "that the convoy carried aid", "asserts") in found


def test_said_with_a_colon_takes_the_quotation_of_the_next_paragraph():
    found = attributions('The mayor said:\n"We will rebuild every house."')
    assert ("The mayor", "said", "We will rebuild every house.", "asserts") in found


def test_first_person_hedges_inside_quotes_are_not_new_claims():
    found = attributions("“I think we can win this,” the coach said.")
    assert [f[3] for f in found] == ["asserts"]
    assert found[0][0] == "the coach"


def test_belief_without_a_believer_is_not_a_claim():
    assert attributions("The talks are expected to last three days.") == []


def test_hearsay_adverb_attributes_its_clause_to_nobody_in_particular():
    ((source, cue, content, stance),) = attributions("Russia reportedly struck the depot on Monday.")
    assert (source, cue, stance) == (None, "reportedly", "alleges")
    assert content.startswith("Russia reportedly struck the depot")


def test_transcript_speaker_line_is_an_attribution():
    text = "WALLACE: Let's start with the debate.\nPENCE: Well, look, the question is why."
    assert [(s, c, st) for s, c, _, st in attributions(text)] == [
        ("WALLACE", ":", "asserts"),
        ("PENCE", ":", "asserts"),
    ]
    assert attributions("The Latest: Senator to give away engraved shotgun.") == []
    assert attributions("THE COUNT\nClinton: 2,316.\nSanders: 1,547.") == []
    assert ":" not in [cue for _, cue, _, _ in attributions('"Related:"\nCandidates Reject The Idea Of A Minimum Wage')]


def test_colon_closing_a_paragraph_introduces_the_next_one():
    text = "The governor added:\n\nIt is typical of them. They know nothing."
    ((source, cue, content, _),) = attributions(text)
    assert (source, cue, content) == ("The governor", "added", "It is typical of them. They know nothing.")


def test_content_inside_a_quotation_takes_the_whole_quotation():
    text = "“We will rebuild the bridge. We will not leave,” the mayor said."
    ((_, _, content, _),) = attributions(text)
    assert content == "We will rebuild the bridge. We will not leave"


def test_learned_cue_model_adds_cues_the_table_does_not_list():
    from dateline.claims.learned import CueModel

    text = "Donald Trump bemoaned the unrest in Charlotte."
    doc = nlp.load()(text)
    assert list(extract(doc)) == []
    model = CueModel(weights={"l=bemoan": 6.0}, bias=-3.0, threshold=0.5)
    ((att),) = extract(doc, model)
    cut = lambda s: text[s[0] : s[1]]  # noqa: E731
    assert (cut(att.source), cut(att.cue), cut(att.content), att.stance) == (
        "Donald Trump",
        "bemoaned",
        "the unrest in Charlotte",
        "expresses",
    )


def test_learned_cue_takes_its_preposition_into_the_cue():
    from dateline.claims.learned import CueModel

    text = "Trump has also commented on Crutcher's death."
    doc = nlp.load()(text)
    (att,) = extract(doc, CueModel(weights={"l=comment": 6.0}, bias=-3.0, threshold=0.5))
    assert text[att.cue[0] : att.cue[1]] == "has also commented on"
    assert text[att.content[0] : att.content[1]] == "Crutcher's death"


def test_a_speaker_announcing_its_own_action_vows():
    ((source, cue, content, stance),) = attributions("Journalists' unions said they would protest in Karachi.")
    assert (source, cue, stance) == ("Journalists' unions", "said", "vows")


def test_second_statement_of_one_speaker_is_its_own_claim():
    text = (
        "The defence ministry said troops had clashed with rebels near the town, but denied carrying out an air strike."
    )
    said, denied = attributions(text)
    assert said == ("The defence ministry", "said", "troops had clashed with rebels near the town", "asserts")
    assert denied == ("The defence ministry", "denied", "carrying out an air strike", "denies")


def test_sentence_before_a_closing_source_and_cue_is_the_content():
    # the small model reads "work" here as a noun and loses the clause
    text = (
        "About 2,000 Filipinos work in Kenya, mostly as teachers, nurses and engineers, "
        "the Department of Foreign Affairs said."
    )
    ((source, cue, content, _),) = attributions(text)
    assert (source, cue) == ("the Department of Foreign Affairs", "said")
    assert content.startswith("About 2,000 Filipinos work in Kenya")


def test_passive_cue_takes_its_agent_as_source():
    ((source, _, _, _),) = attributions("The plan was criticized by senior senators as reckless.")
    assert source == "senior senators"


def test_doubled_apostrophes_are_quotation_marks():
    text = "''There's no empirical evidence whatsoever,'' Mr. Burman said."
    ((source, cue, content, _),) = attributions(text)
    assert (source, cue, content) == ("Mr. Burman", "said", "There's no empirical evidence whatsoever")


def test_relative_which_is_a_source_and_resolves_to_its_noun():
    # PolNeAR marks the relative pronoun as the source; `find_claims` reads it as the noun before it
    from dateline.claims.attribution import antecedent

    text = "The Saudi government, which has strongly denied any involvement, lobbied against the bill."
    doc = nlp.load()(text)
    (att,) = [a for a in extract(doc) if a.stance == "denies"]
    assert text[att.source[0] : att.source[1]] == "which"
    span = antecedent(doc, doc[att.source_head])
    assert span is not None and text[span[0] : span[1]] == "The Saudi government"


def test_gerund_after_a_preposition_takes_the_subject_of_its_verb():
    text = "President Obama responded to the mother on Wednesday by saying that his refusal was deliberate."
    assert ("President Obama", "saying", "that his refusal was deliberate", "asserts") in attributions(text)


def test_dash_attribution_reads_names_the_tagger_misses_and_misused_quote_marks():
    # a closing mark opening the quotation ('”Fear ...') and a name that is no PERSON entity still
    # make '“quote” ― Name' lines, as in readers' comments collected by news sites
    text = "”Fear is what drives him and his voters.” ― Edwin G. Monroy\n“We need law and order.” ― Jacklyn Ashley\n"
    found = attributions(text)
    assert ("Edwin G. Monroy", "―", "Fear is what drives him and his voters.", "asserts") in found
    assert ("Jacklyn Ashley", "―", "We need law and order.", "asserts") in found


def test_quotation_resumed_after_the_cue_is_the_same_speakers():
    text = "“We will rebuild the bridge,” the mayor said. “Nobody will leave. We want everyone to stay.”"
    (att,) = [a for a in extract(nlp.load()(text)) if text[a.cue[0] : a.cue[1]] == "said"]
    assert att.continuation is not None
    assert text[att.continuation[0] : att.continuation[1]] == "Nobody will leave. We want everyone to stay."


def test_a_quotation_closed_by_its_own_cue_is_no_continuation():
    text = "“We will rebuild the bridge,” the mayor said. “It is too late,” the governor replied."
    (att,) = [a for a in extract(nlp.load()(text)) if text[a.cue[0] : a.cue[1]] == "said"]
    assert att.continuation is None


def test_words_of_a_markup_tag_are_no_cue():
    text = 'Republicans offered prayers:\n\n<tweet pic="" author="GovMikeHuckabee" timestamp="1">Praying.</tweet>'
    assert not [a for a in extract(nlp.load()(text)) if "tweet" in text[a.cue[0] : a.cue[1]]]


def test_a_poll_introduced_by_in_is_the_source_of_its_finding():
    assert attributions("In a CBS News poll released Monday, the governor led the senator by six points.") == [
        ("a CBS News poll released Monday", "In", "the governor led the senator by six points.", "asserts")
    ]
    assert [cue for _, cue, _, _ in attributions("In the video, the governor is seen walking to his car.")] == []


def test_learned_cue_with_an_object_takes_the_topic_after_it():
    from dateline.claims.learned import CueModel

    text = "Clinton turned her attention to her possible Republican opponents."
    doc = nlp.load()(text)
    (att,) = extract(doc, CueModel(weights={"l=turn": 6.0}, bias=-3.0, threshold=0.5))
    assert text[att.content[0] : att.content[1]] == "her attention to her possible Republican opponents"


def test_be_with_an_attitude_adjective_gives_the_subjects_view():
    assert attributions("The senator is not skeptical of the deal with Iran.") == [
        ("The senator", "is not skeptical of", "the deal with Iran", "does_not_believe")
    ]
    assert [cue for _, cue, _, _ in attributions("The senator is close to the governor.")] == []


def test_cue_verb_in_a_title_case_headline():
    assert attributions("Hillary Clinton Slams Donald Trump On Abortion After Court Ruling.") == [
        ("Hillary Clinton", "Slams", "Donald Trump On Abortion After Court Ruling", "criticizes")
    ]
    assert [cue for _, cue, _, _ in attributions("United States Imposes New Sanctions On Iran.")] == []


def test_an_unanswered_request_is_the_content_of_no_comment():
    assert attributions("A court spokeswoman did not immediately respond to a request for comment.") == [
        ("A court spokeswoman", "did not immediately respond", "a request for comment", "no_comment")
    ]
