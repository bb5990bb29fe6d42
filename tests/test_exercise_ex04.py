"""Exercise 04 (The border: crossings, closures and trade): the answer key against the real data.

Expected answers are computed here from trade.csv, border_closures.csv and crossings.csv with
plain pandas, independently of the key; every known mistake is computed the way a mistaken
learner would compute it.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import altair as alt
import nbformat
import pandas as pd
import pytest

import alliance
from alliance import exercise
from alliance.checks import BLANK, ChartQuestion, OpenQuestion, Outcome, Question

from exercise_tools import assert_mistakes, mistake_messages

REPO = Path(__file__).resolve().parents[1]
CUSTOMS, SBP = "FBR/Pakistan Customs", "SBP"
AFGHAN_MINISTRY = "Afghan Ministry of Industry and Commerce (Taliban)"


@pytest.fixture(scope="module")
def ex():
    return exercise("ex04")


@pytest.fixture(scope="module")
def trade():
    return alliance.load("trade")


@pytest.fixture(scope="module")
def closures():
    return alliance.load("border_closures")


@pytest.fixture(scope="module")
def crossings():
    return alliance.load("crossings")


def value(trade, body, flow, period, period_type):
    rows = trade[(trade["data_source"] == body) & (trade["flow"] == flow) & (trade["period"] == period)
                 & (trade["period_type"] == period_type)]
    assert len(rows) == 1, (body, flow, period)
    factor = {"USD million": 1.0, "USD billion": 1000.0}[rows["unit"].iloc[0]]
    return float(rows["value"].iloc[0]) * factor


def pct(old, new):
    return (new - old) / old * 100


def days(start, end):
    return (pd.Timestamp(end) - pd.Timestamp(start)).days






# --- structure ------------------------------------------------------------------------------

def test_questions_in_order_with_three_hints(ex):
    assert ex.ids == ["q1", "q2", "q2.hidden", "q3", "q4", "q5", "q6", "q7", "q8"]
    for qid in ex.ids:
        if not isinstance(ex.question(qid), OpenQuestion):
            assert len(ex.question(qid).hints) == 3, qid
    kinds = [type(ex.question(q)) for q in ex.ids]
    assert kinds.count(ChartQuestion) == 1 and kinds.count(OpenQuestion) == 1


def test_open_question_rubric_adds_up(ex):
    q8 = ex.question("q8")
    assert sum(points for _, points in q8.rubric) == q8.points == 4
    assert ex.feedback("q8", "YOUR ANSWER HERE").outcome is Outcome.NOT_ATTEMPTED




def test_scalar_answers_are_only_hashes(ex):
    for qid in ["q1", "q2", "q2.hidden", "q3", "q5", "q6"]:
        question = ex.question(qid)
        assert isinstance(question, Question) and len(question.answer_hash) == 64 and question.derive is None


# --- q1: fiscal-year exports, one body ------------------------------------------------------------

def test_q1(ex, trade):
    exports = "exports_to_afghanistan"
    fy24 = value(trade, CUSTOMS, exports, "FY2024", "fiscal_year")
    fy25 = value(trade, CUSTOMS, exports, "FY2025", "fiscal_year")
    assert ex.feedback("q1", pct(fy24, fy25)).correct
    assert ex.feedback("q1", round(pct(fy24, fy25), 2)).correct
    sbp24 = value(trade, SBP, exports, "FY2024", "fiscal_year")
    cal24 = value(trade, AFGHAN_MINISTRY, exports, "2024", "calendar_year")
    cal25 = value(trade, AFGHAN_MINISTRY, exports, "2025", "calendar_year")
    total24 = value(trade, CUSTOMS, "total_bilateral", "FY2024", "fiscal_year")
    total25 = value(trade, CUSTOMS, "total_bilateral", "FY2025", "fiscal_year")
    assert_mistakes(ex, "q1", [
        (fy25 - fy24, "absolute change"),
        (pct(fy25, fy24), "years are reversed"),
        (fy25 / fy24, "ratio"),
        (fy25 / fy24 * 100, "percent of FY2024"),
        ((fy25 - fy24) / fy24, "fraction"),
        (pct(sbp24, fy25), "mixes two bodies"),
        (pct(cal24, cal25), "calendar-year"),
        (pct(total24, total25), "total bilateral"),
        (trade.head(2), "not a table"),
    ])


# --- q2: days_closed, visible and hidden ------------------------------------------------------------

def test_q2_visible(ex, closures):
    sehwan = closures.set_index("closure_id").loc["2017-02-16-all-crossings-sehwan"]
    start, end = sehwan["start_date"], sehwan["end_date"]
    assert (str(start.date()), str(end.date())) == ("2017-02-16", "2017-03-20")  # the check cell's inputs
    answer = days(start, end)
    assert ex.feedback("q2", answer).correct and ex.feedback("q2", float(answer)).correct
    assert_mistakes(ex, "q2", [
        (answer + 1, "reopening day too"),
        (-answer, "sign is reversed"),
        (end.day - start.day, "days of the month"),
        (end - start, "Timedelta"),
        (None, "returns None"),
    ])


def test_q2_hidden(ex, closures):
    kurram = closures.set_index("closure_id").loc["2024-10-12-kharlachi-kurram-violence"]
    start, end = kurram["start_date"], kurram["end_date"]
    assert (str(start.date()), str(end.date())) == ("2024-10-12", "2025-05-09")  # the hidden test's inputs
    answer = days(start, end)
    assert ex.feedback("q2.hidden", answer).correct
    assert_mistakes(ex, "q2.hidden", [
        (answer + 1, "reopening day too"),
        (-answer, "sign is reversed"),
        (end.day_of_year - start.day_of_year, "days of the year"),
        (end.day - start.day, "days of the month"),
        (days("2017-02-16", "2017-03-20"), "must be a function"),
        (datetime.timedelta(days=answer), "Timedelta"),
    ])


def test_q2_the_check_cell_survives_an_untouched_stub(ex):
    days_closed = BLANK
    answer = days_closed("2017-02-16", "2017-03-20") if callable(days_closed) else days_closed
    assert ex.feedback("q2", answer).outcome is Outcome.NOT_ATTEMPTED


# --- q3: Torkham's days closed since 2023 ----------------------------------------------------------

def torkham_days(closures, exact=False, since="2023-01-01", inclusive=False):
    ids = closures["crossing_ids"]
    names = (ids == "torkham") if exact else ids.map(lambda v: "torkham" in v.split(";")).astype(bool)
    rows = closures[names & (closures["start_date"] >= pd.Timestamp(since)) & closures["end_date"].notna()]
    return sum(days(s, e) + (1 if inclusive else 0) for s, e in zip(rows["start_date"], rows["end_date"])), len(rows)


def test_q3(ex, closures):
    answer, episodes = torkham_days(closures)
    assert ex.feedback("q3", answer).correct
    assert_mistakes(ex, "q3", [
        (torkham_days(closures, inclusive=True)[0], "reopening day"),
        (torkham_days(closures, exact=True)[0], "leaves out the January 2024"),
        (torkham_days(closures, exact=True, inclusive=True)[0], "counts reopening days too"),
        (torkham_days(closures, since="1900-01-01")[0], "before 2023"),
        (episodes, "number of closures"),
        (pd.Series([answer]), "not a table"),
    ])


def test_q3_agrees_with_the_lesson_s_day_counts(closures, crossings):
    """The lesson's per-year counts for Torkham hold the same days (2025 adds the all-crossings closure)."""
    from alliance.lessons import l04_the_border as lesson

    table = lesson.days_closed(lesson.episodes(closures, crossings, alliance.load("sources")), crossings)
    torkham = table[table["crossing"] == "Torkham"].set_index("year")["days"]
    all_2025 = days("2025-10-11", "2026-01-01")
    assert torkham[2023] + torkham[2024] + torkham[2025] - all_2025 == torkham_days(closures)[0]


