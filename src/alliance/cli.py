"""The `alliance` command: lab, doctor (release and grade arrive with the exercises)."""

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
    return parser


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
    parser.print_usage(sys.stderr)
    print("alliance: choose a command (lab, doctor); `alliance --help` explains each.", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
