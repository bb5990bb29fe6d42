"""Lesson 01: the old alliance, 1893 to August 2021.

A map of the frontier and its crossings, a chart of the ties between the actors, a chart of
how solid the historical record is, and the timeline explorer (filter by era, kind of event,
actor and strength of sources).
"""

from __future__ import annotations

import html
import json
import textwrap
from functools import lru_cache

import altair as alt
import ipywidgets as w
import pandas as pd

from .. import charts, data, widgets
from ..figures import KIND_OF_CATEGORY, KINDS

# The lesson stops when the Taliban are back in Kabul; lesson 02 picks up from there.
LESSON_END = pd.Timestamp("2021-09-01")
ALL = "all"

ERAS = [  # (label, first year, last year)
    ("1893–1978: a disputed border", 1893, 1978),
    ("1979–2000: jihad and the first Emirate", 1979, 2000),
    ("2001–Aug 2021: the US war, sanctuary and Doha", 2001, 2021),
]
ERA_LABELS = [label for label, _, _ in ERAS]

CATEGORY_LABELS = {
    "agreement": "Agreements", "border": "Border incidents and closures", "diplomacy": "Diplomacy",
    "militant_attack": "Militant attacks", "military": "Military action by states",
    "negotiation": "Negotiations", "political": "Political turns", "refugees": "Refugees",
    "trade": "Trade", "humanitarian": "Humanitarian",
}
WEAK = "Only weaker copies (caution)"
STRONG = "At least one stronger source"
STRENGTHS = [STRONG, WEAK]
STRENGTH_COLOURS = ["#0072B2", "#E69F00"]

# Projection fitted by eye to Afghanistan and Pakistan (tested: both countries draw whole).
MAP_WIDTH, MAP_HEIGHT = 500, 450
MAP_PROJECTION = dict(type="mercator", center=[68.9, 31.2], scale=1400)
COUNTRY_FILL = {"Pakistan": "#cfe3f2", "Afghanistan": "#f6d8c4"}
OTHER_FILL = "#eeeeee"


def wrapped_source(source_ids, width: int = 95, prefix: str = "") -> list[str]:
    """The chart's source line, wrapped so a long list of publishers stays inside the chart."""
    line = charts.source_line(list(source_ids))
    if prefix:
        line = "Source: " + prefix + line.removeprefix("Source: ")
    return textwrap.wrap(line, width=width)


def era_of(year: int) -> str:
    for label, first, last in ERAS:
        if first <= year <= last:
            return label
    raise ValueError(f"{year} is outside lesson 01 (1893–2021)")


def date_label(date: pd.Timestamp, precision: str) -> str:
    """A date written only as precisely as the source gives it."""
    if precision == "year":
        return f"{date.year}"
    if precision == "month":
        return date.strftime("%b %Y")
    return f"{date.day} {date.strftime('%b %Y')}"


# --- Data, prepared once ------------------------------------------------------------

@lru_cache(maxsize=1)
def actor_names() -> dict[str, str]:
    actors = data.load("actors")
    return dict(zip(actors["actor_id"], actors["name"]))


@lru_cache(maxsize=1)
def _caution() -> dict[str, bool]:
    sources = data.load("sources")
    return dict(zip(sources["source_id"], sources["caution"].astype(bool)))


@lru_cache(maxsize=1)
def _publishers() -> dict[str, str]:
    sources = data.load("sources")
    return dict(zip(sources["source_id"], sources["publisher"]))


def rests_on_weaker_sources(source_ids: str) -> bool:
    """True when every source of a row is a weaker copy (sources.csv caution=true)."""
    ids = data.split_ids(source_ids)
    return bool(ids) and all(_caution()[sid] for sid in ids)


