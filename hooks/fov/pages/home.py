"""The campaign's front door: each language's home page (issue 16).

A home page names `template: home.html` in its front matter. Its words are
the translator's: the Markdown (the hero: the call's name as the heading, the
ask in one paragraph) and the front matter's `home:` fields. Everything else
is campaign data, the same in every language, in `extra.campaign.home` of
mkdocs.yml: the buttons' targets, the figures' numbers and sources, the action
areas' pages and icons, the stakeholder sections (`extra.campaign.stakeholders`)
and the organisations' sites (`extra.campaign.organisations`). So a translator
changes words only, never a link, a number or the layout.

`home_problems` checks a translation's `home:` words against the English ones
(the same keys, the same {placeholders}, the plural forms the language needs);
`build_home` turns words and data into what overrides/home.html draws, with
the numbers formatted for the language by Babel and each area's number of
actions counted from its page (`count_actions`).

`site_home` does this for a home page of the built site (hooks/home_page.py,
once every page is rendered): its words are checked against the English
page's source, each area's actions counted on the area's page in the home
page's language (else its fallback), and each link of the campaign data
resolved from the home page, its target page and id checked; a problem of
the data is reported at its line of mkdocs.yml.
"""

from __future__ import annotations

import functools
import os
import re
import string
from dataclasses import dataclass
from typing import Callable, Mapping

from babel import Locale, UnknownLocaleError
from babel.numbers import format_compact_decimal, format_decimal
from mkdocs.utils import get_relative_url
from mkdocs.utils.meta import get_data

from fov.base import report, source_file
from fov.base.findings import Finding, Problem
from fov.base.source_map import SourceMap
from fov.data import campaign as campaign_layer
from fov.data.page_context import default_language, language_free_uri, page_language, report_problems
from fov.data.urls import link_problems, LinkPolicy
from fov.pages.stakeholders import ACTION_ATTRIBUTE

# A heading of an action: its attribute list names whom it addresses (fov.pages.stakeholders).
_ACTION_HEADING = re.compile(rf"^#{{2,6}}\s.*\{{[^}}]*\b{ACTION_ATTRIBUTE}=", re.MULTILINE)
PLURAL_KEY = "count"  # the field of an area whose value is {plural form: words}


@dataclass(frozen=True)
class Link:
    """A button, a stakeholder entry or an organisation: words and where they lead."""
    id: str
    text: str
    href: str


@dataclass(frozen=True)
class Figure:
    id: str
    number: str  # the figure as shown ("about 862 million"), formatted for the language
    text: str  # what it counts
    source: str  # the source's name
    href: str
    external: bool


@dataclass(frozen=True)
class Card:
    id: str
    title: str
    text: str
    count: str  # "6 actions", in the language's plural form
    href: str
    icon: str  # a Material icon, "material/hand-heart"


@dataclass(frozen=True)
class HomePage:
    actions: tuple[Link, ...]
    figures_title: str
    figures: tuple[Figure, ...]
    areas_title: str
    areas: tuple[Card, ...]
    asks_title: str
    asks: tuple[Link, ...]
    organisations_title: str
    organisations: tuple[Link, ...]
    illustration: str


