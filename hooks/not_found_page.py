"""The one 404.html GitHub Pages serves for every language (overrides/404.html,
fov.pages.not_found): each language's build notes its site name and text direction,
and 404.html, rendered again in every build, is given them all (`fov_404`)."""

from __future__ import annotations

from mkdocs.plugins import event_priority

from fov.data.campaign import campaign, languages
from fov.data.page_context import current_language
from fov.pages.not_found import not_found_context


class _State:
    site_names: dict[str, str] = {}
    directions: dict[str, str] = {}  # "ltr" or "rtl" (Languages.direction)


@event_priority(-110)  # after static-i18n has set this language's site_name
def on_config(config):
    lang = current_language(config)
    _State.site_names[lang] = config.site_name
    _State.directions[lang] = languages(config).direction
    return config


def on_template_context(context, template_name, config):
    if template_name == "404.html":
        context["fov_404"] = not_found_context(config.site_url or "", languages(config), campaign(config),
                                               _State.site_names, _State.directions, config.site_name,
                                               config.use_directory_urls)
    return context
