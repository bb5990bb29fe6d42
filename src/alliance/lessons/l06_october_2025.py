"""Lesson 06 · October 2025: the clashes day by day, and who claimed what.

Chart builders and the claims explorer. Everything reads course_data/ through
`alliance.data`; nothing here holds a number of its own.
"""

from __future__ import annotations

import html
from functools import lru_cache

import altair as alt
import ipywidgets as w
import pandas as pd

from .. import charts, data, widgets
from ..chart_templates import Template as _Template
from ..chart_templates import hole as _hole
from ..chart_templates import holes as _holes
from ..chart_templates import number as _number
from ..chart_templates import templates_apply as _templates_apply
from ..figures import KIND_OF_CATEGORY, KINDS

START, END = pd.Timestamp("2025-10-01"), pd.Timestamp("2025-12-31")

CLAIMANT_TYPES = ["Pakistani state", "Afghan Taliban", "TTP", "UN/independent", "media tally"]
TYPE_COLOURS = [charts.SIDE_COLOURS["Pakistan"], charts.SIDE_COLOURS["Afghanistan"], charts.SIDE_COLOURS["TTP"],
                charts.SIDE_COLOURS["Independent"], "#E69F00"]
# A second cue besides colour, so the claimant type reads in greyscale too.
TYPE_SHAPES = ["circle", "square", "diamond", "triangle-up", "cross"]

METRICS = {"killed": "Killed", "injured": "Injured", "posts": "Posts captured or destroyed"}
METRIC_AXIS = {"killed": "Deaths claimed (people)", "injured": "Injuries claimed (people)",
               "posts": "Border posts claimed (posts)"}
POST_METRICS = {"posts_captured": "captured", "posts_destroyed": "destroyed"}

# Rows whose figure counts only part of the group named in `subject` (their note says so).
# They stay in every table, but a lowest-to-highest comparison would be misleading with them.
PARTIAL_COUNTS = {
    "c042": "counts the three cricketers only, not everyone killed",
    "c020": "counts wounded women and children only",
}

# Short labels for the timeline, in the course's own words. Events not listed fall back to their title.
SHORT_TITLES = {
    "2025-10-08-orakzai-operation-losses": "Soldiers and officers killed in Orakzai",
    "2025-10-09-kabul-explosions": "Explosions in Kabul",
    "2025-10-10-muttaqi-india-visit": "Taliban foreign minister in New Delhi",
    "2025-10-11-border-clashes": "Border clashes on several fronts",
    "2025-10-11-pakistan-protests-india-afghan-statement": "Pakistan protests India–Afghan statement",
    "2025-10-12-crossings-closed": "Crossings shut; trade halts",
    "2025-10-15-48-hour-ceasefire": "48-hour ceasefire",
    "2025-10-15-kabul-explosion": "Explosion in Kabul",
    "2025-10-15-spin-boldak-fighting": "Fighting around Spin Boldak",
    "2025-10-17-paktika-strikes-cricketers": "Air strikes in Paktika",
    "2025-10-18-doha-ceasefire": "Doha talks: immediate ceasefire",
    "2025-10-24-kurram-waziristan-clashes": "Infiltration clashes, Kurram and N. Waziristan",
    "2025-10-25-istanbul-round-two": "Istanbul round two",
    "2025-11-06-istanbul-round-three-collapse": "Istanbul round three collapses",
    "2025-11-10-wana-cadet-college-attack": "Attack on Cadet College Wana",
    "2025-11-11-islamabad-court-bombing": "Suicide bombing at Islamabad courts",
    "2025-11-12-baradar-trade-directive": "Baradar: find routes other than Pakistan",
    "2025-11-24-peshawar-fc-hq-attack": "Attack on paramilitary HQ, Peshawar",
    "2025-11-25-strikes-khost-kunar-paktika": "Strikes in Khost, Kunar and Paktika",
    "2025-11-30-riyadh-talks": "Talks in Riyadh",
    "2025-12-05-chaman-spin-boldak-clash": "Exchange of fire at Chaman–Spin Boldak",
    "2025-12-10-kabul-ulema-resolution": "Kabul clerics' resolution",
}


