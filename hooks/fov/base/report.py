"""The one channel for what the build and the commands tell their user.

In a build, findings go to a logger (MkDocs' own, so `mkdocs build --strict`
fails); from a command (python hooks/fov <command>), findings and refusals go to
standard error, and the command's output alone to standard output. Either way,
on GitHub Actions each is also printed as a workflow annotation on the pull request.

static-i18n builds each language in turn in one process, and an English page
can be built again as another language's fallback: the same finding would be
reported once per build. One `seen` set, shared by every validating hook and
emptied when a new top-level build starts, reports each finding once.
"""

from __future__ import annotations

import logging
import os
import sys

from fov.base.findings import Finding, github_annotation

_seen: set[Finding] = set()


def start_build(top_level: bool) -> None:
    """Call from on_pre_build: a top-level build forgets what was reported before."""
    if top_level:
        _seen.clear()


def note(log, text: str) -> None:
    """A note about the build itself, with no file to fix (a preview's one line on
    what it leaves out): shown on the console, never failing the build."""
    log.info(text)


def report(log, finding: Finding, *, environ=os.environ, stream=None) -> bool:
    """Log the finding once per top-level build; True when it was new."""
    if finding in _seen:
        return False
    _seen.add(finding)
    if finding.severity == "warning":  # to do, not wrong: the strict build goes on
        log.info(finding.message)
    else:
        log.warning(finding.message)
    if environ.get("GITHUB_ACTIONS") == "true":
        print(github_annotation(finding), file=stream or sys.stdout, flush=True)
    return True


def report_all(log, findings) -> None:
    """Each finding of `findings` (a list, or a generator of checks run as it is read), in order."""
    for finding in findings:
        report(log, finding)


def filter_messages(logger_name: str, new: logging.Filter) -> None:
    """Put `new` on MkDocs' logger `logger_name` (one that names no line: the filter turns its
    messages into findings), in place of a filter of the same class a hook loaded before
    (MkDocs loads a hook file again for each build: tests, serve)."""
    logger = logging.getLogger(logger_name)
    for old in [f for f in logger.filters if type(f).__name__ == type(new).__name__]:
        logger.removeFilter(old)
    logger.addFilter(new)


# --- Commands -----------------------------------------------------------------------------


def tell(finding: Finding, *, environ=os.environ, stream=None) -> None:
    """A command's finding: `path:line: what. Fix: ...` on standard error and, on
    GitHub Actions, the annotation on the pull request's diff."""
    print(finding.message, file=stream or sys.stderr, flush=True)
    if environ.get("GITHUB_ACTIONS") == "true":
        print(github_annotation(finding), file=sys.stdout, flush=True)


def refuse(message: str, *, environ=os.environ, stream=None) -> None:
    """Why a command did not do what it was asked (one sentence with its fix, naming the
    file when there is one) on standard error and, on GitHub Actions, as an error."""
    print(message, file=stream or sys.stderr, flush=True)
    if environ.get("GITHUB_ACTIONS") == "true":
        print(f"::error::{_escape(message)}", file=sys.stdout, flush=True)


def remark(message: str, *, stream=None) -> None:
    """A command's remark about its own run, not its output (what it is doing, how many
    suggestions it printed): on standard error, so that its output can be piped."""
    print(message, file=stream or sys.stderr, flush=True)


def _escape(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
