"""Lesson 02 · Victory in Kabul: the 2021–2022 timeline, the Pakistan–TTP talks, violence
around the ceasefire (one publisher, one definition) and the quote explorer.

Every builder takes the course tables (as `alliance.load` returns them) and returns an
Altair chart; `quote_view` is the explorer's pure function.
"""

from __future__ import annotations

import html
from functools import lru_cache

import altair as alt
import pandas as pd

from .. import charts, data, widgets, figures

PERIOD_START = pd.Timestamp("2021-01-01")
PERIOD_END = pd.Timestamp("2022-12-31")

# --- Small helpers -----------------------------------------------------------------

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def date_label(date, precision: str = "day") -> str:
    """'16 August 2021', or 'October 2021' where only the month is known."""
    if date is None or pd.isna(date):
        return "date not known"
    month = MONTHS[date.month - 1]
    if precision == "year":
        return str(date.year)
    if precision == "month":
        return f"{month} {date.year}"
    return f"{date.day} {month} {date.year}"


def compiled_source_line(frame: pd.DataFrame, tables: str, max_names: int = 4) -> str:
    """The chart's source line: the publishers by name when few, else a count.

    `charts.source_line` names every publisher, which for the events and quotes tables
    (dozens of reports) would make a subtitle longer than the chart.
    """
    sources = data.sources_for(frame)
    if sources["publisher"].nunique() <= max_names:
        return charts.source_line(sources["source_id"])
    return (f"Source: course_data/{tables}, compiled from {len(sources)} reports by "
            f"{sources['publisher'].nunique()} publishers (listed under Sources)")


def period_events(events: pd.DataFrame) -> pd.DataFrame:
    """Timeline events from 1 January 2021 to 31 December 2022."""
    inside = (events["date"] >= PERIOD_START) & (events["date"] <= PERIOD_END)
    return events[inside].sort_values("date").reset_index(drop=True)


def ttp_talks(talks: pd.DataFrame) -> pd.DataFrame:
    """The Pakistan–TTP negotiation rounds (track PAK-TTP)."""
    return talks[talks["track"] == "PAK-TTP"].sort_values("start_date").reset_index(drop=True)


# --- The ceasefires -------------------------------------------------------------------

# Each ceasefire whose first and last day the data give: (label, event that started it,
# event that ended it or None when the starting event has an end_date).
CEASEFIRES = [
    ("One-month ceasefire", "2021-11-09-pak-ttp-one-month-ceasefire", None),
    ("Open-ended ceasefire", "2022-06-02-ttp-indefinite-ceasefire-kabul-jirga", "2022-11-28-ttp-ends-ceasefire"),
]


def ceasefire_periods(events: pd.DataFrame) -> pd.DataFrame:
    """One row per TTP ceasefire with known start and end, read from events.csv."""
    by_id = events.set_index("event_id")
    rows = []
    for label, start_id, end_id in CEASEFIRES:
        start = by_id.loc[start_id]
        end = by_id.loc[end_id] if end_id else None
        end_date = end["date"] if end is not None else start["end_date"]
        source_ids = start["source_ids"] + (";" + end["source_ids"] if end is not None else "")
        rows.append({"label": label, "start": start["date"], "end": end_date,
                     "days": int((end_date - start["date"]).days),
                     "how_it_began": start["title"],
                     "how_it_ended": end["title"] if end is not None else "Ran its agreed month",
                     "source_ids": source_ids})
    return pd.DataFrame(rows)


# --- Chart 1: the timeline ------------------------------------------------------------

LANE_TALKS = "Pakistan–TTP talks (talks.csv)"
LANE_CEASEFIRE = "TTP ceasefire in force"
# The same five kinds of event, with the same names, as on the start page.
KIND_LANES = figures.KIND_OF_CATEGORY
LANES = [LANE_TALKS, LANE_CEASEFIRE, KIND_LANES["diplomacy"], KIND_LANES["border"],
         KIND_LANES["militant_attack"], KIND_LANES["military"], KIND_LANES["political"]]
LANE_COLOURS = [charts.SIDE_COLOURS["TTP"], charts.SIDE_COLOURS["Independent"], charts.PALETTE[0],
                charts.PALETTE[4], charts.PALETTE[1], charts.PALETTE[6], charts.PALETTE[5]]


