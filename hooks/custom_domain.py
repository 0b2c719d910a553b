"""Custom domain: a CNAME file at the site root when site_url is a custom domain.

site_url comes from the SITE_URL environment variable (see mkdocs.yml); which
URLs get a CNAME, and why, is in fov.build.site_url. GitHub Pages deployed by the
Actions workflow takes its domain from the repository's Pages settings; the
file keeps the built site correct wherever else it is published (a gh-pages
branch, another static host).
"""

from __future__ import annotations

from pathlib import Path

from fov.build.site_url import cname_for


def on_post_build(config):
    host = cname_for(config.site_url)
    if host:
        Path(config.site_dir, "CNAME").write_text(host + "\n", encoding="utf-8")
