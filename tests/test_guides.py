"""Every shell command in README.md and docs/*.md works as the guides say.

The shell code blocks (```bash, ```sh, ```console, ```powershell, ```bat) of the guides are split
into commands, and each command is checked according to what it runs:

- `alliance ...` (also `.venv/bin/alliance`, `.venv\\Scripts\\alliance`) is parsed with the real
  parser, `alliance.cli.build_parser()`; the arguments `alliance lab` forwards to JupyterLab are
  checked against JupyterLab's own options. The safe ones in SAFE_ALLIANCE are also run.
- `python3 course.py X` / `py course.py X`: X must be a command course.py accepts (read from
  course.py itself); what follows `lab` is checked like `alliance lab`'s arguments, and test paths
  after `test` must exist.
- `python3 --version` and `git --version` are run.
- Commands that need a server, a cluster, Docker or the network are checked statically only; the
  table STATIC_ONLY says which and why. nbgitpuller and Binder links anywhere in the guides are
  checked for their form and their parameters.

Anything else, a misspelt subcommand or an option a parser rejects fails the test. The only skip:
a line using `alliance release` or `alliance grade` while alliance.cli does not have that
subcommand yet.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import functools
import io
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[1]
GUIDES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
SHELL_LANGUAGES = {"bash", "sh", "console", "powershell", "bat"}
WINDOWS_LANGUAGES = {"powershell", "bat"}

# Subcommands the lead adds to alliance.cli; a guide may describe them before they exist.
PENDING_SUBCOMMANDS = {"release", "grade"}
# alliance commands that are quick, write nothing and need no network: these are run too.
SAFE_ALLIANCE = {("--help",), ("-h",), ("doctor",), ("release", "--check"), ("lab", "--help")}

# Command kinds checked statically only, and why they are not run here.
STATIC_ONLY = {
    "curl": "downloads from the internet; the URL must be a well-formed https URL",
    "tljh-installer": "`curl … bootstrap.py | sudo python3 -` installs TLJH on a server (root, systemd); "
                      "its options must be those TLJH's 'Customizing the Installer' documents",
    "tljh-config": "exists only on a TLJH server; the subcommand must be one of TLJH's documented ones",
    "helm": "needs a Kubernetes cluster; the subcommand must be a known Helm command",
    "kubectl": "needs a Kubernetes cluster; the subcommand must be a known kubectl command",
    "repo2docker": "needs Docker and the network; every option must be in repo2docker 2026.4.0's --help",
    "pip": "changes an environment or downloads; the subcommand must be a pip command, and local "
           "requirement or constraint files it names must exist in the repository",
    "git": "clones or changes a checkout; only `git --version` is run",
    "apt": "installs system packages as root",
    "npm": "downloads from the npm registry",
    "node": "runs a scratch script from docs/jupyterlite.md that is not part of the repository",
    "cd": "changes the shell's folder; nothing to check",
    "python-version": "`py` is the Windows launcher, absent here (`python3 --version` is run)",
    "pytest-options": "options after `course.py test` go to pytest; paths among them must exist",
    "script": "`python3 scripts/….py` runs a repository chore (it may rebuild files); the script must exist",
    "nbgrader": "runs or changes assignments; the subcommand must be one nbgrader's app lists",
}

# nbgitpuller's documented URL parameters ("Options in an nbgitpuller URL"), and what repo2docker
# documents for Binder links ("Configure the user interface").
NBGITPULLER_PARAMETERS = {"repo", "branch", "urlpath", "depth", "targetPath", "backup"}
BINDER_PARAMETERS = {"urlpath"}
HELM_COMMANDS = {"repo", "upgrade", "install", "uninstall", "delete", "list", "status", "history", "rollback"}
KUBECTL_COMMANDS = {"get", "describe", "logs", "config", "delete", "apply", "exec", "top", "rollout"}
TLJH_CONFIG_COMMANDS = {"show": 0, "unset": 1, "set": 2, "add-item": 2, "remove-item": 2, "reload": None}
TLJH_INSTALLER_OPTIONS = {"--admin", "--user-requirements-txt-url", "--plugin", "--show-progress-page"}
REPO2DOCKER_OPTIONS = {
    "--appendix", "--build", "--build-arg", "--cache-from", "--clean", "--config", "--debug", "--editable",
    "--engine", "--env", "--help", "--help-all", "--image-name", "--json-logs", "--label", "--no-build",
    "--no-clean", "--no-push", "--no-run", "--publish", "--publish-all", "--push", "--ref", "--run",
    "--subdir", "--target-repo-dir", "--user-id", "--user-name", "--version", "--volume", "-e", "-p", "-v",
}
PIP_COMMANDS = {"install", "download", "wheel", "check", "list", "show", "freeze", "uninstall", "index"}
GIT_COMMANDS = {"clone", "pull", "checkout", "status", "log", "fetch", "diff", "--version"}
APT_COMMANDS = {"install", "update"}
NPM_COMMANDS = {"install", "view", "init"}
PYTHONS = {"python", "python3", "py"} | {f"python3.{minor}" for minor in range(8, 20)}
VENV_ALLIANCE = {".venv/bin/alliance", ".venv\\scripts\\alliance", ".venv/scripts/alliance"}
PLACEHOLDER = re.compile(r"<[A-Za-z][A-Za-z0-9_.:/-]*>")


class CommandError(AssertionError):
    """A documented command that would not work."""


class Skipped(Exception):
    """A documented command that cannot be checked yet, with the reason."""


@dataclass(frozen=True)
class Command:
    where: str             # "docs/hosting.md:123"
    language: str
    argv: tuple[str, ...]
    piped_from: tuple[str, ...] = ()

    def __str__(self) -> str:
        return " ".join(self.argv)


# --------------------------------------------------------------------------- extraction


def code_blocks(text: str) -> list[tuple[int, str, list[str]]]:
    """(line number of the first content line, language, lines) of every fenced block."""
    blocks, lines, i = [], text.splitlines(), 0
    opening = re.compile(r"^(\s*)(`{3,}|~{3,})\s*([\w+-]*)")
    while i < len(lines):
        match = opening.match(lines[i])
        if not match:
            i += 1
            continue
        indent, fence, language = len(match.group(1)), match.group(2), match.group(3).lower()
        body, i = [], i + 1
        start = i + 1
        while i < len(lines) and not re.match(rf"^\s*{re.escape(fence[0])}{{{len(fence)},}}\s*$", lines[i]):
            line = lines[i]
            body.append(line[indent:] if line[:indent].strip() == "" else line.lstrip())
            i += 1
        blocks.append((start, language, body))
        i += 1
    return blocks


def logical_lines(language: str, body: list[str], first: int) -> list[tuple[int, str]]:
    """Join continuation lines, drop prompts, comments and (in console blocks) output."""
    continuation = {"powershell": "`", "bat": "^"}.get(language, "\\")
    result, pending, pending_start = [], "", first
    for offset, raw in enumerate(body):
        line = raw.rstrip()
        if not pending:
            pending_start = first + offset
            stripped = line.strip()
            if language == "console":
                match = re.match(r"^(?:\([\w.-]+\)\s*)?[$>]\s+(.*)$", stripped)
                if not match:
                    continue  # output, not a command
                line = match.group(1)
            elif language == "powershell":
                line = re.sub(r"^PS(?: [^>]*)?>\s*", "", stripped)
            elif language == "bat":
                line = re.sub(r"^[A-Za-z]:\\[^>]*>\s*", "", stripped)
            if not line.strip() or line.strip().startswith("#") or re.match(r"^(rem\b|::)", line.strip(), re.I):
                continue
        if line.endswith(continuation):
            pending += line[:-1] + " "
            continue
        result.append((pending_start, pending + line))
        pending = ""
    if pending:
        result.append((pending_start, pending))
    return result


def split_commands(line: str, language: str, where: str) -> list[Command]:
    """A shell line as its commands (split at &&, ||, ;, |), with sudo and VAR=value removed."""
    placeholders: dict[str, str] = {}

    def protect(match: re.Match) -> str:
        key = f"PLACEHOLDER{len(placeholders)}X"
        placeholders[key] = match.group(0)
        return key

    protected = PLACEHOLDER.sub(protect, line)
    protected = re.sub(r"(^|\s)#.*$", "", protected)  # a comment
    windows = language in WINDOWS_LANGUAGES
    lexer = shlex.shlex(protected, posix=not windows, punctuation_chars="|&;")
    lexer.whitespace_split = True
    lexer.commenters = ""
    try:
        tokens = list(lexer)
    except ValueError as exc:
        raise CommandError(f"{where}: cannot split {line!r}: {exc}") from None
    if windows:
        tokens = [t[1:-1] if len(t) > 1 and t[0] == t[-1] and t[0] in "'\"" else t for t in tokens]

    def restore(token: str) -> str:
        for key, value in placeholders.items():
            token = token.replace(key, value)
        return token

    commands, current, piped_from, after_pipe = [], [], (), False
    for token in [*map(restore, tokens), ";"]:
        if token in {"&&", "||", ";", "|", "&"}:
            if current:
                argv = strip_prefixes(current)
                commands.append(Command(where, language, tuple(argv), piped_from if after_pipe else ()))
                piped_from = tuple(argv)
            elif token != ";":
                raise CommandError(f"{where}: `{token}` without a command before it in {line!r}")
            after_pipe, current = token == "|", []
        else:
            current.append(token)
    return commands


def strip_prefixes(argv: list[str]) -> list[str]:
    """Drop `sudo [-E|-H|-u USER]` and leading VAR=value assignments."""
    argv = list(argv)
    while argv:
        if re.match(r"^[A-Za-z_][A-Za-z0-9_]*=", argv[0]):
            argv.pop(0)
        elif argv[0] == "sudo":
            argv.pop(0)
            while argv and argv[0].startswith("-"):
                option = argv.pop(0)
                if option in {"-u", "-g"} and argv:
                    argv.pop(0)
        else:
            break
    return argv


def commands_in(text: str, name: str) -> list[Command]:
    found = []
    for first, language, body in code_blocks(text):
        if language not in SHELL_LANGUAGES:
            continue
        for number, line in logical_lines(language, body, first):
            found.extend(split_commands(line, language, f"{name}:{number}"))
    return found


def documented_commands() -> list[Command]:
    commands = []
    for path in GUIDES:
        commands.extend(commands_in(path.read_text(encoding="utf-8"), path.relative_to(ROOT).as_posix()))
    return commands


# --------------------------------------------------------------------------- checks


def program_of(argv0: str) -> str:
    """`alliance`, `.venv/bin/alliance`, `C:\\…\\py.exe` → a normalised program name."""
    name = argv0.replace("\\", "/")
    if name.lower().endswith(".exe"):
        name = name[:-4]
    if "/" in name:
        if name.lower() in {p.replace("\\", "/") for p in VENV_ALLIANCE}:
            return "alliance"
        if name == "/opt/tljh/hub/bin/tljh-config":
            return "tljh-config"
        raise CommandError(f"`{argv0}`: unknown program path (known: {', '.join(sorted(VENV_ALLIANCE))})")
    return name


def check_command(command: Command, parser: argparse.ArgumentParser | None = None) -> str:
    """Check one command; return what was done. Raises CommandError, or Skipped."""
    if not command.argv:
        raise CommandError(f"{command.where}: empty command")
    program, args = program_of(command.argv[0]), list(command.argv[1:])
    if program == "alliance":
        return check_alliance(args, parser or _parser(), command)
    if program in PYTHONS:
        return check_python(program, args, command, parser)
    checker = STATIC_CHECKS.get(program)
    if checker is None:
        raise CommandError(f"{command.where}: unknown command `{command}`. If it is right, add `{program}` "
                           "to tests/test_guides.py (a check, or STATIC_ONLY with the reason)")
    return checker(args, command)


def _parser() -> argparse.ArgumentParser:
    from alliance import cli

    return cli.build_parser()


def subcommands(parser: argparse.ArgumentParser) -> set[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def parse_quietly(parser: argparse.ArgumentParser, args: list[str]) -> tuple[int, str]:
    """Parse like argparse would; (exit status or 0, what it printed)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        try:
            parser.parse_args(args)
        except SystemExit as exc:
            return (exc.code if isinstance(exc.code, int) else 1), out.getvalue()
    return 0, out.getvalue()