# Short names for the claims' incidents, for chart rows. Incidents not listed keep their own words.
INCIDENT_SHORT = {
    "2025-10-01-october-clashes-overall": "October overall (media tallies)",
    "2025-10-08-orakzai-kurram-attack": "8 Oct · Orakzai / Kurram",
    "2025-10-11-border-clashes": "11–12 Oct · Border clashes",
    "2025-10-15-kabul-strikes": "15 Oct · Kabul explosions",
    "2025-10-15-spin-boldak-chaman-clash": "15 Oct · Spin Boldak / Chaman",
    "2025-10-17-paktika-strikes": "17 Oct · Paktika strikes",
    "2025-11-25-khost-kunar-paktika-strikes": "25 Nov · Khost, Kunar, Paktika",
}


# --- Preparing the data -------------------------------------------------------------

def value_text(low, high) -> str:
    """A claim's figure as words: '23', '25–30', '200 or more' (open-ended), or 'no figure'."""
    if pd.isna(low):
        return "no figure"
    low = int(low)
    if pd.isna(high):
        return f"{low} or more"
    high = int(high)
    return f"{low}" if high == low else f"{low}–{high}"


def short_claimant(name: str) -> str:
    """The claimant without its bracketed detail: 'ISPR', 'Zabihullah Mujahid', 'UNAMA'."""
    return str(name).split(" (")[0].split(",")[0].strip()


def prepare_claims(claims: pd.DataFrame) -> pd.DataFrame:
    """claims.csv plus the columns the charts and explorer need."""
    frame = claims.copy()
    frame["incident_date"] = pd.to_datetime(frame["incident_id"].str[:10], format="%Y-%m-%d")
    frame["claimant_type"] = frame["claimant_type"].astype(str)
    frame["metric_group"] = frame["metric"].astype(str).map(
        lambda m: "posts" if m in POST_METRICS else m)
    frame["figure"] = [value_text(lo, hi) for lo, hi in zip(frame["value_low"], frame["value_high"])]
    frame["open_ended"] = frame["value_low"].notna() & frame["value_high"].isna()
    # The top of what each claim says: its upper bound, or its only number.
    frame["top"] = frame["value_high"].fillna(frame["value_low"])
    frame["who"] = frame["claimant"].map(short_claimant)
    frame["partial"] = frame["claim_id"].isin(list(PARTIAL_COUNTS))
    return frame


@lru_cache(maxsize=1)
def _claims() -> pd.DataFrame:
    return prepare_claims(data.load("claims"))


