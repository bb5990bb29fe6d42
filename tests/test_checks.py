"""alliance.checks: outcomes, mistake feedback, hints, and robustness to anything a learner passes."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.pandas import column, data_frames

from alliance import checks
from alliance.checks import BLANK, Mistake, Outcome, Question, digest

SALT = "q-test"


def change_question():
    """Deaths rose from 1,524 to 2,546: the absolute change is 1022; 67.06 is the percent change."""
    return Question(
        id="Q1", salt=SALT, answer_hash=digest(1022, SALT),
        mistakes=[Mistake("That is the percent change; the question asks for the change in deaths.",
                          answer_hash=digest(67.06, SALT)),
                  Mistake("The change is later minus earlier, so it is positive here.", answer_hash=digest(-1022, SALT)),
                  Mistake("Give one number, not a table: pick the value out of your result.",
                          test=lambda v: isinstance(v, (pd.DataFrame, pd.Series)))],
        hints=["Find both years' totals.", "Subtract the earlier from the later.", "2546 - 1524"])


def test_outcomes():
    q = change_question()
    assert q.check(BLANK).outcome is Outcome.NOT_ATTEMPTED
    assert q.check(1022).correct and q.check(1022.0).correct and q.check(1022.001).correct
    wrong = q.check(67.06)
    assert wrong.outcome is Outcome.INCORRECT and "percent change" in wrong.message
    assert "later minus earlier" in q.check(-1022).message
    assert "not a table" in q.check(pd.DataFrame({"x": [1022]})).message
    assert q.check(5).message == q.wrong_message
    assert "Expected a single number or word, got a list" in q.check([1022]).message


def test_text_answers_ignore_case_and_spacing():
    q = Question(id="Q2", salt=SALT, answer_hash=digest("UNAMA", SALT))
    assert q.check("  unama ").correct
    assert not q.check("UNHCR").correct


def test_booleans_are_not_numbers():
    q = Question(id="Q3", salt=SALT, answer_hash=digest(1, SALT))
    assert not q.check(True).correct


def test_student_facing_text_holds_no_answer():
    q = change_question()
    assert "1022" not in q.answer_hash and len(q.answer_hash) == 64


def test_hints_go_up_three_levels_then_repeat():
    q = change_question()
    assert [q.hint() for _ in range(4)] == [
        "Q1, hint 1 of 3: Find both years' totals.", "Q1, hint 2 of 3: Subtract the earlier from the later.",
        "Q1, hint 3 of 3: 2546 - 1524", "Q1, hint 3 of 3: 2546 - 1524"]
    assert "no hint" in Question(id="Q9").hint()


def test_derived_answers_compare_frames_and_scalars():
    expected = pd.DataFrame({"year": [2023, 2024], "deaths": [1524, 2546]})
    q = Question(id="Q4", derive=lambda: expected.copy())
    assert q.check(expected.copy()).correct
    assert not q.check(expected.iloc[:1]).correct
    assert not q.check(expected["deaths"]).correct
    assert Question(id="Q5", derive=lambda: 0.5).check(0.501).correct


def test_a_broken_data_loader_is_uncheckable_not_a_crash():
    def broken():
        raise FileNotFoundError("course_data/violence.csv")

    feedback = Question(id="Q6", derive=broken).check(3)
    assert feedback.outcome is Outcome.UNCHECKABLE and "FileNotFoundError" in feedback.message


def test_feedback_renders_as_text_and_html():
    feedback = change_question().check(67.06)
    assert str(feedback).startswith("Q1: Not yet. That is the percent change")
    assert "role='status'" in feedback._repr_html_()


class EvilEq:
    def __eq__(self, other):
        raise RuntimeError("no")

    __hash__ = object.__hash__

    def __float__(self):
        raise RuntimeError("no")


anything = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True), st.text(),
    st.binary(), st.lists(st.integers(), max_size=50), st.dictionaries(st.text(max_size=5), st.integers(), max_size=5),
    st.just(float("nan")), st.just(EvilEq()), st.just(Ellipsis), st.just(object()),
    data_frames([column("a", dtype=float), column("b", dtype=int)]),
    st.builds(lambda n: pd.DataFrame({"x": range(n)}), st.integers(0, 200_000)),
    st.builds(pd.Series, st.lists(st.floats(allow_nan=True), max_size=20)),
)


@settings(max_examples=300, deadline=None)
@given(anything)
def test_every_question_kind_answers_anything_with_feedback(value):
    questions = [change_question(),
                 Question(id="T", salt=SALT, answer_hash=digest("PIPS", SALT)),
                 Question(id="D", derive=lambda: pd.DataFrame({"x": [1, 2]})),
                 Question(id="S", derive=lambda: 2.5)]
    for q in questions:
        feedback = q.check(value)
        assert isinstance(feedback, checks.Feedback)
        assert feedback.message and isinstance(str(feedback), str)
        assert feedback.outcome in Outcome


@pytest.mark.parametrize("value", [math.inf, -math.inf, math.nan])
def test_non_finite_numbers_are_wrong_not_errors(value):
    feedback = change_question().check(value)
    assert feedback.outcome is Outcome.INCORRECT
