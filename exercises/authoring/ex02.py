# ---
# jupyter:
#   assignment:
#     name: ex02
#     title: "Exercise 02 · Victory in Kabul"
#     lesson: "02_victory_in_kabul"
#     minutes: 35
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown]
# # Exercise 02 · Victory in Kabul
#
# This exercise goes with lesson **02 · Victory in Kabul**. It practises computing a change in one
# publisher's violence series, counting days between dated events, comparing how well each side's
# statements could be traced, reading a chart, telling a claim from an independent figure, and charting
# one series without mixing report editions. It takes about 35 minutes.
#
# Answer each question in the cell marked for it (replace `____`), then run the check cell below it.
# `ex.hint("q1")` gives a hint; run it again for the next one (three levels per question). The checks
# are the visible part of grading: graded submissions also run hidden tests, and a person grades the
# written answer at the end.

# %%
import altair as alt
import pandas as pd

import alliance
from alliance.checks import BLANK as ____
from alliance.lessons import l02_victory_in_kabul as lesson

alliance.setup()
ex = alliance.exercise("ex02")
events = alliance.load("events")
quotes = alliance.load("quotes")
violence = alliance.load("violence")

# %% [markdown]
# **q1 · Attacks before and after the ceasefire ended (2 points).** Use the PICSS "militant attacks"
# series in `violence`: `definition` is `picss_militant_attacks`, `region` is `Pakistan`, `metric` is
# `attacks`, and take the values from PICSS's H1 2023 release (`vintage` 2023). By how many **percent**
# did the number of attacks in January–June 2023 (`year` 2023, `period` H1) differ from the number in
# January–June 2022 (`year` 2022, `period` H1)? Answer with a number (a rise is positive; 25 means 25%).

# %% solution="q1"
q1_answer = ____
### BEGIN SOLUTION
picss = violence[(violence["definition"] == "picss_militant_attacks") & (violence["vintage"] == 2023)
                 & (violence["region"] == "Pakistan") & (violence["metric"] == "attacks")
                 & (violence["period"] == "H1")]
h1 = picss.set_index("year")["value"]
q1_answer = 100 * (h1[2023] - h1[2022]) / h1[2022]
### END SOLUTION

# %% test="q1" points=2
ex.check("q1", q1_answer)
### BEGIN HIDDEN TESTS
ex.require("q1", q1_answer)
### END HIDDEN TESTS

# %% [markdown]
# **q2 · How long did it last? (2 points).** Write a function `days_between(start, end)` that takes two
# dates written as text (`"YYYY-MM-DD"`) and returns the number of days from `start` to `end` as a whole
# number, counted the way the lesson's ceasefire table counts them: `end` minus `start` (so a ceasefire
# from 9 November to 9 December 2021 lasted 30 days).
#
# Replace `days_between = ____` with your function (`def days_between(start, end): ...`). The check
# tries it on the open-ended ceasefire, from the TTP's announcement on 2 June 2022 to its end on
# 28 November 2022; the hidden tests try other dates.

# %% solution="q2"
days_between = ____
### BEGIN SOLUTION


def days_between(start, end):
    return (pd.Timestamp(end) - pd.Timestamp(start)).days
### END SOLUTION

# %% test="q2" points=2
ex.check("q2", days_between("2022-06-02", "2022-11-28") if callable(days_between) else days_between)
### BEGIN HIDDEN TESTS
ex.require("q2.hidden", [days_between(start, end) for start, end in [
    ("2021-10-01", "2021-12-09"), ("2022-05-13", "2022-05-18"), ("2021-08-15", "2022-11-28"),
    ("2022-11-28", "2023-01-07")]] if callable(days_between) else days_between)
### END HIDDEN TESTS

# %% [markdown]
# **q3 · Whose statements could be traced? (2 points).** In `quotes`, the column `original_located`
# says whether the course read the named outlet's own report (`yes`), found versions whose wording
# differs (`partial`), or saw the words only second-hand (`no`). Make `q3_series`: for each
# `affiliation` (the side a speaker speaks for; only sides with at least one statement), the
# **percentage** of its statements marked `yes`, as a Series indexed by affiliation. Use all the
# statements in the table, dated or not.

# %% solution="q3"
q3_series = ____
### BEGIN SOLUTION
located = quotes["original_located"] == "yes"
q3_series = located.groupby(quotes["affiliation"], observed=True).mean() * 100
### END SOLUTION

# %% test="q3" points=2
ex.check("q3", q3_series)
### BEGIN HIDDEN TESTS
ex.require("q3", q3_series)
### END HIDDEN TESTS

