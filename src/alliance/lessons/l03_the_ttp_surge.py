"""Lesson 03 · The TTP surge: militant violence in Pakistan, 2014–2025, as each publisher counts it.

Chart builders and the explorer. Every series is drawn per *definition* (definitions.csv),
never joined across definitions, and one value per year is chosen by a stated rule
(`ONE_VALUE_RULE`, `latest_values`).
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

FIRST_YEAR, LAST_YEAR = 2014, 2025

# Readable names for the counting definitions, with a fixed colour each, so a learner
# meets the same colour for the same definition in every chart of the lesson.
DEFINITION_LABELS = {
    "crss_violence_broad": "CRSS: all violence (editions to 2017)",
    "crss_terror_counterterror": "CRSS: terror attacks + security operations (2018 on)",
    "crss_terror_attacks_only": "CRSS: terror attacks only",
    "pips_attacks": "PIPS: terrorist attacks",
    "picss_militant_attacks": "PICSS: militant attacks",
    "picss_combat_overall": "PICSS: attacks + security operations",
    "gti_terrorism": "GTI: terrorism by non-state actors",
    "satp_terrorism": "SATP: terrorism (second-hand copy)",
    "ispr_claims": "ISPR: the military's own claim",
}
DEFINITION_COLOURS = {
    "crss_violence_broad": "#E69F00",
    "crss_terror_counterterror": "#D55E00",
    "crss_terror_attacks_only": "#56B4E9",
    "pips_attacks": "#0072B2",
    "picss_militant_attacks": "#009E73",
    "picss_combat_overall": "#CC79A7",
    "gti_terrorism": "#000000",
    "satp_terrorism": "#F0E442",
    "ispr_claims": "#777777",
}
PUBLISHERS = ["CRSS", "PIPS", "PICSS", "GTI", "SATP", "ISPR"]
PUBLISHER_NAMES = {
    "CRSS": "CRSS (Center for Research and Security Studies)",
    "PIPS": "PIPS (Pak Institute for Peace Studies)",
    "PICSS": "PICSS (Pak Institute for Conflict and Security Studies)",
    "GTI": "GTI (Global Terrorism Index)",
    "SATP": "SATP (South Asia Terrorism Portal)",
    "ISPR": "ISPR (Pakistani military, a party claim)",
}
METRICS = {
    "fatalities_total": "Deaths, all victims",
    "fatalities_civilians": "Civilians killed",
    "fatalities_security_forces": "Security forces killed",
    "fatalities_militants": "Militants killed",
    "injuries": "People injured",
    "attacks": "Attacks by militants",
    "incidents": "Incidents (attacks + security operations)",
}
METRIC_UNITS = {"attacks": "attacks", "incidents": "incidents"}
REGIONS = ["Pakistan", "Khyber Pakhtunkhwa", "Balochistan"]
VICTIMS = {"fatalities_civilians": "Civilians", "fatalities_security_forces": "Security forces",
           "fatalities_militants": "Militants"}
VICTIM_COLOURS = ["#E69F00", "#0072B2", "#000000"]
WEAK_LABELS = ["Established outlet or the publisher", "Weaker copy (see Sources)"]

# Where one report year (vintage) printed two values for the same thing, the later
# publication wins. Any release not listed here makes `prepared()` fail loudly.
RELEASE_ORDER = {
    "as published": 0,
    "preliminary release (31 December 2016)": 0, "full annual assessment": 1,
    "first release (December 2025)": 0, "later release (January 2026)": 1,
    "first-release table": 0, "CRSS web page": 1,
    "Q1 2025 report": 0, "Q2 2025 report": 1, "Q3 2025 report (restated)": 1,
    "Q3 2024 report": 0, "annual report 2024": 1,
    "Q3 2025 report": 0, "annual report 2025": 1,
}
ONE_VALUE_RULE = ("One value per year: the one from the most recent report that gives it (the highest "
                  "vintage); where one report year printed two values, the later publication (an annual "
                  "report over a quarterly one, a full release over a preliminary one).")
KEY = ["publisher", "definition", "region", "metric", "year", "period"]


# --- Data ------------------------------------------------------------------------

def _kp_scope(region: str, note) -> str:
    """Whether a Khyber Pakhtunkhwa figure covers the merged tribal districts (ex-FATA)."""
    if region != "Khyber Pakhtunkhwa":
        return ""
    text = "" if note is None or pd.isna(note) else str(note).lower()
    if "unclear" in text:
        return "unclear"
    if ("exclude" in text and "fata" in text) or "mainland kp only" in text:
        return "without the tribal districts (ex-FATA)"
    if "appears to include" in text:
        return "probably with the tribal districts (ex-FATA)"
    if "include" in text and ("fata" in text or "tribal" in text):
        return "with the tribal districts (ex-FATA)"
    return "not stated"


@lru_cache(maxsize=1)
def prepared() -> pd.DataFrame:
    """violence.csv with readable labels, the release order, the weak-copy flag and KP scope."""
    frame = data.load("violence")
    unknown = set(frame["release"]) - set(RELEASE_ORDER)
    if unknown:
        raise ValueError(f"violence.csv has releases this lesson cannot order: {sorted(unknown)}; "
                         "add them to RELEASE_ORDER.")
    caution = data.load("sources").set_index("source_id")["caution"]
    frame["value"] = frame["value"].astype(float)
    frame["year"] = frame["year"].astype(int)
    frame["vintage"] = frame["vintage"].astype(int)
    frame["release_rank"] = frame["release"].map(RELEASE_ORDER).astype(int)
    frame["label"] = frame["definition"].map(DEFINITION_LABELS).fillna(frame["definition"])
    frame["weak"] = [any(bool(caution.get(s, False)) for s in data.split_ids(ids)) for ids in frame["source_ids"]]
    frame["copy"] = frame["weak"].map({False: WEAK_LABELS[0], True: WEAK_LABELS[1]})
    frame["report"] = [f"{v} report" + ("" if r == "as published" else f", {r}")
                       for v, r in zip(frame["vintage"], frame["release"])]
    frame["scope"] = [_kp_scope(r, n) for r, n in zip(frame["region"], frame["note"])]
    frame["note"] = frame["note"].fillna("")
    return frame


def latest_values(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per publisher, definition, region, metric, year and period (see ONE_VALUE_RULE)."""
    ordered = frame.sort_values([*KEY, "vintage", "release_rank"], kind="stable")
    return ordered.groupby(KEY, observed=True, sort=False).tail(1).sort_values(KEY).reset_index(drop=True)


