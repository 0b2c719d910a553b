"""The preview (`make preview LANG=xx`, `python hooks/fov preview xx`) as a
translator runs it: a real `mkdocs serve` in a subprocess on a free 127.0.0.1
port, against a copy of the project, with pages edited while it runs."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import LANGUAGES, ROOT, copy_project

START_TIMEOUT = 180  # seconds: the first build of one language
REBUILD_TIMEOUT = 120


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Preview:
    """`python hooks/fov preview <language>` running in `project`."""

    def __init__(self, project: Path, language: str, *, python_args=(), env=None):
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        environment = {k: v for k, v in os.environ.items()
                       if k not in ("PYTHONPATH", "FOV_CONFIG", "FOV_PREVIEW_LANGUAGE")}
        environment.update(env or {})
        self.lines: list[str] = []
        self.process = subprocess.Popen(
            [sys.executable, *python_args, "hooks/fov", "preview", language,
             "--dev-addr", f"127.0.0.1:{self.port}"],
            cwd=project, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            text=True, encoding="utf-8")
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self):
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    @property
    def log(self) -> str:
        return "\n".join(self.lines)

    @property
    def flat(self) -> str:
        """The log with MkDocs' line wrapping undone."""
        return " ".join(self.log.split())

    def wait_for_log(self, text: str, timeout: float, after: int = 0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any(text in line for line in self.lines[after:]):
                return
            assert self.process.poll() is None, f"the preview stopped:\n{self.log}"
            time.sleep(0.2)
        raise AssertionError(f"no '{text}' in {timeout} s:\n{self.log}")

    def get(self, path: str) -> str:
        with urllib.request.urlopen(self.base + path, timeout=30) as response:
            return response.read().decode("utf-8")

    def wait_for_text(self, path: str, text: str, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                page = self.get(path)
                if text in page:
                    return page
            except (urllib.error.URLError, TimeoutError):
                pass
            assert self.process.poll() is None, f"the preview stopped:\n{self.log}"
            time.sleep(0.5)
        raise AssertionError(f"{path} never showed '{text}' in {timeout} s:\n{self.log}")

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._reader.join(timeout=5)


@pytest.fixture
def project(tmp_path) -> Path:
    copy_project(tmp_path / "project")
    return tmp_path / "project"


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _first_sentence(path: Path) -> str:
    """The first paragraph's first sentence of a page (after its front matter and title)."""
    text = path.read_text(encoding="utf-8")
    body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text
    for block in body.split("\n\n"):
        block = block.strip()
        if block and block[0] not in "#<:{!-*|>`[":
            return block.split(". ")[0].split("。")[0]
    raise AssertionError(f"no paragraph in {path}")


def test_the_preview_shows_every_save_of_a_page(project):
    """Two saves, each shown: mkdocs serve reads mkdocs.yml again on every
    rebuild, and the preview's language must hold for all of them."""
    page = project / "docs/fr/support.md"
    preview = Preview(project, "fr")
    try:
        preview.wait_for_log("Serving on", START_TIMEOUT)
        first = preview.get("/support/")
        assert 'lang="fr"' in first
        sentence = _first_sentence(page)
        for n, marker in enumerate(("Première modification enregistrée", "Deuxième modification enregistrée")):
            before = len(preview.lines)
            _replace(page, sentence, marker)
            shown = preview.wait_for_text("/support/", marker, REBUILD_TIMEOUT)
            assert 'lang="fr"' in shown
            preview.wait_for_log("Reloading browsers", REBUILD_TIMEOUT, after=before)
            sentence = marker
        # Only French is built: English is not served under its own folder.
        with pytest.raises(urllib.error.HTTPError):
            preview.get("/en/support/")
    finally:
        preview.stop()
    assert "ERROR" not in preview.log and "Traceback" not in preview.log, preview.log
    assert preview.flat.count("are not made here") == 1, preview.log  # once, not per rebuild


# Makes this machine one without Debian's Pango and fonts: WeasyPrint cannot be
# imported and fontconfig's commands are not found.
NO_SYSTEM_PARTS = """
import shutil, sys
sys.modules["weasyprint"] = None
_which = shutil.which
shutil.which = lambda name, *a, **k: None if name.startswith("fc-") else _which(name, *a, **k)
"""


def test_the_preview_works_without_pango_or_fonts_and_says_what_it_leaves_out(project, tmp_path):
    site_packages = tmp_path / "without-system-parts"
    site_packages.mkdir()
    (site_packages / "sitecustomize.py").write_text(NO_SYSTEM_PARTS, encoding="utf-8")
    probe = subprocess.run(
        [sys.executable, "-c", "import importlib.util, shutil\n"
         "try:\n import weasyprint\nexcept ImportError:\n print('no weasyprint', shutil.which('fc-list'))"],
        env={**os.environ, "PYTHONPATH": str(site_packages)}, capture_output=True, text=True)
    assert probe.stdout.strip() == "no weasyprint None", probe.stdout + probe.stderr
    preview = Preview(project, "zh-Hant", env={"PYTHONPATH": str(site_packages)})
    try:
        preview.wait_for_log("Serving on", START_TIMEOUT)
        call = preview.get("/call/")
        assert 'lang="zh-Hant"' in call
    finally:
        preview.stop()
    assert preview.flat.count("are not made here") == 1, preview.log
    assert "the call's PDF and the social images are not made here (they need Pango and system " \
        "fonts); `make build` makes them." in preview.flat, preview.log
    assert "ERROR" not in preview.log and "Traceback" not in preview.log, preview.log


def test_the_build_without_pango_or_fonts_fails_with_clear_errors_not_a_traceback(tmp_path):
    """The deploy build never skips the PDF and the social images: on a machine
    without them it fails, saying what is missing and how to install it."""
    project = tmp_path / "project"
    copy_project(project, share_cache=False)  # nothing drawn yet: everything must be made
    site_packages = tmp_path / "without-system-parts"
    site_packages.mkdir()
    (site_packages / "sitecustomize.py").write_text(NO_SYSTEM_PARTS, encoding="utf-8")
    environment = {k: v for k, v in os.environ.items() if k not in ("FOV_PREVIEW_LANGUAGE", "FOV_CONFIG")}
    environment.update(PYTHONPATH=str(site_packages), NO_MKDOCS_2_WARNING="1")
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
                          cwd=project, env=environment, capture_output=True, text=True, timeout=900)
    output = done.stdout + done.stderr
    assert done.returncode != 0, output
    assert "Traceback" not in output, output
    cards = [line for line in output.splitlines() if "social images cannot be drawn" in line]
    assert len(cards) == 1 and "install the Debian package fontconfig" in cards[0], output
    pdfs = [line for line in output.splitlines() if "the PDF of the call could not be made" in line]
    assert pdfs and all("WeasyPrint cannot be imported" in line and "libpango-1.0-0" in line
                        for line in pdfs), output


@pytest.mark.parametrize("command", [["preview", "LANG=fr"], ["serve"]])
def test_the_make_previews_install_no_debian_package(command):
    """Neither apt-get nor dpkg for a preview: what needs Debian's packages is
    left out of it (the deploy build, `make build`, installs them)."""
    done = subprocess.run(["make", "--dry-run", *command], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "apt-get" not in done.stdout and "dpkg" not in done.stdout, done.stdout
    build = subprocess.run(["make", "--dry-run", "build"], cwd=ROOT, capture_output=True, text=True)
    assert "dpkg -s" in build.stdout  # the build does check them


def test_the_documented_preview_command_lists_the_configured_languages(project):
    done = subprocess.run([sys.executable, "hooks/fov", "preview"], cwd=project, capture_output=True,
                          text=True, env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"})
    assert done.returncode == 2
    assert all(language in done.stderr for language in LANGUAGES), done.stderr
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "python hooks/fov preview fr" in readme and "python hooks\\fov preview fr" in readme
