"""Visitor experience in the built site (issue 5), read from the real build and
from small fixture builds: hreflang and x-default, the sitemap, Open Graph
tags, the Content-Security-Policy of every page, one search index per
language (with the glossary as jieba's user dictionary), nothing loaded from
another host. The browser side is in test_visitor_browser.py."""

from __future__ import annotations

import base64
import hashlib
import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from conftest import LANGUAGES, PAGES, ROOT, build_site, project_config, write_fixture_site

DEFAULT = "en"
SITE_URL = project_config()["site_url"]
OG_LOCALE = project_config()["extra"]["og_locale"]
VISITOR_HOOKS = [
    "language_versions.py", "search_per_language.py", "share_links.py",
    "not_found_page.py", "content_security_policy.py",
]


# -- reading built pages with a real HTML parser ------------------------------

class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.head: list[tuple[str, dict]] = []  # elements of <head>, in order
        self.elements: list[tuple[str, dict]] = []  # every element
        self.inline_scripts: list[str] = []
        self.data_scripts: dict[str, str] = {}  # id -> text of <script id=... type="application/json">
        self._in_head = False
        self._script: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attributes = {k: v or "" for k, v in attrs}
        self.elements.append((tag, attributes))
        if tag == "head":
            self._in_head = True
        elif self._in_head:
            self.head.append((tag, attributes))
        if tag == "script" and "src" not in attributes:
            self._script = []
            self._script_id = attributes.get("id") if attributes.get("type") == "application/json" else None

    def handle_endtag(self, tag):
        if tag == "head":
            self._in_head = False
        if tag == "script" and self._script is not None:
            self.inline_scripts.append("".join(self._script))
            if self._script_id:
                self.data_scripts[self._script_id] = self.inline_scripts[-1]
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def page_path(lang: str, name: str) -> str:
    """Site-relative URL of a page: "", "call/", "zh-Hant/call/"."""
    prefix = "" if lang == DEFAULT else f"{lang}/"
    return prefix + ("" if name == "index" else f"{name}/")


def html_file(site: Path, lang: str, name: str) -> Path:
    return site / page_path(lang, name) / "index.html"


def translated(lang: str, name: str, docs: Path = ROOT / "docs") -> bool:
    return (docs / lang / f"{name}.md").is_file()


def expected_hreflang(name: str, site_url: str = SITE_URL, languages=LANGUAGES) -> dict[str, str]:
    real = [lang for lang in languages if translated(lang, name)]
    if len(real) < 2:
        return {}
    links = {lang: urljoin(site_url, page_path(lang, name)) for lang in real}
    links["x-default"] = urljoin(site_url, page_path(DEFAULT, name))
    return links


def hreflang_of(page: _Page) -> dict[str, str]:
    return {a["hreflang"]: a["href"] for tag, a in page.head
            if tag == "link" and a.get("rel") == "alternate" and "hreflang" in a}


def meta(page: _Page, key: str) -> list[str]:
    return [a["content"] for tag, a in page.head
            if tag == "meta" and (a.get("property") == key or a.get("name") == key)]


def front_matter(lang: str, name: str) -> dict:
    text = (ROOT / "docs" / lang / f"{name}.md").read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---", 2)[1]) if text.startswith("---") else {}


ALL_PAGES = [(lang, name) for lang in LANGUAGES for name in PAGES]


# -- hreflang, sitemap, Open Graph ---------------------------------------------

@pytest.mark.parametrize("lang,name", ALL_PAGES)
def test_each_page_links_its_real_translations_absolutely_with_x_default(real_site, lang, name):
    page = parse(html_file(real_site.site, lang, name))
    expected = expected_hreflang(name) if translated(lang, name) else {
        other: href for other, href in expected_hreflang(name).items() if other != lang
    }
    assert hreflang_of(page) == expected


def test_the_language_menu_of_a_page_stays_on_that_page(real_site):
    page = parse(html_file(real_site.site, "en", "call"))
    menu = {a["hreflang"]: a["href"] for tag, a in page.elements
            if tag == "a" and "md-select__link" in a.get("class", "")}
    assert menu == {lang: "./" if lang == DEFAULT else f"../{lang}/call/" for lang in LANGUAGES}


def test_the_sitemap_lists_every_real_translation_with_its_alternates(real_site):
    namespaces = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.parse(real_site.site / "sitemap.xml").getroot()
    found = {}
    for url in root.findall("s:url", namespaces):
        links = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", namespaces)}
        found[url.find("s:loc", namespaces).text] = links
    expected = {
        urljoin(SITE_URL, page_path(lang, name)): expected_hreflang(name)
        for lang, name in ALL_PAGES if translated(lang, name)
    }
    assert found == expected


