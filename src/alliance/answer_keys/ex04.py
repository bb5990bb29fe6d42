"""Exercise 04 · The border: crossings, closures and trade.

Scalar answers are stored only as salted hashes (see scripts/answer_hash.py); the table
answer and the chart's rows are derived from course_data/ (border_closures.csv,
crossings.csv, trade.csv) at check time.
"""

from __future__ import annotations

import re

from alliance.assignment import Assignment
from alliance.checks import (ChartQuestion, Mistake, OpenQuestion, Question, needs_encoding, needs_mark, needs_rows,
                             needs_title)

SALT = "ex04"
BODIES = ["SBP", "FBR/Pakistan Customs"]
TO_USD_MILLION = {"USD million": 1.0, "USD billion": 1000.0}


def _episode_provinces(split: bool = True, include_all: bool = False):
    """One row per closure episode and crossing it names, with the crossing's Pakistani province."""
    import alliance

    closures = alliance.load("border_closures")
    crossings = alliance.load("crossings")
    if not include_all:
        closures = closures[closures["crossing_ids"] != "all"]
    if split:
        rows = closures.assign(crossing_id=closures["crossing_ids"].str.split(";")).explode("crossing_id")
    else:
        rows = closures.assign(crossing_id=closures["crossing_ids"])
    return rows.merge(crossings[["crossing_id", "pakistan_province"]], on="crossing_id")


def episodes_per_province():
    """q4: closure episodes that named at least one crossing in each Pakistani province ('all' rows left out)."""
    rows = _episode_provinces()
    return rows.groupby("pakistan_province")["closure_id"].nunique().rename("episodes")


def _counts_with_all() -> dict[str, int]:
    """The mistake of counting each 'all crossings' episode once in every province."""
    import alliance

    counts = {str(k): int(v) for k, v in episodes_per_province().items()}
    n_all = int((alliance.load("border_closures")["crossing_ids"] == "all").sum())
    return {k: v + n_all for k, v in counts.items()}


def _series_matches(value, target: dict[str, float]) -> bool:
    import pandas as pd

    if not isinstance(value, pd.Series) or len(value) != len(target):
        return False
    got = {str(k): float(v) for k, v in value.items()}
    return set(got) == set(target) and all(abs(got[k] - target[k]) < 0.005 for k in target)


def _as_dict(series) -> dict[str, float]:
    return {str(k): float(v) for k, v in series.items()}


def _fiscal_exports():
    """q7: the fiscal-year export rows of the SBP and FBR/Pakistan Customs that have a value, in USD million."""
    import alliance

    trade = alliance.load("trade")
    rows = trade[(trade["period_type"] == "fiscal_year") & (trade["flow"] == "exports_to_afghanistan")
                 & trade["data_source"].isin(BODIES) & trade["value"].notna()]
    return rows.assign(usd_million=[float(v) * TO_USD_MILLION[u] for v, u in zip(rows["value"], rows["unit"])])


def _chart_points(rows: list[dict]) -> list[tuple[str, str, float]]:
    return sorted((str(r["data_source"]), str(r["period"]), round(float(r["usd_million"]), 1))
                  for r in rows if r.get("usd_million") is not None)


def _chart_expected() -> list[tuple[str, str, float]]:
    rows = _fiscal_exports()
    return sorted((str(s), str(p), round(float(v), 1))
                  for s, p, v in zip(rows["data_source"], rows["period"], rows["usd_million"]))


def _fiscal_years_only(rows: list[dict]) -> bool:
    return bool(rows) and all(re.fullmatch(r"FY\d{4}", str(r["period"])) for r in rows)


def _in_millions(rows: list[dict]) -> bool:
    values = [float(r["usd_million"]) for r in rows if r.get("usd_million") is not None]
    return bool(values) and min(values) >= 100


def _two_bodies(rows: list[dict]) -> bool:
    return bool(rows) and {str(r["data_source"]) for r in rows} <= set(BODIES)


def _not_letter(value) -> bool:
    return isinstance(value, str) and len(value.strip()) > 1


def _is_table(value) -> bool:
    import pandas as pd

    return isinstance(value, (pd.DataFrame, pd.Series))


def _is_timedelta(value) -> bool:
    import datetime

    return isinstance(value, datetime.timedelta)  # pandas Timedelta is a subclass


