"""The one 404.html GitHub Pages serves for every language (overrides/404.html).

MkDocs renders 404.html again in each language's build, over the same file,
so it must not depend on the language being built: this hook gives it every
language at once (`fov_404`): name, site name, home and call page (absolute
paths, as a 404 page is served at any address), and interface strings
(`extra.ui`). The browser shows the language of the requested path
(assets/javascripts/fov.js); without JavaScript the page is English with
links to every language's home.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from mkdocs.plugins import event_priority

from fov import theme_strings
from fov.campaign import campaign, languages
from fov.page_context import current_language

CALL_PAGE = "call/"  # the page of the Call to Action, in every language


class _State:
    site_names: dict[str, str] = {}
    directions: dict[str, str] = {}  # "ltr" or "rtl", from Material's strings


@event_priority(-110)  # after static-i18n has set this language's site_name
def on_config(config):
    lang = current_language(config)
    _State.site_names[lang] = config.site_name
    _State.directions[lang] = theme_strings.direction(config.theme)
    return config


def on_template_context(context, template_name, config):
    if template_name == "404.html":
        context["fov_404"] = _languages(config)
    return context


def _languages(config) -> dict:
    langs, data = languages(config), campaign(config)
    base = urlsplit(config.site_url or "/").path or "/"
    base = base if base.endswith("/") else base + "/"
    codes, default, names = list(langs.built), langs.default, langs.names
    keys = list(dict.fromkeys(key for strings in data.ui.values() for key in strings))
    entries = []
    for code in codes:
        home = base if code == default or default is None else f"{base}{code}/"
        entries.append({
            "code": code,
            "name": names.get(code, code),
            "site_name": _State.site_names.get(code, config.site_name),
            "direction": _State.directions.get(code, "ltr"),
            "home": home,
            "call": home + CALL_PAGE,
            "strings": {key: data.ui_text(langs, code, key) for key in keys},
        })
    return {"base": base, "default": default or codes[0], "languages": entries}
