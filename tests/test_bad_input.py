"""Bad input of every kind gets one finding at path:line with a fix, never a
traceback; the strict build fails, and the other languages are still checked
(issue 12). Fixture builds with four languages, and `fov translate status`.

Each file is saved for real in the encoding a translator's editor might use
(Python's codecs), from real French and Chinese text.
"""

from __future__ import annotations

import re
import shutil

import pytest

from conftest import ROOT, build_site, write_fixture_site
from fov.base.source_file import read_source
from translation_fixture import EN_CALL, EN_CONTACT, EN_INDEX, NAV, SITE_HOOKS, TRANSLATION_HOOKS, ZH_CALL, \
    ZH_INDEX, translate

LANGUAGES = ("en", "zh-Hant", "zh-Hans", "fr")
HOOKS = ["strict_every_language.py", "validate_sources.py", *SITE_HOOKS, *TRANSLATION_HOOKS]

ZH_HANS_CALL = """---
description: 志愿服务为什么重要。
---

# 行动号召 {#the-call}

## 为什么志愿者如此重要 {#why}

全球每个月约有 8.62 亿人参与志愿服务，他们让社区更加坚强、更有凝聚力。

## 这份号召是如何诞生的 {#how}

来自 164 个国家的近 14,000 人参与塑造了这份号召。
"""

FR_CALL = """---
description: Pourquoi le bénévolat compte.
---

# L'appel {#the-call}

## Pourquoi les bénévoles comptent {#why}

Quelque 862 millions de personnes font du bénévolat chaque mois. Grâce à elles, les communautés
deviennent plus fortes, plus soudées et plus inclusives : voilà ce que reconnaît l'appel.

## Comment l'appel a été élaboré {#how}

Près de 14 000 personnes dans 164 pays ont façonné l'appel, et nous les en remercions.
"""

FR_INDEX = """---
description: Un appel à reconnaître les bénévoles.
---

# Accueil {#home}

Des bénévoles partout. Lisez [l'appel](call.md) ou [écrivez-nous](contact.md).

## Agir maintenant {#act-now}

Chaque partie prenante peut agir.
"""

PAGES = {
    "en/index.md": EN_INDEX, "en/call.md": EN_CALL, "en/contact.md": EN_CONTACT,
    "zh-Hant/index.md": ZH_INDEX, "zh-Hant/call.md": ZH_CALL,
    "zh-Hans/call.md": ZH_HANS_CALL,
    "fr/index.md": FR_INDEX, "fr/call.md": FR_CALL,
}


def make_site(root, monkeypatch=None):
    """The four-language fixture, its translations stamped with the real command."""
    config = write_fixture_site(root, PAGES, languages=LANGUAGES, hooks=HOOKS,
                                extra_config={"nav": NAV, "repo_url": "https://github.com/example/site"})
    data = root / "docs" / ".translations"
    data.mkdir(parents=True, exist_ok=True)
    for locale in LANGUAGES:
        shutil.copy(ROOT / "docs" / ".translations" / f"{locale}.yml", data / f"{locale}.yml")
    for page in sorted(p for p in PAGES if not p.startswith("en/")):
        translate(config, "stamp", f"docs/{page}")
    return config


def save_as(path, encoding: str) -> None:
    path.write_bytes(path.read_text(encoding="utf-8").encode(encoding))


def findings(result, start: str) -> list[str]:
    """The messages that start with `start` (after the name of the hook that logged them)."""
    return [m for m in (re.sub(r"^[\w-]+: ", "", m, count=1) for m in result.messages) if m.startswith(start)]


