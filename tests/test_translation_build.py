"""The translator workflow in real, strict builds of fixture sites: honest
fallbacks, outdated translations, the parity checks' skipped sections, how a
page was translated, the status page, the one-language preview and a new
language. Pages are read with a real HTML parser."""

from __future__ import annotations

import functools
import http.server
import json
import socketserver
import threading
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import CHROMIUM_ARGS, ROOT, build_site
from fov.commands.preview import LANGUAGE_VARIABLE
from fov.translation import sections as sect, translations as tr
from translation_fixture import REPO, edit, make_site, translate

SITE_URL = "http://127.0.0.1:8000/"


class Element:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent = tag, dict(attrs), parent
        self.content: list = []  # text and child elements, in order

    @property
    def children(self) -> list:
        return [item for item in self.content if isinstance(item, Element)]

    def get(self, name, default=None):
        return self.attrs.get(name, default)

    @property
    def classes(self) -> list[str]:
        return (self.get("class") or "").split()

    def iter(self):
        yield self
        for child in self.children:
            yield from child.iter()

    def all_text(self) -> str:
        return "".join(item if isinstance(item, str) else item.all_text() for item in self.content)

    def language(self) -> str | None:
        """The language in effect for this element (its own lang or an ancestor's)."""
        element = self
        while element is not None:
            if element.get("lang"):
                return element.get("lang")
            element = element.parent
        return None


