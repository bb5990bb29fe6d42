# ---
# jupyter:
#   course:
#     title: "01 · The old alliance"
#     questions:
#       - Why has no Afghan government accepted the border Pakistan inherited in 1947?
#       - How did Pakistan become the patron of the Afghan mujahideen and then of the Taliban?
#       - What did Pakistan's neighbours and the United States accuse it of between 2001 and 2021, and what did Pakistan answer?
#       - How solid is the evidence for the early dates in this story?
#     objectives:
#       - Locate the Durand Line and the main crossings on a map, and explain why the line is disputed.
#       - Explain, with dated events, how Pakistan's ties to the mujahideen and the Taliban developed from 1979 to 2021.
#       - Compare Pakistani, Afghan and independent accounts of Pakistan's role, saying who claims what.
#       - Filter the timeline by era, kind of event and actor, and spot events that rest only on weaker sources.
#     keypoints:
#       - The Durand Line of 1893 became Pakistan's western border in 1947; Afghan governments, from the 1949 loya jirga to the Taliban, have refused to recognise it.
#       - In the 1980s most foreign aid to the Afghan mujahideen flowed through Pakistan's ISI, which favoured Islamist parties.
#       - Pakistan was the first of only three states to recognise the Taliban's first government (1997–2001), and cut the tie after 9/11.
#       - From 2001 to 2021 Afghan and US officials accused Pakistan of sheltering the Taliban leadership; Pakistan denied backing them, and itself faced the TTP, formed in 2007.
#       - Many early dates rest on weaker copies (mirrors, blogs, forums); the data flags them, and so should anyone who cites them.
#     teaching: 35
#     exercises: 20
#     prerequisites: ["00 · Start here: how this course works"]
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown]
# > **Content note.** This lesson covers more than a century of conflict, including wars, bombings and
# > attacks on schools and embassies. Death tolls appear in the timeline, always with the body that gave
# > them. Nothing is described in graphic detail.

# %%
import alliance

alliance.setup()

# %% [markdown]
# ## Why start in 1893?
#
# In August 2021 the Taliban took Kabul, and many in Pakistan's establishment expected a friendly
# government next door. To see why that hope rested on a long and uneasy history, this lesson walks through 128
# years, from a line drawn by a British official to the Taliban's return. It uses four tables from
# `course_data/`: the timeline (`events.csv`), the border crossings (`crossings.csv`), the ties
# between actors (`relations.csv`, `actors.csv`) and the list of sources behind them (`sources.csv`).
#
# The lesson's module holds the charts and the explorer, so the cells below stay short.

# %%
import pandas as pd

from alliance.lessons import l01_the_old_alliance as lesson

events = lesson.events_frame()
crossings = lesson.crossings_frame()
relations = alliance.load("relations")

# %% tags=["nbval-check-output"]
lesson.era_counts(events)

# %% [markdown]
# The timeline holds 134 dated events up to the end of August 2021, split into three eras. The
# `weaker_only` column counts events whose every source is a *weaker copy*: a mirror site, a blog
# or a forum post (the `caution` flag in `sources.csv`). Keep that column in mind; we come back to it.
#
# ## A line drawn in 1893
#
# In November 1893 Mortimer Durand, foreign secretary of British India, and the Afghan ruler Amir
# Abdur Rahman Khan agreed a line between British India and Afghanistan. The **Durand Line**, about
# 2,600 km long, runs through the lands of the **Pashtuns**, the ethnic group that lives on both
# sides of it. Whether the 1893 agreement fixed a border of sovereignty or only the limits of two
# *spheres of influence* is itself disputed; note that two of the three sources behind the course's
# entry for the agreement in `relations.csv` are Pakistani publications, one of which openly argues
# Pakistan's position. The exact day usually given, 12 November 1893, appears only on a weak
# Indian defence blog, and two other sources (The Quint in 2021, The News in 2017) even date the line
# to 1896.
#
# When British India was partitioned in August 1947, the new state of Pakistan inherited the line
# as its western border. Here the two sides' accounts part ways:
#
# - **Pakistan** says the border question was settled before it was born.
# - **Afghanistan** says the Durand agreement is void, and from 1947 backed the idea of
#   **Pashtunistan**, a homeland for Pashtuns straddling the line.
#
# Kabul's objection came fast. In September 1947 Afghanistan is recorded as the only country to vote
# against Pakistan's admission to the United Nations, though this rests on a blog quoting UN records,
# one study says the vote was withdrawn within a month, and a Pashtun blog disputes that a "no"
# was recorded at all. In 1949 a **loya jirga** (a grand council convened in Afghanistan for national
# decisions) declared the 1893 agreement and later Anglo-Afghan treaties void. The precise date
# usually given, 26 July 1949, comes only from a forum post copying an older study.
#
# The next three decades swung between rupture and repair: Pakistani missions in Afghanistan
# attacked and ties cut in 1955 (sources disagree whether in March or October) and restored in 1957;
# relations broken again in September 1961, when Afghan transit trade through Pakistan was halted;
# an Iranian-mediated deal in Tehran in May 1963. Most of these dates come from one book chronology
# reposted on a weak host site. After Mohammad Daoud, a champion of Pashtunistan,
# seized power in Kabul in 1973, Afghan Islamists opposed to him fled to Peshawar. Pakistan set up an
# "Afghan cell", and a 1975 uprising by these exiles, which reference accounts call the first
# operation of Pakistan's **ISI** (Inter-Services Intelligence, its main intelligence agency) inside
# Afghanistan, was crushed.

