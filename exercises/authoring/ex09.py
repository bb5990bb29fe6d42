# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown]
# # Exercise 09 · What could help
#
# **Practises:** filtering and counting the recorded positions on the four options in
# `option_views.csv`, reading the lesson's chart, judging how strong the sources behind a position are
# (`sources.csv`), writing the decision matrix's weighted score as a function, charting who is on record,
# and writing a short answer that attributes every position. It belongs to
# [lesson 09 · What could help](../../../notebooks/09_what_could_help.ipynb). About **35 minutes**.
#
# **How to work.** Each question has a cell that starts with `____`: replace `____` with your answer
# (keep the variable name), run the cell, then run the check cell below it. The check says *Correct*,
# *Not yet* (with what went wrong) or *Not attempted*. `ex.hint("q1")` shows a hint; run it again for
# the next one (three levels, from a nudge to nearly the method).
#
# The checks you see are the visible part of grading: a graded submission also runs hidden tests, and
# q7 is read by a person with a rubric.

# %%
import altair as alt
import pandas as pd

import alliance
from alliance.checks import BLANK as ____
from alliance.lessons import l09_what_could_help as lesson

alliance.setup()
ex = alliance.exercise("ex09")
options = alliance.load("options")
views = alliance.load("option_views")
sources = alliance.load("sources")

# %% [markdown]
# ## Who is on record
#
# The recorded positions, one row per party's or writer's stated position on one option
# (`stance`: for, conditions, doubt, against):

# %%
views[["view_id", "option_id", "stance", "holder", "holder_type", "date"]]

# %% [markdown]
# **q1 (2 points).** How many of the recorded positions in `views` are held by one of the two
# governments, that is, whose `holder_type` is `Pakistani state` or `Afghan Taliban`? Answer with a
# number.

# %% solution="q1"
q1_answer = ____
### BEGIN SOLUTION
governments = views[views["holder_type"].isin(["Pakistani state", "Afghan Taliban"])]
q1_answer = len(governments)
### END SOLUTION

# %% test="q1" points=2
ex.check("q1", q1_answer)
### BEGIN HIDDEN TESTS
ex.require("q1", q1_answer)
### END HIDDEN TESTS

# %% [markdown]
# **q2 (2 points).** Make `q2_counts`: for each option, the number of recorded positions whose `stance` is
# `against` or `doubt`. It should be a Series indexed by `option_id`, one value per option.

# %% solution="q2"
q2_counts = ____
### BEGIN SOLUTION
opposed = views[views["stance"].isin(["against", "doubt"])]
q2_counts = opposed.groupby("option_id").size()
### END SOLUTION

# %% test="q2" points=2
ex.check("q2", q2_counts)
### BEGIN HIDDEN TESTS
ex.require("q2", q2_counts)
### END HIDDEN TESTS

# %% [markdown]
# **q3 (1 point).** The lesson's chart below counts the recorded positions on each option by stance. Read
# it: which option has the most positions *for* it? Answer with one letter, as text (e.g. `"x"`).
#
# - (a) Third-party monitoring of border incidents
# - (b) Limited intelligence-sharing
# - (c) Reopening crossings under neutral supervision
# - (d) Aid and trade incentives tied to action

# %%
lesson.views_by_stance(views)

# %% solution="q3"
q3_answer = ____
### BEGIN SOLUTION
q3_answer = "c"
### END SOLUTION

# %% test="q3" points=1
ex.check("q3", q3_answer)
### BEGIN HIDDEN TESTS
ex.require("q3", q3_answer)
### END HIDDEN TESTS

# %% [markdown]
# ## How strong is the record?
#
# **q4 (2 points).** `sources.csv` marks a weaker copy (a mirror, an aggregator, a blog or a site of unknown
# standing) with `caution` = `True`. A position rests *only* on weaker copies when every source in its
# `source_ids` (separated by `;`) has `caution` = `True`. How many of the recorded positions rest only on
# weaker copies? Answer with a number.

# %% solution="q4"
q4_answer = ____
### BEGIN SOLUTION
cited = views.assign(source_id=views["source_ids"].str.split(";")).explode("source_id")
cited["caution"] = cited["source_id"].map(sources.set_index("source_id")["caution"])
q4_answer = int(cited.groupby("view_id")["caution"].all().sum())
### END SOLUTION

