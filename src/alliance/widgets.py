"""Explorer widgets. Each callback is a plain function of values, so tests (and the
benchmarks) call it directly; the widget only wires controls to it and writes the
result into an HTML widget (no printing into Output widgets, which nbval and
screen readers handle badly)."""

from __future__ import annotations

import html

import ipywidgets as w

from . import data


def empty_message(what: str) -> str:
    """The one way the course says a filter left nothing to show."""
    return f"<p class='alliance-empty'><strong>Nothing to show:</strong> {html.escape(what)}</p>"


def dataset_summary_html(name: str) -> str:
    """What a dataset holds: description, size, sources and each column's meaning."""
    if not name:
        return empty_message("choose a dataset from the list.")
    res = data.resource(name)
    parts = [f"<h4>{html.escape(res.get('title', name))} <code>{html.escape(res['path'])}</code></h4>",
             f"<p>{html.escape(res.get('description', ''))}</p>"]
    if "schema" not in res:
        return "".join(parts) + "<p>This is a map file, not a table.</p>"
    frame = data.load(name)
    n_sources = len(data.sources_for(frame)) if "source_ids" in frame.columns else len(frame)
    source_word = "sources cited" if name != "sources" else "sources listed"
    parts.append(f"<p><strong>{len(frame)}</strong> rows · <strong>{n_sources}</strong> {source_word}</p>")
    rows = "".join(f"<tr><td><code>{html.escape(f['name'])}</code></td><td>{html.escape(f.get('description', ''))}</td></tr>"
                   for f in res["schema"]["fields"])
    parts.append(f"<table><thead><tr><th>Column</th><th>What it means</th></tr></thead><tbody>{rows}</tbody></table>")
    return "".join(parts)


def dataset_browser() -> w.VBox:
    """Pick a dataset, read what it holds. Works by keyboard: Tab to the list, arrows to move."""
    names = data.tabular_names()
    picker = w.Dropdown(options=names, value=names[0], description="Dataset:",
                        style={"description_width": "initial"},
                        layout=w.Layout(width="360px"))
    view = w.HTML(dataset_summary_html(picker.value))

    def update(change):
        view.value = dataset_summary_html(change["new"])

    picker.observe(update, names="value")
    return w.VBox([picker, view])
