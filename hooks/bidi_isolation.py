"""Pages written right to left (Arabic): hashtags shown as they are posted,
each in a <bdi> of its own (fov.pages.bidi). Left-to-right pages are not touched.

A language's direction is theme.direction, or the one Material's strings for
the language give ("direction": "rtl" in partials/languages/ar.html).
"""

from __future__ import annotations

from mkdocs.plugins import event_priority

from fov.build import theme_strings
from fov.pages.bidi import isolate_hashtags


class _State:
    directions: dict[str, str] = {}  # theme language -> "ltr" or "rtl"


@event_priority(-50)  # after the share cards are drawn and the checks have read the page
def on_page_content(html, page, config, files):
    return isolate_hashtags(html) if _direction(config) == "rtl" else html


def _direction(config) -> str:
    if config.theme.get("direction"):
        return config.theme["direction"]
    language = config.theme.get("language") or "en"
    if language not in _State.directions:
        _State.directions[language] = theme_strings.direction(config.theme)  # one Jinja environment
    return _State.directions[language]
