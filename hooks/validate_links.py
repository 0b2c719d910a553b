"""Links (fov.links, fov.urls) and translation parity (fov.parity).

- MkDocs' own warnings about links inside the site (a page or an anchor that
  does not exist) name no line: each is reported instead at the link's line,
  with the nearest page or id (fov.links.broken_link), once.
- Links out of the site: https:// to a host of `extra.campaign.allowed_hosts`
  (or an organisation's website, a sign-up link), mailto: to an organisation's
  address; no other scheme. Links inside the site are MkDocs' `validation:`.
- Anchors: written ids only ({#id}); a translated page's link to an anchor
  that only the English target page has is reported with the fix.
- Parity: each translated page keeps the English page's links, e-mail
  addresses and heading ids. A page can be given sections to leave out of
  parity (e.g. by a hook that knows which sections of a translation are out
  of date): set `page.fov_parity_skip_sections` to a set of heading ids in
  on_page_markdown.
- The home page (template: home.html): the links of its hero, figures, cards
  and entries are campaign data, checked where they are resolved, with the
  structure of its front matter's words, by hooks/home_page.py (fov.home).

static-i18n builds English first, then each language: the English pages'
facts are kept from the English build for the translations' builds (or, in a
build without English such as a one-language preview, read from the English
files).
"""

from __future__ import annotations

import logging
import os

import markdown
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.utils import meta

from fov import report, source_file
from fov.explicit_ids import HeadingIdsExtension
from fov.links import (AnchorTarget, anchor_problem, anchors_only_in_permalinks, broken_link,
                       page_link_problems)
from fov.page_context import (is_fallback, is_top_level_build, language_free_uri, languages_to_build,
                              page_language, repo_path, report_problems, repository_root,
                              source_language, source_map)
from fov.parity import PageFacts, page_facts, parity_findings
from fov.rendered import parse_html
from fov.source_map import SourceMap
from fov.campaign import campaign
from fov.urls import LinkPolicy

log = get_plugin_logger("validate_links")
SKIP_ATTRIBUTE = "fov_parity_skip_sections"


class _State:
    policy = LinkPolicy()
    heading_ids: HeadingIdsExtension | None = None
    english: dict[str, PageFacts] = {}  # language-free uri -> facts, for the whole run
    auto_ids: dict[str, frozenset[str]] = {}  # src_uri -> made-up heading ids, this build
    permalinks: dict[str, set[str]] = {}  # src_uri -> anchors linked only by the toc's ¶
    translated: list = []  # (page, facts) of this build's translated pages
    files = None  # this build's Files, for MkDocs' link warnings
    reported_links: set[tuple[str, str]] = set()  # (src_uri, link) this build reported itself
    config = None