@pytest.mark.parametrize("lang", LANGUAGES)
def test_open_graph_tags_name_the_locale_and_the_real_alternates(real_site, lang):
    for name in PAGES:
        page = parse(html_file(real_site.site, lang, name))
        content = lang if translated(lang, name) else DEFAULT  # a fallback copy is English
        assert meta(page, "og:locale") == [OG_LOCALE[content]]
        others = [other for other in LANGUAGES if other != content and translated(other, name)]
        assert meta(page, "og:locale:alternate") == [OG_LOCALE[o] for o in others]
        assert meta(page, "og:url") and meta(page, "og:title") and meta(page, "og:site_name")


@pytest.mark.parametrize("lang,name", [(lang, name) for lang, name in ALL_PAGES if translated(lang, name)])
def test_each_page_has_its_own_description(real_site, lang, name):
    page = parse(html_file(real_site.site, lang, name))
    description = front_matter(lang, name)["description"]
    assert meta(page, "description") == [description]
    assert meta(page, "og:description") == [description]


# -- Content-Security-Policy ---------------------------------------------------

def _policy(page: _Page) -> dict[str, list[str]]:
    tag, first = page.head[0]
    assert tag == "meta" and first.get("http-equiv") == "Content-Security-Policy", (
        "the policy must be the first element of <head>"
    )
    return {d.split()[0]: d.split()[1:] for d in first["content"].split(";")}


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def test_every_page_carries_a_strict_policy_with_the_hash_of_each_inline_script(real_site):
    pages = sorted(real_site.site.rglob("*.html"))
    assert len(pages) >= len(ALL_PAGES) + 1  # every page and 404.html
    for path in pages:
        page = parse(path)
        policy = _policy(page)
        assert policy["default-src"] == ["'none'"], path
        hashes = {_sha256(text) for text in page.inline_scripts}
        assert set(policy["script-src"]) == {"'self'", *hashes}, path
        sources = [s for values in policy.values() for s in values]
        assert all(s in ("'self'", "'none'", "data:") or s.startswith("'sha256-") for s in sources), path


# -- nothing from another host ---------------------------------------------------

LOADING_ATTRIBUTES = {"script": "src", "img": "src", "iframe": "src", "source": "src", "video": "src",
                      "audio": "src", "embed": "src", "object": "data"}


def test_no_page_loads_anything_from_another_host(real_site):
    for path in sorted(real_site.site.rglob("*.html")):
        page = parse(path)
        for tag, attributes in page.elements:
            if tag == "link" and attributes.get("rel") not in ("canonical", "alternate", "prev", "next"):
                url = attributes.get("href", "")
            else:
                url = attributes.get(LOADING_ATTRIBUTES.get(tag, ""), "")
            assert not urlsplit(url).netloc, f"{path}: <{tag}> loads {url}"
        # Material's repository widget fetches api.github.com when marked so.
        assert not any(a.get("data-md-component") == "source" for _, a in page.elements), path


def test_the_scripts_named_in_the_page_config_exist(real_site):
    """main.html names Material's bundle and search worker by their hashed
    file names: an upgrade of Material that renames them must be followed."""
    page = parse(html_file(real_site.site, "zh-Hant", "call"))
    config = json.loads(page.data_scripts["__config"])
    base = html_file(real_site.site, "zh-Hant", "call").parent
    for key in ("bundle", "search"):
        assert (base / config[key]).resolve().is_file(), config[key]
    material = (ROOT / ".venv/lib/python3.11/site-packages/material/templates/base.html").read_text()
    assert Path(config["bundle"]).name in material and Path(config["search"]).name in material


# -- one search index per language ---------------------------------------------

def _index(site: Path, lang: str) -> dict:
    root = site if lang == DEFAULT else site / lang
    return json.loads((root / "search" / "search_index.json").read_text(encoding="utf-8"))


def _tokens(index: dict) -> set[str]:
    import re

    separator = re.compile(index["config"]["separator"])
    return {token for doc in index["docs"] for field in ("title", "text")
            for token in separator.split(doc[field]) if token}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_has_its_own_index_of_its_own_pages(real_site, lang):
    index = _index(real_site.site, lang)
    root = real_site.site if lang == DEFAULT else real_site.site / lang
    pages = {doc["location"].split("#")[0] for doc in index["docs"]}
    expected = {page_path(DEFAULT, name) for name in PAGES if translated(lang, name)}
    assert pages == expected
    for page in pages:
        assert (root / page / "index.html").is_file()
    # The page config points the browser at this index: its "base" is the language root.
    config = json.loads(parse(html_file(real_site.site, lang, "call")).data_scripts["__config"])
    assert (html_file(real_site.site, lang, "call").parent / config["base"]).resolve() == root.resolve()


