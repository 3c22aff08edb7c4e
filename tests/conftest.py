from pathlib import Path

import pytest

import medialens as ml

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CORPORA = Path(__file__).resolve().parent / "corpora"
ARTICLES = Path(__file__).resolve().parent / "articles"


@pytest.fixture(scope="session")
def seed_documents():
    return ml.load_corpus(SEEDS)


@pytest.fixture(scope="session")
def seed_tables(seed_documents):
    return ml.tag_corpus(seed_documents)


def doc(documents, prefix: str):
    """The row of the document whose id starts with `prefix` (seed ids are NNN_hash)."""
    return documents[documents.doc_id.str.startswith(prefix)].iloc[0]
