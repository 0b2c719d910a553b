"""The social card of a page: a 1200 x 630 PNG drawn offline with Pillow, and
the og:image and Twitter card tags that point at it.

For every page and language hooks/social_cards.py has `PageCards` draw a card
(Material's own social plugin fetches fonts online, so it is not used), save it as
`assets/images/social/<page>.png` (`image_path`: under the language's folder
for a translation) and hand the template `fov_social` (`template_values`: the
image's absolute URL, size and alternative text), which
`overrides/partials/social-meta.html` writes as og:image and a
summary_large_image Twitter card. The card shows the page's title and
description as main.html's og:title and og:description give them
(`page_card`).

Cards are cached by a hash of everything drawn on them (`cache_inputs`;
`.cache/social-cards` at the project root, `fov.build.build_cache`): a rebuild draws
only the cards whose text changed, in a background process (`fov.build.background`)
while MkDocs goes on with the pages. Only cards whose every character has a
font are cached, so a missing glyph is reported on every build until it is
fixed. A card with a character that no installed font draws fails the strict
build, and so does a machine without fontconfig or fonts (one clear error, no
traceback). In `mkdocs serve` (every preview) no card is drawn: one line says
so (`fov.commands.preview`).

A card shows the site's name, the page's title and description, and along its
foot the campaign's hashtags and the site's address. Fonts are the Debian Noto
fonts that fontconfig finds (`fov.pages.fonts`); text is shaped by Pillow's Raqm
layout (HarfBuzz and FriBiDi), so Arabic joins and runs right to left, and a
right-to-left card is mirrored: text and foot aligned to the right.

    png = render(Card(site_name=..., title=..., description=..., locale="ar",
                      direction="rtl", hashtags="#FutureOfVolunteering",
                      address="futureofvolunteering.org"))

Preview a card without building the site:

    PYTHONPATH=hooks python -m fov.pages.social_card --locale ar --direction rtl \\
        --title "..." --description "..." -o card.png
"""

from __future__ import annotations

import argparse
import io
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Callable, Collection, Mapping
from urllib.parse import urljoin, urlsplit

from PIL import Image, ImageDraw, ImageFont, features

from fov.base.findings import Finding
from fov.base.report import remark, report
from fov.pages import fonts

VERSION = 2  # bump when the drawing changes, so cached cards are redrawn
WIDTH, HEIGHT = 1200, 630
IMAGE_FOLDER = "assets/images/social"  # in the site, under the language's folder
MARGIN = 80
FOOT_HEIGHT = 110
# The campaign's colours (overrides/assets/stylesheets/fov.css).
BACKGROUND = (11, 97, 88)  # teal, #0b6158
FOOT = (7, 67, 61)  # dark teal, #07433d
ACCENT = (224, 165, 38)  # sun yellow, #e0a526: a bar under the site name
TEXT = (255, 255, 255)
SOFT_TEXT = (216, 239, 235)  # #d8efeb, 6.3:1 on the background
TITLE_SIZES = (76, 68, 60, 54, 48)
TITLE_LINES = 3
TITLE_LEADING = 1.3
DESCRIPTION_SIZE = 32
DESCRIPTION_LINES = 3
DESCRIPTION_LEADING = 1.5
ELLIPSIS = "…"

# Wrapping: a line may break after a space or between two CJK characters, but
# never before closing punctuation nor after opening punctuation.
_CJK = "\u2e80-\u2fff\u3040-\u30ff\u3100-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_CLOSING = "、。，．：；！？）」』】〕〉》”’・…%,.:;!?)\\]}\uff09\uff0c\uff1a\uff1b\uff01\uff1f"
_OPENING = "（「『【〔〈《“‘([{"
_UNITS = re.compile(
    rf"[{_OPENING}]*[{_CJK}][{_CLOSING}]*"  # one CJK character with its punctuation
    rf"|[^\s{_CJK}]+\s*"  # a word with the spaces after it
    rf"|\s+"
)


