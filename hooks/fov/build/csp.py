"""A strict Content-Security-Policy for a built page, as a <meta> tag.

GitHub Pages sends no custom headers, so the policy travels in the page: a
<meta http-equiv="Content-Security-Policy"> inserted as the first element of
<head> (a policy only covers what follows it). Scripts and styles may come
from the site itself; an inline <script> or <style> runs only if its exact
text hashes to one of the sha256 values listed. Nothing may be loaded from
another host.

The elements that matter are read with the standard library's HTML parser
(`scan`); the hashed text is sliced from the page exactly as written,
between the tags.
"""

from __future__ import annotations

import base64
import bisect
import hashlib
import re
from dataclasses import dataclass, field
from html import parser as html_parser
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
    """What the policy needs from a page: where <head> ends, a policy already
    there, the text of each inline <script> and <style>, and markup no hash can
    allow. Every page holds the whole navigation, so the page is not parsed
    whole (which made a build's time grow with the square of the site): it is
    searched for the few places that matter (in C, with regular expressions),
    and each of those elements is read with html.parser, as a parse of the
    whole page would read it. Comments and the text of <script> and <style>
    hold no markup, as for the parser."""
    page = PageScan()
    unparsed: list[tuple[int, int]] = []  # comments, and the text of <script> and <style>
    may_have_policy = _POLICY_NAME.search(html) is not None
    position = 0
    while (found := _LANDMARK.search(html, position)) is not None:
        start, name = found.start(), (found.group(1) or "").lower()
        position = found.end()
        if _start_tag_around(html, start) is not None:
            continue  # in an attribute's value
        if not name:  # a comment
            close = _COMMENT_END.search(html, start + 4)
            unparsed.append((start, close.end() if close else len(html)))
            if close is None:
                break
            position = close.end()
            continue
        if (name == "head" and page.head_start is not None) or (name == "meta" and not may_have_policy):
            continue
        element = _read_element(html, start, raw_text=name in RAW_TEXT)
        if element is None:
            continue
        tag_end = start + len(element.start_tag)
        position = tag_end
        if name == "head":
            page.head_start = tag_end
        elif name == "meta":
            page.existing_policy |= _is_policy(element.attrs)
        elif not element.self_closing:
            if element.end is None:  # never closed: the rest of the page is its text
                unparsed.append((tag_end, len(html)))
                break
            text_end = _offset(html, start, element.end)
            unparsed.append((tag_end, text_end))
            position = text_end
            if name == "style" or "src" not in dict(element.attrs):
                page.inline.append(Inline(name, html[tag_end:text_end], _line(html, start)))
    page.blocked = _blocked_markup(html, unparsed)
    return page


RAW_TEXT = ("script", "style")  # elements whose text html.parser does not parse
_LANDMARK = re.compile(r"<!--|<(head|script|style|meta)(?=[\s/>])", re.IGNORECASE)
_COMMENT_END = re.compile(r"--\s*>")  # as html.parser ends a comment
_POLICY_NAME = re.compile("content-security-policy", re.IGNORECASE)
# Where a blocked attribute may start: an attribute name starting with "on"
# or "style", or an href, src or action whose value may be a javascript: URL
# (one starting with "j" or with a character reference). Letters of either
# case are spelled out: re.IGNORECASE would make the search 3 times slower.
_BLOCKABLE = re.compile(r"""
    [oOsShHaA](?<=[\s"'/].)            # the first letter of an attribute's name
    (?: (?<=[oO])[nN]                  # on...
      | (?<=[sS])[tT][yY][lL][eE]       # style
      | (?: (?<=[hH])[rR][eE][fF] | (?<=[sS])[rR][cC] | (?<=[aA])[cC][tT][iI][oO][nN] )
        \s*=+\s*["']?\s*[jJ&]          # a value that may be a javascript: URL
    )""", re.VERBOSE)
# How far html.parser reads a start tag: its own pattern (Python 3.11's, should
# a later one not have it under that name).
_START_TAG = getattr(html_parser, "locatestarttagend_tolerant", None) or re.compile(r"""
  <[a-zA-Z][^\t\n\r\f />\x00]*       # tag name
  (?:[\s/]*                          # optional whitespace before attribute name
    (?:(?<=['"\s/])[^\s/>][^\s/=>]*  # attribute name
      (?:\s*=+\s*                    # value indicator
        (?:'[^']*'                   # LITA-enclosed value
          |"[^"]*"                   # LIT-enclosed value
          |(?!['"])[^>\s]*           # bare value
         )
        \s*                          # possibly followed by a space
       )?(?:\s|/(?!>))*
     )*
   )?
  \s*                                # trailing whitespace
""", re.VERBOSE)


