"""A Markdown file as saved: UTF-8 (a byte-order mark is fine), any line endings,
optional YAML front matter between `---` lines.

MkDocs stops with a traceback on a file that is not UTF-8, and silently shows
front matter it cannot parse as page text. `read_source` says where and why,
and still returns text (undecodable bytes replaced) so the build goes on and
reports everything else too.
"""

from __future__ import annotations

import re

import yaml

from fov.findings import Problem

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # as MkDocs reads front matter
NOT_UTF8 = "the file is not UTF-8"

BOM = b"\xef\xbb\xbf"
_OPENING = re.compile(r"^---[ \t]*$")
_CLOSING = re.compile(r"^(---|\.\.\.)[ \t]*$")


def read_source(data: bytes) -> tuple[str, list[Problem]]:
    """The file's text with \\n line endings, and what is wrong with it."""
    if data.startswith(BOM):
        data = data[len(BOM):]
    try:
        text = data.decode("utf-8")
        problems = []
    except UnicodeDecodeError as error:
        text = data.decode("utf-8", errors="replace")
        problems = [_not_utf8(data, error)]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, problems + front_matter_problems(text)


def _not_utf8(data: bytes, error: UnicodeDecodeError) -> Problem:
    before = data[: error.start]
    line = before.count(b"\n") + 1
    column = len(before) - (before.rfind(b"\n") + 1) + 1
    byte = data[error.start]
    return Problem(
        what=f"{NOT_UTF8}: byte 0x{byte:02X} at column {column} cannot be decoded "
        "(it was probably saved as Big5, GB 18030 or Windows-1252)",
        fix="save the file as UTF-8 (in your editor: Save with Encoding, UTF-8) and retype the "
        "characters of that line if they look wrong",
        line=line,
    )


def front_matter_problems(text: str) -> list[Problem]:
    """Front matter that MkDocs would not read (it would show it as page text)."""
    lines = text.split("\n")
    if not lines or not _OPENING.match(lines[0]):
        return []
    closing = next((n for n in range(1, len(lines)) if _CLOSING.match(lines[n])), None)
    if closing is None:
        return [Problem(
            what="the front matter opened by '---' on line 1 is never closed",
            fix="add a line with only '---' after the last front-matter line",
            line=1,
        )]
    if closing == 1:
        return [Problem(
            what="the front matter between the '---' lines is empty",
            fix="write 'description: ...' between the '---' lines, or delete both lines",
            line=1,
        )]
    block = "\n".join(lines[1:closing]) + "\n"
    try:
        data = yaml.load(block, Loader=_Loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        if mark is None or mark.line >= closing - 1:  # ran to the end: where it started
            mark = getattr(error, "context_mark", None) or mark
        line = 2 + min(mark.line if mark else 0, closing - 2)
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        return [Problem(
            what=f"the front matter is not valid YAML: {problem}",
            fix="put the value in double quotes if it contains ': ' or starts with a special "
            'character, e.g. description: "Protect: safe environments"',
            line=line,
        )]
    if not isinstance(data, dict):
        return [Problem(
            what="the front matter is not a list of 'key: value' lines",
            fix="write one 'key: value' per line, e.g. description: A short summary",
            line=2,
        )]
    return []
