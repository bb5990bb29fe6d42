"""Grading throughput: `alliance grade` (1 and 2 workers) against `nbgrader autograde`.

Both grade the same generated submissions of one assignment (default ex03): a mix of
correct, partly wrong, erroring, untouched and one slow submission (it sleeps in an
answer cell). Run alone with `python benchmarks/grading.py [--count 40]`, or through
`python benchmarks/run.py`, which adds the numbers to RESULTS.md.
"""

from __future__ import annotations

import argparse
import copy
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import grading_fixtures as gf  # noqa: E402  (shared with the tests)

from alliance import exercise_cells as cells  # noqa: E402
from alliance import release  # noqa: E402

SLOW_SECONDS = 20


def make_submissions(folder: Path, name: str, count: int) -> dict[str, int]:
    """`count` submissions in nbgrader's layout (<student>/<name>/<name>.ipynb); returns the mix."""
    source_nb = nbformat.read(ROOT / "exercises" / "source" / name / f"{name}.ipynb", as_version=4)
    student_nb = release.student_notebook(source_nb, name)
    mix = {"correct": 0, "partly wrong": 0, "erroring": 0, "untouched": 0, "slow": 0}
    for i in range(count):
        nb = gf.solved(student_nb, source_nb)
        answers = gf.answer_cells(nb)
        if i == count - 1:
            kind = "slow"
            answers[0].source = f"import time\ntime.sleep({SLOW_SECONDS})\n" + answers[0].source
        elif i % 10 in (1, 2, 3):
            kind = "partly wrong"
            first = answers[i % len(answers)]
            first.source = first.source.splitlines()[0]  # just the stub line, `qN_answer = ____`
            first.source = first.source.replace("____", "-1")
        elif i % 10 in (4, 5):
            kind = "erroring"
            answers[1].source = "raise ValueError('learner bug')\n" + answers[1].source
        elif i % 10 == 6:
            kind = "untouched"
            nb = copy.deepcopy(student_nb)
        else:
            kind = "correct"
        mix[kind] += 1
        target = folder / f"s{i:03d}" / name
        target.mkdir(parents=True)
        nbformat.write(nb, target / f"{name}.ipynb")
    return mix


def time_alliance(submissions: Path, out: Path, workers: int) -> float:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "alliance.cli", "grade", str(submissions), "--out", str(out),
                           "--workers", str(workers), "--quiet"], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"alliance grade failed: {done.stderr[-2000:]}")
    return seconds


def time_nbgrader(submissions: Path, course: Path, name: str) -> float | None:
    try:
        import nbgrader  # noqa: F401
    except ImportError:
        return None
    course.mkdir(parents=True)
    shutil.copy(ROOT / "exercises" / "nbgrader_config.py", course)
    shutil.copytree(ROOT / "exercises" / "source" / name, course / "source" / name)
    shutil.copytree(submissions, course / "submitted")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    run = lambda *args: subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=course, env=env,
                                       capture_output=True, text=True)
    made = run("generate_assignment", name, "--force")
    if made.returncode != 0:
        raise SystemExit(f"nbgrader generate_assignment failed: {made.stderr[-2000:]}")
    start = time.perf_counter()
    graded = run("autograde", name, "--force")
    seconds = time.perf_counter() - start
    if graded.returncode != 0:
        raise SystemExit(f"nbgrader autograde failed: {graded.stderr[-2000:]}")
    return seconds


def measure(count: int = 40, name: str = "ex03") -> dict:
    with tempfile.TemporaryDirectory(prefix="alliance-grading-bench-") as tmp:
        tmp = Path(tmp)
        mix = make_submissions(tmp / "submissions", name, count)
        results = {"count": count, "assignment": name, "mix": mix}
        for workers in (1, 2):
            results[f"alliance_{workers}"] = time_alliance(tmp / "submissions", tmp / f"out{workers}", workers)
            print(f"  alliance grade, {workers} worker(s): {results[f'alliance_{workers}']:.1f} s", flush=True)
        results["nbgrader"] = time_nbgrader(tmp / "submissions", tmp / "nbgrader-course", name)
        print(f"  nbgrader autograde: {results['nbgrader']} s", flush=True)
        with open(tmp / "out2" / "gradebook.csv", encoding="utf-8") as handle:
            results["gradebook_rows"] = sum(1 for _ in handle) - 1
    return results


def per_minute(count: int, seconds: float | None) -> str:
    return "—" if not seconds else f"{60 * count / seconds:.1f}"


def markdown(r: dict) -> str:
    mix = ", ".join(f"{n} {k}" for k, n in r["mix"].items() if n)
    lines = [f"{r['count']} submissions of {r['assignment']} ({mix}; the slow one sleeps {SLOW_SECONDS} s).", "",
             "| grader | wall time (s) | submissions per minute |", "|---|---|---|"]
    for label, key in (("alliance grade, 1 worker", "alliance_1"), ("alliance grade, 2 workers", "alliance_2"),
                       ("nbgrader autograde", "nbgrader")):
        value = r.get(key)
        lines.append(f"| {label} | {'—' if value is None else f'{value:.1f}'} | {per_minute(r['count'], value)} |")
    if r.get("nbgrader"):
        lines += ["", f"alliance grade with 2 workers grades {r['nbgrader'] / r['alliance_2']:.2f}× as many "
                      f"submissions per minute as nbgrader autograde (target: ≥ 2×); with 1 worker "
                      f"{r['nbgrader'] / r['alliance_1']:.2f}×."]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks/grading.py", description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=40)
    parser.add_argument("--assignment", default="ex03")
    args = parser.parse_args(argv)
    print(markdown(measure(args.count, args.assignment)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