@lru_cache(maxsize=1)
def events_frame() -> pd.DataFrame:
    """Timeline events from 1893 to August 2021, with era, kind, actor names and source strength."""
    events = data.load("events")
    frame = events[events["date"] < LESSON_END].copy()
    names = actor_names()
    frame["category"] = frame["category"].astype(str)
    frame["era"] = frame["date"].dt.year.map(era_of)
    frame["kind"] = frame["category"].map(KIND_OF_CATEGORY)
    frame["category_label"] = frame["category"].map(CATEGORY_LABELS)
    frame["actor_ids"] = frame["actors"].map(data.split_ids)
    frame["actor_names"] = frame["actor_ids"].map(lambda ids: "; ".join(names.get(i, i) for i in ids))
    frame["when"] = [date_label(d, str(p)) for d, p in zip(frame["date"], frame["date_precision"])]
    frame["weak"] = frame["source_ids"].map(rests_on_weaker_sources)
    frame["strength"] = frame["weak"].map({True: WEAK, False: STRONG})
    publishers = _publishers()
    frame["publishers"] = frame["source_ids"].map(
        lambda ids: "; ".join(dict.fromkeys(publishers[i] for i in data.split_ids(ids))))
    return frame.sort_values(["date", "event_id"]).reset_index(drop=True)


def crossings_frame() -> pd.DataFrame:
    return data.load("crossings")


# --- Chart 1: the frontier ----------------------------------------------------------

def _decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """TopoJSON arcs as lists of (lon, lat): undo the delta encoding and the quantisation."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((round(x * sx + tx, 4), round(y * sy + ty, 4)))
        arcs.append(points)
    return arcs


def _arc_ids(arcs) -> set[int]:
    out: set[int] = set()
    for item in arcs:
        if isinstance(item, list):
            out |= _arc_ids(item)
        else:
            out.add(item if item >= 0 else ~item)
    return out


def shared_border(topo: dict, a: str = "Afghanistan", b: str = "Pakistan") -> dict:
    """The border two countries share in the map file, as a GeoJSON MultiLineString feature.

    For Afghanistan and Pakistan this is the Durand Line as Natural Earth draws it."""
    geoms = {g["properties"]["name"]: g for g in topo["objects"]["countries"]["geometries"]}
    shared = sorted(_arc_ids(geoms[a]["arcs"]) & _arc_ids(geoms[b]["arcs"]))
    decoded = _decode_arcs(topo)
    return {"type": "Feature", "properties": {"name": "Durand Line"},
            "geometry": {"type": "MultiLineString", "coordinates": [decoded[i] for i in shared]}}


def country_label_points(topo: dict, names=("Afghanistan", "Pakistan")) -> pd.DataFrame:
    """Where to write each country's name: the mean of its border points in the map file."""
    decoded = _decode_arcs(topo)
    geoms = {g["properties"]["name"]: g for g in topo["objects"]["countries"]["geometries"]}
    rows = []
    for name in names:
        points = [p for i in _arc_ids(geoms[name]["arcs"]) for p in decoded[i]]
        lons, lats = [p[0] for p in points], [p[1] for p in points]
        rows.append({"name": name.upper(), "lon": sum(lons) / len(lons), "lat": sum(lats) / len(lats)})
    return pd.DataFrame(rows)


