"""Serve only the Material CSS the site uses (fov.build.css_subset): its main.css
without the rules for classes that no page or script of the built site has,
and its palette.css with the colours of `theme.palette` alone. Runs once,
last, after static-i18n has built every language; cuts are cached in .cache/."""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority, get_plugin_logger

from fov.build.build_cache import BuildCache
from fov.build.css_subset import cut_site
from fov.data.page_context import is_top_level_build

log = get_plugin_logger("material_css_subset")
CACHE = BuildCache(Path(__file__).resolve().parent.parent / ".cache", "material-css", ".css")


@event_priority(-200)
def on_post_build(config):
    if is_top_level_build(config):
        cut_site(Path(config.site_dir), config.theme.dirs, config.theme.get("palette"), CACHE, log)
