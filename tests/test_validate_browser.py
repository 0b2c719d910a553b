"""The share cards of the real site, in Debian's Chromium over HTTP on
127.0.0.1: plain share links without JavaScript, a working copy button with
it, a card that reads right to left; and the real site's pages that ask
readers to share hold a card in their own language."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import ROOT
from fov.base.rendered import parse_html

pytestmark = pytest.mark.browser

TAKE_ACTION = {"en": "take-action/", "zh-Hant": "zh-Hant/take-action/", "zh-Hans": "zh-Hans/take-action/"}
TAGS = {"en": "#FutureOfVolunteering", "zh-Hant": "#志願服務的未來", "zh-Hans": "#志願服務的未來"}


@pytest.mark.parametrize("language", TAKE_ACTION)
def test_each_take_action_page_has_a_share_card_in_its_share_section(real_site, language):
    html = (real_site.site / TAKE_ACTION[language] / "index.html").read_text(encoding="utf-8")
    page = parse_html(html)
    cards = [c for c in page.share_cards() if "share" in c.section]
    assert len(cards) == 1
    (button,) = [e for e in page.elements if e.tag == "button" and e.get("data-fov-copy") is not None]
    assert TAGS[language] in button.get("data-fov-copy")
    assert "https://iave.org/calltoaction" in button.get("data-fov-copy")


def test_share_links_work_as_plain_links_without_javascript(browser, site_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{site_server}/zh-Hant/take-action/")
        card = page.locator(".fov-snippet")
        assert card.locator(".fov-snippet__copy").is_hidden()  # useless without JavaScript
        links = card.locator("a.fov-snippet__service")
        assert links.count() == 8
        x = links.first.get_attribute("href")
        query = parse_qs(urlsplit(x).query)
        assert urlsplit(x).netloc == "x.com" and query["url"] == ["https://iave.org/calltoaction"]
        assert "#志願服務的未來" in query["text"][0]
        assert links.last.get_attribute("href").startswith("mailto:?subject=")
        assert "+" not in links.last.get_attribute("href")
        assert card.locator(".fov-snippet__text").inner_text().startswith("志工")
    finally:
        context.close()


def test_the_copy_button_copies_the_whole_post(browser, site_server):
    context = browser.new_context(locale="en-US")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_server)
    page = context.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        page.goto(f"{site_server}/take-action/")
        button = page.locator(".fov-snippet__copy")
        button.wait_for(state="visible")
        expected = button.get_attribute("data-fov-copy")
        button.click()
        page.locator(".fov-snippet__status", has_text="Copied").wait_for(state="attached")
        assert page.evaluate("navigator.clipboard.readText()") == expected
        assert expected.endswith("#FutureOfVolunteering https://iave.org/calltoaction")
        assert not [e for e in errors if "Content Security Policy" in e]
    finally:
        context.close()


def test_the_card_reads_right_to_left(page, site_server):
    page.goto(f"{site_server}/take-action/")
    card = page.locator(".fov-snippet")
    left_to_right = card.evaluate("c => [getComputedStyle(c).borderLeftWidth, getComputedStyle(c).borderRightWidth]")
    card.evaluate("c => c.setAttribute('dir', 'rtl')")
    right_to_left = card.evaluate("c => [getComputedStyle(c).borderLeftWidth, getComputedStyle(c).borderRightWidth]")
    assert left_to_right[0] != "0px" and left_to_right[1] == "0px"
    assert right_to_left[0] == "0px" and right_to_left[1] != "0px"
    first, last = card.locator("a.fov-snippet__service").first, card.locator("a.fov-snippet__service").last
    assert first.bounding_box()["x"] > last.bounding_box()["x"]  # the list runs from the right


def test_the_card_stylesheet_uses_logical_properties_only():
    css = (ROOT / "overrides/assets/stylesheets/share-snippets.css").read_text(encoding="utf-8")
    rules = css.split("*/", 1)[1]  # after the header comment
    assert "left" not in rules and "right" not in rules
