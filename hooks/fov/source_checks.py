"""What is wrong with a page as saved, before it is rendered: its front matter, a page
with no text, a translation saved under a name the English page does not have.
(The bytes themselves: fov.source_file.)"""

from __future__ import annotations

from fov.findings import Problem, nearest_name
from fov.source_file import empty_page_problem, front_matter_problems


def page_problems(text: str, translation: bool) -> list[Problem]:
    """Front matter MkDocs would not read, else a page with nothing in it: one problem
    (not one per heading the empty page lacks)."""
    problems = front_matter_problems(text)
    if not problems:
        empty = empty_page_problem(text, translation)
        problems = [empty] if empty else []
    return problems


def no_english_original(language: str, page: str, source: str, english_pages: list[str],
                        translated_pages: set[str], docs: str = "docs") -> Problem | None:
    """A translation keeps the English file name: a page under docs/fr/ that docs/en/ lacks
    replaces no page and appears in no menu. None when the English page exists."""
    if page in english_pages:
        return None
    untranslated = [p for p in english_pages if p not in translated_pages]
    guess = nearest_name(page, untranslated) or nearest_name(page, english_pages)
    return Problem(
        what=f"there is no English page {docs}/{source}/{page}: this translation replaces no page "
        "and appears in no menu",
        fix="translations keep the English file name: "
        + (f"did you mean `{docs}/{language}/{guess}`? Rename the file" if guess else
           "rename the file to the name of the English page it translates, one of "
           + ", ".join(f"`{p}`" for p in (untranslated or english_pages)[:12])),
        line=1)
