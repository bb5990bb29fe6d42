# ---
# jupyter:
#   course:
#     title: "08 · The wider board"
#     questions:
#       - Which outside powers deal with Pakistan and the Afghan Taliban, and what kind of ties do they keep?
#       - Who recognises the Taliban government, and who lists which armed group as terrorist?
#       - How did the board around the two neighbours change after the Taliban returned to power in 2021?
#     objectives:
#       - Read a relations matrix and say who acts on whom, with what kind of tie, in a given year.
#       - Tell recognition apart from lesser diplomatic steps such as accepting credentials or handing over an embassy.
#       - Say who designates which group as terrorist, and since when, without taking any side's label as fact.
#       - Compare how Pakistan, the Taliban, India and the mediators describe the outside powers' roles.
#     keypoints:
#       - Outside powers rarely pick one side; most keep ties with both Pakistan and the Taliban government.
#       - In 1997–2001 three states recognised the Taliban; since 2021 only Russia (July 2025) has, while China, the UAE, Iran, India and Pakistan took smaller steps short of formal recognition.
#       - A terrorist designation is one government's or the UN's decision about one group; always say who designates whom.
#       - Pakistan accuses India of backing the TTP and the BLA; India rejects this, and the Taliban reject claims of Indian influence.
#       - Qatar, Türkiye and Saudi Arabia mediated in 2025; China works through trilateral talks and the CPEC corridor.
#     teaching: 35
#     exercises: 20
#     prerequisites: ["07 · Talks and mediators"]
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown]
# > **Content note.** This lesson mentions attacks by armed groups and air strikes in which people
# > died. It gives numbers only where the course's sources do, says who reported them, and describes
# > no violence in detail.

# %%
import alliance
from alliance.lessons import l08_the_wider_board as lesson

alliance.setup()

# %% [markdown]
# ## Beyond the two neighbours
#
# The quarrel between Pakistan and the Afghan Taliban is not fought between two players alone.
# Money, trade corridors, embassies, ceasefire talks and terrorist lists come from a ring of outside
# powers: China, Iran, India, Russia, Türkiye, Qatar, Saudi Arabia and the United Arab Emirates, the
# United States and the United Nations. Each of them has its own reasons to deal with Islamabad, with
# Kabul, or with both.
#
# This lesson maps that ring with one table, `relations.csv`. Each row is a **tie**: one actor acting
# on another (the direction matters), of one of seven kinds, with a first and a last year. A few words
# come up again and again; here is what the course's glossary says about them.

# %% tags=["nbval-check-output"]
glossary = alliance.load("glossary")
lesson.show(lesson.glossary_table(glossary))

# %% [markdown]
# ## How the course records a tie
#
# The seven kinds of tie are *support* (arms, money, shelter), *hostility* (fighting, or open
# accusation), *trade*, *diplomatic* ties short of recognition, *recognition* of a government,
# *mediation* between rivals, and *designation*, where the first actor lists the second as a terrorist
# organisation. The table below counts them.

# %% tags=["nbval-check-output"]
relations = alliance.load("relations")
lesson.ties_by_type(relations)

# %% [markdown]
# Two rules decide how a tie's years are read, here and in the explorer further down:
#
# - An **empty end year** means the tie was still in force when the latest source was written. The
#   charts draw such ties up to 2025, the latest year in the table.
# - An **empty start year** means no source the course read gives one. Four ties have none: Saudi and
#   Emirati recognition of the first Taliban government, Saudi funding of it, and the Haqqani network's
#   alliance with the Taliban. The course does not guess. It shows these ties only in the year the
#   sources confirm them: their last year (2001 for the three Gulf ties) or, for the Haqqani tie, which
#   is still in force, 2025. The charts mark them "start year not given".

# %% [markdown]
# ## Who deals with whom since 2021
#
# The chart counts each outside power's ties that were in force at some point from 2021 to 2025,
# whichever way they point, and sorts them by who sits at the other end. Hover over a bar to see the
# ties behind it.

# %%
lesson.board_ties_chart(relations)

