"""Links out of the site, e-mail addresses and anchors (fov.data.urls, fov.checks.links),
unit by unit: good URLs pass, bad ones are named with their fix."""

from __future__ import annotations

import pytest

from conftest import project_config
from fov.base.rendered import parse_html
from fov.checks.links import anchor_problem, anchors_only_in_permalinks, AnchorTarget, page_link_problems
from fov.data.urls import dangerous_scheme, link_problems, LinkPolicy, mailto_addresses

POLICY = LinkPolicy.from_campaign(project_config()["extra"]["campaign"])


@pytest.mark.parametrize("url", [
    "https://www.iave.org",  # an organisation's website
    "https://iave.org/calltoaction",  # a sign-up link
    "https://forum-ids.org/international-volunteer-year-2026",
    "HTTPS://WWW.IAVE.ORG/About",  # case does not matter in scheme and host
    "https://www.iave.org./x",  # a trailing dot on the host
    "https://www.un.org/en/",  # allowed_hosts
    "https://sdgs.un.org/goals",  # "*.un.org"
    "https://x.com/intent/tweet?text=a%20b",  # a share service
    "mailto:ivy2026@iave.org",
    "mailto:IVY2026@forum-ids.org?subject=Hello%20there",
    "mailto:?subject=Call&body=Read%20it",  # no recipient: the reader chooses
    "call.md#why-act-now", "../en/call.md", "#share", "assets/x.png", "",  # inside the site
])
def test_good_urls_pass(url):
    assert link_problems(url, POLICY) == []


@pytest.mark.parametrize("url, words", [
    ("http://www.iave.org", "http://"),
    ("https://evil.example/", "'evil.example', which is not on"),
    ("https://un.org/", "'un.org', which is not on"),  # "*.un.org" is subdomains only
    ("https://www.iave.org@evil.example/", "'evil.example'"),  # user-info trick
    ("https://www.iave.org.evil.example/", "'www.iave.org.evil.example'"),
    ("//evil.example/x", "has no scheme"),
    ("ftp://iave.org/file", "'ftp:' scheme"),
    ("tel:+41000000", "'tel:' scheme"),
    ("mailto:someone@example.org", "'someone@example.org' is not one of the campaign's"),
    ("mailto:ivy2026@iave.org?cc=spy@example.org", "'spy@example.org'"),
    ("mailto:ivy2026@iave.org,spy@example.org", "'spy@example.org'"),
    ("https://", "names no host"),
])
def test_bad_urls_are_named_with_a_fix(url, words):
    problems = link_problems(url, POLICY)
    assert problems and words in " ".join(p.what for p in problems)
    assert all(p.fix for p in problems)


@pytest.mark.parametrize("url, found", [
    ("javascript:alert(1)", "javascript"),
    ("JaVaScRiPt:alert(1)", "javascript"),
    ("  javascript:alert(1)", "javascript"),  # leading spaces
    ("java\tscript:alert(1)", "javascript"),  # browsers drop tabs and newlines
    ("java\nscript:alert(1)", "javascript"),
    ("\x01\x02javascript:alert(1)", "javascript"),  # leading control characters
    ("java\u200bscript:alert(1)", "javascript"),  # an invisible character
    ("ｊａｖａｓｃｒｉｐｔ：alert(1)", "javascript"),  # full-width letters and colon
    ("vbscript:msgbox(1)", "vbscript"),
    ("VBScript:msgbox(1)", "vbscript"),
    ("data:text/html;base64,PHNjcmlwdD4=", "data"),
    ("DATA:image/svg+xml,<svg onload=alert(1)>", "data"),
    ("file:///etc/passwd", "file"),
    ("livescript:x", "livescript"),
])
def test_dangerous_schemes_are_recognised_however_spelt(url, found):
    assert dangerous_scheme(url) == found
    problems = link_problems(url, POLICY)
    assert len(problems) == 1 and f"'{found}:' scheme" in problems[0].what


def test_invisible_characters_are_shown_in_the_message():
    (problem,) = link_problems("java\tscript:x", POLICY)
    assert "java\\u0009script:x" in problem.what


def test_mailto_addresses_are_read_from_the_path_and_the_query():
    url = "mailto:A@x.org,b%40y.org?cc=c@z.org&bcc=d@w.org&subject=to%20e@v.org"
    assert mailto_addresses(url) == ["a@x.org", "b@y.org", "c@z.org", "d@w.org"]


def test_the_policy_takes_organisations_sign_up_links_and_allowed_hosts():
    campaign = {
        "organisations": [{"website": "https://www.a.org", "email": "Me@A.org"}],
        "sign_up": ["https://sign.b.org/x"],
        "allowed_hosts": ["c.org", "*.d.org"],
    }
    policy = LinkPolicy.from_campaign(campaign)
    assert policy.hosts == {"www.a.org", "sign.b.org", "c.org"}
    assert policy.allows_host("x.y.d.org") and not policy.allows_host("d.org")
    assert policy.emails == {"me@a.org"}


def test_page_links_come_from_every_linking_attribute_with_decoded_values():
    page = parse_html(
        '<h2 id="share">Share</h2>'
        '<p><a href="https://evil.example/a?x=1&amp;y=2">a</a> <img src="http://www.iave.org/i.png">'
        '<img srcset="ok.png 1x, https://evil.example/b.png 2x"><a href="#share">in</a>'
        '<a href="&#x6A;avascript:alert(1)">j</a></p>')
    problems = page_link_problems(page, POLICY)
    text = "\n".join(p.what for p in problems)
    assert "'evil.example'" in text and "http://" in text
    assert text.count("evil.example") == 2
    assert "'&#x6A;avascript:alert(1)' (read as 'javascript:alert(1)')" in text
    assert all(p.section == ("share",) for p in problems)
    assert "https://evil.example/a?x=1&amp;y=2" in problems[0].needles


TARGET = AnchorTarget(
    path="docs/zh-Hant/take-action.md",
    ids=frozenset({"take-action", "register", "為什麼"}),
    auto_ids=frozenset({"為什麼"}),
    english_path="docs/en/take-action.md",
    english_ids=frozenset({"take-action", "register", "share"}),
)


def test_an_anchor_written_in_the_target_passes():
    assert anchor_problem("take-action.md#register", "register", TARGET) is None


def test_an_anchor_only_the_english_page_has_is_named_with_the_fix():
    problem = anchor_problem("take-action.md#share", "share", TARGET)
    assert "docs/en/take-action.md has but its translation docs/zh-Hant/take-action.md lacks" in problem.what
    assert "{#share}" in problem.fix
    assert problem.needles == ("take-action.md#share",)


def test_an_anchor_made_from_a_headings_words_is_refused():
    problem = anchor_problem("take-action.md#為什麼", "為什麼", TARGET)
    assert "made from the words of a heading" in problem.what and "{#為什麼}" in problem.fix


def test_an_anchor_missing_everywhere_is_left_to_mkdocs():
    assert anchor_problem("take-action.md#nowhere", "nowhere", TARGET) is None
    assert anchor_problem("x.md#share", "share", AnchorTarget("docs/en/x.md", frozenset())) is None


def test_anchors_used_only_by_permalinks_are_told_apart_from_written_links():
    page = parse_html('<h2 id="made-up">A<a class="headerlink" href="#made-up">¶</a></h2>'
                      '<h2 id="linked">B<a class="headerlink" href="#linked">¶</a></h2>'
                      '<p><a href="#linked">see B</a></p>')
    assert anchors_only_in_permalinks(page) == {"made-up"}
