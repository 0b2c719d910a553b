"""Material's interface strings outside a page's template: a language's
writing direction, its search settings, for the hooks that need them (social
cards, the PDF, the 404 page, right-to-left hashtags, the search index).

They are read from the theme's partials/language.html (which imports
partials/languages/<language>.html, the theme's overrides first) through one
Jinja environment per set of theme folders, kept for the whole process: each
template is compiled once, not once per hook and per language build. Jinja
notices a template edited since (`mkdocs serve`).
"""

from __future__ import annotations

import functools

import jinja2

LANGUAGE_TEMPLATE = "partials/language.html"


@functools.lru_cache(maxsize=8)
def _environment(folders: tuple[str, ...]) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(list(folders)))


def translate(theme_folders, language: str, key: str) -> str:
    """Material's string `key` in `language` (else in English, else the key
    itself, as the theme's templates fall back)."""
    template = _environment(tuple(str(folder) for folder in theme_folders)).get_template(LANGUAGE_TEMPLATE)
    strings = template.make_module({"config": {"theme": {"language": language}}})
    return str(strings.t(key))


def direction(theme) -> str:
    """"ltr" or "rtl": the theme's `direction` if set, else the one Material's
    strings give the theme's language. `theme`: MkDocs' config.theme."""
    if theme.get("direction"):
        return theme["direction"]
    return translate(theme.dirs, theme.get("language") or "en", "direction").strip() or "ltr"
