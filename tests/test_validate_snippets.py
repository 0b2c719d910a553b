"""Share snippets (fov.checks.snippets): read from a ```share block, checked for the
page's language and each platform, rendered as a card of plain links."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import project_config
from fov.base.rendered import parse_html
from fov.checks.snippets import (missing_snippet_problems, parse_snippet, render_card, share_links,
                                 snippet_problems, x_weighted_length)
from fov.checks.unsafe_html import unsafe_html_problems
from fov.data.hashtags import HashtagRegistry
from fov.data.urls import LinkPolicy

CAMPAIGN = project_config()["extra"]["campaign"]
REGISTRY = HashtagRegistry.from_campaign(CAMPAIGN)
POLICY = LinkPolicy.from_campaign(CAMPAIGN)
LABELS = CAMPAIGN["share_snippets"]["labels"]

EN = """text: Volunteers hold communities together. I support the Call to Action on the
  Future of Volunteering.
link: https://iave.org/calltoaction
hashtags: #FutureOfVolunteering
"""
ZH_HANT = """text: 志工讓社區更堅強、更緊密。
  我支持《志願服務未來行動號召》！
link: https://iave.org/calltoaction
hashtags: #志願服務的未來 #FutureOfVolunteering
"""


AR = """text: المتطوعون يحفظون تماسك المجتمعات. أنا أؤيد نداء التحرك من أجل مستقبل العمل
  التطوعي. سجّل التزامك لعام 2026:
link: https://iave.org/calltoaction
hashtags: #FutureOfVolunteering
"""
RU = """text: Добровольцы скрепляют местные сообщества. Я поддерживаю Призыв к действию
  ради будущего добровольчества.
link: https://iave.org/calltoaction
hashtags: #FutureOfVolunteering
"""
FR = """text: Les bénévoles font tenir les communautés. Je soutiens l'Appel à l'action
  pour l'avenir du bénévolat.
