"""Every file under docs/ reads (fov.source_file): UTF-8, front matter that is valid
YAML, a page with text, a translation with an English original, and
docs/.translations/<lang>.yml that parses.

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
from pathlib import Path

from mkdocs.plugins import event_priority, get_plugin_logger

from fov import report, source_file, translation_data
from fov.findings import Finding
from fov.page_context import all_languages, is_top_level_build, repo_path, repository_root, source_language
from fov.source_checks import no_english_original, page_problems

log = get_plugin_logger("validate_sources")


class _State:
    no_original: set[str] = set()  # src_paths reported as translations with no English page


class _OmittedPages(logging.Filter):
    """MkDocs lists pages that are not in the nav; a translation with no English original
    is reported here with its fix instead, so MkDocs' list leaves it out."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if not _State.no_original or not message.startswith("The following pages exist"):
            return True
        head, *listed = message.split("\n  - ")
        kept = [p for p in listed if p.replace(os.sep, "/") not in _State.no_original]
        if not kept:
            return False
        record.msg, record.args = "\n  - ".join([head, *kept]), ()
        return True


_NAV_LOGGER = logging.getLogger("mkdocs.structure.nav")


def on_config(config):
    for old in [f for f in _NAV_LOGGER.filters if type(f).__name__ == "_OmittedPages"]:
        _NAV_LOGGER.removeFilter(old)  # this file is loaded again by each build (tests, serve)
    _NAV_LOGGER.addFilter(_OmittedPages())
    return config


def on_pre_build(config):
    top_level = is_top_level_build(config)
    report.start_build(top_level)
    if top_level:
        _State.no_original = set()
        source_file.forget(config.docs_dir)  # read again in this build: a deleted file is no problem


@event_priority(-200)  # after static-i18n (-100) has chosen this build's files
def on_files(files, config):
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
                _State.no_original.add(file.src_path.replace(os.sep, "/"))
        for problem in problems:
            report.report(log, Finding(repo_path(file, config), problem.line or 1, problem.what, problem.fix))
    data_dir = os.path.join(config.docs_dir, ".translations")
    for path in sorted(glob.glob(os.path.join(data_dir, "*.yml"))):
        translation_data.read_file(Path(path))  # YAML, and the shape the hooks read
    for path in sorted(glob.glob(os.path.join(data_dir, "sources", "*.txt"))):
        source_file.read(path)
    _report_reads(config)
    return files


@event_priority(-200)  # after static-i18n's post-build (-100), which builds the other languages
def on_post_build(config):
    if is_top_level_build(config):
        _State.no_original = set()  # the logger filter stays, idle, until the next build


def on_build_error(error):
    _State.no_original = set()


def on_env(env, config, files):
    _report_reads(config)  # what the other hooks read meanwhile
    return env


def _report_reads(config) -> None:
    for finding in source_file.findings(repository_root(config), under=config.docs_dir):
        report.report(log, finding)


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
