"""Links and translation parity (fov.checks.link_checks): links out of the site, written
anchors, each translation keeping the English page's links, addresses and heading ids,
and MkDocs' own link warnings placed at the link's line with a fix.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority, get_plugin_logger

from fov.base import report
from fov.checks.link_checks import BrokenLinkWarnings, LinkChecks
from fov.data.campaign import campaign
from fov.data.page_context import is_top_level_build

log = get_plugin_logger("validate_links")
_checks = LinkChecks()


def on_config(config):
    _checks.configure(config, campaign(config).link_policy)
    warnings = BrokenLinkWarnings(_checks, lambda finding: report.report(log, finding))
    report.filter_messages("mkdocs.structure.pages", warnings)
    return config


def on_pre_build(config):
    top_level = is_top_level_build(config)
    report.start_build(top_level)
    _checks.start_build(top_level)


@event_priority(-200)  # after static-i18n (-100) has chosen this build's files
def on_files(files, config):
    _checks.files, _checks.config = files, config
    return files


@event_priority(-200)  # after static-i18n's post-build (-100), which builds the other languages
def on_post_build(config):
    if is_top_level_build(config):
        _checks.files = None  # the logger filter stays, idle, until the next build's files


def on_build_error(error):
    _checks.files = None


@event_priority(50)
def on_page_content(html, page, config, files):
    report.report_all(log, _checks.page_findings(html, page, config))
    return html


def on_env(env, config, files):
    report.report_all(log, _checks.site_findings(files, config))
    return env
