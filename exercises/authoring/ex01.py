# ---
# jupyter:
#   assignment:
#     name: ex01
#     title: "Exercise 01 · The old alliance"
#     lesson: "01_the_old_alliance"
#     minutes: 35
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown]
# # Exercise 01 · The old alliance
#
# This exercise goes with lesson **01 · The old alliance**. It practises filtering the timeline by era
# and actor, judging how solid a date is from the sources behind it, reading a chart, telling a party's
# claim from an independent figure, and charting where the sources come from. It takes about 35 minutes.
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
from alliance.lessons import l01_the_old_alliance as lesson

alliance.setup()
ex = alliance.exercise("ex01")
events = alliance.load("events")
sources = alliance.load("sources")

# %% [markdown]
# **q1 · Pakistan in the third era (2 points).** Lesson 01's third era runs from 1 January 2001 to
# 31 August 2021. How many events in `events` dated in that era, both ends included, list Pakistan
# among their `actors`? Count an event only if its `actors` column contains the id `PAK` itself
# (Pakistan's army has its own id, `PAK_MIL`, which does not count here). Answer with a number.

# %% solution="q1"
q1_answer = ____
### BEGIN SOLUTION
in_era = events["date"].between("2001-01-01", "2021-08-31")
with_pakistan = events["actors"].str.split(";").map(lambda ids: "PAK" in ids)
q1_answer = int((in_era & with_pakistan).sum())
### END SOLUTION

# %% test="q1" points=2
ex.check("q1", q1_answer)
### BEGIN HIDDEN TESTS
ex.require("q1", q1_answer)
### END HIDDEN TESTS

# %% [markdown]
# **q2 · How much of an event rests on weaker copies? (2 points).** `sources.csv` flags a source with
# `caution = True` when it is a weaker copy: a mirror, a blog, a forum post. Write a function
# `percent_weaker(event_id)` that takes an `event_id` from `events` and returns the percentage (0 to
# 100) of that event's sources (its `source_ids`, separated by `;`) that are weaker copies.
#
# Replace `percent_weaker = ____` with your function (`def percent_weaker(event_id): ...`). The check
# tries it on Afghanistan's vote against Pakistan's UN admission in 1947
# (`"1947-09-30-afghan-vote-un-admission"`); the hidden tests try other events.

# %% solution="q2"
percent_weaker = ____
### BEGIN SOLUTION
caution = dict(zip(sources["source_id"], sources["caution"]))
source_ids = events.set_index("event_id")["source_ids"]


def percent_weaker(event_id):
    ids = [sid.strip() for sid in source_ids[event_id].split(";") if sid.strip()]
    weaker = sum(bool(caution[sid]) for sid in ids)
    return 100 * weaker / len(ids)
### END SOLUTION

# %% test="q2" points=2
ex.check("q2", percent_weaker("1947-09-30-afghan-vote-un-admission") if callable(percent_weaker) else percent_weaker)
### BEGIN HIDDEN TESTS
ex.require("q2.hidden", [percent_weaker(e) for e in [
    "1893-11-12-durand-agreement", "1949-07-26-loya-jirga-rejects-durand", "1997-05-26-pakistan-recognises-taliban",
    "2020-02-29-us-taliban-doha-agreement", "1961-09-06-relations-broken-1961"]]
    if callable(percent_weaker) else percent_weaker)
### END HIDDEN TESTS

# %% [markdown]
# **q3 · Reading a chart (1 point).** The chart below counts the lesson-01 timeline's events per decade
# and splits each bar by the strength of the sources behind the events. Hover a bar segment for its
# count.

