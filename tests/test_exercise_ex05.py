"""Exercise 05 (People on the move): the answer key against the real course data.

Every expected value here is computed from course_data/ independently of the answer key,
and every known mistake is computed the way a mistaken learner would compute it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import altair as alt
import pandas as pd
import pytest

import alliance
from alliance import exercise
from alliance.checks import ChartQuestion, OpenQuestion, Outcome

from exercise_tools import assert_hints, assert_incorrect

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def refugees():
    return alliance.load("refugees")


@pytest.fixture(scope="module")
def phases():
    return alliance.load("repatriation_phases")


@pytest.fixture
def ex():
    return exercise("ex05")


@pytest.fixture(scope="module")
def since_april(refugees):
    rows = refugees[(refugees["publisher"] == "UNHCR") & (refugees["measure"] == "returns")
                    & (refugees["period_start"] == pd.Timestamp("2025-04-01"))]
    return rows.sort_values("period_end")


def value_on(rows, day: str) -> int:
    return int(rows.loc[rows["period_end"] == pd.Timestamp(day), "value"].item())






# --- the assignment as a whole -------------------------------------------------------------

def test_question_ids_and_kinds(ex):
    assert ex.ids == ["q1", "q2", "q2.hidden", "q3", "q4", "q5", "q6", "q7"]
    assert sum(isinstance(q, ChartQuestion) for q in ex.questions) == 1
    open_questions = [q for q in ex.questions if isinstance(q, OpenQuestion)]
    assert len(open_questions) == 1
    assert sum(points for _, points in open_questions[0].rubric) == open_questions[0].points




def test_every_graded_question_has_three_hints(ex):
    for question in ex.questions:
        if not isinstance(question, OpenQuestion):
            assert len(question.hints) == 3, question.id


# --- q1: subtracting two running totals from the same counter and start day ----------------

def test_q1(ex, since_april):
    early, late = value_on(since_april, "2025-08-12"), value_on(since_april, "2025-11-08")
    assert ex.feedback("q1", late - early).correct
    assert ex.feedback("q1", float(late - early)).correct
    assert_incorrect(ex, "q1", (late - early) / early * 100, "percent change")
    assert_incorrect(ex, "q1", early - late, "sign is reversed")
    assert_incorrect(ex, "q1", early + late, "added the two running totals")
    latest = int(since_april["value"].iloc[-1])
    assert_incorrect(ex, "q1", latest - early, "latest figure")
    assert_incorrect(ex, "q1", since_april.set_index("period_end")["value"], "not one number")
    assert ex.feedback("q1", late).message == ex.question("q1").wrong_message
    assert_hints(ex, "q1")


# --- q2: a function with a visible and a hidden test -----------------------------------------

def per_day(people, start, end):
    return people / ((pd.Timestamp(end) - pd.Timestamp(start)).days + 1)


def per_day_off_by_one(people, start, end):
    return people / (pd.Timestamp(end) - pd.Timestamp(start)).days


def test_q2_visible(ex):
    days = (pd.Timestamp("2025-11-08") - pd.Timestamp("2025-04-01")).days
    assert ex.feedback("q2", per_day(869448, "2025-04-01", "2025-11-08")).correct
    assert_incorrect(ex, "q2", per_day_off_by_one(869448, "2025-04-01", "2025-11-08"), "Off by one day")
    assert_incorrect(ex, "q2", days + 1, "number of days")
    assert_incorrect(ex, "q2", days, "one short")
    assert_incorrect(ex, "q2", round(per_day(869448, "2025-04-01", "2025-11-08")), "rounded")
    assert ex.feedback("q2", 869448 / 7).outcome is Outcome.INCORRECT
    assert_hints(ex, "q2")


def hidden_inputs(refugees):
    """The periods the notebook's hidden test runs per_day on, read from the data."""
    rows = refugees.set_index("obs_id").loc[["unhcr-2025-08-month", "unhcr-iom-2025-wk-oct26-returns",
                                             "unhcr-iom-2025-wk-nov2-returns"]]
    return [(int(r.value), f"{r.period_start:%Y-%m-%d}", f"{r.period_end:%Y-%m-%d}") for r in rows.itertuples()]


