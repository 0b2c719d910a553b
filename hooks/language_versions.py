"""Tell search engines, social networks and visitors which language versions
of a page exist (fov.pages.language_versions): only real translations, never the
English copies static-i18n shows in place of a missing translation. Gives
pages `fov_languages` (hreflang, og:locale, search base, the language
suggestion) and sitemap.xml `fov_sitemap`."""

from __future__ import annotations

from fov.data.campaign import campaign, i18n_plugin, languages
from fov.pages.language_versions import page_languages, sitemap


def on_page_context(context, page, config, nav):
    context["fov_languages"] = page_languages(page, languages(config), campaign(config),
                                              config.site_url or "", context["base_url"])
    return context


def on_template_context(context, template_name, config):
    if template_name == "sitemap.xml":
        files_per_language = getattr(i18n_plugin(config), "i18n_files_per_language", None) or {}
        context["fov_sitemap"] = sitemap(files_per_language, languages(config), config.site_url or "")
    return context
