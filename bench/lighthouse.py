"""Lighthouse mobile scores, from bench/lighthouse.mjs (npm `lighthouse`,
installed into bench/ by `npm ci`), run in Debian's Chromium via CHROME_PATH
against the local server."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
from pathlib import Path

from chromium import CHROMIUM, LIGHTHOUSE_FLAGS

BENCH = Path(__file__).resolve().parent
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def scores(urls: list[str], runs: int) -> dict[str, dict]:
    """{url: {category: median score, "runs": [...], "failing": [audit ids]}}."""
    completed = subprocess.run(
        ["node", str(BENCH / "lighthouse.mjs"), str(runs), json.dumps(LIGHTHOUSE_FLAGS), *urls],
        cwd=BENCH, env={**os.environ, "CHROME_PATH": CHROMIUM},
        capture_output=True, text=True, check=True, timeout=60 * len(urls) * runs + 60,
    )
    raw = json.loads(completed.stdout.strip().splitlines()[-1])
    return {url: _median(runs_of_url) for url, runs_of_url in raw.items()}


def _median(runs: list[dict]) -> dict:
    result = {category: statistics.median(run[category] for run in runs) for category in CATEGORIES}
    result["runs"] = [[run[category] for category in CATEGORIES] for run in runs]
    result["failing"] = sorted({audit for run in runs for audit in run["failing"]})
    return result