@pytest.mark.parametrize("lang", ["zh-Hant", "zh-Hans"])
def test_chinese_is_segmented_with_the_glossary_kept_whole(real_site, lang):
    from fov.data.project import load_project
    from fov.data.translation_data import load

    index = _index(real_site.site, lang)
    assert "\\u200b" in index["config"]["separator"]  # the zero-width space jieba's words are joined with
    assert "trimmer" not in index["config"]["pipeline"]  # lunr's trimmer strips Chinese characters
    term = next(t.term for t in load(load_project(ROOT / "mkdocs.yml"), lang).glossary if t.id == "volunteering")
    assert term in _tokens(index)


def test_the_glossary_is_jiebas_user_dictionary(tmp_path):
    import jieba

    word = "永續志工網"
    assert jieba.lcut(word) != [word]  # jieba alone splits it
    translations = tmp_path / "docs" / ".translations"
    translations.mkdir(parents=True)
    (translations / "en.yml").write_text("glossary:\n  - id: network\n    en: [network]\n", encoding="utf-8")
    (translations / "zh-Hant.yml").write_text(f"glossary:\n  network:\n    term: {word}\n", encoding="utf-8")
    config = write_fixture_site(tmp_path, {
        "en/index.md": "# Home\n\nThe network.\n",
        "zh-Hant/index.md": f"# 首頁\n\n加入{word}吧。\n",
    }, languages=("en", "zh-Hant"), hooks=VISITOR_HOOKS)
    result = build_site(config, tmp_path / "site")
    assert result.ok, result.text
    assert word in _tokens(_index(result.site, "zh-Hant"))


# -- fallback copies -------------------------------------------------------------

def test_fallback_copies_get_no_hreflang_no_sitemap_entry_and_no_search_entry(tmp_path):
    config = write_fixture_site(tmp_path, {
        "en/index.md": "---\ndescription: Home.\n---\n# Home\n",
        "en/call.md": "---\ndescription: The call.\n---\n# The call\n\nRecognise volunteers.\n",
        "en/contact.md": "---\ndescription: Contact.\n---\n# Contact\n\nWrite to us.\n",
        "zh-Hant/index.md": "---\ndescription: 首頁。\n---\n# 首頁\n",
        # A translation the translator workflow marks as a fallback copy.
        "zh-Hant/call.md": "---\ndescription: 號召。\nfov_fallback: true\n---\n# 行動號召\n\n肯定志工。\n",
        # zh-Hant/contact.md is missing: static-i18n shows the English page.
    }, languages=("en", "zh-Hant"), hooks=VISITOR_HOOKS,
        extra_config={"nav": ["index.md", "call.md", "contact.md"]})
    result = build_site(config, tmp_path / "site")
    assert result.ok, result.text
    site, url = result.site, "http://127.0.0.1:8000/"

    assert hreflang_of(parse(site / "index.html")) == {
        "en": url, "zh-Hant": url + "zh-Hant/", "x-default": url,
    }
    for page in ("contact/", "zh-Hant/contact/", "zh-Hant/call/"):
        assert hreflang_of(parse(site / page / "index.html")) == {}, page
    assert meta(parse(site / "zh-Hant/contact/index.html"), "og:locale:alternate") == []

    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{url}zh-Hant/</loc>" in sitemap and f"<loc>{url}contact/</loc>" in sitemap
    assert "zh-Hant/contact/" not in sitemap and "zh-Hant/call/" not in sitemap

    chinese = {doc["location"].split("#")[0] for doc in _index(site, "zh-Hant")["docs"]}
    assert chinese == {""}
    english = {doc["location"].split("#")[0] for doc in _index(site, "en")["docs"]}
    assert english == {"", "call/", "contact/"}


# -- the 404 page ------------------------------------------------------------------

def test_the_404_page_holds_every_language_with_its_home_and_call(real_site):
    page = parse(real_site.site / "404.html")
    sections = [a for tag, a in page.elements if tag == "section" and "data-fov-404-lang" in a]
    assert [a["lang"] for a in sections] == LANGUAGES
    assert ["hidden" in a for a in sections] == [lang != DEFAULT for lang in LANGUAGES]  # English without JavaScript
    links = {a["href"] for tag, a in page.elements if tag == "a"}
    base = urlsplit(SITE_URL).path
    for lang in LANGUAGES:
        home = base + ("" if lang == DEFAULT else f"{lang}/")
        assert home in links and home + "call/" in links
        assert (real_site.site / home.lstrip("/") / "call" / "index.html").is_file()


def test_robots_txt_points_crawlers_at_the_sitemap(real_site):
    lines = (real_site.site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert f"Sitemap: {urljoin(SITE_URL, 'sitemap.xml')}" in lines
    assert "Disallow: /" not in lines
