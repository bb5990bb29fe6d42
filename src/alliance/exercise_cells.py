"""Small transforms on exercise notebooks, shared by the build, `release` and `grade`.

Cells follow nbgrader's metadata schema v3 (`metadata.nbgrader`), so the same
notebooks work with nbgrader. Authoring sources (exercises/authoring/*.py, jupytext)
mark cells with short keys that `from_authoring` turns into that metadata:

    # %% solution="q1"               learner's answer cell (grade_id "q1-answer")
    # %% test="q1" points=2          locked test cell, graded (grade_id "q1")
    # %% [markdown] open="q5" points=4   written answer, graded by a person
    everything else                  locked (instructions, set-up)
"""

from __future__ import annotations

import copy
import hashlib
import re

SCHEMA = 3
BEGIN_SOLUTION, END_SOLUTION = "### BEGIN SOLUTION", "### END SOLUTION"
BEGIN_HIDDEN, END_HIDDEN = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"
# Same stubs as exercises/nbgrader_config.py, so both tools give learners the same cells.
CODE_STUB = "# YOUR CODE HERE: replace ____ above with your answer"
TEXT_STUB = "YOUR ANSWER HERE"
CHECK_CALL = re.compile(r"""\bex\.(?:check|require)\(\s*["']([\w.]+)["']""")


class ExerciseFormatError(ValueError):
    pass


def nbgrader(cell) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {}) or {}


def grade_id(cell) -> str | None:
    return nbgrader(cell).get("grade_id")


def is_solution(cell) -> bool:
    return bool(nbgrader(cell).get("solution"))


def is_test(cell) -> bool:
    meta = nbgrader(cell)
    return bool(meta.get("grade")) and not meta.get("solution") and cell.get("cell_type") == "code"


def is_open(cell) -> bool:
    meta = nbgrader(cell)
    return bool(meta.get("grade")) and bool(meta.get("solution")) and cell.get("cell_type") == "markdown"


def is_locked(cell) -> bool:
    return bool(nbgrader(cell).get("locked"))


def points(cell) -> float:
    return float(nbgrader(cell).get("points", 0) or 0)


def checked_ids(source: str) -> list[str]:
    """Question ids a test cell checks: ex.check("q1", ...) and ex.require("q1.hidden", ...)."""
    return CHECK_CALL.findall(source)


def _meta(grade: bool, solution: bool, locked: bool, gid: str, pts: float | None = None) -> dict:
    meta = {"grade": grade, "grade_id": gid, "locked": locked, "schema_version": SCHEMA,
            "solution": solution, "task": False}
    if grade:
        meta["points"] = pts
    return meta


def from_authoring(nb, name: str):
    """Turn authoring markers into nbgrader metadata; check the cells are well formed."""
    nb = copy.deepcopy(nb)
    seen: set[str] = set()
    for index, cell in enumerate(nb.cells):
        md = cell.metadata
        solution, test, open_ = md.pop("solution", None), md.pop("test", None), md.pop("open", None)
        pts = md.pop("points", None)
        where = f"{name} cell {index}"
        if solution:
            if BEGIN_SOLUTION not in cell.source or END_SOLUTION not in cell.source:
                raise ExerciseFormatError(f"{where}: solution cell {solution!r} needs {BEGIN_SOLUTION} … {END_SOLUTION}")
            md["nbgrader"] = _meta(False, True, False, f"{solution}-answer")
        elif test:
            if not pts:
                raise ExerciseFormatError(f"{where}: test cell {test!r} needs points=N")
            if BEGIN_HIDDEN not in cell.source:
                raise ExerciseFormatError(f"{where}: test cell {test!r} needs a {BEGIN_HIDDEN} part")
            if not any(q == test or q.startswith(test + ".") for q in checked_ids(cell.source)):
                raise ExerciseFormatError(f"{where}: test cell {test!r} never checks {test!r}")
            md["nbgrader"] = _meta(True, False, True, test, float(pts))
            md.setdefault("tags", [])
            if "nbval-check-output" not in md["tags"]:
                md["tags"].append("nbval-check-output")
        elif open_:
            if cell.cell_type != "markdown" or not pts:
                raise ExerciseFormatError(f"{where}: open question {open_!r} must be markdown with points=N")
            md["nbgrader"] = _meta(True, True, False, open_, float(pts))
        else:
            md["nbgrader"] = _meta(False, False, True, f"{name}-cell-{index:03d}")
        gid = md["nbgrader"]["grade_id"]
        if gid in seen:
            raise ExerciseFormatError(f"{where}: grade_id {gid!r} is used twice")
        seen.add(gid)
        cell.id = f"{name}-{index:03d}"
    return nb


def remove_region(source: str, begin: str, end: str, replacement: str | None) -> str:
    """Drop every begin…end region (markers included), putting `replacement` in its place."""
    lines, out, inside = source.splitlines(), [], False
    for line in lines:
        stripped = line.strip()
        if stripped == begin:
            inside = True
            if replacement is not None:
                indent = line[: len(line) - len(line.lstrip())]
                out.append(indent + replacement)
            continue
        if stripped == end and inside:
            inside = False
            continue
        if not inside:
            out.append(line)
    return "\n".join(out).rstrip()


def student_cell(cell):
    """The learner's version of a source cell: no solution, no hidden tests, no outputs."""
    cell = copy.deepcopy(cell)
    if cell.cell_type == "code":
        cell.outputs, cell.execution_count = [], None
    if is_solution(cell):
        if cell.cell_type == "markdown" and BEGIN_SOLUTION not in cell.source:
            cell.source = TEXT_STUB
        else:
            stub = CODE_STUB if cell.cell_type == "code" else TEXT_STUB
            cell.source = remove_region(cell.source, BEGIN_SOLUTION, END_SOLUTION, stub)
    if is_test(cell):
        cell.source = remove_region(cell.source, BEGIN_HIDDEN, END_HIDDEN, None)
    cell.metadata.pop("execution", None)
    return cell


def checksum(cell) -> str:
    """What a locked cell must still be in a submission: its type and source."""
    return hashlib.sha256(f"{cell.cell_type}\n{cell.source.strip()}".encode()).hexdigest()
