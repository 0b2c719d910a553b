"""One search index per language.

Material's search plugin (with static-i18n) writes a single
search/search_index.json holding every language. Here each language gets its
own, at <lang>/search/search_index.json (the default language at the site
root), with locations relative to that language's root, so that a visitor
downloads and searches only the pages of the language they read.

A language's index leaves out the English copies static-i18n shows in place
of missing translations: they are searched in English, where they belong.

The index format is Material's: {"config": {...}, "docs": [{"location",
"title", "text", ...}]}.
"""

from __future__ import annotations

import json
from typing import Iterable, Mapping

# Keys of the index's "config" that the browser reads (Material's worker).
CONFIG_KEYS = ("lang", "separator", "pipeline", "fields")


def language_root(lang: str, default: str) -> str:
    """Where a language lives in the site: "" for the default, "zh-Hant/" else."""
    return "" if lang == default else f"{lang}/"


def language_of(location: str, languages: Iterable[str], default: str) -> str:
    for lang in languages:
        if lang != default and (location == lang or location.startswith(f"{lang}/")):
            return lang
    return default


def relative_to_language(location: str, lang: str, default: str) -> str:
    """'zh-Hant/call/#x' → 'call/#x' (the browser resolves it against the
    language's root)."""
    root = language_root(lang, default)
    if root and (location + "/").startswith(root):
        return location[len(root):]
    return location


def entries_of(lang: str, entries: Iterable[dict], languages: Iterable[str], default: str) -> list[dict]:
    """The entries of one language, with locations relative to its root."""
    languages = list(languages)
    return [
        {**entry, "location": relative_to_language(entry["location"], lang, default)}
        for entry in entries
        if language_of(entry["location"], languages, default) == lang
    ]


def without_pages(entries: Iterable[dict], page_urls: Iterable[str]) -> list[dict]:
    """The entries not on the given pages (site-relative URLs, as in the
    entries' locations before any "#section")."""
    left_out = set(page_urls)
    return [entry for entry in entries if entry["location"].split("#", 1)[0] not in left_out]


def search_config(translations: Mapping[str, str], fields: Mapping) -> dict:
    """The index config for a language from the theme's translation strings
    ("search.config.lang", ".separator", ".pipeline"), as Material derives them
    for a single-language site."""
    pipeline = [p.strip() for p in translations["search.config.pipeline"].split(",") if p.strip()]
    return {
        "lang": [translations["search.config.lang"]],
        "separator": translations["search.config.separator"],
        "pipeline": pipeline,
        "fields": dict(fields),
    }


def index_json(config: Mapping, entries: list[dict]) -> str:
    """Serialised as Material's plugin does (compact), but as UTF-8 rather than
    \\u escapes: half the bytes for Chinese text."""
    data = {"config": {key: config[key] for key in CONFIG_KEYS}, "docs": entries}
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False, default=str)

