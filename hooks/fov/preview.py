"""Preview one language while translating: `make preview LANG=zh-Hant`
(= PYTHONPATH=hooks .venv/bin/python -m fov.preview zh-Hant).

Serves only that language at http://127.0.0.1:8000/ with live reload, using
static-i18n's `build_only_locale`: one language is built instead of all, so
the first page is ready in about a second and every save rebuilds as fast.
Pages not yet translated appear as they will on the site: in English, with
the notice (hooks/translation_notices.py adds them back in this mode).
mkdocs.yml is not changed: the i18n plugin's options (and the hooks, less
the ones that only make the PDF and the social images) are passed to
`mkdocs serve` as overrides.
"""

from __future__ import annotations

import copy
import os
import sys

from fov.project import i18n_config, load_project, read_config

ADDRESS = "127.0.0.1:8000"
# Hooks that make files besides the pages (the call as a PDF, social images):
# seconds of work per build that a translator checking the text does not need.
# `make build` runs them.
LEFT_OUT_HOOKS = ("call_pdf.py", "social_cards.py")


def preview_plugins(config_data: dict, locale: str) -> list:
    """mkdocs.yml's `plugins`, with the i18n plugin building `locale` only."""
    plugins = copy.deepcopy(config_data.get("plugins") or [])
    if not i18n_config({"plugins": plugins}):
        raise SystemExit("mkdocs.yml has no i18n plugin to preview a language with")
    for plugin in plugins:
        if isinstance(plugin, dict) and "i18n" in plugin:
            plugin["i18n"]["build_only_locale"] = locale
    return plugins


def preview_hooks(config_data: dict) -> list:
    return [hook for hook in config_data.get("hooks") or []
            if not str(hook).endswith(LEFT_OUT_HOOKS)]


def preview_overrides(config_data: dict, locale: str) -> dict:
    """What `mkdocs serve` changes in mkdocs.yml for a one-language preview."""
    return {"plugins": preview_plugins(config_data, locale), "hooks": preview_hooks(config_data)}


def main(argv: list[str]) -> int:
    project = load_project()
    known = [lang.locale for lang in project.languages]
    locale = argv[0] if argv else ""
    if locale not in known:
        given = f"'{locale}' is not a language of this site. " if locale else ""
        print(f"{given}Preview one of: {', '.join(known)}, e.g. make preview LANG={known[-1]}",
              file=sys.stderr)
        return 2
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.__main__ import State
    from mkdocs.commands.serve import serve

    logging_state = State()  # MkDocs' own log output, as `mkdocs serve` prints it  # noqa: F841
    overrides = preview_overrides(read_config(project.config_file), locale)
    print(f"Previewing {project.language(locale).name} ({locale}) at http://{ADDRESS}/ "
          "(Ctrl+C to stop)", file=sys.stderr)
    serve(config_file=str(project.config_file), livereload=True, dev_addr=ADDRESS, **overrides)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
