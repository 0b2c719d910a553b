"""A Markdown page as front matter plus sections, each section keyed by its heading id.

A section runs from one heading to the next heading of any level, so an action
(`### ... {#support-1}`) is a section of its own. Each section has a short
content hash of its normalised text (whitespace runs collapsed), so re-wrapping
a paragraph is not a change but any edit of words is. The page's description
(front matter) is the pseudo-section `_meta`; text above the first heading, if
any, is `_intro`. No git needed: everything is computed from the text.
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass

import yaml

from fov.base import yaml_fast

META = "_meta"
INTRO = "_intro"
HASH_LENGTH = 8
# Front matter keys a translator translates (their change outdates a translation).
TRANSLATED_META_KEYS = ("title", "description")

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*$")
_ATTR_LIST = re.compile(r"\{:?([^{}]*)\}[ \t]*$")
_ID_IN_ATTRS = re.compile(r"(?:^|\s)#([^\s}]+)")


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    level: int  # 0 for the pseudo-sections
    line: int  # 1-based line of the heading in the whole file
    text: str

    @functools.cached_property
    def hash(self) -> str:
        return section_hash(self.text)


@dataclass(frozen=True)
class Document:
    front_matter: str | None  # raw YAML between the --- lines, or None
    meta: dict
    body: str
    body_line: int  # 1-based line where the body starts
    sections: tuple[Section, ...]

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)

    @property
    def ids(self) -> list[str]:
        return [s.id for s in self.sections]

    @property
    def hashes(self) -> dict[str, str]:
        return {s.id: s.hash for s in self.sections}


def normalise(text: str) -> str:
    return " ".join(text.split())


def section_hash(text: str) -> str:
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()[:HASH_LENGTH]


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """(front matter YAML or None, body, 1-based line where the body starts),
    the way MkDocs reads it: a first line `---`, closed by `---` or `...`."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        return None, text, 1
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return "".join(lines[1:index]), "".join(lines[index + 1:]), index + 2
    return None, text, 1


@functools.lru_cache(maxsize=4096)
def parse(text: str) -> Document:
    """The page's Document. Kept by its text: a build reads each page for several
    hooks and in every language's build; a changed page is a new text. The
    Document is shared: read it, never change its `meta`."""
    front_matter, body, body_line = split_front_matter(text)
    meta = _load_meta(front_matter)
    sections = []
    meta_text = _meta_text(meta)
    if meta_text:
        sections.append(Section(META, "", 0, 1, meta_text))
    sections.extend(_body_sections(body, body_line))
    return Document(front_matter, meta, body, body_line, tuple(sections))


def _load_meta(front_matter: str | None) -> dict:
    if not front_matter:
        return {}
    try:
        data = yaml_fast.load(front_matter)
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}


def _meta_text(meta: dict) -> str:
    return "\n".join(f"{key}: {meta[key]}" for key in TRANSLATED_META_KEYS if meta.get(key))


def headings(body: str, body_line: int = 1):
    """Yield (line number, level, title, id) for each ATX heading outside code fences."""
    fence = None
    seen: dict[str, int] = {}
    for offset, line in enumerate(body.splitlines()):
        opening = _FENCE.match(line)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
            continue
        if opening:
            fence = opening.group(1)
            continue
        match = _ATX.match(line)
        if match:
            level = len(match.group(1))
            title, explicit_id = _title_and_id(match.group(2).rstrip("#").rstrip())
            heading_id = explicit_id or _unique(_slug(title), seen)
            seen[heading_id] = seen.get(heading_id, 0)
            yield body_line + offset, level, title, heading_id


def _body_sections(body: str, body_line: int) -> list[Section]:
    lines = body.splitlines()
    found = list(headings(body, body_line))
    sections = []
    first = found[0][0] - body_line if found else len(lines)
    intro = "\n".join(lines[:first]).strip()
    if intro:
        sections.append(Section(INTRO, "", 0, body_line, intro))
    for index, (line, level, title, heading_id) in enumerate(found):
        start = line - body_line
        end = found[index + 1][0] - body_line if index + 1 < len(found) else len(lines)
        text = "\n".join(lines[start:end]).strip()
        sections.append(Section(heading_id, title, level, line, text))
    return sections


def _title_and_id(heading: str) -> tuple[str, str | None]:
    attrs = _ATTR_LIST.search(heading)
    if not attrs:
        return heading, None
    found = _ID_IN_ATTRS.search(attrs.group(1))
    return heading[: attrs.start()].rstrip(), (found.group(1) if found else None)


def _slug(title: str) -> str:
    """The id Python-Markdown's toc gives a heading without an explicit one
    (the site's slugify: pymdownx.slugs, lower case)."""
    from pymdownx.slugs import slugify

    plain = re.sub(r"[*_`]|\[([^\]]*)\]\([^)]*\)", lambda m: m.group(1) or "", title)
    return slugify(case="lower")(plain, "-")


def _unique(slug: str, seen: dict[str, int]) -> str:
    if slug not in seen:
        return slug
    seen[slug] += 1
    return f"{slug}_{seen[slug]}"