def frontier_map(crossings: pd.DataFrame, topo: dict | None = None) -> alt.LayerChart:
    """Afghanistan, Pakistan and their neighbours, the Durand Line, and the crossings with coordinates."""
    topo = topo or data.read_json("region_map")
    placed = crossings.dropna(subset=["lat", "lon"])
    missing = crossings[crossings["lat"].isna() | crossings["lon"].isna()]
    points = pd.DataFrame({
        "name": placed["name_pakistan"].str.replace(r"\s*\(.*\)$", "", regex=True),
        "name_pakistan": placed["name_pakistan"], "name_afghanistan": placed["name_afghanistan"],
        "pakistan_side": placed["pakistan_side_district"] + ", " + placed["pakistan_province"],
        "afghan_side": placed["afghanistan_province"] + " province",
        "lat": placed["lat"].astype(float), "lon": placed["lon"].astype(float),
    })
    missing_names = ", ".join(missing["name_pakistan"].str.replace(r"\s*\(.*\)$", "", regex=True))
    # Inline data as one JSON string: Vega-Lite parses it by `format`, and a notebook stores it on one line
    # (as a nested list, every coordinate would take a line of its own and the notebook would swell fourfold).
    countries = alt.Chart(alt.Data(values=json.dumps(topo, separators=(",", ":")),
                                   format=alt.DataFormat(type="topojson", feature="countries"))
                          ).transform_calculate(
        group=f"indexof({list(COUNTRY_FILL)!r}, datum.properties.name) >= 0 ? datum.properties.name : 'other'",
    ).mark_geoshape(stroke="white", strokeWidth=0.8, clip=True).encode(
        color=alt.Color("group:N", scale=alt.Scale(
            domain=[*COUNTRY_FILL, "other"], range=[*COUNTRY_FILL.values(), OTHER_FILL]), legend=None),
        tooltip=[alt.Tooltip("properties.name:N", title="Country")],
    )
    durand = alt.Chart(alt.Data(values=json.dumps([shared_border(topo)], separators=(",", ":")),
                                format=alt.DataFormat(type="json"))).mark_geoshape(
        filled=False, stroke="#333333", strokeWidth=2.2, strokeDash=[6, 3]).encode(
        tooltip=[alt.Tooltip("properties.name:N", title="Border")])
    labels = alt.Chart(country_label_points(topo)).mark_text(
        fontSize=13, fontWeight="bold", color="#555555", opacity=0.8).encode(
        longitude="lon:Q", latitude="lat:Q", text="name:N")
    dots = alt.Chart(points).mark_circle(size=120, color="#000000", stroke="white", strokeWidth=1.5,
                                         opacity=1).encode(
        longitude="lon:Q", latitude="lat:Q",
        tooltip=[alt.Tooltip("name_pakistan:N", title="Crossing (Pakistani name)"),
                 alt.Tooltip("name_afghanistan:N", title="Afghan name"),
                 alt.Tooltip("pakistan_side:N", title="Pakistani side"),
                 alt.Tooltip("afghan_side:N", title="Afghan side"),
                 alt.Tooltip("lat:Q", title="Latitude (°N)", format=".3f"),
                 alt.Tooltip("lon:Q", title="Longitude (°E)", format=".3f")])
    names = alt.Chart(points).mark_text(align="left", dx=9, dy=-7, fontSize=13, fontWeight="bold").encode(
        longitude="lon:Q", latitude="lat:Q", text="name:N")
    subtitle = [
        "Dashed line: the Durand Line, drawn as the border (Pakistan's view);",
        "Afghan governments have not accepted it.",
        f"Dots: {len(points)} of the {len(crossings)} official crossings, those whose coordinates the course found.",
        *([f"Not on the map (no coordinates found): {missing_names}."] if len(missing) else []),
        *wrapped_source(data.sources_for(placed)["source_id"], width=88,
                        prefix="Borders: Natural Earth via world-atlas. Crossings: "),
    ]
    return alt.layer(countries, durand, labels, dots, names).properties(
        width=MAP_WIDTH, height=MAP_HEIGHT,
        title=alt.Title("The frontier: the Durand Line and its crossings", subtitle=subtitle,
                        subtitleFontSize=11),
        description=(f"Map of Afghanistan, Pakistan and their neighbours. A dashed line marks the Durand Line, the "
                     f"2,600 km border Pakistan recognises and Afghan governments do not. Dots mark "
                     f"{len(points)} crossings with known coordinates: {', '.join(points['name'])}."),
    ).project(**MAP_PROJECTION).configure_view(stroke=None)


def crossings_table(crossings: pd.DataFrame) -> pd.DataFrame:
    """The crossings, north to south as the data lists them, with what the map can and cannot show."""
    table = crossings[["name_pakistan", "name_afghanistan", "pakistan_province", "afghanistan_province",
                       "lat", "lon"]].copy()
    table["on the map"] = table["lat"].notna().map({True: "yes", False: "no coordinates"})
    return table.drop(columns=["lat", "lon"]).rename(columns={
        "name_pakistan": "Pakistani name", "name_afghanistan": "Afghan name",
        "pakistan_province": "Pakistani province", "afghanistan_province": "Afghan province"})


