"""Lesson 04 · The border: crossings, closures and trade.

Chart builders and the crossing explorer. Everything is computed from course_data/:
crossings.csv, border_closures.csv, trade.csv and sources.csv.

Counting rules (stated in the lesson, tested in tests/test_lesson_04.py):

- A closure runs from `start_date` up to, not including, `end_date` (the day it reopened).
- A date known only to the month counts as the 15th of that month; an episode never ends
  before it starts.
- A closure with no end date whose note says the end is unknown (Angoor Adda, 2016) is shown
  as a start marker only and adds no days. Any other closure with no end date was still
  closed at the latest source the row cites: it is drawn, and counted, up to and including
  that source's date. Days after that date are not counted.
- "all" means the five crossings that handled trade in the period (every crossing in
  crossings.csv except Badini and Nawa Pass, which the data describe as not operating).
"""

from __future__ import annotations

import html
from functools import lru_cache

import altair as alt
import numpy as np
import pandas as pd

from .. import charts, data, widgets
from ..chart_templates import Template as _Template
from ..chart_templates import hole as _hole
from ..chart_templates import holes as _holes
from ..chart_templates import number as _number
from ..chart_templates import templates_apply as _templates_apply

# --- Shared labels -------------------------------------------------------------------

ALL_ROW = "All crossings"
NOT_IN_ALL = {"badini", "nawa-pass"}  # crossings.csv: not operating in the period covered
CLOSED_BY = {
    "PAK": "Pakistan",
    "AFG_TALIBAN": "Afghan Taliban authorities",
    "AFG_STATE": "Afghan government (before 2021)",
    "both": "Both sides",
    "unclear": "Unclear in reports",
}
CLOSED_BY_COLOURS = {
    "Pakistan": charts.SIDE_COLOURS["Pakistan"],
    "Afghan Taliban authorities": charts.SIDE_COLOURS["Afghanistan"],
    "Afghan government (before 2021)": "#E69F00",
    "Both sides": "#000000",
    "Unclear in reports": "#999999",
}
STATUS_REOPENED = "Reopened"
STATUS_OPEN = "Still closed at last report"
STATUS_UNKNOWN = "Reopening date not reported"
FY_AXIS = "Pakistan's fiscal year (July–June)"
FLOW_LABELS = {
    "exports_to_afghanistan": "Pakistan's exports to Afghanistan",
    "imports_from_afghanistan": "Pakistan's imports from Afghanistan",
    "total_bilateral": "Total bilateral trade",
    "transit_trade": "Afghan transit trade through Pakistan",
}
TO_USD_MILLION = {"USD million": 1.0, "USD billion": 1000.0}
LAST_YEAR = 2025  # days-per-year chart stops at the last full year the data cover


def short_name(name: str) -> str:
    """'Torkham (gate named Bab-e-Pakistan)' -> 'Torkham'."""
    return str(name).split(" (")[0].strip()


def _fmt_date(value) -> str:
    return "" if pd.isna(value) else pd.Timestamp(value).strftime("%-d %b %Y")


# --- Sources ------------------------------------------------------------------------

def _source_date(text) -> pd.Timestamp | None:
    """A sources.csv date (YYYY-MM-DD, YYYY-MM or YYYY) as its earliest possible day."""
    if text is None or pd.isna(text) or not str(text).strip():
        return None
    text = str(text).strip()
    fmt = {10: "%Y-%m-%d", 7: "%Y-%m", 4: "%Y"}.get(len(text))
    if fmt is None:
        return None
    try:
        return pd.to_datetime(text, format=fmt)
    except ValueError:
        return None


def latest_source_date(source_ids: str, sources: pd.DataFrame) -> pd.Timestamp | None:
    """The date of the most recent source a row cites (None if none is dated)."""
    table = sources.set_index("source_id")
    dates = [_source_date(table.loc[sid, "date"]) for sid in data.split_ids(source_ids) if sid in table.index]
    dates = [d for d in dates if d is not None]
    return max(dates) if dates else None


@lru_cache(maxsize=1)
def _publishers() -> dict[str, str]:
    table = data.load("sources")
    return dict(zip(table["source_id"], table["publisher"].astype(str)))


def publisher(source_id: str) -> str:
    return _publishers().get(source_id, source_id)


def subtitle(frame: pd.DataFrame, what: str, file: str, top_n: int = 3) -> list[str]:
    """Chart subtitle: what it shows, then the source line.

    charts.source_line names every publisher; a chart drawn from dozens of reports would get
    an unreadable subtitle, so past a few publishers it names the file, the count and the
    most-cited publishers, and points to the Sources list at the end of the lesson.
    """
    cited = data.sources_for(frame)
    line = charts.source_line(cited["source_id"], cite=publisher)
    if len(line) <= 110:
        return [what, line]
    counts: dict[str, int] = {}
    for value in frame["source_ids"]:
        for sid in data.split_ids(value):
            name = publisher(sid)
            counts[name] = counts.get(name, 0) + 1
    top = sorted(counts, key=lambda k: (-counts[k], k))[:top_n]
    most = f", most often {', '.join(top)}" if top else ""
    return [what, f"Source: {file}: {len(cited)} reports by {len(counts)} publishers{most} (all listed under Sources)"]


# --- Crossings and closures -------------------------------------------------------------

@lru_cache(maxsize=1)
def _all_episodes() -> pd.DataFrame:
    crossings, closures, _trade, sources = _frames()
    return episodes(closures, crossings, sources)


@lru_cache(maxsize=1)
def _frames() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    return data.load("crossings"), data.load("border_closures"), data.load("trade"), data.load("sources")


def crossing_labels(crossings: pd.DataFrame) -> dict[str, str]:
    return {row.crossing_id: short_name(row.name_pakistan) for row in crossings.itertuples()}


