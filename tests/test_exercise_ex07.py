"""Exercise 07 (talks and mediators): the answer key against the real course data.

Right answers, computed here from the data independently of the key, are Correct; each known
mistake, computed the way a mistaken learner would, gets its own message; blanks are Not
attempted; hints come in order. The built notebooks are checked too: the student version runs
with every stub untouched and every check says Not attempted.
"""

from __future__ import annotations

from pathlib import Path

import altair as alt
import nbformat
import pandas as pd
import pytest

import alliance
from alliance import exercise, exercise_cells
from alliance.checks import BLANK, OpenQuestion, Outcome

from exercise_tools import assert_mistake_values, mistake_messages

REPO = Path(__file__).resolve().parents[1]
NAME = "ex07"
CORRECT, INCORRECT, NOT_ATTEMPTED = Outcome.CORRECT, Outcome.INCORRECT, Outcome.NOT_ATTEMPTED


@pytest.fixture
def ex():
    return exercise(NAME)


@pytest.fixture(scope="module")
def talks():
    return alliance.load("talks")


@pytest.fixture(scope="module")
def quotes():
    return alliance.load("quotes")






# --- The assignment as a whole --------------------------------------------------------------

def test_questions_in_order_with_three_hints_each(ex):
    assert ex.ids == ["q1", "q2", "q2.hidden", "q3", "q4", "q5", "q6", "q7"]
    for qid in ex.ids:
        question = ex.question(qid)
        if isinstance(question, OpenQuestion):
            assert sum(points for _, points in question.rubric) == question.points
            assert ex.feedback(qid, BLANK).outcome is NOT_ATTEMPTED
        else:
            assert len(question.hints) == 3, qid
            assert ex.feedback(qid, BLANK).outcome is NOT_ATTEMPTED, qid


# --- q1: rounds per mediator ---------------------------------------------------------------------

def mediator_counts(talks):
    counts: dict[str, int] = {}
    for value in talks["mediators"]:
        if pd.isna(value):
            continue
        for actor in value.split(";"):
            counts[actor] = counts.get(actor, 0) + 1
    return pd.Series(counts)


def test_q1(ex, talks):
    expected = mediator_counts(talks)
    assert expected["TUR"] == expected["QAT"] == 3 and expected["SAU"] == 1  # Doha, Istanbul ×2; Riyadh
    assert ex.feedback("q1", expected).outcome is CORRECT
    assert ex.feedback("q1", expected.sample(frac=1, random_state=1)).outcome is CORRECT  # any order
    assert ex.feedback("q1", talks["mediators"].dropna().str.split(";").explode().value_counts()).correct
    unsplit = talks["mediators"].value_counts()
    with_missing = talks["mediators"].str.split(";").explode().value_counts(dropna=False)
    as_table = expected.rename_axis("mediator").reset_index(name="rounds")
    assert_mistake_values(ex, "q1", [unsplit, with_missing, as_table])
    missing_round = ex.feedback("q1", expected.drop("SAU"))
    assert missing_round.outcome is INCORRECT and missing_round.message == ex.question("q1").wrong_message


# --- q2: days a round lasted, both ends counted ------------------------------------------------

def days_inclusive(start, end):
    return len(pd.date_range(start, end, freq="D"))


def test_q2_visible(ex):
    start, end = pd.Timestamp("2025-10-25"), pd.Timestamp("2025-10-30")
    assert ex.feedback("q2", days_inclusive(start, end)).outcome is CORRECT
    assert_mistake_values(ex, "q2", [(end - start).days, end - start])
    assert ex.feedback("q2", 30).outcome is INCORRECT


def test_q2_hidden(ex, talks):
    rows = talks.dropna(subset=["end_date"])
    expected = pd.Series({r.round_id: days_inclusive(r.start_date, r.end_date) for r in rows.itertuples()})
    assert expected["pak-afg-2025-11-30-riyadh"] == 1  # one-day round
    assert ex.feedback("q2.hidden", expected).outcome is CORRECT
    between = pd.Series({r.round_id: (r.end_date - r.start_date).days for r in rows.itertuples()})
    spans = pd.Series({r.round_id: r.end_date - r.start_date for r in rows.itertuples()})
    assert_mistake_values(ex, "q2.hidden", [between, spans])
    # A function that only fits the visible check passes it, and the hidden test catches it.
    start, end = pd.Timestamp("2025-10-25"), pd.Timestamp("2025-10-30")
    always_six = pd.Series({r.round_id: 6 for r in rows.itertuples()})
    assert ex.feedback("q2", days_inclusive(start, end)).correct
    hidden = ex.feedback("q2.hidden", always_six)
    assert hidden.outcome is INCORRECT and hidden.message == ex.question("q2.hidden").wrong_message


# --- q3: reading the outcomes chart ----------------------------------------------------------

def test_q3(ex, talks):
    unclear = talks[talks["outcome_category"] == "unclear"]
    segment = int((unclear["track"] == "PAK-AFG_TALIBAN").sum())
    assert ex.feedback("q3", segment).outcome is CORRECT
    # In the chart the Pakistan–TTP segment comes first, then this track's, then the trilaterals'.
    before = int((unclear["track"] == "PAK-TTP").sum())
    assert_mistake_values(ex, "q3", [len(unclear), before + segment, before])


# --- q4: an outcome versus claims about who broke the talks -----------------------------------

OPTIONS = {"a": "agreed verbally but would not sign",
           "b": "without agreement on the monitoring mechanism",
           "c": "irresponsible and non-cooperative attitude",
           "d": "elements in Pakistan's military and intelligence"}


