"""The campaign's front door (issue 16): every language's home page, as a
visitor sees it on a 360×640 phone and a desktop screen, and the checks that
keep a translation's words in the same structure (fov.pages.home, hooks/home_page.py)."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from conftest import DESKTOP, LANGUAGES, ROOT, _PermissiveLoader, build_site, write_fixture_site
from fov.pages.home import count_actions, format_number, home_problems

SMALL_PHONE = {"width": 360, "height": 640}
SCREENS = {"phone": SMALL_PHONE, "desktop": DESKTOP}
UN_REPORT = "https://swvr2022.unv.org/"


def home_url(base: str, language: str) -> str:
    return f"{base}/" if language == "en" else f"{base}/{language}/"


def screen_context(browser, screen, language: str):
    """A visitor whose browser speaks the page's language (no language suggestion)."""
    return browser.new_context(viewport=screen, is_mobile=screen is SMALL_PHONE,
                               has_touch=screen is SMALL_PHONE, locale=language)


def _first_screen_problems(page, screen) -> list[str]:
    boxes = page.evaluate("""() => {
        const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
        const text = document.querySelector('.fov-hero__text');
        return {
          title: box(text.querySelector('h1')),
          ask: box(text.querySelector('h1 ~ p')),
          buttons: [...document.querySelectorAll('.fov-hero__actions a')].map(box),
        };
    }""")
    problems = []
    named = [("title", boxes["title"]), ("ask", boxes["ask"])]
    named += [(f"button {n + 1}", b) for n, b in enumerate(boxes["buttons"])]
    for name, (left, top, right, bottom) in named:
        if top < 0 or bottom > screen["height"] or left < 0 or right > screen["width"]:
            problems.append(f"{name} at {left:.0f},{top:.0f}-{right:.0f},{bottom:.0f}")
    if len(boxes["buttons"]) != 3:
        problems.append(f"{len(boxes['buttons'])} buttons instead of 3")
    return problems


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_hero_ask_and_three_buttons_are_in_the_first_screen(browser, site_server, language, screen):
    context = screen_context(browser, SCREENS[screen], language)
    try:
        page = context.new_page()
        page.goto(home_url(site_server, language))
        problems = _first_screen_problems(page, SCREENS[screen])
        assert not problems, f"{language}, {screen}: outside the first screen: {problems}"
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{language}, {screen}: the page is {overflow}px wider than the screen"
        # Nothing fixed (the language suggestion) covers a button.
        covered = page.evaluate("""() => [...document.querySelectorAll('.fov-hero__actions a')].filter(a => {
            const r = a.getBoundingClientRect();
            const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            return !a.contains(top);
        }).length""")
        assert covered == 0, f"{language}, {screen}: {covered} buttons covered"
    finally:
        context.close()


def _links(page, selector: str) -> list[str]:
    return page.eval_on_selector_all(selector, "els => els.map(e => e.href)")


def _has_id(page, url: str) -> bool:
    page.goto(url)
    fragment = urlsplit(url).fragment
    return page.evaluate("id => !!document.getElementById(id)", fragment) if fragment else True


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_figure_card_and_stakeholder_entry_leads_somewhere_real(page, site_server, language):
    url = home_url(site_server, language)
    page.goto(url)
    figures = _links(page, ".fov-figure a")
    assert len(figures) == 3 and figures[0] == UN_REPORT, figures
    numbers = page.eval_on_selector_all(".fov-figure__number", "els => els.map(e => e.textContent)")
    assert all(re.search(r"\d", n) for n in numbers), numbers
    cards = _links(page, ".fov-card a")
    asks = _links(page, ".fov-asks a")
    organisations = _links(page, ".fov-mark")
    assert len(cards) == 3 and len(asks) == 5 and len(organisations) == 5
    assert all(o.startswith("https://") for o in organisations)
    inside = [link for link in figures[1:] + cards + asks if link.startswith(site_server)]
    assert len(inside) == 10 and all(urlsplit(link).fragment for link in inside), inside
    missing = [link for link in inside if not _has_id(page, link)]
    assert not missing, f"{language}: links to no id: {missing}"
    # Entries go to the stakeholder page of the same language.
    assert all(urlsplit(a).path == urlsplit(urljoin(url, "stakeholders/")).path for a in asks), asks


def test_the_arabic_home_page_mirrors(browser, site_server):
    context = browser.new_context(viewport=SMALL_PHONE, locale="ar")
    page = context.new_page()
    page.goto(home_url(site_server, "ar"))
    assert page.evaluate("document.documentElement.dir || document.body.dir") == "rtl"
    title = page.locator(".fov-hero h1").bounding_box()
    first, second = [page.locator(".fov-hero__actions a").nth(n).bounding_box() for n in (0, 1)]
    # Text starts on the right: the heading hugs the right edge, and the first
    # button is right of the second (or above it, when they wrap).
    assert SMALL_PHONE["width"] - (title["x"] + title["width"]) < 24
    assert first["x"] > second["x"] or first["y"] < second["y"]
    context.close()