@dataclass(frozen=True)
class Card:
    site_name: str
    title: str
    description: str
    locale: str = "en"
    direction: str = "ltr"  # "ltr" or "rtl"
    hashtags: str = ""
    address: str = ""


class CardError(RuntimeError):
    pass


@dataclass(frozen=True)
class Site:
    """What the cards of one language share."""
    name: str  # site_name, in the language
    description: str | None  # site_description: a page without its own has this one
    url: str | None  # site_url: cards need absolute URLs (og:image)
    folder: Path  # the built site (site_dir)
    locale: str
    direction: str  # "ltr" or "rtl"
    hashtags: str  # the campaign's hashtags for the language, "#A #B"


def page_card(site: Site, meta: Mapping[str, Any], page_title: str | None) -> Card:
    """A page's card: its front matter's title and description, else its own
    title and the site's description (as main.html's og: tags give them)."""
    title = meta.get("title") or page_title or site.name
    description = meta.get("description") or site.description or ""
    address = urlsplit(site.url)
    return Card(site_name=site.name, title=str(title), description=" ".join(str(description).split()),
                locale=site.locale, direction=site.direction, hashtags=site.hashtags,
                address=(address.netloc + address.path).rstrip("/"))


def image_path(page_url: str, locales: Collection[str]) -> str:
    """The card's path in the site: "zh-Hant/call/" -> "zh-Hant/assets/images/social/call.png"
    (`locales`: the languages, which are the first folder of their pages)."""
    parts = [part for part in page_url.strip("/").split("/") if part]
    language = parts[0] if parts and parts[0] in locales else ""
    name = "/".join(parts[1:] if language else parts) or "index"
    return f"{language}/{IMAGE_FOLDER}/{name}.png".lstrip("/")


def template_values(card: Card, image_url: str) -> dict[str, Any]:
    """`fov_social`, which overrides/partials/social-meta.html writes."""
    return {
        "image": image_url,
        "image_alt": f"{card.title} – {card.site_name}" if card.title != card.site_name
        else card.site_name,
        "width": WIDTH,
        "height": HEIGHT,
    }


class PageCards:
    """The cards of one build, page by page. `copy` and `make` are the build's
    cache and background worker (`fov.build.background.SlowFiles`); problems go to
    `log` through the findings channel."""

    def __init__(self, log, copy: Callable[..., bool], make: Callable[..., None]):
        self.log, self.copy, self.make = log, copy, make
        self.locales: Collection[str] = ()  # the languages, the first folder of their pages
        self.unavailable = ""  # why no card can be drawn on this machine (reported once per build)

    def page(self, site: Site, meta: Mapping[str, Any], title: str | None, url: str,
             source: str) -> dict[str, Any] | None:
        """Save the page's card; its `fov_social` (None when there is no card)."""
        if self.unavailable:
            return None
        if not site.url:
            report(self.log, Finding("mkdocs.yml", 1, "site_url is not set: social cards need absolute "
                                     "URLs (og:image, og:url)", "set site_url in mkdocs.yml (or SITE_URL)"))
            return None
        card = page_card(site, meta, title)
        image = image_path(url, self.locales)
        try:
            self._save(card, site.folder / image, source)
        except fonts.FontError as error:  # no fontconfig, no font: one error for the build
            self.unavailable = str(error)
            report(self.log, Finding(
                "mkdocs.yml", 1, f"the social images cannot be drawn on this machine: {error}",
                "install fontconfig and the fonts the Makefile installs (make install)"))
            return None
        return template_values(card, urljoin(site.url, image))

    def _save(self, card: Card, path: Path, source: str) -> None:
        """Write the card from the cache, or have it drawn in the background. Only
        cards whose every character has a font are cached, so a missing glyph is
        reported on every build until it is fixed."""
        inputs = (cache_inputs(card),)
        if self.copy(inputs, path):
            return
        missing = missing_glyphs(card)
        if missing:
            report(self.log, Finding(
                source, 1, f"no installed font draws {missing!r} on the social card",
                "install a Debian font package that covers them (fonts-noto-core, fonts-noto-cjk) "
                "or change the page's title or description"))

        def failed(error: Exception) -> None:
            report(self.log, Finding(source, 1, f"the social card could not be drawn: {error}",
                                     "change the page's title or description, or install the fonts "
                                     "(make install)"))

        self.make(inputs, path, render, card, keep=not missing, failed=failed)


