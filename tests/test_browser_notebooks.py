"""Every lesson notebook in real JupyterLab and headless Chromium, with the network blocked."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

import lab_harness as lab
from alliance import charts

REPO = Path(__file__).resolve().parents[1]
LESSONS = sorted(REPO.glob("notebooks/*.ipynb"))


def committed_chart_count(path: Path) -> int:
    """Charts the committed notebook shows: in cell outputs and in explorers' Output widgets."""
    nb = nbformat.read(path, as_version=4)
    in_cells = sum(charts.VEGALITE_MIMETYPE in o.get("data", {}) for c in nb.cells if c.cell_type == "code"
                   for o in c.outputs)
    state = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {}).get("state", {})
    in_widgets = sum(charts.VEGALITE_MIMETYPE in o.get("data", {}) for model in state.values()
                     if model.get("model_name") == "OutputModel" for o in model["state"].get("outputs", []))
    return in_cells + in_widgets


@pytest.mark.browser
@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_lesson_runs_and_draws_in_browser(lab_page, lab_server, path):
    page = lab_page
    lab.open_notebook(page, lab_server, f"notebooks/{path.name}")
    lab.run_all(page)
    shot = lab.screenshot(page, path.stem)
    assert lab.error_outputs(page) == []
    total, drawn = lab.chart_status(page)
    assert total == committed_chart_count(path) and total >= 1
    assert drawn == total, f"{total - drawn} chart(s) did not draw; see {shot}"
    views, failed = lab.widget_status(page)
    assert views >= 1 and failed == 0
    assert page.network.blocked == [], "the notebook tried to reach the network"
    for i, chart in enumerate(page.locator(".vega-embed").all()):
        chart.scroll_into_view_if_needed()
        chart.screenshot(path=str(lab.SCREENSHOT_DIR / f"{path.stem}-chart{i + 1}.png"))


@pytest.mark.browser
def test_start_page_dataset_browser_works_by_keyboard(lab_page, lab_server):
    page = lab_page
    lab.run_notebook(page, lab_server, "notebooks/00_start_here.ipynb")
    picker = page.locator(".widget-dropdown select").first
    summary = page.locator(".widget-html-content:has(h4)").first
    before = summary.inner_text()
    assert "Sources" in before and "Column" in before
    cells = page.locator(".jp-Notebook .jp-Cell").count()
    picker.focus()
    page.keyboard.press("ArrowDown")  # without the shortcut guard, JupyterLab would take this
    page.wait_for_function("(old) => { const e = document.querySelector('.widget-html-content h4');"
                           " return e && e.parentElement.innerText !== old; }", arg=before, timeout=10_000)
    after = summary.inner_text()
    assert after != before and "rows" in after
    assert picker.evaluate("e => e.value") == "events" and "events.csv" in after
    page.keyboard.press("a")  # type-ahead to "actors"; must not insert a cell (notebook shortcut "a")
    page.wait_for_function("() => document.querySelector('.widget-dropdown select').value === 'actors'",
                           timeout=10_000)
    assert page.locator(".jp-Notebook .jp-Cell").count() == cells
    summary.scroll_into_view_if_needed()
    lab.screenshot(page, "00_start_here-dataset-browser")
