"""Validate course_data/: Frictionless for types, constraints and keys; the rest here.

Frictionless cannot follow a list-valued field such as `source_ids` ("a;b") to
another table, so those references (declared in the schema as
`"alliance:references"`) are checked here, as is "every source is used".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import data

REFERENCES_KEY = "alliance:references"


@dataclass
class Report:
    where: Path
    errors: list[str] = field(default_factory=list)
    tables: dict[str, int] = field(default_factory=dict)

    @property
    def summary(self) -> str:
        rows = sum(self.tables.values())
        return f"{len(self.tables)} tables, {rows} rows, valid"


def validate_package(directory: Path | None = None) -> Report:
    directory = Path(directory or data.data_dir())
    report = Report(directory)
    descriptor = directory / "datapackage.json"
    if not directory.exists():
        report.errors.append(f"the folder {directory} does not exist")
        return report
    if not descriptor.exists():
        report.errors.append(f"{descriptor.name} is missing")
        return report
    package = data._package(str(directory))
    for res in package["resources"]:
        if not (directory / res["path"]).exists():
            report.errors.append(f"{res['path']} is missing")
    if report.errors:
        return report
    report.errors += frictionless_errors(descriptor)
    if report.errors:
        return report
    report.errors += typed_load_errors(directory, package)
    if not report.errors:
        report.errors += reference_errors(directory, package)
        report.errors += unused_source_errors(directory, package)
        report.tables = {r["name"]: len(_frame(directory, r["name"]))
                         for r in package["resources"] if "schema" in r}
    return report


def frictionless_errors(descriptor: Path, limit: int = 50) -> list[str]:
    import frictionless

    report = frictionless.validate(str(descriptor), limit_errors=limit)
    messages = []
    for task in report.tasks:
        for error in task.errors:
            row = getattr(error, "row_number", None)
            where = f"{task.name}" + (f", row {row - 1} (line {row})" if row else "")
            messages.append(f"{where}: {error.message}")
    messages += [error.message for error in report.errors]
    return messages[:limit]


def _frame(directory: Path, name: str):
    return data.load(name, directory)


def typed_load_errors(directory: Path, package: dict) -> list[str]:
    errors = []
    for res in package["resources"]:
        if "schema" not in res:
            continue
        try:
            _frame(directory, res["name"])
        except data.DataError as exc:
            errors.append(str(exc))
    return errors


def reference_errors(directory: Path, package: dict) -> list[str]:
    """Every id in a list-valued reference field exists in the table it points to."""
    errors = []
    for res in package["resources"]:
        for spec in res.get("schema", {}).get("fields", []):
            target = spec.get(REFERENCES_KEY)
            if not target:
                continue
            known = set(_frame(directory, target["resource"])[target["field"]].dropna().astype(str))
            allowed = set(target.get("also", []))
            frame = _frame(directory, res["name"])
            for row, value in enumerate(frame[spec["name"]]):
                for ref in data.split_ids(value):
                    if ref not in known and ref not in allowed:
                        errors.append(f"{res['path']}, row {row + 1}: {spec['name']} names {ref!r}, "
                                      f"which is not in {target['resource']}.{target['field']}")
    return errors


def unused_source_errors(directory: Path, package: dict) -> list[str]:
    used: set[str] = set()
    for res in package["resources"]:
        for spec in res.get("schema", {}).get("fields", []):
            if spec.get(REFERENCES_KEY, {}).get("resource") == "sources":
                frame = _frame(directory, res["name"])
                for value in frame[spec["name"]]:
                    used.update(data.split_ids(value))
    sources = _frame(directory, "sources")["source_id"].astype(str)
    return [f"sources.csv: {sid!r} is listed but no data row cites it" for sid in sources if sid not in used]
