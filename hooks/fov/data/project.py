"""The project as the translation tools see it, read from mkdocs.yml without MkDocs.

The commands (python hooks/fov translate, linkrot, preview; add-locale) read
mkdocs.yml here and only here, once, through `load_project`; a build gets the
same value from the loaded configuration through fov.data.campaign.project.
Either way the campaign's data is fov.data.campaign's typed `Campaign`
(`Project.campaign`), made by the one rule `fov.data.campaign.from_extra`.

Languages are data in mkdocs.yml (the i18n plugin's `languages`); the source
language is the one marked `default: true`. Translation data (interface
strings, glossary, English section snapshots) lives in `docs/.translations/`,
which MkDocs leaves out of the site (it skips dot-folders).
"""

from __future__ import annotations

import copy
import functools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

import yaml

from fov.base import yaml_fast

DATA_DIR = ".translations"
SNAPSHOT_DIR = "sources"


@dataclass(frozen=True)
class Language:
    locale: str
    name: str
    build: bool = True


@dataclass
class Project:
    config_file: Path
    docs_dir: Path
    source: str
    languages: list[Language]  # every configured language, the source first
    repo_url: str = ""
    edit_uri: str = ""
    nav_pages: list[str] = field(default_factory=list)
    nav_titles: list[str] = field(default_factory=list)  # the nav's English titles, in order
    use_directory_urls: bool = True
    custom_dir: str = "overrides"  # the theme's custom_dir, from the project's folder (or absolute)
    extra: Mapping[str, Any] = field(default_factory=dict)  # mkdocs.yml's `extra`, as configured

    @property
    def campaign(self):
        """The campaign's data (fov.data.campaign.Campaign), by the build's own rule."""
        from fov.data.campaign import from_extra  # the campaign layer, which builds Projects too

        return from_extra(self.extra)

    @property
    def root(self) -> Path:
        return self.config_file.parent

    @property
    def data_dir(self) -> Path:
        return self.docs_dir / DATA_DIR

    @property
    def snapshot_dir(self) -> Path:
        return self.data_dir / SNAPSHOT_DIR

    @property
    def translations(self) -> list[Language]:
        return [lang for lang in self.languages if lang.locale != self.source]

    @property
    def locales(self) -> list[str]:
        return [lang.locale for lang in self.translations]

    def language(self, locale: str) -> Language:
        for lang in self.languages:
            if lang.locale == locale:
                return lang
        known = ", ".join(lang.locale for lang in self.languages)
        raise KeyError(f"unknown language '{locale}' (mkdocs.yml configures: {known})")

    def shown(self, path: Path | str) -> str:
        """A file as messages name it: from the project's root, with forward slashes
        (a docs_dir outside the root reads ../docs/...)."""
        try:
            return Path(os.path.relpath(Path(path).resolve(), self.root)).as_posix()
        except ValueError:  # another drive (Windows)
            return Path(path).as_posix()

    def page_path(self, locale: str, page: str) -> Path:
        return self.docs_dir / locale / page

    def source_pages(self) -> list[str]:
        """The English pages, in navigation order, then any others alphabetically."""
        folder = self.docs_dir / self.source
        found = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.md"))
        ordered = [p for p in self.nav_pages if p in found]
        return ordered + [p for p in found if p not in ordered]

    @property
    def branch(self) -> str:
        return repo_branch_and_docs(self.edit_uri)[0]

    @property
    def docs_path(self) -> str:
        return repo_branch_and_docs(self.edit_uri)[1]


def repo_branch_and_docs(edit_uri: str) -> tuple[str, str]:
    """`edit/main/docs/` -> ("main", "docs")."""
    match = re.match(r"^/?(?:edit|blob|tree)/([^/]+)/?(.*?)/?$", edit_uri or "")
    if not match:
        return "main", "docs"
    return match.group(1), match.group(2) or ""


def find_config(start: Path | None = None) -> Path:
    """mkdocs.yml in the current folder or above (or $FOV_CONFIG)."""
    if os.environ.get("FOV_CONFIG"):
        return Path(os.environ["FOV_CONFIG"]).resolve()
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        if (candidate / "mkdocs.yml").is_file():
            return candidate / "mkdocs.yml"
    raise FileNotFoundError("no mkdocs.yml here or in any parent folder")


def load_project(config_file: Path | str | None = None) -> Project:
    config_file = Path(config_file).resolve() if config_file else find_config()
    text = config_file.read_text(encoding="utf-8")
    # Every hook loads the project in every language's build: read each
    # version of mkdocs.yml once (its !ENV values are part of the version).
    return copy.deepcopy(_project(config_file, text, tuple(sorted(os.environ.items()))))


@functools.lru_cache(maxsize=16)
def _project(config_file: Path, text: str, _environment: tuple) -> Project:
    data = read_config_text(text)
    i18n = i18n_config(data)
    languages = [
        Language(lang["locale"], lang.get("name", lang["locale"]), lang.get("build", True))
        for lang in i18n.get("languages", [])
    ]
    source = next((lang["locale"] for lang in i18n.get("languages", []) if lang.get("default")), "en")
    languages.sort(key=lambda lang: lang.locale != source)
    return Project(
        config_file=config_file,
        docs_dir=(config_file.parent / data.get("docs_dir", "docs")).resolve(),
        source=source,
        languages=languages,
        repo_url=str(data.get("repo_url") or ""),
        edit_uri=str(data.get("edit_uri") or ""),
        nav_pages=list(nav_files(data.get("nav") or [])),
        nav_titles=list(dict.fromkeys(nav_titles(data.get("nav") or []))),
        use_directory_urls=bool(data.get("use_directory_urls", True)),
        custom_dir=str((data.get("theme") or {}).get("custom_dir") or "overrides"),
        extra=data.get("extra") or {},
    )


def read_config(config_file: Path) -> dict:
    return read_config_text(Path(config_file).read_text(encoding="utf-8"))


def read_config_text(text: str) -> dict:
    return yaml_fast.load(text, _ConfigLoader) or {}


def configured_locales(text: str) -> list[str]:
    """The languages a text of mkdocs.yml configures (add-locale checks its own edit)."""
    return [lang.get("locale") for lang in i18n_config(read_config_text(text)).get("languages", [])]


def i18n_config(data: dict) -> dict:
    for plugin in data.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            return plugin["i18n"] or {}
    return {}


def nav_files(items):
    for item in items:
        if isinstance(item, str):
            if item.endswith(".md"):
                yield item
        elif isinstance(item, dict):
            for value in item.values():
                if isinstance(value, str) and value.endswith(".md"):
                    yield value
                elif isinstance(value, list):
                    yield from nav_files(value)


def nav_titles(items):
    for item in items:
        if isinstance(item, dict):
            for title, value in item.items():
                yield str(title)
                if isinstance(value, list):
                    yield from nav_titles(value)


def compose_config_text(text: str):
    """mkdocs.yml's YAML node tree (with line numbers), its tags kept as they are."""
    return yaml.compose(text, Loader=_ConfigLoader)


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml: !ENV resolved as MkDocs does, !!python tags kept opaque."""


def _construct_env(loader, node):
    if isinstance(node, yaml.SequenceNode):
        values = loader.construct_sequence(node)
        names, default = values[:-1] or values, values[-1] if len(values) > 1 else None
    else:
        names, default = [loader.construct_scalar(node)], None
    for name in names:
        if name in os.environ:
            return os.environ[name]
    return default


def _construct_opaque(loader, suffix, node):
    return None


_ConfigLoader.add_constructor("!ENV", _construct_env)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _construct_opaque)
