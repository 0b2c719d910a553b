"""Each language searches only its own pages, from its own index.

static-i18n builds every language in turn and merges all their search
entries into one search/search_index.json. This hook writes instead, after
each language's build, <lang>/search/search_index.json (the default
language's at the site root, English only) with:

- the search settings of that language, from the theme's translations
  (Material's "search.config.*" strings): for Chinese, a separator that
  includes the zero-width space with which Material's plugin joins the words
  jieba segmented, and no trimmer (which would strip Chinese characters);
- locations relative to the language's root, which is where Material's
  browser code resolves them: main.html gives each language's pages that
  root as the "base" of their __config;
- no entry for the English copies shown in place of missing translations
  (page.meta["fov_fallback"]): they are found in the English index.

The glossaries (docs/.translations/<lang>.yml, fov.glossary) are given to
jieba as a user dictionary before any page is indexed, so that their terms
stay whole words: a visitor typing 志願服務 finds it, where jieba alone would
have indexed 志願 and 服務.
"""

from __future__ import annotations

import io
import os

from mkdocs import utils
from mkdocs.plugins import event_priority

from fov import campaign as campaign_layer
from fov import theme_strings
from fov.glossary import jieba_user_dict
from fov.search_index import entries_of, index_json, language_root, search_config, without_pages

SEARCH_PLUGINS = ("material/search", "search")
TRANSLATION_KEYS = ("search.config.lang", "search.config.separator", "search.config.pipeline")


class _State:
    fallback_pages: dict[str, set[str]] = {}  # language -> URLs of its fallback copies
    jieba_saved: tuple[dict, int] | None = None  # jieba's dictionary before the glossaries


def _search_plugin(config):
    for name in SEARCH_PLUGINS:
        plugin = campaign_layer.plugin(config, name)
        if plugin is not None and getattr(plugin, "search_index", None) is not None:
            return plugin
    return None


def _languages(config) -> tuple[list[str], str, str, object]:
    """(languages built, default language, language being built, i18n plugin)."""
    langs = campaign_layer.languages(config)
    return list(langs.built), langs.default, langs.current, campaign_layer.i18n_plugin(config)


@event_priority(-110)  # after static-i18n has set up this language's config
def on_config(config):
    _, _, _, i18n = _languages(config)
    if i18n is None or not i18n.building:
        _State.fallback_pages = {}  # a new site build (static-i18n's first language)
        _add_glossaries_to_jieba(config)
    return config


def _add_glossaries_to_jieba(config) -> None:
    """Every language's glossary words, before any page is indexed. jieba's
    dictionary is global to the process and each word added shifts the
    weights of all: it is restored after the build (`_restore_jieba`), so that
    every build segments from the same dictionary, whatever ran before it."""
    project = campaign_layer.project(config)
    # Chinese glossaries only: jieba segments Chinese; a French or Arabic term in its
    # dictionary would only shift the weights of the Chinese words.
    words = "".join(jieba_user_dict(project, language) for language in project.locales
                    if language.split("-")[0] == "zh")
    if not words:
        return
    import jieba  # Material's search plugin segments Chinese with it

    jieba.initialize()
    if _State.jieba_saved is None:
        _State.jieba_saved = (dict(jieba.dt.FREQ), jieba.dt.total)
    jieba.load_userdict(io.StringIO(words))


def _restore_jieba() -> None:
    if _State.jieba_saved is not None:
        import jieba

        jieba.dt.FREQ, jieba.dt.total = _State.jieba_saved
        _State.jieba_saved = None


def on_build_error(error):
    _restore_jieba()


def on_page_context(context, page, config, nav):
    _, _, language, _ = _languages(config)
    if page.meta.get("fov_fallback") or getattr(page.file, "locale", language) != language:
        _State.fallback_pages.setdefault(language, set()).add(page.url)
    return context


@event_priority(-200)  # after static-i18n's merge of every language's entries
def on_post_build(config):
    languages, default, current, i18n = _languages(config)
    outermost = i18n is None or not i18n.building
    plugin = _search_plugin(config)
    if plugin is not None and plugin.config.enabled:
        entries = plugin.search_index.entries
        # In a language static-i18n builds from within the default one's
        # build, the plugin holds that language's entries only; in the
        # outermost build, run last, every language's: the default
        # language's are those at the root.
        _write(config, default if outermost else current, entries, languages, default, plugin)
        if not outermost:
            _leave_out_of_merge(i18n, entries)
    if outermost:
        _restore_jieba()


def _leave_out_of_merge(i18n, entries) -> None:
    """static-i18n keeps every language's entries to merge them into one index
    at the root once all are built, comparing each entry of the default
    language with every other (a time that grows with the square of the site);
    this hook then writes the default language's own index over it. A
    language's entries, in its own index now, are left out of that merge."""
    kept = getattr(i18n, "search_entries", None)
    if isinstance(kept, list):
        written = {id(entry) for entry in entries}
        kept[:] = [entry for entry in kept if id(entry) not in written]


def _write(config, lang, entries, languages, default, plugin) -> None:
    settings = search_config(_translations(config, lang), plugin.search_index.config["fields"])
    own = without_pages(entries, _State.fallback_pages.get(lang, ()))
    data = index_json(settings, entries_of(lang, own, languages, default))
    path = os.path.join(config.site_dir, language_root(lang, default), "search", "search_index.json")
    utils.write_file(data.encode("utf-8"), path)


def _translations(config, lang) -> dict[str, str]:
    """The theme's search strings for a language (partials/language.html)."""
    theme_language = _theme_language(config, lang)
    return {key: theme_strings.translate(config.theme, theme_language, key) for key in TRANSLATION_KEYS}


def _theme_language(config, lang) -> str:
    return campaign_layer.languages(config).theme_language(lang)