class _LinkWarnings(logging.Filter):
    """MkDocs' own link warnings name no line: each becomes a finding at the link's line,
    with the nearest page or id (fov.links.broken_link), and MkDocs' line is dropped."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING or _State.files is None:
            return True
        try:
            return not _report_broken_link(record.getMessage())
        except Exception:  # noqa: BLE001 - never lose MkDocs' own warning
            return True


def _report_broken_link(message: str) -> bool:
    files, config = _State.files, _State.config
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
    if (found.doc, found.link) in _State.reported_links:
        pass  # reported with what the translation lacks (_check_anchors)
    elif not (fallback and source_language(config) in languages_to_build(config)):
        report.report(log, source_map(file, config).locate(found.problem))
    # else: an English page copied into another language, whose links the English build reported
    return True


_PAGES_LOGGER = logging.getLogger("mkdocs.structure.pages")


def on_config(config):
    _State.policy = campaign(config).link_policy
    extension = next((e for e in config.markdown_extensions if isinstance(e, HeadingIdsExtension)), None)
    if extension is None:  # on_config runs again for every language static-i18n builds
        extension = HeadingIdsExtension()
        config.markdown_extensions.append(extension)
    _State.heading_ids = extension
    for old in [f for f in _PAGES_LOGGER.filters if type(f).__name__ == "_LinkWarnings"]:
        _PAGES_LOGGER.removeFilter(old)  # this file is loaded again by each build (tests, serve)
    _PAGES_LOGGER.addFilter(_LinkWarnings())
    return config


def on_pre_build(config):
    top_level = is_top_level_build(config)
    report.start_build(top_level)
    if top_level:
        _State.english = {}
    _State.auto_ids = {}
    _State.permalinks = {}
    _State.translated = []
    _State.reported_links = set()


@event_priority(-200)  # after static-i18n (-100) has chosen this build's files
def on_files(files, config):
    _State.files, _State.config = files, config
    return files


@event_priority(-200)  # after static-i18n's post-build (-100), which builds the other languages
def on_post_build(config):
    if is_top_level_build(config):
        _State.files = None  # the logger filter stays, idle, until the next build's files


def on_build_error(error):
    _State.files = None


@event_priority(50)
def on_page_content(html, page, config, files):
    auto_ids = _State.heading_ids.auto_ids if _State.heading_ids else frozenset()
    _State.auto_ids[page.file.src_uri] = auto_ids
    if is_fallback(page, config) or source_file.is_empty(page.markdown or ""):
        return html  # an empty page is one finding (validate_sources), not one per heading
    rendered = parse_html(html)
    _State.permalinks[page.file.src_uri] = anchors_only_in_permalinks(rendered)
    report_problems(log, page_link_problems(rendered, _State.policy), page.file, config)
    facts = page_facts(rendered, source_map(page.file, config), auto_ids)
    if page_language(page, config) == source_language(config):
        _State.english[language_free_uri(page.file)] = facts
    else:
        _State.translated.append((page, facts))
    return html


def on_env(env, config, files):
    for file in files.documentation_pages():
        if file.page is not None and not is_fallback(file.page, config):
            _check_anchors(file.page, config)
    for page, facts in _State.translated:
        english = _english_facts(page.file, config)
        if english is not None:
            skip = frozenset(getattr(page, SKIP_ATTRIBUTE, None) or ())
            for finding in parity_findings(english, facts, skip):
                report.report(log, finding)
    return env


def _check_anchors(page, config) -> None:
    permalinks_only = _State.permalinks.get(page.file.src_uri, set())
    problems = []
    for to_file, links in (page.links_to_anchors or {}).items():
        target = _anchor_target(to_file, config)
        if target is None:
            continue
        for anchor, link in links.items():
            if to_file is page.file and anchor in permalinks_only:
                continue  # the toc's own ¶ link next to a heading
            problem = anchor_problem(link, anchor, target)
            if problem:
                problems.append(problem)
                _State.reported_links.add((page.file.src_uri, link))
    report_problems(log, problems, page.file, config)


def _anchor_target(to_file, config) -> AnchorTarget | None:
    target_page = to_file.page
    if target_page is None or target_page.present_anchor_ids is None:
        return None
    english_path, english_ids = None, frozenset()
    if page_language(target_page, config) != source_language(config):  # a translation
        english = _english_facts(to_file, config)
        if english is not None:
            english_path, english_ids = english.path, english.explicit_ids
    return AnchorTarget(
        path=repo_path(to_file, config),
        ids=frozenset(target_page.present_anchor_ids),
        auto_ids=_State.auto_ids.get(to_file.src_uri, frozenset()),
        english_path=english_path,
        english_ids=english_ids,
    )


def _english_facts(file, config) -> PageFacts | None:
    uri = language_free_uri(file)
    if uri not in _State.english:
        _State.english[uri] = _read_english(uri, config)
    return _State.english[uri]


def _read_english(uri: str, config) -> PageFacts | None:
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
    root = os.path.dirname(os.path.abspath(config.config_file_path or "mkdocs.yml"))
    relative = os.path.relpath(path, root).replace(os.sep, "/")
    return page_facts(rendered, SourceMap(text, relative), heading_ids.auto_ids)
