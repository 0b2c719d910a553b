"""Reproducible builds: two builds of the same commit are byte-identical.

The only thing in the built site that depends on when it was built is each
page's `update_date`: the sitemap's <lastmod>, and through it the gzip header
time MkDocs gives sitemap.xml.gz. This hook sets it to the date of the last
commit that changed the page's source (fov.source_dates). With
SOURCE_DATE_EPOCH set, MkDocs' own date (from it) is kept.
"""

from __future__ import annotations

import os

from fov.source_dates import head_date, last_changed


def on_config(config):
    # Each build asks git afresh (`mkdocs serve` rebuilds in one process).
    last_changed.cache_clear()
    head_date.cache_clear()
    return config


def on_pre_page(page, config, files):
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return page
    source = page.file.abs_src_path
    date = last_changed(source) if source else head_date(config.docs_dir)
    if date:
        page.update_date = date
    return page

