"""The home page of every language (fov.pages.home, overrides/home.html): once every
page is rendered (on_env), each page whose front matter names
`template: home.html` gets `page.fov_home`, what the template draws: its
`home:` words (checked against the English page's) with the campaign data of
`extra.campaign.home`, each link resolved from the home page and checked."""

from __future__ import annotations

from mkdocs.plugins import get_plugin_logger

from fov.base import report
from fov.data.page_context import is_top_level_build
from fov.pages.home import site_home

log = get_plugin_logger("home_page")
TEMPLATE = "home.html"


def on_pre_build(config):
    report.start_build(is_top_level_build(config))


def on_env(env, config, files):
    pages = [f.page for f in files.documentation_pages() if f.page is not None]
    for page in pages:
        if page.meta.get("template") == TEMPLATE:
            page.fov_home = site_home(page, pages, config, log)
    return env
