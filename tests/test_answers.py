"""alliance.answers: any value a learner can pass is carried to the grader or named as unsupported."""

from __future__ import annotations

import json
import math

import altair as alt
import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.pandas import column, data_frames, range_indexes

from alliance import answers
from alliance.checks import BLANK, difference

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=30))
nested = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner,
                                                                                              max_size=4), max_leaves=12)


def same(a, b) -> bool:
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    if isinstance(a, (list, tuple)):
        return type(a) is type(b) and len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, int) and not isinstance(a, bool) and abs(a) > 2**63:
        return b == float(a)
    return a == b and type(a) is type(b)


@given(nested)
@settings(max_examples=200, deadline=None)
def test_plain_values_round_trip(value):
    text = answers.dumps(value)
    json.loads(text)  # strict JSON: no NaN literals
    assert same(value, answers.loads(text))


@given(data_frames([column("year", dtype=int), column("value", dtype=float), column("who", dtype=str)],
                   index=range_indexes(max_size=30)))
@settings(max_examples=80, deadline=None)
def test_frames_round_trip_to_an_equal_frame(frame):
    back = answers.loads(answers.dumps(frame))
    assert isinstance(back, pd.DataFrame) and list(back.columns) == list(frame.columns)
    assert difference(back, frame) is None


def test_series_with_named_index_and_missing_values():
    series = pd.Series(pd.array([1, None, 3], dtype="Int64"), index=pd.Index([2021, 2022, 2023], name="year"),
                       name="deaths")
    back = answers.loads(answers.dumps(series))
    assert back.name == "deaths" and back.index.name == "year" and difference(back, series) is None
    dates = pd.DataFrame({"when": pd.to_datetime(["2025-10-11", "2025-10-12"]), "kind": pd.Categorical(["a", "b"])})
    assert difference(answers.loads(answers.dumps(dates)), dates) is None


def test_special_values():
    assert answers.loads(answers.dumps(BLANK)) is BLANK
    assert answers.loads(answers.dumps(np.int64(7))) == 7
    assert math.isinf(answers.loads(answers.dumps(float("-inf"))))
    chart = alt.Chart(pd.DataFrame({"x": [1]})).mark_bar().encode(x="x:Q")
    spec = answers.loads(answers.dumps(chart))
    assert spec["mark"]["type"] == "bar" and spec.to_dict() == dict(spec)


class Hostile:
    def __eq__(self, other):
        raise RuntimeError("no")

    def __repr__(self):
        raise RuntimeError("no repr either")


def test_unsupported_and_hostile_values_are_named_not_raised():
    for value in (Hostile(), object(), {1, 2}, lambda: 1, pd.DataFrame({"x": range(300_000)})):
        back = answers.loads(answers.dumps(value))
        assert isinstance(back, answers.Unsupported)
    assert "too large" in repr(answers.loads(answers.dumps(pd.DataFrame({"x": range(300_000)}))))
