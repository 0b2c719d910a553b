"""The call as it was issued, in every language (issue 15).

Facts that are kept once in the glossary data (docs/.translations/<lang>.yml):
`still_to_come`, the phrases that speak of the International Volunteer Year 2026
as still to come, and `names`, the names the call and the UN give. The strict
build fails on either, naming path:line, on every page of every language and in
mkdocs.yml's descriptions; good wording passes. On the real site: the names are
on the pages, the actions say whom they address and who joins in, as the call
does, and the share messages come from one builder.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import LANGUAGES, ROOT, build_site, project_config, write_fixture_site
from fov.data.project import load_project
from fov.data.translation_data import load
from fov.translation.glossary import comparable, fact_problems
from test_site_content import PageParts, page_path

FACTS = yaml.safe_load((Path(__file__).parent / "facts.yml").read_text(encoding="utf-8"))
PROJECT = load_project(ROOT / "mkdocs.yml")
DATA = {language: load(PROJECT, language) for language in LANGUAGES}
PAGE = "---\ndescription: {description}\n---\n\n# {title} {{#home}}\n\n{body}\n"


def data_files() -> dict[str, str]:
    """The glossary data of every language, for a fixture site's docs/.translations/."""
    return {f".translations/{language}.yml": (ROOT / f"docs/.translations/{language}.yml").read_text(
        encoding="utf-8") for language in LANGUAGES}


# -- the data ------------------------------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_lists_phrases_that_speak_of_2026_as_still_to_come(language):
    assert len(DATA[language].still_to_come) >= 3


def test_the_names_the_call_gives_live_in_the_glossary_data():
    names = {name.id: name for name in DATA["zh-Hant"].names}
    assert {key: names[key].name for key in ("iave", "forum", "ifrc", "genu", "vga")} == {
        "iave": "國際志工協會", "forum": "全球志願服務論壇", "ifrc": "紅十字與紅新月會國際聯合會",
        "genu": "聯合國兒童基金會世代無限計畫", "vga": "志工團體聯盟"}
    assert {names[key].name for key in ("internet", "sustainable")} == {"網路", "永續"}
    hans = {name.id: name.name for name in DATA["zh-Hans"].names}
    assert hans["declaration"] == "志愿服务世界宣言" and hans["iyv-2001"] == "志愿人员国际年"
    assert hans["resolution-67-138"] == "将志愿服务纳入下一个十年的工作"


# -- the rule -------------------------------------------------------------------------

@pytest.mark.parametrize("language, text", [
    ("en", "Recognise volunteering, ahead of the International Volunteer Year 2026."),
    ("en", "In the run-up to IVY 2026, act now."),
    ("fr", "Reconnaître le bénévolat, à l'approche de l'Année internationale des volontaires 2026."),
    ("es", "Reconocer el voluntariado, de cara al Año Internacional de los Voluntarios 2026."),
    ("pt", "Reconhecer o voluntariado, rumo ao Ano Internacional do Voluntariado 2026."),
    ("ru", "Признавать добровольчество накануне Международного года добровольцев 2026 года."),
    ("ar", "الاعتراف بالعمل التطوعي، استعدادًا للسنة الدولية للمتطوعين 2026."),
    ("ar", "الاعتراف بالعمل التطوعي، استعدادا للسنة الدولية للمتطوعين 2026."),  # without the tanwin
    ("zh-Hant", "一起迎接 2026 國際志工永續發展年。"),
    ("zh-Hans", "2026 国际志愿者促进可持续发展年即将到来。"),
])
def test_wording_that_speaks_of_2026_as_still_to_come_is_found(language, text):
    (problem,) = fact_problems(f"Line one.\n{text}", DATA[language])
    assert problem.line == 2 and "still to come" in problem.what
    assert f"docs/.translations/{language}.yml" in problem.fix


