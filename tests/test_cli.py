"""The `alliance` command: usage on bad input, doctor's verdicts."""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys

import pytest

from alliance import cli, data


def run_cli(*args, env=None):
    return subprocess.run([sys.executable, "-m", "alliance.cli", *args], capture_output=True, text=True,
                          env=env, timeout=120)


def test_no_command_prints_usage():
    result = run_cli()
    assert result.returncode == 2
    assert "usage: alliance" in result.stderr and "lab, doctor" in result.stderr


def test_unknown_command_prints_usage():
    result = run_cli("teach")
    assert result.returncode == 2
    assert "usage: alliance" in result.stderr and "invalid choice: 'teach'" in result.stderr


def test_doctor_rejects_extra_arguments():
    result = run_cli("doctor", "--fix")
    assert result.returncode == 2
    assert "usage: alliance" in result.stderr and "unrecognized arguments: --fix" in result.stderr


def test_help_lists_commands():
    result = run_cli("--help")
    assert result.returncode == 0
    assert "lab" in result.stdout and "doctor" in result.stdout


def test_lab_passes_extra_arguments_to_jupyterlab(monkeypatch):
    seen = {}
    from jupyterlab import labapp

    monkeypatch.setattr(labapp.LabApp, "launch_instance", classmethod(lambda cls, argv: seen.update(argv=argv)))
    assert cli.main(["lab", "--port", "9999", "--no-browser"]) == 0
    assert seen["argv"][1:4] == ["--port", "9999", "--no-browser"]
    assert seen["argv"][-1].endswith("notebooks/00_start_here.ipynb")
    assert seen["argv"][0] == f"--ServerApp.root_dir={cli.course_root()}"


def test_doctor_passes_on_this_checkout():
    result = run_cli("doctor")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "All checks passed" in result.stdout
    for name in ("Python", "Packages", "Course data", "Widgets", "Charts"):
        assert f"[ok  ] {name}" in result.stdout


@pytest.fixture
def course_copy(tmp_path, repo):
    target = tmp_path / "course_data"
    shutil.copytree(repo / "course_data", target)
    return target


def doctor_env(folder):
    import os

    return dict(os.environ, **{data.DATA_ENV: str(folder)})


def test_doctor_fails_when_course_data_is_missing(tmp_path):
    result = run_cli("doctor", env=doctor_env(tmp_path / "course_data"))
    assert result.returncode == 1
    assert "[FAIL] Course data: no course data at" in result.stdout
    assert "How to fix: Run this inside the course folder" in result.stdout


def test_doctor_fails_when_a_file_is_damaged(course_copy):
    events = course_copy / "events.csv"
    with open(events, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    rows[2]["date"] = "sometime"  # row 3
    with open(events, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    result = run_cli("doctor", env=doctor_env(course_copy))
    assert result.returncode == 1
    assert "[FAIL] Course data" in result.stdout and "events" in result.stdout and "row 3" in result.stdout


def test_doctor_fails_when_a_file_is_deleted(course_copy):
    (course_copy / "claims.csv").unlink()
    result = run_cli("doctor", env=doctor_env(course_copy))
    assert result.returncode == 1
    assert "claims.csv is missing" in result.stdout


def test_lab_serves_the_course(tmp_path):
    """`alliance lab` starts a real JupyterLab whose file tree is the course, start page included."""
    import os
    import time
    import urllib.request

    import lab_harness

    port, token = lab_harness.free_port(), "alliance-cli-test"
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(tmp_path / "rt"), JUPYTER_CONFIG_DIR=str(tmp_path / "cfg"),
               JUPYTERLAB_WORKSPACES_DIR=str(tmp_path / "ws"))
    proc = subprocess.Popen([sys.executable, "-m", "alliance.cli", "lab", "--no-browser", "--allow-root",
                             f"--port={port}", "--ip=127.0.0.1", f"--IdentityProvider.token={token}"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                page = urllib.request.urlopen(f"{base}/api/contents/notebooks/00_start_here.ipynb?token={token}&content=0")
                break
            except OSError:
                assert proc.poll() is None, proc.stdout.read().decode()
                assert time.monotonic() < deadline, "JupyterLab did not start"
                time.sleep(0.5)
        assert page.status == 200
        lab = urllib.request.urlopen(f"{base}/lab/tree/notebooks/00_start_here.ipynb?token={token}")
        assert lab.status == 200 and b"JupyterLab" in lab.read()
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.mark.parametrize("argv, words", [
    (["grade"], "SUBMISSIONS"),
    (["grade", "subs"], "--out"),
    (["grade", "subs", "--out", "o", "--workers", "0"], "must be at least 1"),
    (["grade", "subs", "--out", "o", "--cell-timeout", "soon"], "not a whole number"),
    (["release", "--bogus"], "unrecognized arguments"),
])
def test_grade_and_release_bad_arguments_print_usage(argv, words, capsys):
    with pytest.raises(SystemExit) as stop:
        cli.main(argv)
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "usage: alliance" in err and words in err


def test_grade_reports_missing_submissions(tmp_path, capsys):
    assert cli.main(["grade", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out"), "--quiet"]) == 1
    captured = capsys.readouterr()
    assert "no such file or folder" in captured.out and "no notebooks found" in captured.err
    assert (tmp_path / "out" / "gradebook.csv").exists()
