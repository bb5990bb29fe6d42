# ---
# jupyter:
#   course:
#     title: "04 · The border: crossings, closures and trade"
#     questions:
#       - Where can people and goods cross between Pakistan and Afghanistan, and how often have those crossings been shut?
#       - Who closed them, and for what reasons?
#       - How much trade crosses the border, and why do official figures disagree?
#       - What happened to trade when every crossing closed in October 2025?
#     objectives:
#       - Read a closure timeline, including closures that had not ended at the latest report.
#       - Explain how the lesson counts days closed, and what the count leaves out.
#       - Compare trade figures from different bodies without adding them together.
#       - Tell a claimed loss from a measured trade value.
#     keypoints:
#       - Trade between the two countries runs through a handful of official crossings, above all Torkham and Chaman; closing them is the quickest lever either side has.
#       - Closures have followed attacks, firefights over border posts, rules on documents and visas, and COVID-19; Pakistan closed most of them, the Taliban some, and several are disputed.
#       - Pakistan's central bank (SBP) and its customs (FBR/Pakistan Customs) measure trade differently, so their figures for the same year differ widely and must never be added or mixed into one series.
#       - After every crossing closed on 11 October 2025, official figures for October and for July–December 2025 were about half of a year earlier; traders' and officials' loss figures are claims, not measurements.
#     teaching: 35
#     exercises: 20
#     prerequisites: ["03 · The TTP surge"]
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown]
# > **Content note.** Several closures in this lesson followed attacks or exchanges of fire in which
# > people were killed or wounded. The lesson names those events but gives no casualty detail; lessons
# > 03 and 06 deal with the violence itself.

# %%
import alliance

alliance.setup()

from alliance.lessons import l04_the_border as lesson

crossings = alliance.load("crossings")
closures = alliance.load("border_closures")
trade = alliance.load("trade")
sources = alliance.load("sources")

# %% [markdown]
# ## A border with a few doors
#
# Pakistan and Afghanistan share a long mountain border. Pakistan treats the **Durand Line** (the
# line agreed in 1893 between British India and Afghanistan's ruler) as its international border;
# Afghan governments, the Taliban included, have refused to recognise it. Along it, Pakistan has built
# a fence since 2017, and people and goods are meant to cross only at official **crossings**.
#
# Two crossings carry most of the traffic:
#
# - **Torkham**, in Khyber district at the end of Pakistan's N-5 highway, linked to Jalalabad and Kabul;
# - **Chaman–Spin Boldak**, linking Quetta in Balochistan with Kandahar.
#
# Smaller crossings in Khyber Pakhtunkhwa's former tribal districts (Ghulam Khan in North
# Waziristan, Angoor Adda in South Waziristan, Kharlachi in Kurram) handle less trade, and two more
# (Badini in Balochistan and Nawa Pass in Bajaur) were not operating as trade crossings in the
# period this lesson covers. Here is what `crossings.csv` records about each one:

# %% tags=["nbval-check-output"]
crossings.assign(crossing=crossings["name_pakistan"].map(lesson.short_name))[
    ["crossing", "name_afghanistan", "pakistan_province", "afghanistan_province"]]

# %% [markdown]
# Notice that the table is Pakistani-centred: the names come first from the Pakistani side, because
# most of the sources read were Pakistani outlets. The Afghan name is in the second column. Only some
# crossings have map coordinates in the data: where no page read gave them, the cell is left empty
# rather than guessed, and the map in the explorer below says so.

# %% [markdown]
# ## Every closure on one timeline
#
# Because nearly all trade passes through these few doors, shutting one is the quickest pressure
# either government can apply, and the quickest way a local quarrel becomes a national one.
# `border_closures.csv` lists each **closure episode**: which crossings shut, when, who closed them
# and why, as reported.
#
# How to read the chart below:
#
# - each bar runs from the day a crossing closed to the day it reopened; a diamond marks the start, so
#   even a closure of a few days shows up;
# - the top row holds closures of **all crossings at once**; a closure that named several crossings
#   appears on each of their rows;
# - colour says who closed it, as reported. "Both sides" means each side closed it at some point in
#   the episode; "unclear" means the reports do not say;
# - a bar with a **dashed outline** had not ended at the latest report the data cite. It is drawn up to
#   the date of that report, not to today: what happened after it is not in the data.
#
# Hover over a bar to read the reason given and how its dates were set.

