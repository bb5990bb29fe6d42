# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown]
# # Exercise 05 · People on the move
#
# **Practises:** reading the counts of Afghans in Pakistan the way the lesson does: telling a
# **stock** (people present on a date) from a **flow** (people leaving over a period), a **running
# total** from a **one-period count**, and one counter (the Government of Pakistan, UNHCR, IOM) from
# another; grouping estimates by publisher; reading the repatriation plan's timeline; charting one
# counter's running totals. It belongs to
# [lesson 05 · People on the move](../../../notebooks/05_people_on_the_move.ipynb). About **30 minutes**.
#
# **How to work.** Each question has a cell that starts with `____`: replace `____` with your
# answer (keep the variable name), run the cell, then run the check cell below it. The check says
# *Correct*, *Not yet* (with what went wrong) or *Not attempted*. `ex.hint("q1")` shows a hint; run it
# again for the next one (three levels, from a nudge to nearly the method).
#
# The checks you see are the visible part of grading: a graded submission also runs hidden tests,
# and q7 is read by a person with a rubric.
#
# > **Content note.** The figures are about people made to leave the country where many of them had
# > lived for years: arrests, detention and deportation. They give numbers, not descriptions.
#
# The tables: `refugees` (`refugees.csv`: stocks and returns, who counted, from when) and `phases`
# (`repatriation_phases.csv`). `course_data/CODEBOOK.md` explains every column.

# %%
import altair as alt
import pandas as pd

import alliance
from alliance.checks import BLANK as ____
from alliance.lessons import l05_people_on_the_move as lesson

alliance.setup()
ex = alliance.exercise("ex05")
refugees = alliance.load("refugees")
phases = alliance.load("repatriation_phases")

# %% [markdown]
# ## Counting the returns
#
# **q1 (2 points).** UNHCR publishes running totals of returns from Pakistan counted from 1 April
# 2025. Take the rows of `refugees` with `publisher` `"UNHCR"`, `measure` `"returns"` and
# `period_start` 2025-04-01. How many returns did UNHCR count between its figure dated (`period_end`)
# 12 August 2025 and its figure dated 8 November 2025? Answer with one number of people.

# %% solution="q1"
q1_answer = ____
### BEGIN SOLUTION
since_april = refugees[(refugees["publisher"] == "UNHCR") & (refugees["measure"] == "returns")
                       & (refugees["period_start"] == "2025-04-01")].sort_values("period_end")
totals = since_april.set_index("period_end")["value"]
q1_answer = totals[pd.Timestamp("2025-11-08")] - totals[pd.Timestamp("2025-08-12")]
### END SOLUTION

# %% test="q1" points=2
ex.check("q1", q1_answer)
### BEGIN HIDDEN TESTS
ex.require("q1", q1_answer)
### END HIDDEN TESTS

# %% [markdown]
# **q2 (2 points).** A total over a long period is easier to compare with a short one as an average
# per day. Write a function `per_day(people, start, end)` that returns the average number of people
# per day over the period from `start` to `end`, **counting both the first and the last day**. `start`
# and `end` are dates written as text, like `"2025-04-01"`. Do not round the result.
#
# The check runs your function on UNHCR's 869,448 returns from 1 April to 8 November 2025; the hidden
# test runs it on other periods from `refugees`. Replace the line `per_day = ____` with your `def`.

# %% solution="q2"
per_day = ____
### BEGIN SOLUTION
def per_day(people, start, end):
    days = (pd.Timestamp(end) - pd.Timestamp(start)).days + 1
    return people / days
### END SOLUTION

# %% test="q2" points=2
ex.check("q2", per_day(869448, "2025-04-01", "2025-11-08") if callable(per_day) else per_day)
### BEGIN HIDDEN TESTS
ex.require("q2.hidden", pd.Series([per_day(143000, "2025-08-01", "2025-08-31"),
                                   per_day(37448, "2025-10-26", "2025-11-01"),
                                   per_day(55768, "2025-11-02", "2025-11-08")]) if callable(per_day) else per_day)
ex.require("q2", per_day(869448, "2025-04-01", "2025-11-08") if callable(per_day) else per_day)
### END HIDDEN TESTS

# %% [markdown]
# ## How many people, with what papers?
#
# **q3 (2 points).** Several bodies estimated how many registered refugees (PoR card holders) lived in
# Pakistan. Make `q3_table`: from the rows with `measure` `"stock"` and `status` `"PoR"`, a table with
# one row per `publisher` (the index) and three columns, in this order: `estimates` (how many
# figures that publisher gave), `lowest` and `highest` (its smallest and largest `value`).

# %% solution="q3"
q3_table = ____
### BEGIN SOLUTION
por_stock = refugees[(refugees["measure"] == "stock") & (refugees["status"] == "PoR")]
q3_table = por_stock.groupby("publisher").agg(estimates=("value", "size"), lowest=("value", "min"),
                                              highest=("value", "max"))
### END SOLUTION

# %% test="q3" points=2
ex.check("q3", q3_table)
### BEGIN HIDDEN TESTS
ex.require("q3", q3_table)
### END HIDDEN TESTS

