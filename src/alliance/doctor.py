"""`alliance doctor`: check the environment and say, in plain words, how to fix it."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path


@dataclass
class Check:
    name: str
    ok: bool
    detail: str
    fix: str = ""


def check_python() -> Check:
    version = ".".join(map(str, sys.version_info[:3]))
    ok = sys.version_info >= (3, 11)
    return Check("Python", ok, f"Python {version}",
                 "" if ok else "Install Python 3.11 or newer, then run the launch command again.")


def check_packages() -> Check:
    from packaging.requirements import Requirement

    problems, found = [], []
    for line in metadata.requires("alliance") or []:
        req = Requirement(line)
        if req.marker and not req.marker.evaluate({"extra": ""}):
            continue  # an optional extra, e.g. test tools
        try:
            version = metadata.version(req.name)
        except metadata.PackageNotFoundError:
            problems.append(f"{req.name} is not installed")
            continue
        if not req.specifier.contains(version, prereleases=True):
            problems.append(f"{req.name} {version} is outside {req.specifier}")
        found.append(f"{req.name} {version}")
    if problems:
        return Check("Packages", False, "; ".join(problems),
                     "Run the README's launch command again; it reinstalls the pinned versions "
                     "(or: pip install -c requirements/lock.txt -e .).")
    return Check("Packages", True, ", ".join(found))


def check_data() -> Check:
    from . import validate

    try:
        report = validate.validate_package()
    except Exception as exc:  # any failure here is reported, not raised
        return Check("Course data", False, str(exc),
                     "Restore course_data/ from the course repository (git checkout -- course_data/).")
    if report.errors and not report.where.exists():
        return Check("Course data", False, f"no course data at {report.where}",
                     "Run this inside the course folder (the one that holds course_data/), or set "
                     "ALLIANCE_DATA_DIR to that course_data/ folder. If course_data/ was deleted, restore it "
                     "(git checkout -- course_data/) or download the course again.")
    if report.errors:
        shown = "\n      ".join(report.errors[:8])
        more = f"\n      … and {len(report.errors) - 8} more" if len(report.errors) > 8 else ""
        return Check("Course data", False, f"{report.where} has problems:\n      {shown}{more}",
                     "Restore the damaged files from the course repository "
                     "(git checkout -- course_data/), or download the course again.")
    return Check("Course data", True, f"{report.where.name}/: {report.summary}")


def check_widgets() -> Check:
    from jupyter_core.paths import jupyter_path

    for base in jupyter_path("labextensions"):
        if (Path(base) / "@jupyter-widgets" / "jupyterlab-manager" / "package.json").exists():
            return Check("Widgets", True, "the JupyterLab widget extension is installed")
    return Check("Widgets", False, "the JupyterLab widget extension (@jupyter-widgets/jupyterlab-manager) is not installed",
                 "Reinstall ipywidgets in the course environment: pip install -c requirements/lock.txt ipywidgets jupyterlab_widgets")


def check_charts() -> Check:
    """A course chart compiles offline with the Vega-Lite line JupyterLab bundles."""
    try:
        import altair as alt
        import pandas as pd

        from . import charts

        charts.enable()
        chart = alt.Chart(pd.DataFrame({"x": [1, 2], "y": [3, 4]}), description="check").mark_line().encode(x="x", y="y")
        bundle = chart._repr_mimebundle_()
        bundle = bundle[0] if isinstance(bundle, tuple) else bundle
        if charts.VEGALITE_MIMETYPE not in bundle:
            return Check("Charts", False, f"the course renderer is not active (got {sorted(bundle)})",
                         "Call alliance.setup() in the notebook's first cell.")
        svg = charts.compile_svg(chart)
        if "<svg" not in svg:
            raise RuntimeError("no SVG produced")
    except Exception as exc:  # reported in plain words
        return Check("Charts", False, f"a test chart did not render: {exc}",
                     "Reinstall the course environment (the README's launch command).")
    if not charts.jupyterlab_has_vega5():
        return Check("Charts", False, "this JupyterLab has no built-in Vega-Lite 5 renderer",
                     "Install JupyterLab 4 from requirements/lock.txt (the launch command does this).")
    return Check("Charts", True, "a test chart rendered offline; JupyterLab's bundled Vega renderer is present")


CHECKS = [check_python, check_packages, check_data, check_widgets, check_charts]


def run_checks() -> list[Check]:
    return [check() for check in CHECKS]


def run(out=print) -> int:
    """Run every check, print a report, return the exit code (0 when all is well)."""
    results = run_checks()
    for r in results:
        mark = "ok  " if r.ok else "FAIL"
        out(f"[{mark}] {r.name}: {r.detail}")
        if not r.ok:
            out(f"       How to fix: {r.fix}")
    failed = [r.name for r in results if not r.ok]
    out("")
    out("All checks passed: the course is ready." if not failed
        else f"{len(failed)} problem(s) found: {', '.join(failed)}. Fix them as above, then run `alliance doctor` again.")
    return 1 if failed else 0
