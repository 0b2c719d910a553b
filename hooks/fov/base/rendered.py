"""A page's rendered HTML, read once with a real HTML parser for every rule.

`parse_html(html)` returns what the rules look at:

- `elements`: every start tag with its attributes (values decoded as a
  browser decodes them), its raw text, and the ids of the headings above it;
- `texts`: the visible text of each block (paragraph, list item, heading,
  table cell...), inline markup joined, code and preformatted text replaced
  by a space, so that what a reader (or X) sees as one run of words is one
  string;
- `headings`: each heading's level, id and words.

Elements and texts inside a share card (`div.fov-snippet`, fov.checks.snippets) are marked, since
the card is checked by its own rule.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "param", "source", "track", "wbr"}
BLOCK = {"address", "article", "aside", "blockquote", "caption", "dd", "details", "div",
         "dl", "dt", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
         "h6", "header", "hr", "li", "main", "nav", "ol", "p", "section", "summary", "table",
         "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "br"}
HIDDEN = {"code", "pre", "kbd", "samp", "script", "style", "template", "textarea"}
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
SHARE_CARD = "fov-snippet"


@dataclass(frozen=True)
class Element:
    tag: str
    attrs: tuple[tuple[str, str], ...]
    raw: str  # the start tag as written in the HTML
    section: tuple[str, ...]
    in_share_card: bool

    def get(self, name: str, default: str | None = None) -> str | None:
        for key, value in self.attrs:
            if key == name:
                return value
        return default

    @property
    def classes(self) -> tuple[str, ...]:
        return tuple((self.get("class") or "").split())


@dataclass(frozen=True)
class Text:
    text: str
    section: tuple[str, ...]
    in_share_card: bool


@dataclass(frozen=True)
class Heading:
    level: int
    id: str
    text: str
    section: tuple[str, ...]  # ids of the headings above it, itself last


@dataclass(frozen=True)
class RenderedPage:
    elements: tuple[Element, ...]
    texts: tuple[Text, ...]
    headings: tuple[Heading, ...]

    @property
    def ids(self) -> set[str]:
        return {value for e in self.elements for key, value in e.attrs if key == "id"}

    def share_cards(self) -> tuple[Element, ...]:
        return tuple(e for e in self.elements if SHARE_CARD in e.classes and e.tag == "div")


def raw_attribute_value(start_tag: str, name: str) -> str:
    """An attribute's value as written in the start tag (before decoding)."""
    match = re.search(r"[\s/]" + re.escape(name) + r"\s*=\s*(\"([^\"]*)\"|'([^']*)'|([^\s>]+))",
                      start_tag, re.IGNORECASE)
    if not match:
        return ""
    return next(g for g in match.groups()[1:] if g is not None)


@functools.lru_cache(maxsize=64)
def parse_html(html: str) -> RenderedPage:
    parser = _PageParser()
    parser.feed(html)
    parser.close()
    return parser.result()


class _PageParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.texts: list[Text] = []
        self.headings: list[Heading] = []
        self.open: list[tuple[str, bool]] = []  # (tag, opens a share card)
        self.sections: list[tuple[int, str]] = []  # (level, id) of the headings above
        self.hidden = 0
        self.buffer: list[str] = []
        self.heading: tuple[int, str] | None = None
        self.heading_words: list[str] = []
        self.permalink_depth = 0

    # -- state -----------------------------------------------------------------
    @property
    def section(self) -> tuple[str, ...]:
        return tuple(anchor for _, anchor in self.sections if anchor)

    @property
    def in_share_card(self) -> bool:
        return any(card for _, card in self.open)

    def flush(self) -> None:
        text = "".join(self.buffer)
        self.buffer = []
        if text.strip():
            self.texts.append(Text(text, self.section, self.in_share_card))

    # -- events ----------------------------------------------------------------
    def handle_starttag(self, tag, attrs):
        self._start(tag, attrs, closes=tag in VOID)

    def handle_startendtag(self, tag, attrs):
        self._start(tag, attrs, closes=True)

    def _start(self, tag, attrs, closes):
        attrs = tuple((name, value if value is not None else "") for name, value in attrs)
        classes = next((v for k, v in attrs if k == "class"), "").split()
        if tag in BLOCK:
            self.flush()
        if tag in HEADINGS:
            level = HEADINGS[tag]
            anchor = next((v for k, v in attrs if k == "id"), "")
            while self.sections and self.sections[-1][0] >= level:
                self.sections.pop()
            self.sections.append((level, anchor))
            self.heading = (level, anchor)
            self.heading_words = []
        opens_card = tag == "div" and SHARE_CARD in classes
        self.elements.append(Element(tag, attrs, self.get_starttag_text() or "", self.section,
                                     self.in_share_card or opens_card))
        if tag == "br":
            self.buffer.append("\n")
        if closes:
            return
        self.open.append((tag, opens_card))
        if tag in HIDDEN:
            if not self.hidden:
                self.buffer.append(" ")
            self.hidden += 1
        if tag == "a" and "headerlink" in classes:
            self.permalink_depth += 1

    def handle_endtag(self, tag):
        if not any(t == tag for t, _ in self.open):
            return  # a stray end tag
        while self.open:
            open_tag, _ = self.open[-1]
            self._end(open_tag)  # while still open: its text is still inside it
            self.open.pop()
            if open_tag == tag:
                break

    def _end(self, tag):
        if tag in HIDDEN:
            self.hidden -= 1
        if tag == "a" and self.permalink_depth:
            self.permalink_depth -= 1
        if tag in HEADINGS and self.heading:
            level, anchor = self.heading
            self.headings.append(Heading(level, anchor, "".join(self.heading_words).strip(),
                                         self.section))
            self.heading = None
        if tag in BLOCK:
            self.flush()

    def handle_data(self, data):
        if self.hidden or self.permalink_depth:
            return
        self.buffer.append(data)
        if self.heading:
            self.heading_words.append(data)

    def result(self) -> RenderedPage:
        self.flush()
        return RenderedPage(tuple(self.elements), tuple(self.texts), tuple(self.headings))
