"""alliance release: committed student notebooks are current, hold no solutions, and run clean."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import nbformat
import pytest

from alliance import cli
from alliance import exercise_cells as cells
from alliance import release
from alliance.assignment import known, load
from alliance.checks import OpenQuestion

ROOT = Path(__file__).resolve().parents[1]
SOURCE, STUDENT = ROOT / "exercises" / "source", ROOT / "exercises" / "student"
SOURCES = release.source_notebooks(SOURCE)
NAMES = [p.stem for p in SOURCES]


def test_every_lesson_has_an_assignment_and_a_key():
    assert NAMES[:9] == [f"ex{n:02d}" for n in range(1, 10)] and NAMES[-1] == "capstone"
    assert {f"ex{n:02d}" for n in range(1, 10)} | {"capstone"} == set(NAMES)
    assert set(NAMES) <= set(known())


def test_committed_student_notebooks_are_up_to_date():
    stale = [r.name for r in release.release(SOURCE, STUDENT, write=False) if r.changed]
    assert not stale, f"run `alliance release`: out of date {stale}"


def test_release_check_fails_on_a_changed_source(tmp_path, capsys):
    shutil.copytree(SOURCE / "ex01", tmp_path / "source" / "ex01")
    shutil.copytree(STUDENT / "ex01", tmp_path / "student" / "ex01")
    args = ["release", "--source", str(tmp_path / "source"), "--out", str(tmp_path / "student"), "--check"]
    assert cli.main(args) == 0
    nb = nbformat.read(tmp_path / "source" / "ex01" / "ex01.ipynb", as_version=4)
    nb.cells[0].source += "\n\nOne more sentence."
    nbformat.write(nb, tmp_path / "source" / "ex01" / "ex01.ipynb")
    assert cli.main(args) == 1
    assert "out of date" in capsys.readouterr().out
    assert cli.main(args[:-1]) == 0 and cli.main(args) == 0  # releasing brings it up to date


def test_release_rejects_unknown_names(capsys):
    assert cli.main(["release", "ex99", "--check"]) == 2
    assert "unknown assignment" in capsys.readouterr().err


@pytest.mark.parametrize("source", SOURCES, ids=NAMES)
def test_student_notebook_has_no_solutions_or_hidden_tests(source):
    src = nbformat.read(source, as_version=4)
    student_text = (STUDENT / source.stem / source.name).read_text(encoding="utf-8")
    student = nbformat.reads(student_text, as_version=4)
    assert "BEGIN SOLUTION" not in student_text and "HIDDEN TESTS" not in student_text
    for cell in src.cells:
        if cells.is_solution(cell) and cell.cell_type == "code":
            region = cell.source.split(cells.BEGIN_SOLUTION)[1].split(cells.END_SOLUTION)[0]
            for line in region.splitlines():
                # Every solution line that computes something is absent (short or generic lines may recur).
                if len(line.strip()) > 25 and "=" in line:
                    assert line.strip() not in student_text, f"{source.stem}: solution line leaked: {line.strip()}"
    for cell in student.cells:
        assert not cell.get("outputs"), "student notebooks ship without outputs"
        if cells.is_locked(cell) or cells.is_test(cell):
            assert cell.metadata["alliance"]["checksum"] == cells.checksum(cell)
    assert student.metadata["alliance"]["assignment"] == source.stem


@pytest.mark.parametrize("name", NAMES)
def test_assignment_mix(name):
    """At least four auto-graded questions, one chart question, one written answer with a rubric."""
    from alliance.checks import ChartQuestion

    key = load(name)
    src = nbformat.read(SOURCE / name / f"{name}.ipynb", as_version=4)
    graded = [cells.grade_id(c) for c in src.cells if cells.is_test(c)]
    opens = [c for c in src.cells if cells.is_open(c)]
    assert len(graded) >= 4 and opens
    assert sum(isinstance(q, ChartQuestion) for q in key.questions) == 1
    for cell in opens:
        question = key.question(cells.grade_id(cell))
        assert isinstance(question, OpenQuestion) and question.rubric
        assert sum(p for _, p in question.rubric) == question.points == cells.points(cell)
    for q in key.questions:
        if not isinstance(q, OpenQuestion) and "." not in q.id:
            assert len(q.hints) == 3, f"{name} {q.id}: three hints"
    for test_cell in (c for c in src.cells if cells.is_test(c)):
        assert cells.BEGIN_HIDDEN in test_cell.source
        for qid in cells.checked_ids(test_cell.source):
            key.question(qid)  # every id a test cell checks exists
    assert any("." in q.id for q in key.questions), f"{name}: at least one genuinely hidden test"


def test_answer_keys_hold_no_plain_scalar_answers():
    """Scalar answers are stored as salted hashes: no key passes a plain answer= value."""
    for path in (ROOT / "src" / "alliance" / "answer_keys").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\banswer\s*=\s*[\d\"']", text), path.name


def test_instructor_guide_rubrics_match_the_answer_keys():
    import subprocess
    import sys

    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_rubrics.py"), "--check"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


AUTO_QUESTIONS = [(name, q.id) for name in NAMES for q in load(name).questions if not isinstance(q, OpenQuestion)]


@pytest.mark.parametrize("name, qid", AUTO_QUESTIONS, ids=[f"{n}-{q}" for n, q in AUTO_QUESTIONS])
def test_hints_come_in_order_then_the_last_repeats(name, qid):
    question = load(name).question(qid)  # a fresh copy: hint levels start at 1
    shown = [question.hint() for _ in range(len(question.hints) + 1)]
    assert shown[:-1] == [f"{qid}, hint {i} of {len(question.hints)}: {text}"
                          for i, text in enumerate(question.hints, start=1)]
    assert shown[-1] == shown[-2]
    assert len(set(question.hints)) == len(question.hints), "hints differ from one another"


@pytest.mark.parametrize("name", NAMES)
def test_questions_run_in_order_and_hashes_are_salted_with_the_name(name):
    ids = load(name).ids
    main = [qid for qid in ids if "." not in qid]
    assert main == [f"q{n}" for n in range(1, len(main) + 1)]
    for qid in ids:
        if "." in qid:  # a hidden question follows the one it belongs to
            assert ids.index(qid) > ids.index(qid.split(".")[0])
    for question in load(name).questions:
        if getattr(question, "answer_hash", None):
            assert question.salt == name, question.id
            assert all(m.answer_hash != question.answer_hash for m in question.mistakes), question.id
