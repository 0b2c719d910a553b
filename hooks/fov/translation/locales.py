"""Add a language to the site: `python -m fov translate add-locale fr`.

The code is checked against Material's interface translations
(material/templates/partials/languages/<code>.html). A script- or
region-coded tag Material ships under its base code (zh-Hans is Material's
"zh") gets a partial in overrides/partials/languages/ that reuses the base
strings and names the language by its full tag, as zh-Hans.html does.
The language is added to mkdocs.yml's language list by inserting text after
the last language (comments and layout are kept), its folder docs/<code>/ is
created, and its one file of words, docs/.translations/<code>.yml, is started
with the English ones as comments to translate (fov.data.language_files). Every page
and word then falls back to English, pages with a notice, until translated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from fov.data import project as proj
from fov.data.project import Project

# The tags mkdocs-static-i18n accepts (its config.RE_LOCALE).
LOCALE_PATTERN = re.compile(r"(^[a-z]{2}(-[A-Za-z]{4})?(-[A-Z]{2})?$)|(^[a-z]{2}_[A-Z]{2}$)")


class LocaleError(Exception):
    pass


@dataclass
class Added:
    locale: str
    name: str
    direction: str
    material_file: str
    created: list[Path]
    search_note: str


def _package_dir(name: str) -> Path:
    """Where an installed package lives, without importing it."""
    import importlib.util

    return Path(list(importlib.util.find_spec(name).submodule_search_locations)[0])


def material_languages_dir() -> Path:
    return _package_dir("material") / "templates" / "partials" / "languages"


def overrides_languages_dir(project: Project) -> Path:
    return project.root / project.custom_dir / "partials" / "languages"


def add_locale(project: Project, locale: str, name: str | None = None) -> Added:
    _check_tag(locale, project)
    material_file, alias_of = _material_strings(locale, project)
    direction = _direction(material_file)
    name = name or _endonym(locale)
    created = []
    if alias_of:
        created.append(_write_alias_partial(project, locale, alias_of))
    config_text = project.config_file.read_text(encoding="utf-8")
    new_text = insert_language(config_text, _language_entry(locale, name, direction))
    _verify(new_text, project.config_file, locale)
    project.config_file.write_text(new_text, encoding="utf-8")
    created += _create_folders(project, locale, name)
    created += _add_code_owners(project, locale)
    return Added(locale, name, direction, material_file.name, created, _search_note(locale))


def _check_tag(locale: str, project: Project) -> None:
    if not LOCALE_PATTERN.match(locale):
        raise LocaleError(
            f"'{locale}' is not a language tag the site can use: write a two-letter ISO 639-1 "
            "code, optionally with a script or a region (fr, pt-BR, zh-Hant)."
        )
    if locale in [lang.locale for lang in project.languages]:
        raise LocaleError(f"{project.config_file.name}: '{locale}' is already a language of the site "
                          f"(docs/{locale}/). Translate its pages and strings, or pick another code.")


def _material_strings(locale: str, project: Project) -> tuple[Path, str | None]:
    """(the file with the interface strings, the Material code it aliases or None)."""
    for folder in (overrides_languages_dir(project), material_languages_dir()):
        if (folder / f"{locale}.html").is_file():
            return folder / f"{locale}.html", None
    parts = locale.replace("_", "-").split("-")
    for length in range(len(parts) - 1, 0, -1):  # zh-Hant-HK: zh-Hant, then zh
        base = "-".join(parts[:length])
        if (material_languages_dir() / f"{base}.html").is_file():
            return material_languages_dir() / f"{base}.html", base
    known = sorted(p.stem for p in material_languages_dir().glob("*.html"))
    raise LocaleError(
        f"Material for MkDocs has no interface translation for '{locale}'. It has: "
        f"{', '.join(known)}. Pick one of these, or contribute the language to Material first."
    )


def _direction(material_file: Path) -> str:
    text = material_file.read_text(encoding="utf-8")
    if "import" in text and '"direction"' not in text:
        imported = re.search(r'import "partials/languages/([^"]+)\.html"', text)
        if imported:
            return _direction(material_languages_dir() / f"{imported.group(1)}.html")
    found = re.search(r'"direction":\s*"(ltr|rtl)"', text)
    return found.group(1) if found else "ltr"


def _endonym(locale: str) -> str:
    """The language's name in itself (Babel, which Material depends on)."""
    try:
        from babel import Locale

        name = Locale.parse(locale.replace("-", "_")).get_display_name(locale.replace("-", "_"))
    except Exception as error:  # unknown to Babel
        raise LocaleError(f"There is no known name for '{locale}'. Give the language's name in "
                          f"itself: make add-locale LANG={locale} NAME='Its own name'.") from error
    return name[:1].upper() + name[1:]


