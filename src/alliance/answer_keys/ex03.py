"""Exercise 03 · The TTP surge: counting militant violence in Pakistan, publisher by publisher.

Scalar answers are stored only as salted hashes (see scripts/answer_hash.py); table answers
and the chart's rows are derived from course_data/violence.csv at check time, with the
lesson's rule for one value per year (`l03_the_ttp_surge.latest_values`).
"""

from __future__ import annotations

from alliance.assignment import Assignment
from alliance.checks import (ChartQuestion, Mistake, OpenQuestion, Question, chart_views, needs_encoding,
                             needs_mark, needs_rows, needs_title)

SALT = "ex03"
GROWTH_DEFINITIONS = ["crss_terror_counterterror", "pips_attacks", "gti_terrorism"]
CHART_DEFINITIONS = ["pips_attacks", "crss_terror_counterterror"]


def _latest():
    """violence.csv with one value per year (the lesson's rule), as the notebook's `latest`."""
    from alliance.lessons import l03_the_ttp_surge as lesson

    return lesson.latest_values(lesson.prepared())


def _national_deaths(definitions: list[str], years: list[int]):
    latest = _latest()
    return latest[(latest["region"] == "Pakistan") & (latest["period"] == "annual")
                  & (latest["metric"] == "fatalities_total") & latest["definition"].isin(definitions)
                  & latest["year"].isin(years)]


def _pct(old: float, new: float) -> float:
    return (new - old) / old * 100


def _growth_parts() -> dict[str, tuple[float, float]]:
    """For each q3 definition: (deaths in 2021, deaths in 2025), latest values."""
    rows = _national_deaths(GROWTH_DEFINITIONS, [2021, 2025])
    table = rows.pivot_table(index="definition", columns="year", values="value", observed=True)
    return {str(d): (float(table.loc[d, 2021]), float(table.loc[d, 2025])) for d in GROWTH_DEFINITIONS}


def growth_2021_2025():
    """q3: percent change in deaths, 2021 to 2025, per definition (a Series indexed by definition)."""
    import pandas as pd

    parts = _growth_parts()
    return pd.Series({d: _pct(old, new) for d, (old, new) in parts.items()}, name="percent_change").rename_axis(
        "definition")


def _crss_2021_first_report() -> float:
    """CRSS's 2021 deaths as first published (the 2021 report), before the 2022 report restated them."""
    import alliance

    v = alliance.load("violence")
    rows = v[(v["definition"] == "crss_terror_counterterror") & (v["region"] == "Pakistan")
             & (v["period"] == "annual") & (v["metric"] == "fatalities_total") & (v["year"] == 2021)]
    return float(rows.sort_values("vintage")["value"].iloc[0])


def _series_matches(value, target: dict[str, float]) -> bool:
    """`value` is a Series with exactly these labels and (to 2 decimals) these values."""
    import pandas as pd

    if not isinstance(value, pd.Series) or len(value) != len(target):
        return False
    got = {str(k): float(v) for k, v in value.items()}
    return set(got) == set(target) and all(abs(got[k] - target[k]) < 0.005 for k in target)


def _growth_variant(formula, first_report: bool = False) -> dict[str, float]:
    parts = _growth_parts()
    if first_report:
        parts["crss_terror_counterterror"] = (_crss_2021_first_report(), parts["crss_terror_counterterror"][1])
    return {d: formula(old, new) for d, (old, new) in parts.items()}


def _chart_expected() -> list[tuple[int, float]]:
    rows = _national_deaths(CHART_DEFINITIONS, list(range(2020, 2026)))
    return sorted((int(y), round(float(v), 1)) for y, v in zip(rows["year"], rows["value"]))


def _chart_points(rows: list[dict]) -> list[tuple[int, float]]:
    return sorted((int(str(r["year"])[:4]), round(float(r["value"]), 1)) for r in rows)


def _colour_by_definition(spec: dict) -> str | None:
    for view in chart_views(spec):
        colour = view.get("encoding", {}).get("color")
        if isinstance(colour, dict) and colour.get("field") in ("definition", "publisher", "label"):
            return None
    return ("Nothing separates the two definitions, so Altair joins their values into one zigzag line. Map the "
            "definition to colour (color='definition:N'): each definition gets its own line, never joined.")


def _not_letter(value) -> bool:
    return isinstance(value, str) and len(value.strip()) > 1


