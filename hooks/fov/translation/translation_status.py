"""Translation status of every page in every language: data, JSON, Markdown.

One `collect()` feeds the command (`python -m fov translate status`), CI's job
summary and the site's /translations/ page, so they always agree.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Callable

from fov.base import source_file
from fov.data.project import Project
from fov.data.translation_data import data_file, LanguageData, load, read_file
from fov.translation import interface_strings, sections as sect
from fov.translation.interface_strings import Untranslated
from fov.translation.translations import CURRENT, MISSING, OUTDATED, page_status, PageStatus, UNSTAMPED

SYMBOL = {CURRENT: "✓", OUTDATED: "!", UNSTAMPED: "?", MISSING: "✗"}
LABEL_KEY = {CURRENT: "status_current", OUTDATED: "status_outdated",
             UNSTAMPED: "status_unstamped", MISSING: "status_missing"}


@dataclass
class Status:
    project: Project
    pages: list[str]
    cells: dict[tuple[str, str], PageStatus]
    interface: dict[str, list[Untranslated]]  # locale -> its interface strings still to translate

    def summary(self, locale: str) -> dict:
        states = [self.cells[(locale, page)].state for page in self.pages]
        total = len(states)
        current = states.count(CURRENT)
        return {
            "up_to_date": current,
            "outdated": states.count(OUTDATED),
            "unstamped": states.count(UNSTAMPED),
            "missing": states.count(MISSING),
            "total": total,
            "percent_up_to_date": round(100 * current / total) if total else 100,
            "interface_to_translate": interface_strings.count(self.interface[locale]),
        }


def collect(project: Project) -> Status:
    pages = project.source_pages()
    cells = {(locale, page): page_status(project, locale, page)
             for locale in project.locales for page in pages}
    return Status(project, pages, cells, interface_strings.untranslated(project, project.locales))


def as_json(status: Status) -> dict:
    project = status.project
    return {
        "source": project.source,
        "pages": status.pages,
        "languages": {
            lang.locale: {
                "name": lang.name,
                **status.summary(lang.locale),
                "pages": {page: status.cells[(lang.locale, page)].as_dict() for page in status.pages},
                "interface": [{"file": item.file(project.root), "line": item.line,
                               "what": item.what, "strings": item.strings}
                              for item in status.interface[lang.locale]],
            }
            for lang in project.translations
        },
    }


def as_markdown(status: Status) -> str:
    """The table for a terminal and for CI's job summary (English labels)."""
    project = status.project
    lines = ["## Translation status", "",
             "| Language | Up to date | Outdated | Not stamped | Missing | Up to date (%) | Interface strings to translate |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for lang in project.translations:
        s = status.summary(lang.locale)
        lines.append(f"| {lang.name} (`{lang.locale}`) | {s['up_to_date']} | {s['outdated']} | "
                     f"{s['unstamped']} | {s['missing']} | {s['percent_up_to_date']}% | "
                     f"{s['interface_to_translate']} |")
    lines += ["", "| Page | " + " | ".join(f"`{locale}`" for locale in project.locales) + " |",
              "|---|" + "---|" * len(project.locales)]
    for page in status.pages:
        cells = [_plain_cell(status.cells[(locale, page)]) for locale in project.locales]
        lines.append(f"| `{page}` | " + " | ".join(cells) + " |")
    for locale in project.locales:
        if status.interface[locale]:
            lines += ["", f"Interface strings of `{locale}` still in English (translate each where it is named: "
                          "write the line without its '# '):", ""]
            lines += [f"- `{item.location(project.root)}` {item.what}"
                      + (f" ({item.strings} strings)" if item.strings > 1 else "")
                      for item in status.interface[locale]]
    return "\n".join(lines) + "\n"


def _plain_cell(cell: PageStatus) -> str:
    label = {CURRENT: "up to date", OUTDATED: "outdated", UNSTAMPED: "not stamped",
             MISSING: "missing"}[cell.state]
    text = f"{SYMBOL[cell.state]} {label}"
    if cell.state == OUTDATED:
        ids = [f"#{i}" for i in cell.outdated] + [f"#{i} (removed)" for i in cell.removed]
        text += ": " + ", ".join(ids)
    return text


# --- The site's status page ------------------------------------------------------------------


@dataclass
class PageLinks:
    """URLs the status page needs, computed by fov.translation.status_page (relative to the status page)."""
    page: Callable[[str, str], str]  # (locale, page) -> URL of that page on the site
    create: Callable[[str, str], str]  # (locale, page) -> GitHub link to create it, or ""
    guide: str  # the translators' guide, or "" (no repository configured)
    edit: Callable[[str, str], str] = lambda locale, page: ""  # GitHub link to edit it, or ""
    changes: Callable[[str, str], str] = lambda locale, page: ""  # its part of "What changed in English"


def status_page(status: Status, data: LanguageData, links: PageLinks) -> str:
    """The /translations/ page as Markdown, in the language of `data`."""
    project = status.project
    t = data.text
    out = ["---", "search:", "  exclude: true", "---", "",
           f"# {t('status_title')} {{#translation-status}}", "",
           t("status_intro") + (f"{t('sentence_space')}[{t('status_guide')}]({links.guide})"
                                if links.guide else ""), "",
           f"## {t('status_summary')} {{#summary}}", "",
           f"| {t('status_language')} | {t('status_current')} | {t('status_outdated')} | "
           f"{t('status_unstamped')} | {t('status_missing')} | % | {t('status_interface')} |",
           "|---|---|---|---|---|---|---|"]  # no alignment: it would be a style attribute (CSP)
    for lang in project.translations:
        s = status.summary(lang.locale)
        name = f'<span lang="{lang.locale}">{html.escape(lang.name)}</span>'
        out.append(f"| {name} | {s['up_to_date']} | {s['outdated']} | {s['unstamped']} | "
                   f"{s['missing']} | {t('status_percent', percent=s['percent_up_to_date'])} | "
                   f"{s['interface_to_translate']} |")
    out += ["", f"## {t('status_pages')} {{#pages}}", "",
            f"| {t('status_page')} | " + " | ".join(
                f'<span lang="{lang.locale}">{html.escape(lang.name)}</span>'
                for lang in project.translations) + " |",
            "|---|" + "---|" * len(project.translations)]
    for page in status.pages:
        title = html.escape(_page_title(project, data.locale, page))
        cells = [_status_cell(status.cells[(locale, page)], data, links, _section_total(project, page))
                 for locale in project.locales]
        out.append(f"| [{title}]({page}) | " + " | ".join(cells) + " |")
    out += ["", f"## {t('status_glossary')} {{#glossary}}", "", t("status_glossary_intro"), "",
            _glossary_table(project, data), ""]
    out += _style_notes(project, data)
    return "\n".join(out)


def _style_notes(project: Project, data: LanguageData) -> list[str]:
    """Each language's style notes (its data file's `style`), for its translators."""
    out = ["", f"## {data.text('status_style')} {{#style}}", "", data.text("status_style_intro"), ""]
    for lang in project.translations:
        notes = style_notes(project, lang.locale)
        if notes:
            out += [f'### <span lang="{lang.locale}">{html.escape(lang.name)}</span> '
                    f'{{#style-{lang.locale.lower()}}}', ""]
            out += [f'- <span lang="{project.source}">{html.escape(note)}</span>' for note in notes]
            out.append("")
    return out


def style_notes(project: Project, locale: str) -> list[str]:
    notes = read_file(data_file(project, locale)).get("style") or []
    return [str(note) for note in notes] if isinstance(notes, list) else []


def _status_cell(cell: PageStatus, data: LanguageData, links: PageLinks, total: int) -> str:
    label = data.text(LABEL_KEY[cell.state])
    badge = (f'<span class="fov-status fov-status--{cell.state}">'
             f'<span aria-hidden="true">{SYMBOL[cell.state]}</span> {label}</span>')
    if cell.state == MISSING:
        url = html.escape(links.create(cell.locale, cell.page))
        return f'{badge} <a href="{url}">{data.text("status_translate")}</a>' if url else badge
    href = html.escape(links.page(cell.locale, cell.page))
    badge = f'<a href="{href}" hreflang="{cell.locale}">{badge}</a>'
    if cell.state == OUTDATED:
        count = len(cell.outdated) + len(cell.removed)
        badge += " " + data.text("status_changed_sections", count=count, total=total)
        changes = links.changes(cell.locale, cell.page)
        if changes:
            badge += f' <a href="{html.escape(changes)}">{data.text("changes_link")}</a>'
    return badge


def _section_total(project: Project, page: str) -> int:
    return len(sect.parse(source_file.read_text(project.page_path(project.source, page))).sections)


def _page_title(project: Project, locale: str, page: str) -> str:
    for candidate in (project.page_path(locale, page), project.page_path(project.source, page)):
        if candidate.is_file():
            document = sect.parse(source_file.read_text(candidate))
            title = next((s.title for s in document.sections if s.level == 1), "")
            if title:
                return title
    return page


def _glossary_table(project: Project, data: LanguageData) -> str:
    languages = [load(project, lang.locale) for lang in project.translations]
    source = load(project, project.source)
    head = [data.text("status_term"), *(
        f'<span lang="{lang.locale}">{html.escape(lang.name)}</span>' for lang in project.translations)]
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for index, entry in enumerate(source.glossary):
        cells = [f'<span lang="{project.source}">{html.escape(entry.english[0])}</span>']
        for lang, language_data in zip(project.translations, languages):
            term = language_data.glossary[index].term
            cells.append(f'<span lang="{lang.locale}">{html.escape(term)}</span>' if term else "—")
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)
