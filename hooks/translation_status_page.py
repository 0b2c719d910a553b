"""The translation status page, /translations/ (and /<locale>/translations/).

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
from fov.page_context import is_top_level_build, languages_to_build
from fov.translation_data import for_build, load
from fov.translation_status import PageLinks, collect, status_page

STATUS_PAGE = "translations.md"
GUIDE = "TRANSLATING.md"
STATUS_LINK_LENGTH = 2000


class _State:
    project = None
    language = "en"
    root_language = "en"  # the language built at the site root
    languages: list = []
    label = ""  # the footer link's words, in the language being built
    status = None  # every page in every language: collected once per site build


def on_pre_build(config):
    _State.project, data = for_build(config)
    _State.language, _State.label = data.locale, data.strings.get("status_link", "")
    i18n = config.plugins.get("i18n")
    _State.root_language = getattr(i18n, "default_language", None) or _State.project.source
    _State.languages = languages_to_build(config)
    if is_top_level_build(config):
        _State.status = None  # the languages static-i18n builds next share it


def _status():
    if _State.status is None:
        _State.status = collect(_State.project)
    return _State.status


def _dest_uri(language: str, config) -> str:
    plain = File(STATUS_PAGE, None, config.site_dir, config.use_directory_urls).dest_uri
    return plain if language == _State.root_language else f"{language}/{plain}"


def _page_file(language: str, config) -> File:
    file = File(STATUS_PAGE, None, config.site_dir, config.use_directory_urls,
                dest_uri=_dest_uri(language, config), inclusion=InclusionLevel.NOT_IN_NAV)
    file.generated_by = "translation_status_page"
    # What static-i18n records on the files it handles (language switcher, sitemap).
    file.locale = file.localization = file.locale_alternate_of = language
    file.norm_src_uri = STATUS_PAGE
    return file


@event_priority(-110)  # after static-i18n (-100) has chosen the files of the language
def on_files(files, config):
    file = _page_file(_State.language, config)
    file.alternates = {lang: (file if lang == _State.language else _page_file(lang, config))
                       for lang in _State.languages}
    file.content_string = status_page(_status(), load(_State.project, _State.language),
                                      _links(file, config))
    files.append(file)
    return files


def _links(status_file: File, config) -> PageLinks:
    project = _State.project

    def page_url(locale: str, page: str) -> str:
        target = File(page, None, config.site_dir, config.use_directory_urls).url
        if locale != _State.root_language:
            target = f"{locale}/{target}"
        return get_relative_url(target, status_file.url)

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
    return PageLinks(page=page_url, create=create_url, guide=guide)


def _footer_context(context, config):
    context["fov_status_path"] = _page_file(_State.language, config).url
    context["fov_status_label"] = _State.label
    return context


def on_page_markdown(markdown, page, config, files):
    if page.file.generated_by == "translation_status_page":
        page.edit_url = None
    return markdown


def on_page_context(context, page, config, nav):
    return _footer_context(context, config)
