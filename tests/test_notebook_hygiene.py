"""Every committed notebook: valid, run top to bottom, clean, small, in sync with its source."""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest

from alliance import notebooks

REPO = Path(__file__).resolve().parents[1]
COMMITTED = sorted(REPO.glob("notebooks/*.ipynb")) + sorted(REPO.glob("exercises/**/*.ipynb"))
MAX_BYTES = 500_000
ABSOLUTE_PATH = re.compile(r"(/home/|/root/|/tmp/|/work/|/Users/|/private/var/|[A-Za-z]:\\\\Users)")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
ALLOWED_METADATA = {"kernelspec", "language_info", "course", "widgets", "nbgrader", "alliance"}
ids = [str(p.relative_to(REPO)) for p in COMMITTED]


def test_there_are_notebooks():
    assert (REPO / "notebooks" / "00_start_here.ipynb") in COMMITTED


@pytest.mark.parametrize("path", COMMITTED, ids=ids)
def test_valid_with_python3_kernel(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata.kernelspec["name"] == "python3"


@pytest.mark.parametrize("path", [p for p in COMMITTED if "exercises/student" not in str(p)],
                         ids=[i for i in ids if "exercises/student" not in i])
def test_executed_top_to_bottom_without_errors(path):
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1))
    errors = [o for c in code for o in c.outputs if o.output_type == "error"]
    assert not errors, [e.get("ename") for e in errors]


@pytest.mark.parametrize("path", COMMITTED, ids=ids)
def test_no_absolute_paths_or_personal_metadata(path):
    text = path.read_text(encoding="utf-8")
    assert not ABSOLUTE_PATH.search(text), ABSOLUTE_PATH.search(text).group(0)
    assert not EMAIL.search(text), EMAIL.search(text).group(0)
    nb = json.loads(text)
    assert set(nb["metadata"]) <= ALLOWED_METADATA, set(nb["metadata"]) - ALLOWED_METADATA
    for cell in nb["cells"]:
        assert "execution" not in cell.get("metadata", {}), "timing metadata left in"


@pytest.mark.parametrize("path", COMMITTED, ids=ids)
def test_small_enough(path):
    assert path.stat().st_size <= MAX_BYTES, f"{path.name} is {path.stat().st_size // 1000} KB"


SOURCES = notebooks.lesson_sources(REPO)


@pytest.mark.parametrize("source", SOURCES, ids=[s.stem for s in SOURCES])
def test_lesson_matches_its_source(source):
    """The committed notebook was built from the current source (scripts/build_notebooks.py)."""
    built = notebooks.assemble(source, SOURCES)
    committed = nbformat.read(notebooks.notebook_path(source), as_version=4)
    assert [c.source for c in committed.cells] == [c.source for c in built.cells], \
        f"{source.name} changed: run python scripts/build_notebooks.py {source.stem}"
    assert committed.metadata["course"] == built.metadata["course"]


@pytest.mark.parametrize("source", SOURCES, ids=[s.stem for s in SOURCES])
def test_lesson_has_course_metadata_and_setup_cell(source):
    nb = nbformat.read(notebooks.notebook_path(source), as_version=4)
    course = nb.metadata["course"]
    assert all(course.get(k) not in (None, "", []) for k in ("title", "questions", "objectives", "keypoints"))
    assert isinstance(course["teaching"], int) and isinstance(course["exercises"], int)
    first_code = next(c for c in nb.cells if c.cell_type == "code")
    assert "alliance.setup()" in first_code.source
    kinds = [c.metadata.get("alliance", {}).get("generated") for c in nb.cells]
    assert kinds[0] == "header" and kinds[-2:] == ["keypoints", "navigation"]


def saved_chart_specs(path):
    """Every Vega-Lite spec a committed notebook shows: cell outputs and explorers' saved views."""
    from alliance import charts

    nb = nbformat.read(path, as_version=4)
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    state = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {}).get("state", {})
    outputs += [o for m in state.values() if m.get("model_name") == "OutputModel" for o in m["state"].get("outputs", [])]
    return [o["data"][charts.VEGALITE_MIMETYPE] for o in outputs if charts.VEGALITE_MIMETYPE in o.get("data", {})]


LESSONS = sorted(REPO.glob("notebooks/*.ipynb"))


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_every_chart_has_title_source_and_description(path):
    specs = saved_chart_specs(path)
    body_charts = sum(1 for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"
                      for o in c.outputs if "application/vnd.vegalite.v5+json" in o.get("data", {}))
    assert body_charts >= (1 if path.stem.startswith("00") else 2), "a lesson needs at least two charts"
    for spec in specs:
        # A compound chart (map above timeline) may title its parts; each part is then checked.
        parts = spec.get("vconcat") or spec.get("hconcat") or [spec]
        for part in parts if not spec.get("title") else [spec]:
            title = part.get("title")
            assert title, "chart without a title"
            text = title["text"] if isinstance(title, dict) else title
            subtitle = title.get("subtitle", []) if isinstance(title, dict) else []
            subtitle = [subtitle] if isinstance(subtitle, str) else subtitle
            assert any("Source" in line or "Map:" in line for line in subtitle), f"{text!r}: no source line"
        # The top-level description is what a screen reader announces for the whole chart.
        assert len(spec.get("description", "")) >= 20, f"{spec.get('title')!r}: no description for screen readers"


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_links_between_notebooks_resolve(path):
    """Every relative .ipynb link in a notebook's markdown points at a notebook that exists."""
    nb = nbformat.read(path, as_version=4)
    targets = [t for c in nb.cells if c.cell_type == "markdown"
               for t in re.findall(r"\]\(([^)#:\s]+\.ipynb)\)", c.source)]
    missing = [t for t in targets if not (path.parent / t).exists()]
    assert not missing, missing