# %% tags=["nbval-check-output"]
lesson.evidence_table()

# %% [markdown]
# The table above lists five key dates of this lesson, with how many sources each rests on and how
# many of those are weaker copies (in brackets). Read the notes: where a date comes from a single
# weaker copy, the course keeps it, says so, and treats it as uncertain.

# %% [markdown]
# ## The frontier and its crossings
#
# The map shows the Durand Line as Natural Earth draws it: as the international border, which is
# Pakistan's view, not Afghanistan's. The course's data lists seven official crossings on it. The two
# main ones are **Torkham**, the busiest, linking Pakistan's Khyber district to Nangarhar province on
# the road to Jalalabad and Kabul, and **Chaman–Spin Boldak**, linking Quetta to Kandahar. The course found
# published coordinates for only three of the seven; the table lists all of them.

# %%
lesson.frontier_map(crossings)

# %% tags=["nbval-check-output"]
lesson.crossings_table(crossings)

# %% [markdown]
# ## The Afghan jihad, 1979–1992
#
# In April 1978 a communist party seized power in Kabul and killed Daoud. On 25 December 1979
# Soviet troops entered Afghanistan (an AP timeline dates the start of the move to the 24th). Afghan
# resistance fighters, the **mujahideen**, gathered in Pakistan, where US arms and money reached them.
#
# The United States armed them through a covert CIA programme, **Operation Cyclone**. According to
# the timeline's sources it grew from about 695,000 dollars in mid-1979 to 20–30 million dollars a
# year in 1980, and to 630 million a year by 1987 (Wikipedia's figure); Saudi and Chinese money also
# flowed through Pakistan. Most of the aid passed through the ISI, which favoured the Islamist
# parties preferred by General Zia-ul-Haq's government. From 1986 the pipeline carried Stinger
# anti-aircraft missiles.
#
# Soviet bombing emptied the countryside. By mid-1984 roughly 3.5 million Afghans had fled to
# Pakistan (and over a million to Iran), according to Seth Jones's history, read only in a copy on a mirror site. The Geneva
# Accords of April 1988, signed by Pakistan and the Kabul government with the US and the USSR as
# guarantors but without the mujahideen, set the Soviet withdrawal, completed on 15 February 1989.
# The civil war went on: the Kabul government fell in April 1992, and accords signed in Peshawar
# (1992) and Islamabad (1993) failed to stop the mujahideen parties fighting one another.
#
# ## Pakistan and the first Taliban government, 1994–2001
#
# The **Afghan Taliban** appeared in southern Afghanistan in 1994. In October 1994 some 200 of them
# took the border post of Spin Boldak, opposite Chaman, and, by Ahmed Rashid's account, Pakistan let
# them capture a large arms dump there. Weeks later a Pakistani trade convoy bound for Central Asia
# left Quetta with an ISI officer aboard; when it was held up near Kandahar, the Taliban freed it.
# Kandahar itself fell to them in November 1994, reportedly after the ISI paid a local commander not
# to resist (a claim reported in Jonathan Lee's history).
#
# How close was Pakistan to the movement? The accounts the course read differ in emphasis:
#
# - **Steve Coll** (PBS Frontline) says the ISI first met Taliban leaders in late 1994 and that by
#   1995 the contact had become close military collaboration, with arms, cash and fuel.
# - **Ahmed Rashid**, writing in Lahore's *The Nation* in 1998, described the links as deep and
#   many-sided but argued that the Taliban were nobody's puppets.
# - **In Kabul**, crowds blamed Pakistan: in September 1995, a day after the Taliban took Herat, up
#   to 5,000 protesters stormed and burned Pakistan's embassy.
#
# The Taliban took Kabul in September 1996. On 26 May 1997, Pakistan announced full recognition of
# their government, a date the course found only in a quotation from Roy Gutman's book on a weak
# host page. By the end of 1998 only three states recognised the Taliban: Pakistan, Saudi Arabia and
# the United Arab Emirates. The United Nations kept the ousted government of Burhanuddin Rabbani in
# Afghanistan's seat, and from 1999 the Security Council imposed sanctions on the Taliban to make
# them hand over Osama bin Laden.
#
# After 11 September 2001 the alliance broke. The US gave Pakistan a list of demands, including an end
# to support for the Taliban, and President Musharraf agreed to all of them (the 9/11 Commission dates
# the meeting to 13 September, two books to the 12th). The UAE cut ties on 22 September; US and
# British strikes began on 7 October; Kabul fell in November. On 19 November Pakistan's foreign
# minister said Islamabad no longer recognised the collapsed regime, and days later Pakistan closed
# the Taliban embassy.

