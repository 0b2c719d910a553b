"""Hashtags in the text of each page (fov.data.hashtags): found as X finds them,
each a tag of `extra.campaign.hashtags` registered for the page's language,
spelled exactly. Code, links' addresses, attribute lists and headings' '#'
never count: the rule reads the rendered text, not the Markdown. Share
snippets are checked by hooks/share_snippets.py."""

from __future__ import annotations

from mkdocs.plugins import event_priority, get_plugin_logger

from fov.base import report
from fov.base.rendered import parse_html
from fov.data.campaign import campaign
from fov.data.hashtags import page_hashtag_problems
from fov.data.page_context import is_fallback, is_top_level_build, page_language, report_problems

log = get_plugin_logger("validate_hashtags")


def on_pre_build(config):
    report.start_build(is_top_level_build(config))


@event_priority(50)
def on_page_content(html, page, config, files):
    if is_fallback(page, config):
        return html
    problems = page_hashtag_problems(parse_html(html), page_language(page, config), campaign(config).hashtags)
    report_problems(log, problems, page.file, config)
    return html
