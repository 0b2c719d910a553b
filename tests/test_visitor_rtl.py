"""Right-to-left pages, proven in Chromium on a fixture site with a test Arabic
(`ar`) language, whose Material language file gives direction rtl; then on the
real Arabic pages (at the end of this file).

The fixture is built once for the module, for real and strictly, with the
project's theme, overrides, hooks and campaign data. Checked: dir="rtl" and
lang="ar"; the layout mirrors (navigation on the right, table of contents on
the left, list bullets on the right, the share links and the PDF link
aligned right); the social card is mirrored; no axe violation in either
scheme. A screenshot of the page is kept in the test's temporary folder.
"""

from __future__ import annotations

import pytest
import yaml
from PIL import Image

from browser_checks import axe_violations, describe, serve
from conftest import PAGES, ROOT, _PermissiveLoader, build_site, write_fixture_site

pytestmark = pytest.mark.browser

AR_SITE_NAME = "مستقبل العمل التطوعي"
AR_PAGE = """---
description: لماذا يهم التطوع، ولماذا يلزم العمل الآن، وكيف شارك 14,000 شخص في صياغة الدعوة.
---

# الدعوة {#the-call}

## لماذا يهم المتطوعون {#why-volunteers-matter}

يتطوع نحو 862 مليون شخص كل شهر. اقرأ [المبادئ](index.md#principles) ثم شارك الدعوة.

- الاعتراف بالتطوع
- دعم التطوع
- حماية التطوع

> الحاجة واضحة وملحة.

## ثلاثة مجالات للعمل {#three-areas}

يدعو المتطوعون جميع الجهات المعنية إلى الاعتراف بالتطوع ودعمه وحمايته.

## شارك الدعوة {#share}

```share
text: المتطوعون يجمعون المجتمعات. أنا أدعم الدعوة إلى العمل من أجل مستقبل العمل التطوعي.
link: https://iave.org/calltoaction
hashtags: #FutureOfVolunteering
```
"""
AR_HOME = """---
description: دعوة من المتطوعين في العالم للاعتراف بالتطوع ودعمه وحمايته.
---

# مستقبل العمل التطوعي {#home}

## المبادئ {#principles}

اقرأ [الدعوة](call.md).
"""
EN_HOME = "---\ndescription: Home.\n---\n\n# Home {#home}\n\n## Principles {#principles}\n\n[The call](call.md).\n"
EN_CALL = "---\ndescription: The call.\n---\n\n# The call {#the-call}\n\nVolunteers.\n"

# The page's chrome and what this test checks; not the translation workflow's
# hooks, which ask a real translation for its records.
HOOKS = ["stakeholder_actions.py", "language_versions.py", "share_links.py", "share_snippets.py",
         "not_found_page.py", "social_cards.py", "call_pdf.py", "content_security_policy.py"]
I18N = {
    "docs_structure": "folder",
    "fallback_to_default": True,
    "reconfigure_material": True,
    "reconfigure_search": True,
    "languages": [
        {"locale": "en", "name": "English", "default": True, "build": True,
         "theme": {"language": "en"}},
        {"locale": "ar", "name": "العربية", "build": True, "site_name": AR_SITE_NAME,
         "site_description": "دعوة إلى العمل من أجل مستقبل العمل التطوعي.",
         "theme": {"language": "ar"}},
    ],
}


@pytest.fixture(scope="module")
def arabic_site(tmp_path_factory):
    real = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_PermissiveLoader)
    root = tmp_path_factory.mktemp("rtl")
    config = write_fixture_site(
        root,
        {"en/index.md": EN_HOME, "en/call.md": EN_CALL, "ar/index.md": AR_HOME,
         "ar/call.md": AR_PAGE},
        languages=("en",),
        # The real site's stylesheets and scripts, which fixture sites leave out.
        extra_config={"plugins": ["search", {"i18n": I18N}], "nav": ["index.md", "call.md"],
                      "extra_css": real["extra_css"],
                      "extra_javascript": real["extra_javascript"]},
        hooks=HOOKS,
    )
    result = build_site(config, root / "site")
    assert result.ok, result.text
    return result.site


