"""The way out of MkDocs 1.x: the site also builds with ProperDocs, the
maintained MkDocs 1.6 fork, in a venv of its own (MAINTAINING.md).

Material still depends on the `mkdocs` distribution, so pip installs it there
too (and static-i18n 1.3.1 reads its list of lunr languages from its files),
but the `properdocs` command maps every `mkdocs.*` import to ProperDocs' code:
the generator tag shows which program built the pages."""

from __future__ import annotations

import os
import re
import subprocess

import pytest

from conftest import ROOT

VENV = ROOT / ".cache" / "properdocs"
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory):
    """The real site built by `properdocs build --strict` (venv from `make properdocs`)."""
    subprocess.run(["make", "--no-print-directory", "-s", "properdocs"], cwd=ROOT,
                   check=True, timeout=900)
    site = tmp_path_factory.mktemp("properdocs") / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    env.pop("SITE_URL", None)  # the same address as the real_site build
    done = subprocess.run([str(VENV / "bin" / "properdocs"), "build", "--strict",
                           "--config-file", str(ROOT / "mkdocs.yml"), "--site-dir", str(site)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-4000:]
    return site


def test_properdocs_made_it(properdocs_site):
    home = (properdocs_site / "index.html").read_bytes()
    assert b'content="mkdocs-ProperDocs 1.6.7' in GENERATOR.search(home).group()


def test_properdocs_builds_the_same_site_as_mkdocs(properdocs_site, real_site):
    ours = {p.relative_to(real_site.site) for p in real_site.site.rglob("*") if p.is_file()}
    theirs = {p.relative_to(properdocs_site) for p in properdocs_site.rglob("*") if p.is_file()}
    assert sorted(map(str, ours ^ theirs)) == []
    different = [str(name) for name in sorted(ours) if GENERATOR.sub(
        b"", (real_site.site / name).read_bytes()) != GENERATOR.sub(b"", (properdocs_site / name).read_bytes())]
    assert different == []  # every file, byte for byte, but the generator's name
