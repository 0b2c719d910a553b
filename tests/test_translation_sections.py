"""The pure parts of the translator workflow (hooks/fov): sections and their
hashes, the front matter record, GitHub links, glossary notes, HTML insertion."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import jieba
import yaml

from conftest import ROOT
from fov.base.html_insert import insert_after_headings
from fov.data.project import load_project
from fov.data.translation_data import Term
from fov.translation import github, glossary, sections as sect, translations as tr

PAGE = """---
description: Why it matters.
---

# The call {#the-call}

Intro of the call.

## Why act now {#why-act-now}

Because.

```markdown
## Not a heading {#inside-code}
```

### Build policies together {#support-1 data-stakeholders="governments vios"}

Together.

## Heading without id

Text.
"""


def test_sections_are_keyed_by_heading_id_with_the_description_first():
    document = sect.parse(PAGE)
    assert document.ids == ["_meta", "the-call", "why-act-now", "support-1", "heading-without-id"]
    assert document.section("support-1").title == "Build policies together"
    assert document.section("support-1").level == 3
    assert document.section("why-act-now").line == 9
    assert "## Not a heading" in document.section("why-act-now").text  # code stays in its section


def test_text_above_the_first_heading_is_a_section_of_its_own():
    assert sect.parse("Lead text.\n\n# Title {#t}\n").ids == ["_intro", "t"]


def test_hash_ignores_rewrapping_but_not_words():
    text = "## Why {#why}\n\nAround 862 million people volunteer every month."
    rewrapped = "## Why {#why}\n\nAround 862 million\npeople volunteer   every month.\n"
    reworded = "## Why {#why}\n\nAbout 862 million people volunteer every month."
    assert sect.section_hash(text) == sect.section_hash(rewrapped)
    assert sect.section_hash(text) != sect.section_hash(reworded)
    assert len(sect.section_hash(text)) == 8


def test_record_is_written_into_the_front_matter_keeping_the_rest():
    page = "---\n# a comment the translator wrote\ndescription: 說明\ntranslation:\n  method: reviewed\n  source_hashes:\n    old: aaaaaaaa\nsearch:\n  boost: 2\n---\n\n# 標題 {#t}\n"
    hashes = {"_meta": "00001234", "t": "1e345678", "why": "3f2a9c1b"}
    written = tr.write_record(page, hashes)
    front_matter, body, _ = sect.split_front_matter(written)
    assert "# a comment the translator wrote\ndescription: 說明\n" in front_matter
    assert body == "\n# 標題 {#t}\n"
    meta = yaml.safe_load(front_matter)
    # Hashes that look like numbers stay strings (quoted), method is kept.
    assert meta["translation"] == {"method": "reviewed", "source_hashes": hashes}
    assert meta["search"] == {"boost": 2}


def test_record_is_added_to_a_page_without_front_matter():
    written = tr.write_record("# Title {#t}\n", {"t": "3f2a9c1b"}, method="human")
    assert tr.translation_record(sect.parse(written).meta) == {
        "method": "human", "source_hashes": {"t": "3f2a9c1b"}}
    assert written.endswith("\n# Title {#t}\n")


def test_compare_finds_changed_new_and_removed_sections():
    english = sect.parse(PAGE)
    stamps = {**english.hashes, "why-act-now": "00000000", "gone": "11111111"}
    del stamps["support-1"]
    state, outdated, removed = tr.compare(english, {"translation": {"source_hashes": stamps}})
    assert (state, outdated, removed) == (tr.OUTDATED, ["why-act-now", "support-1"], ["gone"])
    assert tr.compare(english, {"translation": {"source_hashes": english.hashes}})[0] == tr.CURRENT
    assert tr.compare(english, {"description": "x"})[0] == tr.UNSTAMPED


def test_create_file_link_is_prefilled_with_the_english_and_its_record():
    url = github.create_file_url(REPO, "main", "docs", "zh-Hant", "call.md", PAGE)
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{REPO}/new/main/docs/zh-Hant"
    query = parse_qs(parts.query)
    assert query["filename"] == ["call.md"]
    prefilled = sect.parse(query["value"][0])
    assert tr.stamped_hashes(prefilled.meta) == sect.parse(PAGE).hashes
    assert "Because." in query["value"][0]


def test_create_file_link_falls_back_to_headings_then_to_no_text_when_too_long():
    long_page = PAGE + ("\nA long paragraph of English text. " * 300)
    url = github.create_file_url(REPO, "main", "docs", "zh-Hant", "call.md", long_page)
    value = parse_qs(urlsplit(url).query)["value"][0]
    assert len(url) <= github.MAX_URL_LENGTH
    assert "A long paragraph" not in value and "Because." not in value
    assert "### Build policies together {#support-1" in value  # the ids that must stay
    assert tr.stamped_hashes(sect.parse(value).meta) == sect.parse(long_page).hashes
    tiny = github.create_file_url(REPO, "main", "docs", "zh-Hant", "call.md", PAGE, max_length=200)
    assert "value" not in parse_qs(urlsplit(tiny).query) and "filename=call.md" in tiny


REPO = "https://github.com/example-org/fov-site"
TERMS = [
    Term("volunteer", ("volunteer", "volunteers"), "志愿者", avoid=("志愿人员",), allow=("联合国志愿人员",)),
    Term("vio", ("volunteer-involving organisations",), "志愿服务组织"),
]


def _section(text: str, line: int = 10) -> sect.Section:
    return sect.Section("s", "", 2, line, text)


def test_glossary_notes_a_missing_term_and_an_avoided_variant_with_its_line():
    english = _section("## S {#s}\n\nVolunteers help.")
    translated = _section("## S {#s}\n\n他们帮忙。\n\n志愿人员也帮忙。")
    notes = glossary.check_section(english, translated, TERMS)
    assert [n.line for n in notes] == [10, 14]
    assert "'volunteers'" in notes[0].message and "志愿者" in notes[0].message
    assert "'志愿人员'" in notes[1].message


def test_glossary_leaves_good_translations_and_allowed_names_alone():
    english = _section("## S {#s}\n\nVolunteer-involving organisations and volunteers.")
    translated = _section("## S {#s}\n\n志愿服务组织和志愿者，联合国志愿人员组织。")
    assert glossary.check_section(english, translated, TERMS) == []
    # The longer form is not also counted as the shorter one.
    assert glossary.english_terms("Volunteer-involving organisations act.", TERMS) == {"vio"}


def test_glossary_notes_in_a_build_leave_out_fallbacks_and_sections_not_caught_up_with():
    project = load_project(ROOT / "mkdocs.yml")
    english = (project.page_path(project.source, "call.md")).read_text(encoding="utf-8")

    def noted(meta) -> set[str]:  # a "translation" that kept the English misses the glossary's terms
        return {note.message.split(":")[0].lstrip("#")
                for note in glossary.translation_notes(project, TERMS, meta, "call.md", english)}

    current = noted({"fov_translation_state": tr.CURRENT})
    assert len(current) > 1
    assert noted({"fov_translation_state": "fallback"}) == set()
    behind = sorted(current)[1:]  # outdated: not caught up with the English
    assert noted({"fov_translation_state": tr.OUTDATED, "fov_outdated_sections": behind}) \
        == current - set(behind)


def test_jieba_user_dictionary_keeps_the_glossary_terms_whole(tmp_path):
    project = load_project(ROOT / "mkdocs.yml")
    dictionary = tmp_path / "zh-Hans.txt"
    dictionary.write_text(glossary.jieba_user_dict(project, "zh-Hans"), encoding="utf-8")
    assert "利益攸关方 n\n" in dictionary.read_text(encoding="utf-8")
    segmenter = jieba.Tokenizer()
    segmenter.load_userdict(str(dictionary))
    assert "国际志愿者促进可持续发展年" in segmenter.lcut("迎接国际志愿者促进可持续发展年的到来")


def test_notes_are_inserted_right_after_their_headings():
    html = '<h1 id="t">T</h1>\n<h2 id="a">A <a class="headerlink" href="#a">¶</a></h2>\n<p>x</p><h3 id="b">B</h3>'
    out, found = insert_after_headings(html, {"a": "<p>NOTE-A</p>", "b": "<p>NOTE-B</p>", "zz": "<p>?</p>"})
    assert found == {"a", "b"}
    assert '¶</a></h2><p>NOTE-A</p>\n<p>x</p><h3 id="b">B</h3><p>NOTE-B</p>' in out
