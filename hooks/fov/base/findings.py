"""What the validators report: a problem found by a rule, then placed at a file and line.

A rule works on text or HTML and knows *what* is wrong and *how to fix it*; it
rarely knows the source line. So it returns a `Problem`, with the words to
look for in the Markdown source (`needles`) and the ids of the headings above
it (`section`). `fov.base.source_map.SourceMap.locate` turns it into a `Finding`:
the same problem at `path:line`.
"""

from __future__ import annotations

import difflib
import posixpath
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    what: str  # what is wrong, one sentence
    fix: str  # what to do about it, one sentence
    needles: tuple[str, ...] = ()  # text that shows where it is in the source
    section: tuple[str, ...] = ()  # ids of the headings above it, outermost first
    line: int | None = None  # the source line, when the rule knows it


@dataclass(frozen=True)
class Finding:
    path: str  # relative to the repository root, with forward slashes
    line: int
    what: str
    fix: str
    severity: str = "error"  # "warning" or "notice": shown on the pull request, the build goes on

    @property
    def message(self) -> str:
        return f"{self.path}:{self.line}: {_sentence(self.what)} Fix: {_sentence(self.fix)}"


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "?", "!", "。", "？", "！")) else text + "."


def github_annotation(finding: Finding) -> str:
    """The workflow command that shows the finding on the pull request's diff."""
    return (
        f"::{finding.severity} file={_escape_property(finding.path)},line={finding.line}::"
        f"{_escape_data(_sentence(finding.what) + ' Fix: ' + _sentence(finding.fix))}"
    )


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def nearest_name(name: str, names: list[str], cutoff: float = 0.5) -> str | None:
    """The one of `names` (file names or paths) nearest to `name`, compared without
    folders and extensions (a mistyped or translated file name), or None."""
    def stem(path: str) -> str:
        return posixpath.splitext(posixpath.basename(path))[0]

    by_stem: dict[str, str] = {}
    for candidate in names:
        by_stem.setdefault(stem(candidate), candidate)
    near = difflib.get_close_matches(stem(name), list(by_stem), n=1, cutoff=cutoff)
    return by_stem[near[0]] if near else None
