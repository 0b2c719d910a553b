"""Hashtags: found as X finds them, checked against the campaign's registry.

Extraction follows twitter-text (the library X publishes): a hash sign (# or
full-width ＃) not glued to a letter, digit or '&' before it, then a run of
letters, marks, decimal digits and a few joiners (`_`, ZWNJ, ZWJ, ・...)
holding at least one letter; a run followed by another hash sign or '://' is
not a hashtag, nor is one inside a URL. It passes twitter-text's own
conformance suite (extract.yml, validate.yml).

The registry lives in `extra.campaign.hashtags` (mkdocs.yml): each tag's
canonical spelling (CamelCase, so screen readers say the words), the page
languages it belongs to ("all" for every language) and, for a localised tag,
the tag it `localises`. A tag written in a page must be a registered tag of
the page's language, spelled exactly; otherwise the problem says what is
wrong (wrong case, wrong language, look-alike or invisible characters, a near
miss, a tag glued to the word before it) and which tag was probably meant.
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass

from fov.base.findings import Problem

HASH_SIGNS = "#\uff03"
_SPECIAL = frozenset("_\u200c\u200d\ua67e\u05be\u05f3\u05f4\uff5e\u301c\u309b\u309c\u30a0"
                     "\u30fb\u3003\u0f0b\u0f0c\u00b7")
_KEYCAP = ("\ufe0f", "\u20e3")
_VARIATION = ("\ufe0e", "\ufe0f")
NEAR_MISS = 0.75  # difflib ratio from which a tag is taken for a misspelling


def _is_letter(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LM"


def _is_tag_char(ch: str) -> bool:
    return ch in _SPECIAL or unicodedata.category(ch)[0] in "LM" or unicodedata.category(ch) == "Nd"


# -- extraction (twitter-text) -------------------------------------------------

@dataclass(frozen=True)
class Hashtag:
    hashtag: str  # the tag's text, without the hash sign
    start: int  # index of the hash sign
    end: int  # index after the tag

    @property
    def indices(self) -> list[int]:
        return [self.start, self.end]


def extract_hashtags_with_indices(text: str, check_url_overlap: bool = True) -> list[Hashtag]:
    if not any(sign in text for sign in HASH_SIGNS):
        return []
    tags = []
    position = 0
    while position < len(text):
        tag = _hashtag_at(text, position)
        if tag is None:
            position += 1
            continue
        if not _ends_badly(text, tag.end):
            tags.append(tag)
        position = tag.end
    if check_url_overlap and tags:
        tags = _without_urls(text, tags)
    return tags


def extract_hashtags(text: str) -> list[str]:
    return [tag.hashtag for tag in extract_hashtags_with_indices(text)]


def is_valid_hashtag(text: str) -> bool:
    """The whole text is one hashtag (twitter-text's isValidHashtag)."""
    tags = extract_hashtags_with_indices(text)
    return len(tags) == 1 and tags[0].start == 0 and tags[0].end == len(text)


def _hashtag_at(text: str, index: int) -> Hashtag | None:
    if text[index] not in HASH_SIGNS or not _boundary_before(text, index):
        return None
    if text[index + 1: index + 2] in _KEYCAP:
        return None
    end = index + 1
    while end < len(text) and _is_tag_char(text[end]):
        end += 1
    run = text[index + 1: end]
    if not any(_is_letter(ch) for ch in run):
        return None
    return Hashtag(run, index, end)


def _boundary_before(text: str, index: int) -> bool:
    if index == 0:
        return True
    before = text[index - 1]
    return before in _VARIATION or not (_is_tag_char(before) or before == "&")


def _ends_badly(text: str, end: int) -> bool:
    return text[end: end + 1] in tuple(HASH_SIGNS) or text.startswith("://", end)


def url_spans(text: str) -> list[tuple[int, int]]:
    from twitter_text import extract_urls_with_indices  # only when a text has a hash sign

    return [tuple(url["indices"]) for url in extract_urls_with_indices(text)]


def _may_be_in_a_url(text: str, tag: Hashtag) -> bool:
    """A URL needs a dot (its domain) before the hash sign, in the same run of
    non-space characters: without one, no URL can hold the hashtag."""
    word_start = max(text.rfind(space, 0, tag.start) for space in (" ", "\n", "\t", "\u3000")) + 1
    return "." in text[word_start:tag.start]


def _without_urls(text: str, tags: list[Hashtag]) -> list[Hashtag]:
    """twitter-text's removeOverlappingEntities: hashtags inside a URL go."""
    if not any(_may_be_in_a_url(text, tag) for tag in tags):
        return tags  # spares extracting URLs (and loading twitter-text) for most texts
    entities = [(t.start, t.end, t) for t in tags] + [(s, e, None) for s, e in url_spans(text)]
    entities.sort(key=lambda entity: entity[0])  # stable: a hashtag before a URL at the same index
    kept = entities[:1]
    for entity in entities[1:]:
        if kept[-1][1] <= entity[0]:
            kept.append(entity)
    return [tag for _, _, tag in kept if tag is not None]


# -- look-alike and invisible characters ---------------------------------------

# Letters of other scripts that look like Latin ones (after Unicode's
# confusables.txt): the usual tools of a spoofed tag. NFKC folds the rest
# (full-width and mathematical letters, CJK compatibility forms).
_LOOKALIKES = {
    **dict(zip("аеорсухіјѕԁԛԝһӏвмнткАВЕКМНОРСТХЅІЈ", "aeopcyxijsdqwhlbmhtkABEKMHOPCTXSIJ")),
    **dict(zip("οαινρκτυΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "oainpktuABEZHIKMNOPTYX")),
    "ɑ": "a", "ɡ": "g", "ı": "i", "ℓ": "l", "Ꭺ": "A", "Ᏼ": "B", "Ꮯ": "C", "Ꭼ": "E",
}


def is_invisible(ch: str) -> bool:
    """Zero-width spaces and joiners, direction marks, soft hyphens, variation selectors..."""
    return unicodedata.category(ch) == "Cf" or "\ufe00" <= ch <= "\ufe0f" or ch in "\u3164\u115f\u1160\uffa0"


def lookalike_characters(tag: str) -> list[str]:
    """Characters of the tag that stand in for other ones (Cyrillic о for Latin o...)."""
    return [ch for ch in tag if ch in _LOOKALIKES
            or (unicodedata.normalize("NFKC", ch) != ch and not is_invisible(ch))]


def skeleton(tag: str) -> str:
    """What the tag looks like: invisible characters dropped, look-alikes folded, case folded."""
    folded = unicodedata.normalize("NFKC", "".join(ch for ch in tag if not is_invisible(ch)))
    return "#" + "".join(_LOOKALIKES.get(ch, ch) for ch in folded.lstrip("#")).casefold()


def describe(ch: str) -> str:
    return f"'{ch}' (U+{ord(ch):04X} {unicodedata.name(ch, 'unnamed character')})"


# -- the registry ----------------------------------------------------------------

@dataclass(frozen=True)
class RegisteredTag:
    tag: str
    languages: frozenset[str]
    localises: str | None = None

    def belongs_to(self, language: str) -> bool:
        return "all" in self.languages or language in self.languages

    @property
    def canonical(self) -> str:
        return self.localises or self.tag


class HashtagRegistry:
    def __init__(self, tags: list[RegisteredTag]):
        self.tags = tags
        self._by_tag = {t.tag: t for t in tags}

    @classmethod
    def from_campaign(cls, campaign: dict) -> HashtagRegistry:
        return cls([
            RegisteredTag(entry["tag"], frozenset(entry.get("languages", ["all"])), entry.get("localises"))
            for entry in campaign.get("hashtags", [])
        ])

    def get(self, tag: str) -> RegisteredTag | None:
        return self._by_tag.get(tag)

    def for_language(self, language: str) -> list[RegisteredTag]:
        return [t for t in self.tags if t.belongs_to(language)]

    def in_language(self, tag: RegisteredTag, language: str) -> RegisteredTag:
        """The tag to write on a page of `language` for what `tag` means."""
        if tag.belongs_to(language):
            return tag
        same = [t for t in self.for_language(language) if t.canonical == tag.canonical]
        own = [t for t in same if language in t.languages]
        return (own or same or [tag])[0]

    def intended(self, written: str) -> tuple[RegisteredTag | None, str]:
        """The registered tag the writer probably meant, and how it was recognised:
        'exact', 'invisible', 'lookalike', 'case', 'runs on', 'near' (or None, '')."""
        if written in self._by_tag:
            return self._by_tag[written], "exact"
        visible = "".join(ch for ch in written if not is_invisible(ch))
        if visible != written and visible in self._by_tag:
            return self._by_tag[visible], "invisible"
        shape = skeleton(written)
        for tag in self.tags:
            if skeleton(tag.tag) == shape:
                if lookalike_characters(written):
                    return tag, "lookalike"
                if visible != written:
                    return tag, "invisible"
                return tag, "case"
        for tag in sorted(self.tags, key=lambda t: -len(t.tag)):
            if written.startswith(tag.tag):
                return tag, "runs on"
        return self._near_miss(shape)

    def _near_miss(self, shape: str) -> tuple[RegisteredTag | None, str]:
        best, best_ratio = None, NEAR_MISS
        for tag in self.tags:
            ratio = difflib.SequenceMatcher(None, shape, skeleton(tag.tag)).ratio()
            if ratio >= best_ratio:
                best, best_ratio = tag, ratio
        return best, ("near" if best else "")


def tag_problem(written: str, language: str, registry: HashtagRegistry,
                section: tuple[str, ...] = ()) -> Problem | None:
    """What is wrong with one hashtag (hash sign included) on a page of `language`."""
    tag, how = registry.intended(written)
    needles = (written,)
    if how == "exact" and tag.belongs_to(language):
        return None
    if tag is None:
        return Problem(
            what=f"the hashtag {written} is not in the campaign's hashtag registry",
            fix=f"use {_choices(registry, language)}, or ask a maintainer to register it in "
            "extra.campaign.hashtags (mkdocs.yml)",
            needles=needles, section=section)
    right = registry.in_language(tag, language).tag
    if how == "exact":
        return Problem(
            what=f"{written} is the hashtag for {', '.join(sorted(tag.languages))} pages; this page is {language}",
            fix=f"write {right}", needles=needles, section=section)
    reasons = {
        "invisible": lambda: "hides invisible character(s) "
        + ", ".join(describe(ch) for ch in written if is_invisible(ch)),
        "lookalike": lambda: "is spelled with look-alike character(s) "
        + ", ".join(describe(ch) for ch in lookalike_characters(written)),
        "case": lambda: f"is not written as registered ({tag.tag}): the capitals let screen readers say the words",
        "near": lambda: f"is not a registered hashtag; did you mean {right}?",
        "runs on": lambda: f"runs on into '{written[len(tag.tag):]}': X reads a hashtag up to the "
        "next space or punctuation mark",
    }
    hint = " (retype it rather than copying it)" if how in ("invisible", "lookalike") else ""
    fix = f"write {right}{hint}"
    if how == "runs on":
        fix = f"put a space after {tag.tag}" + (f" (and write {right} on {language} pages)" if right != tag.tag else "")
    return Problem(what=f"the hashtag {written} {reasons[how]()}", fix=fix,
                   needles=needles, section=section)


def _choices(registry: HashtagRegistry, language: str) -> str:
    tags = [t.tag for t in registry.for_language(language)]
    return ("one of " + ", ".join(tags)) if tags else "a registered hashtag"


# -- a text as readers (and X) see it ----------------------------------------------

def hashtag_problems(text: str, language: str, registry: HashtagRegistry,
                     section: tuple[str, ...] = ()) -> list[Problem]:
    """Every problem with the hashtags of one block of visible text."""
    if not any(sign in text for sign in HASH_SIGNS):
        return []
    problems = []
    for tag in extract_hashtags_with_indices(text):
        if _in_attribute_list(text, tag.start, tag.end):
            continue
        written = text[tag.start: _end_past_invisible(text, tag.end)]
        problem = tag_problem(written, language, registry, section)
        if problem:
            problems.append(problem)
    return problems + glued_problems(text, language, registry, section)


def page_hashtag_problems(page, language: str, registry: HashtagRegistry) -> list[Problem]:
    """Every hashtag problem of a rendered page (fov.base.rendered.RenderedPage): its
    visible text only (code and preformatted text are not in it); share cards
    are left to their own rule (fov.checks.snippets)."""
    return [
        problem
        for text in page.texts if not text.in_share_card
        for problem in hashtag_problems(text.text, language, registry, text.section)
    ]


def glued_problems(text: str, language: str, registry: HashtagRegistry,
                   section: tuple[str, ...] = ()) -> list[Problem]:
    """A registered tag (or a near miss) written right after a letter or digit:
    X does not take it for a hashtag. `C#`, `#1` and URL fragments are left alone."""
    problems = []
    spans = None
    for index, ch in enumerate(text):
        if ch not in HASH_SIGNS or index == 0 or _boundary_before(text, index) or text[index - 1] == "&":
            continue  # not glued (or glued to '&', as in a character reference)
        end = index + 1
        while end < len(text) and _is_tag_char(text[end]):
            end += 1
        written = text[index:end]
        if not any(_is_letter(c) for c in written) or _in_attribute_list(text, index, end):
            continue
        tag, _ = registry.intended(written)
        if tag is None:
            continue
        spans = url_spans(text) if spans is None else spans
        if any(start <= index < stop for start, stop in spans):
            continue
        word_start = index
        while word_start > 0 and _is_tag_char(text[word_start - 1]):
            word_start -= 1
        glued = text[word_start:end]
        after = written[len(tag.tag):] if written.startswith(tag.tag) else ""
        spaced = " ".join(p for p in (text[word_start:index], registry.in_language(tag, language).tag, after) if p)
        problems.append(Problem(
            what=f"the hashtag in '{glued}' is glued to the word before it, so X does not see a hashtag",
            fix=f"put a space before it{' and after it' if after else ''}: '{spaced}'",
            needles=(glued, written), section=section))
    return problems


def _end_past_invisible(text: str, end: int) -> int:
    """A tag cut short by an invisible character (#Future\\u200bOfVolunteering)
    is read to the end of what looks like one word."""
    position = end
    while position < len(text) and is_invisible(text[position]):
        position += 1
    if position == end or position >= len(text) or not _is_tag_char(text[position]):
        return end
    while position < len(text) and (_is_tag_char(text[position]) or is_invisible(text[position])):
        position += 1
    return position


def _in_attribute_list(text: str, start: int, end: int) -> bool:
    """`{#id}`, `{: #id .class }` left in the text by a misplaced attribute list."""
    opening = text.rfind("{", 0, start)
    if opening < 0 or "}" in text[opening:start]:
        return False
    closing = text.find("}", end)
    return closing >= 0 and "{" not in text[end:closing]
