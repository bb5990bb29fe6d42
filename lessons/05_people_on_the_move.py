# ---
# jupyter:
#   course:
#     title: "05 · People on the move"
#     questions:
#       - How many Afghans lived in Pakistan, and with what papers?
#       - What did Pakistan's 2023 repatriation plan order, and when did each group's turn come?
#       - How many Afghans went back, and why do Pakistan's and the UN agencies' counts differ?
#     objectives:
#       - Describe the three main statuses of Afghans in Pakistan (PoR card, ACC, undocumented) and roughly how many people held each.
#       - Read the phases of the Illegal Foreigners Repatriation Plan on a timeline.
#       - Compare return counts from the Government of Pakistan and from UN agencies side by side, and explain what each counts and from when.
#       - Tell a running total from a count for one period, and keep them apart.
#     keypoints:
#       - Afghans in Pakistan held different papers. Published estimates put PoR card holders (registered refugees) at 1.3 to 1.45 million and ACC holders at 750,000 to 880,000; in October 2023 the government put undocumented Afghans at about 1.73 million.
#       - Pakistan's Illegal Foreigners Repatriation Plan widened step by step: undocumented foreigners from 1 November 2023, ACC holders from 1 April 2025, PoR card holders from 1 September 2025.
#       - UNHCR counted 1,723,481 returns from Pakistan between 15 September 2023 and 8 November 2025. The Government of Pakistan gave its own totals, which count other people from other dates.
#       - Compare the two ledgers side by side, never add or join them, and never draw a running total and a one-period count on the same line.
#       - Pakistan points to its decades as a host and to its security; UN agencies warned of protection risks, and UNHCR found that 93% of the undocumented and ACC returnees it surveyed (47% of PoR returnees) cited fear of arrest; Taliban authorities counted the arrivals and asked for more time.
#     teaching: 35
#     exercises: 20
#     prerequisites: ["04 · The border"]
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown]
# > **Content note.** This lesson is about people forced to leave the country where many of them
# > had lived for years: arrests, detention and deportation. It describes no violence in detail.

# %%
import alliance

alliance.setup()

# %% [markdown]
# ## Forty years of hosting
#
# Pakistan has sheltered Afghans fleeing war for more than four decades. The course timeline
# (`events.csv`) marks the main turns: millions crossed during the Soviet war of the 1980s, huge
# numbers went home with UN help after 2001, a registration drive in 2006–07 gave many a refugee
# card, and in 2016 a wave of returns happened under pressure that Human Rights Watch called coerced.

# %% tags=["nbval-check-output"]
events = alliance.load("events")
history = events[events["event_id"].isin([
    "1984-06-01-refugees-3-5-million", "2002-01-01-unhcr-repatriation-begins",
    "2006-10-01-por-registration", "2016-07-01-refugee-forced-returns"])]
history[["date", "title", "description"]].assign(date=history["date"].dt.strftime("%b %Y"))

# %% [markdown]
# ## Three kinds of paper
#
# Afghans in Pakistan do not all have the same legal standing, and the repatriation drive treated
# each group differently. The course glossary defines the terms this lesson uses:
#
# - A **PoR card** (*Proof of Registration*) is held by registered refugees, the people counted in
#   the 2006–07 registration and its later verifications.
# - An **ACC** (*Afghan Citizen Card*) is a card issued by Pakistan's NADRA giving temporary legal
#   status; UNHCR says about 880,000 Afghans received one after a registration drive in 2017.
# - **Undocumented** Afghans hold neither card nor a valid visa.
#
# People also kept arriving: after the Taliban took Kabul in August 2021, officials quoted by Dawn in
# March 2024 estimated 600,000 to 800,000 new arrivals (a range, so the data keep it in a note rather
# than as a figure).
#
# **UNHCR** is the UN refugee agency and **IOM** the UN migration agency; together they monitor the
# crossings where Afghans go back. The **IFRP** is the Illegal Foreigners Repatriation Plan,
# Pakistan's drive from late 2023 to send these groups back.

# %% tags=["nbval-check-output"]
glossary = alliance.load("glossary")
terms = glossary[glossary["term"].isin(["PoR card (Proof of Registration)", "ACC (Afghan Citizen Card)",
                                        "IFRP (Illegal Foreigners Repatriation Plan)", "UNHCR", "IOM"])]
