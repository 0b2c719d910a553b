"""The translators' guide, checklist and data, and the real site's status page."""

from __future__ import annotations

import json
import string
import subprocess
import sys

import pytest

from conftest import HOOKS, LANGUAGES, PAGES, ROOT
from fov.data.project import load_project
from fov.data.translation_data import data_file, read_file
from fov.translation import glossary
from test_translation_build import find, one, parse

PROJECT = load_project(ROOT / "mkdocs.yml")
GUIDE = (ROOT / "TRANSLATING.md").read_text(encoding="utf-8")


def test_guide_glossary_table_is_the_one_generated_from_the_data():
    assert glossary.update_guide(GUIDE, glossary.markdown_table(PROJECT)) == GUIDE, (
        "run: PYTHONPATH=hooks .venv/bin/python -m fov translate glossary --update-guide")


@pytest.mark.parametrize("command", [
    "make preview LANG=zh-Hant", "make stamp PAGE=docs/zh-Hant/call.md",
    "make translation-diff PAGE=docs/zh-Hant/call.md", "make status", "make add-locale LANG=fr",
])
def test_guide_commands_are_real_make_targets(command):
    assert command in GUIDE
    target, *variables = command.split()[1:]
    done = subprocess.run(["make", "--dry-run", target, *variables], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "-m fov " in done.stdout  # it runs the translators' tools


def test_pull_request_template_has_the_translators_checklist():
    template = (ROOT / ".github/pull_request_template.md").read_text(encoding="utf-8")
    for needed in ("{#why-act-now}", "make stamp PAGE=", "translation.method", "machine-assisted",
                   "make preview LANG=", "- [ ]"):
        assert needed in template


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


# A notice written in a language need not name it: "{language}" may be left out
# (French, for one, does not capitalise "français" as its menu name "Français" is).
OPTIONAL_PLACEHOLDERS = {"language"}


@pytest.mark.parametrize("locale", [lang for lang in LANGUAGES if lang != "en"])
def test_every_string_a_language_has_keeps_the_placeholders(locale):
    """A string not translated yet falls back to English (a new language has
    none): only those it has are checked, and none is made up."""
    english = read_file(data_file(PROJECT, "en"))["strings"]
    own = read_file(data_file(PROJECT, locale)).get("strings") or {}
    assert set(own) <= set(english)
    for key, text in ((key, text) for key, text in english.items() if key in own):
        assert _placeholders(own[key]) <= _placeholders(text), key  # none misspelt or made up
        assert _placeholders(text) - OPTIONAL_PLACEHOLDERS <= _placeholders(own[key]), key


@pytest.mark.parametrize("locale", [lang for lang in LANGUAGES if lang != "en"])
def test_every_glossary_entry_a_language_has_is_one_of_the_english_with_a_term(locale):
    ids = [entry["id"] for entry in read_file(data_file(PROJECT, "en"))["glossary"]]
    own = read_file(data_file(PROJECT, locale)).get("glossary") or {}
    assert set(own) <= set(ids)
    assert all(entry.get("term") for entry in own.values())


def test_real_site_status_page_agrees_with_the_command(real_site):
    status = _status_json()
    for folder in ("" if lang == "en" else f"{lang}/" for lang in LANGUAGES):
        page = parse(real_site.site / folder / "translations/index.html")
        heading = one(page, "h2", id="pages")
        siblings = heading.parent.children
        table = next(e for e in siblings[siblings.index(heading):] if e.tag == "table")
        rows = find(table, "tr")
        assert len(rows) == 1 + len(PAGES)  # a header, then one row per page
        assert [len(find(row, "td")) for row in rows[1:]] == [1 + len(status["languages"])] * len(PAGES)
        states = [cls.removeprefix("fov-status--") for cell in find(page, "span", "fov-status")
                  for cls in cell.classes if cls.startswith("fov-status--")]
        expected = [data["pages"][p]["state"] for p in status["pages"]
                    for data in status["languages"].values()]
        assert sorted(states) == sorted(expected)


def _status_json() -> dict:
    done = subprocess.run([sys.executable, "-m", "fov", "translate", "status", "--json"], cwd=ROOT,
                          env={"PYTHONPATH": str(HOOKS)}, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_real_site_status_summary_agrees_with_the_command_whatever_the_states(real_site):
    """The summary shows every translation's counts as the command computes
    them. It never requires them to be 100 %: an English edit, an outdated or a
    new, untranslated language leaves the suite green (the site says so)."""
    status = _status_json()
    page = parse(real_site.site / "translations/index.html")
    heading = one(page, "h2", id="summary")
    siblings = heading.parent.children
    table = next(e for e in siblings[siblings.index(heading):] if e.tag == "table")
    rows = [[cell.all_text().strip() for cell in find(row, "td")] for row in find(table, "tr")[1:]]
    names = {lang.name: lang.locale for lang in PROJECT.translations}
    assert sorted(names[row[0]] for row in rows) == sorted(LANGUAGES[1:])
    for row in rows:  # language, up to date, outdated, not checked, missing, %, interface strings to translate
        summary = status["languages"][names[row[0]]]
        assert row[1:] == [str(summary["up_to_date"]), str(summary["outdated"]), str(summary["unstamped"]),
                           str(summary["missing"]), f"{summary['percent_up_to_date']}% up to date",
                           str(summary["interface_to_translate"])], row
        assert sum(int(n) for n in row[1:5]) == len(PAGES)  # every page counted once
    headers = [cell.all_text().strip() for cell in find(table, "th")]
    assert headers[-1] == "Site strings to translate"


def test_real_site_links_the_status_page_from_every_page(real_site):
    expected = {"index.html": ("translations/", "Translation status"),
                "zh-Hant/call/index.html": ("../translations/", "翻譯進度"),
                "zh-Hans/contact/index.html": ("../translations/", "翻译进度")}
    for path, (href, label) in expected.items():
        link = one(parse(real_site.site / path), "a", "fov-footer-links__status")
        assert (link.get("href"), link.all_text()) == (href, label)