# --- Chart 2: who backed whom -------------------------------------------------------

CORE = {"PAK", "PAK_MIL", "AFG_STATE", "AFG_TALIBAN", "MUJAHIDEEN", "TTP", "HAQQANI", "AQ"}
OUTSIDERS = {"UK", "USA", "USSR", "UN", "QAT"}
AFGHAN_SIDE = {"AFG_STATE", "AFG_TALIBAN", "MUJAHIDEEN", "TTP", "HAQQANI"}
SHORT_NAMES = {"PAK": "Pakistan", "PAK_MIL": "Pakistan Army", "AFG_STATE": "Afghan state",
               "AFG_TALIBAN": "Afghan Taliban", "MUJAHIDEEN": "Mujahideen", "TTP": "TTP",
               "HAQQANI": "Haqqani network", "AQ": "al-Qaeda", "UK": "Britain", "USA": "US",
               "USSR": "Soviet Union", "UN": "UN", "QAT": "Qatar"}
# Where a bare label would overstate what the row's description says.
TIE_QUALIFIERS = {"pak-haqqani-support-alleged-2010": " (alleged; Pakistan denies)",
                  "un-ttp-designation-2020": " (of its leader)"}
TIES = ["support", "recognition", "hostility", "designation", "diplomatic", "trade", "mediation"]
TIE_LABELS = {"support": "Support", "recognition": "Recognition", "hostility": "Hostility",
              "designation": "Terrorist listing or sanctions", "diplomatic": "Diplomatic ties",
              "trade": "Trade agreement", "mediation": "Mediation"}
TIE_COLOURS = {"support": "#0072B2", "recognition": "#009E73", "hostility": "#D55E00", "designation": "#CC79A7",
               "diplomatic": "#E69F00", "trade": "#000000", "mediation": "#56B4E9"}


def ties_frame(relations: pd.DataFrame) -> pd.DataFrame:
    """Dated ties among Pakistan and the Afghan-side actors (Kabul governments, mujahideen, Taliban, TTP,
    Haqqanis, al-Qaeda), and from Britain, the US, the USSR, the UN and Qatar to the Afghan side, begun
    before 2021. Rows without a start year cannot be drawn and are left out."""
    names = actor_names()
    between_core = relations["from_actor"].isin(CORE) & relations["to_actor"].isin(CORE)
    outside_in = relations["from_actor"].isin(OUTSIDERS) & relations["to_actor"].isin(AFGHAN_SIDE)
    keep = (between_core | outside_in) & relations["start_year"].notna() & (relations["start_year"] <= 2020)
    frame = relations[keep].copy()
    frame["start"] = frame["start_year"].astype(int)
    frame["ongoing"] = frame["end_year"].isna() | (frame["end_year"] > 2021)
    frame["end"] = frame["end_year"].fillna(2021).clip(upper=2021).astype(int)
    frame["end_bar"] = frame["end"] + 1  # a tie in 1893 only still shows as one year
    short = {k: SHORT_NAMES.get(k, v) for k, v in names.items()}
    frame["pair"] = [f"{short[a]} → {short[b]}" for a, b in zip(frame["from_actor"], frame["to_actor"])]
    frame["tie_label"] = frame["tie"].astype(str).map(TIE_LABELS)
    frame["row"] = frame["pair"] + ": " + frame["tie_label"].str.lower() \
        + frame["relation_id"].map(TIE_QUALIFIERS).fillna("")
    frame["years"] = [f"{s}–{'after Aug 2021' if o else e}" if s != e else f"{s}"
                      for s, e, o in zip(frame["start"], frame["end"], frame["ongoing"])]
    return frame.sort_values(["start", "relation_id"]).reset_index(drop=True)


