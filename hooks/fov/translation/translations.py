"""Which version of the English each translation was made from, and what changed since.

A translation records, in its front matter, the short hash of each English
section it is current with (written by `stamp`, never by hand):

    translation:
      method: human            # optional: human, machine-assisted or reviewed
      source_hashes:
        _meta: 1a2b3c4d
        why-act-now: 3f2a9c1b

A section whose English hash differs from the recorded one (or that is new in
English) is outdated; a recorded section no longer in English was removed.
When stamping, the English text of each stamped section is stored under its
hash in docs/.translations/sources/, so `diff` can later show what changed
without git (shallow clones and tarballs work).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from fov.base import source_file
from fov.data.project import Project
from fov.translation import sections as sect

METHODS = ("human", "machine-assisted", "reviewed")
CURRENT, OUTDATED, MISSING, UNSTAMPED = "current", "outdated", "missing", "unstamped"
STATES = (CURRENT, OUTDATED, UNSTAMPED, MISSING)


class TranslationError(Exception):
    """A problem the person running a command can fix; the message says how."""


@dataclass
class PageStatus:
    locale: str
    page: str
    state: str
    outdated: list[str] = field(default_factory=list)  # English ids changed or new since the stamp
    removed: list[str] = field(default_factory=list)  # stamped ids no longer in English
    method: str | None = None

    @property
    def skip_sections(self) -> set[str]:
        """Sections the checks leave out: those the translation is not current with.
        A translation with no record claims nothing, and is checked in full."""
        if self.state == UNSTAMPED:
            return set()
        return set(self.outdated) | set(self.removed)

    def as_dict(self) -> dict:
        return {
            "state": self.state,
            "outdated_sections": self.outdated,
            "removed_sections": self.removed,
            "method": self.method,
        }


def translation_record(meta: dict) -> dict:
    record = meta.get("translation") if isinstance(meta, dict) else None
    return record if isinstance(record, dict) else {}


def stamped_hashes(meta: dict) -> dict[str, str]:
    hashes = translation_record(meta).get("source_hashes")
    if not isinstance(hashes, dict):
        return {}
    return {str(k): str(v) for k, v in hashes.items()}


def compare(english: sect.Document, translation_meta: dict) -> tuple[str, list[str], list[str]]:
    """(state, outdated ids, removed ids) of a translation against its English page."""
    stamps = stamped_hashes(translation_meta)
    if not stamps:
        return UNSTAMPED, english.ids, []
    outdated = [s.id for s in english.sections if stamps.get(s.id) != s.hash]
    removed = [i for i in stamps if english.section(i) is None]
    return (OUTDATED if outdated or removed else CURRENT), outdated, removed


def page_status(project: Project, locale: str, page: str) -> PageStatus:
    english = read_document(project.page_path(project.source, page))
    path = project.page_path(locale, page)
    if not path.is_file():
        return PageStatus(locale, page, MISSING, english.ids)
    translation = read_document(path)
    state, outdated, removed = compare(english, translation.meta)
    method = translation_record(translation.meta).get("method")
    return PageStatus(locale, page, state, outdated, removed, method)


def read_document(path: Path) -> sect.Document:
    return sect.parse(source_file.read_text(path))


# --- Stamping -----------------------------------------------------------------------------


def stamp(project: Project, locale: str, page: str, only: list[str] | None = None,
          method: str | None = None) -> list[str]:
    """Record the translation as current with the English sections `only` (default:
    all). Returns the stamped ids. Refuses sections the translation does not have."""
    english = read_document(project.page_path(project.source, page))
    path = project.page_path(locale, page)
    if not path.is_file():
        raise TranslationError(f"{project.shown(path)} does not exist: translate the page first "
                               "(TRANSLATING.md, 'Translate a new page').")
    read = source_file.read(path)
    if read.problems:  # writing it back would keep the guessed characters for good
        problem = read.problems[0]
        raise TranslationError(f"{project.shown(path)}:{problem.line}: {problem.what}. Fix: {problem.fix}.")
    text = read.text
    translation = sect.parse(text)
    ids = _ids_to_stamp(project, english, translation, path, only)
    stamps = {} if only is None else stamped_hashes(translation.meta)
    stamps.update({i: english.section(i).hash for i in ids})
    ordered = {s.id: stamps[s.id] for s in english.sections if s.id in stamps}
    # A partial stamp keeps the record of sections since removed from the English:
    # the translation still has them, and is still outdated until it drops them.
    ordered.update({i: h for i, h in stamps.items() if english.section(i) is None})
    for section_id in ids:
        save_snapshot(project, english.section(section_id))
    path.write_text(write_record(text, ordered, method), encoding="utf-8")
    return ids


def _ids_to_stamp(project, english, translation, path, only) -> list[str]:
    if only is not None:
        unknown = [i for i in only if english.section(i) is None]
        if unknown:
            raise TranslationError(
                f"{project.shown(path)}: no section {', '.join('#' + i for i in unknown)} in the "
                f"English page. Give one of its sections: "
                f"{', '.join('SECTION=' + i for i in english.ids)}."
            )
    ids = list(only) if only is not None else english.ids
    lacking = [i for i in ids if translation.section(i) is None]
    if lacking:
        where = ", ".join(_describe(english.section(i)) for i in lacking)
        raise TranslationError(
            f"{project.shown(path)} lacks {where} of the English page. Translate "
            f"{'them' if len(lacking) > 1 else 'it'} (keep the heading's {{#id}}), or stamp "
            "only the sections you have updated with SECTION=id (make stamp PAGE=… SECTION=id)."
        )
    return ids


def _describe(section: sect.Section) -> str:
    if section.id == sect.META:
        return "the front matter description"
    if section.id == sect.INTRO:
        return "the introduction above the first heading"
    return f"section #{section.id} ('{section.title}')"


def write_record(text: str, hashes: dict[str, str], method: str | None = None) -> str:
    """The page with its `translation:` front matter block set, the rest untouched."""
    front_matter, body, _ = sect.split_front_matter(text)
    lines = (front_matter or "").splitlines(keepends=True)
    start, end = _block_span(lines, "translation")
    old = yaml.safe_load("".join(lines[start:end])) if start is not None else None
    record = dict((old or {}).get("translation") or {})
    if method is not None:
        record["method"] = method
    record["source_hashes"] = hashes
    block = yaml.safe_dump({"translation": record}, allow_unicode=True, sort_keys=False,
                           default_flow_style=False, width=1000)
    if start is None:
        if lines and not lines[-1].endswith("\n"):
            lines[-1] += "\n"
        lines.append(block)
    else:
        lines[start:end] = [block]
    return "---\n" + "".join(lines) + "---\n" + (body if front_matter is not None else "\n" + text)


def _block_span(lines: list[str], key: str) -> tuple[int | None, int]:
    """Line span of a top-level YAML key's block (the key line and its indented lines)."""
    start = next((n for n, line in enumerate(lines) if line.split("#")[0].rstrip() == f"{key}:"
                  or line.startswith(f"{key}: ")), None)
    if start is None:
        return None, 0
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or lines[end][0] in " \t"):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    return start, end


