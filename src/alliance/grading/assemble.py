"""Rebuild a submission from the instructors' source notebook.

The graded notebook is the source notebook (instructions, set-up, test cells with
their hidden tests) with the learner's answer cells put in, plus any cells the learner
added, each after the source cell it followed. Locked and test cells always come from
the source: a learner's edits to them are ignored and reported. Learner code that
rebinds the checking objects is reported too (it cannot change the grade, since the
grader checks answers itself, but the learner should know why their screen and their
grade disagree).
"""

from __future__ import annotations

import ast
import copy
from dataclasses import dataclass, field

from .. import exercise_cells as cells

PROTECTED_NAMES = {"ex", "alliance", "____", "BLANK", "Feedback", "Outcome", "Question"}
PROTECTED_MODULES = ("alliance",)
SUSPECT_CALLS = {"setattr", "delattr", "__import__", "exec", "eval", "compile", "globals", "vars"}


@dataclass
class Assembled:
    notebook: object
    notes: list[str] = field(default_factory=list)  # for the learner, about the whole notebook
    tampering: list[str] = field(default_factory=list)
    missing_answers: set[str] = field(default_factory=set)  # question ids whose answer cell was gone

    def tampering_notes(self) -> list[str]:
        if not self.tampering:
            return []
        return [f"{finding[0].upper()}{finding[1:]}; the grader scores answers with its own copy of the checks, "
                "so this gives no credit." for finding in self.tampering]


def _key(cell) -> str | None:
    return cells.grade_id(cell)


def _python(source: str) -> str:
    """Cell source as plain Python (IPython magics and shell escapes translated)."""
    try:
        from IPython.core.inputtransformer2 import TransformerManager

        return TransformerManager().transform_cell(source)
    except Exception:
        return source


def _root_name(node) -> str | None:
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def tampering_in(source: str, label: str) -> list[str]:
    """Reasons why this code looks like it changes the checks, one per finding."""
    try:
        tree = ast.parse(_python(source))
    except SyntaxError:
        return []  # a syntax error fails the cell; nothing to say about tampering
    found = []
    for node in ast.walk(tree):
        targets = []
        if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            if node.name in PROTECTED_NAMES:
                found.append(f"{label} defines `{node.name}`, a name the checks use")
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                bound = alias.asname or alias.name.split(".")[0]
                if bound in PROTECTED_NAMES - {"alliance"}:
                    found.append(f"{label} imports something as `{bound}`, a name the checks use")
        elif isinstance(node, ast.Delete):
            targets = node.targets
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in SUSPECT_CALLS:
            if node.func.id in ("setattr", "delattr") and node.args and _root_name(node.args[0]) in PROTECTED_NAMES:
                found.append(f"{label} calls {node.func.id}() on `{_root_name(node.args[0])}`")
        for target in targets:
            for leaf in ast.walk(target):
                if isinstance(leaf, ast.Name) and isinstance(target, ast.Name) and leaf.id in PROTECTED_NAMES:
                    found.append(f"{label} reassigns `{leaf.id}`, which the checks use")
                elif isinstance(target, (ast.Attribute, ast.Subscript)) and _root_name(target) in PROTECTED_NAMES:
                    found.append(f"{label} changes `{ast.unparse(target)}`, part of the checks")
                    break
    if "sys.modules" in source and "alliance" in source:
        found.append(f"{label} touches sys.modules entries of the course package")
    return sorted(set(found))


def _label(cell, index: int) -> str:
    gid = _key(cell)
    if gid and gid.endswith("-answer"):
        return f"your answer cell for {gid[:-len('-answer')]}"
    return f"cell {index + 1}"


RESTORE = 'ex = __import__("alliance").exercise({name!r})  # put back by alliance grade before each test\n'


def assemble(source_nb, submission_nb, name: str | None = None) -> Assembled:
    by_key = {}
    by_id = {}
    for index, cell in enumerate(submission_nb.cells):
        if _key(cell) and _key(cell) not in by_key:
            by_key[_key(cell)] = (index, cell)
        if cell.get("id"):
            by_id.setdefault(cell["id"], (index, cell))
    used: set[int] = set()
    result = Assembled(notebook=copy.deepcopy(source_nb))
    placed = []  # (source position, cell) for the graded notebook, learner extras after their anchor

    def find(source_cell):
        hit = by_key.get(_key(source_cell)) if _key(source_cell) else None
        if hit is None and source_cell.get("id"):
            hit = by_id.get(source_cell["id"])
        return hit

    for position, source_cell in enumerate(source_nb.cells):
        hit = find(source_cell)
        if hit is not None:
            used.add(hit[0])
        if cells.is_solution(source_cell):
            if hit is None or hit[1].get("cell_type") != source_cell.cell_type:
                stub = cells.student_cell(source_cell)
                placed.append(stub)
                qid = _key(source_cell)[:-len("-answer")] if _key(source_cell).endswith("-answer") else _key(source_cell)
                result.missing_answers.add(qid)
                result.notes.append(f"The answer cell for {qid} was missing or changed type; it was graded as empty.")
                continue
            learner = copy.deepcopy(source_cell)
            learner.source = hit[1].get("source", "")
            if learner.cell_type == "code":
                learner.outputs, learner.execution_count = [], None
            placed.append(learner)
            if learner.cell_type == "code":
                result.tampering += tampering_in(learner.source, _label(source_cell, position))
            continue
        original = copy.deepcopy(source_cell)
        if original.cell_type == "code":
            original.outputs, original.execution_count = [], None
        if cells.is_test(original) and name:
            # A learner who rebound `ex` would otherwise stop every later check from reaching the grader.
            original.source = RESTORE.format(name=name) + original.source
        placed.append(original)
        if cells.is_locked(source_cell) or cells.is_test(source_cell):
            what = f"the test cell for {_key(source_cell)}" if cells.is_test(source_cell) else f"locked cell {position + 1}"
            if hit is None:
                result.notes.append(f"You deleted {what}; the grader put the original back.")
            elif cells.checksum(hit[1]) not in (cells.checksum(cells.student_cell(source_cell)),
                                                hit[1].get("metadata", {}).get("alliance", {}).get("checksum")):
                # Unchanged means: as the source is now, or as it was released to this learner.
                result.notes.append(f"You edited {what}; the grader used the original.")
    # Cells the learner added: keep them, after the source cell they followed.
    anchors = {}
    for index, cell in enumerate(submission_nb.cells):
        if index in used or cell.get("cell_type") not in ("code", "markdown"):
            continue
        anchor = max((i for i in used if i < index), default=-1)
        anchors.setdefault(anchor, []).append((index, cell))
    final = []
    submission_to_source = {}
    for position, source_cell in enumerate(source_nb.cells):
        hit = find(source_cell)
        if hit is not None:
            submission_to_source[hit[0]] = position
    extras_after = {}
    for anchor, items in anchors.items():
        extras_after.setdefault(submission_to_source.get(anchor, -1), []).extend(items)
    for _, cell in extras_after.get(-1, []):
        final.append(_extra(cell, result))
    for position, cell in enumerate(placed):
        final.append(cell)
        for _, extra in extras_after.get(position, []):
            final.append(_extra(extra, result))
    result.notebook.cells = final
    result.tampering = sorted(set(result.tampering))
    return result


def _extra(cell, result: Assembled):
    import nbformat

    if cell.get("cell_type") == "code":
        new = nbformat.v4.new_code_cell(cell.get("source", ""))
        result.tampering += tampering_in(new.source, "a cell you added")
    else:
        new = nbformat.v4.new_markdown_cell(cell.get("source", ""))
    new.metadata["alliance"] = {"learner_added": True}
    return new
