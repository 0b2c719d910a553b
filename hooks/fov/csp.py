"""A strict Content-Security-Policy for a built page, as a <meta> tag.

GitHub Pages sends no custom headers, so the policy travels in the page: a
<meta http-equiv="Content-Security-Policy"> inserted as the first element of
<head> (a policy only covers what follows it). Scripts and styles may come
from the site itself; an inline <script> or <style> runs only if its exact
text hashes to one of the sha256 values listed. Nothing may be loaded from
another host.

The page is read with the standard library's HTML parser; the hashed text is
sliced from the page exactly as written, between the tags.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, field
from html.parser import HTMLParser

# Directives a <meta> policy may carry (frame-ancestors, report-uri and
# sandbox are ignored there, and Chromium logs an error for them).
FIXED_DIRECTIVES = (
    ("default-src", "'none'"),
    ("img-src", "'self' data:"),  # Material's icons are data: URIs in its CSS
    ("font-src", "'self'"),
    ("connect-src", "'self'"),  # the search index
    ("worker-src", "'self'"),  # Material's search worker
    ("manifest-src", "'self'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)


@dataclass
class Inline:
    tag: str  # "script" or "style"
    text: str
    line: int


@dataclass
class PageScan:
    head_start: int | None = None  # offset just after the <head ...> tag
    existing_policy: bool = False
    inline: list[Inline] = field(default_factory=list)
    # (line, what) for markup a strict policy blocks and no hash can allow
    blocked: list[tuple[int, str]] = field(default_factory=list)


def sha256_source(text: str) -> str:
    # The browser hashes the element's text after newline normalisation.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def scan(html: str) -> PageScan:
    scanner = _Scanner(html)
    scanner.feed(html)
    scanner.close()
    return scanner.result


def policy(page: PageScan) -> str:
    scripts = _sources("script", page)
    styles = _sources("style", page)
    directives = [
        ("script-src", " ".join(["'self'", *scripts])),
        ("style-src", " ".join(["'self'", *styles])),
        *FIXED_DIRECTIVES,
    ]
    return "; ".join(f"{name} {value}" for name, value in directives)


def meta_tag(content: str) -> str:
    return f'<meta http-equiv="Content-Security-Policy" content="{content}">'


def add_policy(html: str) -> tuple[str, PageScan]:
    """The page with its policy as the first element of <head>, and what the
    scan found (for warnings). A page without <head>, or that already has a
    policy, comes back unchanged."""
    page = scan(html)
    if page.head_start is None or page.existing_policy:
        return html, page
    tag = meta_tag(policy(page))
    return html[: page.head_start] + tag + html[page.head_start:], page


def _sources(tag: str, page: PageScan) -> list[str]:
    seen = []
    for item in page.inline:
        source = sha256_source(item.text)
        if item.tag == tag and source not in seen:
            seen.append(source)
    return seen


class _Scanner(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.html = html
        self.line_starts = [0]
        for index, char in enumerate(html):
            if char == "\n":
                self.line_starts.append(index + 1)
        self.result = PageScan()
        self.open_inline: tuple[str, int, int] | None = None  # tag, content start, line

    def _position(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        self._check_attributes(attrs)
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
        self._check_attributes(attrs)
        if tag == "meta" and (dict(attrs).get("http-equiv") or "").lower() == "content-security-policy":
            self.result.existing_policy = True

    def handle_endtag(self, tag):
        if self.open_inline and tag == self.open_inline[0]:
            kind, start, line = self.open_inline
            self.result.inline.append(Inline(kind, self.html[start:self._position()], line))
            self.open_inline = None

    def _check_attributes(self, attrs):
        line = self.getpos()[0]
        for name, value in attrs:
            if name.startswith("on"):
                self.result.blocked.append((line, f"inline event handler {name}=\"…\""))
            elif name == "style":
                self.result.blocked.append((line, f'style="{value}" attribute'))
            elif name in ("href", "src", "action") and (value or "").strip().lower().startswith("javascript:"):
                self.result.blocked.append((line, f'{name}="{value}" (javascript: URL)'))
