"""The real site, built once: every page in every language (its own translation,
or the English with a notice: never required to be translated), the facts of
the call in each (written the way that language writes them), the configured
navigation labels, the right <html lang>, and ids shared by every language."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from conftest import LANGUAGES, PAGES, ROOT, language_words
from fov.base.scripts import LATIN, script_name, script_of_language, share_of_script
from fov.data.project import read_config

FACTS = yaml.safe_load((Path(__file__).parent / "facts.yml").read_text(encoding="utf-8"))
HTML_LANG = {language: language for language in LANGUAGES}
# Words that only one of the site's Latin-script languages uses often: a page in
# one of them is told from the others (and from an English fallback) by these.
FUNCTION_WORDS = {
    "en": {"the", "and", "of", "to", "is", "that", "for", "with", "are", "their", "this", "by", "from", "it"},
    "fr": {"le", "les", "des", "et", "du", "une", "est", "dans", "qui", "sur", "aux", "au", "pour", "leur", "ces"},
    "es": {"el", "los", "las", "del", "y", "una", "por", "con", "su", "sus", "al", "es", "lo", "como"},
    "pt": {"o", "os", "do", "da", "dos", "das", "e", "em", "uma", "com", "no", "na", "ao", "pelo", "pela", "seu", "sua"},
}


class PageParts(HTMLParser):
    """What a page shows: <html lang>, article (and hero) text, hrefs, ids, nav labels."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.lang = None
        self.article: list[str] = []
        self.hrefs: list[str] = []
        self.ids: list[str] = []
        self.nav_labels: list[str] = []
        self._stack: list[str] = []
        self._article_depth = None
        self._nav_link_depth = None
        self.feed(html)
        # Collapse ASCII white space only: a no-break space (14\u00a0000 in French) is part
        # of how a language writes a number.
        self.text = re.sub(r"[ \t\r\n\f]+", " ", "".join(self.article)).strip()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if tag in self.VOID:
            return
        self._stack.append(tag)
        classes = (attrs.get("class") or "").split()
        # The page's own content: the article, and the home page's hero above it
        # (overrides/home.html), which holds its heading, ask and buttons.
        if (tag == "article" and "md-content__inner" in classes) or (tag == "section" and "fov-hero" in classes):
            self._article_depth = len(self._stack)
        if self._article_depth:
            if "href" in attrs:
                self.hrefs.append(attrs["href"])
            if "id" in attrs:
                self.ids.append(attrs["id"])
        if tag == "a" and "md-nav__link" in classes:
            self._nav_link_depth = len(self._stack)

    def handle_endtag(self, tag):
        if tag in self.VOID or not self._stack:
            return
        if self._article_depth == len(self._stack):
            self._article_depth = None
        if self._nav_link_depth == len(self._stack):
            self._nav_link_depth = None
        self._stack.pop()

    def handle_data(self, data):
        if self._article_depth:
            self.article.append(data)
        if self._nav_link_depth and data.strip():
            self.nav_labels.append(data.strip())


def page_path(site: Path, language: str, page: str) -> Path:
    prefix = site if language == "en" else site / language
    return prefix / ("index.html" if page == "index" else f"{page}/index.html")


@pytest.fixture(scope="module")
def parts(real_site):
    return {
        (language, page): PageParts(page_path(real_site.site, language, page).read_text(encoding="utf-8"))
        for language in LANGUAGES
        for page in PAGES
    }


def test_the_real_site_builds_strictly_with_no_warning(real_site):
    assert real_site.ok and real_site.messages == []


def translated(language: str, page: str) -> bool:
    """Whether the language has its own file for the page (else the site shows
    the English with a notice: content, which the tests never require)."""
    return language == "en" or (ROOT / "docs" / language / f"{page}.md").is_file()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_every_page_exists_in_every_language_in_it_or_as_a_marked_fallback(real_site, parts, language, page):
    shown = parts[(language, page)]
    assert shown.lang == HTML_LANG[language]
    if not translated(language, page):  # not translated yet: the English, with its notice
        html = page_path(real_site.site, language, page).read_text(encoding="utf-8")
        assert "fov-notice--fallback" in html
        return
    if language != "en":
        assert shown.text != parts[("en", page)].text
    script = script_of_language(language)
    if script == LATIN:
        scores = function_word_scores(shown.text)
        if language in scores:
            others = {other: score for other, score in scores.items() if other != language}
            assert scores[language] > 0.08 and scores[language] > 5 * max(others.values()), scores
        else:  # a Latin-script language without a word list here: at least not English
            assert scores["en"] < 0.08, scores
    else:  # names of organisations and documents stay in Latin letters
        share = share_of_script(shown.text, script)
        assert share > 0.4, f"{share:.0%} of the letters are {script_name(script)}"


