"""Builds the workshop notebooks from the kit's data, so each task's prompt, choices and collapsed
solution say what lib/medialens/data/workshop/kit.json says (tests/test_workshop.py checks that
the committed notebooks are what this script writes).

    python notebooks/workshop/build_notebooks.py             # the learner copies: no answers, no outputs
    python notebooks/workshop/build_notebooks.py --execute   # and the facilitator's copies in facilitator/
    python notebooks/workshop/build_notebooks.py --tables    # the kit's precomputed tables (needs spaCy)
    python notebooks/workshop/build_notebooks.py --guide     # the guide's generated statements about the tool

Learners open the copies in this folder. facilitator/ holds the same notebooks run with
`solutions=True` (the kit's answers filled in, every output shown): nbval in `make test` re-runs
and compares those; delete the folder from learners' machines.
"""
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
from workshop_notebooks import opening, sourcing_lesson, figures_lesson, framing_lesson  # noqa: E402
from workshop_workbooks import (agreement, bring_your_own, figures_workbook, framing_workbook,  # noqa: E402
                                sourcing_workbook)

BUILDS = (opening, sourcing_lesson, sourcing_workbook, figures_lesson, figures_workbook,
          framing_lesson, framing_workbook, agreement, bring_your_own)

FACILITATOR = "facilitator"


def execute(path: Path, out: Path) -> None:
    """Run one learner copy with solutions=True into `out`, then drop papermill's timing metadata
    and random ids so a re-run changes the file only where an output changed."""
    subprocess.run([sys.executable, "-m", "papermill", "--no-progress-bar", "-k", "python3", "--cwd", str(out.parent),
                    "-p", "solutions", "True", str(path), str(out)], check=True)
    nb = nbformat.read(out, as_version=4)
    nb.metadata.pop("papermill", None)
    for cell in nb.cells:
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell["id"] = "injected-parameters"  # papermill draws a random id
    nbformat.write(nb, out)


def write_tables() -> None:
    """Tag the kit's articles into data/workshop/tables (for machines without spaCy)."""
    import medialens as ml
    from medialens.workshop import ARTICLES, KIT_TABLES

    shutil.rmtree(KIT_TABLES, ignore_errors=True)
    ml.write_tables(ml.tag_corpus(ARTICLES), KIT_TABLES)


def write_guide() -> None:
    """Rewrite the generated statements about the tool in docs/facilitator.md."""
    from medialens.workshop import Kit, guide

    path = ROOT / "docs" / "facilitator.md"
    path.write_text(guide.replace_generated(path.read_text(encoding="utf-8"), guide.tool_on_kit(Kit.load())),
                    encoding="utf-8")


def main(argv: list[str]) -> None:
    out = Path(argv[argv.index("--out") + 1]) if "--out" in argv else HERE
    out.mkdir(parents=True, exist_ok=True)
    if "--tables" in argv:
        write_tables()
    for build in BUILDS:
        build().write(out)
    if "--guide" in argv:
        write_guide()
    if "--execute" in argv:
        facilitator = out / FACILITATOR
        facilitator.mkdir(exist_ok=True)
        for path in sorted(out.glob("[0-9]*.ipynb")):
            print(path.name, file=sys.stderr)
            execute(path, facilitator / path.name)


if __name__ == "__main__":
    main(sys.argv[1:])
