"""Answers as plain JSON, so a grader can check them outside the learner's kernel.

While grading, each check in a submission writes the value it was given with
`encode`; the grader reads it back with `decode` and checks it with a fresh copy of
the questions. Nothing the learner's code does to the checks in their own kernel can
then change the grade, and the grader never unpickles anything a submission wrote.

Supported: None, bool, int, float (NaN and infinities kept), str, lists, tuples and
dicts of those, numpy scalars, pandas Series and DataFrames (values, index, names and
dtypes) and Altair charts (as their Vega-Lite spec). Anything else is recorded as
"unsupported" with its type name, which the checks report as a wrong kind of answer.
"""

from __future__ import annotations

import json
import math
from typing import Any

MAX_ITEMS = 200_000  # cells in a frame; larger answers are recorded as too large


class Unsupported:
    """Stands for an answer that could not be carried to the grader."""

    def __init__(self, kind: str, reason: str = "unsupported"):
        self.kind, self.reason = kind, reason

    def __repr__(self) -> str:
        return f"<{self.reason} answer of type {self.kind}>"


def _scalar(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return {"__float__": repr(value)}
    return value


def _cell(value: Any) -> Any:
    """One value inside a Series or frame."""
    import numpy as np
    import pandas as pd

    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, (pd.Timestamp,)):
        return value.isoformat()
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (bool, int, float, str)):
        return _scalar(value)
    return str(value)


def _frame_payload(frame) -> dict:
    return {
        "columns": [str(c) for c in frame.columns],
        "dtypes": [str(t) for t in frame.dtypes],
        "index": [_cell(i) if not isinstance(i, tuple) else [_cell(x) for x in i] for i in frame.index],
        "index_names": [None if n is None else str(n) for n in frame.index.names],
        "data": [[_cell(v) for v in row] for row in frame.itertuples(index=False, name=None)],
    }


def encode(value: Any) -> dict:
    """A JSON-ready description of `value` (never raises)."""
    try:
        return _encode(value)
    except Exception as exc:  # an answer we cannot describe is still recorded, as such
        return {"type": "unsupported", "kind": type(value).__name__, "reason": f"unreadable ({type(exc).__name__})"}


def _encode(value: Any) -> dict:
    from .checks import BLANK

    if value is BLANK or value is Ellipsis:
        return {"type": "blank"}
    if value is None or isinstance(value, (bool, int, float, str)):
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 2**63:
            return {"type": "scalar", "value": float(value)}
        return {"type": "scalar", "value": _scalar(value)}
    import numpy as np
    import pandas as pd

    if isinstance(value, np.generic):
        return _encode(value.item())
    if isinstance(value, (list, tuple)):
        if len(value) > MAX_ITEMS:
            return {"type": "unsupported", "kind": type(value).__name__, "reason": "too large"}
        return {"type": type(value).__name__, "items": [_encode(v) for v in value]}
    if isinstance(value, dict):
        if len(value) > MAX_ITEMS:
            return {"type": "unsupported", "kind": "dict", "reason": "too large"}
        return {"type": "dict", "items": [[_encode(k), _encode(v)] for k, v in value.items()]}
    if isinstance(value, pd.Series):
        if len(value) > MAX_ITEMS:
            return {"type": "unsupported", "kind": "Series", "reason": "too large"}
        payload = _frame_payload(value.to_frame(name="__values__"))
        return {"type": "series", "name": None if value.name is None else str(value.name), **payload}
    if isinstance(value, pd.DataFrame):
        if value.size > MAX_ITEMS:
            return {"type": "unsupported", "kind": "DataFrame", "reason": "too large"}
        return {"type": "frame", **_frame_payload(value)}
    if hasattr(value, "to_dict") and type(value).__module__.startswith("altair"):
        return {"type": "chart", "spec": value.to_dict(validate=False)}
    return {"type": "unsupported", "kind": type(value).__name__, "reason": "unsupported"}


def dumps(value: Any) -> str:
    return json.dumps(encode(value), allow_nan=False, default=str)


def _unscalar(value: Any) -> Any:
    if isinstance(value, dict) and "__float__" in value:
        return float(value["__float__"])
    return value


def _rebuild_frame(payload: dict):
    import pandas as pd

    columns = payload["columns"]
    data = [[_unscalar(v) for v in row] for row in payload["data"]]
    index_values = payload["index"]
    names = payload.get("index_names") or [None]
    if len(names) > 1:
        index = pd.MultiIndex.from_tuples([tuple(i) for i in index_values], names=names)
    else:
        index = pd.Index(index_values, name=names[0])
    frame = pd.DataFrame(data, columns=columns, index=index)
    for column, dtype in zip(columns, payload["dtypes"]):
        try:
            if dtype.startswith("datetime64"):
                frame[column] = pd.to_datetime(frame[column])
            elif dtype not in ("object", "str", "string"):
                frame[column] = frame[column].astype(dtype)
        except (TypeError, ValueError):
            pass  # keep the plain values; the comparison reports any difference
    return frame


def decode(payload: dict) -> Any:
    """The value `encode` described (charts come back as their spec dict)."""
    from .checks import BLANK

    kind = payload.get("type")
    if kind == "blank":
        return BLANK
    if kind == "scalar":
        return _unscalar(payload["value"])
    if kind in ("list", "tuple"):
        items = [decode(item) for item in payload["items"]]
        return items if kind == "list" else tuple(items)
    if kind == "dict":
        return {_hashable(decode(k)): decode(v) for k, v in payload["items"]}
    if kind == "frame":
        return _rebuild_frame(payload)
    if kind == "series":
        series = _rebuild_frame(payload)["__values__"]
        series.name = payload.get("name")
        return series
    if kind == "chart":
        return ChartSpec(payload["spec"])
    return Unsupported(payload.get("kind", "unknown"), payload.get("reason", "unsupported"))


def loads(text: str) -> Any:
    return decode(json.loads(text))


def _hashable(key: Any) -> Any:
    return tuple(key) if isinstance(key, list) else key


class ChartSpec(dict):
    """A chart's Vega-Lite spec as received by the grader (checks read it like a chart)."""

    def to_dict(self, **_: Any) -> dict:
        return dict(self)
