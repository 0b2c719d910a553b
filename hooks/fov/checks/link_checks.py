"""The link and parity checks of a build (hooks/validate_links.py adapts MkDocs'
events to `LinkChecks`): links (fov.checks.links, fov.data.urls) and translation parity
(fov.checks.parity).

- MkDocs' own warnings about links inside the site (a page or an anchor that
  does not exist) name no line: each is reported instead at the link's line,
  with the nearest page or id (fov.checks.links.broken_link), once (`BrokenLinkWarnings`).
- Links out of the site: https:// to a host of `extra.campaign.allowed_hosts`
  (or an organisation's website, a sign-up link), mailto: to an organisation's
  address; no other scheme. Links inside the site are MkDocs' `validation:`.
- Anchors: written ids only ({#id}); a translated page's link to an anchor
  that only the English target page has is reported with the fix.
- Parity: each translated page keeps the English page's links, e-mail
  addresses and heading ids. A page can be given sections to leave out of
  parity (e.g. by a hook that knows which sections of a translation are out
  of date): set `page.fov_parity_skip_sections` (SKIP_ATTRIBUTE) to a set of
  heading ids in on_page_markdown.
- The home page (template: home.html): the links of its hero, figures, cards
  and entries are campaign data, checked where they are resolved, with the
  structure of its front matter's words, by hooks/home_page.py (fov.pages.home).

static-i18n builds English first, then each language: the English pages'
facts are kept from the English build for the translations' builds (or, in a
build without English such as a one-language preview, read from the English
files).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator

import markdown
from mkdocs.utils import meta

from fov.base import source_file
from fov.base.findings import Finding
from fov.base.rendered import parse_html
from fov.base.source_map import SourceMap
from fov.checks.explicit_ids import HeadingIdsExtension
from fov.checks.links import (anchor_problem, anchors_only_in_permalinks, AnchorTarget, broken_link,
                              page_link_problems)
from fov.checks.parity import page_facts, PageFacts, parity_findings
from fov.data.page_context import (is_fallback, language_free_uri, languages_to_build, page_language,
                                   repo_path, repository_root, source_language, source_map)
from fov.data.urls import LinkPolicy

SKIP_ATTRIBUTE = "fov_parity_skip_sections"


class LinkChecks:
    """What the checks keep between a build's events: the English pages' facts for the
    whole run, the rest for one build (static-i18n builds one language at a time)."""

    def __init__(self) -> None:
        self.policy = LinkPolicy()
        self.heading_ids: HeadingIdsExtension | None = None
        self.english: dict[str, PageFacts | None] = {}  # language-free uri -> facts, for the whole run
        self.files = None  # this build's Files, for MkDocs' link warnings
        self.config = None
        self.start_build(top_level=True)

    def configure(self, config, policy: LinkPolicy) -> None:
        """From on_config (which runs again for every language static-i18n builds): the
        campaign's link policy, and the extension that notes made-up heading ids."""
        self.policy = policy
        extension = next((e for e in config.markdown_extensions if isinstance(e, HeadingIdsExtension)), None)
        if extension is None:
            extension = HeadingIdsExtension()
            config.markdown_extensions.append(extension)
        self.heading_ids = extension

    def start_build(self, top_level: bool) -> None:
        if top_level:
            self.english = {}
        self.auto_ids: dict[str, frozenset[str]] = {}  # src_uri -> made-up heading ids, this build
        self.permalinks: dict[str, set[str]] = {}  # src_uri -> anchors linked only by the toc's ¶
        self.translated: list = []  # (page, facts) of this build's translated pages
        self.reported_links: set[tuple[str, str]] = set()  # (src_uri, link) this build reported itself

    def page_findings(self, html: str, page, config) -> Iterator[Finding]:
        """A rendered page's links out of the site; its facts are kept for parity and anchors."""
        auto_ids = self.heading_ids.auto_ids if self.heading_ids else frozenset()
        self.auto_ids[page.file.src_uri] = auto_ids
        if is_fallback(page, config) or source_file.is_empty(page.markdown or ""):
            return  # an empty page is one finding (validate_sources), not one per heading
        rendered = parse_html(html)
        self.permalinks[page.file.src_uri] = anchors_only_in_permalinks(rendered)
        yield from _located(page_link_problems(rendered, self.policy), page.file, config)
        facts = page_facts(rendered, source_map(page.file, config), auto_ids)
        if page_language(page, config) == source_language(config):
            self.english[language_free_uri(page.file)] = facts
        else:
            self.translated.append((page, facts))

    def site_findings(self, files, config) -> Iterator[Finding]:
        """Once every page is rendered: anchors, then each translation's parity."""
        for file in files.documentation_pages():
            if file.page is not None and not is_fallback(file.page, config):
                yield from self._anchor_findings(file.page, config)
        for page, facts in self.translated:
            english = self._english_facts(page.file, config)
            if english is not None:
                skip = frozenset(getattr(page, SKIP_ATTRIBUTE, None) or ())
                yield from parity_findings(english, facts, skip)

    def broken_link(self, message: str, report: Callable[[Finding], object]) -> bool:
        """MkDocs' warning `message` about a link, reported at the link's line with a fix
        (or left out when this build reported it already); False: not a link warning."""
        files, config = self.files, self.config
        pages = [f.src_uri for f in files.documentation_pages()]

        def anchors(src_uri):
            file = files.get_file_from_path(src_uri)
            return file.page.present_anchor_ids if file and file.page else None

        docs = os.path.relpath(config.docs_dir, repository_root(config)).replace(os.sep, "/")
        found = broken_link(message, pages, anchors, docs)
        file = found and files.get_file_from_path(found.doc)
        if file is None:
            return False
        fallback = file.page is not None and is_fallback(file.page, config)
        if (found.doc, found.link) in self.reported_links:
            pass  # reported with what the translation lacks (_anchor_findings)
        elif not (fallback and source_language(config) in languages_to_build(config)):
            report(source_map(file, config).locate(found.problem))
        # else: an English page copied into another language, whose links the English build reported
        return True

    def _anchor_findings(self, page, config) -> Iterator[Finding]:
        permalinks_only = self.permalinks.get(page.file.src_uri, set())
        problems = []
        for to_file, links in (page.links_to_anchors or {}).items():
            target = self._anchor_target(to_file, config)
            if target is None:
                continue
            for anchor, link in links.items():
                if to_file is page.file and anchor in permalinks_only:
                    continue  # the toc's own ¶ link next to a heading
                problem = anchor_problem(link, anchor, target)
                if problem:
                    problems.append(problem)
                    self.reported_links.add((page.file.src_uri, link))
        yield from _located(problems, page.file, config)

    def _anchor_target(self, to_file, config) -> AnchorTarget | None:
        target_page = to_file.page
        if target_page is None or target_page.present_anchor_ids is None:
            return None
        english_path, english_ids = None, frozenset()
        if page_language(target_page, config) != source_language(config):  # a translation
            english = self._english_facts(to_file, config)
            if english is not None:
                english_path, english_ids = english.path, english.explicit_ids
        return AnchorTarget(
            path=repo_path(to_file, config),
            ids=frozenset(target_page.present_anchor_ids),
            auto_ids=self.auto_ids.get(to_file.src_uri, frozenset()),
            english_path=english_path,
            english_ids=english_ids,
        )

    def _english_facts(self, file, config) -> PageFacts | None:
        uri = language_free_uri(file)
        if uri not in self.english:
            self.english[uri] = read_english_facts(uri, config)
        return self.english[uri]


