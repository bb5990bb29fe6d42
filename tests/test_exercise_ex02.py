"""Exercise 02 · Victory in Kabul: the answer key against the real course data.

Every expected value is computed here from the data, independently of the key, so a
change in the data or a slip in a hash shows up as a failing test.
"""

from __future__ import annotations

import datetime

import altair as alt
import pandas as pd
import pytest

import alliance
from alliance import exercise
from alliance.checks import BLANK, Outcome

from exercise_tools import assert_hints, assert_incorrect

HIDDEN_DATES = [("2021-10-01", "2021-12-09"), ("2022-05-13", "2022-05-18"), ("2021-08-15", "2022-11-28"),
                ("2022-11-28", "2023-01-07")]


@pytest.fixture
def ex():
    return exercise("ex02")


@pytest.fixture(scope="module")
def violence():
    return alliance.load("violence")


@pytest.fixture(scope="module")
def quotes():
    return alliance.load("quotes")






def test_assignment_shape(ex):
    assert ex.ids == ["q1", "q2", "q2.hidden", "q3", "q4", "q5", "q6", "q7"]
    open_q = ex.question("q7")
    assert sum(points for _, points in open_q.rubric) == open_q.points == 4


@pytest.mark.parametrize("qid", ["q1", "q2", "q2.hidden", "q3", "q4", "q5", "q6"])
def test_blank_is_not_attempted_and_three_hints(ex, qid):
    assert ex.feedback(qid, BLANK).outcome is Outcome.NOT_ATTEMPTED
    assert_hints(ex, qid)


# --- q1: percent change in PICSS attacks, H1 2022 -> H1 2023 (H1 2023 release) ------------

def _picss(violence, metric="attacks"):
    return violence[(violence["publisher"] == "PICSS") & (violence["definition"] == "picss_militant_attacks")
                    & (violence["region"] == "Pakistan") & (violence["metric"] == metric)]


def _value(frame, year, period, vintage=None):
    rows = frame[(frame["year"] == year) & (frame["period"] == period)]
    if vintage is not None:
        rows = rows[rows["vintage"] == vintage]
    assert len(rows) == 1, rows
    return float(rows["value"].iloc[0])


def test_q1(ex, violence):
    picss = _picss(violence)
    old, new = _value(picss, 2022, "H1", 2023), _value(picss, 2023, "H1", 2023)
    right = (new - old) / old * 100
    assert ex.feedback("q1", right).correct
    assert_incorrect(ex, "q1", new - old, "absolute change")
    assert_incorrect(ex, "q1", (new - old) / new * 100, "divided by the 2023 count")
    assert_incorrect(ex, "q1", (old - new) / new * 100, "base is the later value")
    assert_incorrect(ex, "q1", -right, "sign is reversed")
    assert_incorrect(ex, "q1", new / old * 100, "Subtract 100")
    assert_incorrect(ex, "q1", (new - old) / old, "fraction")
    h2 = _value(picss, 2022, "H2", 2023)
    assert_incorrect(ex, "q1", (new - h2) / h2 * 100, "same half of two years")
    y22_restated, y23 = _value(picss, 2022, "annual", 2023), _value(picss, 2023, "annual", 2023)
    assert_incorrect(ex, "q1", (y23 - y22_restated) / y22_restated * 100, "annual totals for 2022 and 2023")
    y22_first = _value(picss, 2022, "annual", 2022)
    assert_incorrect(ex, "q1", (y23 - y22_first) / y22_first * 100, "two different reports")
    assert ex.feedback("q1", picss).outcome is Outcome.INCORRECT  # a table, not a number


# --- q2: days_between(start, end), visible and hidden --------------------------------------

def _days(start, end):
    return (datetime.date.fromisoformat(end) - datetime.date.fromisoformat(start)).days


