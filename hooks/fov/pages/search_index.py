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

hooks/search_per_language.py writes, after each language's build,
<lang>/search/search_index.json (the default language's at the site root,
English only) with:

- the search settings of that language, from the theme's translations
  (Material's "search.config.*" strings, `TRANSLATION_KEYS`): for Chinese, a
  separator that includes the zero-width space with which Material's plugin
  joins the words jieba segmented, and no trimmer (which would strip Chinese
  characters);
- locations relative to the language's root, which is where Material's
  browser code resolves them: main.html gives each language's pages that
  root as the "base" of their __config;
- no entry for the English copies shown in place of missing translations
  (page.meta["fov_fallback"]): they are found in the English index.

In a language static-i18n builds from within the default one's build, the
search plugin holds that language's entries only; in the outermost build, run
last, every language's: the default language's are those at the root.

The glossaries (docs/.translations/<lang>.yml, fov.translation.glossary) are given to
jieba as a user dictionary before any page is indexed (`JiebaWords`), so that
their terms stay whole words: a visitor typing 志願服務 finds it, where jieba
alone would have indexed 志願 and 服務.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Iterable, Mapping

from fov.data import campaign as campaign_layer

# Keys of the index's "config" that the browser reads (Material's worker).
CONFIG_KEYS = ("lang", "separator", "pipeline", "fields")
# The theme's strings (partials/language.html) that make a language's search settings.
TRANSLATION_KEYS = ("search.config.lang", "search.config.separator", "search.config.pipeline")
SEARCH_PLUGINS = ("material/search", "search")


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




def index_path(site_dir: str, lang: str, default: str) -> Path:
    return Path(site_dir, language_root(lang, default), "search", "search_index.json")


def write_language_index(site_dir: str, lang: str, languages: Iterable[str], default: str, entries: Iterable[dict],
                         left_out: Iterable[str], translations: Mapping[str, str], fields: Mapping) -> None:
    """<lang>/search/search_index.json: the entries of `lang` not on the pages
    `left_out` (its fallback copies), with the language's search settings."""
    own = without_pages(entries, left_out)
    data = index_json(search_config(translations, fields), entries_of(lang, own, languages, default))
    path = index_path(site_dir, lang, default)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8"))


def leave_out_of_merge(kept: object, entries: Iterable[dict]) -> None:
    """static-i18n keeps every language's entries (`kept`, its search_entries) to
    merge them into one index at the root once all are built, comparing each
    entry of the default language with every other (a time that grows with the
    square of the site); the default language's own index is then written over
    it. A language's entries, in its own index now, are left out of that merge."""
    if isinstance(kept, list):
        written = {id(entry) for entry in entries}
        kept[:] = [entry for entry in kept if id(entry) not in written]


def search_plugin(config):
    """Material's search plugin with its index, or None (search disabled or absent)."""
    for name in SEARCH_PLUGINS:
        plugin = campaign_layer.plugin(config, name)
        if plugin is not None and getattr(plugin, "search_index", None) is not None:
            return plugin
    return None


def segmented_languages(locales: Iterable[str]) -> list[str]:
    """The languages whose words jieba segments (Chinese): a French or Arabic
    term in its dictionary would only shift the weights of the Chinese words."""
    return [locale for locale in locales if locale.split("-")[0] == "zh"]


class JiebaWords:
    """Words added to jieba's dictionary for a build. The dictionary is global
    to the process and each word added shifts the weights of all: `restore`
    puts it back after the build, so that every build segments from the same
    dictionary, whatever ran before it."""

    def __init__(self) -> None:
        self.saved: tuple[dict, int] | None = None  # jieba's dictionary before the words

    def add(self, words: str) -> None:
        """Words as a jieba user dictionary ("word tag" per line), before any page is indexed."""
        if not words:
            return
        import jieba  # Material's search plugin segments Chinese with it

        jieba.initialize()
        if self.saved is None:
            self.saved = (dict(jieba.dt.FREQ), jieba.dt.total)
        jieba.load_userdict(io.StringIO(words))

    def restore(self) -> None:
        if self.saved is not None:
            import jieba

            jieba.dt.FREQ, jieba.dt.total = self.saved
            self.saved = None
