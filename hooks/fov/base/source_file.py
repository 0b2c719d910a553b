"""The one reader of the files under docs/: pages, docs/.translations/<lang>.yml,
the kept English snapshots. Every hook and every `fov.commands.translate` command reads
them through `read` / `read_text` (YAML: `parse_yaml`, as fov.data.translation_data does).

A file is UTF-8 (a byte-order mark is fine), with any line endings. A file
that is not UTF-8 does not stop anything: its text is decoded as the encoding
it most likely is (charset-normalizer's guess; else with the undecodable bytes
replaced) so the build goes on and reports everything else too, and one
problem says where the first bad byte is, what the file probably is and how
to fix it. A YAML file that does not parse reads as empty (its language falls
back to the English strings) with a problem at the line, in plain words.

What a read found is kept (`findings`): validate_sources reports it in a
build, the commands print it.
"""

from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from fov.base import yaml_fast
from fov.base.findings import Finding, Problem

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # as MkDocs reads front matter
NOT_UTF8 = "the file is not UTF-8"
EMPTY = "the file is empty"

BOM = b"\xef\xbb\xbf"
_OPENING = re.compile(r"^---[ \t]*$")
_CLOSING = re.compile(r"^(---|\.\.\.)[ \t]*$")
# How people know an encoding (Python's codec name -> the name editors show).
_ENCODING_NAMES = {
    "big5": "Big5", "big5hkscs": "Big5-HKSCS", "gb2312": "GB2312", "gbk": "GBK",
    "gb18030": "GBK (GB 18030)", "cp1252": "Windows-1252", "cp1251": "Windows-1251",
    "cp1256": "Windows-1256", "cp1250": "Windows-1250", "latin-1": "ISO-8859-1",
    "iso8859-15": "ISO-8859-15", "utf-16": "UTF-16", "utf-16-le": "UTF-16",
    "utf-16-be": "UTF-16", "utf-32": "UTF-32", "shift_jis": "Shift JIS", "cp932": "Shift JIS",
    "euc_jp": "EUC-JP", "euc_kr": "EUC-KR", "cp949": "EUC-KR", "koi8-r": "KOI8-R",
    "mac-roman": "Mac Roman",
}
_COMMON = ("utf_16", "utf_32", "cp1252", "big5", "gb18030", "gbk", "gb2312", "cp1251", "cp1256",
           "shift_jis", "cp932", "euc_kr", "latin_1")


@dataclass(frozen=True)
class Read:
    text: str  # \n line endings, no byte-order mark
    problems: tuple[Problem, ...]  # what is wrong with the bytes (not the content)


_reads: dict[tuple, Read] = {}  # (path, mtime, size) -> what it read: once per version
_found: dict[tuple[str, str], tuple[Problem, ...]] = {}  # (absolute path, "bytes"/"yaml") -> problems


def decode(data: bytes) -> Read:
    """The text of a file's bytes, and what is wrong with them."""
    if data.startswith(BOM):
        data = data[len(BOM):]
    try:
        text = data.decode("utf-8")
        nul = text.find("\x00")
        if nul >= 0:  # valid UTF-8, but a text editor never writes it: UTF-16 without a BOM
            raise UnicodeDecodeError("utf-8", data, len(text[:nul].encode()), len(data), "NUL")
        problems = ()
    except UnicodeDecodeError as error:
        encoding, text = _guess(data)
        problems = (_not_utf8(data, error, encoding),)
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return Read(text, problems)


def _guess(data: bytes) -> tuple[str | None, str]:
    """The encoding the bytes most likely are and the text in it, or (None, replaced)."""
    from charset_normalizer import from_bytes  # only for a file that is not UTF-8

    # The least garbled reading; of equally clean ones, the encoding editors most often save
    # in (charset-normalizer lists each reading once, with the encodings that give it), then
    # the one most like a language.
    readings = [(_most_common(m.could_be_from_charset or [m.encoding]), m) for m in from_bytes(data)]
    if readings:
        cleanest = min(m.chaos for _, m in readings)
        clean = [r for r in readings if r[1].chaos <= cleanest + 0.03]
        encoding, best = min(clean, key=lambda r: (_rank(r[0]), -r[1].coherence))
        if encoding not in ("utf_8", "ascii"):
            name = codecs.lookup(encoding).name
            return _ENCODING_NAMES.get(name, name.upper()), str(best)
    return None, data.decode("utf-8", errors="replace").replace("\x00", "")


