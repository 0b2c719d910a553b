"""Honest translations: say when a page is not translated or not up to date.

static-i18n builds each language in turn and, for a page with no translation,
copies the English page into the language ("fallback": `page.file.locale` is
the source language while another language is being built). On such a page
this hook
  - adds a notice in the visitor's language with a link that opens GitHub's
    create-file page for the translation, prefilled from the English;
  - wraps the English text in `lang="en"` (the interface keeps its language);
  - points `<link rel="canonical">` and the edit button at the English page
    and the create-file link;
  - sets `page.meta["fov_fallback"] = True` early (on_page_markdown), the
    marker that hreflang/sitemap/search code uses to leave the copy out.
On a translated page it compares the translation's record of the English it
was made from (front matter `translation.source_hashes`) with the English now:
a banner names the parts that changed and each changed section is marked;
`page.meta["fov_outdated_sections"]` lists the ids the translation is not
current with, and `page.fov_parity_skip_sections` hands them to the parity
checks (hooks/validate_links.py), which skip them. The page also says how it was
translated (`translation.method`). A translation with no record is not an
error: it is checked in full, says it has not been checked against the
English, and the build notes (INFO) the command that writes the record.

In a one-language preview (static-i18n `build_only_locale`), the English pages
are not built; this hook adds them back as fallbacks so the preview shows
exactly what visitors will see. Texts: docs/.translations/<locale>.yml.
"""

from __future__ import annotations

import posixpath
from urllib.parse import urljoin

from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from fov import github, notices, report, source_file
from fov.findings import Finding
from fov import sections as sect
from fov import translation_changes as changes
from fov.campaign import languages
from fov.page_context import default_language
from fov import translations as tr
from fov.html_insert import insert_after_headings
from fov.page_context import is_top_level_build, repo_path
from fov.translation_data import for_build

log = get_plugin_logger("translation_notices")


class _State:
    config = None
    project = None
    language = "en"
    data = None  # LanguageData of the language being built
    english = {}  # norm_src_uri -> parsed English Document (per build)


def on_pre_build(config):
    report.start_build(is_top_level_build(config))
    _State.config = config
    _State.project, _State.data = for_build(config)
    _State.language = _State.data.locale
    _State.english = {}


# --- One-language preview -------------------------------------------------------------------


@event_priority(-110)  # after static-i18n (-100) has chosen the files of the language
def on_files(files, config):
    only = languages(config).preview
    if not only or only == _State.project.source:
        return files
    present = {getattr(f, "norm_src_uri", f.src_uri) for f in files.documentation_pages()}
    for page in _State.project.source_pages():
        if page not in present:
            files.append(_preview_fallback(page, config))
    return files


def _preview_fallback(page: str, config) -> File:
    source = _State.project.source
    # Named as the language's own file, so links to it resolve as they will on the site.
    file = File(f"{_State.language}/{page}", config.docs_dir, config.site_dir,
                config.use_directory_urls,
                dest_uri=File(page, None, config.site_dir, config.use_directory_urls).dest_uri)
    file.abs_src_path = str(_State.project.page_path(source, page))
    file.locale = file.localization = source
    file.locale_alternate_of = _State.language
    file.norm_src_uri = page
    file.alternates = {_State.language: file}
    return file


# --- Marking pages --------------------------------------------------------------------------


def _is_translated_language() -> bool:
    return _State.language != _State.project.source


def _norm(page) -> str:
    return getattr(page.file, "norm_src_uri", page.file.src_uri)


def _english(page) -> sect.Document | None:
    norm = _norm(page)
    if norm not in _State.english:
        path = _State.project.page_path(_State.project.source, norm)
        _State.english[norm] = tr.read_document(path) if path.is_file() else None
    return _State.english[norm]


@event_priority(100)  # before other hooks read the markers
def on_page_markdown(markdown, page, config, files):
    if not _is_translated_language() or page.file.generated_by:
        return markdown
    if getattr(page.file, "locale", _State.language) != _State.language:
        _mark_fallback(page, config)
    elif _english(page) is not None:
        _mark_translation(page)
    return markdown


def _mark_fallback(page, config) -> None:
    project = _State.project
    page.meta["fov_fallback"] = True
    page.meta["fov_translation_state"] = "fallback"
    page.canonical_url = urljoin(config.site_url or "/", _english_url_from_root(page, config))
    english_text = source_file.read_text(project.page_path(project.source, _norm(page)))
    page.edit_url = github.create_file_url(
        project.repo_url, project.branch, project.docs_path, _State.language, _norm(page), english_text
    ) if project.repo_url else None