def ties_chart(relations: pd.DataFrame) -> alt.Chart:
    frame = ties_frame(relations)
    present = [t for t in TIES if TIE_LABELS[t] in set(frame["tie_label"])]
    tie_domain, tie_range = [TIE_LABELS[t] for t in present], [TIE_COLOURS[t] for t in present]
    plot = frame[["row", "start", "end_bar", "tie_label", "years", "description"]]
    return alt.Chart(plot, title=alt.Title(
        "Patrons, clients and rivals: ties between the actors, 1893–2021",
        subtitle=[f"{len(frame)} dated ties from relations.csv; bars reaching 2021 continue after August 2021.",
                  "Pakistan's support for the Haqqani network is an allegation it denies (hover for details).",
                  *wrapped_source(data.sources_for(frame)["source_id"], width=110)], subtitleFontSize=11),
        description=(f"Horizontal bars, one per tie between two actors, from its first to its last year: "
                     f"{len(frame)} ties such as Pakistan's support for the mujahideen (1979–1992) and for the "
                     f"Taliban (1994–2001), and hostility between Kabul governments and Pakistan from 1947."),
    ).mark_bar(height=11, cornerRadius=2).encode(
        y=alt.Y("row:N", sort=alt.EncodingSortField("start", order="ascending"), title=None,
                axis=alt.Axis(labelLimit=380, labelFontSize=11)),
        x=alt.X("start:Q", title="Year", scale=alt.Scale(domain=[1890, 2022], nice=False),
                axis=alt.Axis(format="d", values=list(range(1890, 2030, 20)))),
        x2="end_bar:Q",
        color=alt.Color("tie_label:N", title="Kind of tie", scale=alt.Scale(domain=tie_domain, range=tie_range),
                        legend=alt.Legend(orient="bottom", columns=3, labelLimit=260)),
        tooltip=[alt.Tooltip("row:N", title="Tie"), alt.Tooltip("years:N", title="Years"),
                 alt.Tooltip("description:N", title="What the sources say")],
    ).properties(width=360, height=alt.Step(16))


# --- Chart 3: how solid is the record -----------------------------------------------

def record_strength(events: pd.DataFrame) -> pd.DataFrame:
    counts = events.groupby(["era", "strength"]).size().rename("events").reset_index()
    totals = counts.groupby("era")["events"].transform("sum")
    counts["share"] = counts["events"] / totals
    return counts


def record_strength_chart(events: pd.DataFrame) -> alt.Chart:
    counts = record_strength(events)
    weak = events[events["weak"]]
    return alt.Chart(counts, title=alt.Title(
        "How solid is the record? Timeline events by the strength of their sources",
        subtitle=[f"{len(weak)} of {len(events)} events from 1893 to August 2021 rest only on weaker copies: "
                  "mirrors, blogs, forums (sources.csv caution=true).",
                  "Source: course_data/events.csv and sources.csv, compiled from "
                  f"{len(data.sources_for(events))} cited pages"]),
        description=("Stacked horizontal bars, one per era, splitting the timeline's events into those with at least "
                     "one stronger source and those resting only on weaker copies. The weak share is highest "
                     "before 1979."),
    ).mark_bar().encode(
        y=alt.Y("era:N", sort=ERA_LABELS, title=None, axis=alt.Axis(labelLimit=330)),
        x=alt.X("events:Q", title="Events in the timeline (count)"),
        color=alt.Color("strength:N", title="Sources behind the event",
                        scale=alt.Scale(domain=STRENGTHS, range=STRENGTH_COLOURS),
                        legend=alt.Legend(orient="bottom", labelLimit=300, titleLimit=300)),
        order=alt.Order("strength_order:Q"),
        tooltip=[alt.Tooltip("era:N", title="Era"), alt.Tooltip("strength:N", title="Sources"),
                 alt.Tooltip("events:Q", title="Events"), alt.Tooltip("share:Q", title="Share of era", format=".0%")],
    ).transform_calculate(strength_order=f"indexof({STRENGTHS!r}, datum.strength)").properties(width=480, height=150)


# --- The explorer: the timeline -----------------------------------------------------

MAX_LISTED = 10


