# ---
# jupyter:
#   course:
#     title: "07 · Talks and mediators"
#     questions:
#       - Who talked to whom between 2021 and 2025, and who brought them to the table?
#       - What did Pakistan and the Afghan Taliban each ask for in Doha, Istanbul and Riyadh?
#       - Why did the rounds break down, according to each side?
#       - Which words does each side reach for, and what can a small sample of statements tell us?
#     objectives:
#       - Read a timeline of negotiation rounds and name the mediator of each track.
#       - Compare the two sides' demands round by round and explain where they could not meet.
#       - Tell a claim about who broke the talks from an established fact, naming the claimant.
#       - Count words in statements per 1,000 words, and explain why a small hand-picked sample limits what the counts show.
#     keypoints:
#       - Pakistan first talked to the TTP with the Afghan Taliban as broker (2021–2022); in 2025 it talked to the Taliban government itself, with Qatar, Türkiye and then Saudi Arabia as mediators.
#       - In Istanbul Pakistan wanted a written, verifiable commitment that Afghan soil would not be used against it; the Taliban said the TTP was Pakistan's own problem and security inside Pakistan was beyond their capacity.
#       - Each side blamed the other for every breakdown; the course records these as claims with a named claimant, not as facts.
#       - In the course's statements Pakistani officials use "terrorism" and "TTP" most; Taliban officials never do, and talk instead of security, responsibility, sovereignty and aggression. Only Pakistani speakers say "Khawarij".
#       - The 82 statements were picked by hand, many are translations and some could not be verified, so word counts describe this sample, not how each government speaks in general.
#     teaching: 35
#     exercises: 20
#     prerequisites: ["06 · October 2025"]
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown]
# > **Content note.** This lesson is about negotiations, but they took place during armed clashes
# > and militant attacks in which people died. Some statements below mention deaths and
# > injuries. Nothing is described in graphic detail.

# %%
import pandas as pd

import alliance
from alliance.lessons import l07_talks_and_mediators as lesson

alliance.setup()
pd.set_option("display.max_colwidth", None)  # show demands and notes in full

# %% [markdown]
# ## Two kinds of talks
#
# Between 2021 and 2025 Pakistan tried to solve the same problem at two different tables.
#
# The problem was the **TTP** (Tehrik-e-Taliban Pakistan, the "Pakistani Taliban"): an umbrella of
# militant factions formed in 2007 to fight the Pakistani state, separate from the Afghan Taliban
# but allied with them. Pakistan bans the TTP as a terrorist organisation, and the United States has
# designated it one since 2010. Since July 2024 Pakistan's government calls it **Fitna al-Khawarij**
# in all official use, a label that likens it to an early Islamic sect of rebels.
#
# - **First table (2021–2022): Pakistan and the TTP.** Soon after the Taliban took Kabul,
#   Pakistan's government held talks with the TTP inside Afghanistan. The Afghan Taliban hosted and
#   brokered them; their interior minister Sirajuddin Haqqani supervised the 2022 rounds and
#   reportedly helped in 2021.
# - **Second table (2023–2025): Pakistan and the Taliban government.** After the TTP ended its
#   truce in November 2022, Pakistan pressed the Taliban themselves to stop the TTP.
#   This track runs through visits, a standing **Joint Coordination Committee** (JCC) of officials
#   from both governments, and meetings convened by China, until the October 2025 border fighting
#   brought in outside **mediators**: third parties that bring rivals to the table and help them
#   reach and keep a deal without being a party to the conflict.
#
# `talks.csv` lists every round the course found. Here they are in order.

# %% tags=["nbval-check-output"]
talks = alliance.load("talks")
lesson.rounds_table(talks)

# %% [markdown]
# The timeline puts the rounds on one time axis. Hover over a dot for the round's full name, its
# place, its mediators and its outcome. Two dates are approximate: the 2021 talks and the January
# 2024 JCC meeting are known only to the month (placed on its first day), and the Riyadh date is
# inferred from reports published the next day.

# %%
lesson.rounds_timeline(talks)

