"""Which language versions of a page really exist, and how to announce them.

A page has a version in a language when it was translated: its source file
is in that language's folder (docs/<lang>/). A page shown in a language from
the English source (static-i18n's fallback) is not a version of its own: it
gets no hreflang link, no og:locale:alternate and no place in the sitemap.

URLs here are site-relative as MkDocs writes them ("", "call/",
"zh-Hant/call/"); `absolute` turns them into the absolute URLs that search
engines and social networks need.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping
from urllib.parse import urljoin

X_DEFAULT = "x-default"


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