# %% [markdown]
# Three things stand out.
#
# - **Almost no one picks a side.** China, Qatar, Türkiye, Saudi Arabia, Uzbekistan and the UN all keep
#   ties with both Pakistan and the Taliban. China trades with and talks to both; Qatar, Türkiye and
#   Saudi Arabia mediated between them in 2025.
# - **India is the exception on Pakistan's side of the chart.** Its only ties with Pakistan are
#   hostile ones, one in each direction (see "India" below), while it built diplomatic ties with the
#   Taliban.
# - **The United States deals mostly with armed groups**: it designates the TTP, the Haqqani network
#   and the BLA (two separate listings) as terrorist, and the Islamic State's regional branch (ISKP)
#   attacked US troops during the 2021 withdrawal.
#
# The outside powers also met the two neighbours at the table. Here are the diplomatic events since 2021
# in the course timeline (`events.csv`) in which at least one outside power took part.

# %% tags=["nbval-check-output"]
events = alliance.load("events")
board_events = lesson.board_diplomacy(events)
lesson.show(board_events)

# %% [markdown]
# ## Recognition: from three states to one
#
# To **recognise** a government is to accept formally that it speaks for its country. It is a bigger
# step than letting its diplomats use an embassy, or than a head of state accepting an ambassador's
# **credentials** (the formal letter an envoy presents).
#
# **The first Taliban government (1996–2001).** Only three states recognised it: Pakistan, Saudi Arabia
# and the United Arab Emirates. Pakistan was the first; the course's only source for the date,
# 26 May 1997, is a passage from a book by the journalist Roy Gutman reproduced on a weak website, so
# treat the day with care. The pages read give no year for the Saudi and Emirati recognitions. The UN,
# and most states, kept recognising the ousted government of Burhanuddin Rabbani. After 9/11 all three
# broke with the Taliban: the UAE on 22 September 2001 according to AP and VOA (AFP says October), Saudi
# Arabia soon after, and Pakistan in November 2001, when it ordered the Taliban embassy in Islamabad
# closed.
#
# **The second Taliban government (since 2021).** Russia had listed the Taliban as a terrorist
# organisation since 2003. Its Supreme Court suspended that ban on 17 April 2025, and on 3 July 2025
# Russia became the first country to recognise the Taliban government formally. Others stopped short,
# and several said so:
#
# - **China**: President Xi accepted the credentials of a Taliban envoy on 30 January 2024; Beijing
#   called this normal practice, not recognition.
# - **The UAE** accepted a Taliban ambassador's credentials in August 2024, the second state to do so.
# - **Iran** handed the Afghan embassy in Tehran to Taliban diplomats in February 2023 without
#   recognising the government; Türkiye let them take over the consulate in Istanbul the same month.
# - **Pakistan** let Taliban diplomats take over the Afghan embassy in Islamabad, and in 2025 the two
#   agreed to raise their missions to ambassador level, again without formal recognition.
# - **India** reopened a technical mission in Kabul in June 2022 and made it a full embassy on
#   21 October 2025.
#
# The UN does not recognise the Taliban government either; its documents call it the **de facto
# authorities**. The table lists every tie from an outside power towards the Taliban that began in 2020
# or later.

# %% tags=["nbval-check-output"]
lesson.show(lesson.engagement_with_taliban(relations))

# %% [markdown]
# ## Terrorist lists: who designates whom
#
# A **designation** is a decision by one government, or by the UN, to list a group as terrorist, with
# bans and asset freezes that follow. It is a legal act of the one who designates, not a neutral label,
# so the course always names who designates whom. The chart shows every designation and recognition in
# the data as a bar from its first to its last year.

# %%
lesson.status_timeline_chart(relations)

# %% [markdown]
# Reading the black bars from the top:
#
# - **The UN** put the first Taliban government under sanctions with Security Council resolution 1267
#   in 1999, and in 2011 created a separate Taliban sanctions regime (resolution 1988) that still
#   applies. The UN listing recorded for the TTP (2020) concerns its leader, Noor Wali Mehsud; the
#   course found no UN listing of the group itself, and the only source for the 2020 date is a copy
#   of a Wikipedia page.
# - **Russia** listed the Taliban from 2003 until its court suspended the ban in April 2025.
# - **The United Kingdom** (2006) and **Pakistan** (9 April 2006) banned the Balochistan Liberation Army
#   (BLA), a Baloch separatist group. The **United States** listed it as a Specially Designated Global
#   Terrorist (SDGT) in July 2019, which Pakistan's foreign ministry welcomed, and as a Foreign Terrorist
#   Organization (FTO) on 11 August 2025, a step Pakistan had asked for according to Geo News.
# - **The United States** designated the TTP an FTO and SDGT on 1 September 2010, and moved to designate
#   the Haqqani network on 7 September 2012. Pakistan's embassy called that an internal US matter.
# - **The Afghan Republic** said in June 2020 that its national threat assessment listed the TTP as
#   terrorist.
# - **Pakistan**, which bans the TTP, ordered in July 2024 that all state bodies call it "Fitna
#   al-Khawarij". In 2025 it ordered the label "Fitna al-Hindustan" for Baloch militant groups,
#   presenting them as Indian proxies; India denies any role. The chart dates these two naming orders,
#   because the course's data give no year for Pakistan's original ban on the TTP. The course read the
#   2025 notification only in an undated mirror copy of an Express Tribune report, a weaker source.
#
# Notice what is missing: apart from the UN's sanctions regime, nothing in the data lists the Afghan
# Taliban as terrorist today, and Russia, the one state that did, now recognises them.

