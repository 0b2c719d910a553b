"""Which of a language's interface strings, the site's words outside its
pages, are still to translate, each with the file and line to edit.

They all live in the language's own file, `docs/.translations/<locale>.yml`
(fov.data.language_files), and a language added with `add-locale` starts with each
of them in English (written there as comments, to translate): a key of the
source language's `site`, `nav` (the nav's titles), `ui`, `share`,
`stakeholders`, `actions`, `call_pdf` or `strings` that the language (or, for
`strings`, its base language) does not have is still in English.

`untranslated` feeds the status command and the /translations/ page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from fov.base import source_file
from fov.data.language_files import line_in_section, NOT_WORDS, SECTIONS
from fov.data.project import Project
from fov.data.translation_data import base_languages, data_file, read_file


@dataclass(frozen=True)
class Untranslated:
    path: Path
    line: int  # 1-based
    what: str  # where in the file, e.g. "ui.suggest" or "strings.fallback_title"
    strings: int  # how many strings it holds

    def file(self, root: Path) -> str:
        """The file, relative to the project's root where it is inside it."""
        return str(self.path.relative_to(root)) if self.path.is_relative_to(root) else str(self.path)

    def location(self, root: Path) -> str:
        return f"{self.file(root)}:{self.line}"


def untranslated(project: Project, locales: list[str]) -> dict[str, list[Untranslated]]:
    """{locale: its interface strings still in English}."""
    return {locale: [*_missing_words(project, locale), *_missing_data_strings(project, locale)]
            for locale in locales}


def count(items: list[Untranslated]) -> int:
    return sum(item.strings for item in items)


def _missing_words(project: Project, locale: str) -> list[Untranslated]:
    """Each key of the source's sections (the nav's titles for `nav`) the language lacks."""
    source = read_file(data_file(project, project.source))
    own = read_file(data_file(project, locale))
    path = data_file(project, locale)
    lines = source_file.read_text(path).splitlines() if path.is_file() else []
    found = []
    for section in SECTIONS:
        keys = project.nav_titles if section == "nav" else list(_mapping(source.get(section)))
        have = _mapping(own.get(section))
        found += [Untranslated(path, line_in_section(lines, section, key), f"{section}.{key}", 1)
                  for key in keys if key not in have and (section, key) not in NOT_WORDS]
    return found


def _mapping(value) -> dict:
    return {str(k): v for k, v in value.items() if v is not None} if isinstance(value, dict) else {}


def _missing_data_strings(project: Project, locale: str) -> list[Untranslated]:
    source = read_file(data_file(project, project.source)).get("strings") or {}
    have = {}
    for language in [*base_languages(locale), locale]:
        have.update(read_file(data_file(project, language)).get("strings") or {})
    path = data_file(project, locale)
    lines = source_file.read_text(path).splitlines() if path.is_file() else []
    return [Untranslated(path, _line_naming(lines, key), f"strings.{key}", 1)
            for key in source if key not in have]


def _line_naming(lines: list[str], key: str) -> int:
    """The line that names `key` (add-locale's commented English), else `strings:`, else 1."""
    for pattern in (rf"^\s*#?\s*{re.escape(key)}:", r"^strings:"):
        for number, line in enumerate(lines, 1):
            if re.match(pattern, line):
                return number
    return 1
