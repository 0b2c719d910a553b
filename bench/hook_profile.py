"""Where the hooks' time goes: one build under cProfile, and the time of each
hook file (hooks/<name>.py, hooks/fov/<module>.py) as MkDocs, the plugins and
the theme call into it, with everything it calls in turn. Loading the config
(which imports the hooks) is included. cProfile slows Python down, so read the
shares, not the seconds. Prints JSON: {"total_s": ..., "hooks": {name: s}}.

    python bench/hook_profile.py MKDOCS_YML SITE_DIR
"""

from __future__ import annotations

import cProfile
import json
import os
import pstats
import sys
import time
from pathlib import Path

HOOKS = Path(__file__).resolve().parent.parent / "hooks"


def owner(filename: str) -> str | None:
    """The hook a function belongs to ("validate_html", "fov/sections"), or None."""
    path = Path(filename)
    if HOOKS not in path.parents:
        return None
    return path.relative_to(HOOKS).with_suffix("").as_posix()


def time_by_hook(stats: pstats.Stats) -> dict[str, float]:
    """Each hook's time where it is entered from outside hooks/: the cumulative
    time of those calls, so a hook's calls into fov/ count once, as its own."""
    hooks: dict[str, float] = {}
    for (filename, _line, _name), (*_counts, callers) in stats.stats.items():  # type: ignore[attr-defined]
        name = owner(filename)
        if name is None:
            continue
        for (caller_file, _l, _n), (_cc, _nc, _tt, cumulative) in callers.items():
            if owner(caller_file) is None:
                hooks[name] = hooks.get(name, 0.0) + cumulative
    return dict(sorted(hooks.items(), key=lambda item: -item[1]))


def main() -> None:
    config_file, site_dir = sys.argv[1:3]
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    build(load_config(config_file, site_dir=site_dir, strict=False))
    profiler.disable()
    total = time.perf_counter() - start
    print(json.dumps({"total_s": total, "hooks": time_by_hook(pstats.Stats(profiler))}))


if __name__ == "__main__":
    main()
