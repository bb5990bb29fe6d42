"""`alliance release`: build the learners' notebooks (exercises/student/) from the
instructors' (exercises/source/).

Solutions become stubs, hidden tests go, outputs are cleared, and each locked cell's
checksum is recorded so `alliance grade` can tell a learner which cells they changed.
The result is deterministic: the same source always gives byte-identical notebooks,
which is how the test suite knows the committed student notebooks are up to date.
"""

from __future__ import annotations

import copy
import hashlib
from dataclasses import dataclass
from pathlib import Path

import nbformat

from . import exercise_cells as cells


@dataclass
class Released:
    name: str
    source: Path
    target: Path
    changed: bool


def source_notebooks(source_dir: Path) -> list[Path]:
    """exercises/source/<name>/<name>.ipynb in course order: ex01…ex09, then the rest (the capstone)."""
    found = [p for p in source_dir.glob("*/*.ipynb") if p.stem == p.parent.name]
    return sorted(found, key=lambda p: (not p.stem.startswith("ex"), p.stem))


def student_notebook(source_nb, name: str):
    nb = copy.deepcopy(source_nb)
    nb.cells = [cells.student_cell(c) for c in nb.cells]
    for cell in nb.cells:
        if cells.is_locked(cell) or cells.is_test(cell):
            cell.metadata.setdefault("alliance", {})["checksum"] = cells.checksum(cell)
    digest = hashlib.sha256(nbformat.writes(source_nb).encode()).hexdigest()
    nb.metadata["alliance"] = {"assignment": name, "source_sha256": digest}
    return nb


def render(source: Path) -> str:
    nb = nbformat.read(source, as_version=4)
    return nbformat.writes(student_notebook(nb, source.stem)) + "\n"


def release(source_dir: Path, student_dir: Path, names: list[str] | None = None,
            write: bool = True) -> list[Released]:
    """Release every source notebook (or `names`); with write=False only report what would change."""
    results = []
    for source in source_notebooks(source_dir):
        if names and source.stem not in names:
            continue
        target = student_dir / source.stem / source.name
        text = render(source)
        changed = not target.exists() or target.read_text(encoding="utf-8") != text
        if write and changed:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        results.append(Released(source.stem, source, target, changed))
    return results