@pytest.mark.parametrize("language, text", [
    ("en", "The call's organisations stay engaged through IVY 2026 and beyond."),
    ("en", "The road ahead of us is long."),
    ("fr", "Pendant l'Année internationale des volontaires 2026 et au-delà."),
    ("pt", "acelerar os progressos rumo aos Objetivos de Desenvolvimento do Milénio"),
    ("zh-Hant", "五個全球組織會在 2026 國際志工永續發展年期間及之後持續參與。"),
    ("zh-Hans", "联合国大会宣布 2026 年为国际志愿者促进可持续发展年（IVY 2026）。"),
    ("zh-Hant", "聯合國兒童基金會世代無限計畫（Generation Unlimited）與全球志願服務論壇"),
    ("zh-Hans", "纪念志愿人员国际年十周年；国内和国际志愿者为和平与发展"),
])
def test_wording_true_before_during_and_after_2026_and_right_names_pass(language, text):
    assert fact_problems(text, DATA[language]) == []


@pytest.mark.parametrize("language, text, wrong, right", [
    ("zh-Hant", "國際發展志願服務論壇（Forum）", "國際發展志願服務論壇", "全球志願服務論壇"),
    ("zh-Hant", "紅十字會與紅新月會國際聯合會（IFRC）", "紅十字會與紅新月會國際聯合會", "紅十字與紅新月會國際聯合會"),
    ("zh-Hant", "聯合國兒童基金會（UNICEF）的「世代無限」", "「世代無限」", "聯合國兒童基金會世代無限計畫"),
    ("zh-Hant", "在人脈網絡中分享", "網絡", "網路"),
    ("zh-Hans", "2001 年的《世界志愿服务宣言》", "世界志愿服务宣言", "志愿服务世界宣言"),
    ("zh-Hans", "纪念国际志愿者年十周年", "国际志愿者年", "志愿人员国际年"),
    ("zh-Hans", "国际发展志愿服务论坛（Forum）", "国际发展志愿服务论坛", "全球志愿服务论坛"),
    ("en", "for research, training, pilot innovation and other forms of funding.",
     "pilot innovation and other forms of funding", "explore other funding modalities"),
])
def test_a_name_the_call_or_the_un_does_not_give_is_found(language, text, wrong, right):
    (problem,) = fact_problems(text, DATA[language])
    assert f"'{wrong}'" in problem.what and f"'{right}'" in problem.fix and problem.line == 1


def test_the_strict_build_fails_on_stale_wording_and_wrong_names_naming_path_and_line(tmp_path):
    pages = {
        "en/index.md": PAGE.format(
            description="A call to recognise volunteering, ahead of the International Volunteer Year 2026.",
            title="Home", body="The call goes on."),
        "zh-Hant/index.md": PAGE.format(description="志願服務的未來。", title="首頁",
                                        body="一起迎接 2026 國際志工永續發展年。\n\n國際發展志願服務論壇在人脈網絡中分享。"),
        "zh-Hans/index.md": PAGE.format(description="志愿服务的未来。", title="首页",
                                        body="2001 年的《世界志愿服务宣言》。"),
        **{f"{language}/index.md": PAGE.format(description="x", title="x",
                                               body=f"{DATA[language].still_to_come[0]} 2026.")
           for language in ("fr", "es", "ar", "ru", "pt")},
        **data_files(),
    }
    # The site's description, in the language's file (docs/.translations/en.yml, site.description).
    english = pages[".translations/en.yml"]
    stale = "Recognise volunteering, in the run-up to the International Volunteer Year 2026."
    pages[".translations/en.yml"] = re.sub(r"(?m)^  description: .*$", f"  description: {stale}", english, count=1)
    assert stale in pages[".translations/en.yml"]
    config = write_fixture_site(tmp_path, pages, languages=tuple(LANGUAGES))
    result = build_site(config, tmp_path / "site")
    assert not result.ok
    expected = [("docs/en/index.md:2", "ahead of the International Volunteer Year"),
                ("docs/zh-Hant/index.md:7", "迎接"),
                ("docs/zh-Hant/index.md:9", "國際發展志願服務論壇"),
                ("docs/zh-Hant/index.md:9", "網絡"),
                ("docs/zh-Hans/index.md:7", "世界志愿服务宣言"),
                *((f"docs/{language}/index.md:7", comparable(DATA[language].still_to_come[0])[:8])
                  for language in ("fr", "es", "ru", "pt")),
                ("docs/ar/index.md:7", "still to come"),
                ("docs/.translations/en.yml:", "site.description (en)")]
    for where, words in expected:
        assert any(where in m and comparable(words) in comparable(m) for m in result.messages
                   if "translation_glossary" in m), (where, words, result.text)