def check_alliance(args: list[str], parser: argparse.ArgumentParser, command: Command) -> str:
    known = subcommands(parser)
    if not args:
        raise CommandError(f"{command.where}: `alliance` alone only prints its usage; name a command")
    if args and args[0] in PENDING_SUBCOMMANDS and args[0] not in known:
        raise Skipped(f"`alliance {args[0]}` is not in alliance.cli yet (the lead is adding it); "
                      f"{command.where} is checked once it exists")
    if args and args[0] == "lab" and args[1:2] not in (["-h"], ["--help"]):
        check_jupyterlab_args(args[1:], command)  # alliance.cli forwards these to JupyterLab
        done = "parsed (JupyterLab arguments checked)"
    else:
        status, printed = parse_quietly(parser, args)
        if status != 0:
            raise CommandError(f"{command.where}: `{command}` is rejected by alliance.cli's parser:\n{printed}")
        if args and not args[0].startswith("-") and args[0] not in known:
            raise CommandError(f"{command.where}: `alliance {args[0]}` is not a command")
        done = "parsed"
    if tuple(args) in SAFE_ALLIANCE:
        result = run_alliance(tuple(args))
        if result.returncode != 0:
            raise CommandError(f"{command.where}: `{command}` exited {result.returncode}:\n"
                               f"{result.stdout[-3000:]}{result.stderr[-3000:]}")
        done += " and ran"
    return done


