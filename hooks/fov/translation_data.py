"""Per-language translation data: docs/.translations/<locale>.yml.

Each file holds `strings` (what the site says about translations: notices,
the status page) and `glossary` (the call's terms). The source language's
file defines the glossary entries and their English forms; a translation's
file gives, per entry, the preferred `term`, accepted variants (`also`),
variants to avoid (`avoid`) and phrases that contain an avoided variant but
are right (`allow`, e.g. an official name). A missing string falls back to
the English one.
"""

from __future__ import annotations

import copy
import functools
import html
from dataclasses import dataclass, field
from pathlib import Path

from fov import source_file
from fov.page_context import current_language
from fov.project import Project, load_project


@dataclass(frozen=True)
class Term:
    id: str
    english: tuple[str, ...]  # forms to look for in English text
    term: str = ""  # the preferred translation ("" in the source language)
    also: tuple[str, ...] = ()
    avoid: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()
    note: str = ""
    match_case: bool = False


@dataclass
class LanguageData:
    locale: str
    strings: dict[str, str] = field(default_factory=dict)
    glossary: list[Term] = field(default_factory=list)

    def text(self, key: str, **values) -> str:
        """A string with {placeholders} filled in, HTML-escaped (values are trusted HTML)."""
        template = html.escape(self.strings.get(key, key), quote=False)
        return template.format_map(_KeepUnknown(values))


class _KeepUnknown(dict):
    def __missing__(self, key):
        return "{" + key + "}"


def data_file(project: Project, locale: str) -> Path:
    return project.data_dir / f"{locale}.yml"


def read_file(path: Path) -> dict:
    return copy.deepcopy(_read_shared(path))


def _read_shared(path: Path) -> dict:
    """The file's data, shared between callers (never change it): a build reads
    these files for several hooks in every language's build. A file that is missing
    or does not parse is empty (fov.source_file keeps the problem, at its line)."""
    if not path.is_file():
        return {}
    return _parse(source_file.read_text(path), str(path))


@functools.lru_cache(maxsize=64)
def _parse(text: str, path: str) -> dict:
    data = source_file.read_yaml(path)
    return data if isinstance(data, dict) else {}


def load(project: Project, locale: str) -> LanguageData:
    """A language's data; a string it lacks comes from its base language if the site
    has one (zh-Hant-HK: zh-Hant), else from the source language."""
    source = _read_shared(data_file(project, project.source))
    own = _read_shared(data_file(project, locale)) if locale != project.source else source
    strings = dict(source.get("strings") or {})
    for base in base_languages(locale):
        strings.update(_read_shared(data_file(project, base)).get("strings") or {})
    strings.update(own.get("strings") or {})
    return LanguageData(locale, {k: str(v) for k, v in strings.items()}, _glossary(source, own))


def base_languages(locale: str) -> list[str]:
    parts = locale.split("-")
    return ["-".join(parts[:n]) for n in range(1, len(parts))]


def _glossary(source: dict, own: dict) -> list[Term]:
    translated = own.get("glossary") or {}
    terms = []
    for entry in source.get("glossary") or []:
        mine = translated.get(entry["id"]) if isinstance(translated, dict) else None
        mine = mine if isinstance(mine, dict) else {}
        terms.append(Term(
            id=entry["id"],
            english=tuple(entry.get("en") or ()),
            term=str(mine.get("term") or ""),
            also=tuple(mine.get("also") or ()),
            avoid=tuple(mine.get("avoid") or ()),
            allow=tuple(mine.get("allow") or ()),
            note=str(mine.get("note") or entry.get("note") or ""),
            match_case=bool(entry.get("match_case", False)),
        ))
    return terms


def for_build(config) -> tuple[Project, LanguageData]:
    """What the translation hooks need in each language's build: the project (read
    once, cached by its text) and the data of the language being built."""
    project = load_project(config.config_file_path)
    return project, load(project, current_language(config))
