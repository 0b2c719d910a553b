"""What the validating hooks (issue 3) add to the build time of the real site:

    .venv/bin/python bench/validation_overhead.py [--runs 3]

Builds the real site (every language) with all its hooks, and the same site
without the five validating hooks (validate_sources, validate_links,
validate_hashtags, validate_html, share_snippets; without the last, ```share
blocks render as code), in turn, `--runs` rounds, each build its own process.
Prints the medians of wall time and of CPU time (user + system, of the build
process: what other processes on a busy machine do not inflate) and the
overhead on each (target: at most 10 %)."""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import configs  # noqa: E402

ROOT = BENCH.parent

VALIDATING_HOOKS = ("validate_sources.py", "validate_links.py", "validate_hashtags.py",
                    "validate_html.py", "share_snippets.py")
TARGET = 0.10


def without_validation(config: dict) -> dict:
    config = dict(config)
    config["hooks"] = [h for h in config["hooks"] if Path(h).name not in VALIDATING_HOOKS]
    return config


def timed_build(config_file: Path, site_dir: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one strict `mkdocs build` in its own process.
    Not --quiet: it hides the warnings that make a strict build fail. A build
    that fails stops the measure, with MkDocs' last lines."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
                           "--config-file", str(config_file), "--site-dir", str(site_dir)],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        output = (done.stderr + done.stdout).strip().splitlines()
        raise SystemExit(f"{config_file}: the strict build failed (exit {done.returncode}):\n"
                         + "\n".join(output[-15:]))
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    project = configs.with_absolute_paths(configs.read_project_config())
    assert sum(Path(h).name in VALIDATING_HOOKS for h in project["hooks"]) == len(VALIDATING_HOOKS)
    wall: dict[str, list[float]] = {"with": [], "without": []}
    cpu: dict[str, list[float]] = {"with": [], "without": []}
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        files = {
            "with": configs.write_config(project, scratch / "with" / "mkdocs.yml"),
            "without": configs.write_config(without_validation(project), scratch / "without" / "mkdocs.yml"),
        }
        for round_ in range(runs):
            for name, config_file in files.items():
                seconds, cpu_seconds = timed_build(config_file, scratch / name / "site")
                wall[name].append(seconds)
                cpu[name].append(cpu_seconds)
                print(f"round {round_ + 1}: {name:7} wall {seconds:6.2f} s, cpu {cpu_seconds:6.2f} s", flush=True)
    overheads = {}
    for label, series in (("wall", wall), ("cpu", cpu)):
        with_, without = statistics.median(series["with"]), statistics.median(series["without"])
        overheads[label] = with_ / without - 1
        print(f"median of {runs}, {label}: with the validating hooks {with_:.2f} s, "
              f"without {without:.2f} s: {overheads[label]:+.1%} (target at most +{TARGET:.0%})")
    return 0 if overheads["cpu"] <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
