"""fov.build.source_dates: the dates of every page from one `git log` of the docs,
the same dates as one `git log -1 -- FILE` per file gives."""

from __future__ import annotations

import subprocess

from conftest import ROOT
from fov.build.source_dates import last_changed, last_changed_under, SourceDates


def _git(repo, *args, date=None):
    env = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date} if date else {}
    subprocess.run(["git", "-C", str(repo), "-c", "user.name=Test", "-c", "user.email=test@example.org",
                    "-c", "commit.gpgsign=false", *args], check=True, capture_output=True,
                   env={"PATH": "/usr/bin:/bin", "HOME": str(repo), **env})


def test_one_log_gives_each_page_of_the_site_the_date_of_its_own_log():
    docs = ROOT / "docs"
    pages = sorted(str(path) for path in docs.rglob("*.md"))
    under = last_changed_under(str(docs))
    committed = [page for page in pages if page in under]
    assert len(committed) >= 27  # the pages committed so far (9 in 3 languages at least)
    last_changed.cache_clear()
    assert {page: under[page] for page in committed} == {page: last_changed(page) for page in committed}


def test_dates_of_a_history_with_a_merge_and_a_file_not_committed(tmp_path):
    docs = tmp_path / "docs"
    (docs / "en").mkdir(parents=True)
    for name in ("a", "b", "c"):
        (docs / "en" / f"{name}.md").write_text(f"# {name}\n", encoding="utf-8")
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "first", date="2021-01-01T12:00:00+00:00")
    _git(tmp_path, "checkout", "-q", "-b", "side")
    (docs / "en" / "a.md").write_text("# a, changed on a branch\n", encoding="utf-8")
    _git(tmp_path, "commit", "-q", "-am", "side", date="2022-02-02T12:00:00+00:00")
    _git(tmp_path, "checkout", "-q", "main")
    (docs / "en" / "b.md").write_text("# b, changed on main\n", encoding="utf-8")
    _git(tmp_path, "commit", "-q", "-am", "main", date="2023-03-03T12:00:00+00:00")
    _git(tmp_path, "merge", "-q", "--no-edit", "side", date="2024-04-04T12:00:00+00:00")
    (docs / "en" / "new.md").write_text("# not committed\n", encoding="utf-8")

    dates = SourceDates(str(docs))
    last_changed.cache_clear()
    for name in ("a", "b", "c", "new"):
        page = str(docs / "en" / f"{name}.md")
        assert dates.of(page) == last_changed(page), name
    assert [dates.of(str(docs / "en" / f"{name}.md")) for name in ("a", "b", "c", "new")] == [
        "2022-02-02", "2023-03-03", "2021-01-01", "2024-04-04"]
    assert dates.of(None) == "2024-04-04"  # a page without a file: the checked-out commit


def test_outside_a_git_work_tree_there_are_no_dates(tmp_path):
    (tmp_path / "page.md").write_text("# Page\n", encoding="utf-8")
    assert last_changed_under(str(tmp_path)) == {}
    assert SourceDates(str(tmp_path)).of(str(tmp_path / "page.md")) is None
