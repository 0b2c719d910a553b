"""When each source file last changed, from git: dates for a reproducible build.

MkDocs stamps every page with the day of the build (the sitemap's <lastmod>)
and derives the gzip header time of sitemap.xml.gz from those stamps, so two
builds of one commit differ from one day to the next. The date of the last
commit that touched a page's source file is the same on every build of that
commit, and is what <lastmod> means anyway.

SOURCE_DATE_EPOCH, when set, wins (https://reproducible-builds.org/specs/source-date-epoch/):
MkDocs honours it itself. Outside a git checkout (a tarball, no git) nothing
changes and MkDocs keeps its build date.
"""

from __future__ import annotations

import functools
import os
import subprocess
from datetime import datetime, timezone
from pathlib import Path

COMMIT = "\x01"  # starts each commit's line in the log read by `last_changed_under`


def utc_date(epoch_seconds: int) -> str:
    """The ISO date (YYYY-MM-DD, UTC) of a Unix time, as MkDocs writes <lastmod>."""
    return datetime.fromtimestamp(epoch_seconds, timezone.utc).strftime("%Y-%m-%d")


def _git_commit_time(directory: Path, *paths: str) -> int | None:
    """Commit time of the last commit touching `paths` (or HEAD without paths)."""
    command = ["git", "-C", str(directory), "log", "-1", "--format=%ct", "--", *paths]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return None  # no git on this machine
    value = done.stdout.strip()
    return int(value) if done.returncode == 0 and value.isdigit() else None


@functools.lru_cache(maxsize=None)
def head_date(directory: str) -> str | None:
    """Date of the checked-out commit, or None outside a git work tree."""
    epoch = _git_commit_time(Path(directory))
    return utc_date(epoch) if epoch is not None else None


@functools.lru_cache(maxsize=None)
def last_changed(source: str) -> str | None:
    """Date of the last commit that changed `source`; for a file not committed
    yet, the date of HEAD; None outside a git work tree."""
    path = Path(source)
    epoch = _git_commit_time(path.parent, path.name)
    if epoch is not None:
        return utc_date(epoch)
    return head_date(str(path.parent))


def last_changed_under(directory: str) -> dict[str, str]:
    """{absolute path: date of the last commit that changed it} for every file
    under `directory` that git knows: one `git log` for the whole folder,
    newest commit first, instead of one per file. A merge names the files it
    changed from all its parents (-c), as `git log -1 -- FILE` would show it.
    {} outside a git work tree."""
    command = ["git", "-C", directory, "log", f"--format={COMMIT}%ct", "-z", "-c", "--name-only",
               "--relative", "--", "."]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.SubprocessError):
        return {}
    if done.returncode != 0:
        return {}
    dates: dict[str, str] = {}
    date = None
    for field in done.stdout.split("\0"):
        if field.startswith(COMMIT):
            date = utc_date(int(field[len(COMMIT):]))
        elif field.strip("\n") and date is not None:
            path = os.path.normpath(os.path.join(directory, field.lstrip("\n")))
            dates.setdefault(path, date)
    return dates


class SourceDates:
    """The dates of one build's pages: the files under `directory` (the docs)
    from one `git log`, read when first asked; any other file on its own."""

    def __init__(self, directory: str):
        self.directory = os.path.abspath(directory)
        self._under: dict[str, str] | None = None

    def of(self, source: str | None) -> str | None:
        """The date of `source` (`last_changed`), or of HEAD for a page without a file."""
        if not source:
            return head_date(self.directory)
        path = os.path.normpath(os.path.abspath(source))
        if not path.startswith(self.directory + os.sep):
            return last_changed(path)
        if self._under is None:
            self._under = last_changed_under(self.directory)
        return self._under.get(path) or head_date(os.path.dirname(path))