# %%
lesson.closure_timeline(closures, crossings, sources)

# %% [markdown]
# Three patterns stand out.
#
# 1. **Security shocks shut the whole border.** In February 2017, after the bombing of the Lal
#    Shahbaz Qalandar shrine in Sehwan, which Pakistan said was planned in Afghanistan, Pakistan's army
#    sealed every crossing until Prime Minister Nawaz Sharif ordered them reopened on 20 March. In
#    October 2025, after heavy fighting along the border that followed strikes inside Afghanistan
#    that Afghan officials blamed on Pakistan (Pakistan did not officially confirm them), Pakistan
#    closed every crossing again.
# 2. **Quarrels over posts and gates close single crossings.** Torkham closed in June 2016 over a
#    new Pakistani gate, in September 2023 over a new Afghan checkpost, in August 2024 over another
#    checkpoint and from February to March 2025 over Afghan construction near the zero point. Each
#    of these quarrels came with an exchange of fire. In 2025 the crossing reopened after talks
#    through a **jirga** (an assembly of elders that settles disputes by consensus).
# 3. **Documents and visas.** In 2021 Taliban forces holding the Afghan side shut Chaman twice, in
#    August and October, in protest at Pakistani rules for Afghan travellers. In January 2024 cargo
#    stopped for ten days when Pakistan began demanding passports and visas from Afghan truck drivers
#    and Afghan authorities answered by halting trade. The data record this at Torkham, and at four
#    other crossings on the word of a single aggregator site that `sources.csv` flags as weak.
#
# Not every closure is about the two governments. Kharlachi was shut from October 2024 to May 2025
# (reports give six, seven or eight months) because of sectarian violence inside Kurram, on the
# Pakistani side; Ghulam Khan was shut
# for almost four years from June 2014 during Pakistan's **Zarb-e-Azb** offensive against the TTP in
# North Waziristan.
#
# Who closed the crossings, by the data's own labels (one count per episode):

# %% tags=["nbval-check-output"]
closures["closed_by"].value_counts().rename("episodes").to_frame()

# %% [markdown]
# Read these labels as reported, not as verdicts: in the February 2023 Torkham episode, for example,
# the Taliban closed the crossing first and Pakistan closed it again after a brief reopening, so the
# data say "both".

# %% [markdown]
# ## Counting days closed
#
# "How long was the border closed?" sounds simple, but the answer depends on rules. This lesson uses
# these, and you should know them before reading the next chart:
#
# - **A closure runs from its first day up to the day it reopened** (the reopening day is not counted).
# - **Dates known only to the month** (three dates: the start of the May 2024 Kharlachi closure, and
#   the reopenings of Ghulam Khan in March 2018 and of Chaman in July 2021) are counted as the 15th of
#   that month. Those counts are approximate: Kharlachi's May 2024 closure counts as nine days, where
#   one report called it a six-day closure.
# - **Closures with no end date.** Two were still closed at the latest report they cite; they are
#   counted up to and including that report's date, and no further. Ghulam Khan's closure from June 2025
#   is counted to 1 September 2025, the date of the last report; the days between then and the
#   all-crossings closure of 11 October are not counted, because no source says what happened. The
#   October 2025 closure is drawn to its latest report (January 2026), but the day counts stop at the
#   end of 2025, the last year the chart shows. The
#   third open row, Angoor Adda from May 2016, is different: its note says the end is *unknown*, not
#   that it stayed closed, so it adds no days.
# - **"All crossings"** means the five that handled trade (Torkham, Chaman, Ghulam Khan, Angoor Adda
#   and Kharlachi).
# - **A day counts once.** When two closures overlap at one crossing, the day is not counted twice.

# %%
lesson.days_heatmap(closures, crossings, sources)

# %% [markdown]
# The same counts as a table: the total for each crossing over the years shown, and the year with the
# most days closed.

