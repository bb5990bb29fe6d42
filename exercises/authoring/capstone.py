# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown]
# # Capstone · The TTP or the border?
#
# The course's final assignment. You write a short, evidence-based brief on one question that runs
# through the whole course:
#
# > **Was the 2025 breakdown between Pakistan and the Afghan Taliban government driven more by the TTP or
# > by the border?**
#
# **Practises:** everything the course taught, put to work on one question: computing a percent change
# in pandas, filtering dates, reading a chart, telling a claim from an independent count, assembling a
# claims table that keeps every figure beside its claimant, charting it, and writing an attributed,
# balanced argument. You gather the evidence step by step: the rise in militant violence
# ([lesson 03](../../../notebooks/03_the_ttp_surge.ipynb)), the border closures
# ([lesson 04](../../../notebooks/04_the_border.ipynb)), the claims about the October–November 2025
# fighting ([lesson 06](../../../notebooks/06_october_2025.ipynb)) and the talks
# ([lessons 07](../../../notebooks/07_talks_and_mediators.ipynb) and
# [09](../../../notebooks/09_what_could_help.ipynb)). About **2 hours**.
#
# **How to work.** Each question has a cell that starts with `____`: replace `____` with your answer
# (keep the variable name), run the cell, then run the check cell below it. The check says *Correct*,
# *Not yet* (with what went wrong) or *Not attempted*. `ex.hint("q1")` shows a hint; run it again for
# the next one (three levels, from a nudge to nearly the method).
#
# The checks you see are the visible part of grading: a graded submission also runs hidden tests, and
# your brief (q9) is read by a person with the rubric given there. The brief carries the most points.
#
# > **Content note.** The questions count people killed in militant attacks, air strikes and border
# > fighting, among them civilians and children. They give numbers and who reported them, not
# > descriptions.

# %%
import textwrap

import altair as alt
import pandas as pd

import alliance
from alliance import charts
from alliance.checks import BLANK as ____

alliance.setup()
ex = alliance.exercise("capstone")
violence = alliance.load("violence")
closures = alliance.load("border_closures")
claims = alliance.load("claims")
talks = alliance.load("talks")

# %% [markdown]
# ## Part A · The TTP: how much did militant violence grow?
#
# **q1 (2 points).** Write a function `percent_change(old, new)` that returns the percent change from
# `old` to `new`: positive for a rise, negative for a fall, **not rounded**. Replace the `____` line with
# your `def percent_change(old, new):` block (you wrote one in exercise 03; write it again here).
#
# The check calls `percent_change(419, 693)`: PIPS's deaths in 2022 and 2023. Hidden tests call it on
# other values, so make it work for any two numbers.

# %% solution="q1"
percent_change = ____
### BEGIN SOLUTION
def percent_change(old, new):
    return (new - old) / old * 100
### END SOLUTION

# %% test="q1" points=2
ex.check("q1", percent_change(419, 693) if callable(percent_change) else percent_change)
### BEGIN HIDDEN TESTS
ex.require("q1.hidden", percent_change(1069, 908) if callable(percent_change) else percent_change)
ex.require("q1", percent_change(419, 693) if callable(percent_change) else percent_change)
### END HIDDEN TESTS

# %% [markdown]
# **q2 (2 points).** By what percent did the deaths PIPS counted in Pakistan change from 2021, the year
# the Taliban took Kabul, to 2025? Use `violence` rows with `publisher` PIPS, `metric` fatalities_total,
# `period` annual and `region` Pakistan, and your `percent_change`. Answer with a number, not
# rounded (or rounded to two decimals).

# %% solution="q2"
q2_answer = ____
### BEGIN SOLUTION
pips = violence[(violence["publisher"] == "PIPS") & (violence["metric"] == "fatalities_total")
                & (violence["period"] == "annual") & (violence["region"] == "Pakistan")]
pips_by_year = pips.set_index("year")["value"]
q2_answer = percent_change(pips_by_year[2021], pips_by_year[2025])
### END SOLUTION

# %% test="q2" points=2
ex.check("q2", q2_answer)
### BEGIN HIDDEN TESTS
ex.require("q2", q2_answer)
### END HIDDEN TESTS

# %% [markdown]
# ## Part B · The border: violence and closures side by side
#
# The chart puts the two sides of the question next to each other: on the left, deaths in militant attacks
# as PIPS counts them; on the right, how many border closure episodes began each year, by who closed the
# crossing (from `border_closures.csv`).

# %%
YEARS = list(range(2014, 2026))
CLOSED_BY = {"PAK": "Pakistan", "AFG_TALIBAN": "Afghan Taliban", "AFG_STATE": "Afghan state (before 2021)",
             "both": "Both", "unclear": "Unclear"}
