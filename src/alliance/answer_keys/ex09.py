"""Exercise 09 · What could help (options and the views of each party).

Scalar answers are stored only as salted hashes (see scripts/answer_hash.py); the table
answers are derived from course_data/option_views.csv at check time.
"""

from __future__ import annotations

from alliance.assignment import Assignment
from alliance.checks import (ChartQuestion, Mistake, OpenQuestion, Question, difference, needs_encoding,
                             needs_mark, needs_rows, needs_title)

SALT = "ex09"
OPPOSED = ["against", "doubt"]


def _views():
    import alliance

    return alliance.load("option_views")


def _count_by_option(stances: list[str] | None) -> "object":
    """Recorded positions per option_id, for the given stances (all stances when None)."""
    views = _views()
    if stances is not None:
        views = views[views["stance"].isin(stances)]
    return views.groupby("option_id").size()


def opposed_by_option():
    """q2: positions 'against' or 'doubt', per option_id."""
    return _count_by_option(OPPOSED)


def _matches(value, expected) -> bool:
    return difference(value, expected) is None


def _matches_ignoring_zeros(value, expected) -> bool:
    """Same counts, whether or not the learner kept options with zero rows."""
    import pandas as pd

    if not isinstance(value, pd.Series):
        return False
    return _matches(value[value != 0], expected[expected != 0])


def _holder_stance_rows(rows: list[dict]) -> bool:
    """The chart's rows count positions by holder_type and stance, all 18 of them."""
    total = sum(float(r.get("positions") or 0) for r in rows)
    return (total == len(_views()) and {r.get("holder_type") for r in rows} == set(_views()["holder_type"].astype(str))
            and all(r.get("stance") for r in rows if r.get("positions")))


