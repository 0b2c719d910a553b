"""Stakeholder tags: each action is written once, and listed by whom it asks.

An action is a heading whose attribute list names who it addresses:

    ### Count volunteering in policy {#recognise-1 data-stakeholders="governments vios"}

This hook (1) writes a line under that heading, "Addressed to: Governments ·
Volunteer-involving organisations", each name linking to its section of the
"What the call asks of you" page, and (2) fills that page: a paragraph marked

    Every action addressed to governments is listed here.
    { .fov-actions data-stakeholder="governments" }

is replaced by the list of actions addressed to that stakeholder, in every
page of the language being built.

The call tells whom an action is addressed to from whom it is done with: a
second attribute names those who join in,

    ### Build policies together {#support-1 data-stakeholders="governments" data-with="vios volunteers"}

and the line under the heading says both ("Addressed to: Governments —
Together with: Volunteer-involving organisations · Volunteers themselves");
on the stakeholder page such an action is listed in the sections of those who
join in too, marked as one they take part in (`with_label` and `with_role` in
extra.campaign). Without the hook the headings and the
sentence still read well. Stakeholder keys, labels and sections live in
`extra.campaign.stakeholders` in mkdocs.yml; actions addressed to "all"
stakeholders are listed in every section.
"""

from __future__ import annotations

import html
import posixpath
import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor
from mkdocs.plugins import get_plugin_logger
from mkdocs.utils import get_relative_url

from fov.campaign import campaign, languages
from fov.page_context import repo_path
from fov import report as channel
from fov.findings import Finding

log = get_plugin_logger("stakeholder_actions")

HEADINGS = {"h2", "h3", "h4", "h5", "h6"}
EVERY_SECTION = "all"


class _State:
    config = None
    campaign = None  # fov.campaign.Campaign
    languages = None  # fov.campaign.Languages
    page = None  # the page being rendered
    language = "en"
    actions: dict = {}  # page src_uri -> [(id, title, [addressed keys], [keys joining in])]
    stakeholders: dict = {}
    audience_label: dict = {}
    with_label: dict = {}
    with_role: dict = {}
    stakeholder_page = "stakeholders.md"  # language-free path of "What the call asks of you"


def _label(key: str) -> str:
    return _words(_State.stakeholders[key].get("label"))


def _words(per_language: dict) -> str:
    return _State.campaign.word(per_language, _State.languages, _State.language)


def _placeholder(key: str) -> str:
    return f'<div class="fov-actions" data-stakeholder="{html.escape(key)}"></div>'


def _source_line(markdown: str, needle: str) -> int:
    for number, line in enumerate(markdown.splitlines(), start=1):
        if needle in line:
            return number
    return 0


def _heading_text(heading: etree.Element) -> str:
    """The heading's words, without the permalink that the toc extension adds."""
    parts = [heading.text or ""]
    for child in heading:
        if "headerlink" not in child.get("class", ""):
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return "".join(parts).strip()


