"""Explorer charts from templates: Altair builds and validates a chart once, calls fill it in.

Building an explorer's chart with Altair took 50-160 ms a call: Altair copies every layer each
time charts are combined, and to_dict() (which the notebook calls to draw the chart) validates
the whole spec against the Vega-Lite schema, 25-45 ms on its own. The chart's structure is the
same on every call; only its rows and some words, lists and numbers change. So Altair builds
and validates it once with placeholders in those places (a template), and each call fills in a
copy of that spec. The chart returned is an Altair chart of the same class whose to_dict()
gives that spec without rebuilding or validating it again. See benchmarks/PROFILING.md.

"""

from __future__ import annotations

import altair as alt
import pandas as pd

MARK = "\ue000"  # a private-use character: in no course text, so a placeholder cannot clash


def hole(name: str) -> str:
    """A placeholder for one string."""
    return f"{MARK}{name}{MARK}"


def holes(name: str) -> list[str]:
    """A placeholder for a list: the list's items replace it."""
    return [f"{MARK}*{name}{MARK}"]


_NUMBERS: dict[str, float] = {}


def number(name: str) -> float:
    """A placeholder for a number, where Altair accepts only a number (a height, an axis end): a tiny
    number no chart uses."""
    return _NUMBERS.setdefault(name, (len(_NUMBERS) + 1) * 1e-300)


def fill(node, values: dict):
    """A copy of a JSON spec with each placeholder replaced by its value. Dict keys are replaced too
    (dataset names are keys under `datasets`); with no values, a plain copy."""
    if isinstance(node, dict):
        return {values.get(k, k): fill(v, values) for k, v in node.items()}
    if isinstance(node, list):
        if node and isinstance(node[0], str) and node[0].startswith(MARK + "*") and node[0] in values:
            return list(values[node[0]])
        return [fill(v, values) for v in node]
    return values.get(node, node)  # a string, a number (placeholders are both), True, False or None


def _inline(frame: pd.DataFrame) -> tuple[str, list]:
    """How Altair stores `frame` in a spec: the dataset's name and rows."""
    (name, rows), = alt.Chart(frame).to_dict(validate=False)["datasets"].items()
    return name, rows


def templates_apply() -> bool:
    """Templates store data the way Altair does by default: rows in the spec's `datasets`."""
    return alt.data_transformers.active == "default" and bool(alt.data_transformers.consolidate_datasets)


class Template:
    def __init__(self, kind: type, spec: dict, data: str):
        self.kind, self.spec, self.data = kind, spec, data

    @classmethod
    def build(cls, make) -> "Template":
        """`make(frame)` builds the chart with placeholders for `frame`'s rows; validated here, once."""
        frame = pd.DataFrame({MARK: [hole("rows")]})
        chart = make(frame)
        return cls(type(chart), chart.to_dict(), _inline(frame)[0])

    def chart(self, frame: pd.DataFrame, **values) -> alt.TopLevelMixin:
        """The chart for `frame` with each placeholder named in `values` filled in."""
        name, rows = _inline(frame)
        filled = {self.data: name}
        for key, value in values.items():
            if isinstance(value, list):
                filled[holes(key)[0]] = value
            else:
                filled[hole(key)] = value
                if key in _NUMBERS:
                    filled[_NUMBERS[key]] = value
        spec = fill(self.spec, filled)
        spec["datasets"][name] = rows
        return _ready_chart(self.kind, spec)


class _Ready:
    """Mixed into an Altair chart class: a chart holding a finished spec (a filled template). The spec
    carries the theme and the datasets, so the chart draws, saves and changes like any other, but
    cannot go inside another chart (alt.vconcat, +): an explorer's chart is only drawn."""

    def __init__(self, *args, **kwds):
        # Set the spec as it is, as Altair does for its own copies of a chart.
        alt.SchemaBase.__init__(self, *args, **kwds)

    def to_dict(self, validate=True, *, format="vega-lite", ignore=None, context=None):
        ready = self.__dict__.get("_ready")
        if (ready is not None and format == "vega-lite" and not ignore and (context or {}).get("top_level", True)
                and len(ready) == len(self._kwds) and all(self._kwds.get(k) is v for k, v in ready.items())):
            return fill(self._kwds, {})
        # Changed since (or asked for another form): Altair serialises (and validates) it as usual.
        return super().to_dict(validate, format=format, ignore=ignore, context=context)


_READY_CLASSES: dict[type, type] = {}


def _ready_chart(kind: type, spec: dict) -> alt.TopLevelMixin:
    """An instance of Altair chart class `kind` (same name, so it prints the same) holding `spec`."""
    if kind not in _READY_CLASSES:
        _READY_CLASSES[kind] = type(kind.__name__, (_Ready, kind), {})
    chart = _READY_CLASSES[kind](**spec)
    object.__setattr__(chart, "_ready", dict(chart._kwds))
    return chart