terms[["term", "definition"]]

# %% [markdown]
# ## How many people, with what papers?
#
# No one published a regular census. What exists is a scatter of estimates, given by Pakistani
# officials, by UNHCR, and in news reports that do not say where their figures come from. The chart
# shows each one in its own panel by status. Hover over a marker to see who gave it.

# %%
from alliance.lessons import l05_people_on_the_move as lesson

lesson.stocks_chart()

# %% [markdown]
# Read the panels one at a time:
#
# - **PoR card holders.** An official source put registered refugees at 1.304 million in November
#   2023, plus 145,716 unregistered members of registered families. In July 2024 the Prime
#   Minister's Office spoke of 1.45 million; the sources do not explain the jump. UNHCR's figures
#   stay between 1.3 and 1.4 million.
# - **ACC holders.** From UNHCR's 880,000 in March 2024 the figures drift down to 800,000
#   (government records, February 2025) and 750,000 (Reuters, August 2025).
# - **Undocumented.** Caretaker Interior Minister Sarfraz Bugti put undocumented Afghans at about
#   1.73 million on 3 October 2023. The course could read that figure only in an aggregator relaying
#   Russian state broadcaster RT, a weaker copy, though the government repeated "1.7 million" later.
#   In January 2024 the Interior Ministry told the Senate that about 1.15 million were still in the
#   country (all nationalities), and in March 2025 Business Recorder gave 600,000 without naming a
#   source. Nobody counts people who avoid being counted, so treat these as rough orders of size.

# %% tags=["nbval-check-output"]
stocks = lesson.stock_rows()
stocks[["date", "status", "publisher", "value"]].assign(
    date=stocks["date"].dt.strftime("%Y-%m-%d")).reset_index(drop=True)

# %% [markdown]
# ## The plan, phase by phase
#
# On 3 October 2023, the apex committee of Pakistan's National Action Plan, chaired by caretaker
# Prime Minister Anwaar-ul-Haq Kakar with army chief Asim Munir present, decided to expel foreigners
# living in Pakistan illegally, most of them Afghans, and to let people cross the border only with a
# passport and visa. Undocumented foreigners were given until 31 October to leave; deportations
# began on 1 November. The plan then widened, group by group, while PoR cards were extended several
# times before they were finally allowed to lapse.

# %%
phases = alliance.load("repatriation_phases")
lesson.phases_chart(phases)

# %% [markdown]
# Two things stand out. First, the ACC phase was planned for April 2024 but, as far as the sources
# read show, it did not start until April 2025. Second, PoR holders were protected by a string of
# short extensions. The last one, in July 2024, came after UN refugee chief Filippo Grandi asked for a
# pause. Then an Interior Ministry notification of 31 July 2025 declared PoR holders unlawful
# residents once their cards had expired, with formal repatriation from 1 September 2025. In the autumn
# of 2025 the government closed refugee camps in several rounds; the reports disagree on how many.

# %% tags=["nbval-check-output"]
phases[["name", "announced_date", "start_date", "target_group"]].assign(
    announced_date=phases["announced_date"].dt.strftime("%Y-%m-%d"),
    start_date=phases["start_date"].dt.strftime("%Y-%m-%d").fillna("never set"))

# %% [markdown]
# ### Three perspectives
#
# **Pakistan's government** presents the drive as enforcing its own rules on who may live in the
# country and cross its border, after hosting Afghans for decades. When the order was issued, a
# Foreign Office spokesperson said Pakistan continued to host 1.4 million Afghan refugees "with
# exemplary generosity and empathy". Prime Minister Shehbaz Sharif later tied the hosting to
# security: Pakistan had treated millions of Afghans as brothers, he told his cabinet, and yet faced
# attacks by the TTP, the Pakistani Taliban (Pakistan, which designates the TTP a terrorist
# organisation, calls it "Fitna al-Khawarij").
#
# **UN agencies** accepted Pakistan's right to regulate foreigners but asked for due process for
# PoR and ACC holders. UNHCR and IOM warned in a joint statement in October 2023 that people forced
# back could face serious protection risks, and in November 2023 UNHCR asked Pakistan to pause mass
# returns during the Afghan winter, warning that the cold could be deadly. In August 2025 UNHCR
# reported arrests and deportations of PoR holders, urged a rethink, and warned that forced returns
# breach international law.
#
# **Afghanistan's Taliban authorities** counted the arrivals: their refugees ministry reported an
# estimated 57,000 returns from the night of 3 November 2023 to the next day, with tens of thousands
# more waiting at the Torkham crossing (a figure the course read only in a relay by Amu TV). In
# February 2025 Pakistan turned down Kabul's request for more time before Afghans had to leave
# Islamabad and Rawalpindi, and during Pakistani Foreign Minister Ishaq Dar's visit to Kabul in April
# 2025 the Afghan side criticised how Afghan refugees were treated in Pakistan.
#
# Here are the statements as the course's `quotes.csv` records them, with how far each was checked.

