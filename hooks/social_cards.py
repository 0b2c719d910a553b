"""Social cards: a 1200x630 image per page and language, and the og:image and
Twitter card tags that point at it (`fov.pages.social_card` says what a card shows,
where it goes and when the build fails). None in `mkdocs serve` (`fov.build.serve_mode`)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority, get_plugin_logger

from fov.build import serve_mode
from fov.build.background import SlowFiles
from fov.build.build_cache import BuildCache
from fov.data.campaign import campaign, languages
from fov.data.page_context import current_language, is_top_level_build, repo_path
from fov.data.share import ShareMessage
from fov.pages import social_card

log = get_plugin_logger("social_cards")
FILES = SlowFiles(BuildCache(Path(__file__).resolve().parent.parent / ".cache", "social-cards", ".png"))
CARDS = social_card.PageCards(log, copy=FILES.copy, make=FILES.make)


def on_startup(command, dirty):
    serve_mode.note_command(command)


def on_config(config):
    CARDS.locales = set(languages(config).all)
    if serve_mode.skips_system_parts():
        serve_mode.announce_skipped(config.hooks, log)
    return config


def on_pre_build(config):
    if is_top_level_build(config):
        FILES.reset()
        CARDS.unavailable = ""


def on_page_context(context, page, config, nav):
    if serve_mode.skips_system_parts():
        return context
    locale = current_language(config)
    site = social_card.Site(
        config.site_name, config.site_description, config.site_url, Path(config.site_dir), locale,
        languages(config).direction, ShareMessage(hashtags=campaign(config).hashtags_for(locale)).tags)
    values = CARDS.page(site, page.meta, page.title, page.url, repo_path(page.file, config))
    if values is not None:
        context["fov_social"] = values
    return context


@event_priority(-200)  # after static-i18n has built every language
def on_post_build(config):
    if is_top_level_build(config) and not serve_mode.skips_system_parts():
        FILES.finish()
        if FILES.made:
            log.debug(f"{FILES.made} social cards drawn, the others from the cache")