pips_rows = violence[(violence["publisher"] == "PIPS") & (violence["metric"] == "fatalities_total")
                     & (violence["period"] == "annual") & (violence["region"] == "Pakistan")]
begun = (closures.assign(year=closures["start_date"].dt.year,
                         closed_by=closures["closed_by"].astype(str).map(CLOSED_BY))
         .groupby(["year", "closed_by"]).size().reset_index(name="episodes"))
deaths_panel = alt.Chart(pips_rows[["year", "value"]], title=alt.Title(
    "Deaths in militant attacks (PIPS)",
    subtitle=["Attacks only, security operations excluded;", "no PIPS figure for 2019 in the course data",
              *textwrap.wrap(charts.source_line(alliance.sources_for(pips_rows)["source_id"]), 75)])
).mark_bar(color=charts.SIDE_COLOURS["Pakistan"]).encode(
    x=alt.X("year:O", title="Year", scale=alt.Scale(domain=YEARS)),
    y=alt.Y("value:Q", title="Deaths"),
    tooltip=[alt.Tooltip("year:O", title="Year"), alt.Tooltip("value:Q", title="Deaths (PIPS)")],
).properties(width=330, height=220)
closures_panel = alt.Chart(begun, title=alt.Title(
    "Border closure episodes begun",
    subtitle=["Each episode counted in the year it began, by who closed the crossing",
              *textwrap.wrap(charts.source_line(alliance.sources_for(closures)["source_id"]), 75)])
).mark_bar().encode(
    x=alt.X("year:O", title="Year", scale=alt.Scale(domain=YEARS)),
    y=alt.Y("sum(episodes):Q", title="Episodes begun", axis=alt.Axis(tickMinStep=1)),
    color=alt.Color("closed_by:N", title="Closed by", legend=alt.Legend(labelLimit=240), scale=alt.Scale(
        domain=list(CLOSED_BY.values()),
        range=[charts.SIDE_COLOURS["Pakistan"], charts.SIDE_COLOURS["Afghanistan"], "#E69F00", "#999999", "#DDDDDD"])),
    tooltip=[alt.Tooltip("year:O", title="Year"), alt.Tooltip("closed_by:N", title="Closed by"),
             alt.Tooltip("episodes:Q", title="Episodes")],
).properties(width=330, height=220)
alt.hconcat(deaths_panel, closures_panel, title=alt.Title(
    "The TTP and the border, 2014–2025",
    subtitle=["Two different measures on two scales: read each panel on its own axis."]),
    description=("Two bar charts side by side over 2014 to 2025: on the left, deaths in militant attacks in "
                 "Pakistan per year as counted by PIPS, with no bar for 2019; on the right, the number of "
                 "Pakistan–Afghanistan border closure episodes that began each year, coloured by who closed."))

# %% [markdown]
# **q3 (1 point).** Read the left panel: in which year shown did PIPS count the fewest deaths? Answer with
# the year.

# %% solution="q3"
q3_answer = ____
### BEGIN SOLUTION
q3_answer = 2020
### END SOLUTION

# %% test="q3" points=1
ex.check("q3", q3_answer)
### BEGIN HIDDEN TESTS
ex.require("q3", q3_answer)
### END HIDDEN TESTS

# %% [markdown]
# **q4 (2 points).** How many closure episodes did Pakistan start on its own (`closed_by` is `PAK`) from
# the day the Taliban took Kabul, 15 August 2021, to the end of the data? Count an episode by its
# `start_date`, and count that day itself. Answer with a number.

# %% solution="q4"
q4_answer = ____
### BEGIN SOLUTION
since_takeover = closures[(closures["start_date"] >= pd.Timestamp("2021-08-15")) & (closures["closed_by"] == "PAK")]
q4_answer = len(since_takeover)
### END SOLUTION

# %% test="q4" points=2
ex.check("q4", q4_answer)
### BEGIN HIDDEN TESTS
ex.require("q4", q4_answer)
### END HIDDEN TESTS

# %% [markdown]
# Why each of those crossings was closed, as reported (in the course's own words). Use it in your brief:
# which closures followed militant attacks, and which followed disputes over the border itself?

# %%
with pd.option_context("display.max_colwidth", None):
    display(closures[closures["start_date"] >= pd.Timestamp("2021-08-15")][["closure_id", "closed_by", "reason"]])

