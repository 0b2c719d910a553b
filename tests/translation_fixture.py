"""A small bilingual fixture site for the translator-workflow tests
(tests/test_translation_*.py): three English pages, their translation data,
and the hooks of the translator workflow plus the ones its pages rely on.

    index.md    translated in zh-Hant, stamped (current)
    call.md     translated in zh-Hant, stamped; a test then edits the English
    contact.md  not translated: a fallback in zh-Hant
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import HOOKS, ROOT, write_fixture_site
from fov.data.project import read_config

REPO = "https://github.com/example-org/fov-site"
TRANSLATION_HOOKS = ["translation_notices.py", "translation_glossary.py", "translation_status_page.py"]
# Templates in overrides/ read what these give them; validate_links runs the parity checks.
SITE_HOOKS = ["language_versions.py", "not_found_page.py", "validate_links.py"]

EN_INDEX = """---
description: A call to recognise volunteers.
---

# Home {#home}

Volunteers everywhere. Read [the call](call.md) or [write to us](contact.md).

## Act now {#act-now}

Every stakeholder can act.
"""

EN_CALL = """---
description: Why volunteering matters.
---

# The call {#the-call}

## Why volunteers matter {#why}

Around 862 million people volunteer every month.

## How the call was made {#how}

Nearly 14,000 people in 164 countries shaped it.
"""

EN_CONTACT = """---
description: How to reach us.
---

# Contact {#contact}

Write to the organisations behind the call.
"""

ZH_INDEX = """---
description: 肯定志工的號召。
---

# 首頁 {#home}

世界各地的志工。閱讀[行動號召](call.md)或[寫信給我們](contact.md)。

## 立即行動 {#act-now}

每一位利害關係人都能行動。
"""

ZH_CALL = """---
description: 志願服務為什麼重要。
---

# 行動號召 {#the-call}

## 為什麼志工如此重要 {#why}

全球每個月約有 8.62 億人投入志願服務。

## 這份號召如何誕生 {#how}

164 個國家近 14,000 人參與了這份號召。
"""

PAGES = {
    "en/index.md": EN_INDEX, "en/call.md": EN_CALL, "en/contact.md": EN_CONTACT,
    "zh-Hant/index.md": ZH_INDEX, "zh-Hant/call.md": ZH_CALL,
}
NAV = [{"Home": "index.md"}, {"The call": "call.md"}, {"Contact": "contact.md"}]


def make_site(root: Path, pages: dict[str, str] | None = None, hooks: list[str] | None = None,
              stamp: bool = True) -> Path:
    """Write the fixture site into `root` (translation data copied from the project),
    stamp its translations with the real command, and return its mkdocs.yml."""
    config = write_fixture_site(
        root, pages or PAGES, languages=("en", "zh-Hant"),
        hooks=hooks if hooks is not None else SITE_HOOKS + TRANSLATION_HOOKS,
        extra_config={"repo_url": REPO, "edit_uri": "edit/main/docs/", "nav": NAV,
                      # The site's stylesheets (the status labels' colours among them).
                      "extra_css": read_config(ROOT / "mkdocs.yml").get("extra_css") or []},
    )
    data = root / "docs" / ".translations"
    data.mkdir(parents=True, exist_ok=True)
    for name in ("en.yml", "zh-Hant.yml"):
        shutil.copy(ROOT / "docs" / ".translations" / name, data / name)
    if stamp:
        for page in sorted(p for p in (pages or PAGES) if not p.startswith("en/")):
            translate(config, "stamp", f"docs/{page}")
    return config


def translate(config: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    """Run the translators' command (python -m fov translate) in the site's folder."""
    return subprocess.run(
        [sys.executable, "-m", "fov", "translate", *args], cwd=config.parent, check=check,
        capture_output=True, text=True, env={"PYTHONPATH": str(HOOKS), "PATH": "/usr/bin:/bin"},
    )


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")
