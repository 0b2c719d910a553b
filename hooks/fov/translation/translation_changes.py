"""The site's "What changed in English" page (/<locale>/translation-changes/).

For each outdated translation of a language, section by section: the English
it was translated from against the English now, word by word (<del> what went,
<ins> what came; only the paragraphs that changed), or the new English section to translate, or the section to
remove. The outdated notice of a page links to its part here (`anchor`), and
so does the status page. A translator reads it in the browser, edits the
translation on GitHub (a link per page), and the pull-request check then gives
the stamp to write (fov.translation.translation_check). Words: docs/.translations/<locale>.yml.
"""

from __future__ import annotations

import difflib
import html
import re
from dataclasses import dataclass
from typing import Callable

from fov.data.project import Project
from fov.data.translation_data import LanguageData
from fov.translation import sections as sect, translation_history as history, translations as tr

CHANGES_PAGE = "translation-changes.md"
UNCHANGED = '<p class="fov-diff-same" aria-hidden="true">…</p>'  # paragraphs that did not change


@dataclass(frozen=True)
class PageChanges:
    locale: str
    page: str
    changes: tuple[tr.Change, ...]


def anchor(locale: str, page: str) -> str:
    """The id of a translation's part of the page: fr-call, fr-get-involved-faq."""
    return re.sub(r"[^A-Za-z0-9_-]+", "-", f"{locale}-{page.removesuffix('.md')}").strip("-").lower()


def collect(project: Project, states: Callable[[str, str], str]) -> dict[str, list[PageChanges]]:
    """Every outdated translation's changes, per language. `states(locale, page)`
    gives the page's state (the status already collected for the status page)."""
    found: dict[str, list[PageChanges]] = {}
    for locale in project.locales:
        found[locale] = [PageChanges(locale, page, tuple(history.changes(project, locale, page)))
                         for page in project.source_pages() if states(locale, page) == tr.OUTDATED]
    return found


def page_markdown(project: Project, found: dict[str, list[PageChanges]], locales: list[str],
                  data: LanguageData, edit_url: Callable[[str, str], str],
                  page_url: Callable[[str, str], str], status_url: str) -> str:
    """The page, in the language of `data`, for the translations into `locales`."""
    t = data.text
    out = ["---", "search:", "  exclude: true", "---", "",
           f"# {t('changes_title')} {{#translation-changes}}", "",
           t("changes_intro") + t("sentence_space") + f"[{t('status_title')}]({status_url})", ""]
    any_change = False
    for locale in locales:
        language = project.language(locale).name
        for item in found.get(locale, []):
            any_change = True
            title = _title(project, locale, item.page)
            out += [f'## <span lang="{locale}">{html.escape(title)}</span> '
                    f'({html.escape(language)}) {{#{anchor(locale, item.page)}}}', "",
                    f'<p class="fov-changes-links"><a href="{html.escape(page_url(locale, item.page))}" '
                    f'hreflang="{locale}">{t("changes_read_page")}</a>'
                    + (f' · <a href="{html.escape(edit_url(locale, item.page))}">{t("changes_edit")}</a>'
                       if edit_url(locale, item.page) else "") + "</p>", ""]
            for change in item.changes:
                out += _change_html(project, change, data) + [""]
    if not any_change:
        out += [t("changes_none"), ""]
    out += [t("changes_next"), ""]
    return "\n".join(out)


def _title(project: Project, locale: str, page: str) -> str:
    document = tr.read_document(project.page_path(locale, page))
    return next((s.title for s in document.sections if s.level == 1), page)


def _section_label(change: tr.Change, data: LanguageData, source: str) -> str:
    if change.id == sect.META:
        return data.text("meta_section")
    if change.id == sect.INTRO:
        return data.text("intro_section")
    return f'<span lang="{source}">{html.escape(change.title)}</span> <code>#{html.escape(change.id)}</code>' \
        if change.title else f"<code>#{html.escape(change.id)}</code>"


def _change_html(project: Project, change: tr.Change, data: LanguageData) -> list[str]:
    t = data.text
    source = project.source
    label = _section_label(change, data, source)
    if change.new_hash is None:
        return [f'<div class="fov-change fov-change--removed"><h3>{label}</h3>'
                f'<p>{t("changes_removed")}</p></div>']
    if change.old_hash is None or change.old_text is None:
        note = t("changes_new") if change.old_hash is None else t("changes_unknown")
        lines = "".join(f"<p>{html.escape(line)}</p>" for line in _lines(change.new_text))
        return [f'<div class="fov-change fov-change--new"><h3>{label}</h3><p>{note}</p>'
                f'<div class="fov-diff" lang="{source}">{lines}</div></div>']
    return [f'<div class="fov-change"><h3>{label}</h3><p>{t("changes_changed")}</p>'
            f'<div class="fov-diff" lang="{source}">{word_diff(change.old_text, change.new_text)}</div></div>']


def _lines(text: str | None) -> list[str]:
    return [line for line in (text or "").splitlines() if line.strip()]


def word_diff(old: str, new: str) -> str:
    """The new text, line by line, with removed words in <del> and added ones in <ins>."""
    old_words = re.findall(r"\S+|\n", "\n".join(_lines(old)))
    new_words = re.findall(r"\S+|\n", "\n".join(_lines(new)))
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    pieces: list[str] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("delete", "replace"):
            pieces += _wrap("del", old_words[i1:i2])
        if tag in ("insert", "replace"):
            pieces += _wrap("ins", new_words[j1:j2])
        if tag == "equal":
            pieces += [html.escape(w) if w != "\n" else "\n" for w in new_words[j1:j2]]
    paragraphs = " ".join(pieces).replace(" \n ", "\n").replace("\n ", "\n").replace(" \n", "\n").split("\n")
    # Only the paragraphs that changed; an ellipsis stands for each run of the others.
    out: list[str] = []
    for paragraph in (p for p in paragraphs if p.strip()):
        if "<del>" in paragraph or "<ins>" in paragraph:
            out.append(f"<p>{paragraph}</p>")
        elif not out or out[-1] != UNCHANGED:
            out.append(UNCHANGED)
    return "".join(out)


def _wrap(tag: str, words: list[str]) -> list[str]:
    """Words in one <del>/<ins> per line (a line break stays outside the tags)."""
    out, run = [], []
    for word in [*words, None]:
        if word in ("\n", None):
            if run:
                out.append(f"<{tag}>{html.escape(' '.join(run))}</{tag}>")
                run = []
            if word == "\n":
                out.append("\n")
        else:
            run.append(word)
    return out
