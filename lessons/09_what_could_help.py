# ---
# jupyter:
#   course:
#     title: "09 · What could help"
#     questions:
#       - Which options for rebuilding confidence have been put forward, and what has happened to each?
#       - Who has argued for and against each option, and why?
#       - How would you weigh the options yourself, and how much does your answer depend on your weights?
#     objectives:
#       - Describe four options for de-escalation and what each asks of Islamabad and of Kabul.
#       - Attribute each argument for or against an option to the party or writer who made it.
#       - Build your own weighted decision matrix and test how sensitive its result is to one weight.
#     keypoints:
#       - The article the course started from names four options: third-party monitoring, limited intelligence-sharing, reopening crossings under neutral supervision, and aid or trade incentives tied to action against militants.
#       - Each has been tried or proposed in some form since 2023, and each has met objections from at least one side.
#       - The two governments disagree less about the options than about who must act first and who carries the risk.
#       - A decision matrix makes your judgement explicit; a sensitivity check shows which of your weights the answer hangs on.
#       - Your result is your judgement, not a forecast.
#     teaching: 30
#     exercises: 25
#     prerequisites: ["07 · Talks and mediators", "08 · The wider board"]
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown]
# > **Content note.** This lesson discusses a conflict in which people have been killed and
# > displaced. It deals with policy options rather than with violence itself.

# %% [markdown]
# ## Where things stand
#
# By the end of November 2025 four rounds of talks, in Doha, twice in Istanbul and in Riyadh, had
# produced a ceasefire but no agreement on how Afghan territory would be kept from being used for attacks on
# Pakistan. The main crossings were closed to trade. Both governments said the ceasefire would hold
# unless the other side broke it.
#
# This lesson looks at four options for rebuilding confidence named in the course's **seed
# article**: the news feature the course grew from ("How Pakistan lost the Taliban", late 2025),
# read in a copy whose publisher could not be identified, so `sources.csv` flags it as a weaker
# source. For each one it asks: what would it mean in practice, has it been tried, and who has
# argued for or against it? Then it is your turn: you weigh the options yourself.
#
# The lesson does not rank the options. Where it reports an argument, it names who made it.

# %%
import pandas as pd

import alliance

alliance.setup()
pd.set_option("display.max_colwidth", None)  # show descriptions and arguments in full

from alliance.lessons import l09_what_could_help as lesson

# %% [markdown]
# ## Four options
#
# The table lists the options, what each would mean, and who has named or agreed to it.

# %% tags=["nbval-check-output"]
options = alliance.load("options")
options[["option", "description", "named_by"]]

# %% [markdown]
# ### 1. Third-party monitoring of border incidents
#
# Of the four, this one came closest to being agreed. At the end of the first Istanbul round
# (30 October 2025), Türkiye's foreign ministry, speaking for the mediators, announced that both
# sides had agreed to a *monitoring and verification mechanism* that would keep the peace and
# penalise whoever broke it. Pakistan's defence minister Khawaja Asif said Pakistan would rely on no verbal promise: every
# commitment had to be written down and witnessed by the mediators. At the second round (6–7
# November) the Afghan delegation, as both sides reported it, refused to take responsibility for
# security inside Pakistan and offered verbal assurances instead. The round ended without agreement
# on the mechanism.
#
# ### 2. Limited intelligence-sharing
#
# Pakistan has passed information to Kabul before. In February 2023 Pakistan's defence minister
# and intelligence chief (the head of the ISI, Pakistan's main intelligence agency) took what they
# called irrefutable evidence of TTP activity to Taliban leaders in Kabul. The Taliban side
# reportedly offered to disarm TTP members and move them away from the border if Pakistan paid for
# it; according to ANI, an Indian news agency (a source the course flags as a weaker copy),
# Pakistan's Apex Committee of civilian and military leaders did not take the offer up because it
# doubted the plan would work. One obstacle is basic: Pakistan says the TTP has sanctuaries in
# Afghanistan and the Taliban government denies that the TTP is on Afghan soil, so information
# about it has no agreed starting point.
#
# ### 3. Reopening crossings under neutral supervision
#
# Pakistan closed all crossings on 11 October 2025 as the border fighting broke out (lesson 04
# follows the closure); UN relief cargo was let through from early December, but trade stayed
# shut. According to Ishaq Dar, the UN asked Pakistan to review the closure on humanitarian
# grounds. Traders and transporters protested at Torkham in November 2025; in January 2026 a
# traders' council protesting at Landi Kotal, on the Pakistani side, asked both governments not to
# tie trade to security and to give tribal elders and traders a seat in future talks. Pakistan's position at the Riyadh round
# was that trade would not reopen without security assurances.
#
# ### 4. Aid and trade incentives tied to action against militants
#
# The seed article credits this idea to the Stimson Center, a research institute in Washington; the
# course could not find the Stimson text itself. At Riyadh, Saudi Arabia proposed restoring trade
# alongside the security talks, and Pakistan rejected it. The Afghan side had asked in Istanbul for
# trade to be kept apart from politics. Writing about the closures of early 2017, an opinion writer
# in The Nation argued that using the border as pressure hurt Pakistan's own exporters and pushed
# Afghanistan towards other trade routes.

