"""Shared fixtures. Browser fixtures start one JupyterLab per test session (per xdist worker)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import lab_harness

REPO = Path(__file__).resolve().parents[1]


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: needs Chromium")


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = lab_harness.CHROMIUM
    if not (os.path.exists(path) or shutil.which(path)):
        message = (f"Chromium not found at {path}. On Debian/Ubuntu: apt-get install -y chromium "
                   "(the test command does this when run as root), or set ALLIANCE_CHROMIUM.")
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def lab_server(tmp_path_factory, chromium_path):
    work = tmp_path_factory.mktemp("lab")
    lab_harness.copy_course(work / "course", REPO)
    server = lab_harness.start_lab(work / "course", work / "state")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=chromium_path, args=lab_harness.CHROMIUM_FLAGS)
        yield b
        b.close()


@pytest.fixture
def lab_page(browser, lab_server):
    """A fresh browser page on the test JupyterLab, with outgoing network blocked and logged."""
    network = lab_harness.NetworkLog()
    page = lab_harness.new_page(browser, lab_server, network)
    page.network = network
    yield page
    page.context.close()
