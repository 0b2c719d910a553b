"""Stakeholder tags (hooks/stakeholder_actions.py adapts MkDocs' events to this):
each action is written once, and listed by whom it asks.

An action is a heading whose attribute list names who it addresses:

    ### Count volunteering in policy {#recognise-1 data-stakeholders="governments vios"}

`StakeholderExtension` (1) writes a line under that heading, "Addressed to:
Governments · Volunteer-involving organisations", each name linking to its
section of the stakeholder page, and (2) marks that page's placeholders

    Every action addressed to governments is listed here.
    { .fov-actions data-stakeholder="governments" }

which `fill_action_lists` replaces by the list of actions addressed to that
stakeholder, from every page of the language being built. A second attribute,
`data-with="vios volunteers"`, names those who join in: the line says both, and
the stakeholder page lists the action in their sections too, marked as one they
take part in. The words (labels, names) are the language's
(docs/.translations/<language>.yml: `stakeholders`, `actions`); keys and
sections: `extra.campaign.stakeholders`; actions addressed to "all" are listed
in every section.
"""

from __future__ import annotations

import html
import posixpath
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

from markdown import Extension
from markdown.treeprocessors import Treeprocessor
from mkdocs.utils import get_relative_url

from fov.base.findings import Finding
from fov.base.source_map import SourceMap
from fov.data.campaign import Campaign, DEFAULT_STAKEHOLDER_PAGE, Languages

HEADINGS = {"h2", "h3", "h4", "h5", "h6"}
EVERY_SECTION = "all"
# The attribute that makes a heading an action of the call: whom it addresses.
ACTION_ATTRIBUTE = "data-stakeholders"


@dataclass
class Context:
    """What the tree processor needs, set by the hook for each build and page."""
    campaign: Campaign | None = None
    languages: Languages | None = None
    page: Any = None  # the page being rendered
    where: Callable[[Any], str] = lambda page: page.file.src_uri  # the page's repository path
    report: Callable[[Finding], None] = lambda finding: None
    actions: dict = field(default_factory=dict)  # page src_uri -> [(id, title, [addressed], [joining])]

    @property
    def stakeholders(self) -> Mapping[str, Mapping[str, Any]]:
        return self.campaign.stakeholders if self.campaign else {}

    @property
    def stakeholder_page(self) -> str:
        return self.campaign.stakeholder_page if self.campaign else DEFAULT_STAKEHOLDER_PAGE

    def words(self, per_language) -> str:
        return self.campaign.word(per_language, self.languages, self.languages.current)

    def campaign_words(self, key: str) -> str:
        return self.words(self.campaign.data.get(key, {}))

    def label(self, key: str) -> str:
        return self.words(self.stakeholders[key].get("label"))


def placeholder(key: str) -> str:
    return f'<div class="fov-actions" data-stakeholder="{html.escape(key)}"></div>'


def heading_text(heading: etree.Element) -> str:
    """The heading's words, without the permalink that the toc extension adds."""
    parts = [heading.text or ""]
    for child in heading:
        if "headerlink" not in child.get("class", ""):
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return "".join(parts).strip()


