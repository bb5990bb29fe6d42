"""Exercise 08 (the wider board): the answer key against the real course data.

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
NAME = "ex08"
CORRECT, INCORRECT, NOT_ATTEMPTED = Outcome.CORRECT, Outcome.INCORRECT, Outcome.NOT_ATTEMPTED


@pytest.fixture
def ex():
    return exercise(NAME)


@pytest.fixture(scope="module")
def relations():
    return alliance.load("relations")


@pytest.fixture(scope="module")
def actors():
    return alliance.load("actors")


@pytest.fixture(scope="module")
def sources():
    return alliance.load("sources")






# --- The assignment as a whole --------------------------------------------------------------

def test_questions_in_order_with_three_hints_each(ex):
    assert ex.ids == ["q1", "q2", "q2.hidden", "q3", "q4", "q5", "q6", "q7", "q8"]
    for qid in ex.ids:
        question = ex.question(qid)
        if isinstance(question, OpenQuestion):
            assert sum(points for _, points in question.rubric) == question.points
        else:
            assert len(question.hints) == 3, qid
        assert ex.feedback(qid, BLANK).outcome is NOT_ATTEMPTED, qid


# --- q1: states' ties towards the Taliban since 2021, by type ------------------------------------

def ties_towards_taliban(relations, actors, *, to=True, both=False, first=2021, strict=False, states=True):
    """Count tie types the way a learner would filter, with switches for the usual slips."""
    kinds = dict(zip(actors["actor_id"], actors["type"].astype(str)))
    counts: dict[str, int] = {}
    for row in relations.itertuples():
        if both:
            if "AFG_TALIBAN" not in (row.from_actor, row.to_actor):
                continue
            other = row.from_actor if row.to_actor == "AFG_TALIBAN" else row.to_actor
        elif to:
            if row.to_actor != "AFG_TALIBAN":
                continue
            other = row.from_actor
        else:
            if row.from_actor != "AFG_TALIBAN":
                continue
            other = row.to_actor
        if first is not None:
            if pd.isna(row.start_year) or (row.start_year <= first if strict else row.start_year < first):
                continue
        if states and kinds.get(other) != "state":
            continue
        counts[str(row.tie)] = counts.get(str(row.tie), 0) + 1
    return pd.Series(counts)


def test_q1(ex, relations, actors):
    expected = ties_towards_taliban(relations, actors)
    assert expected.sum() == 18 and expected["recognition"] == 1
    assert ex.feedback("q1", expected).outcome is CORRECT
    # value_counts on the categorical column keeps the tie types with no tie: still correct
    states = actors.loc[actors["type"] == "state", "actor_id"]
    chosen = relations[(relations["to_actor"] == "AFG_TALIBAN") & (relations["start_year"] >= 2021)
                       & relations["from_actor"].isin(states)]
    with_zeros = chosen["tie"].value_counts()
    assert (with_zeros == 0).any()
    assert ex.feedback("q1", with_zeros).outcome is CORRECT
    wrong = [
        expected.rename_axis("tie").reset_index(name="ties"),  # a table
        int(expected.sum()),  # one total
        ties_towards_taliban(relations, actors, states=False),  # the UN kept
        ties_towards_taliban(relations, actors, to=False),  # direction reversed
        ties_towards_taliban(relations, actors, both=True),  # both directions
        ties_towards_taliban(relations, actors, strict=True),  # > 2021
        ties_towards_taliban(relations, actors, first=None),  # every year
    ]
    assert_mistake_values(ex, "q1", wrong)
    assert ex.feedback("q1", expected.drop("trade")).outcome is INCORRECT


# --- q2: is a tie in force in a year? -------------------------------------------------------

def in_force(start, end, year):
    return year in range(int(start), (2026 if pd.isna(end) else int(end)) + 1)


def test_q2_visible(ex):
    assert ex.feedback("q2", in_force(1997, 2001, 2001)).outcome is CORRECT
    assert_mistake_values(ex, "q2", [1997 <= 2001 < 2001, 1])


def counts_by_year(relations, rule):
    dated = relations[relations["start_year"].notna()]
    return pd.Series({year: sum(bool(rule(s, e, year)) for s, e in zip(dated["start_year"], dated["end_year"]))
                      for year in range(1990, 2026)})


def test_q2_hidden(ex, relations):
    expected = counts_by_year(relations, in_force)
    assert ex.feedback("q2.hidden", expected).outcome is CORRECT
    end_exclusive = counts_by_year(relations, lambda s, e, y: s <= y and (pd.isna(e) or y < e))
    start_exclusive = counts_by_year(relations, lambda s, e, y: s < y and (pd.isna(e) or y <= e))
    open_as_ended = counts_by_year(relations, lambda s, e, y: s <= y and not pd.isna(e) and y <= e)
    assert_mistake_values(ex, "q2.hidden", [end_exclusive, start_exclusive, open_as_ended])
    # A function that only fits the visible check passes it, and the hidden test catches it.
    assert ex.feedback("q2", True).correct
    hidden = ex.feedback("q2.hidden", counts_by_year(relations, lambda s, e, y: True))
    assert hidden.outcome is INCORRECT and hidden.message == ex.question("q2.hidden").wrong_message


# --- q3: reading the sources chart ------------------------------------------------------------

def test_q3(ex, relations):
    cited = alliance.sources_for(relations)
    independent = cited[cited["perspective"] == "independent"]["kind"].astype(str).value_counts()
    assert independent.iloc[0] > independent.iloc[1]  # one clear answer
    assert ex.feedback("q3", independent.index[0]).outcome is CORRECT
    assert ex.feedback("q3", independent.index[0].upper() + " ").outcome is CORRECT
    longest_bar = cited["kind"].astype(str).value_counts().index[0]
    assert_mistake_values(ex, "q3", [longest_bar, "UN/official", "independent"])
    for text in mistake_messages(ex, "q3") | set(ex.question("q3").hints):
        assert independent.index[0] not in text


# --- q4: weaker copies among the sources ------------------------------------------------------------

def test_q4(ex, relations, sources):
    cited_ids = [sid.strip() for value in relations["source_ids"] for sid in value.split(";")]
    caution = dict(zip(sources["source_id"], sources["caution"]))
    unique = list(dict.fromkeys(cited_ids))
    share = 100 * sum(caution[s] for s in unique) / len(unique)
    assert ex.feedback("q4", share).outcome is CORRECT
    wrong = [share / 100,
             100 * sources["caution"].mean(),
             100 * sum(caution[s] for s in cited_ids) / len(cited_ids),
             sum(caution[s] for s in unique)]
    assert_mistake_values(ex, "q4", wrong)
    for text in mistake_messages(ex, "q4") | set(ex.question("q4").hints):
        assert f"{share:.2f}" not in text and f"{share:.1f}" not in text


# --- q5: recognition versus lesser diplomatic steps ----------------------------------------------

def test_q5(ex, relations):
    recent = relations[(relations["to_actor"] == "AFG_TALIBAN") & (relations["start_year"] >= 2021)]
    recognisers = recent.loc[recent["tie"] == "recognition", "from_actor"].tolist()
    assert len(recognisers) == 1
    assert ex.feedback("q5", recognisers[0]).outcome is CORRECT
    assert ex.feedback("q5", recognisers[0].lower()).outcome is CORRECT
    diplomatic = sorted(set(recent.loc[recent["tie"] == "diplomatic", "from_actor"]) - {"UN", "TUR"})
    assert diplomatic == ["CHN", "IND", "IRN", "PAK", "UAE"]
    first_government = relations.loc[(relations["tie"] == "recognition") & (relations["end_year"] == 2001)
                                     & (relations["to_actor"] == "AFG_TALIBAN"), "from_actor"].tolist()
    assert "SAU" in first_government
    mediators = sorted(set(recent.loc[recent["tie"] == "mediation", "from_actor"]) - {"SAU"})
    assert mediators == ["QAT", "TUR"]
    assert_mistake_values(ex, "q5", diplomatic + mediators + ["SAU", "China"])
    for text in mistake_messages(ex, "q5") | set(ex.question("q5").hints):
        assert "Russia" not in text and "RUS" not in text


# --- q6: an accusation is a claim -------------------------------------------------------------

def test_q6(ex, relations):
    by_id = relations.set_index("relation_id")["description"]
    assert "accuse India" in by_id["pak-ind-hostility-accusations-2009"]
    assert "rejects these charges as baseless" in by_id["ind-pak-hostility-denials-2009"]
    assert ex.feedback("q6", "b").outcome is CORRECT
    assert_mistake_values(ex, "q6", ["a", "c", "(b)"])
    assert "claim by one party" in ex.feedback("q6", "a").message
    assert "India's own wording" in ex.feedback("q6", "c").message


# --- q7: the learner's chart -----------------------------------------------------------------

@pytest.fixture(scope="module")
def tie_table(relations, actors):
    return ties_towards_taliban(relations, actors).rename_axis("tie").reset_index(name="ties")


def test_q7_good_charts(ex, tie_table, relations, actors):
    good = alt.Chart(tie_table, title="Ties towards the Taliban").mark_bar().encode(y="tie:N", x="ties:Q")
    assert ex.feedback("q7", good).outcome is CORRECT
    # a table from value_counts on the categorical column has zero rows; they draw nothing and pass
    states = actors.loc[actors["type"] == "state", "actor_id"]
    chosen = relations[(relations["to_actor"] == "AFG_TALIBAN") & (relations["start_year"] >= 2021)
                       & relations["from_actor"].isin(states)]
    zeros = chosen["tie"].value_counts().rename_axis("tie").reset_index(name="ties")
    assert (zeros["ties"] == 0).any()
    chart = alt.Chart(zeros, title="Ties").mark_bar().encode(y=alt.Y("tie:N", sort="-x"), x="ties:Q")
    assert ex.feedback("q7", chart).outcome is CORRECT
    assert ex.feedback("q7", good.to_dict()).outcome is CORRECT


def test_q7_charts_that_break_a_requirement(ex, tie_table, relations, actors):
    def chart(frame=tie_table, title="Ties towards the Taliban"):
        return alt.Chart(frame, title=title) if title else alt.Chart(frame)

    with_un = ties_towards_taliban(relations, actors, states=False).rename_axis("tie").reset_index(name="ties")
    broken = {
        "mark": chart().mark_point().encode(y="tie:N", x="ties:Q"),
        "y field": chart().mark_bar().encode(y="ties:Q", x="tie:N"),
        "x type": chart().mark_bar().encode(y="tie:N", x="ties:O"),
        "rows": chart(with_un).mark_bar().encode(y="tie:N", x="ties:Q"),
        "title": chart(title=None).mark_bar().encode(y="tie:N", x="ties:Q"),
    }
    found = {}
    for what, value in broken.items():
        feedback = ex.feedback("q7", value)
        assert feedback.outcome is INCORRECT, what
        found[what] = feedback.message
    assert "mark" in found["mark"] and "title" in found["title"] and "q1" in found["rows"]
    assert len(set(found.values())) == len(found)
    assert "Expected an Altair chart" in ex.feedback("q7", tie_table).message


# --- q8: the written answer --------------------------------------------------------------------

def test_q8_is_graded_by_a_person(ex):
    question = ex.question("q8")
    assert isinstance(question, OpenQuestion) and question.points == 4
    assert ex.feedback("q8", "YOUR ANSWER HERE").outcome is NOT_ATTEMPTED
    assert ex.feedback("q8", "word " * 60).outcome is Outcome.UNCHECKABLE


# --- The built notebooks -----------------------------------------------------------------------

SOURCE = REPO / "exercises" / "source" / NAME / f"{NAME}.ipynb"
STUDENT = REPO / "exercises" / "student" / NAME / f"{NAME}.ipynb"


def test_source_notebook_checks_every_question_with_points():
    nb = nbformat.read(SOURCE, as_version=4)
    tests = [c for c in nb.cells if exercise_cells.is_test(c)]
    assert [exercise_cells.grade_id(c) for c in tests] == ["q1", "q2", "q3", "q4", "q5", "q6", "q7"]
    assert all(1 <= exercise_cells.points(c) <= 3 for c in tests)
    assert all("Correct" in str(c.outputs) for c in tests)
    assert "q2.hidden" in "".join(c.source for c in tests)
    opens = [c for c in nb.cells if exercise_cells.is_open(c)]
    assert [exercise_cells.grade_id(c) for c in opens] == ["q8"]


def test_student_notebook_hides_solutions():
    # Running it untouched (no errors, every check Not attempted): tests/test_student_notebooks.py
    nb = nbformat.read(STUDENT, as_version=4)
    text = nbformat.writes(nb)
    for marker in ("BEGIN SOLUTION", "BEGIN HIDDEN TESTS", "q2.hidden", "RUS", '"reference"'):
        assert marker not in text, marker
