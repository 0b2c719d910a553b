"""The campaign layer: the one place that reads MkDocs' configuration for the
campaign's data (`extra.campaign`, with each language's words filled in by
fov.data.language_files) and its languages (static-i18n's plugin).

Hooks ask `campaign(config)` and `languages(config)` and get plain, typed
values, each with one rule for lookup and fallback:

- a language's word (`Campaign.word`): the language's own, else the source
  language's, else "";
- the languages (`Languages`): every language configured, those built in this
  run (the first built first), the default (the folder-less one), the one being
  built, the source translations are made from, and a page language's fallback
  (its own, then the source).

The campaign data is read once per build: `campaign(config)` builds it on the
first call for a configuration and returns the same value after (static-i18n
builds every language from the same configuration). No other hook or module
reads `config.extra` or `config.plugins` (tests/test_campaign_layer.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from pathlib import Path

from fov.data import theme_strings
from fov.data.hashtags import HashtagRegistry
from fov.data.urls import LinkPolicy

# The page "What the call asks of you" when extra.campaign names none.
DEFAULT_STAKEHOLDER_PAGE = "stakeholders.md"


@dataclass(frozen=True)
class Languages:
    all: tuple[str, ...]  # every configured language, in mkdocs.yml's order
    built: tuple[str, ...]  # the languages this run builds, the first built first
    default: str  # the language at the site's root
    current: str  # the language being built
    source: str  # the language translations are made from
    top_level: bool = True  # False while static-i18n builds the other languages
    preview: str | None = None  # the one language of a preview (build_only_locale)
    names: Mapping[str, str] = field(default_factory=dict)  # {locale: the language's name in itself}
    themes: Mapping[str, str] = field(default_factory=dict)  # {locale: Material's language for it}
    direction: str = "ltr"  # the writing direction of the language being built ("ltr" or "rtl")

    def theme_language(self, locale: str) -> str:
        return self.themes.get(locale) or locale

    def fallback(self, locale: str) -> tuple[str, ...]:
        """Where a language's missing words and pages come from, in order."""
        return tuple(dict.fromkeys((locale, self.source, self.default)))


@dataclass(frozen=True)
class Campaign:
    data: Mapping[str, Any]  # extra.campaign as configured (words filled in)
    organisations: tuple[Mapping[str, Any], ...]
    sign_up: tuple[str, ...]
    documents: tuple[Mapping[str, Any], ...]
    hashtags: HashtagRegistry
    hashtag_entries: tuple[Mapping[str, Any], ...]
    link_policy: LinkPolicy
    share: tuple[Mapping[str, Any], ...]  # the share networks under every page
    share_snippets: Mapping[str, Any]
    stakeholders: Mapping[str, Mapping[str, Any]]
    stakeholder_page: str
    call_pdf: Mapping[str, Any]
    call_page: str  # the call's own page (the 404 page links it): call_page, else call_pdf's first page
    ui: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # {locale: {key: text}}
    og_locale: Mapping[str, str] = field(default_factory=dict)

    def word(self, per_language: Mapping[str, Any] | None, languages: Languages, locale: str) -> Any:
        """The one rule: the language's own, else its fallback's, else ""."""
        for candidate in languages.fallback(locale):
            value = (per_language or {}).get(candidate)
            if value:
                return value
        return ""

    def ui_text(self, languages: Languages, locale: str, key: str) -> str:
        return self.word({loc: strings.get(key) for loc, strings in self.ui.items() if strings}, languages, locale)

    def hashtags_for(self, locale: str) -> tuple[str, ...]:
        return tuple(tag.tag for tag in self.hashtags.for_language(locale))


def from_extra(extra: Mapping[str, Any] | None) -> Campaign:
    """The campaign of an `extra` mapping (MkDocs' config.extra, or a test's data)."""
    extra = extra or {}
    data = extra.get("campaign") if isinstance(extra.get("campaign"), Mapping) else {}
    hashtags = tuple(data.get("hashtags") or ())
    return Campaign(
        data=data,
        organisations=tuple(data.get("organisations") or ()),
        sign_up=tuple(data.get("sign_up") or ()),
        documents=tuple(data.get("documents") or ()),
        hashtags=HashtagRegistry.from_campaign({"hashtags": list(hashtags)}),
        hashtag_entries=hashtags,
        link_policy=LinkPolicy.from_campaign(data),
        share=tuple(data.get("share") or ()),
        share_snippets=data.get("share_snippets") or {},
        stakeholders=data.get("stakeholders") or {},
        stakeholder_page=data.get("stakeholder_page") or DEFAULT_STAKEHOLDER_PAGE,
        call_pdf=data.get("call_pdf") or {},
        call_page=str(data.get("call_page") or next(iter((data.get("call_pdf") or {}).get("pages") or []), "")),
        ui=extra.get("ui") or {},
        og_locale=extra.get("og_locale") or {},
    )


_cache: dict[str, Any] = {"config": None, "campaign": None}


def campaign(config) -> Campaign:
    """The campaign of this configuration, read once per build."""
    if _cache["config"] is not config:
        _cache["config"], _cache["campaign"] = config, from_extra(config.extra)
    return _cache["campaign"]


