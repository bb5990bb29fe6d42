"""Capstone (the TTP or the border?): the answer key against the real data, question by question."""

from __future__ import annotations

import json
from pathlib import Path

import altair as alt
import nbformat
import pandas as pd
import pytest

import alliance
from alliance import answers, exercise, exercise_cells
from alliance.checks import BLANK, ChartQuestion, OpenQuestion, Outcome

from exercise_tools import MistakeLog, assert_correct

REPO = Path(__file__).resolve().parents[1]
INDEPENDENT = "UN/independent"


@pytest.fixture
def ex():
    return exercise("capstone")


@pytest.fixture(scope="module")
def claims():
    return alliance.load("claims")




MISTAKES = MistakeLog()
assert_mistake, assert_every_mistake_hit = MISTAKES.assert_mistake, MISTAKES.assert_every_mistake_hit






def regraded(value):
    """The value as the grader sees it: exported to JSON by the submission, read back."""
    return answers.decode(json.loads(answers.dumps(value)))


# --- q1: percent_change, visible and hidden ------------------------------------------------------

def good(old, new):
    return (new - old) / old * 100


MISTAKEN = {
    "absolute change": lambda old, new: new - old,
    "sign is reversed": lambda old, new: (old - new) / old * 100,
    "ratio": lambda old, new: new / old,
    "fraction": lambda old, new: (new - old) / old,
    "divides by the new value": lambda old, new: (new - old) / new * 100,
}


def test_q1_visible(ex):
    assert_correct(ex, "q1", good(419, 693))
    for words, function in MISTAKEN.items():
        assert_mistake(ex, "q1", function(419, 693), words)
    assert ex.feedback("q1", BLANK).outcome is Outcome.NOT_ATTEMPTED
    assert_every_mistake_hit(ex, "q1")


def test_q1_hidden(ex):
    assert_correct(ex, "q1.hidden", good(1069, 908))
    for words, function in MISTAKEN.items():  # on a fall, each mistaken function is caught by the hidden test
        assert_mistake(ex, "q1.hidden", function(1069, 908), words)
    with pytest.raises(AssertionError):
        ex.require("q1.hidden", abs(good(1069, 908)))  # a function that drops the sign fails the hidden test
    ex.require("q1.hidden", good(1069, 908))
    assert_every_mistake_hit(ex, "q1.hidden")


# --- q2: the PIPS percent change 2021-2025 -----------------------------------------------------

def annual(publisher, definition=None):
    v = alliance.load("violence")
    rows = v[(v["publisher"] == publisher) & (v["metric"] == "fatalities_total") & (v["period"] == "annual")
             & (v["region"] == "Pakistan")]
    if definition:
        rows = rows[rows["definition"] == definition]
    return rows


def test_q2(ex):
    pips = annual("PIPS").set_index("year")["value"]
    old, new = float(pips[2021]), float(pips[2025])
    assert_correct(ex, "q2", good(old, new))
    assert_correct(ex, "q2", round(good(old, new), 2))
    assert_mistake(ex, "q2", new - old, "absolute change")
    assert_mistake(ex, "q2", (old - new) / old * 100, "wrong sign")
    assert_mistake(ex, "q2", new / old, "ratio")
    assert_mistake(ex, "q2", (new - old) / old, "fraction")
    assert_mistake(ex, "q2", (new - old) / new * 100, "2025 value")
    crss = annual("CRSS", "crss_terror_counterterror")
    for old_crss in crss.loc[crss["year"] == 2021, "value"]:  # both vintages of CRSS's 2021 figure
        new_crss = crss.loc[crss["year"] == 2025, "value"].iloc[0]
        assert_mistake(ex, "q2", good(old_crss, new_crss), "CRSS")
    gti = annual("GTI").set_index("year")["value"]
    assert_mistake(ex, "q2", good(gti[2021], gti[2025]), "Global Terrorism Index")
    assert_mistake(ex, "q2", good(float(pips[2020]), new), "starts from 2020")
    assert_mistake(ex, "q2", good(old, float(pips[2024])), "ends in 2024")
    assert ex.feedback("q2", BLANK).outcome is Outcome.NOT_ATTEMPTED
    assert ex.feedback("q2", pips).outcome is Outcome.INCORRECT
    assert_every_mistake_hit(ex, "q2")


# --- q3: read the locked chart ------------------------------------------------------------------

