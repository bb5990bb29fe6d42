"""The `alliance` command: lab, doctor, release, grade."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

START_PAGE = "notebooks/00_start_here.ipynb"


def course_root() -> Path:
    """The folder holding notebooks/ and course_data/."""
    from . import data

    return data.data_dir().parent


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="alliance",
        description="The Broken Alliance: a Jupyter course on Pakistan and the Afghan Taliban, 2021–2025.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    lab = sub.add_parser("lab", help="open the course in JupyterLab at the start page",
                         description="Start JupyterLab on the course's start page. "
                                     "Any further arguments go to JupyterLab, e.g. `alliance lab --port 9999`.")
    lab.add_argument("lab_args", nargs="*", metavar="JUPYTERLAB_ARGUMENTS", help="passed on to JupyterLab")
    sub.add_parser("doctor", help="check that the course can run here, and say how to fix what cannot",
                   description="Check Python, packages, course data, the widget extension and offline charts.")
    rel = sub.add_parser("release", help="build the learners' exercise notebooks from the instructors' ones",
                         description="Build exercises/student/ from exercises/source/: solutions become stubs, "
                                     "hidden tests are removed, locked cells get checksums.")
    rel.add_argument("names", nargs="*", metavar="NAME", help="assignments to release (default: all), e.g. ex03")
    rel.add_argument("--source", type=Path, metavar="DIR", help="instructors' notebooks (default: exercises/source)")
    rel.add_argument("--out", type=Path, metavar="DIR", help="where to write (default: exercises/student)")
    rel.add_argument("--check", action="store_true",
                     help="write nothing; exit 1 if any student notebook is out of date")
    grade = sub.add_parser("grade", help="grade submitted exercise notebooks into a gradebook and feedback",
                           description="Grade submissions. SUBMISSIONS are .ipynb files or folders holding them; "
                                       "the student id is the name of the folder holding each notebook "
                                       "(<student>/<notebook>.ipynb or nbgrader's <student>/<assignment>/...).")
    grade.add_argument("submissions", nargs="+", type=Path, metavar="SUBMISSIONS")
    grade.add_argument("--out", type=Path, required=True, metavar="DIR",
                       help="folder for gradebook.csv, feedback/ and graded/ (nothing else is written)")
    grade.add_argument("--workers", type=_positive, default=2, metavar="N", help="submissions run at once (default 2)")
    grade.add_argument("--source", type=Path, metavar="DIR", help="instructors' notebooks (default: exercises/source)")
    grade.add_argument("--cell-timeout", type=_positive, default=60, metavar="S", help="seconds per cell (default 60)")
    grade.add_argument("--notebook-timeout", type=_positive, default=300, metavar="S",
                       help="seconds per notebook (default 300)")
    grade.add_argument("--memory-mb", type=_positive, default=2048, metavar="MB",
                       help="memory a submission may add (default 2048)")
    grade.add_argument("--keep-work", action="store_true", help="keep each run's working folder (for debugging)")
    grade.add_argument("--quiet", action="store_true", help="no progress bar")
    return parser


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def cmd_release(args) -> int:
    from . import release

    root = course_root()
    source = args.source or root / "exercises" / "source"
    out = args.out or root / "exercises" / "student"
    if not source.is_dir():
        print(f"alliance release: no folder {source}; pass --source DIR.", file=sys.stderr)
        return 2
    known = [p.stem for p in release.source_notebooks(source)]
    unknown = sorted(set(args.names) - set(known))
    if unknown:
        print(f"alliance release: unknown assignment(s) {', '.join(unknown)}; known: {', '.join(known)}",
              file=sys.stderr)
        return 2
    results = release.release(source, out, args.names or None, write=not args.check)
    for item in results:
        state = ("out of date" if args.check else "written") if item.changed else "up to date"
        print(f"{item.name}: {state} ({item.target})")
    if args.check and any(item.changed for item in results):
        print("Run `alliance release` to update the student notebooks.", file=sys.stderr)
        return 1
    return 0


def cmd_grade(args) -> int:
    from .grading import grade
    from .grading.report import summary_text

    summary = grade(args.submissions, args.out, workers=args.workers, source_dir=args.source,
                    progress=not args.quiet, keep_work=args.keep_work, cell_timeout=args.cell_timeout,
                    notebook_timeout=args.notebook_timeout, memory=args.memory_mb * 1024 * 1024)
    print(summary_text(summary))
    if not summary.results:
        print("alliance grade: no notebooks found in " + " ".join(map(str, args.submissions)), file=sys.stderr)
        return 1
    return 0


def cmd_lab(lab_args: list[str]) -> int:
    from jupyterlab.labapp import LabApp

    root = course_root()
    if not (root / START_PAGE).exists():
        print(f"alliance lab: cannot find {START_PAGE} under {root}. "
              "Run this from the course folder, or set ALLIANCE_DATA_DIR to its course_data/.",
              file=sys.stderr)
        return 2
    argv = [f"--ServerApp.root_dir={root}", *lab_args, str(root / START_PAGE)]
    LabApp.launch_instance(argv=argv)
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser()
    # Everything after `lab` belongs to JupyterLab, in order (--port 9999 …); only a
    # bare `lab --help` is ours.
    if argv[:1] == ["lab"] and argv[1:2] not in (["-h"], ["--help"]):
        return cmd_lab(argv[1:])
    args = parser.parse_args(argv)
    if args.command == "lab":
        return cmd_lab([])
    if args.command == "doctor":
        from . import doctor

        return doctor.run()
    if args.command == "release":
        return cmd_release(args)
    if args.command == "grade":
        return cmd_grade(args)
    parser.print_usage(sys.stderr)
    print("alliance: choose a command (lab, doctor, release, grade); `alliance --help` explains each.",
          file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
