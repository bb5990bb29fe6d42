"""Exercise 06 (October 2025): the answer key against the real course data.

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
SPIN_BOLDAK = "2025-10-15-spin-boldak-chaman-clash"
PAKTIKA = "2025-10-17-paktika-strikes"


@pytest.fixture(scope="module")
def claims():
    return alliance.load("claims")


@pytest.fixture(scope="module")
def events():
    return alliance.load("events")


@pytest.fixture(scope="module")
def quotes():
    return alliance.load("quotes")


@pytest.fixture
def ex():
    return exercise("ex06")






def top(row) -> int:
    """The highest number a claim gives: value_high, or value_low for a 'more than N' claim."""
    return int(row["value_low"] if pd.isna(row["value_high"]) else row["value_high"])


# --- the assignment as a whole -------------------------------------------------------------

def test_question_ids_and_kinds(ex):
    assert ex.ids == ["q1", "q2", "q2.hidden", "q3", "q4", "q5", "q6", "q7", "q8"]
    assert sum(isinstance(q, ChartQuestion) for q in ex.questions) == 1
    open_questions = [q for q in ex.questions if isinstance(q, OpenQuestion)]
    assert len(open_questions) == 1
    assert sum(points for _, points in open_questions[0].rubric) == open_questions[0].points




# --- q1: UNAMA's revision, and party claims that are not independent counts ------------------

def test_q1(ex, claims):
    spin = claims[(claims["incident_id"] == SPIN_BOLDAK) & (claims["subject"] == "Afghan civilians")]
    killed = spin[spin["metric"] == "killed"]
    unama = killed[killed["claimant_type"] == "UN/independent"].sort_values("claim_date")
    first, revised = int(unama["value_low"].iloc[0]), int(unama["value_low"].iloc[-1])
    assert ex.feedback("q1", revised - first).correct
    assert_incorrect(ex, "q1", (revised - first) / first * 100, "percent change")
    assert_incorrect(ex, "q1", first - revised, "sign is reversed")
    assert_incorrect(ex, "q1", first + revised, "count the same people twice")
    # Taking a party's claim as the first count.
    mujahid = int(killed.loc[killed["claimant"] == "Zabihullah Mujahid", "value_low"].item())
    assert_incorrect(ex, "q1", revised - mujahid, "Zabihullah Mujahid")
    haqmal = int(killed.loc[killed["claimant"].str.startswith("Ali Mohammad Haqmal"), "value_low"].item())
    assert_incorrect(ex, "q1", revised - haqmal, "information official")
    injured = spin[(spin["metric"] == "injured") & (spin["claimant_type"] == "UN/independent")]
    injured = injured.sort_values("claim_date")["value_low"]
    assert_incorrect(ex, "q1", int(injured.iloc[-1]) - int(injured.iloc[0]), "injured")
    only_unama = killed[killed["claimant"] == "UNAMA"]["value_low"]
    assert_incorrect(ex, "q1", int(only_unama.iloc[-1]) - int(only_unama.iloc[0]), "only one of UNAMA's")
    assert_incorrect(ex, "q1", unama[["claim_date", "value_low"]], "not one number")
    assert_hints(ex, "q1")


# --- q2: claim_ratio, visible and hidden -------------------------------------------------------

def claim_ratio(frame):
    return max(top(r) for _, r in frame.iterrows()) / min(int(v) for v in frame["value_low"])


def test_q2_visible(ex, claims):
    soldiers = claims[(claims["incident_id"] == "2025-10-11-border-clashes") & (claims["metric"] == "killed")
                      & (claims["subject"] == "Pakistani soldiers")]
    assert sorted(soldiers["claim_id"]) == ["c005", "c009"]  # the rows the notebook's check uses
    high, low = max(top(r) for _, r in soldiers.iterrows()), int(soldiers["value_low"].min())
    assert ex.feedback("q2", claim_ratio(soldiers)).correct
    assert_incorrect(ex, "q2", low / high, "upside down")
    assert_incorrect(ex, "q2", high - low, "difference")
    assert_incorrect(ex, "q2", (high - low) / low * 100, "percent")
    assert_incorrect(ex, "q2", soldiers["value_low"], "not one number")
    assert_hints(ex, "q2")


HIDDEN_GROUPS = [["c007", "c011"], ["c047", "c048"], ["c034", "c035"], ["c017", "c019", "c023", "c025"]]


def test_q2_hidden(ex, claims):
    groups = [claims[claims["claim_id"].isin(ids)] for ids in HIDDEN_GROUPS]
    assert ex.feedback("q2.hidden", pd.Series([claim_ratio(g) for g in groups])).correct

    def skips_open_ended(frame):
        return frame["value_high"].max() / frame["value_low"].min()

    def low_only(frame):
        return frame["value_low"].max() / frame["value_low"].min()

    assert_incorrect(ex, "q2.hidden", pd.Series([skips_open_ended(g) for g in groups]), "open-ended")
    assert_incorrect(ex, "q2.hidden", pd.Series([low_only(g) for g in groups]), "value_low as every claim's top")
    assert_incorrect(ex, "q2.hidden", pd.Series([58 / 23] * len(groups)), "not from fixed numbers")
    assert_hints(ex, "q2.hidden")


def test_q2_hidden_groups_are_the_notebooks():
    nb = json.loads((REPO / "exercises" / "source" / "ex06" / "ex06.ipynb").read_text(encoding="utf-8"))
    cell = next("".join(c["source"]) for c in nb["cells"]
                if c["metadata"].get("nbgrader", {}).get("grade_id") == "q2")
    compact = "".join(cell.split())
    assert "".join(str(HIDDEN_GROUPS).replace("'", '"').split()) in compact


def test_q2_hidden_groups_cover_ranges_and_open_ended_claims(claims):
    rows = claims[claims["claim_id"].isin(sum(HIDDEN_GROUPS, []))]
    assert rows["value_high"].isna().any()
    assert (rows["value_high"] > rows["value_low"]).fillna(False).any()


# --- q3: the two sides side by side -----------------------------------------------------------

def side_by_side(rows, values="value_low"):
    table = {}
    for _, r in rows.iterrows():
        table.setdefault(r["subject"], {})[str(r["claimant_type"])] = r[values]
    frame = pd.DataFrame.from_dict(table, orient="index")
    return frame[["Pakistani state", "Afghan Taliban"]].astype("Float64")


def test_q3(ex, claims):
    night = claims[claims["incident_id"] == "2025-10-11-border-clashes"]
    killed = night[night["metric"] == "killed"]
    expected = side_by_side(killed)
    assert ex.feedback("q3", expected).correct
    assert ex.feedback("q3", expected.iloc[::-1]).correct
    # Own dead low, the other side's dead high: the pattern the table is meant to show.
    assert expected.loc["Pakistani soldiers", "Pakistani state"] < expected.loc["Pakistani soldiers", "Afghan Taliban"]
    assert expected.loc["Afghan Taliban forces", "Afghan Taliban"] < expected.loc["Afghan Taliban forces",
                                                                                 "Pakistani state"]
    everything = night.pivot_table(index="subject", columns="claimant_type", values="value_low",
                                   observed=True)[["Pakistani state", "Afghan Taliban"]]
    assert_incorrect(ex, "q3", everything, "mixes metrics")
    assert_incorrect(ex, "q3", side_by_side(killed, "value_high"), "value_high is empty")
    assert_incorrect(ex, "q3", expected[["Afghan Taliban", "Pakistani state"]], "another order")
    assert_incorrect(ex, "q3", expected["Pakistani state"], "Expected a table")
    assert_hints(ex, "q3")


# --- q4: reading the spread chart ----------------------------------------------------------------

def test_q4(ex, claims):
    from alliance.lessons import l06_october_2025 as lesson

    rows = claims[(claims["incident_id"] == SPIN_BOLDAK) & (claims["subject"] == "Afghan civilians")
                  & (claims["metric"] == "killed")]
    highest = max(rows.iterrows(), key=lambda item: top(item[1]))[1]
    assert ex.feedback("q4", str(highest["claimant_type"])).correct
    assert ex.feedback("q4", str(highest["claimant_type"]).upper()).correct
    open_ended = rows[rows["value_high"].isna()]
    assert_incorrect(ex, "q4", str(open_ended["claimant_type"].iloc[0]), "or more")
    assert_incorrect(ex, "q4", lesson.short_claimant(highest["claimant"]), "is a claimant")
    assert_incorrect(ex, "q4", "Pakistani state", "no figure")
    assert_incorrect(ex, "q4", "media tally", "no figure")
    assert_hints(ex, "q4")
    spec = lesson.spread_chart(claims).to_dict()
    assert spec["title"]["text"] and any("Source" in line for line in spec["title"]["subtitle"])


# --- q5: whose figure the timeline gives ----------------------------------------------------------

def test_q5(ex, events, claims):
    event = events.set_index("event_id").loc["2025-10-15-spin-boldak-fighting"]
    assert "Zabihullah Mujahid" in event["fatalities_claimant"]
    kind = claims.loc[claims["claimant"] == "Zabihullah Mujahid", "claimant_type"].astype(str).unique()
    assert len(kind) == 1
    assert ex.feedback("q5", kind[0]).correct
    assert_incorrect(ex, "q5", "UN/independent", "not an independent count")
    assert_incorrect(ex, "q5", "Zabihullah Mujahid", "claimant's name")
    assert_incorrect(ex, "q5", "media tally", "newsroom")
    assert_incorrect(ex, "q5", "Pakistani state", "Pakistan's side")
    assert_hints(ex, "q5")


# --- q6: quotes whose original was not located ----------------------------------------------------

def test_q6(ex, quotes):
    dated = quotes.dropna(subset=["date"])
    october = dated[(dated["date"].dt.year == 2025) & (dated["date"].dt.month == 10)]
    not_located = october[october["original_located"] != "yes"]
    assert ex.feedback("q6", len(not_located)).correct
    assert_incorrect(ex, "q6", int((october["original_located"] == "yes").sum()), "did locate")
    assert_incorrect(ex, "q6", int((october["original_located"] == "no").sum()), "'partial'")
    assert_incorrect(ex, "q6", len(october), "every quote")
    any_october = dated[dated["date"].dt.month == 10]
    assert_incorrect(ex, "q6", int((any_october["original_located"] != "yes").sum()), "other years")
    assert_incorrect(ex, "q6", not_located, "not one number")
    assert_hints(ex, "q6")


# --- q7: the chart question ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def paktika(claims):
    return claims[(claims["incident_id"] == PAKTIKA) & (claims["metric"] == "killed")]


def good_chart(rows, title="Paktika strikes: deaths claimed, by claimant"):
    return alt.Chart(rows, title=title).mark_bar().encode(
        x="value_low:Q", y="claimant:N", color="claimant_type:N")


def test_q7_good_charts(ex, paktika):
    assert ex.feedback("q7", good_chart(paktika)).correct
    assert ex.feedback("q7", good_chart(paktika[["claimant", "claimant_type", "value_low"]])).correct
    points = alt.Chart(paktika, title="Claims").mark_point().encode(x="value_low:Q", y="claimant:N",
                                                                      color="claimant_type:N")
    assert ex.feedback("q7", points).correct


def test_q7_charts_that_break_a_requirement(ex, claims, paktika):
    title = "Paktika strikes: deaths claimed"
    assert_incorrect(ex, "q7", alt.Chart(paktika, title=title).mark_line().encode(
        x="value_low:Q", y="claimant:N", color="claimant_type:N"), "asks for")
    assert_incorrect(ex, "q7", alt.Chart(paktika, title=title).mark_bar().encode(
        x="value_low:N", y="claimant:N", color="claimant_type:N"), "should be a number")
    assert_incorrect(ex, "q7", alt.Chart(paktika, title=title).mark_bar().encode(
        x="value_high:Q", y="claimant:N", color="claimant_type:N"), "asks for 'value_low'")
    assert_incorrect(ex, "q7", alt.Chart(paktika, title=title).mark_bar().encode(
        x="value_low:Q", y="claimant_type:N", color="claimant_type:N"), "asks for 'claimant'")
    assert_incorrect(ex, "q7", alt.Chart(paktika, title=title).mark_bar().encode(
        x="value_low:Q", y="claimant:N"), "Nothing is mapped to color")
    incident = claims[(claims["incident_id"] == PAKTIKA) & claims["metric"].isin(["killed", "injured"])]
    assert_incorrect(ex, "q7", good_chart(incident), "claims of injuries")
    assert_incorrect(ex, "q7", good_chart(incident[["claimant", "claimant_type", "value_low"]]),
                     "claims of injuries")
    assert_incorrect(ex, "q7", good_chart(paktika.iloc[1:]), "every claim of deaths")
    other = claims[(claims["incident_id"] == SPIN_BOLDAK) & (claims["metric"] == "killed")]
    assert_incorrect(ex, "q7", good_chart(other), "every claim of deaths")
    assert_incorrect(ex, "q7", alt.Chart(paktika).mark_bar().encode(
        x="value_low:Q", y="claimant:N", color="claimant_type:N"), "no title")
    assert_incorrect(ex, "q7", paktika, "Expected an Altair chart")
    assert_hints(ex, "q7")


# --- q8: the written answer ------------------------------------------------------------------------

def test_q8_is_graded_by_a_person(ex):
    q8 = ex.question("q8")
    assert q8.points == 4 and len(q8.rubric) == 4
    assert ex.feedback("q8", "YOUR ANSWER HERE").outcome is Outcome.NOT_ATTEMPTED
    assert ex.feedback("q8", "word " * 60).outcome is Outcome.UNCHECKABLE


def test_model_answer_figures_are_in_the_data(paktika):
    figures = {(str(r["claimant"]).split(",")[0].split(" (")[0], int(r["value_low"])) for _, r in paktika.iterrows()}
    for expected in [("Attaullah Tarar", 60), ("Afghanistan Cricket Board", 8), ("Afghanistan Cricket Board", 3),
                     ("Afghan security sources", 17), ("Provincial hospital official", 10), ("UNAMA", 11),
                     ("Pakistani security officials", 70)]:
        assert expected in figures, expected


# --- no answer leaks into what the learner sees ------------------------------------------------------

def said_by(question) -> list[str]:
    """Everything a question can show the learner: hints, mistake messages and its own messages."""
    return ([*question.hints, question.correct_message, question.wrong_message]
            + [m.message for m in question.mistakes])


def test_feedback_never_states_the_correct_value(ex, claims, quotes):
    unama = claims[(claims["incident_id"] == SPIN_BOLDAK) & (claims["claimant_type"] == "UN/independent")
                   & (claims["metric"] == "killed")].sort_values("claim_date")["value_low"]
    october = quotes[(quotes["date"] >= "2025-10-01") & (quotes["date"] <= "2025-10-31")]
    answers = {"q1": str(int(unama.iloc[-1]) - int(unama.iloc[0])), "q2": f"{58 / 23:.2f}",
               "q4": "UN/independent", "q5": "Afghan Taliban",
               "q6": str(int((october["original_located"] != "yes").sum()))}
    for qid, answer in answers.items():
        for text in said_by(ex.question(qid)):
            assert not re.search(rf"(?<![\w.]){re.escape(answer)}(?![\w.])", text), (qid, text)


def test_student_notebook_holds_no_solution():
    nb = json.loads((REPO / "exercises" / "student" / "ex06" / "ex06.ipynb").read_text(encoding="utf-8"))
    text = "\n".join("".join(c["source"]) for c in nb["cells"])
    assert "BEGIN SOLUTION" not in text and "HIDDEN TESTS" not in text
    assert "def claim_ratio" not in text and "q4_answer = \"" not in text and "q5_answer = \"" not in text
    assert "c047" not in text  # the hidden test's groups stay hidden
