"""Hashtags (fov.data.hashtags): registered tags of the page's language pass, code,
URLs, attribute lists, character references, headings, `#1` and `C#` are never
taken for hashtags, and every wrong tag is named with the tag meant."""

from __future__ import annotations

import markdown
import pytest

from conftest import LANGUAGES, project_config
from fov.base.rendered import parse_html
from fov.data.hashtags import (hashtag_problems, HashtagRegistry, page_hashtag_problems, RegisteredTag,
                               skeleton, tag_problem)

CONFIG = project_config()
REGISTRY = HashtagRegistry.from_campaign(CONFIG["extra"]["campaign"])


def render(text: str) -> str:
    """What Python-Markdown makes of a page, with the site's extensions."""
    names = [e for e in CONFIG["markdown_extensions"] if isinstance(e, str)]
    return markdown.markdown(text, extensions=names, extension_configs=CONFIG["mdx_configs"])


def problems_in(text: str, language: str = "en") -> list:
    return page_hashtag_problems(parse_html(render(text)), language, REGISTRY)


def test_the_registry_holds_the_campaign_tags_and_their_localisations():
    assert REGISTRY.get("#FutureOfVolunteering").belongs_to("zh-Hant")
    assert REGISTRY.get("#志願服務的未來").localises == "#FutureOfVolunteering"
    assert REGISTRY.in_language(REGISTRY.get("#志願服務的未來"), "zh-Hans").tag == "#志願服務的未來"


def test_the_registry_holds_only_the_hashtags_the_call_issued():
    # The call issues #志願服務的未來 (#futureofvolunteering), nothing else: a spelling
    # of our own (#志愿服务的未来) would split the campaign's conversation.
    assert sorted(tag["tag"] for tag in CONFIG["extra"]["campaign"]["hashtags"]) == \
        ["#FutureOfVolunteering", "#志願服務的未來"]
    assert REGISTRY.get("#志愿服务的未来") is None


def test_every_language_of_the_site_has_the_campaign_tag_registered():
    # fr, es, ar, ru, pt have no localised tag of their own: #FutureOfVolunteering is theirs too.
    for language in LANGUAGES:
        assert REGISTRY.get("#FutureOfVolunteering").belongs_to(language), language


@pytest.mark.parametrize("language, text", [
    ("en", "Post with #FutureOfVolunteering and tell people."),
    ("en", "#FutureOfVolunteering!"),
    ("zh-Hant", "請加上 #志願服務的未來 與 #FutureOfVolunteering 兩個標籤。"),
    ("zh-Hant", "請加上「#志願服務的未來」，告訴大家。"),  # CJK punctuation is a boundary
    ("zh-Hans", "请带上 #志願服務的未來 和 #FutureOfVolunteering 这两个话题标签。"),
    ("zh-Hans", "（#志願服務的未來）"),
    ("en", "Peace ✌️#FutureOfVolunteering and 👨‍👩‍👧#FutureOfVolunteering"),  # after emoji
])
def test_registered_tags_of_the_pages_language_pass(language, text):
    assert problems_in(text, language) == []


@pytest.mark.parametrize("text", [
    "Use `#futureofvolunteering` in code, and C# or F# are languages.",
    "```\n#futureofvolunteering #Anything\n```",
    "    #indented code block #Foo",
    "<pre>#futureofvolunteering</pre>",
    "On the #1 bus, line #2026, issue #12 and page #3.",
    "See [the call](https://www.iave.org/call#FutureOfVolunteering) and https://www.iave.org/#share.",
    "Read www.iave.org/#futureofvolunteering and iave.org/page#Section now.",
    "<https://www.iave.org/#futureofvolunteering>",
    "A paragraph with an id.\n{ #my-id .big }",
    "## A heading {#share}",
    "# Heading\n\n## Another heading\n\n### Third {: #third }",
    "A character reference: &#35;1 and &#x4E2D; and &amp;#35;Foo.",
    "Ampersand&#FutureOfVolunteering is not a hashtag for X.",
    "#志愿服务的未来# is a Weibo topic, not a hashtag X reads.",
    "<span title=\"#bad\" data-x=\"#bad\">Attributes are not text</span>",
])
def test_what_is_not_a_hashtag_is_never_flagged(text):
    assert problems_in(text) == []