def test_q3(ex):
    pips = annual("PIPS").set_index("year")["value"]
    pips = pips[pips.index >= 2014]
    assert_correct(ex, "q3", int(pips.idxmin()))
    missing = sorted(set(range(2014, 2026)) - set(pips.index))
    assert missing == [2019]
    assert_mistake(ex, "q3", missing[0], "no bar")
    assert_mistake(ex, "q3", 2021, "not the lowest bar")
    assert_mistake(ex, "q3", int(pips.idxmax()), "tallest bar")
    assert ex.feedback("q3", BLANK).outcome is Outcome.NOT_ATTEMPTED
    assert_every_mistake_hit(ex, "q3")


def test_locked_chart_has_title_source_and_description():
    nb = nbformat.read(REPO / "exercises" / "source" / "capstone" / "capstone.ipynb", as_version=4)
    specs = [o["data"]["application/vnd.vegalite.v5+json"] for c in nb.cells if c.cell_type == "code"
             and not exercise_cells.is_solution(c) for o in c.outputs
             if "application/vnd.vegalite.v5+json" in o.get("data", {})]
    assert len(specs) == 1
    spec = specs[0]
    assert spec["title"]["text"] and len(spec.get("description", "")) >= 20
    for panel in spec["hconcat"]:
        assert any(line.startswith("Source") for line in panel["title"]["subtitle"])


# --- q4: closures Pakistan began after the takeover ----------------------------------------------

def test_q4(ex):
    closures = alliance.load("border_closures")
    takeover = pd.Timestamp("2021-08-15")
    by = closures["closed_by"].astype(str)
    after = closures["start_date"] >= takeover
    in_2021_on = closures["start_date"].dt.year >= 2021
    assert_correct(ex, "q4", int((after & (by == "PAK")).sum()))
    assert_mistake(ex, "q4", int((in_2021_on & (by == "PAK")).sum()), "1 January 2021")
    assert_mistake(ex, "q4", int(after.sum()), "whoever closed")
    assert_mistake(ex, "q4", int((after & by.isin(["PAK", "both"])).sum()), "'both'")
    assert_mistake(ex, "q4", int(in_2021_on.sum()), "since 1 January 2021, whoever closed")
    assert ex.feedback("q4", BLANK).outcome is Outcome.NOT_ATTEMPTED
    assert_every_mistake_hit(ex, "q4")


# --- q5: two 70s -------------------------------------------------------------------------------

def test_q5(ex, claims):
    rows = claims.set_index("claim_id").loc[["c068", "c069"]]
    assert list(rows["value_low"]) == [70, 70]
    assert list(rows["claimant_type"].astype(str)) == ["media tally", INDEPENDENT]
    assert rows.loc["c069", "subject"] == "Afghan civilians"
    assert_correct(ex, "q5", "b")
    assert_correct(ex, "q5", "B ")
    assert_mistake(ex, "q5", "a", "same number")
    assert_mistake(ex, "q5", "c", "claimant_type")
    assert_mistake(ex, "q5", "d", "civilians on the Afghan side")
    assert ex.feedback("q5", BLANK).outcome is Outcome.NOT_ATTEMPTED
    assert_every_mistake_hit(ex, "q5")


# --- q6: the claims table ----------------------------------------------------------------------

COLUMNS = ["incident_id", "subject", "claimant", "claimant_type", "value_low", "independent"]


def expected_table(claims):
    """Built row by row, a different route from the key's merge."""
    killed = claims[claims["metric"] == "killed"]
    independent = killed[killed["claimant_type"] == INDEPENDENT]
    rows = {}
    for row in killed[killed["claimant_type"] != INDEPENDENT].itertuples():
        same = independent[(independent["incident_id"] == row.incident_id) & (independent["subject"] == row.subject)]
        latest = same.loc[same["claim_date"].idxmax(), "value_low"] if len(same) else pd.NA
        rows[row.claim_id] = [row.incident_id, row.subject, row.claimant, str(row.claimant_type), row.value_low, latest]
    table = pd.DataFrame.from_dict(rows, orient="index", columns=COLUMNS)
    table["value_low"] = table["value_low"].astype("Int64")
    table["independent"] = table["independent"].astype("Int64")
    return table


def test_q6_correct_in_several_forms(ex, claims):
    table = expected_table(claims)
    assert 0 < table["independent"].notna().sum() < len(table)  # some claims have an independent count, some not
    assert_correct(ex, "q6", table)
    assert_correct(ex, "q6", table.iloc[::-1])  # any row order
    assert_correct(ex, "q6", table.assign(independent=table["independent"].astype("float64")))  # NaN, not <NA>
    assert_correct(ex, "q6", table.astype({"claimant_type": "category"}))
    assert_correct(ex, "q6", regraded(table))


