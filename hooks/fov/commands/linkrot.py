"""Link rot: check every external link of a built site, online, politely.

    PYTHONPATH=hooks python -m fov linkrot site/ [--config mkdocs.yml]
        [--markdown report.md] [--cache FILE]

Links are collected from the built HTML with a real HTML parser (links inside
comments, scripts or SVG namespaces are not links). Each distinct URL (without
its #fragment) is checked once. With --config, the campaign's share services
(`extra.campaign.share`) are checked once each at their address without the
page's query (not once per page), and links that open GitHub's editor on the
repository (repo_url + /new/, /edit/: they need sign-in) are skipped.
A check is HEAD, then GET if the server refuses HEAD,
following redirects by hand so permanent moves can be reported. Requests to
one host are spaced out (--delay) and a few hosts are checked at once
(--workers). Timeouts, refused connections, 429 and 5xx answers are retried
with a growing pause (--retries, --backoff). With --cache, links found working
within --cache-days are not asked again.

Verdicts: "ok"; "moved" (works, through a permanent redirect: update the
link); "unverified" (the server refuses automated checks, 401/403/429/999:
check by hand); "broken" (404, 410, other 4xx, 5xx, timeouts, unknown hosts).
Exit status: 0 when nothing is broken, 1 when something is, 2 on bad usage.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import sys
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

from fov.base.report import refuse
from fov.data.project import load_project, Project

USER_AGENT = "fov-linkrot/1.0 (weekly link check of the Future of Volunteering site)"

# Elements and attributes that point at something a visitor's browser loads or follows.
LINK_ATTRIBUTES = {
    "a": "href", "area": "href", "link": "href", "img": "src", "script": "src",
    "iframe": "src", "source": "src", "video": "src", "audio": "src", "embed": "src",
}
# <link rel=...> values that name a host to warm up, not a resource.
NOT_RESOURCES = {"preconnect", "dns-prefetch"}

BROKEN_WITHOUT_RETRY = {404, 410}
UNVERIFIABLE = {401, 403, 429, 999}
PERMANENT_REDIRECTS = {301, 308}
REDIRECTS = {301, 302, 303, 307, 308}
MAX_REDIRECTS = 10


# --- collecting links -------------------------------------------------------

@dataclass(frozen=True)
class Occurrence:
    page: str  # the page's address within the site, e.g. "/zh-Hant/call/"
    line: int  # line of the link in the built HTML file


class _LinkParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, int]] = []

    def handle_starttag(self, tag, attrs):
        name = LINK_ATTRIBUTES.get(tag)
        values = dict(attrs)
        if not name or not values.get(name):
            return
        if tag == "link" and NOT_RESOURCES & set((values.get("rel") or "").lower().split()):
            return
        self.found.append((values[name].strip(), self.getpos()[0]))

    handle_startendtag = handle_starttag


def links_in_html(text: str) -> list[tuple[str, int]]:
    """(url, line) for every link in an HTML document, as written."""
    parser = _LinkParser()
    parser.feed(text)
    parser.close()
    return parser.found


def page_address(site: Path, html_file: Path) -> str:
    relative = html_file.relative_to(site).as_posix()
    if relative == "index.html":
        return "/"
    if relative.endswith("/index.html"):
        return "/" + relative[: -len("index.html")]
    return "/" + relative


def is_external(url: str, site_url: str | None) -> bool:
    if urlsplit(url).scheme not in ("http", "https"):
        return False  # relative links, mailto:, tel:, data:, javascript:
    return not (site_url and url.startswith(site_url))


def site_url_of(site: Path) -> str | None:
    """The site's own URL: the canonical link of its home page."""
    home = site / "index.html"
    if not home.is_file():
        return None

    class _Canonical(HTMLParser):
        url = None

        def handle_starttag(self, tag, attrs):
            values = dict(attrs)
            if tag == "link" and "canonical" in (values.get("rel") or "").split():
                self.url = self.url or values.get("href")

    parser = _Canonical()
    parser.feed(home.read_text(encoding="utf-8"))
    return parser.url


def link_key(url: str, endpoints: frozenset[str]) -> str:
    """What to check for a link: the URL without its fragment, or without its
    query too when it calls one of the endpoints (a share service)."""
    url = urldefrag(url).url
    endpoint = url.split("?", 1)[0]
    return endpoint if endpoint in endpoints else url


def collect_links(site: Path, site_url: str | None = None, *, endpoints=(), skip=(),
                  ) -> dict[str, list[Occurrence]]:
    """Every external URL of a built site to check, with where it appears;
    URLs starting with one of `skip` are left out."""
    endpoints, skip = frozenset(endpoints), tuple(skip)
    links: dict[str, list[Occurrence]] = {}
    for html_file in sorted(site.rglob("*.html")):
        address = page_address(site, html_file)
        for url, line in links_in_html(html_file.read_text(encoding="utf-8")):
            if is_external(url, site_url) and not url.startswith(skip):
                links.setdefault(link_key(url, endpoints), []).append(Occurrence(address, line))
    return links