@pytest.mark.parametrize("language, written, words, meant", [
    ("en", "#futureofvolunteering", "not written as registered", "#FutureOfVolunteering"),
    ("en", "#FUTUREOFVOLUNTEERING", "not written as registered", "#FutureOfVolunteering"),
    ("en", "#FutureOfVolunteer", "did you mean #FutureOfVolunteering?", "#FutureOfVolunteering"),
    ("en", "#FuturOfVolunteering", "did you mean", "#FutureOfVolunteering"),
    ("en", "#FutureOfVolunteeringNow", "runs on into 'Now'", "#FutureOfVolunteering"),
    ("en", "#FutureOfVоlunteering", "U+043E CYRILLIC SMALL LETTER O", "#FutureOfVolunteering"),
    ("en", "#FutureΟfVolunteering", "U+039F GREEK CAPITAL LETTER OMICRON", "#FutureOfVolunteering"),
    ("en", "#ＦutureOfVolunteering", "U+FF26 FULLWIDTH LATIN CAPITAL LETTER F", "#FutureOfVolunteering"),
    ("en", "＃FutureOfVolunteering", "U+FF03 FULLWIDTH NUMBER SIGN", "#FutureOfVolunteering"),
    ("en", "#Future\u200bOfVolunteering", "U+200B ZERO WIDTH SPACE", "#FutureOfVolunteering"),
    ("en", "#Future\u200dOfVolunteering", "U+200D ZERO WIDTH JOINER", "#FutureOfVolunteering"),
    ("en", "#Future\u00adOfVolunteering", "U+00AD SOFT HYPHEN", "#FutureOfVolunteering"),
    ("en", "#FutureOfVolunteering\u2060", None, None),  # invisible at the end: X still reads the tag
    ("en", "#志願服務的未來", "for zh-Hans, zh-Hant pages; this page is en", "#FutureOfVolunteering"),
    ("zh-Hans", "#志愿服务的未来", "not in the campaign's hashtag registry", "#志願服務的未來"),
    ("zh-Hant", "#志愿服务的未来", "not in the campaign's hashtag registry", "#志願服務的未來"),
    ("zh-Hans", "#志願服務未來", "did you mean #志願服務的未來?", "#志願服務的未來"),
    ("zh-Hans", "#志願服務的未來和", "runs on into '和'", "#志願服務的未來"),
    ("en", "#IVY2026", "not in the campaign's hashtag registry", "extra.campaign.hashtags"),
])
def test_wrong_tags_are_named_with_the_tag_meant(language, written, words, meant):
    problems = hashtag_problems(f"Share it: {written} today.", language, REGISTRY)
    if words is None:
        assert problems == []
        return
    (problem,) = problems
    assert words in problem.what and meant in problem.fix
    assert problem.needles[0].startswith(written[:4])


@pytest.mark.parametrize("language, text, fix", [
    ("en", "volunteering#FutureOfVolunteering", "'volunteering #FutureOfVolunteering'"),
    ("en", "Post with**#FutureOfVolunteering**", "'with #FutureOfVolunteering'"),
    ("zh-Hant", "請加上#志願服務的未來兩個字", "'請加上 #志願服務的未來 兩個字'"),
    ("zh-Hans", "请带上#志願服務的未來", "'请带上 #志願服務的未來'"),
])
def test_a_tag_glued_to_the_word_before_is_found(language, text, fix):
    (problem,) = problems_in(text, language)
    assert "glued to the word before it" in problem.what and fix in problem.fix


def test_problems_carry_the_section_they_are_in():
    (problem,) = problems_in("## Share {#share}\n\nPost #futureofvolunteering now.")
    assert problem.section == ("share",)


def test_share_cards_are_left_to_their_own_rule():
    html = '<div class="fov-snippet"><p>#futureofvolunteering</p></div><p>#FutureOfVolunteering</p>'
    assert page_hashtag_problems(parse_html(html), "en", REGISTRY) == []


def test_skeleton_folds_case_lookalikes_and_invisible_characters():
    assert skeleton("#FutureOfVоlunteering\u200b") == skeleton("＃futureofvolunteering") == "#futureofvolunteering"


def test_a_registry_of_its_own():
    registry = HashtagRegistry([RegisteredTag("#OnlyEnglish", frozenset({"en"}))])
    assert tag_problem("#OnlyEnglish", "en", registry) is None
    problem = tag_problem("#OnlyEnglish", "zh-Hant", registry)
    assert "for en pages" in problem.what
    assert "use a registered hashtag" in tag_problem("#Other", "zh-Hant", registry).fix
