"""The pull-request check for translators: what to write so an updated page counts as
up to date, and where each changed page is in the built site.

A translator who works in the browser cannot run `make stamp`. For each
translation the pull request changes, this works out the stamp the translator
has earned — the English hashes of the outdated sections whose translation
changed since the page went out of date (fov.translation.translation_history), nothing
else — and says exactly which lines of the front matter to replace with which,
as a notice annotation on the line (GitHub shows it on the pull request's
"Files changed" tab and in the check's summary) and in the run's summary.
Sections still not updated get a notice at their heading. Nothing fails here:
a translation that is not up to date is honest, not an error.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

from mkdocs.structure.files import File

from fov.base import source_file
from fov.base.findings import Finding, github_annotation
from fov.data.project import Project
from fov.translation import sections as sect, translation_history as history, translations as tr

SUMMARY_TITLE = "## Translations in this pull request"
PAGES_TITLE = "## Changed pages in the built site"


@dataclass
class Offer:
    """What the check says about one changed translation."""
    path: str  # docs/fr/call.md
    locale: str
    page: str
    state: str  # the state now
    stamped: tuple[str, ...] = ()  # sections the new block marks as current
    block: str = ""  # the `translation:` block to write ("" when there is nothing to write)
    first_line: int = 0  # the lines it replaces (first, last); last < first: insert before first
    last_line: int = 0
    changed_line: int = 0  # the first line the pull request changed: GitHub shows the notice there
    current_after: bool = False  # the page is up to date once the block is written
    waiting: list[tuple[str, int, str]] = field(default_factory=list)  # (id, line, reason)

    @property
    def where(self) -> str:
        if self.last_line >= self.first_line:
            lines = (f"line {self.first_line}" if self.first_line == self.last_line else
                     f"lines {self.first_line}-{self.last_line}")
            return f"replace {lines} (the translation: block of the front matter) with these lines"
        if self.block.startswith("---"):
            return "add these lines at the very top of the file (a front matter of its own)"
        return f"add these lines to the front matter, before line {self.first_line} (its closing ---)"

    @property
    def outcome(self) -> str:
        return ("Then the page counts as up to date" if self.current_after else
                "Then those sections count as up to date")

    @property
    def findings(self) -> list[Finding]:
        found = []
        if self.block:
            found.append(Finding(
                self.path, self.changed_line or max(self.first_line, 1),
                f"You updated {_ids(self.stamped)} of this translation since the English changed",
                f"{self.where}:\n{self.block.rstrip()}\n{self.outcome}"))
        for section_id, line, reason in self.waiting:
            found.append(Finding(self.path, line, reason, _waiting_fix(self, section_id)))
        return found


def _ids(ids) -> str:
    names = {sect.META: "the description (front matter)", sect.INTRO: "the introduction"}
    return ", ".join(names.get(i, f"#{i}") for i in ids)


def _waiting_fix(offer: Offer, section_id: str) -> str:
    return (f"update it (the site's page \"What changed in English\" shows the change, and "
            f"`make translation-diff PAGE={offer.path}` too); this check then gives you its stamp. "
            f"If the translation needs no change, a maintainer stamps it with "
            f"`make stamp PAGE={offer.path} SECTION={section_id} CONFIRM=yes`")


def changed_files(project: Project, base: str) -> list[str]:
    """Files the pull request changes (relative to the project's folder), from git."""
    out = history._git(project.root, "diff", "--name-only", "--relative", "--diff-filter=d",
                       f"{base}...HEAD")
    if out is None:
        raise tr.TranslationError(
            f"git cannot compare HEAD with '{base}': give the pull request's base branch as it is "
            "known here, e.g. BASE=origin/main (in CI, check out with fetch-depth: 0).")
    return [line for line in out.splitlines() if line]


def first_changed_line(project: Project, relpath: str, base: str) -> int:
    """The first line of `relpath` the pull request changed (0: none known). A notice on
    a changed line shows in the pull request's "Files changed" tab, not only in the summary."""
    out = history._git(project.root, "diff", "--unified=0", f"{base}...HEAD", "--", relpath) or ""
    for match in re.finditer(r"^@@ -\S+ \+(\d+)(?:,(\d+))? @@", out, re.M):
        if match.group(2) != "0":
            return int(match.group(1))
    return 0


def translation_of(project: Project, relpath: str) -> tuple[str, str] | None:
    """(locale, page) when `relpath` is a translation of an English page."""
    try:
        parts = (project.root / relpath).resolve().relative_to(project.docs_dir).parts
    except ValueError:
        return None
    if len(parts) < 2 or parts[0] not in project.locales or not parts[-1].endswith(".md"):
        return None
    page = "/".join(parts[1:])
    english = project.page_path(project.source, page)
    if not english.is_file() or not project.page_path(parts[0], page).is_file():
        return None
    return parts[0], page


def offer(project: Project, locale: str, page: str, base: str) -> Offer:
    path = project.page_path(locale, page)
    relpath = project.shown(path)
    found = history.review(project, locale, page, fallback_ref=base)
    result = Offer(relpath, locale, page, found.state, changed_line=first_changed_line(project, relpath, base))
    translation = tr.read_document(path)
    english = tr.read_document(project.page_path(project.source, page))
    if found.state == tr.CURRENT:
        return result
    stamps = {} if found.state == tr.UNSTAMPED else tr.stamped_hashes(translation.meta)
    if found.edited or found.dropped:
        stamps.update({i: english.section(i).hash for i in found.edited})
        for i in found.dropped:
            stamps.pop(i, None)
        ordered = {s.id: stamps[s.id] for s in english.sections if s.id in stamps}
        ordered.update({i: h for i, h in stamps.items() if english.section(i) is None})
        text = source_file.read_text(path)
        result.block, result.first_line, result.last_line = _block_change(text, ordered)
        result.stamped = tuple(found.edited) + tuple(f"{i} (removed)" for i in found.dropped)
        left = [s for s in english.sections if ordered.get(s.id) != s.hash]
        result.current_after = not left and all(english.section(i) for i in ordered)
    for section_id in found.unedited + found.unknown:
        own = translation.section(section_id)
        reason = (f"#{section_id} changed in English since this translation was made, and its "
                  "translation has not changed" if section_id in found.unedited else
                  f"#{section_id} changed in English since this translation was made; whether its "
                  "translation was updated cannot be told from the history")
        result.waiting.append((section_id, own.line if own else 1, reason))
    for section_id in found.lacking:
        result.waiting.append((section_id, 1, f"#{section_id} of the English page is not in "
                                              "this translation yet"))
    return result


def _block_change(text: str, hashes: dict[str, str]) -> tuple[str, int, int]:
    """The `translation:` block to write, and the file lines it replaces (first, last),
    or (line, line - 1) to insert before `line`."""
    new_front, _, _ = sect.split_front_matter(tr.write_record(text, hashes))
    new_lines = (new_front or "").splitlines(keepends=True)
    start, end = tr._block_span(new_lines, "translation")
    block = "".join(new_lines[start:end])
    front, _, body_line = sect.split_front_matter(text)
    if front is None:
        return "---\n" + block + "---\n", 1, 0
    old_start, old_end = tr._block_span(front.splitlines(keepends=True), "translation")
    if old_start is None:
        closing = body_line - 1  # the line of the closing ---
        return block, closing, closing - 1
    return block, old_start + 2, old_end + 1  # front matter starts at line 2


def built_path(project: Project, relpath: str, default_language: str | None = None) -> str | None:
    """Where a changed page is in the built site (fr/call/index.html), or None."""
    try:
        parts = (project.root / relpath).resolve().relative_to(project.docs_dir).parts
    except ValueError:
        return None
    if len(parts) < 2 or not parts[-1].endswith(".md") or parts[0].startswith("."):
        return None
    directory_urls = project.use_directory_urls
    dest = File("/".join(parts[1:]), None, "", directory_urls).dest_uri
    root = default_language or project.source
    return dest if parts[0] == root else f"{parts[0]}/{dest}"


def run(project: Project, files: list[str], site: Path | None, base: str) -> tuple[list[Offer], str]:
    """The offers for the changed translations and the run summary (Markdown)."""
    offers = [offer(project, *pair, base) for pair in
              (translation_of(project, f) for f in files) if pair]
    return offers, summary(project, offers, files, site)


def summary(project: Project, offers: list[Offer], files: list[str], site: Path | None) -> str:
    out = [SUMMARY_TITLE, ""]
    if not offers:
        out.append("No translated page changed.")
    for item in offers:
        out.append(f"### `{item.path}`")
        out.append("")
        if item.state == tr.CURRENT:
            out += ["Up to date with the English: nothing to write.", ""]
            continue
        if item.block:
            out += [f"- Line {item.changed_line or max(item.first_line, 1)}: you updated {_ids(item.stamped)} since the "
                    f"English changed. To do: {item.where}:", "",
                    "  ```yaml", *("  " + line for line in item.block.rstrip().split("\n")), "  ```",
                    "", f"  {item.outcome}.", ""]
        for section_id, line, reason in item.waiting:
            out.append(f"- Line {line}: {reason}. To do: {_waiting_fix(item, section_id)}.")
        out.append("")
    pages = [(f, built_path(project, f)) for f in files]
    pages = [(f, p) for f, p in pages if p]
    if pages:
        out += ["", PAGES_TITLE, "",
                "Download the artifact `site` from this run's summary page (section Artifacts), "
                "unzip it, and open these files in a browser:", ""]
        for source, built in pages:
            missing = site is not None and not (site / built).is_file()
            out.append(f"- `{source}` → `{built}`" + (" (not in the built site)" if missing else ""))
    return "\n".join(out) + "\n"


def annotations(offers: list[Offer]) -> list[str]:
    """The workflow commands: notices (a translation's state is never an error)."""
    return [github_annotation(replace(f, severity="notice"))
            for item in offers for f in item.findings]


def plain(offers: list[Offer]) -> list[str]:
    return [f.message for item in offers for f in item.findings]


def in_github_actions() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true"


def relpaths(project: Project, names: list[str]) -> list[str]:
    out = []
    for name in names:
        path = Path(name)
        absolute = path if path.is_absolute() else Path.cwd() / path
        try:
            out.append(absolute.resolve().relative_to(project.root).as_posix())
        except ValueError:
            out.append(PurePosixPath(name).as_posix())
    return out