def incidents(claims: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per incident in claims.csv, in date order: id, words, date, number of claims."""
    frame = _claims() if claims is None else prepare_claims(claims)
    table = (frame.groupby(["incident_id", "incident", "incident_date"], as_index=False, observed=True)
             .agg(claims=("claim_id", "size")))
    return table.sort_values(["incident_date", "incident_id"]).reset_index(drop=True)


def recent_events(events: pd.DataFrame) -> pd.DataFrame:
    """Timeline events from 1 October to 31 December 2025, in date order."""
    rows = events[(events["date"] >= START) & (events["date"] <= END)]
    return rows.sort_values(["date", "event_id"]).reset_index(drop=True)


def timeline_table(events: pd.DataFrame) -> pd.DataFrame:
    """The lesson's day-by-day table: date, title, reported deaths and who reported them."""
    rows = recent_events(events)
    return pd.DataFrame({
        "date": rows["date"].dt.strftime("%d %b"),
        "event": rows["title"],
        "deaths reported": rows["reported_fatalities"],
        "reported by": rows["fatalities_claimant"].fillna(""),
    })


def spread_table(claims: pd.DataFrame, metric: str = "killed") -> pd.DataFrame:
    """For every incident and subject with figures from two or more claims: lowest, highest, ratio.

    Partial counts (PARTIAL_COUNTS) are left out. `open_ended` is True when the highest claim is
    'N or more', so the real ratio could be larger.
    """
    frame = prepare_claims(claims)
    rows = frame[(frame["metric"].astype(str) == metric) & frame["value_low"].notna() & ~frame["partial"]]
    out = []
    for (incident_id, subject), group in rows.groupby(["incident_id", "subject"], sort=False, observed=True):
        if len(group) < 2:
            continue
        lowest = int(group["value_low"].min())
        highest = int(group["top"].max())
        open_ended = bool(group.loc[group["top"] == highest, "open_ended"].any())
        out.append({
            "incident_id": incident_id,
            "incident": group["incident"].iloc[0],
            "subject": subject,
            "claims": len(group),
            "claimant types": group["claimant_type"].nunique(),
            "lowest": lowest,
            "highest": highest,
            "open_ended": open_ended,
            "highest ÷ lowest": round(highest / lowest, 1) if lowest > 0 else float("nan"),
        })
    table = pd.DataFrame(out)
    return table.sort_values(["incident_id", "subject"]).reset_index(drop=True)


# --- Charts ---------------------------------------------------------------------------

def _sources(frame: pd.DataFrame) -> list[str]:
    return list(data.sources_for(frame)["source_id"])


def source_lines(frame: pd.DataFrame, width: int = 105, max_lines: int = 3) -> list[str]:
    """charts.source_line for the rows charted, wrapped into subtitle lines.

    When the publishers would need more than `max_lines` lines, the line names how many
    reports and publishers there are and points to the lesson's Sources list instead.
    """
    ids = _sources(frame)
    lines = charts.wrap_source_text(charts.source_line(ids, limit=10**6), width)
    if len(lines) <= max_lines:
        return lines
    publishers = len(set(data.sources_for(frame)["publisher"]))
    return [f"Source: {len(ids)} reports by {publishers} publishers, listed under Sources at the end of the lesson"]


def timeline_chart(events: pd.DataFrame) -> alt.Chart:
    """Chart 1: every timeline event from October to December 2025, one row each."""
    rows = recent_events(events)
    frame = pd.DataFrame({
        "label": [f"{d:%d %b} · {SHORT_TITLES.get(i, t)}" for d, i, t in
                  zip(rows["date"], rows["event_id"], rows["title"])],
        "start": rows["date"].dt.strftime("%Y-%m-%d"),
        # A one-day event is drawn as one day wide; a span runs to the end of its last day.
        "end": (rows["end_date"].fillna(rows["date"]) + pd.Timedelta(days=1)).dt.strftime("%Y-%m-%d"),
        "kind": rows["category"].astype(str).map(KIND_OF_CATEGORY),
        "title": rows["title"],
        "when": [f"{d:%d %b %Y}" + ("" if pd.isna(e) else f" to {e:%d %b %Y}")
                 for d, e in zip(rows["date"], rows["end_date"])],
        "deaths": [("not given" if pd.isna(n) else f"{int(n)}, as reported by {c}")
                   for n, c in zip(rows["reported_fatalities"], rows["fatalities_claimant"])],
    })
    order = list(frame["label"])
    kinds = [k for k in KINDS if k in set(frame["kind"])]
    base = alt.Chart(frame)
    tooltip = [alt.Tooltip("title:N", title="Event"), alt.Tooltip("when:N", title="When"),
               alt.Tooltip("kind:N", title="Kind"), alt.Tooltip("deaths:N", title="Deaths reported")]
    y = alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=330, labelFontSize=11.5))
    colour = alt.Color("kind:N", title="Kind of event", scale=alt.Scale(domain=kinds, range=charts.PALETTE[:len(kinds)]),
                       legend=alt.Legend(orient="bottom", columns=2, labelLimit=300))
    bars = base.mark_bar(height=10, cornerRadius=2).encode(
        x=alt.X("start:T", title="Date (2025)", scale=alt.Scale(domain=["2025-10-01", "2025-12-15"]),
                axis=alt.Axis(format="%d %b", tickCount=10)),
        x2="end:T", y=y, color=colour, tooltip=tooltip)
    return alt.layer(bars).properties(
        width=430, height=alt.Step(20),
        title=alt.Title("October to December 2025, event by event",
                        subtitle=[f"{len(frame)} events from the course timeline; hover for details. "
                                  "A bar longer than a day is an event that ran over several days.",
                                  *source_lines(rows)]),
        description=("Timeline chart: each row is one event between October and December 2025, in date order, "
                     "placed at its date and coloured by kind. Events crowd into 8 to 19 October; "
                     "from late October the gaps between them widen."))