# --- English snapshots and diffs ------------------------------------------------------------


def snapshot_path(project: Project, section_hash: str) -> Path:
    return project.snapshot_dir / f"{section_hash}.txt"


def save_snapshot(project: Project, section: sect.Section) -> None:
    path = snapshot_path(project, section.hash)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(section.text + "\n", encoding="utf-8")


def load_snapshot(project: Project, section_hash: str) -> str | None:
    path = snapshot_path(project, section_hash)
    return source_file.read_text(path).rstrip("\n") if path.is_file() else None


def snapshot_english(project: Project) -> int:
    """Store every current English section (idempotent). Returns how many were new."""
    new = 0
    for page in project.source_pages():
        for section in read_document(project.page_path(project.source, page)).sections:
            if not snapshot_path(project, section.hash).exists():
                save_snapshot(project, section)
                new += 1
    return new


@dataclass
class Change:
    id: str
    title: str
    old_hash: str | None  # None: the section is new in English
    new_hash: str | None  # None: the section was removed from English
    old_text: str | None  # None: not stored (stamped without the command) or new
    new_text: str | None

    def unified_diff(self, locale: str) -> str:
        old = (self.old_text or "").splitlines()
        new = (self.new_text or "").splitlines()
        lines = difflib.unified_diff(
            old, new, lineterm="",
            fromfile=f"#{self.id} (English when {locale} was stamped: {self.old_hash or 'never'})",
            tofile=f"#{self.id} (English now: {self.new_hash or 'removed'})",
        )
        return "\n".join(lines)

    def changed_words(self) -> int | None:
        """How many words differ between the stamped and the current English, or None
        when the stamped text is not available."""
        if self.old_text is None or self.new_text is None:
            return None
        old, new = self.old_text.split(), self.new_text.split()
        matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
        return sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in matcher.get_opcodes()
                   if tag != "equal")


def changes(project: Project, locale: str, page: str) -> list[Change]:
    english = read_document(project.page_path(project.source, page))
    path = project.page_path(locale, page)
    if not path.is_file():
        raise TranslationError(f"{project.shown(path)} does not exist yet: there is nothing to compare.")
    status = page_status(project, locale, page)
    stamps = stamped_hashes(read_document(path).meta)
    found = []
    for section_id in status.outdated + status.removed:
        section = english.section(section_id)
        old_hash = stamps.get(section_id)
        found.append(Change(
            id=section_id,
            title=section.title if section else "",
            old_hash=old_hash,
            new_hash=section.hash if section else None,
            old_text=load_snapshot(project, old_hash) if old_hash else None,
            new_text=section.text if section else None,
        ))
    return found


def accept_english_edit(project: Project, page: str, only: list[str] | None = None,
                        max_words: int = 3, force: bool = False) -> list[tuple[str, str, str]]:
    """After a fix to the English that needs no re-translation (a typo), restamp the
    translations of `page` for the changed sections whose change is at most
    `max_words` words. Returns (locale, section id, what happened) for each."""
    report = []
    for locale in project.locales:
        path = project.page_path(locale, page)
        if not path.is_file() or page_status(project, locale, page).state != OUTDATED:
            continue
        accepted = []
        for change in changes(project, locale, page):
            if only is not None and change.id not in only:
                continue
            verdict = _typo_verdict(change, max_words, force)
            report.append((locale, change.id, verdict))
            if verdict.startswith("restamped"):
                accepted.append(change.id)
        if accepted:
            stamp(project, locale, page, accepted)
    return report


def _typo_verdict(change: Change, max_words: int, force: bool) -> str:
    if change.old_hash is None:
        return "kept outdated: new in English, it needs translating"
    if change.new_hash is None:
        return "kept outdated: removed from English, the translator removes it"
    words = change.changed_words()
    if force:
        return "restamped (forced)"
    if words is None:
        return ("kept outdated: the English it was translated from is not stored; "
                "check with `diff`, then rerun with --force --section " + change.id)
    if words > max_words:
        return f"kept outdated: {words} words changed (more than {max_words}), it needs re-translating"
    return f"restamped: {words} word{'s' if words != 1 else ''} changed"