class _Tree(HTMLParser):
    VOID = {"meta", "link", "br", "img", "input", "hr", "source", "area", "base", "col", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", [], None)
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        element = Element(tag, attrs, self.current)
        self.current.content.append(element)
        if tag not in self.VOID:
            self.current = element

    def handle_endtag(self, tag):
        element = self.current
        while element is not None and element.tag != tag:
            element = element.parent
        if element is not None and element.parent is not None:
            self.current = element.parent

    def handle_data(self, data):
        self.current.content.append(data)


def parse(path: Path) -> Element:
    tree = _Tree()
    tree.feed(path.read_text(encoding="utf-8"))
    return tree.root


def find(root: Element, tag: str | None = None, cls: str | None = None, **attrs) -> list[Element]:
    return [e for e in root.iter()
            if (tag is None or e.tag == tag) and (cls is None or cls in e.classes)
            and all(e.get(k.rstrip("_")) == v for k, v in attrs.items())]


def one(root: Element, tag: str | None = None, cls: str | None = None, **attrs) -> Element:
    found = find(root, tag, cls, **attrs)
    assert len(found) == 1, f"{len(found)} <{tag} class={cls} {attrs}>"
    return found[0]


# --- One site with a current, an outdated and a missing translation -------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("translations")
    config = make_site(root)
    edit(root / "docs/en/call.md", "Around 862 million people", "About 862 million people")
    result = build_site(config, root / "site")
    assert result.ok, result.text
    return result.site


def test_fallback_page_says_it_is_not_translated_in_the_visitors_language(site):
    page = parse(site / "zh-Hant/contact/index.html")
    assert one(page, "html").get("lang") == "zh-Hant"
    notice = one(page, "div", "fov-notice--fallback")
    assert notice.language() == "zh-Hant"
    assert "本頁尚未翻譯成繁體中文，以下先顯示英文原文。" in notice.all_text()
    link = one(notice, "a")
    assert link.all_text() == "協助翻譯本頁"
    url = urlsplit(link.get("href"))
    assert f"{url.scheme}://{url.netloc}{url.path}" == f"{REPO}/new/main/docs/zh-Hant"
    query = parse_qs(url.query)
    assert query["filename"] == ["contact.md"]
    english = (site.parent / "docs/en/contact.md").read_text(encoding="utf-8")
    assert tr.stamped_hashes(sect.parse(query["value"][0]).meta) == sect.parse(english).hashes


def test_fallback_text_is_marked_english_and_points_to_the_english_page(site):
    page = parse(site / "zh-Hant/contact/index.html")
    heading = one(page, "h1", id="contact")
    assert heading.language() == "en"  # screen readers switch voice for the English text
    body = one(page, "div", "fov-fallback-body")
    assert body.get("lang") == "en" and one(page, "div", "fov-notice--fallback") not in list(body.iter())
    assert one(page, "link", rel="canonical").get("href") == f"{SITE_URL}contact/"
    edit_button = one(page, "a", rel="edit")
    assert edit_button.get("href") == one(page, "div", "fov-notice--fallback").children[1].children[0].get("href")


def test_fallback_copy_is_not_announced_as_a_translation(site):
    english = parse(site / "contact/index.html")
    hreflangs = {link.get("hreflang") for link in find(english, "link", rel="alternate")}
    assert "zh-Hant" not in hreflangs
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"{SITE_URL}zh-Hant/contact/" not in sitemap
    assert f"{SITE_URL}zh-Hant/call/" in sitemap  # a real translation is


def test_current_translation_has_no_notice(site):
    page = parse(site / "zh-Hant/index.html")
    assert find(page, cls="fov-notice") == [] and find(page, cls="fov-outdated-note") == []
    assert one(page, "link", rel="canonical").get("href") == f"{SITE_URL}zh-Hant/"
    assert one(page, "a", rel="edit").get("href") == f"{REPO}/edit/main/docs/zh-Hant/index.md"


def test_outdated_translation_names_the_changed_sections(site):
    page = parse(site / "zh-Hant/call/index.html")
    banner = one(page, "div", "fov-notice--outdated")
    text = banner.all_text()
    assert "本頁譯文可能已過時" in text
    assert "以下部分可能與原文不一致：為什麼志工如此重要。" in text
    links = {a.all_text(): a.get("href") for a in find(banner, "a")}
    assert links["為什麼志工如此重要"] == "#why"
    assert links["閱讀英文原文"] == "../../call/"
    assert links["協助更新譯文"] == f"{REPO}/edit/main/docs/zh-Hant/call.md"


def test_outdated_section_is_marked_under_its_heading(site):
    page = parse(site / "zh-Hant/call/index.html")
    note = one(page, "p", "fov-outdated-note")
    heading = one(page, "h2", id="why")
    siblings = heading.parent.children
    assert siblings[siblings.index(heading) + 1] is note
    assert "本段的英文原文在翻譯後已有更新。" in note.all_text()
    assert one(note, "a").get("href") == "../../call/#why"


def test_status_page_shows_every_page_in_every_language_with_text_labels(site):
    page = parse(site / "zh-Hant/translations/index.html")
    assert one(page, "h1").all_text().startswith("翻譯進度")
    cells = {cls: find(page, "span", cls) for cls in
             ("fov-status--current", "fov-status--outdated", "fov-status--missing")}
    assert [len(v) for v in cells.values()] == [1, 1, 1]
    assert cells["fov-status--current"][0].all_text().strip() == "✓ 已是最新"
    assert cells["fov-status--outdated"][0].all_text().strip() == "! 已過時"
    assert cells["fov-status--missing"][0].all_text().strip() == "✗ 尚未翻譯"
    assert "33% 已是最新" in page.all_text()
    english = parse(site / "translations/index.html")
    assert "33% up to date" in english.all_text()
    assert "1 of 4 parts changed" in english.all_text()  # _meta, the-call, why, how
    assert find(page, cls="fov-notice") == []  # it is a page of its own language


def test_status_page_is_linked_from_the_footer_but_not_in_nav_or_search(site):
    fallback = parse(site / "zh-Hant/contact/index.html")
    footer_link = one(fallback, "a", "fov-footer-links__status")
    assert (footer_link.get("href"), footer_link.all_text()) == ("../translations/", "翻譯進度")
    assert one(parse(site / "index.html"), "a", "fov-footer-links__status").get("href") == "translations/"
    nav = [a.get("href") for a in find(fallback, "a", "md-nav__link")]
    assert not any("translations" in (href or "") for href in nav)
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    assert not [doc for doc in index["docs"] if "translations/" in doc["location"]]


# --- Builds that fail, or pass, for the right reason -----------------------------------------


def test_english_edits_never_break_the_parity_of_an_outdated_translation(tmp_path):
    config = make_site(tmp_path)
    edit(tmp_path / "docs/en/call.md", "every month.", "every month ([UN](https://www.un.org/en/)).")
    result = build_site(config, tmp_path / "site")
    assert result.ok, result.text  # the new link is in a section the translation is not current with
    # Claiming it is current, without the link (confirmed: nobody touched the translation).
    translate(config, "stamp", "docs/zh-Hant/call.md", "--confirm")
    result = build_site(config, tmp_path / "site2")
    assert not result.ok
    assert "https://www.un.org/en/" in result.text and "docs/zh-Hant/call.md" in result.text


def test_a_translation_without_a_record_says_so_and_is_checked_in_full(tmp_path):
    config = make_site(tmp_path, stamp=False)
    result = build_site(config, tmp_path / "site")
    assert result.ok, result.text
    banner = one(parse(tmp_path / "site/zh-Hant/call/index.html"), "div", "fov-notice--outdated")
    assert "本頁譯文尚未與英文原文核對。" in banner.all_text()
    assert find(parse(tmp_path / "site/zh-Hant/call/index.html"), cls="fov-outdated-note") == []
    edit(tmp_path / "docs/zh-Hant/call.md", "## 這份號召如何誕生 {#how}", "## 這份號召如何誕生")
    result = build_site(config, tmp_path / "site2")
    assert not result.ok  # no record, no claim: the parity checks apply to every section
    assert "docs/zh-Hant/call.md:" in result.text and "'#how'" in result.text


def test_page_says_how_it_was_translated_and_invites_review(tmp_path):
    config = make_site(tmp_path)
    translate(config, "stamp", "docs/zh-Hant/call.md", "--method", "machine-assisted")
    translate(config, "stamp", "docs/zh-Hant/index.md", "--method", "reviewed")
    result = build_site(config, tmp_path / "site")
    assert result.ok, result.text
    draft = one(parse(tmp_path / "site/zh-Hant/call/index.html"), "div", "fov-notice--machine-assisted")
    assert "機器輔助翻譯的初稿，尚未經過母語人士審閱" in draft.all_text()
    assert one(draft, "a").get("href") == f"{REPO}/edit/main/docs/zh-Hant/call.md"
    reviewed = one(parse(tmp_path / "site/zh-Hant/index.html"), "p", "fov-translation-method")
    assert reviewed.all_text().startswith("本頁由志工翻譯，並經母語人士審閱。")


def test_an_unknown_translation_method_fails_the_build(tmp_path):
    config = make_site(tmp_path)
    edit(tmp_path / "docs/zh-Hant/call.md", "translation:\n", "translation:\n  method: robot\n")
    result = build_site(config, tmp_path / "site")
    assert not result.ok
    lines = (tmp_path / "docs/zh-Hant/call.md").read_text(encoding="utf-8").splitlines()
    line = lines.index("  method: robot") + 1  # the line to fix
    assert f"docs/zh-Hant/call.md:{line}: translation.method 'robot' is not one of human, machine-assisted, " \
        "reviewed. Fix: write the one that says how it was translated." in result.text


def test_one_language_preview_shows_fallbacks_as_the_site_does(tmp_path, monkeypatch):
    config = make_site(tmp_path)
    # As mkdocs.yml does: the preview's language from the environment, read on every load.
    edit(config, "build_only_locale: null", f"build_only_locale: !ENV [{LANGUAGE_VARIABLE}, null]")
    monkeypatch.setenv(LANGUAGE_VARIABLE, "zh-Hant")
    result = build_site(config, tmp_path / "site")
    assert result.ok, result.text
    site = tmp_path / "site"
    assert not (site / "zh-Hant").exists() and not (site / "en").exists()
    home = parse(site / "index.html")
    assert one(home, "html").get("lang") == "zh-Hant"
    assert "contact/" in [a.get("href") for a in find(home, "a")]  # the link to the fallback works
    contact = parse(site / "contact/index.html")
    assert "本頁尚未翻譯成繁體中文" in one(contact, "div", "fov-notice--fallback").all_text()
    assert one(contact, "h1", id="contact").language() == "en"
    assert (site / "translations/index.html").is_file()


def test_the_real_configuration_takes_the_preview_language_from_the_environment(monkeypatch):
    """Not an override of `mkdocs serve`, which reads mkdocs.yml again on every
    rebuild and would lose it after the first save."""
    from mkdocs.config import load_config

    monkeypatch.setenv(LANGUAGE_VARIABLE, "fr")
    assert load_config(str(ROOT / "mkdocs.yml")).plugins["i18n"].config.build_only_locale == "fr"
    monkeypatch.delenv(LANGUAGE_VARIABLE)
    assert load_config(str(ROOT / "mkdocs.yml")).plugins["i18n"].config.build_only_locale is None


# --- A new language, added by the command to a copy of the real project ----------------------
# tests/test_content_changes.py: every page falls back, the strict build passes.


# --- Accessibility of the status page, in Chromium -------------------------------------------


@pytest.fixture(scope="module")
def served(site):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *args: None
    with socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        yield f"http://127.0.0.1:{server.server_address[1]}"
        server.shutdown()


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("path, marked", [("translations", "fov-status"), ("translation-changes", "<ins>")])
def test_status_labels_pass_axe_colour_contrast(browser, served, scheme, path, marked):
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.goto(f"{served}/zh-Hant/{path}/")
    # Material's links fade to a new colour (transition: color 125ms): axe, run at once
    # after the switch, could read a link still in the other scheme's colour.
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
    page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    page.add_script_tag(path=str(ROOT / "tests/node_modules/axe-core/axe.min.js"))
    result = page.evaluate(
        "axe.run('.md-content', {runOnly: ['color-contrast', 'link-name', 'td-headers-attr',"
        " 'th-has-data-cells']})"
    )
    context.close()
    badges = [node for rule in result["passes"] for node in rule["nodes"] if marked in node["html"]]
    assert badges, "axe checked no status label"
    assert result["violations"] == []