def _dot_layers(frame: pd.DataFrame, y: alt.Y, x_title: str, domain_max: float, y_offset=None,
                text: bool = True) -> list[alt.Chart]:
    """Range rules, points, 'or more' arrows and value labels for a set of claims.

    The layers carry no data of their own: the caller passes `frame` to alt.layer(..., data=frame),
    so the data is stored once (and Altair does not copy it for every layer).
    """
    base = alt.Chart()
    x_scale = alt.Scale(domain=[0, domain_max], nice=False)
    colour = alt.Color("claimant_type:N", title="Who made the claim",
                       scale=alt.Scale(domain=CLAIMANT_TYPES, range=TYPE_COLOURS),
                       legend=alt.Legend(orient="bottom", columns=3, symbolStrokeWidth=2))
    shape = alt.Shape("claimant_type:N", title="Who made the claim",
                      scale=alt.Scale(domain=CLAIMANT_TYPES, range=TYPE_SHAPES))
    tooltip = [alt.Tooltip("claimant:N", title="Claimant"), alt.Tooltip("claimant_type:N", title="Type"),
               alt.Tooltip("subject:N", title="Whose losses"), alt.Tooltip("figure:N", title="Figure claimed"),
               alt.Tooltip("said:N", title="Claim made on"), alt.Tooltip("incident:N", title="Incident")]
    extra = {"yOffset": y_offset} if y_offset is not None else {}
    ranges = base.transform_filter("datum.high > datum.low").mark_rule(strokeWidth=3, opacity=0.6).encode(
        x=alt.X("low:Q", scale=x_scale, title=x_title), x2="high:Q", y=y, color=colour, tooltip=tooltip, **extra)
    arrows = base.transform_filter("datum.open_ended").mark_rule(strokeDash=[4, 3], strokeWidth=2).encode(
        x=alt.X("low:Q", scale=x_scale, title=x_title), x2="arrow_end:Q", y=y, color=colour, tooltip=tooltip, **extra)
    heads = base.transform_filter("datum.open_ended").mark_point(
        shape="triangle-right", filled=True, size=70, opacity=1).encode(
        x=alt.X("arrow_end:Q", scale=x_scale, title=x_title), y=y, color=colour, tooltip=tooltip, **extra)
    points = base.mark_point(filled=True, size=90, opacity=1, stroke="white", strokeWidth=0.8).encode(
        x=alt.X("low:Q", scale=x_scale, title=x_title), y=y, color=colour, shape=shape, tooltip=tooltip, **extra)
    layers = [ranges, arrows, heads, points]
    if text:
        layers.append(base.mark_text(align="left", dx=8, fontSize=11.5, color="#222222").encode(
            x=alt.X("label_x:Q", scale=x_scale, title=x_title), y=y, text="figure:N", tooltip=tooltip, **extra))
    return layers


def _plot_frame(rows: pd.DataFrame, arrow: float) -> pd.DataFrame:
    """Only the columns a claims chart draws, with arrow and label positions."""
    low = rows["value_low"].astype(float)
    high = rows["top"].astype(float)
    arrow_end = (low + arrow).where(rows["open_ended"], high)
    return pd.DataFrame({
        "claim_id": rows["claim_id"].astype(str), "claimant": rows["claimant"].astype(str),
        "who": rows["who"].astype(str), "claimant_type": rows["claimant_type"].astype(str),
        "subject": rows["subject"].astype(str), "incident": rows["incident"].astype(str),
        "metric": rows["metric"].astype(str),
        "low": low, "high": high, "open_ended": rows["open_ended"].astype(bool), "arrow_end": arrow_end,
        "label_x": pd.concat([high, arrow_end], axis=1).max(axis=1), "figure": rows["figure"].astype(str),
        "said": rows["claim_date"].dt.strftime("%d %b %Y"),
    }).reset_index(drop=True)


