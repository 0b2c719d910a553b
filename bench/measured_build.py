"""Run `mkdocs ARGS...` in this process and, when it exits, write its peak
memory in KiB to PEAK_FILE:  python bench/measured_build.py PEAK_FILE build ...

The peak is the kernel's high-water mark of this process's resident memory
(VmHWM), or of the largest process it started and waited for, if larger.
The parent's own rusage cannot tell this: a child's max RSS starts at the RSS
of the process that forked it, so a large parent would inflate every build.
"""

from __future__ import annotations

import atexit
import resource
import sys
from pathlib import Path


def peak_kib() -> int:
    status = Path("/proc/self/status").read_text().splitlines()
    own = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    return max(own, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)


def main() -> None:
    peak_file = Path(sys.argv.pop(1))
    atexit.register(lambda: peak_file.write_text(str(peak_kib())))
    from mkdocs.__main__ import cli

    sys.argv[0] = "mkdocs"
    cli()


if __name__ == "__main__":
    main()