# %% [markdown]
# ## The powers one by one
#
# ### China
#
# China is Pakistan's partner in the **China–Pakistan Economic Corridor (CPEC)**, proposed in May 2013
# to link the port of Gwadar with Kashgar in western China. Since 2021 it has also worked with the
# Taliban: its state firm MCC renewed a 2008 contract for the Mes Aynak copper deposit in 2022 (work had
# not started by June 2023), and a single weak source reports a 25-year oil contract on the Amu Darya
# for another Chinese firm. China brings the two neighbours together in trilateral talks: informally in
# Beijing on 21 May 2025, and in Kabul on 20 August 2025, where the three agreed to extend CPEC to
# Afghanistan and to cooperate against terrorism. Chinese nationals have themselves been targets: the BLA
# carried out a suicide attack on Chinese nationals in Karachi in October 2024 (as reported by PIPS).
#
# At a press conference after the Kabul meeting, Pakistan's foreign minister Ishaq Dar said he had told
# the Taliban to act against the TTP or hand its members over (his words are in the table of statements
# below).
#
# ### Iran
#
# Iran let Taliban diplomats take over the Afghan embassy in Tehran in February 2023 and is an
# alternative trade route for landlocked Afghanistan: after Pakistan's transit restrictions the Taliban
# asked officials to look at routes through Iranian ports, though Iranian lawmakers tie trade to water
# rights. For the two also quarrel over water: Iran says the Taliban withhold its share of the
# Helmand river under a 1973 treaty, which the Taliban deny.
# On 27 May 2023 the dispute led to a firefight on the border in which two Iranian guards and one
# Taliban fighter were reported killed, each side blaming the other.
#
# ### India
#
# India is Pakistan's rival. After 2001 it was a large donor to the Afghan Republic; since 2022 it has
# engaged the Taliban. The Taliban's foreign minister Amir Khan Muttaqi visited New Delhi from 9 to 16
# October 2025, a trip made possible by a UN travel waiver, and India upgraded its Kabul mission to an
# embassy. The visit overlapped with the border fighting of 11–12 October.
#
# - **Pakistan's view.** Pakistani officials accuse India of backing militants on Pakistan's western
#   border. Pakistan's military called the TTP "Indian-sponsored" in its statement on the October
#   fighting, and information minister Attaullah Tarar linked the Afghan attack to Muttaqi's visit. On
#   11 October Pakistan protested to the Afghan envoy over the India–Afghanistan joint statement's
#   reference to Jammu and Kashmir.
# - **India's view.** India has rejected these accusations as baseless every time the data record them
#   (2009, March and October 2025, and early 2026), calling Pakistan a sponsor of terrorism that blames
#   its neighbours.
# - **The Taliban's view.** Their defence minister rejected claims of Indian influence, saying no
#   country has the right to violate Afghanistan's sovereignty.
#
# ### Russia
#
# Russia moved from listing the Taliban as terrorist (2003) to being the first state to recognise them
# (July 2025). Its officials cited a common enemy: Moscow blames ISKP, the Taliban's rival, for the
# March 2024 attack on a concert hall near Moscow in which 145 people were killed.
#
# ### Qatar, Türkiye, Saudi Arabia and the UAE
#
# **Qatar** has hosted the Taliban's political office since June 2013 and the signing of the US–Taliban
# agreement in February 2020. With **Türkiye** it brokered the immediate ceasefire announced on
# 19 October 2025 in Doha; Türkiye then hosted the rounds in Istanbul (lesson 07 follows them day by
# day). **Saudi Arabia**, one of the three states that recognised the first Taliban government, said it
# was "deeply concerned" as the border fighting raged (Business Recorder's English rendering of an
# Arabic statement), and later hosted a short, confidential round in
# Riyadh that ended without progress. The Taliban said the October fighting paused after requests from
# Qatar and Saudi Arabia. The **UAE**, the third of the 1990s recognisers, accepted a Taliban
# ambassador's credentials in 2024; an Emirati firm manages Afghanistan's airports. Several of the
# mediation rows lean in part on a Maldivian news aggregator (Archive.mv) that republished an agency
# report, a weaker copy; other reports and the Qatari statement back them up.
#
# ### The United States and the UN
#
# The **United States** armed the anti-Soviet mujahideen through Pakistan (1979–1992), toppled the
# Taliban in 2001 and fought them until its forces left on 31 August 2021, after the Doha agreement of
# 29 February 2020. In late July 2022 a US drone strike killed al-Qaeda's leader Ayman al-Zawahiri in
# Kabul: Secretary of State Blinken said sheltering him grossly violated the Doha agreement, while the
# Taliban spokesman Zabihullah Mujahid called the strike itself a violation.
#
# The **UN** keeps a political mission (UNAMA) in Afghanistan, sanctions Taliban leaders, and through
# its Monitoring Team provides the main independent reporting on militants there. Its July 2024 report
# put TTP fighters in Afghanistan at 6,000–6,500 and said the TTP operates with Taliban support; the
# Taliban government denies harbouring the group.

