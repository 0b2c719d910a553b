"""Pages written right to left (Arabic): hashtags shown as they are posted,
each in a <bdi> of its own (fov.pages.bidi). Left-to-right pages are not touched.
The direction is the campaign layer's (`Languages.direction`: theme.direction, or
the one Material's strings for the language give).
"""

from __future__ import annotations

from mkdocs.plugins import event_priority

from fov.data.campaign import languages
from fov.pages.bidi import isolate_hashtags


@event_priority(-50)  # after the share cards are drawn and the checks have read the page
def on_page_content(html, page, config, files):
    return isolate_hashtags(html) if languages(config).direction == "rtl" else html
