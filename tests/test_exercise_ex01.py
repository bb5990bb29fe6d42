"""Exercise 01 · The old alliance: the answer key against the real course data.

Every expected value is computed here from the data, independently of the key, so a
change in the data or a slip in a hash shows up as a failing test.
"""

from __future__ import annotations

import altair as alt
import pandas as pd
import pytest

import alliance
from alliance import exercise
from alliance.checks import BLANK, Outcome

from exercise_tools import assert_hints, assert_incorrect

LESSON_END = pd.Timestamp("2021-09-01")
HIDDEN_EVENTS = ["1893-11-12-durand-agreement", "1949-07-26-loya-jirga-rejects-durand",
                 "1997-05-26-pakistan-recognises-taliban", "2020-02-29-us-taliban-doha-agreement",
                 "1961-09-06-relations-broken-1961"]


@pytest.fixture
def ex():
    return exercise("ex01")


@pytest.fixture(scope="module")
def events():
    return alliance.load("events")


@pytest.fixture(scope="module")
def caution():
    sources = alliance.load("sources")
    return {sid: bool(c) for sid, c in zip(sources["source_id"], sources["caution"])}






def test_assignment_shape(ex):
    assert ex.ids == ["q1", "q2", "q2.hidden", "q3", "q4", "q5", "q6", "q7"]
    open_q = ex.question("q7")
    assert sum(points for _, points in open_q.rubric) == open_q.points == 4


@pytest.mark.parametrize("qid", ["q1", "q2", "q2.hidden", "q3", "q4", "q5", "q6"])
def test_blank_is_not_attempted_and_three_hints(ex, qid):
    assert ex.feedback(qid, BLANK).outcome is Outcome.NOT_ATTEMPTED
    assert_hints(ex, qid)


# --- q1: events of 2001 to August 2021 with Pakistan (PAK) among the actors ------------------

def _era(events, first="2001-01-01", last="2021-08-31"):
    return events[(events["date"] >= first) & (events["date"] <= last)]


def _with_pak(frame):
    return frame[[("PAK" in str(a).split(";")) for a in frame["actors"]]]


def test_q1(ex, events):
    era = _era(events)
    right = len(_with_pak(era))
    assert ex.feedback("q1", right).correct
    assert ex.feedback("q1", float(right)).correct
    substring = int(era["actors"].str.contains("PAK").sum())
    without_2021 = len(_with_pak(_era(events, last="2020-12-31")))
    whole_era = len(era)
    all_eras = len(_with_pak(events[events["date"] < LESSON_END]))
    assert len({right, substring, without_2021, whole_era, all_eras}) == 5
    assert_incorrect(ex, "q1", substring, "PAK_MIL")
    assert_incorrect(ex, "q1", without_2021, "events of 2021")
    assert_incorrect(ex, "q1", whole_era, "every event in the era")
    assert_incorrect(ex, "q1", all_eras, "all three eras")
    assert ex.feedback("q1", era).outcome is Outcome.INCORRECT  # a table, not a number


# --- q2: percent_weaker(event_id), visible and hidden -------------------------------------

def _parts(events, caution, event_id):
    ids = events.set_index("event_id").loc[event_id, "source_ids"].split(";")
    return sum(caution[i] for i in ids), len(ids)


def test_q2_visible(ex, events, caution):
    weak, total = _parts(events, caution, "1947-09-30-afghan-vote-un-admission")
    assert ex.feedback("q2", 100 * weak / total).correct
    assert_incorrect(ex, "q2", weak / total, "fraction")
    assert_incorrect(ex, "q2", weak, "number of weaker copies")
    assert_incorrect(ex, "q2", 100 * (total - weak) / total, "stronger sources")
    assert_incorrect(ex, "q2", total, "how many sources")
    assert_incorrect(ex, "q2", None, "returned None")


def test_q2_hidden(ex, events, caution):
    parts = [_parts(events, caution, e) for e in HIDDEN_EVENTS]
    right = [100 * w / t for w, t in parts]
    assert 0 in right and 100 in right  # the hidden events cover both extremes
    assert ex.feedback("q2.hidden", right).correct
    assert ex.feedback("q2.hidden", tuple(right)).correct
    assert_incorrect(ex, "q2.hidden", [w / t for w, t in parts], "fractions")
    assert_incorrect(ex, "q2.hidden", [100 * (t - w) / t for w, t in parts], "stronger")
    assert_incorrect(ex, "q2.hidden", [w for w, _ in parts], "counts")
    assert_incorrect(ex, "q2.hidden", right[:-1], "other events")
    assert_incorrect(ex, "q2.hidden", 50.0, "other events")


def test_q2_solution_function_from_notebook(ex, events, caution):
    """A function written as the prompt asks passes both the visible and the hidden check."""
    by_event = events.set_index("event_id")["source_ids"]

    def percent_weaker(event_id):
        ids = by_event[event_id].split(";")
        return 100 * sum(caution[i] for i in ids) / len(ids)

    assert ex.feedback("q2", percent_weaker("1947-09-30-afghan-vote-un-admission")).correct
    assert ex.feedback("q2.hidden", [percent_weaker(e) for e in HIDDEN_EVENTS]).correct


# --- q3: chart reading (decade with most events resting only on weaker copies) ------------

