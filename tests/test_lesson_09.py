"""Lesson 09: the decision matrix logic, the charts, and the explorer in a browser."""

from __future__ import annotations

import pytest

import alliance
import lab_harness as lab
from alliance import charts, data
from alliance.lessons import l09_what_could_help as lesson

OPTIONS = list(lesson.option_names())


def neutral(**changes):
    values = {f"weight__{c}": 3 for c in lesson.CRITERIA}
    values.update({f"score__{o}__{c}": 3 for o in OPTIONS for c in lesson.CRITERIA})
    values["sensitivity"] = "attacks"
    values.update(changes)
    return values


def test_weighted_totals_match_hand_computation():
    scores = {"A": {"x": 5, "y": 1}, "B": {"x": 2, "y": 4}}
    totals = lesson.weighted_totals(scores, {"x": 1, "y": 2})
    assert totals["A"] == pytest.approx((1 * 5 + 2 * 1) / 3)
    assert totals["B"] == pytest.approx((1 * 2 + 2 * 4) / 3)
    assert list(totals.index) == ["B", "A"]  # highest first


def test_all_weights_zero_is_explained_not_divided_by_zero():
    assert lesson.weighted_totals({"A": {"x": 1}}, {"x": 0}) is None
    view = lesson.decision_view(**neutral(**{f"weight__{c}": 0 for c in lesson.CRITERIA}))
    assert "Nothing to show" in view.html and "weight 0" in view.html
    assert view.chart is None


def test_neutral_start_is_a_tie_and_says_so():
    view = lesson.decision_view(**neutral())
    assert "All options tie" in view.html and "not a forecast" in view.html
    assert "robust" in view.html


def test_one_higher_score_makes_that_option_lead():
    view = lesson.decision_view(**neutral(score__monitoring__attacks=5))
    assert "highest total is: <strong>Third-party monitoring of border incidents</strong>" in view.html


def test_sensitivity_finds_where_the_leader_changes():
    # Crossings wins on civilians, monitoring on attacks: the leader depends on the attacks weight.
    values = neutral(score__monitoring__attacks=5, score__crossings__civilians=5, weight__civilians=1)
    scores, weights, criterion = lesson.split_controls(values)
    table = lesson.sensitivity(scores, weights, criterion)
    assert sorted(table["weight"].unique()) == [0, 1, 2, 3, 4, 5]
    segments = lesson.leader_segments(table)
    assert segments[0] == (0, 0, ["crossings"])      # (0·5 + 1·5 + 3·9) / 10 beats (0 + 3 + 27) / 10
    assert segments[1] == (1, 1, ["crossings", "monitoring"])  # both 35/11
    assert segments[-1] == (2, 5, ["monitoring"])
    view = lesson.decision_view(**values)
    assert "sensitive" in view.html and "tie between" in view.html


def test_sensitivity_chart_spec_is_complete_and_compiles():
    alliance.setup()
    view = lesson.decision_view(**neutral(score__kabul__speed=2))
    spec = view.chart.to_dict()
    assert spec["title"]["text"] == "How your ranking changes with one weight"
    assert "dashed line" in spec["description"] or "dashed" in spec["description"]
    lines = spec["layer"][0]["encoding"]
    assert lines["x"]["title"].startswith("Weight of") and lines["y"]["title"] == "Weighted score (1–5)"
    assert {t["title"] for t in lines["tooltip"]} == {"Option", "Weight", "Weighted score"}
    assert "<svg" in charts.compile_svg(view.chart)


@pytest.mark.parametrize("builder", [lesson.views_by_stance, lesson.views_timeline])
def test_body_charts_are_labelled_sourced_and_compile(builder):
    alliance.setup()
    chart = builder(data.load("option_views"))
    spec = chart.to_dict()
    assert spec["title"]["subtitle"][-1].startswith("Source: ")
    assert spec["description"] and spec["encoding"]["tooltip"]
    assert spec["encoding"]["x"]["title"]
    assert "<svg" in charts.compile_svg(chart)


def test_views_by_stance_counts_every_recorded_view():
    views = data.load("option_views")
    values = lesson.views_by_stance(views).to_dict()["datasets"]
    counted = sum(row["views"] for rows in values.values() for row in rows)
    assert counted == len(views)


def test_timeline_places_partial_dates_on_the_first():
    assert lesson.first_day("2025-11") == "2025-11-01"
    assert lesson.first_day("2017") == "2017-01-01"
    assert lesson.first_day("2025-10-30") == "2025-10-30"
    views = data.load("option_views")
    plotted = sum(len(rows) for rows in lesson.views_timeline(views).to_dict()["datasets"].values())
    assert plotted == views["date"].notna().sum()


def test_every_option_has_views_on_both_sides_of_the_argument():
    views = data.load("option_views")
    for option in OPTIONS:
        stances = set(views[views["option_id"] == option]["stance"])
        assert "for" in stances or "conditions" in stances, option
        assert stances & {"against", "doubt"}, option


@pytest.mark.browser
def test_decision_matrix_responds_to_the_keyboard(lab_page, lab_server):
    page = lab_page
    lab.run_notebook(page, lab_server, "notebooks/09_what_could_help.ipynb")
    result = page.locator(".widget-html-content:has-text('not a forecast')").first
    assert "All options tie" in result.inner_text()
    # Sliders: five weights, then the first tab's five scores (third-party monitoring).
    handle = page.locator(".widget-slider .noUi-handle").nth(5)
    handle.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => [...document.querySelectorAll('.widget-html-content')]"
                           ".some(e => e.innerText.includes('highest total is'))", timeout=10_000)
    assert "Third-party monitoring" in result.inner_text()
    result.scroll_into_view_if_needed()
    lab.screenshot(page, "09_what_could_help-explorer")
