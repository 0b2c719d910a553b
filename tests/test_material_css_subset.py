"""Material's CSS, served with only what the site uses (hooks/material_css_subset.py):
the rules a cut keeps and drops, the built site's copies, and, in a real
browser, pages that look exactly the same with the cut CSS as with Material's
whole files, in the states a visitor brings about."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from conftest import DESKTOP, PHONE
from fov.build.css_subset import class_filter, classes_in_site, cut_site, palette_filter, subset, used_values

INDIGO_BOTH_SCHEMES = used_values([
    {"scheme": "default", "primary": "indigo", "accent": "indigo"},
    {"scheme": "slate", "primary": "indigo", "accent": "indigo"},
])


def test_rules_for_unused_colours_go_and_rules_in_use_stay():
    css = (
        "[data-md-color-primary=indigo]{--p:#4051b5}"
        "[data-md-color-primary=red]{--p:red}"
        "[data-md-color-primary=red],[data-md-color-primary=indigo]{--q:1}"
        "[data-md-color-primary=lime]:not([data-md-color-scheme=slate]){--a:lime}"
        "@media screen{[data-md-color-scheme=slate]{color-scheme:dark}"
        "[data-md-color-scheme=slate][data-md-color-primary=pink]{--a:pink}}"
        ".md-header{color:red}"
    )
    out = subset(css, palette_filter(INDIGO_BOTH_SCHEMES))
    assert out == (
        "[data-md-color-primary=indigo]{--p:#4051b5}"
        "[data-md-color-primary=indigo]{--q:1}"
        "@media screen{[data-md-color-scheme=slate]{color-scheme:dark}}"
        ".md-header{color:red}"
    )


def test_unconfigured_values_take_materials_defaults():
    assert used_values([{}]) == {"scheme": {"default"}, "primary": {"indigo"}, "accent": {"indigo"}}


def test_rules_for_classes_nothing_uses_go_and_the_rest_stay():
    wanted = class_filter({"md-header", "md-typeset", "js"}, ("md-tooltip2--",))
    css = (
        ".md-header{a:1}"
        ".admonition{b:2}"                               # no page has one
        ".md-typeset .admonition,.md-typeset p{c:3}"     # one selector of two
        ".md-typeset a:not(.md-button){d:4}"             # asks for a class to be absent
        ".md-typeset :is(.tabbed-set,.md-header) b{e:5}" # either will do
        "html.js .md-header{f:6}"
        ".md-tooltip2--top{g:7}"                         # a script completes the prefix
        "@media screen{.md-sidebar{h:8}.md-header{i:9}}"
        "@supports (display:grid){.grid{j:10}}"
        "@keyframes spin{0%{k:11}}"
        "/* a comment */body{l:12}"
    )
    assert subset(css, wanted) == (
        ".md-header{a:1}"
        ".md-typeset p{c:3}"
        ".md-typeset a:not(.md-button){d:4}"
        ".md-typeset :is(.tabbed-set,.md-header) b{e:5}"
        "html.js .md-header{f:6}"
        ".md-tooltip2--top{g:7}"
        "@media screen{.md-header{i:9}}"
        "@keyframes spin{0%{k:11}}"
        "/* a comment */body{l:12}"
    )


def test_classes_come_from_pages_and_from_the_words_of_scripts(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        "<p class='note  wide'>x</p><div class=\"md-grid\"></div><p>class is a word</p>", encoding="utf-8")
    (tmp_path / "app.js").write_text('el.classList.add("md-search-result__item"); x = "md-tooltip2--" + p',
                                     encoding="utf-8")
    (tmp_path / "search_index.json").write_text('{"text": "<p class=\\"md-banner\\">"}', encoding="utf-8")
    names, prefixes = classes_in_site(tmp_path)
    assert {"note", "wide", "md-grid", "md-search-result__item", "md-banner"} <= names
    assert "is" not in names  # words of a page's text are not classes
    assert prefixes == ("md-tooltip2--",)


def test_a_site_is_cut_from_the_themes_own_copy_never_from_a_cut_one(tmp_path, caplog):
    import logging

    from fov.build.build_cache import BuildCache

    theme, site = tmp_path / "theme", tmp_path / "site"
    for folder in (theme, site):
        (folder / "assets" / "stylesheets").mkdir(parents=True)
    (theme / "assets" / "stylesheets" / "main.1.min.css").write_text(
        ".md-header{a:1}.md-banner{b:2}.md-grid{c:3}", encoding="utf-8")
    (site / "assets" / "stylesheets" / "main.1.min.css").write_text(".md-header{a:1}", encoding="utf-8")  # cut before
    (site / "assets" / "stylesheets" / "palette.2.min.css").write_text("[x]{y:1}", encoding="utf-8")
    (site / "index.html").write_text('<div class="md-header md-grid"></div>', encoding="utf-8")
    cache = BuildCache(tmp_path / "cache", "material-css", ".css")
    with caplog.at_level(logging.INFO):
        cut_site(site, [str(tmp_path / "no-such-theme"), str(theme)], {"scheme": "slate"}, cache,
                 logging.getLogger("test_material_css_subset"))
    assert (site / "assets" / "stylesheets" / "main.1.min.css").read_text(encoding="utf-8") == (
        ".md-header{a:1}.md-grid{c:3}")
    # A stylesheet the theme does not have is served as it is, and the build says so.
    assert (site / "assets" / "stylesheets" / "palette.2.min.css").read_text(encoding="utf-8") == "[x]{y:1}"
    assert "palette.2.min.css" in caplog.text and "served whole" in caplog.text


def test_the_built_site_serves_cut_copies_of_materials_css(real_site):
    stylesheets = real_site.site / "assets" / "stylesheets"
    palette = next(stylesheets.glob("palette.*.min.css")).read_text(encoding="utf-8")
    assert "[data-md-color-scheme=slate]" in palette
    # The campaign's own colours (primary and accent "custom") are in fov.css:
    # none of Material's named colours is left.
    assert "[data-md-color-primary=indigo]" not in palette and "[data-md-color-accent=indigo]" not in palette
    assert "[data-md-color-primary=red]" not in palette
    assert len(palette) < 4096
    main = next(stylesheets.glob("main.*.min.css")).read_text(encoding="utf-8")
    assert ".md-search-result__item" in main and ".md-nav__link" in main  # scripts' and pages' classes
    assert ".md-banner" not in main and ".arithmatex" not in main  # no page has a banner or maths
    assert len(main) < 100 * 1024  # Material's is 137 KiB


# -- what a visitor sees ----------------------------------------------------------------

def _theme_stylesheets() -> dict[str, bytes]:
    import material

    folder = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    return {path.name: path.read_bytes() for path in folder.glob("*.min.css")}


def _open_menu(page):
    page.locator(".md-header .md-select").hover()


def _open_drawer(page):
    page.locator("label.md-header__button[for=__drawer]").click()


def _search(page):
    page.locator("label.md-header__button[for=__search]:visible, input.md-search__input:visible").first.click()
    page.keyboard.insert_text("volunteer")
    page.locator(".md-search-result__item").first.wait_for()


# (page, screen, colour scheme, what the visitor does before the picture)
STATES = [
    ("/call/", PHONE, "light", None),
    ("/ar/call/", PHONE, "dark", _open_drawer),
    ("/zh-Hant/", PHONE, "light", _search),
    ("/call/", DESKTOP, "light", _open_menu),
    ("/take-action/", DESKTOP, "dark", None),
    ("/fr/stakeholders/", DESKTOP, "light", _search),
    ("/translations/", DESKTOP, "light", None),
]


def _picture(browser, url, screen, scheme, action, whole_css: bool) -> bytes:
    context = browser.new_context(viewport=screen, is_mobile=screen is PHONE, has_touch=screen is PHONE,
                                  color_scheme=scheme, locale="en-US", reduced_motion="reduce")
    try:
        page = context.new_page()
        if whole_css:
            originals = _theme_stylesheets()
            page.route("**/assets/stylesheets/*.min.css", lambda route: route.fulfill(
                body=originals[route.request.url.rsplit("/", 1)[1]], content_type="text/css"))
        page.goto(url, wait_until="networkidle")
        page.mouse.move(screen["width"] // 2, screen["height"] // 2)  # the first interaction: Material's bundle
        page.locator("html.js").wait_for(state="attached")  # no eval: the page's policy forbids it
        if action:
            action(page)
        page.wait_for_timeout(400)
        return page.screenshot(full_page=True, animations="disabled", caret="hide")
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("url,screen,scheme,action", STATES,
                         ids=[f"{u}-{'phone' if s is PHONE else 'desktop'}-{c}-{a.__name__.strip('_') if a else 'read'}"
                              for u, s, c, a in STATES])
def test_pages_look_the_same_with_the_cut_css_as_with_materials_whole_css(browser, site_server, url, screen,
                                                                          scheme, action):
    # A missing rule differs in every picture; on a busy machine Chromium now and then
    # rasterises the header's icons a shade apart (a few dozen pixels, at most 21 levels
    # of 255) in one picture of a pair. So a pair that differs is taken again, up to
    # twice: the test fails only when every pair differs.
    differences = []
    for _ in range(3):
        difference = _difference(browser, site_server + url, screen, scheme, action)
        if difference is None:
            return
        differences.append(difference)
    pytest.fail(f"{url}: the pictures differ in the boxes {differences}")


def _difference(browser, url, screen, scheme, action):
    from PIL import Image, ImageChops

    cut = Image.open(io.BytesIO(_picture(browser, url, screen, scheme, action, False)))
    whole = Image.open(io.BytesIO(_picture(browser, url, screen, scheme, action, True)))
    if cut.size != whole.size:
        return f"sizes {cut.size} and {whole.size}"
    return ImageChops.difference(cut.convert("RGB"), whole.convert("RGB")).getbbox()
