"""Lesson 04 · The border: closure counting, trade series, charts and the crossing explorer.

Expected values are computed here from the raw CSV files (csv module and datetime), not with
the lesson's own helpers.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import altair as alt
import pandas as pd
import pytest

import alliance
from alliance import charts
from alliance.lessons import l04_the_border as lesson
from spec_tools import assert_same_views, axis_titles, tooltip_titles

DATA = Path(__file__).resolve().parents[1] / "course_data"
D = dt.date.fromisoformat


def rows(name: str) -> list[dict]:
    with open(DATA / f"{name}.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def frames():
    alliance.setup()
    return (alliance.load("crossings"), alliance.load("border_closures"), alliance.load("trade"),
            alliance.load("sources"))


def spec_of(chart) -> dict:
    return chart.to_dict()


def assert_chart_basics(chart, title_word: str, axes: set[str], tips: set[str]):
    spec = spec_of(chart)
    title = spec["title"]
    assert title_word in title["text"]
    assert title["subtitle"][-1].startswith("Source:")
    assert len(spec["description"]) > 60
    assert axes <= axis_titles(spec), axis_titles(spec)
    assert tips <= tooltip_titles(spec), tooltip_titles(spec)
    svg = charts.compile_svg(chart)
    assert svg.startswith("<svg")
    return spec, svg


# --- Closures -----------------------------------------------------------------------------

def latest_date(source_ids: str) -> dt.date:
    dates = {r["source_id"]: r["date"] for r in rows("sources")}
    out = []
    for sid in source_ids.split(";"):
        text = dates.get(sid.strip(), "")
        if len(text) == 10:
            out.append(D(text))
        elif len(text) == 7:
            out.append(D(text + "-01"))
        elif len(text) == 4:
            out.append(D(text + "-01-01"))
    return max(out)


def test_episode_status_and_open_closures_drawn_to_latest_source(frames):
    crossings, closures, _trade, sources = frames
    eps = lesson.episodes(closures, crossings, sources).set_index("closure_id")
    raw = rows("border_closures")
    assert len(eps) == len(raw)
    open_rows = [r for r in raw if not r["end_date"]]
    unknown = [r for r in open_rows if "end date unknown" in r["note"].lower()]
    assert [r["closure_id"] for r in unknown] == ["2016-05-21-angoor-adda-handover"]
    assert eps.loc["2016-05-21-angoor-adda-handover", "status"] == lesson.STATUS_UNKNOWN
    assert eps.loc["2016-05-21-angoor-adda-handover", "days"] == 0
    still = [r for r in open_rows if r not in unknown]
    assert len(still) >= 2
    for r in still:
        row = eps.loc[r["closure_id"]]
        assert row["status"] == lesson.STATUS_OPEN
        assert row["draw_end"].date() == latest_date(r["source_ids"])
    assert eps.loc["2025-10-11-all-crossings-clashes", "draw_end"].date() == D("2026-01-25")
    # A day-precision episode: reopening day not counted.
    assert eps.loc["2017-02-16-all-crossings-sehwan", "days"] == (D("2017-03-20") - D("2017-02-16")).days == 32


def test_month_precision_dates_count_from_the_15th(frames):
    crossings, closures, _trade, sources = frames
    eps = lesson.episodes(closures, crossings, sources).set_index("closure_id")
    months = [r for r in rows("border_closures") if "month" in (r["start_precision"], r["end_precision"])]
    assert len(months) == 3
    kharlachi = eps.loc["2024-05-kharlachi-checkpost-clash"]
    assert kharlachi["start"].date() == D("2024-05-15") and kharlachi["days"] == 9
    # Chaman 2021: reopened "in July" after closing on 14 July: never before the start.
    chaman = eps.loc["2021-07-14-chaman-taliban-capture"]
    assert chaman["end_excl"] >= chaman["start"] and chaman["days"] == 1
    assert "month" in chaman["dating"]


def test_days_closed_per_year_counts_each_day_once(frames):
    crossings, closures, _trade, sources = frames
    table = lesson.days_closed(lesson.episodes(closures, crossings, sources), crossings)
    got = table.set_index(["crossing_id", "year"])["days"]
    # Torkham 2025: 21 Feb to 19 Mar (reopening day excluded) + 11 Oct to 31 Dec (open, latest source 2026).
    expected = (D("2025-03-19") - D("2025-02-21")).days + (D("2026-01-01") - D("2025-10-11")).days
    assert got[("torkham", 2025)] == expected == 108
    # Ghulam Khan 2025: 28 Jun to the Dawn report of 1 Sep (inclusive), then 11 Oct to 31 Dec.
    expected_gk = (D("2025-09-02") - D("2025-06-28")).days + (D("2026-01-01") - D("2025-10-11")).days
    assert got[("ghulam-khan", 2025)] == expected_gk
    assert got[("ghulam-khan", 2016)] == 366  # closed all year (Zarb-e-Azb)
    # Kharlachi 2024: the drivers' visa rule, May (from the 15th), Sep–Oct clashes, then from 12 Oct.
    days_2024 = set()
    for a, b in [("2024-01-13", "2024-01-23"), ("2024-05-15", "2024-05-24"), ("2024-09-21", "2024-10-01"),
                 ("2024-10-12", "2025-01-01")]:
        days_2024 |= {D(a) + dt.timedelta(n) for n in range((D(b) - D(a)).days)}
    assert got[("kharlachi", 2024)] == len(days_2024)
    assert (table["days"] <= 366).all()
    assert table["year"].max() == lesson.LAST_YEAR
    assert "badini" not in set(table["crossing_id"]) and "nawa-pass" not in set(table["crossing_id"])


def test_closure_timeline_chart(frames):
    crossings, closures, _trade, sources = frames
    chart = lesson.closure_timeline(closures, crossings, sources)
    spec, svg = assert_chart_basics(chart, "closure", {"Date (closure start to reopening)"},
                                    {"Crossing", "Closed", "Reopened / drawn to", "Status", "Why (as reported)"})
    assert "still closed at the last report" in " ".join(spec["title"]["subtitle"])
    values = json.dumps(spec["datasets"])
    assert "still closed at last report" in values and "reopening date not reported" in values
    assert "still closed at last report" in svg
    assert lesson.ALL_ROW in values


def test_days_heatmap_chart(frames):
    crossings, closures, _trade, sources = frames
    spec, _svg = assert_chart_basics(lesson.days_heatmap(closures, crossings, sources), "days",
                                     {"Calendar year"}, {"Crossing", "Year", "Days closed"})
    assert "Days closed (days)" in json.dumps(spec)


# --- Trade --------------------------------------------------------------------------------

def test_trade_values_keep_claims_out_and_convert_units(frames):
    _c, _cl, trade, sources = frames
    values = lesson.trade_values(trade, sources)
    assert "claimed_loss" not in set(values["flow"])
    raw = [r for r in rows("trade") if r["flow"] != "claimed_loss" and r["value"]
           and r["unit"] in ("USD million", "USD billion")]
    assert len(values) == len(raw)
    fy18 = values[(values["period"] == "FY2018") & (values["data_source"] == "SBP")]
    assert fy18["usd_million"].tolist() == [1490.0]


def test_fiscal_year_lines_never_join_two_bodies_or_skip_years(frames):
    _c, _cl, trade, sources = frames
    series = lesson.fiscal_year_series(trade, sources)
    for _key, group in series.groupby("series"):
        assert group["data_source"].nunique() == 1 and group["flow"].nunique() == 1
        years = sorted(set(group["fy"]))
        assert years == list(range(years[0], years[-1] + 1))
    # SBP has no FY2022 figure: its line breaks there.
    sbp = series[(series["data_source"] == "SBP") & (series["flow"] == "exports_to_afghanistan")]
    assert sbp.loc[sbp["fy"] == 2021, "series"].iloc[0] != sbp.loc[sbp["fy"] == 2023, "series"].iloc[0]
    chart = lesson.trade_by_fiscal_year(trade, sources)
    spec, _ = assert_chart_basics(chart, "fiscal year", {"Value (USD million)", lesson.FY_AXIS},
                                  {"Fiscal year", "Whose figure", "USD million", "Weaker copy?"})
    # Customs and SBP exports for FY2024 are both plotted, separately, never summed.
    data = spec["data"]["values"] if "values" in spec.get("data", {}) else next(iter(spec["datasets"].values()))
    fy24 = sorted(round(d["usd_million"], 3) for d in data
                  if d["fy_label"] == "FY2024" and d["flow_label"] == lesson.FLOW_LABELS["exports_to_afghanistan"])
    raw = sorted(float(r["value"]) for r in rows("trade")
                 if r["period"] == "FY2024" and r["flow"] == "exports_to_afghanistan" and r["value"])
    assert fy24 == raw


def test_transit_chart_leaves_out_the_smuggling_subset(frames):
    _c, _cl, trade, sources = frames
    transit = lesson.transit_series(trade, sources)
    raw = [r for r in rows("trade") if r["flow"] == "transit_trade" and r["period_type"] == "fiscal_year"]
    subset = [r for r in raw if "not total transit" in r["note"].lower()]
    assert len(subset) == 1 and len(transit) == len(raw) - 1
    assert 3731.0 not in set(transit["usd_million"])
    fy25 = transit[transit["period"] == "FY2025"]
    assert fy25["counts"].tolist() == ["Into Afghanistan only (forward cargo)"]
    assert_chart_basics(lesson.transit_by_fiscal_year(trade, sources), "transit",
                        {"Transit trade (USD million)", lesson.FY_AXIS},
                        {"Fiscal year", "USD million", "Counts", "Reported by"})


def test_collapse_pairs_compare_each_body_with_itself(frames):
    _c, _cl, trade, sources = frames
    pairs = lesson.collapse_pairs(trade, sources).set_index("label")
    raw = rows("trade")

    def value(period, flow, body):
        return [float(r["value"]) for r in raw if r["period"] == period and r["flow"] == flow
                and r["data_source"] == body and r["value"]]

    oct_row = pairs.loc["Oct (Ministry of Commerce)"]
    before = value("2024-10", "total_bilateral", "Pakistan Ministry of Commerce")[0]
    after = value("2025-10", "total_bilateral", "Pakistan Ministry of Commerce")[0]
    assert (oct_row["earlier"], oct_row["later"]) == (before, after)
    assert oct_row["change_pct"] == pytest.approx((after / before - 1) * 100)
    # SBP July–December: the restated FY2025 figure that shares a report with FY2026.
    sbp = pairs.loc["Jul–Dec (SBP, exports only)"]
    assert sbp["earlier"] == 505.818 and sbp["later"] == 219.489
    assert (pairs["data_source"].map(len) > 0).all()
    assert pairs.loc["Jul–Dec (unnamed official) *", "weak"]
    spec, _ = assert_chart_basics(lesson.collapse_chart(trade, sources), "collapse",
                                  {"Trade in the period (USD million)"},
                                  {"Whose figure", "USD million", "Change on a year earlier"})


def test_claimed_losses_are_only_claims(frames):
    _c, _cl, trade, _s = frames
    losses = lesson.claimed_losses(trade, since="2025-01-01")
    expected = [r for r in rows("trade") if r["flow"] == "claimed_loss" and r["period_start"] >= "2025-01-01"]
    assert len(losses) == len(expected) and set(losses["flow"]) == {"claimed_loss"}


# --- Map and explorer -----------------------------------------------------------------------

def test_light_map_keeps_two_countries_and_valid_arcs():
    topo = alliance.data.read_json("region_map")
    light = lesson.light_map(topo)
    geoms = light["objects"]["countries"]["geometries"]
    assert sorted(g["properties"]["name"] for g in geoms) == ["Afghanistan", "Pakistan"]
    flat = []

    def collect(node):
        for item in node:
            collect(item) if isinstance(item, list) else flat.append(item if item >= 0 else ~item)

    for g in geoms:
        collect(g["arcs"])
    assert max(flat) < len(light["arcs"])
    assert all(len(arc) >= 2 for arc in light["arcs"])
    assert len(json.dumps(light)) < len(json.dumps(topo)) / 3


def test_crossing_map_compiles_and_names_missing_coordinates(frames):
    crossings, *_ = frames
    chart = lesson.crossing_map(crossings, "torkham")
    spec = spec_of(chart)
    assert "<svg" in charts.compile_svg(chart)
    assert "Latitude (°)" in tooltip_titles(spec)
    placed = sum(1 for r in rows("crossings") if r["lat"] and r["lon"])
    assert f"{placed} of {len(rows('crossings'))} crossings have coordinates" in spec["title"]["subtitle"][0]
    # No coordinates at all: still draws the countries, never crashes.
    bare = crossings.assign(lat=pd.NA, lon=pd.NA)
    chart = lesson.crossing_map(bare, "torkham")
    assert "no coordinates" in chart.to_dict()["title"]["subtitle"][0]
    charts.compile_svg(chart)


def expected_episode_count(crossing_id: str, first: int, last: int) -> int:
    eps = lesson._all_episodes().set_index("closure_id")
    count = 0
    for r in rows("border_closures"):
        ids = [i.strip() for i in r["crossing_ids"].split(";")]
        if crossing_id in ids or ids == ["all"]:
            start = eps.loc[r["closure_id"], "start"]
            end = eps.loc[r["closure_id"], "draw_end"]
            if start.year <= last and end.year >= first:
                count += 1
    return count


def test_view_torkham_shows_map_timeline_and_open_closure(frames):
    view = lesson.crossing_view("torkham", (2021, 2026))
    n = expected_episode_count("torkham", 2021, 2026)
    assert f"<strong>{n}</strong> closure episodes" in view.html
    assert "Still closed at the last report" in view.html and "25 Jan 2026" in view.html
    spec = spec_of(view.chart)
    if any(r["crossing_id"] == "torkham" and r["lat"] and r["lon"] for r in rows("crossings")):
        assert "vconcat" in spec
    charts.compile_svg(view.chart)


def test_view_empty_messages():
    badini = lesson.crossing_view("badini", (2014, 2026))
    assert badini.chart is None and "alliance-empty" in badini.html and "Try Torkham" in badini.html
    early = lesson.crossing_view("kharlachi", (2014, 2016))
    assert early.chart is None and "widen the year range" in early.html
    nothing = lesson.crossing_view("", (2014, 2026))
    assert nothing.chart is None and "choose a crossing" in nothing.html


def test_view_without_coordinates_explains_and_shows_timeline_only(monkeypatch, frames):
    crossings, closures, trade, sources = frames
    no_coords = crossings.copy()
    no_coords.loc[no_coords["crossing_id"] == "chaman-spin-boldak", "lon"] = pd.NA  # lat kept, lon lost
    monkeypatch.setattr(lesson, "_frames", lambda: (no_coords, closures, trade, sources))
    view = lesson.crossing_view("chaman-spin-boldak", (2014, 2026))
    assert "No map position" in view.html
    assert isinstance(view.chart, alt.LayerChart)  # the timeline alone
    charts.compile_svg(view.chart)


def altair_views(monkeypatch, states):
    """The explorer's views as Altair builds them, without the template (the reference)."""
    with monkeypatch.context() as m:
        m.setattr(lesson, "_templates_apply", lambda: False)
        return [lesson.crossing_view(*state) for state in states]


