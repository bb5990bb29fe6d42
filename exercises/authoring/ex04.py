# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown]
# # Exercise 04 · The border: crossings, closures and trade
#
# **Practises:** comparing trade figures within one body and one kind of period (Pakistan's fiscal
# year, July–June), counting days closed with the lesson's rule, splitting a cell that names several
# crossings, joining closures with crossings, reading a chart, telling a claimed loss from a measured
# trade value, and charting two bodies' figures without mixing them. It belongs to
# [lesson 04 · The border](../../../notebooks/04_the_border.ipynb). About **40 minutes**.
#
# **How to work.** Each question has a cell that starts with `____`: replace `____` with your
# answer (keep the variable name), run the cell, then run the check cell below it. The check says
# *Correct*, *Not yet* (with what went wrong) or *Not attempted*. `ex.hint("q1")` shows a hint; run it
# again for the next one (three levels, from a nudge to nearly the method).
#
# The checks you see are the visible part of grading: a graded submission also runs hidden tests,
# and q8 is read by a person with a rubric.

# %%
import altair as alt
import pandas as pd

import alliance
from alliance.checks import BLANK as ____
from alliance.lessons import l04_the_border as lesson

alliance.setup()
ex = alliance.exercise("ex04")
crossings = alliance.load("crossings")
closures = alliance.load("border_closures")
trade = alliance.load("trade")
sources = alliance.load("sources")

# %% [markdown]
# ## Trade in one body's figures
#
# `trade.csv` keeps each body's figures apart (`data_source`), and says what period each row covers
# (`period_type`): `fiscal_year` rows cover Pakistan's fiscal year, which runs from July to June
# (FY2025 is July 2024 to June 2025); `calendar_year` rows run January to December; `fiscal_ytd`,
# `quarter` and `month` rows cover part of a year.

# %%
alliance.load("trade")[["period_type", "period", "flow", "data_source", "value", "unit"]].head(8)

# %% [markdown]
# **q1 (2 points).** By what **percent** did Pakistan's exports to Afghanistan change from **FY2024**
# to **FY2025**, according to **FBR/Pakistan Customs**? Use the rows with `data_source`
# `"FBR/Pakistan Customs"`, `flow` `"exports_to_afghanistan"` and `period_type` `"fiscal_year"`.
# Give one number, not rounded: positive for a rise, negative for a fall.

# %% solution="q1"
q1_answer = ____
### BEGIN SOLUTION
customs = trade[(trade["data_source"] == "FBR/Pakistan Customs") & (trade["flow"] == "exports_to_afghanistan")
                & (trade["period_type"] == "fiscal_year")].set_index("period")["value"]
q1_answer = (customs["FY2025"] - customs["FY2024"]) / customs["FY2024"] * 100
### END SOLUTION

# %% test="q1" points=2
ex.check("q1", q1_answer)
### BEGIN HIDDEN TESTS
ex.require("q1", q1_answer)
### END HIDDEN TESTS

# %% [markdown]
# ## Counting days closed
#
# The lesson counts a closure **from its first day up to, not including, the day the crossing
# reopened**.
#
# **q2 (2 points).** Write a function `days_closed(start, end)` that takes two dates (text such as
# `"2017-02-16"`, or pandas Timestamps) and returns the number of days closed by that rule, as a
# whole number. Replace the `____` line with your `def days_closed(start, end):` block.
#
# The check calls `days_closed("2017-02-16", "2017-03-20")`: the closure of every crossing after the
# Sehwan bombing. Hidden tests call it on other dates, so make it work for any two dates.

# %% solution="q2"
days_closed = ____
### BEGIN SOLUTION
def days_closed(start, end):
    return (pd.Timestamp(end) - pd.Timestamp(start)).days
### END SOLUTION

# %% test="q2" points=2
ex.check("q2", days_closed("2017-02-16", "2017-03-20") if callable(days_closed) else days_closed)
### BEGIN HIDDEN TESTS
ex.require("q2", days_closed("2017-02-16", "2017-03-20") if callable(days_closed) else days_closed)
ex.require("q2.hidden", days_closed("2024-10-12", "2025-05-09") if callable(days_closed) else days_closed)
### END HIDDEN TESTS

# %% [markdown]
# **q3 (2 points).** Using your `days_closed`, how many days in total was **Torkham** closed in the
# closure episodes of `closures` that
#
# 1. name `torkham` in `crossing_ids` (a cell can name several crossings, separated by `;`; the two
#    rows for `all` crossings do not count here),
# 2. started on or after 1 January 2023, and
# 3. have an `end_date` (all of these have dates precise to the day)?
#
# Give one number of days.

