"""Quiet builds (fov.build.quiet): libraries' start-up chatter and per-language notes
leave a clean build's output, shown again by `mkdocs build --verbose`."""

from __future__ import annotations

from mkdocs.plugins import event_priority

from fov.build.quiet import quiet_libraries


@event_priority(100)  # before the plugins' own on_config (static-i18n's first notes)
def on_config(config):
    quiet_libraries()
    return config