def test_explorer_chart_from_template_is_the_altair_chart(monkeypatch):
    # Mapped and unmapped crossings, one row or two, open closures, year ranges given either way round.
    mapped = {r["crossing_id"] for r in rows("crossings") if r["lat"] and r["lon"]}
    unmapped = sorted(r["crossing_id"] for r in rows("crossings") if r["crossing_id"] not in mapped | {"badini"})
    states = [("torkham", (2021, 2026)), ("torkham", (2014, 2026)), ("chaman-spin-boldak", (2017, 2016)),
              ("chaman-spin-boldak", (2025, 2025)), (unmapped[0], (2014, 2026)), (unmapped[-1], (2020, 2026))]
    fast = [lesson.crossing_view(*state) for state in states]
    slow = altair_views(monkeypatch, states)
    drawn = assert_same_views(states, fast, slow)
    assert drawn >= 5
    assert {type(v.chart).__name__ for v in fast if v.chart is not None} == {"VConcatChart", "LayerChart"}


def test_explorer_chart_from_template_follows_changes_and_theme(monkeypatch):
    chart = lesson.crossing_view("torkham", (2021, 2026)).chart
    assert chart.properties(description="changed").to_dict()["description"] == "changed"
    chart.description = "set on the chart"
    assert chart.to_dict()["description"] == "set on the chart"
    with alt.theme.enable("default"):
        fast = lesson.crossing_view("torkham", (2016, 2020)).chart.to_dict()
        (slow,) = altair_views(monkeypatch, [("torkham", (2016, 2020))])
        assert fast == slow.chart.to_dict() and "font" not in fast["config"]  # not the course theme


