"""Exercise 09 (what could help): the answer key against the real data, question by question."""

from __future__ import annotations

from pathlib import Path

import altair as alt
import nbformat
import pytest

import alliance
from alliance import exercise, exercise_cells
from alliance.checks import BLANK, ChartQuestion, OpenQuestion, Outcome

from exercise_tools import MistakeLog, assert_correct

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def ex():
    return exercise("ex09")


@pytest.fixture(scope="module")
def views():
    return alliance.load("option_views")


def verdict(ex, qid, value):
    return ex.feedback(qid, value)




MISTAKES = MistakeLog()
assert_mistake, assert_every_mistake_hit = MISTAKES.assert_mistake, MISTAKES.assert_every_mistake_hit






def hints(ex, qid):
    question = ex.question(qid)
    return [question.hint() for _ in range(3)]


# --- q1: positions held by the two governments ----------------------------------------------

def test_q1(ex, views):
    governments = views["holder_type"].astype(str).isin(["Pakistani state", "Afghan Taliban"])
    assert_correct(ex, "q1", int(governments.sum()))
    assert_correct(ex, "q1", float(governments.sum()))
    with_media = views["holder_type"].astype(str).isin(["Pakistani state", "Afghan Taliban", "Afghan media"])
    assert_mistake(ex, "q1", int(with_media.sum()), "Afghan media")
    assert_mistake(ex, "q1", int((views["holder_type"] == "Pakistani state").sum()), "Pakistani state only")
    assert_mistake(ex, "q1", int((views["holder_type"] == "Afghan Taliban").sum()), "Afghan Taliban only")
    assert_mistake(ex, "q1", len(views), "every recorded position")
    assert ex.feedback("q1", BLANK).outcome is Outcome.NOT_ATTEMPTED
    assert ex.feedback("q1", views).outcome is Outcome.INCORRECT
    assert_every_mistake_hit(ex, "q1")


# --- q2: positions against or doubting, per option ------------------------------------------

def counts(views, stances):
    return views[views["stance"].astype(str).isin(stances)]["option_id"].value_counts()


def test_q2(ex, views):
    expected = counts(views, ["against", "doubt"])
    assert_correct(ex, "q2", expected)
    assert_correct(ex, "q2", expected.sort_values())  # any row order
    assert_correct(ex, "q2", views[views["stance"].isin(["against", "doubt"])].groupby("option_id").size())
    assert_mistake(ex, "q2", counts(views, ["against"]), "'against' positions only")
    with_zero = counts(views, ["against"]).reindex(sorted(views["option_id"].unique()), fill_value=0)
    assert_mistake(ex, "q2", with_zero, "'against' positions only")
    assert_mistake(ex, "q2", views["option_id"].value_counts(), "all recorded positions")
    assert_mistake(ex, "q2", counts(views, ["for", "conditions"]), "supporting positions")
    assert_mistake(ex, "q2", expected.to_frame(), "Series")
    assert ex.feedback("q2", BLANK).outcome is Outcome.NOT_ATTEMPTED
    assert_every_mistake_hit(ex, "q2")


# --- q3: read the lesson's chart ------------------------------------------------------------------

def test_q3(ex, views):
    letters = {"monitoring": "a", "intelligence": "b", "crossings": "c", "incentives": "d"}
    most_for = counts(views, ["for"]).idxmax()
    assert_correct(ex, "q3", letters[most_for])
    assert_correct(ex, "q3", " " + letters[most_for].upper())
    longest_bar = views["option_id"].value_counts().idxmax()
    assert longest_bar != most_for
    assert_mistake(ex, "q3", letters[longest_bar], "longest bar")
    for option, letter in letters.items():
        if option not in (most_for, longest_bar):
            assert_mistake(ex, "q3", letter, "green 'for' segment")
    assert ex.feedback("q3", BLANK).outcome is Outcome.NOT_ATTEMPTED
    assert_every_mistake_hit(ex, "q3")


# --- q4: positions resting only on weaker copies ---------------------------------------------

