"""Glossary notes while building a translation (suggestions, never errors: DEBUG
lines, shown by `mkdocs build --verbose`), and the glossary's facts, which fail
the strict build: on every page of the language being built and in its
docs/.translations/<locale>.yml. The checks: fov.translation.glossary.
"""

from __future__ import annotations

from mkdocs.plugins import get_plugin_logger

from fov.base import report
from fov.data.page_context import is_fallback, is_top_level_build, repo_path
from fov.data.translation_data import for_build
from fov.translation import glossary

log = get_plugin_logger("translation_glossary")


class _State:
    project = None
    data = None  # LanguageData of the language being built


def on_pre_build(config):
    report.start_build(is_top_level_build(config))
    _State.project, _State.data = for_build(config)
    for finding in glossary.language_file_findings(_State.project, _State.data):
        report.report(log, finding)


def on_page_markdown(markdown, page, config, files):
    if not is_fallback(page, config) and _State.data is not None:
        for finding in glossary.page_findings(page.file.content_string, _State.data, repo_path(page.file, config)):
            report.report(log, finding)
    norm = getattr(page.file, "norm_src_uri", page.file.src_uri)
    notes = glossary.translation_notes(_State.project, _State.data.glossary, page.meta, norm,
                                       page.file.content_string)
    for note in notes:
        log.debug(f"{repo_path(page.file, config)}:{note.line}: {note.message}")
    return markdown