def test_q2_hidden(ex, refugees):
    inputs = hidden_inputs(refugees)
    assert ex.feedback("q2.hidden", pd.Series([per_day(*args) for args in inputs])).correct
    assert_incorrect(ex, "q2.hidden", pd.Series([per_day_off_by_one(*args) for args in inputs]), "off by one")
    constant = pd.Series([per_day(869448, "2025-04-01", "2025-11-08")] * len(inputs))
    assert_incorrect(ex, "q2.hidden", constant, "not from fixed numbers")
    assert_hints(ex, "q2.hidden")


def test_q2_hidden_test_in_the_notebook_uses_the_data(refugees):
    """The literal periods in the hidden test cell are the rows of refugees.csv the key derives from."""
    nb = json.loads((REPO / "exercises" / "source" / "ex05" / "ex05.ipynb").read_text(encoding="utf-8"))
    test_cell = next("".join(c["source"]) for c in nb["cells"]
                     if c["metadata"].get("nbgrader", {}).get("grade_id") == "q2")
    for people, start, end in hidden_inputs(refugees):
        assert f'per_day({people}, "{start}", "{end}")' in test_cell


# --- q3: a group-by over stock estimates --------------------------------------------------

def por_table(rows):
    table = {}
    for publisher, group in rows.groupby("publisher"):
        values = [int(v) for v in group["value"]]
        table[publisher] = {"estimates": len(values), "lowest": min(values), "highest": max(values)}
    return pd.DataFrame.from_dict(table, orient="index")[["estimates", "lowest", "highest"]]


def test_q3(ex, refugees):
    stock_por = refugees[(refugees["measure"] == "stock") & (refugees["status"] == "PoR")]
    assert ex.feedback("q3", por_table(stock_por)).correct
    assert ex.feedback("q3", por_table(stock_por).iloc[::-1]).correct  # row order does not matter
    assert_incorrect(ex, "q3", por_table(refugees[refugees["status"] == "PoR"]), "mixes measures")
    assert_incorrect(ex, "q3", por_table(refugees[refugees["measure"] == "stock"]), "every status")
    assert_incorrect(ex, "q3", por_table(stock_por)[["lowest", "highest", "estimates"]], "another order")
    assert_incorrect(ex, "q3", por_table(stock_por)["highest"], "Expected a table")
    assert_hints(ex, "q3")


# --- q4: reading the phases chart ------------------------------------------------------------

def test_q4(ex, phases):
    backdated = phases[phases["start_date"] < phases["announced_date"]]
    same_day_or_before = phases[phases["start_date"] <= phases["announced_date"]]
    assert ex.feedback("q4", len(backdated)).correct
    assert_incorrect(ex, "q4", len(backdated) - 1, "One is missing")
    assert_incorrect(ex, "q4", len(same_day_or_before), "very day")
    assert_incorrect(ex, "q4", backdated[["phase_id"]], "not one number")
    assert_hints(ex, "q4")


def test_q4_chart_is_drawn_with_title_and_source(phases):
    from alliance.lessons import l05_people_on_the_move as lesson

    spec = lesson.phases_chart(phases).to_dict()
    assert spec["title"]["text"] and any("Source" in line for line in spec["title"]["subtitle"])


# --- q5: which running totals may be subtracted ---------------------------------------------

def test_q5(ex):
    assert ex.feedback("q5", "b").correct and ex.feedback("q5", " B ").correct
    assert_incorrect(ex, "q5", "a", "different counters")
    assert_incorrect(ex, "q5", "c", "one month")
    assert_incorrect(ex, "q5", "(b)", "letter alone")
    assert_incorrect(ex, "q5", "(a)", "letter alone")
    assert_hints(ex, "q5")


# --- q6: the chart question -------------------------------------------------------------------

