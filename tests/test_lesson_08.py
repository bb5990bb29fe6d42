"""Lesson 08 · The wider board: chart builders, the relations explorer and its browser behaviour."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import alliance
import lab_harness as lab
from alliance import charts
from alliance.lessons import l08_the_wider_board as lesson
from spec_tools import axis_titles, tooltip_titles

REPO = Path(__file__).resolve().parents[1]
NOTEBOOK = "notebooks/08_the_wider_board.ipynb"


@pytest.fixture(scope="module")
def relations() -> pd.DataFrame:
    alliance.setup()
    return alliance.load("relations")


def in_force_ids(relations: pd.DataFrame, year: int, tie: str | None = None) -> set[str]:
    """Independent reading of the rule stated in the lesson."""
    last = 2025
    ids = set()
    for r in relations.itertuples():
        if tie and str(r.tie) != tie:
            continue
        start = None if pd.isna(r.start_year) else int(r.start_year)
        end = None if pd.isna(r.end_year) else int(r.end_year)
        if start is None:
            if (end if end is not None else last) == year:
                ids.add(r.relation_id)
        elif start <= year and (end is None or end >= year):
            ids.add(r.relation_id)
    return ids


def spec_of(chart) -> dict:
    return chart.to_dict()


def all_encodings(spec: dict) -> list[dict]:
    out = []
    for part in [spec, *spec.get("layer", []), spec.get("spec", {}) or {}]:
        if "encoding" in part:
            out.append(part["encoding"])
    return out


# --- data rules -------------------------------------------------------------------

def test_latest_year_is_2025(relations):
    assert lesson.latest_year(relations) == 2025


@pytest.mark.parametrize("year", [1893, 1979, 1998, 2001, 2010, 2021, 2024, 2025])
def test_in_force_matches_independent_rule(relations, year):
    got = set(lesson.in_force(lesson.prepare(relations), year)["relation_id"])
    assert got == in_force_ids(relations, year)


def test_undated_ties_shown_only_in_confirmed_year(relations):
    undated = relations[relations["start_year"].isna()]
    assert set(undated["relation_id"]) == {"sau-afgtaliban-recognition-1990s", "uae-afgtaliban-recognition-1990s",
                                           "sau-afgtaliban-support-1990s", "haqqani-afgtaliban-support"}
    frame = lesson.prepare(relations)
    assert "sau-afgtaliban-recognition-1990s" not in set(lesson.in_force(frame, 1998)["relation_id"])
    assert "sau-afgtaliban-recognition-1990s" in set(lesson.in_force(frame, 2001)["relation_id"])
    assert "haqqani-afgtaliban-support" in set(lesson.in_force(frame, 2025)["relation_id"])
    assert "haqqani-afgtaliban-support" not in set(lesson.in_force(frame, 2024)["relation_id"])


def test_ties_by_type_counts(relations):
    table = lesson.ties_by_type(relations)
    expected = relations["tie"].astype(str).value_counts()
    for tie, label in lesson.TIE_LABEL.items():
        assert table.loc[label, "ties"] == expected[tie]
    assert table["ties"].sum() == len(relations)
    assert table["still_in_force"].sum() == relations["end_year"].isna().sum()
    assert table.loc["Recognition", "start_year_not_given"] == 2


def test_board_ties_counts(relations):
    counts = lesson.board_ties(relations)
    # Independently: ties in force some time in 2021-2025 with an outside power at one end.
    board = set(lesson.BOARD)
    ids = set()
    for year in range(2021, 2026):
        ids |= in_force_ids(relations, year)
    rows = relations[relations["relation_id"].isin(ids)
                     & (relations["from_actor"].isin(board) | relations["to_actor"].isin(board))]
    assert counts["ties"].sum() == len(rows)
    usa_designations = counts[(counts["power"] == "United States") & (counts["tie_label"] == "Terrorist designation")]
    assert int(usa_designations["ties"].sum()) == len(rows[(rows["from_actor"] == "USA") & (rows["tie"] == "designation")]) == 4
    mediators = set(counts.loc[counts["tie_label"] == "Mediation", "power"])
    assert mediators == {"Qatar", "Türkiye", "Saudi Arabia"}


def test_engagement_with_taliban_starts_since_2020(relations):
    table = lesson.engagement_with_taliban(relations)
    expected = relations[(relations["to_actor"] == "AFG_TALIBAN") & relations["from_actor"].isin(lesson.BOARD)
                         & (relations["start_year"] >= 2020)]
    assert len(table) == len(expected)
    russia = table[table["from"] == "Russia"]
    assert list(russia["tie"]) == ["Recognition"] and list(russia["years"]) == ["2025 – ongoing"]


def test_board_diplomacy_events():
    events = alliance.load("events")
    table = lesson.board_diplomacy(events)
    assert (table["date"] >= "2021-01-01").all()
    assert "Russia formally recognises the Taliban government" in set(table["event"])
    assert table["outside powers"].str.len().gt(0).all()


def test_quote_and_glossary_tables():
    quotes = lesson.quote_table(alliance.load("quotes"))
    assert list(quotes["id"]) == lesson.QUOTE_IDS
    assert set(quotes["original read?"]) <= {"yes", "no", "partial"}
    glossary = lesson.glossary_table(alliance.load("glossary"))
    assert list(glossary["term"]) == lesson.GLOSSARY_TERMS


# --- charts -------------------------------------------------------------------------

def test_board_ties_chart_spec_and_compiles(relations):
    chart = lesson.board_ties_chart(relations)
    spec = spec_of(chart)
    assert spec["title"]["text"] == "Outside powers deal with both neighbours"
    assert spec["title"]["subtitle"][-1].startswith("Source: ")
    assert "Stacked horizontal bars" in spec["description"]
    assert {"Outside power", "Ties (count)"} <= axis_titles(spec)
    assert {"Outside power", "Type", "Ties (count)", "Who → whom"} <= tooltip_titles(spec)
    svg = charts.compile_svg(chart)
    assert svg.startswith("<svg") and "Afghan Taliban" in svg and "At the other end of the tie" in svg


def test_status_timeline_chart_spec_and_compiles(relations):
    chart = lesson.status_timeline_chart(relations)
    spec = spec_of(chart)
    assert spec["title"]["text"] == "Who recognised the Taliban, and who lists whom as terrorist"
    assert spec["title"]["subtitle"][-1].startswith("Source: ")
    assert spec["description"]
    assert {"Who recognises or designates whom",
            "Year (each bar runs from its first to its last year)"} <= axis_titles(spec)
    assert {"Who → whom", "Years", "Status", "What the sources say"} <= tooltip_titles(spec)
    frame = lesson.status_ties(relations)
    expected = relations[relations["tie"].isin(["recognition", "designation"])]
    assert len(frame) == len(expected) == 18
    # Every label names who acts on whom.
    assert "United States designates TTP" in set(frame["who_whom"])
    assert "Russia recognises Afghan Taliban" in set(frame["who_whom"])
    svg = charts.compile_svg(chart)
    assert "start year not given" in svg


# --- explorer ------------------------------------------------------------------------

def test_view_all_ties_2025(relations):
    result = lesson.view(2025, "all")
    n = len(in_force_ids(relations, 2025))
    assert f"<strong>{n}</strong> ties in force" in result.html
    assert "Russia → Afghan Taliban (recognition)" in result.html  # began in 2025
    spec = spec_of(result.chart)
    assert spec["title"]["text"] == "Who is tied to whom in 2025: all tie types"
    assert spec["title"]["subtitle"][-1].startswith("Source: ")
    assert spec["description"]
    assert {"To (the actor the tie is directed at)", "From (the actor that acts)"} <= axis_titles(spec)
    assert {"Who → whom", "Tie type", "Years", "What the sources say"} <= tooltip_titles(spec)
    cells = [d for d in spec["datasets"].values() if d and "tie_label" in d[0]]
    assert len(cells[0]) == n
    assert charts.compile_svg(result.chart).startswith("<svg")


@pytest.mark.parametrize("year,tie", [(1998, "recognition"), (2012, "designation"), (2025, "mediation"),
                                      (2001, "support")])
def test_view_counts_by_type(relations, year, tie):
    result = lesson.view(year, tie)
    n = len(in_force_ids(relations, year, tie))
    assert n > 0
    assert f"<strong>{n}</strong> {lesson.TIE_LABEL[tie].lower()} ties in force" in result.html
    assert lesson.TIE_LABEL[tie].lower() in spec_of(result.chart)["title"]["text"]


def test_view_empty_says_what_to_try():
    result = lesson.view(2010, "recognition")
    assert result.chart is None
    assert "Nothing to show" in result.html
    assert "1996–2001 and 2025" in result.html and "All tie types" in result.html


def test_view_mentions_undated_ties():
    assert "Not drawn, because the sources give no start year" in lesson.view(1998, "all").html
    assert "Saudi Arabia → Afghan Taliban (recognition)" in lesson.view(1998, "all").html
    assert "outlined" in lesson.view(2001, "all").html
    empty = lesson.view(1995, "recognition")
    assert empty.chart is None and "Possibly in force then" in empty.html


def test_view_lists_diplomacy_events_of_the_year():
    assert "Russia formally recognises the Taliban government" in lesson.view(2025, "all").html


def test_matrix_axes_stay_put_while_the_year_moves():
    a = spec_of(lesson.view(2001, "all").chart)
    b = spec_of(lesson.view(2025, "all").chart)
    axis_a = a["layer"][0]["encoding"]["y"]["axis"]["labelExpr"]
    axis_b = b["layer"][0]["encoding"]["y"]["axis"]["labelExpr"]
    assert axis_a == axis_b


def _descendants(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _descendants(child)


def test_explorer_builds_with_labelled_controls():
    import ipywidgets as w

    box = lesson.explorer()
    every = list(_descendants(box))
    slider = next(c for c in every if isinstance(c, w.IntSlider))
    dropdown = next(c for c in every if isinstance(c, w.Dropdown))
    assert slider.description == "Year" and (slider.min, slider.max, slider.value) == (1893, 2025, 2025)
    assert dropdown.description == "Tie type" and dropdown.value == "all"
    text = next(c for c in every if isinstance(c, w.HTML) and "ties in force" in c.value)
    before = text.value
    dropdown.value = "recognition"
    assert text.value != before and "recognition tie in force" in text.value
    slider.value = 2010
    assert "Nothing to show" in text.value


# --- browser -------------------------------------------------------------------------

@pytest.mark.browser
def test_lesson_08_explorer_by_keyboard(lab_page, lab_server):
    page = lab_page
    lab.run_notebook(page, lab_server, NOTEBOOK)
    summary = page.locator(".widget-html-content:has-text('ties in force')").first
    summary.scroll_into_view_if_needed()
    before = summary.inner_text()
    assert "2025" in before

    # Tie type: focus the select and type-ahead "r" for Recognition.
    select = page.locator(".widget-dropdown select").last
    select.focus()
    page.keyboard.press("r")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.widget-html-content')].some(e => e.innerText.includes('recognition tie in force'))",
        timeout=15_000)
    assert select.evaluate("e => e.selectedOptions[0].textContent") == "Recognition"
    after_tie = page.locator(".widget-html-content:has-text('recognition tie in force')").first.inner_text()
    assert "2025" in after_tie and "1 " in after_tie

    # Year slider: one step left (2024) leaves no recognition in force -> the empty message.
    handle = page.locator(".noUi-handle").last
    handle.focus()
    page.keyboard.press("ArrowLeft")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.widget-html-content')].some(e => e.innerText.includes('Nothing to show'))",
        timeout=15_000)
    empty = page.locator(".widget-html-content:has-text('Nothing to show')").first.inner_text()
    assert "2024" in empty

    # And back right: the matrix returns.
    handle.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.widget-html-content')].some(e => e.innerText.includes('recognition tie in force'))",
        timeout=15_000)
    page.wait_for_timeout(1500)
    page.locator(".widget-dropdown select").last.scroll_into_view_if_needed()
    lab.screenshot(page, "08_the_wider_board-explorer")
    total, drawn = lab.chart_status(page)
    assert drawn == total
