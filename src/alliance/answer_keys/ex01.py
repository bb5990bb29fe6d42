"""Exercise 01 · The old alliance (timeline, actors and the strength of the sources, 1893–August 2021)."""

from __future__ import annotations

from alliance.assignment import Assignment
from alliance.checks import (ChartQuestion, Mistake, OpenQuestion, Question, needs_encoding, needs_mark,
                             needs_rows, needs_title)

SALT = "ex01"
LESSON_END = "2021-09-01"  # lesson 01 covers the timeline up to the end of August 2021

# q2: the visible check uses one event, the hidden test these others (from lesson 01's key dates).
HIDDEN_EVENTS = ["1893-11-12-durand-agreement", "1949-07-26-loya-jirga-rejects-durand",
                 "1997-05-26-pakistan-recognises-taliban", "2020-02-29-us-taliban-doha-agreement",
                 "1961-09-06-relations-broken-1961"]


# --- values derived from the data at check time -------------------------------------------

def _lesson_events():
    import alliance

    events = alliance.load("events")
    return events[events["date"] < LESSON_END]


def _caution() -> dict:
    import alliance

    sources = alliance.load("sources")
    return {sid: bool(flag) for sid, flag in zip(sources["source_id"], sources["caution"])}


def _weaker_parts(event_id: str) -> tuple[int, int]:
    """(weaker copies, all sources) behind one event."""
    import alliance
    from alliance.data import split_ids

    events = alliance.load("events").set_index("event_id")
    ids = split_ids(events.loc[event_id, "source_ids"])
    caution = _caution()
    return sum(caution[i] for i in ids), len(ids)


def _hidden_percents(kind: str = "weaker") -> list[float]:
    values = []
    for event_id in HIDDEN_EVENTS:
        weak, total = _weaker_parts(event_id)
        values.append({"weaker": 100 * weak / total, "fraction": weak / total,
                       "stronger": 100 * (total - weak) / total, "count": weak}[kind])
    return values


def _perspective_counts(frame=None, distinct: bool = True):
    """Sources behind the lesson-01 events, per perspective (distinct sources, or every citation)."""
    import alliance
    from alliance.data import split_ids

    frame = _lesson_events() if frame is None else frame
    ids = [sid for value in frame["source_ids"] for sid in split_ids(value)]
    if distinct:
        ids = list(dict.fromkeys(ids))
    perspective = alliance.load("sources").set_index("source_id")["perspective"].astype(str)
    return perspective.loc[ids].value_counts().astype(float)


def _all_sources_counts():
    import alliance

    return alliance.load("sources")["perspective"].astype(str).value_counts().astype(float)


def _all_events_counts():
    import alliance

    return _perspective_counts(alliance.load("events"))


# --- comparisons ----------------------------------------------------------------------------

def _counts(value):
    """A learner's Series as {label: number}, zero and empty entries dropped; None if not a Series."""
    import pandas as pd

    if not isinstance(value, pd.Series):
        return None
    numbers = pd.to_numeric(value, errors="coerce")
    return {str(k): round(float(v), 2) for k, v in numbers.items() if pd.notna(v) and float(v) != 0}


def _same_counts(value, expected) -> bool:
    mine = _counts(value)
    return mine is not None and mine == _counts(expected)


def _same_numbers(value, expected) -> bool:
    """Two lists of numbers equal to 2 decimals (the hidden test's answers)."""
    import math

    if not isinstance(value, (list, tuple)) or len(value) != len(expected):
        return False
    try:
        return all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(float(v))
                   and round(float(v), 2) == round(float(e), 2) for v, e in zip(value, expected))
    except (TypeError, ValueError):
        return False


def _numbers(value) -> list | None:
    """A list of plain numbers from the learner's hidden-test answers (numpy scalars included)."""
    try:
        return [float(v) for v in value]
    except (TypeError, ValueError):
        return None


def _rows_match(rows: list[dict]) -> bool:
    expected = _counts(_perspective_counts())
    found = {str(r.get("perspective")): round(float(r.get("sources") or 0), 2) for r in rows}
    return {k: v for k, v in found.items() if v != 0} == expected


