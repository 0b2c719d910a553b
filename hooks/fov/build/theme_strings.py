"""Material's interface strings outside a page's template: a language's
writing direction, its search settings, for the hooks that need them (social
cards, the PDF, the 404 page, right-to-left hashtags, the search index).

They are read from the theme's partials/language.html (which imports
partials/languages/<language>.html, the theme's overrides first) through one
Jinja environment per theme, kept for the whole process and set up as MkDocs
sets up its own: it shares their compiled templates (fov.build.template_cache), so
no template is compiled for these strings alone. It notices a template edited
since (`mkdocs serve`).
"""

from __future__ import annotations

import jinja2

from fov.build.template_cache import SHARED

LANGUAGE_TEMPLATE = "partials/language.html"

_environments: dict[tuple[str, ...], jinja2.Environment] = {}


def _environment(theme) -> jinja2.Environment:
    folders = tuple(str(folder) for folder in theme.dirs)
    if folders not in _environments:
        environment = theme.get_env()  # MkDocs' own set-up: the compiled templates are shared
        environment.auto_reload = True
        environment.bytecode_cache = SHARED
        _environments[folders] = environment
    return _environments[folders]


def translate(theme, language: str, key: str) -> str:
    """Material's string `key` in `language` (else in English, else the key
    itself, as the theme's templates fall back). `theme`: MkDocs' config.theme."""
    template = _environment(theme).get_template(LANGUAGE_TEMPLATE)
    strings = template.make_module({"config": {"theme": {"language": language}}})
    return str(strings.t(key))


def direction(theme) -> str:
    """"ltr" or "rtl": the theme's `direction` if set, else the one Material's
    strings give the theme's language. `theme`: MkDocs' config.theme."""
    if theme.get("direction"):
        return theme["direction"]
    return translate(theme, theme.get("language") or "en", "direction").strip() or "ltr"
