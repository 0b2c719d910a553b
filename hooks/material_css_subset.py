"""Serve only the Material CSS the site uses (fov.css_subset): its main.css
(137 KiB, loaded by every page) without the rules for classes that no page
or script of the built site has, and its palette.css (11.6 KiB) with the
colours of `theme.palette` alone.

Runs once, last, after static-i18n has built every language (so that every
language's pages are looked at), and always cuts from the theme's own copy
of each file, never from an already cut one."""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority, get_plugin_logger

from fov.css_subset import class_filter, classes_in_site, palette_filter, subset, used_values
from fov.page_context import is_top_level_build

log = get_plugin_logger("material_css_subset")


@event_priority(-200)
def on_post_build(config):
    if not is_top_level_build(config):
        return
    palettes = config.theme.get("palette") or []
    if isinstance(palettes, dict):
        palettes = [palettes]
    if palettes:
        _cut(config, "palette.*.min.css", palette_filter(used_values(palettes)))
    _cut(config, "main.*.min.css", class_filter(*classes_in_site(Path(config.site_dir))))


def _cut(config, pattern: str, wanted) -> None:
    for built in Path(config.site_dir, "assets", "stylesheets").glob(pattern):
        original = _theme_copy(config, built.name)
        if original is None:
            log.warning(f"{built.name}: not found in the theme, so it is served whole")
            continue
        built.write_text(subset(original.read_text(encoding="utf-8"), wanted), encoding="utf-8")


def _theme_copy(config, name: str) -> Path | None:
    for theme_dir in config.theme.dirs:
        candidate = Path(theme_dir, "assets", "stylesheets", name)
        if candidate.is_file():
            return candidate
    return None
