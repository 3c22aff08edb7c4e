"""Streaming tag runs: batches, processes and formats change nothing in the tables; errors stay
one line with no output left behind; the synthetic benchmark corpus is deterministic."""
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import medialens as ml
from medialens.engines import in_order, write_tagged

from conftest import ARTICLES, ROOT, SEEDS, assert_same_tables, run_cli

sys.path.insert(0, str(ROOT / "benchmarks"))
import generate_corpus  # noqa: E402

PORT_STRIKE = ARTICLES / "streaming_port_strike.txt"



def tagged(corpus, folder: Path, **options) -> dict:
    write_tagged(corpus, folder, **options)
    return ml.read_tables(folder)


@pytest.fixture(scope="module")
def tricky_corpus(tmp_path_factory):
    """A table of articles whose cells trip up CSV: numeric ids, formula starts, no dates."""
    path = tmp_path_factory.mktemp("tricky") / "tricky.jsonl"
    text = PORT_STRIKE.read_text(encoding="utf-8")
    rows = [{"id": "00123", "title": "", "date": "", "text": text},
            {"id": "2024", "title": "=HYPERLINK(\"x\") Strike Day Two", "date": "2024-03-05",
             "text": text.replace("Monday", "Tuesday")},
            {"id": "-7", "title": "", "date": "", "text": "@port " + text}]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def seeds_in_one_batch(tmp_path_factory):
    return tagged(SEEDS, tmp_path_factory.mktemp("one-batch"), batch_size=100)


@pytest.mark.parametrize("batch_size", [1, 2, 4])
def test_batch_size_changes_nothing(tmp_path, seeds_in_one_batch, batch_size):
    assert_same_tables(seeds_in_one_batch, tagged(SEEDS, tmp_path, batch_size=batch_size))


def test_streamed_tables_equal_tag_corpus(tmp_path, seeds_in_one_batch):
    ml.write_tables(ml.tag_corpus(SEEDS), tmp_path)
    assert_same_tables(ml.read_tables(tmp_path), seeds_in_one_batch)
    documents = seeds_in_one_batch["documents"]
    assert documents.doc_id.tolist() == sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert documents.text.tolist() == ml.load_corpus(SEEDS).text.tolist()


