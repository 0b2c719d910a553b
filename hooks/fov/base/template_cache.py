"""Compiled Jinja templates kept for the whole process (a Jinja bytecode cache
in memory), so that environments built alike compile each template once.

MkDocs makes a new Jinja environment for every build, and static-i18n builds
every language in turn: without this, each template of the theme was compiled
again in every language's build (and on every `mkdocs serve` rebuild).

A template's code is kept by its name and file, the checksum of its source
(Jinja's own check: an edited template is compiled afresh) and everything in
the environment that compiling depends on (syntax, extensions, filters and
tests, autoescape, finalize), so an environment set up differently never gets
another's code.
"""

from __future__ import annotations

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket

# Environment attributes that change what a template compiles to.
COMPILE_SETTINGS = (
    "block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
    "comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix",
    "trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline", "optimized",
    "finalize", "autoescape", "is_async", "newstyle_gettext",
)


class SharedBytecodeCache(BytecodeCache):
    def __init__(self) -> None:
        self._code: dict = {}

    def get_bucket(self, environment: Environment, name: str, filename: str | None,
                   source: str) -> Bucket:
        key = (compile_fingerprint(environment), name, filename)
        bucket = Bucket(environment, key, self.get_source_checksum(source))  # type: ignore[arg-type]
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get((bucket.key, bucket.checksum))
        if code is not None:
            bucket.code = code

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[(bucket.key, bucket.checksum)] = bucket.code

    def clear(self) -> None:
        self._code.clear()

    def __len__(self) -> int:
        return len(self._code)


def compile_fingerprint(environment: Environment) -> tuple:
    settings = tuple(_identity(getattr(environment, name, None)) for name in COMPILE_SETTINGS)
    return (
        type(environment),
        settings,
        tuple(sorted(environment.extensions)),
        tuple(sorted((name, id(function)) for name, function in environment.filters.items())),
        tuple(sorted((name, id(function)) for name, function in environment.tests.items())),
    )


def _identity(value):
    """A setting as part of a key: a function by its identity."""
    return ("function", id(value)) if callable(value) else value


SHARED = SharedBytecodeCache()
