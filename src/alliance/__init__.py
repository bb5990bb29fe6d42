"""The Broken Alliance: helpers the course notebooks import.

`import alliance` stays cheap: submodules load on first use.
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

_LAZY = {
    "setup": ("alliance.setup_check", "setup"),
    "check_setup": ("alliance.setup_check", "check_setup"),
    "load": ("alliance.data", "load"),
    "datasets": ("alliance.data", "datasets"),
    "cite": ("alliance.data", "cite"),
    "sources_for": ("alliance.data", "sources_for"),
    "DataError": ("alliance.data", "DataError"),
    "show_sources": ("alliance.cells", "show_sources"),
    "exercise": ("alliance.assignment", "load"),
}

__all__ = ["__version__", *_LAZY]


def __getattr__(name: str):
    if name in _LAZY:
        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(module), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'alliance' has no attribute {name!r}")


def __dir__():
    return sorted(__all__)