def _search_note(locale: str) -> str:
    base = locale.split("-")[0]
    lunr = _package_dir("mkdocs") / "contrib" / "search" / "lunr-language" / f"lunr.{base}.js"
    if base == "zh":
        return ("search: Chinese is segmented with jieba (Material's search); the glossary "
                "terms are its user dictionary.")
    if lunr.is_file():
        return f"search: static-i18n adds lunr's '{base}' stemming to the search plugin."
    return (f"search: lunr has no '{base}' support; Material's search matches words split "
            "by the language's separator.")


def _language_entry(locale: str, name: str, direction: str) -> list[str]:
    lines = [
        f"- locale: {locale}",
        f"  name: {_yaml_str(name)}",
        "  build: true",
        "  theme:",
        f"    language: {locale}",  # Material's strings for it also set the text direction
    ]
    return lines


def _yaml_str(value: str) -> str:
    import yaml

    return yaml.safe_dump(value, allow_unicode=True, width=10**6).splitlines()[0]


def insert_language(config_text: str, entry: list[str]) -> str:
    """Insert a language entry after the last item of the i18n plugin's `languages:`."""
    lines = config_text.splitlines(keepends=True)
    key = _languages_key_line(lines)
    items = [n for n in range(key + 1, len(lines)) if lines[n].lstrip().startswith("- ")]
    if not items:
        raise LocaleError("mkdocs.yml: the i18n plugin's `languages:` list has no entries. Add the "
                          "source language first (locale: en, default: true).")
    indent = _indent(lines[items[0]])
    end = items[0]
    for n in range(items[0], len(lines)):
        text = lines[n]
        if not text.strip() or (text.lstrip().startswith("#") and _indent(text) <= indent):
            continue
        if _indent(text) < indent or (_indent(text) == indent and not text.lstrip().startswith("- ")):
            break
        end = n + 1
    block = "".join(" " * indent + line + "\n" for line in entry)
    if end and not lines[end - 1].endswith("\n"):
        lines[end - 1] += "\n"
    lines[end:end] = [block]
    return "".join(lines)


def _languages_key_line(lines: list[str]) -> int:
    plugin = next((n for n, line in enumerate(lines) if re.match(r"^\s*-\s+i18n:\s*$", line)), None)
    if plugin is None:
        raise LocaleError("mkdocs.yml has no `- i18n:` plugin entry. Add the i18n plugin under "
                          "`plugins:` as README.md shows.")
    for n in range(plugin + 1, len(lines)):
        if re.match(r"^\s*languages:\s*$", lines[n]):
            return n
    raise LocaleError("mkdocs.yml: the i18n plugin has no `languages:` list. Add one with the "
                      "source language (locale: en, default: true).")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _og_locale(locale: str) -> str:
    """fr -> fr_FR, zh-Hant -> zh_TW, pt-BR -> pt_BR (Babel's likely territory)."""
    from babel.core import get_global

    parts = locale.replace("_", "-").split("-")
    region = next((p for p in parts[1:] if len(p) == 2), None)
    if region is None:
        likely = get_global("likely_subtags")
        for key in ("_".join(parts[:2]), parts[0]):
            if key in likely:
                region = likely[key].split("_")[-1]
                break
    return f"{parts[0]}_{region}" if region else parts[0]


