"""Measure how fast and light the course is, and rewrite benchmarks/RESULTS.md.

Usage: .venv/bin/python benchmarks/run.py [--runs 5] [--calls 200] [--submissions 40] [--no-suite]
                                           [--only explorers|grading [--lessons 04,06]]

  --runs N          fresh-kernel executions per notebook (median and min–max are reported)
  --calls N         explorer view calls per lesson, with realistic one-control changes
  --submissions N   generated submissions graded by alliance grade (1 and 2 workers) and nbgrader
  --no-suite        skip timing the README test command (python3 course.py test, several minutes)
  --only PART       measure one part alone and print it; RESULTS.md is left as it is
  --lessons 04,06   with --only explorers: just these lessons

With no options it runs every measurement (about 25 minutes on 2 cores) and rewrites
RESULTS.md. Reports, never asserts: targets and where each stands go into RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import os
import platform
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

import ipywidgets as w
import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
SOLUTIONS = sorted((ROOT / "exercises" / "source").glob("*/*.ipynb"))  # exercise notebooks with solutions
EXPLORERS = {  # lesson: (module, function building the explorer)
    "01": ("l01_the_old_alliance", "explorer"), "02": ("l02_victory_in_kabul", "explorer"),
    "03": ("l03_the_ttp_surge", "explorer"), "04": ("l04_the_border", "explorer"),
    "05": ("l05_people_on_the_move", "explorer"), "06": ("l06_october_2025", "explorer"),
    "07": ("l07_talks_and_mediators", "explorer"), "08": ("l08_the_wider_board", "explorer"),
    "09": ("l09_what_could_help", "decision_matrix"),
}
FLOOR_CELLS = ["import pandas, altair, ipywidgets", "import alliance\nalliance.setup()"]


def execute_seconds(nb, folder: Path = ROOT / "notebooks") -> float:
    start = time.perf_counter()
    NotebookClient(nb, kernel_name="python3", timeout=180, resources={"metadata": {"path": str(folder)}}
                   ).execute()
    return time.perf_counter() - start


def lesson_execution(runs: int) -> tuple[list[float], dict[str, list[float]]]:
    floor_nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in FLOOR_CELLS])
    floor = [execute_seconds(nbformat.from_dict(floor_nb)) for _ in range(runs)]
    lessons = {}
    for path in NOTEBOOKS + SOLUTIONS:
        lessons[path.stem] = [execute_seconds(nbformat.read(path, as_version=4), path.parent) for _ in range(runs)]
        print(f"  {path.stem}: median {statistics.median(lessons[path.stem]):.2f} s", flush=True)
    return floor, lessons


IMPORT_PROBE = """
import time
t0 = time.perf_counter(); import pandas, altair, ipywidgets; t1 = time.perf_counter()
import alliance; t2 = time.perf_counter()
alliance.setup(); t3 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2)
"""


def import_cost(repeats: int = 7) -> dict[str, float]:
    rows = []
    for _ in range(repeats):
        out = subprocess.run([sys.executable, "-c", IMPORT_PROBE], capture_output=True, text=True, check=True)
        rows.append([float(x) for x in out.stdout.split()])
    stack, package, setup = (statistics.median(col) for col in zip(*rows))
    return {"stack": stack, "import alliance": package, "alliance.setup()": setup}


def option_values(control) -> list:
    values = getattr(control, "_options_values", None)
    return list(values) if values is not None else []


def changed_value(control, rng: random.Random):
    """A new, valid value for one control, as a learner would pick it."""
    if isinstance(control, w.SelectMultiple):
        values = option_values(control)
        return tuple(rng.sample(values, rng.randint(1, len(values))))
    if isinstance(control, (w.Dropdown, w.ToggleButtons, w.Select, w.RadioButtons)):
        return rng.choice(option_values(control))
    if isinstance(control, w.IntRangeSlider):
        a, b = sorted(rng.randint(control.min, control.max) for _ in range(2))
        return (a, b)
    if isinstance(control, (w.IntSlider, w.BoundedIntText)):
        return rng.randint(control.min, control.max)
    if isinstance(control, w.Checkbox):
        return not control.value
    return control.value


def explorer_latency(calls: int, seed: int = 2025, lessons: list[str] | None = None) -> dict[str, tuple[float, float]]:
    import alliance

    alliance.setup()
    results = {}
    for lesson, (module, builder) in EXPLORERS.items():
        if lessons and lesson not in lessons:
            continue
        box = getattr(importlib.import_module(f"alliance.lessons.{module}"), builder)()
        values = {name: control.value for name, control in box.controls.items()}
        rng = random.Random(seed)
        timings = []
        for _ in range(calls):
            name = rng.choice(list(box.controls))
            values[name] = changed_value(box.controls[name], rng)
            start = time.perf_counter()
            view = box.view(**values)
            if view.chart is not None:
                view.chart.to_dict()  # what rendering costs in the kernel: the spec JupyterLab receives
            timings.append(time.perf_counter() - start)
        timings.sort()
        results[lesson] = (statistics.median(timings), timings[int(0.95 * (len(timings) - 1))])
        print(f"  explorer {lesson}: p50 {results[lesson][0] * 1000:.0f} ms, p95 {results[lesson][1] * 1000:.0f} ms",
              flush=True)
    return results


def folder_bytes(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def suite_seconds() -> float:
    start = time.perf_counter()
    subprocess.run(["python3", "course.py", "test", "-q"], cwd=ROOT, check=False, capture_output=True)
    return time.perf_counter() - start


def fmt_runs(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} s ({min(values):.2f}–{max(values):.2f})"


def write_results(args, floor, lessons, imports, latency, suite, grading) -> str:
    from grading import markdown as grading_markdown

    speedup = grading["nbgrader"] / grading["alliance_2"] if grading.get("nbgrader") else None
    floor_median = statistics.median(floor)
    ratios = {name: statistics.median(v) / floor_median for name, v in lessons.items()}
    lines = [
        "# Benchmark results", "",
        f"Measured {dt.date.today().isoformat()} by `benchmarks/run.py --runs {args.runs} --calls {args.calls} "
        f"--submissions {args.submissions}{' --no-suite' if args.no_suite else ''}`.", "",
        f"Machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"load average at start {os.getloadavg()[0]:.1f}.", "",
        "## Targets", "",
        "| what | target | measured | met |", "|---|---|---|---|",
        f"| lesson execution, median ratio to the floor | ≤ 1.5 | {statistics.median(ratios.values()):.2f} | "
        f"{'yes' if statistics.median(ratios.values()) <= 1.5 else 'no'} |",
        f"| lesson execution, worst lesson ratio | ≤ 2.5 | {max(ratios.values()):.2f} ({max(ratios, key=ratios.get)}) | "
        f"{'yes' if max(ratios.values()) <= 2.5 else 'no'} |",
        f"| `import alliance` adds | ≤ 0.2 s | {imports['import alliance']:.3f} s | "
        f"{'yes' if imports['import alliance'] <= 0.2 else 'no'} |",
        f"| explorer callback p95, worst lesson | ≤ 50 ms | {max(p95 for _, p95 in latency.values()) * 1000:.0f} ms | "
        f"{'yes' if max(p95 for _, p95 in latency.values()) <= 0.05 else 'no'} |",
        f"| notebook size, largest | ≤ 500 KB | {max(p.stat().st_size for p in NOTEBOOKS + SOLUTIONS) // 1000} KB | "
        f"{'yes' if max(p.stat().st_size for p in NOTEBOOKS + SOLUTIONS) <= 500_000 else 'no'} |",
        f"| README test command | ≤ 10 min | {f'{suite / 60:.1f} min' if suite else 'not run (--no-suite)'} | "
        f"{('yes' if suite <= 600 else 'no') if suite else '–'} |",
        f"| grading throughput vs nbgrader (2 workers) | ≥ 2× | "
        f"{f'{speedup:.2f}×' if speedup else 'nbgrader not installed'} | "
        f"{('yes' if speedup >= 2 else 'no') if speedup else '–'} |", "",
        "## Lesson execution (fresh kernel, nbclient)", "",
        f"Floor notebook (imports pandas, altair, ipywidgets; `alliance.setup()`): {fmt_runs(floor)}.", "",
        "Lessons (notebooks/) and exercise notebooks with their solutions (exercises/source/).", "",
        "| notebook | median (min–max) | ratio to floor |", "|---|---|---|",
        *[f"| {name} | {fmt_runs(v)} | {ratios[name]:.2f} |" for name, v in lessons.items()], "",
        "## Import cost (fresh process, median of 7)", "",
        *[f"- {k}: {v:.3f} s" for k, v in imports.items()], "",
        f"## Explorer latency ({args.calls} calls each, one control changed per call, chart spec built)", "",
        "| lesson | p50 | p95 |", "|---|---|---|",
        *[f"| {lesson} | {p50 * 1000:.0f} ms | {p95 * 1000:.0f} ms |" for lesson, (p50, p95) in latency.items()], "",
        "## Weight", "",
        "| what | size |", "|---|---|",
        *[f"| notebooks/{p.name} | {p.stat().st_size // 1000} KB |" for p in NOTEBOOKS],
        *[f"| exercises/source/{p.parent.name}/{p.name} | {p.stat().st_size // 1000} KB |" for p in SOLUTIONS],
        f"| exercises/student/ (all) | {folder_bytes(ROOT / 'exercises' / 'student') // 1000} KB |",
        f"| course_data/ | {folder_bytes(ROOT / 'course_data') // 1000} KB |",
        f"| installed environment ({Path(sys.prefix).name}/) | {folder_bytes(Path(sys.prefix)) // 1_000_000} MB |", "",
        "## Grading throughput", "",
        grading_markdown(grading), "",
        "## Profiling", "",
        "Where the explorers' time goes, what was changed and before/after figures: `PROFILING.md` "
        "(this script does not rewrite it). `run.py --only explorers [--lessons 04,06]` measures the "
        "explorers alone.", "",
    ]
    text = "\n".join(lines)
    (ROOT / "benchmarks" / "RESULTS.md").write_text(text, encoding="utf-8")
    return text


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--submissions", type=int, default=40)
    parser.add_argument("--no-suite", action="store_true")
    parser.add_argument("--only", choices=["explorers", "grading"],
                        help="run one part alone; RESULTS.md is not rewritten")
    parser.add_argument("--lessons", default="", help="with --only explorers: comma-separated lessons, e.g. 04,06")
    args = parser.parse_args(argv)
    if args.only == "explorers":
        lessons = [x.strip().zfill(2) for x in args.lessons.split(",") if x.strip()] or None
        print("explorer latency…", flush=True)
        explorer_latency(args.calls, lessons=lessons)
        return 0
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import grading

    if args.only == "grading":
        print(grading.markdown(grading.measure(args.submissions)))
        return 0
    print("lesson execution…", flush=True)
    floor, lessons = lesson_execution(args.runs)
    print("import cost…", flush=True)
    imports = import_cost()
    print("explorer latency…", flush=True)
    latency = explorer_latency(args.calls)
    print("grading throughput…", flush=True)
    graded = grading.measure(args.submissions)
    suite = 0.0
    if not args.no_suite:
        print("README test command…", flush=True)
        suite = suite_seconds()
    print(write_results(args, floor, lessons, imports, latency, suite, graded))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