class StakeholderTreeprocessor(Treeprocessor):
    def __init__(self, md, context: Context):
        super().__init__(md)
        self.context = context

    def run(self, root: etree.Element) -> None:
        page = self.context.page
        found = []
        for parent in list(root.iter()):
            # Rebuild the children so that insertions never shift what follows.
            children = []
            for child in list(parent):
                if child.tag in HEADINGS and ACTION_ATTRIBUTE in child.attrib:
                    keys = self._keys(child.attrib.pop(ACTION_ATTRIBUTE), child)
                    joining = self._keys(child.attrib.pop("data-with", ""), child)
                    found.append((child.get("id", ""), heading_text(child), keys, joining))
                    children += [child, self._audience(keys, joining)]
                elif child.tag == "p" and "data-stakeholder" in child.attrib:
                    self._keys(child.attrib["data-stakeholder"], child)
                    marker = etree.Element("p")
                    marker.text = self.md.htmlStash.store(placeholder(child.attrib["data-stakeholder"]))
                    marker.tail = child.tail
                    children.append(marker)
                else:
                    children.append(child)
            parent[:] = children
        if page is not None:
            self.context.actions[page.file.src_uri] = found

    def _keys(self, value: str, element: etree.Element) -> list[str]:
        keys = value.split()
        stakeholders = self.context.stakeholders
        for key in keys:
            if key not in stakeholders:
                page = self.context.page
                where = self.context.where(page) if page else "mkdocs.yml"
                line = SourceMap(page.file.content_string, where).find(value) if page else 1
                self.context.report(Finding(
                    where, line or 1, f"unknown stakeholder '{key}' on '{heading_text(element)}'",
                    f"use one of: {', '.join(sorted(stakeholders))} (extra.campaign.stakeholders in mkdocs.yml)"))
        return [k for k in keys if k in stakeholders]

    def _audience(self, keys: list[str], joining: list[str]) -> etree.Element:
        line = etree.Element("p", {"class": "fov-audience"})
        self._names(line, self.context.campaign_words("audience_label"), keys)
        if joining:
            etree.SubElement(line, "br")
            self._names(line, self.context.campaign_words("with_label"), joining)
        return line

    def _names(self, line: etree.Element, label: str, keys: list[str]) -> None:
        strong = etree.SubElement(line, "strong")
        strong.text = label
        strong.tail = " "
        target = _link_to_stakeholder_page(self.context)
        for n, key in enumerate(keys):
            section = self.context.stakeholders[key]["section"]
            link = etree.SubElement(line, "a", {"href": f"{target}#{section}"})
            link.text = self.context.label(key)
            link.tail = " · " if n < len(keys) - 1 else ""


def _link_to_stakeholder_page(context: Context) -> str:
    """The stakeholder page as a Markdown link written in the page's own folder."""
    page = context.page
    if page is None:
        return context.stakeholder_page
    here = getattr(page.file, "norm_src_uri", None) or page.file.src_uri
    return posixpath.relpath(context.stakeholder_page, posixpath.dirname(here) or ".")


class StakeholderExtension(Extension):
    def __init__(self, context: Context, **kwargs):
        super().__init__(**kwargs)
        self.context = context

    def extendMarkdown(self, md):
        # Before MkDocs' own link processor (priority 0) so the links above
        # are validated and made relative like any link written by hand.
        md.treeprocessors.register(StakeholderTreeprocessor(md, self.context), "fov_stakeholders", 5)


def fill_action_lists(context: Context, pages: list) -> None:
    """Replace each placeholder of the pages by its stakeholder's list of actions."""
    action_pages = [p for p in pages if context.actions.get(p.file.src_uri)]
    stakeholders = context.stakeholders
    for page in pages:
        if page.content and 'class="fov-actions" data-stakeholder=' in page.content:
            for key, data in stakeholders.items():
                # Keys that share a section (volunteers, all) share its list.
                same_section = {k for k, v in stakeholders.items() if v["section"] == data["section"]}
                page.content = page.content.replace(placeholder(key), action_list(context, same_section, page, action_pages))


def action_list(context: Context, keys: set[str], list_page, pages) -> str:
    items = []
    for page in pages:
        for anchor, title, action_keys, joining in context.actions.get(page.file.src_uri, []):
            addressed = bool(keys & set(action_keys)) or EVERY_SECTION in action_keys
            if not addressed and not keys & set(joining):
                continue
            url = get_relative_url(page.url or ".", list_page.url or ".")
            href = html.escape(f"{url}#{anchor}")
            role = "" if addressed else \
                f' <span class="fov-actions__with">{html.escape(context.campaign_words("with_role"))}</span>'
            items.append(f'<li><a href="{href}">{html.escape(title)}</a>{role}'
                         f' <span class="fov-actions__page">— {html.escape(page.title or "")}</span></li>')
    return '<ul class="fov-actions">' + "".join(items) + "</ul>"
