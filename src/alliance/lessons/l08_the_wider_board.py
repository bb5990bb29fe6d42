"""Lesson 08 · The wider board: the outside powers around Pakistan and the Afghan Taliban.

Chart builders and the relations explorer. Everything is computed from
course_data/relations.csv (dated ties between actors), actors.csv and events.csv.

How a tie's years are read (stated in the lesson too):
- a tie is in force in year Y when start_year <= Y and (end_year is empty or end_year >= Y);
  end_year empty means "still in force at the latest source";
- a tie with no start_year is not guessed: it is shown only in the year the sources
  confirm it, which is its end_year, or the latest year in the data when it has no
  end_year either. Charts mark such ties as "start year not given".
"""

from __future__ import annotations

import html
from functools import lru_cache

import altair as alt
import pandas as pd

from .. import charts, data, widgets

# --- Fixed vocabularies -------------------------------------------------------------

# The seven tie types in relations.csv, in the order the course presents them.
TIE_ORDER = ["support", "hostility", "trade", "diplomatic", "recognition", "mediation", "designation"]
TIE_LABEL = {
    "support": "Support", "hostility": "Hostility", "trade": "Trade",
    "diplomatic": "Diplomatic ties", "recognition": "Recognition", "mediation": "Mediation",
    "designation": "Terrorist designation",
}
# One colour per tie type, from the course palette (Okabe–Ito); yellow is left out.
TIE_COLOURS = {
    "support": "#009E73", "hostility": "#D55E00", "trade": "#E69F00", "diplomatic": "#56B4E9",
    "recognition": "#0072B2", "mediation": "#CC79A7", "designation": "#000000",
}
TIE_LABELS = [TIE_LABEL[t] for t in TIE_ORDER]
TIE_LABEL_COLOURS = [TIE_COLOURS[t] for t in TIE_ORDER]

# Short display names (the full names are in actors.csv).
SHORT_NAME = {
    "PAK": "Pakistan", "PAK_MIL": "Pakistan Army / ISPR", "AFG_TALIBAN": "Afghan Taliban",
    "AFG_STATE": "Afghan state (pre-Taliban)", "TTP": "TTP", "ISKP": "ISKP", "BLA": "BLA",
    "HAQQANI": "Haqqani network", "AQ": "al-Qaeda", "MUJAHIDEEN": "Mujahideen (1980s)",
    "USSR": "Soviet Union", "USA": "United States", "CHN": "China", "IRN": "Iran", "IND": "India",
    "RUS": "Russia", "TUR": "Türkiye", "QAT": "Qatar", "SAU": "Saudi Arabia", "UAE": "UAE",
    "UK": "United Kingdom", "UN": "United Nations", "NATO": "NATO", "UZB": "Uzbekistan",
}
# Matrix order: the two neighbours, the other Afghan actors, the outside powers, then armed groups.
ACTOR_ORDER = ["PAK", "PAK_MIL", "AFG_TALIBAN", "AFG_STATE",
               "CHN", "IRN", "IND", "RUS", "USSR", "TUR", "QAT", "SAU", "UAE", "UZB", "USA", "UK",
               "UN", "NATO",
               "TTP", "BLA", "HAQQANI", "ISKP", "AQ", "MUJAHIDEEN"]
# The outside powers this lesson is about (states plus the UN).
BOARD = ["CHN", "IRN", "IND", "RUS", "TUR", "QAT", "SAU", "UAE", "UZB", "USA", "UN"]
ARMED_GROUPS = ["TTP", "BLA", "HAQQANI", "ISKP", "AQ"]
PARTNERS = ["Pakistan", "Afghan Taliban", "Armed groups", "Afghan Republic", "Others"]

FIRST_YEAR_SINCE_TAKEOVER = 2021
START_NOT_GIVEN = "not given in the sources"


def name(actor_id: str) -> str:
    return SHORT_NAME.get(actor_id, actor_id)


# --- Prepared tables (cached: the explorer calls view() on every slider step) -------

@lru_cache(maxsize=1)
def _prepared() -> pd.DataFrame:
    return prepare(data.load("relations"))


