"""Every Markdown page is UTF-8 and its front matter is valid YAML (fov.source_file).

MkDocs stops with a traceback on a file that is not UTF-8 and shows broken
front matter as page text; this names the file and line instead, and lets the
build go on (undecodable bytes replaced) so that every other problem is
reported in the same run. A byte-order mark and Windows line endings are fine.
"""

from __future__ import annotations

import os

from mkdocs.plugins import event_priority, get_plugin_logger

from fov import report
from fov.findings import Finding
from fov.page_context import is_top_level_build, repo_path
from fov.source_file import NOT_UTF8, read_source

log = get_plugin_logger("validate_sources")
_checked: dict[tuple, tuple] = {}  # (path, mtime, size) -> (text, problems): once per version


def on_pre_build(config):
    report.start_build(is_top_level_build(config))


@event_priority(-200)  # after static-i18n (-100) has chosen this build's files
def on_files(files, config):
    for file in files.documentation_pages():
        if not file.abs_src_path:
            continue
        text, problems = _read(file.abs_src_path)
        path = repo_path(file, config)
        for problem in problems:
            report.report(log, Finding(path, problem.line or 1, problem.what, problem.fix))
        if any(p.what.startswith(NOT_UTF8) for p in problems):
            file.content_string = text  # MkDocs would stop on the raw bytes
    return files


def _read(path: str) -> tuple:
    status = os.stat(path)
    key = (path, status.st_mtime_ns, status.st_size)
    if key not in _checked:
        with open(path, "rb") as source:
            _checked[key] = read_source(source.read())
    return _checked[key]
