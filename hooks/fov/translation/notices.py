"""Honest translations: say when a page is not translated or not up to date
(hooks/translation_notices.py calls this in each language's build).

static-i18n builds each language in turn and, for a page with no translation,
copies the English page into the language ("fallback": `page.file.locale` is
the source language while another language is being built). On such a page
  - a notice in the visitor's language links to GitHub's create-file page for
    the translation, prefilled from the English;
  - the English text is wrapped in `lang="en"` (the interface keeps its language);
  - `<link rel="canonical">` and the edit button point at the English page and
    the create-file link;
  - `page.meta["fov_fallback"] = True` is set early (on_page_markdown), the
    marker that hreflang/sitemap/search code uses to leave the copy out.
On a translated page, the translation's record of the English it was made from
(front matter `translation.source_hashes`) is compared with the English now: a
banner names the parts that changed and each changed section is marked;
`page.meta["fov_outdated_sections"]` lists the ids the translation is not
current with, and `page.fov_parity_skip_sections` hands them to the parity
checks (hooks/validate_links.py), which skip them. The page also says how it was
translated (`translation.method`). A translation with no record is not an
error: it is checked in full, says it has not been checked against the
English, and the build notes (INFO) the command that writes the record.

In a one-language preview (static-i18n `build_only_locale`), the English pages
are not built; `add_preview_fallbacks` adds them back as fallbacks so the
preview shows exactly what visitors will see.

The notices' HTML is made by plain functions of the language's words (`t`,
LanguageData.text) and of the addresses worked out here. Every word comes from
the language's `strings:` (docs/.translations/<language>.yml)."""

from __future__ import annotations

import html
from typing import Callable, Iterable
from urllib.parse import urljoin

from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from fov.base import source_file
from fov.base.findings import Finding
from fov.base.html_insert import insert_after_headings
from fov.data.page_context import repo_path
from fov.data.project import Project
from fov.data.translation_data import LanguageData
from fov.translation import github, sections as sect, translation_changes as changes, translations as tr

Words = Callable[..., str]  # fov.data.translation_data.LanguageData.text


def link(href: str, text: str, **attrs: str) -> str:
    extra = "".join(f' {k}="{html.escape(v)}"' for k, v in attrs.items())
    return f'<a href="{html.escape(href)}"{extra}>{text}</a>'


def notice(kind: str, admonition: str, title: str | None, body: str) -> str:
    heading = f'<p class="admonition-title">{title}</p>' if title else ""
    return (f'<div class="admonition {admonition} fov-notice fov-notice--{kind}" role="note">'
            f"{heading}<p>{body}</p></div>")


def fallback_notice(t: Words, language_name: str, edit_url: str | None) -> str:
    """On the English page shown where the translation is missing."""
    body = t("fallback_text", language=html.escape(language_name))
    if edit_url:
        body += t("sentence_space") + link(edit_url, t("fallback_help"))
    return notice("fallback", "info", t("fallback_title"), body)


def outdated_notice(t: Words, *, unstamped: bool, section_names: Iterable[str], english_url: str, source: str,
                    changes_url: str | None, edit_url: str | None) -> str:
    """On a translation not up to date with the English (or not checked against it)."""
    if unstamped:
        body = t("unstamped_text")
    else:
        body = t("outdated_text", sections=t("list_separator").join(section_names))
    body += t("sentence_space") + link(english_url, t("read_english"), hreflang=source)
    if changes_url:
        body += " · " + link(changes_url, t("changes_link"))
    if edit_url:
        body += " · " + link(edit_url, t("help_update"))
    return notice("outdated", "warning", t("outdated_title"), body)


def section_name(t: Words, section_id: str, *, own_title: str | None, english_title: str | None,
                 english_url: str, source: str, meta_id: str, intro_id: str) -> str:
    """How the outdated notice names a section: the translation's own heading, or the
    English one for a section new in English."""
    if section_id == meta_id:
        return t("meta_section")
    if section_id == intro_id:
        return t("intro_section")
    if own_title is not None:
        name = link(f"#{section_id}", html.escape(own_title))
        return name if english_title is not None else t("section_removed", section=name)
    name = link(f"{english_url}#{section_id}", html.escape(english_title or section_id), hreflang=source, lang=source)
    return t("section_new", section=name)


