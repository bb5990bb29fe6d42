"""Exercise 06 · October 2025 (claims by named claimants, independent counts, the timeline, quotes)."""

from __future__ import annotations

from alliance.assignment import Assignment
from alliance.checks import (ChartQuestion, Mistake, OpenQuestion, Question, difference, needs_encoding,
                             needs_mark, needs_rows, needs_title)

SALT = "ex06"
BORDER_CLASHES = "2025-10-11-border-clashes"
PAKTIKA = "2025-10-17-paktika-strikes"
# The groups of claims the hidden test of q2 runs `claim_ratio` on (claim_id in claims.csv):
# an open-ended claim on top, a range and an open-ended claim, a range on top, four claims.
HIDDEN_GROUPS = [["c007", "c011"], ["c047", "c048"], ["c034", "c035"], ["c017", "c019", "c023", "c025"]]
PIVOT_COLUMNS = ["Pakistani state", "Afghan Taliban"]


def _not_a_number(value) -> bool:
    import pandas as pd

    return isinstance(value, (pd.DataFrame, pd.Series, list, tuple, dict))


TABLE_NOT_NUMBER = Mistake("This is a table or a column, not one number. Pick the values you need out of it "
                           "(e.g. with .loc or .iloc) and compute a single number.", test=_not_a_number)


def _claims():
    import alliance

    return alliance.load("claims")


def _same_as(make):
    """A Mistake test: the answer equals what a mistaken computation gives."""
    def test(value):
        expected = make()
        candidates = expected if isinstance(expected, list) else [expected]
        return any(difference(value, c) is None for c in candidates)
    return test


# --- q2.hidden -------------------------------------------------------------------------

def _ratio(frame, top_column: str | None = None) -> float:
    """Highest claim ÷ lowest claim; top_column picks a mistaken 'highest'."""
    if top_column is None:
        top = frame["value_high"].fillna(frame["value_low"])
    else:
        top = frame[top_column]
    return float(top.max()) / float(frame["value_low"].min())


def _hidden_ratios(top_column: str | None = None):
    import pandas as pd

    claims = _claims()
    return pd.Series([_ratio(claims[claims["claim_id"].isin(ids)], top_column) for ids in HIDDEN_GROUPS])


# --- q3 ----------------------------------------------------------------------------------

def _night(metric_filter: bool = True):
    claims = _claims()
    rows = claims[claims["incident_id"] == BORDER_CLASHES]
    return rows[rows["metric"] == "killed"] if metric_filter else rows


def _pivot(rows, values: str = "value_low", aggfunc=None):
    if aggfunc is None:
        table = rows.pivot(index="subject", columns="claimant_type", values=values)
    else:
        table = rows.pivot_table(index="subject", columns="claimant_type", values=values, aggfunc=aggfunc,
                                 observed=True)
    return table[PIVOT_COLUMNS]


def _night_table():
    return _pivot(_night())


def _night_all_metrics():
    return [_pivot(_night(False), aggfunc=agg) for agg in ("mean", "sum", "max", "first", "last")]


def _night_value_high():
    return _pivot(_night(), values="value_high")


# --- q7 chart requirements ---------------------------------------------------------------

def _pairs(rows) -> list[tuple[str, int]]:
    return sorted((str(r["claimant"]), int(r["value_low"])) for r in rows)


def _paktika(metric: str):
    claims = _claims()
    rows = claims[(claims["incident_id"] == PAKTIKA) & (claims["metric"] == metric)]
    return rows.to_dict("records")


def _no_injuries(rows: list[dict]) -> bool:
    """No row is a claim of injuries (by its metric, or by its claimant and figure)."""
    if any(r.get("metric") == "injured" for r in rows):
        return False
    injured = set(_pairs(_paktika("injured"))) - set(_pairs(_paktika("killed")))
    try:
        return not (set(_pairs(rows)) & injured)
    except (KeyError, TypeError, ValueError):  # other columns charted: the next requirement says so
        return True


def _all_deaths_claimed(rows: list[dict]) -> bool:
    return _pairs(rows) == _pairs(_paktika("killed"))


