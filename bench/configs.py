"""Temporary copies of the project's mkdocs.yml for the benchmark: the same
site without its hooks, or in one language only. Each copy lives in a temp dir
and names the real docs/, overrides/ and hooks/ by absolute path. The YAML
tags (!ENV, !!python/...) are written back as they were."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

import material
import yaml

ROOT = Path(__file__).resolve().parent.parent
PROJECT_CONFIG = ROOT / "mkdocs.yml"


class _Tagged:
    """A tagged YAML node kept as it was read, to be written back unchanged."""

    def __init__(self, node):
        self.node = node


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


_Loader.add_constructor("!ENV", lambda loader, node: _Tagged(node))
_Loader.add_multi_constructor("tag:yaml.org,2002:python/",
                              lambda loader, suffix, node: _Tagged(node))
_Dumper.add_representer(_Tagged, lambda dumper, data: data.node)


def read_project_config(path: Path = PROJECT_CONFIG) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)


def write_config(config: dict, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    return path


def with_absolute_paths(config: dict, root: Path = ROOT) -> dict:
    """The config with its project-relative paths made absolute, so that a
    copy written anywhere still builds the same site."""
    config = copy.deepcopy(config)
    config["docs_dir"] = str(root / config.get("docs_dir", "docs"))
    theme = config.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        theme["custom_dir"] = str(root / theme["custom_dir"])
    config["hooks"] = [str(root / hook) for hook in config.get("hooks", [])]
    if config.get("watch"):
        config["watch"] = [str(root / path) for path in config["watch"]]
    return config


def without_hooks(config: dict, theme_dir: Path) -> dict:
    """The config without its hooks. The theme overrides read variables that
    the hooks provide, so they go too, all but their interface languages
    (partials/languages/, which Material lacks), copied to `theme_dir`."""
    config = copy.deepcopy(config)
    config.pop("hooks", None)
    theme = config.get("theme")
    if not isinstance(theme, dict) or not theme.get("custom_dir"):
        return config
    custom_dir = Path(theme.pop("custom_dir"))
    languages = custom_dir / "partials" / "languages"
    if languages.is_dir():
        shutil.copytree(languages, theme_dir / "partials" / "languages", dirs_exist_ok=True)
        theme["custom_dir"] = str(theme_dir)
    # A page template that pages name in their front matter (template:
    # home.html) and Material lacks: a plain Material page stands in for it.
    material_templates = Path(material.__file__).parent / "templates"
    for template in custom_dir.glob("*.html"):
        if not (material_templates / template.name).exists():
            theme_dir.mkdir(parents=True, exist_ok=True)
            (theme_dir / template.name).write_text('{% extends "main.html" %}\n', encoding="utf-8")
            theme["custom_dir"] = str(theme_dir)
    return config


def only_locale(config: dict, locale: str) -> dict:
    """One language, as a translator's preview builds it (static-i18n's
    build_only_locale)."""
    config = copy.deepcopy(config)
    i18n_options(config)["build_only_locale"] = locale
    return config


def i18n_options(config: dict) -> dict:
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            return plugin["i18n"]
    raise KeyError("mkdocs.yml has no i18n plugin")


def locales(config: dict) -> list[str]:
    return [language["locale"] for language in i18n_options(config)["languages"]]


def write_project_variants(directory: Path, preview_locale: str = "zh-Hant") -> dict[str, Path]:
    """Write the temp configs the benchmark builds; return {variant: mkdocs.yml}."""
    real = with_absolute_paths(read_project_config())
    bare = without_hooks(real, directory / "without-hooks" / "theme")
    return {
        "without_hooks": write_config(bare, directory / "without-hooks" / "mkdocs.yml"),
        "preview": write_config(only_locale(real, preview_locale), directory / "preview" / "mkdocs.yml"),
    }
