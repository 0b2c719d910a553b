"""Shared fixtures: real MkDocs builds (in-process), a loopback HTTP server and
Debian's headless Chromium driven by Playwright.

Nothing here mocks MkDocs: `build_site` loads a real mkdocs.yml with
`load_config` and runs `mkdocs.commands.build.build` into pytest's tmp_path.
"""

from __future__ import annotations

import copy
import functools
import http.server
import logging
import os
import shutil
import socketserver
import threading
from dataclasses import dataclass, field
from pathlib import Path

import sys

import pytest
import yaml

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402
from mkdocs.exceptions import Abort  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CONFORMANCE = ROOT / "tests" / "conformance"  # other projects' test data, kept unchanged
HOOKS = ROOT / "hooks"
sys.path.insert(0, str(HOOKS))  # the hooks' pure modules (package `fov`) for unit tests
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

from fov.data import campaign, language_files  # noqa: E402
from fov.data.project import load_project  # noqa: E402

# The languages and pages come from the configuration (mkdocs.yml's i18n
# languages, the default first, and its nav), never from a list kept here: a new
# language or page is tested as soon as it is configured.
PROJECT = load_project(ROOT / "mkdocs.yml")
LANGUAGES = [lang.locale for lang in PROJECT.languages]
PAGES = [page.removesuffix(".md") for page in PROJECT.nav_pages]
# A language the project does not have yet, for the tests that add one with
# `add-locale` (German, unless the project has it by then): its name in itself
# and its Open Graph locale.
NEW_LANGUAGES = {"de": ("Deutsch", "de_DE"), "it": ("Italiano", "it_IT"), "nl": ("Nederlands", "nl_NL"),
                 "sv": ("Svenska", "sv_SE")}
NEW_LOCALE = next(code for code in NEW_LANGUAGES if code not in LANGUAGES)
NEW_NAME, NEW_OG_LOCALE = NEW_LANGUAGES[NEW_LOCALE]


@dataclass
class BuildResult:
    site: Path
    ok: bool
    messages: list[str] = field(default_factory=list)  # WARNING and above, as logged

    @property
    def text(self) -> str:
        return "\n".join(self.messages)


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def build_site(config_file: Path, site_dir: Path, **overrides) -> BuildResult:
    """Build a site for real, strictly, and return what it logged."""
    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    try:
        config = load_config(str(config_file), site_dir=str(site_dir), strict=True, **overrides)
        try:
            build(config)
            ok = True
        except Abort as error:
            collect.messages.append(str(error))
            ok = False
    finally:
        logger.removeHandler(collect)
    return BuildResult(site_dir, ok and not collect.messages, collect.messages)


def project_config() -> dict:
    """The real mkdocs.yml as data (its !ENV and python tags resolved), with each
    language's words from docs/.translations/<language>.yml, as a build has them."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    campaign.prepare(config)
    return config.data  # noqa


def language_words() -> dict:
    """Each language's words outside its pages (fov.data.language_files), as a build has them."""
    return language_files.load(ROOT / "docs" / ".translations", LANGUAGES, PROJECT.source)


def write_fixture_site(root: Path, pages: dict[str, str], *, languages=("en",),
                       extra_config: dict | None = None, hooks: list[str] | None = None) -> Path:
    """Write a small site that uses the project's theme overrides, campaign data
    and hooks, with the given pages ({"en/index.md": "..."}); return its mkdocs.yml."""
    real = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_PermissiveLoader)
    by_locale = {lang["locale"]: lang for lang in _i18n(real)["languages"]}
    words = language_words()
    i18n_languages = [{**by_locale[locale], **language_files.i18n_options(words[locale])}
                      for locale in languages]  # built in this order
    extra = copy.deepcopy(real["extra"])
    language_files.fill_extra(extra, words)  # the real words, whatever the fixture's data files
    if not any(lang.get("default") for lang in i18n_languages):
        i18n_languages[0] = {**i18n_languages[0], "default": True}
    config = {
        "site_name": "Fixture",
        "site_url": "http://127.0.0.1:8000/",
        "repo_url": real["repo_url"],
        "edit_uri": real["edit_uri"],
        "docs_dir": "docs",
        "theme": {**real["theme"], "custom_dir": str(ROOT / "overrides")},
        "validation": real["validation"],
        "markdown_extensions": real["markdown_extensions"],
        "extra_css": real.get("extra_css", []),
        "extra_javascript": real.get("extra_javascript", []),
        "hooks": [str(HOOKS / h) for h in (hooks if hooks is not None else _hook_names(real))],
        "plugins": ["search", {"i18n": {**_i18n(real), "languages": i18n_languages}}],
        "extra": extra,
    }
    config.update(extra_config or {})
    for name, text in pages.items():
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    config_file = root / "mkdocs.yml"
    config_file.write_text(yaml.dump(config, Dumper=_Dumper, allow_unicode=True), encoding="utf-8")
    return config_file


