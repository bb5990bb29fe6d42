"""Answer checks for exercises: explicit outcomes, feedback that names the likely mistake.

A `Question` knows its answer only as a salted hash, or as a function that derives it
from the course data at check time, so a student notebook never holds answers in plain
text. Known mistakes (percent instead of absolute change, fiscal instead of calendar
year, a claim counted as an independent figure…) are hashed too, each with the message
that teaches what went wrong. Every check returns a `Feedback`; none raises, whatever
the learner passes in.
"""

from __future__ import annotations

import enum
import hashlib
import math
from dataclasses import dataclass, field
from typing import Any, Callable


class Outcome(enum.Enum):
    CORRECT = "correct"
    INCORRECT = "incorrect"
    NOT_ATTEMPTED = "not attempted"
    UNCHECKABLE = "uncheckable"


@dataclass(frozen=True, repr=False)
class Feedback:
    outcome: Outcome
    message: str
    question: str = ""

    @property
    def correct(self) -> bool:
        return self.outcome is Outcome.CORRECT

    def __str__(self) -> str:
        label = {Outcome.CORRECT: "Correct", Outcome.INCORRECT: "Not yet",
                 Outcome.NOT_ATTEMPTED: "Not attempted", Outcome.UNCHECKABLE: "Cannot check"}[self.outcome]
        where = f"{self.question}: " if self.question else ""
        return f"{where}{label}. {self.message}".strip()

    __repr__ = __str__

    def _repr_html_(self) -> str:
        import html

        colour = {Outcome.CORRECT: "#009E73", Outcome.INCORRECT: "#D55E00",
                  Outcome.NOT_ATTEMPTED: "#555555", Outcome.UNCHECKABLE: "#E69F00"}[self.outcome]
        return (f"<div role='status' style='border-left:4px solid {colour};padding:0.3em 0.8em'>"
                f"{html.escape(str(self))}</div>")


class _Blank:
    """The placeholder in an untouched exercise cell: `answer = ____`."""

    def __repr__(self) -> str:
        return "____"


BLANK = _Blank()


def canonical(value: Any, decimals: int = 2) -> str | None:
    """A stable text form of a scalar answer for hashing, or None if it is not a scalar.

    Numbers compare after rounding to `decimals`; text ignores case and surrounding space;
    booleans stay booleans (True is not 1 here).
    """
    if isinstance(value, bool):
        return f"bool:{value}"
    if isinstance(value, int):
        return f"num:{round(float(value), decimals):.{decimals}f}"
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        return f"num:{round(value, decimals):.{decimals}f}"
    if isinstance(value, str):
        return f"str:{' '.join(value.split()).casefold()}"
    try:  # numpy and pandas scalars
        import numpy as np

        if isinstance(value, np.bool_):
            return canonical(bool(value), decimals)
        if isinstance(value, (np.integer, np.floating)):
            return canonical(float(value), decimals)
    except ImportError:  # pragma: no cover - numpy ships with pandas
        pass
    return None


def digest(value: Any, salt: str, decimals: int = 2) -> str | None:
    text = canonical(value, decimals)
    if text is None:
        return None
    return hashlib.sha256(f"{salt}|{text}".encode()).hexdigest()


@dataclass
class Mistake:
    """A known wrong answer (by hash) or a wrong kind of answer (by test), and what it teaches."""

    message: str
    answer_hash: str | None = None
    test: Callable[[Any], bool] | None = None