def filter_events(events: pd.DataFrame, era: str = ALL, category: str = ALL, actor: str = ALL,
                  strong_only: bool = False) -> pd.DataFrame:
    # .loc with explicit boolean masks: on an empty selection, map() returns an object Series,
    # which plain `rows[...]` would take as a list of column names and drop every column.
    rows = events
    if era != ALL:
        rows = rows.loc[(rows["era"] == era).astype(bool)]
    if category != ALL:
        rows = rows.loc[(rows["category"] == category).astype(bool)]
    if actor != ALL:
        rows = rows.loc[rows["actor_ids"].map(lambda ids: actor in ids).astype(bool)]
    if strong_only:
        rows = rows.loc[~rows["weak"].astype(bool)]
    return rows


def _year_step(span: int) -> int:
    """Years between axis ticks, so a short span does not repeat the same year label."""
    return 1 if span <= 10 else 5 if span <= 40 else 10


def timeline_chart(rows: pd.DataFrame, heading: str = "Timeline") -> alt.Chart:
    plot = rows[["date", "when", "title", "kind", "category_label", "actor_names", "publishers", "strength"]]
    kinds = [k for k in KINDS if k in set(plot["kind"])]
    first, last = rows["date"].dt.year.min(), rows["date"].dt.year.max()
    return alt.Chart(plot, title=alt.Title(
        heading, subtitle=[f"{len(rows)} events, {first}–{last}. Triangles: events resting only on weaker copies.",
                           _short_source(rows)]),
        description=(f"Timeline of {len(rows)} events between {first} and {last}, one symbol per event, in rows by "
                     f"kind of event. Hover a symbol for its date, title, actors and sources."),
    ).mark_point(filled=True, size=90, opacity=0.85).encode(
        x=alt.X("date:T", title="Date (year)", scale=alt.Scale(padding=12),
                axis=alt.Axis(format="%Y", tickCount={"interval": "year", "step": _year_step(last - first)})),
        y=alt.Y("kind:N", title=None, sort=KINDS, axis=alt.Axis(labelLimit=260)),
        color=alt.Color("kind:N", scale=alt.Scale(domain=KINDS), legend=None),
        shape=alt.Shape("strength:N", scale=alt.Scale(domain=STRENGTHS, range=["circle", "triangle-up"]),
                        title="Sources", legend=alt.Legend(orient="bottom", labelLimit=300)),
        tooltip=[alt.Tooltip("when:N", title="Date"), alt.Tooltip("title:N", title="Event"),
                 alt.Tooltip("category_label:N", title="Kind"), alt.Tooltip("actor_names:N", title="Actors"),
                 alt.Tooltip("publishers:N", title="Sources"), alt.Tooltip("strength:N", title="Source strength")],
    ).properties(width=520, height=40 * max(len(kinds), 2))


def _short_source(rows: pd.DataFrame, limit: int = 4) -> str:
    """A one-line source for the explorer's chart: a few publishers, then how many more (all are listed above it)."""
    names = list(dict.fromkeys(_publishers()[sid] for sid in data.sources_for(rows)["source_id"]))
    more = len(names) - limit
    return "Source: " + "; ".join(names[:limit]) + (f" and {more} more (see the list above)" if more > 0 else "")


def _event_item(row) -> str:
    flag = (" <span title='every source is a weaker copy'>⚠ <em>weaker sources only</em></span>"
            if row.weak else "")
    return (f"<li><strong>{html.escape(row.when)}</strong>: {html.escape(row.title)}. "
            f"{html.escape(row.description)} <small>(Sources: {html.escape(row.publishers)})</small>{flag}</li>")


def _describe(era: str, category: str, actor: str, strong_only: bool) -> str:
    parts = []
    if category != ALL:
        parts.append(CATEGORY_LABELS[category].lower())
    if actor != ALL:
        parts.append(f"involving {actor_names()[actor]}")
    if era != ALL:
        parts.append(f"in {era.split(':')[0]}")
    if strong_only:
        parts.append("with at least one stronger source")
    return " ".join(parts) if parts else "in all eras"


