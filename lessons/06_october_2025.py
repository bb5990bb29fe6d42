# ---
# jupyter:
#   course:
#     title: "06 · October 2025: the clashes day by day"
#     questions:
#       - What happened between Pakistan and the Afghan Taliban in October and November 2025, day by day?
#       - How far apart were the casualty figures that each side, the TTP, the media and the UN gave?
#       - Why do claims about the same incident diverge, and what does an independent count add?
#     objectives:
#       - Read a timeline of the October–December 2025 crisis and place the main incidents and talks on it.
#       - Compare the casualty claims made about one incident, naming who made each one.
#       - Compute how far apart two claims are, and explain why a ratio with an open-ended claim is only a lower bound.
#       - Explain why own losses, inflicted losses and civilian deaths are reported so differently.
#     keypoints:
#       - Between 8 and 19 October 2025 strikes, border battles and a short truce followed each other within days; the Doha ceasefire of 19 October did not end the violence, as attacks in Pakistan and strikes in Afghanistan went on into December.
#       - Each side gave a low figure for its own dead and a far higher one for the other side's; for the night of 11–12 October the two sides' counts of Pakistani soldiers killed differ by a factor of 2.5.
#       - Pakistan's statements counted militants killed, the Taliban's counted civilians; the strikes in Paktika on 17 October were reported as 60–70 militants killed (Pakistan's information minister, read only in a small outlet's relay) and as 8 to 17 civilians killed (the Afghanistan Cricket Board, Afghan security sources and a hospital), with UNAMA later counting 11 civilians.
#       - UNAMA, the UN mission in Afghanistan, counts only civilians on the Afghan side, and its figures grew as it checked more cases (17 then 35 civilians killed in Spin Boldak on 15 October).
#       - A claim is evidence of what the claimant wants known; compare it with other claims and with independent counts before relying on it.
#     teaching: 35
#     exercises: 20
#     prerequisites: ["03 · The TTP surge", "04 · The border"]
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown]
# > **Content note.** This lesson covers weeks in which air strikes, border fighting and suicide
# > bombings killed soldiers, fighters and civilians, among them children. It gives numbers of dead
# > and injured, always with who reported them, and describes no violence in detail. Take breaks when
# > you need to.

# %%
import alliance

alliance.setup()

# %% [markdown]
# ## Seven weeks that broke the relationship
#
# Lesson 03 showed attacks by the **TTP** (Tehrik-e-Taliban Pakistan, the "Pakistani Taliban")
# climbing year after year. The TTP is a separate movement from the **Afghan Taliban**, who have
# governed Afghanistan since August 2021, but the two are allied. The United States has designated
# the TTP a terrorist organisation since 2010; Pakistan's government officially calls it
# *Fitna al-Khawarij*, a name that likens it to an early sect of Islamic rebels. Pakistan says the TTP
# has sanctuaries in Afghanistan; the Taliban's foreign minister has called terrorism Pakistan's
# internal problem.
#
# In October 2025 that quarrel turned into open fighting between the two states. This lesson follows
# the crisis day by day and, at each step, asks a second question: **who says so?** Almost every
# casualty figure from these weeks comes from a party to the fighting.
#
# The claims in this lesson come from five kinds of **claimant** (the person or body that makes a
# claim), each with its own colour and marker shape in the charts:
#
# | claimant type | who | examples |
# |---|---|---|
# | Pakistani state | the military and government of Pakistan | **ISPR** (Inter-Services Public Relations, the armed forces' media wing), ministers, "security sources" |
# | Afghan Taliban | the Taliban government and bodies under it | chief spokesman Zabihullah Mujahid, local officials, the Afghanistan Cricket Board |
# | TTP | the Pakistani Taliban | statements by the group |
# | UN/independent | bodies that are not a party | **UNAMA** (the UN Assistance Mission in Afghanistan), an NGO hospital in Kabul |
# | media tally | a news organisation's own count | figures from hospitals, officials or residents, or a newsroom's running total |

# %% [markdown]
# ## The timeline
#
# The chart below places every event in the course timeline (`events.csv`) between October and
# December 2025. Notice how tightly the events crowd into the middle of October, and how the gaps
# widen after the talks in Doha and Istanbul.

# %%
from alliance.lessons import l06_october_2025 as lesson

events = alliance.load("events")
recent = lesson.recent_events(events)
lesson.timeline_chart(events)

# %% [markdown]
# The same events as a table, with the death toll each row records and who gave it. An empty cell
# means no source the course read gave a figure for that event.

# %% tags=["nbval-check-output"]
lesson.timeline_table(events)

