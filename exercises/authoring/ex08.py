# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown]
# # Exercise 08 · The wider board
#
# **Practises:** filtering the ties in `relations.csv` by direction, year and the kind of actor
# (`actors.csv`), reading a tie's years without an off-by-one error, reading a stacked bar chart of the
# sources behind the ties, measuring how many of them are weaker copies (`sources.csv`), telling
# recognition from lesser diplomatic steps and an accusation from a fact, and charting your own counts.
# It belongs to [lesson 08 · The wider board](../../../notebooks/08_the_wider_board.ipynb). About **40
# minutes**.
#
# **How to work.** Each question has a cell that starts with `____`: replace `____` with your answer
# (keep the variable name), run the cell, then run the check cell below it. The check says *Correct*,
# *Not yet* (with what went wrong) or *Not attempted*. `ex.hint("q1")` shows a hint; run it again for
# the next one (three levels, from a nudge to nearly the method).
#
# The checks you see are the visible part of grading: a graded submission also runs hidden tests, and q8
# is read by a person with a rubric.
#
# > **Content note.** Some ties in the data are hostile: attacks by armed groups and air strikes in
# > which people died. The questions are about who deals with whom; nothing is described in detail.

# %%
import altair as alt
import pandas as pd

import alliance
from alliance import charts
from alliance.checks import BLANK as ____

alliance.setup()
ex = alliance.exercise("ex08")
relations = alliance.load("relations")
actors = alliance.load("actors")
events = alliance.load("events")
sources = alliance.load("sources")

# %% [markdown]
# ## Who deals with the Taliban since 2021
#
# **q1 (2 points).** Each row of `relations.csv` is a tie from `from_actor` to `to_actor`, of one type
# (`tie`), with a `start_year`. Make `q1_series`: for the ties that point **to** the Afghan Taliban
# (`to_actor` is `AFG_TALIBAN`), **began in 2021 or later**, and come **from a state** (the `from_actor`
# has `type` `state` in `actors.csv`), the number of ties of each type. The result is a Series indexed
# by tie type.

# %% solution="q1"
q1_series = ____
### BEGIN SOLUTION
states = actors.loc[actors["type"] == "state", "actor_id"]
to_taliban = relations[(relations["to_actor"] == "AFG_TALIBAN") & (relations["start_year"] >= 2021)
                       & relations["from_actor"].isin(states)]
q1_series = to_taliban["tie"].astype(str).value_counts()
### END SOLUTION

# %% test="q1" points=2
ex.check("q1", q1_series)
### BEGIN HIDDEN TESTS
ex.require("q1", q1_series)
### END HIDDEN TESTS

# %% [markdown]
# **q2 (2 points).** The lesson reads a tie's years like this: a tie is **in force** in a year when the
# year is not before its `start_year` and not after its `end_year`; an empty `end_year` (`pd.NA`) means
# the tie was still in force at the latest source. Write a function `in_force(start, end, year)` that
# returns `True` or `False` by this rule (`start` is always given; `end` may be `pd.NA`). Replace the
# `____` line with your `def in_force(start, end, year):` block.
#
# The check calls `in_force(1997, 2001, 2001)`: Pakistan's recognition of the first Taliban government,
# in its last year. Hidden tests count, with your function, the ties in force in every year from 1990 to
# 2025, so make it work for any tie and year.

# %% solution="q2"
in_force = ____
### BEGIN SOLUTION
def in_force(start, end, year):
    return bool(start <= year and (pd.isna(end) or year <= end))
### END SOLUTION

# %% test="q2" points=2
ex.check("q2", in_force(1997, 2001, 2001) if callable(in_force) else in_force)
### BEGIN HIDDEN TESTS
ex.require("q2.hidden", pd.Series({year: sum(bool(in_force(start, end, year))
                                             for start, end in zip(relations["start_year"],
                                                                   relations["end_year"])
                                             if pd.notna(start))
                                   for year in range(1990, 2026)})
           if callable(in_force) else in_force)
