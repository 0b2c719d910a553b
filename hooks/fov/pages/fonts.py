"""Which installed font draws a piece of text in a language (via fontconfig).

No font is downloaded: the Debian packages fonts-noto-core (Noto Sans, Noto
Sans Arabic, ...) and fonts-noto-cjk (Noto Sans CJK) provide them, and
fontconfig (`fc-match`, `fc-list`) finds their files. For a language the
candidates are, in order:

1. the sans-serif font fontconfig picks for the language, if it is a Noto font
   (it picks Noto Sans CJK TC for zh-Hant, Noto Sans CJK SC for zh-Hans);
2. the Noto Sans family made for the language's script (Noto Sans Arabic);
3. Noto Sans, then DejaVu Sans, then whatever fontconfig picked.

`font_for(text, locale)` returns the first candidate whose character set (as
fontconfig reports it) covers every character of the text (an Arabic title quoting "IVY 2026" needs a
font with both scripts), or the one that covers most, with the characters it
lacks.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import os
import shutil
import subprocess
import sys
import unicodedata
from dataclasses import dataclass

FALLBACK_FAMILIES = ("Noto Sans", "DejaVu Sans")
# Locales whose fontconfig language tag is not their lowercased language part.
FONTCONFIG_LANGUAGES = {"zh-hant": "zh-tw", "zh-hans": "zh-cn", "zh-hk": "zh-hk",
                        "zh-tw": "zh-tw", "zh-cn": "zh-cn", "zh": "zh-cn"}
IGNORED_CATEGORIES = {"Zs", "Zl", "Zp", "Cc", "Cf"}  # spaces, controls, bidi marks


@dataclass(frozen=True)
class FontFile:
    family: str
    path: str
    index: int  # the face in a collection (.ttc)
    charset: tuple[tuple[int, int], ...] = ()  # the code point ranges it draws

    def covers(self, character: str) -> bool:
        code = ord(character)
        at = bisect.bisect_right(self.charset, (code, sys.maxunicode + 1)) - 1
        return at >= 0 and self.charset[at][0] <= code <= self.charset[at][1]


class FontError(RuntimeError):
    pass


def fontconfig_language(locale: str) -> str:
    """The fontconfig language tag of a locale: zh-Hant -> zh-tw, ar -> ar."""
    lowered = locale.lower().replace("_", "-")
    return FONTCONFIG_LANGUAGES.get(lowered, lowered.split("-")[0])


def font_for(text: str, locale: str, bold: bool = False) -> tuple[FontFile, str]:
    """The font to draw `text` with, and the characters it lacks ("" if none)."""
    needed = drawn_characters(text)
    best, best_missing = None, None
    for font in candidates(locale, bold):
        missing = "".join(ch for ch in needed if not font.covers(ch))
        if not missing:
            return font, ""
        if best_missing is None or len(missing) < len(best_missing):
            best, best_missing = font, missing
    if best is None:
        raise FontError(f"fontconfig found no font at all for '{locale}'. "
                        "Install the Debian packages fonts-noto-core and fonts-noto-cjk.")
    return best, best_missing


def drawn_characters(text: str) -> str:
    """The distinct characters of `text` that need a glyph, in order of appearance."""
    seen = dict.fromkeys(ch for ch in text if unicodedata.category(ch) not in IGNORED_CATEGORIES)
    return "".join(seen)


@functools.lru_cache(maxsize=None)
def candidates(locale: str, bold: bool = False) -> tuple[FontFile, ...]:
    language = fontconfig_language(locale)
    picked = _match(f"sans-serif:lang={language}", bold)
    families = []
    if picked and picked.family.startswith("Noto"):
        families.append(picked.family)
    families += _noto_families_for(language)
    families += FALLBACK_FAMILIES
    fonts = [_match(family, bold, exact=True) for family in dict.fromkeys(families)]
    fonts.append(picked)
    return tuple(dict.fromkeys(font for font in fonts if font is not None))


@functools.lru_cache(maxsize=None)
def installed_fonts() -> str:
    """A fingerprint of the installed fonts (their files and sizes), for caches."""
    listed = _run("fc-list", "-f", "%{file}\n").splitlines()
    files = sorted(set(listed))
    return hashlib.sha256("\n".join(
        f"{name}:{_size(name)}" for name in files).encode()).hexdigest()


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return -1


def _noto_families_for(language: str) -> list[str]:
    """Noto Sans families that cover the language, most general (shortest name) first."""
    listed = _run("fc-list", "-f", "%{family[0]}\n", f":lang={language}").splitlines()
    noto = {name for name in listed
            if name.startswith("Noto Sans") and "Mono" not in name and name != "Noto Sans"}
    return sorted(noto, key=lambda name: (len(name), name))


def _match(pattern: str, bold: bool, exact: bool = False) -> FontFile | None:
    weight = "bold" if bold else "regular"
    out = _run("fc-match", "-f", "%{family[0]}\t%{file}\t%{index}\t%{charset}",
               f"{pattern}:weight={weight}")
    family, path, index, charset = (out.split("\t") + ["", "", "", ""])[:4]
    if not path or (exact and family != pattern.split(":")[0]):
        return None
    return FontFile(family, path, int(index or 0), _ranges(charset))


def _ranges(charset: str) -> tuple[tuple[int, int], ...]:
    """fontconfig's charset ("20-7e a0 600-6ff") as sorted (first, last) pairs."""
    pairs = []
    for item in charset.split():
        first, _, last = item.partition("-")
        pairs.append((int(first, 16), int(last or first, 16)))
    return tuple(sorted(pairs))


def _run(*command: str) -> str:
    if shutil.which(command[0]) is None:
        raise FontError(f"'{command[0]}' is not installed: install the Debian package "
                        "fontconfig (and fonts-noto-core, fonts-noto-cjk).")
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout
