"""Exercise 03 (The TTP surge): the answer key against the real course data.

Expected answers are computed here from violence.csv with plain pandas, independently of the
key; every known mistake is computed the way a mistaken learner would compute it.
"""

from __future__ import annotations

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
RELEASE_ORDER = {"Q3 2024 report": 0, "annual report 2024": 1, "Q3 2025 report": 0, "annual report 2025": 1,
                 "first release (December 2025)": 0, "later release (January 2026)": 1}


@pytest.fixture(scope="module")
def ex():
    return exercise("ex03")


@pytest.fixture(scope="module")
def violence():
    return alliance.load("violence")


def national_deaths(violence, definition, latest=True):
    """year -> deaths (Pakistan, annual, fatalities_total) for one definition.

    latest=True: the value from the most recent report (highest vintage, then the later release);
    latest=False: the value as first published (lowest vintage, first listed)."""
    rows = violence[(violence["definition"] == definition) & (violence["region"] == "Pakistan")
                    & (violence["period"] == "annual") & (violence["metric"] == "fatalities_total")].copy()
    rows["rank"] = rows["release"].map(RELEASE_ORDER).fillna(0)
    rows = rows.sort_values(["year", "vintage", "rank"], kind="stable")
    pick = rows.groupby("year").tail(1) if latest else rows.groupby("year").head(1)
    return {int(y): float(v) for y, v in zip(pick["year"], pick["value"])}


def pct(old, new):
    return (new - old) / old * 100






# --- structure ------------------------------------------------------------------------------

def test_questions_in_order_with_three_hints(ex):
    assert ex.ids == ["q1", "q2", "q2.hidden", "q3", "q4", "q5", "q6", "q7", "q8"]
    for qid in ex.ids:
        question = ex.question(qid)
        if isinstance(question, OpenQuestion):
            continue
        assert len(question.hints) == 3, qid
    kinds = [type(ex.question(q)) for q in ex.ids]
    assert kinds.count(ChartQuestion) == 1 and kinds.count(OpenQuestion) == 1


def test_open_question_rubric_adds_up(ex):
    q8 = ex.question("q8")
    assert sum(points for _, points in q8.rubric) == q8.points == 4
    assert ex.feedback("q8", "YOUR ANSWER HERE").outcome is Outcome.NOT_ATTEMPTED




def test_scalar_answers_are_only_hashes(ex):
    for qid in ["q1", "q2", "q2.hidden", "q4", "q5", "q6"]:
        question = ex.question(qid)
        assert isinstance(question, Question) and len(question.answer_hash) == 64 and question.derive is None


# --- q1: change in PIPS deaths -------------------------------------------------------------------

def test_q1(ex, violence):
    pips = national_deaths(violence, "pips_attacks")
    crss, crss_first = (national_deaths(violence, "crss_terror_counterterror"),
                        national_deaths(violence, "crss_terror_counterterror", latest=False))
    answer = pips[2024] - pips[2021]
    assert ex.feedback("q1", answer).correct
    assert ex.feedback("q1", int(answer)).correct
    assert_mistakes(ex, "q1", [
        (pct(pips[2021], pips[2024]), "percent change"),
        (pips[2021] - pips[2024], "sign is reversed"),
        (pips[2024] / pips[2021], "ratio"),
        (crss[2024] - crss[2021], "CRSS's count"),
        (crss_first[2024] - crss_first[2021], "CRSS's figures"),
        (pips[2025] - pips[2021], "2025 minus 2021"),
        (pd.Series([pips[2021], pips[2024]], index=[2021, 2024]), "not a table"),
    ])


# --- q2: percent_change, visible and hidden ------------------------------------------------------

def test_q2_visible(ex, violence):
    pips = national_deaths(violence, "pips_attacks")
    old, new = pips[2021], pips[2024]
    assert (old, new) == (335, 852)  # the inputs the check cell uses
    assert ex.feedback("q2", pct(old, new)).correct
    assert ex.feedback("q2", round(pct(old, new), 2)).correct
    assert_mistakes(ex, "q2", [
        ((new - old) / old, "fraction"),
        (new / old * 100, "percent of the old one"),
        (-pct(old, new), "sign is reversed"),
        ((new - old) / new * 100, "divides by the new value"),
        (new - old, "absolute change"),
        (round(pct(old, new)), "Do not round"),
        (round(pct(old, new), 1), "Do not round"),
        (None, "returns None"),
    ])


