"""Share messages, built in one place for every way the site lets a visitor share.

`ShareMessage` is the one builder: words, link and hashtags in, and out the
message each platform takes: the hashtags as the registry spells them
(`hashtags_for`), Weibo's topics written #topic# (`weibo_topic`), the e-mail
body, and X's weighted length (`x_weighted_length`, twitter-text). The share
links under every page (hooks/share_links.py), the share cards of ```share
blocks (fov.checks.snippets, hooks/share_snippets.py), the social cards' hashtags
(hooks/social_cards.py) and the e-mail links all use it, so a rule changes once.

Share links are plain links to each network's own share page: no third-party
script, nothing loaded until the visitor clicks; they work without JavaScript.
Networks come from `extra.campaign.share` in mkdocs.yml:
    - name: X                       # or {en: E-mail, zh-Hant: 電子郵件, ...}
      link: "https://x.com/intent/post?text={text}&url={url}"
      languages: [zh-Hant]          # optional: only on these languages' pages
      platform: weibo               # optional: else told from the link's address
A link may use {url}, {text} (the platform's message: Weibo's with #topic#
topics), {post} (text and link), {subject} and {body} (e-mail), each UTF-8
and percent-encoded.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping
from urllib.parse import quote, urlsplit


EVERY_LANGUAGE = "all"
WEIBO = "weibo"
EMAIL = "email"
X_LIMIT = 280
# Platforms told from a share link's host (a network may name its `platform`).
_HOSTS = {"x.com": "x", "twitter.com": "x", "facebook.com": "facebook", "linkedin.com": "linkedin",
          "wa.me": "whatsapp", "t.me": "telegram", "line.me": "line", "weibo.com": WEIBO, "vk.com": "vk"}


@dataclass(frozen=True)
class ShareLink:
    name: str
    href: str


def weibo_topic(tag: str) -> str:
    """A hashtag as a Weibo topic: #FutureOfVolunteering -> #FutureOfVolunteering#."""
    return f"#{tag.lstrip('#＃')}#"


@dataclass(frozen=True)
class ShareMessage:
    text: str = ""  # the words, without hashtags or link
    link: str = ""
    hashtags: tuple[str, ...] = ()
    subject: str = ""  # the e-mail subject

    @property
    def tags(self) -> str:
        return " ".join(self.hashtags)

    @property
    def message(self) -> str:
        """The post without its link."""
        return " ".join(part for part in (self.text, self.tags) if part)

    @property
    def post(self) -> str:
        """The whole post, as X counts it and the copy button gives it."""
        return " ".join(part for part in (self.message, self.link) if part)

    @property
    def weibo_message(self) -> str:
        """The post for Weibo: its topics are written #topic#."""
        topics = " ".join(weibo_topic(tag) for tag in self.hashtags)
        return " ".join(part for part in (self.text, topics) if part)

    @property
    def email_body(self) -> str:
        return self.message + "\r\n" + self.link

    def text_for(self, platform: str) -> str:
        return self.weibo_message if platform == WEIBO else self.message

    def x_length(self, measure=None) -> tuple[int, bool]:
        return (measure or x_weighted_length)(self.post)


def x_weighted_length(post: str) -> tuple[int, bool]:
    """X's weighted length (twitter-text, configuration v3) and whether X accepts the post."""
    from twitter_text import parse_tweet

    result = parse_tweet(post)
    return result.weightedLength, result.valid


def page_message(title: str, site_name: str, url: str, tags: Iterable[str]) -> ShareMessage:
    """What the share links under a page post: its title (and the site's name), the
    language's hashtags, the page's address."""
    head = title if not site_name or title == site_name else f"{title} – {site_name}"
    return ShareMessage(text=head, link=url, hashtags=tuple(tags), subject=head)


def share_text(title: str, site_name: str, tags: Iterable[str]) -> str:
    return page_message(title, site_name, "", tags).message


def platform_of(link: str) -> str:
    if link.startswith("mailto:"):
        return EMAIL
    host = (urlsplit(link).hostname or "").lower()
    for known, platform in _HOSTS.items():
        if host == known or host.endswith("." + known):
            return platform
    return host


def fill_link(template: str, message: ShareMessage, platform: str = "") -> str:
    """A share link: the template's {url}, {text}, {subject} and {body} filled in."""
    platform = platform or platform_of(template)
    return template.format(url=_q(message.link), text=_q(message.text_for(platform)),
                           post=_q(message.post), subject=_q(message.subject or message.text),
                           body=_q(message.email_body))


def _q(text: str) -> str:
    """UTF-8, percent-encoded: spaces as %20 (a '+' stays a '+' in mailto:)."""
    return quote(text, safe="")


def share_links(networks: Iterable[Mapping], lang: str, message: ShareMessage,
                fallback: Iterable[str] = ()) -> list[ShareLink]:
    """The networks meant for `lang`, each named in `lang`, else in the first of
    `fallback` (the campaign layer's Languages.fallback) that names it."""
    order = (lang, *fallback)
    links = []
    for network in networks:
        languages = network.get("languages") or [EVERY_LANGUAGE]
        if EVERY_LANGUAGE not in languages and lang not in languages:
            continue
        name = network["name"]
        if isinstance(name, Mapping):
            name = next((name[code] for code in order if name.get(code)), None) or next(iter(name.values()))
        links.append(ShareLink(name, fill_link(network["link"], message, network.get("platform", ""))))
    return links
