"""Load the course datasets as typed DataFrames, and cite their sources.

Everything is driven by course_data/datapackage.json (a Frictionless Data Package):
field types become pandas dtypes, enumerations become categoricals, and every
problem names the file, the row and the fix.
"""

from __future__ import annotations

import difflib
import json
import os
from functools import lru_cache
from pathlib import Path

import pandas as pd

DATA_ENV = "ALLIANCE_DATA_DIR"
LIST_DELIMITER = ";"
RESTORE_HINT = ("Fix: restore it from the course repository "
                "(`git checkout -- course_data/`) or download the course again.")


class DataError(Exception):
    """A dataset is unknown, missing or damaged. The message says what to do."""


def data_dir() -> Path:
    """Where course_data/ is: $ALLIANCE_DATA_DIR, else the course repository's copy."""
    if os.environ.get(DATA_ENV):
        return Path(os.environ[DATA_ENV])
    here = Path(__file__).resolve()
    for parent in [*here.parents, *Path.cwd().resolve().parents, Path.cwd().resolve()]:
        candidate = parent / "course_data"
        if (candidate / "datapackage.json").exists():
            return candidate
    return here.parents[2] / "course_data"


@lru_cache(maxsize=4)
def _package(directory: str) -> dict:
    path = Path(directory) / "datapackage.json"
    if not path.exists():
        raise DataError(f"{path} is missing, so the course cannot find its data. {RESTORE_HINT}")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DataError(f"{path} is damaged (line {exc.lineno}: {exc.msg}). {RESTORE_HINT}") from exc


def package(directory: Path | None = None) -> dict:
    return _package(str(directory or data_dir()))


def resources(directory: Path | None = None) -> dict[str, dict]:
    return {r["name"]: r for r in package(directory)["resources"]}


def tabular_names() -> list[str]:
    return [name for name, r in resources().items() if "schema" in r]


def datasets() -> pd.DataFrame:
    """One row per dataset: name, title, file, rows described and description."""
    rows = [{"name": r["name"], "title": r.get("title", ""), "path": r["path"],
             "description": r.get("description", "")} for r in package()["resources"]]
    return pd.DataFrame(rows)


def resource(name: str, directory: Path | None = None) -> dict:
    known = resources(directory)
    if name not in known:
        close = difflib.get_close_matches(name, known, n=1, cutoff=0.5)
        hint = f" Did you mean {close[0]!r}?" if close else ""
        raise DataError(f"There is no dataset called {name!r}.{hint} "
                        f"Known datasets: {', '.join(sorted(known))}.")
    return known[name]


def load(name: str, directory: Path | None = None) -> pd.DataFrame:
    """The dataset `name` as a typed DataFrame (see `datasets()` for the names)."""
    res = resource(name, directory)
    if "schema" not in res:
        raise DataError(f"{name!r} is not a table (it is {res['path']}); open it with "
                        f"alliance.data.path({name!r}).")
    return _table(name, directory).copy()


def path(name: str) -> Path:
    return data_dir() / resource(name)["path"]


