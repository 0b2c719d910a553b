"""The translators' commands (python -m fov.translate, make status/stamp), run for
real on fixture sites in tmp_path: no .git anywhere, as in a tarball."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from conftest import HOOKS, NEW_LOCALE, NEW_NAME, NEW_OG_LOCALE, ROOT
from fov import sections as sect
from fov import translations as tr
from fov.locales import per_language_maps
from fov.project import i18n_config, read_config_text
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
    assert data["extra"]["og_locale"][NEW_LOCALE] == NEW_OG_LOCALE
    assert data["extra"]["ui"][NEW_LOCALE] == data["extra"]["ui"]["en"]  # to translate
    campaign = data["extra"]["campaign"]  # per-language maps at any depth, flow or block style
    assert campaign["stakeholders"]["vios"]["label"][NEW_LOCALE] == campaign["stakeholders"]["vios"]["label"]["en"]
    assert campaign["audience_label"][NEW_LOCALE] == "Addressed to:"
    assert campaign["share_snippets"]["labels"][NEW_LOCALE] == campaign["share_snippets"]["labels"]["en"]
    assert campaign["call_pdf"]["title"][NEW_LOCALE] == campaign["call_pdf"]["title"]["en"]
    languages = [lang["locale"] for lang in i18n_config(data)["languages"]]
    assert per_language_maps(data, "en", languages) == per_language_maps(read_config_text(before), "en", languages[:-1])
    assert all(missing == [] for missing in per_language_maps(data, "en", languages).values())
    assert (tmp_path / "docs" / NEW_LOCALE).is_dir() and (tmp_path / f"docs/.translations/{NEW_LOCALE}.yml").is_file()
    owners = (tmp_path / ".github/CODEOWNERS").read_text(encoding="utf-8").splitlines()
    assert any(line.startswith(f"/docs/{NEW_LOCALE}/ ") and f"@futureofvolunteering/translators-{NEW_LOCALE}" in line.split()
               and "@futureofvolunteering/maintainers" in line.split() for line in owners)
    assert (ROOT / "mkdocs.yml").read_text(encoding="utf-8") == before  # the real one is untouched


def test_every_per_language_map_in_mkdocs_yml_has_every_language():
    data = read_config_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    languages = [lang["locale"] for lang in i18n_config(data)["languages"]]
    maps = per_language_maps(data, "en", languages)
    assert {"extra.ui", "extra.og_locale", "extra.campaign.audience_label",
            "extra.campaign.stakeholders.all.label", "extra.campaign.call_pdf.title"} <= set(maps)
    assert {path: missing for path, missing in maps.items() if missing} == {}


def test_per_language_maps_are_found_at_any_depth_and_missing_languages_named():
    data = {"extra": {"a": {"en": "x", "fr": "y"}, "b": [{"name": {"en": "E-mail", "de": "E-Mail"}}],
                      "c": {"en": {"nested": 1}}, "d": {"x": 1}}}
    assert per_language_maps(data, "en", ["en", "fr", "de"]) == {
        "extra.a": ["de"], "extra.b[0].name": ["fr"]}  # c has only the source: not per-language


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
    done = subprocess.run([sys.executable, "-m", "fov.translate", "--help"], cwd=ROOT,
                          env={"PYTHONPATH": str(HOOKS)}, capture_output=True, text=True, check=True)
    for command in ("status", "stamp", "diff", "no-retranslate", "add-locale", "glossary", "jieba"):
        assert command in done.stdout


def test_status_names_each_interface_string_still_in_english_with_its_file_and_line(tmp_path):
    config = _copy_project(tmp_path)
    translate(config, "add-locale", NEW_LOCALE)
    items = {item["what"]: item for item in _status(config)["languages"][NEW_LOCALE]["interface"]}
    lines = config.read_text(encoding="utf-8").splitlines()

    entry = items[f"plugins.i18n.languages[{NEW_LOCALE}].site_name"]
    assert entry["file"] == "mkdocs.yml" and lines[entry["line"] - 1].strip() == f"- locale: {NEW_LOCALE}"
    assert items[f"plugins.i18n.languages[{NEW_LOCALE}].nav_translations"]["strings"] == 9  # the nav's titles
    ui = items[f"extra.ui.{NEW_LOCALE}"]
    assert lines[ui["line"] - 1].strip() == f"{NEW_LOCALE}:" and "copied from en" in lines[ui["line"] - 2]
    assert ui["strings"] == 10
    fallback = items["strings.fallback_title"]
    assert fallback["file"] == f"docs/.translations/{NEW_LOCALE}.yml"
    data_lines = (tmp_path / fallback["file"]).read_text(encoding="utf-8").splitlines()
    assert data_lines[fallback["line"] - 1].lstrip().startswith("# fallback_title:")
    before = _status(config)["languages"][NEW_LOCALE]["interface_to_translate"]
    assert before == sum(item["strings"] for item in items.values())

    # The translator translates the suggestion strings and one notice string.
    lines[ui["line"] - 2] = ""  # the note goes with the English
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    data = tmp_path / fallback["file"]
    data.write_text(data.read_text(encoding="utf-8").replace(
        "strings:\n", "strings:\n  fallback_title: Seite noch nicht übersetzt\n", 1), encoding="utf-8")
    after = _status(config)["languages"][NEW_LOCALE]
    assert {item["what"] for item in after["interface"]} == set(items) - {f"extra.ui.{NEW_LOCALE}", "strings.fallback_title"}
    assert after["interface_to_translate"] == before - 10 - 1
    table = translate(config, "status").stdout
    audience = f"extra.campaign.audience_label.{NEW_LOCALE}"
    assert f"`mkdocs.yml:{items[audience]['line']}` {audience}" in table


def test_the_real_sites_interface_strings_to_translate_are_each_named_with_file_and_line():
    """However many there are (a new language starts with all of them), each is
    named where a translator can act on it; none is required to be translated."""
    languages = json.loads(translate(ROOT / "mkdocs.yml", "status", "--json").stdout)["languages"]
    for locale, data in languages.items():
        assert data["interface_to_translate"] == sum(item["strings"] for item in data["interface"])
        for item in data["interface"]:
            lines = (ROOT / item["file"]).read_text(encoding="utf-8").splitlines()
            assert 1 <= item["line"] <= len(lines) and item["what"], (locale, item)
