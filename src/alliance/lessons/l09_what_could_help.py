"""Lesson 09: what could help. The options, the views on them, and a decision matrix.

The decision matrix is the learner's own judgement: every score starts neutral, and
the lesson never ranks the options itself.
"""

from __future__ import annotations

import html
from functools import lru_cache

import altair as alt
import ipywidgets as w
import pandas as pd

from .. import charts, data, widgets

CRITERIA = {
    "attacks": "Reduces attacks in Pakistan",
    "civilians": "Protects civilians and livelihoods",
    "islamabad": "Acceptable to Islamabad",
    "kabul": "Acceptable to Kabul",
    "speed": "Can start within a year",
}
STANCES = ["for", "conditions", "doubt", "against"]
STANCE_COLOURS = ["#009E73", "#56B4E9", "#E69F00", "#D55E00"]
NEUTRAL, LOW, HIGH = 3, 1, 5


@lru_cache(maxsize=1)
def options() -> pd.DataFrame:
    return data.load("options")


@lru_cache(maxsize=1)
def views() -> pd.DataFrame:
    return with_option_names(data.load("option_views"))


def with_option_names(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.assign(option=frame["option_id"].map(option_names()))


def option_names() -> dict[str, str]:
    return dict(zip(options()["option_id"], options()["option"]))


# --- The decision matrix: plain functions -------------------------------------------

def weighted_totals(scores: dict[str, dict[str, float]], weights: dict[str, float]) -> pd.Series | None:
    """Weighted average score per option (1–5 scale), or None when every weight is zero.

    scores[option][criterion] is the learner's score; weights[criterion] how much it counts.
    """
    total_weight = sum(weights.values())
    if total_weight == 0:
        return None
    return pd.Series({option: sum(weights[c] * by_criterion[c] for c in weights) / total_weight
                      for option, by_criterion in scores.items()}).sort_values(ascending=False)


def sensitivity(scores: dict[str, dict[str, float]], weights: dict[str, float], criterion: str,
                steps: range = range(0, 6)) -> pd.DataFrame:
    """Each option's total as the weight of one criterion runs over `steps`, others fixed."""
    rows = []
    for step in steps:
        trial = {**weights, criterion: step}
        totals = weighted_totals(scores, trial)
        if totals is None:
            continue
        rows += [{"weight": step, "option": option, "total": total} for option, total in totals.items()]
    return pd.DataFrame(rows, columns=["weight", "option", "total"])


def leaders(totals: pd.Series, tolerance: float = 1e-9) -> list[str]:
    """The option(s) with the highest total (several when tied)."""
    return [option for option, value in totals.items() if value >= totals.max() - tolerance]


def leader_segments(table: pd.DataFrame) -> list[tuple[int, int, list[str]]]:
    """Runs of weights with the same leader(s): [(first weight, last weight, leaders), …]."""
    segments: list[tuple[int, int, list[str]]] = []
    for weight, group in table.groupby("weight"):
        top = sorted(leaders(group.set_index("option")["total"]))
        if segments and segments[-1][2] == top:
            segments[-1] = (segments[-1][0], int(weight), top)
        else:
            segments.append((int(weight), int(weight), top))
    return segments


def split_controls(values: dict[str, float]) -> tuple[dict, dict, str]:
    """Control values (weight__c, score__o__c, sensitivity) into scores, weights, criterion."""
    weights = {c: values[f"weight__{c}"] for c in CRITERIA}
    scores = {o: {c: values[f"score__{o}__{c}"] for c in CRITERIA} for o in option_names()}
    return scores, weights, values["sensitivity"]


def decision_view(**values) -> widgets.View:
    scores, weights, criterion = split_controls(values)
    totals = weighted_totals(scores, weights)
    if totals is None:
        return widgets.View.empty("every criterion has weight 0. Give at least one criterion some weight.")
    names = option_names()
    top = leaders(totals)
    if len(top) == len(totals):
        verdict = ("All options tie. The scores start neutral (3 everywhere) on purpose: "
                   "change the scores to record your own judgement.")
    else:
        verdict = "On your weights and scores, the highest total is: " + ", ".join(
            f"<strong>{html.escape(names[o])}</strong>" for o in top) + "."
    table = sensitivity(scores, weights, criterion)
    segments = leader_segments(table)
    if len(segments) > 1:
        def describe(first, last, top):
            span = f"{first}" if first == last else f"{first}–{last}"
            if len(top) == len(names):
                return f"weight {span}: all options tie"
            who = " and ".join(names[o] for o in top)
            return f"weight {span}: {'tie between ' if len(top) > 1 else ''}{who}"
        flip_text = "; ".join(describe(*segment) for segment in segments)
        robust = (f"Your ranking is <strong>sensitive</strong> to the weight of "
                  f"“{html.escape(CRITERIA[criterion])}”. Who leads at each weight: {html.escape(flip_text)}.")
    else:
        robust = (f"The leader does not change as the weight of “{html.escape(CRITERIA[criterion])}” "
                  "runs from 0 to 5: on this criterion your ranking is robust.")
    rows = "".join(f"<tr><td>{html.escape(names[o])}</td><td>{value:.2f}</td></tr>" for o, value in totals.items())
    summary = (f"<p>{verdict}</p><table><thead><tr><th>Option</th><th>Weighted score (1–5)</th></tr></thead>"
               f"<tbody>{rows}</tbody></table><p>{robust}</p>"
               "<p><em>This is your judgement, not a forecast: the course does not score the options.</em></p>")
    return widgets.View(html=summary, chart=sensitivity_chart(table, criterion, weights[criterion]))


def sensitivity_chart(table: pd.DataFrame, criterion: str, current: float) -> alt.LayerChart:
    frame = table.assign(option=table["option"].map(option_names()))
    lines = alt.Chart(frame).mark_line(point=True).encode(
        x=alt.X("weight:Q", title=f"Weight of “{CRITERIA[criterion]}” (0–5)", scale=alt.Scale(domain=[0, 5]),
                axis=alt.Axis(tickMinStep=1)),
        y=alt.Y("total:Q", title="Weighted score (1–5)", scale=alt.Scale(domain=[LOW, HIGH])),
        color=alt.Color("option:N", title="Option", legend=alt.Legend(orient="bottom", columns=2, labelLimit=320)),
        tooltip=[alt.Tooltip("option:N", title="Option"), alt.Tooltip("weight:Q", title="Weight"),
                 alt.Tooltip("total:Q", title="Weighted score", format=".2f")])
    now = alt.Chart(pd.DataFrame({"weight": [current]})).mark_rule(strokeDash=[4, 4], color="#444").encode(x="weight:Q")
    return alt.layer(lines, now, title=alt.Title(
        "How your ranking changes with one weight",
        subtitle=["Each line is an option's weighted score as this criterion's weight runs from 0 to 5;",
                  "the dashed line is your current weight. Source: your own scores and weights."]),
        description=(f"Line chart: the weighted score of each option as the weight of {CRITERIA[criterion]} "
                     "varies from 0 to 5, with the learner's current weight marked by a dashed line.")
    ).properties(width=520, height=260)


def decision_matrix() -> w.VBox:
    """Sliders for weights and scores (all start neutral), a sensitivity picker, the result."""
    slider = dict(min=0, max=5, step=1, continuous_update=False, layout=w.Layout(width="480px"),
                  style={"description_width": "240px"})
    controls = {f"weight__{c}": w.IntSlider(value=NEUTRAL, description=label, **slider) for c, label in CRITERIA.items()}
    score = dict(slider, min=LOW)
    for option, name in option_names().items():
        for c, label in CRITERIA.items():
            controls[f"score__{option}__{c}"] = w.IntSlider(value=NEUTRAL, description=label, **score)
    controls["sensitivity"] = w.Dropdown(options=[(label, c) for c, label in CRITERIA.items()],
                                         value="attacks", description="Sensitivity to:",
                                         style={"description_width": "initial"})

    def layout(ctrls: dict) -> w.Widget:
        weights = w.VBox([w.HTML("<strong>1. How much does each criterion matter to you?</strong> (0 = not at all, 5 = most)"),
                          *[ctrls[f"weight__{c}"] for c in CRITERIA]])
        tabs = w.Tab(children=[w.VBox([ctrls[f"score__{o}__{c}"] for c in CRITERIA]) for o in option_names()])
        for i, name in enumerate(option_names().values()):
            tabs.set_title(i, name)
        scores = w.VBox([w.HTML("<strong>2. Score each option on each criterion</strong> (1 = very poorly, "
                                "5 = very well). Use the tabs to move between options."), tabs])
        return w.VBox([weights, scores, ctrls["sensitivity"]])

    return widgets.explorer(controls, decision_view,
                            "Every slider starts at 3. Tab to a slider and use the arrow keys to move it.",
                            layout=layout)


# --- Charts for the lesson body --------------------------------------------------------

def views_by_stance(frame: pd.DataFrame | None = None) -> alt.Chart:
    frame = views() if frame is None else with_option_names(frame)
    counts = frame.groupby(["option", "stance"], as_index=False, observed=True).size().rename(columns={"size": "views"})
    return alt.Chart(counts, title=alt.Title(
        "Who is on record for and against each option",
        subtitle=["Number of stated positions in option_views.csv, by stance",
                  charts.source_line(data.sources_for(frame)["source_id"])]),
        description=("Stacked horizontal bars: for each of the four options, how many recorded positions "
                     "support it, accept it on conditions, doubt it or reject it.")).mark_bar().encode(
        y=alt.Y("option:N", title=None, axis=alt.Axis(labelLimit=320)),
        x=alt.X("views:Q", title="Recorded positions (count)", axis=alt.Axis(tickMinStep=1)),
        color=alt.Color("stance:N", title="Stance", scale=alt.Scale(domain=STANCES, range=STANCE_COLOURS),
                        legend=alt.Legend(orient="bottom")),
        order=alt.Order("stance_order:Q"),
        tooltip=[alt.Tooltip("option:N", title="Option"), alt.Tooltip("stance:N", title="Stance"),
                 alt.Tooltip("views:Q", title="Positions")],
    ).transform_calculate(stance_order=f"indexof({STANCES!r}, datum.stance)").properties(width=460, height=160)


def views_timeline(frame: pd.DataFrame | None = None) -> alt.Chart:
    """Dated positions only: a month or year is placed on the 1st, and said so."""
    frame = views() if frame is None else with_option_names(frame)
    dated = frame.dropna(subset=["date"])
    dated = dated.assign(when=dated["date"].map(first_day))
    return alt.Chart(dated[["when", "option", "stance", "holder", "holder_type", "argument"]], title=alt.Title(
        "When the positions were stated",
        subtitle=[f"{len(dated)} dated positions (undated ones left out); dates known only to the month are placed on the 1st",
                  charts.source_line(data.sources_for(frame)["source_id"])]),
        description=("Dot timeline from 2017 to 2026: each dot is one stated position on one of the four options, "
                     "coloured by stance. Most positions date from October and November 2025.")).mark_point(
        size=120, filled=True, opacity=0.85).encode(
        x=alt.X("when:T", title="Date stated"),
        y=alt.Y("option:N", title=None, axis=alt.Axis(labelLimit=320)),
        color=alt.Color("stance:N", title="Stance", scale=alt.Scale(domain=STANCES, range=STANCE_COLOURS),
                        legend=alt.Legend(orient="bottom")),
        shape=alt.Shape("holder_type:N", title="Who", legend=alt.Legend(orient="bottom", columns=3)),
        tooltip=[alt.Tooltip("when:T", title="Date"), alt.Tooltip("holder:N", title="Who"),
                 alt.Tooltip("stance:N", title="Stance"), alt.Tooltip("argument:N", title="Position")],
    ).properties(width=560, height=180)


def first_day(date: str) -> str:
    """'2025-11' -> '2025-11-01', '2017' -> '2017-01-01'; full dates unchanged."""
    return {4: f"{date}-01-01", 7: f"{date}-01"}.get(len(date), date)


def views_table(option_id: str) -> pd.DataFrame:
    frame = views()
    return frame[frame["option_id"] == option_id][["stance", "holder", "holder_type", "date", "argument"]]
