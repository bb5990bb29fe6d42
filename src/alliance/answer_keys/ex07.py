"""Exercise 07 · Talks and mediators: rounds, mediators, dates, claims about who broke the talks, statements."""

from __future__ import annotations

from alliance.assignment import Assignment
from alliance.checks import (ChartQuestion, Mistake, OpenQuestion, Question, difference, needs_encoding,
                             needs_mark, needs_rows, needs_title)

SALT = "ex07"


# --- Expected values, derived from the course data at check time ---------------------------

def _talks():
    import alliance

    return alliance.load("talks")


def _mediator_counts():
    """Rounds per mediator or host (actor ids), each mediator of a shared round counted."""
    ids = _talks()["mediators"].dropna().str.split(";").explode().str.strip()
    return ids.value_counts().rename_axis("mediator").rename("rounds")


def _round_days(extra: int = 1):
    """Days each round lasted, both ends counted (extra=1), for rounds with an end date."""
    frame = _talks().dropna(subset=["end_date"]).set_index("round_id")
    return ((frame["end_date"] - frame["start_date"]).dt.days + extra).astype(int)


def _matches(value, expected) -> bool:
    return difference(value, expected) is None


def _is_table(value) -> bool:
    import pandas as pd

    return isinstance(value, pd.DataFrame)


def _joined_ids(value) -> bool:
    """A count of the raw mediators strings: 'TUR;QAT' kept as one label."""
    return any(";" in str(label) for label in value.index)


def _missing_label(value) -> bool:
    import pandas as pd

    return any(pd.isna(label) or str(label).strip().casefold() in ("none", "nan", "", "none named")
               for label in value.index)


def _is_timedelta(value) -> bool:
    import pandas as pd

    if isinstance(value, pd.Series):
        return str(value.dtype).startswith("timedelta")
    return isinstance(value, pd.Timedelta)


def _chart_counts_match(rows: list[dict]) -> bool:
    """The chart draws one row per mediator, with the same counts as the expected Series."""
    expected = _mediator_counts()
    drawn = {str(r["mediator"]): float(r["rounds"]) for r in rows}
    return len(rows) == len(expected) and drawn == {str(k): float(v) for k, v in expected.items()}


# --- The questions ------------------------------------------------------------------------