# -- the real site ----------------------------------------------------------------------

def _labels() -> dict[str, dict[str, str]]:
    """{language: {label shown: stakeholder key}}."""
    stakeholders = project_config()["extra"]["campaign"]["stakeholders"]
    return {language: {data["label"].get(language, data["label"]["en"]): key
                       for key, data in stakeholders.items()} for language in LANGUAGES}


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_action_says_whom_it_addresses_and_who_joins_in_as_the_call_does(real_site, language):
    labels = _labels()[language]
    for action, relation in FACTS["relations"].items():
        page = action.split("-")[0]
        html = page_path(real_site.site, language, page).read_text(encoding="utf-8")
        after = html.split(f'id="{action}"', 1)[1]
        line = re.search(r'<p class="fov-audience">(.*?)</p>', after, re.S).group(1)
        addressed, _, joining = line.partition("<br")
        names = [[labels[re.sub(r"<[^>]+>", "", m)] for m in re.findall(r"<a [^>]*>(.*?)</a>", part)]
                 for part in (addressed, joining)]
        assert names == [relation["addressed"], relation["with"]], (action, line)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_stakeholder_page_marks_actions_a_group_takes_part_in(real_site, language):
    with_role = project_config()["extra"]["campaign"]["with_role"][language]
    html = page_path(real_site.site, language, "stakeholders").read_text(encoding="utf-8")
    vios = html.split('id="volunteer-involving-organisations"', 1)[1].split("<h2", 1)[0]
    item = re.search(r'<li><a href="[^"]*#support-1">.*?</li>', vios).group(0)
    assert with_role.replace("'", "&#x27;") in item or with_role in item
    funders = html.split('id="funders-and-the-private-sector"', 1)[1].split("<h2", 1)[0]
    assert "#support-1" not in funders and "#support-6" in funders


# Where each name of the glossary data must appear on the real site.
NAME_PAGES = {"iave": "contact", "forum": "contact", "ifrc": "contact", "genu": "contact", "vga": "contact",
              "declaration": "call", "iyv-2001": "background", "resolution-67-138": "background",
              "resolution-67-138-fund": "background", "unv": "background", "hashtag": "take-action"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_names_of_the_glossary_data_are_the_ones_the_pages_show(real_site, language):
    missing = []
    for name in DATA[language].names:
        page = NAME_PAGES.get(name.id)
        if page is None:
            continue
        shown = PageParts(page_path(real_site.site, language, page).read_text(encoding="utf-8")).text
        if comparable(name.name) not in comparable(shown):
            missing.append((name.id, page))
    assert missing == []


def test_the_un_title_of_the_international_volunteer_year_is_on_the_background_page(real_site):
    # Russian declines the title (Международным годом ...): its entry is checked by the rule only.
    for language in ("en", "fr", "es", "ar"):
        (name,) = [n for n in DATA[language].names if n.id == "ivy-2026"]
        shown = PageParts(page_path(real_site.site, language, "background").read_text(encoding="utf-8")).text
        assert comparable(name.name) in comparable(shown), language


def test_the_words_of_a_language_file_are_checked_too(tmp_path):
    """Each word of the language's file (fov.data.language_files.own_words), at its line."""
    from fov.data.language_files import own_words
    path = tmp_path / "fr.yml"
    path.write_text("site:\n  name: Le site\n  og_locale: fr_FR\nui:\n  home: Accueil\n"
                    "  suggest: à l'approche de l'Année internationale\n"
                    "stakeholders:\n  all: Tous\nshare:\n  email: Courriel\n", encoding="utf-8")
    found = own_words(path)
    assert found == [("site.name", "Le site", 2), ("ui.home", "Accueil", 5),
                     ("ui.suggest", "à l'approche de l'Année internationale", 6),
                     ("share.email", "Courriel", 10), ("stakeholders.all", "Tous", 8)]
    assert [(where, p.line) for where, text, line in found for p in fact_problems(text, DATA["fr"])] == [("ui.suggest", 1)]