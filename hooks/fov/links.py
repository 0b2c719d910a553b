"""The links of a rendered page: where they go out of the site (fov.urls says
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

from dataclasses import dataclass

from fov.findings import Problem
from fov.rendered import RenderedPage, raw_attribute_value
from fov.urls import LinkPolicy, link_problems

# Attributes that link (or load) somewhere; SVG animation values are only
# checked for dangerous schemes (fov.unsafe_html).
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
