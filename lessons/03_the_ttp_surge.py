# ---
# jupyter:
#   course:
#     title: "03 · The TTP surge"
#     questions:
#       - How much did militant violence in Pakistan grow after 2021, and who counts it?
#       - Why do research bodies give such different numbers for the same year?
#       - Where is the violence concentrated, and who is killed?
#     objectives:
#       - Compare the trends of several publishers without joining their different definitions into one line.
#       - Explain how the CRSS change of scope in 2018, and later revisions of earlier years, affect a time series.
#       - Read provincial and victim-group figures, saying whose count they are and what they cover.
#       - Use the explorer to check a claim about militant violence against the data.
#     keypoints:
#       - Every research body shows the same shape, a low around 2019–2021 and then a steep rise to 2025, but the size of the rise depends on who counts.
#       - Counts that include security operations (and so militants killed by the state) run two to three times higher than counts of militant attacks alone.
#       - CRSS changed what it counts in 2018; its figures before and after cannot be joined into one line.
#       - Publishers revise earlier years, so a time series needs a stated rule for picking one value per year; this lesson takes the latest report.
#       - Most deaths are counted in Khyber Pakhtunkhwa and Balochistan, the provinces bordering Afghanistan, but provincial figures differ in whether they include the former tribal areas.
#     teaching: 35
#     exercises: 20
#     prerequisites: ["02 · Victory in Kabul"]
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown]
# > **Content note.** This lesson counts people killed and injured in militant attacks and in
# > military operations in Pakistan. It gives numbers, not descriptions: no attack is described in
# > detail. Behind every number are people and families.

# %%
import alliance

alliance.setup()

# %% [markdown]
# ## A surge, counted five ways
#
# When the Afghan Taliban took Kabul in August 2021, Pakistan's government hoped the new rulers
# would rein in the **TTP** (Tehrik-e-Taliban Pakistan, the "Pakistani Taliban"): an umbrella of
# militant factions formed in 2007 to fight the Pakistani state, separate from the Afghan Taliban
# but allied with them. The United States designated the TTP a terrorist organisation in 2010; UN
# monitors describe it as the largest terrorist group operating from Afghanistan; and
# since July 2024 Pakistan's government has officially called it **Fitna al-Khawarij**, a label that
# likens it to an early sect of rebels in Islamic history.
#
# Lesson 02 followed the talks between Pakistan and the TTP that the Taliban brokered. They ended
# with the TTP calling off its ceasefire in November 2022. This lesson asks what happened to
# militant violence in Pakistan before and after, from 2014 to 2025, and why that simple question
# has several answers.

# %% tags=["nbval-check-output"]
from alliance.lessons import l03_the_ttp_surge as lesson

events = alliance.load("events")
milestones = events[events["event_id"].isin([
    "2018-05-31-fata-merger", "2021-08-15-taliban-take-kabul", "2021-11-09-pak-ttp-one-month-ceasefire",
    "2022-11-28-ttp-ends-ceasefire", "2024-07-31-ttp-named-fitna-al-khawarij"])]
milestones.assign(date=milestones["date"].dt.strftime("%Y-%m-%d"))[["date", "title"]].reset_index(drop=True)

# %% [markdown]
# Nobody has one official, agreed count of militant violence in Pakistan. Instead several research
# bodies each keep their own tally from media reports:
#
# - **CRSS**, the Center for Research and Security Studies, **PIPS**, the Pak Institute for Peace
#   Studies, and **PICSS**, the Pakistan Institute for Conflict and Security Studies: three think tanks in
#   Islamabad that publish annual (and some quarterly or half-yearly) security reports;
# - the **GTI**, the Global Terrorism Index of the Institute for Economics & Peace, which ranks about
#   163 countries;
# - **SATP**, the South Asia Terrorism Portal in New Delhi, which the course could read only
#   second-hand;
# - and the Pakistani military's media wing, **ISPR** (Inter-Services Public Relations), whose
#   year-end figures are claims by a party to the fighting, not an independent count.
#
# The counts live in `violence.csv`; `definitions.csv` says, in one row per **definition**, what
# each series counts and leaves out.

