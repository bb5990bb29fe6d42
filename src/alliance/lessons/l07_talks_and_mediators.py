"""Lesson 07 · Talks and mediators: the rounds, the demands, and the words each side uses.

Three parts:

- tables and a timeline of the negotiation rounds in talks.csv;
- a small, transparent word count over the statements in quotes.csv (`tokenise`,
  `count_forms`, `term_counts`, `matching_quotes`), with every rate given **per 1,000 words**
  of the group's quotes;
- the explorer: pick words and speakers, see the counts and the quotes behind them.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

import altair as alt
import pandas as pd

from .. import charts, data, widgets

# --- Names and labels ----------------------------------------------------------------

TRACK_LABELS = {
    "PAK-TTP": "Pakistan–TTP (Afghan Taliban as broker)",
    "PAK-AFG_TALIBAN": "Pakistan–Afghan Taliban government",
    "other": "Trilateral meetings with China",
}
TRACKS = list(TRACK_LABELS.values())

OUTCOMES = ["agreement", "ceasefire", "extended", "unclear", "no agreement", "collapsed"]
OUTCOME_COLOURS = ["#009E73", "#56B4E9", "#0072B2", "#CC79A7", "#E69F00", "#D55E00"]

# Short labels for the timeline's axis (the course's own words); the full name is in the tooltip.
SHORT_NAMES = {
    "pak-ttp-2021-10": "Talks and one-month TTP ceasefire",
    "pak-ttp-2022-05": "Kabul talks: military delegation, tribal committees",
    "pak-ttp-2022-06": "Kabul talks with a tribal jirga",
    "pak-ttp-2022-07": "Religious scholars meet the TTP in Kabul",
    "pak-afg-2023-02-22": "Defence minister and ISI chief in Kabul",
    "trilateral-2023-05-06": "5th trilateral, Islamabad",
    "pak-afg-jcc-2024-01": "Joint Coordination Committee, Islamabad",
    "pak-afg-jcc-2025-04-16": "7th Joint Coordination Committee, Kabul",
    "pak-afg-2025-04-19": "Ishaq Dar visits Kabul",
    "trilateral-2025-05-21": "Informal trilateral, Beijing",
    "trilateral-2025-08-20": "6th trilateral, Kabul",
    "pak-afg-2025-10-15-ceasefire": "48-hour ceasefire",
    "pak-afg-2025-10-18-doha": "Doha talks",
    "pak-afg-2025-10-25-istanbul-1": "Istanbul talks, first round",
    "pak-afg-2025-11-06-istanbul-2": "Istanbul talks, second round",
    "pak-afg-2025-11-30-riyadh": "Riyadh talks",
}
# The four Pakistan–Afghan Taliban rounds of autumn 2025 with mediators.
TTP_ROUNDS = ["pak-ttp-2021-10", "pak-ttp-2022-05", "pak-ttp-2022-06", "pak-ttp-2022-07"]
ROUNDS_2025 = ["pak-afg-2025-10-18-doha", "pak-afg-2025-10-25-istanbul-1",
               "pak-afg-2025-11-06-istanbul-2", "pak-afg-2025-11-30-riyadh"]
# Rounds whose ceasefire lapsed or which ended without a deal, with blame recorded in `note`.
BREAKDOWNS = ["pak-ttp-2021-10", "pak-ttp-2022-06", "pak-afg-2025-10-15-ceasefire",
              "pak-afg-2025-10-25-istanbul-1", "pak-afg-2025-11-06-istanbul-2", "pak-afg-2025-11-30-riyadh"]

AFFILIATIONS = ["Pakistan government", "Pakistan military", "Afghan Taliban government", "TTP",
                "mediator", "UN", "analyst"]
AFFILIATION_COLOURS = {
    "Pakistan government": charts.SIDE_COLOURS["Pakistan"],
    "Pakistan military": "#56B4E9",
    "Afghan Taliban government": charts.SIDE_COLOURS["Afghanistan"],
    "TTP": charts.SIDE_COLOURS["TTP"],
    "mediator": "#E69F00",
    "UN": charts.SIDE_COLOURS["Independent"],
    "analyst": "#000000",
}
# How the explorer's list names each affiliation (the table and chart use the data's own values).
SPEAKER_LABELS = {
    "Pakistan government": "Pakistan government",
    "Pakistan military": "Pakistan military",
    "Afghan Taliban government": "Afghan Taliban government",
    "TTP": "TTP",
    "mediator": "mediators (Qatar, Türkiye, Saudi Arabia)",
    "UN": "UN bodies",
    "analyst": "analysts",
}
PAKISTAN = "Pakistan (government and military)"
AFGHAN = "Afghan Taliban government"
# The two sides in the lesson's main word chart.
TWO_SIDES = {"Pakistan government": PAKISTAN, "Pakistan military": PAKISTAN,
             "Afghan Taliban government": AFGHAN}
GROUP_COLOURS = {**AFFILIATION_COLOURS, PAKISTAN: charts.SIDE_COLOURS["Pakistan"]}

VERIFICATION_LABELS = {
    "yes": "read in the outlet's own report",
    "partial": "wording differs between reports",
    "no": "seen only second-hand",
}
VERIFICATION_FILTERS = {
    "all": ("yes", "partial", "no"),
    "yes": ("yes",),
    "yes_partial": ("yes", "partial"),
}

# --- The word analysis ------------------------------------------------------------------

# Each term counts these whole words (after lower-casing and dropping accents and a final 's).
# Only the listed forms count: "war" does not match "warning", "territory" does not match
# "territorial" unless it is listed.
TERMS: dict[str, tuple[str, ...]] = {
    "sovereignty": ("sovereignty", "sovereign"),
    "responsibility": ("responsibility", "responsibilities", "responsible"),
    "terrorism / terrorist": ("terrorism", "terrorist", "terrorists"),
    "TTP": ("ttp", "tehreek", "tehrik", "tahrik"),
    "Khawarij": ("khawarij", "khwarij", "khariji", "kharijis"),
    "brotherly": ("brotherly", "brother", "brothers", "brotherhood"),
    "dialogue": ("dialogue", "dialogues"),
    "aggression": ("aggression", "aggressive", "aggressor", "aggressors"),
    "peace": ("peace", "peaceful", "peacefully"),
    "soil / territory": ("soil", "territory", "territories", "territorial"),
    "security": ("security",),
    "war": ("war", "wars"),
    "ceasefire": ("ceasefire", "ceasefires"),
    "India / Indian": ("india", "indian", "indians"),
}

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def normalise(token: str) -> str:
    """Lower case, no accents, straight apostrophe, no possessive 's."""
    text = unicodedata.normalize("NFKD", token.replace("’", "'"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return text[:-2] if text.endswith("'s") else text


def tokenise(text: str) -> list[str]:
    """The words of `text`, normalised. Hyphens and slashes split words: 'al-Khawarij' is
    two words, 'al' and 'khawarij'; an apostrophe inside a word does not ('don't')."""
    return [normalise(m.group()) for m in WORD.finditer(text or "")]


def count_forms(tokens: list[str], forms) -> int:
    """How many of `tokens` are exactly one of `forms` (whole-word matches)."""
    wanted = set(forms)
    return sum(token in wanted for token in tokens)


def highlight(text: str, forms) -> str:
    """`text` as HTML with the words that match `forms` wrapped in <mark>."""
    wanted = set(forms)
    out, last = [], 0
    for m in WORD.finditer(text):
        if normalise(m.group()) in wanted:
            out += [html.escape(text[last:m.start()]), f"<mark>{html.escape(m.group())}</mark>"]
            last = m.end()
    out.append(html.escape(text[last:]))
    return "".join(out)


def with_tokens(quotes: pd.DataFrame) -> pd.DataFrame:
    """quotes plus `tokens` (the list of words) and `n_words`."""
    tokens = quotes["words"].astype(str).map(tokenise)
    return quotes.assign(tokens=tokens, n_words=tokens.map(len))


def term_hits(quotes: pd.DataFrame, terms=None) -> pd.DataFrame:
    """Whole-word matches of each term (columns) in each quote (rows, same index as quotes)."""
    frame = quotes if "tokens" in quotes.columns else with_tokens(quotes)
    return pd.DataFrame({term: frame["tokens"].map(lambda t, forms=frozenset(TERMS[term]): count_forms(t, forms))
                         for term in (terms or TERMS)}, index=frame.index)


def term_counts(quotes: pd.DataFrame, terms=None, groups: dict[str, str] | None = None,
                hits: pd.DataFrame | None = None) -> pd.DataFrame:
    """Mentions of each term by each group of speakers.

    One row per (group, term): `mentions` (whole-word matches), `quotes_using` (quotes with at
    least one match), `quotes` and `words` (the group's totals) and `per_1000_words`
    (mentions per 1,000 words of the group's quotes). `groups` maps affiliation to a group
    label; affiliations not in it are left out. Without it each affiliation is its own group.
    `hits` (from `term_hits`, for all of `terms`) saves recounting.
    """
    terms = list(terms or TERMS)
    frame = quotes if "tokens" in quotes.columns else with_tokens(quotes)
    affiliation = frame["affiliation"].astype(str)
    group = affiliation.map(groups) if groups is not None else affiliation
    keep = group.notna()
    frame, group = frame[keep], group[keep]
    columns = ["group", "term", "mentions", "quotes_using", "quotes", "words", "per_1000_words"]
    if frame.empty:
        return pd.DataFrame(columns=columns)
    hits = term_hits(frame, terms) if hits is None else hits.loc[frame.index, terms]
    order = list(dict.fromkeys(group))
    mentions = hits.groupby(group, sort=False).sum().loc[order]
    using = (hits > 0).groupby(group, sort=False).sum().loc[order]
    n_quotes = group.value_counts().loc[order]
    n_words = frame["n_words"].groupby(group, sort=False).sum().loc[order]
    long = pd.DataFrame({
        "group": [g for g in order for _ in terms],
        "term": terms * len(order),
        "mentions": mentions.to_numpy().ravel().astype(int),
        "quotes_using": using.to_numpy().ravel().astype(int),
        "quotes": n_quotes.to_numpy().repeat(len(terms)).astype(int),
        "words": n_words.to_numpy().repeat(len(terms)).astype(int),
    })
    long["per_1000_words"] = (1000 * long["mentions"] / long["words"].where(long["words"] > 0)).fillna(0).round(1)
    return long[columns]


def matching_quotes(quotes: pd.DataFrame, terms) -> pd.DataFrame:
    """The quotes that use at least one of `terms`, oldest first (undated last)."""
    frame = quotes if "tokens" in quotes.columns else with_tokens(quotes)
    forms = {form for term in terms for form in TERMS[term]}
    hit = frame["tokens"].map(lambda t: count_forms(t, forms) > 0)
    return frame[hit].sort_values(["date", "quote_id"], na_position="last")


# --- Data, loaded once ------------------------------------------------------------------

@lru_cache(maxsize=1)
def _quotes() -> pd.DataFrame:
    return with_tokens(data.load("quotes"))


@lru_cache(maxsize=1)
def _hits() -> pd.DataFrame:
    return term_hits(_quotes())


@lru_cache(maxsize=1)
def _talks() -> pd.DataFrame:
    return data.load("talks")


@lru_cache(maxsize=1)
def _actor_names() -> dict[str, str]:
    actors = data.load("actors")
    short = {"AFG_TALIBAN": "Afghan Taliban", "HAQQANI": "Haqqani network"}
    return {row.actor_id: short.get(row.actor_id, row.name) for row in actors.itertuples()}


@lru_cache(maxsize=1)
def _publishers() -> dict[str, str]:
    sources = data.load("sources")
    return dict(zip(sources["source_id"], sources["publisher"]))


def table_source_line(table: str, frame: pd.DataFrame) -> str:
    """'Source: course_data/<table>.csv, from N reports by K publishers': the rows charted here cite
    too many publishers to list in a subtitle, so the lesson's Sources cell lists them."""
    ids = data.sources_for(frame)["source_id"]
    publishers = {_publishers().get(i, i) for i in ids}
    return (f"Source: course_data/{table}.csv, compiled from {len(ids)} reports by {len(publishers)} "
            "publishers (listed under Sources)")


def mediator_names(value) -> str:
    """'QAT;TUR' -> 'Qatar, Türkiye'; empty -> 'none named'."""
    ids = data.split_ids(value)
    names = _actor_names()
    return ", ".join(names.get(i, i) for i in ids) if ids else "none named"


# --- Tables -----------------------------------------------------------------------------

def rounds_table(talks: pd.DataFrame) -> pd.DataFrame:
    """Every round: when, where, who mediated, how it ended."""
    frame = talks.sort_values("start_date")
    return pd.DataFrame({
        "start": frame["start_date"].dt.strftime("%Y-%m-%d"),
        "round": frame["name"],
        "track": frame["track"].astype(str).map(TRACK_LABELS),
        "city": frame["city"].fillna("—"),
        "mediators or hosts": frame["mediators"].map(mediator_names),
        "outcome": frame["outcome_category"].astype(str),
    }).reset_index(drop=True)


def demands_table(talks: pd.DataFrame, round_ids=ROUNDS_2025) -> pd.DataFrame:
    """What each side asked for in the given rounds, as reported (empty cells say so).
    The rounds must share their two parties (party_a, party_b)."""
    frame = talks.set_index("round_id").loc[list(round_ids)]
    parties = frame[["party_a", "party_b"]].drop_duplicates()
    if len(parties) != 1:
        raise ValueError("demands_table: the rounds have different parties; make one table per pair.")
    names = {**_actor_names(), "AFG_TALIBAN": "Afghan Taliban government", "TTP": "TTP"}
    a, b = (names.get(p, p) for p in parties.iloc[0])
    missing = "not given in the sources read"
    return pd.DataFrame({
        "round": [SHORT_NAMES.get(i, frame.loc[i, "name"]) for i in frame.index],
        "dates": [_date_range(r.start_date, r.end_date) for r in frame.itertuples()],
        f"{a} asked for": frame["party_a_demands"].fillna(missing).tolist(),
        f"{b} asked for": frame["party_b_demands"].fillna(missing).tolist(),
        "outcome": frame["outcome_category"].astype(str).tolist(),
    })


def mediator_counts(talks: pd.DataFrame) -> pd.DataFrame:
    """How many rounds each mediator or host took part in, by track ('none named' included)."""
    frame = talks.assign(mediator=talks["mediators"].map(lambda v: data.split_ids(v) or [None])).explode("mediator")
    frame["mediator"] = frame["mediator"].map(lambda m: mediator_names(m) if m else "none named")
    frame["track"] = frame["track"].astype(str).map(TRACK_LABELS)
    table = frame.pivot_table(index="mediator", columns="track", values="round_id", aggfunc="count", fill_value=0)
    table = table.reindex(columns=[t for t in TRACKS if t in table.columns])
    table["all rounds"] = table.sum(axis=1)
    return table.sort_values("all rounds", ascending=False, kind="stable").rename_axis(index="mediator or host",
                                                                                      columns=None)


def _date_range(start, end) -> str:
    if pd.isna(end) or end == start:
        return start.strftime("%-d %b %Y")
    return f"{start.strftime('%-d %b')}–{end.strftime('%-d %b %Y')}"


# --- Charts -----------------------------------------------------------------------------

def rounds_timeline(talks: pd.DataFrame) -> alt.FacetChart:
    """Every round on one time axis, one panel per track, coloured by outcome."""
    frame = talks.sort_values("start_date")
    rows = pd.DataFrame({
        "label": [SHORT_NAMES.get(i, n) for i, n in zip(frame["round_id"], frame["name"])],
        "name": frame["name"],
        "track": frame["track"].astype(str).map(TRACK_LABELS),
        "start": frame["start_date"].dt.strftime("%Y-%m-%d"),
        "end": frame["end_date"].fillna(frame["start_date"]).dt.strftime("%Y-%m-%d"),
        "place": frame["city"].fillna(frame["country"]).fillna("not stated"),
        "mediators": frame["mediators"].map(mediator_names),
        "outcome": frame["outcome_category"].astype(str),
        "order": range(len(frame)),
    })
    tooltip = [alt.Tooltip("name:N", title="Round"), alt.Tooltip("start:T", title="From", format="%-d %b %Y"),
               alt.Tooltip("end:T", title="To", format="%-d %b %Y"), alt.Tooltip("place:N", title="Where"),
               alt.Tooltip("mediators:N", title="Mediators or hosts"), alt.Tooltip("outcome:N", title="Outcome")]
    y = alt.Y("label:N", sort=alt.EncodingSortField("order"), title=None, axis=alt.Axis(labelLimit=330))
    x = alt.X("start:T", title="Date of the round (first day)", scale=alt.Scale(domain=["2021-09-01", "2025-12-31"]),
              axis=alt.Axis(format="%Y", tickCount="year"))
    colour = alt.Color("outcome:N", title="Outcome", scale=alt.Scale(domain=OUTCOMES, range=OUTCOME_COLOURS),
                       legend=alt.Legend(orient="bottom", columns=6, symbolOpacity=1))
    span = alt.Chart().mark_rule(strokeWidth=4, opacity=0.6).encode(y=y, x=x, x2="end:T", color=colour,
                                                                      tooltip=tooltip)
    dots = alt.Chart().mark_point(filled=True, size=110, opacity=1).encode(y=y, x=x, color=colour, tooltip=tooltip)
    return alt.layer(span, dots, data=rows).properties(width=470, height=alt.Step(20)).facet(
        row=alt.Row("track:N", sort=TRACKS, title=None,
                    header=alt.Header(labelAngle=0, labelAlign="left", labelAnchor="start", labelOrient="top",
                                      labelFontWeight="bold")),
        title=alt.Title(f"{len(frame)} rounds of talks, {frame['start_date'].dt.year.min()}–"
                        f"{frame['start_date'].dt.year.max()}",
                        subtitle=["Each dot is the first day of a round; a line shows how long it lasted.",
                                  table_source_line("talks", talks)]),
        description=(f"Timeline of {len(frame)} negotiation rounds from talks.csv in three panels (Pakistan–TTP "
                     "talks brokered by the Afghan Taliban, Pakistan–Afghan Taliban talks, and trilaterals with "
                     "China), coloured by outcome. The Pakistan–TTP talks cluster in 2021–2022; the "
                     "Pakistan–Afghan Taliban rounds crowd into October–November 2025."),
    ).resolve_scale(y="independent").configure_facet(spacing=12)


def word_use_chart(counts: pd.DataFrame, title: str, source: str, subtitle: str | None = None) -> alt.Chart:
    """Mentions per 1,000 words, one bar per (term, group), from `term_counts`."""
    groups = list(dict.fromkeys(counts["group"]))
    terms = list(dict.fromkeys(counts["term"]))
    colours = [GROUP_COLOURS.get(g, charts.PALETTE[i % len(charts.PALETTE)]) for i, g in enumerate(groups)]
    lines = [subtitle] if subtitle else []
    lines.append(source)
    return alt.Chart(counts, title=alt.Title(title, subtitle=lines),
                     description=("Horizontal bars: for each word, how often each group of speakers uses it in "
                                  "the course's sample of statements, as mentions per 1,000 words of that "
                                  "group's quotes. Groups: " + ", ".join(groups) + ".")).mark_bar().encode(
        y=alt.Y("term:N", sort=terms, title=None, axis=alt.Axis(labelLimit=200)),
        yOffset=alt.YOffset("group:N", sort=groups),
        x=alt.X("per_1000_words:Q", title="Mentions per 1,000 words of the group's quotes"),
        color=alt.Color("group:N", title="Speakers", sort=groups, scale=alt.Scale(domain=groups, range=colours),
                        legend=alt.Legend(orient="bottom", columns=min(len(groups), 3), labelLimit=300)),
        tooltip=[alt.Tooltip("group:N", title="Speakers"), alt.Tooltip("term:N", title="Word"),
                 alt.Tooltip("mentions:Q", title="Mentions"),
                 alt.Tooltip("quotes_using:Q", title="Quotes using it"),
                 alt.Tooltip("quotes:Q", title="Quotes by this group"),
                 alt.Tooltip("words:Q", title="Words in those quotes"),
                 alt.Tooltip("per_1000_words:Q", title="Per 1,000 words", format=".1f")],
    ).properties(width=440, height=alt.Step(max(6, 24 // max(len(groups), 1))))


def two_sides_chart(quotes: pd.DataFrame) -> alt.Chart:
    """The main comparison: Pakistani officials vs the Afghan Taliban government, every term."""
    counts = term_counts(quotes, groups=TWO_SIDES)
    counts = counts.sort_values("group", key=lambda g: g.map({PAKISTAN: 0, AFGHAN: 1}), kind="stable")
    n = counts.drop_duplicates("group").set_index("group")
    used = quotes[quotes["affiliation"].astype(str).isin(TWO_SIDES)]
    return word_use_chart(
        counts, "Which words each side uses", table_source_line("quotes", used),
        subtitle=(f"{n.loc[PAKISTAN, 'quotes']} Pakistani and {n.loc[AFGHAN, 'quotes']} Afghan Taliban statements "
                  f"({n.loc[PAKISTAN, 'words']} and {n.loc[AFGHAN, 'words']} words); a hand-picked sample"))


# --- The explorer -----------------------------------------------------------------------

def _status(value: str) -> str:
    return VERIFICATION_LABELS.get(value, value)


def view(words=(), speakers=(), verification: str = "all") -> widgets.View:
    """Counts of the chosen words by the chosen speakers, and the quotes that use them."""
    words, speakers = list(words), list(speakers)
    if not words:
        return widgets.View.empty("choose at least one word from the Words list "
                                  "(hold Ctrl or Shift, or use Shift+arrow keys, to choose several).")
    if not speakers:
        return widgets.View.empty("choose at least one group from the Speakers list, for example "
                                  "Pakistan government and Afghan Taliban government.")
    quotes = _quotes()
    statuses = VERIFICATION_FILTERS.get(verification, VERIFICATION_FILTERS["all"])
    pool = quotes[quotes["affiliation"].astype(str).isin(speakers) & quotes["original_located"].astype(str).isin(statuses)]
    if pool.empty:
        return widgets.View.empty("the course has no quote of this verification status from these speakers. "
                                  "Choose 'All quotes' or add more speakers.")
    order = [a for a in AFFILIATIONS if a in set(pool["affiliation"].astype(str))]
    counts = term_counts(pool, words, hits=_hits())
    rank = counts["group"].map(order.index) * len(words) + counts["term"].map(words.index)
    counts = counts.loc[rank.sort_values().index].reset_index(drop=True)
    hits = pool[_hits().loc[pool.index, words].sum(axis=1) > 0].sort_values(["date", "quote_id"],
                                                                             na_position="last")
    if hits.empty:
        names = ", ".join(f"“{w}”" for w in words)
        return widgets.View.empty(f"no quote by these speakers uses {names}. Add more speakers, choose "
                                  "'All quotes', or pick another word (try “security” or “peace”).")
    chart = word_use_chart(counts, "Mentions per 1,000 words, by speaker group", table_source_line("quotes", pool),
                           subtitle=f"{len(pool)} quotes; {len(hits)} use at least one chosen word")
    return widgets.View(html=_summary_html(counts, words, pool) + _quotes_html(hits, words), chart=chart)


def _summary_html(counts: pd.DataFrame, words, pool: pd.DataFrame) -> str:
    head = "".join(f"<th>{html.escape(w)}</th>" for w in words)
    body = []
    for group, part in counts.groupby("group", sort=False):
        first = part.iloc[0]
        cells = "".join(f"<td>{r.mentions} <small>({r.per_1000_words:.1f})</small></td>" for r in part.itertuples())
        body.append(f"<tr><th scope='row'>{html.escape(group)}</th><td>{first.quotes}</td>"
                    f"<td>{first.words}</td>{cells}</tr>")
    return (f"<p><strong>Mentions</strong> of each word, with <strong>mentions per 1,000 words</strong> of that "
            f"group's quotes in brackets. {len(pool)} quotes, {int(pool['n_words'].sum())} words in all: a small, "
            f"hand-picked sample, so one quote more or less changes a rate a lot.</p>"
            f"<table><thead><tr><th>Speakers</th><th>Quotes</th><th>Words</th>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table>")


def _quotes_html(hits: pd.DataFrame, words) -> str:
    forms = {form for term in words for form in TERMS[term]}
    items = []
    for r in hits.itertuples():
        date = r.date.strftime("%-d %b %Y") if pd.notna(r.date) else "date not given"
        status = str(r.original_located)
        items.append(
            f"<li><q>{highlight(str(r.words), forms)}</q><br>"
            f"<small>{html.escape(str(r.speaker))} ({html.escape(str(r.affiliation))}), {date}; "
            f"reported by {html.escape(str(r.outlet))}. <strong>Verification: {_status(status)}</strong>"
            f" <code>{html.escape(status)}</code>. {html.escape(str(r.verification_note or ''))}</small></li>")
    return (f"<p><strong>{len(hits)} quote{'s' if len(hits) != 1 else ''}</strong> use the chosen words "
            f"(highlighted):</p><ol class='alliance-quotes'>{''.join(items)}</ol>")


def explorer():
    import ipywidgets as w

    quotes = _quotes()
    n = quotes["affiliation"].astype(str).value_counts()
    style = {"description_width": "initial"}
    controls = {
        "words": w.SelectMultiple(options=list(TERMS), value=("sovereignty", "responsibility", "terrorism / terrorist"),
                                  rows=8, description="Words", style=style, layout=w.Layout(width="300px")),
        "speakers": w.SelectMultiple(options=[(f"{SPEAKER_LABELS[a]} ({n.get(a, 0)} quotes)", a) for a in AFFILIATIONS],
                                     value=("Pakistan government", "Pakistan military", "Afghan Taliban government"),
                                     rows=8, description="Speakers", style=style, layout=w.Layout(width="380px")),
        "verification": w.Dropdown(options=[("All quotes", "all"),
                                            ("Only those read in the outlet's own report", "yes"),
                                            ("Excluding those seen only second-hand", "yes_partial")],
                                   value="all", description="Quotes to count", style=style,
                                   layout=w.Layout(width="420px")),
    }
    return widgets.explorer(
        controls, view,
        "Choose one or more words and one or more groups of speakers (Tab to a list, move with the arrow keys; "
        "Ctrl-click or Shift with the arrow keys picks several). The table gives mentions and the rate per 1,000 words; below it are the quotes "
        "themselves, with how far the course could verify each.")


def sample_table(quotes: pd.DataFrame) -> pd.DataFrame:
    """How many quotes each group has, by how far the course could verify them."""
    table = pd.crosstab(quotes["affiliation"].astype(str), quotes["original_located"].astype(str))
    table = table.reindex(index=[a for a in AFFILIATIONS if a in table.index],
                          columns=["yes", "partial", "no"], fill_value=0)
    table.columns = [f"{c}: {VERIFICATION_LABELS[c]}" for c in table.columns]
    table["all quotes"] = table.sum(axis=1)
    words = quotes.pipe(lambda q: q if "n_words" in q.columns else with_tokens(q))
    table["words"] = words.groupby(words["affiliation"].astype(str))["n_words"].sum().reindex(table.index)
    return table.rename_axis(index="speakers", columns=None)


def terms_table() -> pd.DataFrame:
    """The words the analysis counts, and the forms each one matches."""
    return pd.DataFrame({"term": list(TERMS), "counts these whole words": [", ".join(f) for f in TERMS.values()]})
