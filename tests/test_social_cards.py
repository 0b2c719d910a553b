"""Social cards: a 1200x630 PNG per page and language, drawn offline at build
time (hooks/social_cards.py, fov.pages.social_card), and the og:image / Twitter
card tags of every page pointing at it with an absolute URL."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from PIL import Image

from conftest import LANGUAGES, PAGES, ROOT, build_site, write_fixture_site
from fov.build.build_cache import BuildCache, key_of
from fov.pages import fonts, social_card

SITE_URL = "http://127.0.0.1:8000/"  # the site_url of test builds


class _Meta(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        name = attributes.get("property") or attributes.get("name")
        if tag == "meta" and name:
            self.tags.setdefault(name, attributes.get("content", ""))


def meta_tags(html_file) -> dict[str, str]:
    parser = _Meta()
    parser.feed(html_file.read_text(encoding="utf-8"))
    return parser.tags


def page_file(site, language: str, name: str):
    folder = site if language == LANGUAGES[0] else site / language
    return folder / "index.html" if name == "index" else folder / name / "index.html"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_has_its_own_card_and_tags_pointing_at_it(real_site, language):
    images = set()
    for name in PAGES:
        tags = meta_tags(page_file(real_site.site, language, name))
        image_url = tags.get("og:image", "")
        assert image_url.startswith(SITE_URL), f"{language}/{name}: og:image {image_url!r}"
        image = real_site.site / urlsplit(image_url).path.lstrip("/")
        with Image.open(image) as card:
            assert (card.format, card.size) == ("PNG", (1200, 630)), image
        assert tags["og:image:width"] == "1200" and tags["og:image:height"] == "630"
        assert tags["og:image:alt"].startswith(tags["og:title"]) or name == "index"
        assert tags["twitter:card"] == "summary_large_image"
        assert tags["twitter:image"] == image_url
        assert tags["og:url"].startswith(SITE_URL) and tags["og:title"] and tags["og:description"]
        images.add(image.read_bytes())
    assert len(images) == len(PAGES), "two pages share a card"


def test_a_card_is_in_its_pages_language(real_site):
    english = (real_site.site / "assets/images/social/call.png").read_bytes()
    for language in LANGUAGES[1:]:
        if not (ROOT / "docs" / language / "call.md").is_file():
            continue  # not translated yet: the English page, and its card
        translated = real_site.site / language / "assets/images/social/call.png"
        assert translated.read_bytes() != english


def test_cards_are_drawn_with_the_languages_fonts():
    assert fonts.font_for("志願服務的未來", "zh-Hant", bold=True)[0].family == "Noto Sans CJK TC"
    assert fonts.font_for("志愿服务的未来", "zh-Hans", bold=True)[0].family == "Noto Sans CJK SC"
    assert fonts.font_for("مستقبل التطوع", "ar", bold=True)[0].family == "Noto Sans Arabic"
    assert fonts.font_for("Future of Volunteering", "en")[0].family == "Noto Sans"
    # Arabic with Latin letters needs one font with both scripts.
    face, missing = fonts.font_for("مستقبل التطوع IVY 2026", "ar", bold=True)
    assert missing == "" and face.covers("I") and face.covers("م")


def test_long_titles_wrap_within_the_card_and_end_with_an_ellipsis():
    face, _ = fonts.font_for("志願服務" * 40, "zh-Hant", bold=True)
    font = social_card._load(face.path, face.index, 60)
    lines = social_card.wrap("志願服務，" * 40, font, 1040, 3)
    assert len(lines) == 3 and lines[-1].endswith(social_card.ELLIPSIS)
    assert all(font.getlength(line) <= 1040 for line in lines)
    assert not any(line.startswith("，") for line in lines), "a line starts with a comma"
    words = social_card.wrap("Recognise, support and protect volunteering", font, 700, 3)
    assert " ".join(words) == "Recognise, support and protect volunteering"


def _ink_columns(png: bytes, top: int, bottom: int) -> tuple[int, int]:
    import io

    with Image.open(io.BytesIO(png)) as card:
        band = card.convert("L").crop((0, top, 1200, bottom))
        left, _, right, _ = band.point(lambda v: 255 if v > 240 else 0).getbbox()
    return left, right


def test_a_left_to_right_card_starts_left_and_a_right_to_left_card_starts_right():
    common = dict(site_name="Site", description="", hashtags="", address="")
    ltr = social_card.render(social_card.Card(title="The call", locale="en", **common))
    rtl = social_card.render(social_card.Card(title="الدعوة", locale="ar", direction="rtl",
                                              **common))
    ltr_left, ltr_right = _ink_columns(ltr, 150, 250)
    rtl_left, rtl_right = _ink_columns(rtl, 150, 250)
    assert abs(ltr_left - 80) <= 10 and ltr_right < 700
    assert abs(rtl_right - 1120) <= 10 and rtl_left > 500


def test_a_pages_card_lives_in_its_languages_folder_and_falls_back_to_the_sites_words():
    locales = {"en", "zh-Hant", "ar"}
    assert social_card.image_path("zh-Hant/call/", locales) == "zh-Hant/assets/images/social/call.png"
    assert social_card.image_path("ar/", locales) == "ar/assets/images/social/index.png"
    assert social_card.image_path("", locales) == "assets/images/social/index.png"
    assert social_card.image_path("take-action/", locales) == "assets/images/social/take-action.png"
    site = social_card.Site("Site", "The  site's\n words.", "https://example.org/call/", Path("site"),
                            "ar", "rtl", "#A #B")
    card = social_card.page_card(site, {}, None)
    assert (card.title, card.description, card.address) == ("Site", "The site's words.", "example.org/call")
    card = social_card.page_card(site, {"title": "Own title", "description": "Own."}, "Heading")
    assert (card.title, card.description, card.direction, card.hashtags) == ("Own title", "Own.", "rtl", "#A #B")


def test_the_cache_keeps_one_file_per_distinct_card(tmp_path):
    cache = BuildCache(tmp_path, "cards", ".png")
    card = social_card.Card("Site", "Title", "Words", "en")
    drawn = []

    def draw():
        drawn.append(1)
        return social_card.render(card)

    key = key_of(social_card.cache_inputs(card))
    first = cache.get_or_make(key, draw)
    assert cache.get_or_make(key, draw) == first and len(drawn) == 1
    other = key_of(social_card.cache_inputs(social_card.Card("Site", "Title 2", "Words", "en")))
    assert other != key


def test_a_title_no_font_can_draw_fails_the_strict_build(tmp_path):
    config = write_fixture_site(tmp_path, {
        "en/index.md": "---\ndescription: Home.\ntitle: \"Home \U000F0001\"\n---\n\n# Home {#home}\n",
    }, hooks=["language_versions.py", "not_found_page.py", "social_cards.py"])
    result = build_site(config, tmp_path / "site")
    assert not result.ok
    assert "en/index.md" in result.text and "no installed font draws" in result.text
