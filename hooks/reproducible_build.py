"""Reproducible builds: two builds of the same commit are byte-identical.

The only thing in the built site that depends on when it was built is each
page's `update_date`: the sitemap's <lastmod>, and through it the gzip header
time MkDocs gives sitemap.xml.gz. This hook sets it to the date of the last
commit that changed the page's source (fov.build.source_dates). With
SOURCE_DATE_EPOCH set, MkDocs' own date (from it) is kept.
"""

from __future__ import annotations

import os

from fov.build.source_dates import head_date, last_changed, SourceDates
from fov.data.page_context import is_top_level_build


class _State:
    dates: SourceDates | None = None  # one git log for the docs, per site build


def on_config(config):
    # Each site build asks git afresh (`mkdocs serve` rebuilds in one
    # process); the languages static-i18n builds within it share the answers.
    if is_top_level_build(config) or _State.dates is None:
        last_changed.cache_clear()
        head_date.cache_clear()
        _State.dates = SourceDates(config.docs_dir)
    return config


def on_pre_page(page, config, files):
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return page
    date = _State.dates.of(page.file.abs_src_path)
    if date:
        page.update_date = date
    return page