# %% [markdown]
# ## 8–10 October: the spark
#
# On the night of 7–8 October, eleven Pakistani soldiers, a lieutenant colonel and a major among
# them, were killed in the Orakzai and Kurram districts near the border. ISPR placed the deaths in an
# operation in Orakzai and said 19 militants were killed; officials speaking to Reuters described an
# ambush on a convoy in Kurram, which the TTP claimed. Speaking in the National Assembly on 9 October,
# Pakistan's defence minister Khawaja Asif warned Kabul:

# %%
quotes = alliance.load("quotes")
lesson.show_quotes(quotes, ["q017"])

# %% [markdown]
# That night, explosions were heard in Kabul. Reports said Pakistan had targeted the TTP's leader,
# Noor Wali Mehsud. The Taliban's chief spokesman, Zabihullah Mujahid, first said no casualties or
# damage had been reported; Afghanistan's defence ministry later blamed Pakistan for the Kabul blast
# and for a strike on a market in Paktika province. Pakistan did not confirm that it had carried out
# the strikes. The Taliban's foreign minister, Amir Khan Muttaqi, was on a visit to New Delhi, India
# (Pakistan's rival), and answered from there:

# %%
lesson.show_quotes(quotes, ["q040"])

# %% [markdown]
# ## 11–12 October: the night of the border battles
#
# On the night of 11–12 October, Afghan Taliban forces attacked Pakistani border posts at several
# points, calling it retaliation for the strikes earlier that week, along the **Durand Line** (the 1893 line that Pakistan treats as its border and Afghan
# governments have refused to recognise), in Khyber Pakhtunkhwa and Balochistan, Pakistan's two
# provinces on the Afghan border. Each side told the
# story its own way:

# %%
lesson.show_quotes(quotes, ["q033", "q042", "q027"])

# %% [markdown]
# The Taliban said they halted the operation at midnight after Qatar and Saudi Arabia asked them to.
# The main crossings, Torkham and Chaman, were closed during the fighting and were still closed to
# trade at the latest reports the course read, in January 2026 (lesson 04).
#
# Both sides then announced casualty figures. Here are the claims about the dead:

# %% tags=["nbval-check-output"]
claims = alliance.load("claims")
night = claims[(claims["incident_id"] == "2025-10-11-border-clashes") & (claims["metric"] == "killed")]
night[["claimant", "claimant_type", "subject", "value_low", "value_high"]]

# %% [markdown]
# Read the table across. ISPR said 23 Pakistani soldiers died; Mujahid said 58. Mujahid said 9
# Taliban fighters died; ISPR said "more than 200 Taliban and affiliated terrorists", a figure it
# based on what it called intelligence estimates, which lumps Afghan Taliban forces together with
# TTP-linked fighters. The empty `value_high` marks that open-ended "more than": the course records
# only what was claimed.
#
# ### A worked computation: how far apart?
#
# One simple measure of disagreement is the ratio of the highest claim to the lowest. For Pakistani
# soldiers killed that night:

# %% tags=["nbval-check-output"]
soldiers = night[night["subject"] == "Pakistani soldiers"]
highest = soldiers["value_high"].max()
lowest = soldiers["value_low"].min()
print(f"Highest claim: {highest} (by {soldiers.loc[soldiers['value_high'].idxmax(), 'claimant']})")
print(f"Lowest claim: {lowest} (by {soldiers.loc[soldiers['value_low'].idxmin(), 'claimant']})")
print(f"Highest ÷ lowest = {highest / lowest:.2f}")

# %% [markdown]
# The Taliban's figure for Pakistani dead is two and a half times Pakistan's own. For the Taliban's
# dead the gap is far wider, and it can only be stated as a lower bound: ISPR said *more than* 200,
# so 200 ÷ 9 ≈ 22 is the *least* the ratio could be. Neither figure was independently verified.

# %% [markdown]
# ## 15–17 October: Spin Boldak, Kabul, and a 48-hour truce
#
# Early on 15 October fighting broke out around **Spin Boldak**, the Afghan town across the
# Chaman crossing in Kandahar province. Afghan officials said Pakistani strikes hit residential areas;
# ISPR said its forces repulsed attacks at four places and killed 15–20 Afghan Taliban fighters.
# In the Kurram sector ISPR said 25–30 Afghan Taliban and TTP fighters were "suspected" killed.
# The same day a blast in Kabul was first described by Mujahid as a fuel tanker explosion; the next
# day the Taliban government blamed two Pakistani drone strikes. Pakistani security officials, quoted by
# an Afghan outlet, said the target had been a TTP leadership centre.
#
# In the evening a **ceasefire** (an agreed halt to the fighting) of 48 hours took effect. Pakistan and
# the Taliban government each said the other had asked for it. The next day UNAMA, the UN mission in
# Afghanistan, published its first count:

