"""Serve only the palette rules the site uses (fov.palette_css): Material's
palette.css holds every colour and scheme, 11.6 KiB on every page load;
this rewrites the built copy with the rules of `theme.palette` alone.

Runs last in every build (after static-i18n's own post-build step, which
builds the other languages and copies the theme's files again)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from fov.palette_css import subset, used_values


@event_priority(-200)
def on_post_build(config):
    palettes = config.theme.get("palette") or []
    if isinstance(palettes, dict):
        palettes = [palettes]
    if not palettes:
        return
    used = used_values(palettes)
    for path in Path(config.site_dir, "assets", "stylesheets").glob("palette.*.min.css"):
        css = path.read_text(encoding="utf-8")
        smaller = subset(css, used)
        if smaller != css:
            path.write_text(smaller, encoding="utf-8")
