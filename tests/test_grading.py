"""alliance grade on adversarial submissions, and the release → grade round trip.

The adversarial submissions (tests/grading_fixtures.py) are built from exercise 03:
a full solution, an untouched notebook, a truncated file, an infinite loop, sys.exit(),
os._exit(), a killed kernel, 11 MB of output, a write outside the folder, tampering
with the checks, deleted cells, a memory hog and a JSON file that is not a notebook.
"""

from __future__ import annotations

import copy
import csv
import hashlib
import shutil
from pathlib import Path

import nbformat
import pytest

from alliance import exercise_cells as cells
from alliance import release
from alliance.grading import grade
from alliance.grading.report import summary_text

import grading_fixtures as gf

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "exercises" / "source"
ASSIGNMENT = "ex03"


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(str(path.relative_to(folder)).encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def read_gradebook(out: Path) -> dict[tuple[str, str], dict]:
    with open(out / "gradebook.csv", newline="", encoding="utf-8") as handle:
        return {(row["student"], row["question"]): row for row in csv.DictReader(handle)}


def question_ids(source_nb) -> tuple[list[str], list[str]]:
    auto = [cells.grade_id(c) for c in source_nb.cells if cells.is_test(c)]
    manual = [cells.grade_id(c) for c in source_nb.cells if cells.is_open(c)]
    return auto, manual


@pytest.fixture(scope="module")
def adversarial(tmp_path_factory):
    base = tmp_path_factory.mktemp("adversarial")
    source_nb = nbformat.read(SOURCE / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    student_nb = release.student_notebook(source_nb, ASSIGNMENT)
    subs, outside = base / "submissions", base / "outside"
    outside.mkdir()
    for student, text in gf.make_all(student_nb, source_nb, outside).items():
        (subs / student).mkdir(parents=True)
        (subs / student / f"{ASSIGNMENT}.ipynb").write_text(text, encoding="utf-8")
    before = (tree_digest(subs), tree_digest(SOURCE))
    out = base / "out"
    summary = grade([subs], out, workers=2, progress=False, cell_timeout=5, notebook_timeout=90)
    return {"summary": summary, "rows": read_gradebook(out), "out": out, "subs": subs, "outside": outside,
            "before": before, "source_nb": source_nb, "student_nb": student_nb}


def rows_of(adversarial, student):
    return {q: row for (s, q), row in adversarial["rows"].items() if s == student}


def second_question(adversarial) -> str:
    return cells.grade_id(gf.answer_cells(adversarial["student_nb"])[1])[: -len("-answer")]


def test_every_submission_is_graded(adversarial):
    auto, manual = question_ids(adversarial["source_nb"])
    students = {s for s, _ in adversarial["rows"]}
    assert students == {"alice", "bob", "dave", "erin", "frank", "gina", "hank", "ivan", "jane", "kate", "leo",
                        "mia", "ned", "olga"}
    for student in students:
        assert set(rows_of(adversarial, student)) == set(auto + manual), student


def test_full_solution_gets_full_marks(adversarial):
    auto, manual = question_ids(adversarial["source_nb"])
    rows = rows_of(adversarial, "alice")
    for q in auto:
        assert rows[q]["status"] == "correct" and rows[q]["points"] == rows[q]["max"], rows[q]
    for q in manual:
        assert rows[q]["status"] == "manual" and rows[q]["points"] == ""


def test_untouched_notebook_is_not_attempted(adversarial):
    for q, row in rows_of(adversarial, "bob").items():
        assert row["status"] == "not attempted" and float(row["points"]) == 0, row


@pytest.mark.parametrize("student, words", [("dave", "damaged or truncated"), ("ned", "not a notebook")])
def test_broken_files_are_invalid_with_a_reason(adversarial, student, words):
    for row in rows_of(adversarial, student).values():
        assert row["status"] == "invalid" and words in row["message"] and float(row["points"]) == 0


@pytest.mark.parametrize("student, status, words", [
    ("erin", "timeout", "5 s limit"),
    ("frank", "error", "sys.exit()"),
    ("jane", "error", "outside the submission folder"),
    ("mia", "error", "more memory"),
])
def test_a_failing_answer_cell_costs_only_its_question(adversarial, student, status, words):
    rows = rows_of(adversarial, student)
    second = second_question(adversarial)
    assert rows[second]["status"] == status and words in rows[second]["message"], rows[second]
    first = cells.grade_id(gf.answer_cells(adversarial["student_nb"])[0])[: -len("-answer")]
    assert rows[first]["status"] == "correct"


@pytest.mark.parametrize("student", ["gina", "hank"])
def test_a_dead_kernel_grades_what_ran(adversarial, student):
    auto, _ = question_ids(adversarial["source_nb"])
    rows = rows_of(adversarial, student)
    second = second_question(adversarial)
    assert rows[auto[0]]["status"] == "correct"
    after = auto[auto.index(second):]
    for q in after:
        assert rows[q]["status"] == "error" and "kernel stopped" in rows[q]["message"], rows[q]


def test_huge_output_is_capped_and_noted(adversarial):
    rows = rows_of(adversarial, "ivan")
    assert all(r["status"] in ("correct", "manual") for r in rows.values())
    graded = adversarial["out"] / "graded" / "ivan" / f"{ASSIGNMENT}.ipynb"
    assert graded.stat().st_size < 11_000_000
    assert "more than 10 MB" in (adversarial["out"] / "feedback" / "ivan.md").read_text()


def test_grading_changes_nothing_outside_its_output_folder(adversarial):
    assert not any(adversarial["outside"].iterdir())
    assert (tree_digest(adversarial["subs"]), tree_digest(SOURCE)) == adversarial["before"]
    assert not (adversarial["out"] / ".work").exists()


def test_tampering_gives_no_credit_and_is_explained(adversarial):
    rows = rows_of(adversarial, "kate")
    first = cells.grade_id(gf.answer_cells(adversarial["student_nb"])[0])[: -len("-answer")]
    assert rows[first]["status"] != "correct" and float(rows[first]["points"]) == 0
    feedback = (adversarial["out"] / "feedback" / "kate.md").read_text()
    assert "changes `ex.check`" in feedback and "no" in feedback and "Question.check" in feedback
    assert "You edited the test cell" in feedback


def test_rebinding_ex_is_noted_and_later_checks_still_count(adversarial):
    rows = rows_of(adversarial, "olga")
    assert all(r["status"] in ("correct", "manual") for r in rows.values()), rows
    assert "reassigns `ex`" in (adversarial["out"] / "feedback" / "olga.md").read_text()


def test_written_answers_are_outside_the_auto_graded_total(adversarial):
    alice = (adversarial["out"] / "feedback" / "alice.md").read_text()
    bob = (adversarial["out"] / "feedback" / "bob.md").read_text()
    auto, manual = question_ids(adversarial["source_nb"])
    maximum = sum(cells.points(c) for c in adversarial["source_nb"].cells if cells.is_test(c))
    assert f"**{maximum:g} / {maximum:g}**" in alice and f"**0 / {maximum:g}**" in bob


def test_regrading_one_student_keeps_the_others(adversarial, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(adversarial["out"], out)
    grade([adversarial["subs"] / "bob"], out, workers=1, progress=False)
    rows = read_gradebook(out)
    assert {s for s, _ in rows} == {s for s, _ in adversarial["rows"]}
    assert rows[("bob", question_ids(adversarial["source_nb"])[0][0])]["status"] == "not attempted"


def test_deleted_cells_are_restored_and_noted(adversarial):
    feedback = (adversarial["out"] / "feedback" / "leo.md").read_text()
    assert "You deleted the test cell" in feedback and "was missing" in feedback
    first = cells.grade_id(gf.answer_cells(adversarial["student_nb"])[0])[: -len("-answer")]
    assert rows_of(adversarial, "leo")[first]["status"] == "not attempted"


def test_feedback_files_and_summary(adversarial):
    files = sorted(p.stem for p in (adversarial["out"] / "feedback").glob("*.md"))
    assert len(files) == 14
    text = summary_text(adversarial["summary"])
    assert "Graded 14 submissions from 14 students" in text and "Needs a look" in text
    assert "all tests passed" not in (adversarial["out"] / "feedback" / "alice.md").read_text().lower()


# --- round trip over every assignment ---------------------------------------------------

@pytest.fixture(scope="module")
def round_trip(tmp_path_factory):
    base = tmp_path_factory.mktemp("roundtrip")
    for source in release.source_notebooks(SOURCE):
        source_nb = nbformat.read(source, as_version=4)
        student_nb = release.student_notebook(source_nb, source.stem)
        for student, nb in (("solver", gf.solved(student_nb, source_nb)), ("idle", student_nb)):
            folder = base / "subs" / student / source.stem  # nbgrader's layout: student/assignment/file
            folder.mkdir(parents=True)
            nbformat.write(nb, folder / source.name)
    out = base / "out"
    grade([base / "subs"], out, workers=2, progress=False)
    with open(out / "gradebook.csv", newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_release_fill_in_grade_gives_full_marks(round_trip):
    solver = [r for r in round_trip if r["student"] == "solver"]
    assert {r["assignment"] for r in solver} == {p.stem for p in release.source_notebooks(SOURCE)}
    for row in solver:
        if row["status"] == "manual":
            continue
        assert row["status"] == "correct" and row["points"] == row["max"], row


def test_release_then_grade_as_is_gives_zero(round_trip):
    idle = [r for r in round_trip if r["student"] == "idle"]
    assert idle and all(r["status"] == "not attempted" and float(r["points"]) == 0 for r in idle)


def test_cells_unchanged_since_release_are_not_reported_when_the_source_moved_on():
    from alliance.grading.assemble import assemble

    source_nb = nbformat.read(SOURCE / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    released = release.student_notebook(source_nb, ASSIGNMENT)
    later = copy.deepcopy(source_nb)
    later.cells[0].source += "\n\nA sentence added after release."
    assert not [n for n in assemble(later, released, ASSIGNMENT).notes if "edited" in n]
    edited = copy.deepcopy(released)
    edited.cells[0].source = "mine now"
    assert any("You edited locked cell 1" in n for n in assemble(later, edited, ASSIGNMENT).notes)
