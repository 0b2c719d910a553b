"""A translator with only a browser, end to end, on a fixture site in a real git
repository: the English changes, the outdated page links to its part of the
site's "What changed in English" page (which shows the change), the translator
edits the Markdown only, the pull-request check's command (the one the workflow
runs, with GITHUB_ACTIONS=true) says exactly which lines to write, and once they
are written the page is current. Also: `stamp` never marks as current a section
nobody updated, and every command error is one sentence."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import HOOKS, ROOT, build_site
from test_translation_build import find, one, parse
from translation_fixture import edit, make_site, translate

ZH_CALL = "docs/zh-Hant/call.md"
GIT_ENV = {"GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "T",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_GLOBAL": os.devnull,
           "GIT_CONFIG_NOSYSTEM": "1"}


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, text=True,
                          env={**GIT_ENV, "PATH": "/usr/bin:/bin"}).stdout


def commit(root: Path, message: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)


@pytest.fixture
def repo(tmp_path):
    """The fixture site, stamped, committed on main; then the English changes on main."""
    root = tmp_path / "repo"
    root.mkdir()
    config = make_site(root)
    git(root, "init", "-q", "-b", "main")
    commit(root, "The site, translated")
    edit(root / "docs/en/call.md", "Around 862 million people volunteer every month.",
         "About 862 million people volunteer each month, most of them informally.")
    edit(root / "docs/en/call.md", "Nearly 14,000 people", "Close to 14,000 people")
    commit(root, "English: two sections rewritten")
    return config


def check(config: Path, *args: str, summary: Path | None = None) -> subprocess.CompletedProcess:
    """The pull-request check, as the workflow runs it (make translation-check BASE=...)."""
    env = {"PYTHONPATH": str(HOOKS), "PATH": "/usr/bin:/bin", "GITHUB_ACTIONS": "true", **GIT_ENV}
    if summary is not None:
        env["GITHUB_STEP_SUMMARY"] = str(summary)
    return subprocess.run([sys.executable, "-m", "fov", "translate", "check", *args], cwd=config.parent,
                          capture_output=True, text=True, env=env, check=True)


def notices(stdout: str) -> list[tuple[str, int, str]]:
    """(file, line, message) of each ::notice workflow command, the message unescaped."""
    found = []
    for match in re.finditer(r"^::notice file=([^,]+),line=(\d+)::(.*)$", stdout, re.M):
        message = match.group(3).replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%")
        found.append((match.group(1).replace("%2C", ",").replace("%3A", ":"), int(match.group(2)), message))
    return found


def apply(path: Path, message: str) -> None:
    """Do what the notice says, literally: replace lines A-B with the lines it gives."""
    said = re.search(r"replace lines? (\d+)(?:-(\d+))? \(the translation: block of the front matter\) "
                     r"with these lines:\n(.*)\nThen ", message, re.S)
    assert said, message
    first, last = int(said.group(1)), int(said.group(2) or said.group(1))
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[first - 1:last] = said.group(3).split("\n")
    path.write_text("\n".join(lines), encoding="utf-8")


def test_the_browser_route_from_outdated_to_current(repo, tmp_path):
    root = repo.parent
    # 1. The English changed: the outdated translation links to what changed.
    site = build_site(repo, tmp_path / "site1")
    assert site.ok, site.text
    page = parse(site.site / "zh-Hant/call/index.html")
    notice = one(page, "div", "fov-notice--outdated")
    link = next(a for a in find(notice, "a") if a.get("href", "").startswith("../translation-changes/"))
    assert link.get("href") == "../translation-changes/#zh-hant-call"
    changes = parse(site.site / "zh-Hant/translation-changes/index.html")
    part = one(changes, "h2", id="zh-hant-call")
    assert "行動號召" in part.all_text()
    removed = [e.all_text() for e in find(changes, "del")]
    added = [e.all_text() for e in find(changes, "ins")]
    assert "Around" in removed and "every month." in removed and "Nearly" in removed
    assert "About" in added and "each month, most of them informally." in added and "Close to" in added
    assert [d.get("lang") for d in find(changes, "div", "fov-diff")] == ["en", "en"]
    edit_link = next(a for a in find(changes, "a") if "/edit/" in a.get("href", ""))
    assert edit_link.get("href").endswith("/edit/main/docs/zh-Hant/call.md")
    # The status page links there too.
    status = parse(site.site / "zh-Hant/translations/index.html")
    assert any(a.get("href") == "../translation-changes/#zh-hant-call" for a in find(status, "a"))

    # 2. The translator updates one of the two sections, in the Markdown only, on a branch.
    git(root, "checkout", "-q", "-b", "update-zh-hant")
    edit(root / ZH_CALL, "全球每個月約有 8.62 億人投入志願服務。", "全球每個月約有 8.62 億人投入志願服務，多半是非正式的。")
    commit(root, "zh-Hant: update #why")

    # 3. The pull-request check says exactly what to write, for #why only.
    summary = tmp_path / "summary.md"
    done = check(repo, "--base", "main", summary=summary)
    found = notices(done.stdout)
    stamp = [n for n in found if "You updated #why of this translation" in n[2]]
    assert len(stamp) == 1, done.stdout
    waiting = [n for n in found if n[2].startswith("#how changed in English")]
    assert len(waiting) == 1 and "has not changed" in waiting[0][2], done.stdout
    assert waiting[0][1] == _line_of(root / ZH_CALL, "{#how}")
    assert "make stamp PAGE=docs/zh-Hant/call.md SECTION=how CONFIRM=yes" in waiting[0][2]
    file, line, message = stamp[0]
    # On the line the translator changed: GitHub shows it there in "Files changed".
    assert file == ZH_CALL and line == _line_of(root / ZH_CALL, "多半是非正式的")
    report = summary.read_text(encoding="utf-8")
    assert "### `docs/zh-Hant/call.md`" in report and "```yaml" in report
    assert "`docs/zh-Hant/call.md` → `zh-Hant/call/index.html`" in report

    # 4. Written as told: #why is current, #how still outdated (nobody updated it).
    apply(root / ZH_CALL, message)
    assert _state(repo) == ("outdated", ["how"])

    # 5. The translator updates #how too; the check's new block makes the page current.
    commit(root, "zh-Hant: stamp #why")
    edit(root / ZH_CALL, "164 個國家近 14,000 人", "164 個國家將近 14,000 人")
    commit(root, "zh-Hant: update #how")
    found = notices(check(repo, "--base", "main").stdout)
    assert [n[2].split(" of this")[0] for n in found] == ["You updated #how"]
    assert "Then the page counts as up to date" in found[0][2]
    apply(root / ZH_CALL, found[0][2])
    after = build_site(repo, tmp_path / "site2")
    assert after.ok, after.text
    page = parse(after.site / "zh-Hant/call/index.html")
    assert not find(page, "div", "fov-notice--outdated")
    assert "全球每個月約有 8.62 億人投入志願服務，多半是非正式的。" in page.all_text()
    assert not notices(check(repo, "--base", "main").stdout)  # nothing more to write


def _state(config: Path) -> tuple[str, list[str]]:
    page = json.loads(translate(config, "status", "--json").stdout)["languages"]["zh-Hant"]["pages"]["call.md"]
    return page["state"], page["outdated_sections"]


def _line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if text in line)


def test_the_check_offers_nothing_for_an_outdated_page_nobody_updated(repo):
    root = repo.parent
    git(root, "checkout", "-q", "-b", "typo")
    edit(root / "docs/zh-Hant/index.md", "世界各地的志工。", "世界各地的志工們。")
    commit(root, "zh-Hant: a typo in index")
    done = check(repo, "--base", "main")
    assert "call.md" not in done.stdout  # not changed by this pull request
    assert not notices(done.stdout)  # index.md is current: nothing to write


def test_stamp_refuses_a_section_nobody_updated_unless_confirmed(repo):
    root = repo.parent
    refused = translate(repo, "stamp", ZH_CALL, check=False)
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert refused.stderr.startswith(f"{ZH_CALL}: not stamped. #why, #how changed in English")
    assert "make translation-diff PAGE=docs/zh-Hant/call.md" in refused.stderr
    assert "make stamp PAGE=docs/zh-Hant/call.md CONFIRM=yes" in refused.stderr
    assert "--" not in refused.stderr  # the Makefile's spelling, not the module's options
    assert "source_hashes" in (root / ZH_CALL).read_text(encoding="utf-8")
    assert _state(repo) == ("outdated", ["why", "how"])  # unchanged
    # Once #why is updated, it may be stamped alone; #how still may not.
    edit(root / ZH_CALL, "約有 8.62 億人", "大約有 8.62 億人")
    assert translate(repo, "stamp", ZH_CALL, "--section", "why").returncode == 0
    refused = translate(repo, "stamp", ZH_CALL, "--section", "how", check=False)
    assert refused.returncode == 2 and "CONFIRM=yes SECTION=how" in refused.stderr
    # Confirmed: the translator says the translation needs no change.
    done = translate(repo, "stamp", ZH_CALL, "--confirm")
    assert done.stdout.startswith("stamped docs/zh-Hant/call.md")
    assert _state(repo) == ("current", [])


def test_make_spells_the_confirmation_and_sections_as_the_messages_do():
    done = subprocess.run(["make", "--dry-run", "stamp", "PAGE=docs/fr/call.md", "SECTION=why how",
                           "CONFIRM=yes"], cwd=ROOT, capture_output=True, text=True, check=True)
    assert "fov translate stamp docs/fr/call.md --section why --section how --confirm" in done.stdout
    done = subprocess.run(["make", "--dry-run", "translation-check", "BASE=origin/main"], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    assert 'fov translate check --base "origin/main"' in done.stdout


@pytest.mark.parametrize("args, names, says", [
    (["stamp", "docs/zh-Hant/cal.md"], "docs/zh-Hant/cal.md", "did you mean docs/zh-Hant/call.md?"),
    (["stamp", "docs/zh-Hant/contact.md"], "docs/zh-Hant/contact.md", "Translate the page first"),
    (["stamp", "docs/fr/call.md"], "docs/fr/call.md", "make add-locale LANG="),
    (["stamp", ZH_CALL, "--section", "nope"], ZH_CALL, "SECTION=why"),
    (["diff", "docs/zh-Hant/cal.md"], "docs/zh-Hant/cal.md", "did you mean"),
    (["stamp", "--method", "robot", ZH_CALL], "make stamp PAGE=", "invalid choice"),
    (["stamp"], "make stamp PAGE=", "PATH"),
    (["check"], "make translation-check BASE=origin/main", "Say what the pull request changed"),
    (["check", "--base", "no-such-branch"], "BASE=origin/main", "git cannot compare"),
    (["add-locale", "xx"], "xx", "Material"),
    (["add-locale", "zh-Hant"], "mkdocs.yml", "already a language of the site"),
    (["add-locale", "1"], "'1'", "two-letter"),
    (["no-such-command"], "make status", "invalid choice"),
])
def test_every_command_error_is_one_sentence_with_the_fix(repo, args, names, says):
    done = translate(repo, *args, check=False)
    assert done.returncode == 2 and done.stdout == ""
    message = done.stderr.strip()
    assert "Traceback" not in message and "error: 2" not in message and "usage:" not in message
    assert names in message and says in message, message
    assert message.endswith((".", "?")) and "\n" not in message, message


def test_an_error_outside_a_project_says_where_to_run_it(tmp_path):
    done = subprocess.run([sys.executable, "-m", "fov", "translate", "status"], cwd=tmp_path,
                          capture_output=True, text=True, env={"PYTHONPATH": str(HOOKS)})
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "mkdocs.yml" in done.stderr and done.stderr.strip().endswith(".")


# --- A new language: its first pull request is green ------------------------------------------


def test_a_new_language_builds_strictly_and_its_check_has_nothing_to_say(tmp_path):
    for name in ("mkdocs.yml", "Makefile"):
        shutil.copy(ROOT / name, tmp_path / name)
    for folder in ("docs", "overrides", ".github"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    (tmp_path / "hooks").symlink_to(HOOKS)
    git(tmp_path, "init", "-q", "-b", "main")
    commit(tmp_path, "The project")
    git(tmp_path, "checkout", "-q", "-b", "add-de")
    added = translate(tmp_path / "mkdocs.yml", "add-locale", "de")
    assert "Traceback" not in added.stderr
    commit(tmp_path, "Add German")
    result = build_site(tmp_path / "mkdocs.yml", tmp_path / "site")
    assert result.ok, result.text
    # Every page falls back to English with its notice; the status page shows the progress.
    for page in ("index.html", "call/index.html", "translations/index.html",
                 "translation-changes/index.html"):
        assert one(parse(tmp_path / "site/de" / page), "html").get("lang") == "de"
    assert find(parse(tmp_path / "site/de/call/index.html"), "div", "fov-notice--fallback")
    status = parse(tmp_path / "site/de/translations/index.html")
    row = next(tr for tr in find(status, "tr") if "Deutsch" in tr.all_text())
    assert "0%" in row.all_text() or "0 %" in row.all_text()
    # The reviewers of the new language are named, and the pull-request check passes with notes only.
    assert "/docs/de/" in (tmp_path / ".github/CODEOWNERS").read_text(encoding="utf-8")
    done = check(tmp_path / "mkdocs.yml", "--base", "main")
    assert "No translated page changed." in done.stdout and "::error" not in done.stdout
    changes = parse(tmp_path / "site/de/translation-changes/index.html")
    assert "Every translated page is up to date with the English page" in changes.all_text()


# --- Style notes, the claim template, the guide -----------------------------------------------


def test_each_languages_style_notes_are_on_the_status_page(repo, tmp_path):
    data = repo.parent / "docs/.translations/zh-Hant.yml"
    edit(data, "style:\n", "style:\n  - Write 2026 年 with a space.\n")
    result = build_site(repo, tmp_path / "site")
    assert result.ok, result.text
    status = parse(result.site / "zh-Hant/translations/index.html")
    one(status, "h2", id="style")
    notes = one(status, "h3", id="style-zh-hant")
    items = [li.all_text() for li in find(status, "li")]
    assert "Write 2026 年 with a space." in items and "繁體中文" in notes.all_text()


def test_the_translate_a_page_issue_form_is_valid():
    import yaml

    form = yaml.safe_load((ROOT / ".github/ISSUE_TEMPLATE/translate-a-page.yml").read_text(encoding="utf-8"))
    assert form["name"] == "Translate a page" and form["description"] and form["labels"] == ["translation"]
    kinds = {"markdown", "input", "textarea", "dropdown", "checkboxes"}
    ids = [item["id"] for item in form["body"] if "id" in item]
    assert len(ids) == len(set(ids)) and {"language", "page", "kind"} <= set(ids)
    for item in form["body"]:
        assert item["type"] in kinds and item["attributes"]
        if item["type"] != "markdown":
            assert item["attributes"]["label"]


GUIDE = (ROOT / "TRANSLATING.md").read_text(encoding="utf-8")


def test_the_guide_puts_adding_a_language_near_the_top_and_explains_its_words():
    headings = re.findall(r"^## (.+)$", GUIDE, re.M)
    assert headings.index("Adding a language") <= 2
    words = GUIDE.split("## Words used in this guide", 1)[1].split("\n## ", 1)[0]
    for term in ("Front matter", "YAML", "Attribute list", "Stamp", "Pull request", "Check",
                 "Annotation", "Strict build"):
        assert f"- **{term}" in words, term
    for anchor in re.findall(r"\]\(#([a-z0-9-]+)\)", GUIDE):  # every link inside the guide works
        assert anchor in {_slug(h) for h in re.findall(r"^#+ (.+)$", GUIDE, re.M)}, anchor


def _slug(heading: str) -> str:
    return re.sub(r"[^a-z0-9 -]", "", heading.lower()).replace(" ", "-")


def test_the_guide_has_one_rule_for_the_translation_block():
    assert "leave the `translation:` block exactly" not in GUIDE and "Add `method` to" not in GUIDE
    assert GUIDE.count("you write `method:` yourself; you never type anything under\n`source_hashes:`") == 1
    for place in ("Files changed", "Details", "Summary", "Annotations", "Artifacts",
                  "translate-a-page.yml", ".github/CODEOWNERS", "See what changed",
                  "py -3.11 -m venv .venv", ".venv\\Scripts\\pip install -r requirements.txt",
                  ".venv\\Scripts\\python hooks\\fov preview fr",
                  "make stamp PAGE=docs/fr/call.md SECTION=why-act-now CONFIRM=yes"):
        assert place in GUIDE, place


def test_a_new_translation_without_a_record_gets_its_whole_stamp(repo):
    root = repo.parent
    git(root, "checkout", "-q", "-b", "contact")
    (root / "docs/zh-Hant/contact.md").write_text(
        "---\ndescription: 如何聯絡我們。\n---\n\n# 聯絡我們 {#contact}\n\n寫信給發起這份號召的組織。\n",
        encoding="utf-8")
    commit(root, "zh-Hant: contact")
    found = notices(check(repo, "--base", "main").stdout)
    assert len(found) == 1 and found[0][:2] == ("docs/zh-Hant/contact.md", 1)
    message = found[0][2]
    assert "You updated the description (front matter), #contact of this translation" in message
    said = re.search(r"add these lines to the front matter, before line (\d+) \(its closing ---\):\n(.*)\nThen ",
                     message, re.S)
    assert said and said.group(1) == "3", message
    path = root / "docs/zh-Hant/contact.md"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[2:2] = said.group(2).split("\n")
    path.write_text("\n".join(lines), encoding="utf-8")
    assert json.loads(translate(repo, "status", "--json").stdout)[
        "languages"]["zh-Hant"]["pages"]["contact.md"]["state"] == "current"