# %%
lesson.show_quotes(quotes, ["q070"])

# %% [markdown]
# UNAMA is the UN's mission in Afghanistan, and its counts cover civilians on the Afghan side only.
# Pakistani officials said four Pakistani civilians were injured in the Chaman fighting; the course
# found no independent count for the Pakistani side.
#
# Here is how the figures for Afghan civilians killed in Spin Boldak on 15 October moved, claim by
# claim. UNAMA's figure more than doubled between its first statement and its report of February 2026,
# which the course read only as relayed by other outlets (one of the two copies is flagged as a
# weaker one in the Sources list).

# %% tags=["nbval-check-output"]
spin = claims[(claims["incident_id"] == "2025-10-15-spin-boldak-chaman-clash")
              & (claims["subject"] == "Afghan civilians")]
spin[["claim_date", "claimant", "claimant_type", "metric", "value_low", "value_high"]]

# %% [markdown]
# The truce did not stop everything. Pakistani state media said at least 30 militants were killed
# trying to cross into Mohmand district on 16 October, and the information minister, Attaullah Tarar,
# said more than 100 militants were killed foiling attacks during the 48 hours (his post reached the
# course only through a small outlet relaying it). On 17 October a suicide vehicle bomb hit a
# military post at Khadi, Mir Ali, in North Waziristan: Pakistani security sources said five
# civilians, three women and two children, were killed and that the Hafiz Gul Bahadur group (a
# TTP-linked faction that Pakistan banned in 2024) claimed it, while an Indian outlet's report drawing
# on Reuters said seven soldiers died.
#
# That evening, as the 48 hours ran out, air strikes hit Urgun and Barmal in **Paktika** province.
# The Afghanistan Cricket Board said three local club cricketers were among the dead and withdrew
# from a tri-series with Pakistan. Pakistan said it had struck militants of the Gul Bahadur group.
# This is the clearest case of two sides counting different people:

# %% tags=["nbval-check-output"]
paktika = claims[claims["incident_id"] == "2025-10-17-paktika-strikes"]
paktika[paktika["metric"] == "killed"][["claimant", "claimant_type", "subject", "value_low", "value_high"]]

# %% [markdown]
# Pakistan's figures count militants and reject any civilian deaths; the Afghan figures, the hospital's
# and UNAMA's count civilians. The 3 from the Cricket Board is not a lower toll but a narrower one: it
# counts the cricketers only. Tarar's 60–70 and the "more than 70" reached the course only through
# small outlets relaying them (flagged as weaker copies), and the source that says the strikes broke
# the truce (AFP) differs from the one that says they came hours after it expired (the BBC).

# %% [markdown]
# ## 18–19 October: the Doha ceasefire
#
# After about 13 hours of talks in Doha, with Qatar and Türkiye as **mediators** (third parties who help
# rivals reach and keep a deal), the defence ministers Khawaja Asif and Mullah Yaqoob agreed an immediate
# ceasefire, with follow-up talks set for Istanbul on 25 October. Lesson 07 follows those talks.

# %%
lesson.show_quotes(quotes, ["q063", "q021"])

# %% [markdown]
# ## Late October and November: the truce under strain
#
# The ceasefire between the two states broadly held, but the violence moved elsewhere:
#
# - **20 October.** The TTP said it killed 25 soldiers in an attack on an army post in South
#   Waziristan; the Pakistani military had not confirmed this when it was reported.
# - **24–25 October.** As talks opened in Istanbul (the second round after Doha), ISPR said it stopped infiltration
#   attempts in Kurram and North Waziristan, killing 25 TTP fighters, with 5 soldiers killed.
#   The round ended on 30 October with an agreement to keep the ceasefire; the third round, on 6–7
#   November, collapsed.
# - **10–11 November.** Attackers struck Cadet College Wana in South Waziristan, and a suicide bomber
#   killed 12 people outside the district courts in Islamabad, according to the interior minister,
#   who later said the bomber was an Afghan national.
# - **24–25 November.** Suicide attackers hit the Federal Constabulary (a paramilitary force)
#   headquarters in Peshawar, killing three of its personnel. That night strikes hit a house in Khost
#   province: Mujahid said nine children and one woman were killed and blamed Pakistan; UNAMA counted
#   at least 10 civilians killed in Khost and Kunar, most of them children. Pakistan's military denied
#   carrying out the strikes.
#
# Talks in Riyadh at the end of November produced no breakthrough, and on 5–6 December the two sides
# traded fire again at Chaman–Spin Boldak.

