"""Serve only the Material CSS the site uses (fov.css_subset): its main.css
(137 KiB, loaded by every page) without the rules for classes that no page
or script of the built site has, and its palette.css (11.6 KiB) with the
colours of `theme.palette` alone.

Runs once, last, after static-i18n has built every language (so that every
language's pages are looked at), and always cuts from the theme's own copy
of each file, never from an already cut one. A cut is cached (.cache/) under
the hash of all it depends on: the theme's file, what the site uses and the
cutting code itself."""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority, get_plugin_logger

from fov import css_subset
from fov import report as channel
from fov.findings import Finding
from fov.build_cache import BuildCache, key_of
from fov.css_subset import class_filter, classes_in_site, palette_filter, subset, used_values
from fov.page_context import is_top_level_build

log = get_plugin_logger("material_css_subset")
CACHE = BuildCache(Path(__file__).resolve().parent.parent / ".cache", "material-css", ".css")
CUTTING_CODE = Path(css_subset.__file__).read_text(encoding="utf-8")


@event_priority(-200)
def on_post_build(config):
    if not is_top_level_build(config):
        return
    palettes = config.theme.get("palette") or []
    if isinstance(palettes, dict):
        palettes = [palettes]
    if palettes:
        used = used_values(palettes)
        _cut(config, "palette.*.min.css", palette_filter(used), {kind: sorted(v) for kind, v in used.items()})
    names, prefixes = classes_in_site(Path(config.site_dir))
    _cut(config, "main.*.min.css", class_filter(names, prefixes), [sorted(names), prefixes])


def _cut(config, pattern: str, wanted, what_is_used) -> None:
    for built in Path(config.site_dir, "assets", "stylesheets").glob(pattern):
        original = _theme_copy(config, built.name)
        if original is None:
            channel.report(log, Finding(
                f"assets/stylesheets/{built.name}", 1, "not found in the theme, so it is served whole",
                "install mkdocs-material at the version requirements.txt pins (make install)", severity="warning"))
            continue
        css = original.read_text(encoding="utf-8")
        key = key_of(CUTTING_CODE, css, what_is_used)
        built.write_bytes(CACHE.get_or_make(key, lambda: subset(css, wanted).encode("utf-8")))


def _theme_copy(config, name: str) -> Path | None:
    for theme_dir in config.theme.dirs:
        candidate = Path(theme_dir, "assets", "stylesheets", name)
        if candidate.is_file():
            return candidate
    return None
