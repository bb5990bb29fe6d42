"""Lesson 05 · People on the move: Afghans in Pakistan and the repatriation drive from 2023.

Chart builders and the explorer for the lesson. The rules this module enforces:

- Pakistani government counts and UN agency counts stay apart (separate panels, separate lines).
- A running total (people counted since a fixed start) and a count for one period (a week, a month,
  a quarter, a calendar year) never share a line, and a line joins only figures from the same
  counter, for the same status, that say they count from the same day.
"""

from __future__ import annotations

import html
import textwrap
from functools import lru_cache

import altair as alt
import ipywidgets as w
import pandas as pd

from .. import charts, data, widgets

# --- Who counts ------------------------------------------------------------------------------

# Each publisher in refugees.csv belongs to one counter: the body whose count it is.
COUNTER_OF_PUBLISHER = {
    "Government of Pakistan": "Government of Pakistan",
    "Government of Khyber Pakhtunkhwa (Home and Tribal Affairs Department)": "Khyber Pakhtunkhwa government",
    "official data (body not named), via Tribal News Network": "Pakistani officials (body not named)",
    "UNHCR": "UNHCR",
    "IOM": "IOM",
    "UNHCR-IOM (joint)": "UNHCR and IOM jointly",
    "Border Consortium (IOM-led, with UNHCR)": "UNHCR and IOM jointly",
    "UN data (agency not named), via Khaama Press/ANI": "UN (agency not named)",
    "United Nations (via AFP)": "UN (agency not named)",
    "Afghan Taliban authorities": "Afghan Taliban authorities",
    "Global Detention Project": "Global Detention Project",
}
NEWS_REPORTS = "News reports (counting body not named)"
COUNTERS = ["Government of Pakistan", "Khyber Pakhtunkhwa government", "Pakistani officials (body not named)",
            "UNHCR", "IOM", "UNHCR and IOM jointly", "UN (agency not named)",
            "Afghan Taliban authorities", "Global Detention Project", NEWS_REPORTS]
PAKISTANI = "Pakistani authorities"
UN_AGENCIES = "UN agencies and independent bodies"
AFGHAN = "Afghan Taliban authorities"
NEWS = "News reports (source not named)"
SIDES = [PAKISTANI, UN_AGENCIES, AFGHAN, NEWS]
SIDE_OF_COUNTER = {
    "Government of Pakistan": PAKISTANI, "Khyber Pakhtunkhwa government": PAKISTANI,
    "Pakistani officials (body not named)": PAKISTANI,
    "UNHCR": UN_AGENCIES, "IOM": UN_AGENCIES, "UNHCR and IOM jointly": UN_AGENCIES,
    "UN (agency not named)": UN_AGENCIES, "Global Detention Project": UN_AGENCIES,
    "Afghan Taliban authorities": AFGHAN, NEWS_REPORTS: NEWS,
}
SIDE_COLOUR = {PAKISTANI: charts.SIDE_COLOURS["Pakistan"], UN_AGENCIES: charts.SIDE_COLOURS["Independent"],
               AFGHAN: charts.SIDE_COLOURS["Afghanistan"], NEWS: "#000000"}
# One shape per counter (colour gives the side), so a marker can be read without colour.
COUNTER_SHAPE = dict(zip(COUNTERS, ["circle", "square", "triangle-down", "diamond", "triangle-up", "cross",
                                    "triangle-left", "triangle-right", "wedge", "square"]))

MEASURES = {"returns": "Returns to Afghanistan", "deportations": "Deportations",
            "arrests": "Arrests and detentions", "stock": "Stock: people living in Pakistan"}
MEASURE_NOUN = {"returns": "returns", "deportations": "deportations", "arrests": "arrests",
                "stock": "population figures"}
MEASURE_PHRASE = {"returns": "returns to Afghanistan", "deportations": "deportations",
                  "arrests": "arrests and detentions", "stock": "people living in Pakistan"}
STATUSES = {"any": "Any status", "PoR": "PoR card holders", "ACC": "ACC holders",
            "undocumented": "Undocumented", "all": "All statuses counted together",
            "other": "Other or mixed (see note)"}
