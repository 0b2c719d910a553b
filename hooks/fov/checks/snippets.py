"""Share snippets: a ready-to-post message declared in a page, checked for every
platform it targets, rendered as a card with a copy button and share links.

In Markdown (a SuperFences block; one `key: value` a line, indented lines
continue the text, nothing is parsed as YAML, so '#' needs no quoting):

    ```share
    text: Volunteers hold communities together. I support the Call to Action
      on the Future of Volunteering.
    link: https://iave.org/calltoaction
    hashtags: #FutureOfVolunteering
    platforms: x facebook linkedin whatsapp telegram line weibo email
    subject: The Call to Action on the Future of Volunteering
    ```

`platforms` is optional (default: every platform with a share link to a site the
campaign allows, `campaign_platforms`);
`instagram` may be added to have the message checked for an Instagram
caption (Instagram has no share link on the web). `subject` is the e-mail
subject (default: the page title).

Checks: the link is https:// to an allowed host; each hashtag is one hashtag
X recognises, registered for the page's language; the text is in the page's
language; X's weighted length (twitter-text, every URL 23, CJK double) is at
most 280; Weibo topics are written #topic# (made from the hashtags);
LinkedIn and Instagram length limits when targeted.

Share links are plain links (no JavaScript), their parameters UTF-8 and
percent-encoded (`%20`, never `+`, in mailto:).

In a build (hooks/share_snippets.py adapts MkDocs' events to `ShareFences`): a
```share block in a page becomes a card with the ready-to-post message, a copy
button (overrides/assets/javascripts/share-snippets.js, an external file: no
inline handler) and plain share links for X, Facebook, LinkedIn, WhatsApp,
Telegram, LINE, Weibo and e-mail. Each block is checked for the page's language
and every platform it targets; errors name the block's line.

A page that asks people to share (it has the section `extra.campaign.
share_snippets.section`, {#share}) must hold a snippet in that section
(`missing_snippet_problems`). Labels of the card, per language:
`extra.campaign.share_snippets.labels`.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import version
from urllib.parse import urlsplit

from fov.base.findings import Finding, Problem
from fov.base.rendered import RenderedPage
from fov.base.scripts import LATIN, letters_by_script, script_name, script_of_language
from fov.data.campaign import Campaign, from_extra, languages
from fov.data.hashtags import (extract_hashtags_with_indices, hashtag_problems, HashtagRegistry,
                               is_valid_hashtag, tag_problem)
from fov.data.page_context import is_fallback, page_language, source_map
from fov.data.share import fill_link, ShareMessage, X_LIMIT, x_weighted_length
from fov.data.urls import link_problems, LinkPolicy

KEYS = ("text", "link", "hashtags", "platforms", "subject")
REQUIRED = ("text", "link", "hashtags")
SHARE_PLATFORMS = ("x", "facebook", "linkedin", "whatsapp", "telegram", "line", "weibo", "email")
CHECK_ONLY = ("instagram",)  # targeted for checks; no share link exists on the web
NAMES = {"x": "X", "facebook": "Facebook", "linkedin": "LinkedIn", "whatsapp": "WhatsApp",
         "telegram": "Telegram", "line": "LINE", "weibo": "Weibo", "email": "E-mail"}
LINKEDIN_LIMIT = 3000
INSTAGRAM_LIMIT = 2200
INSTAGRAM_HASHTAGS = 30
WEIBO_LIMIT = 2000
_KEY_LINE = re.compile(r"^([A-Za-z_][\w-]*)\s*:(.*)$")
_WEIBO_TOPIC = re.compile(r"[#＃][^#＃\s]+[#＃]")
_WIDE = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003134f]")


@dataclass(frozen=True)
class Snippet(ShareMessage):
    """A share block: its message (built by fov.data.share.ShareMessage, like every share
    message of the site), the platforms it targets and where each key is written."""
    platforms: tuple[str, ...] = SHARE_PLATFORMS
    lines: dict = field(default_factory=dict, compare=False)  # key -> line in the block, from 1

    def line(self, key: str) -> int:
        return self.lines.get(key, 1)


# -- reading -----------------------------------------------------------------------

def parse_snippet(body: str, default_platforms: tuple[str, ...] = SHARE_PLATFORMS) -> tuple[Snippet, list[Problem]]:
    fields: dict[str, list[str]] = {}
    lines: dict[str, int] = {}
    problems = []
    key = None
    for number, line in enumerate(body.splitlines(), start=1):
        match = _KEY_LINE.match(line)
        if line.strip() and not line[0].isspace() and match:
            key = match.group(1).lower()
            if key not in KEYS:
                problems.append(Problem(
                    what=f"the share block has an unknown line '{match.group(1)}:'",
                    fix=f"use only {', '.join(k + ':' for k in KEYS)}; indent a line that continues the text",
                    line=number))
                key = None
                continue
            if key in fields:
                problems.append(Problem(what=f"the share block says '{key}:' twice",
                                        fix=f"keep one '{key}:' line", line=number))
            fields[key] = [match.group(2).strip()]
            lines[key] = number
        elif key:
            fields[key].append(line.strip())
        elif line.strip():
            problems.append(Problem(
                what=f"the share block line '{line.strip()[:40]}' belongs to no key",
                fix="start the block with 'text: ...'; indent lines that continue it", line=number))
    for key in REQUIRED:
        if not " ".join(fields.get(key, [])).strip():
            problems.append(Problem(what=f"the share block has no '{key}:'",
                                    fix=f"add a line '{key}: ...'", line=lines.get(key, 1)))
    snippet = Snippet(
        text=join_lines(fields.get("text", [])),
        link=" ".join(fields.get("link", [])).strip(),
        hashtags=tuple(_words(fields.get("hashtags", []))),
        platforms=tuple(w.lower() for w in _words(fields.get("platforms", []))) or default_platforms,
        subject=" ".join(fields.get("subject", [])).strip(),
        lines=lines,
    )
    return snippet, problems


def join_lines(lines: list[str]) -> str:
    """Continuation lines join as Markdown paragraphs read: with a space, or
    with nothing between Chinese or Japanese characters; an empty line is a
    line break in the post."""
    paragraphs, current = [], ""
    for line in lines:
        if not line:
            if current:
                paragraphs.append(current)
            current = ""
        elif current and not (_WIDE.match(current[-1]) or _WIDE.match(line[0])):
            current += " " + line
        else:
            current += line
    paragraphs.append(current)
    return "\n".join(p for p in paragraphs if p).strip()


def _words(values: list[str]) -> list[str]:
    return [w for w in re.split(r"[\s,，、]+", " ".join(values)) if w]


# -- checking ----------------------------------------------------------------------

def snippet_problems(snippet: Snippet, language: str, registry: HashtagRegistry,
                     policy: LinkPolicy, measure=None) -> list[Problem]:
    """`measure(post) -> (weighted length, valid)`: X's count (x_weighted_length,
    or a cached version of it)."""
    problems = []
    problems += _platform_name_problems(snippet)
    if snippet.link:
        problems += [_at(p, snippet.line("link")) for p in link_problems(snippet.link, policy)]
    problems += _hashtag_list_problems(snippet, language, registry)
    problems += [_at(p, snippet.line("text")) for p in hashtag_problems(snippet.text, language, registry)]
    problems += _weibo_style_problems(snippet)
    problems += _language_problems(snippet, language)
    problems += platform_problems(snippet, measure or x_weighted_length)
    return problems


def _at(problem: Problem, line: int) -> Problem:
    return Problem(problem.what, problem.fix, problem.needles, problem.section, line)


def _platform_name_problems(snippet: Snippet) -> list[Problem]:
    known = SHARE_PLATFORMS + CHECK_ONLY
    return [Problem(what=f"the share block names an unknown platform '{name}'",
                    fix=f"use some of: {' '.join(known)}", line=snippet.line("platforms"))
            for name in snippet.platforms if name not in known]


def _hashtag_list_problems(snippet, language, registry) -> list[Problem]:
    problems = []
    line = snippet.line("hashtags")
    for tag in snippet.hashtags:
        if _WEIBO_TOPIC.fullmatch(tag):
            problems.append(Problem(
                what=f"{tag} is written as a Weibo topic; X and the other platforms would not see a hashtag",
                fix=f"write {tag.rstrip('#＃')}: the Weibo link turns it into {tag} itself", line=line))
        elif not is_valid_hashtag(tag):
            problems.append(Problem(
                what=f"'{tag}' is not one hashtag as X reads it (a # then letters, digits or _)",
                fix="write each hashtag as #Word, separated by spaces", line=line))
        else:
            problem = tag_problem(tag, language, registry)
            if problem:
                problems.append(_at(problem, line))
    return problems


def _weibo_style_problems(snippet) -> list[Problem]:
    problems = []
    for match in _WEIBO_TOPIC.finditer(snippet.text):
        topic = match.group(0)
        if not any(t.start == match.start() for t in extract_hashtags_with_indices(snippet.text)):
            problems.append(Problem(
                what=f"the text holds the Weibo topic {topic}, which X and the other platforms "
                "do not read as a hashtag",
                fix=f"take it out of the text and list {topic.rstrip('#＃')} under 'hashtags:'; "
                "the Weibo link writes it as a topic",
                line=snippet.line("text")))
    return problems


def _language_problems(snippet, language) -> list[Problem]:
    """The message must be written in the page's script: a Chinese, Arabic or Russian
    page's message holds letters of that script; a page in Latin letters holds no
    letters of another script (each language has its own share block)."""
    script = script_of_language(language)
    letters = letters_by_script(snippet.text)
    if script != LATIN and snippet.text and not letters[script]:
        return [Problem(what=f"the share message is not in this page's language ({language})",
                        fix="translate the text of the share block", line=snippet.line("text"))]
    foreign = sorted(other for other in letters if other not in (script, LATIN))
    if script == LATIN and foreign:
        names = " and ".join(script_name(other) for other in foreign)
        return [Problem(what=f"the share message of this {language} page holds {names} text",
                        fix=f"write the text in the page's language ({language}); each language's "
                            "page has its own share block",
                        line=snippet.line("text"))]
    return []


def platform_problems(snippet: Snippet, measure=None) -> list[Problem]:
    problems = []
    line = snippet.line("text")
    if "x" in snippet.platforms and snippet.text:
        length, valid = snippet.x_length(measure)
        if length > X_LIMIT:
            problems.append(Problem(
                what=f"X counts this post as {length} of {X_LIMIT} (the link counts 23, each "
                "Chinese character 2)",
                fix=f"shorten the text by {length - X_LIMIT} or more (a Chinese character saves 2)",
                line=line))
        elif not valid:
            problems.append(Problem(what="X refuses this post: it holds a character X does not accept",
                                    fix="retype the text without special characters", line=line))
    if "weibo" in snippet.platforms and len(snippet.weibo_message) > WEIBO_LIMIT:
        problems.append(_too_long("Weibo", len(snippet.weibo_message), WEIBO_LIMIT, line))
    if "linkedin" in snippet.platforms and len(snippet.post) > LINKEDIN_LIMIT:
        problems.append(_too_long("LinkedIn", len(snippet.post), LINKEDIN_LIMIT, line))
    if "instagram" in snippet.platforms:
        if len(snippet.post) > INSTAGRAM_LIMIT:
            problems.append(_too_long("Instagram", len(snippet.post), INSTAGRAM_LIMIT, line))
        count = len(extract_hashtags_with_indices(snippet.message))
        if count > INSTAGRAM_HASHTAGS:
            problems.append(Problem(
                what=f"Instagram takes at most {INSTAGRAM_HASHTAGS} hashtags; this post has {count}",
                fix="remove hashtags", line=snippet.line("hashtags")))
    return problems


def _too_long(platform: str, length: int, limit: int, line: int) -> Problem:
    return Problem(what=f"{platform} takes at most {limit} characters; this post has {length}",
                   fix=f"shorten the text by {length - limit} or more", line=line)


# -- share links and the card ---------------------------------------------------------

SHARE_LINKS = {
    "x": "https://x.com/intent/tweet?text={text}&url={url}",
    "facebook": "https://www.facebook.com/sharer/sharer.php?u={url}",
    "linkedin": "https://www.linkedin.com/sharing/share-offsite/?url={url}",
    "whatsapp": "https://wa.me/?text={post}",
    "telegram": "https://t.me/share/url?url={url}&text={text}",
    "line": "https://line.me/R/share?text={post}",
    "weibo": "https://service.weibo.com/share/share.php?url={url}&title={text}",
    "email": "mailto:?subject={subject}&body={body}",
}


def campaign_platforms(policy: LinkPolicy) -> tuple[str, ...]:
    """The platforms a block targets unless it names its own: e-mail, and each whose
    share link goes to a host on the campaign's list (extra.campaign.allowed_hosts)."""
    return tuple(name for name in SHARE_PLATFORMS
                 if SHARE_LINKS[name].startswith("mailto:") or policy.allows_host(urlsplit(SHARE_LINKS[name]).hostname or ""))