def spread_chart(claims: pd.DataFrame) -> alt.LayerChart:
    """Chart 2: death claims for every incident and group that more than one claim covers."""
    table = spread_table(claims, "killed")
    frame = prepare_claims(claims)
    keys = set(zip(table["incident_id"], table["subject"]))
    rows = frame[(frame["metric"].astype(str) == "killed") & frame["value_low"].notna() & ~frame["partial"]
                 & pd.Series([k in keys for k in zip(frame["incident_id"], frame["subject"])], index=frame.index)]
    rows = rows.sort_values(["incident_date", "incident_id", "subject"])
    top = float(rows["top"].max())
    plot = _plot_frame(rows, arrow=top * 0.07)
    plot["row"] = [f"{INCIDENT_SHORT.get(i, f'{d:%d %b} · ' + t.split(' (')[0][:34])}: {s}"
                   for i, d, t, s in zip(rows["incident_id"], rows["incident_date"], rows["incident"], rows["subject"])]
    order = list(dict.fromkeys(plot["row"]))
    y = alt.Y("row:N", sort=order, title=None, scale=alt.Scale(paddingInner=0, paddingOuter=0),
              axis=alt.Axis(labelLimit=330, labelFontSize=11.5, grid=False))
    domain_max = top * 1.25
    # Claims of different types sit one above the other within their row, so equal figures stay
    # visible; shaded bands show which row each point belongs to.
    layers = _dot_layers(plot, y, "Deaths claimed (people)", domain_max, y_offset=alt.YOffset(
        "claimant_type:N", scale=alt.Scale(domain=CLAIMANT_TYPES, paddingOuter=0.6)), text=False)
    bands = alt.Chart(pd.DataFrame({"row": order[::2], "x0": 0.0, "x1": domain_max})).mark_rect(
        color="#f2f2f2").encode(y=y, x=alt.X("x0:Q", scale=alt.Scale(domain=[0, domain_max], nice=False)),
                                x2="x1:Q")
    return alt.layer(bands, *layers, data=plot).properties(
        width=400, height=34 * len(order),
        title=alt.Title("How far apart are the death claims?",
                        subtitle=["Every incident and group for which two or more claims give a death toll. "
                                  "A line joins a range; a dashed arrow means 'or more'.",
                                  *source_lines(rows)]),
        description=("Dot chart of death claims, one row per incident and group of dead, coloured and shaped "
                     "by who made the claim. On 11-12 October Pakistan's military and the Taliban "
                     "spokesman each gave a low figure for their own side and a much higher one for the other side."))


def claims_chart(rows: pd.DataFrame, metric: str, incident: str) -> alt.FacetChart:
    """The explorer's chart: one incident's claims for one metric, grouped by whose losses they count."""
    plot, domain_max = _claims_plot(rows, metric)
    return _claims_facet(plot, metric, domain_max, **_claims_words(rows, metric, incident))


def _claims_plot(rows: pd.DataFrame, metric: str) -> tuple[pd.DataFrame, float]:
    """What the claims chart draws, and where its x axis ends."""
    top = float(rows["top"].max())
    top = top if top > 0 else 1.0
    plot = _plot_frame(rows, arrow=top * 0.12)
    if metric == "posts":
        plot["who"] = plot["who"] + ", " + plot["metric"].map(POST_METRICS)
    plot["ylab"] = plot["who"]
    dupes = plot.duplicated(["subject", "ylab"], keep=False)
    plot.loc[dupes, "ylab"] = plot.loc[dupes, "ylab"] + " (" + plot.loc[dupes, "said"] + ")"
    return plot, top * 1.45


def _claims_words(rows: pd.DataFrame, metric: str, incident: str) -> dict:
    """The claims chart's subtitle and description."""
    words = incident if len(incident) <= 70 else incident[:67] + "…"
    return {"subtitle": [words, *source_lines(rows)],
            "description": (f"Dot chart: each claim about '{incident}' ({METRICS[metric].lower()}), grouped by whose "
                            f"losses it counts and coloured by who made it. A line is a range; a dashed arrow "
                            f"means the claimant said 'more than' or 'at least'.")}


def _claims_facet(plot: pd.DataFrame, metric: str, domain_max: float, subtitle: list[str],
                  description: str) -> alt.FacetChart:
    y = alt.Y("ylab:N", title=None, sort=None, axis=alt.Axis(labelLimit=260))
    layers = _dot_layers(plot, y, METRIC_AXIS[metric], domain_max)
    return alt.layer(*layers, data=plot).properties(width=360, height=alt.Step(26)).facet(
        row=alt.Row("subject:N", title=None, header=alt.Header(labelAngle=0, labelOrient="top", labelAnchor="start",
                                                                labelFontWeight="bold", labelFontSize=13)),
    ).resolve_scale(y="independent").properties(
        title=alt.Title(f"{METRICS[metric]}: every claim", subtitle=subtitle), description=description)