def reload(config) -> Campaign:
    """Read the campaign again (after fov.data.language_files has filled in the words)."""
    _cache["config"] = None
    return campaign(config)


def prepare(config) -> Campaign:
    """At on_config (once per language, idempotent): each language's words from
    docs/.translations/<language>.yml (fov.data.language_files) handed to static-i18n
    (its site_name, site_description, copyright, nav_translations, read in its own
    on_config) and to the templates (the per-language maps under `extra`); the
    campaign then read anew."""
    from fov.data import language_files  # which reads data files through fov.data.page_context, which asks here
    from fov.data.project import DATA_DIR

    theme_strings.forget()
    _languages_read.clear()  # each build's configuration: `mkdocs serve` rebuilds
    settings = i18n_languages(config)
    langs = languages(config)
    locales = [lang.locale for lang in settings] or [langs.current]
    source = langs.source
    words = language_files.load(Path(config.docs_dir) / DATA_DIR, locales, source)
    for lang in settings:
        for option, value in language_files.i18n_options(words[lang.locale]).items():
            lang[option] = value
    language_files.fill_extra(config.extra, words)
    return reload(config)


def project(config):
    """The project as the translation tools see it (fov.data.project.Project), from the
    loaded configuration: mkdocs.yml is not read again."""
    from pathlib import Path as _Path

    from fov.data.project import Language, nav_files, nav_titles, Project

    langs = languages(config)
    settings = i18n_languages(config)
    listed = [Language(lang.locale, lang.name, lang.build) for lang in settings] or [Language(langs.current, langs.current)]
    listed.sort(key=lambda lang: lang.locale != langs.source)
    nav = config.nav or []
    return Project(
        config_file=_Path(config.config_file_path or "mkdocs.yml").resolve(),
        docs_dir=_Path(config.docs_dir).resolve(),
        source=langs.source,
        languages=listed,
        repo_url=str(config.repo_url or ""),
        edit_uri=str(config.edit_uri or ""),
        nav_pages=list(nav_files(nav)),
        nav_titles=list(dict.fromkeys(nav_titles(nav))),
        use_directory_urls=bool(config.use_directory_urls),
        custom_dir=str(getattr(getattr(config, "theme", None), "custom_dir", None) or "overrides"),
        extra=config.extra,
    )


def plugin(config, name: str):
    """A plugin MkDocs loaded (search, i18n), or None: for build plumbing that works
    with a plugin's own state."""
    plugins = getattr(config, "plugins", None)
    return plugins.get(name) if plugins is not None else None


def i18n_plugin(config):
    """static-i18n's plugin, or None for a site without it."""
    return plugin(config, "i18n")


def i18n_languages(config) -> list:
    """static-i18n's language settings (each an I18nPluginLanguage), in mkdocs.yml's order."""
    return list(getattr(getattr(i18n_plugin(config), "config", None), "languages", None) or [])


def languages(config) -> Languages:
    """The languages of this configuration as static-i18n stands now (which one it
    builds, whether it is building the others): read once per state, since every
    hook asks on every page."""
    i18n = i18n_plugin(config)
    theme = getattr(config, "theme", None)
    state = (getattr(i18n, "current_language", None), getattr(i18n, "building", False),
             tuple(getattr(i18n, "build_languages", None) or ()), getattr(i18n, "default_language", None),
             *((theme.get("language"), theme.get("direction")) if theme is not None else (None, None)))
    kept = _languages_read.get(id(config))
    if kept is None or kept[0] is not config or kept[1] != state:  # kept[0]: the id is not another's
        if len(_languages_read) > 16:
            _languages_read.clear()
        kept = _languages_read[id(config)] = (config, state, _read_languages(config, i18n))
    return kept[2]


_languages_read: dict[int, tuple[Any, tuple, Languages]] = {}


def _read_languages(config, i18n) -> Languages:
    theme_language = config.theme.get("language", "en") if getattr(config, "theme", None) else "en"
    current = getattr(i18n, "current_language", None) or theme_language
    configured = tuple(lang.locale for lang in i18n_languages(config)) or (current,)
    default = getattr(i18n, "default_language", None) or current
    options = getattr(i18n, "config", None)
    preview = getattr(options, "build_only_locale", None) if options is not None else None
    # In a one-language preview static-i18n makes the previewed language the
    # default; the source is then the first language listed.
    source = configured[0] if preview else default
    settings = i18n_languages(config)
    return Languages(
        names={lang.locale: lang.name for lang in settings},
        themes={lang.locale: (lang.get("theme") or {}).get("language") or lang.locale for lang in settings}
        or {current: theme_language},
        all=configured,
        built=tuple(getattr(i18n, "build_languages", None) or (current,)),
        default=default,
        current=current,
        source=source,
        top_level=not getattr(i18n, "building", False),
        preview=preview,
        direction=_direction(getattr(config, "theme", None)),
    )


def _direction(theme) -> str:
    """The one rule for a language's direction: the theme's `direction`, else Material's
    strings for the theme's language (fov.data.theme_strings)."""
    if not hasattr(theme, "dirs"):  # a test's plain configuration
        get = getattr(theme, "get", None)
        return (get("direction") if get else None) or "ltr"
    return theme_strings.direction(theme)
