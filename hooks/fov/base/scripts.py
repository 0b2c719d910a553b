"""Which writing system a language uses, and which a text is written in.

A page's language names its script: zh-Hant is written in Han characters, ar in
Arabic letters, ru in Cyrillic, fr in Latin letters. The table below gives the
usual script of the languages whose script is not Latin; a script subtag
(sr-Cyrl, zh-Hant) says it outright. Letters are told apart by the first word of
their Unicode name (LATIN SMALL LETTER E, ARABIC LETTER ALEF, CJK UNIFIED
IDEOGRAPH-5FD7), so accents and Arabic vowel marks count with their script.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from functools import lru_cache

LATIN = "LATIN"
# ISO 15924 script subtags, as the Unicode name's first word.
SCRIPT_SUBTAGS = {"Latn": LATIN, "Cyrl": "CYRILLIC", "Arab": "ARABIC", "Hans": "CJK", "Hant": "CJK",
                  "Hani": "CJK", "Grek": "GREEK", "Hebr": "HEBREW", "Deva": "DEVANAGARI"}
# Languages not written in Latin letters (ISO 639-1), by their usual script.
USUAL_SCRIPT = {
    "zh": "CJK", "ja": "CJK", "ko": "HANGUL",
    "ar": "ARABIC", "fa": "ARABIC", "ur": "ARABIC", "ps": "ARABIC",
    "ru": "CYRILLIC", "uk": "CYRILLIC", "be": "CYRILLIC", "bg": "CYRILLIC", "mk": "CYRILLIC",
    "sr": "CYRILLIC", "kk": "CYRILLIC", "ky": "CYRILLIC", "mn": "CYRILLIC", "tg": "CYRILLIC",
    "el": "GREEK", "he": "HEBREW", "yi": "HEBREW",
    "hi": "DEVANAGARI", "mr": "DEVANAGARI", "ne": "DEVANAGARI", "bn": "BENGALI",
    "ta": "TAMIL", "te": "TELUGU", "th": "THAI", "am": "ETHIOPIC", "ka": "GEORGIAN", "hy": "ARMENIAN",
}
# How a script is named in a message to people.
SCRIPT_NAMES = {"CJK": "Chinese", "ARABIC": "Arabic", "CYRILLIC": "Cyrillic", "LATIN": "Latin",
                "GREEK": "Greek", "HEBREW": "Hebrew", "HANGUL": "Korean"}


def script_of_language(locale: str) -> str:
    """zh-Hant -> CJK, ar -> ARABIC, sr-Latn -> LATIN, fr -> LATIN."""
    parts = locale.replace("_", "-").split("-")
    for part in parts[1:]:
        if part in SCRIPT_SUBTAGS:
            return SCRIPT_SUBTAGS[part]
    return USUAL_SCRIPT.get(parts[0].lower(), LATIN)


@lru_cache(maxsize=4096)
def script_of_letter(char: str) -> str:
    """The script of a letter ("" for anything that is not a letter)."""
    if not char.isalpha():
        return ""
    name = unicodedata.name(char, "")
    if name.startswith(("HIRAGANA", "KATAKANA")):
        return "CJK"
    return name.split(" ", 1)[0]


def letters_by_script(text: str) -> Counter:
    """How many letters of each script the text holds."""
    return Counter(script for script in map(script_of_letter, text) if script)


def share_of_script(text: str, script: str) -> float:
    """The part (0 to 1) of the text's letters that are written in `script`."""
    counts = letters_by_script(text)
    total = sum(counts.values())
    return counts[script] / total if total else 0.0


def script_name(script: str) -> str:
    return SCRIPT_NAMES.get(script, script.title())
