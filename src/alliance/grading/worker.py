"""Grade one submission: `python -m alliance.grading.worker JOB.json`.

Runs in its own process (so `alliance grade` can always stop it), starts the
submission in a fresh sandboxed kernel (see `sandbox`), enforces the time and output
limits, then scores every question from the answers that reached the grader, using a
clean copy of the assignment's questions. Writes RESULT.json next to JOB.json. Every
failure of the submission becomes a graded row with a reason; nothing here raises
because of what a learner wrote.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import nbformat

from .. import exercise_cells as cells
from ..assignment import GRADING_ENV
from . import sandbox
from .assemble import assemble

MAX_NOTEBOOK_BYTES = 50 * 1024 * 1024
KERNEL_NAME = "alliance-grader"


@dataclass
class Row:
    question: str
    points: float | None
    max: float
    status: str
    message: str
    written: bool = False  # a written answer, graded by a person


@dataclass
class Result:
    student: str
    assignment: str
    submission: str
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0
    graded_notebook: str = ""


# --- reading -----------------------------------------------------------------------------

def read_submission(path: Path):
    """(notebook, None) or (None, reason it cannot be graded)."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        return None, f"the file could not be opened ({exc.strerror})"
    if size > MAX_NOTEBOOK_BYTES:
        return None, f"the file is {size // 1_000_000} MB, over the {MAX_NOTEBOOK_BYTES // 1_000_000} MB a notebook may be"
    if size == 0:
        return None, "the file is empty"
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None, "the file is not text (is it really a .ipynb notebook?)"
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return None, (f"the notebook is damaged or truncated (not valid JSON at line {exc.lineno}); "
                      "open it in JupyterLab to check, and hand in a saved copy")
    if not isinstance(data, dict) or not isinstance(data.get("cells"), list):
        return None, "the file is JSON but not a notebook (no list of cells)"
    try:
        nb = nbformat.reads(text, as_version=4)
    except Exception as exc:  # nbformat raises several kinds for odd notebooks
        return None, f"the notebook could not be read ({type(exc).__name__}: {str(exc)[:200]})"
    for cell in nb.cells:
        if not isinstance(cell, dict) or "cell_type" not in cell or not isinstance(cell.get("source", ""), str):
            return None, "the notebook has a malformed cell (no type or source)"
        cell.setdefault("metadata", {})
    return nb, None


# --- running -----------------------------------------------------------------------------

def _kernel_spec_dir(workdir: Path) -> Path:
    folder = workdir / ".kernels" / KERNEL_NAME
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "alliance.grading.sandbox", "-f", "{connection_file}"],
        "display_name": "alliance grader", "language": "python"}))
    return folder.parent


def _client_class():
    from nbclient import NotebookClient

    class CappedClient(NotebookClient):
        """Drops output beyond `max_output_bytes`, keeping one line that says so."""

        max_output_bytes = 10_000_000
        output_bytes = 0
        output_dropped = False

        def output(self, outs, msg, display_id, cell_index):
            self.output_bytes += len(json.dumps(msg.get("content", {}), default=str))
            if self.output_bytes > self.max_output_bytes:
                if not self.output_dropped:
                    self.output_dropped = True
                    outs.append(nbformat.v4.new_output(
                        "stream", name="stderr",
                        text=f"[alliance grade: output beyond {self.max_output_bytes // 1_000_000} MB dropped]\n"))
                return None
            return super().output(outs, msg, display_id, cell_index)

    return CappedClient