# %% [markdown]
# Read the outcome colours with care. They are the course's summary of what reports said, in six
# categories: a signed **agreement**, a **ceasefire** announced, a truce **extended**, **no
# agreement**, talks that **collapsed**, or **unclear** where no outcome was reported. Most meetings
# between 2023 and mid-2025 are "unclear": they produced general statements about working together
# against terrorism but no text the course could find.

# %% [markdown]
# ## The mediators
#
# Who brought the sides together changed with the track. Count the rounds each mediator or host took
# part in:

# %% tags=["nbval-check-output"]
lesson.mediator_counts(talks)

# %% [markdown]
# - **The Afghan Taliban** brokered all four rounds between Pakistan and the TTP; the Haqqani network,
#   a Taliban-affiliated network whose leader is the Taliban's interior minister, is named alongside
#   them for May 2022.
# - **China** convened three trilateral meetings of foreign ministers. The course's sources describe
#   it as a participant and convenor rather than a formal mediator.
# - **Qatar and Türkiye** co-mediated the Doha round and both Istanbul rounds. Qatar has hosted the
#   Taliban's political office since 2013; Türkiye's intelligence chief attended the Doha talks.
# - **Saudi Arabia** hosted a separate, unannounced meeting in Riyadh after Istanbul failed.
# - "None named" covers direct meetings (visits, the JCC) and the 48-hour ceasefire of 15 October
#   2025, whose mediators the course's sources do not clearly name.

# %% [markdown]
# ## What each side asked for
#
# ### Pakistan and the TTP, 2021–2022
#
# The TTP's demands went to the heart of the Pakistani state: prisoners freed, troops withdrawn from
# the tribal districts, and above all the reversal of the **FATA merger** (the 2018 constitutional
# change that folded the former Federally Administered Tribal Areas into Khyber Pakhtunkhwa province).
# Pakistan's side wanted the TTP to stop attacks, lay down arms and come home, and said the merger
# would not be undone. The table shows each round as reported.

# %% tags=["nbval-check-output"]
lesson.demands_table(talks, lesson.TTP_ROUNDS)

# %% [markdown]
# Imran Khan, prime minister at the time, defended the talks in an October 2021 interview with TRT
# World: “political dialogue is the only way forward” (MM News' rendering; other outlets word it
# differently). The truces did not last (see below).
#
# ### Pakistan and the Taliban government, autumn 2025
#
# After the border fighting of 11–15 October 2025 (lesson 06), the two governments met four times in
# six weeks. Read the two columns side by side.

# %% tags=["nbval-check-output"]
lesson.demands_table(talks)

# %% [markdown]
# The gap is easy to state. **Pakistan** wanted proof: a "verifiable" mechanism, and in the last
# Istanbul round a written, signed agreement that Afghan soil would not be used for attacks on
# Pakistan. On the day of the Doha deal, Deputy Prime Minister and Foreign Minister Ishaq Dar wrote
# on X that Pakistan looked forward to “a concrete and verifiable monitoring mechanism, in the next
# meeting to be hosted by Turkiye, to address the menace of terrorism emanating from Afghan soil towards Pakistan” (read on Geo News).
#
# **The Taliban government** answered that the TTP is Pakistan's internal problem, that Pakistan had
# violated Afghan airspace, and that Kabul could not answer for security inside Pakistan. Its chief
# spokesman Zabihullah Mujahid told reporters: “That is not within Afghanistan's capability, and we
# were not committed to any such security responsibility” (read on HTN World, a little-known outlet;
# another report gives the same point as a paraphrase).
#
# Each answer made the other side's demand impossible to meet. The Doha round did produce an
# immediate ceasefire, and the first Istanbul round ended with a joint statement promising a
# monitoring and verification mechanism; the second Istanbul round could not agree how that
# mechanism would work.
#
# Two caveats from the data. `talks.csv` leaves the Pakistani delegation head for the first Istanbul
# round empty, because only one weak site names him. The Riyadh round rests on few reports, two of
# them flagged in `sources.csv` as weaker copies, and no government issued a statement about it.

# %% [markdown]
# ## Why the talks broke down: who blamed whom
#
# Each breakdown has two stories. The `note` column of `talks.csv` records who blamed whom. These are
# **claims** by named people, not findings of fact; no independent body the course found ruled on
# any of them.

