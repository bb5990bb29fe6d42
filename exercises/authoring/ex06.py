# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown]
# # Exercise 06 · October 2025: who claimed what
#
# **Practises:** working with casualty **claims**: naming who made each one, keeping a party's claim
# apart from an independent count, computing how far apart claims are (with a function of your own),
# comparing claimants side by side, reading the lesson's claims chart, checking how a statement
# reached the course, and charting one incident's claims. It belongs to
# [lesson 06 · October 2025](../../../notebooks/06_october_2025.ipynb). About **35 minutes**.
#
# **How to work.** Each question has a cell that starts with `____`: replace `____` with your
# answer (keep the variable name), run the cell, then run the check cell below it. The check says
# *Correct*, *Not yet* (with what went wrong) or *Not attempted*. `ex.hint("q1")` shows a hint; run it
# again for the next one (three levels, from a nudge to nearly the method).
#
# The checks you see are the visible part of grading: a graded submission also runs hidden tests,
# and q8 is read by a person with a rubric.
#
# > **Content note.** The figures in this exercise are deaths and injuries, among them children.
# > Each number stands for people. Write about them with care: say who gives a figure, and do not
# > treat a toll as a score.
#
# The tables: `claims` (`claims.csv`: each row one claim by a named claimant), `events`
# (`events.csv`: the timeline) and `quotes` (`quotes.csv`: statements and whether the course found the
# original). `course_data/CODEBOOK.md` explains every column.

# %%
import altair as alt
import pandas as pd

import alliance
from alliance.checks import BLANK as ____
from alliance.lessons import l06_october_2025 as lesson

alliance.setup()
ex = alliance.exercise("ex06")
claims = alliance.load("claims")
events = alliance.load("events")
quotes = alliance.load("quotes")

# %% [markdown]
# ## An independent count, revised
#
# **q1 (2 points).** UNAMA, the UN mission in Afghanistan, gave two figures for the Afghan civilians
# killed in the fighting around Spin Boldak on 15 October 2025: a first one the next day, and a revised
# one in its report of February 2026. Take the rows of `claims` with `incident_id`
# `"2025-10-15-spin-boldak-chaman-clash"`, `claimant_type` `"UN/independent"` and `metric` `"killed"`.
# By how many people did the revised figure exceed the first? Answer with one number.

# %% solution="q1"
q1_answer = ____
### BEGIN SOLUTION
unama = claims[(claims["incident_id"] == "2025-10-15-spin-boldak-chaman-clash")
               & (claims["claimant_type"] == "UN/independent") & (claims["metric"] == "killed")]
unama = unama.sort_values("claim_date")
q1_answer = unama["value_low"].iloc[-1] - unama["value_low"].iloc[0]
### END SOLUTION

# %% test="q1" points=2
ex.check("q1", q1_answer)
### BEGIN HIDDEN TESTS
ex.require("q1", q1_answer)
### END HIDDEN TESTS

# %% [markdown]
# ## How far apart are the claims?
#
# **q2 (2 points).** Write a function `claim_ratio(frame)`. It is given some rows of `claims` about the
# same group's deaths and returns the **highest figure claimed divided by the lowest**:
#
# - a claim's highest figure is its `value_high`, or its `value_low` where `value_high` is empty (a
#   "more than N" claim gives only N);
# - the lowest is the smallest `value_low`.
#
# Do not round. The check runs your function on the two claims of Pakistani soldiers killed on the night
# of 11–12 October (rows `c005` and `c009`, the lesson's worked example); the hidden test runs it on
# other groups of claims. Replace the line `claim_ratio = ____` with your `def`.

# %% solution="q2"
claim_ratio = ____
### BEGIN SOLUTION
def claim_ratio(frame):
    top = frame["value_high"].fillna(frame["value_low"])
    return top.max() / frame["value_low"].min()
### END SOLUTION

# %% test="q2" points=2
ex.check("q2", claim_ratio(claims[claims["claim_id"].isin(["c005", "c009"])]) if callable(claim_ratio)
         else claim_ratio)
