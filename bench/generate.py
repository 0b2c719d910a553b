"""Generated sites for the benchmark, written into a directory you give:

- `write_project_site`: the project's own config (theme, overrides, hooks,
  Markdown extensions, campaign data, languages) over generated pages, for
  the scaling figures (100, 300, 1,000 page-languages);
- `write_stock_site`: plain Material + static-i18n, no overrides or hooks,
  8 languages x 12 pages, the baseline the project is compared with.

Pages are modelled on the real ones (docs/en/recognise.md, call.md): a
description, a title, a few sections of short paragraphs, a list, a quote and,
on the project site, action headings tagged with the stakeholders they address.
The text is pseudo-random but the same on every run (seeded).

Run it by hand: .venv/bin/python bench/generate.py project 300 /tmp/gen
"""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

import configs

ROOT = configs.ROOT

LATIN_WORDS = (
    "volunteers volunteering community communities people support recognise protect "
    "policy funding governments organisations local global action actions call future "
    "development sustainable safe fair inclusive work time together public service "
    "young everyone stakeholders research data value learning rights health social "
    "networks partners leaders neighbours response disaster care resources plans "
    "the and of to in for with that their every should can build make give"
).split()
HANT = ("志願服務的未來行動號召肯定支持保障政府組織社會發展永續包容公平安全資源政策研究"
        "資料學習權利健康網絡夥伴領袖鄰里回應災害照顧計畫青年大家利害關係人價值工作時間"
        "共同公共服務地方全球年國際在和與的是為了讓所有每個應該能夠")
HANS = ("志愿服务的未来行动呼吁认可支持保护政府组织社会发展可持续包容公平安全资源政策研究"
        "数据学习权利健康网络伙伴领袖邻里回应灾害照顾计划青年大家利益攸关方价值工作时间"
        "共同公共服务地方全球年国际在和与的是为了让所有每个应该能够")
KANA = "ボランティアの未来に向けた行動呼びかけ地域社会支援保護政府組織研究資源すべての人"

# The language a generated page is written in, by locale.
SCRIPTS = {"zh-Hant": HANT, "zh": HANS, "zh-Hans": HANS, "ja": KANA}

STOCK_LANGUAGES = ["en", "fr", "es", "de", "pt", "ja", "zh", "zh-Hant"]


# --- text -----------------------------------------------------------------

def sentence(rng: random.Random, locale: str) -> str:
    characters = SCRIPTS.get(locale)
    if characters:
        return "".join(rng.choice(characters) for _ in range(rng.randint(15, 30))) + "。"
    words = [rng.choice(LATIN_WORDS) for _ in range(rng.randint(10, 18))]
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random, locale: str, sentences: int = 3) -> str:
    return " ".join(sentence(rng, locale) for _ in range(sentences))


def title(rng: random.Random, locale: str) -> str:
    if locale in SCRIPTS:
        return "".join(rng.choice(SCRIPTS[locale]) for _ in range(rng.randint(3, 7)))
    return " ".join(rng.choice(LATIN_WORDS) for _ in range(rng.randint(2, 5))).capitalize()


# --- pages ----------------------------------------------------------------

def content_page(rng: random.Random, locale: str, *, number: int, links: list[str],
                 audiences: list[str] | None = None) -> str:
    """A page like the call's: sections of short paragraphs, a list, a quote
    and three actions. `audiences` (stakeholder keys) tags the actions the
    way the project's hook reads them; None writes plain Markdown headings."""
    anchor = (lambda slug, extra="": f" {{#{slug}{extra}}}") if audiences is not None else (
        lambda slug, extra="": "")
    lines = ["---", f"description: {sentence(rng, locale)}", "---", "",
             f"# {title(rng, locale)}{anchor(f'page-{number}')}", "",
             paragraph(rng, locale), "", paragraph(rng, locale, 2), ""]
    for section in range(1, 4):
        lines += [f"## {title(rng, locale)}{anchor(f'section-{section}')}", "",
                  paragraph(rng, locale), "", paragraph(rng, locale, 2), ""]
        if section == 2:
            lines += [f"- {sentence(rng, locale)}" for _ in range(4)] + [""]
        if section == 3:
            lines += [f"> **{sentence(rng, locale)}**", ""]
    lines += [f"## {title(rng, locale)}{anchor('actions')}", ""]
    for action in range(1, 4):
        tag = ""
        if audiences:
            keys = " ".join(rng.sample(audiences, rng.randint(1, 2)))
            tag = f' data-stakeholders="{keys}"'
        lines += [f"### {title(rng, locale)}{anchor(f'action-{action}', tag)}", "",
                  paragraph(rng, locale, 2), ""]
    lines += [" · ".join(f"[{title(rng, locale)}]({link})" for link in links), ""]
    return "\n".join(lines)