def _verify(text: str, config_file: Path, locale: str) -> None:
    if locale not in proj.configured_locales(text):
        raise LocaleError(f"{config_file}: '{locale}' could not be added, the file's layout is not "
                          "the one the command knows. Add the language by hand (TRANSLATING.md, "
                          "'For maintainers').")


def _write_alias_partial(project: Project, locale: str, base: str) -> Path:
    path = overrides_languages_dir(project) / f"{locale}.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "{#-\n"
        f"  {locale}: Material ships these strings as \"{base}\", which would make the page\n"
        f"  say <html lang=\"{base}\">. Reuse every string of {base}.html and only name the\n"
        "  language by its full tag. (Written by python -m fov translate add-locale.)\n"
        "-#}\n"
        f'{{% import "partials/languages/{base}.html" as base %}}\n'
        f'{{% macro t(key) %}}{{{{ "{locale}" if key == "language" else base.t(key) }}}}{{% endmacro %}}\n',
        encoding="utf-8",
    )
    return path


def _create_folders(project: Project, locale: str, name: str) -> list[Path]:
    created = []
    folder = project.docs_dir / locale
    folder.mkdir(parents=True, exist_ok=True)
    keep = folder / ".gitkeep"
    if not any(folder.iterdir()):
        keep.write_text("", encoding="utf-8")
        created.append(keep)
    data_file = project.data_dir / f"{locale}.yml"
    if not data_file.exists():
        data_file.parent.mkdir(parents=True, exist_ok=True)
        data_file.write_text(_data_template(project, locale, name), encoding="utf-8")
        created.append(data_file)
    return created


def _add_code_owners(project: Project, locale: str) -> list[Path]:
    """Give the new folder reviewers in .github/CODEOWNERS, as the last translation's
    line does (its translator team renamed for the new language); the maintainers
    then create the team."""
    path = project.root / ".github" / "CODEOWNERS"
    if not path.is_file():
        return []
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    rules = [(n, match) for n, line in enumerate(lines)
             if (match := re.match(r"^/docs/([^/\s]+)/(\s+)(.*)$", line.rstrip("\n")))]
    if not rules or any(match.group(1) == locale for _, match in rules):
        return []
    n, match = rules[-1]
    old = match.group(1)
    owners = re.sub(rf"(?<=-){re.escape(old.lower())}\b", locale.lower(), match.group(3))
    padding = " " * max(1, len(f"/docs/{old}/") + len(match.group(2)) - len(f"/docs/{locale}/"))
    lines.insert(n + 1, f"/docs/{locale}/{padding}{owners}\n")
    path.write_text("".join(lines), encoding="utf-8")
    return [path]


def _data_template(project: Project, locale: str, name: str) -> str:
    from fov.data.language_files import NOT_WORDS, SECTIONS
    from fov.data.translation_data import read_file

    source = read_file(project.data_dir / f"{project.source}.yml")
    lines = [f"# {name} ({locale}): every word of the site outside its pages. See {project.source}.yml for",
             "# what each part is for. Translate a line by writing it without the '# ' (keep the two",
             "# spaces before it); until then the site shows the English one.", ""]
    for section in SECTIONS:
        lines.append(f"{section}:")
        if section == "site":
            lines.append(f"  og_locale: {_og_locale(locale)}")
        english = ({title: title for title in project.nav_titles} if section == "nav"
                   else source.get(section) or {})
        for key, value in english.items():
            if (section, key) not in NOT_WORDS:
                lines.append(f"  # {_yaml_str(str(key))}: {_yaml_str(str(value))}")
    lines.append("strings:")
    for key, value in (source.get("strings") or {}).items():
        lines.append(f"  # {key}: {_yaml_str(str(value))}")
    lines += ["", "# style: notes for this language's translators, shown on the status page (in English,",
              "# so that every reviewer can read them), e.g. the form of address, punctuation, numbers.",
              "style:",
              f"  - Address the reader as ... (say which form of 'you' {name} uses here).",
              "", "glossary:"]
    for entry in source.get("glossary") or []:
        lines.append(f"  # {entry['id']}:")
        lines.append("  #   term: ...")
    return "\n".join(lines) + "\n"
