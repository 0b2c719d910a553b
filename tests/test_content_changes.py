"""Content never turns the suite red: an English edit and a new language with
nothing translated yet both leave the strict build green, while the site shows
the honest notices. Each on a copy of the real project, changed as an author or
a translator changes it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import LANGUAGES, NEW_LOCALE, NEW_NAME, PAGES, build_site, copy_project
from fov.data.project import load_project
from test_translation_build import find, one, parse

HEADING_ID = re.compile(r"^#{1,6} .*\{#([\w-]+)")


def _page_html(site: Path, locale: str, page: str, default: str = "en") -> Path:
    folder = "" if locale == default else f"{locale}/"
    return site / folder / ("" if page == "index" else f"{page}/") / "index.html"


def _edit_one_sentence(path: Path) -> str:
    """Change one sentence of one section of an English page; return the section's id."""
    lines = path.read_text(encoding="utf-8").split("\n")
    section, body_started = None, not lines[0] == "---"
    for number, line in enumerate(lines):
        if not body_started:
            body_started = number > 0 and line == "---"
            continue
        heading = HEADING_ID.match(line)
        if heading:
            section = heading.group(1)
        elif section and line[:1].isalpha() and ". " in line:
            first, rest = line.split(". ", 1)
            lines[number] = f"{first}, as everyone agrees. {rest}"
            path.write_text("\n".join(lines), encoding="utf-8")
            return section
    raise AssertionError(f"no sentence to edit in {path}")


def test_an_english_edit_keeps_the_build_green_and_marks_the_translations_outdated(tmp_path):
    config = copy_project(tmp_path / "project")
    page = "support" if "support" in PAGES else PAGES[-1]
    section = _edit_one_sentence(tmp_path / "project/docs/en" / f"{page}.md")
    result = build_site(config, tmp_path / "site")
    assert result.ok, result.text
    for locale in LANGUAGES[1:]:
        html = parse(_page_html(tmp_path / "site", locale, page))
        if (tmp_path / "project/docs" / locale / f"{page}.md").is_file():
            banner = one(html, "div", "fov-notice--outdated")
            assert f"#{section}" in [a.get("href") for a in find(banner, "a")], locale
            heading = one(html, None, id=section)
            siblings = heading.parent.children
            assert "fov-outdated-note" in siblings[siblings.index(heading) + 1].classes, locale
        else:  # not translated yet: the English, with its notice
            one(html, "div", "fov-notice--fallback")
    english = parse(_page_html(tmp_path / "site", "en", page))
    assert find(english, cls="fov-notice") == []


def test_a_new_language_with_nothing_translated_builds_strictly_with_fallbacks(tmp_path):
    config = copy_project(tmp_path / "project")
    environment = {**os.environ, "PYTHONPATH": str(tmp_path / "project/hooks")}
    environment.pop("FOV_CONFIG", None)
    done = subprocess.run([sys.executable, "-m", "fov", "translate", "add-locale", NEW_LOCALE],
                          cwd=tmp_path / "project", env=environment, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert NEW_LOCALE in [lang.locale for lang in load_project(config).languages]
    result = build_site(config, tmp_path / "site")
    assert result.ok, result.text
    for page in PAGES:
        html = parse(_page_html(tmp_path / "site", NEW_LOCALE, page))
        assert one(html, "html").get("lang") == NEW_LOCALE, page
        notice = one(html, "div", "fov-notice--fallback")
        assert NEW_NAME in notice.all_text(), page
        assert one(html, "h1").language() == "en", page
    status = parse(tmp_path / "site" / NEW_LOCALE / "translations/index.html")
    assert "0%" in status.all_text()