### BEGIN HIDDEN TESTS
ex.require("q2.hidden", pd.Series([claim_ratio(claims[claims["claim_id"].isin(ids)]) for ids in [
    ["c007", "c011"], ["c047", "c048"], ["c034", "c035"], ["c017", "c019", "c023", "c025"]]])
    if callable(claim_ratio) else claim_ratio)
ex.require("q2", claim_ratio(claims[claims["claim_id"].isin(["c005", "c009"])]) if callable(claim_ratio)
           else claim_ratio)
### END HIDDEN TESTS

# %% [markdown]
# A ratio says nothing about which figure is right. When the highest claim is "more than N", the ratio
# is only the least the gap could be.
#
# **q3 (2 points).** Put the two sides' claims about the night of 11–12 October side by side. Make
# `q3_table`: from the rows with `incident_id` `"2025-10-11-border-clashes"` and `metric` `"killed"`,
# a table with one row per `subject` (the index) and one column per `claimant_type`, in the order
# `"Pakistani state"`, `"Afghan Taliban"`, holding `value_low`.

# %% solution="q3"
q3_table = ____
### BEGIN SOLUTION
night = claims[(claims["incident_id"] == "2025-10-11-border-clashes") & (claims["metric"] == "killed")]
q3_table = night.pivot(index="subject", columns="claimant_type", values="value_low")[
    ["Pakistani state", "Afghan Taliban"]]
q3_table
### END SOLUTION

# %% test="q3" points=2
ex.check("q3", q3_table)
### BEGIN HIDDEN TESTS
ex.require("q3", q3_table)
### END HIDDEN TESTS

# %% [markdown]
# Read your table across each row: how does each side's figure for its own dead compare with the
# other side's figure for them? Neither figure was independently verified.
#
# ## Reading the claims chart
#
# The chart below is the lesson's comparison of death claims: one row per incident and group, one
# marker per claim, coloured and shaped by the type of claimant. A line joins the ends of a range; a
# dashed arrow means "or more".

# %%
lesson.spread_chart(claims)

# %% [markdown]
# **q4 (1 point).** In the row **15 Oct · Spin Boldak / Chaman: Afghan civilians**, which type of
# claimant gave the highest death figure? Answer with the type as the legend names it, as text.

# %% solution="q4"
q4_answer = ____
### BEGIN SOLUTION
q4_answer = "UN/independent"
### END SOLUTION

# %% test="q4" points=1
ex.check("q4", q4_answer)
### BEGIN HIDDEN TESTS
ex.require("q4", q4_answer)
### END HIDDEN TESTS

# %% [markdown]
# ## Whose figure is it?
#
# **q5 (1 point).** The timeline (`events`) gives a death toll for the fighting around Spin Boldak on
# 15 October (`event_id` `"2025-10-15-spin-boldak-fighting"`). A classmate quotes it as "the
# independent count". Look up who gave that figure (`fatalities_claimant`). Which claimant type, as
# `claims.csv` names them, does that claimant belong to? Answer with one of `"Pakistani state"`,
# `"Afghan Taliban"`, `"TTP"`, `"UN/independent"` or `"media tally"`.

# %% solution="q5"
q5_answer = ____
### BEGIN SOLUTION
spin = events.set_index("event_id").loc["2025-10-15-spin-boldak-fighting"]
print(spin["reported_fatalities"], "reported by", spin["fatalities_claimant"])
q5_answer = "Afghan Taliban"
### END SOLUTION

# %% test="q5" points=1
ex.check("q5", q5_answer)
### BEGIN HIDDEN TESTS
ex.require("q5", q5_answer)
### END HIDDEN TESTS

# %% [markdown]
# **q6 (1 point).** Statements travel through many outlets, and translations differ. How many quotes
# in `quotes` dated in October 2025 (1 to 31 October, both included) have an `original_located` value
# other than `"yes"`? Answer with one number.

# %% solution="q6"
q6_answer = ____
### BEGIN SOLUTION
october = quotes[(quotes["date"] >= "2025-10-01") & (quotes["date"] <= "2025-10-31")]
q6_answer = int((october["original_located"] != "yes").sum())
### END SOLUTION

