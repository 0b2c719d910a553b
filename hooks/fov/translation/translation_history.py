"""What a translation and its English looked like when the translation was last current.

A translation's record (`translation.source_hashes`) names, per section, the
hash of the English it was made from. Two questions need the past:

- *What did that English say?* (the site's "what changed" page, `make
  translation-diff`): the snapshot stored by `stamp` in docs/.translations/sources/,
  else the newest commit whose English section has that hash.
- *Has the translator touched the section since it went out of date?* (`make stamp`
  refuses otherwise, and the pull-request check offers a stamp only for such
  sections): the translation's section now against the same section in the newest
  commit whose English still had the recorded hash (the last moment the
  translation was current). Without that commit or the translation in it (no
  git, a tarball, a record made elsewhere), against `fallback_ref` (HEAD for a
  command, the pull request's base in CI); unchanged there too is "not known".

Every git call is read-only and runs in the project's folder; without git the
answers are "not known" (None), never an error.
"""

from __future__ import annotations

import functools
import subprocess
from dataclasses import dataclass
from pathlib import Path

from fov.data.project import Project
from fov.translation import sections as sect, translations as tr


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True,
                              encoding="utf-8", errors="replace", timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


@functools.lru_cache(maxsize=1024)
def _log(root: Path, relpath: str, head: str) -> tuple[str, ...]:
    out = _git(root, "log", "--format=%H", head, "--", relpath)
    return tuple(out.split()) if out else ()


@functools.lru_cache(maxsize=4096)
def _show(root: Path, commit: str, relpath: str) -> str | None:
    """The file at `commit` (None: not there). Kept by commit: a commit never changes."""
    return _git(root, "show", f"{commit}:./{relpath}")


def _head(root: Path) -> str | None:
    out = _git(root, "rev-parse", "--verify", "--quiet", "HEAD")
    return out.strip() if out else None


def _relpath(project: Project, locale: str, page: str) -> str:
    return project.shown(project.page_path(locale, page))


def last_current_commit(project: Project, page: str, section_id: str, stamped_hash: str) -> str | None:
    """The newest commit whose English section `section_id` has `stamped_hash`."""
    head = _head(project.root)
    if head is None:
        return None
    relpath = _relpath(project, project.source, page)
    for commit in _log(project.root, relpath, head):
        text = _show(project.root, commit, relpath)
        section = sect.parse(text).section(section_id) if text is not None else None
        if section is not None and section.hash == stamped_hash:
            return commit
    return None


def old_english(project: Project, page: str, section_id: str, stamped_hash: str) -> str | None:
    """The English text of the section when it had `stamped_hash`, if known."""
    stored = tr.load_snapshot(project, stamped_hash)
    if stored is not None:
        return stored
    commit = last_current_commit(project, page, section_id, stamped_hash)
    if commit is None:
        return None
    section = sect.parse(_show(project.root, commit, _relpath(project, project.source, page)) or "")
    found = section.section(section_id)
    return found.text if found is not None else None


def changes(project: Project, locale: str, page: str) -> list[tr.Change]:
    """`translations.changes`, with the English of the stamp found in git when no
    snapshot of it was stored."""
    found = tr.changes(project, locale, page)
    for change in found:
        if change.old_text is None and change.old_hash and change.new_hash:
            change.old_text = old_english(project, page, change.id, change.old_hash)
    return found


def edited_since_current(project: Project, locale: str, page: str, section_id: str,
                         stamped_hash: str | None, fallback_ref: str = "HEAD") -> bool | None:
    """Whether the translation's section differs from what it was when the translation
    was last current with the English (None: not known)."""
    now = tr.read_document(project.page_path(locale, page)).section(section_id)
    now_text = sect.normalise(now.text) if now is not None else ""
    relpath = _relpath(project, locale, page)
    commit = last_current_commit(project, page, section_id, stamped_hash) if stamped_hash else None
    for reference in (commit, fallback_ref if _head(project.root) else None):
        then = _show(project.root, reference, relpath) if reference else None
        if then is None:
            continue  # not there then: try the next reference
        old = sect.parse(then).section(section_id)
        if old is None or sect.normalise(old.text) != now_text:
            return True
        if reference == commit:
            return False
    return None


@dataclass(frozen=True)
class Review:
    """Which of a translation's outdated sections the translator has updated."""
    locale: str
    page: str
    state: str
    edited: tuple[str, ...]  # outdated sections whose translation changed since: may be stamped
    unedited: tuple[str, ...]  # outdated sections whose translation did not change
    unknown: tuple[str, ...]  # outdated sections where that cannot be told (no history)
    dropped: tuple[str, ...]  # sections removed from the English that the translation dropped too
    lacking: tuple[str, ...]  # English sections the translation does not have


def review(project: Project, locale: str, page: str, fallback_ref: str = "HEAD") -> Review:
    status = tr.page_status(project, locale, page)
    translation = tr.read_document(project.page_path(locale, page))
    english = tr.read_document(project.page_path(project.source, page))
    stamps = tr.stamped_hashes(translation.meta)
    edited, unedited, unknown = [], [], []
    lacking = tuple(s.id for s in english.sections if translation.section(s.id) is None)
    candidates = english.ids if status.state == tr.UNSTAMPED else status.outdated
    for section_id in candidates:
        if section_id in lacking:
            continue
        if status.state == tr.UNSTAMPED:
            verdict = True  # no claim recorded yet: the first stamp of a translation
        else:
            verdict = edited_since_current(project, locale, page, section_id,
                                           stamps.get(section_id), fallback_ref)
        {True: edited, False: unedited, None: unknown}[verdict].append(section_id)
    dropped = tuple(i for i in status.removed if translation.section(i) is None)
    return Review(locale, page, status.state, tuple(edited), tuple(unedited), tuple(unknown),
                  dropped, lacking)