# %% [markdown]
# ## Part C · Claims and counts
#
# In October and November 2025 each side announced casualty figures. `claims.csv` records every figure with
# who gave it; `claimant_type` says whether that was a party (Pakistani state, Afghan Taliban, TTP), a news
# organisation's own tally (`media tally`), or a UN or independent body (`UN/independent`).
#
# **q5 (1 point).** Shafaq News (claim c068) and UNAMA (claim c069) both give 70 people killed. Which
# statement is right? Read both rows, their `subject` and their `note` first.
#
# - (a) The two figures confirm each other: both count the same 70 dead.
# - (b) Shafaq's "around 70" is a news outlet's tally of the dead on both sides in October, with no source
#   named; UNAMA's 70 counts Afghan civilians killed from October to December, and the course read it only
#   through reports relaying it.
# - (c) Both are claims by the Afghan Taliban government.
# - (d) UNAMA's figure also includes Pakistani soldiers killed in the border fighting.
#
# Answer with one letter, as text (e.g. `"x"`).

# %%
claims[claims["claim_id"].isin(["c068", "c069"])][["claim_id", "incident", "claimant", "claimant_type", "subject",
                                                    "value_low", "note"]]

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
# **q6 (3 points).** Build your claims table, `q6_table`: every claim of people killed, with the
# claimant's figure kept beside the independent count where one exists.
#
# 1. Keep only the rows of `claims` whose `metric` is `killed`.
# 2. The independent counts are the rows whose `claimant_type` is `UN/independent`. For each `incident_id`
#    and `subject`, keep only the latest of them (the latest `claim_date`, since UNAMA revised some figures),
#    and call its `value_low` `independent`.
# 3. The claims are all the other killed rows (the parties and the media tallies). Put each claim beside
#    the independent count for the same `incident_id` **and** `subject`, leaving `independent` empty where
#    there is none.
# 4. Index the table by `claim_id`, with the columns `incident_id`, `subject`, `claimant`, `claimant_type`,
#    `value_low`, `independent` in this order.

# %% solution="q6"
q6_table = ____
### BEGIN SOLUTION
killed = claims[claims["metric"] == "killed"]
independent = (killed[killed["claimant_type"] == "UN/independent"].sort_values("claim_date")
               .drop_duplicates(["incident_id", "subject"], keep="last")
               .rename(columns={"value_low": "independent"})[["incident_id", "subject", "independent"]])
by_parties = killed[killed["claimant_type"] != "UN/independent"]
q6_table = (by_parties.merge(independent, on=["incident_id", "subject"], how="left").set_index("claim_id")
            [["incident_id", "subject", "claimant", "claimant_type", "value_low", "independent"]])
### END SOLUTION

# %% test="q6" points=3
ex.check("q6", q6_table)
### BEGIN HIDDEN TESTS
ex.require("q6", q6_table)
### END HIDDEN TESTS

# %% [markdown]
# **q7 (1 point).** In how many rows of `q6_table` is the claimant's figure (`value_low`) *lower* than the
# independent count beside it? Answer with a number. (Then look at who made those claims and when: is a
# party's figure always the higher one?)

# %% solution="q7"
q7_answer = ____
### BEGIN SOLUTION
q7_answer = int((q6_table["value_low"] < q6_table["independent"]).sum())
### END SOLUTION

# %% test="q7" points=1
ex.check("q7", q7_answer)
### BEGIN HIDDEN TESTS
ex.require("q7", q7_answer)
### END HIDDEN TESTS

# %% [markdown]
# **q8 (2 points).** Make `q8_chart`, a chart for your brief: the claims and the independent counts of
# Afghan civilians killed, side by side. Take the rows of `claims` whose `metric` is `killed` and
# `subject` is `Afghan civilians`, for the incidents where `q6_table` has an independent count, keeping
# the `UN/independent` rows too (no other rows). Draw bars (or points or ticks) with `value_low` on the x
# axis, `claimant` on the y axis and `claimant_type` as the colour, and give the chart a title. You may
# give each incident its own panel with `row="incident:N"` inside `.encode()`.

# %% solution="q8"
q8_chart = ____
### BEGIN SOLUTION
compared = q6_table.loc[q6_table["independent"].notna(), "incident_id"].unique()
civilian_rows = claims[(claims["metric"] == "killed") & (claims["subject"] == "Afghan civilians")
                       & claims["incident_id"].isin(compared)]
q8_chart = alt.Chart(
    civilian_rows[["claim_id", "incident", "claimant", "claimant_type", "subject", "value_low"]],
    title=alt.Title("Afghan civilians killed in four incidents, October–November 2025",
                    subtitle=["Each claim beside the UN/independent counts (UNAMA revised some figures later)",
                              *textwrap.wrap(charts.source_line(alliance.sources_for(civilian_rows)["source_id"]), 90)]),
).mark_bar().encode(
    x=alt.X("value_low:Q", title="People killed (figure given)"),
    y=alt.Y("claimant:N", title=None, axis=alt.Axis(labelLimit=300)),
    color=alt.Color("claimant_type:N", title="Who gave the figure", scale=alt.Scale(
        domain=["Afghan Taliban", "media tally", "UN/independent"],
        range=[charts.SIDE_COLOURS["Afghanistan"], "#999999", charts.SIDE_COLOURS["Independent"]])),
    row=alt.Row("incident:N", title=None, header=alt.Header(labelOrient="top", labelAnchor="start",
                                                            labelAngle=0, labelLimit=500)),
    tooltip=["claim_id", "claimant", "value_low"],
).properties(width=320).resolve_scale(y="independent")
q8_chart
### END SOLUTION

