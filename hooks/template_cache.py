"""Compile each theme template once per process, not once per language build
(fov.base.template_cache: an in-memory Jinja bytecode cache shared by every
environment MkDocs makes). static-i18n builds every language with a new
Jinja environment, and compiling Material's templates and overrides/ again
each time was a quarter of the site's build time. A template edited during
`mkdocs serve` is compiled afresh (the cache checks each source's checksum).
"""

from __future__ import annotations

from fov.base.template_cache import SHARED


def on_env(env, config, files):
    env.bytecode_cache = SHARED
    return env
