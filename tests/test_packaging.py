"""The project's setup files agree with each other."""
import re
import subprocess
import tomllib

import yaml

from conftest import ROOT

CONDA_ONLY = {"python", "pip"}
# conda-forge splits dask[distributed] into two packages
CONDA_NAMES = {"distributed": "dask"}


def requirement_name(spec: str) -> str:
    return re.split(r"[\[<>=!~ ]", spec.strip(), maxsplit=1)[0].lower()


def test_environment_yml_names_the_same_packages_as_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pip_names = {requirement_name(s) for s in project["dependencies"]}
    for extra in project["optional-dependencies"].values():
        pip_names |= {requirement_name(s) for s in extra}
    environment = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda_names = {CONDA_NAMES.get(n, n) for n in
                   (requirement_name(s) for s in environment["dependencies"] if isinstance(s, str))}
    assert conda_names - CONDA_ONLY == pip_names


def test_readme_opens_with_the_two_commands():
    readme = (ROOT / "README.md").read_text()
    first_block = readme[: readme.index("```", readme.index("```") + 3)]
    assert "make run" in first_block and "make test" in first_block


def test_ci_calls_make_test():
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_library_is_not_git_ignored():
    result = subprocess.run(["git", "check-ignore", "-q", "lib/medialens/__init__.py"], cwd=ROOT)
    assert result.returncode == 1


def test_every_data_folder_documents_its_files():
    data = ROOT / "lib" / "medialens" / "data"
    for folder in (p for p in data.iterdir() if p.is_dir()):
        readme = (folder / "README.md").read_text()
        for file in folder.glob("*.*"):
            if file.name != "README.md":
                assert file.name in readme, f"{file} is not described in {folder / 'README.md'}"


def test_every_file_the_readme_points_to_exists():
    # The README shows the worked example of an analysis of your own and the story lists; a
    # renamed file would leave a command a reader copies that cannot run.
    readme = (ROOT / "README.md").read_text()
    named = set(re.findall(r"(?<![\w/])((?:docs|notebooks|scripts|benchmarks|seeds|tests)/[\w./-]+\.\w+)", readme))
    assert "docs/examples/quotes_per_article.py" in named
    assert [path for path in sorted(named) if not (ROOT / path).exists()] == []
