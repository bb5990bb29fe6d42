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


@dataclass(frozen=True)
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
        if self.derive is not None:
            expected = self.derive()
            if (self.compare or _equal)(value, expected):
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
    """Default comparison for derived answers: scalars with tolerance, frames exactly."""
    import pandas as pd

    if isinstance(expected, (pd.DataFrame, pd.Series)):
        if type(value) is not type(expected):
            return False
        try:
            if isinstance(expected, pd.DataFrame):
                pd.testing.assert_frame_equal(value, expected, check_dtype=False)
            else:
                pd.testing.assert_series_equal(value, expected, check_dtype=False, check_names=False)
            return True
        except Exception:  # any mismatch, including ones pandas reports as TypeError
            return False
    left, right = canonical(value), canonical(expected)
    return left is not None and left == right
