"""The translation status page, /translations/ (and /<locale>/translations/), and
its companion "What changed in English", /<locale>/translation-changes/
(fov.translation.translation_changes), linked from the status page and the outdated notices.

hooks/translation_status_page.py generates both in every language build, from
the same code as the command `python -m fov translate status`
(fov.translation.translation_status), in the language being built; the status of every page
is collected once per site build (SiteStatus). Each is a page of that language
(never a fallback), outside the navigation, left out of search, and linked from
the footer (overrides/partials/copyright.html reads `fov_status_path` and
`fov_status_label` from each page's context).
"""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils import get_relative_url

from fov.base import source_file
from fov.data.project import Project
from fov.data.translation_data import load
from fov.translation import github, translation_changes as changes
from fov.translation.translation_status import collect, PageLinks, Status, status_page

STATUS_PAGE = "translations.md"
CHANGES_PAGE = changes.CHANGES_PAGE
GENERATED = "translation_status_page"  # the generated files' `generated_by`
GUIDE = "TRANSLATING.md"
STATUS_LINK_LENGTH = 2000


class SiteStatus:
    """Every page in every language, and every outdated translation's changes:
    collected on first use, once per site build (every language's build shares them)."""

    def __init__(self) -> None:
        self._status: Status | None = None
        self._changes: dict[str, list[changes.PageChanges]] | None = None

    def status(self, project: Project) -> Status:
        if self._status is None:
            self._status = collect(project)
        return self._status

    def changes(self, project: Project) -> dict[str, list[changes.PageChanges]]:
        if self._changes is None:
            status = self.status(project)
            self._changes = changes.collect(project, lambda locale, page: status.cells[(locale, page)].state)
        return self._changes


@dataclass
class LanguageBuild:
    """The language being built, and where the generated pages of each language go."""
    project: Project
    language: str
    root_language: str  # the language built at the site root
    languages: list[str]  # the languages static-i18n builds
    label: str  # the footer link's words, in the language being built

    def page_file(self, name: str, language: str, config) -> File:
        plain = File(name, None, config.site_dir, config.use_directory_urls).dest_uri
        dest_uri = plain if language == self.root_language else f"{language}/{plain}"
        file = File(name, None, config.site_dir, config.use_directory_urls,
                    dest_uri=dest_uri, inclusion=InclusionLevel.NOT_IN_NAV)
        file.generated_by = GENERATED
        # What static-i18n records on the files it handles (language switcher, sitemap).
        file.locale = file.localization = file.locale_alternate_of = language
        file.norm_src_uri = name
        return file

    def generated(self, name: str, config) -> File:
        file = self.page_file(name, self.language, config)
        file.alternates = {lang: (file if lang == self.language else self.page_file(name, lang, config))
                           for lang in self.languages}
        return file

    def footer_context(self, config) -> dict[str, str]:
        return {"fov_status_path": self.page_file(STATUS_PAGE, self.language, config).url,
                "fov_status_label": self.label}


def pages(build: LanguageBuild, site: SiteStatus, config) -> list[File]:
    """The status page and the "What changed in English" page of the language being built."""
    project = build.project
    data = load(project, build.language)
    status_file, changes_file = build.generated(STATUS_PAGE, config), build.generated(CHANGES_PAGE, config)
    links = page_links(build, status_file, config, changes_file)
    status_file.content_string = status_page(site.status(project), data, links)
    # Every language's page lists every translation's changes (the notices link to
    # their part): the same sections and links in each, as the parity checks expect.
    shown = [locale for locale in project.locales if locale in build.languages]
    changes_links = page_links(build, changes_file, config, changes_file)
    changes_file.content_string = changes.page_markdown(
        project, site.changes(project), shown, data, changes_links.edit, changes_links.page,
        STATUS_PAGE)  # a link between the two generated pages, as MkDocs resolves it
    return [status_file, changes_file]


def page_links(build: LanguageBuild, from_file: File, config, changes_file: File) -> PageLinks:
    project = build.project

    def page_url(locale: str, page: str) -> str:
        target = File(page, None, config.site_dir, config.use_directory_urls).url
        if locale != build.root_language:
            target = f"{locale}/{target}"
        return get_relative_url(target, from_file.url)

    def edit_url(locale: str, page: str) -> str:
        if not project.repo_url:
            return ""
        return github.edit_file_url(project.repo_url, project.branch, project.docs_path, f"{locale}/{page}")

    def changes_url(locale: str, page: str) -> str:
        own = build.page_file(CHANGES_PAGE, locale, config) if locale in build.languages else changes_file
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
