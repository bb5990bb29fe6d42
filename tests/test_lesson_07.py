"""Lesson 07 · Talks and mediators: word analysis, tables, charts, explorer, and the notebook in a browser."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

import alliance
from alliance import charts
from alliance.lessons import l07_talks_and_mediators as lesson
from spec_tools import axis_titles, tooltip_titles

REPO = Path(__file__).resolve().parents[1]
SOURCE = REPO / "lessons" / "07_talks_and_mediators.py"


@pytest.fixture(scope="module")
def quotes():
    return alliance.load("quotes")


@pytest.fixture(scope="module")
def talks():
    return alliance.load("talks")


def spec_of(chart) -> dict:
    alliance.setup()
    return chart.to_dict()


# --- Independent word counting -------------------------------------------------------------

def independent_mentions(text: str, forms) -> int:
    """Whole-word matches by regular expression on the lower-cased text (no tokeniser)."""
    pattern = r"\b(?:" + "|".join(map(re.escape, forms)) + r")\b"
    return len(re.findall(pattern, text.lower()))


def independent_words(text: str) -> int:
    return len(re.findall(r"\w+(?:['’]\w+)*", text))


# --- The word analysis ---------------------------------------------------------------------

def test_tokenise_splits_hyphens_keeps_contractions_drops_possessive_and_accents():
    assert lesson.tokenise("Fitna al-Khawarij") == ["fitna", "al", "khawarij"]
    assert lesson.tokenise("Afghanistan’s sovereignty, don't") == ["afghanistan", "sovereignty", "don't"]
    assert lesson.tokenise("Türkiye [and] 11/12 October") == ["turkiye", "and", "11", "12", "october"]
    assert lesson.tokenise("") == [] and lesson.tokenise(None) == []


def test_count_forms_matches_whole_words_only():
    tokens = lesson.tokenise("A warning about war, wars and the warlord; pro-TTP TTP's")
    assert lesson.count_forms(tokens, lesson.TERMS["war"]) == 2
    assert lesson.count_forms(tokens, lesson.TERMS["TTP"]) == 2
    assert lesson.count_forms(lesson.tokenise("territorial territory"), ["territory"]) == 1


def test_highlight_marks_matching_words_and_escapes():
    out = lesson.highlight("Peace <now>, peaceful & warm", lesson.TERMS["peace"])
    assert out == "<mark>Peace</mark> &lt;now&gt;, <mark>peaceful</mark> &amp; warm"


def test_term_counts_agree_with_independent_regex_count(quotes):
    counts = lesson.term_counts(quotes)
    assert set(counts["group"]) == set(quotes["affiliation"].astype(str))
    assert len(counts) == quotes["affiliation"].astype(str).nunique() * len(lesson.TERMS)
    for row in counts.itertuples():
        texts = quotes.loc[quotes["affiliation"].astype(str) == row.group, "words"].astype(str)
        hits = [independent_mentions(t, lesson.TERMS[row.term]) for t in texts]
        words = sum(independent_words(t) for t in texts)
        assert row.mentions == sum(hits), (row.group, row.term)
        assert row.quotes_using == sum(h > 0 for h in hits)
        assert row.quotes == len(texts) and row.words == words
        assert row.per_1000_words == pytest.approx(round(1000 * sum(hits) / words, 1))


def test_precomputed_hits_give_the_same_counts(quotes):
    plain = lesson.term_counts(quotes, ["peace", "war"])
    fast = lesson.term_counts(lesson.with_tokens(quotes), ["peace", "war"], hits=lesson.term_hits(quotes))
    pd.testing.assert_frame_equal(plain, fast)


def test_two_sides_grouping_merges_pakistani_government_and_military(quotes):
    counts = lesson.term_counts(quotes, ["terrorism / terrorist"], groups=lesson.TWO_SIDES)
    pak = counts.set_index("group").loc[lesson.PAKISTAN]
    is_pak = quotes["affiliation"].astype(str).isin(["Pakistan government", "Pakistan military"])
    assert pak["quotes"] == is_pak.sum()
    assert pak["mentions"] == sum(independent_mentions(t, ["terrorism", "terrorist", "terrorists"])
                                  for t in quotes.loc[is_pak, "words"])
    assert set(counts["group"]) == {lesson.PAKISTAN, lesson.AFGHAN}


def test_what_the_lesson_says_about_the_words_holds(quotes):
    """The prose and key points make these claims about the sample; keep them true."""
    assert len(quotes) == 82
    assert quotes["verification_note"].str.contains("UNVERIFIED").sum() == 3
    by_aff = lesson.term_counts(quotes).pivot(index="term", columns="group", values="mentions")
    # Only Pakistani speakers say Khawarij or mention India.
    for term in ["Khawarij", "India / Indian"]:
        users = set(by_aff.columns[by_aff.loc[term] > 0])
        assert users and users <= {"Pakistan government", "Pakistan military"}, term
    sides = lesson.term_counts(quotes, groups=lesson.TWO_SIDES).pivot(index="term", columns="group",
                                                                       values="per_1000_words")
    pak, afg = sides[lesson.PAKISTAN], sides[lesson.AFGHAN]
    assert afg["terrorism / terrorist"] == 0 and afg["TTP"] == 0
    assert set(pak.nlargest(2).index) == {"terrorism / terrorist", "TTP"}
    assert pak["aggression"] == 0 < afg["aggression"]
    for term in ["security", "responsibility", "sovereignty"]:
        assert afg[term] > pak[term], term
    # One of the two Taliban uses of "sovereignty" is unverified; the TTP's two "TTP" mentions are its name.
    afg_q = quotes[quotes["affiliation"].astype(str) == lesson.AFGHAN]
    sov = afg_q[afg_q["words"].map(lambda t: independent_mentions(t, ["sovereignty", "sovereign"]) > 0)]
    assert len(sov) == 2 and (sov["original_located"].astype(str) == "no").sum() == 1
    ttp = lesson.term_counts(quotes, ["TTP"]).set_index("group").loc["TTP"]
    assert ttp["quotes"] == 5 and ttp["mentions"] == 2 and 100 <= ttp["words"] <= 120


def test_quoted_words_in_the_lesson_come_from_the_data(quotes, talks):
    text = SOURCE.read_text(encoding="utf-8")
    prose = " ".join(line[2:] for line in text.splitlines() if line.startswith("# "))
    quoted = re.findall(r"“([^”]+)”", prose)
    assert len(quoted) >= 6
    corpus = " ".join(quotes["words"].astype(str)) + " " + " ".join(talks["note"].dropna().astype(str))
    corpus = re.sub(r"\s+", " ", corpus)
    for q in quoted:
        assert re.sub(r"\s+", " ", q) in corpus, q


# --- Tables ----------------------------------------------------------------------------------

def test_rounds_table_lists_every_round_in_date_order(talks):
    table = lesson.rounds_table(talks)
    assert len(table) == len(talks) == 16
    assert list(table["start"]) == sorted(table["start"])
    doha = table[table["round"].str.startswith("Doha")].iloc[0]
    assert doha["mediators or hosts"] == "Qatar, Türkiye" and doha["outcome"] == "agreement"
    assert set(lesson.SHORT_NAMES) == set(talks["round_id"])


def test_mediator_counts_match_an_independent_count(talks):
    table = lesson.mediator_counts(talks)
    for actor_id, label in [("QAT", "Qatar"), ("TUR", "Türkiye"), ("SAU", "Saudi Arabia"), ("CHN", "China"),
                            ("AFG_TALIBAN", "Afghan Taliban")]:
        expected = talks["mediators"].fillna("").str.split(";").map(lambda ids, a=actor_id: a in ids).sum()
        assert table.loc[label, "all rounds"] == expected
    assert table.loc["none named", "all rounds"] == talks["mediators"].isna().sum()
    assert table.loc["Afghan Taliban", lesson.TRACK_LABELS["PAK-TTP"]] == (talks["track"] == "PAK-TTP").sum()


def test_demands_table_shows_both_sides_and_says_when_missing(talks):
    table = lesson.demands_table(talks)
    assert list(table.columns) == ["round", "dates", "Pakistan asked for", "Afghan Taliban government asked for",
                                   "outcome"]
    by_id = talks.set_index("round_id")
    assert list(table["outcome"]) == [str(by_id.loc[i, "outcome_category"]) for i in lesson.ROUNDS_2025]
    assert table.loc[2, "Pakistan asked for"] == by_id.loc["pak-afg-2025-11-06-istanbul-2", "party_a_demands"]
    assert table.loc[0, "dates"] == "18 Oct–19 Oct 2025" and table.loc[3, "dates"] == "30 Nov 2025"
    ttp = lesson.demands_table(talks, lesson.TTP_ROUNDS)
    assert "TTP asked for" in ttp.columns
    quiet = lesson.demands_table(talks, ["trilateral-2023-05-06"])
    assert quiet.loc[0, "Pakistan asked for"] == "not given in the sources read"
    with pytest.raises(ValueError):
        lesson.demands_table(talks, ["pak-ttp-2021-10", "pak-afg-2025-10-18-doha"])


def test_sample_table_counts_verification_status(quotes):
    table = lesson.sample_table(quotes)
    assert table["all quotes"].sum() == len(quotes)
    assert table.loc["Afghan Taliban government", "no: seen only second-hand"] == (
        (quotes["affiliation"] == "Afghan Taliban government") & (quotes["original_located"] == "no")).sum()


# --- Charts ----------------------------------------------------------------------------------

def test_rounds_timeline_spec_and_compiles(talks):
    chart = lesson.rounds_timeline(talks)
    spec = spec_of(chart)
    assert spec["title"]["text"] == "16 rounds of talks, 2021–2025"
    assert spec["title"]["subtitle"][-1].startswith("Source: course_data/talks.csv")
    assert "Timeline of 16 negotiation rounds" in spec["description"]
    assert "Date of the round (first day)" in axis_titles(spec)
    assert {"Round", "From", "To", "Where", "Mediators or hosts", "Outcome"} <= tooltip_titles(spec)
    svg = charts.compile_svg(chart)
    assert svg.startswith("<svg") and "Riyadh talks" in svg and "Doha talks" in svg


def test_two_sides_chart_spec_and_compiles(quotes):
    chart = lesson.two_sides_chart(quotes)
    spec = spec_of(chart)
    assert spec["title"]["text"] == "Which words each side uses"
    assert spec["title"]["subtitle"][0] == "33 Pakistani and 21 Afghan Taliban statements (680 and 460 words); " \
                                           "a hand-picked sample"
    assert spec["title"]["subtitle"][-1].startswith("Source: course_data/quotes.csv")
    assert "per 1,000 words" in spec["description"]
    assert "Mentions per 1,000 words of the group's quotes" in axis_titles(spec)
    assert {"Speakers", "Word", "Mentions", "Quotes using it", "Words in those quotes",
            "Per 1,000 words"} <= tooltip_titles(spec)
    assert len(spec["datasets"][spec["data"]["name"]]) == 2 * len(lesson.TERMS)
    assert charts.compile_svg(chart).startswith("<svg")


# --- The explorer ----------------------------------------------------------------------------

def test_view_empty_messages():
    no_words = lesson.view((), ("TTP",))
    assert "Nothing to show" in no_words.html and "at least one word" in no_words.html
    assert no_words.chart is None
    no_speakers = lesson.view(("peace",), ())
    assert "at least one group" in no_speakers.html and no_speakers.chart is None
    no_match = lesson.view(("Khawarij",), ("Afghan Taliban government",))
    assert "Nothing to show" in no_match.html and "“Khawarij”" in no_match.html and no_match.chart is None
    nothing_verified = lesson.view(("peace",), ("Pakistan military",), "no")  # unknown filter -> all
    assert "Nothing to show" not in nothing_verified.html


def test_view_counts_and_quotes(quotes):
    result = lesson.view(("sovereignty",), ("Afghan Taliban government", "Pakistan government"))
    expected = quotes[quotes["affiliation"].isin(["Afghan Taliban government", "Pakistan government"])
                      & quotes["words"].map(lambda t: independent_mentions(t, ["sovereignty", "sovereign"]) > 0)]
    assert f"<strong>{len(expected)} quotes</strong>" in result.html
    assert result.html.count("<li>") == len(expected)
    assert "<mark>sovereignty</mark>" in result.html and "seen only second-hand" in result.html
    # Pakistan government is listed before the Taliban, whatever the order chosen.
    assert result.html.index("Pakistan government</th>") < result.html.index("Afghan Taliban government</th>")
    verified = lesson.view(("sovereignty",), ("Afghan Taliban government",), "yes")
    assert verified.html.count("<li>") == 1 and "seen only second-hand" not in verified.html
    spec = spec_of(result.chart)
    assert spec["title"]["text"] == "Mentions per 1,000 words, by speaker group"
    assert {"Speakers", "Per 1,000 words"} <= tooltip_titles(spec)
    assert charts.compile_svg(result.chart).startswith("<svg")


def test_explorer_controls_are_labelled():
    import ipywidgets as w

    box = lesson.explorer()
    controls = [c for row in box.children if isinstance(row, w.Box) for c in row.children
                if isinstance(c, w.ValueWidget) and getattr(c, "description", "")]
    assert [c.description for c in controls] == ["Words", "Speakers", "Quotes to count"]
    texts = [c.value for c in box.children if isinstance(c, w.HTML)]
    assert any("Mentions" in t for t in texts)


# --- In the browser ----------------------------------------------------------------------------

@pytest.mark.browser
def test_lesson_07_explorer_works_by_keyboard(lab_page, lab_server):
    import lab_harness as lab

    page = lab_page
    lab.run_notebook(page, lab_server, "notebooks/07_talks_and_mediators.ipynb")
    summary = page.locator(".widget-html-content:has(ol.alliance-quotes)").first
    summary.scroll_into_view_if_needed()
    before = summary.inner_text()
    assert "Afghan Taliban government" in before and "sovereignty" in before
    js_changed = ("(old) => { const e = document.querySelector('.widget-html-content ol.alliance-quotes');"
                  " return e && e.parentElement.innerText !== old; }")

    # Dropdown: type-ahead "o" picks "Only those read in the outlet's own report". ("o" and "p" are not
    # JupyterLab command-mode shortcuts, so the test does not depend on the explorer's shortcut guard.)
    dropdown = page.locator(".widget-dropdown select").first
    dropdown.focus()
    page.keyboard.press("o")
    page.wait_for_function(js_changed, arg=before, timeout=10_000)
    verified = summary.inner_text()
    assert dropdown.evaluate("e => e.value") == "Only those read in the outlet's own report"
    assert "seen only second-hand" not in verified and "seen only second-hand" in before

    # Words list: type-ahead "p" moves the selection to "peace" alone.
    words = page.locator(".widget-select-multiple select").first
    words.focus()
    page.keyboard.press("p")
    page.wait_for_function(js_changed, arg=verified, timeout=10_000)
    after = summary.inner_text()
    headers = [h.replace("\xa0", " ") for h in summary.locator("thead th").all_inner_texts()]
    assert headers == ["Speakers", "Quotes", "Words", "peace"] and "<mark>" not in after
    assert summary.locator("mark").first.inner_text().lower().startswith("peace")
    assert words.evaluate("e => Array.from(e.selectedOptions).map(o => o.value)") == ["peace"]
    summary.scroll_into_view_if_needed()
    lab.screenshot(page, "07_talks_and_mediators-explorer")


def test_affiliation_lists_cover_the_data(quotes):
    assert set(quotes["affiliation"].astype(str)) <= set(lesson.AFFILIATIONS)
    assert set(lesson.SPEAKER_LABELS) == set(lesson.AFFILIATIONS) == set(lesson.AFFILIATION_COLOURS)
