"""A reader's orderings of the framing stories (tests/stories/frames_*), measured on the library.

`python tests/story_orderings.py [heldout]` prints pair accuracy per story and measure, and the
main actors' ranks; tests/test_frames_stories.py asserts on the same numbers.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

import medialens as ml

STORIES = Path(__file__).resolve().parent / "stories"


def story_dirs(heldout: bool = False) -> list[Path]:
    return [path for path in sorted(STORIES.glob("frames_*")) if path.is_dir()
            and ("heldout" in path.name) == heldout]


def tag_story(path: Path) -> dict[str, pd.DataFrame]:
    return ml.tag_corpus(ml.load_corpus(path))


def pair_results(path: Path, tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per reader's pair: story, measure, more, less, right (more scores strictly higher)."""
    scores = tables["scores"].set_index("doc_id")
    pairs = pd.read_csv(path / "orderings.csv")
    pairs["right"] = [scores.loc[p.more, p.measure] > scores.loc[p.less, p.measure]
                      for p in pairs.itertuples()]
    pairs.insert(0, "story", path.name)
    return pairs


def actor_ranks(path: Path, tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The reader's main actors and their rank in ml.actor_prominence (NaN: not found)."""
    ranking = ml.actor_prominence(tables)
    rank = {actor: i + 1 for i, actor in enumerate(ranking.actor)}
    main = pd.read_csv(path / "main_actors.csv")
    return pd.DataFrame({"story": path.name, "actor": main.actor,
                         "rank": [rank.get(a) for a in main.actor]})


def main(heldout: bool = False) -> None:
    pairs, ranks = [], []
    for path in story_dirs(heldout):
        tables = tag_story(path)
        pairs.append(pair_results(path, tables))
        ranks.append(actor_ranks(path, tables))
    pairs = pd.concat(pairs)
    pd.set_option("display.width", 200)
    print(pairs.groupby(["story", "measure"]).right.agg(["sum", "count"]).to_string())
    print(pairs.groupby("story").right.mean().round(3).to_string())
    print(f"all: {pairs.right.sum()}/{len(pairs)} = {pairs.right.mean():.3f}")
    print(pairs[~pairs.right].to_string())
    print(pd.concat(ranks).to_string())


if __name__ == "__main__":
    main(heldout="heldout" in sys.argv[1:])