@lru_cache(maxsize=1)
def _latest() -> pd.DataFrame:
    return latest_values(prepared())


def revisions(frame: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every figure that a publisher printed with more than one value: first and latest."""
    frame = prepared() if frame is None else frame
    ordered = frame.sort_values([*KEY, "vintage", "release_rank"], kind="stable")
    rows = []
    for key, group in ordered.groupby(KEY, observed=True, sort=True):
        if group["value"].nunique() < 2:
            continue
        first, last = group.iloc[0], group.iloc[-1]
        rows.append({"publisher": key[0], "definition": key[1], "region": key[2], "metric": key[3],
                     "what": METRICS.get(key[3], key[3]),
                     "year": key[4], "period": key[5],
                     "first value": int(first["value"]), "first report": first["report"],
                     "latest value": int(last["value"]), "latest report": last["report"],
                     "change": int(last["value"] - first["value"]), "reports": len(group)})
    return pd.DataFrame(rows)


@lru_cache(maxsize=1)
def _revisions() -> pd.DataFrame:
    return revisions()


def definitions() -> pd.DataFrame:
    return data.load("definitions")


def rows_used(frame: pd.DataFrame) -> pd.DataFrame:
    """The violence.csv rows behind a prepared frame (for the Sources list)."""
    return frame[["source_ids"]]


# --- Chart helpers ---------------------------------------------------------------

@lru_cache(maxsize=1)
def _publisher_of() -> dict[str, str]:
    table = data.load("sources")
    return dict(zip(table["source_id"].astype(str), table["publisher"].astype(str)))


def source_line(rows: pd.DataFrame) -> str:
    """charts.source_line for the rows' sources, with a cached publisher lookup (fast enough
    for the explorer; data.short_citation re-indexes sources.csv on every call)."""
    ids = list(dict.fromkeys(s for value in rows["source_ids"] for s in data.split_ids(value)))
    return charts.source_line(ids, cite=lambda sid: _publisher_of().get(sid, sid))


def wrap_source(text: str, width: int = 110) -> list[str]:
    """A long source line as several subtitle lines (see charts.wrap_source_text)."""
    return charts.wrap_source_text(text, width)


def _colours(labels_present) -> tuple[list[str], list[str]]:
    """The colour scale's domain (definition labels) and range (their colours), in a fixed order."""
    defs = [d for d, label in DEFINITION_LABELS.items() if label in set(labels_present)]
    return [DEFINITION_LABELS[d] for d in defs], [DEFINITION_COLOURS[d] for d in defs]


