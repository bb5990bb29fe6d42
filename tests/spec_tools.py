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
