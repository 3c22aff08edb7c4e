"""Reports: run every notebook on a corpus with papermill (executed.py, in the kernels of
kernels.py), export HTML, write index.html.
"""
from __future__ import annotations

import contextlib
import html
import logging
import sys
from pathlib import Path
from urllib.parse import quote

import pandas as pd

from .engines import write_tagged
from .errors import MedialensError
from .executed import notebook_job, notebook_title
from .kernels import Kernels, kernel_count, longest_first, notebook_imports
from .outputs import atomic_folder


def run_notebooks(corpus, out, notebooks, lexicons: dict[str, str] | None = None,
                  strict: bool = False, analyses: tuple[str, ...] = ()) -> Path:
    """Tag `corpus` into OUT/tables, execute each notebook into OUT/notebooks, export OUT/NAME.html,
    and link them all from OUT/index.html. Returns the path of index.html. `analyses`: analyses
    of the user's own (tagging.py), tagged into the tables and passed to the notebooks.

    The notebooks run in kernels started while the corpus is tagged, two at once, the longest
    first (kernels.py).
    Articles that fail are left out and listed in OUT/tables/errors.csv, which the notebooks
    read (with `strict`, any failed article stops the run before the notebooks). A notebook
    that fails stops the run: nothing is written to OUT, the executed notebook
    is kept beside it (failed_notebook_path) and the one-line error names the notebook, the cell
    and the error's message."""
    corpus, final = Path(corpus).resolve(), Path(out).resolve()
    notebook_paths = readable_notebooks(Path(notebooks))
    with quiet_papermill(), atomic_folder(out, inputs=[corpus, notebooks, *(lexicons or {}).values()]) as work, \
            Kernels(Path(notebooks).resolve(), notebook_imports(notebook_paths),
                    kernel_count(len(notebook_paths))) as kernels:
        tagged = write_tagged(corpus, work / "tables", lexicons=lexicons, analyses=tuple(analyses),
                              jobs=1)  # as `tag` does
        if tagged.failed:
            failed = f"{tagged.failed} article{'s' if tagged.failed != 1 else ''} failed and left out"
            if strict:  # before the notebooks: nothing is written
                raise MedialensError(corpus, f"{failed} (--strict)")
            print(f"{failed} (see {final / 'tables' / 'errors.csv'})", file=sys.stderr)
        (work / "notebooks").mkdir()
        parameters = {"corpus": str(corpus), "output": str(work), "tables": str(work / "tables")}
        parameters.update({f"{name}_lexicon": str(Path(path).resolve())
                           for name, path in (lexicons or {}).items()})
        if analyses:  # their lexicons are known to the notebooks' *_lexicon parameters through them
            parameters["analyses"] = ", ".join(analyses)
        kernels.start([notebook_job(notebook, f"[{number}/{len(notebook_paths)}]", work, final, parameters)
                       for number, notebook in enumerate(longest_first(notebook_paths), 1)])
        opening = index_opening(work / "tables")  # while the kernels work
        kernels.wait()
        (work / "index.html").write_text(index_page(work, opening), encoding="utf-8")
    return Path(out) / "index.html"


@contextlib.contextmanager
def quiet_papermill():
    """papermill logs warnings a run should not print: "Unable to parse line 9" (a parameter
    whose comment it cannot read; the notebook's own parameters cell is used all the same) and
    "Passed unknown parameter" (a --lexicon that one notebook takes and the others do not). What
    goes wrong in a notebook is the run's one-line error, not a log."""
    logger = logging.getLogger("papermill")  # its modules' loggers are its children
    was = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        logger.setLevel(was)


def readable_notebooks(folder: Path) -> list[Path]:
    """The notebooks of `folder`, each checked to be one: a file that is not is a one-line
    error naming it, before anything runs."""
    import nbformat

    paths = sorted(folder.glob("*.ipynb"))
    if not paths:
        raise MedialensError(folder, "no notebooks (*.ipynb) in this folder")
    for path in paths:
        try:
            nbformat.validate(nbformat.read(path, as_version=4))
        except Exception as error:  # noqa: BLE001 - JSON, schema, encoding: all one answer
            reason = str(error).strip().splitlines()[0][:120] if str(error).strip() else ""
            raise MedialensError(path, f"not a readable notebook ({type(error).__name__}: {reason})") from None
    return paths