STATUS_PHRASE = {"PoR": "PoR card holders", "ACC": "ACC holders", "undocumented": "undocumented people",
                 "all": "all statuses counted together", "other": "other or mixed statuses"}
STATUS_SHORT = {"PoR": "PoR card holders (registered refugees)", "ACC": "Afghan Citizen Card (ACC) holders",
                "undocumented": "Undocumented", "all": "All statuses together", "other": "Other or mixed"}

RUNNING = "Running totals"
ONE_PERIOD = "One-period counts"
SNAPSHOT = "snapshot"
UNDATED = "undated"
COUNT_TYPES = [RUNNING, ONE_PERIOD]

# Days from which publishers say their running totals count: UNHCR's month-level "since
# September 2023", the UN agencies' 15 Sept 2023 surge date, 1 Oct 2023 (UNHCR officer), the
# 3 Oct 2023 order, the 1 Nov 2023 deadline, and 1 Apr 2025 (the ACC phase).
RUNNING_STARTS = pd.to_datetime(["2023-09-01", "2023-09-15", "2023-10-01", "2023-10-03", "2023-11-01",
                                 "2025-04-01"])
DRIVE_FIRST, DRIVE_LAST = pd.Timestamp("2023-09-01"), pd.Timestamp("2023-11-01")

# Running totals whose start date is not in period_start. What each row's note says about where
# the count starts, and whether it counts the whole drive since autumn 2023.
RUNNING_WITHOUT_START = {
    "gop-2024-01-02-returns": ("since the cabinet approved the plan (Oct 2023)", True),
    "gop-2024-01-23-returns": ("the drive's daily official tally; start not stated", True),
    "kp-2023-11-27-returns": ("start not stated", True),
    "kp-2023-12-12-returns": ("start not stated", True),
    "kp-2023-12-12-deportations": ("start not stated", True),
    "kp-2025-03-returns-phase1": ("phase 1 of the plan; start not stated", True),
    "kp-2025-09-08-por": ("phase 3 of the plan so far; start not stated", False),
}


def counter_of(publisher: str) -> str:
    return COUNTER_OF_PUBLISHER.get(publisher, NEWS_REPORTS)


def _count_type(row) -> tuple[str, str]:
    """(count type, what the count starts from) for one row of refugees.csv."""
    if row.measure == "stock":
        return SNAPSHOT, ""
    end = row.period_end if pd.notna(row.period_end) else row.date
    if pd.isna(end):
        return UNDATED, "" if pd.isna(row.period_start) else row.period_start.date().isoformat()
    start = row.period_start
    if pd.isna(start):
        if row.obs_id in RUNNING_WITHOUT_START:
            return RUNNING, RUNNING_WITHOUT_START[row.obs_id][0]
        return ONE_PERIOD, "start not given"
    label = start.date().isoformat()
    if start in RUNNING_STARTS:
        return RUNNING, label
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return ONE_PERIOD, label
    if (end - start).days <= 92:
        return ONE_PERIOD, label
    return RUNNING, label


def _weaker_copy_ids() -> set[str]:
    sources = data.load("sources")
    return set(sources.loc[sources["caution"].fillna(False).astype(bool), "source_id"])


@lru_cache(maxsize=1)
def _prepared() -> pd.DataFrame:
    """refugees.csv with who counted, what kind of count, and whether it rests only on weaker copies."""
    rows = data.load("refugees")
    weak = _weaker_copy_ids()
    kinds = [_count_type(r) for r in rows.itertuples()]
    rows["count_type"] = [k for k, _ in kinds]
    rows["counted_from"] = [f for _, f in kinds]
    rows["counter"] = rows["publisher"].astype(str).map(counter_of)
    rows["side"] = rows["counter"].map(SIDE_OF_COUNTER)
    rows["when"] = rows["period_end"].fillna(rows["date"])
    rows["weaker_copy"] = [all(s in weak for s in data.split_ids(ids)) for ids in rows["source_ids"]]
    rows["since_drive"] = [
        (ct == RUNNING) and ((pd.notna(s) and DRIVE_FIRST <= s <= DRIVE_LAST)
                             or RUNNING_WITHOUT_START.get(o, ("", False))[1])
        for ct, s, o in zip(rows["count_type"], rows["period_start"], rows["obs_id"])]
    return rows


