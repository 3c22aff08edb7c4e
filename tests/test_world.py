"""The general data files are what their build scripts make from the PyPI data packages."""
import subprocess
import sys

import pytest

from conftest import ROOT

DATA = ROOT / "lib" / "medialens" / "data"


@pytest.mark.parametrize("script, args, built", [
    ("build_countries.py", [], DATA / "world" / "countries.csv"),
    ("build_emotive.py", ["2.0"], DATA / "frames" / "emotive.jsonl"),
    ("build_given_names.py", [], DATA / "world" / "given_names.csv"),
])
def test_a_data_file_is_rebuilt_the_same_by_its_script(tmp_path, script, args, built):
    pytest.importorskip({"build_countries.py": "pycountry", "build_emotive.py": "vaderSentiment",
                         "build_given_names.py": "gender_guesser"}[script])
    out = tmp_path / built.name
    subprocess.run([sys.executable, str(ROOT / "scripts" / script), *args, str(out)], check=True,
                   capture_output=True)
    assert out.read_text(encoding="utf-8") == built.read_text(encoding="utf-8")


@pytest.mark.parametrize("name, country, role", [
    ("France", "France", "country"), ("French", "France", "country"), ("Paris", "France", "capital"),
    ("U.S.", "United States", "country"), ("Americans", "United States", "people"),
    ("Chinese", "China", "country"), ("DRC", "Democratic Republic of the Congo", "country"),
    ("Kyiv", "Ukraine", "capital"), ("Kenyans", "Kenya", "people"),
])
def test_names_of_the_world(name, country, role):
    from medialens.frames.world import world_names
    place = world_names()[name]
    assert (place.country, place.role) == (country, role)


def test_no_three_letter_code_that_is_a_word():
    from medialens.frames.world import world_names
    assert not {"CAN", "AND", "ARE", "PER", "NOR"} & set(world_names())
