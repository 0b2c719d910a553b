"""Share links: plain links to each network's own share page, filled with the
page's address and a short text. No third-party script, nothing loaded until
the visitor clicks, and they work without JavaScript.

Networks come from `extra.campaign.share` in mkdocs.yml:
    - name: X                       # or {en: E-mail, zh-Hant: 電子郵件, ...}
      link: "https://x.com/intent/post?text={text}&url={url}"
      languages: [zh-Hant]          # optional: only on these languages' pages
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping
from urllib.parse import quote

from fov.hashtags import HashtagRegistry

EVERY_LANGUAGE = "all"


@dataclass(frozen=True)
class ShareLink:
    name: str
    href: str


def hashtags_for(lang: str, hashtags: Iterable[Mapping]) -> list[str]:
    """The campaign hashtags meant for a language (the registry's own rule)."""
    registry = HashtagRegistry.from_campaign({"hashtags": list(hashtags)})
    return [t.tag for t in registry.for_language(lang)]


def share_text(title: str, site_name: str, tags: list[str]) -> str:
    head = title if not site_name or title == site_name else f"{title} – {site_name}"
    return " ".join([head, *tags])


def share_links(networks: Iterable[Mapping], lang: str, url: str, text: str) -> list[ShareLink]:
    links = []
    for network in networks:
        languages = network.get("languages") or [EVERY_LANGUAGE]
        if EVERY_LANGUAGE not in languages and lang not in languages:
            continue
        name = network["name"]
        if isinstance(name, Mapping):
            name = name.get(lang) or name.get("en") or next(iter(name.values()))
        href = network["link"].format(url=quote(url, safe=""), text=quote(text, safe=""))
        links.append(ShareLink(name, href))
    return links