# --- q4: episodes per province ----------------------------------------------------------------------

def per_province(closures, crossings, split=True, distinct=True, with_all=False):
    named = closures if with_all else closures[closures["crossing_ids"] != "all"]
    lookup = dict(zip(crossings["crossing_id"], crossings["pakistan_province"]))
    counts: dict[str, list] = {}
    for row in named.itertuples():
        if row.crossing_ids == "all":  # the mistake: an all-crossings closure counted in every province
            provinces = set(lookup.values())
        else:
            ids = row.crossing_ids.split(";") if split else [row.crossing_ids]
            provinces = [lookup[i] for i in ids if i in lookup]
            provinces = set(provinces) if distinct else provinces
        for p in provinces:
            counts.setdefault(p, []).append(row.closure_id)
    return pd.Series({p: len(v) for p, v in counts.items()}).rename_axis("pakistan_province")


def test_q4(ex, closures, crossings):
    answer = per_province(closures, crossings)
    assert ex.feedback("q4", answer).correct
    assert ex.feedback("q4", answer.iloc[::-1].astype("Int64")).correct
    assert_mistakes(ex, "q4", [
        (per_province(closures, crossings, distinct=False), "once per crossing"),
        (per_province(closures, crossings, split=False), "January 2024 closure is missing"),
        (per_province(closures, crossings, with_all=True), "all crossings at once"),
    ])
    assert "index" in ex.feedback("q4", answer.rename({"Balochistan": "Sindh"})).message