def _fatalities_text(row) -> str:
    if pd.isna(row["reported_fatalities"]):
        return "no figure in the data"
    return f"{int(row['reported_fatalities'])} (as reported by {row['fatalities_claimant']})"


def timeline_frames(events: pd.DataFrame, talks: pd.DataFrame):
    """The three layers of the timeline, each with only the columns it needs."""
    ev = period_events(events)
    points = pd.DataFrame({
        "lane": ev["category"].astype(str).map(KIND_LANES),
        "date": ev["date"].dt.strftime("%Y-%m-%d"),
        "when": [date_label(d, p) for d, p in zip(ev["date"], ev["date_precision"].astype(str))],
        "what": ev["title"].astype(str),
        "where": ev["location"].fillna("not given").astype(str),
        "deaths": [_fatalities_text(r) for _, r in ev.iterrows()],
    })
    tt = ttp_talks(talks)
    rounds = pd.DataFrame({
        "lane": LANE_TALKS,
        "start": tt["start_date"].dt.strftime("%Y-%m-%d"),
        "end": tt["end_date"].fillna(tt["start_date"]).dt.strftime("%Y-%m-%d"),
        "mid": (tt["start_date"] + (tt["end_date"].fillna(tt["start_date"]) - tt["start_date"]) / 2
                ).dt.strftime("%Y-%m-%d"),
        "what": tt["name"].astype(str),
        "when": [f"{date_label(s)} to {date_label(e)}" for s, e in zip(tt["start_date"], tt["end_date"])],
        "outcome": tt["outcome_category"].astype(str),
    })
    # The first round's start is known only to the month (see talks.csv note).
    rounds.loc[tt["round_id"] == "pak-ttp-2021-10", "when"] = (
        f"October 2021 (month only) to {date_label(tt.loc[tt['round_id'] == 'pak-ttp-2021-10', 'end_date'].iloc[0])}")
    cf = ceasefire_periods(events)
    truces = pd.DataFrame({
        "lane": LANE_CEASEFIRE,
        "start": cf["start"].dt.strftime("%Y-%m-%d"), "end": cf["end"].dt.strftime("%Y-%m-%d"),
        "what": cf["label"], "when": [f"{date_label(s)} to {date_label(e)}" for s, e in zip(cf["start"], cf["end"])],
        "days": cf["days"], "ended": cf["how_it_ended"],
    })
    return points, rounds, truces


