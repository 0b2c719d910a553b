"""The translation status page, /translations/ (and /<locale>/translations/), and
its companion "What changed in English", /<locale>/translation-changes/
(fov.translation_changes), linked from the status page and the outdated notices.

Generated in every language build from the same code as the command
`python -m fov.translate status` (fov.translation_status), in the language
being built (the status of every page is collected once per site build).
It is a page of that language (never a fallback), outside the navigation,
left out of search, and linked from the footer
(overrides/partials/copyright.html reads `fov_status_path` and
`fov_status_label` from each page's context).
"""

from __future__ import annotations

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils import get_relative_url

from fov import github, source_file
from fov import translation_changes as changes
from fov.page_context import default_language, is_top_level_build, languages_to_build
from fov.translation_data import for_build, load
from fov.translation_status import PageLinks, collect, status_page

STATUS_PAGE = "translations.md"
CHANGES_PAGE = changes.CHANGES_PAGE
GENERATED = "translation_status_page"
GUIDE = "TRANSLATING.md"
STATUS_LINK_LENGTH = 2000


class _State:
    project = None
    language = "en"
    root_language = "en"  # the language built at the site root
    languages: list = []
    label = ""  # the footer link's words, in the language being built
    status = None  # every page in every language: collected once per site build
    changes = None  # every outdated translation's changes: collected once per site build


def on_pre_build(config):
    _State.project, data = for_build(config)
    _State.language, _State.label = data.locale, data.strings.get("status_link", "")
    _State.root_language = default_language(config)
    _State.languages = languages_to_build(config)
    if is_top_level_build(config):
        _State.status = _State.changes = None  # the languages static-i18n builds next share them


def _status():
    if _State.status is None:
        _State.status = collect(_State.project)
    return _State.status


def _changes():
    if _State.changes is None:
        status = _status()
        _State.changes = changes.collect(_State.project,
                                         lambda locale, page: status.cells[(locale, page)].state)
    return _State.changes


def _dest_uri(name: str, language: str, config) -> str:
    plain = File(name, None, config.site_dir, config.use_directory_urls).dest_uri
    return plain if language == _State.root_language else f"{language}/{plain}"


def _page_file(name: str, language: str, config) -> File:
    file = File(name, None, config.site_dir, config.use_directory_urls,
                dest_uri=_dest_uri(name, language, config), inclusion=InclusionLevel.NOT_IN_NAV)
    file.generated_by = GENERATED
    # What static-i18n records on the files it handles (language switcher, sitemap).
    file.locale = file.localization = file.locale_alternate_of = language
    file.norm_src_uri = name
    return file


def _generated(name: str, config) -> File:
    file = _page_file(name, _State.language, config)
    file.alternates = {lang: (file if lang == _State.language else _page_file(name, lang, config))
                       for lang in _State.languages}
    return file


@event_priority(-110)  # after static-i18n (-100) has chosen the files of the language
def on_files(files, config):
    data = load(_State.project, _State.language)
    status_file, changes_file = _generated(STATUS_PAGE, config), _generated(CHANGES_PAGE, config)
    links = _links(status_file, config, changes_file)
    status_file.content_string = status_page(_status(), data, links)
    # Every language's page lists every translation's changes (the notices link to
    # their part): the same sections and links in each, as the parity checks expect.
    shown = [locale for locale in _State.project.locales if locale in _State.languages]
    changes_links = _links(changes_file, config, changes_file)
    changes_file.content_string = changes.page_markdown(
        _State.project, _changes(), shown, data, changes_links.edit, changes_links.page,
        STATUS_PAGE)  # a link between the two generated pages, as MkDocs resolves it
    files.append(status_file)
    files.append(changes_file)
    return files


def _links(from_file: File, config, changes_file: File) -> PageLinks:
    project = _State.project

    def page_url(locale: str, page: str) -> str:
        target = File(page, None, config.site_dir, config.use_directory_urls).url
        if locale != _State.root_language:
            target = f"{locale}/{target}"
        return get_relative_url(target, from_file.url)

    def edit_url(locale: str, page: str) -> str:
        if not project.repo_url:
            return ""
        return github.edit_file_url(project.repo_url, project.branch, project.docs_path, f"{locale}/{page}")

    def changes_url(locale: str, page: str) -> str:
        own = _page_file(CHANGES_PAGE, locale, config) if locale in _State.languages else changes_file
        return (get_relative_url(own.url, from_file.url) or "./") + f"#{changes.anchor(locale, page)}"

    def create_url(locale: str, page: str) -> str:
        if not project.repo_url:
            return ""
        english = source_file.read_text(project.page_path(project.source, page))
        # Shorter than on the page itself (which has the whole English): the
        # status page has a link for every missing page of every language.
        return github.create_file_url(project.repo_url, project.branch, project.docs_path,
                                      locale, page, english, max_length=STATUS_LINK_LENGTH)

    guide = f"{github.repo_web_url(project.repo_url)}/blob/{project.branch}/{GUIDE}" \
        if project.repo_url else ""
    return PageLinks(page=page_url, create=create_url, guide=guide, edit=edit_url, changes=changes_url)


def _footer_context(context, config):
    context["fov_status_path"] = _page_file(STATUS_PAGE, _State.language, config).url
    context["fov_status_label"] = _State.label
    return context


def on_page_markdown(markdown, page, config, files):
    if page.file.generated_by == GENERATED:
        page.edit_url = None
    return markdown


def on_page_context(context, page, config, nav):
    return _footer_context(context, config)