def section_note(t: Words, section_id: str, english_url: str, source: str) -> str:
    """Under the heading of a section that has changed in English."""
    read = link(f"{english_url}#{section_id}", t("section_read_english"), hreflang=source)
    return f'<p class="fov-outdated-note" role="note">{t("section_outdated")}{t("sentence_space")}{read}</p>'


def with_method(t: Words, method: str | None, methods: Iterable[str], content: str, edit_url: str | None) -> str:
    """The page with how it was translated: a notice above a machine-assisted draft, a
    line under a translation by people."""
    if method not in methods:
        return content
    text = t(f"method_{method}")
    if method == "machine-assisted":
        if edit_url:
            text += t("sentence_space") + link(edit_url, t("method_invite_review"))
        return notice("machine-assisted", "note", None, text) + content
    if edit_url:
        text += t("sentence_space") + link(edit_url, t("method_invite_improve"))
    return content + f'<p class="fov-translation-method">{text}</p>'


# --- Which page gets which notice (one LanguageNotices per language build) -----------------------


def norm(page) -> str:
    """The page's path without its language (take-action.md)."""
    return getattr(page.file, "norm_src_uri", page.file.src_uri)


def site_url_of(page: str, config) -> str:
    """The page's URL from the site root, as MkDocs writes it (take-action/)."""
    return File(page, None, config.site_dir, config.use_directory_urls).url