# %% tags=["nbval-check-output"]
talks.set_index("round_id").loc[lesson.BREAKDOWNS, ["name", "outcome_category", "note"]]

# %% [markdown]
# In short:
#
# | Breakdown | Pakistan's side said | The other side said |
# |---|---|---|
# | TTP refuses to extend the one-month ceasefire (December 2021) | No official government response was reported. | The TTP said the government had not freed prisoners, formed committees or issued the joint statement, and kept raiding its fighters. |
# | TTP ends the indefinite ceasefire (28 November 2022) | No immediate government or military comment was reported. | The TTP blamed army and intelligence operations in Lakki Marwat and ordered attacks across the country. |
# | 48-hour ceasefire (17 October 2025) | Pakistani officials said strikes in Paktika hit the Hafiz Gul Bahadur group (a militant group close to the TTP, which Pakistan proscribed in July 2024) after an attack in North Waziristan. | A senior Taliban official said Pakistan broke the truce by bombing three places in Paktika. |
# | First Istanbul round nearly fails (28–29 October 2025) | Information Minister Attaullah Tarar said the Afghan side gave no assurances and resorted to blame games. | Afghan state TV blamed Pakistan's unreasonable demands; Mujahid said Afghanistan had only responded to Pakistan's first move. |
# | Second Istanbul round collapses (7 November 2025) | Defence Minister Khawaja Asif said the Afghan delegation agreed verbally but would not sign. | Mujahid blamed Pakistan's “irresponsible and non-cooperative attitude”, and later elements in Pakistan's military and intelligence. |
# | Riyadh ends without a breakthrough (30 November 2025) | Pakistan reportedly held the Taliban responsible. | The Afghan side made no public comment. |
#
# Even who *asked* for a truce is disputed: Pakistan's Foreign Office said the 48-hour ceasefire came
# at the Taliban's request, Mujahid said it came at Pakistan's. Several of these claims rest on weaker
# copies: the Paktika reports come through an Indian outlet relaying agencies and an aggregator of
# Radio Free Europe text, and Afghan state TV's charge is known through Sputnik's Dari edition. The
# Sources list at the end marks each weaker copy.
#
# **Independent views.** Analysts outside both governments point to a structural reason. Asfandyar
# Mir of the Stimson Center said in October 2025: “When Pakistan asks the Taliban to rein
# in the TTP, the Taliban either urge Pakistan to negotiate and make concessions to the TTP, or claim
# they cannot control the TTP.” Michael Kugelman, a Washington-based South Asia analyst, wrote on X
# the same month: “The Taliban don't turn on close militant allies like TTP.” The UN mission in
# Afghanistan (UNAMA) called on “all parties to bring a lasting end to hostilities to protect civilians and prevent further loss of life”.

# %% [markdown]
# ### Check yourself
#
# In the second Istanbul round, why was a *written, signed* agreement so important to Pakistan, and
# why would the Taliban resist it?
#
# <details><summary>Answer</summary>
#
# Pakistan wanted a commitment it could point to if attacks continued: Asif said the Afghan
# delegation agreed verbally but would not sign. The Taliban said security inside Pakistan was beyond
# their capacity and that the TTP was Pakistan's own problem; signing would have made them answerable
# for attacks they say they cannot prevent. Both explanations are the parties' own claims.
#
# </details>

# %% [markdown]
# ## The words each side uses
#
# Statements are data too. `quotes.csv` holds short statements with the speaker, the outlet that
# reported them and whether the course could find that outlet's own report. Before counting anything,
# know how this sample was made:
#
# - **Picked by hand, not sampled.** The course's compilers collected the statements while
#   researching the story, choosing ones that mark key moments. Nobody collected every statement by
#   every official, so the sample is **small and not representative**.
# - **In English, often translated.** Many statements were made in Urdu, Pashto, Dari, Arabic or
#   Turkish. The words counted are one outlet's English rendering; where outlets differ the quote is
#   marked `partial`.
# - **Not all verified.** `yes` means the course read the named outlet's own report; `no` means it was
#   seen only second-hand. Three quotes come from a starting article and could not be found at all;
#   their notes say "UNVERIFIED".