def prepared() -> pd.DataFrame:
    """A copy of the prepared refugees table (see _prepared)."""
    return _prepared().copy()


# --- Helpers for charts ----------------------------------------------------------------------

def _subtitle(lines: list[str], source_ids) -> list[str]:
    """Explanatory lines, then the source line (wrapped, so it stays readable)."""
    return lines + textwrap.wrap(charts.source_line(source_ids), 110)


def _ids(frame: pd.DataFrame) -> list[str]:
    return list(data.sources_for(frame)["source_id"])


def _plot_frame(rows: pd.DataFrame) -> pd.DataFrame:
    """Only the columns a chart needs, as plain JSON-friendly values."""
    out = pd.DataFrame({
        "obs_id": rows["obs_id"].astype(str),
        "when": rows["when"].dt.strftime("%Y-%m-%d"),
        "start": rows["period_start"].dt.strftime("%Y-%m-%d"),
        "value": rows["value"].astype(int),
        "publisher": rows["publisher"].astype(str),
        "counter": rows["counter"].astype(str),
        "side": rows["side"].astype(str),
        "status": rows["status"].astype(str).map(STATUS_SHORT),
        "counted_from": rows["counted_from"].astype(str),
        "weaker": rows["weaker_copy"].map({True: "yes: read only in a relay or aggregator", False: "no"}),
    })
    out["start"] = out["start"].where(rows["period_start"].notna().to_numpy(), None)
    return out


def _tooltips(extra: list | None = None) -> list:
    return [alt.Tooltip("counter:N", title="Counted by"), alt.Tooltip("publisher:N", title="Publisher as given"),
            alt.Tooltip("value:Q", title="People", format=","),
            alt.Tooltip("when:T", title="Figure dated", format="%d %b %Y"),
            *(extra or []),
            alt.Tooltip("status:N", title="Who is counted"), alt.Tooltip("weaker:N", title="Weaker copy"),
            alt.Tooltip("obs_id:N", title="Row (obs_id)")]


def _markers(x, y, colour, shape: dict, tooltip, size: int = 110) -> list[alt.Chart]:
    """Filled markers, plus a white centre on figures read only in a weaker copy (a relay or aggregator).

    `shape` holds the keyword arguments of alt.Shape (field, scale, title, legend)."""
    full = alt.Chart().mark_point(filled=True, size=size, opacity=1).encode(
        x=x, y=y, color=colour, shape=alt.Shape(**shape), tooltip=tooltip)
    centre = alt.Chart().mark_point(filled=True, size=size // 3, opacity=1, color="white").encode(
        x=x, y=y, shape=alt.Shape(**{**shape, "legend": None}),
        tooltip=tooltip).transform_filter("datum.weaker != 'no'")
    return [full, centre]


WEAK_NOTE = "Markers with a white centre were read only in a relay or aggregator (a weaker copy)."
Y_LABELS = "datum.value == 0 ? '0' : format(datum.value, '~s')"


def _side_scale(sides=None) -> alt.Scale:
    sides = sides or SIDES
    return alt.Scale(domain=sides, range=[SIDE_COLOUR[s] for s in sides])


# --- Chart 1: how many Afghans, by status ------------------------------------------------------

STOCK_STATUSES = ["PoR", "ACC", "undocumented"]


def stock_rows() -> pd.DataFrame:
    rows = prepared()
    return rows[(rows["measure"] == "stock") & rows["status"].isin(STOCK_STATUSES)].sort_values("when")