# %% tags=["nbval-check-output"]
quotes = alliance.load("quotes")
said = quotes[quotes["quote_id"].isin(["q031", "q013", "q072", "q074", "q073"])]
said[["speaker", "affiliation", "words", "outlet", "original_located"]].reset_index(drop=True)

# %% [markdown]
# One caution: the outlet that carried Ravina Shamdasani's words labels her office "UNHCR", but she
# spoke for the UN's human rights office, a different body. Qaiser Khan's words (UNHCR Pakistan) were
# read only in a republication of a TOLOnews report (`original_located` = no).

# %% [markdown]
# ## Counting the returns: two ledgers
#
# How many people went back? There is no single answer, because two kinds of body keep count, and
# they count different things:
#
# | | Government of Pakistan | UN agencies (UNHCR and IOM) |
# |---|---|---|
# | **from when** | the order of 3 October 2023, the cabinet's approval of the plan, or the 1 November 2023 deadline | 15 September 2023, when returns began to surge (UNHCR sometimes says "since September" or "since 1 October") |
# | **whom** | "illegal foreigners" sent back under the plan: undocumented people (all nationalities in the January 2024 Senate reply), later also ACC holders | every Afghan returning from Pakistan at the crossings they monitor: voluntary or deported, any status |
# | **how** | official tallies, which differ by office and by system | border monitoring; UNHCR and IOM publish one harmonised count |
#
# So the two are never added together or joined into one line. The chart puts them side by side.

# %%
drive = lesson.drive_return_rows()
lesson.returns_side_by_side(drive)

# %% [markdown]
# Even within one side the figures do not form a tidy series. In January 2024 the Interior
# Ministry told the Senate that 541,210 people had been sent back, counting exits recorded by the
# Integrated Border Management System; three weeks later the daily official tally stood at a lower
# 474,264. The UN agencies' count rises steadily from 501,242 in January 2024 to 1,723,481 on
# 8 November 2025. Two further government totals, 1.1 million (Interior Minister Mohsin Naqvi) and
# "more than 1.5 million", appear in reports whose date the course could not establish, so they
# cannot go on a time axis. Some UN figures were read only in relays (the markers with a white
# centre): the 1,055,000 for May 2025 came through OpIndia relaying ANI and TOLOnews, the
# 1,667,713 for 1 November 2025 through an Indian paper relaying Dawn, and IOM's 861,763 for April
# 2025 through a Telugu-language newspaper. The government's first figure, about 200,000 who had
# left by the 31 October 2023 deadline, was also read only in an aggregator.

# %% tags=["nbval-check-output"]
lesson.drive_returns_table(drive)

# %% [markdown]
# ## Running totals and one-period counts
#
# Publishers give two kinds of flow figure:
#
# - a **running total**: everyone counted since a start day ("1,723,481 since 15 September 2023");
# - a **one-period count**: people counted in one week, month, quarter or year ("143,000 in August
#   2025").
#
# Putting both on one line would make the line jump up and down for no reason. The course never
# does. What you *can* do is subtract two running totals from the same counter and the same start
# day to see roughly how many came in between. UNHCR's own figures since 1 April 2025 show the
# summer surge after the ACC phase began and the PoR deadline passed:

# %% tags=["nbval-check-output"]
flows = lesson.prepared()
since_april = flows[(flows["counter"] == "UNHCR") & (flows["measure"] == "returns")
                    & (flows["counted_from"] == "2025-04-01")].sort_values("when")