# %% test="q6" points=1
ex.check("q6", q6_answer)
### BEGIN HIDDEN TESTS
ex.require("q6", q6_answer)
### END HIDDEN TESTS

# %% [markdown]
# ## Your chart
#
# **q7 (2 points).** Make `q7_chart`, an Altair chart of every claim of deaths about the Paktika strikes
# of 17 October: the rows with `incident_id` `"2025-10-17-paktika-strikes"` and `metric` `"killed"`.
# Filter in pandas first. Draw one bar (or point) per claim: `x` = `value_low` as a number (`:Q`),
# `y` = `claimant` (`:N`), `color` = `claimant_type`, and a title that says these are **claims** and
# about what. Add `subject` to a tooltip if you like: the claims do not all count the same people.

# %% solution="q7"
q7_chart = ____
### BEGIN SOLUTION
from alliance import charts

paktika = claims[(claims["incident_id"] == "2025-10-17-paktika-strikes") & (claims["metric"] == "killed")]
source = charts.wrap_source_text(charts.source_line(alliance.sources_for(paktika)["source_id"], limit=10))
q7_chart = alt.Chart(paktika, title=alt.Title(
    "Paktika strikes, 17 October 2025: deaths as each claimant reported them",
    subtitle=["Lowest figure of each claim; the claims count different groups (see the tooltip).", *source],
), description=("Bar chart of the death claims about the Paktika strikes of 17 October 2025, one bar per "
                "claimant, coloured by the type of claimant.")).mark_bar().encode(
    x=alt.X("value_low:Q", title="Deaths claimed (people; lowest figure of the claim)"),
    y=alt.Y("claimant:N", title=None, sort="-x", axis=alt.Axis(labelLimit=320)),
    color=alt.Color("claimant_type:N", title="Who made the claim",
                    scale=alt.Scale(domain=lesson.CLAIMANT_TYPES, range=lesson.TYPE_COLOURS)),
    tooltip=["claimant", "claimant_type", "subject", "value_low", "value_high"])
q7_chart
### END SOLUTION

# %% test="q7" points=2
ex.check("q7", q7_chart)
### BEGIN HIDDEN TESTS
ex.require("q7", q7_chart)
### END HIDDEN TESTS

# %% [markdown]
# ## In your own words
#
# **q8 (4 points, graded by a person).** In 100 to 180 words, compare the death figures for the
# Paktika strikes of 17 October 2025 (your chart, and the `note` and `source_ids` of those rows). Who
# gave each figure, and what kind of claimant is each? Whom does each figure count? Which one is an
# independent count, and what are its limits? How did the figures reach the course (`sources.csv`,
# `caution`)? What can, and cannot, be concluded? Attribute every number and write with care for the
# people killed. Write your answer in the cell below.

# %% [markdown] open="q8" points=4
# The figures count different people. On Pakistan's side, Information Minister Attaullah Tarar said
# the strikes killed 60–70 members and leaders of the Hafiz Gul Bahadur group and rejected any
# civilian deaths, and Pakistani security officials spoke of more than 70 militants; both claims
# reached the course only through small outlets (AnsarPress, A1 News), flagged as weaker copies. On
# the Afghan side, the Afghanistan Cricket Board said eight people were killed, three of them club
# cricketers (its later "three" counts the cricketers only), and Afghan security sources said 17
# civilians. A provincial hospital official told AFP ten, two of them children. UNAMA, the only
# independent body, counted 11 civilians, in a report of February 2026 read through a DID Press
# summary; it counts civilians on the Afghan side only. The figures need not contradict one another,
# since a strike can kill both militants and civilians. What does conflict is Pakistan's denial of
# civilian deaths against the civilian counts of UNAMA, the hospital and Afghan officials. No one
# outside the two governments could check the militants' toll.

# %% [markdown]
# ## Sources
#
# Where the figures in this exercise come from (the rows of `claims`, the timeline of October to
# December 2025, and the quotes of October 2025):

# %%
alliance.show_sources(claims, lesson.recent_events(events),
                      quotes[(quotes["date"] >= "2025-10-01") & (quotes["date"] <= "2025-10-31")])