def campaign_rules(project: Project) -> tuple[list[str], list[str]]:
    """(share service endpoints, prefixes to skip) from the campaign's data."""
    endpoints = [item["link"].split("?", 1)[0] for item in project.campaign.share
                 if str(item.get("link", "")).startswith(("http://", "https://"))]
    repo = project.repo_url.rstrip("/")
    skip = [f"{repo}/new/", f"{repo}/edit/"] if repo else []
    return endpoints, skip


# --- checking them ------------------------------------------------------------

@dataclass
class Result:
    url: str
    verdict: str  # ok | moved | unverified | broken
    status: int | None = None  # last HTTP status, None when no answer
    problem: str = ""  # for people: "404 Not Found", "timed out", ...
    final_url: str | None = None  # where a permanent redirect leads
    attempts: int = 0
    checked_at: float = 0.0
    from_cache: bool = False


class HostPacer:
    """At most one request per host every `delay` seconds, across threads."""

    def __init__(self, delay: float, clock=time.monotonic, sleep=time.sleep):
        self.delay, self.clock, self.sleep = delay, clock, sleep
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, url: str) -> None:
        host = urlsplit(url).netloc.lower()
        with self._lock:
            now = self.clock()
            start = max(now, self._next.get(host, now))
            self._next[host] = start + self.delay
        if start > now:
            self.sleep(start - now)


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None  # answered as an HTTPError; redirects are followed by hand


_OPENER = urllib.request.build_opener(_NoRedirects)


@dataclass
class Answer:
    status: int | None
    reason: str = ""
    location: str | None = None


def request_once(url: str, method: str, timeout: float, user_agent: str) -> Answer:
    """One request, no redirects followed; a failed connection is status None."""
    request = urllib.request.Request(url, method=method, headers={"User-Agent": user_agent})
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            return Answer(response.status, response.reason)
    except urllib.error.HTTPError as error:
        location = error.headers.get("Location") if error.headers else None
        with contextlib.suppress(Exception):
            error.close()
        return Answer(error.code, str(error.reason), location)
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        return Answer(None, "timed out" if "timed out" in str(reason) else str(reason))


@dataclass
class Settings:
    timeout: float = 20.0
    retries: int = 2
    backoff: float = 5.0
    delay: float = 1.0
    workers: int = 4
    user_agent: str = USER_AGENT
    pacer: HostPacer = field(init=False)

    def __post_init__(self):
        self.pacer = HostPacer(self.delay)


def follow(url: str, settings: Settings) -> tuple[Answer, str | None]:
    """Ask for url, following redirects; the final answer and, when the chain
    has a permanent redirect, where it leads."""
    moved_to = None
    for _ in range(MAX_REDIRECTS + 1):
        answer = None
        for method in ("HEAD", "GET"):  # many servers refuse or mishandle HEAD
            settings.pacer.wait(url)
            answer = request_once(url, method, settings.timeout, settings.user_agent)
            if answer.status is not None and answer.status < 400:
                break
            if answer.status is None:
                break  # no answer at all: retrying with GET will not help now
        if answer.status in REDIRECTS and answer.location:
            target = urljoin(url, answer.location)
            if answer.status in PERMANENT_REDIRECTS and not _same_but_slash(url, target):
                moved_to = target
            url = target
            continue
        return answer, moved_to
    return Answer(None, f"more than {MAX_REDIRECTS} redirects"), moved_to


def _same_but_slash(url: str, target: str) -> bool:
    """https://a.example/x -> https://a.example/x/ is no move worth reporting."""
    return url.rstrip("/") == target.rstrip("/")


def _should_retry(answer: Answer) -> bool:
    return answer.status is None or answer.status == 429 or answer.status >= 500


def _verdict(answer: Answer, moved_to: str | None) -> str:
    if answer.status is not None and answer.status < 400:
        return "moved" if moved_to else "ok"
    if answer.status in UNVERIFIABLE:
        return "unverified"
    return "broken"


def check_url(url: str, settings: Settings) -> Result:
    """Check one URL, retrying failures that may pass, and judge it."""
    attempts = 0
    while True:
        attempts += 1
        answer, moved_to = follow(url, settings)
        if not _should_retry(answer) or attempts > settings.retries:
            break
        time.sleep(settings.backoff * 2 ** (attempts - 1))
    problem = f"{answer.status} {answer.reason}".strip() if answer.status else answer.reason
    return Result(url, _verdict(answer, moved_to), answer.status, problem, moved_to,
                  attempts, time.time())