def timeline_chart(events: pd.DataFrame, talks: pd.DataFrame) -> alt.LayerChart:
    """2021–2022 on one time axis: talks rounds, ceasefires and timeline events by kind."""
    points, rounds, truces = timeline_frames(events, talks)
    used = pd.concat([period_events(events)[["source_ids"]], ttp_talks(talks)[["source_ids"]]])
    x_scale = alt.Scale(domain=[PERIOD_START.strftime("%Y-%m-%d"), "2023-01-01"])
    y = alt.Y("lane:N", title=None, sort=LANES, scale=alt.Scale(domain=LANES),
              axis=alt.Axis(labelLimit=260))
    colour = alt.Color("lane:N", scale=alt.Scale(domain=LANES, range=LANE_COLOURS), legend=None)
    x_axis = alt.Axis(format="%b %Y", labelAngle=0, tickCount=8)

    truce_bars = alt.Chart(truces).mark_bar(height=16, opacity=0.85).encode(
        x=alt.X("start:T", title="Date (2021–2022)", scale=x_scale, axis=x_axis), x2="end:T", y=y, color=colour,
        tooltip=[alt.Tooltip("what:N", title="Ceasefire"), alt.Tooltip("when:N", title="In force"),
                 alt.Tooltip("days:Q", title="Length (days)"), alt.Tooltip("ended:N", title="How it ended")])
    round_bars = alt.Chart(rounds).mark_bar(height=16).encode(
        x=alt.X("start:T", scale=x_scale), x2="end:T", y=y, color=colour)
    round_marks = alt.Chart(rounds).mark_point(shape="diamond", size=140, filled=True).encode(
        x=alt.X("mid:T", scale=x_scale), y=y, color=colour,
        tooltip=[alt.Tooltip("what:N", title="Round"), alt.Tooltip("when:N", title="When"),
                 alt.Tooltip("outcome:N", title="Outcome")])
    event_marks = alt.Chart(points).mark_circle(size=90, opacity=0.9).encode(
        x=alt.X("date:T", scale=x_scale), y=y, color=colour,
        tooltip=[alt.Tooltip("what:N", title="Event"), alt.Tooltip("when:N", title="When"),
                 alt.Tooltip("where:N", title="Where"), alt.Tooltip("deaths:N", title="Reported deaths")])
    kabul = pd.DataFrame({"date": ["2021-08-15"], "label": ["Taliban take Kabul"]})
    kabul_rule = alt.Chart(kabul).mark_rule(strokeDash=[4, 3], color="#444444").encode(
        x=alt.X("date:T", scale=x_scale), tooltip=[alt.Tooltip("label:N", title="15 August 2021")])
    kabul_text = alt.Chart(kabul).mark_text(align="left", dx=4, dy=-6, fontSize=12, color="#222222").encode(
        x=alt.X("date:T", scale=x_scale), y=alt.value(0), text="label:N")
    return alt.layer(truce_bars, round_bars, round_marks, event_marks, kabul_rule, kabul_text).properties(
        width=560, height=260,
        title=alt.Title("From the fall of Kabul to the end of the TTP ceasefire",
                        subtitle=[f"{len(points)} timeline events, {len(rounds)} Pakistan–TTP talks rounds and "
                                  f"{len(truces)} ceasefires with known dates, 2021–2022",
                                  compiled_source_line(used, "events.csv and talks.csv")]),
        description=("Timeline of 2021 and 2022 with one row per kind of item: Pakistan–TTP talks rounds as "
                     "diamonds and bars, the two TTP ceasefires with known dates as green bars (9 November to "
                     "9 December 2021, and 2 June to 28 November 2022), and events from the course timeline as "
                     "dots by kind. A dashed line marks the Taliban takeover of Kabul on 15 August 2021."),
    )


# --- Chart 2: PICSS half-years ---------------------------------------------------------

VIOLENCE_PUBLISHER = "PICSS"
VIOLENCE_DEFINITION = "picss_militant_attacks"
VIOLENCE_VINTAGE = 2023  # the H1 2023 release gives H1 2022, H2 2022 and H1 2023 side by side
HALF_LABELS = {(2022, "H1"): "Jan–Jun 2022", (2022, "H2"): "Jul–Dec 2022", (2023, "H1"): "Jan–Jun 2023"}
HALF_CONTEXT = {(2022, "H1"): "Talks in Kabul; open-ended ceasefire from 2 June",
                (2022, "H2"): "Ceasefire formally in force until 28 November",
                (2023, "H1"): "First half-year after the TTP ended the ceasefire"}
METRIC_TITLES = {"attacks": "Militant attacks (count)", "fatalities_total": "Deaths in those attacks (people)"}


def half_year_violence(violence: pd.DataFrame) -> pd.DataFrame:
    """PICSS militant attacks and deaths, Pakistan, by half-year, from one release."""
    rows = violence[(violence["publisher"] == VIOLENCE_PUBLISHER) & (violence["definition"] == VIOLENCE_DEFINITION)
                    & (violence["vintage"] == VIOLENCE_VINTAGE) & (violence["region"] == "Pakistan")
                    & violence["period"].isin(["H1", "H2"]) & violence["metric"].isin(list(METRIC_TITLES))]
    keys = list(zip(rows["year"].astype(int), rows["period"].astype(str)))
    rows = rows[[k in HALF_LABELS for k in keys]].copy()
    keys = list(zip(rows["year"].astype(int), rows["period"].astype(str)))
    rows["half"] = [HALF_LABELS[k] for k in keys]
    rows["context"] = [HALF_CONTEXT[k] for k in keys]
    return rows.sort_values(["metric", "year", "period"]).reset_index(drop=True)