def stocks_chart(rows: pd.DataFrame | None = None) -> alt.FacetChart:
    """Every published estimate of Afghans in Pakistan by status, one panel per status."""
    rows = stock_rows() if rows is None else rows
    frame = _plot_frame(rows)
    sides = [s for s in SIDES if s in set(frame["side"])]
    statuses = [STATUS_SHORT[s] for s in STOCK_STATUSES]
    x = alt.X("when:T", title="Date of the figure", axis=alt.Axis(format="%b %Y", tickCount=8),
              scale=alt.Scale(domain=["2023-09-01", "2025-09-30"]))
    y = alt.Y("value:Q", title="People (estimate)", axis=alt.Axis(labelExpr=Y_LABELS, tickCount=4),
              scale=alt.Scale(domain=[0, 2_000_000]))
    colour = alt.Color("side:N", title="Who gave the figure", scale=_side_scale(sides),
                       legend=alt.Legend(orient="bottom", labelLimit=320, columns=3))
    shape = dict(shorthand="side:N", legend=None, scale=alt.Scale(
        domain=sides, range=["circle", "diamond", "square", "triangle-up"][:len(sides)]))
    base = alt.layer(*_markers(x, y, colour, shape, _tooltips()), data=frame).properties(width=560, height=120)
    return base.facet(
        row=alt.Row("status:N", title=None, sort=statuses,
                     header=alt.Header(labelAngle=0, labelAlign="left", labelAnchor="start", labelOrient="top",
                                       labelFontWeight="bold")),
        title=alt.Title("How many Afghans lived in Pakistan, by legal status",
                        subtitle=_subtitle(["Each marker is one published estimate. " + WEAK_NOTE], _ids(rows))),
        description=("Three panels of dots, one for registered refugees with PoR cards, one for Afghan Citizen "
                     "Card holders and one for undocumented Afghans. Estimates of PoR holders stay between 1.3 and "
                     "1.45 million from 2023 to 2025; ACC holders between 750,000 and 880,000; the government put "
                     "undocumented Afghans at 1.73 million in October 2023, and later figures are far lower."),
    ).resolve_scale(x="shared", y="shared")


# --- Chart 2: the plan, phase by phase ---------------------------------------------------------

PHASE_LABELS = {
    "ifrp-phase-1": "Phase 1: undocumented foreigners",
    "por-extension-2023-12": "PoR cards extended to Dec 2023",
    "ifrp-phase-2-plan-2024": "Phase 2 planned for ACC holders (not carried out)",
    "por-extension-2024-06": "PoR cards extended to June 2024",
    "por-extension-2025-06": "PoR cards extended to June 2025",
    "twin-cities-relocation-2025": "Afghans told to leave Islamabad and Rawalpindi",
    "ifrp-phase-2": "Phase 2: ACC holders",
    "por-no-adverse-action-2025-07": "PoR holders protected while extension considered",
    "ifrp-phase-3": "Phase 3: PoR holders",
    "camp-denotification-2025": "Refugee camps de-notified",
}
TARGET_LABELS = {"undocumented": "Undocumented", "ACC": "ACC holders", "PoR": "PoR card holders",
                 "all": "All Afghans in the area"}
TARGET_COLOURS = {"Undocumented": "#E69F00", "ACC holders": "#56B4E9", "PoR card holders": "#000000",
                  "All Afghans in the area": "#CC79A7"}


def phase_frame(phases: pd.DataFrame) -> pd.DataFrame:
    phases = phases.sort_values("announced_date")
    label = phases["phase_id"].map(PHASE_LABELS).fillna(phases["name"]).astype(str)
    long = []
    for kind, column in (("Announced", "announced_date"), ("Took effect, or deadline", "start_date")):
        part = pd.DataFrame({"phase": label, "phase_id": phases["phase_id"].astype(str),
                             "kind": kind, "date": phases[column],
                             "announced": phases["announced_date"].dt.strftime("%d %b %Y"),
                             "effective": phases["start_date"].dt.strftime("%d %b %Y").fillna("never set"),
                             "target": phases["target_group"].astype(str).map(TARGET_LABELS)})
        long.append(part[part["date"].notna()])
    frame = pd.concat(long, ignore_index=True)
    frame["date"] = frame["date"].dt.strftime("%Y-%m-%d")
    return frame


