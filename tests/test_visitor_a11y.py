"""Accessibility in a real browser: axe-core finds no violation on any page of
any language, in the light and the dark colour scheme, nor with search open
and showing results.

Material 9.8.1 as it ships fails axe on every page (a search dialog without a
name, footer text at 4.47:1, links told apart by colour alone); the fixes are
in overrides/partials/search.html and overrides/assets/stylesheets/visitor.css.
One browser context per scheme serves every page (no new browser per page).
"""

from __future__ import annotations

import pytest

from browser_checks import axe_violations, color_scheme, describe
from conftest import LANGUAGES, PAGES

pytestmark = pytest.mark.browser

# Emulated system preference -> the Material scheme the page must then show.
SCHEMES = {"light": "default", "dark": "slate"}
SEARCHES = {"en": "volunteer", "zh-Hant": "志工", "zh-Hans": "志愿", "fr": "bénévoles", "es": "voluntarios",
            "ar": "المتطوعين", "ru": "добровольцы", "pt": "voluntários"}


def page_url(base: str, language: str, name: str) -> str:
    folder = "" if language == LANGUAGES[0] else f"{language}/"
    path = "" if name == "index" else f"{name}/"
    return f"{base}/{folder}{path}"


@pytest.fixture(scope="module", params=list(SCHEMES))
def scheme_page(request, browser):
    """A page in a context that prefers the light or the dark scheme; axe is
    injected, so the site's Content-Security-Policy is bypassed."""
    context = browser.new_context(locale="en-US", color_scheme=request.param,
                                  bypass_csp=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield request.param, page
    context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_of_a_language_has_no_axe_violation(scheme_page, site_server, language):
    scheme, page = scheme_page
    found = []
    for name in PAGES:
        url = page_url(site_server, language, name)
        page.goto(url)
        assert color_scheme(page) == SCHEMES[scheme], f"{url} is not in the {scheme} scheme"
        found.append(describe(axe_violations(page), url))
    assert not any(found), "\n".join(f for f in found if f)


def test_the_not_found_page_has_no_axe_violation(scheme_page, site_server):
    """404.html stands alone (light only, hooks/not_found_page.py); it is checked
    under both system preferences all the same."""
    _scheme, page = scheme_page
    page.goto(f"{site_server}/404.html")
    assert not (found := axe_violations(page)), describe(found, "404.html")


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_results_have_no_axe_violation(scheme_page, site_server, language):
    scheme, page = scheme_page
    # ?q= opens search with that query, as a shared search link does.
    page.goto(page_url(site_server, language, "call") + f"?q={SEARCHES[language]}")
    page.wait_for_selector(".md-search-result__item")
    # The results fade in (a CSS transition): measured mid-fade, their text is paler
    # than it will be. Wait for every finite animation and transition to end.
    page.evaluate("""Promise.all(document.getAnimations()
        .filter(a => a.effect && a.effect.getTiming().iterations !== Infinity)
        .map(a => a.finished))""")
    assert not (found := axe_violations(page)), describe(found, f"search in {language}")


def test_axe_reports_a_violation_it_is_shown(browser, site_server):
    """The harness itself: a button without a name, added to a real page, is found."""
    context = browser.new_context(bypass_csp=True)
    try:
        probe = context.new_page()
        probe.goto(site_server + "/")
        probe.evaluate("() => document.querySelector('article').append(document.createElement('button'))")
        assert "button-name" in {v["id"] for v in axe_violations(probe)}
    finally:
        context.close()
