"""Which of a language's interface strings, the site's words outside its
pages, are still to translate, each with the file and line to edit.

They live in three places, and a language added with `add-locale` starts
with each of them in English:

- `mkdocs.yml`, the language's entry in the i18n plugin: `site_name`,
  `site_description`, `copyright` and `nav_translations` are to translate
  while the entry lacks them (the site then shows the English ones);
- `mkdocs.yml`, every per-language map under `extra:` (`ui`, the share and
  stakeholder labels, ...): an entry is to translate while it still carries
  the note `# <locale>: copied from <source>, to translate` that add-locale
  wrote above it (delete the note with the English);
- `docs/.translations/<locale>.yml`: each key of the source language's
  `strings:` that the language (or its base language) does not have.

`untranslated` feeds the status command and the /translations/ page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from fov import project as proj
from fov import source_file
from fov.locales import is_copied_note, language_map_nodes, mapping_keys, mapping_value
from fov.project import Project
from fov.translation_data import base_languages, data_file, read_file

LANGUAGE_ENTRY_KEYS = ("site_name", "site_description", "copyright", "nav_translations")


@dataclass(frozen=True)
class Untranslated:
    path: Path
    line: int  # 1-based
    what: str  # where in the file, e.g. "extra.ui.de" or "strings.fallback_title"
    strings: int  # how many strings it holds

    def file(self, root: Path) -> str:
        """The file, relative to the project's root where it is inside it."""
        return str(self.path.relative_to(root)) if self.path.is_relative_to(root) else str(self.path)

    def location(self, root: Path) -> str:
        return f"{self.file(root)}:{self.line}"


def untranslated(project: Project, locales: list[str]) -> dict[str, list[Untranslated]]:
    """{locale: its interface strings still in English}, mkdocs.yml read once."""
    text = project.config_file.read_text(encoding="utf-8")
    root = proj.compose_config_text(text)
    return {locale: [*_language_entry(project, root, locale), *_copied_map_entries(project, text, root, locale),
                     *_missing_data_strings(project, locale)]
            for locale in locales}


def count(items: list[Untranslated]) -> int:
    return sum(item.strings for item in items)


def _language_entry(project: Project, root, locale: str) -> list[Untranslated]:
    """The language's i18n entry lacks a key that the site has in English: at
    the top of mkdocs.yml (site_name, ...) or, for nav_translations, its nav."""
    english = {key: mapping_value(root, key) for key in LANGUAGE_ENTRY_KEYS}
    english["nav_translations"] = mapping_value(root, "nav")
    for entry in _i18n_languages(root):
        if _scalar(mapping_value(entry, "locale")) == locale:
            have = mapping_keys(entry)
            return [Untranslated(project.config_file, entry.start_mark.line + 1,
                                 f"plugins.i18n.languages[{locale}].{key}", _strings(english[key]))
                    for key in LANGUAGE_ENTRY_KEYS if key not in have and english[key] is not None]
    return []


def _i18n_languages(root) -> list:
    for item in getattr(mapping_value(root, "plugins"), "value", []):
        config = mapping_value(item, "i18n")
        languages = mapping_value(config, "languages")
        if isinstance(languages, yaml.SequenceNode):
            return languages.value
    return []


def _copied_map_entries(project: Project, text: str, root, locale: str) -> list[Untranslated]:
    lines = text.splitlines()
    found = []
    locales = {lang.locale for lang in project.languages}
    for path, node in language_map_nodes(mapping_value(root, "extra"), "extra", locales):
        for key, value in node.value:
            line = key.start_mark.line  # 0-based: the note is on the line before
            if key.value == locale and line > 0 and is_copied_note(lines[line - 1], locale):
                found.append(Untranslated(project.config_file, line + 1, f"{path}.{locale}", _strings(value)))
    return found


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


def _strings(node) -> int:
    if isinstance(node, yaml.MappingNode):
        return sum(_strings(value) for _, value in node.value)
    if isinstance(node, yaml.SequenceNode):
        return sum(_strings(value) for value in node.value)
    return 1 if node is not None else 0


def _scalar(node) -> str | None:
    return node.value if isinstance(node, yaml.ScalarNode) else None
