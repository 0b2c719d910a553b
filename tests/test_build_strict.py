"""Small fixture sites, built for real and strictly, prove the failure paths of
the foundation: broken links and anchors, unknown stakeholders, Chinese slugs
and the language set-up."""

from __future__ import annotations

import pytest

from conftest import build_site, write_fixture_site

PAGE = "---\ndescription: A page.\n---\n\n"


def build(tmp_path, pages, **kwargs):
    return build_site(write_fixture_site(tmp_path, pages, **kwargs), tmp_path / "site")


def test_a_good_fixture_site_builds_without_warning(tmp_path):
    result = build(tmp_path, {
        "en/index.md": PAGE + "# Home {#home}\n\n[The call](call.md#why-act-now)\n",
        "en/call.md": PAGE + "# The call {#the-call}\n\n## Why act now {#why-act-now}\n\nNow.\n",
    }, extra_config={"nav": ["index.md", "call.md"]})
    assert result.ok, result.text


def test_a_broken_link_fails_the_strict_build_naming_the_file(tmp_path):
    result = build(tmp_path, {
        "en/index.md": PAGE + "# Home {#home}\n\n[Missing](missing.md)\n",
    }, extra_config={"nav": ["index.md"]})
    assert not result.ok
    assert "en/index.md" in result.text and "missing.md" in result.text


def test_a_broken_anchor_fails_the_strict_build_naming_the_file(tmp_path):
    result = build(tmp_path, {
        "en/index.md": PAGE + "# Home {#home}\n\n[The call](call.md#no-such-id)\n",
        "en/call.md": PAGE + "# The call {#the-call}\n",
    }, extra_config={"nav": ["index.md", "call.md"]})
    assert not result.ok
    assert "en/index.md" in result.text and "#no-such-id" in result.text


def test_a_page_left_out_of_the_navigation_fails_the_strict_build(tmp_path):
    result = build(tmp_path, {
        "en/index.md": PAGE + "# Home {#home}\n",
        "en/orphan.md": PAGE + "# Orphan {#orphan}\n",
    }, extra_config={"nav": ["index.md"]})
    assert not result.ok
    assert "orphan.md" in result.text


def test_chinese_headings_keep_their_words_in_slugs_and_explicit_ids_win(tmp_path):
    result = build(tmp_path, {
        "en/index.md": PAGE + "# Home {#home}\n",
        "zh-Hant/index.md": PAGE + "# 首頁 {#home}\n\n## 為什麼現在行動\n\n## 志工的力量 {#why-volunteers-matter}\n",
    }, languages=("en", "zh-Hant"), extra_config={"nav": ["index.md"]})
    assert result.ok, result.text
    html = (result.site / "zh-Hant" / "index.html").read_text(encoding="utf-8")
    assert 'id="為什麼現在行動"' in html
    assert 'id="why-volunteers-matter"' in html
    assert '<html lang="zh-Hant"' in html


def test_simplified_chinese_says_zh_hans_even_when_not_built_last(tmp_path):
    # Material has no zh-Hans language file; an earlier set-up crashed with
    # TemplateNotFound when zh-Hans was not the last language built.
    pages = {f"{lang}/index.md": PAGE + "# Home {#home}\n" for lang in ("en", "zh-Hans", "zh-Hant")}
    config = write_fixture_site(tmp_path, pages, languages=("en", "zh-Hans", "zh-Hant"),
                                extra_config={"nav": ["index.md"]})
    result = build_site(config, tmp_path / "site")
    assert result.ok, result.text
    assert '<html lang="zh-Hans"' in (result.site / "zh-Hans" / "index.html").read_text(encoding="utf-8")
    assert "搜索" in (result.site / "zh-Hans" / "index.html").read_text(encoding="utf-8")


def test_an_unknown_stakeholder_fails_naming_file_line_and_the_known_keys(tmp_path):
    result = build(tmp_path, {
        "en/index.md": PAGE + "# Home {#home}\n\n### Act {#act-1 data-stakeholders=\"governmnets\"}\n\nText.\n",
    }, extra_config={"nav": ["index.md"]})
    assert not result.ok
    assert "en/index.md:7" in result.text
    assert "governmnets" in result.text and "governments" in result.text


def test_actions_in_a_subfolder_link_to_the_stakeholder_page_and_are_listed_there(tmp_path):
    result = build(tmp_path, {
        "en/index.md": PAGE + "# Home {#home}\n",
        "en/actions/recognise.md": PAGE + "# Recognise {#recognise}\n\n"
        "### Count volunteers {#recognise-1 data-stakeholders=\"governments\"}\n\nText.\n",
        "en/stakeholders.md": PAGE + "# Asks {#what-the-call-asks}\n\n## Governments {#governments}\n\n"
        "The actions for governments.\n{ .fov-actions data-stakeholder=\"governments\" }\n",
    }, extra_config={"nav": ["index.md", "actions/recognise.md", "stakeholders.md"]})
    assert result.ok, result.text
    action = (result.site / "actions" / "recognise" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../stakeholders/#governments"' in action
    listing = (result.site / "stakeholders" / "index.html").read_text(encoding="utf-8")
    assert 'href="../actions/recognise/#recognise-1"' in listing


def _two_broken_translations(tmp_path):
    return write_fixture_site(tmp_path, {
        "en/index.md": PAGE + "# Home {#home}\n\nText.\n",
        "fr/index.md": PAGE + "# Accueil {#home}\n\n[Lien](http://example.org/)\n",
        "es/index.md": PAGE + "# Inicio {#home}\n\n[Enlace](http://example.org/)\n",
        "pt/index.md": PAGE + "# Início {#home}\n\nTexto.\n",
    }, languages=("en", "fr", "es", "pt"), extra_config={"nav": ["index.md"]})


def test_a_strict_build_checks_every_language_before_it_fails(tmp_path):
    """static-i18n builds each language as a build of its own; the first with
    a finding used to stop the others, so authors saw one language per run."""
    result = build_site(_two_broken_translations(tmp_path), tmp_path / "site")
    assert not result.ok
    assert any("docs/fr/index.md:7" in m for m in result.messages)
    assert any("docs/es/index.md:7" in m for m in result.messages)  # the language after the first failure
    aborts = [m for m in result.messages if m.startswith("Aborted")]
    assert len(aborts) == 1 and "4 warnings" in aborts[0]  # one failure, counting every language's
    assert (tmp_path / "site" / "pt" / "index.html").is_file()  # the last language was built too


def test_strict_is_on_again_once_every_language_is_built(tmp_path):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    config = load_config(str(_two_broken_translations(tmp_path)), site_dir=str(tmp_path / "site"), strict=True)
    with pytest.raises(Abort, match="in strict mode"):
        build(config)
    assert config.strict is True