@pytest.mark.parametrize("corpus", ["seeds", "tricky"])
@pytest.mark.parametrize("batch_size", [1, 2])
def test_csv_and_parquet_read_the_same(tmp_path, tricky_corpus, corpus, batch_size):
    corpus = SEEDS if corpus == "seeds" else tricky_corpus
    from_csv = tagged(corpus, tmp_path / "csv", batch_size=batch_size)
    from_parquet = tagged(corpus, tmp_path / "parquet", fmt="parquet", batch_size=batch_size)
    assert_same_tables(from_csv, from_parquet)
    n_parts = -(-len(from_csv["documents"]) // batch_size)
    assert len(list((tmp_path / "parquet" / "sentences").glob("part-*.parquet"))) == n_parts


def test_tricky_cells_survive_the_round_trip(tmp_path, tricky_corpus):
    for fmt in ("csv", "parquet"):
        documents = tagged(tricky_corpus, tmp_path / fmt, fmt=fmt, batch_size=1)["documents"]
        assert documents.doc_id.tolist() == ["00123", "2024", "-7"]
        assert documents.date.tolist() == ["", "2024-03-05", ""]
        assert documents.title[1].startswith("=HYPERLINK")
        assert documents.text[2].splitlines()[0].startswith("@port")
    sentences = ml.read_tables(tmp_path / "csv")["sentences"]
    assert "-5 percent: that is how far container traffic fell last quarter, according to the " \
           "authority's own figures." in sentences.text.tolist()
    cells = pd.read_csv(tmp_path / "csv" / "documents.csv", dtype=str, keep_default_na=False)
    # A spreadsheet shows these as text instead of running them.
    assert cells.doc_id[2] == "'-7" and cells.title[1].startswith("'=HYPERLINK")


def test_two_processes_give_the_same_tables(tmp_path, seeds_in_one_batch):
    assert_same_tables(seeds_in_one_batch, tagged(SEEDS, tmp_path, batch_size=2, jobs=2))


def test_in_order_keeps_a_bounded_window():
    read, done = [], []

    def batches():
        for number in range(10):
            read.append(number)
            yield [number]

    def submit(batch):
        in_flight = len(read) - len(done)
        return lambda: (done.append(batch[0]), (batch[0], in_flight))[1]

    results = list(in_order(submit, batches(), window=3))
    assert [number for number, _ in results] == list(range(10))
    assert max(in_flight for _, in_flight in results) <= 3



FIREWORKS = """Fireworks seller fined after night of complaints
A fireworks shop in the harbour district was fined 4,000 euros on Friday after residents
complained of what one called "a kaboom every ten minutes until two in the morning".
The city's licensing office said the shop had sold rockets without the required permits.
"""
# Only page furniture: it reads, but no text is left after cleaning (a worker finds it).
WIDGETS = "+ ↺ − 16 px\n|||\n"
GOOD = ["sources_wire", "figures_health", "frames_moral", "streaming_port_strike"]


def failing_corpus(folder: Path, with_failures: bool = True) -> Path:
    """Four good articles, and with_failures one that fails in cleaning (a_widgets) and one
    that fails in a tagger (c_fireworks, through tests/analysis_that_fails.py)."""
    folder.mkdir()
    for number, name in enumerate(GOOD):
        (folder / f"{'bdef'[number]}_{name}.txt").write_bytes((ARTICLES / f"{name}.txt").read_bytes())
    if with_failures:
        (folder / "a_widgets.txt").write_text(WIDGETS, encoding="utf-8")
        (folder / "c_fireworks.txt").write_text(FIREWORKS, encoding="utf-8")
    return folder


def assert_failures_left_out(with_failures: dict, without: dict):
    errors = with_failures.pop("errors")
    assert errors[["doc_id", "stage", "error_type"]].values.tolist() == [
        ["a_widgets", "clean", "MedialensError"], ["c_fireworks", "analysis_that_fails", "IndexError"]]
    assert "no article text left after cleaning" in errors.message[0]
    assert "analysis_that_fails.py" in errors.message[1]
    assert errors.text_start.tolist() == [WIDGETS, FIREWORKS[:200]]
    assert without.pop("errors").empty
    assert len(without["documents"]) == 4 and len(without["probe"]) == 4
    assert_same_tables(without, with_failures)


@pytest.mark.parametrize("options", [{}, {"jobs": 2}, {"fmt": "parquet", "batch_size": 1}])
def test_a_failing_article_is_left_out_and_recorded(tmp_path, options):
    options = {"analyses": ("analysis_that_fails",), "batch_size": 2, **options}
    corpus = failing_corpus(tmp_path / "corpus")
    result = write_tagged(corpus, tmp_path / "with", **options)
    assert result == (4, 2)
    write_tagged(failing_corpus(tmp_path / "good", with_failures=False), tmp_path / "without", **options)
    assert_failures_left_out(ml.read_tables(tmp_path / "with"), ml.read_tables(tmp_path / "without"))


@pytest.mark.parametrize("options", [[], ["--jobs", "2"], ["--format", "parquet"]])
def test_tag_ends_with_one_line_on_failures_and_strict_exits_1(tmp_path, options):
    corpus = failing_corpus(tmp_path / "corpus")
    out = tmp_path / "tables"
    result = run_cli("tag", corpus, "--out", out, "--batch-size", "1", *options)
    assert result.returncode == 0, result.stderr
    where = out / ("errors" if "parquet" in options else "errors.csv")
    assert result.stderr.strip().splitlines()[-1] == (
        f"tagged 5 documents -> {out}; 1 article failed and left out (see {where})")
    assert ml.read_tables(out)["errors"].doc_id.tolist() == ["a_widgets"]
    strict = run_cli("tag", corpus, "--out", out, "--strict", *options)
    assert strict.returncode == 1
    assert strict.stderr.strip().splitlines() == [
        f"medialens: error: {out}: 1 article failed and left out (see {where}) (--strict)"]


def test_errors_table_is_written_when_nothing_fails(tmp_path):
    write_tagged(failing_corpus(tmp_path / "corpus", with_failures=False), tmp_path / "out")
    assert (tmp_path / "out" / "errors.csv").read_text().strip() == \
        "doc_id,stage,error_type,message,text_start"


@pytest.mark.parametrize("argument", ["--jobs=0", "--batch-size=-3", "--batch-size=two"])
def test_bad_counts_are_refused(tmp_path, argument):
    result = run_cli("tag", SEEDS, "--out", tmp_path / "out", argument)
    assert result.returncode == 2 and "at least 1" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "out").exists()


