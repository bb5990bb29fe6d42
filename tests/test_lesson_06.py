"""Lesson 06 · October 2025: timeline, claim-spread chart, claims explorer."""

from __future__ import annotations

import json

import altair as alt
import pandas as pd
import pytest

import alliance
import lab_harness as lab
from alliance import charts
from alliance.lessons import l06_october_2025 as lesson
from spec_tools import axis_titles, tooltip_titles

BORDER = "2025-10-11-border-clashes"
PAKTIKA = "2025-10-17-paktika-strikes"


@pytest.fixture(scope="module")
def claims():
    return alliance.load("claims")


@pytest.fixture(scope="module")
def events():
    return alliance.load("events")


def spec_of(chart) -> dict:
    return chart.to_dict()


def all_encodings(spec: dict):
    """Every encoding block in a (possibly layered or faceted) spec."""
    stack = [spec]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if "encoding" in node:
                yield node["encoding"]
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)


def subtitle(spec: dict) -> list[str]:
    sub = spec["title"]["subtitle"]
    return sub if isinstance(sub, list) else [sub]


# --- data preparation -----------------------------------------------------------------

def test_value_text_covers_every_form():
    assert lesson.value_text(23, 23) == "23"
    assert lesson.value_text(25, 30) == "25–30"
    assert lesson.value_text(200, pd.NA) == "200 or more"
    assert lesson.value_text(pd.NA, pd.NA) == "no figure"


def test_open_ended_claims_are_exactly_those_without_upper_bound(claims):
    prepared = lesson.prepare_claims(claims)
    expected = set(claims.loc[claims["value_low"].notna() & claims["value_high"].isna(), "claim_id"])
    assert set(prepared.loc[prepared["open_ended"], "claim_id"]) == expected
    assert "c007" in expected  # ISPR's "more than 200"
    assert prepared.set_index("claim_id").loc["c007", "figure"] == "200 or more"


def test_timeline_covers_october_to_december_2025(events):
    table = lesson.timeline_table(events)
    inside = events[(events["date"] >= "2025-10-01") & (events["date"] <= "2025-12-31")]
    assert len(table) == len(inside)
    assert table["date"].iloc[0] == inside["date"].min().strftime("%d %b")
    border = table[table["event"] == inside.set_index("event_id").loc[BORDER, "title"]]
    assert border["deaths reported"].iloc[0] == 23


def test_spread_table_matches_an_independent_count(claims):
    table = lesson.spread_table(claims).set_index(["incident_id", "subject"])
    # Independently: every incident/subject with two or more death figures (minus partial counts).
    killed = claims[(claims["metric"] == "killed") & claims["value_low"].notna()
                    & ~claims["claim_id"].isin(list(lesson.PARTIAL_COUNTS))]
    sizes = killed.groupby(["incident_id", "subject"], observed=True).size()
    assert set(table.index) == set(sizes[sizes >= 2].index)
    soldiers = table.loc[(BORDER, "Pakistani soldiers")]
    assert (soldiers["lowest"], soldiers["highest"], soldiers["open_ended"]) == (23, 58, False)
    assert soldiers["highest ÷ lowest"] == round(58 / 23, 1)
    taliban = table.loc[(BORDER, "Afghan Taliban forces")]
    assert (taliban["lowest"], taliban["highest"], taliban["open_ended"]) == (9, 200, True)
    # The cricketers-only figure (3) must not become Paktika's lowest civilian toll.
    assert table.loc[(PAKTIKA, "Afghan civilians"), "lowest"] == 8


def test_incidents_are_in_date_order_and_complete(claims):
    table = lesson.incidents()
    assert set(table["incident_id"]) == set(claims["incident_id"])
    assert table["incident_date"].is_monotonic_increasing
    assert table["claims"].sum() == len(claims)


# --- charts ----------------------------------------------------------------------------