# %% tags=["nbval-check-output"]
days = lesson.days_closed(lesson.episodes(closures, crossings, sources), crossings)
days.groupby("crossing", sort=False)["days"].agg(
    days_closed_total="sum", worst_year_days="max").assign(
    worst_year=days.loc[days.groupby("crossing", sort=False)["days"].idxmax()].set_index("crossing")["year"])

# %% [markdown]
# ### Check yourself
#
# The chart counts **no** days for Angoor Adda in 2016, although a closure of Angoor Adda starts in
# May 2016. Why, and would it be better to draw that closure up to the latest report, as the lesson
# does for Ghulam Khan?
#
# <details><summary>Answer</summary>
#
# The row has no end date, and its note says this means the reopening date is *unknown*, not that the
# crossing stayed closed: Angoor Adda handled bilateral trade cargo from September 2020. Drawing it to
# the latest report would invent years of closure. For Ghulam Khan in 2025 the note says the opposite:
# the latest report found the crossing still shut. An empty cell can mean different things, and only
# the note tells you which.
#
# </details>

# %% [markdown]
# ## Trade: one border, several sets of figures
#
# Pakistan sells far more to Afghanistan than it buys from it. (What the goods are is mostly beyond
# this lesson's data; one note records that sugar alone made up about USD 263 million of Pakistan's
# customs-recorded exports to Afghanistan in FY2025.) Trade figures are usually given by **fiscal
# year**: Pakistan's financial year runs from July to June, so
# FY2024 means July 2023 to June 2024.
#
# Different bodies publish different numbers for the same trade, because they measure different things:
#
# - the **State Bank of Pakistan (SBP)** counts payments: money that moves through the banking system
#   for goods and services;
# - the **Federal Board of Revenue / Pakistan Customs** counts goods declared at the border;
# - ministries, embassies, chambers of commerce and the Taliban's Ministry of Industry and Commerce give
#   figures whose basis they often do not state.
#
# So the chart keeps each body's figures apart: one colour per body, and lines only join one body's
# figures in consecutive years. **Never add or average two bodies' figures** for the same year.

# %%
lesson.trade_by_fiscal_year(trade, sources)

# %% [markdown]
# The gap is largest for imports. For FY2024 the SBP series shows imports from Afghanistan of about
# USD 12 million, while customs-based figures show about USD 539 million. The notes in `trade.csv`
# flag the SBP import series as far below customs-based values in every year. The data do not explain
# the gap; what they do show is that a count of payments and a count of goods declared at the border
# are different measurements. Neither number is "wrong": they answer different questions.
#
# Several figures rest on weaker copies (the tooltip says *Weaker copy: yes*): for example the SBP
# export figure for FY2018 comes from an Urdu site that `sources.csv` marks for caution, and the
# Pakistani embassy's FY2017–FY2018 figures were read in a copy also flagged there.

# %% [markdown]
# ### Transit trade
#
# Afghanistan has no coast. Under the **Afghanistan–Pakistan Transit Trade Agreement (APTTA)**, signed
# in 2010, goods bound for Afghanistan can land at Pakistani ports and travel through Pakistan
# without paying Pakistani duty. Pakistan has long complained that some of these goods are smuggled
# back into its own markets. Transit trade is *not* trade between the two countries, so it gets its
# own chart.

# %%
lesson.transit_by_fiscal_year(trade, sources)

# %% [markdown]
# Two reports of the same customs data disagree for FY2023: The Nation gives USD 7.095 billion and
# Aaj News USD 7.95 billion, possibly a transposed figure in one of them; both are shown. Some figures
# count goods in both directions, others only goods going into Afghanistan (triangles), so compare
# like with like: goods into Afghanistan fell from about USD 2.4 billion in FY2024 to USD 974 million
# in FY2025, the fall of about 60% that Nukta reported from customs data. A third customs figure
# for FY2023 (USD 3.731 billion) counts only "smuggling-prone" goods and is left out of the chart.