def build() -> Assignment:
    return Assignment("ex09", "Exercise 09 · What could help", [
        Question(
            "q1", salt=SALT,
            answer_hash="b1d59223c45a7510fac3010ca5a62dbd975b09d2884dc5b9d0ff541c8d7ca187",
            mistakes=[
                Mistake("That count includes the TOLOnews row (holder_type 'Afghan media'). A news outlet reporting "
                        "one side's account is not that government's own position; count only 'Pakistani state' "
                        "and 'Afghan Taliban'.",
                        answer_hash="d933c0d8a504f1124bce712daadf0bd942f5d706b0832251cad1dd7e6666c926"),
                Mistake("That is the Pakistani state only. The question asks for both governments: add the "
                        "positions of the Afghan Taliban government.",
                        answer_hash="b619943e89da413171f467b60f73c32cae2db45cbf480e3b100d6309c69c8303"),
                Mistake("That is the Afghan Taliban only. The question asks for both governments: add the "
                        "positions of the Pakistani state.",
                        answer_hash="fb1ecafadc7b214173540f862eb8c96c65b1ceced734a38b9e9ccf0f6222a8b6"),
                Mistake("That is every recorded position. Filter on holder_type first.",
                        answer_hash="5690a61a8d5631f3f340ae5ded1e42790b504487be856451df838cfc956bba63"),
            ],
            hints=["The column holder_type says which side or kind of voice holds each position.",
                   "Keep the rows whose holder_type is one of the two governments' types, e.g. with .isin([...]).",
                   "Count the rows left: len(...) of the filtered frame, or .sum() of the boolean mask."]),
        Question(
            "q2", derive=opposed_by_option,
            mistakes=[
                Mistake("Those are the 'against' positions only. The question also counts 'doubt' "
                        "(questions whether the option can work).",
                        test=lambda v: _matches_ignoring_zeros(v, _count_by_option(["against"]))),
                Mistake("Those are all recorded positions per option. Keep only the stances 'against' and 'doubt' "
                        "before counting.",
                        test=lambda v: _matches(v, _count_by_option(None))),
                Mistake("Those are the supporting positions ('for' and 'conditions'). The question asks for the "
                        "positions that reject or doubt an option.",
                        test=lambda v: _matches_ignoring_zeros(v, _count_by_option(["for", "conditions"]))),
            ],
            hints=["Filter option_views to the rows whose stance is 'against' or 'doubt'.",
                   "Use views['stance'].isin([...]) for the filter, then group by option_id.",
                   "After the filter, .groupby('option_id').size() gives one count per option."]),
        Question(
            "q3", salt=SALT,
            answer_hash="7cac614c998459f9cd5f24baaa02e4fcd7fbc27e9b90f5bc3ff92d13d6e3be67",
            mistakes=[
                Mistake("Monitoring has the longest bar: the most recorded positions overall. The question asks "
                        "about the 'for' segment only (green).",
                        answer_hash="6b3521bbf571c53cbd85031b3d32ebaca676893a09c1cb593f75a409b230af27"),
                Mistake("Read the length of the green 'for' segment in each bar; this option's is not the longest.",
                        answer_hash="8197398e812ff6a2250d396952447e760aa09eee6344a06dd82c285d64901190"),
                Mistake("Read the length of the green 'for' segment in each bar; this option's is not the longest.",
                        answer_hash="76ae87249428228fc4d4c2c1b68a7bd3096db01cdae719704693a0167a62d9e5"),
            ],
            hints=["The legend gives each stance a colour; 'for' is the first one.",
                   "Compare only the 'for' segments, not the whole bars.",
                   "Hover over the segments: the tooltip gives the number of positions in each."]),
        Question(
            "q4", salt=SALT,
            answer_hash="ad1f0cc89387fc01aa30ecb3d8e11316b2e06252eb8d2365a1095e5eb7da01a9",
            mistakes=[
                Mistake("That counts positions with at least one weaker copy among their sources. The question asks "
                        "for positions whose sources are all weaker copies: one strong source is enough to leave a "
                        "position out.",
                        answer_hash="448add1e50121c5661f6a9e7002588ae66476c545376359d2b5413a8a886aa1b"),
                Mistake("That counts citations of weaker copies (one position can cite several). Count positions: "
                        "one per view_id.",
                        answer_hash="c5beab9a4734f08276d8a5f62058b97c70e35a963984ee8d4806c53dc7b6bb3c"),
                Mistake("That counts the distinct weaker sources. Count positions (view_id), not sources.",
                        answer_hash="d933c0d8a504f1124bce712daadf0bd942f5d706b0832251cad1dd7e6666c926"),
                Mistake("That counts positions with no weaker copy at all: the opposite of the question.",
                        answer_hash="0709c48858e3bbaa0b4a41322f44abeb8d6452705a8f4f1eb6f4c20e211d68d5"),
            ],
            hints=["A position can cite several sources: source_ids holds them separated by ';'.",
                   "Split source_ids with .str.split(';'), .explode() it, and map each source_id to the "
                   "caution column of sources.csv.",
                   "Group by view_id and ask whether every source is a weaker copy (.all()); then count the True values."]),
        Question(
            "q5", salt=SALT,
            answer_hash="49a8533b967dbc2a13f3b2c4d75b0b896a94e09f1743749a743afbc3fa7979bf",
            mistakes=[
                Mistake("That is the plain average of the scores: the weights are missing. Multiply each score by "
                        "its criterion's weight.",
                        answer_hash="fb1ecafadc7b214173540f862eb8c96c65b1ceced734a38b9e9ccf0f6222a8b6"),
                Mistake("That is the weighted sum. Divide it by the sum of the weights so the result stays on the "
                        "1-5 scale.",
                        answer_hash="d933c0d8a504f1124bce712daadf0bd942f5d706b0832251cad1dd7e6666c926"),
                Mistake("The weighted sum is divided by the number of criteria; divide by the sum of the weights.",
                        answer_hash="ad1f0cc89387fc01aa30ecb3d8e11316b2e06252eb8d2365a1095e5eb7da01a9"),
                Mistake("Each score is multiplied by the wrong weight: look both up with the same criterion.",
                        answer_hash="7f9b30b61611af33b2f0ee2f6c0095f86ce2f9cfb9a523c53bd0a28f4f7e9906"),
            ],
            hints=["The lesson's formula: the sum over criteria of weight × score, divided by the sum of the weights.",
                   "Loop over the criteria in weights: for c in weights: ... weights[c] * scores[c] ...",
                   "return sum(weights[c] * scores[c] for c in weights) / sum(weights.values())"]),
        Question(
            "q5.hidden", salt=SALT,
            answer_hash="ac901bb146c7cb96e9c343df2878dea8b62ba0b795e5237cb0e533eda8215cbd",
            mistakes=[
                Mistake("On other scores and weights your function gives the plain average: the weights are ignored.",
                        answer_hash="e24f6eae913fa00a72c07ee22d304e691cd84b425bfa764a693f1ef3bfa59d51"),
                Mistake("On other scores and weights your function returns the weighted sum, not divided by the "
                        "sum of the weights.",
                        answer_hash="b619943e89da413171f467b60f73c32cae2db45cbf480e3b100d6309c69c8303"),
                Mistake("On other scores and weights your function divides by the number of criteria, not by the "
                        "sum of the weights (a weight can be 0).",
                        answer_hash="5b796ec885c29cd41ee2fc92b11f283682b35e42bba37fd6e4c32b33ec1a5a55"),
            ],
            hints=["Test your function on three criteria, one of them with weight 0.",
                   "A criterion with weight 0 must not change the result.",
                   "Divide by sum(weights.values()), not by len(weights)."]),
        ChartQuestion(
            "q6",
            requirements=[needs_mark("bar"),
                          needs_encoding("y", "holder_type", ("nominal", "ordinal")),
                          needs_encoding("x", "positions", ("quantitative",)),
                          needs_encoding("color", "stance", ("nominal", "ordinal")),
                          needs_rows(_holder_stance_rows,
                                     "Chart a frame with columns holder_type, stance and positions that counts all "
                                     "18 recorded positions (every holder type)."),
                          needs_title()],
            hints=["First count in pandas: views.groupby(['holder_type', 'stance'], observed=True).size().",
                   "Name the count column positions: .reset_index(name='positions').",
                   "alt.Chart(frame, title='...').mark_bar().encode(y='holder_type:N', x='positions:Q', color='stance:N')"]),
        OpenQuestion(
            "q7", points=4,
            prompt=("Choose one of the four options. Who is on record for it and against it (or doubting it), "
                    "and what does each government ask of the other before it could work? Close with what the "
                    "recorded positions cannot tell you."),
            rubric=[("Names at least one position of the Pakistani state and one of the Afghan Taliban on the "
                     "chosen option, each attributed to its holder with a date", 2),
                    ("Includes at least one voice from neither government (mediator, UN, traders, analyst) and "
                     "states it neutrally, without declaring the option right or wrong", 1),
                    ("Names a limit of the evidence: few positions, not a poll, undated rows, or a position that "
                     "rests only on a weaker copy", 1)]),
    ])