def _with_segments(rows: pd.DataFrame) -> pd.DataFrame:
    """A segment id that breaks a line at a missing year and never crosses definitions."""
    rows = rows.sort_values(["definition", "year"]).copy()
    gap = rows.groupby("definition", observed=True)["year"].diff().fillna(1).ne(1)
    rows["segment"] = rows["definition"].astype(str) + "-" + gap.groupby(rows["definition"], observed=True).cumsum().astype(str)
    return rows


def scope_breaks(rows: pd.DataFrame) -> list[tuple[float, str]]:
    """Where one publisher's definition ends and its next one begins (a change of scope)."""
    breaks = []
    spans = rows.groupby(["publisher", "definition"], observed=True)["year"].agg(["min", "max"]).reset_index()
    for publisher, group in spans.groupby("publisher", observed=True):
        group = group.sort_values("min")
        for (_, a), (_, b) in zip(group.iterrows(), group.iloc[1:].iterrows()):
            if a["max"] < b["min"]:
                breaks.append(((a["max"] + b["min"]) / 2, f"{publisher} changes what it counts"))
    return breaks


def _tooltips(value_title: str) -> list:
    return [alt.Tooltip("label:N", title="Definition"), alt.Tooltip("year:Q", title="Year", format="d"),
            alt.Tooltip("value:Q", title=value_title, format=",.0f"), alt.Tooltip("report:N", title="From the"),
            alt.Tooltip("copy:N", title="Copy read"), alt.Tooltip("scope:N", title="KP coverage"),
            alt.Tooltip("note:N", title="Note")]


def lines_chart(rows: pd.DataFrame, title: str, subtitle: list[str], description: str,
                y_title: str, value_title: str, height: int = 300) -> alt.LayerChart:
    """One line per definition (broken at missing years), points shaped by the copy read,
    and a dashed rule wherever a publisher changed its definition."""
    frame, domain, colours, breaks, source = _lines_parts(rows)
    return _lines_layers(frame, domain, colours, breaks, title, [*subtitle, *wrap_source(source)], description,
                         y_title, value_title, height)


def _lines_parts(rows: pd.DataFrame) -> tuple[pd.DataFrame, list[str], list[str], tuple, str]:
    """What lines_chart draws: the rows it plots, its colour domain and range, the scope breaks
    and the source line."""
    cols = ["publisher", "definition", "label", "year", "value", "report", "copy", "scope", "note", "source_ids"]
    rows = _with_segments(rows[cols])
    domain, colours = _colours(rows["label"])
    return rows.drop(columns="source_ids"), domain, colours, tuple(scope_breaks(rows)), source_line(rows)


def _lines_layers(frame: pd.DataFrame, domain: list[str], colours: list[str], breaks, title: str,
                  subtitle: list[str], description: str, y_title: str, value_title: str,
                  height: float) -> alt.LayerChart:
    """lines_chart's chart from its parts. This is the definition of the chart; the explorer draws the
    same spec from a template (`_explorer_chart`), and the tests check the two agree."""
    base = alt.Chart(frame)
    x = alt.X("year:Q", title="Year (calendar)", scale=alt.Scale(domain=[FIRST_YEAR - 0.3, LAST_YEAR + 0.3]),
              axis=alt.Axis(format="d", tickMinStep=1, values=list(range(FIRST_YEAR, LAST_YEAR + 1))))
    y = alt.Y("value:Q", title=y_title, axis=alt.Axis(format=",.0f"))
    colour = alt.Color("label:N", title="Definition (what is counted)", scale=alt.Scale(domain=domain, range=colours),
                       legend=alt.Legend(orient="bottom", columns=1, labelLimit=420, titleLimit=300))
    lines = base.mark_line(strokeWidth=2.5).encode(x=x, y=y, color=colour, detail="segment:N")
    points = base.mark_point(size=70, filled=True, stroke="#333333", strokeWidth=0.6, opacity=1).encode(
        x=x, y=y, color=colour,
        shape=alt.Shape("copy:N", title="Copy read", scale=alt.Scale(domain=WEAK_LABELS, range=["circle", "triangle-up"]),
                        legend=alt.Legend(orient="bottom", columns=1, labelLimit=300)),
        tooltip=_tooltips(value_title))
    layers = [lines, points]
    if breaks:
        marks = pd.DataFrame({"x": [b[0] for b in breaks], "text": [b[1] for b in breaks]})
        rule = alt.Chart(marks).mark_rule(strokeDash=[5, 4], color="#444444").encode(
            x="x:Q", tooltip=[alt.Tooltip("text:N", title="Scope change")])
        text = alt.Chart(marks).mark_text(align="left", dx=4, dy=2, baseline="top", fontSize=11, color="#444444").encode(
            x="x:Q", y=alt.value(0), text="text:N")
        layers += [rule, text]
    return alt.layer(*layers).properties(
        title=alt.Title(title, subtitle=subtitle), description=description, width=560, height=height)


