"""Every file under docs/ reads (fov.checks.source_checks, fov.base.source_file): UTF-8, valid
front matter, a page with text, a translation with an English original, and
docs/.translations/<lang>.yml that parses; each problem named at its file and line
while the build goes on, so every problem of every language shows in one run.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority, get_plugin_logger

from fov.base import report, source_file
from fov.checks.source_checks import files_findings, OmittedPages, read_findings
from fov.data.page_context import is_top_level_build

log = get_plugin_logger("validate_sources")
_omitted = OmittedPages()  # translations with no English page: reported here, not in MkDocs' list


def on_config(config):
    report.filter_messages("mkdocs.structure.nav", _omitted)
    return config


def on_pre_build(config):
    top_level = is_top_level_build(config)
    report.start_build(top_level)
    if top_level:
        _omitted.no_original.clear()
        source_file.forget(config.docs_dir)  # read again in this build: a deleted file is no problem


@event_priority(-200)  # after static-i18n (-100) has chosen this build's files
def on_files(files, config):
    report.report_all(log, files_findings(files, config, _omitted.no_original))
    return files


@event_priority(-200)  # after static-i18n's post-build (-100), which builds the other languages
def on_post_build(config):
    if is_top_level_build(config):
        _omitted.no_original.clear()  # the logger filter stays, idle, until the next build


def on_build_error(error):
    _omitted.no_original.clear()


def on_env(env, config, files):
    report.report_all(log, read_findings(config))  # what the other hooks read meanwhile
    return env