# What a build of the real project needs, copied by `copy_project`.
PROJECT_PARTS = ("docs", "hooks", "overrides", "mkdocs.yml")


def copy_project(destination: Path, *, share_cache: bool = True) -> Path:
    """A copy of the real project (its pages, hooks, theme overrides and
    mkdocs.yml) to change freely; returns the copy's mkdocs.yml. With
    `share_cache`, the copy's build caches (social images, PDFs: content-
    addressed) are the project's, so that it does not draw them all again."""
    destination.mkdir(parents=True, exist_ok=True)
    ignore = shutil.ignore_patterns("__pycache__")
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=ignore)
        else:
            shutil.copy2(source, destination / part)
    if share_cache:
        (ROOT / ".cache").mkdir(exist_ok=True)
        (destination / ".cache").symlink_to(ROOT / ".cache", target_is_directory=True)
    return destination / "mkdocs.yml"


def _i18n(config: dict) -> dict:
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            return plugin["i18n"]
    raise KeyError("i18n")


def _hook_names(config: dict) -> list[str]:
    return [Path(h).name for h in config.get("hooks", [])]


class _Tagged:
    def __init__(self, tag, node):
        self.tag, self.node = tag, node


class _PermissiveLoader(yaml.SafeLoader):
    """Reads mkdocs.yml keeping !ENV and !!python tags as they are."""


def _construct_tagged(loader, suffix, node):
    return _Tagged(suffix, node)


def _construct_env(loader, node):
    values = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [node.value]
    return os.environ.get(values[0], values[-1])


_PermissiveLoader.add_constructor("!ENV", _construct_env)
_PermissiveLoader.add_multi_constructor("tag:yaml.org,2002:python/", _construct_tagged)


class _Dumper(yaml.SafeDumper):
    pass


def _represent_tagged(dumper, data: _Tagged):
    node = data.node  # written back with its python tag, as mkdocs.yml had it
    return type(node)(f"tag:yaml.org,2002:python/{data.tag}", node.value)


_Dumper.add_representer(_Tagged, _represent_tagged)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> BuildResult:
    """The real site, built once per test session, strictly."""
    result = build_site(ROOT / "mkdocs.yml", tmp_path_factory.mktemp("site") / "site")
    assert result.ok, result.text
    return result


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site_server(real_site):
    """The real site served over HTTP on 127.0.0.1 (GitHub Pages-like: 404.html)."""
    handler = functools.partial(_QuietHandler, directory=str(real_site.site))
    with socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        yield f"http://127.0.0.1:{server.server_address[1]}"
        server.shutdown()


# Flags for Debian's Chromium on a machine with no network but loopback: without
# the background-networking ones it keeps trying to reach Google's hosts.
PHONE = {"width": 412, "height": 823}  # Lighthouse's mobile screen
DESKTOP = {"width": 1280, "height": 800}

CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--disable-extensions",
]


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium, driven by Playwright (no downloaded browser)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh browser context (no cookies, no storage) and page per test."""
    context = browser.new_context(locale="en-US")
    page = context.new_page()
    yield page
    context.close()