def test_generated_corpus_is_deterministic_with_fresh_ids(tmp_path):
    first = list(generate_corpus.iter_articles(30, None, seed=7))
    assert first == list(generate_corpus.iter_articles(30, None, seed=7))
    assert first != list(generate_corpus.iter_articles(30, None, seed=8))
    assert [a["doc_id"] for a in first] == [f"gen{n:07d}" for n in range(1, 31)]
    pool = set(generate_corpus.sentence_pool()[1])
    port_sentence = ("The port authority said the strike could cost the regional economy up to "
                     "€12 million a day, although independent economists described that figure "
                     "as likely exaggerated.")
    assert port_sentence in pool  # our own articles feed it, not only the seeds
    for article in first:
        assert 300 <= len(article["text"].split()) <= 1200 + 400
    sentences = ml.split_sentences(pd.DataFrame(
        {"doc_id": ["a"], "text": [first[0]["text"]]})).text
    assert sum(s in pool for s in sentences) >= 0.9 * len(sentences)


def test_generated_corpus_reaches_the_size_and_loads_in_every_format(tmp_path):
    articles = list(generate_corpus.iter_articles(None, 200_000, seed=1))
    size = sum(len(a["title"].encode()) + len(a["text"].encode()) + 2 for a in articles)
    assert 200_000 <= size < 200_000 + 20_000
    texts = {}
    for out in (tmp_path / "folder", tmp_path / "corpus.jsonl", tmp_path / "corpus.parquet"):
        assert generate_corpus.write_corpus(iter(articles), out) == len(articles)
        documents = ml.load_corpus(out)
        assert documents.doc_id.tolist() == [a["doc_id"] for a in articles]
        texts[out.name] = documents.text.tolist()
    assert texts["folder"] == texts["corpus.jsonl"] == texts["corpus.parquet"]


def test_a_saved_page_without_an_article_is_one_failed_article(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "port.txt").write_bytes(PORT_STRIKE.read_bytes())
    (corpus / "paywall.html").write_text(
        "<html><head><title>Subscribe</title></head><body><div></div></body></html>",
        encoding="utf-8")
    for tables in (tagged(corpus, tmp_path / "out"), ml.tag_corpus(corpus)):
        assert tables["documents"].doc_id.tolist() == ["port"]
        errors = tables["errors"]
        assert errors[["doc_id", "stage"]].values.tolist() == [["paywall", "clean"]]
        assert "paywall.html: no article text found in this HTML page" in errors.message[0]
        assert errors.text_start[0].startswith("<html><head><title>Subscribe")


def test_tagging_does_not_import_the_engines():
    # The batch iterators live in engines.py, which imports tagging.py; never the other way round.
    import ast

    source = (ROOT / "lib" / "medialens" / "tagging.py").read_text(encoding="utf-8")
    imported = {node.module for node in ast.walk(ast.parse(source))
                if isinstance(node, ast.ImportFrom) and node.module}
    assert "engines" not in imported and not any(m.endswith(".engines") for m in imported)


def test_a_signal_while_tagging_stops_the_program_not_the_article(tmp_path):
    # SIGTERM arrives while an article is being tagged in this process: it must stop the run
    # (errors.Stopped, a BaseException), not become that healthy article's error row.
    from medialens.errors import Stopped
    from medialens.stopping import handling_signals

    corpus = failing_corpus(tmp_path / "corpus", with_failures=False)
    (corpus / "e_halt.txt").write_text("Traffic to halt on the bridge\nTraffic will halt on the "
                                       "bridge on Sunday for repairs, the city said.\n", encoding="utf-8")
    with handling_signals(), pytest.raises(Stopped):
        write_tagged(corpus, tmp_path / "out", analyses=("analysis_that_dies",))
    assert not issubclass(Stopped, Exception)


def test_the_process_that_runs_the_workers_holds_no_pandas_nor_spacy_while_they_tag(tmp_path):
    # Workers encode their batch's files; this process only writes bytes, so one job holds one
    # copy of pandas and spaCy (in its worker), not two. pandas comes for the corpus-wide step,
    # once the workers have stopped.
    script = (
        "import sys\n"
        "from medialens import engines\n"
        "held = []\n"
        "write = engines.write_part\n"
        "def spy(part, folder, fmt, number):\n"
        "    held.append(sorted({'pandas', 'pyarrow', 'spacy'} & set(sys.modules)))\n"
        "    write(part, folder, fmt, number)\n"
        "engines.write_part = spy\n"
        "engines.write_tagged(sys.argv[1], sys.argv[2], jobs=1, batch_size=2)\n"
        "print(held, 'pandas' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", script, str(SEEDS), str(tmp_path / "out")],
                          capture_output=True, text=True, check=True)
    assert done.stdout.split("\n")[0] == "[[], [], []] True"
    assert_same_tables(ml.tag_corpus(SEEDS), ml.read_tables(tmp_path / "out"))