def prepare(relations: pd.DataFrame) -> pd.DataFrame:
    """relations.csv plus display columns: names, tie label, a plain-language year span."""
    frame = relations.copy()
    frame["tie"] = frame["tie"].astype(str)
    frame["from_name"] = frame["from_actor"].map(name)
    frame["to_name"] = frame["to_actor"].map(name)
    frame["tie_label"] = frame["tie"].map(TIE_LABEL)
    frame["start_known"] = frame["start_year"].notna()
    frame["years"] = [_span(s, e) for s, e in zip(frame["start_year"], frame["end_year"])]
    frame["start_note"] = frame["start_known"].map({True: "given", False: START_NOT_GIVEN})
    return frame


def latest_year(relations: pd.DataFrame) -> int:
    """The latest year any tie in the data starts or ends: 'ongoing' runs up to here."""
    return int(max(relations["start_year"].max(), relations["end_year"].max()))


def _span(start, end) -> str:
    s = "start not given" if pd.isna(start) else str(int(start))
    e = "ongoing" if pd.isna(end) else str(int(end))
    if not pd.isna(start) and not pd.isna(end) and int(start) == int(end):
        return s
    return f"{s} – {e}"


def in_force(relations: pd.DataFrame, year: int, last: int | None = None) -> pd.DataFrame:
    """The ties in force in `year` (see the module docstring for the rule on missing years)."""
    last = latest_year(relations) if last is None else last
    start, end = relations["start_year"], relations["end_year"]
    dated = start.notna() & (start <= year) & (end.isna() | (end >= year))
    undated = start.isna() & (end.fillna(last) == year)
    return relations[(dated | undated).fillna(False).astype(bool)]


def active_between(relations: pd.DataFrame, first: int, last: int) -> pd.DataFrame:
    """Ties in force at some point from `first` to `last` (undated ties: by their confirmed year)."""
    end = relations["end_year"]
    start = relations["start_year"]
    confirmed = end.fillna(latest_year(relations))
    dated = start.notna() & (start <= last) & (end.isna() | (end >= first))
    undated = start.isna() & (confirmed >= first) & (confirmed <= last)
    return relations[(dated | undated).fillna(False).astype(bool)]


def ties_by_type(relations: pd.DataFrame) -> pd.DataFrame:
    """How many ties of each type the data records, and how many are still in force."""
    frame = relations.assign(tie=relations["tie"].astype(str))
    table = frame.groupby("tie").agg(ties=("relation_id", "size"),
                                     still_in_force=("end_year", lambda s: int(s.isna().sum())),
                                     start_year_not_given=("start_year", lambda s: int(s.isna().sum())))
    table = table.reindex(TIE_ORDER).fillna(0).astype(int)
    table.index = [TIE_LABEL[t] for t in table.index]
    table.index.name = "tie type"
    return table


def _sources_subtitle(frame: pd.DataFrame, limit: int = 3) -> str:
    """A source line that stays on one line: the publishers behind the most rows, then 'and N more'."""
    counts: dict[str, int] = {}
    publishers = _publishers()
    for value in frame["source_ids"]:
        for sid in data.split_ids(value):
            publisher = publishers.get(sid, sid)
            counts[publisher] = counts.get(publisher, 0) + 1
    ranked = sorted(counts, key=lambda p: (-counts[p], p))
    shown = ranked[:limit]
    more = len(ranked) - len(shown)
    line = "Source: course_data/relations.csv, from " + "; ".join(shown)
    return line + (f" and {more} more publishers" if more else "")


@lru_cache(maxsize=1)
def _publishers() -> dict[str, str]:
    sources = data.load("sources")
    return dict(zip(sources["source_id"], sources["publisher"]))


def chart_source_line(frame: pd.DataFrame) -> str:
    """charts.source_line for short lists; a shortened line when many publishers are behind a chart."""
    ids = list(dict.fromkeys(sid for value in frame["source_ids"] for sid in data.split_ids(value)))
    if len({_publishers().get(sid, sid) for sid in ids}) <= 3:
        return charts.source_line(ids)
    return _sources_subtitle(frame)


# --- Chart 1: each outside power's ties since 2021 ---------------------------------

