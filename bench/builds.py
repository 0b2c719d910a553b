"""Timed builds: each one `mkdocs build` in its own process, its wall time
taken around it, its CPU time and peak memory (max RSS) reported by the
process itself (bench/measured_build.py). Sites go to temp dirs, never site/."""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent


@dataclass
class Build:
    seconds: float
    peak_mb: float
    ok: bool
    error: str = ""
    warnings: int = 0
    cpu_s: float = 0.0


def timed_build(config_file: Path, site_dir: Path, site_url: str | None = None,
                strict: bool = False) -> Build:
    """Run `mkdocs build` for `config_file` into `site_dir`, as a subprocess.
    Not strict unless asked: the site is being worked on while it is
    measured, so warnings are counted rather than allowed to stop the build."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_URL", None)
    if site_url:
        env["SITE_URL"] = site_url
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "usage.json"
        command = [sys.executable, str(BENCH / "measured_build.py"), str(report),
                   "build", "--clean", "--strict" if strict else "--no-strict",
                   # not --quiet: it would hide the warnings (and strict failures)
                   "--config-file", str(config_file), "--site-dir", str(site_dir)]
        start = time.perf_counter()
        process = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
        seconds = time.perf_counter() - start
        usage = json.loads(report.read_text()) if report.exists() else {"peak_kib": 0, "cpu_s": 0}
    output = process.stderr + process.stdout
    ok = process.returncode == 0
    warnings = sum(line.startswith("WARNING") for line in output.splitlines())
    return Build(seconds, usage["peak_kib"] / 1024, ok, "" if ok else _last_lines(output),
                 warnings, usage["cpu_s"])


def _last_lines(text: str, count: int = 8) -> str:
    return "\n".join(text.strip().splitlines()[-count:])


@dataclass
class Series:
    """Every run of one build, and its figures."""
    name: str
    runs: list[Build]

    @property
    def ok(self) -> bool:
        return all(run.ok for run in self.runs)

    @property
    def seconds(self) -> float:
        return statistics.median(run.seconds for run in self.runs)

    @property
    def cpu_s(self) -> float:
        return statistics.median(run.cpu_s for run in self.runs)

    @property
    def peak_mb(self) -> float:
        return max(run.peak_mb for run in self.runs)

    @property
    def error(self) -> str:
        return next((run.error for run in self.runs if not run.ok), "")

    @property
    def warnings(self) -> int:
        return max(run.warnings for run in self.runs)

    def as_dict(self) -> dict:
        return {"median_s": round(self.seconds, 3), "median_cpu_s": round(self.cpu_s, 3),
                "peak_mb": round(self.peak_mb, 1),
                "runs_s": [round(run.seconds, 3) for run in self.runs],
                "runs_cpu_s": [round(run.cpu_s, 3) for run in self.runs], "ok": self.ok,
                "warnings": self.warnings, "error": self.error}


def alternate(builds: dict[str, tuple[Path, str | None]], rounds: int, scratch: Path,
              keep: set[str] = frozenset(), report=print) -> dict[str, Series]:
    """Build every config once per round, in turn (A B C, A B C, ...), so that
    whatever else the machine does falls on all of them alike. `builds` maps a
    name to (mkdocs.yml, site_url). The last site of each name in `keep` stays
    in scratch/<name>; the others are removed."""
    runs: dict[str, list[Build]] = {name: [] for name in builds}
    for round_number in range(1, rounds + 1):
        for name, (config_file, site_url) in builds.items():
            site = scratch / name
            shutil.rmtree(site, ignore_errors=True)
            build = timed_build(config_file, site, site_url)
            runs[name].append(build)
            report(f"  round {round_number}/{rounds} {name}: {build.seconds:.2f} s "
                   f"(CPU {build.cpu_s:.2f} s), {build.peak_mb:.0f} MB" + (f", {build.warnings} warnings" if build.warnings else "")
                   + ("" if build.ok else "  BUILD FAILED"))
            if name not in keep or round_number < rounds:
                shutil.rmtree(site, ignore_errors=True)
    return {name: Series(name, series) for name, series in runs.items()}
