"""The translation notices' HTML (hooks/translation_notices.py decides which page
gets which): plain functions of the language's words (`t`, LanguageData.text) and
of the addresses the hook works out. Every word comes from the language's
`strings:` (docs/.translations/<language>.yml)."""

from __future__ import annotations

import html
from typing import Callable, Iterable

Words = Callable[..., str]  # fov.translation_data.LanguageData.text


def link(href: str, text: str, **attrs: str) -> str:
    extra = "".join(f' {k}="{html.escape(v)}"' for k, v in attrs.items())
    return f'<a href="{html.escape(href)}"{extra}>{text}</a>'


def notice(kind: str, admonition: str, title: str | None, body: str) -> str:
    heading = f'<p class="admonition-title">{title}</p>' if title else ""
    return (f'<div class="admonition {admonition} fov-notice fov-notice--{kind}" role="note">'
            f"{heading}<p>{body}</p></div>")


def fallback_notice(t: Words, language_name: str, edit_url: str | None) -> str:
    """On the English page shown where the translation is missing."""
    body = t("fallback_text", language=html.escape(language_name))
    if edit_url:
        body += t("sentence_space") + link(edit_url, t("fallback_help"))
    return notice("fallback", "info", t("fallback_title"), body)


def outdated_notice(t: Words, *, unstamped: bool, section_names: Iterable[str], english_url: str, source: str,
                    changes_url: str | None, edit_url: str | None) -> str:
    """On a translation not up to date with the English (or not checked against it)."""
    if unstamped:
        body = t("unstamped_text")
    else:
        body = t("outdated_text", sections=t("list_separator").join(section_names))
    body += t("sentence_space") + link(english_url, t("read_english"), hreflang=source)
    if changes_url:
        body += " · " + link(changes_url, t("changes_link"))
    if edit_url:
        body += " · " + link(edit_url, t("help_update"))
    return notice("outdated", "warning", t("outdated_title"), body)


def section_name(t: Words, section_id: str, *, own_title: str | None, english_title: str | None,
                 english_url: str, source: str, meta_id: str, intro_id: str) -> str:
    """How the outdated notice names a section: the translation's own heading, or the
    English one for a section new in English."""
    if section_id == meta_id:
        return t("meta_section")
    if section_id == intro_id:
        return t("intro_section")
    if own_title is not None:
        name = link(f"#{section_id}", html.escape(own_title))
        return name if english_title is not None else t("section_removed", section=name)
    name = link(f"{english_url}#{section_id}", html.escape(english_title or section_id), hreflang=source, lang=source)
    return t("section_new", section=name)


def section_note(t: Words, section_id: str, english_url: str, source: str) -> str:
    """Under the heading of a section that has changed in English."""
    read = link(f"{english_url}#{section_id}", t("section_read_english"), hreflang=source)
    return f'<p class="fov-outdated-note" role="note">{t("section_outdated")}{t("sentence_space")}{read}</p>'


def with_method(t: Words, method: str | None, methods: Iterable[str], content: str, edit_url: str | None) -> str:
    """The page with how it was translated: a notice above a machine-assisted draft, a
    line under a translation by people."""
    if method not in methods:
        return content
    text = t(f"method_{method}")
    if method == "machine-assisted":
        if edit_url:
            text += t("sentence_space") + link(edit_url, t("method_invite_review"))
        return notice("machine-assisted", "note", None, text) + content
    if edit_url:
        text += t("sentence_space") + link(edit_url, t("method_invite_improve"))
    return content + f'<p class="fov-translation-method">{text}</p>'
