"""Code a page must not carry: Markdown lets an author write raw HTML and
attribute lists, so a pull request could slip a script into the site.

Checked on the page content as rendered (read by a real HTML parser, so
character references and odd spacing are decoded as a browser decodes them):
no element that runs or embeds code or sends the reader elsewhere (script,
iframe, object, embed, form, base, meta refresh...), no event-handler
attribute (on...), no dangerous URL scheme in any attribute.
"""

from __future__ import annotations

import re

from fov.base.findings import Problem
from fov.base.rendered import Element, raw_attribute_value, RenderedPage
from fov.data.urls import browser_form, dangerous_scheme_problem, SCRIPT_SCHEMES, URL_ATTRIBUTES

FORBIDDEN = {
    "script": "runs code",
    "iframe": "embeds another site",
    "frame": "embeds another site",
    "frameset": "embeds other sites",
    "object": "embeds a plug-in or another document",
    "embed": "embeds a plug-in or another document",
    "applet": "runs a Java applet",
    "portal": "embeds another site",
    "form": "sends what readers type to another address",
    "base": "changes where every relative link of the page goes",
}
TEXT_ATTRIBUTES = {"title", "alt", "placeholder", "label", "summary", "abbr"}
_CSS_DANGER = re.compile(r"expression\s*\(|-moz-binding|behavior\s*:|@import", re.IGNORECASE)
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]*)", re.IGNORECASE)


def unsafe_html_problems(page: RenderedPage) -> list[Problem]:
    problems = []
    for element in page.elements:
        problems += element_problems(element)
    return problems


def element_problems(element: Element) -> list[Problem]:
    problems = []
    tag = element.tag
    if tag in FORBIDDEN:
        problems.append(_problem(element, f"the <{tag}> element {FORBIDDEN[tag]}",
                                 f"remove the <{tag}> element", (element.raw, f"<{tag}")))
    if tag == "meta" and (element.get("http-equiv") or "").strip().lower() == "refresh":
        problems.append(_problem(element, "<meta http-equiv=\"refresh\"> sends readers to another page",
                                 "remove the <meta> element; link to the page instead",
                                 (element.raw, "http-equiv")))
    for name, value in element.attrs:
        problems += attribute_problems(element, name, value)
    return problems


def attribute_problems(element: Element, name: str, value: str) -> list[Problem]:
    needles = _attribute_needles(element, name, value)
    if name.startswith("on"):
        return [_problem(element, f"the '{name}' attribute runs code when the reader interacts with the page",
                         f"remove {name}=\"...\" from the element (in an attribute list or HTML tag)",
                         needles)]
    if name in URL_ATTRIBUTES:
        values = [part.strip().split(" ")[0] for part in value.split(",")] if name == "srcset" else [value]
        written = raw_attribute_value(element.raw, name) if name != "srcset" else ""
        problems = [dangerous_scheme_problem(v, needles, element.section, written) for v in values]
        return [p for p in problems if p]
    if name == "style":
        return _style_problems(element, value, needles)
    if name == "srcdoc":
        return [_problem(element, "the 'srcdoc' attribute embeds a whole HTML document",
                         "remove the attribute", needles)]
    if name in TEXT_ATTRIBUTES or name.startswith("aria-"):
        return []  # words for readers ("JavaScript: the basics"), never followed as a link
    form = browser_form(value).lower()
    if any(form.startswith(s + ":") for s in SCRIPT_SCHEMES):
        return [dangerous_scheme_problem(value, needles, element.section,
                                         raw_attribute_value(element.raw, name))]
    return []


def _style_problems(element, value, needles) -> list[Problem]:
    problems = []
    if _CSS_DANGER.search(value):
        problems.append(_problem(element, f"the style '{value[:60]}' can load or run code",
                                 "remove the style attribute; the site's stylesheets style content",
                                 needles))
    for url in _CSS_URL.findall(value):
        problem = dangerous_scheme_problem(url, needles, element.section)
        if problem:
            problems.append(problem)
    return problems


def _problem(element: Element, what: str, fix: str, needles: tuple[str, ...]) -> Problem:
    return Problem(what=what, fix=fix, needles=needles, section=element.section)


def _attribute_needles(element: Element, name: str, value: str) -> tuple[str, ...]:
    raw = raw_attribute_value(element.raw, name)
    candidates = [element.raw, f'{name}="{raw}"', f"{name}='{raw}'", raw, value, f"{name}="]
    return tuple(c for c in candidates if c)
