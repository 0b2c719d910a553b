"""The pure rules behind the visitor-experience hooks (issue 5): language
versions and hreflang, per-language search indexes, the Content-Security-Policy
and share links. Builds and browsers are in test_visitor_site.py and
test_visitor_browser.py."""

from __future__ import annotations

import base64
import hashlib
import json

from fov.build import csp
from fov.data.campaign import from_extra
from fov.data.share import page_message, share_links, share_text
from fov.pages.language_versions import (absolute, hreflang_links, og_locales, real_versions, sitemap_urls,
                                         Version)
from fov.pages.search_index import entries_of, index_json, language_of, search_config, without_pages

LANGUAGES = ["en", "zh-Hant", "zh-Hans"]
SITE = "https://example.org/fov/"


# -- language versions -------------------------------------------------------

def test_a_fallback_copy_is_not_a_version():
    alternates = {  # zh-Hans shows the English file: a fallback copy
        "en": ("en", "contact/"),
        "zh-Hant": ("zh-Hant", "zh-Hant/contact/"),
        "zh-Hans": ("en", "zh-Hans/contact/"),
    }
    assert real_versions(alternates, LANGUAGES) == [
        Version("en", "contact/"), Version("zh-Hant", "zh-Hant/contact/"),
    ]


def test_a_page_marked_fallback_is_not_a_version():
    alternates = {lang: (lang, f"{lang}/call/") for lang in LANGUAGES}
    versions = real_versions(alternates, LANGUAGES, fallbacks=["zh-Hans"])
    assert [v.lang for v in versions] == ["en", "zh-Hant"]


def test_hreflang_links_are_absolute_with_x_default_to_the_default_language():
    versions = [Version("en", ""), Version("zh-Hant", "zh-Hant/")]
    assert hreflang_links(versions, "en", SITE) == [
        ("en", "https://example.org/fov/"),
        ("zh-Hant", "https://example.org/fov/zh-Hant/"),
        ("x-default", "https://example.org/fov/"),
    ]


def test_a_page_in_one_language_has_no_hreflang_links():
    assert hreflang_links([Version("en", "call/")], "en", SITE) == []


def test_the_root_page_url_is_the_site_url():
    assert absolute(SITE, "./") == absolute(SITE, ".") == absolute(SITE, "") == SITE
    assert absolute("https://example.org", "call/") == "https://example.org/call/"


def test_og_locale_and_alternates_come_from_real_versions_only():
    versions = [Version("en", "x/"), Version("zh-Hant", "zh-Hant/x/")]
    mapping = {"en": "en_GB", "zh-Hant": "zh_TW", "zh-Hans": "zh_CN"}
    assert og_locales("zh-Hant", versions, mapping) == ("zh_TW", ["en_GB"])


def test_the_sitemap_leaves_out_fallback_copies():
    versions = [Version("en", "contact/"), Version("zh-Hant", "zh-Hant/contact/")]
    pages = [
        ("en", "contact/", "2026-01-01", versions),
        ("zh-Hant", "zh-Hant/contact/", None, versions),
        ("zh-Hans", "zh-Hans/contact/", None, versions),  # the English copy
    ]
    urls = sitemap_urls(pages, "en", SITE)
    assert [u.loc for u in urls] == [SITE + "contact/", SITE + "zh-Hant/contact/"]
    assert urls[0].lastmod == "2026-01-01"
    assert ("x-default", SITE + "contact/") in urls[1].alternates


# -- search index per language -----------------------------------------------

ENTRIES = [
    {"location": "", "title": "Home", "text": "a"},
    {"location": "call/#why", "title": "Why", "text": "b"},
    {"location": "zh-Hant/", "title": "首頁", "text": "c"},
    {"location": "zh-Hant/call/#why", "title": "為什麼", "text": "d"},
    {"location": "zh-Hans/call/", "title": "呼吁", "text": "e"},
]


def test_each_language_gets_its_own_entries_relative_to_its_root():
    assert [e["location"] for e in entries_of("en", ENTRIES, LANGUAGES, "en")] == ["", "call/#why"]
    assert [e["location"] for e in entries_of("zh-Hant", ENTRIES, LANGUAGES, "en")] == ["", "call/#why"]
    assert [e["title"] for e in entries_of("zh-Hant", ENTRIES, LANGUAGES, "en")] == ["首頁", "為什麼"]
    assert [e["location"] for e in entries_of("zh-Hans", ENTRIES, LANGUAGES, "en")] == ["call/"]