def test_q2_visible(ex):
    events = alliance.load("events").set_index("event_id")
    start = events.loc["2022-06-02-ttp-indefinite-ceasefire-kabul-jirga", "date"]
    end = events.loc["2022-11-28-ttp-ends-ceasefire", "date"]
    assert (start.date().isoformat(), end.date().isoformat()) == ("2022-06-02", "2022-11-28")  # the check's dates
    right = _days("2022-06-02", "2022-11-28")
    assert ex.feedback("q2", right).correct
    assert_incorrect(ex, "q2", right + 1, "both the first and the last day")
    assert_incorrect(ex, "q2", right - 1, "One day too few")
    assert_incorrect(ex, "q2", -right, "sign is reversed")
    assert_incorrect(ex, "q2", pd.Timestamp("2022-11-28") - pd.Timestamp("2022-06-02"), ".days")
    assert_incorrect(ex, "q2", None, "returned None")


def test_q2_hidden(ex):
    right = [_days(s, e) for s, e in HIDDEN_DATES]
    assert ex.feedback("q2.hidden", right).correct
    assert_incorrect(ex, "q2.hidden", [d + 1 for d in right], "one day too many")
    assert_incorrect(ex, "q2.hidden", [-d for d in right], "sign reversed")
    assert_incorrect(ex, "q2.hidden", [datetime.timedelta(days=d) for d in right], "Timedelta")
    months_of_30 = [round(d / 30) * 30 for d in right]
    assert months_of_30 != right
    assert_incorrect(ex, "q2.hidden", months_of_30, "other dates")


def test_q2_hidden_dates_come_from_the_data():
    events = alliance.load("events")
    talks = alliance.load("talks")
    dates = set(events["date"].dt.strftime("%Y-%m-%d")) | set(talks["start_date"].dt.strftime("%Y-%m-%d")) \
        | set(talks["end_date"].dropna().dt.strftime("%Y-%m-%d"))
    quotes = alliance.load("quotes")
    dates |= set(quotes["date"].dropna().dt.strftime("%Y-%m-%d"))
    assert {d for pair in HIDDEN_DATES for d in pair} <= dates


# --- q3: percentage of each side's statements whose original was located ------------------

def _share(quotes, statuses, scale=100):
    out = {}
    for side, group in quotes.groupby(quotes["affiliation"].astype(str)):
        out[side] = group["original_located"].astype(str).isin(statuses).mean() * scale
    return pd.Series(out)


def test_q3(ex, quotes):
    right = _share(quotes, ["yes"])
    assert ex.feedback("q3", right).correct
    # the solution's form: a categorical index, sides without statements left out (observed=True)
    located = quotes["original_located"] == "yes"
    assert ex.feedback("q3", located.groupby(quotes["affiliation"], observed=True).mean() * 100).correct
    # observed=False adds the empty side as NaN, which the check ignores
    assert ex.feedback("q3", located.groupby(quotes["affiliation"], observed=False).mean() * 100).correct
    assert_incorrect(ex, "q3", _share(quotes, ["yes"], scale=1), "fractions")
    assert_incorrect(ex, "q3", _share(quotes, ["yes", "partial"]), "partial")
    assert_incorrect(ex, "q3", _share(quotes, ["no"]), "second-hand")
    counts = located.groupby(quotes["affiliation"], observed=True).sum()
    assert_incorrect(ex, "q3", counts, "numbers of statements")
    assert_incorrect(ex, "q3", right.to_frame("share"), "Expected a Series")
    changed = right.copy()
    changed.iloc[0] += 5
    assert_incorrect(ex, "q3", changed, "Not the expected percentages")


# --- q4: chart reading (deaths, Jan-Jun 2023 minus Jul-Dec 2022) --------------------------

def test_q4(ex, violence):
    from alliance.lessons import l02_victory_in_kabul as lesson

    rows = lesson.half_year_violence(violence)
    shown = {(r.metric, r.year, str(r.period)): float(r.value) for r in rows.itertuples()}
    deaths_h2, deaths_next = shown[("fatalities_total", 2022, "H2")], shown[("fatalities_total", 2023, "H1")]
    right = deaths_next - deaths_h2
    assert ex.feedback("q4", right).correct
    assert ex.feedback("q4", int(right)).correct
    assert_incorrect(ex, "q4", shown[("attacks", 2023, "H1")] - shown[("attacks", 2022, "H2")], "left panel")
    assert_incorrect(ex, "q4", deaths_next - shown[("fatalities_total", 2022, "H1")], "January–June 2022")
    assert_incorrect(ex, "q4", -right, "sign is reversed")
    assert_incorrect(ex, "q4", right / deaths_h2 * 100, "percent change")