def _partner(row) -> tuple[str, str]:
    """(outside power, what it is tied to) for a tie with one end on the board."""
    own, other = (row.from_actor, row.to_actor) if row.from_actor in BOARD else (row.to_actor, row.from_actor)
    if other in ("PAK", "PAK_MIL"):
        group = "Pakistan"
    elif other == "AFG_TALIBAN":
        group = "Afghan Taliban"
    elif other in ARMED_GROUPS:
        group = "Armed groups"
    elif other == "AFG_STATE":
        group = "Afghan Republic"
    else:
        group = "Others"
    return own, group


def board_ties(relations: pd.DataFrame, first: int = FIRST_YEAR_SINCE_TAKEOVER) -> pd.DataFrame:
    """Ties in force at some point since `first` with an outside power at one end, one row per
    (outside power, partner group, tie type) with the count and the ties' names."""
    frame = prepare(relations)
    frame = active_between(frame, first, latest_year(frame))
    frame = frame[frame["from_actor"].isin(BOARD) | frame["to_actor"].isin(BOARD)]
    pairs = [_partner(r) for r in frame.itertuples()]
    frame = frame.assign(power=[name(p[0]) for p in pairs], partner=[p[1] for p in pairs],
                         pair=frame["from_name"] + " → " + frame["to_name"])
    counts = (frame.groupby(["power", "partner", "tie_label"], as_index=False)
              .agg(ties=("relation_id", "size"), which=("pair", lambda s: "; ".join(s))))
    return counts


def board_ties_chart(relations: pd.DataFrame) -> alt.Chart:
    """Stacked bars: for each outside power, its ties since 2021 with Pakistan, with the Taliban
    and with armed groups, by tie type."""
    counts = board_ties(relations)
    used = active_between(prepare(relations), FIRST_YEAR_SINCE_TAKEOVER, latest_year(relations))
    used = used[used["from_actor"].isin(BOARD) | used["to_actor"].isin(BOARD)]
    totals = counts.groupby("power")["ties"].sum().sort_values(ascending=False)
    partners = [p for p in PARTNERS if p in set(counts["partner"])]
    return alt.Chart(counts, title=alt.Title(
        "Outside powers deal with both neighbours",
        subtitle=[f"Ties in force at some point from {FIRST_YEAR_SINCE_TAKEOVER} to {latest_year(relations)}, "
                  "either direction, by what the other side is",
                  chart_source_line(used)]),
        description=("Stacked horizontal bars in panels: for each outside power (China, Iran, India, Russia, "
                     "Türkiye, Qatar, Saudi Arabia, the UAE, Uzbekistan, the United States and the UN), "
                     "the number of recorded ties since 2021 with Pakistan, with the Afghan Taliban and with "
                     "armed groups, coloured by tie type. Most powers have ties with both Pakistan and the Taliban.")
    ).mark_bar().encode(
        y=alt.Y("power:N", sort=list(totals.index), title="Outside power"),
        x=alt.X("sum(ties):Q", title="Ties (count)", axis=alt.Axis(tickMinStep=1, format="d")),
        color=alt.Color("tie_label:N", title="Tie type",
                        scale=alt.Scale(domain=TIE_LABELS, range=TIE_LABEL_COLOURS),
                        legend=alt.Legend(orient="bottom", columns=4, labelLimit=220)),
        order=alt.Order("tie_order:Q"),
        column=alt.Column("partner:N", sort=partners, title="At the other end of the tie",
                          header=alt.Header(labelFontSize=13, labelFontWeight="bold", titleFontSize=13)),
        tooltip=[alt.Tooltip("power:N", title="Outside power"),
                 alt.Tooltip("partner:N", title="At the other end"),
                 alt.Tooltip("tie_label:N", title="Type"), alt.Tooltip("ties:Q", title="Ties (count)"),
                 alt.Tooltip("which:N", title="Who → whom")],
    ).transform_calculate(
        tie_order=f"indexof({TIE_LABELS!r}, datum.tie_label)"
    ).properties(width=125, height=alt.Step(20)).configure_facet(spacing=18)


# --- Chart 2: recognitions and designations over time ------------------------------