def all_means(crossings: pd.DataFrame) -> list[str]:
    return [cid for cid in crossings["crossing_id"] if cid not in NOT_IN_ALL]


def _mid_month(date: pd.Timestamp) -> pd.Timestamp:
    return date.replace(day=15)


def end_is_unknown(note) -> bool:
    """An empty end_date whose note says the end is unknown (rather than still closed)."""
    text = "" if note is None or pd.isna(note) else str(note).lower()
    return "end date unknown" in text or "end is unknown" in text


def episodes(closures: pd.DataFrame, crossings: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """One row per closure episode, with the dates the lesson draws and counts.

    start / end_excl: the counted span [start, end_excl); draw_end: where the bar ends.
    """
    rows = []
    for row in closures.itertuples():
        start = row.start_date
        start_note = ""
        if row.start_precision == "month":
            start = _mid_month(start)
            start_note = "start known only to the month (counted from the 15th)"
        last_report = latest_source_date(row.source_ids, sources)
        if pd.notna(row.end_date):
            end = row.end_date
            end_note = ""
            if row.end_precision == "month":
                end = max(_mid_month(end), start)
                end_note = "reopening known only to the month (counted to the 15th)"
            status, end_excl, draw_end = STATUS_REOPENED, end, end
        elif end_is_unknown(row.note):
            status, end_excl, draw_end = STATUS_UNKNOWN, start, start
            end_note = "no source read gives a reopening date; no days counted"
        else:
            status = STATUS_OPEN
            draw_end = last_report if last_report is not None and last_report >= start else start
            end_excl = draw_end + pd.Timedelta(days=1)
            end_note = f"still closed in the latest source cited ({_fmt_date(draw_end)})"
        rows.append({
            "closure_id": row.closure_id, "crossing_ids": row.crossing_ids,
            "start": start, "end_excl": end_excl, "draw_end": draw_end,
            "days": int((end_excl - start).days), "status": status,
            "closed_by": CLOSED_BY.get(str(row.closed_by), str(row.closed_by)),
            "reason": row.reason, "note": row.note, "source_ids": row.source_ids,
            "dating": "; ".join(p for p in (start_note, end_note) if p) or "dates as reported",
            "last_report": last_report,
        })
    return pd.DataFrame(rows)


def episode_rows(eps: pd.DataFrame, crossings: pd.DataFrame) -> pd.DataFrame:
    """Episodes placed on timeline rows: 'All crossings', or one row per named crossing."""
    labels = crossing_labels(crossings)
    out = []
    for row in eps.itertuples(index=False):
        ids = data.split_ids(row.crossing_ids)
        targets = [ALL_ROW] if ids == ["all"] else [labels.get(i, i) for i in ids]
        for target in targets:
            out.append({**row._asdict(), "row": target})
    return pd.DataFrame(out)


def closures_for(crossing_id: str, closures: pd.DataFrame) -> pd.DataFrame:
    """Closure rows that shut `crossing_id`, by name or as part of 'all'."""
    if crossing_id in NOT_IN_ALL:
        mask = closures["crossing_ids"].map(lambda v: crossing_id in data.split_ids(v))
    else:
        mask = closures["crossing_ids"].map(lambda v: crossing_id in data.split_ids(v) or data.split_ids(v) == ["all"])
    return closures[mask.astype(bool)]


def days_closed(eps: pd.DataFrame, crossings: pd.DataFrame, last_year: int = LAST_YEAR) -> pd.DataFrame:
    """Days each crossing was closed in each year: the union of its episodes (no day counted twice)."""
    labels = crossing_labels(crossings)
    everyone = all_means(crossings)
    days: dict[str, set] = {}
    for row in eps.itertuples():
        if row.days <= 0:
            continue
        ids = data.split_ids(row.crossing_ids)
        ids = everyone if ids == ["all"] else ids
        span = pd.date_range(row.start, row.end_excl - pd.Timedelta(days=1), freq="D")
        for cid in ids:
            days.setdefault(cid, set()).update(span)
    first_year = min((min(s).year for s in days.values()), default=last_year)
    out = []
    for cid in [c for c in crossings["crossing_id"] if c in days]:
        years = pd.Series(sorted(days[cid])).dt.year.value_counts()
        for year in range(first_year, last_year + 1):
            out.append({"crossing_id": cid, "crossing": labels[cid], "year": year,
                        "days": int(years.get(year, 0))})
    return pd.DataFrame(out)


def _timeline_layers(rows: pd.DataFrame, order: list[str], width: int, height: int,
                     domain: tuple[str, str] | None = None, **props) -> alt.LayerChart:
    return _timeline_chart(_timeline_frame(rows), order, width, height, domain, **props)


def _timeline_frame(rows: pd.DataFrame) -> pd.DataFrame:
    """The columns a timeline draws: ISO dates for the axis, readable dates and flags for the labels."""
    frame = rows.assign(start_s=rows["start"].dt.strftime("%Y-%m-%d"),
                        end_s=rows["draw_end"].dt.strftime("%Y-%m-%d"),
                        start_label=rows["start"].map(_fmt_date),
                        end_label=[_fmt_date(e) if s != STATUS_UNKNOWN else "not reported"
                                   for e, s in zip(rows["draw_end"], rows["status"])],
                        flag=rows["status"].map({STATUS_OPEN: "◀ still closed at last report",
                                                 STATUS_UNKNOWN: "reopening date not reported ▶"}).fillna(""))
    return frame[["row", "start_s", "end_s", "start_label", "end_label", "days", "status", "closed_by",
                  "reason", "dating", "flag"]]


def _timeline_chart(frame: pd.DataFrame, order: list[str], width: int, height: int,
                    domain: tuple[str, str] | None = None, **props) -> alt.LayerChart:
    scale = alt.Scale(domain=list(domain)) if domain else alt.Undefined
    x = alt.X("start_s:T", title="Date (closure start to reopening)", scale=scale,
              axis=alt.Axis(format="%Y", labelAngle=0, tickCount={"interval": "year", "step": 1}))
    y = alt.Y("row:N", sort=order, title=None, axis=alt.Axis(labelLimit=200))
    colour = alt.Color("closed_by:N", title="Closed by (as reported)",
                       scale=alt.Scale(domain=list(CLOSED_BY_COLOURS), range=list(CLOSED_BY_COLOURS.values())),
                       legend=alt.Legend(orient="bottom", columns=3, labelLimit=260))
    tooltip = [alt.Tooltip("row:N", title="Crossing"), alt.Tooltip("start_label:N", title="Closed"),
               alt.Tooltip("end_label:N", title="Reopened / drawn to"), alt.Tooltip("status:N", title="Status"),
               alt.Tooltip("days:Q", title="Days counted"), alt.Tooltip("closed_by:N", title="Closed by"),
               alt.Tooltip("reason:N", title="Why (as reported)"), alt.Tooltip("dating:N", title="How dated")]
    base = alt.Chart(frame).encode(y=y, tooltip=tooltip)
    bars = base.mark_bar(height=14, opacity=0.9).encode(x=x, x2="end_s:T", color=colour)
    open_bars = base.transform_filter(alt.datum.status == STATUS_OPEN).mark_bar(
        height=14, fill="white", fillOpacity=0.45, stroke="#000000", strokeDash=[4, 3], strokeWidth=1.2
    ).encode(x=x, x2="end_s:T")
    starts = base.mark_point(shape="diamond", size=70, filled=True, opacity=1).encode(x=x, color=colour)
    flags_open = base.transform_filter(alt.datum.status == STATUS_OPEN).mark_text(
        align="right", dy=-13, fontSize=11, color="#222222").encode(
        x=alt.X("end_s:T", scale=scale), text="flag:N")
    flags_unknown = base.transform_filter(alt.datum.status == STATUS_UNKNOWN).mark_text(
        align="left", dx=8, fontSize=11, color="#222222").encode(x=x, text="flag:N")
    # Title and description go in with the layer: each later .properties() call copies the chart.
    return alt.layer(bars, open_bars, starts, flags_open, flags_unknown, width=width, height=height, **props)


def closure_timeline(closures: pd.DataFrame, crossings: pd.DataFrame, sources: pd.DataFrame) -> alt.LayerChart:
    """Every closure episode as a bar, one row per crossing (and one for 'all crossings')."""
    eps = episodes(closures, crossings, sources)
    rows = episode_rows(eps, crossings)
    labels = crossing_labels(crossings)
    order = [ALL_ROW] + [labels[c] for c in crossings["crossing_id"] if labels[c] in set(rows["row"])]
    n_open = int((eps["status"] == STATUS_OPEN).sum())
    last = eps.loc[eps["status"] == STATUS_OPEN, "draw_end"].max()
    chart = _timeline_layers(rows, order, width=640, height=44 * len(order))
    return chart.properties(
        title=alt.Title("Every recorded closure of the Pakistan–Afghanistan crossings since 2014",
                        subtitle=subtitle(closures, f"{len(eps)} episodes; dashed outline = still closed at the "
                                                    f"last report (latest: {_fmt_date(last)})",
                                          "border_closures.csv")),
        description=(f"Timeline with one row per crossing plus a row for closures of all crossings at once. "
                     f"Each of the {len(eps)} closure episodes is a bar from the day it closed to the day it "
                     f"reopened, coloured by who closed it, with a diamond at its start. {n_open} episodes had "
                     f"not ended at the latest report and are drawn to that report's date with a dashed outline; "
                     f"one (Angoor Adda, 2016) has no reported end and is shown by its start only."))


def days_heatmap(closures: pd.DataFrame, crossings: pd.DataFrame, sources: pd.DataFrame) -> alt.LayerChart:
    """Days closed per year and crossing, as a labelled grid."""
    table = days_closed(episodes(closures, crossings, sources), crossings)
    order = list(dict.fromkeys(table["crossing"]))
    frame = table.assign(year_s=table["year"].astype(str),
                         label=table["days"].map(lambda d: str(d) if d else "·"))
    top = int(table["days"].max())
    base = alt.Chart(frame).encode(
        x=alt.X("year_s:O", title="Calendar year", axis=alt.Axis(labelAngle=0)),
        y=alt.Y("crossing:N", sort=order, title=None),
        tooltip=[alt.Tooltip("crossing:N", title="Crossing"), alt.Tooltip("year_s:N", title="Year"),
                 alt.Tooltip("days:Q", title="Days closed")])
    cells = base.mark_rect(stroke="white", strokeWidth=1).encode(
        color=alt.condition(alt.datum.days == 0, alt.value("#f4f4f4"),
                            alt.Color("days:Q", title="Days closed (days)",
                                      scale=alt.Scale(scheme="oranges", domain=[0, 366]),
                                      legend=alt.Legend(orient="bottom", gradientLength=240))))
    text = base.mark_text(fontSize=12).encode(
        text="label:N",
        color=alt.condition(alt.datum.days > 200, alt.value("white"), alt.value("#222222")))
    years = f"{table['year'].min()}–{table['year'].max()}"
    return alt.layer(cells, text).properties(
        width=640, height=46 * len(order),
        title=alt.Title(f"How many days each crossing was closed, {years}",
                        subtitle=subtitle(closures, "Days closed in each calendar year; a day counts once even when "
                                                    "two closures overlap", "border_closures.csv")),
        description=(f"Grid of crossings by year. Each cell gives the number of days that crossing was closed in "
                     f"that year (a dot means none), from 0 to {top}. Ghulam Khan was shut for all of "
                     f"2015, 2016 and 2017; every crossing was shut for the last months of 2025."))


# --- Trade -------------------------------------------------------------------------------

def trade_values(trade: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Trade rows (no claimed losses) with a value, in USD million, each with a weak-copy flag."""
    weak_ids = set(sources.loc[sources["caution"].fillna(False).astype(bool), "source_id"])
    rows = trade[(trade["flow"] != "claimed_loss") & trade["value"].notna() & trade["unit"].isin(list(TO_USD_MILLION))]
    rows = rows.copy()
    rows["usd_million"] = [float(v) * TO_USD_MILLION[u] for v, u in zip(rows["value"], rows["unit"])]
    # Weak: every source the row cites is a weaker copy (sources.csv `caution`).
    rows["weak"] = rows["source_ids"].map(lambda v: all(s in weak_ids for s in data.split_ids(v)))
    rows["flow"] = rows["flow"].astype(str)
    rows["order"] = range(len(rows))
    return rows


def _fy_number(period: str) -> int:
    return int(str(period)[2:6])


def fiscal_year_series(trade: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Fiscal-year exports and imports, one row per trade.csv row, with line segments (`run`)
    that never join two different bodies and never bridge a missing year."""
    rows = trade_values(trade, sources)
    rows = rows[(rows["period_type"] == "fiscal_year")
                & rows["flow"].isin(["exports_to_afghanistan", "imports_from_afghanistan"])].copy()
    rows["fy"] = rows["period"].map(_fy_number)
    # The line passes through the last-listed value where one body has two (a revision).
    rows["on_line"] = ~rows.duplicated(["data_source", "flow", "fy"], keep="last")
    runs = []
    for (_source, _flow), group in rows.sort_values("fy").groupby(["data_source", "flow"], sort=False):
        run, previous = 0, None
        for idx, fy in zip(group.index, group["fy"]):
            if previous is not None and fy != previous and fy != previous + 1:
                run += 1
            runs.append((idx, run))
            previous = fy
    rows["run"] = pd.Series(dict(runs))
    rows["series"] = rows["data_source"] + " · " + rows["flow"] + " · " + rows["run"].astype(str)
    return rows.sort_values(["flow", "data_source", "fy"])


def trade_by_fiscal_year(trade: pd.DataFrame, sources: pd.DataFrame) -> alt.FacetChart:
    rows = fiscal_year_series(trade, sources)
    frame = rows.assign(fy_label=rows["period"].astype(str),
                        flow_label=rows["flow"].map(FLOW_LABELS),
                        weak_label=rows["weak"].map({True: "yes: check against stronger reports", False: "no"}),
                        note=rows["note"].fillna(""))
    frame = frame[["fy_label", "flow_label", "data_source", "usd_million", "weak_label", "note", "series",
                   "on_line"]]
    fys = [f"FY{y}" for y in range(rows["fy"].min(), rows["fy"].max() + 1)]
    sources_order = list(dict.fromkeys(rows["data_source"]))
    x = alt.X("fy_label:O", title=FY_AXIS, scale=alt.Scale(domain=fys), axis=alt.Axis(labelAngle=-45))
    y = alt.Y("usd_million:Q", title="Value (USD million)")
    colour = alt.Color("data_source:N", title="Whose figure", scale=alt.Scale(domain=sources_order),
                       legend=alt.Legend(orient="bottom", columns=2, labelLimit=320))
    lines = alt.Chart().transform_filter("datum.on_line").mark_line(strokeWidth=2).encode(
        x=x, y=y, color=colour, detail="series:N")
    points = alt.Chart().mark_point(filled=True, size=60).encode(
        x=x, y=y, color=colour,
        tooltip=[alt.Tooltip("flow_label:N", title="Flow"), alt.Tooltip("fy_label:N", title="Fiscal year"),
                 alt.Tooltip("data_source:N", title="Whose figure"),
                 alt.Tooltip("usd_million:Q", title="USD million", format=",.1f"),
                 alt.Tooltip("weak_label:N", title="Weaker copy?"), alt.Tooltip("note:N", title="Note")])
    cited = rows
    return alt.layer(lines, points, data=frame).properties(width=300, height=260).facet(
        column=alt.Column("flow_label:N", title=None, header=alt.Header(labelFontSize=13, labelFontWeight="bold"),
                          sort=[FLOW_LABELS["exports_to_afghanistan"], FLOW_LABELS["imports_from_afghanistan"]]),
    ).properties(
        title=alt.Title("Pakistan–Afghanistan trade by fiscal year: each body's own series",
                        subtitle=subtitle(cited, "Lines join one body's figures in consecutive years; "
                                                 "different bodies measure different things, so never add them",
                                          "trade.csv")),
        description=("Two panels, exports from Pakistan to Afghanistan and imports into Pakistan, by fiscal year "
                     "(July to June), in USD million. Each colour is one body's figures: the State Bank of "
                     "Pakistan's payments-based series runs far below the customs-based figures of the FBR and "
                     "Pakistan Customs for the same years, above all for imports."))


def transit_kind(note) -> str | None:
    """What a transit_trade row counts, from its note; None for a row that is not total transit."""
    text = "" if note is None or pd.isna(note) else str(note).lower()
    if "not total transit" in text:
        return None
    if "forward cargo only" in text or "(forward cargo)" in text:
        return "Into Afghanistan only (forward cargo)"
    return "Both directions (as reported)"


def transit_series(trade: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    rows = trade_values(trade, sources)
    rows = rows[(rows["flow"] == "transit_trade") & (rows["period_type"] == "fiscal_year")].copy()
    rows["counts"] = rows["note"].map(transit_kind)
    return rows[rows["counts"].notna()]


def transit_by_fiscal_year(trade: pd.DataFrame, sources: pd.DataFrame) -> alt.Chart:
    rows = transit_series(trade, sources)
    frame = rows.assign(fy_label=rows["period"].astype(str),
                        reported_by=rows["source_ids"].map(lambda v: "; ".join(publisher(s) for s in data.split_ids(v))),
                        weak_label=rows["weak"].map({True: "yes: check against stronger reports", False: "no"}),
                        note=rows["note"].fillna(""))
    frame = frame[["fy_label", "usd_million", "counts", "data_source", "reported_by", "weak_label", "note"]]
    fys = [f"FY{y}" for y in range(rows["period"].map(_fy_number).min(), rows["period"].map(_fy_number).max() + 1)]
    kinds = ["Both directions (as reported)", "Into Afghanistan only (forward cargo)"]
    return alt.Chart(frame).mark_point(filled=True, size=110, opacity=0.9).encode(
        x=alt.X("fy_label:O", title=FY_AXIS, scale=alt.Scale(domain=fys), axis=alt.Axis(labelAngle=0)),
        y=alt.Y("usd_million:Q", title="Transit trade (USD million)"),
        color=alt.Color("counts:N", title="What the figure counts", scale=alt.Scale(domain=kinds),
                        legend=alt.Legend(orient="bottom", labelLimit=320)),
        shape=alt.Shape("counts:N", scale=alt.Scale(domain=kinds, range=["circle", "triangle-down"]),
                        legend=None),
        tooltip=[alt.Tooltip("fy_label:N", title="Fiscal year"),
                 alt.Tooltip("usd_million:Q", title="USD million", format=",.0f"),
                 alt.Tooltip("counts:N", title="Counts"), alt.Tooltip("data_source:N", title="Whose figure"),
                 alt.Tooltip("reported_by:N", title="Reported by"),
                 alt.Tooltip("weak_label:N", title="Weaker copy?"), alt.Tooltip("note:N", title="Note")],
    ).properties(
        width=560, height=260,
        title=alt.Title("Afghan transit trade through Pakistan, by fiscal year",
                        subtitle=subtitle(rows, "Goods for (or from) landlocked Afghanistan moving through "
                                                "Pakistan; two FY2023 reports disagree", "trade.csv")),
        description=("Dot chart of Afghan transit trade through Pakistan in USD million by fiscal year, from "
                     "Pakistani customs figures and the Pakistani embassy in Kabul. Triangles count only goods "
                     "going into Afghanistan; circles count both directions. Transit fell from about 7 billion "
                     "in FY2023 to under 1 billion of forward cargo in FY2025."))


def collapse_pairs(trade: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Monthly, quarterly and fiscal-year-to-date figures for July–December 2025 next to the same
    period a year earlier, from the same body (one flow per body: the total where the body gives
    one, else exports)."""
    rows = trade_values(trade, sources)
    rows = rows[rows["period_type"].isin(["month", "quarter", "fiscal_ytd"])].copy()
    rows = rows[rows["flow"].isin(["total_bilateral", "exports_to_afghanistan", "imports_from_afghanistan"])]

    def later_key(row) -> str | None:
        p = str(row.period)
        if row.period_type == "month" and p >= "2025-07":
            return f"{int(p[:4]) - 1}{p[4:]}"
        if row.period_type in ("quarter", "fiscal_ytd") and p.startswith("FY2026"):
            return "FY2025" + p[6:]
        return None

    out = []
    for row in rows.itertuples():
        earlier_label = later_key(row)
        if earlier_label is None:
            continue
        match = rows[(rows["period"] == earlier_label) & (rows["flow"] == row.flow)
                     & (rows["data_source"] == row.data_source)]
        if match.empty:
            continue
        # A revision: prefer the earlier-year figure from the same report as the later one.
        mine = set(data.split_ids(row.source_ids))
        shared = match.loc[match["source_ids"].map(lambda v: bool(mine & set(data.split_ids(v)))).astype(bool)]
        before = (shared if not shared.empty else match).iloc[-1]
        out.append({"data_source": row.data_source, "flow": row.flow, "period_type": row.period_type,
                    "period_later": row.period, "period_earlier": before["period"],
                    "later": row.usd_million, "earlier": before["usd_million"], "end": row.period_end,
                    "weak": bool(row.weak or before["weak"]),
                    "source_ids": ";".join(dict.fromkeys(data.split_ids(row.source_ids)
                                                         + data.split_ids(before["source_ids"])))})
    pairs = pd.DataFrame(out)
    # One flow per body and period: the total where there is one.
    pairs["has_total"] = pairs.groupby(["data_source", "period_later"])["flow"].transform(
        lambda f: (f == "total_bilateral").any())
    pairs = pairs[(pairs["flow"] == "total_bilateral") | (~pairs["has_total"] & (pairs["flow"] == "exports_to_afghanistan"))]
    pairs["change_pct"] = (pairs["later"] / pairs["earlier"] - 1) * 100
    pairs["label"] = [_pair_label(r) for r in pairs.itertuples()]
    order = {"month": 0, "quarter": 1, "fiscal_ytd": 2}
    pairs["sort"] = [(p[-5:] if t == "month" else p) for p, t in zip(pairs["period_later"], pairs["period_type"])]
    pairs = pairs.assign(kind=pairs["period_type"].map(order)).sort_values(["kind", "end", "data_source"])
    return pairs.drop(columns=["has_total", "kind", "sort", "end"]).reset_index(drop=True)


MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
SHORT_SOURCE = {"FBR/Pakistan Customs": "FBR/Customs", "Pakistan Ministry of Commerce": "Ministry of Commerce",
                "Pakistan official (unnamed source)": "unnamed official", "SBP": "SBP"}


def _pair_label(row) -> str:
    p = str(row.period_later)
    if row.period_type == "month":
        when = MONTHS[int(p[5:7]) - 1]
    elif row.period_type == "quarter":
        when = "Jul–Sep"
    else:
        when = p.split(" ", 1)[1].replace("-", "–")
    what = "" if row.flow == "total_bilateral" else ", exports only"
    weak = " *" if row.weak else ""
    return f"{when} ({SHORT_SOURCE.get(row.data_source, row.data_source)}{what}){weak}"


def collapse_chart(trade: pd.DataFrame, sources: pd.DataFrame) -> alt.LayerChart:
    pairs = collapse_pairs(trade, sources)
    long = pairs.melt(id_vars=["label", "change_pct", "data_source", "period_earlier", "period_later"],
                      value_vars=["earlier", "later"], var_name="when", value_name="usd_million")
    long["year"] = long["when"].map({"earlier": "Same period a year earlier (2024)",
                                     "later": "2025 (FY2026)"})
    long["period"] = np.where(long["when"] == "earlier", long["period_earlier"], long["period_later"])
    long["change"] = long["change_pct"].map(lambda v: f"{v:+.0f}%")
    frame = long[["label", "year", "usd_million", "change", "data_source", "period"]]
    order = list(pairs["label"])
    years = ["Same period a year earlier (2024)", "2025 (FY2026)"]
    base = alt.Chart(frame).encode(y=alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=320)))
    bars = base.mark_bar(height=11).encode(
        x=alt.X("usd_million:Q", title="Trade in the period (USD million)"),
        yOffset=alt.YOffset("year:N", sort=years),
        color=alt.Color("year:N", title=None, sort=years,
                        scale=alt.Scale(domain=years, range=["#999999", charts.PALETTE[1]]),
                        legend=alt.Legend(orient="bottom", labelLimit=320)),
        tooltip=[alt.Tooltip("label:N", title="Period (whose figure)"), alt.Tooltip("period:N", title="Period"),
                 alt.Tooltip("data_source:N", title="Whose figure"),
                 alt.Tooltip("usd_million:Q", title="USD million", format=",.1f"),
                 alt.Tooltip("change:N", title="Change on a year earlier")])
    labels = base.transform_filter(alt.datum.year == years[1]).mark_text(align="left", dx=4, dy=6).encode(
        x="usd_million:Q", text="change:N")
    return alt.layer(bars, labels).properties(
        width=520, height=36 * len(order),
        title=alt.Title("The 2025 collapse: the same months, one year apart",
                        subtitle=subtitle(pairs, "Each pair comes from one body; labels give the change on a year "
                                                 "earlier. * rests on a weaker copy", "trade.csv")),
        description=(f"Paired horizontal bars for {len(order)} periods in 2025, each beside the same period of "
                     f"2024 from the same body, in USD million. July to September 2025 was close to a year "
                     f"earlier; October and the July–December totals, which include the closure from 11 October, "
                     f"fell by about half or more."))


def claimed_losses(trade: pd.DataFrame, since: str = "2025-01-01") -> pd.DataFrame:
    """Losses claimed during closures: claims, never trade values."""
    rows = trade[(trade["flow"] == "claimed_loss") & (trade["period_start"] >= pd.Timestamp(since))]
    return rows


# --- The crossing explorer -----------------------------------------------------------------

MAP_COUNTRIES = ("Afghanistan", "Pakistan")


def _thin_arc(arc: list, keep_every: int) -> list:
    """Keep the ends and every n-th point of a delta-encoded (quantised) TopoJSON arc."""
    points, x, y = [], 0, 0
    for dx, dy in arc:
        x, y = x + dx, y + dy
        points.append((x, y))
    kept = [p for i, p in enumerate(points) if i % keep_every == 0 or i == len(points) - 1]
    out, px, py = [], 0, 0
    for x, y in kept:
        out.append([x - px, y - py])
        px, py = x, y
    return out


def light_map(topo: dict, keep=MAP_COUNTRIES, keep_every: int = 4) -> dict:
    """The region TopoJSON cut down to `keep`, with only the arcs those shapes use, thinned to
    every `keep_every`-th point (shared arcs are thinned once, so neighbours still meet)."""
    geoms = [g for g in topo["objects"]["countries"]["geometries"] if g.get("properties", {}).get("name") in keep]
    used: dict[int, int] = {}

    def collect(node):
        if isinstance(node, list):
            for item in node:
                collect(item)
        else:
            used.setdefault(node if node >= 0 else ~node, len(used))

    def remap(node):
        if isinstance(node, list):
            return [remap(item) for item in node]
        new = used[node if node >= 0 else ~node]
        return new if node >= 0 else ~new

    for g in geoms:
        collect(g["arcs"])
    quantised = "transform" in topo
    arcs = [None] * len(used)
    for old, new in used.items():
        arcs[new] = _thin_arc(topo["arcs"][old], keep_every) if quantised else topo["arcs"][old]
    out = {"type": "Topology", "arcs": arcs,
           "objects": {"countries": {"type": "GeometryCollection",
                                     "geometries": [{"type": g["type"], "properties": {"name": g["properties"]["name"]},
                                                     "arcs": remap(g["arcs"])} for g in geoms]}}}
    if quantised:
        out["transform"] = topo["transform"]
    return out


@lru_cache(maxsize=1)
def _map_values() -> dict:
    topo = light_map(data.read_json("region_map"))
    # A tuple is serialised like a list, but Altair's chart copies pass it by reference, which
    # keeps the explorer fast (Altair deep-copies nested lists on every chart operation).
    topo["arcs"] = tuple(tuple(tuple(p) for p in arc) for arc in topo["arcs"])
    return topo


def has_coordinates(row) -> bool:
    return all(pd.notna(row.get(k)) for k in ("lat", "lon"))


def crossing_map(crossings: pd.DataFrame, selected: str | None = None) -> alt.LayerChart:
    """Afghanistan and Pakistan with every crossing that has coordinates; `selected` highlighted."""
    topo = _map_values()
    labels = crossing_labels(crossings)
    placed = crossings[crossings["lat"].notna() & crossings["lon"].notna()]
    points = pd.DataFrame({"crossing": [labels[c] for c in placed["crossing_id"]],
                           "lat": placed["lat"].astype(float), "lon": placed["lon"].astype(float),
                           "chosen": [c == selected for c in placed["crossing_id"]],
                           "province": [f"{p} (Pakistan) / {a} (Afghanistan)" for p, a in
                                        zip(placed["pakistan_province"].fillna("?"),
                                            placed["afghanistan_province"].fillna("?"))]})
    countries = alt.Chart(alt.Data(values=topo, format=alt.DataFormat(type="topojson", feature="countries"))
                          ).mark_geoshape(stroke="white", strokeWidth=1).encode(
        color=alt.Color("properties.name:N", title="Country",
                        scale=alt.Scale(domain=list(MAP_COUNTRIES), range=["#f3d3bd", "#c8dcef"]),
                        legend=alt.Legend(orient="right")),
        tooltip=[alt.Tooltip("properties.name:N", title="Country")]).project(type="mercator")
    dots = alt.Chart(points).mark_point(filled=True, stroke="black", strokeWidth=1).encode(
        longitude="lon:Q", latitude="lat:Q",
        size=alt.condition(alt.datum.chosen, alt.value(220), alt.value(70)),
        fill=alt.condition(alt.datum.chosen, alt.value(charts.PALETTE[1]), alt.value("#555555")),
        shape=alt.condition(alt.datum.chosen, alt.value("diamond"), alt.value("circle")),
        tooltip=[alt.Tooltip("crossing:N", title="Crossing"), alt.Tooltip("province:N", title="Provinces"),
                 alt.Tooltip("lat:Q", title="Latitude (°)", format=".3f"),
                 alt.Tooltip("lon:Q", title="Longitude (°)", format=".3f")]).project(type="mercator")
    names = alt.Chart(points).mark_text(align="left", dx=9, fontSize=12, fontWeight="bold").encode(
        longitude="lon:Q", latitude="lat:Q", text="crossing:N").project(type="mercator")
    name = labels.get(selected, "")
    placed_note = (f"{name} highlighted" if selected in set(placed["crossing_id"]) else
                   f"{name} has no coordinates in crossings.csv, so it is not on the map" if name else "")
    return alt.layer(countries, dots, names).properties(
        width=300, height=280,
        title=alt.Title("Where the crossing is",
                        subtitle=[f"{len(points)} of {len(crossings)} crossings have coordinates; {placed_note}",
                                  "Map: Natural Earth via world-atlas; the Durand Line is drawn as the border, "
                                  "which Afghan governments do not recognise"]),
        description=(f"Map of Afghanistan and Pakistan with the {len(points)} crossings that have coordinates as "
                     f"dots; {placed_note or 'no crossing selected'}."))


def _coordinates_key(crossings: pd.DataFrame) -> tuple:
    return tuple((r.crossing_id, None if pd.isna(r.lat) else float(r.lat), None if pd.isna(r.lon) else float(r.lon))
                 for r in crossings.itertuples())


@lru_cache(maxsize=32)
def _cached_map(selected: str, _key: tuple) -> alt.LayerChart:
    """crossing_map for the explorer, built once per crossing (the key changes if coordinates do)."""
    return crossing_map(_frames()[0], selected)


def _summary_html(crossing: pd.Series, eps: pd.DataFrame, years: tuple[int, int], all_eps: int) -> str:
    name = short_name(crossing["name_pakistan"])
    afghan = crossing.get("name_afghanistan")
    sides = (f"{html.escape(str(crossing.get('pakistan_side_district') or '?'))}, "
             f"{html.escape(str(crossing.get('pakistan_province') or '?'))} (Pakistan) ↔ "
             f"{html.escape(str(afghan) if pd.notna(afghan) else '?')}, "
             f"{html.escape(str(crossing.get('afghanistan_province') or '?'))} province (Afghanistan)")
    counted = int(eps["days_in_range"].sum())
    still = eps[eps["status"] == STATUS_OPEN]
    parts = [f"<div class='l04-crossing'><h4>{html.escape(name)}</h4><p>{sides}</p>",
             f"<p><strong>{len(eps)}</strong> closure episode{'s' if len(eps) != 1 else ''} touching "
             f"{years[0]}–{years[1]} (of {all_eps} recorded for this crossing), adding up to "
             f"<strong>{counted}</strong> days closed within those years by the lesson's counting rules.</p>"]
    if not still.empty:
        last = still["draw_end"].max()
        parts.append(f"<p><strong>Still closed at the last report</strong> ({_fmt_date(last)}).</p>")
    if not has_coordinates(crossing):
        parts.append(f"<p class='alliance-note'><em>No map position:</em> crossings.csv has no coordinates for "
                     f"{html.escape(name)} (no page read gave them), so only the timeline is shown.</p>")
    items = "".join(f"<li>{_fmt_date(r.start)}: {html.escape(r.reason)} <small>({html.escape(r.status.lower())}; "
                    f"closed by: {html.escape(r.closed_by)})</small></li>" for r in eps.itertuples())
    parts.append(f"<ul>{items}</ul></div>")
    return "".join(parts)


def _days_in_range(row, lo: pd.Timestamp, hi: pd.Timestamp) -> int:
    start, end = max(row.start, lo), min(row.end_excl, hi)
    return max(0, int((end - start).days))


def crossing_view(crossing: str, years: tuple[int, int]) -> widgets.View:
    """The explorer's view: one crossing's closures between two years, on a map and a timeline."""
    crossings, closures, _trade, sources = _frames()
    known = crossings.set_index("crossing_id")
    if not crossing or crossing not in known.index:
        return widgets.View.empty("choose a crossing from the list, for example Torkham.")
    first, last = sorted(int(y) for y in years)
    lo, hi = pd.Timestamp(f"{first}-01-01"), pd.Timestamp(f"{last + 1}-01-01")
    name = short_name(known.loc[crossing, "name_pakistan"])
    mine = closures_for(crossing, closures)
    if mine.empty:
        return widgets.View.empty(f"border_closures.csv records no closure of {name} (its note says why it "
                                  "handled little or no trade). Try Torkham or Chaman.")
    eps = _all_episodes()
    eps = eps[eps["closure_id"].isin(mine["closure_id"])]
    visible = eps[(eps["start"] < hi) & (eps["draw_end"] >= lo)].copy()
    if visible.empty:
        starts = ", ".join(sorted({str(s.year) for s in eps["start"]}))
        return widgets.View.empty(f"no closure of {name} is recorded between {first} and {last}. Its closures "
                                  f"started in {starts}: widen the year range.")
    visible["days_in_range"] = [_days_in_range(r, lo, hi) for r in visible.itertuples()]
    rows = visible.assign(row=[ALL_ROW if data.split_ids(v) == ["all"] else name for v in visible["crossing_ids"]])
    order = [r for r in (name, ALL_ROW) if r in set(rows["row"])]
    mapped = has_coordinates(known.loc[crossing])
    words = {
        "title": f"Closures of {name}, {first}–{last}",
        "subtitle": subtitle(mine.loc[mine["closure_id"].isin(visible["closure_id"])],
                             "Own closures, and closures of every crossing at once", "border_closures.csv", top_n=0),
        "description": (f"Timeline of the {len(visible)} closures of {name} between {first} and {last}, each a bar "
                        f"from closing to reopening, coloured by who closed it; bars still open at the last report "
                        f"have a dashed outline."),
        "both": (f"Two charts for {name}: a map of Afghanistan and Pakistan with {name} highlighted, and a "
                 f"timeline of its {len(visible)} closures between {first} and {last}.") if mapped else "",
    }
    html_text = _summary_html(known.loc[crossing], visible, (first, last), len(eps))
    chart = _explorer_chart(crossing if mapped else None, _timeline_frame(rows), order, 60 * len(order),
                            (f"{first}-01-01", f"{last}-12-31"), **words)
    return widgets.View(html=html_text, chart=chart)


def crossing_chart(selected: str | None, frame: pd.DataFrame, order: list[str], height: int,
                   domain: tuple[str, str], title: str, subtitle: list[str], description: str,
                   both: str) -> alt.TopLevelMixin:
    """The explorer's chart built with Altair: the map of `selected` (None: no map) above its timeline.

    This is the definition of the chart; the explorer draws the same spec from a template
    (`_explorer_chart`), and the tests check the two agree."""
    timeline = _timeline_chart(frame, order, width=560, height=height, domain=domain,
                               title=alt.Title(title, subtitle=subtitle), description=description)
    if selected is None:
        return timeline
    return alt.vconcat(_cached_map(selected, _coordinates_key(_frames()[0])), timeline,
                       resolve=alt.Resolve(scale=alt.ScaleResolveMap(color="independent")), description=both)


@lru_cache(maxsize=16)
def _explorer_template(selected: str | None, _key: tuple) -> "_Template":
    """crossing_chart with placeholders, built and validated once per mapped crossing (and once for
    every crossing without a map); `_key` (the crossings' coordinates and the Altair theme) changes
    if either does, so the template is built anew."""
    return _Template.build(lambda frame: crossing_chart(
        selected, frame, _holes("order"), _number("height"), (_hole("lo"), _hole("hi")), _hole("title"),
        _holes("subtitle"), _hole("description"), _hole("both")))


def _explorer_chart(selected: str | None, frame: pd.DataFrame, order: list[str], height: int,
                    domain: tuple[str, str], **words) -> alt.TopLevelMixin:
    """crossing_chart's chart, drawn from a template (a few ms instead of 60–160 ms)."""
    if not _templates_apply():
        return crossing_chart(selected, frame, order, height, domain, **words)
    template = _explorer_template(selected, (_coordinates_key(_frames()[0]), alt.theme.active))
    return template.chart(frame, order=order, height=height, lo=domain[0], hi=domain[1], **words)


# --- Charts from templates ---------------------------------------------------------------------
#
# Explorer charts come from templates (see alliance/chart_templates.py and benchmarks/PROFILING.md).


def year_bounds() -> tuple[int, int]:
    _c, closures, _t, _s = _frames()
    return int(closures["start_date"].dt.year.min()), LAST_YEAR + 1


def explorer():
    import ipywidgets as w

    crossings, *_ = _frames()
    options = [(short_name(r.name_pakistan), r.crossing_id) for r in crossings.itertuples()]
    lo, hi = year_bounds()
    controls = {
        "crossing": w.Dropdown(options=options, value="torkham", description="Crossing:",
                               style={"description_width": "initial"}, layout=w.Layout(width="280px")),
        "years": w.IntRangeSlider(value=(2021, hi), min=lo, max=hi, step=1, description="Years:",
                                  continuous_update=False, style={"description_width": "initial"},
                                  layout=w.Layout(width="420px")),
    }
    return widgets.explorer(controls, crossing_view,
                            "Pick a crossing (Tab to the list, then type its first letter or use the arrow keys) "
                            "and a range of years (Tab to a slider handle, then the arrow keys). The map shows "
                            "where the crossing is, when its position is known; the timeline shows its closures.")
