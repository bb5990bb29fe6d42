"""Exercise 02 · Victory in Kabul (the ceasefires, one publisher's violence series, statements and claims)."""

from __future__ import annotations

from alliance.assignment import Assignment
from alliance.checks import (ChartQuestion, Mistake, OpenQuestion, Question, needs_encoding, needs_mark,
                             needs_rows, needs_title)

SALT = "ex02"
DEFINITION = "picss_militant_attacks"
CHART_YEARS = list(range(2019, 2024))

# q2: the visible check uses the open-ended ceasefire; the hidden test these other pairs of dates
# from the course data (first talks round, Kabul talks of May 2022, fall of Kabul to the end of the
# ceasefire, end of the ceasefire to the TTP leader's "still open" remark).
HIDDEN_DATES = [("2021-10-01", "2021-12-09"), ("2022-05-13", "2022-05-18"), ("2021-08-15", "2022-11-28"),
                ("2022-11-28", "2023-01-07")]


# --- values derived from the data at check time -------------------------------------------

def _hidden_days(shift: int = 0, sign: int = 1) -> list[int]:
    import pandas as pd

    return [sign * (pd.Timestamp(end) - pd.Timestamp(start)).days + shift for start, end in HIDDEN_DATES]


def _located_share(statuses=("yes",), scale: float = 100.0):
    """Per affiliation, the share of quotes whose original_located is in `statuses` (percent by default)."""
    import alliance

    quotes = alliance.load("quotes")
    hit = quotes["original_located"].astype(str).isin(list(statuses))
    return hit.groupby(quotes["affiliation"].astype(str)).mean() * scale


def _located_counts():
    import alliance

    quotes = alliance.load("quotes")
    hit = quotes["original_located"].astype(str) == "yes"
    return hit.groupby(quotes["affiliation"].astype(str)).sum().astype(float)


def _first_printings() -> dict[int, float]:
    """PICSS attacks per year as each year's own report printed them (vintage == year), 2019–2023."""
    import alliance

    v = alliance.load("violence")
    rows = v[(v["definition"] == DEFINITION) & (v["region"] == "Pakistan") & (v["period"] == "annual")
             & (v["metric"] == "attacks") & (v["vintage"] == v["year"]) & v["year"].isin(CHART_YEARS)]
    return {int(y): float(x) for y, x in zip(rows["year"], rows["value"])}


# --- comparisons ----------------------------------------------------------------------------

def _shares(value):
    """A learner's Series as {label: number to 2 decimals}, empty entries dropped; None if not a Series."""
    import pandas as pd

    if not isinstance(value, pd.Series):
        return None
    numbers = pd.to_numeric(value, errors="coerce")
    return {str(k): round(float(x), 2) for k, x in numbers.items() if pd.notna(x)}


def _same_shares(value, expected) -> bool:
    mine = _shares(value)
    return mine is not None and mine == _shares(expected)


def _same_numbers(value, expected) -> bool:
    import math

    if not isinstance(value, (list, tuple)) or len(value) != len(expected):
        return False
    try:
        return all(not isinstance(x, bool) and math.isfinite(float(x)) and round(float(x), 2) == round(float(e), 2)
                   for x, e in zip(value, expected))
    except (TypeError, ValueError):
        return False


def _is_timedelta(value) -> bool:
    import datetime

    import pandas as pd

    items = value if isinstance(value, (list, tuple)) else [value]
    return any(isinstance(x, (pd.Timedelta, datetime.timedelta)) for x in items)


def _chart_years(rows: list[dict]) -> list[int]:
    return [int(r["year"]) for r in rows]


def _rows_cover_years(rows: list[dict]) -> bool:
    return set(_chart_years(rows)) == set(CHART_YEARS)


def _rows_once_per_year(rows: list[dict]) -> bool:
    years = _chart_years(rows)
    return len(years) == len(set(years))


def _rows_first_printings(rows: list[dict]) -> bool:
    return {int(r["year"]): round(float(r["value"]), 2) for r in rows} == _first_printings()


