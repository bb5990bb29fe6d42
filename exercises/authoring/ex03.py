# ---
# jupyter:
#   assignment:
#     name: ex03
#     title: "Exercise 03 · The TTP surge"
#     lesson: "03_the_ttp_surge"
#     minutes: 30
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown]
# # Exercise 03 · The TTP surge
#
# Answer each question in the cell marked for it, then run the check cell below it.
# `ex.hint("q1")` gives a hint; run it again for the next one (three levels).

# %%
import altair as alt

import alliance
from alliance.checks import BLANK as ____

alliance.setup()
ex = alliance.exercise("ex03")
violence = alliance.load("violence")

# %% [markdown]
# **q1.** How many more people did PIPS count as killed in Pakistan in 2024 than in 2021?

# %% solution="q1"
q1_answer = ____
### BEGIN SOLUTION
pips = violence[(violence["publisher"] == "PIPS") & (violence["metric"] == "fatalities_total")
                & (violence["period"] == "annual") & (violence["region"] == "Pakistan")]
by_year = pips.set_index("year")["value"].sort_index()
q1_answer = by_year[2024] - by_year[2021]
### END SOLUTION

# %% test="q1" points=2
ex.check("q1", q1_answer)
### BEGIN HIDDEN TESTS
ex.require("q1", q1_answer)
### END HIDDEN TESTS

# %% [markdown]
# **q2.** Make `q2_series`: PIPS deaths per year for 2020–2025, a Series indexed by year.

# %% solution="q2"
q2_series = ____
### BEGIN SOLUTION
q2_series = by_year.loc[2020:2025].astype(float)
### END SOLUTION

# %% test="q2" points=2
ex.check("q2", q2_series)
### BEGIN HIDDEN TESTS
ex.require("q2", q2_series)
### END HIDDEN TESTS

# %% [markdown]
# **q3.** Which definition counts militants killed in security operations?
# (a) `pips_attacks`, (b) `crss_terror_counterterror`, (c) `picss_militant_attacks`. Answer with a letter.

# %% solution="q3"
q3_answer = ____
### BEGIN SOLUTION
q3_answer = "b"
### END SOLUTION

# %% test="q3" points=1
ex.check("q3", q3_answer)
### BEGIN HIDDEN TESTS
ex.require("q3", q3_answer)
### END HIDDEN TESTS

# %% [markdown]
# **q4.** Chart `q2_series` as a line over the years, with a title.

# %% solution="q4"
q4_chart = ____
### BEGIN SOLUTION
q4_chart = alt.Chart(q2_series.reset_index(), title="PIPS: deaths in militant attacks, 2020–2025").mark_line().encode(
    x="year:O", y="value:Q")
### END SOLUTION

# %% test="q4" points=2
ex.check("q4", q4_chart)
### BEGIN HIDDEN TESTS
ex.require("q4", q4_chart)
### END HIDDEN TESTS

# %% [markdown] open="q5" points=4
# CRSS counts deaths in attacks and in security operations, militants included; PIPS counts
# deaths in militant attacks only. So CRSS's total for the same year is larger.