@lru_cache(maxsize=8)
def _explorer_template(breaks: tuple, _theme: str) -> "_Template":
    """_lines_layers with placeholders, built and validated once per set of scope breaks (the dashed
    rules and their labels stay concrete; three sets occur in the explorer) and Altair theme."""
    return _Template.build(lambda frame: _lines_layers(
        frame, _holes("domain"), _holes("colours"), breaks, _hole("title"), _holes("subtitle"),
        _hole("description"), _hole("y_title"), _hole("value_title"), _number("height")))


def _explorer_chart(rows: pd.DataFrame, title: str, subtitle: list[str], description: str,
                    y_title: str, value_title: str, height: int = 300) -> alt.LayerChart:
    """lines_chart's chart, drawn from a template (a few ms instead of the 25-45 ms Altair's
    validation takes)."""
    if not _templates_apply():
        return lines_chart(rows, title, subtitle, description, y_title, value_title, height)
    frame, domain, colours, breaks, source = _lines_parts(rows)
    return _explorer_template(breaks, alt.theme.active).chart(
        frame, domain=domain, colours=colours, title=title, subtitle=[*subtitle, *wrap_source(source)],
        description=description, y_title=y_title, value_title=value_title, height=height)


# --- Body charts -------------------------------------------------------------------

def national(metric: str, definitions_: list[str] | None = None, frame: pd.DataFrame | None = None) -> pd.DataFrame:
    frame = _latest() if frame is None else latest_values(frame)
    rows = frame[(frame["region"] == "Pakistan") & (frame["period"] == "annual") & (frame["metric"] == metric)
                 & frame["year"].between(FIRST_YEAR, LAST_YEAR)]
    if definitions_ is not None:
        rows = rows[rows["definition"].isin(definitions_)]
    return rows.reset_index(drop=True)


def scope_change_chart(frame: pd.DataFrame | None = None) -> alt.LayerChart:
    """CRSS deaths before and after its 2018 change of scope, as two series."""
    rows = national("fatalities_total", ["crss_violence_broad", "crss_terror_counterterror"], frame)
    return lines_chart(
        rows, "CRSS changed its ruler in 2018",
        ["Deaths counted by CRSS each year, Pakistan; the two definitions are drawn apart, never joined",
         "Latest published value per year"],
        ("Two separate lines of deaths counted by CRSS. Up to its 2017 edition CRSS counted all violence "
         "(7,622 deaths in 2014 as restated a year later, falling to 2,057 in 2017); from 2018 it counted terror attacks plus "
         "counter-terror operations (980 in 2018, rising to 3,417 in 2025). A dashed rule marks the change."),
        "Deaths (people)", "Deaths")


def publishers_chart(frame: pd.DataFrame | None = None) -> alt.LayerChart:
    """Deaths per year, Pakistan, one line per definition."""
    rows = national("fatalities_total", None, frame)
    rows = rows[rows["definition"] != "crss_terror_attacks_only"]
    return lines_chart(
        rows, "Five rulers, one direction",
        ["Deaths counted each year in Pakistan, by publisher and definition; lines break where a year is missing",
         "Latest published value per year"],
        ("One line per counting definition of deaths in Pakistan, 2014 to 2025. Every series falls to a low "
         "around 2019–2021 and climbs after 2021; series that include security operations (CRSS since 2018, "
         "PICSS attacks + operations) run two to three times higher than attack-only series (PIPS, PICSS "
         "militant attacks, GTI)."),
        "Deaths (people)", "Deaths", height=320)


def provinces_frame(frame: pd.DataFrame | None = None) -> pd.DataFrame:
    frame = _latest() if frame is None else latest_values(frame)
    rows = frame[frame["region"].isin(REGIONS[1:]) & (frame["period"] == "annual")
                 & (frame["metric"] == "fatalities_total") & frame["year"].between(FIRST_YEAR, LAST_YEAR)]
    return rows.reset_index(drop=True)


