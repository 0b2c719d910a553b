"""The shape of the generator, read from its source as text and syntax trees:

- the campaign layer (fov.data.campaign) is the one place that reads MkDocs'
  configuration for the campaign and its languages, and fov.data.project the one
  reader of mkdocs.yml for the commands;
- fov.base.report is the one channel for what a build tells its user;
- every hook in hooks/ is a thin adapter (at most HOOK_LINES lines);
- fov's modules sit in groups by pipeline stage, in levels, and no import runs
  up a level or sideways to another group of the same level.
Each rule fails on the first hook or module that breaks it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from conftest import HOOKS, PROJECT, ROOT, project_config
from fov.data import campaign as layer
from fov.data.campaign import from_extra, Languages

FOV = HOOKS / "fov"
GATEWAY = FOV / "data" / "campaign.py"
CONFIG_READER = FOV / "data" / "project.py"
CHANNEL = FOV / "base" / "report.py"
HOOK_LINES = 60
# The groups and their levels (fov/__init__.py): imports go down, or stay in the group.
LEVELS = {"base": 0, "data": 1, "checks": 2, "translation": 2, "pages": 2, "build": 2, "commands": 3}
# Commands run from a shell without MkDocs (python hooks/fov <command>): they print their output.
PRINTING = {FOV / "__main__.py", *(FOV / "commands").glob("*.py")}
SOURCES = sorted([*HOOKS.glob("*.py"), *FOV.rglob("*.py")])

AROUND_THE_GATEWAY = re.compile(r"""config\s*\.\s*(plugins|extra)\b|config\s*\[\s*["'](plugins|extra)["']\s*\]"""
                                r"""|\.plugins\s*\.\s*get\s*\(""")
READS_MKDOCS_YML = re.compile(r"\b(read_config|read_config_text|compose_config_text|load_config|_ConfigLoader)\b"
                              r"|\bopen\([^)]*mkdocs\.yml|mkdocs\.yml[\"']\s*\)\s*\.\s*read_text")
LOADS_PROJECT = re.compile(r"\bload_project\s*\(")
AROUND_THE_CHANNEL = re.compile(r"\b(print|log\.(warning|error|info|critical)|logging\.(warning|error|info))\s*\(")


def _lines(path, pattern):
    return [f"{path.relative_to(ROOT)}:{n}: {line.strip()}"
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if pattern.search(line) and not line.lstrip().startswith("#")]


def group_of(path: Path) -> str | None:
    """The group of a module under fov/ (None for a hook, fov/__init__.py, fov/__main__.py)."""
    if FOV not in path.parents:
        return None
    parts = path.relative_to(FOV).parts
    return parts[0] if len(parts) > 1 else None


def fov_imports(source: str) -> list[tuple[int, str]]:
    """(line, dotted module) of every `fov` import in a module's source."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").split(".")[0] == "fov":
            names = [node.module] if node.module != "fov" else [f"fov.{a.name}" for a in node.names]
            found += [(node.lineno, name) for name in names]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.split(".")[0] == "fov"]
    return found


def wrong_imports(group: str, source: str) -> list[str]:
    """The imports of a module of `group` that run up a level or to a sibling group."""
    wrong = []
    for line, module in fov_imports(source):
        parts = module.split(".")
        target = parts[1] if len(parts) > 1 else None
        if target not in LEVELS:
            wrong.append(f"{line}: {module} is in no group")
        elif target != group and LEVELS[target] >= LEVELS[group]:
            way = "up a level" if LEVELS[target] > LEVELS[group] else "sideways"
            wrong.append(f"{line}: {module} ({target}, level {LEVELS[target]}) is {way} from {group} "
                         f"(level {LEVELS[group]})")
    return wrong


def test_no_hook_or_module_reads_the_configuration_around_the_campaign_layer():
    found = [hit for path in SOURCES if path != GATEWAY for hit in _lines(path, AROUND_THE_GATEWAY)]
    assert found == [], "read these through fov.data.campaign:\n" + "\n".join(found)


def test_mkdocs_yml_is_read_in_one_place():
    """The build has the configuration MkDocs loaded (fov.data.campaign); a command
    loads the project once (fov.data.project.load_project); nothing else reads mkdocs.yml."""
    found = [hit for path in SOURCES if path != CONFIG_READER for hit in _lines(path, READS_MKDOCS_YML)]
    found += [hit for path in SOURCES if path != CONFIG_READER and group_of(path) != "commands"
              for hit in _lines(path, LOADS_PROJECT)]
    assert found == [], "\n".join(found)


TO_STANDARD_ERROR = re.compile(r"\bfile\s*=\s*sys\.stderr\b|\bsys\.stderr\.write\s*\(")


def test_every_command_message_goes_through_the_channel():
    """A command prints its output on standard output; every error, finding and remark
    goes through fov.base.report (tell, refuse, remark), which also annotates on GitHub."""
    found = [hit for path in SOURCES if path != CHANNEL for hit in _lines(path, TO_STANDARD_ERROR)]
    assert found == [], "report these through fov.base.report:\n" + "\n".join(found)


def test_every_build_message_goes_through_the_findings_channel():
    """No hook or build module prints or logs a warning, error or note of its own:
    each goes through fov.base.report (Finding: path:line, what, fix, the annotation)."""
    found = [hit for path in SOURCES if path != CHANNEL and path not in PRINTING
             for hit in _lines(path, AROUND_THE_CHANNEL)]
    assert found == [], "report these through fov.base.report:\n" + "\n".join(found)


def test_every_hook_is_a_thin_adapter():
    sizes = {path.name: len(path.read_text(encoding="utf-8").splitlines()) for path in HOOKS.glob("*.py")}
    over = {name: lines for name, lines in sizes.items() if lines > HOOK_LINES}
    assert sizes and over == {}, f"move the logic of these hooks into fov (lines > {HOOK_LINES}): {over}"


def test_every_module_sits_in_a_group_and_imports_only_down_or_within_it():
    modules = [p for p in FOV.rglob("*.py") if p.parent != FOV]
    assert {p.stem for p in FOV.glob("*.py")} == {"__init__", "__main__"}  # no module outside a group
    assert {group_of(p) for p in modules} == set(LEVELS)
    found = [f"{path.relative_to(ROOT)}:{hit}" for path in modules
             for hit in wrong_imports(group_of(path), path.read_text(encoding="utf-8"))]
    assert found == [], "\n".join(found)


# What fov's modules may use of MkDocs (fov/__init__.py): its address rules and its
# front-matter reader; the preview command also runs `mkdocs serve`.
MKDOCS_IN_FOV = {"mkdocs.structure.files", "mkdocs.utils", "mkdocs.utils.meta"}
MKDOCS_IN_COMMANDS = {"mkdocs.__main__", "mkdocs.commands.serve"}


def test_fov_uses_mkdocs_only_for_its_address_rules():
    found = []
    for path in FOV.rglob("*.py"):
        allowed = MKDOCS_IN_FOV | (MKDOCS_IN_COMMANDS if group_of(path) == "commands" else set())
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([node.module] if isinstance(node, ast.ImportFrom) and node.module else
                     [a.name for a in node.names] if isinstance(node, ast.Import) else [])
            found += [f"{path.relative_to(ROOT)}:{node.lineno}: {name}" for name in names
                      if name.split(".")[0] in ("mkdocs", "material") and name not in allowed]
    assert found == [], "do this in the hook, which adapts MkDocs' events:\n" + "\n".join(found)


def test_hooks_adapt_build_events_and_leave_the_commands_alone():
    """A hook imports from any group but `commands`, which are for people at a shell."""
    found = [f"{path.relative_to(ROOT)}:{line}: {module}" for path in HOOKS.glob("*.py")
             for line, module in fov_imports(path.read_text(encoding="utf-8"))
             if module.split(".")[:2] == ["fov", "commands"]]
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("pattern, line", [
    (AROUND_THE_GATEWAY, 'ui = config.extra.get("ui")'),
    (AROUND_THE_GATEWAY, 'i18n = config.plugins.get("i18n")'),
    (AROUND_THE_GATEWAY, 'campaign = config["extra"]["campaign"]'),
    (READS_MKDOCS_YML, 'data = read_config(project.config_file)'),
    (READS_MKDOCS_YML, 'text = (root / "mkdocs.yml").read_text()'),
    (LOADS_PROJECT, 'project = load_project()'),
    (AROUND_THE_CHANNEL, 'log.warning(f"{where}: unknown")'),
    (AROUND_THE_CHANNEL, 'print("done")'),
    (TO_STANDARD_ERROR, 'print(f"{path}: not found", file=sys.stderr)'),
])
def test_the_checks_catch_what_they_look_for(pattern, line):
    assert pattern.search(line)


@pytest.mark.parametrize("group, source, wrong", [
    ("data", "from fov.translation import sections", 1),  # up a level
    ("pages", "from fov.checks.links import link_problems", 1),  # sideways
    ("checks", "from fov import links", 1),  # a module in no group
    ("checks", "import fov.base.findings\nfrom fov.data.urls import LinkPolicy\nfrom fov.checks import parity", 0),
    ("commands", "from fov.translation import glossary\nfrom fov.pages import home", 0),
])
def test_the_layer_rule_catches_what_it_looks_for(group, source, wrong):
    assert len(wrong_imports(group, source)) == wrong


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


@pytest.mark.parametrize("language, direction", [("en", "ltr"), ("ar", "rtl"), ("zh-Hans", "ltr")])
def test_a_languages_direction_is_materials_unless_the_theme_sets_one(language, direction):
    """One rule for the writing direction (Languages.direction), from Material's strings
    for the theme's language (overrides first), or theme.direction when it is set."""
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    config.theme["language"] = language
    assert layer.languages(config).direction == direction
    config.theme["direction"] = "rtl" if direction == "ltr" else "ltr"
    assert layer.languages(config).direction != direction