def test_q2_hidden(ex, violence):
    pips = national_deaths(violence, "pips_attacks")
    old, new = pips[2018], pips[2020]
    assert (old, new) == (595, 220)  # the hidden test's inputs: a fall
    assert ex.feedback("q2.hidden", pct(old, new)).correct
    assert_mistakes(ex, "q2.hidden", [
        ((new - old) / old, "multiply by 100"),
        (new / old * 100, "percent of the old one"),
        (-pct(old, new), "must come out negative"),
        ((new - old) / new * 100, "divides by the new value"),
        (new - old, "absolute change"),
        (round(pct(old, new)), "rounds"),
        (pct(335, 852), "must be a function"),
    ])


def test_q2_the_check_cell_survives_an_untouched_stub(ex):
    percent_change = BLANK
    value = percent_change(335, 852) if callable(percent_change) else percent_change
    assert ex.feedback("q2", value).outcome is Outcome.NOT_ATTEMPTED


# --- q3: growth per definition, one value per year --------------------------------------------

DEFS = ["crss_terror_counterterror", "pips_attacks", "gti_terrorism"]


def growth(violence, formula=pct, first_crss=False):
    out = {}
    for d in DEFS:
        series = national_deaths(violence, d, latest=not (first_crss and d.startswith("crss")))
        out[d] = formula(series[2021], series[2025])
    return pd.Series(out).rename_axis("definition")


def test_q3(ex, violence):
    answer = growth(violence)
    assert ex.feedback("q3", answer).correct
    assert ex.feedback("q3", answer.iloc[::-1]).correct  # any row order
    assert ex.feedback("q3", answer.astype("Float64").rename("whatever")).correct
    assert national_deaths(violence, DEFS[0], latest=False)[2021] != national_deaths(violence, DEFS[0])[2021]
    assert_mistakes(ex, "q3", [
        (growth(violence, first_crss=True), "first published"),
        (growth(violence, lambda o, n: n / o), "ratios"),
        (growth(violence, lambda o, n: n / o * 100), "percent of 2021"),
        (growth(violence, lambda o, n: (n - o) / o), "fractions"),
        (growth(violence, lambda o, n: pct(n, o)), "direction is reversed"),
        (growth(violence, lambda o, n: n - o), "absolute changes"),
    ])


def test_q3_other_wrong_shapes_get_feedback(ex, violence):
    answer = growth(violence)
    assert "Expected 3 rows" in ex.feedback("q3", answer.iloc[:2]).message
    assert "Series" in ex.feedback("q3", answer.to_frame()).message
    assert ex.feedback("q3", answer.round(0)).outcome is Outcome.INCORRECT


# --- q4, q5, q6: letters ------------------------------------------------------------------------

def test_q4_definition_that_counts_operations(ex):
    definitions = alliance.load("definitions").set_index("definition")["description"]
    options = {"a": "pips_attacks", "b": "picss_militant_attacks", "c": "crss_terror_counterterror",
               "d": "gti_terrorism"}
    counts_operations = [k for k, d in options.items() if "counter-terror" in definitions[d]]
    assert counts_operations == ["c"]
    assert ex.feedback("q4", "c").correct and ex.feedback("q4", " C ").correct
    assert_mistakes(ex, "q4", [("a", "PIPS"), ("b", "PICSS"), ("d", "GTI"),
                               ("crss_terror_counterterror", "one letter")])


def test_q5_claim_versus_counts(ex):
    from alliance.lessons import l03_the_ttp_surge as lesson

    table = lesson.victims_vs_claim()
    # The statement (a) quotes the table: ISPR's claim and the two independent counts.
    assert (int(table.loc["Militants killed", "ISPR"]), int(table.loc["Militants killed", "CRSS"]),
            int(table.loc["Militants killed", "PICSS"])) == (925, 934, 951)
    security = table.loc["Security forces killed"]
    assert (int(security["ISPR"]), int(security["CRSS"])) == (383, 685)
    definitions = alliance.load("definitions").set_index("definition")["description"]
    assert "not an independent count" in definitions["ispr_claims"]
    assert ex.feedback("q5", "a").correct
    assert_mistakes(ex, "q5", [("b", "Agreement"), ("c", "party to the fighting"), ("d", "based in Pakistan"),
                               ("ISPR", "one letter")])


