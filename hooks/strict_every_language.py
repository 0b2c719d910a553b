"""A strict build reports the findings of every language, then fails once.

static-i18n builds the other languages from inside the first build's
post-build step, each as a build of its own. With `--strict` each of those
builds counts its own warnings and aborts at its end, so the first language
with a finding stops the build and the languages after it are never checked:
an author would fix one language per run. While those builds run, this hook
turns `strict` off, so they finish; the first build's own strict count,
which every warning logged meanwhile reaches (they all go to MkDocs'
logger), then fails the build at its end, with every language's findings
above it. `strict` is back on once the last language is built."""

from __future__ import annotations

from mkdocs.plugins import event_priority

from fov.data.page_context import current_language, is_top_level_build, languages_to_build

_relaxed: dict[int, str] = {}  # id(config) -> the language built first, while strict is off


@event_priority(-50)  # before static-i18n's post-build (-100), which builds the other languages
def on_post_build(config):
    language = current_language(config)
    others = [lang for lang in languages_to_build(config) if lang != _relaxed.get(id(config), language)]
    if is_top_level_build(config):
        if config.strict and others:
            _relaxed[id(config)] = language
            config.strict = False
    elif id(config) in _relaxed and language == others[-1]:
        del _relaxed[id(config)]
        config.strict = True
