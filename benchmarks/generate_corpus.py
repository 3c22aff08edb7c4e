"""Generate a synthetic corpus of any size for benchmarks and scale tests.

Articles are recombined from the sentences of the seeds and of tests/articles/*.txt: a headline
(a heading or short sentence of the pool), then paragraphs of 1-4 sentences, about 300-1,200
words, with fresh ids (gen0000001, ...). The same --seed gives the same corpus byte for byte.
The text is real newswire prose, so every tagger meets realistic cues, figures and quotes;
what it does not have is the cross-sentence coherence of a real article.

    python benchmarks/generate_corpus.py --mb 10 --out benchmarks/out/corpus-10mb
    python benchmarks/generate_corpus.py --documents 200 --out corpus.jsonl   # or .parquet

A folder gets one .txt per article; a .jsonl or .parquet file gets a table with columns
doc_id, title, date, outlet, text (the body; `medialens tag` puts the title first).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "lib"))

SOURCES = [ROOT / "seeds", ROOT / "tests" / "articles"]
OUTLETS = ["Wire A", "Daily B", "Tribune C", "Gazette D", "Herald E"]


def sentence_pool(folders=SOURCES) -> tuple[list[str], list[str]]:
    """(headings, body sentences) of every .txt article in `folders`, cleaned and split."""
    import medialens as ml

    paths = sorted(p for folder in folders if folder.is_dir() for p in folder.glob("*.txt"))
    headings, body = [], []
    for path in paths:
        documents = ml.load_corpus(path)
        sentences = ml.split_sentences(documents)
        for row in sentences.itertuples():
            text = " ".join(row.text.split())
            (headings if row.is_heading else body).append(text)
    if not body:
        raise SystemExit("no sentences found in seeds/ or tests/articles/")
    return headings or body[:10], body


def iter_articles(n_documents: int | None, n_bytes: int | None, seed: int = 0,
                  folders=SOURCES) -> Iterator[dict]:
    """Articles until n_documents are made or their texts reach n_bytes (UTF-8)."""
    headings, body = sentence_pool(folders)
    rng = random.Random(seed)
    made, size = 0, 0
    while (n_documents is None or made < n_documents) and (n_bytes is None or size < n_bytes):
        made += 1
        target_words = rng.randint(300, 1200)
        paragraphs, words = [], 0
        while words < target_words:
            paragraph = " ".join(rng.choice(body) for _ in range(rng.randint(1, 4)))
            paragraphs.append(paragraph)
            words += len(paragraph.split())
        article = {"doc_id": f"gen{made:07d}", "title": rng.choice(headings),
                   "date": f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                   "outlet": rng.choice(OUTLETS), "text": "\n".join(paragraphs)}
        size += len(article["title"].encode()) + len(article["text"].encode()) + 2
        yield article


def write_corpus(articles: Iterator[dict], out: Path) -> int:
    """Write articles as a folder of .txt (headline first line) or a .jsonl/.parquet table."""
    out.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    if out.suffix == ".jsonl":
        with out.open("w", encoding="utf-8") as file:
            for count, article in enumerate(articles, 1):
                file.write(json.dumps(article, ensure_ascii=False) + "\n")
    elif out.suffix == ".parquet":
        import pandas as pd

        table = pd.DataFrame(list(articles))
        table.to_parquet(out, index=False)
        count = len(table)
    else:
        out.mkdir(exist_ok=True)
        for count, article in enumerate(articles, 1):
            (out / f"{article['doc_id']}.txt").write_text(
                f"{article['title']}\n{article['text']}\n", encoding="utf-8")
    return count


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    size = parser.add_mutually_exclusive_group(required=True)
    size.add_argument("--mb", type=float, help="stop when the texts reach this many megabytes")
    size.add_argument("--documents", type=int, help="number of articles")
    parser.add_argument("--out", type=Path, required=True,
                        help="a folder (one .txt per article) or a .jsonl/.parquet file")
    parser.add_argument("--seed", type=int, default=0, help="random seed (same seed, same corpus)")
    args = parser.parse_args(argv)
    n_bytes = int(args.mb * 1_000_000) if args.mb else None
    count = write_corpus(iter_articles(args.documents, n_bytes, args.seed), args.out)
    print(f"wrote {count} articles -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
