"""Share snippets (fov.checks.snippets): a ```share block in a page becomes a card with the
ready-to-post message, a copy button and plain share links, each block checked for the
page's language and every platform it targets; a page that asks people to share
(`extra.campaign.share_snippets.section`) must hold one in that section.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.plugins import event_priority, get_plugin_logger

from fov.base import report
from fov.base.rendered import parse_html
from fov.build.build_cache import BuildCache, key_of
from fov.checks.snippets import missing_snippet_problems, ShareFences, twitter_text_version, x_weighted_length
from fov.data.campaign import campaign
from fov.data.page_context import is_fallback, is_top_level_build, report_problems

log = get_plugin_logger("share_snippets")
# X's count of a post, kept by the post's text: loading twitter-text (its
# regular expressions) costs more than the rest of these checks together.
LENGTHS = BuildCache(Path(__file__).resolve().parent.parent / ".cache", "x-weighted-length", ".json")


def _x_weighted_length(post: str) -> tuple[int, bool]:
    key = key_of("twitter-text-parser", twitter_text_version(), post)
    data = LENGTHS.get_or_make(key, lambda: json.dumps(x_weighted_length(post)).encode())
    length, valid = json.loads(data)
    return length, valid


_fences = ShareFences(_x_weighted_length, lambda finding: report.report(log, finding))


def on_config(config):
    _fences.configure(campaign(config), config)
    return config


def on_pre_build(config):
    report.start_build(is_top_level_build(config))


def on_page_markdown(markdown, page, config, files):
    _fences.start_page(page)
    return markdown


@event_priority(50)
def on_page_content(html, page, config, files):
    section = _fences.section
    if section and not is_fallback(page, config):
        report_problems(log, missing_snippet_problems(parse_html(html), section), page.file, config)
    return html