# Rows whose designation is narrower than the label "X designates Y" suggests (see their descriptions).
LABEL_SUFFIX = {
    "un-ttp-designation-2020": " (its leader)",
    "pak-ttp-designation-2024": " ('Fitna al-Khawarij' order)",
    "pak-bla-designation-2025": " ('Fitna al-Hindustan' order)",
}


def status_ties(relations: pd.DataFrame) -> pd.DataFrame:
    """Recognition and designation ties, one row each, with a 'who → whom' label and bar ends."""
    frame = prepare(relations)
    frame = frame[frame["tie"].isin(["recognition", "designation"])].copy()
    last = latest_year(relations)
    verb = {"recognition": "recognises", "designation": "designates"}
    frame["who_whom"] = [f"{f} {verb[t]} {to}" for f, t, to in zip(frame["from_name"], frame["tie"], frame["to_name"])]
    frame["sentence"] = [w + (" as terrorist" if t == "designation" else "")
                         for w, t in zip(frame["who_whom"], frame["tie"])]
    frame["who_whom"] = frame["who_whom"] + frame["relation_id"].map(LABEL_SUFFIX).fillna("")
    frame["bar_start"] = frame["start_year"].astype("Float64")
    # A bar covers whole years: from 1 January of the start year to the end of the last year.
    frame["bar_end"] = (frame["end_year"].fillna(last) + 1).astype("Float64")
    frame["status"] = ["ongoing at the latest source" if pd.isna(e) else f"ended {int(e)}"
                       for e in frame["end_year"]]
    frame["sort_key"] = frame["start_year"].fillna(frame["end_year"]).astype(int)
    frame["tie_rank"] = frame["tie"].map({"recognition": 0, "designation": 1})
    frame = frame.sort_values(["tie_rank", "sort_key", "from_name"])
    # Two rows with the same pair (e.g. UN → Taliban 1999 and 2011) get distinct labels.
    dup = frame.duplicated("who_whom", keep=False)
    frame.loc[dup, "who_whom"] = frame.loc[dup, "who_whom"] + " (from " + frame.loc[dup, "sort_key"].astype(str) + ")"
    return frame


def status_timeline_chart(relations: pd.DataFrame) -> alt.LayerChart:
    """Gantt-style bars: who recognised whom and who designated whom as terrorist, and when."""
    frame = status_ties(relations)
    cols = ["who_whom", "tie_label", "sentence", "years", "status", "description", "bar_start", "bar_end",
            "end_year", "start_note"]
    slim = frame[cols].copy()
    slim["end_point"] = slim["end_year"].astype("Float64") + 0.5
    slim["ongoing_point"] = (slim["bar_end"] + 0.6).where(slim["end_year"].isna())
    slim = slim.drop(columns="end_year")
    order = frame["who_whom"].tolist()
    last = latest_year(relations)
    y = alt.Y("who_whom:N", sort=order, title="Who recognises or designates whom",
              axis=alt.Axis(labelLimit=340, titleAngle=0, titleAnchor="start", titleAlign="right", titleY=-8,
                            titleX=-6))
    colour = alt.Color("tie_label:N", title="Tie type",
                       scale=alt.Scale(domain=["Recognition", "Terrorist designation"],
                                       range=[TIE_COLOURS["recognition"], TIE_COLOURS["designation"]]),
                       legend=alt.Legend(orient="bottom"))
    tooltip = [alt.Tooltip("sentence:N", title="Who → whom"), alt.Tooltip("years:N", title="Years"),
               alt.Tooltip("status:N", title="Status"), alt.Tooltip("description:N", title="What the sources say")]
    x_scale = alt.Scale(domain=[1990, last + 2], nice=False)
    base = alt.Chart(slim)
    bars = base.transform_filter("isValid(datum.bar_start)").mark_bar(height=12).encode(
        y=y, color=colour, tooltip=tooltip,
        x=alt.X("bar_start:Q", scale=x_scale, title="Year (each bar runs from its first to its last year)",
                axis=alt.Axis(format="d", tickMinStep=5)),
        x2="bar_end:Q")
    undated = base.transform_filter("!isValid(datum.bar_start)").mark_point(
        shape="triangle-left", size=110, filled=True).encode(
        y=y, color=colour, tooltip=tooltip, x=alt.X("end_point:Q", scale=x_scale))
    undated_label = base.transform_filter("!isValid(datum.bar_start)").mark_text(
        align="right", dx=-10, fontSize=11, color="#444444").encode(
        y=y, x=alt.X("end_point:Q", scale=x_scale), text=alt.value("start year not given ·"))
    ongoing = base.transform_filter("isValid(datum.ongoing_point)").mark_point(
        shape="triangle-right", size=70, filled=True, opacity=1).encode(
        y=y, color=colour, tooltip=tooltip, x=alt.X("ongoing_point:Q", scale=x_scale))
    n_undated = int(frame["start_year"].isna().sum())
    return alt.layer(bars, ongoing, undated, undated_label, title=alt.Title(
        "Who recognised the Taliban, and who lists whom as terrorist",
        subtitle=[f"{len(frame)} recognition and designation ties, {frame['end_year'].isna().sum()} still in force "
                  f"at the latest source (marked ▶); {n_undated} with no start year shown as ◀ at their last year",
                  chart_source_line(frame)]),
        description=("Horizontal bars, one per tie, from its first to its last year: recognitions of a "
                     "government (blue) and terrorist designations (black), each labelled with who acts on whom. "
                     "Pakistan, Saudi Arabia and the UAE recognised the first Taliban government until 2001; "
                     "Russia recognised the Taliban in 2025 after lifting its terrorist listing.")
    ).properties(width=430, height=alt.Step(19))


