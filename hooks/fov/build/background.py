"""Slow build work in one background process, on the machine's second core.

Drawing social cards and laying out PDFs is CPU work that MkDocs does not
need while it renders pages, so the hooks hand it to one worker process and
collect the results when the whole site (every language) is built:

    JOBS.submit(social_card.render, card, then=save, failed=report)
    ...
    JOBS.finish()  # waits, runs each `then` in submission order

A kind of file kept in a content-addressed cache (`fov.build.build_cache`) goes
through `SlowFiles`, which copies a file an earlier build made and hands the
others to the worker:

    CARDS = SlowFiles(BuildCache(root, "social-cards", ".png"))
    if not CARDS.copy(inputs, target):
        CARDS.make(inputs, target, social_card.render, card, failed=report)

The worker is started (with "spawn": a clean interpreter, safe even when
`mkdocs serve` runs threads) once a build has `start_after` jobs, and stopped
by `finish()`. A build with fewer jobs (a small fixture site, an edit to one
page) runs them at `finish()` in its own process: starting a worker would
cost more than it saves. A build whose results all come from the cache
starts none.
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

from fov.build.build_cache import BuildCache, key_of, write_if_changed

HOOKS = Path(__file__).resolve().parents[2]  # the folder that holds `fov`


@dataclass
class _Job:
    function: Callable
    args: tuple
    then: Callable[[Any], None]
    failed: Callable[[Exception], None]
    future: Future | None = None  # None: not handed to the worker (yet)

    def result(self) -> Timed:
        return self.future.result() if self.future else timed(self.function, *self.args)


class Background:
    def __init__(self, workers: int = 1, start_after: int = 8):
        self.workers = workers
        self.start_after = start_after
        self._pool: ProcessPoolExecutor | None = None
        self._jobs: list[_Job] = []

    def submit(self, function: Callable, *args, then: Callable[[Any], None],
               failed: Callable[[Exception], None]) -> None:
        """Run `function(*args)`; at `finish()`, `then(result)` (a `Timed`) or,
        if it raised, `failed(error)`."""
        self._jobs.append(_Job(function, args, then, failed))
        if self._pool is None and len(self._jobs) >= self.start_after:
            self._start()
        elif self._pool is not None:
            self._hand_over(self._jobs[-1])

    def _start(self) -> None:
        self._pool = ProcessPoolExecutor(
            max_workers=self.workers, mp_context=multiprocessing.get_context("spawn"),
            # Makes `fov` importable in the worker (MkDocs puts hooks/ on
            # sys.path only while it loads a hook).
            initializer=site.addsitedir, initargs=(str(HOOKS),))
        for job in self._jobs:
            self._hand_over(job)

    def _hand_over(self, job: _Job) -> None:
        job.future = self._pool.submit(timed, job.function, *job.args)

    def reset(self) -> None:
        """Forget the jobs of a build that stopped before `finish()`."""
        self._jobs = []
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def finish(self) -> None:
        """Wait for every job (running here those the worker was not given)
        and hand each result on, in submission order."""
        jobs, self._jobs = self._jobs, []
        try:
            for job in jobs:
                try:
                    result = job.result()
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


class SlowFiles:
    """The files of one kind that a build makes slowly (social cards, PDFs),
    cached under a hash of everything they are made from (`inputs`)."""

    def __init__(self, cache: BuildCache, jobs: Background = JOBS):
        self.cache = cache
        self.jobs = jobs
        self.made = 0  # files handed to `make` (not in the cache) in this build

    def reset(self) -> None:
        """At a top-level build's start (`Background.reset`)."""
        self.jobs.reset()
        self.made = 0

    def finish(self) -> None:
        """Once the whole site is built: every file made, written and cached."""
        self.jobs.finish()

    def copy(self, inputs: tuple, target: Path) -> bool:
        """Write the file an earlier build made from `inputs` to `target`;
        False when there is none."""
        return self.cache.copy_to(key_of(*inputs), target)

    def make(self, inputs: tuple, target: Path, function: Callable, *args,
             failed: Callable[[Exception], None], keep: bool = True,
             then: Callable[[Timed], None] | None = None) -> None:
        """Have the worker make `target` with `function(*args)`: at `finish()`
        it is written and cached (unless not `keep`), then `then(result)` runs;
        if the function raised, `failed(error)`."""
        key = key_of(*inputs)

        def store(result: Timed) -> None:
            if keep:
                self.cache.put(key, result.value)
            write_if_changed(target, result.value)
            if then is not None:
                then(result)

        self.made += 1
        self.jobs.submit(function, *args, then=store, failed=failed)