def phases_chart(phases: pd.DataFrame | None = None) -> alt.LayerChart:
    """The plan's phases and the PoR-card decisions around them, as a timeline."""
    phases = data.load("repatriation_phases") if phases is None else phases
    frame = phase_frame(phases)
    order = [PHASE_LABELS.get(p, p) for p in phases.sort_values("announced_date")["phase_id"]]
    targets = [t for t in TARGET_COLOURS if t in set(frame["target"])]
    colour = alt.Color("target:N", title="Who it targets", scale=alt.Scale(
        domain=targets, range=[TARGET_COLOURS[t] for t in targets]),
        legend=alt.Legend(orient="bottom", columns=2, labelLimit=240))
    y = alt.Y("phase:N", sort=order, title=None, axis=alt.Axis(labelLimit=340))
    tips = [alt.Tooltip("phase:N", title="Step"), alt.Tooltip("target:N", title="Who it targets"),
            alt.Tooltip("announced:N", title="Announced"), alt.Tooltip("effective:N", title="Took effect / deadline"),
            alt.Tooltip("phase_id:N", title="Row (phase_id)")]
    span = alt.Chart(frame).mark_line(strokeWidth=3, opacity=0.6).encode(
        x=alt.X("date:T", title="Date (announcement to effect)", axis=alt.Axis(format="%b %Y", tickCount=10),
                scale=alt.Scale(domain=["2023-06-01", "2025-11-30"])),
        y=y, color=colour, detail="phase_id:N", tooltip=tips)
    marks = alt.Chart(frame).mark_point(size=130, filled=True, opacity=1).encode(
        x="date:T", y=y, color=colour,
        shape=alt.Shape("kind:N", title="Marker", scale=alt.Scale(
            domain=["Announced", "Took effect, or deadline"], range=["circle", "diamond"]),
            legend=alt.Legend(orient="bottom", direction="vertical")),
        tooltip=tips)
    return alt.layer(span, marks, title=alt.Title(
        "Pakistan's repatriation plan, step by step (2023–2025)",
        subtitle=_subtitle(["Circle: announced. Diamond: took effect or deadline. PoR extensions ran "
                            "retroactively, so their diamond can come before their circle."], _ids(phases))),
        description=("Timeline of ten steps: phase 1 for undocumented foreigners (announced October 2023, "
                     "deportations from 1 November 2023), repeated extensions of PoR cards, a 2024 plan for ACC "
                     "holders that was not carried out, phase 2 for ACC holders from April 2025, and phase 3 for "
                     "PoR holders from September 2025, followed by the closing of refugee camps."),
    ).properties(width=520, height=300)


# --- Chart 3: returns, two ledgers side by side ------------------------------------------------

GOVERNMENT_PANEL = "Government of Pakistan"
UN_PANEL = "UN agencies (UNHCR, IOM)"
UN_COUNTERS = ["UNHCR", "IOM", "UNHCR and IOM jointly"]
# UNHCR and IOM publish one harmonised running total of returns from 15 Sept 2023 (see the note on
# iom-unhcr-2024-01-15-cumulative), so their figures counted from that day form one line.
HARMONISED_FROM = "2023-09-15"


def drive_return_rows() -> pd.DataFrame:
    """Running totals of returns since the drive began in autumn 2023, federal government and UN agencies."""
    rows = prepared()
    keep = ((rows["measure"] == "returns") & rows["since_drive"]
            & rows["counter"].isin(["Government of Pakistan", *UN_COUNTERS]))
    return rows[keep].sort_values("when")


def _series_key(frame: pd.DataFrame, rows: pd.DataFrame) -> pd.Series:
    """The line a running total belongs to: same counter, measure, status and stated start day.

    Rows whose start day is not stated get a key of their own, so they are never joined."""
    known = rows["period_start"].notna().to_numpy()
    counter = frame["counter"].where(~(frame["counter"].isin(UN_COUNTERS) & (frame["counted_from"] == HARMONISED_FROM)),
                                     "UNHCR-IOM harmonised count")
    key = (counter + "|" + rows["measure"].astype(str).to_numpy() + "|" + frame["status"]
           + "|" + frame["counted_from"])
    return key.where(known, frame["obs_id"])


