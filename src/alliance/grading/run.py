"""Grade a batch: run the workers in parallel, then write the gradebook and feedback."""

from __future__ import annotations

import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from .. import release
from .collect import Submission, collect
from .report import write_reports

DEFAULTS = {"cell_timeout": 60, "notebook_timeout": 300, "memory": 2048 * 1024 * 1024, "max_output": 10_000_000}


@dataclass
class Summary:
    results: list[dict] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0
    out: Path | None = None


def known_assignments(source_dir: Path) -> dict[str, Path]:
    from ..assignment import known

    keys = set(known())
    return {p.stem: p for p in release.source_notebooks(source_dir) if p.stem in keys}


def _rows_for_all(source: Path | None, status: str, message: str) -> list[dict]:
    import nbformat

    from .. import exercise_cells as cells

    if source is None:
        return [{"question": "", "points": 0.0, "max": 0.0, "status": status, "message": message, "written": False}]
    nb = nbformat.read(source, as_version=4)
    return [{"question": cells.grade_id(c), "points": 0.0, "max": cells.points(c), "status": status,
             "message": message, "written": cells.is_open(c)} for c in nb.cells if cells.is_test(c) or cells.is_open(c)]


class Slot:
    """One long-lived worker process (`worker --serve`), restarted if it dies or is killed."""

    def __init__(self, log: Path):
        self.log, self.process = log, None

    def _start(self) -> subprocess.Popen:
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with open(self.log, "ab") as log:
            return subprocess.Popen([sys.executable, "-m", "alliance.grading.worker", "--serve"],
                                    stdin=subprocess.PIPE, stdout=log, stderr=subprocess.STDOUT,
                                    start_new_session=True)

    def run(self, job: dict, hard_timeout: float) -> dict:
        folder = Path(job["workdir"])
        folder.mkdir(parents=True, exist_ok=True)
        job_file, result_file = folder / "job.json", folder / "result.json"
        job_file.write_text(json.dumps(job))
        result_file.unlink(missing_ok=True)
        base = {"student": job["student"], "assignment": job["assignment"], "submission": job["submission"],
                "notes": [], "seconds": 0.0, "graded_notebook": job["graded_notebook"]}
        start = time.monotonic()
        try:
            if self.process is None or self.process.poll() is not None:
                self.process = self._start()
            self.process.stdin.write(f"{job_file}\n".encode())
            self.process.stdin.flush()
        except OSError:
            self.stop()
            return {**base, "rows": _rows_for_all(Path(job["source"]), "error",
                                                  f"Not graded: the grader could not start; see {self.log}.")}
        while True:
            if result_file.exists():
                return json.loads(result_file.read_text())
            if self.process.poll() is not None:
                code = self.process.returncode
                self.process = None
                return {**base, "seconds": time.monotonic() - start, "rows": _rows_for_all(
                    Path(job["source"]), "error",
                    f"Not graded: the grader failed on this submission (exit {code}); see {self.log}.")}
            if time.monotonic() - start > hard_timeout:
                self.stop()
                return {**base, "seconds": time.monotonic() - start, "rows": _rows_for_all(
                    Path(job["source"]), "timeout", f"Not graded: the submission was stopped after {hard_timeout:.0f} s.")}
            time.sleep(0.05)

    def stop(self) -> None:
        if self.process is not None:
            _kill_group(self.process)  # the worker and any kernel it started
            self.process = None


def _kill_group(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (OSError, AttributeError):
        if process.poll() is None:
            process.kill()


def grade(paths: list[Path], out: Path, workers: int = 2, source_dir: Path | None = None,
          progress: bool = True, keep_work: bool = False, **limits) -> Summary:
    from ..cli import course_root

    start = time.monotonic()
    limits = {**DEFAULTS, **{k: v for k, v in limits.items() if v is not None}}
    source_dir = source_dir or course_root() / "exercises" / "source"
    assignments = known_assignments(source_dir)
    out = out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    submissions, problems = collect(paths, list(assignments), skip=out)
    summary = Summary(problems=problems, out=out)
    jobs, seen = [], {}
    for sub in submissions:
        if sub.assignment is None:
            summary.results.append({"student": sub.student, "assignment": "", "submission": str(sub.path),
                                    "notes": [], "seconds": 0.0, "graded_notebook": "", "rows": _rows_for_all(
                                        None, "invalid", "Not graded: the notebook matches no assignment (known: "
                                        + ", ".join(assignments) + "). Keep the file name the course gave it.")})
            continue
        count = seen[(sub.student, sub.assignment)] = seen.get((sub.student, sub.assignment), 0) + 1
        tag = sub.assignment if count == 1 else f"{sub.assignment}-{count}"
        jobs.append({"submission": str(sub.path), "student": sub.student, "assignment": sub.assignment,
                     "source": str(assignments[sub.assignment]),
                     "workdir": str(out / ".work" / sub.student / tag),
                     "graded_notebook": str(out / "graded" / sub.student / f"{tag}.ipynb"), **limits})
    hard_timeout = limits["notebook_timeout"] + 120
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(jobs), unit="submission", desc="grading", file=sys.stderr)
    slots: queue.Queue = queue.Queue()
    for n in range(max(1, workers)):
        slots.put(Slot(out / "logs" / f"worker-{n + 1}.log"))

    def run_on_a_slot(job: dict) -> dict:
        slot = slots.get()
        try:
            return slot.run(job, hard_timeout)
        finally:
            slots.put(slot)

    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        futures = [pool.submit(run_on_a_slot, job) for job in jobs]
        for future in as_completed(futures):
            result = future.result()
            summary.results.append(result)
            _keep(result, out)
            if bar is not None:
                bar.update(1)
    if bar is not None:
        bar.close()
    while not slots.empty():
        slot = slots.get()
        if slot.process is not None:
            try:
                slot.process.stdin.close()  # the worker's loop ends; give it a moment, then make sure
                slot.process.wait(timeout=10)
            except (OSError, subprocess.TimeoutExpired):
                pass
        slot.stop()
    summary.results.sort(key=lambda r: (r["student"], r["assignment"], r["submission"]))
    if not keep_work:
        shutil.rmtree(out / ".work", ignore_errors=True)
    summary.seconds = time.monotonic() - start
    for result in summary.results:
        if not result["assignment"]:
            _keep(result, out)
    # The gradebook covers every submission graded into this folder, so re-grading one student
    # updates their rows and keeps everyone else's.
    write_reports(_kept(out), out, titles=_titles(list(assignments)))
    return summary


def _result_path(result: dict, out: Path) -> Path:
    name = result["assignment"] or "unrecognised-" + Path(result["submission"]).stem
    graded = result.get("graded_notebook")
    if graded:
        name = Path(graded).stem  # keeps the -2 of a second submission
    return out / "results" / result["student"] / f"{name}.json"


def _keep(result: dict, out: Path) -> None:
    path = _result_path(result, out)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, indent=1), encoding="utf-8")


def _kept(out: Path) -> list[dict]:
    results = []
    for path in sorted((out / "results").glob("*/*.json")):
        try:
            results.append(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            continue
    return sorted(results, key=lambda r: (r["student"], r["assignment"], r["submission"]))


def _titles(names: list[str]) -> dict[str, str]:
    from ..assignment import load

    titles = {}
    for name in names:
        try:
            titles[name] = load(name).title
        except Exception:
            titles[name] = name
    return titles
