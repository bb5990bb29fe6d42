"""Find submissions and say whose they are and which assignment they answer."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

SAFE = re.compile(r"[^A-Za-z0-9._@+-]+")


@dataclass(frozen=True)
class Submission:
    path: Path
    student: str
    assignment: str | None  # None when it matches no known assignment


def notebooks_in(paths: list[Path], skip: Path | None = None) -> tuple[list[Path], list[str]]:
    """Every .ipynb under the given files and folders; and the arguments that were not usable."""
    found, problems = [], []
    for path in paths:
        if path.is_file():
            if path.suffix == ".ipynb":
                found.append(path)
            else:
                problems.append(f"{path}: not a .ipynb notebook")
        elif path.is_dir():
            for nb in sorted(path.rglob("*.ipynb")):
                if ".ipynb_checkpoints" in nb.parts:
                    continue
                if skip is not None and skip.resolve() in nb.resolve().parents:
                    continue
                found.append(nb)
        else:
            problems.append(f"{path}: no such file or folder")
    unique = list(dict.fromkeys(p.resolve() for p in found))
    return unique, problems


def assignment_of(path: Path, known: list[str]) -> str | None:
    """From the notebook's metadata when readable, else from its file name."""
    try:
        with open(path, encoding="utf-8") as handle:
            head = json.load(handle)
        name = head.get("metadata", {}).get("alliance", {}).get("assignment")
        if name in known:
            return name
    except (OSError, ValueError, AttributeError):
        pass
    stem = path.stem.lower()
    for name in sorted(known, key=len, reverse=True):  # longest first: ex10 before ex1
        if stem == name or re.match(rf"^{re.escape(name)}(\b|_|-|\s|\()", stem):
            return name
    return None


def student_of(path: Path, known: list[str]) -> str:
    """The folder holding the notebook; in nbgrader's layout (<student>/<assignment>/x.ipynb) the one above."""
    folder = path.parent
    if folder.name in known and folder.parent != folder:
        folder = folder.parent
    return SAFE.sub("_", folder.name) or "unknown"


def collect(paths: list[Path], known: list[str], skip: Path | None = None) -> tuple[list[Submission], list[str]]:
    notebooks, problems = notebooks_in(paths, skip)
    return [Submission(nb, student_of(nb, known), assignment_of(nb, known)) for nb in notebooks], problems
