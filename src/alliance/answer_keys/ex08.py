"""Exercise 08 · The wider board: ties between actors, who recognises and designates whom, and the sources."""

from __future__ import annotations

import numbers

from alliance.assignment import Assignment
from alliance.checks import (ChartQuestion, Mistake, OpenQuestion, Question, difference, needs_encoding,
                             needs_mark, needs_rows, needs_title)

SALT = "ex08"
TALIBAN = "AFG_TALIBAN"
FIRST_YEAR = 2021
YEARS = range(1990, 2026)  # the years the hidden test of q2 counts


# --- Expected values, derived from the course data at check time ---------------------------

def _load(name: str):
    import alliance

    return alliance.load(name)


def _tie_counts(direction: str = "to", first: int | None = FIRST_YEAR, inclusive: bool = True,
                states_only: bool = True):
    """Ties per type between the Afghan Taliban and other actors that began in `first` or later.

    The question's answer is the default: ties pointing *to* the Taliban, from a state (actors.csv),
    beginning in 2021 or later. The other arguments rebuild the likely mistakes.
    """
    import pandas as pd

    relations = _load("relations")
    to_taliban = relations["to_actor"] == TALIBAN
    from_taliban = relations["from_actor"] == TALIBAN
    mask = {"to": to_taliban, "from": from_taliban, "either": to_taliban | from_taliban}[direction]
    if first is not None:
        start = relations["start_year"]
        mask = mask & ((start >= first) if inclusive else (start > first))
    if states_only:
        actors = _load("actors")
        states = set(actors.loc[actors["type"] == "state", "actor_id"])
        other_end = relations["from_actor"].where(to_taliban, relations["to_actor"])
        mask = mask & other_end.isin(states)
    chosen = relations[mask.fillna(False).astype(bool)]
    counts = chosen["tie"].astype(str).value_counts()
    return pd.Series(counts.to_numpy(), index=pd.Index(counts.index, name="tie"), name="ties")


def _as_counts(value) -> dict | None:
    """A Series of counts as {label: count}, zero counts dropped (value_counts on a categorical keeps them)."""
    import pandas as pd

    if not isinstance(value, pd.Series) or len(value) > 50:
        return None
    try:
        numbers_ = pd.to_numeric(value)
    except (TypeError, ValueError):
        return None
    return {str(k): float(v) for k, v in numbers_.items() if pd.notna(v) and v != 0}


def _same_counts(value, expected) -> bool:
    counts = _as_counts(value)
    return counts is not None and counts == _as_counts(expected)


def _variant(**kwargs):
    return lambda value: _same_counts(value, _tie_counts(**kwargs))


def _is_table(value) -> bool:
    import pandas as pd

    return isinstance(value, pd.DataFrame)


def _is_number(value) -> bool:
    return isinstance(value, numbers.Number) and not isinstance(value, bool)


def _ties_in_force(end_inclusive: bool = True, start_inclusive: bool = True, open_ended: bool = True):
    """Dated ties in force in each year of YEARS, the way the hidden test counts them with in_force."""
    import pandas as pd

    relations = _load("relations")
    dated = relations[relations["start_year"].notna()]
    counts = {}
    for year in YEARS:
        n = 0
        for start, end in zip(dated["start_year"], dated["end_year"]):
            started = start <= year if start_inclusive else start < year
            if pd.isna(end):
                going = open_ended
            else:
                going = year <= end if end_inclusive else year < end
            n += bool(started and going)
        counts[year] = n
    return pd.Series(counts)


def _matches(value, expected) -> bool:
    return difference(value, expected) is None


def _chart_counts_match(rows: list[dict]) -> bool:
    """The chart draws the counts of q1 (rows with a zero count, if any, are ignored)."""
    drawn = {str(r["tie"]): float(r["ties"]) for r in rows if r.get("ties")}
    return drawn == _as_counts(_tie_counts())


def _one_letter(value) -> bool:
    return isinstance(value, str) and len(value.strip()) != 1


# --- The questions ------------------------------------------------------------------------

