"""The campaign layer (fov.campaign) is the one place that reads MkDocs'
configuration for the campaign and its languages, and fov.report the one channel
for what a build tells its user: the hooks and modules are read as text and fail
this test when they reach around either."""

from __future__ import annotations

import re

import pytest

from conftest import HOOKS, PROJECT, ROOT, project_config
from fov import campaign as layer
from fov.campaign import Languages, from_extra

GATEWAY = HOOKS / "fov" / "campaign.py"
CHANNEL = HOOKS / "fov" / "report.py"
# Commands run from a shell without MkDocs (python -m fov.translate ...): they read
# mkdocs.yml through fov.project and print their own output.
COMMANDS = {"translate.py", "linkrot.py", "preview.py", "translation_check.py", "locales.py",
            "project.py", "social_card.py"}
SOURCES = sorted([*HOOKS.glob("*.py"), *(HOOKS / "fov").glob("*.py")])

AROUND_THE_GATEWAY = re.compile(r"""config\s*\.\s*(plugins|extra)\b|config\s*\[\s*["'](plugins|extra)["']\s*\]"""
                                r"""|\.plugins\s*\.\s*get\s*\(""")
REREAD = re.compile(r"\b(read_config|load_config|load_project)\s*\(")
AROUND_THE_CHANNEL = re.compile(r"\b(print|log\.(warning|error|info|critical)|logging\.(warning|error|info))\s*\(")


def _lines(path, pattern):
    return [f"{path.relative_to(ROOT)}:{n}: {line.strip()}"
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if pattern.search(line) and not line.lstrip().startswith("#")]


def test_no_hook_or_module_reads_the_configuration_around_the_campaign_layer():
    found = [hit for path in SOURCES if path != GATEWAY for hit in _lines(path, AROUND_THE_GATEWAY)]
    assert found == [], "read these through fov.campaign:\n" + "\n".join(found)


def test_no_hook_reads_mkdocs_yml_again():
    found = [hit for path in HOOKS.glob("*.py") for hit in _lines(path, REREAD)]
    assert found == [], "\n".join(found)


def test_every_build_message_goes_through_the_findings_channel():
    """No hook or build module prints or logs a warning, error or note of its own:
    each goes through fov.report (Finding: path:line, what, fix, the annotation)."""
    found = [hit for path in SOURCES if path != CHANNEL and path.name not in COMMANDS
             for hit in _lines(path, AROUND_THE_CHANNEL)]
    assert found == [], "report these through fov.report:\n" + "\n".join(found)


@pytest.mark.parametrize("pattern, line", [
    (AROUND_THE_GATEWAY, 'ui = config.extra.get("ui")'),
    (AROUND_THE_GATEWAY, 'i18n = config.plugins.get("i18n")'),
    (AROUND_THE_GATEWAY, 'campaign = config["extra"]["campaign"]'),
    (AROUND_THE_CHANNEL, 'log.warning(f"{where}: unknown")'),
    (AROUND_THE_CHANNEL, 'print("done")'),
])
def test_the_checks_catch_what_they_look_for(pattern, line):
    assert pattern.search(line)


def test_the_campaign_of_the_real_configuration_is_typed_and_read_once():
    config = project_config()
    data = from_extra(config["extra"])
    assert [o["id"] for o in data.organisations] == [o["id"] for o in config["extra"]["campaign"]["organisations"]]
    assert data.hashtags_for("zh-Hant") == ("#FutureOfVolunteering", "#志願服務的未來")
    assert data.hashtags_for("fr") == ("#FutureOfVolunteering",)
    assert data.link_policy.hosts and data.share and data.stakeholders and data.call_pdf["pages"]


def test_one_rule_for_a_missing_word():
    langs = Languages(all=("en", "fr", "de"), built=("en", "fr", "de"), default="en", current="de", source="en")
    data = from_extra({"ui": {"en": {"home": "Home"}, "fr": {"home": "Accueil"}, "de": {}}, "campaign": {}})
    assert data.ui_text(langs, "fr", "home") == "Accueil"
    assert data.ui_text(langs, "de", "home") == "Home"  # the source's
    assert data.ui_text(langs, "de", "nothing") == ""
    assert data.word({"en": "E-mail", "de": "E-Mail"}, langs, "de") == "E-Mail"
    assert langs.fallback("de") == ("de", "en")


def test_languages_come_from_the_configuration(tmp_path):
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    langs = layer.languages(config)
    assert list(langs.all) == [lang.locale for lang in PROJECT.languages]
    assert langs.default == langs.source == PROJECT.source
    assert langs.names["ar"] == "العربية" and langs.theme_language("zh-Hans") == "zh-Hans"