ex.require("q2", in_force(1997, 2001, 2001) if callable(in_force) else in_force)
### END HIDDEN TESTS

# %% [markdown]
# ## Who the sources are
#
# **q3 (1 point).** Who are the sources behind `relations.csv`? The chart counts them (each source once)
# by the kind of publisher, coloured by the perspective `sources.csv` gives each one. Read it: which
# **kind** of publisher supplies the most sources with an **independent** perspective? Answer with the
# kind as the chart writes it.

# %%
relation_sources = alliance.sources_for(relations)
by_kind = (relation_sources.assign(kind=relation_sources["kind"].astype(str),
                                   perspective=relation_sources["perspective"].astype(str))
           .groupby(["kind", "perspective"]).size().reset_index(name="sources"))
perspectives = ["Pakistani", "Afghan", "international", "independent"]
by_kind["perspective_order"] = by_kind["perspective"].map({p: i for i, p in enumerate(perspectives)})
alt.Chart(by_kind, title=alt.Title(
    "Who the sources behind the relations table are",
    subtitle=[f"The {len(relation_sources)} sources cited by relations.csv, each counted once, "
              "by kind of publisher and perspective",
              "Source: course_data/sources.csv (kind, perspective) and relations.csv (source_ids)"]),
    description=("Stacked horizontal bars: for each kind of publisher (newspaper, wire, broadcaster, "
                 "reference work and others) the number of sources behind relations.csv, coloured by "
                 "perspective (Pakistani, Afghan, international, independent)."),
).mark_bar().encode(
    y=alt.Y("kind:N", sort="-x", title="Kind of publisher"),
    x=alt.X("sum(sources):Q", title="Sources (count)"),
    color=alt.Color("perspective:N", title="Perspective", sort=perspectives,
                    scale=alt.Scale(domain=perspectives,
                                    range=[charts.SIDE_COLOURS["Pakistan"],
                                           charts.SIDE_COLOURS["Afghanistan"], "#E69F00",
                                           charts.SIDE_COLOURS["Independent"]]),
                    legend=alt.Legend(orient="bottom")),
    order=alt.Order("perspective_order:Q"),
    tooltip=[alt.Tooltip("kind:N", title="Kind"), alt.Tooltip("perspective:N", title="Perspective"),
             alt.Tooltip("sources:Q", title="Sources")],
).properties(width=420)

# %% solution="q3"
q3_answer = ____
### BEGIN SOLUTION
q3_answer = "reference"
### END SOLUTION

# %% test="q3" points=1
ex.check("q3", q3_answer)
### BEGIN HIDDEN TESTS
ex.require("q3", q3_answer)
### END HIDDEN TESTS

# %% [markdown]
# **q4 (2 points).** `sources.csv` flags a weaker copy (a mirror, an aggregator, a blog or a site of
# unknown standing) with `caution` = `True`. What percent of the sources behind `relations.csv`, each
# counted once (`alliance.sources_for(relations)`), are flagged `caution`? Give a number between 0 and
# 100 (no need to round).

# %% solution="q4"
q4_answer = ____
### BEGIN SOLUTION
q4_answer = alliance.sources_for(relations)["caution"].mean() * 100
### END SOLUTION

# %% test="q4" points=2
ex.check("q4", q4_answer)
### BEGIN HIDDEN TESTS
ex.require("q4", q4_answer)
### END HIDDEN TESTS

# %% [markdown]
# ## Recognition, accusations and facts
#
# **q5 (1 point).** Several states took diplomatic steps towards the Taliban government after 2021:
# accepting an envoy's credentials, handing over an embassy, upgrading a mission. Only one is recorded
# in `relations.csv` as **formally recognising** it (`tie` `recognition`, `start_year` 2021 or later,
# `to_actor` `AFG_TALIBAN`). Which one? Answer with its `actor_id`.

# %% solution="q5"
q5_answer = ____
### BEGIN SOLUTION
recognitions = relations[(relations["tie"] == "recognition") & (relations["start_year"] >= 2021)
                         & (relations["to_actor"] == "AFG_TALIBAN")]
