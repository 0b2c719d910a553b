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
from fov.findings import Finding, Problem, nearest_name
from fov.page_context import all_languages, is_top_level_build, repo_path, repository_root, source_language
from fov.source_file import empty_page_problem, front_matter_problems

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
    for file in files.documentation_pages():
        if not file.abs_src_path:
            continue
        read = source_file.read(file.abs_src_path)
        if read.problems:
            file.content_string = read.text  # MkDocs would stop on the raw bytes
        problems = front_matter_problems(read.text) or [p for p in [empty_page_problem(read.text)] if p]
        problems += _no_english_original(file, config)
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


def _no_english_original(file, config) -> list[Problem]:
    """A translated page must keep the English file name: a page under docs/fr/ that
    docs/en/ lacks is shown in no menu and replaces nothing."""
    language, _, page = file.src_uri.partition("/")
    source = source_language(config)
    if not page or language == source or language not in all_languages(config):
        return []
    english_dir = os.path.join(config.docs_dir, source)
    if os.path.isfile(os.path.join(english_dir, page)):
        return []
    english = sorted(
        os.path.relpath(p, english_dir).replace(os.sep, "/")
        for p in glob.glob(os.path.join(english_dir, "**", "*.md"), recursive=True))
    untranslated = [p for p in english if not os.path.isfile(os.path.join(config.docs_dir, language, p))]
    docs = os.path.relpath(config.docs_dir, repository_root(config)).replace(os.sep, "/")
    guess = nearest_name(page, untranslated) or nearest_name(page, english)
    _State.no_original.add(file.src_path.replace(os.sep, "/"))
    return [Problem(
        what=f"there is no English page {docs}/{source}/{page}: this translation replaces no page "
        "and appears in no menu",
        fix="translations keep the English file name: "
        + (f"did you mean `{docs}/{language}/{guess}`? Rename the file" if guess else
           "rename the file to the name of the English page it translates, one of "
           + ", ".join(f"`{p}`" for p in (untranslated or english)[:12])),
        line=1)]
