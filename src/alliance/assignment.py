"""What an exercise notebook talks to: `ex = alliance.assignment("ex01")`.

`ex.check("q1", q1_answer)` shows feedback and never raises; `ex.hint("q1")` shows the
next of up to three hints; `ex.require(...)` is used by hidden tests and raises when the
answer is not right (that is how nbgrader scores a test cell). The questions themselves
(hashed answers, known mistakes, hints) live in `alliance.answer_keys.<name>`.

While `alliance grade` runs a submission, the environment variable
ALLIANCE_GRADING_ANSWERS names a file; every check and require then also appends the
value it was given there, as JSON (see `answers`). The grader checks those values with
its own copy of the questions, so changing the checks inside a submission changes
nothing but the learner's own screen.
"""

from __future__ import annotations

import importlib
import json
import os
import re
from dataclasses import dataclass, field
from typing import Any

from .checks import BLANK, Feedback, OpenQuestion, Outcome, Question

GRADING_ENV = "ALLIANCE_GRADING_ANSWERS"
MAX_EXPORT_BYTES = 5_000_000
NAME = re.compile(r"^[a-z][a-z0-9_]{1,40}$")
HIDDEN_NOTE = " (This is the visible check; graded submissions also run hidden tests.)"


class AssignmentError(LookupError):
    pass


@dataclass
class Hint:
    text: str

    def __repr__(self) -> str:
        return self.text

    def _repr_markdown_(self) -> str:
        return f"**Hint** · {self.text}"


@dataclass
class Assignment:
    name: str
    title: str
    questions: list[Question | OpenQuestion] = field(default_factory=list)

    def __post_init__(self):
        self._by_id = {q.id: q for q in self.questions}
        if len(self._by_id) != len(self.questions):
            raise ValueError(f"{self.name}: two questions share an id")

    @property
    def ids(self) -> list[str]:
        return list(self._by_id)

    def question(self, qid: str) -> Question | OpenQuestion:
        try:
            return self._by_id[qid]
        except KeyError:
            raise AssignmentError(f"{self.name} has no question {qid!r}; it has {', '.join(self.ids)}.") from None

    def feedback(self, qid: str, value: Any = BLANK) -> Feedback:
        """The check's verdict, without showing or exporting anything (the grader uses this)."""
        if qid not in self._by_id:
            return Feedback(Outcome.UNCHECKABLE, f"There is no question {qid!r} in {self.name}.", qid)
        return self._by_id[qid].check(value)

    def check(self, qid: str, value: Any = BLANK) -> None:
        """Show the feedback for `value` (shown, not returned, so a hidden test may follow)."""
        _export(qid, value)
        result = self.feedback(qid, value)
        if result.outcome is Outcome.CORRECT and "." not in qid:
            result = Feedback(result.outcome, result.message + HIDDEN_NOTE, result.question)
        _show(result)

    def require(self, qid: str, value: Any = BLANK) -> None:
        """Raise AssertionError unless `value` is right (how nbgrader scores a test cell).

        Under `alliance grade` it only records the value: the grader decides, and every
        require in a cell gets recorded even when an earlier one is wrong.
        """
        if _export(qid, value):
            return
        result = self.feedback(qid, value)
        if not result.correct:
            raise AssertionError(str(result))

    def hint(self, qid: str) -> None:
        """Show the next hint for `qid` (up to three levels)."""
        _show(self._hint(qid))

    def _hint(self, qid: str) -> Hint:
        if qid not in self._by_id:
            return Hint(f"There is no question {qid!r} here; the questions are {', '.join(self.ids)}.")
        question = self._by_id[qid]
        if isinstance(question, OpenQuestion):
            return Hint(f"{qid} is graded by a person; the rubric rewards evidence, sources named and balance.")
        return Hint(question.hint())


def _show(item: Any) -> None:
    try:
        from IPython import get_ipython
        from IPython.display import display

        if get_ipython() is not None:
            display(item)
            return
    except ImportError:  # pragma: no cover - IPython ships with JupyterLab
        pass
    print(item)


def _export(qid: str, value: Any) -> bool:
    """Record the value for the grader; False when not grading."""
    target = os.environ.get(GRADING_ENV)
    if not target:
        return False
    from . import answers

    line = json.dumps({"question": qid, "answer": answers.encode(value)}, allow_nan=False, default=str)
    if len(line) > MAX_EXPORT_BYTES:
        line = json.dumps({"question": qid, "answer": {"type": "unsupported", "kind": type(value).__name__,
                                                       "reason": "too large"}})
    with open(target, "a", encoding="utf-8") as handle:
        handle.write(line + "\n")
    return True


def load(name: str) -> Assignment:
    """The assignment `name` (e.g. "ex01"), freshly imported."""
    if not isinstance(name, str) or not NAME.match(name):
        raise AssignmentError(f"{name!r} is not an assignment name (like 'ex01').")
    try:
        module = importlib.import_module(f"alliance.answer_keys.{name}")
    except ModuleNotFoundError:
        raise AssignmentError(f"There is no assignment {name!r}; known: {', '.join(known())}.") from None
    return module.build()


def known() -> list[str]:
    from importlib import resources

    folder = resources.files("alliance.answer_keys")
    return sorted(p.name[:-3] for p in folder.iterdir() if p.name.endswith(".py") and not p.name.startswith("_"))
