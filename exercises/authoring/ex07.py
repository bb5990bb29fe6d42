# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown]
# # Exercise 07 · Talks and mediators
#
# **Practises:** counting the mediators of the rounds of talks in `talks.csv` (splitting a column that
# holds several ids), measuring how long a round lasted without an off-by-one error, reading a stacked
# bar chart, telling a reported outcome from one side's claim about who broke the talks, measuring how
# many statements in `quotes.csv` the course could verify, and charting your own counts. It belongs to
# [lesson 07 · Talks and mediators](../../../notebooks/07_talks_and_mediators.ipynb). About **35
# minutes**.
#
# **How to work.** Each question has a cell that starts with `____`: replace `____` with your answer
# (keep the variable name), run the cell, then run the check cell below it. The check says *Correct*,
# *Not yet* (with what went wrong) or *Not attempted*. `ex.hint("q1")` shows a hint; run it again for
# the next one (three levels, from a nudge to nearly the method).
#
# The checks you see are the visible part of grading: a graded submission also runs hidden tests, and q7
# is read by a person with a rubric.
#
# > **Content note.** The talks took place during armed clashes and militant attacks in which people
# > died. The questions are about dates, mediators and statements; nothing is described in detail.

# %%
import altair as alt
import pandas as pd

import alliance
from alliance.checks import BLANK as ____
from alliance.lessons import l07_talks_and_mediators as lesson

alliance.setup()
ex = alliance.exercise("ex07")
talks = alliance.load("talks")
quotes = alliance.load("quotes")

# %% [markdown]
# ## Who brought the sides to the table
#
# **q1 (2 points).** The `mediators` column of `talks.csv` lists the mediators or hosts of each round as
# actor ids (`QAT` is Qatar, `TUR` Türkiye, `CHN` China …), several of them separated by `;`. Make
# `q1_series`: a Series indexed by actor id giving the number of rounds in which each mediator took
# part. A round with two mediators counts once for each of them; leave out rounds with no mediator
# named.

# %% solution="q1"
q1_series = ____
### BEGIN SOLUTION
q1_series = talks["mediators"].dropna().str.split(";").explode().value_counts()
### END SOLUTION

# %% test="q1" points=2
ex.check("q1", q1_series)
### BEGIN HIDDEN TESTS
ex.require("q1", q1_series)
### END HIDDEN TESTS

# %% [markdown]
# **q2 (2 points).** How long did a round last? Write a function `days_inclusive(start, end)` that takes
# the first and the last day of a round (pandas Timestamps, like `start_date` and `end_date`) and
# returns the number of days the round lasted, **counting both the first and the last day**, as a whole
# number. Replace the `____` line with your `def days_inclusive(start, end):` block.
#
# The check calls it on the first Istanbul round, 25 to 30 October 2025. Hidden tests call it on every
# round with an end date, so make it work for any two dates.

# %% solution="q2"
days_inclusive = ____
### BEGIN SOLUTION
def days_inclusive(start, end):
    return (end - start).days + 1
### END SOLUTION

# %% test="q2" points=2
ex.check("q2", days_inclusive(pd.Timestamp("2025-10-25"), pd.Timestamp("2025-10-30"))
         if callable(days_inclusive) else days_inclusive)
### BEGIN HIDDEN TESTS
ex.require("q2.hidden", pd.Series({r.round_id: days_inclusive(r.start_date, r.end_date)
                                   for r in talks.dropna(subset=["end_date"]).itertuples()})
           if callable(days_inclusive) else days_inclusive)
ex.require("q2", days_inclusive(pd.Timestamp("2025-10-25"), pd.Timestamp("2025-10-30"))
           if callable(days_inclusive) else days_inclusive)
### END HIDDEN TESTS

# %% [markdown]
# ## How the rounds ended
#
# **q3 (1 point).** The chart below counts the rounds by the course's outcome category, with one
# coloured segment per track. Read it: how many rounds on the **Pakistan–Afghan Taliban government**
# track have the outcome **unclear**? Answer with a number.

# %%
outcomes = (talks.assign(outcome=talks["outcome_category"].astype(str),
                         track=talks["track"].astype(str).map(lesson.TRACK_LABELS))
            .groupby(["outcome", "track"]).size().reset_index(name="rounds"))
outcomes["track_order"] = outcomes["track"].map({t: i for i, t in enumerate(lesson.TRACKS)})
alt.Chart(outcomes, title=alt.Title(
    "How the rounds of talks ended, by track",
    subtitle=["Rounds of talks, 2021–2025, by the course's outcome category",
              lesson.table_source_line("talks", talks)]),
    description=("Stacked horizontal bars: for each outcome category (agreement, ceasefire, extended, "
                 "unclear, no agreement, collapsed) the number of rounds of talks, split by track "
                 "(Pakistan–TTP, Pakistan–Afghan Taliban government, trilaterals with China)."),
).mark_bar().encode(
    y=alt.Y("outcome:N", sort=lesson.OUTCOMES, title="Outcome"),
    x=alt.X("sum(rounds):Q", title="Rounds (count)", axis=alt.Axis(tickMinStep=1, format="d")),
    color=alt.Color("track:N", title="Track", sort=lesson.TRACKS,
                    legend=alt.Legend(orient="bottom", columns=1, labelLimit=320)),
    order=alt.Order("track_order:Q"),
    tooltip=[alt.Tooltip("outcome:N", title="Outcome"), alt.Tooltip("track:N", title="Track"),
             alt.Tooltip("rounds:Q", title="Rounds")],
).properties(width=420)