# %% tags=["nbval-check-output"]
violence = alliance.load("violence")
definitions = alliance.load("definitions")
definitions[["definition", "publisher"]]

# %% [markdown]
# ## Why the counts differ
#
# Two questions decide most of the difference between these definitions:
#
# 1. **Does the series include security operations?** PIPS's `pips_attacks`, PICSS's
#    `picss_militant_attacks` and the GTI count attacks by militants and the people those attacks
#    killed. CRSS's series since 2018 (`crss_terror_counterterror`) and PICSS's
#    `picss_combat_overall` add the raids and operations of the security forces, so they also count
#    the militants the state kills.
# 2. **What counts as terrorism?** The GTI counts only non-state actors. PIPS counts religiously
#    inspired, nationalist and sectarian militant groups. CRSS, up to its 2017 edition, counted
#    *all* violence it saw in the media: targeted killings, criminal and political violence too.
#
# Read the full descriptions below. Each is the course's summary of what the publisher says it
# counts.

# %%
for row in definitions.itertuples():
    print(f"{row.definition}\n    {row.description}\n")

# %% [markdown]
# ## CRSS changed its ruler in 2018
#
# CRSS's annual reports up to the 2017 edition counted every violent death they saw in the media
# (`crss_violence_broad`). From the 2018 and 2019 editions on, CRSS counts people killed in terror
# attacks and in counter-terror operations (`crss_terror_counterterror`). The two series measure
# different things, so the chart draws them as two lines in two colours, with a dashed rule where
# the scope changes.

# %%
lesson.scope_change_chart()

# %% [markdown]
# Join the two lines and you would read a fall of more than half between 2017 and 2018. Part of
# that fall is the new, narrower ruler. Publishers that kept their definition through those years
# show a smaller drop:

# %% tags=["nbval-check-output"]
latest = lesson.latest_values(lesson.prepared())
deaths = latest[(latest["region"] == "Pakistan") & (latest["period"] == "annual")
                & (latest["metric"] == "fatalities_total") & latest["year"].isin([2017, 2018])]
change = deaths.pivot_table(index="definition", columns="year", values="value", observed=True).dropna()
change["change (%)"] = (100 * (change[2018] / change[2017] - 1)).round()
change.loc[["pips_attacks", "picss_militant_attacks"]]

# %% [markdown]
# PIPS counted about a quarter fewer deaths in 2018 than in 2017 (its 2017 figure rests on a weaker
# copy), and PICSS over a third fewer. The
# CRSS 2017 and 2018 values, 2,057 and 980, are not in this table because they belong to two
# different definitions.
#
# > **Rule of the course.** Never join, add or subtract values from different definitions. The course
# > draws each definition as its own line, and its explorer below warns whenever a choice mixes
# > definitions.

# %% [markdown]
# ## One value per year: which report?
#
# A publisher often **revises** earlier years. CRSS's 2023 report counted 1,524 deaths in 2023; its
# third-quarter report of 2024 cited 1,523 for 2023, and its 2024 annual report 1,533. The column
# `vintage` in `violence.csv` records the year of the report a value came from, and `release` which
# publication of that year (a preliminary and a full release, a quarterly and an annual report).
#
# A time series needs one value per year, so this lesson uses one rule throughout:

# %%
print(lesson.ONE_VALUE_RULE)

# %% [markdown]
# Here is every figure in `violence.csv` that its publisher printed with more than one value.
# Most changes are small corrections as late reports came in. One row is not a correction at all:
# CRSS's 2022 figure for Khyber Pakhtunkhwa is 348 in the table first released and 633 on CRSS's
# web page, which appears to include the former tribal districts (see below). Always read the
# `note`.

# %% tags=["nbval-check-output"]
lesson.revisions()[["publisher", "region", "what", "year", "period", "first value", "first report",
                    "latest value", "latest report"]]

# %% [markdown]
# ## Five rulers, one direction
#
# Now every publisher's deaths in Pakistan, one line per definition, each year taking its latest
# published value. A line breaks where the course found no value for a year. A triangle marks a value
# that rests on a weaker copy (a mirror, an aggregator or a small site, flagged `caution` in
# `sources.csv`): treat it with care. Hover over a point for its report and notes.