@functools.lru_cache(maxsize=None)
def run_alliance(args: tuple[str, ...]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "alliance.cli", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, stdin=subprocess.DEVNULL)


def check_jupyterlab_args(args: list[str], command: Command) -> None:
    """Options forwarded to JupyterLab must be ones JupyterLab knows (a misspelt one is an error)."""
    from jupyterlab.labapp import LabApp

    names = set(LabApp.flags) | set(LabApp.aliases)
    for arg in args:
        if not arg.startswith("--"):
            continue
        name = arg[2:].split("=", 1)[0]
        if name not in names and not re.match(r"^[A-Z]\w*\.\w+$", name):
            raise CommandError(f"{command.where}: JupyterLab has no option --{name} (in `{command}`)")
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        try:
            LabApp().parse_command_line(list(args))
        except SystemExit as exc:
            if exc.code:
                raise CommandError(f"{command.where}: JupyterLab rejects `{' '.join(args)}`:\n"
                                   f"{out.getvalue()[-2000:]}") from None


@functools.lru_cache(maxsize=1)
def course_commands() -> frozenset[str]:
    """The commands course.py's main() accepts: the set in `argv[0] not in {...}`."""
    tree = ast.parse((ROOT / "course.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare) and any(isinstance(op, ast.NotIn) for op in node.ops):
            for comparator in node.comparators:
                if isinstance(comparator, ast.Set) and all(isinstance(e, ast.Constant) for e in comparator.elts):
                    return frozenset(e.value for e in comparator.elts)
    raise AssertionError("could not find course.py's accepted commands (`argv[0] not in {...}`)")


def check_pytest_args(args: list[str], command: Command) -> str:
    for arg in args:
        if not arg.startswith("-") and ("/" in arg or arg.endswith(".py")):
            path = arg.split("::", 1)[0]
            if not (ROOT / path).exists():
                raise CommandError(f"{command.where}: {path} does not exist (in `{command}`)")
    return "static: " + STATIC_ONLY["pytest-options"]


def check_nbgrader(args: list[str], command: Command) -> str:
    try:
        from nbgrader.apps.nbgraderapp import NbGraderApp
    except ImportError:  # the `test` extra is not installed
        known = None
    else:
        known = set(NbGraderApp.subcommands)
    words = [a for a in args if not a.startswith("-")]
    if not words:
        raise CommandError(f"{command.where}: nbgrader without a subcommand: `{command}`")
    if known is not None and words[0] not in known:
        raise CommandError(f"{command.where}: nbgrader has no subcommand {words[0]!r}")
    return "static: " + STATIC_ONLY["nbgrader"]


def check_python(program: str, args: list[str], command: Command, parser) -> str:
    if args[:1] == ["course.py"]:
        rest = args[1:]
        if not rest or rest[0] not in course_commands():
            raise CommandError(f"{command.where}: course.py has no command {rest[:1] or '(none)'}; "
                               f"it accepts {', '.join(sorted(course_commands()))}")
        if rest[0] == "lab":
            check_jupyterlab_args(rest[1:], command)
        elif rest[0] == "test":
            check_pytest_args(rest[1:], command)
        return "course command checked"
    if args[:2] == ["-m", "pip"]:
        return check_pip(args[2:], command)
    if args[:2] == ["-m", "alliance.cli"]:
        return check_alliance(args[2:], parser or _parser(), command)
    if args[:2] == ["-m", "pytest"]:
        return check_pytest_args(args[2:], command)
    if args[:1] and args[0].endswith(".py") and not args[0].startswith("-"):
        if not (ROOT / args[0]).is_file():
            raise CommandError(f"{command.where}: {args[0]} is not a file in the repository (in `{command}`)")
        return "static: " + STATIC_ONLY["script"]
    if args in (["--version"], ["-V"]):
        if program == "py":
            return "static: " + STATIC_ONLY["python-version"]
        result = subprocess.run([sys.executable, "--version"], capture_output=True, text=True, timeout=30)
        if result.returncode != 0:
            raise CommandError(f"{command.where}: `{command}` failed")
        return "ran"
    if args[:1] == ["-"]:
        return check_tljh_installer(args[1:], command)
    raise CommandError(f"{command.where}: unknown use of {program}: `{command}`")


# --------------------------------------------------------------------------- static checks


def check_url(url: str, command: Command) -> None:
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.netloc or " " in url:
        raise CommandError(f"{command.where}: `{url}` is not a well-formed https URL")


def check_curl(args: list[str], command: Command) -> str:
    urls = [a for a in args if "://" in a]
    if not urls:
        raise CommandError(f"{command.where}: curl without a URL: `{command}`")
    for url in urls:
        check_url(url, command)
    return "static: " + STATIC_ONLY["curl"]


def check_tljh_installer(args: list[str], command: Command) -> str:
    source = command.piped_from
    if not (source and program_of(source[0]) == "curl" and any(a.endswith("/bootstrap.py") for a in source)):
        raise CommandError(f"{command.where}: `python3 -` should read TLJH's bootstrap.py from curl")
    for arg in args:
        if arg.startswith("-") and arg.split("=", 1)[0] not in TLJH_INSTALLER_OPTIONS:
            raise CommandError(f"{command.where}: the TLJH installer has no option {arg}")
    return "static: " + STATIC_ONLY["tljh-installer"]


def check_tljh_config(args: list[str], command: Command) -> str:
    if not args or args[0] not in TLJH_CONFIG_COMMANDS:
        raise CommandError(f"{command.where}: tljh-config has no command {args[:1]}; "
                           f"it has {', '.join(TLJH_CONFIG_COMMANDS)}")
    wanted = TLJH_CONFIG_COMMANDS[args[0]]
    if wanted is not None and len(args) - 1 != wanted:
        raise CommandError(f"{command.where}: `tljh-config {args[0]}` takes {wanted} arguments: `{command}`")
    return "static: " + STATIC_ONLY["tljh-config"]


def check_subcommand(kind: str, allowed: set[str]):
    def check(args: list[str], command: Command) -> str:
        words = [a for a in args if not a.startswith("-")] if kind != "git" else args
        if kind == "git" and args[:1] == ["-C"]:
            words = args[2:]
        if not words or words[0] not in allowed:
            raise CommandError(f"{command.where}: `{command}`: {words[:1] or 'no subcommand'} is not a "
                               f"{kind} command this test knows ({', '.join(sorted(allowed))})")
        for arg in args:
            if "://" in arg:
                check_url(arg, command)
        return "static: " + STATIC_ONLY[kind]
    return check


def check_git(args: list[str], command: Command) -> str:
    if args == ["--version"]:
        result = subprocess.run(["git", "--version"], capture_output=True, text=True, timeout=30)
        if result.returncode != 0:
            raise CommandError(f"{command.where}: `git --version` failed")
        return "ran"
    return check_subcommand("git", GIT_COMMANDS)(args, command)


def check_pip(args: list[str], command: Command) -> str:
    if not args or args[0] not in PIP_COMMANDS:
        raise CommandError(f"{command.where}: pip has no command {args[:1]} (in `{command}`)")
    for flag, value in zip(args, args[1:]):
        if flag in {"-r", "-c", "--requirement", "--constraint"} and not PLACEHOLDER.search(value):
            if not (ROOT / value).exists():
                raise CommandError(f"{command.where}: {value} does not exist in the repository (in `{command}`)")
    return "static: " + STATIC_ONLY["pip"]


def check_repo2docker(args: list[str], command: Command) -> str:
    for arg in args:
        if arg.startswith("-") and arg.split("=", 1)[0] not in REPO2DOCKER_OPTIONS:
            raise CommandError(f"{command.where}: repo2docker has no option {arg}")
    if not args or args[-1].startswith("-"):
        raise CommandError(f"{command.where}: repo2docker needs a repository as its last argument")
    return "static: " + STATIC_ONLY["repo2docker"]


def check_node(args: list[str], command: Command) -> str:
    if not args or not re.search(r"\.(m?js|cjs)$", args[0]):
        raise CommandError(f"{command.where}: node should run a script file: `{command}`")
    return "static: " + STATIC_ONLY["node"]


def check_cd(args: list[str], command: Command) -> str:
    if len(args) != 1:
        raise CommandError(f"{command.where}: cd takes one folder: `{command}`")
    return "static: " + STATIC_ONLY["cd"]


STATIC_CHECKS = {
    "curl": check_curl,
    "tljh-config": check_tljh_config,
    "helm": check_subcommand("helm", HELM_COMMANDS),
    "kubectl": check_subcommand("kubectl", KUBECTL_COMMANDS),
    "jupyter-repo2docker": check_repo2docker,
    "repo2docker": check_repo2docker,
    "pip": check_pip,
    "pip3": check_pip,
    "git": check_git,
    "apt": check_subcommand("apt", APT_COMMANDS),
    "apt-get": check_subcommand("apt", APT_COMMANDS),
    "npm": check_subcommand("npm", NPM_COMMANDS),
    "node": check_node,
    "cd": check_cd,
    "nbgrader": check_nbgrader,
}


# --------------------------------------------------------------------------- links


LINK = re.compile(r"https://[^\s`<>()\"']*(?:<[A-Za-z][\w.:/-]*>[^\s`<>()\"']*)*")


def links_in(text: str, name: str) -> list[tuple[str, str]]:
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        for match in LINK.finditer(line):
            url = match.group(0).rstrip(".,;:")
            if "/git-pull?" in url or "mybinder.org/v2/" in url:
                found.append((f"{name}:{number}", url))
    return found


def documented_links() -> list[tuple[str, str]]:
    links = []
    for path in GUIDES:
        links.extend(links_in(path.read_text(encoding="utf-8"), path.relative_to(ROOT).as_posix()))
    return links


def check_link(where: str, url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.netloc:
        raise CommandError(f"{where}: {url} is not an https URL")
    try:
        query = parse_qs(parts.query, keep_blank_values=True, strict_parsing=True)
    except ValueError as exc:
        raise CommandError(f"{where}: bad query in {url}: {exc}") from None
    repeated = [k for k, v in query.items() if len(v) > 1]
    if repeated:
        raise CommandError(f"{where}: parameters given twice in {url}: {repeated}")
    params = {k: v[0] for k, v in query.items()}
    if parts.path.endswith("/git-pull"):
        return check_nbgitpuller(where, url, parts.path, params)
    if parts.netloc == "mybinder.org" and parts.path.startswith("/v2/"):
        return check_binder(where, url, parts.path, params)
    raise CommandError(f"{where}: {url} is neither an nbgitpuller nor a Binder link")


def check_nbgitpuller(where: str, url: str, path: str, params: dict[str, str]) -> str:
    if not path.endswith("/hub/user-redirect/git-pull"):
        raise CommandError(f"{where}: an nbgitpuller link's path ends in /hub/user-redirect/git-pull: {url}")
    unknown = set(params) - NBGITPULLER_PARAMETERS
    if unknown:
        raise CommandError(f"{where}: nbgitpuller documents no parameter {sorted(unknown)} "
                           f"(it has {', '.join(sorted(NBGITPULLER_PARAMETERS))}): {url}")
    if "repo" not in params:
        raise CommandError(f"{where}: an nbgitpuller link needs repo=: {url}")
    repo = params["repo"]
    if not re.match(r"^(https://|git@)", repo):
        raise CommandError(f"{where}: repo={repo!r} is not a repository address")
    target = params.get("targetPath") or repo.rstrip("/").split("/")[-1].removesuffix(".git")
    if "urlpath" in params:
        urlpath = unquote(params["urlpath"]).split("?", 1)[0]
        match = re.match(r"^/?(?:lab/tree|tree)/(.+)$", urlpath)
        if not match:
            raise CommandError(f"{where}: urlpath should open a file with lab/tree/<path>: {urlpath}")
        inside = match.group(1)
        if not inside.startswith(target + "/"):
            raise CommandError(f"{where}: urlpath must start with the clone's folder {target}/ "
                               f"(nbgitpuller's options page), got {inside}")
        relative = inside[len(target) + 1:]
        if not (ROOT / relative).exists():
            raise CommandError(f"{where}: urlpath opens {relative}, which is not in the repository")
    return "nbgitpuller link checked"


def check_binder(where: str, url: str, path: str, params: dict[str, str]) -> str:
    parts = path.split("/")  # '', 'v2', 'gh', org, repo, ref
    if len(parts) != 6 or parts[2] != "gh" or not all(parts[3:]):
        raise CommandError(f"{where}: a Binder link is https://mybinder.org/v2/gh/<org>/<repo>/<ref>: {url}")
    unknown = set(params) - BINDER_PARAMETERS
    if unknown:
        raise CommandError(f"{where}: unexpected Binder parameters {sorted(unknown)}: {url}")
    if "urlpath" in params:
        match = re.match(r"^/?lab/tree/(.+)$", params["urlpath"])
        if not match or not (ROOT / match.group(1)).exists():
            raise CommandError(f"{where}: urlpath should be lab/tree/<a path in the repository>: {url}")
    return "Binder link checked"


# --------------------------------------------------------------------------- the tests

COMMANDS = documented_commands()
LINKS = documented_links()


def test_the_guides_have_shell_commands():
    assert len(COMMANDS) >= 20, [str(c) for c in COMMANDS]
    assert course_commands() >= {"lab", "test"}


@pytest.mark.parametrize("command", COMMANDS, ids=[f"{c.where} {c}"[:120] for c in COMMANDS])
def test_documented_command(command):
    try:
        check_command(command)
    except Skipped as reason:
        pytest.skip(str(reason))


@pytest.mark.parametrize("where,url", LINKS, ids=[w for w, _ in LINKS])
def test_documented_link(where, url):
    check_link(where, url)


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"[`*_]", "", heading.strip().lower())
    return re.sub(r"\s", "-", re.sub(r"[^\w\s-]", "", text))


@pytest.mark.parametrize("guide", GUIDES, ids=[g.name for g in GUIDES])
def test_links_between_guides_resolve(guide):
    """Every `](#anchor)` names a heading of the guide; every relative `](path)` exists."""
    text = guide.read_text(encoding="utf-8")
    outside_code = re.sub(r"```.*?```", "", text, flags=re.S)
    anchors = {slug(m.group(1)) for m in re.finditer(r"^#{1,6}\s+(.+)$", outside_code, re.M)}
    for target in re.findall(r"\]\(([^)\s]+)\)", outside_code):
        if re.match(r"^[a-z]+:", target):
            continue  # a web address
        path, _, anchor = target.partition("#")
        if path:
            assert (guide.parent / path).exists(), f"{guide.name}: link to missing {path}"
        elif anchor:
            assert anchor in anchors, f"{guide.name}: no heading for #{anchor}"


def test_every_static_kind_says_why():
    assert all(reason.strip() for reason in STATIC_ONLY.values())


# Unit tests: the checker itself catches what it should.


def commands_of(markdown: str) -> list[Command]:
    return commands_in(markdown, "snippet.md")


def fence(language: str, body: str) -> str:
    return f"```{language}\n{body}\n```\n"


@pytest.mark.parametrize("snippet,message", [
    (fence("bash", "frobnicate --now"), "unknown command"),
    (fence("bash", "alliance doctr"), "rejected"),
    (fence("bash", "alliance doctor --fast"), "rejected"),
    (fence("bash", ".venv/bin/alliance lab --no-brwser"), "JupyterLab has no option"),
    (fence("bash", "alliance lab --prot 9999"), "JupyterLab has no option"),
    (fence("bash", "python3 course.py tset"), "course.py has no command"),
    (fence("powershell", "py course.py"), "course.py has no command"),
    (fence("bash", "python3 course.py lab --no-brwser"), "JupyterLab has no option"),
    (fence("bash", "python3 course.py test tests/test_no_such_file.py"), "does not exist"),
    (fence("bash", "sudo tljh-config sett limits.memory 1G"), "tljh-config has no command"),
    (fence("bash", "sudo tljh-config set limits.memory"), "takes 2 arguments"),
    (fence("bash", "helm instal x jupyterhub/jupyterhub"), "not a helm command"),
    (fence("bash", "jupyter-repo2docker --no-bild ."), "repo2docker has no option"),
    (fence("bash", "curl -L https://tljh.jupyter.org/bootstrap.py | sudo -E python3 - --admins x"),
     "installer has no option"),
    (fence("bash", "pip install -r binder/no-such-file.txt"), "does not exist"),
    (fence("console", "$ alliance doctr\nalliance: error"), "rejected"),
    (fence("bat", "C:\\course> .venv\\Scripts\\alliance doctr"), "rejected"),
])
def test_bad_snippets_fail(snippet, message):
    commands = commands_of(snippet)
    assert commands, snippet
    with pytest.raises(CommandError, match=message):
        for command in commands:
            check_command(command)


def test_good_snippets_pass_without_running_anything():
    snippet = (fence("bash", "# a comment\nalliance grade submissions/ --out graded/ --workers 2 \\\n  --quiet")
               + fence("console", "$ python3 course.py lab --port 9999 --no-browser\n[course] output line")
               + fence("powershell", "PS C:\\course> py course.py test tests/test_cli.py")
               + fence("bash", "sudo -E pip install -r binder/requirements.txt && cd /opt/x"))
    commands = commands_of(snippet)
    assert [c.argv[:2] for c in commands] == [("alliance", "grade"), ("python3", "course.py"),
                                              ("py", "course.py"), ("pip", "install"), ("cd", "/opt/x")]
    parser = _parser()
    if "grade" not in subcommands(parser):
        pytest.skip("alliance.cli has no `grade` yet")
    for command in commands:
        check_command(command, parser)


def test_placeholders_and_pipes_survive_splitting():
    line = "curl -L https://tljh.jupyter.org/bootstrap.py | sudo -E python3 - --admin <admin-user-name>"
    first, second = split_commands(line, "bash", "x")
    assert first.argv == ("curl", "-L", "https://tljh.jupyter.org/bootstrap.py")
    assert second.argv == ("python3", "-", "--admin", "<admin-user-name>")
    assert second.piped_from == first.argv
    assert check_command(second).startswith("static")


def test_pending_subcommands_skip_only_when_missing():
    bare = argparse.ArgumentParser(prog="alliance")
    sub = bare.add_subparsers(dest="command")
    sub.add_parser("doctor")
    release = Command("x", "bash", ("alliance", "release", "--check"))
    with pytest.raises(Skipped, match="not in alliance.cli yet"):
        check_command(release, bare)
    with pytest.raises(CommandError):  # any other unknown subcommand still fails
        check_command(Command("x", "bash", ("alliance", "publish")), bare)
    full = argparse.ArgumentParser(prog="alliance")
    full.add_subparsers(dest="command").add_parser("release").add_argument("--check", action="store_true")
    with pytest.raises(CommandError, match="rejected"):  # once it exists, a bad option fails
        check_command(Command("x", "bash", ("alliance", "release", "--chek")), full)


@pytest.mark.parametrize("url,message", [
    ("https://hub.example.org/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2Fo%2Fbroken-alliance"
     "&folder=x", "documents no parameter"),
    ("https://hub.example.org/hub/user-redirect/git-pull?branch=main", "needs repo"),
    ("https://hub.example.org/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2Fo%2Fbroken-alliance"
     "&urlpath=lab%2Ftree%2Fnotebooks%2F00_start_here.ipynb", "must start with the clone's folder"),
    ("https://hub.example.org/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2Fo%2Fbroken-alliance"
     "&urlpath=lab%2Ftree%2Fbroken-alliance%2Fnotebooks%2Fmissing.ipynb", "not in the repository"),
    ("https://hub.example.org/git-pull?repo=https%3A%2F%2Fgithub.com%2Fo%2Fx", "user-redirect"),
    ("https://mybinder.org/v2/gh/o/broken-alliance/HEAD?urlpath=lab/tree/notebooks/nope.ipynb", "urlpath"),
    ("https://mybinder.org/v2/gh/o/broken-alliance?urlpath=lab/tree/notebooks/00_start_here.ipynb", "v2/gh"),
])
def test_bad_links_fail(url, message):
    with pytest.raises(CommandError, match=message):
        check_link("x", url)


def test_good_links_pass():
    check_link("x", "https://hub.example.org/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2F"
                    "%3Corg%3E%2Fbroken-alliance&branch=main&urlpath=lab%2Ftree%2Fbroken-alliance%2F"
                    "notebooks%2F00_start_here.ipynb&targetPath=broken-alliance")
    check_link("x", "https://mybinder.org/v2/gh/<org>/broken-alliance/HEAD"
                    "?urlpath=lab/tree/notebooks/00_start_here.ipynb")


def test_slug_matches_github_anchors():
    assert slug("2. The Littlest JupyterHub: up to about 100 learners") == \
        "2-the-littlest-jupyterhub-up-to-about-100-learners"
    assert slug("When something breaks") == "when-something-breaks"