def test_q4(ex, views):
    caution = alliance.load("sources").set_index("source_id")["caution"].to_dict()
    flags = {row.view_id: [bool(caution[s]) for s in row.source_ids.split(";")] for row in views.itertuples()}
    only_weak = sum(all(f) for f in flags.values())
    assert_correct(ex, "q4", only_weak)
    assert_mistake(ex, "q4", sum(any(f) for f in flags.values()), "at least one weaker copy")
    assert_mistake(ex, "q4", sum(sum(f) for f in flags.values()), "citations")
    weak_sources = {s for row in views.itertuples() for s in row.source_ids.split(";") if caution[s]}
    assert_mistake(ex, "q4", len(weak_sources), "distinct weaker sources")
    assert_mistake(ex, "q4", sum(not any(f) for f in flags.values()), "opposite")
    assert ex.feedback("q4", BLANK).outcome is Outcome.NOT_ATTEMPTED
    assert_every_mistake_hit(ex, "q4")


# --- q5: the weighted score, visible and hidden -------------------------------------------------

def good(scores, weights):
    return sum(weights[c] * scores[c] for c in weights) / sum(weights.values())


def plain_mean(scores, weights):
    return sum(scores.values()) / len(scores)


def weighted_sum(scores, weights):
    return sum(weights[c] * scores[c] for c in weights)


def per_criterion(scores, weights):
    return weighted_sum(scores, weights) / len(weights)


def swapped(scores, weights):
    keys = list(weights)
    return sum(weights[k] * scores[keys[-1 - i]] for i, k in enumerate(keys)) / sum(weights.values())


VISIBLE = ({"attacks": 4, "kabul": 2}, {"attacks": 1, "kabul": 3})
HIDDEN = ({"attacks": 5, "civilians": 1, "speed": 2}, {"attacks": 0, "civilians": 4, "speed": 1})


def test_q5_visible(ex):
    from alliance.lessons import l09_what_could_help as lesson

    expected = lesson.weighted_totals({"o": VISIBLE[0]}, VISIBLE[1])["o"]
    assert_correct(ex, "q5", expected)
    assert_correct(ex, "q5", good(*VISIBLE))
    assert_mistake(ex, "q5", plain_mean(*VISIBLE), "plain average")
    assert_mistake(ex, "q5", weighted_sum(*VISIBLE), "weighted sum")
    assert_mistake(ex, "q5", per_criterion(*VISIBLE), "number of criteria")
    assert_mistake(ex, "q5", swapped(*VISIBLE), "wrong weight")
    assert ex.feedback("q5", BLANK).outcome is Outcome.NOT_ATTEMPTED
    assert_every_mistake_hit(ex, "q5")


def test_q5_hidden(ex):
    from alliance.lessons import l09_what_could_help as lesson

    expected = lesson.weighted_totals({"o": HIDDEN[0]}, HIDDEN[1])["o"]
    assert_correct(ex, "q5.hidden", expected)
    assert_mistake(ex, "q5.hidden", plain_mean(*HIDDEN), "plain average")
    assert_mistake(ex, "q5.hidden", weighted_sum(*HIDDEN), "weighted sum")
    assert_mistake(ex, "q5.hidden", per_criterion(*HIDDEN), "number of criteria")
    # A function that ignores the weights can pass neither check.
    assert not ex.feedback("q5", plain_mean(*VISIBLE)).correct
    assert_every_mistake_hit(ex, "q5.hidden")


def test_q5_require_raises_on_wrong_function(ex):
    with pytest.raises(AssertionError):
        ex.require("q5.hidden", per_criterion(*HIDDEN))
    ex.require("q5.hidden", good(*HIDDEN))


# --- q6: the chart -----------------------------------------------------------------------------

def holder_frame(views, observed=True):
    return views.groupby(["holder_type", "stance"], observed=observed).size().reset_index(name="positions")


def good_chart(frame, title="Who is on record"):
    return alt.Chart(frame, title=title).mark_bar().encode(y="holder_type:N", x="positions:Q", color="stance:N")


