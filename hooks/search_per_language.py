"""Each language searches only its own pages, from its own index
(fov.pages.search_index): <lang>/search/search_index.json, written after each
language's build with that language's search settings, without the English
copies shown in place of missing translations; the glossaries' terms are
whole words for jieba (Chinese)."""

from __future__ import annotations

from mkdocs.plugins import event_priority

from fov.data import campaign as campaign_layer, theme_strings
from fov.pages import search_index
from fov.translation.glossary import jieba_user_dict


class _State:
    fallback_pages: dict[str, set[str]] = {}  # language -> URLs of its fallback copies
    jieba = search_index.JiebaWords()  # jieba's dictionary, restored after the build


@event_priority(-110)  # after static-i18n has set up this language's config
def on_config(config):
    if campaign_layer.languages(config).top_level:
        _State.fallback_pages = {}  # a new site build (static-i18n's first language)
        project = campaign_layer.project(config)
        _State.jieba.add("".join(jieba_user_dict(project, language)
                                 for language in search_index.segmented_languages(project.locales)))
    return config


def on_build_error(error):
    _State.jieba.restore()


def on_page_context(context, page, config, nav):
    language = campaign_layer.languages(config).current
    if page.meta.get("fov_fallback") or getattr(page.file, "locale", language) != language:
        _State.fallback_pages.setdefault(language, set()).add(page.url)
    return context


@event_priority(-200)  # after static-i18n's merge of every language's entries
def on_post_build(config):
    langs = campaign_layer.languages(config)
    plugin = search_index.search_plugin(config)
    if plugin is not None and plugin.config.enabled:
        lang = langs.default if langs.top_level else langs.current  # the outermost build holds all
        theme_language = langs.theme_language(lang)
        translations = {key: theme_strings.translate(config.theme, theme_language, key)
                        for key in search_index.TRANSLATION_KEYS}
        entries = plugin.search_index.entries
        search_index.write_language_index(config.site_dir, lang, langs.built, langs.default, entries,
                                          _State.fallback_pages.get(lang, ()), translations,
                                          plugin.search_index.config["fields"])
        if not langs.top_level:
            search_index.leave_out_of_merge(getattr(campaign_layer.i18n_plugin(config), "search_entries", None),
                                            entries)
    if langs.top_level:
        _State.jieba.restore()
