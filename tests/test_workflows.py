"""The GitHub side: workflows pass zizmor and actionlint, follow the project's
hardening rules and do what the deploy needs; Dependabot and CODEOWNERS cover
what they should."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path, PurePosixPath

import pytest
import yaml

from conftest import LANGUAGES, ROOT

GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
ZIZMOR = Path(sys.executable).with_name("zizmor")
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+)*$")

BAD_WORKFLOW = """\
name: Bad
on: pull_request_target
jobs:
  greet:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v4
      - run: echo "${{ github.event.pull_request.title }}"
      - run: echo ${{ steps.nothing.outputs.value }}
        if: ${{ matrix.os == 'linux' }}
"""


@pytest.fixture(scope="module")
def node_tools():
    """tests/node_modules, installed by `make test` (or here) from the lock file."""
    subprocess.run(["make", "--no-print-directory", "-s", "node-test-deps"], cwd=ROOT,
                   check=True, timeout=600)
    return ROOT / "tests"


def _load(path: Path) -> dict:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in document:  # YAML 1.1 reads the key `on` as true
        document["on"] = document.pop(True)
    return document


def _workflow(name: str) -> dict:
    return _load(GITHUB / "workflows" / name)


def _steps(workflow: dict):
    for job in workflow["jobs"].values():
        yield from job.get("steps", [])


def _zizmor(*paths) -> subprocess.CompletedProcess:
    return subprocess.run([str(ZIZMOR), "--offline", "--format", "json", *map(str, paths)],
                          capture_output=True, text=True, timeout=300)


def _actionlint(node_tools, pattern) -> subprocess.CompletedProcess:
    return subprocess.run(["node", str(node_tools / "actionlint.cjs"), str(pattern)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


def test_the_three_workflows_exist():
    assert [p.name for p in WORKFLOWS] == ["deploy.yml", "link-rot.yml", "pull-request.yml"]


def test_zizmor_finds_nothing():
    done = _zizmor(GITHUB)
    assert done.returncode == 0, done.stdout + done.stderr
    assert json.loads(done.stdout) == []
    for path in [*WORKFLOWS, GITHUB / "dependabot.yml"]:  # it really read them all
        assert f"completed {path}" in done.stderr


def test_zizmor_flags_a_bad_workflow(tmp_path):
    (tmp_path / "bad.yml").write_text(BAD_WORKFLOW, encoding="utf-8")
    done = _zizmor(tmp_path / "bad.yml")
    audits = {finding["ident"] for finding in json.loads(done.stdout)}
    assert {"dangerous-triggers", "template-injection", "unpinned-uses", "artipacked"} <= audits


def test_actionlint_finds_nothing(node_tools):
    done = _actionlint(node_tools, GITHUB / "workflows" / "*.yml")
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"Checking {len(WORKFLOWS)} workflow file(s)" in done.stdout
    assert "All workflow files passed" in done.stdout


def test_actionlint_flags_a_bad_workflow(node_tools, tmp_path):
    (tmp_path / "bad.yml").write_text(BAD_WORKFLOW, encoding="utf-8")
    done = _actionlint(node_tools, tmp_path / "*.yml")
    assert done.returncode == 1
    assert "steps.nothing" in done.stdout and "matrix" in done.stdout


def test_every_action_is_pinned_to_a_commit_with_its_tag():
    pins: dict[str, set[str]] = {}
    for path in WORKFLOWS:
        for line in path.read_text(encoding="utf-8").splitlines():
            if "uses:" not in line:
                continue
            reference = line.split("uses:", 1)[1].strip()
            assert PINNED.match(reference), f"{path.name}: {reference!r} is not pinned to a commit"
            pins.setdefault(reference.split("@")[0], set()).add(reference.split("@")[1])
    assert all(len(refs) == 1 for refs in pins.values()), pins  # one version of each action
    assert {"actions/checkout", "actions/configure-pages", "actions/upload-pages-artifact",
            "actions/deploy-pages", "actions/upload-artifact"} == set(pins)


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_least_privilege_and_no_untrusted_input(path):
    workflow = _workflow(path.name)
    assert workflow["permissions"] == {}, "no default permissions: each job asks for its own"
    assert "pull_request_target" not in workflow["on"]
    for name, job in workflow["jobs"].items():
        assert isinstance(job.get("permissions"), dict), f"job {name} must list its permissions"
        assert "write-all" not in str(job["permissions"])
    for step in _steps(workflow):
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] is False
        assert "${{" not in step.get("run", ""), f"expression inside run: {step.get('name')}"


def test_deploy_builds_tests_then_publishes_without_racing():
    workflow = _workflow("deploy.yml")
    assert workflow["on"]["push"]["branches"] == ["main"] and "workflow_dispatch" in workflow["on"]
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    runs = [step.get("run", "") for step in build["steps"]]
    uses = [step.get("uses", "").split("@")[0] for step in build["steps"]]
    assert runs.index("make system-deps") < runs.index("make test") < runs.index("make build")
    assert uses.index("actions/configure-pages") < uses.index("actions/upload-pages-artifact")
    build_step = next(s for s in build["steps"] if s.get("run") == "make build")
    assert build_step["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    assert deploy["needs"] == "build"  # a failed test or build publishes nothing
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]


def test_pull_request_check_builds_tests_and_reports_translation_status():
    workflow = _workflow("pull-request.yml")
    assert list(workflow["on"]) == ["pull_request"]
    job = workflow["jobs"]["check"]
    assert job["permissions"] == {"contents": "read"}
    runs = [step.get("run", "") for step in job["steps"]]
    assert runs.index("make system-deps") < runs.index("make build") < runs.index("make test")
    assert any("make" in run and " status" in run and "$GITHUB_STEP_SUMMARY" in run
               for run in runs)
    done = subprocess.run(["make", "-n", "status"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, "the workflow calls `make status`: " + done.stderr


def test_pull_request_keeps_the_built_site_and_tells_translators_what_to_write():
    job = _workflow("pull-request.yml")["jobs"]["check"]
    assert job["container"] and job["permissions"] == {"contents": "read"}  # no write access for it
    steps = job["steps"]
    names = [step.get("run", "") or step.get("uses", "").split("@")[0] for step in steps]
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["name"] == "site" and upload["with"]["path"] == "site/"
    assert names.index("make build") < names.index("actions/upload-artifact")
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0  # the base branch and the history of each page
    check = next(s for s in steps if "translation-check" in s.get("run", ""))
    assert check["env"] == {"BASE_REF": "${{ github.base_ref }}"}
    assert 'BASE="origin/$BASE_REF"' in check["run"] and "SITE=site" in check["run"]
    assert check["if"] == "${{ !cancelled() }}"
    target = check["run"].split("make", 1)[1].replace('"origin/$BASE_REF"', "origin/main")
    done = subprocess.run(["make", "-n", *target.split()], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0 and "fov translate check --base" in done.stdout, done.stderr


def test_link_rot_runs_weekly_and_reports_in_an_issue():
    workflow = _workflow("link-rot.yml")
    assert workflow["on"]["schedule"][0]["cron"].endswith("* * 1")
    assert "workflow_dispatch" in workflow["on"]
    job = workflow["jobs"]["check"]
    assert job["permissions"] == {"contents": "read", "issues": "write"}
    script = "\n".join(step.get("run", "") for step in job["steps"])
    assert "python -m fov linkrot site --config mkdocs.yml --markdown linkrot.md" in script
    assert "gh issue create" in script and "gh issue edit" in script and "gh issue close" in script
    assert "$GITHUB_STEP_SUMMARY" in script


def test_dependabot_keeps_every_pin_current():
    config = _load(GITHUB / "dependabot.yml")
    assert config["version"] == 2
    updates = {u["package-ecosystem"]: u for u in config["updates"]}
    assert set(updates) == {"pip", "github-actions", "npm"}
    requirements = [ROOT / "requirements.txt", *(ROOT / "tests").glob("requirements*.txt")]
    folders = {str(PurePosixPath("/") / r.parent.relative_to(ROOT).as_posix()) for r in requirements}
    assert folders == {"/", "/tests"} and folders <= set(updates["pip"]["directories"])
    assert updates["npm"]["directory"] == "/tests" and (ROOT / "tests/package-lock.json").is_file()
    ignored_majors = {i["dependency-name"] for i in updates["pip"]["ignore"]
                      if "version-update:semver-major" in i["update-types"]}
    assert "mkdocs" in ignored_majors  # MkDocs 2 is not an upgrade: see MAINTAINING.md


OWNER = re.compile(r"^@[A-Za-z0-9-]+(/[A-Za-z0-9_.-]+)?$|^[^@\s]+@[^@\s]+\.[a-z]+$")


def _codeowners() -> list[tuple[str, list[str]]]:
    rules = []
    for line in (GITHUB / "CODEOWNERS").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            pattern, *owners = line.split()
            rules.append((pattern, owners))
    return rules


def test_codeowners_is_valid_and_covers_each_translation():
    rules = _codeowners()
    assert rules[0] == ("*", ["@futureofvolunteering/maintainers"])
    for pattern, owners in rules:
        assert owners, f"{pattern}: no owner"
        assert all(OWNER.match(owner) for owner in owners), owners
        assert "@futureofvolunteering/maintainers" in owners  # the last match wins
    by_pattern = dict(rules)
    for locale in LANGUAGES[1:]:
        assert (ROOT / "docs" / locale).is_dir()
        team = f"@futureofvolunteering/translators-{locale.lower()}"
        assert team in by_pattern[f"/docs/{locale}/"], locale
