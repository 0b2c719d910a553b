"""The whole call as a PDF per language, built with the site, linked from the
call's pages.

`extra.campaign.call_pdf` in mkdocs.yml names the pages (in order), the file
name and, per language, the PDF's title; `extra.ui.<language>.download_call`
is the link's label. While a
language is built, this hook keeps the rendered content of those pages and
hands their template `fov_call_pdf` (the link, in the visitor's language;
overrides/partials/actions.html shows it). Once it has every page of a
language it composes the document (`fov.call_pdf`) and writes
`<language folder>/<file>`.

PDFs are cached by a hash of the composed document, the stylesheets and the
WeasyPrint version (`.cache/call-pdf` at the project root): a language whose
call did not change costs a file copy. A changed one is laid out by
WeasyPrint in a background process (`fov.background`) while MkDocs builds the
other languages. In `mkdocs serve` (every preview) no PDF is made: one line
says so (`fov.preview`); `mkdocs build` always makes it, and a machine without
WeasyPrint's Pango fails it with one clear error.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.utils import get_relative_url

from fov import call_pdf, preview, theme_strings
from fov import report as channel
from fov.findings import Finding
from fov.campaign import campaign, languages
from fov.page_context import current_language, is_top_level_build
from fov.background import JOBS
from fov.build_cache import BuildCache, key_of, write_if_changed

log = get_plugin_logger("call_pdf")

CACHE = BuildCache(Path(__file__).resolve().parent.parent / ".cache", "call-pdf", ".pdf")
PRINT_CSS = "assets/stylesheets/print.css"  # in the theme's custom_dir


@dataclass
class _Language:
    locale: str
    folder: str  # the language's folder in the site: "" or "zh-Hant/"
    meta: call_pdf.Meta
    site_dir: Path
    sections: dict = field(default_factory=dict)  # "call.md" -> call_pdf.Section
    done: bool = False

    @property
    def pdf_path(self) -> str:
        return f"{self.folder}{_file_name(self.locale)}"


class _State:
    settings: dict = {}
    locales: set = set()
    languages: dict = {}  # locale -> _Language, in this build
    custom_dir = None  # the theme's custom_dir, which holds print.css


def on_startup(command, dirty):
    preview.note_command(command)


def on_config(config):
    if preview.skips_system_parts():
        preview.announce_skipped(config.hooks, log)
    _State.settings = campaign(config).call_pdf
    _State.locales = set(languages(config).all)
    _State.custom_dir = config.theme.custom_dir
    return config


def on_pre_build(config):
    if is_top_level_build(config):
        JOBS.reset()
        _State.languages = {}


def on_page_context(context, page, config, nav):
    if preview.skips_system_parts():
        return context
    source = _source_in_language(page.file.src_uri)
    pages = _State.settings.get("pages", [])
    if source not in pages:
        return context
    language = _language(page, config)
    language.sections[source] = call_pdf.Section(
        source, urljoin(config.site_url or "/", page.url), page.content or "")
    context["fov_call_pdf"] = {
        "url": get_relative_url(language.pdf_path, page.url),
        "file": _file_name(language.locale),
        "label": _ui_string(config, language.locale, "download_call"),
        "language": language.locale,
    }
    if set(pages) <= set(language.sections):
        _make(language)
    return context


@event_priority(-200)  # after static-i18n has built every language
def on_post_build(config):
    if not is_top_level_build(config) or preview.skips_system_parts():
        return
    for language in _State.languages.values():
        if not language.done:  # a page of the call is missing in this language
            _make(language)
    JOBS.finish()


def _make(language: _Language) -> None:
    """Write the language's PDF from the cache, or have it laid out."""
    language.done = True
    pages = _State.settings.get("pages", [])
    sections = [language.sections[s] for s in pages if s in language.sections]
    document = call_pdf.compose(sections, language.meta)
    stylesheets = [_print_css(), call_pdf.STYLESHEET.read_text(encoding="utf-8")]
    key = key_of(call_pdf.renderer_version(), document, stylesheets)
    target = language.site_dir / language.pdf_path
    pdf = CACHE.get(key)
    if pdf is not None:
        write_if_changed(target, pdf)
        return

    def store(result):
        CACHE.put(key, result.value)
        write_if_changed(target, result.value)
        log.debug(f"{language.pdf_path}: laid out in {result.seconds:.2f} s "
                  f"({len(result.value) // 1024} KiB, {len(sections)} pages)")

    def failed(error):
        channel.report(log, Finding(
            "mkdocs.yml", 1, f"the PDF of the call could not be made ({language.pdf_path}): {error}",
            "check the pages of extra.campaign.call_pdf.pages build, and that WeasyPrint's system "
            "libraries (Pango) are installed as the Makefile installs them (make install)"))

    JOBS.submit(call_pdf.render, document, stylesheets, then=store, failed=failed)


def _language(page, config) -> _Language:
    locale = current_language(config)
    if locale not in _State.languages:
        folder = _language_folder(page.url)
        _State.languages[locale] = _Language(
            locale, folder, _meta(config, locale, folder), Path(config.site_dir))
    return _State.languages[locale]


def _meta(config, locale: str, folder: str) -> call_pdf.Meta:
    organisations = campaign(config).organisations
    return call_pdf.Meta(
        title=_translated(_State.settings.get("title", {}), locale, config) or config.site_name,
        site_name=config.site_name,
        site_url=urljoin(config.site_url or "/", folder),
        language=locale,
        direction=theme_strings.direction(config.theme),
        author=", ".join(o.get("name", "") for o in organisations),
        description=config.site_description or "",
    )


def _file_name(locale: str) -> str:
    return _State.settings.get("file", "call-{locale}.pdf").format(locale=locale)


def _translated(texts: dict, locale: str, config) -> str:
    return campaign(config).word(texts, languages(config), locale)


def _ui_string(config, locale: str, key: str) -> str:
    """An interface string (`ui:` of the language's file), by the campaign's one rule."""
    return campaign(config).ui_text(languages(config), locale, key)


def _source_in_language(src_uri: str) -> str:
    """ "zh-Hant/call.md" -> "call.md" (static-i18n's folder structure)."""
    first, _, rest = src_uri.partition("/")
    return rest if rest and first in _State.locales else src_uri


def _language_folder(page_url: str) -> str:
    first = page_url.split("/", 1)[0]
    return f"{first}/" if first in _State.locales else ""


def _print_css() -> str:
    path = Path(_State.custom_dir) / PRINT_CSS if _State.custom_dir else None
    return path.read_text(encoding="utf-8") if path and path.is_file() else ""
