"""What a visitor downloads: a page loaded in Debian's headless Chromium
(Playwright), every response body summed, raw and gzip -9; then a query typed
into search, to count the bytes of the search index the visitor fetched."""

from __future__ import annotations

import gzip
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from chromium import CHROMIUM, CHROMIUM_ARGS

# A word each language's visitors would search for.
QUERIES = {"en": "volunteer", "zh-Hant": "志願", "zh-Hans": "志愿"}
DEFAULT_QUERY = "volunteer"


@dataclass
class Download:
    url: str
    kind: str  # html, css, js, image, font, search-index, other
    raw: int
    gzip: int
    on_load: bool  # False: fetched once the visitor searched


@dataclass
class Visit:
    url: str
    downloads: list[Download] = field(default_factory=list)

    def page(self) -> list[Download]:
        """What loading the page costs: every download on load but the search index."""
        return [d for d in self.downloads if d.on_load and d.kind != "search-index"]

    def search_index(self) -> list[Download]:
        return [d for d in self.downloads if d.kind == "search-index"]

    def search_extras(self) -> list[Download]:
        """Other downloads that searching brought (scripts, language files)."""
        return [d for d in self.downloads if not d.on_load and d.kind != "search-index"]


def total(downloads: list[Download], measure: str = "raw") -> int:
    return sum(getattr(d, measure) for d in downloads)


def by_kind(downloads: list[Download]) -> dict[str, dict[str, int]]:
    kinds: dict[str, dict[str, int]] = {}
    for d in downloads:
        entry = kinds.setdefault(d.kind, {"raw": 0, "gzip": 0, "files": 0})
        entry["raw"] += d.raw
        entry["gzip"] += d.gzip
        entry["files"] += 1
    return kinds


def is_search_index(url: str) -> bool:
    path = urlparse(url).path
    return path.endswith(".json") and "search" in path


def kind_of(url: str, resource_type: str, content_type: str) -> str:
    path = urlparse(url).path
    if is_search_index(url):
        return "search-index"
    if path.endswith(".xml"):
        return "other"  # sitemaps, which Material's language selector fetches
    if resource_type == "document" or "html" in content_type:
        return "html"
    if resource_type == "stylesheet" or "css" in content_type:
        return "css"
    if resource_type == "script" or "javascript" in content_type:
        return "js"
    if resource_type == "image" or content_type.startswith("image/"):
        return "image"
    if resource_type == "font" or content_type.startswith("font/"):
        return "font"
    return "other"


def visit(browser, url: str, language: str) -> Visit:
    """Load `url` in a fresh context (empty cache) until the network is idle,
    then search; record every response body, and whether it came on load."""
    context = browser.new_context(locale="en-US", service_workers="block")
    page = context.new_page()
    responses = []
    context.on("response", lambda response: responses.append(response))
    try:
        page.goto(url, wait_until="networkidle")
        loaded = len(responses)
        _search(page, QUERIES.get(language, DEFAULT_QUERY), responses)
        result = Visit(url)
        for number, response in enumerate(responses):
            body = _body(response)
            if body is None:
                continue
            kind = kind_of(response.url, response.request.resource_type,
                           response.headers.get("content-type", ""))
            result.downloads.append(Download(response.url, kind, len(body),
                                             len(gzip.compress(body, 9)), number < loaded))
        return result
    finally:
        context.close()


def _search(page, query: str, responses: list) -> None:
    """Open search as a visitor would (Material's "/" shortcut), type the
    query, and wait until the search index has arrived and the network is idle."""
    search = page.locator("input.md-search__input")
    for _attempt in range(3):  # a first key may only wake a lazily loaded script
        page.keyboard.press("/")
        try:
            search.wait_for(state="visible", timeout=3_000)
            break
        except Exception:  # noqa: BLE001 - tried again below
            continue
    search.press_sequentially(query)
    for _tick in range(100):
        if any(is_search_index(response.url) for response in responses):
            break
        page.wait_for_timeout(200)
    else:
        raise RuntimeError(f"{page.url}: no search index was fetched after searching for {query!r}")
    page.wait_for_load_state("networkidle")


def _body(response) -> bytes | None:
    if response.status >= 300 and response.status < 400:
        return None  # a redirect: its target is counted
    try:
        return response.body()
    except Exception:  # noqa: BLE001 - e.g. a response that was never finished
        return None


def all_language_index_bytes(site: Path, prefixes: list[str]) -> dict[str, int]:
    """Bytes of one index holding every language, raw and gzip -9: an index
    in the site that already holds pages of every language (`prefixes`:
    "zh-Hant/", ...), or else the per-language indexes together, compressed
    as one file (as a single index of them would be)."""
    indexes = [p for p in site.rglob("*.json") if is_search_index(p.as_posix())]
    combined = [p for p in indexes if _holds_every_language(p, prefixes)]
    if combined:
        body = max(combined, key=lambda p: p.stat().st_size).read_bytes()
    else:
        body = b"".join(p.read_bytes() for p in sorted(indexes))
    return {"raw": len(body), "gzip": len(gzip.compress(body, 9))}


def _holds_every_language(index: Path, prefixes: list[str]) -> bool:
    locations = [doc.get("location", "") for doc in json.loads(index.read_bytes()).get("docs", [])]
    return all(any(location.startswith(prefix) for location in locations) for prefix in prefixes)


def measure_pages(base_url: str, pages: dict[str, tuple[str, str]], site: Path,
                  prefixes: list[str]) -> dict:
    """Visit each page ({name: (path, language)}) and return, by name, its
    bytes (raw and gzip -9, in all and by kind) and the search index bytes."""
    from playwright.sync_api import sync_playwright

    reference = all_language_index_bytes(site, prefixes)
    results = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            for name, (path, language) in pages.items():
                seen = visit(browser, base_url + path, language)
                index = seen.search_index()
                results[name] = {
                    "url": path,
                    "raw": total(seen.page()),
                    "gzip": total(seen.page(), "gzip"),
                    "by_kind": by_kind(seen.page()),
                    "search_index_raw": total(index),
                    "search_index_gzip": total(index, "gzip"),
                    "search_extras_raw": total(seen.search_extras()),
                    "all_language_index_raw": reference["raw"],
                    "all_language_index_gzip": reference["gzip"],
                    # What the visitor downloads: GitHub Pages sends the index gzipped.
                    "search_share": total(index, "gzip") / reference["gzip"] if reference["gzip"] else None,
                    "search_share_raw": total(index) / reference["raw"] if reference["raw"] else None,
                    "files": [asdict(d) for d in seen.downloads],
                }
        finally:
            browser.close()
    return results