# %%
lesson.publishers_chart()

# %% [markdown]
# The levels differ widely: in 2025 the two series that include security operations (CRSS and PICSS's
# combat count, both about 3,400) are roughly three times the attack-only series (PIPS about 1,000,
# GTI about 1,100). But the shape is the same in every series: a fall to a low between 2019 and 2021,
# then a steep rise. In most series the rise began in 2021, and it grew after the TTP ended its
# ceasefire in late 2022.
# The data show when violence rose, not why.
#
# How steep was the rise? Each series against its own lowest year:

# %% tags=["nbval-check-output"]
lesson.low_and_latest()

# %% [markdown]
# By every ruler, deaths in the latest year were roughly four to nine times those of the low year. In
# the Global Terrorism Index, Pakistan rose from fourth place (data for 2023) to second (2024) and
# first (2025), the first time it has topped the index; the 2025 figures were found only on small
# sites, so check them against the IEP's own report. The same coverage links 637 of the 1,139
# deaths the GTI counted in Pakistan in 2025 to the TTP. Not all militant violence in Pakistan is the
# TTP's.

# %% [markdown]
# ## The two provinces on the Afghan border
#
# Most of the violence is counted in two provinces that border Afghanistan:
#
# - **Khyber Pakhtunkhwa (KP)**, in the north-west. In 2018 the **FATA** (Federally Administered
#   Tribal Areas), the former tribal districts along the border where the TTP was born, were merged
#   into KP.
# - **Balochistan**, in the south-west, which borders Afghanistan and Iran. It is also home to a
#   Baloch separatist insurgency, including the **BLA** (Balochistan Liberation Army), which
#   Pakistan, the UK and the US have banned or designated. Pakistan's government calls Baloch
#   militant groups "Fitna al-Hindustan", asserting that India sponsors them; India rejects the claim.
#
# CRSS's quarterly reports put KP's share of deaths at 51% and Balochistan's at 41% in the first
# quarter of 2024, and KP's at about 71% in the third quarter of 2025.

# %%
lesson.provinces_chart()

# %% [markdown]
# Beware of the KP figures. Before the 2018 merger, and in some reports after it, the publishers
# counted the tribal districts apart from KP. PICSS's 2024 figure of 331 deaths in KP covers the
# mainland only; PICSS counted 375 more in the merged tribal districts. Its 2023 figure of 620 may or
# may not include them. So the apparent fall in PICSS's KP deaths from 2023 to 2024 may be no fall at
# all. Hover over a point: the tooltip says what each KP value covers, where the source says so.

# %% [markdown]
# ## Who was killed
#
# Publishers split the dead into civilians, security forces and militants. Here the definition decides almost everything. PIPS counts only the militants who died
# in their own attacks or in the return fire during those attacks. PICSS's combat count adds the
# militants killed in security-force operations.

# %%
lesson.victims_chart()

# %% [markdown]
# In 2025 PIPS counted 243 militants killed in attacks; PICSS, counting operations as well, 2,138.
# Neither is wrong: they answer different questions. Both agree that 2025 was deadly for security
# forces (437 by PIPS's attack count, 667 by PICSS's combat count) and for civilians (354 and 580).
#
# For 2024 we can set two independent counts beside a claim by one side. ISPR's year-end figures are
# the Pakistani military's own account of its operations: "terrorists" killed and its officers and
# soldiers lost. The two may not cover the same people: ISPR spoke of its own officers and soldiers,
# CRSS of security personnel.

# %% tags=["nbval-check-output"]
lesson.victims_vs_claim()

# %% [markdown]
# The three agree closely on militants killed (925 to 951), but CRSS counted 685 security personnel
# killed against the 383 officers and soldiers ISPR reported; CRSS called 2024 the deadliest year for
# security forces in a decade.

# %% [markdown]
# ## Quarter by quarter, 2024–2025
#
# CRSS also publishes a report every quarter (three months). Its quarterly counts show the surge
# did not rise evenly: the last quarter of 2024 was the deadliest in these two years, with 1,028
# deaths.

# %%
lesson.quarters_chart()