def test_q6_read_off_the_chart(ex, violence):
    rows = violence[(violence["definition"] == "pips_attacks") & (violence["year"] == 2025)
                    & (violence["region"] == "Pakistan") & (violence["period"] == "annual")]
    groups = {"a": "fatalities_civilians", "b": "fatalities_security_forces", "c": "fatalities_militants"}
    values = {k: float(rows.loc[rows["metric"] == m, "value"].iloc[0]) for k, m in groups.items()}
    largest = max(values, key=values.get)
    assert ex.feedback("q6", largest).correct
    picss = violence[(violence["definition"] == "picss_combat_overall") & (violence["year"] == 2025)
                     & (violence["region"] == "Pakistan") & (violence["period"] == "annual")
                     & (violence["release"] == "later release (January 2026)")]
    picss_values = {k: float(picss.loc[picss["metric"] == m, "value"].iloc[0]) for k, m in groups.items()}
    assert max(picss_values, key=picss_values.get) == "c" != largest  # the other panel's answer is a mistake
    assert_mistakes(ex, "q6", [("c", "PICSS"), ("a", "civilians bar"), ("security forces", "one letter")])


# --- q7: the chart ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def chart_rows(violence):
    out = []
    for d in ["pips_attacks", "crss_terror_counterterror"]:
        for year, value in national_deaths(violence, d).items():
            if 2020 <= year <= 2025:
                out.append({"definition": d, "year": year, "value": value})
    assert len(out) == 12
    return pd.DataFrame(out)


def test_q7_a_good_chart(ex, chart_rows):
    good = alt.Chart(chart_rows, title="Deaths, two definitions").mark_line().encode(
        x="year:O", y="value:Q", color="definition:N")
    assert ex.feedback("q7", good).correct
    with_points = alt.Chart(chart_rows, title="t").mark_line(point=True).encode(
        x=alt.X("year:Q"), y="value:Q", color="definition:N")
    assert ex.feedback("q7", with_points).correct
    assert ex.feedback("q7", good.to_dict()).correct  # the grader receives the spec as a dict


def test_q7_charts_that_break_a_requirement(ex, chart_rows, violence):
    base = alt.Chart(chart_rows, title="t")
    broken = {
        "mark": (base.mark_bar().encode(x="year:O", y="value:Q", color="definition:N"), "mark ['bar']"),
        "x": (base.mark_line().encode(x="definition:N", y="value:Q", color="definition:N"), "x shows"),
        "y as categories": (base.mark_line().encode(x="year:O", y="value:N", color="definition:N"), "y shows 'value'"),
        "no colour": (base.mark_line().encode(x="year:O", y="value:Q"), "zigzag"),
        "no title": (alt.Chart(chart_rows).mark_line().encode(x="year:O", y="value:Q", color="definition:N"),
                     "no title"),
    }
    for name, (chart, fragment) in broken.items():
        feedback = ex.feedback("q7", chart)
        assert feedback.outcome is Outcome.INCORRECT and fragment in feedback.message, (name, feedback.message)
    # Rows: duplicated years (every report kept), other years, another definition's values.
    raw = violence[violence["definition"].isin(["pips_attacks", "crss_terror_counterterror"])
                   & (violence["region"] == "Pakistan") & (violence["period"] == "annual")
                   & (violence["metric"] == "fatalities_total") & violence["year"].between(2020, 2025)]
    all_reports = alt.Chart(raw[["definition", "year", "value"]], title="t").mark_line().encode(
        x="year:O", y="value:Q", color="definition:N")
    assert "Chart 12 rows" in ex.feedback("q7", all_reports).message
    wider = pd.DataFrame([{"definition": "pips_attacks", "year": y, "value": v}
                          for y, v in national_deaths(violence, "pips_attacks").items() if y >= 2014])
    assert "Chart 12 rows" in ex.feedback("q7", alt.Chart(wider, title="t").mark_line().encode(
        x="year:O", y="value:Q", color="definition:N")).message
    first = chart_rows.copy()
    crss_first = national_deaths(violence, "crss_terror_counterterror", latest=False)
    first["value"] = [crss_first[y] if d.startswith("crss") else v
                      for d, y, v in zip(first["definition"], first["year"], first["value"])]
    feedback = ex.feedback("q7", alt.Chart(first, title="t").mark_line().encode(
        x="year:O", y="value:Q", color="definition:N"))
    assert feedback.outcome is Outcome.INCORRECT and "are not the national annual deaths" in feedback.message
    assert "Expected an Altair chart" in ex.feedback("q7", chart_rows).message


# --- the notebooks ---------------------------------------------------------------------------------

def test_student_notebook_holds_no_solutions_or_hidden_tests():
    nb = nbformat.read(REPO / "exercises" / "student" / "ex03" / "ex03.ipynb", as_version=4)
    text = "\n".join(c.source for c in nb.cells)
    assert "BEGIN SOLUTION" not in text and "HIDDEN TESTS" not in text and "q2.hidden" not in text
    assert 'q4_answer = "c"' not in text and "Both figures can be right" not in text
    for qid in ["q1", "q2", "q3", "q4", "q5", "q6", "q7"]:
        assert f'ex.check("{qid}"' in text