q5_answer = recognitions["from_actor"].iloc[0]
### END SOLUTION

# %% test="q5" points=1
ex.check("q5", q5_answer)
### BEGIN HIDDEN TESTS
ex.require("q5", q5_answer)
### END HIDDEN TESTS

# %% [markdown]
# **q6 (1 point).** `relations.csv` has two hostility ties between Pakistan and India that run from
# 2009: `pak-ind-hostility-accusations-2009` and `ind-pak-hostility-denials-2009`. Read both
# descriptions. Which sentence reports them the way the course does?
#
# - (a) India backs the TTP and the BLA against Pakistan.
# - (b) Pakistani officials accuse India of backing militants such as the TTP and the BLA; India rejects
#   the charges as baseless.
# - (c) Pakistan's charges against India are baseless.
#
# Answer with one letter, as a string (for example `"a"`).

# %% solution="q6"
q6_answer = ____
### BEGIN SOLUTION
for relation_id in ["pak-ind-hostility-accusations-2009", "ind-pak-hostility-denials-2009"]:
    print(relations.set_index("relation_id").loc[relation_id, "description"])
q6_answer = "b"
### END SOLUTION

# %% test="q6" points=1
ex.check("q6", q6_answer)
### BEGIN HIDDEN TESTS
ex.require("q6", q6_answer)
### END HIDDEN TESTS

# %% [markdown]
# ## Your own chart
#
# **q7 (2 points).** Make `q7_chart`: chart your answer to q1 as a bar chart, one bar per tie type. Make
# a table with two columns, `tie` (the tie type) and `ties` (the count), put `tie` on the y axis and
# `ties` on the x axis, and give the chart a title.

# %% solution="q7"
q7_chart = ____
### BEGIN SOLUTION
tie_table = q1_series.rename_axis("tie").reset_index(name="ties")
q7_chart = alt.Chart(tie_table, title="States' ties towards the Afghan Taliban begun since 2021, by type")
q7_chart = q7_chart.mark_bar().encode(y=alt.Y("tie:N", sort="-x"), x="ties:Q")
### END SOLUTION

# %% test="q7" points=2
ex.check("q7", q7_chart)
### BEGIN HIDDEN TESTS
ex.require("q7", q7_chart)
### END HIDDEN TESTS

# %% [markdown]
# ## In your own words
#
# **q8 (4 points, read by a person).** The analyst Michael Kugelman wrote in October 2025 (`quotes.csv`,
# quote `q076`): "Pakistan lost its leverage over the Taliban after the Afg war ended & Taliban no
# longer needed Pak support." Using `relations.csv` and the diplomacy events in `events.csv`, write
# 100–180 words: how did the Taliban's ties with outside powers change after 2021, and what can and
# can't the data tell us about Kugelman's reading? Name the actors, the kind of tie and the years.
#
# Write your answer in the next cell (double-click it to edit).

# %% [markdown] open="q8" points=4
# After 2021 the Taliban gained ties with many outside powers. China took diplomatic steps (a tie from
# 2023; Xi accepted an envoy's credentials in January 2024, which Beijing said was not recognition) and
# trade (a Chinese firm renewed its Mes Aynak copper deal with them in 2022), and convened trilaterals
# with Pakistan in Beijing (21 May 2025) and Kabul (20 August 2025). Iran (2023), India (2022), Türkiye
# (2023) and the UAE (2024) opened diplomatic ties short of recognition; Uzbekistan and Iran trade with
# them. Only Russia formally recognised the Taliban government, on 3 July 2025. Qatar, Türkiye and Saudi
# Arabia mediated between the Taliban and Pakistan in 2025. Meanwhile hostility entered the
# Taliban–Pakistan ties: from 2021 on the Taliban's side and from 2024 on Pakistan's, in this table.
# These ties fit Kugelman's reading, but it is one analyst's interpretation: the data show who dealt
# with whom and when, not why, and most of these powers also keep ties with Pakistan.

# %% [markdown]
# ## Sources
#
# The table of ties used here cites these sources.

# %%
alliance.show_sources(relations)