@dataclass
class Question:
    """One checkable question.

    Give the answer as `answer_hash` (see `digest`) for scalar answers, or as `derive`, a
    function of no arguments computing the expected value from the course data, with
    `compare(value, expected) -> bool`.
    """

    id: str
    answer_hash: str | None = None
    derive: Callable[[], Any] | None = None
    compare: Callable[[Any, Any], bool] | None = None
    salt: str = ""
    decimals: int = 2
    mistakes: list[Mistake] = field(default_factory=list)
    hints: list[str] = field(default_factory=list)
    correct_message: str = "Well done."
    wrong_message: str = "That is not the expected answer. Ask for a hint if you are stuck."
    _hints_shown: int = 0

    def check(self, value: Any = BLANK) -> Feedback:
        try:
            return self._check(value)
        except Exception as exc:  # a check must answer, never crash the learner's notebook
            return Feedback(Outcome.UNCHECKABLE,
                            f"The check could not read this answer ({type(exc).__name__}). "
                            "Make sure it is the kind of value the question asks for.", self.id)

    def _check(self, value: Any) -> Feedback:
        if value is BLANK or value is Ellipsis:
            return Feedback(Outcome.NOT_ATTEMPTED, "Replace ____ with your answer, then run the cell again.", self.id)
        problem = None
        if self.derive is not None:
            expected = self.derive()
            if self.compare is not None:
                if self.compare(value, expected):
                    return Feedback(Outcome.CORRECT, self.correct_message, self.id)
            else:
                problem = difference(value, expected)
                if problem is None:
                    return Feedback(Outcome.CORRECT, self.correct_message, self.id)
        elif self.answer_hash is not None:
            if digest(value, self.salt, self.decimals) == self.answer_hash:
                return Feedback(Outcome.CORRECT, self.correct_message, self.id)
        for mistake in self.mistakes:
            if mistake.answer_hash and digest(value, self.salt, self.decimals) == mistake.answer_hash:
                return Feedback(Outcome.INCORRECT, mistake.message, self.id)
            if mistake.test is not None and _safe(mistake.test, value):
                return Feedback(Outcome.INCORRECT, mistake.message, self.id)
        if self.answer_hash is not None and canonical(value, self.decimals) is None:
            return Feedback(Outcome.INCORRECT, f"Expected a single number or word, got {_kind(value)}.", self.id)
        if problem and problem != "That is not the expected answer.":
            return Feedback(Outcome.INCORRECT, f"{problem} Run ex.hint('{self.id}') if you are stuck.", self.id)
        return Feedback(Outcome.INCORRECT, self.wrong_message, self.id)

    def hint(self) -> str:
        """The next hint (up to three levels); repeats the last one after that."""
        if not self.hints:
            return f"{self.id}: no hint for this question."
        level = min(self._hints_shown, len(self.hints) - 1)
        self._hints_shown = min(self._hints_shown + 1, len(self.hints))
        return f"{self.id}, hint {level + 1} of {len(self.hints)}: {self.hints[level]}"


def _safe(test: Callable[[Any], bool], value: Any) -> bool:
    try:
        return bool(test(value))
    except Exception:
        return False


def _kind(value: Any) -> str:
    name = type(value).__name__
    return {"DataFrame": "a table (DataFrame)", "Series": "a column (Series)", "list": "a list",
            "dict": "a dictionary", "NoneType": "None", "tuple": "a tuple"}.get(name, f"a {name}")


def _equal(value: Any, expected: Any) -> bool:
    """Default comparison for derived answers: scalars with tolerance, frames by content."""
    return difference(value, expected) is None


def _numeric_as_float(obj):
    """Numeric columns as Float64, so NaN, None and <NA> all read as missing and 3 equals 3.0."""
    import pandas as pd

    def convert(column):
        if pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column):
            return column.astype("Float64")
        return column

    if isinstance(obj, pd.DataFrame):
        return obj.apply(convert) if len(obj.columns) else obj
    return convert(obj)


def _sorted(obj):
    import pandas as pd

    if isinstance(obj.index, pd.RangeIndex):
        return obj
    try:
        return obj.sort_index()
    except TypeError:
        return obj