@dataclass
class RunLog:
    spans: dict = field(default_factory=dict)  # test cell index -> (answers offset at start, at end)
    errors: dict = field(default_factory=dict)  # cell index -> "Name: message"
    current: int = -1
    stopped: str = ""  # why execution ended early, if it did
    output_dropped: bool = False


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def run(nb, workdir: Path, answers: Path, cell_timeout: int, notebook_timeout: int, memory: int,
        max_output: int) -> RunLog:
    from jupyter_client import AsyncKernelManager
    from jupyter_client.kernelspec import KernelSpecManager

    log = RunLog()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ALLIANCE_GRADING", "ALLIANCE_SANDBOX"))}
    home = workdir / ".home"
    (workdir / ".tmp").mkdir(exist_ok=True)
    home.mkdir(exist_ok=True)
    env.update({GRADING_ENV: str(answers), sandbox.WORKDIR_ENV: str(workdir), sandbox.MEMORY_ENV: str(memory),
                "HOME": str(home), "IPYTHONDIR": str(home / ".ipython"), "TMPDIR": str(workdir / ".tmp"),
                "JUPYTER_RUNTIME_DIR": str(workdir / ".runtime"), "MPLCONFIGDIR": str(home / ".mpl"),
                "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
                "PYTHONDONTWRITEBYTECODE": "1"})
    ksm = KernelSpecManager(kernel_dirs=[str(_kernel_spec_dir(workdir))])
    km = AsyncKernelManager(kernel_name=KERNEL_NAME, kernel_spec_manager=ksm)
    client = _client_class()(nb, km=km, timeout=cell_timeout, interrupt_on_timeout=True, allow_errors=True,
                             record_timing=True, kernel_name=KERNEL_NAME, startup_timeout=120,
                             shutdown_kernel="immediate",
                             resources={"metadata": {"path": str(workdir)}})
    client.max_output_bytes = max_output
    test_cells = {i for i, c in enumerate(nb.cells) if cells.is_test(c)}

    def on_start(cell, cell_index, **_):
        log.current = cell_index
        if cell_index in test_cells:
            log.spans[cell_index] = (_size(answers), None)

    def on_executed(cell, cell_index, execute_reply, **_):
        if cell_index in test_cells:
            log.spans[cell_index] = (log.spans[cell_index][0], _size(answers))
        content = (execute_reply or {}).get("content", {})
        if content.get("status") == "error":
            log.errors[cell_index] = f"{content.get('ename')}: {str(content.get('evalue'))[:300]}"

    client.on_cell_start = on_start
    client.on_cell_executed = on_executed

    def stop_notebook():
        log.stopped = f"the notebook ran longer than the {notebook_timeout} s limit and was stopped"
        provisioner = getattr(km, "provisioner", None)
        pid = getattr(provisioner, "pid", None) or getattr(getattr(provisioner, "process", None), "pid", None)
        if pid:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass

    timer = threading.Timer(notebook_timeout, stop_notebook)
    timer.daemon = True
    timer.start()
    try:
        client.execute(env=env)
    except Exception as exc:  # a dead kernel, a failed start: grade what ran
        name = type(exc).__name__
        if not log.stopped:
            if name == "DeadKernelError":
                log.stopped = (f"the kernel stopped at cell {log.current + 1} (the code exited the Python process "
                               "or ran out of memory)")
            else:
                log.stopped = f"the run stopped at cell {log.current + 1} ({name}: {str(exc)[:200]})"
    finally:
        timer.cancel()
        try:
            if km.has_kernel:  # nbclient shuts its kernel down; this is for runs that ended early
                from jupyter_core.utils import run_sync

                run_sync(km.shutdown_kernel)(now=True)
        except Exception:
            pass
    for index, (start, end) in list(log.spans.items()):
        if end is None:
            log.spans[index] = (start, _size(answers))
    log.output_dropped = client.output_dropped
    return log


# --- scoring -----------------------------------------------------------------------------

def _answers_between(path: Path, start: int, end: int) -> dict[str, dict]:
    found: dict[str, dict] = {}
    try:
        with open(path, "rb") as handle:
            handle.seek(start)
            chunk = handle.read(max(0, end - start))
    except OSError:
        return found
    for line in chunk.decode("utf-8", "replace").splitlines():
        try:
            item = json.loads(line)
            found[str(item["question"])] = item["answer"]
        except (ValueError, KeyError, TypeError):
            continue
    return found


def _timed_out(error: str, cell_timeout: int) -> bool:
    return error.startswith("KeyboardInterrupt")