def render(card: Card) -> bytes:
    """The card as PNG bytes."""
    _require_raqm()
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    y = MARGIN - 10
    if card.site_name and card.site_name != card.title:
        y = _draw_site_name(draw, card, y)
    y = _draw_title(draw, card, y)
    _draw_description(draw, card, y + 12)
    _draw_foot(draw, card)
    out = io.BytesIO()
    image.save(out, "PNG", compress_level=6)
    return out.getvalue()


def cache_inputs(card: Card) -> dict:
    """Everything the card's pixels depend on, for a content-addressed cache."""
    return {"version": VERSION, "card": asdict(card), "fonts": fonts.installed_fonts(),
            "raqm": features.version("raqm")}


def missing_glyphs(card: Card) -> str:
    """Characters of the card that no installed font can draw ("" when all can)."""
    missing = ""
    for text in (card.site_name, card.title, card.description, card.hashtags, card.address):
        missing += fonts.font_for(text, card.locale, bold=True)[1]
    return "".join(dict.fromkeys(missing))


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int, max_lines: int,
         direction: str | None = None) -> list[str]:
    """Break `text` into at most `max_lines` lines no wider than `width` pixels;
    the last line ends with an ellipsis when the text does not fit."""
    lines: list[str] = []
    line = ""
    for unit in _UNITS.findall(" ".join(text.split())):
        candidate = line + unit
        if line and _width(font, candidate.rstrip(), direction) > width:
            lines.append(line.rstrip())
            line = unit.lstrip()
            if len(lines) == max_lines:
                return _with_ellipsis(lines, font, width, direction)
        else:
            line = candidate
    if line.strip():
        lines.append(line.rstrip())
    return lines


def _with_ellipsis(lines, font, width, direction):
    last = lines[-1]
    while last and _width(font, last + ELLIPSIS, direction) > width:
        last = last[:-1].rstrip()
    return lines[:-1] + [last + ELLIPSIS]


def _width(font, text, direction):
    return font.getlength(text, direction=direction)


def _font(text: str, card: Card, size: int, bold: bool) -> ImageFont.FreeTypeFont:
    face, _missing = fonts.font_for(text, card.locale, bold)
    return _load(face.path, face.index, size)


_loaded: dict = {}


def _load(path: str, index: int, size: int) -> ImageFont.FreeTypeFont:
    key = (path, index, size)
    if key not in _loaded:
        _loaded[key] = ImageFont.truetype(path, size, index=index,
                                          layout_engine=ImageFont.Layout.RAQM)
    return _loaded[key]


def _line_x(card: Card) -> tuple[int, str]:
    """Where lines start, and their anchor on the baseline: the right edge for
    right-to-left cards."""
    return (WIDTH - MARGIN, "rs") if card.direction == "rtl" else (MARGIN, "ls")


def _draw_lines(draw, card, lines, font, top, fill, leading) -> int:
    """Draw lines from `top` down, `leading` times the font size apart; return
    where the next line would start. Lines sit on baselines (fonts' ascent and
    descent differ a lot between scripts; their letters much less)."""
    x, anchor = _line_x(card)
    step = round(font.size * leading)
    for number, line in enumerate(lines):
        baseline = top + number * step + font.size
        draw.text((x, baseline), line, font=font, fill=fill, anchor=anchor,
                  direction=card.direction, language=card.locale)
    return top + len(lines) * step


