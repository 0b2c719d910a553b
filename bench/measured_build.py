"""Run `mkdocs ARGS...` in this process and, when it exits, write what it
used to REPORT_FILE as JSON: {"peak_kib": ..., "cpu_s": ...}.

    python bench/measured_build.py REPORT_FILE build --config-file ...

peak_kib: the kernel's high-water mark of this process's resident memory
(VmHWM), or of the largest process it started and waited for, if larger.
The parent's own rusage cannot tell this: a child's max RSS starts at the RSS
of the process that forked it, so a large parent would inflate every build.
cpu_s: user + system time of this process and the processes it waited for
(the social-card workers): what a busy machine does not inflate as it does
wall time.
"""

from __future__ import annotations

import atexit
import json
import resource
import sys
from pathlib import Path


def usage() -> dict:
    status = Path("/proc/self/status").read_text().splitlines()
    own_peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    me = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"peak_kib": max(own_peak, children.ru_maxrss),
            "cpu_s": me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime}


def main() -> None:
    report = Path(sys.argv.pop(1))
    atexit.register(lambda: report.write_text(json.dumps(usage())))
    from mkdocs.__main__ import cli

    sys.argv[0] = "mkdocs"
    cli()


if __name__ == "__main__":
    main()