since_april = since_april.assign(dated=since_april["when"].dt.strftime("%Y-%m-%d"),
                                 added_since_previous_figure=since_april["value"].diff().astype("Int64"))
since_april[["dated", "value", "added_since_previous_figure"]].reset_index(drop=True)

# %% [markdown]
# Between UNHCR's figures of 12 August and about 12 September 2025 the total grew by roughly
# 225,000. That is the same order of size as UNHCR's one-period counts for those weeks: 143,000 in
# August alone, and nearly 100,000 more reported in the first week of September. The windows do not
# match exactly and 554,000 is a "more than" figure, so only the order of size can be compared.
#
# Not everyone chose when to leave. Of the 869,448 returns UNHCR counted from 1 April to 8 November
# 2025, 115,159 (13%) were deportations. Fear of arrest was cited by 93% of the undocumented and ACC
# returnees UNHCR surveyed, and by 47% of the PoR returnees. Arrests rose sharply:

# %% tags=["nbval-check-output"]
arrests = flows[(flows["measure"] == "arrests") & flows["obs_id"].isin(
    ["unhcr-2023-arrests", "gdp-2023-detentions", "unhcr-2024-arrests-full-year", "unhcr-2025-arrests-ytd"])]
arrests = arrests.sort_values(["period_start", "publisher"]).reset_index(drop=True)
arrests[["publisher", "period_start", "period_end", "count_type", "value"]].assign(
    period_start=arrests["period_start"].dt.strftime("%Y-%m-%d"),
    period_end=arrests["period_end"].dt.strftime("%Y-%m-%d"))

# %% [markdown]
# UNHCR counted 26,299 arrests and detentions of Afghans in 2023 (the Global Detention Project gives
# more than 30,000 migration-related detentions), 9,006 in 2024, and 100,971 in 2025 up to 8 November.
# Note the last is a running total for part of a year, not a full year. The UNHCR report behind the
# 2024 figure is read two ways by two outlets (9,006 for the year, 9,066 to 8 November): the
# explorer shows both.

# %% [markdown]
# ## Explore the counts yourself
#
# Pick one or more publishers, a measure (returns, deportations, arrests or the stock of people
# living in Pakistan), a status and a kind of count. Running totals appear as lines joining only
# figures from the same counter that count from the same day; one-period counts appear as bars
# spanning their period. The table under the controls gives every figure with its note. Try the
# Afghan Taliban authorities' counts, or the UN agencies' weekly counts around the October 2025
# border closures.

# %%
lesson.explorer()

# %% [markdown]
# ## Check yourself
#
# 1. A news report (Pajhwok summarising the Express Tribune) says about 1.3 million Afghans had been
#    repatriated by 5 July 2025; UNHCR says 1,723,481 had returned by 8 November 2025. Can you
#    subtract the first from the second to find how many left between July and November?
#
# <details><summary>Answer</summary>
#
# No. The two figures come from different counters and count different people from different start
# days: the news report does not name its counting body and counts undocumented people and ACC
# holders from November 2023; UNHCR counts every return from Pakistan from 15 September 2023. Only
# two running totals from the same counter, with the same start day, can be subtracted.
#
# </details>
#
# 2. UNHCR reported 143,000 returns in August 2025 and "more than 554,000" since 1 April 2025. Why
#    should these two never be joined by one line on a chart?
#
# <details><summary>Answer</summary>
#
# The first is a one-period count (one month); the second is a running total since 1 April. A line
# between them would suggest that returns fell from 554,000 to 143,000, which is not what happened.
#
# </details>

# %% [markdown]
# ## Sources

# %%
used_events = events[events["event_id"].isin(list(history["event_id"]) + [
    "2023-10-03-illegal-foreigners-repatriation-plan", "2023-11-23-unhcr-urges-winter-halt",
    "2025-04-19-dar-kabul-visit"])]
relations = alliance.load("relations")
used_relations = relations[relations["relation_id"].isin(["un-pak-diplomatic-2025-returns",
                                                           "pak-ttp-designation-2024"])]
alliance.show_sources(flows, phases, used_events, said, used_relations, terms)
