"""Outputs that lesson cells share: the Sources list at the end of each lesson."""

from __future__ import annotations

import html

import pandas as pd

from . import data


def sources_html(*frames: pd.DataFrame) -> str:
    cited = pd.concat([data.sources_for(f) for f in frames]).drop_duplicates("source_id")
    items = []
    for row in cited.itertuples():
        date = "" if pd.isna(row.date) else f", {row.date}"
        caution = " <em>(weaker copy: check against stronger reporting)</em>" if row.caution else ""
        items.append(f"<li>{html.escape(row.publisher)}, <a href=\"{html.escape(row.url)}\" target=\"_blank\" "
                     f"rel=\"noopener\">{html.escape(row.title)}</a>{date} "
                     f"<small>({html.escape(row.kind)}; {html.escape(row.perspective)})</small>{caution}</li>")
    return (f"<details><summary><strong>Sources for the data used here ({len(cited)})</strong>: "
            f"click to open</summary><ol>{''.join(items)}</ol></details>")


def show_sources(*frames: pd.DataFrame) -> None:
    """Show the citations behind every row of the given tables."""
    from IPython.display import HTML, display

    display(HTML(sources_html(*frames)))