def build() -> Assignment:
    return Assignment("ex08", "Exercise 08 · The wider board", [
        Question(
            "q1", derive=_tie_counts, compare=_same_counts,
            wrong_message=("Not the expected counts. Check the direction (to_actor), the first year (2021 or "
                           "later), the state filter (actors.csv) and that you count per tie type. "
                           "Run ex.hint('q1') if you are stuck."),
            mistakes=[
                Mistake("Give a Series (one count per tie type, indexed by tie), not a table.", test=_is_table),
                Mistake("Give the count for each tie type (a Series), not one total.", test=_is_number),
                Mistake("You kept ties from every kind of actor. The UN is an 'international organisation' in "
                        "actors.csv, not a state: keep only ties whose from_actor has type 'state'.",
                        test=_variant(states_only=False)),
                Mistake("Direction matters: you counted ties going *from* the Afghan Taliban. The question asks "
                        "for ties pointing *to* them (to_actor).",
                        test=lambda v: _variant(direction="from")(v) or _variant(direction="from",
                                                                                  states_only=False)(v)),
                Mistake("You counted ties in both directions. Keep only the ties whose to_actor is the Afghan "
                        "Taliban.", test=lambda v: _variant(direction="either")(v) or _variant(
                            direction="either", states_only=False)(v)),
                Mistake("Off by one year: '2021 or later' includes 2021, so use start_year >= 2021.",
                        test=lambda v: _variant(inclusive=False)(v) or _variant(inclusive=False,
                                                                                states_only=False)(v)),
                Mistake("Keep only the ties that began in 2021 or later (start_year), not ties of every year.",
                        test=lambda v: _variant(first=None)(v) or _variant(first=None, states_only=False)(v)),
            ],
            hints=["Three filters: the direction of the tie, the year it began, and the kind of actor it "
                   "comes from.",
                   "Keep to_actor == 'AFG_TALIBAN' and start_year >= 2021; the states are the actor_id values "
                   "of the actors.csv rows with type 'state' (keep from_actor.isin(...)).",
                   "Count the remaining rows per tie type with ['tie'].value_counts()."]),
        Question(
            "q2", salt=SALT,
            answer_hash="8c79e1e85af63ffb15010cb51c34bc528d3faafb216636ac36b11236549c768e",
            mistakes=[
                Mistake("Off by one at the end: a tie's end year is its last year in force, so a tie from 1997 "
                        "to 2001 was still in force in 2001. Compare with <=, not <.",
                        answer_hash="2a3a7be23b4334989cb09e70314d0635ce3ac70de3564da0ac6195578e0a33fc"),
                Mistake("Return True or False (a comparison), not a number.", test=_is_number),
            ],
            hints=["A tie is in force in a year when it has started by then and has not yet ended.",
                   "Both ends count: the start year and the end year are years in force.",
                   "An empty end year (test it with pd.isna(end)) means the tie is still in force."]),
        Question(
            "q2.hidden", derive=_ties_in_force, compare=_matches,
            wrong_message=("For some years your function finds a different number of ties in force. Try it on "
                           "a tie's start year, on its end year, and on a tie with an empty end year."),
            mistakes=[
                Mistake("Off by one at the end: a tie is still in force in its end year (use <=).",
                        test=lambda v: _matches(v, _ties_in_force(end_inclusive=False))),
                Mistake("Off by one at the start: a tie is already in force in its start year (use <=).",
                        test=lambda v: _matches(v, _ties_in_force(start_inclusive=False))),
                Mistake("Ties with an empty end year are still in force at the latest source; your function "
                        "treats them as ended.", test=lambda v: _matches(v, _ties_in_force(open_ended=False))),
            ],
            hints=["The hidden test counts, for every year from 1990 to 2025, the ties your function says "
                   "are in force.",
                   "Check three cases: the end year itself, the start year itself, and an empty end year.",
                   "start <= year, and either pd.isna(end) or year <= end."]),
        Question(
            "q3", salt=SALT,
            answer_hash="8d007679024159c7dee5747350ac09a63d6a73e21021a4db07af7257a78e2745",
            mistakes=[
                Mistake("Newspapers give the longest bar overall, but most of them carry a Pakistani or an "
                        "international perspective. Look only at the colour of the independent perspective.",
                        answer_hash="8e5d7fbef17696859e0a904af1f2c80d0af3962ab84fd039cb366b014dbce35d"),
                Mistake("UN and official bodies are independent sources, but they are not the largest group "
                        "here. Compare the length of the independent segments.",
                        answer_hash="a71b368ee9cb7fb63e14bb7620179fd8fb2bc67c7305b84b2437dc52aa5d69b8"),
                Mistake("'independent' is the perspective (the colour). The question asks for the kind of "
                        "publisher: the label of a bar.",
                        answer_hash="552347abe037972e6ae2441d3c54dd8ca4a39d5d4ddb0a595652e3b438c4e98c"),
            ],
            hints=["Find the colour of the independent perspective in the legend.",
                   "Look for the bars that have a segment in that colour, and compare those segments.",
                   "Answer with the bar's label, written as on the axis."]),
        Question(
            "q4", salt=SALT,
            answer_hash="475491b2dc50dfb889fbb1a6d57ad7c86535eada74d1ecfe07e66ef0aac044e2",
            mistakes=[
                Mistake("That is a fraction between 0 and 1. The question asks for a percent: multiply by 100.",
                        answer_hash="f7ce10c1cfdba8b4faa305a26405847711209451951ad956608f8a6b0d217496"),
                Mistake("That is the share for the whole of sources.csv. The question asks about the sources "
                        "behind relations.csv only: use alliance.sources_for(relations).",
                        answer_hash="1bd2a8814e0b1d5c2790417e4306db95ebc3b774579afd2a05698a39ba3110d0"),
                Mistake("You counted a source once for every row that cites it. Count each source once "
                        "(alliance.sources_for does that).",
                        answer_hash="4ae93b260f4ec4f77c23ffa4ec0960a3922d1d8fa3772cf68f4394b43d82994b"),
                Mistake("That is a number of sources. The question asks for a share, in percent.",
                        answer_hash="62eaf09fda30bca4a13b4f0e62e88f7443918b66269b66186abf2560707eafb4"),
            ],
            hints=["alliance.sources_for(relations) gives the sources.csv rows behind relations.csv, once each.",
                   "The caution column is True for a weaker copy.",
                   "The mean of a True/False column is a share; multiply it by 100."]),
        Question(
            "q5", salt=SALT,
            answer_hash="1ceb26d275c620db98cafaa71e2feff5494f4c192caaa5db3bd02ba196d28e11",
            mistakes=[
                Mistake("China's tie is 'diplomatic': President Xi accepted a Taliban envoy's credentials in "
                        "January 2024, and Beijing said this was normal practice, not formal recognition.",
                        answer_hash="d5ec07c09d1309427a3a8330d3c9a1ff0d249f2810118e21de78f9ba376acda7"),
                Mistake("The UAE accepted a Taliban ambassador's credentials in 2024; relations.csv records that "
                        "as a diplomatic tie, not recognition.",
                        answer_hash="c6b0a284977ea93f93975b765dbe09f2bb107783cdad37be1dc61b55c7a153a9"),
                Mistake("Pakistan recognised the first Taliban government (its recognition tie ends in 2001). "
                        "Since 2021 it let Taliban diplomats take over the embassy without recognising the "
                        "government: a diplomatic tie.",
                        answer_hash="1579dd5df4160c7251993c46c54976c2f021ede83408243096222ee8dd9a20e9"),
                Mistake("Iran handed the Afghan embassy in Tehran to Taliban diplomats in 2023 without "
                        "recognising the government: a diplomatic tie.",
                        answer_hash="91378536a1229150a28e07766a73b3509281b4533ff4a2355f612ca76637f63d"),
                Mistake("India reopened a mission in Kabul and upgraded it to an embassy: a diplomatic tie, "
                        "not recognition.",
                        answer_hash="8b463d199997fe71acf487f4de4ae912aff1e326942225f00b537aa36e131eae"),
                Mistake("Türkiye let Taliban-appointed diplomats take over the Afghan consulate in Istanbul in "
                        "2023: a diplomatic tie, not recognition. In 2025 it also mediated.",
                        answer_hash="d8c5ac778cf68d3578a86b7aa493ad76a64672099d06a3044bb3f088aabf4475"),
                Mistake("Qatar has hosted the Taliban's political office since 2013 (a diplomatic tie) and "
                        "mediated in 2025; relations.csv records no recognition by Qatar.",
                        answer_hash="6fbc34f6e34a8542ad6f80eecfc06109106d2219593a35b5b4c481d11cb8d6fe"),
                Mistake("Saudi Arabia recognised the first Taliban government; that tie ended in 2001, before "
                        "the period the question asks about.",
                        answer_hash="250f4592c3f3f7e722ebb6c10ab8ad60da6aecea74102dd3e7bff036f9382559"),
                Mistake("Answer with the actor_id as written in relations.csv (three or more capital letters, "
                        "like PAK), not the full name.",
                        test=lambda v: isinstance(v, str) and (" " in v.strip() or v.strip() != v.strip().upper())),
            ],
            hints=["Keep the rows of relations.csv whose tie is 'recognition'.",
                   "Of those, keep the ones that began in 2021 or later and point to AFG_TALIBAN.",
                   "Read the from_actor column of what is left."]),
        Question(
            "q6", salt=SALT,
            answer_hash="5b3967311eb29fd0987daaf5c650dd756f6064b3bec9bbf0cb912e084a69cdb1",
            mistakes=[
                Mistake("That states Pakistan's accusation as a fact. relations.csv records it as an accusation "
                        "by Pakistani officials, a claim by one party, which India rejects.",
                        answer_hash="a0385be8a28933971dc1ac23f9d921ec0fff66d6a04fe45701de81b50be8f736"),
                Mistake("That adopts India's own wording: India calls the charges baseless. It is the other "
                        "party's claim, not a finding.",
                        answer_hash="422ef6dcebbda0052d5d8dd6ddaf80bdd742c938f019079a0e8752135cd9d602"),
                Mistake("Answer with a single letter, a, b or c, as a string.", test=_one_letter),
            ],
            hints=["Read the description of both relation rows.",
                   "Ask of each sentence: who says this? Is it said as someone's claim, or as a fact?",
                   "The neutral sentence names who accuses and who rejects, and takes neither side."]),
        ChartQuestion(
            "q7",
            requirements=[needs_mark("bar"),
                          needs_encoding("y", "tie", ("nominal", "ordinal")),
                          needs_encoding("x", "ties", ("quantitative",)),
                          needs_rows(_chart_counts_match,
                                     "Chart the counts from q1: one row per tie type, with columns tie and ties."),
                          needs_title()],
            hints=["Make a table from q1_series with .rename_axis('tie').reset_index(name='ties').",
                   "Use alt.Chart(table).mark_bar().encode(y='tie:N', x='ties:Q').",
                   "Give the chart a title with alt.Chart(table, title='...')."]),
        OpenQuestion(
            "q8", points=4,
            prompt=("Michael Kugelman wrote that Pakistan lost its leverage over the Taliban after the war "
                    "ended, because the Taliban no longer needed Pakistan's support. Using relations.csv and "
                    "events.csv, describe how the Taliban's ties with outside powers changed after 2021, and "
                    "say what the data can and cannot tell us about his reading."),
            rubric=[("Evidence: names at least three ties or events since 2021 with the actors, the kind of "
                     "tie and the year (e.g. China's diplomatic tie from 2023, Russia's recognition in 2025, "
                     "the 2025 mediation by Qatar, Türkiye and Saudi Arabia, the trilaterals with China)", 2),
                    ("Keeps recognition apart from lesser diplomatic steps (credentials, embassy handovers)", 1),
                    ("Attributes the reading to Kugelman as an analyst and says the ties show change over "
                     "time but not its cause; notes that most outside powers keep ties with both neighbours", 1)]),
    ])