class _StakeholderTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        page = _State.page
        found = []
        for parent in list(root.iter()):
            # Rebuild the children so that insertions never shift what follows.
            children = []
            for child in list(parent):
                if child.tag in HEADINGS and "data-stakeholders" in child.attrib:
                    keys = self._keys(child.attrib.pop("data-stakeholders"), child)
                    joining = self._keys(child.attrib.pop("data-with", ""), child)
                    found.append((child.get("id", ""), _heading_text(child), keys, joining))
                    children += [child, self._audience(keys, joining)]
                elif child.tag == "p" and "data-stakeholder" in child.attrib:
                    self._keys(child.attrib["data-stakeholder"], child)
                    placeholder = etree.Element("p")
                    placeholder.text = self.md.htmlStash.store(_placeholder(child.attrib["data-stakeholder"]))
                    placeholder.tail = child.tail
                    children.append(placeholder)
                else:
                    children.append(child)
            parent[:] = children
        if page is not None:
            _State.actions[page.file.src_uri] = found

    def _keys(self, value: str, element: etree.Element) -> list[str]:
        keys = value.split()
        for key in keys:
            if key not in _State.stakeholders:
                page = _State.page
                where = repo_path(page.file, _State.config) if page else "mkdocs.yml"
                line = _source_line(page.file.content_string, value) if page else 1
                known = ", ".join(sorted(_State.stakeholders))
                channel.report(log, Finding(
                    where, line or 1, f"unknown stakeholder '{key}' on '{_heading_text(element)}'",
                    f"use one of: {known} (extra.campaign.stakeholders in mkdocs.yml)"))
        return [k for k in keys if k in _State.stakeholders]

    def _audience(self, keys: list[str], joining: list[str]) -> etree.Element:
        line = etree.Element("p", {"class": "fov-audience"})
        self._names(line, _words(_State.audience_label), keys)
        if joining:
            etree.SubElement(line, "br")
            self._names(line, _words(_State.with_label), joining)
        return line

    @staticmethod
    def _names(line: etree.Element, label: str, keys: list[str]) -> None:
        strong = etree.SubElement(line, "strong")
        strong.text = label
        strong.tail = " "
        target = _link_to_stakeholder_page(_State.page)
        for n, key in enumerate(keys):
            section = _State.stakeholders[key]["section"]
            link = etree.SubElement(line, "a", {"href": f"{target}#{section}"})
            link.text = _label(key)
            link.tail = " · " if n < len(keys) - 1 else ""


def _link_to_stakeholder_page(page) -> str:
    """The stakeholder page as a Markdown link written in `page`'s own folder."""
    if page is None:
        return _State.stakeholder_page
    here = getattr(page.file, "norm_src_uri", None) or page.file.src_uri
    return posixpath.relpath(_State.stakeholder_page, posixpath.dirname(here) or ".")


class _StakeholderExtension(Extension):
    def extendMarkdown(self, md):
        # Before MkDocs' own link processor (priority 0) so the links above
        # are validated and made relative like any link written by hand.
        md.treeprocessors.register(_StakeholderTreeprocessor(md), "fov_stakeholders", 5)


def on_config(config):
    _State.config = config
    data = _State.campaign = campaign(config)
    _State.stakeholders = data.stakeholders
    _State.audience_label = data.data.get("audience_label", {})
    _State.with_label = data.data.get("with_label", {})
    _State.with_role = data.data.get("with_role", {})
    _State.stakeholder_page = data.stakeholder_page or _State.stakeholder_page
    # on_config runs again for every language static-i18n builds: add once.
    if not any(isinstance(e, _StakeholderExtension) for e in config.markdown_extensions):
        config.markdown_extensions.append(_StakeholderExtension())
    return config


def on_pre_build(config):
    _State.actions = {}
    _State.languages = languages(config)
    _State.language = _State.languages.current


def on_page_markdown(markdown, page, config, files):
    _State.page = page
    return markdown


def on_env(env, config, files):
    pages = [f.page for f in files.documentation_pages() if f.page is not None]
    action_pages = [p for p in pages if _State.actions.get(p.file.src_uri)]
    for page in pages:
        if page.content and 'class="fov-actions" data-stakeholder=' in page.content:
            for key, data in _State.stakeholders.items():
                # Keys that share a section (volunteers, all) share its list.
                same_section = {k for k, v in _State.stakeholders.items() if v["section"] == data["section"]}
                page.content = page.content.replace(
                    _placeholder(key), _action_list(same_section, page, action_pages)
                )
    return env


def _action_list(keys: set[str], list_page, pages) -> str:
    items = []
    for page in pages:
        for anchor, title, action_keys, joining in _State.actions.get(page.file.src_uri, []):
            addressed = bool(keys & set(action_keys)) or EVERY_SECTION in action_keys
            if not addressed and not keys & set(joining):
                continue
            url = get_relative_url(page.url or ".", list_page.url or ".")
            href = html.escape(f"{url}#{anchor}")
            role = "" if addressed else \
                f' <span class="fov-actions__with">{html.escape(_words(_State.with_role))}</span>'
            items.append(f'<li><a href="{href}">{html.escape(title)}</a>{role}'
                         f' <span class="fov-actions__page">— {html.escape(page.title or "")}</span></li>')
    return '<ul class="fov-actions">' + "".join(items) + "</ul>"
