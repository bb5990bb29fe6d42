"""Every question of every assignment answers anything a learner can pass with feedback, never an error."""

from __future__ import annotations

import math

import altair as alt
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.pandas import column, data_frames, range_indexes

from alliance import exercise
from alliance.assignment import known
from alliance.checks import BLANK, Feedback, Outcome

QUESTIONS = [(name, q.id) for name in known() for q in exercise(name).questions]


class Hostile:
    """Raises on every comparison, conversion and attribute lookup a check might try."""

    def __eq__(self, other):
        raise RuntimeError("eq")

    __ne__ = __lt__ = __gt__ = __le__ = __ge__ = __eq__
    __hash__ = object.__hash__  # Hypothesis hashes examples; the unhashable case is tested below

    def __float__(self):
        raise RuntimeError("float")

    def __len__(self):
        raise RuntimeError("len")

    def __iter__(self):
        raise RuntimeError("iter")

    def __call__(self, *args, **kwargs):
        raise RuntimeError("call")


frames = data_frames([column("year", dtype=int), column("value", dtype=float), column("publisher", dtype=str)],
                     index=range_indexes(max_size=20))
values = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=40),
    st.lists(st.integers() | st.text(max_size=5), max_size=5), st.dictionaries(st.text(max_size=5), st.integers(), max_size=5),
    frames, frames.map(lambda f: f.set_index("year")["value"]), st.just(pd.DataFrame()), st.just(pd.Series(dtype=float)),
    st.just(Hostile()), st.just(np.nan), st.just(pd.NA), st.just(lambda *a: None), st.just(object()),
    st.just(alt.Chart(pd.DataFrame({"x": [1]})).mark_point().encode(x="x:Q")),
)
class Unhashable(Hostile):
    def __hash__(self):
        raise RuntimeError("hash")


HUGE = pd.DataFrame({"year": np.arange(250_000) % 30 + 2000, "value": np.arange(250_000, dtype=float)})


def assert_answers(name: str, qid: str, value) -> None:
    feedback = exercise(name).feedback(qid, value)
    assert isinstance(feedback, Feedback) and feedback.message.strip()
    assert feedback.outcome in Outcome


@pytest.mark.parametrize("name, qid", QUESTIONS, ids=[f"{n}-{q}" for n, q in QUESTIONS])
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=values)
def test_check_answers_any_value(name, qid, value):
    assert_answers(name, qid, value)


@pytest.mark.parametrize("name, qid", QUESTIONS, ids=[f"{n}-{q}" for n, q in QUESTIONS])
def test_check_handles_blank_huge_frames_and_nan(name, qid):
    assert exercise(name).feedback(qid, BLANK).outcome is Outcome.NOT_ATTEMPTED
    for value in (HUGE, HUGE.set_index("year")["value"], math.nan, float("inf"), Unhashable()):
        assert_answers(name, qid, value)
