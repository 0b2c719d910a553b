"""Material's stylesheets cut down to what a site uses.

Material ships one main.css for every component it has (137 KiB) and one
palette.css with every primary and accent colour and scheme (11.6 KiB); a
site uses a part of each. `subset` keeps each rule with at least one selector
that `wanted` accepts (and writes the selector list with those alone); rules
inside @media and @supports are judged the same way, every other at-rule
(@font-face, @keyframes, ...) is kept. The CSS is read with tinycss2, a real
CSS parser, and kept rules are written back unchanged.

Two judges of a selector, both looking only at what it requires of the
element it matches and its ancestors (what it asks for inside :not(), :is(),
:where() or :has() may be absent and still match, so it is never held
against it):

- `palette_filter`: its `data-md-color-{scheme,primary,accent}` values are
  those of `theme.palette`;
- `class_filter`: every class it names occurs in the built site, in a class
  attribute of a page or as a word of a script (Material's bundle adds
  classes as it runs; a word ending in "-" or "_" is a prefix that script
  completes, as in "md-tooltip2--" + position).

`cut_site` serves the cut files (hooks/material_css_subset.py): main.css
(loaded by every page) without the rules for classes no page or script of the
built site has, palette.css with the colours of `theme.palette` alone. It runs
once, after static-i18n has built every language (so that every language's
pages are looked at), and always cuts from the theme's own copy of each file,
never from an already cut one. A cut is cached (.cache/) under the hash of all
it depends on: the theme's file, what the site uses and this module's code.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import tinycss2

from fov.base import report
from fov.base.findings import Finding
from fov.build.build_cache import BuildCache, key_of

PALETTE_ATTRIBUTE = re.compile(r"\[data-md-color-(scheme|primary|accent)=([\w-]+)\]")
CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
# class="..." or class='...', also as written inside JSON strings (class=\"...\").
CLASS_ATTRIBUTE = re.compile(r"""class=\\?["']([^"'\\]*)""")
SCRIPT_WORD = re.compile(r"[A-Za-z_][\w-]*")
SITE_TEXT_FILES = ("*.html", "*.js", "*.json")


def subset(css: str, wanted: Callable[[str], bool]) -> str:
    rules = tinycss2.parse_stylesheet(css, skip_comments=False, skip_whitespace=True)
    return "".join(_kept(rule, wanted) for rule in rules)


def _kept(rule, wanted) -> str:
    if rule.type == "comment":
        return "/*" + rule.value + "*/"
    if rule.type == "qualified-rule":
        selectors = [s for s in _split(tinycss2.serialize(rule.prelude)) if wanted(s)]
        if not selectors:
            return ""
        return ",".join(selectors) + "{" + tinycss2.serialize(rule.content) + "}"
    if rule.type == "at-rule" and rule.content is not None and rule.lower_at_keyword in {"media", "supports"}:
        inner = subset(tinycss2.serialize(rule.content), wanted)
        if not inner:
            return ""
        return "@" + rule.at_keyword + tinycss2.serialize(rule.prelude) + "{" + inner + "}"
    return tinycss2.serialize([rule])


def _split(selector_list: str) -> list[str]:
    """Top-level commas only (not those inside :not(...), :is(...))."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(selector_list):
        depth += char in "([" and 1 or char in ")]" and -1 or 0
        if char == "," and depth == 0:
            parts.append(selector_list[start:index].strip())
            start = index + 1
    parts.append(selector_list[start:].strip())
    return [p for p in parts if p]


def required_part(selector: str) -> str:
    """The selector without the arguments of its functional pseudo-classes."""
    while True:
        shorter = re.sub(r"\([^()]*\)", "", selector)
        if shorter == selector:
            return selector
        selector = shorter


# -- the palette --------------------------------------------------------------------------

def used_values(palettes: Iterable[Mapping]) -> dict[str, set[str]]:
    """The scheme, primary and accent values of theme.palette (Material's defaults
    where one is not given)."""
    used = {"scheme": set(), "primary": set(), "accent": set()}
    for palette in palettes:
        used["scheme"].add(str(palette.get("scheme") or "default"))
        used["primary"].add(str(palette.get("primary") or "indigo").replace(" ", "-"))
        used["accent"].add(str(palette.get("accent") or "indigo").replace(" ", "-"))
    return used


def palette_filter(used: Mapping[str, set[str]]) -> Callable[[str], bool]:
    def wanted(selector: str) -> bool:
        asked = PALETTE_ATTRIBUTE.findall(required_part(selector))
        return all(value in used[kind] for kind, value in asked)
    return wanted


# -- classes --------------------------------------------------------------------------------

def classes_in_site(site_dir: Path) -> tuple[set[str], tuple[str, ...]]:
    """(every class a page or script of the site can put on an element, the
    prefixes scripts complete)."""
    names: set[str] = set()
    for pattern in SITE_TEXT_FILES:
        for path in Path(site_dir).rglob(pattern):
            text = path.read_text(encoding="utf-8", errors="replace")
            if path.suffix == ".js":
                names.update(SCRIPT_WORD.findall(text))
            for value in CLASS_ATTRIBUTE.findall(text):
                names.update(value.split())
    prefixes = tuple(sorted(name for name in names if name.endswith(("-", "_"))))
    return names, prefixes


def class_filter(names: set[str], prefixes: tuple[str, ...]) -> Callable[[str], bool]:
    def wanted(selector: str) -> bool:
        return all(name in names or name.startswith(prefixes) for name in CLASS.findall(required_part(selector)))
    return wanted



# -- the built site's copies ------------------------------------------------------------------

CUTTING_CODE = Path(__file__).read_text(encoding="utf-8")


def cut_site(site_dir: Path, theme_dirs: Iterable[str], palettes: object, cache: BuildCache, log) -> None:
    """Cut the built site's palette.css (to `palettes`, theme.palette: one mapping
    or a list) and main.css (to the classes of the site) from the theme's copies."""
    palettes = palettes or []
    if isinstance(palettes, Mapping):
        palettes = [palettes]
    theme_dirs = list(theme_dirs)
    if palettes:
        used = used_values(palettes)
        _cut(site_dir, theme_dirs, "palette.*.min.css", palette_filter(used),
             {kind: sorted(v) for kind, v in used.items()}, cache, log)
    names, prefixes = classes_in_site(site_dir)
    _cut(site_dir, theme_dirs, "main.*.min.css", class_filter(names, prefixes), [sorted(names), prefixes], cache, log)


def _cut(site_dir: Path, theme_dirs: list[str], pattern: str, wanted: Callable[[str], bool], what_is_used: object,
         cache: BuildCache, log) -> None:
    for built in Path(site_dir, "assets", "stylesheets").glob(pattern):
        original = theme_copy(theme_dirs, built.name)
        if original is None:
            report.report(log, Finding(
                f"assets/stylesheets/{built.name}", 1, "not found in the theme, so it is served whole",
                "install mkdocs-material at the version requirements.txt pins (make install)", severity="warning"))
            continue
        css = original.read_text(encoding="utf-8")
        key = key_of(CUTTING_CODE, css, what_is_used)
        built.write_bytes(cache.get_or_make(key, lambda: subset(css, wanted).encode("utf-8")))


def theme_copy(theme_dirs: Iterable[str], name: str) -> Path | None:
    """The theme's own copy of a stylesheet (the first of the theme's folders that has it)."""
    for theme_dir in theme_dirs:
        candidate = Path(theme_dir, "assets", "stylesheets", name)
        if candidate.is_file():
            return candidate
    return None
