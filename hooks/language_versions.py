"""Tell search engines, social networks and visitors which language versions
of a page exist (fov.language_versions): only real translations, never the
English copies static-i18n shows in place of a missing translation.

Gives the templates:
- pages (main.html): `fov_languages` with the absolute hreflang links plus
  x-default (→ the default language), og:locale and og:locale:alternate, the
  language's root (the "base" where its search index is), and for the
  language suggestion the relative URL of each version and the interface
  strings of every language (`ui:` of docs/.translations/<language>.yml, as `extra.ui`);
- sitemap.xml (overrides/sitemap.xml): `fov_sitemap`, one <url> per real
  version with the same alternates.

A page is a fallback copy when its source is another language's file, or
when page.meta["fov_fallback"] is set (the translator workflow's marker).
A language missing from `extra.og_locale` gets its own tag as og:locale; one
missing from `extra.ui` is not suggested (the suggestion speaks the language
it offers).
"""

from __future__ import annotations

from mkdocs.utils import get_relative_url

from fov.campaign import campaign, i18n_plugin, languages
from fov.language_versions import hreflang_links, og_locales, real_versions, site_relative, sitemap_urls


def _languages(config) -> tuple[list[str], str, str]:
    """(languages built, default language, language being built)."""
    langs = languages(config)
    return list(langs.built), langs.default, langs.current


def _alternates(file) -> dict[str, tuple[str, str]]:
    return {lang: (alt.locale, alt.url) for lang, alt in (getattr(file, "alternates", None) or {}).items()}


def _page_versions(page, config):
    languages, _, current = _languages(config)
    alternates = _alternates(page.file) or {current: (current, page.url)}
    fallbacks = [current] if page.meta.get("fov_fallback") else []
    return real_versions(alternates, languages, fallbacks)


def on_page_context(context, page, config, nav):
    languages, default, current = _languages(config)
    versions = _page_versions(page, config)
    # A fallback copy is in the language of its source file (English).
    content_lang = current if any(v.lang == current for v in versions) else getattr(page.file, "locale", default)
    og_locale, og_alternates = og_locales(content_lang, versions, campaign(config).og_locale)
    context["fov_languages"] = {
        "current": current,
        "hreflang": hreflang_links(versions, default, config.site_url or ""),
        "og_locale": og_locale,
        "og_locale_alternates": og_alternates,
        # The page's language root, where its search index is
        # (hooks/search_per_language.py): "../zh-Hant/" from zh-Hant/call/.
        "search_base": context["base_url"].rstrip("/") + "/" + ("" if current == default else f"{current}/"),
        # For the language suggestion (assets/javascripts/fov.js).
        "suggest": {
            "page": current,
            "versions": {
                v.lang: get_relative_url(v.url or ".", page.url or ".") for v in versions if v.lang != current
            },
            "strings": {lang: _suggestion_strings(config, lang) for lang in languages},
        },
    }
    return context


def _suggestion_strings(config, lang) -> dict[str, str]:
    """A language without its own strings is never suggested: the suggestion
    must speak the language it offers."""
    strings = campaign(config).ui.get(lang) or {}
    return {key: strings.get(key, "") for key in ("suggest", "suggest_go", "suggest_dismiss")}


def on_template_context(context, template_name, config):
    if template_name == "sitemap.xml":
        context["fov_sitemap"] = _sitemap(config)
    return context


def _sitemap(config):
    """Every real version of every page built so far: static-i18n renders
    sitemap.xml again in each language's build, the last one knowing all."""
    languages, default, _ = _languages(config)
    files_per_language = getattr(i18n_plugin(config), "i18n_files_per_language", None) or {}
    built = [
        (lang, file) for lang in languages for file in files_per_language.get(lang, [])
        if file.page is not None and not file.page.is_link
    ]
    flagged = {(lang, site_relative(file.url)) for lang, file in built if (file.page.meta or {}).get("fov_fallback")}
    pages = []
    for lang, file in built:
        alternates = _alternates(file) or {lang: (lang, file.url)}
        fallbacks = [alt for alt, (_, url) in alternates.items() if (alt, site_relative(url)) in flagged]
        pages.append((lang, file.url, file.page.update_date, real_versions(alternates, languages, fallbacks)))
    return sitemap_urls(pages, default, config.site_url or "")
