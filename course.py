#!/usr/bin/env python3
"""Set up and run The Broken Alliance with nothing but Python 3.11+.

    python3 course.py lab     install what is needed (first time only), open the course
    python3 course.py test    install the test tools too, then run the whole test suite

Everything goes into .venv/ beside this file, with the exact versions pinned in
requirements/lock.txt. A second run reinstalls nothing unless pyproject.toml or the
lock file changed. Only the Python standard library is used here, so this works
before anything is installed. Extra arguments go on to JupyterLab or pytest.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("ALLIANCE_VENV", ROOT / ".venv"))
LOCK = ROOT / "requirements" / "lock.txt"
STAMP = VENV / "alliance-install.json"
CHROMIUM = Path(os.environ.get("ALLIANCE_CHROMIUM", "/usr/bin/chromium"))
USAGE = __doc__.split("\n\n")[1]


def say(message: str) -> None:
    print(f"[course] {message}", flush=True)


def venv_python() -> Path:
    scripts = "Scripts" if os.name == "nt" else "bin"
    return VENV / scripts / ("python.exe" if os.name == "nt" else "python")


def fingerprint() -> str:
    digest = hashlib.sha256()
    for path in (ROOT / "pyproject.toml", LOCK):
        digest.update(path.read_bytes())
    digest.update(sys.version.encode())
    return digest.hexdigest()


def installed() -> dict:
    try:
        return json.loads(STAMP.read_text())
    except (OSError, ValueError):
        return {}


def ensure_environment(extras: set[str]) -> Path:
    """Create .venv and install the course (with `extras`) unless already done."""
    if sys.version_info < (3, 11):
        sys.exit(f"The course needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    python = venv_python()
    if not python.exists():
        say(f"creating the course environment in {VENV}")
        venv.EnvBuilder(with_pip=True, clear=VENV.exists()).create(VENV)
    stamp = installed()
    if stamp.get("fingerprint") == fingerprint() and extras <= set(stamp.get("extras", [])):
        return python
    wanted = extras | (set(stamp.get("extras", [])) if stamp.get("fingerprint") == fingerprint() else set())
    target = f".[{','.join(sorted(wanted))}]" if wanted else "."
    say(f"installing the course and its pinned dependencies ({target}); the first time takes a minute or two")
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    "-c", str(LOCK), "-e", target], cwd=ROOT, check=True)
    STAMP.write_text(json.dumps({"fingerprint": fingerprint(), "extras": sorted(wanted)}))
    return python


def ensure_chromium() -> None:
    """The browser tests drive Debian's Chromium; install it with apt when we can."""
    if CHROMIUM.exists() or os.environ.get("ALLIANCE_CHROMIUM"):
        return
    apt = shutil.which("apt-get")
    is_root = hasattr(os, "geteuid") and os.geteuid() == 0
    if apt and is_root:
        say("installing Chromium from Debian's packages for the browser tests")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run([apt, "update", "-qq"], check=True, env=env)
        subprocess.run([apt, "install", "-y", "-qq", "--no-install-recommends", "chromium", "fonts-dejavu-core"],
                       check=True, env=env)
    else:
        say(f"Chromium is not at {CHROMIUM}: the browser tests will be skipped. "
            "Install it (Debian/Ubuntu: sudo apt-get install chromium) or set ALLIANCE_CHROMIUM to a Chromium binary.")


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"lab", "test"}:
        print(USAGE, file=sys.stderr)
        return 2
    command, rest = argv[0], argv[1:]
    try:
        if command == "lab":
            python = ensure_environment(set())
            return subprocess.call([str(python), "-m", "alliance.cli", "lab", *rest], cwd=ROOT)
        python = ensure_environment({"test"})
        ensure_chromium()
    except subprocess.CalledProcessError as exc:
        say(f"setting up failed ({' '.join(map(str, exc.cmd[:4]))} … exited {exc.returncode}). "
            "Check the network connection to the package index and run the command again.")
        return 1
    return subprocess.call([str(python), "-m", "pytest", *rest], cwd=ROOT)


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:
        sys.exit(130)
