"""Insert HTML after given headings of rendered HTML, found with a real HTML parser."""

from __future__ import annotations

from html.parser import HTMLParser

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


class _HeadingEnds(HTMLParser):
    def __init__(self, ids: set[str]):
        super().__init__(convert_charrefs=True)
        self.ids = ids
        self.open: tuple[str, str] | None = None
        self.ends: dict[str, tuple[int, int]] = {}  # id -> (line, column) of its end tag

    def handle_starttag(self, tag, attrs):
        heading_id = dict(attrs).get("id")
        if tag in HEADINGS and heading_id in self.ids and heading_id not in self.ends:
            self.open = (tag, heading_id)

    def handle_endtag(self, tag):
        if self.open and tag == self.open[0]:
            self.ends[self.open[1]] = self.getpos()
            self.open = None


def insert_after_headings(html_text: str, snippets: dict[str, str]) -> tuple[str, set[str]]:
    """(html with each snippet placed right after the heading with that id,
    the ids that were found)."""
    parser = _HeadingEnds(set(snippets))
    parser.feed(html_text)
    parser.close()
    line_starts = [0]
    for line in html_text.splitlines(keepends=True):
        line_starts.append(line_starts[-1] + len(line))
    places = []
    for heading_id, (line, column) in parser.ends.items():
        start = line_starts[line - 1] + column
        places.append((html_text.index(">", start) + 1, snippets[heading_id]))
    for offset, snippet in sorted(places, reverse=True):
        html_text = html_text[:offset] + snippet + html_text[offset:]
    return html_text, set(parser.ends)
