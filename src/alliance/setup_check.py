"""`alliance.setup()` (first code cell of every notebook) and the start page's setup check."""

from __future__ import annotations

import html
from dataclasses import dataclass


def setup() -> None:
    """Turn on the course chart theme and the offline chart renderer."""
    from . import charts

    charts.enable()


@dataclass
class SetupReport:
    ok: bool
    problems: list[str]

    def __repr__(self) -> str:
        return "SetupReport(ok=True)" if self.ok else f"SetupReport(ok=False, problems={self.problems})"


def check_setup() -> SetupReport:
    """Run `alliance doctor`'s checks and show the result in plain words."""
    from IPython.display import HTML, display

    from . import doctor

    results = doctor.run_checks()
    rows = []
    for r in results:
        status = "✅ working" if r.ok else "❌ problem"
        detail = html.escape(r.detail) + ("" if r.ok else f"<br><strong>How to fix:</strong> {html.escape(r.fix)}")
        rows.append(f"<tr><td>{html.escape(r.name)}</td><td>{status}</td><td>{detail}</td></tr>")
    problems = [r.name for r in results if not r.ok]
    verdict = ("<p><strong>Everything works.</strong> You are ready for the lessons.</p>" if not problems else
               f"<p><strong>{len(problems)} problem(s):</strong> follow the fix in each red row, then run this cell again. "
               "If you are stuck, run <code>alliance doctor</code> in a terminal and show its output to your teacher.</p>")
    display(HTML(f"<table><thead><tr><th>Check</th><th>Status</th><th>Details</th></tr></thead>"
                 f"<tbody>{''.join(rows)}</tbody></table>{verdict}"))
    return SetupReport(not problems, problems)
