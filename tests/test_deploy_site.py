"""What the deploy publishes: site_url from SITE_URL (project page or custom
domain, with its CNAME), and builds that are byte-identical for one commit."""

from __future__ import annotations

import gzip
import struct
import subprocess
import xml.etree.ElementTree as etree
from datetime import datetime, timezone
from html.parser import HTMLParser

import pytest

from conftest import ROOT, build_site, write_fixture_site
from fov.build.site_url import cname_for
from fov.data.project import read_config

PROJECT_PAGE = "https://futureofvolunteering.github.io/futureofvolunteering/"
CUSTOM_DOMAIN = "https://www.futureofvolunteering.org/"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
# Fixture sites run the project's hooks (the theme overrides need several),
# some of which link to the repository.
REPOSITORY = {key: read_config(ROOT / "mkdocs.yml")[key] for key in ("repo_url", "edit_uri")}


@pytest.mark.parametrize("site_url, cname", [
    (PROJECT_PAGE, None),
    ("https://futureofvolunteering.github.io/", None),  # a user or organisation page
    (CUSTOM_DOMAIN, "www.futureofvolunteering.org"),
    ("https://Example.ORG", "example.org"),
    ("https://example.org/futureofvolunteering/", None),  # under the owner's custom domain
    ("http://127.0.0.1:8000/", None),
    ("http://localhost/", None),
    ("https://example.org:8443/", None),
    ("", None),
])
def test_cname_only_for_a_custom_domain_at_its_root(site_url, cname):
    assert cname_for(site_url) == cname


@pytest.fixture(scope="module")
def project_page_builds(tmp_path_factory):
    """The real site built twice, with SITE_URL set as the deploy sets it."""
    root = tmp_path_factory.mktemp("project-page")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SITE_URL", PROJECT_PAGE)
        env.delenv("SOURCE_DATE_EPOCH", raising=False)
        builds = [build_site(ROOT / "mkdocs.yml", root / name) for name in ("first", "second")]
    for result in builds:
        assert result.ok, result.text
    return builds


def _files(site):
    return {path.relative_to(site).as_posix(): path for path in site.rglob("*") if path.is_file()}


def test_two_builds_of_one_commit_are_byte_identical(project_page_builds):
    first, second = (_files(build.site) for build in project_page_builds)
    assert sorted(first) == sorted(second)
    different = [name for name in first if first[name].read_bytes() != second[name].read_bytes()]
    assert different == []
    assert "sitemap.xml.gz" in first and "search/search_index.json" in first


class _Canonical(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        rel = values.get("rel")
        if tag == "link" and (rel == "canonical" or rel == "alternate" and "hreflang" in values):
            self.links.append(values["href"])


def _sitemap_urls(xml_bytes):
    tree = etree.fromstring(xml_bytes)
    return [loc.text for loc in tree.iter(f"{SITEMAP}loc")]


def test_project_page_url_is_used_in_canonical_links_and_sitemap(project_page_builds):
    site = project_page_builds[0].site
    pages = list(site.rglob("index.html"))
    assert len(pages) >= 27  # 9 pages in 3 languages
    for page in pages:
        parser = _Canonical()
        parser.feed(page.read_text(encoding="utf-8"))
        assert parser.links, f"{page}: no canonical link"
        assert all(link.startswith(PROJECT_PAGE) for link in parser.links), (page, parser.links)
    sitemap = (site / "sitemap.xml").read_bytes()
    urls = _sitemap_urls(sitemap)
    assert PROJECT_PAGE in urls and PROJECT_PAGE + "zh-Hant/" in urls
    assert all(url.startswith(PROJECT_PAGE) for url in urls)
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()) == sitemap
    assert not (site / "CNAME").exists()


def test_custom_domain_gets_a_cname_file_at_the_site_root(tmp_path):
    config = write_fixture_site(tmp_path, {"en/index.md": "# Home\n\nText.\n"},
                                extra_config={**REPOSITORY, "site_url": CUSTOM_DOMAIN})
    result = build_site(config, tmp_path / "site")
    assert result.ok, result.text
    assert (tmp_path / "site" / "CNAME").read_text(encoding="utf-8") == "www.futureofvolunteering.org\n"
    assert _sitemap_urls((tmp_path / "site" / "sitemap.xml").read_bytes()) == [CUSTOM_DOMAIN]


# --- dates come from git, not from the clock --------------------------------------

def _git(repo, *args, date=None):
    env = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date} if date else {}
    subprocess.run(["git", "-C", str(repo), "-c", "user.name=Test", "-c", "user.email=test@example.org",
                    "-c", "commit.gpgsign=false", *args], check=True, capture_output=True,
                   env={"PATH": "/usr/bin:/bin", "HOME": str(repo), **env})


def _lastmod(site):
    tree = etree.fromstring((site / "sitemap.xml").read_bytes())
    return {url.find(f"{SITEMAP}loc").text: url.find(f"{SITEMAP}lastmod").text
            for url in tree.iter(f"{SITEMAP}url")}


def _gzip_mtime(path):
    return struct.unpack("<I", path.read_bytes()[4:8])[0]  # RFC 1952: MTIME, bytes 4-7


@pytest.fixture
def dated_repo(tmp_path):
    """A fixture site in its own git repository: two pages committed on
    2021-03-04, one of them changed again on 2022-05-06."""
    config = write_fixture_site(tmp_path, {"en/index.md": "# Home\n\nText.\n",
                                           "en/about.md": "# About\n\nText.\n"},
                                extra_config=REPOSITORY)
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "first", date="2021-03-04T23:30:00+00:00")
    (tmp_path / "docs" / "en" / "about.md").write_text("# About\n\nNew text.\n", encoding="utf-8")
    _git(tmp_path, "commit", "-q", "-am", "second", date="2022-05-06T01:00:00+02:00")
    return config


def test_lastmod_is_the_date_each_page_last_changed_in_git(dated_repo, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    site = dated_repo.parent / "site"
    result = build_site(dated_repo, site)
    assert result.ok, result.text
    # 2022-05-06T01:00+02:00 is 2022-05-05 in UTC, the time zone MkDocs writes.
    lastmod = _lastmod(site)
    assert lastmod["http://127.0.0.1:8000/"] == "2021-03-04"
    assert lastmod["http://127.0.0.1:8000/about/"] == "2022-05-05"
    latest = datetime(2022, 5, 5, tzinfo=timezone.utc).timestamp()
    assert _gzip_mtime(site / "sitemap.xml.gz") == latest


def test_source_date_epoch_still_wins(dated_repo, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(datetime(2020, 1, 2, tzinfo=timezone.utc).timestamp())))
    site = dated_repo.parent / "site"
    assert build_site(dated_repo, site).ok
    assert set(_lastmod(site).values()) == {"2020-01-02"}
