"""Parity: a translation keeps the English page's links, e-mail addresses and
heading ids.

The sign-up links above all: a translator may translate a link's words but
must not drop or alter its address, and every heading keeps its {#id} so that
links and anchors work in every language.

`page_facts` extracts what parity compares from a rendered page;
`parity_findings(english, translated, skip_sections)` compares two pages. A
section listed in `skip_sections` (for instance one whose translation is
known to be out of date) is left out with everything under it: its heading
id, its subsections, its links and addresses. An English link or address that
also appears in a section not skipped is still required.

The home page's figures, cards, stakeholder entries and organisations are
drawn from front matter (overrides/home.html): their links and numbers are
campaign data, the same in every language by construction, and their words'
structure (the same ids and {placeholders} as the English page, the plural
forms the language needs) is checked by `fov.pages.home.home_problems`
(hooks/home_page.py), with the same file:line findings.
"""

from __future__ import annotations

from dataclasses import dataclass

from fov.base.findings import Finding
from fov.base.rendered import RenderedPage
from fov.base.source_map import SourceMap
from fov.data.urls import mailto_addresses, scheme

SHARE_SERVICE = "fov-snippet__service"  # a share card's links to X, Facebook... (made from the card)


@dataclass(frozen=True)
class Item:
    value: str
    section: tuple[str, ...]  # ids of the headings above it (a heading: itself last)
    line: int


@dataclass(frozen=True)
class PageFacts:
    path: str
    headings: tuple[Item, ...]
    links: tuple[Item, ...]  # https:// and http:// links out of the site
    emails: tuple[Item, ...]  # addresses of mailto: links
    auto_ids: frozenset[str] = frozenset()  # heading ids made from the words, not written
    explicit_ids: frozenset[str] = frozenset()  # every id written in the page ({#id}, id="...")


def page_facts(page: RenderedPage, source: SourceMap, auto_ids: frozenset[str] = frozenset()) -> PageFacts:
    written = source.markdown_heading_lines()
    in_order = written if len(written) == len(page.headings) else []  # else: no raw-HTML headings
    headings = tuple(
        Item(h.id, h.section, source.heading_line(h.id)
             or (in_order[n] if in_order else source.section_line(h.section[:-1])) or 1)
        for n, h in enumerate(page.headings) if h.id
    )
    links, emails = [], []
    for element in page.elements:
        href = element.get("href")
        if element.tag != "a" or not href or SHARE_SERVICE in element.classes:
            continue
        found = scheme(href)
        if found in ("http", "https"):
            links.append(Item(href, element.section, source.line_for((href,), element.section)))
        elif found == "mailto":
            emails += [Item(a, element.section, source.line_for((a,), element.section))
                       for a in mailto_addresses(href)]
    return PageFacts(source.path, headings, tuple(links), tuple(emails), frozenset(auto_ids),
                     frozenset(page.ids - set(auto_ids)))


def parity_findings(english: PageFacts, translated: PageFacts,
                    skip_sections: frozenset[str] | set[str] = frozenset()) -> list[Finding]:
    skip = frozenset(skip_sections)
    lines = {h.value: h.line for h in translated.headings}
    findings = []
    english_ids = {h.value for h in english.headings}
    unmatched = [h for h in translated.headings if h.value not in english_ids]
    for heading in _required(english.headings, skip):
        if heading.value not in lines:
            instead = _counterpart(english, heading, unmatched)
            if instead is not None:
                unmatched.remove(instead)
                lines[heading.value] = instead.line  # what its section lacks is named there too
                findings.append(_changed_heading(english, translated, heading, instead))
            else:
                findings.append(_missing_heading(english, translated, heading, lines))
    for kind, english_items, translated_items in (
        ("link to", english.links, translated.links),
        ("e-mail address", english.emails, translated.emails),
    ):
        present = {item.value for item in translated_items}
        for item in _required(english_items, skip):
            if item.value not in present:
                findings.append(_missing_item(kind, english, translated, item, lines))
    return findings


def _required(items: tuple[Item, ...], skip: frozenset[str]) -> list[Item]:
    """The items outside skipped sections, each value once (its first place)."""
    seen, kept = set(), []
    for item in items:
        if item.value in seen or skip.intersection(item.section):
            continue
        seen.add(item.value)
        kept.append(item)
    return kept


def _line_in_translation(section: tuple[str, ...], lines: dict[str, int]) -> int:
    for anchor in reversed(section):
        if anchor in lines:
            return lines[anchor]
    return 1


def _counterpart(english: PageFacts, heading: Item, unmatched: list[Item]) -> Item | None:
    """The translated heading, with an id the English has not, that stands where the
    English `heading` stands: under the same parent, nearest in order."""
    same_parent = [h for h in unmatched if h.section[:-1] == heading.section[:-1]]
    if not same_parent:
        return None
    siblings = [h for h in english.headings if h.section[:-1] == heading.section[:-1]]
    position = siblings.index(heading) if heading in siblings else 0
    return min(same_parent, key=lambda h: abs(same_parent.index(h) - position)
               + (0 if len(h.section) == len(heading.section) else 100))


def _changed_heading(english, translated, heading, instead) -> Finding:
    made = heading.value in english.auto_ids
    return Finding(
        translated.path, instead.line,
        what=("this heading has no written id" if instead.value in translated.auto_ids
              else f"this heading has the id '#{instead.value}'") + ", where the English heading "
        f"({english.path}:{heading.line}) has '#{heading.value}'"
        + (" (made from its words: it has no written id)" if made else ""),
        fix=(f"give the English heading an explicit id, '{{#{heading.value}}}', and this heading the same"
             if made else
             f"end this heading with '{{#{heading.value}}}' (the id stays in English, in every language)"))


def _missing_heading(english, translated, heading, lines) -> Finding:
    made = heading.value in english.auto_ids
    return Finding(
        translated.path, _line_in_translation(heading.section[:-1], lines),
        what=f"the heading id '#{heading.value}' of {english.path}:{heading.line} is missing from "
        "this translation" + (" (the English heading has no written id either)" if made else ""),
        fix=(f"give the English heading an explicit id, '{{#{heading.value}}}', and the translated heading the same"
             if made else
             f"end the heading that translates it with '{{#{heading.value}}}' (the id stays in English)"))


def _missing_item(kind, english, translated, item, lines) -> Finding:
    where = f" in section #{item.section[-1]}" if item.section else ""
    what = "link" if kind == "link to" else "address"
    return Finding(
        translated.path, _line_in_translation(item.section, lines),
        what=f"the English page ({english.path}:{item.line}) has the {kind} {item.value}{where}; "
        "this translation has not",
        fix=f"keep the {what} unchanged in the translated section: translate its words, not its address")
