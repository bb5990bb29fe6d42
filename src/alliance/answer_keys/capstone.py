"""Capstone · The TTP or the border? An evidence-based brief spanning the course.

Scalar answers are stored only as salted hashes (see scripts/answer_hash.py); the claims
table is derived from course_data/claims.csv at check time.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from alliance.assignment import Assignment
from alliance.checks import (ChartQuestion, Feedback, Mistake, OpenQuestion, Question, needs_encoding, needs_mark,
                             needs_rows, needs_title)

SALT = "capstone"
INDEPENDENT = "UN/independent"
TABLE_COLUMNS = ["incident_id", "subject", "claimant", "claimant_type", "value_low", "independent"]


# --- the claims table (q6) -------------------------------------------------------------------

def _claims():
    import alliance

    return alliance.load("claims")


def independent_counts(claims=None):
    """The latest UN/independent count of people killed, per incident and subject."""
    claims = _claims() if claims is None else claims
    killed = claims[claims["metric"] == "killed"]
    independent = killed[killed["claimant_type"] == INDEPENDENT].sort_values("claim_date")
    return (independent.drop_duplicates(["incident_id", "subject"], keep="last")
            [["incident_id", "subject", "value_low"]].rename(columns={"value_low": "independent"}))


def claims_table():
    """q6: every killed claim by a party or a media tally, beside the independent count where one exists."""
    claims = _claims()
    killed = claims[claims["metric"] == "killed"]
    by_parties = killed[killed["claimant_type"] != INDEPENDENT]
    table = by_parties.merge(independent_counts(claims), on=["incident_id", "subject"], how="left")
    return table.set_index("claim_id")[TABLE_COLUMNS]


def _nullable_ints(value: Any) -> Any:
    """Whole-number float columns as Int64, so NaN (from .map or a float cast) and <NA> compare equal."""
    import pandas as pd

    def fix(column: pd.Series) -> pd.Series:
        if not pd.api.types.is_float_dtype(column):
            return column
        present = column.dropna()
        if len(present) and not (present == present.round()).all():
            return column
        return column.astype("Int64")

    if isinstance(value, pd.DataFrame):
        value = value.copy()
        for position in range(value.shape[1]):
            value.isetitem(position, fix(value.iloc[:, position]))
        return value
    if isinstance(value, pd.Series):
        return fix(value)
    return value


@dataclass
class TableQuestion(Question):
    """A derived-table question whose whole-number columns may hold NaN or <NA> for an empty cell."""

    def _check(self, value: Any) -> Feedback:
        return super()._check(_nullable_ints(value))


def _frame(value) -> bool:
    import pandas as pd

    return isinstance(value, pd.DataFrame)


def _independent_rows_mixed_in(value) -> bool:
    killed = _claims()
    ids = set(killed.loc[killed["claimant_type"] == INDEPENDENT, "claim_id"])
    in_rows = any(str(i) in ids for i in value.index)
    if "claim_id" in value.columns:
        in_rows = in_rows or value["claim_id"].astype(str).isin(ids).any()
    if "claimant_type" in value.columns:
        in_rows = in_rows or (value["claimant_type"].astype(str) == INDEPENDENT).any()
    return in_rows


def _other_metrics(value) -> bool:
    claims = _claims()
    other = set(claims.loc[claims["metric"] != "killed", "claim_id"])
    ids = value["claim_id"] if "claim_id" in value.columns else value.index
    return any(str(i) in other for i in ids)


def _beside_wrong_subject(value) -> bool:
    expected = claims_table()["independent"]
    mine = value["independent"]
    return bool((mine.notna() & expected.reindex(mine.index).isna()).any())


def _preliminary_figure(value) -> bool:
    import pandas as pd

    expected = claims_table()
    changed = [i for i in expected.index if i in value.index and pd.notna(expected.at[i, "independent"])
               and pd.notna(value.at[i, "independent"]) and value.at[i, "independent"] != expected.at[i, "independent"]]
    return bool(changed) and all(value.at[i, "independent"] < expected.at[i, "independent"] for i in changed)


# --- the chart the learner builds (q8) -------------------------------------------------------

def _afghan_civilian_rows(rows: list[dict]) -> bool:
    table = claims_table()
    incidents = set(table.loc[table["independent"].notna(), "incident_id"])
    claims = _claims()
    wanted = claims[(claims["metric"] == "killed") & (claims["subject"] == "Afghan civilians")
                    & claims["incident_id"].isin(incidents)]
    types = {r.get("claimant_type") for r in rows}
    return (len(rows) == len(wanted) and INDEPENDENT in types and len(types - {INDEPENDENT}) >= 1
            and all(r.get("subject", "Afghan civilians") == "Afghan civilians" for r in rows))


def build() -> Assignment:
    return Assignment("capstone", "Capstone · The TTP or the border?", [
        Question(
            "q1", salt=SALT,
            answer_hash="e41ecf62f1ceb80665d571facd87ba40c4a0b9c367637cb7dd85a0c2aabc515b",
            mistakes=[
                Mistake("Your function returns the absolute change (new minus old). A percent change divides that "
                        "by the old value and multiplies by 100.",
                        answer_hash="b78b2e73bea59908da8a1617c4025170e43aeb1dbd03b69aad29fab4a0abb6ef"),
                Mistake("The sign is reversed: a rise must come out positive. Subtract old from new, not new from old.",
                        answer_hash="315fcc1d369c1a1681a2b969dd9134750f10996e7c6855a6cb877ff808ca5f64"),
                Mistake("Your function returns the ratio new ÷ old. Subtract 1 (or subtract old first) and "
                        "multiply by 100.",
                        answer_hash="e83ee5e1b07219d42abb21bb316652b7c428efdc756e40fe59dde0311bc274d2"),
                Mistake("That is the change as a fraction. Multiply by 100 to get percent.",
                        answer_hash="cb7657df59a50b1860ec94835aca97038c652ff66e867264922006a705cdc713"),
                Mistake("Your function divides by the new value. A change is measured against where it started: "
                        "divide by old.",
                        answer_hash="db59816d8e03d6d38dec915c01e54f7248e7ce71fa3aaaaee651e7addd864b1e"),
            ],
            hints=["A percent change compares the difference with the starting value.",
                   "Compute new - old, then relate it to old.",
                   "return (new - old) / old * 100"]),
        Question(
            "q1.hidden", salt=SALT,
            answer_hash="a864004af44d72f5e7951b03185909d24e3c3bb80d57faf6d4d074909db949a0",
            mistakes=[
                Mistake("For a fall, your function returns the absolute change, not the percent change.",
                        answer_hash="5992db0672caf27e13ba6eaafc07e8d19cf237b4b9628e0b8edbe4640ccc0186"),
                Mistake("For a fall, your function returns a positive number: the sign is reversed.",
                        answer_hash="72366ef415ddc3ab7680f10e1654b098231b794c45921e50f31ded9352ca2b8c"),
                Mistake("For a fall, your function returns the ratio new ÷ old, not the percent change.",
                        answer_hash="1403470f0329ff51c4e56afb4b8c3908d2585e1e9c829a40c2325b326cd65aec"),
                Mistake("For a fall, your function returns a fraction: multiply by 100.",
                        answer_hash="6b48c269e7ef227ed6949a2f68cac045e279c66230a7005b56ac30d3bed7bedb"),
                Mistake("For a fall, your function divides by the new value; divide by old.",
                        answer_hash="a2270f9b3a56f8e6b7bb56c3f8c9b0aee05f1acca6289defc1370efc56ecb3f9"),
            ],
            hints=["Try your function on a fall: the new value smaller than the old one.",
                   "A fall must give a negative percent change.",
                   "(new - old) / old * 100 works for rises and falls alike."]),
        Question(
            "q2", salt=SALT,
            answer_hash="bf5b5e040765886d366d78ab3d05919055bad6ed9273259230f8f3eaaed7f9f9",
            mistakes=[
                Mistake("That is the absolute change in deaths. The question asks for the percent change.",
                        answer_hash="1d7d22c135e15f826e48153cf108723ed7a9b5b611bc29f0d536509facc5f210"),
                Mistake("Wrong sign: deaths rose, so the change is positive. Pass 2021 as old and 2025 as new.",
                        answer_hash="94dac0a6d4a503bd8eaa9fed65fd236cdba2deb9d3ff6f9ec4a6f2b29f547de5"),
                Mistake("That is the ratio 2025 ÷ 2021, not a percent change.",
                        answer_hash="833c6fab1b02fcf4e33909b39b09f57a96f2370387b7350f94f4f8fc8e81c3c7"),
                Mistake("That is the change as a fraction; multiply by 100.",
                        answer_hash="db839fb74e16f42feca1b12ef4c8ac7c2e74812d1007368d9a306e9cbcd35cc9"),
                Mistake("That divides by the 2025 value; a change is measured against 2021.",
                        answer_hash="a7151224c87edaa5233697c552bdb4ddd10ef67d0ca24aa8737ebe08c6e285ef"),
                Mistake("Those are CRSS figures. CRSS counts deaths in attacks and in security operations; the "
                        "question asks for PIPS (attacks only). Filter publisher == 'PIPS'.",
                        answer_hash="a1adc091b5bfb6fce4f892e144e3f109c55f33e333d315eb8875d60fa4712281"),
                Mistake("Those are CRSS figures (attacks plus security operations, an earlier report's 2021 value). "
                        "The question asks for PIPS: filter publisher == 'PIPS'.",
                        answer_hash="ccd377b3f0535fc6ee1b043b9bc7d782e07a058822abc6fc0ae0345d535e355b"),
                Mistake("Those are Global Terrorism Index figures, counted under another definition. The question "
                        "asks for PIPS.",
                        answer_hash="6f677a49df06f64ca5e433ba784c833f37f9d9bcc1170c4fc5d2684fb0a6a261"),
                Mistake("That starts from 2020. The question starts in 2021, the year the Taliban took Kabul.",
                        answer_hash="6440df0a724aeaad170695a8acda620df4767004c843907a2a7483426be88f99"),
                Mistake("That ends in 2024. The question runs to 2025.",
                        answer_hash="ce092fae0a9c9005ceb91fad3a85ad426832693139cf3be06ffa4a08a3b15185"),
            ],
            hints=["Filter violence to publisher PIPS, metric fatalities_total, period annual, region Pakistan.",
                   "Index by year and read the values for 2021 and 2025.",
                   "Pass them to your percent_change: old is the 2021 value, new the 2025 value."]),
        Question(
            "q3", salt=SALT,
            answer_hash="9cfa4711b37c046dc4d66b82c460154d536732f793b67e055f90027979072eff",
            mistakes=[
                Mistake("2019 has no bar: the course data has no PIPS figure for that year. A missing value is not "
                        "zero; answer with a year that has a bar.",
                        answer_hash="0b65e907dbd372f8d369e70d7eb92b291f913106390c3bcea902492e3feb8573"),
                Mistake("2021 is the year the Taliban took Kabul, but it is not the lowest bar. Compare the heights "
                        "of every bar in the left panel.",
                        answer_hash="27711213c542c5a2e10fc59989a6910c4ad46e987eb7736e0b66402ab628c43a"),
                Mistake("That is the tallest bar: the most deaths. The question asks for the fewest.",
                        answer_hash="88c8de9f6c87fd980e7d773b54dd615ac25046770cfdd4fd7e274a8ef40218b5"),
            ],
            hints=["Look at the left panel only: deaths counted by PIPS.",
                   "Find the shortest bar; an empty slot means no figure, not zero.",
                   "Hover over the bars: the tooltip gives the year and the count."]),
        Question(
            "q4", salt=SALT,
            answer_hash="d5092a8344812457356f37f079ab40763c768f376b90a228e34fc3c01d732ca3",
            mistakes=[
                Mistake("That counts from 1 January 2021. The question starts on 15 August 2021, the day the "
                        "Taliban took Kabul: compare start_date with that date, not the year.",
                        answer_hash="cd123addf6a8ceeaa05f8e956b26e176c1e75a19f9ebd3cc045a33984ef9446d"),
                Mistake("That counts every closure since 15 August 2021, whoever closed. Keep closed_by == 'PAK'.",
                        answer_hash="8dedb0975befd09532775f87e72dc1eaa9d627cdc5323cd3dc9b05c1aeeccb4b"),
                Mistake("That includes closures marked 'both'. The question asks for those Pakistan closed alone "
                        "(closed_by == 'PAK').",
                        answer_hash="1373106ab9ef07ac8ba6dc15f19f9dab76b6b29a689242e2858a216338405612"),
                Mistake("That counts every closure since 1 January 2021, whoever closed. Filter both the date "
                        "(from 15 August 2021) and closed_by.",
                        answer_hash="c8a28c3ec6036ed9b2aaa336191b2d8a942845a718cfeb304d9d14c17c5df61a"),
            ],
            hints=["Use border_closures: start_date is when an episode began, closed_by who closed it.",
                   "Compare start_date with pd.Timestamp('2021-08-15') using >= (the day itself counts).",
                   "Combine the two conditions with & and count the rows."]),
        Question(
            "q5", salt=SALT,
            answer_hash="63b7f2f6e4c7d551e1aadbe7ed2537fefd1c562878beb6d8656e62e2f71ce329",
            mistakes=[
                Mistake("The same number does not make the same count. Read the subject, the period and the "
                        "claimant_type of both rows: they count different people over different months.",
                        answer_hash="abce1252d83baf501a0287ff5ee78f68022bd46039ca52afca9b6c64fcac6a05"),
                Mistake("Check claimant_type: neither row is a claim by the Afghan Taliban. One is a news outlet's "
                        "tally, one a UN count.",
                        answer_hash="76ff0d1fc6fa8d5c1e6de3c9ecb354d5fef5e0b8c28b4280449205c91fe3ef24"),
                Mistake("UNAMA's count covers civilians on the Afghan side only; read the subject column.",
                        answer_hash="6b7e6d32216b28dcf73564d629ad3c50bd50a577db40af6ef231ae332f67638f"),
            ],
            hints=["Find the two rows in claims whose claimant is 'Shafaq News tally' or whose incident is the "
                   "October-December UNAMA report.",
                   "Compare their subject, incident (period) and claimant_type, and read their notes.",
                   "Ask: who is counted, over which months, and did the teller name a source?"]),
        TableQuestion(
            "q6", derive=claims_table,
            mistakes=[
                Mistake("You dropped the claimant column. A figure without the name of who gave it cannot be "
                        "weighed: keep claimant (and claimant_type) beside every value.",
                        test=lambda v: _frame(v) and "claimant" not in v.columns),
                Mistake("Your table lists UN/independent figures as claims. Independent counts belong in the "
                        "independent column, beside the claims, not in rows of their own.",
                        test=lambda v: _frame(v) and _independent_rows_mixed_in(v)),
                Mistake("Your table keeps rows that are not deaths (injured, posts captured…). Keep metric == "
                        "'killed' only.",
                        test=lambda v: _frame(v) and _other_metrics(v)),
                Mistake("Make claim_id the index: .set_index('claim_id').",
                        test=lambda v: _frame(v) and "claim_id" in v.columns),
                Mistake("Some claims appear twice. For one incident and subject there can be several independent "
                        "figures (a first and a revised one): keep only the latest before merging.",
                        test=lambda v: _frame(v) and v.index.duplicated().any()),
                Mistake("You kept only the claims that have an independent count. Keep every claim (a left merge) "
                        "and leave independent empty where none exists.",
                        test=lambda v: _frame(v) and len(v) < len(claims_table())
                        and "independent" in v.columns and v["independent"].notna().all()),
                Mistake("An independent count stands beside a claim about a different group of people. Match on "
                        "both incident_id and subject.",
                        test=lambda v: _frame(v) and _beside_wrong_subject(v)),
                Mistake("For one incident you used UNAMA's first, preliminary figure. Use the latest one (the "
                        "latest claim_date), which replaced it.",
                        test=lambda v: _frame(v) and _preliminary_figure(v)),
            ],
            hints=["Keep metric == 'killed'. Split the rows in two: claimant_type 'UN/independent' (the independent "
                   "counts) and all the others (the claims).",
                   "Sort the independent rows by claim_date and keep the last per incident_id and subject "
                   "(.drop_duplicates([...], keep='last')); rename value_low to independent.",
                   "claims.merge(independent[['incident_id', 'subject', 'independent']], on=['incident_id', "
                   "'subject'], how='left'), then .set_index('claim_id') and pick the columns in order."]),
        Question(
            "q7", salt=SALT,
            answer_hash="d5092a8344812457356f37f079ab40763c768f376b90a228e34fc3c01d732ca3",
            mistakes=[
                Mistake("That includes a claim equal to the independent count. Count only figures strictly lower.",
                        answer_hash="cd123addf6a8ceeaa05f8e956b26e176c1e75a19f9ebd3cc045a33984ef9446d"),
                Mistake("That counts the claims above the independent count. The question asks for those below it.",
                        answer_hash="7d94cc94f8f2ab29e289ccccc5e12812e35b479b49dafc05d217697948c50800"),
                Mistake("That counts every claim that has an independent count beside it. Compare the two columns.",
                        answer_hash="1373106ab9ef07ac8ba6dc15f19f9dab76b6b29a689242e2858a216338405612"),
                Mistake("That counts the claims at or above the independent count; the question asks for those "
                        "strictly below it.",
                        answer_hash="ed296d93e153d94390f1ac32dfd1831b984a89f7f753e59f442f7767f225dabe"),
            ],
            hints=["Use your q6_table: compare value_low with independent row by row.",
                   "Rows with no independent count cannot be compared; a comparison with an empty cell is not True.",
                   "(q6_table['value_low'] < q6_table['independent']).sum()"]),
        ChartQuestion(
            "q8",
            requirements=[needs_mark("bar", "point", "tick", "circle"),
                          needs_encoding("x", "value_low", ("quantitative",)),
                          needs_encoding("y", "claimant", ("nominal", "ordinal")),
                          needs_encoding("color", "claimant_type", ("nominal",)),
                          needs_rows(_afghan_civilian_rows,
                                     "Chart every 'killed' row about Afghan civilians for the incidents where your "
                                     "table has an independent count: the claims and the UN/independent counts "
                                     "together, nothing else."),
                          needs_title()],
            hints=["Filter claims to metric 'killed', subject 'Afghan civilians' and the incident_ids that have an "
                   "independent count in q6_table; keep the UN/independent rows too.",
                   "alt.Chart(rows, title='...').mark_bar().encode(x='value_low:Q', y='claimant:N', "
                   "color='claimant_type:N')",
                   "Add row='incident:N' to .encode() to give each incident its own panel."]),
        OpenQuestion(
            "q9", points=8, min_words=250,
            prompt=("Write a brief of 300-500 words answering: was the 2025 breakdown between Pakistan and the "
                    "Afghan Taliban government driven more by the TTP or by the border?"),
            rubric=[("Gives a clear, qualified answer to the question (an argument, not a list of facts)", 1),
                    ("Cites at least three pieces of evidence from different course tables (e.g. violence, "
                     "border_closures, talks, claims), each with its figure or date and its source or publisher", 2),
                    ("Attributes every disputed figure to its claimant (ISPR, Zabihullah Mujahid, the TTP, "
                     "UNAMA…) and never states a party's claim as fact or adds claims to independent counts", 1),
                    ("Sets out the positions of Pakistan's government or military, of the Afghan Taliban "
                     "government and of at least one independent observer (UN, research institute, mediator or "
                     "analyst), each stated fairly and in neutral language", 2),
                    ("Acknowledges limits of the data: different publisher definitions, unverified claims, weaker "
                     "copies, missing independent counts, preliminary against revised figures", 1),
                    ("Uses the learner's own chart (q8) and claims table (q6) and says what they show", 1)]),
    ])
