"""No code in a page (fov.checks.unsafe_html): no script, iframe, object, embed, form,
base or meta refresh, no on... attribute, no dangerous URL scheme, in the
HTML that each page's Markdown renders to."""

from __future__ import annotations

from mkdocs.plugins import event_priority, get_plugin_logger

from fov.base import report
from fov.base.rendered import parse_html
from fov.checks.unsafe_html import unsafe_html_problems
from fov.data.page_context import is_fallback, is_top_level_build, report_problems

log = get_plugin_logger("validate_html")


def on_pre_build(config):
    report.start_build(is_top_level_build(config))


@event_priority(50)  # the page as Markdown made it, before other hooks add to it
def on_page_content(html, page, config, files):
    if not is_fallback(page, config):
        report_problems(log, unsafe_html_problems(parse_html(html)), page.file, config)
    return html
