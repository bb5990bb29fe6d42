# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown]
# # Exercise 03 · The TTP surge
#
# **Practises:** filtering the counts of militant violence in `violence.csv`, computing a change
# and a percent change, taking one value per year when publishers revise, reading a chart,
# telling a party's claim from an independent count, and charting two definitions without
# joining them. It belongs to [lesson 03 · The TTP surge](../../../notebooks/03_the_ttp_surge.ipynb).
# About **40 minutes**.
#
# **How to work.** Each question has a cell that starts with `____`: replace `____` with your
# answer (keep the variable name), run the cell, then run the check cell below it. The check says
# *Correct*, *Not yet* (with what went wrong) or *Not attempted*. `ex.hint("q1")` shows a hint; run it
# again for the next one (three levels, from a nudge to nearly the method).
#
# The checks you see are the visible part of grading: a graded submission also runs hidden tests,
# and q8 is read by a person with a rubric.
#
# > **Content note.** The questions count people killed in militant attacks and in military
# > operations. They give numbers, not descriptions.

# %%
import altair as alt
import pandas as pd

import alliance
from alliance.checks import BLANK as ____
from alliance.lessons import l03_the_ttp_surge as lesson

alliance.setup()
ex = alliance.exercise("ex03")
violence = alliance.load("violence")
# One value per publisher, definition, region, metric, year and period: the lesson's rule.
latest = lesson.latest_values(lesson.prepared())
print(lesson.ONE_VALUE_RULE)

# %% [markdown]
# ## Counting the surge
#
# **q1 (2 points).** How many more people did **PIPS** count as killed in Pakistan in **2024** than in
# **2021**? Use `violence` with publisher `PIPS`, region `Pakistan`, period `annual` and metric
# `fatalities_total` (PIPS has one value per year here). Give one number: deaths in 2024 minus deaths
# in 2021.

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
# **q2 (2 points).** Write a function `percent_change(old, new)` that returns the percent change from
# `old` to `new`: positive for a rise, negative for a fall, **not rounded**. Replace the `____` line
# with your `def percent_change(old, new):` block.
#
# The check calls `percent_change(335, 852)`: PIPS's deaths in 2021 and 2024. Hidden tests call it on
# other values, so make it work for any two numbers.

# %% solution="q2"
percent_change = ____
### BEGIN SOLUTION
def percent_change(old, new):
    return (new - old) / old * 100
### END SOLUTION

# %% test="q2" points=2
ex.check("q2", percent_change(335, 852) if callable(percent_change) else percent_change)
### BEGIN HIDDEN TESTS
ex.require("q2", percent_change(335, 852) if callable(percent_change) else percent_change)
ex.require("q2.hidden", percent_change(595, 220) if callable(percent_change) else percent_change)
### END HIDDEN TESTS

# %% [markdown]
# **q3 (2 points).** Publishers revise earlier years, so take values from `latest` (one value per year,
# by the rule printed above). Make `q3_growth`: a **Series indexed by definition** with one value for
# each of `crss_terror_counterterror`, `pips_attacks` and `gti_terrorism`: the **percent change** in
# deaths (region `Pakistan`, period `annual`, metric `fatalities_total`) from **2021** to **2025**.
# Use your `percent_change`; do not round.
#
# Each definition is compared only with itself: percent changes let you compare the *direction and
# pace* of three series that count different things, without mixing their levels.

# %% solution="q3"
q3_growth = ____
### BEGIN SOLUTION
deaths = latest[(latest["region"] == "Pakistan") & (latest["period"] == "annual")
                & (latest["metric"] == "fatalities_total")
                & latest["definition"].isin(["crss_terror_counterterror", "pips_attacks", "gti_terrorism"])
                & latest["year"].isin([2021, 2025])]
wide = deaths.pivot_table(index="definition", columns="year", values="value", observed=True)
q3_growth = percent_change(wide[2021], wide[2025])
### END SOLUTION

# %% test="q3" points=2
ex.check("q3", q3_growth)
### BEGIN HIDDEN TESTS
ex.require("q3", q3_growth)
### END HIDDEN TESTS

# %% [markdown]
# ## Who counts what
#
# The next cell prints what each definition counts (from `definitions.csv`).

# %%
for _row in alliance.load("definitions").itertuples():
    print(f"{_row.definition} ({_row.publisher})\n    {_row.description}\n")

# %% [markdown]
# **q4 (1 point).** Which of these definitions counts militants killed by the state in security
# operations? Answer with one letter, as text (e.g. `"x"`).
#
# - (a) `pips_attacks`
# - (b) `picss_militant_attacks`
# - (c) `crss_terror_counterterror`
# - (d) `gti_terrorism`

# %% solution="q4"
q4_answer = ____
### BEGIN SOLUTION
q4_answer = "c"
### END SOLUTION

# %% test="q4" points=1
ex.check("q4", q4_answer)
### BEGIN HIDDEN TESTS
ex.require("q4", q4_answer)
### END HIDDEN TESTS

# %% [markdown]
# For 2024, the course data hold three figures for militants killed in Pakistan and two for security
# forces killed (the lesson's table, again below).

# %%
lesson.victims_vs_claim()

# %% [markdown]
# **q5 (1 point).** Which statement about this table is right? Answer with one letter, as text.
#
# - (a) The 925 militants killed is the Pakistani military's (ISPR's) own claim about its operations;
#   CRSS's 934 and PICSS's 951 are independent counts compiled from open media.
# - (b) The three counts of militants killed agree, so ISPR's 383 security forces killed must be
#   accurate too.
# - (c) ISPR's 383 is the independent figure, which shows that CRSS's 685 security personnel killed
#   is too high.
# - (d) PICSS's 951 is a claim by a party to the fighting, because PICSS is based in Pakistan.

