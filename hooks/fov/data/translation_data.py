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
import re
from dataclasses import dataclass, field
from pathlib import Path

from fov.base import source_file
from fov.base.findings import Problem
from fov.data.campaign import project as project_of
from fov.data.page_context import current_language
from fov.data.project import Project


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


@dataclass(frozen=True)
class Name:
    """A name or term that is a fact (an organisation, a declaration, a UN title):
    `name` is how this language writes it; `wrong` forms must never stand in for
    it (a `wrong` form inside `name` itself, or inside an `allow` phrase, is fine)."""
    id: str
    name: str
    wrong: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()
    source: str = ""  # where the name comes from (the call, a UN document)


@dataclass
class LanguageData:
    locale: str
    strings: dict[str, str] = field(default_factory=dict)
    glossary: list[Term] = field(default_factory=list)
    # Phrases that speak of the International Volunteer Year 2026 as still to come.
    still_to_come: tuple[str, ...] = ()
    names: list[Name] = field(default_factory=list)
    file: str = ""  # the language's file, from the repository's root (docs/.translations/<locale>.yml)

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
    or does not parse is empty; fov.base.source_file keeps what is wrong, at its line."""
    if not path.is_file():
        return {}
    data, not_yaml, shape = _parse(source_file.read_text(path))
    source_file.keep(path, "yaml", not_yaml)
    source_file.keep(path, "shape", shape)
    return data


@functools.lru_cache(maxsize=64)
def _parse(text: str) -> tuple[dict, tuple[Problem, ...], tuple[Problem, ...]]:
    """(the data, the YAML error, the parts of the wrong shape)."""
    data, problem = source_file.parse_yaml(text)
    if problem is not None:
        return {}, (problem,), ()
    if data is None:  # an empty file
        return {}, (), ()
    data, problems = checked(data, text)
    return data, (), tuple(problems)


# The sections of a language's words outside its pages (fov.data.language_files), each a
# list of 'key: text' lines.
WORD_SECTIONS = ("site", "nav", "ui", "share", "stakeholders", "actions", "call_pdf")


def _word_section_problems(data: dict, kept: dict, section: str, line_of) -> list[Problem]:
    value = data.get(section)
    if value is None:
        return []
    fix = (f"write each word on its own line under '{section}:', indented by two spaces: "
           f"'  key: text', as docs/.translations/en.yml does")
    if not isinstance(value, dict):
        kept[section] = {}
        return [Problem(what=f"'{section}:' is not a list of 'key: text' lines", fix=fix, line=line_of(section))]
    start = line_of(section)
    wrong = [key for key, text in value.items() if isinstance(text, (dict, list))]
    kept[section] = {key: text for key, text in value.items() if key not in wrong}
    return [Problem(what=f"'{section}.{key}' is not a text on one line", line=line_of(key, start),
                    fix=f'write the text after the colon on the same line, in double quotes if it contains ": ": '
                    f'{key}: "..."') for key in wrong]


def checked(data, text: str) -> tuple[dict, list[Problem]]:
    """The parts of a data file that have the expected shape, and a problem (at its line)
    for each part that has not; those parts are left out (the English is used instead)."""
    lines = text.split("\n")

    def line_of(key: str, after: int = 0) -> int:
        pattern = re.compile(rf"^\s*-?\s*{re.escape(str(key))}\s*:")
        return next((n for n, line in enumerate(lines, 1) if n > after and pattern.match(line)), after or 1)

    if not isinstance(data, dict):
        return {}, [Problem(what="the file is not a list of 'key: value' lines",
                            fix="start it with 'strings:' and 'glossary:', as docs/.translations/en.yml does",
                            line=1)]
    problems, kept = [], dict(data)
    strings = data.get("strings")
    if strings is not None and not isinstance(strings, dict):
        problems.append(Problem(what="'strings:' is not a list of 'key: text' lines", line=line_of("strings"),
                                fix="write each string on its own line under 'strings:', indented by two "
                                "spaces: '  fallback_title: ...'"))
        kept["strings"] = {}
    elif strings:
        start = line_of("strings")
        for key, value in list(strings.items()):
            if isinstance(value, (dict, list)):
                problems.append(Problem(
                    what=f"the string '{key}' is not a text on one line", line=line_of(key, start),
                    fix=f'write the text after the colon on the same line, in double quotes if it contains '
                    f'": " or starts with a special character: {key}: "..."'))
                kept["strings"] = {k: v for k, v in kept.get("strings", strings).items() if k != key}
    for section in WORD_SECTIONS:
        problems += _word_section_problems(data, kept, section, line_of)
    glossary = data.get("glossary")
    if isinstance(glossary, list):
        good = [e for e in glossary if isinstance(e, dict) and e.get("id")]
        if len(good) < len(glossary):
            problems.append(Problem(
                what="a glossary entry has no 'id:'", line=line_of("glossary"),
                fix="begin each entry under 'glossary:' with '- id: the-term', then its 'en:' forms"))
        kept["glossary"] = good
    elif glossary is not None and not isinstance(glossary, dict):
        problems.append(Problem(
            what="'glossary:' is not a list of terms", line=line_of("glossary"),
            fix="under 'glossary:', write each term's id, then its 'term:', indented by two spaces"))
        kept["glossary"] = {}
    return kept, problems


def load(project: Project, locale: str) -> LanguageData:
    """A language's data; a string it lacks comes from its base language if the site
    has one (zh-Hant-HK: zh-Hant), else from the source language."""
    source = _read_shared(data_file(project, project.source))
    own = _read_shared(data_file(project, locale)) if locale != project.source else source
    strings = dict(source.get("strings") or {})
    for base in base_languages(locale):
        strings.update(_read_shared(data_file(project, base)).get("strings") or {})
    strings.update(own.get("strings") or {})
    path = data_file(project, locale)
    return LanguageData(locale, {k: str(v) for k, v in strings.items()}, _glossary(source, own),
                        tuple(str(p) for p in own.get("still_to_come") or ()), _names(own),
                        file=project.shown(path))


def _names(own: dict) -> list[Name]:
    entries = own.get("names") or {}
    if not isinstance(entries, dict):
        return []
    return [Name(id=str(key), name=str(entry.get("name") or ""),
                 wrong=tuple(str(w) for w in entry.get("wrong") or ()),
                 allow=tuple(str(a) for a in entry.get("allow") or ()),
                 source=str(entry.get("source") or ""))
            for key, entry in entries.items() if isinstance(entry, dict)]


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
            english=_forms(entry.get("en")),
            term=str(mine.get("term") or ""),
            also=_forms(mine.get("also")),
            avoid=_forms(mine.get("avoid")),
            allow=_forms(mine.get("allow")),
            note=str(mine.get("note") or entry.get("note") or ""),
            match_case=bool(entry.get("match_case", False)),
        ))
    return terms


def _forms(value) -> tuple[str, ...]:
    """A list of forms; one form written without the list is one form, not its letters."""
    if isinstance(value, (list, tuple)):
        return tuple(str(v) for v in value if v is not None)
    return (str(value),) if value not in (None, "") else ()


def for_build(config) -> tuple[Project, LanguageData]:
    """What the translation hooks need in each language's build: the project (from
    the loaded configuration, fov.data.campaign) and the data of the language being built.
    Read once per configuration and language (three hooks ask at each language's start;
    `mkdocs serve` loads a new configuration for every rebuild)."""
    language = current_language(config)
    kept = _for_build.get(id(config))
    if kept is None or kept[0] is not config or kept[1] != language:  # kept[0]: the id is not another's
        _for_build.clear()
        project = project_of(config)
        kept = _for_build[id(config)] = (config, language, (project, load(project, language)))
    return kept[2]


_for_build: dict[int, tuple] = {}
