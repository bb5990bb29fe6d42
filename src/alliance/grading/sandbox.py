"""The kernel a submission runs in: `python -m alliance.grading.sandbox -f CONNECTION_FILE`.

Before handing over to ipykernel it
- imports the heavy libraries the exercises use (so the limits below do not count them);
- caps the memory learner code can add (RLIMIT_AS), the size of any file it writes
  (RLIMIT_FSIZE) and core dumps;
- installs an audit hook (PEP 578) that refuses writes, deletions and renames outside
  the submission's working folder, starting programs, loading native code and signalling
  other processes. A refused action raises PermissionError naming the grader, so the
  learner's cell fails with a clear reason and the rest of the notebook goes on.

This guards against accidents and casual tampering; it is not a security boundary
against hostile code (use containers for that, as with nbgrader).
"""

from __future__ import annotations

import os
import sys

WORKDIR_ENV = "ALLIANCE_SANDBOX_DIR"
MEMORY_ENV = "ALLIANCE_SANDBOX_MEMORY"
FILE_SIZE_LIMIT = 50 * 1024 * 1024
MARK = "blocked by alliance grade"

_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_TRUNC
_PATH_EVENTS = {  # event -> indexes of path arguments that must stay inside the folder
    "os.remove": (0,), "os.rmdir": (0,), "os.mkdir": (0,), "os.rename": (0, 1), "os.replace": (0, 1),
    "os.symlink": (1,), "os.link": (1,), "os.truncate": (0,), "os.chmod": (0,), "os.chown": (0,),
    "os.utime": (0,), "shutil.rmtree": (0,), "shutil.move": (0, 1), "shutil.copyfile": (1,),
    "shutil.copytree": (1,), "os.chdir": (),
}
_BLOCKED_EVENTS = {"subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork",
                   "os.forkpty", "pty.spawn", "ctypes.dlopen", "ctypes.dlsym", "ctypes.call_function",
                   "os.startfile", "webbrowser.open"}


def _inside(path, roots: tuple[str, ...]) -> bool:
    if isinstance(path, int):
        return True  # an already-open descriptor
    try:
        real = os.path.realpath(os.fsdecode(path))
    except (TypeError, ValueError):
        return False
    return any(real == root or real.startswith(root + os.sep) for root in roots)


def make_hook(workdir: str):
    roots = (os.path.realpath(workdir), os.path.realpath(os.devnull))
    me = os.getpid()

    def hook(event: str, args: tuple) -> None:
        if event == "open":
            path, mode, flags = args
            writing = (mode is not None and any(c in str(mode) for c in "wax+")) or bool((flags or 0) & _WRITE_FLAGS)
            if writing and not _inside(path, roots):
                raise PermissionError(f"{MARK}: writing outside the submission folder ({path!r})")
        elif event in _PATH_EVENTS:
            for i in _PATH_EVENTS[event]:
                if i < len(args) and args[i] is not None and not _inside(args[i], roots):
                    raise PermissionError(f"{MARK}: {event} outside the submission folder ({args[i]!r})")
        elif event in _BLOCKED_EVENTS:
            raise PermissionError(f"{MARK}: {event} is not allowed while grading")
        elif event in ("os.kill", "os.killpg", "signal.pthread_kill"):
            if args and args[0] not in (me, 0):
                raise PermissionError(f"{MARK}: signalling other processes is not allowed while grading")
        elif event == "sys.addaudithook":
            raise PermissionError(f"{MARK}: adding audit hooks is not allowed while grading")

    return hook


def _limit_resources(extra_memory: int) -> None:
    try:
        import resource
        import signal
    except ImportError:  # Windows: no rlimits; the time limits still apply
        return
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # an oversized write fails instead of killing the kernel
    resource.setrlimit(resource.RLIMIT_FSIZE, (FILE_SIZE_LIMIT, FILE_SIZE_LIMIT))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if extra_memory > 0:
        try:
            with open("/proc/self/statm") as statm:  # pages of virtual memory in use now (Linux)
                in_use = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        except OSError:  # macOS has no /proc and does not enforce RLIMIT_AS: no memory cap there
            return
        cap = in_use + extra_memory
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def main() -> None:
    workdir = os.environ.get(WORKDIR_ENV) or os.getcwd()
    # jsonschema (under Altair) imports rfc3987_syntax when installed, only to check IRI-formatted
    # strings, and building its grammar costs ~0.8 s of CPU: 40% of a kernel's start. No exercise
    # checks IRIs, so grading kernels go without it (benchmarks/PROFILING.md).
    sys.modules.setdefault("rfc3987_syntax", None)
    # What exercises use, loaded before the limits so that they do not count against them.
    import altair  # noqa: F401
    import ipykernel.kernelapp
    import numpy  # noqa: F401
    import pandas  # noqa: F401

    import alliance
    import alliance.answers  # noqa: F401
    import alliance.assignment  # noqa: F401
    import alliance.charts  # noqa: F401
    import alliance.data  # noqa: F401

    alliance.load("events")  # warms the data cache and frictionless' imports
    _limit_resources(int(os.environ.get(MEMORY_ENV, "0") or 0))
    sys.addaudithook(make_hook(workdir))
    sys.argv[1:1] = ["--HistoryManager.enabled=False"]
    ipykernel.kernelapp.launch_new_instance()


if __name__ == "__main__":
    main()
