"""Preview the site while writing or translating, on any computer with Python 3.11.

`make preview LANG=fr`, or without make (Windows, macOS, Linux), from the
repository's folder with the virtual environment's Python:

    python hooks/fov preview fr

Serves that language only at http://127.0.0.1:8000/ with live reload, using
static-i18n's `build_only_locale`: one language is built instead of all, so the
first page is ready in about a second and every save rebuilds as fast. Pages
not yet translated appear as they will on the site: in English, with the notice
(hooks/translation_notices.py adds them back in this mode).

The language is handed to mkdocs.yml through the environment variable
FOV_PREVIEW_LANGUAGE (`build_only_locale: !ENV [FOV_PREVIEW_LANGUAGE, null]`),
never as an override: `mkdocs serve` reads mkdocs.yml again on every rebuild,
and the environment holds for all of them.

In any `mkdocs serve` (this preview, `make serve`), the parts of the build that
need Debian's Pango and system fonts — the call's PDF and the social images —
are left out, with one line saying so (fov.build.serve_mode); `mkdocs build`
always makes them.
"""

from __future__ import annotations

import argparse
import os
import sys

from fov.base import report
from fov.data.project import load_project

LANGUAGE_VARIABLE = "FOV_PREVIEW_LANGUAGE"
ADDRESS = "127.0.0.1:8000"
def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="make preview LANG=<language>",
        description="Preview one language of the site with live reload.")
    parser.add_argument("language", nargs="?", default="")
    parser.add_argument("--dev-addr", default=ADDRESS, help="address:port to serve at")
    parser.add_argument("--config-file", default=None, help="the site's mkdocs.yml")
    options = parser.parse_args(argv)
    project = load_project(options.config_file)
    known = [lang.locale for lang in project.languages]
    locale = options.language
    if locale not in known:
        given = f"'{locale}' is not a language of this site. " if locale else ""
        report.refuse(f"{given}Preview one of: {', '.join(known)}, e.g. make preview LANG={known[-1]} "
                      f"(or: python hooks/fov preview {known[-1]})")
        return 2
    os.environ[LANGUAGE_VARIABLE] = locale
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.__main__ import State
    from mkdocs.commands.serve import serve

    logging_state = State()  # MkDocs' own log output, as `mkdocs serve` prints it  # noqa: F841
    report.remark(f"Previewing {project.language(locale).name} ({locale}) at http://{options.dev_addr}/ "
                  "(Ctrl+C to stop)")
    serve(config_file=str(project.config_file), livereload=True, dev_addr=options.dev_addr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