# %% test="q4" points=2
ex.check("q4", q4_answer)
### BEGIN HIDDEN TESTS
ex.require("q4", q4_answer)
### END HIDDEN TESTS

# %% [markdown]
# ## The decision matrix as a function
#
# **q5 (2 points).** The lesson's decision matrix scores an option by its weighted average: the sum over
# criteria of weight × score, divided by the sum of the weights. Write a function `weighted_score(scores,
# weights)` that returns this score for one option, **not rounded**. `scores` and `weights` are
# dictionaries keyed by criterion, for example `scores = {"attacks": 4, "kabul": 2}` and `weights =
# {"attacks": 1, "kabul": 3}`. Replace `weighted_score = ____` with your `def`. The check calls your
# function on exactly these two dictionaries; the hidden test tries others.

# %% solution="q5"
weighted_score = ____
### BEGIN SOLUTION
def weighted_score(scores, weights):
    return sum(weights[c] * scores[c] for c in weights) / sum(weights.values())
### END SOLUTION

# %% test="q5" points=2
ex.check("q5", weighted_score({"attacks": 4, "kabul": 2}, {"attacks": 1, "kabul": 3})
         if callable(weighted_score) else weighted_score)
### BEGIN HIDDEN TESTS
ex.require("q5.hidden", weighted_score({"attacks": 5, "civilians": 1, "speed": 2},
                                       {"attacks": 0, "civilians": 4, "speed": 1})
           if callable(weighted_score) else weighted_score)
ex.require("q5", weighted_score({"attacks": 4, "kabul": 2}, {"attacks": 1, "kabul": 3})
           if callable(weighted_score) else weighted_score)
### END HIDDEN TESTS

# %% [markdown]
# ## Charting who is on record
#
# **q6 (2 points).** Make `q6_chart`: who is on record, and with which stance? First count the positions
# in pandas into a frame with the columns `holder_type`, `stance` and `positions` (the number of
# positions). Then draw horizontal stacked bars: `holder_type` on the y axis, `positions` on the x axis,
# `stance` as the colour. Give the chart a title.

# %% solution="q6"
q6_chart = ____
### BEGIN SOLUTION
by_holder = views.groupby(["holder_type", "stance"], observed=True).size().reset_index(name="positions")
q6_chart = alt.Chart(by_holder, title="Recorded positions on the four options, by holder and stance").mark_bar().encode(
    y=alt.Y("holder_type:N", title=None), x=alt.X("positions:Q", title="Recorded positions"),
    color=alt.Color("stance:N", title="Stance",
                    scale=alt.Scale(domain=lesson.STANCES, range=lesson.STANCE_COLOURS)))
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
# **q7 (4 points, read by a person).** Choose one of the four options. Who is on record for it, and who
# against it or doubting it? What does each government ask of the other before the option could work? Name
# each holder and the date of their position, and close with one thing the recorded positions cannot tell
# you (about 150 words). Write your answer in the next cell (double-click it to edit).

# %% [markdown] open="q7" points=4
# *Model answer (monitoring).* Pakistan asked for it: the Foreign Office spokesperson Tahir Andrabi called
# on 24 October 2025 for a concrete, verifiable mechanism to monitor terrorism from Afghan soil, and on
# 30 October Türkiye's foreign ministry, for the mediators, announced that both sides had agreed to a
# monitoring and verification mechanism. The same day Khawaja Asif, Pakistan's defence minister, set a
# condition: no verbal promises, every commitment written down and witnessed by Qatar and Türkiye. At the
# second Istanbul round (7 November) the Afghan Taliban delegation refused to take responsibility for
# security inside Pakistan and offered verbal assurances only, as both sides reported. TOLOnews reported
# the Afghan side's account that Pakistan wanted the right to strike on Afghan territory; the course has
# that only through a weaker copy. Asif Durrani, a columnist in The News, doubted that Taliban officials
# would put written assurances behind a mechanism. So Islamabad asks for written, verifiable commitments,
# and Kabul will not carry responsibility for security inside Pakistan. Limits: six positions are what the
# course found, not a poll, and two of them rest only on weaker copies.

# %% [markdown]
# ## Sources

# %%
alliance.show_sources(options, views)