class LanguageNotices:
    """The notices of one language's build: marks pages (on_page_markdown) and writes
    the notices into them (on_page_context)."""

    def __init__(self, project: Project, data: LanguageData, root_language: str):
        self.project = project
        self.data = data
        self.language = data.locale
        self.root_language = root_language  # the language built at the site root
        self._english: dict[str, sect.Document | None] = {}  # norm -> parsed English (per build)

    # --- One-language preview ---

    def add_preview_fallbacks(self, files, config) -> None:
        """The English pages the language has no translation of, as its fallbacks."""
        present = {getattr(f, "norm_src_uri", f.src_uri) for f in files.documentation_pages()}
        for page in self.project.source_pages():
            if page not in present:
                files.append(self._preview_fallback(page, config))

    def _preview_fallback(self, page: str, config) -> File:
        source = self.project.source
        # Named as the language's own file, so links to it resolve as they will on the site.
        file = File(f"{self.language}/{page}", config.docs_dir, config.site_dir,
                    config.use_directory_urls,
                    dest_uri=File(page, None, config.site_dir, config.use_directory_urls).dest_uri)
        file.abs_src_path = str(self.project.page_path(source, page))
        file.locale = file.localization = source
        file.locale_alternate_of = self.language
        file.norm_src_uri = page
        file.alternates = {self.language: file}
        return file

    # --- Marking pages ---

    def english(self, page) -> sect.Document | None:
        name = norm(page)
        if name not in self._english:
            path = self.project.page_path(self.project.source, name)
            self._english[name] = tr.read_document(path) if path.is_file() else None
        return self._english[name]

    def mark(self, page, config) -> list[Finding]:
        """Set the page's markers; what the translation's record gets wrong."""
        if self.language == self.project.source or page.file.generated_by:
            return []
        if getattr(page.file, "locale", self.language) != self.language:
            self._mark_fallback(page, config)
        elif self.english(page) is not None:
            return self._mark_translation(page, config)
        return []

    def _mark_fallback(self, page, config) -> None:
        project = self.project
        page.meta["fov_fallback"] = True
        page.meta["fov_translation_state"] = "fallback"
        page.canonical_url = urljoin(config.site_url or "/", site_url_of(norm(page), config))
        english_text = source_file.read_text(project.page_path(project.source, norm(page)))
        page.edit_url = github.create_file_url(
            project.repo_url, project.branch, project.docs_path, self.language, norm(page), english_text
        ) if project.repo_url else None

    def _mark_translation(self, page, config) -> list[Finding]:
        state, outdated, removed = tr.compare(self.english(page), page.meta)
        if state == tr.UNSTAMPED:
            outdated = removed = []  # no claim recorded: every check applies to every section
        page.meta["fov_translation_state"] = state
        page.meta["fov_outdated_sections"] = sorted(set(outdated) | set(removed))
        # The parity checks (hooks/validate_links.py) apply to what the translation
        # claims to be current with, not to the sections it has not caught up with.
        page.fov_parity_skip_sections = set(page.meta["fov_outdated_sections"])
        where = repo_path(page.file, config)
        findings = []
        if state == tr.UNSTAMPED and not source_file.is_empty(page.markdown or ""):  # empty: one finding
            # A warning, not an error: the page is checked in full and says it is not
            # checked against the English; on a pull request it is annotated (a deleted
            # block also loses the page's "machine-assisted" notice).
            findings.append(Finding(
                where, 1, severity="warning",
                what="no record of the English this translation was made from: the front matter has "
                "no `translation:` block (which also says how the page was translated), so the page "
                "tells readers it has not been checked against the English",
                fix="if the block was deleted, put it back as it was (`translation:` with its `method:` "
                "and `source_hashes:` lines); for a new translation, run "
                f"`make stamp PAGE={where}` once it matches the English and commit the block it adds "
                "(TRANSLATING.md, 'Stamp your translation')"))
        method = tr.translation_record(page.meta).get("method")
        if method is not None and method not in tr.METHODS:
            line = next((n for n, text in enumerate(page.file.content_string.splitlines(), 1)
                         if text.strip().startswith("method:")), 1)
            findings.append(Finding(where, line, f"translation.method '{method}' is not one of "
                                    f"{', '.join(tr.METHODS)}", "write the one that says how it was translated"))
        return findings

    # --- Writing the notices ---

    def content(self, page, config) -> str:
        """The page's HTML with the notices its markers ask for."""
        state = page.meta.get("fov_translation_state")
        content = page.content
        if state == "fallback":
            content = self._fallback_notice(page) + (
                f'<div class="fov-fallback-body" lang="{self.project.source}">{content}</div>')
        elif state == tr.OUTDATED:
            content = self._outdated_notice(page, config) + self._mark_sections(page, config)
        elif state == tr.UNSTAMPED:
            content = self._outdated_notice(page, config) + content
        if state in (tr.CURRENT, tr.OUTDATED, tr.UNSTAMPED):
            method = tr.translation_record(page.meta).get("method")
            content = with_method(self.data.text, method, tr.METHODS, content, page.edit_url)
        return content

    def _english_url(self, page, config) -> str:
        """The English page, relative to `page` (it is at the site root)."""
        return get_relative_url(site_url_of(norm(page), config), page.url)

    def _fallback_notice(self, page) -> str:
        name = self.project.language(self.language).name
        return fallback_notice(self.data.text, name, page.edit_url)

    def _outdated_notice(self, page, config) -> str:
        english_url = self._english_url(page, config)
        state = page.meta["fov_translation_state"]
        return outdated_notice(
            self.data.text, unstamped=state == tr.UNSTAMPED,
            section_names=[self._section_name(page, i, english_url) for i in page.meta["fov_outdated_sections"]],
            english_url=english_url, source=self.project.source,
            changes_url=self._changes_url(page, config) if state == tr.OUTDATED else None,
            edit_url=page.edit_url)

    def _changes_url(self, page, config) -> str:
        """This translation's part of the language's "What changed in English" page."""
        plain = site_url_of(changes.CHANGES_PAGE, config)
        target = plain if self.language == self.root_language else f"{self.language}/{plain}"
        return (get_relative_url(target, page.url) or "./") + "#" + changes.anchor(self.language, norm(page))

    def _section_name(self, page, section_id: str, english_url: str) -> str:
        whole = section_id not in (sect.META, sect.INTRO)
        own = sect.parse(page.file.content_string).section(section_id) if whole else None
        english = self.english(page).section(section_id) if whole else None
        return section_name(self.data.text, section_id, own_title=own.title if own else None,
                            english_title=english.title if english else None, english_url=english_url,
                            source=self.project.source, meta_id=sect.META, intro_id=sect.INTRO)

    def _mark_sections(self, page, config) -> str:
        english = self.english(page)
        english_url = self._english_url(page, config)
        notes = {section_id: section_note(self.data.text, section_id, english_url, self.project.source)
                 for section_id in page.meta["fov_outdated_sections"]
                 if english.section(section_id) is not None and not section_id.startswith("_")}
        content, _ = insert_after_headings(page.content, notes)
        return content