# %% [markdown]
# ## Sanctuary and insurgency, 2001–2021
#
# The Taliban leadership regrouped across the border in Pakistan's Balochistan province. Western
# officials came to call its council the **Quetta Shura**; Pakistan denied it existed until December
# 2009, when its defence minister said it existed but was no longer a threat. For the next two
# decades the same charge returned: that Pakistan gave the Afghan Taliban **sanctuary**, a safe place
# to rest, train and plan.
#
# - **Afghan governments** made the charge loudly. After bombings in Kabul in 2008 and 2015 Afghan
#   officials blamed Pakistan or its ISI, and in 2016 President Ashraf Ghani accused Pakistan of an
#   undeclared war against Afghanistan.
# - **US officials** made it too. In 2011 Admiral Mike Mullen, the top US military officer, told the
#   US Senate that the ISI supported attacks by the Haqqani network, a Taliban-affiliated group that
#   the US designated as terrorist in 2012.
# - **Pakistan** denied these charges: it rejected Mullen's claim outright, said the Haqqanis were not
#   Pakistani nationals, and answered with a charge of its own, that attacks inside Pakistan were
#   planned by militants in Afghanistan.
#
# Pakistan's own losses to militants were real. Pakistani militant factions in the tribal areas on the border (**FATA**, the
# Federally Administered Tribal Areas) formed the **TTP** (Tehrik-e-Taliban Pakistan, the "Pakistani
# Taliban") in December 2007 to fight the Pakistani state. The United States designated the TTP a
# terrorist organisation in 2010, and Pakistan bans it. In December 2014 TTP gunmen attacked the
# Army Public School in Peshawar; Pajhwok Afghan News reported 141 dead, 132 of them children (a New
# York Times report reprinted by The Irish Times gave 148). The Afghan Taliban condemned the attack.
#
# Meanwhile the border itself hardened. Pakistan's army launched its North Waziristan offensive in
# 2014, fought Afghan forces over a new gate at Torkham in 2016, sealed the border after a shrine
# bombing in 2017 that it said was planned in Afghanistan, and began fencing the Durand Line the same
# year, a line Kabul does not accept. In 2018 Pakistan merged FATA into Khyber Pakhtunkhwa province.
#
# The chart below lines up the dated ties between the actors. Read it from top to bottom: Kabul's
# hostility to Pakistan from 1947, the two patronages (mujahideen, then Taliban), and after 2001 a
# thicket of wars, terrorist listings and alleged support.

# %%
lesson.ties_chart(relations)