# %% solution="q3"
q3_answer = ____
### BEGIN SOLUTION
names_torkham = closures["crossing_ids"].str.split(";").map(lambda ids: "torkham" in ids).astype(bool)
torkham = closures[names_torkham & (closures["start_date"] >= "2023-01-01") & closures["end_date"].notna()]
q3_answer = sum(days_closed(s, e) for s, e in zip(torkham["start_date"], torkham["end_date"]))
### END SOLUTION

# %% test="q3" points=2
ex.check("q3", q3_answer)
### BEGIN HIDDEN TESTS
ex.require("q3", q3_answer)
### END HIDDEN TESTS

# %% [markdown]
# ## Closures by province
#
# `crossings` gives the Pakistani province of each crossing (`pakistan_province`).
#
# **q4 (2 points).** Make `q4_counts`: a **Series indexed by `pakistan_province`** giving the number of
# closure episodes that named at least one crossing in that province. Leave out the two rows whose
# `crossing_ids` is `all`, and count an episode **once per province**, even when it names several
# crossings there.

# %% solution="q4"
q4_counts = ____
### BEGIN SOLUTION
named = closures[closures["crossing_ids"] != "all"]
one_per_crossing = named.assign(crossing_id=named["crossing_ids"].str.split(";")).explode("crossing_id")
with_province = one_per_crossing.merge(crossings[["crossing_id", "pakistan_province"]], on="crossing_id")
q4_counts = with_province.groupby("pakistan_province")["closure_id"].nunique()
### END SOLUTION

# %% test="q4" points=2
ex.check("q4", q4_counts)
### BEGIN HIDDEN TESTS
ex.require("q4", q4_counts)
### END HIDDEN TESTS

# %% [markdown]
# ## Claims and measurements
#
# During the October 2025 closure, the All Torkham Border Customs Clearing Agents Association made two
# claims about Torkham, kept in `trade.csv` as `claimed_loss` rows:

# %%
_trade = alliance.load("trade")
_trade.loc[(_trade["flow"] == "claimed_loss") & _trade["data_source"].str.startswith("All Torkham")
           & (_trade["period"] == "2025-10"),
           ["period_start", "period_end", "flow", "data_source", "value", "unit"]]

# %% [markdown]
# **q5 (1 point).** Which statement about these two rows is right? Answer with one letter, as text.
#
# - (a) Added together, they show that Pakistan lost about 451.5 million a day at Torkham.
# - (b) They are measured trade values, so they can be set beside the Ministry of Commerce's figures for
#   October 2025.
# - (c) They are claims by a traders' association, in two different currencies; report them as claims,
#   naming who made them, and never add them to each other or to trade values.
# - (d) Because they are claims, they are false and should be left out of any report.

# %% solution="q5"
q5_answer = ____
### BEGIN SOLUTION
q5_answer = "c"
### END SOLUTION

# %% test="q5" points=1
ex.check("q5", q5_answer)
### BEGIN HIDDEN TESTS
ex.require("q5", q5_answer)
### END HIDDEN TESTS

# %% [markdown]
# ## Reading a chart
#
# The chart counts the days Torkham and Chaman were closed in each calendar year, by the lesson's
# rules (closures of all crossings at once included).

# %%
_days = lesson.days_closed(lesson.episodes(alliance.load("border_closures"), alliance.load("crossings"),
                                           alliance.load("sources")), alliance.load("crossings"))
_days = _days[_days["crossing"].isin(["Torkham", "Chaman"]) & _days["year"].between(2016, 2025)]
_cited = lesson.closures_for("torkham", alliance.load("border_closures"))
_cited = pd.concat([_cited, lesson.closures_for("chaman-spin-boldak", alliance.load("border_closures"))])
_cited = _cited[_cited["start_date"].dt.year.between(2016, 2025)].drop_duplicates("closure_id")
_frame = _days.assign(year=_days["year"].astype(str))[["crossing", "year", "days"]]
_order = ["Torkham", "Chaman"]
_bars = alt.Chart(_frame).mark_bar().encode(
    x=alt.X("year:O", title="Calendar year", axis=alt.Axis(labelAngle=0)),
    xOffset=alt.XOffset("crossing:N", sort=_order),
    y=alt.Y("days:Q", title="Days closed (days)"),
    color=alt.Color("crossing:N", title="Crossing", sort=_order,
                    scale=alt.Scale(domain=_order, range=["#0072B2", "#E69F00"]),
                    legend=alt.Legend(orient="bottom")),
    tooltip=[alt.Tooltip("crossing:N", title="Crossing"), alt.Tooltip("year:O", title="Year"),
             alt.Tooltip("days:Q", title="Days closed")])
_labels = alt.Chart(_frame).mark_text(dy=-7, fontSize=11, color="#222222").encode(
    x="year:O", xOffset=alt.XOffset("crossing:N", sort=_order), y="days:Q", text="days:Q")
