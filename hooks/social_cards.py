"""Social cards: a 1200x630 image per page and language, and the og:image and
Twitter card tags that point at it.

For every page this hook draws a card offline (`fov.social_card`: Pillow and
the Debian Noto fonts; Material's own social plugin fetches fonts online, so
it is not used), saves it as `assets/images/social/<page>.png` (under the
language's folder for a translation) and hands the template `fov_social`
(the image's absolute URL, size and alternative text), which
`overrides/partials/social-meta.html` writes as og:image and a
summary_large_image Twitter card. The card shows the page's title and
description, as main.html's og:title and og:description give them.

Cards are cached by a hash of everything drawn on them (`.cache/social-cards`
at the project root): a rebuild draws only the cards whose text changed, in a
background process (`fov.background`) while MkDocs goes on with the pages.
A card with a character that no installed font draws fails the strict build,
and so does a machine without fontconfig or fonts (one clear error, no
traceback). In `mkdocs serve` (every preview) no card is drawn: one line says so
(`fov.preview`).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlsplit

from mkdocs.plugins import event_priority, get_plugin_logger

from fov import fonts, preview, social_card, theme_strings
from fov.page_context import current_language, is_top_level_build, repo_path
from fov import report as channel
from fov.findings import Finding
from fov.campaign import campaign, languages
from fov.share import ShareMessage
from fov.background import JOBS
from fov.build_cache import BuildCache, key_of, write_if_changed

log = get_plugin_logger("social_cards")

CACHE = BuildCache(Path(__file__).resolve().parent.parent / ".cache", "social-cards", ".png")
IMAGE_FOLDER = "assets/images/social"


class _State:
    languages: set = set()  # the i18n locales, which are the first folder of their pages
    drawn = 0  # cards drawn (not from the cache) in this build
    unavailable = ""  # why no card can be drawn on this machine (reported once per build)


def on_startup(command, dirty):
    preview.note_command(command)


def on_config(config):
    _State.languages = set(languages(config).all)
    if preview.skips_system_parts():
        preview.announce_skipped(config.hooks, log)
    return config


def on_pre_build(config):
    if is_top_level_build(config):
        JOBS.reset()
        _State.drawn = 0
        _State.unavailable = ""


def on_page_context(context, page, config, nav):
    if preview.skips_system_parts() or _State.unavailable:
        return context
    if not config.site_url:
        channel.report(log, Finding("mkdocs.yml", 1, "site_url is not set: social cards need absolute URLs "
                                    "(og:image, og:url)", "set site_url in mkdocs.yml (or SITE_URL)"))
        return context
    card = _card(page, config)
    image = image_path(page.url)
    try:
        _save(card, Path(config.site_dir) / image, repo_path(page.file, config))
    except fonts.FontError as error:  # no fontconfig, no font: one error for the build
        _State.unavailable = str(error)
        channel.report(log, Finding("mkdocs.yml", 1, f"the social images cannot be drawn on this machine: {error}",
                                    "install fontconfig and the fonts the Makefile installs (make install)"))
        return context
    context["fov_social"] = {
        "image": urljoin(config.site_url, image),
        "image_alt": f"{card.title} – {card.site_name}" if card.title != card.site_name
        else card.site_name,
        "width": social_card.WIDTH,
        "height": social_card.HEIGHT,
    }
    return context


@event_priority(-200)  # after static-i18n has built every language
def on_post_build(config):
    if is_top_level_build(config) and not preview.skips_system_parts():
        JOBS.finish()
        if _State.drawn:
            log.debug(f"{_State.drawn} social cards drawn, the others from the cache")


def image_path(page_url: str) -> str:
    """The card's path in the site: "zh-Hant/call/" -> "zh-Hant/assets/images/social/call.png"."""
    parts = [part for part in page_url.strip("/").split("/") if part]
    language = parts[0] if parts and parts[0] in _State.languages else ""
    name = "/".join(parts[1:] if language else parts) or "index"
    return f"{language}/{IMAGE_FOLDER}/{name}.png".lstrip("/")


def _save(card: social_card.Card, path: Path, source: str) -> None:
    """Write the card from the cache, or have it drawn in the background. Only
    cards whose every character has a font are cached, so a missing glyph is
    reported on every build until it is fixed."""
    key = key_of(social_card.cache_inputs(card))
    png = CACHE.get(key)
    if png is not None:
        write_if_changed(path, png)
        return
    missing = social_card.missing_glyphs(card)
    if missing:
        channel.report(log, Finding(
            source, 1, f"no installed font draws {missing!r} on the social card",
            "install a Debian font package that covers them (fonts-noto-core, fonts-noto-cjk) "
            "or change the page's title or description"))

    def store(result):
        if not missing:
            CACHE.put(key, result.value)
        write_if_changed(path, result.value)

    def failed(error):
        channel.report(log, Finding(source, 1, f"the social card could not be drawn: {error}",
                                    "change the page's title or description, or install the fonts (make install)"))

    _State.drawn += 1
    JOBS.submit(social_card.render, card, then=store, failed=failed)


def _card(page, config) -> social_card.Card:
    locale = current_language(config)
    site_name = config.site_name
    title = page.meta.get("title") or page.title or site_name
    description = page.meta.get("description") or config.site_description or ""
    return social_card.Card(
        site_name=site_name,
        title=str(title),
        description=" ".join(str(description).split()),
        locale=locale,
        direction=theme_strings.direction(config.theme),
        hashtags=ShareMessage(hashtags=campaign(config).hashtags_for(locale)).tags,
        address=_address(config.site_url),
    )


def _address(site_url: str) -> str:
    parts = urlsplit(site_url)
    return (parts.netloc + parts.path).rstrip("/")