def build() -> Assignment:
    return Assignment("ex01", "Exercise 01 · The old alliance", [
        Question(
            "q1", salt=SALT,
            answer_hash="43eef5fab039ef34c6ad454815bc5faaed2b422202ba1b9c49454c63f16b23da",
            mistakes=[
                Mistake("This count includes events whose only Pakistani actor is PAK_MIL (Pakistan's army): a "
                        "text search for 'PAK' also matches 'PAK_MIL'. Split the actors column on ';' and test "
                        "for the exact id PAK.",
                        answer_hash="b6967a0070bcb06498ee9bdd0eec50d9cf3c8eddf892163466931cc7a2eea2b9"),
                Mistake("This leaves out the events of 2021. The era runs from 1 January 2001 to 31 August 2021, "
                        "both ends included.",
                        answer_hash="813152fa4e818d7efce6fba9ec75e7dbca869877fbe15b39baf503c1180b603e"),
                Mistake("That is every event in the era, whoever took part. Keep only the events that list "
                        "Pakistan (PAK) among their actors.",
                        answer_hash="c89c196e10be3a88d20c5ba8dc11ad028cc64095e62cbf7d2bfd2d2dda56eca8"),
                Mistake("That counts Pakistan's events in all three eras. Keep only the dates from 1 January 2001 "
                        "to 31 August 2021.",
                        answer_hash="96620a7b84343ecf6a51257eea93e4ca2dc94e24f7dfaf23c9bfd572c1a8cba8"),
            ],
            hints=["Two filters: the date (the third era of lesson 01) and the actors column.",
                   "The actors column holds ids separated by ';'. A text search for 'PAK' would also find "
                   "'PAK_MIL'; split the text into a list of ids first.",
                   "Use events['actors'].str.split(';').map(lambda ids: 'PAK' in ids) together with "
                   "events['date'].between('2001-01-01', '2021-08-31'), then count the rows."]),
        Question(
            "q2", salt=SALT,
            answer_hash="ad94693c22fcdf7ff923655a932c6063461154d854c8955fb5dc55057a9df9d5",
            mistakes=[
                Mistake("That is a fraction between 0 and 1. The function should return a percentage (0 to 100): "
                        "multiply by 100.",
                        answer_hash="27e42e1d5a176059f292afb8cc6a841e0db2e6d5fcf222bb39b2606d56a7830a"),
                Mistake("That is the number of weaker copies. Divide it by the number of sources the event cites, "
                        "then multiply by 100.",
                        answer_hash="27a5108c924b67b0d08327b09334dbf51a46020a74563f090acdc513d527c574"),
                Mistake("That is the share of the stronger sources (caution=false). The function asks for the "
                        "weaker copies, caution=true.",
                        answer_hash="da194b3f8f41c0fdfc4f172a44238554023e28aa2acf5f82b143b01a933f00d4"),
                Mistake("That is how many sources the event cites, not the share of weaker copies among them.",
                        answer_hash="7fc1f43e954f74e1523b5573f6d806538dd99b259fa5d5863aba0fcd90235679"),
                Mistake("Your function returned None: end it with a return line that gives the percentage.",
                        test=lambda v: v is None),
            ],
            hints=["Look up the event's source_ids, split them on ';', and look up each id's caution flag in "
                   "sources.csv.",
                   "Make a dictionary once: caution = dict(zip(sources['source_id'], sources['caution'])).",
                   "Inside the function: ids = the event's source_ids split on ';'; return "
                   "100 * (number of ids with caution True) / len(ids)."]),
        Question(
            "q2.hidden", derive=lambda: _hidden_percents("weaker"), compare=_same_numbers,
            mistakes=[
                Mistake("The function returns fractions for these events; it should return percentages.",
                        test=lambda v: _same_numbers(_numbers(v), _hidden_percents("fraction"))),
                Mistake("The function returns the share of stronger sources, not of weaker copies.",
                        test=lambda v: _same_numbers(_numbers(v), _hidden_percents("stronger"))),
                Mistake("The function returns counts of weaker copies, not percentages.",
                        test=lambda v: _same_numbers(_numbers(v), _hidden_percents("count"))),
            ],
            wrong_message="percent_weaker gives wrong results for other events (some with no weaker copy, "
                          "some with one source only).",
            hints=["Test your function on other events too, such as '1997-05-26-pakistan-recognises-taliban'.",
                   "An event may cite a single source, or none that is a weaker copy.",
                   "Do not rely on one event's numbers inside the function; look everything up from event_id."]),
        Question(
            "q3", salt=SALT,
            answer_hash="841a7d1e7ae42a907247b57eeaf98cd2318c15a1084d1fc5c012138963618780",
            mistakes=[
                Mistake("That decade has the most events in total. The question asks about the part of each bar "
                        "in the colour for 'Only weaker copies (caution)'; read the legend.",
                        answer_hash="69b13ed3195c1e5ed1f931aaee5dc60f2ffc4db83a06e1972d22696ebbfb49b6"),
                Mistake("Answer with the decade's first year as a number (like 1930), not as text.",
                        answer_hash="dfe326f120a65673a194f85c592a6644dce066d81254b857b2448bd95daf5208"),
                Mistake("That looks like a number of events. The question asks for the decade: give its first "
                        "year, like 1930.",
                        answer_hash="91514b7976e255f53374c8a4c1a2a1a0e3d9bba1bd7805310632ceae66bd88ba"),
            ],
            hints=["Find the legend first: which colour stands for events resting only on weaker copies?",
                   "Compare only the segments in that colour, not the whole bars; hover them to see the counts.",
                   "Answer with the label under the tallest segment of that colour (a year such as 1930)."]),
        Question(
            "q4", salt=SALT,
            answer_hash="78b34c80d7fc69ae8518a0ed0f85f6083d0deafb33407f791308817e7ad52746",
            mistakes=[
                Mistake("Ahmed Rashid is a journalist and historian who wrote about the events afterwards; he was "
                        "not one of the sides fighting at Spin Boldak. Read fatalities_claimant for each row.",
                        answer_hash="d12a6a1bfba33b1318d099ad53c6e97c87bc70e31a0cb560f5021ec65be84d89"),
                Mistake("Pajhwok Afghan News is a news agency reporting the toll; it was not a side in the attack. "
                        "Read fatalities_claimant for each row.",
                        answer_hash="2fb84f2aca179335673fe93dcc909d002a83e02d4deabc60e893bdefff5683e1"),
            ],
            hints=["The column fatalities_claimant says who gave each figure.",
                   "For each row, ask: did the person or body that gave the figure take part in the fighting?",
                   "A military's spokesman reporting on the military's own operation speaks for one side."]),
        Question(
            "q5", derive=_perspective_counts, compare=_same_counts,
            mistakes=[
                Mistake("Expected a Series (one number per perspective), for example from .value_counts().",
                        test=lambda v: _counts(v) is None),
                Mistake("These are counts of citations: a source cited by several events is counted several "
                        "times. Count each distinct source once (drop duplicate source ids first).",
                        test=lambda v: _same_counts(v, _perspective_counts(distinct=False))),
                Mistake("This counts every source in sources.csv. Keep only the sources cited by the lesson-01 "
                        "events (dated before 1 September 2021).",
                        test=lambda v: _same_counts(v, _all_sources_counts())),
                Mistake("This counts the sources of the whole timeline, up to 2025. Keep only the events dated "
                        "before 1 September 2021.",
                        test=lambda v: _same_counts(v, _all_events_counts())),
                Mistake("These are shares (normalize=True). The question asks for numbers of sources.",
                        test=lambda v: _same_counts(v, _perspective_counts() / _perspective_counts().sum())),
            ],
            wrong_message="Not the expected counts. Check the date filter and that each source is counted once.",
            hints=["First keep the events dated before 1 September 2021, then list the sources they cite.",
                   "alliance.sources_for(frame) gives the sources.csv rows behind a table's rows, each source once.",
                   "Take the perspective column of those rows and count its values with .value_counts()."]),
        ChartQuestion(
            "q6",
            requirements=[needs_mark("bar"),
                          needs_encoding("x", "perspective", ("nominal", "ordinal")),
                          needs_encoding("y", "sources", ("quantitative",)),
                          needs_rows(_rows_match, "The bars should show your q5 counts: one row per perspective "
                                                  "with columns perspective and sources. Check q5 first."),
                          needs_title()],
            hints=["Turn the Series into a table: q5_series.rename('sources').reset_index().",
                   "Then alt.Chart(table).mark_bar().encode(x='perspective:N', y='sources:Q').",
                   "Add a title: alt.Chart(table, title='...'), saying what is counted and for which years."]),
        OpenQuestion(
            "q7", points=4,
            prompt="Pakistan and Afghan governments describe the Durand Line differently. State each side's "
                   "position, name one event from 1947–1949 that shows Kabul's view, and say how solid the "
                   "evidence for its date is.",
            rubric=[("States Pakistan's position (the border was settled before 1947; the line is its "
                     "international border)", 1),
                    ("States the Afghan position (the 1893 agreement is void; the line was never accepted), "
                     "attributed to Afghan governments", 1),
                    ("Names a dated event from 1947–1949 from the timeline (the UN admission vote or the 1949 "
                     "loya jirga)", 1),
                    ("Says how solid that date is, naming its sources or the weaker-copy flag, without "
                     "taking a side", 1)]),
    ])
