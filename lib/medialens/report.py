"""Reports: run every notebook on a corpus with papermill, export HTML, write index.html.

The HTML pages hide the code and load no script or font from the internet, so the reports
open offline. Rendering a highlighted article is highlight.py's job.
"""
from __future__ import annotations

import contextlib
import html
import json
import re
import shutil
import sys
from pathlib import Path
from urllib.parse import quote

import pandas as pd

from .engines import write_tagged
from .errors import MedialensError
from .outputs import atomic_folder


def run_notebooks(corpus, out, notebooks, lexicons: dict[str, str] | None = None,
                  strict: bool = False, analyses: tuple[str, ...] = ()) -> Path:
    """Tag `corpus` into OUT/tables, execute each notebook into OUT/notebooks, export OUT/NAME.html,
    and link them all from OUT/index.html. Returns the path of index.html. `analyses`: analyses
    of the user's own (tagging.py), tagged into the tables and passed to the notebooks.

    Articles that fail are left out and listed in OUT/tables/errors.csv, which the notebooks
    read (with `strict`, any failed article stops the run before the notebooks). A notebook
    that fails stops the run: nothing is written to OUT, the executed notebook
    is kept beside it (failed_notebook_path) and the one-line error names the notebook, the cell
    and the error's message."""
    import papermill

    corpus, final = Path(corpus).resolve(), Path(out).resolve()
    notebook_paths = readable_notebooks(Path(notebooks))
    with atomic_folder(out, inputs=[corpus, notebooks, *(lexicons or {}).values()]) as work:
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
        for number, notebook in enumerate(notebook_paths, 1):
            print(f"[{number}/{len(notebook_paths)}] {notebook.name}", file=sys.stderr)
            executed = work / "notebooks" / notebook.name
            try:
                with signals_stay_ours():
                    papermill.execute_notebook(str(notebook), str(executed), parameters=parameters,
                                               cwd=str(notebook.parent), kernel_name="python3",
                                               language="python", progress_bar=True, log_output=False,
                                               kernel_manager_class=quiet_kernel_manager())
            except papermill.PapermillExecutionError as error:
                raise notebook_failure(notebook, executed, error, final) from None
            record_final_paths(executed, work, final)
            (work / f"{notebook.stem}.html").write_text(export_html(executed), encoding="utf-8")
        (work / "index.html").write_text(index_page(work), encoding="utf-8")
    return Path(out) / "index.html"


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


def record_final_paths(executed: Path, work: Path, final: Path) -> None:
    """The notebook ran in the temporary folder; record where its outputs end up. A path is in
    the notebook as printed (outputs) and as a Python string literal (papermill's injected
    parameters): every form is replaced, whatever quotes or backslashes the path holds."""
    import nbformat

    forms = [(form(str(work)), form(str(final))) for form in (
        str, lambda p: repr(p)[1:-1], lambda p: p.replace("\\", "\\\\").replace('"', '\\"'))]

    def replaced(value):
        if isinstance(value, str):
            for old, new in forms:
                value = value.replace(old, new)
            return value
        if isinstance(value, list):
            return [replaced(item) for item in value]
        if isinstance(value, dict):
            return value.__class__({key: replaced(item) for key, item in value.items()})
        return value

    nbformat.write(replaced(nbformat.read(executed, as_version=4)), executed)


@contextlib.contextmanager
def signals_stay_ours():
    """nbclient swaps the SIGINT and SIGTERM handlers for its event loop's while a notebook runs
    (shutting the kernel down and going on) and leaves Python's defaults behind, so a signal
    would not stop the run, or kill it without removing the temporary folder. Its call is made
    to fail as it does outside the main thread, which nbclient skips: the CLI's handlers stay."""
    import asyncio
    from unittest import mock

    def refuse(self, *args, **kwargs):
        raise RuntimeError("signals are medialens's to handle")

    with mock.patch.object(asyncio.SelectorEventLoop, "add_signal_handler", refuse), \
            mock.patch.object(asyncio.SelectorEventLoop, "remove_signal_handler", refuse):
        yield


def quiet_kernel_manager():
    """The kernel manager papermill starts kernels with, the kernel's own stderr silenced: when
    a signal stops the run, the dying kernel would print a traceback under the one line.
    Errors in cells still reach the notebook (and notebook_failure) through the kernel's messages."""
    import subprocess

    from jupyter_client.manager import AsyncKernelManager

    class QuietKernelManager(AsyncKernelManager):
        async def _async_launch_kernel(self, kernel_cmd, **kw):
            kw.setdefault("stderr", subprocess.DEVNULL)
            return await super()._async_launch_kernel(kernel_cmd, **kw)

    return QuietKernelManager


def failed_notebook_path(out: Path, notebook: Path) -> Path:
    """Where the executed copy of a notebook that failed is kept: beside the output folder."""
    return out.with_name(f"{out.name}.failed-{notebook.name}")