# %% [markdown]
# ## Who is on record
#
# The course recorded every position it found in its sources on each option, with the party or
# writer who stated it. The first chart counts them by stance: *for*, *conditions* (yes, but only on
# stated terms), *doubt* (questions whether it can work) and *against*.

# %%
views = alliance.load("option_views")
lesson.views_by_stance(views)

# %% [markdown]
# Few positions are recorded, and they are not a poll: they are what the course could find and
# attribute. Look at the positions *against* monitoring: they object to what it would demand
# (responsibility for security inside Pakistan; and, in TOLOnews' account, known to the course only
# through a weaker copy, a right for Pakistan to strike across the border), not to monitoring itself. The dispute is over who commits to what, in writing.
#
# The second chart shows when positions were stated. Most date from the weeks after the October
# clashes.

# %%
lesson.views_timeline(views)

# %% [markdown]
# Here is every recorded position on the monitoring option:

# %% tags=["nbval-check-output"]
lesson.views_table("monitoring")

# %% [markdown]
# ### Check yourself
#
# Of the recorded positions on reopening the crossings, which come from the two governments and
# which from people whose living depends on the border? What does that suggest about whose costs
# weigh in the talks?
#
# <details><summary>Answer</summary>
#
# The Pakistani government's position (no reopening without security assurances) is the only
# government position recorded against reopening; the positions for it come from the UN (as
# reported by Ishaq Dar) and from traders and transporters protesting at Torkham and Landi Kotal. The people who bear the
# closure's costs most directly were not at the table, which is why protesters asked for a seat in
# future talks.
#
# </details>

# %% [markdown]
# ## Your decision matrix
#
# A decision matrix makes a judgement explicit. You choose **criteria**, say how much each
# **weighs** (0 to 5), and **score** each option on each criterion (1 to 5). An option's result is
# its weighted average score:
#
# $$\text{score}(o) = \frac{\sum_c w_c \, s_{o,c}}{\sum_c w_c}$$
#
# The arithmetic is simple. Here it is on two made-up options, A and B, with two criteria:

# %% tags=["nbval-check-output"]
lesson.weighted_totals({"Option A": {"x": 5, "y": 1}, "Option B": {"x": 2, "y": 4}}, weights={"x": 1, "y": 2})

# %% [markdown]
# A wins on criterion x, B on y; because y weighs twice as much, B comes out ahead (3.33 against
# 2.33). Change the weights and the answer can flip. That is what the **sensitivity** view below
# shows for your own matrix: each option's score as the weight of one criterion runs from 0 to 5.
#
# Every slider starts at 3, so at first all options tie. Set the weights to what matters to you,
# score each option using the evidence above, and read the result. Then pick another criterion in
# *Sensitivity to* and see whether your ranking survives.

# %%
lesson.decision_matrix()

# %% [markdown]
# **For discussion.** Compare your matrix with a classmate's. Where do your weights differ, and
# is the difference one of facts (what an option would achieve) or of values (what matters most)?
# How would a negotiator in Islamabad and one in Kabul fill in the *Acceptable to* rows?

# %% [markdown]
# ## Sources

# %%
talks = alliance.load("talks")
used_talks = talks[talks["round_id"].isin(["pak-afg-2025-10-25-istanbul-1", "pak-afg-2025-11-06-istanbul-2",
                                           "pak-afg-2025-11-30-riyadh"])]
alliance.show_sources(options, views, used_talks)
