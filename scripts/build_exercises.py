"""Build the instructors' exercise notebooks from their authoring sources, then release.

Usage: python scripts/build_exercises.py [NAME ...]   (default: every exercise)

exercises/authoring/<name>.py (jupytext, with solution/test/open markers)
  -> exercises/source/<name>/<name>.ipynb  (nbgrader metadata, executed: every check correct)
  -> exercises/student/<name>/<name>.ipynb (via `alliance release`)
"""

import sys
import time
from pathlib import Path

import jupytext
import nbformat

from alliance import exercise_cells, notebooks, release

ROOT = Path(__file__).resolve().parents[1]
AUTHORING = ROOT / "exercises" / "authoring"


def build(source: Path) -> Path:
    name = source.stem
    nb = exercise_cells.from_authoring(jupytext.read(source), name)
    nb.metadata.pop("jupytext", None)
    nb.metadata.pop("assignment", None)  # notebooks carry only kernelspec and language_info
    nb.metadata["kernelspec"] = dict(notebooks.KERNELSPEC)
    nb.metadata["language_info"] = {"name": "python"}
    target = ROOT / "exercises" / "source" / name / f"{name}.ipynb"
    target.parent.mkdir(parents=True, exist_ok=True)
    notebooks.execute(nb, target.parent)
    failed = [c for c in nb.cells if exercise_cells.is_test(c) and "Correct" not in str(c.get("outputs"))]
    if failed:
        raise SystemExit(f"{name}: these checks do not report Correct on the solutions: "
                         f"{[exercise_cells.grade_id(c) for c in failed]}")
    nbformat.write(nb, target)
    return target


def main(names: list[str]) -> int:
    sources = sorted(AUTHORING.glob("*.py"))
    unknown = set(names) - {s.stem for s in sources}
    if unknown:
        print(f"unknown exercises: {sorted(unknown)}; known: {[s.stem for s in sources]}", file=sys.stderr)
        return 2
    for source in sources:
        if names and source.stem not in names:
            continue
        start = time.monotonic()
        target = build(source)
        print(f"{target.relative_to(ROOT)}: {time.monotonic() - start:.1f} s")
    for item in release.release(ROOT / "exercises" / "source", ROOT / "exercises" / "student", names or None):
        print(f"{item.target.relative_to(ROOT)}: {'written' if item.changed else 'unchanged'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
