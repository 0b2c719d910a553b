"""Valid HTML: the W3C Nu HTML Checker (npm package vnu-jar, pinned in
tests/package-lock.json, run on Debian's Java: default-jre-headless, installed
by the Makefile) reports no error on any page of the built site.

Material's markup had two kinds (issue 16): `autocomplete` on the drawer and
search checkboxes (overrides/base.html) and a `<label for="__toc">` on pages
outside the navigation (overrides/partials/toc.html).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from conftest import ROOT

VNU = ROOT / "tests" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def nu_errors(target: Path) -> list[str]:
    """The checker's errors on every HTML file under `target`, as 'file:line: message'."""
    java = shutil.which("java")
    assert java, "Java is missing: make system-deps installs Debian's default-jre-headless"
    assert VNU.is_file(), "vnu.jar is missing: npm ci --prefix tests (make test does it)"
    run = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--skip-non-html", "--format", "json", str(target)],
        capture_output=True, text=True, timeout=600,
    )
    messages = json.loads(run.stderr or run.stdout)["messages"]
    return [f"{m.get('url', '?').removeprefix('file:')}:{m.get('lastLine', '?')}: {m['message']}"
            for m in messages if m.get("type") == "error"]


def test_every_built_page_is_valid_html(real_site):
    pages = list(real_site.site.rglob("*.html"))
    assert len(pages) > 70  # every language's pages, the 404 and status pages
    errors = nu_errors(real_site.site)
    assert not errors, f"{len(errors)} Nu HTML Checker errors:\n" + "\n".join(errors[:40])


def test_the_checker_reports_what_material_got_wrong(tmp_path):
    """The checker is live: Material's own toggles, as 9.8.1 wrote them, are errors."""
    (tmp_path / "page.html").write_text(
        '<!doctype html><html lang="en"><head><title>t</title></head><body>'
        '<input type="checkbox" id="__drawer" autocomplete="off">'
        '<label for="__toc">Table of contents</label></body></html>', encoding="utf-8")
    errors = nu_errors(tmp_path)
    assert any("autocomplete" in e for e in errors), errors
    assert any("“for” attribute" in e for e in errors), errors