def score(source_nb, graded_nb, log: RunLog, answers: Path, assignment_name: str, assembled,
          cell_timeout: int) -> list[Row]:
    from .. import answers as answer_codec
    from ..assignment import load
    from ..checks import Outcome

    key = load(assignment_name)  # a clean copy: nothing the submission did reaches this process
    rows = []
    tamper_note = ""
    if assembled.tampering:
        tamper_note = (" Your notebook changes the checking code (see the notes). The grader scores answers with "
                       "its own copy of the checks, so this gives no credit; if it stopped answers from reaching "
                       "the grader, those questions score 0.")
    index_of = {cells.grade_id(c): i for i, c in enumerate(graded_nb.cells) if cells.grade_id(c)}
    limits = {"cell_timeout": cell_timeout}
    for cell in source_nb.cells:
        qid = cells.grade_id(cell)
        if cells.is_open(cell):
            rows.append(_open_row(cell, graded_nb, key, qid))
            continue
        if not cells.is_test(cell):
            continue
        maximum = cells.points(cell)
        position = index_of.get(qid)
        expected = cells.checked_ids(cell.source)
        error = log.errors.get(position, "")
        if position not in log.spans:
            reason = log.stopped or "this test cell did not run"
            rows.append(Row(qid, 0.0, maximum, "error", f"Not graded: {reason}."))
            continue
        got = _answers_between(answers, *log.spans[position])
        missing = [q for q in expected if q not in got]
        if missing:
            if error and _timed_out(error, cell_timeout):
                status, why = "timeout", f"a cell ran longer than the {cell_timeout} s limit"
            elif error:
                status, why = "error", f"the test cell failed before checking ({error})"
            elif log.stopped and position >= log.current:
                status, why = "error", log.stopped
            else:
                status, why = "tampered", "no answer reached the grader; the checking code was changed or bypassed"
            rows.append(Row(qid, 0.0, maximum, status, f"Not graded: {why}.{tamper_note}"))
            continue
        verdicts = [(q, key.feedback(q, answer_codec.decode(got[q]))) for q in dict.fromkeys(expected)]
        if qid in assembled.missing_answers:
            verdicts = [(qid, key.feedback(qid))]
        failed = [(q, v) for q, v in verdicts if not v.correct]
        if not failed:
            rows.append(Row(qid, maximum, maximum, "correct", "Correct."))
            continue
        answer_error = log.errors.get(index_of.get(f"{qid}-answer"))
        if answer_error:
            status = "timeout" if answer_error.startswith("KeyboardInterrupt") else "error"
            rows.append(Row(qid, 0.0, maximum, status,
                            f"Your answer cell {explain_error(answer_error, limits)}, so the answer was not "
                            f"computed. The check then said: {failed[0][1].message}{tamper_note}"))
            continue
        q, verdict = failed[0]
        if verdict.outcome is Outcome.NOT_ATTEMPTED:
            status, message = "not attempted", "Not attempted: the answer was still ____."
        elif q != qid:
            status, message = "incorrect", f"The visible check may pass, but a hidden test failed: {verdict.message}"
        else:
            status, message = ("incorrect" if verdict.outcome is Outcome.INCORRECT else "uncheckable"), verdict.message
        rows.append(Row(qid, 0.0, maximum, status, message + tamper_note))
    return rows


def explain_error(error: str, limits: dict) -> str:
    """A learner-facing account of why a cell stopped."""
    name, _, detail = error.partition(": ")
    if name == "KeyboardInterrupt":
        return f"ran longer than the {limits.get('cell_timeout', '?')} s limit and was stopped"
    if name == "MemoryError":
        return "used more memory than grading allows"
    if name == "SystemExit":
        return "called sys.exit() or exit(); the grader went on with the next cell"
    if sandbox.MARK in error:
        return f"tried something grading does not allow ({detail.split(': ', 1)[-1]})"
    return f"stopped with {name}: {detail[:200]}"


