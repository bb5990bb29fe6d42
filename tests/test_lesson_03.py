"""Lesson 03 · The TTP surge: the one-value-per-year rule, the charts, the explorer, and the
explorer driven by keyboard in a real JupyterLab."""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

import altair as alt
import pytest

from alliance import charts, data
from alliance.lessons import l03_the_ttp_surge as lesson
from spec_tools import assert_same_views, axis_titles, encodings, tooltip_titles

REPO = Path(__file__).resolve().parents[1]
NOTEBOOK = "notebooks/03_the_ttp_surge.ipynb"


def raw_rows() -> list[dict]:
    with open(REPO / "course_data" / "violence.csv", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def latest_by_hand() -> dict[tuple, float]:
    """The stated rule, re-implemented on the raw CSV: highest vintage, then the later release."""
    best: dict[tuple, tuple] = {}
    for r in raw_rows():
        key = (r["publisher"], r["definition"], r["region"], r["metric"], int(r["year"]), r["period"])
        rank = (int(r["vintage"]), lesson.RELEASE_ORDER[r["release"]])
        if key not in best or rank >= best[key][0]:
            best[key] = (rank, float(r["value"]))
    return {k: v for k, (_, v) in best.items()}


def spec_titles(spec: dict) -> tuple[list[str], str]:
    title = spec["title"]
    return [title["text"], *title["subtitle"]], spec["description"]


def check_chart(chart, title_word: str, axis: set[str], tooltips: set[str]):
    spec = chart.to_dict()
    lines, description = spec_titles(spec)
    assert title_word in lines[0]
    assert any(line.startswith("Source: ") for line in lines[1:])
    assert len(description) > 60
    assert axis <= axis_titles(spec), axis_titles(spec)
    assert tooltips <= tooltip_titles(spec), tooltip_titles(spec)
    svg = charts.compile_svg(chart)
    assert svg.startswith("<svg") and "<path" in svg
    return spec


# --- Data and the one-value rule ---------------------------------------------------

def test_every_release_has_an_order():
    assert {r["release"] for r in raw_rows()} <= set(lesson.RELEASE_ORDER)


def test_latest_values_follow_the_stated_rule():
    expected = latest_by_hand()
    got = lesson.latest_values(lesson.prepared())
    assert len(got) == len(expected)
    for r in got.itertuples():
        assert r.value == expected[(r.publisher, r.definition, r.region, r.metric, r.year, r.period)]


@pytest.mark.parametrize("definition,year,period,value", [
    ("crss_terror_counterterror", 2024, "annual", 2555),   # restated in the 2025 annual report
    ("crss_terror_counterterror", 2023, "annual", 1533),   # annual report 2024 beats the Q3 2024 report
    ("crss_terror_counterterror", 2025, "Q1", 900),        # Q2 2025 report beats the Q1 2025 report
    ("picss_combat_overall", 2025, "annual", 3413),        # January 2026 release beats December 2025
    ("crss_violence_broad", 2014, "annual", 7622),         # 2015 report restates 2014
])
def test_known_revisions_resolve_to_the_latest_report(definition, year, period, value):
    got = lesson.latest_values(lesson.prepared())
    row = got[(got["definition"] == definition) & (got["year"] == year) & (got["period"] == period)
              & (got["region"] == "Pakistan") & (got["metric"] == "fatalities_total")]
    assert row["value"].tolist() == [value]


def test_revisions_lists_every_figure_printed_with_two_values():
    values = defaultdict(set)
    for r in raw_rows():
        values[(r["publisher"], r["definition"], r["region"], r["metric"], int(r["year"]), r["period"])].add(
            float(r["value"]))
    revised = {k for k, v in values.items() if len(v) > 1}
    table = lesson.revisions()
    assert len(table) == len(revised)
    crss_2023 = table[(table["publisher"] == "CRSS") & (table["year"] == 2023) & (table["region"] == "Pakistan")
                      & (table["metric"] == "fatalities_total")].iloc[0]
    assert (crss_2023["first value"], crss_2023["latest value"], crss_2023["reports"]) == (1524, 1533, 3)


def test_weak_copies_are_flagged_from_sources_caution():
    caution = {r["source_id"]: r["caution"] == "true"
               for r in csv.DictReader(open(REPO / "course_data" / "sources.csv", encoding="utf-8"))}
    frame = lesson.prepared()
    for r in frame.itertuples():
        assert r.weak == any(caution[s] for s in data.split_ids(r.source_ids))
    assert frame["weak"].any() and not frame["weak"].all()


def test_kp_scope_reads_the_notes():
    frame = lesson.prepared()
    kp = frame[(frame["region"] == "Khyber Pakhtunkhwa") & (frame["metric"] == "fatalities_total")
               & (frame["period"] == "annual")]
    scope = kp.set_index(["definition", "year", "vintage", "release"])["scope"]
    assert scope.index.is_unique
    assert scope[("picss_militant_attacks", 2024, 2024, "as published")].startswith("without")
    assert scope[("picss_militant_attacks", 2023, 2023, "as published")] == "unclear"
    assert scope[("crss_terror_counterterror", 2022, 2022, "CRSS web page")].startswith("probably with")
    assert scope[("crss_terror_counterterror", 2022, 2022, "first-release table")].startswith("without")
    assert (frame.loc[frame["region"] != "Khyber Pakhtunkhwa", "scope"] == "").all()


# --- Charts ---------------------------------------------------------------------------

LINE_TOOLTIPS = {"Definition", "Year", "From the", "Copy read", "Note"}


def test_scope_change_chart_keeps_the_two_crss_definitions_apart():
    chart = lesson.scope_change_chart()
    spec = check_chart(chart, "CRSS", {"Year (calendar)", "Deaths (people)"}, LINE_TOOLTIPS | {"Deaths"})
    spec_data = spec["datasets"]
    line_rows = [r for values in spec_data.values() for r in values if "segment" in r]
    assert {r["definition"] for r in line_rows} == {"crss_violence_broad", "crss_terror_counterterror"}
    # No line segment mixes definitions, and the scope change gets a rule between 2017 and 2018.
    by_segment = defaultdict(set)
    for r in line_rows:
        by_segment[r["segment"]].add(r["definition"])
    assert all(len(v) == 1 for v in by_segment.values())
    rules = [r for values in spec_data.values() for r in values if "text" in r and "x" in r]
    assert rules == [{"x": 2017.5, "text": "CRSS changes what it counts"}]


def test_publishers_chart_draws_one_line_per_definition_and_breaks_at_gaps():
    chart = lesson.publishers_chart()
    spec = check_chart(chart, "rulers", {"Year (calendar)", "Deaths (people)"}, LINE_TOOLTIPS)
    line_rows = [r for values in spec["datasets"].values() for r in values if "segment" in r]
    expected = {(k[1], k[4]) for k, v in latest_by_hand().items()
                if k[2] == "Pakistan" and k[3] == "fatalities_total" and k[5] == "annual"
                and 2014 <= k[4] <= 2025 and k[1] != "crss_terror_attacks_only"}
    assert {(r["definition"], r["year"]) for r in line_rows} == expected
    pips = sorted((r["year"], r["segment"]) for r in line_rows if r["definition"] == "pips_attacks")
    # PIPS has no 2019 death total: 2018 and 2020 sit on different segments.
    seg = dict(pips)
    assert 2019 not in seg and seg[2018] != seg[2020]
    colours = [enc["color"] for enc in encodings(spec) if "color" in enc]
    assert all(len(c["scale"]["domain"]) <= 8 for c in colours)


def test_provinces_chart():
    chart = lesson.provinces_chart()
    check_chart(chart, "provinces", {"Year (calendar)", "Deaths (people)"}, {"Province", "KP coverage", "Deaths"})
    rows = lesson.provinces_frame()
    expected = {k for k in latest_by_hand() if k[2] in ("Khyber Pakhtunkhwa", "Balochistan")
                and k[3] == "fatalities_total" and k[5] == "annual" and 2014 <= k[4] <= 2025}
    assert len(rows) == len(expected)


def test_victims_chart_only_shows_complete_years():
    chart = lesson.victims_chart()
    check_chart(chart, "Who is counted", {"Year (calendar)", "Deaths (people)"}, {"Who was killed", "Deaths"})
    rows = lesson.victims_frame()
    counts = rows.groupby(["definition", "year"], observed=True).size()
    assert (counts == 3).all()
    assert set(rows.loc[rows["definition"] == "pips_attacks", "year"]) == {2015, 2021, 2023, 2025}
    picss_2025 = rows[(rows["definition"] == "picss_combat_overall") & (rows["year"] == 2025)]
    assert dict(zip(picss_2025["victims"], picss_2025["value"])) == {
        "Civilians": 580, "Security forces": 667, "Militants": 2138}


def test_quarters_chart_and_its_sum():
    chart = lesson.quarters_chart()
    check_chart(chart, "Quarter", {"Quarter (three months)", "Deaths (people)"}, {"Quarter", "Deaths", "From the"})
    rows = lesson.quarters_frame()
    assert rows["quarter"].tolist() == ["2024 Q1", "2024 Q2", "2024 Q3", "2024 Q4", "2025 Q1", "2025 Q2", "2025 Q3"]
    assert rows["value"].tolist() == [432, 380, 722, 1028, 900, 615, 901]


def test_victims_vs_claim_sets_the_ispr_claim_beside_the_counts():
    table = lesson.victims_vs_claim()
    assert table.loc["Security forces killed", "ISPR"] == 383
    assert table.loc["Security forces killed", "CRSS"] == 685
    assert table.loc["Militants killed"].tolist() == [934, 925, 951]


def test_low_and_latest():
    table = lesson.low_and_latest().set_index("definition")
    pips = table.loc[lesson.DEFINITION_LABELS["pips_attacks"]]
    assert (pips["lowest year"], pips["deaths then"], pips["latest year"], pips["deaths latest"]) == (2020, 220, 2025, 1034)
    assert lesson.DEFINITION_LABELS["crss_violence_broad"] not in table.index  # it ends at its low


def test_quotes_are_word_for_word_with_status():
    text = lesson.quotes_html(["q048", "q062"])
    assert "if the problem is your own" in text and "WION" in text and "read at the outlet named" in text
    assert "DID Press" in text and "15 September 2025" in text


# --- The explorer -------------------------------------------------------------------

def test_explorer_warns_and_names_both_crss_definitions():
    view = lesson.explore("CRSS", "fatalities_total", "Pakistan")
    assert "⚠" in view.html and "crss_violence_broad" in view.html and "crss_terror_counterterror" in view.html
    assert "changed its scope in 2018" in view.html
    expected = [k for k in latest_by_hand() if k[0] == "CRSS" and k[2] == "Pakistan" and k[3] == "fatalities_total"
                and k[5] == "annual" and 2014 <= k[4] <= 2025]
    assert f"{len(expected)} yearly values from 3 definitions" in view.html
    assert view.html.count("<tr><td>") == len(expected)
    spec = view.chart.to_dict()
    assert "Deaths, all victims (people)" in axis_titles(spec)
    assert {"Definition", "Copy read"} <= tooltip_titles(spec)
    assert any(r.get("text") == "CRSS changes what it counts" for v in spec["datasets"].values() for r in v)
    charts.compile_svg(view.chart)


def test_explorer_single_definition_has_no_warning():
    view = lesson.explore("PIPS", "attacks", "Pakistan")
    expected = [k for k in latest_by_hand() if k[0] == "PIPS" and k[2] == "Pakistan" and k[3] == "attacks"
                and k[5] == "annual" and 2014 <= k[4] <= 2025]
    assert "⚠" not in view.html and "pips_attacks" in view.html
    assert f"{len(expected)} yearly values from 1 definition." in view.html
    assert "Attacks by militants (attacks)" in axis_titles(view.chart.to_dict())


def test_explorer_all_publishers_mixes_definitions_only_with_a_warning():
    view = lesson.explore(lesson.ALL, "fatalities_militants", "Pakistan")
    assert "⚠" in view.html
    for d in ("pips_attacks", "picss_combat_overall", "ispr_claims"):
        assert d in view.html
    assert "party claim" in view.html or "claims about its own operations" in view.html


def test_explorer_empty_messages_say_what_to_try():
    view = lesson.explore("GTI", "fatalities_total", "Balochistan")
    assert view.chart is None and "Nothing to show" in view.html and "choose Pakistan as the region" in view.html
    view = lesson.explore("CRSS", "attacks", "Balochistan")
    assert view.chart is None and "For Balochistan try deaths, all victims" in view.html


def test_explorer_widget_builds():
    def descendants(widget):
        yield widget
        for child in getattr(widget, "children", ()):
            yield from descendants(child)

    found = list(descendants(lesson.explorer()))
    labels = [c.description for c in found if getattr(c, "description", "")]
    assert labels == ["Publisher:", "What is counted:", "Region:"]
    assert any("⚠" in getattr(c, "value", "") for c in found if isinstance(getattr(c, "value", None), str))


def altair_views(monkeypatch, states):
    """The explorer's views as Altair builds them, without the template (the reference)."""
    with monkeypatch.context() as m:
        m.setattr(lesson, "_templates_apply", lambda: False)
        return [lesson.explore(*state) for state in states]


def test_explorer_chart_from_template_is_the_altair_chart(monkeypatch):
    # Each set of scope breaks (none, 2017/18, 2018/19), one definition or many, all publishers,
    # provinces, weaker copies, one value only, a party claim, and an empty view.
    states = [("CRSS", "fatalities_total", "Pakistan"), ("CRSS", "fatalities_total", "Balochistan"),
              ("CRSS", "injuries", "Pakistan"), (lesson.ALL, "fatalities_total", "Pakistan"),
              (lesson.ALL, "injuries", "Pakistan"), (lesson.ALL, "attacks", "Khyber Pakhtunkhwa"),
              (lesson.ALL, "incidents", "Balochistan"), ("PIPS", "attacks", "Pakistan"),
              ("PICSS", "fatalities_militants", "Pakistan"), ("GTI", "fatalities_total", "Pakistan"),
              ("SATP", "attacks", "Pakistan"), ("ISPR", "fatalities_militants", "Pakistan"),
              ("CRSS", "attacks", "Balochistan")]
    fast = [lesson.explore(*state) for state in states]
    slow = altair_views(monkeypatch, states)
    drawn = assert_same_views(states, fast, slow)
    assert drawn == len(states) - 1
    assert {type(v.chart).__name__ for v in fast if v.chart is not None} == {"LayerChart"}


def test_explorer_chart_from_template_follows_changes_and_theme(monkeypatch):
    chart = lesson.explore("PIPS", "attacks", "Pakistan").chart
    assert chart.properties(description="changed").to_dict()["description"] == "changed"
    chart.description = "set on the chart"
    assert chart.to_dict()["description"] == "set on the chart"
    with alt.theme.enable("default"):
        fast = lesson.explore("CRSS", "fatalities_total", "Pakistan").chart.to_dict()
        (slow,) = altair_views(monkeypatch, [("CRSS", "fatalities_total", "Pakistan")])
        assert fast == slow.chart.to_dict() and "font" not in fast.get("config", {})  # not the course theme


# --- In the browser ---------------------------------------------------------------

@pytest.mark.browser
def test_lesson_03_explorer_works_by_keyboard(lab_page, lab_server):
    import lab_harness as lab

    page = lab_page
    lab.run_notebook(page, lab_server, NOTEBOOK)
    summary = page.locator(".widget-html-content:has-text('yearly values')").first
    before = summary.inner_text()
    assert "CRSS" in before and "⚠" in before
    charts_before = page.locator(".jp-OutputArea .widget-output .vega-embed").count()
    assert charts_before == 1

    publisher = page.locator(".widget-dropdown select").nth(0)
    publisher.scroll_into_view_if_needed()
    publisher.focus()
    assert publisher.evaluate("e => document.activeElement === e")
    page.keyboard.press("p")  # type-ahead: CRSS -> PIPS
    page.wait_for_function("(old) => [...document.querySelectorAll('.widget-html-content')]"
                           ".some(e => e.innerText.includes('yearly values') && e.innerText !== old)",
                           arg=before, timeout=15_000)
    after = summary.inner_text()
    assert "PIPS" in after and "⚠" not in after
    assert publisher.evaluate("e => e.selectedOptions[0].text").startswith("PIPS")

    page.wait_for_timeout(1000)  # let the chart swap settle
    balochistan = page.locator(".widget-toggle-buttons button", has_text="Balochistan").first
    balochistan.focus()
    assert balochistan.evaluate("e => document.activeElement === e")
    page.keyboard.press("Space")  # a focused toggle button is pressed with Space
    page.wait_for_function("() => [...document.querySelectorAll('.widget-html-content')]"
                           ".some(e => e.innerText.includes('· Balochistan'))", timeout=15_000)
    page.wait_for_timeout(1500)
    drawn = page.locator(".widget-output .vega-embed:has(svg.marks), .widget-output .vega-embed:has(canvas.marks)")
    assert drawn.count() == 1
    summary.scroll_into_view_if_needed()
    lab.screenshot(page, "03_the_ttp_surge-explorer")
