"""Helpers for tests that read Vega-Lite specs."""

from __future__ import annotations


def walk(node):
    """Every dict inside a Vega-Lite spec, depth first."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk(value)


def encodings(spec: dict) -> list[dict]:
    """Every `encoding` block in a spec (layers, facets and concatenations included)."""
    return [node["encoding"] for node in walk(spec) if isinstance(node.get("encoding"), dict)]


def axis_titles(spec: dict) -> set[str]:
    """Titles of the x and y channels anywhere in a spec."""
    return {enc[ch]["title"] for enc in encodings(spec) for ch in ("x", "y")
            if isinstance(enc.get(ch), dict) and isinstance(enc[ch].get("title"), str)}


def tooltip_titles(spec: dict) -> set[str]:
    """Titles of the tooltip fields anywhere in a spec."""
    return {tip.get("title") for enc in encodings(spec)
            for tip in (enc["tooltip"] if isinstance(enc.get("tooltip"), list) else []) if isinstance(tip, dict)}


def assert_same_views(states, fast, slow) -> int:
    """Template-built views equal the Altair-built ones state by state; returns how many drew a chart."""
    import json

    drawn = 0
    for state, a, b in zip(states, fast, slow):
        assert a.html == b.html, state
        assert type(a.chart).__name__ == type(b.chart).__name__ and isinstance(a.chart, type(b.chart)), state
        if b.chart is None:
            continue
        drawn += 1
        spec = a.chart.to_dict()
        assert json.dumps(spec) == json.dumps(b.chart.to_dict()), state  # same content, same key order
        # A copy is serialised (and validated) by Altair itself, with the same result.
        assert a.chart.copy().to_dict() == spec
    return drawn
