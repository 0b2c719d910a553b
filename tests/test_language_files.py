"""One file per language (fov.data.language_files, hooks/language_files.py): every word
of the site outside its pages is in docs/.translations/<language>.yml, and a new
language is one folder and one file plus one entry in mkdocs.yml's language list."""

from __future__ import annotations

import html
import re
import subprocess

from conftest import NEW_LOCALE, NEW_NAME, PROJECT, ROOT, build_site, copy_project, language_words
from translation_fixture import translate


def _git(folder, *args) -> str:
    return subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
                          cwd=folder, check=True, capture_output=True, text=True).stdout


def test_add_locale_in_a_git_copy_changes_only_the_new_folder_file_and_language_list(tmp_path):
    config = copy_project(tmp_path / "project")
    root = config.parent
    (root / ".gitignore").write_text(".cache\n", encoding="utf-8")
    _git(root, "init", "-q")
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "the campaign")

    translate(config, "add-locale", NEW_LOCALE)

    changed = sorted(_git(root, "status", "--porcelain", "--untracked-files=all").splitlines())
    assert changed == sorted([" M mkdocs.yml", f"?? docs/.translations/{NEW_LOCALE}.yml",
                              f"?? docs/{NEW_LOCALE}/.gitkeep"])
    diff = _git(root, "diff", "-U0", "mkdocs.yml")
    added = [line[1:] for line in diff.splitlines() if line.startswith("+") and not line.startswith("+++")]
    removed = [line for line in diff.splitlines() if line.startswith("-") and not line.startswith("---")]
    assert removed == [] and len(re.findall(r"^@@", diff, re.M)) == 1  # one block, only added
    assert [line.strip() for line in added] == [f"- locale: {NEW_LOCALE}", f"name: {NEW_NAME}", "build: true",
                                               "theme:", f"language: {NEW_LOCALE}"]

    # The copy builds strictly; the new language shows the English words until translated.
    result = build_site(config, tmp_path / "site")
    assert result.ok, result.text
    home = (tmp_path / "site" / NEW_LOCALE / "index.html").read_text(encoding="utf-8")
    english = language_words()["en"]
    assert f"<title>{english.nav.get('Home', 'Home')} - {english.site['name']}</title>" in home or \
        english.site["name"] in home
    assert f'<html lang="{NEW_LOCALE}"' in home


def test_each_language_shows_the_words_of_its_own_file(real_site):
    """The site name, description, footer line and menu of each language come from
    its file (a translated language's title differs from the English one)."""
    words = language_words()
    for locale in [lang.locale for lang in PROJECT.languages]:
        prefix = "" if locale == PROJECT.source else f"{locale}/"
        page = html.unescape((real_site.site / prefix / "call" / "index.html").read_text(encoding="utf-8"))
        site = words[locale].site
        assert f'content="{site["og_locale"]}"' in page, locale
        assert f"- {site['name']}</title>" in page, locale
        assert site["copyright"] in page, locale
        for english, title in words[locale].nav.items():
            assert f">{title}<" in page or f"{title}\n" in page, (locale, english)


def test_the_source_language_file_gives_the_english_words_mkdocs_yml_no_longer_has():
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    english = language_words()["en"]
    assert english.site["description"] not in text and english.ui["suggest"] not in text
    assert english.stakeholders and english.actions["audience_label"] and english.call_pdf["title"]