# %% [markdown]
# Before you go on, read the `note` of the row `unhcr-2025-06-30-refugee-stock`: not every figure filed
# under a status counts exactly that status.

# %% [markdown]
# ## The plan, phase by phase
#
# The chart below is the lesson's timeline of Pakistan's repatriation plan. Hover over a marker to
# see its exact dates.

# %%
lesson.phases_chart(phases)

# %% [markdown]
# **q4 (1 point).** Read the chart. Some steps took effect **before** they were announced: a
# decision backdated to an earlier day. How many of the steps on the chart took effect before the
# day they were announced? Answer with a whole number.

# %% solution="q4"
q4_answer = ____
### BEGIN SOLUTION
q4_answer = 3  # read off the chart; the table agrees:
q4_answer = int((phases["start_date"] < phases["announced_date"]).sum())
### END SOLUTION

# %% test="q4" points=1
ex.check("q4", q4_answer)
### BEGIN HIDDEN TESTS
ex.require("q4", q4_answer)
### END HIDDEN TESTS

# %% [markdown]
# ## Which figures go together?
#
# **q5 (1 point).** You want to know roughly how many Afghans went back between two dates. Which pair of
# figures can you subtract, one from the other, to find out? Answer with a letter as text.
#
# - **(a)** The Government of Pakistan's 857,157 (undocumented people and ACC holders sent back from
#   1 November 2023 to 10 April 2025) and UNHCR's 1,723,481 (all returns from Pakistan from
#   15 September 2023 to 8 November 2025).
# - **(b)** UNHCR's "more than 554,000" returns since 1 April 2025 (reported around 12 September 2025)
#   and UNHCR's 869,448 returns since 1 April 2025 (to 8 November 2025).
# - **(c)** UNHCR's 143,000 returns in August 2025 and UNHCR's "more than 554,000" returns since
#   1 April 2025.

# %% solution="q5"
q5_answer = ____
### BEGIN SOLUTION
q5_answer = "b"
### END SOLUTION

# %% test="q5" points=1
ex.check("q5", q5_answer)
### BEGIN HIDDEN TESTS
ex.require("q5", q5_answer)
### END HIDDEN TESTS

# %% [markdown]
# ## Your chart
#
# **q6 (2 points).** Make `q6_chart`, an Altair line chart of UNHCR's running totals of returns since
# 1 April 2025: every row of q1's filter (publisher `"UNHCR"`, measure `"returns"`, `period_start`
# 2025-04-01), the latest included. Filter in pandas first, then chart: `x` = `period_end` as dates
# (`:T`), `y` = `value` as a number (`:Q`), with a title that says what the line counts and who
# counted it. Do not add any one-period count to it.

# %% solution="q6"
q6_chart = ____
### BEGIN SOLUTION
from alliance import charts

source = charts.source_line(alliance.sources_for(since_april)["source_id"], limit=6)
q6_chart = alt.Chart(since_april, title=alt.Title(
    "Returns from Pakistan counted by UNHCR since 1 April 2025 (running total)",
    subtitle=source), description=("Line of UNHCR's running totals of returns from Pakistan counted from "
                                   "1 April 2025, one point per published figure.")).mark_line(point=True).encode(
    x=alt.X("period_end:T", title="Date of the figure"),
    y=alt.Y("value:Q", title="Returns since 1 April 2025 (people)"))
q6_chart
### END SOLUTION

# %% test="q6" points=2
ex.check("q6", q6_chart)
### BEGIN HIDDEN TESTS
ex.require("q6", q6_chart)
### END HIDDEN TESTS

# %% [markdown]
# ## In your own words
#
# **q7 (4 points, graded by a person).** The Government of Pakistan said 857,157 people had been sent
# back by 10 April 2025; IOM counted 861,763 returns by 5 April 2025. A classmate says the two
# sources "agree". In 80 to 150 words: what does each figure count (who counted, from which day,
# whom)? Why can they not be treated as one series? What is each ledger useful for? Use the
# `note` and `source_ids` of the rows `gop-2025-04-10-returns` and `iom-2025-04-05-cumulative`, and
# `sources.csv` for how each figure reached the course. Write your answer in the cell below.

# %% [markdown] open="q7" points=4
# The two numbers are close, but they do not measure the same thing. The 857,157 is the Government
# of Pakistan's (Minister of State for Interior Talal Chaudhry): illegal foreign nationals and ACC
# holders repatriated under the plan, counted from 1 November 2023. The 861,763 is IOM's: every Afghan
# who left Pakistan at the crossings it monitors, voluntarily or deported, whatever their papers,
# counted from 15 September 2023. The course read the IOM figure only in a Telugu-language newspaper
# relaying IOM, a weaker copy. With different start days, people and methods they are two ledgers to
# set side by side, not one series, and their closeness proves nothing. The government's total shows
# what the state says its plan achieved; the UN agencies' count shows the whole movement across the
# border, including people who left before a deadline.

# %% [markdown]
# ## Sources
#
# Where the figures in this exercise come from (every row of `refugees` and `phases`):

# %%
alliance.show_sources(refugees, phases)
