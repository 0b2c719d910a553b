"""The translators' commands (python -m fov translate, make status/stamp), run for
real on fixture sites in tmp_path: no .git anywhere, as in a tarball."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from conftest import HOOKS, NEW_LOCALE, NEW_NAME, NEW_OG_LOCALE, PROJECT, ROOT
from fov.data.language_files import load as load_words, SECTIONS
from fov.data.project import i18n_config, read_config_text
from fov.translation import sections as sect, translations as tr
from translation_fixture import edit, make_site, translate


def _no_git_above(path):
    return not any((folder / ".git").exists() for folder in (path, *path.parents))


@pytest.fixture
def site(tmp_path):
    assert _no_git_above(tmp_path)
    return make_site(tmp_path)


def _status(config) -> dict:
    return json.loads(translate(config, "status", "--json").stdout)


def test_status_json_lists_current_outdated_and_missing_pages(site):
    edit(site.parent / "docs/en/call.md", "Around 862 million", "About 862 million")
    status = _status(site)
    assert status["source"] == "en"
    assert status["pages"] == ["index.md", "call.md", "contact.md"]
    zh = status["languages"]["zh-Hant"]
    assert zh["name"] == "繁體中文"
    assert (zh["up_to_date"], zh["outdated"], zh["missing"], zh["total"]) == (1, 1, 1, 3)
    assert zh["percent_up_to_date"] == 33
    assert zh["pages"]["index.md"] == {"state": "current", "outdated_sections": [],
                                       "removed_sections": [], "method": None}
    assert zh["pages"]["call.md"]["state"] == "outdated"
    assert zh["pages"]["call.md"]["outdated_sections"] == ["why"]
    assert zh["pages"]["contact.md"]["state"] == "missing"


def test_status_table_is_markdown(site):
    table = translate(site, "status").stdout
    assert table.startswith("## Translation status\n")
    assert "| 繁體中文 (`zh-Hant`) | 2 | 0 | 0 | 1 | 67% |" in table
    assert "| `contact.md` | ✗ missing |" in table


def test_make_status_prints_the_markdown_table_of_the_project():
    done = subprocess.run(["make", "--no-print-directory", "--silent", "status"], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    assert done.stdout.startswith("## Translation status\n")
    for name in ("繁體中文 (`zh-Hant`)", "简体中文 (`zh-Hans`)", "`index.md`", "`contact.md`"):
        assert name in done.stdout


def test_stamp_records_every_section_and_stores_the_english(site):
    page = site.parent / "docs/zh-Hant/call.md"
    english = sect.parse((site.parent / "docs/en/call.md").read_text(encoding="utf-8"))
    assert tr.stamped_hashes(sect.parse(page.read_text(encoding="utf-8")).meta) == english.hashes
    for section in english.sections:
        stored = site.parent / "docs/.translations/sources" / f"{section.hash}.txt"
        assert stored.read_text(encoding="utf-8").strip() == section.text
    assert "# 行動號召 {#the-call}" in page.read_text(encoding="utf-8")  # the body is untouched


def test_stamp_refuses_sections_the_translation_lacks(site):
    edit(site.parent / "docs/en/call.md", "## How the call was made {#how}",
         "## Who signed {#who}\n\nFive organisations.\n\n## How the call was made {#how}")
    refused = translate(site, "stamp", "docs/zh-Hant/call.md", check=False)
    assert refused.returncode == 2
    assert "docs/zh-Hant/call.md lacks section #who ('Who signed')" in refused.stderr
    assert "SECTION=id" in refused.stderr and "--section" not in refused.stderr  # make's spelling
    # Stamping what was updated leaves the rest outdated.
    translate(site, "stamp", "docs/zh-Hant/call.md", "--section", "how")
    assert _status(site)["languages"]["zh-Hant"]["pages"]["call.md"]["outdated_sections"] == ["who"]


def test_diff_shows_what_changed_in_the_english(site):
    edit(site.parent / "docs/en/call.md", "Around 862 million people volunteer",
         "Around 862 million people around the world volunteer")
    shown = translate(site, "diff", "docs/zh-Hant/call.md").stdout
    assert "-Around 862 million people volunteer every month." in shown
    assert "+Around 862 million people around the world volunteer every month." in shown
    assert "#why (English when zh-Hant was stamped:" in shown
    assert "docs/zh-Hant/index.md is current" in translate(site, "diff", "docs/zh-Hant/index.md").stdout


def test_no_retranslate_accepts_a_typo_fix_but_not_a_rewrite(site):
    edit(site.parent / "docs/en/call.md", "Around 862 million people volunteer every month.",
         "Around 862 milion people volunteer every month.")
    # Translated from the English with the typo (no history here: the translator confirms it).
    translate(site, "stamp", "docs/zh-Hant/call.md", "--confirm")
    edit(site.parent / "docs/en/call.md", "862 milion", "862 million")  # the typo is fixed
    edit(site.parent / "docs/en/call.md", "Nearly 14,000 people in 164 countries shaped it.",
         "It was written by a drafting group after a global survey and many regional meetings.")
    done = translate(site, "no-retranslate", "docs/en/call.md")
    assert "docs/zh-Hant/call.md #why: restamped: 1 word changed" in done.stdout
    assert "docs/zh-Hant/call.md #how: kept outdated:" in done.stdout
    assert _status(site)["languages"]["zh-Hant"]["pages"]["call.md"]["outdated_sections"] == ["how"]


def test_an_unstamped_translation_is_reported_as_such(tmp_path):
    config = make_site(tmp_path, stamp=False)
    zh = _status(config)["languages"]["zh-Hant"]
    assert (zh["unstamped"], zh["missing"]) == (2, 1)


def test_glossary_report_is_a_list_of_notes(site):
    edit(site.parent / "docs/zh-Hant/index.md", "每一位利害關係人都能行動。", "每一位持份者都能行動。")
    translate(site, "stamp", "docs/zh-Hant/index.md")
    done = translate(site, "glossary", "zh-Hant")
    assert done.returncode == 0
    assert "docs/zh-Hant/index.md:" in done.stdout
    assert "'持份者': the glossary prefers '利害關係人'" in done.stdout


def _copy_project(tmp_path):
    """The real mkdocs.yml (with its comments), docs and overrides in tmp_path, no .git."""
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    shutil.copytree(ROOT / "overrides", tmp_path / "overrides")
    (tmp_path / ".github").mkdir()
    shutil.copy(ROOT / ".github/CODEOWNERS", tmp_path / ".github/CODEOWNERS")
    (tmp_path / "hooks").symlink_to(HOOKS)
    assert _no_git_above(tmp_path)
    return tmp_path / "mkdocs.yml"


def test_add_locale_edits_a_copy_of_mkdocs_yml_keeping_its_comments(tmp_path):
    config = _copy_project(tmp_path)
    before = config.read_text(encoding="utf-8")
    done = translate(config, "add-locale", NEW_LOCALE)
    assert f"added {NEW_NAME} ({NEW_LOCALE}, ltr)" in done.stdout
    after = config.read_text(encoding="utf-8")
    comments = [line for line in before.splitlines() if line.strip().startswith("#")]
    assert all(line in after.splitlines() for line in comments)
    data = read_config_text(after)
    german = [lang for lang in i18n_config(data)["languages"] if lang["locale"] == NEW_LOCALE]
    assert german == [{"locale": NEW_LOCALE, "name": NEW_NAME, "build": True, "theme": {"language": NEW_LOCALE}}]
    assert data["extra"] == read_config_text(before)["extra"]  # the words are in the language's file
    # The new language's file: its Open Graph locale, and every word still in English (as comments).
    words = load_words(tmp_path / "docs/.translations", ["en", NEW_LOCALE], "en")
    english, new = words["en"], words[NEW_LOCALE]
    assert new.site == {**english.site, "og_locale": NEW_OG_LOCALE}
    assert (new.ui, new.share, new.stakeholders, new.actions, new.call_pdf) == (
        english.ui, english.share, english.stakeholders, english.actions, english.call_pdf)
    assert new.nav == {}  # the menu shows the English titles
    text = (tmp_path / f"docs/.translations/{NEW_LOCALE}.yml").read_text(encoding="utf-8")
    assert "  # suggest: This page is also in English." in text and "  # Take action: Take action" in text
    assert (tmp_path / "docs" / NEW_LOCALE).is_dir()
    owners = (tmp_path / ".github/CODEOWNERS").read_text(encoding="utf-8").splitlines()
    assert any(line.startswith(f"/docs/{NEW_LOCALE}/ ") and f"@futureofvolunteering/translators-{NEW_LOCALE}" in line.split()
               and "@futureofvolunteering/maintainers" in line.split() for line in owners)
    assert (ROOT / "mkdocs.yml").read_text(encoding="utf-8") == before  # the real one is untouched


def test_mkdocs_yml_holds_the_language_list_and_every_language_file_every_word():
    """mkdocs.yml: each language's code, name, build, default and theme language only,
    and no map by language under `extra`; each language's file has each word the
    source's has (the real site is fully translated), the nav's titles included."""
    data = read_config_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    languages = i18n_config(data)["languages"]
    assert all(set(lang) <= {"locale", "name", "build", "default", "theme"} for lang in languages)
    locales = [lang["locale"] for lang in languages]

    def maps_by_language(value, path):
        if isinstance(value, dict):
            if len(set(value) & set(locales)) > 1:
                yield path
            for key, child in value.items():
                yield from maps_by_language(child, f"{path}.{key}")
        elif isinstance(value, list):
            for index, child in enumerate(value):
                yield from maps_by_language(child, f"{path}[{index}]")

    assert list(maps_by_language(data.get("extra"), "extra")) == []
    assert not {"site_description", "copyright"} & set(data)
    raw = {locale: read_config_text((ROOT / f"docs/.translations/{locale}.yml").read_text(encoding="utf-8"))
           for locale in locales}
    for locale in locales:
        for section in SECTIONS:
            have = set(raw[locale].get(section) or {})
            want = set(PROJECT.nav_titles) if section == "nav" and locale != "en" else set(raw["en"].get(section) or {})
            assert want <= have, (locale, section, want - have)


def test_add_locale_names_material_languages_and_rejects_unknown_codes(tmp_path):
    config = _copy_project(tmp_path)
    rejected = translate(config, "add-locale", "xx", check=False)
    assert rejected.returncode == 2 and "no interface translation for 'xx'" in rejected.stderr
    assert "zh-Hant" in rejected.stderr  # it lists what Material has
    assert "mkdocs.yml: 'zh-Hans' is already a language of the site" in translate(
        config, "add-locale", "zh-Hans", check=False).stderr
    # A script-coded tag Material ships under its base code gets a partial like zh-Hans.html.
    translate(config, "add-locale", "sr-Latn", "--name", "Srpski")
    partial = tmp_path / "overrides/partials/languages/sr-Latn.html"
    assert 'import "partials/languages/sr.html"' in partial.read_text(encoding="utf-8")


def test_commands_explain_a_wrong_path(site):
    done = translate(site, "stamp", "docs/fr/call.md", check=False)
    assert done.returncode == 2
    assert done.stderr.startswith("docs/fr/call.md: 'fr' is not a translated language of this site.")
    assert "translation under docs/<language>/" in done.stderr and "make add-locale LANG=" in done.stderr


def test_module_runs_as_documented():
    done = subprocess.run([sys.executable, "-m", "fov", "translate", "--help"], cwd=ROOT,
                          env={"PYTHONPATH": str(HOOKS)}, capture_output=True, text=True, check=True)
    for command in ("status", "stamp", "diff", "no-retranslate", "add-locale", "glossary", "jieba"):
        assert command in done.stdout


def test_status_names_each_interface_string_still_in_english_with_its_file_and_line(tmp_path):
    config = _copy_project(tmp_path)
    translate(config, "add-locale", NEW_LOCALE)
    items = {item["what"]: item for item in _status(config)["languages"][NEW_LOCALE]["interface"]}
    data = tmp_path / f"docs/.translations/{NEW_LOCALE}.yml"
    assert {item["file"] for item in items.values()} == {f"docs/.translations/{NEW_LOCALE}.yml"}
    lines = data.read_text(encoding="utf-8").splitlines()
    name = items["site.name"]
    assert lines[name["line"] - 1] == "  # name: Future of Volunteering"
    assert "site.og_locale" not in items  # data, not words
    assert len([what for what in items if what.startswith("nav.")]) == 9  # the nav's titles
    assert lines[items["nav.Take action"]["line"] - 1] == "  # Take action: Take action"
    ui = [what for what in items if what.startswith("ui.")]
    assert len(ui) == 10 and lines[items["ui.suggest"]["line"] - 1].startswith("  # suggest: ")
    assert lines[items["strings.fallback_title"]["line"] - 1].lstrip().startswith("# fallback_title:")
    before = _status(config)["languages"][NEW_LOCALE]["interface_to_translate"]
    assert before == len(items)

    # The translator translates the suggestion and the menu's "Home", and one notice string.
    text = data.read_text(encoding="utf-8")
    text = text.replace("  # suggest: This page is also in English.", "  suggest: Diese Seite gibt es auch auf Deutsch.")
    text = text.replace("  # Home: Home", "  Home: Startseite")
    text = text.replace("strings:\n", "strings:\n  fallback_title: Seite noch nicht übersetzt\n", 1)
    data.write_text(text, encoding="utf-8")
    after = _status(config)["languages"][NEW_LOCALE]
    assert {item["what"] for item in after["interface"]} == set(items) - {"ui.suggest", "nav.Home", "strings.fallback_title"}
    assert after["interface_to_translate"] == before - 3
    table = translate(config, "status").stdout
    audience = "actions.audience_label"
    assert f"`docs/.translations/{NEW_LOCALE}.yml:{items[audience]['line']}` {audience}" in table


def test_the_real_sites_interface_strings_to_translate_are_each_named_with_file_and_line():
    """However many there are (a new language starts with all of them), each is
    named where a translator can act on it; none is required to be translated."""
    languages = json.loads(translate(ROOT / "mkdocs.yml", "status", "--json").stdout)["languages"]
    for locale, data in languages.items():
        assert data["interface_to_translate"] == sum(item["strings"] for item in data["interface"])
        for item in data["interface"]:
            lines = (ROOT / item["file"]).read_text(encoding="utf-8").splitlines()
            assert 1 <= item["line"] <= len(lines) and item["what"], (locale, item)
