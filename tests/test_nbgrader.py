"""The exercises work unchanged with nbgrader: generate_assignment and autograde.

nbgrader's student notebooks must have the same cells as `alliance release` makes, and
nbgrader's autograder (which restores hidden tests) must give full marks to the
solutions and zero to untouched notebooks.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from alliance import exercise_cells as cells
from alliance import release

import grading_fixtures as gf

ROOT = Path(__file__).resolve().parents[1]
EXERCISES = ROOT / "exercises"
NAMES = [p.stem for p in release.source_notebooks(EXERCISES / "source")]
AUTOGRADED = ["ex03", "capstone"]

pytest.importorskip("nbgrader")


def nbgrader(course: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    return subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=course, env=env, capture_output=True,
                          text=True, timeout=600)


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    folder = tmp_path_factory.mktemp("nbgrader-course")
    shutil.copy(EXERCISES / "nbgrader_config.py", folder)
    shutil.copytree(EXERCISES / "source", folder / "source")
    for name in NAMES:
        done = nbgrader(folder, "generate_assignment", name, "--force")
        assert done.returncode == 0, done.stderr[-2000:]
    return folder


@pytest.mark.parametrize("name", NAMES)
def test_nbgrader_student_version_matches_alliance_release(course, name):
    theirs = nbformat.read(course / "release" / name / f"{name}.ipynb", as_version=4)
    ours = nbformat.read(EXERCISES / "student" / name / f"{name}.ipynb", as_version=4)
    assert [(c.cell_type, c.source) for c in theirs.cells] == [(c.cell_type, c.source) for c in ours.cells]
    assert [cells.grade_id(c) for c in theirs.cells] == [cells.grade_id(c) for c in ours.cells]


def test_nbgrader_autograde_full_marks_and_zero(course):
    from nbgrader.api import Gradebook

    for name in AUTOGRADED:
        source_nb = nbformat.read(course / "source" / name / f"{name}.ipynb", as_version=4)
        released = nbformat.read(course / "release" / name / f"{name}.ipynb", as_version=4)
        for student, nb in (("solver", gf.solved(released, source_nb)), ("idle", released)):
            target = course / "submitted" / student / name
            target.mkdir(parents=True)
            nbformat.write(nb, target / f"{name}.ipynb")
        done = nbgrader(course, "autograde", name, "--force")
        assert done.returncode == 0, done.stderr[-2000:]
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        for name in AUTOGRADED:
            source_nb = nbformat.read(course / "source" / name / f"{name}.ipynb", as_version=4)
            auto_max = sum(cells.points(c) for c in source_nb.cells if cells.is_test(c))
            solver = gradebook.find_submission(name, "solver")
            idle = gradebook.find_submission(name, "idle")
            auto = lambda sub: sum(g.score for n in sub.notebooks for g in n.grades if g.auto_score is not None)
            assert auto(solver) == auto_max > 0, name
            assert auto(idle) == 0, name