def stakeholders_page(rng: random.Random, locale: str, stakeholders: dict) -> str:
    """The list page the project's hook fills: one section per stakeholder
    section, each with the paragraph the hook replaces by its actions."""
    lines = ["---", f"description: {sentence(rng, locale)}", "---", "",
             f"# {title(rng, locale)} {{#what-the-call-asks}}", "", paragraph(rng, locale, 2), ""]
    seen = set()
    for key, data in stakeholders.items():
        if data["section"] in seen:
            continue
        seen.add(data["section"])
        lines += [f"## {title(rng, locale)} {{#{data['section']}}}", "",
                  paragraph(rng, locale, 1), f'{{ .fov-actions data-stakeholder="{key}" }}', ""]
    return "\n".join(lines)


def content_paths(count: int) -> list[str]:
    """docs paths of `count` content pages. They sit beside index.md, as the
    real pages do (the stakeholder hook links to stakeholders.md beside them)."""
    return [f"page-{n:03d}.md" for n in range(1, count + 1)]


# --- sites ----------------------------------------------------------------

def write_project_site(root: Path, page_languages: int) -> tuple[Path, int]:
    """The project's config over generated pages: about `page_languages` pages
    in all, shared evenly by the project's languages. Page n is the same
    whatever the size, so the sites share their social-card cache. Return (mkdocs.yml, pages written)."""
    config = configs.with_absolute_paths(configs.read_project_config())
    config["docs_dir"] = str(root / "docs")
    config.pop("nav", None)  # every page in the nav
    languages = configs.locales(config)
    per_language = max(page_languages // len(languages), 2)
    stakeholders = config["extra"]["campaign"]["stakeholders"]
    _copy_shared_docs(root / "docs")
    for locale in languages:
        rng = random.Random(f"project-{locale}")
        docs = root / "docs" / locale
        _write(docs / "index.md", content_page(
            rng, locale, number=0, links=["stakeholders.md#governments"], audiences=[]))
        _write(docs / "stakeholders.md", stakeholders_page(rng, locale, stakeholders))
        for number, path in enumerate(content_paths(per_language - 2), start=1):
            _write(docs / path, content_page(rng, locale, number=number, audiences=list(stakeholders),
                                             links=["index.md", "stakeholders.md#governments"]))
    return configs.write_config(config, root / "mkdocs.yml"), per_language * len(languages)


def write_stock_site(root: Path, languages: list[str] = STOCK_LANGUAGES,
                     pages_per_language: int = 12) -> tuple[Path, int]:
    """Plain Material + static-i18n (no overrides, hooks or extensions) over
    generated pages. Return (mkdocs.yml, pages written)."""
    config = {
        "site_name": "Stock Material",
        "site_description": "Stock Material + static-i18n, for comparison.",
        "site_url": configs.read_project_config()["site_url"],  # !ENV [SITE_URL, ...]
        "docs_dir": str(root / "docs"),
        "theme": {"name": "material"},
        "plugins": ["search", {"i18n": {
            "docs_structure": "folder",
            "languages": [{"locale": locale, "name": locale, "build": True,
                           "default": locale == languages[0]} for locale in languages],
        }}],
    }
    for locale in languages:
        rng = random.Random(f"stock-{locale}")
        docs = root / "docs" / locale
        _write(docs / "index.md", content_page(rng, locale, number=0, links=["page-01.md"]))
        for number in range(1, pages_per_language):
            _write(docs / f"page-{number:02d}.md",
                   content_page(rng, locale, number=number, links=["index.md"]))
    return configs.write_config(config, root / "mkdocs.yml"), pages_per_language * len(languages)


def _copy_shared_docs(docs: Path) -> None:
    """Files the real docs/ holds outside its language folders (images,
    stylesheets), so that the generated site links to what the real one does."""
    real_docs = ROOT / "docs"
    real_locales = set(configs.locales(configs.read_project_config()))
    for entry in real_docs.iterdir():
        if entry.name in real_locales:
            continue
        target = docs / entry.name
        target.parent.mkdir(parents=True, exist_ok=True)
        if entry.is_dir():
            shutil.copytree(entry, target, dirs_exist_ok=True)
        else:
            shutil.copy2(entry, target)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    kind, directory = sys.argv[1], Path(sys.argv[-1])
    if kind == "project":
        print(*write_project_site(directory, int(sys.argv[2])))
    else:
        print(*write_stock_site(directory))
