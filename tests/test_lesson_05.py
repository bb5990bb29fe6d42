"""Lesson 05 · People on the move: chart builders and explorer against the real data, and the
explorer driven by keyboard in JupyterLab."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import alliance
from alliance import charts
from alliance.lessons import l05_people_on_the_move as lesson

REPO = Path(__file__).resolve().parents[1]
UN_PUBLISHERS = {"UNHCR", "IOM", "UNHCR-IOM (joint)", "Border Consortium (IOM-led, with UNHCR)"}


@pytest.fixture(scope="module", autouse=True)
def _setup():
    alliance.setup()


@pytest.fixture(scope="module")
def raw() -> pd.DataFrame:
    """refugees.csv read straight from disk, independently of alliance.load."""
    frame = pd.read_csv(REPO / "course_data" / "refugees.csv", dtype=str, keep_default_na=False)
    for column in ("date", "period_start", "period_end"):
        frame[column] = pd.to_datetime(frame[column].replace("", None))
    frame["value"] = frame["value"].astype(int)
    return frame


# --- helpers -----------------------------------------------------------------------------------

def walk(spec, key):
    """Every value stored under `key` anywhere in a chart spec."""
    if isinstance(spec, dict):
        for k, v in spec.items():
            if k == key:
                yield v
            yield from walk(v, key)
    elif isinstance(spec, list):
        for item in spec:
            yield from walk(item, key)


def datasets(spec) -> list[list[dict]]:
    return list(spec.get("datasets", {}).values())


def chart_rows(spec) -> list[dict]:
    return [row for rows in datasets(spec) for row in rows]


def check_chart(chart, title_words: str, axis_titles: set[str]):
    spec = chart.to_dict()
    title = spec["title"]
    assert title_words in title["text"]
    assert title["subtitle"][-1] and any(line.startswith("Source: ") for line in title["subtitle"])
    assert len(spec["description"]) > 60
    found_axis_titles = {v for enc in walk(spec, "encoding") for ch in ("x", "y") if ch in enc
                         for v in [enc[ch].get("title")] if v}
    assert axis_titles <= found_axis_titles, found_axis_titles
    tooltips = [t for enc in walk(spec, "encoding") if "tooltip" in enc for t in enc["tooltip"]]
    assert tooltips and all(t.get("title") for t in tooltips)
    colours = [c for scale in walk(spec, "scale") if isinstance(scale, dict) for c in [scale.get("range")]
               if isinstance(c, list) and str(c[0]).startswith("#")]
    assert all(len(c) <= 8 for c in colours)
    svg = charts.compile_svg(chart)
    assert svg.startswith("<svg")
    return spec


# --- counting rules ----------------------------------------------------------------------------

def test_every_flow_row_has_one_kind_of_count(raw):
    rows = lesson.prepared()
    assert len(rows) == len(raw)
    flows = rows[rows["measure"] != "stock"]
    assert set(flows["count_type"]) <= {lesson.RUNNING, lesson.ONE_PERIOD, lesson.UNDATED}
    assert (rows.loc[rows["measure"] == "stock", "count_type"] == lesson.SNAPSHOT).all()
    # Undated: no period end and no date, computed from the raw file.
    undated = set(raw.loc[(raw["measure"] != "stock") & raw["period_end"].isna() & raw["date"].isna(), "obs_id"])
    assert set(flows.loc[flows["count_type"] == lesson.UNDATED, "obs_id"]) == undated
    assert {"gop-naqvi-returns-1-1m", "gop-wenews-returns-1-5m"} <= undated


def test_one_period_counts_are_short_windows_or_calendar_years(raw):
    rows = lesson.prepared().set_index("obs_id")
    for r in raw[raw["measure"] != "stock"].itertuples():
        kind = rows.loc[r.obs_id, "count_type"]
        if kind != lesson.ONE_PERIOD or pd.isna(r.period_start):
            continue
        days = (r.period_end - r.period_start).days
        calendar_year = (r.period_start.strftime("%m-%d"), r.period_end.strftime("%m-%d")) == ("01-01", "12-31")
        assert days <= 92 or calendar_year, r.obs_id
    # The weekly UNHCR-IOM figures are one-period counts; the totals since 15 Sept 2023 are running.
    assert rows.loc["unhcr-iom-2025-wk-oct26-returns", "count_type"] == lesson.ONE_PERIOD
    assert rows.loc["unhcr-2025-08-month", "count_type"] == lesson.ONE_PERIOD
    assert rows.loc["unhcr-2025-11-08-cumulative", "count_type"] == lesson.RUNNING
    assert rows.loc["unhcr-2025-09-since-april", "count_type"] == lesson.RUNNING


def test_every_publisher_has_a_counter(raw):
    # Only the news reports that name no counting body fall outside the explicit list.
    assert set(raw["publisher"]) - set(lesson.COUNTER_OF_PUBLISHER) == {
        p for p in raw["publisher"] if p.endswith("(source not named)")}
    assert {lesson.counter_of(p) for p in raw["publisher"]} <= set(lesson.COUNTERS)
    assert set(lesson.SIDE_OF_COUNTER) == set(lesson.COUNTERS)


def test_weaker_copies_follow_sources_caution():
    sources = alliance.load("sources").set_index("source_id")
    rows = lesson.prepared().set_index("obs_id")
    # The 1.73 million figure was read only in an aggregator relaying RT.
    assert sources.loc["menafn-2023-10-04-28-day-deadline", "caution"]
    assert rows.loc["gop-2023-10-03-undocumented-stock", "weaker_copy"]
    # The July 2024 PoR figure has one weaker and one ordinary copy: not a weaker-copy-only figure.
    assert not rows.loc["gop-2024-07-10-por-stock", "weaker_copy"]


# --- chart 1: stocks ---------------------------------------------------------------------------

def test_stocks_chart(raw):
    spec = check_chart(lesson.stocks_chart(), "legal status", {"Date of the figure", "People (estimate)"})
    expected = raw[(raw["measure"] == "stock") & raw["status"].isin(["PoR", "ACC", "undocumented"])]
    plotted = chart_rows(spec)
    assert len(plotted) == len(expected) == 15
    assert sorted(r["value"] for r in plotted) == sorted(expected["value"])
    assert max(r["value"] for r in plotted) == 1_730_000
    assert spec["facet"]["row"]["field"] == "status"


# --- chart 2: phases ---------------------------------------------------------------------------

def test_phases_chart():
    phases = pd.read_csv(REPO / "course_data" / "repatriation_phases.csv", dtype=str, keep_default_na=False)
    spec = check_chart(lesson.phases_chart(), "repatriation plan", {"Date (announcement to effect)"})
    plotted = chart_rows(spec)
    expected_points = (phases["announced_date"] != "").sum() + (phases["start_date"] != "").sum()
    assert len(plotted) == expected_points == 19
    assert {r["phase_id"] for r in plotted} == set(phases["phase_id"])
    assert set(lesson.PHASE_LABELS) == set(phases["phase_id"])
    never = [r for r in plotted if r["phase_id"] == "ifrp-phase-2-plan-2024"]
    assert len(never) == 1 and never[0]["effective"] == "never set"


# --- chart 3: two ledgers ----------------------------------------------------------------------

def test_returns_side_by_side_keeps_the_ledgers_apart(raw):
    spec = check_chart(lesson.returns_side_by_side(), "two ledgers",
                       {"Date of the figure", "Returns since autumn 2023 (people, running total)"})
    plotted = chart_rows(spec)
    panels = {r["panel"]: set() for r in plotted}
    for r in plotted:
        panels[r["panel"]].add(r["counter"])
    assert panels == {lesson.GOVERNMENT_PANEL: {"Government of Pakistan"},
                      lesson.UN_PANEL: {"UNHCR", "IOM", "UNHCR and IOM jointly"}}
    # UN side: every return total counted from Sept-Nov 2023, more than a quarter long.
    returns = raw[raw["measure"] == "returns"]
    window = returns["period_start"].between("2023-09-01", "2023-11-01") & (
        (returns["period_end"] - returns["period_start"]).dt.days > 92)
    un = returns[returns["publisher"].isin(UN_PUBLISHERS) & window]
    assert sorted(r["value"] for r in plotted if r["panel"] == lesson.UN_PANEL) == sorted(un["value"])
    assert max(un["value"]) == 1_723_481
    gov = {r["obs_id"] for r in plotted if r["panel"] == lesson.GOVERNMENT_PANEL}
    assert gov == {"gop-2023-10-30-returns-by-deadline", "gop-2024-01-02-returns", "gop-2024-01-23-returns",
                   "gop-2025-04-10-returns"}
    # Lines: only series with more than one figure draw, and only the UN harmonised count has more than one.
    series = pd.Series([r["series"] for r in plotted]).value_counts()
    joined = series[series > 1].index
    assert len(joined) == 1 and joined[0].startswith("UNHCR-IOM harmonised count")
    assert all(r["counted_from"] == "2023-09-15" for r in plotted if r["series"] == joined[0])
    assert series[joined[0]] == ((returns["period_start"] == "2023-09-15")
                                 & returns["publisher"].isin(UN_PUBLISHERS)).sum()


def test_drive_returns_table_matches_chart():
    table = lesson.drive_returns_table()
    assert list(table.columns) == ["dated", "counted by", "counted from", "who is counted", "people", "weaker copy"]
    assert len(table) == len(lesson.drive_return_rows()) == 13
    assert table["people"].max() == 1_723_481


# --- explorer ----------------------------------------------------------------------------------

def test_view_default_shows_running_totals(raw):
    result = lesson.view(lesson.DEFAULT_COUNTERS, "returns", "any", lesson.RUNNING)
    plotted = chart_rows(result.chart.to_dict())
    ids = {r["obs_id"] for r in plotted}
    assert lesson.prepared().set_index("obs_id").loc[list(ids), "count_type"].eq(lesson.RUNNING).all()
    publishers = {"Government of Pakistan", *UN_PUBLISHERS}
    returns = raw[(raw["measure"] == "returns") & raw["publisher"].isin(publishers)]
    dated = returns[returns["period_end"].notna() | returns["date"].notna()]
    assert len(ids) == len(plotted) < len(dated)
    assert f"<strong>{len(ids)} figures</strong>" in result.html
    # Undated government totals are listed, not plotted.
    assert "Not on the chart" in result.html and "1,500,000" in result.html
    check_chart(result.chart, "figures you picked",
                {"Date of the figure (end of the period counted)", "Returns to Afghanistan (people, running total)"})


def test_view_one_period_counts(raw):
    result = lesson.view(["UNHCR and IOM jointly"], "returns", "any", lesson.ONE_PERIOD)
    weekly = raw[(raw["publisher"] == "UNHCR-IOM (joint)") & (raw["measure"] == "returns")
                 & ((raw["period_end"] - raw["period_start"]).dt.days <= 92)]
    plotted = chart_rows(result.chart.to_dict())
    assert sorted(r["value"] for r in plotted) == sorted(weekly["value"])
    assert "37,448" in result.html and "Not on the chart" not in result.html
    check_chart(result.chart, "figures you picked", {"Returns to Afghanistan (people in the period)"})


def test_view_stock_and_status_filter(raw):
    result = lesson.view(lesson.COUNTERS, "stock", "ACC", lesson.ONE_PERIOD)
    acc = raw[(raw["measure"] == "stock") & (raw["status"] == "ACC")]
    assert f"<strong>{len(acc)} figures</strong>" in result.html
    assert "does not apply" in result.html
    assert sorted(r["value"] for r in chart_rows(result.chart.to_dict())) == sorted(acc["value"])


def test_view_empty_messages():
    nothing = lesson.view([], "returns", "any", lesson.RUNNING)
    assert nothing.chart is None and "Nothing to show" in nothing.html and "Publishers list" in nothing.html
    taliban = lesson.view(["Afghan Taliban authorities"], "arrests", "any", lesson.RUNNING)
    assert taliban.chart is None and "Nothing to show" in taliban.html
    assert "published no arrests" in taliban.html and "Try:" in taliban.html
    gov_por = lesson.view(["Government of Pakistan"], "returns", "PoR", lesson.RUNNING)
    assert gov_por.chart is None
    assert "Any status" in gov_por.html and "Khyber Pakhtunkhwa government" in gov_por.html
    weekly_gov = lesson.view(["Government of Pakistan"], "deportations", "any", lesson.ONE_PERIOD)
    assert weekly_gov.chart is None and "Nothing to show" in weekly_gov.html


def test_explorer_widget_builds():
    box = lesson.explorer()
    labels = [c.description for c in box.controls.values()]
    assert labels == ["Publishers:", "Measure:", "Status:", "Kind of count:"]
    assert "figures" in box.text.value


# --- in the browser ----------------------------------------------------------------------------

@pytest.mark.browser
def test_lesson_05_explorer_works_by_keyboard(lab_page, lab_server):
    import lab_harness as lab

    page = lab_page
    lab.run_notebook(page, lab_server, "notebooks/05_people_on_the_move.ipynb")
    summary = page.locator(".widget-html-content:has(table.alliance-table), "
                           ".widget-html-content:has(.alliance-empty)").first
    summary.scroll_into_view_if_needed()
    before = summary.inner_text()
    assert "figures for returns to afghanistan" in before.lower()

    # Status: type-ahead "u" picks Undocumented (the explorer's shortcut guard keeps the key from
    # JupyterLab's notebook shortcuts).
    status = page.locator(".widget-dropdown select").nth(1)
    status.focus()
    page.keyboard.press("u")
    page.wait_for_function("(old) => { const e = document.querySelector("
                           "'.widget-html-content table.alliance-table, .widget-html-content .alliance-empty');"
                           " return e && e.closest('.widget-html-content').innerText !== old; }",
                           arg=before, timeout=15_000)
    assert status.evaluate("e => e.options[e.selectedIndex].text") == "Undocumented"
    after_status = summary.inner_text()
    assert after_status != before and "for undocumented people" in after_status.lower()

    # Kind of count: focus the second toggle button and press Space.
    toggle = page.locator(".widget-toggle-buttons button").nth(1)
    toggle.focus()
    page.keyboard.press("Space")
    page.wait_for_function("(old) => { const e = document.querySelector("
                           "'.widget-html-content table.alliance-table, .widget-html-content .alliance-empty');"
                           " return e && e.closest('.widget-html-content').innerText !== old; }",
                           arg=after_status, timeout=15_000)
    after_toggle = summary.inner_text()
    assert after_toggle != after_status and "one-period counts" in after_toggle.lower()
    # The explorer swaps its chart when a control changes: wait for the new one to draw, and scroll
    # by the summary, which stays in place, rather than by a chart element that may be replaced.
    page.locator(".jupyter-widgets .vega-embed:has(svg.marks), "
                 ".jupyter-widgets .vega-embed:has(canvas.marks)").last.wait_for(timeout=15_000)
    summary.scroll_into_view_if_needed()
    page.wait_for_timeout(800)
    lab.screenshot(page, "05_people_on_the_move-explorer")


def test_every_combination_of_controls_answers():
    """Each measure × status × count type, for all counters and for one, gives text or a clear empty message."""
    import itertools

    for measure, status, count_type in itertools.product(lesson.MEASURES, lesson.STATUSES, lesson.COUNT_TYPES):
        for counters in (tuple(lesson.COUNTERS), (lesson.COUNTERS[0],)):
            result = lesson.view(counters, measure, status, count_type)
            assert result.html, (measure, status, count_type)
            assert result.chart is not None or "Nothing to show" in result.html
