"""Lesson 01 (the old alliance): chart builders, the timeline explorer, and the notebook in a browser."""

from __future__ import annotations

import html

import ipywidgets as w
import pandas as pd
import pytest

import lab_harness as lab
from alliance import charts, data
from alliance.lessons import l01_the_old_alliance as lesson

charts.enable()
END = pd.Timestamp("2021-09-01")


@pytest.fixture(scope="module")
def raw_events() -> pd.DataFrame:
    events = data.load("events")
    return events[events["date"] < END]


@pytest.fixture(scope="module")
def caution() -> dict[str, bool]:
    sources = data.load("sources")
    return dict(zip(sources["source_id"], sources["caution"].astype(bool)))


def weak_ids(raw_events, caution) -> set[str]:
    return {row.event_id for row in raw_events.itertuples()
            if all(caution[s.strip()] for s in row.source_ids.split(";") if s.strip())}


def tooltip_titles(layer: dict) -> list[str]:
    tips = layer.get("encoding", {}).get("tooltip", [])
    return [t.get("title") for t in (tips if isinstance(tips, list) else [tips])]


def assert_source_closes(subtitle: list[str]) -> None:
    """The source line (wrapped over several lines when long) is the subtitle's last part."""
    starts = [i for i, line in enumerate(subtitle) if line.startswith("Source: ")]
    assert len(starts) == 1, subtitle
    assert all(not line.startswith(("Dashed", "Dots", "Not ", "Pakistan's")) for line in subtitle[starts[0]:])


def explorer_parts(box: w.VBox) -> tuple[list[w.Widget], w.HTML]:
    """The explorer's controls and the HTML that shows the view's text."""
    return list(box.controls.values()), box.text


def test_events_frame_is_the_timeline_to_august_2021(raw_events, caution):
    frame = lesson.events_frame()
    assert len(frame) == len(raw_events) > 100
    assert frame["date"].min() == pd.Timestamp("1893-11-12") and frame["date"].max() < END
    assert set(frame["era"]) == set(lesson.ERA_LABELS)
    assert set(frame.loc[frame["weak"], "event_id"]) == weak_ids(raw_events, caution)
    durand = frame.set_index("event_id").loc["1893-11-12-durand-agreement"]
    assert durand["when"] == "12 Nov 1893" and "Indian Defence News" in durand["publishers"]


def test_era_counts_match_an_independent_count(raw_events, caution):
    weak = weak_ids(raw_events, caution)
    years = raw_events["date"].dt.year
    expected = [(years <= 1978).sum(), ((years >= 1979) & (years <= 2000)).sum(), (years >= 2001).sum()]
    table = lesson.era_counts(lesson.events_frame())
    assert list(table["events"]) == expected
    early = raw_events[years <= 1978]
    assert table.loc[0, "weaker_only"] == sum(e in weak for e in early["event_id"])


def test_evidence_table_counts_weaker_copies(caution):
    table = lesson.evidence_table()
    assert list(table["date in the data"]) == ["12 Nov 1893", "30 Sep 1947", "26 Jul 1949", "26 May 1997", "Oct 2018"]
    events = data.load("events").set_index("event_id")
    for text, event_id in zip(table["sources (weaker copies)"], lesson.KEY_DATES):
        ids = [s for s in events.loc[event_id, "source_ids"].split(";") if s]
        assert text == f"{len(ids)} ({sum(caution[s] for s in ids)})"
    # The 1949 loya jirga and 1997 recognition dates rest only on weaker copies.
    assert table.loc[2, "sources (weaker copies)"] == "2 (2)" and table.loc[3, "sources (weaker copies)"] == "1 (1)"