# %% test="q8" points=2
ex.check("q8", q8_chart)
### BEGIN HIDDEN TESTS
ex.require("q8", q8_chart)
### END HIDDEN TESTS

# %% [markdown]
# ## Part D · What each side asked for at the table
#
# The four rounds between Pakistan (party A) and the Afghan Taliban government (party B) after the October
# fighting, with what each side asked for as reported (from `talks.csv`, lessons 07 and 09):

# %%
talks_2025 = talks[(talks["track"] == "PAK-AFG_TALIBAN") & (talks["start_date"] >= pd.Timestamp("2025-10-18"))]
with pd.option_context("display.max_colwidth", None):
    display(talks_2025[["name", "start_date", "party_a_demands", "party_b_demands", "outcome_category"]])

# %% [markdown]
# ## Part E · Your brief
#
# **q9 (8 points, read by a person).** Write a brief of 300–500 words in the next cell (double-click it
# to edit) answering:
# *was the 2025 breakdown between Pakistan and the Afghan Taliban government driven more by the TTP or by
# the border?* You may conclude that both mattered, but say how, and which weighed more.
#
# The rubric:
#
# - a clear, qualified answer: an argument, not a list of facts (1 point);
# - at least three pieces of evidence from different course tables (e.g. `violence`, `border_closures`,
#   `talks`, `claims`), each with its figure or date and its source or publisher (2 points);
# - every disputed figure attributed to its claimant (ISPR, Zabihullah Mujahid, the TTP, UNAMA…); no
#   party's claim stated as fact, no claims added to independent counts (1 point);
# - the positions of Pakistan's government or military, of the Afghan Taliban government and of at least
#   one independent observer (UN, a research institute, a mediator or an analyst), each stated fairly and
#   in neutral language (2 points);
# - the limits of the data: publishers that count different things, unverified claims, weaker copies,
#   missing independent counts, preliminary against revised figures (1 point);
# - your own chart (q8) and claims table (q6) used as evidence, saying what they show (1 point).

# %% [markdown] open="q9" points=8
# *Model answer (for instructors).* The evidence points to the TTP as the driver and the border as the
# place where the quarrel turned into fighting between states. PIPS counted 335 deaths in militant attacks
# in Pakistan in 2021 and 1,034 in 2025, a rise of about 209 percent after a low of 220 in 2020 (CRSS, which
# also counts security operations, gives far higher totals under another definition, so the two are not
# combined). The October 2025 spiral began with the deaths of 11 Pakistani soldiers on 7–8 October, an
# attack the TTP claimed to Reuters, and Afghan Taliban forces then attacked border posts, calling it
# retaliation for strikes on Afghan soil. In the talks that followed, Pakistan's demands centred on the
# TTP: verifiable action against it and a written, monitored commitment that Afghan soil would not be used
# for attacks. The Taliban delegation called the TTP Pakistan's internal problem, said Pakistan had started
# the conflict by violating Afghan airspace, and refused to take responsibility for security inside
# Pakistan. The border is more than a stage, though: Pakistan closed crossings on its own six times after
# August 2021, some after disputes over posts and construction at the zero point, and after October 2025 it
# tied reopening to Kabul acting against the TTP, so the border became its means of pressure. Casualty
# figures stay contested: ISPR said 23 Pakistani soldiers were killed on 11–12 October, Zabihullah Mujahid
# said 58; ISPR claimed more than 200 Taliban and affiliated fighters, Mujahid 9. For Afghan civilians,
# six of the eight figures given by the Afghan side and by media tallies were lower than UNAMA's latest
# count for the same incident; UNAMA counted 70 Afghan civilians killed by cross-border attacks from
# October to December, attributing them to Pakistani forces (a report the course read only through relays).
# My chart shows UNAMA's revised Spin Boldak figure above every earlier claim. Limits: there is no
# independent count for the Pakistani side, several figures rest on weaker copies, and the talks record
# reported demands, not the full negotiating positions.

# %% [markdown]
# ## Sources
#
# Every source behind the tables used in this assignment's set-up, charts and questions:

# %%
alliance.show_sources(pips_rows, closures, claims, talks_2025)
