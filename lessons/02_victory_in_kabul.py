# ---
# jupyter:
#   course:
#     title: "02 · Victory in Kabul"
#     questions:
#       - What did Pakistan's leaders seem to expect when the Taliban took Kabul in August 2021?
#       - How did the Afghan Taliban broker talks between Pakistan and the TTP, and what did each side ask for?
#       - How did the TTP ceasefire end in November 2022, and what did militant violence in Pakistan do around it?
#       - How can you tell a statement the course has verified from one it has seen only second-hand?
#     objectives:
#       - Place the fall of Kabul, the Pakistan–TTP talks and the two ceasefires of 2021–2022 on a timeline.
#       - Compare what Pakistan and the TTP demanded in the talks, and say who blamed whom when the truces ended.
#       - Read one publisher's violence series without mixing it with another publisher's definition.
#       - Check a quote's verification status before repeating it.
#     keypoints:
#       - Pakistan's prime minister made remarks widely read as welcoming the Taliban takeover, and its intelligence chief was the first senior Pakistani official to visit Kabul afterwards.
#       - From October 2021 the Afghan Taliban hosted and mediated talks between Pakistan and the TTP, which produced a one-month ceasefire in November 2021 and an open-ended one from June 2022.
#       - The talks stalled over the TTP's demand to undo the 2018 merger of the tribal areas into Khyber Pakhtunkhwa, which the government refused.
#       - The TTP called off the ceasefire on 28 November 2022, blaming army operations; PICSS counted more militant attacks in each half-year from early 2022 to mid-2023.
#       - A quote is only as good as its trail; the course marks every statement it could not trace to the original report.
#     teaching: 30
#     exercises: 20
#     prerequisites: ["01 · The old alliance"]
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown]
# > **Content note.** This lesson mentions bombings, air strikes and border shelling in which people
# > were killed, and gives reported death tolls. Nothing is described in graphic detail.

# %%
import alliance
from alliance.lessons import l02_victory_in_kabul as lesson

alliance.setup()

events = alliance.load("events")
talks = alliance.load("talks")
quotes = alliance.load("quotes")
violence = alliance.load("violence")
relations = alliance.load("relations")
definitions = alliance.load("definitions")

# %% [markdown]
# ## August 2021: a friendly government next door?
#
# On 15 August 2021 Taliban fighters entered Kabul and took the presidential palace as President
# Ashraf Ghani left the country. The **Afghan Taliban**, the Islamist movement that had ruled
# Afghanistan from 1996 to 2001 and then fought an insurgency until 2021, were back in power. They
# call their state the **Islamic Emirate of Afghanistan** (IEA).
#
# Pakistan had history with the movement. According to Steve Coll, Pakistan's leading intelligence
# agency, the **ISI** (Inter-Services Intelligence), first met Taliban leaders in late 1994, and the
# contact soon became close military collaboration; Pakistan was also the first state to recognise
# the first Taliban regime, in 1997 (lesson 01 tells that story). So the takeover looked, to many in
# Islamabad, like a friendly government arriving next door. Two moments from the first weeks show the
# mood at the top:
#
# - the next day, 16 August, Prime Minister Imran Khan, speaking at the launch of Pakistan's Single
#   National Curriculum, said Afghans had "broken the shackles of slavery", a remark widely read as
#   welcoming the takeover;
# - on 4 September the ISI chief, Lt Gen Faiz Hameed, became the first senior Pakistani official to
#   visit Kabul after the takeover. Asked by a foreign journalist what he hoped would happen, he gave
#   a short, confident answer.
#
# Here are both statements as the course's quotes table records them. Each card says whether the
# course could read the original report; both are marked ◐ because English versions of them differ.

# %%
lesson.show_quotes("q007", "q039")

