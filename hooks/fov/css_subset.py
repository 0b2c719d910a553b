"""Material's palette stylesheet cut down to the palettes a site uses.

Material ships one palette.css with the colours of every primary and accent
colour and every scheme (11.6 KiB). A site that configures, say, indigo on
the default and slate schemes needs a few rules of it. `subset` keeps each
rule whose selectors ask only for configured values of
`data-md-color-{scheme,primary,accent}` (and every rule that asks for none),
dropping the selectors of a selector list that ask for others. The CSS is
read with tinycss2, a real CSS parser, and rules are written back unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import tinycss2

ATTRIBUTE = re.compile(r"\[data-md-color-(scheme|primary|accent)=([\w-]+)\]")


def used_values(palettes: Iterable[Mapping]) -> dict[str, set[str]]:
    """The scheme, primary and accent values of theme.palette (Material's defaults
    where one is not given)."""
    used = {"scheme": set(), "primary": set(), "accent": set()}
    for palette in palettes:
        used["scheme"].add(str(palette.get("scheme") or "default"))
        used["primary"].add(str(palette.get("primary") or "indigo").replace(" ", "-"))
        used["accent"].add(str(palette.get("accent") or "indigo").replace(" ", "-"))
    return used


def subset(css: str, used: Mapping[str, set[str]]) -> str:
    rules = tinycss2.parse_stylesheet(css, skip_comments=False, skip_whitespace=True)
    return "".join(_kept(rule, used) for rule in rules)


def _kept(rule, used) -> str:
    if rule.type == "comment":
        return "/*" + rule.value + "*/"
    if rule.type == "qualified-rule":
        selectors = [s for s in _split(tinycss2.serialize(rule.prelude)) if _wanted(s, used)]
        if not selectors:
            return ""
        return ",".join(selectors) + "{" + tinycss2.serialize(rule.content) + "}"
    if rule.type == "at-rule" and rule.content is not None and rule.lower_at_keyword in {"media", "supports"}:
        inner = subset(tinycss2.serialize(rule.content), used)
        if not inner:
            return ""
        return "@" + rule.at_keyword + tinycss2.serialize(rule.prelude) + "{" + inner + "}"
    return tinycss2.serialize([rule])


def _split(selector_list: str) -> list[str]:
    """Top-level commas only (not those inside :not(...), :is(...))."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(selector_list):
        depth += char in "([" and 1 or char in ")]" and -1 or 0
        if char == "," and depth == 0:
            parts.append(selector_list[start:index].strip())
            start = index + 1
    parts.append(selector_list[start:].strip())
    return [p for p in parts if p]


def _wanted(selector: str, used) -> bool:
    # A value asked for under :not(...) excludes it: it does not need to be in use.
    positive = re.sub(r":not\([^()]*\)", "", selector)
    return all(value in used[kind] for kind, value in ATTRIBUTE.findall(positive))
