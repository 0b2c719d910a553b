"""Right-to-left pages: each hashtag keeps its own direction.

In an Arabic sentence, "#FutureOfVolunteering" is a left-to-right word that
starts with a neutral character: the browser's bidirectional algorithm gives the
hash sign the paragraph's direction and shows "FutureOfVolunteering#". Inside
<bdi> (an isolate that takes its direction from its own first letter) the tag
reads as it is posted, and an Arabic hashtag stays right to left.

Text is found with a real HTML parser; code, preformatted text and what is
already isolated are left as they are.
"""

from __future__ import annotations

from html.parser import HTMLParser

from fov.data.hashtags import extract_hashtags_with_indices, HASH_SIGNS

LEFT_ALONE = {"code", "pre", "kbd", "samp", "script", "style", "textarea", "bdi", "bdo"}


class _TextRuns(HTMLParser):
    """(offset, text) of every run of text outside LEFT_ALONE elements."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=False)  # raw text: offsets stay exact
        self._line_starts = [0]
        for number, char in enumerate(html):
            if char == "\n":
                self._line_starts.append(number + 1)
        self._inside = 0
        self._after_reference = False  # "&amp;#x": the "#" follows "&", it starts no hashtag
        self.runs: list[tuple[int, str, bool]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        if tag in LEFT_ALONE:
            self._inside += 1

    def handle_endtag(self, tag):
        if tag in LEFT_ALONE and self._inside:
            self._inside -= 1

    def handle_data(self, data):
        if not self._inside and any(sign in data for sign in HASH_SIGNS):
            line, column = self.getpos()
            self.runs.append((self._line_starts[line - 1] + column, data, self._after_reference))
        self._after_reference = False

    def handle_entityref(self, name):
        self._after_reference = True

    def handle_charref(self, name):
        self._after_reference = True


def isolate_hashtags(html: str) -> str:
    """The HTML with every hashtag of its text wrapped in <bdi>."""
    if not any(sign in html for sign in HASH_SIGNS):
        return html
    edits = [(offset + tag.start, offset + tag.end)
             for offset, text, after_reference in _TextRuns(html).runs
             for tag in extract_hashtags_with_indices(text)
             if not (after_reference and tag.start == 0)]
    for start, end in reversed(edits):
        html = f"{html[:start]}<bdi>{html[start:end]}</bdi>{html[end:]}"
    return html
