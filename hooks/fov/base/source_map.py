"""Find where in a Markdown file a problem seen in the rendered HTML comes from.

Python-Markdown keeps no line numbers, so a problem carries the words that
show it (`needles`: a URL, a hashtag, a tag as written) and the ids of the
headings above it. `locate` looks for the needles from the heading of the
innermost section on, first in the text outside code (code is not rendered
as links or hashtags), then anywhere; failing that it names the heading's
line, or line 1.
"""

from __future__ import annotations

import re

from fov.base.findings import Finding, Problem

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_ATX = re.compile(r"^ {0,3}#{1,6}(\s|$)")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)")


class SourceMap:
    def __init__(self, text: str, path: str):
        self.path = path
        self.lines = text.lstrip("\ufeff").splitlines()
        self.outside_code = _mask_code(self.lines)
        self._heading_lines: dict[str, int | None] = {}

    def locate(self, problem: Problem) -> Finding:
        return Finding(self.path, self.line_of(problem), problem.what, problem.fix)

    def line_of(self, problem: Problem) -> int:
        return problem.line or self.line_for(problem.needles, problem.section)

    def line_for(self, needles: tuple[str, ...], section: tuple[str, ...] = ()) -> int:
        start = self.section_line(section) or 1
        for needle in needles:
            found = self.find(needle, start)
            if found:
                return found
        return start

    def find(self, needle: str, start: int = 1) -> int | None:
        """The first line holding `needle`, from line `start` on, then from the top."""
        if not needle:
            return None
        for lines in (self.outside_code, self.lines):
            for first in (start, 1):
                for number in range(first, len(lines) + 1):
                    if needle in lines[number - 1]:
                        return number
        return None

    def section_line(self, section: tuple[str, ...]) -> int | None:
        for anchor in reversed(section):
            line = self.heading_line(anchor)
            if line:
                return line
        return None

    def heading_line(self, anchor: str) -> int | None:
        """The line that gives an element the explicit id `anchor` ({#id}, id="id")."""
        if anchor not in self._heading_lines:
            pattern = re.compile(
                r"\{[^}]*#" + re.escape(anchor) + r"(?=[\s}])|\bid=[\"']?" + re.escape(anchor) + r"\b"
            )
            self._heading_lines[anchor] = next(
                (n for n, line in enumerate(self.outside_code, 1) if pattern.search(line)), None
            )
        return self._heading_lines[anchor]

    def markdown_heading_lines(self) -> list[int]:
        """The lines of the Markdown headings ('# ...', or a line under which '===' or
        '---' is written), outside code, in order."""
        found = []
        for number, line in enumerate(self.outside_code, 1):
            if _ATX.match(line):
                found.append(number)
            elif (number < len(self.outside_code) and line.strip() and not line.startswith("    ")
                  and _SETEXT.match(self.outside_code[number])
                  and (number == 1 or not self.outside_code[number - 2].strip())):
                found.append(number)
        return found

    def fence_lines(self, name: str) -> list[int]:
        """Lines that open a fenced block of type `name` (```share), in order."""
        pattern = re.compile(r"^\s*(`{3,}|~{3,})\s*\{?\s*\.?" + re.escape(name) + r"\b")
        return [n for n, line in enumerate(self.lines, 1) if pattern.match(line)]


def _mask_code(lines: list[str]) -> list[str]:
    """The lines with fenced blocks, inline code and front matter blanked out."""
    masked = []
    fence = None
    front_matter = bool(lines) and lines[0].rstrip() == "---"
    for number, line in enumerate(lines):
        if front_matter:
            masked.append("")
            if number > 0 and line.rstrip() in ("---", "..."):
                front_matter = False
            continue
        match = _FENCE.match(line)
        if fence:
            masked.append("")
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
            continue
        if match:
            fence = match.group(1)
            masked.append("")
            continue
        masked.append(_CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line))
    return masked