@lru_cache(maxsize=8)
def _claims_template(metric: str, _theme: str) -> "_Template":
    """_claims_facet with placeholders, built and validated once per metric (and Altair theme)."""
    return _Template.build(lambda frame: _claims_facet(frame, metric, _number("domain_max"), _holes("subtitle"),
                                                       _hole("description")))


def _explorer_chart(rows: pd.DataFrame, metric: str, incident: str) -> alt.FacetChart:
    """claims_chart's chart, drawn from a template (a few ms instead of 50–90 ms)."""
    if not _templates_apply():
        return claims_chart(rows, metric, incident)
    plot, domain_max = _claims_plot(rows, metric)
    return _claims_template(metric, alt.theme.active).chart(plot, domain_max=domain_max,
                                                            **_claims_words(rows, metric, incident))


# --- Charts from templates ---------------------------------------------------------------------
#
# Explorer charts come from templates (see alliance/chart_templates.py and benchmarks/PROFILING.md).


# --- The explorer -------------------------------------------------------------------------

def _swatch(kind: str) -> str:
    colour = TYPE_COLOURS[CLAIMANT_TYPES.index(kind)] if kind in CLAIMANT_TYPES else "#777777"
    return (f"<span style='display:inline-block;width:0.8em;height:0.8em;background:{colour};"
            f"margin-right:0.3em;vertical-align:baseline' aria-hidden='true'></span>")


def _summary(rows: pd.DataFrame) -> str:
    """One sentence per group: the range of the claims about it, and who gave each end."""
    parts = []
    for subject, group in rows.groupby("subject", sort=False, observed=True):
        whole = group[~group["partial"]]
        if len(whole) < 2:
            continue
        low = whole.loc[whole["value_low"].idxmin()]
        high = whole.loc[whole["top"].idxmax()]
        if high["top"] == low["value_low"] and not high["open_ended"]:
            parts.append(f"<strong>{html.escape(str(subject))}</strong>: all {len(whole)} claims give "
                         f"{html.escape(low['figure'])}.")
            continue
        text = (f"<strong>{html.escape(str(subject))}</strong>: from {html.escape(low['figure'])} "
                f"({html.escape(low['who'])}) to {html.escape(high['figure'])} ({html.escape(high['who'])})")
        if low["value_low"] > 0:
            ratio = high["top"] / low["value_low"]
            text += f": the highest is {'at least ' if high['open_ended'] else ''}{ratio:.1f} times the lowest"
        parts.append(text + ".")
    if not parts:
        return "<p>No group here has figures from two different claims to compare.</p>"
    return "<p>" + "<br>".join(parts) + "</p>"


def _table(rows: pd.DataFrame) -> str:
    body = []
    for r in rows.itertuples():
        note = "" if pd.isna(r.note) else str(r.note)
        if r.partial:
            note = f"Partial count: {PARTIAL_COUNTS[r.claim_id]}. " + note
        body.append(f"<tr style='vertical-align:top;border-top:1px solid #ddd'><td>{_swatch(r.claimant_type)}{html.escape(str(r.claimant))}<br>"
                    f"<small>{html.escape(r.claimant_type)}</small></td>"
                    f"<td>{html.escape(str(r.subject))}</td><td>{html.escape(str(r.metric)).replace('_', ' ')}</td>"
                    f"<td><strong>{html.escape(r.figure)}</strong></td><td>{r.claim_date:%d %b %Y}</td>"
                    f"<td><small>{html.escape(note)}</small></td></tr>")
    return ("<table class='alliance-claims' style='border-collapse:collapse;text-align:left'>"
            "<thead><tr><th>Claimant</th><th>Whose losses</th><th>What</th>"
            "<th>Figure</th><th>Claim made</th><th>Note</th></tr></thead><tbody>"
            + "".join(body) + "</tbody></table>")


