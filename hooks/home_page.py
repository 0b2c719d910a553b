"""The home page of every language (fov.home, overrides/home.html): a thin
adapter. Once every page is rendered (on_env), each page whose front matter
names `template: home.html` gets `page.fov_home`, what the template draws:
its `home:` words (checked against the English page's) with the campaign data
of `extra.campaign.home` (links, numbers, sources, icons), each link resolved
from the home page and its target id checked."""

from __future__ import annotations

import os
import re

from mkdocs.plugins import get_plugin_logger
from mkdocs.utils import get_relative_url
from mkdocs.utils.meta import get_data

from fov import campaign as campaign_layer
from fov import report, source_file
from fov.findings import Finding
from fov.source_map import SourceMap
from fov.home import build_home, count_actions, expected_keys, home_problems
from fov.page_context import (default_language, is_top_level_build, language_free_uri, page_language,
                              report_problems)
from fov.urls import link_problems

log = get_plugin_logger("home_page")
TEMPLATE = "home.html"


def on_pre_build(config):
    report.start_build(is_top_level_build(config))


def on_env(env, config, files):
    campaign = campaign_layer.campaign(config).data
    data = campaign.get("home") or {}
    pages = [f.page for f in files.documentation_pages() if f.page is not None]
    for page in pages:
        if page.meta.get("template") == TEMPLATE:
            page.fov_home = _home(page, pages, campaign, data, config)
    return env


def _home(page, pages, campaign, data, config):
    language = page_language(page, config)
    english = _english_words(page, config)
    stakeholders = campaign.get("stakeholders", {})
    organisations = campaign.get("organisations", [])
    counts = {a["id"]: _count(a["page"], pages, language, config) for a in data.get("areas", [])}
    words = page.meta.get("home")
    problems = home_problems(words, english, expected_keys(data, stakeholders, organisations), counts, language)
    report_problems(log, problems, page.file, config)
    if problems:
        return None
    policy = campaign_layer.campaign(config).link_policy
    data = {**data, "stakeholder_page": campaign_layer.campaign(config).stakeholder_page}
    return build_home(words, data, stakeholders, organisations, counts, language,
                      lambda target: _url(target, page, pages, language, policy, config))


def _english_words(page, config) -> dict:
    """The `home:` words of the English home page, read from its source."""
    path = os.path.join(config.docs_dir, default_language(config), language_free_uri(page.file))
    try:
        return get_data(source_file.read_text(path))[1].get("home") or {}
    except OSError:
        return page.meta.get("home") or {}


def _page_for(uri, pages, language, config):
    """The page of `uri` (language-free) in `language`, else its fallback."""
    found = [p for p in pages if language_free_uri(p.file) == uri]
    own = [p for p in found if page_language(p, config) == language]
    return (own or found or [None])[0]


def _count(uri, pages, language, config) -> int:
    target = _page_for(uri, pages, language, config)
    return count_actions(target.markdown or "") if target else 0


def _url(target: str, page, pages, language, policy, config) -> str:
    if re.match(r"^[a-z]+:", target):
        for problem in link_problems(target, policy):
            _report_data(config, target, problem.what, problem.fix)
        return target
    uri, _, anchor = target.partition("#")
    found = _page_for(uri, pages, language, config)
    if found is None:
        _report_data(config, target, f"the home page links to '{uri}', which is no page of the site",
                     "name an existing page in extra.campaign.home of mkdocs.yml")
        return target
    if anchor and f'id="{anchor}"' not in (found.content or ""):
        _report_data(config, target, f"the home page links to '#{anchor}' of {uri}, which has no such id",
                     f"name an id that {uri} has, in extra.campaign.home of mkdocs.yml")
    url = get_relative_url(found.url or ".", page.url or ".")
    return f"{url}#{anchor}" if anchor else url


def _report_data(config, needle: str, what: str, fix: str) -> None:
    """A problem of the campaign data, at its line of mkdocs.yml."""
    path = config.config_file_path or "mkdocs.yml"
    try:
        line = SourceMap(source_file.read_text(path), path).find(needle) or 1
    except OSError:
        line = 1
    report.report(log, Finding(os.path.basename(path), line, what, fix))

