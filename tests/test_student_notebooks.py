"""Student notebooks run top to bottom as handed out, and every check says "Not attempted"."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from alliance import exercise_cells as cells

ROOT = Path(__file__).resolve().parents[1]
STUDENT = sorted((ROOT / "exercises" / "student").glob("*/*.ipynb"))


@pytest.mark.parametrize("path", STUDENT, ids=[p.stem for p in STUDENT])
def test_untouched_student_notebook_runs_and_says_not_attempted(path, tmp_path):
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    tests = [c for c in nb.cells if cells.is_test(c)]
    assert len(tests) >= 4
    for cell in tests:
        text = "".join(str(o.get("data", {}).get("text/plain", "")) + str(o.get("text", "")) for o in cell.outputs)
        assert "Not attempted" in text, f"{cells.grade_id(cell)}: {text[:200]}"
        assert "Correct" not in text