# %% [markdown]
# ### The problem Islamabad hoped Kabul would solve
#
# The group Pakistan most wanted Kabul to deal with was the **TTP** (Tehrik-e-Taliban Pakistan, the
# "Pakistani Taliban"): an umbrella of militant factions formed in December 2007 to fight the
# Pakistani state, with its own command but allied with the Afghan Taliban and pledged to them. Pakistan bans the TTP as a terrorist organisation (since July 2024 its
# officials must call it **Fitna al-Khawarij**), and the United States has designated it a Foreign
# Terrorist Organization since 2010.
#
# Islamabad's hope, as its later demands make plain, was that a friendly government in Kabul would
# rein the TTP in. The course's data point the other way from the start. UN sanctions monitors,
# the main independent source on the group, reported 3,000–5,000 TTP fighters in Afghanistan in the
# report covering late 2021 (6,000–6,500 by July 2024) and say the group operates there with Taliban
# support; the Taliban government denies harbouring it. A Pakistani magazine article of 11 December 2021 set two statements
# side by side: the TTP's leader calling his group a branch of the Islamic Emirate, and the Taliban's
# spokesman denying it. Notice the red marks: the course has seen both statements only second-hand.

# %%
lesson.show_quotes("q061", "q045")

# %% [markdown]
# Looking back in October 2025, after the two countries had fought on their border, outside analysts
# described what Islamabad had misjudged. These are hindsight views, not evidence of what officials
# thought in 2021. Afghan commentators read the story differently: a Kabul-based analyst, Salim Noori,
# argued (in an undated report) that Pakistan raises the TTP issue to divert attention from its own
# crises.

# %%
lesson.show_quotes("q076", "q075", "q078", "q082")

# %% [markdown]
# ## The Afghan Taliban as broker (October–December 2021)
#
# Instead of a crackdown, Kabul offered talks. On 1 October 2021 Imran Khan told Turkey's TRT World
# that his government was talking to some TTP groups about "reconciliation", with the talks held in
# Afghanistan and the Afghan Taliban helping; ministers had already floated a pardon for militants
# who accepted Pakistan's constitution. A **mediator** is a third party that brings rivals to the
# table without being a party to the conflict; here the mediators were the Afghan Taliban, the TTP's
# allies.

# %%
lesson.show_quotes("q008", "q009")

# %% [markdown]
# The course's table of negotiation rounds (`talks.csv`) holds four Pakistan–TTP rounds, all in
# Afghanistan and all mediated by the Afghan Taliban (the Haqqani network too in May 2022; see below).
# The first round's start is known only to the month.

# %% tags=["nbval-check-output"]
rounds = lesson.ttp_talks(talks)
rounds[["name", "start_date", "end_date", "city", "mediators", "outcome_category"]]

# %% [markdown]
# The first round produced a **ceasefire**, an agreed halt to fighting: Information Minister Fawad
# Chaudhry announced it, and TTP leader Noor Wali Mehsud ordered his fighters to hold fire from
# 9 November to 9 December 2021. Pakistan said it would talk only within its constitution and laws;
# the TTP, by its own account, wanted imprisoned fighters freed (it named 102, a figure the course
# read only in a TTP statement carried by a little-known website), negotiating committees on each
# side and a joint statement.
#
# When the month ran out, the TTP refused to extend the truce. It said the government had not kept its
# promises and had kept raiding its fighters; the course's sources report no official government
# answer to that charge. A month later the military's spokesman, the head of **ISPR** (Inter-Services
# Public Relations, the armed forces' media wing), explained why Pakistan had agreed to the truce in
# the first place:

# %%
lesson.show_quotes("q038")

# %% [markdown]
# Here are the two TTP ceasefires whose first and last days the data give, computed from the events
# that began and ended them:

# %% tags=["nbval-check-output"]
truces = lesson.ceasefire_periods(events)
truces[["label", "start", "end", "days", "how_it_ended"]]

# %% [markdown]
# ## 2021–2022 on one page
#
# The chart puts the talks, the ceasefires and every event in the course timeline for 2021 and 2022 on
# one time axis. Hover over a bar, a diamond or a dot for details, including reported death tolls and
# who reported them. Look at what happens on the border and between the two governments *while* the
# truces were in force.

# %%
lesson.timeline_chart(events, talks)