# %% [markdown]
# **q4 · Reading a chart (1 point).** This is the lesson's chart of the PICSS "militant attacks" series,
# all from one release, by half-year.

# %%
lesson.violence_chart(violence)

# %% [markdown]
# Read the deaths panel: how many **more deaths** did PICSS count in January–June 2023 than in
# July–December 2022? Answer with a number of people.

# %% solution="q4"
q4_answer = ____
### BEGIN SOLUTION
q4_answer = 389 - 246  # the labels on the two bars of the right panel
### END SOLUTION

# %% test="q4" points=1
ex.check("q4", q4_answer)
### BEGIN HIDDEN TESTS
ex.require("q4", q4_answer)
### END HIDDEN TESTS

# %% [markdown]
# **q5 · A claim or a count? (1 point).** Here is the timeline's row for the shelling of Chaman on
# 11 December 2022, with who gave the death toll and what the note adds.

# %%
chaman = events.set_index("event_id").loc[["2022-12-11-chaman-cross-border-shelling"],
                                          ["title", "reported_fatalities", "fatalities_claimant", "note"]]
with pd.option_context("display.max_colwidth", None):
    display(chaman.T)

# %% [markdown]
# Which statement about the figure of 6 deaths is right? Answer with a letter.
#
# - (a) It is an independent count: the UN verified it.
# - (b) It is the Afghan Taliban government's figure for the Pakistani dead.
# - (c) It is a figure from one side of the clash, Pakistan's military (ISPR); other reports differ.

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
# **q6 · One series, one edition per year (2 points).** Make `q6_chart`, an Altair line or bar chart
# of the PICSS militant attacks in Pakistan per year, 2019 to 2023 (`definition`
# `picss_militant_attacks`, `region` Pakistan, `period` annual, `metric` attacks). PICSS restated some
# years in later reports, so keep for each year only the value its own report first printed: the rows
# where `vintage` equals `year`. Chart a table with the columns `year` and `value`, `year` on the x
# axis and `value` on the y axis, and give the chart a title.

# %% solution="q6"
q6_chart = ____
### BEGIN SOLUTION
annual = violence[(violence["definition"] == "picss_militant_attacks") & (violence["region"] == "Pakistan")
                  & (violence["period"] == "annual") & (violence["metric"] == "attacks")
                  & (violence["vintage"] == violence["year"]) & violence["year"].between(2019, 2023)]
q6_chart = alt.Chart(annual[["year", "value"]], title="PICSS: militant attacks in Pakistan, 2019–2023").mark_line(
    point=True).encode(x=alt.X("year:O", title="Year"), y=alt.Y("value:Q", title="Militant attacks (count)"))
### END SOLUTION

# %% test="q6" points=2
ex.check("q6", q6_chart)
### BEGIN HIDDEN TESTS
ex.require("q6", q6_chart)
### END HIDDEN TESTS

# %% [markdown]
# **q7 · Written answer (4 points).** PICSS counted more militant attacks in July–December 2022 than
# in January–June 2022, while the open-ended ceasefire was formally in force until 28 November. A
# classmate says this proves the TTP broke the ceasefire. In 80–150 words, say what the PICSS numbers
# can and cannot show, and what each side said about the end of the truce. A person grades this answer
# for evidence, named sources and claimants, and balance.

# %% [markdown] open="q7" points=4
# It does not prove it. PICSS counted 151 militant attacks in January–June 2022 and 228 in
# July–December 2022 (its H1 2023 release), so violence rose while the truce was formally in force.
# But the PICSS "militant attacks" series counts attacks by all militant groups, not only the TTP: the
# deadliest attack of early 2022, on a Shia mosque in Peshawar, was claimed by ISKP. The numbers show
# more attacks, not who carried them out. On the end of the truce the record holds one side's account:
# on 28 November 2022 the TTP called the ceasefire off, blaming military operations in Lakki Marwat and
# elsewhere; Al Jazeera got no response from the military, and the course's sources report no
# government answer. Dawn noted attacks had been rising since September. Who broke the truce stays a
# claim, not a finding.

# %% [markdown]
# ## Sources

# %%
picss_annual = violence[(violence["definition"] == "picss_militant_attacks") & (violence["region"] == "Pakistan")
                        & (violence["period"] == "annual") & (violence["metric"] == "attacks")
                        & (violence["vintage"] == violence["year"]) & violence["year"].between(2019, 2023)]
chaman_row = events[events["event_id"] == "2022-12-11-chaman-cross-border-shelling"]
alliance.show_sources(lesson.half_year_violence(violence), picss_annual, chaman_row, quotes)