link: https://iave.org/calltoaction
hashtags: #FutureOfVolunteering
"""


def problems(body: str, language: str = "en") -> list:
    snippet, found = parse_snippet(body)
    return found + snippet_problems(snippet, language, REGISTRY, POLICY)


def test_a_snippet_is_read_line_by_line_without_yaml():
    snippet, found = parse_snippet(EN + "platforms: x, weibo email\nsubject: Join us\n")
    assert found == []
    assert snippet.text == ("Volunteers hold communities together. I support the Call to Action on "
                            "the Future of Volunteering.")
    assert snippet.hashtags == ("#FutureOfVolunteering",)  # '#' needs no quoting
    assert snippet.platforms == ("x", "weibo", "email") and snippet.subject == "Join us"
    assert snippet.line("link") == 3 and snippet.line("hashtags") == 4


def test_chinese_lines_join_without_a_space_and_an_empty_line_is_a_break():
    snippet, _ = parse_snippet(ZH_HANT.replace("  我支持", "\n  我支持"))
    assert snippet.text == "志工讓社區更堅強、更緊密。\n我支持《志願服務未來行動號召》！"
    snippet, _ = parse_snippet(ZH_HANT)
    assert snippet.text == "志工讓社區更堅強、更緊密。我支持《志願服務未來行動號召》！"


@pytest.mark.parametrize("language, body", [("en", EN), ("ar", AR), ("ru", RU), ("fr", FR), ("zh-Hant", ZH_HANT), (
    "zh-Hans", "text: 我支持志愿服务！\nlink: https://forum-ids.org/international-volunteer-year-2026\n"
               "hashtags: #志願服務的未來\nplatforms: weibo x instagram\n")])
def test_good_snippets_pass(language, body):
    assert problems(body, language) == []


@pytest.mark.parametrize("language, body, line, words", [
    ("en", "link: https://iave.org\nhashtags: #FutureOfVolunteering\n", 1, "no 'text:'"),
    ("en", "text: Hi\nhashtags: #FutureOfVolunteering\n", 1, "no 'link:'"),
    ("en", "text: Hi\nlink: https://iave.org\n", 1, "no 'hashtags:'"),
    ("en", EN + "titel: Oops\n", 5, "unknown line 'titel:'"),
    ("en", EN + "text: again\n", 5, "says 'text:' twice"),
    ("en", EN + "platforms: x myspace\n", 5, "unknown platform 'myspace'"),
    ("en", EN.replace("https://iave.org/calltoaction", "http://iave.org/calltoaction"), 3, "http://"),
    ("en", EN.replace("https://iave.org/calltoaction", "https://evil.example"), 3, "not on the campaign's list"),
    ("en", EN.replace("#FutureOfVolunteering", "#futureofvolunteering"), 4, "not written as registered"),
    ("en", EN.replace("#FutureOfVolunteering", "#FutureOfVolunteering#"), 4, "written as a Weibo topic"),
    ("en", EN.replace("#FutureOfVolunteering", "#Future Of"), 4, "not in the campaign's hashtag registry"),
    ("en", EN.replace("#FutureOfVolunteering", "FutureOfVolunteering"), 4, "not one hashtag as X reads it"),
    ("zh-Hans", ZH_HANT.replace("#志願服務的未來", "#志愿服务的未来"), 4, "not in the campaign's hashtag registry"),
    ("en", EN.replace("Volunteers hold", "Volunteers #futureofvolunteering hold"), 1, "not written as registered"),
    ("en", EN.replace("Volunteers hold", "Volunteers #话题# hold"), 1, "Weibo topic #话题#"),
    ("zh-Hant", EN.replace("#FutureOfVolunteering", "#志願服務的未來"), 1, "not in this page's language"),
    ("en", ZH_HANT.replace("#志願服務的未來 ", ""), 1, "holds Chinese text"),
    ("ar", EN, 1, "not in this page's language (ar)"),
    ("ru", EN, 1, "not in this page's language (ru)"),
    ("fr", RU, 1, "holds Cyrillic text"),
    ("es", AR, 1, "holds Arabic text"),
])
def test_bad_snippets_are_named_at_the_line_of_the_block(language, body, line, words):
    found = problems(body, language)
    assert any(words in p.what and p.line == line for p in found), [(p.line, p.what) for p in found]


def test_x_counts_urls_as_23_and_chinese_characters_double():
    assert x_weighted_length("https://iave.org/calltoaction")[0] == 23
    assert x_weighted_length("志工" * 10)[0] == 40
    assert x_weighted_length("a" * 10)[0] == 10


def test_a_post_too_long_for_x_says_by_how_much():
    body = ZH_HANT.replace("志工讓社區更堅強、更緊密。", "志" * 120)
    (problem,) = [p for p in problems(body, "zh-Hant") if "X counts" in p.what]
    # 136 Chinese characters and marks x 2 + "#志願服務的未來" 15 + "#FutureOfVolunteering" 21
    # + the link 23 + 3 spaces = 334
    assert "X counts this post as 334 of 280" in problem.what and "by 54 or more" in problem.fix
    assert problem.line == 1
    body = body.replace("hashtags:", "platforms: facebook email\nhashtags:")  # X not targeted
    assert not any("X counts" in p.what for p in problems(body, "zh-Hant"))


def test_linkedin_and_instagram_limits_apply_when_targeted():
    long = EN.replace("Volunteers hold", "Volunteers " + "very " * 600 + "hold")
    assert any("LinkedIn takes at most 3000" in p.what for p in problems(long + "platforms: linkedin\n"))
    assert any("Instagram takes at most 2200" in p.what for p in problems(long + "platforms: instagram\n"))
    assert not any("takes at most" in p.what for p in problems(long + "platforms: facebook\n"))
    tags = "\n".join(f"  #FutureOfVolunteering" for _ in range(31))
    body = EN.replace("hashtags: #FutureOfVolunteering", "hashtags: #FutureOfVolunteering\n" + tags)
    assert any("at most 30 hashtags" in p.what for p in problems(body + "platforms: instagram\n"))


def _query(url: str) -> dict:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


def test_share_links_are_utf8_and_percent_encoded():
    snippet, _ = parse_snippet(ZH_HANT)
    links = dict(share_links(snippet, subject="志願服務的未來"))
    assert list(links) == ["x", "facebook", "linkedin", "whatsapp", "telegram", "line", "weibo", "email"]
    assert links["x"].startswith("https://x.com/intent/tweet?text=%E5%BF%97")
    assert _query(links["x"]) == {"text": snippet.message, "url": "https://iave.org/calltoaction"}
    assert _query(links["facebook"]) == {"u": "https://iave.org/calltoaction"}
    assert _query(links["linkedin"]) == {"url": "https://iave.org/calltoaction"}
    assert _query(links["whatsapp"]) == {"text": snippet.post}
    assert _query(links["telegram"])["text"] == snippet.message
    assert _query(links["line"]) == {"text": snippet.post}
    assert _query(links["weibo"])["title"].endswith("#志願服務的未來# #FutureOfVolunteering#")
    assert "+" not in links["email"] and "%20" in links["email"]
    assert links["email"].startswith("mailto:?subject=%E5%BF%97")
    assert _query(links["email"])["body"] == snippet.message + "\r\n" + snippet.link


def test_a_snippet_subject_wins_and_platforms_choose_the_links():
    snippet, _ = parse_snippet(EN + "subject: Join us now\nplatforms: email instagram\n")
    ((name, url),) = share_links(snippet, subject="Page title")
    assert name == "email" and url.startswith("mailto:?subject=Join%20us%20now&body=")


def test_the_card_is_plain_safe_html_with_the_message_and_links():
    snippet, _ = parse_snippet(EN.replace("Volunteers", "Volunteers <b>&</b>"))
    html = render_card(snippet, LABELS["zh-Hant"], "Subject")
    page = parse_html(html)
    assert unsafe_html_problems(page) == []
    assert "Volunteers &lt;b&gt;&amp;&lt;/b&gt;" in html
    (button,) = [e for e in page.elements if e.tag == "button"]
    assert button.get("hidden") == "" and button.get("data-fov-copy") == snippet.post
    assert button.get("data-fov-copied") == "已複製"
    services = [e for e in page.elements if "fov-snippet__service" in e.classes]
    assert [e.get("href") for e in services] == [url for _, url in share_links(snippet, "Subject")]
    assert all(e.get("rel") == "noopener noreferrer" for e in services)
    assert "微博" in html and "電子郵件" in html and 'aria-label="分享到"' in html


def test_a_page_that_asks_to_share_must_hold_a_snippet_in_that_section():
    asks = '<h2 id="share">Share</h2><p>Share it.</p><h2 id="next">Next</h2>'
    (problem,) = missing_snippet_problems(parse_html(asks), "share")
    assert "#share asks readers to share" in problem.what and problem.section == ("share",)
    card_elsewhere = asks + '<div class="fov-snippet"><p>x</p></div>'
    assert missing_snippet_problems(parse_html(card_elsewhere), "share")
    card_inside = asks.replace("<p>Share it.</p>", '<div class="fov-snippet"><p>x</p></div>')
    assert missing_snippet_problems(parse_html(card_inside), "share") == []
    assert missing_snippet_problems(parse_html("<h2 id='other'>x</h2>"), "share") == []
