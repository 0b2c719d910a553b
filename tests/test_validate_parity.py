"""Parity of a translation with its English page (fov.checks.parity): links, e-mail
addresses and heading ids kept; sections a translation is known to lag
behind in can be left out (skip_sections)."""

from __future__ import annotations

from fov.base.rendered import parse_html
from fov.base.source_map import SourceMap
from fov.checks.parity import Item, page_facts, PageFacts, parity_findings

ENGLISH_MD = """---
description: Take action.
---

# Take action {#take-action}

## Share the call {#share}

Post it. [Contact us](mailto:ivy2026@iave.org).

## Register {#register}

- [iave.org/calltoaction](https://iave.org/calltoaction)
- [forum-ids.org](https://forum-ids.org/international-volunteer-year-2026)

### By post {#by-post}

Write to [IAVE](https://www.iave.org).
"""
ENGLISH_HTML = """<h1 id="take-action">Take action</h1>
<h2 id="share">Share the call</h2><p>Post it. <a href="mailto:ivy2026@iave.org">Contact us</a>.</p>
<div class="fov-snippet"><a class="fov-snippet__link" href="https://iave.org/calltoaction">x</a>
<ul><li><a class="fov-snippet__service" href="https://x.com/intent/tweet?text=English">X</a></li></ul></div>
<h2 id="register">Register</h2><ul>
<li><a href="https://iave.org/calltoaction">iave.org/calltoaction</a></li>
<li><a href="https://forum-ids.org/international-volunteer-year-2026">forum-ids.org</a></li></ul>
<h3 id="by-post">By post</h3><p>Write to <a href="https://www.iave.org">IAVE</a>.</p>"""


def facts(html: str, markdown: str, path: str) -> PageFacts:
    return page_facts(parse_html(html), SourceMap(markdown, path))


ENGLISH = facts(ENGLISH_HTML, ENGLISH_MD, "docs/en/take-action.md")


def translated(html: str) -> PageFacts:
    markdown = "\n".join(f"## x {{#{h}}}" for h in ("take-action", "share", "register", "by-post"))
    return facts(html, markdown, "docs/zh-Hant/take-action.md")


def test_the_english_facts_hold_links_addresses_and_heading_ids_with_lines():
    assert [(h.value, h.line) for h in ENGLISH.headings] == [
        ("take-action", 5), ("share", 7), ("register", 11), ("by-post", 16)]
    assert ENGLISH.headings[3].section == ("take-action", "register", "by-post")
    assert [(i.value, i.line) for i in ENGLISH.links] == [
        ("https://iave.org/calltoaction", 13), ("https://iave.org/calltoaction", 13),
        ("https://forum-ids.org/international-volunteer-year-2026", 14), ("https://www.iave.org", 18)]
    assert [(i.value, i.section) for i in ENGLISH.emails] == [("ivy2026@iave.org", ("take-action", "share"))]
    assert "x.com" not in str(ENGLISH.links)  # a share card's service links are made, not written


def test_a_faithful_translation_has_no_finding():
    assert parity_findings(ENGLISH, translated(ENGLISH_HTML.replace("Share the call", "分享號召"))) == []


def test_a_dropped_or_altered_link_is_named_in_the_translation_with_the_english_line():
    html = ENGLISH_HTML.replace("https://forum-ids.org/international-volunteer-year-2026",
                                "https://forum-ids.org/ivy2026")
    (finding,) = parity_findings(ENGLISH, translated(html))
    assert finding.path == "docs/zh-Hant/take-action.md" and finding.line == 3  # its #register heading
    assert "(docs/en/take-action.md:14) has the link to " \
           "https://forum-ids.org/international-volunteer-year-2026 in section #register" in finding.what
    assert "translate its words, not its address" in finding.fix


def test_a_dropped_address_and_a_dropped_heading_id_are_named():
    html = ENGLISH_HTML.replace("mailto:ivy2026@iave.org", "mailto:ivy2026@forum-ids.org")
    html = html.replace('<h3 id="by-post">', '<h3 id="郵寄">')
    findings = parity_findings(ENGLISH, translated(html))
    assert len(findings) == 2
    heading, address = findings
    # The heading whose id was changed, at its own line (the fourth heading), not its parent's.
    assert "has the id '#郵寄', where the English heading (docs/en/take-action.md:16) has '#by-post'" \
        in heading.what
    assert "{#by-post}" in heading.fix and heading.line == 4
    assert "e-mail address ivy2026@iave.org in section #share" in address.what and address.line == 2


def test_a_dropped_heading_is_named_under_its_parent():
    html = ENGLISH_HTML.replace('<h3 id="by-post">By post</h3>', "")
    (heading,) = parity_findings(ENGLISH, translated(html))
    assert "heading id '#by-post' of docs/en/take-action.md:16 is missing" in heading.what
    assert heading.line == 3  # under its parent, #register


def test_skipped_sections_leave_out_everything_under_them():
    html = ENGLISH_HTML.replace('<h3 id="by-post">By post</h3><p>Write to <a href="https://www.iave.org">IAVE</a>.</p>', "")
    html = html.replace("https://forum-ids.org/international-volunteer-year-2026", "https://forum-ids.org/x")
    assert len(parity_findings(ENGLISH, translated(html))) == 3
    assert parity_findings(ENGLISH, translated(html), skip_sections={"register"}) == []
    (left,) = parity_findings(ENGLISH, translated(html), skip_sections=frozenset({"by-post"}))
    assert "forum-ids.org/international-volunteer-year-2026" in left.what


def test_a_link_also_in_a_section_not_skipped_is_still_required():
    html = ENGLISH_HTML.replace('<a href="https://iave.org/calltoaction">iave.org/calltoaction</a>', "")
    html = html.replace('<a class="fov-snippet__link" href="https://iave.org/calltoaction">x</a>', "")
    assert parity_findings(ENGLISH, translated(html), skip_sections={"share"})
    assert parity_findings(ENGLISH, translated(html), skip_sections={"share", "register"}) == []


def test_an_english_heading_without_a_written_id_says_so():
    english = PageFacts("docs/en/a.md", (Item("why-act-now", ("why-act-now",), 4),), (), (),
                        auto_ids=frozenset({"why-act-now"}))
    (finding,) = parity_findings(english, PageFacts("docs/zh-Hans/a.md", (), (), ()))
    assert "the English heading has no written id either" in finding.what
    assert "give the English heading an explicit id" in finding.fix and finding.line == 1
