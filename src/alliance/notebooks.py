"""Build lesson notebooks (notebooks/*.ipynb) from their jupytext sources (lessons/*.py).

A lesson's source holds the story; `assemble` adds the cells generated from its
`metadata.course` (header, key points) and from the lesson order (previous/next
links). Generated cells carry `metadata.alliance.generated` so tests and tools
can tell them from written ones.
"""

from __future__ import annotations

from pathlib import Path

import nbformat

COURSE_KEYS = ("title", "questions", "objectives", "keypoints", "teaching", "exercises", "prerequisites")
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}


def lesson_sources(root: Path) -> list[Path]:
    return sorted((root / "lessons").glob("[0-9][0-9]_*.py"))


def notebook_path(source: Path) -> Path:
    return source.parent.parent / "notebooks" / (source.stem + ".ipynb")


def _generated(cell, kind: str):
    cell.metadata["alliance"] = {"generated": kind}
    return cell


def _bullets(items) -> str:
    return "\n".join(f"- {item}" for item in items)


def header_cell(course: dict):
    prereq = course.get("prerequisites") or []
    prereq_text = ", ".join(prereq) if prereq else "none"
    text = (f"# {course['title']}\n\n"
            f"*Teaching: about {course['teaching']} minutes · Exercises: about {course['exercises']} minutes · "
            f"Before this: {prereq_text}*\n\n"
            f"**Questions this lesson answers**\n\n{_bullets(course['questions'])}\n\n"
            f"**By the end you will be able to**\n\n{_bullets(course['objectives'])}")
    return _generated(nbformat.v4.new_markdown_cell(text), "header")


def keypoints_cell(course: dict):
    return _generated(nbformat.v4.new_markdown_cell("## Key points\n\n" + _bullets(course["keypoints"])), "keypoints")


def navigation_cell(previous: Path | None, following: Path | None):
    parts = []
    if previous is not None:
        parts.append(f"← Previous: [{previous.stem}]({previous.stem}.ipynb)")
    if following is not None:
        parts.append(f"Next: [{following.stem}]({following.stem}.ipynb) →")
    if following is None:
        parts.append("This is the latest lesson released so far.")
    return _generated(nbformat.v4.new_markdown_cell(" · ".join(parts)), "navigation")


def check_course_metadata(course: dict, source: Path) -> None:
    missing = [key for key in COURSE_KEYS if key not in course]
    if missing:
        raise ValueError(f"{source}: metadata.course lacks {missing}")


def assemble(source: Path, sequence: list[Path]):
    """The lesson notebook for `source`, not yet executed."""
    import jupytext

    nb = jupytext.read(source)
    course = nb.metadata.get("course", {})
    check_course_metadata(course, source)
    nb.metadata.pop("jupytext", None)
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    nb.metadata["language_info"] = {"name": "python"}
    index = sequence.index(source)
    previous = sequence[index - 1] if index > 0 else None
    following = sequence[index + 1] if index + 1 < len(sequence) else None
    nb.cells = [header_cell(course), *nb.cells, keypoints_cell(course), navigation_cell(previous, following)]
    for i, cell in enumerate(nb.cells):
        cell.id = f"{source.stem[:2]}-{i:03d}"  # stable ids keep diffs small
    return nb


def execute(nb, cwd: Path, timeout: int = 180):
    """Run top to bottom on a fresh kernel, as a learner would."""
    from nbclient import NotebookClient

    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(cwd)}},
                            record_timing=False)
    client.execute()
    return nb
