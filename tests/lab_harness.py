"""A real-browser harness: JupyterLab on loopback, driven by headless Chromium.

Used through the fixtures in conftest.py (`lab_server`, `lab_page`); any notebook
test can call `open_notebook` then `run_all` and the assertion helpers.

Outgoing network is blocked twice over: Chromium resolves every host but the
loopback address to nothing, and a Playwright route aborts any request that is not
for the local server and records it, so a test can assert the page needed none.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

CHROMIUM = os.environ.get("ALLIANCE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
    # Offline: nothing but loopback resolves.
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]
# Lab settings that keep a test run from writing back or calling out.
LAB_SETTINGS = {
    "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
    # Render every cell, so off-screen charts draw too.
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
}
SCREENSHOT_DIR = Path(__file__).resolve().parents[1] / "build" / "screenshots"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class LabServer:
    url: str
    token: str
    root: Path
    process: subprocess.Popen
    log_path: Path

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()


def start_lab(root: Path, state: Path, timeout: float = 60) -> LabServer:
    """Start JupyterLab serving `root`, with every config dir isolated under `state`."""
    env = dict(os.environ)
    for var, sub in [("JUPYTER_CONFIG_DIR", "config"), ("JUPYTER_RUNTIME_DIR", "runtime"),
                     ("JUPYTERLAB_SETTINGS_DIR", "settings"),
                     ("JUPYTERLAB_WORKSPACES_DIR", "workspaces")]:
        (state / sub).mkdir(parents=True, exist_ok=True)
        env[var] = str(state / sub)
    for plugin, values in LAB_SETTINGS.items():
        path = state / "settings" / (plugin + ".jupyterlab-settings")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))
    token = "alliance-test-" + os.urandom(8).hex()
    port = free_port()
    log_path = state / "lab.log"
    cmd = [sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root",
           "--ip=127.0.0.1", f"--port={port}", f"--ServerApp.root_dir={root}",
           f"--IdentityProvider.token={token}", "--LabApp.expose_app_in_browser=True",
           "--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
           "--ServerApp.open_browser=False"]
    log = open(log_path, "w")
    proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=root)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"JupyterLab exited early; log:\n{log_path.read_text()}")
        try:
            urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2)
            return LabServer(url, token, root, proc, log_path)
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError(f"JupyterLab did not answer in {timeout}s; log:\n{log_path.read_text()}")


@dataclass
class NetworkLog:
    blocked: list[str] = field(default_factory=list)


def new_page(browser, server: LabServer, network: NetworkLog):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    local = server.url

    def guard(route):
        if route.request.url.startswith(local) or route.request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            network.blocked.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    return context.new_page()


# JavaScript run in the page. `window.jupyterapp` exists because the server was
# started with expose_app_in_browser.
_JS_CURRENT = "() => window.jupyterapp && window.jupyterapp.shell.currentWidget"
_JS_KERNEL_IDLE = """() => {
  const w = window.jupyterapp.shell.currentWidget;
  const k = w && w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel;
  return !!k && k.status === 'idle';
}"""
_JS_ALL_RUN = """() => {
  const w = window.jupyterapp.shell.currentWidget;
  const k = w.sessionContext.session && w.sessionContext.session.kernel;
  if (!k || k.status !== 'idle') return false;
  const cells = w.content.widgets.filter(c => c.model.type === 'code');
  return cells.every(c => c.model.executionCount !== null && !c.node.querySelector('.jp-InputPrompt').textContent.includes('*'));
}"""


def open_notebook(page, server: LabServer, relpath: str, timeout_ms: int = 60_000) -> None:
    page.goto(f"{server.url}/lab/tree/{relpath}?token={server.token}&reset", timeout=timeout_ms)
    page.wait_for_function(_JS_CURRENT, timeout=timeout_ms)
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=timeout_ms)
    page.wait_for_function(_JS_KERNEL_IDLE, timeout=timeout_ms)


def command(page, name: str, args: dict | None = None):
    return page.evaluate("([n, a]) => window.jupyterapp.commands.execute(n, a)", [name, args or {}])


def run_all(page, timeout_ms: int = 180_000) -> None:
    """Clear outputs (stale ones would satisfy the waits), run all, wait for idle."""
    command(page, "notebook:clear-all-cell-outputs")
    page.wait_for_function("() => document.querySelectorAll('.jp-OutputArea-output').length === 0")
    command(page, "notebook:run-all-cells")
    page.wait_for_function(_JS_ALL_RUN, timeout=timeout_ms, polling=250)
    # Let renderers (Vega, widgets) finish drawing after the last message.
    page.wait_for_timeout(1500)


def run_notebook(page, server: LabServer, relpath: str) -> None:
    """Open a notebook, run it from a clean slate, and fail if any cell errored."""
    open_notebook(page, server, relpath)
    run_all(page)
    errors = error_outputs(page)
    assert errors == [], errors


def error_outputs(page) -> list[str]:
    return page.eval_on_selector_all(
        ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.error'],"
        ".jp-RenderedText[data-mime-type='application/vnd.jupyter.error']",
        "els => els.map(e => e.innerText.slice(0, 500))")


def chart_status(page) -> tuple[int, int]:
    """(charts on the page, charts that drew their marks)."""
    total = page.locator(".vega-embed").count()
    drawn = page.locator(".vega-embed:has(svg.marks), .vega-embed:has(canvas.marks)").count()
    return total, drawn


def widget_status(page) -> tuple[int, int]:
    """(widget views on the page, views that failed to display)."""
    views = page.locator(".jupyter-widgets").count()
    failed = page.get_by_text("Error displaying widget").count()
    return views, failed


def screenshot(page, name: str) -> Path:
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOT_DIR / f"{name}.png"
    page.screenshot(path=str(path))
    return path


def copy_course(dest: Path, repo: Path) -> Path:
    """A throwaway copy of the notebooks and student exercises, so a browser run never touches committed files."""
    shutil.copytree(repo / "notebooks", dest / "notebooks")
    shutil.copytree(repo / "exercises" / "student", dest / "exercises" / "student")
    return dest