# %% [markdown]
# ## In their own words
#
# Statements from each side about the outside powers' roles, as reported. The last column says whether
# the course read the named outlet's own report (`yes`), saw the words only second-hand (`no`), or found
# different wordings in different reports (`partial`, often because the original was in Urdu, Pashto,
# Dari or Arabic).

# %% tags=["nbval-check-output"]
quotes = alliance.load("quotes")
quoted = lesson.quote_table(quotes)
lesson.show(quoted)

# %% [markdown]
# The Washington analyst Michael Kugelman (last row) offers one reading of the whole board: once the
# war against the United States was over, the Taliban no longer needed Pakistan. The data fit part of
# that: after 2021 the Taliban gained ties with China, Iran, India, Russia, the UAE and the Gulf
# mediators, while hostility entered their ties with Pakistan (from 2021 on the Taliban's side and from
# 2024 on Pakistan's, in this table). Whether the new ties *caused* the rift, the data cannot say.

# %% [markdown]
# ## Explore the board year by year
#
# The matrix shows every tie in force in the year you choose: rows are the actors that act, columns
# the actors they act on. Slide back to 1998 to see the first Taliban government's few friends, then
# forward to 2025. Filter by tie type to follow recognition or designation alone. Below the controls,
# the explorer lists the ties that began or ended that year and the diplomatic events of that year in
# the course timeline.

# %%
lesson.explorer()

# %% [markdown]
# ## Check yourself
#
# 1. In the explorer, set the tie type to *Recognition* and move the year. In which years does the
#    matrix show no recognition at all, and why is Saudi Arabia's recognition of the first Taliban
#    government drawn only in 2001?
#
# <details><summary>Answer</summary>
#
# Before 1996, and from 2002 to 2024, no recognition tie is in force: Pakistan, Saudi Arabia, the UAE and the UN's
# recognition of the Rabbani government all ended in 2001, and Russia's recognition of the Taliban
# began in 2025. Saudi Arabia's recognition has no start year in the sources the course read, so the
# course shows it only in 2001, the year the sources confirm (its last year), rather than guess when it
# began; for earlier years the explorer lists it under "Not drawn".
#
# </details>
#
# 2. A classmate writes: "China recognised the Taliban in 2024." What would you correct, and who
#    designates the BLA as a terrorist organisation?
#
# <details><summary>Answer</summary>
#
# In January 2024 President Xi accepted a Taliban envoy's credentials, which Beijing said was normal
# practice and not recognition; the course records it as a diplomatic tie. The only state that has
# formally recognised the Taliban government since 2021 is Russia (July 2025). The BLA is designated by
# Pakistan (since 2006), the United Kingdom (since 2006) and the United States (SDGT since 2019, FTO
# since 2025).
#
# </details>

# %% [markdown]
# ## Sources

# %%
alliance.show_sources(relations, events[events["category"] == "diplomacy"],
                      quotes[quotes["quote_id"].isin(lesson.QUOTE_IDS)],
                      glossary[glossary["term"].isin(lesson.GLOSSARY_TERMS)])