def test_q6_mistakes(ex, claims):
    table = expected_table(claims)
    killed = claims[claims["metric"] == "killed"]
    assert_mistake(ex, "q6", table.drop(columns="claimant"), "dropped the claimant column")

    # Independent counts listed as claims of their own.
    mixed = expected_table(claims.assign(claimant_type=claims["claimant_type"].astype(str).replace(INDEPENDENT, "x")))
    mixed.loc[mixed["claimant_type"] == "x", "claimant_type"] = INDEPENDENT
    assert len(mixed) > len(table)
    assert_mistake(ex, "q6", mixed, "UN/independent figures as claims")
    un_rows = killed[killed["claimant_type"] == INDEPENDENT].set_index("claim_id")
    stacked = pd.concat([table, un_rows.assign(independent=pd.NA)[COLUMNS]])
    assert_mistake(ex, "q6", stacked, "UN/independent figures as claims")

    every_metric = expected_table(claims.assign(metric="killed"))
    assert_mistake(ex, "q6", every_metric, "not deaths")
    assert_mistake(ex, "q6", table.rename_axis("claim_id").reset_index(), "claim_id the index")

    # Merging with every independent row, not only the latest, repeats claims.
    independent = killed[killed["claimant_type"] == INDEPENDENT][["incident_id", "subject", "value_low"]]
    by_parties = killed[killed["claimant_type"] != INDEPENDENT]
    repeated = (by_parties.merge(independent.rename(columns={"value_low": "independent"}),
                                 on=["incident_id", "subject"], how="left").set_index("claim_id")[COLUMNS])
    assert repeated.index.duplicated().any()
    assert_mistake(ex, "q6", repeated, "appear twice")

    assert_mistake(ex, "q6", table[table["independent"].notna()], "kept only the claims")

    latest = (killed[killed["claimant_type"] == INDEPENDENT].sort_values("claim_date")
              .drop_duplicates(["incident_id", "subject"], keep="last"))
    on_incident_only = (by_parties.merge(latest.drop_duplicates("incident_id", keep="last")
                                         [["incident_id", "value_low"]].rename(columns={"value_low": "independent"}),
                                         on="incident_id", how="left").set_index("claim_id")[COLUMNS])
    assert_mistake(ex, "q6", on_incident_only, "different group of people")

    earliest = (killed[killed["claimant_type"] == INDEPENDENT].sort_values("claim_date")
                .drop_duplicates(["incident_id", "subject"], keep="first"))
    preliminary = (by_parties.merge(earliest[["incident_id", "subject", "value_low"]]
                                    .rename(columns={"value_low": "independent"}),
                                    on=["incident_id", "subject"], how="left").set_index("claim_id")[COLUMNS])
    assert_mistake(ex, "q6", preliminary, "preliminary")

    assert_mistake(ex, "q6", table["independent"], "Expected a table")
    fb = ex.feedback("q6", table[COLUMNS[::-1]])
    assert fb.outcome is Outcome.INCORRECT and "another order" in fb.message
    assert ex.feedback("q6", BLANK).outcome is Outcome.NOT_ATTEMPTED
    assert_every_mistake_hit(ex, "q6")


# --- q7: claims below the independent count ---------------------------------------------------

def test_q7(ex, claims):
    table = expected_table(claims)
    both = table[table["independent"].notna()]
    low, inde = both["value_low"].astype(int), both["independent"].astype(int)
    assert_correct(ex, "q7", int((low < inde).sum()))
    assert_mistake(ex, "q7", int((low <= inde).sum()), "equal")
    assert_mistake(ex, "q7", int((low > inde).sum()), "above")
    assert_mistake(ex, "q7", len(both), "every claim that has an independent count")
    assert_mistake(ex, "q7", int((low >= inde).sum()), "at or above")
    assert ex.feedback("q7", BLANK).outcome is Outcome.NOT_ATTEMPTED
    assert_every_mistake_hit(ex, "q7")


# --- q8: the learner's chart --------------------------------------------------------------------

def civilian_rows(claims):
    table = expected_table(claims)
    incidents = table.loc[table["independent"].notna(), "incident_id"].unique()
    return claims[(claims["metric"] == "killed") & (claims["subject"] == "Afghan civilians")
                  & claims["incident_id"].isin(incidents)][["claim_id", "incident", "claimant", "claimant_type",
                                                            "subject", "value_low"]]


