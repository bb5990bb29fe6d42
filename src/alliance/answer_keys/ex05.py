"""Exercise 05 · People on the move (refugee counts: stock and flow, who counted, the plan's phases)."""

from __future__ import annotations

from alliance.assignment import Assignment
from alliance.checks import (ChartQuestion, Mistake, OpenQuestion, Question, difference, needs_encoding,
                             needs_mark, needs_rows, needs_title)

SALT = "ex05"
SINCE_APRIL = "2025-04-01"
# One-period counts of returns the hidden test of q2 runs `per_day` on (obs_id in refugees.csv).
HIDDEN_PERIODS = ["unhcr-2025-08-month", "unhcr-iom-2025-wk-oct26-returns", "unhcr-iom-2025-wk-nov2-returns"]


def _not_a_number(value) -> bool:
    import pandas as pd

    return isinstance(value, (pd.DataFrame, pd.Series, list, tuple, dict))


def _letter_with_extras(value) -> bool:
    """'(b)', 'b)' or 'b.': the right kind of answer, written with extra characters."""
    if not isinstance(value, str):
        return False
    text = value.strip().lower()
    return text != text.strip("().: ") and len(text.strip("().: ")) == 1


LETTER_ONLY = Mistake("Answer with the letter alone, as text: for example 'a'.", test=_letter_with_extras)

TABLE_NOT_NUMBER = Mistake("This is a table or a column, not one number. Pick the values you need out of it "
                           "(e.g. with .loc or .iloc) and compute a single number.", test=_not_a_number)


# --- derived answers ------------------------------------------------------------------

def _refugees():
    import alliance

    return alliance.load("refugees")


def _since_april_rows():
    r = _refugees()
    return r[(r["publisher"] == "UNHCR") & (r["measure"] == "returns") & (r["period_start"] == SINCE_APRIL)]


def _per_day_series(days_extra: int = 1):
    """People per day for the hidden periods; days_extra=0 is the off-by-one mistake."""
    import pandas as pd

    rows = _refugees().set_index("obs_id").loc[HIDDEN_PERIODS]
    days = (rows["period_end"] - rows["period_start"]).dt.days + days_extra
    return pd.Series((rows["value"].astype(float) / days).to_numpy())


def _por_table(rows=None):
    rows = _refugees() if rows is None else rows
    return rows.groupby("publisher").agg(estimates=("value", "size"), lowest=("value", "min"),
                                         highest=("value", "max"))


def _stock_por():
    r = _refugees()
    return _por_table(r[(r["measure"] == "stock") & (r["status"] == "PoR")])


def _por_all_measures():
    r = _refugees()
    return _por_table(r[r["status"] == "PoR"])


def _stock_all_statuses():
    r = _refugees()
    return _por_table(r[r["measure"] == "stock"])


def _same_as(make):
    """A Mistake test: the answer equals the frame a mistaken filter gives."""
    return lambda value: difference(value, make()) is None


# --- chart requirements (q6) ------------------------------------------------------------

def _row_values(rows: list[dict]) -> list[int]:
    return sorted(int(r["value"]) for r in rows)


def _only_since_april(rows: list[dict]) -> bool:
    wanted = set(_row_values(_since_april_rows().to_dict("records")))
    return bool(rows) and all(int(r["value"]) in wanted for r in rows)


def _all_since_april(rows: list[dict]) -> bool:
    return _row_values(rows) == _row_values(_since_april_rows().to_dict("records"))