# %% [markdown]
# Three things stand out.
#
# 1. **Friction between the two governments began early.** In December 2021 Taliban forces stopped
#    Pakistani troops fencing the border in Nangarhar (the Taliban defence ministry's spokesman called
#    it an illegal fence; Pakistan's army did not comment). The Taliban, like every Afghan government
#    before them, do not accept the **Durand Line**, the 1893 line Pakistan treats as its border.
# 2. **Pakistan blamed attacks on militants based in Afghanistan.** After soldiers were killed in North
#    Waziristan on 14 April 2022, air strikes that the Taliban blamed on Pakistan hit villages in Khost
#    and Kunar two days later. Afghan
#    officials said most of those killed were civilians (Khost's information director gave 41 deaths in
#    Khost alone, via AFP); the Taliban spokesman called the victims refugees and warned of
#    consequences. Islamabad did not confirm the strikes and demanded action against militants; the UN
#    mission said it was verifying reports of civilian casualties.
# 3. **The talks went on regardless**, now in Kabul.

# %% [markdown]
# ## 2022: Kabul, the jirga and the tribal areas
#
# In mid-May 2022 the talks resumed in Kabul. Tribal committees met the TTP on 13–14 May and a
# military delegation led by Lt Gen Faiz Hameed, by then Peshawar's corps commander, arrived on 16 May.
# The Afghan Taliban and the **Haqqani network** (a Taliban-affiliated network, designated terrorist by
# the United States in 2012, whose leader Sirajuddin Haqqani is the Taliban government's interior
# minister) hosted. According to reports relayed from Pakistan's Express Tribune, Pakistan asked for an
# end to cross-border attacks, a longer truce and freedom to keep fencing the border; the TTP asked for
# its commanders to be freed, money for returning fighters and an end to military operations in
# Waziristan. (That list of demands rests partly on a weak republication; see Sources.) The TTP
# extended its ceasefire to 30 May, and a Taliban spokesman spoke of significant progress.
#
# On 1–2 June a government-backed **jirga** (a Pashtun assembly of elders that settles disputes by
# consensus) of tribal elders and clerics went to Kabul; reports give its size as 57 (Dawn), 53 or
# about 50 members. Late on 2 June the TTP announced an open-ended ceasefire. The main sticking point
# was the **FATA merger**: in 2018 Pakistan's constitution was amended to abolish the separate status of
# the Federally Administered Tribal Areas, where the TTP was born, and merge them into the province of
# **Khyber Pakhtunkhwa**. The TTP wanted the merger reversed; the government said it would not.
# In late July a delegation of religious scholars led by Mufti Taqi Usmani met TTP leaders in Kabul;
# the course's sources report no agreement.
#
# Events outside the talks kept intruding. On 31 July a US drone strike killed al-Qaeda's leader in
# Kabul, and a week later a roadside bomb in Paktika killed Omar Khalid Khorasani, a senior TTP
# commander reportedly part of its negotiating team; no group claimed it.

# %% [markdown]
# ## November 2022: the ceasefire ends
#
# On 28 November 2022 the TTP called off the June ceasefire and told its fighters to attack across
# Pakistan. It blamed military and intelligence operations in Lakki Marwat and elsewhere. Al Jazeera
# got no response from the military, and Dawn noted that attacks had already been rising since
# September. The two lines below come from the same statement but carry different marks: one was read
# in Dawn's own report, the other exists in two different English translations.

# %%
lesson.show_quotes("q058", "q059")

# %% [markdown]
# The next day, Pakistan's Minister of State Hina Rabbani Khar was in Kabul for
# talks with the Taliban government. In December violence on the border escalated: Pakistan's military
# said Afghan border forces shelled civilian areas of Chaman on 11 December, killing six civilians
# (other reports give five, or eight plus one Taliban soldier), and detained TTP militants seized a
# counter-terrorism compound in Bannu before security forces stormed it. In January 2023 the TTP's
# leader said the group was "still open" to the ceasefire agreement:

# %%
lesson.show_quotes("q060")

# %% [markdown]
# ## What militant violence did around the ceasefire
#
# Research bodies in Pakistan count militant violence in different ways (lesson 03 compares them), so
# a trend must come from **one publisher and one definition**. The chart below uses only the
# **PICSS** (Pakistan Institute for Conflict and Security Studies, an Islamabad think tank) "militant attacks" series,
# taken from a single release. Here is what that series counts, in the course's words:

# %% tags=["nbval-check-output"]
picss = definitions[definitions["definition"] == lesson.VIOLENCE_DEFINITION]
print(picss["description"].iloc[0])

# %%
lesson.violence_chart(violence)

