"""gradebook.csv, one feedback file per student, and the end-of-run summary."""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from pathlib import Path

COLUMNS = ["student", "assignment", "question", "points", "max", "status", "message", "submission"]


def _points(value) -> str:
    if value is None:
        return ""
    return f"{float(value):g}"


def write_reports(results: list[dict], out: Path, titles: dict[str, str]) -> None:
    with open(out / "gradebook.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for result in results:
            for row in result["rows"]:
                writer.writerow([result["student"], result["assignment"], row["question"], _points(row["points"]),
                                 _points(row["max"]), row["status"], row["message"], result["submission"]])
    by_student = defaultdict(list)
    for result in results:
        by_student[result["student"]].append(result)
    folder = out / "feedback"
    folder.mkdir(exist_ok=True)
    for student, items in by_student.items():
        (folder / f"{student}.md").write_text(feedback_text(student, items, titles), encoding="utf-8")


def feedback_text(student: str, results: list[dict], titles: dict[str, str]) -> str:
    lines = [f"# Feedback for {student}", ""]
    for result in results:
        rows = result["rows"]
        auto = [r for r in rows if not r.get("written")]
        got = sum(r["points"] or 0 for r in auto)
        possible = sum(r["max"] for r in auto)
        manual = sum(r["max"] for r in rows if r.get("written"))
        title = titles.get(result["assignment"], result["assignment"] or "Unrecognised notebook")
        extra = f" (+ {manual:g} points for written answers, graded by a person)" if manual else ""
        lines += [f"## {title}", "", f"Auto-graded: **{got:g} / {possible:g}**{extra}.",
                  f"File: `{Path(result['submission']).name}`", ""]
        for note in result.get("notes", []):
            lines.append(f"- {note}")
        if result.get("notes"):
            lines.append("")
        lines += ["| Question | Points | Status | Feedback |", "|---|---|---|---|"]
        for r in rows:
            shown = "to grade" if r["points"] is None else f"{r['points']:g} / {r['max']:g}"
            message = str(r["message"]).replace("|", "\\|").replace("\n", " ")
            lines.append(f"| {r['question'] or '—'} | {shown} | {r['status']} | {message} |")
        lines.append("")
    lines.append("Checks in your notebook are the visible part of grading; graded runs add hidden tests, "
                 "and a person grades written answers with the rubric.")
    return "\n".join(lines) + "\n"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def summary_text(summary) -> str:
    results = summary.results
    statuses = Counter(row["status"] for r in results for row in r["rows"])
    students = {r["student"] for r in results}
    lines = [f"Graded {_count(len(results), 'submission')} from {_count(len(students), 'student')} "
             f"in {summary.seconds:.1f} s.",
             "Question results: " + ", ".join(f"{n} {s}" for s, n in statuses.most_common()) + "."]
    per_assignment = defaultdict(list)
    for r in results:
        auto = [row for row in r["rows"] if not row.get("written")]
        if r["assignment"] and auto:
            per_assignment[r["assignment"]].append(sum(row["points"] or 0 for row in auto) /
                                                   max(sum(row["max"] for row in auto), 1e-9))
    for name, shares in sorted(per_assignment.items()):
        lines.append(f"  {name}: {_count(len(shares), 'submission')}, mean auto-graded score "
                     f"{100 * sum(shares) / len(shares):.0f}% (unreadable files count as 0)")
    trouble = [r for r in results if any(row["status"] in ("invalid", "error", "timeout", "tampered")
                                         for row in r["rows"])]
    if trouble:
        lines.append(f"Needs a look ({len(trouble)}):")
        for r in trouble[:20]:
            statuses_here = sorted({row["status"] for row in r["rows"]} & {"invalid", "error", "timeout", "tampered"})
            first = next(row["message"] for row in r["rows"] if row["status"] in statuses_here)
            lines.append(f"  {r['student']} · {r['assignment'] or Path(r['submission']).name}: "
                         f"{', '.join(statuses_here)} — {first[:160]}")
        if len(trouble) > 20:
            lines.append(f"  … and {len(trouble) - 20} more (see gradebook.csv)")
    for problem in summary.problems:
        lines.append(f"Skipped: {problem}")
    lines.append(f"Gradebook: {summary.out / 'gradebook.csv'}; feedback: {summary.out / 'feedback'}/")
    return "\n".join(lines)