def violence_chart(violence: pd.DataFrame) -> alt.HConcatChart:
    """Two panels from the same PICSS release: attacks and deaths per half-year."""
    rows = half_year_violence(violence)
    frame = pd.DataFrame({"half": rows["half"], "context": rows["context"],
                          "metric": rows["metric"].astype(str), "value": rows["value"].astype(float)})
    order = list(HALF_LABELS.values())
    colour = alt.Color("half:N", scale=alt.Scale(domain=order, range=[charts.PALETTE[5], charts.PALETTE[2],
                                                                      charts.PALETTE[1]]), legend=None)

    def panel(metric: str) -> alt.Chart:
        part = frame[frame["metric"] == metric]
        base = alt.Chart(part).encode(
            x=alt.X("half:N", sort=order, title="Half-year", axis=alt.Axis(labelAngle=0)),
            y=alt.Y("value:Q", title=METRIC_TITLES[metric]),
            tooltip=[alt.Tooltip("half:N", title="Period"), alt.Tooltip("value:Q", title=METRIC_TITLES[metric]),
                     alt.Tooltip("context:N", title="What was happening")])
        return alt.layer(base.mark_bar(width=46).encode(color=colour),
                         base.mark_text(dy=-7).encode(text=alt.Text("value:Q", format=","))
                         ).properties(width=250, height=230)

    return alt.hconcat(panel("attacks"), panel("fatalities_total"), spacing=40).properties(
        title=alt.Title("Militant attacks in Pakistan before and after the ceasefire ended",
                        subtitle=["PICSS 'militant attacks' series only (security-force operations excluded), "
                                  "all from its H1 2023 release",
                                  f"{charts.source_line(data.sources_for(rows)['source_id'])} (reporting PICSS)"]),
        description=("Two bar charts from one PICSS release. Left: militant attacks in Pakistan per half-year, "
                     "rising from January–June 2022 to July–December 2022 and again to January–June 2023. "
                     "Right: deaths in those attacks, which fell in the second half of 2022 and rose in the "
                     "first half of 2023."),
    )


# --- Chart 3: verification by affiliation ------------------------------------------------

STATUS = {"yes": "Original located", "partial": "Wording differs between reports",
          "no": "Not verified (second-hand only)"}
STATUS_ORDER = list(STATUS.values())
STATUS_COLOURS = {"yes": charts.PALETTE[2], "partial": charts.PALETTE[4], "no": charts.PALETTE[1]}
STATUS_SYMBOL = {"yes": "✔", "partial": "◐", "no": "⚠"}


def verification_counts(quotes: pd.DataFrame) -> pd.DataFrame:
    frame = pd.DataFrame({"affiliation": quotes["affiliation"].astype(str),
                          "status": quotes["original_located"].astype(str).map(STATUS)})
    counts = frame.groupby(["affiliation", "status"], as_index=False).size().rename(columns={"size": "quotes"})
    totals = counts.groupby("affiliation")["quotes"].transform("sum")
    counts["share"] = counts["quotes"] / totals
    return counts


def verification_chart(quotes: pd.DataFrame) -> alt.Chart:
    """How many of each side's recorded statements the course could trace to the original."""
    counts = verification_counts(quotes)
    order = counts.groupby("affiliation")["quotes"].sum().sort_values(ascending=False).index.tolist()
    return alt.Chart(counts).mark_bar().encode(
        y=alt.Y("affiliation:N", sort=order, title="Speaker speaks for", axis=alt.Axis(labelLimit=220)),
        x=alt.X("quotes:Q", title="Statements in quotes.csv (count)"),
        color=alt.Color("status:N", title="Original located?",
                        scale=alt.Scale(domain=STATUS_ORDER, range=[STATUS_COLOURS[k] for k in STATUS]),
                        legend=alt.Legend(orient="bottom", direction="vertical", labelLimit=320)),
        order=alt.Order("status_order:Q"),
        tooltip=[alt.Tooltip("affiliation:N", title="Speaks for"), alt.Tooltip("status:N", title="Status"),
                 alt.Tooltip("quotes:Q", title="Statements"),
                 alt.Tooltip("share:Q", title="Share of this side's statements", format=".0%")],
    ).transform_calculate(status_order=f"indexof({STATUS_ORDER!r}, datum.status)").properties(
        width=480, height=210,
        title=alt.Title("How well each side's statements could be traced",
                        subtitle=[f"All {len(quotes)} statements in the course's quotes table, 2021–2025",
                                  compiled_source_line(quotes, "quotes.csv")]),
        description=("Stacked horizontal bars: for each side a speaker speaks for, how many recorded statements "
                     "the course read in the named outlet's own report, how many exist in differing wordings, "
                     "and how many were seen only second-hand."),
    )