@functools.lru_cache(maxsize=None)
def babel_locale(language: str) -> Locale:
    """zh-Hant -> zh_Hant; a code Babel does not know falls back to English."""
    try:
        return Locale.parse(language.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return Locale.parse("en")


def format_number(value: int, kind: str, language: str) -> str:
    """A figure as the language writes it: "compact" (862 million, 8.62億),
    "year" (2026, no grouping) or "decimal" (14,000; 14 000; 14.000)."""
    locale = babel_locale(language)
    if kind == "compact":
        forms = locale.compact_decimal_formats
        return format_compact_decimal(value, format_type="long" if "long" in forms else "short",
                                      locale=locale, fraction_digits=2)
    if kind == "year":
        return format_decimal(value, format="#", locale=locale)
    return format_decimal(value, locale=locale)


def count_actions(markdown: str) -> int:
    """The actions of a page: its headings that name whom they address."""
    return len(_ACTION_HEADING.findall(markdown))


def plural_form(count: int, language: str) -> str:
    return babel_locale(language).plural_form(count)


def stakeholder_sections(stakeholders: Mapping) -> list[str]:
    """The sections of the stakeholder page, once each, in the data's order."""
    sections: list[str] = []
    for data in stakeholders.values():
        if data["section"] not in sections:
            sections.append(data["section"])
    return sections


def expected_keys(data: Mapping, stakeholders: Mapping, organisations: list) -> dict[str, list[str]]:
    """For each list of the front matter, the ids the campaign data defines."""
    return {
        "actions": [a["id"] for a in data.get("actions", [])],
        "figures": [f["id"] for f in data.get("figures", [])],
        "areas": [a["id"] for a in data.get("areas", [])],
        "asks": stakeholder_sections(stakeholders),
        "organisations": [o["id"] for o in organisations],
    }


TITLES = ("figures_title", "areas_title", "asks_title", "organisations_title")


def home_problems(words: object, english: Mapping, expected: Mapping[str, list[str]],
                  counts: Mapping[str, int], language: str) -> list[Problem]:
    """What is wrong with a home page's `home:` words (its front matter):
    every id of the campaign data present, none unknown, the English page's
    {placeholders} kept, and the plural forms this language needs."""
    if not isinstance(words, Mapping):
        return [Problem("the front matter has no 'home:' fields, or they are not a mapping",
                        "copy the 'home:' block of docs/en/index.md and translate its words", ("home:",), line=1)]
    problems: list[Problem] = []
    for key in TITLES:
        if not isinstance(words.get(key), str) or not words[key].strip():
            problems.append(Problem(f"'home.{key}' is missing or empty",
                                    f"add '{key}:' under 'home:' with the words of that heading", ("home:",)))
    for group, ids in expected.items():
        given = words.get(group)
        if not isinstance(given, Mapping):
            problems.append(Problem(f"'home.{group}' is missing or not a list of 'id: words'",
                                    f"add '{group}:' under 'home:' with one entry per id: {', '.join(ids)}",
                                    ("home:",)))
            continue
        for missing in [i for i in ids if i not in given]:
            problems.append(Problem(f"'home.{group}' has no entry '{missing}'",
                                    f"add '{missing}:' under '{group}:' (copy it from docs/en/index.md)",
                                    (f"{group}:",)))
        for unknown in [i for i in given if i not in ids]:
            problems.append(Problem(f"'home.{group}.{unknown}' is not an id of the campaign data",
                                    f"use one of: {', '.join(ids)} (ids stay in English; translate the words only)",
                                    (f"{unknown}:", f"{group}:")))
    shape = _shape_problems(words, english, ())
    if shape:  # words where fields belong: the checks below need the right shape
        return problems + shape
    problems += _placeholder_problems(words, english, ())
    problems += _plural_problems(words, counts, language)
    return problems


def _shape_problems(words: object, english: object, path: tuple[str, ...]) -> list[Problem]:
    """Below the ids, the English page's fields: words where it has words, the
    same fields where it has fields (a plural `count` takes the language's own forms)."""
    name = ".".join(("home", *path))
    if isinstance(english, Mapping):
        if not isinstance(words, Mapping):
            fields = ", ".join(f"{k}:" for k in english)
            return [Problem(f"'{name}' is not a group of fields", f"write it with the fields {fields} as in docs/en/index.md",
                            (f"{path[-1]}:",) if path else ("home:",))]
        if path and path[-1] == PLURAL_KEY:
            return [Problem(f"'{name}.{form}' is not words", "write the words of that plural form in quotes",
                            (f"{form}:",)) for form, text in words.items() if not isinstance(text, str)]
        problems = []
        for key, value in english.items():
            if key not in words:
                if len(path) >= 2:  # ids and headings are reported by home_problems
                    problems.append(Problem(f"'{name}' has no field '{key}'",
                                            f"add '{key}:' (copy it from docs/en/index.md and translate its words)",
                                            (f"{path[-1]}:",)))
                continue
            problems += _shape_problems(words[key], value, (*path, str(key)))
        return problems
    if isinstance(english, str) and not isinstance(words, str):
        return [Problem(f"'{name}' is not words", "write the words after the colon, in quotes if they hold a colon",
                        (f"{path[-1]}:",))]
    return []


def _placeholder_problems(words: object, english: object, path: tuple[str, ...]) -> list[Problem]:
    if isinstance(english, Mapping) and isinstance(words, Mapping):
        problems = []
        for key, value in english.items():
            if key in words and key != PLURAL_KEY:
                problems += _placeholder_problems(words[key], value, (*path, str(key)))
        return problems
    if isinstance(english, str) and isinstance(words, str):
        wanted, found = placeholders(english), placeholders(words)
        if wanted != found:
            name = ".".join(path)
            return [Problem(
                f"'home.{name}' has the placeholders {_names(found)} where the English has {_names(wanted)}",
                "keep each {name} of the English exactly as it is (it stands for a number) and translate the words around it",
                (words.strip(), f"{path[-1]}:"))]
    return []


def _plural_problems(words: Mapping, counts: Mapping[str, int], language: str) -> list[Problem]:
    problems = []
    areas = words.get("areas") if isinstance(words.get("areas"), Mapping) else {}
    for area, count in counts.items():
        forms = areas.get(area, {}).get(PLURAL_KEY) if isinstance(areas.get(area), Mapping) else None
        if not isinstance(forms, Mapping):
            problems.append(Problem(f"'home.areas.{area}.{PLURAL_KEY}' is missing",
                                    f"add '{PLURAL_KEY}:' with the words for the number of actions, "
                                    "e.g. {other: '{count} actions'}", (f"{area}:",)))
            continue
        needed = plural_form(count, language)
        if needed not in forms and needed != "other":
            problems.append(Problem(
                f"'home.areas.{area}.{PLURAL_KEY}' has no '{needed}' form, which {language} uses for {count}",
                f"add '{needed}: ...' with '{{count}}' where the number goes",
                (f"{area}:",)))
        other = forms.get("other")
        if not isinstance(other, str) or "{count}" not in other:
            # 'one', 'two'... may spell the number out; 'other' serves any number.
            problems.append(Problem(f"'home.areas.{area}.{PLURAL_KEY}.other' is missing or lacks '{{count}}'",
                                    "write 'other: ...' with '{count}' where the number of actions goes",
                                    (f"{area}:",)))
    return problems


def placeholders(text: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}
    except ValueError:
        return {"(unbalanced braces)"}


def _names(names: set[str]) -> str:
    return ", ".join("{" + n + "}" for n in sorted(names)) or "none"


def _fill(text: str, **values: str) -> str:
    for name, value in values.items():
        text = text.replace("{" + name + "}", value)
    return text


def build_home(words: Mapping, data: Mapping, stakeholders: Mapping, organisations: list,
               counts: Mapping[str, int], language: str, url: Callable[[str], str]) -> HomePage:
    """What overrides/home.html draws; `url` makes a docs-relative target a
    link from the home page (absolute https:// addresses pass unchanged).
    Call after `home_problems` found nothing."""
    def text(group: str, key: str, field: str | None = None) -> str:
        value = words[group][key]
        return str(value.get(field, "")) if field else str(value)

    figures = []
    for figure in data.get("figures", []):
        fid, kind = figure["id"], figure.get("format", "decimal")
        numbers = {name: format_number(n, "decimal", language) for name, n in figure.get("numbers", {}).items()}
        number = format_number(figure["number"], kind, language)
        figures.append(Figure(
            fid, _fill(text("figures", fid, "number"), number=number, **numbers),
            _fill(text("figures", fid, "text"), number=number, **numbers), text("figures", fid, "source"),
            url(figure["source"]), figure["source"].startswith(("https://", "http://"))))
    cards = []
    for area in data.get("areas", []):
        aid, count = area["id"], counts[area["id"]]
        forms = words["areas"][aid][PLURAL_KEY]
        form = forms.get(plural_form(count, language)) or forms["other"]
        cards.append(Card(aid, text("areas", aid, "title"), text("areas", aid, "text"),
                          _fill(form, count=format_number(count, "decimal", language)),
                          url(area["page"] + (f"#{area['section']}" if area.get("section") else "")),
                          area["icon"]))
    stakeholder_page = data["stakeholder_page"]
    return HomePage(
        actions=tuple(Link(a["id"], text("actions", a["id"]), url(a["link"])) for a in data.get("actions", [])),
        figures_title=words["figures_title"], figures=tuple(figures),
        areas_title=words["areas_title"], areas=tuple(cards),
        asks_title=words["asks_title"],
        asks=tuple(Link(s, text("asks", s), url(f"{stakeholder_page}#{s}"))
                   for s in stakeholder_sections(stakeholders)),
        organisations_title=words["organisations_title"],
        organisations=tuple(Link(o["id"], text("organisations", o["id"]), o["website"]) for o in organisations),
        illustration=data.get("illustration", ""),
    )



# -- the home page within the built site ----------------------------------------------------

def site_home(page, pages: list, config, log) -> HomePage | None:
    """What overrides/home.html draws on `page`, one of the site's rendered
    `pages`; None when its words have problems (reported at their lines)."""
    the_campaign = campaign_layer.campaign(config)
    campaign = the_campaign.data
    data = campaign.get("home") or {}
    language = page_language(page, config)
    english = _english_words(page, config)
    stakeholders = campaign.get("stakeholders", {})
    organisations = campaign.get("organisations", [])
    counts = {a["id"]: _count(a["page"], pages, language, config) for a in data.get("areas", [])}
    words = page.meta.get("home")
    problems = home_problems(words, english, expected_keys(data, stakeholders, organisations), counts, language)
    report_problems(log, problems, page.file, config)
    if problems:
        return None
    data = {**data, "stakeholder_page": the_campaign.stakeholder_page}
    return build_home(words, data, stakeholders, organisations, counts, language,
                      lambda target: _url(target, page, pages, language, the_campaign.link_policy, config, log))


def _english_words(page, config) -> dict:
    """The `home:` words of the English home page, read from its source."""
    path = os.path.join(config.docs_dir, default_language(config), language_free_uri(page.file))
    try:
        return get_data(source_file.read_text(path))[1].get("home") or {}
    except OSError:
        return page.meta.get("home") or {}


def _page_for(uri: str, pages: list, language: str, config):
    """The page of `uri` (language-free) in `language`, else its fallback."""
    found = [p for p in pages if language_free_uri(p.file) == uri]
    own = [p for p in found if page_language(p, config) == language]
    return (own or found or [None])[0]


def _count(uri: str, pages: list, language: str, config) -> int:
    target = _page_for(uri, pages, language, config)
    return count_actions(target.markdown or "") if target else 0


def _url(target: str, page, pages: list, language: str, policy: LinkPolicy, config, log) -> str:
    if re.match(r"^[a-z]+:", target):
        for problem in link_problems(target, policy):
            _report_data(config, log, target, problem.what, problem.fix)
        return target
    uri, _, anchor = target.partition("#")
    found = _page_for(uri, pages, language, config)
    if found is None:
        _report_data(config, log, target, f"the home page links to '{uri}', which is no page of the site",
                     "name an existing page in extra.campaign.home of mkdocs.yml")
        return target
    if anchor and f'id="{anchor}"' not in (found.content or ""):
        _report_data(config, log, target, f"the home page links to '#{anchor}' of {uri}, which has no such id",
                     f"name an id that {uri} has, in extra.campaign.home of mkdocs.yml")
    url = get_relative_url(found.url or ".", page.url or ".")
    return f"{url}#{anchor}" if anchor else url


def _report_data(config, log, needle: str, what: str, fix: str) -> None:
    """A problem of the campaign data, at its line of mkdocs.yml."""
    path = config.config_file_path or "mkdocs.yml"
    try:
        line = SourceMap(source_file.read_text(path), path).find(needle) or 1
    except OSError:
        line = 1
    report.report(log, Finding(os.path.basename(path), line, what, fix))
