"""A content-addressed cache for files a build makes slowly (social cards, PDFs).

A file is stored under the hash of everything that went into it, so a cache
entry is never stale: change an input and the key changes. Writes go through
a temporary file and an atomic rename, so parallel builds (pytest-xdist
workers, `mkdocs serve`) never read half a file.

    cache = BuildCache(Path(".cache"), "social-cards")
    png = cache.get_or_make(key_of("card", 1, title), make=lambda: render(...))
    hit = cache.copy_to(key, site / "card.png")  # False on a miss (fov.build.background makes it)
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Callable


def key_of(*inputs) -> str:
    """A stable hash of JSON-serialisable inputs (strings, numbers, lists, dicts)."""
    blob = json.dumps(inputs, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


class BuildCache:
    def __init__(self, root: Path, kind: str, suffix: str = ""):
        self.folder = Path(root) / kind
        self.suffix = suffix
        self.hits = 0
        self.misses = 0

    def path(self, key: str) -> Path:
        return self.folder / f"{key}{self.suffix}"

    def get(self, key: str) -> bytes | None:
        try:
            data = self.path(key).read_bytes()
        except FileNotFoundError:
            self.misses += 1
            return None
        self.hits += 1
        return data

    def put(self, key: str, data: bytes) -> None:
        self._store(self.path(key), data)

    def copy_to(self, key: str, target: Path) -> bool:
        """Write the bytes cached under `key` to `target` (left alone if it holds
        them already); False on a miss."""
        data = self.get(key)
        if data is None:
            return False
        write_if_changed(target, data)
        return True

    def get_or_make(self, key: str, make: Callable[[], bytes]) -> bytes:
        """The cached bytes for `key`, made (and stored) on a miss."""
        data = self.get(key)
        if data is None:
            data = make()
            self.put(key, data)
        return data

    def _store(self, path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise


def write_if_changed(path: Path, data: bytes) -> None:
    """Write `data` to `path` unless it already holds exactly that (keeps mtimes)."""
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
