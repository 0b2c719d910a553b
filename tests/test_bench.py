"""The benchmark's parts (bench/), on tiny inputs: the generated sites build
strictly, a timed build reports success and failure, the temp configs are
valid, and the results writer makes valid JSON and Markdown. Nothing here is
timed: speed is measured by `make bench`, not asserted."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import material
from mkdocs.config import load_config

from conftest import ROOT, build_site

sys.path.insert(0, str(ROOT / "bench"))

import builds  # noqa: E402
import configs  # noqa: E402
import generate  # noqa: E402
import results  # noqa: E402
from results import Figure  # noqa: E402


def test_generated_project_site_builds_and_feeds_the_hooks(tmp_path):
    languages = len(configs.locales(configs.read_project_config()))
    wanted = 3 * languages  # index, stakeholders and one page of actions in each language
    config_file, pages = generate.write_project_site(tmp_path / "src", wanted)

    build = builds.timed_build(config_file, tmp_path / "site")

    assert build.ok, build.error
    assert pages == wanted
    assert len(list((tmp_path / "src" / "docs").rglob("*.md"))) >= wanted
    locales = configs.locales(configs.read_project_config())
    for locale in locales:
        prefix = "" if locale == locales[0] else f"{locale}/"
        listing = (tmp_path / "site" / prefix / "stakeholders" / "index.html").read_text("utf-8")
        assert "page-001/#action-" in listing, locale  # the hook listed the generated actions


def test_generated_stock_site_builds_strictly(tmp_path):
    config_file, pages = generate.write_stock_site(tmp_path / "src", ["en", "fr"], 2)

    result = build_site(config_file, tmp_path / "site")

    assert result.ok, result.text
    assert pages == 4
    assert (tmp_path / "site" / "fr" / "page-01" / "index.html").is_file()
    stock = configs.read_project_config(config_file)
    assert stock["theme"] == {"name": "material"} and "hooks" not in stock  # plain


def test_timed_build_reports_time_memory_and_warnings(tmp_path):
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text("site_name: Loose\nstrict: true\n", "utf-8")  # overridden
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("[A page](missing.md)\n", "utf-8")

    build = builds.timed_build(config_file, tmp_path / "site")

    assert build.ok and (tmp_path / "site" / "index.html").is_file()
    assert build.warnings == 1
    assert build.seconds > 0
    assert build.peak_mb > 20  # a Python process that loaded MkDocs


def test_timed_build_reports_a_failed_build(tmp_path):
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text("site_name: Broken\nstrict: true\n", "utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("[A page](missing.md)\n", "utf-8")

    build = builds.timed_build(config_file, tmp_path / "site", strict=True)

    assert not build.ok
    assert "strict mode" in build.error


def test_project_variants_are_valid_configs_of_the_real_site(tmp_path):
    variants = configs.write_project_variants(tmp_path, "zh-Hant")

    without_hooks = load_config(str(variants["without_hooks"]))
    preview = load_config(str(variants["preview"]))

    assert without_hooks.docs_dir == preview.docs_dir == str(ROOT / "docs")
    assert len(preview.hooks) == len(load_config(str(ROOT / "mkdocs.yml")).hooks) > 0
    assert not without_hooks.hooks
    # Kept: the interface languages, and a plain stand-in for each page template Material lacks.
    material_templates = Path(material.__file__).parent / "templates"
    page_templates = [p.name for p in (ROOT / "overrides").glob("*.html") if not (material_templates / p.name).exists()]
    assert page_templates == ["home.html"]
    assert sorted(p.name for p in Path(without_hooks.theme.custom_dir).rglob("*.html")) == sorted(
        [*(p.name for p in (ROOT / "overrides" / "partials" / "languages").glob("*.html")), *page_templates])
    assert preview.plugins["i18n"].config.build_only_locale == "zh-Hant"


def test_the_real_site_builds_from_a_configuration_in_another_folder(tmp_path):
    """The preview variant's mkdocs.yml sits outside the project (docs_dir absolute):
    the strict build passes, and a file is named from the configuration's folder."""
    variants = configs.write_project_variants(tmp_path, "zh-Hant")
    build = builds.timed_build(variants["preview"], tmp_path / "site", strict=True)
    assert build.ok, build.error
    assert (tmp_path / "site" / "index.html").is_file()


def test_results_writer_makes_valid_json_and_markdown(tmp_path):
    figures = [
        Figure("Full build", 4.25, "s", 10, stock=6.2),
        Figure("Hooks overhead", 1.3, "×", 1.10, note="ratios 1.2, 1.3, 1.4"),
        Figure("Lighthouse, home (en)", "100 / 99 / 100 / 100", "", "100 / 100 / 100 / 100",
               met_override=False),
        Figure("Build, 100 page-languages", 3.0, "s"),
        Figure("Full build failed", None, "s", 10),
    ]

    json_path, md_path = results.write(figures, {"runs": 3, "notes": ["a note"]}, tmp_path)

    data = json.loads(json_path.read_text("utf-8"))
    assert [f["met"] for f in data["figures"]] == [True, False, False, None, False]
    assert data["meta"]["runs"] == 3
    table = md_path.read_text("utf-8").splitlines()
    rows = [line for line in table if line.startswith("| ")]
    assert len(rows) == 2 + len(figures)  # header, its rule, one row per figure
    assert all(row.count(" | ") == rows[0].count(" | ") for row in rows)
    assert "| Full build | 4.25 s | ≤ 10 s | yes | 6.20 s |" in table
    assert "- a note" in table
    assert results.line(figures[1]).startswith("MISS")
    assert results.line(figures[0]).startswith("ok")


def test_the_config_without_hooks_keeps_a_stand_in_for_each_page_template(tmp_path):
    """The real home pages name `template: home.html`, an override that needs
    the hooks: without them a plain Material page stands in, so the "without
    hooks" build of the bench still builds."""
    bare = configs.without_hooks(configs.read_project_config(), tmp_path / "theme")
    assert "hooks" not in bare
    stand_in = Path(bare["theme"]["custom_dir"]) / "home.html"
    assert stand_in.read_text("utf-8") == '{% extends "main.html" %}\n'
    assert not (Path(bare["theme"]["custom_dir"]) / "main.html").exists()  # Material's own