def test_a_page_whose_name_starts_like_a_language_stays_in_the_default_language():
    assert language_of("zh-Hantology/", LANGUAGES, "en") == "en"


def test_fallback_copies_are_left_out_of_a_language_index():
    kept = without_pages(ENTRIES, {"zh-Hant/call/"})
    assert [e["location"] for e in kept] == ["", "call/#why", "zh-Hant/", "zh-Hans/call/"]


def test_search_config_follows_the_theme_translation():
    config = search_config({
        "search.config.lang": "en",
        "search.config.separator": "[\\s\\u200b\\-]+",
        "search.config.pipeline": "stemmer",
    }, {"title": {"boost": 1000}})
    assert config == {"lang": ["en"], "separator": "[\\s\\u200b\\-]+", "pipeline": ["stemmer"],
                      "fields": {"title": {"boost": 1000}}}


def test_the_index_is_compact_utf8_json():
    config = {"lang": ["en"], "separator": "x", "pipeline": [], "fields": {}, "ignored": 1}
    text = index_json(config, [{"location": "", "title": "志工", "text": ""}])
    assert "志工" in text and "\\u" not in text and ", " not in text
    assert json.loads(text)["config"] == {"lang": ["en"], "separator": "x", "pipeline": [], "fields": {}}


# -- Content-Security-Policy -------------------------------------------------

PAGE = (
    '<!doctype html>\n<html lang="en">\n  <head>\n    <meta charset="utf-8">\n'
    '    <script id="__config" type="application/json">{"base": "."}</script>\n'
    "    <style>\r\nbody{color:red}</style>\n"
    '  </head>\n  <body>\n    <script src="a.js"></script>\n'
    "    <script>var a = 1 < 2 && '</b>';</script>\n  </body>\n</html>\n"
)


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_the_policy_is_the_first_element_of_head():
    secured, _ = csp.add_policy(PAGE)
    head = secured.index("<head>") + len("<head>")
    assert secured[head:].startswith('<meta http-equiv="Content-Security-Policy" content="')


def test_every_inline_script_and_style_is_hashed_exactly_and_nothing_else_is_allowed():
    secured, _ = csp.add_policy(PAGE)
    policy = secured.split('content="', 1)[1].split('"', 1)[0]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["script-src"].split() == [
        "'self'", _sha('{"base": "."}'), _sha("var a = 1 < 2 && '</b>';"),
    ]
    # The browser hashes the text with CRLF turned into LF.
    assert directives["style-src"].split() == ["'self'", _sha("\nbody{color:red}")]
    assert directives["default-src"] == "'none'"
    assert "http" not in policy and "*" not in policy and "unsafe" not in policy


def test_markup_no_hash_can_allow_is_reported_with_its_line():
    page = '<html><head></head>\n<body>\n<a href="javascript:go()" onclick="go()" style="color:red">x</a>'
    _, found = csp.add_policy(page)
    assert [line for line, _ in found.blocked] == [3, 3, 3]
    assert {what.split()[0] for _, what in found.blocked} == {"inline", 'style="color:red"', 'href="javascript:go()"'}


def test_a_page_with_a_policy_or_without_head_is_left_alone():
    with_policy = '<html><head><meta http-equiv="content-security-policy" content="x"></head></html>'
    assert csp.add_policy(with_policy)[0] == with_policy
    assert csp.add_policy("<p>fragment</p>")[0] == "<p>fragment</p>"


# -- share links ------------------------------------------------------------------

NETWORKS = [
    {"name": "X", "link": "https://x.com/intent/post?text={text}&url={url}"},
    {"name": "LINE", "link": "https://line.example/share?url={url}", "languages": ["zh-Hant"]},
    {"name": {"en": "E-mail", "zh-Hant": "電子郵件"}, "link": "mailto:?subject={subject}&body={body}"},
    {"name": "微博", "link": "https://service.weibo.com/share/share.php?url={url}&title={text}",
     "languages": ["zh-Hant"]},
]
HASHTAGS = [
    {"tag": "#FutureOfVolunteering", "languages": ["all"]},
    {"tag": "#志願服務的未來", "languages": ["zh-Hant"]},
]


def hashtags_for(language: str, hashtags) -> tuple[str, ...]:
    """The campaign's tags for a language, by the campaign layer's one rule."""
    return from_extra({"campaign": {"hashtags": hashtags}}).hashtags_for(language)