def test_q6_good_charts(ex, views):
    assert_correct(ex, "q6", good_chart(holder_frame(views)))
    assert_correct(ex, "q6", good_chart(holder_frame(views, observed=False)))  # zero rows are harmless
    assert_correct(ex, "q6", alt.Chart(holder_frame(views)).mark_bar().encode(
        y=alt.Y("holder_type:N"), x=alt.X("positions:Q"), color=alt.Color("stance:N")).properties(title="Positions"))


def test_q6_broken_charts(ex, views):
    frame = holder_frame(views)
    assert_mistake(ex, "q6", alt.Chart(frame, title="t").mark_point().encode(
        y="holder_type:N", x="positions:Q", color="stance:N"), "mark")
    assert_mistake(ex, "q6", alt.Chart(frame, title="t").mark_bar().encode(
        x="holder_type:N", y="positions:Q", color="stance:N"), "y shows")
    assert_mistake(ex, "q6", alt.Chart(frame, title="t").mark_bar().encode(
        y="holder_type:N", x="positions:N", color="stance:N"), "should be a number")
    assert_mistake(ex, "q6", alt.Chart(frame, title="t").mark_bar().encode(
        y="holder_type:N", x="positions:Q"), "Nothing is mapped to color")
    partial = frame[frame["holder_type"] != "analyst"]
    assert_mistake(ex, "q6", good_chart(partial), "all 18 recorded positions")
    government_only = frame[frame["holder_type"].isin(["Pakistani state", "Afghan Taliban"])]
    assert_mistake(ex, "q6", good_chart(government_only), "every holder type")
    assert_mistake(ex, "q6", good_chart(frame, title=""), "no title")
    assert_mistake(ex, "q6", frame, "Altair chart")
    assert ex.feedback("q6", BLANK).outcome is Outcome.NOT_ATTEMPTED


# --- hints, the open question, and the mix the brief requires ------------------------------

def test_open_question_rubric(ex):
    q7 = ex.question("q7")
    assert isinstance(q7, OpenQuestion)
    assert sum(points for _, points in q7.rubric) == q7.points == 4
    assert ex.feedback("q7", BLANK).outcome is Outcome.NOT_ATTEMPTED
    assert ex.feedback("q7", "word " * 60).outcome is Outcome.UNCHECKABLE


def test_no_mistake_equals_the_answer(ex):
    for question in ex.questions:
        if getattr(question, "answer_hash", None):
            assert all(m.answer_hash != question.answer_hash for m in question.mistakes), question.id


def test_notebook_mix():
    nb = nbformat.read(REPO / "exercises" / "source" / "ex09" / "ex09.ipynb", as_version=4)
    tests = [c for c in nb.cells if exercise_cells.is_test(c)]
    ids = [exercise_cells.grade_id(c) for c in tests]
    assert ids == [f"q{i}" for i in range(1, len(ids) + 1)] and len(ids) >= 4
    assert all(1 <= exercise_cells.points(c) <= 3 for c in tests)
    assert all("Correct" in str(c.outputs) for c in tests)
    opens = [c for c in nb.cells if exercise_cells.is_open(c)]
    assert [exercise_cells.grade_id(c) for c in opens] == ["q7"]
    key = exercise("ex09")
    assert sum(isinstance(q, ChartQuestion) for q in key.questions) == 1
    assert exercise_cells.points(opens[0]) == key.question("q7").points
    # The hidden id is required first: `alliance grade` needs every id of the cell exported before a
    # require raises, or a blank function would show as an error rather than "not attempted".
    q5 = next(c for c in tests if exercise_cells.grade_id(c) == "q5")
    assert exercise_cells.checked_ids(q5.source) == ["q5", "q5.hidden", "q5"]


def test_student_notebook_holds_no_answers():
    nb = nbformat.read(REPO / "exercises" / "student" / "ex09" / "ex09.ipynb", as_version=4)
    text = "\n".join(c.source for c in nb.cells)
    assert "BEGIN SOLUTION" not in text and "HIDDEN" not in text and "q5.hidden" not in text
    assert 'q3_answer = "c"' not in text and "Model answer" not in text
