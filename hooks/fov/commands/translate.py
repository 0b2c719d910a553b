"""Translators' and maintainers' commands. Run from the repository root:

    PYTHONPATH=hooks .venv/bin/python -m fov translate <command> ...

  status [--json]                      pages up to date / outdated / missing, per language
  stamp PATH... [--section ID]... [--method M] [--confirm]
                                       record a translation as current with the English
                                       (a section whose translation has not changed since
                                       the English did needs --confirm)
  diff PATH [--section ID]...          what changed in the English since PATH was stamped
  check [--base REF | --changed FILE...] [--site DIR]
                                       the pull-request check: the stamp each changed
                                       translation has earned, and the changed pages' paths
                                       in the built site (annotations with GITHUB_ACTIONS=true)
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
ones: make status, make stamp PAGE=docs/zh-Hant/call.md [SECTION=id] [CONFIRM=yes],
make translation-diff PAGE=..., make translation-check BASE=origin/main, make add-locale LANG=de.
Every error is one sentence that names the file and the fix, in the Makefile's spelling.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import sys
from pathlib import Path

import yaml

from fov.base import report, source_file
from fov.data.project import load_project, Project
from fov.data.translation_data import load
from fov.translation import (glossary, locales, translation_check as check, translation_history as history,
                             translations as tr)
from fov.translation.translation_status import as_json, as_markdown, collect


# How each command is run through make: error messages spell options this way.
MAKE_USAGE = {
    "status": "make status",
    "stamp": "make stamp PAGE=docs/fr/call.md [SECTION=id] [CONFIRM=yes]",
    "diff": "make translation-diff PAGE=docs/fr/call.md [SECTION=id]",
    "check": "make translation-check BASE=origin/main",
    "add-locale": "make add-locale LANG=de",
}


class UsageError(Exception):
    """The command line is not one the command understands."""


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse would print a usage line and exit with code 2
        command = self.prog.split()[-1]
        usage = MAKE_USAGE.get(command, "; ".join(MAKE_USAGE.values()))
        raise UsageError(f"The command was not given what it needs ({message}). "
                         f"Run it as: {usage} (TRANSLATING.md explains each).")


def main(argv: list[str] | None = None) -> int:
    args = None
    try:
        args = _parser().parse_args(argv)
        code = args.run(args)
    except (UsageError, tr.TranslationError, locales.LocaleError) as error:
        message = str(error.args[0] if error.args else error)
    except KeyError as error:
        message = f"{error.args[0]}." if error.args else "Unknown name."
    except UnicodeDecodeError as error:
        message = (f"A file is not saved as UTF-8 (byte {error.start}: {error.reason}). Open it in "
                   "your editor and save it as UTF-8.")
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{mark.name}:{mark.line + 1}: " if mark else ""
        message = (f"{where}the YAML cannot be read ({getattr(error, 'problem', error)}). Put a "
                   "text that contains ': ' or starts with a quote in double quotes.")
    except OSError as error:
        name = error.filename or "a file"
        message = (f"{name}: {error.strerror or error}. Check the path (paths start at the folder "
                   "of mkdocs.yml, e.g. docs/fr/call.md).")
    else:
        _print_read_problems(args)
        return code
    report.refuse(message)
    if args is not None:
        _print_read_problems(args, said=message)
    return 2


def _print_read_problems(args, said: str = "") -> None:
    """Files under docs/ that were read with a problem (not UTF-8, YAML that does not
    parse): the command went on with what it could read; this says where and how to fix."""
    root = Path(getattr(args, "config", None) or "mkdocs.yml").resolve().parent
    for finding in source_file.findings(root):
        if finding.message not in said:
            report.tell(finding)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m fov translate", description=__doc__,
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
    p.add_argument("--confirm", action="store_true",
                   help="stamp sections whose translation has not changed since the English did")
    p.set_defaults(run=cmd_stamp)

    p = sub.add_parser("diff", help="what changed in the English since the stamp")
    p.add_argument("path", metavar="PATH")
    p.add_argument("--section", action="append", metavar="ID")
    p.set_defaults(run=cmd_diff)

    p = sub.add_parser("check", help="the pull-request check: stamps earned, changed pages")
    p.add_argument("--base", help="the pull request's base (e.g. origin/main): compare with it")
    p.add_argument("--changed", nargs="*", metavar="FILE", help="the changed files (instead of --base)")
    p.add_argument("--site", type=Path, help="the built site, to say where each changed page is")
    p.set_defaults(run=cmd_check)

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


def _shown(project: Project, locale: str, page: str) -> str:
    """A page as the commands name it: its path from the repository's root."""
    return project.shown(project.page_path(locale, page))


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
        docs = project.docs_dir.name
        given = f"'{relative[0]}' is not a translated language of this site" if relative else "no language given"
        raise tr.TranslationError(
            f"{path}: {given}. Give a translation under {docs}/<language>/, with a language of "
            f"{', '.join(project.locales)} (e.g. PAGE={docs}/{project.locales[0]}/index.md); to add a "
            f"language, run make add-locale LANG=<code>."
        )
    locale = relative[0]
    if len(relative) == 1:
        return [(locale, page) for page in project.source_pages()
                if project.page_path(locale, page).is_file()]
    page = "/".join(relative[1:])
    if not project.page_path(project.source, page).is_file():
        folder = f"{project.docs_dir.name}/{locale}"
        guess = difflib.get_close_matches(page, project.source_pages(), n=1, cutoff=0.5)
        hint = (f"did you mean {folder}/{guess[0]}?" if guess else
                f"the pages are: {', '.join(project.source_pages())}.")
        raise tr.TranslationError(
            f"{path}: there is no English page {project.docs_dir.name}/{project.source}/{page}, so this "
            f"is not a translation. Translations keep the English file name: {hint}")
    if not project.page_path(locale, page).is_file():
        raise tr.TranslationError(
            f"{path} does not exist yet. Translate the page first: create it with the link "
            f"\"Help translate this page\" on the site, or copy {project.docs_dir.name}/{project.source}/{page} "
            f"to {path} and translate it.")
    return [(locale, page)]


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
        raise tr.TranslationError(
            f"{path}: there is no English page {project.docs_dir.name}/{project.source}/{page}. Give an "
            f"English page, e.g. PAGE={project.docs_dir.name}/{project.source}/{project.source_pages()[0]}.")
    return page