# --- q5: claims ---------------------------------------------------------------------------------------

def test_q5_claimed_losses(ex, trade):
    rows = trade[(trade["flow"] == "claimed_loss") & trade["data_source"].str.startswith("All Torkham")
                 & (trade["period"] == "2025-10")]
    assert sorted(rows["unit"]) == ["PKR million per day", "USD million per day"]  # two currencies: (a) is wrong
    assert sorted(rows["value"].astype(float)) == [1.5, 450.0]
    assert ex.feedback("q5", "c").correct and ex.feedback("q5", "C").correct
    assert_mistakes(ex, "q5", [("a", "different currencies"), ("b", "not measured trade"),
                               ("d", "not necessarily false"), ("claims", "one letter")])


# --- q6: read off the chart -----------------------------------------------------------------------------

def test_q6(ex, closures, crossings):
    def closed_in(crossing_id, year):
        """Days in `year` by the lesson's rules (these two crossings: day-precision dates, one open closure)."""
        ids = closures["crossing_ids"].map(lambda v: crossing_id in v.split(";") or v == "all").astype(bool)
        lo, hi = pd.Timestamp(f"{year}-01-01"), pd.Timestamp(f"{year + 1}-01-01")
        seen = set()
        for row in closures[ids].itertuples():
            end = row.end_date if pd.notna(row.end_date) else hi
            end = max(end, row.start_date)  # one month-precision reopening falls before its start
            seen.update(pd.date_range(max(row.start_date, lo), min(end, hi) - pd.Timedelta(days=1)))
        return len(seen)

    torkham, chaman = closed_in("torkham", 2025), closed_in("chaman-spin-boldak", 2025)
    assert ex.feedback("q6", torkham - chaman).correct
    # The chart in the notebook draws the lesson's counts: they must show the same bars.
    from alliance.lessons import l04_the_border as lesson

    drawn = lesson.days_closed(lesson.episodes(closures, crossings, alliance.load("sources")), crossings)
    drawn = drawn.set_index(["crossing", "year"])["days"]
    assert (drawn["Torkham", 2025], drawn["Chaman", 2025]) == (torkham, chaman)
    t20, c20 = closed_in("torkham", 2020), closed_in("chaman-spin-boldak", 2020)
    assert_mistakes(ex, "q6", [
        (chaman - torkham, "sign is reversed"),
        (torkham + chaman, "sum of the two bars"),
        (c20 - t20, "gap in 2020"),
        (t20 - c20, "gap in 2020"),
        (torkham, "Torkham's bar alone"),
        (chaman, "Chaman's bar alone"),
    ])


