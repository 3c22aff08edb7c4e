"""Framing and actors on stories unlike the seeds' war story (tests/stories/frames_*).

Each story is four articles of one event as a wire, tabloid, op-ed, local or business paper tells
it, with a reader's orderings (orderings.csv: which article is more human-interest, more
responsibility-framed, more emotive, better sourced... than which) and the actors a reader names
first (main_actors.csv), all written before the lexicons were tuned. frames_heldout_protest was
measured only after tuning on the others. `python tests/story_orderings.py [heldout]` prints
the same figures.
"""
import pandas as pd
import pytest

import medialens as ml

from story_orderings import STORIES, actor_ranks, pair_results, story_dirs, tag_story

# (story, measure, more, less): pairs the library orders otherwise, with why.
KNOWN_MISSES: dict[tuple, str] = {
    # held out: measured once after tuning on the development stories, not tuned on since
    ("frames_heldout_protest", "share_frame_conflict", "oped", "business"):
        "the op-ed's conflict is 'police violence against peaceful marchers' and warnings pressed "
        "past, words no conflict pattern lists; the business paper says 'protests' twice",
}
MISSED_ACTORS: dict[tuple[str, str], str] = {}


@pytest.fixture(scope="module")
def story_tables():
    return {path.name: tag_story(path) for path in story_dirs() + story_dirs(heldout=True)}


def _pairs():
    rows = []
    for path in story_dirs() + story_dirs(heldout=True):
        pairs = pd.read_csv(path / "orderings.csv")
        for pair in pairs.itertuples():
            key = (path.name, pair.measure, pair.more, pair.less)
            marks = [pytest.mark.xfail(reason=KNOWN_MISSES[key], strict=True)] if key in KNOWN_MISSES else []
            rows.append(pytest.param(*key, marks=marks, id="-".join(key)))
    return rows


@pytest.mark.parametrize("story, measure, more, less", _pairs())
def test_reader_orderings(story_tables, story, measure, more, less):
    scores = story_tables[story]["scores"].set_index("doc_id")
    assert scores.loc[more, measure] > scores.loc[less, measure]


def test_most_pairs_hold_across_development_stories(story_tables):
    pairs = pd.concat([pair_results(path, story_tables[path.name]) for path in story_dirs()])
    assert pairs.right.mean() >= 0.9


def _main_actors():
    rows = []
    for path in story_dirs() + story_dirs(heldout=True):
        for actor in pd.read_csv(path / "main_actors.csv").actor:
            key = (path.name, actor)
            marks = [pytest.mark.xfail(reason=MISSED_ACTORS[key], strict=True)] if key in MISSED_ACTORS else []
            rows.append(pytest.param(*key, marks=marks, id="-".join(key)))
    return rows


@pytest.mark.parametrize("story, actor", _main_actors())
def test_main_actors_are_in_the_top_five_under_one_name(story_tables, story, actor):
    ranks = actor_ranks(STORIES / story, story_tables[story]).set_index("actor")["rank"]
    assert ranks[actor] == ranks[actor] and ranks[actor] <= 5, ranks.to_string()


@pytest.mark.parametrize("story", ["frames_flood", "frames_measles"])
def test_the_place_a_story_happens_in_is_its_setting_not_an_actor(story_tables, story):
    """The district flooded and the state with the outbreak are where things happen: first in
    story_setting, and they do not take an actor's place in the top five."""
    places = pd.read_csv(STORIES / story / "setting.csv").place
    setting = ml.story_setting(story_tables[story]).actor.head(3)
    top = ml.actor_prominence(story_tables[story]).actor.head(5)
    assert set(places) <= set(setting) and not set(places) & set(top), (setting, top)


def test_prominence_ranks_by_articles_then_mentions(story_tables):
    ranking = ml.actor_prominence(story_tables["frames_flood"])
    assert list(ranking.columns) == ["actor", "kind", "articles", "mentions", "as_subject",
                                     "as_source", "first_in", "speaks"]
    keys = list(zip(-ranking.articles, -ranking.mentions, ranking.actor))
    assert keys == sorted(keys)
    assert ranking.actor.is_unique
    first = ml.first_actors(story_tables["frames_flood"])
    assert set(first.doc_id) == set(story_tables["frames_flood"]["documents"].doc_id)


def test_every_mention_points_at_its_words(story_tables):
    for tables in story_tables.values():
        texts = tables["documents"].set_index("doc_id").text
        mentions = tables["actor_mentions"]
        assert all(texts[m.doc_id][m.start:m.end] == m.surface for m in mentions.itertuples())
        assert set(mentions.kind) <= {"person", "organisation", "country", "place", "group"}