# %%
timeline = lesson.events_frame()
per_decade = (timeline.assign(decade=timeline["date"].dt.year // 10 * 10)
              .groupby(["decade", "strength"]).size().rename("events").reset_index())
per_decade["stack"] = (per_decade["strength"] == lesson.STRONG).astype(int)  # weaker copies at the bottom
alt.Chart(per_decade, title=alt.Title(
    "Timeline events per decade, by the strength of their sources, 1893–August 2021",
    subtitle=["Orange: every source of the event is a weaker copy (sources.csv caution=true).",
              *lesson.wrapped_source(alliance.sources_for(timeline)["source_id"], width=100)]),
    description=("Stacked bars, one per decade from the 1890s to the 2020s, counting timeline events; each bar "
                 "is split into events with at least one stronger source and events resting only on weaker "
                 "copies."),
).mark_bar().encode(
    x=alt.X("decade:O", title="Decade (first year)", axis=alt.Axis(labelAngle=0)),
    y=alt.Y("events:Q", title="Events in the timeline (count)"),
    color=alt.Color("strength:N", title="Sources behind the event",
                    scale=alt.Scale(domain=lesson.STRENGTHS, range=lesson.STRENGTH_COLOURS),
                    legend=alt.Legend(orient="bottom", labelLimit=300, titleLimit=300)),
    order=alt.Order("stack:Q"),
    tooltip=[alt.Tooltip("decade:O", title="Decade from"), alt.Tooltip("strength:N", title="Sources"),
             alt.Tooltip("events:Q", title="Events")],
).properties(width=480, height=260)

# %% [markdown]
# In which decade does the timeline hold the **most events resting only on weaker copies**? Answer with
# the decade's first year as a number (for the 1930s, answer `1930`).

# %% solution="q3"
q3_answer = ____
### BEGIN SOLUTION
q3_answer = 1960
### END SOLUTION

# %% test="q3" points=1
ex.check("q3", q3_answer)
### BEGIN HIDDEN TESTS
ex.require("q3", q3_answer)
### END HIDDEN TESTS

# %% [markdown]
# **q4 · Whose figure is it? (1 point).** The timeline gives a death toll for some events, with the
# person or body that gave it (`fatalities_claimant`). Here are three:

# %%
tolls = events.set_index("event_id").loc[
    ["1994-10-12-taliban-seize-spin-boldak", "2004-06-09-shakai-operation", "2014-12-16-aps-peshawar-attack"],
    ["title", "reported_fatalities", "fatalities_claimant"]]
tolls.reset_index(drop=True)

# %% [markdown]
# Which of these figures was given by a party to the fighting the event describes, so that it is a
# claim by one side rather than a figure from someone outside the fight? Answer with a letter.
#
# - (a) 8 deaths at Spin Boldak in October 1994
# - (b) 50 deaths in the Shakai operation of June 2004
# - (c) 141 deaths in the attack on the Army Public School, Peshawar, in December 2014

# %% solution="q4"
q4_answer = ____
### BEGIN SOLUTION
q4_answer = "b"
### END SOLUTION

# %% test="q4" points=1
ex.check("q4", q4_answer)
### BEGIN HIDDEN TESTS
ex.require("q4", q4_answer)
### END HIDDEN TESTS

# %% [markdown]
# **q5 · Whose sources? (2 points).** Each source in `sources.csv` has a `perspective`: Pakistani,
# Afghan, international or independent. Make `q5_series`: for the events dated **before 1 September
# 2021** (lesson 01's timeline), the number of **distinct** sources they cite, per perspective, as a
# Series indexed by perspective. Count a source once even when several events cite it.

# %% solution="q5"
q5_series = ____
### BEGIN SOLUTION
lesson_events = events[events["date"] < "2021-09-01"]
q5_series = alliance.sources_for(lesson_events)["perspective"].value_counts()
### END SOLUTION

# %% test="q5" points=2
ex.check("q5", q5_series)
### BEGIN HIDDEN TESTS
ex.require("q5", q5_series)
### END HIDDEN TESTS

# %% [markdown]
# **q6 · Chart it (2 points).** Make `q6_chart`, an Altair bar chart of your q5 counts: build a table
# with the columns `perspective` and `sources` (for example `q5_series.rename("sources").reset_index()`),
# put `perspective` on the x axis and `sources` on the y axis, and give the chart a title.

# %% solution="q6"
q6_chart = ____
### BEGIN SOLUTION
by_perspective = q5_series.rename("sources").reset_index()
q6_chart = alt.Chart(by_perspective, title="Sources behind the lesson-01 timeline, by perspective").mark_bar().encode(
    x=alt.X("perspective:N", sort="-y", title="Perspective of the source"),
    y=alt.Y("sources:Q", title="Distinct sources"))
### END SOLUTION

# %% test="q6" points=2
ex.check("q6", q6_chart)
### BEGIN HIDDEN TESTS
ex.require("q6", q6_chart)
### END HIDDEN TESTS

# %% [markdown]
# **q7 · Written answer (4 points).** Pakistan and Afghan governments describe the Durand Line
# differently. In 80–150 words: state each side's position, name one event from 1947–1949 in the
# timeline that shows Kabul's view, and say how solid the evidence for its date is (use
# `percent_weaker` or the event's `note`). A person grades this answer for evidence, named sources and
# balance between the two sides.

# %% [markdown] open="q7" points=4
# Pakistan treats the Durand Line, agreed in 1893 between British India and Amir Abdur Rahman Khan,
# as its international border, inherited in 1947; it says the question was settled before it was
# born. Afghan governments say the 1893 agreement is void and have never formally accepted the line;
# from 1947 Kabul backed the idea of Pashtunistan. In 1949 a loya jirga in Afghanistan declared the
# agreement and later Anglo-Afghan treaties void. Both sources behind that event are weaker copies
# (`percent_weaker` gives 100): the exact day usually given, 26 July 1949, comes only from a forum post
# copying an older study, and the other source, EverybodyWiki, confirms only that the 1949 loya jirga
# revoked the agreements. Afghanistan's vote against Pakistan's UN admission in September 1947 also
# rests mostly on weaker copies (two of three), and one blog disputes that a "no" was recorded at all.

# %% [markdown]
# ## Sources

# %%
alliance.show_sources(timeline)