def view(incident_id: str, metric: str) -> widgets.View:
    """Every claim about one incident for one metric: summary, table and chart."""
    frame = _claims()
    if metric not in METRICS:
        return widgets.View.empty(f"choose one of: {', '.join(METRICS.values())}.")
    about = frame[frame["incident_id"] == incident_id]
    if about.empty:
        return widgets.View.empty("choose an incident from the list.")
    words = str(about["incident"].iloc[0])
    rows = about[(about["metric_group"] == metric) & about["value_low"].notna()].sort_values(
        ["subject", "claim_date", "claim_id"])
    silent = about[about["value_low"].isna()]
    silent_html = "".join(f"<p><em>Statement without a figure</em>: {html.escape(str(r.claimant))}. "
                          f"{html.escape(str(r.note))}</p>" for r in silent.itertuples())
    if rows.empty:
        others = [METRICS[m] for m in METRICS if m != metric and
                  not about[(about["metric_group"] == m) & about["value_low"].notna()].empty]
        hint = (f"Try {' or '.join(repr(o) for o in others)} for this incident, or pick another incident."
                if others else "Pick another incident.")
        message = widgets.empty_message(f"no claim gives a figure for '{METRICS[metric].lower()}' about "
                                        f"{words}. {hint}")
        return widgets.View(html=message + silent_html)
    types = rows["claimant_type"].nunique()
    head = (f"<h4>{html.escape(words)}</h4><p><strong>{len(rows)}</strong> claim{'s' if len(rows) != 1 else ''} "
            f"from <strong>{rows['claimant'].nunique()}</strong> claimant{'s' if rows['claimant'].nunique() != 1 else ''} "
            f"({types} type{'s' if types != 1 else ''}). Each is a claim by the side named, not an established fact.</p>")
    return widgets.View(html=head + _summary(rows) + _table(rows) + silent_html,
                        chart=_explorer_chart(rows, metric, words))


DEFAULT_INCIDENT = "2025-10-11-border-clashes"


def explorer() -> w.VBox:
    table = incidents()
    options = [(row.incident, row.incident_id) for row in table.itertuples()]
    default = DEFAULT_INCIDENT if DEFAULT_INCIDENT in set(table["incident_id"]) else options[0][1]
    controls = {
        "incident_id": w.Dropdown(options=options, value=default, description="Incident",
                                  style={"description_width": "initial"}, layout=w.Layout(width="640px")),
        "metric": w.ToggleButtons(options=[(label, key) for key, label in METRICS.items()], value="killed",
                                  description="What is claimed",
                                  style={"description_width": "initial", "button_width": "auto"}),
    }
    return widgets.explorer(controls, view, "Pick an incident and what is claimed about it (Tab to a control; "
                                            "type a letter or use the arrow keys in the list; Space picks a "
                                            "button). The table lists every claim; the chart groups them by "
                                            "whose losses they count.")


# --- Quotes ------------------------------------------------------------------------------

VERIFICATION = {
    "yes": "the course read these words in the named outlet's report",
    "partial": "wording differs between reports (often translations); this is one version",
    "no": "seen only second-hand",
}


def quotes_html(quotes: pd.DataFrame, quote_ids: list[str]) -> str:
    """Short statements from quotes.csv, attributed, each with its verification status."""
    rows = quotes.set_index("quote_id").loc[quote_ids]
    parts = []
    for qid, r in rows.iterrows():
        when = "" if pd.isna(r["date"]) else f", {r['date']:%d %B %Y}"
        role = "" if pd.isna(r["role"]) else f", {html.escape(str(r['role']))}"
        parts.append(
            f"<blockquote style='margin:0.6em 0;border-left:4px solid #bbb;padding-left:0.8em'>"
            f"<p>“{html.escape(str(r['words']).rstrip(','))}”</p>"
            f"<p><small>{html.escape(str(r['speaker']))}{role}{when}. {html.escape(str(r['context']))} "
            f"Reported by {html.escape(str(r['outlet']))}; "
            f"{VERIFICATION.get(str(r['original_located']), '')}.</small></p></blockquote>")
    return "".join(parts)


def show_quotes(quotes: pd.DataFrame, quote_ids: list[str]) -> None:
    from IPython.display import HTML, display

    display(HTML(quotes_html(quotes, quote_ids)))