def test_q3(ex):
    from alliance.lessons import l01_the_old_alliance as lesson

    timeline = lesson.events_frame()
    decade = timeline["date"].dt.year // 10 * 10
    weak = timeline[timeline["weak"]].groupby(decade[timeline["weak"]]).size()
    assert (weak == weak.max()).sum() == 1  # one clear answer
    right = int(weak.idxmax())
    busiest = int(timeline.groupby(decade).size().idxmax())
    assert busiest != right
    assert ex.feedback("q3", right).correct
    assert_incorrect(ex, "q3", busiest, "most events in total")
    assert_incorrect(ex, "q3", f"{right}s", "as a number")
    assert_incorrect(ex, "q3", int(weak.max()), "number of events")


# --- q4: whose figure is it? --------------------------------------------------------------

def test_q4(ex, events):
    rows = events.set_index("event_id").loc[
        ["1994-10-12-taliban-seize-spin-boldak", "2004-06-09-shakai-operation", "2014-12-16-aps-peshawar-attack"]]
    claimants = dict(zip("abc", rows["fatalities_claimant"]))
    party = [letter for letter, who in claimants.items() if "military spokesman" in who]
    assert party == ["b"]
    assert list(rows["reported_fatalities"]) == [8, 50, 141]  # the figures the prompt quotes
    assert ex.feedback("q4", party[0]).correct
    assert ex.feedback("q4", " B ").correct
    assert_incorrect(ex, "q4", "a", "Ahmed Rashid")
    assert_incorrect(ex, "q4", "c", "Pajhwok")


# --- q5: distinct sources per perspective -------------------------------------------------

def _source_perspectives(frame, distinct=True):
    sources = alliance.load("sources").set_index("source_id")
    ids = [sid for value in frame["source_ids"] for sid in str(value).split(";")]
    if distinct:
        ids = sorted(set(ids))
    return sources.loc[ids, "perspective"].astype(str).value_counts()


def test_q5(ex, events):
    lesson_events = events[events["date"] < LESSON_END]
    right = _source_perspectives(lesson_events)
    assert ex.feedback("q5", right).correct
    assert ex.feedback("q5", right.sort_index()).correct  # any order
    # as the solution builds it: categorical index, with a zero row for 'unknown'
    assert ex.feedback("q5", alliance.sources_for(lesson_events)["perspective"].value_counts()).correct
    assert_incorrect(ex, "q5", _source_perspectives(lesson_events, distinct=False), "citations")
    assert_incorrect(ex, "q5", alliance.load("sources")["perspective"].value_counts(), "every source in sources.csv")
    assert_incorrect(ex, "q5", _source_perspectives(events), "whole timeline")
    assert_incorrect(ex, "q5", right / right.sum(), "shares")
    assert_incorrect(ex, "q5", right.to_frame(), "Expected a Series")
    assert_incorrect(ex, "q5", int(right.sum()), "Expected a Series")
    changed = right.copy()
    changed.iloc[0] += 1
    assert ex.feedback("q5", changed).outcome is Outcome.INCORRECT


# --- q6: bar chart of the q5 counts -------------------------------------------------------

@pytest.fixture(scope="module")
def table():
    lesson_events = alliance.load("events").pipe(lambda e: e[e["date"] < LESSON_END])
    return _source_perspectives(lesson_events).rename("sources").rename_axis("perspective").reset_index()


def test_q6_good_chart(ex, table):
    good = alt.Chart(table, title="Sources by perspective").mark_bar().encode(x="perspective:N", y="sources:Q")
    assert ex.feedback("q6", good).correct
    assert ex.feedback("q6", good.to_dict()).correct  # as the grader receives it (the spec)


@pytest.mark.parametrize("make, fragment", [
    (lambda t: alt.Chart(t, title="T").mark_line().encode(x="perspective:N", y="sources:Q"), "mark"),
    (lambda t: alt.Chart(t, title="T").mark_bar().encode(x="sources:Q", y="perspective:N"), "x shows"),
    (lambda t: alt.Chart(t, title="T").mark_bar().encode(x="perspective:N"), "Nothing is mapped to y"),
    (lambda t: alt.Chart(t, title="T").mark_bar().encode(x="perspective:N", y="sources:N"), "a number"),
    (lambda t: alt.Chart(t.head(2), title="T").mark_bar().encode(x="perspective:N", y="sources:Q"), "q5 counts"),
    (lambda t: alt.Chart(t.assign(sources=t["sources"] * 2), title="T").mark_bar().encode(
        x="perspective:N", y="sources:Q"), "q5 counts"),
    (lambda t: alt.Chart(t).mark_bar().encode(x="perspective:N", y="sources:Q"), "no title"),
])
def test_q6_broken_charts(ex, table, make, fragment):
    assert_incorrect(ex, "q6", make(table), fragment)


def test_q6_not_a_chart(ex, table):
    assert_incorrect(ex, "q6", table, "Expected an Altair chart")


# --- q7: open question --------------------------------------------------------------------

def test_q7_is_graded_by_a_person(ex):
    assert ex.feedback("q7", BLANK).outcome is Outcome.NOT_ATTEMPTED
    assert ex.feedback("q7", "word " * 60).outcome is Outcome.UNCHECKABLE
    assert "graded by a person" in ex._hint("q7").text


def test_key_holds_no_plain_answers():
    """The key file stores hashes: the correct scalar answers never appear in it as literals."""
    import re
    from pathlib import Path

    import alliance.answer_keys.ex01 as key

    text = re.sub(r"[0-9a-f]{64}", "<hash>", Path(key.__file__).read_text(encoding="utf-8"))
    for literal in ("1960", "66.67", "= 52", "\"b\""):
        assert literal not in text