def test_timeline_chart_is_labelled_and_compiles(events):
    chart = lesson.timeline_chart(events)
    spec = spec_of(chart)
    assert spec["title"]["text"] == "October to December 2025, event by event"
    assert subtitle(spec)[-1].startswith("Source:")
    assert "Timeline chart" in spec["description"]
    assert "Date (2025)" in axis_titles(spec)
    assert {"Event", "When", "Kind", "Deaths reported"} <= tooltip_titles(spec)
    rows = lesson.recent_events(events)
    assert len(spec["datasets"][next(iter(spec["datasets"]))]) == len(rows)
    assert charts.compile_svg(chart).startswith("<svg")


def test_spread_chart_is_labelled_and_compiles(claims):
    chart = lesson.spread_chart(claims)
    spec = spec_of(chart)
    assert spec["title"]["text"] == "How far apart are the death claims?"
    assert subtitle(spec)[-1].startswith("Source:")
    assert spec["description"].startswith("Dot chart")
    assert "Deaths claimed (people)" in axis_titles(spec)
    assert {"Claimant", "Type", "Whose losses", "Figure claimed"} <= tooltip_titles(spec)
    data = pd.DataFrame(next(d for d in spec["datasets"].values() if "claim_id" in d[0]))
    assert "c042" not in set(data["claim_id"])
    assert data["row"].nunique() == len(lesson.spread_table(claims))
    # The open-ended claims carry an arrow beyond their number.
    arrow = data.set_index("claim_id").loc["c007"]
    assert arrow["open_ended"] and arrow["arrow_end"] > arrow["low"] == 200
    svg = charts.compile_svg(chart)
    assert "How far apart" in svg


def test_source_lines_wrap_or_summarise(claims, events):
    short = lesson.source_lines(claims[claims["incident_id"] == BORDER])
    assert short[0].startswith("Source:") and all(len(line) <= 110 for line in short)
    long = lesson.source_lines(lesson.recent_events(events))
    assert len(long) == 1 and "listed under Sources" in long[0]


# --- explorer ---------------------------------------------------------------------------

def test_view_shows_every_claim_about_the_border_night(claims):
    result = lesson.view(BORDER, "killed")
    expected = claims[(claims["incident_id"] == BORDER) & (claims["metric"] == "killed")]
    assert result.html.count("<tr") == len(expected) + 1  # header row + one per claim
    assert "200 or more" in result.html and "58" in result.html
    assert "2.5 times the lowest" in result.html
    assert "at least 22.2 times" in result.html
    spec = spec_of(result.chart)
    assert spec["title"]["text"] == "Killed: every claim"
    assert spec["description"].startswith("Dot chart")
    assert "Deaths claimed (people)" in axis_titles(spec)
    assert {"Claimant", "Type", "Figure claimed", "Claim made on"} <= tooltip_titles(spec)
    assert spec["facet"]["row"]["field"] == "subject"
    assert charts.compile_svg(result.chart).startswith("<svg")


def test_view_posts_and_injured_use_their_own_units(claims):
    posts = lesson.view(BORDER, "posts")
    n_posts = claims[(claims["incident_id"] == BORDER) & claims["metric"].isin(["posts_captured", "posts_destroyed"])]
    assert posts.html.count("<tr") == len(n_posts) + 1
    assert "Border posts claimed (posts)" in axis_titles(spec_of(posts.chart))
    injured = lesson.view("2025-10-15-spin-boldak-chaman-clash", "injured")
    assert "Injuries claimed (people)" in axis_titles(spec_of(injured.chart))
    assert "Partial count" in injured.html  # the hospital's women-and-children figure
    charts.compile_svg(injured.chart)


def test_view_empty_messages_say_what_to_try():
    empty = lesson.view("2025-10-09-kabul-paktika-strikes", "posts")
    assert empty.chart is None
    assert "Nothing to show" in empty.html and "Try &#x27;Killed&#x27;" in empty.html
    unknown = lesson.view("no-such-incident", "killed")
    assert unknown.chart is None and "choose an incident" in unknown.html


