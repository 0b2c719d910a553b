"""Quiet builds: a clean `mkdocs build` prints MkDocs' own few lines, so that
the one line that matters (a warning, an error) is not lost among others.

Libraries' chatter is demoted, not lost:

- jieba (Material's search plugin segments Chinese with it) logs its start-up
  ("Building prefix dict ...") on stderr through its own logger at DEBUG, and
  sets that logger to DEBUG when it is imported: only its warnings are kept.
- mkdocs-static-i18n reports every language it builds and every setting it
  overrides at INFO (about fifty lines): they become DEBUG lines, shown by
  `mkdocs build --verbose` as the hooks' own notes (glossary hints) are.
"""

from __future__ import annotations

import logging

# Loggers whose INFO lines become DEBUG lines (and their children).
DEMOTED = ("mkdocs.plugins.mkdocs_static_i18n",)
# Loggers of libraries that print on their own: warnings only.
WARNINGS_ONLY = ("jieba",)


class _WarningsOnly(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.WARNING


class _InfoAsDebug(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno == logging.INFO:
            record.levelno, record.levelname = logging.DEBUG, "DEBUG"
            return logging.getLogger("mkdocs").isEnabledFor(logging.DEBUG)
        return True


def _add_once(logger: logging.Logger, kind: type[logging.Filter]) -> None:
    if not any(isinstance(existing, kind) for existing in logger.filters):
        logger.addFilter(kind())


def quiet_libraries() -> None:
    """Idempotent: safe to call on every configuration load (once per language)."""
    for name in WARNINGS_ONLY:
        _add_once(logging.getLogger(name), _WarningsOnly)
    known = list(logging.Logger.manager.loggerDict)  # filters act on a logger's own records
    for prefix in DEMOTED:
        for name in [prefix] + [n for n in known if n.startswith(prefix + ".")]:
            _add_once(logging.getLogger(name), _InfoAsDebug)
