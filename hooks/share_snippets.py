"""Share snippets (fov.snippets): a ```share block in a page becomes a card with
the ready-to-post message, a copy button (overrides/assets/javascripts/
share-snippets.js, an external file: no inline handler) and plain share links for X, Facebook, LinkedIn,
WhatsApp, Telegram, LINE, Weibo and e-mail. Each block is checked for the
page's language and every platform it targets; errors name the block's line.

A page that asks people to share (it has the section `extra.campaign.
share_snippets.section`, {#share}) must hold a snippet in that section.
Labels of the card, per language: `extra.campaign.share_snippets.labels`.
"""

from __future__ import annotations

import functools
import json
from importlib.metadata import version
from pathlib import Path

from mkdocs.plugins import event_priority, get_plugin_logger

from fov import report
from fov.build_cache import BuildCache, key_of
from fov.findings import Finding, Problem
from fov.campaign import campaign
from fov.hashtags import HashtagRegistry
from fov.page_context import is_fallback, is_top_level_build, page_language, report_problems, source_map
from fov.rendered import parse_html
from fov.snippets import (campaign_platforms, missing_snippet_problems, parse_snippet, render_card, snippet_problems,
                          x_weighted_length)
from fov.urls import LinkPolicy

log = get_plugin_logger("share_snippets")
FENCE = "share"
# X's count of a post, kept by the post's text: loading twitter-text (its
# regular expressions) costs more than the rest of these checks together.
LENGTHS = BuildCache(Path(__file__).resolve().parent.parent / ".cache", "x-weighted-length", ".json")


class _State:
    registry = HashtagRegistry([])
    policy = LinkPolicy()
    settings: dict = {}
    config = None
    page = None
    blocks_seen = 0


def on_config(config):
    data = campaign(config)
    _State.registry = data.hashtags
    _State.policy = data.link_policy
    _State.settings = data.share_snippets
    _State.config = config
    superfences = config.mdx_configs.setdefault("pymdownx.superfences", {})
    fences = superfences.setdefault("custom_fences", [])
    if not any(fence.get("name") == FENCE for fence in fences):
        fences.append({"name": FENCE, "class": "fov-snippet", "format": _format_share})
    return config


def on_pre_build(config):
    report.start_build(is_top_level_build(config))


def on_page_markdown(markdown, page, config, files):
    _State.page = page
    _State.blocks_seen = 0
    return markdown


def _format_share(source, language, css_class, options, md, **kwargs) -> str:
    page, config = _State.page, _State.config
    snippet, problems = parse_snippet(source, campaign_platforms(_State.policy))
    lang = page_language(page, config) if page is not None else "en"
    if page is not None and not is_fallback(page, config) and not getattr(md, "fov_facts_only", False):
        problems += snippet_problems(snippet, lang, _State.registry, _State.policy, _x_weighted_length)
        _report_block(problems, page, config)
    _State.blocks_seen += 1
    labels = (_State.settings.get("labels") or {})
    subject = (page.title if page is not None else "") or config.site_name
    return render_card(snippet, labels.get(lang) or labels.get("en") or {}, subject)


@functools.cache
def _library_version() -> str:
    return version("twitter-text-parser")


def _x_weighted_length(post: str) -> tuple[int, bool]:
    key = key_of("twitter-text-parser", _library_version(), post)
    data = LENGTHS.get_or_make(key, lambda: json.dumps(x_weighted_length(post)).encode())
    length, valid = json.loads(data)
    return length, valid


def _report_block(problems: list[Problem], page, config) -> None:
    source = source_map(page.file, config)
    openings = source.fence_lines(FENCE)
    start = openings[_State.blocks_seen] if _State.blocks_seen < len(openings) else 0
    for problem in problems:
        report.report(log, Finding(source.path, start + (problem.line or 1), problem.what, problem.fix))


@event_priority(50)
def on_page_content(html, page, config, files):
    section = _State.settings.get("section")
    if section and not is_fallback(page, config):
        report_problems(log, missing_snippet_problems(parse_html(html), section), page.file, config)
    return html