ANSI = re.compile(r"\x1b\[[0-9;]*m")


def notebook_failure(notebook: Path, executed: Path, error, out: Path) -> MedialensError:
    """The one-line error for a notebook that failed in `executed` (papermill saved it with the
    error): the notebook, the failing cell (its number in the notebook as written), the line that
    raised, and the error with its message."""
    kept = failed_notebook_path(out, notebook)
    cell = None
    if executed.is_file():
        shutil.copyfile(executed, kept)
        cell = _failing_cell(executed)
    where = f"{notebook.name}, cell {cell}" if cell else f"{notebook.name}, cell [{error.exec_count}]"
    # The first "---->" of the traceback marks the line of the cell itself.
    arrows = [ANSI.sub("", line) for entry in error.traceback for line in entry.splitlines()
              if "---->" in ANSI.sub("", line)]
    if arrows:
        number, _, code = arrows[0].split("---->", 1)[1].strip().partition(" ")
        code = code.strip() if len(code.strip()) <= 80 else code.strip()[:79] + "…"
        where += f", line {number} `{code}`"
    message = str(error.evalue).strip().splitlines()[0] if str(error.evalue).strip() else "(no message)"
    return MedialensError(where, f"{error.ename}: {message} (executed notebook kept at {kept})")


def _failing_cell(executed: Path) -> int | None:
    """Number of the cell with an error output, counting the notebook's own cells (not the
    ones papermill inserts)."""
    cells = json.loads(executed.read_text(encoding="utf-8"))["cells"]
    own = [c for c in cells if not {"injected-parameters", "papermill-error-cell-tag"}
           & set(c.get("metadata", {}).get("tags", []))]
    for number, cell in enumerate(own, 1):
        if any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
            return number
    return None


PAGE_STYLE = """body{font-family:system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;
line-height:1.5;color:#222}
table{border-collapse:collapse;font-size:85%;margin:1em 0;display:block;overflow-x:auto}th,td{border:1px solid #ddd;padding:3px 6px;
text-align:left;vertical-align:top}thead th{background:#f3f3f3}
img{max-width:100%}pre{white-space:pre-wrap;background:#f8f8f8;padding:6px}
.jp-InputArea,.jp-InputPrompt,.jp-OutputPrompt,.anchor-link{display:none}"""


def export_html(notebook: Path) -> str:
    """The notebook as one offline HTML page: outputs only, code hidden.

    nbconvert's "basic" template gives the cells without the lab template's scripts from a CDN
    (require.js, mermaid, MathJax); this page adds only a small inline style sheet."""
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="basic", exclude_input=True,
                            exclude_input_prompt=True, exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(nbformat.read(notebook, as_version=4))
    title = html.escape(notebook_title(notebook))
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
            f"<style>{PAGE_STYLE}</style></head>\n<body>\n"
            f'<p><a href="index.html">&larr; all reports</a></p>\n{body}\n</body></html>\n')


def notebook_title(notebook: Path) -> str:
    """The first H1 of the notebook's first markdown cell."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    for cell in cells:
        if cell["cell_type"] == "markdown":
            for line in "".join(cell["source"]).splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return notebook.stem


def index_page(folder: Path) -> str:
    """index.html: what the corpus is (brief/corpus.py: the story, its dates, its outlets, the
    articles without a date), the brief's "In short" (brief/summary.py, from the tables) and the
    key plots as thumbnails first, so a reader lands on the answer; then each notebook's HTML
    report, each table and figure, as relative links."""
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
    short = "".join(f"<p>{html.escape(paragraph)}</p>" for paragraph in in_short(folder / "tables"))
    corpus = "".join(f"<p>{html.escape(statement)}</p>" for statement in what_the_corpus_is(folder / "tables"))
    opening = (f"<h2>The corpus</h2>{corpus}" if corpus else "") + (
        f"<h2>In short</h2>{short}" if short else "") + (
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


def what_the_corpus_is(tables: Path) -> list[str]:
    """The sentences of brief/corpus.py about the tagged tables in `tables` ([] without them)."""
    from .brief.corpus import corpus_statements

    read = _tagged(tables)
    return [] if read is None else corpus_statements(read["documents"], read.get("actor_mentions")).statement.tolist()


def in_short(tables: Path) -> list[str]:
    """The brief's "In short" (brief/summary.py: the best and worst sourced, the figures disputed,
    grown or differing, the frames, who acts and speaks, the setting), computed from the tagged
    tables in `tables`: the sentences notebook 04 prints under the same heading ([] without
    the tables it reads)."""
    from .brief.summary import READS, brief_statements, in_short as short

    read = _tagged(tables)
    return short(brief_statements(read)) if read is not None and set(READS) <= set(read) else []


def _n_rows(path: Path) -> int:
    return len(pd.read_csv(path, usecols=[0]))