# --- The explorer: a relations matrix by year and tie type -------------------------

TIE_CHOICES = [("All tie types", "all")] + [(TIE_LABEL[t], t) for t in TIE_ORDER]
EXPLORER_INSTRUCTIONS = (
    "Move the year slider (Tab to it, then the arrow keys) and pick a tie type. Each coloured cell is a tie "
    "from the actor on the left to the actor on top; hover for what the sources say. A tie whose start year "
    "the sources do not give is not guessed: it appears only in the year they confirm it (its last year, or "
    "the latest year if it is still in force) and is outlined in black.")


def _matrix_frame(rows: pd.DataFrame, row_domain: list[str], col_domain: list[str]) -> pd.DataFrame:
    """Cell geometry computed in Python: each tie fills an equal slice of its (from, to) cell."""
    rows = rows.sort_values(["from_actor", "to_actor", "tie"],
                            key=lambda s: s.map(TIE_ORDER.index) if s.name == "tie" else s)
    rank = rows.groupby(["from_actor", "to_actor"]).cumcount()
    size = rows.groupby(["from_actor", "to_actor"])["tie"].transform("size")
    col = rows["to_actor"].map(col_domain.index)
    out = pd.DataFrame({
        "x": col + rank / size, "x2": col + (rank + 1) / size,
        "y": rows["from_actor"].map(row_domain.index), "tie_label": rows["tie_label"],
        "who_whom": rows["from_name"] + " → " + rows["to_name"], "years": rows["years"],
        "description": rows["description"], "start_note": rows["start_note"],
    })
    out["y2"] = out["y"] + 1
    return out


