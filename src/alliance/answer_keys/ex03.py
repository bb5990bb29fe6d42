"""Exercise 03 · The TTP surge (pilot; questions on counting violence)."""

from __future__ import annotations

from alliance.assignment import Assignment
from alliance.checks import (ChartQuestion, Mistake, OpenQuestion, Question, needs_encoding, needs_mark,
                             needs_rows, needs_title)

SALT = "ex03"


def _pips_series():
    import alliance

    v = alliance.load("violence")
    rows = v[(v["publisher"] == "PIPS") & (v["metric"] == "fatalities_total") & (v["period"] == "annual")
             & (v["region"] == "Pakistan") & (v["year"].between(2020, 2025))]
    return rows.set_index("year")["value"].astype(float)


def build() -> Assignment:
    return Assignment("ex03", "Exercise 03 · The TTP surge", [
        Question(
            "q1", salt=SALT,
            answer_hash="bf007f9f271d9aeced5a649d5ca00cee7189ce8fb019c3794a726b88cca7388a",
            mistakes=[
                Mistake("That is the percent change. The question asks for the absolute change: "
                        "deaths in 2024 minus deaths in 2021.",
                        answer_hash="d68e5f62e00b8cc2056db113d10d973ca1d84940fdf597713025b172cc48737a"),
                Mistake("The sign is reversed: subtract the 2021 count from the 2024 count.",
                        answer_hash="fb72346bceea7569da7687caee882c2fe661d40dfc479ae23142df46c126a87f"),
            ],
            hints=["Keep only PIPS rows for Pakistan, metric fatalities_total, period annual.",
                   "Select the rows for 2021 and 2024 and read their value column.",
                   "Subtract: value in 2024 minus value in 2021."]),
        Question(
            "q2", derive=_pips_series,
            hints=["Filter as in q1, but keep the years 2020 to 2025.",
                   "Use .set_index('year') and pick the value column.",
                   "The result is a Series indexed by year, with one value per year."]),
        Question(
            "q3", salt=SALT,
            answer_hash="3048f1f08f4eb1ccc53d5b36fcd16b63b1f53e4c2a766fb2f1ef7432240e8d4a",
            mistakes=[Mistake("PIPS counts deaths in militant attacks only; security operations are not in it.",
                              answer_hash="5ea766fd5f205f714664f3b866f1e152ae68ea6ebbdfeca4b4a0eec31e47ca68")],
            hints=["Open CODEBOOK.md and read the definitions of the violence series.",
                   "Which definition mentions counter-terrorism operations?",
                   "Militants killed by the state appear only in counts that include operations."]),
        ChartQuestion(
            "q4",
            requirements=[needs_mark("line", "bar", "point"),
                          needs_encoding("x", "year", ("ordinal", "temporal", "quantitative")),
                          needs_encoding("y", "value", ("quantitative",)),
                          needs_rows(lambda rows: len(rows) == 6, "Chart the six PIPS years 2020–2025 only."),
                          needs_title()],
            hints=["Start from alt.Chart(frame) where frame has columns year and value.",
                   "Use .mark_line() and .encode(x='year:O', y='value:Q').",
                   "Give the chart a title with alt.Chart(frame, title='...')."]),
        OpenQuestion(
            "q5", points=4,
            prompt="Why do CRSS and PIPS give different death tolls for the same year?",
            rubric=[("Names each publisher's definition (operations included or not)", 2),
                    ("Uses one pair of figures from the data, with year and publisher", 1),
                    ("Says which count suits which purpose, without declaring one 'true'", 1)]),
    ])
