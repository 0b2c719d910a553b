"""What the validating hooks ask of MkDocs' objects, in one place (duck-typed:
this module imports nothing from MkDocs).

static-i18n builds the default language first, then, from that build's
on_post_build, each other language in turn, calling every hook again. A page
of another language's build whose file is the English one is a fallback
(the English page served where no translation exists): it was checked in the
English build already.
"""

from __future__ import annotations

import os

from fov.base import report
from fov.base.source_map import SourceMap
from fov.data.campaign import languages

_sources: dict[tuple[str, float], SourceMap] = {}


def current_language(config) -> str:
    return languages(config).current


def default_language(config) -> str:
    return languages(config).default


def source_language(config) -> str:
    """The language translations are made from (English). In a one-language
    preview (static-i18n's build_only_locale) static-i18n makes the previewed
    language the default; the source is then the first language listed."""
    return languages(config).source


def all_languages(config) -> list[str]:
    """Every language of the site (static-i18n's `languages`), built or not."""
    return list(languages(config).all)


def languages_to_build(config) -> list[str]:
    """The languages static-i18n builds, in order (the first is built first)."""
    return list(languages(config).built)


def is_top_level_build(config) -> bool:
    """False while static-i18n builds the other languages from the first build."""
    return languages(config).top_level


def page_language(page, config) -> str:
    return getattr(page.file, "locale", None) or current_language(config)


def is_fallback(page, config) -> bool:
    return page_language(page, config) != current_language(config)


def language_free_uri(file) -> str:
    """take-action.md for en/take-action.md and zh-Hant/take-action.md."""
    return getattr(file, "norm_src_uri", None) or file.src_uri


def repository_root(config) -> str:
    return os.path.dirname(os.path.abspath(config.config_file_path or "mkdocs.yml"))


def repo_path(file, config) -> str:
    """The file's path from the repository root (docs/zh-Hant/call.md)."""
    if not file.abs_src_path:
        return file.src_uri
    return os.path.relpath(file.abs_src_path, repository_root(config)).replace(os.sep, "/")


def source_map(file, config) -> SourceMap:
    """The file's Markdown as written, for finding lines (read once per version)."""
    path = file.abs_src_path or file.src_uri
    key = (path, os.path.getmtime(path) if file.abs_src_path else 0.0)
    if key not in _sources:
        if len(_sources) > 256:
            _sources.clear()
        _sources[key] = SourceMap(file.content_string, repo_path(file, config))
    return _sources[key]


def report_problems(log, problems, file, config) -> None:
    if not problems:
        return
    source = source_map(file, config)
    for problem in problems:
        report.report(log, source.locate(problem))
