"""What is wrong with a page as saved, before it is rendered: its front matter, a page
with no text, a translation saved under a name the English page does not have.
(The bytes themselves: fov.base.source_file.)

Every file under docs/ reads (hooks/validate_sources.py runs `files_findings` when a
build's files are chosen): UTF-8, front matter that is valid YAML, a page with text, a
translation with an English original, and docs/.translations/<lang>.yml that parses.

MkDocs stops with a traceback on a file that is not UTF-8 and shows broken
front matter as page text; this names the file and line instead, and lets the
build go on (the text read in the encoding it most likely is) so that every
other problem, in every language, is reported in the same run. A byte-order
mark and Windows line endings are fine.
"""

from __future__ import annotations

import glob
import logging
import os
from collections.abc import Iterator
from pathlib import Path

from fov.base import source_file
from fov.base.findings import Finding, nearest_name, Problem
from fov.base.source_file import empty_page_problem, front_matter_problems
from fov.data import translation_data
from fov.data.page_context import all_languages, repo_path, repository_root, source_language


def page_problems(text: str, translation: bool) -> list[Problem]:
    """Front matter MkDocs would not read, else a page with nothing in it: one problem
    (not one per heading the empty page lacks)."""
    problems = front_matter_problems(text)
    if not problems:
        empty = empty_page_problem(text, translation)
        problems = [empty] if empty else []
    return problems


def no_english_original(language: str, page: str, source: str, english_pages: list[str],
                        translated_pages: set[str], docs: str = "docs") -> Problem | None:
    """A translation keeps the English file name: a page under docs/fr/ that docs/en/ lacks
    replaces no page and appears in no menu. None when the English page exists."""
    if page in english_pages:
        return None
    untranslated = [p for p in english_pages if p not in translated_pages]
    guess = nearest_name(page, untranslated) or nearest_name(page, english_pages)
    return Problem(
        what=f"there is no English page {docs}/{source}/{page}: this translation replaces no page "
        "and appears in no menu",
        fix="translations keep the English file name: "
        + (f"did you mean `{docs}/{language}/{guess}`? Rename the file" if guess else
           "rename the file to the name of the English page it translates, one of "
           + ", ".join(f"`{p}`" for p in (untranslated or english_pages)[:12])),
        line=1)


# -- a build's files ---------------------------------------------------------------

def files_findings(files, config, no_original: set[str]) -> Iterator[Finding]:
    """What is wrong with the build's pages as saved (a page MkDocs would stop on is given
    the text as read), then with the other files under docs/ the build reads. Adds to
    `no_original` the src_paths of translations with no English page."""
    source = source_language(config)
    for file in files.documentation_pages():
        if not file.abs_src_path:
            continue
        read = source_file.read(file.abs_src_path)
        if read.problems:  # MkDocs would stop on the raw bytes: give it the text as read
            path, file.content_string = file.abs_src_path, read.text
            file.abs_src_path = path  # which unsets it; the checks name the file by it
        language, page = _language_and_page(file, config)
        problems = page_problems(read.text, translation=language != source)
        if language != source and language in all_languages(config):
            orphan = no_english_original(language, page, source, _pages(config, source),
                                         set(_pages(config, language)), _docs(config))
            if orphan:
                problems.append(orphan)
                no_original.add(file.src_path.replace(os.sep, "/"))
        for problem in problems:
            yield Finding(repo_path(file, config), problem.line or 1, problem.what, problem.fix)
    data_dir = os.path.join(config.docs_dir, ".translations")
    for path in sorted(glob.glob(os.path.join(data_dir, "*.yml"))):
        translation_data.read_file(Path(path))  # YAML, and the shape the hooks read
    for path in sorted(glob.glob(os.path.join(data_dir, "sources", "*.txt"))):
        source_file.read(path)
    yield from read_findings(config)


def read_findings(config) -> list[Finding]:
    """What is wrong with the files under docs/ read so far, by any hook (fov.base.source_file)."""
    return source_file.findings(repository_root(config), under=config.docs_dir)


class OmittedPages(logging.Filter):
    """MkDocs lists pages that are not in the nav; a translation with no English original
    is reported (`files_findings`) with its fix instead, so MkDocs' list leaves it out."""

    def __init__(self) -> None:
        super().__init__()
        self.no_original: set[str] = set()  # src_paths reported as translations with no English page

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if not self.no_original or not message.startswith("The following pages exist"):
            return True
        head, *listed = message.split("\n  - ")
        kept = [p for p in listed if p.replace(os.sep, "/") not in self.no_original]
        if not kept:
            return False
        record.msg, record.args = "\n  - ".join([head, *kept]), ()
        return True


def _language_and_page(file, config) -> tuple[str, str]:
    """('fr', 'call.md') for docs/fr/call.md: the folder the file is saved in, not the
    language it is built as (an English page can stand in for a missing translation)."""
    relative = os.path.relpath(file.abs_src_path, config.docs_dir).replace(os.sep, "/")
    language, _, page = relative.partition("/")
    return language, page


def _pages(config, language: str) -> list[str]:
    folder = os.path.join(config.docs_dir, language)
    return sorted(os.path.relpath(p, folder).replace(os.sep, "/")
                  for p in glob.glob(os.path.join(folder, "**", "*.md"), recursive=True))


def _docs(config) -> str:
    return os.path.relpath(config.docs_dir, repository_root(config)).replace(os.sep, "/")