def provinces_chart(frame: pd.DataFrame | None = None) -> alt.FacetChart:
    """Deaths in Khyber Pakhtunkhwa and Balochistan, one panel per definition."""
    rows = provinces_frame(frame)
    cols = ["publisher", "definition", "label", "region", "year", "value", "report", "copy", "scope", "note"]
    chart_rows = rows[cols].copy()
    source = source_line(rows)
    order = [DEFINITION_LABELS[d] for d in DEFINITION_LABELS if d in set(rows["definition"])]
    x = alt.X("year:Q", title="Year (calendar)", scale=alt.Scale(domain=[FIRST_YEAR - 0.5, LAST_YEAR + 0.5]),
              axis=alt.Axis(format="d", values=list(range(FIRST_YEAR, LAST_YEAR + 1, 2))))
    y = alt.Y("value:Q", title="Deaths (people)", axis=alt.Axis(format=",.0f"))
    colour = alt.Color("region:N", title="Province", scale=alt.Scale(domain=REGIONS[1:], range=["#0072B2", "#E69F00"]),
                       legend=alt.Legend(orient="bottom"))
    points = alt.Chart().mark_point(size=80, filled=True, stroke="#333333", strokeWidth=0.6, opacity=1).encode(
        x=x, y=y, color=colour,
        shape=alt.Shape("copy:N", title="Copy read", scale=alt.Scale(domain=WEAK_LABELS, range=["circle", "triangle-up"]),
                        legend=alt.Legend(orient="bottom", columns=1, labelLimit=300)),
        tooltip=[alt.Tooltip("region:N", title="Province"), *_tooltips("Deaths")])
    return alt.layer(points, data=chart_rows).properties(width=270, height=170).facet(
        facet=alt.Facet("label:N", title=None, sort=order, header=alt.Header(labelFontSize=12, labelLimit=420)),
        columns=2,
    ).resolve_scale(y="independent").properties(
        title=alt.Title("The two provinces on the Afghan border",
                        subtitle=["Deaths per year in the two provinces bordering Afghanistan, one panel per definition",
                                  "No lines: KP figures differ in whether they include the tribal districts (ex-FATA); "
                                  "hover a point", *wrap_source(source)]),
        description=("Four small panels, one per counting definition, each with points for deaths per year in "
                     "Khyber Pakhtunkhwa and in Balochistan. In every series that reaches 2024 or 2025, Khyber "
                     "Pakhtunkhwa is far above its 2018–2021 level; Balochistan's rise is smaller in the PIPS and "
                     "PICSS attack counts. Panels have their own scales."))


def victims_frame(frame: pd.DataFrame | None = None) -> pd.DataFrame:
    """Deaths by victim group, for the years where a definition gives all three groups."""
    frame = _latest() if frame is None else latest_values(frame)
    rows = frame[(frame["region"] == "Pakistan") & (frame["period"] == "annual") & frame["metric"].isin(VICTIMS)
                 & frame["definition"].isin(["pips_attacks", "picss_combat_overall"])
                 & frame["year"].between(FIRST_YEAR, LAST_YEAR)]
    complete = rows.groupby(["definition", "year"], observed=True)["metric"].transform("nunique") == len(VICTIMS)
    rows = rows[complete].copy()
    rows["victims"] = rows["metric"].map(VICTIMS)
    return rows.reset_index(drop=True)


def victims_chart(frame: pd.DataFrame | None = None) -> alt.FacetChart:
    """Who died: civilians, security forces and militants, in an attacks-only count and
    in a count that includes security operations."""
    rows = victims_frame(frame)
    chart_rows = rows[["label", "year", "victims", "value", "report", "copy", "note"]]
    source = source_line(rows)
    order = [DEFINITION_LABELS["pips_attacks"], DEFINITION_LABELS["picss_combat_overall"]]
    bars = alt.Chart(chart_rows).mark_bar().encode(
        x=alt.X("year:O", title="Year (calendar)", axis=alt.Axis(labelAngle=0)),
        xOffset=alt.XOffset("victims:N", sort=list(VICTIMS.values())),
        y=alt.Y("value:Q", title="Deaths (people)", axis=alt.Axis(format=",.0f")),
        color=alt.Color("victims:N", title="Who was killed", sort=list(VICTIMS.values()),
                        scale=alt.Scale(domain=list(VICTIMS.values()), range=VICTIM_COLOURS),
                        legend=alt.Legend(orient="bottom")),
        tooltip=[alt.Tooltip("label:N", title="Definition"), alt.Tooltip("year:O", title="Year"),
                 alt.Tooltip("victims:N", title="Who was killed"), alt.Tooltip("value:Q", title="Deaths", format=",.0f"),
                 alt.Tooltip("report:N", title="From the"), alt.Tooltip("copy:N", title="Copy read")])
    return bars.properties(width=260, height=220).facet(
        column=alt.Column("label:N", title=None, sort=order, header=alt.Header(labelFontSize=12, labelLimit=320)),
    ).resolve_scale(x="independent", xOffset="independent").properties(
        title=alt.Title("Who is counted among the dead depends on the definition",
                        subtitle=["Deaths in Pakistan by victim group, in years where the publisher gave all three "
                                  "groups", *wrap_source(source)]),
        description=("Grouped bars of civilians, security forces and militants killed. In PIPS's attacks-only "
                     "count militants are the smallest group every year; in PICSS's count that includes security "
                     "operations, militants are the largest group in 2015, 2020 and 2025."))


