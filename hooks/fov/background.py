"""Slow build work in one background process, on the machine's second core.

Drawing social cards and laying out PDFs is CPU work that MkDocs does not
need while it renders pages, so the hooks hand it to one worker process and
collect the results when the whole site (every language) is built:

    JOBS.submit(social_card.render, card, then=save, failed=report)
    ...
    JOBS.finish()  # waits, runs each `then` in submission order

The worker is started (with "spawn": a clean interpreter, safe even when
`mkdocs serve` runs threads) on the first job of a build and stopped by
`finish()`, so a build whose results all come from the cache starts none.
A job that raises is handed to its `failed` callback, which reports it.
"""

from __future__ import annotations

import multiprocessing
import site
import time
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

HOOKS = Path(__file__).resolve().parent.parent  # the folder that holds `fov`


@dataclass
class _Job:
    future: Future
    then: Callable[[Any], None]
    failed: Callable[[Exception], None]


class Background:
    def __init__(self, workers: int = 1):
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None
        self._jobs: list[_Job] = []

    def submit(self, function: Callable, *args, then: Callable[[Any], None],
               failed: Callable[[Exception], None]) -> None:
        """Run `function(*args)` in the worker; at `finish()`, `then(result)`
        (a `Timed`) or, if it raised, `failed(error)`."""
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers, mp_context=multiprocessing.get_context("spawn"),
                # Makes `fov` importable in the worker (MkDocs puts hooks/ on
                # sys.path only while it loads a hook).
                initializer=site.addsitedir, initargs=(str(HOOKS),))
        self._jobs.append(_Job(self._pool.submit(timed, function, *args), then, failed))

    def reset(self) -> None:
        """Forget the jobs of a build that stopped before `finish()`."""
        jobs, self._jobs = self._jobs, []
        for job in jobs:
            job.future.cancel()
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def finish(self) -> None:
        """Wait for every job and hand each result on, in submission order."""
        jobs, self._jobs = self._jobs, []
        try:
            for job in jobs:
                try:
                    result = job.future.result()
                except Exception as error:  # noqa: BLE001 - the job's owner reports it
                    job.failed(error)
                    continue
                job.then(result)
        finally:
            if self._pool is not None:
                self._pool.shutdown(wait=True)
                self._pool = None


@dataclass(frozen=True)
class Timed:
    value: Any
    seconds: float


def timed(function: Callable, *args) -> Timed:
    """`function(*args)` and how long it took, measured in the worker."""
    started = time.perf_counter()
    value = function(*args)
    return Timed(value, time.perf_counter() - started)


JOBS = Background()
