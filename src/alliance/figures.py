"""Chart builders used by the lessons. Each returns an Altair chart with a title,
labelled axes with units, a source line, tooltips and a description for screen readers."""

from __future__ import annotations

import altair as alt
import pandas as pd

from . import data

ERA_BREAKS = [(1893, "1893–1978: a disputed border"), (1979, "1979–2000: jihad and the first Emirate"),
              (2001, "2001–2020: the US war and sanctuary"), (2021, "2021–2025: the Taliban return to power")]


def era_of(year: int) -> str:
    label = ERA_BREAKS[0][1]
    for start, name in ERA_BREAKS:
        if year >= start:
            label = name
    return label


# Five broad kinds for overview charts: few enough for distinct, colour-blind-safe colours.
KIND_OF_CATEGORY = {
    "militant_attack": "Attacks by armed groups",
    "military": "State military action",
    "border": "Border: clashes, closures, fencing",
    "diplomacy": "Diplomacy, talks, agreements", "negotiation": "Diplomacy, talks, agreements",
    "agreement": "Diplomacy, talks, agreements",
    "political": "Politics, trade, refugees", "trade": "Politics, trade, refugees",
    "refugees": "Politics, trade, refugees", "humanitarian": "Politics, trade, refugees",
}
KINDS = list(dict.fromkeys(KIND_OF_CATEGORY.values()))


def events_per_era(events: pd.DataFrame) -> alt.Chart:
    """How many timeline events fall in each era, by broad kind."""
    frame = events.assign(era=events["date"].dt.year.map(era_of),
                          kind=events["category"].astype(str).map(KIND_OF_CATEGORY))
    counts = frame.groupby(["era", "kind"], as_index=False).size().rename(columns={"size": "events"})
    eras = [name for _, name in ERA_BREAKS]
    return alt.Chart(counts, title=alt.Title(
        "What the course's timeline covers",
        subtitle=[f"{len(events)} dated events, 1893–2025, by era and kind", "Source: course_data/events.csv, "
                  f"compiled from {len(data.sources_for(events))} cited reports"]),
        description=("Stacked horizontal bars: the number of events in the course timeline in each of four eras, "
                     "split into five kinds of event. Most events fall in 2021–2025.")).mark_bar().encode(
        y=alt.Y("era:N", sort=eras, title=None, axis=alt.Axis(labelLimit=320)),
        x=alt.X("events:Q", title="Events in the timeline (count)"),
        color=alt.Color("kind:N", title="Kind of event", scale=alt.Scale(domain=KINDS),
                        legend=alt.Legend(orient="bottom", columns=2, labelLimit=300)),
        order=alt.Order("kind_order:Q"),
        tooltip=[alt.Tooltip("era:N", title="Era"), alt.Tooltip("kind:N", title="Kind"),
                 alt.Tooltip("events:Q", title="Events")],
    ).transform_calculate(kind_order=f"indexof({KINDS!r}, datum.kind)").properties(width=520, height=180)
