"""Which MkDocs command this process runs, and what `mkdocs serve` leaves out.

In any `mkdocs serve` (the translators' preview, `make serve`) the parts of the
build that need Debian's Pango and system fonts — the call's PDF and the social
images — are not made, with one line saying so; `mkdocs build` always makes them.
The hooks that make them (hooks/call_pdf.py, hooks/social_cards.py) note the
command at `on_startup` and ask here.
"""

from __future__ import annotations

from fov.base import report

# Hooks that need Debian's Pango (WeasyPrint) or system fonts (fontconfig), and
# seconds of work per build that a preview does not need. `mkdocs build` runs them.
SYSTEM_PARTS = {"call_pdf.py": "the call's PDF", "social_cards.py": "the social images"}


class _Command:
    name = ""  # the MkDocs command of this process ("serve", "build"), from on_startup
    announced = False


def note_command(command: str) -> None:
    """Called from the hooks' `on_startup`: which MkDocs command this process runs."""
    _Command.name = command


def skips_system_parts() -> bool:
    """True in `mkdocs serve` (every preview): no PDF, no social images."""
    return _Command.name == "serve"


def announce_skipped(hooks: list, log) -> None:
    """The one line a preview prints about what it leaves out (once per process)."""
    if _Command.announced:
        return
    _Command.announced = True
    left_out = [text for name, text in SYSTEM_PARTS.items()
                if any(str(hook).endswith(name) for hook in hooks)]
    if left_out:
        report.note(log, f"Preview: {' and '.join(left_out)} are not made here (they need Pango and "
                         "system fonts); `make build` makes them.")