def build() -> Assignment:
    return Assignment("ex04", "Exercise 04 · The border: crossings, closures and trade", [
        Question(
            "q1", salt=SALT,
            answer_hash="f7d8d4ad962d2cf733eabb5dfe43917614d382df97349978f4a191c9406b5a5e",
            mistakes=[
                Mistake("That is the absolute change in USD million. The question asks for the percent change.",
                        answer_hash="8b7c8b3afd9cd53c98a1906e179883a54f72589a0462ade508e5fb97f668a05b"),
                Mistake("The years are reversed: the change runs from FY2024 (old) to FY2025 (new).",
                        answer_hash="fffebdc6f49152955f7067f138b555f6caa2d2a06fcb126d25c4ec7155e5406e"),
                Mistake("That is a ratio, not a percent change: subtract 1 and multiply by 100.",
                        answer_hash="1be844623630beb8e8bc7ee89e5ec4570d273180545ff9ec91f6ca836ab64b65"),
                Mistake("That is FY2025 as a percent of FY2024. Subtract 100 to get the change.",
                        answer_hash="5b03313855af35252024054485bcbcf1d9d047db47079aaa91f7cce21566e7a7"),
                Mistake("That is a fraction: multiply by 100 to get a percent.",
                        answer_hash="46358934f432d068c350b66763e11735942a685fa74c544a98fe504a30adbb76"),
                Mistake("That mixes two bodies: the SBP's payments-based FY2024 figure with the customs figure for "
                        "FY2025. Compare one body's figures only.",
                        answer_hash="4882a0ff911167515ccb9c91cdad86c2ea41f0e5a68459d48fa22e6082987f5f"),
                Mistake("That uses the Afghan Ministry of Industry and Commerce's calendar-year figures (2024 and "
                        "2025). The question asks for Pakistan's fiscal years (July–June) as FBR/Pakistan Customs "
                        "gives them: filter on period_type 'fiscal_year' and the data_source.",
                        answer_hash="90be5a9fffea0fbb4b066406e2599c51fa145dabe04a31ae2c9b8839ebf48224"),
                Mistake("That is total bilateral trade. The question asks for Pakistan's exports to Afghanistan "
                        "(flow 'exports_to_afghanistan').",
                        answer_hash="c8fe0942065b95c3fa3bb8b676a99610d79921d88452aa0b3be675b5cdc23c9c"),
                Mistake("Give one number, not a table: pick the two values out of your result.", test=_is_table),
            ],
            hints=["Filter trade on data_source, flow and period_type; the period column then reads FY2024, FY2025.",
                   "Index the filtered rows by period (.set_index('period')['value']) and read the two values.",
                   "Percent change = (FY2025 value - FY2024 value) / FY2024 value * 100."]),
        Question(
            "q2", salt=SALT,
            answer_hash="af91b4988ba7c45119a251edc6b5b2b9bfa79c82d415d6e1af4e93dc736faf28",
            mistakes=[
                Mistake("That counts the reopening day too. The lesson counts from the closing day up to, not "
                        "including, the day the crossing reopened.",
                        answer_hash="32b4052dc726f10648a58644be786ed1c1f912b690dc944bfd33ad69cfb37ce8"),
                Mistake("The sign is reversed: subtract the start date from the end date.",
                        answer_hash="465f710dea483397066dd89b4bf614f3c9dca1d168bc997098a18818d197aca1"),
                Mistake("Your function subtracts the days of the month and ignores the months: subtract whole "
                        "dates instead.",
                        answer_hash="1cc43e1db51382eda6aacb21e22c71bddc5813e63b30fda4737c2d1caf777033"),
                Mistake("Your function returns a time span (Timedelta), not a number of days: take its .days.",
                        test=_is_timedelta),
                Mistake("Your function returns None: end it with a return statement.", test=lambda v: v is None),
            ],
            hints=["pd.Timestamp('2017-02-16') turns a date written as text into a date you can subtract.",
                   "Subtracting two dates gives a Timedelta; its .days attribute is a whole number of days.",
                   "def days_closed(start, end): return the .days of pd.Timestamp(end) - pd.Timestamp(start)."]),
        Question(
            "q2.hidden", salt=SALT,
            answer_hash="90fc6f9342180cd3f18c8f58aa643d005bee7d295206cb3cf908dbb3e01751d9",
            mistakes=[
                Mistake("On other dates your function counts the reopening day too; the lesson leaves it out.",
                        answer_hash="2c20e5499fe51785b62027d08a275abf7dfd9428f46dc49b91d18555faf9f934"),
                Mistake("On other dates the sign is reversed: subtract the start date from the end date.",
                        answer_hash="874addf35087a33dd93b88aaf9411282499abbb65bb197f76c89305ba50bc70f"),
                Mistake("Across a new year your function goes wrong: it compares days of the year and ignores the "
                        "year. Subtract whole dates instead.",
                        answer_hash="fd2d1668925b098a4d18331381fd6757cd55468dbe5130d8985f31260008ae79"),
                Mistake("On other dates your function subtracts the days of the month and ignores months and "
                        "years: subtract whole dates instead.",
                        answer_hash="d6554103d77d3dac88c46dec2d30120e45e92106bca743d0ceff58cf1f71a258"),
                Mistake("days_closed gives the same answer for other dates: it must be a function "
                        "(def days_closed(start, end): ...), not a number.",
                        answer_hash="af91b4988ba7c45119a251edc6b5b2b9bfa79c82d415d6e1af4e93dc736faf28"),
                Mistake("Your function returns a time span (Timedelta), not a number of days: take its .days.",
                        test=_is_timedelta),
            ],
            hints=["Test your function on a closure that runs across a new year.",
                   "Subtract whole dates, not days of the month or of the year.",
                   "(pd.Timestamp(end) - pd.Timestamp(start)).days"]),
        Question(
            "q3", salt=SALT,
            answer_hash="53ab8f23f5eac250e327a9f688b81660a1ba588c93fa2d1b9786c36d29c0e7bc",
            mistakes=[
                Mistake("That counts each reopening day too. Use days_closed, which stops the day before the "
                        "crossing reopened.",
                        answer_hash="37df9ef662dc1a0738c2bb0e6066abf6295542e5b0bf9d434325b0f57b9b737c"),
                Mistake("That leaves out the January 2024 closure, whose crossing_ids names five crossings in one "
                        "cell. Test whether 'torkham' is among the ids, not whether the cell equals 'torkham'.",
                        answer_hash="b71d30104de8b978d33580d46ad23dd299a8317b25c5d35fc3d87da3a650d52a"),
                Mistake("That leaves out the January 2024 closure (its crossing_ids names five crossings) and "
                        "counts reopening days too.",
                        answer_hash="d8416461bebc406d6f88dc87e955d09f18301405f083429dee1fa6232fecd2e4"),
                Mistake("That includes closures before 2023. Keep the episodes that started on or after "
                        "1 January 2023.",
                        answer_hash="e1daff8feecf33eb8672659cb5ba9cdefb1c82efcbad4ecc9e9ed8bd3851290b"),
                Mistake("That is the number of closures, not the number of days.",
                        answer_hash="71b82343c2cb4b3e260a76ae1204f715a076e00b19c7a9529a247020872260b5"),
                Mistake("Give one number, not a table: add up the days of the episodes (.sum()).", test=_is_table),
            ],
            hints=["crossing_ids can hold several ids separated by ';': test membership with "
                   ".str.split(';').map(lambda ids: 'torkham' in ids), or .str.contains('torkham').",
                   "Keep rows with start_date >= '2023-01-01' and end_date.notna().",
                   "Apply days_closed to each row's start_date and end_date (zip the two columns), then sum."]),
        Question(
            "q4", derive=episodes_per_province,
            mistakes=[
                Mistake("An episode that closed several crossings in one province is counted once per crossing. "
                        "Count each episode once per province (.nunique() of closure_id).",
                        test=lambda v: _series_matches(
                            v, _as_dict(_episode_provinces().groupby("pakistan_province").size()))),
                Mistake("The January 2024 closure is missing: its crossing_ids holds five ids in one cell. Split "
                        "the cell on ';' and .explode() it before merging with crossings.",
                        test=lambda v: _series_matches(
                            v, _as_dict(_episode_provinces(split=False).groupby("pakistan_province")
                                        ["closure_id"].nunique()))),
                Mistake("The two closures of all crossings at once are to be left out (crossing_ids 'all'); "
                        "count only episodes that name their crossings.",
                        test=lambda v: _series_matches(v, _counts_with_all())),
            ],
            hints=["Leave out the rows whose crossing_ids is 'all', then give each named crossing its own row: "
                   ".assign(crossing_id=...str.split(';')).explode('crossing_id').",
                   "Merge with crossings[['crossing_id', 'pakistan_province']] on crossing_id.",
                   "Group by pakistan_province and count distinct closure_id values with .nunique()."]),
        Question(
            "q5", salt=SALT,
            answer_hash="44b76d244f5fbe3d816429ee389c9dc6b3dcedb3c3386ad297843672a240a526",
            mistakes=[
                Mistake("The two figures are in different currencies (US dollars and Pakistani rupees), and both "
                        "are claims: adding them produces a number that measures nothing.",
                        answer_hash="f7799d357a666dd346b5eb69e5118c0896058c4bef3ceaf8e9cea5bc35b90eb3"),
                Mistake("These are claimed_loss rows: what a traders' association said, not measured trade values. "
                        "They cannot stand beside customs or ministry trade figures.",
                        answer_hash="edc54c98664412d2132c72d6dd9d67f8e6aa8d29924ea19aa286887ce3f33b69"),
                Mistake("A claim is not necessarily false. Report it as a claim, with who made it; leaving it out "
                        "hides what one side said.",
                        answer_hash="1cb4f99283197e3ff8b4909f73ed8da1631e7aa31f78ae3eb4b50e1ed727f952"),
                Mistake("Answer with one letter: a, b, c or d.", test=_not_letter),
            ],
            hints=["Look at the unit of each row, and at its flow.",
                   "The codebook says what a claimed_loss is, and what must never be done with it.",
                   "Choose the statement that keeps the claim, names who made it and adds nothing up."]),
        Question(
            "q6", salt=SALT,
            answer_hash="aa93b3c83b04d6aa13dbe12e9cafcc48d71f019937737ca14556de8dd761768e",
            mistakes=[
                Mistake("The sign is reversed: Torkham's days minus Chaman's days.",
                        answer_hash="c00b2bb7f860ebdd88bd44d64ea32240e26d5b1e200ab7b4d2dd24f84abb8871"),
                Mistake("That is the sum of the two bars. The question asks how many more days.",
                        answer_hash="f0a12a430d1aaedb9c66f4df60f2fea14ea611aca1883be33c810883b679b104"),
                Mistake("That is the gap in 2020. The question asks about 2025.",
                        answer_hash="67184947002ed021f60f84ecd99b54d282718ede4baef35292864906c8852e6b"),
                Mistake("That is the gap in 2020. The question asks about 2025.",
                        answer_hash="9d096d0fc45041b1065690c5cfa40435c1baacc185cafafa044a909452445a7d"),
                Mistake("That is Torkham's bar alone. Subtract Chaman's bar for the same year.",
                        answer_hash="51b2f7adc45a84638034992fb783c0ede37886831449e5665787a5fec1b31f6a"),
                Mistake("That is Chaman's bar alone. Subtract it from Torkham's bar for the same year.",
                        answer_hash="c08b6c13d2d956983db16436fb370650730ce786fc4e4a0181a6e144e412b39f"),
            ],
            hints=["Find the pair of bars for 2025 at the right of the chart.",
                   "Each bar is labelled with its number of days; the legend says which colour is which crossing.",
                   "Subtract Chaman's 2025 label from Torkham's 2025 label."]),
        ChartQuestion(
            "q7",
            requirements=[needs_mark("point", "circle", "line", "bar", "tick"),
                          needs_encoding("x", "period", ("ordinal", "nominal")),
                          needs_encoding("y", "usd_million", ("quantitative",)),
                          needs_encoding("color", "data_source", ("nominal",)),
                          needs_rows(_fiscal_years_only,
                                     "Keep only period_type 'fiscal_year': rows such as 'FY2025 Jul-Dec' cover part "
                                     "of a year and cannot stand beside full fiscal years."),
                          needs_rows(_two_bodies,
                                     "Keep only the SBP and FBR/Pakistan Customs: other bodies measure other "
                                     "things, and this chart compares these two."),
                          needs_rows(_in_millions,
                                     "Some values are still in billions: where unit is 'USD billion', multiply the "
                                     "value by 1000 to get USD million."),
                          needs_rows(lambda rows: _chart_points(rows) == _chart_expected(),
                                     "Expected every fiscal-year export row of the SBP and FBR/Pakistan Customs "
                                     "that has a value (both SBP rows for FY2020), in USD million."),
                          needs_title()],
            hints=["Filter trade on period_type, flow and data_source, and drop rows whose value is empty "
                   "(.dropna(subset=['value'])).",
                   "Make usd_million: the value times 1000 where unit is 'USD billion', else the value "
                   "(e.g. with .where() or a dict of factors mapped over unit).",
                   "alt.Chart(frame, title='...').mark_point().encode(x='period:O', y='usd_million:Q', "
                   "color='data_source:N')"]),
        OpenQuestion(
            "q8", points=4,
            prompt=("Write a short news paragraph on what the closure of every crossing from 11 October 2025 did to "
                    "trade between Pakistan and Afghanistan: at least one measured figure compared with the same "
                    "body's figure for the same period a year earlier, at least one claimed loss reported as a "
                    "claim, and what each government set as a condition for reopening."),
            rubric=[("Gives at least one measured figure with its body and period, and compares it only with the "
                     "same body's figure for the same period a year earlier (no mixing of bodies or of fiscal and "
                     "calendar periods)", 2),
                    ("Reports a claimed loss as a claim, naming the claimant, and does not add it to trade values "
                     "or to other claims", 1),
                    ("States each government's condition for reopening neutrally, attributed to who said it", 1)]),
    ])