def test_the_home_page_reads_without_javascript(browser, site_server):
    context = browser.new_context(viewport=SMALL_PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(home_url(site_server, "fr"))
    assert page.locator(".fov-hero__actions a").count() == 3
    assert page.locator(".fov-card").count() == 3
    assert "862 millions" in page.inner_text(".fov-figures")
    context.close()


def test_the_same_figures_links_and_ids_in_every_language(real_site):
    def structure(language: str):
        path = real_site.site / ("index.html" if language == "en" else f"{language}/index.html")
        html = path.read_text(encoding="utf-8")
        actions = html.index('class="fov-hero__actions"')
        sections = html.index('class="md-typeset fov-home"')
        home = html[actions:html.index("</p>", actions)] + html[sections:html.index("</ul>", html.index('class="fov-marks"'))]
        links = [re.sub(r"^(\.\./)*", "", link) for link in re.findall(r'<a [^>]*href="([^"]+)"', home)]
        ids = re.findall(r' id="([^"]+)"', home)
        return ids, links
    english = structure("en")
    for language in LANGUAGES[1:]:
        assert structure(language) == english, language


# -- the words and numbers (fov.pages.home) ------------------------------------------------------

def test_numbers_are_formatted_for_each_language_by_babel():
    assert format_number(862_000_000, "compact", "en") == "862 million"
    assert format_number(862_000_000, "compact", "fr") == "862 millions"
    assert format_number(862_000_000, "compact", "zh-Hant") == "8.62億"
    assert format_number(14_000, "decimal", "es") == "14.000"
    assert format_number(14_000, "decimal", "fr") == "14\u202f000"
    assert format_number(2026, "year", "en") == "2026"


def test_actions_are_counted_from_the_action_headings():
    markdown = ("# Recognise {#recognise}\n\n## The actions {#recognise-actions}\n\n"
                "### One {#recognise-1 data-stakeholders=\"governments\"}\n\nText.\n\n"
                "### Two {#recognise-2 data-stakeholders=\"all\"}\n\n#### Not an action {#note}\n")
    assert count_actions(markdown) == 2


ENGLISH = {
    "figures_title": "F", "areas_title": "A", "asks_title": "S", "organisations_title": "O",
    "figures": {"volunteers": {"number": "about {number}", "text": "people", "source": "UN"}},
    "areas": {"recognise": {"title": "R", "text": "t", "count": {"one": "{count} action", "other": "{count} actions"}}},
    "actions": {"share": "Share"}, "asks": {"governments": "Governments"}, "organisations": {"iave": "IAVE"},
}
EXPECTED = {"figures": ["volunteers"], "areas": ["recognise"], "actions": ["share"],
            "asks": ["governments"], "organisations": ["iave"]}


def test_good_words_have_no_problem():
    assert home_problems(ENGLISH, ENGLISH, EXPECTED, {"recognise": 6}, "en") == []


def test_a_lost_placeholder_a_missing_id_and_a_missing_plural_form_are_reported():
    words = {**ENGLISH, "figures": {"volunteers": {"number": "environ", "text": "t", "source": "s"}},
             "asks": {"gouvernements": "Gouvernements"},
             "areas": {"recognise": {"title": "R", "text": "t", "count": {"one": "{count} действие",
                                                                             "other": "{count} действия"}}}}
    problems = home_problems(words, ENGLISH, EXPECTED, {"recognise": 6}, "ru")
    text = "\n".join(p.what + " / " + p.fix for p in problems)
    assert "'home.figures.volunteers.number' has the placeholders none where the English has {number}" in text
    assert "'home.asks' has no entry 'governments'" in text
    assert "'home.asks.gouvernements' is not an id" in text
    assert "no 'many' form, which ru uses for 6" in text


def test_words_in_the_wrong_shape_are_reported_not_a_traceback():
    words = {**ENGLISH, "figures": {"volunteers": "about 862 million people"},
             "areas": {"recognise": {"title": "R", "count": {"other": "{count} actions"}}}}
    text = "\n".join(p.what for p in home_problems(words, ENGLISH, EXPECTED, {"recognise": 6}, "en"))
    assert "'home.figures.volunteers' is not a group of fields" in text
    assert "'home.areas.recognise' has no field 'text'" in text
    assert home_problems(["a list"], ENGLISH, EXPECTED, {"recognise": 6}, "en")[0].what.startswith("the front matter")


def test_a_translation_that_breaks_the_structure_fails_the_build_at_its_line(tmp_path):
    pages = {}
    for language in ("en", "fr"):
        for source in (ROOT / "docs" / language).glob("*.md"):
            pages[f"{language}/{source.name}"] = source.read_text(encoding="utf-8")
    pages["fr/index.md"] = pages["fr/index.md"].replace('number: "près de {number}"', 'number: "près de 14 000"')
    config = write_fixture_site(tmp_path, pages, languages=("en", "fr"))
    result = build_site(config, tmp_path / "site")
    assert not result.ok
    line = next(n for n, text in enumerate(pages["fr/index.md"].splitlines(), 1) if "près de 14 000" in text)
    assert any(f"docs/fr/index.md:{line}:" in m and "{number}" in m for m in result.messages), result.text


def test_a_campaign_link_to_a_missing_id_fails_the_build_at_its_line_of_mkdocs_yml(tmp_path):
    pages = {f"en/{source.name}": source.read_text(encoding="utf-8")
             for source in (ROOT / "docs" / "en").glob("*.md")}
    extra = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_PermissiveLoader)["extra"]
    extra["campaign"]["home"]["actions"][1]["link"] = "take-action.md#nowhere"
    config = write_fixture_site(tmp_path, pages, extra_config={"extra": extra})
    result = build_site(config, tmp_path / "site")
    assert not result.ok
    line = next(n for n, text in enumerate(config.read_text(encoding="utf-8").splitlines(), 1)
                if "take-action.md#nowhere" in text)
    assert any(f"mkdocs.yml:{line}:" in m and "'#nowhere' of take-action.md" in m
               for m in result.messages), result.text
