"""Quiet builds: a clean strict build prints MkDocs' own few lines; notes (the
glossary's hints) and libraries' chatter (jieba, static-i18n) appear with
`mkdocs build --verbose`, never on every build, so that the one line that
matters is seen."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT
from translation_fixture import PAGES, ZH_INDEX, make_site, translate

CHATTER = ("glossary", "jieba", "prefix dict", "Loading model", "mkdocs_static_i18n", "Traceback")


def _mkdocs_build(config: Path, site: Path, *options: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "FOV_PREVIEW_LANGUAGE")}
    environment["NO_MKDOCS_2_WARNING"] = "1"  # as the Makefile sets it
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config),
         "--site-dir", str(site), *options],
        cwd=config.parent, env=environment, capture_output=True, text=True, timeout=900)


def _lines(done: subprocess.CompletedProcess) -> list[str]:
    return [line for line in (done.stdout + done.stderr).splitlines() if line.strip()]


def test_a_clean_build_of_the_real_site_prints_only_mkdocs_own_lines(tmp_path):
    done = _mkdocs_build(ROOT / "mkdocs.yml", tmp_path / "site")
    lines = _lines(done)
    assert done.returncode == 0, "\n".join(lines)
    assert [line for line in lines if any(word in line for word in CHATTER)] == []
    # "Cleaning site directory", "Building documentation to directory", "Documentation built in".
    assert len(lines) <= 5, "\n".join(lines)
    assert "Documentation built in" in lines[-1]


def test_glossary_notes_appear_in_the_status_and_with_verbose_not_in_a_build(tmp_path):
    # The translation uses a variant the glossary says to avoid (義工 for 志工).
    pages = {**PAGES, "zh-Hant/index.md": ZH_INDEX.replace("志工", "義工")}
    config = make_site(tmp_path / "fixture", pages)
    note = "docs/zh-Hant/index.md:"
    quiet = _mkdocs_build(config, tmp_path / "quiet")
    assert quiet.returncode == 0, quiet.stderr
    assert not [line for line in _lines(quiet) if note in line], quiet.stderr
    verbose = _mkdocs_build(config, tmp_path / "verbose", "--verbose")
    assert verbose.returncode == 0, verbose.stderr
    notes = [line for line in _lines(verbose) if "translation_glossary" in line and note in line]
    assert any("義工" in line for line in notes), "\n".join(_lines(verbose)[-40:])
    status = translate(config, "status").stdout  # make status, CI's run summary
    assert "### Glossary notes" in status
    assert any(line.startswith("- `docs/zh-Hant/index.md:") and "義工" in line for line in status.splitlines())