def _blocked_markup(html: str, unparsed: list[tuple[int, int]]) -> list[tuple[int, str]]:
    blocked: list[tuple[int, str]] = []
    read: set[int] = set()
    for candidate in _BLOCKABLE.finditer(html):
        if _within(unparsed, candidate.start()):
            continue
        tag_start = _start_tag_around(html, candidate.start())
        if tag_start is None or tag_start in read:
            continue  # in text, or in a tag already read
        read.add(tag_start)
        element = _read_element(html, tag_start, raw_text=False)
        if element is not None:
            blocked += _blocked_attributes(element.attrs, _line(html, tag_start))
    return blocked


def _start_tag_around(html: str, position: int) -> int | None:
    """Where the start tag that `position` is inside begins (the tag as
    html.parser reads it), or None."""
    tag_start = html.rfind("<", 0, position)
    if tag_start < 0:
        return None
    tag = _START_TAG.match(html, tag_start)
    return tag_start if tag is not None and tag.end() > position else None


def _within(spans: list[tuple[int, int]], position: int) -> bool:
    """Whether `position` is in one of `spans` ((start, end) pairs, in order)."""
    index = bisect.bisect_right(spans, (position, float("inf"))) - 1
    return index >= 0 and position < spans[index][1]


def _line(html: str, position: int) -> int:
    return html.count("\n", 0, position) + 1


def _offset(html: str, start: int, line_column: tuple[int, int]) -> int:
    """The offset in `html` of a (line, column) that html.parser gave for the
    text it was fed from `start`."""
    line, column = line_column
    position = start
    for _ in range(line - 1):
        position = html.index("\n", position) + 1
    return position + column


def _is_policy(attrs) -> bool:
    return (dict(attrs).get("http-equiv") or "").lower() == "content-security-policy"


def _blocked_attributes(attrs, line: int) -> list[tuple[int, str]]:
    blocked = []
    for name, value in attrs:
        if name.startswith("on"):
            blocked.append((line, f"inline event handler {name}=\"…\""))
        elif name == "style":
            blocked.append((line, f'style="{value}" attribute'))
        elif name in ("href", "src", "action") and (value or "").strip().lower().startswith("javascript:"):
            blocked.append((line, f'{name}="{value}" (javascript: URL)'))
    return blocked


def _read_element(html: str, start: int, raw_text: bool) -> _Element | None:
    """The element whose start tag begins at `start`, read with html.parser
    (for <script> and <style>, up to its end tag), or None if no start tag
    begins there. The parser is fed about the element only: up to where it
    likely ends, then more if that was not enough."""
    element = _Element()
    fed, end = start, _likely_end(html, start, raw_text)
    while fed < len(html):
        element.feed(html[fed:end])
        fed, end = end, min(len(html), end + max(1024, 2 * (end - start)))
        if element.tag is None and element.getpos() != (1, 0):
            return None  # the parser read something else first
        if element.tag is not None and (not raw_text or element.self_closing or element.end):
            break
    return element if element.tag is not None else None


def _likely_end(html: str, start: int, raw_text: bool) -> int:
    """Where the element starting at `start` likely ends: its start tag's '>'
    and, for <script> and <style>, the end tag that closes its text."""
    tag = _START_TAG.match(html, start)
    if tag is None:
        return min(len(html), start + 1024)
    end = html.find(">", tag.end()) + 1 or len(html)
    if raw_text:
        name = html[start + 1:tag.end()].split(None, 1)[0].split("/", 1)[0].lower()
        close = _RAW_TEXT_END.get(name)
        found = close.search(html, end) if close else None
        end = found.end() if found else len(html)
    return end


_RAW_TEXT_END = {name: re.compile(rf"</\s*{name}\s*>", re.IGNORECASE) for name in RAW_TEXT}


class _Element(HTMLParser):
    """The first element of what it is fed: its start tag and attributes and,
    for <script> and <style>, where its end tag is."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tag: str | None = None
        self.attrs: list[tuple[str, str | None]] = []
        self.start_tag = ""
        self.self_closing = False
        self.end: tuple[int, int] | None = None  # (line, column) of its end tag

    def handle_starttag(self, tag, attrs):
        self._first(tag, attrs, self_closing=False)

    def handle_startendtag(self, tag, attrs):
        self._first(tag, attrs, self_closing=True)

    def _first(self, tag, attrs, self_closing):
        if self.tag is None and self.getpos() == (1, 0):
            self.tag, self.attrs, self.self_closing = tag, attrs, self_closing
            self.start_tag = self.get_starttag_text() or ""

    def handle_endtag(self, tag):
        if tag == self.tag and self.end is None and not self.self_closing:
            self.end = self.getpos()


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
