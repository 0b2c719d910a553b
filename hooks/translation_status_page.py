"""The translation status page, /translations/, and "What changed in English",
/<locale>/translation-changes/, generated in every language's build
(fov.translation.status_page), and the footer's link to the status page.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority

from fov.data.page_context import default_language, is_top_level_build, languages_to_build
from fov.data.translation_data import for_build
from fov.translation import status_page


class _State:
    build: status_page.LanguageBuild | None = None  # the language being built
    site = status_page.SiteStatus()  # every language's status: collected once per site build


def on_pre_build(config):
    project, data = for_build(config)
    _State.build = status_page.LanguageBuild(project, data.locale, default_language(config),
                                             languages_to_build(config), data.strings.get("status_link", ""))
    if is_top_level_build(config):
        _State.site = status_page.SiteStatus()  # the languages static-i18n builds next share it


@event_priority(-110)  # after static-i18n (-100) has chosen the files of the language
def on_files(files, config):
    for file in status_page.pages(_State.build, _State.site, config):
        files.append(file)
    return files


def on_page_markdown(markdown, page, config, files):
    if page.file.generated_by == status_page.GENERATED:
        page.edit_url = None
    return markdown


def on_page_context(context, page, config, nav):
    context.update(_State.build.footer_context(config))
    return context
