"""Stakeholder tags (fov.pages.stakeholders): the line under each action heading naming
whom it asks, and the stakeholder page's lists of actions. This file adapts
MkDocs' events; the rules and the HTML are in hooks/fov/pages/stakeholders.py."""

from __future__ import annotations

from mkdocs.plugins import get_plugin_logger

from fov.base import report as channel
from fov.data.campaign import campaign, languages
from fov.data.page_context import repo_path
from fov.pages.stakeholders import Context, fill_action_lists, StakeholderExtension

log = get_plugin_logger("stakeholder_actions")

_context = Context(report=lambda finding: channel.report(log, finding))


def on_config(config):
    _context.campaign = campaign(config)
    _context.where = lambda page: repo_path(page.file, config)
    # on_config runs again for every language static-i18n builds: add once.
    if not any(isinstance(e, StakeholderExtension) for e in config.markdown_extensions):
        config.markdown_extensions.append(StakeholderExtension(_context))
    return config


def on_pre_build(config):
    _context.actions = {}
    _context.languages = languages(config)


def on_page_markdown(markdown, page, config, files):
    _context.page = page
    return markdown


def on_env(env, config, files):
    fill_action_lists(_context, [f.page for f in files.documentation_pages() if f.page is not None])
    return env