# %% tags=["nbval-check-output"]
quotes = alliance.load("quotes")
lesson.sample_table(quotes)

# %% [markdown]
# ### How the counting works
#
# The method is deliberately simple, so you can check it by hand:
#
# 1. **Tokenise**: split each quote into words, lower-case them, drop accents and a final "'s".
#    Hyphens split words, so "Fitna al-Khawarij" gives "fitna", "al" and "khawarij".
# 2. **Match whole words** against a short list of forms for each term. "war" matches "war" and
#    "wars" but not "warning"; "TTP" also matches the first word of the group's full name in any of
#    its spellings.
# 3. **Normalise per 1,000 words**: divide a group's mentions by the total words in that group's
#    quotes and multiply by 1,000. Groups have different numbers of quotes of different lengths, so
#    raw counts would mostly show who was quoted more.

# %% tags=["nbval-check-output"]
lesson.tokenise("Afghan Taliban and Indian-sponsored Fitna al-Khwarij launched an unprovoked attack")

# %% tags=["nbval-check-output"]
lesson.terms_table()

# %% [markdown]
# The chart compares the two governments: Pakistan's civilian and military speakers together, and
# the Taliban government. Hover over a bar for the raw mentions, the number of quotes using the word
# and the size of the group's sample.

# %%
lesson.two_sides_chart(quotes)

# %% [markdown]
# The pattern is clear in this sample, with one warning attached.
#
# - **Pakistani speakers** name the problem: "terrorism", "terrorist" and "TTP" are their most
#   frequent terms, and only they say "Khawarij" (Pakistan's official name for the TTP) or mention
#   India, which Pakistan accuses of backing the TTP (India rejects the charge).
# - **Taliban speakers** never use "terrorism" or "TTP" in these quotes. They talk more than
#   Pakistani speakers about "security", "responsibility" and "sovereignty", and only they speak of
#   "aggression": the language of a state defending its borders and refusing blame.
# - **Both sides talk about Afghan soil**, for opposite purposes: Pakistani speakers to say attacks
#   come from it, Taliban speakers to say they let no one use it against other countries.
# - **The same word can carry opposite meanings.** Taliban speakers say "responsibility" to refuse
#   it; Pakistan's information minister used it to say the Taliban accepted none. A word count cannot
#   tell these apart; reading the quotes can.
# - **One quote can move a bar.** Each side has only a few hundred words here, so a single mention
#   adds 1.5 (Pakistan) to 2.2 (Taliban) points per 1,000 words. One of the two Taliban uses of "sovereignty" is an
#   unverified quote.

# %% tags=["nbval-check-output"]
counts = lesson.term_counts(quotes, groups=lesson.TWO_SIDES)
counts.pivot(index="term", columns="group", values="mentions").loc[list(lesson.TERMS)]

# %% [markdown]
# ## Explore the statements
#
# Choose words and speakers. The table gives each group's mentions and, in brackets, mentions per
# 1,000 words of that group's quotes. Below it are the quotes themselves, with the matching words
# highlighted and the course's verification status. Try:
#
# - **brotherly** with all speakers: who calls the two countries "brotherly", and when?
# - **sovereignty** with *Only those read in the outlet's own report*: what happens to the Taliban's count?
# - **TTP** with the TTP itself: why is its rate so high, and how many words is it based on?

# %%
lesson.explorer()

# %% [markdown]
# ### Check yourself
#
# In the explorer, the TTP's own statements score very high for the term "TTP". Why should you draw
# almost no conclusion from that?
#
# <details><summary>Answer</summary>
#
# The TTP has only five quotes, about a hundred words in all, so a single mention adds roughly nine
# points per 1,000 words. And both "mentions" are the group's own name ("Tehreek-i-Taliban Pakistan",
# "Tahrik-i-Taliban Pakistan") opening a statement: the counter sees a name, not a message. Small
# samples make large, fragile rates.
#
# </details>

# %% [markdown]
# ## Sources

# %%
alliance.show_sources(talks, quotes)