# --- Quote cards (used in the story and in the explorer) ---------------------------------

def _caution_publishers(source_ids: str) -> list[str]:
    table = data.load("sources").set_index("source_id")
    return [str(table.loc[sid, "publisher"]) for sid in data.split_ids(source_ids)
            if sid in table.index and bool(table.loc[sid, "caution"])]


@lru_cache(maxsize=1)
def _quotes() -> pd.DataFrame:
    q = data.load("quotes")
    q["year"] = q["date"].dt.year.astype("Int64")
    q["status"] = q["original_located"].astype(str)
    q["weak_copies"] = q["source_ids"].map(_caution_publishers)
    q["unverified_wording"] = q["verification_note"].fillna("").str.startswith("UNVERIFIED")
    return q.sort_values(["date", "quote_id"], na_position="last").reset_index(drop=True)


def badge_html(status: str, unverified_wording: bool = False) -> str:
    colour = STATUS_COLOURS[status]
    text = STATUS[status]
    if status == "no":
        text = "NOT VERIFIED: seen only second-hand"
        if unverified_wording:
            text = "UNVERIFIED: these words were not found in any report read"
    style = (f"background:{colour};color:white;font-weight:bold" if status == "no"
             else f"border:2px solid {colour};color:#222222")
    return (f"<span class='alliance-badge alliance-status-{status}' style='{style};padding:1px 6px;"
            f"border-radius:4px;white-space:nowrap'>{STATUS_SYMBOL[status]} {html.escape(text)}</span>")


def quote_card_html(row) -> str:
    status = row["status"]
    colour = STATUS_COLOURS[status]
    date = date_label(row["date"]) if not pd.isna(row["date"]) else "undated in the data"
    role = f", {html.escape(str(row['role']))}" if not pd.isna(row["role"]) else ""
    words_style = "font-style:italic;color:#444444" if status == "no" else ""
    parts = [f"<div class='alliance-quote' style='border-left:5px solid {colour};padding:0.2em 0.8em;"
             f"margin:0.7em 0'>",
             f"<p style='margin:0.2em 0'><strong>{html.escape(str(row['speaker']))}</strong>{role} · "
             f"<em>{html.escape(str(row['affiliation']))}</em> · {date}</p>",
             f"<p style='margin:0.3em 0;font-size:1.05em;{words_style}'>“{html.escape(str(row['words']))}”</p>"]
    if not pd.isna(row["context"]):
        parts.append(f"<p style='margin:0.2em 0'>About: {html.escape(str(row['context']))}</p>")
    parts.append(f"<p style='margin:0.2em 0'>Reported by: {html.escape(str(row['outlet']))} · "
                 f"{badge_html(status, bool(row['unverified_wording']))}</p>")
    if not pd.isna(row["verification_note"]):
        parts.append(f"<p style='margin:0.2em 0'><small>Verification: "
                     f"{html.escape(str(row['verification_note']))}</small></p>")
    if row["weak_copies"]:
        parts.append(f"<p style='margin:0.2em 0'><small>⚠ Rests partly on a weaker copy "
                     f"({html.escape(', '.join(row['weak_copies']))}): check against stronger reporting.</small></p>")
    parts.append("</div>")
    return "".join(parts)


def quotes_html(*quote_ids: str) -> str:
    q = _quotes().set_index("quote_id", drop=False)
    missing = [i for i in quote_ids if i not in q.index]
    if missing:
        raise data.DataError(f"quotes.csv has no quote_id {missing}.")
    return "".join(quote_card_html(q.loc[i]) for i in quote_ids)


def show_quotes(*quote_ids: str):
    """Show quotes from quotes.csv as cards with their verification status."""
    from IPython.display import HTML
    return HTML(quotes_html(*quote_ids))