def test_explorer_widget_updates_on_change():
    import ipywidgets as w

    def widgets_in(node):
        yield node
        for child in getattr(node, "children", ()):
            yield from widgets_in(child)

    box = lesson.explorer()
    found = list(widgets_in(box))
    dropdown = next(x for x in found if isinstance(x, w.Dropdown))
    slider = next(x for x in found if isinstance(x, w.IntRangeSlider))
    text = next(x for x in found if isinstance(x, w.HTML) and "l04-crossing" in x.value)
    assert dropdown.description and slider.description
    assert "Torkham" in text.value
    dropdown.value = "badini"
    assert "alliance-empty" in text.value
    dropdown.value = "chaman-spin-boldak"
    slider.value = (2016, 2017)
    assert "Chaman" in text.value and "2016–2017" in text.value


# --- In the browser ---------------------------------------------------------------------------

@pytest.mark.browser
def test_lesson_04_crossing_explorer_works_by_keyboard(lab_page, lab_server):
    import lab_harness as lab

    page = lab_page
    lab.run_notebook(page, lab_server, "notebooks/04_the_border.ipynb")
    summary = page.locator(".widget-html-content:has(.l04-crossing), .widget-html-content:has(.alliance-empty)").last
    summary.scroll_into_view_if_needed()
    first = summary.inner_text()
    assert "Torkham" in first and "2021–2026" in first

    def wait_change(old: str):
        page.wait_for_function(
            "(old) => { const els = [...document.querySelectorAll('.widget-html-content')]"
            ".filter(e => e.querySelector('.l04-crossing, .alliance-empty'));"
            " const e = els[els.length - 1]; return e && e.innerText !== old; }", arg=old, timeout=15_000)

    # Type-ahead: "g" picks Ghulam Khan. (Not "c": in JupyterLab's command mode "c" copies the cell.)
    picker = page.locator(".widget-dropdown:has-text('Crossing:') select").last
    picker.focus()
    page.keyboard.press("g")
    wait_change(first)
    picked = summary.inner_text()
    assert picked.startswith("Ghulam Khan") and "Torkham" not in picked.split("\n")[0]

    # Slider: move the lower year handle right, 2021 -> 2022.
    handle = page.locator(".widget-slider:has-text('Years:') .noUi-handle").first
    handle.focus()
    page.keyboard.press("ArrowRight")
    wait_change(picked)
    narrowed = summary.inner_text()
    assert "2022–2026" in narrowed
    n = expected_episode_count("ghulam-khan", 2022, 2026)
    assert f"{n} closure episode" in narrowed

    # The chart follows the controls.
    page.wait_for_timeout(1000)
    drawn = page.locator(".jupyter-widgets .vega-embed:has(svg.marks), .jupyter-widgets .vega-embed:has(canvas.marks)")
    assert drawn.count() >= 1
    summary.scroll_into_view_if_needed()
    lab.screenshot(page, "04_the_border-explorer")