def build() -> Assignment:
    return Assignment("ex05", "Exercise 05 · People on the move", [
        Question(
            "q1", salt=SALT,
            answer_hash="4f9bfe7835bd02c0f65e0b6c5b49bc67f144d77d2b7340edb67a2fae46902521",
            mistakes=[
                Mistake("That is the percent change. The question asks how many people: the later running "
                        "total minus the earlier one.",
                        answer_hash="23214e47c3276d89683779d9d29aa4844a4b92d76008a21c4e74f5ffd7749fe9"),
                Mistake("The sign is reversed: subtract the 12 August total from the 8 November total.",
                        answer_hash="95ec78e031309433d64b7dc4311f2893412c26acac96fe213ffcd741430d0b4d"),
                Mistake("You added the two running totals. The later total already includes everyone in the "
                        "earlier one, so adding counts them twice: subtract instead.",
                        answer_hash="27032861532eb163d4e51d207a1b30c5ad76821bc114cca0a331056715c9952d"),
                Mistake("That uses UNHCR's latest figure (December 2025). The question ends at the figure "
                        "dated 8 November 2025: check period_end.",
                        answer_hash="2d6535d7e5545398af126cb1b2b524b17a4ce8539139c395fd6f4d2c51848e46"),
                TABLE_NOT_NUMBER,
            ],
            hints=["Both figures are running totals from the same counter (UNHCR) and the same start day "
                   "(1 April 2025), which is what makes subtracting them meaningful.",
                   "Filter refugees on publisher, measure and period_start, then look at period_end and value.",
                   "Use .set_index('period_end')['value'] and subtract the earlier date's value from the "
                   "later date's value."]),
        Question(
            "q2", salt=SALT,
            answer_hash="7f6e90f5fcf95ede3726cb28df726dd586f0fa3cc8d4b6813ba3ae9104760997",
            mistakes=[
                Mistake("Off by one day: a period from 1 April to 8 November includes both the first and the "
                        "last day, so add 1 to the difference between the dates.",
                        answer_hash="e899f49c1a2414c8225383d1e14239764d1c2f42dbdb8e3a109d61a991764483"),
                Mistake("That is the number of days. The function should return people per day: divide "
                        "`people` by the number of days.",
                        answer_hash="4963fd895009aba22d74e4014e7b58c16fd7166c9d841f0b21ae39764ee5f7ef"),
                Mistake("That is the number of days (and one short). The function should return people per "
                        "day, counting both the first and the last day.",
                        answer_hash="8aad5d6b779e8edccd305ac9255f2668f2cd2885d0fd2d2d43ee8e12c26c4e0e"),
                Mistake("Close, but rounded to a whole number. Return the average without rounding.",
                        answer_hash="f86d2f5c73d470dc6a12d04a05d404a0d63cd520389f04c95eb2c95db28754cc"),
                TABLE_NOT_NUMBER,
            ],
            hints=["pd.Timestamp('2025-04-01') turns text into a date; subtracting two dates gives a "
                   "Timedelta, and .days gives its length in whole days.",
                   "A period whose first and last days are both counted is one day longer than the "
                   "difference between the two dates (1 to 3 April is three days).",
                   "Inside the function: days = (pd.Timestamp(end) - pd.Timestamp(start)).days + 1, "
                   "then return people / days."]),
        Question(
            "q2.hidden", derive=_per_day_series,
            mistakes=[Mistake("per_day is off by one day on other periods: count both the first and the last day.",
                              test=_same_as(lambda: _per_day_series(0))),
                      Mistake("per_day gives wrong results for other periods. Make sure it computes from its "
                              "arguments (people, start, end), not from fixed numbers or dates.",
                              test=lambda v: len(v) == len(HIDDEN_PERIODS))],
            hints=["The hidden test runs per_day on other one-period counts (a month, two weeks).",
                   "Make sure the function uses its arguments, not fixed dates.",
                   "Count both the first and the last day of each period."]),
        Question(
            "q3", derive=_stock_por,
            mistakes=[
                Mistake("Your table mixes measures: it includes a count of returns. A stock (people present on "
                        "a date) and a flow (people leaving over a period) are different things; keep "
                        "measure == 'stock'.", test=_same_as(_por_all_measures)),
                Mistake("Your table covers every status. Keep only the estimates of PoR card holders "
                        "(status == 'PoR').", test=_same_as(_stock_all_statuses)),
            ],
            hints=["Filter refugees to measure 'stock' and status 'PoR' first.",
                   "Group the filtered rows by publisher and aggregate the value column three ways.",
                   "Named aggregation does it in one step: .groupby('publisher').agg(estimates=('value', "
                   "'size'), lowest=('value', 'min'), highest=('value', 'max'))."]),
        Question(
            "q4", salt=SALT,
            answer_hash="0555d3218d48e37ef2149825e8dbff9ee4c1a9f64a649992e7c4e106f9efef55",
            mistakes=[
                Mistake("One is missing. On one row the diamond sits only a few days left of the circle, so "
                        "the two markers nearly overlap: hover over them to compare the dates.",
                        answer_hash="32e460909e1827ff8b572ca4ba1d469539e8aec2fb05b2aa51fa27cf6e2a18d1"),
                Mistake("That counts the steps that took effect on the very day they were announced (diamond "
                        "under the circle). The question asks for steps that took effect before they were "
                        "announced: diamond left of the circle.",
                        answer_hash="50678789038f656afe3a31598d9e97cf63801dc1ba5430fe5a3c5d3fe910047c"),
                TABLE_NOT_NUMBER,
            ],
            hints=["The subtitle says what the two markers mean: a circle for the announcement, a diamond for "
                   "the day the step took effect.",
                   "A step that took effect before it was announced has its diamond to the left of its circle; "
                   "a step announced and in force the same day has the two markers on top of each other.",
                   "Go through the rows one by one and count those with the diamond clearly left of the "
                   "circle; hover where the two markers are close."]),
        Question(
            "q5", salt=SALT,
            answer_hash="f6cd326e9b44b8838c65cc359d66c03370640041a87db4fb77f3628652aef3c7",
            mistakes=[
                Mistake("Those two come from different counters (the Government of Pakistan and UNHCR) that count "
                        "different people from different start days. Only running totals from the same counter "
                        "with the same start day can be subtracted.",
                        answer_hash="288671979a7861bbeb0c1b4bef96787f3299160167982f0233425fedd66bd120"),
                Mistake("One of those is a count for one month and the other a running total since April: "
                        "subtracting a one-period count from a running total gives no meaningful number.",
                        answer_hash="9ad98b9e44d83506119f66d2bc5a344a7de3f57701b4c19645628d272a9e0658"),
                LETTER_ONLY,
            ],
            hints=["For each pair ask: who counted, from which start day, and is each figure a running total "
                   "or a count for one period?",
                   "Subtracting two running totals gives the people counted between their dates only if "
                   "both count the same thing from the same day.",
                   "Rule out the pair that mixes two counters and the pair that mixes a one-month count with "
                   "a running total."]),
        ChartQuestion(
            "q6",
            requirements=[
                needs_mark("line"),
                needs_encoding("x", "period_end", ("temporal",)),
                needs_encoding("y", "value", ("quantitative",)),
                needs_rows(_only_since_april,
                           "The chart draws figures that are not UNHCR running totals since 1 April 2025 (a "
                           "one-period count, another counter or another start day). Filter refugees on publisher "
                           "'UNHCR', measure 'returns' and period_start 2025-04-01 before charting."),
                needs_rows(_all_since_april,
                           "Some of UNHCR's running totals since 1 April 2025 are missing: chart every row the "
                           "filter gives, the latest included."),
                needs_title(),
            ],
            hints=["Start from the rows of q1's filter: alt.Chart(rows, title='...').",
                   "Use .mark_line(point=True) so each published figure shows as a point on the line.",
                   "Encode x='period_end:T' and y='value:Q', and say in the title that these are running "
                   "totals since 1 April 2025 counted by UNHCR."]),
        OpenQuestion(
            "q7", points=4,
            prompt=("The Government of Pakistan said 857,157 people had been sent back by 10 April 2025; IOM "
                    "counted 861,763 returns by 5 April 2025. A classmate says the two sources agree. What does "
                    "each figure count, why can they not be treated as one series, and what is each ledger "
                    "useful for?"),
            rubric=[("States for both figures who counted, from which start day and whom they count "
                     "(undocumented people and ACC holders under the plan vs every Afghan returning at monitored "
                     "crossings)", 2),
                    ("Notes how the IOM figure reached the course (a relay, a weaker copy) or another named "
                     "limit of either source", 1),
                    ("Says what each ledger is useful for, in neutral language, without declaring one figure "
                     "'true'", 1)]),
    ])