def cmd_status(args) -> int:
    project = _project(args)
    status = collect(project)
    missing = missing_documents(project)
    if args.json:
        print(json.dumps({**as_json(status), "missing_content": missing}, ensure_ascii=False, indent=2))
    else:
        print(as_markdown(status), end="")
        if missing:
            print("\n## Missing content\n")
            for name in missing:
                print(f"- {name}: no official address yet; the pages say where to get it. "
                      "Once it is published, add its `url` under extra.campaign.documents in mkdocs.yml "
                      "and link it from the pages.")
        notes = glossary_notes(status.project, status.project.locales)
        if notes:  # the build shows them only with --verbose
            print(f"\n### Glossary notes ({len(notes)}, suggestions, not errors)\n")
            print("\n".join(f"- `{where}` {message}" for where, message in notes))
    return 0


def missing_documents(project: Project) -> list[str]:
    """The companion documents the call names that have no official address yet
    (extra.campaign.documents in mkdocs.yml, an entry without `url`)."""
    return [str(d.get("name")) for d in project.campaign.documents
            if isinstance(d, dict) and d.get("name") and not d.get("url")]


def cmd_stamp(args) -> int:
    project = _project(args)
    refused = []
    for path in args.paths:
        for locale, page in targets(project, path):
            unseen = [] if args.confirm else _unseen(project, locale, page, args.section)
            if unseen:
                refused.append(_refusal(project, locale, page, unseen))
                continue
            ids = tr.stamp(project, locale, page, args.section, args.method)
            print(f"stamped {_shown(project, locale, page)}: current with {len(ids)} English "
                  f"section{'s' if len(ids) != 1 else ''} ({', '.join(ids)})")
    for message in refused:
        report.refuse(message)
    return 2 if refused else 0


def _unseen(project, locale: str, page: str, only: list[str] | None) -> list[tuple[str, bool]]:
    """Outdated sections to stamp whose translation has not changed since the English did
    (True) or where that cannot be told (False)."""
    found = history.review(project, locale, page)
    return [(i, i in found.unedited) for i in (*found.unedited, *found.unknown)
            if only is None or i in only]


def _refusal(project, locale: str, page: str, unseen: list[tuple[str, bool]]) -> str:
    path = f"{project.docs_dir.name}/{locale}/{page}"
    ids = ", ".join(f"#{i}" for i, _ in unseen)
    one = len(unseen) == 1
    why = ("its translation has not changed since" if one else "their translation has not changed since") \
        if all(known for _, known in unseen) else "no history says whether the translation was updated since"
    return (f"{path}: not stamped. {ids} changed in English after this translation was made, and {why}, "
            f"so stamping would mark as up to date a text nobody has checked. Update "
            f"{'it' if one else 'them'} first (make translation-diff PAGE={path} shows what changed), then "
            f"run make stamp PAGE={path} again; if the translation needs no change, confirm it with "
            f"make stamp PAGE={path} CONFIRM=yes" + (f" SECTION={unseen[0][0]}" if one else "") + ".")


def cmd_diff(args) -> int:
    project = _project(args)
    for locale, page in targets(project, args.path):
        found = [c for c in history.changes(project, locale, page) if not args.section or c.id in args.section]
        if not found:
            print(f"{_shown(project, locale, page)} is current with the English.")
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


def cmd_check(args) -> int:
    project = _project(args)
    if args.changed is not None:
        files = check.relpaths(project, args.changed)
    elif args.base:
        files = check.changed_files(project, args.base)
    else:
        raise UsageError("Say what the pull request changed: make translation-check BASE=origin/main "
                         "(its base branch), or give the files with --changed.")
    offers, summary = check.run(project, files, args.site, args.base or "HEAD")
    if check.in_github_actions():
        for line in check.annotations(offers):
            print(line)
        summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary_file:
            with open(summary_file, "a", encoding="utf-8") as out:
                out.write(summary)
        else:
            print(summary, end="")
    else:
        for line in check.plain(offers):
            print(line)
        print(summary, end="")
    return 0


def cmd_no_retranslate(args) -> int:
    project = _project(args)
    page = english_page(project, args.page)
    verdicts = tr.accept_english_edit(project, page, args.section, args.max_words, args.force)
    if not verdicts:
        print(f"no translation of {page} is outdated: nothing to do.")
    for locale, section_id, verdict in verdicts:
        print(f"{_shown(project, locale, page)} #{section_id}: {verdict}")
    return 0


def cmd_snapshot(args) -> int:
    print(f"stored {tr.snapshot_english(_project(args))} new English section(s)")
    return 0


def cmd_add_locale(args) -> int:
    added = locales.add_locale(_project(args), args.locale, args.name)
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
    report.remark(f"{len(notes)} glossary note(s). Notes are suggestions, not errors.")
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
                notes.append((f"{_shown(project, locale, page)}:{note.line}", note.message))
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
