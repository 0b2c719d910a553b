"""The plain functions behind the per-language search index
(hooks/search_per_language.py, fov.pages.search_index) and the one 404 page of every
language (hooks/not_found_page.py, fov.pages.not_found). Builds and browsers are in
test_visitor_site.py and test_visitor_browser.py."""

from __future__ import annotations

import json

from fov.data.campaign import from_extra, Languages
from fov.pages import search_index
from fov.pages.not_found import not_found_context, site_base

LANGS = Languages(all=("en", "fr", "ar"), built=("en", "fr", "ar"), default="en", current="fr", source="en",
                  names={"en": "English", "fr": "Français", "ar": "العربية"})
TRANSLATIONS = {"search.config.lang": "fr", "search.config.separator": "[\\s\\-]+",
                "search.config.pipeline": "trimmer, stopWordFilter"}


def test_a_language_index_holds_its_own_pages_but_not_its_fallback_copies(tmp_path):
    entries = [{"location": "", "title": "Home", "text": "en"},
               {"location": "fr/", "title": "Accueil", "text": "fr"},
               {"location": "fr/call/#ask", "title": "Appel", "text": "fr"},
               {"location": "fr/contact/", "title": "Contact", "text": "English copy"}]
    search_index.write_language_index(str(tmp_path), "fr", LANGS.built, LANGS.default, entries,
                                      {"fr/contact/"}, TRANSLATIONS, {"title": {"boost": 1000}})
    data = json.loads((tmp_path / "fr" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert [d["location"] for d in data["docs"]] == ["", "call/#ask"]
    assert data["config"] == {"lang": ["fr"], "separator": "[\\s\\-]+", "pipeline": ["trimmer", "stopWordFilter"],
                              "fields": {"title": {"boost": 1000}}}
    assert search_index.index_path(str(tmp_path), "en", "en") == tmp_path / "search" / "search_index.json"


def test_entries_written_to_their_own_index_leave_static_i18ns_merge():
    written = [{"location": "fr/"}]
    equal_but_other = {"location": "fr/"}  # the default language's entry that looks the same stays
    kept = [{"location": ""}, written[0], equal_but_other]
    search_index.leave_out_of_merge(kept, written)
    assert kept == [{"location": ""}, {"location": "fr/"}] and kept[1] is equal_but_other
    search_index.leave_out_of_merge(None, written)  # static-i18n without a merge list: nothing to do


def test_only_chinese_glossaries_go_to_jieba():
    assert search_index.segmented_languages(["en", "zh-Hant", "zh-Hans", "zh", "fr", "ar"]) == [
        "zh-Hant", "zh-Hans", "zh"]


def test_jieba_gets_its_dictionary_back_after_the_build():
    import jieba

    words = search_index.JiebaWords()
    jieba.initialize()
    before = (dict(jieba.dt.FREQ), jieba.dt.total)
    words.add("未來志工測試詞 n\n")
    assert "未來志工測試詞" in jieba.dt.FREQ
    words.restore()
    assert (jieba.dt.FREQ, jieba.dt.total) == before
    words.add("")  # no glossary: jieba is left alone
    assert words.saved is None


def test_the_404_page_links_every_language_from_the_sites_own_path():
    assert site_base("https://example.org/fov") == site_base("https://example.org/fov/") == "/fov/"
    assert site_base("") == "/"
    campaign = from_extra({"ui": {"en": {"not_found_title": "Page not found", "home": "Home"},
                                  "fr": {"not_found_title": "Page introuvable"}},
                           "campaign": {"call_pdf": {"pages": ["call.md", "support.md"]}}})
    context = not_found_context("https://example.org/fov", LANGS, campaign, {"en": "Call", "fr": "Appel"},
                                {"en": "ltr", "fr": "ltr", "ar": "rtl"}, "Call")
    assert context["base"] == "/fov/" and context["default"] == "en"
    en, fr, ar = context["languages"]
    assert (en["home"], en["call"]) == ("/fov/", "/fov/call/")
    assert (fr["home"], fr["call"], fr["name"]) == ("/fov/fr/", "/fov/fr/call/", "Français")
    assert fr["strings"] == {"not_found_title": "Page introuvable", "home": "Home"}  # a missing word: the source's
    assert (ar["site_name"], ar["direction"]) == ("Call", "rtl")  # a build that set no site name: the current one


def test_the_404_page_links_the_campaigns_own_call_page_or_none():
    def call_of(campaign: dict, directory_urls=True) -> str:
        context = not_found_context("/", LANGS, from_extra({"campaign": campaign}), {}, {}, "Site", directory_urls)
        return context["languages"][1]["call"]

    assert call_of({"call_page": "appeal.md", "call_pdf": {"pages": ["call.md"]}}) == "/fr/appeal/"
    assert call_of({"call_page": "appeal.md"}, directory_urls=False) == "/fr/appeal.html"
    assert call_of({"call_pdf": {"pages": ["manifesto.md"]}}) == "/fr/manifesto/"
    assert call_of({}) == ""  # a campaign with no call page: the link is left out
