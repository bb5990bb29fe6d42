"""The course theme and the offline renderer."""

from __future__ import annotations

import altair as alt
import pandas as pd

import alliance
from alliance import charts


def sample_chart():
    frame = pd.DataFrame({"year": [2023, 2024], "deaths": [10, 20]})
    return alt.Chart(frame, title="Deaths", description="Deaths by year").mark_bar().encode(
        x="year:O", y="deaths:Q", tooltip=["year", "deaths"])


def test_setup_enables_theme_and_offline_renderer():
    alliance.setup()
    assert alt.theme.active == charts.THEME_NAME
    assert alt.renderers.active == charts.RENDERER_NAME
    bundle = sample_chart()._repr_mimebundle_()
    bundle = bundle[0] if isinstance(bundle, tuple) else bundle
    spec = bundle[charts.VEGALITE_MIMETYPE]
    assert spec["$schema"].endswith("/v5.json")
    assert spec["config"]["range"]["category"] == charts.PALETTE
    assert bundle["text/plain"] == "Chart: Deaths — Deaths by year"
    # No script or CDN reference anywhere in what a notebook stores.
    assert "cdn" not in str(bundle).lower() and "<script" not in str(bundle)


def test_chart_compiles_with_bundled_vegalite_line():
    alliance.setup()
    svg = charts.compile_svg(sample_chart())
    assert svg.startswith("<svg") and "Deaths" in svg


def test_plain_text_handles_title_forms():
    assert charts.plain_text({"title": {"text": "A"}, "description": "B"}) == "Chart: A — B"
    assert charts.plain_text({"title": ["A", "B"]}) == "Chart: A B"
    assert charts.plain_text({}) == "Chart: "


def test_palette_is_distinct_hex_colours():
    assert len(set(charts.PALETTE)) == len(charts.PALETTE) == 8
    assert all(c.startswith("#") and len(c) == 7 for c in charts.PALETTE)


def test_jupyterlab_vega_renderer_present():
    assert charts.jupyterlab_has_vega5()


def test_source_line_names_few_publishers_and_summarises_many():
    publishers = {"a": "Dawn", "b": "Reuters", "c": "Dawn", "d": "UNHCR", "e": "AP", "f": "BBC", "g": "TOLOnews"}
    assert charts.source_line(["a", "b", "c"], cite=publishers.get) == "Source: Dawn; Reuters"
    line = charts.source_line(list(publishers), cite=publishers.get)
    assert line == ("Source: 7 reports from 6 publishers, including Dawn, Reuters, UNHCR "
                    "(all listed under Sources)")


def test_explorer_wires_controls_to_view_and_clears_empty_views():
    import ipywidgets as w

    from alliance import widgets

    calls = []

    def view(n):
        calls.append(n)
        if n == 0:
            return widgets.View.empty("n is zero.")
        return widgets.View(html=f"<p>n={n}</p>", chart=sample_chart())

    box = widgets.explorer({"n": w.IntSlider(value=2, min=0, max=3, description="n")}, view, "Move n.")
    assert calls == [2] and box.text.value == "<p>n=2</p>"
    box.controls["n"].value = 0
    assert calls == [2, 0] and "Nothing to show" in box.text.value and "n is zero" in box.text.value
    assert box.chart_area.outputs == ()  # the old chart does not stay up beside the message