# %% [markdown]
# ## 2025: the collapse
#
# On 11 October 2025 Pakistan closed every crossing after heavy border fighting with Afghan Taliban
# forces. Sources differ by a day or two on the start (between 10 and 12 October). Afghan transit
# cargo was halted at Karachi's ports on 15–16 October. Each side set conditions for reopening:
#
# - **Pakistan**, which bans the TTP as a terrorist organisation and officially calls it "Fitna
#   al-Khawarij", tied reopening to Kabul acting against the group; its Foreign Office said on 21
#   November that all trade was suspended.
# - **The Taliban government**: Deputy Prime Minister Abdul Ghani Baradar told Afghan traders on 12
#   November to find routes other than Pakistan's within three months, and spokesman Zabihullah
#   Mujahid said on 4 December that Kabul would reopen trade routes only with Pakistani guarantees
#   against future closures.
#
# The only exception reported for goods was humanitarian: UN relief cargo was let through Torkham
# and Chaman from early December (AP).
#
# At the latest reports in the data (AP on 5 December 2025, Afghanistan International on 25 January
# 2026) the crossings were still closed to trade and normal travel. The Washington-based analyst
# Michael Kugelman
# put the wider point this way in a post on X (read in a copy on Moneycontrol, date not shown):
# "What's often overlooked in Afghanistan-Pakistan tensions is that they're sparked not only by
# cross-border terrorism but by the border itself."
#
# What did the closure do to trade? No single body gives a full monthly series, so the chart below
# compares each body's figure only with **its own** figure for the same period a year earlier.

# %%
lesson.collapse_chart(trade, sources)

# %% [markdown]
# Before the closure, trade in July–September 2025 was close to a year earlier (FBR/Customs: down
# about 5%). October, with the crossings shut from the 11th, was down by more than half, and the
# July–December totals from two different bodies each fell by more than half. Read the starred
# rows with care: the unnamed official's July–December totals were read only on a site that
# `sources.csv` flags as a weaker copy, and the FBR/Customs figure for September 2024 only in copies
# flagged the same way. And keep the bodies apart: the SBP's USD 219 million of exports
# and the unnamed official's USD 336 million for the same half-year measure different things.
#
# The numbers behind the chart, with the change computed within each body's own figures:

# %% tags=["nbval-check-output"]
pairs = lesson.collapse_pairs(trade, sources)
pairs[["label", "period_earlier", "earlier", "period_later", "later", "change_pct"]].round(1)

# %% [markdown]
# ### Claimed losses are claims
#
# During each closure, traders' associations, chambers of commerce and officials announced what it was
# costing. `trade.csv` keeps these as `claimed_loss` rows, each with its claimant. They are not
# measurements: they mix daily and total figures, rupees and dollars, exports and tax revenue, and
# each comes from someone with a stake in reopening. Never add them to trade values, or to each other.
# Here are the claims made about the 2025 closures:

# %% tags=["nbval-check-output"]
losses = lesson.claimed_losses(trade, since="2025-01-01")
losses[["period_start", "period_end", "data_source", "value", "unit"]].reset_index(drop=True).rename(
    columns={"data_source": "claimant", "value": "claimed"})

# %% [markdown]
# ### Check yourself
#
# A classmate writes: "In FY2024 Pakistan exported USD 544 million to Afghanistan according to the SBP
# and USD 1,065 million according to customs, so the true figure is about USD 800 million, the
# average." What is wrong with this, and what would you write instead?
#
# <details><summary>Answer</summary>
#
# The two figures measure different things (payments through banks versus goods declared at customs),
# so averaging them produces a number that measures nothing. Report both, name the body behind each,
# and say what each counts: for example, "Customs data put Pakistan's FY2024 exports to Afghanistan at
# about USD 1.07 billion; the State Bank's payments-based series, which misses trade settled outside
# banks, shows USD 544 million."
#
# </details>

# %% [markdown]
# ## Explore a crossing
#
# Pick a crossing to see where it is (when the data give its coordinates) and every closure recorded
# for it, including closures of all crossings at once. Narrow the years to zoom into the timeline.
# Some things to try:
#
# - Compare **Torkham** and **Chaman** since 2021: which side closed each one, and why?
# - Pick **Ghulam Khan** and widen the years to 2014: how long was its longest closure?
# - Pick **Badini** or **Nawa Pass**: why is there nothing to show?

# %%
lesson.explorer()

# %% [markdown]
# ## Sources

# %%
alliance.show_sources(crossings, closures, trade[trade["flow"] != "claimed_loss"], losses)