def returns_side_by_side(rows: pd.DataFrame | None = None) -> alt.FacetChart:
    """Government of Pakistan and UN agency running totals of returns, in two panels."""
    rows = drive_return_rows() if rows is None else rows
    frame = _plot_frame(rows)
    frame["panel"] = [GOVERNMENT_PANEL if c == "Government of Pakistan" else UN_PANEL for c in frame["counter"]]
    frame["series"] = _series_key(frame, rows)
    counters = [c for c in ["Government of Pakistan", *UN_COUNTERS] if c in set(frame["counter"])]
    sides = [s for s in SIDES if s in set(frame["side"])]
    x = alt.X("when:T", title="Date of the figure", axis=alt.Axis(format="%b %Y", tickCount=5),
              scale=alt.Scale(domain=["2023-09-01", "2025-12-31"]))
    y = alt.Y("value:Q", title="Returns since autumn 2023 (people, running total)",
              axis=alt.Axis(labelExpr=Y_LABELS), scale=alt.Scale(domain=[0, 1_800_000]))
    tips = _tooltips([alt.Tooltip("counted_from:N", title="Counted from")])
    line = alt.Chart().mark_line(strokeWidth=2).encode(
        x=x, y=y, detail="series:N", color=alt.Color("side:N", scale=_side_scale(sides), legend=None),
    ).transform_joinaggregate(n="count()", groupby=["series"]).transform_filter("datum.n > 1")
    shape = dict(shorthand="counter:N", title="Counted by", scale=alt.Scale(
        domain=counters, range=[COUNTER_SHAPE[c] for c in counters]),
        legend=alt.Legend(orient="bottom", columns=4, labelLimit=260, symbolFillColor="#555555",
                          symbolStrokeColor="#555555"))
    points = _markers(x, y, alt.Color("side:N", scale=_side_scale(sides), legend=None), shape, tips)
    return alt.layer(line, *points, data=frame).properties(width=300, height=280).facet(
        column=alt.Column("panel:N", title=None, sort=[GOVERNMENT_PANEL, UN_PANEL],
                          header=alt.Header(labelFontWeight="bold", labelFontSize=13)),
        title=alt.Title("Returns to Afghanistan since the drive began: two ledgers, side by side",
                        subtitle=_subtitle([
                            "Running totals only. The line joins the count UNHCR and IOM harmonise, from 15 Sept "
                            "2023; figures counted from other days stand alone.", WEAK_NOTE], _ids(rows))),
        description=("Two panels. Left: running totals of people sent back or returned, as given by the Government "
                     "of Pakistan, from about 200,000 at the end of October 2023 to 857,157 in April 2025. Right: "
                     "UN agency running totals of returns from Pakistan since 15 September 2023, rising from about "
                     "500,000 in January 2024 to 1.72 million in November 2025. The two are different counts and "
                     "are not joined."),
    ).resolve_scale(x="shared", y="shared")


def drive_returns_table(rows: pd.DataFrame | None = None) -> pd.DataFrame:
    """The figures in the side-by-side chart, as a table: who counted, from when, whom, how many."""
    rows = drive_return_rows() if rows is None else rows
    return pd.DataFrame({
        "dated": rows["when"].dt.strftime("%Y-%m-%d"),
        "counted by": rows["counter"],
        "counted from": rows["counted_from"],
        "who is counted": rows["status"].astype(str).map(STATUS_SHORT),
        "people": rows["value"].astype(int),
        "weaker copy": rows["weaker_copy"].map({True: "yes", False: ""}),
    }).reset_index(drop=True)


# --- Explorer ----------------------------------------------------------------------------------

def _filter(rows: pd.DataFrame, counters, measure: str, status: str) -> pd.DataFrame:
    keep = rows["counter"].isin(list(counters)) & (rows["measure"] == measure)
    if status != "any":
        keep &= rows["status"] == status
    return rows[keep]


