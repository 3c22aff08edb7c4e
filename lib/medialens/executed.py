"""One notebook of `medialens run`, executed and after: papermill in a kernel of kernels.py,
the final paths recorded in it, its streams joined, its offline HTML page, or the one-line
error that names the cell that failed.

The HTML pages hide the code and load no script or font from the internet, so the reports
open offline. Rendering a highlighted article is highlight.py's job.
"""
from __future__ import annotations

import html
import json
import re
import shutil
import sys
import threading
from functools import lru_cache
from pathlib import Path

from .errors import MedialensError


def notebook_job(notebook: Path, label: str, work: Path, final: Path, parameters: dict):
    """The job of a kernel (kernels.py) for one notebook: execute it with papermill into
    WORK/notebooks, record the final paths in it, export its HTML page."""
    def job(km) -> None:
        import papermill
        from nbclient.exceptions import DeadKernelError

        executed = work / "notebooks" / notebook.name
        with _STDERR:
            print(f"{label} {notebook.name}", file=sys.stderr, flush=True)
        try:
            papermill.execute_notebook(str(notebook), str(executed), parameters=parameters,
                                       kernel_name="python3", language="python", km=km,
                                       progress_bar=False, request_save_on_cell_execute=False)
        except papermill.PapermillExecutionError as error:
            raise notebook_failure(notebook, executed, error, final) from None
        except DeadKernelError:
            raise MedialensError(notebook, "its kernel died (it exited, was killed, or ran out of "
                                           "memory)") from None
        record_final_paths(executed, work, final)
        (work / f"{notebook.stem}.html").write_text(export_html(executed), encoding="utf-8")

    return job


_STDERR = threading.Lock()  # progress lines from the kernels' threads, one whole line each


def record_final_paths(executed: Path, work: Path, final: Path) -> None:
    """The notebook ran in the temporary folder; record where its outputs end up (its streams
    joined first, so that no path is cut in two). A path is in
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

    nbformat.write(replaced(joined_streams(nbformat.read(executed, as_version=4))), executed)


def joined_streams(notebook):
    """Each cell's consecutive outputs to one stream joined into one output: a kernel sends a
    printed line in one message or two depending on when its output thread flushes (a busy
    machine splits lines), and the executed notebook and its page should not depend on that."""
    for cell in notebook.cells:
        outputs = []
        for output in cell.get("outputs", []):
            previous = outputs[-1] if outputs else {}
            if output.get("output_type") == previous.get("output_type") == "stream" \
                    and output.get("name") == previous.get("name"):
                previous["text"] += output["text"]
            else:
                outputs.append(output)
        if "outputs" in cell:
            cell["outputs"] = outputs
    return notebook


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

    with _EXPORTING:
        body, _ = _html_exporter().from_notebook_node(nbformat.read(notebook, as_version=4))
    title = html.escape(notebook_title(notebook))
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
            f"<style>{PAGE_STYLE}</style></head>\n<body>\n"
            f'<p><a href="index.html">&larr; all reports</a></p>\n{body}\n</body></html>\n')


# One exporter for the run's notebooks: a new one compiles its templates again (0.1 to 0.3 CPU s
# a notebook). Its filters are set per notebook, so the kernels' threads take turns.
_EXPORTING = threading.Lock()


@lru_cache(maxsize=1)
def _html_exporter():
    from nbconvert import HTMLExporter

    return HTMLExporter(template_name="basic", exclude_input=True, exclude_input_prompt=True,
                        exclude_output_prompt=True)


def notebook_title(notebook: Path) -> str:
    """The first H1 of the notebook's first markdown cell."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    for cell in cells:
        if cell["cell_type"] == "markdown":
            for line in "".join(cell["source"]).splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return notebook.stem