# %% solution="q5"
q5_answer = ____
### BEGIN SOLUTION
q5_answer = "a"
### END SOLUTION

# %% test="q5" points=1
ex.check("q5", q5_answer)
### BEGIN HIDDEN TESTS
ex.require("q5", q5_answer)
### END HIDDEN TESTS

# %% [markdown]
# ## Reading a chart
#
# The chart below shows who was killed in 2025 by two definitions: PIPS's count of terrorist attacks
# and PICSS's count of attacks plus security operations.

# %%
_rows = lesson.latest_values(lesson.prepared())
_rows = _rows[(_rows["year"] == 2025) & (_rows["region"] == "Pakistan") & (_rows["period"] == "annual")
              & _rows["definition"].isin(["pips_attacks", "picss_combat_overall"])
              & _rows["metric"].isin(list(lesson.VICTIMS))]
_groups = list(lesson.VICTIMS.values())
_frame = _rows.assign(group=_rows["metric"].map(lesson.VICTIMS),
                      label=_rows["definition"].map(lesson.DEFINITION_LABELS))[["label", "group", "value"]]
_bars = alt.Chart().mark_bar().encode(
    x=alt.X("group:N", title="Who was killed", sort=_groups, axis=alt.Axis(labelAngle=0)),
    y=alt.Y("value:Q", title="Deaths in 2025 (people)", axis=alt.Axis(format=",.0f")),
    color=alt.Color("group:N", sort=_groups, legend=None,
                    scale=alt.Scale(domain=_groups, range=lesson.VICTIM_COLOURS)))
_labels = alt.Chart().mark_text(dy=-7, color="#222222").encode(
    x=alt.X("group:N", sort=_groups), y="value:Q", text=alt.Text("value:Q", format=",.0f"))
alt.layer(_bars, _labels, data=_frame).properties(width=240, height=240).facet(
    column=alt.Column("label:N", title=None, header=alt.Header(labelFontSize=12, labelLimit=320)),
).properties(
    title=alt.Title("Who was killed in Pakistan in 2025, by two definitions",
                    subtitle=["Deaths by victim group; the two panels count different things",
                              *lesson.wrap_source(lesson.source_line(_rows))]),
    description=("Two panels of bars for 2025. PIPS (terrorist attacks): civilians 354, security forces 437, "
                 "militants 243. PICSS (attacks + security operations): civilians 580, security forces 667, "
                 "militants 2,138."))

# %% [markdown]
# **q6 (1 point).** In the **PIPS** panel, which group had the most deaths in 2025? Answer with one
# letter, as text: (a) civilians, (b) security forces, (c) militants.

# %% solution="q6"
q6_answer = ____
### BEGIN SOLUTION
q6_answer = "b"
### END SOLUTION

# %% test="q6" points=1
ex.check("q6", q6_answer)
### BEGIN HIDDEN TESTS
ex.require("q6", q6_answer)
### END HIDDEN TESTS

# %% [markdown]
# ## Charting without joining definitions
#
# **q7 (2 points).** Make `q7_chart`, an Altair **line** chart of deaths per year in Pakistan, 2020–2025,
# for the two definitions `pips_attacks` and `crss_terror_counterterror`:
#
# - rows: from `latest`, region `Pakistan`, period `annual`, metric `fatalities_total`, years 2020 to
#   2025; filter in pandas first (the check reads the rows you pass to `alt.Chart`);
# - `year` on x, `value` on y, and **one line per definition** (map `definition` to colour);
# - a title that says what the chart shows.

# %% solution="q7"
q7_chart = ____
### BEGIN SOLUTION
two = latest[(latest["region"] == "Pakistan") & (latest["period"] == "annual")
             & (latest["metric"] == "fatalities_total")
             & latest["definition"].isin(["pips_attacks", "crss_terror_counterterror"])
             & latest["year"].between(2020, 2025)]
q7_chart = alt.Chart(two[["definition", "year", "value"]],
                     title="Deaths in Pakistan, 2020–2025: two definitions, two lines").mark_line(point=True).encode(
    x=alt.X("year:O", title="Year"), y=alt.Y("value:Q", title="Deaths (people)"),
    color=alt.Color("definition:N", title="Definition"))
### END SOLUTION

# %% test="q7" points=2
ex.check("q7", q7_chart)
### BEGIN HIDDEN TESTS
ex.require("q7", q7_chart)
### END HIDDEN TESTS

# %% [markdown]
# ## In your own words
#
# **q8 (4 points, read by a person).** A TV presenter says: *"CRSS reports that militants killed 3,417
# people in Pakistan in 2025, while PIPS says 1,034. One of them must be wrong."*
#
# Using the course data, explain in 80–150 words why the two figures differ and how you would report
# the 2025 death toll. Name the publishers and what each counts, use at least one further figure from
# the data (with its publisher and year), and do not declare either count the "true" one.
#
# Write your answer in the next cell (double-click it to edit).

# %% [markdown] open="q8" points=4
# Both figures can be right, because they count different things. CRSS's 3,417 counts deaths in
# terror attacks *and* in counter-terror operations, so it includes militants killed by the security
# forces: it is not a count of people killed by militants. PIPS's 1,034 counts deaths in militant
# attacks only. The victim groups show the difference: PIPS counted 243 militants killed in 2025,
# while PICSS's combat count, which also includes security operations, counted 2,138. I would report
# both, each with its publisher and what it counts, for example: "PIPS counted 1,034 deaths in
# militant attacks in 2025; CRSS, which also counts security operations, 3,417 deaths." I would not
# add, average or subtract them.
