"""Which language versions of a page really exist, and how to announce them.

A page has a version in a language when it was translated: its source file
is in that language's folder (docs/<lang>/). A page shown in a language from
the English source (static-i18n's fallback) is not a version of its own: it
gets no hreflang link, no og:locale:alternate and no place in the sitemap.

URLs here are site-relative as MkDocs writes them ("", "call/",
"zh-Hant/call/"); `absolute` turns them into the absolute URLs that search
engines and social networks need.

hooks/language_versions.py gives the templates:
- pages (main.html): `fov_languages` (`page_languages`) with the absolute
  hreflang links plus x-default (→ the default language), og:locale and
  og:locale:alternate, the language's root (the "base" where its search index
  is), and for the language suggestion the relative URL of each version and
  the interface strings of every language (`ui:` of
  docs/.translations/<language>.yml, as `extra.ui`);
- sitemap.xml (overrides/sitemap.xml): `fov_sitemap` (`sitemap`), one <url>
  per real version with the same alternates.

A page is a fallback copy when its source is another language's file, or
when page.meta["fov_fallback"] is set (the translator workflow's marker).
A language missing from `extra.og_locale` gets its own tag as og:locale; one
missing from `extra.ui` is not suggested (the suggestion speaks the language
it offers).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping
from urllib.parse import urljoin

from mkdocs.utils import get_relative_url

from fov.data.campaign import Campaign, Languages

X_DEFAULT = "x-default"
SUGGESTION_KEYS = ("suggest", "suggest_go", "suggest_dismiss")  # interface strings of the suggestion


@dataclass(frozen=True)
class Version:
    lang: str
    url: str  # site-relative: "" for the home page, "call/", "zh-Hant/call/"


@dataclass(frozen=True)
class SitemapUrl:
    loc: str
    lastmod: str | None
    alternates: list[tuple[str, str]] = field(default_factory=list)  # (hreflang, href)


def site_relative(url: str) -> str:
    """MkDocs writes the root page's URL as "./" or "."; everywhere else it is "a/b/"."""
    return "" if url in ("", ".", "./") else url.lstrip("/")


def absolute(site_url: str, url: str) -> str:
    base = site_url if site_url.endswith("/") else site_url + "/"
    return urljoin(base, site_relative(url))


def real_versions(alternates: Mapping[str, tuple[str, str]], languages: Iterable[str],
                  fallbacks: Iterable[str] = ()) -> list[Version]:
    """The translated versions of a page, in the order of `languages`.

    `alternates` maps each language to (locale of the source file, url) as
    static-i18n knows them; a language whose source is another language's
    file is a fallback copy. `fallbacks` names languages known to show a
    fallback copy for another reason (page.meta["fov_fallback"])."""
    skipped = set(fallbacks)
    versions = []
    for lang in languages:
        if lang in alternates and lang not in skipped:
            source_locale, url = alternates[lang]
            if source_locale == lang:
                versions.append(Version(lang, site_relative(url)))
    return versions


def hreflang_links(versions: list[Version], default: str, site_url: str) -> list[tuple[str, str]]:
    """(hreflang, absolute href) for every real version, then x-default → the
    default language's version; nothing for a page that exists in one language."""
    if len(versions) < 2:
        return []
    links = [(v.lang, absolute(site_url, v.url)) for v in versions]
    default_version = next((v for v in versions if v.lang == default), None)
    if default_version is not None:
        links.append((X_DEFAULT, absolute(site_url, default_version.url)))
    return links


def og_locales(current: str, versions: list[Version], og_locale: Mapping[str, str]) -> tuple[str, list[str]]:
    """og:locale of the page and og:locale:alternate of its other versions."""
    alternates = [og_locale[v.lang] for v in versions if v.lang != current and v.lang in og_locale]
    return og_locale.get(current, current.replace("-", "_")), alternates


def sitemap_urls(pages: Iterable[tuple[str, str, str | None, list[Version]]], default: str,
                 site_url: str) -> list[SitemapUrl]:
    """One <url> per real version of every page.

    `pages` yields (lang, url, lastmod, versions of that page); pages whose
    own language is not among their versions (fallback copies) are left out."""
    urls = []
    for lang, url, lastmod, versions in pages:
        if not any(v.lang == lang and v.url == site_relative(url) for v in versions):
            continue
        urls.append(SitemapUrl(absolute(site_url, url), lastmod,
                               hreflang_links(versions, default, site_url)))
    return urls



# -- MkDocs' pages and files ----------------------------------------------------------------

def alternates_of(file) -> dict[str, tuple[str, str]]:
    """{language: (locale of the source file, url)} as static-i18n knows them."""
    return {lang: (alt.locale, alt.url) for lang, alt in (getattr(file, "alternates", None) or {}).items()}


def page_versions(page, langs: Languages) -> list[Version]:
    """The real versions of a page of the language being built."""
    current = langs.current
    alternates = alternates_of(page.file) or {current: (current, page.url)}
    fallbacks = [current] if page.meta.get("fov_fallback") else []
    return real_versions(alternates, list(langs.built), fallbacks)


def suggestion_strings(campaign: Campaign, lang: str) -> dict[str, str]:
    """A language without its own strings is never suggested: the suggestion
    must speak the language it offers."""
    strings = campaign.ui.get(lang) or {}
    return {key: strings.get(key, "") for key in SUGGESTION_KEYS}


def page_languages(page, langs: Languages, campaign: Campaign, site_url: str, base_url: str) -> dict:
    """`fov_languages` of a page's template context (main.html)."""
    current, default = langs.current, langs.default
    versions = page_versions(page, langs)
    # A fallback copy is in the language of its source file (English).
    content_lang = current if any(v.lang == current for v in versions) else getattr(page.file, "locale", default)
    og_locale, og_alternates = og_locales(content_lang, versions, campaign.og_locale)
    return {
        "current": current,
        "hreflang": hreflang_links(versions, default, site_url),
        "og_locale": og_locale,
        "og_locale_alternates": og_alternates,
        # The page's language root, where its search index is
        # (hooks/search_per_language.py): "../zh-Hant/" from zh-Hant/call/.
        "search_base": base_url.rstrip("/") + "/" + ("" if current == default else f"{current}/"),
        # For the language suggestion (assets/javascripts/fov.js).
        "suggest": {
            "page": current,
            "versions": {
                v.lang: get_relative_url(v.url or ".", page.url or ".") for v in versions if v.lang != current
            },
            "strings": {lang: suggestion_strings(campaign, lang) for lang in langs.built},
        },
    }


def sitemap(files_per_language: Mapping[str, list], langs: Languages, site_url: str) -> list[SitemapUrl]:
    """Every real version of every page built so far (static-i18n's files of
    each language): static-i18n renders sitemap.xml again in each language's
    build, the last one knowing all."""
    languages = list(langs.built)
    built = [
        (lang, file) for lang in languages for file in files_per_language.get(lang, [])
        if file.page is not None and not file.page.is_link
    ]
    flagged = {(lang, site_relative(file.url)) for lang, file in built if (file.page.meta or {}).get("fov_fallback")}
    pages = []
    for lang, file in built:
        alternates = alternates_of(file) or {lang: (lang, file.url)}
        fallbacks = [alt for alt, (_, url) in alternates.items() if (alt, site_relative(url)) in flagged]
        pages.append((lang, file.url, file.page.update_date, real_versions(alternates, languages, fallbacks)))
    return sitemap_urls(pages, langs.default, site_url)