def build() -> Assignment:
    return Assignment("ex02", "Exercise 02 · Victory in Kabul", [
        Question(
            "q1", salt=SALT,
            answer_hash="cfb34517d415a872047054ad531ab00a319250e036ea53352274686a3904d571",
            mistakes=[
                Mistake("That is the absolute change (attacks in 2023 minus attacks in 2022). The question asks for "
                        "the percent change: divide that difference by the 2022 count, then multiply by 100.",
                        answer_hash="591ca75c352c0687daad4faeed11a2e12e0df6fb3de00ba21a789b1a91df6147"),
                Mistake("The difference was divided by the 2023 count. A percent change is relative to the "
                        "earlier value: divide by the January–June 2022 count.",
                        answer_hash="b66c92bc6b617daf5dae4cf430bde7fd86f3121cad341eede9facb594869765c"),
                Mistake("The sign is reversed and the base is the later value: subtract the 2022 count from the "
                        "2023 count and divide by the 2022 count.",
                        answer_hash="9f348c0c0434c30ab3f631a62034a727a15b83496518d7956fe962dd266edc47"),
                Mistake("The sign is reversed: attacks rose, so subtract the earlier count from the later one.",
                        answer_hash="d075a39f2a4b0274b207a558ae0fbf22e6adc1ab247a67557a9327f30d0961a5"),
                Mistake("That is the 2023 count as a percentage of the 2022 count. Subtract 100 to get the change.",
                        answer_hash="78ec5c36256231f8d9b5363bfde727543d090420d37c10fe44462b7e4b45c4db"),
                Mistake("That is a fraction. Multiply by 100 to give the change in percent.",
                        answer_hash="19c0c9da1362e8985fed8b86fcf61fa6ad914bae8822b68396b6681c2831e29d"),
                Mistake("That compares July–December 2022 with January–June 2023. The question compares the same "
                        "half of two years: January–June 2022 and January–June 2023.",
                        answer_hash="1c5f1b87603c339a3d68bd95c5db42d295aca54efb3040a3216aa7dba06d70b8"),
                Mistake("That compares the annual totals for 2022 and 2023. The question asks about the half-year "
                        "rows (period H1).",
                        answer_hash="00179a366ce9463f3a231046a3085b73b60447956e9112e5636780a0a20db99a"),
                Mistake("That compares annual totals from two different reports. The question asks about the "
                        "half-year rows (period H1) of the 2023 release.",
                        answer_hash="0f3bb13a28522c2464ebb80c1c2c6d69bd44d5d77868d4ed1985af5d31e6e00f"),
            ],
            hints=["Filter violence: definition picss_militant_attacks, vintage 2023, region Pakistan, metric "
                   "attacks, period H1.",
                   "You should be left with two rows: year 2022 and year 2023. Read their value column.",
                   "Percent change = (later − earlier) / earlier × 100, with January–June 2022 as the earlier."]),
        Question(
            "q2", salt=SALT,
            answer_hash="de1feea58003233d4fc2dce13482387c46e12152c02e4a99ce3a7525d534b203",
            mistakes=[
                Mistake("One day too many: the count includes both the first and the last day. Count as the "
                        "lesson's table does, end minus start.",
                        answer_hash="174afe1eeb8fb70f92ff68ccad06d0b588f320eb6231020d4a00c8ce7a50a1ce"),
                Mistake("One day too few: subtracting the two dates already gives the count; do not take off "
                        "another day.",
                        answer_hash="42fb0d151e1604cf65186dcc347b271bd9e1cf0c5289979b9c0a3eb4dbfac100"),
                Mistake("The sign is reversed: subtract the start date from the end date.",
                        answer_hash="eddca4e6e3d2127f39ed932539ac4022b0259451da1906673d2b58c557aeb5d0"),
                Mistake("That is a time difference (Timedelta), not a number. Take its .days.",
                        test=_is_timedelta),
                Mistake("Your function returned None: end it with a return line that gives the number of days.",
                        test=lambda v: v is None),
            ],
            hints=["pd.Timestamp('2022-06-02') turns a date written as text into a date you can subtract.",
                   "Subtracting two Timestamps gives a Timedelta; its .days attribute is a whole number.",
                   "def days_between(start, end): return (pd.Timestamp(end) - pd.Timestamp(start)).days"]),
        Question(
            "q2.hidden", derive=_hidden_days, compare=_same_numbers,
            mistakes=[
                Mistake("days_between counts one day too many for other dates too (both ends included).",
                        test=lambda v: _same_numbers(v, _hidden_days(shift=1))),
                Mistake("days_between has the sign reversed.",
                        test=lambda v: _same_numbers(v, _hidden_days(sign=-1))),
                Mistake("days_between returns time differences (Timedelta), not numbers.", test=_is_timedelta),
            ],
            wrong_message="days_between gives wrong results for other dates (across a year end, or a few days apart).",
            hints=["Test your function on dates in different years, such as 2022-11-28 to 2023-01-07.",
                   "Do not count months times 30: let pandas subtract the dates.",
                   "(pd.Timestamp(end) - pd.Timestamp(start)).days works for any two dates."]),
        Question(
            "q3", derive=_located_share, compare=_same_shares,
            mistakes=[
                Mistake("Expected a Series indexed by affiliation (one percentage per side).",
                        test=lambda v: _shares(v) is None),
                Mistake("These are fractions between 0 and 1. Multiply by 100 for percentages.",
                        test=lambda v: _same_shares(v, _located_share(scale=1.0))),
                Mistake("This counts 'partial' as located. 'partial' means the wording differs between reports; "
                        "count only original_located == 'yes'.",
                        test=lambda v: _same_shares(v, _located_share(("yes", "partial")))),
                Mistake("This is the share of statements seen only second-hand ('no'). The question asks for "
                        "the share whose original was located ('yes').",
                        test=lambda v: _same_shares(v, _located_share(("no",)))),
                Mistake("These are numbers of statements. Divide by each side's total to get a percentage.",
                        test=lambda v: _same_shares(v, _located_counts())),
            ],
            wrong_message="Not the expected percentages. Check the status you count and the grouping column.",
            hints=["Make a True/False column: is original_located equal to 'yes'?",
                   "Group that column by affiliation; the mean of True/False values is a share.",
                   "(quotes['original_located'] == 'yes').groupby(quotes['affiliation'], observed=True).mean() "
                   "* 100"]),
        Question(
            "q4", salt=SALT,
            answer_hash="8161eb8a0c32617638342fe07edc1b8a6ddd56932451f328960e46b1f142514e",
            mistakes=[
                Mistake("That difference comes from the left panel, which counts attacks. The question asks "
                        "about deaths: use the right panel.",
                        answer_hash="f027091ec7f3af02e9d92f3cfbea3acd5e497edfc5bf30784398274835bdcd30"),
                Mistake("That compares January–June 2023 with January–June 2022. The question compares it with "
                        "the half-year just before it, July–December 2022.",
                        answer_hash="d6bf433f966049c313cc09b7e876b818a8d64316ffd2ba347eb232cbadf97b6a"),
                Mistake("The sign is reversed: deaths rose, so subtract the July–December 2022 figure from the "
                        "January–June 2023 figure.",
                        answer_hash="dfc0cc5aaa4f48bf72f880e65560148a1610a2368fdf7397835dbdbd122ad7fa"),
                Mistake("That is a percent change. The question asks how many more deaths: an absolute "
                        "difference in people.",
                        answer_hash="769b245aefef55c9af1d0899163e2049c3dea9cd502c20369830eb9feb55fba4"),
            ],
            hints=["The chart has two panels from the same release: attacks on the left, deaths on the right.",
                   "In the deaths panel, find the labels on the bars for July–December 2022 and January–June 2023.",
                   "Subtract: the January–June 2023 label minus the July–December 2022 label."]),
        Question(
            "q5", salt=SALT,
            answer_hash="89eff350e7e233350de297827fb87939834a3a4e8aa8cc0301783e95faaf9fc7",
            mistakes=[
                Mistake("Nothing in the row says the UN counted or verified this toll. Read fatalities_claimant: "
                        "it names who gave the figure.",
                        answer_hash="f9c92033e187b1445af2f4922257bf70a89e7b55bb7668b7fb085f1abb41024c"),
                Mistake("Read fatalities_claimant again: the figure does not come from the Afghan side.",
                        answer_hash="60c67d72b71943a17e2b55823575e05a306968ee92f7e3504dca9009435e3858"),
            ],
            hints=["The column fatalities_claimant names who gave reported_fatalities.",
                   "Look up ISPR in the lesson: whose media wing is it, and was that side part of the clash?",
                   "Read the note too: do other reports give the same number?"]),
        ChartQuestion(
            "q6",
            requirements=[needs_mark("line", "bar", "point"),
                          needs_encoding("x", "year", ("ordinal", "temporal", "quantitative")),
                          needs_encoding("y", "value", ("quantitative",)),
                          needs_rows(_rows_cover_years, "Chart the years 2019 to 2023, and only those, from the "
                                                        "PICSS militant-attacks series for Pakistan."),
                          needs_rows(_rows_once_per_year, "Some years appear twice: later reports restated earlier "
                                                          "years. Keep only the rows where vintage equals year."),
                          needs_rows(_rows_first_printings, "The values are not PICSS's yearly attack counts as "
                                                            "first printed: check the definition, region, period, "
                                                            "metric and vintage filters."),
                          needs_title()],
            hints=["Filter violence as in q1, but period annual and years 2019 to 2023.",
                   "Keep only the rows where vintage == year, then the columns year and value.",
                   "alt.Chart(table, title='...').mark_line(point=True).encode(x='year:O', y='value:Q')"]),
        OpenQuestion(
            "q7", points=4,
            prompt="PICSS counted more militant attacks in July–December 2022 than in January–June 2022. Does "
                   "this show that the TTP broke its ceasefire? Say what the numbers can and cannot show and what "
                   "each side said about the end of the truce.",
            rubric=[("Notes that the PICSS series counts attacks by all militant groups, not only the TTP, so it "
                     "cannot say who carried them out", 1),
                    ("Uses figures from the data with publisher and half-year (e.g. PICSS H1 2022 and H2 2022 "
                     "attacks)", 1),
                    ("Attributes the claims: the TTP blamed army operations; the course's sources report no "
                     "government or military answer", 1),
                    ("Concludes without declaring either side to blame, separating what the data show from "
                     "what the sides claim", 1)]),
    ])