def share_links(snippet: Snippet, subject: str = "") -> list[tuple[str, str]]:
    """(platform, URL) for each targeted platform that has a share link, filled by the
    site's one share-message builder (fov.data.share)."""
    message = ShareMessage(snippet.text, snippet.link, snippet.hashtags, snippet.subject or subject)
    return [(name, fill_link(SHARE_LINKS[name], message, name))
            for name in snippet.platforms if name in SHARE_LINKS]


def render_card(snippet: Snippet, labels: dict, subject: str = "") -> str:
    """The card: the message, a copy button and the share links.

    The button is `hidden` until assets/javascripts/share-snippets.js (an
    external file: no inline handler, strict CSP) finds the Clipboard API;
    without JavaScript the message stays selectable and the links work."""
    e = html.escape
    text = "<br>".join(e(line) for line in snippet.text.split("\n"))
    items = "".join(
        f'<li><a class="fov-snippet__service fov-snippet__service--{name}" href="{e(url)}" '
        f'target="_blank" rel="noopener noreferrer">{e(labels.get(name) or NAMES[name])}</a></li>'
        for name, url in share_links(snippet, subject)
    )
    copy, copied = labels.get("copy", "Copy the message"), labels.get("copied", "Copied")
    return (
        '<div class="fov-snippet">'
        f'<p class="fov-snippet__message"><span class="fov-snippet__text">{text}</span> '
        f'<span class="fov-snippet__tags">{e(snippet.tags)}</span> '
        f'<a class="fov-snippet__link" href="{e(snippet.link)}">{e(snippet.link)}</a></p>'
        f'<p class="fov-snippet__copy-line"><button type="button" class="md-button fov-snippet__copy" hidden '
        f'data-fov-copy="{e(snippet.post)}" data-fov-copied="{e(copied)}">{e(copy)}</button> '
        '<span class="fov-snippet__status" role="status"></span></p>'
        f'<ul class="fov-snippet__services" aria-label="{e(labels.get("share_on", "Share on"))}">{items}</ul>'
        "</div>"
    )


