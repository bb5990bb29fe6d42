"""Course chart theme and offline rendering.

Why this renderer: Altair 6's default renderer loads vega/vega-lite/vega-embed from
a CDN, so with no network a chart shows an error. JupyterLab 4 ships its own Vega 5
renderer for the ``application/vnd.vegalite.v5+json`` mimetype, bundled in the
JupyterLab install, so it draws offline. The course renderer emits Altair's spec under that
mimetype. A notebook then stores only the spec and its data (a few KB per chart),
not ~900 KB of JavaScript per chart as the ``html``-inline or ``jupyter`` renderers
would. The browser tests draw every chart, so a spec that the bundled Vega-Lite
cannot compile fails a test rather than a lesson.
"""

from __future__ import annotations

from pathlib import Path

import altair as alt

THEME_NAME = "broken_alliance"
RENDERER_NAME = "course"
VEGALITE_MIMETYPE = "application/vnd.vegalite.v5+json"
VEGALITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"

# Okabe–Ito palette: distinguishable with the common forms of colour blindness.
PALETTE = [
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#000000",  # black
    "#F0E442",  # yellow (last: weak on white)
]
# Colours with a fixed meaning across the course, so a learner never has to re-learn them.
SIDE_COLOURS = {
    "Pakistan": "#0072B2",
    "Afghanistan": "#D55E00",
    "Independent": "#009E73",
    "TTP": "#CC79A7",
}
FONT = "DejaVu Sans, Verdana, Helvetica, Arial, sans-serif"


def theme() -> alt.theme.ThemeConfig:
    """Readable, colour-blind-safe defaults shared by every course chart."""
    return {
        "config": {
            "font": FONT,
            "background": "white",
            "view": {"continuousWidth": 560, "continuousHeight": 300, "stroke": None},
            "range": {"category": PALETTE},
            "title": {"fontSize": 16, "anchor": "start", "subtitleFontSize": 13,
                      "subtitleColor": "#444444", "offset": 10},
            "axis": {"labelFontSize": 12, "titleFontSize": 13, "labelColor": "#222222",
                     "titleColor": "#222222", "gridColor": "#e6e6e6"},
            "legend": {"labelFontSize": 12, "titleFontSize": 13, "orient": "right"},
            "header": {"labelFontSize": 12, "titleFontSize": 13},
            "text": {"fontSize": 12},
        }
    }


def render_offline(spec: dict, **_metadata) -> dict:
    """Altair renderer: the spec under JupyterLab's bundled Vega-Lite mimetype.

    The plain-text part carries the chart's description, which is what a screen
    reader, a terminal or a notebook viewer without Vega shows.
    """
    spec = dict(spec)
    spec["$schema"] = VEGALITE_SCHEMA
    return {VEGALITE_MIMETYPE: spec, "text/plain": plain_text(spec)}


def plain_text(spec: dict) -> str:
    title = spec.get("title", "")
    if isinstance(title, dict):
        title = title.get("text", "")
    if isinstance(title, list):
        title = " ".join(title)
    description = spec.get("description", "")
    return "Chart: " + " — ".join(part for part in (title, description) if part)


def enable() -> None:
    """Register and enable the course theme and the offline renderer."""
    if THEME_NAME not in alt.theme.names():
        alt.theme.register(THEME_NAME, enable=False)(theme)
    alt.theme.enable(THEME_NAME)
    if RENDERER_NAME not in alt.renderers.names():
        alt.renderers.register(RENDERER_NAME, render_offline)
    alt.renderers.enable(RENDERER_NAME)


def source_line(source_ids, cite=None, limit: int = 4) -> str:
    """A short 'Source: …' subtitle naming the publishers behind a chart.

    More than `limit` publishers are summarised (with the first few named), since a subtitle
    must stay one readable line; the lesson's Sources list has them all.
    """
    from . import data

    cite = cite or data.short_citation
    ids = list(dict.fromkeys(source_ids))
    names = list(dict.fromkeys(cite(sid) for sid in ids))
    if len(names) <= limit:
        return "Source: " + "; ".join(names)
    return (f"Source: {len(ids)} reports from {len(names)} publishers, including "
            f"{', '.join(names[:3])} (all listed under Sources)")


def wrap_source_text(text: str, width: int = 110) -> list[str]:
    """A long source line as several subtitle lines, broken after a '; ' between publishers."""
    lines, current = [], ""
    for part in text.split("; "):
        candidate = f"{current}; {part}" if current else part
        if current and len(candidate) > width:
            lines.append(current + ";")
            current = part
        else:
            current = candidate
    return [*lines, current]


# Oldest Vega-Lite that vl-convert ships; JupyterLab 4.6 bundles 5.6.1. A spec that
# compiles here uses nothing newer than the 5.x line the notebook renderer has.
CHECK_VEGALITE_VERSION = "5.8"


def compile_svg(chart: alt.TopLevelMixin) -> str:
    """Render a chart to SVG offline, with the Vega-Lite line JupyterLab bundles."""
    import vl_convert

    spec = chart.to_dict()
    spec["$schema"] = VEGALITE_SCHEMA
    return vl_convert.vegalite_to_svg(spec, vl_version=CHECK_VEGALITE_VERSION)


def jupyterlab_has_vega5() -> bool:
    """True when the installed JupyterLab carries its built-in Vega 5 renderer."""
    try:
        from jupyterlab.commands import get_app_dir
    except ImportError:
        return False
    package = Path(get_app_dir()) / "static" / "package.json"
    return package.exists() and "@jupyterlab/vega5-extension" in package.read_text(encoding="utf-8")
