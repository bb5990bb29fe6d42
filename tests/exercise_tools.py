"""Assertions the answer-key tests (tests/test_exercise_*.py) share."""

from __future__ import annotations

from alliance.checks import Outcome


def mistake_messages(ex, qid) -> set[str]:
    return {m.message for m in ex.question(qid).mistakes}


def assert_correct(ex, qid, value):
    feedback = ex.feedback(qid, value)
    assert feedback.outcome is Outcome.CORRECT, (qid, feedback.message)
    return feedback


def assert_incorrect(ex, qid, value, phrase: str, ignore_case: bool = False):
    """Incorrect, with `phrase` in the message (the mistake it names)."""
    feedback = ex.feedback(qid, value)
    assert feedback.outcome is Outcome.INCORRECT, (qid, value, feedback)
    message = feedback.message.lower() if ignore_case else feedback.message
    assert (phrase.lower() if ignore_case else phrase) in message, (qid, value, feedback.message)
    return feedback


def assert_mistakes(ex, qid, cases) -> None:
    """Each (value, phrase) is Incorrect with the message of one of the question's mistakes, naming
    `phrase`; together the cases reach every mistake of the question."""
    hit = set()
    for value, phrase in cases:
        feedback = assert_incorrect(ex, qid, value, phrase)
        assert feedback.message in mistake_messages(ex, qid), (qid, value, feedback.message)
        hit.add(feedback.message)
    assert hit == mistake_messages(ex, qid), f"{qid}: mistakes never exercised: {mistake_messages(ex, qid) - hit}"


def assert_mistake_values(ex, qid, values) -> None:
    """Like `assert_mistakes`, for values alone (any mistake message will do for each)."""
    hit = set()
    for value in values:
        feedback = ex.feedback(qid, value)
        assert feedback.outcome is Outcome.INCORRECT, (qid, value, feedback)
        assert feedback.message in mistake_messages(ex, qid), (qid, value, feedback.message)
        hit.add(feedback.message)
    assert hit == mistake_messages(ex, qid), f"{qid}: mistakes never exercised: {mistake_messages(ex, qid) - hit}"


class MistakeLog:
    """Records which mistake messages a test module produced, to check at the end that all were."""

    def __init__(self):
        self.hit: dict[str, set[str]] = {}

    def assert_mistake(self, ex, qid, value, words):
        feedback = assert_incorrect(ex, qid, value, words, ignore_case=True)
        self.hit.setdefault(qid, set()).add(feedback.message)
        return feedback

    def assert_every_mistake_hit(self, ex, qid):
        """Every Mistake of the question was produced by some wrong answer computed in the tests."""
        missing = mistake_messages(ex, qid) - self.hit.get(qid, set())
        assert not missing, f"{qid}: mistakes never exercised: {missing}"


def assert_hints(ex, qid, count: int = 3) -> None:
    """`count` different hints, shown in order, each labelled with its level."""
    question = ex.question(qid)
    shown = [question.hint() for _ in range(count)]
    assert shown == [f"{qid}, hint {i + 1} of {count}: {text}" for i, text in enumerate(question.hints)]
    assert len(question.hints) == count and len(set(question.hints)) == count