def missing_snippet_problems(page: RenderedPage, section: str) -> list[Problem]:
    """A page that asks readers to share (it has the section `section`) holds a
    share snippet in that section."""
    asks = any(h.id == section for h in page.headings)
    if not asks or any(section in card.section for card in page.share_cards()):
        return []
    return [Problem(
        what=f"the section #{section} asks readers to share, but holds no share snippet",
        fix="add a ```share block (text:, link:, hashtags:) in the page's language to the section",
        section=(section,))]


# -- the ```share fence of a build ------------------------------------------------------

FENCE = "share"


class ShareFences:
    """SuperFences' ```share fence: each block of the page being rendered (`start_page`) is
    checked for the page's language and every platform it targets, its problems handed to
    `report` at the block's line, and rendered as a card. `measure(post)`: X's count (a
    cached x_weighted_length)."""

    def __init__(self, measure: Callable[[str], tuple[int, bool]],
                 report: Callable[[Finding], object]) -> None:
        self.measure, self.report = measure, report
        self.campaign = from_extra({})  # the campaign's hashtags, link policy and snippet settings
        self.config = None
        self.page = None
        self.blocks_seen = 0

    def configure(self, data: Campaign, config) -> None:
        """From on_config (once per language): the campaign's hashtags, links and share
        settings, and the fence, added to SuperFences once."""
        self.campaign, self.config = data, config
        superfences = config.mdx_configs.setdefault("pymdownx.superfences", {})
        fences = superfences.setdefault("custom_fences", [])
        if not any(fence.get("name") == FENCE for fence in fences):
            def format_share(source, language, css_class, options, md, **kwargs) -> str:
                return self.card(source, md)
            fences.append({"name": FENCE, "class": "fov-snippet", "format": format_share})

    @property
    def section(self) -> str | None:
        """The section that asks readers to share (None: no page must hold a snippet)."""
        return self.campaign.share_snippets.get("section")

    def start_page(self, page) -> None:
        self.page, self.blocks_seen = page, 0

    def card(self, source: str, md) -> str:
        page, config = self.page, self.config
        data, langs = self.campaign, languages(config)
        snippet, problems = parse_snippet(source, campaign_platforms(data.link_policy))
        lang = page_language(page, config) if page is not None else langs.current
        if page is not None and not is_fallback(page, config) and not getattr(md, "fov_facts_only", False):
            problems += snippet_problems(snippet, lang, data.hashtags, data.link_policy, self.measure)
            self._report_block(problems, page, config)
        self.blocks_seen += 1
        subject = (page.title if page is not None else "") or config.site_name
        return render_card(snippet, data.word(data.share_snippets.get("labels"), langs, lang) or {}, subject)

    def _report_block(self, problems: list[Problem], page, config) -> None:
        source = source_map(page.file, config)
        openings = source.fence_lines(FENCE)
        start = openings[self.blocks_seen] if self.blocks_seen < len(openings) else 0
        for problem in problems:
            self.report(Finding(source.path, start + (problem.line or 1), problem.what, problem.fix))


@functools.cache
def twitter_text_version() -> str:
    """The version of twitter-text-parser, which X's counts depend on (a cache key)."""
    return version("twitter-text-parser")
