"""Explorer widgets. Each callback is a plain function of values, so tests (and the
benchmarks) call it directly; the widget only wires controls to it and writes the
result into an HTML widget (no printing into Output widgets, which nbval and
screen readers handle badly)."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Callable

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
    return w.VBox([shortcut_guard(), picker, view])


@dataclass
class View:
    """What an explorer shows for one set of control values: text (a summary, a table or
    the empty message) and optionally a chart. Explorer logic returns a View from plain
    values, so tests and benchmarks call it without any widget."""

    html: str = ""
    chart: object | None = None  # an Altair chart

    @classmethod
    def empty(cls, what: str) -> "View":
        return cls(html=empty_message(what))


# JupyterLab's notebook shortcuts (a, b, d d, i i, arrow keys…) act on keys typed anywhere in
# a notebook in command mode, so a learner typing into an explorer's list would insert cells
# instead of choosing. Lumino skips shortcut matching for a focused element carrying
# data-lm-suppress-shortcuts (the focused element itself: it already matches the notebook's
# ':focus' selectors). ipywidgets cannot set attributes, so this invisible widget's few lines
# of JavaScript (saved with the notebook, no network needed) mark whatever gets focus inside
# its explorer box.
_SHORTCUT_GUARD_JS = """
function render({ el }) {
  el.style.display = "none";
  let tries = 0;
  const mark = () => {
    const box = el.parentElement && el.parentElement.closest(".widget-box");
    if (box) {
      box.classList.add("alliance-explorer");
      box.addEventListener("focusin", (event) => {
        if (event.target && event.target.setAttribute) {
          event.target.setAttribute("data-lm-suppress-shortcuts", "true");
        }
      });
    }
    else if (tries++ < 100) { requestAnimationFrame(mark); }
  };
  mark();
}
export default { render };
"""


def shortcut_guard() -> w.DOMWidget:
    import anywidget

    class ShortcutGuard(anywidget.AnyWidget):
        _esm = _SHORTCUT_GUARD_JS

    return ShortcutGuard()


def explorer(controls: dict[str, w.ValueWidget], view: Callable[..., View],
             instructions: str = "", layout: Callable[[dict], w.Widget] | None = None) -> w.VBox:
    """Wire labelled controls to `view(**values)`.

    Every control is a native ipywidgets control, so it works by keyboard (Tab to it;
    arrow keys, typing or Space to change it). The chart goes into an Output widget,
    where JupyterLab renders it with the same offline renderer as any cell. `layout`
    arranges the controls (default: one wrapping row).
    """
    from IPython.display import display

    text = w.HTML(layout=w.Layout(margin="0.5em 0"))
    chart_area = w.Output()

    def refresh(_change=None):
        result = view(**{name: control.value for name, control in controls.items()})
        text.value = result.html
        if result.chart is None:
            chart_area.clear_output()  # wait=True would leave the old chart up
            return
        with chart_area:
            chart_area.clear_output(wait=True)  # swap without a flicker
            display(result.chart)

    for control in controls.values():
        control.observe(refresh, names="value")
    refresh()
    parts = [w.HTML(f"<p>{html.escape(instructions)}</p>")] if instructions else []
    arranged = layout(controls) if layout else w.HBox(
        list(controls.values()), layout=w.Layout(flex_flow="row wrap", align_items="center"))
    box = w.VBox([shortcut_guard(), *parts, arranged, text, chart_area])
    # Stable handles for tests and benchmarks, whatever the box's children are; `view` lets a
    # benchmark time the logic alone.
    box.controls, box.text, box.chart_area, box.view = controls, text, chart_area, view
    return box