def check_all(urls: list[str], settings: Settings, cache: dict[str, Result] | None = None,
              ) -> list[Result]:
    """Check every URL (the cached working ones excepted), a few hosts at once."""
    cache = cache or {}
    to_check = [url for url in urls if url not in cache]
    with ThreadPoolExecutor(max_workers=max(1, settings.workers)) as pool:
        checked = dict(zip(to_check, pool.map(lambda u: check_url(u, settings), to_check)))
    return [checked.get(url) or cache[url] for url in urls]


# --- the cache ----------------------------------------------------------------

def load_cache(path: Path | None, max_age_days: float, now: float) -> dict[str, Result]:
    """Results of working links checked within max_age_days (broken ones are
    always checked again)."""
    if not path or not path.is_file():
        return {}
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    fresh = {}
    for entry in entries if isinstance(entries, list) else []:
        try:
            result = Result(**{**entry, "from_cache": True})
        except TypeError:
            continue  # written by another version of this tool
        if result.verdict in ("ok", "moved") and now - result.checked_at < max_age_days * 86400:
            fresh[result.url] = result
    return fresh


def save_cache(path: Path | None, results: list[Result]) -> None:
    if not path:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    entries = [{**asdict(result), "from_cache": False} for result in results]
    path.write_text(json.dumps(entries, indent=1, ensure_ascii=False), encoding="utf-8")


# --- the report ---------------------------------------------------------------

SECTIONS = [
    ("broken", "Broken links", "These pages link to something that is gone or failing."),
    ("moved", "Moved permanently", "These work through a permanent redirect: link to the new address."),
    ("unverified", "Could not verify",
     "These servers refuse automated checks: open them in a browser."),
]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _places(occurrences: list[Occurrence], limit: int = 5) -> str:
    first_line: dict[str, int] = {}
    for o in occurrences:
        first_line.setdefault(o.page, o.line)
    pages = sorted(first_line)
    shown = ", ".join(f"`{page}` (line {first_line[page]})" for page in pages[:limit])
    return shown + (f" and {len(pages) - limit} more" if len(pages) > limit else "")


def markdown_report(results: list[Result], links: dict[str, list[Occurrence]]) -> str:
    counts = {verdict: sum(r.verdict == verdict for r in results) for verdict, *_ in SECTIONS}
    cached = sum(r.from_cache for r in results)
    lines = ["## External links", "",
             f"{len(results)} external links checked ({cached} known good from the cache): "
             f"{counts['broken']} broken, {counts['moved']} moved, "
             f"{counts['unverified']} could not be verified.", ""]
    for verdict, title, explanation in SECTIONS:
        rows = sorted((r for r in results if r.verdict == verdict), key=lambda r: r.url)
        if not rows:
            continue
        lines += [f"### {title}", "", explanation, "",
                  "| Link | Answer | On the pages |", "| --- | --- | --- |"]
        for r in rows:
            answer = f"moved to <{r.final_url}> ({r.problem} there)" if r.final_url else r.problem
            lines.append(f"| <{_cell(r.url)}> | {_cell(answer)} | {_places(links.get(r.url, []))} |")
        lines.append("")
    return "\n".join(lines)


# --- command line -------------------------------------------------------------

def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m fov linkrot", description=__doc__.split("\n")[0])
    parser.add_argument("site", type=Path, help="the built site (mkdocs build's site/ folder)")
    parser.add_argument("--site-url", help="the site's own URL (default: its home page's canonical link)")
    parser.add_argument("--config", type=Path, help="mkdocs.yml: share services and repository links")
    parser.add_argument("--markdown", type=Path, help="write the report (Markdown) to this file")
    parser.add_argument("--cache", type=Path, help="JSON file remembering links found working")
    parser.add_argument("--cache-days", type=float, default=7.0)
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per request")
    parser.add_argument("--retries", type=int, default=2, help="retries after a failure that may pass")
    parser.add_argument("--backoff", type=float, default=5.0, help="seconds before the first retry, doubling")
    parser.add_argument("--delay", type=float, default=1.0, help="seconds between requests to one host")
    parser.add_argument("--workers", type=int, default=4, help="hosts checked at the same time")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not (args.site / "index.html").is_file():
        refuse(f"{args.site}: no index.html here. Fix: build the site first (make build).")
        return 2
    endpoints, skip = campaign_rules(load_project(args.config)) if args.config else ([], [])
    links = collect_links(args.site, args.site_url or site_url_of(args.site),
                          endpoints=endpoints, skip=skip)
    settings = Settings(args.timeout, args.retries, args.backoff, args.delay, args.workers)
    cache = load_cache(args.cache, args.cache_days, time.time())
    results = check_all(sorted(links), settings, cache)
    save_cache(args.cache, results)
    report = markdown_report(results, links)
    if args.markdown:
        args.markdown.write_text(report + "\n", encoding="utf-8")
    print(report)
    return 1 if any(r.verdict == "broken" for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