def quarters_frame(frame: pd.DataFrame | None = None) -> pd.DataFrame:
    frame = _latest() if frame is None else latest_values(frame)
    rows = frame[(frame["definition"] == "crss_terror_counterterror") & (frame["region"] == "Pakistan")
                 & (frame["metric"] == "fatalities_total") & frame["period"].isin(["Q1", "Q2", "Q3", "Q4"])
                 & frame["year"].between(2024, 2025)].copy()
    rows["quarter"] = rows["year"].astype(str) + " " + rows["period"].astype(str)
    return rows.sort_values("quarter").reset_index(drop=True)


def quarters_chart(frame: pd.DataFrame | None = None) -> alt.Chart:
    """CRSS deaths per quarter, 2024–2025."""
    rows = quarters_frame(frame)
    source = source_line(rows)
    chart_rows = rows[["quarter", "year", "value", "report", "copy", "note"]].assign(year=rows["year"].astype(str))
    bars = alt.Chart(chart_rows).mark_bar().encode(
        x=alt.X("quarter:O", title="Quarter (three months)", axis=alt.Axis(labelAngle=0)),
        y=alt.Y("value:Q", title="Deaths (people)", axis=alt.Axis(format=",.0f")),
        color=alt.Color("year:N", title="Year", scale=alt.Scale(domain=["2024", "2025"], range=["#56B4E9", "#D55E00"]),
                        legend=alt.Legend(orient="bottom")),
        tooltip=[alt.Tooltip("quarter:O", title="Quarter"), alt.Tooltip("value:Q", title="Deaths", format=",.0f"),
                 alt.Tooltip("report:N", title="From the"), alt.Tooltip("copy:N", title="Copy read"),
                 alt.Tooltip("note:N", title="Note")])
    labels = bars.mark_text(dy=-7, fontSize=12, color="#222222").encode(text=alt.Text("value:Q", format=",.0f"))
    return (bars + labels).properties(
        title=alt.Title("Quarter by quarter, 2024–2025",
                        subtitle=["Deaths in terror attacks and counter-terror operations, Pakistan (CRSS); "
                                  "no Q4 2025 figure in the course data", "Latest published value per quarter", *wrap_source(source)]),
        description=("Bars of deaths per quarter counted by CRSS from the first quarter of 2024 to the third quarter "
                     "of 2025: 432, 380, 722 and 1,028 in 2024, then 900, 615 and 901 in 2025."),
        width=480, height=260)


def victims_vs_claim(frame: pd.DataFrame | None = None) -> pd.DataFrame:
    """2024: CRSS's count next to the Pakistani military's own year-end claim."""
    frame = _latest() if frame is None else latest_values(frame)
    rows = frame[(frame["year"] == 2024) & (frame["region"] == "Pakistan") & (frame["period"] == "annual")
                 & frame["metric"].isin(["fatalities_security_forces", "fatalities_militants"])
                 & frame["definition"].isin(["crss_terror_counterterror", "ispr_claims", "picss_combat_overall"])]
    table = rows.assign(what=rows["metric"].map(METRICS)).pivot_table(
        index="what", columns="publisher", values="value", aggfunc="first", observed=True)
    return table.rename_axis(columns=None).astype("Int64")


def low_and_latest(frame: pd.DataFrame | None = None) -> pd.DataFrame:
    """For each definition's national death series: its lowest year and its latest year."""
    rows = national("fatalities_total", None, frame)
    out = []
    for d in DEFINITION_LABELS:
        series = rows[rows["definition"] == d].sort_values("year")
        if len(series) < 2:
            continue
        low = series.loc[series["value"].idxmin()]
        last = series.iloc[-1]
        if last["year"] <= low["year"]:
            continue  # a series that ends at its low shows no rise to measure
        out.append({"definition": DEFINITION_LABELS[d], "lowest year": int(low["year"]), "deaths then": int(low["value"]),
                    "latest year": int(last["year"]), "deaths latest": int(last["value"]),
                    "times the low": round(float(last["value"] / low["value"]), 1)})
    return pd.DataFrame(out)


