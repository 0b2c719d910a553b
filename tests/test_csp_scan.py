"""fov.build.csp reads only the parts of a page that matter (issue: build time grew
with the square of the site when every page was parsed whole). It must find
exactly what a parse of the whole page finds: the reference below is that
parse (html.parser over the whole page, as fov.build.csp did before), and the two
are compared on every page of the real site and on markup made to trip a
search that is not a parser."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from fov.build import csp


class _WholePage(HTMLParser):
    """The reference: every tag of the page through html.parser."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.html = html
        self.line_starts = [0] + [i + 1 for i, c in enumerate(html) if c == "\n"]
        self.result = csp.PageScan()
        self.open_inline = None

    def _position(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        self._check(attrs)
        end_of_tag = self._position() + len(self.get_starttag_text())
        attributes = dict(attrs)
        if tag == "head" and self.result.head_start is None:
            self.result.head_start = end_of_tag
        elif tag == "meta" and (attributes.get("http-equiv") or "").lower() == "content-security-policy":
            self.result.existing_policy = True
        elif tag == "script" and "src" not in attributes:
            self.open_inline = ("script", end_of_tag, self.getpos()[0])
        elif tag == "style":
            self.open_inline = ("style", end_of_tag, self.getpos()[0])

    def handle_startendtag(self, tag, attrs):
        self._check(attrs)
        if tag == "meta" and (dict(attrs).get("http-equiv") or "").lower() == "content-security-policy":
            self.result.existing_policy = True

    def handle_endtag(self, tag):
        if self.open_inline and tag == self.open_inline[0]:
            kind, start, line = self.open_inline
            self.result.inline.append(csp.Inline(kind, self.html[start:self._position()], line))
            self.open_inline = None

    def _check(self, attrs):
        line = self.getpos()[0]
        for name, value in attrs:
            if name.startswith("on"):
                self.result.blocked.append((line, f"inline event handler {name}=\"…\""))
            elif name == "style":
                self.result.blocked.append((line, f'style="{value}" attribute'))
            elif name in ("href", "src", "action") and (value or "").strip().lower().startswith("javascript:"):
                self.result.blocked.append((line, f'{name}="{value}" (javascript: URL)'))


def whole_page_scan(html: str) -> csp.PageScan:
    parser = _WholePage(html)
    parser.feed(html)
    parser.close()
    return parser.result


TRICKY = {
    "attributes of every kind": (
        '<!doctype html>\n<HTML><Head class="x">\n<META HTTP-EQUIV="Content-Security-Policy" content="a">\n'
        '<body ONLOAD="go()">\n<a href=" JavaScript:go()" title="on it">x</a>'
        "<a href='&#106;avascript:go()'>y</a><img src=javascript:x><form action=\"javascript:x\"></form>\n"
        '<p style="color:red" data-on="1">text on style and onward, href="javascript:no" as text</p>\n'
        '<input onfocus/><div\nonclick="a"\nstyle>z</div><a/onmouseover="x">w</a>\n'),
    "script and style text is no markup": (
        "<html><head><script>if (a <b) { x = '<a onclick=\"x\">'; }</script>\n"
        '<style>\r\n/* <div style="x"> */ p{color:red}</style>\n'
        '<script src="a.js"><a onclick="x"></script><SCRIPT type="application/json">{"k": "on"}</SCRIPT>\n'
        "</head><body><script/><a onclick=1></a></body></html>\n"),
    "comments are no markup": (
        '<html><!-- <head> <script>x</script> <a onclick="x"> --><head>\n'
        '<!-- <style>s</style> --\n >\n<script>y</script></head><body><!--x--><a style="s">t</a>'),
    "markup in attribute values": (
        '<html><head title="<script>no</script>"><meta content="<head>">\n'
        '<a title="a<b" onclick="x">t</a><a title="<!--" href="#">u</a><script>z</script>'),
    "a script never closed": '<html><head></head><body><script>var a = "<a onclick=x>";',
    "a tag never closed": '<html><head></head><body><a onclick="x"',
    "no head": '<p style="s">fragment</p>',
    "head later than a header": "<header>h</header><head id=h><style>s</style>",
}


@pytest.mark.parametrize("name", list(TRICKY))
def test_the_scan_finds_what_a_whole_page_parse_finds(name):
    assert csp.scan(TRICKY[name]) == whole_page_scan(TRICKY[name])


def test_the_tricky_pages_do_hold_what_the_scan_must_find():
    every = [whole_page_scan(html) for html in TRICKY.values()]
    assert sum(len(found.blocked) for found in every) == 14
    assert sum(len(found.inline) for found in every) == 6
    assert sum(found.existing_policy for found in every) == 1


def test_every_page_of_the_real_site_scans_as_a_whole_page_parse_does(real_site):
    pages = sorted(real_site.site.rglob("*.html"))
    with_inline_scripts = 0
    for path in pages:
        html = path.read_text(encoding="utf-8")
        fast, reference = csp.scan(html), whole_page_scan(html)
        assert fast == reference, path
        with_inline_scripts += bool(reference.inline)
    assert with_inline_scripts >= 72  # every page (9 in 8 languages) has its inline config