def chart(rows, mark="bar", title="Claims and counts", **encoding):
    enc = dict(x="value_low:Q", y="claimant:N", color="claimant_type:N")
    enc.update(encoding)
    enc = {k: v for k, v in enc.items() if v is not None}
    return getattr(alt.Chart(rows, title=title), f"mark_{mark}")().encode(**enc)


def test_q8_good_charts(ex, claims):
    rows = civilian_rows(claims)
    assert set(rows["claimant_type"].astype(str)) == {"Afghan Taliban", "media tally", INDEPENDENT}
    assert_correct(ex, "q8", chart(rows))
    assert_correct(ex, "q8", chart(rows, mark="point", row="incident:N"))
    assert_correct(ex, "q8", chart(rows.drop(columns="subject"), mark="tick"))
    assert_correct(ex, "q8", regraded(chart(rows)))


def test_q8_broken_charts(ex, claims):
    rows = civilian_rows(claims)
    assert_mistake(ex, "q8", chart(rows, mark="line"), "mark")
    assert_mistake(ex, "q8", chart(rows, x="value_low:N"), "should be a number")
    assert_mistake(ex, "q8", chart(rows, x="claim_id:N", y="value_low:Q"), "x shows")
    assert_mistake(ex, "q8", chart(rows, y="claim_id:N"), "y shows")
    assert_mistake(ex, "q8", chart(rows, color=None), "Nothing is mapped to color")
    claims_only = rows[rows["claimant_type"] != INDEPENDENT]
    assert_mistake(ex, "q8", chart(claims_only), "claims and the UN/independent counts together")
    everyone = claims[claims["metric"] == "killed"]
    assert_mistake(ex, "q8", chart(everyone), "nothing else")
    assert_mistake(ex, "q8", chart(rows, title=""), "no title")
    assert_mistake(ex, "q8", rows, "Altair chart")
    assert ex.feedback("q8", BLANK).outcome is Outcome.NOT_ATTEMPTED


# --- hints, the brief, and the mix the brief requires ------------------------------------------

def test_the_brief_is_worth_the_most(ex):
    q9 = ex.question("q9")
    assert isinstance(q9, OpenQuestion)
    assert sum(points for _, points in q9.rubric) == q9.points == 8
    criteria = " ".join(text for text, _ in q9.rubric).lower()
    for needed in ("evidence", "claimant", "pakistan", "afghan taliban", "independent", "limits"):
        assert needed in criteria, needed
    nb = nbformat.read(REPO / "exercises" / "source" / "capstone" / "capstone.ipynb", as_version=4)
    auto = [exercise_cells.points(c) for c in nb.cells if exercise_cells.is_test(c)]
    assert q9.points > max(auto)
    assert ex.feedback("q9", BLANK).outcome is Outcome.NOT_ATTEMPTED
    assert ex.feedback("q9", "word " * 100).outcome is Outcome.UNCHECKABLE


def test_notebook_mix():
    nb = nbformat.read(REPO / "exercises" / "source" / "capstone" / "capstone.ipynb", as_version=4)
    tests = [c for c in nb.cells if exercise_cells.is_test(c)]
    ids = [exercise_cells.grade_id(c) for c in tests]
    assert ids == [f"q{i}" for i in range(1, len(ids) + 1)] and len(ids) >= 4
    assert all(1 <= exercise_cells.points(c) <= 3 for c in tests)
    assert all("Correct" in str(c.outputs) for c in tests)
    assert [exercise_cells.grade_id(c) for c in nb.cells if exercise_cells.is_open(c)] == ["q9"]
    key = exercise("capstone")
    assert sum(isinstance(q, ChartQuestion) for q in key.questions) == 1
    hidden = [c for c in tests if "q1.hidden" in c.source]
    assert len(hidden) == 1 and "q1.hidden" not in hidden[0].source.split(exercise_cells.BEGIN_HIDDEN)[0]
    # The hidden id is required first: `alliance grade` needs every id of the cell exported before a
    # require raises, or a blank function would show as an error rather than "not attempted".
    assert exercise_cells.checked_ids(hidden[0].source) == ["q1", "q1.hidden", "q1"]


def test_student_notebook_holds_no_answers():
    nb = nbformat.read(REPO / "exercises" / "student" / "capstone" / "capstone.ipynb", as_version=4)
    text = "\n".join(c.source for c in nb.cells)
    assert "BEGIN SOLUTION" not in text and "HIDDEN" not in text and "q1.hidden" not in text
    assert "Model answer" not in text and 'q5_answer = "b"' not in text and "q3_answer = 2020" not in text
