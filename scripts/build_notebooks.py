"""Build and execute the lesson notebooks (notebooks/*.ipynb) from lessons/*.py.

Usage: python scripts/build_notebooks.py [LESSON ...]   (default: every lesson)
       e.g. python scripts/build_notebooks.py 00_start_here

Each notebook runs top to bottom on a fresh kernel in notebooks/ and is written
there. Run it after editing a lesson source or the data.
"""

import sys
import time
from pathlib import Path

import nbformat

from alliance import notebooks

ROOT = Path(__file__).resolve().parents[1]


def main(names: list[str]) -> int:
    sequence = notebooks.lesson_sources(ROOT)
    chosen = [s for s in sequence if not names or s.stem in names]
    unknown = set(names) - {s.stem for s in sequence}
    if unknown:
        print(f"unknown lessons: {sorted(unknown)}; known: {[s.stem for s in sequence]}", file=sys.stderr)
        return 2
    for source in chosen:
        start = time.monotonic()
        nb = notebooks.assemble(source, sequence)
        notebooks.execute(nb, ROOT / "notebooks")
        target = notebooks.notebook_path(source)
        nbformat.write(nb, target)
        print(f"{target.relative_to(ROOT)}: {len(nb.cells)} cells, {target.stat().st_size // 1000} KB, "
              f"{time.monotonic() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