# --- The explorer ------------------------------------------------------------------------

ALL_SPEAKERS = "All speakers"
ALL_SIDES = "All sides"
ANY_STATUS = "Any status"
STATUS_CHOICES = {ANY_STATUS: None, "Original located": "yes", "Wording differs": "partial",
                  "Not verified": "no"}
YEAR_MIN, YEAR_MAX = 2021, 2025
DEFAULT_YEARS = (2021, 2022)
MAX_CARDS = 12


def speaker_options() -> list[str]:
    return [ALL_SPEAKERS, *sorted(_quotes()["speaker"].astype(str).unique(), key=str.casefold)]


def affiliation_options() -> list[str]:
    present = set(_quotes()["affiliation"].astype(str))
    return [ALL_SIDES, *[a for a in _quotes()["affiliation"].cat.categories if a in present]]


def filter_quotes(speaker: str = ALL_SPEAKERS, affiliation: str = ALL_SIDES, years=DEFAULT_YEARS,
                  undated: bool = False, status: str = ANY_STATUS) -> pd.DataFrame:
    q = _quotes()
    keep = pd.Series(True, index=q.index)
    if speaker != ALL_SPEAKERS:
        keep &= q["speaker"] == speaker
    if affiliation != ALL_SIDES:
        keep &= q["affiliation"] == affiliation
    if STATUS_CHOICES.get(status):
        keep &= q["status"] == STATUS_CHOICES[status]
    in_years = q["year"].between(int(years[0]), int(years[1])).fillna(False).astype(bool)
    keep &= in_years | (q["date"].isna() & bool(undated))
    return q[keep]


def _empty_message(speaker, affiliation, years, undated, status) -> str:
    q = _quotes()
    if speaker != ALL_SPEAKERS:
        mine = q[q["speaker"] == speaker]
        sides = sorted(mine["affiliation"].astype(str).unique())
        if affiliation != ALL_SIDES and affiliation not in sides:
            return (f"{speaker} is filed under {', '.join(sides)}, not {affiliation}. "
                    f"Set 'Speaks for' to {ALL_SIDES}.")
        if STATUS_CHOICES.get(status) and not (mine["status"] == STATUS_CHOICES[status]).any():
            return (f"None of {speaker}'s quotes has the status '{status}'. "
                    f"Set Verification to {ANY_STATUS}.")
        dated = sorted(mine["year"].dropna().astype(int).unique())
        undated_n = int(mine["date"].isna().sum())
        if not dated:
            return f"{speaker}'s quotes are all undated in the data: tick 'Include undated quotes'."
        hint = " or tick 'Include undated quotes'" if undated_n and not undated else ""
        return (f"No quote by {speaker} falls in {int(years[0])}–{int(years[1])}. Their dated quotes are from "
                f"{', '.join(map(str, dated))}: widen the years{hint}.")
    return (f"No quote matches these filters. Widen the years, tick 'Include undated quotes', "
            f"or set 'Speaks for' to {ALL_SIDES} and Verification to {ANY_STATUS}.")