def _draw_site_name(draw, card, top) -> int:
    font = _font(card.site_name, card, 34, bold=True)
    lines = wrap(card.site_name, font, WIDTH - 2 * MARGIN, 1, card.direction)
    bottom = _draw_lines(draw, card, lines, font, top, SOFT_TEXT, 1.3)
    bar_x = WIDTH - MARGIN - 96 if card.direction == "rtl" else MARGIN
    draw.rectangle((bar_x, bottom + 4, bar_x + 96, bottom + 12), fill=ACCENT)
    return bottom + 40


def _draw_title(draw, card, top) -> int:
    """The title in the largest size at which it fits in three lines, leaving
    room for a line of description."""
    room = HEIGHT - FOOT_HEIGHT - 30 - top - (round(DESCRIPTION_SIZE * 1.5) if card.description else 0)
    for size in TITLE_SIZES:
        font = _font(card.title, card, size, bold=True)
        lines = wrap(card.title, font, WIDTH - 2 * MARGIN, TITLE_LINES, card.direction)
        fits = len(lines) * round(size * TITLE_LEADING) <= room
        if fits and not lines[-1].endswith(ELLIPSIS):
            break
    while len(lines) > 1 and len(lines) * round(font.size * TITLE_LEADING) > room:
        lines = _with_ellipsis(lines[:-1], font, WIDTH - 2 * MARGIN, card.direction)
    return _draw_lines(draw, card, lines, font, top, TEXT, TITLE_LEADING)


def _draw_description(draw, card, top) -> None:
    if not card.description:
        return
    font = _font(card.description, card, DESCRIPTION_SIZE, bold=False)
    room = (HEIGHT - FOOT_HEIGHT - 30 - top) // round(DESCRIPTION_SIZE * DESCRIPTION_LEADING)
    if room < 1:
        return
    lines = wrap(card.description, font, WIDTH - 2 * MARGIN, min(room, DESCRIPTION_LINES),
                 card.direction)
    _draw_lines(draw, card, lines, font, top, SOFT_TEXT, DESCRIPTION_LEADING)


def _draw_foot(draw, card) -> None:
    top = HEIGHT - FOOT_HEIGHT
    draw.rectangle((0, top, WIDTH, HEIGHT), fill=FOOT)
    middle = top + FOOT_HEIGHT // 2
    start, end = (WIDTH - MARGIN, "rm"), (MARGIN, "lm")
    if card.direction != "rtl":
        start, end = (MARGIN, "lm"), (WIDTH - MARGIN, "rm")
    if card.hashtags:
        font = _font(card.hashtags, card, 30, bold=True)
        draw.text((start[0], middle), card.hashtags, font=font, fill=TEXT, anchor=start[1],
                  language=card.locale)
    if card.address:
        font = _font(card.address, card, 28, bold=False)
        draw.text((end[0], middle), card.address, font=font, fill=SOFT_TEXT, anchor=end[1])


def _require_raqm() -> None:
    if not features.check("raqm"):
        raise CardError(
            "Pillow has no Raqm layout, which Arabic and other complex scripts need. "
            "Install Pillow from its PyPI wheel (it bundles Raqm) and the Debian "
            "package libfribidi0, or Debian's libraqm0."
        )


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description="Draw one social card (1200x630 PNG).")
    parser.add_argument("--site-name", default="Future of Volunteering")
    parser.add_argument("--title", required=True)
    parser.add_argument("--description", default="")
    parser.add_argument("--locale", default="en")
    parser.add_argument("--direction", choices=("ltr", "rtl"), default="ltr")
    parser.add_argument("--hashtags", default="", help="the campaign's tags for the language, space-separated")
    parser.add_argument("--address", default="")
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args(argv)
    card = Card(args.site_name, args.title, args.description, args.locale, args.direction,
                args.hashtags, args.address)
    missing = missing_glyphs(card)
    if missing:
        remark(f"{args.output}: no installed font draws {missing!r}. Fix: install a font that has "
               "these characters (the Makefile's Debian font packages).")
    args.output.write_bytes(render(card))


if __name__ == "__main__":
    main()