def test_view_all_eras_lists_ten_and_charts_every_event(raw_events, caution):
    result = lesson.view()
    assert f"<strong>{len(raw_events)}</strong> of {len(raw_events)} events" in result.html
    assert result.html.count("<li>") == lesson.MAX_LISTED
    assert f"{len(weak_ids(raw_events, caution))} rest only on weaker copies" in result.html
    assert "…and" in result.html
    spec = result.chart.to_dict()
    assert len(spec["datasets"][spec["data"]["name"]]) == len(raw_events)
    assert spec["encoding"]["x"]["title"] == "Date (year)"
    assert tooltip_titles(spec) == ["Date", "Event", "Kind", "Actors", "Sources", "Source strength"]
    assert spec["description"].startswith(f"Timeline of {len(raw_events)} events")
    assert spec["title"]["subtitle"][-1].startswith("Source: ")
    assert "<svg" in charts.compile_svg(result.chart)


def test_view_filters_match_an_independent_filter(raw_events, caution):
    actors = raw_events["actors"].fillna("").str.split(";")
    expected = raw_events[actors.map(lambda ids: "PAK" in ids) & (raw_events["category"] == "diplomacy")
                          & (raw_events["date"].dt.year.between(1979, 2000))]
    era = lesson.ERA_LABELS[1]
    result = lesson.view(era=era, category="diplomacy", actor="PAK")
    assert f"<strong>{len(expected)}</strong> of {len(raw_events)} events" in result.html
    assert "involving Pakistan" in result.html and "in 1979–2000" in result.html
    assert result.html.count("<li>") == min(len(expected), lesson.MAX_LISTED)
    spec = result.chart.to_dict()
    assert len(spec["datasets"][spec["data"]["name"]]) == len(expected)
    # Hiding events that rest only on weaker copies removes exactly those.
    weak = weak_ids(raw_events, caution)
    strong = lesson.view(strong_only=True)
    assert f"<strong>{len(raw_events) - len(weak)}</strong>" in strong.html
    assert "None of them rests only on weaker copies" in strong.html and "⚠ <em>" not in strong.html


def test_view_empty_says_what_to_try(raw_events):
    uae_early = raw_events[raw_events["actors"].str.contains("UAE") & (raw_events["date"].dt.year <= 1978)]
    assert uae_early.empty
    result = lesson.view(era=lesson.ERA_LABELS[0], actor="UAE")
    assert result.chart is None
    message = html.unescape(result.html)
    assert "Nothing to show" in message and "United Arab Emirates" in message
    assert "Try 'All eras'" in message
    strict = lesson.view(era=lesson.ERA_LABELS[0], actor="UAE", strong_only=True)
    assert "untick 'Hide events with only weaker sources'" in html.unescape(strict.html)


def test_frontier_map_draws_the_durand_line_and_placed_crossings():
    crossings = data.load("crossings")
    placed = crossings.dropna(subset=["lat", "lon"])
    chart = lesson.frontier_map(crossings)
    spec = chart.to_dict()
    assert spec["title"]["text"] == "The frontier: the Durand Line and its crossings"
    subtitle = " ".join(spec["title"]["subtitle"])
    assert f"{len(placed)} of the {len(crossings)} official crossings" in subtitle
    for name in crossings.loc[crossings["lat"].isna(), "name_pakistan"]:
        assert name.split(" (")[0] in subtitle
    assert_source_closes(spec["title"]["subtitle"])
    assert spec["projection"]["type"] == "mercator"
    layers = spec["layer"]
    assert layers[0]["data"]["format"] == {"type": "topojson", "feature": "countries"}
    dots = layers[3]
    assert tooltip_titles(dots)[:2] == ["Crossing (Pakistani name)", "Afghan name"]
    assert len(spec["datasets"][dots["data"]["name"]]) == len(placed)
    assert "Durand Line" in spec["description"]
    assert "<svg" in charts.compile_svg(chart)


def test_shared_border_is_the_af_pak_boundary():
    topo = data.read_json("region_map")
    line = lesson.shared_border(topo)
    points = [p for part in line["geometry"]["coordinates"] for p in part]
    assert len(points) > 100
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    # Between the Iranian tripoint and the Wakhan: inside both countries' span.
    assert 60 < min(lons) and max(lons) < 76 and 29 < min(lats) and max(lats) < 38


