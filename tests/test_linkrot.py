"""The link-rot checker (hooks/fov linkrot) against a real HTTP server on
127.0.0.1 that answers 200, 301, 404, 500, 405-to-HEAD, and not at all."""

from __future__ import annotations

import collections
import http.server
import json
import os
import subprocess
import sys
import threading

import pytest

from conftest import HOOKS, ROOT, project_config
from fov.commands import linkrot
from fov.data.project import load_project

RETRIES = 1  # one retry after a failure that may pass
TIMEOUT = 1.0  # seconds the checker waits; the /slow path never answers in time


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.hits: collections.Counter = collections.Counter()  # (method, path) -> requests
        self.release = threading.Event()  # lets /slow finish at teardown


class _Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_HEAD(self):
        self._answer(send_body=False)

    def do_GET(self):
        self._answer(send_body=True)

    def _answer(self, send_body):
        self.server.hits[(self.command, self.path)] += 1
        if self.path == "/slow":
            self.server.release.wait(TIMEOUT * 10)
            return self._send(200, send_body)
        if self.path == "/moved":
            return self._send(301, send_body, {"Location": "/ok"})
        if self.path == "/dir":
            return self._send(301, send_body, {"Location": "/dir/"})
        if self.path == "/found-elsewhere":
            return self._send(302, send_body, {"Location": "/ok"})
        if self.path == "/no-head" and self.command == "HEAD":
            return self._send(405, send_body)
        status = {"/ok": 200, "/no-head": 200, "/dir/": 200, "/missing": 404, "/error": 500,
                  "/forbidden": 403}.get(self.path, 404)
        self._send(status, send_body)

    def _send(self, status, send_body, headers=None):
        body = b"<!doctype html><title>test</title>"
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)


@pytest.fixture
def server():
    with _Server() as httpd:
        thread = threading.Thread(target=httpd.serve_forever, daemon=True)
        thread.start()
        yield httpd
        httpd.release.set()
        httpd.shutdown()


def _base(server) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}"


def _write_site(root, base):
    """A built site (two pages) linking to every kind of answer."""
    site = root / "site"
    (site / "call").mkdir(parents=True)
    (site / "index.html").write_text(f"""<!doctype html>
<html><head>
<link rel="canonical" href="https://fov.example/">
<link rel="preconnect" href="https://preconnect.invalid">
<link rel="stylesheet" href="assets/site.css">
</head><body>
<!-- <a href="{base}/in-a-comment">not a link</a> -->
<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0"/></svg>
<a href="{base}/ok">ok</a>
<a href="{base}/ok#section">ok again, another fragment</a>
<a href="{base}/moved">moved</a>
<a href="{base}/found-elsewhere">temporarily elsewhere</a>
<a href="{base}/missing">missing</a>
<a href="https://fov.example/call/">our own page, absolute</a>
<a href="call/">our own page</a>
<a href="mailto:ivy2026@iave.org">mail</a>
<img src="{base}/no-head" alt="">
</body></html>""", encoding="utf-8")
    (site / "call" / "index.html").write_text(f"""<!doctype html>
<html><head><link rel="canonical" href="https://fov.example/call/"></head>
<body><p>
<a href="{base}/error">error</a>
<a href="{base}/slow">slow</a>
<a href="{base}/forbidden">forbidden</a>
<a href="{base}/missing">missing here too</a>
</p></body></html>""", encoding="utf-8")
    return site


def _run_cli(site, *options):
    env = {**os.environ, "PYTHONPATH": str(HOOKS)}
    command = [sys.executable, "-m", "fov", "linkrot", str(site), "--retries", str(RETRIES),
               "--backoff", "0", "--delay", "0", "--timeout", str(TIMEOUT), *options]
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)


def test_collects_external_links_with_a_real_html_parser(tmp_path):
    base = "http://127.0.0.1:9"
    site = _write_site(tmp_path, base)
    links = linkrot.collect_links(site, linkrot.site_url_of(site))
    assert sorted(links) == sorted(f"{base}/{path}" for path in [
        "ok", "moved", "found-elsewhere", "missing", "no-head", "error", "slow", "forbidden"])
    assert sorted(o.page for o in links[f"{base}/missing"]) == ["/", "/call/"]
    assert links[f"{base}/ok"][0].line == 9  # both fragments of /ok, one URL
    assert len(links[f"{base}/ok"]) == 2