def _is_table(value) -> bool:
    import pandas as pd

    return isinstance(value, (pd.DataFrame, pd.Series))


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
                Mistake("That is the ratio of the two years (how many times as many). The question asks for the "
                        "difference in people killed.",
                        answer_hash="fa605f83d67260a39ef674d864a242980c605b4bfc62b0b1be9c986349ca25a9"),
                Mistake("That is CRSS's count, which adds deaths in security operations (militants killed by the "
                        "state included). The question asks about PIPS, which counts militant attacks only: "
                        "never mix two definitions.",
                        answer_hash="ffe5f4c190b85fb0e92d40d7dfeff73b4fd70614cf95003f38710f4e1ab44967"),
                Mistake("That comes from CRSS's figures, not PIPS's: filter on publisher == 'PIPS'. CRSS also "
                        "counts security operations, a different definition.",
                        answer_hash="ace83d039d171ae2636f03674bc238108fd6e23f9c813402b43dbfa48166dab8"),
                Mistake("That is 2025 minus 2021. The question asks for 2024.",
                        answer_hash="329bde512597be74708ad16b158566be1189bf20185df4076e12128e07ef7104"),
                Mistake("Give one number, not a table: pick the two values out of your result and subtract them.",
                        test=_is_table),
            ],
            hints=["Keep only PIPS rows for Pakistan, metric fatalities_total, period annual.",
                   "Index the rows by year (.set_index('year')['value']) and read the values for 2021 and 2024.",
                   "Subtract: the value for 2024 minus the value for 2021."]),
        Question(
            "q2", salt=SALT,
            answer_hash="d68e5f62e00b8cc2056db113d10d973ca1d84940fdf597713025b172cc48737a",
            mistakes=[
                Mistake("Your function returns a fraction (the change divided by the old value). Multiply by 100 "
                        "to get a percent.",
                        answer_hash="9a5eced52f47506a9eac1b4f0c9665396c863b965a4bf6756e35337cf25a47c9"),
                Mistake("Your function returns the new value as a percent of the old one. A change starts from "
                        "the difference: subtract the old value from the new one first.",
                        answer_hash="86f41a833c16db71e689eaba40c3a398998c44d1d63151d797076f1cf4a4c69c"),
                Mistake("The sign is reversed: the change is new minus old, so a rise comes out positive.",
                        answer_hash="c4feb02773eea068175b406c265509006faddd326d5a7271b05cedc99d6c2d2c"),
                Mistake("Your function divides by the new value. A percent change is relative to the old "
                        "(earlier) value.",
                        answer_hash="73b48ddf6ef79f6ab047f3bec78f9c2d19a845d363a9c4639996590e203b4c52"),
                Mistake("That is the absolute change. Divide it by the old value and multiply by 100.",
                        answer_hash="bf007f9f271d9aeced5a649d5ca00cee7189ce8fb019c3794a726b88cca7388a"),
                Mistake("Do not round inside the function: return the full value (the check compares to two "
                        "decimals).",
                        answer_hash="b4e47421171b66bc25538c123a2294d2229cfe98cf6ba0d8fd5afb6adc9a20f9"),
                Mistake("Do not round inside the function: return the full value (the check compares to two "
                        "decimals).",
                        answer_hash="75a8571d7d815d706c282d7d38dd548acad752995ff5aa269f9a36f2926f3b5f"),
                Mistake("Your function returns None: end it with a return statement.",
                        test=lambda v: v is None),
            ],
            hints=["A percent change compares the difference between two values with the first (old) value.",
                   "Inside the function: compute new - old, divide by old, multiply by 100.",
                   "def percent_change(old, new): followed by an indented return of (new - old) / old * 100."]),
        Question(
            "q2.hidden", salt=SALT,
            answer_hash="4b302ad52d9d17a63d9cf63759bbc1c71d328fa050b01baf8a222317dfc6280f",
            mistakes=[
                Mistake("On a fall, your function returns a fraction, not a percent: multiply by 100.",
                        answer_hash="fe42522e927450ec47817b12ef6172323e57ffa976f5007482829117d2e74ff4"),
                Mistake("On a fall, your function returns the new value as a percent of the old one, not the "
                        "change.",
                        answer_hash="d377e7282ae2236df55e4e4145c965531791369a599d6663ced88e8719dd708e"),
                Mistake("On a fall, your function gives a positive number: the change is new minus old, so a "
                        "fall must come out negative.",
                        answer_hash="6f941c9788397b2c5cec93fff105fe5504e00a474e54ccbe579c01a1b9b08bb6"),
                Mistake("On other inputs your function divides by the new value; divide by the old one.",
                        answer_hash="5a0afbada280328eef01d6e38aea8b45f19ce9022833f8430d18b4dd2a46de6c"),
                Mistake("On other inputs your function returns the absolute change, not a percent.",
                        answer_hash="432704e1a656a9809f6501b0e9be0b7fc7f38fe51a9c0ccba4a6e45b5334b4d0"),
                Mistake("On other inputs your function rounds; return the full value.",
                        answer_hash="7ca9ce123bb191e3ad9dbeb6be8fa0ec3d478a67f335150568c72e3080de5d79"),
                Mistake("percent_change gives the same answer for other inputs: it must be a function "
                        "(def percent_change(old, new): ...), not a number.",
                        answer_hash="d68e5f62e00b8cc2056db113d10d973ca1d84940fdf597713025b172cc48737a"),
            ],
            hints=["Test your function on a fall as well as a rise.",
                   "A fall must come out negative and a rise positive.",
                   "(new - old) / old * 100, with no rounding."]),
        Question(
            "q3", derive=growth_2021_2025,
            mistakes=[
                Mistake("The CRSS value uses 2021 deaths as first published. Use `latest`, which takes each year's "
                        "value from the most recent report (CRSS restated 2021 in its next report).",
                        test=lambda v: _series_matches(v, _growth_variant(_pct, first_report=True))),
                Mistake("These are ratios (2025 divided by 2021), not percent changes.",
                        test=lambda v: _series_matches(v, _growth_variant(lambda o, n: n / o))),
                Mistake("These are 2025 values as a percent of 2021, not the change: subtract the 2021 value "
                        "first.",
                        test=lambda v: _series_matches(v, _growth_variant(lambda o, n: n / o * 100))),
                Mistake("These are fractions: multiply by 100 to get percent changes.",
                        test=lambda v: _series_matches(v, _growth_variant(lambda o, n: (n - o) / o))),
                Mistake("The direction is reversed: the change runs from 2021 (old) to 2025 (new).",
                        test=lambda v: _series_matches(v, _growth_variant(lambda o, n: _pct(n, o)))),
                Mistake("These are absolute changes in deaths. The question asks for percent changes, which "
                        "can be compared across definitions of different size.",
                        test=lambda v: _series_matches(v, _growth_variant(lambda o, n: n - o))),
            ],
            hints=["Start from `latest`: keep region Pakistan, period annual, metric fatalities_total, the three "
                   "definitions and the years 2021 and 2025.",
                   "Put the years side by side: .pivot_table(index='definition', columns='year', values='value', "
                   "observed=True).",
                   "Apply percent_change to the 2021 column (old) and the 2025 column (new) of that table."]),
        Question(
            "q4", salt=SALT,
            answer_hash="353d7a4617f12931daef19d702a0a10c9a39614f36d5129693d2a7bd94bbe814",
            mistakes=[
                Mistake("PIPS counts militant attacks and the people they killed; military operations are "
                        "tallied separately and are not in this series.",
                        answer_hash="5ea766fd5f205f714664f3b866f1e152ae68ea6ebbdfeca4b4a0eec31e47ca68"),
                Mistake("PICSS's militant-attacks series leaves security-force actions out; PICSS counts them only "
                        "in its separate combat count.",
                        answer_hash="3048f1f08f4eb1ccc53d5b36fcd16b63b1f53e4c2a766fb2f1ef7432240e8d4a"),
                Mistake("The GTI counts terrorism by non-state actors; actions of the state's forces are excluded.",
                        answer_hash="89069e2a9b7c9ddff3d403cdc4dbd99ec11bf708eada0f88dfc3841fa9fc07fa"),
                Mistake("Answer with one letter: a, b, c or d.", test=_not_letter),
            ],
            hints=["Run the cell that prints definitions.csv, or open course_data/CODEBOOK.md.",
                   "Look for a definition that mentions counter-terror or security-force operations.",
                   "Militants killed by the state appear only in counts that include operations."]),
        Question(
            "q5", salt=SALT,
            answer_hash="5ea766fd5f205f714664f3b866f1e152ae68ea6ebbdfeca4b4a0eec31e47ca68",
            mistakes=[
                Mistake("Agreement on one figure does not check another. The security-forces figure is also the "
                        "military's own claim, and ISPR spoke of its officers and soldiers while CRSS counted "
                        "security personnel.",
                        answer_hash="3048f1f08f4eb1ccc53d5b36fcd16b63b1f53e4c2a766fb2f1ef7432240e8d4a"),
                Mistake("ISPR is the Pakistani military's media wing, a party to the fighting: its figures are "
                        "claims about its own operations, not an independent count.",
                        answer_hash="353d7a4617f12931daef19d702a0a10c9a39614f36d5129693d2a7bd94bbe814"),
                Mistake("Being based in Pakistan does not make a research institute a party to the fighting. "
                        "PICSS compiles its counts from open media; ISPR speaks for the military.",
                        answer_hash="89069e2a9b7c9ddff3d403cdc4dbd99ec11bf708eada0f88dfc3841fa9fc07fa"),
                Mistake("Answer with one letter: a, b, c or d.", test=_not_letter),
            ],
            hints=["Which of the three publishers is itself a side in the fighting?",
                   "The lesson calls ISPR's year-end figures 'the Pakistani military's own account of its "
                   "operations'.",
                   "A claim by a party can be reported, with its source, but it is not an independent count."]),
        Question(
            "q6", salt=SALT,
            answer_hash="3048f1f08f4eb1ccc53d5b36fcd16b63b1f53e4c2a766fb2f1ef7432240e8d4a",
            mistakes=[
                Mistake("Militants are the largest group in PICSS's combat count, which includes security "
                        "operations. The question asks about the PIPS panel.",
                        answer_hash="353d7a4617f12931daef19d702a0a10c9a39614f36d5129693d2a7bd94bbe814"),
                Mistake("Compare the three bars in the PIPS panel again: the civilians bar is not the tallest.",
                        answer_hash="5ea766fd5f205f714664f3b866f1e152ae68ea6ebbdfeca4b4a0eec31e47ca68"),
                Mistake("Answer with one letter: a, b or c.", test=_not_letter),
            ],
            hints=["The chart has two panels, one per definition; the question is about one of them.",
                   "In the PIPS panel, read the number above each of the three bars.",
                   "Pick the group with the largest number in that panel and give its letter."]),
        ChartQuestion(
            "q7",
            requirements=[needs_mark("line"),
                          needs_encoding("x", "year", ("ordinal", "temporal", "quantitative")),
                          needs_encoding("y", "value", ("quantitative",)),
                          _colour_by_definition,
                          needs_rows(lambda rows: len(rows) == 12,
                                     "Chart 12 rows: the two definitions for the six years 2020–2025, one value "
                                     "per definition and year. Filter `latest` in pandas before alt.Chart()."),
                          needs_rows(lambda rows: _chart_points(rows) == _chart_expected(),
                                     "The rows are not the national annual deaths (fatalities_total, region "
                                     "Pakistan) of pips_attacks and crss_terror_counterterror for 2020–2025 "
                                     "from `latest`."),
                          needs_title()],
            hints=["Filter `latest` to region Pakistan, period annual, metric fatalities_total, the two definitions "
                   "and the years 2020 to 2025.",
                   "alt.Chart(frame, title='...').mark_line(point=True).encode(x='year:O', y='value:Q', ...)",
                   "Add color='definition:N' to .encode() so each definition is its own line."]),
        OpenQuestion(
            "q8", points=4,
            prompt=("A TV presenter says: 'CRSS reports that militants killed 3,417 people in Pakistan in 2025, "
                    "while PIPS says 1,034. One of them must be wrong.' Using the course data, explain why the two "
                    "figures differ and how you would report the 2025 death toll."),
            rubric=[("States what each publisher counts: CRSS deaths in attacks and in security operations "
                     "(militants killed by the state included), PIPS deaths in militant attacks only; so 'killed "
                     "by militants' misdescribes the CRSS figure", 2),
                    ("Supports the point with one further figure from the data, naming its publisher and year "
                     "(e.g. militants killed by PIPS's and PICSS's counts)", 1),
                    ("Reports each figure with its publisher and definition, declares neither the 'true' one, and "
                     "does not add, average or subtract them", 1)]),
    ])