def test_ties_chart():
    relations = data.load("relations")
    frame = lesson.ties_frame(relations)
    ids = set(frame["relation_id"])
    assert {"pak-afgtaliban-support-1994", "pak-mujahideen-support-1979", "afgstate-pak-hostility-1947"} <= ids
    assert frame["start"].max() <= 2020 and frame["end"].max() == 2021
    assert "alleged" in frame.set_index("relation_id").loc["pak-haqqani-support-alleged-2010", "row"]
    chart = lesson.ties_chart(relations)
    spec = chart.to_dict()
    assert spec["title"]["text"].startswith("Patrons, clients and rivals")
    assert spec["encoding"]["x"]["title"] == "Year"
    assert tooltip_titles(spec) == ["Tie", "Years", "What the sources say"]
    assert_source_closes(spec["title"]["subtitle"])
    assert "<svg" in charts.compile_svg(chart)


def test_record_strength_chart(raw_events, caution):
    events = lesson.events_frame()
    chart = lesson.record_strength_chart(events)
    spec = chart.to_dict()
    assert spec["encoding"]["x"]["title"] == "Events in the timeline (count)"
    assert tooltip_titles(spec) == ["Era", "Sources", "Events", "Share of era"]
    assert spec["title"]["subtitle"][0].startswith(f"{len(weak_ids(raw_events, caution))} of {len(raw_events)}")
    assert "<svg" in charts.compile_svg(chart)


def test_explorer_controls_are_labelled_native_widgets(raw_events):
    box = lesson.explorer()
    controls, text = explorer_parts(box)
    assert [type(c) for c in controls] == [w.Dropdown, w.Dropdown, w.Dropdown, w.Checkbox]
    assert all(c.description for c in controls)
    assert f"of {len(raw_events)} events" in text.value
    controls[2].value = "UAE"
    assert "involving United Arab Emirates" in text.value


@pytest.mark.browser
def test_timeline_explorer_works_by_keyboard(lab_page, lab_server):
    page = lab_page
    lab.run_notebook(page, lab_server, "notebooks/01_the_old_alliance.ipynb")
    summary = page.locator(".widget-html-content:has-text('events (')").first
    before = summary.inner_text()
    assert "of 134 events" in before
    selects = page.locator(".widget-dropdown select")
    assert selects.count() == 3
    # Actor list: type-ahead "u" picks the first actor starting with U.
    selects.nth(2).focus()
    page.keyboard.press("u")
    page.wait_for_function("(old) => [...document.querySelectorAll('.widget-html-content')]"
                           ".some(e => e.innerText.includes('involving United Arab Emirates'))", arg=before,
                           timeout=15_000)
    after = summary.inner_text()
    assert after != before and "involving United Arab Emirates" in after
    summary.scroll_into_view_if_needed()
    page.wait_for_timeout(1000)  # let the new chart draw
    lab.screenshot(page, "01_the_old_alliance-explorer")
    # Era list: "1" picks 1893–1978, where the UAE has no events: the empty message says what to try.
    selects.nth(0).focus()
    page.keyboard.press("1")
    page.wait_for_selector(".alliance-empty", timeout=15_000)
    assert "Try 'All eras'" in page.locator(".alliance-empty").first.inner_text()
    # Space ticks the checkbox; the message then also suggests unticking it.
    page.locator(".widget-checkbox input[type=checkbox]").first.focus()
    page.keyboard.press("Space")
    page.wait_for_function("() => { const e = document.querySelector('.alliance-empty');"
                           " return e && e.innerText.includes('untick'); }", timeout=15_000)


def test_filters_that_empty_the_timeline_early_still_answer():
    """Regression: an actor filter on an already-empty selection once dropped every column."""
    view = lesson.view(era="1893–1978: a disputed border", category="refugees", actor="QAT", strong_only=True)
    assert "Nothing to show" in view.html and view.chart is None
    rows = lesson.filter_events(lesson.events_frame(), "1893–1978: a disputed border", "refugees", "QAT", True)
    assert rows.empty and list(rows.columns) == list(lesson.events_frame().columns)