def view(era: str = ALL, category: str = ALL, actor: str = ALL, strong_only: bool = False) -> widgets.View:
    events = events_frame()
    rows = filter_events(events, era, category, actor, strong_only)
    what = _describe(era, category, actor, strong_only)
    if rows.empty:
        hint = "Try 'All eras', another kind of event or another actor"
        if strong_only:
            hint += ", or untick 'Hide events with only weaker sources'"
        # With a kind of event chosen, `what` already names what is missing ("border incidents and closures in …").
        missing = what if category != ALL else f"events {what}"
        return widgets.View.empty(f"the timeline has no {missing}. {hint}.")
    n_weak = int(rows["weak"].sum())
    listed = rows.head(MAX_LISTED)
    more = len(rows) - len(listed)
    weak_text = (f"{n_weak} rest only on weaker copies (marked ⚠): treat their dates as uncertain."
                 if n_weak else "None of them rests only on weaker copies.")
    summary = (f"<p><strong>{len(rows)}</strong> of {len(events)} events ({html.escape(what)}), "
               f"{rows['when'].iloc[0]} to {rows['when'].iloc[-1]}. {weak_text}</p>")
    items = "".join(_event_item(r) for r in listed.itertuples())
    tail = (f"<p><em>…and {more} more. Narrow the filters, or hover the chart below, to see them.</em></p>"
            if more else "")
    return widgets.View(html=summary + f"<ol>{items}</ol>" + tail,
                        chart=timeline_chart(rows, f"Events {what}"))


def era_options() -> list[tuple[str, str]]:
    return [("All eras, 1893–2021", ALL), *[(label, label) for label in ERA_LABELS]]


def category_options() -> list[tuple[str, str]]:
    present = set(events_frame()["category"])
    return [("All kinds of event", ALL), *sorted((CATEGORY_LABELS[c], c) for c in present)]


def actor_options() -> list[tuple[str, str]]:
    counts = events_frame()["actor_ids"].explode().value_counts()
    names = actor_names()
    return [("All actors", ALL), *sorted((f"{names[a]} ({n})", a) for a, n in counts.items())]


def explorer() -> w.VBox:
    style = {"description_width": "initial"}
    controls = {
        "era": w.Dropdown(options=era_options(), value=ALL, description="Era:", style=style,
                          layout=w.Layout(width="420px")),
        "category": w.Dropdown(options=category_options(), value=ALL, description="Kind of event:", style=style,
                               layout=w.Layout(width="360px")),
        "actor": w.Dropdown(options=actor_options(), value=ALL, description="Actor:", style=style,
                            layout=w.Layout(width="480px")),
        "strong_only": w.Checkbox(value=False, description="Hide events with only weaker sources", indent=False,
                                  layout=w.Layout(width="320px")),
    }
    return widgets.explorer(controls, view, "Choose an era, a kind of event and an actor to filter the timeline "
                                            "(Tab to a list, then arrow keys or type a letter; Space ticks the box). "
                                            "Numbers after actor names count their events.")


# --- Tables shown in the lesson -----------------------------------------------------

KEY_DATES = ["1893-11-12-durand-agreement", "1947-09-30-afghan-vote-un-admission",
             "1949-07-26-loya-jirga-rejects-durand", "1997-05-26-pakistan-recognises-taliban",
             "2018-10-01-baradar-released"]


def evidence_table(event_ids=KEY_DATES) -> pd.DataFrame:
    """Key dates, how precisely the data gives them, and whether weaker copies carry them."""
    events = events_frame().set_index("event_id").loc[list(event_ids)]
    caution = _caution()
    return pd.DataFrame({
        "date in the data": events["when"],
        "event": events["title"],
        "sources (weaker copies)": [f"{len(data.split_ids(ids))} ({sum(caution[s] for s in data.split_ids(ids))})"
                                    for ids in events["source_ids"]],
        "what the note says": events["note"],
    }).reset_index(drop=True)


def era_counts(events: pd.DataFrame) -> pd.DataFrame:
    """Events per era, and how many rest only on weaker copies."""
    grouped = events.groupby("era", sort=False).agg(events=("event_id", "size"), weaker_only=("weak", "sum"))
    return grouped.reindex(ERA_LABELS).reset_index()