def _open_row(cell, graded_nb, key, qid) -> Row:
    from ..checks import OpenQuestion, Outcome

    answer = next((c.source for c in graded_nb.cells if cells.grade_id(c) == qid), "")
    maximum = cells.points(cell)
    try:
        question = key.question(qid)
    except LookupError:
        question = OpenQuestion(qid, int(maximum), "")
    verdict = question.check(answer)
    if verdict.outcome is Outcome.NOT_ATTEMPTED:
        return Row(qid, 0.0, maximum, "not attempted", "Not attempted: the answer cell still says YOUR ANSWER HERE.",
                   written=True)
    words = len(answer.split())
    return Row(qid, None, maximum, "manual", f"Written answer ({words} words), to be graded by a person with the rubric.",
               written=True)


# --- the job -----------------------------------------------------------------------------

def grade_one(job: dict) -> Result:
    start = time.monotonic()
    result = Result(job["student"], job["assignment"], job["submission"])
    source_nb = nbformat.read(job["source"], as_version=4)
    every = [(cells.grade_id(c), cells.points(c), cells.is_open(c)) for c in source_nb.cells
             if cells.is_test(c) or cells.is_open(c)]
    nb, problem = read_submission(Path(job["submission"]))
    if problem:
        result.rows = [Row(q, 0.0, p, "invalid", f"Not graded: {problem}. Nothing was run.", written=w)
                       for q, p, w in every]
        result.seconds = time.monotonic() - start
        return result
    assembled = assemble(source_nb, nb, job["assignment"])
    result.notes += assembled.notes
    workdir = Path(job["workdir"])
    workdir.mkdir(parents=True, exist_ok=True)
    answers = workdir / "answers.jsonl"
    answers.write_text("")
    graded = assembled.notebook
    log = run(graded, workdir, answers, job["cell_timeout"], job["notebook_timeout"], job["memory"], job["max_output"])
    if log.stopped:
        result.notes.append(f"Stopped early: {log.stopped}.")
    if log.output_dropped:
        result.notes.append(f"The notebook printed more than {job['max_output'] // 1_000_000} MB; "
                            "the rest of its output was dropped.")
    result.notes += assembled.tampering_notes()
    limits = {"cell_timeout": job["cell_timeout"]}
    for index, error in sorted(log.errors.items()):
        cell = graded.cells[index] if 0 <= index < len(graded.cells) else None
        if cell is None or cells.is_test(cell):
            continue
        gid = cells.grade_id(cell) or ""
        where = (f"Your answer cell for {gid[:-len('-answer')]}" if gid.endswith("-answer")
                 else f"Cell {index + 1}" + (" (added by you)" if cell.metadata.get("alliance", {}).get("learner_added")
                                             else ""))
        result.notes.append(f"{where} {explain_error(error, limits)}.")
    result.rows = score(source_nb, graded, log, answers, job["assignment"], assembled, job["cell_timeout"])
    target = Path(job["graded_notebook"])
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(graded, target)
    result.graded_notebook = str(target)
    result.seconds = time.monotonic() - start
    return result


def write_result(job_path: Path, result: Result) -> None:
    """result.json beside the job, written whole (the parent polls for it)."""
    partial = job_path.parent / "result.json.partial"
    partial.write_text(json.dumps(asdict(result), indent=1))
    os.replace(partial, job_path.parent / "result.json")


def serve() -> int:
    """Grade jobs one after another: each line on stdin is the path of a JOB.json.

    One long-lived worker per slot imports the grader and the answer keys once; each
    submission still gets its own fresh kernel.
    """
    for line in sys.stdin:
        job_path = Path(line.strip())
        if not line.strip():
            continue
        job = json.loads(job_path.read_text())
        try:
            result = grade_one(job)
        except Exception:  # a grader bug: report it for this submission and go on with the next
            import traceback

            traceback.print_exc()
            source_nb = nbformat.read(job["source"], as_version=4)
            result = Result(job["student"], job["assignment"], job["submission"], rows=[
                Row(cells.grade_id(c), 0.0, cells.points(c), "error",
                    "Not graded: the grader itself failed on this submission (see logs/ in the output folder).",
                    written=cells.is_open(c))
                for c in source_nb.cells if cells.is_test(c) or cells.is_open(c)])
        write_result(job_path, result)
    return 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["--serve"]:
        return serve()
    job_path = Path(argv[0])
    write_result(job_path, grade_one(json.loads(job_path.read_text())))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
