"""The benchmark: `make bench` (or .venv/bin/python bench/run.py [--runs N]).

Measures, on this machine, in one run:
  1. builds: the real site (all languages), the same site without its hooks,
     a one-language preview build and the stock Material + static-i18n
     baseline, in turn, `--runs` rounds; then where the hooks' time goes
     (one build under cProfile);
  2. scaling: generated sites of 100, 300 and 1,000 page-languages;
  3. bytes a visitor downloads for the home and call pages, and for a search;
  4. Lighthouse mobile scores for the home and call pages in every language.
Prints each figure beside its target, writes bench/results.json and
bench/results.md. Builds go to a temp dir; site/ is never touched.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import builds  # noqa: E402
import configs  # noqa: E402
import generate  # noqa: E402
import results  # noqa: E402
from results import Figure  # noqa: E402
from serve import serve  # noqa: E402

ROOT = BENCH.parent
KIB = 1024
SCALING_SIZES = [100, 300, 1000]
PREVIEW_LOCALE = "zh-Hant"
REAL_PORT, STOCK_PORT = 8101, 8102  # preferred; any free port if taken
STEPS = ["builds", "scaling", "weight", "lighthouse"]


def main() -> int:
    args = parse_args()
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    scratch = Path(tempfile.mkdtemp(prefix="fov-bench-"))
    figures: list[Figure] = []
    notes: list[str] = []
    started = time.perf_counter()
    load_before = os.getloadavg()
    try:
        with serve(scratch / "real", REAL_PORT) as real_url, \
                serve(scratch / "stock", STOCK_PORT) as stock_url:
            sites = Sites(scratch, real_url, stock_url)
            steps = {"builds": lambda: measure_builds(sites, args.runs, notes),
                     "scaling": lambda: measure_scaling(scratch / "scaling", args.runs, notes),
                     "weight": lambda: measure_weight(sites, notes),
                     "lighthouse": lambda: measure_lighthouse(sites, args.runs, notes)}
            for name in args.steps:
                if name in ("weight", "lighthouse") and not sites.built():
                    notes.append(f"{name}: skipped, the real site did not build")
                    continue
                figures += run_step(name, steps[name], notes)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    meta = {
        "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "machine": f"{platform.node()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "runs": args.runs,
        "duration_s": round(time.perf_counter() - started, 1),
        "load_average": {"start": load_before, "end": os.getloadavg()},
        "notes": notes,
    }
    json_path, md_path = results.write(figures, meta, args.out)
    print()
    for figure in figures:
        print(results.line(figure))
    print(f"\n{len(figures)} figures in {meta['duration_s']:.0f} s; written to {json_path} and {md_path}")
    return 0


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="rounds of every measure (default 3)")
    parser.add_argument("--steps", default=",".join(STEPS),
                        help=f"comma-separated subset of {','.join(STEPS)}")
    parser.add_argument("--out", type=Path, default=BENCH, help="where results.json/.md go")
    args = parser.parse_args()
    args.steps = args.steps.split(",")
    return args


def run_step(name: str, step, notes: list[str]) -> list[Figure]:
    """Run one step; if it breaks (the site is being worked on), say why in
    the results and go on with the next."""
    try:
        return step()
    except Exception as error:  # noqa: BLE001 - reported, not hidden
        say(f"{name}: FAILED: {error!r}")
        notes.append(f"{name}: failed: {str(error).splitlines()[0] if str(error) else repr(error)}")
        return []


def say(text: str) -> None:
    print(text, flush=True)


class Sites:
    """The real site and the stock baseline, each built into a folder that a
    local server is already serving (so that site_url is that server's)."""

    def __init__(self, scratch: Path, real_url: str, stock_url: str):
        self.scratch = scratch
        self.real_url, self.stock_url = real_url, stock_url
        self.real_dir, self.stock_dir = scratch / "real", scratch / "stock"
        self.stock_config, self.stock_pages = generate.write_stock_site(scratch / "stock-src")
        self.locales = configs.locales(configs.read_project_config())
        self.real_ok: bool | None = None  # did the last build of each site succeed?
        self.stock_ok: bool | None = None

    def built(self) -> bool:
        """Both sites are in their folders (built now if the builds step did not run)."""
        if self.real_ok is None:
            say("building the real site and the stock baseline once, for weight and Lighthouse")
            self.real_ok = builds.timed_build(configs.PROJECT_CONFIG, self.real_dir, self.real_url).ok
            self.stock_ok = builds.timed_build(self.stock_config, self.stock_dir, self.stock_url).ok
        return bool(self.real_ok and self.stock_ok)

    def real_pages(self) -> int:
        docs = ROOT / "docs"
        return sum(len(list((docs / locale).rglob("*.md"))) for locale in self.locales)

    def prefix(self, locale: str) -> str:
        """The URL path of a language's home: the default language is at the root."""
        return "" if locale == self.locales[0] else f"{locale}/"


# --- 1. builds --------------------------------------------------------------

def measure_builds(sites: Sites, runs: int, notes: list[str]) -> list[Figure]:
    say(f"builds: real site, without hooks, preview ({PREVIEW_LOCALE}), stock; {runs} rounds")
    variants = configs.write_project_variants(sites.scratch / "configs", PREVIEW_LOCALE)
    series = builds.alternate({
        "real": (configs.PROJECT_CONFIG, sites.real_url),
        "without_hooks": (variants["without_hooks"], sites.real_url),
        "preview": (variants["preview"], None),
        "stock": (sites.stock_config, sites.stock_url),
    }, runs, sites.scratch, keep={"real", "stock"}, report=say)
    note_problems(series, notes)
    real, bare, preview, stock = (series[name] for name in ("real", "without_hooks", "preview", "stock"))
    sites.real_ok, sites.stock_ok = real.runs[-1].ok, stock.runs[-1].ok
    wall = [a.seconds / b.seconds for a, b in zip(real.runs, bare.runs)]
    cpu = [a.cpu_s / b.cpu_s for a, b in zip(real.runs, bare.runs) if b.cpu_s]
    return [
        Figure("Full build, all languages", _ok(real, real.seconds), "s", 10, stock=stock.seconds,
               note=f"CPU {real.cpu_s:.1f} s (stock {stock.cpu_s:.1f} s); {sites.real_pages()} "
                    f"page-languages, stock {sites.stock_pages}",
               detail={name: s.as_dict() for name, s in series.items()}),
        Figure("Peak memory of the full build", _ok(real, real.peak_mb), "MB", 500,
               stock=stock.peak_mb, note="largest process: the build or a worker it started"),
        Figure("Hooks overhead (with / without hooks)",
               statistics.median(wall) if real.ok and bare.ok else None, "×", 1.10,
               note=f"CPU time {statistics.median(cpu):.2f}×" if cpu else "",
               detail={"wall_ratios": wall, "cpu_ratios": cpu}),
        Figure(f"One-language preview build ({PREVIEW_LOCALE})", _ok(preview, preview.seconds), "s", 3,
               note=f"CPU {preview.cpu_s:.1f} s; static-i18n build_only_locale"),
        *profile_hooks(sites, notes),
    ]


def profile_hooks(sites: Sites, notes: list[str], shown: int = 8) -> list[Figure]:
    """Where the hooks' time goes: one build of the real site under cProfile."""
    say("hooks: one build under cProfile")
    completed = subprocess.run(
        [sys.executable, str(BENCH / "hook_profile.py"), str(configs.PROJECT_CONFIG),
         str(sites.scratch / "profile")],
        cwd=ROOT, env={**os.environ, "SITE_URL": sites.real_url}, capture_output=True, text=True)
    shutil.rmtree(sites.scratch / "profile", ignore_errors=True)
    if completed.returncode != 0:
        notes.append("hook profile failed: " + completed.stderr.strip().splitlines()[-1])
        return []
    profile = json.loads(completed.stdout.strip().splitlines()[-1])
    total, hooks = profile["total_s"], profile["hooks"]
    figures = [Figure(f"Hook time: {name}", seconds, "s",
                      note=f"{seconds / total:.0%} of a {total:.1f} s build under cProfile")
               for name, seconds in list(hooks.items())[:shown]]
    rest = sum(list(hooks.values())[shown:])
    notes.append(f"Hook times: one build of the real site under cProfile (which slows Python "
                 f"down: read the shares); the hooks not listed took {rest:.2f} s together.")
    return figures


def note_problems(series: dict[str, builds.Series], notes: list[str], what: str = "build") -> None:
    for s in series.values():
        if not s.ok:
            notes.append(f"{what} '{s.name}' failed: {s.error}")
        elif s.warnings:
            notes.append(f"{what} '{s.name}': {s.warnings} warnings (timing copies are not strict)")


def _ok(series: builds.Series, value):
    return value if series.ok else None


# --- 2. scaling ---------------------------------------------------------------

def measure_scaling(directory: Path, runs: int, notes: list[str]) -> list[Figure]:
    """Time per page-language at 100, 300 and 1,000 page-languages. A build's
    fixed cost (starting Python, loading the theme, copying assets) is taken
    from the smallest site the generator makes and subtracted first."""
    say(f"scaling: generated sites of {', '.join(map(str, SCALING_SIZES))} page-languages; {runs} rounds")
    sites = {}
    for size in [0, *SCALING_SIZES]:
        config_file, pages = generate.write_project_site(directory / f"src-{size}", size)
        sites[pages] = config_file
    series = builds.alternate({str(pages): (config_file, None) for pages, config_file in sites.items()},
                              runs, directory, report=say)
    note_problems(series, notes, "scaling build")
    if not all(s.ok for s in series.values()):
        return [Figure("Time per page-language stays flat", None, "%", 20)]
    base_pages = min(sites)
    fixed = series[str(base_pages)].seconds
    per_page = {pages: (series[str(pages)].seconds - fixed) / (pages - base_pages) * 1000
                for pages in sites if pages != base_pages}
    middle = statistics.median(per_page.values())
    spread = max(abs(ms / middle - 1) for ms in per_page.values()) * 100
    figures = [Figure(f"Build, {pages:,} page-languages", series[str(pages)].seconds, "s",
                      note=f"{ms:.1f} ms per page-language above the fixed {fixed:.2f} s",
                      detail=series[str(pages)].as_dict())
               for pages, ms in per_page.items()]
    figures.append(Figure("Time per page-language stays flat (largest deviation)", spread, "%", 20,
                          note="from the median of " + ", ".join(f"{ms:.1f}" for ms in per_page.values())
                               + " ms", detail={"fixed_s": fixed, "ms_per_page": per_page}))
    return figures


# --- 3. weight -----------------------------------------------------------------

def measure_weight(sites: Sites, notes: list[str]) -> list[Figure]:
    import weight

    say("weight: home and call pages in every language, in Chromium, with a search")
    pages = {}
    for locale in sites.locales:
        pages[f"home ({locale})"] = (sites.prefix(locale), locale)
        pages[f"call ({locale})"] = (f"{sites.prefix(locale)}call/", locale)
    real = weight.measure_pages(sites.real_url, pages, sites.real_dir,
                                [sites.prefix(locale) for locale in sites.locales[1:]])
    stock = weight.measure_pages(sites.stock_url, {"home": ("", "en"), "call": ("page-01/", "en")},
                                 sites.stock_dir, [f"{locale}/" for locale in generate.STOCK_LANGUAGES[1:]])
    figures = []
    for name, page in real.items():
        baseline = stock[name.split(" ")[0]]
        figures.append(Figure(
            f"Page weight, {name}: raw / gzip -9", _kib_pair(page), "KiB",
            f"≤ 200 KiB raw", stock=_kib_pair(baseline), met_override=page["raw"] <= 200 * KIB,
            note=_kinds(page) + f"; searching then adds {page['search_extras_raw'] / KIB:,.0f} KiB "
                 "besides the index", detail=page))
    for locale in sites.locales:
        page = real[f"home ({locale})"]
        figures.append(Figure(
            f"Search in {locale}: index downloaded / all-language index (gzip)", page["search_share"], "",
            1 / 6, stock=stock["home"]["search_share"],
            note=f"{page['search_index_gzip'] / KIB:,.1f} KiB of {page['all_language_index_gzip'] / KIB:,.1f} KiB"
                 f" gzip (stock: {stock['home']['all_language_index_gzip'] / KIB:,.0f} KiB); raw "
                 f"{page['search_index_raw'] / KIB:,.0f} of {page['all_language_index_raw'] / KIB:,.0f} KiB"
                 f" = {page['search_share_raw']:.3f}; target 1/6",
            detail={key: page[key] for key in page if key.startswith(("search", "all_"))}))
    notes.append("Page weight: every response until the network is idle after loading (HTML, CSS, JS, "
                 "images, sitemaps), except the search index, which is counted on its own, with what "
                 "searching adds; one visit per page, with an empty cache (byte counts do not vary "
                 "between runs). Requests to other hosts are refused (stock Material's Google Fonts "
                 "are therefore not counted).")
    return figures


def _kib_pair(page: dict) -> str:
    return f"{page['raw'] / KIB:,.1f} / {page['gzip'] / KIB:,.1f}"


def _kinds(page: dict) -> str:
    return ", ".join(f"{kind} {numbers['raw'] / KIB:,.0f}" for kind, numbers in
                     sorted(page["by_kind"].items(), key=lambda item: -item[1]["raw"])
                     if kind != "search-index")


# --- 4. Lighthouse ---------------------------------------------------------------

def measure_lighthouse(sites: Sites, runs: int, notes: list[str]) -> list[Figure]:
    import lighthouse

    pages = {}
    for locale in sites.locales:
        pages[f"home ({locale})"] = sites.real_url + sites.prefix(locale)
        pages[f"call ({locale})"] = sites.real_url + sites.prefix(locale) + "call/"
    stock_pages = {"home": sites.stock_url, "call": sites.stock_url + "page-01/"}
    say(f"lighthouse: {len(pages) + len(stock_pages)} pages, {runs} rounds")
    scores = lighthouse.scores([*pages.values(), *stock_pages.values()], runs)
    figures = []
    for name, url in pages.items():
        page, baseline = scores[url], scores[stock_pages[name.split(" ")[0]]]
        figures.append(Figure(
            f"Lighthouse mobile, {name}", _four(page), "", "100 / 100 / 100 / 100",
            stock=_four(baseline),
            met_override=all(page[c] == 100 for c in lighthouse.CATEGORIES),
            note=("short of full marks: " + ", ".join(page["failing"])) if page["failing"] else "",
            detail=page))
    notes.append("Lighthouse scores: performance / accessibility / best practices / SEO, Lighthouse "
                 "mobile defaults (simulated throttling); the local server gzips text and sends "
                 "Cache-Control: max-age=600, as GitHub Pages does. The stock 'call' page is a "
                 "generated content page.")
    return figures


def _four(page: dict) -> str:
    return " / ".join(f"{page[c]:.0f}" for c in ("performance", "accessibility", "best-practices", "seo"))


if __name__ == "__main__":
    sys.exit(main())