def test_view_lists_statements_without_a_figure(claims):
    result = lesson.view("2025-11-25-khost-kunar-paktika-strikes", "killed")
    assert "Statement without a figure" in result.html and "denied" in result.html
    assert "all 2 claims give 10" in result.html


def test_explorer_chart_from_template_is_the_altair_chart(monkeypatch):
    states = [(i, m) for i in lesson.incidents()["incident_id"] for m in lesson.METRICS]
    fast = [lesson.view(*state) for state in states]
    with monkeypatch.context() as m:
        m.setattr(lesson, "_templates_apply", lambda: False)  # the reference: built by Altair each time
        slow = [lesson.view(*state) for state in states]
    drawn = 0
    for state, a, b in zip(states, fast, slow):
        assert a.html == b.html, state
        if b.chart is None:
            assert a.chart is None, state
            continue
        drawn += 1
        assert isinstance(a.chart, alt.FacetChart), state
        spec = a.chart.to_dict()
        assert json.dumps(spec) == json.dumps(b.chart.to_dict()), state  # same content, same key order
        assert a.chart.copy().to_dict() == spec  # Altair's own serialisation (with validation) agrees
    assert drawn >= 10
    chart = fast[0].chart if fast[0].chart is not None else next(v.chart for v in fast if v.chart is not None)
    assert chart.properties(description="changed").to_dict()["description"] == "changed"


def test_explorer_controls_are_labelled():
    box = lesson.explorer()
    controls = list(box.controls.values())
    assert [c.description for c in controls] == ["Incident", "What is claimed"]
    assert controls[0].value == BORDER


def test_quotes_come_from_the_data():
    quotes = alliance.load("quotes")
    text = lesson.quotes_html(quotes, ["q033"])
    words = quotes.set_index("quote_id").loc["q033", "words"]
    assert words[:40] in text and "Inter-Services Public Relations" in text


# --- browser -----------------------------------------------------------------------------

@pytest.mark.browser
def test_claims_explorer_works_by_keyboard(lab_page, lab_server):
    page = lab_page
    lab.run_notebook(page, lab_server, "notebooks/06_october_2025.ipynb")
    picker = page.locator(".widget-dropdown select").first
    heading = page.locator(".widget-html-content:has(table.alliance-claims) h4").first
    before = heading.inner_text()
    assert "Border clashes" in before
    picker.focus()
    page.keyboard.press("P")  # type-ahead: the Paktika strikes
    page.wait_for_function(
        "(old) => { const e = document.querySelector('.widget-html-content table.alliance-claims');"
        " return e && e.parentElement.querySelector('h4').innerText !== old; }", arg=before, timeout=15_000)
    after = heading.inner_text()
    assert after != before and after.startswith("P")
    # Space on the focused "Injured" toggle button switches the metric.
    injured = page.locator(".widget-toggle-buttons button", has_text="Injured").first
    injured.focus()
    page.keyboard.press("Space")
    page.wait_for_function("() => [...document.querySelectorAll('.widget-html-content table.alliance-claims td')]"
                           ".some(td => td.innerText.trim() === 'injured')", timeout=15_000)
    # The explorer's chart is redrawn for the new incident and metric; JupyterLab draws on a canvas,
    # so read the chart's accessible description (its aria-label) rather than its text.
    page.wait_for_function("() => [...document.querySelectorAll('.vega-embed .chart-wrapper')]"
                           ".some(c => (c.getAttribute('aria-label') || '').includes('Paktika')"
                           " && c.getAttribute('aria-label').includes('(injured)'))", timeout=15_000)
    total, drawn = lab.chart_status(page)
    assert total == drawn == 3
    page.locator(".widget-toggle-buttons").first.scroll_into_view_if_needed()
    lab.screenshot(page, "06_october_2025-explorer")