# %% solution="q3"
q3_answer = ____
### BEGIN SOLUTION
q3_answer = 4
### END SOLUTION

# %% test="q3" points=1
ex.check("q3", q3_answer)
### BEGIN HIDDEN TESTS
ex.require("q3", q3_answer)
### END HIDDEN TESTS

# %% [markdown]
# ## Outcomes and claims
#
# **q4 (1 point).** The second Istanbul round (6–7 November 2025, `round_id`
# `pak-afg-2025-11-06-istanbul-2`) ended without a deal. Read its `outcome` and `note` in `talks.csv`.
# Which sentence does the course record as what happened, rather than as one side's claim about who was
# to blame?
#
# - (a) The Afghan delegation agreed verbally but would not sign.
# - (b) The round ended without agreement on the monitoring mechanism.
# - (c) Pakistan's "irresponsible and non-cooperative attitude" made the talks fail.
# - (d) Elements in Pakistan's military and intelligence obstructed the process.
#
# Answer with one letter, as a string (for example `"a"`).

# %% solution="q4"
q4_answer = ____
### BEGIN SOLUTION
istanbul_2 = talks.set_index("round_id").loc["pak-afg-2025-11-06-istanbul-2"]
print(istanbul_2["outcome"])
print(istanbul_2["note"])
q4_answer = "b"
### END SOLUTION

# %% test="q4" points=1
ex.check("q4", q4_answer)
### BEGIN HIDDEN TESTS
ex.require("q4", q4_answer)
### END HIDDEN TESTS

# %% [markdown]
# ## How far the statements could be verified
#
# **q5 (2 points).** `quotes.csv` says for each statement whether the course read the named outlet's own
# report (`original_located` is `yes`), saw it only second-hand (`no`), or found different wordings
# (`partial`). What percent of the quotes by the **Afghan Taliban government** (`affiliation`) are
# marked `yes`? Give a number between 0 and 100 (no need to round).

# %% solution="q5"
q5_answer = ____
### BEGIN SOLUTION
taliban = quotes[quotes["affiliation"] == "Afghan Taliban government"]
q5_answer = (taliban["original_located"] == "yes").mean() * 100
### END SOLUTION

# %% test="q5" points=2
ex.check("q5", q5_answer)
### BEGIN HIDDEN TESTS
ex.require("q5", q5_answer)
### END HIDDEN TESTS

# %% [markdown]
# ## Your own chart
#
# **q6 (2 points).** Make `q6_chart`: chart your answer to q1 as a bar chart, one bar per mediator. Make
# a table with two columns, `mediator` (the actor id) and `rounds` (the count), put `mediator` on the y
# axis and `rounds` on the x axis, and give the chart a title.

# %% solution="q6"
q6_chart = ____
### BEGIN SOLUTION
mediator_table = q1_series.rename_axis("mediator").reset_index(name="rounds")
q6_chart = alt.Chart(mediator_table, title="Rounds of talks per mediator or host, 2021–2025")
q6_chart = q6_chart.mark_bar().encode(y=alt.Y("mediator:N", sort="-x"), x="rounds:Q")
### END SOLUTION

# %% test="q6" points=2
ex.check("q6", q6_chart)
### BEGIN HIDDEN TESTS
ex.require("q6", q6_chart)
### END HIDDEN TESTS

# %% [markdown]
# ## In your own words
#
# **q7 (4 points, read by a person).** Who broke the 48-hour ceasefire that began on 15 October 2025
# (`round_id` `pak-afg-2025-10-15-ceasefire`)? Using the `note` column of `talks.csv` and the sources
# behind that row (`alliance.sources_for(...)`, see the `caution` column), write 80–150 words: say what
# each side claimed and who made each claim, and what the course's data can and cannot establish. Do not
# declare either side right.
#
# Write your answer in the next cell (double-click it to edit).

# %% [markdown] open="q7" points=4
# The course records two opposite accounts, both as claims. A senior Taliban official said Pakistan
# broke the truce by bombing three places in Paktika on 17 October. Pakistani officials said their
# strikes hit the Hafiz Gul Bahadur group after an attack in North Waziristan. Even who asked for the
# truce is disputed: Pakistan's Foreign Office said the Afghan Taliban requested it, while Zabihullah
# Mujahid said it came at Pakistan's "request and insistence". No independent body in the course's
# sources ruled on either account, so the data can say who blamed whom, not who was right. The Paktika
# reports also rest on weaker copies flagged `caution` in `sources.csv`: an Indian outlet relaying AFP
# and Reuters, and an Afghan aggregator republishing RFE/RL text. A careful answer names both claimants
# and leaves the question open.

# %% [markdown]
# ## Sources
#
# The tables used here cite these sources.

# %%
alliance.show_sources(talks, quotes)