def _rank(encoding: str) -> int:
    return _COMMON.index(encoding) if encoding in _COMMON else len(_COMMON)


def _most_common(encodings: list[str]) -> str:
    return min(encodings, key=_rank)


def _not_utf8(data: bytes, error: UnicodeDecodeError, encoding: str | None) -> Problem:
    before = data[: error.start]
    line = before.count(b"\n") + 1
    column = len(before) - (before.rfind(b"\n") + 1) + 1
    byte = data[error.start]
    saved_as = (f"it looks like {encoding}" if encoding
                else "it was probably saved in another encoding, such as Big5, GBK or Windows-1252")
    return Problem(
        what=f"{NOT_UTF8}: byte 0x{byte:02X} at column {column} cannot be read as UTF-8 ({saved_as})",
        fix="save it as UTF-8 (in your editor: Save with Encoding, UTF-8), then check that the "
        "text of this line still looks right",
        line=line,
    )


def read_text(path: str | os.PathLike) -> str:
    """The text of a file under docs/ (see `decode`); FileNotFoundError if it is missing."""
    return read(path).text


def read(path: str | os.PathLike) -> Read:
    path = os.path.abspath(path)
    status = os.stat(path)
    key = (path, status.st_mtime_ns, status.st_size)
    if key not in _reads:
        if len(_reads) > 512:
            _reads.clear()
        with open(path, "rb") as source:
            _reads[key] = decode(source.read())
    result = _reads[key]
    keep(path, "bytes", result.problems)
    return result


def keep(path: str | os.PathLike, kind: str, problems) -> None:
    """What the last read of the file found (a later read that finds nothing forgets it)."""
    path = os.path.abspath(path)
    if problems:
        _found[path, kind] = tuple(problems)
    else:
        _found.pop((path, kind), None)


def forget(under: str | os.PathLike) -> None:
    """Forget what was found in files under `under` (a new build reads them again)."""
    inside = os.path.join(os.path.abspath(under), "")
    for key in [k for k in _found if k[0].startswith(inside)]:
        del _found[key]


def parse_yaml(text: str, loader: type = yaml.SafeLoader, first_line: int = 1):
    """(data, None) or (None, the problem at its line): `first_line` is the line of the
    file the text starts at."""
    try:
        return yaml_fast.load(text, loader), None
    except yaml.YAMLError as error:
        return None, yaml_problem(error, text, first_line)


def yaml_problem(error: yaml.YAMLError, text: str, first_line: int = 1) -> Problem:
    """A YAML error in plain words: the line and what to do there."""
    lines = text.split("\n")
    mark = getattr(error, "problem_mark", None)
    if mark is None or mark.line >= len(lines) - 1 and getattr(error, "context_mark", None):
        mark = getattr(error, "context_mark", None) or mark  # ran to the end: where it started
    index = min(mark.line if mark else 0, max(len(lines) - 1, 0))
    problem = (getattr(error, "problem", None) or str(error).splitlines()[0]).strip()
    # A mistake often shows on the line after it (an unclosed bracket): the line that
    # has a mistake one can name, this one or the one above.
    for candidate in (index, index - 1):
        fix = _line_fix(lines[candidate]) if candidate >= 0 else None
        if fix:
            return Problem(what=f"this is not valid YAML: {problem}", fix=fix, line=first_line + candidate)
    if "could not find expected ':'" in problem or "simple key" in problem:
        fix = ("write each entry as 'key: value' (with a space after the colon), and put a value "
               "that goes on over several lines in double quotes")
    elif "end of stream" in problem or "quoted scalar" in problem:
        fix = 'close the quote opened on this line (a " inside a value in double quotes is written \\")'
    else:
        fix = ("indent this line like the other entries at its level (with spaces), and put a value "
               "that contains ': ', ' #' or quotes in double quotes")
    return Problem(what=f"this is not valid YAML: {problem}", fix=fix, line=first_line + index)


_SPECIAL_START = tuple("[]{}@`&*!|>%'\"")


