"""A learner works through an exercise in JupyterLab: checks, a named mistake, hints, a right answer."""

from __future__ import annotations

import pytest

NOTEBOOK = "exercises/student/ex03/ex03.ipynb"


def cell_by_grade_id(page, grade_id: str):
    """The notebook cell whose nbgrader grade_id is `grade_id` (cells keep their ids in the DOM model)."""
    index = page.evaluate(
        """(gid) => {
            const panel = window.jupyterapp.shell.currentWidget;
            const cells = panel.content.widgets;
            return cells.findIndex(c => ((c.model.getMetadata('nbgrader') || {}).grade_id) === gid);
        }""", grade_id)
    assert index >= 0, grade_id
    return page.locator(".jp-Notebook .jp-Cell").nth(index)


def replace_source(page, cell, text: str) -> None:
    editor = cell.locator(".cm-content")
    editor.click()
    page.keyboard.press("Control+a")
    page.keyboard.type(text)


def output_text(cell) -> str:
    return cell.locator(".jp-OutputArea").inner_text()


@pytest.mark.browser
def test_learner_checks_gets_a_named_mistake_then_hints_then_correct(lab_page, lab_server):
    import lab_harness as lab

    page = lab_page
    lab.run_notebook(page, lab_server, NOTEBOOK)
    checks = page.locator(".jp-Cell").filter(has_text="ex.check(")
    texts = [t for t in checks.locator(".jp-OutputArea").all_inner_texts() if t.strip()]
    assert len(texts) >= 4 and all("Not attempted" in t for t in texts), texts

    answer, check = cell_by_grade_id(page, "q1-answer"), cell_by_grade_id(page, "q1")
    # A typical slip: the percent change instead of the change in deaths.
    replace_source(page, answer, "q1_answer = 154.33\nex.hint('q1')")
    page.keyboard.press("Shift+Enter")
    page.wait_for_function("() => document.body.innerText.includes('hint 1 of 3')", timeout=30_000)
    check.locator(".jp-InputArea").click()
    page.keyboard.press("Shift+Enter")
    page.wait_for_function("() => document.body.innerText.includes('That is the percent change')", timeout=30_000)
    assert "Not yet" in output_text(check) and "percent change" in output_text(check)
    answer.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    lab.screenshot(page, "exercise-ex03-mistake")

    # Asking again gives the next hint.
    answer.locator(".jp-InputArea").click()
    page.keyboard.press("Shift+Enter")
    page.wait_for_function("() => document.body.innerText.includes('hint 2 of 3')", timeout=30_000)

    # The answer computed from the data, as the question asks.
    replace_source(page, answer, (
        "pips = violence[(violence['publisher'] == 'PIPS') & (violence['region'] == 'Pakistan')\n"
        "    & (violence['period'] == 'annual') & (violence['metric'] == 'fatalities_total')]\n"
        "by_year = pips.set_index('year')['value']\n"
        "q1_answer = by_year[2024] - by_year[2021]"))
    page.keyboard.press("Shift+Enter")
    check.locator(".jp-InputArea").click()
    page.keyboard.press("Shift+Enter")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.jp-OutputArea')].some(e => e.innerText.includes('q1: Correct'))",
        timeout=30_000)
    text = output_text(check)
    assert "hidden tests" in text and "all tests passed" not in text.lower()
    assert lab.error_outputs(page) == []
    answer.scroll_into_view_if_needed()
    page.mouse.wheel(0, -150)
    page.wait_for_timeout(500)
    lab.screenshot(page, "exercise-ex03-feedback")
    assert page.network.blocked == [], page.network.blocked
