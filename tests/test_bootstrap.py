"""course.py, the stdlib-only bootstrap behind the README's two commands."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path


def load_course(repo):
    spec = importlib.util.spec_from_file_location("course_bootstrap", repo / "course.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_bad_command_prints_usage(repo):
    for args in ([], ["launch"]):
        result = subprocess.run([sys.executable, str(repo / "course.py"), *args], capture_output=True, text=True)
        assert result.returncode == 2
        assert "python3 course.py lab" in result.stderr and "python3 course.py test" in result.stderr


def test_second_run_installs_nothing(repo, tmp_path, monkeypatch):
    course = load_course(repo)
    monkeypatch.setattr(course, "VENV", tmp_path / "venv")
    monkeypatch.setattr(course, "STAMP", tmp_path / "venv" / "alliance-install.json")
    (tmp_path / "venv").mkdir()
    calls = []
    monkeypatch.setattr(course, "venv_python", lambda: Path(sys.executable))
    monkeypatch.setattr(course.subprocess, "run", lambda cmd, **kw: calls.append(cmd))
    course.ensure_environment({"test"})
    assert len(calls) == 1 and calls[0][-1] == ".[test]"
    course.ensure_environment({"test"})
    course.ensure_environment(set())  # lab after test: already installed
    assert len(calls) == 1
    (tmp_path / "venv" / "alliance-install.json").write_text('{"fingerprint": "old", "extras": ["test"]}')
    course.ensure_environment(set())  # lock or pyproject changed: install again
    assert len(calls) == 2 and calls[1][-1] == "."