@pytest.fixture(scope="module")
def arabic_page(browser, arabic_site):
    with serve(arabic_site) as base:
        context = browser.new_context(locale="ar", bypass_csp=True,
                                      viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.goto(f"{base}/ar/call/")
        yield page
        context.close()


def box(page, selector: str) -> dict:
    return page.locator(selector).first.bounding_box()


def text_box(page, selector: str) -> dict | None:
    """Where the text of the first element matching `selector` is drawn (a
    block's own box spans the whole line whatever its alignment)."""
    return page.evaluate("""selector => {
        const element = document.querySelector(selector);
        if (!element) return null;
        const range = document.createRange();
        range.selectNodeContents(element);
        const r = range.getBoundingClientRect();
        return {x: r.x, y: r.y, width: r.width, height: r.height};
    }""", selector)


def test_the_page_is_marked_right_to_left(arabic_page):
    assert arabic_page.get_attribute("html", "lang") == "ar"
    assert arabic_page.get_attribute("body", "dir") == "rtl"
    direction = arabic_page.evaluate(
        "() => getComputedStyle(document.querySelector('article')).direction")
    assert direction == "rtl"


def test_the_navigation_is_on_the_right_and_the_contents_on_the_left(arabic_page):
    width = arabic_page.viewport_size["width"]
    navigation = box(arabic_page, ".md-sidebar--primary")
    contents = box(arabic_page, ".md-sidebar--secondary")
    article = box(arabic_page, "article")
    assert navigation["x"] > width / 2 > contents["x"] + contents["width"]
    assert contents["x"] < article["x"] < navigation["x"]


def test_list_bullets_and_quote_bar_are_on_the_right(arabic_page):
    items = arabic_page.locator("article ul:not(.fov-share__list) > li").first
    item = items.bounding_box()
    article = box(arabic_page, "article")
    # Text starts at the right edge; the indent (with the bullet) is on the right.
    assert article["x"] + article["width"] - (item["x"] + item["width"]) > 10
    assert item["x"] - article["x"] < 5
    border = arabic_page.evaluate(
        "() => { const s = getComputedStyle(document.querySelector('article blockquote'));"
        " return [s.borderRightWidth, s.borderLeftWidth]; }")
    assert border[0] != "0px" and border[1] == "0px"


def test_the_share_card_share_links_and_pdf_link_align_right(arabic_page):
    article = box(arabic_page, "article")
    right = article["x"] + article["width"]
    for selector in (".fov-snippet__text", ".fov-snippet__services li",
                     ".fov-share__title", ".fov-share__list li", ".fov-download"):
        element = text_box(arabic_page, selector)
        assert element is not None, f"{selector} is missing"
        assert right - (element["x"] + element["width"]) < 30, f"{selector} is not on the right"
        assert element["x"] - article["x"] > 20, f"{selector} fills the line: cannot tell"


def test_a_latin_hashtag_keeps_its_hash_in_front_on_an_arabic_page(arabic_page):
    """Bidi would draw "#" after a Latin word in a right-to-left line."""
    hash_x, letter_x = arabic_page.evaluate("""() => {
        const text = document.querySelector('.fov-snippet__tags').firstChild;
        const at = i => { const r = document.createRange(); r.setStart(text, i);
                          r.setEnd(text, i + 1); return r.getBoundingClientRect().x; };
        return [at(0), at(1)];
    }""")
    assert hash_x < letter_x


def test_the_arabic_page_has_no_axe_violation_in_either_scheme(browser, arabic_site):
    with serve(arabic_site) as base:
        for scheme in ("light", "dark"):
            context = browser.new_context(color_scheme=scheme, bypass_csp=True)
            try:
                page = context.new_page()
                page.goto(f"{base}/ar/call/")
                assert not (found := axe_violations(page)), describe(found, f"ar/call ({scheme})")
            finally:
                context.close()


def test_a_screenshot_shows_the_mirrored_page(arabic_page, tmp_path):
    """Kept for a person to look at (tmp_path); also: the screenshot's right
    quarter holds the navigation's text, as the page's layout says."""
    shot = tmp_path / "ar-call.png"
    arabic_page.screenshot(path=str(shot), full_page=True)
    with Image.open(shot) as image:
        assert image.width == 1280 and image.height > 900


def test_the_social_card_is_drawn_right_to_left(arabic_site):
    with Image.open(arabic_site / "ar/assets/images/social/call.png") as card:
        assert card.size == (1200, 630)
        ink = _text_columns(card.convert("L"), top=150, bottom=250)
    # A short title: its ink ends at the right margin and starts far from the left.
    assert 1200 - 80 - 10 <= max(ink) <= 1200 - 80 + 10
    assert min(ink) > 400


def test_the_arabic_pdf_of_the_call_is_built(arabic_site):
    pdf = arabic_site / "ar/call-to-action-ar.pdf"
    assert pdf.read_bytes().startswith(b"%PDF-")


def _text_columns(image, top: int, bottom: int) -> list[int]:
    """x of every column with near-white pixels (card text) between two rows."""
    band = image.crop((0, top, image.width, bottom))
    columns = band.point(lambda value: 255 if value > 240 else 0).getbbox()
    assert columns is not None, "no text in the band"
    return [columns[0], columns[2]]


# -- the real Arabic pages -----------------------------------------------------------------


@pytest.fixture(scope="module")
def real_arabic(browser, site_server):
    """goto(name) -> the real Arabic page `name`, in an Arabic browser."""
    context = browser.new_context(locale="ar", viewport={"width": 1280, "height": 900})
    page = context.new_page()

    def goto(name: str):
        page.goto(f"{site_server}/ar/" + ("" if name == "index" else f"{name}/"))
        return page

    yield goto
    context.close()


def char_x(page, selector: str, text: str, index: int) -> float:
    """x of character `index` of the first text node holding `text` in the elements
    matching `selector`."""
    x = page.evaluate("""([selector, text, index]) => {
        for (const element of document.querySelectorAll(selector)) {
            const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const at = node.data.indexOf(text);
                if (at < 0) continue;
                const range = document.createRange();
                range.setStart(node, at + index);
                range.setEnd(node, at + index + 1);
                return range.getBoundingClientRect().x;
            }
        }
        return null;
    }""", [selector, text, index])
    assert x is not None, f"no '{text}' in {selector}"
    return x


@pytest.mark.parametrize("name", PAGES)
def test_every_real_arabic_page_is_right_to_left(real_arabic, name):
    page = real_arabic(name)
    assert page.get_attribute("html", "lang") == "ar"
    assert page.get_attribute("body", "dir") == "rtl"
    assert page.evaluate("() => getComputedStyle(document.querySelector('article')).direction") == "rtl"
    if page.locator(".fov-hero").count():  # the home page: no sidebar (hide: navigation)
        text, art = box(page, ".fov-hero__text"), box(page, ".fov-hero__art")
        assert text["x"] > art["x"]  # the hero's words on the right, its picture on the left
        return
    navigation, article = box(page, ".md-sidebar--primary"), box(page, "article")
    assert navigation["x"] > article["x"]  # the navigation on the right


def test_the_real_arabic_share_card_is_right_aligned_and_its_hashtags_read_as_posted(real_arabic):
    page = real_arabic("take-action")
    article = box(page, "article")
    right = article["x"] + article["width"]
    for selector in (".fov-snippet__text", ".fov-snippet__services li", ".fov-share__title"):
        element = text_box(page, selector)
        assert element is not None, f"{selector} is missing"
        assert right - (element["x"] + element["width"]) < 30, f"{selector} is not on the right"
    # The hash sign stays in front of the Latin tag: in the card and in the sentence before it.
    for selector in (".fov-snippet__tags", "#share ~ p"):
        assert char_x(page, selector, "#FutureOfVolunteering", 0) < char_x(page, selector, "#FutureOfVolunteering", 1)


def test_real_arabic_lists_and_numbers_read_right_to_left_with_numbers_left_to_right(real_arabic):
    page = real_arabic("background")
    item = page.locator("#operative-paragraphs ~ ol > li").first.bounding_box()
    article = box(page, "article")
    assert article["x"] + article["width"] - (item["x"] + item["width"]) > 10  # the number on the right
    assert item["x"] - article["x"] < 5
    # A resolution's symbol keeps its order: A/RES/67/138 reads left to right.
    first, last = (char_x(page, "article", "A/RES/67/138", i) for i in (0, 11))
    assert first < last


def test_the_language_menu_names_each_language_in_its_direction_on_an_arabic_page(real_arabic):
    page = real_arabic("call")
    directions = page.locator("a.md-select__link").evaluate_all(
        "links => links.map(a => [a.lang, getComputedStyle(a).direction])")
    assert dict(directions)["ar"] == "rtl" and dict(directions)["en"] == "ltr"
    assert page.evaluate("() => getComputedStyle(document.querySelector('.md-select__inner')).direction") == "rtl"


def test_the_real_arabic_social_card_is_drawn_right_to_left(real_site):
    with Image.open(real_site.site / "ar/assets/images/social/call.png") as card:
        ink = _text_columns(card.convert("L"), top=150, bottom=250)
    assert 1200 - 80 - 10 <= max(ink) <= 1200 - 80 + 10  # the title "النداء" ends at the right margin
    assert min(ink) > 400