def good_chart(rows):
    return alt.Chart(rows, title="UNHCR: returns since 1 April 2025 (running total)").mark_line(point=True).encode(
        x="period_end:T", y="value:Q")


def test_q6_good_chart(ex, since_april):
    assert ex.feedback("q6", good_chart(since_april)).correct
    assert ex.feedback("q6", good_chart(since_april[["period_end", "value"]])).correct


def test_q6_charts_that_break_a_requirement(ex, refugees, since_april):
    title = "UNHCR: returns since 1 April 2025"
    assert_incorrect(ex, "q6", alt.Chart(since_april, title=title).mark_bar().encode(
        x="period_end:T", y="value:Q"), "asks for line")
    assert_incorrect(ex, "q6", alt.Chart(since_april, title=title).mark_line().encode(
        x="period_end:N", y="value:Q"), "should be dates")
    assert_incorrect(ex, "q6", alt.Chart(since_april, title=title).mark_line().encode(
        x="date:T", y="value:Q"), "asks for 'period_end'")
    assert_incorrect(ex, "q6", alt.Chart(since_april, title=title).mark_line().encode(x="period_end:T"),
                     "Nothing is mapped to y")
    month = refugees[refugees["obs_id"] == "unhcr-2025-08-month"]
    assert_incorrect(ex, "q6", good_chart(pd.concat([since_april, month])), "not UNHCR running totals")
    assert_incorrect(ex, "q6", good_chart(since_april.iloc[:-1]), "missing")
    assert_incorrect(ex, "q6", alt.Chart(since_april).mark_line().encode(x="period_end:T", y="value:Q"),
                     "no title")
    assert_incorrect(ex, "q6", since_april, "Expected an Altair chart")
    assert_hints(ex, "q6")


# --- q7: the written answer --------------------------------------------------------------------

def test_q7_is_graded_by_a_person(ex):
    q7 = ex.question("q7")
    assert q7.points == 4 and len(q7.rubric) == 3
    assert ex.feedback("q7", "YOUR ANSWER HERE").outcome is Outcome.NOT_ATTEMPTED
    assert ex.feedback("q7", "word " * 60).outcome is Outcome.UNCHECKABLE


def test_q7_prompt_figures_come_from_the_data(refugees):
    rows = refugees.set_index("obs_id")
    assert int(rows.loc["gop-2025-04-10-returns", "value"]) == 857157
    assert int(rows.loc["iom-2025-04-05-cumulative", "value"]) == 861763
    assert rows.loc["gop-2025-04-10-returns", "period_start"] == pd.Timestamp("2023-11-01")
    assert rows.loc["iom-2025-04-05-cumulative", "period_start"] == pd.Timestamp("2023-09-15")


# --- no answer leaks into what the learner sees -------------------------------------------------

def said_by(question) -> list[str]:
    """Everything a question can show the learner: hints, mistake messages and its own messages."""
    return ([*question.hints, question.correct_message, question.wrong_message]
            + [m.message for m in question.mistakes])


def test_feedback_never_states_the_correct_value(ex, since_april, phases):
    answers = {
        "q1": f"{value_on(since_april, '2025-11-08') - value_on(since_april, '2025-08-12')}",
        "q2": f"{869448 / 222:.2f}",
        "q4": str(int((phases["start_date"] < phases["announced_date"]).sum())),
    }
    for qid, answer in answers.items():
        for text in said_by(ex.question(qid)):
            assert not re.search(rf"(?<![\d.]){re.escape(answer)}(?![\d.])", text), (qid, text)


def test_student_notebook_holds_no_solution():
    nb = json.loads((REPO / "exercises" / "student" / "ex05" / "ex05.ipynb").read_text(encoding="utf-8"))
    text = "\n".join("".join(c["source"]) for c in nb["cells"])
    assert "BEGIN SOLUTION" not in text and "HIDDEN TESTS" not in text
    assert "def per_day" not in text and "q5_answer = \"b\"" not in text and ".agg(" not in text
