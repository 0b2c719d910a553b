"""Each language's words outside its pages, in one file per language.

`docs/.translations/<language>.yml` holds, beside the notices' `strings`, the
glossary and the style notes, every word of the site that is not page content:

- `site`: `name`, `description`, `copyright` (the footer line) and `og_locale`;
- `nav`: each title of mkdocs.yml's nav in the language (static-i18n's
  `nav_translations`);
- `ui`: the interface strings the theme does not have;
- `share`: the share cards' words (`email` also names the e-mail share link of
  a network in `extra.campaign.share` that has `label: email`);
- `stakeholders`: the name of each stakeholder id of `extra.campaign.stakeholders`;
- `actions`: `audience_label`, `with_label`, `with_role` (the lines under an action);
- `call_pdf`: `title`, the whole call's PDF title.

mkdocs.yml keeps the build settings and the language list. fov.data.campaign.prepare
hands the words to static-i18n (each language's `site_name`, `site_description`,
`copyright`, `nav_translations`) and to the hooks and templates (the
per-language maps under `extra`), in memory, once per build: `on_config` runs
once per language, and filling again gives the same values.

One rule for what a language lacks: a key missing from its file (or a file
missing) takes the source language's words, key by key; `make status` counts
it as still in English (fov.translation.interface_strings).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fov.base import source_file
from fov.data import translation_data
from fov.data.project import DATA_DIR

# The language file's key -> the i18n language option static-i18n applies per language.
SITE_OPTIONS = {"name": "site_name", "description": "site_description", "copyright": "copyright"}
# The sections a translator translates, key by key (what `make status` counts).
SECTIONS = translation_data.WORD_SECTIONS
NOT_WORDS = {("site", "og_locale")}  # data, not words: add-locale fills it in


@dataclass(frozen=True)
class LanguageWords:
    """A language's words, the source language's where it has none of its own."""
    locale: str
    site: dict[str, str] = field(default_factory=dict)
    nav: dict[str, str] = field(default_factory=dict)
    ui: dict[str, str] = field(default_factory=dict)
    share: dict[str, str] = field(default_factory=dict)
    stakeholders: dict[str, str] = field(default_factory=dict)
    actions: dict[str, str] = field(default_factory=dict)
    call_pdf: dict[str, str] = field(default_factory=dict)


def file_of(data_dir: Path, locale: str) -> Path:
    return data_dir / f"{locale}.yml"


def _section(data: dict, name: str) -> dict[str, Any]:
    value = data.get(name)
    return {str(k): v for k, v in value.items() if v is not None} if isinstance(value, dict) else {}


def load(data_dir: Path, locales: list[str], source: str) -> dict[str, LanguageWords]:
    """{locale: its words}, each section the source's overlaid with the language's own."""
    english = translation_data.read_file(file_of(data_dir, source))
    words = {}
    for locale in locales:
        own = english if locale == source else translation_data.read_file(file_of(data_dir, locale))
        sections = {name: {**_section(english, name), **_section(own, name)} for name in SECTIONS}
        if locale != source:
            sections["nav"] = _section(own, "nav")  # English titles are the nav's own
            sections["site"].pop("og_locale", None)
            if "og_locale" in _section(own, "site"):
                sections["site"]["og_locale"] = own["site"]["og_locale"]
        words[locale] = LanguageWords(locale, **sections)
    return words


def i18n_options(words: LanguageWords) -> dict[str, Any]:
    """What static-i18n overrides for the language: its site name, description, footer, menu."""
    options = {option: words.site[key] for key, option in SITE_OPTIONS.items() if words.site.get(key)}
    if words.nav:
        options["nav_translations"] = dict(words.nav)
    return options


def fill_extra(extra: dict, words: dict[str, LanguageWords]) -> None:
    """Give the hooks and templates the words as per-language maps under `extra`
    (extra.ui.<locale>, extra.og_locale.<locale>, extra.campaign...label.<locale>).
    A language without words for a map leaves the map's entry as it was."""

    def put(owner: dict, key: str, values: dict[str, Any]) -> None:
        current = owner.get(key)
        current = dict(current) if isinstance(current, dict) else {}
        owner[key] = {**current, **{loc: value for loc, value in values.items() if value}}

    put(extra, "og_locale", {loc: w.site.get("og_locale") for loc, w in words.items()})
    put(extra, "ui", {loc: dict(w.ui) for loc, w in words.items()})
    campaign = extra.get("campaign")
    if not isinstance(campaign, dict):
        return
    if isinstance(campaign.get("share_snippets"), dict):
        put(campaign["share_snippets"], "labels", {loc: dict(w.share) for loc, w in words.items()})
    for network in campaign.get("share") or []:
        if isinstance(network, dict) and network.get("label"):
            key, name = network["label"], network.get("name")
            if isinstance(name, str):  # the name in every language without its own
                network["name"] = {loc: name for loc in words}
            put(network, "name", {loc: w.share.get(key) for loc, w in words.items()})
    for ident, stakeholder in (campaign.get("stakeholders") or {}).items():
        if isinstance(stakeholder, dict):
            put(stakeholder, "label", {loc: w.stakeholders.get(ident) for loc, w in words.items()})
    for key in ("audience_label", "with_label", "with_role"):
        put(campaign, key, {loc: w.actions.get(key) for loc, w in words.items()})
    if isinstance(campaign.get("call_pdf"), dict):
        put(campaign["call_pdf"], "title", {loc: w.call_pdf.get("title") for loc, w in words.items()})


def own_words(path: Path) -> list[tuple[str, str, int]]:
    """(section.key, text, line) for each word the language's file itself gives."""
    data = translation_data.read_file(path)
    lines = source_file.read_text(path).splitlines() if data else []
    return [(f"{section}.{key}", str(text), line_in_section(lines, section, str(key)))
            for section in SECTIONS for key, text in _section(data, section).items()
            if (section, key) not in NOT_WORDS and isinstance(text, str)]


def line_in_section(lines: list[str], section: str, key: str) -> int:
    """The line naming `key` (or add-locale's commented English of it) in `section:`,
    else the section's line, else 1."""
    start = next((n for n, line in enumerate(lines, 1) if re.match(rf"^#?\s*{re.escape(section)}:", line)), None)
    if start is None:
        return 1
    for number in range(start + 1, len(lines) + 1):
        line = lines[number - 1]
        if line.strip() and not line.startswith((" ", "#")):
            break  # the next section
        if re.match(rf"^\s*#?\s*['\"]?{re.escape(key)}['\"]?\s*:", line):
            return number
    return start
