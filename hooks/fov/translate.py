"""Translators' and maintainers' commands. Run from the repository root:

    PYTHONPATH=hooks .venv/bin/python -m fov.translate <command> ...

  status [--json]                      pages up to date / outdated / missing, per language
  stamp PATH... [--section ID]... [--method M]
                                       record a translation as current with the English
  diff PATH [--section ID]...          what changed in the English since PATH was stamped
  no-retranslate PAGE [--section ID]... [--max-words N] [--force]
                                       after a typo fix in English: restamp the translations
                                       whose sections changed by at most N words
  snapshot                             store the current English sections (for later diffs)
  add-locale CODE [--name NAME]        add a language to mkdocs.yml and docs/
  glossary [LOCALE...] [--markdown | --update-guide]
                                       glossary notes for the translations, or the glossary table
  jieba LOCALE [--out FILE]            the glossary as a jieba user dictionary

PATH is a translation (docs/zh-Hant/call.md) or a language folder (docs/zh-Hant);
PAGE is an English page (docs/en/call.md or call.md). The Makefile wraps the common
ones: make status, make stamp PAGE=docs/zh-Hant/call.md, make translation-diff PAGE=...
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from fov import glossary, locales
from fov import translations as tr
from fov.project import Project, load_project
from fov.translation_data import load
from fov.translation_status import as_json, as_markdown, collect


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except (tr.TranslationError, locales.LocaleError, KeyError, FileNotFoundError) as error:
        message = error.args[0] if error.args else str(error)
        print(f"error: {message}", file=sys.stderr)
        return 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m fov.translate", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", help="mkdocs.yml (default: the one here or above)")
    sub = parser.add_subparsers(required=True, metavar="command")

    p = sub.add_parser("status", help="translation status per language")
    p.add_argument("--json", action="store_true", help="print JSON instead of Markdown tables")
    p.set_defaults(run=cmd_status)

    p = sub.add_parser("stamp", help="record translations as current with the English")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--section", action="append", metavar="ID", help="only this section (repeatable)")
    p.add_argument("--method", choices=tr.METHODS, help="also record how it was translated")
    p.set_defaults(run=cmd_stamp)

    p = sub.add_parser("diff", help="what changed in the English since the stamp")
    p.add_argument("path", metavar="PATH")
    p.add_argument("--section", action="append", metavar="ID")
    p.set_defaults(run=cmd_diff)

    p = sub.add_parser("no-retranslate", help="accept a typo-sized English fix in every translation")
    p.add_argument("page", metavar="PAGE")
    p.add_argument("--section", action="append", metavar="ID")
    p.add_argument("--max-words", type=int, default=3)
    p.add_argument("--force", action="store_true", help="restamp even without a stored text or size check")
    p.set_defaults(run=cmd_no_retranslate)

    p = sub.add_parser("snapshot", help="store the current English sections")
    p.set_defaults(run=cmd_snapshot)

    p = sub.add_parser("add-locale", help="add a language")
    p.add_argument("locale", metavar="CODE")
    p.add_argument("--name", help="the language's name in itself (default: from Babel)")
    p.set_defaults(run=cmd_add_locale)

    p = sub.add_parser("glossary", help="glossary notes, or the glossary as a table")
    p.add_argument("locales", nargs="*", metavar="LOCALE")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--markdown", action="store_true", help="print the glossary table")
    group.add_argument("--update-guide", action="store_true", help="rewrite the table in TRANSLATING.md")
    p.set_defaults(run=cmd_glossary)

    p = sub.add_parser("jieba", help="the glossary as a jieba user dictionary")
    p.add_argument("locale", metavar="LOCALE")
    p.add_argument("--out", type=Path)
    p.set_defaults(run=cmd_jieba)
    return parser


def _project(args) -> Project:
    return load_project(args.config)


def targets(project: Project, path: str) -> list[tuple[str, str]]:
    """(locale, page) pairs named by a translation file or a language folder."""
    resolved = Path(path).resolve()
    try:
        relative = resolved.relative_to(project.docs_dir).parts
    except ValueError:
        relative = Path(path).parts
    if not relative or relative[0] not in project.locales:
        raise tr.TranslationError(
            f"{path}: expected a translation under {project.docs_dir.name}/<language>/, with a "
            f"language of {', '.join(project.locales)} (e.g. docs/{project.locales[0]}/index.md)."
        )
    locale = relative[0]
    if len(relative) == 1:
        return [(locale, page) for page in project.source_pages()
                if project.page_path(locale, page).is_file()]
    return [(locale, "/".join(relative[1:]))]


def english_page(project: Project, path: str) -> str:
    """The page named by docs/en/call.md, en/call.md or call.md."""
    try:
        parts = Path(path).resolve().relative_to(project.docs_dir).parts
    except ValueError:
        parts = Path(path).parts
    if parts[:1] == (project.source,):
        parts = parts[1:]
    page = "/".join(parts)
    if not project.page_path(project.source, page).is_file():
        raise tr.TranslationError(f"{path}: no such English page ({project.source}/{page}).")
    return page


def cmd_status(args) -> int:
    status = collect(_project(args))
    if args.json:
        print(json.dumps(as_json(status), ensure_ascii=False, indent=2))
    else:
        print(as_markdown(status), end="")
        notes = glossary_notes(status.project, status.project.locales)
        if notes:  # the build shows them only with --verbose
            print(f"\n### Glossary notes ({len(notes)}, suggestions, not errors)\n")
            print("\n".join(f"- `{where}` {message}" for where, message in notes))
    return 0


def cmd_stamp(args) -> int:
    project = _project(args)
    for path in args.paths:
        for locale, page in targets(project, path):
            ids = tr.stamp(project, locale, page, args.section, args.method)
            print(f"stamped docs/{locale}/{page}: current with {len(ids)} English "
                  f"section{'s' if len(ids) != 1 else ''} ({', '.join(ids)})")
    return 0


def cmd_diff(args) -> int:
    project = _project(args)
    for locale, page in targets(project, args.path):
        found = [c for c in tr.changes(project, locale, page) if not args.section or c.id in args.section]
        if not found:
            print(f"docs/{locale}/{page} is current with the English.")
        for change in found:
            print(_describe_change(change, locale))
    return 0


def _describe_change(change: tr.Change, locale: str) -> str:
    if change.old_hash is None:
        return f"#{change.id}: new in English, not yet translated:\n{change.new_text}\n"
    if change.new_hash is None:
        return f"#{change.id}: removed from the English page; remove it from the translation too.\n"
    if change.old_text is None:
        return (f"#{change.id}: changed (was {change.old_hash}, now {change.new_hash}). The English it was "
                f"translated from is not stored (it was stamped without `stamp`); the current English:\n"
                f"{change.new_text}\n")
    return change.unified_diff(locale) + "\n"


def cmd_no_retranslate(args) -> int:
    project = _project(args)
    page = english_page(project, args.page)
    report = tr.accept_english_edit(project, page, args.section, args.max_words, args.force)
    if not report:
        print(f"no translation of {page} is outdated: nothing to do.")
    for locale, section_id, verdict in report:
        print(f"docs/{locale}/{page} #{section_id}: {verdict}")
    return 0


def cmd_snapshot(args) -> int:
    print(f"stored {tr.snapshot_english(_project(args))} new English section(s)")
    return 0


def cmd_add_locale(args) -> int:
    added = locales.add_locale(args.locale, args.config, args.name)
    print(f"added {added.name} ({added.locale}, {added.direction}) to mkdocs.yml, "
          f"interface strings from {added.material_file}")
    for path in added.created:
        print(f"created {path}")
    print(added.search_note)
    guide = _update_guide_glossary(_project(args))
    if guide:
        print(f"updated the glossary table in {guide} (a column for {added.locale})")
    print(f"Every page now falls back to English with a notice. Translate a page by "
          f"creating docs/{added.locale}/<page>.md (see TRANSLATING.md).")
    return 0


def cmd_glossary(args) -> int:
    project = _project(args)
    if args.markdown:
        print(glossary.markdown_table(project), end="")
        return 0
    if args.update_guide:
        print(f"updated the glossary table in {_update_guide_glossary(project)}")
        return 0
    notes = glossary_notes(project, args.locales or project.locales)
    for where, message in notes:
        print(f"{where}: {message}")
    print(f"{len(notes)} glossary note(s). Notes are suggestions, not errors.", file=sys.stderr)
    return 0


def glossary_notes(project: Project, locales: list[str]) -> list[tuple[str, str]]:
    """("docs/fr/call.md:12", note) for every glossary note of these languages' pages."""
    notes = []
    for locale in locales:
        terms = load(project, locale).glossary
        for page in project.source_pages():
            path = project.page_path(locale, page)
            if not path.is_file():
                continue
            status = tr.page_status(project, locale, page)
            english = tr.read_document(project.page_path(project.source, page))
            for note in glossary.check_page(english, tr.read_document(path), terms, status.skip_sections):
                notes.append((f"docs/{locale}/{page}:{note.line}", note.message))
    return notes


def _update_guide_glossary(project: Project) -> Path | None:
    """Rewrite the glossary table of TRANSLATING.md from the data (every
    language a column); None when the project has no such guide or table."""
    guide = project.root / "TRANSLATING.md"
    text = guide.read_text(encoding="utf-8") if guide.is_file() else ""
    if glossary.GUIDE_START not in text or glossary.GUIDE_END not in text:
        return None
    guide.write_text(glossary.update_guide(text, glossary.markdown_table(project)), encoding="utf-8")
    return guide


def cmd_jieba(args) -> int:
    text = glossary.jieba_user_dict(_project(args), args.locale)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        print(text, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