def quotes_html(quote_ids: list[str]) -> str:
    """Statements from quotes.csv, word for word, with who said them and how the course read them."""
    quotes = data.load("quotes").set_index("quote_id")
    status = {"yes": "read at the outlet named", "partial": "read, but translations differ",
              "no": "not read at the original; relayed by another outlet"}
    parts = []
    for qid in quote_ids:
        q = quotes.loc[qid]
        date = "date not shown" if pd.isna(q["date"]) else q["date"].strftime("%-d %B %Y")
        parts.append(
            f"<blockquote style='margin:0.6em 0;border-left:4px solid #999;padding-left:0.8em'>"
            f"<p>“{html.escape(str(q['words']).rstrip(', '))}”</p><footer>— {html.escape(q['speaker'])}, {html.escape(q['role'])} "
            f"({date}; {html.escape(q['outlet'])}; {status.get(str(q['original_located']), '')}). "
            f"<small>{html.escape(q['context'])}</small></footer></blockquote>")
    return "".join(parts)


def show_quotes(quote_ids: list[str]) -> None:
    from IPython.display import HTML, display

    display(HTML(quotes_html(quote_ids)))


# --- The explorer ------------------------------------------------------------------

ALL = "All publishers"


@lru_cache(maxsize=1)
def _definition_text() -> dict[str, str]:
    frame = definitions()
    return dict(zip(frame["definition"].astype(str), frame["description"].astype(str)))


def _available(publisher: str) -> tuple[list[str], list[str]]:
    frame = _latest()
    frame = frame[(frame["period"] == "annual") & frame["year"].between(FIRST_YEAR, LAST_YEAR)]
    if publisher != ALL:
        frame = frame[frame["publisher"] == publisher]
    return ([m for m in METRICS if m in set(frame["metric"])], [r for r in REGIONS if r in set(frame["region"])])


def warning_html(rows: pd.DataFrame) -> str:
    """The warning shown whenever the rows hold more than one definition."""
    spans = rows.groupby("definition", observed=True)["year"].agg(["min", "max"])
    defs = [d for d in DEFINITION_LABELS if d in spans.index]
    items = "".join(
        f"<li><strong>{html.escape(DEFINITION_LABELS[d])}</strong> (<code>{d}</code>, "
        f"{spans.loc[d, 'min']}{'' if spans.loc[d, 'min'] == spans.loc[d, 'max'] else '–' + str(spans.loc[d, 'max'])}): "
        f"{html.escape(_definition_text().get(d, ''))}</li>" for d in defs)
    scope = ""
    crss = [d for d in defs if d.startswith("crss_")]
    if "crss_violence_broad" in crss and "crss_terror_counterterror" in crss:
        scope = ("<p><strong>CRSS changed its scope in 2018.</strong> Its reports up to the 2017 edition count "
                 "<code>crss_violence_broad</code> (all violence); from the 2018 edition they count "
                 "<code>crss_terror_counterterror</code> (terror attacks plus counter-terror operations). The fall "
                 "across the dashed rule is partly a change of ruler, not only a change in violence.</p>")
    return (f"<div class='alliance-warning' role='note' style='border-left:5px solid #D55E00;"
            f"padding:0.3em 0.8em;margin:0.4em 0;background:#fff4ec'>"
            f"<p><strong>⚠ {len(defs)} different definitions: drawn as separate lines, never joined.</strong> "
            f"They count different things, so compare their shapes; do not add them up or read a jump between "
            f"them as a trend.</p>{scope}<ul>{items}</ul></div>")


def _table_html(rows: pd.DataFrame, value_title: str) -> str:
    body = "".join(
        f"<tr><td>{r.year}</td><td style='text-align:right'>{r.value:,.0f}</td><td>{html.escape(r.label)}</td>"
        f"<td>{html.escape(r.report)}</td><td>{'weaker copy' if r.weak else ''}</td>"
        f"<td>{html.escape(r.scope)}</td></tr>"
        for r in rows.sort_values(["year", "definition"]).itertuples())
    return (f"<details><summary>The {len(rows)} value{'s' if len(rows) != 1 else ''} drawn</summary><table><thead><tr><th>Year</th>"
            f"<th>{html.escape(value_title)}</th><th>Definition</th><th>From the</th><th>Copy read</th>"
            f"<th>KP coverage</th></tr></thead><tbody>{body}</tbody></table></details>")


@lru_cache(maxsize=1)
def _annual_by_metric_region() -> dict[tuple[str, str], pd.DataFrame]:
    frame = _latest()
    frame = frame[(frame["period"] == "annual") & frame["year"].between(FIRST_YEAR, LAST_YEAR)]
    return {key: group for key, group in frame.groupby(["metric", "region"], observed=True)}