def index_opening(tables: Path) -> str:
    """The opening of index.html, from the tables alone: what the corpus is (brief/corpus.py:
    the story, its dates, its outlets, the articles without a date) and the brief's "In short"
    (brief/summary.py)."""
    read = _tagged(tables)
    short = "".join(f"<p>{html.escape(paragraph)}</p>" for paragraph in in_short(tables, read))
    corpus = "".join(f"<p>{html.escape(statement)}</p>" for statement in what_the_corpus_is(tables, read))
    return (f"<h2>The corpus</h2>{corpus}" if corpus else "") + (f"<h2>In short</h2>{short}" if short else "")


def index_page(folder: Path, opening: str | None = None) -> str:
    """index.html: its opening (index_opening, computed here unless given) and the key plots as
    thumbnails first, so a reader lands on the answer; then each notebook's HTML report, each
    table and figure, as relative links."""
    def link(path: str, text: str) -> str:
        return f'<a href="{html.escape(quote(path))}">{html.escape(text)}</a>'

    notebooks = sorted((folder / "notebooks").glob("*.ipynb"))
    items = "\n".join(
        f"<li>{link(nb.stem + '.html', notebook_title(nb))} "
        f"<small>({link('notebooks/' + nb.name, 'notebook')})</small></li>" for nb in notebooks)
    tables = "\n".join(
        f"<li>{link('tables/' + p.name, p.name)} <small>{_n_rows(p)} rows</small></li>"
        for p in sorted((folder / "tables").glob("*.csv")))
    pngs = sorted((folder / "figures").glob("*.png"), key=lambda p: (not p.stem.startswith("brief"), p.name))
    figures = "\n".join(
        f"<li>{link('figures/' + p.name, p.name)}"
        + (f" ({link('figures/' + p.stem + '.csv', 'data')})" if p.with_suffix(".csv").exists() else "")
        + "</li>" for p in sorted(pngs))
    thumbnails = "\n".join(
        f'<a class="thumb" href="{html.escape(quote("figures/" + p.name))}">'
        f'<img src="{html.escape(quote("figures/" + p.name))}" alt="{html.escape(p.stem.replace("_", " "))}">'
        f"<br><small>{html.escape(p.stem.replace('_', ' '))}</small></a>" for p in pngs)
    opening = (index_opening(folder / "tables") if opening is None else opening) + (
        f'<div class="thumbs">{thumbnails}</div>' if thumbnails else "")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>medialens reports</title>
<style>body{{font-family:sans-serif;max-width:50em;margin:2em auto;line-height:1.5}}
small{{color:#666}}.thumbs{{display:flex;flex-wrap:wrap;align-items:flex-start;gap:1em;margin:1em 0}}
.thumb{{width:14em;text-align:center;text-decoration:none}}
.thumb img{{width:100%;border:1px solid #ddd}}</style></head>
<body><h1>medialens reports</h1>
{opening}
<h2>Analyses</h2><ul>{items}</ul>
<h2>Tables</h2><ul>{tables}</ul>
<h2>Figures</h2><ul>{figures}</ul>
</body></html>
"""


def _tagged(tables: Path) -> dict[str, pd.DataFrame] | None:
    """The tables `medialens tag` wrote into `tables`, or None when it holds none."""
    from .tables import read_tables

    if not (tables / "documents.csv").is_file() and not (tables / "documents.parquet").exists():
        return None
    return read_tables(tables)


def what_the_corpus_is(tables: Path, read: dict[str, pd.DataFrame] | None = None) -> list[str]:
    """The sentences of brief/corpus.py about the tagged tables in `tables` ([] without them);
    `read`: those tables, if already read."""
    from .brief.corpus import corpus_statements

    read = _tagged(tables) if read is None else read
    return [] if read is None else corpus_statements(read["documents"], read.get("actor_mentions")).statement.tolist()


def in_short(tables: Path, read: dict[str, pd.DataFrame] | None = None) -> list[str]:
    """The brief's "In short" (brief/summary.py: the best and worst sourced, the figures disputed,
    grown or differing, the frames, who acts and speaks, the setting), computed from the tagged
    tables in `tables` (or `read`, those tables if already read): the sentences notebook 04
    prints under the same heading ([] without the tables it reads)."""
    from .brief.summary import READS, brief_statements
    from .brief.summary import in_short as short

    read = _tagged(tables) if read is None else read
    return short(brief_statements(read)) if read is not None and set(READS) <= set(read) else []


def _n_rows(path: Path) -> int:
    return len(pd.read_csv(path, usecols=[0]))