_subtitle = lesson.subtitle(_cited, "Reopening day not counted; closures still open at the latest report counted "
                                    "to the end of 2025", "border_closures.csv")
_subtitle[-1] = _subtitle[-1].replace("all listed under Sources", "alliance.sources_for(closures) lists them")
alt.layer(_bars, _labels).properties(
    width=600, height=260,
    title=alt.Title("Days Torkham and Chaman were closed, per calendar year, 2016–2025", subtitle=_subtitle),
    description=("Grouped bars of days closed per year at Torkham and Chaman, 2016 to 2025, each labelled with its "
                 "number of days. Torkham: " + ", ".join(f"{r.year} {r.days}" for r in _frame.itertuples()
                                                         if r.crossing == "Torkham")
                 + ". Chaman: " + ", ".join(f"{r.year} {r.days}" for r in _frame.itertuples()
                                            if r.crossing == "Chaman") + "."))

# %% [markdown]
# **q6 (1 point).** Read off the chart: in **2025**, how many more days was **Torkham** closed than
# **Chaman**? Give one number of days.

# %% solution="q6"
q6_answer = ____
### BEGIN SOLUTION
q6_answer = 108 - 82
### END SOLUTION

# %% test="q6" points=1
ex.check("q6", q6_answer)
### BEGIN HIDDEN TESTS
ex.require("q6", q6_answer)
### END HIDDEN TESTS

# %% [markdown]
# ## Charting two bodies' figures
#
# **q7 (2 points).** Make `q7_chart`, an Altair chart of Pakistan's exports to Afghanistan by fiscal
# year as two bodies give them, the **SBP** (payments through banks) and **FBR/Pakistan Customs**
# (goods declared at the border):
#
# - rows: `trade` with `period_type` `"fiscal_year"`, `flow` `"exports_to_afghanistan"`, `data_source`
#   `"SBP"` or `"FBR/Pakistan Customs"`, and a value (drop rows whose value is empty); keep both SBP rows
#   for FY2020 (a first release and a revision). Filter in pandas first: the check reads the rows you
#   pass to `alt.Chart`;
# - a column `usd_million` with every value in USD million (the `unit` column says some rows are in
#   USD billion);
# - `period` on x, `usd_million` on y, `data_source` as colour, with points (or bars);
# - a title that says what the chart shows.

# %% solution="q7"
q7_chart = ____
### BEGIN SOLUTION
exports = trade[(trade["period_type"] == "fiscal_year") & (trade["flow"] == "exports_to_afghanistan")
                & trade["data_source"].isin(["SBP", "FBR/Pakistan Customs"])].dropna(subset=["value"])
exports = exports.assign(usd_million=exports["value"].astype(float)
                         * exports["unit"].map({"USD million": 1, "USD billion": 1000}).astype(float))
q7_chart = alt.Chart(exports[["period", "data_source", "usd_million"]],
                     title="Pakistan's exports to Afghanistan by fiscal year: SBP and customs").mark_point(
    filled=True, size=70).encode(
    x=alt.X("period:O", title="Pakistan's fiscal year (July–June)"),
    y=alt.Y("usd_million:Q", title="Exports (USD million)"),
    color=alt.Color("data_source:N", title="Whose figure"))
### END SOLUTION

# %% test="q7" points=2
ex.check("q7", q7_chart)
### BEGIN HIDDEN TESTS
ex.require("q7", q7_chart)
### END HIDDEN TESTS

# %% [markdown]
# ## In your own words
#
# **q8 (4 points, read by a person).** Write a short news paragraph (80–150 words) on what the closure
# of every crossing from 11 October 2025 did to trade between Pakistan and Afghanistan. Include:
#
# - at least one measured figure from `trade.csv`, with its body and period, compared only with the
#   **same body's** figure for the same period a year earlier;
# - at least one claimed loss, reported as a claim with its claimant;
# - what each government set as a condition for reopening (see the lesson), each attributed to who
#   said it.
#
# Write your answer in the next cell (double-click it to edit).

# %% [markdown] open="q8" points=4
# Official figures show trade collapsing after Pakistan closed every crossing on 11 October 2025.
# Pakistan's Ministry of Commerce recorded USD 114 million of trade with Afghanistan in October 2025,
# against USD 247 million in October 2024, a fall of about 54%. For July–December 2025 an unnamed
# official source put trade at USD 594 million, less than half of the USD 1.26 billion a year earlier,
# though that figure was read only on a weaker copy. Traders announced large losses: the All Torkham
# Border Customs Clearing Agents Association claimed that exports worth USD 1.5 million a day were
# lost at Torkham, a claim rather than a measurement. Pakistan tied reopening to Kabul acting against
# the TTP; Taliban spokesman Zabihullah Mujahid said Kabul would reopen trade routes only with
# Pakistani guarantees against future closures.