def test_share_links_are_filled_and_encoded_for_the_language():
    text = share_text("行動號召", "志願服務的未來", hashtags_for("zh-Hant", HASHTAGS))
    assert text == "行動號召 – 志願服務的未來 #FutureOfVolunteering #志願服務的未來"
    message = page_message("行動號召", "志願服務的未來", "https://example.org/zh-Hant/call/",
                           hashtags_for("zh-Hant", HASHTAGS))
    links = share_links(NETWORKS, "zh-Hant", message)
    assert [link.name for link in links] == ["X", "LINE", "電子郵件", "微博"]
    assert links[0].href.startswith("https://x.com/intent/post?text=%E8%A1%8C")
    assert "%23FutureOfVolunteering" in links[0].href
    assert links[0].href.endswith("&url=https%3A%2F%2Fexample.org%2Fzh-Hant%2Fcall%2F")


def test_share_links_of_another_language_are_left_out():
    links = share_links(NETWORKS, "en", page_message("Home", "Home", "https://example.org/", []))
    assert [link.name for link in links] == ["X", "E-mail"]
    assert hashtags_for("en", HASHTAGS) == ("#FutureOfVolunteering",)


def test_every_share_message_comes_from_one_builder_with_weibo_topics():
    """Page share links and share cards post the same message for the same words: on
    Weibo the hashtags are #topic#, elsewhere #tag; e-mail gets the subject and body."""
    from urllib.parse import parse_qs, unquote, urlsplit

    from fov.checks.snippets import share_links as card_links, Snippet
    tags = hashtags_for("zh-Hant", HASHTAGS)
    message = page_message("行動號召", "志願服務的未來", "https://example.org/zh-Hant/call/", tags)
    page = {link.name: link.href for link in share_links(NETWORKS, "zh-Hant", message)}
    card = dict(card_links(Snippet(text=message.text, link=message.link, hashtags=tags,
                                   subject=message.subject, platforms=("x", "weibo", "email"))))
    weibo = "行動號召 – 志願服務的未來 #FutureOfVolunteering# #志願服務的未來#"
    for href in (page["微博"], card["weibo"]):
        assert parse_qs(urlsplit(href).query)["title"] == [weibo]
    assert parse_qs(urlsplit(page["X"]).query)["text"] == parse_qs(urlsplit(card["x"]).query)["text"] \
        == ["行動號召 – 志願服務的未來 #FutureOfVolunteering #志願服務的未來"]
    assert unquote(page["電子郵件"]) == unquote(card["email"]) == (
        "mailto:?subject=行動號召 – 志願服務的未來&body=行動號召 – 志願服務的未來 #FutureOfVolunteering "
        "#志願服務的未來\r\nhttps://example.org/zh-Hant/call/")


# -- right-to-left pages: hashtags isolated (fov.pages.bidi) ------------------------------------

def test_hashtags_in_text_are_isolated_and_code_attributes_and_urls_are_not():
    from fov.pages.bidi import isolate_hashtags

    html = ('<p>الوسم #FutureOfVolunteering وأخبر <a href="page/#share" title="#x">#مستقبل</a></p>\n'
            '<pre><code>#FutureOfVolunteering</code></pre><p>https://example.org/#top &amp;#x '
            '<bdi>#Done</bdi></p>')
    assert isolate_hashtags(html) == (
        '<p>الوسم <bdi>#FutureOfVolunteering</bdi> وأخبر <a href="page/#share" title="#x"><bdi>#مستقبل</bdi></a></p>\n'
        '<pre><code>#FutureOfVolunteering</code></pre><p>https://example.org/#top &amp;#x '
        '<bdi>#Done</bdi></p>')
    assert isolate_hashtags("<p>No tag here.</p>") == "<p>No tag here.</p>"


def test_a_share_networks_name_falls_back_along_the_languages_order_not_to_english():
    network = [{"name": {"fr": "Courriel", "es": "Correo"}, "link": "mailto:?subject={subject}&body={body}"}]
    message = page_message("Inicio", "Inicio", "https://example.org/", [])
    assert [link.name for link in share_links(network, "ca", message, ("ca", "es"))] == ["Correo"]
    assert [link.name for link in share_links(network, "es", message)] == ["Correo"]
    assert [link.name for link in share_links(network, "de", message)] == ["Courriel"]  # none of its own: the first