def quotes_over_time_chart(rows: pd.DataFrame, years) -> alt.Chart:
    """The explorer's chart: the dated quotes that match, by side and verification status."""
    dated = rows[rows["date"].notna()]
    frame = pd.DataFrame({
        "date": dated["date"].dt.strftime("%Y-%m-%d"), "affiliation": dated["affiliation"].astype(str),
        "status": dated["status"].map(STATUS), "speaker": dated["speaker"].astype(str),
        "when": dated["date"].map(date_label),
        "words": [w if len(w) <= 110 else w[:107] + "…" for w in dated["words"].astype(str)],
    })
    domain = [f"{int(years[0])}-01-01", f"{int(years[1]) + 1}-01-01"]
    sides = [a for a in affiliation_options()[1:] if a in set(frame["affiliation"])]
    return alt.Chart(frame).mark_point(size=130, filled=True, opacity=0.85).encode(
        x=alt.X("date:T", title="Date said or first reported", scale=alt.Scale(domain=domain),
                axis=alt.Axis(format="%b %Y", labelAngle=0, tickCount=6)),
        y=alt.Y("affiliation:N", title="Speaks for", sort=sides, axis=alt.Axis(labelLimit=200),
                scale=alt.Scale(type="band", paddingInner=0.15)),
        # Statements of one day by the same side but with different status sit side by side.
        yOffset=alt.YOffset("status:N", scale=alt.Scale(domain=STATUS_ORDER)),
        color=alt.Color("status:N", title="Original located?", scale=alt.Scale(
            domain=STATUS_ORDER, range=[STATUS_COLOURS[k] for k in STATUS]),
            legend=alt.Legend(orient="bottom", direction="horizontal", labelLimit=260)),
        shape=alt.Shape("status:N", scale=alt.Scale(domain=STATUS_ORDER, range=["circle", "diamond", "cross"]),
                        legend=None),
        tooltip=[alt.Tooltip("speaker:N", title="Speaker"), alt.Tooltip("when:N", title="Date"),
                 alt.Tooltip("status:N", title="Status"), alt.Tooltip("words:N", title="Words")],
    ).properties(
        width=540, height=max(70, 40 * len(sides)),
        title=alt.Title(f"The {len(frame)} dated statements that match",
                        subtitle=[compiled_source_line(dated, "quotes.csv")]),
        description=(f"Dot chart of {len(frame)} statements from quotes.csv dated {int(years[0])}–{int(years[1])}, "
                     "one row per side the speaker speaks for, coloured and shaped by whether the course found "
                     "the original report."),
    )


def quote_view(speaker: str = ALL_SPEAKERS, affiliation: str = ALL_SIDES, years=DEFAULT_YEARS,
               undated: bool = False, status: str = ANY_STATUS) -> widgets.View:
    """What the quote explorer shows for one set of filter values."""
    rows = filter_quotes(speaker, affiliation, years, undated, status)
    if rows.empty:
        return widgets.View.empty(_empty_message(speaker, affiliation, years, undated, status))
    counts = rows["status"].value_counts()
    n = len(rows)
    summary = (f"<p><strong>{n} {'quote' if n == 1 else 'quotes'}</strong> match: "
               f"{counts.get('yes', 0)} with the original located, {counts.get('partial', 0)} whose wording "
               f"differs between reports, <strong>{counts.get('no', 0)} not verified</strong>"
               f"{f' · {int(rows.date.isna().sum())} undated' if rows['date'].isna().any() else ''}.</p>")
    shown = rows.head(MAX_CARDS)
    more = (f"<p><em>Showing the first {MAX_CARDS} of {n}, oldest first. Pick a speaker or a side to see the "
            f"rest.</em></p>" if n > MAX_CARDS else "")
    cards = "".join(quote_card_html(r) for _, r in shown.iterrows())
    chart = quotes_over_time_chart(rows, years) if rows["date"].notna().any() else None
    return widgets.View(html=summary + more + cards, chart=chart)


def explorer():
    import ipywidgets as w

    style = {"description_width": "initial"}
    controls = {
        "speaker": w.Dropdown(options=speaker_options(), value=ALL_SPEAKERS, description="Speaker:",
                              style=style, layout=w.Layout(width="340px")),
        "affiliation": w.Dropdown(options=affiliation_options(), value=ALL_SIDES, description="Speaks for:",
                                  style=style, layout=w.Layout(width="300px")),
        "years": w.IntRangeSlider(value=DEFAULT_YEARS, min=YEAR_MIN, max=YEAR_MAX, step=1, description="Years:",
                                  style=style, continuous_update=False, layout=w.Layout(width="340px")),
        "undated": w.Checkbox(value=False, description="Include undated quotes", indent=False, style=style,
                              layout=w.Layout(width="auto", margin="0 1.5em 0 2.5em")),
        "status": w.Dropdown(options=list(STATUS_CHOICES), value=ANY_STATUS, description="Verification:",
                             style=style, layout=w.Layout(width="260px")),
    }
    return widgets.explorer(
        controls, quote_view,
        "Choose a speaker, the side they speak for, a range of years and a verification status. Each quote "
        "shows whether the course read the original report; unverified quotes are marked ⚠ in red. "
        "Keyboard: Tab to a control, type a letter or use the arrow keys to change it, Space to tick the box.")