# %% [markdown]
# Attacks rose in every half-year: from January–June 2022, when the talks were under way, through
# July–December 2022, when the ceasefire was formally in force until 28 November, to
# January–June 2023, the first half-year after it ended. Deaths dipped in the second half of 2022 and
# then rose sharply. Two cautions:
#
# - PICSS counts attacks by *all* militant groups, not only the TTP. The deadliest attack of early 2022
#   in the course's timeline, the March suicide bombing of a Shia mosque in Peshawar, was claimed by the
#   Islamic State's Khorasan branch (ISKP), a rival of the Afghan Taliban.
# - A ceasefire on paper did not mean no attacks: the TTP accused the army of continuing operations,
#   and Dawn reported rising attacks from September.
#
# The same publisher's yearly totals, as each report first printed them, show the longer rise. PICSS
# revised 2020 and 2022 slightly in later reports (188 and 380 attacks; the `note` column says so).

# %% tags=["nbval-check-output"]
annual = violence[(violence["definition"] == lesson.VIOLENCE_DEFINITION) & (violence["region"] == "Pakistan")
                  & (violence["period"] == "annual") & (violence["metric"] == "attacks")
                  & (violence["vintage"] == violence["year"]) & violence["year"].between(2019, 2023)]
annual[["year", "vintage", "value", "note"]].sort_values("year")

# %% [markdown]
# ## Who said what: reading statements with care
#
# Statements travel. A minister speaks in Urdu, a TV channel translates, a website copies the
# translation, and a mirror site copies the website. The course's quotes table records, for every
# statement, whether the course read the named outlet's own report:
#
# - **✔ Original located**: read in the outlet that reported it first-hand;
# - **◐ Wording differs between reports**: found, but versions differ (usually translations); the
#   verification note gives the alternatives;
# - **⚠ Not verified**: seen only second-hand, in a copy or a mirror. Three statements in the table are
#   marked *UNVERIFIED*: their words come from the article the course grew from and were not found in
#   any report the course read.
#
# The chart counts the statuses for each side, across the whole table (2021–2025).

# %%
lesson.verification_chart(quotes)

# %% [markdown]
# ### Explore the statements
#
# The explorer starts on 2021–2022, the years of this lesson. Widen the years to follow each side's
# voice into the confrontation of 2025, and tick **Include undated quotes** to see the statements whose
# date the course could not pin down (many are undated in the outlet that carried them).

# %%
lesson.explorer()

# %% [markdown]
# ## Check yourself
#
# **1.** The TTP's statement of 28 November 2022 appears twice in the quotes table, once marked ✔ and
# once marked ◐. How can one statement have two statuses, and what should you do before quoting the
# second line?
#
# <details><summary>Answer</summary>
#
# Each line is checked on its own. The first line was read in Dawn's own report. The second exists in
# two English translations of an Urdu/Pashto original: Dawn's ("now our retaliatory attacks will also
# start across the country") and FDD's Long War Journal's ("now our revenge attacks will continue in the
# whole country"). Before quoting it, say whose translation you use, or quote both.
#
# </details>
#
# **2.** PICSS counted more militant attacks in July–December 2022, when a ceasefire was in force for
# most of the period, than in January–June 2022. Does this show that the TTP broke the ceasefire?
#
# <details><summary>Answer</summary>
#
# No. PICSS counts attacks by all militant groups, not only the TTP, so the series cannot say which
# group carried them out. On who broke the truce, the record holds only one side's claim: the TTP said
# army operations continued, and the course's sources report no government or military answer. The data show that violence rose during and after the
# truce, not who broke it. And to compare with another publisher (PIPS, CRSS), you would have to keep
# the series apart, because they count different things.
#
# </details>

# %% [markdown]
# ## Sources

# %%
used_relations = relations[relations["relation_id"].isin(
    ["pak-afgtaliban-support-1994", "pak-afgtaliban-recognition-1997", "afgtaliban-ttp-support-2021",
     "pak-ttp-designation-2024", "usa-ttp-designation-2010", "usa-haqqani-designation-2012",
     "afgtaliban-pak-mediation-2022"])]
alliance.show_sources(lesson.period_events(events), rounds, lesson.half_year_violence(violence), annual,
                      picss, used_relations, quotes)