def difference(value: Any, expected: Any) -> str | None:
    """None when `value` matches `expected`, else a sentence naming the first difference.

    Series and frames indexed by something meaningful (years, publishers) match in any
    row order; numbers match to 2 decimals; dtypes do not matter (Int64 and int64 agree).
    """
    import pandas as pd

    if isinstance(expected, (pd.DataFrame, pd.Series)):
        wanted = "a table (DataFrame)" if isinstance(expected, pd.DataFrame) else "a column of values (Series)"
        if not isinstance(value, type(expected)):
            return f"Expected {wanted}, got {_kind(value)}."
        if len(value) != len(expected):
            return f"Expected {len(expected)} rows, got {len(value)}. Check which rows your filter keeps."
        if isinstance(expected, pd.DataFrame) and list(value.columns) != list(expected.columns):
            if sorted(map(str, value.columns)) == sorted(map(str, expected.columns)):
                return "The columns are right but in another order: " + ", ".join(map(str, expected.columns)) + "."
            return ("Expected the columns " + ", ".join(map(str, expected.columns)) + "; got "
                    + ", ".join(map(str, value.columns)) + ".")
        left, right = _sorted(_numeric_as_float(value)), _sorted(_numeric_as_float(expected))
        if not isinstance(right.index, pd.RangeIndex) and list(left.index) != list(right.index):
            return (f"The index (row labels) differs: expected {list(right.index)[:6]}…, "
                    f"got {list(left.index)[:6]}…" if len(right) > 6 else
                    f"The index (row labels) differs: expected {list(right.index)}, got {list(left.index)}.")
        try:
            if isinstance(expected, pd.DataFrame):
                pd.testing.assert_frame_equal(left, right, check_dtype=False, check_index_type=False,
                                              check_column_type=False, check_names=False, check_exact=False,
                                              atol=0.005, check_categorical=False)
            else:
                pd.testing.assert_series_equal(left, right, check_dtype=False, check_index_type=False,
                                               check_names=False, check_exact=False, atol=0.005,
                                               check_categorical=False)
            return None
        except AssertionError:
            return "The shape and labels are right, but some values differ. Check which column you used and how you computed it."
        except Exception:  # pandas raises TypeError for some mixed types
            return "The values could not be compared with the expected ones; check their types."
    left, right = canonical(value), canonical(expected)
    if left is not None and left == right:
        return None
    return "That is not the expected answer."


# --- charts -----------------------------------------------------------------------------

def chart_spec(value: Any) -> dict | None:
    """The Vega-Lite spec of an Altair chart (or of a spec dict), or None if `value` is neither."""
    if isinstance(value, dict):
        return value
    to_dict = getattr(value, "to_dict", None)
    if to_dict is None or not type(value).__module__.startswith("altair"):
        return None
    return to_dict(validate=False)


def chart_views(spec: dict) -> list[dict]:
    """The single views of a spec: itself, or the members of a layer/concat, depth first."""
    views = []
    if isinstance(spec.get("spec"), dict):  # .facet(...) and repeat wrap one view in "spec"
        views.extend(chart_views(spec["spec"]))
    for key in ("layer", "hconcat", "vconcat", "concat"):
        for member in spec.get(key, []) or []:
            views.extend(chart_views(member))
    if "mark" in spec:
        views.append(spec)
    return views


def chart_rows(spec: dict, view: dict | None = None) -> list[dict]:
    """The data rows a view draws from (before any Vega-Lite transform)."""
    data = (view or {}).get("data") or spec.get("data") or {}
    if "values" in data:
        return list(data["values"])
    return list((spec.get("datasets") or {}).get(data.get("name", ""), []))


def mark_type(view: dict) -> str:
    mark = view.get("mark")
    return mark.get("type", "") if isinstance(mark, dict) else str(mark or "")


_TYPE_WORDS = {"quantitative": "a number (:Q)", "ordinal": "ordered categories (:O)",
               "nominal": "categories (:N)", "temporal": "dates (:T)"}


def needs_mark(*marks: str) -> Callable[[dict], str | None]:
    def requirement(spec: dict) -> str | None:
        found = {mark_type(v) for v in chart_views(spec)}
        if found & set(marks):
            return None
        return f"The chart uses mark {sorted(found) or 'none'}; this question asks for {' or '.join(marks)}."
    return requirement