def explore(publisher: str, metric: str, region: str) -> widgets.View:
    """The explorer's view: one publisher (or all), one metric, one region, 2014–2025."""
    rows = _annual_by_metric_region().get((metric, region), _latest().iloc[0:0])
    if publisher != ALL:
        rows = rows[rows["publisher"] == publisher]
    metric_name = METRICS.get(metric, metric)
    if rows.empty:
        metrics, regions = _available(publisher)
        who = "No publisher" if publisher == ALL else publisher
        hint = []
        if region not in regions:
            hint.append(f"{who} gives no figures for {region} in the course data; choose "
                        + " or ".join(regions) + " as the region")
        else:
            here = _available_for_region(publisher, region)
            hint.append(f"for {region} try " + ", ".join(METRICS[m].lower() for m in here))
        return widgets.View.empty(f"{who} published no annual figures for “{metric_name.lower()}” in {region} "
                                  f"in the reports the course read. " + _sentence("; ".join(hint)))
    unit = METRIC_UNITS.get(metric, "people")
    y_title = f"{metric_name} ({unit})"
    n_defs = rows["definition"].nunique()
    parts = [f"<p><strong>{html.escape(PUBLISHER_NAMES.get(publisher, publisher))} · {html.escape(metric_name)} · "
             f"{html.escape(region)}</strong>: {len(rows)} yearly value{'s' if len(rows) != 1 else ''} from "
             f"{n_defs} definition{'s' if n_defs > 1 else ''}.</p>"]
    if n_defs > 1:
        parts.append(warning_html(rows))
    else:
        d = str(rows["definition"].iloc[0])
        parts.append(f"<p>Definition <code>{d}</code>: {html.escape(_definition_text().get(d, ''))}</p>")
    revised = _revisions().merge(rows[KEY], on=KEY)
    parts.append(f"<p><em>Rule used:</em> {html.escape(ONE_VALUE_RULE)} "
                 + (f"{len(revised)} of these values differ from what was first published." if len(revised) else
                    "None of these values was revised in the reports the course read.") + "</p>")
    if rows["weak"].any():
        n_weak = int(rows["weak"].sum())
        parts.append(f"<p>{n_weak} value{' rests' if n_weak == 1 else 's rest'} on a weaker copy (triangles): "
                     "check against stronger reporting.</p>")
    if "ispr_claims" in set(rows["definition"]):
        parts.append("<p>ISPR figures are the Pakistani military's claims about its own operations, not an "
                     "independent count.</p>")
    parts.append(_table_html(rows, metric_name))
    chart = _explorer_chart(rows, f"{metric_name}: {region}",
                            [f"{'All publishers' if publisher == ALL else publisher}, one line per definition; "
                             "latest published value per year"],
                            (f"{metric_name} in {region} per year, 2014–2025, one line per counting definition "
                             f"({', '.join(DEFINITION_LABELS.get(d, d) for d in rows['definition'].unique())})."),
                            y_title, metric_name, height=260)
    return widgets.View(html="".join(parts), chart=chart)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."


def _available_for_region(publisher: str, region: str) -> list[str]:
    frame = _latest()
    frame = frame[(frame["period"] == "annual") & (frame["region"] == region) & frame["year"].between(FIRST_YEAR, LAST_YEAR)]
    if publisher != ALL:
        frame = frame[frame["publisher"] == publisher]
    return [m for m in METRICS if m in set(frame["metric"])]


def explorer() -> w.VBox:
    style = {"description_width": "initial"}
    controls = {
        "publisher": w.Dropdown(options=[(ALL, ALL)] + [(PUBLISHER_NAMES[p], p) for p in PUBLISHERS], value="CRSS",
                                description="Publisher:", style=style, layout=w.Layout(width="430px")),
        "metric": w.Dropdown(options=[(label, m) for m, label in METRICS.items()], value="fatalities_total",
                             description="What is counted:", style=style, layout=w.Layout(width="430px")),
        "region": w.ToggleButtons(options=REGIONS, value="Pakistan", description="Region:",
                                  style={"description_width": "initial", "button_width": "auto"},
                                  tooltips=["The whole country", "North-west province on the Afghan border",
                                            "South-west province on the Afghan and Iranian borders"]),
    }
    return widgets.explorer(controls, explore,
                            "Choose a publisher, what it counts and a region. Each definition gets its own line "
                            "and colour; when a choice mixes definitions, a warning names them. Hover a point for "
                            "its report and notes.")
