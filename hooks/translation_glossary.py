"""Glossary notes while building a translation (suggestions, never errors).

For each section a translation claims to be current with, notes when the
English uses a glossary term but the translation does not use the glossary's
term for it, and when it uses a variant the glossary says to avoid. A note
may be wrong (a sentence can rightly do without the term, a name can contain
an avoided variant), so it never fails the strict build; the same notes come
from `python -m fov.translate glossary` and `make status`. They are DEBUG
lines, shown by `mkdocs build --verbose`: a build prints them not, so that the
line that matters is not lost among them. Glossary: docs/.translations/<locale>.yml.
"""

from __future__ import annotations

from mkdocs.plugins import get_plugin_logger

from fov import glossary
from fov import sections as sect
from fov import translations as tr
from fov.translation_data import for_build

log = get_plugin_logger("translation_glossary")


class _State:
    project = None
    language = "en"
    terms: list = []


def on_pre_build(config):
    _State.project, data = for_build(config)
    _State.language, _State.terms = data.locale, data.glossary


def on_page_markdown(markdown, page, config, files):
    state = page.meta.get("fov_translation_state")  # set by translation_notices.py
    if state not in (tr.CURRENT, tr.OUTDATED, tr.UNSTAMPED):
        return markdown
    norm = getattr(page.file, "norm_src_uri", page.file.src_uri)
    english = tr.read_document(_State.project.page_path(_State.project.source, norm))
    translation = sect.parse(page.file.content_string)
    skip = set(page.meta.get("fov_outdated_sections") or ())
    for note in glossary.check_page(english, translation, _State.terms, skip):
        log.debug(f"docs/{page.file.src_uri}:{note.line}: {note.message}")
    return markdown
