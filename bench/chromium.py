"""Debian's Chromium with the test suite's flags (tests/conftest.py), plus one
that keeps every request on this machine: a page asking for another host
(stock Material's Google Fonts) gets "not found" instead of going out."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from conftest import CHROMIUM, CHROMIUM_ARGS as TEST_ARGS  # noqa: E402

LOOPBACK_ONLY = "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"
CHROMIUM_ARGS = [*TEST_ARGS, LOOPBACK_ONLY]
# Lighthouse starts Chromium itself, so it also needs the headless flag.
LIGHTHOUSE_FLAGS = ["--headless", *CHROMIUM_ARGS]

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "LIGHTHOUSE_FLAGS"]
