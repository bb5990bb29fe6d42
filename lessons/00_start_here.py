# ---
# jupyter:
#   course:
#     title: "00 · Start here: how this course works"
#     questions:
#       - What is this course about, and who is it for?
#       - How do I move through the lessons, the data and the exercises?
#       - Is my computer ready?
#     objectives:
#       - Run the setup check and read its result.
#       - Find a dataset, read what each of its columns means, and see where its numbers come from.
#       - Read a course chart, including its source line.
#     keypoints:
#       - The course tells one story in nine lessons, from the 1893 border agreement to the 2025 clashes and talks.
#       - Every number in the course comes from a named, dated source you can open yourself.
#       - A figure given by one side of a conflict is a claim; the course always says who claims it.
#       - Run the setup check (or `alliance doctor` in a terminal) whenever something looks broken.
#     teaching: 15
#     exercises: 5
#     prerequisites: []
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown]
# ## What this course is about
#
# When the Taliban took Kabul in August 2021, many in Pakistan's establishment expected a friendly
# government next door: one that would keep anti-Pakistan militants in check. Four years later the
# two neighbours were exchanging fire across the border, crossings were shut, hundreds of thousands
# of Afghans had been pushed out of Pakistan, and talks in Doha and Istanbul had broken down.
#
# This course follows that turn from patronage to confrontation, with data you can inspect at
# every step. It is built for:
#
# - **learners** working alone, who want to understand the conflict from the evidence up;
# - **teachers** running it in class, one lesson per session;
# - **instructors** who assign and grade its exercises.
#
# You need no background on the region. Some Python helps for the exercises, but the lessons can
# be read and run without writing any code.

# %% [markdown]
# > **Content note.** This course deals with a conflict that is still going on, and with attacks,
# > air strikes and forced returns in which real people died or lost their homes. Numbers of dead
# > appear in tables and charts. The course describes no violence in graphic detail. Take breaks
# > when you need to.

# %% [markdown]
# ## How the course works
#
# Each lesson is a notebook. Run its cells from top to bottom (**Run ▸ Run All Cells**, or
# <kbd>Shift</kbd>+<kbd>Enter</kbd> one cell at a time). A lesson opens with the questions it answers
# and closes with its key points. In between you will find:
#
# - **the story**, in the course's own words;
# - **charts** you can hover for details; each names its sources underneath the title;
# - **an explorer**, controls that let you slice the data yourself (they all work by keyboard:
#   <kbd>Tab</kbd> to a control, arrow keys to change it);
# - **a Sources list** at the end, with every report the lesson's numbers come from.
#
# The exercises live in `exercises/student/`, one notebook per lesson. They check your answers as you
# go and offer hints.
#
# | Lesson | What it covers |
# |---|---|
# | [01 · The old alliance](01_the_old_alliance.ipynb) | 1893 to 2021: the Durand Line, the Afghan jihad, Pakistan and the first Taliban government, sanctuary after 2001, the Doha agreement |
# | [02 · Victory in Kabul](02_victory_in_kabul.ipynb) | August 2021, what Islamabad expected, and the Pakistan–TTP talks the Taliban brokered |
# | [03 · The TTP surge](03_the_ttp_surge.ipynb) | Militant violence in Pakistan, 2014–2025, as each research body counts it |
# | [04 · The border](04_the_border.ipynb) | Crossings, closures and trade |
# | [05 · People on the move](05_people_on_the_move.ipynb) | Afghans in Pakistan and the repatriation drive from 2023 |
# | [06 · October 2025](06_october_2025.ipynb) | The clashes day by day, and who claimed what |
# | [07 · Talks and mediators](07_talks_and_mediators.ipynb) | Doha, Istanbul and why the talks broke down |
# | [08 · The wider board](08_the_wider_board.ipynb) | China, Iran, India, Russia, Türkiye, Qatar, the Gulf and the United States |
# | [09 · What could help](09_what_could_help.ipynb) | The options on the table and how you would weigh them |
#
# Each lesson ends with a link to the next. Lessons build on each other, but a teacher can pick
# single lessons for a class: each one lists what it assumes at the top.

# %% [markdown]
# ## Is your computer ready?
#
# The first code cell of every lesson switches on the course's charts. The second cell here checks
# that everything the course needs is installed and that its data is intact. If a row turns red, it
# says how to fix it.

# %%
import alliance

alliance.setup()

# %%
report = alliance.check_setup()

# %% tags=["nbval-check-output"]
report.ok

# %% [markdown]
# ## The data behind the course
#
# Every table in the course lives in `course_data/` as a plain CSV file you can open in any
# spreadsheet. Each row names its sources, and `course_data/CODEBOOK.md` explains every column.
# Three rules hold throughout:
#
# 1. **Every number has a source** you can open: publisher, title, date and web address.
# 2. **A figure from one side is a claim.** When Pakistan's military or the Taliban's spokesman
#    gives a death toll, the table says so in a `claimant` column. Independent counts (for example by
#    the UN mission in Afghanistan) sit beside the claims, never merged with them.
# 3. **Different counters count different things.** Research bodies define "terrorism deaths"
#    differently, so the course never joins their series into one line.
#
# Pick a dataset below to see what it holds.

# %%
from alliance import widgets

widgets.dataset_browser()

# %% tags=["nbval-check-output"]
alliance.datasets()[["name", "title"]]

# %% [markdown]
# ## Reading a course chart
#
# Course charts share one style: a title that says what you are looking at, a subtitle with the
# source, axes with units, and colours that stay distinguishable with the common forms of colour
# blindness. Hover over a bar to see its exact value.
#
# The chart below is a map of the course itself: how many events from the timeline (`events.csv`)
# fall in each era. Most of the course is about the last five years.

# %%
from alliance import figures

events = alliance.load("events")
figures.events_per_era(events)

# %% [markdown]
# ## Claims, counts and where they come from
#
# On the night of 11–12 October 2025, Afghan Taliban and Pakistani forces fought along the border.
# Both sides announced casualty figures. Here is every claim in `claims.csv` about that night: who
# made it, what it counts, and the value. Notice how far each side's figures for its *own* losses
# are from what the *other* side claims to have inflicted, and that the course found no
# independent count for this night.

# %% tags=["nbval-check-output"]
claims = alliance.load("claims")
night = claims[claims["incident_id"] == "2025-10-11-border-clashes"]
night[["claimant", "claimant_type", "metric", "subject", "value_low", "value_high"]]

# %% [markdown]
# Every row names its sources. To read one for yourself, ask for its citation:

# %%
for source_id in alliance.sources_for(night)["source_id"]:
    print(alliance.cite(source_id))

# %% [markdown]
# ## Sources

# %%
alliance.show_sources(events, night)
