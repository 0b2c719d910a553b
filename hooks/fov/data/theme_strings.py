"""Material's interface strings outside a page's template: a language's
writing direction (for the campaign layer's `Languages.direction`: social cards,
the PDF, the 404 page, right-to-left hashtags) and its search settings (the
search index).

They are read from the theme's partials/language.html (which imports
partials/languages/<language>.html, the theme's overrides first) through one
Jinja environment per theme, kept for the whole process and set up as MkDocs
sets up its own: it shares their compiled templates (fov.base.template_cache), so
no template is compiled for these strings alone. It notices a template edited
since (`mkdocs serve`).
"""

from __future__ import annotations

import jinja2

from fov.base.template_cache import SHARED

LANGUAGE_TEMPLATE = "partials/language.html"

_environments: dict[tuple[str, ...], jinja2.Environment] = {}
_directions: dict[tuple[tuple[str, ...], str], str] = {}


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
    strings give the theme's language. `theme`: MkDocs' config.theme. Worked out
    once per theme folders and language (fov.data.campaign.languages asks on every
    page); `forget()` at each build's configuration notices an edited template."""
    if theme.get("direction"):
        return theme["direction"]
    language = theme.get("language") or "en"
    key = (tuple(str(folder) for folder in theme.dirs), language)
    if key not in _directions:
        _directions[key] = translate(theme, language, "direction").strip() or "ltr"
    return _directions[key]


def forget() -> None:
    """Work the directions out again (each build's on_config: `mkdocs serve` rebuilds)."""
    _directions.clear()