def _line_fix(line: str) -> str | None:
    """What is wrong with one 'key: value' line that YAML cannot read, or None."""
    if "\t" in line[: len(line) - len(line.lstrip())]:
        return "indent with spaces, not tabs"
    key, colon, value = line.strip().partition(": ")
    value = value.strip()
    if not colon or not value or value[0] in "|>":
        return None
    quoted = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    example = f"{key.lstrip('- ')}: {quoted}"
    if ": " in value or value.endswith(":"):
        return f"put the value in double quotes, because it contains ': ': {example}"
    if value[0] in "'\"":
        closing = _closing_quote(value)
        if closing is None:
            return f"close the quote at the end of the value: {key.lstrip('- ')}: {value}{value[0]}"
        if closing < len(value) - 1:
            return f"write the whole value in double quotes, with each \" inside it written \\\": {example}"
        return None
    closer = {"[": "]", "{": "}"}.get(value[0])
    if closer and value.count(value[0]) > value.count(closer):
        return (f"end the list with '{closer}': {key.lstrip('- ')}: {value}{closer} (or, if it is "
                f"a text, put it in double quotes: {example})")
    if value.startswith(_SPECIAL_START) and not _balanced(value):
        return f"put the value in double quotes, because it starts with '{value[0]}': {example}"
    if value[0] in "@`%&*!":
        return f"put the value in double quotes, because it starts with '{value[0]}': {example}"
    return None


def _closing_quote(value: str) -> int | None:
    """Where the quote that opens `value` closes (None: it does not)."""
    pattern = r'(?<!\\)"' if value[0] == '"' else r"(?<!')'(?!')"
    match = re.search(pattern, value[1:])
    return match.start() + 1 if match else None


def _balanced(value: str) -> bool:
    """A flow list or mapping written whole on the line ([a, b] or {a: b})."""
    pairs = {"[": "]", "{": "}"}
    return value[0] in pairs and value.endswith(pairs[value[0]]) and not re.search(r"[}\]]\s*\S", value[:-1])


def findings(root: str | os.PathLike, under: str | os.PathLike | None = None) -> list[Finding]:
    """What the reads so far found (in files under `under`), at paths relative to `root`."""
    found = []
    inside = os.path.join(os.path.abspath(under or root), "")
    for (path, _), problems in sorted(_found.items()):
        if not path.startswith(inside):
            continue
        relative = os.path.relpath(path, root).replace(os.sep, "/")
        found += [Finding(relative, p.line or 1, p.what, p.fix) for p in problems]
    return found


# --- Pages -------------------------------------------------------------------------------


def read_source(data: bytes) -> tuple[str, list[Problem]]:
    """A page's text with \\n line endings, and what is wrong with its bytes and front matter."""
    result = decode(data)
    return result.text, list(result.problems) + front_matter_problems(result.text)


def empty_page_problem(text: str, translation: bool = True) -> Problem | None:
    """A page with nothing to show: one problem (not one per heading it lacks)."""
    if not is_empty(text):
        return None
    return Problem(
        what=EMPTY + (" (it has front matter, but no text under it)" if text.strip() else ""),
        fix=("translate the English page into it, or delete the file until you do: a language "
             "without the page shows the English page, with a notice" if translation else
             "write the page's text, or delete the file and its line in the nav of mkdocs.yml"),
        line=1)


def body(text: str) -> str:
    """The page's Markdown without its front matter."""
    lines = text.split("\n")
    if lines and _OPENING.match(lines[0]):
        closing = next((n for n in range(1, len(lines)) if _CLOSING.match(lines[n])), None)
        if closing is not None:
            return "\n".join(lines[closing + 1:])
    return text


def is_empty(text: str) -> bool:
    """Nothing but white space (and front matter)."""
    return not body(text).strip()


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
        problem = yaml_problem(error, block, first_line=2)
        return [Problem(what=problem.what.replace("this is not", "the front matter is not"),
                        fix=problem.fix, line=min(problem.line, closing))]
    if not isinstance(data, dict):
        return [Problem(
            what="the front matter is not a list of 'key: value' lines",
            fix="write one 'key: value' per line, e.g. description: A short summary",
            line=2,
        )]
    return []