def needs_encoding(channel: str, field: str | None = None, types: tuple[str, ...] = (),
                   aggregate: str | None = None) -> Callable[[dict], str | None]:
    """The chart maps `field` (any field if None) to `channel`, as one of `types`."""
    def requirement(spec: dict) -> str | None:
        encodings = [v.get("encoding", {}).get(channel) for v in chart_views(spec)]
        encodings = [e for e in encodings if isinstance(e, dict)]
        if not encodings:
            return f"Nothing is mapped to {channel}. Add {channel}=... to .encode()."
        for enc in encodings:
            if field is not None and enc.get("field") != field:
                continue
            if types and enc.get("type") not in types:
                wanted = " or ".join(_TYPE_WORDS.get(t, t) for t in types)
                return (f"{channel} shows {enc.get('field')!r} as {_TYPE_WORDS.get(enc.get('type'), enc.get('type'))}; "
                        f"here it should be {wanted}.")
            if aggregate is not None and enc.get("aggregate") != aggregate:
                return f"{channel} should use the {aggregate} of {field!r}."
            return None
        shown = ", ".join(repr(e.get("field") or e.get("aggregate")) for e in encodings)
        return f"{channel} shows {shown}; this question asks for {field!r} there."
    return requirement


def needs_title() -> Callable[[dict], str | None]:
    def requirement(spec: dict) -> str | None:
        titles = [spec.get("title")] + [v.get("title") for v in chart_views(spec)]
        if any(t for t in titles):
            return None
        return "The chart has no title. Charts in this course say what they show: add title=... to alt.Chart()."
    return requirement


def needs_rows(test: Callable[[list[dict]], bool], message: str) -> Callable[[dict], str | None]:
    """A test on the data rows the chart draws (for filtering done in pandas before charting)."""
    def requirement(spec: dict) -> str | None:
        views = chart_views(spec) or [spec]
        if any(_safe(test, chart_rows(spec, v)) for v in views):
            return None
        return message
    return requirement


@dataclass
class ChartQuestion(Question):
    """A question answered with an Altair chart, checked through its Vega-Lite spec.

    `requirements` are functions of the spec returning a message naming the problem, or
    None when the chart meets them; feedback gives the first problem found.
    """

    requirements: list[Callable[[dict], str | None]] = field(default_factory=list)
    correct_message: str = "The chart meets every requirement of the visible check."

    def _check(self, value: Any) -> Feedback:
        if value is BLANK or value is Ellipsis:
            return Feedback(Outcome.NOT_ATTEMPTED, "Replace ____ with your chart, then run the cell again.", self.id)
        spec = chart_spec(value)
        if spec is None:
            return Feedback(Outcome.INCORRECT,
                            f"Expected an Altair chart (alt.Chart(...)), got {_kind(value)}.", self.id)
        for requirement in self.requirements:
            try:
                problem = requirement(spec)
            except Exception:
                problem = "The chart's specification could not be read; build it with alt.Chart(...).mark_...().encode(...)."
            if problem:
                return Feedback(Outcome.INCORRECT, problem, self.id)
        return Feedback(Outcome.CORRECT, self.correct_message, self.id)


@dataclass
class OpenQuestion:
    """A written answer, graded by a person with `rubric` (criteria and points)."""

    id: str
    points: int
    prompt: str
    rubric: list[tuple[str, int]] = field(default_factory=list)
    min_words: int = 40

    def check(self, text: Any = BLANK) -> Feedback:
        if not isinstance(text, str) or not text.strip() or "YOUR ANSWER HERE" in text:
            return Feedback(Outcome.NOT_ATTEMPTED, "Write your answer in the cell above.", self.id)
        words = len(text.split())
        if words < self.min_words:
            return Feedback(Outcome.UNCHECKABLE,
                            f"{words} words so far; aim for at least {self.min_words}. A person grades this answer.",
                            self.id)
        return Feedback(Outcome.UNCHECKABLE, f"{words} words. A person grades this answer with the rubric.", self.id)
