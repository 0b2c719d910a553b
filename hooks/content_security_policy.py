"""Security headers GitHub Pages cannot send: a strict Content-Security-Policy
<meta> as the first element of every page's <head> (fov.build.csp), with the sha256
of each inline script and style, computed from the page as finally written.

Runs last among the page hooks, so that whatever other hooks add is covered;
404.html (a theme template, not a page) gets its policy in on_post_template.
Markup that a strict policy blocks whatever its hash (inline event handlers,
style="" attributes, javascript: URLs) is reported, naming the output file
and line, so that `mkdocs build --strict` fails.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority, get_plugin_logger

from fov.base import report as channel
from fov.base.findings import Finding
from fov.build.csp import add_policy

log = get_plugin_logger("content_security_policy")

PAGES_WITH_POLICY = ("404.html",)  # theme templates that are HTML pages


@event_priority(-200)
def on_post_page(output, page, config):
    return _secure(output, page.file.dest_uri)


@event_priority(-200)
def on_post_template(output_content, template_name, config):
    if template_name in PAGES_WITH_POLICY:
        return _secure(output_content, template_name)
    return output_content


def _secure(html: str, where: str) -> str:
    secured, found = add_policy(html)
    for line, what in found.blocked:
        channel.report(log, Finding(
            where, line, f"{what} is blocked by the Content-Security-Policy (line {line} of the built page)",
            "move the script or style to a file under overrides/assets/ (or use a CSS class)"))
    return secured
