"""The repository stands alone: a clone with nothing beside it runs its tests.

The tests once read conformance data from a folder beside the checkout, which a
contributor who clones the repository does not have. Here the committed
repository is cloned into an empty folder and its conformance tests run inside
the clone, with this Python and nothing else around it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

from conftest import ROOT


def _clone(tmp_path):
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", "--no-local", str(ROOT), str(clone)], check=True)
    # The commit checked out here, even on no branch.
    subprocess.run(["git", "fetch", "--quiet", str(ROOT), "HEAD"], cwd=clone, check=True)
    subprocess.run(["git", "-c", "advice.detachedHead=false", "checkout", "--quiet", "FETCH_HEAD"],
                   cwd=clone, check=True)
    return clone


def test_a_clone_in_an_empty_folder_runs_the_conformance_tests(tmp_path):
    clone = _clone(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clone"]  # nothing beside it
    environment = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "FOV_CONFIG")}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "tests/test_validate_conformance.py", "-q",
         "-p", "no:cacheprovider"],
        cwd=clone, env=environment, capture_output=True, text=True, timeout=600)
    output = run.stdout + run.stderr
    assert run.returncode == 0, output
    passed = re.search(r"(\d+) passed", output)
    assert passed and int(passed.group(1)) > 100, output


def test_no_file_of_the_repository_names_a_folder_beside_it():
    """Code, tests, Makefile, workflows and scripts read only inside the repository."""
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout.split()
    outside = re.compile("|".join((r"ROOT\.parent", r"\.\./shared", "/" + "work/", r"\bshared/conformance")))
    offenders = []
    for name in tracked:
        if not name.endswith((".py", ".yml", ".yaml", ".sh", ".cfg", ".ini", ".toml", ".json", ".js"))\
                and name not in ("Makefile", ".ci/run"):
            continue
        if name.startswith("tests/conformance/"):
            continue  # other projects' data, unchanged
        text = (ROOT / name).read_text(encoding="utf-8", errors="replace")
        offenders += [f"{name}:{n}: {line.strip()}" for n, line in enumerate(text.splitlines(), 1)
                      if outside.search(line)]
    assert offenders == []