def explorer_chart(rows: pd.DataFrame, measure: str, count_type: str) -> alt.LayerChart:
    """The figures the explorer selected: running totals as lines, one-period counts as spans, stocks as dots."""
    frame = _plot_frame(rows)
    frame["series"] = _series_key(frame, rows)
    counters = [c for c in COUNTERS if c in set(frame["counter"])]
    sides = [s for s in SIDES if s in set(frame["side"])]
    noun = MEASURES[measure]
    if measure == "stock":
        y_title, kind = "People living in Pakistan (estimate)", "Snapshots of how many people were present"
    elif count_type == RUNNING:
        y_title, kind = f"{noun} (people, running total)", "Running totals: people counted since a start day"
    else:
        y_title, kind = f"{noun} (people in the period)", "Counts for one period; the bar spans the period"
    x = alt.X("when:T", title="Date of the figure (end of the period counted)",
              axis=alt.Axis(format="%b %Y", tickCount=8))
    y = alt.Y("value:Q", title=y_title, axis=alt.Axis(labelExpr=Y_LABELS))
    colour = alt.Color("side:N", title="Who counted", scale=_side_scale(sides),
                       legend=alt.Legend(orient="bottom", columns=2, labelLimit=300))
    tips = _tooltips([alt.Tooltip("counted_from:N", title="Counted from")])
    layers = []
    if measure != "stock" and count_type == RUNNING:
        layers.append(alt.Chart(frame).mark_line(strokeWidth=2).encode(
            x=x, y=y, detail="series:N", color=colour,
        ).transform_joinaggregate(n="count()", groupby=["series"]).transform_filter("datum.n > 1"))
    if measure != "stock" and count_type == ONE_PERIOD:
        layers.append(alt.Chart(frame).mark_rule(strokeWidth=4, opacity=0.7).encode(
            x=alt.X("start:T", title="Date of the figure (end of the period counted)"), x2="when:T", y=y,
            color=colour, tooltip=tips).transform_filter("datum.start != null"))
    shape = dict(shorthand="counter:N", title="Counted by", scale=alt.Scale(
        domain=counters, range=[COUNTER_SHAPE[c] for c in counters]),
        legend=alt.Legend(orient="bottom", columns=2, labelLimit=300, symbolFillColor="#555555",
                          symbolStrokeColor="#555555"))
    markers = [m.properties(data=frame) for m in _markers(x, y, colour, shape, tips, size=100)]
    layers.extend(markers)
    return alt.layer(*layers, title=alt.Title(
        f"{noun}: the figures you picked",
        subtitle=_subtitle([kind + ".", WEAK_NOTE], _ids(rows))),
        description=(f"{len(frame)} published figures for {noun.lower()}, from {', '.join(counters)}, plotted by "
                     f"date. {kind}. Lines join only figures from one counter that count from the same day."),
    ).properties(width=560, height=260)


def _rows_table(rows: pd.DataFrame) -> str:
    head = ("<tr><th>Dated</th><th>Counted by</th><th>Who is counted</th><th>Counted from</th>"
            "<th style='text-align:right'>People</th><th>Note</th></tr>")
    body = []
    for r in rows.sort_values(["when", "counter"], na_position="last").itertuples():
        when = "no date" if pd.isna(r.when) else f"{r.when:%d %b %Y}"
        weak = " <em>(weaker copy)</em>" if r.weaker_copy else ""
        body.append(f"<tr><td>{when}</td><td>{html.escape(r.publisher)}</td>"
                    f"<td>{html.escape(STATUS_SHORT[r.status])}</td><td>{html.escape(r.counted_from or '–')}</td>"
                    f"<td style='text-align:right'>{r.value:,}</td>"
                    f"<td><small>{html.escape(str(r.note) if pd.notna(r.note) else '')}{weak}</small></td></tr>")
    return f"<table class='alliance-table'><thead>{head}</thead><tbody>{''.join(body)}</tbody></table>"


def _of_type(rows: pd.DataFrame, measure: str, count_type: str) -> pd.DataFrame:
    """The rows the chart can show for this measure and kind of count."""
    wanted = SNAPSHOT if measure == "stock" else count_type
    return rows[rows["count_type"] == wanted]