def _letter_with_extras(value) -> bool:
    if not isinstance(value, str):
        return False
    text = value.strip().lower()
    return text != text.strip("().: ") and len(text.strip("().: ")) == 1


def build() -> Assignment:
    return Assignment("ex06", "Exercise 06 · October 2025", [
        Question(
            "q1", salt=SALT,
            answer_hash="07fda322c6d28a40a7ab66431cf4fc42b57c4575471e8a0207533f1b46f42b2c",
            mistakes=[
                Mistake("That is the percent change. The question asks by how many people the figure rose: "
                        "the later figure minus the earlier one.",
                        answer_hash="f4912346ed4a17996dd9bcfe0da388928e8a3d1e682023afa297bf096c4c69ff"),
                Mistake("The sign is reversed: subtract the first figure from the revised one.",
                        answer_hash="2a3107484856efaa30df82010d28eef9a93298cd4678ef36a8fff48f28bacf6c"),
                Mistake("That starts from Zabihullah Mujahid's figure. He spoke for the Taliban government, a "
                        "party to the fighting: his claim is not UNAMA's first count. Keep claimant_type "
                        "'UN/independent' only.",
                        answer_hash="c56e53a3fed46991f536dbcf9f356704a631ad6381e019da1759519bd0d5b355"),
                Mistake("That starts from the Spin Boldak information official's figure, a claim by the local "
                        "Taliban administration, not an independent count. Keep claimant_type "
                        "'UN/independent' only.",
                        answer_hash="8c05ea412d183f1731d6905671de8c512f854f54ac6e877ea31ce437de451643"),
                Mistake("Those are UNAMA's figures for the injured. The question is about the civilians killed: "
                        "keep metric 'killed'.",
                        answer_hash="7ae8952e6ac197ebd292ee9ee3c8428af4d947d2eb2eab53bdde748f54e39c58"),
                Mistake("You added the two figures. UNAMA's February 2026 figure revises its October one for the "
                        "same day and place: adding them would count the same people twice.",
                        answer_hash="1819015428ce9d89085d2f55618bb61c522453d0e6d326f0d34a2d673b08f238"),
                Mistake("Zero means your filter kept only one of UNAMA's two figures: the report of February 2026 "
                        "names its claimant differently. Filter on claimant_type, not on claimant.",
                        answer_hash="6c5108d17fe43eaf1a6eab2840c4f49d986bb8092c49b5fafc8e96b24fd4bac3"),
                TABLE_NOT_NUMBER,
            ],
            hints=["Filter claims on incident_id, claimant_type and metric as the question says.",
                   "Two rows remain, one from October 2025 and one from February 2026: sort them by claim_date.",
                   "Subtract the value_low of the earlier claim from the value_low of the later one."]),
        Question(
            "q2", salt=SALT,
            answer_hash="9234e99b54ff2ab4f3ee78aa5a3c0308d663c07cda5c3e92ef8e3050cf6d7145",
            mistakes=[
                Mistake("The ratio is upside down: divide the highest claim by the lowest, not the other way.",
                        answer_hash="aa6ab08b144f52047c5699842ba3ba24f30ba21b2e5570054685bd5db255d7e3"),
                Mistake("That is a difference (highest minus lowest). The function should return a ratio: "
                        "highest divided by lowest.",
                        answer_hash="4c7d5c54dcec0937cfadcb79ce812d2537d01592910521a671f4083974b95927"),
                Mistake("That is how many percent the highest claim is above the lowest. The function should "
                        "return the plain ratio, highest ÷ lowest.",
                        answer_hash="81e99de189d6a0c94b4d873210eb5561d9636fc7554915329968894bb2752631"),
                TABLE_NOT_NUMBER,
            ],
            hints=["A claim's top is its value_high; where value_high is empty (a 'more than N' claim), "
                   "its value_low is the only number it gives.",
                   "frame['value_high'].fillna(frame['value_low']) gives each claim's top.",
                   "Return the largest top divided by the smallest value_low, without rounding."]),
        Question(
            "q2.hidden", derive=_hidden_ratios,
            mistakes=[
                Mistake("claim_ratio skips open-ended claims: a 'more than N' claim has an empty value_high, "
                        "so its top is its value_low.", test=_same_as(lambda: _hidden_ratios("value_high"))),
                Mistake("claim_ratio uses value_low as every claim's top: for a range (such as 45–50) the top "
                        "is value_high.", test=_same_as(lambda: _hidden_ratios("value_low"))),
                Mistake("claim_ratio gives wrong results for other groups of claims. Make sure it computes from "
                        "the frame it is given, not from fixed numbers.",
                        test=lambda v: len(v) == len(HIDDEN_GROUPS)),
            ],
            hints=["The hidden test runs claim_ratio on other groups of claims, with ranges and 'more than' "
                   "figures.",
                   "Make sure the function uses the frame it is given, not a fixed table.",
                   "Each claim's top: value_high, or value_low where value_high is empty."]),
        Question(
            "q3", derive=_night_table,
            mistakes=[
                Mistake("Your table mixes metrics: injuries and border posts are averaged or added in with "
                        "the deaths. Keep metric 'killed' only.", test=_same_as(_night_all_metrics)),
                Mistake("value_high is empty for ISPR's 'more than' claim, so its cell is empty: use value_low, "
                        "the number each claim gives.", test=_same_as(_night_value_high)),
            ],
            hints=["Filter claims to the border clashes of 11–12 October and the metric 'killed'.",
                   "Turn the rows into a table with .pivot(index=..., columns=..., values=...).",
                   "Use index='subject', columns='claimant_type', values='value_low', then select the two "
                   "columns in the order the question gives."]),
        Question(
            "q4", salt=SALT,
            answer_hash="5274408b63ff54fbad2fcdfe4a3fcaeded66b5f628068f30af77b89fa3aa2674",
            mistakes=[
                Mistake("The dashed arrow means 'or more': the claim is the number where its marker sits, not "
                        "where the arrow ends. Compare the markers.",
                        answer_hash="9a24e98856d932a13f072cad46e885c43886f3e0feaeef2fa32322b48cdefedc"),
                Mistake("UNAMA is a claimant. Answer with the claimant type as the legend names it.",
                        answer_hash="0a8a1b2969b2ff25cfd1a08ac3f163a909fd8129af42b0b840291cc697084303"),
                Mistake("Look again at the row for Afghan civilians at Spin Boldak: that type gave no figure "
                        "there.", answer_hash="a597960c7e58f86b88d5119235d1bd33d0665df5c946e73aef47866ae3239374"),
                Mistake("Look again at the row for Afghan civilians at Spin Boldak: that type gave no figure "
                        "there.", answer_hash="ed32a1ecd993354b59ad020c411c343555ec705b831277c7fd0d92b9740edbbf"),
            ],
            hints=["Find the row '15 Oct · Spin Boldak / Chaman: Afghan civilians'.",
                   "Each marker is one claim; its shape and colour give the claimant type (see the legend). "
                   "A dashed arrow only says 'or more'.",
                   "Find the marker furthest to the right in that row and read its type off the legend."]),
        Question(
            "q5", salt=SALT,
            answer_hash="9a24e98856d932a13f072cad46e885c43886f3e0feaeef2fa32322b48cdefedc",
            mistakes=[
                Mistake("The timeline's figure for that event is not UNAMA's: read the fatalities_claimant of "
                        "the event. A party's claim is not an independent count.",
                        answer_hash="5274408b63ff54fbad2fcdfe4a3fcaeded66b5f628068f30af77b89fa3aa2674"),
                Mistake("That is the claimant's name. Answer with one of the five claimant types the question "
                        "lists.",
                        answer_hash="f6a8fc5e35f69483b66a85aedf40cae684e87b784397005d475f8d41c8f99d48"),
                Mistake("Read the fatalities_claimant of the event again: the figure comes from neither a "
                        "newsroom nor a hospital.",
                        answer_hash="ed32a1ecd993354b59ad020c411c343555ec705b831277c7fd0d92b9740edbbf"),
                Mistake("Read the fatalities_claimant of the event again: the figure does not come from "
                        "Pakistan's side.",
                        answer_hash="a597960c7e58f86b88d5119235d1bd33d0665df5c946e73aef47866ae3239374"),
            ],
            hints=["Find the row of events with event_id '2025-10-15-spin-boldak-fighting'.",
                   "Its fatalities_claimant column names who gave the figure and what office they hold.",
                   "Decide which of the five claimant types in claims.csv that person's office belongs to; "
                   "claims.csv has other claims by the same person."]),
        Question(
            "q6", salt=SALT,
            answer_hash="6420a2c581a4f18ae05038b5672cfd335e982cd6283356e6c62eb4f8f33180ab",
            mistakes=[
                Mistake("That counts the quotes whose original the course did locate. The question asks for "
                        "the others.",
                        answer_hash="07fda322c6d28a40a7ab66431cf4fc42b57c4575471e8a0207533f1b46f42b2c"),
                Mistake("'partial' also means the original was not confirmed word for word: count every value "
                        "other than 'yes'.",
                        answer_hash="6c5108d17fe43eaf1a6eab2840c4f49d986bb8092c49b5fafc8e96b24fd4bac3"),
                Mistake("That counts every quote from October 2025. Keep only those whose original_located is "
                        "not 'yes'.",
                        answer_hash="9c8c4bca010766c45b650eeab52dde7c7cba8dcabcb444747914575aeecb3b2d"),
                Mistake("That includes quotes from October of other years: filter on the full dates, "
                        "1 to 31 October 2025.",
                        answer_hash="5c5fb6bce71cb52ff3dcbd7dab5a480b504cffae9be1290e35bdc4fc4b0bf63d"),
                TABLE_NOT_NUMBER,
            ],
            hints=["The column original_located says whether the course read the outlet's own report: yes, "
                   "no or partial.",
                   "Filter quotes to dates from 2025-10-01 to 2025-10-31, both included.",
                   "Count the rows whose original_located is not 'yes', e.g. with (... != 'yes').sum()."]),
        ChartQuestion(
            "q7",
            requirements=[
                needs_mark("bar", "point", "circle", "square", "tick"),
                needs_encoding("x", "value_low", ("quantitative",)),
                needs_encoding("y", "claimant", ("nominal", "ordinal")),
                needs_encoding("color", "claimant_type"),
                needs_rows(_no_injuries, "The chart includes claims of injuries. Keep metric 'killed' only: "
                                         "deaths and injuries are different counts."),
                needs_rows(_all_deaths_claimed,
                           "Chart every claim of deaths about the Paktika strikes of 17 October and nothing else: "
                           "filter claims on incident_id and metric before charting."),
                needs_title(),
            ],
            hints=["Filter claims on incident_id '2025-10-17-paktika-strikes' and metric 'killed' first.",
                   "Use alt.Chart(rows, title='...').mark_bar() with x='value_low:Q' and y='claimant:N'.",
                   "Add color='claimant_type:N' so every bar says who made the claim, and a title that "
                   "says these are claims."]),
        OpenQuestion(
            "q8", points=4,
            prompt=("For the Paktika strikes of 17 October 2025, compare the death figures: who gave each, "
                    "whom each counts, which is independent, how each reached the course, and what can and "
                    "cannot be concluded."),
            rubric=[("Names at least three claimants with their claimant type and figure (e.g. Tarar 60–70 "
                     "militants; a hospital official 10 civilians; UNAMA 11 civilians)", 1),
                    ("Explains that the figures count different groups (militants, civilians, the cricketers "
                     "only) and that Pakistan rejected civilian deaths", 1),
                    ("Identifies UNAMA as the only independent count and states its limits (civilians on the "
                     "Afghan side, published months later, read via relays)", 1),
                    ("Neutral, careful language: attributes every figure, notes weaker copies, draws no "
                     "conclusion the evidence does not support", 1)]),
    ])