def function_word_scores(text: str) -> dict[str, float]:
    """For each Latin-script language, the part of the text's words that are its function words."""
    words = re.findall(r"\w+", text.lower())
    return {lang: sum(word in common for word in words) / max(len(words), 1)
            for lang, common in FUNCTION_WORDS.items()}


def test_the_language_checks_tell_the_languages_apart():
    french = "Les bénévoles font tenir les communautés et sont une force pour le développement durable."
    spanish = "Los voluntarios mantienen unidas a las comunidades y son una fuerza para el desarrollo."
    scores = function_word_scores(french)
    assert max(scores, key=scores.get) == "fr"
    scores = function_word_scores(spanish)
    assert max(scores, key=scores.get) == "es"
    assert share_of_script("Добровольцы IAVE", script_of_language("ru")) == 11 / 15
    assert share_of_script("المتطوعون", "ARABIC") == 1.0 and share_of_script("volunteers", "ARABIC") == 0.0


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_the_facts_of_the_call_are_on_every_page(parts, language, page):
    shown = parts[(language, page)]
    expected = {**FACTS["common"].get(page, {})}
    written_in = language if translated(language, page) else "en"  # a fallback shows the English
    for key, values in FACTS.get(written_in, {}).get(page, {}).items():
        expected[key] = expected.get(key, []) + values
    missing_text = [t for t in expected.get("text", []) if t not in shown.text]
    present = [t for t in expected.get("absent", []) if t in shown.text]
    missing_ids = [i for i in expected.get("ids", []) if i not in shown.ids]
    missing_links = [
        link for link in expected.get("links", [])
        if not any(href == link or href.endswith(link) for href in shown.hrefs)
    ]
    assert (missing_text, missing_ids, missing_links, present) == ([], [], [], [])


@pytest.mark.parametrize("page", PAGES)
def test_every_language_uses_the_english_heading_ids(parts, page):
    english = {i for i in parts[("en", page)].ids if not i.startswith("fn")}
    for language in LANGUAGES[1:]:
        assert english <= set(parts[(language, page)].ids), language


@pytest.mark.parametrize("language", LANGUAGES)
def test_action_pages_hold_fourteen_actions_with_their_stakeholders(parts, language):
    counts = {}
    for page in ("recognise", "support", "protect"):
        ids = parts[(language, page)].ids
        counts[page] = sum(1 for i in ids if i.startswith(f"{page}-") and i.split("-")[-1].isdigit())
    assert counts == {"recognise": 6, "support": 6, "protect": 2}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_stakeholder_page_lists_every_action_under_someone(real_site, language):
    html = page_path(real_site.site, language, "stakeholders").read_text(encoding="utf-8")
    listed = PageParts(html).hrefs
    for page, count in (("recognise", 6), ("support", 6), ("protect", 2)):
        for n in range(1, count + 1):
            assert any(href.endswith(f"{page}/#{page}-{n}") for href in listed), f"{page}-{n}"


def _nav_titles(items) -> list[str]:
    titles = []
    for item in items:
        if isinstance(item, dict):
            for title, value in item.items():
                titles.append(title)
                if isinstance(value, list):
                    titles += _nav_titles(value)
    return titles


@pytest.mark.parametrize("language", LANGUAGES[1:])
def test_navigation_labels_are_the_configured_translations(parts, language):
    """Each title the language's file translates (docs/.translations/<language>.yml,
    `nav:`) shows translated; a title not translated yet shows in English."""
    config = read_config(ROOT / "mkdocs.yml")
    translations = language_words()[language].nav
    labels = set(parts[(language, "call")].nav_labels)
    for title in _nav_titles(config["nav"]):
        shown = translations.get(title, title)
        assert shown in labels, (title, shown)
        if shown != title:
            assert title not in labels, title


def test_background_lists_twenty_five_operative_paragraphs(real_site):
    for language in LANGUAGES:
        html = page_path(real_site.site, language, "background").read_text(encoding="utf-8")
        section = html.split('id="operative-paragraphs"', 1)[1].split("<h2", 1)[0]
        assert section.count("<li>") == 25, language


# Characters that exist only in Simplified Chinese (their Traditional forms differ).
SIMPLIFIED_ONLY = set("们这为与对会国说时个来发学长门问间见车东处应该实现经过关后还让给边种样无从动员务愿")


def test_traditional_chinese_pages_hold_no_simplified_characters(parts):
    for page in PAGES:
        text = parts[("zh-Hant", page)].text
        assert not (set(text) & SIMPLIFIED_ONLY), (page, sorted(set(text) & SIMPLIFIED_ONLY))
        assert "服務物件" not in text


def test_hashtags_are_never_glued_to_the_word_before(parts):
    for (language, page), shown in parts.items():
        for tag in ("#FutureOfVolunteering", "#志願服務的未來"):
            start = shown.text.find(tag)
            while start > 0:
                assert not shown.text[start - 1].isalnum(), (language, page, shown.text[start - 10:start + 5])
                start = shown.text.find(tag, start + 1)