def _suggestion(rows: pd.DataFrame, counters, measure: str, status: str, count_type: str) -> str:
    """What to try when a filter leaves nothing: the nearest choices that have figures."""
    ideas = []
    if measure != "stock":
        other = ONE_PERIOD if count_type == RUNNING else RUNNING
        n = len(_of_type(_filter(rows, counters, measure, status), measure, other))
        if n:
            ideas.append(f"switch Kind of count to '{other}' ({n} figure{'s' if n != 1 else ''})")
    if status != "any":
        n = len(_of_type(_filter(rows, counters, measure, "any"), measure, count_type))
        if n:
            ideas.append(f"set Status to 'Any status' ({n} figure{'s' if n != 1 else ''})")
    others = [c for c in COUNTERS if c not in counters
              and len(_of_type(_filter(rows, [c], measure, status), measure, count_type))]
    if others:
        ideas.append(f"add {', '.join(others[:3])} to the publishers")
    if not ideas:
        ideas.append("choose another measure, or set Status to 'Any status'")
    return "Try: " + "; or ".join(ideas) + "."


def view(counters, measure: str, status: str, count_type: str) -> widgets.View:
    """What the explorer shows for one choice of publishers, measure, status and kind of count."""
    counters = list(counters or [])
    if not counters:
        return widgets.View.empty("no publisher is selected. Pick at least one in the Publishers list "
                                  "(hold Ctrl or Shift to pick several).")
    rows = _prepared()
    chosen = _filter(rows, counters, measure, status)
    stock = measure == "stock"
    undated = chosen[chosen["count_type"] == UNDATED]
    shown = _of_type(chosen, measure, count_type)
    status_text = "" if status == "any" else f" for {STATUS_PHRASE[status]}"
    if shown.empty:
        what = (f"{', '.join(counters)} published no {MEASURE_NOUN[measure]}{status_text}"
                + ("" if stock else f" as {count_type.lower()}") + " in the course data. ")
        extra = "" if undated.empty else f"({len(undated)} undated figure(s) match; they cannot go on a time axis.) "
        return widgets.View.empty(what + extra + _suggestion(rows, counters, measure, status, count_type))
    kind = ("snapshots of the population" if stock else count_type.lower())
    parts = [f"<p><strong>{len(shown)} figure{'s' if len(shown) != 1 else ''}</strong> "
             f"for {html.escape(MEASURE_PHRASE[measure])}{html.escape(status_text)}, {kind}, from "
             f"{html.escape(', '.join(dict.fromkeys(shown['counter'])))}.</p>"]
    if stock:
        parts.append("<p><small>Stocks are snapshots, so the Kind of count switch does not apply.</small></p>")
    parts.append(_rows_table(shown))
    if not undated.empty and (stock or count_type == RUNNING):
        parts.append(f"<p><strong>Not on the chart</strong> ({len(undated)}): totals whose date the course "
                     "could not establish.</p>" + _rows_table(undated))
    return widgets.View(html="".join(parts), chart=explorer_chart(shown, measure, count_type))


DEFAULT_COUNTERS = ("Government of Pakistan", "UNHCR", "IOM", "UNHCR and IOM jointly")


def explorer() -> w.VBox:
    style = {"description_width": "initial"}
    controls = {
        "counters": w.SelectMultiple(options=COUNTERS, value=DEFAULT_COUNTERS, rows=6, description="Publishers:",
                                     style=style, layout=w.Layout(width="420px")),
        "measure": w.Dropdown(options=[(label, key) for key, label in MEASURES.items()], value="returns",
                              description="Measure:", style=style, layout=w.Layout(width="340px")),
        "status": w.Dropdown(options=[(label, key) for key, label in STATUSES.items()], value="any",
                             description="Status:", style=style, layout=w.Layout(width="340px")),
        "count_type": w.ToggleButtons(options=COUNT_TYPES, value=RUNNING, description="Kind of count:",
                                      style=style, tooltips=["People counted since a start day",
                                                             "People counted in one week, month, quarter or year"]),
    }
    return widgets.explorer(controls, view, (
        "Pick one or more publishers (Ctrl or Shift with the arrow keys picks several), a measure, a status and "
        "a kind of count. Running totals and one-period counts are never drawn on the same line."))