def matrix_chart(rows: pd.DataFrame, year: int, row_domain: list[str], col_domain: list[str],
                 ties: list[str]) -> alt.LayerChart:
    """A from × to matrix for the ties in `rows`; rows and columns fixed by the domains."""
    cells = _matrix_frame(rows, row_domain, col_domain)
    n_rows, n_cols = len(row_domain), len(col_domain)
    row_names = [name(a) for a in row_domain]
    col_names = [name(a) for a in col_domain]
    grid = pd.DataFrame([{"x": c, "x2": c + 1, "y": r, "y2": r + 1} for r in range(n_rows) for c in range(n_cols)])
    x_scale = alt.Scale(domain=[0, n_cols], nice=False, zero=False)
    y_scale = alt.Scale(domain=[0, n_rows], nice=False, zero=False, reverse=True)
    x_axis = alt.Axis(orient="top", values=[c + 0.5 for c in range(n_cols)], labelAngle=-40, labelAlign="left",
                      labelExpr=f"{col_names!r}[floor(datum.value)]", grid=False, ticks=False, domain=False,
                      labelLimit=170, titlePadding=8, labelOverlap=False)
    y_axis = alt.Axis(values=[r + 0.5 for r in range(n_rows)], labelExpr=f"{row_names!r}[floor(datum.value)]",
                      grid=False, ticks=False, domain=False, labelLimit=190, labelOverlap=False)
    background = alt.Chart(grid).mark_rect(color="#f2f2f2", stroke="white", strokeWidth=2).encode(
        x=alt.X("x:Q", scale=x_scale, axis=x_axis, title="To (the actor the tie is directed at)"),
        x2="x2:Q",
        y=alt.Y("y:Q", scale=y_scale, axis=y_axis, title="From (the actor that acts)"),
        y2="y2:Q")
    labels = [TIE_LABEL[t] for t in ties]
    marks = alt.Chart(cells).mark_rect(strokeWidth=1.5).encode(
        x=alt.X("x:Q", scale=x_scale, axis=x_axis, title="To (the actor the tie is directed at)"), x2="x2:Q",
        y=alt.Y("y:Q", scale=y_scale, axis=y_axis, title="From (the actor that acts)"), y2="y2:Q",
        color=alt.Color("tie_label:N", title="Tie type",
                        scale=alt.Scale(domain=labels, range=[TIE_COLOURS[t] for t in ties]),
                        legend=alt.Legend(orient="bottom", columns=4, labelLimit=200)),
        stroke=alt.Stroke("start_note:N", title="Start year",
                          scale=alt.Scale(domain=["given", START_NOT_GIVEN], range=["white", "#000000"]),
                          legend=alt.Legend(orient="bottom", symbolType="square", symbolFillColor="#f2f2f2")),
        tooltip=[alt.Tooltip("who_whom:N", title="Who → whom"), alt.Tooltip("tie_label:N", title="Tie type"),
                 alt.Tooltip("years:N", title="Years"), alt.Tooltip("description:N", title="What the sources say")])
    which = "all tie types" if len(ties) > 1 else TIE_LABEL[ties[0]].lower()
    return alt.layer(background, marks, title=alt.Title(
        f"Who is tied to whom in {year}: {which}",
        subtitle=[f"{len(rows)} {'tie' if len(rows) == 1 else 'ties'} in force; read each row from left to top",
                  chart_source_line(rows)]),
        description=(f"A matrix with acting actors as rows and the actors they act on as columns; each coloured "
                     f"cell is one of the {len(rows)} ties ({which}) in force in {year}, coloured by tie type, "
                     "and a cell with several ties is split into equal slices.")
    ).properties(width=max(32 * n_cols, 240), height=21 * n_rows)


def _domains(frame: pd.DataFrame) -> tuple[list[str], list[str]]:
    """Row and column actors for every year of this tie selection, so the slider never moves them."""
    rows = [a for a in ACTOR_ORDER if a in set(frame["from_actor"])]
    cols = [a for a in ACTOR_ORDER if a in set(frame["to_actor"])]
    return rows, cols


def possibly_in_force(frame: pd.DataFrame, year: int, last: int) -> pd.DataFrame:
    """Undated ties that may have held in `year` but are not drawn: `year` is before the year the
    sources confirm, and not before the first dated tie of the armed group(s) in the pair (a state
    has no such floor; a movement cannot have ties before the data first show it acting)."""
    everything = _prepared()
    groups = set(_armed_groups())
    dated = everything[everything["start_year"].notna()]
    first_seen: dict[str, int] = {}
    for actor_col in ("from_actor", "to_actor"):
        for actor, start in zip(dated[actor_col], dated["start_year"]):
            first_seen[actor] = min(first_seen.get(actor, 9999), int(start))
    undated = frame[frame["start_year"].isna()]
    keep = []
    for r in undated.itertuples():
        confirmed = last if pd.isna(r.end_year) else int(r.end_year)
        floors = [first_seen.get(a, confirmed) for a in (r.from_actor, r.to_actor) if a in groups]
        keep.append(max(floors, default=year) <= year < confirmed)
    return undated[keep] if keep else undated