# %% [markdown]
# ## The Doha track and the return to Kabul, 2018–2021
#
# From 2018 the United States sought a deal with the Taliban. It named Zalmay Khalilzad its envoy, and
# Pakistan released Mullah Baradar, the Taliban deputy it had detained in Karachi in 2010; he went on
# to lead the Taliban team in Qatar (the month of release, October 2018, comes only from a weak copy). On 29 February 2020 Khalilzad and
# Baradar signed the **Doha agreement**: foreign troops would leave within 14 months; the Taliban
# pledged not to let groups such as al-Qaeda use Afghan soil. Pakistan's foreign minister attended;
# the Afghan government was not a party. Pakistan hosted Baradar's delegation in Islamabad in August
# and December 2020.
#
# As the US withdrawal deadline approached in summer 2021, the Taliban advanced. On 14 July they claimed Spin Boldak and
# Pakistan shut the Chaman gate opposite; on 15 August they entered Kabul and President Ghani left the
# country. The next day Prime Minister Imran Khan, speaking at the launch of Pakistan's Single National
# Curriculum, said that Afghans had broken "the shackles of slavery", words widely read as welcoming the
# takeover:

# %% tags=["nbval-check-output"]
quotes = alliance.load("quotes")
imran = quotes[quotes["quote_id"] == "q007"]
imran[["speaker", "date", "words", "original_located"]]

# %% [markdown]
# The quote is marked `partial`: the speech was in Urdu and English renderings differ, so the course
# could not confirm one exact wording. Lesson 02 picks up the story from here.

# %% [markdown]
# ## How solid is the record?
#
# A timeline looks authoritative: every event has a date. But the early decades rest on fewer and
# weaker sources than the recent ones. The chart counts, for each era, the events whose every source
# is a weaker copy.

# %%
lesson.record_strength_chart(events)

# %% [markdown]
# Almost a third of the events before 1979 rest only on weaker copies, against a few per cent after
# 2001. That does not make them false: a blog that quotes UN records may quote them correctly. It
# means you should check such dates against stronger sources before relying on them, and say how
# solid they are when you cite them.

# %% [markdown]
# ## Explore the timeline
#
# Filter the 134 events by era, kind of event and actor. The list shows the first ten events that
# match; the chart shows all of them (hover a symbol for details). Tick the box to hide events that
# rest only on weaker copies, and watch which eras thin out.
#
# Things to try: choose *Pakistan* and then *Afghan Taliban* as the actor in the era 1979–2000; choose
# *Border incidents and closures* for each era in turn; pick *Saudi Arabia* or *United Arab Emirates*.

# %%
lesson.explorer()

# %% [markdown]
# ## Check yourself
#
# 1. Pakistan and Afghanistan describe the Durand Line differently. State each side's position in one
#    sentence, and name one event from 1947–1949 that shows Kabul's view.
#
# <details><summary>Answer</summary>
#
# Pakistan treats the line as its international border and says the question was settled before
# 1947; Afghan governments say the 1893 agreement is void and have never formally accepted the line.
# In 1949 a loya jirga in Kabul declared the agreement void (and in 1947 Afghanistan is recorded as
# voting against Pakistan's UN admission, though that record is disputed).
#
# </details>
#
# 2. A classmate writes: "Pakistan recognised the Taliban on 26 May 1997, as everyone agrees." What
#    would you correct, using the timeline and its sources?
#
# <details><summary>Answer</summary>
#
# That Pakistan recognised the Taliban government in 1997 is well supported (it was one of three
# states to do so, and ended the tie in November 2001). But the exact day, 26 May 1997, comes from a
# single weaker copy: a book quotation reposted on an aggregator site (`911plus-undated-gutman-1997-quote`,
# `caution=true`). "As everyone agrees" overstates it; the date should be cited as resting on one source.
#
# </details>

# %% [markdown]
# ## Sources

# %%
ties = lesson.ties_frame(relations)
glossary = alliance.load("glossary")
used_terms = ["Durand Line", "Pashtuns", "Pashtunistan", "Loya jirga", "ISI (Inter-Services Intelligence)",
              "Torkham", "Chaman (Chaman–Spin Boldak)", "Mujahideen", "Operation Cyclone", "Afghan Taliban",
              "Quetta Shura", "Sanctuary (safe haven)", "FATA (Federally Administered Tribal Areas)",
              "TTP (Tehrik-e-Taliban Pakistan)", "Haqqani network", "Doha agreement (2020)"]
alliance.show_sources(events, crossings, ties, imran, glossary[glossary["term"].isin(used_terms)])