def test_q4(ex, talks):
    row = talks.set_index("round_id").loc["pak-afg-2025-11-06-istanbul-2"]
    recorded_outcome = [k for k, text in OPTIONS.items() if text.casefold() in row["outcome"].casefold()]
    claims = [k for k, text in OPTIONS.items() if text.casefold() in row["note"].casefold()]
    assert len(recorded_outcome) == 1 and len(claims) == 3
    assert ex.feedback("q4", recorded_outcome[0]).outcome is CORRECT
    assert ex.feedback("q4", recorded_outcome[0].upper()).outcome is CORRECT
    assert_mistake_values(ex, "q4", claims + ["(a)"])
    # each claim's message names its claimant, as the note does
    for letter, claimant in zip(claims, ["Khawaja Asif", "Mujahid", "Mujahid"]):
        assert claimant in ex.feedback("q4", letter).message


# --- q5: share of the Taliban government's quotes read in the original --------------------------

def test_q5(ex, quotes):
    groups = {aff: part["original_located"].astype(str) for aff, part in quotes.groupby("affiliation", observed=True)}
    taliban = groups["Afghan Taliban government"]
    share = 100 * (taliban == "yes").sum() / len(taliban)
    assert ex.feedback("q5", share).outcome is CORRECT
    assert ex.feedback("q5", round(share, 1)).outcome is INCORRECT  # checks compare to 2 decimals
    wrong = [share / 100,
             100 * taliban.isin(["yes", "partial"]).mean(),
             int((taliban == "yes").sum()),
             100 * (groups["Pakistan government"] == "yes").mean(),
             100 * (taliban == "no").mean(),
             100 * (taliban != "yes").mean()]
    assert_mistake_values(ex, "q5", wrong)
    for text in mistake_messages(ex, "q5") | set(ex.question("q5").hints):
        assert f"{share:.2f}" not in text and f"{share:.1f}" not in text


# --- q6: the learner's chart -----------------------------------------------------------------

@pytest.fixture(scope="module")
def mediator_table(talks):
    return mediator_counts(talks).rename_axis("mediator").reset_index(name="rounds")


def test_q6_good_charts(ex, mediator_table):
    good = alt.Chart(mediator_table, title="Rounds per mediator").mark_bar().encode(y="mediator:N", x="rounds:Q")
    assert ex.feedback("q6", good).outcome is CORRECT
    sorted_ = alt.Chart(mediator_table, title="Rounds per mediator").mark_bar().encode(
        y=alt.Y("mediator:N", sort="-x"), x=alt.X("rounds:Q", title="Rounds"))
    assert ex.feedback("q6", sorted_).outcome is CORRECT
    assert ex.feedback("q6", good.to_dict()).outcome is CORRECT  # the grader sees the spec


def test_q6_charts_that_break_a_requirement(ex, mediator_table, talks):
    def chart(frame=mediator_table, title="Rounds per mediator"):
        return alt.Chart(frame, title=title) if title else alt.Chart(frame)

    unsplit = talks["mediators"].value_counts().rename_axis("mediator").reset_index(name="rounds")
    broken = {
        "mark": chart().mark_line().encode(y="mediator:N", x="rounds:Q"),
        "y field": chart().mark_bar().encode(y="rounds:Q", x="mediator:N"),
        "x type": chart().mark_bar().encode(y="mediator:N", x="rounds:N"),
        "rows": chart(unsplit).mark_bar().encode(y="mediator:N", x="rounds:Q"),
        "title": chart(title=None).mark_bar().encode(y="mediator:N", x="rounds:Q"),
    }
    found = {}
    for what, value in broken.items():
        feedback = ex.feedback("q6", value)
        assert feedback.outcome is INCORRECT, what
        found[what] = feedback.message
    assert "mark" in found["mark"] and "title" in found["title"] and "q1" in found["rows"]
    assert len(set(found.values())) == len(found)
    assert "Expected an Altair chart" in ex.feedback("q6", mediator_table).message


# --- q7: the written answer --------------------------------------------------------------------

def test_q7_is_graded_by_a_person(ex):
    question = ex.question("q7")
    assert isinstance(question, OpenQuestion) and question.points == 4
    assert ex.feedback("q7", "YOUR ANSWER HERE").outcome is NOT_ATTEMPTED
    assert ex.feedback("q7", "word " * 60).outcome is Outcome.UNCHECKABLE


# --- The built notebooks -----------------------------------------------------------------------

SOURCE = REPO / "exercises" / "source" / NAME / f"{NAME}.ipynb"
STUDENT = REPO / "exercises" / "student" / NAME / f"{NAME}.ipynb"


def test_source_notebook_checks_every_question_with_points():
    nb = nbformat.read(SOURCE, as_version=4)
    tests = [c for c in nb.cells if exercise_cells.is_test(c)]
    assert [exercise_cells.grade_id(c) for c in tests] == ["q1", "q2", "q3", "q4", "q5", "q6"]
    assert all(1 <= exercise_cells.points(c) <= 3 for c in tests)
    assert all("Correct" in str(c.outputs) for c in tests)
    assert "q2.hidden" in "".join(c.source for c in tests)
    opens = [c for c in nb.cells if exercise_cells.is_open(c)]
    assert [exercise_cells.grade_id(c) for c in opens] == ["q7"]


def test_student_notebook_hides_solutions():
    # Running it untouched (no errors, every check Not attempted): tests/test_student_notebooks.py
    nb = nbformat.read(STUDENT, as_version=4)
    text = nbformat.writes(nb)
    for marker in ("BEGIN SOLUTION", "BEGIN HIDDEN TESTS", "q2.hidden", "q3_answer = 4", '"b"'):
        assert marker not in text, marker
