"""The whole call as a PDF per language, built with the site and linked from the
call's pages (`fov.pages.call_pdf` says how it is set up, composed, laid out and
cached). None in `mkdocs serve` (`fov.build.serve_mode`)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority, get_plugin_logger

from fov.build import serve_mode
from fov.build.background import SlowFiles
from fov.build.build_cache import BuildCache
from fov.data.campaign import campaign, languages
from fov.data.page_context import current_language, is_top_level_build
from fov.pages import call_pdf

log = get_plugin_logger("call_pdf")
FILES = SlowFiles(BuildCache(Path(__file__).resolve().parent.parent / ".cache", "call-pdf", ".pdf"))
PDFS = call_pdf.CallPdfs(log, copy=FILES.copy, make=FILES.make)


def on_startup(command, dirty):
    serve_mode.note_command(command)


def on_config(config):
    if serve_mode.skips_system_parts():
        serve_mode.announce_skipped(config.hooks, log)
    PDFS.settings = call_pdf.Settings.of(campaign(config).call_pdf)
    PDFS.locales = set(languages(config).all)
    PDFS.custom_dir = config.theme.custom_dir
    return config


def on_pre_build(config):
    if is_top_level_build(config):
        FILES.reset()
        PDFS.editions = {}


def on_page_context(context, page, config, nav):
    source = PDFS.source(page.file.src_uri)
    if serve_mode.skips_system_parts() or source is None:
        return context
    data, langs, locale = campaign(config), languages(config), current_language(config)
    meta = call_pdf.Meta.of_site(
        data.word(PDFS.settings.titles, langs, locale), config.site_name, config.site_url, locale,
        langs.direction, data.organisations, config.site_description)
    context["fov_call_pdf"] = PDFS.page(source, page.url, page.content or "", meta, Path(config.site_dir),
                                        label=data.ui_text(langs, locale, "download_call"))
    return context


@event_priority(-200)  # after static-i18n has built every language
def on_post_build(config):
    if is_top_level_build(config) and not serve_mode.skips_system_parts():
        PDFS.finish()
        FILES.finish()
