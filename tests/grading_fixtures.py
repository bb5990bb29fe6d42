"""Adversarial submissions for `alliance grade`, made from a released student notebook.

Each maker returns the notebook JSON text for one student; `EXPECTED` says what the
gradebook must show for them. Kept in one place so tests and benchmarks share them.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import nbformat

from alliance import exercise_cells as cells


def solved(student_nb, source_nb):
    """Every answer cell holds the instructors' solution (markers removed)."""
    nb = copy.deepcopy(student_nb)
    by_id = {cells.grade_id(c): c for c in source_nb.cells}
    for cell in nb.cells:
        if cells.is_solution(cell):
            text = by_id[cells.grade_id(cell)].source
            cell.source = "\n".join(line for line in text.splitlines()
                                    if line.strip() not in (cells.BEGIN_SOLUTION, cells.END_SOLUTION))
    return nb


def answer_cells(nb):
    return [c for c in nb.cells if cells.is_solution(c) and c.cell_type == "code"]


def with_code(student_nb, source_nb, code: str, where: int = 0, solve: bool = True):
    """The solved notebook with `code` run first in answer cell number `where` (so that answer is never set)."""
    nb = solved(student_nb, source_nb) if solve else copy.deepcopy(student_nb)
    target = answer_cells(nb)[where]
    lines = target.source.splitlines()
    target.source = "\n".join([lines[0], code, *lines[1:]])  # after the `qN = ____` stub line
    return nb


def rebinds_ex(student_nb, source_nb):
    """A full solution whose first answer cell ends by rebinding `ex` (so later checks would not run)."""
    nb = solved(student_nb, source_nb)
    first = answer_cells(nb)[0]
    first.source += "\nex = None"
    return nb


def make_all(student_nb, source_nb, outside: Path) -> dict[str, str]:
    """student id -> notebook text (or raw bytes-as-text for broken files)."""
    dump = nbformat.writes
    full = dump(solved(student_nb, source_nb))
    tampered = solved(student_nb, source_nb)
    first = answer_cells(tampered)[0]
    first.source = ("ex.check = lambda *args, **kwargs: print('Correct')\n"
                    "import alliance.checks\nalliance.checks.Question.check = lambda self, value=None: None\n"
                    + "\n".join(f"{c.source.split('=')[0].strip()} = ____" for c in answer_cells(tampered)[:1]))
    for cell in tampered.cells:
        if cells.is_test(cell):
            cell.source = "print('all good')"
            break
    deleted = solved(student_nb, source_nb)
    deleted.cells = [c for c in deleted.cells if not (cells.is_test(c) or cells.is_solution(c) and c is answer_cells(deleted)[0])]
    return {
        "alice": full,
        "bob": dump(student_nb),
        "dave": full[: len(full) // 2],
        "erin": dump(with_code(student_nb, source_nb, "while True:\n    pass", where=1)),
        "frank": dump(with_code(student_nb, source_nb, "import sys\nsys.exit()", where=1)),
        "gina": dump(with_code(student_nb, source_nb, "import os\nos._exit(1)", where=1)),
        "hank": dump(with_code(student_nb, source_nb, "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)",
                               where=1)),
        "ivan": dump(with_code(student_nb, source_nb, "print('x' * 11_000_000)", where=1)),
        "jane": dump(with_code(student_nb, source_nb,
                               f"open({str(outside / 'escaped.txt')!r}, 'w').write('x')", where=1)),
        "kate": dump(tampered),
        "leo": dump(deleted),
        "mia": dump(with_code(student_nb, source_nb, "hog = bytearray(6 * 1024 ** 3)", where=1)),
        "ned": json.dumps(["not", "a", "notebook"]),
        "olga": dump(rebinds_ex(student_nb, source_nb)),
    }