# %% [markdown]
# Quarterly reports are first counts, and later reports revise them. The first quarter of 2025 was
# published as 897 and restated as 900 a quarter later. And the four quarters of 2024 do not add up
# to either annual figure:

# %% tags=["nbval-check-output"]
quarters = lesson.quarters_frame()
annual_2024 = lesson.revisions().query("publisher == 'CRSS' and region == 'Pakistan' and year == 2024 "
                                      "and period == 'annual' and metric == 'fatalities_total'")
{"sum of the four 2024 quarters": int(quarters.loc[quarters["year"] == 2024, "value"].sum()),
 "2024 in the 2024 annual report": int(annual_2024["first value"].iloc[0]),
 "2024 as restated in the 2025 annual report": int(annual_2024["latest value"].iloc[0])}

# %% [markdown]
# ## Who says what
#
# The counts above are about violence inside Pakistan. The dispute between Pakistan and the Taliban
# government is about where it comes from. Pakistan's government says the TTP is sheltered in
# Afghanistan and demands that Kabul act or hand its leaders over. The Taliban government says
# Afghanistan's soil is used against no one and calls the TTP Pakistan's own problem. The TTP says it
# needs no foreign territory. Independent analysts, such as Asfandyar Mir of the Stimson Center,
# describe a Taliban government that deflects Pakistan's demands. Here are the statements word for word, with how the course read them:

# %%
lesson.show_quotes(["q023", "q046", "q048", "q062", "q078"])

# %% [markdown]
# ## Explore the counts yourself
#
# Choose a publisher (or all of them), what is counted and a region. Each definition is drawn as its
# own line in its own colour. When your choice mixes definitions, for example CRSS across its 2018
# change or all publishers at once, a warning names every definition shown and says what each
# counts. Under the chart, open the table of the values drawn with their reports.
#
# Try: CRSS, deaths, Pakistan (the change of scope); all publishers, militants killed (how much
# depends on the definition); PICSS, deaths, Khyber Pakhtunkhwa (the ex-FATA problem).

# %%
lesson.explorer()

# %% [markdown]
# ## Check yourself
#
# **1.** A newspaper writes: "CRSS figures show that deaths in Pakistan fell from 2,057 in 2017 to 980
# in 2018, a drop of more than half." What is wrong with the claim, and how would you check the trend?
#
# <details><summary>Answer</summary>
#
# The two numbers come from two CRSS definitions: 2,057 counts all violence seen in the media
# (`crss_violence_broad`, reports up to 2017); 980 counts only terror attacks and counter-terror
# operations (`crss_terror_counterterror`). Part of the drop is the narrower definition. To check the
# trend, use a publisher whose definition did not change across those years: PIPS counted about 27%
# fewer deaths in 2018 than 2017, and PICSS about 37% fewer.
#
# </details>
#
# **2.** For 2025, PICSS (attacks + security operations) counted 2,138 militants killed and PIPS 243.
# Which figure is right?
#
# <details><summary>Answer</summary>
#
# Both can be right, because they count different things. PIPS counts militants who died in their own
# attacks or the return fire during them; PICSS's combat count adds militants killed in security-force
# operations. Say which definition you use, and never subtract one from the other to "estimate"
# operations.
#
# </details>

# %% [markdown]
# ## Sources

# %%
glossary = alliance.load("glossary")
actors = alliance.load("actors")
quotes = alliance.load("quotes")
alliance.show_sources(
    violence, definitions, milestones,
    glossary[glossary["term"].isin(["TTP (Tehrik-e-Taliban Pakistan)", "Fitna al-Khawarij", "CRSS", "PIPS", "PICSS",
                                    "GTI (Global Terrorism Index)", "ISPR (Inter-Services Public Relations)",
                                    "Khyber Pakhtunkhwa (KP)", "FATA (Federally Administered Tribal Areas)",
                                    "FATA merger (2018)", "Balochistan", "BLA (Balochistan Liberation Army)",
                                    "Fitna al-Hindustan"])],
    actors[actors["actor_id"] == "TTP"],
    quotes[quotes["quote_id"].isin(["q023", "q046", "q048", "q062", "q078"])])
