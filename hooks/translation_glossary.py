"""Glossary notes while building a translation (suggestions, never errors),
and the glossary's facts, which are errors.

For each section a translation claims to be current with, notes when the
English uses a glossary term but the translation does not use the glossary's
term for it, and when it uses a variant the glossary says to avoid. A note
may be wrong (a sentence can rightly do without the term, a name can contain
an avoided variant), so it never fails the strict build; the same notes come
from `python -m fov.translate glossary` and `make status`. They are DEBUG
lines, shown by `mkdocs build --verbose`: a build prints them not, so that the
line that matters is not lost among them. Glossary: docs/.translations/<locale>.yml.

The glossary's facts do fail the strict build (fov.glossary.fact_problems): on
every page of the language being built (English too), front matter included,
and in the language's words outside its pages (docs/.translations/<locale>.yml:
site name, description, footer, menu, interface strings): a phrase that speaks of IVY 2026 as still to come
(`still_to_come`), or a wrong form of a name the call or the UN gives (`names`).
"""

from __future__ import annotations

from mkdocs.plugins import get_plugin_logger

from fov import glossary, report
from fov import sections as sect
from fov import translations as tr
from fov.findings import Finding
from fov.page_context import is_fallback, is_top_level_build, repo_path
from fov.language_files import own_words
from fov.translation_data import data_file, for_build

log = get_plugin_logger("translation_glossary")


class _State:
    project = None
    language = "en"
    terms: list = []
    data = None


def on_pre_build(config):
    report.start_build(is_top_level_build(config))
    _State.project, data = for_build(config)
    _State.language, _State.terms, _State.data = data.locale, data.glossary, data
    path = data_file(_State.project, data.locale)
    where_file = path.relative_to(_State.project.root).as_posix()
    for where, text, line in own_words(path):
        for problem in glossary.fact_problems(text, data):
            report.report(log, Finding(where_file, line, f"{where} ({data.locale}): {problem.what}", problem.fix))


def on_page_markdown(markdown, page, config, files):
    if not is_fallback(page, config) and _State.data is not None:
        path = repo_path(page.file, config)
        for problem in glossary.fact_problems(page.file.content_string, _State.data):
            report.report(log, Finding(path, problem.line or 1, problem.what, problem.fix))
    state = page.meta.get("fov_translation_state")  # set by translation_notices.py
    if state not in (tr.CURRENT, tr.OUTDATED, tr.UNSTAMPED):
        return markdown
    norm = getattr(page.file, "norm_src_uri", page.file.src_uri)
    english = tr.read_document(_State.project.page_path(_State.project.source, norm))
    translation = sect.parse(page.file.content_string)
    skip = set(page.meta.get("fov_outdated_sections") or ())
    for note in glossary.check_page(english, translation, _State.terms, skip):
        log.debug(f"{repo_path(page.file, config)}:{note.line}: {note.message}")
    return markdown