class BrokenLinkWarnings(logging.Filter):
    """MkDocs' own link warnings name no line: each becomes a finding at the link's line,
    with the nearest page or id (fov.checks.links.broken_link), and MkDocs' line is dropped.
    Idle while `checks.files` is None (between builds)."""

    def __init__(self, checks: LinkChecks, report: Callable[[Finding], object]) -> None:
        super().__init__()
        self.checks, self.report = checks, report

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING or self.checks.files is None:
            return True
        try:
            return not self.checks.broken_link(record.getMessage(), self.report)
        except Exception:  # noqa: BLE001 - never lose MkDocs' own warning
            return True


def read_english_facts(uri: str, config) -> PageFacts | None:
    """The English page's facts when this run did not build English (e.g. a preview)."""
    path = os.path.join(config.docs_dir, source_language(config), uri)
    if not os.path.isfile(path):
        return None
    text = source_file.read_text(path)
    heading_ids = HeadingIdsExtension()
    names = [e for e in config.markdown_extensions if isinstance(e, str)]
    md = markdown.Markdown(extensions=names + [heading_ids], extension_configs=config.mdx_configs)
    md.fov_facts_only = True  # read for its facts: other hooks' checks leave it alone
    body, _ = meta.get_data(text)
    rendered = parse_html(md.convert(body))
    relative = os.path.relpath(path, repository_root(config)).replace(os.sep, "/")
    return page_facts(rendered, SourceMap(text, relative), heading_ids.auto_ids)


def _located(problems, file, config) -> list[Finding]:
    """The problems of a page at their lines in its source (read only when there are any)."""
    if not problems:
        return []
    source = source_map(file, config)
    return [source.locate(problem) for problem in problems]