def build() -> Assignment:
    return Assignment("ex07", "Exercise 07 · Talks and mediators", [
        Question(
            "q1", derive=_mediator_counts, compare=_matches,
            wrong_message=("Not the expected counts. The index should hold each mediator's actor id once, with "
                           "the number of rounds it took part in: check the split on ';' and that every round "
                           "with a mediator is counted. Run ex.hint('q1') if you are stuck."),
            mistakes=[
                Mistake("Give a Series (one count per mediator, indexed by the actor id), not a table.",
                        test=_is_table),
                Mistake("Some labels still hold two mediators joined by ';' (e.g. a Qatar and Türkiye round). "
                        "Split the mediators column on ';' and explode it, so each mediator of a shared "
                        "round is counted once.", test=_joined_ids),
                Mistake("Leave out the rounds with no mediator named: the question counts mediators, "
                        "not missing values.", test=_missing_label),
            ],
            hints=["The mediators column can hold several actor ids separated by ';'.",
                   "Use .str.split(';') on talks['mediators'], then .explode(), so each id gets its own row.",
                   "Count the rows per id with .value_counts(): the result is a Series indexed by actor id."]),
        Question(
            "q2", salt=SALT,
            answer_hash="1007be1f8f4305b745255bbeee97c3a9e85e535b1f442015b91b65c3c2f7ced4",
            mistakes=[
                Mistake("Off by one: end minus start gives the days *between* the two dates. A round that "
                        "starts and ends on the same day lasted one day, so count both the first and the "
                        "last day.", answer_hash="9b6f0a2bfa6e5dbdf3bcd558163e7765fefe741e11bef1e30eba6fe8729ea325"),
                Mistake("Your function returns a time span (Timedelta). Return a whole number of days: "
                        "use the .days attribute of the difference.", test=_is_timedelta),
            ],
            hints=["Subtracting two dates (pandas Timestamps) gives a Timedelta; its .days attribute is a number.",
                   "Check your function on a round that starts and ends on the same day: it should say 1.",
                   "Return (end - start).days plus one, so that both the first and the last day count."]),
        Question(
            "q2.hidden", derive=_round_days, compare=_matches,
            wrong_message=("Your function gives the wrong number of days for some rounds. Try it on a round that "
                           "starts and ends on the same day, and on one that runs into the next month."),
            mistakes=[
                Mistake("Off by one on every round: count both the first and the last day.",
                        test=lambda v: _matches(v, _round_days(extra=0))),
                Mistake("The function returns time spans (Timedelta); return whole days.", test=_is_timedelta),
            ],
            hints=["The hidden test runs your function on every round that has an end date.",
                   "A one-day round (same start and end date) must give 1.",
                   "Return (end - start).days plus one."]),
        Question(
            "q3", salt=SALT,
            answer_hash="73aac6a4b7138ac9595ca34bcca047a5ccff9e322ff829e1116f21e543a165e4",
            mistakes=[
                Mistake("That is the length of the whole 'unclear' bar, all three tracks together. The "
                        "question asks for one coloured segment: the Pakistan–Afghan Taliban government track.",
                        answer_hash="1007be1f8f4305b745255bbeee97c3a9e85e535b1f442015b91b65c3c2f7ced4"),
                Mistake("That is where the segment ends on the axis. A segment's count is its length: "
                        "where it ends minus where it starts.",
                        answer_hash="9b6f0a2bfa6e5dbdf3bcd558163e7765fefe741e11bef1e30eba6fe8729ea325"),
                Mistake("That is the segment of another track. Match the colour in the legend to "
                        "'Pakistan–Afghan Taliban government', or hover over the segment.",
                        answer_hash="c397f13d2a91cc7b61684aade127f248b8a2dd77abc963b3b2ded45c9146a3ca"),
            ],
            hints=["Find the bar for the outcome 'unclear'.",
                   "Each bar is split into coloured segments, one per track; the legend names the colours.",
                   "Read where the Pakistan–Afghan Taliban government segment starts and where it ends on "
                   "the axis and subtract, or hover over it for the exact count."]),
        Question(
            "q4", salt=SALT,
            answer_hash="ab23b8ba04292d8f03947bba78d85422252775e96145e315b9b331e9c8168c87",
            mistakes=[
                Mistake("That is a claim, not an established outcome: Pakistan's defence minister Khawaja Asif "
                        "said it, as the note records. It is one side's account of why the round failed.",
                        answer_hash="cd197f5966d780f8cf959a01bc338eec0dba746791a6335e8f03a63d4dcaee5e"),
                Mistake("That is a claim by Zabihullah Mujahid, the Taliban government's spokesman, as the note "
                        "records: one side blaming the other.",
                        answer_hash="5ff05ee4ae56a10d7947afc8f98d1d9179b78fea2dcfb09e484b0a2221e45c55"),
                Mistake("That is a later accusation by Zabihullah Mujahid (see the note): a claim by one side, "
                        "which no independent body the course found has ruled on.",
                        answer_hash="8f772cd1944785cffcab5ac9d59de8b924a770338878e8ac3ef6da5235b55b05"),
                Mistake("Answer with a single letter, a, b, c or d, as a string.",
                        test=lambda v: isinstance(v, str) and v.strip().casefold() not in ("a", "b", "c", "d")),
            ],
            hints=["Look at the row with round_id 'pak-afg-2025-11-06-istanbul-2': read outcome and note.",
                   "In the note, every sentence that starts with who said it (Asif, Tarar, Mujahid) is a claim.",
                   "Which sentence describes what happened at the table without blaming either side?"]),
        Question(
            "q5", salt=SALT,
            answer_hash="1db171868cb0ce773fbac12f1dc7eaaf7fb1cd8c3b29766ba2488eff62bf99e5",
            mistakes=[
                Mistake("That is a fraction between 0 and 1. The question asks for a percent: multiply by 100.",
                        answer_hash="4ba5e6cfd3348f4bb565560080d713a4c014fbcf91f7a419e1a2d6a793330a31"),
                Mistake("You counted 'partial' too. 'partial' means the wording differs between reports; "
                        "the question counts only quotes marked 'yes' (read in the outlet's own report).",
                        answer_hash="72a15d09d78594eef3bd3993f22742ab8a5819e9932f606312cbb210430d9c4a"),
                Mistake("That is a number of quotes. The question asks for a share of the group's quotes, "
                        "in percent.", answer_hash="31d13d94bcbd1e37087ae3b9da7289451e995e0ff676780af77b5acfef6139ea"),
                Mistake("That is the share for the Pakistan government's quotes. Filter the affiliation "
                        "'Afghan Taliban government'.",
                        answer_hash="53f0a32740f29d88e0a03aea31c0233faee3b648f335e9ddf1dc681b95a3197f"),
                Mistake("That is the share seen only second-hand ('no'). The question asks for 'yes'.",
                        answer_hash="f79da4cb02025cf38a45eb19b445301201b1e101605eb49bf0b5c9fca124021a"),
                Mistake("That is the share of quotes *not* marked 'yes'. The question asks for those marked 'yes'.",
                        answer_hash="296d5ceb70a2b722e1e9957e47935a7d1c59ad693ff80c9de8a2afef6a14e9ae"),
            ],
            hints=["Keep the quotes whose affiliation is 'Afghan Taliban government'.",
                   "Compare original_located with 'yes': the mean of that True/False column is the share.",
                   "Multiply the share by 100 to get a percent."]),
        ChartQuestion(
            "q6",
            requirements=[needs_mark("bar"),
                          needs_encoding("y", "mediator", ("nominal", "ordinal")),
                          needs_encoding("x", "rounds", ("quantitative",)),
                          needs_rows(_chart_counts_match,
                                     "Chart the counts from q1: one row per mediator, with columns mediator "
                                     "and rounds."),
                          needs_title()],
            hints=["Make a table from q1_series with .rename_axis('mediator').reset_index(name='rounds').",
                   "Use alt.Chart(table).mark_bar().encode(y='mediator:N', x='rounds:Q').",
                   "Give the chart a title with alt.Chart(table, title='...')."]),
        OpenQuestion(
            "q7", points=4,
            prompt=("Who broke the 48-hour ceasefire of 15 October 2025? Using talks.csv, say what each side "
                    "claimed and what the course's data can and cannot establish."),
            rubric=[("States each side's account with its claimant: a senior Taliban official (Pakistan "
                     "bombed three places in Paktika) and Pakistani officials (the strikes hit the Gul Bahadur "
                     "group after an attack in North Waziristan)", 2),
                    ("Treats both as claims: no independent ruling in the course's sources; notes that even "
                     "who asked for the ceasefire is disputed (Foreign Office vs Mujahid)", 1),
                    ("Weighs the sources: the Paktika reports come through weaker copies flagged caution in "
                     "sources.csv (an Indian outlet relaying agencies, an aggregator of RFE/RL text)", 1)]),
    ])