# %% [markdown]
# ## How far apart are the claims?
#
# Put every incident side by side. The chart shows each incident and group of dead for which two or
# more claims give a death toll (the Cricket Board's cricketers-only figure is left out, because it
# counts a narrower group).

# %%
lesson.spread_chart(claims)

# %% [markdown]
# The same comparison as numbers. `open_ended` is `True` where the highest claim was "more than N", so
# the true ratio could be larger:

# %% tags=["nbval-check-output"]
lesson.spread_table(claims)[["incident", "subject", "claims", "lowest", "highest", "open_ended", "highest ÷ lowest"]]

# %% [markdown]
# Three patterns stand out.
#
# 1. **Own losses low, inflicted losses high.** On 11–12 October each side's figure for its *own* dead
#    was far below the other side's figure for them. Both had reasons to report this way: a force
#    that admits few losses and claims many enemy dead looks strong to its own public, and each side
#    also claimed to have captured the other's posts.
# 2. **Who counts civilians.** Pakistan's statements counted militants and soldiers; the Taliban's
#    counted civilians, especially children. Each count fits its claimant's account of the strike: a
#    strike on militants, or an attack on civilians. The two are not always contradictory, since a
#    strike can kill both, but no one outside the two governments could check on the ground.
# 3. **Independent counts come late and grow.** UNAMA publishes "at least" figures and revises them as
#    it verifies cases. Beside the parties' claims it is neither always the lowest nor always the
#    highest: for Paktika it falls between the Afghan figures, for Kabul and Spin Boldak it ended above
#    the first figures reported, and for Khost it matches the Taliban's. It covers Afghan civilians only.
#
# Even tallies can mislead. The course holds two newsroom tallies for October as a whole, and UNAMA's
# total for October to December:

# %% tags=["nbval-check-output"]
totals = claims[claims["incident_id"].isin(["2025-10-01-october-clashes-overall",
                                            "2025-10-01-oct-dec-cross-border-civilian-casualties"])]
totals[["claimant", "claimant_type", "metric", "subject", "value_low", "value_high"]]

# %% [markdown]
# Shafaq News wrote that the October clashes left "around 70" dead on both sides; UNAMA's report counted
# 70 Afghan civilians killed from October to December. The same number describes two different things:
# neither newsroom named its source, while UNAMA's count (read via relays) covers only civilians and
# only in Afghanistan. The injured total is given as 478 in two copies of the report and 477 in a third;
# the course keeps both.

# %% [markdown]
# ## Explore the claims
#
# Pick an incident to see every claim made about it: the table lists each claim with its note, and
# the chart groups them by whose losses they count and colours them by claimant type. Try the border
# clashes of 11–12 October with "Posts captured or destroyed", then the Paktika strikes of 17 October.

# %%
lesson.explorer()

# %% [markdown]
# ## Check yourself
#
# **1.** ISPR said more than 200 Afghan Taliban and affiliated fighters died on 11–12 October; the
# Taliban said 9. A classmate writes "Pakistan's figure is 22 times the Taliban's." What is wrong with
# that sentence?
#
# <details><summary>Answer</summary>
#
# Two things. ISPR's figure is open-ended ("more than 200"), so 200 ÷ 9 ≈ 22 is only the smallest the
# ratio could be: write "at least 22 times". And the two figures do not count the same people: ISPR's
# lumps Afghan Taliban forces with TTP-linked fighters, while Mujahid's counts Taliban fighters. Neither
# was independently verified.
#
# </details>
#
# **2.** For the Paktika strikes of 17 October, Pakistan's information minister spoke of 60–70 militants
# killed and UNAMA of 11 civilians killed. Must one of them be wrong?
#
# <details><summary>Answer</summary>
#
# Not necessarily: they count different groups. Pakistan counted militants and rejected civilian deaths;
# UNAMA counted civilians only. What does conflict is Pakistan's denial of any civilian deaths against
# the civilian counts of UNAMA, the hospital and Afghan officials. Note also how each figure reached
# the course: Tarar's through a small outlet relaying his post, UNAMA's through a news summary of its
# report.
#
# </details>

# %% [markdown]
# ## Sources

# %%
used_quotes = quotes[quotes["quote_id"].isin(["q017", "q040", "q033", "q042", "q027", "q070", "q063", "q021"])]
alliance.show_sources(recent, claims, used_quotes)