def line_of(path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


RU_CALL = """---
description: Почему добровольчество важно.
---

# Призыв {#the-call}

Каждый месяц около 862 миллионов человек занимаются добровольческой деятельностью. Благодаря им
сообщества становятся сильнее, сплочённее и инклюзивнее.
"""

AR_CALL = """---
description: لماذا يهم العمل التطوعي.
---

# النداء {#the-call}

يتطوع نحو 862 مليون شخص كل شهر. وبفضلهم تصبح المجتمعات أقوى وأكثر تماسكاً وشمولاً للجميع.
"""


@pytest.mark.parametrize("text, encoding, name", [
    (FR_CALL, "cp1252", "Windows-1252"),
    (RU_CALL, "cp1251", "Windows-1251"),
    (AR_CALL, "cp1256", "Windows-1256"),
    (EN_CONTACT + "\nWe’re glad you’re here.\n", "cp1252", "Windows-1252"),
    (ZH_CALL, "big5", "Big5"),
    (ZH_HANS_CALL, "gbk", "GBK"),
    (FR_CALL, "utf-16", "UTF-16"),
    (ZH_CALL, "utf-16", "UTF-16"),
])
def test_a_file_in_another_encoding_is_one_problem_naming_the_encoding(text, encoding, name):
    data = text.encode(encoding)
    read, problems = read_source(data)
    (problem,) = problems
    first_bad = next(n for n, line in enumerate(text.splitlines(), 1) if not line.isascii())
    assert problem.line == (1 if encoding == "utf-16" else first_bad)
    assert f"it looks like {name}" in problem.what and "save it as UTF-8" in problem.fix
    assert read == text  # read in that encoding: the build goes on with the right text


def test_files_in_other_encodings_and_broken_yaml_name_file_line_and_fix(tmp_path, monkeypatch, capsys):
    config = make_site(tmp_path)
    docs = tmp_path / "docs"
    save_as(docs / "zh-Hant/call.md", "big5")
    save_as(docs / "zh-Hans/call.md", "gbk")
    save_as(docs / "fr/call.md", "cp1252")
    save_as(docs / "fr/index.md", "utf-16")
    contact = docs / "en/contact.md"  # English, shown in every other language as a fallback
    contact.write_text(contact.read_text(encoding="utf-8") + "\nWe’re glad you’re here.\n", encoding="cp1252")
    data = docs / ".translations/fr.yml"
    lines = data.read_text(encoding="utf-8").splitlines()
    broken = next(n for n, line in enumerate(lines) if re.match(r"^  \w+: [^\"'].*", line))
    lines[broken] += " : voilà"  # a French colon, unquoted
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")

    result = build_site(config, tmp_path / "site")

    assert not result.ok and "Traceback" not in result.text
    for path, line, name in [("zh-Hant/call.md", 2, "Big5"), ("zh-Hans/call.md", 2, "GBK"),
                             ("fr/call.md", 2, "Windows-1252"), ("fr/index.md", 1, "UTF-16")]:
        (message,) = findings(result, f"docs/{path}:{line}")
        assert f"not UTF-8" in message and name in message and "Fix: save it as UTF-8" in message
    (message,) = findings(result, f"docs/en/contact.md:{line_count(contact)}")  # once, not per language
    assert "byte 0x92 at column 3" in message and "Windows-1252" in message
    (message,) = findings(result, f"docs/.translations/fr.yml:{broken + 1}")
    assert "not valid YAML" in message and "put the value in double quotes" in message
    annotations = capsys.readouterr().out
    assert f"::error file=docs/.translations/fr.yml,line={broken + 1}::" in annotations
    assert "::error file=docs/zh-Hant/call.md,line=2::" in annotations
    # Every language was built, with its text read in the encoding it was saved in.
    assert "8.62 億" in (tmp_path / "site/zh-Hant/call/index.html").read_text(encoding="utf-8")
    assert "8.62 亿" in (tmp_path / "site/zh-Hans/call/index.html").read_text(encoding="utf-8")
    assert "Grâce à elles" in (tmp_path / "site/fr/call/index.html").read_text(encoding="utf-8")
    assert "We’re glad" in (tmp_path / "site/fr/contact/index.html").read_text(encoding="utf-8")


def line_count(path) -> int:
    return path.read_bytes().count(b"\n")


def test_utf8_with_a_byte_order_mark_and_windows_line_endings_is_good_input(tmp_path):
    config = make_site(tmp_path)
    for path in [tmp_path / "docs/fr/call.md", tmp_path / "docs/zh-Hant/index.md",
                 tmp_path / "docs/.translations/fr.yml"]:
        text = path.read_text(encoding="utf-8")
        path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    result = build_site(config, tmp_path / "site")
    assert result.ok, result.text
    page = (tmp_path / "site/fr/call/index.html").read_text(encoding="utf-8")
    assert "Grâce à elles" in page and "fov-notice" not in page  # read, stamped and current


def test_links_ids_names_empty_pages_and_records_name_file_line_and_fix(tmp_path, monkeypatch, capsys):
    config = make_site(tmp_path)
    docs = tmp_path / "docs"
    fr_call = docs / "fr/call.md"
    text = fr_call.read_text(encoding="utf-8")
    text = text.replace("Quelque 862", "Voir [reconnaître](reconnaitre.md) et [ici](index.md#agir). Quelque 862")
    text = text.replace("{#how}", "{#comment}")  # a heading id translated
    fr_call.write_text(text, encoding="utf-8")
    (docs / "fr/contacts.md").write_text("# Contact {#contact}\n\nÉcrivez-nous.\n", encoding="utf-8")
    (docs / "zh-Hans/index.md").write_text("", encoding="utf-8")
    (docs / "zh-Hans/contact.md").write_text("---\ndescription: 联系\n---\n\n \n", encoding="utf-8")
    zh_call = docs / "zh-Hant/call.md"
    zh_call.write_text(re.sub(r"translation:\n(  .*\n)+", "", zh_call.read_text(encoding="utf-8")),
                       encoding="utf-8")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")

    result = build_site(config, tmp_path / "site")

    assert not result.ok and "Traceback" not in result.text
    link_line = line_of(fr_call, "reconnaitre.md")
    (page,) = findings(result, f"docs/fr/call.md:{link_line}: the link 'reconnaitre.md'")
    assert "docs/fr/reconnaitre.md, which does not exist. Fix: link to" in page
    (anchor,) = findings(result, f"docs/fr/call.md:{link_line}: the link 'index.md#agir'")
    assert "but docs/fr/index.md has no such id. Fix: point it at one of the ids of that page: #act-now, #home" \
        in anchor
    assert not any(m.startswith("Doc file") for m in result.messages)  # MkDocs' line-less copy
    (heading,) = findings(result, f"docs/fr/call.md:{line_of(fr_call, '{#comment}')}")
    assert "has the id '#comment', where the English heading (docs/en/call.md:11) has '#how'" in heading
    assert "Fix: end this heading with '{#how}'" in heading
    (orphan,) = findings(result, "docs/fr/contacts.md:1")
    assert "translations keep the English file name: did you mean `docs/fr/contact.md`?" in orphan
    assert not any("not included in the \"nav\"" in m for m in result.messages)
    for empty in ("docs/zh-Hans/index.md", "docs/zh-Hans/contact.md"):
        (message,) = findings(result, empty)  # one finding, not one per heading it lacks
        assert message.startswith(f"{empty}:1: the file is empty") and "Fix:" in message
    out = capsys.readouterr().out
    assert "::warning file=docs/zh-Hant/call.md,line=1::no record of the English this translation was " \
           "made from: the front matter has no `translation:` block" in out
    assert "::error file=docs/fr/contacts.md,line=1::" in out
    # The page without its record still says honestly that nobody checked it against the English.
    page = (tmp_path / "site/zh-Hant/call/index.html").read_text(encoding="utf-8")
    assert "fov-notice--outdated" in page


def test_a_deleted_translation_block_alone_is_a_warning_not_a_failure(tmp_path):
    config = make_site(tmp_path)
    zh_call = tmp_path / "docs/zh-Hant/call.md"
    zh_call.write_text(re.sub(r"translation:\n(  .*\n)+", "", zh_call.read_text(encoding="utf-8")),
                       encoding="utf-8")
    result = build_site(config, tmp_path / "site")
    assert result.ok, result.text  # the strict build goes on: the page is checked in full
    assert "fov-notice--outdated" in (tmp_path / "site/zh-Hant/call/index.html").read_text(encoding="utf-8")


def test_the_status_command_names_bad_files_and_goes_on(tmp_path):
    config = make_site(tmp_path)
    docs = tmp_path / "docs"
    save_as(docs / "zh-Hant/call.md", "big5")
    data = docs / ".translations/fr.yml"
    data.write_text(data.read_text(encoding="utf-8") + "extra: un : deux\n", encoding="utf-8")
    line = len(data.read_text(encoding="utf-8").splitlines())

    status = translate(config, "status", check=False)
    assert status.returncode == 0 and "Traceback" not in status.stderr + status.stdout
    assert "| `zh-Hant`" in status.stdout or "zh-Hant" in status.stdout
    assert "docs/zh-Hant/call.md:2: the file is not UTF-8" in status.stderr and "Big5" in status.stderr
    assert f"docs/.translations/fr.yml:{line}: this is not valid YAML" in status.stderr

    stamp = translate(config, "stamp", "docs/zh-Hant/call.md", check=False)
    assert stamp.returncode != 0 and "Traceback" not in stamp.stderr
    assert stamp.stderr.count("docs/zh-Hant/call.md:2: the file is not UTF-8") == 1


def test_data_files_of_the_wrong_shape_are_named_and_the_english_is_used(tmp_path):
    config = make_site(tmp_path)
    data = tmp_path / "docs/.translations"
    (data / "fr.yml").write_text("strings:\n  fallback_title:\n    - Page pas encore traduite\n"
                                 "glossary:\n  volunteer: bénévole\n", encoding="utf-8")
    (data / "zh-Hans.yml").write_text("- strings\n- glossary\n", encoding="utf-8")
    (data / "es.yml").write_text("ui: [suggest, home]\nactions:\n  audience_label:\n    - Destinatarios\n",
                                 encoding="utf-8")

    result = build_site(config, tmp_path / "site")

    assert not result.ok and "Traceback" not in result.text
    (string,) = findings(result, "docs/.translations/fr.yml:2: the string 'fallback_title' is not a text")
    assert "Fix: write the text after the colon on the same line" in string
    (shape,) = findings(result, "docs/.translations/zh-Hans.yml:1: the file is not a list of 'key: value'")
    assert "Fix: start it with 'strings:'" in shape
    (ui,) = findings(result, "docs/.translations/es.yml:1: 'ui:' is not a list of 'key: text' lines")
    assert "Fix: write each word on its own line under 'ui:'" in ui
    findings(result, "docs/.translations/es.yml:3: 'actions.audience_label' is not a text on one line")
    # Each language still built: a string it lacks is the English one.
    assert (tmp_path / "site/fr/call/index.html").is_file() and (tmp_path / "site/zh-Hans/call/index.html").is_file()


# -- the pure functions behind the findings ---------------------------------------------

def test_a_warning_is_annotated_as_a_warning():
    from fov.base.findings import Finding, github_annotation
    assert github_annotation(Finding("docs/fr/call.md", 1, "w", "f", severity="warning")).startswith(
        "::warning file=docs/fr/call.md,line=1::w. Fix: f.")
    assert github_annotation(Finding("docs/fr/call.md", 3, "w", "f")).startswith("::error file=")


@pytest.mark.parametrize("name, names, nearest", [
    ("reconnaitre.md", ["call.md", "recognise.md", "support.md"], "recognise.md"),
    ("fr/take-actoin.md", ["fr/take-action.md", "fr/index.md"], "fr/take-action.md"),
    ("nowhere.md", ["index.md", "call.md"], None),
])
def test_the_nearest_name_is_compared_without_folders_and_extensions(name, names, nearest):
    from fov.base.findings import nearest_name
    assert nearest_name(name, names) == nearest


def test_mkdocs_link_warnings_become_problems_with_the_nearest_page_or_id():
    from fov.checks.links import broken_link
    pages = ["fr/call.md", "fr/recognise.md", "fr/index.md", "en/call.md"]
    found = broken_link("Doc file 'fr/call.md' contains a link 'reconnaitre.md', but the target "
                        "'fr/reconnaitre.md' is not found among documentation files.", pages, lambda _: None)
    assert found.doc == "fr/call.md" and found.problem.needles[0] == "](reconnaitre.md"
    assert found.problem.what == "the link 'reconnaitre.md' goes to docs/fr/reconnaitre.md, which does not exist"
    assert found.problem.fix == "link to 'recognise.md', the page with the nearest name"
    found = broken_link("Doc file 'fr/call.md' contains a link 'index.md#act-nw', but the doc 'fr/index.md' "
                        "does not contain an anchor '#act-nw'.", pages, lambda _: {"home", "act-now"})
    assert found.problem.fix == "write 'index.md#act-now', the nearest id of that page"
    assert broken_link("Doc file 'fr/call.md' contains a link 'call.md#nope', but there is no such anchor "
                       "on this page.", pages, lambda _: set()).problem.fix.startswith("link to the page without")
    assert broken_link("Some other warning", pages, lambda _: None) is None


@pytest.mark.parametrize("text, line, fix", [
    ("strings:\n  a: Page pas encore traduite : voilà\n", 2,
     'put the value in double quotes, because it contains \': \': a: "Page pas encore traduite : voilà"'),
    ("strings:\n\ta: x\n", 2, "indent with spaces, not tabs"),
    ('strings:\n  a: "pas fermé\n  b: x\n', 2, 'close the quote at the end of the value: a: "pas fermé"'),
    ("glossary:\n  volunteer:\n    also: [bénévoles, volontaire\n  b: y\n", 3,
     "end the list with ']': also: [bénévoles, volontaire]"),
    ("strings:\n  a: x\n  b: {language} ici\n", 3,
     "put the value in double quotes, because it starts with '{': b: \"{language} ici\""),
    ('strings:\n  a: "Lisez" la page\n', 2,
     'write the whole value in double quotes, with each " inside it written \\": a: "\\"Lisez\\" la page"'),
    ("strings:\n  a: x\n  b\n  c: y\n", 4, "write each entry as 'key: value'"),
])
def test_a_yaml_mistake_is_named_at_its_line_with_a_fix_in_plain_words(text, line, fix):
    from fov.base.source_file import parse_yaml
    data, problem = parse_yaml(text)
    assert data is None and problem.line == line and problem.what.startswith("this is not valid YAML")
    assert problem.fix.startswith(fix), problem.fix


def test_a_translation_under_a_name_english_lacks_gets_the_nearest_english_name():
    from fov.checks.source_checks import no_english_original
    english = ["call.md", "index.md", "protect.md", "recognise.md", "support.md"]
    assert no_english_original("fr", "call.md", "en", english, {"call.md"}) is None
    problem = no_english_original("fr", "reconnaitre.md", "en", english, {"call.md", "reconnaitre.md"})
    assert problem.line == 1 and "there is no English page docs/en/reconnaitre.md" in problem.what
    assert problem.fix == "translations keep the English file name: did you mean `docs/fr/recognise.md`? " \
                          "Rename the file"
    # No name is near: the English pages this language has not translated yet.
    problem = no_english_original("fr", "soutien-aux-benevoles.md", "en", english, {"call.md", "index.md"})
    assert problem.fix.endswith("one of `protect.md`, `recognise.md`, `support.md`")