def read_json(name: str) -> dict:
    """A JSON resource, such as the region map."""
    file = path(name)
    if not file.exists():
        raise DataError(f"{file} is missing. {RESTORE_HINT}")
    try:
        return json.loads(file.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DataError(f"{file} is damaged (line {exc.lineno}: {exc.msg}). {RESTORE_HINT}") from exc


def _table(name: str, directory: Path | None = None) -> pd.DataFrame:
    """Cached typed table; the file's modification time is part of the key."""
    directory = Path(directory or data_dir())
    file = directory / resource(name, directory)["path"]
    if not file.exists():
        raise DataError(f"{file} is missing. {RESTORE_HINT}")
    return _load_table(str(directory), name, file.stat().st_mtime_ns)


@lru_cache(maxsize=64)
def _load_table(directory: str, name: str, _mtime: int) -> pd.DataFrame:
    res = {r["name"]: r for r in _package(directory)["resources"]}[name]
    file = Path(directory) / res["path"]
    fields = res["schema"]["fields"]
    try:
        raw = pd.read_csv(file, dtype=str, keep_default_na=False, encoding="utf-8")
    except (pd.errors.ParserError, UnicodeDecodeError, pd.errors.EmptyDataError) as exc:
        raise DataError(f"{file} is damaged and cannot be read as CSV ({exc}). {RESTORE_HINT}") from exc
    expected = [f["name"] for f in fields]
    if list(raw.columns) != expected:
        missing = [c for c in expected if c not in raw.columns]
        extra = [c for c in raw.columns if c not in expected]
        raise DataError(f"{file} has the wrong columns (missing: {missing or 'none'}; "
                        f"unexpected: {extra or 'none'}). {RESTORE_HINT}")
    frame = pd.DataFrame(index=raw.index)
    for spec in fields:
        frame[spec["name"]] = _convert(raw[spec["name"]], spec, file)
    return frame


def _bad_row(file: Path, column: pd.Series, bad: pd.Series, spec: dict, what: str) -> DataError:
    row = int(bad.idxmax())
    value = column.iloc[row]
    return DataError(f"{file}, row {row + 1} (line {row + 2}), column {spec['name']!r}: "
                     f"{value!r} is not {what}. {RESTORE_HINT}")


def _convert(column: pd.Series, spec: dict, file: Path) -> pd.Series:
    kind = spec.get("type", "string")
    empty = column.str.strip() == ""
    required = spec.get("constraints", {}).get("required", False)
    if required and empty.any():
        raise _bad_row(file, column, empty, spec, "allowed to be empty")
    text = column.where(~empty, None)
    if kind == "integer":
        numbers = pd.to_numeric(text, errors="coerce")
        bad = numbers.isna() & ~empty | (numbers.notna() & (numbers % 1 != 0))
        if bad.any():
            raise _bad_row(file, column, bad, spec, "a whole number")
        return numbers.astype("Int64")
    if kind == "number":
        numbers = pd.to_numeric(text, errors="coerce")
        bad = numbers.isna() & ~empty
        if bad.any():
            raise _bad_row(file, column, bad, spec, "a number")
        return numbers.astype("Float64")
    if kind == "date":
        dates = pd.to_datetime(text, format="%Y-%m-%d", errors="coerce")
        bad = dates.isna() & ~empty
        if bad.any():
            raise _bad_row(file, column, bad, spec, "a date written YYYY-MM-DD")
        return dates
    if kind == "year":
        numbers = pd.to_numeric(text, errors="coerce")
        bad = numbers.isna() & ~empty
        if bad.any():
            raise _bad_row(file, column, bad, spec, "a year")
        return numbers.astype("Int64")
    if kind == "boolean":
        mapping = {"true": True, "false": False}
        bad = ~empty & ~column.str.strip().str.lower().isin(list(mapping))
        if bad.any():
            raise _bad_row(file, column, bad, spec, "true or false")
        return text.str.strip().str.lower().map(mapping).astype("boolean")
    enum = spec.get("constraints", {}).get("enum")
    if enum:
        bad = ~empty & ~column.isin(enum)
        if bad.any():
            raise _bad_row(file, column, bad, spec, f"one of {enum}")
        return pd.Categorical(text, categories=enum)
    return text.astype("string")


# --- Sources and citations -------------------------------------------------------

def split_ids(value) -> list[str]:
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return []
    return [part.strip() for part in str(value).split(LIST_DELIMITER) if part.strip()]


def _sources() -> pd.DataFrame:
    """sources.csv indexed by id; cached with the table (same file, same modification time)."""
    table = _table("sources")
    cached = _SOURCE_INDEX.get(id(table))
    if cached is None:
        _SOURCE_INDEX.clear()
        cached = _SOURCE_INDEX[id(table)] = table.set_index("source_id")
    return cached


_SOURCE_INDEX: dict[int, pd.DataFrame] = {}


def cite(source_id: str) -> str:
    """A full citation: Publisher, "Title", date. URL"""
    table = _sources()
    if source_id not in table.index:
        close = difflib.get_close_matches(source_id, table.index, n=1)
        hint = f" Did you mean {close[0]!r}?" if close else ""
        raise DataError(f"No source has the id {source_id!r}.{hint}")
    row = table.loc[source_id]
    date = "" if pd.isna(row["date"]) else f", {row['date']}"
    return f"{row['publisher']}, “{row['title']}”{date}. {row['url']}"


def short_citation(source_id: str) -> str:
    """Just the publisher, for chart source lines."""
    table = _sources()
    return str(table.loc[source_id, "publisher"]) if source_id in table.index else source_id


def sources_for(frame: pd.DataFrame, column: str = "source_ids") -> pd.DataFrame:
    """The sources.csv rows behind the rows of `frame`, in first-use order."""
    if column not in frame.columns:
        raise DataError(f"This table has no {column!r} column, so its sources cannot be listed. "
                        f"Its columns are: {', '.join(map(str, frame.columns))}.")
    ids: list[str] = []
    for value in frame[column]:
        for sid in split_ids(value):
            if sid not in ids:
                ids.append(sid)
    table = _sources()
    unknown = [sid for sid in ids if sid not in table.index]
    if unknown:
        raise DataError(f"Unknown source ids {unknown}: course_data/sources.csv does not list them.")
    return table.loc[ids].reset_index()