def _mark_translation(page) -> None:
    state, outdated, removed = tr.compare(_english(page), page.meta)
    if state == tr.UNSTAMPED:
        outdated = removed = []  # no claim recorded: every check applies to every section
    page.meta["fov_translation_state"] = state
    page.meta["fov_outdated_sections"] = sorted(set(outdated) | set(removed))
    # The parity checks (hooks/validate_links.py) apply to what the translation
    # claims to be current with, not to the sections it has not caught up with.
    page.fov_parity_skip_sections = set(page.meta["fov_outdated_sections"])
    where = repo_path(page.file, _State.config)
    if state == tr.UNSTAMPED and not source_file.is_empty(page.markdown or ""):  # empty: one finding
        # A warning, not an error: the page is checked in full and says it is not
        # checked against the English; on a pull request it is annotated (a deleted
        # block also loses the page's "machine-assisted" notice).
        report.report(log, Finding(
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
        report.report(log, Finding(where, line, f"translation.method '{method}' is not one of {', '.join(tr.METHODS)}",
                                   "write the one that says how it was translated"))


def _english_url_from_root(page, config) -> str:
    return File(_norm(page), None, config.site_dir, config.use_directory_urls).url


def _english_url(page, config) -> str:
    """The English page, relative to `page` (it is at the site root)."""
    return get_relative_url(_english_url_from_root(page, config), page.url)


# --- Writing the notices -------------------------------------------------------------------


@event_priority(-10)  # after the search plugin indexed the page: notices stay out of search
def on_page_context(context, page, config, nav):
    state = page.meta.get("fov_translation_state")
    if state == "fallback":
        page.content = _fallback_notice(page) + (
            f'<div class="fov-fallback-body" lang="{_State.project.source}">{page.content}</div>'
        )
    elif state == tr.OUTDATED:
        page.content = _outdated_notice(page, config) + _mark_sections(page, config)
    elif state == tr.UNSTAMPED:
        page.content = _outdated_notice(page, config) + page.content
    if state in (tr.CURRENT, tr.OUTDATED, tr.UNSTAMPED):
        page.content = _with_method(page)
    return context


def _fallback_notice(page) -> str:
    name = _State.project.language(_State.language).name
    return notices.fallback_notice(_State.data.text, name, page.edit_url)


def _outdated_notice(page, config) -> str:
    english_url = _english_url(page, config)
    state = page.meta["fov_translation_state"]
    return notices.outdated_notice(
        _State.data.text, unstamped=state == tr.UNSTAMPED,
        section_names=[_section_name(page, i, english_url) for i in page.meta["fov_outdated_sections"]],
        english_url=english_url, source=_State.project.source,
        changes_url=_changes_url(page, config) if state == tr.OUTDATED else None, edit_url=page.edit_url)


def _changes_url(page, config) -> str:
    """This translation's part of the language's "What changed in English" page."""
    plain = File(changes.CHANGES_PAGE, None, config.site_dir, config.use_directory_urls).url
    target = plain if _State.language == default_language(config) else f"{_State.language}/{plain}"
    return (get_relative_url(target, page.url) or "./") + "#" + changes.anchor(_State.language, _norm(page))


def _translation(page) -> sect.Document:
    return sect.parse(page.file.content_string)


def _section_name(page, section_id: str, english_url: str) -> str:
    own = _translation(page).section(section_id) if section_id not in (sect.META, sect.INTRO) else None
    english = _english(page).section(section_id) if section_id not in (sect.META, sect.INTRO) else None
    return notices.section_name(_State.data.text, section_id, own_title=own.title if own else None,
                                english_title=english.title if english else None, english_url=english_url,
                                source=_State.project.source, meta_id=sect.META, intro_id=sect.INTRO)


def _mark_sections(page, config) -> str:
    english = _english(page)
    english_url = _english_url(page, config)
    notes = {section_id: notices.section_note(_State.data.text, section_id, english_url, _State.project.source)
             for section_id in page.meta["fov_outdated_sections"]
             if english.section(section_id) is not None and not section_id.startswith("_")}
    content, _ = insert_after_headings(page.content, notes)
    return content


def _with_method(page) -> str:
    method = tr.translation_record(page.meta).get("method")
    return notices.with_method(_State.data.text, method, tr.METHODS, page.content, page.edit_url)
