"""One file per language (fov.data.language_files, via fov.data.campaign.prepare): each language's site name,
description, footer, menu and interface strings, from
docs/.translations/<language>.yml, handed to static-i18n, Material and the
hooks before anything reads them."""

from __future__ import annotations

from mkdocs.plugins import event_priority

from fov.data.campaign import prepare


@event_priority(90)  # before every other hook and static-i18n's own on_config (-100)
def on_config(config):
    prepare(config)
    return config
