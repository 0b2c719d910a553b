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
import subprocess
from datetime import datetime, timezone
from pathlib import Path


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
