"""Lesson 02 · Victory in Kabul: charts and quote explorer against the real data, and the
explorer driven by keyboard in a real JupyterLab."""

from __future__ import annotations

import csv
import html
from pathlib import Path

import pytest

import alliance
from alliance import charts
from alliance.lessons import l02_victory_in_kabul as lesson
from spec_tools import axis_titles, tooltip_titles

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "course_data"


def rows(name: str) -> list[dict]:
    """The raw CSV, read without the course loader, for independent counts."""
    with open(DATA / f"{name}.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def quote_year(row) -> int | None:
    return int(row["date"][:4]) if row["date"] else None


def walk(spec, key):
    """Every value stored under `key` anywhere in a nested chart spec."""
    if isinstance(spec, dict):
        for k, v in spec.items():
            if k == key:
                yield v
            yield from walk(v, key)
    elif isinstance(spec, list):
        for item in spec:
            yield from walk(item, key)


def check_common(spec, title: str):
    assert spec["title"]["text"] == title
    assert spec["title"]["subtitle"][-1].startswith("Source: ")
    assert len(spec["description"]) > 60


# --- Charts ----------------------------------------------------------------------

def test_ceasefire_periods_come_from_the_events_table():
    events = {r["event_id"]: r for r in rows("events")}
    truces = lesson.ceasefire_periods(alliance.load("events"))
    first, second = truces.iloc[0], truces.iloc[1]
    one_month = events["2021-11-09-pak-ttp-one-month-ceasefire"]
    assert str(first["start"].date()) == one_month["date"] and str(first["end"].date()) == one_month["end_date"]
    assert str(second["start"].date()) == events["2022-06-02-ttp-indefinite-ceasefire-kabul-jirga"]["date"]
    assert str(second["end"].date()) == events["2022-11-28-ttp-ends-ceasefire"]["date"] == "2022-11-28"
    assert list(truces["days"]) == [30, 179]


def test_timeline_chart():
    events, talks = alliance.load("events"), alliance.load("talks")
    chart = lesson.timeline_chart(events, talks)
    spec = chart.to_dict()
    check_common(spec, "From the fall of Kabul to the end of the TTP ceasefire")
    expected_events = sum("2021-01-01" <= r["date"] <= "2022-12-31" for r in rows("events"))
    expected_rounds = sum(r["track"] == "PAK-TTP" for r in rows("talks"))
    assert expected_rounds == 4
    points, rounds, truces = lesson.timeline_frames(events, talks)
    assert len(points) == expected_events and len(rounds) == expected_rounds and len(truces) == 2
    assert spec["title"]["subtitle"][0].startswith(f"{expected_events} timeline events, {expected_rounds} ")
    assert points["lane"].notna().all()
    assert "Date (2021–2022)" in axis_titles(spec)
    assert {"Event", "When", "Where", "Reported deaths", "Round", "Outcome", "Ceasefire", "How it ended"} \
        <= tooltip_titles(spec)
    # A reported toll always names who reported it.
    quetta = points[points["what"].str.contains("Quetta")].iloc[0]
    assert quetta["deaths"].startswith("5 (as reported by counter-terrorism department")
    assert "<svg" in charts.compile_svg(chart)


def test_violence_chart_uses_one_publisher_definition_and_release():
    expected = {(int(r["year"]), r["period"], r["metric"]): float(r["value"]) for r in rows("violence")
                if r["publisher"] == "PICSS" and r["definition"] == "picss_militant_attacks"
                and r["vintage"] == "2023" and r["region"] == "Pakistan" and r["period"] in ("H1", "H2")
                and r["metric"] in ("attacks", "fatalities_total")}
    assert expected[(2022, "H1", "attacks")] == 151 and expected[(2023, "H1", "attacks")] == 271
    frame = lesson.half_year_violence(alliance.load("violence"))
    got = {(int(r.year), r.period, r.metric): float(r.value) for r in frame.itertuples()}
    assert got == expected
    assert frame["definition"].nunique() == 1 and frame["vintage"].nunique() == 1
    chart = lesson.violence_chart(alliance.load("violence"))
    spec = chart.to_dict()
    check_common(spec, "Militant attacks in Pakistan before and after the ceasefire ended")
    assert spec["title"]["subtitle"][-1] == "Source: Dawn (reporting PICSS)"
    assert {"Half-year", "Militant attacks (count)", "Deaths in those attacks (people)"} <= axis_titles(spec)
    assert {"Period", "What was happening"} <= tooltip_titles(spec)
    assert "<svg" in charts.compile_svg(chart)


def test_verification_chart_counts():
    raw = rows("quotes")
    chart = lesson.verification_chart(alliance.load("quotes"))
    spec = chart.to_dict()
    check_common(spec, "How well each side's statements could be traced")
    counts = lesson.verification_counts(alliance.load("quotes"))
    assert counts["quotes"].sum() == len(raw) == 82
    not_verified_ttp = sum(r["affiliation"] == "TTP" and r["original_located"] == "no" for r in raw)
    got = counts[(counts["affiliation"] == "TTP") & (counts["status"] == lesson.STATUS["no"])]["quotes"]
    assert int(got.iloc[0]) == not_verified_ttp
    assert {"Speaker speaks for", "Statements in quotes.csv (count)"} <= axis_titles(spec)
    assert {"Speaks for", "Status", "Statements", "Share of this side's statements"} <= tooltip_titles(spec)
    assert "<svg" in charts.compile_svg(chart)


# --- The quote explorer -------------------------------------------------------------

def test_default_view_shows_2021_2022():
    expected = [r for r in rows("quotes") if quote_year(r) in (2021, 2022)]
    view = lesson.quote_view()
    assert f"<strong>{len(expected)} quotes</strong> match" in view.html
    assert len(expected) == 8
    assert view.html.count("class='alliance-quote'") == len(expected)
    assert all(html.escape(r["speaker"]) in view.html for r in expected)
    spec = view.chart.to_dict()
    assert spec["title"]["text"] == f"The {len(expected)} dated statements that match"
    assert spec["title"]["subtitle"][-1].startswith("Source: ")
    assert {"Date said or first reported", "Speaks for"} <= axis_titles(spec)
    assert {"Speaker", "Date", "Status", "Words"} <= tooltip_titles(spec)
    assert spec["description"]
    assert "<svg" in charts.compile_svg(view.chart)


def test_speaker_affiliation_and_years_filter():
    raw = rows("quotes")
    imran = [r for r in raw if r["speaker"] == "Imran Khan" and quote_year(r) in (2021, 2022)]
    assert f"<strong>{len(imran)} quotes</strong>" in lesson.quote_view(speaker="Imran Khan").html
    afghan = [r for r in raw if r["affiliation"] == "Afghan Taliban government" and quote_year(r) == 2025]
    view = lesson.quote_view(affiliation="Afghan Taliban government", years=(2025, 2025))
    assert f"<strong>{len(afghan)} quotes</strong>" in view.html
    everything = lesson.quote_view(years=(2021, 2025), undated=True)
    assert f"<strong>{len(raw)} quotes</strong>" in everything.html
    assert f"Showing the first {lesson.MAX_CARDS} of {len(raw)}" in everything.html
    undated = sum(not r["date"] for r in raw)
    assert f"{undated} undated" in everything.html


def test_unverified_quotes_are_visibly_marked():
    raw = rows("quotes")
    no = [r for r in raw if r["original_located"] == "no"]
    seed = [r for r in no if r["verification_note"].startswith("UNVERIFIED")]
    assert len(seed) == 3
    lesson.MAX_CARDS, old = 200, lesson.MAX_CARDS
    try:
        view = lesson.quote_view(years=(2021, 2025), undated=True, status="Not verified")
    finally:
        lesson.MAX_CARDS = old
    assert f"<strong>{len(no)} quotes</strong>" in view.html
    assert view.html.count("alliance-status-no") == len(no)
    assert view.html.count("UNVERIFIED: these words were not found") == len(seed)
    assert view.html.count("NOT VERIFIED: seen only second-hand") == len(no) - len(seed)
    # A verified quote carries no warning badge.
    assert "alliance-status-no" not in lesson.quotes_html("q008")
    assert "Original located" in lesson.quotes_html("q008")
    # A quote resting on a weak copy says so.
    assert "Rests partly on a weaker copy" in lesson.quotes_html("q039")


def test_empty_filters_say_what_to_try():
    mismatch = lesson.quote_view(speaker="Imran Khan", affiliation="TTP")
    assert mismatch.chart is None and "alliance-empty" in mismatch.html
    assert "filed under Pakistan government" in mismatch.html and "All sides" in mismatch.html
    undated_only = lesson.quote_view(speaker="Imtiaz Gul")
    assert "all undated" in undated_only.html and "Include undated quotes" in undated_only.html
    wrong_years = lesson.quote_view(speaker="Imran Khan", years=(2024, 2025))
    assert "dated quotes are from 2021" in wrong_years.html and "widen the years" in wrong_years.html
    no_status = lesson.quote_view(speaker="Imran Khan", status="Not verified")
    assert "Set Verification to Any status" in no_status.html
    # Only undated quotes match: text but no chart.
    gul = lesson.quote_view(speaker="Imtiaz Gul", undated=True)
    assert "<strong>2 quotes</strong>" in gul.html and gul.chart is None


def test_explorer_controls_are_labelled():
    box = lesson.explorer()
    labels = [control.description for control in box.controls.values()]
    assert labels == ["Speaker:", "Speaks for:", "Years:", "Include undated quotes", "Verification:"]
    assert "8 quotes" in box.text.value


# --- In the browser ---------------------------------------------------------------------

@pytest.mark.browser
def test_lesson_02_quote_explorer_works_by_keyboard(lab_page, lab_server):
    import lab_harness as lab

    page = lab_page
    lab.run_notebook(page, lab_server, "notebooks/02_victory_in_kabul.ipynb")
    summary = page.locator(".widget-html-content:has(.alliance-quote), .widget-html-content:has(.alliance-empty)").last
    summary.scroll_into_view_if_needed()
    assert "8 quotes" in summary.inner_text()

    def wait_change(old: str):
        page.wait_for_function(
            "(old) => { const els = [...document.querySelectorAll('.widget-html-content')]"
            ".filter(e => e.querySelector('.alliance-quote, .alliance-empty'));"
            " const e = els[els.length - 1]; return e && e.innerText !== old; }", arg=old, timeout=15_000)

    # Slider: move the upper year handle right, from 2022 to 2023.
    before = summary.inner_text()
    handle = page.locator(".widget-slider .noUi-handle").last
    handle.focus()
    page.keyboard.press("ArrowRight")
    wait_change(before)
    widened = summary.inner_text()
    expected = sum(quote_year(r) in (2021, 2022, 2023) for r in rows("quotes"))
    assert f"{expected} quotes" in widened

    # Type-ahead on the speaker list: "n" picks Noor Wali Mehsud. (Letters that are JupyterLab
    # notebook shortcuts, such as "i" or "a", do not reach a <select> in an output area.)
    speaker = page.locator(".widget-dropdown:has-text('Speaker:') select").last
    speaker.focus()
    page.keyboard.press("n")
    wait_change(widened)
    assert speaker.evaluate("e => e.value") == "Noor Wali Mehsud"
    mehsud = sum(r["speaker"] == "Noor Wali Mehsud" and quote_year(r) in (2021, 2022, 2023) for r in rows("quotes"))
    one = summary.inner_text()
    assert f"{mehsud} quote" in one and "still open to the ceasefire" in one
    # Home goes back to the first option, All speakers.
    page.keyboard.press("Home")
    wait_change(one)
    assert speaker.evaluate("e => e.value") == "All speakers"
    assert f"{expected} quotes" in summary.inner_text()

    # Checkbox: Space includes undated quotes.
    box = page.locator(".widget-checkbox input[type=checkbox]").last
    box.focus()
    page.keyboard.press("Space")
    wait_change(widened)
    undated = sum(not r["date"] for r in rows("quotes"))
    assert f"{expected + undated} quotes" in summary.inner_text()
    assert "UNVERIFIED" in summary.inner_text() or "NOT VERIFIED" in summary.inner_text()
    page.locator(".widget-dropdown:has-text('Speaker:')").last.scroll_into_view_if_needed()
    lab.screenshot(page, "02_victory_in_kabul-explorer")
