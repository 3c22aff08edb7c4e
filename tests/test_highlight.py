"""Highlighted articles: every span drawn where the tables put it, negated cues shown but marked."""
import medialens as ml


def test_negated_cue_is_shown_in_grey_and_said_not_counted():
    text = "Flood\nIt was not a tragedy, said the mayor. It was a horrific night for the town."
    tables = ml.tag_text(text)
    spans = ml.article_spans(tables, "t", kinds=("emotive",)).set_index("start")
    tragedy, horrific = text.index("tragedy"), text.index("horrific")
    assert spans.loc[tragedy, "kind"] == "negated cue" and "not counted" in spans.loc[tragedy, "note"]
    assert spans.loc[horrific, "kind"] == "emotive"
    page = ml.render_article(text, ml.article_spans(tables, "t", kinds=("emotive",)))
    assert "negated: not counted" in page and "horrific</mark>" in page


def test_article_text_is_escaped():
    text = "Headline\n<script>alert(1)</script> officials said the vote was clear."
    page = ml.render_article(text, ml.article_spans(ml.tag_text(text), "t"))
    assert "<script>" not in page and "&lt;script&gt;" in page
