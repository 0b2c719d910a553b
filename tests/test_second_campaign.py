"""The generator builds another campaign with no Python of its own: the River
Commons Call (tests/fixtures/river-commons/, made up for this test) in English,
Spanish and Arabic (right to left), with its own organisations, hashtags, share
text and stakeholders. Its mkdocs.yml, docs/ and language files are all it has;
hooks/ and overrides/ are the generator's, put beside it as in a repository
started from this one."""

from __future__ import annotations

import html
import re
import shutil
import urllib.parse

import pytest

from conftest import HOOKS, ROOT, build_site
from fov.data.language_files import load as load_words
from fov.data.project import load_project

FIXTURE = ROOT / "tests" / "fixtures" / "river-commons"
CAMPAIGN = load_project(FIXTURE / "mkdocs.yml")
LANGUAGES = [lang.locale for lang in CAMPAIGN.languages]  # from its configuration
WORDS = load_words(FIXTURE / "docs" / ".translations", LANGUAGES, CAMPAIGN.source)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("river-commons")
    shutil.copytree(FIXTURE, root / "campaign")
    assert not list((root / "campaign").rglob("*.py"))  # no Python of its own
    (root / "campaign" / "hooks").symlink_to(HOOKS, target_is_directory=True)
    (root / "campaign" / "overrides").symlink_to(ROOT / "overrides", target_is_directory=True)
    result = build_site(root / "campaign" / "mkdocs.yml", root / "site")
    assert result.ok, result.text
    return result.site


def _page(site, locale: str, page: str) -> str:
    folder = site if locale == CAMPAIGN.source else site / locale
    path = folder / ("index.html" if page == "index" else f"{page}/index.html")
    return html.unescape(path.read_text(encoding="utf-8"))


def test_every_page_of_every_language_is_built_with_the_languages_own_words(site):
    assert len(LANGUAGES) == 3 and CAMPAIGN.source == "en"
    for locale in LANGUAGES:
        words = WORDS[locale]
        for page in (p.removesuffix(".md") for p in CAMPAIGN.nav_pages):
            text = _page(site, locale, page)
            assert f'<html lang="{locale}"' in text, (locale, page)
            assert f"- {words.site['name']}</title>" in text or f"<title>{words.site['name']}</title>" in text
            assert words.site["copyright"] in text
            for title in words.nav.values():
                assert title in text, (locale, title)
        assert (site / ("" if locale == "en" else locale) / f"river-commons-call-{locale}.pdf").is_file()
    assert 'dir="rtl"' in _page(site, "ar", "call") and 'dir="ltr"' in _page(site, "es", "call")


def test_nothing_of_the_other_campaign_is_in_it(site):
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for word in ("Future of Volunteering", "FutureOfVolunteering", "IAVE", "志願服務"):
            assert word not in text, (path, word)


def test_its_hashtags_share_text_and_stakeholders(site):
    arabic = _page(site, "ar", "call")
    assert "<bdi>#أنهارنا_مشاع</bdi>" in arabic  # its localised tag, isolated in right-to-left text
    shares = [urllib.parse.unquote(link) for link in re.findall(r'href="(https://x\.com/[^"]+)"', arabic)]
    assert shares and all("#RiverCommons" in link and "#أنهارنا_مشاع" in link for link in shares)
    english = _page(site, "en", "call")
    assert "#أنهارنا_مشاع" not in english  # an Arabic tag only on Arabic pages
    assert "https://t.me/" in arabic and "https://t.me/" not in english  # Telegram: Arabic pages only
    card = _page(site, "es", "take-action")
    assert "Rivers belong to all of us" not in card and "Los ríos son de todos." in card
    assert WORDS["es"].share["copy"] in card and "www.linkedin.com" not in card  # not an allowed site
    # Each action names whom it asks, in the language's words, and the stakeholder page lists it.
    spanish = _page(site, "es", "call")
    assert WORDS["es"].actions["audience_label"] in spanish and WORDS["es"].stakeholders["groups"] in spanish
    cities = _page(site, "es", "stakeholders").split('id="cities"', 1)[1].split('id="river-groups"', 1)[0]
    assert "Cartografiar cada río" in cities and "Mantener abiertas las orillas" in cities


def test_its_notices_and_status_page(site):
    # Arabic translates two of the four pages: the others show the English with the notice.
    fallback = _page(site, "ar", "take-action")
    assert "fov-notice--fallback" in fallback and "Share the call" in fallback
    assert "fov-notice--fallback" not in _page(site, "ar", "call")
    assert "fov-notice" not in _page(site, "es", "take-action").split("md-content", 1)[1].split("</article>", 1)[0]
    status = _page(site, "en", "translations")
    assert status.count("fov-status fov-status--current") == 6  # Spanish 4, Arabic 2
    assert status.count("fov-status fov-status--missing") == 2  # Arabic: stakeholders, take-action
    assert "take-action.md" in status and "العربية" in status and "Español" in status


def test_its_404_page_leads_to_its_own_pages_in_every_language(site):
    """The one 404.html names every language and links each one's home and the
    campaign's call page (call_pdf's first page), all pages of this site."""
    text = html.unescape((site / "404.html").read_text(encoding="utf-8"))
    links = {href for href in re.findall(r'href="([^"#?]+)"', text) if href.startswith("/") and not href.startswith("//")}
    pages = {href for href in links if not href.startswith("/assets/")}  # served at the root (site_url's path: /)
    for locale in LANGUAGES:
        home = "/" if locale == CAMPAIGN.source else f"/{locale}/"
        assert {home, f"{home}call/"} <= pages, locale
        assert WORDS[locale].site["name"] in text
    for href in pages:
        assert (site / href.lstrip("/") / "index.html").is_file() or (site / href.lstrip("/")).is_file(), href
