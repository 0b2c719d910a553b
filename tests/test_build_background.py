"""The build's helpers for slow work: the content-addressed cache and the
background worker (hooks/fov/build/build_cache.py, hooks/fov/build/background.py)."""

from __future__ import annotations

import math

from fov.build.background import Background, SlowFiles
from fov.build.build_cache import BuildCache, key_of, write_if_changed


def test_the_cache_makes_a_file_once_and_keys_change_with_any_input(tmp_path):
    cache = BuildCache(tmp_path, "kind", ".bin")
    made = []
    key = key_of("card", 1, {"title": "The call"})
    assert cache.get_or_make(key, lambda: made.append(1) or b"data") == b"data"
    assert cache.get_or_make(key, lambda: made.append(1) or b"other") == b"data"
    assert made == [1] and cache.path(key).read_bytes() == b"data"
    assert key_of("card", 1, {"title": "The call!"}) != key
    assert not list(cache.folder.glob(".tmp-*")), "a temporary file was left behind"


def test_write_if_changed_leaves_an_identical_file_alone(tmp_path):
    target = tmp_path / "a" / "b.png"
    write_if_changed(target, b"one")
    stamp = target.stat().st_mtime_ns
    write_if_changed(target, b"one")
    assert target.stat().st_mtime_ns == stamp
    write_if_changed(target, b"two")
    assert target.read_bytes() == b"two"


def test_few_jobs_run_in_process_and_many_in_the_worker_in_order():
    jobs = Background(start_after=3)
    results, errors = [], []
    for number in (4, 9):
        jobs.submit(math.sqrt, number, then=lambda r: results.append(r.value), failed=errors.append)
    jobs.finish()
    assert results == [2.0, 3.0] and jobs._pool is None
    for number in (16, 25, 36, -1, 49):
        jobs.submit(math.sqrt, number, then=lambda r: results.append(r.value), failed=errors.append)
    assert jobs._pool is not None, "the worker was not started"
    jobs.finish()
    assert results == [2.0, 3.0, 4.0, 5.0, 6.0, 7.0]
    assert [type(e) for e in errors] == [ValueError]
    assert jobs._pool is None


def test_slow_files_copy_what_the_cache_holds_and_make_write_and_keep_the_rest(tmp_path):
    files = SlowFiles(BuildCache(tmp_path / "cache", "kind", ".bin"), Background(start_after=99))
    target, other = tmp_path / "site" / "a.bin", tmp_path / "site" / "b.bin"
    assert not files.copy(("a", 1), target) and not target.exists()
    done = []
    files.make(("a", 1), target, bytes.upper, b"made", failed=done.append,
               then=lambda result: done.append(result.value))
    files.make(("b", 1), other, bytes.upper, b"other", failed=done.append, keep=False)
    assert files.made == 2 and not target.exists(), "made before finish()"
    files.finish()
    assert target.read_bytes() == b"MADE" and other.read_bytes() == b"OTHER" and done == [b"MADE"]
    target.unlink()
    assert files.copy(("a", 1), target) and target.read_bytes() == b"MADE"
    assert not files.copy(("b", 1), other), "a file made with keep=False was cached"
    files.reset()
    assert files.made == 0