def test_each_answer_gets_its_verdict(server, tmp_path):
    base = _base(server)
    results = {r.url.removeprefix(base): r for r in linkrot.check_all(
        [f"{base}/{p}" for p in ["ok", "moved", "found-elsewhere", "missing", "error",
                                 "slow", "forbidden", "no-head", "dir"]],
        linkrot.Settings(timeout=TIMEOUT, retries=RETRIES, backoff=0, delay=0))}
    assert {path: r.verdict for path, r in results.items()} == {
        "/ok": "ok", "/moved": "moved", "/found-elsewhere": "ok", "/missing": "broken",
        "/error": "broken", "/slow": "broken", "/forbidden": "unverified", "/no-head": "ok",
        "/dir": "ok"}  # a slash added by a permanent redirect is not worth reporting
    assert results["/moved"].final_url == f"{base}/ok"
    assert results["/missing"].problem.startswith("404")
    assert results["/error"].problem.startswith("500")
    assert results["/slow"].problem == "timed out" and results["/slow"].status is None


def test_failures_that_may_pass_are_retried_and_404_is_not(server):
    base = _base(server)
    settings = linkrot.Settings(timeout=TIMEOUT, retries=RETRIES, backoff=0, delay=0)
    error, missing, slow = (linkrot.check_url(f"{base}/{p}", settings)
                            for p in ("error", "missing", "slow"))
    assert (error.attempts, missing.attempts, slow.attempts) == (RETRIES + 1, 1, RETRIES + 1)
    # HEAD failed, then GET failed too, on every attempt
    assert server.hits[("GET", "/error")] == RETRIES + 1
    assert server.hits[("GET", "/missing")] == 1
    assert server.hits[("HEAD", "/slow")] == RETRIES + 1 and server.hits[("GET", "/slow")] == 0


def test_command_line_reports_broken_links_with_their_pages(server, tmp_path):
    site = _write_site(tmp_path, _base(server))
    report = tmp_path / "report.md"
    done = _run_cli(site, "--markdown", str(report))
    assert done.returncode == 1, done.stderr
    text = report.read_text(encoding="utf-8")
    broken = text.split("### Broken links")[1].split("###")[0]
    for path in ("/missing", "/error", "/slow"):
        assert f"{_base(server)}{path}>" in broken
    assert "/ok>" not in broken and "/no-head>" not in broken
    assert "`/` (line 13), `/call/` (line 7)" in broken  # /missing, on both pages
    moved = text.split("### Moved permanently")[1].split("###")[0]
    assert f"<{_base(server)}/moved> | moved to <{_base(server)}/ok> (200 OK there)" in moved
    assert f"<{_base(server)}/forbidden>" in text.split("### Could not verify")[1]
    assert "8 external links checked" in text
    assert server.hits[("GET", "/in-a-comment")] + server.hits[("HEAD", "/in-a-comment")] == 0


def test_cache_skips_links_found_working_and_rechecks_broken_ones(server, tmp_path):
    site = _write_site(tmp_path, _base(server))
    cache = tmp_path / "cache" / "linkrot.json"
    assert _run_cli(site, "--cache", str(cache)).returncode == 1
    ok_hits, missing_hits = server.hits[("HEAD", "/ok")], server.hits[("HEAD", "/missing")]
    again = _run_cli(site, "--cache", str(cache))
    assert again.returncode == 1
    assert server.hits[("HEAD", "/ok")] == ok_hits  # known good: not asked again
    assert server.hits[("HEAD", "/missing")] == missing_hits + 1  # broken: asked again
    assert "(4 known good from the cache)" in again.stdout  # ok, moved, found-elsewhere, no-head
    entries = json.loads(cache.read_text(encoding="utf-8"))
    assert {e["url"] for e in entries} == set(linkrot.collect_links(site, "https://fov.example/"))


