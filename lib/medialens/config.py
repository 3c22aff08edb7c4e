"""Paths defined in one place: the package's data files and the project's notebooks."""
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"
# The notebooks live in the repository, beside lib/; `medialens run --notebooks` points elsewhere.
PROJECT_DIR = PACKAGE_DIR.parent.parent
NOTEBOOKS_DIR = PROJECT_DIR / "notebooks"
