"""Generate course_data/CODEBOOK.md from datapackage.json.

    python -m alliance.codebook          rewrite CODEBOOK.md
    python -m alliance.codebook --check  exit 1 if CODEBOOK.md is out of date
"""

from __future__ import annotations

import sys
from pathlib import Path

from . import data

HEADER = """<!-- Generated from datapackage.json by `python -m alliance.codebook`. Do not edit by hand. -->
# Codebook: The Broken Alliance course data

{description}

How to read these tables:

- Every data row names its sources in `source_ids` (ids from `sources.csv`, separated by `;`).
  In a notebook, `alliance.sources_for(frame)` lists them and `alliance.cite(source_id)` gives a citation.
- A figure that one side disputes is a **claim**: the table names who made it (`claimant`, `fatalities_claimant`).
  A claim is not an independent count.
- Publishers count different things. A series never mixes two definitions: compare them side by side, never add them up.
- An empty cell means no source the course read gave the value. The row's `note` says why. Nothing is estimated.
- Dates are written YYYY-MM-DD. Where only the month or year is known, a `*_precision` column says so.

Licence of the compilation: {licence}.
"""


def _constraints(field: dict) -> str:
    parts = []
    c = field.get("constraints", {})
    if c.get("required"):
        parts.append("required")
    if "enum" in c:
        parts.append("one of: " + ", ".join(f"`{v}`" for v in c["enum"]))
    if "minimum" in c:
        parts.append(f"≥ {c['minimum']}")
    ref = field.get("alliance:references")
    if ref:
        parts.append(f"ids from `{ref['resource']}.{ref['field']}`")
    if field.get("unit"):
        parts.append(f"unit: {field['unit']}")
    return "; ".join(parts)


def definitions_section(definitions) -> list[str]:
    """What each violence publisher counts: the heart of reading violence.csv correctly."""
    out = ["\n## What each publisher counts (from `definitions.csv`)\n",
           "Never add or join values with different definitions into one series.\n",
           "| definition | publisher | what it counts |", "|---|---|---|"]
    for row in definitions.itertuples():
        out.append(f"| `{row.definition}` | {row.publisher} | {str(row.description).replace('|', '/')} |")
    return out


def render(package: dict, definitions=None) -> str:
    licence = ", ".join(item.get("title", item["name"]) for item in package.get("licenses", []))
    out = [HEADER.format(description=package.get("description", ""), licence=licence)]
    out.append("## Contents\n")
    for res in package["resources"]:
        out.append(f"- [`{res['path']}`](#{res['name']}): {res.get('title', '')}")
    if definitions is not None:
        out += definitions_section(definitions)
    for res in package["resources"]:
        out.append(f"\n<a id=\"{res['name']}\"></a>\n## `{res['path']}`: {res.get('title', '')}\n")
        out.append(res.get("description", ""))
        schema = res.get("schema")
        if not schema:
            for lic in res.get("licenses", []):
                out.append(f"\n- Licence: {lic.get('title', lic['name'])} ({lic.get('path', '')})")
            for src in res.get("sources", []):
                out.append(f"- Origin: {src['title']} ({src.get('path', '')})")
            continue
        if schema.get("primaryKey"):
            out.append(f"\nEach row is identified by: {', '.join(f'`{k}`' for k in schema['primaryKey'])}.")
        out.append("\n| column | type | meaning | rules |\n|---|---|---|---|")
        for field in schema["fields"]:
            meaning = field.get("description", "").replace("|", "\\|")
            out.append(f"| `{field['name']}` | {field.get('type', 'string')} | {meaning} | {_constraints(field)} |")
    return "\n".join(out).rstrip() + "\n"


def codebook_path() -> Path:
    return data.data_dir() / "CODEBOOK.md"


def current() -> str:
    """The codebook as it should be for the data now in course_data/."""
    return render(data.package(), data.load("definitions"))


def main(argv: list[str]) -> int:
    text = current()
    if argv == ["--check"]:
        on_disk = codebook_path().read_text(encoding="utf-8") if codebook_path().exists() else ""
        if on_disk != text:
            print("CODEBOOK.md is out of date: run `python -m alliance.codebook`.", file=sys.stderr)
            return 1
        return 0
    if argv:
        print(__doc__, file=sys.stderr)
        return 2
    codebook_path().write_text(text, encoding="utf-8")
    print(f"wrote {codebook_path()}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