def test_an_old_cache_entry_is_checked_again(tmp_path):
    cache = tmp_path / "linkrot.json"
    old = linkrot.Result("https://a.example/", "ok", 200, "200 OK", checked_at=1_000.0)
    new = linkrot.Result("https://b.example/", "ok", 200, "200 OK", checked_at=9 * 86400.0)
    linkrot.save_cache(cache, [old, new])
    fresh = linkrot.load_cache(cache, max_age_days=7, now=10 * 86400.0)
    assert list(fresh) == ["https://b.example/"] and fresh["https://b.example/"].from_cache


def test_all_good_exits_zero(server, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(
        f'<!doctype html><a href="{_base(server)}/ok">ok</a>', encoding="utf-8")
    done = _run_cli(site)
    assert done.returncode == 0, done.stdout
    assert "1 external links checked" in done.stdout and "### Broken links" not in done.stdout


def test_without_a_built_site_it_says_what_to_do(tmp_path):
    done = _run_cli(tmp_path / "nowhere")
    assert done.returncode == 2
    assert "build the site first" in done.stderr


class _FakeClock:
    def __init__(self):
        self.now = 100.0
        self.slept: list[float] = []

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        self.slept.append(seconds)
        self.now += seconds


def test_pacer_spaces_requests_to_one_host_and_not_across_hosts():
    clock = _FakeClock()
    pacer = linkrot.HostPacer(2.0, clock=clock, sleep=clock.sleep)
    for url in ["https://a.example/1", "https://a.example/2", "https://b.example/1",
                "https://a.example/3"]:
        pacer.wait(url)
    assert clock.slept == [2.0, 2.0]  # a/2 waits for a/1; b/1 does not wait; a/3 waits for a/2


def test_share_links_are_checked_once_per_service_and_editor_links_skipped(tmp_path):
    site = tmp_path / "site"
    for page in ("a", "b"):
        (site / page).mkdir(parents=True)
        (site / page / "index.html").write_text(f"""<!doctype html>
<a href="https://x.example/intent/post?text={page}&url=https%3A%2F%2Ffov.example%2F{page}%2F">X</a>
<a href="https://github.example/o/r/new/main/docs/zh-Hant?filename={page}.md">translate</a>
<a href="https://github.example/o/r">source</a>""", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("""site_name: A campaign
repo_url: https://github.example/o/r/
extra:
  campaign:
    share:
      - {name: X, link: "https://x.example/intent/post?text={text}&url={url}"}
      - {name: E-mail, link: "mailto:?subject={text}&body={url}"}
""", encoding="utf-8")
    endpoints, skip = linkrot.campaign_rules(load_project(tmp_path / "mkdocs.yml"))
    assert endpoints == ["https://x.example/intent/post"]
    links = linkrot.collect_links(site, "https://fov.example/", endpoints=endpoints, skip=skip)
    assert sorted(links) == ["https://github.example/o/r", "https://x.example/intent/post"]
    assert [o.page for o in links["https://x.example/intent/post"]] == ["/a/", "/b/"]


def test_campaign_rules_from_the_real_mkdocs_yml():
    config = project_config()
    endpoints, skip = linkrot.campaign_rules(load_project(ROOT / "mkdocs.yml"))
    shared = [item["link"] for item in config["extra"]["campaign"]["share"]]
    assert len(endpoints) == sum(link.startswith("https://") for link in shared) > 0
    assert all("{" not in endpoint and "?" not in endpoint for endpoint in endpoints)
    assert skip == [config["repo_url"].rstrip("/") + "/new/", config["repo_url"].rstrip("/") + "/edit/"]


def test_real_site_links_are_collected_from_markup_only(real_site):
    links = linkrot.collect_links(real_site.site, linkrot.site_url_of(real_site.site))
    repo_url = project_config()["repo_url"]
    assert repo_url in links  # the header's repository link, on every page
    assert len(links[repo_url]) >= len(list(real_site.site.rglob("*.html"))) - 1
    assert not any(url.startswith(("http://www.w3.org/", "https://fontawesome.com"))
                   for url in links)  # SVG namespaces and licence comments are not links
    assert not any(url.startswith("http://127.0.0.1:8000/") for url in links)