# --- q7: the chart -------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def fiscal_exports(trade):
    rows = trade[(trade["period_type"] == "fiscal_year") & (trade["flow"] == "exports_to_afghanistan")
                 & trade["data_source"].isin([SBP, CUSTOMS])].dropna(subset=["value"])
    factor = rows["unit"].map({"USD million": 1.0, "USD billion": 1000.0}).astype(float)
    return rows.assign(usd_million=rows["value"].astype(float) * factor)[["period", "data_source", "usd_million"]]


def good_chart(frame, **kw):
    return alt.Chart(frame, title="Exports by fiscal year").mark_point().encode(
        x="period:O", y="usd_million:Q", color="data_source:N", **kw)


def test_q7_a_good_chart(ex, fiscal_exports):
    assert len(fiscal_exports) == 10
    assert ex.feedback("q7", good_chart(fiscal_exports)).correct
    bars = alt.Chart(fiscal_exports, title="t").mark_bar().encode(
        x="period:N", y="usd_million:Q", color="data_source:N", xOffset="data_source:N")
    assert ex.feedback("q7", bars).correct
    assert ex.feedback("q7", good_chart(fiscal_exports).to_dict()).correct  # as the grader receives it


def test_q7_charts_that_break_a_requirement(ex, trade, fiscal_exports):
    base = alt.Chart(fiscal_exports, title="t")
    broken = {
        "mark": (base.mark_area().encode(x="period:O", y="usd_million:Q", color="data_source:N"), "mark ['area']"),
        "x": (base.mark_point().encode(x="data_source:N", y="usd_million:Q", color="data_source:N"), "x shows"),
        "y": (base.mark_point().encode(x="period:O", y="usd_million:O", color="data_source:N"), "y shows"),
        "colour": (base.mark_point().encode(x="period:O", y="usd_million:Q"), "Nothing is mapped to color"),
        "title": (alt.Chart(fiscal_exports).mark_point().encode(x="period:O", y="usd_million:Q",
                                                                 color="data_source:N"), "no title"),
    }
    for name, (chart, fragment) in broken.items():
        feedback = ex.feedback("q7", chart)
        assert feedback.outcome is Outcome.INCORRECT and fragment in feedback.message, (name, feedback.message)

    def rows_where(mask):
        rows = trade[mask & (trade["flow"] == "exports_to_afghanistan")].dropna(subset=["value"])
        factor = rows["unit"].map({"USD million": 1.0, "USD billion": 1000.0}).astype(float)
        return rows.assign(usd_million=rows["value"].astype(float) * factor)[["period", "data_source", "usd_million"]]

    with_ytd = rows_where(trade["data_source"].isin([SBP, CUSTOMS]))  # fiscal_ytd and month rows kept
    assert "fiscal_year" in ex.feedback("q7", good_chart(with_ytd)).message
    other_bodies = rows_where(trade["period_type"] == "fiscal_year")  # the embassy, ministries, World Bank too
    assert "Keep only the SBP and FBR" in ex.feedback("q7", good_chart(other_bodies)).message
    in_billions = fiscal_exports.assign(usd_million=[float(v) for v in trade.loc[fiscal_exports.index, "value"]])
    assert "billions" in ex.feedback("q7", good_chart(in_billions)).message
    one_fy2020 = fiscal_exports.drop_duplicates(["data_source", "period"], keep="last")
    assert "both SBP rows for FY2020" in ex.feedback("q7", good_chart(one_fy2020)).message


# --- the notebooks ---------------------------------------------------------------------------------------

def test_student_notebook_holds_no_solutions_or_hidden_tests():
    nb = nbformat.read(REPO / "exercises" / "student" / "ex04" / "ex04.ipynb", as_version=4)
    text = "\n".join(c.source for c in nb.cells)
    assert "BEGIN SOLUTION" not in text and "HIDDEN TESTS" not in text and "q2.hidden" not in text
    assert 'q5_answer = "c"' not in text and "108 - 82" not in text and "collapsing" not in text
    for qid in ["q1", "q2", "q3", "q4", "q5", "q6", "q7"]:
        assert f'ex.check("{qid}"' in text