@lru_cache(maxsize=1)
def _armed_groups() -> tuple[str, ...]:
    actors = data.load("actors")
    return tuple(actors.loc[actors["type"] == "armed group", "actor_id"])


def years_in_force(frame: pd.DataFrame, last: int) -> list[int]:
    """Every year in which at least one tie of `frame` is in force."""
    years: set[int] = set()
    for start, end in zip(frame["start_year"], frame["end_year"]):
        stop = last if pd.isna(end) else int(end)
        begin = stop if pd.isna(start) else int(start)
        years.update(range(begin, stop + 1))
    return sorted(years)


def year_ranges(years: list[int]) -> str:
    """[1996, 1997, 1998, 2025] -> '1996–1998 and 2025'."""
    spans: list[list[int]] = []
    for y in years:
        if spans and y == spans[-1][1] + 1:
            spans[-1][1] = y
        else:
            spans.append([y, y])
    text = [f"{a}–{b}" if a != b else str(a) for a, b in spans]
    return text[0] if len(text) == 1 else ", ".join(text[:-1]) + " and " + text[-1]


def _tie_list(frame: pd.DataFrame) -> str:
    items = [f"{html.escape(r.from_name)} → {html.escape(r.to_name)} ({html.escape(r.tie_label.lower())})"
             for r in frame.itertuples()]
    return "; ".join(items)


@lru_cache(maxsize=1)
def _diplomacy_events() -> pd.DataFrame:
    events = data.load("events")
    frame = events[events["category"] == "diplomacy"].copy()
    frame["year"] = frame["date"].dt.year
    return frame[["event_id", "year", "date", "date_precision", "title"]]


def view(year: int, tie: str) -> widgets.View:
    """What the explorer shows for one year and one tie type ('all' for every type)."""
    frame = _prepared()
    selected = frame if tie == "all" else frame[frame["tie"] == tie]
    ties = TIE_ORDER if tie == "all" else [tie]
    label = "ties" if tie == "all" else f"{TIE_LABEL[tie].lower()} ties"
    last = latest_year(frame)
    rows = in_force(selected, year, last)
    if rows.empty:
        spans = year_ranges(years_in_force(selected, last))
        maybe = possibly_in_force(selected, year, last)
        caveat = "" if maybe.empty else (
            f" Possibly in force then, but with no start year in the sources: {html.unescape(_tie_list(maybe))}.")
        return widgets.View.empty(
            f"the data record no {label} in force in {year}.{caveat} {TIE_LABEL.get(tie, 'Ties')} ties are "
            f"recorded in {spans}: move the slider into those years, or choose 'All tie types'.")
    started = selected[selected["start_year"] == year]
    ended = selected[selected["end_year"] == year]
    if len(rows) == 1:
        label = label.replace("ties", "tie")
    parts = [f"<p><strong>{year}</strong>: <strong>{len(rows)}</strong> {label} in force"
             f" between <strong>{rows['from_actor'].nunique()}</strong> acting and "
             f"<strong>{rows['to_actor'].nunique()}</strong> targeted actors.</p>"]
    parts.append(f"<p><strong>Began in {year}:</strong> {_tie_list(started) or 'none recorded'}.<br>"
                 f"<strong>Last year of:</strong> {_tie_list(ended) or 'none recorded'}.</p>")
    undated = rows[~rows["start_known"]]
    if not undated.empty:
        parts.append(f"<p><em>Start year not given in the sources (outlined):</em> {_tie_list(undated)}.</p>")
    maybe = possibly_in_force(selected, year, last)
    if not maybe.empty:
        confirmed = sorted({int(y) for y in maybe["end_year"].fillna(last)})
        parts.append(f"<p><em>Not drawn, because the sources give no start year (they confirm these ties only "
                     f"for {year_ranges(confirmed)}):</em> {_tie_list(maybe)}.</p>")
    events = _diplomacy_events()
    this_year = events[events["year"] == year]
    if not this_year.empty:
        items = "".join(f"<li>{html.escape(_event_date(r))}: {html.escape(r.title)}</li>" for r in this_year.itertuples())
        parts.append(f"<details><summary>Diplomacy that year in the course timeline ({len(this_year)})</summary>"
                     f"<ul>{items}</ul></details>")
    row_domain, col_domain = _domains(selected)
    return widgets.View(html="".join(parts), chart=matrix_chart(rows, year, row_domain, col_domain, ties))


