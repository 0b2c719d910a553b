"""The project's commands, one per operation, run from the repository's folder:

    python hooks/fov preview fr        any computer, nothing else to set
    python -m fov translate status     with PYTHONPATH=hooks (what make runs)
    python -m fov linkrot site --config mkdocs.yml

`python hooks/fov` alone lists them; `python hooks/fov <command> --help` says more.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a folder (python hooks/fov ...): import fov from hooks/
    _here = Path(__file__).resolve().parent
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _here]
    sys.path.insert(0, str(_here.parent))

# command -> (module, what it does)
COMMANDS = {
    "preview": ("fov.commands.preview", "preview one language with live reload (make preview LANG=fr)"),
    "translate": ("fov.commands.translate", "translators' tools: status, stamp, diff, check, add-locale, ..."),
    "linkrot": ("fov.commands.linkrot", "check every external link of a built site, online"),
}


def main(argv: list[str]) -> int:
    listed = "\n".join(f"  {name:<10} {what}" for name, (_, what) in COMMANDS.items())
    if not argv or argv[0] in ("-h", "--help"):
        print(f"usage: python hooks/fov <command> [options]\n\ncommands:\n{listed}")
        return 0
    if argv[0] not in COMMANDS:
        from fov.base import report

        report.refuse(f"'{argv[0]}' is not a command. Fix: use one of: {', '.join(COMMANDS)} "
                      "(python hooks/fov --help says what each does).")
        return 2
    module = importlib.import_module(COMMANDS[argv[0]][0])
    return module.main(argv[1:]) or 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