# --- q5: a claim by a party, not an independent count --------------------------------------

def test_q5(ex):
    row = alliance.load("events").set_index("event_id").loc["2022-12-11-chaman-cross-border-shelling"]
    assert row["reported_fatalities"] == 6  # the figure the prompt quotes
    assert row["fatalities_claimant"] == "ISPR"  # option (c): Pakistan's military media wing
    assert "5" in row["note"] and "8" in row["note"]  # other reports differ
    assert ex.feedback("q5", "c").correct
    assert ex.feedback("q5", "C").correct
    assert_incorrect(ex, "q5", "a", "UN")
    assert_incorrect(ex, "q5", "b", "Afghan side")


# --- q6: PICSS yearly attacks 2019-2023, first printings only -----------------------------

@pytest.fixture(scope="module")
def annual(violence):
    rows = _picss(violence)
    rows = rows[(rows["period"] == "annual") & rows["year"].between(2019, 2023)]
    return rows[["year", "vintage", "value"]].reset_index(drop=True)


def _chart(table, title="PICSS attacks", mark="line"):
    base = alt.Chart(table, title=title) if title else alt.Chart(table)
    return getattr(base, f"mark_{mark}")().encode(x="year:O", y="value:Q")


def test_q6_good_charts(ex, annual):
    first = annual[annual["vintage"] == annual["year"]][["year", "value"]]
    assert sorted(first["year"]) == list(range(2019, 2024))
    assert ex.feedback("q6", _chart(first)).correct
    assert ex.feedback("q6", _chart(first, mark="bar")).correct
    assert ex.feedback("q6", _chart(first).to_dict()).correct  # as the grader receives it


def test_q6_broken_charts(ex, annual, violence):
    first = annual[annual["vintage"] == annual["year"]][["year", "value"]]
    restated = annual.sort_values("vintage").drop_duplicates("year", keep="last")[["year", "value"]]
    assert not restated["value"].reset_index(drop=True).equals(first["value"].reset_index(drop=True))
    assert_incorrect(ex, "q6", _chart(first, mark="area"), "mark")
    assert_incorrect(ex, "q6", alt.Chart(first, title="T").mark_line().encode(x="value:Q", y="year:O"), "x shows")
    assert_incorrect(ex, "q6", alt.Chart(first, title="T").mark_line().encode(x="year:O", y="value:N"), "a number")
    assert_incorrect(ex, "q6", _chart(first[first["year"] < 2023]), "2019 to 2023")
    assert_incorrect(ex, "q6", _chart(annual[["year", "value"]]), "appear twice")
    assert_incorrect(ex, "q6", _chart(restated), "first printed")
    deaths = _picss(violence, "fatalities_total")
    deaths = deaths[(deaths["period"] == "annual") & (deaths["vintage"] == deaths["year"])
                    & deaths["year"].between(2019, 2023)][["year", "value"]]
    if set(deaths["year"]) == set(range(2019, 2024)):
        assert_incorrect(ex, "q6", _chart(deaths), "first printed")
    assert_incorrect(ex, "q6", _chart(first, title=None), "no title")
    assert_incorrect(ex, "q6", first, "Expected an Altair chart")


# --- q7: open question --------------------------------------------------------------------

def test_q7_is_graded_by_a_person(ex):
    assert ex.feedback("q7", BLANK).outcome is Outcome.NOT_ATTEMPTED
    assert ex.feedback("q7", "word " * 60).outcome is Outcome.UNCHECKABLE
    assert "graded by a person" in ex._hint("q7").text


def test_key_holds_no_plain_answers():
    import re
    from pathlib import Path

    import alliance.answer_keys.ex02 as key

    text = re.sub(r"[0-9a-f]{64}", "<hash>", Path(key.__file__).read_text(encoding="utf-8"))
    for literal in ("79.47", "143", "179", "= \"c\""):
        assert literal not in text
