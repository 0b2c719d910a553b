"""The links of a rendered page: where they go out of the site (fov.data.urls says
which are allowed) and which anchors of the site they point at.

Links inside the site (pages, anchors, images) are MkDocs' `validation:`
business; this adds what it does not know about:

- an anchor must be an id written in the target page ({#id}), not one the
  toc made from the heading's words (it changes with the words, and differs
  in every language);
- a link from a translated page to an anchor that the English page has but
  the translated target page lacks: the translator left out or changed the
  heading's {#id}. (A link to a page that has no translation yet reaches the
  English fallback page and is fine.)
"""

from __future__ import annotations

import difflib
import posixpath
import re
from dataclasses import dataclass

from fov.base.findings import nearest_name, Problem
from fov.base.rendered import raw_attribute_value, RenderedPage
from fov.data.urls import link_problems, LinkPolicy

# Attributes that link (or load) somewhere; SVG animation values are only
# checked for dangerous schemes (fov.checks.unsafe_html).
LINK_ATTRIBUTES = ("href", "src", "srcset", "poster", "cite", "action", "formaction", "data",
                   "xlink:href", "background", "longdesc")


def page_link_problems(page: RenderedPage, policy: LinkPolicy) -> list[Problem]:
    problems = []
    for element in page.elements:
        for name, value in element.attrs:
            if name not in LINK_ATTRIBUTES:
                continue
            raw = raw_attribute_value(element.raw, name)
            for url in _urls(name, value):
                needles = tuple(dict.fromkeys(n for n in (raw, url, url.replace("&", "&amp;")) if n))
                written = raw if name != "srcset" else ""
                problems += link_problems(url, policy, needles, element.section, written)
    return problems


def _urls(name: str, value: str) -> list[str]:
    if name == "srcset":
        return [part.strip().split(" ")[0] for part in value.split(",") if part.strip()]
    return [value]


def anchors_only_in_permalinks(page: RenderedPage) -> set[str]:
    """Anchors of the page's own links that only the toc's ¶ permalinks use
    (a heading's permalink points at its id, written or not)."""
    def anchors(permalink: bool) -> set[str]:
        return {e.get("href")[1:] for e in page.elements
                if e.tag == "a" and (e.get("href") or "").startswith("#")
                and ("headerlink" in e.classes) == permalink}
    return anchors(True) - anchors(False)


@dataclass(frozen=True)
class AnchorTarget:
    path: str  # the target page's file, e.g. docs/zh-Hant/take-action.md
    ids: frozenset[str]  # every id of the rendered page
    auto_ids: frozenset[str] = frozenset()  # ids the toc made from headings' words
    english_path: str | None = None  # the English page, when the target is a translation
    english_ids: frozenset[str] = frozenset()  # ids written in the English page


def anchor_problem(link: str, anchor: str, target: AnchorTarget) -> Problem | None:
    """What is wrong with a link to `#anchor` of `target` (None: fine, or MkDocs' business)."""
    if anchor in target.auto_ids:
        return Problem(
            what=f"the link '{link}' points at '#{anchor}', an id made from the words of a heading "
            f"in {target.path}: it changes when the heading is reworded or translated",
            fix=f"give that heading an explicit id, '## ... {{#{anchor}}}' (and the same id in "
            "each translation)",
            needles=(link,))
    if anchor in target.ids:
        return None
    if target.english_path and anchor in target.english_ids:
        return Problem(
            what=f"the link '{link}' points at '#{anchor}', which {target.english_path} has but "
            f"its translation {target.path} lacks",
            fix=f"give the heading of {target.path} that translates it the same id: '## ... {{#{anchor}}}'",
            needles=(link,))
    return None  # missing everywhere: MkDocs' anchor validation reports it


# --- MkDocs' own link warnings, placed at their line with a fix ------------------------------

_NOT_FOUND = re.compile(
    r"^Doc file '(?P<doc>.+?)' contains a link '(?P<link>.+?)', but the target(?: '(?P<target>.+?)')? "
    r"is not found among documentation files\.(?: Did you mean '(?P<mean>.+?)'\?)?$", re.S)
_NO_ANCHOR = re.compile(
    r"^Doc file '(?P<doc>.+?)' contains a link '(?P<link>.+?)', but (?:there is no such anchor on "
    r"this page|the doc '(?P<target>.+?)' does not contain an anchor '#(?P<anchor>.+?)')\.", re.S)
_LEFT_AS_IS = re.compile(
    r"^Doc file '(?P<doc>.+?)' contains an? (?P<kind>absolute|unrecognized relative) link "
    r"'(?P<link>.+?)', it was left as is\.", re.S)


@dataclass(frozen=True)
class BrokenLink:
    doc: str  # src_uri of the page with the link
    link: str  # as MkDocs gives it
    problem: Problem


def broken_link(message: str, pages: list[str], anchors, docs: str = "docs") -> BrokenLink | None:
    """MkDocs' line-less warning about a link, as a problem with a fix (None: not one of its
    link warnings). `pages`: the src_uris of the build's pages; `anchors(src_uri)`: the ids
    of that page, or None when it is unknown; `docs`: the docs folder, from the repository root."""
    if match := _NOT_FOUND.match(message):
        doc, link = match["doc"], match["link"]
        target = match["target"] or posixpath.normpath(posixpath.join(posixpath.dirname(doc), link))
        fix = (f"write '{match['mean']}'" if match["mean"]
               else _nearest_page(doc, link.split("#")[0], pages))
        return BrokenLink(doc, link, Problem(
            what=f"the link '{link}' goes to {docs}/{target}, which does not exist",
            fix=fix, needles=(f"]({link}", link)))
    if match := _NO_ANCHOR.match(message):
        doc, link = match["doc"], match["link"]
        target = match["target"] or doc
        anchor = match["anchor"] or link.partition("#")[2]
        ids = sorted(i for i in (anchors(target) or ()) if not i.startswith(("fn:", "fnref:")))
        near = difflib.get_close_matches(anchor, ids, n=1, cutoff=0.5)
        base = link.partition("#")[0]
        if near:
            fix = f"write '{base}#{near[0]}', the nearest id of that page"
        elif ids:
            fix = f"point it at one of the ids of that page: {', '.join('#' + i for i in ids[:12])}"
        else:
            fix = f"link to the page without '#{anchor}': it has no ids"
        return BrokenLink(doc, link, Problem(
            what=f"the link '{link}' points at '#{anchor}', but {docs}/{target} has no such id",
            fix=fix, needles=(f"]({link}", link)))
    if match := _LEFT_AS_IS.match(message):
        doc, link = match["doc"], match["link"]
        return BrokenLink(doc, link, Problem(
            what=f"the link '{link}' is not a link to a page of the site (it is left as is)",
            fix="link to the page's Markdown file, relative to this page, e.g. "
            + _nearest_page(doc, link.strip("/").split("#")[0] + ".md", pages, plain=True),
            needles=(f"]({link}", link)))
    return None


def _nearest_page(doc: str, link: str, pages: list[str], plain: bool = False) -> str:
    folder = doc.split("/")[0] + "/" if "/" in doc else ""
    mine = sorted(p for p in pages if p.startswith(folder) and p != doc)
    relative = {posixpath.relpath(p, posixpath.dirname(doc) or "."): p for p in mine}
    near = nearest_name(link, list(relative))
    if near:
        return f"'{near}'" if plain else f"link to '{near}', the page with the nearest name"
    if not relative:
        return "'page.md'" if plain else "check the file name in the link"
    choice = ", ".join(f"'{r}'" for r in list(relative)[:12])
    return choice if plain else f"link to one of the pages: {choice}"
