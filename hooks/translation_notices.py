"""Honest translations: a notice on a page that is not translated or not up to
date, how each translation was made, and the English pages a one-language
preview leaves out added back as fallbacks. The page logic and the notices'
HTML: fov.translation.notices. Texts: docs/.translations/<locale>.yml.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority, get_plugin_logger

from fov.base import report
from fov.data.campaign import languages
from fov.data.page_context import default_language, is_top_level_build
from fov.data.translation_data import for_build
from fov.translation.notices import LanguageNotices

log = get_plugin_logger("translation_notices")


class _State:
    notices: LanguageNotices | None = None  # of the language being built


def on_pre_build(config):
    report.start_build(is_top_level_build(config))
    project, data = for_build(config)
    _State.notices = LanguageNotices(project, data, default_language(config))


@event_priority(-110)  # after static-i18n (-100) has chosen the files of the language
def on_files(files, config):
    only = languages(config).preview
    if only and only != _State.notices.project.source:
        _State.notices.add_preview_fallbacks(files, config)
    return files


@event_priority(100)  # before other hooks read the markers
def on_page_markdown(markdown, page, config, files):
    for finding in _State.notices.mark(page, config):
        report.report(log, finding)
    return markdown


@event_priority(-10)  # after the search plugin indexed the page: notices stay out of search
def on_page_context(context, page, config, nav):
    page.content = _State.notices.content(page, config)
    return context
