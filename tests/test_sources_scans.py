"""Scans around a cue stay inside their sentence, whatever the tokenizer makes of brackets and
quotes glued to words (issue 16: "Service(NIS) says" ran a loop off the start of the document)."""
import pytest

import medialens as ml

GLUED = [
    "The National Intelligence Service(NIS) says the report arrived in October.",
    "Service(NIS) says the troops arrived.",
    "(NIS) said the talks failed.",
    ") said the talks failed.",
    "The agency(ies) said nothing.",
    "Officials(NIS), speaking on Monday, said the deal held.",
    "A spokesman for the ministry(MoD) told reporters that the plan held.",
    "Rep. Jane Roe (D-Calif.(said the bill would pass.",
    "\"We will win,\"said(the senator) on Tuesday.",
    "Smith's(statement) suggests that the plan works.",
    "According to(the ministry) the plan works.",
    "It rained.\n(Reuters) said the plan works.",
    "Mr. Lee, who(has) said so, left.",
]


@pytest.mark.parametrize("text", GLUED)
def test_glued_brackets_stay_in_sentence(text):
    tables = ml.tag_text(text)
    sentences, found = tables["sentences"], tables["sources"]
    for row in found.itertuples():
        assert text[row.start:row.end] == row.surface
        sentence = sentences[sentences.sent_id == row.sent_id].iloc[0]
        assert sentence.start <= row.start and row.end <= sentence.end, (row.surface, sentence.text)


@pytest.mark.parametrize("text, surface", [
    ("The National Intelligence Service (NIS) says the troops arrived.", "The National Intelligence Service"),
    ("Sen. John Cornyn (R-Texas) said the bill would pass.", "Sen. John Cornyn"),
    ("Rep. Jane Roe (D-Calif.), chair of the committee, said the bill would pass.", "Rep. Jane Roe"),
])
def test_spaced_brackets_are_skipped(text, surface):
    surfaces = list(ml.tag_text(text)["sources"].surface)
    assert any(s.startswith(surface) for s in surfaces), surfaces
