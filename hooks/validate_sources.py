"""Every Markdown page is UTF-8 and its front matter is valid YAML (fov.source_file).

MkDocs stops with a traceback on a file that is not UTF-8 and shows broken
front matter as page text; this names the file and line instead, and lets the
build go on (undecodable bytes replaced) so that every other problem is
reported in the same run. A byte-order mark and Windows line endings are fine.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority, get_plugin_logger

from fov import report
from fov.findings import Finding
from fov.page_context import is_top_level_build, repo_path
from fov.source_file import read_source

log = get_plugin_logger("validate_sources")


def on_pre_build(config):
    report.start_build(is_top_level_build(config))


@event_priority(-200)  # after static-i18n (-100) has chosen this build's files
def on_files(files, config):
    for file in files.documentation_pages():
        if not file.abs_src_path:
            continue
        with open(file.abs_src_path, "rb") as source:
            data = source.read()
        text, problems = read_source(data)
        path = repo_path(file, config)
        for problem in problems:
            report.report(log, Finding(path, problem.line or 1, problem.what, problem.fix))
        if any("not UTF-8" in p.what for p in problems):
            file.content_string = text  # MkDocs would stop on the raw bytes
    return files