def _event_date(row) -> str:
    if row.date_precision == "year":
        return str(row.date.year)
    if row.date_precision == "month":
        return row.date.strftime("%B %Y")
    return f"{row.date.day} {row.date.strftime('%B %Y')}"


def explorer(year: int | None = None):
    """Year slider + tie-type list wired to `view`."""
    import ipywidgets as w

    frame = _prepared()
    first, last = int(frame["start_year"].min()), latest_year(frame)
    controls = {
        "year": w.IntSlider(value=year or last, min=first, max=last, step=1, description="Year",
                            continuous_update=False, style={"description_width": "initial"},
                            layout=w.Layout(width="520px")),
        "tie": w.Dropdown(options=TIE_CHOICES, value="all", description="Tie type",
                          style={"description_width": "initial"}, layout=w.Layout(width="300px")),
    }
    return widgets.explorer(controls, view, EXPLORER_INSTRUCTIONS)


# --- Tables shown in the lesson -------------------------------------------------------

def board_diplomacy(events: pd.DataFrame, first: int = FIRST_YEAR_SINCE_TAKEOVER) -> pd.DataFrame:
    """Diplomacy events since `first` in which at least one outside power took part."""
    frame = events[(events["category"] == "diplomacy") & (events["date"].dt.year >= first)]
    keep = frame["actors"].fillna("").map(lambda s: bool(set(BOARD) & set(s.split(";"))))
    frame = frame[keep]
    return pd.DataFrame({
        "date": frame["date"].dt.strftime("%Y-%m-%d"),
        "outside powers": frame["actors"].map(lambda s: ", ".join(name(a) for a in s.split(";") if a in BOARD)),
        "event": frame["title"],
    }).reset_index(drop=True)


def engagement_with_taliban(relations: pd.DataFrame, first: int = 2020) -> pd.DataFrame:
    """Outside powers' ties towards the Taliban that began in or after `first`: the new board."""
    frame = prepare(relations)
    frame = frame[(frame["to_actor"] == "AFG_TALIBAN") & frame["from_actor"].isin(BOARD)
                  & (frame["start_year"] >= first)]
    frame = frame.sort_values(["start_year", "from_name"])
    return pd.DataFrame({"from": frame["from_name"], "tie": frame["tie_label"], "years": frame["years"]}
                        ).reset_index(drop=True)


# Statements the lesson quotes (quotes.csv), one per side or role.
QUOTE_IDS = ["q023", "q027", "q033", "q040", "q055", "q043", "q063", "q067", "q076"]
# Glossary terms this lesson relies on.
GLOSSARY_TERMS = ["Recognition (diplomatic)", "Credentials (letter of credence)", "De facto authorities",
                  "Designation (terrorist)", "Foreign Terrorist Organization (FTO)",
                  "SDGT (Specially Designated Global Terrorist)", "UN 1988 sanctions regime", "Mediator",
                  "CPEC", "Helmand water treaty (1973)"]


def quote_table(quotes: pd.DataFrame, ids: list[str] = QUOTE_IDS) -> pd.DataFrame:
    """The statements quoted in the lesson, with who said them and whether the original was read."""
    frame = quotes.set_index("quote_id").loc[ids].reset_index()
    return pd.DataFrame({
        "id": frame["quote_id"],
        "speaker": frame["speaker"],
        "speaks for": frame["affiliation"].astype(str),
        "date": frame["date"].dt.strftime("%Y-%m-%d").fillna("not given"),
        "words (as reported)": frame["words"],
        "original read?": frame["original_located"].astype(str),
    })


def glossary_table(glossary: pd.DataFrame, terms: list[str] = GLOSSARY_TERMS) -> pd.DataFrame:
    return glossary.set_index("term").loc[terms, ["definition"]].reset_index()


def show(frame: pd.DataFrame) -> None:
    """Display a table without cutting long text short."""
    from IPython.display import display

    with pd.option_context("display.max_colwidth", None):
        display(frame)
